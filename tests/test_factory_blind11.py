"""The eleventh blind set: every labelled value is printed as the label says (read back from the PDF's text layer),
qty x price = amount (rounded half up to the currency's places) and the totals add up (gross orders: the lines to the
total), tax ids pass python-stdnum, the split is fixed and disjoint, and ``ledgerlens data blind --set 11`` writes
it."""

from __future__ import annotations

import random
from datetime import date
from decimal import ROUND_HALF_UP, Decimal
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
    entities,
)
from training.factory import blind, blind2, blind3, blind4, blind5, blind6, blind7, blind8, blind9, blind10
from training.factory.blind11 import (
    BLIND11_SPLITS,
    BY_NAME,
    FAMILIES,
    SPLIT_SEED,
    blind11_families,
    condition11,
    ean13,
    english_words,
    format_day11,
    make_blind11,
    tax_module11,
)


def _check_tax_id(name: str, printed: str, value: str) -> None:
    assert printed.replace(" ", "") == value, (name, printed)
    assert any(tax_module11(c).is_valid(value) for c in _COUNTRIES), (name, value)


_COUNTRIES = sorted({f.country for f in FAMILIES})
FORMATS = SetFormats(format_day11, {}, _check_tax_id)


def check_sums11(fam: Any, doc: Any) -> None:
    """qty x price rounded half up to the currency's places = the amount; the lines sum to the subtotal (to the total
    where the order prices gross); subtotal + tax = total; the tax is the rate's."""
    items = doc.truth["line_items"]
    a = {k: Decimal(v) for k, v in doc.label["amounts"].items()}
    step = Decimal(1).scaleb(-fam.places)
    assert a["subtotal"] + a["tax_total"] == a["total"]
    lines = sum((Decimal(i["amount"]) for i in items), Decimal(0))
    rate = Decimal(doc.model.po.tax_rate if hasattr(doc.model, "po") else doc.model.tax_rate)
    if "gross" in fam.extras:
        assert lines == a["total"]
        assert a["tax_total"] == (a["total"] * rate / (100 + rate)).quantize(step, rounding=ROUND_HALF_UP)
    else:
        assert lines == a["subtotal"]
        assert a["tax_total"] == (a["subtotal"] * rate / 100).quantize(step, rounding=ROUND_HALF_UP)
    for k, item in enumerate(items):
        qty, price, amount = (Decimal(item[n]) for n in ("quantity", "unit_price", "amount"))
        assert amount == (qty * price).quantize(step, rounding=ROUND_HALF_UP), (fam.name, k, item)
        assert price == price.quantize(step), (fam.name, k, price)


def check_set_doc11(fam: Any, doc: Any) -> None:
    check_doc(fam, doc, FORMATS)
    assert doc.label["features"]["blind11"] == fam.name
    if fam.kind == "po":
        check_sums11(fam, doc)


@pytest.mark.parametrize("fam", FAMILIES, ids=lambda f: f.name)
def test_blind11_labels_are_what_the_page_prints(fam: Any) -> None:
    check_set_doc11(fam, make_blind11(11, fam))


def test_blind11_families_are_new_and_split_once() -> None:
    assert len(FAMILIES) == 24 and sum(f.kind == "po" for f in FAMILIES) == 16
    check_families_split(FAMILIES, BLIND11_SPLITS, SPLIT_SEED, blind11_families,
                         (blind, blind2, blind3, blind4, blind5, blind6, blind7, blind8, blind9, blind10))  # fmt: skip
    assert BLIND11_SPLITS["dev"][:1] != BLIND11_SPLITS["test"][:1]


def test_blind11_formats() -> None:
    day = date(2026, 3, 5)
    assert format_day11(day, "long", "el_GR") == "5 Μαρτίου 2026"
    assert format_day11(day, "long", "mk_MK") == "5 март 2026 г."
    assert format_day11(day, "long", "ca_AD") == "5 de març del 2026"
    assert format_day11(day, "dmy_dot", "sq_AL") == "05.03.2026"
    assert english_words(1205) == "one thousand two hundred and five"
    code = ean13(random.Random(3))
    assert len(code) == 13 and sum(int(c) * (3 if k % 2 else 1) for k, c in enumerate(code)) % 10 == 0


def test_blind11_currencies_print_their_own_places() -> None:
    tn = make_blind11(5, BY_NAME["bon-commande-administratif-tn"])  # dinar: three places
    assert all(len(i["unit_price"].split(".")[1]) == 3 for i in tn.truth["line_items"])
    py = make_blind11(5, BY_NAME["orden-compra-guaranies-py"])  # guaraní: none
    assert all("." not in i["unit_price"] for i in py.truth["line_items"])
    check_set_doc11(BY_NAME["orden-compra-guaranies-py"], py)


def test_blind11_headerless_table_runs_over_pages() -> None:
    fam = BY_NAME["narudzbenica-bez-zaglavlja-me"]
    doc = next(d for d in (make_blind11(s, fam) for s in range(30)) if len(d.label["pages"]) > 1)
    check_set_doc11(fam, doc)
    captions = {"Količina", "Cijena", "Iznos"}
    assert not captions & {w["text"] for page in doc.label["pages"] for w in page["words"]}


def test_blind11_bilingual_contract_labels_the_first_column() -> None:
    fam = BY_NAME["symvasi-diglossi-cy"]
    doc = make_blind11(2, fam)
    check_set_doc11(fam, doc)
    ents = entities(doc.label)
    buyer = [w for page in doc.label["pages"] for w in page["words"] if w["tag"].endswith("buyer_name")]
    assert ents[("buyer_name", None)] and all(w["box"][0] < 500 for w in buyer)


def test_blind11_annex_price_list_is_on_its_own_page() -> None:
    fam = BY_NAME["contrat-annexe-tarifs-mc"]
    doc = make_blind11(3, fam)
    check_set_doc11(fam, doc)
    last = doc.label["pages"][-1]["words"]
    assert len(doc.label["pages"]) == 2 and any(w["tag"] == "B-unit_price" for w in last)


def test_blind11_term_contracts_label_the_expiry_the_duration_implies() -> None:
    fam = BY_NAME["maintenance-agreement-mt"]
    doc = make_blind11(4, fam)
    check_term_expiry(doc)
    check_doc(fam, doc, FORMATS)


def test_cli_writes_a_blind11_split_with_labels_and_scans(tmp_path: Path) -> None:
    check_cli_writes_split(tmp_path, 11, 2, "dev", BLIND11_SPLITS["dev"])


@pytest.mark.parametrize("kind", ["highlight", "trifold", "chroma", "dust", "spine", "washout"])
def test_blind11_own_scan_conditions_keep_the_page_size(kind: str) -> None:
    img = Image.new("RGB", (620, 877), (255, 255, 255))
    ImageDraw.Draw(img).text((40, 40), "Total 1.234,500", fill=(0, 0, 0))
    out, dpi = condition11(img, kind, random.Random(4), 595.0)
    assert dpi is None and out.size == img.size


@pytest.mark.slow
@pytest.mark.parametrize("fam", FAMILIES, ids=lambda f: f.name)
def test_blind11_labels_hold_over_more_seeds(fam: Any) -> None:
    for seed in (1, 2, 3, 4):
        check_set_doc11(fam, make_blind11(seed, fam))
