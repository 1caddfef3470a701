"""The numbers of a form's boxes taken from before their captions: ``without_box_numbers(words)``.

A particulars grid numbers its boxes and prints each caption small over a larger value ('3 Vertrags-Nr.' over
'DV 2025/6243', '4 Cumenzament' over its date), the number with no stop or bracket a reader could know it by. Read
as part of the caption, the number hides the caption from every reader anchored at a caption's first word. A box's
number is told from a table's line number by geometry alone: it stands first in its cell, its caption beside it
in the same small type, a value in larger type under them, and the page numbers at least three boxes so, in a
run (1, 2, 3). A line number's row prints its numbers beside it in the same type, and is kept.
"""

from __future__ import annotations

import re

from extraction.document import Word

_NUMBER = re.compile(r"\d{1,2}")
LEAST_BOXES = 3
LARGER = 1.1  # a value's type over its caption's: taller by a tenth at least


def without_box_numbers(words: list[Word]) -> list[Word]:
    """The page's words without the numbers of its form's boxes, where it prints at least three in a run."""
    boxes = {index: int(words[index].text) for index in range(len(words)) if _box_number(words, index)}
    numbers = set(boxes.values())
    if not any({n, n + 1, n + 2} <= numbers for n in numbers):
        return words
    return [word for index, word in enumerate(words) if index not in boxes]


def _box_number(words: list[Word], index: int) -> bool:
    word = words[index]
    if not _NUMBER.fullmatch(word.text) or index + 1 >= len(words):
        return False
    caption, height = words[index + 1], _height(word)
    if not caption.text[:1].isalpha() or not _beside(word, caption, 1.5 * height):
        return False
    if index > 0 and _beside(words[index - 1], word, 3 * height):
        return False  # not first in its cell: a number inside a line of text
    below = _word_below(words, word, caption)
    return below is not None and _height(below) > LARGER * max(height, _height(caption))


def _height(word: Word) -> float:
    return word.bbox[3] - word.bbox[1]


def _beside(left: Word, right: Word, gap: float) -> bool:
    """``right`` on ``left``'s line, after it by at most ``gap``."""
    top, bottom = max(left.bbox[1], right.bbox[1]), min(left.bbox[3], right.bbox[3])
    overlap = bottom - top > 0.5 * min(_height(left), _height(right))
    return overlap and 0 <= right.bbox[0] - left.bbox[2] <= gap


def _word_below(words: list[Word], number: Word, caption: Word) -> Word | None:
    """The nearest word under the number and its caption, within three lines of the caption's type."""
    x0, x1, bottom = number.bbox[0], caption.bbox[2], max(number.bbox[3], caption.bbox[3])
    reach = 3 * _height(caption)
    under = [
        word
        for word in words
        if 0 <= word.bbox[1] - bottom <= reach and word.bbox[0] < x1 and word.bbox[2] > x0 - _height(caption)
    ]
    return min(under, key=lambda word: word.bbox[1], default=None)
