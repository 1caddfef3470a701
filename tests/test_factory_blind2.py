"""The second blind set: captions nobody taught the extractor or the factory, labels that add up, scans that render."""

from __future__ import annotations

import json
from datetime import date, timedelta
from decimal import Decimal
from pathlib import Path
from types import ModuleType
from typing import Any

import pytest
from dateutil.relativedelta import relativedelta
from stdnum import luhn
from stdnum.au import abn
from stdnum.es import cif
from stdnum.eu import vat
from stdnum.gb import vat as gb_vat
from stdnum.in_ import gstin
from stdnum.mx import rfc
from stdnum.pl import nip
from stdnum.us import ein

from extraction.heuristic.vocabulary import LANGUAGE_PARTY_WORDS, _column_roles_of
from extraction.result import HEADER_FIELDS, LINE_FIELDS
from tests.test_factory_heldout import _known_label
from training.factory import blind, contract, heldout, invoices, po, values, vocab
from training.factory.blind2 import (
    BLIND2_SPLITS,
    COLUMN_ROLES,
    FAMILIES,
    amount_in_words,
    blind2_captions,
    blind2_families,
    format_day,
    format_num,
    make_blind2,
    make_scan2,
    pesos_in_words,
    tax_id,
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
    runs: list[list[str]] = []
    for w in _words(doc):
        if w["tag"] == f"B-{name}":
            runs.append([])
        if w["tag"][2:] == name:
            runs[-1].append(w["text"])
    return {_bare(" ".join(run)) for run in runs}


def _bare(text: str) -> str:
    return text.replace(" ", "").rstrip(",;:)»”")


def test_blind2_captions_are_unknown_to_the_heuristic() -> None:
    known: list[tuple[str, str, object]] = []
    for role, words in blind2_captions().items():
        for word in words:
            if role in (*COLUMN_ROLES, "schedule_column"):
                if _column_roles_of(word):
                    known.append((role, word, _column_roles_of(word)))
            elif role not in TITLE_ROLES and _known_label(word) and not LANGUAGE_PARTY_WORDS.match(word):
                known.append((role, word, "label"))
    assert not known


def test_blind2_captions_are_absent_from_the_factorys_other_pools() -> None:
    pools = set().union(*(_pool(m) for m in (vocab, values, po, contract, heldout, invoices, blind)))
    pools |= {_norm(w) for words in heldout.heldout_words().values() for w in words}
    pools |= {_norm(w) for words in blind.blind_captions().values() for w in words}
    clashes = sorted(w for words in blind2_captions().values() for w in words if _norm(w) in pools)
    assert not clashes


def test_blind2_families_are_many_new_and_split_once() -> None:
    ids = [f.family for f in FAMILIES]
    assert len(set(ids)) == len(ids) >= 16
    assert all(i.startswith(("po-blind2-", "contract-blind2-")) for i in ids)
    assert not {f.name for f in FAMILIES} & {f.name for f in blind.FAMILIES}
    dev, test = set(BLIND2_SPLITS["dev"]), set(BLIND2_SPLITS["test"])
    assert not dev & test and dev | test == {f.name for f in FAMILIES}
    for split in ("dev", "test"):
        assert {f.kind for f in blind2_families(split)} == {"po", "contract"}


@pytest.mark.parametrize("fam", PO_FAMILIES, ids=lambda f: f.name)
def test_blind2_po_labels_add_up_and_match_the_print(fam: Any) -> None:
    for seed in (1, 2):
        doc = make_blind2(seed, fam)
        m, fields, items = doc.model, doc.truth["fields"], doc.truth["line_items"]
        assert set(fields) <= set(HEADER_FIELDS) and all(set(item) == set(LINE_FIELDS) for item in items)
        for ln in m.lines:
            assert ln.amount == q2(ln.quantity * ln.unit_price * (1 - (ln.discount_pct or 0) / Decimal(100)))
        assert Decimal(fields["subtotal"]) == sum(Decimal(i["amount"]) for i in items)
        assert m.total == m.subtotal - m.discount + m.freight + m.tax_total
        assert Decimal(fields["total"]) == m.total
        if "tax_total" in fields:
            assert Decimal(fields["tax_total"]) == sum(m.tax_by_rate.values())
        assert m.discount == q2(m.subtotal * m.discount_pct / 100)
        for name in ("po_number", "buyer_name", "vendor_name", "payment_terms", "buyer_tax_id", "vendor_tax_id",
                     "order_date"):  # fmt: skip
            if name in fields and name != "order_date":
                assert _tagged(doc, name) == {_bare(str(fields[name]))}, name
        assert _tagged(doc, "order_date") == {_bare(format_day(m.order_date, fam.dates, fam.lang))}
        descriptions = [" ".join(w["text"] for w in _words(doc) if w["tag"][2:] == "description" and w["row"] == i)
                        for i in range(len(items))]  # fmt: skip
        assert descriptions == [i["description"] for i in items]
        amounts = [" ".join(w["text"] for w in _words(doc) if w["tag"][2:] == "amount" and w["row"] == i)
                   for i in range(len(items))]  # fmt: skip
        assert [a.replace(" ", "") for a in amounts] == [format_num(Decimal(i["amount"]), fam.numbers).replace(" ", "")
                                                         for i in items]  # fmt: skip
        units = [" ".join(w["text"] for w in _words(doc) if w["tag"][2:] == "unit" and w["row"] == i)
                 for i in range(len(items))]  # fmt: skip
        assert units == [i["unit"] or "" for i in items]
        assert not [w["text"] for w in _words(doc) if "?" in w["text"]]  # nothing lost to the font's encoding
        assert fields.get("currency") in (None, fam.currency) and doc.layout_family == fam.family
        assert fields["order_date"] == m.order_date.isoformat()
        assert fields["payment_terms_days"] == m.terms[1]


@pytest.mark.parametrize("fam", CONTRACT_FAMILIES, ids=lambda f: f.name)
def test_blind2_contract_labels_match_the_print(fam: Any) -> None:
    for seed in (1, 2, 3):
        doc = make_blind2(seed, fam)
        m, fields = doc.model, doc.truth["fields"]
        assert set(fields) <= set(HEADER_FIELDS)
        assert fields["expiry_date"] == m.expiry.isoformat() > fields["effective_date"]
        if m.term:
            n, unit = m.term
            assert m.expiry == m.effective + relativedelta(months=n * (12 if unit == "years" else 1)) - timedelta(1)
            assert "expiry_date" not in {w["tag"][2:] for w in _words(doc)}
        for name in ("contract_number", "buyer_name", "vendor_name", "payment_terms", "currency"):
            assert {t.rstrip(".") for t in _tagged(doc, name)} == {_bare(str(fields[name])).rstrip(".")}, name
        for name in ("buyer_tax_id", "vendor_tax_id"):
            if name in fields:
                assert _tagged(doc, name) == {_bare(fields[name])}
        prices = [Decimal(i["unit_price"]) for i in doc.truth["line_items"]]
        assert prices == [r for _, _, r in m.rates]
        assert not [w["text"] for w in _words(doc) if "?" in w["text"]]
        descriptions = [" ".join(w["text"] for w in _words(doc) if w["tag"][2:] == "description" and w["row"] == i)
                        for i in range(len(prices))]  # fmt: skip
        assert descriptions == [i["description"] for i in doc.truth["line_items"]]


@pytest.mark.parametrize("country", ["US", "GB", "AU", "IN", "FR", "ES", "MX", "SE", "DK", "PL", "CA"])
def test_blind2_tax_ids_are_valid(country: str) -> None:
    import random

    checks = {"US": ein.is_valid, "GB": gb_vat.is_valid, "AU": abn.is_valid, "IN": gstin.is_valid,
              "FR": vat.is_valid, "ES": cif.is_valid, "MX": rfc.is_valid, "SE": vat.is_valid, "DK": vat.is_valid,
              "PL": nip.is_valid, "CA": lambda s: luhn.is_valid(s[:9])}  # fmt: skip
    for seed in range(5):
        number = tax_id(random.Random(seed), country)
        assert number and checks[country](number), number


def test_blind2_numbers_dates_and_words_read_as_people_write_them() -> None:
    assert format_num(Decimal("1234567.5"), "in") == "12,34,567.50"
    assert format_num(Decimal("123.5"), "in") == "123.50"
    assert format_num(Decimal("1234.5"), "fr") == "1 234,50"
    assert (
        amount_in_words(Decimal("123456.05"), indian=True)
        == "One Lakh Twenty-Three Thousand Four Hundred Fifty-Six and 05/100"
    )
    assert amount_in_words(Decimal("2001000.00")) == "Two Million One Thousand and 00/100"
    words = "CIENTO CINCUENTA Y OCHO MIL TRESCIENTOS OCHENTA Y SIETE PESOS 24/100 M.N."
    assert pesos_in_words(Decimal("158387.24")) == words
    assert pesos_in_words(Decimal("2021001.00")) == "DOS MILLONES VEINTIÚN MIL UN PESOS 00/100 M.N."
    day = date(2026, 3, 4)
    assert format_day(day, "long", "pl") == "4 marca 2026 r."
    assert format_day(day, "long", "es") == "4 de marzo de 2026"
    assert format_day(day, "dd_mon", "en") == "04-MAR-2026"


@pytest.mark.slow
@pytest.mark.parametrize("fam", FAMILIES, ids=lambda f: f.name)
def test_every_blind2_family_renders_born_digital_and_scanned(fam: Any) -> None:
    doc = make_blind2(4, fam)
    assert doc.pdf_bytes.startswith(b"%PDF")
    data, label = make_scan2(doc, 4, fam.scan)
    assert label["scanned"] and label["scan"]["condition"] == fam.scan and len(data) > 1000
    assert all(p["image_width"] > 0 for p in label["pages"])
    assert [len(p["words"]) for p in label["pages"]] == [len(p["words"]) for p in doc.label["pages"]]


def test_blind2_is_deterministic_for_a_seed() -> None:
    fam = FAMILIES[0]
    assert make_blind2(9, fam).pdf_bytes == make_blind2(9, fam).pdf_bytes
    assert make_blind2(9, fam).pdf_bytes != make_blind2(10, fam).pdf_bytes


def test_cli_writes_a_blind2_split_with_labels(tmp_path: Path) -> None:
    from typer.testing import CliRunner

    from ledgerlens.cli import app

    result = CliRunner().invoke(
        app, ["data", "blind", "--set", "2", "--n", "2", "--out", str(tmp_path), "--split", "dev"]
    )
    assert result.exit_code == 0, result.output
    labels = [json.loads(p.read_text()) for p in sorted(tmp_path.glob("*-blind2-*.json"))]
    assert len(labels) == 2 and all((tmp_path / label["file"]).exists() for label in labels)
    assert {label["features"]["blind2"] for label in labels} <= set(BLIND2_SPLITS["dev"])
