"""The factory's truth holds what the document shows, no more, no less, and the tags point at it."""

from __future__ import annotations

import re
from collections import Counter

import pytest

from models.layout.labels import HEADER_TAGS
from training.factory.contract import make_contract
from training.factory.po import make_po
from training.factory.values import CURRENCIES, PAYMENT_TERMS

# symbols that name one currency wherever they are printed ("zł" is printed "zl" in the Type1 fonts)
SYMBOLS = {"€": "EUR", "£": "GBP", "zł": "PLN", "zl": "PLN", "kr": "SEK"}
DOLLARS = {"USD", "CAD", "AUD"}


@pytest.fixture(scope="module")
def pos():
    return [make_po(s) for s in range(300, 370)]


@pytest.fixture(scope="module")
def contracts():
    return [make_contract(s) for s in range(40, 46)]


def _words(doc) -> list[dict]:
    return [w for p in doc.label["pages"] for w in p["words"]]


def _header_fields(doc) -> set[str]:
    return set(doc.truth["fields"]) - {"payment_terms_days"}


def test_every_truth_field_is_tagged_and_every_tagged_field_is_in_truth(pos, contracts):
    glued = 0
    for doc in pos + contracts:
        words = _words(doc)
        tagged = {w["tag"][2:] for w in words if w["tag"] != "O"} & set(HEADER_TAGS)
        fields = _header_fields(doc)
        assert tagged <= fields, (doc.doc_id, tagged - fields)
        untagged = fields - tagged
        # the one field a document may show without a word of its own: a symbol glued to an amount ("$1,234.50")
        assert untagged <= {"currency"}, (doc.doc_id, untagged)
        if untagged:
            symbol = CURRENCIES[doc.truth["fields"]["currency"]][0]
            amounts = [w["text"] for w in words if w["tag"] in ("B-subtotal", "B-total")]
            assert any(a.startswith(symbol) and a != symbol for a in amounts), (doc.doc_id, amounts)
            glued += 1
        if "payment_terms" in fields:
            assert isinstance(doc.truth["fields"]["payment_terms_days"], int)
    assert 0 < glued < len(pos)  # both cases were seen


def test_printed_terms_are_in_truth(pos):
    seen = Counter()
    for doc in pos:
        text = " ".join(w["text"] for w in _words(doc))
        truth_terms = doc.truth["fields"].get("payment_terms")
        printed = [t for t, _ in PAYMENT_TERMS if re.search(rf"(?<!\S){re.escape(t)}(?!\S)", text)]
        if printed:
            assert truth_terms is not None, (doc.doc_id, printed)
            assert all(t in truth_terms for t in printed), (doc.doc_id, printed, truth_terms)
            assert (truth_terms, doc.truth["fields"]["payment_terms_days"]) in PAYMENT_TERMS
            seen[doc.label["features"]["terms_place"]] += 1
        else:
            assert truth_terms is None, doc.doc_id
            seen["none"] += 1
    assert seen["meta"] and seen["below_table"] and seen["none"]


def test_printed_currency_codes_and_symbols_are_in_truth(pos, contracts):
    seen = Counter()
    for doc in pos + contracts:
        fields = doc.truth["fields"]
        assert "currency" in fields, doc.doc_id  # every generated PO and contract shows its currency somehow
        for w in _words(doc):
            if w["row"] is not None:  # table cells: an item may be an "EUR pallet"
                continue
            token = w["text"].strip("():")
            if token in CURRENCIES:
                assert fields["currency"] == token, (doc.doc_id, w)
                assert w["tag"] == "B-currency", (doc.doc_id, w)
                seen["code"] += 1
            elif token in SYMBOLS:
                assert fields["currency"] == SYMBOLS[token], (doc.doc_id, w)
                assert w["tag"] == "B-currency", (doc.doc_id, w)
                seen["standalone symbol"] += 1
            elif token[:1] in SYMBOLS:  # glued: the amount's word
                assert fields["currency"] == SYMBOLS[token[:1]], (doc.doc_id, w)
                seen["glued symbol"] += 1
            elif token.startswith("$"):
                assert fields["currency"] in DOLLARS, (doc.doc_id, w)
                seen["glued symbol"] += 1
    assert seen["code"] and seen["standalone symbol"] and seen["glued symbol"], seen


def test_tax_faults_are_expected_only_where_the_reference_shows_a_rate(contracts):
    from training.factory.invoices import make_invoices

    kinds = Counter()
    for doc in contracts:
        for entry in make_invoices(doc, 3):
            rates = {ln["tax_rate"] for ln in entry["invoice"]["lines"]}
            if entry.get("kind") == "clean_tax_unstated_on_reference":
                # the contract states no rate: a one-line invoice at another rate contradicts nothing printed
                assert len(entry["invoice"]["lines"]) == 1 and entry["expected_codes"] == []
                kinds["unstated"] += 1
            elif "TAX_MISMATCH" in entry["expected_codes"]:
                assert len(rates) > 1, entry  # visible only as lines at different rates
                kinds["fault"] += 1
    assert kinds["unstated"] and kinds["fault"], kinds
