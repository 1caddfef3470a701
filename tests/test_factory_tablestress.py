"""The structural table stress space: deterministic, its number styles as printed, its labels on the pages."""

from __future__ import annotations

import random
from decimal import Decimal

from extraction.loading import load_document
from training.factory.tablefuzz import make_tablefuzz_po
from training.factory.tablestress import ANCHORS, EXTRAS, format_grouped, sample_stress_spec


def test_the_same_seed_gives_the_same_document_and_another_seed_another() -> None:
    first, again = make_tablefuzz_po(8001, space="stress"), make_tablefuzz_po(8001, space="stress")
    assert first.pdf_bytes == again.pdf_bytes and first.label == again.label
    assert first.pdf_bytes != make_tablefuzz_po(8002, space="stress").pdf_bytes


def test_indian_and_space_grouped_numbers() -> None:
    assert format_grouped(Decimal("12345678.5"), "indian", 2) == "1,23,45,678.50"
    assert format_grouped(Decimal("123.4"), "indian", 2) == "123.40"
    assert format_grouped(Decimal("1234567.891"), "space_point", 3) == "1 234 567.891"
    assert format_grouped(Decimal("1234.5"), "de", 2) == "1.234,50"


def test_the_factors_vary() -> None:
    draws = [sample_stress_spec(random.Random(seed)) for seed in range(120)]
    assert {extra["anchor"] for _, extra in draws} == set(ANCHORS)
    assert {extra["extra"] for _, extra in draws} == set(EXTRAS)
    assert all(spec.layout == "grid" for spec, _ in draws)
    assert all(extra["extra"] in spec.columns for spec, extra in draws if extra["extra"] != "none")


def test_the_labels_are_what_the_pages_print() -> None:
    for seed in range(8100, 8105):
        doc = make_tablefuzz_po(seed, space="stress")
        text = " ".join(w.text for page in load_document(doc.pdf_bytes, "x.pdf").pages for w in page.words)
        style = doc.label["features"]["number_style"]
        assert doc.truth["line_items"]
        for item in doc.truth["line_items"]:
            assert item["description"].split()[0] in text
            assert format_grouped(abs(Decimal(item["amount"])), style, 2).split()[-1] in text
