"""Document numbers checked by shape: ``check_references(doc, extraction)``.

An order's or a contract's number is a code with digits printed once in its header; a reader that does not know
the caption may take another code of the page for it. What can never be one goes, so that the readers after the
extractor can fill the field from the page: a date, a tax id or IBAN (valid by their check digits), a word without
a digit (a caption: 'Vertrags-Nr.'), a postal code (digits that stand before a place name wherever they are
printed), and on a contract the order number and order date that are only its contract number and effective date
again.
"""

from __future__ import annotations

import re

from stdnum import iban

from extraction.document import Document, Word
from extraction.layout import group_lines
from extraction.normalize import COMMON_CODES, parse_date
from extraction.result import Extraction, FieldValue
from extraction.taxids import tax_id_of

NUMBERS = ("po_number", "contract_number")


CODE = re.compile(r"^(?=.*[A-Za-z])(?=(?:.*\d){3})[A-Za-z0-9][A-Za-z0-9\-/.]{3,}$")  # 'ENC-2024-5657', 'PR818954'
CONFIDENCE = 0.5


def check_references(doc: Document, extraction: Extraction) -> None:
    fields = extraction.fields
    for name in NUMBERS:
        cell = fields.get(name)
        if cell is not None and cell.value is not None and not could_be_reference(str(cell.value), doc):
            del fields[name]
            if name == "po_number" and extraction.doc_type == "purchase_order":
                found = header_code(doc, extraction)
                if found is not None:
                    fields[name] = found
    po, contract = fields.get("po_number"), fields.get("contract_number")
    # on a contract, its number (or its digits) read again as an order number
    if extraction.doc_type == "contract" and po and contract and f" {po.value} " in f" {contract.value} ":
        del fields["po_number"]
    # and its effective date read again as an order date
    ordered, effective = fields.get("order_date"), fields.get("effective_date")
    if extraction.doc_type == "contract" and ordered and effective and ordered.value == effective.value:
        del fields["order_date"]


def header_code(doc: Document, extraction: Extraction) -> FieldValue | None:
    """The first code of letters and digits above the items on the first page (the order's number in a header
    grid whose caption no reader knew), that can be a document number."""
    if not doc.pages:
        return None
    page = doc.pages[0]
    tops = [item.bbox[1] for item in extraction.line_items if item.page == page.number and item.bbox is not None]
    limit = min(tops) if tops else 0.4
    for line in group_lines(page.words):
        if line.top >= limit:
            break
        for word in line.words:
            token = word.text.strip(" :#.,;")
            if CODE.match(token) and could_be_reference(token, doc):
                return FieldValue(token, CONFIDENCE, page.number, word.bbox, word.text)
    return None


# thousands grouped by one mark and cents after the other: an amount, never a document's number
AMOUNT_WITH_CENTS = re.compile(r"\d{1,3}(?:(?P<group>[,.'’\u00a0\u202f ])\d{3})+(?!(?P=group))[.,]\d{2}")


def could_be_reference(text: str, doc: Document | None = None) -> bool:
    token = text.strip(" :#.,;")
    if not re.search(r"\d", token) or "@" in token:
        return False  # no digit, or an e-mail address ('orders@74.lt')
    if AMOUNT_WITH_CENTS.fullmatch(token):
        return False  # an amount set in thousands with its cents ('R 329,366.70' under 'Order Total')
    if any(parse_date(token, hint) is not None for hint in ("DMY", "MDY")):
        return False
    if tax_id_of(token) is not None or iban.is_valid(token):
        return False
    return doc is None or not re.fullmatch(r"[\d\s./-]+", token) or not _postal_code(token, doc)


def _postal_code(token: str, doc: Document) -> bool:
    """Printed two times or more, each time before a capitalised word of letters on its line (a town), a word space
    after it: a word in the next cell ('842321' under its caption, 'May 30, 2025' in the next column) is no town."""
    seen = 0
    for page in doc.pages:
        for line in group_lines(page.words):
            words = [w.text.strip(",") for w in line.words]
            for i, word in enumerate(words):
                if word != token:
                    continue
                after = words[i + 1] if i + 1 < len(words) else ""
                if not (after[:1].isupper() and after.isalpha()):
                    return False
                here, there = line.words[i].bbox, line.words[i + 1].bbox
                if there[0] - here[2] > here[3] - here[1]:
                    return False
                seen += 1
    return seen >= 2


def with_series(words: list[Word], captioned: bool = False) -> tuple[str, list[Word]] | None:
    """A number printed with its series or order type in capitals a word space from it, the two alone in their
    cell ('NE 2027/774', '84881 OP'): the number is both, as printed. None for any other value. A document type's
    initials before the number ('PO 29357') are its caption where nothing else captions it, but part of the number
    printed after a caption of its own (``captioned``: 'Order No.: PO 29357'); a number sign never is."""
    if len(words) != 2:
        return None
    first, second = words
    letters = [w for w in words if re.fullmatch(r"[A-Z]{1,3}", w.text)]
    signs = ("NO", "NR", "N") if captioned else ("NO", "NR", "N", "PO")
    if len(letters) != 1 or letters[0].text in COMMON_CODES or letters[0].text in signs:
        return None  # a currency beside an amount, a number sign or caption before the number
    code = second if letters[0] is first else first
    token = code.text.strip(":#.,;")
    if not re.search(r"\d", token) or len(token) < 3 or ":" in code.text or not could_be_reference(token):
        return None
    if not 0 <= second.bbox[0] - first.bbox[2] < max(w.bbox[3] - w.bbox[1] for w in words):
        return None  # set apart: two cells
    return f"{first.text} {token}" if code is second else f"{token} {second.text}", words
