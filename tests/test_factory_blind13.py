"""The thirteenth blind set: every labelled value is printed as the label says (read back from the PDF's text layer),
qty x price = amount (rounded half up to the currency's places) and the totals add up, tax ids have their scheme's
printed shape, the split is fixed and disjoint, the countries are new to the project, and ``ledgerlens data blind
--set 13`` writes it with scans.
The checks the later sets share (the fixed split, the new countries, the same bytes for the same seed, the CLI, the
own scan conditions) are in ``test_factory_blindsets``."""

from __future__ import annotations

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
)
from training.factory.blind13 import (
    BY_NAME,
    FAMILIES,
    format_day13,
    format_num13,
    make_blind13,
    spanish_words,
    tax_id_valid13,
)

_COUNTRIES = sorted({f.country for f in FAMILIES})


FORMATS = SetFormats(format_day13, {}, tax_id_printed_whole(tax_id_valid13, _COUNTRIES))


def check_set_doc13(fam: Any, doc: Any) -> None:
    check_set_doc_to_places(fam, doc, FORMATS, 13)


@pytest.mark.parametrize("fam", FAMILIES, ids=lambda f: f.name)
def test_blind13_labels_are_what_the_page_prints(fam: Any) -> None:
    check_set_doc13(fam, make_blind13(13, fam))


def test_blind13_formats() -> None:
    day = date(2026, 12, 7)
    assert format_day13(day, "roman", "bs_BA") == "07.XII.2026"
    assert format_day13(day, "roman_dash", "bs_BA") == "07-XII-2026"
    assert format_day13(date(2026, 3, 5), "long", "tg_TJ") == "05 Март 2026"
    assert format_day13(date(2026, 3, 5), "long", "af_NA") == "5 Maart 2026"
    assert format_num13(Decimal("1234567.5"), "sp", 2) == "1 234 567.50"
    assert format_num13(Decimal("1234.5678"), "en", 3) == "1,234.568"
    assert format_num13(Decimal("1234567"), "en", 0) == "1,234,567"
    assert spanish_words(21_000) == "veintiún mil"
    assert spanish_words(1_531_100) == "un millón quinientos treinta y un mil cien"


def test_blind13_tax_ids_have_their_printed_shape() -> None:
    assert tax_id_valid13("BA", "4200123456789") and not tax_id_valid13("BA", "420012345678")
    assert tax_id_valid13("FJ", "50-12345-0-1") and not tax_id_valid13("FJ", "5012345-0-1")
    assert tax_id_valid13("MV", "1012345GST501")
    assert tax_id_valid13("HT", "001-234-567-8")


def test_blind13_currencies_print_their_own_places() -> None:
    kw = make_blind13(5, BY_NAME["local-purchase-order-kwd-kw"])  # Kuwaiti dinar: three places
    assert all(len(i["unit_price"].split(".")[1]) == 3 for i in kw.truth["line_items"])
    rw = make_blind13(5, BY_NAME["itegeko-ryo-kugura-rw"])  # Rwandan franc: none
    assert all("." not in i["unit_price"] for i in rw.truth["line_items"])


def test_blind13_cover_letter_puts_the_order_on_page_two() -> None:
    doc = make_blind13(3, BY_NAME["purchase-order-cover-mu"])
    first, second = doc.label["pages"][:2]
    assert all(w["tag"] == "O" for w in first["words"])
    assert any(w["tag"] == "B-buyer_name" for w in second["words"])


def test_blind13_footer_band_holds_the_order_facts() -> None:
    doc = make_blind13(3, BY_NAME["purchase-order-footer-kh"])
    page = doc.label["pages"][0]
    number = next(w for w in page["words"] if w["tag"] == "B-po_number")
    assert number["box"][1] > 900  # at the foot of the page


def test_blind13_transposed_table_runs_items_across() -> None:
    fam = BY_NAME["purchase-order-transposed-bh"]
    doc = make_blind13(4, fam)
    words = [w for p in doc.label["pages"][:1] for w in p["words"] if w["tag"] == "B-amount"]
    rows = {w["box"][1] for w in words[:2]}
    assert len(words) >= 2 and len(rows) == 1  # the first two amounts on one line


def test_blind13_term_contracts_label_the_expiry_the_duration_implies() -> None:
    fam = BY_NAME["services-contract-form-zm"]
    doc = make_blind13(4, fam)
    check_term_expiry(doc)
    check_doc(fam, doc, FORMATS)


@pytest.mark.slow
@pytest.mark.parametrize("fam", FAMILIES, ids=lambda f: f.name)
def test_blind13_labels_hold_over_more_seeds(fam: Any) -> None:
    for seed in range(1, 5):
        check_set_doc13(fam, make_blind13(seed, fam))
