"""The unheard table space: deterministic, its captions unknown to the extractor's vocabulary, its columns
shuffled, its labels printed in the text layer; the wide space it draws from unchanged."""

from __future__ import annotations

import random
from decimal import Decimal

from extraction.heuristic.vocabulary import _column_roles_of
from extraction.loading import load_document
from training.factory.tablefuzz import make_tablefuzz_po
from training.factory.tableunheard import CAPTION_MODES, FOREIGN, _abbreviated, sample_unheard_spec
from training.factory.tablewide import _TABLE
from training.factory.values import format_number


def test_the_same_seed_gives_the_same_document_and_another_seed_another() -> None:
    first, again = make_tablefuzz_po(7001, space="unheard"), make_tablefuzz_po(7001, space="unheard")
    assert first.pdf_bytes == again.pdf_bytes and first.label == again.label
    assert first.pdf_bytes != make_tablefuzz_po(7002, space="unheard").pdf_bytes


def test_no_caption_nor_its_abbreviations_names_a_column_the_extractor_knows() -> None:
    rng = random.Random(5)
    captions = {c for row in FOREIGN.values() for c in row.values()}
    captions |= {_abbreviated(c, rng) for c in sorted(captions) for _ in range(10)}
    assert {c: roles for c in sorted(captions) if (roles := _column_roles_of(c))} == {}
    # nor a whole caption of the wide space's ten languages, whose captions the extractor was studied on
    wide = {caption.lower() for row in _TABLE.values() for caption in row.split("|")}
    assert {c.lower() for row in FOREIGN.values() for c in row.values()} & wide == set()


def test_the_factors_vary_and_columns_are_shuffled() -> None:
    draws = [sample_unheard_spec(random.Random(seed)) for seed in range(150)]
    assert {spec.captions for spec, _ in draws} == set(CAPTION_MODES)
    assert {extra["order"] for _, extra in draws} == {"shuffled", "wide"}
    assert {spec.layout for spec, _ in draws} == {"grid"}
    assert sum(spec.columns[-1] != "amount" for spec, _ in draws) > 50  # the amount anywhere
    assert {spec.numbers for spec, _ in draws} == {"en", "de", "fr", "ch"}


def test_the_labels_are_what_the_pages_print() -> None:
    for seed in range(7100, 7106):
        doc = make_tablefuzz_po(seed, space="unheard")
        text = " ".join(w.text for page in load_document(doc.pdf_bytes, "x.pdf").pages for w in page.words)
        assert doc.truth["line_items"]
        numbers = doc.label["features"]["numbers"]
        for item in doc.truth["line_items"]:
            assert item["description"].split()[0] in text
            assert format_number(abs(Decimal(item["amount"])), numbers).split()[-1] in text
