"""A scanned page's text values read again with the page's language model where the whole page's reading lost
their marks: ``marks_read_again(doc, extraction)``.

A page is read whole with its language's model and English's beside it (``TesseractEngine.finish``); on a whole
page English wins some short words and drops their accents ('Crédito 30 dias' for 'días', 'a 30 jours' for
'à 30 jours'), and the page's layout analysis drops small marks beside a word (the guillemets of 'ООО
«УралТорг»'). Read on its own, the value's printed phrase reads whole: Tesseract sees one line. So the words a
party's name or the payment terms were read from are read again, on a page in a language other than English, as
one line cropped from the page; a word of that reading takes the place of the value's word only where it is the
same word with marks added (accents, quotes), never other letters, and quotes only where they then pair.
"""

from __future__ import annotations

import unicodedata

from extraction.document import Document, Page, Word, union_bbox
from extraction.layout import group_lines
from extraction.ocr import installed_languages, page_language, tesseract_data, word_crop, words_from_data
from extraction.result import Extraction

FIELDS = ("buyer_name", "vendor_name", "payment_terms")
SURE = 0.8  # the line's reading of a word at least this sure
_QUOTES = "«»„“”\"‚‘’'"
_PAIRS = {"«": "»", "„": "“”", "“": "”", '"': '"', "‚": "‘’", "‘": "’"}


def marks_read_again(doc: Document, extraction: Extraction) -> None:
    """Each text value's words on a scanned page in a language other than English read again as one line with the
    page's language model; a word read with marks its value's word lacks takes its place (``with_marks``)."""
    languages: dict[int, str | None] = {}
    for name in FIELDS:
        cell = extraction.fields.get(name)
        if cell is None or not isinstance(cell.value, str):
            continue
        tokens = cell.value.split()
        for page in doc.pages:
            if page.source != "ocr" or page.image is None or cell.page not in (None, page.number):
                continue
            if page.number not in languages:
                told = page_language(page.words)
                languages[page.number] = told if told != "eng" and told in installed_languages() else None
            language = languages[page.number]
            words = _printed(page, tokens) if language is not None else None
            if language is None or words is None:
                continue
            read = _line_reading(page, words, language)
            if len(read) != len(tokens) or min(w.confidence for w in read) < SURE:
                continue
            value = " ".join(with_marks(token, word.text) for token, word in zip(tokens, read, strict=True))
            if value != cell.value and _quotes_pair(value):
                extraction.fields[name] = type(cell)(value, cell.confidence, cell.page, cell.bbox, cell.raw)
            break


def with_marks(token: str, reading: str) -> str:
    """``reading`` where it is ``token`` with marks added (an accent, a quote), else ``token``."""
    if reading == token or _bare(reading) != _bare(token) or _marks(reading) <= _marks(token):
        return token
    return reading


def _bare(text: str) -> str:
    decomposed = unicodedata.normalize("NFD", text)
    return "".join(ch for ch in decomposed if not unicodedata.combining(ch) and ch not in _QUOTES)


def _marks(text: str) -> int:
    decomposed = unicodedata.normalize("NFD", text)
    return sum(bool(unicodedata.combining(ch)) or ch in _QUOTES for ch in decomposed)


def _quotes_pair(value: str) -> bool:
    """Whether each opening quote of the value is closed after it (an apostrophe inside a word is no quote)."""
    opened: list[str] = []
    for word in value.split():
        if word[:1] in _PAIRS:
            opened.append(word[0])
        end = word.rstrip(",;:.")
        if opened and len(end) > 1 and end[-1] in _PAIRS[opened[-1]]:
            opened.pop()
    return not opened


def _printed(page: Page, tokens: list[str]) -> list[Word] | None:
    """The consecutive words of one printed line the value was read from, matched without marks; None where no
    line prints it."""
    want = [_bare(token) for token in tokens]
    for line in group_lines(page.words):
        bare = [_bare(w.text) for w in line.words]
        for k in range(len(bare) - len(want) + 1):
            if bare[k : k + len(want)] == want:
                return line.words[k : k + len(want)]
    return None


def _line_reading(page: Page, words: list[Word], language: str) -> list[Word]:
    """The words' span read as one line (Tesseract's psm 7) with the page's language model, English's after it."""
    assert page.image is not None
    span = union_bbox([w.bbox for w in words])
    assert span is not None
    box = word_crop(Word("", span), page.image.size)
    crop = page.image.crop(box)
    return words_from_data(tesseract_data(crop, "--psm 7 --oem 1", f"{language}+eng"), *crop.size)
