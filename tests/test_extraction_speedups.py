"""Speed-ups that must read as before: the union of boxes, a letterhead name wrapped before its legal form."""

import random

from extraction.document import Page, Word, union_bbox
from extraction.heuristic.parties import PartyFields
from extraction.heuristic.parts import PageView
from extraction.layout import Line


def test_union_bbox_is_the_smallest_box_around_all() -> None:
    rng = random.Random(7)
    for count in (1, 2, 5, 40):
        boxes = [(rng.random(), rng.random(), rng.random(), rng.random()) for _ in range(count)]
        expected = tuple(f(b[i] for b in boxes) for i, f in enumerate((min, min, max, max)))
        assert union_bbox(boxes) == expected
    assert union_bbox([]) is None


def _phrase(text: str, left: float, top: float, height: float = 0.02) -> Line:
    words, x = [], left
    for token in text.split():
        words.append(Word(token, (x, top, x + 0.01 * len(token), top + height)))
        x += 0.01 * len(token) + 0.01
    return Line(words)


def _view(*phrases: Line) -> PageView:
    page = Page(1, 595, 842, [w for p in phrases for w in p.words], "ocr")
    return PageView(page, list(phrases), [[p] for p in phrases], 0.01)


def test_a_name_wrapped_before_its_legal_form_is_read_whole_only_in_the_same_print_right_under_it() -> None:
    name = _phrase("Fairbanks Pharma", 0.1, 0.05)
    whole = PartyFields._unwrapped_name(_view(name, _phrase("GmbH & Co. KG", 0.1, 0.075)), name)
    assert whole.text == "Fairbanks Pharma GmbH & Co. KG"
    for below in (
        _phrase("GmbH & Co. KG", 0.3, 0.075),  # not aligned
        _phrase("GmbH & Co. KG", 0.1, 0.075, 0.03),  # another print
        _phrase("GmbH & Co. KG", 0.1, 0.09),  # too far below
        _phrase("GmbH 12", 0.1, 0.075),  # digits: an address
    ):
        assert PartyFields._unwrapped_name(_view(name, below), name).text == "Fairbanks Pharma"
    # the first aligned line of the same print under it decides, as before
    view = _view(name, _phrase("Postfach", 0.1, 0.073), _phrase("GmbH", 0.1, 0.074))
    assert PartyFields._unwrapped_name(view, name).text == "Fairbanks Pharma"
