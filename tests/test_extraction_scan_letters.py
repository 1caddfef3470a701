"""A scanned page in a language no installed Tesseract model reads keeps the letters its language writes: the
nearest letter a model gave ('é' for Albanian 'ë', '1' for Belarusian 'і') is put back, told from CLDR."""

import pytest

from extraction.document import Word
from extraction.letters import in_language, letters_mended
from extraction.ocr import installed_languages

pytest.importorskip("py3langid")


def _words(text: str) -> list[Word]:
    return [Word(t, (10.0 * i, 10.0, 10.0 * i + 8, 20.0), 0.8) for i, t in enumerate(text.split())]


def _texts(words: list[Word]) -> list[str]:
    return [w.text for w in words]


def test_albanian_e_with_diaeresis_read_as_acute_is_mended() -> None:
    read = _words("Kjo porosi pér blerje éshté dérguar furnizuesit sipas kushteve té pagesés dhe té dorézimit")
    assert " ".join(_texts(letters_mended(read))) == (
        "Kjo porosi për blerje është dërguar furnizuesit sipas kushteve të pagesës dhe të dorëzimit"
    )


def test_belarusian_i_read_as_digit_or_mark_is_mended() -> None:
    read = _words("Гэта аф!цыйны заказ на пастаўку тавараў па дагавору, аплата ф1нансавага аддзела на працягу месяца!")
    mended = _texts(letters_mended(read))
    assert "афіцыйны" in mended and "фінансавага" in mended
    assert "месяца!" in mended  # a mark after the word's letters is its punctuation


def test_a_language_with_its_own_model_and_abbreviations_stay_as_read() -> None:
    if "deu" not in installed_languages():
        pytest.skip("German's Tesseract model is not installed")
    german = _words("Die Lieferung erfolgt frei Haus, 10 Stück à 5,00 EUR, Zahlung innerhalb von 30 Tagen netto")
    assert _texts(letters_mended(german)) == _texts(german)
    frisian = _words("Dizze oarder is ferstjoerd oan de leveransier; betelling binnen fjirtjin dagen, S.à r.l.")
    assert "S.à" in _texts(letters_mended(frisian))


def test_a_flat_doubtful_letter_is_a_speck_not_a_word() -> None:
    from extraction.ocr import without_flat_specks

    line = [
        Word(t, (60.0 * i, 100.0, 60.0 * i + 50, 112.0), 0.95)
        for i, t in enumerate(["Servicio", "de", "limpieza", "hora", "61.41"])
    ]
    speck = Word("ñ", (400.0, 114.0, 410.0, 116.0), 0.5)  # a water drop's light under the price
    dash = Word("-", (420.0, 105.0, 430.0, 107.0), 0.4)  # a flat mark: punctuation, no letter
    kept = without_flat_specks([*line, speck, dash])
    assert speck not in kept and dash in kept and all(w in kept for w in line)


def test_a_cell_read_again_takes_the_page_language_letters() -> None:
    cell = _words("Letér fotokopjimi")
    assert _texts(in_language(cell, "sq")) == ["Letër", "fotokopjimi"]
    assert _texts(in_language(cell, None)) == ["Letér", "fotokopjimi"]
