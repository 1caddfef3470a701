"""The eighth blind set: every labelled value is printed as the label says (read back from the PDF's text layer),
qty x price = amount and the totals add up, tax ids pass their check digits, the split is fixed and disjoint, and
``ledgerlens data blind --set 8`` writes it."""

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
    check_term_expiry,
    tax_id_with_check_digits,
)
from training.factory import blind, blind2, blind3, blind4, blind5, blind6, blind7
from training.factory.blind8 import (
    BLIND8_SPLITS,
    BY_NAME,
    FAMILIES,
    SPLIT_SEED,
    ZERO_DECIMALS8,
    blind8_families,
    condition8,
    format_day8,
    make_blind8,
)
from training.factory.values import q2

SYMBOLS = {"€": "EUR", "₺": "TRY", "R$": "BRL", "₹": "INR", "S$": "SGD", "NZ$": "NZD"}
# the stdnum module that checks each country's tax id as the set prints it
TAX_MODULES = {"EE": "kmkr", "LV": "pvn", "LT": "pvm", "RO": "cui", "SI": "ddv", "TR": "vkn", "GR": "vat",
               "CH": "uid", "BE": "vat", "LU": "tva", "MX": "rfc", "BR": "cnpj", "AR": "cuit", "CL": "rut",
               "IN": "gstin", "ZA": "tin", "SG": "uen", "NZ": "ird"}  # fmt: skip
FORMATS = SetFormats(format_day8, SYMBOLS, tax_id_with_check_digits(TAX_MODULES))


def check_sums8(fam: Any, doc: Any) -> None:
    """qty x price (rounded to the currency's places) = the amount; the lines sum to the subtotal; subtotal + tax =
    total."""
    items = doc.truth["line_items"]
    a = {k: Decimal(v) for k, v in doc.label["amounts"].items()}
    assert a["subtotal"] + a["tax_total"] == a["total"]
    assert sum((Decimal(i["amount"]) for i in items), Decimal(0)) == a["subtotal"]
    zero = fam.currency in ZERO_DECIMALS8
    for k, item in enumerate(items):
        qty, price, amount = (Decimal(item[n]) for n in ("quantity", "unit_price", "amount"))
        assert amount == (qty * price if zero else q2(qty * price)), (fam.name, k, item)
        if zero:
            assert amount == amount.to_integral_value(), (fam.name, k)


def check_set_doc8(fam: Any, doc: Any) -> None:
    check_doc(fam, doc, FORMATS)
    if fam.kind == "po":
        check_sums8(fam, doc)
    elif fam.header == "saas":  # seats x price per seat = the annual fee
        for item in doc.truth["line_items"]:
            assert Decimal(item["amount"]) == q2(Decimal(item["quantity"]) * Decimal(item["unit_price"]))


@pytest.mark.parametrize("fam", FAMILIES, ids=lambda f: f.name)
def test_blind8_labels_are_what_the_page_prints(fam: Any) -> None:
    doc = make_blind8(11, fam)
    check_set_doc8(fam, doc)
    assert doc.label["features"]["blind8"] == fam.name


def test_blind8_families_are_new_and_split_once() -> None:
    assert len(FAMILIES) == 24 and sum(f.kind == "po" for f in FAMILIES) == 16
    check_families_split(FAMILIES, BLIND8_SPLITS, SPLIT_SEED, blind8_families,
                         (blind, blind2, blind3, blind4, blind5, blind6, blind7))  # fmt: skip


def test_blind8_formats() -> None:
    day = date(2026, 3, 5)
    assert format_day8(day, "long", "et") == "5. märts 2026"
    assert format_day8(day, "long", "lv") == "2026. gada 5. martā"
    assert format_day8(day, "long", "lt") == "2026 m. kovo 5 d."
    assert format_day8(day, "dmy_dot_end", "lv") == "05.03.2026."


def test_blind8_repeated_header_runs_over_pages_and_landscape_schedule_turns() -> None:
    fam = BY_NAME["comanda-antet-repetat-ro"]
    doc = next(d for d in (make_blind8(s, fam) for s in range(12)) if len(d.label["pages"]) > 1)
    check_set_doc8(fam, doc)
    layer = [" ".join(w["text"] for w in page["words"]) for page in doc.label["pages"]]
    assert all(doc.truth["fields"]["po_number"] in text for text in layer)  # the number on every page
    sizes = [(p.width, p.height) for p in make_blind8(3, BY_NAME["tarifblatt-quer-ch"]).pages]
    assert sizes[0][0] < sizes[0][1] and sizes[-1][0] > sizes[-1][1]


def test_blind8_amendment_labels_only_the_new_rates() -> None:
    doc = make_blind8(4, BY_NAME["rate-amendment-gr"])
    new = [Decimal(i["unit_price"]) for i in doc.truth["line_items"]]
    assert new == [r for _s, _u, r in doc.model.rates]
    assert all(p < r for p, r in zip(doc.model.previous, new, strict=True))


def test_cli_writes_a_blind8_split_with_labels_and_scans(tmp_path: Path) -> None:
    check_cli_writes_split(tmp_path, 8, 2, "dev", BLIND8_SPLITS["dev"])


@pytest.mark.slow
@pytest.mark.parametrize("fam", FAMILIES, ids=lambda f: f.name)
def test_blind8_labels_hold_over_more_seeds(fam: Any) -> None:
    for seed in (1, 2, 3):
        check_set_doc8(fam, make_blind8(seed, fam))


def test_blind8_term_contracts_label_the_expiry_the_duration_implies() -> None:
    fam = BY_NAME["saas-order-form-za"]
    doc = next(d for d in (make_blind8(s, fam) for s in range(12)) if d.model.term)
    check_term_expiry(doc)
    check_doc(fam, doc, FORMATS)


@pytest.mark.parametrize("kind", ["binarise", "jpegblock", "holes", "bleed", "stripes"])
def test_blind8_own_scan_conditions_keep_the_page_size(kind: str) -> None:
    img = Image.new("RGB", (620, 877), (255, 255, 255))
    ImageDraw = __import__("PIL.ImageDraw", fromlist=["Draw"])
    ImageDraw.Draw(img).text((40, 40), "Total 1.234,50", fill=(0, 0, 0))
    out, dpi = condition8(img, kind, random.Random(4), 595.0)
    assert dpi is None and out.size == img.size
