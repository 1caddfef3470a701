"""The totals block itemised: printed tax lines (label, rate, base, amount) and charges (shipping, freight,
handling, discount...) with whether the tax applies to them.

Tax needs them: a US PO taxes "State Sales Tax 6.25%" and "County Tax 2%" on the goods and not on the freight,
a VAT PO taxes the freight too, a price list may already include the VAT. ``read_tax_and_charges`` reads them from
the words below the line-item table, whatever extractor read the rest, and ``settle_taxed`` decides by arithmetic
which charges the printed tax covers when the print does not say. The pipeline calls it once, after extraction.

Where the captions are unknown (``Positionssumme``, ``Imposta 22%``, ``Balance Payable``), ``complete_totals``
finds subtotal, tax and total by arithmetic: the printed amount the line amounts add up to is the subtotal, the
amounts after it (discounts, charges, taxes) add up to a later printed amount, the total.
"""

from __future__ import annotations

import itertools
import re
from collections.abc import Sequence
from decimal import ROUND_HALF_UP, Decimal

from extraction.document import Document, Page
from extraction.layout import OCR_SPACE, Line, group_lines, joined_thousands, split_phrases, typical_char_width
from extraction.normalize import number_format_of, parse_amount
from extraction.result import Charge, ChargeKind, Extraction, FieldValue, LineItem, TaxLine

CENT = Decimal("0.01")
_TAX_WORD = re.compile(
    r"\b(?:sales\s+tax|use\s+tax|tax(?:es)?|vat|gst|hst|pst|qst|rst|mwst|ust|tva|iva|btw|moms|igv|impuesto|"
    r"steuer|mehrwertsteuer|umsatzsteuer)\b",
    re.IGNORECASE,
)
_NOT_A_TAX = re.compile(
    r"\b(?:tax|vat|gst|ust|mwst)\s*[-.]?\s*(?:id|no|nr|number|#|reg|registration|exempt(?:ion)?\s+(?:no|number|#|cert))"
    r"|\b(?:excl(?:uding|\.)?|before|net\s+of|ohne|hors|sans|zzgl)\b.{0,12}\b(?:tax|vat|mwst|tva|gst)\b",
    re.IGNORECASE,
)
_TOTAL_WORD = re.compile(r"\b(?:total|sum|summe|gesamt)\b", re.IGNORECASE)
_INCLUDED = re.compile(
    r"\b(?:incl(?:uded|udes|uding|\.)?|inkl\.?|enthalten|includes|dont|davon|contains)\b", re.IGNORECASE
)
_RATE = re.compile(r"(\d{1,2}(?:[.,]\d{1,4})?)\s*%")
_CHARGES: list[tuple[ChargeKind, re.Pattern[str]]] = [
    ("discount", re.compile(r"\b(?:discount|rebate|rabatt|remise|descuento|sconto|less\s+\d)", re.I)),
    ("handling", re.compile(r"\b(?:handling|packing|packaging|verpackung|emballage)\b", re.I)),
    ("freight", re.compile(r"\b(?:freight|carriage|fracht|transport(?:e|kosten)?|cartage)\b", re.I)),
    (
        "shipping",
        re.compile(
            r"\b(?:shipping|s\s*&\s*h|delivery(?:\s+(?:charges?|fee))?|postage|versand(?:kosten)?|porto|frais\s+de\s+port|"
            r"env[ií]o|livraison)\b",
            re.I,
        ),
    ),
    ("insurance", re.compile(r"\b(?:insurance|versicherung|assurance)\b", re.I)),
    ("surcharge", re.compile(r"\b(?:surcharge|fuel|zuschlag|small\s+order\s+fee|rush\s+fee)\b", re.I)),
]
# a charge label names the charge, not a place or a date ("Shipping address", "Delivery date")
_NOT_A_CHARGE = re.compile(
    r"\b(?:address|addr|to|date|terms|method|via|instructions|point|location|contact|account|no|number|#)\b", re.I
)
_TAXED = re.compile(r"\(?\b(?:taxable|taxed|incl\.?\s+tax)\b\)?", re.I)
_UNTAXED = re.compile(r"\(?\b(?:non[\s-]?taxable|not\s+taxed|tax[\s-]?exempt|no\s+tax|untaxed|exempt)\b\)?", re.I)
_SIGN_WORD = re.compile(r"^[-\u2212][^\w\s]{1,3}$")
_MONEY = re.compile(r"^\(?[-\u2212+]?[^\d\s(]{0,3}\d[\d.,'\u00a0 ]*\)?[^\d\s]{0,3}$")


def _round(value: Decimal) -> Decimal:
    return value.quantize(CENT, rounding=ROUND_HALF_UP)


def _amounts(line: Line, hint: str | None) -> list[tuple[int, Decimal, str]]:
    """(word index, value, text) of the money amounts on a line; a rate ("19%") is no amount."""
    out = []
    for i, word in enumerate(line.words):
        text = word.text.strip(":")
        if "%" in text or not _MONEY.match(text) or not re.search(r"\d", text):
            continue
        value = parse_amount(text.strip("()").replace("\u2212", "-"), hint)
        if value is not None:
            # a sign printed with the currency before the digits, apart from them: '-£ 3,451.86'
            signed = i > 0 and bool(_SIGN_WORD.match(line.words[i - 1].text))
            negative = text.startswith(("(", "-", "\u2212")) or text.endswith("-") or signed
            out.append((i, -abs(value) if negative else value, text))
    return out


def _lines_below_table(doc: Document, extraction: Extraction, upto: int | None = None) -> list[tuple[int, Line]]:
    """(page number, line) of the lines after the line-item table (its last page, below its last row; later pages
    whole); every line when no table was read. ``upto``: the table's first so many items only."""
    items = [item for item in extraction.line_items[:upto] if item.page is not None and item.bbox is not None]
    last_page = max((item.page for item in items if item.page is not None), default=None)
    lines = []
    for page in doc.pages:
        if last_page is not None and page.number < last_page:
            continue
        page_lines = group_lines(page.words)
        if last_page is not None and page.number == last_page:
            bottom = max(item.bbox[3] for item in items if item.page == last_page and item.bbox is not None)
            page_lines = [ln for ln in page_lines if ln.top >= bottom - 1e-6]
        lines += [(page.number, line) for line in page_lines]
    return lines


def _amount_lines(
    doc: Document, extraction: Extraction, upto: int | None = None
) -> list[tuple[int, Line, list[tuple[int, Decimal, str]]]]:
    """(page, line, its amounts) of the lines below the line items that print an amount: where the totals block
    is read from, by captions (``read_tax_and_charges``) and by arithmetic (``complete_totals``,
    ``charges_that_close``). ``upto`` as for ``_lines_below_table``."""
    hint = number_format_of([w.text for page in doc.pages for w in page.words])
    # '4 026,33': a space as the thousands separator prints one amount as two words; OCR's boxes hug the ink
    space = {page.number: OCR_SPACE if page.source == "ocr" else 1.05 for page in doc.pages}
    lines = _lines_below_table(doc, extraction, upto)
    joined = ((page, Line(joined_thousands(line.words, space[page]))) for page, line in lines)
    found = ((page, line, _amounts(line, hint)) for page, line in joined)
    return [(page, line, amounts) for page, line, amounts in found if amounts]


def read_tax_and_charges(doc: Document, extraction: Extraction) -> None:
    """Fill ``extraction.tax_lines`` and ``extraction.charges`` from the document's totals block."""
    tax_lines: list[TaxLine] = []
    totals: list[TaxLine] = []  # "Total tax 8.25%": the sum, kept only when no component is printed
    charges: list[Charge] = []
    block: list[tuple[int, Line, Decimal]] = []  # (page, line, its last amount): the totals block, in order
    ocr = {page.number for page in doc.pages if page.source == "ocr"}
    for page_number, line, amounts in _amount_lines(doc, extraction):
        first = amounts[0][0]
        label = _initials(" ".join(w.text for w in line.words[:first])).strip(" :")
        block += [(page_number, part, value) for part, value in _block_entries(line, amounts, page_number in ocr)]
        if not label or not re.search(r"[A-Za-z]", label):
            continue
        confidence = min(w.confidence for w in line.words)
        value = amounts[-1][1]
        if _TOTAL_WORD.search(label) and _INCLUDED.search(label):
            continue  # "Total incl. VAT": the grand total
        if _TAX_WORD.search(label) and not _NOT_A_TAX.search(label):
            rate_match = _RATE.search(line.text)
            rate = Decimal(rate_match.group(1).replace(",", ".")) if rate_match else None
            base = amounts[0][1] if len(amounts) >= 2 else None
            if rate is not None and base is not None and abs(_round(base * rate / 100) - value) > CENT:
                base = None  # two amounts, but not base and tax
            taxline = TaxLine(label, rate, value, base, bool(_INCLUDED.search(label)), confidence)
            (totals if _TOTAL_WORD.search(label) else tax_lines).append(taxline)
            continue
        if _TOTAL_WORD.search(label) and not re.search(r"charges?|fees?", label, re.I):
            continue
        kind = next((k for k, pattern in _CHARGES if pattern.search(label)), None)
        if kind is None or _NOT_A_CHARGE.search(_TAXED.sub("", _UNTAXED.sub("", label))):
            continue
        if kind == "discount":
            value = -abs(value)
        taxed = False if _UNTAXED.search(label) else True if _TAXED.search(label) else None
        charges.append(Charge(kind, label, value, taxed, confidence))
    if not tax_lines:
        tax_lines = totals[:1]
    extraction.tax_lines = tax_lines
    extraction.charges = settle_taxed(subtotal_of(extraction), charges, tax_lines)
    complete_totals(extraction, block)
    if not any(name in extraction.fields for name in TOTALS):
        _totals_read_as_rows(doc, extraction)


TOTALS = ("subtotal", "tax_total", "total")


def _totals_read_as_rows(doc: Document, extraction: Extraction) -> None:
    """A scanned table that took the totals block for its last rows: OCR split '57 142,73' at its thousands space
    and the caption's words became a description, so 'Spolu bez DPH 57 | 142,73' reads as a price and an amount.
    Where no total was found below the table, the rows at its end on an OCR'd page that start right of the middle
    of the table (a row's code or description starts at its left; a totals block stands under the amounts) are read
    again as the totals block, by arithmetic only (``complete_totals``); the rows the totals found stand on are no
    items."""
    items = extraction.line_items
    ocr = {page.number for page in doc.pages if page.source == "ocr"}
    boxes = [item.bbox for item in items if item.bbox is not None]
    if not boxes:
        return
    middle = (min(box[0] for box in boxes) + max(box[2] for box in boxes)) / 2
    upto = len(items)
    while upto and items[upto - 1].page in ocr and (items[upto - 1].bbox or (0.0,))[0] > middle:
        upto -= 1
    if upto == len(items):
        return
    block = [
        (page, part, value)
        for page, line, amounts in _amount_lines(doc, extraction, upto)
        for part, value in _block_entries(line, amounts, page in ocr)
    ]
    complete_totals(extraction, block)
    found = [extraction.fields[name] for name in TOTALS if name in extraction.fields]
    tops = [(cell.page, cell.bbox[1]) for cell in found if cell.page is not None and cell.bbox is not None]
    if not tops:
        return
    first = min(tops)

    def totals_row(item: LineItem) -> bool:
        if item.page is None or item.bbox is None:
            return False
        return (item.page, (item.bbox[1] + item.bbox[3]) / 2) >= first

    extraction.line_items = items[:upto] + [item for item in items[upto:] if not totals_row(item)]


# an amount's cents: two places, or three after four digits or more ('2238005,634' joined from '2 238 005,634': a
# currency of three places; no thousands group has four digits before it)
_CENTS = re.compile(r"(?:\d[.,]\d{2}|\d{4}[.,]\d{3})\)?[^\d.,]{0,3}$")


def _block_entries(
    line: Line, amounts: list[tuple[int, Decimal, str]], ocr: bool = False
) -> list[tuple[Line, Decimal]]:
    """A totals line's amounts for the arithmetic: its last, under its caption; each of them, with the words
    before it, where the totals are set side by side ('Net 1,000.00   VAT 200.00   Total 1,200.00') or as a row
    of values under a row of captions (nothing but the values on the line: one that prints dates or counts before
    them is a table's row, as an order's schedule totals its gross, commission and net). A line without a caption is
    none of the block, except on an OCR'd page one amount alone (with its currency): a fax or a stamp may have left
    its caption illegible, and the arithmetic that reads the block vouches for it."""
    cents = [(i, value) for i, value, text in amounts if _CENTS.search(text)]
    if len(cents) >= 2:
        starts = [0] + [i + 1 for i, _ in cents[:-1]]
        parts = [Line(line.words[start : i + 1]) for start, (i, _) in zip(starts, cents, strict=True)]
        labelled = [bool(re.search(r"[^\W\d_]", _label(part))) for part in parts]
        # before the first value, nothing, or its own head split off at a misread separator ('1.030 203,11')
        before = " ".join(w.text for w in line.words[: cents[0][0]])
        values_only = not re.search(r"[^\W\d_]|\d", before) or bool(re.fullmatch(r"\d{1,3}(?:[.,]\d{3})+", before))
        if all(labelled) or values_only and _only_values(line, {i for i, _, _ in amounts}):
            return [(part, value) for part, (_, value) in zip(parts, cents, strict=True)]
    first = amounts[0][0]
    if not re.search(r"[A-Za-z]", " ".join(w.text for w in line.words[:first])):
        # a totals line without a caption: a bare amount on any page, or on a scan one whose caption was lost
        alone = ocr and len(amounts) == 1 and first == 0 and _only_values(line, {first})
        return [(line, amounts[-1][1])] if alone or _bare_amount(line, amounts) else []
    return [(line, amounts[-1][1])]


def _bare_amount(line: Line, amounts: list[tuple[int, Decimal, str]]) -> bool:
    """A totals line printed without a caption: one amount with cents, at most a rate before it and a currency's
    code or sign beside it ('54.112,11', '12% 5.797,73', '18.033,37 CHF', '€ 920.84'); nothing else (a date, a
    count, a word)."""
    if len(amounts) != 1 or not _CENTS.search(amounts[0][2]):
        return False
    others = [w.text for i, w in enumerate(line.words) if i != amounts[0][0]]
    return all(re.fullmatch(r"\d{1,2}(?:[.,]\d{1,3})?\s*%|[A-Z]{3}|[^\w\s]{1,3}|[^\W\d_]{1,3}\.?", t) for t in others)


def _only_values(line: Line, amounts: set[int]) -> bool:
    """Whether a line prints nothing but amounts, each perhaps followed by its currency ('248 216,65 Kč 52 125,50
    Kč'): a word with letters counts only if it is short and stands right after an amount."""
    return all(
        i in amounts or not re.search(r"[^\W\d_]", word.text) or len(word.text) <= 3 and i - 1 in amounts
        for i, word in enumerate(line.words)
    )


def complete_totals(extraction: Extraction, block: list[tuple[int, Line, Decimal]]) -> None:
    """The totals by arithmetic (``_complete_totals``), then a block that prints its total first."""
    _complete_totals(extraction, block)
    _total_printed_first(extraction, block)


def _total_printed_first(extraction: Extraction, block: list[tuple[int, Line, Decimal]]) -> None:
    """A block that prints the total first, then the net amount and the taxes it includes ('TOTAL 1.210,00',
    'Net value 1.000,00', 'of which VAT 21 % 210,00'): the amounts after the net one, each printed with a rate or
    a tax caption (a line restating the sum of those before it adds nothing), come to the total less the net and a
    discount printed before them. The net is the subtotal, their sum the tax. Taken where no other subtotal was read
    (none, or the total again)."""
    read = extraction.decimal("subtotal")
    for k in range(len(block) - 2):
        total, net = block[k][2], block[k + 1][2]
        if not 0 < net < total or read not in (None, total) or extraction.decimal("total") not in (None, total):
            continue
        taxes: list[Decimal] = []
        since: list[Decimal] = []
        off = Decimal(0)  # a discount printed between the net amount and its taxes ('Rabatt: 3% -75,63')
        for _, line, value in block[k + 2 :]:
            if len(since) >= 2 and abs(value - sum(since, Decimal(0))) <= CENT:
                since = []
                continue
            if value < 0 and not taxes:
                off += value
                continue
            if value <= 0 or not (_RATE.search(line.text) or _TAX_WORD.search(_label(line))):
                break
            taxes.append(value)
            since.append(value)
            if abs(net + off + sum(taxes, Decimal(0)) - total) <= CENT:
                page, total_line, _ = block[k]
                extraction.fields["total"] = FieldValue(total, 0.7, page, total_line.bbox, total_line.words[-1].text)
                page, net_line, _ = block[k + 1]
                extraction.fields["subtotal"] = FieldValue(net, 0.7, page, net_line.bbox, net_line.words[-1].text)
                extraction.fields["tax_total"] = FieldValue(sum(taxes, Decimal(0)), 0.7, page)
                return


def _complete_totals(extraction: Extraction, block: list[tuple[int, Line, Decimal]]) -> None:
    """Subtotal, tax total and total by arithmetic, whatever their captions: the first printed amount equal to
    the line amounts' sum (or to the printed subtotal) is the subtotal; the amounts printed after it add up, and
    the last later amount that restates the running sum is the total (a restated sum before it is a net amount).
    The tax is the added amounts printed with a rate they are that rate of. Fills only missing fields, and a
    total that is only the subtotal again (a "Goods Total" read as the total when the real one is unknown)."""
    _subtotal_is_the_lines(extraction, block)
    _subtotal_that_closes(extraction, block)
    # the subtotal: printed, or the lines' sum; else the extractor's total, if taxes follow it (then it was none)
    candidates = [(subtotal_of(extraction), False), (extraction.decimal("total"), True)]
    for sub, needs_tax in candidates:
        if sub is None:
            continue
        start = next((k for k, (_, _, value) in enumerate(block) if abs(value - sub) <= CENT), None)
        found = None if start is None else _added_up(block, start, sub)
        if start is not None and found is not None and (found[1] or not needs_tax):
            break
    else:
        _taxed_base(extraction, block)
        return
    assert start is not None and found is not None  # the loop breaks only on a found block
    total_at, taxes = found
    fields = extraction.fields

    def put(name: str, k: int, value: Decimal) -> None:
        page, line, _ = block[k]
        fields[name] = FieldValue(value, 0.7, page, line.bbox, line.words[-1].text)

    total = extraction.decimal("total")
    if total is None or (total == sub and total_at > start):
        put("total", total_at, block[total_at][2])
    if "subtotal" not in fields:
        put("subtotal", start, sub)
    if "tax_total" not in fields and taxes:
        fields["tax_total"] = FieldValue(sum(taxes, Decimal(0)), 0.7, block[total_at][0])


def _taxed_base(extraction: Extraction, block: list[tuple[int, Line, Decimal]]) -> None:
    """Where neither the subtotal nor the lines are known (an OCR'd page misread some amounts): an amount printed
    with a rate that is that rate of an amount above it (the taxed base), and base plus tax printed below it: the
    tax total and the total; the base, where the block opens with it, the subtotal. A strip of values under a row of
    captions prints the rate above its tax, not beside it: there base, tax and their sum stand side by side, the tax
    a rate a law sets of the base (``is_a_rate_of``), and the base is the subtotal. Fills only missing fields."""
    fields = extraction.fields
    if "tax_total" in fields and "total" in fields and "subtotal" in fields:
        return

    def taken(found: dict[str, int]) -> bool:
        # what was read stands; where it is another amount, these are other amounts
        if any(extraction.decimal(name) not in (None, block[m][2]) for name, m in found.items()):
            return False
        for name, m in found.items():
            at_page, at_line, value = block[m]
            if name not in fields:
                fields[name] = FieldValue(value, 0.6, at_page, at_line.bbox, at_line.words[-1].text)
        return True

    for k, (_, line, tax) in enumerate(block):
        rate = _RATE.search(line.text)
        if tax <= 0:
            continue
        if rate is None:
            strip = 0 < k < len(block) - 1 and is_a_rate_of(block[k - 1][2], tax) is not None
            closes = strip and abs(block[k + 1][2] - block[k - 1][2] - tax) <= CENT
            if closes and taken({"tax_total": k, "total": k + 1, "subtotal": k - 1}):
                return
            if 0 < k < len(block) - 1 and _misread_base(block, k) and taken({"tax_total": k, "total": k + 1}):
                page, line, _ = block[k - 1]
                base = block[k + 1][2] - tax
                fields.setdefault("subtotal", FieldValue(base, 0.6, page, line.bbox, line.words[-1].text))
                return
            continue
        percent = Decimal(rate.group(1).replace(",", "."))
        for j in range(k - 1, -1, -1):
            base = block[j][2]
            if not tax_fits(base, percent, tax):
                continue
            after = next((m for m in range(k + 1, len(block)) if abs(block[m][2] - base - tax) <= CENT), None)
            # the block opens with the base: nothing is added before it
            if after is not None and taken({"tax_total": k, "total": after} | ({"subtotal": j} if j == 0 else {})):
                return


def _misread_base(block: list[tuple[int, Line, Decimal]], k: int) -> bool:
    """Whether the amount before a strip's tax is its base misread at a separator ('1.030 203,11' for '1 030 203,11':
    OCR took a thin space for a point): total less tax is a rate a law sets of it, and its digits are the digits the
    base's words print, in order."""
    base = block[k + 1][2] - block[k][2]
    printed = re.sub(r"\D", "", " ".join(w.text for w in block[k - 1][1].words))
    return is_a_rate_of(base, block[k][2]) is not None and printed == re.sub(r"\D", "", f"{base:.2f}")


def _subtotal_is_the_lines(extraction: Extraction, block: list[tuple[int, Line, Decimal]]) -> None:
    """The subtotal is the sum of the lines: where that sum is printed above the amount read as the subtotal (a
    net amount after a discount or charges, 'Imponibile'), the printed sum is taken."""
    read, lines = extraction.decimal("subtotal"), _lines_sum(extraction)
    if read is None or lines is None or abs(read - lines) <= CENT:
        return
    values = [value for _, _, value in block]
    at = next((k for k, value in enumerate(values) if abs(value - lines) <= CENT), None)
    later = next((k for k, value in enumerate(values) if abs(value - read) <= CENT), None)
    if at is not None and later is not None and at < later:
        page, line, _ = block[at]
        extraction.fields["subtotal"] = FieldValue(lines, 0.7, page, line.bbox, line.words[-1].text)


def _subtotal_that_closes(extraction: Extraction, block: list[tuple[int, Line, Decimal]]) -> None:
    """A subtotal read that is a section's ('Subtotal for Electrical' above the block) gives way to the sum the
    block restates: from the read amount, positive amounts that are no tax or charge (the other sections) add up
    to a later printed amount from which the taxes added come to the total. Else a subtotal the block does not add
    up from, or that is not the lines' sum, gives way to the first amount that does (the lines' sum, if printed)."""
    read, total = extraction.decimal("subtotal"), extraction.decimal("total")
    if read is None or total is None:
        return

    def closes(k: int) -> bool:
        found = _added_up(block, k, block[k][2])
        return found is not None and bool(found[1]) and abs(block[found[0]][2] - total) <= CENT

    def put(k: int) -> None:
        page, line, value = block[k]
        extraction.fields["subtotal"] = FieldValue(value, 0.7, page, line.bbox, line.words[-1].text)

    start = next((k for k, (_, _, value) in enumerate(block) if abs(value - read) <= CENT), None)
    if start is not None and closes(start):
        running = read
        for k in range(start + 1, len(block)):
            value, label = block[k][2], _label(block[k][1])
            if abs(value - running) <= CENT:
                if k > start + 1 and closes(k):
                    put(k)
                return
            if value <= 0 or _TAX_WORD.search(label) or any(p.search(label) for _, p in _CHARGES):
                break
            running += value
    lines = _lines_sum(extraction)
    if lines is not None and not any(abs(value - lines) <= CENT for _, _, value in block):
        lines = None  # a line misread: the sum is printed nowhere
    if (lines is not None and abs(lines - read) <= CENT) or (lines is None and start is not None and closes(start)):
        return
    at = next((k for k in range(len(block)) if (lines is None or abs(block[k][2] - lines) <= CENT) and closes(k)), None)
    if at is not None:
        put(at)


def _lines_sum(extraction: Extraction) -> Decimal | None:
    amounts = [item.decimal("amount") for item in extraction.line_items]
    if amounts and all(a is not None for a in amounts):
        return sum((a for a in amounts if a is not None), Decimal(0))
    return None


def _added_up(block: list[tuple[int, Line, Decimal]], start: int, sub: Decimal) -> tuple[int, list[Decimal]] | None:
    """(index of the total, the tax amounts) when the amounts after ``start`` add up to a later printed one. A
    line that restates the running sum (a net amount) or the sum of the amounts added since the last such line
    (the taxes' total under their rates) adds nothing."""
    running, total_at = sub, None
    added: list[tuple[int, Decimal]] = []  # (index, the running sum before it)
    since: list[int] = []
    summed: list[int] = []  # what a sum line under a tax caption adds up: the taxes
    for k in range(start + 1, len(block)):
        value = block[k][2]
        if abs(value - running) <= CENT:
            if added:
                total_at, since = k, []
            continue  # the total so far, or the subtotal again before anything is added
        if len(since) >= 2 and abs(value - sum((block[i][2] for i in since), Decimal(0))) <= CENT:
            if _TAX_WORD.search(_label(block[k][1])):
                summed = since
            since = []
            continue
        added.append((k, running))
        since.append(k)
        running += value
    if total_at is None:
        return None
    if summed and max(summed) < total_at:
        return total_at, [block[k][2] for k in summed]
    return total_at, _taxes_of(block, [(k, base) for k, base in added if k < total_at], sub)


def _taxes_of(block: list[tuple[int, Line, Decimal]], added: list[tuple[int, Decimal]], sub: Decimal) -> list[Decimal]:
    """Which of the amounts added between subtotal and total are taxes: those printed with a rate they are of the
    subtotal (or of the running sum), else those a tax caption names ('MwSt', 'IVA', 'Moms'), else those that are
    a tax rate of the subtotal with some of the charges before them (``is_a_rate_of``), whatever their caption
    ('Sales Levy', 'Impost'); an amount a charge caption names (shipping, freight, handling) is none."""
    taxes: list[Decimal] = []
    for k, base in added:
        rate = _RATE.search(block[k][1].text)
        value = block[k][2]
        if rate and value > 0:
            percent = Decimal(rate.group(1).replace(",", "."))
            if any(tax_fits(b, percent, value) for b in (sub, base)):
                taxes.append(value)
    if taxes:
        return taxes
    others: list[Decimal] = []  # the charges (and discounts) before the amount: what a tax may be levied on too
    for k, _ in added:
        line, value = block[k][1], block[k][2]
        label = _label(line)
        named = bool(_TAX_WORD.search(label)) and not _NOT_A_TAX.search(label)
        a_charge = any(pattern.search(label) for _, pattern in _CHARGES)
        # a tax caption over nothing levied ('No VAT or GST in <place> 0.00'): the print says the tax is zero
        if value > 0 and (named or not a_charge and _levied(sub, others, value)) or value == 0 and named:
            taxes.append(value)
        else:
            others.append(value)
    return taxes


def _label(line: Line) -> str:
    """The words of a totals line before its first digit, initials with stops read as one word ('V.A.T.')."""
    words = []
    for word in line.words:
        if re.search(r"\d", word.text):
            break
        words.append(word.text)
    return _initials(" ".join(words))


def _initials(text: str) -> str:
    """Initials printed with stops as the word they spell: 'Plus V.A.T.' -> 'Plus VAT', 'G.S.T.' -> 'GST'."""
    return re.sub(r"\b(?:[^\W\d_]\.){2,}", lambda m: m.group(0).replace(".", ""), text)


# tax rates as laws set them: whole percents, quarters (8.25), tenths and twentieths (7.7, 6.35), thousandths
# (8.875, 9.975); an amount is tried on the finest grid on which a chance amount rarely fits
RATE_GRIDS = (Decimal("0.25"), Decimal("0.05"), Decimal("0.005"))
CHANCE = 20  # a grid's step, in money, at least 20 of the amount's printed units: chance fits 1 in 20 or fewer
LOWEST_RATE, HIGHEST_RATE = Decimal("0.5"), Decimal("30")


def is_a_rate_of(base: Decimal, amount: Decimal) -> Decimal | None:
    """The tax rate (percent) ``amount`` is of ``base`` to the cent, where the rate is one a law sets (0.5 to 30
    percent, on a grid no finer than the base's size makes a chance fit rare: a whole amount, a fee of '50.00',
    counts in units, not cents), else None."""
    if base <= 0 or amount <= 0:
        return None
    exact = amount * 100 / base
    if not LOWEST_RATE <= exact <= HIGHEST_RATE:
        return None
    unit = Decimal(1) if amount == amount.to_integral_value() else CENT
    # a whole amount's tax is rounded to the unit, a half either way (half up, half to even, cut)
    slack = unit / 2 if unit == 1 else CENT
    for step in RATE_GRIDS:
        if step * base / 100 < CHANCE * unit:
            break  # on this grid, amounts of so small a base fit by chance
        nearest = (exact / step).quantize(Decimal(1), rounding=ROUND_HALF_UP) * step
        if tax_fits(base, nearest, amount, slack=slack):
            return nearest.normalize()
    return None


def _levied(sub: Decimal, others: list[Decimal], amount: Decimal) -> bool:
    """``amount`` is a tax rate of the subtotal with some of the charges printed before it (three at most)."""
    for size in range(min(3, len(others)) + 1):
        for chosen in itertools.combinations(others, size):
            if is_a_rate_of(sub + sum(chosen, Decimal(0)), amount) is not None:
                return True
    return False


def subtotal_of(extraction: Extraction) -> Decimal | None:
    """The printed subtotal, else the sum of the line amounts when every line shows one."""
    printed = extraction.decimal("subtotal")
    return printed if printed is not None else _lines_sum(extraction)


def tax_fits(base: Decimal, rate: Decimal, amount: Decimal, included: bool = False, slack: Decimal = CENT) -> bool:
    """The printed tax amount is ``rate`` of ``base`` (or, for a tax the prices include, the share of it)."""
    expected = base * rate / (100 + rate) if included else base * rate / 100
    return abs(_round(expected) - amount) <= slack


def settle_taxed(subtotal: Decimal | None, charges: Sequence[Charge], tax_lines: Sequence[TaxLine]) -> list[Charge]:
    """Charges with ``taxed`` decided by arithmetic where the print left it open: of the ways to tax the open
    charges, the ones under which every printed rate gives its printed amount on subtotal + taxed charges; a
    charge is settled when all of those agree on it. Four open charges at most (16 ways)."""
    open_ = [i for i, c in enumerate(charges) if c.taxed is None]
    rated = [t for t in tax_lines if t.rate is not None and t.amount is not None]
    if subtotal is None or not open_ or not rated or len(open_) > 4:
        return list(charges)
    fitting = []
    for choice in itertools.product((False, True), repeat=len(open_)):
        taxed = {i: c.taxed for i, c in enumerate(charges)} | dict(zip(open_, choice, strict=True))
        base = subtotal + sum((c.amount for i, c in enumerate(charges) if taxed[i]), Decimal(0))
        if all(tax_fits(base, t.rate, t.amount, t.included) for t in rated if t.rate and t.amount is not None):
            fitting.append(choice)
    out = list(charges)
    for k, i in enumerate(open_):
        votes = {choice[k] for choice in fitting}
        if len(votes) == 1:
            c = out[i]
            out[i] = Charge(c.kind, c.label, c.amount, votes.pop(), c.confidence)
    return out


def charges_that_close(doc: Document, extraction: Extraction, most: int = 3) -> list[Decimal]:
    """Amounts printed below the line items that, added to the subtotal and the tax, make the total (at most
    ``most`` of them: shipping, packing...), whatever their captions say; [] when the totals close without any or
    no such amounts are printed. Ties the totals to each other on documents whose charge captions no table knows."""
    subtotal, tax, total = (extraction.decimal(name) for name in ("subtotal", "tax_total", "total"))
    if subtotal is None or tax is None or total is None or abs(subtotal + tax - total) <= CENT:
        return []
    amounts = [found[-1][1] for _, _, found in _amount_lines(doc, extraction)]
    for value in (subtotal, tax, total):  # the three themselves are printed there too
        if value in amounts:
            amounts.remove(value)
    for size in range(1, most + 1):
        for chosen in itertools.combinations(amounts[:12], size):
            if abs(subtotal + tax + sum(chosen, Decimal(0)) - total) <= CENT:
                return list(chosen)
    return []


def printed_amounts(doc: Document) -> list[Decimal]:
    """Every money amount with cents the document prints ('1,250.00', 'EUR 95.50'; not a date, a rate or a count)."""
    hint = number_format_of([w.text for page in doc.pages for w in page.words])
    return [
        value
        for page in doc.pages
        for line in group_lines(page.words)
        for _, value, text in _amounts(line, hint)
        if re.search(r"\d[.,]\d{2}\)?[^\d.,]{0,3}$", text)
    ]


def close_the_totals(doc: Document, extraction: Extraction) -> None:
    """Subtotal and tax mended by arithmetic where a scan lost or misread them: with the total read, an order whose
    subtotal and tax are missing, the total's own value, or do not add up to it takes the amounts the page prints
    that do (the total less the subtotal or the tax read, else the one pair of printed amounts, the tax at most 30 %
    of the subtotal, adding up to the total). Totals that close as they were; orders with charges or adjustments
    too, unless the amounts found make a printed tax rate of the subtotal to the cent (a photo's totals block read a
    row off: 'VAT 20%' beside the net amount, 'Freight' beside the tax).
    """
    fields, total = extraction.fields, extraction.decimal("total")
    rates = [line.rate for line in extraction.tax_lines if line.rate is not None]
    charged = bool(extraction.charges or extraction.adjustments)
    if total is None or total <= 0 or charged and not rates:
        return
    subtotal, tax = extraction.decimal("subtotal"), extraction.decimal("tax_total")
    if subtotal is not None and tax is not None and abs(subtotal + tax - total) <= CENT:
        return
    printed = set(printed_amounts(doc))
    page = fields["total"].page
    found: dict[str, Decimal] = {}
    if subtotal is not None and subtotal != total and tax is None:
        if total - subtotal in printed:  # a subtotal read apart from the total stands
            found = {"tax_total": total - subtotal}
    elif tax is not None and subtotal is None and total - tax in printed and tax > 0:
        found = {"subtotal": total - tax}
    else:
        lines = {item.decimal("amount") for item in extraction.line_items}
        pairs = {
            (s, total - s)
            for s in printed
            if 0 < total - s <= s * Decimal("0.3") and total - s in printed and not {s, total - s} <= lines
        }
        if len(pairs) == 1:
            s, t = pairs.pop()
            found = {"subtotal": s, "tax_total": t}
    if charged:
        base, levied = found.get("subtotal", subtotal), found.get("tax_total", tax)
        if base is None or levied is None or not any(tax_fits(base, rate, levied) for rate in rates):
            return
    for name, value in found.items():
        fields[name] = FieldValue(value, 0.6, page)


ITEM_LINES = 60  # the most item lines summed up from the totals block
BLOCK_LINES = 12  # the most totals lines read after the items


def totals_from_the_page(doc: Document, extraction: Extraction) -> None:
    """Subtotal, tax total and total by arithmetic on the page alone, for an order whose line items were misread
    (a party block read as an item, the totals read as items): the last amounts of consecutive lines add up to an
    amount printed under them, the subtotal; the amounts after it (taxes, charges, discounts) add up to a printed
    amount, the total, printed after them or first of the block. Of the ways to cut the page so, the one that sums
    the most item lines; with nothing levied, the subtotal restated is the total. Fills only missing fields; a tax
    total that is one of several taxes found gives way to their sum."""
    _taxes_summed(extraction)
    hint = number_format_of([w.text for page in doc.pages for w in page.words])
    rows = [(page.number, line, amounts) for page in doc.pages for line, amounts in _lines_with_cents(page, hint)]
    best: tuple[int, int, list[tuple[int, Line, Decimal]], int] | None = None  # (items summed, t, block, start)
    for t in range(1, len(rows)):
        if not rows[t][2]:
            continue
        block = _page_block(rows[t : t + BLOCK_LINES])
        running, count = Decimal(0), 0
        for _, _, amounts in reversed(rows[max(0, t - ITEM_LINES) : t]):
            if not amounts:
                continue
            running += amounts[-1][1]
            count += 1
            start = next((k for k, (_, _, value) in enumerate(block) if abs(value - running) <= CENT), None)
            if start is not None and (best is None or count > best[0]):
                best = (count, t, block, start)
    if best is not None:
        _, _, block, start = best
        _put_totals(extraction, block, start)
    if extraction.fields.get("total") is None:
        _summary_printed_first(extraction, rows)


def _summary_printed_first(
    extraction: Extraction, rows: list[tuple[int, Line, list[tuple[int, Decimal, str]]]]
) -> None:
    """The order's summary printed before its items (a box beside the parties: subtotal, tax, total): no run of
    lines above it adds up to it, but the amounts of the items read do. The first line printing that sum opens the
    totals block, read as one under the items is."""
    amounts = [item.decimal("amount") for item in extraction.line_items]
    if len(amounts) < 2 or any(a is None for a in amounts):
        return
    items = sum((a for a in amounts if a is not None), Decimal(0))
    for t, (_, _, printed) in enumerate(rows):
        if printed and abs(printed[-1][1] - items) <= CENT:
            block = _page_block(rows[t : t + BLOCK_LINES])
            start = next(k for k, (_, _, value) in enumerate(block) if abs(value - items) <= CENT)
            _put_totals(extraction, block, start)
            return


def _lines_with_cents(page: Page, hint: str | None) -> list[tuple[Line, list[tuple[int, Decimal, str]]]]:
    """A page's lines, each as one word per amount ('4 026,33' joined), with the amounts it prints with cents."""
    lines = [Line(joined_thousands(line.words)) for line in group_lines(page.words)]
    return [(line, [a for a in _amounts(line, hint) if _CENTS.search(a[2])]) for line in lines]


def _taxes_summed(extraction: Extraction) -> None:
    """A tax total read as one of several tax lines ('Tax: 12% 392.85', 'Tax: 5% 264.79'): their sum, where the
    subtotal, the tax lines and the charges read add up to the total."""
    amounts = [line.amount for line in extraction.tax_lines if line.amount is not None]
    sub, tax, total = (extraction.decimal(name) for name in ("subtotal", "tax_total", "total"))
    if len(amounts) < 2 or tax not in amounts or sub is None or total is None:
        return
    charges = sum((charge.amount for charge in extraction.charges), Decimal(0))
    if abs(sub + sum(amounts, Decimal(0)) + charges - total) <= CENT:
        cell = extraction.fields["tax_total"]
        extraction.fields["tax_total"] = FieldValue(sum(amounts, Decimal(0)), cell.confidence, cell.page)


def _page_block(rows: list[tuple[int, Line, list[tuple[int, Decimal, str]]]]) -> list[tuple[int, Line, Decimal]]:
    """The totals lines as the arithmetic reads them: each amount of a line, with the words before it."""
    block = []
    for page, line, amounts in rows:
        if not amounts:
            continue
        starts = [0] + [i + 1 for i, _, _ in amounts[:-1]]  # one start per amount
        for begin, (i, value, _) in zip(starts, amounts, strict=True):
            block.append((page, Line(line.words[begin : i + 1]), value))
    return block


def _put_totals(extraction: Extraction, block: list[tuple[int, Line, Decimal]], start: int) -> None:
    fields, sub = extraction.fields, block[start][2]
    found = _added_up(block, start, sub)
    if found is not None:
        total_at, taxes = found
    elif len(block) > start + 1 and all(abs(value - sub) <= CENT for _, _, value in block[start + 1 :]):
        total_at, taxes = len(block) - 1, []  # nothing levied: the subtotal restated as the total
    else:  # the total printed first: what follows the subtotal adds up to an amount above it
        running, added, first = sub, [], None
        for k in range(start + 1, len(block)):
            value = block[k][2]
            if abs(value - running) <= CENT:
                continue
            added.append((k, running))
            running += value
            first = next((m for m in range(start) if abs(block[m][2] - running) <= CENT), None)
            if first is not None:
                break
        if first is None:
            return
        total_at = first
        taxes = _taxes_of(block, added, sub)
    # a rate printed beside each tax, levied on some of the lines only ('9% € 140.81', '7% € 1,007.70'): those
    # rather than an amount that fits some rate of a sum by chance
    partial = _partial_taxes(block, start, total_at, sub)
    if len(partial) > len(taxes):
        taxes = partial

    def put(name: str, k: int) -> None:
        page, line, value = block[k]
        fields[name] = FieldValue(value, 0.6, page, line.bbox, line.words[-1].text)

    # a subtotal read that is the total found, with a tax levied between them, is the total read twice (a scan's
    # totals block: the extractor tagged the amount to pay for both)
    read = extraction.decimal("subtotal")
    if read is None or (taxes and total_at != start and abs(read - block[total_at][2]) <= CENT):
        put("subtotal", start)
    if fields.get("total") is None:
        put("total", total_at)
    tax = extraction.decimal("tax_total")
    if taxes and (tax is None or len(taxes) > 1 and tax in taxes):
        fields["tax_total"] = FieldValue(sum(taxes, Decimal(0)), 0.6, block[total_at][0])


def _partial_taxes(block: list[tuple[int, Line, Decimal]], start: int, total_at: int, sub: Decimal) -> list[Decimal]:
    """The amounts between subtotal and total printed with a rate, each no more than that rate of the subtotal:
    taxes levied on part of the lines at several rates. All of them or none."""
    between = range(start + 1, total_at) if total_at > start else range(start + 1, len(block))
    taxes = []
    for k in between:
        value, rate = block[k][2], _RATE.search(block[k][1].text)
        if rate is None or value <= 0:
            continue
        if value > sub * Decimal(rate.group(1).replace(",", ".")) / 100 + CENT:
            return []
        taxes.append(value)
    return taxes if len(taxes) >= 2 else []


_A_RATE = re.compile(r"\d\s?%")


def taxes_in_a_row(doc: Document, extraction: Extraction) -> None:
    """The tax total of several taxes printed between the subtotal and the total, each under or after a caption
    that prints its rate: a totals row ('Net  Tax 20%  Tax 10%  Total' over '19'531.90  402.56  1'751.91
    21'686.37', a caption's words going to the amount nearest under them) or a block of lines ('VAT: 25% 2,461.38').
    Where the subtotal and the total are read and the amounts between them add up to the total less the subtotal
    (charges and discounts too), the positive amounts whose captions print a rate are the taxes, their sum the tax
    total. Replaces a tax total only where it is missing or one of those taxes."""
    sub, tax, total = (extraction.decimal(name) for name in ("subtotal", "tax_total", "total"))
    if sub is None or total is None or total - sub <= 0:
        return
    if tax is not None and abs(sub + tax - total) <= CENT:
        return
    hint = number_format_of([w.text for page in doc.pages for w in page.words])
    for page in doc.pages:
        rows = _lines_with_cents(page, hint)
        lines, found = [line for line, _ in rows], [amounts for _, amounts in rows]
        entries: list[tuple[Decimal, str]] | None = None
        for index, (line, amounts) in enumerate(zip(lines, found, strict=True)):
            values = [value for _, value, _ in amounts]
            if sub in values and total in values[values.index(sub) + 1 :]:  # a totals row
                first = values.index(sub)
                last = first + 1 + values[first + 1 :].index(total)
                above = lines[index - 1].words if index else []
                spans = _cells(line, [k for k, _, _ in amounts], typical_char_width(page.words))
                captions = ["" for _ in amounts]
                for word in above:
                    near = min(range(len(amounts)), key=lambda k: _apart(spans[k], word.bbox))
                    captions[near] += " " + word.text
                entries = [(values[k], captions[k]) for k in range(first + 1, last)]
            elif values and values[-1] == sub:  # a block of lines, one amount each, down to the total
                entries = []
                for later, more in zip(lines[index + 1 :], found[index + 1 :], strict=False):
                    if not more:
                        continue
                    if more[-1][1] == total:
                        break
                    entries.append((more[-1][1], later.text))
                else:
                    entries = None
            if entries:
                break
        if not entries or abs(sum((v for v, _ in entries), Decimal(0)) - (total - sub)) > CENT:
            continue
        taxes = [value for value, caption in entries if value > 0 and _A_RATE.search(caption)]
        if taxes and (tax is None or tax in taxes):
            extraction.fields["tax_total"] = FieldValue(sum(taxes, Decimal(0)), 0.7, page.number)
        return


def _cells(line: Line, indexes: list[int], char_width: float) -> list[tuple[float, float]]:
    """The left and right edges of each amount's cell on a totals row: the phrase it stands in with its currency
    ('1 626,46 francs suisses'), where that phrase holds no other amount, else the amount alone."""
    spans = []
    phrases = split_phrases(line, char_width)
    for k in indexes:
        word = line.words[k]
        phrase = next((p for p in phrases if any(w is word for w in p.words)), None)
        alone = phrase is not None and sum(any(w is line.words[j] for w in phrase.words) for j in indexes) == 1
        box = phrase.bbox if phrase is not None and alone else word.bbox
        spans.append((box[0], box[2]))
    return spans


def _apart(span: tuple[float, float], box: tuple[float, ...]) -> float:
    """How far a caption word stands from a cell: 0 inside it, else the distance of the word's centre to its edge."""
    centre = (box[0] + box[2]) / 2
    return max(0.0, span[0] - centre, centre - span[1])


# a thousands group a scan split off an amount ('31' '296' before '212,12'), and the amount's last group with its
# cents ('212,12', '035,35')
_GROUP = re.compile(r"[-−]?\d{1,3}(?:[.,]\d{3})*[.,]?")
_LAST_GROUP = re.compile(r"\d{3}[.,]\d{2}")


def _split_amounts(doc: Document) -> list[tuple[int, Line, Decimal, Decimal]]:
    """(page, line, the amount joined, its last group alone) for each amount on an OCR'd page printed with its
    thousands groups as separate words ('31 296 212,12'): the groups to the left of the last one, each a space
    apart, on the same line."""
    found: list[tuple[int, Line, Decimal, Decimal]] = []
    for page in doc.pages:
        if page.source != "ocr":
            continue
        for line in group_lines(page.words):
            words = line.words
            for i, word in enumerate(words):
                if i == 0 or not _LAST_GROUP.fullmatch(word.text):
                    continue
                start = i
                while start > 0 and _GROUP.fullmatch(words[start - 1].text):
                    left, right = words[start - 1], words[start]
                    width = (right.bbox[2] - right.bbox[0]) / len(right.text)
                    if right.bbox[0] - left.bbox[2] > 2 * OCR_SPACE * width:
                        break
                    start -= 1
                if start == i:
                    continue
                cents = word.text[:3] + "." + word.text[4:]
                heads = "".join(w.text for w in words[start:i])
                tail = Decimal(cents)
                joined = Decimal(re.sub(r"\D", "", heads) + cents)
                if heads[0] in "-−":
                    tail, joined = -tail, -joined
                if joined != tail:
                    found.append((page.number, line, joined, tail))
    return found


def join_split_totals(doc: Document, extraction: Extraction) -> None:
    """Header totals a scan cut to their last thousands group ('212,12' read for '31 296 212,12': OCR split the
    amount at its thousands spaces and a reader kept the last word). A total that is such a last group, or is
    missing, takes an amount joined from its groups on an OCR'd page (a line with one amount, on no item's row)
    where the arithmetic confirms it: subtotal plus tax (less than the subtotal) is the total, each a joined amount
    or a value read that is no cut one; or, with no tax read, the lines' amounts sum to the joined subtotal. One
    way to close only: where the joined amounts close in two ways, nothing changes."""
    items = [(item.page, item.bbox) for item in extraction.line_items if item.bbox is not None]

    def a_row(page: int, line: Line) -> bool:
        middle = (line.bbox[1] + line.bbox[3]) / 2
        return any(at == page and box[1] <= middle <= box[3] for at, box in items)

    # a totals line prints one amount, and stands on no item's row
    found = _split_amounts(doc)
    split = [s for s in found if sum(1 for o in found if o[1] is s[1]) == 1 and not a_row(s[0], s[1])]
    if not split:
        return
    tails = {tail for _, _, _, tail in split}
    joined = {value for _, _, value, _ in split}
    current = {name: extraction.decimal(name) for name in TOTALS}

    def options(name: str) -> list[Decimal | None]:
        value = current[name]
        if value is None or value in tails:
            return [value, *sorted(joined)]
        return [value]

    closing: set[tuple[Decimal | None, ...]] = set()
    for sub, tax, total in itertools.product(*(options(name) for name in TOTALS)):
        if sub is None or tax is None or total is None or not 0 < tax < sub < total:
            continue
        if abs(sub + tax - total) <= CENT and (sub, tax, total) != tuple(current.values()):
            closing.add((sub, tax, total))
    # the closing that keeps a cut value less than the others: a value read whole stays, a cut one goes
    if closing:
        kept = {
            c: sum(1 for v, name in zip(c, TOTALS, strict=True) if v == current[name] and v in tails) for c in closing
        }
        fewest = min(kept.values())
        closing = {c for c, n in kept.items() if n == fewest}
    if len(closing) == 1:
        values = dict(zip(TOTALS, next(iter(closing)), strict=True))
    else:
        lines = _lines_sum(extraction)
        sub = current["subtotal"]
        if closing or lines is None or current["tax_total"] is not None or sub not in tails or lines not in joined:
            return
        values = {"subtotal": lines}
    for name, value in values.items():
        if value is None or value == current[name]:
            continue
        at = next((s for s in split if s[2] == value), None)
        old = extraction.fields.get(name)
        confidence = old.confidence if old is not None else 0.6
        if at is None:
            extraction.fields[name] = FieldValue(value, confidence, old.page if old else None)
        else:
            page, line, _, _ = at
            extraction.fields[name] = FieldValue(value, confidence, page, line.bbox, line.words[-1].text)
