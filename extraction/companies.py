"""Company names by their legal form, the one definition every reader uses (letterheads, party blocks, an
agreement's opening, a window address).

A company's name ends in the form of company its country's law gives it: 'GmbH & Co. KG', 'S.p.A.', 'Sp. z o.o.',
'S.A. de C.V.', 'Pty Ltd'. Forms that are also everyday words in some language ('as', 'se', 'co', 'sa', 'ab') count
only as printed in a company name (capitals), so 'such as' or 'come se' is no company.
"""

from __future__ import annotations

import re

# spelled with optional dots between letters; each alternative is one printed word
_ANY_CASE = (
    r"inc|incorporated|llc|l\.l\.c|llp|l\.l\.p|lllp|pllc|ltd|limited|ltda|lda|corp|corporation|plc|"
    r"gmbh|mbh|ges\.?m\.?b\.?h|kgaa|ohg|gbr|e\.k|"
    r"s\.?p\.?a|s\.?r\.?l|s\.?a\.?s|s\.?n\.?c|s\.?a\.?p\.?a|s\.?c\.?s|s\.?l\.?u|s\.?a\.?u|s\.?[aà]\.?r\.?l|s[aà]rl|"
    r"s\.?r\.?o|kft|zrt|nyrt|oyj|bvba|sprl|pte|pty|pvt|eireli|"
    r"s\.a|s/a|n\.a|b\.v|n\.v|c\.v|a/s|a\.s|o\.o|(?:sp\.\s*z\s*)?o\.o|"
    r"lt[ée]e|limit[ée]e|d\.o\.o|d\.d|i/s|k/s|p/s|v\.o\.s|s\.k\.a|s\.e\.n\.c|şti|a\.ş|sp\.[kj]|(?<=sp\.\s)[kj]"
)
# not "CO" or "PC": a US state, a personal computer
_CAPITALS = (
    r"AG|KG|SE|SA|AB|AS|ASA|ApS|APS|Oy|OY|BV|NV|LP|L\.P|Co|SL|S\.L|SAS|SRL|SpA|UG|AE|KK|"
    r"EURL|SASU|SCA|SCRL|CVBA|VOF|DAC|CLG|ULC|UAB|SIA|OÜ|HB|KB|IVS|EOOD|OOD|Kkt|Bt|K\.K|G\.K"
)
FORMS = _FORMS = rf"(?i:{_ANY_CASE})|{_CAPITALS}"

# one printed word that is a legal form (``.match``/``.fullmatch`` on a word), or a text ending in one (``.search``)
LEGAL_FORM = re.compile(rf"(?:^|(?<![\w.&/]))(?:{_FORMS})\.?$")
# a legal form at the start of what follows a name (', Inc.' after 'Acme'), as prose prints it
LEGAL_SUFFIX = re.compile(rf"^,?\s*(?:{_FORMS})\.?(?=[\s,;(]|$)")
# words that join a form's parts ('GmbH & Co. KG', 'S.A. de C.V.', 'Sp. z o.o.')
_FORM_JOINER = re.compile(r"^(?:&|\+|und|and|et|e|y|de|sp\.|z|co\.?|cie\.?)$", re.IGNORECASE)


def bare_legal_form(text: str) -> bool:
    """Whether a text is a legal form and nothing else ('GmbH & Co. KG', 'S.A. de C.V.', 'Ltd'): no company's name,
    what a reader left of a name it lost."""
    words = text.strip(" ,;").split()
    forms = [bool(LEGAL_FORM.match(w)) for w in words]
    return any(forms) and all(form or _FORM_JOINER.match(w) for form, w in zip(forms, words, strict=True))
