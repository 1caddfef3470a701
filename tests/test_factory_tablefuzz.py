"""The table stress generator: deterministic, its captions unknown to the extractor, its labels what it prints."""

from __future__ import annotations

import random
from decimal import Decimal

from extraction.heuristic.vocabulary import _column_roles_of
from extraction.loading import load_document
from training.factory.tablefuzz import CAPTION_POOL, make_tablefuzz_po, sample_spec


def test_the_same_seed_gives_the_same_document_and_another_seed_another() -> None:
    first, again, other = make_tablefuzz_po(3101), make_tablefuzz_po(3101), make_tablefuzz_po(3102)
    assert first.pdf_bytes == again.pdf_bytes and first.label == again.label
    assert first.pdf_bytes != other.pdf_bytes


def test_the_caption_pool_names_nothing_the_extractor_knows() -> None:
    known = {caption: _column_roles_of(caption) for words in CAPTION_POOL.values() for caption in words}
    assert {caption: roles for caption, roles in known.items() if roles} == {}


def test_the_factors_vary_across_documents() -> None:
    specs = [sample_spec(random.Random(seed)) for seed in range(200)]
    assert {s.captions for s in specs} == {"pool", "nonsense", "none"}
    assert {s.style for s in specs} == {"ruled", "unruled", "zebra", "grid"}
    assert {s.numbers for s in specs} == {"en", "de", "fr", "ch"}
    assert len({s.columns for s in specs}) > 40
    assert any(s.two_pages for s in specs) and any(s.landscape for s in specs) and any(s.sub_lines for s in specs)
    assert {s.sub_line_style for s in specs} == {"indented_small", "indented", "small"}


def test_the_labels_are_what_the_pages_print() -> None:
    for seed in range(3100, 3112):
        doc = make_tablefuzz_po(seed)
        text = " ".join(w.text for page in load_document(doc.pdf_bytes, "x.pdf").pages for w in page.words)
        items = doc.truth["line_items"]
        assert items and doc.label["features"]["n_pages"] == len(doc.pages)
        for item in items:
            assert all(word in text for word in item["description"].split())  # wrapped or not, every word shows
            assert Decimal(item["amount"]) > 0
            if item["unit_price"] is not None and "discount" not in doc.label["features"]["columns"]:
                product = Decimal(item["quantity"]) * Decimal(item["unit_price"])
                assert abs(product - Decimal(item["amount"])) < Decimal("0.006")
            if item["sku"] is not None:
                assert item["sku"] in text
        for item, subs in zip(items, doc.label["sub_lines"], strict=True):
            assert all(sub.split(": ")[-1] in text and sub not in item["description"] for sub in subs)
        if doc.label["features"]["captions"] == "none":  # no caption row: nothing but the order's head above the items
            above = text.split(items[0]["description"].split()[0])[0]
            caption_words = {w for words in CAPTION_POOL.values() for c in words for w in c.split() if w.isalpha()}
            assert not caption_words & set(above.split())
