"""Company names by their legal form, the one definition every reader uses (letterheads, party blocks, an
agreement's opening, a window address).

A company's name ends in the form of company its country's law gives it: 'GmbH & Co. KG', 'S.p.A.', 'Sp. z o.o.',
'S.A. de C.V.', 'Pty Ltd'. Forms that are also everyday words in some language ('as', 'se', 'co', 'sa', 'ab') count
only as printed in a company name (capitals), so 'such as' or 'come se' is no company.
"""

from __future__ import annotations

import functools
import re
import unicodedata
from dataclasses import replace
from pathlib import Path

from anyascii import anyascii
from babel.numbers import list_currencies
from cleanco.termdata import terms_by_country

from extraction.document import Word
from extraction.taxids import TAX_CAPTION

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


def _cleanco_forms() -> str:
    """The legal forms of many countries' law as cleanco's term lists spell them ('sdn. bhd.', 'k.d.a.', 'sae',
    'ooo'), each word as a company's name prints it: initials with their stops in any case but with a capital
    ('K.D.A.', 'e.V.', 'sh.p.k.'; not prose's 'e.g.'), or without them in capitals ('KDA'); a shortened word ('bhd.')
    capitalised or in capitals, its stop or not ('Bhd', 'SDN.'); a form without stops in capitals, or with stops
    between its letters ('SAE', 'S.A.E.'). Letters without stops are three at least (a state's 'CA', a country's
    'UK', a word's 'De' are no form) and, for a bare form, five at most (a whole word such as 'company' or 'private'
    is prose as often as a form); a tax's name ('VAT') is none, nor a currency's code in capitals ('BHD')."""
    # a term's words: a bare word of a term of several is a joiner ('and company', 'c. por a.'), no form of itself
    terms = {term for listed in terms_by_country.values() for term in listed}
    words = {word for term in terms for word in term.split() if " " not in term or "." in word}
    currencies = list_currencies()
    alternatives: set[str] = set()
    for word in words:
        letters = word.replace(".", "")
        if not letters.isalpha() or len(letters) < 2 or TAX_CAPTION.fullmatch(letters):
            continue
        capitals = letters.upper() not in currencies  # 'BHD' in capitals is a currency, 'Bhd' a form
        groups = word.strip(".").split(".")
        if len(groups) > 1:  # initials
            stopped = r"\.".join(re.escape(g) for g in groups)
            # three initials or more in any case ('sh.p.k.', 'SH.P.K.'); two with a capital ('e.V.', 'A.D.': prose
            # has 'e.g.', 'a.d.', 'p.m.' in small letters)
            alternatives.add(rf"(?i:{stopped})" if len(groups) >= 3 else rf"(?=\S*[A-Z])(?i:{stopped})")
            if len(letters) >= 3 and capitals:
                alternatives.add(re.escape(letters.upper()))
        elif len(letters) >= 3 and (word.endswith(".") or len(letters) <= 5):
            if capitals:
                alternatives.add(re.escape(letters.upper()))
            if word.endswith("."):  # a shortened word
                alternatives.add(re.escape(letters.capitalize()))
            else:
                alternatives.add(r"\.".join(letters.upper()))
    return "|".join(sorted(alternatives, key=lambda a: (-len(a), a)))


def _elf_forms() -> str:
    """The legal forms of scripts other than Latin ('ЕООД', 'ООО', 'ΑΕ', 'д.о.о.', 'ذ.م.م'), from ISO 20275's list
    of entity legal forms (extraction/elfforms.txt, written by scripts/elf_forms.py), each as listed."""
    listed = (Path(__file__).with_name("elfforms.txt")).read_text(encoding="utf-8").splitlines()
    forms = [line.strip() for line in listed if line.strip() and not line.startswith("#")]
    return "|".join(re.escape(form.rstrip(".")) for form in sorted(forms, key=lambda f: (-len(f), f)))


FORMS = _FORMS = rf"(?i:{_ANY_CASE})|{_CAPITALS}|{_cleanco_forms()}|{_elf_forms()}"

# one printed word that is a legal form (``.match``/``.fullmatch`` on a word), or a text ending in one (``.search``)
LEGAL_FORM = re.compile(rf"(?:^|(?<![\w.&/]))(?:{_FORMS})\.?$")
# a legal form at the start of what follows a name (', Inc.' after 'Acme'), as prose prints it
LEGAL_SUFFIX = re.compile(rf"^,?\s*(?:{_FORMS})\.?(?=[\s,;(]|$)")
# ISO 20275's forms printed in capitals without stops, two to five letters of any script ('PT', 'ASC', 'MMC',
# 'SHPK'; extraction/elfbare.txt, written by scripts/elf_forms.py; no currency's code): as often a code or a word
# ('PT', 'CO', 'SAT'), so a form only where a name's place makes it one (``leading_form``, ``trailing_form``)
BARE_FORMS = frozenset(
    line.strip()
    for line in Path(__file__).with_name("elfbare.txt").read_text(encoding="utf-8").splitlines()
    if line.strip() and not line.startswith("#")
)
# a form of two initials parted by a slash ('P/F', 'Sp/f', 'A/S'), as Nordic law abbreviates them
_SLASHED = re.compile(r"[^\W\d_a-z][^\W\d_]?/[^\W\d_]{1,2}")


def leading_form(text: str) -> bool:
    """Whether a word that starts a name is its legal form: a listed form ('SIA', 'ООО'), one of ISO 20275's bare
    forms ('PT', 'CV'), or two initials parted by a slash ('P/F', 'Sp/f'), whatever no list holds."""
    return bool(
        LEGAL_FORM.fullmatch(text) or text in BARE_FORMS or _SLASHED.fullmatch(text) or _transliterated_form(text)
    )


def trailing_form(text: str) -> bool:
    """Whether a word that ends a capitalised name is its legal form: a listed one; one of ISO 20275's bare forms of
    three letters or more ('ASC', 'MMC', 'SHPK'; two capitals after a name are a state or a country), or one of four
    letters or more as a name's words are set, a capital and small letters ('Sagl' for 'SAGL', 'Sarl' for 'SARL');
    or a listed form's stopped initials in small letters ('a.d.' for 'A.D.': prose's 'a.d.' or 'e.g.' follows no
    name)."""
    return bool(
        LEGAL_FORM.fullmatch(text)
        or (len(text) >= 3 and text in BARE_FORMS)
        or (len(text) >= 4 and text.istitle() and text.isalpha() and text.upper() in BARE_FORMS)
        or (_SMALL_INITIALS.fullmatch(text) and LEGAL_FORM.fullmatch(text.upper()))
        or _transliterated_form(text)
    )


@functools.lru_cache(maxsize=4096)
def _transliterated_form(text: str) -> bool:
    """Whether a word in capitals of a script other than Latin is, spelled in Latin letters, a listed form or one
    of ISO 20275's bare ones: the list spells many countries' forms in Latin only, their companies print them in
    their own script (Macedonian 'ДОО', 'ДООЕЛ' for 'DOO', 'DOOEL'; Greek 'Ι.Κ.Ε.', 'ΙΚΕ' for 'IKE'). Three letters
    at least, or stopped initials: two capitals of any script are as often a word or a unit ('СА', 'КГ')."""
    letters = text.replace(".", "")
    if not letters.isalpha() or not letters.isupper() or letters.isascii() or any(_latin(ch) for ch in letters):
        return False
    latin = anyascii(text)
    if not latin.isascii() or not latin.replace(".", "").isalpha():
        return False
    initials = "." in text and len(_STOPS.findall(text)) >= 2
    return bool((len(letters) >= 3 or initials) and (LEGAL_FORM.fullmatch(latin) or latin in BARE_FORMS))


def _latin(ch: str) -> bool:
    return unicodedata.name(ch, "").startswith("LATIN")


_STOPS = re.compile(r"[^\W\d_]\.")
_SMALL_INITIALS = re.compile(r"(?:[^\W\d_A-Z]{1,2}\.){2,}")


def names_a_company(text: str) -> bool:
    """Whether a phrase reads as a company's name by its legal form: one ending in a listed form ('Acme GmbH'),
    capitalised words ending in a bare form of ISO 20275 ('Xəzər Təchizat ASC') or after a form that starts them
    ('PT Nusantara Teknik', 'P/F Vágur Fisk')."""
    if LEGAL_FORM.search(text):
        return True
    words = text.split()
    if not 2 <= len(words) <= 6 or not all(w[:1].isupper() and not any(ch.isdigit() for ch in w) for w in words):
        return False
    return trailing_form(words[-1]) or (leading_form(words[0]) and len(words) <= 5)


# words that join a form's parts ('GmbH & Co. KG', 'S.A. de C.V.', 'Sp. z o.o.')
_FORM_JOINER = re.compile(r"^(?:&|\+|und|and|et|e|y|de|sp\.|z|co\.?|cie\.?)$", re.IGNORECASE)


# a name in quotes after its form, as the Baltic states and much of Eastern Europe print it ('SIA „Gauja Tehnika”',
# 'UAB "Baltijos Prekyba"', 'OÜ «Saare»'): opening and closing quotes of any typography
_OPENING_QUOTE = "„“\"«‚‘'"
_CLOSING_QUOTE = "”“\"»’‘'"
QUOTED_WORDS = 6  # a quoted name is short
# a word shaped as an abbreviation of a legal form, whatever its script: two to five letters, a capital first and
# one more ('ТОВ', 'ПрАТ', 'SIA', 'OÜ'); before a name in quotes it is the name's form though no list holds it
ABBREVIATION = re.compile(r"(?=[^\W\d_]{2,5}$)[^\W\d_a-zà-ÿ][^\W\d_]*")


def _abbreviation(text: str) -> bool:
    return bool(ABBREVIATION.fullmatch(text)) and sum(ch.isupper() for ch in text) >= 2


def quoted_name_end(texts: list[str], k: int) -> int | None:
    """Where a company's name that starts with its legal form at ``texts[k]`` and goes on with its name in quotes
    ends ('SIA „Gauja Tehnika”,' -> after 'Tehnika”,'): the index after the word that closes the quote; None
    where ``texts[k]`` is no form (a known one, or a word shaped as one before the quote: 'ТОВ «Карпати Агромаш»')
    or no quoted name follows it."""
    if k + 1 >= len(texts):
        return None
    first = texts[k + 1]  # the quote first: most words are followed by none, and the forms' pattern is long
    if len(first) < 2 or first[0] not in _OPENING_QUOTE or not first[1:2].isupper():
        return None
    form = texts[k].rstrip(",;:")
    if not (LEGAL_FORM.fullmatch(form) or _abbreviation(form)):
        return None
    for j in range(k + 1, min(len(texts), k + 1 + QUOTED_WORDS)):
        if texts[j].rstrip(",;:.")[-1:] in _CLOSING_QUOTE and (j > k + 1 or len(texts[j].rstrip(",;:.")) > 2):
            return j + 1
        if any(ch.isdigit() for ch in texts[j]):
            return None
    return None


def quoted_form_end(texts: list[str], k: int) -> int | None:
    """Where a company's name in quotes at ``texts[k]`` followed by its legal form ends ('«Դիլիջան Շին» ՓԲԸ,' ->
    after 'ՓԲԸ,'), as Armenia prints it: a word shaped as a form's abbreviation right after the closing quote, no
    number after it (then it is a caption: '«Ромашка» ИНН 7701234567'); None where no such name starts at ``k``."""
    first = texts[k]
    if len(first) < 2 or first[0] not in _OPENING_QUOTE or not first[1:2].isupper():
        return None
    for j in range(k, min(len(texts) - 1, k + QUOTED_WORDS)):
        if any(ch.isdigit() for ch in texts[j]):
            return None
        if texts[j].rstrip(",;:.")[-1:] in _CLOSING_QUOTE and (j > k or len(texts[j].rstrip(",;:.")) > 2):
            form = texts[j + 1].rstrip(",;")
            numbered = j + 2 < len(texts) and any(ch.isdigit() for ch in texts[j + 2])
            return j + 2 if _abbreviation(form) and not numbered else None
    return None


def opening_quotes_restored(words: list[Word]) -> list[Word]:
    """An OCR'd page's names in guillemets after their legal form with the opening one lost ('АО Ертіс Снаб»,' for
    'АО «Ертіс Снаб»,'): a scan's faint, small '«' before a capital reads as nothing where its closing twin reads.
    A word shaped as a form (a known one, or an abbreviation of two capitals or more), a capitalised word after it,
    and within a quoted name's length a word that closes with '»', no quote opened and no digit between: the quote
    is put back before the name's first word, as ``quoted_name_end`` reads such names."""
    out = list(words)
    texts = [w.text for w in words]
    for k in range(len(texts) - 1):
        form, first = texts[k].rstrip(",;:"), texts[k + 1]
        if not first[:1].isupper() or not (LEGAL_FORM.fullmatch(form) or _abbreviation(form)):
            continue
        for j in range(k + 1, min(len(texts), k + 1 + QUOTED_WORDS)):
            text = texts[j].rstrip(",;:.")
            if any(ch.isdigit() or ch in _OPENING_QUOTE for ch in text):
                break
            if text.endswith("»") and len(text) > 2:
                out[k + 1] = replace(words[k + 1], text="«" + first)
                break
            if any(ch in _CLOSING_QUOTE for ch in text):
                break
    return out


def forms_read_with_zeros(words: list[Word]) -> list[Word]:
    """An OCR'd page's legal forms with a zero read for the letter o ('sp. z 0.0.', 'Krka d.0.0.'): a word of
    initials (letters, zeros and dots) that with its zeros read as o is a legal form, after a word that joins a
    form's parts ('z', '&') or, where the word has a letter of its own, after a name's capitalised word. A zero on
    its own ('0.0' in a table) is left as read."""
    out = list(words)
    for i in range(len(out) - 1):
        if (fixed := _form_in_digits(out[i].text, out[i + 1].text)) is not None:
            out[i] = replace(out[i], text=fixed)
    for i in range(1, len(out)):
        word, before = out[i], out[i - 1].text
        core = word.text.rstrip(",;")
        if "0" not in core or "." not in core or not re.fullmatch(r"[^\W\d_]*(?:[0\w]\.)+[0\w]?\.?", core):
            continue
        if re.search(r"[1-9]", core):
            continue
        lettered = bool(re.search(r"[^\W\d_]", core))
        if not (_FORM_JOINER.match(before) or lettered and before[:1].isupper()):
            continue
        for letter in ("O", "o") if re.search(r"[^\W\d_a-z]", core) else ("o", "O"):
            fixed = core.replace("0", letter)
            if LEGAL_FORM.fullmatch(fixed):
                out[i] = Word(fixed + word.text[len(core) :], word.bbox, word.confidence)
                break
    return out


# the letters a scan reads as digits in a legal form without stops, in the script that prints them: 'O' (Latin, Cyrillic
# and Greek alike) and Cyrillic 'З' (its form 'ЗАО' read '3АО')
_DIGIT_TWINS = {"LATIN": {"0": "O"}, "CYRILLIC": {"0": "О", "3": "З"}, "GREEK": {"0": "Ο"}}


def _form_in_digits(text: str, following: str) -> str | None:
    """A legal form without stops read with digits for its letters ('000' for 'ООО', '3АО' for 'ЗАО') before a
    capitalised name ('000 УралТорг', '000 «Ромашка»'): its digits read as their twin letters of the name's script
    make a listed form of that script. Before a name in Latin letters only where the name is quoted: Latin prints
    a house number before a street ('000 Main') and a paper size before a word ('A0 Paper')."""
    if not 2 <= len(text) <= 5 or not all(ch in "03" or ch.isalpha() and ch.isupper() for ch in text):
        return None
    quoted = following[:1] in _OPENING_QUOTE
    name = following[1:] if quoted else following
    if not name[:1].isupper() or not name.rstrip(',;»”"').isalpha():
        return None
    script = unicodedata.name(name[0], "").split(" ")[0]
    twins = _DIGIT_TWINS.get(script)
    if twins is None or script == "LATIN" and not quoted:
        return None
    fixed = "".join(twins.get(ch, ch) for ch in text)
    same_script = all(unicodedata.name(ch, "").startswith(script) for ch in fixed)
    return fixed if fixed != text and same_script and LEGAL_FORM.fullmatch(fixed) else None


def bare_legal_form(text: str) -> bool:
    """Whether a text is a legal form and nothing else ('GmbH & Co. KG', 'S.A. de C.V.', 'Ltd'): no company's name,
    what a reader left of a name it lost."""
    words = text.strip(" ,;").split()
    forms = [bool(LEGAL_FORM.match(w)) for w in words]
    return any(forms) and all(form or _FORM_JOINER.match(w) for form, w in zip(forms, words, strict=True))
