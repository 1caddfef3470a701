"""The header stress space (training/factory/headwide.py): the same seed gives the same bytes, the labels are what
the page prints, and held seeds print caption phrases study seeds never print."""

from __future__ import annotations

import json
from decimal import Decimal
from pathlib import Path

import pytest

from training.factory.headwide import generate_headwide, half_of_seed, make_head_po
from training.factory.headwords import SYLLABLES, all_phrases, half_of
from training.factory.values import format_number

SEEDS = range(1, 41)


def _text(label: dict) -> str:
    return " ".join(w["text"] for page in label["pages"] for w in page["words"])


def _tagged(label: dict) -> dict[str, str]:
    out: dict[str, list[str]] = {}
    for page in label["pages"]:
        for word in page["words"]:
            if word["tag"] != "O":
                out.setdefault(word["tag"][2:], []).append(word["text"])
    return {name: " ".join(words) for name, words in out.items()}


def _made_up(word: str, half: str) -> bool:
    """A made-up caption word: two-letter syllables of the half's set only."""
    lower = word.lower()
    return len(lower) % 2 == 0 and all(lower[i : i + 2] in SYLLABLES[half] for i in range(0, len(lower), 2))


def test_the_same_seed_gives_the_same_bytes_and_labels() -> None:
    a, b = make_head_po(123, "study"), make_head_po(123, "study")
    assert a.pdf_bytes == b.pdf_bytes
    assert a.label == b.label
    assert make_head_po(124, "study").pdf_bytes != a.pdf_bytes


def test_seed_rule() -> None:
    assert [half_of_seed(s) for s in (1, 499, 500, 731)] == ["study", "study", "held", "held"]


@pytest.mark.parametrize("half", ["study", "held"])
def test_labels_are_what_the_page_prints(half: str) -> None:
    for seed in SEEDS:
        doc = make_head_po(seed, half)
        fields, text, tagged = doc.truth["fields"], _text(doc.label), _tagged(doc.label)
        numbers = doc.label["features"]["numbers"]
        for name in ("po_number", "buyer_name", "vendor_name", "payment_terms"):
            if name in fields:
                assert fields[name] in text, (seed, name)
                assert tagged[name] == fields[name], (seed, name)
        for name in ("buyer_tax_id", "vendor_tax_id"):
            if name in fields:
                assert tagged[name].replace(" ", "") == fields[name], (seed, name)
        for name in ("subtotal", "total"):
            assert format_number(Decimal(fields[name]), numbers) in tagged[name], (seed, name)
        if doc.label["features"]["tax_rates"] == 1:
            assert format_number(Decimal(fields["tax_total"]), numbers) in tagged["tax_total"], seed
        assert "order_date" in tagged and str(int(fields["order_date"][:4])) in tagged["order_date"], seed
        if "payment_terms" in fields:
            days = fields["payment_terms_days"]
            assert days == 0 or str(days) in fields["payment_terms"], seed
        # the totals add up from the lines
        lines = sum(Decimal(item["amount"]) for item in doc.truth["line_items"])
        assert Decimal(fields["subtotal"]) == lines


def test_study_and_held_seeds_print_disjoint_caption_phrases() -> None:
    assert not all_phrases("study") & all_phrases("held")
    printed: dict[str, set[str]] = {"study": set(), "held": set()}
    for seed in SEEDS:
        for half in printed:
            captions = make_head_po(seed, half).label["captions"]
            assert all(half_of(c) == half or _made_up(c, half) for c in captions), (seed, half)
            printed[half] |= {c.lower() for c in captions}
    assert len(printed["study"]) > 100 and len(printed["held"]) > 100
    assert not printed["study"] & printed["held"]
    assert not set(SYLLABLES["study"]) & set(SYLLABLES["held"])  # made-up words: from disjoint syllables


def test_generate_writes_labelled_documents(tmp_path: Path) -> None:
    paths = generate_headwide(2, tmp_path, 7)
    assert len(paths) == 2
    label = json.loads(paths[0].read_text())
    assert (tmp_path / label["file"]).read_bytes().startswith(b"%PDF")
    assert label["features"]["half"] == "study" and label["features"]["space"] == "headwide"
