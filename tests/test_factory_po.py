"""The document factory's purchase orders: reproducible, arithmetic right, labels right by construction."""

from __future__ import annotations

import json
from decimal import Decimal

import pytest

from training.factory.generate import generate
from training.factory.po import make_po
from training.factory.readback import align_labels, pdf_words

SEEDS = list(range(12))


@pytest.fixture(scope="module")
def docs():
    out = [make_po(s) for s in SEEDS]
    out.append(make_po(99, n_lines=55))  # long enough to run over pages
    return out


def test_same_seed_same_bytes():
    a, b = make_po(7), make_po(7)
    assert a.pdf_bytes == b.pdf_bytes
    assert json.dumps(a.label) == json.dumps(b.label)
    assert make_po(8).pdf_bytes != a.pdf_bytes


def test_arithmetic_holds(docs):
    for doc in docs:
        amounts = doc.label["amounts"]
        subtotal = Decimal(0)
        for item, disc in zip(doc.truth["line_items"], amounts["line_discount_pct"], strict=True):
            gross = Decimal(item["quantity"]) * Decimal(item["unit_price"])
            factor = 1 - Decimal(disc or 0) / 100
            assert Decimal(item["amount"]) == (gross * factor).quantize(Decimal("0.01"), rounding="ROUND_HALF_UP")
            subtotal += Decimal(item["amount"])
        assert Decimal(amounts["subtotal"]) == subtotal
        tax = sum((Decimal(v) for v in amounts["tax_by_rate"].values()), Decimal(0))
        assert Decimal(amounts["tax_total"]) == tax
        total = subtotal - Decimal(amounts["discount"]) + Decimal(amounts["shipping"]) + tax
        assert Decimal(amounts["total"]) == total
        fields = doc.truth["fields"]
        for name in ("subtotal", "tax_total", "total"):
            if name in fields:
                assert fields[name] == amounts[name]


def test_labels_line_up_with_pypdfium2(docs):
    assert any(len(d.label["pages"]) > 1 for d in docs)
    for doc in docs:
        read = pdf_words(doc.pdf_bytes)
        assert len(read) == len(doc.label["pages"])
        counts = align_labels(doc.label["pages"], read)
        assert counts["matched"] == counts["labelled"] == counts["read"], (doc.doc_id, counts)


def _spans(words, name):
    spans, current = [], None
    for w in words:
        if w["tag"] == f"B-{name}":
            current = [w["text"]]
            spans.append(current)
        elif w["tag"] == f"I-{name}" and current is not None:
            current.append(w["text"])
        else:
            current = None
    return [" ".join(s) for s in spans]


def test_tags_carry_the_truth(docs):
    for doc in docs:
        words = [w for p in doc.label["pages"] for w in p["words"]]
        fields = doc.truth["fields"]
        for name in (
            "po_number",
            "buyer_name",
            "vendor_name",
            "order_date",
            "payment_terms",
            "currency",
            "subtotal",
            "tax_total",
            "total",
            "buyer_tax_id",
            "vendor_tax_id",
        ):
            spans = _spans(words, name)
            if spans:
                assert name in fields, (doc.doc_id, name)
            elif name in fields:  # only a currency symbol glued to an amount shows a field without its own word
                assert name == "currency", (doc.doc_id, name)
        for name in ("po_number", "buyer_name", "vendor_name", "payment_terms"):
            for span in _spans(words, name):
                assert fields[name] in span.lstrip("#") or span.lstrip("#") in fields[name], (name, span)
        for tax in ("buyer_tax_id", "vendor_tax_id"):
            for span in _spans(words, tax):
                assert span.replace(" ", "") == fields[tax]
        for i, item in enumerate(doc.truth["line_items"]):
            desc = " ".join(w["text"] for w in words if w["tag"].endswith("-description") and w["row"] == i)
            assert desc == item["description"]
            assert sum(w["tag"] == "B-amount" and w["row"] == i for w in words) == 1
            amount = "".join(w["text"] for w in words if w["tag"].endswith("-amount") and w["row"] == i)
            digits = "".join(ch for ch in amount if ch.isdigit())
            assert digits == item["amount"].replace(".", "")


def test_layout_family_filter():
    fam = make_po(3).layout_family
    assert make_po(50, families={fam}).layout_family == fam
    assert make_po(3, families={f"!{fam}"}).layout_family != fam
    families = {make_po(s).layout_family for s in range(20)}
    assert len(families) >= 15  # variety, not a handful of templates


def test_generate_writes_reproducible_files(tmp_path):
    a = generate("po", 4, tmp_path / "a", seed=5, workers=2, progress=False)
    b = generate("po", 4, tmp_path / "b", seed=5, workers=1, progress=False)
    assert [p.name for p in a] == [p.name for p in b]
    for pa, pb in zip(a, b, strict=True):
        label = json.loads(pa.read_text())
        assert (pa.parent / label["file"]).read_bytes() == (pb.parent / label["file"]).read_bytes()
        assert pa.read_text() == pb.read_text()
        invoices = json.loads((pa.parent / f"{label['doc_id']}.invoices.json").read_text())
        assert invoices and all("expected_codes" in e for e in invoices)
    card = json.loads((tmp_path / "a" / "dataset_card.json").read_text())
    assert card["documents"] == 4
