"""The fourth blind set: every labelled value is printed as the label says (read back from the PDF's text layer),
the amounts add up under each family's rules, the split is fixed and disjoint, documents repeat for a seed."""

from __future__ import annotations

import json
import random
from datetime import date
from decimal import Decimal
from pathlib import Path
from typing import Any

import pytest

from tests.test_factory_blind3 import _bare, _entities, _text_layer
from training.factory import blind, blind2, blind3
from training.factory.blind2 import format_num
from training.factory.blind3 import split_by_kind
from training.factory.blind4 import (
    BLIND4_SPLITS,
    BY_NAME,
    FAMILIES,
    SPLIT_SEED,
    blind4_families,
    condition4,
    format_day4,
    make_blind4,
)
from training.factory.values import NUMBER_STYLES


def _number(text: str, style: str) -> Decimal:
    thousands, point = NUMBER_STYLES["en" if style == "in" else style]
    core = "".join(ch for ch in text if ch.isdigit() or ch in f"{thousands}{point}-")
    return Decimal((core.replace(thousands, "") if thousands else core).replace(point, "."))


NUMERIC = {"quantity", "unit_price", "amount", "tax_rate", "subtotal", "tax_total", "total"}


def _check_doc(fam: Any, doc: Any) -> None:
    layer = _text_layer(doc.pdf_bytes)
    ents = _entities(doc.label)
    numbers = doc.label["features"].get("numbers", fam.numbers)
    for name, value in doc.truth["fields"].items():
        if name == "payment_terms_days":
            continue
        printed = _bare(" ".join(ents[(name, None)]), value)
        assert printed in layer, (fam.name, name, printed)
        if name in NUMERIC:
            assert _number(printed, numbers) == Decimal(value), (fam.name, name, printed, value)
        elif name in {"order_date", "effective_date", "expiry_date"}:
            shown = format_day4(date.fromisoformat(value), doc.label["features"]["dates"], fam.lang)
            assert printed in {shown, shown.rstrip(".")}, (fam.name, name, printed)  # '... 2026 r.' ends a sentence
        elif name == "currency":  # its code, or a symbol only one currency uses
            assert printed == value or {"€": "EUR", "£": "GBP", "zł": "PLN"}.get(printed) == value, (fam.name, printed)
        elif name.endswith("tax_id"):
            assert printed.replace(" ", "").replace(".", "").replace("-", "") == value.replace(".", "").replace(
                "-", ""), (name, printed)  # fmt: skip
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
    """qty x price (per its price unit, less its discount) = amount; lines sum to the subtotal (to the total where
    the order prices gross); subtotal + tax = total."""
    items = doc.truth["line_items"]
    a = {k: Decimal(v) for k, v in doc.label["amounts"].items()}
    assert a["subtotal"] + a["tax_total"] == a["total"]
    lines = sum((Decimal(i["amount"]) for i in items), Decimal(0))
    assert lines == (a["total"] if "gross" in fam.extras else a["subtotal"])
    units = doc.label["features"]["price_units"]
    for k, item in enumerate(items):
        qty, price, amount = (Decimal(item[n]) for n in ("quantity", "unit_price", "amount"))
        per = units[k]
        if "discount_pct" not in doc.label["features"]["columns"]:
            assert abs(qty * price / per - amount) < Decimal("0.01"), (fam.name, k, item)
        else:
            assert amount <= qty * price / per + Decimal("0.01"), (fam.name, k, item)


@pytest.mark.parametrize("fam", FAMILIES, ids=lambda f: f.name)
def test_blind4_labels_are_what_the_page_prints(fam: Any) -> None:
    doc = make_blind4(11, fam)
    _check_doc(fam, doc)
    assert doc.label["features"]["blind4"] == fam.name
    if fam.kind == "po":
        _check_sums(fam, doc)


@pytest.mark.slow
@pytest.mark.parametrize("fam", FAMILIES, ids=lambda f: f.name)
def test_blind4_labels_hold_over_more_seeds(fam: Any) -> None:
    for seed in (1, 2, 3, 4, 5):
        doc = make_blind4(seed, fam)
        _check_doc(fam, doc)
        if fam.kind == "po":
            _check_sums(fam, doc)


def test_blind4_families_vary_within_and_reach_several_pages() -> None:
    """A family is a distribution: its documents differ in columns or formats, and some run past one page."""
    fam = BY_NAME["oracle-ebs-us"]
    docs = [make_blind4(s, fam) for s in range(12)]
    looks = {(tuple(d.label["features"]["columns"]), d.label["features"]["dates"]) for d in docs}
    assert len(looks) > 3
    pages = [len(make_blind4(s, BY_NAME["jde-za"]).label["pages"]) for s in range(25)]
    assert max(pages) >= 2 and min(pages) == 1


def test_blind4_families_are_many_new_and_split_once() -> None:
    names = [f.name for f in FAMILIES]
    assert len(names) == len(set(names)) >= 24
    older = {f.name for m in (blind, blind2, blind3) for f in m.FAMILIES}
    assert not set(names) & older
    dev, test = set(BLIND4_SPLITS["dev"]), set(BLIND4_SPLITS["test"])
    assert not dev & test and dev | test == set(names)
    for half in (dev, test):
        assert {f.kind for f in FAMILIES if f.name in half} == {"po", "contract"}
    assert split_by_kind(FAMILIES, SPLIT_SEED) == BLIND4_SPLITS
    assert [f.name for f in blind4_families("dev")] == BLIND4_SPLITS["dev"]
    assert len({f.family for f in FAMILIES}) == len(FAMILIES)


def test_blind4_formats() -> None:
    day = date(2026, 3, 5)
    assert format_day4(day, "long", "pl") == "5 marca 2026 r."
    assert format_day4(day, "long", "da") == "5. marts 2026"
    assert format_day4(day, "dd_mon", "en") == "05-MAR-2026"
    assert format_num(Decimal("1234567.5"), "in") == "12,34,567.50"


@pytest.mark.parametrize("kind", ["skew", "rot180"])
def test_blind4_turned_pages_move_their_boxes(kind: str) -> None:
    from PIL import Image, ImageDraw

    img = Image.new("L", (1000, 1400), 255)
    ImageDraw.Draw(img).rectangle((100, 140, 300, 210), fill=0)
    out, _dpi, move = condition4(img, kind, random.Random(1), 595.0)
    x0, y0, x1, y1 = move([100, 100, 300, 150])
    inside = out.crop((x0 + 5, round(y0 * 1.4) + 5, x1 - 5, round(y1 * 1.4) - 5))
    assert sum(1 for v in inside.getdata() if v < 128) > 0.8 * inside.width * inside.height


def test_cli_writes_a_blind4_split_with_labels_and_scans(tmp_path: Path) -> None:
    from typer.testing import CliRunner

    from ledgerlens.cli import app

    args = ["data", "blind", "--set", "4", "--n", "3", "--out", str(tmp_path), "--split", "test"]
    result = CliRunner().invoke(app, [*args, "--scanned-share", "1.0", "--seed", "8"])
    assert result.exit_code == 0, result.output
    labels = [json.loads(p.read_text()) for p in sorted(tmp_path.glob("*-blind4-*.json"))]
    assert len(labels) == 3 and all((tmp_path / label["file"]).exists() for label in labels)
    assert [label["features"]["blind4"] for label in labels] == BLIND4_SPLITS["test"][:3]
    assert all(label["scanned"] for label in labels)
