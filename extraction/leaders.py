"""Leader dots between a caption and its value made a plain caption's colon: ``without_leaders(words)``.

Dot-matrix and mainframe prints pad their captions to one column with dots ('Datum ..........: 09.11.2026'), and a
text layer often glues the dots to the value ('........:4325079') or to the caption ('Datum.......:'). The readers
know 'Caption: value'; so a run of leader characters ending in a colon (or a long one, five or more, glued to its
value) becomes the colon after the caption, and the value glued to it a word of its own, its box
cut from the glued word's in proportion to its letters (such prints are monospaced). A terminal screen prints its
dots apart ('Data . . . . . : 01/03/27'): a run of loose dots ending in a loose colon is that colon too.
"""

from __future__ import annotations

import re
from dataclasses import replace

from extraction.document import Word

# caption letters glued before, the run of dots (or underscores, middle dots, ellipses), its colon, a value after
_LEADER = re.compile(r"^(?P<caption>.*?[^\W\d_][^.·…_]*?)?(?P<dots>[.·…_]{2,})\s*(?P<colon>:)?(?P<value>.*)$")


def without_leaders(words: list[Word]) -> list[Word]:
    """The words with each caption's leader dots taken out: the caption ends in a colon, a value glued to the dots
    stands alone. A run without a colon counts only when long (five or more) and glued to its value: an ellipsis
    ('etc..') and a table row's leader stay."""
    out: list[Word] = []
    for word in _without_loose_leaders(words):
        match = _LEADER.match(word.text)
        if match is None or not (match.group("colon") or _caption_leader(match)):
            out.append(word)
            continue
        caption, value = match.group("caption") or "", match.group("value").strip()
        if caption:
            out.append(_part(word, 0, len(caption), caption.rstrip(":") + ":"))
        elif out and _same_line(out[-1], word) and not out[-1].text.endswith(":"):
            out[-1] = replace(out[-1], text=out[-1].text + ":")
        if value:
            out.append(_part(word, len(word.text) - len(value), len(word.text), value))
    return out


def _caption_leader(match: re.Match[str]) -> bool:
    """A long run of dots without a colon leads to a caption's value only where the value is glued to it: loose dots
    lead a table row's eye from the item's text to its numbers, on its line or the next ('Label Roll ..........
    86.281 Fr. 1'524.38'), and stay."""
    return len(match.group("dots")) >= 5 and bool(match.group("value").strip())


def _part(word: Word, start: int, end: int, text: str) -> Word:
    """The word of ``text`` that stands at characters start..end of ``word`` (its box cut in proportion)."""
    x0, y0, x1, y1 = word.bbox
    step = (x1 - x0) / max(1, len(word.text))
    return replace(word, text=text, bbox=(x0 + start * step, y0, x0 + end * step, y1))


def _same_line(left: Word, right: Word) -> bool:
    top, bottom = max(left.bbox[1], right.bbox[1]), min(left.bbox[3], right.bbox[3])
    return bottom - top > 0.5 * min(left.bbox[3] - left.bbox[1], right.bbox[3] - right.bbox[1]) and (
        left.bbox[0] < right.bbox[0]
    )


_LOOSE_DOTS = re.compile(r"[.·…_]+")


def _without_loose_leaders(words: list[Word]) -> list[Word]:
    """Dots printed apart, one word each, between a caption and a colon printed apart ('IFZ . . . . :'): the dots
    dropped and the colon glued to the caption, as a caption written 'IFZ:' reads. A lone colon without loose dots
    before it stays (a French caption prints 'Date :')."""
    out: list[Word] = []
    index = 0
    while index < len(words):
        end = index
        while end < len(words) and _LOOSE_DOTS.fullmatch(words[end].text) and _same_line(words[end - 1], words[end]):
            end += 1
        caption = out[-1] if out and end > index and _same_line(out[-1], words[index]) else None
        colon = end < len(words) and words[end].text == ":" and _same_line(words[end - 1], words[end])
        if caption is not None and colon and (caption.text[-1:].isalnum() or caption.text.endswith(".")):
            out[-1] = replace(caption, text=caption.text + ":")
            index = end + 1
            continue
        out.append(words[index])
        index += 1
    return out
