"""The fifteenth blind set: every labelled value is printed as the label says (read back from the PDF's text layer),
qty x price = amount (rounded half up to the currency's places) and the totals add up, tax ids have their scheme's
printed shape, the split is fixed and disjoint, the countries are new to the project, the papers print what they
claim (a pack column, packaging rows, a form's struck-out rows, a reference currency, a requisition, a tear-off slip,
questions and answers, minutes, a deed's date in ordinal words, offered and later years' rates left out of the
labels), and ``ledgerlens data blind --set 15`` writes it with scans.
The checks the later sets share (the fixed split, the new countries, the same bytes for the same seed, the CLI, the
own scan conditions) are in ``test_factory_blindsets``."""

from __future__ import annotations

import random
from datetime import date
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
from training.factory.blind15 import (
    BY_NAME,
    FAMILIES,
    format_day15,
    make_blind15,
    sample_contract15,
    sample_po15,
    tax_id_valid15,
)

_COUNTRIES = sorted({f.country for f in FAMILIES})


FORMATS = SetFormats(format_day15, {}, tax_id_printed_whole(tax_id_valid15, _COUNTRIES))


def check_set_doc15(fam: Any, doc: Any) -> None:
    check_set_doc_to_places(fam, doc, FORMATS, 15)


@pytest.mark.parametrize("fam", FAMILIES, ids=lambda f: f.name)
def test_blind15_labels_are_what_the_page_prints(fam: Any) -> None:
    check_set_doc15(fam, make_blind15(15, fam))


def test_blind15_tax_ids_have_their_printed_shapes() -> None:
    assert tax_id_valid15("CG", "M2123456789012A") and not tax_id_valid15("CG", "M212345678901A")
    assert tax_id_valid15("NE", "12345/S") and not tax_id_valid15("NE", "12345S")
    assert tax_id_valid15("LA", "012345678-000") and tax_id_valid15("KY", "CR-123456")
    assert tax_id_valid15("BJ", "3201234567890") and not tax_id_valid15("BJ", "1201234567890")


def test_blind15_deed_dates_are_ordinal_words() -> None:
    assert format_day15(date(2026, 3, 5), "ordwords", "en_BS") == "fifth day of March 2026"
    assert format_day15(date(2026, 12, 31), "ordwords", "en_KY") == "thirty-first day of December 2026"
    fam = BY_NAME["maintenance-deed-offered-agreed-ky"]
    doc = make_blind15(3, fam)
    assert "day of" in text_layer(doc.pdf_bytes) and "IN WITNESS WHEREOF" in text_layer(doc.pdf_bytes)
    check_set_doc15(fam, doc)


def test_blind15_pack_column_prints_cartons_and_labels_the_units() -> None:
    fam = BY_NAME["purchase-order-requisition-cartons-bt"]
    order = sample_po15(random.Random(5), fam)
    doc = make_blind15(5, fam)
    layer = text_layer(doc.pdf_bytes)
    assert "PURCHASE REQUISITION" in layer and order.req["no"] in layer
    for item, pack in zip(doc.truth["line_items"], order.packs, strict=True):
        assert pack is not None and Decimal(item["quantity"]) == pack[0] * pack[1]
        assert f"{pack[0]} × {pack[1]}" in layer


def test_blind15_packaging_rows_are_printed_but_not_labelled() -> None:
    fam = BY_NAME["nota-de-encomenda-embalagens-st"]
    doc = make_blind15(4, fam)
    layer = text_layer(doc.pdf_bytes)
    assert "Acondicionamento:" in layer and "CONFIRMAÇÃO DE ENCOMENDA" in layer
    words = [w for p in doc.label["pages"] for w in p["words"] if w["text"] == "Acondicionamento:"]
    assert words and all(w["tag"] == "O" for w in words)
    assert len(doc.truth["line_items"]) == len(doc.model.lines)


def test_blind15_form_rows_left_empty_are_numbered_but_carry_nothing() -> None:
    fam = BY_NAME["purchase-order-requisition-form-ly"]
    doc = next(d for d in (make_blind15(s, fam) for s in range(1, 30)) if len(d.model.lines) < 10)
    check_set_doc15(fam, doc)
    assert doc.label["features"]["numbered"]
    n = len(doc.truth["line_items"])
    numbers = {w["text"] for w in doc.label["pages"][0]["words"]}
    assert str(n + 1) in numbers  # a pre-printed number of an empty row


def test_blind15_reference_currency_column_is_not_labelled() -> None:
    fam = BY_NAME["bon-de-commande-contre-valeur-cg"]
    doc = make_blind15(6, fam)
    layer = text_layer(doc.pdf_bytes)
    assert "Contre-valeur EUR" in layer and "655,957" in layer
    check_set_doc15(fam, doc)


def test_blind15_offered_and_later_year_rates_are_not_labelled() -> None:
    fam = BY_NAME["acta-de-negociacion-tarifas-gq"]
    model = sample_contract15(random.Random(2), fam)
    doc = make_blind15(2, fam)
    assert [Decimal(i["unit_price"]) for i in doc.truth["line_items"]] == [r for _s, _u, r in model.rates]
    assert all(o > r for o, (_s, _u, r) in zip(model.others, model.rates, strict=True))
    assert "Oferta inicial" in text_layer(doc.pdf_bytes)
    fam = BY_NAME["contrat-questions-reponses-bj"]
    doc = make_blind15(2, fam)
    layer = text_layer(doc.pdf_bytes)
    assert "Année 3" in layer and "Qui sont les parties ?" in layer
    check_set_doc15(fam, doc)


def test_blind15_term_contracts_label_the_expiry_the_duration_implies() -> None:
    fam = BY_NAME["services-deed-indexed-rates-bs"]
    doc = make_blind15(4, fam)
    check_term_expiry(doc)
    check_doc(fam, doc, FORMATS)


@pytest.mark.slow
@pytest.mark.parametrize("fam", FAMILIES, ids=lambda f: f.name)
def test_blind15_labels_hold_over_more_seeds(fam: Any) -> None:
    for seed in range(1, 5):
        check_set_doc15(fam, make_blind15(seed, fam))
