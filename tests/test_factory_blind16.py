"""The sixteenth blind set: every labelled value is printed as the label says (read back from the PDF's text layer),
qty x price = amount (rounded half up to the currency's places) and the totals add up, tax ids have their scheme's
printed shape, the split is fixed and disjoint, the countries are new to the project, both halves print every new
structure, the papers print what they claim (a memo, a barcode, an Incoterms strip, a release's quantities, tariff
codes, weights, tax codes, rates in footnotes, a ticked order form, a worked example, valid-from dates, initials, a
term in weeks) and leave it out of the labels, and ``ledgerlens data blind --set 16`` writes it with scans.
The checks the later sets share (the fixed split, the new countries, the same bytes for the same seed, the CLI, the
own scan conditions) are in ``test_factory_blindsets``."""

from __future__ import annotations

import random
from datetime import date, timedelta
from decimal import Decimal
from typing import Any

import pytest

from tests.blindchecks import (
    SetFormats,
    check_doc,
    check_set_doc_to_places,
    tax_id_printed_whole,
    text_layer,
)
from training.factory.blind16 import (
    BY_NAME,
    FAMILIES,
    SCAN_CONDITIONS,
    blind16_families,
    format_day16,
    make_blind16,
    sample_contract16,
    sample_po16,
    tax_id_valid16,
)

_COUNTRIES = sorted({f.country for f in FAMILIES})


FORMATS = SetFormats(format_day16, {}, tax_id_printed_whole(tax_id_valid16, _COUNTRIES))


def check_set_doc16(fam: Any, doc: Any) -> None:
    check_set_doc_to_places(fam, doc, FORMATS, 16)


def _words(doc: Any, text: str) -> list[dict[str, Any]]:
    return [w for p in doc.label["pages"] for w in p["words"] if w["text"] == text]


@pytest.mark.parametrize("fam", FAMILIES, ids=lambda f: f.name)
def test_blind16_labels_are_what_the_page_prints(fam: Any) -> None:
    check_set_doc16(fam, make_blind16(16, fam))


def test_blind16_both_halves_print_every_new_structure() -> None:
    def structures(half: str) -> set[str]:
        fams = blind16_families(half)
        return {f.header for f in fams} | {f.table for f in fams} | {e for f in fams for e in f.extras}

    every = {"memo", "barcode", "incoterms", "release", "hscode", "weights", "taxflag", "footnote", "checkform",
             "example", "validfrom", "initialled", "weeks"}  # fmt: skip
    assert every <= structures("dev") and every <= structures("test")
    for half in ("dev", "test"):
        assert set(SCAN_CONDITIONS) <= {f.scan for f in blind16_families(half)}


def test_blind16_tax_ids_have_their_printed_shapes() -> None:
    assert tax_id_valid16("PF", "B12345") and not tax_id_valid16("PF", "Z12345")
    assert tax_id_valid16("SY", "123456/78") and not tax_id_valid16("SY", "12345678")
    assert tax_id_valid16("YT", "73282932000074") and not tax_id_valid16("YT", "73282932000075")
    assert tax_id_valid16("CW", "101234567") and tax_id_valid16("BM", "EC12345")


def test_blind16_release_labels_this_release_only() -> None:
    fam = BY_NAME["ss-purchase-order-barcode-release"]
    order = sample_po16(random.Random(5), fam)
    doc = make_blind16(5, fam)
    layer = text_layer(doc.pdf_bytes)
    assert "This release" in layer and "Blanket qty" in layer and "Release against blanket order" in layer
    for item, extra in zip(doc.truth["line_items"], order.extra, strict=True):
        blanket, prior, balance = (Decimal(extra[k]) for k in ("blanket", "prior", "balance"))
        assert blanket == prior + Decimal(item["quantity"]) + balance and balance > 0
    assert f"*{order.po.number.upper()}*" in layer  # the barcode's human-readable number
    check_set_doc16(fam, doc)


def test_blind16_tariff_weights_and_tax_codes_are_printed_but_not_labelled() -> None:
    fam = BY_NAME["fm-purchase-order-barcode-tariff"]
    doc = make_blind16(3, fam)
    order = sample_po16(random.Random(3), fam)
    layer = text_layer(doc.pdf_bytes)
    assert "HS code" in layer and all(e["hs"] in layer for e in order.extra)
    assert all(w["tag"] == "O" for e in order.extra for w in _words(doc, e["hs"]))
    fam = BY_NAME["so-purchase-order-incoterms-weights"]
    doc = make_blind16(3, fam)
    layer = text_layer(doc.pdf_bytes)
    assert "Total net weight:" in layer and "Incoterms® 2020" in layer and "Shipping marks" in layer
    check_set_doc16(fam, doc)
    fam = BY_NAME["pw-purchase-order-memo-tax-codes"]
    doc = make_blind16(3, fam)
    layer = text_layer(doc.pdf_bytes)
    assert "MEMORANDUM" in layer and "Tax codes: S = standard rated 10 %" in layer
    assert all(w["tag"] == "O" for w in _words(doc, "S"))
    check_set_doc16(fam, doc)


def test_blind16_unticked_services_and_worked_examples_are_not_labelled() -> None:
    fam = BY_NAME["vc-service-order-form-ticked"]
    model = sample_contract16(random.Random(2), fam)
    doc = make_blind16(2, fam)
    ticked = [(s, u, r) for s, u, r, on in model.catalogue if on]
    assert len(ticked) < len(model.catalogue)
    assert [Decimal(i["unit_price"]) for i in doc.truth["line_items"]] == [r for _s, _u, r in ticked]
    assert [i["description"] for i in doc.truth["line_items"]] == [s for s, _u, _r in ticked]
    layer = text_layer(doc.pdf_bytes)
    assert all(s in layer for s, _u, _r, _on in model.catalogue) and "Initials:" in layer
    fam = BY_NAME["ag-services-agreement-worked-example"]
    doc = make_blind16(2, fam)
    assert "Worked example" in text_layer(doc.pdf_bytes)
    check_set_doc16(fam, doc)


def test_blind16_rates_in_footnotes_and_valid_from_dates() -> None:
    fam = BY_NAME["nr-services-agreement-initialled-notes"]
    doc = make_blind16(4, fam)
    assert "notes at the foot of this page" in text_layer(doc.pdf_bytes)
    check_set_doc16(fam, doc)
    fam = BY_NAME["tv-services-agreement-valid-from"]
    model = sample_contract16(random.Random(4), fam)
    doc = make_blind16(4, fam)
    layer = text_layer(doc.pdf_bytes)
    assert "Valid from" in layer and all(format_day16(d, "long", fam.lang) in layer for d in model.valid_from)
    check_set_doc16(fam, doc)


@pytest.mark.parametrize("name", [f.name for f in FAMILIES if "weeks" in f.extras])
def test_blind16_term_in_weeks_labels_the_expiry_it_implies(name: str) -> None:
    fam = BY_NAME[name]
    doc = make_blind16(6, fam)
    n, unit = doc.model.term
    assert unit == "weeks" and f"{n} {'semaines' if fam.lang.startswith('fr') else ''}".strip() in text_layer(
        doc.pdf_bytes
    )
    effective = date.fromisoformat(doc.truth["fields"]["effective_date"])
    assert doc.label["features"]["expiry"] == "term"
    assert doc.truth["fields"]["expiry_date"] == (effective + timedelta(weeks=n, days=-1)).isoformat()
    check_doc(fam, doc, FORMATS)


@pytest.mark.slow
@pytest.mark.parametrize("fam", FAMILIES, ids=lambda f: f.name)
def test_blind16_labels_hold_over_more_seeds(fam: Any) -> None:
    for seed in range(1, 5):
        check_set_doc16(fam, make_blind16(seed, fam))
