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
from extraction.heuristic.geometry import CODE, UNIT, word_number
from extraction.heuristic.parts import PageView, RowDraft, arithmetic_fits
from extraction.layout import ANY_HEAD, Line, joined_thousands

_WINDOW = 8  # lines a band's three numeric lines may span
_GAP = 1.4  # a gap this many times a band's line pitch ends it
_POSITION = re.compile(r"^\d{1,3}\.?$")  # an item's number over its column ('1', '12.')
# the OCR confidence given a factor's cell a scan lost, told by its column's arithmetic (the item's arithmetic, which
# it makes hold, still lifts the cell's confidence in ``cross_check``: its amount and other factor were read)
_DERIVED = 0.5


@dataclass(slots=True)
class _Band:
    lines: list[int]  # indices into the view's lines, top to bottom
    roles: dict[int, str]  # the numeric lines' roles: quantity, unit_price, amount
    rights: list[float]  # each column's right edge
    left: float  # where the band's captions start
    cells: dict[int, list[Word]]  # the numeric lines' numbers, one a column


def _numbers(line: Line, number_hint: str | None) -> list[tuple[Word, Decimal]]:
    out = []
    # a band's cells stand columns apart: a head of any length a space before a thousands group is one number
    for word in joined_thousands(line.words, head=ANY_HEAD):
        value = word_number(word, number_hint)
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
            view = _skew_joined(view)
            bands = _bands(view, number_hint)
            if not bands or max(len(b.rights) for b in bands) < 2:
                continue  # one column alone is no proof of a transposed table
            for band in bands:
                rows += _band_rows(view, band, number_hint)
            lines = view.lines
            spans[view.page.number] = (lines[bands[0].lines[0]].top, lines[bands[-1].lines[-1]].bottom)
        return rows, spans


def _skew_joined(view: PageView, within: float = 0.6) -> PageView:
    """A scan's view with each line that a slight tilt cut in two joined again: the pieces stand side by side,
    apart across the page, and the shorter's height lies ``within`` the taller's. Lines are grouped by the first
    word's middle, so on a page tilted a little the right half of a row ('11,421.30 9,209.85') sets a band of its
    own when the left half's boxes are taller ('Valor 510.84' in a shaded cell), and a transposed table's row of
    amounts then counts too few columns to multiply out."""
    if view.page.source != "ocr":
        return view
    lines, phrases = list(view.lines), list(view.phrases)
    i = 0
    while i + 1 < len(lines):
        one, two = lines[i], lines[i + 1]
        short, tall = sorted((one, two), key=lambda line: line.height)
        overlap = min(one.bottom, two.bottom) - max(one.top, two.top)
        apart = one.words[-1].bbox[2] <= two.words[0].bbox[0] or two.words[-1].bbox[2] <= one.words[0].bbox[0]
        if apart and short.height > 0 and overlap >= within * short.height and tall.height < 2.5 * short.height:
            left, right = (i, i + 1) if one.words[0].bbox[0] < two.words[0].bbox[0] else (i + 1, i)
            lines[i] = Line([*lines[left].words, *lines[right].words])
            phrases[i] = [*phrases[left], *phrases[right]]
            del lines[i + 1], phrases[i + 1]
            continue
        i += 1
    if len(lines) == len(view.lines):
        return view
    return PageView(view.page, lines, phrases, view.char_width)


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
        window = [
            i for i in range(max(0, a - _WINDOW), a) if 0 <= len(amounts) - len(numbers[i]) <= 1 and i not in taken
        ]
        for q, p in itertools.combinations(window, 2):
            factors = _filled(lines, numbers, (q, p), amounts, tolerance, number_hint)
            if factors is not None:
                found = (q, p, factors)
        if found is None:
            continue
        q, p, (quantities, prices) = found
        if _price_first(quantities, prices, _decimals(amounts[0][0])):
            q, p, quantities, prices = p, q, prices, quantities
        roles = {q: "quantity", p: "unit_price", a: "amount"}
        cells = {q: [w for w, _ in quantities], p: [w for w, _ in prices], a: [w for w, _ in amounts]}
        rights = [median(cells[i][j].bbox[2] for i in (q, p, a)) for j in range(len(amounts))]
        left = lines[min(roles)].words[0].bbox[0]
        members = _extent(view, min(roles), a, left, taken)
        taken.update(members)
        bands.append(_Band(members, roles, rights, left, cells))
    return bands


def _fits(q: Decimal, p: Decimal, a: Decimal) -> bool:
    return q > 0 and p > 0 and a > 0 and arithmetic_fits({"quantity": q, "unit_price": p, "amount": a})


def _filled(
    lines: list[Line],
    numbers: list[list[tuple[Word, Decimal]]],
    pair: tuple[int, int],
    amounts: list[tuple[Word, Decimal]],
    tolerance: float,
    number_hint: str | None,
) -> tuple[list[tuple[Word, Decimal]], list[tuple[Word, Decimal]]] | None:
    """The two factor lines of a band whose every column multiplies out, or None. A scan may lose or misread one
    factor's cell ('yi' for '2', a lone '2' not read at all) in a band of three columns or more: the line short of
    one number, its others standing in the columns of the amounts, and every other column multiplying out; the
    lost cell is then the amount over the other factor where that is a number of four decimals or fewer."""
    rows = [numbers[pair[0]], numbers[pair[1]]]
    full = [row for row in rows if len(row) == len(amounts)]
    if len(full) == 2:
        if _aligned([*rows, amounts], tolerance) and all(
            _fits(qv, pv, av) for (_, qv), (_, pv), (_, av) in zip(*rows, amounts, strict=True)
        ):
            return rows[0], rows[1]
        return None
    if len(full) != 1 or len(amounts) < 3 or not _aligned([full[0], amounts], tolerance):
        return None
    short = 1 - rows.index(full[0])
    columns: list[tuple[Word, Decimal] | None] = []
    remaining = list(rows[short])
    for cell, _ in amounts:
        if remaining and abs(remaining[0][0].bbox[2] - cell.bbox[2]) <= tolerance:
            columns.append(remaining.pop(0))
        else:
            columns.append(None)
    if remaining or columns.count(None) != 1:
        return None
    gap = columns.index(None)
    if not all(_fits(c[1], o, av) for c, (_, o), (_, av) in zip(columns, full[0], amounts, strict=True) if c):
        return None
    other, amount = full[0][gap], amounts[gap]
    derived = (
        next(
            (v for d in range(5) if _fits(v := round(amount[1] / other[1], d), other[1], amount[1])),
            None,
        )
        if other[1] > 0
        else None
    )
    if derived is None:
        return None
    line = lines[pair[short]]
    text = str(derived).replace(".", "," if number_hint == "EU" else ".")
    box = (other[0].bbox[0], line.top, amount[0].bbox[2], line.bottom)
    columns[gap] = (Word(text, box, _DERIVED), derived)
    filled = [c for c in columns if c is not None]
    return (filled, full[0]) if short == 0 else (full[0], filled)


def _extent(view: PageView, first: int, last: int, left: float, taken: set[int]) -> list[int]:
    """The band's lines: those between its numeric lines and those above and below them at its line pitch, led by
    a caption where its numeric lines' captions stand."""
    lines = view.lines
    pitch = median(b.top - a.top for a, b in itertools.pairwise(lines[first : last + 1]))
    tolerance = 1.5 * view.char_width

    def near_enough(i: int, near: int) -> bool:
        return 0 <= i < len(lines) and i not in taken and abs(lines[i].top - lines[near].top) <= _GAP * pitch

    def belongs(i: int, near: int) -> bool:
        return near_enough(i, near) and abs(lines[i].words[0].bbox[0] - left) <= tolerance

    def beyond(near: int, step: int) -> int:
        """How many lines past ``near`` the band goes on: one led by a caption, or a wrapped cell's line (no
        caption: its words under the columns, 'W' of 'LED floodlight 200 W') and a captioned line past it."""
        wrapped = near + step
        if belongs(wrapped, near):
            return 1
        if near_enough(wrapped, near) and lines[wrapped].words[0].bbox[0] > left + tolerance:
            return 2 if belongs(wrapped + step, wrapped) else 0
        return 0

    top = first
    while more := beyond(top, -1):
        top -= more
    bottom = last
    while more := beyond(bottom, 1):
        bottom += more
    return list(range(top, bottom + 1))


def _cells(view: PageView, index: int, band: _Band) -> list[list[Word]]:
    """A band line's words by column: a word belongs to the first column whose right edge it starts before,
    once past the caption (the line's first phrase where the band's captions start; a wrapped cell's line has
    none)."""
    phrases = view.phrases[index]
    words = [w for phrase in phrases[1 if _captioned(view, index, band) else 0 :] for w in phrase.words]
    rights = band.rights
    slack = view.char_width
    out: list[list[Word]] = [[] for _ in rights]
    for word in words:
        column = next((j for j, right in enumerate(rights) if word.bbox[0] < right + slack), None)
        if column is not None:
            out[column].append(word)
    return out


def _captioned(view: PageView, index: int, band: _Band) -> bool:
    return abs(view.phrases[index][0].words[0].bbox[0] - band.left) <= 1.5 * view.char_width


def _coded(cells: list[list[Word]]) -> bool:
    """Whether a band's text line is its items' codes: each cell one code, but for one cell of three or more that
    a scan misread ('Л-2172' for 'JT-2172')."""
    filled = [c for c in cells if c]
    codes = sum(len(c) == 1 and CODE.match(c[0].text) is not None for c in filled)
    return codes >= len(filled) - (len(filled) >= 3) and codes > 0


def _band_rows(view: PageView, band: _Band, number_hint: str | None) -> list[RowDraft]:
    lines = view.lines
    texts: list[list[list[Word]]] = []
    numeric: dict[str, list[Word]] = {}
    for i in band.lines:
        if i in band.roles:
            numeric[band.roles[i]] = band.cells[i]
            continue
        cells = _cells(view, i, band)
        filled = [c for c in cells if c]
        if not filled:
            continue
        if all(
            len(c) == 1 and (word_number(c[0], number_hint) is not None or _POSITION.match(c[0].text)) for c in filled
        ):
            continue  # the items' numbers, or a figure the arithmetic does not hold
        if texts and not _captioned(view, i, band):  # a wrapped cell's line: the cells of the line above go on
            texts[-1] = [above + below for above, below in zip(texts[-1], cells, strict=True)]
            continue
        texts.append(cells)
    roles: dict[str, list[list[Word]]] = {}
    left = list(texts)
    codes = [t for t in left if _coded(t)]
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
