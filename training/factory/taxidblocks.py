"""Party blocks carrying tax ids of every company-number scheme python-stdnum knows (`taxids16`): a study
generator for the tax-id readers, on hand-placed words (no rendering).

Each case is an order's two party blocks side by side (supplier left, customer right, under role captions of one of
a few languages), each block a company name, an address and its tax id: a number of the scheme, new (made from
the module's own docstring example by changing its digits until its check digits agree again), printed as the
module formats it or compact, with the country's prefix where the scheme is a VAT number, under the scheme's own
name ('RUC', 'NPWP', 'ЄДРПОУ'), under a caption that names no scheme ('Tax ID', 'Steuernummer', 'ИНН/VAT'), or
with no caption at all. ``cases(seed)`` yields them; the expected id is as printed, its spaces closed (the label
convention of the study sets: 'BG127103463', '05.406.910.9-610.000').
"""

from __future__ import annotations

import random
import re
from collections.abc import Iterator
from dataclasses import dataclass
from functools import cache
from typing import TYPE_CHECKING

from stdnum.eu import vat as eu_vat

from extraction.document import Document, Page, Word
from extraction.taxids import company_modules

if TYPE_CHECKING:
    from stdnum.util import NumberValidationModule

# role captions (supplier, customer) of a few languages; the tax-id captions that name no scheme
ROLE_CAPTIONS = [
    ("Supplier", "Customer"), ("Lieferant", "Kunde"), ("Fournisseur", "Client"), ("Proveedor", "Cliente"),
    ("Fornitore", "Cliente"), ("Leverancier", "Klant"), ("Dostawca", "Odbiorca"), ("Vendor", "Bill To"),
]  # fmt: skip
GENERIC_CAPTIONS = ["Tax ID:", "Tax No.", "VAT No.", "Steuernummer:", "N° fiscal", "NIF:", "Vergi No:", "TIN"]
NAMES = [
    ("Aldergate Components", "Ltd"), ("Brennholt Werkzeuge", "GmbH"), ("Corvina Ricambi", "S.r.l."),
    ("Duvalle Outillage", "SAS"), ("Esterra Suministros", "S.A."), ("Fjordlys Teknikk", "AS"),
]  # fmt: skip
ADDRESSES = ["14 Harbour Road", "Industriestraße 9", "Via Roma 112", "Calle Mayor 7", "ul. Długa 41"]


@dataclass(frozen=True)
class Case:
    scheme: str  # the module's name ('stdnum.pe.ruc')
    caption: str  # 'own', 'generic' or 'none'
    prefixed: bool  # printed with the country's two letters
    doc: Document
    names: dict[str, str]  # role -> the company's name
    expected: dict[str, str]  # role -> the tax id as its label holds it


def _examples(module: NumberValidationModule) -> list[str]:
    """The valid numbers a module's docstring shows being validated."""
    lines = (module.__doc__ or "").splitlines()
    found = []
    for i, line in enumerate(lines):
        shown = re.match(r"\s*>>> (?:validate|is_valid|compact)\('([^']+)'\)", line)
        if shown and i + 1 < len(lines) and not lines[i + 1].strip().startswith(("Traceback", "False")):
            try:
                if module.is_valid(shown.group(1)):
                    found.append(module.compact(shown.group(1)))
            except Exception:  # noqa: BLE001 - a module's own example it cannot compact: left out
                continue
    return found


def new_number(module: NumberValidationModule, rng: random.Random) -> str | None:
    """A valid number of the scheme other than its example: digits changed at random, then one digit tried at each
    place until the module accepts the number again."""
    examples = _examples(module)
    if not examples:
        return None
    base = rng.choice(examples)
    digits = [i for i, ch in enumerate(base) if ch.isdigit()]
    for _ in range(20):
        chars = list(base)
        for i in rng.sample(digits, k=min(3, len(digits))):
            chars[i] = rng.choice("0123456789")
        for place in reversed(digits):
            for digit in "0123456789":
                trial = "".join(chars[:place]) + digit + "".join(chars[place + 1 :])
                if trial != base and module.is_valid(trial):
                    return trial
    return None


@cache
def schemes() -> list[NumberValidationModule]:
    """The company-number modules the readers look for (``taxids.company_modules``), those with an example of six
    digits or more (San Marino's COE runs from two: no reader can tell one from any number)."""
    return [m for m in company_modules() if (shown := _examples(m)) and sum(ch.isdigit() for ch in shown[0]) >= 6]


def _own_caption(module: NumberValidationModule) -> str:
    first = (module.__doc__ or "").strip().split("\n")[0]
    return re.split(r"[,(]", first)[0].strip()


def _printed(module: NumberValidationModule, number: str, prefixed: bool) -> str:
    formatter = getattr(module, "format", None)
    printed = number
    if formatter is not None:
        try:
            printed = formatter(number)
        except Exception:  # noqa: BLE001 - a formatter refusing its own module's number: compact
            printed = number
    country = getattr(module, "__name__", "").split(".")[1].rstrip("_").upper()
    prefix = "EL" if country == "GR" else country
    if prefixed and not printed[:2].isalpha() and eu_vat.is_valid(prefix + number):
        printed = prefix + printed  # a VAT number of the EU, as its country prints it
    return printed


def document_of_rows(rows: list[tuple[float, float, str]]) -> Document:
    """A one-page letter-size document from (x, y, text) rows: 0.009 of the page per character, 0.012 high."""
    words = []
    for x, y, text in rows:
        for token in text.split():
            words.append(Word(token, (x, y, x + 0.009 * len(token), y + 0.012)))
            x += 0.009 * (len(token) + 1)
    return Document([Page(1, 612, 792, words)])


def _block(x: float, top: float, caption: str, name: str, address: str, line: str) -> list[tuple[float, float, str]]:
    rows = [(x, top, caption), (x, top + 0.016, name), (x, top + 0.032, address)]
    return rows + ([(x, top + 0.048, line)] if line else [])


def cases(seed: int = 16) -> Iterator[Case]:
    """For each scheme, three cases (its own caption, a caption naming no scheme, none), the prefix on a VAT
    scheme's number one time in two."""
    from extraction.taxsuffix import vat_modules  # the VAT modules: their numbers print with a prefix

    vats = set(vat_modules())
    rng = random.Random(seed)
    for module in schemes():
        for caption in ("own", "generic", "none"):
            numbers = [new_number(module, rng) for _ in range(2)]
            if None in numbers or numbers[0] == numbers[1]:
                continue
            printed = [_printed(module, str(n), module in vats and rng.random() < 0.5) for n in numbers]
            prefixed = any(p[:2].isalpha() and not str(n)[:2].isalpha() for p, n in zip(printed, numbers, strict=True))
            words = {"own": _own_caption(module), "generic": rng.choice(GENERIC_CAPTIONS), "none": ""}[caption]
            lines = [f"{words} {p}".strip() for p in printed]
            roles = rng.choice(ROLE_CAPTIONS)
            (a, af), (b, bf) = rng.sample(NAMES, 2)
            vendor, buyer = f"{a} {af}", f"{b} {bf}"
            rows = [(0.07, 0.05, "PURCHASE ORDER"), (0.6, 0.05, f"No. PO-{rng.randint(1000, 9999)}")]
            rows += _block(0.07, 0.15, roles[0], vendor, rng.choice(ADDRESSES), lines[0])
            rows += _block(0.52, 0.15, roles[1], buyer, rng.choice(ADDRESSES), lines[1])
            rows += [(0.07, 0.3, "Item Description Qty Price Amount"), (0.07, 0.32, "1 Bearing 6204 4 12.50 50.00")]
            expected = {"vendor": printed[0].replace(" ", ""), "buyer": printed[1].replace(" ", "")}
            yield Case(
                getattr(module, "__name__", ""), caption, prefixed, document_of_rows(rows),
                {"vendor": vendor, "buyer": buyer}, expected,
            )  # fmt: skip
