"""The third blind set: every labelled value is printed as the label says, the split is fixed and disjoint, and the
documents come out the same for a seed."""

from __future__ import annotations

import random
from datetime import date
from decimal import Decimal, InvalidOperation
from pathlib import Path
from typing import Any

import pypdfium2 as pdfium
import pytest
from stdnum.br import cnpj
from stdnum.ch import uid as ch_uid
from stdnum.cz import dic as cz_dic
from stdnum.eu import vat
from stdnum.fi import ytunnus
from stdnum.ie import vat as ie_vat
from stdnum.no import mva
from stdnum.nz import ird
from stdnum.sg import uen

from tests.blindchecks import bare, check_cli_writes_split, entities, text_layer
from training.factory import blind, blind2
from training.factory.blind2 import make_scan2
from training.factory.blind3 import (
    BLIND3_SPLITS,
    BY_NAME,
    FAMILIES,
    SPLIT_SEED,
    blind3_families,
    condition3,
    format_day3,
    keystone,
    make_blind3,
    split_by_kind,
    tax_id3,
)
from training.factory.values import NUMBER_STYLES

NUMERIC = {"quantity", "unit_price", "amount", "tax_rate", "subtotal", "tax_total", "total"}
DATES = {"order_date", "effective_date", "expiry_date"}


def _number(text: str, style: str) -> Decimal:
    thousands, point = NUMBER_STYLES[style]
    core = "".join(ch for ch in text if ch.isdigit() or ch in f"{thousands}{point}-")
    if thousands:
        core = core.replace(thousands, "")
    return Decimal(core.replace(point, ".").strip(".-") or "NaN")


def _check_doc(fam: Any, doc: Any) -> None:
    layer = text_layer(doc.pdf_bytes)
    ents = entities(doc.label)
    truth = doc.truth
    for name, value in truth["fields"].items():
        if name == "payment_terms_days" or (name == "expiry_date" and (name, None) not in ents):
            continue
        printed = bare(" ".join(ents[(name, None)]), value)
        assert printed in layer, (fam.name, name, printed)
        if name in DATES:
            assert printed == format_day3(date.fromisoformat(value), fam.dates, fam.lang, fam.country), (name, printed)
        elif name in NUMERIC:
            assert _number(printed, fam.numbers) == Decimal(value), (fam.name, name, printed, value)
        elif name == "currency":  # its code, or a symbol only one currency uses
            assert printed == value or {"€": "EUR"}.get(printed) == value, (fam.name, printed)
        elif name.endswith("tax_id"):
            assert printed.replace(" ", "") == value, (name, printed)
        else:
            assert printed == value, (fam.name, name, printed, value)
    for row, item in enumerate(truth["line_items"]):
        for name, value in item.items():
            if value is None:
                continue
            words = ents.get((name, row))
            assert words, (fam.name, row, name, value)
            printed = bare(" ".join(words), value)
            assert printed in layer, (fam.name, row, name, printed)
            if name in NUMERIC:
                # one word, but for thousands grouped with a space ('3 717,57')
                assert len(words) == 1 or NUMBER_STYLES[fam.numbers][0] == " ", (fam.name, row, name, words)
                try:
                    number = _number(printed, fam.numbers)
                except InvalidOperation:
                    pytest.fail(f"{fam.name} row {row} {name}: {printed!r}")
                assert number == Decimal(value), (fam.name, row, name, printed, value)
            else:
                assert printed == value, (fam.name, row, name, printed, value)
        printed_keys = {k for (k, r) in ents if r == row}
        assert printed_keys <= {k for k, v in item.items() if v is not None}, (fam.name, row, printed_keys)


@pytest.mark.parametrize("fam", FAMILIES, ids=lambda f: f.name)
def test_blind3_labels_are_what_the_page_prints(fam: Any) -> None:
    doc = make_blind3(11, fam)
    _check_doc(fam, doc)
    assert doc.label["features"]["blind3"] == fam.name
    if fam.kind == "po":
        items = doc.truth["line_items"]
        subtotal = sum((Decimal(i["amount"]) for i in items), Decimal(0))
        assert Decimal(doc.label["amounts"]["subtotal"]) == subtotal
        a = {k: Decimal(v) for k, v in doc.label["amounts"].items()}
        assert a["subtotal"] - a["discount"] + a["freight"] + a["tax_total"] == a["total"]


@pytest.mark.slow
@pytest.mark.parametrize("fam", FAMILIES, ids=lambda f: f.name)
def test_blind3_labels_hold_over_more_seeds(fam: Any) -> None:
    for seed in (1, 2, 3, 4):
        _check_doc(fam, make_blind3(seed, fam))


def test_blind3_families_are_many_new_and_split_once() -> None:
    names = [f.name for f in FAMILIES]
    assert len(names) == len(set(names)) >= 22
    older = {f.name for f in blind.FAMILIES} | {f.name for f in blind2.FAMILIES}
    assert not set(names) & older
    dev, test = set(BLIND3_SPLITS["dev"]), set(BLIND3_SPLITS["test"])
    assert not dev & test and dev | test == set(names)
    assert abs(len(dev) - len(test)) <= 2
    for half in (dev, test):  # both halves hold born-digital orders and contracts
        assert {f.kind for f in FAMILIES if f.name in half} == {"po", "contract"}
    assert split_by_kind(FAMILIES, SPLIT_SEED) == BLIND3_SPLITS
    assert [f.name for f in blind3_families("dev")] == BLIND3_SPLITS["dev"]
    assert len({f.family for f in FAMILIES}) == len(FAMILIES)


@pytest.mark.parametrize("country", ["DE", "AT", "NL", "BE", "IT", "IE", "NZ", "SG", "CH", "NO", "FI", "CZ", "BR"])
def test_blind3_tax_ids_are_valid(country: str) -> None:
    rng = random.Random(3)
    for _ in range(5):
        number = tax_id3(rng, country)
        valid = {"IT": lambda n: vat.is_valid("IT" + n), "IE": ie_vat.is_valid, "NZ": ird.is_valid,
                 "SG": uen.is_valid, "CH": ch_uid.is_valid, "NO": mva.is_valid, "FI": ytunnus.is_valid,
                 "CZ": cz_dic.is_valid, "BR": cnpj.is_valid}.get(country, vat.is_valid)  # fmt: skip
        assert valid(number.replace(" MVA", "MVA") if country == "NO" else number), (country, number)


def test_blind3_dates_read_as_people_write_them() -> None:
    day = date(2026, 3, 5)
    assert format_day3(day, "d_mon_dash", "en") == "05-Mar-2026"
    assert format_day3(day, "ymd_slash", "en") == "2026/03/05"
    assert format_day3(day, "d_month", "de", "DE") == "5. März 2026"
    assert format_day3(date(2026, 1, 5), "d_month", "de", "AT") == "5. Jänner 2026"
    assert format_day3(date(2026, 1, 5), "d_month", "de", "DE") == "5. Januar 2026"
    assert format_day3(day, "dmy_bare", "fi") == "5.3.2026"
    assert format_day3(day, "dmy_space", "cs") == "5. 3. 2026"
    assert format_day3(day, "d_month", "pt") == "5 de março de 2026"


def test_keystone_boxes_land_on_their_ink() -> None:
    """The perspective photo moves the words; the labelled boxes must move with them (ink inside, paper around)."""
    import numpy as np

    doc = make_blind3(5, BY_NAME["greenbar-us"])
    page = pdfium.PdfDocument(doc.pdf_bytes)[0].render(scale=2).to_pil().convert("L")
    photo, move = keystone(page, random.Random(2))
    pix = np.asarray(photo.convert("L"), dtype=float)
    h, w = pix.shape
    words = [wd for wd in doc.label["pages"][0]["words"] if wd["tag"] != "O" and len(wd["text"]) > 5]

    def dark(box: list[int]) -> float:
        x0, y0, x1, y1 = box[0] * w // 1000, box[1] * h // 1000, box[2] * w // 1000 + 1, box[3] * h // 1000 + 1
        return float((pix[y0:y1, x0:x1] < 128).mean())

    moved = [dark(move(wd["box"])) for wd in words]
    unmoved = [dark(wd["box"]) for wd in words]
    assert len(words) > 10 and min(moved) > 0.04, moved
    assert sum(moved) > 1.5 * sum(unmoved)  # where the words were before the photo is mostly paper now


@pytest.mark.slow
@pytest.mark.parametrize("kind", ["stamp", "yellowed", "handmark", "keystone"])
def test_blind3_scan_conditions_render_with_all_their_words(kind: str) -> None:
    doc = make_blind3(6, BY_NAME["sage-banner-nz"])
    data, label = make_scan2(doc, 6, kind, condition3)
    assert label["scanned"] and label["scan"]["condition"] == kind and len(data) > 1000
    assert (label["scan"]["dpi"] == 150) == (kind == "yellowed")  # old paper is scanned coarser
    assert [len(p["words"]) for p in label["pages"]] == [len(p["words"]) for p in doc.label["pages"]]
    assert all(0 <= v <= 1000 for p in label["pages"] for w in p["words"] for v in w["box"])


def test_blind3_is_deterministic_for_a_seed() -> None:
    fam = FAMILIES[0]
    assert make_blind3(9, fam).pdf_bytes == make_blind3(9, fam).pdf_bytes
    assert make_blind3(9, fam).pdf_bytes != make_blind3(10, fam).pdf_bytes


def test_cli_writes_a_blind3_split_with_labels_and_scans(tmp_path: Path) -> None:
    check_cli_writes_split(tmp_path, 3, 3, "dev", BLIND3_SPLITS["dev"])
