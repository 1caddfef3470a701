"""Items printed two lines each, as on a narrow till-roll strip: the item's name on a line of its own, then its
figures indented under it ('Rope 12 mm' over '40 m x 3.15   126.00'). Read as a table, each row's text is the
unit alone (or a short name run into it); the item is the text line right above the row, between it and the row
before. ``strip_items`` reads the pairs themselves (where the quantities and units are too ragged for a table's
columns too); ``titles_above`` mends a table reading whose rows' text is each one unit word.
"""

from __future__ import annotations

from extraction.document import Word
from extraction.heuristic.geometry import CENTS, UNIT, joined_percents, money_mark, row_arithmetic
from extraction.heuristic.parts import PageView, RowDraft
from extraction.layout import Line

_TIMES = {"x", "×", "X", "*"}


def _titled(view: PageView, line: Line, floor: float, number_hint: str | None) -> Line | None:
    """The text line right above ``line`` and below ``floor`` that starts left of it (the figures are indented)."""
    above = [other for other in view.lines if floor <= other.top and other.bottom <= line.top + 1e-6]
    if not above:
        return None
    title = above[-1]
    # a name, not figures: it holds a word of letters and no quantity, price and amount that multiply out
    if not any(w.text.isalpha() for w in title.words) or row_arithmetic(title, number_hint) is not None:
        return None
    if any(ch.isdigit() for ch in title.words[0].text):
        return None  # led by an item's number or code: a table's row whose text runs over its figures
    if title.words[0].bbox[0] >= line.words[0].bbox[0] or line.top - title.bottom > 2 * line.height:
        return None
    return title


def titles_above(
    views: list[PageView], rows: list[RowDraft], spans: dict[int, tuple[float, float]], number_hint: str | None
) -> None:
    """Where every row's text is one unit word and a title line stands over each row, the title is the item and
    the word its unit; the table's span then starts at its first title."""
    if len(rows) < 2 or any(row.line is None or "unit" in row.cells for row in rows):
        return

    pages = {view.page.number: view for view in views}
    found = []
    floor = {page: 0.0 for page in pages}
    for row in rows:
        assert row.line is not None
        words = [w for w in row.cells.get("description", []) if w.text not in _TIMES]
        view = pages.get(row.page)
        if view is None or len(words) != 1 or not UNIT.match(words[0].text):
            return
        # a strip's figures open with the quantity, its unit right after ('4 pako x 85,01')
        line_words = row.line.words
        quantity = row.cells.get("quantity", [])
        if len(line_words) < 2 or quantity[:1] != line_words[:1] or line_words[1] is not words[0]:
            return
        title = _titled(view, row.line, floor[row.page], number_hint)
        if title is None:
            return
        floor[row.page] = row.line.bottom
        found.append((row, title, words))
    for row, title, words in found:
        row.cells["unit"], row.cells["description"] = words, list(title.words)
        row.columns = tuple(row.cells)
        if row.page in spans:
            spans[row.page] = (min(spans[row.page][0], title.top), spans[row.page][1])


_SIGNS = {*_TIMES, "@", "="}  # what a strip prints between its figures ('4 pako x 85,01', '2 @ 5.00 = 10.00')


def _figures(line: Line, number_hint: str | None) -> dict[str, list[Word]] | None:
    """The cells of an item's figures line: it opens with the quantity, a unit's word may follow, then a sign
    ('x', '@'), the price, and the amount ends the line; the three multiply out. None for a line printing anything
    else (a description's word, a code, another number: a table's row)."""
    found = row_arithmetic(joined_percents(line), number_hint)
    if found is None or set(found) != {"quantity", "unit_price", "amount"}:
        return None  # a discount, a price unit: a table's pricing, no strip's
    quantity, price, amount = found["quantity"], found["unit_price"], found["amount"]
    if not quantity.bbox[0] < price.bbox[0] < amount.bbox[0]:
        return None
    boxes = [quantity.bbox, price.bbox, amount.bbox]

    def inside(word: Word) -> bool:
        return any(b[0] - 1e-6 <= word.bbox[0] and word.bbox[2] <= b[2] + 1e-6 for b in boxes)

    rest = [w for w in line.words if not inside(w)]
    if not line.words or not inside(line.words[0]) or line.words[0].bbox[0] > quantity.bbox[0] + 1e-6:
        return None  # the quantity opens the line
    units = []
    for word in rest:
        if word.text in _SIGNS or money_mark(word.text):
            continue
        if not quantity.bbox[2] <= word.bbox[0] < price.bbox[0] or not UNIT.match(word.text) or len(word.text) > 8:
            return None
        units.append(word)
    if len(units) > 1:
        return None
    cells = {"quantity": [quantity], "unit_price": [price], "amount": [amount]}
    return {**cells, "unit": units} if units else cells


def _title_over(view: PageView, index: int, amount: Word) -> Line | None:
    """The item's name: the line right above its figures, starting left of them (the figures are indented under
    it), close above, with a word of letters; it holds no figures of its own (no money value, nothing reaching the
    amounts, no quantity, price and amount of its own), nor does an item's number or code lead it."""
    line, title = view.lines[index], view.lines[index - 1]
    width = view.char_width
    if line.top - title.bottom > line.height or title.words[0].bbox[0] > line.words[0].bbox[0] - 0.5 * width:
        return None
    if title.words[0].text[:1].isdigit() or not any(sum(c.isalpha() for c in w.text) >= 2 for w in title.words):
        return None
    if any(w.bbox[2] > amount.bbox[0] - 2 * width or CENTS.search(w.text) for w in title.words):
        return None
    return title


def strip_items(
    views: list[PageView], number_hint: str | None
) -> tuple[list[RowDraft], dict[int, tuple[float, float]], set[tuple[int, float]]]:
    """Items printed two lines each: a name on a line of its own, its figures on the line right under it, indented
    ('Rope 12 mm' over '40 m x 3.15   126.00'). Read as runs of such pairs one after the other (a run of two pairs
    at least somewhere in the document); the rows, the table's span on each page, and where the runs' lines stand
    (page, top) so that a table reading of the same lines can be told."""
    runs: list[list[tuple[PageView, Line, Line, dict[str, list[Word]]]]] = []
    for view in views:
        last = -2  # the figures line of the pair before
        for index in range(1, len(view.lines)):
            figures = _figures(view.lines[index], number_hint)
            if figures is None or index - 1 == last:
                continue
            title = _title_over(view, index, figures["amount"][0])
            if title is None:
                continue
            if index - 2 != last or not runs:
                runs.append([])
            runs[-1].append((view, title, view.lines[index], figures))
            last = index
    if not any(len(run) >= 2 for run in runs):
        return [], {}, set()
    rows: list[RowDraft] = []
    spans: dict[int, tuple[float, float]] = {}
    where: set[tuple[int, float]] = set()
    for run in runs:
        for view, title, line, figures in run:
            page = view.page.number
            cells = {"description": list(title.words), **figures}
            rows.append(RowDraft(page, cells, line.bottom, tuple(cells), (), line))
            top, bottom = spans.get(page, (title.top, line.bottom))
            spans[page] = (min(top, title.top), max(bottom, line.bottom))
            where |= {(page, round(title.top, 4)), (page, round(line.top, 4))}
    return rows, spans, where
