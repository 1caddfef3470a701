"""Reference numbers as people type them: one key per PO or contract, whatever the spelling.

"PO-774-928993", "PO# 774 928993", "774928993" and "po 0774-928993" name the same PO; "MSA-2024-017 Rev. 2" and
"MSA 2024 017" the same contract (a revision keeps the contract's number). ``reference_key`` maps each of them
to the same key, so a lookup by key finds the document whatever the billing system typed. The key is for
lookups only; a finding shows the number as printed.
"""

from __future__ import annotations

import re
from collections.abc import Sequence
from functools import lru_cache

# Words printed before the number itself ("PO No.", "Purchase Order #", "Contract Nr."), stripped from the start
# while what is left still holds a digit.
_PREFIX = re.compile(
    r"""^(?:
        p\.?\s?o\.?(?![a-z]) | purchase[\s_-]*order | order | ord\.? | contract | ctr\.? | agreement | agmt\.?
        | ref(?:erence)?\.? | number | num\.? | no\.? | nr\.? | n[°º]\.? | \# | :
    )[\s.:#_/-]*""",
    re.IGNORECASE | re.VERBOSE,
)
# A revision or amendment at the end: "-Rev2", " rev. B", "(Revision 3)", "_v2", "/R1", " Amendment 1".
_REVISION = re.compile(
    r"""[\s._/-]*\(?(?:
        rev(?:ision)?\.?[\s._-]*(?:\d+|[a-z](?![a-z]))
        | (?:v|ver|version|r)[\s._-]*\d+
        | (?:amd|amend(?:ment)?)\.?[\s._-]*\d+
    )\)?$""",
    re.IGNORECASE | re.VERBOSE,
)


def reference_key(number: object) -> str:
    """A PO or contract number as a lookup key: no prefix word, revision suffix, separators, case or
    leading zeros. "PO-774-928993" and "774 928993" -> "774928993"; "MSA-2024-017 Rev. 2" -> "MSA2024017".

    Pure and idempotent (``reference_key(reference_key(x)) == reference_key(x)``); "" for a blank number.
    """
    return _reference_key(str(number or ""))


@lru_cache(maxsize=65536)  # pure; every check keys the same few numbers again
def _reference_key(number: str) -> str:
    key = _key_once(number)
    while (again := _key_once(key)) != key:  # "N_O 5" -> "NO5" -> "5": a fixpoint, so the key keys itself
        key = again
    return key


def _key_once(number: str) -> str:
    text = " ".join(number.split())
    while True:  # "PO No. 123": strip word by word, never the number itself
        stripped = _PREFIX.sub("", text, count=1)
        if stripped == text or not re.search(r"\d", stripped):
            break
        text = stripped
    # a revision suffix only counts when it follows a separator ("MSA-17-R2"), not glued inside ("ABR2"), and
    # the number that is left still has digits
    revision = _REVISION.search(text)
    if revision and revision.start() > 0 and re.search(r"\d", text[: revision.start()]):
        head = text[: revision.start()]
        if revision.group(0)[:1] in " ._/-(" or not head[-1:].isalnum():
            text = head
    key = re.sub(r"[^0-9A-Za-z]", "", text).upper()
    return re.sub(r"(?<![0-9])0+(?=[0-9])", "", key)  # leading zeros of every digit run: "PO-0042" is "42"


# ERPs cite a PO line as the PO number and its item: "4500012345/10", "4500012345-0010". Only a long number (five
# digits or more in a row) followed by a short one counts, so "2024/117" or "MSA-2024-017" keep their last part.
_ITEM_SUFFIX = re.compile(r"^(.*\d{5,})\s*[/-]\s*\d{1,5}$")


def reference_keys(number: object) -> list[str]:
    """Keys a cited number may name, likeliest first: its own key, then the key without a trailing PO item
    ("4500012345/10" -> "450001234510", "4500012345"). For lookups: the second key only when the first finds
    nothing."""
    key = reference_key(number)
    keys = [key] if key else []
    item = _ITEM_SUFFIX.match(" ".join(str(number or "").split()))
    if item is not None and (head := reference_key(item.group(1))) and head not in keys:
        keys.append(head)
    return keys


# Characters a scan's OCR reads one for another ("ORS41753" for "OR541753"): each to one representative.
_LOOK_ALIKE = str.maketrans("OQDILSBZG", "001115826")


def look_alike(key: str) -> str:
    """A ``reference_key`` with the characters OCR confuses made one ("ORS41753" and "OR541753" -> "0R541753"):
    for finding a reference whose number was misread when its own key finds nothing."""
    return key.translate(_LOOK_ALIKE)


def look_alike_key(number: object) -> str:
    return look_alike(reference_key(number))


def norm_id(text: object) -> str:
    """Invoice numbers (and numbers in general) as AP teams compare them: no spaces, dashes, slashes, dots or
    case. Reference numbers take ``reference_key``, which also drops prefix words and revisions."""
    return re.sub(r"[\s\-_/.#]", "", str(text or "")).casefold()


# A number found printed on a document, when its number field was misread: long enough that a coincidence (a postcode,
# a phone number's digits) is unlikely, and with a digit.
_PRINTED_MIN = 6


def printed_keys(words: Sequence[str]) -> frozenset[str]:
    """Look-alike keys of the reference numbers a page's words may print: each word and each run of two or three
    words in reading order ("N° BC20250919", "OC - 87835", "PO 774 928993"), those of six characters or more with a
    digit. For finding the document an invoice cites when its extractor read the number wrong or not at all."""
    out: set[str] = set()
    for start in range(len(words)):
        for end in range(start + 1, min(start + 3, len(words)) + 1):
            key = reference_key(" ".join(words[start:end]))
            if len(key) >= _PRINTED_MIN and any(ch.isdigit() for ch in key):
                out.add(look_alike(key))
    return frozenset(out)


def searched_keys(keys: Sequence[str]) -> frozenset[str]:
    """The cited ``keys`` (``reference_keys``) as ``printed_keys`` spells them, those long enough to search for."""
    return frozenset(look_alike(k) for k in keys if len(k) >= _PRINTED_MIN and any(ch.isdigit() for ch in k))


def prints_number(pages: Sequence[Sequence[str]], keys: Sequence[str]) -> bool:
    """Whether one of the cited ``keys`` is printed on the pages' words, OCR's confusions aside."""
    wanted = searched_keys(keys)
    return bool(wanted) and any(wanted & printed_keys(words) for words in pages)
