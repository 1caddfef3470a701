"""The eighteenth blind set: every labelled value is printed as the label says (read back from the PDF's text layer),
qty x price = amount (rounded half up to the currency's places) and the totals add up, tax ids have their scheme's
printed shape and check digits, the split is fixed and disjoint, the countries are new to the project, both halves
print every new structure, the papers print what they claim (an order and its copy on one sheet, an authorisation
box holding the order's date, price ladders, colour chips, receiving columns, a delivery booking, a stamp-duty
impression, a title page, a tender evaluation, yearly fees, a retention clause) and leave it out of the labels, Iran's
dates are Solar Hijri, and ``ledgerlens data blind --set 18`` writes it with scans.
The checks the later sets share (the fixed split, the new countries, the same bytes for the same seed, the CLI, the
own scan conditions) are in ``test_factory_blindsets``."""

from __future__ import annotations

import random
from datetime import date
from decimal import Decimal
from typing import Any

import pytest
from PIL import Image

from tests.blindchecks import (
    SetFormats,
    check_set_doc_to_places,
    entities,
    tax_id_printed_whole,
    text_layer,
)
from training.factory.blind18 import (
    BY_NAME,
    FAMILIES,
    condition18,
    format_day18,
    jalali,
    make_blind18,
    sample_contract18,
    sample_po18,
    tax_id_valid18,
)

_COUNTRIES = sorted({f.country for f in FAMILIES})


FORMATS = SetFormats(format_day18, {}, tax_id_printed_whole(tax_id_valid18, _COUNTRIES))


def check_set_doc18(fam: Any, doc: Any) -> None:
    check_set_doc_to_places(fam, doc, FORMATS, 18)


def _tagged(doc: Any, text: str) -> list[str]:
    """The tags of every word ``text`` on the document's pages."""
    return [w["tag"] for p in doc.label["pages"] for w in p["words"] if w["text"] == text]


def _ops(doc: Any, kind: str) -> list[tuple[Any, ...]]:
    return [op for p in doc.pages for op in p.ops if op[0] == kind]


@pytest.mark.parametrize("fam", FAMILIES, ids=lambda f: f.name)
def test_blind18_labels_are_what_the_page_prints(fam: Any) -> None:
    check_set_doc18(fam, make_blind18(18, fam))


def test_blind18_tax_ids_pass_their_schemes() -> None:
    assert tax_id_valid18("EA", "A58818501") and not tax_id_valid18("EA", "A58818502")
    assert tax_id_valid18("AS", "98-2103594") and not tax_id_valid18("AS", "982103594")
    assert tax_id_valid18("CC", "51824753556") and not tax_id_valid18("CC", "51824753557")
    assert tax_id_valid18("GF", "73282932000074") and not tax_id_valid18("GF", "73282932000075")
    assert tax_id_valid18("PS", "562345678") and not tax_id_valid18("PS", "462345678")
    for fam in FAMILIES:
        doc = make_blind18(3, fam)
        for role in ("buyer", "vendor"):
            value = doc.truth["fields"].get(f"{role}_tax_id")
            assert value and tax_id_valid18(fam.country, value), (fam.name, role, value)


def test_blind18_solar_hijri_dates() -> None:
    assert jalali(date(2026, 3, 5)) == (1404, 12, 14)
    assert jalali(date(2026, 3, 21)) == (1405, 1, 1)  # Nowruz
    assert jalali(date(2025, 3, 20)) == (1403, 12, 30)  # the last day of a leap year
    assert jalali(date(2024, 9, 21)) == (1403, 6, 31) and jalali(date(2024, 9, 22)) == (1403, 7, 1)
    assert format_day18(date(2026, 3, 5), "jalali", "en_IR") == "1404/12/14"
    assert format_day18(date(2026, 3, 5), "mdy_slash", "en_AS") == "03/05/2026"
    assert format_day18(date(2026, 3, 5), "long", "es_IC") == "5 de marzo de 2026"
    fam = BY_NAME["ir-purchase-order-rials"]
    doc = make_blind18(5, fam)
    assert doc.label["features"]["dates"] == "jalali"
    order_date = date.fromisoformat(doc.truth["fields"]["order_date"])
    assert format_day18(order_date, "jalali", fam.lang) in text_layer(doc.pdf_bytes)
    assert order_date.isoformat() not in text_layer(doc.pdf_bytes)


@pytest.mark.parametrize("name", [f.name for f in FAMILIES if f.header == "twocopy"])
def test_blind18_two_copies_on_one_sheet_label_the_top_one(name: str) -> None:
    fam = BY_NAME[name]
    for seed in (1, 2, 3):
        doc = make_blind18(seed, fam)
        assert len(doc.pages) == 1
        page = doc.pages[0]
        half = page.height / 2
        top = [w for w in page.words if w["pt"][1] < half]
        bottom = [w for w in page.words if w["pt"][1] > half]
        assert all(w["tag"] == "O" for w in bottom)
        marks = {"ORIGINAL", "COPY", "COPIA", "DUPLICATA", "-", "SUPPLIER", "PROVEEDOR", "FOURNISSEUR"}
        words = [w["text"] for w in top if w["text"] not in marks]
        assert words == [w["text"] for w in bottom if w["text"] not in marks]
        assert any(w["tag"] != "O" for w in top)
        layer = text_layer(doc.pdf_bytes)
        assert "ORIGINAL" in layer and layer.count(doc.truth["fields"]["po_number"]) == 2
        cut = [op for op in page.ops if op[0] == "line" and op[2] == op[4] == half]
        assert len(cut) > 20  # the dashed cut line
        check_set_doc18(fam, doc)


def test_blind18_order_date_only_in_the_authorisation_box() -> None:
    fam = BY_NAME["ai-purchase-order"]
    order = sample_po18(random.Random(6), fam)
    doc = make_blind18(6, fam)
    layer = text_layer(doc.pdf_bytes)
    assert "Authorised by" in layer and order.officer in layer
    last = doc.label["pages"][-1]["words"]
    dated = [w for w in last if w["tag"] == "B-order_date"]
    assert dated and dated[0]["box"][1] > max(w["box"][1] for w in last if w["tag"] == "B-total")
    assert all(w["tag"] != "B-order_date" for p in doc.label["pages"][:-1] for w in p["words"])
    check_set_doc18(fam, doc)


@pytest.mark.parametrize("name", [f.name for f in FAMILIES if f.table == "breaks"])
def test_blind18_ladder_price_is_the_break_the_quantity_reaches(name: str) -> None:
    fam = BY_NAME[name]
    for seed in (1, 2):
        order = sample_po18(random.Random(seed), fam)
        doc = make_blind18(seed, fam)
        assert len(order.ladders) == len(order.po.lines)
        reached_below_top = 0
        for ln, ladder, item in zip(order.po.lines, order.ladders, doc.truth["line_items"], strict=True):
            steps = [s for s, _p in ladder]
            assert steps[0] == 1 and steps == sorted(steps)
            reached = max(k for k, s in enumerate(steps) if ln.quantity >= s)
            assert Decimal(item["unit_price"]) == ladder[reached][1]
            reached_below_top += reached < len(steps) - 1
        assert "+" in text_layer(doc.pdf_bytes)
        assert reached_below_top or len(order.po.lines) < 4
        check_set_doc18(fam, doc)


def test_blind18_colour_chips_and_codes_are_printed_not_labelled() -> None:
    fam = BY_NAME["ea-pedido-de-compra"]
    order = sample_po18(random.Random(3), fam)
    doc = make_blind18(3, fam)
    layer = text_layer(doc.pdf_bytes)
    assert all(code.split()[0] in layer for code, _chip in order.colours)
    chips = {op[6] for op in _ops(doc, "rect") if op[6] in {chip for _c, chip in order.colours}}
    assert chips == {chip for _c, chip in order.colours}
    assert all(t == "O" for t in _tagged(doc, "RAL"))
    check_set_doc18(fam, doc)


def test_blind18_receiving_columns_are_empty() -> None:
    fam = BY_NAME["eh-bon-de-commande"]
    doc = make_blind18(2, fam)
    layer = text_layer(doc.pdf_bytes)
    assert "Qté reçue" in layer and "Contrôlé" in layer and "Réceptionné par:" in layer
    boxes = [op for op in _ops(doc, "rect") if op[3] == op[4] == 8]
    assert len(boxes) == len(doc.truth["line_items"])
    assert all(t == "O" for t in _tagged(doc, "reçue"))
    assert doc.label["features"]["columns"][-2:] == ["received", "checked"]
    check_set_doc18(fam, doc)


def test_blind18_delivery_booking_is_printed_not_labelled() -> None:
    fam = BY_NAME["mf-bon-de-commande"]
    order = sample_po18(random.Random(8), fam)
    doc = make_blind18(8, fam)
    layer = text_layer(doc.pdf_bytes)
    dock, day, _window, ref = order.dock
    assert "RENDEZ-VOUS DE LIVRAISON" in layer and ref in layer and f"Quai {dock}" in layer
    assert all(t == "O" for t in _tagged(doc, ref + "."))
    assert day > order.po.order_date
    check_set_doc18(fam, doc)


def test_blind18_stamp_duty_is_printed_above_the_contract_not_labelled() -> None:
    fam = BY_NAME["ta-service-contract"]
    model = sample_contract18(random.Random(4), fam)
    doc = make_blind18(4, fam)
    layer = text_layer(doc.pdf_bytes)
    number, _amount, paid, _initials = model.duty
    assert "STAMP DUTY PAID" in layer and number in layer
    assert paid < model.effective and all(t == "O" for t in _tagged(doc, number))
    first = doc.label["pages"][0]["words"]
    stamp_foot = max(w["box"][3] for w in first if w["text"] == number)
    assert all(w["box"][1] > stamp_foot for w in first if w["tag"] != "O")
    check_set_doc18(fam, doc)


def test_blind18_title_page_names_the_parties_without_labels() -> None:
    fam = BY_NAME["pn-services-agreement"]
    doc = make_blind18(5, fam)
    cover = doc.label["pages"][0]["words"]
    assert all(w["tag"] == "O" for w in cover)
    layer = text_layer(doc.pdf_bytes)
    for name in ("buyer_name", "vendor_name"):
        value = doc.truth["fields"][name]
        assert layer.count(value) >= 2  # the title page and clause 1
    assert "between" in layer and "Contents" in layer and len(doc.label["pages"]) >= 2
    check_set_doc18(fam, doc)


def test_blind18_tender_evaluation_labels_the_awarded_column() -> None:
    fam = BY_NAME["cx-services-contract"]
    model = sample_contract18(random.Random(2), fam)
    doc = make_blind18(2, fam)
    assert len(model.bidders) == 3
    names = [n for n, _r in model.bidders]
    assert model.vendor.name in names
    awarded = dict(model.bidders)[model.vendor.name]
    assert [Decimal(i["unit_price"]) for i in doc.truth["line_items"]] == awarded == [r for _s, _u, r in model.rates]
    layer = text_layer(doc.pdf_bytes)
    assert "(awarded)" in layer and all(n in layer for n in names)
    check_set_doc18(fam, doc)


def test_blind18_yearly_fees_and_retention_are_printed_not_labelled() -> None:
    fam = BY_NAME["tk-services-agreement"]
    model = sample_contract18(random.Random(3), fam)
    doc = make_blind18(3, fam)
    layer = text_layer(doc.pdf_bytes)
    assert "Per year" in layer and "7. Retention" in layer and "Retention release" in layer
    ents = entities(doc.label)
    for i, (_s, unit, _rate) in enumerate(model.rates):
        assert unit == "month"
        assert ("unit_price", i) in ents
    share, first, second = model.retention
    assert f"{share} %" in layer and first < second
    assert all(format_day18(d, "long", fam.lang) in layer for d in (first, second))
    check_set_doc18(fam, doc)


def test_blind18_earlier_conditions_pass_through() -> None:
    img = Image.new("RGB", (620, 877), (255, 255, 255))
    out, _dpi = condition18(img, "foxing", random.Random(4), 595.0)
    assert out.size == img.size


@pytest.mark.slow
@pytest.mark.parametrize("fam", FAMILIES, ids=lambda f: f.name)
def test_blind18_labels_hold_over_more_seeds(fam: Any) -> None:
    for seed in range(1, 5):
        check_set_doc18(fam, make_blind18(seed, fam))
