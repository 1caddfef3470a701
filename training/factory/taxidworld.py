"""Party blocks of every country python-stdnum knows and some it does not (`taxids17`): a study generator for the
tax-id and party-name readers, on hand-placed words (no rendering), each case tagged by the factors it draws.

Each case is an order's two party blocks side by side (supplier left, customer right), each a company's name with
a legal form of its country from ISO 20275's list (``elfcountries.tsv``), printed as listed, without its stops,
with stops or spaces between its letters, in capitals or small letters, after the name or before it; an address;
and its tax id, printed as the scheme's module formats it, compact, in groups parted by spaces, stops or hyphens,
with or without the country's two letters before it, under a caption of one of four kinds: the scheme's own
abbreviation, its name spelled out as python-stdnum's docstring gives it (often in the country's language), a
word that names no scheme, made of the letters of the country's language (CLDR's words of that language, through
Babel: a caption of a language no reader was tuned on), or none. Countries python-stdnum lacks get a number of
eight to twelve digits with no check digit, under such a made-up caption.

Names are words of the country's language from CLDR (its names of territories), so their script is the country's.
Expected values follow the study sets' labels: the id as printed with its spaces closed, the name as printed.
"""

from __future__ import annotations

import random
import re
from collections.abc import Iterator
from dataclasses import dataclass
from functools import cache
from pathlib import Path
from typing import TYPE_CHECKING

from babel import Locale, UnknownLocaleError
from babel.languages import get_official_languages

from extraction.document import Document
from training.factory.taxidblocks import ROLE_CAPTIONS, _examples, _own_caption, _printed, document_of_rows, schemes
from training.factory.taxidblocks import new_number as _new_number

if TYPE_CHECKING:
    from stdnum.util import NumberValidationModule

# territories python-stdnum has no module for (a sample of Babel's list with an official language of their own)
FOREIGN = ["AM", "BA", "BD", "ET", "GE", "IR", "KH", "KZ", "LK", "MN", "NP", "PH", "SA", "TZ", "UZ", "AE"]
_WORD = re.compile(r"^[^\W\d_]{3,12}$")


@dataclass(frozen=True)
class Case:
    country: str
    scheme: str  # the module's name, or '' for a country python-stdnum lacks
    factors: dict[str, str]  # caption, layout of the number, prefix, form's spelling, form's place
    doc: Document
    expected: dict[str, str]  # 'vendor_tax_id', 'buyer_name', ... -> the label's value


@cache
def _forms() -> dict[str, list[str]]:
    found: dict[str, list[str]] = {}
    for line in Path(__file__).with_name("elfcountries.tsv").read_text(encoding="utf-8").splitlines():
        cc, form = line.split("\t")
        letters = sum(ch.isalpha() for ch in form)
        if letters <= 8 and (" " not in form or re.fullmatch(r"(?:\S+\. )+\S+\.?", form)):  # one word, or initials
            found.setdefault(cc, []).append(form)
    return found


@cache
def _words(cc: str) -> tuple[str, list[str]]:
    """The country's first official language (Babel) and words of it from CLDR: its names of territories."""
    for lang in [*get_official_languages(cc, de_facto=True), "en"]:
        try:
            locale = Locale.parse(f"{lang}_{cc}")
        except (UnknownLocaleError, ValueError):
            try:
                locale = Locale.parse(lang)
            except (UnknownLocaleError, ValueError):
                continue
        # a name's words: capitalised where the script has capitals ('Føroyar', not 'og')
        names = locale.territories.values()
        words = sorted({w for name in names for w in name.split() if _WORD.match(w) and not w[0].islower()})
        if len(words) >= 20:
            return lang, words
    raise LookupError(cc)


def _made_up_caption(rng: random.Random, words: list[str]) -> str:
    """A caption no reader knows: a word of the country's letters (syllables of two CLDR words), shortened or
    whole, with a colon, a stop or a word for number after it, as a form's captions print them."""
    a, b = rng.sample(words, 2)
    word = (a[: rng.randint(2, 4)] + b[-rng.randint(2, 5) :]).lower()
    shape = rng.choice(["word", "abbr", "initials"])
    if shape == "abbr":
        word = word[: rng.randint(3, 5)].capitalize() + "."
    elif shape == "initials":
        word = (a[0] + b[0] + rng.choice(words)[0]).upper()
    else:
        word = word.capitalize()
    return word + rng.choice([":", "", " No.", " Nr.", " #"])


def _form_variant(rng: random.Random, form: str) -> tuple[str, str]:
    letters = [ch for ch in form if ch.isalnum()]
    kind = rng.choice(["listed", "listed", "bare", "stops", "spaced", "case"])
    if kind == "bare":
        return kind, "".join(letters)
    if kind == "stops":
        return kind, ".".join(letters) + "."
    if kind == "spaced":
        return kind, " ".join(ch + "." for ch in letters)
    if kind == "case":
        return kind, form.lower() if form != form.lower() else form.upper()
    return kind, form


def _name(rng: random.Random, cc: str, words: list[str]) -> tuple[str, dict[str, str]]:
    core = " ".join(rng.sample(words, 2))
    forms = _forms().get(cc)
    if not forms:
        return core, {"form": "none", "place": "none"}
    kind, form = _form_variant(rng, rng.choice(forms))
    place = "before" if rng.random() < 0.25 else "after"
    return (f"{form} {core}" if place == "before" else f"{core} {form}"), {"form": kind, "place": place}


def _grouped(rng: random.Random, number: str) -> tuple[str, str]:
    """The number in groups of three or four parted by a space, a stop or a hyphen."""
    kind, sep = rng.choice([("spaced", " "), ("dotted", "."), ("dashed", "-")])
    size = rng.choice([3, 4])
    groups = [number[i : i + size] for i in range(0, len(number), size)]
    if len(groups) > 1 and len(groups[-1]) == 1:
        groups[-2:] = [groups[-2] + groups[-1]]
    return kind, sep.join(groups)


def _id(
    rng: random.Random, module: NumberValidationModule | None, cc: str, vat: bool
) -> tuple[str, dict[str, str]] | None:
    if module is None:  # a country python-stdnum lacks: digits, no check
        number = str(rng.randint(10**7, 10**12 - 1))
        kind, printed = rng.choice([("compact", number), _grouped(rng, number)])
        return printed, {"layout": kind, "prefix": "no"}
    drawn = _new_number(module, rng)
    if drawn is None:
        return None
    number = drawn
    layout = rng.choice(["module", "compact", "grouped"] if number.isdigit() else ["module", "compact"])
    if layout == "module":
        printed = _printed(module, number, False)
    elif layout == "compact":
        printed = number
    else:
        layout, printed = _grouped(rng, number)
    prefix = "no"
    if vat and rng.random() < 0.4 and not printed[:2].isalpha():  # a VAT number with its country's letters
        prefix = rng.choice(["joined", "spaced"])
        printed = ("EL" if cc == "GR" else cc) + ("" if prefix == "joined" else " ") + printed
    return printed, {"layout": layout, "prefix": prefix}


def _caption(rng: random.Random, module: NumberValidationModule | None, words: list[str]) -> tuple[str, str]:
    kinds = ["own", "spelled", "made-up", "none"] if module is not None else ["made-up", "none"]
    kind = rng.choice(kinds)
    if kind == "own" and module is not None:
        return kind, _own_caption(module) + rng.choice([":", ""])
    if kind == "spelled" and module is not None:
        first = (module.__doc__ or "").strip().split("\n")[0]
        inside = re.search(r"\(([^,)]+)", first)
        return kind, (inside.group(1).strip() if inside else _own_caption(module)) + ":"
    if kind == "made-up":
        return kind, _made_up_caption(rng, words)
    return kind, ""


def _countries() -> list[tuple[str, NumberValidationModule | None]]:
    by_country: dict[str, list[NumberValidationModule]] = {}
    for module in schemes():
        cc = getattr(module, "__name__", "").split(".")[1].rstrip("_").upper()
        if len(cc) == 2 and cc != "EU" and _examples(module):
            by_country.setdefault(cc, []).append(module)
    pairs: list[tuple[str, NumberValidationModule | None]] = [
        (cc, m) for cc, modules in sorted(by_country.items()) for m in modules
    ]
    return pairs + [(cc, None) for cc in FOREIGN]


def _other_number(rng: random.Random, words: list[str]) -> tuple[str, str]:
    """A line of a party block that holds a number of no tax register under an abbreviation's caption made of the
    country's letters (``others``): a phone number in a national grouping (its trunk prefix '0' first), an
    account's bare digits, a register's number with a hyphened suffix; the kind and the line."""
    kind = rng.choice(["phone", "account", "register"])
    caption = "".join(w[0] for w in rng.sample(words, rng.randint(2, 4))).upper() + rng.choice([":", "", " No.:"])
    if kind == "phone":
        number = f"0{rng.randint(1, 99)}-{rng.randint(100, 9999)}-{rng.randint(1000, 9999)}"
    elif kind == "account":
        number = str(rng.randint(10**9, 10**14 - 1))
    else:
        number = f"{rng.randint(10**6, 10**9 - 1)}-{rng.randint(1, 99)}"
    return kind, f"{caption} {number}"


def cases(seed: int = 17, per_scheme: int = 3, others: bool = False) -> Iterator[Case]:
    """The cases of ``seed``; with ``others``, each party block also prints another number under an abbreviation
    (``_other_number``), before or after its tax id's line, drawn apart so the cases are otherwise the same."""
    from extraction.taxsuffix import vat_modules

    vats = set(vat_modules())
    rng = random.Random(seed)
    extra = random.Random(seed + 7919)
    for cc, module in _countries():
        try:
            _, words = _words(cc)
        except LookupError:
            continue
        for _ in range(per_scheme):
            first, second = (_id(rng, module, cc, module in vats) for _ in range(2))
            if first is None or second is None or first[0] == second[0]:
                continue
            ids = [first, second]
            caption_kind, caption = _caption(rng, module, words)
            lines = [f"{caption} {printed}".strip() for printed, _ in ids]
            (vendor, vf), (buyer, bf) = _name(rng, cc, words), _name(rng, cc, words)
            if vendor == buyer:
                continue
            roles = rng.choice(ROLE_CAPTIONS)
            rows = [(0.07, 0.05, "PURCHASE ORDER"), (0.6, 0.05, f"No. PO-{rng.randint(1000, 9999)}")]
            for x, role, name, line in ((0.07, roles[0], vendor, lines[0]), (0.52, roles[1], buyer, lines[1])):
                street = f"{rng.choice(words)} {rng.randint(1, 99)}"
                rows += [(x, 0.15, role), (x, 0.166, name), (x, 0.182, street)]
                block = [line] if line else []
                if others:
                    other_kind, other = _other_number(extra, words)
                    first_line = extra.random() < 0.5
                    block = [other, *block] if first_line else [*block, other]
                rows += [(x, 0.198 + 0.016 * i, text) for i, text in enumerate(block)]
            rows += [(0.07, 0.3, "Item Description Qty Price Amount"), (0.07, 0.32, "1 Bearing 6204 4 12.50 50.00")]
            expected = {"vendor_name": vendor, "buyer_name": buyer}
            if caption or module is not None:  # a bare number of no scheme: nothing tells it is an id
                expected |= {"vendor_tax_id": first[0].replace(" ", ""), "buyer_tax_id": second[0].replace(" ", "")}
            factors = {"caption": caption_kind, **first[1], "vendor_form": vf["form"], "vendor_place": vf["place"]}
            factors |= {"buyer_form": bf["form"], "buyer_place": bf["place"]}
            factors["known"] = "stdnum" if module is not None else "foreign"
            if others:
                factors["other"] = f"{other_kind}-{'first' if first_line else 'after'}"
            yield Case(cc, getattr(module, "__name__", ""), factors, document_of_rows(rows), expected)
