"""Reviewers' corrections become layout-training labels in the factory's format."""

from __future__ import annotations

import json

from store.tables import DocumentRecord, WordLabel
from training.corrections import export_corrections
from training.layout import read_labels


def _document(session) -> str:
    words = ["PO", "4711-B", "Qty", "Hex", "bolt", "Washer", "Total"]
    record = DocumentRecord(
        filename="po.pdf",
        media_type="application/pdf",
        sha256="1" * 64,
        size_bytes=1,
        storage_path="/nonexistent",
        status="done",
        extraction={"doc_type": "purchase_order"},
        words=[
            {
                "page": 1,
                "width": 612,
                "height": 792,
                "words": [{"text": w, "bbox": [0.1 * i, 0.1, 0.1 * i + 0.05, 0.12]} for i, w in enumerate(words)],
            }
        ],
    )
    session.add(record)
    session.flush()
    return record.id


def test_corrections_export_as_bio_labels(session, tmp_path):
    doc_id = _document(session)
    session.add_all(
        [
            WordLabel(document_id=doc_id, page=1, word_indices=[1], field="po_number", value="4711-B"),
            WordLabel(document_id=doc_id, page=1, word_indices=[3, 4], field="description", line=0),
            WordLabel(document_id=doc_id, page=1, word_indices=[5], field="description", line=1),
        ]
    )
    session.flush()
    assert export_corrections(session, tmp_path) == 1
    label = json.loads((tmp_path / f"{doc_id}.json").read_text())
    tags = [w["tag"] for w in label["pages"][0]["words"]]
    assert tags == ["O", "B-po_number", "O", "B-description", "I-description", "B-description", "O"]
    assert label["pages"][0]["words"][1]["box"] == [100, 100, 150, 120]
    docs = read_labels(tmp_path)  # the training job reads them like the factory's labels
    assert len(docs) == 1 and docs[0].document().pages[0].words[1].text == "4711-B"


def test_no_corrections_no_files(session, tmp_path):
    assert export_corrections(session, tmp_path / "out") == 0
    assert list((tmp_path / "out").iterdir()) == []
