"""Marks a scan's reading lost from header values: guillemets taken for table rules, accents English's model
dropped (``extraction.ocr.guillemets_kept``, ``extraction.rereadmarks``)."""

from __future__ import annotations

from typing import Any

import pytest
from PIL import Image

from extraction import rereadmarks
from extraction.document import Document, Page, Word
from extraction.ocr import words_from_data
from extraction.result import Extraction, FieldValue


def _data(texts: list[str], lines: list[int] | None = None) -> dict[str, Any]:
    n = len(texts)
    return {
        "text": texts,
        "conf": [90] * n,
        "left": list(range(0, 10 * n, 10)),
        "top": [0] * n,
        "width": [8] * n,
        "height": [10] * n,
        "word_num": list(range(1, n + 1)),
        "block_num": [1] * n,
        "par_num": [1] * n,
        "line_num": lines or [1] * n,
    }


@pytest.mark.parametrize(
    ("read", "kept"),
    [
        ("000 «УралТорг» ИНН", "000 «УралТорг» ИНН"),
        ("ҶДММ «Варзоб Таъминот», ИНН", "ҶДММ «Варзоб Таъминот», ИНН"),
        ("«EA 12", "EA 12"),  # a rule beside a cell, no pair
        ("Total» «x", "Total x"),
        ("«Foo x «Bar»", "Foo x «Bar»"),  # the first one pairs with none
    ],
)
def test_guillemets_that_pair_on_a_line_are_print(read: str, kept: str) -> None:
    words = words_from_data(_data(read.split()), 200, 100)
    assert " ".join(w.text for w in words) == kept


def test_guillemets_on_two_printed_lines_are_no_pair() -> None:
    words = words_from_data(_data(["«Foo", "Bar»"], [1, 2]), 200, 100)
    assert [w.text for w in words] == ["Foo", "Bar"]


@pytest.mark.parametrize(
    ("token", "reading", "taken"),
    [
        ("dias", "días", "días"),
        ("a", "à", "à"),
        ("УралТорг", "«УралТорг»", "«УралТорг»"),
        ("días", "dias", "días"),  # marks are only added
        ("ООО", "000", "ООО"),  # other characters are no marks
        ("Crédito", "Credit", "Crédito"),
    ],
)
def test_a_word_takes_a_reading_only_with_marks_added(token: str, reading: str, taken: str) -> None:
    assert rereadmarks.with_marks(token, reading) == taken


def _scan(words: list[Word]) -> Document:
    return Document([Page(1, 400, 100, words, source="ocr", image=Image.new("L", (400, 100), 255))])


def _spanish_page() -> list[Word]:
    text = "Comercial Copán Proveedor Descripción Cantidad Unidad Precio unitario Condiciones de pago Crédito 30 dias"
    return [
        Word(t, (0.02 + 0.05 * i % 0.9, 0.1, 0.06 + 0.05 * i % 0.9, 0.14), 0.96) for i, t in enumerate(text.split())
    ]


def test_a_value_on_a_spanish_scan_takes_its_accent_from_a_line_reading(monkeypatch: pytest.MonkeyPatch) -> None:
    words = _spanish_page()
    line = [
        Word("Crédito", (0, 0, 0.3, 1), 0.95),
        Word("30", (0.35, 0, 0.45, 1), 0.96),
        Word("días", (0.5, 0, 1, 1), 0.93),
    ]
    asked: list[str] = []

    def read(image: Image.Image, config: str, lang: str) -> dict[str, Any]:
        asked.append(lang)
        return {}

    monkeypatch.setattr(rereadmarks, "tesseract_data", read)
    monkeypatch.setattr(rereadmarks, "words_from_data", lambda data, w, h: line)
    monkeypatch.setattr(rereadmarks, "installed_languages", lambda: frozenset({"spa", "eng"}))
    monkeypatch.setattr(rereadmarks, "page_language", lambda words: "spa")
    extraction = Extraction(doc_type="purchase_order", page_count=1)
    extraction.fields["payment_terms"] = FieldValue("Crédito 30 dias", 0.9, 1)
    rereadmarks.marks_read_again(_scan(words), extraction)
    assert extraction.fields["payment_terms"].value == "Crédito 30 días"
    assert asked == ["spa+eng"]


def test_an_english_scan_is_not_read_again(monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setattr(rereadmarks, "page_language", lambda words: "eng")
    monkeypatch.setattr(rereadmarks, "tesseract_data", lambda *a: pytest.fail("read again"))
    extraction = Extraction(doc_type="purchase_order", page_count=1)
    extraction.fields["payment_terms"] = FieldValue("Crédito 30 dias", 0.9, 1)
    rereadmarks.marks_read_again(_scan(_spanish_page()), extraction)
    assert extraction.fields["payment_terms"].value == "Crédito 30 dias"


def test_quotes_that_would_not_pair_are_not_taken(monkeypatch: pytest.MonkeyPatch) -> None:
    words = [Word("АО", (0.1, 0.1, 0.15, 0.14), 0.9), Word("СибирьСнаб", (0.16, 0.1, 0.3, 0.14), 0.9)]
    line = [Word("АО", (0, 0, 0.2, 1), 0.95), Word("«СибирьСнаб", (0.3, 0, 1, 1), 0.9)]
    monkeypatch.setattr(rereadmarks, "tesseract_data", lambda *a: {})
    monkeypatch.setattr(rereadmarks, "words_from_data", lambda data, w, h: line)
    monkeypatch.setattr(rereadmarks, "installed_languages", lambda: frozenset({"rus", "eng"}))
    monkeypatch.setattr(rereadmarks, "page_language", lambda words: "rus")
    extraction = Extraction(doc_type="purchase_order", page_count=1)
    extraction.fields["buyer_name"] = FieldValue("АО СибирьСнаб", 0.9, 1)
    rereadmarks.marks_read_again(_scan(words), extraction)
    assert extraction.fields["buyer_name"].value == "АО СибирьСнаб"
