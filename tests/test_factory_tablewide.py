"""The wide table space: the default space unchanged, every factor drawn, and labels that follow each factor's
pricing rule and are printed in the text layer (no extractor involved)."""

from __future__ import annotations

import hashlib
import json
import random
from dataclasses import fields
from decimal import Decimal
from functools import cache
from pathlib import Path

import pypdfium2 as pdfium

from training.factory.common import GeneratedDoc
from training.factory.generate import doc_seed
from training.factory.tablefuzz import generate_tablefuzz, make_tablefuzz_po
from training.factory.tablewide import FACTORS, LANGUAGE_WORDS, WideLine, WideSpec, line_amount, sample_wide_spec
from training.factory.values import format_number, format_quantity, q2

# the wide space's documents for these bench seeds (all below the session's honest test seeds)
SEEDS = [doc_seed(seed, index) for seed in range(1, 41, 3) for index in range(3)]


@cache
def _doc(seed: int) -> GeneratedDoc:
    return make_tablefuzz_po(seed, space="wide")


@cache
def _pages_text(seed: int) -> tuple[str, ...]:
    pdf = pdfium.PdfDocument(_doc(seed).pdf_bytes)
    out = tuple(" ".join(pdf[index].get_textpage().get_text_range().split()) for index in range(len(pdf)))
    pdf.close()
    return out


def _sha(*chunks: bytes) -> str:
    digest = hashlib.sha256()
    for chunk in chunks:
        digest.update(chunk)
    return digest.hexdigest()


def test_the_default_space_writes_the_same_bytes_as_before_the_wide_space(tmp_path: Path) -> None:
    # pinned from the generator before the wide space existed: old seeds' figures stay comparable
    docs = [make_tablefuzz_po(seed) for seed in (3101, 3107, 3109, 7)]
    chunks = [c for d in docs for c in (d.pdf_bytes, json.dumps(d.label, sort_keys=True).encode())]
    assert _sha(*chunks) == "fac5be4186bded600641323068aeaa9442207aa2b426f9d10b6e00d64bff4404"
    generate_tablefuzz(4, tmp_path, 32)
    files = sorted(tmp_path.iterdir())
    folder = _sha(*[c for p in files for c in (p.name.encode(), p.read_bytes())])
    assert folder == "1d49cbaa3f44e37d7470da677f58926a0222052ad0d0fe7c9e8161124796a195"


def test_a_wide_seed_gives_the_same_document_and_another_seed_another(tmp_path: Path) -> None:
    first, again, other = _doc(SEEDS[0]), make_tablefuzz_po(SEEDS[0], space="wide"), _doc(SEEDS[1])
    assert first.pdf_bytes == again.pdf_bytes and first.label == again.label
    assert first.pdf_bytes != other.pdf_bytes
    paths = generate_tablefuzz(2, tmp_path, 7, space="wide")
    assert [p.name for p in paths] == ["po-tablefuzz-wide-7-000000.json", "po-tablefuzz-wide-7-000001.json"]
    assert json.loads(paths[0].read_text())["features"]["space"] == "wide"


def test_every_factor_takes_every_value_and_is_recorded() -> None:
    specs = [sample_wide_spec(random.Random(seed)) for seed in range(400)]
    assert {f.name for f in fields(WideSpec)} - {"font_family", "columns"} <= set(FACTORS)
    expected = {
        "layout": {"grid", "cards"},
        "captions": {"lang", "pool", "nonsense", "none"},
        "language": set(LANGUAGE_WORDS),
        "caption_lines": {1, 2},
        "currency": {"none", "symbol", "code", "column"},
        "sku": {"none", "column", "in_description", "two_parts"},
        "line_numbers": {"none", "ones", "tens", "dotted"},
        "sections": {True, False},
        "price_per": {"unit", "100", "1000", "mixed"},
        "quantities": {"integer", "decimal"},
        "unit": {"column", "in_quantity", "none"},
        "discount": {"none", "percent", "amount", "percent_net", "percent_amount_net"},
        "tax": {"none", "rate", "gross"},
        "specials": {"none", "free", "credit", "both"},
        "rules": {"boxed", "ruled", "zebra", "none"},
        "align": {"left", "right"},
        "leaders": {True, False},
        "size": {"tiny", "normal", "long"},
        "continuation": {"repeat_carried", "repeat", "bare"},
    }
    for name, values in expected.items():
        assert {getattr(s, name) for s in specs} == values, name
    features = _doc(SEEDS[0]).label["features"]
    assert set(FACTORS) <= set(features)


def _rule_amount(line: WideLine, spec_discount: str, gross: bool) -> Decimal:
    """The pricing rule written again from the factor's description, apart from the generator's."""
    base = q2(line.quantity * line.unit_price / line.per)
    if spec_discount in ("percent", "percent_net", "percent_amount_net"):
        assert line.discount_amount == q2(base * line.discount_pct / 100)
    elif spec_discount == "none":
        assert line.discount_amount == 0 and line.discount_pct == 0
    net = base - line.discount_amount
    return q2(net * (1 + line.tax / 100)) if gross else net


def test_the_amounts_follow_each_documents_pricing_rule() -> None:
    seen = set()
    for seed in SEEDS:
        doc = _doc(seed)
        features, lines = doc.label["features"], doc.model
        gross = features["tax"] == "gross"
        for line, truth in zip(lines, doc.truth["line_items"], strict=True):
            assert line.amount == _rule_amount(line, features["discount"], gross) == line_amount(line, gross)
            assert Decimal(truth["amount"]) == line.amount and Decimal(truth["quantity"]) == line.quantity
            if line.per == 1:
                assert Decimal(truth["unit_price"]) == line.unit_price
            else:
                assert truth["unit_price"] is None  # the contract has no price unit
            assert line.net_price == q2(line.unit_price * (1 - line.discount_pct / 100))
            if line.unit_price == 0:
                assert line.amount == 0
                seen.add("free")
            if line.amount < 0:
                seen.add("credit")
            if line.per != 1:
                seen.add("per")
            if features["tax"] == "none":
                assert line.tax == 0
        sku_labelled = features["sku"] == "column" or (
            features["sku"] == "two_parts" and features["captions"] == "lang"
        )
        assert all((item["sku"] is not None) == sku_labelled for item in doc.truth["line_items"])
    assert seen == {"free", "credit", "per"}


def _printed(value: Decimal, numbers: str, quantity: bool = False) -> str:
    return format_quantity(abs(value), numbers) if quantity else format_number(abs(value), numbers)


def test_every_labelled_value_is_printed_in_the_text_layer() -> None:
    for seed in SEEDS:
        doc = _doc(seed)
        numbers = doc.label["features"]["numbers"]
        text = " ".join(_pages_text(seed))
        words = set(text.split())
        assert doc.label["features"]["n_pages"] == len(_pages_text(seed))
        for item in doc.truth["line_items"]:
            assert set(item["description"].split()) <= words, item["description"]
            if item["sku"] is not None:
                assert item["sku"] in words
            assert _printed(Decimal(item["quantity"]), numbers, quantity=True) in text
            assert _printed(Decimal(item["amount"]), numbers) in text
            if item["unit_price"] is not None:
                assert _printed(Decimal(item["unit_price"]), numbers) in text
        for item, subs in zip(doc.truth["line_items"], doc.label["sub_lines"], strict=True):
            assert all(sub.split(": ")[-1] in text and sub not in item["description"] for sub in subs)


def test_section_subtotals_and_carried_forward_sums_are_the_items_above_them() -> None:
    checked = set()
    for seed in SEEDS:
        doc = _doc(seed)
        features, lines = doc.label["features"], doc.model
        pages = _pages_text(seed)
        if features["sections"]:
            for section in {line.section for line in lines}:
                total = sum((line.amount for line in lines if line.section == section), Decimal("0.00"))
                assert _printed(total, features["numbers"]) in " ".join(pages)
            checked.add("sections")
        if features["continuation"] == "repeat_carried" and len(pages) > 1:
            first_page_rows = {w["row"] for w in doc.label["pages"][0]["words"] if w["tag"] == "B-amount"}
            carried = sum((lines[row].amount for row in first_page_rows), Decimal("0.00"))
            assert (
                _printed(carried, features["numbers"]) in pages[0]
                and _printed(carried, features["numbers"]) in pages[1]
            )
            checked.add("carried")
    assert checked == {"sections", "carried"}
