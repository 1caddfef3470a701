"""Scanned pages in Armenian or Georgian letters, scripts of one language each: an English model reads them as Latin
garbage that the identifier of Latin languages may still call English, unsure of nearly every word; such a page
is read with its script's model (Debian: tesseract-ocr-hye, -kat) where installed.

The lines here are written for the test (order lines of our own), not taken from any study document."""

import shutil

import pytest

from extraction import ocr
from extraction.document import Word
from tests.fixtures_docs import image_of_lines

ARMENIAN = [
    "Պատվեր 4471 մարտի 12",
    "Մատակարար Հյուսիսային Կամուրջ ՍՊԸ",
    "Անվանում Քանակ Միավոր Գին Գումար",
    "Պտուտակ մետաղե 500 հատ 1,20 600,00",
    "Մալուխ պղնձե 40 մետր 35,00 1400,00",
    "Մեխ երկար 12 տուփ 310,00 3720,00",
]
GEORGIAN = [
    "შეკვეთა 4471 მარტი 12",
    "მომწოდებელი ჩრდილოეთის ხიდი შპს",
    "დასახელება რაოდენობა ერთეული ფასი თანხა",
    "ლურსმანი გრძელი 500 ცალი 1,20 600,00",
    "სპილენძის კაბელი 40 მეტრი 35,00 1400,00",
]


def _words(text: str, confidence: float = 0.9) -> list[Word]:
    return [Word(token, (0.0, 0.0, 0.1, 0.1), confidence) for token in text.split()]


def test_the_script_of_a_text_is_told_by_most_of_its_letters() -> None:
    assert ocr.text_script(" ".join(ARMENIAN)) == "Armenian"
    assert ocr.text_script(" ".join(GEORGIAN)) == "Georgian"
    assert ocr.text_script("Шуруп оцинкованный M12") == "Cyrillic"
    assert ocr.text_script("Մալուխ HDMI cable 2 m") is None  # Latin letters outnumber the Armenian ones


def test_words_read_in_armenian_or_georgian_letters_name_their_scripts_model() -> None:
    assert ocr.page_language(_words(" ".join(ARMENIAN))) == "hye"
    assert ocr.page_language(_words(" ".join(GEORGIAN))) == "kat"


def test_an_english_reading_unsure_of_most_of_its_words_is_no_latin_language() -> None:
    if ocr._identifier() is None:
        pytest.skip("py3langid not installed")
    garbage = "Upwquid Utpuhu Shqnwil Uboh Wynn pnnn Uunwywnwp Uwnwpwnwp Ahtynuh Yntwph Unwpuwl huugt"
    assert ocr.no_latin_language(_words(garbage, 0.2))
    english = "Purchase order from Northwind Traders for cotton work gloves and screws delivered to the warehouse"
    assert not ocr.no_latin_language(_words(english, 0.95))
    assert not ocr.no_latin_language(_words(" ".join(ARMENIAN), 0.9))  # read in its letters already


@pytest.mark.parametrize(("lines", "model", "script"), [(ARMENIAN, "hye", "Armenian"), (GEORGIAN, "kat", "Georgian")])
def test_a_page_in_armenian_or_georgian_letters_is_read_in_them(lines: list[str], model: str, script: str) -> None:
    if shutil.which("tesseract") is None or ocr._TesseractApi.library() is None:
        pytest.skip("libtesseract not installed")
    if model not in ocr.installed_languages():
        pytest.skip(f"Tesseract's {model} model not installed")
    words = ocr.TesseractEngine().words(image_of_lines(lines))
    read = " ".join(w.text for w in words)
    assert ocr.text_script(read) == script
    assert lines[3].split()[0] in read
