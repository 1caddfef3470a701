"""Payment terms as the page prints them, less what reached into them from around: ``trim_terms(doc, extraction)``.

Whatever reader found the terms may have taken the words around them with them: the sentence that leads to them
('Om inget annat avtalats gäller: 30 dagar efter månadens slut', 'Unless agreed otherwise in writing, payment terms
are Payable within 60 days') or the full stop of the sentence they end ('14 dias fim do mês.'). The terms are the
shortest tail of the text that reads as the same terms (``terms.parse_terms``): after the last colon that ends a
sentence (three words or more; a caption the cell prints stays, as the form prints it), or from a capital that
starts a word of paying after a sentence of lower-case words. Punctuation, case and the parser: no caption's words,
so it holds for languages never met.
"""

from __future__ import annotations

import re
from dataclasses import replace

from extraction.document import Document
from extraction.result import Extraction
from extraction.terms import PAYING_STEMS, parse_terms

PAYING_START = re.compile(r"(?:" + PAYING_STEMS + r")", re.IGNORECASE)
LEAD_WORDS = 4  # a sentence before the terms has at least these many words
# a vowel of the scripts the project reads: a word of three letters with one is a word, not an abbreviation ('mês',
# 'dni'); the stop after 'jrs' or 'gg' is an abbreviation's
_VOWEL = re.compile(r"[aeiouyàáâãäåæèéêëìíîïòóôõöøùúûüýąęėįųůěőűœαεηιοωυаеёиоуыэюяіїє]", re.IGNORECASE)


def trim_terms(doc: Document, extraction: Extraction) -> None:
    """The extraction's payment terms less a sentence before them or the full stop after them, where what is left
    reads as the same terms."""
    cell = extraction.fields.get("payment_terms")
    if extraction.doc_type == "contract" or cell is None or not isinstance(cell.value, str):
        return  # a contract's terms are its clause
    trimmed = terms_text(cell.value)
    if trimmed != cell.value:
        extraction.fields["payment_terms"] = replace(cell, value=trimmed)


def terms_text(text: str) -> str:
    """'Le règlement sera effectué comme suit : 14 jours net.' -> '14 jours net'; terms the parser cannot read,
    or that read otherwise without their lead, unchanged."""
    whole = parse_terms(text)
    if whole is None:
        return text
    out = _without_sentence_stop(" ".join(text.split()))
    if ":" in out:
        lead, tail = (part.strip() for part in out.rsplit(":", 1))
        # a sentence before the colon, not a caption printed in the cell ('Payment: 60 days end of month' is the
        # value its form prints under 'Payment:')
        if len(lead.split()) >= LEAD_WORDS - 1 and tail and parse_terms(tail) == whole:
            out = tail
    words = out.split()
    for k in range(len(words) - 1, LEAD_WORDS - 1, -1):
        word, before = words[k], words[k - 1].rstrip(",")
        if not (word[:1].isupper() and before.isalpha() and before.islower() and PAYING_START.match(word)):
            continue
        tail = " ".join(words[k:])
        if parse_terms(tail) == whole:
            out = tail
            break
    return out


def _without_sentence_stop(text: str) -> str:
    """The text less the full stop of the sentence it ends: after a word of three letters or more with a vowel."""
    joined = re.sub(r"\s+\.$", ".", text)  # a stop set apart from its word ('Rimessa diretta .')
    last = joined.split()[-1] if joined.split() else ""
    word = last[:-1]
    if last.endswith(".") and len(word) >= 3 and word.isalpha() and _VOWEL.search(word):
        return joined[:-1]
    return text
