"""A contract's rates printed as sentences or list entries: ``read_rates(doc, extraction)``.

'Site survey is billed at 1,250.00 USD for each visit.', '– Rufbereitschaft: 226,23 EUR je Tag': each rate is a
sentence (or a dash entry) with one amount followed by its currency and a unit at the end. Its description is
what changes from one rate to the next: the words the sentences share before the amount (their template, in
whatever language: 'is billed at', 'Voor ... rekent X') are left out. Used only where the extractor found fewer
rates than these sentences hold.

A rate table is read by its geometry where the extractor found none (``ruled_rates``): consecutive lines set in
cells, one amount in the last, the amounts' right edges aligned; the first cell is the service, a short cell before
the amount its unit; a line without an amount under a row's service carries it on. Whatever the column headers say,
and in one column of a two-column page.
"""

from __future__ import annotations

import re
from collections import Counter
from dataclasses import replace

from rapidfuzz.distance import Levenshtein

from extraction.clauserates import (
    ARTICLE,
    PER,
    apart,
    enumerated_rates,
    rate_item,
    service_start,
    whole_amounts,
    with_whole_amounts,
)
from extraction.document import Document, Word, union_bbox
from extraction.layout import Line, group_lines, split_phrases, typical_char_width
from extraction.normalize import CURRENCY, number_format_of, parse_amount, parse_date
from extraction.openings import AMOUNT, _gutter, column_order
from extraction.perunits import per_unit_rates
from extraction.result import Extraction, FieldValue, LineItem

BULLET = re.compile(r"^[–—•\-]$")
CONFIDENCE = 0.6
# a footnote's mark: superscript figures, '*', daggers, '?' where the font printed no glyph for the figure, '•' (a
# scan's reading of a small figure)
FOOTNOTE_MARK = re.compile(r"[\u00b9\u00b2\u00b3\u2070-\u2079]+|[*†‡§?•]{1,3}")


def read_rates(doc: Document, extraction: Extraction) -> None:
    if extraction.doc_type != "contract":
        return
    _read_rates(with_whole_amounts(doc), extraction)
    _per_unit(doc, extraction)  # as printed: a currency before a number is not that number's ('HUF 2 435,81/hónap')


def footnote_marks_dropped(doc: Document, extraction: Extraction) -> None:
    """A contract's rates less the footnote marks before their names, whichever reader read them."""
    if extraction.doc_type == "contract":
        _footnote_marks_dropped(extraction.line_items)


def _footnote_marks_dropped(items: list[LineItem]) -> None:
    """'¹ Plumber': a rate set as a footnote opens with the footnote's mark, no word of the service's name."""
    for item in items:
        cell = item.cells.get("description")
        words = str(cell.value).split() if cell is not None else []
        if cell is not None and len(words) >= 2 and FOOTNOTE_MARK.fullmatch(words[0]):
            item.cells["description"] = replace(cell, value=" ".join(words[1:]))


def percentages_dropped(doc: Document, extraction: Extraction) -> None:
    """A contract's 'rate' that is a percentage ('work outside them is charged at 150 %', a note under the schedule
    read as a row): a share of a rate, no price; the row goes where it has no other price."""
    if extraction.doc_type != "contract":
        return
    kept = []
    for item in extraction.line_items:
        price = item.cells.get("unit_price")
        if price is None or "amount" in item.cells or not _before_percent(doc, price):
            kept.append(item)
    extraction.line_items = kept


def _before_percent(doc: Document, price: FieldValue) -> bool:
    """The price's word ends in '%' or a '%' follows it on its line, a space at most apart."""
    if str(price.raw or "").rstrip().endswith("%"):
        return True
    page = next((p for p in doc.pages if p.number == price.page), None)
    if page is None or price.bbox is None:
        return False
    x0, y0, x1, y1 = price.bbox
    height = y1 - y0
    return any(
        w.text.startswith("%")
        and abs((w.bbox[1] + w.bbox[3]) - (y0 + y1)) < height
        and -0.1 * height <= w.bbox[0] - x1 < 0.8 * height
        for w in page.words
    )


def _per_unit(doc: Document, extraction: Extraction) -> None:
    """Rates read by their 'amount per unit' structure (``extraction.perunits``) where the other readers found
    fewer; where they found the same prices, the units they left empty."""
    found = per_unit_rates(doc)
    texts = [str(item.value("description")).split() for item in found]
    shared = any(len({tuple(t[:2]) for t in texts}) == 1 for texts in (texts, [t[::-1] for t in texts]))
    if len(found) > len(extraction.line_items) and not (len(found) >= 2 and min(map(len, texts)) > 2 and shared):
        extraction.line_items = found  # services that share two words at an end are a sentence's template's
        return
    if len(found) < len(extraction.line_items):
        return
    prices = {item.value("unit_price") for item in extraction.line_items}
    if found and not prices & {item.value("unit_price") for item in found}:
        extraction.line_items = found  # as many, no price the same: the others read other amounts ('80 – 95')
        return
    # as many, in the same order: a rate's unit or price the others left empty, where the two agree on the other
    for item, other in zip(extraction.line_items, found, strict=True):
        same = item.value("unit_price") == other.value("unit_price") or item.value("description") == other.value(
            "description"
        )
        if not same:
            continue
        for name in ("unit", "unit_price"):
            if item.value(name) is None:
                item.cells[name] = other.cells[name]
        unit, elided = str(item.value("unit")), str(other.value("unit"))
        if len(unit) > len(elided) and unit.endswith(elided) and unit[-len(elided) - 1] in "’'":
            item.cells["unit"] = other.cells["unit"]  # 'all’ora': the article elided onto the unit is no part of it
        # (compared without the comma or colon that parted them from the unit or price: 'Assessorament,')
        mine, theirs = ([w.rstrip(",;:") for w in str(i.value("description")).split()] for i in (other, item))
        # the text of a column beside, or a sentence's opening, joined the service; or the unit's phrase set off
        # after it ('Gerüstmontage (pro Woche)')
        if item.value("unit_price") == other.value("unit_price") and len(theirs) >= len(mine) > 0:
            unit_after = theirs[: len(mine)] == mine and str(other.value("unit")) in " ".join(theirs[len(mine) :])
            if theirs[-len(mine) :] == mine or unit_after or theirs == mine:
                item.cells["description"] = other.cells["description"]


def _read_rates(doc: Document, extraction: Extraction) -> None:
    """The rates of tables by geometry, of clauses and of sentences, where the extractor found fewer."""
    if not extraction.line_items:
        vendor = extraction.value("vendor_name")
        extraction.line_items = ruled_rates(doc, str(vendor) if vendor else None) or enumerated_rates(doc)
    extraction.line_items = _amounts_as_rates(doc, [_undated(doc, item) for item in extraction.line_items])
    for item in extraction.line_items:
        cell = item.cells.get("unit")
        parts = str(cell.value).split() if cell is not None else []
        if cell is not None and len(parts) >= 2 and CURRENCY.match(parts[-1]) and parts[-1].isupper():
            # 'Tag EUR', 'an RON': the currency's column beside the unit's joined it, no part of the unit
            parts = parts[:-1]
            item.cells["unit"] = cell = replace(cell, value=" ".join(parts))
        if cell is not None and len(parts) >= 2 and PER.match(parts[0]):
            # 'per day' in a rate table's unit column: a day ('per pallet / month': a pallet a month)
            item.cells["unit"] = replace(cell, value=" ".join(parts[1:]))
    words = [(page.number, w) for page in doc.pages for w in apart(whole_amounts(column_order(page)))]
    hint = number_format_of(w.text for _, w in words)
    rates = [r for sentence in _sentences(words) if (r := _rate(sentence)) is not None]
    # the currency named in words ('2.045,51 euros por informe'): one word after every amount, the same in each
    named = {money.text.lower() for *_, money in rates if not CURRENCY.match(money.text)}
    coded = [r for r in rates if CURRENCY.match(r[4].text)]
    rates = coded or (rates if len(named) == 1 else [])  # a word after one amount where the others print a code
    if len(rates) < 2 or len(rates) <= len(extraction.line_items):
        return
    leads = [lead for lead, *_ in rates]
    prefix = _common(leads)
    prefix = service_start([[w.text for w in lead] for lead in leads], prefix)
    suffix = _common([lead[::-1] for lead in leads])
    if not prefix + suffix and any(money.bbox[0] < amount.bbox[0] for _, amount, *_, money in rates):
        return  # terms before 'EUR 95.00 per hour' share no wording: a list (``read_rate_list``), no sentences
    items = []
    for lead, amount, unit, page, _ in rates:
        described = lead[prefix : len(lead) - suffix]
        price = parse_amount(amount.text, hint)
        if not described or price is None:
            return  # no template: these are no rate sentences
        items.append(rate_item(described, amount, price, unit, page, ":,"))
    extraction.line_items = items


def _amounts_as_rates(doc: Document, items: list[LineItem]) -> list[LineItem]:
    """A contract's rows of which none prints a price, each an amount: the amounts are the rates. A number beside
    each ('24 Stunden', '8 hours' under a response time) that no price multiplies is no count: it goes with the unit
    read beside it (a service level's terms, not what the rate is charged per), and a description the same on every
    row (the word after that number) names none: the first cell of each row's line does."""
    if len(items) < 2 or any("unit_price" in i.cells or "amount" not in i.cells for i in items):
        return items
    same = len({str(i.value("description")) for i in items}) == 1
    out = []
    for item in items:
        cells = {k: v for k, v in item.cells.items() if k not in ("quantity", "amount")}
        if "quantity" in item.cells:
            cells.pop("unit", None)
        named = _line_head(doc, item.cells["description"]) if same and "description" in cells else None
        if named is not None:
            cells["description"] = named
        out.append(replace(item, cells={**cells, "unit_price": item.cells["amount"]}))
    if same and len({str(i.value("description")) for i in out}) < len(out):
        return items  # no first cells that tell the rows apart
    return out


def _line_head(doc: Document, description: FieldValue) -> FieldValue | None:
    """The first cell of the line ``description`` stands on, where it stands left of it."""
    page = next((p for p in doc.pages if p.number == description.page), None)
    if page is None or description.bbox is None:
        return None
    middle = (description.bbox[1] + description.bbox[3]) / 2
    for line in group_lines(page.words):
        if line.top <= middle <= line.bottom:
            first = split_phrases(line, typical_char_width(page.words))[0]
            if first.bbox[2] < description.bbox[0]:
                return _field(first.words, page.number)
    return None


def _undated(doc: Document, item: LineItem) -> LineItem:
    """``item`` without the quantity a date gave it: a milestone's due date ('31 January' over a wrapped '2026',
    '3 April 2026') in a column of its own read as a quantity. A number that is part of a cell reading as a date
    (with the line above or below in that cell's span) is no quantity; the row's one amount is then its price."""
    quantity = item.cells.get("quantity")
    page = next((p for p in doc.pages if p.number == quantity.page), None) if quantity is not None else None
    if quantity is None or quantity.bbox is None or page is None:
        return item
    x = (quantity.bbox[0] + quantity.bbox[2]) / 2
    y = (quantity.bbox[1] + quantity.bbox[3]) / 2
    char = typical_char_width(page.words)
    lines = group_lines(page.words)
    for k, line in enumerate(lines):
        for cell in split_phrases(line, char):
            left, top, right, bottom = cell.bbox
            if not (left <= x <= right and top <= y <= bottom):
                continue
            near = [lines[j] for j in (k - 1, k + 1) if 0 <= j < len(lines)]
            texts = [cell.text]
            for other in near:
                inside = " ".join(
                    w.text for w in other.words if left - char <= w.bbox[0] and w.bbox[2] <= right + 8 * char
                )
                texts += [f"{cell.text} {inside}", f"{inside} {cell.text}"] if inside else []
            if any(parse_date(text) is not None and re.search(r"[^\W\d_]", text) for text in texts):
                cells = {name: value for name, value in item.cells.items() if name != "quantity"}
                if "unit_price" not in cells and "amount" in cells:
                    cells["unit_price"] = cells.pop("amount")
                return replace(item, cells=cells)
            return item
    return item


def _sentences(words: list[tuple[int, Word]]) -> list[list[tuple[int, Word]]]:
    """Sentences: split after a word ending in '.' or ';', before a bullet, at a paragraph gap and after a short
    line without punctuation (a heading above the first rate)."""
    out: list[list[tuple[int, Word]]] = [[]]
    for k, (page, word) in enumerate(words):
        current = out[-1]
        if current:
            previous = current[-1][1]
            height = previous.bbox[3] - previous.bbox[1]
            gap = word.bbox[1] - previous.bbox[3] > 1.2 * height or current[-1][0] != page
            new_line = word.bbox[1] >= previous.bbox[3] - 0.2 * height or word.bbox[0] < previous.bbox[0]
            # the words of the previous word's line, by their middles: OCR boxes hug the ink, so a last word without
            # ascenders ('za') has its top below the tops of its line's other words
            line = [w for _, w in current if w.bbox[1] + w.bbox[3] >= 2 * previous.bbox[1] - height]
            # a short line that ends on a short lower-case word ('Die Vergütung für', wrapped) runs on: no heading
            runs_on = re.fullmatch(r"[^\W\d_A-Z]{1,4}", previous.text) is not None
            heading = new_line and len(line) <= 4 and not runs_on and not re.search(r"[.;:,]$", previous.text)
            if BULLET.match(word.text) or gap or heading:
                out.append([])
        out[-1].append((page, word))
        if re.search(r"[.;]$", word.text) and not AMOUNT.match(word.text) and k + 1 < len(words):
            out.append([])
    return [s for s in out if s]


def _rate(sentence: list[tuple[int, Word]]) -> tuple[list[Word], Word, Word, int, Word] | None:
    """(words before the amount, the amount, the unit, page, the currency) of a sentence with one amount, its
    currency next: a code or symbol, or a word (which the caller takes only where every rate prints the same)."""
    words = [w for _, w in sentence if not BULLET.match(w.text)]
    amounts = [i for i, w in enumerate(words) if AMOUNT.match(w.text)]
    if len(amounts) != 1:
        return None
    at = amounts[0]
    head = words[at - 1] if at else None
    if head is not None and re.fullmatch(r"\d{1,3}", head.text) and re.fullmatch(r"\d{3}[.,]\d{2}", words[at].text):
        # '1 074,48': thousands set apart by a space, the head of the amount, not a word of the service
        box = union_bbox([head.bbox, words[at].bbox])
        assert box is not None  # two boxes
        words = [*words[: at - 1], Word(f"{head.text} {words[at].text}", box, head.confidence), *words[at + 1 :]]
        at -= 1
    rest = words[at + 1 :]
    if at and CURRENCY.match(words[at - 1].text) and len(rest) in (1, 2):
        # the currency before the amount, the unit ending the sentence, after a short linking word or none ('EUR
        # 650.00 a day.', 'GBP 95.00 per hour;'): a sentence that goes on ('is payable on signature') is no rate
        linked = len(rest) == 1 or ARTICLE.match(rest[0].text) or PER.match(rest[0].text)
        unit = rest[-1]
        if linked and re.fullmatch(r"[^\W\d_][\w/-]*[.;]?", unit.text) and not CURRENCY.match(unit.text):
            return words[: at - 1], words[at], unit, sentence[0][0], words[at - 1]
    if at + 2 >= len(words) or len(words) - at > 6:
        return None
    money = words[at + 1]
    if not CURRENCY.match(money.text) and not (money.text.isalpha() and money.text.islower() and at + 3 < len(words)):
        return None  # a currency word needs the linking word and the unit after it ('euros por informe')
    unit = words[-1]
    if not unit.text.rstrip(".;")[:1].isalpha():
        return None
    return words[:at], words[at], unit, sentence[0][0], money


def _common(sequences: list[list[Word]]) -> int:
    """How many leading words all sequences share: by text, or on a scan all but one, the odd one a misreading of
    the others' word (OCR's 'Chente' for 'Cliente': its first letter, two letters changed at most)."""
    count = 0
    for column in zip(*sequences, strict=False):
        text, same = Counter(w.text for w in column).most_common(1)[0]
        odd = [w for w in column if w.text != text]
        if odd and not (same >= 2 and len(odd) == 1 and _misread(odd[0], text)):
            break
        count += 1
    return count


def _misread(word: Word, text: str) -> bool:
    """``word``, read by OCR, may be ``text`` misread: the same first letter, at most two letters changed in five."""
    return (
        word.confidence < 1.0
        and len(text) >= 5
        and word.text[:1] == text[:1]
        and Levenshtein.distance(word.text, text) <= 2
    )


def ruled_rates(doc: Document, vendor: str | None = None) -> list[LineItem]:
    """The first rate table found by geometry on the pages (each column of a two-column page apart); where its
    rows hold one rate per tenderer (a bid tabulation), the column captioned by the ``vendor``'s name."""
    hint = number_format_of(w.text for page in doc.pages for w in page.words)
    for page in doc.pages:
        gutter = _gutter(page.words)
        if gutter is None:
            columns = [page.words]
        else:
            columns = [[w for w in page.words if w.bbox[2] <= gutter], [w for w in page.words if w.bbox[0] >= gutter]]
        for words in columns:
            items = _table_rates(words, page.number, hint, vendor)
            if len(items) >= 2:
                return items
    return []


def _table_rates(words: list[Word], page: int, hint: str | None, vendor: str | None = None) -> list[LineItem]:
    char = typical_char_width(words)
    lines = group_lines(words)

    def table(pick: float | None) -> tuple[list[tuple[list[Word], Word, float]], int]:
        """(words before the amount, the amount, second cell's x) of each row, and the first row's line; of a
        matrix's amounts the one nearest ``pick`` (the first where None)."""
        rows: list[tuple[list[Word], Word, float]] = []
        last: Line | None = None
        first = 0
        for at, line in enumerate(lines):
            cells = _first_rate_column(split_phrases(line, char), pick)
            if len(cells) >= 3 and parse_date(cells[-1].text) is not None and AMOUNT.match(cells[-2].words[-1].text):
                # a date in a cell of its own after the amount ('17 septembre 2027' under 'Valid from'): when the
                # rate holds, not part of it
                cells = cells[:-1]
            tail = cells[-1].words
            amount = tail[-2] if len(tail) >= 2 and CURRENCY.match(tail[-1].text) else tail[-1]  # '2,251.78 USD'
            one_amount = sum(bool(AMOUNT.match(w.text)) for c in cells for w in c.words) == 1
            if one_amount and AMOUNT.match(amount.text) and len(cells) >= 2 and len(tail) <= 2:
                if rows and abs(amount.bbox[2] - rows[-1][1].bbox[2]) > 2 * char:
                    if len(rows) >= 2:
                        break
                    rows = []
                if not rows:
                    first = at
                second = cells[1].bbox[0] if len(cells) > 2 else 1.0
                rows.append(([w for c in cells[:-1] for w in c.words], amount, second))
                last = line
                continue
            carried = rows and last is not None and line.top - last.bottom < 0.8 * (last.bottom - last.top)
            if carried and abs(line.words[0].bbox[0] - rows[-1][0][0].bbox[0]) <= 1.5 * char:
                rows[-1][0].extend(line.words)  # the service wrapped onto the next line, under its own cell
                last = line
                continue
            if len(rows) >= 2:
                break
            rows, last = [], None
        return rows, first

    rows, first = table(None)
    if vendor and len(rows) >= 2:
        text_end = max(w.bbox[2] for texts, _, _ in rows for w in texts)
        pick = _tenderer_column(lines, first, text_end, char, vendor)
        if pick is not None:
            rows, _ = table(pick)
    if len(rows) < 2:
        return []
    # the unit's column: where a second text cell starts on the rows that show it apart (on the others a unit
    # printed close to a long service joined it)
    starts = sorted(second for _, _, second in rows if second < 1.0)
    unit_at = starts[len(starts) // 2] if starts else None
    items = []
    for texts, amount, _ in rows:
        price = parse_amount(amount.text, hint)
        if price is None or price <= 0:
            return []
        service = [w for w in texts if unit_at is None or w.bbox[0] < unit_at - char]
        # the currency's own column between the unit and the amount ('an  RON  773,90') is no part of the unit
        unit = [w for w in texts if w not in service and not (CURRENCY.match(w.text) and w.text.isupper())]
        if not service or any(ch.isdigit() for w in unit for ch in w.text):
            return []  # a date or a number beside each amount: a payment plan, no rates
        found = {"description": _field(service, page), "unit_price": _field([amount], page, price)}
        if len(unit) == 2 and PER.match(unit[0].text):
            unit = unit[1:]  # 'per day' in the unit's cell: the unit is the day
        if unit and len(unit) <= 3:
            found["unit"] = _field(unit, page)
        box = union_bbox([w.bbox for w in [*service, amount]])
        assert box is not None
        items.append(LineItem(found, CONFIDENCE, page, box))
    return items


def _matrix(cells: list[Line]) -> tuple[list[Line], list[Word]] | None:
    """A row's text cells and the two amounts or more it ends in after them, in cells of their own or set closer
    ('Senior consultant | day | 546.03  819.05'); None for a row of fewer amounts or one sharing its cell with text."""
    amounts = [w for c in cells for w in c.words]
    k = len(amounts)
    while k > 0 and AMOUNT.match(amounts[k - 1].text):
        k -= 1
    texts = [c for c in cells if c.words[0] in amounts[:k]]
    if len(amounts) - k < 2 or not texts or texts[-1].words[-1] is not amounts[k - 1]:
        return None
    return texts, amounts[k:]


def _first_rate_column(cells: list[Line], pick: float | None = None) -> list[Line]:
    """A row's cells up to its first amount where it is a ``_matrix`` ('Rate  Weekend rate'): its first column is
    the rate, the others its variants (after hours, at weekends); or up to the amount nearest x ``pick`` (the
    column of the tenderer awarded); any other row as is."""
    matrix = _matrix(cells)
    if matrix is None:
        return cells
    texts, amounts = matrix
    chosen = amounts[0] if pick is None else min(amounts, key=lambda w: abs((w.bbox[0] + w.bbox[2]) / 2 - pick))
    return [*texts, Line([chosen])]


def _name_key(text: str) -> str:
    """A company's name compared as its letters and digits, casefolded, a bracketed remark left out."""
    return " ".join(re.findall(r"\w+", re.sub(r"\([^)]*\)?", " ", text).casefold()))


def _tenderer_column(lines: list[Line], first: int, text_end: float, char: float, vendor: str) -> float | None:
    """The middle x of the amounts' column captioned by the ``vendor``'s name over a matrix of rates whose first
    row is line ``first`` (its text cells end by ``text_end``): a bid tabulation, one price column per tenderer, of
    which the contract's vendor's is the one agreed. The caption's words stand in the lines right above the row (a
    name wraps over two or three), each over the column it starts in: after the amounts before that column end, up
    to its own amount's end. A line with a phrase across two columns (the sentence that leads to the table) is no
    caption's. None where no caption alone reads as the vendor."""
    matrix = _matrix(split_phrases(lines[first], char))
    if matrix is None:
        return None
    amounts = matrix[1]
    ends = [text_end] + [w.bbox[2] for w in amounts]
    regions = [(0.0, text_end)] + [(ends[k], ends[k + 1] if k + 1 < len(amounts) else 1.0) for k in range(len(amounts))]
    captions: list[list[Word]] = [[] for _ in amounts]
    below = lines[first]
    for line in reversed(lines[max(0, first - 4) : first]):
        if below.top - line.bottom > 2.5 * below.height or any(AMOUNT.match(w.text) for w in line.words):
            break
        phrases = split_phrases(line, char)
        if any(sum(min(p.bbox[2], hi) - max(p.bbox[0], lo) > 2 * char for lo, hi in regions) > 1 for p in phrases):
            break
        for word in reversed(line.words):  # read upwards: each line's words go before the ones under them
            column = next((k for k in range(len(amounts)) if ends[k] < word.bbox[0] <= ends[k + 1]), None)
            if column is not None:
                captions[column].insert(0, word)
        below = line
    key = _name_key(vendor)
    alike = [Levenshtein.normalized_similarity(_name_key(" ".join(w.text for w in ws)), key) for ws in captions]
    best = max(range(len(alike)), key=alike.__getitem__)
    # the vendor's name, give or take a legal form's spelling; no other tenderer's as near ('North Island Pty Ltd')
    if not key or alike[best] < 0.85 or any(a > alike[best] - 0.1 for k, a in enumerate(alike) if k != best):
        return None
    return (amounts[best].bbox[0] + amounts[best].bbox[2]) / 2


def _field(words: list[Word], page: int, value: object = None) -> FieldValue:
    text = " ".join(w.text for w in words)
    return FieldValue(text if value is None else value, CONFIDENCE, page, union_bbox([w.bbox for w in words]), text)  # type: ignore[arg-type]
