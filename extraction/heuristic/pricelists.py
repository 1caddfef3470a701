"""Price lists printed as tables whose captions name nothing known (a contract's fee schedule, a milestone plan):
found by alignment, not words. A run of consecutive lines that each end in one money amount, the amounts
right-aligned on one edge and the lines' first words left-aligned, under a line of two or more captions without
numbers, is a table; its captions only tell where its columns start. Each column's role comes from what it holds:
the longest text that differs from row to row describes the item (a tier's words where the longest holds its
terms, '8 hours'), short text after it is the unit it is charged per, dates and short codes are read but not
reported (a milestone's target date, its 'M1'), and the amount is the price.
"""

from __future__ import annotations

import itertools
import re
from decimal import Decimal
from functools import lru_cache
from statistics import median

from babel.numbers import get_currency_precision, list_currencies

from extraction.document import Word
from extraction.heuristic.parts import PageView, RowDraft
from extraction.heuristic.vocabulary import MONEY_TOKEN, TOTALS_LINE
from extraction.layout import Line, joined_thousands, split_phrases
from extraction.normalize import CURRENCY, parse_amount, parse_date

PER = re.compile(r"^(?:per|/|je|par|por|pro|pour|para|each)$", re.IGNORECASE)  # 'per day', 'je Stunde'

# a price quoted to four places ('1.4098', '0,5278' per item of a tiered tariff): no thousands group has four digits
PRECISE = re.compile(r"^\d{1,3}[.,]\d{4}$")


# a price of a currency printed without cents, thousands grouped ('15.699', '88 878' in Albanian lek)
GROUPED_WHOLE = re.compile(r"^\d{1,3}(?:([.,' ])\d{3})(?:\1\d{3})*$")


def _money(word: Word) -> bool:
    return bool(MONEY_TOKEN.match(word.text) or PRECISE.match(word.text))


def whole_currency(views: list[PageView]) -> bool:
    """Whether the document's prices are whole: the currency codes it prints (ISO 4217, Babel's list) all count
    no minor unit in CLDR ('ALL', 'HUF', 'JPY'), so '15.699' groups thousands (in 'KWD' it has three decimals)."""
    known = _currencies()
    codes = {w.text.strip(".,;:()") for view in views for line in view.lines for w in line.words}
    printed = codes & known
    return bool(printed) and all(get_currency_precision(code) == 0 for code in printed)


@lru_cache(maxsize=1)
def _currencies() -> frozenset[str]:
    return frozenset(list_currencies())


def _whole(word: Word) -> Word | None:
    """A whole price grouped by thousands as its digits ('15.699' -> '15699'), else None."""
    if not GROUPED_WHOLE.match(word.text):
        return None
    return Word(re.sub(r"\D", "", word.text), word.bbox, word.confidence)


def _revision(old: Word, new: Word, number_hint: str | None) -> bool:
    """Two amounts side by side that are versions of one price (a previous and a revised rate): within a quarter
    of each other. An overtime rate (a half more), a half-day rate or a minimum charge beside a rate is none."""
    before, after = (parse_amount(re.sub(r"[^\d.,' ]", "", w.text), number_hint) for w in (old, new))
    return bool(before and after and before > 0 and Decimal("0.8") < after / before < Decimal("1.25"))


def _first_of_indexed(words: list[Word], number_hint: str | None, whole: bool) -> list[Word]:
    """A rate's row ending in three amounts or more, each the one before raised by one rate ('29,810.04  30,555.29
    31,319.17': a first year's rate and the next years' indexed at 2.5 %): the row up to its first amount, the rate
    that holds now (two amounts alone may be an offered and an agreed rate, ``_revision``)."""
    values: list[Decimal] = []
    start = len(words)
    while start > 1:
        word = words[start - 1]
        shown = word if _money(word) else _whole(word) if whole else None
        value = None if shown is None else parse_amount(re.sub(r"[^\d.,' ]", "", shown.text), number_hint)
        if value is None or value <= 0:
            break
        values.insert(0, value)
        start -= 1
    if len(values) < 3:
        return words
    ratios = [after / before for before, after in itertools.pairwise(values)]
    if all(Decimal("1") < r < Decimal("1.25") for r in ratios) and max(ratios) - min(ratios) < Decimal("0.005"):
        return words[: start + 1]
    return words


def _priced(
    line: Line, number_hint: str | None, rates: bool = False, whole: bool = False
) -> tuple[Word, list[Word]] | None:
    """(the amount, the words before it) of a line ending in one money amount set apart from its text; in a list
    of ``rates``, where it ends in two that are a previous and a revised version of one rate, the later one, the
    rate in force (an order's price and amount alike are no versions of one another); in a currency of ``whole``
    prices, one grouped by thousands without cents."""
    words = joined_thousands(line.words)
    if rates:
        words = _first_of_indexed(words, number_hint, whole)
    if whole and words and (digits := _whole(words[-1])) is not None and not any(map(_money, words)):
        words = [*words[:-1], digits]
        return (digits, words[:-1]) if len(words) >= 2 and not TOTALS_LINE.match(line.text) else None
    while words and CURRENCY.match(words[-1].text):
        words = words[:-1]
    if (
        rates
        and len(words) >= 3
        and _money(words[-1])
        and _money(words[-2])
        and _revision(words[-2], words[-1], number_hint)
    ):
        words = [*words[:-2], words[-1]]
    if len(words) < 2 or sum(_money(w) for w in words) != 1:
        return None
    money = words[-1]
    if not _money(money) or parse_amount(re.sub(r"[^\d.,' ]", "", money.text), number_hint) is None:
        return None
    before = [w for w in words[:-1] if not CURRENCY.match(w.text)]
    if not before or TOTALS_LINE.match(line.text):
        return None
    return money, before


def _noted(line: Line, number_hint: str | None, width: float) -> tuple[tuple[Word, list[Word]], float] | None:
    """A rate's row whose price is followed by cells of another kind (the date it applies from, a remark): the
    row up to its price read as ``_priced`` does, and where the cells after it start."""
    words = joined_thousands(line.words)
    money = [k for k, w in enumerate(words) if _money(w)]
    if len(money) != 1:
        return None
    end = money[0] + 1
    while end < len(words) and CURRENCY.match(words[end].text):
        end += 1
    after = words[end:]
    if not after or after[0].bbox[0] - words[end - 1].bbox[2] < width:
        return None  # a price's unit or its sentence goes on ('1,200.00 per day'): no cells after it
    found = _priced(Line(words[:end]), number_hint, rates=True)
    return None if found is None else (found, after[0].bbox[0])


def _header_above(view: PageView, index: int) -> list[float] | None:
    """Where the captions of the line above row ``index`` start, when it reads as a table's header."""
    if index == 0:
        return None
    above, first = view.lines[index - 1], view.lines[index]
    # a caption's digits name a year or a period ('Year 1 (2026)'); an amount there is a row's
    if first.top - above.bottom > 2.5 * first.height or any(_money(w) for w in above.words):
        return None
    phrases = split_phrases(above, view.char_width)
    return [p.words[0].bbox[0] for p in phrases] if len(phrases) >= 2 else None


def _wraps_on(view: PageView, index: int, row: tuple[Word, list[Word]]) -> bool:
    """Line ``index`` carries on the priced row above it: close under it, no amount, its words starting where the
    row's text starts and ending before the row's amount."""
    line, above = view.lines[index], view.lines[index - 1]
    money, before = row
    return (
        line.top - above.bottom < 0.8 * max(line.height, above.height)
        and abs(line.words[0].bbox[0] - before[0].bbox[0]) <= 1.5 * view.char_width
        and line.words[-1].bbox[2] < money.bbox[0]
        and not any(_money(w) for w in line.words)
    )


def _is_date(words: list[Word]) -> bool:
    return parse_date(" ".join(w.text for w in words)) is not None


class AlignedPriceLists:
    def _aligned_price_lists(self, views: list[PageView], number_hint: str | None, role: str) -> list[RowDraft]:
        """The rows of every such list; ``role`` names what the amounts are ('amount' on an order's lump sums)."""
        rows: list[RowDraft] = []
        whole = role == "unit_price" and whole_currency(views)
        for view in views:
            rows += self._price_lists_on(view, number_hint, role, whole)
        return rows

    def _price_lists_on(self, view: PageView, number_hint: str | None, role: str, whole: bool) -> list[RowDraft]:
        width = view.char_width
        rates = role == "unit_price"
        priced = {i: found for i, line in enumerate(view.lines) if (found := _priced(line, number_hint, rates, whole))}
        after: dict[int, float] = {}  # where the cells after a rate's price start (its date, a remark)
        for i, line in enumerate(view.lines):
            if rates and i not in priced and (noted := _noted(line, number_hint, width)) is not None:
                priced[i], after[i] = noted
        rows: list[RowDraft] = []
        index = 0
        while index < len(view.lines):
            run: list[int] = []
            wraps: dict[int, list[Word]] = {}  # a row's text wrapped onto the line under it
            at = index
            # a wrapped line between two rows, or one under the last row (kept only where it stays in the
            # description's column: a note under the table spans the others)
            while (
                at in priced
                or run
                and (at + 1 in priced or at - 1 == run[-1] < len(view.lines) - 1)
                and _wraps_on(view, at, priced[run[-1]])
            ):
                if at in priced:
                    run.append(at)
                else:
                    wraps.setdefault(run[-1], []).extend(view.lines[at].words)
                at += 1
            index = max(at, index + 1)
            if len(run) < 2:
                continue
            edges = [priced[i][0].bbox[2] for i in run]
            starts = [priced[i][1][0].bbox[0] for i in run]
            if max(edges) - min(edges) > 1.5 * width or max(starts) - min(starts) > 1.5 * width:
                continue
            captions = _header_above(view, run[0])
            if captions is None:
                continue
            # cells after the price make columns of their own: aligned on every row, under the header's captions
            cells_at = [after[i] for i in run if i in after]
            captioned = view.lines[run[0] - 1].words[-1].bbox[2] > min(cells_at, default=1.0)
            if cells_at and (max(cells_at) - min(cells_at) > 1.5 * width or not captioned):
                continue
            rows += self._rows_of(view, run, priced, captions, role, wraps)
        return rows

    @staticmethod
    def _rows_of(
        view: PageView,
        run: list[int],
        priced: dict[int, tuple[Word, list[Word]]],
        captions: list[float],
        role: str,
        wraps: dict[int, list[Word]],
    ) -> list[RowDraft]:
        width = view.char_width

        def caption_of(word: Word) -> int:  # the last caption starting at or before the word
            return max((c for c, x in enumerate(captions) if x <= word.bbox[0] + width), default=0)

        table: list[dict[int, list[Word]]] = []
        for i in run:
            cells: dict[int, list[Word]] = {}
            for word in priced[i][1]:
                cells.setdefault(caption_of(word), []).append(word)
            table.append(cells)
        columns = sorted({c for cells in table for c in cells})
        texts = {c: [" ".join(w.text for w in cells.get(c, [])) for cells in table] for c in columns}
        full = [c for c in columns if all(texts[c]) and not all(_is_date(cells[c]) for cells in table)]
        if not full:
            return []
        # the description tells the rows apart in words: not a tier's bounds ('1 - 25'), not a unit the same on
        # every row ('user/month'), however long; a one-letter step ('A') names too little, its range describes it
        telling = [
            c
            for c in full
            if len(set(texts[c])) > 1
            and all(re.search(r"[^\W\d_]", t) for t in texts[c])
            and median(len(t) for t in texts[c]) >= 4
        ]
        description = max(telling or full, key=lambda c: median(len(t) for t in texts[c]))
        named = [c for c in telling if not any(re.search(r"\d", t) for t in texts[c])]
        if named and all(re.search(r"\d", t) for t in texts[description]):
            # a tier's terms ('8 hours, 12x6', '1 - 25') on every row beside a column of words: the words name it
            description = max(named, key=lambda c: median(len(t) for t in texts[c]))
        if median(len(t) for t in texts[description]) < 4:
            return []
        worded = [
            c
            for c in full
            if c > description
            and all(len(t.split()) <= 3 and len(t) <= 16 and re.search(r"[^\W\d_]", t) for t in texts[c])
        ]
        # of two short columns ('L3' | 'day'), the one of words is the unit charged per; a code of letter and digit
        # is a grade or a milestone's mark
        unit = next(
            (c for c in worded if not any(re.search(r"\d", t) for t in texts[c])), worded[0] if worded else None
        )
        rows = []
        for i, cells in zip(run, table, strict=True):
            wrapped = [w for w in wraps.get(i, []) if caption_of(w) == description]
            if i == run[-1] and len(wrapped) < len(wraps.get(i, [])):
                wrapped = []
            drafted: dict[str, list[Word]] = {"description": cells[description] + wrapped, role: [priced[i][0]]}
            if unit is not None:
                per = role == "unit_price" and len(cells[unit]) == 2 and PER.match(cells[unit][0].text)
                drafted["unit"] = cells[unit][1:] if per else cells[unit]  # 'per day': the unit is the day
            line = view.lines[i]
            rows.append(RowDraft(view.page.number, drafted, line.bottom, tuple(drafted), (), line))
        return rows
