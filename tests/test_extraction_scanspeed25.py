"""An English page that Tesseract's first read already doubts is given to PP-OCR without finishing Tesseract's read
(its crop re-reads), which ``read_scan`` would throw away; a page near the line is finished as before."""

from __future__ import annotations

import re

import pytest
from PIL import Image

from extraction import loading, ocr
from extraction.document import Word

ENGLISH = re.findall(
    r"\w+",
    "Purchase order number date supplier address delivery terms quantity description unit price amount total "
    "payment within thirty days of invoice receipt please quote our order number on every invoice and packing list",
)


def english_words(sure: float, unsure: float, share_sure: float) -> list[Word]:
    """An English reading, ``share_sure`` of its words read at ``sure`` confidence, the rest at ``unsure``."""
    cut = round(share_sure * len(ENGLISH))
    return [
        Word(
            token,
            (0.02 * (i % 40), 0.1 + 0.02 * (i // 40), 0.02 * (i % 40) + 0.015, 0.115 + 0.02 * (i // 40)),
            sure if i < cut else unsure,
        )
        for i, token in enumerate(ENGLISH)
    ]


class Engine(ocr.TesseractEngine):
    """Tesseract's reads of a page given, ``finish`` counted."""

    def __init__(self, first: list[Word]) -> None:
        super().__init__()
        self.first, self.finished = first, 0

    def expected_reading(self, image: Image.Image, expected: str | None) -> list[Word] | None:
        return None

    def first_reading(self, image: Image.Image) -> list[Word]:
        return list(self.first)

    def finish(self, image: Image.Image, words: list[Word], read_in: str | None = None) -> list[Word]:
        self.finished += 1
        return words


class Second:
    def page_words(self, image: Image.Image) -> list[Word]:
        return [Word("PP-OCR", (0.1, 0.1, 0.2, 0.12), 0.99)]


def read(monkeypatch: pytest.MonkeyPatch, first: list[Word]) -> tuple[list[str], int]:
    engine = Engine(first)
    monkeypatch.setattr(loading, "get_engine", lambda name: engine)
    monkeypatch.setattr(loading, "second_reader", lambda: Second())
    reading = loading.read_scan(Image.new("L", (800, 600), 255), level=False, flatten=False)
    return [w.text for w in reading.words], engine.finished


def test_a_page_surely_doubted_at_its_first_read_is_not_finished(monkeypatch: pytest.MonkeyPatch) -> None:
    if ocr._identifier() is None:
        pytest.skip("py3langid not installed")
    # mean confidence 0.5 x 0.96 + 0.5 x 0.5 = 0.73: doubted however finishing would raise it
    words, finished = read(monkeypatch, english_words(0.96, 0.5, 0.5))
    assert words == ["PP-OCR"]
    assert finished == 0


def test_a_page_near_the_doubt_line_is_finished_and_judged_as_before(monkeypatch: pytest.MonkeyPatch) -> None:
    if ocr._identifier() is None:
        pytest.skip("py3langid not installed")
    # mean 0.79: under the line, but finishing might lift it over; finished first, then given to PP-OCR as before
    words, finished = read(monkeypatch, english_words(0.96, 0.62, 0.5))
    assert words == ["PP-OCR"]
    assert finished == 1
    # a sure page is finished and kept
    words, finished = read(monkeypatch, english_words(0.96, 0.96, 1.0))
    assert words == ENGLISH and finished == 1


def test_surely_doubted_wants_an_english_latin_page_sure_of_some_words() -> None:
    if ocr._identifier() is None:
        pytest.skip("py3langid not installed")
    assert loading.surely_doubted(english_words(0.96, 0.5, 0.5))
    assert not loading.surely_doubted(english_words(0.96, 0.62, 0.5))  # mean 0.79: near the line
    assert not loading.surely_doubted(english_words(0.96, 0.5, 0.1))  # few sure words: maybe upside down
    assert not loading.surely_doubted(english_words(0.96, 0.5, 0.5)[:10])  # too few words to doubt
