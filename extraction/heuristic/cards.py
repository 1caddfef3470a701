"""Items printed as cards, not as a table: a title line (the description), then a line of caption/value pairs
('Stock No. ITM-85458  How Many 100  Pack Size EA  Per Unit 241.81  Net Line 24,181.00 USD'). The value lines show
themselves by arithmetic (quantity x price = amount), their captions by repeating on every card right before a
value; what is left of such a line are the other values (a code is the SKU, a short word the unit) and the
lines between two value lines are the next card's title. No caption is read as a word, so any language does.
"""

from __future__ import annotations

import re

from extraction.document import Word
from extraction.heuristic.geometry import CODE, UNIT, _numeric, joined_percents, row_arithmetic
from extraction.heuristic.parts import PageView, RowDraft, arithmetic_fits
from extraction.layout import Line, split_phrases

CURRENCY = re.compile(r"^(?:[A-Z]{3}|[€$£])$")
ROLES = ("quantity", "unit_price", "amount")
_numeric_value = _numeric


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


def _pair(line: Line, char_width: float) -> tuple[str, list[Word]] | None:
    """(caption, value words) of a line printed as a caption and its value: 'Quantity: 5', 'Unit price   100.00'."""
    words = line.words
    colon = next((k for k, w in enumerate(words[:-1]) if w.text.endswith(":")), None)
    if colon is not None and colon < 4:
        return " ".join(w.text for w in words[: colon + 1]).rstrip(":"), words[colon + 1 :]
    phrases = split_phrases(line, char_width)
    if len(phrases) == 2 and len(phrases[0].words) <= 4:
        return phrases[0].text, phrases[1].words
    return None


class StackedCards:
    """Items printed as stacked caption/value lines, one pair a line ('Quantity: 5' over 'Unit price: 100.00' over
    'Line total: 500.00'): the three numbers that multiply out make a card, the captions that carry them repeat
    on every card, and the card's other pairs give the code (SKU), the unit and, the longest text, the item."""

    def _stacked_cards(self, views: list[PageView], number_hint: str | None) -> list[RowDraft]:
        rows: list[RowDraft] = []
        for view in views:
            rows += self._stacked_on(view, number_hint)
        return rows

    @staticmethod
    def _stacked_on(view: PageView, number_hint: str | None) -> list[RowDraft]:
        pairs = {i: pair for i, line in enumerate(view.lines) if (pair := _pair(line, view.char_width)) is not None}
        numeric: dict[int, Word] = {}
        for i, (_, value) in pairs.items():
            if len(value) == 1 and _numeric_value(value[0], number_hint) is not None:
                numeric[i] = value[0]
        # the caption triple that multiplies out on two or more cards
        triples: dict[tuple[str, str, str], list[tuple[int, int, int]]] = {}
        indices = sorted(numeric)
        for a in indices:
            window = [i for i in indices if a - 6 <= i < a]
            for q in window:
                for p in window:
                    if p == q:
                        continue
                    values = {n: _numeric_value(numeric[i], number_hint) for n, i in zip(ROLES, (q, p, a), strict=True)}
                    if all(v is not None and v > 0 for v in values.values()) and arithmetic_fits(values):
                        key = (pairs[q][0], pairs[p][0], pairs[a][0])
                        triples.setdefault(key, []).append((q, p, a))
        found = [(key, spots) for key, spots in triples.items() if len({s[2] for s in spots}) >= 2]
        if not found:
            return []
        _, spots = max(found, key=lambda ks: len(ks[1]))
        spots = sorted({s[2]: s for s in spots}.values(), key=lambda s: s[2])
        rows = []
        period = spots[1][2] - spots[0][2]
        previous_end = spots[0][2] - period
        for q, p, a in spots:
            start = max(previous_end + 1, 0)
            block = range(start, a + 1)
            previous_end = a
            cells: dict[str, list[Word]] = {
                "quantity": [numeric[q]],
                "unit_price": [numeric[p]],
                "amount": [numeric[a]],
            }
            texts: list[list[Word]] = []
            for i in block:
                if i in (q, p, a):
                    continue
                value = pairs[i][1] if i in pairs else view.lines[i].words
                if len(value) == 1 and CODE.match(value[0].text) and "sku" not in cells:
                    cells["sku"] = value
                elif len(value) == 1 and UNIT.match(value[0].text) and len(value[0].text) <= 6 and "unit" not in cells:
                    cells["unit"] = value
                elif all(_numeric_value(w, number_hint) is None for w in value):
                    texts.append(value)
            if not texts:
                return []
            described = max(texts, key=lambda ws: len(" ".join(w.text for w in ws)))
            while len(described) > 1 and re.fullmatch(r"\d{1,3}[.)]?", described[0].text):
                described = described[1:]  # the card's number ('1. Ergonomic chair')
            cells["description"] = described
            line = view.lines[a]
            rows.append(RowDraft(view.page.number, cells, line.bottom, tuple(cells), (), view.lines[start]))
        return rows
