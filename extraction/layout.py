"""Geometry shared by the loader and the extractors: lines, reading order and phrases."""

from __future__ import annotations

import re
from dataclasses import dataclass
from functools import lru_cache
from statistics import median

from rapidfuzz import fuzz

from extraction.document import BBox, Page, Word, union_bbox


@dataclass(slots=True)
class Line:
    words: list[Word]

    @property
    def bbox(self) -> BBox:
        return union_bbox([w.bbox for w in self.words])  # type: ignore[return-value]

    @property
    def text(self) -> str:
        return " ".join(w.text for w in self.words)

    @property
    def top(self) -> float:
        return min(w.bbox[1] for w in self.words)

    @property
    def bottom(self) -> float:
        return max(w.bbox[3] for w in self.words)

    @property
    def height(self) -> float:
        return self.bottom - self.top


def captions_over_values(
    cells: list[float], bottom: float, height: float, next_top: float, next_starts: list[float], char_width: float
) -> bool:
    """Whether cells set side by side (their left edges, ending at ``bottom``, ``height`` high) are a row of captions,
    each over its value: the next line stands close under them and starts something under each cell ('Supplier'
    beside 'Date', the name under one and '03.01.2027' under the other). ``height`` is the taller of the two lines':
    OCR's boxes hug the ink, and a caption without descenders reads shorter than it is printed."""
    if next_top - bottom > 1.2 * height:
        return False
    return all(any(abs(x - cell) < 1.5 * char_width for x in next_starts) for cell in cells)


# a word's ink (a capital's height) as a share of its font's size, which a text layer's box spans
INK_OF_FONT = 0.7


def print_size(words: list[Word]) -> float:
    """The height a few words are printed in: their median box height (one tall or short glyph box aside)."""
    return median(w.bbox[3] - w.bbox[1] for w in words)


def value_over_caption(
    lines: list[Line], index: int, caption: list[Word], char_width: float, ink: bool = False
) -> list[Word]:
    """The value a caption (on line ``index``) is printed under, where the page sets captions under their values
    ('PO2428248' over a hairline, 'Order No.' in small print beneath; a party's block over 'Supplier'): the words on
    the line close above that start where the caption starts (or are centred over it), printed larger than the
    caption, the caption standing nearer to them than to the next line below in its column. Empty where the caption
    reads over or beside its value. By geometry only, so captions in any words do. ``ink``: the words are OCR's,
    whose boxes hug the ink: a capital's ink is about 0.7 of its font's size and the space between two lines'
    boxes takes in the font's room above and below the ink, so the caption's size is its font's (ink / 0.7) and the
    gap may hold a third of the value's ink height more (a foot band 'OC-086254' over 'No. de orden': 1.6 ink
    heights apart on a scan, 1.0 font sizes in its text layer)."""
    if index == 0 or not caption:
        return []
    slack = 1.5 * char_width
    x0, x1 = caption[0].bbox[0], caption[-1].bbox[2]
    middle = (x0 + x1) / 2
    line = lines[index - 1].words
    words: list[Word] = []
    for k, word in enumerate(line):
        if words:
            if word.bbox[0] - words[-1].bbox[2] > 2.2 * char_width:
                break
            words.append(word)
        elif abs(word.bbox[0] - x0) < slack:
            words.append(word)
        elif k == 0 or word.bbox[0] - line[k - 1].bbox[2] > 2.2 * char_width:  # a phrase's start, centred?
            end = k
            while end + 1 < len(line) and line[end + 1].bbox[0] - line[end].bbox[2] <= 2.2 * char_width:
                end += 1
            if abs((word.bbox[0] + line[end].bbox[2]) / 2 - middle) < slack:
                words.append(word)
    if not words:
        return []
    size = print_size(caption)
    top = min(w.bbox[1] for w in caption)
    gap = top - max(w.bbox[3] for w in words)
    room = 1.2 * size / INK_OF_FONT + print_size(words) / 3 if ink else 1.2 * size
    if not -0.1 * size <= gap < room or print_size(words) < 1.12 * size:
        return []
    bottom = max(w.bbox[3] for w in caption)
    for after in lines[index + 1 : index + 3]:  # a caption over its value stands nearer to that
        below = [w for w in after.words if w.bbox[0] < x1 + slack and w.bbox[2] > x0 - slack]
        if below:
            return words if min(w.bbox[1] for w in below) - bottom > gap + 0.25 * size else []
    return words


# one space between OCR'd words, in character widths: a monospaced space and the two glyphs' side bearings
OCR_SPACE = 1.5
# a negative amount's minus sign stands before its head or after its tail ('-1 725,90', '2 453,25-')
THOUSANDS_HEAD, THOUSANDS_TAIL = re.compile(r"^[-−]?\d{1,3}$"), re.compile(r"^\d{3}(?:[.,]\d+)?[-−]?$")
ANY_HEAD = re.compile(r"^[-−]?\d+$")


def joined_thousands(words: list[Word], space: float = 1.05, head: re.Pattern[str] = THOUSANDS_HEAD) -> list[Word]:
    """'19' '050,00' printed with a space as thousands separator, as one word '19050,00' ('1 644 228,00' too).

    ``space``: the widest gap read as one space, in the second word's mean character widths. OCR's boxes hug the
    ink, so between two OCR'd words a monospaced space also holds both digits' side bearings (1.2-1.4 widths on
    typewriter and dot-matrix scans); ``OCR_SPACE`` allows for them. ``head``: what a first group may be
    (``ANY_HEAD`` where cells stand far apart, so a head whose own thousands space OCR lost, '1553' '691,44' for
    '1 553 691,44', joins too)."""
    out: list[Word] = []
    joined: set[int] = set()
    for word in words:
        last = out[-1] if out else None
        if (
            last is not None
            and (head.match(last.text) or id(last) in joined and re.fullmatch(r"[-−]?\d+", last.text))
            and THOUSANDS_TAIL.match(word.text)
            # a space apart: narrower than a digit in most fonts, as wide as one in a monospaced font
            and word.bbox[0] - last.bbox[2] < space * (word.bbox[2] - word.bbox[0]) / len(word.text)
        ):
            box = (last.bbox[0], min(last.bbox[1], word.bbox[1]), word.bbox[2], max(last.bbox[3], word.bbox[3]))
            out[-1] = Word(last.text + word.text, box, min(last.confidence, word.confidence))
            joined.add(id(out[-1]))
        else:
            out.append(word)
    return out


class SameWords:
    """A list of words as a cache key: equal to another only where it holds the very same words in the same order
    (a reader's words equal in value but of another reading must come back as themselves)."""

    __slots__ = ("words", "_hash")

    def __init__(self, words: list[Word]) -> None:
        self.words = tuple(words)
        self._hash = hash(tuple(map(id, self.words)))

    def __hash__(self) -> int:
        return self._hash

    def __eq__(self, other: object) -> bool:
        return (
            isinstance(other, SameWords)
            and len(self.words) == len(other.words)
            and all(a is b for a, b in zip(self.words, other.words, strict=True))
        )


def group_lines(words: list[Word]) -> list[Line]:
    """Words -> lines, top to bottom, each left to right.

    A word joins a line when its vertical middle falls inside the line's band; this tolerates
    the small baseline jitter of OCR and mixed font sizes on one line.
    """
    # a page's words are grouped by some thirty readers: grouped once, each caller given lines of its own
    return [Line(list(words)) for words in _grouped(SameWords(words))]


@lru_cache(maxsize=64)
def _grouped(key: SameWords) -> tuple[tuple[Word, ...], ...]:
    return tuple(tuple(line.words) for line in _group_lines(list(key.words)))


def _group_lines(words: list[Word]) -> list[Line]:
    lines: list[Line] = []
    bands: list[tuple[float, float]] = []
    for word in sorted(words, key=lambda w: ((w.bbox[1] + w.bbox[3]) / 2, w.bbox[0])):
        middle = (word.bbox[1] + word.bbox[3]) / 2
        for index in range(len(lines) - 1, max(-1, len(lines) - 4), -1):
            top, bottom = bands[index]
            if top <= middle <= bottom:
                lines[index].words.append(word)
                break
        else:
            lines.append(Line([word]))
            height = word.bbox[3] - word.bbox[1]
            # the band is the middle +- 35% of the first word's height
            bands.append((middle - 0.35 * height, middle + 0.35 * height))
    _nearest_bands(lines, bands)
    lines = [line for line in lines if line.words]
    for line in lines:
        line.words.sort(key=lambda w: w.bbox[0])
    lines.sort(key=lambda line: line.top)
    return _accents_lowered(_descenders_joined(lines))


def _nearest_bands(lines: list[Line], bands: list[tuple[float, float]]) -> None:
    """A word whose middle falls on the edge of one line's band and nearer the middle of a band set later (a
    letterhead's word beside a larger title: 'Supplies' of 'Rift Valley Medical Supplies Ltd' level with the
    foot of 'PURCHASE ORDER') belongs to that nearer line: a text layer's word, whose box is its font's."""
    centres = [(top + bottom) / 2 for top, bottom in bands]
    for index, line in enumerate(lines):
        for word in list(line.words):
            if word.confidence < 1.0:
                continue  # OCR boxes hug the ink (a descender lowers a middle): ``_descenders_joined`` reads them
            middle = (word.bbox[1] + word.bbox[3]) / 2
            own = abs(middle - centres[index])
            nearer = [
                (abs(middle - centres[j]), j)
                for j in range(max(0, index - 3), min(len(lines), index + 4))
                if j != index and bands[j][0] <= middle <= bands[j][1] and abs(middle - centres[j]) < own
            ]
            if nearer:
                line.words.remove(word)
                lines[min(nearer)[1]].words.append(word)


def _accents_lowered(lines: list[Line]) -> list[Line]:
    """A capital's accent ('Ű', 'Ó') raises its word's box, so its middle can fall into the line above: a word
    whose foot stands below its line's other feet by a third of their height and level with the next line's feet
    belongs to the next line ('MŰANYAG' of 'KOSSUTH MŰANYAG KFT.' under 'Zahlungsziel: ...')."""
    for line, below in zip(lines, lines[1:], strict=False):
        feet = [w.bbox[3] for w in line.words]
        if len(feet) < 2 or max(feet) - min(feet) < min(w.bbox[3] - w.bbox[1] for w in line.words) / 3:
            continue  # the line's feet level: nothing to lower (most lines)
        for word in list(line.words):
            if word.confidence < 1.0:
                continue  # an OCR word stays (tested first: the medians below cost a scanned page's lines dearly)
            others = [w for w in line.words if w is not word]
            foot, height = median(w.bbox[3] for w in others), print_size(others)
            below_foot = median(w.bbox[3] for w in below.words)
            # a text layer's word (OCR boxes hug the ink: a descender lowers a foot, see above), onto a line of words
            # of its size (no speck)
            sized = print_size(below.words) >= 0.6 * height
            level = abs(word.bbox[3] - below_foot) < 0.1 * height
            if word.bbox[3] - foot > height / 3 and level and sized:
                line.words.remove(word)
                below.words = sorted([*below.words, word], key=lambda w: w.bbox[0])
    return [line for line in lines if line.words]


def _descenders_joined(lines: list[Line]) -> list[Line]:
    """OCR boxes hug the ink: a word with a descender and no ascender ('g,', 'pp') hangs lower than its
    neighbours and its middle can fall below the band its line's first word set. A line of read words (a text
    layer's boxes share their font's height) whose middles all fall within the line above, beside its words,
    is that line's."""
    out: list[Line] = []
    for line in lines:
        above = out[-1] if out else None
        if above is not None and all(
            word.confidence < 1.0
            and word.bbox[3] - word.bbox[1] >= 0.6 * print_size(above.words)  # no speck
            and above.top < (word.bbox[1] + word.bbox[3]) / 2 < above.bottom
            and not any(other.bbox[0] < word.bbox[2] and word.bbox[0] < other.bbox[2] for other in above.words)
            for word in line.words
        ):
            above.words = sorted([*above.words, *line.words], key=lambda w: w.bbox[0])
        else:
            out.append(line)
    return out


def reading_order(words: list[Word]) -> list[Word]:
    return [word for line in group_lines(words) for word in line.words]


def typical_char_width(words: list[Word]) -> float:
    widths = [(w.bbox[2] - w.bbox[0]) / len(w.text) for w in words if len(w.text) >= 2]
    return median(widths) if widths else 0.01


def split_phrases(line: Line, char_width: float, gap_chars: float = 2.2, size_ratio: float = 1.43) -> list[Line]:
    """Split a line where the horizontal gap is wider than a couple of characters (columns, label/value blocks)."""
    phrases: list[Line] = []
    current: list[Word] = []
    for word in line.words:
        previous = current[-1] if current else None
        # a much bigger or smaller font on the same line is another block ('ACME Corp' beside 'PURCHASE ORDER'): on
        # an OCR'd page only where the letters' reach does not explain the boxes' heights ('nous' beside 'Typé')
        resized = previous is not None and all(
            not 1 / size_ratio < height(word) / max(1e-6, height(previous)) < size_ratio
            for height in (_box_height, _font_height)
        )
        if current and (word.bbox[0] - current[-1].bbox[2] > gap_chars * char_width or resized):
            phrases.append(Line(current))
            current = []
        current.append(word)
    if current:
        phrases.append(Line(current))
    return phrases


# letters that reach above a lower-case x ('d', 'É', '7') or below the line ('p', 'у'), by script: an OCR'd word's box
# holds its ink, so these make it taller in the same print
_ABOVE = set("bdfhijkltбдйβδζθλξÀÁÂÃÄÅÇÈÉÊËÌÍÎÏÑÒÓÔÕÖÙÚÛÜÝàáâãäåèéêëìíîïñòóôõöùúûüýÿčďěňřšťžćłńśźżąęőűăâîșț")
_BELOW = set("gjpqyруфдцщβγζημξρςφχψçșțąęţş")
# of a printed line's full height (ascender to descender), measured on blind12..17 dev scans' running lines: a word of
# x-height letters ('nous') stands 0.59 as tall as one reaching both ways ('Typé'), one reaching one way 0.80-0.82
_X_HEIGHT, _REACH = 0.6, 0.2


def _box_height(word: Word) -> float:
    return word.bbox[3] - word.bbox[1]


def _font_height(word: Word) -> float:
    """The height of ``word``'s print: its box's height, except for an OCR'd word (confidence under 1), whose box
    holds only its ink: 'nous' stands about half as tall as 'Typé' in the same print, so the box is scaled by the
    part of the line its letters reach (x-height, above it, below the line)."""
    height = _box_height(word)
    if word.confidence >= 1.0:
        return height  # a text layer's box is the font's, whatever the letters
    letters = [ch for ch in word.text if ch.isalnum()]
    if not letters:
        return height
    above = any(ch.isupper() or ch.isdigit() or ch in _ABOVE for ch in letters)
    below = any(ch in _BELOW for ch in letters)
    return height / (_X_HEIGHT + _REACH * above + _REACH * below)


def phrase_lines(words: list[Word]) -> list[list[Line]]:
    """The page's lines, top to bottom, each split in its phrases: a column's text apart from the next."""
    width = typical_char_width(words)
    return [split_phrases(line, width) for line in group_lines(words)]


def phrase_texts(words: list[Word]) -> list[str]:
    """The page's phrases, a column's text apart from the next ('Meir 175', 'België')."""
    return [phrase.text for phrases in phrase_lines(words) for phrase in phrases]


def repeats_on_another_page(pages: list[Page], number: int, bbox: BBox, margin: float = 0.12) -> bool:
    """The words in ``bbox`` on page ``number`` are page furniture: in the top or bottom ``margin`` of the page,
    and (nearly) the same words stand at the same place on another page, as a running header or footer does."""
    middle = (bbox[1] + bbox[3]) / 2
    if margin < middle < 1 - margin:
        return False

    def text_at(page: Page) -> str:
        x0, y0, x1, y1 = bbox
        inside = [w for w in page.words if (w.bbox[1] + w.bbox[3]) / 2 >= y0 and (w.bbox[1] + w.bbox[3]) / 2 <= y1
                  and w.bbox[0] >= x0 - 0.01 and w.bbox[2] <= x1 + 0.01]  # fmt: skip
        return " ".join(w.text for w in sorted(inside, key=lambda w: w.bbox[0]))

    own = next((text_at(p) for p in pages if p.number == number), "")
    return len(own) >= 8 and any(fuzz.ratio(own, text_at(p)) >= 90 for p in pages if p.number != number)
