"""Items printed as cards, not as a table: a title line (the description), then a line of caption/value pairs
('Stock No. ITM-85458  How Many 100  Pack Size EA  Per Unit 241.81  Net Line 24,181.00 USD'). The value lines show
themselves by arithmetic (quantity x price = amount), their captions by repeating on every card right before a
value; what is left of such a line are the other values (a code is the SKU, a short word the unit) and the
lines between two value lines are the next card's title. No caption is read as a word, so any language does.
"""

from __future__ import annotations

import itertools
import re
from decimal import Decimal

from extraction.document import Word
from extraction.heuristic.geometry import CODE, LEADER, UNIT, joined_percents, row_arithmetic, word_number
from extraction.heuristic.parts import PageView, RowDraft, arithmetic_fits
from extraction.layout import Line, joined_thousands, split_phrases
from extraction.normalize import CURRENCY  # 'EUR', '€', 'Fr.', 'zł': a code or a symbol printed beside an amount
from extraction.result import PRICED

ROLES = PRICED
_numeric_value = word_number


def _inside(word: Word, box: tuple[float, float, float, float]) -> bool:
    return box[0] - 1e-6 <= word.bbox[0] and word.bbox[2] <= box[2] + 1e-6


class CardItems:
    def _card_items(self, views: list[PageView], number_hint: str | None) -> list[RowDraft]:
        rows: list[RowDraft] = []
        titled: list[RowDraft] = []
        for view in views:
            rows += self._cards_on(view, number_hint)
            titled += _titled_cards(view, number_hint)
        return rows if len(rows) >= len(titled) else titled

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


_POSITION = re.compile(r"^\d{1,3}(?:\.\d{1,2})?[.)]?$")  # '1', '10', '1.2', '3.'
_PRICE_UNITS = (Decimal(1), Decimal(100), Decimal(1000))  # a price per one, per 100, per 1000 units
_CENTS = re.compile(r"[.,]\d{2}[)-]?$")  # a money value, a credit's trailing minus or brackets too


def _close(value: Decimal, amount: Decimal) -> bool:
    return abs(value - amount) <= max(Decimal("0.011"), abs(amount) * Decimal("0.001"))


def _title_amount(line: Line, number_hint: str | None) -> tuple[list[Word], Word, Decimal] | None:
    """(words before it, the amount, its value) of a line ending in a money amount, a short currency after it."""
    words = joined_thousands(line.words)
    k = len(words) - 1
    if k > 0 and len(words[k].text) <= 4 and not any(ch.isdigit() for ch in words[k].text):
        k -= 1  # 'EUR', 'Fr.', '€'
    if k < 1 or not _CENTS.search(words[k].text) or (value := word_number(words[k], number_hint)) is None:
        return None
    head = words[:k]
    if len(head) > 1 and CURRENCY.match(head[-1].text):
        gap, before = words[k].bbox[0] - head[-1].bbox[2], head[-1].bbox[0] - head[-2].bbox[2]
        if gap <= before or not head[-1].text.isalpha():
            head = head[:-1]  # the currency's mark printed before the amount ('Hex Bolt   € 10 428,00')
    return head, words[k], value


def _after(line: Line, word: Word) -> Word | None:
    words = joined_thousands(line.words)
    k = next((k for k, w in enumerate(words) if w.bbox == word.bbox), len(words)) + 1
    return words[k] if k < len(words) else None


def _card_fit(
    body: list[Line], amount: Decimal, number_hint: str | None
) -> tuple[list[tuple[int, Word]], Decimal] | None:
    """The two body numbers (line, word) whose product gives the title's amount, and their price unit: straight,
    less a percentage or an amount of discount, plus a tax rate, per 1, 100 or 1000 units."""
    numbers: list[tuple[int, Word, Decimal]] = []
    percents: list[Decimal] = []
    for n, line in enumerate(body):
        for word in joined_thousands(line.words):
            if (value := word_number(word, number_hint)) is None:
                continue
            if word.text.endswith("%"):
                percents.append(value)
            else:
                numbers.append((n, word, value))
    # the first printed pair that fits (a list price before its net price); a free item's nearest pair
    pairs = sorted(itertools.combinations(range(len(numbers)), 2), key=lambda ab: ab[1] - ab[0] if amount == 0 else 0)
    for a, b in pairs:
        (_, _, qty), (_, _, price) = numbers[a], numbers[b]
        if (amount == 0) != (qty == 0 or price == 0):
            continue  # a free item: the amount is nought because its price is
        for per in _PRICE_UNITS:
            gross = qty * price / per
            rates = [gross * (1 + sign * r / 100) for r in percents for sign in (-1, 1)]
            rates += [gross * (1 - d / 100) * (1 + t / 100) for d, t in itertools.permutations(percents, 2)]
            less = [gross - abs(v) for _, _, v in numbers[b + 1 :]]
            taxed = [v * (1 + r / 100) for v in less for r in percents]  # a discount amount, then a tax rate
            if any(_close(v, amount) for v in (gross, *rates, *less, *taxed)):
                return [numbers[a][:2], numbers[b][:2]], per
    return None


def _list_price(price: Word, words: list[Word], number_hint: str | None) -> Word:
    """The card's list price where the multiplied price is the net one: another money value of the card that,
    less one of its percentages, gives the net price ('Net price: 1 618,52  Discount 5%  Unit price: 1 703,70')."""
    net = word_number(price, number_hint)
    rates = [
        v for w in words if w.text.endswith("%") and (v := word_number(w, number_hint)) is not None and 0 < v < 100
    ]
    if net is None or not rates:
        return price
    for word in words:
        value = word_number(word, number_hint) if _CENTS.search(word.text) and word is not price else None
        if value is not None and value > net and any(_close(value * (1 - r / 100), net) for r in rates):
            return word
    return price


def _quantity_first(first: Word, second: Word, words: list[Word], currency: str, char_width: float) -> bool:
    """Which of two multiplied numbers is the quantity: the one a unit follows close ('5 kg', not the price's
    currency nor 'per 100'), else the one without cents, else the first printed."""

    def unit_after(word: Word) -> bool:
        k = next((k for k, w in enumerate(words) if w.bbox == word.bbox), len(words)) + 1
        if k >= len(words) or words[k].text == currency or not UNIT.match(words[k].text):
            return False
        # on the same line, right after it (the next line's first word stands left of it: no unit of its); a
        # space is a whole character's width in a monospaced font
        close = 0 <= words[k].bbox[0] - word.bbox[2] < 1.5 * char_width and words[k].bbox[1] < word.bbox[3]
        # 'per 100' after a price: a word a number follows close is no unit
        priced = k + 1 < len(words) and 0 <= words[k + 1].bbox[0] - words[k].bbox[2] < 1.5 * char_width
        return close and not (priced and word_number(words[k + 1], None) is not None)

    if unit_after(first) != unit_after(second):
        return unit_after(first)
    if bool(_CENTS.search(first.text)) != bool(_CENTS.search(second.text)):
        return not _CENTS.search(first.text)
    return True


def _titled_cards(view: PageView, number_hint: str | None) -> list[RowDraft]:
    """Items printed as cards whose first line is the item and its amount at the right ('10 Hex Bolt .... 52.90'),
    the lines under it caption/value pairs in any language or none ('Qty: 5 pcs  Price: 10.58'): the card is the
    title and the lines down to the next line ending in an amount, its quantity and price the two body numbers
    whose product (per 1, 100 or 1000, less a discount or plus a tax rate) gives the amount."""
    lines = [joined_percents(line) for line in view.lines]
    found_at = [(i, title) for i, line in enumerate(lines) if (title := _title_amount(line, number_hint))]
    # the titles' amounts stand right-aligned at the card's right edge; a body line ending in its price does not
    rights = [title[1].bbox[2] for _, title in found_at]
    aligned = [r for r in rights if sum(abs(r - other) <= view.char_width for other in rights) >= 2]
    edge = max(aligned or rights, default=0.0)
    titles = [(i, title) for i, title in found_at if abs(title[1].bbox[2] - edge) <= view.char_width]
    rows: list[RowDraft] = []
    for t, (i, (head, amount_word, amount)) in enumerate(titles):
        end = min(titles[t + 1][0] if t + 1 < len(titles) else len(lines), i + 5)
        body = lines[i + 1 : end]
        fit = _card_fit(body, amount, number_hint)
        if fit is None:
            continue
        (line_q, first), (line_p, second), per = *fit[0], fit[1]
        currency = line_after.text if (line_after := _after(lines[i], amount_word)) else ""
        words_all = [w for line in body for w in joined_thousands(line.words)]
        if not _quantity_first(first, second, words_all, currency, view.char_width):
            first, second = second, first
        found = {"quantity": first, "unit_price": second}
        at = max(line_q, line_p)
        found["unit_price"] = _list_price(found["unit_price"], words_all, number_hint)
        described = [w for w in head if not LEADER.match(w.text)]
        if described and _POSITION.match(described[0].text):
            described = described[1:]  # the item's number
        for k, line in enumerate(body[:at]):
            # a description wrapped under the title holds no number, or, above the card's values, no caption and
            # no column gap ('9001 certified' of 'ISO 9001 certified')
            wrapped = k < min(line_q, line_p) and len(split_phrases(line, view.char_width)) == 1
            if all(word_number(w, number_hint) is None for w in line.words) or (
                wrapped and not any(w.text.endswith(":") for w in line.words)
            ):
                described += line.words
        if not described:
            continue
        cells: dict[str, list[Word]] = {"description": described, "amount": [amount_word]}
        cells["quantity"] = [found["quantity"]]
        if per == 1:
            cells["unit_price"] = [found["unit_price"]]  # a price per 100 or 1000 units is no unit price
        used = {w.bbox for w in found.values()}
        words = [w for line in body[: at + 1] for w in joined_thousands(line.words)]
        for k, word in enumerate(words):
            if word.bbox in used:
                continue
            # a code that reads as a number may be one of the card's values: not the SKU
            if "sku" not in cells and CODE.match(word.text) and word_number(word, number_hint) is None:
                cells["sku"] = [word]
            elif k and words[k - 1].bbox == found["quantity"].bbox and UNIT.match(word.text) and word.text != currency:
                cells["unit"] = [word]
        line = lines[i]
        rows.append(RowDraft(view.page.number, cells, body[at].bottom, tuple(cells), (), line))
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
