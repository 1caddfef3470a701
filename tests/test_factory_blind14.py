"""The fourteenth blind set: every labelled value is printed as the label says (read back from the PDF's text layer),
qty x price = amount (rounded half up to the currency's places) and the totals add up, tax ids pass their scheme's
check or have its printed shape, the split is fixed and disjoint, the countries are new to the project, the papers
print what they claim (box-drawing rules, a fax strip, an A5 leaf, struck values left out of the labels), and
``ledgerlens data blind --set 14`` writes it with scans.
The checks the later sets share (the fixed split, the new countries, the same bytes for the same seed, the CLI, the
own scan conditions) are in ``test_factory_blindsets``."""

from __future__ import annotations

import random
from decimal import Decimal
from typing import Any

import pytest

from tests.blindchecks import (
    SetFormats,
    check_doc,
    check_set_doc_to_places,
    check_term_expiry,
    tax_id_printed_whole,
    text_layer,
)
from training.factory.blind13 import format_day13
from training.factory.blind14 import (
    BY_NAME,
    FAMILIES,
    make_blind14,
    sample_po14,
    tax_id_valid14,
)

_COUNTRIES = sorted({f.country for f in FAMILIES})


FORMATS = SetFormats(format_day13, {}, tax_id_printed_whole(tax_id_valid14, _COUNTRIES))


def check_set_doc14(fam: Any, doc: Any) -> None:
    check_set_doc_to_places(fam, doc, FORMATS, 14)


@pytest.mark.parametrize("fam", FAMILIES, ids=lambda f: f.name)
def test_blind14_labels_are_what_the_page_prints(fam: Any) -> None:
    check_set_doc14(fam, make_blind14(14, fam))


def test_blind14_tax_ids_pass_their_checks() -> None:
    assert tax_id_valid14("RU", "7707083893") and not tax_id_valid14("RU", "7707083894")  # stdnum's ИНН check
    assert tax_id_valid14("CN", "91110000600037341L") and not tax_id_valid14("CN", "91110000600037341M")
    assert tax_id_valid14("GL", "13585628") and not tax_id_valid14("GL", "13585627")  # CVR
    assert tax_id_valid14("SA", "300012345600003") and not tax_id_valid14("SA", "30001234560000")
    assert tax_id_valid14("NC", "1234567.001")


def test_blind14_box_drawing_print_keeps_its_rules_and_cyrillic() -> None:
    doc = make_blind14(3, BY_NAME["zakaz-postavshchiku-psevdografika-ru"])
    layer = text_layer(doc.pdf_bytes)
    assert "┌" in layer and "┼" in layer and "│" in layer and "ЗАКАЗ ПОСТАВЩИКУ" in layer
    assert "Всего наименований" in layer


def test_blind14_fax_strip_is_printed_but_not_labelled() -> None:
    doc = make_blind14(3, BY_NAME["purchase-order-fax-strip-cn"])
    first = doc.label["pages"][0]["words"]
    strip = [w for w in first if w["box"][1] < 35]
    assert any(w["text"].startswith("P.00") for w in strip) and all(w["tag"] == "O" for w in strip)


def test_blind14_order_book_leaf_is_a5_with_the_serial_as_the_number() -> None:
    doc = make_blind14(3, BY_NAME["carnet-de-commandes-a5-ml"])
    assert round(doc.pages[0].width) == 420 and round(doc.pages[0].height) == 595
    assert doc.truth["fields"]["po_number"].isdigit() and len(doc.truth["fields"]["po_number"]) == 6


def test_blind14_struck_values_and_cancelled_rows_are_left_out_of_the_labels() -> None:
    fam = BY_NAME["purchase-order-revision-sc"]
    for seed in range(1, 6):
        order = sample_po14(random.Random(seed), fam)  # the draws make_blind14 makes first
        doc = make_blind14(seed, fam)
        items = doc.truth["line_items"]
        assert len(items) == len(order.po.lines) and any(order.old)
        for item, ln, old in zip(items, order.po.lines, order.old, strict=True):
            if old:  # the new value is the label; the struck one is printed beside it
                field, was = old
                assert Decimal(item[field]) == getattr(ln, field) != was
        if order.cancelled is not None:
            assert order.cancelled.description not in {i["description"] for i in items} or any(
                ln.description == order.cancelled.description for ln in order.po.lines
            )


def test_blind14_bonus_units_are_printed_beside_the_charged_quantity() -> None:
    fam = BY_NAME["bon-de-commande-paragraphe-gn"]
    doc = next(d for d in (make_blind14(s, fam) for s in range(1, 20)) if "+" in text_layer(d.pdf_bytes))
    layer = text_layer(doc.pdf_bytes)
    assert "Qté + UG" in layer
    check_set_doc14(fam, doc)


def test_blind14_term_contracts_label_the_expiry_the_duration_implies() -> None:
    fam = BY_NAME["tjenesteaftale-noter-gl"]
    doc = make_blind14(4, fam)
    check_term_expiry(doc)
    check_doc(fam, doc, FORMATS)


@pytest.mark.slow
@pytest.mark.parametrize("fam", FAMILIES, ids=lambda f: f.name)
def test_blind14_labels_hold_over_more_seeds(fam: Any) -> None:
    for seed in range(1, 5):
        check_set_doc14(fam, make_blind14(seed, fam))
