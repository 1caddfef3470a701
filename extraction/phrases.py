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
from extraction.document import BBox, Document, Word, union_bbox
from extraction.layout import Line, group_lines, split_phrases, typical_char_width
from extraction.result import Extraction, FieldValue
from extraction.terms import DAYS, net_days

PHRASES = ("payment_terms",)
DAYS_FIRST = re.compile(r"^\d{1,3}\s*" + DAYS + r"(?:\W|$)", re.IGNORECASE)
CONFIDENCE = 0.6
WORD_GAP = 1.6  # chars: words of one phrase stand closer than this
CELL_GAP = 3.0  # chars: farther than this, the next word is another cell


def complete_phrases(doc: Document, extraction: Extraction) -> None:
    # in running text every phrase starts in lower case and runs on: a form's cells only (a contract's too, on a
    # row where a caption stands apart from its value: an order form's 'Billed   monthly in advance, due ...')
    form = extraction.doc_type != "contract" and not is_prose(doc)
    if form and extraction.fields.get("payment_terms") is None:
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
        lines, char = group_lines(page.words), typical_char_width(page.words)
        completed = complete(lines, char, cell) if form or _in_a_form_row(lines, char, cell) else None
        # a contract's value made whole is its cell whole: a sentence's words it reached into are no cell
        if completed is not None and (form or _starts_a_cell(lines, char, completed)):
            extraction.fields[name] = completed
        extraction.fields[name] = _without_dangling_word(extraction.fields[name])
    terms = extraction.fields.get("payment_terms")
    if terms is not None and extraction.fields.get("payment_terms_days") is None:
        days = net_days(str(terms.value))
        if days is not None:
            extraction.fields["payment_terms_days"] = replace(terms, value=days)


def names_without_marks(doc: Document, extraction: Extraction) -> None:
    """A party's name that opens with a word of no letter or digit ('• Hardanger Bygg AS'): a logo's mark or a
    speck a scan read as a symbol beside the name is no part of it."""
    for name in ("buyer_name", "vendor_name"):
        cell = extraction.fields.get(name)
        if cell is None or not isinstance(cell.value, str):
            continue
        words = cell.value.split()
        while len(words) > 1 and not any(ch.isalnum() for ch in words[0]):
            words = words[1:]
        if len(words) < len(cell.value.split()):
            extraction.fields[name] = replace(cell, value=" ".join(words))


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
    rows = _rows_of(lines, cell.bbox)
    if not rows:
        return None
    row, end_row = rows[0], rows[-1]  # a value read over two lines already: its first and its last
    words = lines[row].words
    inside = _inside(words, cell.bbox)
    if not inside:
        return None
    value = str(cell.value)
    # a box over two lines spans both lines' words: the value starts at its first word
    first = next((i for i in inside if words[i].text == value.split()[0]), inside[0]) if value.split() else inside[0]
    last = inside[-1]
    # the value's own start where its first word is printed twice on the row ('livrables à Route ..., payables à 30'
    # over 'jours fin de mois'): the one from which the row's words read as the value's beginning
    own = [i for i in inside if value.startswith(" ".join(w.text for w in words[i : last + 1]))]
    if end_row != row and own and words[own[0]].text == (value.split() or [""])[0]:
        first = own[0]
    printed = " ".join(w.text for w in words[first : last + 1])
    # an abbreviation's final dot, dropped as if it ended a sentence
    text = printed if printed == value + "." and "." in words[last].text[:-1] else value
    phrase = words[first : last + 1]
    # in a line of running text (one phrase across the line, no cells) every word starts in lower case: a value read
    # from the sentence is not cut
    running = running_line(words) and len(split_phrases(lines[row], char, gap_chars=CELL_GAP)) == 1
    # a value cut after its first word(s): it starts in lower case (or with its days, 'due 14 days'), right
    # after a word of the same phrase
    while (
        not running
        and (text[:1].islower() or text[:1].isdigit() and words[first - 1].text[:1].islower())
        and first > 0
        and _close(words[first - 1], words[first], char, WORD_GAP)
    ):
        before = words[first - 1]
        if not before.text[:1].isalpha() or before.text.endswith(":"):
            break
        first -= 1
        phrase.insert(0, before)
        text = f"{before.text} {text}"
    if end_row != row:
        words = lines[end_row].words
        last = _inside(words, cell.bbox)[-1]
    # the rest of a phrase wrapped onto the line below, at the value's left edge, in lower case
    if end_row + 1 < len(lines):
        below = lines[end_row + 1]
        height = lines[end_row].bottom - lines[end_row].top
        right = _cell_right(lines, end_row, words, last)
        lead = phrase[0]
        start = next((w for w in below.words if abs(w.bbox[0] - lead.bbox[0]) <= 1.5 * char), None)
        # a wrap: the next word would not have fitted on the value's line (a cell's padding aside)
        fits = start is not None and words[last].bbox[2] + (start.bbox[2] - start.bbox[0]) + char < right - 3 * char
        if start is not None and not fits and below.top - lines[end_row].bottom < height and start.text[:1].islower():
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


def running_line(words: list[Word]) -> bool:
    """A line of running text: eight words or more, most of them lower-case words of letters."""
    lower = sum(1 for w in words if w.text.strip(",.;:").isalpha() and w.text.strip(",.;:").islower())
    return len(words) >= 8 and lower * 2 >= len(words)


def _rows_of(lines: list[Line], bbox: BBox) -> list[int]:
    """The lines a value's box covers, top down."""
    x0, y0, x1, y1 = bbox
    return [
        k for k, line in enumerate(lines)
        if line.top < y1 and line.bottom > y0 and _inside(line.words, bbox)
        and min(line.bottom, y1) - max(line.top, y0) >= 0.5 * min(line.height, y1 - y0)
    ]  # fmt: skip


def _inside(words: list[Word], bbox: BBox) -> list[int]:
    return [i for i, w in enumerate(words) if w.bbox[0] >= bbox[0] - 0.002 and w.bbox[2] <= bbox[2] + 0.002]


def _cell_right(lines: list[Line], row: int, words: list[Word], last: int) -> float:
    """Where the value's cell ends: the next cell on its line, else the nearest column that starts right of it on
    the lines around (a grid's next column; not the line below, which may carry the wrap), else the right
    margin."""
    if last + 1 < len(words):
        return words[last + 1].bbox[0]
    end = words[last].bbox[2]
    near = lines[max(0, row - 3) : row] + lines[row + 2 : row + 5]
    starts = [w.bbox[0] for line in near for w in line.words if w.bbox[0] > end]
    return min(starts, default=max(w.bbox[2] for line in lines for w in line.words))


def _in_a_form_row(lines: list[Line], char: float, cell: FieldValue) -> bool:
    """The value's line holds a caption apart from it: two phrases or more, the value in a later one."""
    assert cell.bbox is not None
    rows = _rows_of(lines, cell.bbox)
    if not rows:
        return False
    phrases = split_phrases(lines[rows[0]], char, gap_chars=CELL_GAP)
    return len(phrases) >= 2 and phrases[0].bbox[2] < cell.bbox[0]


# words that lead to what follows them, in the languages terms arrive in: a value never ends on one
DANGLING = re.compile(
    r"\s+(?:after|of|from|following|upon|on|to|by|at|the|a|de|du|des|d'|à|a|od|von|nach|ab|zu|bei|na|van|di|del|"
    r"da|dal|dalla|dalle|dai|en|le|la|les)$",
    re.IGNORECASE,
)


def _without_dangling_word(cell: FieldValue) -> FieldValue:
    """Terms read up to a line's end that cut a phrase after a leading word ('within 45 days after' / 'acceptance
    of ...' on the next line of a sentence) end before it."""
    text = cut = str(cell.value)
    while DANGLING.search(cut):
        cut = DANGLING.sub("", cut)
    if cut == text or net_days(cut) is None or net_days(cut) != net_days(text):
        return cell
    return replace(cell, value=cut, raw=cut)


def _starts_a_cell(lines: list[Line], char: float, cell: FieldValue) -> bool:
    """The value starts where a phrase of its first line starts (a gap or the margin before it)."""
    assert cell.bbox is not None
    rows = _rows_of(lines, cell.bbox)
    phrases = split_phrases(lines[rows[0]], char, gap_chars=CELL_GAP) if rows else []
    return any(abs(phrase.bbox[0] - cell.bbox[0]) < 0.002 for phrase in phrases)


def _close(a: Word, b: Word, char: float, gap: float) -> bool:
    return 0 <= b.bbox[0] - a.bbox[2] <= gap * char
