"""Scanned pages in Greek letters, a script of one language: an English model reads them as Latin look-alikes
('TIAPAITEAIA'), script detection calls their text bands Cyrillic, and a page half in Greek and half in Latin
letters (its addresses) reads to the identifier of Latin languages as some Latin language at about even odds with
the model unsure of half its words. Such a page is read with Greek's model (Debian: tesseract-ocr-ell) where
installed, and its words written in modern Greek's one accent.

The lines here are written for the test (order lines of our own), not taken from any study document."""

import shutil

import pytest

from extraction import ocr
from extraction.document import Word
from tests.fixtures_docs import image_of_lines

GREEK = [
    "Προσφορά 5523 Απριλίου 9",
    "Πωλητής Βόρεια Γέφυρα ΑΕ",
    "Είδος Πλήθος Μονάδα Τιμή Αξία",
    "Βίδα χαλύβδινη 500 τεμάχια 1,20 600,00",
    "Καλώδιο χάλκινο 40 μέτρα 35,00 1400,00",
    "Καρφί μακρύ 12 κουτιά 310,00 3720,00",
]


def _words(text: str, confidence: float = 0.9) -> list[Word]:
    return [Word(token, (0.0, 0.0, 0.1, 0.1), confidence) for token in text.split()]


def test_greek_letters_name_their_script_and_greeks_model() -> None:
    assert ocr.text_script(" ".join(GREEK)) == "Greek"
    assert ocr.text_script("Ἐπιστολή καὶ ἄλλα") == "Greek"  # polytonic letters are Greek's too
    assert ocr.page_language(_words(" ".join(GREEK))) == "ell"


def test_a_word_read_with_greeks_model_is_written_with_one_accent() -> None:
    assert ocr.monotonic("Ἐμπορική") == "Εμπορική"  # a breathing mark read onto a capital's stroke
    assert ocr.monotonic("Ῥάφι") == "Ράφι"
    assert ocr.monotonic("ηµέρες") == "ημέρες"  # the micro sign read for mu
    assert ocr.monotonic("ὥρα") == "ώρα"  # the acute kept as the tonos
    assert ocr.monotonic("5µm") == "5µm"  # no Greek letter: as read
    assert ocr.monotonic("Rruga") == "Rruga"


class _Ranks:
    def __init__(self, likeliest: float) -> None:
        self.likeliest = likeliest

    def rank(self, text: str) -> list[tuple[str, float]]:
        return [("hu", self.likeliest), ("fr", 1.0 - self.likeliest)]


def test_a_reading_weak_in_both_language_and_certainty_is_no_latin_language(monkeypatch: pytest.MonkeyPatch) -> None:
    text = "Tlooetnta Eyybnon Kabapr akia Tpénog nAnpwpne Skenderbeu Rruga Sarande Delvine Nopiopa Ayopaotic"
    monkeypatch.setattr(ocr, "_identifier", lambda cyrillic=False: _Ranks(0.51))
    assert ocr.no_latin_language(_words(text, 0.52))  # half Greek, half Latin: both signs weak
    assert not ocr.no_latin_language(_words(text, 0.9))  # a Latin page read surely, its language unsure
    monkeypatch.setattr(ocr, "_identifier", lambda cyrillic=False: _Ranks(0.9))
    assert not ocr.no_latin_language(_words(text, 0.55))  # a poor scan of a page surely in a Latin language


def test_a_page_in_greek_letters_is_read_in_them() -> None:
    if shutil.which("tesseract") is None or ocr._TesseractApi.library() is None:
        pytest.skip("libtesseract not installed")
    if "ell" not in ocr.installed_languages():
        pytest.skip("Tesseract's ell model not installed")
    words = ocr.TesseractEngine().words(image_of_lines(GREEK))
    read = " ".join(w.text for w in words)
    assert ocr.text_script(read) == "Greek"
    assert "Καλώδιο" in read
    assert not any("\u1f00" <= ch <= "\u1fff" for ch in read)
