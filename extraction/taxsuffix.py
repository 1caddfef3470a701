"""A tax id completed by the letters its scheme prints after it: ``complete_tax_ids(doc, extraction)``.

Some VAT numbers end in letters printed as a word of their own after the digits ('Org.nr. 970 625 437 MVA': a
Norwegian organisation number is a VAT number only with its 'MVA'). A reader that stops at the digits keeps the
register number, not the VAT number the page prints. Which letters complete an id is python-stdnum's: the word
after the id is kept where the id with it is a valid VAT number of a country and the id alone is not that
country's.
"""

from __future__ import annotations

import pkgutil
import re
from dataclasses import replace
from functools import cache
from typing import TYPE_CHECKING

import stdnum
from stdnum import get_cc_module

from extraction.document import Document, Word, union_bbox
from extraction.layout import group_lines
from extraction.result import Extraction

if TYPE_CHECKING:
    from stdnum.util import NumberValidationModule

FIELDS = ("buyer_tax_id", "vendor_tax_id")
_SUFFIX = re.compile(r"^[^\W\d_]{2,4}$")  # a word of two to four letters


@cache
def vat_modules() -> tuple[NumberValidationModule, ...]:
    """Every country's VAT number module python-stdnum has (its 'vat' alias: Norway's is 'mva')."""
    codes = sorted(info.name for info in pkgutil.iter_modules(stdnum.__path__) if info.ispkg and len(info.name) == 2)
    return tuple(module for code in codes if (module := get_cc_module(code, "vat")) is not None)


def completed(number: str, word: str) -> str | None:
    """``number`` with ``word`` after it where that makes a VAT number valid in a country whose VAT numbers the
    number alone is not."""
    suffix = word.strip(".,;:)").upper()
    if not _SUFFIX.match(suffix):
        return None
    if any(m.is_valid(number + suffix) and not m.is_valid(number) for m in vat_modules()):
        return number + suffix
    return None


def complete_tax_ids(doc: Document, extraction: Extraction) -> None:
    """Each party's tax id with the letters printed after it on the page where its scheme ends in them."""
    for name in FIELDS:
        cell = extraction.fields.get(name)
        if cell is None or not isinstance(cell.value, str) or not cell.value:
            continue
        for page in doc.pages:
            found = _after(page.words, cell.value)
            if found is not None:
                value, words = found
                box = union_bbox([w.bbox for w in words])
                extraction.fields[name] = replace(cell, value=value, bbox=box, raw=" ".join(w.text for w in words))
                break


def _after(words: list[Word], number: str) -> tuple[str, list[Word]] | None:
    """The number completed by the word after its printing on a line (its words joined without spaces)."""
    for line in group_lines(words):
        texts = [w.text.strip(",;") for w in line.words]
        for start in range(len(texts)):
            joined = ""
            for end in range(start, len(texts)):
                joined += texts[end]
                if len(joined) >= len(number):
                    break
            if joined.endswith(number) and end + 1 < len(texts):
                value = completed(number, texts[end + 1])
                if value is not None:
                    return value, line.words[start : end + 2]
    return None
