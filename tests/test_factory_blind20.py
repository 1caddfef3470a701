"""The twentieth blind set: every labelled value is printed as the label says (read back from the PDF's text layer),
qty x price = amount (rounded half up to the currency's places) and the totals add up, tax ids have their scheme's
printed shape and check digits, the desks (country and language) are new to the project though the countries are
not, the papers print what they claim (a teleprinter's copy, a carbon set's sheet, squared paper, ordered /
delivered / outstanding quantities, currency columns, guarantees, a delivery-slot grid, a unit key, a double frame
round every page, margin line numbers, a bill of quantities, rates with their validity, delay penalties) and leave it
out of the labels, the set's own date styles and scan conditions.
The checks the later sets share (the fixed split, the same bytes for the same seed, the CLI, both halves printing
every new structure) are in ``test_factory_blindsets``."""

from __future__ import annotations

import random
from datetime import date
from decimal import ROUND_HALF_UP, Decimal
from typing import Any

import pytest
from PIL import Image

from tests.blindchecks import (
    SetFormats,
    check_doc,
    conditioned_page,
    older_sets,
    tax_id_printed_whole,
    text_layer,
)
from training.factory.blind20 import (
    BY_NAME,
    CONTRACT20,
    FAMILIES,
    SCAN_CONDITIONS,
    WORDS20,
    blind20_families,
    condition20,
    format_day20,
    make_blind20,
    sample_contract20,
    sample_po20,
    tax_id_valid20,
)

_OLDER = older_sets(20)  # sets 1-19
_COUNTRIES = sorted({f.country for f in FAMILIES})

FORMATS = SetFormats(format_day20, {}, tax_id_printed_whole(tax_id_valid20, _COUNTRIES))


def check_sums20(fam: Any, doc: Any) -> None:
    """qty x price rounded half up = amount; the lines sum to the subtotal; the tax is subtotal x rate rounded half
    up; subtotal + tax = total."""
    items = doc.truth["line_items"]
    a = {k: Decimal(v) for k, v in doc.label["amounts"].items()}
    step = Decimal(1).scaleb(-fam.places)
    assert a["subtotal"] + a["tax_total"] == a["total"]
    assert sum((Decimal(i["amount"]) for i in items), Decimal(0)) == a["subtotal"]
    rate = Decimal(doc.model.tax_rate)
    assert a["tax_total"] == (a["subtotal"] * rate / 100).quantize(step, rounding=ROUND_HALF_UP)
    for k, item in enumerate(items):
        qty, price, amount = (Decimal(item[n]) for n in ("quantity", "unit_price", "amount"))
        assert amount == (qty * price).quantize(step, rounding=ROUND_HALF_UP), (fam.name, k, item)
        assert price == price.quantize(step), (fam.name, k, price)


def check_set_doc20(fam: Any, doc: Any) -> None:
    check_doc(fam, doc, FORMATS)
    assert doc.label["features"]["blind20"] == fam.name
    if fam.kind == "po":
        check_sums20(fam, doc)


def _tagged(doc: Any, text: str) -> list[str]:
    """The tags of every word ``text`` on the document's pages."""
    return [w["tag"] for p in doc.label["pages"] for w in p["words"] if w["text"] == text]


def _tags(doc: Any) -> list[str]:
    return [w["tag"] for p in doc.label["pages"] for w in p["words"] if w["tag"] != "O"]


@pytest.mark.parametrize("fam", FAMILIES, ids=lambda f: f.name)
def test_blind20_labels_are_what_the_page_prints(fam: Any) -> None:
    check_set_doc20(fam, make_blind20(20, fam))


def test_blind20_reuses_countries_with_new_desks() -> None:
    """The countries were all printed before; each desk's language was never printed for its country."""
    older = {(getattr(f, "country", None), getattr(f, "lang", "")[:2]) for m in _OLDER for f in m.FAMILIES}
    desks = {(f.country, f.lang[:2]) for f in FAMILIES}
    assert len(desks) == 24 and not desks & older
    assert {f.country for f in FAMILIES} <= {c for c, _l in older}


def test_blind20_no_desk_language_prints_in_both_halves() -> None:
    assert not {f.lang for f in blind20_families("dev")} & {f.lang for f in blind20_families("test")}


def test_blind20_no_scan_was_a_field_of_an_older_set() -> None:
    older_scans = {s for m in _OLDER for s in getattr(m, "SCAN_CONDITIONS", ())}
    older_scans |= {getattr(f, "scan", None) for m in _OLDER for f in m.FAMILIES}
    assert not set(SCAN_CONDITIONS) & older_scans


def test_blind20_tax_ids_pass_their_schemes() -> None:
    assert tax_id_valid20("LV", "LV40003521600") and not tax_id_valid20("LV", "LV40003521601")
    assert tax_id_valid20("AT", "ATU13585627") and not tax_id_valid20("AT", "ATU13585626")
    assert tax_id_valid20("ME", "02655284") and not tax_id_valid20("ME", "02655283")
    assert tax_id_valid20("HR", "33392005961") and not tax_id_valid20("HR", "33392005962")
    for fam in FAMILIES:
        doc = make_blind20(3, fam)
        for role in ("buyer", "vendor"):
            value = doc.truth["fields"].get(f"{role}_tax_id")
            assert value and tax_id_valid20(fam.country, value), (fam.name, role, value)


def test_blind20_date_styles() -> None:
    day = date(2026, 3, 5)
    assert format_day20(day, "g", "ru_LT") == "05.03.2026 г."
    assert format_day20(day, "dmy_np", "el_AL") == "5/3/2026"
    assert format_day20(day, "roman", "pl_LT") == "05.III.2026"
    assert format_day20(day, "dmy_dot", "de_HU") == "05.03.2026"
    fam = BY_NAME["lt-dogovor-vilnius"]
    doc = make_blind20(2, fam)
    effective = date.fromisoformat(doc.truth["fields"]["effective_date"])
    assert format_day20(effective, "g", fam.lang) in text_layer(doc.pdf_bytes)


@pytest.mark.parametrize("name", [f.name for f in FAMILIES if f.header == "telex"])
def test_blind20_telex_copy(name: str) -> None:
    fam = BY_NAME[name]
    order = sample_po20(random.Random(4), fam)
    doc = make_blind20(4, fam)
    layer = text_layer(doc.pdf_bytes)
    assert layer.lstrip().startswith("ZCZC") and "NNNN" in layer
    for answerback in order.answerbacks:
        assert layer.count(answerback) == 2
    faces = {op[4] for p in doc.pages for op in p.ops if op[0] == "text" and op[2] < doc.pages[0].height - 30}
    assert faces == {"DejaVuSansMono"}
    assert all(i["description"] == i["description"].upper() for i in doc.truth["line_items"])
    assert doc.truth["fields"]["buyer_name"] == doc.truth["fields"]["buyer_name"].upper()
    check_set_doc20(fam, doc)


@pytest.mark.parametrize("name", [f.name for f in FAMILIES if f.header == "carbonset"])
def test_blind20_carbon_set_sheet(name: str) -> None:
    fam = BY_NAME[name]
    order = sample_po20(random.Random(5), fam)
    doc = make_blind20(5, fam)
    w = WORDS20[fam.lang]
    layer = text_layer(doc.pdf_bytes)
    band = f"{w['copy']} {order.part + 1}"
    assert layer.count(band) == len(doc.pages) and w["parts"][order.part] in layer
    assert all(p.ops[0][0] == "rect" and p.ops[0][3] == p.width for p in doc.pages)  # the tint under everything
    assert set(_tagged(doc, w["copy"])) == {"O"}
    assert order.form_no in layer
    check_set_doc20(fam, doc)


@pytest.mark.parametrize("name", [f.name for f in FAMILIES if f.header == "squared"])
def test_blind20_squared_paper(name: str) -> None:
    fam = BY_NAME[name]
    doc = make_blind20(2, fam)
    for page in doc.pages:
        grid = [op for op in page.ops if op[0] == "line" and op[6] == (0.72, 0.8, 0.93)]
        assert len(grid) > 90  # 5 mm squares over the whole sheet
        first_text = next(k for k, op in enumerate(page.ops) if op[0] == "text")
        assert all(k < first_text for k, op in enumerate(page.ops) if op in grid)  # under the print
    check_set_doc20(fam, doc)


@pytest.mark.parametrize("name", [f.name for f in FAMILIES if f.table == "backorder"])
def test_blind20_delivered_and_outstanding_are_printed_not_labelled(name: str) -> None:
    fam = BY_NAME[name]
    order = sample_po20(random.Random(6), fam)
    doc = make_blind20(6, fam)
    w = WORDS20[fam.lang]
    printed = " ".join(op[3] for p in doc.pages for op in p.ops if op[0] == "text").upper()
    assert all(word in printed for k in ("ordered", "delivered", "outstanding") for word in w[k].upper().split())
    for item, done in zip(doc.truth["line_items"], order.delivered, strict=True):
        assert 0 <= done <= Decimal(item["quantity"])  # the label's quantity is the ordered one
    assert {"delivered", "outstanding"} <= set(doc.label["features"]["columns"])
    assert not {t for t in _tags(doc) if "deliver" in t or "outstanding" in t}
    check_set_doc20(fam, doc)


@pytest.mark.parametrize("name", [f.name for f in FAMILIES if f.table == "curcol"])
def test_blind20_currency_columns_are_printed_not_labelled(name: str) -> None:
    fam = BY_NAME[name]
    doc = make_blind20(2, fam)
    n = len(doc.truth["line_items"])
    tags = _tagged(doc, fam.currency)
    assert len(tags) >= 2 * n + 1 and tags.count("B-currency") == 1
    check_set_doc20(fam, doc)


@pytest.mark.parametrize("name", [f.name for f in FAMILIES if f.table == "warranty"])
def test_blind20_guarantees_are_printed_not_labelled(name: str) -> None:
    fam = BY_NAME[name]
    order = sample_po20(random.Random(3), fam)
    doc = make_blind20(3, fam)
    layer = text_layer(doc.pdf_bytes).upper()
    assert len(order.warranty) == len(doc.truth["line_items"])
    for months in order.warranty:
        assert WORDS20[fam.lang]["months"].format(n=months).upper() in layer
    assert "warranty" in doc.label["features"]["columns"]
    check_set_doc20(fam, doc)


@pytest.mark.parametrize("name", [f.name for f in FAMILIES if "timeslot" in f.extras])
def test_blind20_delivery_slot_grid(name: str) -> None:
    fam = BY_NAME[name]
    doc = make_blind20(2, fam)
    w = WORDS20[fam.lang]
    layer = text_layer(doc.pdf_bytes).upper()
    assert w["slot"].upper() in layer and all(d.upper() in layer for d in w["days"])
    shaded = [op for p in doc.pages for op in p.ops if op[0] == "rect" and op[6] == (0.75, 0.75, 0.75)]
    assert len(shaded) == 1 and set(_tagged(doc, "X")) <= {"O"}
    check_set_doc20(fam, doc)


@pytest.mark.parametrize("name", [f.name for f in FAMILIES if "unitkey" in f.extras])
def test_blind20_unit_key_names_the_units_used(name: str) -> None:
    fam = BY_NAME[name]
    doc = make_blind20(4, fam)
    w = WORDS20[fam.lang]
    layer = text_layer(doc.pdf_bytes)
    assert w["units_cap"] in layer or w["units_cap"].upper() in layer
    for item in doc.truth["line_items"]:
        unit = next(u for u in w["units"] if u.upper() == item["unit"].upper())
        assert f"{unit} = {w['units'][unit]}".upper() in layer.upper()
    check_set_doc20(fam, doc)


@pytest.mark.parametrize("name", [f.name for f in FAMILIES if f.header == "framed"])
def test_blind20_double_frame_on_every_page(name: str) -> None:
    fam = BY_NAME[name]
    doc = make_blind20(3, fam)
    for page in doc.pages:
        frames = [op for op in page.ops if op[0] == "rect" and op[6] is None and op[1] in (22, 27)]
        assert sorted(op[7] for op in frames) == [0.4, 1.6]
        words = page.labelled_words()
        assert all(w["box"][0] >= 27 / page.width * 1000 for w in words)  # everything inside the frame
    assert _tags(doc).count("B-buyer_name") == 1  # the name in the clauses printed, not labelled again
    check_set_doc20(fam, doc)


@pytest.mark.parametrize("name", [f.name for f in FAMILIES if f.header == "marginnos"])
def test_blind20_margin_line_numbers(name: str) -> None:
    fam = BY_NAME[name]
    doc = make_blind20(2, fam)
    margin = [op for p in doc.pages for op in p.ops if op[0] == "text" and op[1] < 30]
    numbers = [int(op[3]) for op in margin]
    assert numbers and numbers == list(range(5, 5 * len(numbers) + 1, 5))
    assert all(t == "O" for t in _tagged(doc, "5"))
    check_set_doc20(fam, doc)


@pytest.mark.parametrize("name", [f.name for f in FAMILIES if f.table == "boq"])
def test_blind20_bill_of_quantities_labels_the_rates(name: str) -> None:
    fam = BY_NAME[name]
    model = sample_contract20(random.Random(4), fam)
    doc = make_blind20(4, fam)
    text = CONTRACT20[fam.lang]
    prices = [Decimal(i["unit_price"]) for i in doc.truth["line_items"]]
    assert prices == [r for _s, _u, r in model.rates]
    assert all(i["quantity"] is None and i["amount"] is None for i in doc.truth["line_items"])
    layer = text_layer(doc.pdf_bytes)
    assert text["est_total"] in layer and layer.count(text["subtotal"]) == 3
    check_set_doc20(fam, doc)


@pytest.mark.parametrize("name", [f.name for f in FAMILIES if f.table == "validity"])
def test_blind20_rates_with_their_validity(name: str) -> None:
    fam = BY_NAME[name]
    model = sample_contract20(random.Random(5), fam)
    doc = make_blind20(5, fam)
    text = CONTRACT20[fam.lang]
    layer = text_layer(doc.pdf_bytes)
    assert text["from"] in layer and text["to"] in layer
    expiry = format_day20(model.expiry, fam.dates, fam.lang)
    assert layer.count(expiry) >= len(model.rates) + 1
    assert len(doc.truth["line_items"]) == len(model.rates)
    check_set_doc20(fam, doc)


@pytest.mark.parametrize("name", [f.name for f in FAMILIES if "penalties" in f.extras])
def test_blind20_penalties_are_printed_not_labelled(name: str) -> None:
    fam = BY_NAME[name]
    doc = make_blind20(2, fam)
    text = CONTRACT20[fam.lang]
    layer = text_layer(doc.pdf_bytes)
    assert text["pen_head"] in layer and "16-30" in layer and "20 %" in layer
    assert set(_tagged(doc, "16-30")) == {"O"}
    check_set_doc20(fam, doc)


@pytest.mark.parametrize("kind", SCAN_CONDITIONS)
def test_blind20_own_scan_conditions_keep_the_page_size(kind: str) -> None:
    page = conditioned_page(condition20, kind)
    assert page.getextrema()[0] < 235  # the condition left its mark
    assert page.getextrema()[1] > 200  # and the page is still light


def test_blind20_earlier_conditions_pass_through() -> None:
    img = Image.new("RGB", (620, 877), (255, 255, 255))
    out, _dpi = condition20(img, "sleeve", random.Random(4), 595.0)
    assert out.size == img.size


@pytest.mark.slow
@pytest.mark.parametrize("fam", FAMILIES, ids=lambda f: f.name)
def test_blind20_labels_hold_over_more_seeds(fam: Any) -> None:
    for seed in range(1, 6):
        check_set_doc20(fam, make_blind20(seed, fam))
