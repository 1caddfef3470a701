"""Tagged words -> header fields and line items.

Words come in reading order with a predicted BIO label and its probability. Consecutive words of one
entity form a span; a header field takes its most probable span whose text normalises. Line-item
spans are grouped into rows by one of two strategies, measured side by side in the evaluation:

- ``sequence``: walk the spans in reading order and start a row when a column repeats; a piece with
  no quantity, price or amount (a wrapped description, or the rest of a row that went over a page
  break) joins the row before it.
- ``geometry``: on each page, the amount (else price, else quantity) cells anchor the rows; every
  other cell joins the anchor row it overlaps vertically, else the nearest row above it; cells above
  a page's first anchor continue the previous page's last row.
"""

from __future__ import annotations

from collections.abc import Callable, Sequence
from dataclasses import dataclass, field
from decimal import Decimal
from functools import partial
from typing import Any, Literal

from extraction.document import BBox, Word, union_bbox
from extraction.result import LINE_FIELDS, PRICED, Value
from models.layout.labels import HEADER_TAGS, LINE_TAGS

Strategy = Literal["sequence", "geometry"]
ANCHOR_ORDER = ("amount", "unit_price", "quantity")


@dataclass(slots=True)
class TaggedWord:
    word: Word
    page: int  # 1-based
    label: str  # "O", "B-x" or "I-x"
    prob: float  # probability of ``label``
    # probability of each likely entity, B and I summed (``entity_probs``); empty where only the label is known
    entities: dict[str, float] = field(default_factory=dict)

    def entity_prob(self, entity: str) -> float:
        if entity in self.entities:
            return self.entities[entity]
        return self.prob if self.label[2:] == entity else 0.0


def entity_probs(probs: Sequence[float], labels: Sequence[str], floor: float = 0.05) -> dict[str, float]:
    """A word's probability per entity (``B-x`` + ``I-x``), kept where it reaches ``floor``."""
    out: dict[str, float] = {}
    for p, label in zip(probs, labels, strict=True):
        if label != "O":
            out[label[2:]] = out.get(label[2:], 0.0) + float(p)
    return {k: v for k, v in out.items() if v >= floor}


@dataclass(slots=True)
class Span:
    entity: str
    page: int
    words: list[TaggedWord] = field(default_factory=list)

    @property
    def text(self) -> str:
        return " ".join(w.word.text for w in self.words)

    @property
    def bbox(self) -> BBox:
        return union_bbox([w.word.bbox for w in self.words])  # type: ignore[return-value]

    @property
    def score(self) -> float:
        """Mean probability of the span's labels: how sure the tagger is of the whole value."""
        return sum(w.prob for w in self.words) / len(self.words)

    @property
    def y_mid(self) -> float:
        top, bottom = self.bbox[1], self.bbox[3]
        return (top + bottom) / 2


@dataclass(slots=True)
class RawValue:
    """A value before calibration: the normalised value, its raw score and where it stands."""

    value: Value
    score: float
    page: int
    bbox: BBox
    raw: str
    extra: dict[str, Any] = field(default_factory=dict)


@dataclass(slots=True)
class RawRow:
    cells: dict[str, RawValue]

    @property
    def score(self) -> float:
        return min(cell.score for cell in self.cells.values())


def spans_from_words(words: Sequence[TaggedWord]) -> list[Span]:
    """Consecutive words of one entity form a span: ``B-x`` opens one, ``I-x`` continues an open ``x``."""
    spans: list[Span] = []
    current: Span | None = None
    for word in words:
        if word.label == "O":
            current = None
            continue
        prefix, entity = word.label[:1], word.label[2:]
        if current is None or prefix == "B" or current.entity != entity or current.page != word.page:
            current = Span(entity, word.page)
            spans.append(current)
        current.words.append(word)
    return spans


Normaliser = Callable[[str, str], Value]
FALLBACK_FLOOR = 0.2  # a field no word was labelled with is read from words at least this likely to hold it


def _same_line(a: Word, b: Word) -> bool:
    """``b`` follows ``a`` on its text line: they overlap vertically and the gap is a few characters at most."""
    top, bottom = max(a.bbox[1], b.bbox[1]), min(a.bbox[3], b.bbox[3])
    height = max(a.bbox[3] - a.bbox[1], b.bbox[3] - b.bbox[1], 1e-6)
    return bottom - top > 0.4 * height and -height < b.bbox[0] - a.bbox[2] < 3 * height


def field_runs(words: Sequence[TaggedWord], entity: str, member: Callable[[TaggedWord], bool]) -> list[Span]:
    """Runs of consecutive words on one text line for which ``member`` holds: one value each.

    A header field is one value, so its words join whatever B/I labels they carry: an undertrained tagger
    often opens a second ``B-`` inside a name, and a fragment of it is a wrong value."""
    runs: list[Span] = []
    previous: TaggedWord | None = None
    for word in words:
        if not member(word):
            previous = None
            continue
        if previous is None or word.page != previous.page or not _same_line(previous.word, word.word):
            runs.append(Span(entity, word.page))
        runs[-1].words.append(word)
        previous = word
    return runs


def header_fields(words: Sequence[TaggedWord], normalise: Normaliser) -> dict[str, RawValue]:
    """For each header field, its most probable run of words whose text normalises.

    Runs of words labelled with the field come first. Where none normalises, the field is read from the
    words most likely to hold it even though another label won (the tagger's second choice): recall for
    an unsure tagger, with the low score that calibration turns into a low confidence and a review."""
    out: dict[str, RawValue] = {}
    for name in HEADER_TAGS:
        runs = field_runs(words, name, partial(_likely, entity=name))
        # runs holding a word labelled with the field first, then by how likely their words are to hold it
        ranked = sorted(runs, key=partial(_rank, entity=name), reverse=True)
        found = next(((s, v) for s in ranked if (v := normalise(name, s.text)) is not None), None)
        if found is not None:
            span, value = found
            out[name] = RawValue(value, entity_score(span, name), span.page, span.bbox, span.text)
    return out


def _rank(span: Span, entity: str) -> tuple[bool, float]:
    return any(w.label[2:] == entity for w in span.words), entity_score(span, entity)


def _likely(word: TaggedWord, entity: str) -> bool:
    return word.label[2:] == entity or word.entity_prob(entity) >= FALLBACK_FLOOR


def entity_score(span: Span, entity: str) -> float:
    return sum(w.entity_prob(entity) for w in span.words) / len(span.words)


def _cell(span_group: list[Span], column: str, normalise: Normaliser) -> RawValue | None:
    text = " ".join(s.text for s in span_group)
    value = normalise(column, text)
    if value is None:
        return None
    words = [w for s in span_group for w in s.words]
    score = sum(w.prob for w in words) / len(words)
    boxes = [s.bbox for s in span_group if s.page == span_group[0].page]
    return RawValue(value, score, span_group[0].page, union_bbox(boxes), text)  # type: ignore[arg-type]


def _rows_by_sequence(spans: list[Span]) -> list[dict[str, list[Span]]]:
    rows: list[dict[str, list[Span]]] = []
    current: dict[str, list[Span]] | None = None
    for span in spans:
        if current is None or span.entity in current:
            current = {}
            rows.append(current)
        current.setdefault(span.entity, []).append(span)
    return _merge_continuations(rows)


def _merge_continuations(rows: list[dict[str, list[Span]]]) -> list[dict[str, list[Span]]]:
    """A piece with no number (wrapped description, row cut by a page break) belongs to the row before."""
    merged: list[dict[str, list[Span]]] = []
    for row in rows:
        if merged and not any(col in row for col in PRICED):
            previous = merged[-1]
            for column, pieces in row.items():
                previous.setdefault(column, []).extend(pieces)
        else:
            merged.append(row)
    return merged


def _rows_by_geometry(spans: list[Span]) -> list[dict[str, list[Span]]]:
    rows: list[dict[str, list[Span]]] = []
    pages = sorted({s.page for s in spans})
    for page in pages:
        on_page = [s for s in spans if s.page == page]
        anchor_column = next((c for c in ANCHOR_ORDER if any(s.entity == c for s in on_page)), None)
        if anchor_column is None:  # only text on this page: the previous row goes on
            if rows:
                for span in on_page:
                    rows[-1].setdefault(span.entity, []).append(span)
            else:
                rows.append({})
                for span in on_page:
                    rows[-1].setdefault(span.entity, []).append(span)
            continue
        anchors = sorted((s for s in on_page if s.entity == anchor_column), key=lambda s: s.y_mid)
        page_rows: list[dict[str, list[Span]]] = [{anchor_column: [a]} for a in anchors]
        # each anchor's box once: a span's bbox is the union of its words', and every span of the page is weighed
        # against every anchor (a long table's pages held hundreds of each)
        bounds = [(box[1], box[3], (box[1] + box[3]) / 2) for box in (a.bbox for a in anchors)]
        for span in on_page:
            if span.entity == anchor_column:
                continue
            target = _row_for(span, bounds)
            # above the page's first row: the previous page's last row goes on
            row = page_rows[target] if target is not None else (rows[-1] if rows else page_rows[0])
            row.setdefault(span.entity, []).append(span)
        rows.extend(page_rows)
    return rows


def _row_for(span: Span, anchors: list[tuple[float, float, float]]) -> int | None:
    """The anchor row a span overlaps most, else the last one above it; ``anchors``: each anchor's top, bottom and
    middle (``Span.y_mid``), top down."""
    box = span.bbox
    top, bottom = box[1], box[3]
    best, best_overlap = None, 0.0
    for i, (anchor_top, anchor_bottom, _) in enumerate(anchors):
        overlap = min(bottom, anchor_bottom) - max(top, anchor_top)
        if overlap > best_overlap:
            best, best_overlap = i, overlap
    if best is not None:
        return best
    middle = (top + bottom) / 2
    above = [i for i, (_, _, anchor_middle) in enumerate(anchors) if anchor_middle <= middle]
    return above[-1] if above else None


def line_items(spans: Sequence[Span], normalise: Normaliser, strategy: Strategy = "sequence") -> list[RawRow]:
    line_spans = [s for s in spans if s.entity in LINE_TAGS]
    grouped = _rows_by_geometry(line_spans) if strategy == "geometry" else _rows_by_sequence(line_spans)
    rows = []
    for group in grouped:
        cells = {}
        for column in LINE_FIELDS:
            if column in group:
                cell = _cell(group[column], column, normalise)
                if cell is not None:
                    cells[column] = cell
        if cells and any(c in cells for c in ("description", *PRICED)):
            rows.append(RawRow(cells))
    return rows


def amounts_close(a: Decimal, b: Decimal, tolerance: Decimal = Decimal("0.01")) -> bool:
    return abs(a - b) <= tolerance
