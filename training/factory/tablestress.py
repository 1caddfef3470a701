"""The structural table stress space (``space="stress"`` of training/factory/tablefuzz.py): the wide space's grids
with the row and cell structures none of the other spaces draws, to find the tables that still break the reader.

Each document is a wide-space draw printed as a grid (training/factory/tablewide.py) with, drawn per document:

- ``anchor``: where an item's numbers stand when its description wraps over two or three lines: on the first line
  (the other spaces' way), the middle line, the last line, or on a line of their own below the description;
- ``number_style``: the wide space's four, or Indian grouping (1,23,456.00), or space-grouped with a decimal point
  (1 234.56);
- ``price_places``: unit prices printed with 2, 3 or 4 decimals (the amount rounded to the cent);
- ``sku_style``: the wide space's article numbers, or all-digit ones (EAN-13, 9-digit or 18-digit zero-padded
  material numbers) that look like quantities;
- ``extra``: a column no pricing rule uses: a delivery date, a customs tariff number, a weight, a cost centre, or
  none;
- ``wide_numbers``: quantities in the thousands and prices in the tens of thousands, so every number is grouped.

Labels follow the wide space's rules. The same seed gives the same bytes.
"""

from __future__ import annotations

import random
from dataclasses import replace
from datetime import date, timedelta
from decimal import ROUND_HALF_UP, Decimal
from typing import Any

from training.factory.common import GeneratedDoc
from training.factory.layout import PageDraft, wrap
from training.factory.tablefuzz import MARGIN, _date_text
from training.factory.tablewide import FACTORS as WIDE_FACTORS
from training.factory.tablewide import (
    WideLine,
    WideSpec,
    WideWriter,
    _lines,
    line_amount,
    sample_wide_spec,
    wide_document,
)
from training.factory.values import format_number, q2

ANCHORS = ("first", "middle", "last", "below")
NUMBER_STYLES = ("en", "de", "fr", "ch", "indian", "space_point")
SKU_STYLES = ("wide", "ean", "material", "padded")
EXTRAS = ("none", "date", "tariff", "weight", "cost_centre")
# captions of the columns the wide space lacks, per language (en de fr es it nl pl sv da pt)
_EXTRA_WORDS = {
    "date": "Delivery date|Liefertermin|Date de livraison|Fecha entrega|Data consegna|Leverdatum|Termin dostawy"
    "|Leveransdatum|Leveringsdato|Data entrega",
    "tariff": "HS code|Zolltarifnr.|Code douanier|Código TARIC|Codice doganale|GN-code|Kod CN|Tulltaxenr"
    "|Toldkode|Código pautal",
    "weight": "Weight|Gewicht|Poids|Peso|Peso|Gewicht|Waga|Vikt|Vægt|Peso",
    "cost_centre": "Cost centre|Kostenstelle|Centre de coût|Centro de coste|Centro di costo|Kostenplaats"
    "|MPK|Kostnadsställe|Omkostningssted|Centro de custo",
}
_LANGS = ("en", "de", "fr", "es", "it", "nl", "pl", "sv", "da", "pt")
EXTRA_WORDS = {key: dict(zip(_LANGS, row.split("|"), strict=True)) for key, row in _EXTRA_WORDS.items()}
FACTORS = (*WIDE_FACTORS, "anchor", "number_style", "price_places", "sku_style", "extra", "wide_numbers")


def format_grouped(value: Decimal, style: str, places: int) -> str:
    """``value`` (not negative) as ``style`` prints it: the factory's styles, Indian lakh grouping, or groups of
    three split by spaces under a decimal point."""
    if style not in ("indian", "space_point"):
        return format_number(value, style, places)
    text = format(value.quantize(Decimal(1).scaleb(-places), rounding=ROUND_HALF_UP), "f")
    whole, _, fraction = text.partition(".")
    if style == "indian" and len(whole) > 3:
        head, tail = whole[:-3], whole[-3:]
        groups = [head[max(0, i - 2) : i] for i in range(len(head), 0, -2)][::-1]
        whole = ",".join([*groups, tail])
    elif style == "space_point":
        whole = format(int(whole), ",").replace(",", " ")
    return f"{whole}.{fraction}" if fraction else whole


class StressWriter(WideWriter):
    """The wide space's grid writer with the stress space's anchors, number styles and extra column."""

    def __init__(self, *args: Any, extra: dict[str, Any], **kwargs: Any):
        self.extra = extra
        super().__init__(*args, **kwargs)

    def _caption(self, column: str) -> list[str]:
        if column in EXTRA_WORDS:
            if self.spec.captions == "none":
                return [""]
            if self.spec.captions == "lang":
                return [EXTRA_WORDS[column][self.spec.language]] + ([""] if self.spec.caption_lines == 2 else [])
            return super()._caption("unit")  # pool or made-up words, as the wide space draws them
        return super()._caption(column)

    def money(self, value: Decimal, mark: bool = True, places: int = 2) -> str:
        text = self.signed(format_grouped(abs(value), self.extra["number_style"], places), value < 0)
        if not self.mark or not mark:
            return text
        return f"{self.mark} {text}" if self.symbol_first else f"{text} {self.mark}"

    def quantity(self, line: WideLine) -> str:
        value = abs(line.quantity)
        exponent = value.normalize().as_tuple().exponent
        places = -exponent if isinstance(exponent, int) and exponent < 0 else 0
        return self.signed(format_grouped(value, self.extra["number_style"], places), line.quantity < 0)

    def cell(self, line: WideLine, column: str) -> str:
        if column in EXTRA_WORDS:
            return self.extra["cells"][self.lines.index(line)]
        if column in ("unit_price", "net_price"):
            return self.money(getattr(line, column), places=self.extra["price_places"])
        return super().cell(line, column)

    def grid(self) -> None:
        """The wide space's grid, each item's numbers on the line its ``anchor`` says."""
        spec, size = self.spec, self.size
        widths = self._widths(spec)
        xs, x = {}, MARGIN
        for column in spec.columns:
            xs[column] = x
            x += widths[column]
        self.xs, self.widths_, self.right = xs, widths, x
        self.amount_right = xs["amount"] + widths["amount"] - size * 0.6
        step, pad = size * 1.3, size * 0.6
        anchor = self.extra["anchor"]
        self._caption_row()
        for kind, value in self._rows():
            if self._section_row(kind, value, step, pad):
                continue
            line = self.lines[value]
            described = wrap(line.description, self.fonts.regular, size, widths["description"] - 2 * pad)
            numbers_at = {"first": 0, "middle": (len(described) - 1) // 2, "last": len(described) - 1}
            at = numbers_at.get(anchor, len(described))
            rows = max(len(described), at + 1)
            height = step * (rows + len(line.sub_lines)) + 0.5 * pad
            self._break(height, self._caption_row)
            page, top = self.pages[-1], self.y
            if spec.rules == "zebra" and value % 2 == 0:
                page.rect(MARGIN, top, self.right - MARGIN, height, stroke=None, fill=(0.92, 0.93, 0.95))
            baseline = top + step * 0.8
            for column in spec.columns:
                shift = 0 if column in ("description", "position") else at
                if column == "sku" and anchor == "below":
                    shift = 0
                self._cell(page, line, value, column, baseline + shift * step, described)
            for offset, sub in enumerate(line.sub_lines):
                y = baseline + step * (rows + offset)
                page.text(xs["description"] + pad + 2 * size, y, sub, self.fonts.italic, size * 0.85)
            self._close_row(page, line, top, height)
        self.y += step

    def _cell(
        self, page: PageDraft, line: WideLine, index: int, column: str, baseline: float, described: list[str]
    ) -> None:
        if column not in EXTRA_WORDS:
            super()._cell(page, line, index, column, baseline, described)
            return
        pad = self.size * 0.6
        page.text(self.xs[column] + pad, baseline, self.cell(line, column), self.fonts.regular, self.size)


def sample_stress_spec(rng: random.Random) -> tuple[WideSpec, dict[str, Any]]:
    """A wide-space grid (captions in a known language more often than not) and the stress factors."""
    spec = sample_wide_spec(rng)
    captions = rng.choices(["lang", "pool", "nonsense", "none"], [0.6, 0.1, 0.15, 0.15])[0]
    anchor = rng.choice(ANCHORS)
    extra: dict[str, Any] = {
        "anchor": anchor,
        "number_style": rng.choice(NUMBER_STYLES),
        "price_places": rng.choices([2, 3, 4], [0.5, 0.25, 0.25])[0],
        "sku_style": rng.choice(SKU_STYLES),
        "extra": rng.choice(EXTRAS),
        "wide_numbers": rng.random() < 0.3,
    }
    spec = replace(spec, layout="grid", captions=captions, wrapped=anchor != "first" or spec.wrapped)
    columns = list(spec.columns)
    if extra["extra"] != "none":
        columns.insert(columns.index("description") + 1, extra["extra"])
    if extra["sku_style"] != "wide" and spec.sku not in ("column", "two_parts"):
        spec = replace(spec, sku="column")
        columns.insert(columns.index("description"), "sku")
    return replace(spec, columns=tuple(columns)), extra


def _stress_lines(rng: random.Random, spec: WideSpec, extra: dict[str, Any], day: date) -> list[WideLine]:
    lines = _lines(rng, spec, day)
    cells = []
    for line in lines:
        if extra["sku_style"] == "ean":
            line.sku = f"{rng.choice(['40', '50', '76', '87', '90'])}{rng.randrange(10**10, 10**11)}"
        elif extra["sku_style"] == "material":
            line.sku = str(rng.randrange(10**8, 10**9))
        elif extra["sku_style"] == "padded":
            line.sku = f"{rng.randrange(10**5, 10**7):018d}"
        if extra["wide_numbers"] and line.unit_price > 0 and line.quantity > 0:
            line.quantity *= rng.choice([10, 100, 1000])
            line.unit_price = q2(line.unit_price * rng.choice([1, 10]) / (10 if line.quantity > 5000 else 1))
        places = extra["price_places"]
        if places > 2 and line.unit_price:
            line.unit_price = line.unit_price + Decimal(rng.randrange(1, 10 ** (places - 2))).scaleb(-places)
        line.net_price = (line.unit_price * (1 - line.discount_pct / 100)).quantize(Decimal(1).scaleb(-places))
        gross_value = q2(line.quantity * line.unit_price / line.per)
        if line.discount_pct:
            line.discount_amount = q2(gross_value * line.discount_pct / 100)
        elif line.discount_amount:
            line.discount_amount = min(line.discount_amount, q2(abs(gross_value) / 10))
        line.amount = line_amount(line, spec.tax == "gross")
        kind = extra["extra"]
        if kind == "date":
            cells.append(_date_text(day + timedelta(days=rng.randrange(7, 120)), spec.numbers))
        elif kind == "tariff":
            cells.append(f"{rng.randrange(1000, 9999)} {rng.randrange(10, 99)} {rng.randrange(10, 99)}")
        elif kind == "weight":
            cells.append(f"{format_grouped(Decimal(rng.randrange(1, 99999)) / 10, extra['number_style'], 1)} kg")
        elif kind == "cost_centre":
            cells.append(f"{rng.randrange(1000, 9999)}-{rng.randrange(100, 999)}")
        else:
            cells.append("")
    extra["cells"] = cells
    return lines


def make_stress_po(seed: int, doc_id: str | None = None) -> GeneratedDoc:
    """One stress-space purchase order; the same seed gives the same bytes and labels."""
    rng = random.Random(seed)
    spec, extra = sample_stress_spec(random.Random(seed * 7937 + 19))
    day = date(2026, 1, 1) + timedelta(days=rng.randrange(0, 330))
    po_number = f"{rng.choice(['45', '77', 'PO-', 'B'])}{rng.randrange(100000, 999999)}"
    lines = _stress_lines(rng, spec, extra, day)
    writer = StressWriter(rng, spec, lines, po_number, day, extra=extra)
    spec = writer.spec  # as fitted to the page
    writer.header()
    writer.grid()
    writer.totals()
    factors = {**spec.factors(), **{k: v for k, v in extra.items() if k != "cells"}}
    return wide_document(writer, lines, po_number, "stress", factors, doc_id or f"po-tablefuzz-stress-{seed}")


__all__ = ["FACTORS", "format_grouped", "make_stress_po", "sample_stress_spec"]
