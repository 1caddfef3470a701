"""A scanned page's header values read again, word by word, by the second reader (PP-OCR's recogniser).

Tesseract misreads a letter or a digit of a party's name, an order number or a tax id where its born-digital twin
reads right ('Utoral' for 'Litoral', 'Veerktoj' for 'Værktøj', '$00759226' for 'SO0759226', a tax id whose check
digit then fails), often while sure of the word (0.8-0.92). PP-OCR's recogniser reads those crops right (docs/
BENCHMARKS.md, ``scanhead15``); reading a whole page with it costs nine times Tesseract's, a crop some 20-30 ms. So
only the few words a header value was read from are read again, once the fields are known, and a reading is taken
where PP-OCR is sure of it and surer than Tesseract was; a tax id only where its check digits then agree.
"""

from __future__ import annotations

import re
from dataclasses import replace
from difflib import SequenceMatcher

from PIL import Image

from extraction.document import Document, Page, Word
from extraction.layout import group_lines
from extraction.normalize import is_valid_tax_id
from extraction.ocr import text_script, word_crop
from extraction.recogniser import RapidRecogniser, second_reader
from extraction.result import Extraction
from extraction.taxids import line_above, tax_id_at, tax_number_modules

FIELDS = ("po_number", "contract_number", "buyer_name", "vendor_name", "buyer_tax_id", "vendor_tax_id")
SURE = 0.9  # PP-OCR's least sure character at least this
TESSERACT_SURE = 0.93  # a word Tesseract read this surely (its best is about 0.96) is not read again
_EDGES = ",.;:()\"'“”„"


def reread_fields(doc: Document, extraction: Extraction) -> None:
    """Each header value's words on a scanned page, read under ``TESSERACT_SURE``, read again by the second reader,
    wherever the page prints them (a name in its block and in the footer: one printing may read where the other
    does not); the surest reading of a word that is one word, at least ``SURE`` and surer than Tesseract replaces
    Tesseract's in the value where it is ``_plausible``. A tax id takes it only where the value was no valid id and
    is one after."""
    second = second_reader()
    if second is None:
        return
    pages = [page for page in doc.pages if page.source == "ocr" and page.image is not None]
    wanted: list[tuple[str, str, Page, Word]] = []  # (field, token, page, a printing of the token)
    for name in FIELDS:
        cell = extraction.fields.get(name)
        if cell is None or not isinstance(cell.value, str):
            continue
        tokens = {t for token in cell.value.split() if len(t := token.strip(_EDGES)) >= 3}  # not 'Oy', 'SA', '&'
        wanted += [
            (name, word.text.strip(_EDGES), page, word)
            for page in pages
            if cell.page in (None, page.number)
            for word in page.words
            if word.confidence < TESSERACT_SURE
            and word.text.strip(_EDGES) in tokens
            and text_script(word.text) is None  # PP-OCR's model has Latin letters only
        ]
    best: dict[tuple[str, str], tuple[float, str]] = {}
    for page in pages:
        words = [(name, token, word) for name, token, on, word in wanted if on is page]
        if not words:
            continue
        assert page.image is not None
        readings = _read_again(second, page.image, [word for *_, word in words])
        for name, token, word in words:
            reading = readings[id(word)]
            if len(reading) != 1:
                continue
            text, confidence = reading[0]
            new = text.strip(_EDGES)
            if (
                confidence < SURE
                or confidence <= word.confidence
                or not new
                or new == token
                or not _plausible(token, new)
            ):
                continue
            if confidence > best.get((name, token), (0.0, ""))[0]:
                best[(name, token)] = (confidence, new)
    for (name, token), (_, new) in best.items():
        _take(extraction, name, token, new)


def reread_tax_id_words(doc: Document, extraction: Extraction) -> None:
    """Where a party's tax id is missing, a scanned page's numbers that are no tax id as read (six digits or more,
    no amount), and the caption word before each, read again by the second reader where Tesseract doubted either:
    where the readings make the number a tax id its check digits accept ('$133222541' -> 'SI33222541', 'CUL:
    96447225' -> 'CUI: 96447225'), they replace the page's words, for the tax-id readers after this to find."""
    second = second_reader()
    if second is None or all(f"{role}_tax_id" in extraction.fields for role in ("buyer", "vendor")):
        return
    for page in doc.pages:
        if page.source != "ocr" or page.image is None:
            continue
        lines = group_lines(page.words)
        found: list[tuple[list[Word], int, list[Word], list[Word]]] = []  # (line, k, above, the words to read)
        for index, line in enumerate(lines):
            above = line_above(lines, index)
            for k, word in enumerate(line.words):
                if not _ID_LIKE.fullmatch(word.text.strip(_EDGES)) or sum(ch.isdigit() for ch in word.text) < 6:
                    continue
                # an id stands after its caption: a number without one (a line's first, after other numbers) is left
                if not (k and _CAPTION_LIKE.fullmatch(line.words[k - 1].text)):
                    continue
                doubted = [w for w in line.words[k - 1 : k + 1] if w.confidence < TESSERACT_SURE]
                if doubted and tax_id_at(line.words, k, above) is None:
                    found.append((line.words, k, above, doubted))
        if not found:
            continue
        readings = _read_again(second, page.image, [w for *_, doubted in found for w in doubted])
        mended: dict[int, Word] = {}
        for words, k, above, doubted in found:
            again = {id(w): w for w in doubted}
            for w in doubted:
                reading = readings[id(w)]
                if len(reading) == 1 and reading[0][1] >= SURE and reading[0][1] > w.confidence:
                    again[id(w)] = Word(reading[0][0], w.bbox, reading[0][1])
            after = [again.get(id(w), w) for w in words]
            if after != words and tax_id_at(after, k, above) is not None:
                mended.update((id(w), again[id(w)]) for w in doubted)
        if mended:
            page.words = [mended.get(id(w), w) for w in page.words]


# a tax id as a scan may misread it: 7-16 characters, mostly digits, hyphens or stops between (no amount, no date,
# no phone number); its caption: a short word of letters ('CUI:', 'VKN', 'Org.nr.'), else none is read again
_ID_LIKE = re.compile(r"(?![^.,]*[.,]\d{2}$)(?!\d{1,4}[./-]\d{1,2}[./-]\d{2,4}$)[A-Z$]{0,3}[\dA-Z.\-/]{6,15}")
_CAPTION_LIKE = re.compile(r"[^\W\d_][\w.\-]{1,7}:?")


def _read_again(second: RapidRecogniser, image: Image.Image, words: list[Word]) -> dict[int, list[tuple[str, float]]]:
    """The second reader's reading of each word's crop, by the word's id; a word asked for twice is read once."""
    crops = list({id(word): word for word in words}.values())
    read = second.read(image, [word_crop(word, image.size) for word in crops])
    return {id(word): reading for word, reading in zip(crops, read, strict=True)}


def _take(extraction: Extraction, name: str, old: str, new: str) -> None:
    cell = extraction.fields[name]
    value = str(cell.value)
    mended = re.sub(rf"(?<!\S){re.escape(old)}(?=[{re.escape(_EDGES)}]*(?!\S))", lambda _: new, value, count=1)
    if mended == value:
        return
    if name.endswith("_tax_id") and not (_valid(mended) and not _valid(value)):
        return
    extraction.fields[name] = replace(cell, value=mended)


def _valid(value: str) -> bool:
    compact = re.sub(r"[\s]", "", value)
    return is_valid_tax_id(compact) or any(module.is_valid(compact) for module in tax_number_modules())


def _plausible(old: str, new: str) -> bool:
    """Whether PP-OCR's ``new`` may stand for Tesseract's ``old``: not ``old`` with one character dropped (PP-OCR's
    slip: 'nitriili' -> 'nitril', 'PO/2027/I/1936' -> 'PO/2027//1936'), and no letter Tesseract read turned into a
    digit or a sign (PP-OCR reads a code's O as 0 and a Turkish 'Ş' as '$': 'o.o.' -> '0.0.', 'A.Ş.' -> 'A.$.')."""
    if len(new) == len(old) - 1 and any(old[:i] + old[i + 1 :] == new for i in range(len(old))):
        return False
    return not any(
        tag != "equal" and any(ch.isalpha() for ch in old[i1:i2]) and not all(ch.isalpha() for ch in new[j1:j2])
        for tag, i1, i2, j1, j2 in SequenceMatcher(None, old, new, autojunk=False).get_opcodes()
    )
