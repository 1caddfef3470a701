"""Contracts, scans, draft invoices and the FUNSD loader of the document factory."""

from __future__ import annotations

import json
import shutil
from decimal import Decimal
from pathlib import Path
from typing import get_args

import jsonschema
import pytest
from PIL import Image

from matching.types import FindingCode
from tests.services import require
from training.factory.contract import make_contract
from training.factory.funsd import load_funsd
from training.factory.invoices import make_invoices
from training.factory.po import make_po
from training.factory.readback import align_labels, pdf_words
from training.factory.scan import make_scan, project_box

CONTRACT_DIR = Path(__file__).resolve().parents[1].parent / "shared" / "contract"
SCHEMA_PATHS = [CONTRACT_DIR, Path("/work/shared/contract")]


def _schema(name: str) -> dict:
    for base in SCHEMA_PATHS:
        if (base / name).exists():
            return json.loads((base / name).read_text())
    require("contract schemas not available")
    raise AssertionError("unreachable")


@pytest.fixture(scope="module")
def contracts():
    return [make_contract(s) for s in range(6)]


def test_contracts_pages_labels_and_truth(contracts):
    assert make_contract(2).pdf_bytes == contracts[2].pdf_bytes
    for doc in contracts:
        assert 2 <= len(doc.label["pages"]) <= 5
        counts = align_labels(doc.label["pages"], pdf_words(doc.pdf_bytes))
        assert counts["matched"] == counts["labelled"] == counts["read"], (doc.doc_id, counts)
        words = [w for p in doc.label["pages"] for w in p["words"]]
        tagged = {w["tag"][2:] for w in words if w["tag"] != "O"}
        fields = doc.truth["fields"]
        assert {
            "contract_number",
            "effective_date",
            "expiry_date",
            "buyer_name",
            "vendor_name",
            "currency",
            "payment_terms",
        } <= tagged
        assert fields["effective_date"] < fields["expiry_date"]
        terms = " ".join(w["text"] for w in words if w["tag"].endswith("-payment_terms"))
        assert fields["payment_terms"] in terms
        assert str(fields["payment_terms_days"]) in terms or fields["payment_terms_days"] == 0
        rates = [w for w in words if w["tag"] == "B-unit_price"]
        assert len(rates) == len(doc.truth["line_items"])


def test_scan_projects_labels_through_the_skew():
    # a box at the centre stays at the centre; a corner box moves with the rotation
    assert project_box([490, 490, 510, 510], 3.0, 1000, 1400)[0] in range(485, 495)
    moved = project_box([100, 100, 200, 120], 3.0, 1000, 1400)
    assert moved != [100, 100, 200, 120]
    doc = make_po(11, n_lines=3)
    scan = make_scan(doc, 11, fmt="tiff", with_ocr=False)
    again = make_scan(doc, 11, fmt="tiff", with_ocr=False)
    assert scan.file_bytes == again.file_bytes
    assert scan.label["scanned"] and scan.label["file"].endswith(".tiff")
    assert 150 <= scan.label["scan"]["dpi"] <= 300
    img = Image.open(__import__("io").BytesIO(scan.file_bytes))
    assert img.size == (scan.label["pages"][0]["image_width"], scan.label["pages"][0]["image_height"])
    assert [w["tag"] for w in scan.label["pages"][0]["words"]] == [w["tag"] for w in doc.label["pages"][0]["words"]]


@pytest.mark.skipif(shutil.which("tesseract") is None, reason="tesseract not installed")
def test_scan_smoke_ocr_reads_the_document_and_tags_follow():
    doc = make_po(21, n_lines=3)
    scan = make_scan(doc, 21, fmt="png")
    ocr = scan.label["ocr_pages"][0]["words"]
    assert len(ocr) > 0.5 * len(doc.label["pages"][0]["words"])
    ocr_tags = {w["tag"][2:] for w in ocr if w["tag"] != "O"}
    assert {"buyer_name", "amount", "description"} <= ocr_tags
    texts = {w["text"] for w in ocr if w["tag"].endswith("po_number")}
    assert any(doc.truth["fields"]["po_number"] in t or t in doc.truth["fields"]["po_number"] for t in texts)


def _cumulative_ok(entry, by_number, ref_qty):
    used: dict[str, Decimal] = {}
    for number in entry["earlier_invoice_numbers"]:
        for line in by_number[number]["lines"]:
            used[line["unit_price"]] = used.get(line["unit_price"], Decimal(0)) + Decimal(line["quantity"])
    return used


def test_draft_invoices_are_valid_and_labelled():
    schema = _schema("precheck-request.schema.json")
    codes = set(get_args(FindingCode))
    for doc in (make_po(5), make_contract(5)):
        entries = make_invoices(doc, 5)
        assert make_invoices(doc, 5) == entries
        seen_codes = set()
        for e in entries:
            jsonschema.validate(e["invoice"], schema)
            assert set(e["expected_codes"]) <= codes
            seen_codes |= set(e["expected_codes"])
            inv = e["invoice"]
            if "LINE_AMOUNT_ARITHMETIC" not in e["expected_codes"]:
                for line in inv["lines"]:
                    assert Decimal(line["amount"]) == (
                        Decimal(line["quantity"]) * Decimal(line["unit_price"])
                    ).quantize(Decimal("0.01"), rounding="ROUND_HALF_UP")
            if "TOTALS_ARITHMETIC" not in e["expected_codes"]:
                assert Decimal(inv["subtotal"]) == sum(Decimal(x["amount"]) for x in inv["lines"])
                assert Decimal(inv["total"]) == Decimal(inv["subtotal"]) + Decimal(inv["tax_total"])
        assert not [e for e in entries if e["kind"].startswith("clean") and e["expected_codes"]]
        if doc.kind == "po":
            assert {"QUANTITY_EXCEEDS_REFERENCE", "DUPLICATE_INVOICE", "PRICE_MISMATCH"} <= seen_codes
            ordered = {ln["unit_price"]: Decimal(ln["quantity"]) for ln in doc.truth["line_items"]}
            by_number = {e["invoice"]["invoice_number"]: e["invoice"] for e in entries}
            for e in entries:
                if e["kind"] in {"clean_partial", "clean_remainder", "over_cumulative"}:
                    used = _cumulative_ok(e, by_number, ordered)
                    over = any(
                        used.get(ln["unit_price"], 0) + Decimal(ln["quantity"]) > ordered[ln["unit_price"]]
                        for ln in e["invoice"]["lines"]
                        if ln["unit_price"] in ordered
                    )
                    assert over == ("QUANTITY_EXCEEDS_REFERENCE" in e["expected_codes"])
        else:
            assert "REFERENCE_EXPIRED" in seen_codes


def test_funsd_loader_on_a_tiny_copy(tmp_path):
    ann = tmp_path / "dataset" / "training_data" / "annotations"
    imgs = tmp_path / "dataset" / "training_data" / "images"
    ann.mkdir(parents=True)
    imgs.mkdir(parents=True)
    Image.new("L", (200, 100), 255).save(imgs / "f1.png")
    form = {
        "form": [
            {
                "id": 0,
                "label": "question",
                "text": "Date:",
                "box": [10, 10, 50, 20],
                "linking": [[0, 1]],
                "words": [{"text": "Date:", "box": [10, 10, 50, 20]}],
            },
            {
                "id": 1,
                "label": "answer",
                "text": "May 3",
                "box": [60, 10, 120, 20],
                "linking": [[0, 1]],
                "words": [{"text": "May", "box": [60, 10, 90, 20]}, {"text": "3", "box": [95, 10, 120, 20]}],
            },
            {
                "id": 2,
                "label": "other",
                "text": "x",
                "box": [0, 0, 5, 5],
                "linking": [],
                "words": [{"text": "x", "box": [0, 0, 5, 5]}],
            },
        ]
    }
    (ann / "f1.json").write_text(json.dumps(form))
    docs = list(load_funsd(tmp_path))
    assert len(docs) == 1
    words = docs[0]["pages"][0]["words"]
    assert [w["tag"] for w in words] == ["B-question", "B-answer", "I-answer", "O"]
    assert words[1]["box"] == [300, 100, 450, 200]


def test_funsd_real_copy_when_present():
    root = Path("/work/shared/datasets/funsd")
    if not root.exists():
        pytest.skip("FUNSD not present here")
    first = next(load_funsd(root))
    assert first["pages"][0]["words"] and all(0 <= v <= 1000 for w in first["pages"][0]["words"] for v in w["box"])
