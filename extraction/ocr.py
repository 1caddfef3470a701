"""OCR engines (a small dict, STYLE.md #5) and the light image clean-up before OCR."""

from __future__ import annotations

import collections
import functools
import itertools
import os
import re
import shutil
import subprocess
import tempfile
import threading
import unicodedata
from collections.abc import Callable
from decimal import Decimal
from typing import Any, Protocol

import numpy as np
from PIL import Image, ImageFilter, ImageOps

from extraction.document import Word, joined_word
from extraction.errors import OcrUnavailableError
from extraction.layout import SameWords, group_lines
from extraction.letters import language_identifier, letters_mended


class OcrEngine(Protocol):
    name: str

    def is_available(self) -> bool: ...

    def words(self, image: Image.Image) -> list[Word]:
        """Words with boxes as page fractions and confidences 0..1."""
        ...


_RULE_MARKS = "|[]{}_—–=~»«‘’`¦"
_BULLET_READINGS = {"*", "+", "¢", "©", "®", "°", "«", "»", "e"}  # how a bullet reads as a line's first word
_NUMBER = re.compile(r"[\d.,:°'’]*\d[\d.,:°'’]*")
_SPECK_AROUND_NUMBER = re.compile(r"([“”„\"':;,]?)(\d[\d.,']*[.,]\d{2}|\d+(?:[.,]\d+)?%)([“”\"':;,.]?)")


def clean_ocr_text(text: str, opened: bool = False) -> str:
    """Undo the usual OCR slips around table cells and numbers.

    Table rules glue '|', '[', '_' or a dash to a cell ('|EA', '74.00]'), a rule beside a number reads as
    an unbalanced bracket ('24)'), and separators inside numbers come out as ':' or '°' ('42:000,00',
    "9°192.00"). ``opened``: a bracket opened earlier on the word's printed line is still open ('(pack of 100)'),
    so a closing one after a number is print.
    """
    text = text.strip()
    # a code printed in square brackets ('[HW-5410] Hydraulic hose', as ERP exports print an item's code before
    # its name): brackets on both sides of one word with letters in it are print, not two rules
    bracketed = text.strip(_RULE_MARKS.replace("[", "").replace("]", ""))
    if re.fullmatch(r"\[[^\[\]]*[^\W\d_][^\[\]]*\]", bracketed):
        return bracketed
    text = text.strip(_RULE_MARKS)
    # only beside a number: in prose a bracket opens on one word and closes on another ('(VAT', 'SE1234)')
    if text.endswith(")") and "(" not in text and not opened and _NUMBER.fullmatch(text[:-1]):
        text = text[:-1]
    if text.startswith("(") and ")" not in text and _NUMBER.fullmatch(text[1:]):
        text = text[1:]
    # a speck after a number ('100.'); a day before its month keeps its dot ('4. März')
    if re.fullmatch(r"\d{3,}\.|[\d.,]*\d[.,]\d+\.", text):
        text = text[:-1]
    # specks of a photocopy glued to an amount or a percentage read as a quote, a colon or a comma
    # ('122,917.50,', '2,252.91:', '“257,237.65', '0%”'): an amount ends on its cents, a rate on its sign
    speck = _SPECK_AROUND_NUMBER.fullmatch(text)
    if speck and (speck.group(1) or speck.group(3)):
        text = speck.group(2)
    if _NUMBER.fullmatch(text):
        text = re.sub(r"(?<=\d):(?=\d{3}\b)", ".", text).replace("°", "'")
    return text


class TesseractEngine:
    """Tesseract 5 through pytesseract; one thread per call (the service runs several at once)."""

    name = "tesseract"

    def __init__(self, lang: str = "eng", psm: int = 3, timeout_s: float = 120.0) -> None:
        self.lang = lang
        # 3 = automatic blocks (Tesseract's default). 11 (sparse text) found more words while table rules and
        # boxes were left on the page, but it drops lone short tokens (a quantity '5', '7%', 'EA'); with the
        # rules taken out first, 3 reads those and loses nothing else (held-out dev scans, seed 7)
        self.psm = psm
        self.timeout_s = timeout_s

    def is_available(self) -> bool:
        return shutil.which("tesseract") is not None

    def words(
        self,
        image: Image.Image,
        expected: str | None = None,
        instead: Callable[[list[Word]], list[Word] | None] | None = None,
    ) -> list[Word]:
        """The page read and finished; ``expected``: the Tesseract model of the language the caller expects the
        page in (``country_language`` of its customer's country): the page is read whole with it first, and kept
        where that reading is in the language, without the English reading that would have told it. ``instead``:
        given the page's first, English read, another reading to take unfinished in its place, or None to finish
        it (``loading.read_scan``: PP-OCR's, of a page that read is sure to be given to PP-OCR anyway)."""
        if (read := self.expected_reading(image, expected)) is not None:
            return self.finish(image, read, expected)
        first = self.first_reading(image)
        if instead is not None and (other := instead(first)) is not None:
            return other
        return self.finish(image, first)

    def expected_reading(self, image: Image.Image, expected: str | None) -> list[Word] | None:
        """The page read whole with the ``expected`` language's model (English's beside it), as ``finish`` reads a
        page in that language, where that reading tells the same language (``page_language``); None where no
        language is expected, it is English, its model is not installed, or the page reads as another language (it
        is then read as without it: a wrong guess costs one whole read)."""
        if expected is None or expected == self.lang or expected not in installed_languages():
            return None
        config = f"--psm {self.psm} --oem 1"
        read = words_from_data(tesseract_data(image, config, f"{expected}+{self.lang}", self.timeout_s), *image.size)
        return read if page_language(read) == expected else None

    def first_reading(self, image: Image.Image) -> list[Word]:
        """The page read whole once with English's model: what tells its language, its script and whether it was
        fed upside down (``loading.read_scan``), before ``finish`` reads any of it again."""
        # Tesseract's own (Otsu) threshold: Sauvola (thresholding_method=2) read more digits on a sample
        # but lost header fields and line items on the 20-scan dev set, so it stays off
        config = f"--psm {self.psm} --oem 1"
        return words_from_data(tesseract_data(image, config, self.lang, self.timeout_s), *image.size)

    def finish(self, image: Image.Image, words: list[Word], read_in: str | None = None) -> list[Word]:
        """The page's ``first_reading`` read again where it needs to be: whole with its language's model, its doubtful
        codes and numbers from crops, the ink it missed. ``read_in``: the language model the ``words`` were already
        read with (``expected_reading``): the page is not read whole again."""
        if read_in is not None:
            return self._finish_in(image, words, read_in)
        config = f"--psm {self.psm} --oem 1"
        # an English model drops accents and misreads the letters that carry them ('Schweißdraht' ->
        # 'SchweiBdraht', 'Cantú' -> 'Cantu'): a page in another language whose model is installed is read again
        # with both, the language's model first and English where it doubts a word: with English first, English
        # keeps the words it reads with some doubt ('Bjorkvall', 'fran' on a Swedish scan). The language's model
        # alone reads codes worse ('ISO' -> '¡SO' in Spanish); English alone is what it was.
        language = page_language(words)
        if language != self.lang and language in installed_languages():
            again = tesseract_data(image, config, f"{language}+{self.lang}", self.timeout_s)
            words = words_from_data(again, *image.size)
        elif language == self.lang and (other := self._other_script(image, words, config)):
            language, words = other
        return self._finish_in(image, words, language)

    def _finish_in(self, image: Image.Image, words: list[Word], language: str) -> list[Word]:
        """A page read whole with ``language``'s model (English's for English): its doubtful codes and numbers read
        again from crops, and the ink its read missed."""
        words = reread_doubtful(image, without_tall_doubts(words))
        # ink the page's read missed, read with the page's model where its script is not English's
        missed_lang = f"{language}+{self.lang}" if language in NON_LATIN_MODELS else self.lang
        words = words + read_missed(image, words, lang=missed_lang)
        if language == "ron":
            words = [Word(w.text.translate(_COMMA_BELOW), w.bbox, w.confidence) for w in words]
        elif language == "ell":
            words = [Word(monotonic(w.text), w.bbox, w.confidence) for w in words]
        return letters_mended(without_flat_specks(words))

    def _other_script(self, image: Image.Image, words: list[Word], config: str) -> tuple[str, list[Word]] | None:
        """A page printed in Cyrillic, Armenian, Georgian or Greek letters, read again with its script's model (for
        Cyrillic Russian's first, then the language its reading tells; English's beside it for the codes in Latin
        letters): the page's model and words, or None for a page in Latin letters.

        An English model reads Cyrillic as Latin look-alikes ('Haumenosanne' for 'Наименование'), Armenian as
        Latin garbage ('Upwqwé Ubnuyhu' for '«Արագած Սերվիս»'), no language to the identifier of the Latin
        languages, and PP-OCR's model has none of these letters either, so such a page lost every description and
        unit. Only a page whose English reading is no Latin language (``no_latin_language``) has its script told,
        on a sheet of its text bands: read with a Cyrillic model (``script_reading``), else by Tesseract's script
        detection, else read with each other script's model in turn (script detection calls an Armenian sheet
        Greek or Latin)."""
        installed = installed_languages()
        models = [code for code in CYRILLIC_LANGUAGES.values() if code in installed]
        others = [code for code in SCRIPT_MODELS.values() if code in installed]
        if not (models or others) or not no_latin_language(words):
            return None
        # the script and the language are told from a sheet of the page's wordiest text bands, and the page is then
        # read once, with the language's model: a whole read with Russian's model only to tell Ukrainian or
        # Bulgarian was a third whole read of the page (docs/BENCHMARKS.md, "scanspeed17")
        sheet = text_bands_sheet(image, words)
        if sheet is None:
            return None
        read: list[Word] = []
        detected: list[str | None] = []  # Tesseract's script detection, asked once at most

        def detected_cyrillic() -> bool:
            if not detected:
                detected.append(page_script(sheet))
            return detected[0] == "Cyrillic"

        if models:
            first = "rus" if "rus" in models else models[0]
            read = words_from_data(tesseract_data(sheet, "--psm 6 --oem 1", f"{first}+{self.lang}"), *sheet.size)
            in_cyrillic = text_script(" ".join(w.text for w in read)) == "Cyrillic"
            if script_reading(read, "Cyrillic") or (in_cyrillic and detected_cyrillic()):
                return self._cyrillic(image, config, models, read)
        for model in others:
            other = words_from_data(tesseract_data(sheet, "--psm 6 --oem 1", model), *sheet.size)
            if script_reading(other, SCRIPT_OF_MODEL[model]):
                return model, self._read(image, config, model)
        # a sheet Russian's model read in Latin letters is asked of script detection only after the other scripts'
        # models: it calls a Greek sheet Cyrillic (two Greek scans of the study), which Greek's model reads surely
        if models and detected_cyrillic():
            return self._cyrillic(image, config, models, read)
        return None

    def _cyrillic(self, image: Image.Image, config: str, models: list[str], read: list[Word]) -> tuple[str, list[Word]]:
        """A Cyrillic page, its sheet ``read`` with Russian's model (or the first installed): its language as the
        sheet tells it, else as the whole page read with that model tells it."""
        first = "rus" if "rus" in models else models[0]
        told = sure_cyrillic_language(read)
        if told not in models:  # the sheet too short to tell: the whole page read with Russian's model tells it
            read = self._read(image, config, first)
            told = page_language(read)
            if told == first or told not in models:
                return first, read
        return told, self._read(image, config, told)

    def _read(self, image: Image.Image, config: str, model: str) -> list[Word]:
        """The page read with a language's model, English's beside it for the codes in Latin letters."""
        return words_from_data(tesseract_data(image, config, f"{model}+{self.lang}", self.timeout_s), *image.size)


# Languages the document families print, as language-identification codes and Tesseract's models (Debian:
# `tesseract-ocr-deu`, ...); a page in any other reads with English
TESSERACT_LANGUAGES = {
    "en": "eng", "de": "deu", "fr": "fra", "es": "spa", "it": "ita", "pt": "por", "nl": "nld", "pl": "pol",
    "sv": "swe", "da": "dan", "cs": "ces", "fi": "fin", "no": "nor", "tr": "tur", "hu": "hun", "sk": "slk",
    "hr": "hrv", "ro": "ron", "sl": "slv", "lt": "lit", "lv": "lav", "et": "est",
}  # fmt: skip
# Romanian writes s and t with a comma below (ș, ț: the standard since 2003, Unicode's own letters); Tesseract's model
# gives the cedilla letters of the older encodings (ş, ţ), which are Turkish's and no Romanian text's
_COMMA_BELOW = str.maketrans("ŞşŢţ", "ȘșȚț")
# Modern Greek is written with one accent (monotonic, since 1982): Greek's model, trained on polytonic text too,
# reads a breathing mark onto a capital's stroke ('Ἐμπορική' for 'Εμπορική') and the micro sign for mu ('ηµέρες')
_POLYTONIC_MARKS = frozenset("\u0313\u0314\u0342\u0345\u0300")  # psili, dasia, perispomeni, ypogegrammeni, varia
_GREEK_LETTER = re.compile("[\u0370-\u03ff\u1f00-\u1fff]")


def monotonic(text: str) -> str:
    """A word read with Greek's model in modern Greek's one-accent writing: the breathing marks, circumflex, iota
    subscript and grave of polytonic letters dropped (the acute, oxia, kept as the tonos), and a micro sign in a
    Greek word read as the mu it looks like. A word in no Greek letter is left as it is."""
    if not _GREEK_LETTER.search(text):
        return text
    text = text.replace("\u00b5", "\u03bc")
    if not any("\u1f00" <= ch <= "\u1fff" for ch in text):
        return text
    bare = "".join(ch for ch in unicodedata.normalize("NFD", text) if ch not in _POLYTONIC_MARKS)
    return unicodedata.normalize("NFC", bare)


# Languages so alike in writing that an English model's reading of one shares its certainty with the other
# (py3langid: a Czech order 0.86 Czech, 0.12 Slovak): the pair's sum is how sure the page is of the likelier
# The Scandinavian three are one such family: an English reading of a Norwegian order reads 0.72 Norwegian, 0.18
# Swedish, 0.09 Danish; read in English it lost its 'å', 'ø' ('Maling gra' for 'Måling grå')
SIBLING_LANGUAGES = {
    "cs": ("sk",), "sk": ("cs",), "hr": ("sl",), "sl": ("hr",),
    "no": ("da", "sv"), "da": ("no", "sv"), "sv": ("no", "da"),
}  # fmt: skip
# Languages written in Cyrillic letters, as language-identification codes and Tesseract's models (Debian:
# `tesseract-ocr-rus`, `-ukr`, `-bul`, `-srp`, ...); read where installed (``TesseractEngine._other_script``)
CYRILLIC_LANGUAGES = {"ru": "rus", "uk": "ukr", "bg": "bul", "sr": "srp", "mk": "mkd", "be": "bel"}
# Scripts of one language each, as Unicode names them, and the language's Tesseract model (Debian:
# `tesseract-ocr-hye`, `-kat`, `-ell`); read where installed, told by their letters (``TesseractEngine._other_script``)
SCRIPT_MODELS = {"Armenian": "hye", "Georgian": "kat", "Greek": "ell"}
SCRIPT_OF_MODEL = {model: script for script, model in SCRIPT_MODELS.items()}
# every language read here, as language-identification codes, and its Tesseract model
_LANGUAGE_MODELS = {**TESSERACT_LANGUAGES, **CYRILLIC_LANGUAGES, "hy": "hye", "ka": "kat", "el": "ell"}
# each model of a script other than Latin: a page read with one is read again with it (crops, missed ink)
NON_LATIN_MODELS = frozenset(CYRILLIC_LANGUAGES.values()) | frozenset(SCRIPT_MODELS.values())
# the Unicode blocks of those scripts' letters (Georgian: Mkhedruli and its capitals, Mtavruli)
_SCRIPT_BLOCKS = {
    "Cyrillic": (("\u0400", "\u04ff"),),
    "Armenian": (("\u0530", "\u058f"),),
    "Georgian": (("\u10a0", "\u10ff"), ("\u1c90", "\u1cbf")),
    "Greek": (("\u0370", "\u03ff"), ("\u1f00", "\u1fff")),  # and its polytonic letters
}
_SCRIPT_LETTERS = {
    script: re.compile("[" + "".join(f"{a}-{b}" for a, b in blocks) + "]") for script, blocks in _SCRIPT_BLOCKS.items()
}
# An English reading of a page whose likeliest Latin language is under this is no Latin language (a page in
# Cyrillic read as Latin look-alikes: 0.16-0.24 on the study scans; pages in Latin letters 0.5 and more)
NO_LANGUAGE = 0.4
# an English reading whose words (three letters or more) read under this in the median is no Latin language: three
# Armenian scans read 0.15-0.24, six Latin ones (English, French, Spanish; a photographed one) 0.92-0.96
UNSURE_READING = 0.5
# both under these at once: no Latin language either (``no_latin_language``)
WEAK_LANGUAGE, WEAK_READING = 0.6, 0.6
# a word of a first reading read under this is no text band of the sheet a page's script is told from
SHEET_SURE = 0.3


@functools.cache
def _identifier(cyrillic: bool = False) -> Any:
    """py3langid's character n-gram model, narrowed to the Latin languages above (or, ``cyrillic``, to those
    written in Cyrillic); None where it is not installed."""
    return language_identifier(tuple(CYRILLIC_LANGUAGES if cyrillic else TESSERACT_LANGUAGES))


@functools.cache
def country_language(country: str | None) -> str | None:
    """The Tesseract model of the language a country's documents are printed in (ISO 3166 code, 'FR' -> 'fra'),
    where CLDR (Babel) names one official language of the country among those read here (Chad: French and Arabic
    -> French); None where it names none or several (Belgium, Switzerland, Canada): its pages are then read as
    without it."""
    if not country:
        return None
    from babel.languages import get_official_languages

    try:
        official = get_official_languages(country.upper())
    except (KeyError, ValueError):
        return None
    models = {_LANGUAGE_MODELS[code] for code in official if code in _LANGUAGE_MODELS}
    return models.pop() if len(models) == 1 else None


def text_script(text: str) -> str | None:
    """The script other than Latin most letters of a text are in ('Cyrillic', 'Armenian', 'Georgian', 'Greek'),
    else None."""
    # told for every page read, some five times (a page's whole text): its letters counted by one pattern per script,
    # not character by character through Python (a twentieth of the CPU)
    letters = "".join(filter(str.isalpha, text))
    if letters.isascii():  # no letter of those scripts
        return None
    for script, pattern in _SCRIPT_LETTERS.items():
        if len(pattern.findall(letters)) > len(letters) / 2:
            return script
    return None


# Latin letters printed with the very glyphs of Cyrillic ones: a model reading both scripts (rus+eng) picks either
# for the same ink ('М500' read 'M500', 'А4' read 'A4', 'М12х80' read 'M12x80' on one page and right on the next row)
_LATIN_TWINS = "AaBCcEeHKMOoPpTXxy"
_AS_CYRILLIC = str.maketrans(_LATIN_TWINS, "АаВСсЕеНКМОоРрТХху")
_CYRILLIC = re.compile(r"[\u0400-\u04ff]")


def cyrillic_twins_mended(words: list[Word]) -> list[Word]:
    """An OCR'd page's Latin look-alikes of Cyrillic letters put back in their script, where the ink cannot tell:
    in a word with Cyrillic letters of its own ('М12x80'), and in a word of digits and look-alikes ('M500', 'A4',
    '3x2,5') printed right after (or, first on its line, right before) a word in Cyrillic ('Цемент M500'). A code
    in its own cell ('AT-2172' after a line number), a Latin word and any word whose letters are not all look-alikes
    ('RUB', 'PVC') are left as read."""
    out = list(words)
    for i, word in enumerate(words):
        if _twins_only(word.text) and (text := cyrillic_twin(word.text, _neighbour(words, word).text)) != word.text:
            out[i] = Word(text, word.bbox, word.confidence)
        elif _form_before_quoted_cyrillic(words, word):
            out[i] = Word(word.text.translate(_AS_CYRILLIC), word.bbox, word.confidence)
    return out


_OPENING_QUOTES = "«„“\"'‹"


def _form_before_quoted_cyrillic(words: list[Word], word: Word) -> bool:
    """Whether a word is a legal form's capitals in Latin look-alikes ('OOO', 'AAT', 'TOB' read for 'ООО', 'ААТ',
    'ТОВ') printed right before a company's name in quotes written in Cyrillic ('AAT «Нёман»'): the East Slavic and
    Central Asian way to print a company's name, whose form is in the script of the name it stands before. A form
    with a letter that has no Cyrillic twin ('SIA', 'OÜ': a Baltic company's Latin form) is left as read."""
    text = word.text
    if len(text) < 2 or not (text.isascii() and text.isalpha() and text.isupper()) or not _twins_only(text):
        return False
    after = _word_after(words, word)
    return after is not None and after.text[:1] in _OPENING_QUOTES and text_script(after.text) == "Cyrillic"


def _word_after(words: list[Word], word: Word) -> Word | None:
    """The word printed just after ``word`` on its line (at most two of its heights apart), if any."""
    height = word.bbox[3] - word.bbox[1]
    middle = (word.bbox[1] + word.bbox[3]) / 2
    beside = [w for w in words if w is not word and w.bbox[1] < middle < w.bbox[3]]
    after = [w for w in beside if 0 <= w.bbox[0] - word.bbox[2] < 2 * height]
    return min(after, key=lambda w: w.bbox[0]) if after else None


def cyrillic_twins_in_phrase(texts: list[str]) -> list[str]:
    """``cyrillic_twins_mended`` on the words of one phrase as read (a table cell read again from its crop): each
    word's neighbour is the word before it, the first word's the one after it."""
    return [
        cyrillic_twin(text, texts[i - 1] if i else texts[1] if len(texts) > 1 else "") for i, text in enumerate(texts)
    ]


def cyrillic_twin(text: str, neighbour: str) -> str:
    """A word's Latin look-alikes in Cyrillic where it has Cyrillic letters, or digits and the word beside it
    (``neighbour``) is Cyrillic; else the word as read."""
    if not _twins_only(text):
        return text
    if _CYRILLIC.search(text) or any(ch.isdigit() for ch in text) and text_script(neighbour) == "Cyrillic":
        return text.translate(_AS_CYRILLIC)
    return text


def _twins_only(text: str) -> bool:
    """Whether a word has Latin letters and each of them looks like a Cyrillic one."""
    latin = [ch for ch in text if ch.isascii() and ch.isalpha()]
    return bool(latin) and all(ch in _LATIN_TWINS for ch in latin)


def decimals_rejoined(words: list[Word]) -> list[Word]:
    """An OCR'd page's words with a decimal part read as a word of its own put back on the number before it
    ('3x2' ',5' for '3x2,5' in a cable's description, the comma's ink faint): a word of a decimal mark and digits,
    at most a character and a half after a word ending in a digit on its line. No printed word starts with its
    mark; '2, 5' (a space after a comma) reads as '2,' '5' and is left alone."""
    out: list[Word] = []
    for word in words:
        last = out[-1] if out else None
        if (
            last is not None
            and re.fullmatch(r"[.,]\d+", word.text)
            and last.text[-1:].isdigit()
            and last.bbox[1] < (word.bbox[1] + word.bbox[3]) / 2 < last.bbox[3]
            and 0 <= word.bbox[0] - last.bbox[2] < 1.5 * (last.bbox[2] - last.bbox[0]) / len(last.text)
        ):
            out[-1] = joined_word(last, word)
        else:
            out.append(word)
    return out


# a blank this wide inside an OCR'd word, in the word's height, is a space Tesseract ran over ('3m' for the '3 m' of
# '0,3 mm x 3 m': its spaces there 0.45-0.55 of the height, the blanks between letters and digits 0.1-0.17 on the
# study scans); a proportional '1' stands 0.3 or so from its neighbours, so that no cut is made beside it
SPACE_IN_WORD = 0.35
# letters about twice the usual width and about half of it, for telling which letters a blank in a word lies between
_WIDE = frozenset("mwMWшщжмфюШЩЖМФЮ")
_NARROW = frozenset("iljtfrI1!|.,:;'()[]")


def spaces_restored(words: list[Word], image: Image.Image) -> list[Word]:
    """An OCR'd page's words of letters and digits run over a printed space split where the space stands ('3m' ->
    '3' 'm', '50mmx6m' -> '50' 'mm' 'x' '6' 'm'): a blank in the word's ink ``SPACE_IN_WORD`` of its height wide,
    between a digit and a letter or two letters (never two digits: '10' is no '1 0'; never beside a mark: '2,5').
    Words of letters alone or of digits alone are left as read (a heading printed letter-spaced, a number)."""
    if not any(_letters_and_digits(w.text) for w in words):
        return words
    grey = np.asarray(image.convert("L"))
    height, width = grey.shape
    out: list[Word] = []
    for word in words:
        if not _letters_and_digits(word.text):
            out.append(word)
            continue
        x0, y0, x1, y1 = (round(v * n) for v, n in zip(word.bbox, (width, height, width, height), strict=True))
        start, left = 0, x0
        for at, gap0, gap1 in _space_cuts(grey[y0:y1, x0:x1], word.text):
            out.append(Word(word.text[start:at], (left / width, word.bbox[1], (x0 + gap0) / width, word.bbox[3]),
                            word.confidence))  # fmt: skip
            start, left = at, x0 + gap1
        out.append(word if not start else Word(word.text[start:], (left / width, *word.bbox[1:]), word.confidence))
    return out


def _letters_and_digits(text: str) -> bool:
    return len(text) >= 2 and any(ch.isdigit() for ch in text) and any(ch.isalpha() for ch in text)


def _space_cuts(crop: np.ndarray, text: str) -> list[tuple[int, int, int]]:
    """Where a word's ink (``crop``) has a space's blank between two of its characters: (the index of the character
    after it, the blank's first and end column), left to right."""
    if crop.shape[0] < 8 or crop.shape[1] < 3 or crop.min() > 160:
        return []
    # faint ink counts: a speck only narrows a blank
    inked = np.asarray((crop < (int(crop.min()) + 2 * 255) // 3).any(axis=0))
    blanks = _blank_runs(inked)
    wide = [(a, b) for a, b in blanks if b - a >= max(3, SPACE_IN_WORD * crop.shape[0])]
    if not wide:
        return []
    if len(blanks) == len(text) - 1:
        # one blob of ink per character: the blanks between them are the boundaries themselves
        at_blank = {blank: k + 1 for k, blank in enumerate(blanks)}
        places = [(at_blank[blank], *blank) for blank in wide]
    else:
        weights = [2.0 if ch in _WIDE else 0.5 if ch in _NARROW else 1.0 for ch in text]
        first, last = int(np.argmax(inked)), len(inked) - int(np.argmax(inked[::-1]))
        unit = (last - first) / sum(weights)
        bounds = list(itertools.accumulate(w * unit for w in weights))[:-1]
        places = []
        for a, b in wide:
            k = min(range(len(bounds)), key=lambda j: abs(first + bounds[j] - (a + b) / 2))
            if abs(first + bounds[k] - (a + b) / 2) <= 0.6 * unit:
                places.append((k + 1, a, b))
    cuts = [(at, a, b) for at, a, b in places if _cuttable(text[at - 1], text[at])]
    return sorted(dict((at, (at, a, b)) for at, a, b in cuts).values())


def _blank_runs(inked: np.ndarray) -> list[tuple[int, int]]:
    """The runs of blank columns between the first and the last inked one, as [first, end) columns."""
    runs, start = [], None
    columns = np.flatnonzero(inked)
    if columns.size == 0:
        return []
    for x in range(int(columns[0]), int(columns[-1]) + 1):
        if not inked[x] and start is None:
            start = x
        elif inked[x] and start is not None:
            runs.append((start, x))
            start = None
    return runs


def _cuttable(before: str, after: str) -> bool:
    """Whether a space can stand between two characters of a word: a digit and a letter, or two letters, neither
    of them narrow (a proportional '1' or 'l' stands a space's width from its neighbours: 'M12x60' is no 'M 12x60')."""
    return (
        before.isalnum()
        and after.isalnum()
        and not (before.isdigit() and after.isdigit())
        and before not in _NARROW
        and after not in _NARROW
    )


# the widest gap the table reader reads as a thousands space, in digits (``joined_thousands``'s)
SPACE_JOINED = 1.05
_HEAD = re.compile(r"\d{1,3}")
_TAIL = re.compile(r"\d{3}[.,]\d{1,2}")
_GROUP = re.compile(r"\d{3}(?:[.,]\d{1,2})?")
_PLAIN = re.compile(r"\d+(?:[.,]\d{1,3})?")


def _value(text: str) -> Decimal | None:
    """A plain OCR'd number ('42,11', '7063.11', '19'), else None (no thousands marks: heads are joined first)."""
    return Decimal(text.replace(",", ".")) if _PLAIN.fullmatch(text) else None


def _heads_before_tails(line: list[Word]) -> list[int]:
    """Where a line's word is a short digit group followed at a word gap (one to two and a half digits) by three
    digits, with a decimal part or not ('7' '063,11'; '4' '983' '752,88'; a quantity's '3' '231'): the places where
    two words may be one number."""
    found = []
    for index, (head, tail) in enumerate(itertools.pairwise(line)):
        digit = (tail.bbox[2] - tail.bbox[0]) / len(tail.text)
        if (
            _HEAD.fullmatch(head.text)
            and _GROUP.fullmatch(tail.text)
            and head.bbox[1] < (tail.bbox[1] + tail.bbox[3]) / 2 < head.bbox[3]
            # a narrower space is the table reader's to join, as on a text layer ('8' '626,80')
            and SPACE_JOINED * digit <= tail.bbox[0] - head.bbox[2] < 2.5 * digit
        ):
            found.append(index)
    return found


def _joined_at(line: list[Word], heads: set[int]) -> list[Word]:
    out: list[Word] = []
    for index, word in enumerate(line):
        if index - 1 in heads:
            out[-1] = joined_word(out[-1], word)
        else:
            out.append(word)
    return out


def _multiplies(line: list[Word]) -> bool:
    """Whether two of a line's numbers multiply to its last one (quantity x price = amount, to the cent)."""
    values = [v for w in line if (v := _value(w.text)) is not None]
    if len(values) < 3:
        return False
    *before, amount = values
    return any(abs(a * b - amount) <= Decimal("0.01") and amount >= 1 for a, b in itertools.combinations(before, 2))


def _misread_head(line: list[Word], proven: list[tuple[float, float, float]]) -> dict[int, Word | None]:
    """A price's head misread as a scrap ('и' '784,26' for '11 784,26') in the band of a proven head, read back
    from the row: the amount over one of its numbers gives one price to the cent, at least a thousand, whose last
    three digits and decimals are the tail's. -> the scrap's id to the whole price, the tail's to None."""
    for scrap, tail in itertools.pairwise(line):
        digit = (tail.bbox[2] - tail.bbox[0]) / len(tail.text)
        if (
            len(scrap.text) > 3
            or _PLAIN.fullmatch(scrap.text)
            or not _TAIL.fullmatch(tail.text)
            or not 0 <= tail.bbox[0] - scrap.bbox[2] < 2.5 * digit
            or not any(
                abs(scrap.bbox[2] - end) < digit and abs(tail.bbox[0] - start) < digit for end, start, digit in proven
            )
        ):
            continue
        values = [v for w in line if w is not tail and (v := _value(w.text)) is not None]
        if len(values) < 2 or values[-1] < 1:
            continue
        *before, amount = values
        prices = {amount / q for q in before if q > 0 and (amount / q).quantize(Decimal("0.01")) * q == amount}
        decimals = len(tail.text) - 4
        tail_value = _value(tail.text)
        if len(prices) == 1 and (price := prices.pop()) >= 1000 and price % 1000 == tail_value:
            text = f"{price:.{decimals}f}".replace(".", tail.text[3])
            return {id(scrap): joined_word(scrap, tail, text), id(tail): None}
    return {}


def thousands_rejoined(words: list[Word]) -> list[Word]:
    """An OCR'd page's space-grouped numbers put back together where OCR read them as two words ('7' '063,11' for
    '7 063,11', the space a little wide on a scan): left apart, the heads stand in a band of their own under the
    price or the amount and read as a column, shifting the table's columns.

    A line's short digit groups before three digits with a decimal part join where that makes two of its numbers
    multiply to its last (quantity x price = amount); on a line that cannot tell (a head misread, a digit wrong),
    a pair joins where it stands in the band of a pair joined so, its head ending and its tail starting where
    theirs do (within a digit). Lines with no such pair are left as read."""
    lines = [list(line.words) for line in group_lines(words)]
    proven: list[tuple[float, float, float]] = []  # a joined pair's head end, tail start and digit width
    unsure: list[tuple[int, list[int]]] = []
    chosen: dict[int, set[int]] = {}
    mended: dict[int, Word | None] = {}
    for number, line in enumerate(lines):
        candidates = _heads_before_tails(line)
        if not candidates or _multiplies(line):
            continue
        if len(candidates) > 8:
            unsure.append((number, candidates))
            continue
        options = [
            set(c for bit, c in enumerate(candidates) if mask >> bit & 1) for mask in range(1, 1 << len(candidates))
        ]
        right = [option for option in options if _multiplies(_joined_at(line, option))]
        if right:
            heads = max(right, key=len)
            chosen[number] = heads
            for index in heads:
                digit = (line[index + 1].bbox[2] - line[index + 1].bbox[0]) / len(line[index + 1].text)
                proven.append((line[index].bbox[2], line[index + 1].bbox[0], digit))
        else:
            unsure.append((number, candidates))
    for number, candidates in unsure:
        line = lines[number]
        banded = {
            index
            for index in candidates
            if any(
                abs(line[index].bbox[2] - end) < digit and abs(line[index + 1].bbox[0] - start) < digit
                for end, start, digit in proven
            )
        }
        # a group joins on a band's word only as far as a decimal part ends it ('4' '983' '752,88')
        kept: set[int] = set()
        for index in sorted(banded, reverse=True):
            if _TAIL.fullmatch(line[index + 1].text) or index + 1 in kept:
                kept.add(index)
        if kept:
            chosen[number] = kept
        mended.update(_misread_head(_joined_at(line, kept), proven))
    # the page's words keep their order: a joined number stands where its first group stood
    replaced: dict[int, Word | None] = dict(mended)
    for number, heads in chosen.items():
        line = lines[number]
        for index in sorted(heads):
            if index - 1 not in heads:
                end = index + 1
                while end in heads:
                    end += 1
                replaced[id(line[index])] = _joined_at(line[index : end + 1], set(range(end - index)))[0]
            replaced[id(line[index + 1])] = None
    out = [replaced.get(id(w), w) for w in words]
    return [w for w in out if w is not None]


def _neighbour(words: list[Word], word: Word) -> Word:
    """The word printed just before ``word`` on its line (at most two of its heights apart), else the one just
    after it; ``word`` itself where it stands alone."""
    height = word.bbox[3] - word.bbox[1]
    middle = (word.bbox[1] + word.bbox[3]) / 2
    beside = [w for w in words if w is not word and w.bbox[1] < middle < w.bbox[3]]
    before = [w for w in beside if 0 <= word.bbox[0] - w.bbox[2] < 2 * height]
    if before:
        return max(before, key=lambda w: w.bbox[2])
    return _word_after(words, word) or word


def is_cyrillic_text(text: str) -> bool:
    """Whether most letters of a text are Cyrillic."""
    return text_script(text) == "Cyrillic"


def no_latin_language(words: list[Word], below: float = NO_LANGUAGE, unsure: float = UNSURE_READING) -> bool:
    """Whether an English model's reading of a page (40 letters or more) is no Latin language the identifier
    knows: its likeliest is under ``below``, or the model is ``unsure`` of most of its words (three letters or
    more): an Armenian page read as Latin garbage that the identifier still calls English at 0.4-0.51."""
    identifier = _identifier()
    text = " ".join(w.text for w in words if any(c.isalpha() for c in w.text))
    if identifier is None or len(text) < 40 or text_script(text) is not None:
        return False
    sure = [w.confidence for w in words if sum(ch.isalpha() for ch in w.text) >= 3]
    likeliest, median = float(identifier.rank(text)[0][1]), float(np.median(sure)) if sure else 1.0
    # or both signs weak at once: a page half in Greek, half in Latin letters (its addresses) read 0.46-0.51
    # Hungarian at a median of 0.52, where the study's 40 pages in Latin letters (blind13, 16..20 dev scans) read
    # at medians of 0.76-0.96
    return likeliest < below or median < unsure or (likeliest < WEAK_LANGUAGE and median < WEAK_READING)


def language_ranks(text: str) -> dict[str, float]:
    """How likely the text is in each language the document families print (py3langid, ISO 639-1 codes; 'no' is
    Norwegian); empty where py3langid is not installed."""
    identifier = _identifier()
    return {} if identifier is None else dict(identifier.rank(text))


def page_language(words: list[Word], sure: float = 0.9) -> str:
    """The Tesseract language of a page, told from its words as an English model read them ('eng' where unsure).

    A character n-gram model (py3langid) tells German from an English model's reading of it ('SchweiBdraht',
    'Bestellmenge'), where function words are few (an order prints captions, names and numbers)."""
    # the same reading is told by the loader (``surely_doubted``, ``finish``) and again by the readers after it:
    # told once per reading (the very same words, ``SameWords``)
    return _page_language(SameWords(words), sure)


@functools.lru_cache(maxsize=32)
def _page_language(key: SameWords, sure: float) -> str:
    words = key.words
    text = " ".join(w.text for w in words if any(c.isalpha() for c in w.text))
    script = text_script(text)
    if script in SCRIPT_MODELS:  # a script of one language: its model
        return SCRIPT_MODELS[script]
    cyrillic = script == "Cyrillic"
    identifier = _identifier(True) if cyrillic else _identifier()
    if identifier is None or len(text) < 40:
        return "eng"
    ranked = identifier.rank(text)
    code, probability = ranked[0]
    if cyrillic:  # a page read in Cyrillic letters keeps a Cyrillic model, the likeliest however unsure: read by
        # Russian's model, Ukrainian reads 0.7 Ukrainian, Serbian 0.48 Serbian and 0.32 Macedonian (its own letters
        # 'ј', 'џ' lost); Russian reads Russian
        return CYRILLIC_LANGUAGES[code]
    probability += sum(dict(ranked).get(sibling, 0.0) for sibling in SIBLING_LANGUAGES.get(code, ()))
    return TESSERACT_LANGUAGES[code] if probability >= sure else "eng"


def text_bands_sheet(image: Image.Image, words: list[Word], letters: int = 200) -> Image.Image | None:
    """The page's wordiest text bands (lines of words with three letters or more, as a first reading found them)
    stacked on one white sheet, until they hold about ``letters`` letters: enough text to tell its script and
    language at a fraction of a whole page's read. None where the page holds fewer than five such words."""
    width, height = image.size
    # words read with next to no confidence are left out: a coloured print's specks read as a band of Latin
    # letters ('elslealulalwl', 0.0) outvoted a Macedonian page's Cyrillic bands in the script's detection
    wordy = sorted(
        (w for w in words if sum(ch.isalpha() for ch in w.text) >= 3 and w.confidence >= SHEET_SURE),
        key=lambda w: w.bbox[1] + w.bbox[3],
    )
    if len(wordy) < 5:
        return None
    size = float(np.median([w.bbox[3] - w.bbox[1] for w in wordy]))
    bands: list[list[Word]] = []
    for word in wordy:
        middle = (word.bbox[1] + word.bbox[3]) / 2
        if bands and abs(middle - (bands[-1][0].bbox[1] + bands[-1][0].bbox[3]) / 2) < size / 2:
            bands[-1].append(word)
        else:
            bands.append([word])
    chosen, count = [], 0
    for band in sorted(bands, key=lambda b: -sum(ch.isalpha() for w in b for ch in w.text)):
        if count >= letters:
            break
        chosen.append(band)
        count += sum(ch.isalpha() for w in band for ch in w.text)
    pad = size * height / 3
    crops = [
        image.crop(
            (
                max(0, round(min(w.bbox[0] for w in band) * width - pad)),
                max(0, round(min(w.bbox[1] for w in band) * height - pad)),
                min(width, round(max(w.bbox[2] for w in band) * width + pad)),
                min(height, round(max(w.bbox[3] for w in band) * height + pad)),
            )
        )
        for band in sorted(chosen, key=lambda b: b[0].bbox[1])
    ]
    gap = round(size * height)
    sheet = Image.new("L", (max(c.width for c in crops) + 2 * gap, sum(c.height + gap for c in crops) + gap), 255)
    top = gap
    for crop in crops:
        sheet.paste(crop if crop.mode == "L" else ImageOps.grayscale(crop), (gap, top))
        top += crop.height + gap
    return sheet


def sure_cyrillic_language(words: list[Word], sure: float = 0.7) -> str | None:
    """The Tesseract model of the Cyrillic language the words are in where the identifier is ``sure`` of it (a
    sheet of a page's text bands read with Russian's model: Ukrainian and Bulgarian pages of the study scans rank
    their own language first at 0.74-0.998 on it, the rest to Russian), else None."""
    identifier = _identifier(True)
    text = " ".join(w.text for w in words if any(c.isalpha() for c in w.text))
    if identifier is None or len(text) < 40 or not is_cyrillic_text(text):
        return None
    code, probability = identifier.rank(text)[0]
    return CYRILLIC_LANGUAGES[code] if probability >= sure else None


def script_reading(words: list[Word], script: str, sure: float = 0.6) -> bool:
    """Whether a script's model's reading of a sheet of text bands is text in that script read with a mean
    confidence of ``sure`` or more: the script told without script detection. The study's Cyrillic sheets read
    0.73-0.95 with Russian's model (one on grained paper that script detection called Latin, whose page PP-OCR then
    read whole for 5.7 s in Latin letters); a page in Latin letters read upside down reads Latin letters, or
    Cyrillic ones at 0.37."""
    text = " ".join(w.text for w in words if any(c.isalpha() for c in w.text))
    return bool(words) and text_script(text) == script and sum(w.confidence for w in words) / len(words) >= sure


_osd_lock = threading.Lock()


def page_script(image: Image.Image) -> str | None:
    """The script a page is printed in, as Tesseract's script detection names it ('Latin', 'Cyrillic', ...);
    None where it cannot tell or libtesseract or its 'osd' model is missing."""
    import ctypes

    lib = _TesseractApi.library()
    if lib is None or "osd" not in installed_languages():
        return None
    grey = image if image.mode == "L" else ImageOps.grayscale(image)
    detect = lib.TessBaseAPIDetectOrientationScript
    detect.argtypes = [ctypes.c_void_p] + [ctypes.c_void_p] * 4
    detect.restype = ctypes.c_int
    degrees, sure, name, script_sure = ctypes.c_int(), ctypes.c_float(), ctypes.c_char_p(), ctypes.c_float()
    with _osd_lock:
        api = lib.TessBaseAPICreate()
        try:
            if lib.TessBaseAPIInit2(api, None, b"osd", 0) != 0:
                return None
            lib.TessBaseAPISetVariable(api, b"debug_file", b"/dev/null")
            lib.TessBaseAPISetVariable(api, b"user_defined_dpi", b"200")
            lib.TessBaseAPISetPageSegMode(api, 0)
            lib.TessBaseAPISetImage(api, grey.tobytes(), grey.width, grey.height, 1, grey.width)
            found = detect(api, *(ctypes.byref(v) for v in (degrees, sure, name, script_sure)))
            # the name is the model's own string: read before the handle goes
            return name.value.decode("utf-8", "replace") if found and name.value else None
        finally:
            lib.TessBaseAPIDelete(api)


@functools.cache
def installed_languages() -> frozenset[str]:
    """The languages Tesseract has models for here (Debian: `tesseract-ocr-deu`, ...); none where it cannot say."""
    try:
        listed = subprocess.run(["tesseract", "--list-langs"], capture_output=True, text=True, timeout=30, check=True)
    except (OSError, subprocess.SubprocessError):
        return frozenset()
    return frozenset(line.strip() for line in listed.stdout.splitlines()[1:] if line.strip())


def _usual_word_height(words: list[Word]) -> float | None:
    """The middle height of the page's words of more than one character (the upper of the two middle ones), or None
    on a page of under five such words, too few to tell."""
    heights = sorted(w.bbox[3] - w.bbox[1] for w in words if len(w.text) > 1)
    return heights[len(heights) // 2] if len(heights) >= 5 else None


def without_tall_doubts(words: list[Word], below: float = 0.7) -> list[Word]:
    """The page's words less doubtful ones whose box stands over several lines: a column of one-digit quantities
    read downwards as one word ('Owrr' over six rows). Its box would join the rows it spans into one line and
    hide their ink from the re-read of what the page missed."""
    usual = _usual_word_height(words)
    if usual is None:
        return words
    tall = 2.5 * usual
    return [w for w in words if w.confidence >= below or w.bbox[3] - w.bbox[1] <= tall]


def without_flat_specks(words: list[Word], below: float = 0.6, flat: float = 0.4) -> list[Word]:
    """The page's words less doubtful letters or digits whose ink is under ``flat`` of a word's usual height: no
    glyph of a letter or digit is that flat (a lower-case letter stands about half a capital's height), so it is a
    speck or the light of a water drop on the scan ('ñ' read under a price); left in a table, it is a cell that
    splits the columns' rows."""
    usual = _usual_word_height(words)
    if usual is None:
        return words
    low = flat * usual
    return [
        w
        for w in words
        if w.confidence >= below or w.bbox[3] - w.bbox[1] >= low or not any(ch.isalnum() for ch in w.text)
    ]


def words_from_data(data: dict[str, Any], width: int, height: int) -> list[Word]:
    """Tesseract's TSV columns as words on a page of ``width`` x ``height`` pixels, cleaned up: stray rule marks
    dropped, a bullet read as another mark made a bullet again, pieces of a split number joined."""
    words: list[Word] = []
    printed: list[tuple[Any, str]] = []  # each kept word's printed line and its text as read, before the clean-up
    columns = ("text", "conf", "left", "top", "width", "height", "word_num")
    blank = [0] * len(data["text"])  # data without Tesseract's line numbers: one line
    lines = zip(*(data.get(c, blank) for c in ("block_num", "par_num", "line_num")), strict=True)
    line: tuple[Any, ...] | None = None
    depth = 0  # brackets the current printed line has opened and not closed
    read = zip(*(data[c] for c in columns), strict=True)
    for (text, conf, left, top, w, h, number), at in zip(read, lines, strict=True):
        if at != line:
            line, depth = at, 0
        if number == 1 and str(text) in _BULLET_READINGS:
            text = "•"  # a list's bullet, which Tesseract reads as whatever mark it resembles
        opened, text = depth > 0, str(text)
        depth = max(0, depth + text.count("(") - text.count(")"))
        raw, text = text, clean_ocr_text(text, opened)
        confidence = float(conf)
        if not text or confidence < 0:
            continue
        bbox = (left / width, top / height, (left + w) / width, (top + h) / height)
        words.append(Word(text, bbox, round(min(1.0, confidence / 100.0), 4)))
        printed.append((line, raw.strip()))
    return join_split_numbers(guillemets_kept(words, printed), height / width)


# a guillemet opening a word of letters and one closing a word of letters after it on its printed line: quotes,
# as much of Europe prints a company's name ('ООО «УралТорг»', 'SIA «Gauja Tehnika»'), not a table's rule
_OPENS = re.compile(r"«(?=[^\W\d_])")
_CLOSES = re.compile(r"(?<=[^\W\d_])»[,;:.]?$")


def guillemets_kept(words: list[Word], printed: list[tuple[Any, str]]) -> list[Word]:
    """Words whose guillemets ``clean_ocr_text`` took for table rules given them back where they pair on one
    printed line (``printed``: each word's line and its text as read): a word as read opening with '«' before a
    letter, the same word or one after it on its line closing with '»' after a letter, no other guillemet
    between. A lone one beside a cell stays stripped."""
    out = list(words)
    for i, (line, raw) in enumerate(printed):
        if not _OPENS.match(raw) or out[i].text.startswith("«"):
            continue
        for j in range(i, len(printed)):
            other_line, other = printed[j]
            if other_line != line or "«" in other[j == i :] or "»" in other[:-2]:
                break
            if _CLOSES.search(other):
                out[i] = Word("«" + out[i].text, out[i].bbox, out[i].confidence)
                if not out[j].text.rstrip(",;:.").endswith("»"):
                    end = len(out[j].text.rstrip(",;:."))
                    out[j] = Word(out[j].text[:end] + "»" + out[j].text[end:], out[j].bbox, out[j].confidence)
                break
    return out


def join_split_numbers(words: list[Word], aspect: float) -> list[Word]:
    """Pieces of one number joined: digits either side of a gap far narrower than a space ('6 24,00').

    ``aspect``: the page's height over its width, to weigh a gap (a width) against the words' height. Each word
    ending in a digit, in reading order, takes the first word starting with one that stands right after it; the
    search over the page's numbers is one array test per word, not a Python loop (it was quadratic)."""
    out = list(words)
    present = collections.Counter(out)  # what `word in out` asks, without comparing the page's words one by one
    starts, boxes = _digit_starts(out)
    for left in words:
        if not left.text[-1:].isdigit() or not present[left]:
            continue
        x0, y0, x1, y1 = left.bbox
        tall = np.maximum(y1 - y0, boxes[:, 3] - boxes[:, 1])
        gap = (boxes[:, 0] - x1) / aspect  # as a share of the page height, like tall
        shared = np.minimum(y1, boxes[:, 3]) - np.maximum(y0, boxes[:, 1])
        joinable = np.flatnonzero((-0.05 * tall < gap) & (gap < 0.15 * tall) & (shared > 0.6 * tall))
        # a word a pixel or two wide passes the test with itself: no continuation of its own (it raised before)
        right = next((out[starts[k]] for k in joinable if out[starts[k]] is not left), None)
        if right is None:
            continue
        bbox = (x0, min(y0, right.bbox[1]), right.bbox[2], max(y1, right.bbox[3]))
        joined = Word(left.text + right.text, bbox, min(left.confidence, right.confidence))
        out[out.index(left)] = joined
        out.remove(right)
        present.update((joined,))
        present.subtract((left, right))
        starts, boxes = _digit_starts(out)
    return out


def _digit_starts(words: list[Word]) -> tuple[list[int], np.ndarray]:
    """The places of the words that start with a digit, and their boxes as rows of an array."""
    starts = [i for i, w in enumerate(words) if w.text[:1].isdigit()]
    return starts, np.array([words[i].bbox for i in starts], dtype=np.float64).reshape(-1, 4)


def tesseract_data(image: Image.Image, config: str, lang: str = "eng", timeout_s: float = 120.0) -> dict[str, Any]:
    """``pytesseract.image_to_data`` as a dict: read in this process by libtesseract where it can be loaded
    (``_TesseractApi``: the same words as the command line), else by the ``tesseract`` command with the image handed
    over as an uncompressed greyscale file.

    pytesseract would write a PNG, and compressing a 300 dpi page costs more CPU than Tesseract takes to read it.
    """
    grey = image if image.mode == "L" else ImageOps.grayscale(image)
    read = _TesseractApi.data(grey, config, lang, timeout_s)
    if read is not None:
        return read
    import pytesseract  # it imports pandas (about a second): only for pages without a text layer

    # Tesseract's OpenMP threads fight each other when several pages run in parallel.
    os.environ.setdefault("OMP_THREAD_LIMIT", "1")
    with tempfile.TemporaryDirectory(prefix="ocr-") as folder:
        path = os.path.join(folder, "page.pgm")
        grey.save(path, format="PPM")
        data: dict[str, Any] = pytesseract.image_to_data(
            path, lang=lang, config=config, output_type=pytesseract.Output.DICT, timeout=timeout_s
        )
    return data


class _TesseractApi:
    """libtesseract's C API through ctypes, its models loaded once and kept.

    The ``tesseract`` command loads its models on every call: about 0.14 CPU s for English and 0.26 s for a
    language with English, where a printed page takes 0.5-0.7 s to read, and a page is read three to five times
    (the page, again in its language, doubtful and missed words, the readers' crops). Kept handles read the very
    same words (the command line does what is done here: Init, page segmentation mode, SetImage, Recognize,
    the TSV text). A handle serves one call at a time; the idle ones are kept by language and settings, few."""

    KEEP = 8  # idle handles kept, all languages together (tens of MB each)
    HEADER = "level\tpage_num\tblock_num\tpar_num\tline_num\tword_num\tleft\ttop\twidth\theight\tconf\ttext\n"
    _lock = threading.Lock()
    _idle: collections.OrderedDict[tuple[int, str, str], list[int]] = collections.OrderedDict()

    @staticmethod
    @functools.cache
    def library() -> Any:
        """The loaded libtesseract with its functions' signatures; None where it cannot be loaded."""
        import ctypes
        import ctypes.util

        name = ctypes.util.find_library("tesseract")
        try:
            lib = ctypes.CDLL(name) if name else None
        except OSError:
            lib = None
        if lib is None or not hasattr(lib, "TessBaseAPIGetTsvText"):
            return None
        handle, text, number = ctypes.c_void_p, ctypes.c_char_p, ctypes.c_int
        for function, args, result in (
            ("TessBaseAPICreate", [], handle),
            ("TessBaseAPIInit2", [handle, text, text, number], number),
            ("TessBaseAPISetVariable", [handle, text, text], number),
            ("TessBaseAPISetPageSegMode", [handle, number], None),
            ("TessBaseAPISetImage", [handle, text, number, number, number, number], None),
            ("TessBaseAPIRecognize", [handle, handle], number),
            ("TessBaseAPIGetTsvText", [handle, number], handle),
            ("TessDeleteText", [handle], None),
            ("TessBaseAPIClear", [handle], None),
            ("TessBaseAPIDelete", [handle], None),
            ("TessMonitorCreate", [], handle),
            ("TessMonitorSetDeadlineMSecs", [handle, number], None),
            ("TessMonitorDelete", [handle], None),
        ):
            getattr(lib, function).argtypes = args
            getattr(lib, function).restype = result
        return lib

    @classmethod
    def data(cls, image: Image.Image, config: str, lang: str, timeout_s: float) -> dict[str, Any] | None:
        """What ``tesseract IMAGE - -l LANG CONFIG tsv`` prints, as pytesseract's dict; None where libtesseract
        cannot be loaded or given these models or settings (the command line then says why)."""
        import ctypes

        lib = cls.library()
        settings = _tesseract_settings(config)
        if lib is None or settings is None:
            return None
        psm, oem, variables = settings
        os.environ.setdefault("OMP_THREAD_LIMIT", "1")  # read when the library starts its threads
        key = (oem, lang, variables)
        with cls._lock:
            idle = cls._idle.get(key)
            api = idle.pop() if idle else None
        if api is None:
            api = lib.TessBaseAPICreate()
            if lib.TessBaseAPIInit2(api, None, lang.encode(), oem) != 0:  # a model not installed
                lib.TessBaseAPIDelete(api)
                return None
            lib.TessBaseAPISetVariable(api, b"debug_file", b"/dev/null")  # 'Estimating resolution as ...'
            for pair in variables.split():
                name, _, value = pair.partition("=")
                lib.TessBaseAPISetVariable(api, name.encode(), value.encode())
        monitor = lib.TessMonitorCreate()
        try:
            lib.TessBaseAPISetPageSegMode(api, psm)
            lib.TessBaseAPISetImage(api, image.tobytes(), image.width, image.height, 1, image.width)
            lib.TessMonitorSetDeadlineMSecs(monitor, round(timeout_s * 1000))
            if lib.TessBaseAPIRecognize(api, monitor) != 0:
                raise RuntimeError("Tesseract process timeout")  # as pytesseract says it
            tsv = lib.TessBaseAPIGetTsvText(api, 0)
            text = ctypes.string_at(tsv).decode("utf-8")
            lib.TessDeleteText(tsv)
        except BaseException:
            lib.TessBaseAPIDelete(api)
            raise
        finally:
            lib.TessMonitorDelete(monitor)
        lib.TessBaseAPIClear(api)
        with cls._lock:
            cls._idle.setdefault(key, []).append(api)
            cls._idle.move_to_end(key)
            while sum(len(apis) for apis in cls._idle.values()) > cls.KEEP:
                oldest = next(iter(cls._idle))
                lib.TessBaseAPIDelete(cls._idle[oldest].pop(0))
                if not cls._idle[oldest]:
                    del cls._idle[oldest]
        return _tsv_dict(cls.HEADER + text)


def _tesseract_settings(config: str) -> tuple[int, int, str] | None:
    """'--psm 6 --oem 1 -c name=value' as (psm, oem, 'name=value ...'); None for anything else."""
    tokens = config.split()
    found = {"--psm": "3", "--oem": "3"}
    variables = []
    for flag, value in zip(tokens[::2], tokens[1::2], strict=False):
        if flag in found and value.isdigit():
            found[flag] = value
        elif flag == "-c" and "=" in value:
            variables.append(value)
        else:
            return None
    if len(tokens) % 2:
        return None
    return int(found["--psm"]), int(found["--oem"]), " ".join(variables)


def _tsv_dict(tsv: str) -> dict[str, Any]:
    """Tesseract's TSV as pytesseract's ``Output.DICT``: a list per column, numbers as int, the text as read."""
    rows = [row.split("\t") for row in tsv.strip().split("\n")]
    header = rows.pop(0)
    if rows and len(rows[-1]) < len(header):
        rows[-1].append("")  # the last word read as nothing loses its cell in the strip above
    out: dict[str, Any] = {}
    for i, head in enumerate(header):
        column: list[Any] = []
        for row in rows:
            if len(row) <= i:
                continue
            try:
                column.append(row[i] if head == "text" else int(float(row[i])))
            except ValueError:
                column.append(row[i])
        out[head] = column
    return out


OCR_ENGINES: dict[str, OcrEngine] = {"tesseract": TesseractEngine()}


def get_engine(name: str = "tesseract") -> OcrEngine:
    engine = OCR_ENGINES.get(name)
    if engine is None:
        raise OcrUnavailableError(f"Unknown OCR engine {name!r}; choose one of {sorted(OCR_ENGINES)}.", engine=name)
    if not engine.is_available():
        raise OcrUnavailableError(
            f"The OCR engine {name!r} is not installed, so scanned pages cannot be read. "
            "Install Tesseract (Debian/Ubuntu: `apt-get install tesseract-ocr tesseract-ocr-eng`; "
            "macOS: `brew install tesseract`) and make sure `tesseract` is on PATH.",
            engine=name,
        )
    return engine


def estimate_skew(image: Image.Image, max_angle: float = 5.0, step: float = 0.25) -> float:
    """Skew in degrees from a projection profile: text lines give the sharpest row histogram when level.

    Works on a small greyscale copy, so it costs a few milliseconds instead of Tesseract's OSD pass.
    """
    small = ImageOps.grayscale(image)
    scale = 800 / max(small.size)
    if scale < 1:
        small = small.resize((max(1, round(small.width * scale)), max(1, round(small.height * scale))))
    pixels = np.asarray(small, dtype=np.uint8)
    ink = pixels < _ink_level(pixels)
    # left ends of ink runs: text gives many per line, while solid bands (a dark banner, a scanner's black
    # border) give one per row and would otherwise outweigh the text
    edges = ink & ~np.roll(ink, 1, axis=1)
    edges[:, 0] = False
    ys, xs = np.nonzero(edges)
    if len(ys) < 200:
        return 0.0
    xs = xs - pixels.shape[1] / 2

    def score(angle: float) -> float:
        # Shear rows by the candidate angle and score how peaked the row histogram is.
        shifted = ys + xs * np.tan(np.radians(angle))
        histogram = np.bincount(np.clip(shifted, 0, None).astype(np.int64))
        return float(np.sum(histogram.astype(np.float64) ** 2))

    coarse = max(np.arange(-max_angle, max_angle + step / 2, step), key=score)
    # refine around the coarse optimum: 0.25 degrees off still drifts a few pixels across a wide table
    return float(max(np.arange(coarse - step, coarse + step + 0.01, 0.05), key=score))


def _ink_level(pixels: np.ndarray) -> float:
    """The grey level below which a pixel of a small page copy is ink: 128, or halfway between the page's darkest
    ink and its paper where even the darkest ink is lighter than that (faint brown ink on yellowed paper at
    150 dpi shrinks to greys of 120-200 on the small copy; at 128 only a logo's pixels were ink, and the page
    was taken for level)."""
    darkest, paper = np.percentile(pixels, (0.5, 50))
    return max(128.0, float(darkest + paper) / 2)


def deskew(image: Image.Image, min_angle: float = 0.1) -> Image.Image:
    """Level the text lines. ``estimate_skew`` gives the shear that levels them, i.e. minus the page's tilt."""
    return level_turn(image, level_angle(image, min_angle))


def level_angle(image: Image.Image, min_angle: float = 0.1) -> float:
    """The angle (degrees, as ``Image.rotate`` takes it) that levels the page's text lines; 0 for a level page."""
    angle = estimate_skew(image)
    # PIL turns counter-clockwise for positive angles in a y-down image; undo the tilt
    return 0.0 if abs(angle) < min_angle else -angle


def level_turn(image: Image.Image, angle: float) -> Image.Image:
    """The page turned ``angle`` degrees about its centre on the same canvas, as ``deskew`` turns it: a box that is a
    fraction of the levelled page is the same fraction of any size of the page turned so."""
    if not angle:
        return image
    return image.rotate(angle, resample=Image.Resampling.BICUBIC, expand=False, fillcolor="white")


def flatten_background(image: Image.Image, dark: int = 110) -> Image.Image:
    """A greyscale page on white: each pixel divided by the paper's brightness around it.

    The paper's brightness is the local maximum on a coarse grid (text is thinner than the window), smoothed;
    grey paper, a scanner's uneven light and banded (zebra) table rows come out white, while dark fills (a
    banner with white letters) are left as they are, so that their text survives.
    """
    from scipy import ndimage

    grey = ImageOps.grayscale(image)
    scale = 4  # a 20-pixel window: wider than a stroke, narrower than a banded row
    small = grey.resize((max(1, grey.width // scale), max(1, grey.height // scale)), Image.Resampling.BOX)
    # the 5 x 5 maximum (Pillow's MaxFilter(5) repeats the edge pixels too: the same, in an eighth of the time)
    peaks = ndimage.maximum_filter(np.asarray(small, dtype=np.uint8), size=5, mode="nearest")
    paper = Image.fromarray(peaks).filter(ImageFilter.GaussianBlur(1.5))
    paper = paper.resize(grey.size, Image.Resampling.BILINEAR)
    # a pixel's new grey depends only on its grey and its paper's, both bytes: worked out once for all 256 x 256
    # pairs (in float32, as a page's pixels were) and looked up, instead of five float passes over the page
    index = np.asarray(paper, dtype=np.uint16) << 8
    index |= np.asarray(grey, dtype=np.uint8)
    return Image.fromarray(_flatten_table(dark)[index])


@functools.cache
def _flatten_table(dark: int) -> np.ndarray:
    """``[paper * 256 + pixel]`` -> the flattened pixel: the pixel scaled so that its paper turns white, where the
    paper is lighter than ``dark`` (a fill keeps its own greys)."""
    background, pixels = (a.astype(np.float32).ravel() for a in np.mgrid[0:256, 0:256])
    flat = np.where(background > dark, pixels * (255.0 / np.maximum(background, 1.0)), pixels)
    return np.clip(flat, 0, 255).astype(np.uint8)


def remove_rules(image: Image.Image, ink: int = 200) -> Image.Image:
    """The greyscale page with its ruled lines (table rules, box borders) made white; text and fills stay.

    A rule is a straight run of ink longer than any stroke of a letter (a twentieth of the page's width
    across, a thirtieth down) and thinner than a fill (a dark banner or a shaded band is thicker, and keeps
    its letters). Tesseract takes a box around a caption and its value for a picture and may skip the text
    inside, and glues a rule that touches a cell to it ('|EA'); without the rules it reads both as it reads
    plain text.

    Each step after the first works on the box around what the step before found (with a margin wider than its
    filter), not on the whole page: the same pixels, since outside that box there is nothing to find.
    """
    pixels = np.asarray(image if image.mode == "L" else ImageOps.grayscale(image), dtype=np.uint8)
    dark = pixels < ink
    thickness = max(3, image.width // 150)
    rules = np.zeros_like(dark)
    # boxes around a caption and its value are short: vertical rules count from a thirtieth of the width
    for along, across, share in ((1, 0, 20), (0, 1, 30)):
        length = max(15, image.width // share) | 1  # odd: the opening stays centred
        runs = _runs(dark, length, along)
        box = _box_around(runs, thickness)
        if box is None:
            continue
        part = runs[box]
        fills = opened_along(part, thickness, across)
        rules[box] |= _lone_runs(part & ~fills, dark, thickness, across, box)
    window = max(15, image.width // 20)
    # the window's share of ink is compared with 0.3 below: a share of exactly 0.3 (a window a multiple of 10 px
    # wide) could fall either side by the float sums' rounding, which depends on where the sums start
    box = _box_around(rules, window if window % 10 else max(rules.shape))
    if box is None:
        return image
    # a dark gap between light letters on a banner is a thin run too: a rule lies on mostly light paper
    rules[box] &= _light_around(dark[box], window)
    # the line's soft (anti-aliased, blurred) edges too; two 1-D passes cost a fraction of a 2-D dilation
    box = _box_around(rules, 2)
    if box is not None:
        rules[box] = grown_along(grown_along(rules[box], 3, 0), 3, 1)
    return Image.fromarray(np.where(rules, np.uint8(255), pixels))


def _light_around(dark: np.ndarray, window: int, share: float = 0.3) -> np.ndarray:
    """Whether each pixel's ``window`` x ``window`` square (edges mirrored) holds less than ``share`` of ink: scipy's
    ``uniform_filter(dark, window) < share`` pixel for pixel. Where a square's ink can be exactly ``share`` (a
    window a multiple of ten wide at 0.3), the float sums' rounding decides, and scipy's sums are kept; elsewhere
    the square's ink is counted exactly by OpenCV's box filter (a sixth of the CPU), and no rounding can tip it."""
    from scipy import ndimage

    bound = share * window * window
    if not dark.size or abs(bound - round(bound)) < 1e-6:
        return ndimage.uniform_filter(dark.astype(np.float32), window) < share
    import cv2

    ink = cv2.boxFilter(
        np.ascontiguousarray(dark).view(np.uint8),
        cv2.CV_32F,
        (window, window),
        normalize=False,
        borderType=cv2.BORDER_REFLECT,
    )  # counts of at most window squared: exact in float32
    return ink < bound


def _runs(dark: np.ndarray, length: int, along: int) -> np.ndarray:
    """The pixels of straight runs of ink at least ``length`` long along an axis (an opening; the page's edge
    mirrors it). Only the rows (columns) with that much ink in all are searched: a run that touches the edge
    counts twice, so half of it will do."""
    lines = np.flatnonzero(np.count_nonzero(dark, axis=along) >= (length + 1) // 2)
    if along == 0 or 2 * len(lines) > dark.shape[0]:
        return opened_along(dark, length, along)
    runs = np.zeros_like(dark)
    runs[lines] = opened_along(dark[lines], length, along)
    return runs


def _morphed_along(mask: np.ndarray, size: int, axis: int, grow: bool) -> np.ndarray:
    """A boolean mask's minimum (``grow``: maximum) over a window of ``size`` pixels along ``axis``, its edges
    mirrored: scipy's ``minimum_filter1d`` / ``maximum_filter1d`` (mode 'reflect', origin 0) pixel for pixel,
    by OpenCV's erosion and dilation of bytes, which cost a third of them and less (a page's rule masks)."""
    import cv2

    if not mask.size:
        return mask.copy()  # OpenCV refuses an empty image
    kernel = np.ones((size, 1) if axis == 0 else (1, size), dtype=np.uint8)
    morph = cv2.dilate if grow else cv2.erode
    return morph(np.ascontiguousarray(mask).view(np.uint8), kernel, borderType=cv2.BORDER_REFLECT).view(bool)


def grown_along(mask: np.ndarray, size: int, axis: int) -> np.ndarray:
    """``scipy.ndimage.maximum_filter1d(mask, size, axis)`` of a boolean mask, cheaper (``_morphed_along``)."""
    return _morphed_along(mask, size, axis, True)


def opened_along(mask: np.ndarray, size: int, axis: int) -> np.ndarray:
    """A boolean mask opened along an axis: only its runs at least ``size`` long are kept (a minimum, then a
    maximum filter over ``size`` pixels, edges mirrored; ``_morphed_along``)."""
    return grown_along(_morphed_along(mask, size, axis, False), size, axis)


def _box_around(mask: np.ndarray, margin: int) -> tuple[slice, slice] | None:
    """The box around a mask's pixels, ``margin`` wider each way (within the page); None where it has none."""
    rows = np.flatnonzero(mask.any(axis=1))
    if not len(rows):
        return None
    columns = np.flatnonzero(mask.any(axis=0))
    return (
        slice(max(0, rows[0] - margin), rows[-1] + 1 + margin),
        slice(max(0, columns[0] - margin), columns[-1] + 1 + margin),
    )


def _lone_runs(runs: np.ndarray, dark: np.ndarray, thickness: int, across: int, box: tuple[slice, slice]) -> np.ndarray:
    """The runs that lie on paper: a rule has light paper on at least one side, while the top or bottom sliver
    of a word blurred into one dark band (small print on a soft 150 dpi scan) has the rest of the word beside it
    on one side. Erasing such a sliver cut the word in half ('emulsionabile' read as '@mixsecreume').

    ``runs`` is the part of the page in ``box``; ``dark`` the whole page."""
    from scipy import ndimage

    labels, count = ndimage.label(runs)
    if not count:
        return runs
    keep = np.zeros(count + 1, dtype=bool)
    for index, found in enumerate(ndimage.find_objects(labels), start=1):
        if found is None:
            continue
        found = tuple(slice(p.start + b.start, p.stop + b.start) for p, b in zip(found, box, strict=True))
        lo, hi = found[across].start, found[across].stop
        sides = []
        for start, stop in ((max(0, lo - thickness), lo), (hi, min(dark.shape[across], hi + thickness))):
            if stop > start:
                strip = list(found)
                strip[across] = slice(start, stop)
                sides.append(float(dark[tuple(strip)].mean()))
        keep[index] = not sides or max(sides) < 0.6
    return keep[labels]


def drop_colour_marks(image: Image.Image, min_chroma: int = 40) -> Image.Image:
    """A colour page as greyscale without its coloured stamps and handwriting: big hollow marks in a colour.

    A stamp or a ringed tick over a table hides the cells under it from Tesseract. Coloured print (a heading in
    blue, a dark red mark) is a line high and stays; a coloured fill (a banner) is solid and stays, so that its
    white letters survive. Inside a mark each pixel takes its brightest channel scaled so that the mark's own ink
    on paper turns white: print under the mark, darker than the mark alone, is left.
    """
    from scipy import ndimage

    grey = ImageOps.grayscale(image)
    if image.mode != "RGB":
        return grey
    step = 4  # found on a quarter-size copy: a few milliseconds on a page without colour
    small = np.asarray(image.reduce(step), dtype=np.int16)
    chroma = small.max(axis=2) - small.min(axis=2)
    coloured = chroma > min_chroma
    if coloured.sum() < 50 or _print_is_coloured(small, chroma):
        return grey
    tall = 0.035 * image.height / step  # a stamp is several lines high; a coloured heading one or two
    merged = ndimage.binary_dilation(coloured, iterations=max(1, round(0.006 * image.height / step)))
    labels, _ = ndimage.label(merged)
    out = np.asarray(grey, dtype=np.uint8).copy()
    for index, found in enumerate(ndimage.find_objects(labels), start=1):
        if found is None or found[0].stop - found[0].start < tall:
            continue
        blob = labels[found] == index
        if coloured[found].mean() > 0.35:  # solid: a fill, not a mark's strokes
            continue
        top, left = found[0].start * step, found[1].start * step
        bottom, right = min(image.height, found[0].stop * step), min(image.width, found[1].stop * step)
        rgb = np.asarray(image.crop((left, top, right, bottom)), dtype=np.int16)
        inside = np.kron(blob, np.ones((step, step), dtype=bool))[: bottom - top, : right - left]
        brightest = rgb.max(axis=2).astype(np.float32)
        ink = inside & ((rgb.max(axis=2) - rgb.min(axis=2)) > min_chroma)
        if not ink.any():
            continue
        level = max(1.0, float(np.percentile(brightest[ink], 75)))  # the mark's ink where it lies on paper
        region = out[top:bottom, left:right]
        lifted = np.clip(brightest * (255.0 / level), 0, 255).astype(np.uint8)
        region[inside] = np.maximum(region, lifted)[inside]
    return Image.fromarray(out)


def _print_is_coloured(small: np.ndarray, chroma: np.ndarray, neutral: int = 15, share: float = 0.1) -> bool:
    """Whether a page's print itself is in a colour (a violet carbon copy, a page printed all in blue), judged on
    the strokes of its ink (a small RGB copy and its chroma per pixel; solid fills left out): there a line of text
    is no mark to take out, and the page has no black print for a mark to lie over. Where fewer than ``share`` of
    the strokes are grey (chroma under ``neutral``), the coloured marks are the print."""
    from scipy import ndimage

    grey = small.mean(axis=2)
    darkest, paper = np.percentile(grey, (0.5, 50))
    ink = grey < (darkest + paper) / 2
    strokes = ink & ~ndimage.binary_opening(ink, np.ones((5, 5), dtype=bool))
    if strokes.sum() < 50:
        return False
    return float((chroma[strokes] < neutral).mean()) < share


def prepare_scan(image: Image.Image, level: bool = True, flatten: bool = True, max_side: int = 2400) -> Image.Image:
    """A scanned page as Tesseract reads it best: at most ``max_side`` pixels long (an A4 or Letter page at
    about 210 dpi: Tesseract reads that as well as 300 dpi, in half the time, and so do the steps here),
    levelled, greyscale on white, without coloured stamps and ruled lines."""
    return prepare_scan_levelled(image, level, flatten, max_side)[0]


def prepare_scan_levelled(
    image: Image.Image, level: bool = True, flatten: bool = True, max_side: int = 2400
) -> tuple[Image.Image, float]:
    """``prepare_scan``, and the angle it turned the page to level it (``level_angle``; 0 when not turned)."""
    angle = 0.0
    if image.mode not in ("L", "RGB"):
        image = image.convert("RGB")
    if image.mode == "RGB":
        image = drop_colour_marks(image)  # greyscale from here: one channel to resize, not three
    if is_bilevel(image):
        # a fax or a 1-bit scan: jagged strokes broken where the threshold cut them; softened by a pixel,
        # Tesseract reads them as ink again
        image = image.filter(ImageFilter.GaussianBlur(1))
    if max(image.size) > max_side:
        scale = max_side / max(image.size)
        size = (max(1, round(image.width * scale)), max(1, round(image.height * scale)))
        image = image.resize(size, Image.Resampling.BILINEAR)  # Pillow widens the filter when it shrinks
    if level:
        angle = level_angle(image)
        image = level_turn(image, angle)
    if flatten:
        # after levelling: the smear's direction is measured on the page as it will be read
        image = motion_blur_undone(image)
        image = remove_rules(darken_faint_ink(flatten_background(image)))
    elif image.mode != "L":
        image = ImageOps.grayscale(image)
    return image, angle


# A page smeared by a shaken camera or a page moved on the glass: each letter is drawn again along a short straight
# path. The smear is measured from the page's cepstrum (the spectrum of its log power spectrum, averaged over tiles
# of this size): a straight smear L pixels long puts zeros every 1/L along its direction in every tile's spectrum,
# which the cepstrum shows as one deep trough at the smear's length and direction
SMEAR_TILE = 256
# the trough must stand this many standard deviations below the ring of lags around it: the study's shaken pages
# -5.4 to -11, sharp and softly blurred scans of the earlier sets -1.5 to -4.5 (letter pitch, rules)
SMEAR_TROUGH = -5.0
# lags the smear is looked for at, in pixels: under 7 is a stroke's own width, a soft scanner blur or a fax's
# scan lines (troughs at 4-6 px on sharp study scans); over 30 is no hand's shake at 150-300 dpi (the study's
# shaken pages: 7.6 to 13 px)
SMEAR_LAGS = (7, 30)
# a trough this deep as the smear's at a half, a third or a quarter of its lag is a repeating pattern's
SMEAR_REPEAT = 0.7
# a smeared page's steep steps (the 95th percentile of its ink's edges) along the smear are under this share of
# those across it: the study's shaken pages 0.37-0.65, a sharp printed page 1.0, a page of bars of one size 1.6
SMEAR_EDGES = 0.8
# how much noise the un-smearing is allowed to amplify (a Wiener filter's noise-to-signal ratio): 0.003 kept the
# speckle of a noisy scan as ink, 0.03 left letters soft; 0.01 read most words surely on the study's shaken page
SMEAR_NOISE = 0.01


def motion_smear(image: Image.Image) -> tuple[int, int] | None:
    """The straight smear (dx, dy in pixels) a page was read with, as its cepstrum shows it; None for a page with no
    clear smear (``SMEAR_TROUGH``). Only tiles with print in them count: blank paper has no spectrum to speak of."""
    pixels = np.asarray(ImageOps.grayscale(image), dtype=np.float32)
    tile = SMEAR_TILE
    taper = np.outer(np.hanning(tile), np.hanning(tile)).astype(np.float32)
    power = np.zeros((tile, tile), dtype=np.float64)
    tiles = 0
    for top in range(0, pixels.shape[0] - tile + 1, tile):
        for left in range(0, pixels.shape[1] - tile + 1, tile):
            part = pixels[top : top + tile, left : left + tile]
            if part.std() < 8:
                continue
            power += np.log(np.abs(np.fft.fft2((part - part.mean()) * taper)) ** 2 + 1e-3)
            tiles += 1
    if tiles < 4:
        return None
    cepstrum = np.real(np.fft.ifft2(power / tiles))
    near, far = SMEAR_LAGS
    around = np.roll(cepstrum, (far, far), axis=(0, 1))[: 2 * far + 1, : 2 * far + 1]
    dy, dx = np.mgrid[-far : far + 1, -far : far + 1]
    ring = (np.hypot(dy, dx) >= near) & (np.hypot(dy, dx) <= far)
    values = around[ring]
    spread = max(float(values.std()), 1e-9)
    # a JPEG's 8 x 8 blocks put troughs straight across or down at multiples of 8 (a low-quality scan of a sharp
    # page: -6.7 to -13 on the earlier sets' study scans); no smear is told there
    blocks = ((dx[ring] == 0) | (dy[ring] == 0)) & ((dx[ring] + dy[ring]) % 8 == 0)
    deepest = int(np.argmin(np.where(blocks, np.inf, values)))
    depth = (values[deepest] - values.mean()) / spread
    if depth > SMEAR_TROUGH:
        return None
    lag_x, lag_y = int(dx[ring][deepest]), int(dy[ring][deepest])
    # a pattern that repeats (a low-resolution fax's doubled scan lines every 4-5 px) troughs at a fraction of the
    # lag about as deeply; a smear troughs at its length and its multiples, at fractions of it far less deeply
    for share in (2, 3, 4):
        if np.hypot(lag_x, lag_y) / share < 4.5:
            continue  # a stroke's own width: every page troughs there
        y, x = far + round(lag_y / share), far + round(lag_x / share)
        if (around[y - 1 : y + 2, x - 1 : x + 2].min() - values.mean()) / spread <= SMEAR_REPEAT * depth:
            return None
    # a smear softens every edge along it, so a page's sharpest steps along it are far gentler than across it; a
    # page of print all of one size (bars 7 px tall) troughs as a smear does but keeps its steps sharp both ways
    down, across = np.gradient(pixels)
    length = float(np.hypot(lag_x, lag_y))
    along = np.abs(across * lag_x + down * lag_y) / length
    athwart = np.abs(down * lag_x - across * lag_y) / length
    edges = np.maximum(along, athwart) > 8  # the ink's edges: blank paper has no steps either way
    if not edges.any() or np.percentile(along[edges], 95) >= SMEAR_EDGES * np.percentile(athwart[edges], 95):
        return None
    return lag_x, lag_y


def motion_blur_undone(image: Image.Image) -> Image.Image:
    """A greyscale page with a camera shake's straight smear (``motion_smear``) taken out again by a Wiener filter
    (the smear as a line of equal weights from its start to its end); a page without one is returned as it is.
    Blurred letters drawn twice read as nothing Tesseract knows (a shaken order: 84 words read, 5 surely); the
    un-smeared page read 283, 184 surely."""
    smear = motion_smear(image)
    if smear is None:
        return image
    grey = ImageOps.grayscale(image)
    ink = 255.0 - np.asarray(grey, dtype=np.float32)
    dx, dy = smear
    path = np.zeros(ink.shape, dtype=np.float32)
    for step in np.linspace(0.0, 1.0, 4 * max(abs(dx), abs(dy)) + 1):
        path[round(step * dy - dy / 2) % ink.shape[0], round(step * dx - dx / 2) % ink.shape[1]] += 1.0
    spread = np.fft.rfft2(path / path.sum())
    sharp = np.fft.irfft2(np.fft.rfft2(ink) * np.conj(spread) / (np.abs(spread) ** 2 + SMEAR_NOISE), s=ink.shape)
    return Image.fromarray(np.clip(255.0 - sharp, 0, 255).astype(np.uint8))


def darken_faint_ink(image: Image.Image, darkest: int = 40, faint: int = 110) -> Image.Image:
    """A flattened greyscale page whose darkest ink is lighter than ``faint`` (a violet carbon copy, a washed-out
    photocopy: letters of grey 180-200 on white) with its greys stretched so that the darkest ink becomes
    ``darkest`` and white stays white. Tesseract's own threshold does not mind, but the steps that take a fixed
    grey for ink (ruled lines, ink the page's read missed) saw no ink at all on such a page. A page with dark ink
    is returned as it is.

    The darkest ink is the 0.1th percentile: ink covers one to a few per cent of a page, so it is always ink,
    and a few dark specks do not move it."""
    pixels = np.asarray(image, dtype=np.uint8)
    low = float(np.percentile(pixels[::2, ::2], 0.1))
    if low <= faint or low >= 250:
        return image
    scale = (255.0 - darkest) / (255.0 - low)
    table = np.clip(255.0 - (255.0 - np.arange(256, dtype=np.float32)) * scale, 0, 255).astype(np.uint8)
    return Image.fromarray(table[pixels])


def is_bilevel(image: Image.Image, share: float = 0.99) -> bool:
    """Whether a greyscale page's ink is all black on white paper (a fax, a 1-bit scan), judged on every 4th row
    and column: a scan in grey, a page rendered smooth (a fax inside a PDF too) have grey levels between."""
    if image.mode != "L":
        return False
    sample = np.asarray(image)[::4, ::4]
    ink = sample[sample < 255]
    return ink.size > 0.001 * sample.size and float((ink == 0).mean()) >= share


# ---- reading regions again -------------------------------------------------------------------

# the tallest sheet of crops read in one call: Tesseract refuses an image over 32767 px a side
SHEET_MAX = 32767
DIGITS = "0123456789.,-"  # no apostrophe: pytesseract splits the config as a shell line
PixelBox = tuple[int, int, int, int]


def _variant(crop: Image.Image, kind: str) -> Image.Image:
    """The crop as Tesseract should see it: as scanned, thresholded at Otsu's level, or thresholded and
    thickened (faint or broken strokes are where digits get lost)."""
    if kind == "grey":
        return crop
    pixels = np.asarray(crop, dtype=np.uint8)
    histogram = np.bincount(pixels.ravel(), minlength=256).astype(np.float64)
    total, levels = histogram.sum(), np.arange(256)
    weight = np.cumsum(histogram)
    mean = np.cumsum(histogram * levels)
    between = (mean[-1] * weight - mean * total) ** 2 / np.maximum(weight * (total - weight), 1e-9)
    level = int(np.argmax(between))
    binary = Image.fromarray(np.where(pixels > level, 255, 0).astype(np.uint8))
    return binary.filter(ImageFilter.MinFilter(3)) if kind == "bold" else binary


def read_regions(
    image: Image.Image,
    boxes: list[PixelBox],
    charset: str | None = None,
    variants: tuple[str, ...] = ("grey",),
    scale: float = 2.0,
    timeout_s: float = 60.0,
    lang: str = "eng",
) -> list[list[list[tuple[str, float]]]]:
    """Read small regions of a page again, each as one line of text: ``[box][variant] -> [(word, confidence)]``.

    Tesseract misreads small print on a full page (digits dropped, 'l' for 'I'); a crop scaled up and read on
    its own often comes out right.
    """
    read = _read_crops(image, boxes, charset, variants, scale, timeout_s, lang)
    return [[[(text, conf) for text, conf, _ in variant] for variant in crop] for crop in read]


def _read_crops(
    image: Image.Image,
    boxes: list[PixelBox],
    charset: str | None = None,
    variants: tuple[str, ...] = ("grey",),
    scale: float = 2.0,
    timeout_s: float = 60.0,
    lang: str = "eng",
) -> list[list[list[tuple[str, float, PixelBox]]]]:
    """``[box][variant] -> [(word, confidence, the word's box on the page)]``.

    Starting Tesseract costs far more than reading a line, so all crops (and all their variants) go onto one
    white sheet, a gap apart, read in a single call and mapped back by height.
    """
    if not boxes:
        return []
    crops: list[Image.Image] = []
    for box in boxes:
        crop = image.crop(box)
        crop = crop.resize(
            (max(1, round(crop.width * scale)), max(1, round(crop.height * scale))), Image.Resampling.LANCZOS
        )
        crops.extend(_variant(crop, kind) for kind in variants)
    gap = 40
    config = "--psm 6 --oem 1" + (f" -c tessedit_char_whitelist={charset}" if charset else "")
    n = len(variants)
    read: list[list[tuple[str, float, PixelBox]]] = [[] for _ in crops]
    # Tesseract refuses an image over 32767 px a side: a page whose ink a read missed in 380 runs (a Cyrillic
    # order's table) filled a sheet 32384 px tall; more sheets where one would be taller than that
    first = 0
    while first < len(crops):
        last, tall = first, gap
        while last < len(crops) and (last == first or tall + crops[last].height + gap <= SHEET_MAX):
            tall += crops[last].height + gap
            last += 1
        sheet = Image.new("L", (max(c.width for c in crops[first:last]) + 2 * gap, tall), 255)
        spans, top = [], gap
        for crop in crops[first:last]:
            sheet.paste(crop, (gap, top))
            spans.append((top - gap / 2, top + crop.height + gap / 2, top))
            top += crop.height + gap
        data = tesseract_data(sheet, config, lang, timeout_s)
        columns = zip(data["text"], data["conf"], data["left"], data["top"], data["width"], data["height"], strict=True)
        for text, conf, left, word_top, width, height in columns:
            text = clean_ocr_text(str(text))
            if not text or float(conf) < 0:
                continue
            middle = word_top + height / 2
            found = next((i for i, (a, b, _) in enumerate(spans) if a <= middle < b), None)
            if found is None:
                continue
            index = first + found
            x0, y0 = boxes[index // n][:2]
            crop_top = spans[found][2]
            box = (
                x0 + round((left - gap) / scale),
                y0 + round((word_top - crop_top) / scale),
                x0 + round((left - gap + width) / scale),
                y0 + round((word_top - crop_top + height) / scale),
            )
            read[index].append((text, round(min(1.0, float(conf) / 100.0), 4), box))
        first = last
    return [read[i * n : (i + 1) * n] for i in range(len(boxes))]


def read_missed(image: Image.Image, words: list[Word], min_confidence: float = 0.6, lang: str = "eng") -> list[Word]:
    """Words of ink that the page's OCR left out, read again from crops scaled up.

    A full-page read skips lone small print: a caption in small grey type, a one-digit quantity, a short code
    beside a wide gap. Ink the size of a letter that no word's box covers is grouped into runs along the line,
    read on one sheet, and the surely read words are added. Logos and pictures (ink far taller than a line) and
    specks are left alone.
    """
    from scipy import ndimage

    heights = [w.bbox[3] - w.bbox[1] for w in words if len(w.text) > 1]
    if len(heights) < 5:
        return []
    width, height = image.size
    line = float(np.median(heights)) * height  # a word's height in pixels: the scale of everything here
    dark = np.asarray(image, dtype=np.uint8) < 170  # grey small print too
    pad = max(1, round(0.15 * line))
    for word in words:
        x0, y0, x1, y1 = word.bbox
        dark[
            max(0, round(y0 * height) - pad) : round(y1 * height) + pad,
            max(0, round(x0 * width) - pad) : round(x1 * width) + pad,
        ] = False
    # letters a space apart join into one run, lines apart stay apart
    runs = grown_along(dark, max(3, round(0.6 * line)), 1)
    labels, _ = ndimage.label(runs)
    boxes: list[PixelBox] = []
    for index, found in enumerate(ndimage.find_objects(labels), start=1):
        if found is None:
            continue
        rows, cols = found
        tall, wide = rows.stop - rows.start, cols.stop - cols.start
        ink = int(np.count_nonzero(dark[found] & (labels[found] == index)))
        if not (0.4 * line <= tall <= 1.6 * line) or wide < 0.3 * tall or ink < 0.05 * line * line:
            continue
        left, top = max(0, cols.start - pad), max(0, rows.start - pad)
        boxes.append((left, top, min(width, cols.stop + pad), min(height, rows.stop + pad)))
    found_words = []
    for (crop,) in _read_crops(image, boxes, lang=lang):
        for text, conf, (x0, y0, x1, y1) in crop:
            bbox = (x0 / width, y0 / height, x1 / width, y1 / height)
            # a crop may hold the edge of a word already read (a letter's stroke beyond its box): not again
            if (
                conf >= min_confidence
                and any(c.isalnum() for c in text)
                and not any(_covers(w.bbox, bbox) for w in words)
            ):
                found_words.append(Word(text, bbox, conf))
    return found_words


def reread_doubtful(image: Image.Image, words: list[Word], below: float = 0.7) -> list[Word]:
    """Codes and numbers read with low confidence, read again from a scaled-up crop, as scanned and thresholded;
    where both readings agree on one word of the same length, it replaces the page's ('ORS41753' -> 'OR541753').

    Two reads that agree are surer than one doubtful read; a lone digit is left alone (a '1' re-read as 'i' or
    'I' would lose a quantity)."""
    doubtful = [
        i for i, w in enumerate(words) if w.confidence < below and len(w.text) >= 3 and any(c.isdigit() for c in w.text)
    ]
    if not doubtful:
        return words
    boxes = [word_crop(words[i], image.size) for i in doubtful]
    out = list(words)
    for i, variants in zip(doubtful, read_regions(image, boxes, variants=("grey", "binary")), strict=True):
        texts = {tuple(text for text, _ in read) for read in variants}
        if len(texts) != 1:
            continue
        (read,) = texts
        word = words[i]
        if len(read) == 1 and read[0] != word.text and len(read[0]) == len(word.text):
            confidence = sum(conf for variant in variants for _, conf in variant) / len(variants)
            if confidence > word.confidence:
                out[i] = Word(read[0], word.bbox, confidence)
    return out


def word_crop(word: Word, size: tuple[int, int]) -> PixelBox:
    """A word's box on an image of ``size``, with 0.4 of its height around it (a recogniser wants the margins)."""
    width, height = size
    x0, y0, x1, y1 = word.bbox
    pad = max(2, round(0.4 * (y1 - y0) * height))
    return (
        max(0, round(x0 * width) - pad),
        max(0, round(y0 * height) - pad),
        min(width, round(x1 * width) + pad),
        min(height, round(y1 * height) + pad),
    )


def _covers(box: tuple[float, float, float, float], other: tuple[float, float, float, float]) -> bool:
    """Whether ``box`` covers a fifth of ``other`` or more."""
    across = min(box[2], other[2]) - max(box[0], other[0])
    down = min(box[3], other[3]) - max(box[1], other[1])
    area = (other[2] - other[0]) * (other[3] - other[1])
    return across > 0 and down > 0 and across * down >= 0.2 * area
