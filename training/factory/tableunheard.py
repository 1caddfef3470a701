"""The unheard table space (``space="unheard"`` of training/factory/tablefuzz.py): the wide space's order tables
with caption rows no reader of this project has met, so that a table must be read from its geometry and its
arithmetic, not from its header words.

Each document is a wide-space draw (training/factory/tablewide.py: price units, discounts, tax and gross amounts,
free and credit lines, sections, sub-lines, long tables over pages, number formats of four locales...) printed as
a grid, with two changes:

- the caption row (``captions``): words of languages the extractor's vocabulary does not hold (Lithuanian, Latvian,
  Estonian, Romanian, Slovenian, Icelandic, Swahili, Tagalog, Albanian, Maltese: none of them the default space's
  pool), those words cut to abbreviations ('Kiek.', 'Vnt. k.'), letters or numbers of columns ('A', 'B' / 'K1',
  'K2'), made-up syllables, or no caption row at all; the table's own words (section, subtotal, carried forward,
  totals) are made-up syllables;
- the column order (``order``): every column shuffled (the description anywhere, the amount not last), or the wide
  space's order.

Labels follow the wide space's rules (an article number is labelled where it has the only code column; two part
number columns under unknown captions leave it unlabelled). The same seed gives the same bytes; the wide space's
documents do not change (its draw is taken from its own random stream first).
"""

from __future__ import annotations

import random
from dataclasses import replace
from datetime import date, timedelta
from typing import Any

from training.factory.common import GeneratedDoc
from training.factory.tablefuzz import _nonsense
from training.factory.tablewide import (
    FACTORS as WIDE_FACTORS,
)
from training.factory.tablewide import (
    WideSpec,
    WideWriter,
    _lines,
    sample_wide_spec,
    wide_document,
)

CAPTION_MODES = ("foreign", "abbreviated", "lettered", "nonsense", "none")
# one row per language, in the order of ROLES: orders' captions of languages the extractor was not written for
ROLES = ("position", "sku", "buyer_part", "description", "unit", "quantity", "unit_price", "price_unit",
         "discount_pct", "discount_amount", "net_price", "tax", "amount", "currency")  # fmt: skip
_FOREIGN = {
    "lt": "Eil. nr.|Prekės kodas|Pirkėjo kodas|Pavadinimas|Mato vnt.|Kiekis|Vieneto kaina|Kainos vnt.|Nuolaida"
    "|Nuolaidos dydis|Galutinė kaina|PVM|Iš viso|Valiuta",
    "lv": "Npk|Preces kods|Pircēja kods|Nosaukums|Mērv.|Daudzums|Cena par vien.|Cenas vien.|Atlaide"
    "|Atlaides apmērs|Cena ar atl.|PVN|Kopā|Valūta",
    "et": "Jrk|Tootekood|Ostja kood|Nimetus|Ühik|Kogus|Ühiku hind|Hinnaühik|Allahindlus|Allahindluse väärtus"
    "|Lõpphind|Käibemaks|Kokku|Vääring",
    "ro": "Nr. crt.|Cod produs|Cod client|Denumire|Măsură|Cantitate|Preț unitar|Bază preț|Reducere"
    "|Valoare reducere|Preț final|Cotă|Valoare|Monedă",
    "sl": "Zap. št.|Šifra|Šifra kupca|Naziv|Enota|Količina|Cena na enoto|Cenovna enota|Popust|Znesek popusta"
    "|Končna cena|DDV|Vrednost|Denarna enota",
    "is": "Lína|Vörunúmer|Númer kaupanda|Heiti|Eining|Magn|Einingarverð|Verðeining|Afsláttur|Afsláttarupphæð"
    "|Lokaverð|VSK|Upphæð|Gjaldmiðill",
    "sw": "Namba|Msimbo|Msimbo wa mnunuzi|Maelezo|Kipimo|Idadi|Bei ya kimoja|Kipimo cha bei|Punguzo"
    "|Kiasi cha punguzo|Bei halisi|Kodi|Jumla|Sarafu",
    "tl": "Blg.|Kodigo|Kodigo ng mamimili|Paglalarawan|Sukat|Dami|Halaga bawat isa|Yunit ng halaga|Bawas"
    "|Halaga ng bawas|Huling halaga|Buwis|Kabuuan|Salapi",
    "sq": "Rendi|Kodi|Kodi i blerësit|Emërtimi|Njësia|Sasia|Çmimi njësi|Njësia e çmimit|Zbritja|Shuma e zbritjes"
    "|Çmimi final|TVSH|Vlera|Monedha",
    "mt": "Nru.|Kodiċi|Kodiċi tal-klijent|Deskrizzjoni|Kejl|Kwantità|Prezz kull biċċa|Kejl tal-prezz|Skont"
    "|Ammont tal-iskont|Prezz nett|Imposta|Ammont sħiħ|Munita",
}
FOREIGN: dict[str, dict[str, str]] = {
    lang: dict(zip(ROLES, row.split("|"), strict=True)) for lang, row in _FOREIGN.items()
}
FACTORS = (*WIDE_FACTORS, "order", "foreign")


def _abbreviated(text: str, rng: random.Random) -> str:
    """A caption cut as clerks cut them: each word's first letters and a full stop ('Vieneto kaina' -> 'Vien. k.')."""
    out = []
    for index, word in enumerate(text.split()):
        keep = rng.randrange(3, 6) if index == 0 else rng.choice([1, 2, 3])
        out.append(word if len(word) <= keep + 1 else word[:keep].rstrip(".") + ".")
    return " ".join(out)


class UnheardWriter(WideWriter):
    """The wide space's grid writer with the unheard space's captions and table words."""

    def __init__(self, *args: Any, foreign: str, letters: list[str], **kwargs: Any):
        self.foreign, self.letters = foreign, letters
        super().__init__(*args, **kwargs)

    def _caption(self, column: str) -> list[str]:
        spec = self.spec
        if spec.captions == "none":
            return [""]
        if spec.captions == "foreign":
            text = FOREIGN[self.foreign][column]
        elif spec.captions == "abbreviated":
            text = _abbreviated(FOREIGN[self.foreign][column], self.rng)
        elif spec.captions == "lettered":
            text = self.letters[spec.columns.index(column)]
        else:
            text = _nonsense(self.rng)
        if spec.caption_lines == 1 or spec.captions == "lettered":
            return [text]
        words = text.split()
        if len(words) > 1:
            cut = (len(words) + 1) // 2
            return [" ".join(words[:cut]), " ".join(words[cut:])]
        return [text, ""]


def sample_unheard_spec(rng: random.Random) -> tuple[WideSpec, dict[str, str]]:
    """A wide-space draw printed as a grid, its captions unknown words and its columns shuffled or not."""
    spec = sample_wide_spec(rng)
    captions = rng.choice(CAPTION_MODES)
    spec = replace(spec, layout="grid", captions=captions)
    columns = list(spec.columns)
    order = "shuffled" if rng.random() < 0.7 else "wide"
    if order == "shuffled":
        position = columns[:1] if columns[0] == "position" and rng.random() < 0.5 else []
        rest = [c for c in columns if c not in position]
        rng.shuffle(rest)
        columns = position + rest
    return replace(spec, columns=tuple(columns)), {"order": order, "foreign": rng.choice(sorted(FOREIGN))}


def make_unheard_po(seed: int, doc_id: str | None = None) -> GeneratedDoc:
    """One unheard-space purchase order; the same seed gives the same bytes and labels."""
    rng = random.Random(seed)
    spec, extra = sample_unheard_spec(random.Random(seed * 7933 + 17))
    letters = random.Random(seed).choice(
        [
            [chr(ord("A") + i) for i in range(len(spec.columns))],
            [f"K{i + 1}" for i in range(len(spec.columns))],
            [f"({chr(ord('a') + i)})" for i in range(len(spec.columns))],
        ]
    )
    day = date(2026, 1, 1) + timedelta(days=rng.randrange(0, 330))
    po_number = f"{rng.choice(['45', '77', 'PO-', 'B'])}{rng.randrange(100000, 999999)}"
    lines = _lines(rng, spec, day)
    writer = UnheardWriter(rng, spec, lines, po_number, day, foreign=extra["foreign"], letters=letters)
    spec = writer.spec  # as fitted to the page
    writer.header()
    writer.grid()
    writer.totals()
    factors = {**spec.factors(), **extra}
    return wide_document(writer, lines, po_number, "unheard", factors, doc_id or f"po-tablefuzz-unheard-{seed}")


__all__ = ["CAPTION_MODES", "FACTORS", "FOREIGN", "make_unheard_po", "sample_unheard_spec"]
