"""A table set in two halves side by side ('two-up'): its header prints the same captions twice on one line, the
items run down the left half and go on down the right one. Read as printed, each line holds two items.

The table is read as two pages of one table: the left half first, then the right half under its own copy of the
header. Each word keeps its box, so nothing the reader
returns moves.
"""

from __future__ import annotations

import itertools
from collections.abc import Callable
from dataclasses import replace
from statistics import median

from rapidfuzz import fuzz

from extraction.document import Page, Word
from extraction.heuristic.parts import PageView, RowDraft, arithmetic_fits, number
from extraction.result import PRICED

_SAME = 85  # how alike the two halves of a header line read (OCR may misread a letter of one)
_GAP = 1.6  # a gap this many times the table's line pitch ends it


def _split_at(words: list[Word], char_width: float) -> float | None:
    """Where the second copy of a repeated header line starts, if the line is one."""
    half, odd = divmod(len(words), 2)
    if odd or half < 2 or any(ch.isdigit() for w in words for ch in w.text):
        return None  # captions: a line with figures is data ('TIN 166430061  TIN 126672178')
    first, second = (" ".join(w.text for w in part).casefold() for part in (words[:half], words[half:]))
    if fuzz.ratio(first, second) < _SAME:
        return None
    # the second copy is the first moved right: each caption word as far from its twin
    shifts = [b.bbox[0] - a.bbox[0] for a, b in zip(words[:half], words[half:], strict=True)]
    if max(shifts) - min(shifts) > 2 * char_width or words[half].bbox[0] <= words[half - 1].bbox[2]:
        return None
    return (words[half - 1].bbox[2] + words[half].bbox[0]) / 2


def unfolded(views: list[PageView], view_of: Callable[[Page], PageView]) -> list[PageView]:
    """The views with each two-up page's table read as two, its left half and then its right one (the rest of the
    page holds no items)."""
    out = []
    for view in views:
        lines = view.lines
        splits = ((i, _split_at(line.words, view.char_width)) for i, line in enumerate(lines))
        found = next(((i, x) for i, x in splits if x is not None), None)
        if found is None:
            out.append(view)
            continue
        start, split = found
        end = start
        pitches = [b.top - a.top for a, b in itertools.pairwise(lines[start:])]
        if not pitches:
            out.append(view)
            continue
        pitch = median(pitches[: max(3, len(pitches) // 2)])
        while end + 1 < len(lines) and lines[end + 1].top - lines[end].top <= _GAP * pitch:
            end += 1
        top, bottom = lines[start].top, lines[end].bottom
        page = view.page

        table = [w for w in page.words if top <= (w.bbox[1] + w.bbox[3]) / 2 <= bottom]
        halves = [w for w in table if w.bbox[0] < split], [w for w in table if w.bbox[0] >= split]
        out += [view_of(replace(page, words=half)) for half in halves]
    return out


def halves_read_better(halved: list[RowDraft], whole: list[RowDraft], number_hint: str | None) -> bool:
    """Whether the halves' reading of a two-up table beats the page read whole: more rows, or as many with more of
    them multiplying out (a two-up page read whole merges two items a row, whose figures then do not multiply; a
    table that only looks two-up reads as many rows whole, and right)."""
    if len(halved) != len(whole):
        return len(halved) > len(whole)
    return _multiplying(halved, number_hint) > _multiplying(whole, number_hint)


def _multiplying(rows: list[RowDraft], number_hint: str | None) -> int:
    """The rows whose quantity, price and amount are all read and multiply out."""
    count = 0
    for row in rows:
        values = {name: number(row.cells.get(name, []), number_hint) for name in PRICED}
        count += all(v is not None for v in values.values()) and arithmetic_fits(values)
    return count
