"""Items printed as columns, not rows: a transposed table, one caption a line at its left ('Qty', 'Unit Price',
'Amount') and one item a column, in bands of a few items when the items outrun the page's width.

The band shows itself by arithmetic: three lines whose numbers stand right-aligned in the same columns and multiply
out in every column (quantity x price = amount). Its other lines are the bands' text: each line's caption is the
phrase at the band's left edge, each item's cell the words under its column (after the column before it ends).
Which text line is the item, its code or its unit is read from the cells' shapes, so no caption is read as a word.
"""

from __future__ import annotations

import itertools
import re
from dataclasses import dataclass
from decimal import Decimal
from statistics import median

from extraction.document import Word
from extraction.heuristic.geometry import CODE, UNIT, _numeric
from extraction.heuristic.parts import PageView, RowDraft, arithmetic_fits
from extraction.layout import Line, joined_thousands

_WINDOW = 8  # lines a band's three numeric lines may span
_GAP = 1.4  # a gap this many times a band's line pitch ends it
_POSITION = re.compile(r"^\d{1,3}\.?$")  # an item's number over its column ('1', '12.')


@dataclass(slots=True)
class _Band:
    lines: list[int]  # indices into the view's lines, top to bottom
    roles: dict[int, str]  # the numeric lines' roles: quantity, unit_price, amount
    rights: list[float]  # each column's right edge
    left: float  # where the band's captions start


def _numbers(line: Line, number_hint: str | None) -> list[tuple[Word, Decimal]]:
    out = []
    for word in joined_thousands(line.words):
        value = _numeric(word, number_hint)
        if value is not None and not word.text.endswith("%"):
            out.append((word, value))
    return out


def _decimals(word: Word) -> int:
    found = re.search(r"[.,](\d+)$", word.text)
    return len(found.group(1)) if found else 0


def _aligned(rows: list[list[tuple[Word, Decimal]]], tolerance: float) -> bool:
    return all(
        abs(a[0].bbox[2] - b[0].bbox[2]) <= tolerance
        for one, two in itertools.pairwise(rows)
        for a, b in zip(one, two, strict=True)
    )


def _price_first(first: list[tuple[Word, Decimal]], second: list[tuple[Word, Decimal]], amount_decimals: int) -> bool:
    """Of the two factors, the price prints the amount's decimals in every column (money is set to one format); a
    quantity's vary. Alike, the quantity comes first, as it is read."""

    def fixed(row: list[tuple[Word, Decimal]]) -> int:
        return sum(_decimals(w) == amount_decimals for w, _ in row)

    return fixed(first) > fixed(second)


class TransposedItems:
    def _transposed_items(
        self, views: list[PageView], number_hint: str | None
    ) -> tuple[list[RowDraft], dict[int, tuple[float, float]]]:
        rows: list[RowDraft] = []
        spans: dict[int, tuple[float, float]] = {}
        for view in views:
            bands = _bands(view, number_hint)
            if not bands or max(len(b.rights) for b in bands) < 2:
                continue  # one column alone is no proof of a transposed table
            for band in bands:
                rows += _band_rows(view, band, number_hint)
            lines = view.lines
            spans[view.page.number] = (lines[bands[0].lines[0]].top, lines[bands[-1].lines[-1]].bottom)
        return rows, spans


def _bands(view: PageView, number_hint: str | None) -> list[_Band]:
    lines = view.lines
    numbers = [_numbers(line, number_hint) for line in lines]
    tolerance = 2 * view.char_width
    taken: set[int] = set()
    bands: list[_Band] = []
    for a, amounts in enumerate(numbers):
        if len(amounts) < 1 or a in taken:
            continue
        found = None
        window = [i for i in range(max(0, a - _WINDOW), a) if len(numbers[i]) == len(amounts) and i not in taken]
        for q, p in itertools.combinations(window, 2):
            if not _aligned([numbers[q], numbers[p], amounts], tolerance):
                continue
            fits = all(
                qv > 0 and pv > 0 and av > 0 and arithmetic_fits({"quantity": qv, "unit_price": pv, "amount": av})
                for (_, qv), (_, pv), (_, av) in zip(numbers[q], numbers[p], amounts, strict=True)
            )
            if fits:
                found = (q, p)
        if found is None:
            continue
        q, p = found
        if _price_first(numbers[q], numbers[p], _decimals(amounts[0][0])):
            q, p = p, q
        roles = {q: "quantity", p: "unit_price", a: "amount"}
        rights = [median(numbers[i][j][0].bbox[2] for i in (q, p, a)) for j in range(len(amounts))]
        left = lines[min(roles)].words[0].bbox[0]
        members = _extent(view, min(roles), a, left, taken)
        taken.update(members)
        bands.append(_Band(members, roles, rights, left))
    return bands


def _extent(view: PageView, first: int, last: int, left: float, taken: set[int]) -> list[int]:
    """The band's lines: those between its numeric lines and those above and below them at its line pitch, led by
    a caption where its numeric lines' captions stand."""
    lines = view.lines
    pitch = median(b.top - a.top for a, b in itertools.pairwise(lines[first : last + 1]))
    tolerance = 1.5 * view.char_width

    def belongs(i: int, near: int) -> bool:
        if i in taken or abs(lines[i].top - lines[near].top) > _GAP * pitch:
            return False
        return abs(lines[i].words[0].bbox[0] - left) <= tolerance

    top = first
    while top - 1 >= 0 and belongs(top - 1, top):
        top -= 1
    bottom = last
    while bottom + 1 < len(lines) and belongs(bottom + 1, bottom):
        bottom += 1
    return list(range(top, bottom + 1))


def _cells(view: PageView, index: int, band: _Band) -> list[list[Word]]:
    """A band line's words by column: a word belongs to the first column whose right edge it starts before,
    once past the caption (the line's first phrase where the band's captions start; a wrapped cell's line has
    none)."""
    phrases = view.phrases[index]
    captioned = abs(phrases[0].words[0].bbox[0] - band.left) <= 1.5 * view.char_width
    words = [w for phrase in phrases[1 if captioned else 0 :] for w in phrase.words]
    rights = band.rights
    slack = view.char_width
    out: list[list[Word]] = [[] for _ in rights]
    for word in words:
        column = next((j for j, right in enumerate(rights) if word.bbox[0] < right + slack), None)
        if column is not None:
            out[column].append(word)
    return out


def _band_rows(view: PageView, band: _Band, number_hint: str | None) -> list[RowDraft]:
    lines = view.lines
    texts: list[list[list[Word]]] = []
    numeric: dict[str, list[Word]] = {}
    for i in band.lines:
        if i in band.roles:
            numeric[band.roles[i]] = [w for w, _ in _numbers(lines[i], number_hint)]
            continue
        cells = _cells(view, i, band)
        filled = [c for c in cells if c]
        if not filled:
            continue
        if all(len(c) == 1 and (_numeric(c[0], number_hint) is not None or _POSITION.match(c[0].text)) for c in filled):
            continue  # the items' numbers, or a figure the arithmetic does not hold
        texts.append(cells)
    roles: dict[str, list[list[Word]]] = {}
    left = list(texts)
    codes = [t for t in left if all(len(c) == 1 and CODE.match(c[0].text) for c in t if c)]
    if codes:
        roles["sku"] = codes[0]
        left.remove(codes[0])
    if left:
        described = max(left, key=lambda t: sum(len(w.text) for c in t for w in c))
        roles["description"] = described
        left.remove(described)
    units = [t for t in left if all(len(c) == 1 and UNIT.match(c[0].text) for c in t if c)]
    if units:
        roles["unit"] = units[0]
    bottom = lines[band.lines[-1]].bottom
    rows = []
    for j in range(len(band.rights)):
        found = {name: [words[j]] for name, words in numeric.items()}
        for name, columns in roles.items():
            if columns[j]:
                found[name] = columns[j]
        rows.append(RowDraft(view.page.number, found, bottom, tuple(found)))
    return rows
