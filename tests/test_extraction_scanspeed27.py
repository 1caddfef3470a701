"""Cost cuts that leave every reading as it was: a page's language is told once per reading (the loader and the
readers after it ask for the very same words), a text's script is counted without a Python loop per letter, and a
page's column gutter stops counting lines across a place once they are too many."""

from __future__ import annotations

import random
import re
from typing import Any

import pytest

from extraction import ocr, openings
from extraction.document import Word
from extraction.layout import group_lines, typical_char_width

GERMAN = re.findall(
    r"\w+",
    "Bestellung Lieferant Lieferadresse Zahlungsbedingungen innerhalb von dreißig Tagen nach Rechnungseingang "
    "Menge Beschreibung Einzelpreis Gesamtbetrag Schweißdraht Bestellnummer bitte auf jeder Rechnung angeben",
)


def words_of(tokens: list[str]) -> list[Word]:
    return [
        Word(t, (0.02 * (i % 40), 0.1 + 0.02 * (i // 40), 0.02 * (i % 40) + 0.015, 0.115 + 0.02 * (i // 40)), 0.9)
        for i, t in enumerate(tokens)
    ]


class CountingIdentifier:
    def __init__(self, inner: Any) -> None:
        self.inner, self.calls = inner, 0

    def rank(self, text: str) -> Any:
        self.calls += 1
        return self.inner.rank(text)


def test_a_readings_language_is_told_once(monkeypatch: pytest.MonkeyPatch) -> None:
    inner = ocr._identifier()
    if inner is None:
        pytest.skip("py3langid is not installed")
    counting = CountingIdentifier(inner)
    monkeypatch.setattr(ocr, "_identifier", lambda cyrillic=False: counting)
    words = words_of(GERMAN)
    first = ocr.page_language(words)
    assert ocr.page_language(words) == first == ocr.page_language(list(words))  # the same words in a new list
    assert counting.calls == 1
    # other words of the same text are another reading: told again
    ocr.page_language(words_of(GERMAN))
    assert counting.calls == 2


def _script_letter_by_letter(text: str) -> str | None:
    letters = [ch for ch in text if ch.isalpha()]
    for script, blocks in ocr._SCRIPT_BLOCKS.items():
        if sum(any(a <= ch <= b for a, b in blocks) for ch in letters) > len(letters) / 2:
            return script
    return None


def test_text_script_as_counted_letter_by_letter() -> None:
    pool = [
        *"Schweißdraht Câble Łódź 123 -/:",
        *"Наименование Ђорђе",
        *"Արագած Սերվիս։",
        *"საქართველო ᲡᲐᲥᲐᲠᲗᲕᲔᲚᲝ",
        *"中文 ひらがな ١٢٣ ǅ",
    ]
    rng = random.Random(7)
    for _ in range(3000):
        text = "".join(rng.choice(pool) for _ in range(rng.randint(0, 24)))
        assert ocr.text_script(text) == _script_letter_by_letter(text)
    assert ocr.text_script("Наименование товара M500") == "Cyrillic"
    assert ocr.text_script("Schweißdraht") is None


def _gutter_counting_all(words: list[Word]) -> float | None:
    """``openings._gutter`` as it counted every line at every place it tried."""
    if len(words) < 60:
        return None
    lines = group_lines(words)
    char = typical_char_width(words)
    for step in range(0, 16):
        for x in (0.5 + step / 100, 0.5 - step / 100):
            crossing = sum(1 for w in words if w.bbox[0] < x < w.bbox[2])
            if crossing + sum(openings._spaced_at(line.words, x, char) for line in lines) > max(3, 0.02 * len(words)):
                continue
            left = [w for w in words if w.bbox[2] < x]
            right = [w for w in words if w.bbox[0] > x]
            if min(len(left), len(right)) < max(30, 0.1 * len(words)):
                continue
            low = max(min(w.bbox[1] for w in left), min(w.bbox[1] for w in right))
            high = min(max(w.bbox[3] for w in left), max(w.bbox[3] for w in right))
            if high - low > 0.3:
                return x
    return None


def _two_columns(rng: random.Random, gutter: float, prose_lines: int) -> list[Word]:
    words = []
    for row in range(40):
        top = 0.05 + 0.022 * row
        if row < prose_lines:  # full-width prose over the columns
            x = 0.05
            while x < 0.9:
                width = rng.uniform(0.03, 0.08)
                words.append(Word("word", (x, top, x + width, top + 0.012), 0.9))
                x += width + 0.012
            continue
        for start, end in ((0.05, gutter - 0.03), (gutter + 0.03, 0.95)):
            x = start + rng.uniform(0, 0.02)
            while x + 0.03 < end:
                width = min(rng.uniform(0.03, 0.09), end - x)
                words.append(Word("cell", (x, top, x + width, top + 0.012), 0.9))
                x += width + rng.uniform(0.01, 0.04)
    return words


def test_gutter_as_when_every_line_was_counted() -> None:
    rng = random.Random(3)
    found = 0
    for case in range(40):
        words = _two_columns(rng, rng.uniform(0.38, 0.62), rng.choice([0, 2, 5, 12, 40]))
        expected = _gutter_counting_all(words)
        assert openings._gutter(words) == expected, case
        found += expected is not None
    assert 0 < found < 40  # pages with a gutter and pages without
