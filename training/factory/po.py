"""Purchase orders composed from randomised parts: header arrangement, party blocks, meta style, table style,
column set and order with header synonyms, pagination, totals block, terms, notes, signature, stamp, logo.

Labels: every word that shows a header field value (meta rows, key-value grids, PO boxes, title lines, party blocks,
totals, the terms line) is tagged, and the truth holds exactly the fields some word is tagged with. Repeats in
small print (the window sender line, the footer) are left untagged; the tagged occurrence carries the field.

Currency: truth["currency"] is the ISO code whenever the document shows a code ("Currency: EUR", "Total EUR",
"Amount (EUR)") or a symbol. A symbol stands for the currency of the document's parties ("$" on a Canadian order
is CAD, "kr" is SEK). Only standalone currency words are tagged ``currency`` ("CHF 1'234.50", "1.234,50 €"); a
symbol glued to an amount ("$1,234.50", "€1,234.50") stays the amount's word, so a document whose currency shows
only that way has currency in its truth without a currency-tagged word.
"""

from __future__ import annotations

import random
from collections.abc import Collection
from dataclasses import dataclass, field
from datetime import date, timedelta
from decimal import Decimal
from typing import Any

from training.factory import vocab
from training.factory.common import (
    GeneratedDoc,
    build_label,
    draw_logo,
    draw_signature,
    family_allowed,
    family_id,
    stamp_image,
    tagged_fields,
)
from training.factory.layout import FONT_FAMILIES, Entity, Fonts, PageDraft, printable, render_pdf, width, wrap
from training.factory.values import (
    CURRENCIES,
    DATE_FORMATS,
    MONTHS,
    PAYMENT_TERMS,
    TAX_LABELS,
    TAX_RATES,
    Party,
    dec_str,
    format_date,
    format_number,
    format_quantity,
    make_party,
    pick_currency,
    q2,
    random_date,
)

A4 = (595.28, 841.89)
LETTER = (612.0, 792.0)

HEADER_ARRANGEMENTS = ["classic", "centered", "banner", "window"]
PO_NUMBER_STYLES = ["title_line", "box", "kv_grid"]
PARTY_ARRANGEMENTS = ["side_by_side", "stacked"]
TABLE_STYLES = ["grid", "zebra", "plain", "boxed"]
OPTIONAL_COLUMNS = ["line_no", "sku", "unit", "discount", "tax"]

COLUMN_SYNONYMS = {
    "line_no": ["#", "Pos.", "Line", "No.", "Item"],
    "sku": ["Item #", "Part No.", "SKU", "Article", "Item Code", "Material", "Art. No.", "Product Code"],
    "description": [
        "Description",
        "Product",
        "Item Description",
        "Description of Goods",
        "Article Description",
        "Product / Service",
    ],
    "quantity": ["Qty", "Quantity", "Units", "Ordered", "Qty Ordered", "Order Qty"],
    "unit": ["UOM", "Unit", "U/M", "Unit of Measure"],
    "unit_price": ["Unit Price", "Rate", "Unit Cost", "Price", "Price/Unit", "Net Price"],
    "discount": ["Disc. %", "Discount", "Disc"],
    "tax": ["Tax %", "VAT %", "Tax Rate", "VAT"],
    "amount": ["Amount", "Line Total", "Extended Price", "Total", "Net Amount", "Ext. Price", "Value"],
}
TITLES = ["PURCHASE ORDER", "Purchase Order", "PURCHASE ORDER", "Order", "Purchase Order Form", "PO"]
PO_LABELS = ["PO Number", "PO No.", "PO #", "Order No.", "Purchase Order No.", "Order Number", "P.O. Number"]
DATE_LABELS = ["Date", "Order Date", "PO Date", "Issue Date", "Date of Order"]
VENDOR_HEADINGS = ["Vendor", "Supplier", "To", "Vendor Address", "Supplier:", "Seller", "Order to"]
SHIP_HEADINGS = ["Ship To", "Deliver To", "Delivery Address", "Ship to:", "Consignee"]
BILL_HEADINGS = ["Bill To", "Invoice To", "Invoice Address", "Billing Address", "Buyer"]
TERMS_LABELS = ["Payment Terms", "Terms", "Terms of Payment", "Payment"]
CURRENCY_LABELS = ["Currency", "Currency Code", "Order Currency"]
SUBTOTAL_LABELS = ["Subtotal", "Sub-total", "Net Total", "Total excl. tax", "Goods Value", "Net Amount"]
TOTAL_LABELS = ["Total", "TOTAL", "Grand Total", "Order Total", "Total Amount", "Total incl. tax", "PO Total"]
SHIPPING_LABELS = ["Shipping", "Freight", "Shipping & Handling", "Delivery charges"]


@dataclass
class POLine:
    sku: str | None
    description: str
    quantity: Decimal
    unit: str | None
    unit_price: Decimal
    discount_pct: Decimal | None
    tax_rate: Decimal | None
    amount: Decimal


@dataclass
class POModel:
    po_number: str
    order_date: date
    buyer: Party
    vendor: Party
    ship_to: Party
    currency: str
    terms: tuple[str, int]
    lines: list[POLine]
    subtotal: Decimal
    discount_pct: Decimal | None
    discount: Decimal
    shipping: Decimal
    tax_rate: Decimal | None  # single document rate when there is no tax column
    tax_by_rate: dict[Decimal, Decimal]
    tax_total: Decimal
    total: Decimal
    number_style: str
    date_format: str
    extra: dict[str, Any] = field(default_factory=dict)


@dataclass
class POSpec:
    header: str
    po_number_style: str
    parties: str
    table: str
    columns: list[str]  # in printed order
    repeat_header: bool
    page_size: str
    font_family: str
    heading_family: str
    base_size: float
    accent: tuple[float, float, float]
    currency_display: str  # meta | total_label | column_header | symbol
    terms_place: str  # meta | below_table | none
    show_tax_ids: tuple[bool, bool]  # buyer, vendor
    logo: bool
    signature: bool
    stamp: bool
    notes: bool

    def family_parts(self) -> dict[str, Any]:
        return {
            "header": self.header,
            "po_number": self.po_number_style,
            "parties": self.parties,
            "table": self.table,
            "columns": ",".join(self.columns),
        }


def sample_spec(rng: random.Random) -> POSpec:
    optional = [
        c
        for c in OPTIONAL_COLUMNS
        if rng.random() < {"line_no": 0.5, "sku": 0.65, "unit": 0.55, "discount": 0.15, "tax": 0.25}[c]
    ]
    cols = ["description", "quantity", "unit_price", "amount"]
    if "sku" in optional:
        cols.insert(0 if rng.random() < 0.8 else 1, "sku")
    if "unit" in optional:
        q = cols.index("quantity")
        cols.insert(q + 1 if rng.random() < 0.7 else q, "unit")
    if rng.random() < 0.15:  # quantity after the price now and then
        cols.remove("quantity")
        cols.insert(cols.index("unit_price") + 1, "quantity")
    if "discount" in optional:
        cols.insert(cols.index("amount"), "discount")
    if "tax" in optional:
        cols.insert(cols.index("amount") + (1 if rng.random() < 0.3 else 0), "tax")
    if "line_no" in optional:
        cols.insert(0, "line_no")
    families = list(FONT_FAMILIES)
    family = rng.choice(families)
    return POSpec(
        header=rng.choice(HEADER_ARRANGEMENTS),
        po_number_style=rng.choice(PO_NUMBER_STYLES),
        parties=rng.choice(PARTY_ARRANGEMENTS),
        table=rng.choice(TABLE_STYLES),
        columns=cols,
        repeat_header=rng.random() < 0.6,
        page_size="",
        font_family=family,
        heading_family=family if rng.random() < 0.6 else rng.choice(families),
        base_size=rng.choice([8.0, 8.5, 9.0, 9.0, 9.5, 10.0]),
        accent=rng.choice(
            [
                (0.85, 0.85, 0.85),
                (0.12, 0.25, 0.45),
                (0.2, 0.2, 0.2),
                (0.75, 0.85, 0.95),
                (0.55, 0.1, 0.1),
                (0.1, 0.4, 0.35),
                (0.93, 0.93, 0.88),
            ]
        ),
        currency_display=rng.choice(["meta", "total_label", "column_header", "symbol", "meta"]),
        terms_place=rng.choice(["meta", "meta", "below_table", "none"]),
        show_tax_ids=(rng.random() < 0.5, rng.random() < 0.55),
        logo=rng.random() < 0.6,
        signature=rng.random() < 0.55,
        stamp=rng.random() < 0.15,
        notes=rng.random() < 0.6,
    )


# ---------------------------------------------------------------- content
def _sku(rng: random.Random, pattern: int) -> str:
    n = rng.randrange(10**3, 10**6)
    return [
        f"A-{n}",
        f"{rng.randrange(100, 999)}-{rng.randrange(1000, 9999)}-{rng.randrange(10, 99)}",
        f"PN{n}",
        f"MAT-{n:07d}",
        f"{rng.choice('ABCDEFGHK')}{rng.choice('ABCDEFGHK')}{n % 100000:05d}",
        f"{n}",
    ][pattern]


def _product_line(rng: random.Random, services: bool) -> tuple[str, str]:
    if services:
        name, unit = rng.choice(vocab.SERVICES)
        extra = rng.choice(
            [
                "",
                "",
                f"- {rng.choice(MONTHS)} {rng.randrange(2024, 2027)}",
                "according to statement of work",
                "phase 2",
                "incl. travel expenses",
                "for the plant in " + rng.choice(vocab.CITIES["DE"])[0],
            ]
        )
        return f"{name} {extra}".strip(), unit.upper()[:5] if rng.random() < 0.5 else unit
    noun, unit = rng.choice(vocab.PRODUCT_NOUNS)
    parts = [rng.choice(vocab.PRODUCT_ADJECTIVES)] if rng.random() < 0.6 else []
    parts.append(noun)
    for _ in range(rng.choice([0, 1, 1, 2, 3])):
        parts.append(rng.choice(vocab.PRODUCT_SPECS))
    text = " ".join(parts[:2])
    if len(parts) > 2:
        text += ", " + ", ".join(dict.fromkeys(parts[2:]))
    return text, unit


def _price(rng: random.Random) -> Decimal:
    magnitude = rng.choice([1, 10, 10, 100, 100, 100, 1000])
    cents = rng.randrange(5, 1000) * magnitude
    if rng.random() < 0.5:  # list prices end in round numbers more often than not
        cents = max(5, cents - cents % (5 if cents < 1000 else 100))
    return q2(Decimal(cents) / 100)


def _quantity(rng: random.Random, unit: str, price: Decimal) -> Decimal:
    """Dear items are ordered in ones and twos, cheap ones by the hundred."""
    if unit in {"KG", "M", "L", "HOUR", "hour", "day", "DAY"} and rng.random() < 0.35:
        qty = (
            Decimal(rng.randrange(5, 4000)) / Decimal(10) if rng.random() < 0.7 else Decimal(rng.randrange(1, 400)) / 4
        )
    else:
        qty = Decimal(rng.choice([1, 1, 2, 3, 4, 5, 6, 10, 12, 20, 24, 25, 50, 100, 150, 200, 250, 500, 1000, 2500]))
    cap = Decimal(5) if price > 1000 else Decimal(60) if price > 100 else Decimal(5000)
    return min(qty, cap)


def sample_model(rng: random.Random, spec: POSpec, n_lines: int | None = None) -> POModel:
    currency = pick_currency(rng)
    symbol, styles, countries = CURRENCIES[currency]
    buyer_country = rng.choice(countries)
    vendor_country = buyer_country if rng.random() < 0.7 else rng.choice(countries)
    buyer = make_party(rng, buyer_country, with_tax_id=True)
    vendor = make_party(rng, vendor_country, with_tax_id=True)
    ship_to = make_party(rng, buyer_country, with_tax_id=False)
    ship_to.name = (
        buyer.name
        if rng.random() < 0.7
        else f"{buyer.name.split()[0]} {rng.choice(['Warehouse', 'Plant 2', 'Distribution Center', 'Receiving'])}"
    )
    if n_lines is None:
        n_lines = rng.choice([rng.randrange(1, 6), rng.randrange(1, 12), rng.randrange(3, 25), rng.randrange(10, 61)])
    services = rng.random() < 0.25
    sku_pattern = rng.randrange(6)
    rates = [Decimal(r) for r in TAX_RATES[buyer_country]]
    doc_rate = rates[0] if rng.random() < 0.8 else rng.choice(rates)
    lines: list[POLine] = []
    for _ in range(n_lines):
        desc, unit = _product_line(rng, services)
        price = _price(rng)
        qty = _quantity(rng, unit, price)
        disc = Decimal(rng.choice([0, 0, 2, 5, 10, 15])) if "discount" in spec.columns else None
        rate = (rates[0] if rng.random() < 0.75 else rng.choice(rates)) if "tax" in spec.columns else None
        amount = q2(qty * price * (1 - (disc or 0) / Decimal(100)))
        lines.append(
            POLine(
                _sku(rng, sku_pattern) if "sku" in spec.columns else None,
                desc,
                qty,
                unit if "unit" in spec.columns else None,
                price,
                disc,
                rate,
                amount,
            )
        )
    subtotal = sum((ln.amount for ln in lines), Decimal("0.00"))
    discount_pct = None
    discount = Decimal("0.00")
    if "tax" not in spec.columns and rng.random() < 0.15:
        discount_pct = Decimal(rng.choice([2, 3, 5, 10]))
        discount = q2(subtotal * discount_pct / 100)
    shipping = q2(Decimal(rng.randrange(1500, 45000)) / 100) if rng.random() < 0.3 else Decimal("0.00")
    tax_by_rate: dict[Decimal, Decimal] = {}
    if "tax" in spec.columns:  # tax per rate on the line amounts (shipping untaxed here)
        for ln in lines:
            assert ln.tax_rate is not None  # every line has a rate when the table has a tax column
            tax_by_rate[ln.tax_rate] = tax_by_rate.get(ln.tax_rate, Decimal(0)) + ln.amount
        tax_by_rate = {r: q2(base * r / 100) for r, base in tax_by_rate.items()}
        tax_rate = None
    else:
        tax_rate = doc_rate if rng.random() < 0.85 else None
        if tax_rate is not None:
            tax_by_rate = {tax_rate: q2((subtotal - discount + shipping) * tax_rate / 100)}
    tax_total = sum(tax_by_rate.values(), Decimal("0.00"))
    total = subtotal - discount + shipping + tax_total
    year = rng.randrange(2023, 2027)
    po_number = rng.choice(
        [
            f"PO-{year}-{rng.randrange(1, 99999):05d}",
            f"45000{rng.randrange(10000, 99999)}",
            f"PO{rng.randrange(100000, 999999)}",
            f"{rng.randrange(1000, 9999)}/{year}",
            f"P{rng.randrange(10**6, 10**7)}",
            f"PUR-{rng.randrange(1000, 99999)}",
            f"{buyer.name[:3].upper().replace(' ', 'X')}-{rng.randrange(100000, 999999)}",
        ]
    )
    style = rng.choice(styles)
    date_format = rng.choice(DATE_FORMATS)
    if currency == "USD" and rng.random() < 0.6:
        date_format = rng.choice(["mdy_slash", "mon_d_y", "month_d_y"])
    return POModel(
        po_number=po_number,
        order_date=random_date(rng),
        buyer=buyer,
        vendor=vendor,
        ship_to=ship_to,
        currency=currency,
        terms=rng.choice(PAYMENT_TERMS),
        lines=lines,
        subtotal=subtotal,
        discount_pct=discount_pct,
        discount=discount,
        shipping=shipping,
        tax_rate=tax_rate,
        tax_by_rate=tax_by_rate,
        tax_total=tax_total,
        total=total,
        number_style=style,
        date_format=date_format,
        extra={"symbol": symbol, "services": services},
    )


# ---------------------------------------------------------------- drawing
class POWriter:
    def __init__(self, rng: random.Random, spec: POSpec, model: POModel) -> None:
        self.rng, self.spec, self.m = rng, spec, model
        self.f = Fonts.of(spec.font_family)
        self.hf = Fonts.of(spec.heading_family)
        self.size = spec.base_size
        self.lead = self.size * 1.32
        us = model.currency in {"USD", "CAD"}
        self.pw, self.ph = LETTER if us else A4
        self.margin = rng.uniform(34, 60)
        self.left, self.right = self.margin, self.pw - self.margin
        self.pages: list[PageDraft] = []
        self.printed: dict[str, Any] = {}
        self.currency_glued = False  # the currency shows only as a symbol glued to an amount ("$1,234.50")
        self.features: dict[str, Any] = {}
        self.page = self.new_page(first=True)

    # ------------------------------------------------ helpers
    def money(self, v: Decimal) -> str:
        return format_number(v, self.m.number_style)

    def date_text(self, d: date) -> str:
        return format_date(d, self.m.date_format)

    def mark(self, name: str, value: Any) -> Entity:
        self.printed[name] = value
        return Entity(name)

    def new_page(self, first: bool = False) -> PageDraft:
        page = PageDraft(self.pw, self.ph)
        self.pages.append(page)
        self.y = self.margin
        if not first:
            # a continuation header: buyer and PO number again, as real multi-page POs do
            page.text(self.left, self.y + self.size, self.m.buyer.name, self.f.bold, self.size, Entity("buyer_name"))
            label = self.rng.choice(["Purchase Order", "PO", "Order"])
            w = page.text(
                self.right, self.y + self.size, f"{label} {self.m.po_number}", self.f.regular, self.size, align="right"
            )
            # tag the number part: redo the words' tags (the number is the last word)
            page.words[-1]["tag"] = "B-po_number"
            del w
            self.y += self.size * 2.2
            page.line(self.left, self.y - self.size * 0.8, self.right, self.y - self.size * 0.8, 0.4, (0.5, 0.5, 0.5))
        return page

    def bottom_limit(self) -> float:
        return self.ph - self.margin - self.size * 3

    # ------------------------------------------------ header parts
    def letterhead(self, x: float, y: float, scale: float = 1.6, max_w: float = 0.0) -> float:
        p, b = self.page, self.m.buyer
        if self.spec.logo:
            size = self.size * 3.2
            draw_logo(p, self.rng, x, y - self.size * 0.8, size)
            x += size + 8
        big = self.size * scale
        if max_w:  # shrink a long company name rather than run into the meta block
            while big > self.size and width(b.name, self.hf.bold, big) > max_w - (x - self.left):
                big -= 0.5
        p.text(x, y + big * 0.8, b.name, self.hf.bold, big, Entity("buyer_name"))
        yy = y + big * 0.8 + self.lead * 1.1
        small = self.size * 0.9
        for line in (
            b.street,
            f"{b.city_line}, {b.country_name}" if self.rng.random() < 0.5 else b.city_line,
            f"Tel. {b.phone}" if self.rng.random() < 0.6 else b.email,
        ):
            p.text(x, yy, line, self.f.regular, small)
            yy += small * 1.3
        if self.spec.show_tax_ids[0] and b.tax_id:
            w = p.text(x, yy, f"{b.tax_label}:", self.f.regular, small)
            p.text(x + w + 3, yy, b.tax_id, self.f.regular, small, self.mark("buyer_tax_id", b.tax_id))
            yy += small * 1.3
        return yy

    def kv_rows(
        self,
        x: float,
        y: float,
        rows: list[tuple[str, str, str | None]],
        label_w: float,
        boxed: bool = False,
        colon: bool = True,
    ) -> float:
        p = self.page
        for label, value, name in rows:
            if boxed:
                p.rect(x - 3, y, self.right - x + 3, self.lead + 3, stroke=(0.6, 0.6, 0.6), line_width=0.4)
                p.rect(x - 3, y, label_w, self.lead + 3, stroke=None, fill=(0.93, 0.93, 0.93))
            base = y + self.lead * 0.8
            p.text(x, base, label + (":" if colon and not label.endswith(":") else ""), self.f.bold, self.size)
            entity = self.mark(name, value) if name else None
            p.text(x + label_w, base, value, self.f.regular, self.size, entity)
            y += self.lead + (3 if boxed else 1)
        return y

    def meta_rows(self, include_po: bool) -> list[tuple[str, str, str | None]]:
        m, rng = self.m, self.rng
        rows: list[tuple[str, str, str | None]] = []
        if include_po:
            rows.append((rng.choice(PO_LABELS), m.po_number, "po_number"))
        rows.append((rng.choice(DATE_LABELS), self.date_text(m.order_date), "order_date"))
        if rng.random() < 0.6:
            rows.append(
                (
                    rng.choice(["Delivery Date", "Required by", "Need by", "Ship Date"]),
                    self.date_text(m.order_date + timedelta(days=rng.randrange(5, 60))),
                    None,
                )
            )
        if rng.random() < 0.4:
            rows.append(
                (rng.choice(["Vendor No.", "Supplier ID", "Account No."]), str(rng.randrange(10000, 999999)), None)
            )
        if rng.random() < 0.4:
            rows.append((rng.choice(["Buyer", "Contact", "Requested by", "Our reference"]), m.buyer.contact, None))
        if self.spec.currency_display == "meta":
            rows.append((rng.choice(CURRENCY_LABELS), m.currency, "currency"))
        if self.spec.terms_place == "meta":
            rows.append((rng.choice(TERMS_LABELS), m.terms[0], "payment_terms"))
        if rng.random() < 0.3:
            rows.append(
                (
                    rng.choice(["Incoterms", "Delivery Terms"]),
                    f"{rng.choice(vocab.INCOTERMS)} {m.ship_to.city_line.split()[-1]}",
                    None,
                )
            )
        if rng.random() < 0.3:
            rows.append((rng.choice(["Ship Via", "Shipping Method"]), rng.choice(vocab.SHIP_METHODS), None))
        return rows

    def party_block(
        self,
        x: float,
        y: float,
        heading: str,
        party: Party,
        name_tag: str | None,
        tax_tag: str | None,
        show_tax: bool,
        w: float,
    ) -> float:
        p = self.page
        if self.rng.random() < 0.35:
            p.rect(x - 2, y, w - 6, self.lead * 1.05, stroke=None, fill=self.light_accent)
        p.text(
            x,
            y + self.lead * 0.8,
            heading,
            self.f.bold,
            self.size,
            color=(1, 1, 1) if self.dark_accent and self.rng.random() < 0 else (0, 0, 0),
        )
        y += self.lead * 1.25
        name_entity = Entity(name_tag) if name_tag else None  # one entity: a wrapped name goes on with I- tags
        for line in wrap(party.name, self.f.bold, self.size, w - 8):
            p.text(x, y + self.lead * 0.8, line, self.f.bold, self.size, name_entity)
            y += self.lead
        if self.rng.random() < 0.4:
            p.text(x, y + self.lead * 0.8, f"Attn: {party.contact}", self.f.regular, self.size)
            y += self.lead
        for line in (party.street, party.city_line, party.country_name):
            p.text(x, y + self.lead * 0.8, line, self.f.regular, self.size)
            y += self.lead
        if show_tax and party.tax_id and tax_tag:
            lw = p.text(x, y + self.lead * 0.8, f"{party.tax_label}:", self.f.regular, self.size)
            p.text(
                x + lw + 3,
                y + self.lead * 0.8,
                party.tax_id,
                self.f.regular,
                self.size,
                self.mark(tax_tag, party.tax_id),
            )
            y += self.lead
        return y

    @property
    def dark_accent(self) -> bool:
        return sum(self.spec.accent) < 1.5

    @property
    def light_accent(self) -> tuple[float, float, float]:
        a = self.spec.accent
        return a if not self.dark_accent else tuple(0.85 + 0.15 * c for c in a)  # type: ignore[return-value]

    def title(self, x: float, y: float, align: str, with_number: bool) -> float:
        size = self.size * self.rng.choice([1.8, 2.1, 2.4])
        title = self.rng.choice(TITLES)
        p = self.page
        color = self.spec.accent if self.dark_accent and self.rng.random() < 0.5 else (0.1, 0.1, 0.1)
        if with_number:
            sep = self.rng.choice([" No. ", " #", " ", " - ", " Nr. "])
            text = f"{title}{sep}{self.m.po_number}" if sep != " #" else f"{title} #{self.m.po_number}"
            p.text(x, y + size * 0.8, text, self.hf.bold, size, align=align, color=color)
            last = p.words[-1]
            if sep == " #":
                # "#PO-123" is one word: keep it tagged; the normaliser strips the '#'
                pass
            last["tag"] = "B-po_number"
            self.printed["po_number"] = self.m.po_number
        else:
            p.text(x, y + size * 0.8, title, self.hf.bold, size, align=align, color=color)
        return y + size * 1.3

    def po_box(self, x: float, y: float, w: float) -> float:
        """PO number and date in bordered boxes with small captions."""
        p = self.page
        half = w / 2
        caption = self.size * 0.8
        for i, (label, value, name) in enumerate(
            [
                (self.rng.choice(PO_LABELS), self.m.po_number, "po_number"),
                (self.rng.choice(DATE_LABELS), self.date_text(self.m.order_date), "order_date"),
            ]
        ):
            bx = x + i * half
            p.rect(bx, y, half - 4, self.size * 3.3, stroke=(0.2, 0.2, 0.2), line_width=0.8)
            p.text(bx + 4, y + caption * 1.2, label, self.f.regular, caption, color=(0.3, 0.3, 0.3))
            vsize = self.size * 1.1
            while vsize > self.size * 0.7 and width(value, self.f.bold, vsize) > half - 12:
                vsize -= 0.25  # a long date shrinks to fit its box
            p.text(bx + 4, y + self.size * 2.7, value, self.f.bold, vsize, self.mark(name, value))
        return y + self.size * 3.3 + 6

    # ------------------------------------------------ sections
    def header(self) -> None:
        spec, rng, p = self.spec, self.rng, self.page
        content_w = self.right - self.left
        self.value_w = content_w * 0.22
        po_in_meta = spec.po_number_style == "kv_grid"
        meta = self.meta_rows(include_po=po_in_meta)
        label_w = max(width(r[0] + ":", self.f.bold, self.size) for r in meta) + 8
        meta_x = self.right - label_w - max(width(r[1], self.f.regular, self.size) for r in meta) - 4
        boxed = rng.random() < 0.3
        y0 = self.y
        if spec.header == "banner":
            band_h = self.size * 4.2
            p.rect(0, 0, self.pw, band_h + self.margin * 0.6, stroke=None, fill=spec.accent)
            tc = (1, 1, 1) if self.dark_accent else (0, 0, 0)
            p.text(
                self.left,
                self.margin * 0.6 + band_h * 0.55,
                self.m.buyer.name,
                self.hf.bold,
                self.size * 1.5,
                Entity("buyer_name"),
                color=tc,
            )
            title = rng.choice(TITLES)
            p.text(
                self.right,
                self.margin * 0.6 + band_h * 0.55,
                title,
                self.hf.bold,
                self.size * 1.9,
                align="right",
                color=tc,
            )
            y = band_h + self.margin * 0.6 + 10
            small = self.size * 0.9
            p.text(
                self.left,
                y + small,
                f"{self.m.buyer.street} · {self.m.buyer.city_line} · {self.m.buyer.country_name}",
                self.f.regular,
                small,
            )
            y += small * 2
            if spec.show_tax_ids[0] and self.m.buyer.tax_id:
                lw = p.text(self.left, y + small, f"{self.m.buyer.tax_label}:", self.f.regular, small)
                p.text(
                    self.left + lw + 3,
                    y + small,
                    self.m.buyer.tax_id,
                    self.f.regular,
                    small,
                    self.mark("buyer_tax_id", self.m.buyer.tax_id),
                )
                y += small * 1.6
            y += 4
            if spec.po_number_style == "title_line":
                y = self.title(self.left, y, "left", with_number=True)
            elif spec.po_number_style == "box":
                y = self.po_box(self.left, y, content_w * 0.45)
            left_end = y
            y_meta = self.kv_rows(meta_x, y0 + band_h + self.margin * 0.6 - self.margin + 14, meta, label_w, boxed)
            self.y = max(left_end, y_meta) + self.lead
        elif spec.header == "centered":
            y = self.title(self.pw / 2, y0, "center", with_number=spec.po_number_style == "title_line")
            y += 4
            left_end = self.letterhead(self.left, y, scale=1.3, max_w=meta_x - self.left - 12)
            ym = y
            if spec.po_number_style == "box":
                ym = self.po_box(self.right - content_w * 0.42, ym, content_w * 0.42)
            ym = self.kv_rows(meta_x, ym, meta, label_w, boxed)
            self.y = max(left_end, ym) + self.lead
        elif spec.header == "window":
            # DIN 5008-like: buyer top left small, vendor address in the window, meta at right, title below
            left_end = self.letterhead(self.left, y0, scale=1.3, max_w=meta_x - self.left - 12)
            ym = self.kv_rows(meta_x, y0, meta, label_w, boxed)
            y = max(left_end, ym) + self.lead * 0.6
            sender = f"{self.m.buyer.name} · {self.m.buyer.street} · {self.m.buyer.city_line}"
            # the sender line repeats the buyer's name in small print: drawn untagged, the letterhead carries the tag
            p.text(self.left, y + self.size * 0.7, sender, self.f.regular, self.size * 0.7, color=(0.3, 0.3, 0.3))
            p.line(
                self.left,
                y + self.size * 1.0,
                self.left + width(sender, self.f.regular, self.size * 0.7),
                y + self.size * 1.0,
                0.3,
            )
            y += self.size * 1.2
            vend_end = self.party_block(
                self.left,
                y,
                rng.choice(VENDOR_HEADINGS),
                self.m.vendor,
                "vendor_name",
                "vendor_tax_id",
                spec.show_tax_ids[1],
                content_w * 0.5,
            )
            self.vendor_done = True
            y = vend_end + self.lead
            if spec.po_number_style == "title_line":
                y = self.title(self.left, y, "left", with_number=True)
            elif spec.po_number_style == "box":
                y = self.po_box(self.left, y, content_w * 0.5)
            else:
                y = self.title(self.left, y, "left", with_number=False)
            self.y = y + self.lead * 0.5
        else:  # classic: letterhead left, title and meta right
            left_end = self.letterhead(self.left, y0, max_w=meta_x - self.left - 12)
            y = self.title(self.right, y0, "right", with_number=spec.po_number_style == "title_line")
            if spec.po_number_style == "box":
                y = self.po_box(self.right - content_w * 0.42, y + 2, content_w * 0.42)
            ym = self.kv_rows(meta_x, y + 2, meta, label_w, boxed)
            self.y = max(left_end, ym) + self.lead
        if rng.random() < 0.5:
            p.line(self.left, self.y - self.lead * 0.5, self.right, self.y - self.lead * 0.5, 0.6, (0.4, 0.4, 0.4))

    def parties(self) -> None:
        spec, rng = self.spec, self.rng
        content_w = self.right - self.left
        blocks: list[tuple[str, Party, str | None, str | None, bool]] = []
        if not getattr(self, "vendor_done", False):
            blocks.append(
                (rng.choice(VENDOR_HEADINGS), self.m.vendor, "vendor_name", "vendor_tax_id", spec.show_tax_ids[1])
            )
        blocks.append((rng.choice(SHIP_HEADINGS), self.m.ship_to, None, None, False))
        if rng.random() < 0.4:
            blocks.append((rng.choice(BILL_HEADINGS), self.m.buyer, "buyer_name", None, False))
        if rng.random() < 0.3:
            blocks.reverse()
        if spec.parties == "side_by_side" or len(blocks) == 1:
            w = content_w / len(blocks)
            ends = [
                self.party_block(self.left + i * w, self.y, *blk[:2], blk[2], blk[3], blk[4], w)
                for i, blk in enumerate(blocks)
            ]
            self.y = max(ends) + self.lead
        else:
            for blk in blocks:
                self.y = self.party_block(self.left, self.y, *blk[:2], blk[2], blk[3], blk[4], content_w * 0.6)
                self.y += self.lead * 0.6
            self.y += self.lead * 0.4

    # ------------------------------------------------ table
    def column_layout(self) -> list[tuple[str, str, float, str]]:
        """(column, header text, width, align) for each printed column."""
        rng, cols = self.rng, self.spec.columns
        headers = {c: rng.choice(COLUMN_SYNONYMS[c]) for c in cols}
        if self.spec.currency_display == "column_header":
            col = "amount" if rng.random() < 0.6 else "unit_price"
            headers[col] = f"{headers[col]} ({self.m.currency})"
            self.printed["currency"] = self.m.currency
        pad = 10
        widths: dict[str, float] = {}
        m = self.m
        for c in cols:
            if c == "description":
                continue
            samples = {
                "line_no": [str(len(m.lines) * 10)],
                "sku": [ln.sku or "" for ln in m.lines],
                "quantity": [format_quantity(ln.quantity, m.number_style) for ln in m.lines],
                "unit": [ln.unit or "" for ln in m.lines],
                "unit_price": [self.money(ln.unit_price) for ln in m.lines],
                "discount": [f"{ln.discount_pct}%" for ln in m.lines],
                "tax": [f"{ln.tax_rate}%" for ln in m.lines],
                "amount": [self.money(ln.amount) for ln in m.lines],
            }[c]
            header_w = max(width(w, self.f.bold, self.size) for w in headers[c].split())
            cell_w = max(width(s, self.f.regular, self.size) for s in samples)
            widths[c] = max(header_w, cell_w) + pad
        content_w = self.right - self.left
        widths["description"] = max(content_w - sum(widths.values()), content_w * 0.25)
        scale = content_w / sum(widths.values())
        out = []
        for c in cols:
            align = "right" if c in {"quantity", "unit_price", "amount", "discount", "tax"} else "left"
            if c == "line_no" or (c == "unit" and rng.random() < 0.5):
                align = "center" if c == "unit" else "left"
            out.append((c, headers[c], widths[c] * scale, align))
        return out

    def table_header(self, cols: list[tuple[str, str, float, str]], repeated: bool) -> None:
        p, style = self.page, self.spec.table
        max_lines = max(len(wrap(h, self.f.bold, self.size, w - 6)) for _, h, w, _ in cols)
        h = self.lead * max_lines + 6
        fill = self.spec.accent if style in {"grid", "zebra", "boxed"} else None
        text_color = (1, 1, 1) if fill and self.dark_accent else (0, 0, 0)
        if fill:
            p.rect(self.left, self.y, self.right - self.left, h, stroke=None, fill=fill)
        x = self.left
        for _, header, w, align in cols:
            lines = wrap(header, self.f.bold, self.size, w - 6)
            for k, line in enumerate(lines):
                tx = x + 3 if align == "left" else (x + w - 3 if align == "right" else x + w / 2)
                words_before = len(p.words)
                p.text(
                    tx, self.y + 3 + self.lead * (k + 0.8), line, self.f.bold, self.size, align=align, color=text_color
                )
                if f"({self.m.currency})" in line:
                    for word in p.words[words_before:]:
                        if word["text"] == f"({self.m.currency})":
                            word["tag"] = "B-currency"
            if style == "grid":
                p.line(x, self.y, x, self.y + h, 0.5)
            x += w
        if style == "grid":
            p.line(self.right, self.y, self.right, self.y + h, 0.5)
            p.line(self.left, self.y, self.right, self.y, 0.5)
        p.line(self.left, self.y + h, self.right, self.y + h, 0.8 if style == "plain" else 0.5)
        self.table_top = self.y
        self.y += h
        if repeated:
            self.features["header_repeated"] = True

    def table(self) -> None:
        cols = self.column_layout()
        self.features["column_headers"] = [h for _, h, _, _ in cols]
        self.table_header(cols, repeated=False)
        style = self.spec.table
        desc_w = next(w for c, _, w, _ in cols if c == "description")
        for i, ln in enumerate(self.m.lines):
            desc_lines = wrap(ln.description, self.f.regular, self.size, desc_w - 6)
            if len(desc_lines) > 3:  # at most three lines: shorten the description itself so truth matches print
                words = ln.description.split()
                while len(wrap(" ".join(words), self.f.regular, self.size, desc_w - 6)) > 3:
                    words.pop()
                ln.description = " ".join(words).rstrip(",")
                desc_lines = wrap(ln.description, self.f.regular, self.size, desc_w - 6)
            row_h = self.lead * len(desc_lines) + 5
            if self.y + row_h > self.bottom_limit() - (0 if i < len(self.m.lines) - 1 else self.lead * 6):
                self.close_table(cols)
                if self.rng.random() < 0.5:
                    self.page.text(
                        self.right,
                        self.y + self.lead,
                        self.rng.choice(["continued on next page", "Continued ...", "./.."]),
                        self.f.italic,
                        self.size * 0.85,
                        align="right",
                    )
                self.page = self.new_page()
                if self.spec.repeat_header:
                    self.table_header(cols, repeated=True)
                else:
                    self.table_top = self.y
                    self.features["header_repeated"] = False
            p = self.page
            if style == "zebra" and i % 2 == 1:
                p.rect(self.left, self.y, self.right - self.left, row_h, stroke=None, fill=(0.94, 0.94, 0.94))
            x = self.left
            base = self.y + 2.5 + self.lead * 0.8
            for c, _, w, align in cols:
                tx = x + 3 if align == "left" else (x + w - 3 if align == "right" else x + w / 2)
                if c == "description":
                    ent = Entity("description", row=i)
                    for k, line in enumerate(desc_lines):
                        p.text(tx, base + self.lead * k, line, self.f.regular, self.size, ent, align=align, row=i)
                else:
                    text, name = {
                        "line_no": (str((i + 1) * (10 if self.spec.header == "window" else 1)), None),
                        "sku": (ln.sku, "sku"),
                        "quantity": (format_quantity(ln.quantity, self.m.number_style), "quantity"),
                        "unit": (ln.unit, "unit"),
                        "unit_price": (self.money(ln.unit_price), "unit_price"),
                        "discount": (f"{ln.discount_pct}%", None),
                        "tax": (f"{ln.tax_rate}%", "tax_rate"),
                        "amount": (self.money(ln.amount), "amount"),
                    }[c]
                    p.text(
                        tx,
                        base,
                        text or "",
                        self.f.regular,
                        self.size,
                        Entity(name, row=i) if name else None,
                        align=align,
                        row=i,
                    )
                x += w
            self.y += row_h
            if style in {"grid", "plain"} and style == "grid":
                p.line(self.left, self.y, self.right, self.y, 0.4)
            elif style == "boxed" and self.rng.random() < 0.0:
                pass
        self.close_table(cols)
        self.y += self.lead * 0.6

    def close_table(self, cols: list[tuple[str, str, float, str]]) -> None:
        p, style = self.page, self.spec.table
        if style == "grid":
            x = self.left
            for _, _, w, _ in cols:
                p.line(x, self.table_top, x, self.y, 0.5)
                x += w
            p.line(self.right, self.table_top, self.right, self.y, 0.5)
        elif style == "boxed":
            p.rect(
                self.left,
                self.table_top,
                self.right - self.left,
                self.y - self.table_top,
                stroke=(0.2, 0.2, 0.2),
                line_width=0.8,
            )
        else:
            p.line(self.left, self.y, self.right, self.y, 0.6)

    # ------------------------------------------------ totals and the rest
    def totals(self) -> None:
        m, rng = self.m, self.rng
        rows: list[tuple[str, str, str | None]] = [(rng.choice(SUBTOTAL_LABELS), self.money(m.subtotal), "subtotal")]
        if m.discount:
            rows.append((f"Discount ({m.discount_pct}%)", f"-{self.money(m.discount)}", None))
        if m.shipping:
            rows.append((rng.choice(SHIPPING_LABELS), self.money(m.shipping), None))
        tax_label = TAX_LABELS.get(m.buyer.country, "VAT")
        if len(m.tax_by_rate) == 1:
            rate, amount = next(iter(m.tax_by_rate.items()))
            rows.append((f"{tax_label} {rate}%", self.money(amount), "tax_total"))
        elif m.tax_by_rate:
            for rate, amount in sorted(m.tax_by_rate.items(), reverse=True):
                rows.append((f"{tax_label} {rate}%", self.money(amount), None))
            rows.append((f"Total {tax_label}", self.money(m.tax_total), "tax_total"))
        total_label = rng.choice(TOTAL_LABELS)
        rows.append((total_label, self.money(m.total), "total"))
        needed = self.lead * (len(rows) + 1.5)
        if self.y + needed > self.bottom_limit():
            self.page = self.new_page()
        p = self.page
        label_x = self.right - (self.right - self.left) * rng.uniform(0.38, 0.5)
        symbol_style = self.spec.currency_display == "symbol"
        for k, (label, value, name) in enumerate(rows):
            is_total = name == "total"
            fnt = self.f.bold if is_total else self.f.regular
            if is_total:
                p.line(label_x, self.y + 1, self.right, self.y + 1, 0.8)
                if self.spec.table in {"zebra", "boxed"} and rng.random() < 0.5:
                    p.rect(
                        label_x, self.y + 1, self.right - label_x, self.lead + 3, stroke=None, fill=self.light_accent
                    )
            base = self.y + self.lead * 0.85 + (2 if is_total else 0)
            p.text(
                label_x + 3, base, label + ("" if label.endswith(":") or rng.random() < 0.5 else ":"), fnt, self.size
            )
            if is_total and self.spec.currency_display == "total_label":
                p.text(
                    label_x + width(label + ":", fnt, self.size) + 8,
                    base,
                    m.currency,
                    fnt,
                    self.size,
                    self.mark("currency", m.currency),
                )
            if symbol_style and k in (0, len(rows) - 1):
                value = (
                    f"{m.extra['symbol']}{'' if len(m.extra['symbol']) == 1 else ' '}{value}"
                    if m.number_style != "de"
                    else f"{value} {m.extra['symbol']}"
                )
            ent = self.mark(name, value) if name else None
            before = len(p.words)
            p.text(self.right - 3, base, value, fnt, self.size, ent, align="right")
            if symbol_style and k in (0, len(rows) - 1):
                self.tag_symbol(p.words[before:], fnt, name)
            self.y += self.lead + (4 if is_total else 0)
        self.y += self.lead

    def tag_symbol(self, words: list[dict[str, Any]], font_name: str, name: str | None) -> None:
        """An amount printed with the currency symbol: a standalone symbol ("CHF 1'234.50", "1.234,50 €") is the
        currency's word and the rest the amount's; a glued one ("$1,234.50") stays the amount's word, and the
        document still shows its currency (``currency_glued``)."""
        symbol = printable(self.m.extra["symbol"], font_name)  # "zł" is printed "zl" in the Type1 fonts
        amount = [w for w in words if w["text"] != symbol]
        if len(amount) == len(words):
            self.currency_glued = True
            return
        for word in words:
            if word["text"] == symbol:
                word["tag"] = "B-currency"
        for i, word in enumerate(amount):
            word["tag"] = f"{'B' if i == 0 else 'I'}-{name}" if name else "O"

    def closing(self) -> None:
        spec, rng, m = self.spec, self.rng, self.m
        content_w = self.right - self.left
        blocks_h = self.lead * (3 + (2 if spec.notes else 0) + (4 if spec.signature else 0))
        if self.y + blocks_h > self.bottom_limit():
            self.page = self.new_page()
        p = self.page
        if spec.terms_place == "below_table":
            label = rng.choice(TERMS_LABELS) + ":"
            lw = p.text(self.left, self.y + self.lead, label, self.f.bold, self.size)
            p.text(
                self.left + lw + 4,
                self.y + self.lead,
                m.terms[0],
                self.f.regular,
                self.size,
                self.mark("payment_terms", m.terms[0]),
            )
            self.y += self.lead * 1.5
        if spec.notes:
            p.text(
                self.left,
                self.y + self.lead,
                rng.choice(["Notes:", "Remarks", "Comments:", "Special Instructions"]),
                self.f.bold,
                self.size,
            )
            self.y += self.lead
            for note in rng.sample(vocab.NOTES, rng.randrange(1, 4)):
                for line in wrap(note, self.f.regular, self.size * 0.95, content_w * 0.62):
                    p.text(self.left, self.y + self.lead, line, self.f.regular, self.size * 0.95)
                    self.y += self.lead * 0.95
            self.y += self.lead * 0.5
        if spec.signature or spec.stamp:
            sig_x = self.right - content_w * 0.38 if rng.random() < 0.6 else self.left
            line_y = self.y + self.lead * 3.2
            if spec.signature:
                draw_signature(p, rng, sig_x, line_y, content_w * 0.33)
            p.line(sig_x, line_y, sig_x + content_w * 0.33, line_y, 0.5)
            p.text(
                sig_x,
                line_y + self.lead,
                rng.choice(["Authorized Signature", "Authorised by", "Approved by", "Signature"]),
                self.f.regular,
                self.size * 0.9,
            )
            p.text(
                sig_x,
                line_y + self.lead * 2,
                f"{m.buyer.contact}, {rng.choice(vocab.JOB_TITLES)}",
                self.f.italic,
                self.size * 0.9,
            )
            if spec.stamp:
                img = stamp_image(
                    rng.choice(["APPROVED", "ORDERED", "RELEASED", "ENTERED"]),
                    self.date_text(m.order_date),
                    rng.randrange(3),
                    rng.choice([-12, -8, -5, 4, 7, 10]),
                )
                sw = content_w * 0.25
                sx = sig_x - sw - 10 if sig_x > self.left + sw else sig_x + content_w * 0.38
                p.image(img, sx, line_y - sw * img.height / img.width * 0.7, sw, sw * img.height / img.width)
            self.y = line_y + self.lead * 2.5
        self.features["stamp"] = spec.stamp

    def footers(self) -> None:
        n = len(self.pages)
        style = self.rng.randrange(3)
        legal = None
        if self.rng.random() < 0.5:
            b = self.m.buyer
            legal = f"{b.name} · {b.street} · {b.city_line} · {b.email}"
        for i, page in enumerate(self.pages):
            y = self.ph - self.margin * 0.6
            small = self.size * 0.8
            if legal:
                page.text(
                    self.pw / 2,
                    y - small * 1.5,
                    legal,
                    self.f.regular,
                    small * 0.95,
                    align="center",
                    color=(0.35, 0.35, 0.35),
                )  # the footer repeats the name in small print: drawn untagged
            text = [f"Page {i + 1} of {n}", f"{i + 1}/{n}", f"Page {i + 1}"][style]
            page.text(self.right, y, text, self.f.regular, small, align="right")


def truth_of(model: POModel, printed: Collection[str]) -> dict[str, Any]:
    """The contract-shaped truth: the header fields the document shows (``printed``), the line items."""
    fields: dict[str, Any] = {}
    for name in ["po_number", "buyer_name", "vendor_name", "currency"]:
        if name in printed:
            fields[name] = {
                "po_number": model.po_number,
                "buyer_name": model.buyer.name,
                "vendor_name": model.vendor.name,
                "currency": model.currency,
            }[name]
    if "order_date" in printed:
        fields["order_date"] = model.order_date.isoformat()
    for name, party in (("buyer_tax_id", model.buyer), ("vendor_tax_id", model.vendor)):
        if name in printed and party.tax_id:
            fields[name] = party.tax_id.replace(" ", "")
    if "payment_terms" in printed:
        fields["payment_terms"] = model.terms[0]
        fields["payment_terms_days"] = model.terms[1]
    for name in ("subtotal", "tax_total", "total"):
        if name in printed:
            fields[name] = dec_str(getattr(model, name))
    items = [
        {
            "sku": ln.sku,
            "description": ln.description,
            "quantity": dec_str(ln.quantity),
            "unit": ln.unit,
            "unit_price": dec_str(ln.unit_price),
            "amount": dec_str(ln.amount),
            "tax_rate": dec_str(ln.tax_rate) if ln.tax_rate is not None else None,
        }
        for ln in model.lines
    ]
    return {"fields": fields, "line_items": items}


def make_po(
    seed: int, *, n_lines: int | None = None, families: set[str] | None = None, doc_id: str | None = None
) -> GeneratedDoc:
    """One purchase order, in memory. The same seed gives the same bytes."""
    rng = random.Random(seed)
    layout_rng = random.Random(seed * 7919 + 1)
    for _ in range(20000):
        spec = sample_spec(layout_rng)
        family = family_id("po", spec.family_parts())
        if family_allowed(family, families):
            break
    else:
        raise ValueError("no layout family matched the families filter")
    model = sample_model(rng, spec, n_lines)
    writer = POWriter(rng, spec, model)
    writer.header()
    writer.parties()
    writer.table()
    writer.totals()
    writer.closing()
    writer.footers()
    doc_id = doc_id or f"po-{seed}"
    pdf = render_pdf(writer.pages, title=f"Purchase Order {model.po_number}")
    shown = tagged_fields(writer.pages) | ({"currency"} if writer.currency_glued else set())
    truth = truth_of(model, shown)
    features = {
        **spec.family_parts(),
        "page_size": "letter" if writer.pw == LETTER[0] else "a4",
        "font_family": spec.font_family,
        "heading_family": spec.heading_family,
        "font_size": spec.base_size,
        "n_lines": len(model.lines),
        "n_pages": len(writer.pages),
        "currency": model.currency,
        "number_style": model.number_style,
        "date_format": model.date_format,
        "currency_display": spec.currency_display,
        "terms_place": spec.terms_place,
        "payment_terms": model.terms[0],
        "logo": spec.logo,
        "signature": spec.signature,
        "stamp": spec.stamp,
        "notes": spec.notes,
        "document_discount": bool(model.discount),
        "shipping": bool(model.shipping),
        "tax_rates": len(model.tax_by_rate),
        "repeat_header": spec.repeat_header,
        "wrapped_descriptions": 0,
        **writer.features,
    }
    label = build_label(doc_id, "po", family, features, truth, writer.pages, f"{doc_id}.pdf")
    label["amounts"] = {
        "subtotal": dec_str(model.subtotal),
        "discount": dec_str(model.discount),
        "shipping": dec_str(model.shipping),
        "tax_by_rate": {dec_str(r): dec_str(a) for r, a in model.tax_by_rate.items()},
        "tax_total": dec_str(model.tax_total),
        "total": dec_str(model.total),
        "line_discount_pct": [dec_str(ln.discount_pct) if ln.discount_pct is not None else None for ln in model.lines],
    }
    return GeneratedDoc(doc_id, "po", pdf, label, truth, writer.pages, model)
