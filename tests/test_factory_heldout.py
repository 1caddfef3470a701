"""The generalisation protocol: held-out documents print words the heuristic does not know, with right truth."""

from __future__ import annotations

import re
from decimal import Decimal

from extraction.heuristic.vocabulary import (
    _PARTY_LABEL_RES,
    ADJUSTMENT_LABEL,
    LABELS,
    LANGUAGE_PARTY_WORDS,
    TAX_ID_LABEL,
    TOTALS_LINE,
    _column_roles_of,
)
from training.factory.heldout import (
    COLUMN_ROLES,
    heldout_families,
    heldout_words,
    make_heldout_contract,
    make_heldout_po,
    split_families,
)


def _known_label(text: str) -> bool:
    return (
        any(re.match(p, text, re.I) for patterns in LABELS.values() for p, _, _ in patterns)
        or any(p.match(text) for patterns in _PARTY_LABEL_RES.values() for p, _ in patterns)
        or bool(TOTALS_LINE.match(text) or ADJUSTMENT_LABEL.match(text) or TAX_ID_LABEL.match(text))
    )


def test_heldout_vocabulary_is_unknown_to_the_heuristic() -> None:
    # the party roles' ordinary words in the languages orders come in (vocabulary.LANGUAGE_PARTY_WORDS) are set
    # aside: a language's words, which any order in it prints, not a family's own captions (parties7)
    known = []
    for role, words in heldout_words().items():
        for word in words:
            if role in COLUMN_ROLES and _column_roles_of(word):
                known.append((role, word, _column_roles_of(word)))
            label = role not in COLUMN_ROLES and role not in ("delivery", "note", "title")
            if label and _known_label(word) and not LANGUAGE_PARTY_WORDS.match(word):
                known.append((role, word, "label"))
    assert not known


def test_heldout_families_are_many_and_new() -> None:
    families = heldout_families()
    assert len(set(families)) == len(families) >= 20
    # a family id names its generator, so no held-out family can be one the seen generators draw
    assert all(f.startswith(("po-heldout-", "contract-heldout-")) for f in families)


def test_the_calibration_and_test_halves_split_the_heldout_families_and_their_words() -> None:
    calibration, test = split_families("calibration"), split_families("test")
    assert not calibration & test and calibration | test == set(heldout_families())
    po, contract = make_heldout_po(11, families=test), make_heldout_contract(11, families=test)
    assert {po.label["layout_family"], contract.label["layout_family"]} <= test
    assert po.label["features"]["language"] in ("fr", "es")  # captions in languages the calibration half never prints


def test_heldout_po_truth_adds_up_and_keeps_sub_lines_out_of_descriptions() -> None:
    for seed in range(12):
        doc = make_heldout_po(seed)
        lines = doc.truth["line_items"]
        assert lines and all(Decimal(ln["amount"]) > 0 for ln in lines)
        subtotal = doc.truth["fields"].get("subtotal")
        if subtotal is not None:  # the sum of the lines, whatever charges follow
            assert Decimal(subtotal) == sum(Decimal(ln["amount"]) for ln in lines)
        words = " ".join(w["text"] for page in doc.label["pages"] for w in page["words"])
        if doc.label["features"]["table"] == "erp_sublines":
            assert doc.label["features"]["sub_lines"] == len(lines)
            assert all(":" not in ln["description"] for ln in lines)
        for caption in ("Purchase Order", "Description", "Quantity", "Unit Price", "Subtotal"):
            assert caption not in words


def test_heldout_contract_expiry_as_a_term() -> None:
    docs = [make_heldout_contract(seed) for seed in range(30)]
    termed = [d for d in docs if d.label["features"]["expiry"] == "term"]
    assert termed
    for doc in termed:
        text = " ".join(w["text"] for page in doc.label["pages"] for w in page["words"])
        months = int(re.search(r"for a period of (\d+) months", text).group(1))  # type: ignore[union-attr]
        effective, expiry = doc.model.effective_date, doc.model.expiry_date
        assert doc.truth["fields"]["expiry_date"] == expiry.isoformat()
        assert (expiry.year - effective.year) * 12 + expiry.month - effective.month in (months, months - 1)
