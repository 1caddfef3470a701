"""Reference numbers as people type them: one key per PO or contract number, whatever its spelling.

"PO-774-928993", "po 774928993", "774 928993" and "P.O. #0774-928993" are one number to an AP team, and so is a
contract number with or without its revision ("MSA-2024-017 Rev. 2", "MSA 2024-17"). ``reference_key`` maps
them all to one string, which the service stores in an indexed column and looks up by (customer, key).
"""

from __future__ import annotations

import re

_SEP = r"[\s\-_/.#:,;()\[\]]"
# Words printed in front of the number itself; removed only when a separator or a digit follows them.
_PREFIX = re.compile(
    rf"^(?:p\.?\s*o\.?|purchase\s*order|order|contract|agreement|ctr|ref(?:erence)?|no\.?|nr\.?|number|num)"
    rf"(?={_SEP}|\d){_SEP}*"
)
# A revision or amendment suffix: "Rev. 2", "-R3", "/v2", "Amendment 1", "(rev B)".
_REVISION = re.compile(
    rf"(?:{_SEP}+(?:rev(?:ision)?|amendment|amd|version|ver|v|r)|rev(?:ision)?)\.?\s*[0-9a-z]{{1,3}}\)?$"
)
_SEPARATORS = re.compile(f"{_SEP}+")
_LEADING_ZEROS = re.compile(r"(?<![0-9])0+(?=[0-9])")


def reference_key(number: object) -> str:
    """The key two spellings of one PO or contract number share ("" for no number): case, prefixes ("PO",
    "Contract No."), spaces, dashes, dots, leading zeros of each run of digits and revision suffixes do not
    count."""
    text = str(number or "").strip().casefold()
    if not text:
        return ""
    previous = None
    while previous != text:  # "PO No. 4711": both words go
        previous = text
        text = _PREFIX.sub("", text, count=1)
    stripped = _REVISION.sub("", text)
    if any(ch.isdigit() for ch in stripped):  # "Rev 2" alone is a number, not a suffix
        text = stripped
    # Leading zeros go per group as typed ("2024-017" is "2024-17"), before the groups are joined.
    key = "".join(_LEADING_ZEROS.sub("", group) for group in _SEPARATORS.split(text))
    return key or _SEPARATORS.sub("", str(number).casefold())
