"""The seventeenth blind set: every labelled value is printed as the label says (read back from the PDF's text layer),
qty x price = amount (rounded half up to the currency's places) and the totals add up, tax ids have their scheme's
printed shape and check digits, the split is fixed and disjoint, the countries are new to the project, both halves
print every new structure, the papers print what they claim (a status track, a counterfoil, an accepted quotation,
delivery sub-headings, size runs, cut sizes, pictures, a payment schedule, a party table at the end, an addendum, pen
prices, dated signatures) and leave it out of the labels, and ``ledgerlens data blind --set 17`` writes it with
scans.
The checks the later sets share (the fixed split, the new countries, the same bytes for the same seed, the CLI, the
own scan conditions) are in ``test_factory_blindsets``."""

from __future__ import annotations

import random
from datetime import date, timedelta
from decimal import Decimal
from typing import Any

import pytest
from dateutil.relativedelta import relativedelta

from tests.blindchecks import (
    SetFormats,
    check_set_doc_to_places,
    entities,
    tax_id_printed_whole,
    text_layer,
)
from training.factory.blind17 import (
    BY_NAME,
    FAMILIES,
    SIZES17,
    format_day17,
    make_blind17,
    sample_contract17,
    sample_po17,
    tax_id_valid17,
)

_COUNTRIES = sorted({f.country for f in FAMILIES})


FORMATS = SetFormats(format_day17, {}, tax_id_printed_whole(tax_id_valid17, _COUNTRIES))


def check_set_doc17(fam: Any, doc: Any) -> None:
    check_set_doc_to_places(fam, doc, FORMATS, 17)


def _tagged(doc: Any, text: str) -> list[str]:
    """The tags of every word ``text`` on the document's pages."""
    return [w["tag"] for p in doc.label["pages"] for w in p["words"] if w["text"] == text]


@pytest.mark.parametrize("fam", FAMILIES, ids=lambda f: f.name)
def test_blind17_labels_are_what_the_page_prints(fam: Any) -> None:
    check_set_doc17(fam, make_blind17(17, fam))


def test_blind17_tax_ids_pass_their_schemes() -> None:
    assert tax_id_valid17("AX", "0112038-9") and not tax_id_valid17("AX", "0112038-8")
    assert tax_id_valid17("PR", "04-2103594") and not tax_id_valid17("PR", "042103594")
    assert tax_id_valid17("NF", "51824753556") and not tax_id_valid17("NF", "51824753557")
    assert tax_id_valid17("MQ", "FR40303265045") and not tax_id_valid17("MQ", "FR41303265045")
    assert tax_id_valid17("SJ", "988077917") and not tax_id_valid17("SJ", "988077918")
    assert tax_id_valid17("CD", "A0701234X") and not tax_id_valid17("CD", "C0701234X")
    for fam in FAMILIES:
        doc = make_blind17(3, fam)
        for role in ("buyer", "vendor"):
            value = doc.truth["fields"].get(f"{role}_tax_id")
            assert value and tax_id_valid17(fam.country, value), (fam.name, role, value)


def test_blind17_dates_in_iso_and_american_order() -> None:
    day = date(2026, 3, 5)
    assert format_day17(day, "iso", "sv_AX") == "2026-03-05"
    assert format_day17(day, "mdy_slash", "en_GU") == "03/05/2026"
    assert format_day17(day, "long", "es_PR") == "5 de marzo de 2026"
    assert format_day17(day, "long", "nb_SJ") == "5. mars 2026"


def test_blind17_status_track_labels_the_ordered_step_only() -> None:
    fam = BY_NAME["je-order-for-goods-status-track-sites"]
    order = sample_po17(random.Random(4), fam)
    doc = make_blind17(4, fam)
    layer = text_layer(doc.pdf_bytes)
    assert "Order status" in layer and "Expected delivery" in layer
    style = doc.label["features"]["dates"]
    shown = [format_day17(d, style, fam.lang) for d in order.steps]
    assert all(s in layer for s in shown)
    assert doc.truth["fields"]["order_date"] == order.steps[2].isoformat()
    check_set_doc17(fam, doc)


def test_blind17_counterfoil_repeats_the_order_without_labels() -> None:
    fam = BY_NAME["zw-order-book-counterfoil-cut-sizes"]
    doc = make_blind17(5, fam)
    layer = text_layer(doc.pdf_bytes)
    assert "COUNTERFOIL" in layer and "Entered in register by" in layer
    number = doc.truth["fields"]["po_number"]
    tags = _tagged(doc, number)
    assert len(tags) == 2 and tags.count("B-po_number") == 1  # the counterfoil's copy is not labelled
    first = doc.label["pages"][0]["words"]
    stub_right = max(w["box"][2] for w in first if w["text"] == "COUNTERFOIL")
    assert all(w["box"][0] > stub_right for w in first if w["tag"] != "O")  # every labelled word right of it
    check_set_doc17(fam, doc)


def test_blind17_accepted_quotation_labels_the_handwritten_order() -> None:
    fam = BY_NAME["im-quotation-accepted-delivery-sites"]
    order = sample_po17(random.Random(6), fam)
    doc = make_blind17(6, fam)
    layer = text_layer(doc.pdf_bytes)
    number, quoted, valid = order.quote
    assert "QUOTATION" in layer and number in layer and "ACCEPTED AS OUR PURCHASE ORDER" in layer
    assert all(t == "O" for t in _tagged(doc, number))
    assert doc.truth["fields"]["po_number"] == order.po.number
    assert doc.truth["fields"]["order_date"] == order.po.order_date.isoformat() != quoted.isoformat()
    fonts = {op[4] for p in doc.pages for op in p.ops if op[0] == "text" and op[3] == order.po.number}
    assert any("Z003" in f for f in fonts)  # written in by hand
    check_set_doc17(fam, doc)


def test_blind17_delivery_sites_head_their_lines() -> None:
    fam = BY_NAME["mq-bon-de-commande-souche-sites"]
    order = sample_po17(random.Random(2), fam)
    doc = make_blind17(2, fam)
    layer = text_layer(doc.pdf_bytes)
    assert len(order.sites) >= 2 and all(name in layer for name, _a in order.sites)
    assert layer.count("À livrer à:") == len(order.sites)
    assert [e["site"] for e in order.extra] == sorted(e["site"] for e in order.extra)
    check_set_doc17(fam, doc)


def test_blind17_size_runs_add_up_to_the_labelled_quantity() -> None:
    fam = BY_NAME["ax-inkopsorder-status-storlekar"]
    order = sample_po17(random.Random(9), fam)
    doc = make_blind17(9, fam)
    layer = text_layer(doc.pdf_bytes)
    assert all(s in layer for s in SIZES17) and "Totalt" in layer
    for item, extra in zip(doc.truth["line_items"], order.extra, strict=True):
        assert Decimal(item["quantity"]) == sum(extra["sizes"])
    check_set_doc17(fam, doc)


def test_blind17_cut_sizes_label_the_area() -> None:
    fam = BY_NAME["sz-purchase-order-status-cut-list"]
    order = sample_po17(random.Random(3), fam)
    doc = make_blind17(3, fam)
    layer = text_layer(doc.pdf_bytes)
    for item, extra in zip(doc.truth["line_items"], order.extra, strict=True):
        length, breadth = extra["dims"]
        assert f"{length} × {breadth}" in layer and item["unit"] == "m²"
        area = Decimal(extra["pieces"] * length * breadth) / 1_000_000
        assert abs(Decimal(item["quantity"]) - area) <= Decimal("0.005")
    check_set_doc17(fam, doc)


def test_blind17_pictures_and_payment_schedule_are_printed_not_labelled() -> None:
    fam = BY_NAME["cd-devis-accepte-photos"]
    doc = make_blind17(8, fam)
    layer = text_layer(doc.pdf_bytes)
    assert "Visuel" in layer and "Échéancier" in layer and "Solde à la livraison" in layer
    frames = [op for p in doc.pages for op in p.ops if op[0] == "rect" and op[3] == op[4] and op[3] <= 30]
    assert len(frames) >= len(doc.truth["line_items"])  # a picture's square frame on every row
    assert all(t == "O" for t in _tagged(doc, "Acompte"))
    check_set_doc17(fam, doc)


def test_blind17_parties_only_in_the_table_at_the_end() -> None:
    fam = BY_NAME["gi-services-contract-parties-at-end-pen"]
    doc = make_blind17(5, fam)
    ents = entities(doc.label)
    last = doc.label["pages"][-1]["words"]
    for name in ("buyer_name", "vendor_name", "buyer_tax_id", "vendor_tax_id"):
        assert any(w["tag"] == f"B-{name}" for w in last), name
    assert ("buyer_name", None) in ents and ("vendor_name", None) in ents
    layer = text_layer(doc.pdf_bytes)
    for name in ("buyer_name", "vendor_name"):  # named nowhere before the last clause
        assert layer.index(doc.truth["fields"][name]) > layer.index("Ending early")
    check_set_doc17(fam, doc)


def test_blind17_addendum_labels_the_rate_in_force() -> None:
    fam = BY_NAME["wf-marche-parties-en-fin-avenant"]
    model = sample_contract17(random.Random(4), fam)
    doc = make_blind17(4, fam)
    assert model.superseded is not None and model.addendum is not None
    k, old = model.superseded
    assert old != model.rates[k][2]
    layer = text_layer(doc.pdf_bytes)
    assert "AVENANT N° 1" in layer
    assert [Decimal(i["unit_price"]) for i in doc.truth["line_items"]] == [r for _s, _u, r in model.rates]
    assert model.addendum < model.effective
    check_set_doc17(fam, doc)


def test_blind17_pen_prices_are_labelled() -> None:
    fam = BY_NAME["va-contratto-prezzi-a-mano"]
    doc = make_blind17(2, fam)
    pen = [w for p in doc.pages for w in p.words if w["tag"].endswith("unit_price")]
    assert pen
    fonts = {op[4] for p in doc.pages for op in p.ops if op[0] == "text" and "Z003" in op[4]}
    assert fonts and "compilare a mano" in text_layer(doc.pdf_bytes)
    check_set_doc17(fam, doc)


@pytest.mark.parametrize("name", [f.name for f in FAMILIES if "lastsign" in f.extras])
def test_blind17_the_later_signature_is_the_effective_date(name: str) -> None:
    fam = BY_NAME[name]
    for seed in (1, 2, 3):
        model = sample_contract17(random.Random(seed), fam)
        doc = make_blind17(seed, fam)
        assert model.signed is not None and model.term is not None
        assert model.effective == max(model.signed) and min(model.signed) < model.effective
        layer = text_layer(doc.pdf_bytes)
        assert all(format_day17(d, "long", fam.lang) in layer for d in model.signed)
        assert doc.truth["fields"]["effective_date"] == max(model.signed).isoformat()
        n, unit = model.term
        expected = model.effective + relativedelta(months=n * (12 if unit == "years" else 1)) - timedelta(days=1)
        assert doc.truth["fields"]["expiry_date"] == expected.isoformat()
        check_set_doc17(fam, doc)


@pytest.mark.slow
@pytest.mark.parametrize("fam", FAMILIES, ids=lambda f: f.name)
def test_blind17_labels_hold_over_more_seeds(fam: Any) -> None:
    for seed in range(1, 5):
        check_set_doc17(fam, make_blind17(seed, fam))
