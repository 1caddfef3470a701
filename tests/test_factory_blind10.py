"""The tenth blind set: every labelled value is printed as the label says (read back from the PDF's text layer),
qty x price (per its price unit) = amount and the totals add up, dates are real dates, money is Decimal, tax ids pass
their check digits, the split is fixed and disjoint, and ``ledgerlens data blind --set 10`` writes it."""

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
from training.factory import blind, blind2, blind3, blind4, blind5, blind6, blind7, blind8, blind9
from training.factory.blind10 import (
    BLIND10_SPLITS,
    BY_NAME,
    FAMILIES,
    SCAN_CONDITIONS,
    SPLIT_SEED,
    ZERO_DECIMALS10,
    blind10_families,
    condition10,
    format_day10,
    make_blind10,
    qty10,
)
from training.factory.values import q2

# the stdnum module that checks each country's tax id as the set prints it
TAX_MODULES = {"UA": "edrpou", "RS": "pib", "BG": "vat", "IL": "hp", "CO": "nit", "PE": "ruc", "UY": "rut", "CR": "cpj",
               "NO": "mva", "FO": "vn", "ES": "cif", "AT": "uid", "BE": "vat"}  # fmt: skip
FORMATS = SetFormats(format_day10, {}, tax_id_with_check_digits(TAX_MODULES))


def check_sums10(fam: Any, doc: Any) -> None:
    """qty x price / price unit (rounded to the currency's places) = the amount; a discount line is one unit at a
    negative price; the lines sum to the subtotal; subtotal + tax = total; every amount a Decimal string."""
    items = doc.truth["line_items"]
    a = {k: Decimal(v) for k, v in doc.label["amounts"].items()}
    assert a["subtotal"] + a["tax_total"] == a["total"]
    assert sum((Decimal(i["amount"]) for i in items), Decimal(0)) == a["subtotal"]
    zero = fam.currency in ZERO_DECIMALS10
    units = doc.label["features"]["price_units"]
    assert len(units) == len(items)
    for k, item in enumerate(items):
        qty, price, amount = (Decimal(item[n]) for n in ("quantity", "unit_price", "amount"))
        exact = qty * price / units[k]
        assert amount == (exact if zero else q2(exact)), (fam.name, k, item)
        assert qty > 0, (fam.name, k)
        if price < 0:  # a discount line
            assert qty == 1 and fam.items == "discounts" and amount == price, (fam.name, k, item)
        if zero:
            assert amount == amount.to_integral_value() and a["total"] == a["total"].to_integral_value()


def check_set_doc10(fam: Any, doc: Any) -> None:
    check_doc(fam, doc, FORMATS)
    fields = doc.truth["fields"]
    for name in ("order_date", "effective_date", "expiry_date"):
        if name in fields:
            assert date.fromisoformat(fields[name]).year in range(2024, 2032)
    if "effective_date" in fields and "expiry_date" in fields:
        assert fields["effective_date"] < fields["expiry_date"]
    if fam.kind == "po":
        check_sums10(fam, doc)
        assert {"po_number", "order_date", "vendor_name", "buyer_name", "total"} <= set(fields), fam.name
    else:
        assert doc.truth["line_items"] and all(Decimal(i["unit_price"]) > 0 for i in doc.truth["line_items"])
        assert {"contract_number", "effective_date", "buyer_name", "vendor_name"} <= set(fields), fam.name


@pytest.mark.parametrize("fam", FAMILIES, ids=lambda f: f.name)
def test_blind10_labels_are_what_the_page_prints(fam: Any) -> None:
    doc = make_blind10(11, fam)
    check_set_doc10(fam, doc)
    assert doc.label["features"]["blind10"] == fam.name


def test_blind10_families_are_new_and_split_once() -> None:
    assert len(FAMILIES) == 24 and sum(f.kind == "po" for f in FAMILIES) == 16
    check_families_split(FAMILIES, BLIND10_SPLITS, SPLIT_SEED, blind10_families,
                         (blind, blind2, blind3, blind4, blind5, blind6, blind7, blind8, blind9))  # fmt: skip
    assert not set(BLIND10_SPLITS["dev"]) & set(BLIND10_SPLITS["test"])


def test_blind10_formats() -> None:
    day = date(2026, 1, 5)
    assert format_day10(day, "long", "uk") == "5 січня 2026 р."
    assert format_day10(day, "long", "de_AT") == "5. Jänner 2026"
    assert format_day10(day, "long", "ca") == "5 de gener del 2026"
    assert format_day10(day, "long", "nn") == "5. januar 2026"
    assert format_day10(day, "d_mon_up", "en") == "05-JAN-2026"
    assert qty10(Decimal("12500.000"), "en", 3) == "12,500.000"
    assert qty10(Decimal("1234.5"), "fr") == "1 234,5"


def test_blind10_price_per_thousand_and_three_decimal_quantities() -> None:
    fam = BY_NAME["sap-price-per-thousand-pk"]
    docs = [make_blind10(s, fam) for s in range(8)]
    assert any(u > 1 for d in docs for u in d.label["features"]["price_units"])
    for d in docs:
        assert all(len(i["quantity"].partition(".")[2]) == 3 for i in d.truth["line_items"])
        check_sums10(fam, d)


def test_blind10_discount_lines_are_negative_lines_of_one() -> None:
    fam = BY_NAME["orden-compra-descuentos-co"]
    doc = make_blind10(3, fam)
    negative = [i for i in doc.truth["line_items"] if Decimal(i["amount"]) < 0]
    assert negative and all(i["quantity"] == "1" and i["sku"] is None for i in negative)
    check_set_doc10(fam, doc)


def test_blind10_footer_band_holds_the_totals_at_the_page_foot() -> None:
    doc = make_blind10(4, BY_NAME["netsuite-footer-band-ph"])
    page = doc.label["pages"][-1]
    total = next(w for w in page["words"] if w["tag"] == "B-total")
    assert total["box"][1] > 700  # in the lower part of the page (0..1000)


def test_blind10_two_column_contract_labels_the_first_column() -> None:
    doc = make_blind10(5, BY_NAME["ugovor-dve-kolone-rs"])
    for word in doc.label["pages"][0]["words"]:
        if word["tag"] in {"B-buyer_name", "B-effective_date"}:
            assert word["box"][0] < 500, word


def test_blind10_landscape_order_is_wide() -> None:
    doc = make_blind10(6, BY_NAME["oracle-landscape-po-ae"])
    page = doc.label["pages"][0]
    assert page["width"] > page["height"]
    assert len(doc.label["features"]["columns"]) >= 11


def test_cli_writes_a_blind10_split_with_labels_and_scans(tmp_path: Path) -> None:
    check_cli_writes_split(tmp_path, 10, 2, "dev", BLIND10_SPLITS["dev"])


@pytest.mark.slow
@pytest.mark.parametrize("fam", FAMILIES, ids=lambda f: f.name)
def test_blind10_labels_hold_over_more_seeds(fam: Any) -> None:
    for seed in (1, 2, 3, 4, 5):
        check_set_doc10(fam, make_blind10(seed, fam))


def test_blind10_term_contracts_label_the_expiry_the_duration_implies() -> None:
    fam = BY_NAME["tenesteavtale-nynorsk-no"]
    doc = next(d for d in (make_blind10(s, fam) for s in range(12)) if d.model.term)
    check_term_expiry(doc)
    check_doc(fam, doc, FORMATS)


@pytest.mark.parametrize("kind", SCAN_CONDITIONS)
def test_blind10_own_scan_conditions_keep_the_page_and_its_print(kind: str) -> None:
    img = Image.new("RGB", (620, 877), (255, 255, 255))
    ImageDraw.Draw(img).text((300, 420), "Total 1.234,50", fill=(0, 0, 0))
    out, dpi, *moved = condition10(img, kind, random.Random(4), 595.0)
    assert dpi is None and out.size == img.size
    assert out.convert("RGB").tobytes() != img.tobytes()  # the page changed
    box = [300 * 1000 // 620, 420 * 1000 // 877, 420 * 1000 // 620, 436 * 1000 // 877]
    if moved:  # a turned page says where its words went
        box = moved[0](box)
    x0, y0, x1, y1 = box[0] * 620 // 1000, box[1] * 877 // 1000, box[2] * 620 // 1000, box[3] * 877 // 1000
    assert min(out.convert("L").crop((x0 - 2, y0 - 2, x1 + 2, y1 + 2)).getdata()) < 200  # its print still shows


def test_blind10_falls_back_to_the_earlier_sets_conditions() -> None:
    img = Image.new("RGB", (300, 400), (255, 255, 255))
    ImageDraw.Draw(img).text((40, 40), "Total", fill=(0, 0, 0))
    for kind in ("thermal", "binarise", "stripes", "crumple"):
        out, *_ = condition10(img, kind, random.Random(1), 595.0)
        assert out.size == img.size
