"""Tax ids whatever their caption ("Steuer-Ident", "P.IVA", "CNPJ", "IRS No."): a word python-stdnum accepts as
a tax id belongs to the party whose name stands before it on its line (a footer "Name · Street · P.IVA IT…", a
contract's "Name, of <address>, FEIN 12-3456789"), else whose name is above it in the same column (a party block).
Fills only the tax ids the extractor left empty; the pipeline calls it once, after the extractor and the readers.
"""

from __future__ import annotations

import re
from dataclasses import replace
from functools import cache, lru_cache
from typing import TYPE_CHECKING

from stdnum import get_cc_module, iban
from stdnum.exceptions import InvalidFormat, InvalidLength
from stdnum.ro import cui
from stdnum.util import get_number_modules

from extraction.document import BBox, Document, Page, Word
from extraction.layout import Line, SameWords, group_lines, typical_char_width
from extraction.normalize import LETTER_LOOKALIKES, is_valid_tax_id, normalize_tax_id, ocr_fixed_tax_id
from extraction.result import Extraction, FieldValue

if TYPE_CHECKING:
    from stdnum.util import NumberValidationModule

# the shapes a tax id is printed in: a VAT number with its country prefix, an EIN with its hyphen, a Swiss UID,
# a CNPJ; a bare run of digits (an order number, a phone number) is no tax id here
_SHAPES = re.compile(r"[A-Z]{2}[0-9A-Z]{8,12}|\d{2}-\d{7}|CHE-\d{3}\.\d{3}\.\d{3}|\d{2}\.\d{3}\.\d{3}/\d{4}-\d{2}")
# national ids whose letters and grouping set them apart from other numbers: GSTIN, RFC, NIF/CIF, BN with its
# program account, NIP with its hyphens, an IRD number grouped, a Finnish Y-tunnus (kept as printed: their check
# digits decide), a Singapore UEN, a Japanese Corporate Number grouped
_NATIONAL = re.compile(
    r"\d{2}[A-Z]{5}\d{4}[A-Z][0-9A-Z]Z[0-9A-Z]|[A-ZÑ&]{3,4}-?\d{6}-?[A-Z0-9]{3}|[A-HJNP-SUVW]-?\d{7}-?[0-9A-J]"
    r"|\d{8}-?[A-Z]|\d{9}[A-Z]|[RST]\d{2}[A-Z]{2}\d{4}[A-Z]|\d{9}RT\d{4}|\d{3}-\d{3}-\d{2}-\d{2}|\d{3}-\d{2}-\d{2}-\d{3}"
    r"|\d{2,3}-\d{3}-\d{3}|\d{7}-\d|\d-\d{4}-\d{4}-\d{4}"
)
# bare-digit ids whose check digits accept one number in 10-89 are read only after their scheme's name
# ('A.B.N.: 35 613 465 896', 'CVR-nr. 13585628', 'P.IVA 12345678903', 'Vergi No'), the names python-stdnum gives
# them (``captioned_schemes``, ``spelled_caption_modules``); Romania's CUI also by its everyday name ('Cod fiscal'),
# which no docstring spells
_CAPTIONED: dict[str, list[NumberValidationModule]] = {"CODFISCAL": [cui]}
# which of python-stdnum's numbers are a company's tax or register number, by the first line of their docstring
# ('Orgnr (Organisasjonsnummer, Norwegian organisation number).'), and which are a person's or no party's
_COMPANY_NUMBER = re.compile(
    r"tax|vat|company|corporat|business|organi[sz]ation|enterprise|fiscal|regist", re.IGNORECASE
)
_NOT_A_PARTY = re.compile(
    r"personal|individual|adoption|preparer|receipt|classification|maritime|ISO 9362|e-commerce|excise", re.IGNORECASE
)
ABOVE = 0.2  # how far above a tax id, in page heights, its party's name may stand
# a caption that says 'tax number' without naming the scheme ('Tax No.', 'Income Tax Ref.', 'Vergi No', 'Cod fiscal',
# 'Steuernummer'): a bare number after it is a tax id where some country's tax number module accepts it
TAX_CAPTION = re.compile(r"\b(?:tax|vat|tin|fiscal|vergi|steuer\w*|nalog\w*|adó\w*|vero\w*)\b", re.IGNORECASE)
_TAX_NUMBER = re.compile(r"\btax\b", re.IGNORECASE)  # a python-stdnum module's first docstring line naming one


def read_tax_ids(doc: Document, extraction: Extraction) -> None:
    fields = extraction.fields
    pages = [(page, group_lines(page.words)) for page in doc.pages]  # grouped once for every pass below
    for name in ("buyer_tax_id", "vendor_tax_id"):
        cell = fields.get(name)
        # a letter or digit OCR misread ('1T...' for 'IT...'): mended only where the check digits then agree
        if cell is not None and isinstance(cell.value, str) and not is_valid_tax_id(cell.value):
            fixed = ocr_fixed_tax_id(cell.value) or _whole_of(pages, cell.value)
            if fixed is not None:
                fields[name] = replace(cell, value=fixed)
    _ids_after_names(pages, fields)
    names = {role: fields.get(f"{role}_name") for role in ("buyer", "vendor") if f"{role}_tax_id" not in fields}
    if not any(names.values()):
        return
    used = {str(cell.value) for cell in fields.values()}
    # an id only its caption's shape tells waits: a later one a scheme vouches for, in the same party's block, wins
    waiting: dict[str, FieldValue] = {}
    for page, lines in pages:
        # every place the page prints a party's name (its letterhead as well as its block)
        printed = {role: _printings(lines, _tokens(str(cell.value))) for role, cell in names.items() if cell}
        char_width = typical_char_width(page.words)
        weighed_ids = weighed_tax_ids(page.words)
        for index, line in enumerate(lines):
            for k, word in enumerate(line.words):
                weighed = weighed_ids[index][k]
                if weighed is None or weighed[0] in used:
                    continue
                value, shaped = weighed
                before = " ".join(w.text for w in line.words[:k])
                # the id's column is its phrase's: a long caption before it ('Australian Business Number: 43 964
                # 579 673') puts the number right of its party's name, its caption under it
                first = k
                while first > 0 and _one_phrase(line.words[first - 1 : first + 1], char_width):
                    first -= 1
                column = (line.words[first].bbox[0], *word.bbox[1:])
                role = _owner(names, before, page.number, column, printed)
                if role is None or f"{role}_tax_id" in fields:
                    continue
                cell = FieldValue(value, 0.6, page.number, word.bbox, word.text)
                if shaped:
                    waiting.setdefault(role, cell)
                    continue
                fields[f"{role}_tax_id"] = cell
                used.add(value)
                names.pop(role)
    for role, cell in waiting.items():
        if f"{role}_tax_id" not in fields and cell.value not in used:
            fields[f"{role}_tax_id"] = cell
            used.add(str(cell.value))


# an id by its shape alone: capitals and digits, 8 to 15 of them, at least 6 digits ('RC72521761', '18293593')
_BARE_ID = re.compile(r"(?=(?:[A-Z]*\d){6})[A-Z0-9]{8,15}")
# a shorter one, read only where its caption names a company's register ('Company No.: 62506', 'Bus. Licence No.:
# BL37440'): five capitals and digits at least, four of them digits
_REGISTER_ID = re.compile(r"(?=(?:[A-Z]*\d){4})[A-Z0-9]{5,15}")
# the words python-stdnum's company numbers are called by (``_COMPANY_NUMBER``) that name the register, not a tax
_REGISTER_WORDS = ("company", "corporation", "business", "organisation", "organization", "enterprise", "registration")
# a caption that says the number is a phone's, a fax's or an account's, not the party's id
CONTACT_CAPTION = re.compile(r"tel|phone|fax|mob|iban|acc(?:oun)?t|konto|swift|bic", re.IGNORECASE)
_NUMBER_WORDS = {"no.", "nr.", "no:", "nr:", "n°", "nº"}


def read_bare_tax_ids(doc: Document, extraction: Extraction) -> None:
    """A party's tax id that only its shape and its caption's form tell (``bare_captioned_id``: 'Reg.: RC72521761'
    under a caption no scheme names), in that party's block (its name above it in the same column, or before it on
    its line); read last, once the readers of roles have settled each party's name, and only for a party with no
    tax id, where the number is no other field's value."""
    fields = extraction.fields
    names = {role: fields.get(f"{role}_name") for role in ("buyer", "vendor") if f"{role}_tax_id" not in fields}
    if not any(names.values()):
        return
    used = {str(cell.value) for cell in fields.values()}
    found: dict[str, FieldValue] = {}
    for page in doc.pages:
        lines = group_lines(page.words)
        printed = {role: _printings(lines, _tokens(str(cell.value))) for role, cell in names.items() if cell}
        char_width = typical_char_width(page.words)
        for line in lines:
            for k, word in enumerate(line.words):
                value = bare_captioned_id(line.words, k)
                if value is None or value in used:
                    continue
                first = k
                while first > 0 and _one_phrase(line.words[first - 1 : first + 1], char_width):
                    first -= 1
                before = " ".join(w.text for w in line.words[:k])
                column = (line.words[first].bbox[0], *word.bbox[1:])
                role = _owner(names, before, page.number, column, printed)
                if role is None or role in found:
                    continue
                on_line = any(before.rfind(str(cell.value)) >= 0 for cell in names.values() if cell)
                owner = names[role]
                boxes = list(printed.get(role, []))
                if owner is not None and owner.bbox is not None and owner.page == page.number:
                    boxes.append(owner.bbox)
                if on_line or _closes_block(lines, boxes, column, char_width):
                    found[role] = FieldValue(value, 0.4, page.number, word.bbox, word.text)
    if len({str(cell.value) for cell in found.values()}) < len(found):
        return  # one number owned by both: whose it is, is not told
    for role, cell in found.items():
        fields[f"{role}_tax_id"] = cell


def _closes_block(lines: list[Line], names: list[BBox], column: BBox, char_width: float) -> bool:
    """Whether the caption at ``column`` is a line of the block a printing of the party's name heads: set at the
    name's left edge (or, in a block set flush right as a letterhead often is, at its right edge), with no wider gap
    than a line's between the name, each line of the block and it."""
    height = column[3] - column[1]
    for x0, top, x1, _ in names:
        for edge, at in ((0, x0), (2, x1)):
            if abs(column[edge] - at) > 2 * char_width or not top < column[1]:
                continue
            tops = [top]
            tops += [
                line.top
                for line in lines
                if top < line.top < column[1] and any(abs(w.bbox[edge] - at) <= 2 * char_width for w in line.words)
            ]
            tops.append(column[1])
            if all(b - a <= 2.2 * height for a, b in zip(tops, tops[1:], strict=False)):
                return True
    return False


def bare_captioned_id(words: list[Word], k: int) -> str | None:
    """The id at ``words[k]`` that only its shape and its caption's form tell: a word of capitals and digits
    (``_BARE_ID``) right after a caption ending in ':' or in a word for number ('No.'), or of a word for number and
    one word of letters ('Nr. tatimor 4081864449683'), in a caption that names no phone, fax or account."""
    if k == 0:
        return None
    token = words[k].text.rstrip(",;.")
    caption = words[k - 1].text
    shaped = _BARE_ID.fullmatch(token) or register_id(token) and names_register(words[max(0, k - 3) : k])
    # a word for number before one word that names it, no colon after ('Nr. tatimor 4081864449683', 'No. fiscal ...')
    named = k >= 2 and words[k - 2].text.casefold() in _NUMBER_WORDS and words[k - 1].text.isalpha()
    if not shaped or not (caption.endswith(":") or caption.casefold() in _NUMBER_WORDS or named):
        return None
    if any(CONTACT_CAPTION.search(w.text) for w in words[max(0, k - 3) : k]):
        return None
    return token


def register_id(token: str) -> bool:
    """Whether a word is shaped as a register's number under a caption that says so: five capitals and digits or
    more, four digits at least ('62506', 'BL37440')."""
    return _REGISTER_ID.fullmatch(token) is not None


def names_register(caption: list[Word]) -> bool:
    """Whether a caption's words name a company's register: one of ``_REGISTER_WORDS``, or its abbreviation of three
    letters or more ('Bus.', 'Reg.', 'Org.')."""
    for word in caption:
        short = word.text.strip(".:#").casefold()
        if len(short) >= 3 and short.isalpha() and any(_abbreviates(short, w) for w in _REGISTER_WORDS):
            return True
    return False


def tax_id_at(words: list[Word], k: int, above: list[Word] | None = None) -> str | None:
    """The tax id starting at ``words[k]``: a word of an id's own shape, one its scheme's name captions right before
    it ('EIN 43-6183281') or over it (``above``: the line just above), or one printed in spaced groups ('GB 707
    0909 42')."""
    found = weighed_tax_id_at(words, k, above)
    return found[0] if found is not None else None


def weighed_tax_ids(words: list[Word]) -> tuple[tuple[tuple[str, bool] | None, ...], ...]:
    """``weighed_tax_id_at`` of every word of a page, line by line as ``group_lines`` groups ``words`` (each with the
    line just above, ``line_above``). The tax ids, the roles and the confidence signals each weigh every word of a
    page (thousands of calls a page): once per page, the cache keyed by the very words (``SameWords``)."""
    return _weighed_tax_ids(SameWords(words))


@lru_cache(maxsize=16)
def _weighed_tax_ids(key: SameWords) -> tuple[tuple[tuple[str, bool] | None, ...], ...]:
    lines = group_lines(list(key.words))
    return tuple(
        tuple(weighed_tax_id_at(line.words, k, line_above(lines, index)) for k in range(len(line.words)))
        for index, line in enumerate(lines)
    )


def weighed_tax_id_at(words: list[Word], k: int, above: list[Word] | None = None) -> tuple[str, bool] | None:
    """``tax_id_at``'s id and whether only its caption's shape tells it (``shaped_after_acronym``: no scheme's
    check digit nor name vouches for it, so a register's, an account's or a phone's number may be read so); a
    party whose block prints another id with such proof takes that one."""
    value = tax_id_of(words[k].text)
    if value is None:
        caption = caption_before(words, k)
        value = captioned_tax_id(caption, words[k:])
        if value is not None:
            return value, _shaped_only(caption, words[k:], value)
    value = value or spaced_tax_id(words[k:])
    if value is None and above:
        # a box's value is all its groups ('57 242 063 370' under 'ABN')
        over = caption_over(above, words[k])
        value = captioned_tax_id(over, words[k : k + 4])
        if value is not None:
            return value, _shaped_only(over, words[k : k + 4], value)
    return (value, False) if value is not None else None


def _shaped_only(caption: str, words: list[Word], value: str) -> bool:
    """Whether ``captioned_tax_id`` read ``value`` by its last route alone, its caption's shape."""
    if shaped_after_acronym(caption, words) != value:
        return False
    modules = caption_modules(caption)
    return not any(m.is_valid(value) for m in modules) and not is_valid_tax_id(value)


# a VAT number as OCR may read it, letters for digits ('FR4O792O706991')
_MISREAD_SHAPE = re.compile(r"[A-Z]{2}[0-9A-Z]{8,12}")


def misread_tax_id(words: list[Word], k: int) -> str | None:
    """A scan's tax id at ``words[k]`` that ``tax_id_at`` does not read as printed: parted in two words ('DE 81'
    '2345678' read 'DE81' '2345678'), or with letters read for digits; taken only where the check digits then
    agree."""
    token = words[k].text.strip("()[],;:.")
    if k + 1 < len(words):
        joined = (words[k].text + words[k + 1].text).strip("()[],;:.")
        value = tax_id_of(joined) or (ocr_fixed_tax_id(joined) if _MISREAD_SHAPE.fullmatch(joined) else None)
        if value is not None:
            return value
    return ocr_fixed_tax_id(token) if _MISREAD_SHAPE.fullmatch(token) else None


def line_above(lines: list[Line], index: int) -> list[Word]:
    """The words of the line just above ``lines[index]``, where no more than a line's height lies between."""
    if index == 0:
        return []
    line, previous = lines[index], lines[index - 1]
    return previous.words if line.top - previous.bottom < line.bottom - line.top else []


def _ids_after_names(pages: list[tuple[Page, list[Line]]], fields: dict[str, FieldValue]) -> None:
    """Each party's tax id where running text prints it right after the party's name ('between Acme LLC, Federal
    Tax ID 21-3476183 ("Company") and Beta Inc., EIN 43-6183281'), whatever reader set the fields before: an id
    empty, or holding the other party's id, takes it; a party's field holding the id the text gives the other
    party, and none of its own, is emptied."""
    names = {
        role: tokens
        for role in ("buyer", "vendor")
        if (cell := fields.get(f"{role}_name")) is not None and len(tokens := _tokens(str(cell.value))) >= 2
    }
    if len(names) < 2 or names["buyer"] == names["vendor"]:
        return
    found: dict[str, FieldValue] = {}
    numbered: dict[str, FieldValue] = {}  # ids only a caption's word for number tells, where a party has no other
    for page, lines in pages:
        char_width = typical_char_width(page.words)
        previous: list[Word] = []
        for line in lines:
            words = line.words
            close = previous and line.top - max(w.bbox[3] for w in previous) < line.bottom - line.top
            # each column's running text on its own ('1. Parties | Between Acme SAL, ...': a margin's heading)
            starts = [0] + [i for i in range(1, len(words)) if not _one_phrase(words[i - 1 : i + 1], char_width)]
            for k, word in enumerate(words):
                value = tax_id_at(words, k)
                into = found
                if value is None:
                    value, into = _numbered_id(words, k), numbered
                if value is None:
                    continue
                start = max(i for i in starts if i <= k)
                # the sentence runs on from the line above where that line's column stands over this one's
                x = words[start].bbox[0]
                run = previous if close and previous[0].bbox[0] - 3 * char_width <= x <= previous[-1].bbox[2] else []
                role = _named_last(names, [w.text for w in run + words[start:k]])
                taken = [c.value for c in [*found.values(), *numbered.values()]]
                if role is not None and role not in into and value not in taken:
                    into[role] = FieldValue(value, 0.6, page.number, word.bbox, word.text)
            previous = words[starts[-1] :]
    found = {**numbered, **found}
    values = {role: cell.value for role, cell in found.items()}
    for role, other in (("buyer", "vendor"), ("vendor", "buyer")):
        theirs = fields.get(f"{role}_tax_id")
        mine, others = values.get(role), values.get(other)
        unproven = theirs is not None and not is_valid_tax_id(str(theirs.value))
        if mine is not None and (theirs is None or theirs.value == others or unproven):
            fields[f"{role}_tax_id"] = found[role]
        elif mine is None and others is not None and theirs is not None and theirs.value == others:
            del fields[f"{role}_tax_id"]


def _numbered_id(words: list[Word], k: int) -> str | None:
    """A number of an id's shape (``_ID_WORD``, seven digits at least: '2165037-601'; ``_REGISTER_WORD``:
    'MC-994402') after a caption holding a word for number in the two words before it ('N° financier', 'Reg. No.'):
    in running text right after a party's name, that party's number of some register, taken as its tax id where the
    text gives it no other."""
    token = words[k].text.strip(".,;:()")
    caption = [w.text.strip(".,;:()").casefold() for w in words[max(0, k - 2) : k]]
    if not any(_abbreviates(w.rstrip("°º"), "number") or w in ("n°", "nº", "№", "#") for w in caption if w):
        return None
    # a phone's trunk prefix opens no register's number here ('Tel. No. 0212345678')
    shaped = _ID_WORD.fullmatch(token) or _REGISTER_WORD.fullmatch(token)
    if not shaped or token.startswith("0") or _AMOUNT.fullmatch(token):
        return None
    return token


def _tokens(text: str) -> list[str]:
    return [t for t in (w.strip(",.;:()\"'“”").casefold() for w in text.split()) if t]


def _one_phrase(words: list[Word], char_width: float) -> bool:
    """Words set as running text: no gap between two of them wider than a column's."""
    return all(b.bbox[0] - a.bbox[2] < 2.2 * char_width for a, b in zip(words, words[1:], strict=False))


def _named_last(names: dict[str, list[str]], before: list[str]) -> str | None:
    """The role whose name is printed last in ``before``, at most seven words before its end (a caption, a legal
    form's comma, a role in brackets between), no other tax id or name between."""
    tokens = _tokens(" ".join(before))
    best: tuple[int, str] | None = None
    for role, name in names.items():
        ends = [i + len(name) for i in range(len(tokens) - len(name) + 1) if tokens[i : i + len(name)] == name]
        if ends and (best is None or ends[-1] > best[0]):
            best = (ends[-1], role)
    if best is None or len(tokens) - best[0] > 7:
        return None
    return best[1]


def _whole_of(pages: list[tuple[Page, list[Line]]], part: str) -> str | None:
    """The one valid tax id printed on the document whose characters hold ``part``, a value that is no tax id (a
    reader took some of the groups of 'GB 707 0909 42': '7070909'), else None."""
    compact = re.sub(r"[^0-9A-Z]", "", part.upper())
    if len(compact) < 6:
        return None
    found = {
        value
        for _, lines in pages
        for line in lines
        for k, word in enumerate(line.words)
        if (value := tax_id_of(word.text) or spaced_tax_id(line.words[k:])) is not None and compact in value
    }
    return found.pop() if len(found) == 1 else None


@lru_cache(maxsize=16384)  # asked of every word of a page by each reader of tax ids
def tax_id_of(text: str) -> str | None:
    """The tax id a printed word is, in one of its shapes and valid by its check digits, else None.

    A scan's country prefix with one letter read as a digit ('1E6305233B') is mended where the check digits then
    agree; a bare run of digits is never given letters."""
    token = text.strip("()[],;:.")
    value = _shaped_tax_id(token) or formatted_tax_id(token)
    if value is None and len(token) > 2 and token[:2].isalnum() and not token[:2].isdigit():
        value = _shaped_tax_id(token[:2].translate(LETTER_LOOKALIKES) + token[2:])
    return value


# a number grouped by separators ('05.406.910.9-610.000', '01.00.112.437'), eight digits or more
_GROUPED = re.compile(r"(?=(?:\D*\d){8})\d[\dA-Z]*(?:[.\-/][\dA-Z]+)+")


def formatted_tax_id(token: str) -> str | None:
    """A company number printed exactly as python-stdnum formats its scheme's numbers, its separators where the
    scheme puts them ('05.406.910.9-610.000', Indonesia's NPWP), and valid by a check digit: one digit changed,
    the scheme refuses it (a scheme that checks the length alone, Egypt's 9 digits, reads by its caption only,
    ``captioned_tax_id``)."""
    if not _GROUPED.fullmatch(token):
        return None
    for module in company_modules():
        if module.is_valid(token) and _printed_as(module, token) and _checks_a_digit(module, token):
            return token
    return None


def _checks_a_digit(module: NumberValidationModule, number: str) -> bool:
    """Whether the scheme checks more than the length of ``number`` (one it accepts): some digit changed by one,
    it refuses the number."""
    digits = [i for i, ch in enumerate(number) if ch.isdigit()]
    changed = (number[:i] + str((int(number[i]) + 1) % 10) + number[i + 1 :] for i in digits)
    return not all(module.is_valid(other) for other in changed)


def _shaped_tax_id(token: str) -> str | None:
    value = normalize_tax_id(token) if _SHAPES.fullmatch(token) else token if _NATIONAL.fullmatch(token) else None
    if value is not None and not is_valid_tax_id(value) and _SHAPES.fullmatch(token) and value[:2].isalpha():
        # a scan's letter read for a digit after the country's prefix ('FRO7920706991'): the prefix kept
        fixed = ocr_fixed_tax_id(value)
        value = fixed if fixed is not None and fixed[:2] == value[:2] else None
    return value if value is not None and is_valid_tax_id(value) else None


@cache
def company_modules() -> list[NumberValidationModule]:
    """python-stdnum's modules of a company's tax or register number, by the first line of their docstring."""
    found = []
    for module in get_number_modules():
        first = (module.__doc__ or "").strip().split("\n")[0]
        if _COMPANY_NUMBER.search(first) and not _NOT_A_PARTY.search(first):
            found.append(module)
    return found


def scheme_key(name: str) -> str:
    """A scheme's name as a key: its letters in capitals, of whatever script ('P.IVA' -> 'PIVA', 'ЄДРПОУ')."""
    return "".join(ch for ch in name.upper() if ch.isalpha())


@cache
def captioned_schemes() -> dict[str, list[NumberValidationModule]]:
    """Scheme names -> the python-stdnum modules of company tax and register numbers they name: each module's own
    name ('orgnr', 'iva', 'anum') and the abbreviations its docstring opens with ('Org.nr.', 'CUI or CIF', 'BTW,
    TVA, NWSt', 'ЄДРПОУ, EDRPOU'), in capitals of their own script without stops; every country's module that
    goes by the name (Norway's and Sweden's 'Orgnr')."""
    schemes = {key: list(modules) for key, modules in _CAPTIONED.items()}
    for module in company_modules():
        first = (module.__doc__ or "").strip().split("\n")[0]
        names = re.split(r",|\bor\b", first.split("(")[0]) + [getattr(module, "__name__", "").rsplit(".", 1)[-1]]
        for name in names:
            key = scheme_key(name)
            if 2 < len(key) <= 12 and module not in schemes.setdefault(key, []):
                schemes[key].append(module)
    return schemes


@cache
def spelled_schemes() -> dict[tuple[str, ...], list[NumberValidationModule]]:
    """A scheme's name spelled out in words -> its modules, from the first line of each company number's docstring
    ('UBN (Unified Business Number, 統一編號, Taiwanese tax number).', 'Tax Registration Number (الرقم الضريبي, Egypt
    tax number).'): the names before and inside its brackets, in lower case, each two words or more."""
    spelled: dict[tuple[str, ...], list[NumberValidationModule]] = {}
    for module in company_modules():
        first = (module.__doc__ or "").strip().split("\n")[0]
        for name in re.split(r"[,()]|\bor\b", first.rstrip(".")):
            words = tuple(re.findall(r"\w+", name.casefold()))
            if len(words) >= 2 and module not in spelled.setdefault(words, []):
                spelled[words].append(module)
    return spelled


def _abbreviates(short: str, word: str) -> bool:
    """A caption's word that shortens a scheme's word: its start ('Reg.' for 'registration'), its letters in order
    from the first ('Nr' for 'number'), or the numero sign's 'No' for a word for number ('number', 'numero',
    'numarası', 'nomor')."""
    if short == "no":
        return word == "no" or word.startswith(("num", "núm", "nom"))
    letters = iter(word)
    return short[:1] == word[:1] and all(ch in letters for ch in short)


def scheme_country(module: NumberValidationModule) -> str:
    """The country code of a python-stdnum scheme's module, as its package names it ('ec' for stdnum.ec.ruc)."""
    return getattr(module, "__name__", "").split(".")[1]


def spelled_caption_modules(caption: str) -> list[NumberValidationModule]:
    """The modules whose scheme's name, spelled out, ends in the caption's last three words shortened or whole
    ('Business Reg. No.' for Korea's 'Business Registration Number', 'Unified Business No.' for Taiwan's 'Unified
    Business Number'); else whose name's last word and one before it the caption's last two words shorten ('P.IVA'
    for 'Partita IVA', 'Vergi No' for 'Vergi Kimlik Numarası', 'Corporate No.' for 'Japanese Corporate Number')
    where those are one country's: a bare 'Tax No.', 'VAT No.' or 'Reg. No.' names every country's scheme, no
    one's."""
    return list(_spelled_modules(tuple(re.findall(r"\w+", caption.casefold())[-3:])))


SpelledSchemes = list[tuple[tuple[str, ...], list["NumberValidationModule"]]]


@cache
def _spelled_by_initials() -> tuple[dict[tuple[str, ...], SpelledSchemes], dict[str, SpelledSchemes]]:
    """``spelled_schemes`` in their order, by the initials of their names' last three words (names of three words or
    more) and by their last word's initial: a caption's word shortens a scheme's word only where both start with the
    same letter (``_abbreviates``), so a caption need be held against these alone."""
    by_three: dict[tuple[str, ...], SpelledSchemes] = {}
    by_last: dict[str, SpelledSchemes] = {}
    for name, modules in spelled_schemes().items():
        if len(name) >= 3:
            by_three.setdefault(tuple(w[:1] for w in name[-3:]), []).append((name, modules))
        by_last.setdefault(name[-1][:1], []).append((name, modules))
    return by_three, by_last


@lru_cache(maxsize=16384)
def _spelled_modules(words: tuple[str, ...]) -> tuple[NumberValidationModule, ...]:
    # cached by the caption's last three words: every reader of tax ids asks it of each word's caption, and a
    # page's windows repeat (0.2 of a born-digital page's CPU without it)
    found: list[NumberValidationModule] = []
    by_three, by_last = _spelled_by_initials()
    if len(words) == 3:
        for name, modules in by_three.get(tuple(w[:1] for w in words), []):
            if all(_abbreviates(s, w) for s, w in zip(words, name[-3:], strict=True)):
                found.extend(m for m in modules if m not in found)
    if found or len(words) < 2:
        return tuple(found)
    first, last = words[-2:]
    # the first word whole or its initial ('Tax Ref.' shortens no 'Taxpayer Reference'); the name's last two words
    # before its first and last ('Vergi ... Numarası'): 'Corporate No.' is Japan's 'Corporate Number', not
    # Slovenia's 'Corporate Registration Number'
    for before in (lambda name: name[-2:-1], lambda name: name[:-1]):
        for name, modules in by_last.get(last[:1], []):
            if _abbreviates(last, name[-1]) and any(first in (w, w[:1]) for w in before(name)):
                found.extend(m for m in modules if m not in found)
        if found:
            break
    return tuple(found) if len({scheme_country(m) for m in found}) == 1 else ()


@cache
def tax_number_modules() -> list[NumberValidationModule]:
    """python-stdnum's modules of a company's tax number, by the first line of their docstring ('TIN (South African
    Tax Identification Number).', 'VKN (Vergi Kimlik Numarası, Turkish tax identification number).')."""
    modules = {id(m): m for found in captioned_schemes().values() for m in found}
    return [m for m in modules.values() if _TAX_NUMBER.search((m.__doc__ or "").strip().split("\n")[0])]


def caption_over(above: list[Word], word: Word) -> str:
    """The caption printed over a value on the line above, in its column ('Tax No.:' over '0969320092'): the first
    three words of that line that start within the value's width ('Business Reg. No.'), without digits."""
    height = word.bbox[3] - word.bbox[1]
    over = [w for w in above if word.bbox[0] - 0.5 * height <= w.bbox[0] < word.bbox[2]][:3]
    if not over or any(ch.isdigit() for w in over for ch in w.text):
        return ""
    return " ".join(w.text for w in over)


def caption_before(words: list[Word], k: int) -> str:
    """The three words before word ``k``: a scheme's name printed in one ('ABN'), two ('Corporate No.') or three
    ('Unified Business No.')."""
    return " ".join(w.text for w in words[max(0, k - 3) : k])


def caption_modules(caption: str) -> list[NumberValidationModule]:
    """The python-stdnum modules of the scheme a caption names (the word or few before a number): by its
    abbreviation in one word or two ('RFC', 'P.IVA', 'Org.nr.'), that abbreviation with a word for number after it
    where one country's ('CVR-nr.', 'ABN No.'; not 'VAT No.'), or its name spelled out (``spelled_caption_modules``);
    empty where it names none."""
    schemes = captioned_schemes()
    spelled = spelled_caption_modules(caption)
    caption = " ".join(caption.split()[-2:])  # a scheme's abbreviation is one word or two
    letters = re.findall(r"[^\W\d_]+", caption)
    numbered = schemes.get(letters[-2].upper(), []) if len(letters) >= 2 and _abbreviates(letters[-1], "number") else []
    return (
        schemes.get(scheme_key(caption))
        or schemes.get(scheme_key(caption.split()[-1]) if caption.split() else "")
        or (numbered if len({scheme_country(m) for m in numbered}) == 1 else [])
        or spelled
        or list(_elided_modules(caption.split()[-1].casefold().strip(".:;,")) if caption.split() else [])
    )


@lru_cache(maxsize=4096)
def _elided_modules(word: str) -> tuple[NumberValidationModule, ...]:
    """The modules one of whose names, one word, a caption shortens by a hyphen for its middle ('V-tal' for the
    Faroese 'Vinnutal'): its start before the hyphen, its end after it; where one country's."""
    parts = word.split("-")
    if len(parts) != 2 or not all(part.isalpha() for part in parts):
        return ()
    start, end = parts
    found = []
    for module in company_modules():
        first = (module.__doc__ or "").strip().split("\n")[0].casefold()
        names = [name.strip() for name in re.split(r"[,()]|\bor\b", first.rstrip("."))]
        if any(
            name.isalpha() and len(name) > len(word) and name.startswith(start) and name.endswith(end) for name in names
        ):
            found.append(module)
    return tuple(found) if len({scheme_country(m) for m in found}) == 1 else ()


def captioned_tax_id(caption: str, words: list[Word]) -> str | None:
    """An id printed right after its scheme's name (``caption``: the word or two before it), one word with letters
    and digits ('RFC UXM000103J36', valid by its module's own rule: Mexico's does not hold the check digit to
    account, nor do real RFCs) or up to four groups of digits: as printed, its hyphens and stops kept ('CUIT
    30-94421836-6', 'RUT 97.579.209-9'), its groups' spaces closed ('Org.nr. 917 216 479' -> '917216479')."""
    if not words or not any(ch.isdigit() for ch in words[0].text):
        return None  # each reading below starts at a digit of the first word: no caption need be looked up
    words = _one_number(words)
    modules = caption_modules(caption)
    whole, caption = caption, " ".join(caption.split()[-2:])
    generic = TAX_CAPTION.search(caption) and not re.search(r"\b[A-Z]{2}$", caption)  # no 'DE' before it
    if not modules and generic and words and re.fullmatch(r"\d{8,15}", words[0].text.strip(".,;")):
        # a tax number's caption that names no scheme: one unbroken number some country's check digits accept (a
        # country's prefix before it makes it a VAT number in groups, ``spaced_tax_id``'s)
        value = words[0].text.strip(".,;")
        if any(module.is_valid(value) for module in tax_number_modules()):
            return value
    first = words[0].text.strip(".,;") if words else ""
    if modules and re.fullmatch(r"(?=.*\d)(?=.*[A-Z])[0-9A-ZÑ&][0-9A-ZÑ&\-]{7,}", first):
        # a number with the scheme's letters in it ('RFC' over 'UXM000103J36'): whole, as its module accepts it
        if any(m.is_valid(first) for m in modules):
            return first
        # else, where the caption names another country's scheme ('TIN' before 'AG6672515'), an id of its own shape
        shaped = shaped_after_acronym(whole, words)
        return shaped if shaped is not None and not _misprint(modules, shaped) else None
    groups: list[str] = []
    found = None
    for word in words[:4] if modules else []:
        if not re.fullmatch(r"\d[\d.\-]*|\d[0-9A-Z]{1,3}", word.text.strip(".,;")):  # NINEA's last group: '1V1'
            break
        groups.append(word.text.strip(".,;"))
        if any(m.is_valid("".join(groups)) for m in modules):
            found = "".join(groups)  # the longest run of groups the scheme takes: '30 23 217 600 053' whole
    if found is not None:
        return found
    if (generic or modules) and not any(ch.isdigit() for ch in caption.split()[-1]):
        # a tax caption that names no scheme ('Tax ID', 'N° fiscal', 'Steuernummer') or names schemes the number is
        # not of ('TIN', 'NIF' of another country: not their length or shape; one whose check digit or part's rule
        # it fails is a misprint), right before it (not a group of the number before: 'Org.nr.: 925 | 333 247'): a
        # number some country's tax-number scheme checks by a digit of its own
        checked = checked_tax_id(words)
        if checked is not None and not _misprint(modules, checked):
            return checked
    # an id of a scheme of a country python-stdnum lacks, under the abbreviation of a scheme it knows of another
    # country ('RUC' of Panama, not Peru's): not of that scheme's length or shape (of it and failing its check digit,
    # a misprint)
    shaped = shaped_after_acronym(whole, words)
    return shaped if shaped is not None and not _misprint(modules, shaped) else None


def _spaced_apart(before: Word, word: Word) -> bool:
    """Whether ``word`` stands a column's gap right of ``before`` (over three of its characters' widths): the next
    cell's text, no group of the same number; a scan sets a form's cells ('PAN 376799606' and '3. Date' right of
    it) on one line where the born-digital print's baselines kept them apart."""
    width = (before.bbox[2] - before.bbox[0]) / max(1, len(before.text))
    return word.bbox[0] - before.bbox[2] > 3 * width


def _one_number(words: list[Word]) -> list[Word]:
    """The words from the first that may print one number: up to the first a column's gap apart."""
    for i in range(1, len(words)):
        if _spaced_apart(words[i - 1], words[i]):
            return words[:i]
    return words


# a phone number in its country's grouping: the trunk prefix '0' and an area code of one to three digits, then the
# subscriber's groups ('02-3456-7890', '022-2123456'); no register's number opens with so short a group from 0
_PHONE = re.compile(r"0\d{1,3}(?:-\d{3,8}){1,2}")
# an id of a scheme python-stdnum lacks, one word: digits in fixed groups by hyphens, a letter or two at either end
# ('006205090-0302', '195-559-289', '1283832928-1-2009', '2669992B', 'OM1127642772'), seven digits at least
_ID_WORD = re.compile(r"(?=(?:\D*\d){7})[A-Z]{0,2}\d+(?:-\d+)*[A-Z]?\d?")
# a register's number as its letters, a hyphen and six digits or more ('MC-994402', 'CR-096721'): after a caption's
# word for number, right after a party's name, as good as seven digits
_REGISTER_WORD = re.compile(r"[A-Z]{1,3}-\d{6,}")


def _acronym(word: str) -> bool:
    """A scheme's abbreviation in any script ('BIN', 'RUC', 'NINEA', 'БИН', 'ՀՎՀՀ', 'N.I.F.'): two to six capitals,
    alone or with a word for number joined by a hyphen ('BTW-nr.', 'ИНН-№')."""
    letters = word.strip(",;:()№#").replace(".", "")
    head, _, tail = letters.rpartition("-")
    if head and (not tail or _abbreviates(tail.casefold(), "number")):
        letters = head
    return 2 <= len(letters) <= 6 and letters.isalpha() and letters.isupper()


def shaped_after_acronym(caption: str, words: list[Word]) -> str | None:
    """An id of a country python-stdnum knows no scheme of, recognised by its caption's shape rather than its words:
    a caption ending right before it ('BIN: 006205090-0302', 'ՀՎՀՀ 23992959', 'VAT Reg. No.: 187650228-7000') that
    is or holds a scheme's abbreviation, and one word of an id's shape, 8-20 characters (7 after a tax scheme's
    abbreviation: 'TIN 0729869'); a date, an amount, a phone's or an IBAN is none."""
    tail = caption.split()[-3:]
    # the abbreviation itself, or a caption holding it ending in a stop or colon; a tax's word alone ('Tax No.') is
    # too common a caption of numbers of no register; two Latin capitals alone are a VAT number's country ('DE 538...')
    bare = _acronym(tail[-1]) and not re.fullmatch(r"[A-Z]{2}", tail[-1]) if tail else False
    if not tail or not (bare or (tail[-1].endswith((":", ".")) and any(_acronym(w) for w in tail))):
        return None
    token = words[0].text.strip(".,;:()") if words else ""
    if (
        len(words) > 1
        and re.fullmatch(r"\d{7,}", token)
        and re.fullmatch(r"[A-Z]\d?|\d[A-Z]\d?", words[1].text.strip(".,;"))
    ):
        token += words[1].text.strip(".,;")  # a check letter printed apart ('N° CC: 9123370 D')
    # seven digits after an abbreviation that mostly names countries' tax numbers ('TIN 0729869' of Samoa: python-
    # stdnum's TIN, NIF, RUC, ИНН), eight after any other (a made-up one's, or 'VAT' before a tax's amount)
    shortest = 7 if bare and _names_tax_numbers(tail[-1]) else 8
    # after such an abbreviation, a country's two letters and six digits ('TIN VC497219') as good as seven digits
    lettered = shortest == 7 and re.fullmatch(r"[A-Z]{2}\d{6}", token) is not None
    if not (shortest <= len(token) <= 20 and (_ID_WORD.fullmatch(token) or lettered)) or _AMOUNT.fullmatch(token):
        return None
    return None if _PHONE.fullmatch(token) or iban.is_valid(token) else token


@lru_cache(maxsize=1024)
def _names_tax_numbers(abbreviation: str) -> bool:
    """Whether most of the schemes an abbreviation names are a tax number (``tax_number_modules``): 'TIN', 'NIF',
    'RUC'; not 'VAT', which names VAT numbers and captions a tax's amount too."""
    modules = caption_modules(abbreviation)
    return bool(modules) and 2 * sum(m in tax_number_modules() for m in modules) >= len(modules)


def _misprint(modules: list[NumberValidationModule], number: str) -> bool:
    """Whether a number is a misprint of the scheme its caption names, failing its check digit: printed in the
    scheme's own grouping ('RUT 97.579.209-8'), or bare where the caption names one country's scheme. Grouped
    otherwise, or under a caption several countries use, it is another country's number that happens to have the
    scheme's length ('TIN: 108-628-457' is no Austrian TIN, printed '10-862/8457')."""
    failed = [m for m in modules if _fails_check_digit(m, number)]
    if not failed:
        return False
    if re.fullmatch(r"[0-9A-Z]+", number) is None:
        return any(_printed_as(m, number) for m in failed)
    return len({scheme_country(m) for m in modules}) == 1


def _printed_as(module: NumberValidationModule, number: str) -> bool:
    """Whether a number is printed as its scheme formats it, its separators where the scheme puts them."""
    formatter = getattr(module, "format", None)
    try:
        return formatter is not None and formatter(number) == number
    except Exception:  # noqa: BLE001 - a module's formatter failing on a number it refuses
        return False


def _fails_check_digit(module: NumberValidationModule, number: str) -> bool:
    """Whether a number has the scheme's length and shape and fails its check digit or a part's rule (Korea's BRN
    with the office '00'): a misprint of the scheme's number, not another country's."""
    try:
        module.validate(number)
    except (InvalidLength, InvalidFormat):
        return False
    except Exception:  # noqa: BLE001 - a checksum's or a component's refusal, or the module's own error
        return True
    return False


# what a tax's caption may stand before that is no register's number: an amount, a rate, a date
_AMOUNT = re.compile(
    r"[-+]?\d[\d.,' ]*[.,]\d{2}|\d+(?:[.,]\d+)?%|\d{4}-\d{1,2}-\d{1,2}|\d{1,2}[./\-]\d{1,2}[./\-](?:\d{2}|\d{4})"
)
# a number as a scheme prints it: digits with its letters and separators ('416-88-09270', 'J52/752/2002',
# '1282160/W', '30672212G2'), six digits at least
_PRINTED_NUMBER = re.compile(r"(?=(?:[^\d\s]*\d){6})[0-9A-Z][0-9A-Z.\-/]*[0-9A-Z]")


def checked_tax_id(words: list[Word]) -> str | None:
    """The number at the start of ``words`` (one word, or up to five groups of digits: '980 7506 96') that a
    tax-number scheme of any country accepts and checks: one digit changed, the scheme refuses it (a scheme
    that counts the digits alone accepts any number); as printed, its groups' spaces closed."""
    text, found = "", None
    for word in _one_number(words[:5]):
        if _AMOUNT.fullmatch(word.text.strip(",;:()")):
            return None  # a tax's amount ('VAT 104123.50') or date, no number of a register
        token = word.text.strip(".,;:()")
        if not _PRINTED_NUMBER.fullmatch(token) and not re.fullmatch(r"\d{1,5}", token):
            break
        text += token
        if _PRINTED_NUMBER.fullmatch(text) and _checked_by_a_scheme(text):
            found = text  # the longest run a scheme checks ('980 7506 96', not its first two groups)
    return found


@cache
def _tax_schemes() -> tuple[NumberValidationModule, ...]:
    """Every country's tax-number modules (``tax_number_modules``) and VAT modules (python-stdnum's 'vat' alias:
    'TVA', 'BTW', 'MVA' name no tax in English)."""
    from extraction.taxsuffix import vat_modules

    found = {id(m): m for m in [*tax_number_modules(), *vat_modules()]}
    return tuple(found.values())


@lru_cache(maxsize=4096)
def _checked_by_a_scheme(number: str) -> bool:
    for module in _tax_schemes():  # a tax caption's number: a tax number, not a register's
        try:
            if not module.is_valid(number):
                continue
        except Exception:  # noqa: BLE001 - a module failing on a shape it does not expect: not its number
            continue
        if _checks_a_digit(module, number):
            return True
    return False


def spaced_tax_id(words: list[Word]) -> str | None:
    """A VAT number printed in groups after its country's two letters ('GB 757 7601 97', 'NO 998 212 537 MVA',
    'BE 0484.105.422', its stops kept): the longest run of up to five groups that the country's own check digits
    accept, compact."""
    if not words or not re.fullmatch(r"[A-Z]{2}", words[0].text):
        return None
    try:
        module = get_cc_module(words[0].text.lower(), "vat")
    except ValueError:
        return None
    if module is None:
        return None
    text, found = words[0].text, None
    for word in _one_number(words[:6])[1:]:
        token = word.text.strip(".,;:()")
        # a group of digits, or the national number in its own grouping ('BE 0484.105.422', 'CZ 699-00-1234')
        if not re.fullmatch(r"\d{1,4}|\d[\d.\-]{2,14}\d|[A-Z]{1,3}", token):
            break
        text += token
        if module.is_valid(text):
            found = text
    return found


def _owner(
    names: dict[str, FieldValue | None], before: str, page: int, bbox: BBox, printed: dict[str, list[BBox]]
) -> str | None:
    """The role whose name is last on the line before the id, else printed nearest above it in the same column."""
    on_line = [(before.rfind(str(cell.value)), role) for role, cell in names.items() if cell and cell.value]
    on_line = [(at, role) for at, role in on_line if at >= 0]
    if on_line:
        return max(on_line)[1]
    above = []
    for role, cell in names.items():
        boxes = list(printed.get(role, []))
        if cell is not None and cell.page == page and cell.bbox is not None:
            boxes.append(cell.bbox)
        for x0, _, x1, bottom in boxes:
            gap = bbox[1] - bottom
            if -0.002 <= gap <= ABOVE and x0 <= bbox[2] and bbox[0] <= x1:
                above.append((gap, role))
    return min(above)[1] if above else None


def _printings(lines: list[Line], name: list[str]) -> list[BBox]:
    """The boxes of each printing of a name (its words in a row on one line)."""
    boxes: list[BBox] = []
    for line in lines:
        tokens = _tokens(" ".join(w.text for w in line.words))
        if len(tokens) != len(line.words) or not name:
            continue  # a word of punctuation alone: positions would not match
        for i in range(len(tokens) - len(name) + 1):
            if tokens[i : i + len(name)] == name:
                words = line.words[i : i + len(name)]
                boxes.append(
                    (words[0].bbox[0], min(w.bbox[1] for w in words), words[-1].bbox[2], max(w.bbox[3] for w in words))
                )
    return boxes
