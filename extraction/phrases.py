"""A text value completed where the page shows it was cut: ``complete_phrases(doc, extraction)``.

A caption-value reader may keep only part of a phrase: a leading word it took for a caption ('Due in 45 days' ->
'in 45 days'), the second line of a value that wraps in its cell ('Payment due 14 days from' / 'receipt'), the
final dot of an abbreviation ('d.f.f.m.'). The page says where the phrase runs: a value that starts in lower
case continues the word set just before it; a line below that starts at the value's left edge, in lower case,
carries it on. Layout rules, no words: they hold for captions and languages never met.
"""

from __future__ import annotations

import re
from dataclasses import replace

from extraction.agreements import is_prose
from extraction.document import Document, Word, union_bbox
from extraction.layout import Line, group_lines, split_phrases, typical_char_width
from extraction.result import Extraction, FieldValue
from extraction.terms import DAYS, net_days

PHRASES = ("payment_terms",)
DAYS_FIRST = re.compile(r"^\d{1,3}\s*" + DAYS + r"(?:\W|$)", re.IGNORECASE)
CONFIDENCE = 0.6
WORD_GAP = 1.6  # chars: words of one phrase stand closer than this
CELL_GAP = 3.0  # chars: farther than this, the next word is another cell


def complete_phrases(doc: Document, extraction: Extraction) -> None:
    if extraction.doc_type == "contract" or is_prose(doc):
        return  # in running text every phrase starts in lower case and runs on: a form's cells only
    if extraction.fields.get("payment_terms") is None:
        found = uncaptioned_terms(doc, extraction)
        if found is not None:
            extraction.fields["payment_terms"] = found
    for name in PHRASES:
        cell = extraction.fields.get(name)
        if cell is None or not isinstance(cell.value, str) or cell.page is None or cell.bbox is None:
            continue
        if not 1 <= cell.page <= len(doc.pages):
            continue
        page = doc.pages[cell.page - 1]
        completed = complete(group_lines(page.words), typical_char_width(page.words), cell)
        if completed is not None:
            extraction.fields[name] = completed
    terms = extraction.fields.get("payment_terms")
    if terms is not None and extraction.fields.get("payment_terms_days") is None:
        days = net_days(str(terms.value))
        if days is not None:
            extraction.fields["payment_terms_days"] = replace(terms, value=days)


def uncaptioned_terms(doc: Document, extraction: Extraction) -> FieldValue | None:
    """Terms whose caption is unknown: a phrase of its own above the items that starts with a number of days
    ('60 dias', '14 Tage 2 % Skonto, 30 Tage netto') and reads as terms."""
    page = doc.pages[0] if doc.pages else None
    if page is None:
        return None
    tops = [item.bbox[1] for item in extraction.line_items if item.page == page.number and item.bbox is not None]
    limit = min(tops) if tops else 0.5
    char = typical_char_width(page.words)
    for line in group_lines(page.words):
        if line.top >= limit:
            break
        for phrase in split_phrases(line, char):
            text = phrase.text
            if DAYS_FIRST.match(text) and net_days(text) is not None:
                return FieldValue(text, CONFIDENCE, page.number, phrase.bbox, text)
    return None


def complete(lines: list[Line], char: float, cell: FieldValue) -> FieldValue | None:
    """The cell with its phrase made whole, or None when nothing was cut."""
    assert cell.bbox is not None
    x0, y0, x1, y1 = cell.bbox
    middle = (y0 + y1) / 2
    row = next((k for k, line in enumerate(lines) if line.top <= middle <= line.bottom), None)
    if row is None:
        return None
    words = lines[row].words
    inside = [i for i, w in enumerate(words) if w.bbox[0] >= x0 - 0.002 and w.bbox[2] <= x1 + 0.002]
    if not inside:
        return None
    first, last = inside[0], inside[-1]
    value = str(cell.value)
    printed = " ".join(w.text for w in words[first : last + 1])
    # an abbreviation's final dot, dropped as if it ended a sentence
    text = printed if printed == value + "." and "." in words[last].text[:-1] else value
    phrase = words[first : last + 1]
    # a value cut after its first word(s): it starts in lower case, right after a word of the same phrase
    while text[:1].islower() and first > 0 and _close(words[first - 1], words[first], char, WORD_GAP):
        before = words[first - 1]
        if not before.text[:1].isalpha() or before.text.endswith(":"):
            break
        first -= 1
        phrase.insert(0, before)
        text = f"{before.text} {text}"
    # the rest of a phrase wrapped onto the line below, at the value's left edge, in lower case
    if row + 1 < len(lines):
        below = lines[row + 1]
        height = lines[row].bottom - lines[row].top
        # the next cell on the value's line, else the right margin
        right = (
            words[last + 1].bbox[0] if last + 1 < len(words) else max(w.bbox[2] for line in lines for w in line.words)
        )
        lead = phrase[0]
        start = next((w for w in below.words if abs(w.bbox[0] - lead.bbox[0]) <= 1.5 * char), None)
        # a wrap: the next word would not have fitted on the value's line (a cell's padding aside)
        fits = start is not None and words[last].bbox[2] + (start.bbox[2] - start.bbox[0]) + char < right - 3 * char
        if start is not None and not fits and below.top - lines[row].bottom < height and start.text[:1].islower():
            carried = [start]
            for word in below.words[below.words.index(start) + 1 :]:
                if not _close(carried[-1], word, char, CELL_GAP) or word.bbox[2] > right:
                    break
                carried.append(word)
            if all(w.bbox[2] <= right for w in carried):
                phrase += carried
                text = f"{text} {' '.join(w.text for w in carried)}"
    if text == value:
        return None
    bbox = union_bbox([w.bbox for w in phrase])
    return replace(cell, value=text, raw=text, bbox=bbox)


def _close(a: Word, b: Word, char: float, gap: float) -> bool:
    return 0 <= b.bbox[0] - a.bbox[2] <= gap * char
