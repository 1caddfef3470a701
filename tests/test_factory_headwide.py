"""The header stress space (training/factory/headwide.py): the same seed gives the same bytes, the labels are what
the page prints, and held seeds print caption phrases study seeds never print."""

from __future__ import annotations

import importlib
import json
import random
from decimal import Decimal
from functools import cache
from pathlib import Path

import pytest

from training.factory.headwide import _TAX_IDS, generate_headwide, half_of_seed, make_head_po, world_tax_id
from training.factory.headwords import (
    SYLLABLES,
    TAX_CAPTIONS,
    all_phrases,
    captions,
    half_of,
    legal_forms,
    tax_countries,
)
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


@cache
def _docs(half: str) -> tuple:
    return tuple(make_head_po(seed, half) for seed in range(1, 161))


def _docs_with(half: str, **wanted: str) -> list:
    """Study or held documents whose features hold every ``wanted`` factor value (seeds 1-160, at least one)."""
    found = [d for d in _docs(half) if all(d.label["features"][k] == v for k, v in wanted.items())]
    assert found, wanted
    return found


@pytest.mark.parametrize("half", ["study", "held"])
def test_the_new_arrangements_label_what_they_print(half: str) -> None:
    docs = _docs(half)
    seen = {factor: {d.label["features"][factor] for d in docs} for factor in
            ("form", "party_layout", "letterhead", "legal_form", "tax_ids", "bare", "terms_place")}  # fmt: skip
    assert seen["form"] == {"page", "boxed", "portal"} and seen["party_layout"] == {"blocks", "four", "window"}
    assert seen["terms_place"] == {"facts", "footer", "table_caption", "sentence", "page_foot"}
    assert {"group", "division", "single", "none"} <= seen["letterhead"] and seen["bare"] == {
        "none",
        "order_date",
        "po_number",
    }
    for doc in docs:
        fields, tagged = doc.truth["fields"], _tagged(doc.label)
        for name in ("buyer_name", "vendor_name", "payment_terms", "po_number"):
            if name in fields:  # printed whole, as one run of tagged words
                assert tagged[name] == fields[name], (doc.doc_id, name)
        for name in ("buyer_tax_id", "vendor_tax_id"):
            if name in fields:
                assert tagged[name].replace(" ", "") == fields[name], (doc.doc_id, name)


@pytest.mark.parametrize("half", ["study", "held"])
def test_long_legal_forms_and_world_tax_ids_are_read_whole_and_valid(half: str) -> None:
    forms = [f.split("{}") for f in legal_forms(half)]  # (before, after) the rest of the name
    for doc in _docs_with(half, legal_form="long", tax_ids="world"):
        fields = doc.truth["fields"]
        for role in ("buyer", "vendor"):
            name = fields[f"{role}_name"]
            assert any(name.startswith(a) and name.endswith(b) and len(name) > len(a + b) + 3 for a, b in forms), name
    other = "held" if half == "study" else "study"
    for seed in range(30):  # every country's id: its check digits hold (python-stdnum)
        for country in tax_countries(half):
            printed = world_tax_id(random.Random(seed), country)
            module, _ = _TAX_IDS[country]
            assert importlib.import_module(f"stdnum.{module}").is_valid(
                printed.replace("-", "") if country == "VE" else printed
            ), (country, printed)
    captions_of = {h: {c for k in tax_countries(h) for c in TAX_CAPTIONS[k]} for h in (half, other)}
    assert not captions_of[half] & captions_of[other]


def test_the_buyer_is_the_party_whose_role_buys() -> None:
    """Four blocks: bill-to is the buyer, the vendor block the vendor, ship-to and the fourth are other companies;
    the window: the addressee under the buyer's sender line is the vendor."""
    for doc in _docs_with("study", party_layout="four"):
        fields = doc.truth["fields"]
        assert fields["buyer_name"] != fields["vendor_name"]
        assert sum(1 for w in doc.label["pages"][0]["words"] if w["tag"] == "B-buyer_name") == 1
    for doc in _docs_with("study", party_layout="window"):
        words = doc.label["pages"][0]["words"]
        sender = next(i for i, w in enumerate(words) if w["text"] == "·")
        vendor = next(i for i, w in enumerate(words) if w["tag"] == "B-vendor_name")
        assert sender < vendor and doc.label["features"]["parties"] == "buyer_head"


def test_a_bare_fact_prints_no_caption_and_terms_sit_inside_a_sentence() -> None:
    for role in ("po_number", "order_date"):
        for doc in _docs_with("study", bare=role):
            pool = set(captions(doc.label["features"]["language"], role, "study"))
            assert not pool & set(doc.label["captions"]), doc.doc_id  # no caption of that fact printed
            assert role in doc.truth["fields"]
    sentences = 0
    for doc in _docs_with("study", terms_place="sentence"):
        if "payment_terms" in doc.truth["fields"]:
            template = next(c for c in doc.label["captions"] if "{t}" in c)
            before = template.split("{t}")[0].strip()
            assert f"{before} {doc.truth['fields']['payment_terms']}" in _text(doc.label), doc.doc_id
            sentences += 1
    assert sentences


def test_a_second_company_in_the_letterhead_is_not_the_party() -> None:
    for doc in _docs_with("study", letterhead="division") + _docs_with("study", letterhead="group"):
        role = "vendor" if doc.label["features"]["parties"] == "vendor_head" else "buyer"
        words = doc.label["pages"][0]["words"]
        first_tagged = next(i for i, w in enumerate(words) if w["tag"] != "O")
        assert words[first_tagged]["tag"] == f"B-{role}_name"  # the party, not the group, carries the name
        if doc.label["features"]["letterhead"] == "division":
            assert any("{g}" in c for c in doc.label["captions"])
        else:
            assert first_tagged > 0 and words[0]["tag"] == "O"  # the group's name printed above, untagged
