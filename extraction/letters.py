"""A scanned page's letters that its language does not write, put back as the letter of that language the ink is.

Tesseract reads with the models installed (English and some thirty languages); a page in a language without one
(Albanian, Belarusian, Frisian) comes back with the nearest letter a model knows: Albanian 'ë' as 'é', Frisian
'û' as 'ü', Belarusian 'і' as '1' or '!'. Which letters a language writes is told from its own CLDR names (Babel:
its names of countries, languages, scripts, currencies, months and days), so no word list of any document is
involved; which language the page is in, from py3langid over all the languages it knows that CLDR has data for.
"""

from __future__ import annotations

import functools
import re
import unicodedata
from collections import Counter
from typing import Any

from extraction.document import Word

# share of a language's CLDR letters at and above which a letter is one the language writes (Frisian 'û' 0.27%,
# Albanian 'ç' 0.3%), and under which one is not (Frisian 'ü' 0.01%, Welsh 'à' 0.01%: foreign names)
WRITES = 0.002
FOREIGN = 0.0005
# how sure the identifier must be of the page's language, told from its letters without their marks (the marks are
# what the reading got wrong: an Albanian order read with 'é' for 'ë' is 0.53 Albanian, 0.46 Javanese; without
# marks 0.996 Albanian); a Romansh page, a language py3langid does not know, reads 0.86 Occitan and is left alone
SURE = 0.9
# what an English or Russian model gives for Cyrillic 'і' (Belarusian, Ukrainian) between two Cyrillic letters
_DOTLESS_I = re.compile(r"(?<=[\u0400-\u04ff])[1!i|](?=[\u0400-\u04ff])")


@functools.cache
def language_identifier(languages: tuple[str, ...] | None = None) -> Any:
    """py3langid's character n-gram model narrowed to ``languages`` (None: every language it knows that CLDR, Babel,
    has data for); None where py3langid is not installed."""
    try:
        from py3langid.langid import MODEL_FILE, LanguageIdentifier
    except ImportError:
        return None
    identifier = LanguageIdentifier.from_model_file(MODEL_FILE, norm_probs=True)
    if languages is None:
        from babel import localedata

        languages = tuple(sorted(code for code in identifier.nb_classes if localedata.exists(code)))
    identifier.set_languages(list(languages))
    return identifier


@functools.cache
def language_letters(code: str) -> dict[str, float]:
    """Each lower-case letter's share of a language's own CLDR names of countries, languages, scripts, currencies,
    months and days."""
    from babel import Locale

    data = Locale.parse(code)._data
    counts: Counter[str] = Counter()
    for key in ("territories", "languages", "scripts", "currency_names"):
        for text in data[key].values():
            counts.update(ch.lower() for ch in text if ch.isalpha())
    for key in ("months", "days"):
        for widths in data[key].values():
            for names in widths.values():
                for text in names.values():
                    counts.update(ch.lower() for ch in text if ch.isalpha())
    total = sum(counts.values()) or 1
    return {ch: n / total for ch, n in counts.items()}


def unaccented(text: str) -> str:
    """The text without its marks ('Février' -> 'Fevrier', 'ë' -> 'e'), compatibility forms spelled out (NFKD:
    'ﬁ' -> 'fi', '²' -> '2'): how a word is matched whatever marks a keyboard, a font or OCR gave it."""
    return "".join(ch for ch in unicodedata.normalize("NFKD", text) if not unicodedata.combining(ch))


def _base(letter: str) -> str:
    return unicodedata.normalize("NFD", letter)[0]


@functools.cache
def _swaps(code: str) -> dict[str, str]:
    """Each marked Latin letter a language does not write mapped to the one marked letter on the same base that it
    does ('é' -> 'ë' in Albanian, 'ü' -> 'û' in Frisian); a base with two such letters, or none, maps nothing,
    and a letter the language's names use now and then (between ``FOREIGN`` and ``WRITES``) is left as read."""
    shares = language_letters(code)
    writes = {ch for ch, share in shares.items() if share >= WRITES}
    marked: dict[str, list[str]] = {}
    for letter in writes:
        if len(unicodedata.normalize("NFD", letter)) > 1 and _base(letter).isascii():
            marked.setdefault(_base(letter), []).append(letter)
    swaps = {}
    for base, letters in marked.items():
        if len(letters) != 1:
            continue
        for other in "àáâãäåèéêëìíîïòóôõöùúûüýÿ":
            if _base(other) == base and shares.get(other, 0.0) < FOREIGN:
                swaps[other] = letters[0]
    return swaps


def written_language(words: list[Word], sure: float = SURE) -> str | None:
    """The page's language as an ISO 639 code where the identifier is ``sure`` of it, else None; told from its
    words of three letters or more, lower case, without marks."""
    identifier = language_identifier()
    text = " ".join(w.text for w in words if sum(ch.isalpha() for ch in w.text) >= 3)
    text = unaccented(text.lower())
    if identifier is None or len(text) < 40:
        return None
    code, probability = identifier.rank(text)[0]
    return str(code) if probability >= sure else None


def letters_mended(words: list[Word]) -> list[Word]:
    """A scanned page's words with each letter its language does not write (and hardly names: ``FOREIGN``) put
    back as the one it writes on the same base, and '1', '!', 'i', '|' between Cyrillic letters as 'і' where the
    language writes it; a page whose language is not sure is left as read."""
    return in_language(words, written_language(words))


def in_language(words: list[Word], code: str | None) -> list[Word]:
    """``letters_mended`` for words of a page in the language ``code`` (``written_language``; None: as read): a
    table cell read again from its crop with a model that has not the language's letters either."""
    if code is None or _has_model(code):  # a language's own model knows its letters: its reading stands
        return words
    swaps = _swaps(code)
    cyrillic_i = language_letters(code).get("і", 0.0) >= WRITES
    if not swaps and not cyrillic_i:
        return words
    out = []
    for word in words:
        # a word of two letters or more, no abbreviation: the letter of 'à', 'S.à r.l.' is no sign of the language's
        text = word.text
        if sum(ch.isalpha() for ch in text) >= 2 and "." not in text.rstrip("."):
            text = "".join(_swapped(ch, swaps) for ch in text)
        if cyrillic_i:
            text = _DOTLESS_I.sub("і", text)
        out.append(word if text == word.text else Word(text, word.bbox, word.confidence))
    return out


def _has_model(code: str) -> bool:
    from extraction.ocr import _LANGUAGE_MODELS, installed_languages

    return _LANGUAGE_MODELS.get(code) in installed_languages()


def _swapped(ch: str, swaps: dict[str, str]) -> str:
    low = ch.lower()
    if low not in swaps:
        return ch
    return swaps[low].upper() if ch != low else swaps[low]
