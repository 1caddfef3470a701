"""The blind families: captions nobody taught the extractor or the factory, and labels that add up."""

from __future__ import annotations

import json
import re
from datetime import date, timedelta
from decimal import Decimal
from pathlib import Path
from types import ModuleType
from typing import Any

import pytest
from dateutil.relativedelta import relativedelta

from extraction.heuristic.vocabulary import LANGUAGE_PARTY_WORDS, _column_roles_of
from extraction.result import HEADER_FIELDS, LINE_FIELDS
from tests.test_factory_heldout import _known_label
from training.factory import contract, heldout, invoices, po, values, vocab
from training.factory.blind import (
    BLIND_SPLITS,
    COLUMN_ROLES,
    FAMILIES,
    blind_captions,
    blind_families,
    format_day,
    make_blind,
)
from training.factory.values import q2

PO_FAMILIES = [f for f in FAMILIES if f.kind == "po"]
CONTRACT_FAMILIES = [f for f in FAMILIES if f.kind == "contract"]
TITLE_ROLES = ("title", "contract_title")


def _strings(value: Any) -> set[str]:
    if isinstance(value, str):
        return {value}
    if isinstance(value, dict):
        return set().union(*(_strings(k) | _strings(v) for k, v in value.items())) if value else set()
    if isinstance(value, list | tuple | set | frozenset):
        return set().union(*(_strings(v) for v in value)) if value else set()
    return set()


def _pool(module: ModuleType) -> set[str]:
    """Every string in a module's constants (captions, vocabularies, labels), normalised."""
    found: set[str] = set()
    for name, value in vars(module).items():
        if name.isupper():
            found |= _strings(value)
    return {_norm(s) for s in found}


def _norm(text: str) -> str:
    return " ".join(text.casefold().rstrip(":").split())


def _words(doc: Any) -> list[dict[str, Any]]:
    return [w for page in doc.label["pages"] for w in page["words"]]


def _tagged(doc: Any, name: str) -> set[str]:
    """The texts of the runs of words tagged ``name`` (a footer repeats its tax id on every page), trailing
    punctuation of the sentence a value sits in left off."""
    runs: list[list[str]] = []
    for w in _words(doc):
        if w["tag"] == f"B-{name}":
            runs.append([])
        if w["tag"][2:] == name:
            runs[-1].append(w["text"])
    return {_bare(" ".join(run)) for run in runs}


def _bare(text: str) -> str:
    return text.replace(" ", "").rstrip(",;:)»”")


def test_blind_captions_are_unknown_to_the_heuristic() -> None:
    known: list[tuple[str, str, object]] = []
    for role, words in blind_captions().items():
        for word in words:
            if role in (*COLUMN_ROLES, "schedule_column"):
                if _column_roles_of(word):
                    known.append((role, word, _column_roles_of(word)))
            elif role not in TITLE_ROLES and _known_label(word) and not LANGUAGE_PARTY_WORDS.match(word):
                known.append((role, word, "label"))
    assert not known


def test_blind_captions_are_absent_from_the_factorys_other_pools() -> None:
    pools = set().union(*(_pool(m) for m in (vocab, values, po, contract, heldout, invoices)))
    pools |= {_norm(w) for words in heldout.heldout_words().values() for w in words}
    clashes = sorted(w for words in blind_captions().values() for w in words if _norm(w) in pools)
    assert not clashes


def test_blind_families_are_many_new_and_split_once() -> None:
    ids = [f.family for f in FAMILIES]
    assert len(set(ids)) == len(ids) >= 24
    assert all(i.startswith(("po-blind-", "contract-blind-")) for i in ids)
    dev, test = set(BLIND_SPLITS["dev"]), set(BLIND_SPLITS["test"])
    assert not dev & test and dev | test == {f.name for f in FAMILIES}
    for split in ("dev", "test"):
        kinds = {f.kind for f in blind_families(split)}
        assert kinds == {"po", "contract"}


@pytest.mark.parametrize("fam", PO_FAMILIES, ids=lambda f: f.name)
def test_blind_po_labels_add_up_and_match_the_print(fam: Any) -> None:
    for seed in (1, 2):
        doc = make_blind(seed, fam)
        m, fields, items = doc.model, doc.truth["fields"], doc.truth["line_items"]
        assert set(fields) <= set(HEADER_FIELDS) and all(set(item) == set(LINE_FIELDS) for item in items)
        for ln in m.lines:  # amount = quantity x price, less the line discount
            assert ln.amount == q2(ln.quantity * ln.unit_price * (1 - (ln.discount_pct or 0) / Decimal(100)))
        assert Decimal(fields["subtotal"]) == sum(Decimal(i["amount"]) for i in items)
        assert m.total == m.subtotal - m.discount + m.freight + m.tax_total
        assert Decimal(fields["total"]) == m.total
        if "tax_total" in fields:
            assert Decimal(fields["tax_total"]) == sum(m.tax_by_rate.values())
        assert m.discount == q2(m.subtotal * m.discount_pct / 100)
        # what the truth says is what the words tagged with it print
        for name in ("po_number", "buyer_name", "vendor_name", "payment_terms", "buyer_tax_id", "vendor_tax_id"):
            if name in fields:
                assert _tagged(doc, name) == {_bare(str(fields[name]))}
        descriptions = [" ".join(w["text"] for w in _words(doc) if w["tag"][2:] == "description" and w["row"] == i)
                        for i in range(len(items))]  # fmt: skip
        assert descriptions == [i["description"] for i in items]
        assert fields.get("currency") in (None, fam.currency) and doc.layout_family == fam.family
        assert fields["order_date"] == m.order_date.isoformat()
        assert fields["payment_terms_days"] == m.terms[1]


def test_long_blind_pos_carry_subtotals_forward_over_pages() -> None:
    fam = next(f for f in PO_FAMILIES if f.name == "riporto-it")
    doc = make_blind(3, fam)
    assert len(doc.pages) >= 2
    text = [" ".join(w["text"] for w in page["words"]) for page in doc.label["pages"]]
    assert "Riporto" in text[0] and "Riporto" in text[1]
    carried = re.search(r"Riporto (\S+)", text[1]).group(1)  # type: ignore[union-attr]
    on_first = sum(ln.amount for ln, _ in zip(doc.model.lines, range(_rows_on(doc, 0)), strict=False))
    assert Decimal(carried.replace(".", "").replace(",", ".")) == on_first


def _rows_on(doc: Any, page: int) -> int:
    return len({w["row"] for w in doc.label["pages"][page]["words"] if w["tag"][2:] == "amount"})


@pytest.mark.parametrize("fam", CONTRACT_FAMILIES, ids=lambda f: f.name)
def test_blind_contract_labels_match_the_print(fam: Any) -> None:
    for seed in (1, 2, 3):
        doc = make_blind(seed, fam)
        m, fields = doc.model, doc.truth["fields"]
        assert set(fields) <= set(HEADER_FIELDS)
        assert fields["expiry_date"] == m.expiry.isoformat() > fields["effective_date"]
        if m.term:  # the expiry is a term: the day before the same date n months or years later
            n, unit = m.term
            months = n * (12 if unit == "years" else 1)
            assert m.expiry == m.effective + relativedelta(months=months) - timedelta(days=1)
            assert "expiry_date" not in {w["tag"][2:] for w in _words(doc)}
        for name in ("contract_number", "buyer_name", "vendor_name", "payment_terms", "currency"):
            assert {t.rstrip(".") for t in _tagged(doc, name)} == {_bare(str(fields[name])).rstrip(".")}
        prices = [Decimal(i["unit_price"]) for i in doc.truth["line_items"]]
        assert prices == [r for _, _, r in m.rates]


def test_blind_dates_read_as_people_write_them() -> None:
    day = date(2026, 3, 4)
    assert format_day(day, "long", "de") == "4. März 2026"
    assert format_day(day, "long", "pt") == "4 de março de 2026"
    assert format_day(day, "ordinal", "en") == "March 4th, 2026"
    assert format_day(date(2026, 3, 12), "ordinal", "en") == "March 12th, 2026"
    assert format_day(day, "iso", "it") == "2026-03-04"


def test_cli_writes_a_blind_split_with_labels(tmp_path: Path) -> None:
    from typer.testing import CliRunner

    from ledgerlens.cli import app

    result = CliRunner().invoke(app, ["data", "blind", "--n", "3", "--out", str(tmp_path), "--split", "dev"])
    assert result.exit_code == 0, result.output
    labels = [json.loads(p.read_text()) for p in sorted(tmp_path.glob("*-blind-*.json"))]
    assert len(labels) == 3 and all((tmp_path / label["file"]).exists() for label in labels)
    assert {label["features"]["blind"] for label in labels} <= set(BLIND_SPLITS["dev"])
    assert json.loads((tmp_path / "dataset_card.json").read_text())["documents"] == 3
