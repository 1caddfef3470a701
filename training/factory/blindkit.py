"""What the later blind sets build their documents with alike: a split's families, a purchase order or
a contract from its seed (sample, write, label).

Each set keeps its own content (families, vocabulary, layouts, samplers, writers) and passes it in; the random
draws happen in the order each set's own code made them (sample, then write), so the documents are the same bytes.
"""

from __future__ import annotations

import random
import re
import string
from collections.abc import Callable, Mapping, Sequence
from decimal import ROUND_HALF_UP, Decimal
from pathlib import Path
from typing import Any

from PIL import Image
from stdnum import get_cc_module

from training.factory.blind import BlindParty, blind_po_doc
from training.factory.blind2 import Conditioner, blind_contract_doc, write_blind_set
from training.factory.common import GeneratedDoc
from training.factory.values import dec_str

# the draws a set makes for a document: (rng, family) -> the order or contract model
Sampler = Callable[[random.Random, Any], Any]
# a set's writer class: (rng, family, model) -> a writer with .write() and .pages
WriterOf = Callable[[random.Random, Any, Any], Any]


def split_families(splits: Mapping[str, Sequence[str]], by_name: Mapping[str, Any], split: str) -> list[Any]:
    """The families of ``split`` (dev, test, or all: dev then test) in the split's order."""
    names = [n for part in ("dev", "test") for n in splits[part]] if split == "all" else splits[split]
    return [by_name[n] for n in names]


# what of an order's look its label shows (sets 5 and 6; set 4: the first three)
LOOK_KEYS = ("columns", "dates", "numbers", "totals", "numbered")


def make_set_po(
    seed: int, fam: Any, doc_id: str | None, *, set_no: int, sample: Sampler, writer_of: WriterOf,
    look_keys: Sequence[str] = LOOK_KEYS,
) -> GeneratedDoc:  # fmt: skip
    """A blind set's purchase order: ``sample`` draws the order, ``writer_of`` lays it out, the label says which
    family and which look (``look_keys`` of the order's look, in that order) it has."""
    rng = random.Random(seed)
    order = sample(rng, fam)
    writer = writer_of(rng, fam, order)
    writer.write()
    doc_id = doc_id or f"po-blind{set_no}-{seed}"
    look = order.look
    features = {f"blind{set_no}": fam.name, "lang": fam.lang, "header": fam.header, "items": fam.items,
                "rules": sorted(fam.extras), **{k: look[k] for k in look_keys}, "price_units": order.price_units,
                "n_lines": len(order.po.lines), "n_pages": len(writer.pages)}  # fmt: skip
    return blind_po_doc(doc_id, fam.family, fam.currency, order.po, writer.pages, features,
                        f"{fam.name} {order.po.number}")  # fmt: skip


def rate_items(model: Any) -> list[dict[str, Any]]:
    """A contract's rates as label lines: description, unit and rate (no quantity or amount)."""
    return [{"sku": None, "description": s, "quantity": None, "unit": u, "unit_price": dec_str(r), "amount": None,
             "tax_rate": None} for s, u, r in model.rates]  # fmt: skip


def make_set_contract(
    seed: int, fam: Any, doc_id: str | None, *, set_no: int, sample: Sampler, writer_of: WriterOf,
    items_of: Callable[[Any, Any], list[dict[str, Any]]] | None = None,
) -> GeneratedDoc:  # fmt: skip
    """A blind set's contract: ``sample`` draws it, ``writer_of`` lays it out, ``items_of(fam, model)`` (default:
    ``rate_items``) gives its label lines."""
    rng = random.Random(seed)
    model = sample(rng, fam)
    writer = writer_of(rng, fam, model)
    writer.write()
    items = items_of(fam, model) if items_of else rate_items(model)
    doc = blind_contract_doc(doc_id or f"contract-blind{set_no}-{seed}", fam, model, writer.pages, items, set_no)
    doc.label["features"]["dates"] = writer.fam.dates
    return doc


def draw_valid(make: Callable[[], str], check: Callable[[str], bool]) -> str:
    """The first of ``make``'s draws that passes ``check`` (a tax id's check digits)."""
    for _ in range(2000):
        candidate = make()
        if check(candidate):
            return candidate
    raise RuntimeError("no valid tax id drawn")


def digits(rng: random.Random, n: int) -> str:
    """``n`` digits drawn from ``rng``."""
    return "".join(rng.choice(string.digits) for _ in range(n))


def shape(pattern: str) -> Callable[[str], bool]:
    """A check that a printed tax id has ``pattern``'s shape, whole."""
    return lambda v: re.fullmatch(pattern, v) is not None


def half_up(value: Decimal, places: int) -> Decimal:
    """``value`` rounded half up to ``places`` decimals, as the sets' labels round amounts and taxes."""
    return value.quantize(Decimal(1).scaleb(-places), rounding=ROUND_HALF_UP)


def stdnum_check(country: str, name: str, pattern: str) -> Callable[[str], bool]:
    """A check that a printed tax id has ``pattern``'s shape and passes python-stdnum's ``country.name`` check."""
    module = get_cc_module(country, name)
    assert module is not None, (country, name)
    return lambda v: re.fullmatch(pattern, v) is not None and bool(module.is_valid(v))


# a set's tax id schemes by country: (caption, draw(rng), check(value without spaces))
TaxSchemes = dict[str, tuple[str, Callable[[random.Random], str], Callable[[str], bool]]]


def scheme_tax_id_valid(schemes: TaxSchemes, country: str, value: str) -> bool:
    """``value`` (spaces aside) passes ``country``'s check in ``schemes``."""
    return schemes[country][2](value.replace(" ", ""))


def scheme_tax_id(schemes: TaxSchemes, rng: random.Random, country: str) -> str:
    """A tax id of ``country``'s scheme in ``schemes``, drawn until it passes its check."""
    _caption, draw, check = schemes[country]
    return draw_valid(lambda: draw(rng), check)


def country_party(
    rng: random.Random, country: str, avoid: str, parties: Mapping[str, Any], places: Mapping[str, Any],
    schemes: TaxSchemes, sep: str = " ",
) -> BlindParty:  # fmt: skip
    """A company of ``country``: its name from the country's stems (none in ``avoid``), trades and legal forms
    (``parties``), an address from ``places`` (post code and city joined by ``sep``), a tax id of its scheme in
    ``schemes``; drawn in that order."""
    stems, trades, forms, pattern = parties[country]
    parts = {"stem": rng.choice([s for s in stems if s not in avoid]), "trade": rng.choice(trades),
             "form": rng.choice(forms)}  # fmt: skip
    city, post, street = rng.choice(places[country])
    address = (f"{street} {rng.randrange(1, 160)}", sep.join(filter(None, (post, city))))
    return BlindParty(pattern.format(**parts), *address, country, schemes[country][0],
                      scheme_tax_id(schemes, rng, country))  # fmt: skip


# a set's own scan conditions by name: (image, rng) -> the conditioned image
OwnConditions = Mapping[str, Callable[[Image.Image, random.Random], Image.Image]]


def chain_conditions(own: OwnConditions, earlier: Conditioner) -> Conditioner:
    """A set's conditioner: its ``own`` conditions (no dpi of their own), the earlier sets' through ``earlier``."""

    def condition(img: Image.Image, kind: str, rng: random.Random, page_w_pt: float) -> tuple[Any, ...]:
        fn = own.get(kind)
        return (fn(img, rng), None) if fn else earlier(img, kind, rng, page_w_pt)

    return condition


# a set's maker: (seed, family, doc_id) -> one document of the family; the same seed gives the same bytes
Maker = Callable[[int, Any, str | None], GeneratedDoc]
# a set's generator: (n, out, seed, scanned_share=0.0, split="all") -> the label paths (``blindsets.BLIND_SETS``)
Generator = Callable[..., list[Path]]


def make_by_kind(make_po: Maker, make_contract: Maker) -> Maker:
    """A set's maker: ``make_po`` for a purchase order's family, ``make_contract`` for a contract's."""

    def make(seed: int, fam: Any, doc_id: str | None = None) -> GeneratedDoc:
        return (make_po if fam.kind == "po" else make_contract)(seed, fam, doc_id)

    return make


def set_generator(
    set_no: int, families: Callable[[str], list[Any]], make: Maker, *, salt: int, conditioner: Conditioner
) -> Generator:
    """Blind set ``set_no``'s generator, ``generate_blind<set_no>``."""

    def generate(n: int, out: Path, seed: int, scanned_share: float = 0.0, split: str = "all") -> list[Path]:
        """Write ``n`` documents of the set's ``split`` (dev, test or all) with their labels to ``out``. A scanned
        document gets its family's own scan condition or, one time in three, the factory's plain scan."""
        return write_blind_set(n, out, seed, scanned_share, split, families(split), make, set_no=set_no, salt=salt,
                               conditioner=conditioner)  # fmt: skip

    generate.__name__ = generate.__qualname__ = f"generate_blind{set_no}"
    return generate


__all__ = ["Generator", "Maker", "OwnConditions", "TaxSchemes", "chain_conditions", "country_party", "digits",
           "draw_valid", "half_up", "make_by_kind", "make_set_contract", "make_set_po", "rate_items", "scheme_tax_id",
           "scheme_tax_id_valid", "set_generator", "shape", "split_families", "stdnum_check"]  # fmt: skip
