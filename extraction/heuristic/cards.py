"""Items printed as cards, not as a table: a title line (the description), then a line of caption/value pairs
('Stock No. ITM-85458  How Many 100  Pack Size EA  Per Unit 241.81  Net Line 24,181.00 USD'). The value lines show
themselves by arithmetic (quantity x price = amount), their captions by repeating on every card right before a
value; what is left of such a line are the other values (a code is the SKU, a short word the unit) and the
lines between two value lines are the next card's title. No caption is read as a word, so any language does.
"""

from __future__ import annotations

import re

from extraction.document import Word
from extraction.heuristic.geometry import CODE, UNIT, joined_percents, row_arithmetic
from extraction.heuristic.parts import PageView, RowDraft
from extraction.layout import Line, split_phrases

CURRENCY = re.compile(r"^(?:[A-Z]{3}|[€$£])$")


def _inside(word: Word, box: tuple[float, float, float, float]) -> bool:
    return box[0] - 1e-6 <= word.bbox[0] and word.bbox[2] <= box[2] + 1e-6


class CardItems:
    def _card_items(self, views: list[PageView], number_hint: str | None) -> list[RowDraft]:
        rows: list[RowDraft] = []
        for view in views:
            rows += self._cards_on(view, number_hint)
        return rows

    @staticmethod
    def _cards_on(view: PageView, number_hint: str | None) -> list[RowDraft]:
        lines = [joined_percents(line) for line in view.lines]
        anchors = [(i, found) for i, line in enumerate(lines) if (found := row_arithmetic(line, number_hint))]
        if len(anchors) < 2 or any(b - a < 2 for (a, _), (b, _) in zip(anchors, anchors[1:], strict=False)):
            return []  # value lines next to each other: a table, read as one
        rests: list[list[Word]] = []
        for i, found in anchors:
            boxes = [w.bbox for w in found.values()]
            rests.append([w for w in lines[i].words if not any(_inside(w, b) for b in boxes)])
        # captions: words every value line prints, standing right before one of its values
        common = set.intersection(*({w.text for w in rest} for rest in rests)) - {""}
        captions = {t for t in common if not any(ch.isdigit() for ch in t) and not CURRENCY.match(t)}
        leading = 0
        for (i, found), _ in zip(anchors, rests, strict=True):
            words = lines[i].words
            for value in found.values():
                at = next((k for k, w in enumerate(words) if _inside(w, value.bbox)), 0)
                leading += at > 0 and words[at - 1].text in captions
        if leading < 2 * len(anchors):
            return []
        period = anchors[1][0] - anchors[0][0] - 1
        titles: list[list[Line]] = []
        previous = anchors[0][0] - period - 1
        for i, _ in anchors:
            titles.append([line for line in lines[max(0, previous + 1) : i]])
            previous = i
        title_texts = [{w.text for line in title for w in line.words} for title in titles]
        repeated = set.intersection(*title_texts) if all(title_texts) else set()
        rows = []
        for (i, found), rest, title in zip(anchors, rests, titles, strict=True):
            if not title or lines[i].top - title[-1].bottom > 3 * lines[i].height:
                return []
            described = [w for line in title for w in line.words if w.text not in repeated]
            while described and re.fullmatch(r"\d{1,3}\.?", described[0].text):
                described = described[1:]  # the card's number ('Entry 1')
            if not described:
                return []
            cells: dict[str, list[Word]] = {"description": described}
            for role, word in found.items():
                cells[role] = [word]
            kept = {id(w) for w in rest}
            amount_end = found["amount"].bbox[2]
            # a pair is a caption and its value a space apart: in each phrase that holds no number of the
            # arithmetic, the last word is the value ('Pack Size EA'), a lone code after the amount its currency
            for phrase in split_phrases(lines[i], view.char_width):
                words = [w for w in phrase.words if id(w) in kept]
                if len(words) != len(phrase.words) or not words:
                    continue
                value = words[-1]
                if len(words) == 1 and (CURRENCY.match(value.text) and value.bbox[0] > amount_end):
                    continue
                if CODE.match(value.text) and "sku" not in cells:
                    cells["sku"] = [value]
                elif UNIT.match(value.text) and len(value.text) <= 6 and "unit" not in cells:
                    cells["unit"] = [value]
            rows.append(RowDraft(view.page.number, cells, lines[i].bottom, tuple(cells), (), lines[i]))
        return rows
