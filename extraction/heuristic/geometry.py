"""Tables whose header words name nothing known: columns from where the values stand and what they hold.

A line-item row shows itself by arithmetic: three of its numbers make quantity x price = amount (after a
percentage discount where one is printed). The rows that do so fix the numeric columns (the x-span of their
quantities, prices and amounts); the text beside them, clustered by where it starts, gives the text columns,
whose role comes from what they hold: codes (digits and letters, no spaces) are the SKU, short repeated words the
unit, the longest text the description. A percentage that the arithmetic needs is a discount, else a tax rate;
small whole numbers counting up at the left number the lines. No caption is read, so captions in any language
(or none) do.
"""

from __future__ import annotations

import itertools
import re
from collections.abc import Callable
from decimal import Decimal
from statistics import median

from extraction.checks import PRICE_UNITS
from extraction.document import BBox, Word
from extraction.heuristic.parts import Column, PageView, arithmetic_fits, number
from extraction.layout import Line, joined_thousands, split_phrases
from extraction.normalize import iso_codes, parse_amount, parse_currency, parse_date
from extraction.result import PRICED

CENTS = re.compile(r"[.,]\d{2}\)?$")
_THREE_PLACES = re.compile(r"[.,]\d{3}\)?$")
# a unit price's places: cents, or three or four decimals ('2\'089.416', '19,229.4087')
PRICE_PLACES = re.compile(r"[.,]\d{2,4}\)?$")


def _minor_units(word: Word, value: Decimal) -> bool:
    """A money value printed with its minor units: two places ('12,50'), or three that the page's number format
    reads as decimals ('931,692' of a currency with three: dinars, rials), never as a thousands group."""
    return bool(CENTS.search(word.text)) or bool(_THREE_PLACES.search(word.text)) and value.as_tuple().exponent == -3


ZERO_LED = re.compile(r"^0\d")
CODE = re.compile(r"^(?=.*\d)[A-Za-z0-9][A-Za-z0-9./#_-]{2,}$")  # 'MAT-0267558', '347-6970-62', 'PN343903'
DASH = re.compile(r"^[-–—]$")  # an empty cell
LEADER = re.compile(r"^[.·_…]{3,}$")  # leader dots after a text: no cell
# a unit of measure in any alphabet ('EA', 'pár', 'Stück', 'm²'), squared or cubed with a digit ('M2', 'm3')
UNIT = re.compile(r"^[^\W\d_](?:[^\W\d_]|[./²³]){0,14}[23]?$")


RULE = re.compile(r"^[|¦‖│┃]+$")  # a ruled table's vertical lines read as characters (gridlines, OCR)


def joined_percents(line: Line) -> Line:
    """'10 %' printed with a space before the sign (French, Polish typography) as one word '10%', so a discount or
    tax rate column holds percentages whatever the typesetting; a gridline read as a character ('|') is no word of
    a cell."""
    out: list[Word] = []
    for word in line.words:
        if RULE.match(word.text) and len(line.words) > 1:
            continue
        last = out[-1] if out else None
        if (
            word.text == "%"
            and last is not None
            and re.fullmatch(r"\d{1,3}(?:[.,]\d{1,3})?", last.text)
            and word.bbox[0] - last.bbox[2] < 1.5 * (last.bbox[2] - last.bbox[0]) / len(last.text)
        ):
            box = (last.bbox[0], min(last.bbox[1], word.bbox[1]), word.bbox[2], max(last.bbox[3], word.bbox[3]))
            out[-1] = Word(last.text + "%", box, min(last.confidence, word.confidence))
        else:
            out.append(word)
    return line if len(out) == len(line.words) or not out else Line(out)


def word_number(word: Word, number_hint: str | None) -> Decimal | None:
    """The number a word prints ('1.234,50', '15%') by the page's number convention; None for a word with letters."""
    if re.search(r"[A-Za-z]", word.text):
        return None
    return parse_amount(word.text.rstrip("%"), number_hint)


def row_arithmetic(line: Line, number_hint: str | None, whole: bool = False) -> dict[str, Word] | None:
    """The quantity, price and amount words of a line whose numbers multiply out (and the discount they need).

    The amount is a money value (with cents, or ``whole`` on a page whose money prints none: forints, yen); of the
    pairs before it, the nearest that fits wins.
    """
    # a number led by a zero ('01', '007': a postal district, a code) is no quantity, price or amount
    words = [w for w in joined_thousands(line.words) if not ZERO_LED.match(w.text)]
    numbers = [(w, v) for w in words if (v := word_number(w, number_hint)) is not None]
    if len(numbers) < 3:
        return None
    percents = [(w, v) for w, v in numbers if w.text.endswith("%")]
    plain = [(i, w, v) for i, (w, v) in enumerate(numbers) if not w.text.endswith("%")]
    # the amount after its quantity and price first (the common order), then anywhere ('Qty Amount Price')
    # a currency without minor units (forints, yen) prints whole amounts: on a line with no cents anywhere, a whole
    # amount of at least three digits counts too, only when its quantity and price multiply out to it exactly
    # (a quantity printing decimals, '10.95 kg', may be its only number that looks like cents)
    line_cents = [w for _, w, _ in plain if CENTS.search(w.text)]
    found = _fitting(plain, percents, True, whole, line_cents) or _fitting(plain, percents, False, whole, line_cents)
    if found is None or CENTS.search(found["amount"].text):
        return found
    # a whole 'amount' may be a date's year, and its day the quantity ('1 de agosto de 2024 5 de agosto de 2024': 1 x
    # 2024 = 2024): the numbers of the line's dates are no row's; the line is read again without them
    dated = _date_words(words)
    if not dated:
        return found
    rest = [(i, w, v) for i, w, v in plain if id(w) not in dated]
    return _fitting(rest, percents, True, whole, line_cents) or _fitting(rest, percents, False, whole, line_cents)


def _date_words(words: list[Word]) -> set[int]:
    """Ids of the words that print a date with its year ('5 de agosto de 2024', '12 March 2025'): two to five words
    that read as one."""
    out: set[int] = set()
    for start in range(len(words)):
        for size in (5, 4, 3, 2):
            span = words[start : start + size]
            text = " ".join(w.text for w in span)
            if len(span) == size and re.search(r"\b\d{4}\b", text) and parse_date(text) is not None:
                out |= {id(w) for w in span}
                break
    return out


def _fitting(
    plain: list[tuple[int, Word, Decimal]],
    percents: list[tuple[Word, Decimal]],
    after: bool,
    whole: bool = False,
    line_cents: list[Word] | None = None,
) -> dict[str, Word] | None:
    """Quantity, price and amount among ``plain`` numbers that multiply out; ``after``: the amount right of both.
    The simplest reading first: straight, less a discount rate, per 10/100/1000 units; then with the numbers
    printed between the price and the amount that the line's pricing needs (a discount amount, a net price, the
    tax rate of an amount printed with its tax). A whole amount counts on a ``whole`` page (a text layer whose money
    prints no cents) or, straight and of three digits or more, on a line with no cents (``line_cents``, the words
    shaped like them, empty) but for the quantity or the price it multiplies (a quantity with decimals)."""
    line_cents = line_cents or []
    for extended in (False, True):
        for a_index in range(len(plain) - 1, 1 if after else -1, -1):
            _, amount_word, amount = plain[a_index]
            cents = _minor_units(amount_word, amount)
            # ``whole``: a text layer whose money prints no cents at all; else a whole amount only on a line with no
            # cents anywhere, of three digits or more, and only straight (no extended pricing)
            if amount <= 0 or not (cents or whole) and (extended or len(line_cents) > 1 or amount < 100 or amount % 1):
                continue
            others = range(a_index) if after else [i for i in range(len(plain)) if i != a_index]
            pairs = sorted(itertools.permutations(others, 2), key=lambda qp: -(qp[0] + qp[1]))
            for q_index, p_index in pairs:
                (_, q_word, qty), (_, p_word, price) = plain[q_index], plain[p_index]
                if qty <= 0 or price <= 0 or (qty == 1 and p_index < q_index):
                    continue
                if cents and not _minor_units(p_word, price) and CENTS.search(q_word.text) and qty != amount:
                    # the price shows cents where the quantity shows none, not the other way round (where the money
                    # prints whole, the decimals are the quantity's)
                    continue
                found = {"quantity": q_word, "unit_price": p_word, "amount": amount_word}
                values: dict[str, Decimal | None] = {"quantity": qty, "unit_price": price, "amount": amount}
                between = [(i, w, v) for i, w, v in plain[p_index + 1 : a_index] if w is not q_word]
                if extended:
                    rest = [n for i, n in enumerate(plain) if i not in (q_index, p_index, a_index)]
                    extra = _priced_with(values, between, rest, percents)
                else:
                    # the price unit may stand between the quantity and the price too ('Qty | per | Price')
                    units = [(i, w, v) for i, w, v in plain[min(q_index, p_index) + 1 : a_index] if i != p_index]
                    extra = _priced_simply(values, units if q_index < p_index else between, percents)
                # a whole amount off a line with cents: only those of the quantity or the price it multiplies
                rounded = all(w is q_word or w is p_word for w in line_cents) and _whole_product(qty, price, amount)
                if extra is not None and (cents or whole or not extra and rounded):
                    return _list_price({**found, **extra}, plain, percents)
    return None


def _whole_product(qty: Decimal, price: Decimal, amount: Decimal) -> bool:
    """A whole amount that is qty x price: exactly, or rounded to the whole unit where a quantity with decimals
    times a whole price (either way round: their columns tell the two apart) leaves a fraction the currency does
    not print (68.1 x 132,784 = 9,042,590.4 printed 9,042,590)."""
    product = qty * price
    fractions = (qty % 1 != 0) + (price % 1 != 0)
    return product == amount or fractions == 1 and abs(product - amount) <= Decimal("0.5")


def _list_price(
    found: dict[str, Word], plain: list[tuple[int, Word, Decimal]], percents: list[tuple[Word, Decimal]]
) -> dict[str, Word]:
    """The other numbers of a discounted line that agree with its reading, so that the table gets their columns:
    a price that multiplied out straight while another number less a discount rate gives it is the net price (the
    other the list price); a discount rate read, the net price and the discount amount it gives; a discount
    amount read, the rate that gives it."""
    value = {id(w): v for _, w, v in plain} | {id(w): v for w, v in percents}
    cents = Decimal("0.011")
    taken = {id(w) for w in found.values()}
    if "_discount" not in found and "_net" not in found and "_off" not in found:
        # qty x price reads both ways: a 'quantity' that another number of the line less a discount rate gives is
        # the net price, and the 'price' the quantity
        counted = value[id(found["quantity"])]
        for _, word, list_price in plain:
            if (
                PRICE_PLACES.search(found["quantity"].text)  # a count printed whole ('1') is no price
                and id(word) not in taken
                and PRICE_PLACES.search(word.text)
                and any(d and abs(list_price * (1 - d / 100) - counted) <= cents for _, d in percents)
            ):
                found = {**found, "quantity": found["unit_price"], "unit_price": found["quantity"]}
                break
        net = value[id(found["unit_price"])]
        for _, word, list_price in plain:
            if id(word) in taken or not PRICE_PLACES.search(word.text):
                continue
            rate = next((w for w, d in percents if d and abs(list_price * (1 - d / 100) - net) <= cents), None)
            if rate is not None and id(rate) not in taken:
                found = {**found, "unit_price": word, "_net": found["unit_price"], "_discount": rate}
                taken = {id(w) for w in found.values()}
                break
    price, qty = value[id(found["unit_price"])], value[id(found["quantity"])]
    per = value[id(found["_per"])] if "_per" in found else Decimal(1)
    base = qty * price / per
    if "_discount" not in found and "_off" in found:
        off = value[id(found["_off"])]
        rate = next((w for w, d in percents if id(w) not in taken and d and abs(base * d / 100 - off) <= cents), None)
        if rate is not None:
            found = {**found, "_discount": rate}
    if "_discount" in found:
        discount = value[id(found["_discount"])]
        for _, word, number in plain:
            if id(word) in taken or not PRICE_PLACES.search(word.text):
                continue
            if "_net" not in found and abs(price * (1 - discount / 100) - number) <= cents:
                found = {**found, "_net": word}
            elif "_off" not in found and CENTS.search(word.text) and abs(base * discount / 100 - number) <= cents:
                found = {**found, "_off": word}
    return found


def _priced_simply(
    values: dict[str, Decimal | None], between: list[tuple[int, Word, Decimal]], percents: list[tuple[Word, Decimal]]
) -> dict[str, Word] | None:
    """Straight, less one discount rate, or per 10/100/1000 units printed between the price and the amount."""
    if arithmetic_fits({**values, "_discount": None}):
        return {}
    for d_word, discount in percents:
        if discount and arithmetic_fits({**values, "_discount": discount}):
            return {"_discount": d_word}
    for _, per_word, per in between:
        if per in PRICE_UNITS and arithmetic_fits({**values, "_per": per}):
            return {"_per": per_word}
    return None


def _priced_with(
    values: dict[str, Decimal | None],
    between: list[tuple[int, Word, Decimal]],
    rest: list[tuple[int, Word, Decimal]],
    percents: list[tuple[Word, Decimal]],
) -> dict[str, Word] | None:
    """The pricing of a line that prints more than a price: per so many units, less a discount rate or a
    discount amount, plus a tax rate (gross amounts), in any combination; or a net price after the discount rate
    (then the price is the list price and the net one multiplies out). Numbers of the line only: the discount
    amount and the net price stand between the price and the amount, the per units and the rates anywhere."""
    qty, price = values["quantity"], values["unit_price"]
    assert qty is not None and price is not None
    pers: list[tuple[Word | None, Decimal]] = [(None, Decimal(1))]
    pers += [(w, v) for _, w, v in rest if v in PRICE_UNITS]
    rates: list[tuple[Word | None, Decimal]] = [(None, Decimal(0)), *((w, v) for w, v in percents if v)]
    offs = [(w, v) for _, w, v in between if CENTS.search(w.text) and v > 0]
    for (per_word, per), (d_word, discount), (t_word, tax) in itertools.product(pers, rates, rates):
        if t_word is not None and t_word is d_word:
            continue
        words = {"_per": per_word, "_discount": d_word, "tax_rate": t_word}
        numbers = {"_per": per if per_word else None, "_discount": discount or None, "tax_rate": tax or None}
        if arithmetic_fits({**values, **numbers}) and (per_word or d_word or t_word):
            return {k: w for k, w in words.items() if w is not None}
        for o_word, off in offs:
            if o_word is per_word:
                continue
            if arithmetic_fits({**values, **numbers, "_discount": None, "_off": off}) and off < qty * price / per:
                found = {"_per": per_word, "tax_rate": t_word, "_off": o_word}
                return {k: w for k, w in found.items() if w is not None}
            if discount and abs(price * (1 - discount / 100) - off) <= Decimal("0.011"):
                net = {**values, **numbers, "_discount": None, "_net": off}
                if arithmetic_fits(net):
                    return {k: w for k, w in {**words, "_net": o_word}.items() if w is not None}
    return None


def _whole_money(lines: list[Line], number_hint: str | None) -> bool:
    """Whether a page prints its money whole: no number on it shows cents, and some show their thousands (apart
    by a space, a dot or a comma), as amounts worth reading in a currency without minor units do."""
    numbers = [
        w.text for line in lines for w in joined_thousands(line.words) if word_number(w, number_hint) is not None
    ]
    return not any(CENTS.search(text) for text in numbers) and any(
        re.fullmatch(r"\d{4,}|\d{1,3}(?:[.,']\d{3})+", text) for text in numbers
    )


def _opens_a_phrase(words: list[Word], index: int, char_width: float) -> bool:
    """Whether the number at ``index`` starts a phrase of text: the words set a space after it, up to the next
    tab stop, are two or more or go on past a comma ('8 hours, 12x6'); a count's own cell holds at most its unit
    ('12 pcs')."""
    phrase: list[Word] = []
    for word in words[index + 1 :]:
        if word.bbox[0] - (phrase[-1] if phrase else words[index]).bbox[2] >= 1.5 * char_width:
            break
        phrase.append(word)
    return bool(phrase) and (len(phrase) >= 2 or phrase[0].text.endswith((",", ";")))


def _counted_amounts(
    lines: list[Line], number_hint: str | None, char_width: float
) -> list[tuple[int, dict[str, Word]]]:
    """Rows of a table without prices: on each, a count (no cents) right before a money amount (with cents), the
    counts and the amounts each right-aligned in a column down at least two lines, text before them."""
    found: list[tuple[int, dict[str, Word]]] = []
    for index, line in enumerate(lines):
        words = joined_thousands(line.words)
        # a rate after the amount (a discount, a tax rate) is none of the two
        numbers = [(i, w) for i, w in enumerate(words) if word_number(w, number_hint) is not None and "%" not in w.text]
        if len(numbers) < 2:
            continue
        (c_index, count), (_, amount) = numbers[-2], numbers[-1]
        if not CENTS.search(amount.text) or CENTS.search(count.text):
            continue
        if c_index and count.bbox[0] - words[c_index - 1].bbox[2] < 1.5 * char_width:
            continue  # a count stands in a cell of its own: '2024' of 'May 23, 2024' is a date's
        if _opens_a_phrase(words, c_index, char_width):
            continue  # '8 hours, 12x6': a number that a phrase of words goes on from is the text's
        if not any(re.search(r"[A-Za-z]{3}", w.text) for w in words[:c_index]):
            continue  # the description comes first ('8.2 Translation services - USD 24260.00' is a clause)
        found.append((index, {"quantity": count, "amount": amount}))
    if len(found) < 2:
        return []
    for role in ("quantity", "amount"):
        if len(found) < 2:
            return []  # two rows far apart leave none at their median's edge: no column
        edge = median(f[role].bbox[2] for _, f in found)
        found = [(i, f) for i, f in found if abs(f[role].bbox[2] - edge) < 1.5 * char_width]
    return found if len(found) >= 2 else []


Cell = list[Word]


def _clustered(cells: list[Cell], char_width: float, is_number: Callable[[Cell], bool]) -> list[list[Cell]]:
    """Cells (left to right) in groups: a cell joins the group whose last cell starts within a character and a
    half of it, or, two short numbers, ends there."""
    groups: list[list[Cell]] = []
    for cell in sorted(cells, key=lambda c: c[0].bbox[0]):
        for group in reversed(groups[-3:]):
            last = group[-1]
            left = abs(cell[0].bbox[0] - last[0].bbox[0]) < 1.5 * char_width
            # short numbers, or amounts (cents) and dashes (empty cells) of a right-aligned money column
            short = (
                is_number(cell)
                and is_number(last)
                and all(len(c[0].text) <= 6 or CENTS.search(c[0].text) for c in (cell, last))
            )
            if left or short and abs(cell[-1].bbox[2] - last[-1].bbox[2]) < 1.5 * char_width:
                group.append(cell)
                break
        else:
            groups.append([cell])
    return groups


def _flush_right(groups: list[list[Cell]], char_width: float, enough: float) -> list[list[Cell]]:
    """Groups (left to right) with a column printed flush right joined: descriptions that end on one edge start
    wherever their length takes them, so no left edge gathers them; groups too small to be a column whose cells
    all end on one edge, together as many cells as a column holds, are that column."""
    edges: list[tuple[float, list[list[Cell]]]] = []
    for group in groups:
        ends = [cell[-1].bbox[2] for cell in group]
        if len(group) >= enough or max(ends) - min(ends) >= 1.5 * char_width:
            continue
        edge = median(ends)
        same = next((members for at, members in edges if abs(at - edge) < 1.5 * char_width), None)
        if same is None:
            edges.append((edge, [group]))
        else:
            same.append(group)
    joined = [members for _, members in edges if len(members) > 1 and sum(map(len, members)) >= enough]
    if not joined:
        return groups
    taken = {id(group) for members in joined for group in members}
    out = [group for group in groups if id(group) not in taken]
    out += [sorted((cell for group in members for cell in group), key=lambda c: c[0].bbox[1]) for members in joined]
    return sorted(out, key=lambda group: min(cell[0].bbox[0] for cell in group))


def _worded(group: list[list[Word]]) -> bool:
    """A column of words (a description's), not of codes or numbers: most cells hold a word of three letters."""
    return 2 * sum(any(re.search(r"[^\W\d_]{3}", w.text) and not CODE.match(w.text) for w in ws) for ws in group) > len(
        group
    )


def _units(group: list[list[Word]]) -> bool:
    """A column of units: one short word a cell, the same words again down the column."""
    texts = [" ".join(w.text for w in ws) for ws in group]
    short = all(len(ws) == 1 and UNIT.match(t) and _unit_length(t) <= 8 for ws, t in zip(group, texts, strict=True))
    return short and len(set(texts)) < len(texts)


def _without_sidebar(groups: list[list[list[Word]]], numeric_x0: float, char_width: float) -> list[list[list[Word]]]:
    """Cell groups (left to right) less a block at the left set apart by a wide blank band: a sidebar of header
    fields whose lines fall on the rows' lines. Only while a column of words still stands before the numbers, so
    a table's own first column (a description far from its codes and quantities, a description of one word)
    stays; and a column of codes, one a row (article numbers spaced out across a wide page), is the table's own."""
    while len(groups) > 1:
        if sum(len(ws) == 1 and bool(CODE.match(ws[0].text)) for ws in groups[0]) >= 0.8 * len(groups[0]) >= 1.6:
            break
        if not any(_worded(g) and not _units(g) for g in groups[1:] if min(ws[0].bbox[0] for ws in g) < numeric_x0):
            break  # a column of units ('pcs', 'kg' again and again) describes no goods: the left block does
        right_edge = max(ws[-1].bbox[2] for ws in groups[0])
        next_x0 = min(ws[0].bbox[0] for ws in groups[1])
        if next_x0 - right_edge <= 12 * char_width or next_x0 >= numeric_x0:
            break
        groups = groups[1:]
    return groups


def money_mark(text: str) -> bool:
    """A currency's mark or code alone ('CHF', '€'), no amount."""
    return bool(parse_currency(text)) and not re.search(r"\d", text) or text in iso_codes()


def _named_goods(line: Line, column: Column, found: dict[str, Word], char_width: float) -> bool:
    """A word of three letters (no code, no currency, no unit set right after the row's quantity: '6 pack') on
    ``line`` within ``column``'s span: goods named on the row's own line."""
    return any(
        column.x0 - 0.005 <= w.bbox[0] and w.bbox[2] <= column.x1 + 0.005
        for w in line.words
        if re.search(r"[^\W\d_]{3}", w.text)
        and not CODE.match(w.text)
        and not money_mark(w.text)
        and not _unit_beside(w, found, char_width)
    )


def _short_unit(text: str) -> bool:
    """A unit's word: letters, six at most, no currency's mark ('pcs', 'pair', 'Stk.', not 'USD')."""
    return UNIT.match(text) is not None and len(text) <= 6 and not money_mark(text)


def _unit_column(column: Column, anchors: list[tuple[int, dict[str, Word]]], lines: list[Line]) -> bool:
    """A column right of every row's quantity holding one short word of letters on each row's line ('ea', 'box',
    'pair'): the rows' units, set apart from their quantities, no goods named on the numbers' line."""
    cells = [
        [w for w in lines[i].words if column.x0 - 0.005 <= w.bbox[0] and w.bbox[2] <= column.x1 + 0.005]
        for i, _ in anchors
    ]
    return (
        bool(anchors)
        and all(len(cell) == 1 and _short_unit(cell[0].text) for cell in cells)
        and all("quantity" in found and column.x0 > found["quantity"].bbox[2] for _, found in anchors)
    )


def _unit_beside(word: Word, found: dict[str, Word], char_width: float) -> bool:
    """A unit's word set right after the row's quantity ('6 pack', '24 000 set'; before the quantity and the price
    are told apart by their columns, either of the two)."""
    counts = [found[name] for name in ("quantity", "unit_price") if name in found]
    return UNIT.match(word.text) is not None and any(0 <= word.bbox[0] - n.bbox[2] < 2 * char_width for n in counts)


def _numbered_row(line: Line, found: dict[str, Word]) -> bool:
    """A row of an order without captions: it opens with a line number ('1', '10', '1.1') or an article's code of
    letters and digits ('MD-433505', '(DR-184222)'), a description's word follows before the quantity, and the
    amount is the line's last number."""
    words = line.words
    first = words[0].text.strip("()[]")
    if not (re.fullmatch(r"\d{1,3}(\.\d{1,2})?\.?", first) or CODE.match(first) and re.search(r"[A-Za-z]", first)):
        return False
    quantity, amount, price = found.get("quantity"), found.get("amount"), found.get("unit_price")
    if quantity is None or amount is None:
        return False
    if price is not None and CENTS.search(quantity.text) and CENTS.search(price.text):
        return False  # two money-shaped numbers: one row alone cannot tell the quantity from the price
    text = [w for w in words[1:] if w.bbox[2] <= quantity.bbox[0]]
    if not any(re.search(r"[^\W\d_]{3}", w.text) for w in text):
        return False
    return not any(w.bbox[0] > amount.bbox[2] and re.search(r"\d", w.text) for w in words)


def counting_up(texts: list[str], strictly: bool = False) -> bool:
    """Line numbers: small whole numbers counting up the page ('1', '2' or '10', '20'), or numbered in parts
    ('1.1', '1.2', ... '1.10', compared part by part), never down; ``strictly``: no number twice, two or more."""
    whole = all(re.fullmatch(r"\d+\.?", t) and int(t.rstrip(".")) < 10000 for t in texts)  # '00010' too
    if not whole and not all(re.fullmatch(r"\d{1,3}\.\d{1,2}\.?", t) for t in texts):
        return False  # '769.031' is a code's shape, no line number
    keys = [tuple(int(part) for part in t.rstrip(".").split(".")) for t in texts]
    if whole and (keys[0][0] >= 1000 or any(b[0] - a[0] > 100 for a, b in itertools.pairwise(keys))):
        # '4719' over '7535': article numbers in order, no count of lines (those step by 1 to 100, from below 1000)
        return False
    if strictly:
        return len(keys) >= 2 and all(a < b for a, b in itertools.pairwise(keys))
    return keys == sorted(keys)


def _fine_places(word: Word, number_hint: str | None) -> bool:
    """A value printing three or four decimals of which some are not zero ('2 079,955', '7966.1002')."""
    value = word_number(word, number_hint)
    return value is not None and value % 1 != 0 and re.search(r"[.,]\d{3,4}\)?$", word.text) is not None


def _priced_words(lines: list[Line], char_width: float) -> set[BBox]:
    """Where the numbers printed with a currency's mark stand, in the word or beside it ('$ 2,228.37', '1,407.856
    EUR'): a mark alone goes with the nearer of the numbers on either side, a number's groups joined first ('$ 2
    080,7965': the rows' numbers are joined words, told by their boxes); a mark standing apart (a currency
    column) marks none."""
    out = set()
    for line in lines:
        words = joined_thousands(line.words)
        for index, word in enumerate(words):
            if re.search(r"\d", word.text):
                if parse_currency(word.text):
                    out.add(word.bbox)
                continue
            if not money_mark(word.text):
                continue
            sides = [(word.bbox[0] - words[index - 1].bbox[2], words[index - 1])] if index else []
            sides += [(words[index + 1].bbox[0] - word.bbox[2], words[index + 1])] if index + 1 < len(words) else []
            numbers = [(gap, w) for gap, w in sides if re.search(r"\d", w.text) and gap < 2 * char_width]
            if numbers:
                out.add(min(numbers, key=lambda side: side[0])[1].bbox)
    return out


def _quantity_and_price_by_column(
    spans: dict[str, list[Word]], char_width: float, number_hint: str | None, priced: set[BBox]
) -> None:
    """qty x price reads the same both ways, so a row alone cannot tell which is which: where the rows' quantities
    and prices stand in two columns, the column printed with a currency's mark on every row (``priced``) and the
    other on none is the price; else the column printing money (cents on every row) is the price and the one
    printing whole numbers or three places on some row the quantity; where neither prints cents, a column of whole
    numbers beside one of fine prices (three or four decimals on every row) is the quantity, and a column printing
    one precision of three or four places on every row beside one whose places vary ('874.46', '59,025', '413.9')
    is the price; where both print cents, the role most of its rows gave it."""
    quantities, prices = spans.get("quantity", []), spans.get("unit_price", [])
    if not quantities or not prices:
        return
    roles = {id(w): "quantity" for w in quantities} | {id(w): "unit_price" for w in prices}
    groupings: list[list[list[Word]]] = []
    for edge in (2, 0):  # numbers aligned right, else left
        columns: list[list[Word]] = []
        for word in sorted(quantities + prices, key=lambda w: w.bbox[edge]):
            if columns and word.bbox[edge] - columns[-1][-1].bbox[edge] < 3 * char_width:
                columns[-1].append(word)
            else:
                columns.append([word])
        groupings.append(columns)
        if len(columns) == 2:
            break
    else:
        _counted_by_precision(spans, min(groupings, key=len), number_hint)
        return
    money = [all(CENTS.search(w.text) for w in column) for column in columns]
    marked = [[w.bbox in priced for w in column] for column in columns]
    share = [sum(roles[id(w)] == "quantity" for w in column) / len(column) for column in columns]
    whole = [all((v := word_number(w, number_hint)) is not None and v % 1 == 0 for w in column) for column in columns]
    fine = [all(_fine_places(w, number_hint) for w in column) for column in columns]
    places = [_places(column, number_hint) for column in columns]
    steady = [_one_fine_precision(column, number_hint) for column in columns]
    every, none = [all(m) for m in marked], [not any(m) for m in marked]
    if every[0] and none[1] or every[1] and none[0]:
        first_counts = every[1]
    elif money[0] != money[1]:
        first_counts = not money[0]
    elif not money[0] and whole[0] != whole[1] and fine[1] == whole[0] and fine[0] == whole[1]:
        first_counts = whole[0]
    elif not money[0] and not money[1] and steady[0] != steady[1] and len(places[0 if steady[1] else 1]) > 1:
        first_counts = steady[1]
    else:
        first_counts = share[0] >= share[1]
    spans["quantity"], spans["unit_price"] = columns if first_counts else columns[::-1]


def _places(column: list[Word], number_hint: str | None) -> set[int]:
    """The numbers of decimal places ``column``'s values print ('874.46' 2, '59,025' 0, '413.9' 1)."""
    return {-int(v.as_tuple().exponent) for w in column if (v := word_number(w, number_hint)) is not None}


def _one_fine_precision(column: list[Word], number_hint: str | None) -> bool:
    """A column printing one precision of three or four places on every row, some value not whole: prices."""
    places = _places(column, number_hint)
    return len(places) == 1 and min(places) >= 3 and any(_fine_places(w, number_hint) for w in column)


def _counted_by_precision(spans: dict[str, list[Word]], columns: list[list[Word]], number_hint: str | None) -> None:
    """The quantity and price words of rows standing in more than two columns (a net price on some rows, the list
    price on others): a price column prints one precision on every row, a quantity's as many places as each count
    needs. Where exactly one column's places vary and every other prints one fine precision (a column of a few
    words, a row read by another pricing, aside), a row that took its quantity from a fine column and its price
    from the varying one has the two swapped."""
    main = [column for column in columns if 4 * len(column) >= max(map(len, columns))]
    varying = [column for column in main if len(_places(column, number_hint)) > 1]
    if len(varying) != 1 or not all(_one_fine_precision(c, number_hint) for c in main if c is not varying[0]):
        return
    counts = {id(w) for w in varying[0]}
    fine = {id(w) for column in main if column is not varying[0] for w in column}
    quantities, prices = spans["quantity"], spans["unit_price"]
    if len(quantities) != len(prices):
        return
    for index, (quantity, price) in enumerate(zip(quantities, prices, strict=True)):
        if id(quantity) in fine and id(price) in counts:
            quantities[index], prices[index] = price, quantity


def _unit_length(text: str) -> int:
    """A unit's length, a unit per unit ('user/year', 'instance/year') by its longer part."""
    return max(len(part) for part in text.split("/"))


def _units_beside_quantities(texts: list[str], column: Column, quantities: list[Column], char_width: float) -> bool:
    """Units printed in the quantity's cell ('50 pc', '2 ea'), a few bare numbers among them: the quantities of
    rows whose arithmetic took other numbers for the three, left over beside the unit."""
    units = [t for t in texts if UNIT.match(t) and len(t) <= 8]
    return (
        len(units) >= 0.75 * len(texts)
        and all(UNIT.match(t) or re.fullmatch(r"\d[\d.,']*", t) for t in texts)
        and any(c.x0 - char_width <= column.x0 <= c.x1 + 4 * char_width for c in quantities)
    )


Anchor = tuple[int, dict[str, Word]]  # a row's line index and the words its arithmetic read as the three


def _set_before_units(lines: list[Line], anchors: list[Anchor], char_width: float, number_hint: str | None) -> bool:
    """Whether the rows' quantities each stand right before a word of text that ends where the others do: a
    'quantity unit' cell set right-aligned as one ('15 urupapuro', '250 joro'), whose quantities end wherever
    their unit starts, so their ragged right edges are still one column."""
    units = []
    for index, found in anchors:
        quantity, words = found.get("quantity"), lines[index].words
        if quantity is None or quantity not in words or quantity is words[-1]:
            return False
        after = words[words.index(quantity) + 1]
        if number([after], number_hint) is not None or after.bbox[0] - quantity.bbox[2] > 2 * char_width:
            return False
        units.append(after)
    edges = [w.bbox[2] for w in units]
    return len(units) >= 2 and max(edges) - min(edges) < char_width


def _free_units_in_cell(line: Line, found: dict[str, Word], char_width: float) -> dict[str, Word]:
    """The row's three with its quantity's box over the units given free printed right after it in its cell ('24
    + 2', '24 +2'): a right-aligned cell ends where the free units end, as the plain quantities on the other rows
    do, so the column spans both (measured on the charged number alone it split from them, and the plain ones
    fell under the next column)."""
    quantity = found.get("quantity")
    if quantity is None or quantity not in line.words:
        return found
    after = line.words[line.words.index(quantity) + 1 :][:2]
    texts = [w.text for w in after]
    tail = after[:1] if texts[:1] and re.fullmatch(r"\+\d+", texts[0]) else []
    tail = after if texts[:1] == ["+"] and len(texts) == 2 and re.fullmatch(r"\d+", texts[1]) else tail
    if not tail or any(b.bbox[0] - a.bbox[2] > 2 * char_width for a, b in itertools.pairwise([quantity, *tail])):
        return found
    x0, y0, _, y1 = quantity.bbox
    return {**found, "quantity": Word(quantity.text, (x0, y0, tail[-1].bbox[2], y1), quantity.confidence)}


def _crossing_anchors(anchors: list[Anchor], char_width: float) -> list[Anchor]:
    """The rows less those whose numbers multiplied out in other columns than most rows' ('1 bx  2,004.39 per
    100 = 20.04' read as 100 x 20.04 = 2,004.39: a price rounded lets the wrong triple agree): such a row's words
    stand under another role's column, and its leftovers ('1') would spoil the text columns found beside."""
    if len(anchors) < 3:
        return anchors
    spans: dict[str, tuple[float, float]] = {}
    for role in PRICED:
        words = [found[role] for _, found in anchors if role in found]
        if not words:
            continue
        # right-aligned numbers share their right edge, left-aligned ones their left
        right, left = median(w.bbox[2] for w in words), median(w.bbox[0] for w in words)
        aligned = [w for w in words if min(abs(w.bbox[2] - right), abs(w.bbox[0] - left)) < 3 * char_width] or words
        spans[role] = (min(w.bbox[0] for w in aligned), max(w.bbox[2] for w in aligned))

    def under(word: Word, span: tuple[float, float]) -> bool:
        return word.bbox[0] < span[1] + char_width and word.bbox[2] > span[0] - char_width

    def crossing(role: str, word: Word) -> bool:
        # quantity and price read the same both ways (their columns are told apart later): one family
        family = {role} | ({"quantity", "unit_price"} if role in ("quantity", "unit_price") else set())
        mine = any(under(word, span) for other, span in spans.items() if other in family)
        return not mine and any(under(word, span) for other, span in spans.items() if other not in family)

    kept = [
        (index, found)
        for index, found in anchors
        if not any(crossing(role, word) for role, word in found.items() if role in spans)
    ]
    return kept if len(kept) >= 2 else anchors


def _running_total(
    group: list[list[Word]], anchors: list[tuple[int, dict[str, Word]]], numeric: list[Column], number_hint: str | None
) -> bool:
    """A column of numbers right of the amounts that grows, down the rows, by each row's amount: a running total
    ('Acumulado', 'Carried forward'), not a value of the line. Told by arithmetic alone, never by its caption."""
    amount_column = next((c for c in numeric if c.name == "amount"), None)
    if amount_column is None or min(ws[0].bbox[0] for ws in group) <= amount_column.x1:
        return False
    amounts = [(found["amount"], word_number(found["amount"], number_hint)) for _, found in anchors]

    def row_amount(cell: Word) -> Decimal | None:
        middle = (cell.bbox[1] + cell.bbox[3]) / 2
        return next((v for w, v in amounts if w.bbox[1] <= middle <= w.bbox[3]), None)

    cells = sorted((ws[0] for ws in group if len(ws) == 1), key=lambda w: w.bbox[1])
    values = [word_number(w, number_hint) for w in cells]
    steps = fits = 0
    for word, total, before in zip(cells[1:], values[1:], values, strict=False):
        amount = row_amount(word)
        if total is None or before is None or amount is None:
            continue
        steps += 1
        fits += abs(total - before - amount) <= Decimal("0.011")
    return steps >= 1 and fits >= max(1, 0.8 * steps) and fits >= 0.5 * (len(cells) - 1)


class GeometricTables:
    """Finds a line-item table by arithmetic and layout where no header line names its columns."""

    def _geometric_header(self, view: PageView, number_hint: str | None) -> tuple[list[Column], int] | None:
        """(columns, index of the first row line) of the first table on the page whose rows multiply out."""
        anchors: list[tuple[int, dict[str, Word]]] = []
        lines = [joined_percents(line) for line in view.lines]
        for index, line in enumerate(lines):
            found = row_arithmetic(line, number_hint)
            if found is not None:
                anchors.append((index, found))
        if not anchors and view.page.source == "text" and _whole_money(lines, number_hint):
            # a currency without minor units (forints, yen): the rows' amounts print no cents, nor does the page
            # (a text layer's: on a scan OCR splits and merges the spaced thousands, and the rows mislead)
            anchors = [(i, found) for i, line in enumerate(lines) if (found := row_arithmetic(line, number_hint, True))]
            anchors = anchors if len(anchors) >= 2 else []
        if len(anchors) < 2 and not (anchors and self._lone_row_table(view, *anchors[0])):
            # no price printed: rows whose quantity and amount stand in two aligned columns
            anchors = _counted_amounts(lines, number_hint, view.char_width)
            if not anchors:
                return None
        anchors = [(i, _free_units_in_cell(lines[i], found, view.char_width)) for i, found in anchors]
        anchors = _crossing_anchors(anchors, view.char_width)
        spans: dict[str, list[Word]] = {}
        for _, found in anchors:
            for role, word in found.items():
                spans.setdefault(role, []).append(word)
        _quantity_and_price_by_column(spans, view.char_width, number_hint, _priced_words(lines, view.char_width))
        columns = []
        for role, words in spans.items():
            # numbers align on their right edge; a row that multiplied out by chance (a line number taken
            # for a quantity OCR lost) stands apart and does not stretch the column
            edge = median(w.bbox[2] for w in words)
            aligned = [w for w in words if abs(w.bbox[2] - edge) < 3 * view.char_width] or words
            if role == "quantity" and _set_before_units(lines, anchors, view.char_width, number_hint):
                aligned = words  # '15 urupapuro' right-aligned as one cell: the unit's length moves the quantity
            columns.append(Column(role, min(w.bbox[0] for w in aligned), max(w.bbox[2] for w in aligned)))
        columns += self._other_columns(view, [lines[i] for i, _ in anchors], anchors, columns, number_hint)
        columns = self._text_columns_above(view, lines, anchors, columns, number_hint)
        if not any(c.name in ("description", "sku") for c in columns):
            return None
        if not any(c.name == "description" for c in columns):
            next(c for c in columns if c.name == "sku").name = "description"
        first = anchors[0][0]
        for column in columns:
            column.measured = True
        # a header band right above the first row (its words unknown) starts the table; rows start below it
        return sorted(columns, key=lambda c: c.x0), first

    def _text_columns_above(
        self, view: PageView, lines: list[Line], anchors: list[Anchor], columns: list[Column], number_hint: str | None
    ) -> list[Column]:
        """The columns again where the rows' lines name no goods and the goods stand on lines above them: a table
        whose text cells sit at the top of the row and its numbers at the bottom (a description wrapped over three
        lines, the numbers on the last line under it or on a line of their own). The text columns come from each
        row's first text line (the one with the most cells: its code and the description's start); what the
        rows' own lines hold left of the numbers (a weight) is a column of figures."""
        described = [c for c in columns if c.name in ("description", "sku")]
        numeric = [c for c in columns if c.name in PRICED]
        width = view.char_width
        units = [c for c in described if _unit_column(c, anchors, lines)]
        named = any(
            _named_goods(lines[i], c, found, width) for c in described if c not in units for i, found in anchors
        )
        if not numeric or named:
            return columns
        firsts: list[Line] = []
        previous = -1
        for index, _ in anchors:
            run: list[Line] = []
            for above in reversed(lines[max(previous + 1, index - 6) : index]):
                below = run[-1] if run else lines[index]
                over = any(c.x0 <= w.bbox[2] and w.bbox[0] <= c.x1 for c in numeric for w in above.words)
                if below.top - above.bottom > 1.6 * max(above.height, 0.005) or over:
                    break  # a blank band, or a line over the numbers (the header's captions, another row)
                run.append(above)
            previous = index
            if run:
                firsts.append(max(reversed(run), key=lambda ln: len(split_phrases(ln, view.char_width, 1.2, 1.6))))
        if not firsts or len(firsts) < 0.7 * len(anchors):
            return columns
        found = self._other_columns(view, firsts, [], numeric, number_hint)
        if not any(c.name == "description" for c in found):
            return columns
        numbers = [c for c in columns if c not in described]
        for column in described:
            marks = [(w, found) for i, found in anchors for w in lines[i].words if column.x0 <= w.bbox[0] < column.x1]
            # a weight, a date under the goods: no pricing rule uses it; 'CHF' after each price: the money's mark;
            # 'pack' after each quantity: the unit
            column.name = "_currency" if marks and all(money_mark(w.text) for w, _ in marks) else "_figure"
            if marks and (column in units or all(_unit_beside(w, found, width) for w, found in marks)):
                column.name = "unit"
            elif marks and all(CODE.match(w.text) and word_number(w, number_hint) is None for w, _ in marks):
                column.name = "_unread_codes"  # a code on each numbers' line (a cost centre): a text column
        for text in found:
            # a text column over the rows' own cells (a cost centre on the numbers' line under a long description)
            # ends where they start
            inside = [c.x0 for c in described if text.x0 + width < c.x0 < text.x1]
            text.x1 = min([text.x1, *(x0 - width for x0 in inside)])
        return [*numbers, *described, *found]

    @staticmethod
    def _lone_row_table(view: PageView, index: int, found: dict[str, Word]) -> bool:
        """A table of one row: only when a header of several words stands right above it, on one line or on two
        set close together (captions wrapped: the second line holds only their continuations, 'unit' '(EUR)')."""
        line = view.lines[index]
        if _numbered_row(line, found):
            return True
        below, words = line, 0
        for above in reversed(view.lines[max(0, index - 2) : index]):
            if below.top - above.bottom >= 2.5 * line.height:
                break
            words += len(above.words)
            if words >= 3:
                return True
            below = above
        return False

    def _other_columns(
        self,
        view: PageView,
        lines: list[Line],
        anchors: list[tuple[int, dict[str, Word]]],
        numeric: list[Column],
        number_hint: str | None,
    ) -> list[Column]:
        """Text columns (and other numbers) of the anchor rows, by where they start, with roles from content."""
        # the quantity, price and amount of each row, and the parts of those joined from several ('1' '644' '228,00')
        boxes = [w.bbox for _, found in anchors for w in found.values()]
        used = {
            id(w)
            for line in lines
            for w in line.words
            if any(
                b[0] <= w.bbox[0] and w.bbox[2] <= b[2] and b[1] <= (w.bbox[1] + w.bbox[3]) / 2 <= b[3] for b in boxes
            )
        }
        width = view.char_width
        cells: list[list[Word]] = []  # the other cells of every anchor row
        gap = 2.0 if view.page.source == "ocr" else 1.2  # OCR spaces words unevenly within a cell
        for line in lines:
            for phrase in split_phrases(line, width, gap, 1.6):
                words = [w for w in phrase.words if id(w) not in used and not LEADER.match(w.text)]
                # a line number or a code run into the text after it ('10 347-6970-62 Translation ...') is a cell
                while len(words) > 1 and (word_number(words[0], number_hint) is not None or CODE.match(words[0].text)):
                    cells.append(words[:1])
                    words = words[1:]
                if words:
                    cells.append(words)
        if not cells:
            return []

        # cluster the cells by their left edge; short numbers and percentages also by their right edge, as they
        # are printed right-aligned ('6.25%' over '0%', '90' over '100'); what aligns on the left stays together
        # a dash is an empty cell of the right-aligned numbers' column it stands in ('-' where no discount is given)
        def empty(cell: list[Word]) -> bool:
            return len(cell) == 1 and DASH.match(cell[0].text) is not None

        groups = _clustered(
            cells, width, lambda c: empty(c) or len(c) == 1 and word_number(c[0], number_hint) is not None
        )
        groups = _flush_right(groups, width, 0.7 * len(lines))
        numeric_x0 = min(c.x0 for c in numeric)
        groups = _without_sidebar(groups, numeric_x0, width)
        out: list[Column] = []
        text_groups: list[tuple[list[list[Word]], Column]] = []
        for group in groups:
            x0 = min(ws[0].bbox[0] for ws in group)
            x1 = max(ws[-1].bbox[2] for ws in group)
            if any(c.x0 - width <= x0 <= c.x1 + width and x1 <= c.x1 + width for c in numeric):
                continue  # within a numeric column (a number that was not one of the three of its row)
            if len(group) < 0.7 * len(lines):
                continue  # not a column of the table (a sidebar beside it, a stray word)
            group.sort(key=lambda ws: ws[0].bbox[1])  # top down: line numbers count up the page ('90' over '100')
            group = [ws for ws in group if not empty(ws)]
            if not group:
                # a column of dashes on every row read (a discount given on other rows only) is a column still:
                # its dashes are no description's
                out.append(Column(f"_unread_empty{len(out)}", x0, x1))
                continue
            texts = [" ".join(w.text for w in ws) for ws in group]
            numbers = [word_number(ws[0], number_hint) if len(ws) == 1 else None for ws in group]
            if all(n is not None for n in numbers):
                if all(t.endswith("%") for t in texts):
                    out.append(Column("tax_rate", x0, x1))
                    continue
                if x1 < numeric_x0 and counting_up(texts):
                    out.append(Column("_line", x0, x1))  # small numbers counting up: the line numbers
                    continue
                if (
                    x1 >= numeric_x0
                    and not any(c.name == "_per" for c in numeric)
                    and all(n == 1 or n in PRICE_UNITS for n in numbers)
                ):
                    out.append(Column("_per", x0, x1))  # '1', '100' beside the prices: the price unit
                    continue
                if _running_total(group, anchors, numeric, number_hint):
                    out.append(Column("_running", x0, x1))  # the cumulative sum of the amounts: no amount
                    continue
                if counting_up(texts, strictly=True) and not any(c.name == "_line" for c in out):
                    # line numbers printed among the values (columns in any order): no digit of the text beside
                    out.append(Column("_line", x0, x1))
                    continue
                if x1 >= numeric_x0:
                    # numbers no role reads among the values ('288.9283', the buyer's part number; a weight): a
                    # column of their own, so that they run into no text and push no value out of its column
                    out.append(Column("_figure", x0, x1))
                    continue
            text_groups.append((group, Column("_skip", x0, x1)))
        rates = sorted((c for c in out if c.name == "tax_rate"), key=lambda c: c.x0)
        if len(rates) > 1 and not any(c.name == "_discount" for c in numeric):
            rates[0].name = "_discount"  # two percentage columns: the discount, then the tax rate
        if not text_groups:
            return out
        texts_of = [[" ".join(w.text for w in ws) for ws in group] for group, _ in text_groups]
        # a code in brackets ('[7211]', '(DR-184222)') is a code still
        codes = [
            sum(bool(CODE.match(re.sub(r"^[(\[](.*)[)\]]$", r"\1", t))) for t in texts) / len(texts)
            for texts in texts_of
        ]
        lengths = [median(len(t) for t in texts) for texts in texts_of]
        # the goods are named in words: a column of figures with a percent sign and no letter ('+10/-5 %', a delivery
        # tolerance) may be longer than a one-word description on the row, and names nothing
        banded = [all("%" in t and not re.search(r"[^\W\d_]", t) for t in texts) for texts in texts_of]
        description = max(range(len(text_groups)), key=lambda i: (codes[i] < 0.5, not banded[i], lengths[i]))
        text_groups[description][1].name = "description"
        sku_taken, description_x0 = False, text_groups[description][1].x0
        quantities = [c for c in numeric if c.name == "quantity"]
        # two code columns before the description: a code with letters names the article, one that reads as a
        # number ('142.3603') is the other party's part number
        coded = [i for i in range(len(text_groups)) if i != description and codes[i] >= 0.6]
        coded = [i for i in coded if text_groups[i][1].x0 < description_x0]
        lettered = [i for i in coded if all(re.search(r"[A-Za-z]", t) for t in texts_of[i])]
        # no code before the description: a column of codes between it and the numbers is the article's
        after = [i for i in range(len(text_groups)) if text_groups[i][1].x0 > description_x0 and codes[i] >= 0.8]
        sku_index = (lettered or coded or (after if len(after) == 1 else []) or [-1])[0]
        for index, (_, column) in enumerate(text_groups):
            if index == description:
                continue
            if index == sku_index and not sku_taken:
                column.name, sku_taken = "sku", True  # the first code column before the description
            elif all(money_mark(t) for t in texts_of[index]):
                column.name = "_currency"  # 'CHF' after each price: the money's mark, no unit
            elif (
                all(UNIT.match(t) for t in texts_of[index])
                and median(_unit_length(t) for t in texts_of[index]) <= 8
                and (column.x0 > description_x0 or any(0 <= column.x0 - c.x1 < 4 * width for c in quantities))
            ) or _units_beside_quantities(texts_of[index], column, quantities, width):
                column.name = "unit"  # short words after the description, or set right after the quantity
        units = [c for _, c in text_groups if c.name == "unit"]
        if len(units) > 1 and quantities:
            # two columns of short words: the units stand nearest the quantity; the other ('S', 'Z' past the
            # amount) flags each line (a tax code), no unit
            beside = min(units, key=lambda c: min(abs(c.x0 - q.x1) for q in quantities))
            for column in units:
                if column is not beside:
                    column.name = "_unread_flag"
        for index, (_, column) in enumerate(text_groups):
            if column.name == "_skip":
                column.name = f"_unread{index}"  # a column read but not reported (a customer's part number)
        out += [c for _, c in text_groups]
        return out
