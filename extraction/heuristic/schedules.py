"""Rate schedules that are not ruled tables: numbered clauses and lists ('4.2 Remote support - EUR 95.00 per hour',
'• Helpdesk: 12.50 USD per ticket'). A rate line is a numbered or bulleted line whose text names a service, then a
separator, then one money amount with an optional currency code and unit; two or more of them make a schedule.
"""

from __future__ import annotations

import re

from extraction.document import Word
from extraction.heuristic.parts import PageView, RowDraft
from extraction.layout import Line
from extraction.normalize import parse_amount

RATE_LINE = re.compile(
    r"^\s*(?:\(?\d{1,2}(?:\.\d{1,2})*\)?\.?|[•·▪◦*–-]|\(?[a-z]\))\s+"  # a clause number or a bullet
    r"(?P<description>[^\d\s:–—][^:–—]{1,90}?)\s*(?::|–|—|\s-)\s*"  # the service, up to a separator
    r"(?:(?:[A-Z]{3}|[$€£])\s*)?(?P<rate>\d[\d.,' ]*[.,]\d{2})(?:\s*(?:[A-Z]{3}|[$€£]))?"  # one amount
    r"(?:\s+(?:per|/|je|par|por|pro)\s+(?P<unit>[\w/-]+))?"
)


def _words_of(line: Line, start: int, end: int) -> list[Word]:
    out, position = [], 0
    for word in line.words:
        if position < end and position + len(word.text) > start:
            out.append(word)
        position += len(word.text) + 1
    return out


class ListedRates:
    """A contract's rates listed in clauses or bullets, as line items (description, unit price, unit)."""

    def _listed_rates(self, views: list[PageView], number_hint: str | None) -> list[RowDraft]:
        rows: list[RowDraft] = []
        for view in views:
            for line in view.lines:
                match = RATE_LINE.match(line.text)
                if match is None or len(re.findall(r"\d[.,]\d{2}\b", line.text)) != 1:
                    continue
                rate = parse_amount(match["rate"].replace(" ", ""), number_hint)
                if rate is None or rate <= 0:
                    continue
                described = _words_of(line, match.start("description"), match.end("description"))
                last = described[-1]  # 'forwarding:' keeps its separator glued on
                described[-1] = Word(last.text.rstrip(":–—-") or last.text, last.bbox, last.confidence)
                cells = {
                    "description": described,
                    "unit_price": _words_of(line, match.start("rate"), match.end("rate")),
                }
                if match["unit"]:
                    cells["unit"] = _words_of(line, match.start("unit"), match.end("unit"))
                columns = tuple(cells)
                rows.append(RowDraft(view.page.number, cells, line.bottom, columns, (), line))
        return rows if len(rows) >= 2 else []
