"""Reviewers' corrections as training data: the labelled pages of the review queue, in the factory's label format.

Each corrected document becomes one ``<document_id>.json`` with its pages' words (boxes 0-1000) tagged BIO from
the reviewers' labels; ``ledgerlens train layout`` adds them to the training split (never to evaluation: a
reviewer labels what was wrong, not every field, so they are no ground truth to score against).
"""

from __future__ import annotations

import json
from pathlib import Path
from typing import Any

from sqlalchemy.orm import Session

from review.labels import LabelledPage, labelled_pages
from store.tables import DocumentRecord

LINE_ITEM_FIELD = "line_item"  # a whole line confirmed or corrected: its words carry no single column


def bio_tags(page: LabelledPage) -> list[str]:
    """Field per word -> BIO: a new span starts where the field or the line item changes."""
    tags, previous = [], None
    for field, line in zip(page.tags, page.lines, strict=True):
        if field is None or field == LINE_ITEM_FIELD:
            tags.append("O")
            previous = None
            continue
        key = (field, line)
        tags.append(("I-" if key == previous else "B-") + field)
        previous = key
    return tags


def _label(document: DocumentRecord | None, pages: list[LabelledPage]) -> dict[str, Any]:
    first = pages[0]
    extraction = (document.extraction if document else None) or {}
    return {
        "doc_id": first.document_id,
        "kind": "review",
        "doc_type": extraction.get("doc_type", "other"),
        "layout_family": f"review-{first.document_id}",
        "scanned": False,  # the words are what the service read (text layer or OCR): train on them as they are
        "truth": {},
        "pages": [
            {
                "page": p.page,
                "width": p.width or 1000,
                "height": p.height or 1000,
                "words": [
                    {"text": text, "box": [min(1000, max(0, round(v * 1000))) for v in box], "tag": tag}
                    for text, box, tag in zip(p.words, p.bboxes, bio_tags(p), strict=True)
                ],
            }
            for p in pages
        ],
    }


def export_corrections(session: Session, out: Path) -> int:
    """Write one label file per corrected document into ``out``; returns how many."""
    by_document: dict[str, list[LabelledPage]] = {}
    for page in labelled_pages(session):
        by_document.setdefault(page.document_id, []).append(page)
    out.mkdir(parents=True, exist_ok=True)
    for document_id, pages in by_document.items():
        label = _label(session.get(DocumentRecord, document_id), sorted(pages, key=lambda p: p.page))
        (out / f"{document_id}.json").write_text(json.dumps(label))
    return len(by_document)
