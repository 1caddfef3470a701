"""The sixth blind set: every labelled value is printed as the label says (read back from the PDF's text layer),
qty x price = amount and the totals add up, tax ids pass their check digits, the split is fixed and disjoint, and
``ledgerlens data blind --set 6`` writes it."""

from __future__ import annotations

import json
from datetime import date
from decimal import Decimal
from pathlib import Path
from typing import Any

import pytest
from stdnum import get_cc_module

from tests.test_factory_blind3 import _bare, _entities, _text_layer
from training.factory import blind, blind2, blind3, blind4, blind5
from training.factory.blind3 import split_by_kind
from training.factory.blind6 import (
    BLIND6_SPLITS,
    BY_NAME,
    FAMILIES,
    SPLIT_SEED,
    blind6_families,
    format_day6,
    make_blind6,
)
from training.factory.values import NUMBER_STYLES

SYMBOLS = {"€": "EUR", "£": "GBP", "₹": "INR", "S$": "SGD", "NZ$": "NZD", "R$": "BRL", "₺": "TRY"}
NUMERIC = {"quantity", "unit_price", "amount", "subtotal", "tax_total", "total"}
# the stdnum module that checks each country's tax id as the set prints it
TAX_MODULES = {"US": "ein", "GB": "vat", "IN": "gstin", "SG": "uen", "ZA": "tin", "NZ": "ird", "MX": "rfc",
               "BR": "cnpj", "NL": "vat", "TR": "vkn", "RO": "cui", "SI": "ddv"}  # fmt: skip


def _number(text: str, style: str) -> Decimal:
    thousands, point = NUMBER_STYLES[style]
    core = "".join(ch for ch in text if ch.isdigit() or ch in f"{thousands}{point}-")
    return Decimal((core.replace(thousands, "") if thousands else core).replace(point, "."))


def _valid_tax_id(value: str) -> bool:
    for country, names in TAX_MODULES.items():
        for name in (names,) if isinstance(names, str) else names:
            module = get_cc_module(country.lower(), name)
            if module is not None and module.is_valid(value):
                return True
    return False


def _check_doc(fam: Any, doc: Any) -> None:
    layer = _text_layer(doc.pdf_bytes)
    ents = _entities(doc.label)
    features = doc.label["features"]
    numbers = features.get("numbers", fam.numbers)
    for name, value in doc.truth["fields"].items():
        if name == "payment_terms_days" or (name == "expiry_date" and features.get("expiry") == "term"):
            continue
        printed = _bare(" ".join(ents[(name, None)]), value)
        assert printed in layer, (fam.name, name, printed)
        if name in NUMERIC:
            assert _number(printed, numbers) == Decimal(value), (fam.name, name, printed, value)
        elif name in {"order_date", "effective_date", "expiry_date"}:
            shown = format_day6(date.fromisoformat(value), features["dates"], fam.lang)
            assert printed in {shown, shown.rstrip(".")}, (fam.name, printed)  # '... 2026 r.' ends a sentence
        elif name == "currency":  # its code, or a symbol only one currency uses
            assert printed == value or SYMBOLS.get(printed) == value, (fam.name, printed)
        elif name.endswith("tax_id"):
            assert printed.replace(" ", "") == value, (name, printed)
            assert _valid_tax_id(value), (fam.name, name, value)
        else:
            assert printed == value, (fam.name, name, printed, value)
    for row, item in enumerate(doc.truth["line_items"]):
        for name, value in item.items():
            if value is None:
                continue
            words = ents.get((name, row))
            assert words, (fam.name, row, name, value)
            printed = _bare(" ".join(words), value)
            assert printed in layer, (fam.name, row, name, printed)
            if name in NUMERIC:
                assert _number(printed, numbers) == Decimal(value), (fam.name, row, name, printed, value)
            else:
                assert printed == value, (fam.name, row, name, printed, value)
        assert {k for (k, r) in ents if r == row} <= {k for k, v in item.items() if v is not None}


def _check_sums(fam: Any, doc: Any) -> None:
    """qty x price (per 100 or 1000 where the page says so) = amount (to the cent) on every line; the lines sum to
    the subtotal; subtotal + tax = total."""
    items = doc.truth["line_items"]
    a = {k: Decimal(v) for k, v in doc.label["amounts"].items()}
    assert a["subtotal"] + a["tax_total"] == a["total"]
    assert sum((Decimal(i["amount"]) for i in items), Decimal(0)) == a["subtotal"]
    units = doc.label["features"]["price_units"]
    for k, item in enumerate(items):
        qty, price, amount = (Decimal(item[n]) for n in ("quantity", "unit_price", "amount"))
        assert abs(qty * price / units[k] - amount) <= Decimal("0.005"), (fam.name, k, item)


@pytest.mark.parametrize("fam", FAMILIES, ids=lambda f: f.name)
def test_blind6_labels_are_what_the_page_prints(fam: Any) -> None:
    for seed in (11,):
        doc = make_blind6(seed, fam)
        _check_doc(fam, doc)
        assert doc.label["features"]["blind6"] == fam.name
        if fam.kind == "po":
            _check_sums(fam, doc)


def test_blind6_families_vary_within_and_reach_several_pages() -> None:
    fam = BY_NAME["lab-consumables-po-us"]
    docs = [make_blind6(s, fam) for s in range(16)]
    looks = {(tuple(d.label["features"]["columns"]), d.label["features"]["dates"]) for d in docs}
    assert len(looks) > 2
    assert max(len(d.label["pages"]) for d in docs) >= 2 and min(len(d.label["pages"]) for d in docs) == 1


def test_blind6_families_are_new_and_split_once() -> None:
    names = [f.name for f in FAMILIES]
    assert len(names) == len(set(names)) == 24
    assert sum(f.kind == "po" for f in FAMILIES) == 16
    older = {f.name for m in (blind, blind2, blind3, blind4, blind5) for f in m.FAMILIES}
    assert not set(names) & older
    dev, test = set(BLIND6_SPLITS["dev"]), set(BLIND6_SPLITS["test"])
    assert not dev & test and dev | test == set(names)
    for half in (dev, test):
        assert {f.kind for f in FAMILIES if f.name in half} == {"po", "contract"}
    assert split_by_kind(FAMILIES, SPLIT_SEED) == BLIND6_SPLITS
    assert [f.name for f in blind6_families("dev")] == BLIND6_SPLITS["dev"]
    assert len({f.family for f in FAMILIES}) == len(FAMILIES)


def test_blind6_formats() -> None:
    day = date(2026, 3, 5)
    assert format_day6(day, "long", "tr") == "5 Mart 2026"
    assert format_day6(day, "long", "ro") == "5 martie 2026"
    assert format_day6(day, "long", "sl") == "5. marca 2026"
    assert format_day6(day, "mon_d", "en") == "Mar 5, 2026"
    assert format_day6(day, "long", "pt") == "5 de março de 2026"


def test_cli_writes_a_blind6_split_with_labels_and_scans(tmp_path: Path) -> None:
    from typer.testing import CliRunner

    from ledgerlens.cli import app

    args = ["data", "blind", "--set", "6", "--n", "2", "--out", str(tmp_path), "--split", "dev"]
    result = CliRunner().invoke(app, [*args, "--scanned-share", "1.0", "--seed", "8"])
    assert result.exit_code == 0, result.output
    labels = [json.loads(p.read_text()) for p in sorted(tmp_path.glob("*-blind6-*.json"))]
    assert len(labels) == 2 and all((tmp_path / label["file"]).exists() for label in labels)
    assert [label["features"]["blind6"] for label in labels] == BLIND6_SPLITS["dev"][:2]
    assert all(label["scanned"] for label in labels)


@pytest.mark.slow
@pytest.mark.parametrize("fam", FAMILIES, ids=lambda f: f.name)
def test_blind6_labels_hold_over_more_seeds(fam: Any) -> None:
    for seed in (1, 2, 3):
        doc = make_blind6(seed, fam)
        _check_doc(fam, doc)
        if fam.kind == "po":
            _check_sums(fam, doc)


def test_blind6_term_contracts_label_the_expiry_the_duration_implies() -> None:
    from dateutil.relativedelta import relativedelta

    fam = BY_NAME["msa-exhibit-b-gb"]
    doc = make_blind6(6, fam)
    n, unit = doc.model.term
    effective = date.fromisoformat(doc.truth["fields"]["effective_date"])
    months = n * (12 if unit == "years" else 1)
    expected = effective + relativedelta(months=months) - relativedelta(days=1)
    assert doc.label["features"]["expiry"] == "term"
    assert doc.truth["fields"]["expiry_date"] == expected.isoformat()
    _check_doc(fam, doc)


def test_blind6_angled_photo_moves_the_words_with_the_page() -> None:
    """The page photographed at an angle: the whole page's box moves to the drawn quadrilateral's bounds, a box in
    the middle stays inside it, and the image keeps its size."""
    import random

    from PIL import Image

    from training.factory.blind6 import condition6

    img = Image.new("RGB", (400, 520), (255, 255, 255))
    out, dpi, move = condition6(img, "angled", random.Random(3), 595.0)
    assert out.size == img.size and dpi is None
    page = move([0.0, 0.0, 1000.0, 1000.0])
    assert 0 < page[0] < 60 and 0 < page[1] < 60 and 940 < page[2] < 1000 and 940 < page[3] < 1000
    mid = move([400.0, 400.0, 600.0, 600.0])
    assert page[0] < mid[0] < mid[2] < page[2] and page[1] < mid[1] < mid[3] < page[3]
    assert sum(out.getpixel((0, 0))) < 3 * 160  # the desk around the page is darker than the paper
