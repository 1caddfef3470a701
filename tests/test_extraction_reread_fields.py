"""A scanned page's header values read again by the second reader (extraction.rereadfields), and Romanian pages'
s and t with a comma below (extraction.ocr)."""

from typing import Literal

import pytest
from PIL import Image

from extraction import ocr, rereadfields
from extraction.document import Document, Page, Word
from extraction.result import Extraction, FieldValue


class _Reader:
    """A second reader that reads every crop as ``reads[the word under it]`` (unread words: as printed)."""

    def __init__(self, words: list[Word], reads: dict[str, tuple[str, float]]) -> None:
        self.words, self.reads, self.crops = words, reads, 0

    def read(self, image: Image.Image, boxes: list[tuple[int, int, int, int]]) -> list[list[tuple[str, float]]]:
        self.crops += len(boxes)
        out = []
        for x0, y0, x1, y1 in boxes:
            (word,) = [w for w in self.words if x0 <= w.bbox[0] * 1000 and w.bbox[2] * 1000 <= x1
                       and y0 <= w.bbox[1] * 1000 and w.bbox[3] * 1000 <= y1]  # fmt: skip
            text, confidence = self.reads.get(word.text, (word.text, word.confidence))
            out.append([(part, confidence) for part in text.split()])
        return out


def _page(texts: list[tuple[str, float]], source: Literal["text", "ocr"] = "ocr") -> Document:
    words = [Word(text, (0.05 + 0.15 * i, 0.1, 0.17 + 0.15 * i, 0.115), conf) for i, (text, conf) in enumerate(texts)]
    image = Image.new("L", (1000, 1000), 255)
    return Document([Page(1, 1000, 1000, words, source, image=image if source == "ocr" else None)])


def _reread(doc: Document, fields: dict[str, str], reads: dict[str, tuple[str, float]],
            monkeypatch: pytest.MonkeyPatch) -> tuple[dict[str, str], int]:  # fmt: skip
    reader = _Reader(doc.pages[0].words, reads)
    monkeypatch.setattr(rereadfields, "second_reader", lambda: reader)
    ext = Extraction("purchase_order", 1, {k: FieldValue(v, 0.8, 1) for k, v in fields.items()}, [])
    rereadfields.reread_fields(doc, ext)
    return {k: str(v.value) for k, v in ext.fields.items()}, reader.crops


def test_a_name_and_a_number_tesseract_misread_are_taken_from_the_second_reader(monkeypatch: pytest.MonkeyPatch):
    doc = _page([("Utoral", 0.92), ("Insumos", 0.96), ("S.A.S.", 0.91), ("$00759226", 0.89)])
    reads = {"Utoral": ("Litoral", 0.99), "S.A.S.": ("S.A.S.", 0.99), "$00759226": ("SO0759226", 0.97)}
    fields = {"vendor_name": "Utoral Insumos S.A.S.", "po_number": "$00759226"}
    got, crops = _reread(doc, fields, reads, monkeypatch)
    assert got == {"vendor_name": "Litoral Insumos S.A.S.", "po_number": "SO0759226"}
    assert crops == 3  # 'Insumos', read as surely as Tesseract reads, is not read again


def test_a_reading_less_sure_dropping_a_doubled_letter_or_in_two_words_is_refused(monkeypatch: pytest.MonkeyPatch):
    doc = _page([("Kallio", 0.9), ("Tekniikka", 0.9), ("Oyj", 0.5)])
    # 'Kalio' drops a letter of a doubled one (PP-OCR's slip), 'Teknika' is read less surely than 0.9, 'Oy j' in two
    reads = {"Kallio": ("Kalio", 0.99), "Tekniikka": ("Teknika", 0.85), "Oyj": ("Oy j", 0.99)}
    got, _ = _reread(doc, {"buyer_name": "Kallio Tekniikka Oyj"}, reads, monkeypatch)
    assert got == {"buyer_name": "Kallio Tekniikka Oyj"}


def test_a_tax_id_is_taken_only_where_its_check_digits_then_agree(monkeypatch: pytest.MonkeyPatch) -> None:
    # Taiwan's unified business number 05807588, its last digit read '3'; a valid id read otherwise stays
    doc = _page([("05807583", 0.79), ("GB308420248", 0.9)])
    reads = {"05807583": ("05807588", 0.97), "GB308420248": ("GB308420249", 0.99)}
    fields = {"vendor_tax_id": "05807583", "buyer_tax_id": "GB308420248"}
    got, _ = _reread(doc, fields, reads, monkeypatch)
    assert got == {"vendor_tax_id": "05807588", "buyer_tax_id": "GB308420248"}
    doc = _page([("05807583", 0.79)])
    got, _ = _reread(doc, {"vendor_tax_id": "05807583"}, {"05807583": ("05807584", 0.97)}, monkeypatch)
    assert got == {"vendor_tax_id": "05807583"}  # no check digit agrees with '05807584'


def test_a_text_layer_and_a_switched_off_reader_read_nothing_again(monkeypatch: pytest.MonkeyPatch) -> None:
    got, crops = _reread(_page([("Utoral", 0.92)], "text"), {"vendor_name": "Utoral"}, {"Utoral": ("Litoral", 0.99)},
                         monkeypatch)  # fmt: skip
    assert (got, crops) == ({"vendor_name": "Utoral"}, 0)
    monkeypatch.setattr(rereadfields, "second_reader", lambda: None)
    ext = Extraction("purchase_order", 1, {"vendor_name": FieldValue("Utoral", 0.8, 1)}, [])
    rereadfields.reread_fields(_page([("Utoral", 0.92)]), ext)
    assert ext.fields["vendor_name"].value == "Utoral"


def test_a_romanian_page_writes_s_and_t_with_a_comma_below(monkeypatch: pytest.MonkeyPatch) -> None:
    """Tesseract's Romanian model gives the cedilla letters of the old encodings ('Instalaţii'); a Romanian page's
    words take the comma-below letters its orthography writes. A Turkish page keeps its cedilla ('Şti.')."""
    read = [Word("Instalaţii", (0.1, 0.1, 0.3, 0.12), 0.9), Word("Şti.", (0.4, 0.1, 0.5, 0.12), 0.9)]
    monkeypatch.setattr(ocr, "tesseract_data", lambda *a, **k: {})
    monkeypatch.setattr(ocr, "words_from_data", lambda *a: list(read))
    monkeypatch.setattr(ocr, "installed_languages", lambda: frozenset({"ron", "tur"}))
    monkeypatch.setattr(ocr, "reread_doubtful", lambda image, words: words)
    monkeypatch.setattr(ocr, "read_missed", lambda image, words, lang="eng": [])
    image = Image.new("L", (100, 100), 255)
    for language, expected in (("ron", ["Instalații", "Ști."]), ("tur", ["Instalaţii", "Şti."])):
        monkeypatch.setattr(ocr, "page_language", lambda words, lang=language: lang)
        assert [w.text for w in ocr.TesseractEngine().words(image)] == expected


def test_a_reading_that_drops_a_character_or_turns_a_letter_into_a_digit_or_sign_is_refused(
    monkeypatch: pytest.MonkeyPatch,
) -> None:
    # PP-OCR reads 'PO/2027/I/1936' without its 'I', a code's O as 0, a Turkish 'Ş' as '$'; Tesseract's read stands
    doc = _page([("PO/2027/I/1936", 0.5), ("OBJ60369", 0.6), ("A.Ş.", 0.8)])
    reads = {"PO/2027/I/1936": ("PO/2027//1936", 0.99), "OBJ60369": ("0BJ60369", 0.99), "A.Ş.": ("A.$.", 0.99)}
    fields = {"po_number": "PO/2027/I/1936", "contract_number": "OBJ60369", "vendor_name": "Toros A.Ş."}
    got, _ = _reread(doc, fields, reads, monkeypatch)
    assert got == fields


def test_a_misread_tax_id_or_its_caption_read_again_is_found_for_its_party(monkeypatch: pytest.MonkeyPatch) -> None:
    """'ID za DDV: $133222541' (a Slovenian VAT number, 'SI' read '$1') and 'Cu1: 96447225' (Romania's 'CUI'
    caption misread): where a party's tax id is missing, the second reader's reading that makes a valid tax id
    replaces the page's words; a reading that makes none leaves them. 'CUL: 96447225' is read again no more: a
    caption in capitals before an id-shaped number is a tax id's caption as read (b12ids)."""
    for texts, reads, expected in (
        ([("ID", 0.96), ("za", 0.96), ("DDV:", 0.96), ("$133222541", 0.89)], {"$133222541": ("SI33222541", 0.99)},
         "SI33222541"),
        ([("Cu1:", 0.88), ("96447225", 0.96)], {"Cu1:": ("CUI:", 0.99)}, "CUI: 96447225"),
        ([("Cu1:", 0.88), ("96447225", 0.96)], {"Cu1:": ("Cux:", 0.99)}, "Cu1: 96447225"),
        ([("CUL:", 0.88), ("96447225", 0.96)], {"CUL:": ("CUI:", 0.99)}, "CUL: 96447225"),
    ):  # fmt: skip
        doc = _page(texts)
        reader = _Reader(doc.pages[0].words, reads)
        monkeypatch.setattr(rereadfields, "second_reader", lambda reader=reader: reader)
        ext = Extraction("purchase_order", 1, {"buyer_name": FieldValue("Olt S.A.", 0.8, 1)}, [])
        rereadfields.reread_tax_id_words(doc, ext)
        assert " ".join(w.text for w in doc.pages[0].words).endswith(expected)
