"""The seventh blind set: every labelled value is printed as the label says (read back from the PDF's text layer),
qty x price less the printed discount = amount and the totals add up, tax ids pass their check digits, the split is
fixed and disjoint, and ``ledgerlens data blind --set 7`` writes it."""

from __future__ import annotations

import random
from datetime import date
from decimal import Decimal
from pathlib import Path
from typing import Any

import pytest
from PIL import Image

from tests.blindchecks import (
    SetFormats,
    check_cli_writes_split,
    check_doc,
    check_families_split,
    check_family_varies,
    check_term_expiry,
    tax_id_with_check_digits,
)
from training.factory import blind, blind2, blind3, blind4, blind5, blind6
from training.factory.blind7 import (
    BLIND7_SPLITS,
    BY_NAME,
    FAMILIES,
    SPLIT_SEED,
    ZERO_DECIMALS,
    blind7_families,
    condition7,
    format_day7,
    make_blind7,
)
from training.factory.values import q2

SYMBOLS = {"€": "EUR", "zł": "PLN", "Ft": "HUF", "₩": "KRW", "Kč": "CZK"}
# the stdnum module that checks each country's tax id as the set prints it
TAX_MODULES = {"SE": "vat", "NO": ("orgnr", "mva"), "DK": "cvr", "FI": ("ytunnus", "alv"), "PL": "nip", "SK": "dph",
               "HU": "anum", "HR": "oib", "IT": "iva", "PT": "nif", "JP": "cn", "KR": "brn", "AU": "abn",
               "CA": "bn", "IE": "vat", "CZ": "dic"}  # fmt: skip
FORMATS = SetFormats(format_day7, SYMBOLS, tax_id_with_check_digits(TAX_MODULES))


def check_sums7(fam: Any, doc: Any) -> None:
    """qty x price (rounded to the currency's places) less the line's printed discount = the amount; the lines sum
    to the subtotal; subtotal + tax = total; a discount only where a discount column prints it."""
    items = doc.truth["line_items"]
    a = {k: Decimal(v) for k, v in doc.label["amounts"].items()}
    assert a["subtotal"] + a["tax_total"] == a["total"]
    assert sum((Decimal(i["amount"]) for i in items), Decimal(0)) == a["subtotal"]
    features = doc.label["features"]
    shown = {"discount_pct", "discount_amt"} & set(features["columns"])
    zero = fam.currency in ZERO_DECIMALS
    for k, item in enumerate(items):
        qty, price, amount = (Decimal(item[n]) for n in ("quantity", "unit_price", "amount"))
        cut = Decimal(features["discounts"][k])
        gross = qty * price if zero else q2(qty * price)
        assert amount == gross - cut, (fam.name, k, item, cut)
        assert shown or not cut, (fam.name, k)
        if zero:
            assert amount == amount.to_integral_value(), (fam.name, k)


def check_set_doc7(fam: Any, doc: Any) -> None:
    check_doc(fam, doc, FORMATS)
    if fam.kind == "po":
        check_sums7(fam, doc)


@pytest.mark.parametrize("fam", FAMILIES, ids=lambda f: f.name)
def test_blind7_labels_are_what_the_page_prints(fam: Any) -> None:
    doc = make_blind7(11, fam)
    check_set_doc7(fam, doc)
    assert doc.label["features"]["blind7"] == fam.name


def test_blind7_families_vary_within_and_reach_several_pages() -> None:
    fam = BY_NAME["linjeskrivare-inkop-se"]
    docs = [make_blind7(s, fam) for s in range(16)]
    check_family_varies(docs, 2)


def test_blind7_families_are_new_and_split_once() -> None:
    assert len(FAMILIES) == 24 and sum(f.kind == "po" for f in FAMILIES) == 16
    check_families_split(FAMILIES, BLIND7_SPLITS, SPLIT_SEED, blind7_families,
                         (blind, blind2, blind3, blind4, blind5, blind6))  # fmt: skip


def test_blind7_formats() -> None:
    day = date(2026, 3, 5)
    assert format_day7(day, "long", "hu") == "2026. március 5."
    assert format_day7(day, "ymd_hu", "hu") == "2026. 03. 05."
    assert format_day7(day, "long", "hr") == "5. ožujka 2026."
    assert format_day7(day, "dmy_dot_end", "hr") == "05.03.2026."
    assert format_day7(day, "long", "sk") == "5. marca 2026"
    assert format_day7(day, "ord_mon", "en") == "5th March 2026"
    assert format_day7(day, "long", "pl") == "5 marca 2026 r."


def test_cli_writes_a_blind7_split_with_labels_and_scans(tmp_path: Path) -> None:
    check_cli_writes_split(tmp_path, 7, 2, "dev", BLIND7_SPLITS["dev"])


@pytest.mark.slow
@pytest.mark.parametrize("fam", FAMILIES, ids=lambda f: f.name)
def test_blind7_labels_hold_over_more_seeds(fam: Any) -> None:
    for seed in (1, 2, 3):
        check_set_doc7(fam, make_blind7(seed, fam))


def test_blind7_term_contracts_label_the_expiry_the_duration_implies() -> None:
    fam = BY_NAME["serviceavtal-se"]
    doc = next(d for d in (make_blind7(s, fam) for s in range(12)) if d.model.term)
    check_term_expiry(doc)
    check_doc(fam, doc, FORMATS)


def test_blind7_zero_decimal_currencies_print_no_decimals() -> None:
    doc = make_blind7(5, BY_NAME["trading-house-po-jp"])
    assert all(Decimal(i["amount"]) == Decimal(i["amount"]).to_integral_value() for i in doc.truth["line_items"])
    assert Decimal(doc.label["amounts"]["tax_total"]) == Decimal(doc.label["amounts"]["tax_total"]).to_integral_value()


@pytest.mark.parametrize("kind", ["fax120", "carbon", "ticks"])
def test_blind7_own_scan_conditions_keep_the_page_size(kind: str) -> None:
    img = Image.new("RGB", (620, 877), (255, 255, 255))
    out, dpi = condition7(img, kind, random.Random(4), 595.0)
    assert (dpi is None and out.size == img.size) or (dpi in {100, 120, 150} and out.mode == "1")
