"""The thirteenth blind set: every labelled value is printed as the label says (read back from the PDF's text layer),
qty x price = amount (rounded half up to the currency's places) and the totals add up, tax ids have their scheme's
printed shape, the split is fixed and disjoint, the countries are new to the project, and ``ledgerlens data blind
--set 13`` writes it with scans."""

from __future__ import annotations

import importlib
import random
from datetime import date
from decimal import Decimal
from pathlib import Path
from typing import Any

import pytest
from PIL import Image, ImageDraw

from tests.blindchecks import (
    SetFormats,
    check_cli_writes_split,
    check_doc,
    check_families_split,
    check_new_desks,
    check_sums_to_places,
    check_term_expiry,
    tax_id_printed_whole,
)
from training.factory.blind13 import (
    BLIND13_SPLITS,
    BY_NAME,
    FAMILIES,
    SPLIT_SEED,
    blind13_families,
    condition13,
    format_day13,
    format_num13,
    make_blind13,
    spanish_words,
    tax_id_valid13,
)
from training.factory.blindsets import BLIND_SETS

_OLDER = tuple(importlib.import_module(BLIND_SETS[k][0]) for k in range(1, 13))  # sets 1-12
_COUNTRIES = sorted({f.country for f in FAMILIES})


FORMATS = SetFormats(format_day13, {}, tax_id_printed_whole(tax_id_valid13, _COUNTRIES))


def check_set_doc13(fam: Any, doc: Any) -> None:
    check_doc(fam, doc, FORMATS)
    assert doc.label["features"]["blind13"] == fam.name
    if fam.kind == "po":
        check_sums_to_places(fam, doc)


@pytest.mark.parametrize("fam", FAMILIES, ids=lambda f: f.name)
def test_blind13_labels_are_what_the_page_prints(fam: Any) -> None:
    check_set_doc13(fam, make_blind13(13, fam))


def test_blind13_families_are_new_and_split_once() -> None:
    assert len(FAMILIES) == 24 and sum(f.kind == "po" for f in FAMILIES) == 16
    check_families_split(FAMILIES, BLIND13_SPLITS, SPLIT_SEED, blind13_families, _OLDER)
    assert len(BLIND13_SPLITS["dev"]) == len(BLIND13_SPLITS["test"]) == 12
    check_new_desks(FAMILIES, _OLDER)


def test_blind13_same_seed_same_bytes() -> None:
    fam = BY_NAME["satyp-aluu-buyrutmasy-kg"]
    assert make_blind13(7, fam).pdf_bytes == make_blind13(7, fam).pdf_bytes


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


def test_cli_writes_a_blind13_split_with_labels_and_scans(tmp_path: Path) -> None:
    check_cli_writes_split(tmp_path, 13, 2, "dev", BLIND13_SPLITS["dev"])


@pytest.mark.parametrize("kind", ["tidemark", "ghost"])
def test_blind13_own_scan_conditions_keep_the_page_size(kind: str) -> None:
    img = Image.new("RGB", (620, 877), (255, 255, 255))
    ImageDraw.Draw(img).text((40, 40), "Total 1 234.500", fill=(0, 0, 0))
    out, dpi = condition13(img, kind, random.Random(4), 595.0)
    assert dpi is None and out.size == img.size
    assert out.convert("L").getextrema()[0] < 255


@pytest.mark.slow
@pytest.mark.parametrize("fam", FAMILIES, ids=lambda f: f.name)
def test_blind13_labels_hold_over_more_seeds(fam: Any) -> None:
    for seed in range(1, 5):
        check_set_doc13(fam, make_blind13(seed, fam))
