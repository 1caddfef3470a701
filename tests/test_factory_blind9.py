"""The ninth blind set: every labelled value is printed as the label says (read back from the PDF's text layer),
qty x price = amount and the totals add up, dates are real dates, money is Decimal, tax ids pass their check
digits, the split is fixed and disjoint, and ``ledgerlens data blind --set 9`` writes it."""

from __future__ import annotations

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
    check_term_expiry,
    tax_id_with_check_digits,
)
from training.factory import blind, blind2, blind3, blind4, blind5, blind6, blind7, blind8
from training.factory.blind9 import (
    BLIND9_SPLITS,
    BY_NAME,
    FAMILIES,
    SPLIT_SEED,
    ZERO_DECIMALS9,
    blind9_families,
    condition9,
    format_day9,
    make_blind9,
    num9,
)
from training.factory.values import q2

# the stdnum module that checks each country's tax id as the set prints it
TAX_MODULES = {"JP": "cn", "KR": "brn", "TW": "ubn", "VN": "mst", "ID": "npwp", "TH": "tin", "PT": "nif",
               "DK": "cvr", "FI": "ytunnus", "IS": "kennitala", "IE": "vat", "CA": "bn", "AU": "abn", "GB": "vat",
               "US": "ein", "EG": "tn", "MA": "ice"}  # fmt: skip
FORMATS = SetFormats(format_day9, {}, tax_id_with_check_digits(TAX_MODULES))


def check_sums9(fam: Any, doc: Any) -> None:
    """qty x price (rounded to the currency's places) = the amount; the lines sum to the subtotal; subtotal + tax =
    total; every amount a Decimal string."""
    items = doc.truth["line_items"]
    a = {k: Decimal(v) for k, v in doc.label["amounts"].items()}
    assert a["subtotal"] + a["tax_total"] == a["total"]
    assert sum((Decimal(i["amount"]) for i in items), Decimal(0)) == a["subtotal"]
    zero = fam.currency in ZERO_DECIMALS9
    for k, item in enumerate(items):
        qty, price, amount = (Decimal(item[n]) for n in ("quantity", "unit_price", "amount"))
        assert amount == (qty * price if zero else q2(qty * price)), (fam.name, k, item)
        assert qty > 0 and price > 0, (fam.name, k)
        if zero:
            assert amount == amount.to_integral_value() and a["total"] == a["total"].to_integral_value()


def check_set_doc9(fam: Any, doc: Any) -> None:
    check_doc(fam, doc, FORMATS)
    fields = doc.truth["fields"]
    for name in ("order_date", "effective_date", "expiry_date"):
        if name in fields:
            assert date.fromisoformat(fields[name]).year in range(2024, 2032)
    if "effective_date" in fields and "expiry_date" in fields:
        assert fields["effective_date"] < fields["expiry_date"]
    if fam.kind == "po":
        check_sums9(fam, doc)
    else:
        assert doc.truth["line_items"] and all(Decimal(i["unit_price"]) > 0 for i in doc.truth["line_items"])


@pytest.mark.parametrize("fam", FAMILIES, ids=lambda f: f.name)
def test_blind9_labels_are_what_the_page_prints(fam: Any) -> None:
    doc = make_blind9(11, fam)
    check_set_doc9(fam, doc)
    assert doc.label["features"]["blind9"] == fam.name


def test_blind9_families_are_new_and_split_once() -> None:
    assert len(FAMILIES) == 24 and sum(f.kind == "po" for f in FAMILIES) == 16
    check_families_split(FAMILIES, BLIND9_SPLITS, SPLIT_SEED, blind9_families,
                         (blind, blind2, blind3, blind4, blind5, blind6, blind7, blind8))  # fmt: skip
    assert not set(BLIND9_SPLITS["dev"]) & set(BLIND9_SPLITS["test"])


def test_blind9_formats() -> None:
    day = date(2026, 3, 5)
    assert format_day9(day, "long", "pt") == "5 de março de 2026"
    assert format_day9(day, "long", "fi") == "5. maaliskuuta 2026"
    assert format_day9(day, "long", "vi") == "ngày 05 tháng 03 năm 2026"
    assert format_day9(day, "ymd_kanji", "en") == "2026/3/5"
    assert num9(Decimal("12345678.5"), "in") == "1,23,45,678.50"
    assert num9(Decimal("1234.5"), "fr") == "1 234,50"
    assert num9(Decimal("1234.5"), "ch") == "1'234.50"


def test_blind9_framework_labels_only_the_new_prices() -> None:
    doc = make_blind9(4, BY_NAME["framework-price-annex-eg"])
    new = [Decimal(i["unit_price"]) for i in doc.truth["line_items"]]
    assert new == [r for _s, _u, r in doc.model.rates]
    assert all(p < r for p, r in zip(doc.model.previous, new, strict=True))


def test_blind9_canadian_order_adds_two_taxes() -> None:
    doc = make_blind9(5, BY_NAME["bon-commande-gst-qst-ca"])
    taxes = doc.model.tax_by_rate
    assert sorted(taxes) == [Decimal("5"), Decimal("9.975")]
    assert sum(taxes.values()) == Decimal(doc.label["amounts"]["tax_total"])


def test_blind9_fax_cover_comes_before_the_order() -> None:
    doc = make_blind9(6, BY_NAME["fax-cover-order-ie"])
    first = {w["tag"] for w in doc.label["pages"][0]["words"]}
    assert first == {"O"} and len(doc.label["pages"]) >= 2


def test_cli_writes_a_blind9_split_with_labels_and_scans(tmp_path: Path) -> None:
    check_cli_writes_split(tmp_path, 9, 2, "dev", BLIND9_SPLITS["dev"])


@pytest.mark.slow
@pytest.mark.parametrize("fam", FAMILIES, ids=lambda f: f.name)
def test_blind9_labels_hold_over_more_seeds(fam: Any) -> None:
    for seed in (1, 2, 3, 4, 5):
        check_set_doc9(fam, make_blind9(seed, fam))


def test_blind9_term_contracts_label_the_expiry_the_duration_implies() -> None:
    fam = BY_NAME["lease-schedule-ng"]
    doc = next(d for d in (make_blind9(s, fam) for s in range(12)) if d.model.term)
    check_term_expiry(doc)
    check_doc(fam, doc, FORMATS)


@pytest.mark.parametrize("kind", ["thermal", "crumple", "dither150", "stamp"])
def test_blind9_own_scan_conditions_keep_the_page_size(kind: str) -> None:
    img = Image.new("RGB", (620, 877), (255, 255, 255))
    ImageDraw.Draw(img).text((40, 40), "Total 1.234,50", fill=(0, 0, 0))
    out, dpi = condition9(img, kind, random.Random(4), 595.0)
    assert dpi is None and out.size == img.size
    grey = out.convert("L")
    assert out.convert("RGB").tobytes() != img.tobytes()  # the page changed
    assert min(grey.crop((38, 38, 160, 54)).getdata()) < 200  # and its print still shows
