"""The wide table stress space (``space="wide"`` of training/factory/tablefuzz.py): purchase orders whose line
table draws many more ways of printing items than the default space, written without reading the extractor, to
measure line reading on tables nobody has studied.

Drawn per document (each a factor the bench reports by): a grid or items as cards (blocks); grouped sections under
section header rows with section subtotals; a price unit (per 100, per 1000, or per line); integer or decimal
quantities, the unit in a column, in the quantity's cell or nowhere; discount as a percentage, an amount, or both,
with or without a net price column; a tax rate per line and tax-inclusive (gross) line amounts; free items (price 0)
and credit lines with negative amounts (leading minus, trailing minus or parentheses); line numbers 1/2/3, 10/20/30
or 1.1/1.2; no article number, the article number in brackets inside the description, one article number column,
or two part number columns (the vendor's and the buyer's); dotted leaders after descriptions; caption rows over two
lines; boxed cells, rules between rows, zebra bands or nothing; numbers left- or right-aligned; a currency code
column; tables of one row, of a few, or of 40 and more over pages, continued under a repeated caption row with a
carried-forward and brought-forward subtotal, a repeated caption row alone, or nothing; captions in English, German,
French, Spanish, Italian, Dutch, Polish, Swedish, Danish or Portuguese, the default space's unknown-language pool,
made-up words, or none.

Labels are the factory's truth (sku, description, quantity, unit_price, amount) with the default space's rules:
the sku is the vendor's article number, labelled where it has a column of its own, or where two part number
columns stand side by side and their captions (a real language) say which one is the vendor's; not labelled where
it sits inside the description (the description is the text printed, brackets and all) or where no caption tells
the two codes apart. unit_price is the price printed per one unit (the list price where a discount or net price is
printed beside it); not labelled on a line priced per 100 or per 1000, as the contract has no price unit. amount
is the line's total as printed: net of discount, gross where the table prints tax-inclusive amounts. Section header
rows, subtotals and carried-forward rows are not items; sub-lines (a delivery date, a note) are each item's
``extra``, as in the default space.
"""

from __future__ import annotations

import random
from dataclasses import asdict, dataclass, replace
from datetime import date, timedelta
from decimal import Decimal
from typing import Any

from training.factory import vocab
from training.factory.common import GeneratedDoc, build_label, family_id, tagged_fields
from training.factory.layout import FONT_FAMILIES, Entity, Fonts, PageDraft, render_pdf, width, wrap
from training.factory.tablefuzz import (
    CAPTION_POOL,
    CURRENCY,
    LANDSCAPE,
    MARGIN,
    NOTES,
    PORTRAIT,
    SUB_LINES,
    _date_text,
    _nonsense,
)
from training.factory.values import company_name, dec_str, format_number, format_quantity, q2

LANGUAGES = ("en", "de", "fr", "es", "it", "nl", "pl", "sv", "da", "pt")
WORDS = ("position", "sku", "sku_vendor", "buyer_part", "description", "unit", "quantity", "unit_price",
         "price_unit", "discount_pct", "discount_amount", "net_price", "tax", "amount", "currency", "subtotal",
         "carried", "brought", "total", "net", "lot", "per", "gross", "credit", "free", "title")  # fmt: skip
# one row per language, in the order of WORDS
_TABLE = {
    "en": "Item|Part No.|Your Part No.|Our Part No.|Description|Unit|Qty|Unit Price|Price Unit|Disc. %|Discount"
    "|Net Price|Tax %|Amount|Curr.|Subtotal|Carried forward|Brought forward|Total|Net|Lot|per|incl. tax"
    "|Credit|free of charge|Purchase Order",
    "de": "Pos.|Art.-Nr.|Ihre Art.-Nr.|Unsere Mat.-Nr.|Bezeichnung|ME|Menge|Einzelpreis|Preiseinheit|Rabatt %"
    "|Rabattbetrag|Nettopreis|MwSt. %|Gesamtpreis|Währung|Zwischensumme|Übertrag|Übertrag von Seite|Gesamtbetrag"
    "|Netto|Los|pro|brutto|Gutschrift|kostenlos|Bestellung",
    "fr": "Pos.|Référence|Votre réf.|Notre réf.|Désignation|Unité|Quantité|Prix unitaire|Unité de prix|Remise %"
    "|Montant remise|Prix net|TVA %|Montant|Devise|Sous-total|À reporter|Report|Total|HT|Lot|par|TTC|Avoir"
    "|gratuit|Bon de commande",
    "es": "Pos.|Referencia|Su referencia|Nuestra ref.|Descripción|Unidad|Cantidad|Precio unitario|Unidad de precio"
    "|Dto. %|Importe dto.|Precio neto|IVA %|Importe|Moneda|Subtotal|Suma y sigue|Suma anterior|Total|Base"
    "|Lote|por|IVA incl.|Abono|sin cargo|Pedido",
    "it": "Pos.|Codice articolo|Vs. codice|Ns. codice|Descrizione|U.M.|Quantità|Prezzo unitario|Unità di prezzo"
    "|Sconto %|Importo sconto|Prezzo netto|IVA %|Importo|Valuta|Subtotale|A riportare|Riporto|Totale|Imponibile"
    "|Lotto|per|IVA incl.|Nota di credito|omaggio|Ordine d'acquisto",
    "nl": "Pos.|Artikelnr.|Uw artikelnr.|Ons artikelnr.|Omschrijving|Eenheid|Aantal|Stukprijs|Prijseenheid"
    "|Korting %|Kortingsbedrag|Nettoprijs|BTW %|Bedrag|Valuta|Subtotaal|Transport|Transport vorige pagina"
    "|Totaal|Netto|Perceel|per|incl. BTW|Creditering|gratis|Inkooporder",
    "pl": "Lp.|Indeks|Indeks dostawcy|Nasz indeks|Nazwa towaru|J.m.|Ilość|Cena jedn.|Jednostka ceny|Rabat %"
    "|Kwota rabatu|Cena netto|VAT %|Wartość|Waluta|Suma częściowa|Do przeniesienia|Z przeniesienia|Razem"
    "|Netto|Partia|za|brutto|Korekta|gratis|Zamówienie",
    "sv": "Rad|Artikelnr|Er art.nr|Vårt art.nr|Benämning|Enhet|Antal|À-pris|Prisenhet|Rabatt %|Rabattbelopp"
    "|Nettopris|Moms %|Belopp|Valuta|Delsumma|Att överföra|Överfört|Summa|Netto|Parti|per|inkl. moms"
    "|Kreditering|utan kostnad|Inköpsorder",
    "da": "Linje|Varenr.|Jeres varenr.|Vores varenr.|Beskrivelse|Enhed|Antal|Stykpris|Prisenhed|Rabat %"
    "|Rabatbeløb|Nettopris|Moms %|Beløb|Valuta|Subtotal|Transport|Transporteret|I alt|Netto|Parti|pr."
    "|inkl. moms|Kreditering|gratis|Indkøbsordre",
    "pt": "Item|Referência|Ref. fornecedor|Nossa ref.|Descrição|Unid.|Quantidade|Preço unitário|Unidade de preço"
    "|Desc. %|Valor desc.|Preço líquido|IVA %|Valor|Moeda|Subtotal|A transportar|Transporte|Total|Líquido"
    "|Lote|por|IVA incl.|Crédito|oferta|Nota de encomenda",
}
LANGUAGE_WORDS: dict[str, dict[str, str]] = {
    lang: dict(zip(WORDS, row.split("|"), strict=True)) for lang, row in _TABLE.items()
}
CREDIT_REASONS = ["returned goods", "volume rebate", "price correction", "damaged in transit", "bonus agreement"]
DECIMAL_UNITS = ["kg", "m", "l", "h", "m2", "t"]
COUNT_UNITS = ["pcs", "pc", "set", "box", "pair", "roll", "pack"]
TAX_RATES = ["0", "4", "5", "7", "10", "19", "20", "21", "22", "23", "25"]
NUMERIC = ("quantity", "price_unit", "unit_price", "discount_pct", "discount_amount", "net_price", "tax", "amount")
POOL_ROLES = {"buyer_part": "customer_part", "discount_pct": "discount", "tax": "vat"}  # the default pool's names
FACTORS = ("layout", "captions", "language", "caption_lines", "numbers", "currency", "sku", "line_numbers",
           "sections", "price_per", "quantities", "unit", "discount", "tax", "specials", "negatives", "rules",
           "align", "leaders", "size", "continuation", "wrapped", "sub_lines", "font_size", "landscape", "totals",
           "column_count")  # fmt: skip


@dataclass(frozen=True)
class WideSpec:
    """One document's draw from the wide space (the factors the bench reports line F1 by)."""

    layout: str  # grid | cards
    captions: str  # lang | pool | nonsense | none
    language: str  # LANGUAGES: the captions' and the table's own words (subtotal, carried forward...)
    caption_lines: int  # 1 | 2
    numbers: str  # en | de | fr | ch
    currency: str  # none | symbol | code | column
    sku: str  # none | column | in_description | two_parts
    line_numbers: str  # none | ones | tens | dotted
    sections: bool
    price_per: str  # unit | 100 | 1000 | mixed
    quantities: str  # integer | decimal
    unit: str  # column | in_quantity | none
    discount: str  # none | percent | amount | percent_net | percent_amount_net
    tax: str  # none | rate | gross
    specials: str  # none | free | credit | both
    negatives: str  # minus | trailing | parentheses
    rules: str  # boxed | ruled | zebra | none
    align: str  # right | left (numbers)
    leaders: bool
    size: str  # tiny | normal | long
    continuation: str  # repeat_carried | repeat | bare
    wrapped: bool
    sub_lines: bool
    font_family: str
    font_size: float
    landscape: bool
    totals: str  # none | total | three
    columns: tuple[str, ...] = ()

    def factors(self) -> dict[str, Any]:
        out = asdict(self)
        out["columns"] = "+".join(self.columns)
        out["font_size"] = "small" if self.font_size < 8 else "large" if self.font_size >= 9.5 else "medium"
        out["column_count"] = len(self.columns)
        return out


def sample_wide_spec(rng: random.Random) -> WideSpec:
    size = rng.choices(["tiny", "normal", "long"], [0.15, 0.6, 0.25])[0]
    layout = "cards" if rng.random() < 0.2 else "grid"
    tax = rng.choices(["none", "rate", "gross"], [0.5, 0.3, 0.2])[0]
    spec = WideSpec(
        layout=layout,
        captions=rng.choices(["lang", "pool", "nonsense", "none"], [0.55, 0.15, 0.15, 0.15])[0],
        language=rng.choice(LANGUAGES),
        caption_lines=2 if rng.random() < 0.3 else 1,
        numbers=rng.choice(["en", "de", "fr", "ch"]),
        currency=rng.choice(["none", "symbol", "code", "column"]),
        sku=rng.choice(["none", "column", "column", "in_description", "two_parts"]),
        line_numbers=rng.choice(["none", "ones", "tens", "dotted"]),
        sections=size != "tiny" and rng.random() < 0.3,
        price_per=rng.choices(["unit", "100", "1000", "mixed"], [0.6, 0.15, 0.1, 0.15])[0],
        quantities=rng.choice(["integer", "decimal"]),
        unit=rng.choice(["column", "in_quantity", "none"]),
        discount=rng.choices(["none", "percent", "amount", "percent_net", "percent_amount_net"], [4, 1, 1, 1, 1])[0],
        tax=tax,
        specials="none"
        if size == "tiny"
        else rng.choices(["none", "free", "credit", "both"], [0.55, 0.15, 0.15, 0.15])[0],
        negatives=rng.choice(["minus", "trailing", "parentheses"]),
        rules=rng.choice(["boxed", "ruled", "zebra", "none"]),
        align="left" if rng.random() < 0.3 else "right",
        leaders=rng.random() < 0.25,
        size=size,
        continuation=rng.choice(["repeat_carried", "repeat", "bare"]),
        wrapped=rng.random() < 0.35,
        sub_lines=rng.random() < 0.3,
        font_family=rng.choice(sorted(FONT_FAMILIES)),
        font_size=rng.choice([7.0, 7.5, 8.0, 8.5, 9.0, 9.5, 10.0]),
        landscape=rng.random() < 0.2,
        totals=rng.choice(["none", "total", "three"]),
    )
    return replace(spec, columns=_columns(rng, spec))


def _columns(rng: random.Random, spec: WideSpec) -> tuple[str, ...]:
    codes = {"column": ["sku"], "two_parts": ["sku", "buyer_part"]}.get(spec.sku, [])
    if len(codes) == 2 and rng.random() < 0.5:
        codes.reverse()
    text = [*codes, "description"] if rng.random() < 0.75 else ["description", *codes]
    numeric = ["quantity"] + (["unit"] if spec.unit == "column" else [])
    numeric += ["unit_price"] + (["price_unit"] if spec.price_per != "unit" else [])
    if "percent" in spec.discount:
        numeric.append("discount_pct")
    if "amount" in spec.discount:
        numeric.append("discount_amount")
    if spec.discount.endswith("_net"):
        numeric.append("net_price")
    if spec.tax != "none":
        numeric.append("tax")
    if spec.currency == "column":
        numeric.append("currency")
    if rng.random() < 0.2:
        rng.shuffle(numeric)
    numeric.append("amount")
    return tuple((["position"] if spec.line_numbers != "none" else []) + text + numeric)


@dataclass
class WideLine:
    """An item and every number its pricing rule uses (the self-check test recomputes the amount from these)."""

    position: str
    sku: str
    buyer_part: str
    description: str  # as printed (an article number in brackets included)
    unit: str
    quantity: Decimal
    unit_price: Decimal
    per: int  # the price is for this many units
    discount_pct: Decimal
    discount_amount: Decimal
    net_price: Decimal
    tax: Decimal
    amount: Decimal
    section: int
    sub_lines: list[str]


def line_amount(line: WideLine, gross: bool) -> Decimal:
    """The pricing rule: quantity x price / price unit, less the discount, plus tax where amounts are gross."""
    net = q2(line.quantity * line.unit_price / line.per) - line.discount_amount
    return q2(net * (1 + line.tax / 100)) if gross else net


def _lines(rng: random.Random, spec: WideSpec, day: date) -> list[WideLine]:
    count = {"tiny": 1, "normal": rng.randrange(2, 13), "long": rng.randrange(40, 66)}[spec.size]
    sections = sorted(rng.sample(range(1, count), min(count - 1, rng.randrange(1, 4)))) if spec.sections else []
    rates = [Decimal(r) for r in rng.sample(TAX_RATES, 2)]
    specials = set(range(count))
    specials = (
        set(rng.sample(sorted(specials), min(count - 1, rng.randrange(1, 3)))) if spec.specials != "none" else set()
    )
    brackets = rng.choice(["[{}]", "({})", "- {}"])
    out: list[WideLine] = []
    section, in_section = 0, 0
    for index in range(count):
        if index in sections:
            section, in_section = section + 1, 0
        in_section += 1
        noun, natural_unit = rng.choice(vocab.PRODUCT_NOUNS)
        parts = [rng.choice(vocab.PRODUCT_ADJECTIVES), noun]
        for _ in range(rng.choice([2, 3, 4]) if spec.wrapped else rng.choice([0, 0, 1])):
            parts.append(rng.choice(vocab.PRODUCT_SPECS))
        description = " ".join(parts[:2]) + ("" if len(parts) == 2 else ", " + ", ".join(dict.fromkeys(parts[2:])))
        sku = f"{rng.choice('ABCDHKMRT')}{rng.choice('ABCDHKMRT')}-{rng.randrange(10000, 999999)}"
        if spec.quantities == "decimal":
            unit = rng.choice(DECIMAL_UNITS)
            quantity = Decimal(rng.randrange(1, 99999)) / Decimal(rng.choice([10, 100, 1000]))
        else:
            unit = rng.choice(COUNT_UNITS) if rng.random() < 0.7 else natural_unit.lower()
            quantity = Decimal(rng.choice([1, 2, 3, 4, 5, 6, 8, 10, 12, 20, 24, 50, 100, 250, 500, 1000, 2500]))
        per = {"unit": 1, "100": 100, "1000": 1000, "mixed": rng.choice([1, 100, 1000])}[spec.price_per]
        price = q2(Decimal(rng.randrange(5, 250000)) / 100)
        pct = (
            Decimal(rng.choice(["0", "2", "3", "5", "10", "12.5", "15", "20"]))
            if "percent" in spec.discount
            else Decimal(0)
        )
        kind = ""
        if index in specials:
            kind = {"free": "free", "credit": "credit"}.get(spec.specials) or rng.choice(["free", "credit"])
        if kind == "free":
            price, pct = Decimal("0.00"), Decimal(0)
            description = f"{description}, {LANGUAGE_WORDS[spec.language]['free']}"
        elif kind == "credit":
            pct = Decimal(0)
            description = f"{LANGUAGE_WORDS[spec.language]['credit']}: {rng.choice(CREDIT_REASONS)}"
            if rng.random() < 0.5:
                quantity = -quantity
            else:
                price, quantity, per = -price, Decimal(1), 1
        gross_value = q2(quantity * price / per)
        if spec.discount == "amount":
            off = q2(gross_value * Decimal(rng.choice([0, 0, 2, 5, 8])) / 100) if kind == "" else Decimal("0.00")
        else:
            off = q2(gross_value * pct / 100)
        if spec.sku == "in_description":
            description = (
                f"{description} {brackets.format(sku)}"
                if rng.random() < 0.7
                else f"{brackets.format(sku)} {description}"
            )
        position = {"ones": str(index + 1), "tens": str((index + 1) * 10), "dotted": f"{section + 1}.{in_section}"}
        subs = []
        if spec.sub_lines and kind == "" and rng.random() < 0.6:
            subs.append(
                f"{rng.choice(SUB_LINES)}: {_date_text(day + timedelta(days=rng.randrange(7, 90)), spec.numbers)}"
            )
            if rng.random() < 0.4:
                subs.append(rng.choice(NOTES))
        line = WideLine(
            position=position.get(spec.line_numbers, ""),
            sku=sku,
            buyer_part=f"{rng.randrange(100, 999)}.{rng.randrange(1000, 9999)}",
            description=description,
            unit=unit,
            quantity=quantity,
            unit_price=price,
            per=per,
            discount_pct=pct,
            discount_amount=off,
            net_price=q2(price * (1 - pct / 100)),
            tax=rng.choice(rates) if spec.tax != "none" else Decimal(0),
            amount=Decimal(0),
            section=section,
            sub_lines=subs,
        )
        line.amount = line_amount(line, spec.tax == "gross")
        out.append(line)
    return out


class WideWriter:
    """Draws one wide-space document: a short header, the items as a grid or as cards, over pages, the totals."""

    def __init__(self, rng: random.Random, spec: WideSpec, lines: list[WideLine], po_number: str, day: date):
        self.rng, self.lines, self.po_number, self.day = rng, lines, po_number, day
        self.fonts = Fonts.of(spec.font_family)
        self.words = LANGUAGE_WORDS[spec.language]
        code, symbol = CURRENCY[spec.numbers]
        self.code = code
        self.mark = {"symbol": symbol, "code": code}.get(spec.currency, "")
        self.symbol_first = spec.currency == "symbol" and rng.random() < 0.5
        self.spec = spec
        self.captions = {c: self._caption(c) for c in spec.columns}
        self.spec = self._fit(spec)
        self.size = self.spec.font_size
        self.page_size = LANDSCAPE if self.spec.landscape else PORTRAIT
        self.pages: list[PageDraft] = []
        self.y = 0.0
        self.running = Decimal("0.00")

    # ---- words -----------------------------------------------------------------------------

    def _caption(self, column: str) -> list[str]:
        spec = self.spec
        if spec.captions == "none":
            return [""]
        if spec.captions == "lang":
            key = "sku_vendor" if column == "sku" and spec.sku == "two_parts" else column
            text = self.words[key]
            if column == "amount" and spec.tax == "gross":
                text = f"{text} {self.words['gross']}"
        elif spec.captions == "pool" and POOL_ROLES.get(column, column) in CAPTION_POOL:
            text = self.rng.choice(CAPTION_POOL[POOL_ROLES.get(column, column)])
        else:
            text = _nonsense(self.rng)
        if spec.caption_lines == 1:
            return [text]
        words = text.split()
        if len(words) > 1:
            cut = (len(words) + 1) // 2
            return [" ".join(words[:cut]), " ".join(words[cut:])]
        if column in ("unit_price", "net_price", "discount_amount", "amount"):
            return [text, f"({self.code})"]
        return [text, ""]

    def _word(self, key: str) -> str:
        return self.words[key] if self.spec.captions == "lang" else _nonsense(self.rng)

    def signed(self, text: str, negative: bool) -> str:
        if not negative:
            return text
        return {"minus": f"-{text}", "trailing": f"{text}-", "parentheses": f"({text})"}[self.spec.negatives]

    def money(self, value: Decimal, mark: bool = True) -> str:
        text = self.signed(format_number(abs(value), self.spec.numbers), value < 0)
        if not self.mark or not mark:
            return text
        return f"{self.mark} {text}" if self.symbol_first else f"{text} {self.mark}"

    def quantity(self, line: WideLine) -> str:
        return self.signed(format_quantity(abs(line.quantity), self.spec.numbers), line.quantity < 0)

    def percent(self, value: Decimal) -> str:
        return f"{format_quantity(value.normalize(), self.spec.numbers)}%" if value else "-"

    def cell(self, line: WideLine, column: str) -> str:
        spec = self.spec
        if column in ("position", "sku", "buyer_part", "description", "unit"):
            return str(getattr(line, column))
        if column == "quantity":
            return f"{self.quantity(line)} {line.unit}" if spec.unit == "in_quantity" else self.quantity(line)
        if column == "price_unit":
            return str(line.per)
        if column in ("unit_price", "net_price", "amount"):
            return self.money(getattr(line, column))
        if column == "discount_amount":
            return self.money(line.discount_amount, mark=False) if line.discount_amount else "-"
        if column == "currency":
            return self.code
        return self.percent(line.discount_pct if column == "discount_pct" else line.tax)

    def tag(self, line: WideLine, column: str) -> str | None:
        """The entity a cell is labelled with: only what the truth labels (see the module's docstring)."""
        if column == "sku":
            return "sku" if _sku_labelled(self.spec) else None
        if column == "unit_price":
            return "unit_price" if line.per == 1 else None
        return column if column in ("description", "quantity", "amount", "unit") else None

    # ---- geometry --------------------------------------------------------------------------

    def _widths(self, spec: WideSpec) -> dict[str, float]:
        f, bold, size = self.fonts.regular, self.fonts.bold, spec.font_size
        pad = 2 * size
        usable = (LANDSCAPE if spec.landscape else PORTRAIT)[0] - 2 * MARGIN
        out = {}
        for c in spec.columns:
            if c == "description":
                continue
            texts = [self.cell(line, c) for line in self.lines]
            out[c] = max([width(t, bold, size) for t in self.captions[c]] + [width(t, f, size) for t in texts]) + pad
        left = usable - sum(out.values())
        natural = max(width(line.description, f, size) for line in self.lines) + pad
        out["description"] = max(70.0, min(left, natural if not spec.wrapped else 0.55 * natural, 260.0))
        spare = usable - sum(out.values())
        if spare > 0:
            for c in out:
                out[c] += spare / len(out)
        return out

    def _fit(self, spec: WideSpec) -> WideSpec:
        """A smaller print, then landscape, until the grid fits the page (many columns drawn at a large size)."""
        if spec.layout == "cards":
            return spec
        while True:
            usable = (LANDSCAPE if spec.landscape else PORTRAIT)[0] - 2 * MARGIN
            if sum(self._widths(spec).values()) <= usable + 0.01:
                return spec
            if spec.font_size > 6.5:
                spec = replace(spec, font_size=spec.font_size - 0.5)
            elif not spec.landscape:
                spec = replace(spec, landscape=True, font_size=self.spec.font_size)
            else:
                return spec

    def _new_page(self) -> PageDraft:
        page = PageDraft(*self.page_size)
        self.pages.append(page)
        self.y = MARGIN
        return page

    def header(self) -> None:
        page = self._new_page()
        big = self.size + 6
        page.text(MARGIN, self.y + big, company_name(self.rng, "DE"), self.fonts.bold, big)
        self.y += big * 2.2
        title = self.words["title"] if self.spec.captions == "lang" else "Purchase Order"
        page.text(MARGIN, self.y, title, self.fonts.bold, self.size + 3)
        caption = self.rng.choice(["PO No.", "Order No.", "PO #", "No."])
        x = MARGIN + width(title, self.fonts.bold, self.size + 3) + 30
        x += page.text(x, self.y, caption, self.fonts.regular, self.size) + 4
        page.text(x, self.y, self.po_number, self.fonts.regular, self.size, Entity("po_number"))
        self.y += self.size * 1.6
        page.text(MARGIN, self.y, _date_text(self.day, self.spec.numbers), self.fonts.regular, self.size)
        self.y += self.size * 3

    @property
    def bottom(self) -> float:
        return self.page_size[1] - MARGIN - 4 * self.size * 1.3

    def _rows(self) -> list[tuple[str, Any]]:
        """The table's rows in order: section headers, items, section subtotals."""
        rows: list[tuple[str, Any]] = []
        section = None
        for index, line in enumerate(self.lines):
            if self.spec.sections and line.section != section:
                if section is not None:
                    rows.append(("subtotal", section))
                section = line.section
                rows.append(("section", section))
            rows.append(("item", index))
        if self.spec.sections:
            rows.append(("subtotal", section))
        return rows

    def _section_title(self, section: int) -> str:
        noun = self.rng.choice(vocab.PRODUCT_NOUNS)[0]
        return f"{self._word('lot')} {section + 1} - {noun}"

    def _close_row(self, page: PageDraft, line: WideLine, top: float, height: float) -> None:
        """An item's row drawn: its rule or boxes under the grid's style, and its amount carried."""
        self.y = top + height
        if self.spec.rules == "ruled":
            page.line(MARGIN, self.y, self.right, self.y, 0.4)
        elif self.spec.rules == "boxed":
            for column in self.spec.columns:
                page.rect(self.xs[column], top, self.widths_[column], height, line_width=0.4)
        self.running += line.amount

    def _section_row(self, kind: str, value: int, step: float, pad: float) -> bool:
        """Draw a section's title or its subtotal row (True), or leave an item's row to the caller (False)."""
        if kind == "section":
            self._break(step * 3, self._caption_row)
            self.y += step * 0.4
            self.pages[-1].text(
                MARGIN + pad, self.y + step * 0.8, self._section_title(value), self.fonts.bold, self.size
            )
            self.y += step * 1.2
            return True
        if kind == "subtotal":
            self._break(step * 2, self._caption_row)
            self._sum_row(f"{self._word('subtotal')} {value + 1}", self._section_sum(value))
            return True
        return False

    def _section_sum(self, section: int) -> Decimal:
        return sum((line.amount for line in self.lines if line.section == section), Decimal("0.00"))

    def _break(self, height: float, draw_caption: Any) -> None:
        """A new page when the next row does not fit: carried forward below, brought forward and captions above."""
        if self.y + height <= self.bottom:
            return
        carried = self.spec.continuation == "repeat_carried"
        if carried:
            self._sum_row(self._word("carried"), self.running)
        self._new_page().text(MARGIN, self.y + self.size, self.po_number, self.fonts.regular, self.size)
        self.y += self.size * 3
        if self.spec.continuation != "bare":
            draw_caption()
        if carried:
            self._sum_row(self._word("brought"), self.running)

    # ---- grid ------------------------------------------------------------------------------

    def grid(self) -> None:
        spec, size = self.spec, self.size
        widths = self._widths(spec)
        xs, x = {}, MARGIN
        for column in spec.columns:
            xs[column] = x
            x += widths[column]
        self.xs, self.widths_, self.right = xs, widths, x
        self.amount_right = xs["amount"] + widths["amount"] - size * 0.6
        step, pad = size * 1.3, size * 0.6
        self._caption_row()
        for kind, value in self._rows():
            if self._section_row(kind, value, step, pad):
                continue
            line = self.lines[value]
            described = wrap(line.description, self.fonts.regular, size, widths["description"] - 2 * pad)
            height = step * (len(described) + len(line.sub_lines)) + 0.5 * pad
            self._break(height, self._caption_row)
            page, top = self.pages[-1], self.y
            if spec.rules == "zebra" and value % 2 == 0:
                page.rect(MARGIN, top, self.right - MARGIN, height, stroke=None, fill=(0.92, 0.93, 0.95))
            baseline = top + step * 0.8
            for column in spec.columns:
                self._cell(page, line, value, column, baseline, described)
            scale = 0.8 if self.rng.random() < 0.5 else 1.0
            for offset, sub in enumerate(line.sub_lines):
                y = baseline + step * (len(described) + offset)
                page.text(xs["description"] + pad + 2 * size, y, sub, self.fonts.italic, size * scale)
            self._close_row(page, line, top, height)
        self.y += step

    def _cell(
        self, page: PageDraft, line: WideLine, index: int, column: str, baseline: float, described: list[str]
    ) -> None:
        size, pad, regular = self.size, self.size * 0.6, self.fonts.regular
        x, cell_width = self.xs[column], self.widths_[column]
        tag = self.tag(line, column)
        entity = Entity(tag, row=index) if tag else None
        if column == "description":
            for offset, part in enumerate(described):
                page.text(x + pad, baseline + offset * size * 1.3, part, regular, size, entity, row=index)
            if self.spec.leaders:
                end = x + pad + width(described[-1], regular, size) + size * 0.5
                self._leader(page, end, x + cell_width - pad, baseline + (len(described) - 1) * size * 1.3)
            return
        text = self.cell(line, column)
        if column == "quantity" and self.spec.unit == "in_quantity":  # the unit its own word, tagged apart
            number = self.quantity(line)
            text_width = width(f"{number} {line.unit}", regular, size)
            start = x + pad if self.spec.align == "left" else x + cell_width - pad - text_width
            start += page.text(start, baseline, number, regular, size, entity, row=index) + width(" ", regular, size)
            page.text(start, baseline, line.unit, regular, size, Entity("unit", row=index), row=index)
            return
        if column in NUMERIC and self.spec.align == "right":
            page.text(x + cell_width - pad, baseline, text, regular, size, entity, align="right", row=index)
        else:
            page.text(x + pad, baseline, text, regular, size, entity, row=index)

    def _leader(self, page: PageDraft, x0: float, x1: float, baseline: float) -> None:
        dots = int((x1 - x0) / width(".", self.fonts.regular, self.size))
        if dots >= 3:
            page.text(x0, baseline, "." * dots, self.fonts.regular, self.size)

    def _caption_row(self) -> None:
        page, spec, size = self.pages[-1], self.spec, self.size
        if spec.captions == "none":
            if spec.rules in ("ruled", "boxed"):
                page.line(MARGIN, self.y, self.right, self.y, 0.8)
            return
        height = size * (1.8 if spec.caption_lines == 1 else 3.0)
        if spec.rules in ("zebra", "boxed"):
            page.rect(MARGIN, self.y, self.right - MARGIN, height, stroke=None, fill=(0.82, 0.85, 0.9))
        pad = size * 0.6
        for column in spec.columns:
            for offset, caption in enumerate(self.captions[column]):
                baseline = self.y + size * (1.25 + 1.2 * offset)
                if column in NUMERIC and spec.align == "right":
                    right = self.xs[column] + self.widths_[column] - pad
                    page.text(right, baseline, caption, self.fonts.bold, size, align="right")
                else:
                    page.text(self.xs[column] + pad, baseline, caption, self.fonts.bold, size)
        self.y += height
        if spec.rules != "none":
            page.line(MARGIN, self.y, self.right, self.y, 0.8)

    def _sum_row(self, caption: str, value: Decimal) -> None:
        """A row that is not an item: a section subtotal, carried or brought forward, under the amounts."""
        step = self.size * 1.3
        page = self.pages[-1]
        self.y += step
        text = self.money(value)
        left = self.amount_right - width(text, self.fonts.regular, self.size) - 12
        page.text(left, self.y, caption, self.fonts.bold, self.size, align="right")
        page.text(self.amount_right, self.y, text, self.fonts.regular, self.size, align="right")
        self.y += step * 0.6

    # ---- cards -----------------------------------------------------------------------------

    def cards(self) -> None:
        spec, size = self.spec, self.size
        step, pad = size * 1.35, size * 0.8
        self.right = self.page_size[0] - MARGIN
        self.amount_right = self.right - pad
        text_width = self.right - MARGIN - 2 * pad - 110
        for kind, value in self._rows():
            if kind == "section":
                self._break(step * 4, lambda: None)
                self.y += step
                self.pages[-1].text(MARGIN, self.y, self._section_title(value), self.fonts.bold, size + 1)
                self.y += step * 0.6
                continue
            if kind == "subtotal":
                self._break(step * 2, lambda: None)
                self._sum_row(f"{self._word('subtotal')} {value + 1}", self._section_sum(value))
                continue
            line = self.lines[value]
            head = f"{line.position} " if line.position else ""
            described = wrap(line.description, self.fonts.bold, size, text_width - width(head, self.fonts.bold, size))
            placed = self._place(self._pairs(line), MARGIN + pad + 2 * size, self.right - pad)
            rows = 1 + max((offset for offset, *_ in placed), default=0)
            height = step * (len(described) + rows + len(line.sub_lines)) + pad
            self._break(height + step, lambda: None)
            page, top = self.pages[-1], self.y + step * 0.5
            if spec.rules in ("boxed", "zebra"):
                fill = (0.93, 0.94, 0.96) if spec.rules == "zebra" else None
                stroke = (0.0, 0.0, 0.0) if fill is None else None
                page.rect(MARGIN, top, self.right - MARGIN, height, stroke=stroke, fill=fill, radius=3)
            baseline = top + step * 0.9
            x = MARGIN + pad
            if head:
                x += page.text(x, baseline, head, self.fonts.bold, size) + size * 0.6
            described_entity = Entity("description", row=value)
            for offset, part in enumerate(described):
                page.text(x, baseline + offset * step, part, self.fonts.bold, size, described_entity, row=value)
            amount = self.money(line.amount)
            tagged = Entity("amount", row=value)
            page.text(self.amount_right, baseline, amount, self.fonts.bold, size, tagged, "right", row=value)
            if spec.leaders:
                end = (
                    x + width(described[0], self.fonts.bold, size) + size * 0.5
                    if len(described) == 1
                    else x + text_width
                )
                self._leader(page, end, self.amount_right - width(amount, self.fonts.bold, size) - size * 0.5, baseline)
            y = baseline + step * len(described)
            for offset, x, text, tag, font_name in placed:
                entity = Entity(tag, row=value) if tag else None
                page.text(x, y + offset * step, text, font_name, size * 0.9, entity, row=value)
            y += step * (rows - 1)
            for offset, sub in enumerate(line.sub_lines):
                page.text(MARGIN + pad + 2 * size, y + step * (offset + 1), sub, self.fonts.italic, size * 0.85)
            self.y = top + height
            if spec.rules == "ruled":
                page.line(MARGIN, self.y + step * 0.25, self.right, self.y + step * 0.25, 0.4)
            self.running += line.amount
        self.y += step

    def _place(
        self, pairs: list[tuple[str, str, str | None]], x0: float, x1: float
    ) -> list[tuple[int, float, str, str | None, str]]:
        """Where each caption and value of a card's pairs goes: (row, x, text, tag, font), a pair moving to the next
        row whole when it would pass the card's right edge."""
        size, regular = self.size * 0.9, self.fonts.regular
        out: list[tuple[int, float, str, str | None, str]] = []
        row, x = 0, x0
        for caption, text, tag in pairs:
            label = f"{caption}:" if caption else ""
            gap = width(" ", regular, size) if tag == "unit" else size * 1.8
            need = (width(label, regular, size) + size * 0.4 if label else 0) + width(text, regular, size)
            if out:
                x += gap
                if x + need > x1:
                    row, x = row + 1, x0
            if label:
                out.append((row, x, label, None, regular))
                x += width(label, regular, size) + size * 0.4
            out.append((row, x, text, tag, regular))
            x += width(text, regular, size)
        return out

    def _pairs(self, line: WideLine) -> list[tuple[str, str, str | None]]:
        """A card's second line: caption and value for each column but the description and the amount (the unit
        comes after the quantity, captioned or not; the price unit inside the price)."""
        out: list[tuple[str, str, str | None]] = []
        for column in self.spec.columns:
            if column in ("description", "amount", "position", "unit", "price_unit"):
                continue
            caption = self.captions[column][0] if self.spec.captions != "none" else ""
            text = self.quantity(line) if column == "quantity" else self.cell(line, column)
            if column == "unit_price" and line.per != 1:
                text = f"{text} {self.words['per']} {line.per}"
            out.append((caption, text, self.tag(line, column)))
            if column == "quantity" and self.spec.unit != "none":
                out.append(("", line.unit, "unit"))
        return out

    # ---- totals ----------------------------------------------------------------------------

    def totals(self) -> None:
        if self.spec.totals == "none":
            return
        if self.y + self.size * 1.3 * 6 > self.page_size[1] - MARGIN:  # the totals block on a page of its own
            self._new_page()
        lines_sum = sum((line.amount for line in self.lines), Decimal("0.00"))
        if self.spec.totals == "total":
            self._sum_row(self._word("total"), lines_sum)
            return
        gross = self.spec.tax == "gross"
        tax = sum((q2(line.amount * line.tax / (100 + line.tax if gross else 100)) for line in self.lines), Decimal(0))
        net = lines_sum - tax if gross else lines_sum
        tax_caption = (
            self.words["tax"].replace("%", "").strip() if self.spec.captions == "lang" else _nonsense(self.rng)
        )
        for caption, value in ((self._word("net"), net), (tax_caption, tax), (self._word("total"), net + tax)):
            self._sum_row(caption, value)


def _sku_labelled(spec: WideSpec) -> bool:
    return spec.sku == "column" or (spec.sku == "two_parts" and spec.captions == "lang")


def make_wide_po(seed: int, doc_id: str | None = None) -> GeneratedDoc:
    """One wide-space table stress purchase order; the same seed gives the same bytes and labels."""
    rng = random.Random(seed)
    spec = sample_wide_spec(random.Random(seed * 7927 + 13))
    day = date(2026, 1, 1) + timedelta(days=rng.randrange(0, 330))
    po_number = f"{rng.choice(['45', '77', 'PO-', 'B'])}{rng.randrange(100000, 999999)}"
    lines = _lines(rng, spec, day)
    writer = WideWriter(rng, spec, lines, po_number, day)
    spec = writer.spec  # as fitted to the page
    writer.header()
    if spec.layout == "cards":
        writer.cards()
    else:
        writer.grid()
    writer.totals()
    return wide_document(writer, lines, po_number, "wide", spec.factors(), doc_id or f"po-tablefuzz-wide-{seed}")


def wide_document(
    writer: WideWriter, lines: list[WideLine], po_number: str, space: str, factors: dict[str, Any], doc_id: str
) -> GeneratedDoc:
    """A drawn wide-space order (header, table and totals on ``writer``'s pages) as a labelled PDF: its truth, its
    family from ``factors`` within ``space`` and its features."""
    spec = writer.spec  # as fitted to the page
    truth: dict[str, Any] = {"fields": {"po_number": po_number} if "po_number" in tagged_fields(writer.pages) else {}}
    truth["line_items"] = [_truth_line(line, spec) for line in lines]
    family = family_id(f"po-tablefuzz-{space}", {k: str(v) for k, v in factors.items()})
    features = {**factors, "space": space, "n_lines": len(lines), "n_pages": len(writer.pages)}
    label = build_label(doc_id, "po", family, features, truth, writer.pages, f"{doc_id}.pdf")
    label["sub_lines"] = [line.sub_lines for line in lines]
    pdf = render_pdf(writer.pages, title=po_number)
    return GeneratedDoc(doc_id, "po", pdf, label, truth, writer.pages, model=lines)


def _truth_line(line: WideLine, spec: WideSpec) -> dict[str, Any]:
    return {
        "sku": line.sku if _sku_labelled(spec) else None,
        "description": line.description,
        "quantity": dec_str(line.quantity),
        "unit_price": dec_str(line.unit_price) if line.per == 1 else None,
        "amount": dec_str(line.amount),
    }


__all__ = ["FACTORS", "LANGUAGES", "WideSpec", "line_amount", "make_wide_po", "sample_wide_spec"]
