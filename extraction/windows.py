"""The addressee of an order, printed without a caption (a window-envelope address): ``read_addressee``.

A business letter's recipient stands in an address block near the top of its first page: a company's name (it
ends in a legal form) with its street and town on the lines below, left-aligned with it. On an order the
letterhead is the buyer, so such a block naming another company is the vendor, whatever caption stands
above it ('Spett.le', none at all); where the sender's one-line address stands over the window, the name under it
is the addressee whatever its legal form. Fills ``vendor_name`` only where the extractor left it empty; where the
buyer it read is such a block and the letterhead another company, the two change places; a buyer read that is
no company's name and printed as the document's title gives way to the letterhead.
"""

from __future__ import annotations

import re
from dataclasses import replace
from statistics import median

from extraction.agreements import same_name
from extraction.checks import recheck_required
from extraction.companies import LEGAL_FORM
from extraction.document import Document, union_bbox
from extraction.layout import Line, group_lines, split_phrases, typical_char_width
from extraction.openings import CONFIDENCE
from extraction.result import Extraction, FieldValue

TOP = 0.45  # an address block stands in the upper part of the first page
LETTERHEAD = 0.15  # a block starting this high is the letterhead
BELOW = 2.5  # line heights between a name and its address
TITLE_SIZE = 1.3  # a title's letters are at least this much taller than the body text's


def read_addressee(doc: Document, extraction: Extraction) -> None:
    fields = extraction.fields
    buyer = fields.get("buyer_name")
    if extraction.doc_type != "purchase_order" or buyer is None or not doc.pages:
        return
    vendor = fields.get("vendor_name")
    blocks = company_blocks(doc)
    addressee = under_sender_line(doc)
    window = addressee if vendor is None else None
    if not blocks and window is None:
        return
    if not blocks or blocks[0].bbox is None or blocks[0].bbox[1] >= LETTERHEAD:
        letterhead: FieldValue | None = None
    elif addressee is not None and same_name(str(addressee.value), str(blocks[0].value)):
        letterhead = None  # the company under the sender's line is the addressee, however high the window stands
    else:
        letterhead = blocks[0]
    changed = []
    # a buyer read that is no company (the document's title): the letterhead issues the order
    vendor_is_letterhead = (
        vendor is not None and letterhead is not None and same_name(str(vendor.value), str(letterhead.value))
    )
    if (
        letterhead is not None
        and not _company(str(buyer.value))
        and _printed_as_title(doc, buyer)
        and not vendor_is_letterhead
    ):
        fields["buyer_name"] = buyer = letterhead
        changed.append("buyer_name")
    sender = sender_of_window(doc) if addressee is not None else None
    if (
        vendor is None
        and addressee is not None
        and sender is not None
        and same_name(str(addressee.value), str(buyer.value))
        and not same_name(str(sender.value), str(addressee.value))
    ):
        # the addressee was read as the buyer: the sender's line names who sends the order, the buyer
        fields["buyer_name"], fields["vendor_name"] = sender, replace(buyer, confidence=CONFIDENCE)
        changed += ["buyer_name", "vendor_name"]
    elif window is not None and not same_name(str(window.value), str(buyer.value)):
        # the sender line over the window says who sends (the buyer): the addressee under it is the vendor
        fields["vendor_name"] = window
        changed.append("vendor_name")
    elif vendor is None and letterhead is not None and not same_name(str(letterhead.value), str(buyer.value)):
        if any(same_name(str(b.value), str(buyer.value)) for b in blocks):
            # the addressee was read as the buyer: the letterhead issues the order
            fields["buyer_name"], fields["vendor_name"] = letterhead, replace(buyer, confidence=CONFIDENCE)
            changed += ["buyer_name", "vendor_name"]
    elif vendor is None:
        addressee = next((b for b in blocks if not same_name(str(b.value), str(buyer.value))), None)
        if addressee is not None:
            fields["vendor_name"] = addressee
            changed.append("vendor_name")
    if changed:
        extraction.review_reasons += [f"low confidence: {name} ({CONFIDENCE:.2f})" for name in sorted(set(changed))]
        recheck_required(extraction)


def _printed_as_title(doc: Document, value: FieldValue) -> bool:
    """The value's words stand in larger type than the page's body text, as a title does (a name under a caption,
    an advertiser's say, is body text even when it has no legal form)."""
    page = doc.pages[0]
    texts = str(value.value).split()
    heights = [w.bbox[3] - w.bbox[1] for w in page.words]
    if not texts or not heights:
        return False
    found = [w for w in page.words if w.text == texts[0]]
    if value.bbox is not None and value.page == page.number:
        found = [w for w in found if w.bbox[1] < value.bbox[3] and w.bbox[3] > value.bbox[1]] or found
    return any(w.bbox[3] - w.bbox[1] >= TITLE_SIZE * median(heights) for w in found)


def _company(name: str) -> bool:
    words = name.split()
    return bool(words) and bool(LEGAL_FORM.match(words[-1].rstrip(","))) and len(words) <= 8


def under_sender_line(doc: Document) -> FieldValue | None:
    """The addressee's name in a window envelope's address: the line right under the sender's one-line address
    ('Acme Ltd · 12 High St · Leeds', small and underlined over the window), left-aligned with it, whatever its
    legal form."""
    page = doc.pages[0]
    char = typical_char_width(page.words)
    phrases = [p for line in group_lines(page.words) if line.top < TOP for p in split_phrases(line, char)]
    for k, phrase in enumerate(phrases):
        if sum(w.text == "·" for w in phrase.words) < 2:
            continue
        under = [  # the sender line is small print: the gap is measured in the address's line heights
            p
            for p in phrases[k + 1 :]
            if 0 <= p.top - phrase.bottom < 1.5 * p.height and abs(p.bbox[0] - phrase.bbox[0]) < 1.5 * char
        ]
        text = under[0].text.strip(" ,;") if under else ""
        if text[:1].isupper() and len(text.split()) <= 8 and not re.search(r"[\d:@·]", text):
            return FieldValue(text, CONFIDENCE, page.number, under[0].bbox, text)
    return None


def sender_of_window(doc: Document) -> FieldValue | None:
    """The sender's name on its one-line address over the window ('Acme Ltd · 12 High St · Leeds'): the words
    before the first separator, a name's (capitalised, a few words, no digit, colon or e-mail)."""
    page = doc.pages[0]
    for line in group_lines(page.words):
        if line.top >= TOP or sum(w.text == "·" for w in line.words) < 2:
            continue
        cut = next(k for k, w in enumerate(line.words) if w.text == "·")
        words = line.words[:cut]
        text = " ".join(w.text for w in words).strip(" ,;")
        if words and text[:1].isupper() and len(words) <= 8 and not re.search(r"[\d:@]", text):
            return FieldValue(text, CONFIDENCE, page.number, union_bbox([w.bbox for w in words]), text)
        return None
    return None


def company_blocks(doc: Document) -> list[FieldValue]:
    """Company address blocks in the top of page 1, top down: a name ending in a legal form, an address line
    (with a number) aligned with it (left or right) just below."""
    page = doc.pages[0]
    char = typical_char_width(page.words)
    phrases: list[Line] = [
        phrase for line in group_lines(page.words) if line.top < TOP for phrase in split_phrases(line, char)
    ]
    found: list[FieldValue] = []
    for k, phrase in enumerate(phrases):
        words = phrase.words
        text = " ".join(w.text for w in words).rstrip(",")
        last = words[-1].text.rstrip(",")
        if not LEGAL_FORM.match(last) or len(words) > 8 or "·" in text or any(w.text.endswith(":") for w in words):
            continue
        if not words[0].text[:1].isupper():
            continue
        height = phrase.bottom - phrase.top
        address = [
            other
            for other in phrases[k + 1 :]
            if 0 <= other.top - phrase.bottom <= BELOW * height
            and (
                abs(other.words[0].bbox[0] - words[0].bbox[0]) < 1.5 * char
                or abs(other.words[-1].bbox[2] - words[-1].bbox[2]) < 1.5 * char
            )
        ]
        if address and re.search(r"\d", " ".join(w.text for w in address[0].words)):
            found.append(FieldValue(text, CONFIDENCE, page.number, union_bbox([w.bbox for w in words]), text))
    return found
