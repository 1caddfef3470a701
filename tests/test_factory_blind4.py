"""The fourth blind set: every labelled value is printed as the label says (read back from the PDF's text layer),
the amounts add up under each family's rules, the split is fixed and disjoint, documents repeat for a seed."""

from __future__ import annotations

import random
from datetime import date
from decimal import Decimal
from pathlib import Path
from typing import Any

import pytest

from tests.blindchecks import NUMERIC, SetFormats, check_cli_writes_split, check_families_split, check_set_doc
from training.factory import blind, blind2, blind3
from training.factory.blind2 import format_num
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


def _check_tax_id4(name: str, printed: str, value: str) -> None:
    """Printed as labelled but for spaces, dots and hyphens."""
    bare = printed.replace(" ", "").replace(".", "").replace("-", "")
    assert bare == value.replace(".", "").replace("-", ""), (name, printed)


FORMATS = SetFormats(format_day4, {"€": "EUR", "£": "GBP", "zł": "PLN"}, _check_tax_id4,
                     numeric=NUMERIC | {"tax_rate"}, skip_term_expiry=False)  # fmt: skip


@pytest.mark.parametrize("fam", FAMILIES, ids=lambda f: f.name)
def test_blind4_labels_are_what_the_page_prints(fam: Any) -> None:
    doc = make_blind4(11, fam)
    check_set_doc(fam, doc, FORMATS)
    assert doc.label["features"]["blind4"] == fam.name


@pytest.mark.slow
@pytest.mark.parametrize("fam", FAMILIES, ids=lambda f: f.name)
def test_blind4_labels_hold_over_more_seeds(fam: Any) -> None:
    for seed in (1, 2, 3, 4, 5):
        doc = make_blind4(seed, fam)
        check_set_doc(fam, doc, FORMATS)


def test_blind4_families_vary_within_and_reach_several_pages() -> None:
    """A family is a distribution: its documents differ in columns or formats, and some run past one page."""
    fam = BY_NAME["oracle-ebs-us"]
    docs = [make_blind4(s, fam) for s in range(12)]
    looks = {(tuple(d.label["features"]["columns"]), d.label["features"]["dates"]) for d in docs}
    assert len(looks) > 3
    pages = [len(make_blind4(s, BY_NAME["jde-za"]).label["pages"]) for s in range(25)]
    assert max(pages) >= 2 and min(pages) == 1


def test_blind4_families_are_many_new_and_split_once() -> None:
    assert len(FAMILIES) >= 24
    check_families_split(FAMILIES, BLIND4_SPLITS, SPLIT_SEED, blind4_families, (blind, blind2, blind3))


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
    check_cli_writes_split(tmp_path, 4, 3, "test", BLIND4_SPLITS["test"])
