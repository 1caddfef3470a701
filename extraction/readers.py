"""Readers for documents that other people's systems print, and how their values join an extractor's.

An agreement in prose (``agreements``) or a caption-value form (``forms``: orders, contracts, station
invoices) is read by rules of language and layout that hold across printing systems. Their values meet
the extractor's (heuristic, layout model or both combined) field by field: two readers that agree make a
value surer; where they disagree the one with more evidence wins and its confidence drops, so that the
disagreement reaches a person rather than a silent wrong value.
"""

from __future__ import annotations

import re
from dataclasses import replace

from extraction import agreements, forms
from extraction.checks import recheck_required
from extraction.document import Document
from extraction.result import Extraction, FieldValue, Value

REVIEW_BELOW = 0.8  # the service's default review threshold (core.settings ReviewSettings)
AGREE_BONUS = 0.05
# on layouts it never met the extractor is mostly wrong, so its disagreeing is weak evidence (measured)
DISAGREE_FACTOR = 0.95
READER_WINS = 0.35
MISREAD_FIELDS = 2
SUSPECT_FACTOR = 0.8
PARTIES = ("vendor_name", "buyer_name")


def read(doc: Document) -> tuple[str, dict[str, FieldValue]]:
    """The document's kind ('agreement' or 'form') and the fields its reader found."""
    if agreements.is_prose(doc):
        return "agreement", agreements.read(doc)
    return "form", forms.read(doc)


def read_into(doc: Document, extraction: Extraction) -> None:
    """Read the document by its kind's rules and join the values into the extractor's ``extraction``. A number
    under an agreement's caption in another language is a contract's own number on a contract; on an order, the
    agreement it calls off, no field of the order's."""
    kind, found = read(doc)
    agreement = found.pop(forms.AGREEMENT_NUMBER, None)
    if agreement is not None and extraction.doc_type == "contract":
        found.setdefault("contract_number", agreement)
    merge(extraction, kind, found)


def same(a: Value, b: Value) -> bool:
    if isinstance(a, str) and isinstance(b, str):
        return " ".join(re.sub(r"[\W_]+", " ", a).casefold().split()) == " ".join(
            re.sub(r"[\W_]+", " ", b).casefold().split()
        )
    return a == b


def join(mine: FieldValue, theirs: FieldValue | None, prose: bool = False) -> FieldValue:
    """One value from the reader's and the extractor's, with a confidence that says whether they agree.

    On an agreement in prose (``prose``) the extractor, which learnt its scores on forms, takes the same first
    date or name the reader takes: its agreeing adds the bonus to the reader's confidence, and its own score
    counts for nothing (measured on the NDAs' development split: 64 of 78 effective dates the two agreed on
    were right, where the extractor's scores said 0.95 to 0.99)."""
    if theirs is None or theirs.value is None:
        return mine
    if same(mine.value, theirs.value):
        if prose:
            return replace(mine, confidence=round(min(0.99, mine.confidence + AGREE_BONUS), 4))
        best = max(mine, theirs, key=lambda cell: cell.confidence)
        return replace(best, confidence=round(min(0.99, max(mine.confidence, theirs.confidence) + AGREE_BONUS), 4))
    # a value read under its caption (or in its preamble) beats a general extractor's guess, whose own score
    # says little on layouts it never met; a weakly captioned one does not
    winner = mine if mine.confidence >= READER_WINS or mine.confidence >= theirs.confidence else theirs
    return replace(winner, confidence=round(winner.confidence * DISAGREE_FACTOR, 4))


def merge(extraction: Extraction, kind: str, found: dict[str, FieldValue]) -> None:
    """The reader's fields joined into the extraction in place; review reasons follow the new confidences."""
    changed: set[str] = set()
    if kind == "agreement":
        changed |= _merge_parties(extraction, found)
    for name in PARTIES if kind == "form" else ():
        cell = extraction.fields.get(name)
        if cell is not None and isinstance(cell.value, str) and forms.is_caption(cell.value):
            del extraction.fields[name]  # the extractor took a caption of the form for the party ('Alt #')
            changed.add(name)
    misread = 0
    for name, mine in found.items():
        if name in PARTIES and kind == "agreement":
            continue
        theirs = extraction.fields.get(name)
        misread += theirs is not None and theirs.value is not None and not same(mine.value, theirs.value)
        extraction.fields[name] = join(mine, theirs, kind == "agreement")
        changed.add(name)
    if misread >= MISREAD_FIELDS:
        # the extractor misread this layout where the captions can be checked: its other values are suspect
        for name, cell in extraction.fields.items():
            if name not in found and name not in changed and name != "currency" and cell.value is not None:
                extraction.fields[name] = replace(cell, confidence=round(cell.confidence * SUSPECT_FACTOR, 4))
                changed.add(name)
    if kind == "agreement" and extraction.doc_type == "other":
        extraction.doc_type = "contract"
    _review_reasons(extraction, changed)


def _merge_parties(extraction: Extraction, found: dict[str, FieldValue]) -> set[str]:
    """An agreement's parties are the ones its opening names: the extractor's party names count only as votes
    for them, and where it read the same two names its roles (buyer, vendor) stand; a name it read that the
    opening does not name goes (measured on held-out NDAs: such names were parties one time in five)."""
    theirs = {name: extraction.fields[name] for name in PARTIES if extraction.fields.get(name) is not None}
    mine = dict(found)
    swapped = {name: mine[other] for name, other in zip(PARTIES, reversed(PARTIES), strict=True) if other in mine}
    if all(name in theirs and name in swapped and same(swapped[name].value, theirs[name].value) for name in PARTIES):
        mine = swapped
    for name in PARTIES:
        cell = mine.get(name)
        if cell is None:
            extraction.fields.pop(name, None)
            continue
        match = next((c for c in theirs.values() if c.value is not None and same(c.value, cell.value)), None)
        extraction.fields[name] = join(cell, match, prose=True)
    return set(PARTIES)


def _review_reasons(extraction: Extraction, changed: set[str]) -> None:
    kept = [r for r in extraction.review_reasons if not any(re.search(rf"\b{name}\b", r) for name in changed)]
    for name in sorted(changed):
        cell = extraction.fields.get(name)
        if cell is not None and cell.value is not None and cell.confidence < REVIEW_BELOW:
            kept.append(f"low confidence: {name} ({cell.confidence:.2f})")
    extraction.review_reasons[:] = kept
    recheck_required(extraction)
