"""Tick boxes: an order form's list prints every service or item with a box before it, and only the ticked rows are
ordered (``unticked_words``).

A born-digital form draws its boxes as small square outlines and the tick as a shape of its own over the box (a
check mark's two strokes, a cross, a filled square inside) or fills the box dark; a typed form prints box glyphs
('☐' beside '☑', '☒', '■'). The text layer keeps the rows' words and drops the drawing, so every row would read as an
ordered line. A column of boxes at one x holding both ticked and empty boxes is a tick column; the words of each
empty box's row are left out, as a struck row's are: the row is on the page for information, not ordered. A column
of only empty boxes (a blank form) or only ticked ones says nothing and is left alone.

Everything here is in shown points, y down (the loader's frame); the loader turns pdfium's path objects into
``Shape``s.
"""

from __future__ import annotations

import re
from dataclasses import dataclass

Box = tuple[float, float, float, float]  # x0, y0 (top), x1, y1 (bottom)

EMPTY_GLYPHS = frozenset("☐□❏❐❑❒⬜")
TICKED_GLYPHS = frozenset("☑☒▣■⊠✓✔✗✘⬛")

_MIN_SIDE, _MAX_SIDE = 5.0, 20.0  # points: smaller squares are bullets, larger ones frames or logos


@dataclass(frozen=True, slots=True)
class Shape:
    """A drawn path: its box, whether it is a closed outline of four or more segments (a box can be; a stroke
    cannot), and whether it is filled dark."""

    box: Box
    closed: bool = False
    dark: bool = False
    fill: tuple[int, int, int] | None = None  # the fill colour (RGB), where the path is filled


@dataclass(frozen=True, slots=True)
class _Tick:
    box: Box
    ticked: bool
    word: int | None = None  # the glyph word that is the box, if it is typed
    closing: int | None = None  # a typed box's closing bracket, where it is a word of its own ('[' and ']')
    fill: tuple[int, int, int] | None = None


def unticked_words(shapes: list[Shape], words: list[tuple[Box, str]]) -> set[int]:
    """Indexes of the words to leave out: those on the rows of the empty boxes of every tick column, and the
    boxes' own glyphs and marks ('X' typed into a box) in those columns."""
    if not words:  # a page without a text layer (glyphs drawn as outlines) goes to the OCR
        return set()
    boxes = _boxes(shapes, words)
    dropped = unchosen_columns(boxes, words)
    for column in _columns(boxes):
        if not any(t.ticked for t in column) or all(t.ticked for t in column) or _swatches(column):
            continue
        edges = _row_edges(shapes, column)
        for index, tick in enumerate(column):
            dropped |= _inside(tick.box, words)
            if tick.word is not None:
                dropped.add(tick.word)
            if tick.ticked:
                continue
            following = column[index + 1].box[1] if index + 1 < len(column) else None
            x0, top, x1, bottom = _row_band(tick.box, following, edges)
            dropped |= {
                i
                for i, ((w0, w1, w2, w3), _) in enumerate(words)
                if top < (w1 + w3) / 2 < bottom and x0 <= (w0 + w2) / 2 <= x1
            }
    return dropped


def unchosen_columns(boxes: list[_Tick], words: list[tuple[Box, str]]) -> set[int]:
    """A price matrix offers levels side by side, one column each, with a box before each level's caption and the
    chosen level's box ticked ('[ ] Basic  [X] Standard  [ ] Premium'): only the chosen column prices the rows. The
    numbers under the empty boxes' captions are left out, with those captions and every box of the row, so the table
    reads as one price column. A row of boxes counts only where the lines below hold numbers under two captions or
    more (an options line 'By: [X] post [ ] mail' over a table is no matrix)."""
    marks = boxes + _typed_marks(words, boxes)
    dropped: set[int] = set()
    for row in _rows(marks):
        if not any(m.ticked for m in row) or all(m.ticked for m in row):
            continue
        spans = [
            _caption_span(mark, row[i + 1].box[0] if i + 1 < len(row) else None, words) for i, mark in enumerate(row)
        ]
        table = _matrix_lines(row, spans, words)
        if not table:
            continue
        for index, (mark, (_, _, caption)) in enumerate(zip(row, spans, strict=True)):
            dropped |= _inside(mark.box, words) | {i for i in (mark.word, mark.closing) if i is not None}
            if mark.ticked:
                continue
            dropped |= caption
            dropped |= {i for line in table for i in line if _under(words[i][0], spans) == index}
    return dropped


def _typed_marks(words: list[tuple[Box, str]], boxes: list[_Tick]) -> list[_Tick]:
    """Boxes typed in brackets: '[X]' or '[x]' ticked, '[ ]' (often two words '[' and ']') empty."""
    marks = []
    for index, (box, text) in enumerate(words):
        glyph = text.strip()
        if any(_overlap(box, t.box) for t in boxes):
            continue
        if glyph in ("[X]", "[x]", "[✓]", "[✔]", "[ ]", "[]"):
            marks.append(_Tick(box, "X" in glyph or "x" in glyph or "✓" in glyph or "✔" in glyph, index))
        elif glyph == "[" and index + 1 < len(words) and words[index + 1][1].strip() == "]":
            after = words[index + 1][0]
            height = box[3] - box[1]
            if abs(after[1] - box[1]) < 0.5 * height and 0 <= after[0] - box[2] < 1.5 * height:
                marks.append(_Tick((box[0], box[1], after[2], max(box[3], after[3])), False, index, index + 1))
    return marks


def _rows(marks: list[_Tick]) -> list[list[_Tick]]:
    """Marks on one line, three or more, left to right."""
    rows: list[list[_Tick]] = []
    for mark in sorted(marks, key=lambda t: ((t.box[1] + t.box[3]) / 2, t.box[0])):
        middle, height = (mark.box[1] + mark.box[3]) / 2, mark.box[3] - mark.box[1]
        for row in rows:
            if abs((row[0].box[1] + row[0].box[3]) / 2 - middle) < 0.5 * height:
                row.append(mark)
                break
        else:
            rows.append([mark])
    return [sorted(row, key=lambda t: t.box[0]) for row in rows if len(row) >= 2]


def _caption_span(mark: _Tick, next_mark: float | None, words: list[tuple[Box, str]]) -> tuple[float, float, set[int]]:
    """A mark's caption: the words right of the box on its line, up to the next box or a wide gap; the span runs
    from the box's left to the caption's right."""
    middle, height = (mark.box[1] + mark.box[3]) / 2, mark.box[3] - mark.box[1]
    right, caption = mark.box[2], set()
    for index, (box, _) in sorted(enumerate(words), key=lambda item: item[1][0][0]):
        if abs((box[1] + box[3]) / 2 - middle) >= 0.5 * height or box[0] < right - 0.5:
            continue
        if (next_mark is not None and box[0] >= next_mark) or box[0] - right > 3 * height:
            break
        if _overlap(box, mark.box):
            continue
        caption.add(index)
        right = box[2]
    return mark.box[0], right, caption


def _matrix_lines(
    row: list[_Tick], spans: list[tuple[float, float, set[int]]], words: list[tuple[Box, str]]
) -> list[list[int]]:
    """The lines just below the row of boxes with numbers under two captions or more, down to the first without."""
    bottom = max(m.box[3] for m in row)
    height = max(m.box[3] - m.box[1] for m in row)
    lines: list[list[int]] = []
    for index in sorted(
        (i for i, (box, _) in enumerate(words) if box[1] >= bottom - 0.25 * height), key=lambda i: words[i][0][1]
    ):
        box = words[index][0]
        if lines and abs(words[lines[-1][0]][0][1] - box[1]) < 0.5 * (box[3] - box[1]):
            lines[-1].append(index)
        else:
            lines.append([index])
    return _priced_lines(lines, spans, words)


def _priced_lines(
    lines: list[list[int]], spans: list[tuple[float, float, set[int]]], words: list[tuple[Box, str]]
) -> list[list[int]]:
    """The first lines, down to the first without numbers under two captions or more: the matrix's rows."""
    table = []
    for line in lines:
        held = {_under(words[i][0], spans) for i in line if any(ch.isdigit() for ch in words[i][1])} - {None}
        if len(held) < 2:
            break
        table.append(line)
    return table


def _under(box: Box, spans: list[tuple[float, float, set[int]]]) -> int | None:
    """The caption a number stands under: the one its box overlaps most (a column's numbers align on its caption's
    right or left, not always within it)."""
    overlaps = [min(box[2], x1) - max(box[0], x0) for x0, x1, _ in spans]
    best = max(range(len(spans)), key=lambda n: overlaps[n])
    return best if overlaps[best] > 0 else None


def _swatches(column: list[_Tick]) -> bool:
    """A column of colour chips, not of tick boxes: a form fills its boxes from one template, empty ones unfilled
    or paper-white and ticked ones in one ink, so at most two fills; chips each print their own colour (a light
    yellow or grey chip is no empty box). Three fills or more, or two light ones that differ, make a swatch column."""
    fills = {t.fill for t in column}
    light = {t.fill for t in column if not t.ticked and t.fill is not None and min(t.fill) < 235}
    return len(fills) >= 3 or len(light) >= 2


def _square(box: Box) -> bool:
    width, height = box[2] - box[0], box[3] - box[1]
    return min(width, height) >= _MIN_SIDE and max(width, height) <= _MAX_SIDE and 0.75 <= width / height <= 1.33


def _boxes(shapes: list[Shape], words: list[tuple[Box, str]]) -> list[_Tick]:
    """The drawn boxes (closed squares not inside another one: an inner filled square is a mark) and typed box
    glyphs, each with whether it is ticked."""
    squares = [s for s in shapes if s.closed and _square(s.box)]
    outer = [s for s in squares if not any(o is not s and _holds(o.box, s.box) for o in squares)]
    ticks = []
    for square in outer:
        side = square.box[2] - square.box[0]
        inner = _shrunk(square.box, 0.2 * side)
        marked = square.dark or any(
            other is not square
            and other.box[2] - other.box[0] <= 2 * side
            and other.box[3] - other.box[1] <= 2 * side
            and _overlap(other.box, inner)
            for other in shapes
        )
        ticks.append(_Tick(square.box, marked or bool(_inside(square.box, words)), fill=square.fill))
    for index, (box, text) in enumerate(words):
        glyph = text.strip()
        if len(glyph) == 1 and glyph in EMPTY_GLYPHS | TICKED_GLYPHS and not any(_overlap(box, t.box) for t in ticks):
            ticks.append(_Tick(box, glyph in TICKED_GLYPHS, index))
    return ticks


def _columns(ticks: list[_Tick]) -> list[list[_Tick]]:
    """Boxes of a like size at one x, two or more, top to bottom."""
    columns: list[list[_Tick]] = []
    for tick in sorted(ticks, key=lambda t: (t.box[1], t.box[0])):
        side = tick.box[3] - tick.box[1]
        centre = (tick.box[0] + tick.box[2]) / 2
        for column in columns:
            last = column[-1].box
            last_side = last[3] - last[1]
            if abs((last[0] + last[2]) / 2 - centre) < 0.5 * max(side, last_side) and _alike(tick, column[-1]):
                column.append(tick)
                break
        else:
            columns.append([tick])
    return [column for column in columns if len(column) >= 2]


def _alike(tick: _Tick, other: _Tick) -> bool:
    """Two boxes of one tick column: a form draws its boxes from one template, so two drawn boxes are one size (a
    point's slack); a picture's parts in a column of item pictures (a bulb's outline, a coil's) differ. Typed box
    glyphs differ a little by glyph ('☐' beside '■')."""
    side, other_side = tick.box[3] - tick.box[1], other.box[3] - other.box[1]
    if tick.word is not None or other.word is not None:
        return 0.67 <= side / other_side <= 1.5
    width, other_width = tick.box[2] - tick.box[0], other.box[2] - other.box[0]
    return abs(side - other_side) <= max(1.0, 0.08 * side) and abs(width - other_width) <= max(1.0, 0.08 * width)


def _row_edges(shapes: list[Shape], column: list[_Tick]) -> list[tuple[float, float, float]]:
    """The table's horizontal rules across the column (y, left, right): thin wide shapes, and the top and bottom of
    wide boxes (a row drawn as a rectangle)."""
    side = max(t.box[3] - t.box[1] for t in column)
    centre = sum(t.box[0] + t.box[2] for t in column) / (2 * len(column))
    edges = []
    for shape in shapes:
        x0, y0, x1, y1 = shape.box
        if x1 - x0 < 4 * side or not x0 <= centre <= x1:
            continue
        if y1 - y0 <= 2.5:
            edges.append(((y0 + y1) / 2, x0, x1))
        else:
            edges += [(y0, x0, x1), (y1, x0, x1)]
    return edges


def _row_band(
    box: Box, following: float | None, edges: list[tuple[float, float, float]]
) -> tuple[float, float, float, float]:
    """An empty box's row (left, top, right, bottom): between the rules just above and below the box when the table
    is ruled (a wrapped description's lines are the row's), else the box's own line; never into the next box's."""
    side = box[3] - box[1]
    limit = following if following is not None else box[3] + 4 * side
    above = [e for e in edges if box[1] - 2 * side <= e[0] <= box[1] + 0.25 * side]
    below = [e for e in edges if box[3] - 0.25 * side <= e[0] <= limit + 0.25 * side]
    if above and below:
        top, bottom = max(above), min(below)
        return min(top[1], bottom[1]), top[0], max(top[2], bottom[2]), bottom[0]
    bottom_y = box[3] + 0.5 * side if following is None else min(box[3] + 0.5 * side, following)
    return float("-inf"), box[1] - 0.5 * side, float("inf"), bottom_y


def _inside(box: Box, words: list[tuple[Box, str]]) -> set[int]:
    """Words centred inside the box (a typed 'X' or '✓' over a drawn box)."""
    return {
        i
        for i, ((w0, w1, w2, w3), _) in enumerate(words)
        if box[0] < (w0 + w2) / 2 < box[2] and box[1] < (w1 + w3) / 2 < box[3]
    }


def _shrunk(box: Box, by: float) -> Box:
    return box[0] + by, box[1] + by, box[2] - by, box[3] - by


def _overlap(a: Box, b: Box) -> bool:
    return a[0] < b[2] and b[0] < a[2] and a[1] < b[3] and b[1] < a[3]


def _holds(outer: Box, inner: Box) -> bool:
    """``inner`` lies within ``outer`` (a point of slack) and is the smaller."""
    return (
        outer[0] - 1 <= inner[0]
        and outer[1] - 1 <= inner[1]
        and inner[2] <= outer[2] + 1
        and inner[3] <= outer[3] + 1
        and (inner[2] - inner[0]) * (inner[3] - inner[1]) < (outer[2] - outer[0]) * (outer[3] - outer[1])
    )


# a ticked box as OCR reads a typed one ('[X]', '[xX]', 'X]', '(X)'): a cross in at least one bracket; the empty
# boxes of its row ('[ ]') a scan mostly loses outright
_READ_TICK = re.compile(r"[\[(|{]?[xX×✓✔]{1,2}[\])|}]?[.,;:]?")
_NUMBER = re.compile(r"[\d.,'’\u202f]*\d[\d.,'’\u202f]*")


def unchosen_read_columns(words: list[tuple[Box, str]]) -> set[int]:
    """``unchosen_columns`` for a scanned page, whose empty boxes OCR does not read: a read ticked box ('[X]') before
    a level's caption, on a line of captions set a column apart; the lines below it holding numbers under two
    captions or more are a price matrix; the other captions under which every such line holds only numbers are the
    levels not chosen: their numbers and captions are left out, with the box, so the table reads as one price
    column. Captions over words (a service's name, a unit) are no levels and keep theirs."""
    dropped: set[int] = set()
    for index, (box, text) in enumerate(words):
        glyph = text.strip()
        if not _READ_TICK.fullmatch(glyph) or not any(ch in glyph for ch in "[]()|{}"):
            continue
        height = box[3] - box[1]
        middle = (box[1] + box[3]) / 2
        line = sorted(
            (i for i, (b, _) in enumerate(words) if i != index and abs((b[1] + b[3]) / 2 - middle) < 0.5 * height),
            key=lambda i: words[i][0][0],
        )
        groups: list[list[int]] = []
        for i in line:
            if (
                groups
                and words[i][0][0] - words[groups[-1][-1]][0][2] < 1.5 * height
                and not (words[groups[-1][-1]][0][2] <= box[0] < words[i][0][0])
            ):
                groups[-1].append(i)
            else:
                groups.append([i])
        after = [g for g in groups if words[g[0]][0][0] >= box[2] - 0.5 * height]
        if len(groups) < 3 or not after or words[after[0][0]][0][0] - box[2] > 3 * height:
            continue
        chosen = groups.index(after[0])
        spans = [
            (min(box[0], words[g[0]][0][0]) if n == chosen else words[g[0]][0][0], words[g[-1]][0][2], set(g))
            for n, g in enumerate(groups)
        ]
        table = _read_matrix_lines(box, spans, words)
        if len(table) < 2:
            continue
        levels = []
        for n in range(len(spans)):
            cells = [[i for i in line if _under(words[i][0], spans) == n] for line in table]
            if sum(bool(c) for c in cells) >= 0.8 * len(table) and all(
                _NUMBER.fullmatch(words[i][1].strip()) for c in cells for i in c
            ):
                levels.append(n)
        if chosen not in levels or len(levels) < 2:
            continue
        dropped.add(index)
        for n in levels:
            if n != chosen:
                dropped |= spans[n][2] | {i for line in table for i in line if _under(words[i][0], spans) == n}
    return dropped


def _read_matrix_lines(
    mark: Box, spans: list[tuple[float, float, set[int]]], words: list[tuple[Box, str]]
) -> list[list[int]]:
    """``_matrix_lines`` for read words: lines told by their words' middles (a scan's small word, 'e', sits lower
    than its line's capitals), within half the mark's height of the line's first word."""
    height = mark[3] - mark[1]
    below = sorted(
        (i for i, (b, _) in enumerate(words) if (b[1] + b[3]) / 2 > mark[3]),
        key=lambda i: words[i][0][1] + words[i][0][3],
    )
    lines: list[list[int]] = []
    for index in below:
        middle = (words[index][0][1] + words[index][0][3]) / 2
        if lines and abs(middle - (words[lines[-1][0]][0][1] + words[lines[-1][0]][0][3]) / 2) < 0.5 * height:
            lines[-1].append(index)
        else:
            lines.append([index])
    return _priced_lines(lines, spans, words)
