"""The sixth blind set: every labelled value is printed as the label says (read back from the PDF's text layer),
qty x price = amount and the totals add up, tax ids pass their check digits, the split is fixed and disjoint, and
``ledgerlens data blind --set 6`` writes it."""

from __future__ import annotations

from datetime import date
from pathlib import Path
from typing import Any

import pytest

from tests.blindchecks import (
    SetFormats,
    check_cli_writes_split,
    check_doc,
    check_families_split,
    check_family_varies,
    check_set_doc,
    check_term_expiry,
    tax_id_with_check_digits,
)
from training.factory import blind, blind2, blind3, blind4, blind5
from training.factory.blind6 import (
    BLIND6_SPLITS,
    BY_NAME,
    FAMILIES,
    SPLIT_SEED,
    blind6_families,
    format_day6,
    make_blind6,
)

SYMBOLS = {"€": "EUR", "£": "GBP", "₹": "INR", "S$": "SGD", "NZ$": "NZD", "R$": "BRL", "₺": "TRY"}
# the stdnum module that checks each country's tax id as the set prints it
TAX_MODULES = {"US": "ein", "GB": "vat", "IN": "gstin", "SG": "uen", "ZA": "tin", "NZ": "ird", "MX": "rfc",
               "BR": "cnpj", "NL": "vat", "TR": "vkn", "RO": "cui", "SI": "ddv"}  # fmt: skip
FORMATS = SetFormats(format_day6, SYMBOLS, tax_id_with_check_digits(TAX_MODULES))


@pytest.mark.parametrize("fam", FAMILIES, ids=lambda f: f.name)
def test_blind6_labels_are_what_the_page_prints(fam: Any) -> None:
    for seed in (11,):
        doc = make_blind6(seed, fam)
        check_set_doc(fam, doc, FORMATS)
        assert doc.label["features"]["blind6"] == fam.name


def test_blind6_families_vary_within_and_reach_several_pages() -> None:
    fam = BY_NAME["lab-consumables-po-us"]
    docs = [make_blind6(s, fam) for s in range(16)]
    check_family_varies(docs, 2)


def test_blind6_families_are_new_and_split_once() -> None:
    assert len(FAMILIES) == 24 and sum(f.kind == "po" for f in FAMILIES) == 16
    check_families_split(FAMILIES, BLIND6_SPLITS, SPLIT_SEED, blind6_families, (blind, blind2, blind3, blind4, blind5))


def test_blind6_formats() -> None:
    day = date(2026, 3, 5)
    assert format_day6(day, "long", "tr") == "5 Mart 2026"
    assert format_day6(day, "long", "ro") == "5 martie 2026"
    assert format_day6(day, "long", "sl") == "5. marca 2026"
    assert format_day6(day, "mon_d", "en") == "Mar 5, 2026"
    assert format_day6(day, "long", "pt") == "5 de março de 2026"


def test_cli_writes_a_blind6_split_with_labels_and_scans(tmp_path: Path) -> None:
    check_cli_writes_split(tmp_path, 6, 2, "dev", BLIND6_SPLITS["dev"])


@pytest.mark.slow
@pytest.mark.parametrize("fam", FAMILIES, ids=lambda f: f.name)
def test_blind6_labels_hold_over_more_seeds(fam: Any) -> None:
    for seed in (1, 2, 3):
        doc = make_blind6(seed, fam)
        check_set_doc(fam, doc, FORMATS)


def test_blind6_term_contracts_label_the_expiry_the_duration_implies() -> None:
    fam = BY_NAME["msa-exhibit-b-gb"]
    doc = make_blind6(6, fam)
    check_term_expiry(doc)
    check_doc(fam, doc, FORMATS)


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
