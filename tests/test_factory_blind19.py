"""The nineteenth blind set: every labelled value is printed as the label says (read back from the PDF's text layer),
qty x price = amount (rounded half up to the currency's places) and the totals add up (the surcharges as the order's
freight, taxed with the goods), tax ids have their scheme's printed shape and check digits, the split is fixed and
disjoint, the desks (country and language) are new to the project though the countries are not, both halves print
every new structure, the papers print what they claim (a terminal's print-screen, a printed e-mail, right-aligned
captions, tolerances, alternatives, a charges table, invoicing instructions, a QR code, a particulars grid, a
document-control table, a service-level matrix, a schedule over two pages, an indexation clause) and leave it out of
the labels, the set's own date styles, and ``ledgerlens data blind --set 19`` writes it with scans.
The checks the later sets share (the fixed split, the new countries, the same bytes for the same seed, the CLI, the
own scan conditions) are in ``test_factory_blindsets``."""

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
    entities,
    older_sets,
    tax_id_printed_whole,
    text_layer,
)
from training.factory.blind19 import (
    BY_NAME,
    CONTRACT19,
    FAMILIES,
    SCAN_CONDITIONS,
    WORDS19,
    blind19_families,
    condition19,
    format_day19,
    make_blind19,
    sample_contract19,
    sample_po19,
    tax_id_valid19,
)
from training.factory.layout import width

_OLDER = older_sets(19)  # sets 1-18
_COUNTRIES = sorted({f.country for f in FAMILIES})


FORMATS = SetFormats(format_day19, {}, tax_id_printed_whole(tax_id_valid19, _COUNTRIES))


def check_sums19(fam: Any, doc: Any) -> None:
    """qty x price rounded half up = amount; the lines sum to the subtotal; the tax is (subtotal + freight) x rate
    rounded half up; subtotal + freight + tax = total."""
    items = doc.truth["line_items"]
    a = {k: Decimal(v) for k, v in doc.label["amounts"].items()}
    step = Decimal(1).scaleb(-fam.places)
    assert a["subtotal"] + a["freight"] + a["tax_total"] == a["total"]
    assert sum((Decimal(i["amount"]) for i in items), Decimal(0)) == a["subtotal"]
    rate = Decimal(doc.model.tax_rate)
    assert a["tax_total"] == ((a["subtotal"] + a["freight"]) * rate / 100).quantize(step, rounding=ROUND_HALF_UP)
    assert (a["freight"] > 0) == (fam.table == "surcharges")
    for k, item in enumerate(items):
        qty, price, amount = (Decimal(item[n]) for n in ("quantity", "unit_price", "amount"))
        assert amount == (qty * price).quantize(step, rounding=ROUND_HALF_UP), (fam.name, k, item)
        assert price == price.quantize(step), (fam.name, k, price)


def check_set_doc19(fam: Any, doc: Any) -> None:
    check_doc(fam, doc, FORMATS)
    assert doc.label["features"]["blind19"] == fam.name
    if fam.kind == "po":
        check_sums19(fam, doc)


def _tagged(doc: Any, text: str) -> list[str]:
    """The tags of every word ``text`` on the document's pages."""
    return [w["tag"] for p in doc.label["pages"] for w in p["words"] if w["text"] == text]


@pytest.mark.parametrize("fam", FAMILIES, ids=lambda f: f.name)
def test_blind19_labels_are_what_the_page_prints(fam: Any) -> None:
    check_set_doc19(fam, make_blind19(19, fam))


def test_blind19_reuses_countries_with_new_desks() -> None:
    """The countries were all printed before; each desk's language was never printed for its country."""
    older = {(getattr(f, "country", None), getattr(f, "lang", "")[:2]) for m in _OLDER for f in m.FAMILIES}
    desks = {(f.country, f.lang[:2]) for f in FAMILIES}
    assert len(desks) == 24 and not desks & older
    older_countries = {c for c, _l in older}
    assert {f.country for f in FAMILIES} <= older_countries


def test_blind19_no_desk_language_prints_in_both_halves() -> None:
    assert not {f.lang for f in blind19_families("dev")} & {f.lang for f in blind19_families("test")}


def test_blind19_no_scan_was_a_field_of_an_older_set() -> None:
    older_scans = {s for m in _OLDER for s in getattr(m, "SCAN_CONDITIONS", ())}
    older_scans |= {getattr(f, "scan", None) for m in _OLDER for f in m.FAMILIES}
    assert not set(SCAN_CONDITIONS) & older_scans


def test_blind19_tax_ids_pass_their_schemes() -> None:
    assert tax_id_valid19("CH", "CHE-100.155.212") and not tax_id_valid19("CH", "CHE-100.155.213")
    assert tax_id_valid19("KE", "P051365947M") and not tax_id_valid19("KE", "P05136594M")
    assert tax_id_valid19("MK", "4030000375897") and not tax_id_valid19("MK", "4030000375890")
    assert tax_id_valid19("GB", "GB980780684") and not tax_id_valid19("GB", "980780684")
    for fam in FAMILIES:
        doc = make_blind19(3, fam)
        for role in ("buyer", "vendor"):
            value = doc.truth["fields"].get(f"{role}_tax_id")
            assert value and tax_id_valid19(fam.country, value), (fam.name, role, value)


def test_blind19_date_styles() -> None:
    day = date(2026, 3, 5)
    assert format_day19(day, "fi", "sv_FI") == "5.3.2026"
    assert format_day19(day, "sl", "sl_IT") == "5. 3. 2026"
    assert format_day19(day, "dmy_slash2", "eu_ES") == "05/03/26"
    assert format_day19(day, "ymd_slash", "af_ZA") == "2026/03/05"
    assert format_day19(day, "long", "cy_GB") == "5 Mawrth 2026"
    fam = BY_NAME["it-pogodba-o-storitvah"]
    doc = make_blind19(2, fam)
    effective = date.fromisoformat(doc.truth["fields"]["effective_date"])
    assert format_day19(effective, "sl", fam.lang) in text_layer(doc.pdf_bytes)


@pytest.mark.parametrize("name", [f.name for f in FAMILIES if f.header == "screendump"])
def test_blind19_terminal_print_screen(name: str) -> None:
    fam = BY_NAME[name]
    doc = make_blind19(4, fam)
    w = WORDS19[fam.lang]
    screens = [op for p in doc.pages for op in p.ops if op[0] == "rect" and op[6] == (0.02, 0.03, 0.02)]
    assert len(screens) >= 2 and len(doc.pages) == (len(screens) + 1) // 2  # two screens a page
    layer = text_layer(doc.pdf_bytes)
    assert layer.count(w["fkeys"].split()[0]) == len(screens) and w["bottom"] in layer
    assert layer.count(w["more"]) == len(screens) - 1
    mono = {op[4] for p in doc.pages for op in p.ops if op[0] == "text" and op[3] == doc.truth["fields"]["total"]}
    assert mono <= {"NimbusMonoPS-Regular", "NimbusMonoPS-Bold"}
    number = doc.truth["fields"]["po_number"]
    assert _tagged(doc, number).count("B-po_number") == 1 and len(_tagged(doc, number)) >= len(screens)
    assert all(i["description"] == i["description"].upper() for i in doc.truth["line_items"])
    check_set_doc19(fam, doc)


@pytest.mark.parametrize("name", [f.name for f in FAMILIES if f.header == "mailprint"])
def test_blind19_printed_email(name: str) -> None:
    fam = BY_NAME[name]
    order = sample_po19(random.Random(6), fam)
    doc = make_blind19(6, fam)
    w = WORDS19[fam.lang]
    layer = text_layer(doc.pdf_bytes)
    for cap in ("sent", "to", "subject"):
        assert f"{w[cap]}:" in layer
    assert order.mail in layer and "https://mail." in layer
    assert order.sent in layer
    assert all(w["tag"] == "O" for w in doc.label["pages"][0]["words"] if w["box"][1] < 40)  # the print's head
    # the subject repeats the number, unlabelled; the body's is the labelled one
    assert layer.count(doc.truth["fields"]["po_number"]) >= 3
    body = [op for op in doc.pages[0].ops if op[0] == "text" and op[3] == doc.truth["fields"]["po_number"]]
    assert body and body[0][4] == "NimbusMonoPS-Regular"
    check_set_doc19(fam, doc)


def test_blind19_right_aligned_captions() -> None:
    fam = BY_NAME["rs-objednavka"]
    doc = make_blind19(2, fam)
    w = WORDS19[fam.lang]
    page = doc.pages[0]
    caps = [op for op in page.ops if op[0] == "text" and op[3] in {w["number"], w["date"], w["terms"]}]
    right_edges = {round(op[1] + width(op[3], op[4], op[5])) for op in caps}
    assert len(caps) == 3 and len(right_edges) == 1  # captions end on one rule
    check_set_doc19(fam, doc)


@pytest.mark.parametrize("name", [f.name for f in FAMILIES if f.table == "tolerance"])
def test_blind19_tolerances_are_printed_not_labelled(name: str) -> None:
    fam = BY_NAME[name]
    for seed in (1, 2):
        order = sample_po19(random.Random(seed), fam)
        doc = make_blind19(seed, fam)
        assert len(order.tolerances) == len(doc.truth["line_items"])
        layer = text_layer(doc.pdf_bytes)
        for over, under in order.tolerances:
            assert f"+{over}/-{under} %" in layer
            assert all(t == "O" for t in _tagged(doc, f"+{over}/-{under}"))
        assert "tolerance" in doc.label["features"]["columns"]
        check_set_doc19(fam, doc)


@pytest.mark.parametrize("name", [f.name for f in FAMILIES if f.table == "alternates"])
def test_blind19_alternatives_are_printed_not_labelled(name: str) -> None:
    fam = BY_NAME[name]
    order = sample_po19(random.Random(5), fam)
    doc = make_blind19(5, fam)
    caption = f"{WORDS19[fam.lang]['alt']}:"
    assert len(order.alternates) == len(doc.truth["line_items"])
    assert text_layer(doc.pdf_bytes).count(caption) == len(order.alternates)
    for item, other in zip(doc.truth["line_items"], order.alternates, strict=True):
        assert other != item["description"]
    assert set(_tagged(doc, caption)) == {"O"}
    check_set_doc19(fam, doc)


@pytest.mark.parametrize("name", [f.name for f in FAMILIES if f.table == "surcharges"])
def test_blind19_charges_are_freight_not_lines(name: str) -> None:
    fam = BY_NAME[name]
    order = sample_po19(random.Random(4), fam)
    doc = make_blind19(4, fam)
    layer = text_layer(doc.pdf_bytes)
    assert WORDS19[fam.lang]["charges"] in layer and 2 <= len(order.charges) <= 3
    assert Decimal(doc.label["amounts"]["freight"]) == sum(a for _n, a in order.charges)
    descriptions = {i["description"] for i in doc.truth["line_items"]}
    assert not descriptions & {n for n, _a in order.charges}
    assert all(t == "O" for name_, _a in order.charges for t in _tagged(doc, name_.split()[0]))
    check_set_doc19(fam, doc)


@pytest.mark.parametrize("name", [f.name for f in FAMILIES if "qrcode" in f.extras])
def test_blind19_qr_code_beside_the_totals(name: str) -> None:
    fam = BY_NAME[name]
    order = sample_po19(random.Random(2), fam)
    doc = make_blind19(2, fam)
    dark = sum(sum(row) for row in order.qr)
    squares = [op for p in doc.pages for op in p.ops if op[0] == "rect" and op[3] == op[4] == 2.6]
    assert len(order.qr) == 25 and len(squares) == dark
    assert WORDS19[fam.lang]["qr"].split()[0] in text_layer(doc.pdf_bytes)
    check_set_doc19(fam, doc)


@pytest.mark.parametrize("name", [f.name for f in FAMILIES if "invoicing" in f.extras])
def test_blind19_invoicing_box_is_printed_not_labelled(name: str) -> None:
    fam = BY_NAME[name]
    doc = make_blind19(2, fam)
    w = WORDS19[fam.lang]
    layer = text_layer(doc.pdf_bytes)
    assert w["inv_title"] in layer or w["inv_title"].upper() in layer
    number = doc.truth["fields"]["po_number"]
    tags = _tagged(doc, number) + _tagged(doc, number + ".")
    assert tags.count("B-po_number") == 1 and len(tags) >= 2
    check_set_doc19(fam, doc)


@pytest.mark.parametrize("name", [f.name for f in FAMILIES if f.header == "datasheet"])
def test_blind19_particulars_grid_holds_the_facts(name: str) -> None:
    fam = BY_NAME[name]
    doc = make_blind19(3, fam)
    first = doc.label["pages"][0]["words"]
    tagged = {w["tag"][2:] for w in first if w["tag"] != "O"}
    assert {"buyer_name", "vendor_name", "contract_number", "effective_date", "expiry_date", "currency",
            "payment_terms"} <= tagged  # fmt: skip
    rects = [op for op in doc.pages[0].ops if op[0] == "rect" and op[8] == 0 and op[7] == 0.7]
    assert len(rects) == 8  # the numbered boxes
    check_set_doc19(fam, doc)


@pytest.mark.parametrize("name", [f.name for f in FAMILIES if f.header == "doccontrol"])
def test_blind19_document_control_table_is_printed_not_labelled(name: str) -> None:
    fam = BY_NAME[name]
    doc = make_blind19(3, fam)
    text = CONTRACT19[fam.lang]
    layer = text_layer(doc.pdf_bytes)
    assert all(c in layer for c in text["dc_cols"]) and "0.1" in layer and "1.0" in layer
    assert set(_tagged(doc, "0.2")) == {"O"}
    first = doc.label["pages"][0]["words"]
    version_row = max(w["box"][3] for w in first if w["text"] == "1.0")
    number = [w for w in first if w["tag"] == "B-contract_number"]
    assert number and number[0]["box"][1] < version_row  # the number above the table, the clauses under it
    assert all(w["box"][1] > version_row for w in first if w["tag"] not in {"O", "B-contract_number"})
    check_set_doc19(fam, doc)


@pytest.mark.parametrize("name", [f.name for f in FAMILIES if f.table == "levelmatrix"])
def test_blind19_level_matrix_labels_the_chosen_level(name: str) -> None:
    fam = BY_NAME[name]
    for seed in (1, 2, 3):
        model = sample_contract19(random.Random(seed), fam)
        doc = make_blind19(seed, fam)
        assert all(len(r) == 3 and r[0] < r[1] < r[2] for r in model.tier_rates)
        prices = [Decimal(i["unit_price"]) for i in doc.truth["line_items"]]
        assert prices == [r[model.chosen] for r in model.tier_rates]
        assert "[X]" in text_layer(doc.pdf_bytes)
        check_set_doc19(fam, doc)


@pytest.mark.parametrize("name", [f.name for f in FAMILIES if f.table == "pagesplit"])
def test_blind19_schedule_runs_over_a_page_break(name: str) -> None:
    fam = BY_NAME[name]
    for seed in range(1, 6):
        doc = make_blind19(seed, fam)
        ents = entities(doc.label)
        pages = {p["page"] for p in doc.label["pages"] for w in p["words"] if w["tag"] == "B-description"}
        assert len(pages) == 2, (name, seed)
        assert len([k for k in ents if k[0] == "unit_price"]) == len(doc.truth["line_items"]) >= 9
        layer = text_layer(doc.pdf_bytes)
        assert text_of(fam, "cont_head") in layer and text_of(fam, "cont_next") in layer
        check_set_doc19(fam, doc)


def text_of(fam: Any, key: str) -> str:
    return str(CONTRACT19[fam.lang][key])


@pytest.mark.parametrize("name", [f.name for f in FAMILIES if "indexation" in f.extras])
def test_blind19_indexation_is_printed_not_labelled(name: str) -> None:
    fam = BY_NAME[name]
    model = sample_contract19(random.Random(4), fam)
    doc = make_blind19(4, fam)
    layer = text_layer(doc.pdf_bytes)
    index, _base, month, review = model.index
    assert index.split()[0] in layer and f"{month.month:02d}/{month.year}" in layer
    assert format_day19(review, fam.dates, fam.lang) in layer and review > model.effective
    assert "×" in layer
    check_set_doc19(fam, doc)


@pytest.mark.parametrize("kind", SCAN_CONDITIONS)
def test_blind19_own_scan_conditions_keep_the_page_size(kind: str) -> None:
    page = conditioned_page(condition19, kind)
    assert page.getextrema()[0] < 235  # the condition left its mark
    assert page.getextrema()[1] > 200  # and the page is still light


def test_blind19_earlier_conditions_pass_through() -> None:
    img = Image.new("RGB", (620, 877), (255, 255, 255))
    out, _dpi = condition19(img, "torn", random.Random(4), 595.0)
    assert out.size == img.size


@pytest.mark.slow
@pytest.mark.parametrize("fam", FAMILIES, ids=lambda f: f.name)
def test_blind19_labels_hold_over_more_seeds(fam: Any) -> None:
    for seed in range(1, 5):
        check_set_doc19(fam, make_blind19(seed, fam))
