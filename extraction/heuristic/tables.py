"""Line items: the table header from column words, rows from the words under it, numbers placed so that
quantity x price = amount, cells inferred from the other two."""

from __future__ import annotations

import itertools
import re
from collections import Counter
from collections.abc import Callable
from dataclasses import replace
from decimal import Decimal
from statistics import median

from rapidfuzz.distance import Levenshtein

from extraction.document import Page, Word, joined_word
from extraction.heuristic.geometry import CODE, DASH, LEADER, UNIT, GeometricTables, counting_up, joined_percents
from extraction.heuristic.parts import (
    Column,
    PageView,
    RowDraft,
    _bbox,
    _gap,
    _stack,
    arithmetic_fits,
    is_amount_word,
    number,
)
from extraction.heuristic.pricelists import PER
from extraction.heuristic.vocabulary import (
    _SYNONYM_INDEX,
    NUMERIC_COLUMNS,
    PAGE_MARK,
    TEXT_COLUMNS,
    TOTALS_LINE,
    _column_roles_of,
    _norm,
)
from extraction.layout import Line, joined_thousands, print_size, reading_order, split_phrases
from extraction.normalize import (
    parse_amount,
    parse_currency,
    parse_date,
)
from extraction.result import PRICED, FieldValue, LineItem, Value, as_decimal

# columns arithmetic found: '_per' the units a price counts for, '_off' a discount amount, '_net' the price after
# the discount
ROW_NUMBERS = (*NUMERIC_COLUMNS, "_per", "_off", "_net", "_running", "_figure")
LEADERS = re.compile(r"(?:\.\s?){3,}\.*$|…+$|^(?:[.…]\s?)+$")  # leader dots after a text, or a word of dots
# '[HW-8921] Hydraulic hose ...'; a position number before it ('3 [HW-8921] ...') is the line's, no text
BRACKETED_CODE = re.compile(r"^(?:\d{1,4}[.)]?\s+)?\[([^\]\s]+)\]\s*(.*)$", re.S)
# a caption naming a number by the abbreviation many languages end it with ('Varenr.', 'Art.-Nr.', 'Teilenr.',
# 'Part#'; a mark ends the abbreviation, 'Techno' is a word): before a code on an item's sub-line, the article's number
NUMBERED_CAPTION = re.compile(r"^[^\W\d_]{2,}[.-]{0,2}(?:nr\.|no\.|n°|nº|#)$", re.IGNORECASE)
TIMES = re.compile(r"^[xX×]$")
TRAILING_CODE = re.compile(r"[\[(]([^\])\s]+)[\])]$")  # '... Hydraulic hose (HW-8921)'


def _money_marks(words: list[Word], char_width: float, number_hint: str | None) -> set[int]:
    """The currency signs and codes printed beside an amount ('€ 1 066,72', '4.664,52 EUR', 'Fr. 2'677.85'):
    ids of the words a space from a number, which are part of its money cell."""
    out = set()
    for index, word in enumerate(words):
        if len(word.text) > 4 or re.search(r"\d", word.text) or parse_currency(word.text) is None:
            continue
        for j in (index - 1, index + 1):
            if not 0 <= j < len(words):
                continue
            other = words[j]
            gap = word.bbox[0] - other.bbox[2] if j < index else other.bbox[0] - word.bbox[2]
            amount = not re.search(r"[A-Za-z]", other.text) and parse_amount(other.text, number_hint) is not None
            if gap < 1.5 * char_width and amount:
                out.add(id(word))
    return out


def _unit_after_quantity(word: Word, before: Word | None, passed: list[Column], char_width: float) -> bool:
    """Whether ``word`` is a unit printed right after the quantity in the quantity's cell ('28 box')."""
    return (
        bool(passed)
        and passed[-1].name == "quantity"
        and before is not None
        and re.fullmatch(r"[\d.,' ]+", before.text) is not None
        # in the quantity's cell: past where its header starts, or set right beside the number ('50 EA')
        and (
            (before.bbox[2] > passed[-1].x0 and word.bbox[0] - before.bbox[2] < 6 * char_width)
            or word.bbox[0] - before.bbox[2] < 2 * char_width
        )
        and UNIT.match(word.text) is not None  # 'box', 'Stück', 'm²', 'm2'
    )


def _per_cell_unit(word: Word, before: Word | None, columns: list[Column], char_width: float) -> bool:
    """Whether ``word`` is the unit printed after the count a price is quoted for ('1 000 pcs' under 'per'): right
    after a number, within the span of the '_per' column (up to where the next column of numbers starts; 'Price
    per' may caption a unit's column of its own over the unit). The number stands in the '_per' column, and the
    text's columns bound it too: with the price unit printed left of the description, '24 V DC' and 'ISO 9001
    certified' in the text are no count and its unit."""
    per = next((c for c in columns if c.name == "_per"), None)
    if per is None or before is None or re.fullmatch(r"[\d.,' ]+", before.text) is None:
        return False
    after = [c.x0 for c in columns if c.x0 > per.x0 and (c.name in ROW_NUMBERS or c.name in ("description", "sku"))]
    return (
        word.bbox[0] - before.bbox[2] < 2 * char_width
        and per.x0 - char_width < before.bbox[2]
        and before.bbox[0] < per.x1 + char_width
        and word.bbox[2] < min(after, default=1.0)
    )


def _flag_past_amount(word: Word, columns: list[Column], char_width: float) -> bool:
    """Whether ``word``, no number, is a mark printed right of the line's amount under a caption naming no text
    ('S', 'Z', 'E' under 'Tax', 'T' under an unread caption): the line's flag (a tax code, a status), no word of
    the unit or the description left of the amount."""
    amount = next((c for c in columns if c.name == "amount"), None)
    if amount is None or word.bbox[0] < amount.x1 - 0.5 * char_width:
        return False
    nearest = min(columns, key=lambda c: (_gap(word.bbox[0], word.bbox[2], c.x0, c.x1), abs(word.bbox[0] - c.x0)))
    return nearest.x0 > amount.x0 and nearest.name not in TEXT_COLUMNS


def _counted_cell(words: list[Word], columns: list[Column], char_width: float) -> tuple[Word | None, Word | None]:
    """(quantity, unit) of a cell printing both ('12 pair'), right-aligned so that the number starts left of the
    quantity's caption and the unit stands under it: the number is no word of the text before it."""
    quantity = next((c for c in columns if c.name == "quantity"), None)
    if quantity is None or "unit" in {c.name for c in columns}:
        return None, None
    for number_word, unit in itertools.pairwise(words):
        if (
            re.fullmatch(r"\d[\d.,']*", number_word.text)
            and UNIT.match(unit.text)
            and unit.bbox[0] - number_word.bbox[2] < 2 * char_width
            and number_word.bbox[0] < quantity.x0 < unit.bbox[2] <= quantity.x1 + 2 * char_width
        ):
            return number_word, unit
    return None, None


def _quantity_unglued(words: list[Word], columns: list[Column], char_width: float) -> list[Word]:
    """A quantity and its unit read as one word under the quantity's caption ('10pcs', '5pack': a scan lost the
    narrow space of '10 pcs') as the two words they are, each its share of the box; the rules for '10 pcs' then
    place them. Only where the word stands in the quantity's column: '15mm' in a description stays whole."""
    quantity = next((c for c in columns if c.name == "quantity"), None)
    if quantity is None:
        return words
    out: list[Word] = []
    for word in words:
        glued = re.fullmatch(r"(\d+(?:[.,]\d+)?)([^\W\d_]{1,5}\.?)", word.text)
        x0, y0, x1, y1 = word.bbox
        if (
            glued is None
            or UNIT.match(glued.group(2)) is None
            or x0 < quantity.x0 - 2 * char_width
            or x1 > quantity.x1 + 4 * char_width
        ):
            out.append(word)
            continue
        cut = x0 + (x1 - x0) * len(glued.group(1)) / len(word.text)
        out += [
            Word(glued.group(1), (x0, y0, cut, y1), word.confidence),
            Word(glued.group(2), (cut, y0, x1, y1), word.confidence),
        ]
    return out


def _bonus_set_aside(words: list[Word], columns: list[Column], char_width: float) -> tuple[list[Word], list[Word]]:
    """(the words, the free units) of a quantity cell printing the charged quantity and the units given free
    beside it ('10 + 2', '10+2'): the charged one is the line's quantity (it multiplies by the price), the free
    ones are no value of the row. Only under the quantity's caption: '3 + 1 core' in a description stays.

    A right-aligned cell wider than the column its other rows' quantities span ('40 + 8' over '4' and '20')
    starts left of it: it counts as under it when it ends there and stands apart from the words before it. The
    charged quantity keeps the whole cell's box, so that it reads as the column's value, not as the tail of the
    description left of it (a '5' left of the column's span went to the text and the row lost its quantity)."""
    quantity = next((c for c in columns if c.name == "quantity"), None)
    if quantity is None:
        return words, []

    def under(index: int, last: Word) -> bool:
        x0, x1 = words[index].bbox[0], last.bbox[2]
        if quantity.x0 - 3 * char_width <= x0 and x1 <= quantity.x1 + 3 * char_width:
            return True
        apart = index == 0 or x0 - words[index - 1].bbox[2] > 2 * char_width
        return apart and quantity.x0 <= x1 <= quantity.x1 + 3 * char_width

    out: list[Word] = []
    free: list[Word] = []
    index = 0
    while index < len(words):
        word = words[index]
        glued = re.fullmatch(r"(\d+(?:[.,]\d+)?)\+(\d+)", word.text)
        if glued and under(index, word):
            x0, y0, x1, y1 = word.bbox
            cut = x0 + (x1 - x0) * len(glued.group(1)) / len(word.text)
            out.append(Word(glued.group(1), word.bbox, word.confidence))
            free.append(Word(word.text[len(glued.group(1)) :], (cut, y0, x1, y1), word.confidence))
            index += 1
            continue
        # '10 + 2' (three words) or '10 +2' (two)
        sign = words[index + 1] if index + 1 < len(words) else None
        tail = [sign] if sign is not None and re.fullmatch(r"\+\d+", sign.text) else []
        if sign is not None and sign.text == "+" and index + 2 < len(words):
            tail = [sign, words[index + 2]] if re.fullmatch(r"\d+", words[index + 2].text) else []
        chain = [word, *tail]
        if (
            tail
            and re.fullmatch(r"\d+(?:[.,]\d+)?", word.text)
            and under(index, chain[-1])
            and all(b.bbox[0] - a.bbox[2] < 2 * char_width for a, b in itertools.pairwise(chain))
        ):
            x0, y0, _, y1 = word.bbox
            out.append(Word(word.text, (x0, y0, chain[-1].bbox[2], y1), word.confidence))
            free += tail
            index += len(chain)
            continue
        out.append(word)
        index += 1
    return out, free


def _fits_as(
    table: list[RowDraft], cells: list[list[Word]], role: str, amount_as: str | None, number_hint: str | None
) -> int:
    """On how many rows quantity x price = amount holds with a column's values (``cells``, per row) read as ``role``
    (and, given ``amount_as``, the amount column's values read as that role)."""
    fits = 0
    for row, words in zip(table, cells, strict=True):
        values = {n: number(row.cells.get(n, []), number_hint) for n in ROW_NUMBERS}
        if amount_as is not None:
            values[amount_as] = values["amount"]
        values[role] = number(words, number_hint) if words else None
        fits += all(values[n] is not None for n in PRICED) and arithmetic_fits(values)
    return fits


def _beside(header: tuple[Column, ...], column: Column, name: str) -> bool:
    """Whether ``column`` stands next to the column named ``name`` in the header, either side."""
    index = header.index(column)
    return any(0 <= i < len(header) and header[i].name == name for i in (index - 1, index + 1))


def _runs_into_description(line: Line, row: RowDraft, char_width: float) -> bool:
    """A line whose first phrase starts left of the row's description and runs on into it, no gap where the
    columns part ('Payment terms: 14 days ...' under a rate table): a paragraph after the table, no wrapped cell."""
    description = row.cells.get("description")
    if not description:
        return False
    start = description[0].bbox[0]
    first = split_phrases(line, char_width)[0].words
    return first[0].bbox[0] < start - char_width and first[-1].bbox[2] > start + char_width


def _without_overprint(line: Line) -> Line:
    """The line less the words another layer printed over it (a stamp's tax number, a watermark): on a text layer
    a row's words share its top, its baseline or its middle, whatever their size (a small '(incl. 5%)' sits on the
    baseline, an index up at the top, a smaller print may be centred); a smaller word that meets none of the three,
    floating in the row's band, is no cell of the row (a stamp's '21890615' glued to the description). A line of
    three words or more, two of them the row's own print."""
    words = line.words
    if len(words) < 3:
        return line
    height = median(w.bbox[3] - w.bbox[1] for w in words)
    top, bottom = median(w.bbox[1] for w in words), median(w.bbox[3] for w in words)

    def floating(word: Word) -> bool:
        _, y0, _, y1 = word.bbox
        return (
            y1 - y0 < 0.8 * height
            and abs(y0 - top) > 0.15 * height
            and abs(y1 - bottom) > 0.15 * height
            and abs(y0 + y1 - top - bottom) > 0.3 * height  # nor its middle (a smaller print centred in the row)
            and top - 0.1 * height < y0
            and y1 < bottom + height
        )

    kept = [w for w in words if not floating(w)]
    return Line(kept) if len(kept) >= 2 and len(kept) < len(words) else line


def _digits(words: list[Word]) -> bool:
    return any(ch.isdigit() for w in words for ch in w.text)


def _captioned(words: list[Word]) -> bool:
    """A line that opens with a caption of a word or three and a colon, a value after it ('Delivery: 2026-03-01',
    'Alternative: Gloves, L, 100 pcs'): a note under the item that names itself, no wrap of its description."""
    for index, word in enumerate(words[:3]):
        if not re.fullmatch(r"[^\W\d_]+", word.text.rstrip(":")):
            return False
        if word.text.endswith(":"):
            return index + 1 < len(words)
    return False


def _is_prose(view: PageView, index: int) -> bool:
    """A sentence, evenly spaced: prose, not a header of columns."""
    return len(view.lines[index].words) > 6 and len(view.phrases[index]) == 1


def _percent(words: list[Word]) -> Word | None:
    """The one percentage among a cell's words ('VAT 21%' -> '21%', '7 %' -> '7%'), else None."""
    found = []
    for index, word in enumerate(words):
        if re.fullmatch(r"\d{1,2}(?:[.,]\d{1,3})?%", word.text):
            found.append(word)
        elif word.text == "%" and index and re.fullmatch(r"\d{1,2}(?:[.,]\d{1,3})?", words[index - 1].text):
            head = words[index - 1]
            box = _bbox([head, word])
            assert box is not None  # two words
            found.append(Word(head.text + "%", box, min(head.confidence, word.confidence)))
    return found[0] if len(found) == 1 else None


def _inner_marks_kept(words: list[Word]) -> list[Word]:
    """A cell's words less the marks at its ends (a table rule OCR read, 'visit /.'); a mark between two words
    is the cell's own ('visite / bezoek', 'kg / m')."""
    worded = [i for i, w in enumerate(words) if re.search(r"[^\W_]", w.text)]
    return words[worded[0] : worded[-1] + 1] if worded else words


# a part of a page cut at its repeated top line that repeats this share of an earlier part's lines is a copy of it
SCREEN_COPY_SHARE = 0.8


CODE_SEPARATORS = ("/", "-", ".", "_")


def _code_rejoined(words: list[Word]) -> list[Word]:
    """A code OCR cut at its separator ('4837' '/57', 'AB-' '12'): read words (not a text layer's, which prints
    its spaces) less than a letter's height apart, one ending or starting on the separator, are one word again."""
    out = words[:1]
    for word in words[1:]:
        last = out[-1]
        height = min(last.bbox[3] - last.bbox[1], word.bbox[3] - word.bbox[1])
        if (
            min(last.confidence, word.confidence) < 1.0
            and word.bbox[0] - last.bbox[2] < height
            and (last.text.endswith(CODE_SEPARATORS) or word.text.startswith(CODE_SEPARATORS))
        ):
            box = _bbox([last, word])
            assert box is not None
            out[-1] = Word(last.text + word.text, box, min(last.confidence, word.confidence))
        else:
            out.append(word)
    return out


_GROUPS_JOINED = "+"  # how ``_place_numbers`` notes two digit groups read as one number without a separator


# Cyrillic capitals and small letters printed alike to Latin ones: a code read by a Cyrillic model ('Р17761')
_CYRILLIC_LOOKALIKES = str.maketrans("АВЕЅІЈКМНОРСТХУаеіјорсху", "ABESIJKMHOPCTXYaeijopcxy")


def _latin_code(word: Word) -> Word:
    """An article code with digits read in Cyrillic look-alike letters ('Р17761', 'С57905' by a Ukrainian
    model) in the Latin letters codes are written in; a word with any other Cyrillic letter stays as read."""
    text = word.text
    if not any(ch.isdigit() for ch in text) or text.isascii():
        return word
    latin = text.translate(_CYRILLIC_LOOKALIKES)
    return Word(latin, word.bbox, word.confidence) if latin.isascii() else word


def _ell_for_capital_i(words: list[Word], name: str, read: bool = False) -> list[Word]:
    """A read 'l' OCR took for a capital 'I', where the cell's shape says which: a unit ('I', 'It' -> 'l', 'lt';
    a unit is written in small letters), a unit after a number inside a description ('20 Ib,' -> '20 lb,'),
    and a roman numeral in brackets or ending a description read half in small letters ('(Il)', 'Il' -> '(II)',
    'II'). Text-layer words untouched; ``read``: the row was read by OCR."""
    out = []
    for index, word in enumerate(words):
        text = word.text
        after_number = index > 0 and words[index - 1].text[-1:].isdigit()
        # Tesseract reads some words of a clean binarised page at full confidence: a unit cell of a row read is
        # read words too
        if word.confidence < 1.0 or (read and name == "unit"):
            if re.fullmatch(r"I(?![ns])[a-z]{0,2}[,.;]?", text) and (name == "unit" or after_number):
                text = "l" + text[1:]
            elif re.fullmatch(r"\(I[Il]*l[Il]*\)[,.;]?", text):
                text = text.replace("l", "I")
            elif (
                name == "description"
                and index == len(words) - 1
                and index > 0
                and re.fullmatch(r"[Il1i]{2,3}", text)
                and re.search(r"[Il]", text)
                and not text.isdigit()
            ):
                # a roman numeral ending a description read as strokes of small letters and digits ('verzinkt
                # Il', 'T9 li' for 'II'): a word of these letters alone is no word of the text
                text = "I" * len(text)
        out.append(word if text == word.text else Word(text, word.bbox, word.confidence))
    return out


def _stands_apart(words: list[Word], index: int, height: float) -> bool:
    """A header word with a column's gap (wider than the word's height) on both sides, and no digit: a caption."""
    word = words[index]
    left = word.bbox[0] - words[index - 1].bbox[2] if index else 1.0
    right = words[index + 1].bbox[0] - word.bbox[2] if index + 1 < len(words) else 1.0
    return min(left, right) > 1.5 * height and not any(ch.isdigit() for ch in word.text)


def _text_beside_line_numbers(table: list[RowDraft]) -> None:
    """A description column that holds only line numbers ('Item' stacked under '#') while a column no caption
    named holds the words of every row: the numbers count the lines and the words describe them."""
    header = table[0].header
    described = [row.cells.get("description", []) for row in table]
    if not described or not all(len(ws) == 1 and ws[0].text.rstrip(".").isdigit() for ws in described):
        return
    for column in [c for c in header if c.name.startswith("_unread")]:
        cells = [row.cells.get(column.name, []) for row in table]
        if all(any(re.search(r"[^\W\d_]{2}", w.text) for w in ws) for ws in cells):
            _swap(table, column, next(c for c in header if c.name == "description"))
            for row in table:  # in reading order: a number inside the text was placed apart
                row.cells["description"] = reading_order(row.cells["description"])
            return


def _counts_lines(table: list[RowDraft], name: str) -> bool:
    """Column ``name`` holds the rows' running numbers ('1', '2', '3' or SAP's '10', '20', '30'): one number a
    row, each a step up from the one above, the first one step: it counts the lines, it names no article."""
    cells = [row.cells.get(name, []) for row in table]
    if not cells or not all(len(ws) == 1 and re.fullmatch(r"\d{1,4}\.?", ws[0].text) for ws in cells):
        return False
    values = [int(ws[0].text.rstrip(".")) for ws in cells]
    return values[0] > 0 and all(b - a == values[0] for a, b in itertools.pairwise([0, *values]))


def _hollow_priced(table: list[RowDraft]) -> list[tuple[Column, str]]:
    """A quantity, price or amount caption over no number on any row (a 'Cost centre' read as a price, over
    codes): its role left free for the column whose values multiply out, given back where none does."""
    hollow = []
    for column in table[0].header:
        if column.name in PRICED and not any(row.cells.get(column.name) for row in table):
            hollow.append((column, column.name))
            _rename(table, column, f"_unread_{column.name}")
    return hollow


def _rename(table: list[RowDraft], column: Column, name: str) -> None:
    """``column`` called ``name`` in the header, in every row's cells and in its column names."""
    old, column.name = column.name, name
    for row in table:
        if old in row.cells:
            row.cells[name] = row.cells.pop(old)
        row.columns = tuple(c.name for c in row.header)


def _swap(table: list[RowDraft], one: Column, other: Column) -> None:
    """Two columns' names exchanged in the header, in every row's cells (each row holding both after, empty where
    it held neither) and in its column names."""
    first, second = one.name, other.name
    one.name, other.name = second, first
    for row in table:
        row.cells[first], row.cells[second] = row.cells.pop(second, []), row.cells.pop(first, [])
        row.columns = tuple(c.name for c in row.header)


def _phrases_run_on(table: list[RowDraft]) -> None:
    """A column no caption named, right of the description, whose words on every row go on with the description's
    phrase a space after its last word (a caption of two parts read as two columns): the words are the text's
    (a stray row, a running reference under the table, may hold none)."""
    header = table[0].header
    for column in [c for c in header if c.name.startswith("_unread")]:
        filled = [row for row in table if row.cells.get(column.name)]
        # a short text ends before the second caption: only the rows whose text runs on fill it
        if not filled or not all(
            _goes_on(row.cells.get("description", []), min(row.cells[column.name], key=lambda w: w.bbox[0]))
            for row in filled
        ):
            continue
        for row in filled:
            words = row.cells["description"] + row.cells.pop(column.name)
            row.cells["description"] = reading_order(words)


def _lettered_code_over_number(table: list[RowDraft]) -> None:
    """A code column printing numbers only ('629.5362') while the description starts with a code of letters and
    digits on every row ('BA-518950 Corrugated box'): two part numbers, of which the lettered one, standing in a
    column of its own at the text's left edge, names the article; the number-shaped one is the other party's."""
    codes = [row.cells.get("sku", []) for row in table]
    texts = [row.cells.get("description", []) for row in table]
    if len(table) < 2 or not all(len(ws) == 1 and not re.search(r"[A-Za-z]", ws[0].text) for ws in codes):
        return
    firsts = [ws[0] if ws else None for ws in texts]
    lettered = [
        w is not None and len(ws) > 1 and bool(CODE.match(w.text) and re.search(r"[A-Za-z]", w.text))
        for w, ws in zip(firsts, texts, strict=True)
    ]
    if not all(lettered) or not all(w is not None and re.search(r"\d", w.text) for w in firsts):
        return
    lefts = [w.bbox[0] for w in firsts if w is not None]
    width = max(w.bbox[2] - w.bbox[0] for w in firsts if w is not None) / 2
    if max(lefts) - min(lefts) > width:
        return  # not one column: the codes start wherever the text does
    for row in table:
        row.cells["_unread_part"] = row.cells.pop("sku")
        row.cells["sku"] = row.cells["description"][:1]
        row.cells["description"] = row.cells["description"][1:]


def _split_caption_values(table: list[RowDraft], number_hint: str | None) -> None:
    """A column no caption named, beside a named column of values, holding numbers under that column's caption on
    the rows where the named one is empty: the named column's values (its caption printed in two parts, 'Montant /
    Ext.' | 'Cost', the right-aligned numbers standing under both)."""
    header = list(table[0].header)
    for index, column in enumerate(header):
        if not column.name.startswith("_unread"):
            continue
        cells = [row.cells.get(column.name, []) for row in table]
        filled = [ws for ws in cells if ws]
        if len(filled) < 0.6 * len(table) or any(number(ws, number_hint) is None for ws in filled):
            continue
        neighbours = [header[i] for i in (index - 1, index + 1) if 0 <= i < len(header)]
        named = [
            c
            for c in neighbours
            if c.name in PRICED
            and not any(row.cells.get(c.name) and row.cells.get(column.name) for row in table)
            # right-aligned under both captions: the longer numbers reach under the named one
            and any(_gap(ws[0].bbox[0], ws[-1].bbox[2], c.x0, c.x1) == 0 for ws in filled)
        ]
        if len(named) != 1:
            continue
        for row in table:
            if row.cells.get(column.name):
                row.cells[named[0].name] = row.cells.pop(column.name)


def _goes_on(text: list[Word], word: Word) -> bool:
    """``word`` goes on with the phrase ``text`` ends on its own line: a space after it, no column gap."""
    last = max(
        (w for w in text if abs(w.bbox[1] - word.bbox[1]) < 0.5 * (w.bbox[3] - w.bbox[1])),
        key=lambda w: w.bbox[2],
        default=None,
    )
    return last is not None and 0 <= word.bbox[0] - last.bbox[2] < 0.6 * (word.bbox[3] - word.bbox[1])


def _row_amounts(rows: list[RowDraft], number_hint: str | None) -> list[Decimal | None]:
    """Each row's amount cell, else the last number on its line (a column whose caption names nothing yet)."""
    return [
        number(row.cells.get("amount") or (joined_thousands(row.line.words)[-1:] if row.line else []), number_hint)
        for row in rows
    ]


def _adds_up(rows: list[RowDraft], amount: list[Word], number_hint: str | None) -> bool:
    """The amount is the sum of the rows' amounts (a section's subtotal)."""
    total = number(amount, number_hint)
    amounts = _row_amounts(rows, number_hint)
    if not amounts or any(a is None for a in amounts):
        return False
    added = sum(a for a in amounts if a is not None)
    if total is not None and abs(added - total) <= Decimal("0.011"):
        return True
    # a scan's subtotal whose separators were misread or lost ('1726 806,72' for '1 726 806,72'): its digits are
    # the sum's, in order, cents included
    digits = "".join(ch for w in amount for ch in w.text if ch.isdigit())
    read = bool(amount) and min(w.confidence for w in amount) < 1.0
    if not read or len(digits) < 4:
        return False
    # ... or one of the rows' amounts misread where its quantity x price tells it
    products = [row_product(row, number_hint) for row in rows]
    multiplied = sum((p if p is not None else a) for p, a in zip(products, amounts, strict=True) if a is not None)
    return digits in (f"{added:.2f}".replace(".", ""), f"{multiplied:.2f}".replace(".", ""))


def row_product(row: RowDraft, number_hint: str | None) -> Decimal | None:
    """A row's quantity x unit price in cents, where both were read and no discount or price unit stands between."""
    if row.cells.get("_discount") or row.cells.get("_per"):
        return None
    quantity, price = (number(row.cells.get(n, []), number_hint) for n in ("quantity", "unit_price"))
    return None if quantity is None or price is None else (quantity * price).quantize(Decimal("0.01"))


CASE_ALIKE = set("cosvwxz")  # letters whose small and capital forms differ only in size
# Cyrillic small letters shaped as their capitals, only smaller ('т', 'к', 'м'): a scan's blur loses the difference
CYRILLIC_CASE_ALIKE = set("вгжзийклмнопстхцчшщъыьэюя")


def units_in_their_columns_case(rows: list[RowDraft]) -> None:
    """A read unit whose letters look alike in both cases ('cs' for 'CS'), among units mostly printed in
    capitals ('EA', 'PK', 'GAL'), is in capitals too: OCR told the case by a height a scan blurs. A Cyrillic one
    read with capitals ('Кг') among units two thirds in small letters is in small letters."""
    units = [row.cells.get("unit", []) for row in rows]
    texts = ["".join(w.text for w in words) for words in units]
    for index, words in enumerate(units):
        text = texts[index]
        if not words or min(w.confidence for w in words) >= 1.0 or not text.isalpha():
            continue
        others = [t for i, t in enumerate(texts) if i != index and t.isalpha()]
        if not text.isupper() and not set(text.lower()) - CASE_ALIKE:
            if sum(t.isupper() for t in others) * 2 > len(others):
                rows[index].cells["unit"] = [Word(w.text.upper(), w.bbox, w.confidence) for w in words]
        elif (
            not text.islower()
            and not set(text.lower()) - CYRILLIC_CASE_ALIKE
            and others
            and sum(t.islower() for t in others) * 3 >= len(others) * 2
        ):
            # and the other way: a Cyrillic unit read with a capital ('Кг') among units in small letters ('кг')
            rows[index].cells["unit"] = [Word(w.text.lower(), w.bbox, w.confidence) for w in words]


_SUPERSCRIPT = str.maketrans("23", "²³")


def units_in_their_columns_powers(rows: list[RowDraft]) -> None:
    """A read unit ending in a plain 2 or 3 ('m2') where another row's unit reads the same letters with the
    superscript ('m²'): the superscript too. A scan's small raised digit is read now raised, now on the line; the
    column prints one unit one way."""
    texts = ["".join(w.text for w in row.cells.get("unit", [])) for row in rows]
    raised = {t for t in texts if t[-1:] in "²³"}
    for row, text in zip(rows, texts, strict=True):
        words = row.cells.get("unit", [])
        if len(words) != 1 or words[0].confidence >= 1.0 or text[-1:] not in "23" or not text[:-1].isalpha():
            continue
        if (powered := text.translate(_SUPERSCRIPT)) in raised:
            row.cells["unit"] = [Word(powered, words[0].bbox, words[0].confidence)]


_STOPS = ".,:;"


def units_in_their_columns_marks(rows: list[RowDraft]) -> None:
    """A read unit whose letters are those of the form two thirds of its column print ('шт.') but for a stop read
    as another or lost ('шт:', 'пач' for 'пач.') or the case of its letters ('Шт.'), takes that form: a scan
    blurs a stop and a letter's height, the column prints one unit one way. A question mark ending a unit's letters
    ('pie?', 'm?') is the small raised 2 OCR took for one: no unit ends in a question mark."""
    texts = [" ".join(w.text for w in row.cells.get("unit", [])) for row in rows]
    forms = Counter(texts)
    for row, text in zip(rows, texts, strict=True):
        words = row.cells.get("unit", [])
        if len(words) != 1 or words[0].confidence >= 1.0:
            continue
        word = words[0]
        if re.fullmatch(r"[^\W\d_]+\?", text):
            raised = [t for t in forms if t[:-1] == text[:-1] and t[-1:] in "²³"]
            row.cells["unit"] = [
                Word(text[:-1] + (raised[0] if len(raised) == 1 else "²")[-1:], word.bbox, word.confidence)
            ]
            continue
        key = text.strip(_STOPS).casefold()
        if not key.isalpha():
            continue
        alike = [t for t in texts if t.strip(_STOPS).casefold() == key]
        best, count = Counter(alike).most_common(1)[0]
        # a case told apart only by size ('Ш' and 'ш', 'S' and 's'); 'M' and 'm' are two units
        sized = all(
            a == b or a.lower() in CASE_ALIKE | CYRILLIC_CASE_ALIKE
            for a, b in zip(best.strip(_STOPS), text.strip(_STOPS), strict=True)
        )
        if best != text and sized and count >= 2 and 3 * count >= 2 * len(alike):
            row.cells["unit"] = [Word(best, word.bbox, word.confidence)]


def descriptions_in_their_columns_case(rows: list[RowDraft]) -> None:
    """A read description whose first letter looks alike in both cases but for its size ('труба' for 'Труба',
    'cable' for 'Cable'), among descriptions two thirds of which begin with a capital, begins with one too: OCR
    told the case by a height a scan blurs; so does one beginning with a small l before small letters ('lkawa'),
    the capital I of a sans face."""
    words = [row.cells.get("description", []) for row in rows]
    firsts = [w[0].text[:1] for w in words if w and w[0].text[:1].isalpha()]
    if len(firsts) < 3 or 3 * sum(ch.isupper() for ch in firsts) < 2 * len(firsts):
        return
    for row, cell in zip(rows, words, strict=True):
        if not cell or cell[0].confidence >= 1.0:
            continue
        first = cell[0]
        head, rest = first.text[:1], first.text[1:]
        if head in CASE_ALIKE or head in CYRILLIC_CASE_ALIKE:
            row.cells["description"] = [Word(head.upper() + rest, first.bbox, first.confidence), *cell[1:]]
        elif head == "l" and rest[:1].islower():
            # a capital I read as the small l it looks like in a sans face ('lkawa' for 'Ikawa')
            row.cells["description"] = [Word("I" + rest, first.bbox, first.confidence), *cell[1:]]


# a lone thin stroke read after a number ('5 1', '1.5 I,', '3 |'): the letter l (the litre's symbol) a scan reads
# as the digit one, a capital I or a rule; a lone digit one right after a number is no text of goods
_LONE_STROKE = re.compile(r"[1I|]([,.;:)]?)")
_PLAIN_NUMBER = re.compile(r"\d+(?:[.,]\d+)?")


def strokes_after_numbers(rows: list[RowDraft]) -> None:
    """A scanned description's lone stroke after a number ('Floor cleaner 5 1', 'water 1.5 I, case of 12') as the
    small l it is printed as: OCR takes the thin letter for the digit one, a capital I or a rule. Only words OCR
    read (a text layer's '1' is a one)."""
    for row in rows:
        cell = row.cells.get("description", [])
        for index in range(1, len(cell)):
            word, before = cell[index], cell[index - 1]
            stroke = _LONE_STROKE.fullmatch(word.text)
            if stroke and word.confidence < 1.0 and _PLAIN_NUMBER.fullmatch(before.text):
                cell[index] = Word("l" + stroke[1], word.bbox, word.confidence)


DIGIT_FOR = dict(zip("OoDQIl|iZzSs§$BGbTgq", "00001111225555866799", strict=True))
LETTER_FOR = dict(zip("0158267", "OISBZGT", strict=True))
# a capital's twin in another script or case that a scan reads in a code of Latin capitals ('т30974' for 'T30974')
_CAPITAL_FOR = dict(zip("АВСЕНКМОРТХавсекмортхуsvwxzco", "ABCEHKMOPTXABCEKMOPTXYSVWXZCO", strict=True))
# a mark read beside the letter it doubles ('S$95266', 'Y¥29901', 'Ww90078'): one of the two is noise
_DOUBLES = {"$": "S", "§": "S", "¥": "Y", "€": "E", "£": "L", "¢": "C"}


def _shape(text: str) -> str:
    return "".join("D" if ch.isdigit() else "L" if ch.isalpha() else ch for ch in text)


def code_shapes(rows: list[RowDraft]) -> tuple[list[str], str | None]:
    """The read codes of the rows (one string a row, '' where none) and the shape two thirds of them share
    (letters 'L', digits 'D', marks as printed), None where fewer than three codes are read or no shape is shared
    by two thirds of them (two of three: the rule before, that every other code share it)."""
    codes = [" ".join(w.text for w in row.cells.get("sku", [])) for row in rows]
    shapes = Counter(_shape(t) for t in codes if t)
    if not shapes:
        return codes, None
    shape, count = shapes.most_common(1)[0]
    total = sum(shapes.values())
    return codes, shape if total >= 3 and count >= 2 and 3 * count >= 2 * total else None


def fits_shape(text: str, shape: str, capitals: bool) -> bool:
    """Whether a code fits its column's shape, its letters capitals where the column's are."""
    return _shape(text) == shape and (not capitals or all(ch.isupper() for ch in text if ch.isalpha()))


def mended_code(text: str, shape: str, capitals: bool) -> str | None:
    """A read code put in its column's shape by OCR's usual confusions of letters and digits ('782473' ->
    'B82473' is not one: 7 -> T; 'S$95266' -> 'S95266'), at most two characters changed; None where it does not
    fit so."""
    if len(text) == len(shape) + 1:
        for index in range(len(text) - 1):
            one, other = text[index], text[index + 1]
            if (
                _DOUBLES.get(one) == other.upper()
                or _DOUBLES.get(other) == one.upper()
                or (one.isalpha() and one.lower() == other.lower() and one != other)
            ):
                keep = other if one in _DOUBLES or one.islower() else one
                shorter = text[:index] + keep + text[index + 2 :]
                if _shape(shorter) == shape:
                    return shorter
        return None
    if len(text) != len(shape):
        return None
    mended = []
    for ch, want in zip(text, shape, strict=True):
        if want == "D":
            mended.append(ch if ch.isdigit() else DIGIT_FOR.get(ch, ""))
        elif want == "L":
            letter = LETTER_FOR.get(ch, "") if not ch.isalpha() else ch
            if capitals and letter and not letter.isupper():
                letter = _CAPITAL_FOR.get(letter, "")
            mended.append(letter)
        else:
            mended.append(ch if ch == want else "")
    wrong = sum(ch != m for ch, m in zip(text, mended, strict=True))
    return "".join(mended) if all(mended) and wrong <= 2 else None


def capital_codes(codes: list[str], shape: str) -> bool:
    """Whether the codes of a column's shape print their letters as capitals: two thirds of their letters are (a
    scan's misread ones aside; a Cyrillic twin of a Latin capital counts, the page's reading mends those)."""
    letters = [ch for t in codes if _shape(t) == shape for ch in t if ch.isalpha()]
    return bool(letters) and 3 * sum(ch.isupper() for ch in letters) >= 2 * len(letters)


def codes_without_stray_heads(rows: list[RowDraft]) -> None:
    """A scanned code cell of two or more words whose last fits, or is a confusion or two off, the shape two thirds
    of its column's one-word codes share, and whose words before it are one or two characters ('3 7133-94',
    'ou P976-21'): the row's number or specks of dust a scan set against the code, not the code: the last word."""
    single = [row for row in rows if len(row.cells.get("sku", [])) == 1]
    _, shape = code_shapes(single)
    if shape is None:
        return
    for row in rows:
        words = row.cells.get("sku", [])
        if len(words) < 2 or any(w.confidence >= 1.0 or len(w.text) > 2 for w in words[:-1]):
            continue
        last = words[-1].text
        if _shape(last) == shape or mended_code(last, shape, False) is not None:
            row.cells["sku"] = words[-1:]


def codes_in_their_columns_shape(rows: list[RowDraft]) -> None:
    """A read code one or two characters off the shape two thirds of its column's codes share ('§92734' among
    six-digit codes, 'ARTO6891' among 'ART' and five digits, '782473' among a capital and five digits) takes it
    where OCR's usual confusions of letters and digits ('§' and '5', 'O' and '0', '7' and 'T') make it fit; a
    mark read beside the letter it doubles ('S$95266') is dropped; in a column of Latin capitals, a small or
    Cyrillic twin of one ('т30974') is the capital."""
    codes, shape = code_shapes(rows)
    if shape is None:
        return
    capitals = capital_codes(codes, shape)
    for index, row in enumerate(rows):
        words, text = row.cells.get("sku", []), codes[index]
        if len(words) != 1 or words[0].confidence >= 1.0:
            continue
        if fits_shape(text, shape, capitals):
            continue
        mended = mended_code(text, shape, capitals)
        if mended is not None and mended != text:
            row.cells["sku"] = [Word(mended, words[0].bbox, words[0].confidence)]


def _digits_of(text: str) -> str:
    return "".join(ch for ch in text if ch.isdigit())


def _misread_by_arithmetic(cells: dict[str, FieldValue], row: RowDraft) -> None:
    """A scanned row whose quantity x price misses its amount, where exactly one of the three read one digit off (a
    digit misread, dropped or added: '7.08' for 7.05, '18.0%' for 18.06) and the other two give it exactly: that
    one is what the other two make it. Where two of them could be so mended, the one OCR was less sure of (only
    if it is clearly less sure); words of a text layer are never changed (their digits are as printed)."""
    if any(n not in cells or cells[n].raw is None for n in PRICED) or row.cells.get("_discount"):
        return
    words = {n: row.cells.get(n, []) for n in PRICED}
    if not all(words.values()) or min(w.confidence for ws in words.values() for w in ws) >= 1.0:
        return
    qty, price, amount = (as_decimal(cells[n].value) for n in PRICED)
    if qty is None or price is None or amount is None or qty <= 0 or price <= 0 or amount <= 0:
        return
    per = number(row.cells.get("_per", []), None) or Decimal("1")
    gross = qty * price / per
    exponent = amount.as_tuple().exponent
    # to the amount's own rounding: a currency without cents rounds 1 945 339.20 to 1 945 339
    if abs(gross - amount) <= max(
        Decimal("0.005"), Decimal(5).scaleb(exponent - 1) if isinstance(exponent, int) else 0
    ):
        return
    whole = ((1 - amount / gross) * 100).to_integral_value()
    if 0 < whole <= 50 and abs(gross * (1 - whole / 100) - amount) <= Decimal("0.01"):
        return  # a whole-percent discount the row does not print makes it add up
    guesses: dict[str, Decimal] = {}
    exact = {
        "quantity": (amount * per / price).quantize(Decimal("0.001")),
        "unit_price": (amount * per / qty).quantize(Decimal("0.01")),
        "amount": (qty * price / per).quantize(Decimal("0.01")),
    }
    for name, guess in exact.items():
        value = {"quantity": qty, "unit_price": price, "amount": amount, name: guess}
        if guess <= 0 or abs(value["quantity"] * value["unit_price"] / per - value["amount"]) > Decimal("0.005"):
            continue
        read = _digits_of(cells[name].raw or "")
        forms = {f"{guess.normalize():f}", f"{guess.quantize(Decimal('0.01')):f}"}
        if any(Levenshtein.distance(read, _digits_of(form)) <= 1 for form in forms):
            guesses[name] = guess
    if not guesses:
        return
    sure = {n: min(w.confidence for w in words[n]) for n in guesses}
    name = min(sure, key=lambda n: sure[n])
    if any(other != name and sure[other] - sure[name] < 0.1 for other in sure) or sure[name] >= 1.0:
        return
    old = cells[name]
    exponent = as_decimal(old.value).as_tuple().exponent  # type: ignore[union-attr]
    guess = guesses[name].quantize(Decimal(1).scaleb(exponent)) if isinstance(exponent, int) else guesses[name]
    if guess.is_zero() or abs(guess - guesses[name]) > Decimal("0.0005"):
        guess = guesses[name]
    cells[name] = FieldValue(guess, min(old.confidence, 0.5), old.page, old.bbox, old.raw)


def _before_the_money(words: list[Word], row: RowDraft) -> list[Word]:
    """A unit's read words less those right of both the row's price and amount: a currency mark OCR garbled
    ('zt' for 'zł' after '37 677,03') is not the unit, which stands before the money it counts."""
    if not all(row.cells.get(n) for n in ("unit_price", "amount")):
        return words
    right = max(min(w.bbox[0] for w in row.cells[n]) for n in ("unit_price", "amount"))
    return [w for w in words if w.confidence >= 1.0 or w.bbox[0] < right]


def _amounts_only(cells: dict[str, list[Word]]) -> bool:
    """A row's text is money and nothing else (no code, no word): totals standing where a description would."""
    text = cells.get("description", [])
    return not cells.get("sku") and bool(text) and all(re.fullmatch(r"[\d.,' ]*\d[.,]\d{2}", w.text) for w in text)


def _trailing_digits(words: list[Word]) -> list[Word]:
    """The run of digit groups ending a line ('Subtotal 1726 806,72'): a scan's amount cut where it lost a space."""
    run: list[Word] = []
    for word in reversed(words):
        if not re.fullmatch(r"[\d.,']*\d", word.text):
            break
        run.insert(0, word)
    return run


def _tax_of(words: list[Word], net: Decimal, number_hint: str | None) -> bool:
    """A line printing a percentage and an amount that is that rate of ``net`` (a cent either way)."""
    found = re.search(r"(\d{1,2}(?:[.,]\d{1,2})?)\s?%", " ".join(w.text for w in words))
    if not found or net <= 0:
        return False
    rate = Decimal(found.group(1).replace(",", "."))
    amount = number(_trailing_digits(words), number_hint)
    return amount is not None and abs(net * rate / 100 - amount) <= Decimal("0.011")


def _ends_a_run(rows: list[RowDraft], amount: list[Word], number_hint: str | None) -> bool:
    """The amount is the sum of the last two rows or more: a subtotal whose section began where no subtotal was read
    (above a continued page's first row), or a balance carried over a page break (the sum of every row so far)."""
    total = number(amount, number_hint)
    if total is None or len(rows) < 2:
        return False
    running = Decimal(0)
    for count, row in enumerate(reversed(rows), start=1):  # from the last row back, read as far as needed
        (value,) = _row_amounts([row], number_hint)
        if value is None:
            return False
        running += value
        if count >= 2 and abs(running - total) <= Decimal("0.011"):
            return True
    return False


def _codes_at_text_end(table: list[RowDraft]) -> None:
    """A table printing a bracketed article code after the text on some rows ('Hydraulic hose [HW-8921]') puts
    the code wherever the text has room: a code before the text on other rows is as much the text's, no column
    of codes fused into it."""
    texts = [_without_leaders(row.cells.get("description", [])) for row in table]
    ends = [TRAILING_CODE.search(" ".join(w.text for w in words)) for words in texts]
    if any(found and _is_code(found.group(1), priced=False) for found in ends):
        for row in table:
            row.code_in_text = True


def _sku_from_description(cells: dict[str, FieldValue], code_in_text: bool) -> None:
    """A table with no code column of its own that prints the code in brackets before the description
    ('[HW-8921] Hydraulic hose ...'): the bracketed code is the row's sku, the rest its description."""
    description = cells.get("description")
    if "sku" in cells or code_in_text or description is None or not isinstance(description.value, str):
        return
    found = BRACKETED_CODE.match(description.value)
    if not found or not _is_code(found.group(1), priced=False) or not found.group(2).strip():
        return
    code, text = found.group(1), found.group(2).strip()
    cells["sku"] = FieldValue(code, description.confidence, description.page, description.bbox, code)
    cells["description"] = FieldValue(text, description.confidence, description.page, description.bbox, description.raw)


def _sku_from_sub_lines(cells: dict[str, FieldValue], sub_lines: list[list[Word]], page: int) -> list[list[Word]]:
    """A row with no code column that prints its article number under the text, captioned as a code column would
    be ('Art.-Nr. 737911', 'Item no.: PX-220'): that code is the row's sku. The other sub-lines stay extras."""
    for index, words in enumerate(sub_lines):
        if len(words) != 2 or not _is_code(words[1].text, priced=True):
            continue
        caption = words[0].text.rstrip(":")
        if "sku" in _column_roles_of(caption) or NUMBERED_CAPTION.match(caption):
            code = words[1]
            cells["sku"] = FieldValue(
                code.text, round(0.85 * (0.5 + 0.5 * code.confidence), 4), page, code.bbox, code.text
            )
            return sub_lines[:index] + sub_lines[index + 1 :]
    return sub_lines


def _is_code(text: str, priced: bool) -> bool:
    """A cell that names an article rather than counts or prices it: letters or dashes among digits ('MTL-23761',
    '347-6970-62', 'PN343903'), or, where quantity, price and amount all have columns of their own (priced), a
    bare run of four or more digits with no separator in it (a catalogue, HSN or EAN number: '520282')."""
    if not CODE.match(text) or parse_date(text) is not None:
        return False
    if re.fullmatch(r"[\d.,]+", text):
        return priced and text.isdigit() and len(text) >= 4
    return True


def _longest_codes(table: list[RowDraft], header: tuple[Column, ...]) -> Column | None:
    """Of the unread columns holding one code of digits on most rows, the one whose codes are the longest (by
    their middle count of digits), where there are two such columns or more. A code's digits may stand in groups
    parted by dashes or slashes ('4375-992', a cost centre beside the 9-digit article number)."""
    lengths: list[tuple[float, Column]] = []
    for column in header:
        if not column.name.startswith("_unread"):
            continue
        cells = [row.cells.get(column.name, []) for row in table]
        codes = [ws[0].text for ws in cells if len(ws) == 1 and re.fullmatch(r"\d+(?:[-/]\d+)*", ws[0].text)]
        if len(codes) >= max(1, 0.8 * len(table)):
            lengths.append((median(sum(ch.isdigit() for ch in c) for c in codes), column))
    if len(lengths) < 2:
        return None
    return max(lengths, key=lambda pair: pair[0])[1]


def _lettered_codes_beside(table: list[RowDraft], unread: str) -> bool:
    """Two columns of codes, the one named the article's printing numbers with a point ('632.5163'), the unread one
    codes with letters ('TM-617332'): as the table found by arithmetic, the lettered code names the article."""
    pairs = [(row.cells.get("sku", []), row.cells.get(unread, [])) for row in table]
    full = [(a[0].text, b[0].text) for a, b in pairs if len(a) == 1 and len(b) == 1]
    if len(full) < 0.8 * len(table):
        return False
    return all(
        _is_code(b, priced=False) and re.search(r"[A-Za-z]", b) and not re.search(r"[A-Za-z]", a) for a, b in full
    )


def _two_captions_of_text(table: list[RowDraft]) -> None:
    """Of two columns whose captions both named the text (the left taken for the article's code): one text where
    it runs on from one column into the other a space apart on every row; else the one holding one code a row
    ('IW-4155') names the article and the one holding the goods' words ('Nitrile exam gloves') describes them."""
    header = table[0].header
    sku = next((c for c in header if c.name == "sku"), None)
    text = next((c for c in header if c.name == "description"), None)
    if sku is None or text is None:
        return
    filled = [row for row in table if row.cells.get("sku") and row.cells.get("description")]
    if (
        sku.x1 < text.x0
        and filled
        and all(_goes_on(row.cells["sku"], min(row.cells["description"], key=lambda w: w.bbox[0])) for row in filled)
    ):
        # the text runs on from one caption's column into the other's a space apart on every row: one text
        sku.name = "_text"
        for row in table:
            row.cells["description"] = reading_order(row.cells.pop("sku", []) + row.cells.get("description", []))
            row.columns = tuple(c.name for c in row.header)
        return
    codes = sum(
        len(ws) == 1 and _is_code(ws[0].text, priced=False) for ws in (r.cells.get("description", []) for r in table)
    )
    goods = sum(sum(bool(re.search(r"[^\W\d_]{3}", w.text)) for w in r.cells.get("sku", [])) >= 2 for r in table)
    if codes < 0.8 * len(table) or goods < 0.8 * len(table):
        return
    _swap(table, sku, text)


def _margin_note(word: Word, columns: list[Column], char_width: float) -> bool:
    """A word in the margin right of a table whose last column holds right-aligned numbers ('PRICE CHANGED'
    beside an amount): its numbers end at the column's right edge, so nothing printed past it is a cell. A currency
    mark a space after the amount is the amount's ('1 250,00   EUR')."""
    last = columns[-1]
    return (
        last.name in PRICED
        and word.bbox[0] > last.x1 + char_width
        and re.search(r"[^\W\d_]", word.text) is not None
        and parse_currency(word.text) is None
    )


def _cut_at_decimal_mark(words: list[Word], char_width: float) -> list[Word]:
    """A number OCR cut after its decimal mark ('14' '190,' '78' for '14 190,78' on a scan whose commas print wide),
    as one word: digits ending in a point or comma, its two decimals at most a space and a half after. A text
    layer's words are left as they are (no layer cuts a number so)."""
    out: list[Word] = []
    for word in words:
        last = out[-1] if out else None
        if (
            last is not None
            and last.confidence < 1.0
            and re.fullmatch(r"[-−]?\d[\d.,']*[.,]", last.text)
            and re.fullmatch(r"\d{2}", word.text)
            and 0 <= word.bbox[0] - last.bbox[2] < 1.5 * char_width
        ):
            out[-1] = joined_word(last, word)
        else:
            out.append(word)
    return out


def _litre_read_as_one(words: list[Word], columns: list[Column], char_width: float) -> list[Word]:
    """A scan's 'l' (the litre, a unit in every language's tables) read as the stroke it looks like ('1', 'I'), alone
    in the unit's column and under no numeric column: the unit 'l', not a number pushing the row's values out of
    their columns. A text layer's words are left as they are."""
    unit = next((c for c in columns if c.name == "unit"), None)
    if unit is None:
        return words
    numeric = [c for c in columns if c.name in NUMERIC_COLUMNS]
    out = []
    for word in words:
        x0, _, x1, _ = word.bbox
        if (
            word.confidence < 1.0
            and word.text in ("1", "I")
            and unit.x0 - 0.5 * char_width <= x0
            and x1 <= unit.x1 + 0.5 * char_width
            and all(_gap(x0, x1, c.x0, c.x1) > 0 for c in numeric)
            and sum(1 for w in words if _gap(w.bbox[0], w.bbox[2], unit.x0, unit.x1) == 0) == 1
        ):
            word = Word("l", word.bbox, word.confidence)
        out.append(word)
    return out


def _unparsed_value(word: Word, owner: Column | None, columns: list[Column], char_width: float) -> bool:
    """A word of digits and signs, no letter, that is no number ('5+5', '20+5': a compound discount), standing
    under a numeric column past the end of the text column on its left: that column's value in a form not
    read, no word of the text. A date ('19.11.2026' of a delivery line under the item) is no such value: it
    belongs to a sub-line, which a value of the row's columns would turn into a stray line ending the table."""
    if re.search(r"[^\W\d_]", word.text) or not re.search(r"\d", word.text) or parse_date(word.text) is not None:
        return False
    under = [
        c for c in columns if c.name in NUMERIC_COLUMNS and _gap(word.bbox[0], word.bbox[2], c.x0, c.x1) < char_width
    ]
    after = [c for c in columns if owner is not None and c.x0 > owner.x0]
    inside_text = owner is not None and (not after or word.bbox[2] < after[0].x0 - 0.5 * char_width)
    return bool(under) and not inside_text


def _without_leaders(words: list[Word]) -> list[Word]:
    """A text cell less its leader dots ('Hex bolt ..........' before the numbers): runs of three or more dots
    (or ellipses) are no text."""
    out = []
    for word in words:
        text = LEADERS.sub("", word.text).strip()
        if text:
            out.append(word if text == word.text else Word(text, word.bbox, word.confidence))
    return out


def _under_mark_column(word: Word, columns: list[Column], char_width: float) -> Column | None:
    """The column of marks (a currency code after each price: a column neither of text nor of values) that a
    word stands under, its span within the column's: such a word is no word of the description running past."""
    for column in columns:
        if column.name.startswith("_unread") or column.name in TEXT_COLUMNS or column.name in ROW_NUMBERS:
            continue
        if column.x0 - char_width <= word.bbox[0] and word.bbox[2] <= column.x1 + char_width:
            return column
    return None


def _inside_table(words: list[Word], left_bound: float, char_width: float) -> list[Word]:
    """The words of a line that stand in a table starting at ``left_bound``: a phrase begun left of it (an item's
    text on the line above its numbers, running on under them: 'Nitrile gloves, size L') is not the table's."""
    inside: list[Word] = []
    for index, word in enumerate(words):
        if word.bbox[0] < left_bound:
            continue
        before = words[index - 1] if index else None
        if before is None or before in inside or word.bbox[0] - before.bbox[2] > 2 * char_width:
            inside.append(word)
    return inside


def _text_cells(cells: dict[str, list[Word]], more: set[str], measured: bool) -> bool:
    """A line of text cells only: description, code, unit, line number (and ``more``); in a table measured from
    its rows, also a text column whose role was not told (a second code beside the description)."""
    names = {"description", "sku", "unit", "_line", *more}
    return all(name in names or measured and name.startswith("_unread") for name in cells)


def _lettered(cells: dict[str, list[Word]]) -> set[str]:
    """The cells of columns whose role no caption told that hold words without a digit ('C' of 'rev. C')."""
    return {
        name
        for name, words in cells.items()
        if name.startswith("_unread") and not any(ch.isdigit() for w in words for ch in w.text)
    }


def _split_at(lines: list[Line]) -> int | None:
    """Where a run of lines from one item's numbers to the next item's splits: after the widest step between
    line tops (rows set apart from each other more than an item's wrapped lines), None where the steps are even."""
    steps = [b.top - a.top for a, b in zip(lines, lines[1:], strict=False)]
    widest = max(steps)
    return steps.index(widest) if widest > 1.12 * min(steps) else None


_LINE_NUMBER = re.compile(r"\d{1,3}(?:\.\d{1,2})?\.?")


def _opening_number(line: Line, cells: dict[str, list[Word]]) -> str | None:
    """The line number a text line opens with ('1', '10', '1.2'), standing left of the goods' words, in the line
    number column or in none: where an item's numbers stand under its first line, that line starts the item."""
    first = line.words[0] if line.words else None
    described = cells.get("description")
    if first is None or not _LINE_NUMBER.fullmatch(first.text) or not described or first.bbox[2] > described[0].bbox[0]:
        return None
    held = [w for name, ws in cells.items() if name != "_line" for w in ws]
    return None if any(w is first for w in held) else first.text


def _numbered_splits(
    rows: list[RowDraft],
    own: list[str | None],
    lead: list[tuple[Line, dict[str, list[Word]]]],
    runs: list[tuple[int, list[tuple[Line, dict[str, list[Word]]]]]],
) -> dict[int, int] | None:
    """Where each run of text lines between two items' numbers splits when every item prints its line number once
    and they count up: before the run's line that opens with the next item's number, or after the whole run
    where that number stands on the item's own numbers line (``own``, per row). None where they do not tell."""
    held = dict(runs)
    texts = [n for ln, cells in lead[:1] if (n := _opening_number(ln, cells))]
    found: dict[int, int] = {}
    for i, opened in enumerate(own):
        texts += [opened] if opened else []
        if i == len(rows) - 1:
            break
        run = held.get(i, [])
        numbered = [(k, n) for k, (ln, cells) in enumerate(run) if (n := _opening_number(ln, cells))]
        if len(numbered) > 1 or bool(numbered) == bool(own[i + 1]):
            return None
        found[i] = numbered[0][0] if numbered else len(run)
        texts += [n for _, n in numbered]
    # a split inside a run tells, and so does every item opening its own numbers line with its number: that line
    # starts the item, so the text under it is the item's (a description wrapping under its numbers)
    told = any(k < len(held.get(i, [])) for i, k in found.items()) or bool(runs) and all(own)
    return found if told and len(texts) == len(rows) and counting_up(texts, strictly=True) else None


def _reanchored(
    rows: list[RowDraft],
    held: dict[int, list[tuple[Line, dict[str, list[Word]]]]],
    first: int,
    lead: list[tuple[Line, dict[str, list[Word]]]],
    numbers: dict[int, str],
) -> bool:
    """Gives the text lines between two items' numbers to the item they belong to. A description may wrap under
    its item's numbers (the text is the item's above) or over them (the numbers stand on its last line or under
    it: the text is the next item's): where the steps between the lines part the rows, the widest step splits
    them; where they are even, the table's own habit, told by text above its first row and none under its last.
    Whether that settled the text over the first row (``lead``): given to it, or the descriptions wrap under."""
    runs = [(i, held[first + i]) for i in range(len(rows) - 1) if held.get(first + i)]
    splits: dict[int, int | None] = {}
    for i, run in runs:
        above, below = rows[i].line, rows[i + 1].line
        splits[i] = None if above is None or below is None else _split_at([above, *(ln for ln, _ in run), below])
    numbered = _numbered_splits(rows, [numbers.get(first + i) for i in range(len(rows))], lead, runs)
    if numbered is not None:
        if lead and _opening_number(*lead[0]):
            _moved(lead, rows[0], None)
        for i, run in runs:
            _moved(run[numbered[i] :], rows[i + 1], rows[i])
        return True
    roomy = _room_splits(rows, runs)
    each = {i: splits[i] if splits[i] is not None else roomy.get(i) for i, _ in runs}
    # every run told where it parts, by a wider step or by a line that had room for the next one's first word
    all_told = bool(roomy) and all(k is not None for k in each.values())
    if all_told:
        splits = dict(each)
    bare = any(not row.cells.get("description") and not row.cells.get("sku") for row in rows)
    if not all_told and not bare and any(k == len(held[first + i]) for i, k in splits.items()):
        return True  # a row keeps the text under it: the descriptions wrap under their numbers
    start = rows[0].cells.get("description", [None])[0] if rows else None
    aligned = bool(lead) and (start is None or abs(lead[0][1]["description"][0].bbox[0] - start.bbox[0]) < 0.01)
    told = any(k is not None for k in splits.values())
    if not (bare or told or runs and aligned and not held.get(first + len(rows) - 1)):
        return False
    if aligned:
        # a first row with no text of its own may have a section's heading over its text
        _moved(
            _item_text(lead, rows[0].line) if start is None and not rows[0].cells.get("sku") else lead, rows[0], None
        )
    for i, run in runs:
        _moved(run[splits[i] or 0 :], rows[i + 1], rows[i])
    return aligned


def _own_text(row: RowDraft) -> list[Word]:
    """The description words printed on the row's own numbers line."""
    if row.line is None:
        return []
    top, bottom = row.line.top, row.line.bottom
    return [w for w in row.cells.get("description", []) if top <= (w.bbox[1] + w.bbox[3]) / 2 <= bottom]


def _wraps_into(texts: list[list[Word]], right: float, space: float) -> bool:
    """Whether text lines, each set under the one before, are one description wrapped: they start at one edge, and
    every line but the last had no room (to ``right``, the widest the column's text reaches) for the next line's
    first word, the only reason a description goes on on the next line."""
    if len(texts) < 2 or not all(texts) or any(abs(t[0].bbox[0] - texts[0][0].bbox[0]) > space for t in texts):
        return False
    return all(a[-1].bbox[2] + space + (b[0].bbox[2] - b[0].bbox[0]) >= right for a, b in itertools.pairwise(texts))


def _text_over_rows(
    rows: list[RowDraft], over: dict[int, list[tuple[Line, dict[str, list[Word]]]]], numbered_rows: dict[int, str]
) -> None:
    """Gives the text lines right over an item's numbers line (under the header, or a section's heading after the
    subtotal before) to the item where they are its description's first lines: the lines wrap into the text on
    its numbers line (``_wraps_into``; a section's heading or a sub-header leaves room at its end, a wrapped
    description does not), and the item keeps no text under its numbers, or the lines open with its number (where
    its numbers line, of ``numbered_rows``, does not), or the table's other items took the text over theirs.
    Text that names the section the item's own outline number belongs to ('Chapter 2. Maintenance' over '2.1') is
    that section's heading, none of the item's text."""
    texts = [row.cells.get("description", []) for row in rows]
    texts += [cells.get("description", []) for block in over.values() for _, cells in block]
    if not any(texts):
        return
    right = max(w.bbox[2] for ws in texts for w in ws)
    gaps = [b.bbox[0] - a.bbox[2] for ws in texts for a, b in itertools.pairwise(ws) if b.bbox[0] > a.bbox[2]]
    space = median(gaps) if gaps else 0.0
    # the text between two other items went to the one under it: the table's descriptions start over their numbers
    habit = any(w.bbox[3] <= row.line.top for row in rows if row.line for w in row.cells.get("description", []))
    for index, block in over.items():
        row, text = rows[index], _item_text(block, rows[index].line)
        own = _own_text(row)
        if row.line is None or not own or not text:
            continue
        if _heads_section(text, numbered_rows.get(index)):
            continue
        # text under its numbers line too: the description wraps under them, unless the text over them opens
        # with the item's line number or the other items start over theirs (the numbers on a middle line)
        numbered = _opening_number(*text[0]) is not None and index not in numbered_rows
        if len(own) < len(row.cells.get("description", [])) and not (numbered or habit):
            continue
        if _wraps_into([*(cells.get("description", []) for _, cells in text), own], right, space):
            _moved(text, row, None)


_LEADERS = re.compile(r"[.·…_]{3,}$")


def _heads_section(lines: list[tuple[Line, dict[str, list[Word]]]], number: str | None) -> bool:
    """Whether text lines over an item numbered in an outline ('2.1', '2-1') print its section's number alone
    ('Chapter 2.', '2 Maintenance', 'Lot 2:'), or that number's letter or Roman numeral ('B – Services', 'II.'):
    the heading of the section the item opens."""
    outline = re.fullmatch(r"(\d{1,2})[.\-/]\d{1,3}\.?", number or "")
    if outline is None:
        return False
    section = int(outline.group(1))
    names = {str(section), _roman(section)} | ({chr(64 + section)} if 1 <= section <= 26 else set())
    return any(w.text.rstrip(".:)") in names for line, _ in lines for w in line.words if len(w.text) <= 6)


def _roman(value: int) -> str:
    """``value`` (1..99) in Roman numerals."""
    out = ""
    for size, mark in ((90, "XC"), (50, "L"), (40, "XL"), (10, "X"), (9, "IX"), (5, "V"), (4, "IV"), (1, "I")):
        while value >= size:
            out, value = out + mark, value - size
    return out


def _room_splits(
    rows: list[RowDraft], runs: list[tuple[int, list[tuple[Line, dict[str, list[Word]]]]]]
) -> dict[int, int]:
    """Where a run of description lines between two items' numbers parts, told by the wrapping: a description
    wraps a word onto the next line only when it does not fit on the line, so a line with room left (to the
    widest line of the table's descriptions) for the first word of the line below ends its item, as does a line
    ending in leader dots. Per run (index of the row above it) where exactly one such end stands in it."""

    texts = [ws for _, run in runs for _, cells in run if (ws := cells.get("description"))]
    texts += [ws for row in rows if (ws := _own_text(row))]
    if len(texts) < 3:
        return {}
    right = max(w.bbox[2] for ws in texts for w in ws)
    gaps = [b.bbox[0] - a.bbox[2] for ws in texts for a, b in itertools.pairwise(ws) if b.bbox[0] > a.bbox[2]]
    space = median(gaps) if gaps else 0.0
    found: dict[int, int] = {}
    for i, run in runs:
        lines = [_own_text(rows[i]), *(cells.get("description", []) for _, cells in run), _own_text(rows[i + 1])]
        ends = [
            k
            for k in range(len(lines) - 1)
            if lines[k]
            and lines[k + 1]
            and (
                _LEADERS.search(lines[k][-1].text)
                or lines[k][-1].bbox[2] + space + (lines[k + 1][0].bbox[2] - lines[k + 1][0].bbox[0]) < right
            )
        ]
        if len(ends) == 1:
            found[i] = ends[0]
    return found


def _item_text(
    lines: list[tuple[Line, dict[str, list[Word]]]], row: Line | None
) -> list[tuple[Line, dict[str, list[Word]]]]:
    """Of the text lines over an item's numbers, the item's own: from the first that describes goods, after the
    widest step where one parts them (a section's heading set apart above the item's first line)."""
    described = [i for i, (_, cells) in enumerate(lines) if cells.get("description")]
    lines = lines[described[0] :] if described else []
    split = _split_at([*(ln for ln, _ in lines), row]) if lines and row is not None else None
    return lines[split + 1 :] if split is not None and split + 1 < len(lines) else lines


def _moved(lines: list[tuple[Line, dict[str, list[Word]]]], row: RowDraft, source: RowDraft | None) -> None:
    """The words of text ``lines`` put before ``row``'s own (taken from ``source``, which had them)."""
    unread = sorted({name for _, cells in lines for name in cells if name.startswith("_unread")})
    for name in ("description", "sku", "unit", *unread):
        words = [w for _, cells in lines for w in cells.get(name, [])]
        if not words:
            continue
        if source is not None:
            ids = {id(w) for w in words}
            source.cells[name] = [w for w in source.cells.get(name, []) if id(w) not in ids]
            if not source.cells[name]:
                del source.cells[name]
        row.cells[name] = words + row.cells.get(name, [])


def _opens_totals(line: Line, char_width: float) -> bool:
    """A line whose text, or its first phrase, opens with a totals caption ('Net Total', 'Total HT')."""
    return bool(TOTALS_LINE.match(line.text) or TOTALS_LINE.match(split_phrases(line, char_width)[0].text))


def _close_under(line: Line, bottom: float) -> bool:
    """A line starting less than a line and a half (of its height, at least a small print's) under ``bottom``: the
    next line of the same block, not one after a blank."""
    return line.top - bottom < 1.6 * max(line.height, 0.005)


_BREAK_COUNT = re.compile(r"^(?:[≥>]=?\s?)?\d{1,6}(?:\+|\s?[-–]\s?\d{1,6})?$")
# a scan's small '+' after a tier's count read as another mark ('12-', '10.', '10s', '48*'), and its price's point
# as a colon ('12:33'): a tier still, on an OCR'd page only
_SCANNED_BREAK_COUNT = re.compile(r"^(?:[≥>]=?\s?)?\d{1,6}(?:[-–+±.,:;*st]|\s?[-–]\s?\d{1,6})?$")
_SCANNED_PRICE = re.compile(r"^\d{1,6}[.,:;]\d{2}$")


def _price_tier(line: Line, cells: dict[str, list[Word]], previous: RowDraft, page: Page) -> bool:
    """A line under a priced row with a count and a price or two and no words ('12+  16.33', '10-49  26.89'): a
    step of the item's price ladder, printed in a column of its own, not an item (it has no goods and no amount
    that its own count and price make)."""
    words = line.words
    if previous.page != page.number or not previous.cells.get("amount") or not 2 <= len(words) <= 4:
        return False
    if cells.get("description") or cells.get("sku"):
        return False
    scanned = page.source == "ocr"
    count = _SCANNED_BREAK_COUNT if scanned else _BREAK_COUNT
    return bool(count.match(words[0].text)) and all(
        number([w], None) is not None or (scanned and _SCANNED_PRICE.match(w.text)) for w in words[1:]
    )


def _matched_in_order(
    short: int, long: int, cost: Callable[[int, int], float]
) -> tuple[float, list[tuple[int, int]]] | None:
    """Each of ``short`` things matched to one of ``long`` things (``short`` <= ``long``), in order (no crossing), at
    the least summed ``cost(s, l)``, the rest of ``long`` left over (a small DP; a tie takes the match): that sum and
    the matched (s, l) pairs, last first; None where no matching costs less than infinity."""
    inf = float("inf")
    total = [[inf] * (long + 1) for _ in range(short + 1)]
    took: list[list[bool]] = [[False] * (long + 1) for _ in range(short + 1)]
    total[0] = [0.0] * (long + 1)
    for i in range(1, short + 1):
        for j in range(1, long + 1):
            match, leave = total[i - 1][j - 1] + cost(i - 1, j - 1), total[i][j - 1]
            total[i][j], took[i][j] = (match, True) if match <= leave else (leave, False)
    if total[short][long] == inf:
        return None
    pairs: list[tuple[int, int]] = []
    i, j = short, long
    while i > 0:
        if took[i][j]:
            pairs.append((i - 1, j - 1))
            i -= 1
        j -= 1
    return total[short][long], pairs


def _text_column_left_of_description(columns: list[Column], lines: list[Line], char_width: float) -> None:
    """A caption naming no known column left of the description's ('Colour' | 'Description') heads a column of its
    own where the item rows print words under it and start the goods' text where the description's caption starts
    ('RAL 3000' | 'Masonry paint'): two cells. Where the rows' text starts under it and runs on past the
    description's caption at no fixed place, the caption named the description itself: the column goes."""
    text = next((c for c in columns if c.name == "description"), None)
    if text is None:
        return
    for column in [c for c in columns if c.name.startswith("_unread") and c.x1 < text.x0]:
        aligned = rows = 0
        for line in lines:
            if sum(is_amount_word(w) for w in line.words) < 2:
                continue  # the item rows tell, not a title or a totals line under the table
            under = [w for w in line.words if column.x0 - char_width < w.bbox[2] and w.bbox[0] < text.x0]
            if not under:
                continue
            rows += 1
            aligned += any(abs(w.bbox[0] - text.x0) < 0.6 * char_width for w in line.words)
        if aligned < 2 or aligned < 0.75 * rows:
            columns.remove(column)


def _set_as_notes(line: Line, rows: list[RowDraft], char_width: float) -> bool:
    """A line that starts where the notes under two rows or more start (their first sub-lines): one more."""
    starts = [row.sub_lines[0][0].bbox[0] for row in rows if row.sub_lines and row.sub_lines[0]]
    x = line.words[0].bbox[0]
    return sum(abs(start - x) < char_width for start in starts) >= 2


def distance_between(group: list[Word], column: Column) -> float:
    """How far a number's words stand from a column's span (0 where they overlap)."""
    x0, x1 = group[0].bbox[0], group[-1].bbox[2]
    if x1 >= column.x0 and x0 <= column.x1:
        return 0.0
    return min(abs(x0 - column.x1), abs(x1 - column.x0))


def _priced_under_unread(header: list[Column], rival: list[Column], char_width: float) -> bool:
    """The rows' arithmetic (``rival``) puts a price, quantity or amount under a caption no vocabulary read, and
    not under the caption that named that role ('Net Price' read as the price, 'Unit Price' beside it unread, the
    rows multiplying out with the latter): the words named the role's column wrongly."""
    for told in rival:
        if told.name not in PRICED:
            continue
        standing = [c for c in header if c.x0 - char_width < told.x1 and told.x0 < c.x1 + char_width]
        if any(c.name.startswith("_unread") for c in standing) and not any(c.name == told.name for c in standing):
            return True
    return False


def _header_told_by_rows(header: list[Column], rival: list[Column], char_width: float) -> list[Column] | None:
    """A header read in part (a scan's, or captions in no vocabulary), its missing numeric roles told by the rows'
    arithmetic (``rival``): each such column of the rows names the one unread header column standing over it, or
    joins the header where no header column stands. The header's own text columns stay (the rows' arithmetic
    knows no SKU column: the code would run into the description; nor a unit too long for its shape). None where
    the two disagree (a named header column over a numeric column of another role, or two unread columns over
    one): the arithmetic's columns are then taken whole."""
    named = {c.name for c in header}
    out = [Column(c.name, c.x0, c.x1) for c in header]

    def over(column: Column, other: Column) -> bool:
        return column.x0 - char_width < other.x1 and other.x0 < column.x1 + char_width

    for told in rival:
        if told.name not in NUMERIC_COLUMNS:
            continue
        standing = [c for c in out if over(c, told)]
        if told.name in named:
            if not any(c.name == told.name for c in standing):
                return None
            continue
        unread = [c for c in standing if c.name.startswith("_unread")]
        if len(standing) > len(unread) or len(unread) > 1:
            return None
        if unread:
            unread[0].name = told.name
            unread[0].x0, unread[0].x1 = min(unread[0].x0, told.x0), max(unread[0].x1, told.x1)
        else:
            out.append(Column(told.name, told.x0, told.x1))
    return sorted(out, key=lambda c: c.x0)


class TableReader(GeometricTables):
    # ---- line items ------------------------------------------------------------------------

    @staticmethod
    def _column_roles(words: list[Word]) -> list[str]:
        return _column_roles_of(" ".join(w.text for w in words))

    def _header_columns(self, line: Line, ocr: bool = False) -> list[Column] | None:
        """Columns of a table header line: words grouped into header phrases (longest tight groups first)."""
        words = line.words
        if len(words) < 3 or sum(any(ch.isdigit() for ch in w.text) for w in words) > 0.3 * len(words):
            return None  # a header has a few words and (almost) no numbers
        height = print_size(words)
        matches: list[tuple[list[str], list[Word]]] = []
        unread: list[list[Word]] = []
        unnamed: list[list[Word]] = []
        i, covered = 0, 0
        while i < len(words):
            for size in (4, 3, 2, 1):
                group = words[i : i + size]
                if len(group) < size:
                    continue
                # header words of one column sit a space apart; 'Unit' | 'Rate' in two columns is not 'Unit Rate'
                gaps = [b.bbox[0] - a.bbox[2] for a, b in itertools.pairwise(group)]
                exact = _norm(" ".join(w.text for w in group)).rstrip(":") in _SYNONYM_INDEX
                limit = 1.2 if exact else 1.0 if ocr else 0.6  # OCR boxes hug the ink: wider gaps
                if not all(g < limit * height for g in gaps):
                    continue
                roles = self._column_roles(group)
                if roles and (size == 1 or not self._splits_better(group)):
                    matches.append((roles, group))
                    i += size
                    covered += size
                    break
            else:
                # OCR garbles a header word now and then ('Qty' as 'ty'): an unsure word naming nothing
                # still heads a column, whose role its values tell later
                word = words[i]
                if ocr and word.confidence < 0.85:
                    if unread and unread[-1][-1] is words[i - 1]:
                        unread[-1].append(word)
                    else:
                        unread.append([word])
                elif _stands_apart(words, i, height):
                    unnamed.append([word])
                i += 1
        if len(matches) < 3 or covered + sum(map(len, unread)) < 0.75 * len(words):
            return None
        # ambiguous headers ('Item', 'Price', 'Units') take what the unambiguous ones leave
        # and an OCR word read with little confidence ('Pos.' read as 'Fee') yields a role to a sure reading
        taken: dict[str, Column] = {}
        for options, ws in sorted(matches, key=lambda m: (len(m[0]), min(w.confidence for w in m[1]) < 0.5)):
            for name in options:
                if name not in taken:
                    taken[name] = Column(name, ws[0].bbox[0], ws[-1].bbox[2])
                    break
            else:
                if options == ["description"] and "sku" not in taken and "description" in taken:
                    # two captions naming the text ('Supplier Item' | 'Item / Description'): one column holds the
                    # article's code, the left one until the values tell otherwise (``_two_captions_of_text``)
                    pair = sorted(
                        [taken["description"], Column("sku", ws[0].bbox[0], ws[-1].bbox[2])], key=lambda c: c.x0
                    )
                    taken["sku"], taken["description"] = pair[0], pair[1]
                    pair[0].name, pair[1].name = "sku", "description"
                    continue
                if min(w.confidence for w in ws) < 0.5 or options == ["sku"] and not ocr:
                    # a misread header still heads a column ('Pos.' 12 must not spill over); so does a second code
                    # caption ('Our Part No.' | 'Your Part No.'): which code is the article's its values tell
                    unread.append(ws)
                elif not ocr or min(w.confidence for w in ws) >= 0.8:
                    # a second '#' ('Mfr #' beside 'Seq.'), a 'Per' beside 'Unit': a column its values name later
                    # (on a scan where OCR read it surely: a misread caption stays no column)
                    unnamed.append(ws)
        # a printed header word naming no known column, set apart from its neighbours, right of a caption that
        # names the description, still heads a column: what stands under it ('Taxes' over 'VAT 21%') is not the
        # description's (left of it, or with no such caption, the word may caption the description itself)
        # (left of it, the rows tell: ``_text_column_left_of_description``)
        if "description" in taken:
            unread += [
                ws
                for ws in unnamed
                if ws[0].bbox[0] > taken["description"].x1 or ws[-1].bbox[2] < taken["description"].x0
            ]
        for index, ws in enumerate(unread):
            taken[f"_unread{index}"] = Column(f"_unread{index}", ws[0].bbox[0], ws[-1].bbox[2])
        if not ({"quantity", "amount", "unit_price"} & taken.keys()) or not ({"description", "sku"} & taken.keys()):
            return None
        if "description" not in taken and "sku" in taken:  # a lone 'Item' column describes the goods
            taken["description"] = taken.pop("sku")
            taken["description"].name = "description"
        return sorted(taken.values(), key=lambda c: c.x0)

    def _splits_better(self, group: list[Word]) -> bool:
        """'Price/Unit Ext. Price' read as one header hides two columns: every part names a column of its own."""
        if len(group) < 2:
            return False
        for cut in range(1, len(group)):
            left, right = self._column_roles(group[:cut]), self._column_roles(group[cut:])
            if right == ["_line"] and cut == len(group) - 1:
                continue  # 'No.' after a caption numbers what it names ('NSN / Part No.'): no column of its own
            if left == ["_line"] and cut == 1 and right == ["amount"] and group[0].text.isalpha():
                continue  # a worded 'Line' before an amount's caption says whose amount ('Line value'): one column
            if (
                left
                and right
                and not set(left) & set(right)
                and _norm(" ".join(w.text for w in group)) not in _SYNONYM_INDEX
            ):
                return True
        return False

    def _first_header(self, view: PageView, begin: int, end: int | None = None) -> tuple[list[Column], int, int] | None:
        """The first table header (one to three stacked lines) starting on a line in [begin, end)
        -> (columns, index of the line after, index of its first line)."""
        lines = view.lines
        for index in range(begin, len(lines) if end is None else min(end, len(lines))):
            line = lines[index]
            if _is_prose(view, index):
                continue
            best: tuple[int, list[Column], int] | None = None
            stacked = line
            for extra in range(0, 3):
                if extra:
                    below = lines[index + extra] if index + extra < len(lines) else None
                    previous = lines[index + extra - 1]
                    if below is None or below.top - previous.bottom > 0.8 * max(previous.height, below.height):
                        break
                    if any(is_amount_word(w) for w in below.words) or _is_prose(view, index + extra):
                        break
                    if extra == 1 and self._titles(line, below, view):
                        break
                    if extra and len(below.words) >= 3 and len(split_phrases(below, view.char_width)) == 1:
                        break  # one phrase of three words or more under captions: a description, a row's text
                    stacked = _stack(stacked, below)
                found = self._header_columns(stacked, view.page.source == "ocr")
                # a line stacked on that names no column the header did not name already ('High-temperature' under
                # 'Description': the first item's text over its numbers) is no caption's second line
                same = best is not None and [c.name for c in found or []] == [c.name for c in best[1]]
                if found and (best is None or len(found) >= best[0]) and not same:
                    best = (len(found), found, index + extra + 1)
            if best:
                return best[1], best[2], index
        return None

    def _titles(self, line: Line, below: Line, view: PageView) -> bool:
        """A line of one phrase of three words or more ('Annex 1 - Price schedule') over a line that heads a table
        by itself is the table's title, no header line to stack onto it."""
        one = len(line.words) >= 3 and len(split_phrases(line, view.char_width)) == 1
        return one and self._header_columns(below, view.page.source == "ocr") is not None

    def _find_header(self, view: PageView) -> tuple[list[Column], int] | None:
        """The first table header on the page -> (columns, index of the line after).

        A stray line just above the header (a running 'PO181458' over 'Line Total') stacks onto it and hides
        columns: when the header read from the next line names more columns, that one is the header.
        """
        found = self._first_header(view, 0)
        if found is None:
            return None
        columns, start, first = found
        later = self._first_header(view, first + 1, first + 2)
        if later is not None and len(later[0]) > len(columns):
            return later[0], later[1]
        return columns, start

    @staticmethod
    def _screens(views: list[PageView]) -> list[PageView]:
        """Each page cut where its top line is printed again word for word lower on it: a terminal's screens printed
        two to a page (the second going on with the next items under its own copy of the screen's top and the
        table's header), read as a page of their own each. A part that prints what an earlier part printed (the
        same order twice on a sheet, the original and its copy) is that order again, not more of it: left out."""
        out = []
        for view in views:
            texts = [" ".join(line.text.split()) for line in view.lines]
            top = texts[0] if texts else ""
            cuts = [i for i, text in enumerate(texts) if i and text == top]
            if len(top.split()) < 2:
                cuts = []
            seen: set[str] = set()
            for begin, end in zip([0, *cuts], [*cuts, len(view.lines)], strict=True):
                part = texts[begin:end]
                if begin and sum(text in seen for text in part) >= SCREEN_COPY_SHARE * len(part):
                    continue
                seen.update(part)
                out.append(PageView(view.page, view.lines[begin:end], view.phrases[begin:end], view.char_width))
        return out

    def _line_items(
        self, views: list[PageView], number_hint: str | None
    ) -> tuple[list[RowDraft], dict[int, tuple[float, float]]]:
        rows: list[RowDraft] = []
        spans: dict[int, tuple[float, float]] = {}
        views = self._screens(views)
        columns: list[Column] | None = None
        open_table = worded = False
        left_bound = 0.0
        sections_from = 0  # the rows since the last section subtotal, over pages
        for view in views:
            lead: list[tuple[Line, dict[str, list[Word]]]] = []  # text right above the page's first row
            header = self._find_header(view)
            pending = None  # this page's header, while rows of the table before are looked for above it
            # no header names the columns: the rows that multiply out tell them (not where a named table goes on)
            geometric = None if header is not None or worded else self._geometric_header(view, number_hint)
            scanned = view.page.source == "ocr"
            unread = header is not None and any(c.name.startswith("_unread") for c in header[0])
            if header is not None and (scanned or unread):
                # a header read in part (a scan's 'Montant' fuzzily, 'Taux' not at all; a printed caption in no
                # vocabulary, 'Qtd.', unread): the rows' arithmetic knows better where it finds a role the words missed
                rival = self._geometric_header(view, number_hint)
                named = {c.name for c in header[0]}
                finds_missed = rival is not None and bool({c.name for c in rival[0]} & (set(PRICED) - named))
                disputed = rival is not None and _priced_under_unread(header[0], rival[0], view.char_width)
                if rival is not None and (finds_missed or disputed or scanned and unread):
                    # the header's text columns stay (a scan's, or printed 'Unit' over 'user/year'): the arithmetic
                    # names only what the words did not ('Seats', 'Annual fee'); where the two disagree, its columns
                    mended = _header_told_by_rows(header[0], rival[0], view.char_width)
                    if mended is not None:
                        header = mended, header[1]
                    else:
                        header, geometric = None, rival
            if (
                header is not None
                and open_table
                and columns
                and self._goes_on_above(view, columns, header[1], number_hint)
            ):
                # the table of the page before goes on above this page's first header (a section's own header
                # further down): its rows first, the header is met again below them
                start, must_find_row, pending = 0, True, header
            elif header is not None:
                columns, start = header
                worded, left_bound = True, 0.0
                self._unit_holding_prices(columns, view.lines[start : start + 8])
                self._codes_under_text_caption(columns, view.lines[start : start + 8], view.char_width, number_hint)
                self._unheaded_amounts(columns, view.lines[start : start + 8])
                _text_column_left_of_description(columns, view.lines[start : start + 8], view.char_width)
                must_find_row = False
            elif geometric is not None:
                columns, start = geometric
                start = self._rows_above(view, columns, start, number_hint)
                lead = self._text_above(view, columns, start, number_hint)
                # the table's own width: a sidebar's words on the same lines are not its cells
                left_bound = columns[0].x0 - 3 * view.char_width
                must_find_row = False
            elif open_table and columns:
                start, must_find_row = 0, True  # the table goes on without a repeated header
            else:
                continue
            table_top = view.lines[start - 1].top if start else 1.0
            table_bottom = table_top
            previous: RowDraft | None = None
            open_table = True
            misses = 0
            section_from, after_subtotal = len(rows), False  # the rows a section subtotal adds up
            subtotal_sum = Decimal(0)
            position = start
            page_from = len(rows)  # this page's rows
            held: dict[int, list[tuple[Line, dict[str, list[Word]]]]] = {}  # a row's text lines under it
            line_numbers: dict[int, str] = {}  # the line number a row's own numbers line opens with
            described_above: list[Word] = []  # the text over the last row, where its own line names no goods
            opening: list[tuple[Line, dict[str, list[Word]]]] = []  # text after a section's subtotal
            over: dict[int, list[tuple[Line, dict[str, list[Word]]]]] = {}  # that text, by the row under it
            while position < len(view.lines):
                line, position = view.lines[position], position + 1
                printed_line = line  # with the words left of a measured table: its line numbers
                if left_bound and line.words[0].bbox[0] < left_bound:
                    inside = _inside_table(line.words, left_bound, view.char_width)
                    if not inside:
                        continue
                    line = Line(inside)
                if PAGE_MARK.search(line.text):
                    continue  # 'Page 1 of 2', 'continued', './..' between the rows of a long table
                if view.page.source == "text":
                    line = _without_overprint(line)
                line = joined_percents(line)
                cells = self._row_cells(line, columns, view.char_width, number_hint)
                numeric = {n for n in PRICED if n in cells}
                if after_subtotal and _tax_of(line.words, subtotal_sum, number_hint):
                    # under the sum of the rows, a printed rate and that rate of the sum: the tax, whatever its
                    # caption's language ('ПДВ 20%'), ends the table
                    open_table = False
                    break
                printed = {c.name for c in columns} & set(PRICED)
                is_row = ("amount" in numeric or {"quantity", "unit_price"} <= numeric) and len(numeric) >= min(
                    2, len(printed)
                )
                if printed == {"unit_price"}:  # a price list (a contract's schedule): a price per line
                    is_row = numeric == {"unit_price"}
                    dated = any(parse_date(" ".join(w.text for w in cells.get(n, []))) for n in ("unit", "sku"))
                    if is_row and dated:  # a date where the unit stands: a payment milestone, the price list is over
                        open_table = False
                        break
                if left_bound:  # a table found by its arithmetic: a row shows all it prints of the three
                    # (a scan's row may have lost one, not its amount: the other two give it back; a row of
                    # totals under the table names no goods)
                    goods = any(re.search(r"[^\W\d_]{2}", w.text) for w in cells.get("description", []))
                    lost = view.page.source == "ocr" and len(printed) == 3 and "amount" in numeric and goods
                    is_row = len(numeric) == len(printed) or lost and len(numeric) == 2
                if is_row and TOTALS_LINE.match(line.text):
                    # 'Shipping 253.60' or 'Net Total: $25,370 00' close the table; an item named
                    # 'Shipping Pallet' has a quantity, a price and an amount that agree
                    values: dict[str, Decimal | None] = {n: number(cells[n], number_hint) for n in numeric}
                    # a totals label has no item code and no unit beside its words ('Shipping Pallet  DC43061  EA')
                    coded = bool(cells.get("sku")) and bool(cells.get("description")) or bool(cells.get("unit"))
                    is_row = coded or len(numeric) == 3 and arithmetic_fits(values)
                if is_row and _amounts_only(cells):
                    is_row = False  # a totals grid's values under their captions ('38 456,04  9614,01  48 070,05')
                # the item's numbers on a line of their own under its wrapped description (the text lines above)
                above = held.get(len(rows) - 1, []) if previous is not None else lead
                above = opening if after_subtotal and opening else above
                under_text = bool(above) and _close_under(line, above[-1][0].bottom)
                if is_row and (cells.get("description") or cells.get("sku") or under_text):
                    bare = not cells.get("description") and not cells.get("sku")
                    previous = RowDraft(
                        view.page.number, cells, line.bottom, tuple(c.name for c in columns), tuple(columns), line
                    )
                    if after_subtotal and bare and under_text:
                        _moved(_item_text(opening, line), previous, None)  # a section's first item's text
                    elif after_subtotal and opening and under_text:
                        over[len(rows) - page_from] = opening  # may wrap into the text on the numbers line
                    # a bare row's text stands above it: a line under it is told from that text
                    described_above = [w for _, c in above for w in c.get("description", [])] if bare else []
                    misses, after_subtotal, opening = 0, False, []
                    if (opened := _opening_number(printed_line, cells)) is not None:
                        line_numbers[len(rows)] = opened
                    rows.append(previous)
                    must_find_row = False
                    table_bottom = line.bottom
                    if table_top == 1.0:
                        table_top = line.top
                    continue
                # the amount cell, or the line's last number: the section's number beside the subtotal ('Subtotal 1
                # 700'071.03 CHF') may have taken the amount's column and pushed the subtotal past it
                priced = [w for w in joined_thousands(line.words) if number([w], number_hint) is not None][-1:]
                # a scan's subtotal read in pieces ('1726 806,72'): the pieces may stand under two columns
                trailing = _trailing_digits(line.words)
                subtotals: list[list[Word]] = []  # the amount cell, the priced words and the trailing run: often one
                for ws in (cells.get("amount"), priced, trailing):
                    if ws and ws not in subtotals:
                        subtotals.append(ws)
                # a section runs on over a page break: its subtotal adds up the rows since the last subtotal
                # the section's number may stand beside its subtotal ('Subtotal 3   19,328.46'), under a column
                numbered = all(
                    re.fullmatch(r"\d{1,2}", " ".join(w.text for w in cells[n])) for n in numeric - {"amount"}
                )
                pieces = all(w in trailing for n in numeric for w in cells[n]) and "quantity" not in numeric
                if (numeric <= {"amount"} or "amount" in cells and (numbered or pieces)) and any(
                    _adds_up(rows[section_from:], subtotal, number_hint)
                    or section_from > sections_from
                    and _adds_up(rows[sections_from:], subtotal, number_hint)
                    or _ends_a_run(rows, subtotal, number_hint)
                    for subtotal in subtotals
                ):
                    # a section's subtotal between its items and the next section's heading: neither is an item
                    section_from, after_subtotal, misses, table_bottom = len(rows), True, 0, line.bottom
                    opening = []
                    sections_from = section_from
                    subtotal_sum = sum((a for a in _row_amounts(rows, number_hint) if a is not None), Decimal(0))
                    continue
                if after_subtotal and (not numeric or "amount" not in numeric and numbered):
                    # the next section's heading, its number under a numeric column ('Lot 2 - Gloves' where the
                    # columns stand in any order), or its first item's text where the numbers stand under it
                    joins = bool(opening) and _close_under(line, opening[-1][0].bottom)
                    if not numeric and _text_cells(cells, set(), True):
                        opening = [*opening, (printed_line, cells)] if joins else [(printed_line, cells)]
                    continue
                text_only = not numeric and _text_cells(cells, {"_note"}, bool(left_bound))
                close = previous is not None and _close_under(line, previous.bottom)
                spills = previous is not None and _runs_into_description(line, previous, view.char_width)
                totals = _opens_totals(line, view.char_width)
                # text between two rows, close to both ('Packing: 2 cartons, returnable' under each item): the
                # item's own note, whatever its words, no totals line and no paragraph after the table
                between = (
                    (spills or bool(totals))
                    and text_only
                    and close
                    and previous is not None
                    and previous.page == view.page.number
                    and self._row_follows(view, position, columns, number_hint)
                )
                if between and spills:
                    assert previous is not None  # ``between`` holds only under a row
                    previous.sub_lines.append(line.words)
                    previous.bottom = table_bottom = line.bottom
                    continue
                if close and previous is not None and _price_tier(line, cells, previous, view.page):
                    # a price break under the item ('12+  16.33'): a count and a price, no goods, no amount
                    previous.sub_lines.append(line.words)
                    previous.bottom = table_bottom = line.bottom
                    continue
                if (
                    text_only
                    and close
                    and previous is not None
                    and previous.page == view.page.number
                    and _set_as_notes(line, rows[page_from:-1], view.char_width)
                    and self._totals_follow(view, position)
                    and not self._section_goes_on(view, position, rows[section_from:], columns, number_hint)
                ):
                    # the last item's note, set where the notes between the rows above start, right over the
                    # totals: the item's sub-line (however short), and the table's end
                    previous.sub_lines.append(line.words)
                    previous.bottom = table_bottom = line.bottom
                    open_table = False
                    break
                if totals and not between and not self._wraps_description(line, previous, cells, view.char_width):
                    open_table = False
                    break
                if must_find_row:
                    if pending is not None and position >= pending[1]:
                        # no row of the table before above this page's header: the header's table it is
                        (columns, start), must_find_row, pending = pending, False, None
                        position = start
                    continue  # running header or page title before the continued table
                # a note under an item whose last word reaches over a column of no known role ('see drawing rev. C'
                # with 'C' under a weight's caption): words, no digit, still a line of text
                worded_only = text_only or (
                    not numeric
                    and not spills
                    and _text_cells(cells, {"_note"} | _lettered(cells), bool(left_bound))
                    and previous is not None
                    and previous.line is not None
                    and self._is_sub_line(line, previous.cells.get("description") or described_above, view.char_width)
                )
                if worded_only and close and not spills and previous is not None and previous.page == view.page.number:
                    described = previous.cells.get("description") or described_above
                    # a line set out left of the table's first column and of where the item's text starts (a
                    # printed page's exact edges): a legend under the table ('Tax codes: S = standard ...'), no wrap
                    # of the description nor the next item's text
                    left = min([c.x0 for c in columns] + [w.bbox[0] for w in described or []])
                    outdented = view.page.source == "text" and line.words[0].bbox[0] < left - 0.4 * view.char_width
                    if previous.line is not None and (outdented or self._is_sub_line(line, described, view.char_width)):
                        previous.sub_lines.append(line.words)  # 'Delivery: 2026-03-01' under the item
                        previous.bottom = table_bottom = line.bottom
                        continue
                    for name, words in cells.items():
                        if name != "_line":
                            previous.cells.setdefault(name, []).extend(words)
                    held.setdefault(len(rows) - 1, []).append((printed_line, cells))
                    previous.bottom = line.bottom
                    table_bottom = line.bottom
                    continue
                if (
                    close
                    and numeric == {"quantity"}
                    and previous is not None
                    and previous.page == view.page.number
                    and self._is_component(line, cells, previous, view.char_width)
                ):
                    previous.sub_lines.append(line.words)  # a kit's part under it: a count, no price of its own
                    previous.bottom = table_bottom = line.bottom
                    continue
                lead_text = bool(cells.get("description")) and _text_cells(cells, set(), bool(left_bound))
                near = bool(lead) and _close_under(line, lead[-1][0].bottom)
                if (
                    previous is None
                    and not numeric
                    and (line.top - (view.lines[start - 1].bottom if start else 0) < 0.05 or near and lead_text)
                ):
                    # a sub-header or blank band between the header and the first row, or the first item's
                    # description when the numbers stand on its last line (kept aside until the rows tell): a
                    # block of text lines however long, each close under the one before
                    lead = [*lead, (printed_line, cells)] if lead_text and (near or not lead) else []
                    continue
                far = previous is not None and line.top - previous.bottom > 1.6 * max(line.height, 0.005)
                ends = far and view.page.source != "ocr" and previous is not None and previous.page == view.page.number
                misses += not ends
                if ends or misses > 1 or previous is None:
                    # a heading after a blank band ('Milestones'), notes, a footer: the table ends, unless its
                    # header is printed again right below (a section of the same table: 'Labour and Services')
                    again = self._header_again(view, position - 1, columns) if worded else None
                    if again is None:
                        break
                    columns, start = again
                    position, previous, misses = start, None, 0
                # one unreadable line (a smudged scan row) does not end the table; two do
            if not _reanchored(rows[page_from:], held, page_from, lead, line_numbers) and lead and rows[page_from:]:
                over[0] = lead
            _text_over_rows(rows[page_from:], over, {i - page_from: n for i, n in line_numbers.items()})
            if table_top <= table_bottom:
                top, bottom = spans.get(
                    view.page.number, (table_top, table_bottom + 0.002)
                )  # a page's screens: one span
                spans[view.page.number] = (min(top, table_top), max(bottom, table_bottom + 0.002))
        return rows, spans

    @staticmethod
    def _totals_follow(view: PageView, index: int) -> bool:
        """The line at ``index`` opens with a totals caption ('Net Total', 'Total HT')."""
        if index >= len(view.lines):
            return False
        return _opens_totals(view.lines[index], view.char_width)

    def _section_goes_on(
        self, view: PageView, index: int, section: list[RowDraft], columns: list[Column], number_hint: str | None
    ) -> bool:
        """The totals line at ``index`` is a section's subtotal (its last number adds up the section's rows) and a
        row of goods printing a quantity, a price and an amount follows within a few lines, before any other totals
        line (under the next section's heading): the table goes on."""
        if index >= len(view.lines) or not section:
            return False
        priced = [w for w in joined_thousands(view.lines[index].words) if number([w], number_hint) is not None][-1:]
        if not priced or not _adds_up(section, priced, number_hint):
            return False
        for line in view.lines[index + 1 : index + 4]:
            if _opens_totals(line, view.char_width):
                return False  # the totals block goes on ('VAT 19%  45 792'): the subtotal was the table's sum
            cells = self._row_cells(joined_percents(line), columns, view.char_width, number_hint)
            goods = any(re.search(r"[^\W\d_]{2}", w.text) for n in ("description", "sku") for w in cells.get(n, []))
            if goods and {"quantity", "unit_price", "amount"} <= cells.keys():
                return True
        return False

    def _row_follows(self, view: PageView, index: int, columns: list[Column], number_hint: str | None) -> bool:
        """The line at ``index`` stands close under the one before it and reads as a row: goods and an amount."""
        if index >= len(view.lines):
            return False
        line, before = view.lines[index], view.lines[index - 1]
        if line.top - before.bottom > 1.6 * max(line.height, 0.005):
            return False
        cells = self._row_cells(joined_percents(line), columns, view.char_width, number_hint)
        goods = bool(cells.get("description") or cells.get("sku"))
        return goods and ("amount" in cells or {"quantity", "unit_price"} <= cells.keys())

    def _goes_on_above(self, view: PageView, columns: list[Column], end: int, number_hint: str | None) -> bool:
        """A line above index ``end`` reads as a row of the table ``columns`` describe: goods and two numbers
        or more in its numeric columns (a column whose caption named nothing may hold the amount)."""
        for line in view.lines[:end]:
            cells = self._row_cells(joined_percents(line), columns, view.char_width, number_hint)
            numbers = [n for n in cells if n in PRICED or n.startswith("_unread")]
            if len(numbers) >= 2 and cells.get("description") and not TOTALS_LINE.match(line.text):
                return True
        return False

    def _header_again(self, view: PageView, index: int, columns: list[Column]) -> tuple[list[Column], int] | None:
        """The table's header printed again within three lines of ``index`` (a section's heading above it): its
        columns and the index of the line after it, where it names the numbers the table's header named."""
        found = self._first_header(view, index, index + 3)
        numbers = {c.name for c in columns} & set(PRICED)
        if found is None or not numbers <= {c.name for c in found[0]}:
            return None
        return found[0], found[1]

    def _rows_above(self, view: PageView, columns: list[Column], start: int, number_hint: str | None) -> int:
        """The first row of a table found by arithmetic: a row above the first that multiplied out (its amount less
        a discount no column was found for, a price per 100) still fills every numeric column and names goods."""
        printed = {c.name for c in columns} & set(PRICED)
        # as far up as such rows go (any number of them: the first rows of a long table need not multiply out),
        # over up to three lines of text between (a description wrapped onto its own lines)
        index, text_lines = start - 1, 0
        while index >= 0 and text_lines < 3:
            line = view.lines[index]
            cells = self._row_cells(joined_percents(line), columns, view.char_width, number_hint)
            if printed <= cells.keys() and cells.get("description") and not TOTALS_LINE.match(line.text):
                start, text_lines = index, 0
            elif set(cells) - {"description", "sku", "unit"}:
                break  # numbers of another kind: no row of this table
            else:
                text_lines += 1
            index -= 1
        return start

    def _text_above(
        self, view: PageView, columns: list[Column], start: int, number_hint: str | None
    ) -> list[tuple[Line, dict[str, list[Word]]]]:
        """Up to six lines of text right above a table's first row, under its text columns: the first item's
        description where the numbers stand on its last line or under it (``_reanchored`` tells)."""
        out: list[tuple[Line, dict[str, list[Word]]]] = []
        for index in range(start - 1, max(start - 6, 0) - 1, -1):
            line, below = view.lines[index], view.lines[index + 1]
            cells = self._row_cells(line, columns, view.char_width, number_hint)
            # (a line with a word over the numbers' columns is the header's captions, no item's text)
            over = any(
                c.name in PRICED and c.x0 <= w.bbox[2] and w.bbox[0] <= c.x1 for c in columns for w in line.words
            )
            text = cells.get("description") and _text_cells(cells, set(), True) and not over
            if not text or below.top - line.bottom > 0.8 * max(line.height, 0.005) or TOTALS_LINE.match(line.text):
                break
            out.insert(0, (line, cells))
        return out

    @staticmethod
    def _wraps_description(line: Line, row: RowDraft | None, cells: dict[str, list[Word]], char_width: float) -> bool:
        """A line of words only, right under an item and starting where its description starts: the description
        wrapping on ('Stainless' over 'Shipping Pallet, packed ...'), though its first word opens totals lines."""
        description = row.cells.get("description") if row is not None else None
        if row is None or not description or set(cells) != {"description"} or row.line is None:
            return False
        close = _close_under(line, row.bottom)
        return close and abs(line.words[0].bbox[0] - description[0].bbox[0]) < 0.5 * char_width

    @staticmethod
    def _is_sub_line(line: Line, description: list[Word], char_width: float) -> bool:
        """A line under an item that is not its description (``description``: its words, or those of the text over
        a bare row) wrapping on: indented from where the description starts, or in smaller print (a requested
        delivery date, a note)."""
        if not description:
            return False
        indented = line.words[0].bbox[0] > description[0].bbox[0] + 1.5 * char_width
        # against its tallest word: a word without ascenders ('Hex', 'ace') has a shorter box, not a smaller font;
        # read words' boxes hug the ink, a slash's or a descender's too ('/', 'ocynkowana' stand taller than
        # 'lot 7168-D' in one font): against their middle height
        heights = [w.bbox[3] - w.bbox[1] for w in description if any(ch.isalnum() for ch in w.text)] or [0.0]
        read = min(w.confidence for w in description) < 1.0
        # and so is the line's own print on a scan: the middle height of its words that reach a letter's full
        # height (a digit, a capital, an ascender: 'rev.' alone would make 'rev. C' look small), not its box's
        own = [w.bbox[3] - w.bbox[1] for w in line.words if re.search(r"[\dA-Zbdfhklt]", w.text)] or [line.height]
        # (middle heights of one font vary more, short lines most: 'to drawing 4711-B' reads 0.83 of its row)
        smaller = median(own) < 0.8 * median(heights) if read else line.height < 0.85 * max(heights)
        return indented or smaller or _captioned(line.words)

    @staticmethod
    def _is_component(line: Line, cells: dict[str, list[Word]], row: RowDraft, char_width: float) -> bool:
        """A line under a priced row that prints words and a quantity only, indented from where the row's text
        starts ('– Stapler  4' under 'Office kit  4 kit  63.67  254.68'): a part the row's item is made of, counted
        but not priced, no item of the order (the table goes on under it)."""
        described = row.cells.get("description") or row.cells.get("sku")
        text = [w for name, ws in cells.items() if name in TEXT_COLUMNS for w in ws]
        if not described or not any(re.search(r"[^\W\d_]{2}", w.text) for w in text):
            return False
        return line.words[0].bbox[0] > described[0].bbox[0] + 1.5 * char_width

    def _settle_unread_columns(self, rows: list[RowDraft], number_hint: str | None) -> None:
        """A column whose header OCR garbled takes the role its values play: the missing one of quantity,
        price and amount when they multiply out on most rows, else the SKU when they are codes."""
        tables: dict[tuple[int, ...], list[RowDraft]] = {}
        for row in rows:
            tables.setdefault(tuple(id(c) for c in row.header), []).append(row)
        for table in tables.values():
            header = table[0].header
            _two_captions_of_text(table)
            _text_beside_line_numbers(table)
            _phrases_run_on(table)
            _split_caption_values(table, number_hint)
            _lettered_code_over_number(table)
            _codes_at_text_end(table)
            hollow = _hollow_priced(table)
            longest = _longest_codes(table, header)
            for column in [c for c in header if c.name.startswith("_unread")]:
                names = {c.name for c in header}
                old = column.name
                cells = [row.cells.get(old, []) for row in table]
                filled = [words for words in cells if words]
                if not filled or len(filled) < 0.6 * len(table):
                    continue
                role = None
                missing = [n for n in PRICED if n not in names]
                if len(missing) == 1:
                    if _fits_as(table, cells, missing[0], None, number_hint) >= max(1, 0.6 * len(filled)):
                        role = missing[0]
                    elif missing != ["amount"] and _fits_as(table, cells, "amount", missing[0], number_hint) >= max(
                        1, 0.6 * len(filled)
                    ):
                        # the product of the other two: the amount, and the column its caption called the amount
                        # holds the missing one ('Montant' over the unit prices of a two-line bilingual header)
                        amount = next(c for c in header if c.name == "amount")
                        _rename(table, amount, missing[0])
                        role = "amount"
                # a caption's column left empty on most rows names no SKU: the codes stand in another column
                # and so does one that only counts the lines ('Item No.' 1, 2, 3 beside 'NSN / Part No.')
                sku_empty = sum(bool(row.cells.get("sku")) for row in table) < 0.2 * len(table) or _counts_lines(
                    table, "sku"
                )
                codes = [ws for ws in filled if len(ws) == 1 and re.search(r"\d", ws[0].text)]
                # a scan's Cyrillic model reads a code's Latin capitals as their Cyrillic twins ('М77270')
                coded = len(codes) >= 0.8 * len(filled) and all(
                    _is_code(_latin_code(ws[0]).text, not missing) for ws in codes
                )
                # two code columns: the lettered one names the article, the other is the other party's part number
                # of several columns of codes, the article's number is the longest ('240259911' beside a tariff
                # number printed in groups, '7870' '86' '70')
                coded = coded and longest in (None, column)
                if role is None and (("sku" not in names or sku_empty) and coded or _lettered_codes_beside(table, old)):
                    role = "sku"
                    for other in header:
                        if other.name == "sku":
                            _rename(table, other, f"{old}_sku")
                # one percentage a row ('VAT 21%', '7 %') where no column names the tax: the rate of each line
                rates = [_percent(ws) for ws in filled]
                if role is None and "tax_rate" not in names and sum(r is not None for r in rates) >= 0.8 * len(filled):
                    role = "tax_rate"
                    for row in table:
                        rate = _percent(row.cells.get(old, []))
                        row.cells[old] = [rate] if rate is not None else []
                # 'per day', 'per report' on most rows, no count and no unit named: each row's unit
                per = [ws for ws in filled if len(ws) >= 2 and PER.match(ws[0].text) and not _digits(ws)]
                if role is None and not {"unit", "quantity"} & names and len(per) >= max(2, 0.6 * len(filled)):
                    role = "unit"
                # short words of letters right beside the quantity or the price (what it counts, what it is the
                # price of), no unit named: the units under a caption OCR could not read ('Einh. / U. / U.M' stacked
                # in three languages) or no reader knows; a currency's codes beside the price are no units
                units = [
                    ws
                    for ws in filled
                    if len(ws) == 1
                    and UNIT.match(ws[0].text)
                    and len(ws[0].text) <= 6
                    and not parse_currency(ws[0].text)
                ]
                if (
                    role is None
                    and "unit" not in names
                    and (_beside(header, column, "quantity") or _beside(header, column, "unit_price"))
                    and len(units) >= max(2, 0.6 * len(filled))
                ):
                    role = "unit"
                if role is None:
                    continue
                _rename(table, column, role)
            for column, name in hollow:
                if name not in {c.name for c in header}:
                    _rename(table, column, name)  # no other column took the role: the caption keeps it

    def _quantity_from_text(self, row: RowDraft, number_hint: str | None) -> None:
        """A row without a quantity whose number landed in a text cell ('Office Chair 5', 'PN343903 5', a
        'Qty' header OCR lost): the number on the row's first line that makes quantity x price = amount."""
        if row.cells.get("quantity") or row.line is None:
            return
        price = number(row.cells.get("unit_price", []), number_hint)
        amount = number(row.cells.get("amount", []), number_hint)
        if not price or amount is None:
            return
        discount = number(row.cells.get("_discount", []), number_hint)
        line = row.line
        for name in ("description", "sku", "unit"):
            words = row.cells.get(name, [])
            for word in reversed(words):
                # the quantity alone, or with its unit glued on where the row has no other unit ('8m': a lost
                # space; on a scan it may stand in the unit's column, as the row's only unit)
                other_unit = any(w is not word for w in row.cells.get("unit", []))
                glued = None if other_unit else re.fullmatch(r"(\d+(?:[.,]\d+)?)([^\W\d_]{1,3})", word.text)
                if not line.top - 0.002 <= word.bbox[1] < line.bottom or (
                    re.search(r"[^\d.,]", word.text) and not glued
                ):
                    continue
                quantity = parse_amount(glued.group(1) if glued else word.text, number_hint)
                values = {"quantity": quantity, "unit_price": price, "amount": amount, "_discount": discount}
                # a description keeps a word; a unit cell of the glued pair alone is split into both
                if quantity and (len(words) > 1 or (glued and name == "unit")) and arithmetic_fits(values):
                    words.remove(word)
                    if glued:
                        x0, y0, x1, y1 = word.bbox
                        cut = x0 + (x1 - x0) * len(glued.group(1)) / len(word.text)
                        row.cells["unit"] = [Word(glued.group(2), (cut, y0, x1, y1), word.confidence)]
                        word = Word(glued.group(1), (x0, y0, cut, y1), word.confidence)
                    row.cells["quantity"] = [word]
                    return

    @staticmethod
    def _unit_read_as_digit(row: RowDraft, number_hint: str | None) -> None:
        """A scan's unit 'l' (a litre) read as the digit one, where the table has a unit column: glued to the
        quantity ('41' for '4 l', the narrow space lost) with no unit on the row, or alone in the unit's cell
        ('1'). The quantity without that last digit is the one that makes quantity x price = amount, and the whole
        reading is not: the letter the digit stands for is the row's unit."""
        if "unit" not in {c.name for c in row.header}:
            return
        price = number(row.cells.get("unit_price", []), number_hint)
        amount = number(row.cells.get("amount", []), number_hint)
        quantity_words, unit_words = row.cells.get("quantity", []), row.cells.get("unit", [])
        if not price or amount is None or len(quantity_words) != 1 or quantity_words[0].confidence >= 1.0:
            return  # a text layer's quantity is as printed
        discount = number(row.cells.get("_discount", []), number_hint)
        word = quantity_words[0]

        def fits(text: str) -> bool:
            quantity = parse_amount(text, number_hint)
            values = {"quantity": quantity, "unit_price": price, "amount": amount, "_discount": discount}
            return bool(quantity) and arithmetic_fits(values)

        if not unit_words and (glued := re.fullmatch(r"(\d+)[1|]", word.text)) and fits(glued[1]):
            if fits(word.text):
                return
            x0, y0, x1, y1 = word.bbox
            cut = x0 + (x1 - x0) * len(glued[1]) / len(word.text)
            row.cells["quantity"] = [Word(glued[1], (x0, y0, cut, y1), word.confidence)]
            row.cells["unit"] = [Word("l", (cut, y0, x1, y1), word.confidence)]
        elif len(unit_words) == 1 and unit_words[0].text in {"1", "|"} and fits(word.text):
            row.cells["unit"] = [replace(unit_words[0], text="l")]

    def _unheaded_amounts(self, columns: list[Column], lines: list[Line]) -> None:
        """Amounts printed right of the last column under a header OCR lost (a shaded 'Total' cell): a column."""
        if "amount" in {c.name for c in columns}:
            return
        right = max(c.x1 for c in columns)
        beyond = [w for line in lines for w in line.words[-1:] if is_amount_word(w) and w.bbox[0] > right + 0.01]
        if len(beyond) >= max(2, len(lines) // 2):
            columns.append(Column("amount", min(w.bbox[0] for w in beyond), max(w.bbox[2] for w in beyond)))

    def _codes_under_text_caption(
        self, columns: list[Column], lines: list[Line], char_width: float, number_hint: str | None
    ) -> None:
        """Two captions that may each name the code or the text ('Item' | 'Article'), named the wrong way round:
        where the first rows under them (two numbers priced or more) print one code a row under the one taken for
        the description and the goods' words under the one taken for the code, the names change places before the
        rows are read (the rows' text wraps and notes are told from where the description starts)."""
        sku = next((c for c in columns if c.name == "sku"), None)
        text = next((c for c in columns if c.name == "description"), None)
        if sku is None or text is None:
            return
        rows = [
            cells
            for line in lines
            if len(
                (cells := self._row_cells(joined_percents(line), columns, char_width, number_hint)).keys() & set(PRICED)
            )
            >= 2
        ]
        swapped = [
            len(cells.get("description", [])) == 1
            and _is_code(cells["description"][0].text, priced=False)
            and sum(bool(re.search(r"[^\W\d_]{3}", w.text)) for w in cells.get("sku", [])) >= 2
            for cells in rows
        ]
        if len(rows) >= 2 and sum(swapped) >= 0.8 * len(rows):
            sku.name, text.name = "description", "sku"

    @staticmethod
    def _unit_holding_prices(columns: list[Column], lines: list[Line]) -> None:
        """A 'Unit' header over prices is 'Unit Price' with its second word lost (OCR on a shaded header); a 'per'
        header over 1, 10, 100 or 1000 on every line is the price unit, no unit of measure."""
        names = {c.name for c in columns}
        unit = next((c for c in columns if c.name == "unit"), None)
        if unit is None:
            return
        under = [[w for w in line.words if _gap(w.bbox[0], w.bbox[2], unit.x0, unit.x1) == 0] for line in lines]
        cells = [" ".join(w.text for w in ws) for ws in under if ws]
        per = [re.fullmatch(r"10{0,3}|1[.,' ]000", c) for c in cells]  # per 1 on some rows, per 100 on others
        if len(cells) >= 2 and all(per) and any(c != "1" for c in cells):
            unit.name = "_per"
            return
        if "unit_price" in names:
            return
        priced = sum(
            1
            for line in lines
            if any(
                re.search(r"\d[.,]\d{2}$", w.text) and _gap(w.bbox[0], w.bbox[2], unit.x0, unit.x1) == 0
                for w in line.words
            )
        )
        if priced >= max(2, len(lines) // 2):
            unit.name = "unit_price"

    def _row_cells(
        self, line: Line, columns: list[Column], char_width: float, number_hint: str | None
    ) -> dict[str, list[Word]]:
        """One printed line of a table -> words per column.

        Text (SKU, description, unit) is left-aligned under its header; numbers may be right-aligned and
        wider than their header, so they are placed in order, each to the nearest numeric column, and
        numbers printed with space thousands separators ('32 760,00') are joined where that makes
        quantity x price = amount come out.
        """
        # a column whose header OCR could not read takes text and numbers alike, until its values tell its role
        text_columns = [c for c in columns if c.name in TEXT_COLUMNS or c.name.startswith("_unread")]
        numeric_columns = [c for c in columns if c.name in ROW_NUMBERS or c.name.startswith("_unread")]
        tolerance = char_width
        cells: dict[str, list[Word]] = {}
        numbers: list[Word] = []
        previous_end = -1.0
        previous_word: Word | None = None
        names = {c.name for c in columns}
        words, free = _bonus_set_aside(_quantity_unglued(line.words, columns, char_width), columns, char_width)
        words = _litre_read_as_one(_cut_at_decimal_mark(words, char_width), columns, char_width)
        if free:
            cells["_free"] = free
        # '2' before '500' a space apart is the head of '2 500', not a digit of the text before it
        heads = {
            id(a)
            for a, b in itertools.pairwise(words)
            if re.fullmatch(r"[-−]?\d{1,3}", a.text)
            and re.fullmatch(r"\d{3}(?:[.,]\d+)?[-−]?", b.text)
            and b.bbox[0] - a.bbox[2] < 1.2 * char_width
        }
        marks = _money_marks(words, char_width, number_hint)
        counted = _counted_cell(words, columns, char_width)
        # a scrap set a thousands space before three digits, past a numeric column right of every text column ('ll'
        # '034,00', 'w' '067,60' after the price): the amount's head misread as letters, no unit or text; the
        # cell's re-read reads it whole
        text_start = max((c.x0 for c in text_columns), default=1.0)
        misread_heads = {
            id(a)
            for a, b in itertools.pairwise(words)
            if len(a.text) <= 3
            and re.search(r"\d", a.text) is None
            and re.fullmatch(r"\d{3}(?:[.,]\d+)?", b.text)
            and b.bbox[0] - a.bbox[2] < 1.2 * char_width
            and any(text_start < c.x0 and c.x1 < a.bbox[0] for c in numeric_columns)
        }
        for word in words:
            if id(word) in misread_heads:
                cells.setdefault("_misread", []).append(word)
                continue
            if id(word) in marks or LEADER.match(word.text):
                # '€ 1 066,72', '4.664,52 EUR': the currency of a money cell, no word of the text; leader dots
                # between the text and the next column are no cell's
                continue
            if word is counted[0]:
                numbers.append(word)  # the quantity of a cell '12 pair' reaching under the quantity's caption
                continue
            if word is counted[1]:
                cells.setdefault("unit", []).append(word)
                continue
            is_number = parse_amount(word.text.rstrip("%"), number_hint) is not None and not re.search(
                r"[A-Za-z]", word.text
            )
            if DASH.match(word.text) and any(
                _gap(word.bbox[0], word.bbox[2], c.x0, c.x1) < char_width for c in numeric_columns
            ):
                continue  # '-' where a discount or a rate would stand: the cell is empty
            if not is_number and _flag_past_amount(word, columns, char_width):
                cells.setdefault("_flag", []).append(word)  # kept out of every text cell
                continue
            if not is_number and _margin_note(word, columns, char_width):
                cells.setdefault("_note", []).append(word)  # kept as the line's note, in no cell
                continue
            marked = _under_mark_column(word, columns, char_width)
            if not is_number and marked is not None:
                cells.setdefault(marked.name, []).append(word)  # 'EUR' in a currency column: no word of the text
                previous_end = word.bbox[2]
                continue
            owner = None
            for column in text_columns:
                if column.x0 - tolerance <= word.bbox[0]:
                    owner = column
            if not is_number and _unparsed_value(word, owner, columns, char_width):
                cells.setdefault("_unparsed", []).append(word)
                continue
            if not is_number and word.bbox[0] - previous_end > 2 * char_width and text_columns:
                # a new phrase: the column whose header it sits under, when that is a text column ('MONTH' under 'UOM')
                # two spans holding the word (a long description running under the next caption): the one it starts at
                nearest = min(
                    columns, key=lambda c: (_gap(word.bbox[0], word.bbox[2], c.x0, c.x1), abs(word.bbox[0] - c.x0))
                )
                if nearest.name in TEXT_COLUMNS or nearest.name.startswith("_unread"):
                    owner = nearest
            previous_end = word.bbox[2]
            if (
                not is_number
                and word.confidence < 0.5
                and len(word.text) <= 3
                and any(_gap(word.bbox[0], word.bbox[2], c.x0, c.x1) == 0 for c in numeric_columns)
            ):
                # a scrap OCR was unsure of under a numeric header ('a' for '5'): a misread value, not text
                cells.setdefault("_misread", []).append(word)
                continue
            passed = [c for c in numeric_columns if owner is not None and owner.x0 < c.x0 <= word.bbox[0]]
            # a unit column named further right (past the prices) does not own a unit set right beside the quantity
            unit_elsewhere = "unit" not in names or (
                previous_word is not None
                and word.bbox[0] - previous_word.bbox[2] < 2 * char_width
                and all(c.x0 > word.bbox[2] + 4 * char_width for c in columns if c.name == "unit")
                and any(
                    c.name == "unit_price" and c.x0 < min(u.x0 for u in columns if u.name == "unit") for c in columns
                )
            )
            if not is_number and _per_cell_unit(word, previous_word, columns, char_width):
                cells.setdefault("_per_unit", []).append(word)  # '1 000 pcs' the price counts for: no row's unit
                previous_word = word
                continue
            if not is_number and unit_elsewhere and _unit_after_quantity(word, previous_word, passed, char_width):
                # '28 box', '37.5 hrs': a word right after the quantity in its cell is its unit, not the description's
                cells.setdefault("unit", []).append(word)
                previous_word = word
                continue
            if not is_number and passed and any(c.x0 > passed[0].x0 for c in text_columns):
                # past a numeric column: a unit ('500 MONTH') centred under its header, not the description
                owner = min(text_columns, key=lambda c: _gap(word.bbox[0], word.bbox[2], c.x0, c.x1))
            previous_word = word
            # before a first column of text, a number ending before its caption starts ('10' left of 'N° / Item')
            line_edge = columns[0].x0 - (0.0 if columns[0].name in TEXT_COLUMNS else tolerance)
            if is_number and word.bbox[2] < line_edge and "_line" not in names:
                # a number ending before the first caption starts: the row's position ('S/N', an unheaded '7'),
                # not a value to push the others out of their columns; a second one beside the position, a code
                # of four digits or more, names the article (a position counts in one word)
                if cells.get("_line") and "sku" not in names and "sku" not in cells and _is_code(word.text, True):
                    cells["sku"] = [word]
                    continue
                cells.setdefault("_line", []).append(word)
                continue
            if is_number:
                # a number inside a text column's span ('ISO 9001') is text; past the next header it is a value
                after = [c for c in columns if owner is not None and c.x0 > owner.x0]
                inside_text = (
                    owner is not None
                    and owner.name != "unit"
                    and not owner.name.startswith("_unread")
                    and (not after or word.bbox[2] < after[0].x0 - 0.5 * char_width)
                )
                if not inside_text or not numeric_columns or id(word) in heads:
                    numbers.append(word)
                    continue
            if owner is None:
                owner = text_columns[0] if text_columns else None
            if owner is not None:
                cells.setdefault(owner.name, []).append(word)
        if numbers and numeric_columns:
            for name, words in self._place_numbers(numbers, numeric_columns, char_width, number_hint).items():
                cells.setdefault(name, []).extend(words)
        return cells

    def _place_numbers(
        self, numbers: list[Word], columns: list[Column], char_width: float, number_hint: str | None
    ) -> dict[str, list[Word]]:
        # where two neighbouring numbers could be one, try each reading: '32' '760,00' printed with a space as
        # thousands separator, or '5,300' '00' whose decimal point OCR lost
        decimal = "," if number_hint == "EU" else "."
        options: list[list[str]] = []
        for a, b in itertools.pairwise(numbers):
            gap = b.bbox[0] - a.bbox[2]
            ways = [""]
            # a scan's thousands space reads a little wider than the text layer's (a digit is wider than the
            # page's mean letter): joined only where the row then adds up or the columns say so
            if (
                gap < 1.5 * char_width
                and re.fullmatch(r"[-−]?\d{1,3}", a.text)
                and re.fullmatch(r"\d{3}(?:[.,]\d+)?[-−]?", b.text)
            ):
                ways.append(" ")
            grouped = re.fullmatch(r"[-−]?\d{1,3}(?:([,.'])\d{3})+", a.text)
            if gap < 1.5 * char_width and grouped and re.fullmatch(r"\d{3}(?:[.,]\d+)?[-−]?", b.text):
                # '7,327' '282.20': a scan read the last thousands separator as a space; its own mark joins them
                ways.append(grouped.group(1))
            if (
                gap < 1.5 * char_width
                and re.fullmatch(r"\d{4,6}", a.text)
                and re.fullmatch(r"\d{3}(?:[.,]\d{2})?", b.text)
            ):
                # a thousands space OCR lost inside the first group ('1519 400,00' for '1 519 400,00', '1425 800'
                # for '1 425 800' on a page printing whole money): one number only where the row then adds up (a
                # guess, as a lost point is)
                ways.append(_GROUPS_JOINED)
            if (
                gap < 1.5 * char_width
                and re.fullmatch(r"\d{1,3}(?:[.,' ]\d{3})*", a.text)
                and re.fullmatch(r"\d{2}", b.text)
            ):
                ways.append(decimal)
            options.append(ways)
        # three groups or more a thousands space apart ('11' '235' '251.17', '1' '982' '691.38'): one number, whose
        # middle group could head no number of its own a space after another; read so before the other choices
        chained = {
            k
            for i in range(len(options) - 1)
            if " " in options[i] and " " in options[i + 1] and re.fullmatch(r"\d{3}", numbers[i + 1].text)
            for k in (i, i + 1)
        }
        choices = [i for i, ways in enumerate(options) if len(ways) > 1 and i not in chained][:6]
        best: tuple[float, dict[str, list[Word]]] | None = None
        for pattern in itertools.product(*(options[i] for i in choices)):
            joins = {**dict.fromkeys(chained, " "), **dict(zip(choices, pattern, strict=True))}
            groups: list[list[Word]] = [[numbers[0]]]
            penalty = 0.0
            for i, word in enumerate(numbers[1:]):
                glue = joins.get(i, "")
                # '8 831,92' a space apart reads as one number where both readings multiply out ('8' x '103,99'
                # = '831,92' by chance): a narrow space inside a number is a thousands separator
                penalty += 0.02 if not glue and " " in options[i] else 0.0
                if glue:
                    last = groups[-1][-1]
                    box = _bbox([last, word])
                    assert box is not None  # two words always have a box
                    text = last.text + word.text if glue == _GROUPS_JOINED else last.text + glue + word.text
                    groups[-1][-1] = Word(text, box, min(last.confidence, word.confidence))
                    # a guess about a lost point or a lost space: only when it adds up
                    penalty += 0.05 if glue in (decimal, _GROUPS_JOINED) else 0.0
                else:
                    groups.append([word])
            for placed in self._placements(groups, columns):
                cost, assignment = placed
                values = {
                    name: parse_amount(" ".join(w.text for w in ws).rstrip("%"), number_hint)
                    for name, ws in assignment.items()
                }
                fits = arithmetic_fits(values)
                # two groups joined across a lost space only where the row then adds up
                cost += penalty + (0.0 if fits else 0.5) + (1.0 if not fits and _GROUPS_JOINED in pattern else 0.0)
                if best is None or cost < best[0]:
                    best = (cost, assignment)
        return best[1] if best else {}

    @staticmethod
    def _placements(groups: list[list[Word]], columns: list[Column]) -> list[tuple[float, dict[str, list[Word]]]]:
        """The ways to put a row's numbers onto the numeric columns, each with its cost.

        More numbers than captioned columns: the rightmost numbers are the values, first; the numbers standing
        nearest the columns, leaving over one printed past the last caption (the line in a reference currency, an
        unheaded 'USD equiv.' right of 'Amount'), second: dearer by more than an arithmetic that does not add up
        costs, so it wins only where quantity x price = amount holds on it and not on the rightmost reading."""
        first = TableReader._assign_in_order(groups, columns)
        out = [first] if first is not None else []
        if len(groups) > len(columns) and not all(c.measured for c in columns):
            nearest = TableReader._assign_dropping(groups, columns)
            if nearest is not None:
                out.append((nearest[0] + 0.3, nearest[1]))
        return out

    @staticmethod
    def _assign_in_order(groups: list[list[Word]], columns: list[Column]) -> tuple[float, dict[str, list[Word]]] | None:
        """Numbers left to right onto numeric columns left to right (no crossing), nearest first (a small DP).

        More numbers than columns: under captions (right-aligned numbers stand right of and wider than their
        caption) the rightmost numbers are the values; under columns measured from their values (a table found
        by arithmetic, captions unread), each column takes the number standing in it, and the numbers left over
        are those whose leaving costs least (a code that reads as a number, '343.2193', printed past the amount,
        is left over, instead of every value moving one column left)."""
        n, m = len(groups), len(columns)
        dropped = max(0, n - m)
        if n > m and all(c.measured for c in columns):
            return TableReader._assign_dropping(groups, columns)
        if n > m:
            groups = groups[n - m :]  # more numbers than columns: the rightmost ones are the values
            n = m
        matched = _matched_in_order(n, m, lambda i, j: distance_between(groups[i], columns[j]))
        if matched is None:
            return None
        # a number left over costs a little: '12' '810,00' under one price column is 12 810,00 when joinable
        return matched[0] + 0.01 * dropped, {columns[j].name: groups[i] for i, j in matched[1]}

    @staticmethod
    def _assign_dropping(groups: list[list[Word]], columns: list[Column]) -> tuple[float, dict[str, list[Word]]] | None:
        """``_assign_in_order`` with more numbers than columns: each column one number, in order, the others left
        over (0.01 each: '12' '810,00' under one price column is 12 810,00 when joinable)."""
        n, m = len(groups), len(columns)
        matched = _matched_in_order(m, n, lambda j, i: distance_between(groups[i], columns[j]))
        if matched is None:
            return None
        return matched[0] + 0.01 * (n - m), {columns[j].name: groups[i] for j, i in matched[1]}

    def _line_item(self, row: RowDraft, number_hint: str | None) -> LineItem:
        cells: dict[str, FieldValue] = {}
        for name, words in row.cells.items():
            if name.startswith("_") or not words:
                continue
            if name == "unit":
                # OCR glues a table rule to the unit: a quantity and a rule before it ('4)RL', '50}EA'), a
                # stray rule after it ('visit /.'); the quantity itself stands in its own cell
                words = _inner_marks_kept(_before_the_money(words, row))
                words = [Word(re.sub(r"^\d+[)|}\]/°]\s*(?=[A-Za-z])", "", w.text), w.bbox, w.confidence) for w in words]
            if name in ("description", "unit"):
                # the sign printed between quantity and price ('4 pcs  x  387.200,00') multiplies: no unit, no text
                while words and TIMES.match(words[-1].text) and (name == "unit" or len(words) > 1):
                    words = words[:-1]
            if name == "sku":
                words = [_latin_code(w) for w in _code_rejoined(words)]
            if name in ("description", "unit"):
                # a row read by OCR: a word of it under full confidence (a text layer's words are all sure)
                read = any(w.confidence < 1.0 for ws in row.cells.values() for w in ws)
                words = _ell_for_capital_i(words, name, read)
            if name in TEXT_COLUMNS:
                words = _without_leaders(words)
                if not words:
                    continue
            raw = " ".join(w.text for w in words)
            value: Value
            if name in NUMERIC_COLUMNS:
                value = parse_amount(raw.rstrip("%").strip(), number_hint)
                score = 0.85 if value is not None else 0.2
            else:
                value, score = raw, 0.85
            ocr = min(w.confidence for w in words)
            cells[name] = FieldValue(value, round(score * (0.5 + 0.5 * ocr), 4), row.page, _bbox(words), raw)
        _sku_from_description(cells, row.code_in_text)
        sub_lines = row.sub_lines if "sku" in cells else _sku_from_sub_lines(cells, row.sub_lines, row.page)
        self._infer_missing(cells, row)
        _misread_by_arithmetic(cells, row)
        all_words = [w for ws in row.cells.values() for w in ws]
        confidence = min((c.confidence for c in cells.values()), default=0.0)
        notes = [row.cells["_note"]] if row.cells.get("_note") else []  # a note in the margin beside the row
        return LineItem(cells, confidence, row.page, _bbox(all_words), self._sub_line_extra(sub_lines + notes))

    @staticmethod
    def _sub_line_extra(lines: list[list[Word]]) -> dict[str, str]:
        """Sub-lines as named extras: 'Wanted by: 2026-03-01' -> {'Wanted by': '2026-03-01'}; else a note."""
        extra: dict[str, str] = {}
        for words in lines:
            text = " ".join(w.text for w in words)
            caption, colon, value = text.partition(":")
            key, value = (
                (caption.strip(), value.strip()) if colon and value.strip() and len(caption) < 40 else ("note", text)
            )
            extra[key] = f"{extra[key]}; {value}" if key in extra else value
        return extra

    @staticmethod
    def _infer_missing(cells: dict[str, FieldValue], row: RowDraft) -> None:
        """A cell the table has but the row lacks (OCR drops lone digits) from the other two: qty x price = amount.

        Only when the result comes out exact (a whole or 3-decimal quantity, a price in cents) and no
        discount stands between them; the confidence stays low so the line is reviewed.
        """
        words = row.cells.get("_discount")
        discount = parse_amount(" ".join(w.text for w in words).rstrip("%")) if words else Decimal("0")
        if "_discount" in row.columns and discount is None:
            return  # a discount column whose value was not read: nothing adds up
        factor = 1 - (discount or Decimal("0")) / 100
        values = {n: as_decimal(cells[n].value) for n in PRICED if n in cells}
        if any(v is None for v in values.values()) or len(values) != 2:
            return
        missing = next(n for n in PRICED if n not in values)
        if missing not in row.columns or not factor:
            return
        qty, price, amount = values.get("quantity"), values.get("unit_price"), values.get("amount")
        per = number(row.cells.get("_per", []), None) or Decimal("1")  # a price per 100 or 1000 units
        if amount is not None:
            amount = amount / factor  # before the discount
        guess: Decimal | None = None
        if missing == "quantity" and price and amount is not None:
            guess = (amount * per / price).quantize(Decimal("0.001"))
            guess = guess if abs(guess * price / per - amount) < Decimal("0.006") and guess > 0 else None
        elif missing == "unit_price" and qty and amount is not None:
            guess = (amount * per / qty).quantize(Decimal("0.01"))
            guess = guess if abs(guess * qty / per - amount) < Decimal("0.006") else None
        elif missing == "amount" and qty is not None and price is not None:
            guess = (qty * price / per * factor).quantize(Decimal("0.01"))
        if guess is not None:
            anchor = cells.get("amount") or next(iter(cells.values()))
            cells[missing] = FieldValue(guess.normalize() if guess == guess.to_integral() else guess, 0.5, anchor.page)
