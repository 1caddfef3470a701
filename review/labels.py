"""Reviewers' decisions turned into training labels on the document's words.

``documents.words`` holds pages of words ``[{"page", "width", "height", "words": [{"text", "bbox"}]}]`` with bboxes
as page fractions. A confirmed or corrected value is labelled on the words that show it: the word run whose text
matches the value (nearest to the task's box), else the words under the box.
"""

from __future__ import annotations

import re
from collections.abc import Iterator, Sequence
from dataclasses import dataclass
from typing import Any

from sqlalchemy import select
from sqlalchemy.orm import Session

from store.tables import DocumentRecord, WordLabel

_NOT_ALNUM = re.compile(r"[^0-9a-z]+")
_MAX_RUN = 12  # longest word run a single value spans (long descriptions)


def _norm(text: str) -> str:
    return _NOT_ALNUM.sub("", text.lower())


def _center(bbox: Sequence[float]) -> tuple[float, float]:
    return (bbox[0] + bbox[2]) / 2, (bbox[1] + bbox[3]) / 2


def page_words(words: list[Any] | None, page: int) -> list[dict[str, Any]]:
    for entry in words or []:
        if int(entry.get("page", 0)) == page:
            return list(entry.get("words", []))
    return []


def words_under_box(words: list[dict[str, Any]], bbox: Sequence[float]) -> list[int]:
    """Indices of the words whose centre lies inside ``bbox``."""
    x0, y0, x1, y1 = bbox
    found = []
    for i, word in enumerate(words):
        cx, cy = _center(word["bbox"])
        if x0 <= cx <= x1 and y0 <= cy <= y1:
            found.append(i)
    return found


def words_showing(words: list[dict[str, Any]], value: str, near: Sequence[float] | None) -> list[int]:
    """The run of consecutive words whose joined text equals ``value`` (ignoring case and punctuation)."""
    target = _norm(value)
    if not target:
        return []
    runs: list[list[int]] = []
    for start in range(len(words)):
        joined = ""
        for end in range(start, min(start + _MAX_RUN, len(words))):
            joined += _norm(str(words[end].get("text", "")))
            if joined == target:
                runs.append(list(range(start, end + 1)))
                break
            if not target.startswith(joined):
                break
    if not runs:
        return []
    if near is None:
        return runs[0]
    nx, ny = _center(near)

    def distance(run: list[int]) -> float:
        cx, cy = _center(words[run[0]]["bbox"])
        return (cx - nx) ** 2 + (cy - ny) ** 2

    return min(runs, key=distance)


def label_words(
    session: Session,
    document: DocumentRecord,
    *,
    page: int | None,
    bbox: Sequence[float] | None,
    field: str,
    line: int | None,
    value: str | None,
    raw: str | None,
    task_id: str | None,
    created_by: str | None,
) -> WordLabel | None:
    """Store a label for ``field`` on the words that show ``value``; None when no words can be found."""
    if page is None or value is None:
        return None
    words = page_words(document.words, page)
    if not words:
        return None
    indices: list[int] = []
    for text in (raw, value):
        if text and not indices:
            indices = words_showing(words, text, bbox)
    if not indices and bbox is not None:
        indices = words_under_box(words, bbox)
    if not indices:
        return None
    label = WordLabel(
        document_id=document.id,
        page=page,
        word_indices=indices,
        field=field,
        line=line,
        value=str(value),
        task_id=task_id,
        created_by=created_by,
    )
    session.add(label)
    return label


@dataclass(frozen=True, slots=True)
class LabelledPage:
    """One page with a field tag per word (None = no label), ready for the layout tagger's training set."""

    document_id: str
    page: int
    width: float | None
    height: float | None
    words: list[str]
    bboxes: list[list[float]]
    tags: list[str | None]
    lines: list[int | None]


def labelled_pages(session: Session, *, since_id: int = 0) -> Iterator[LabelledPage]:
    """Pages that carry reviewers' labels, newest label winning where two labels cover the same word."""
    labels = session.execute(select(WordLabel).where(WordLabel.id > since_id).order_by(WordLabel.id)).scalars().all()
    by_page: dict[tuple[str, int], list[WordLabel]] = {}
    for label in labels:
        by_page.setdefault((label.document_id, label.page), []).append(label)
    for (document_id, page), page_labels in by_page.items():
        document = session.get(DocumentRecord, document_id)
        if document is None:
            continue
        entry = next((p for p in document.words or [] if int(p.get("page", 0)) == page), None)
        if entry is None:
            continue
        words = entry.get("words", [])
        tags: list[str | None] = [None] * len(words)
        lines: list[int | None] = [None] * len(words)
        for label in page_labels:
            for i in label.word_indices:
                if 0 <= i < len(words):
                    tags[i] = label.field
                    lines[i] = label.line
        yield LabelledPage(
            document_id=document_id,
            page=page,
            width=entry.get("width"),
            height=entry.get("height"),
            words=[str(w.get("text", "")) for w in words],
            bboxes=[list(w["bbox"]) for w in words],
            tags=tags,
            lines=lines,
        )
