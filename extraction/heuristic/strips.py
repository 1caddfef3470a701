"""Items printed two lines each, as on a narrow till-roll strip: the item's name on a line of its own, then its
figures indented under it ('Letër A4' over '4 pako x 85,01   340,04'). Read as a table, each row's text is the
unit alone; the item is the text line right above the row, between it and the row before.
"""

from __future__ import annotations

from extraction.heuristic.geometry import UNIT, row_arithmetic
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
