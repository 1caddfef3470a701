"""Table stress documents (issue 11 item 2): born-digital purchase orders whose line table changes in every way a
reader of tables could lean on, one factor drawn per document, so a bench can say which factor breaks it.

Drawn per document: which columns exist (position, article no., customer part no., description, unit, quantity,
unit price, discount %, VAT %, amount) and their order; the caption row (words from a pool of languages the
extractor's vocabulary does not hold, made-up words, or no caption row at all); the number format
(1,234.56 / 1.234,56 / 1 234,56 / 1'234.56), a currency symbol or code in the money cells or none; a unit printed
in the quantity's cell; descriptions wrapped over lines; indented sub-lines under an item (a delivery date, a note)
that are not its description; the table style (ruled, unruled, zebra, grid); the font and its size; portrait or
landscape; a table continued on a second page under a repeated caption row; the totals block.

The captions are not read from the extractor: the pools are words of Finnish, Hungarian, Turkish, Indonesian,
Welsh and Czech orders, and the made-up words are syllables. A test checks that the extractor's column vocabulary
knows none of them.

Labels are the factory's: every item's sku (the article number; not labelled where a customer part number stands
beside it, as the captions, unknown words, do not tell them apart), description (the wrapped lines joined,
sub-lines left out), quantity, unit_price (where printed) and amount. Deterministic: the same seed gives the same bytes.
"""

from __future__ import annotations

import json
import random
from dataclasses import asdict, dataclass
from datetime import date, timedelta
from decimal import Decimal
from pathlib import Path
from typing import Any

from training.factory import vocab
from training.factory.common import GeneratedDoc, build_label, family_id, tagged_fields
from training.factory.generate import doc_seed, write_card
from training.factory.layout import FONT_FAMILIES, Entity, Fonts, PageDraft, render_pdf, width, wrap
from training.factory.values import company_name, dec_str, format_number, format_quantity, q2

PORTRAIT, LANDSCAPE = (595.28, 841.89), (841.89, 595.28)
MARGIN = 40.0
NUMERIC = ("quantity", "unit_price", "discount", "vat", "amount")
STYLES = ("ruled", "unruled", "zebra", "grid")
CAPTION_MODES = ("pool", "nonsense", "none")
NUMBER_STYLES = ("en", "de", "fr", "ch")
CURRENCY_MARKS = ("none", "symbol", "code")
TOTALS = ("none", "total", "three", "nonsense")
SUB_LINE_STYLES = ("indented_small", "indented", "small")

# captions of orders in languages the extractor was not written for (no English, German, French, Spanish, Italian)
CAPTION_POOL: dict[str, list[str]] = {
    "position": ["Rivi", "Tétel", "Sıra", "Baris", "Rhes", "Poř."],
    "sku": ["Tuotekoodi", "Cikkszám", "Stok Kodu", "Kode Barang", "Cod Nwydd", "Kat. číslo"],
    "customer_part": ["Asiakkaan koodi", "Vevői szám", "Müşteri Kodu", "Kode Pelanggan", "Cod Cwsmer", "Odběratel"],
    "description": ["Nimike", "Megnevezés", "Açıklama", "Uraian", "Disgrifiad", "Název zboží"],
    "unit": ["Yks", "Mért.", "Birim", "Satuan", "Uned", "MJ"],
    "quantity": ["Määrä", "Menny.", "Miktar", "Jumlah", "Nifer", "Počet"],
    "unit_price": ["À-hinta", "Egységár", "Birim Fiyat", "Harga Satuan", "Pris Uned", "Cena/MJ"],
    "discount": ["Ale %", "Engedm.", "İskonto", "Potongan", "Gostyngiad", "Sleva"],
    "vat": ["ALV %", "ÁFA", "KDV", "PPN", "TAW", "DPH"],
    "amount": ["Yhteensä", "Érték", "Tutar", "Nilai", "Cyfanswm", "Celkem"],
}
SYLLABLES = ["bro", "vik", "zal", "tem", "qua", "rix", "mon", "dul", "fep", "sor", "gan", "lut", "wex", "pim"]
SUB_LINES = ["Toimitus", "Szállítás", "Teslim", "Kirim", "Dosbarthu", "Dodání"]
NOTES = ["packed in pairs", "see drawing rev. C", "colour as sample", "batch certificate needed", "fragile"]
UNITS = ["pcs", "kg", "m", "h", "set", "box", "l", "pc"]
CURRENCY = {"en": ("USD", "$"), "de": ("EUR", "€"), "fr": ("EUR", "€"), "ch": ("CHF", "Fr.")}


@dataclass(frozen=True)
class FuzzSpec:
    """The factors of one document's table (the keys a bench reports line F1 by)."""

    columns: tuple[str, ...]
    captions: str  # pool | nonsense | none
    numbers: str  # en | de | fr | ch
    currency: str  # none | symbol | code
    unit_in_quantity: bool
    wrapped: bool
    sub_lines: bool
    style: str
    font_family: str
    font_size: float
    landscape: bool
    two_pages: bool
    totals: str
    sub_line_style: str = "indented_small"  # indented_small | indented | small: how a sub-line sets itself apart

    def factors(self) -> dict[str, Any]:
        out = asdict(self)
        out["columns"] = "+".join(self.columns)
        out["font_size"] = "small" if self.font_size < 8 else "large" if self.font_size >= 9.5 else "medium"
        out["column_count"] = len(self.columns)
        out["order"] = "conventional" if _conventional(self.columns) else "shuffled"
        return out


def _conventional(columns: tuple[str, ...]) -> bool:
    usual = ["position", "sku", "customer_part", "description", "quantity", "unit", "unit_price", "discount"]
    usual += ["vat", "amount"]
    return list(columns) == sorted(columns, key=usual.index)


def sample_spec(rng: random.Random) -> FuzzSpec:
    optional = {"position": 0.5, "sku": 0.6, "customer_part": 0.2, "unit": 0.4, "unit_price": 0.9, "discount": 0.2}
    optional["vat"] = 0.25
    present = {name for name, share in optional.items() if rng.random() < share}
    text = [c for c in ("sku", "customer_part", "description", "unit") if c in present or c == "description"]
    numeric = [c for c in ("quantity", "unit_price", "discount", "vat") if c in present or c == "quantity"]
    if rng.random() < 0.5:
        rng.shuffle(text)
    if rng.random() < 0.3:
        rng.shuffle(numeric)
    columns = (["position"] if "position" in present else []) + text + numeric
    if "unit" in columns and rng.random() < 0.5:  # the unit right after the quantity
        columns.remove("unit")
        columns.insert(columns.index("quantity") + 1, "unit")
    columns.insert(len(columns) if rng.random() < 0.85 else columns.index("quantity") + 1, "amount")
    family = rng.choice(sorted(FONT_FAMILIES))
    return FuzzSpec(
        columns=tuple(columns),
        captions=rng.choice(CAPTION_MODES),
        numbers=rng.choice(NUMBER_STYLES),
        currency=rng.choice(CURRENCY_MARKS),
        unit_in_quantity="unit" not in columns and rng.random() < 0.5,
        wrapped=rng.random() < 0.4,
        sub_lines=rng.random() < 0.35,
        style=rng.choice(STYLES),
        font_family=family,
        font_size=rng.choice([7.0, 7.5, 8.0, 8.5, 9.0, 9.5, 10.0, 10.5]),
        landscape=rng.random() < 0.25,
        two_pages=rng.random() < 0.2,
        totals=rng.choice(TOTALS),
        sub_line_style=rng.choice(SUB_LINE_STYLES),
    )


def _nonsense(rng: random.Random) -> str:
    words = [
        "".join(rng.choice(SYLLABLES) for _ in range(rng.choice([1, 2, 2, 3]))).capitalize()
        for _ in range(rng.choice([1, 1, 2]))
    ]
    return " ".join(words)


@dataclass
class FuzzLine:
    position: int
    sku: str
    customer_part: str
    description: str
    unit: str
    quantity: Decimal
    unit_price: Decimal
    discount: Decimal | None
    vat: Decimal
    amount: Decimal
    sub_lines: list[str]


def _lines(rng: random.Random, spec: FuzzSpec, order_date: date) -> list[FuzzLine]:
    count = rng.randrange(18, 30) if spec.two_pages else rng.randrange(2, 11)
    step = rng.choice([1, 1, 10])
    vat = Decimal(rng.choice(["24", "27", "20", "11", "10", "21"]))
    out = []
    for index in range(count):
        noun, unit = rng.choice(vocab.PRODUCT_NOUNS)
        parts = [rng.choice(vocab.PRODUCT_ADJECTIVES), noun]
        for _ in range(rng.choice([2, 3, 4]) if spec.wrapped else rng.choice([0, 0, 1])):
            parts.append(rng.choice(vocab.PRODUCT_SPECS))
        description = " ".join(parts[:2]) + ("" if len(parts) == 2 else ", " + ", ".join(dict.fromkeys(parts[2:])))
        unit = rng.choice(UNITS) if rng.random() < 0.6 else unit.lower()
        price = q2(Decimal(rng.randrange(5, 250000)) / 100)
        if rng.random() < 0.25:
            quantity = Decimal(rng.randrange(5, 400)) / 10
        else:
            quantity = Decimal(rng.choice([1, 2, 3, 4, 5, 6, 8, 10, 12, 20, 25, 40, 50, 100, 250, 1200]))
        discount = Decimal(rng.choice([0, 0, 2, 5, 10, 12.5, 15])) if "discount" in spec.columns else None
        factor = 1 - (discount or 0) / Decimal(100)
        subs = []
        if spec.sub_lines and rng.random() < 0.6:
            when = order_date + timedelta(days=rng.randrange(7, 90))
            subs.append(f"{rng.choice(SUB_LINES)}: {_date_text(when, spec.numbers)}")
            if rng.random() < 0.4:
                subs.append(rng.choice(NOTES))
        out.append(
            FuzzLine(
                position=(index + 1) * step,
                sku=f"{rng.choice('ABCDHKMR')}{rng.choice('ABCDHKMR')}-{rng.randrange(10000, 999999)}",
                customer_part=f"{rng.randrange(100, 999)}.{rng.randrange(1000, 9999)}",
                description=description,
                unit=unit,
                quantity=quantity,
                unit_price=price,
                discount=discount,
                vat=vat,
                amount=q2(quantity * price * factor),
                sub_lines=subs,
            )
        )
    return out


def _date_text(day: date, numbers: str) -> str:
    return day.isoformat() if numbers == "en" else f"{day.day:02d}.{day.month:02d}.{day.year}"


class TableWriter:
    """Draws one document from its spec and lines: a short header, the table (over two pages when asked), totals."""

    def __init__(self, rng: random.Random, spec: FuzzSpec, lines: list[FuzzLine], po_number: str, day: date):
        self.rng, self.spec, self.lines = rng, spec, lines
        self.fonts = Fonts.of(spec.font_family)
        self.size = spec.font_size
        self.page_size = LANDSCAPE if spec.landscape else PORTRAIT
        self.pages: list[PageDraft] = []
        self.po_number, self.day = po_number, day
        code, symbol = CURRENCY[spec.numbers]
        self.currency = code
        self.mark = {"none": "", "symbol": symbol, "code": code}[spec.currency]
        self.symbol_first = spec.currency == "symbol" and rng.random() < 0.5
        self.captions = {c: self._caption(c) for c in spec.columns}
        self.y = 0.0

    def _caption(self, column: str) -> str:
        if self.spec.captions == "pool":
            return self.rng.choice(CAPTION_POOL[column])
        return _nonsense(self.rng) if self.spec.captions == "nonsense" else ""

    # ---- cells -----------------------------------------------------------------------------

    def money(self, value: Decimal) -> str:
        text = format_number(value, self.spec.numbers)
        if not self.mark:
            return text
        return f"{self.mark} {text}" if self.symbol_first else f"{text} {self.mark}"

    def cell(self, line: FuzzLine, column: str) -> str:
        numbers = self.spec.numbers
        if column == "position":
            return str(line.position)
        if column in ("sku", "customer_part", "description", "unit"):
            return str(getattr(line, column))
        if column == "quantity":
            text = format_quantity(line.quantity, numbers)
            return f"{text} {line.unit}" if self.spec.unit_in_quantity else text
        if column in ("unit_price", "amount"):
            return self.money(getattr(line, column))
        value = line.discount if column == "discount" else line.vat
        assert value is not None
        return f"{format_quantity(value.normalize(), numbers)}%" if value else "-"

    # ---- geometry --------------------------------------------------------------------------

    def _widths(self, cells: list[dict[str, str]]) -> dict[str, float]:
        f, size = self.fonts.regular, self.size
        pad = 2 * size
        usable = self.page_size[0] - 2 * MARGIN
        out = {
            c: max([width(self.captions[c], self.fonts.bold, size)] + [width(row[c], f, size) for row in cells]) + pad
            for c in self.spec.columns
            if c != "description"
        }
        left = usable - sum(out.values())
        natural = max(width(row["description"], f, size) for row in cells) + pad
        out["description"] = max(70.0, min(left, natural if not self.spec.wrapped else 0.55 * natural, 260.0))
        spare = usable - sum(out.values())
        if spare > 0:  # the table spans the page: what is left goes between the columns
            for c in out:
                out[c] += spare / len(out)
        return out

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
        page.text(MARGIN, self.y, "Purchase Order", self.fonts.bold, self.size + 3)
        caption = self.rng.choice(["PO No.", "Order No.", "PO #"])
        x = MARGIN + width("Purchase Order", self.fonts.bold, self.size + 3) + 30
        x += page.text(x, self.y, caption, self.fonts.regular, self.size) + 4
        page.text(x, self.y, self.po_number, self.fonts.regular, self.size, Entity("po_number"))
        self.y += self.size * 1.6
        page.text(MARGIN, self.y, _date_text(self.day, self.spec.numbers), self.fonts.regular, self.size)
        self.y += self.size * 3

    def table(self) -> None:
        spec, size = self.spec, self.size
        cells = [{c: self.cell(line, c) for c in spec.columns} for line in self.lines]
        widths = self._widths(cells)
        xs: dict[str, float] = {}
        x = MARGIN
        for column in spec.columns:
            xs[column] = x
            x += widths[column]
        right = x
        step = size * 1.3
        pad = size * 0.6
        bottom = self.page_size[1] - MARGIN - 5 * step
        break_at = len(self.lines) // 2 if spec.two_pages else None
        self._caption_row(xs, widths, right)
        for index, (line, row) in enumerate(zip(self.lines, cells, strict=True)):
            described = wrap(row["description"], self.fonts.regular, size, widths["description"] - 2 * pad)
            height = step * (len(described) + len(line.sub_lines)) + (pad if spec.style == "grid" else 0.3 * pad)
            if index == break_at or self.y + height > bottom:
                self._continued(right)
            page = self.pages[-1]
            top = self.y
            if spec.style == "zebra" and index % 2 == 0:
                page.rect(MARGIN, top, right - MARGIN, height, stroke=None, fill=(0.92, 0.93, 0.95))
            baseline = top + step * 0.8
            for column in spec.columns:
                self._cell(page, column, row[column], line, index, xs[column], widths[column], baseline, described)
            indent = 0.0 if spec.sub_line_style == "small" else 2 * size
            scale = 1.0 if spec.sub_line_style == "indented" else 0.8
            for offset, sub in enumerate(line.sub_lines):
                y = baseline + step * (len(described) + offset)
                page.text(xs["description"] + pad + indent, y, sub, self.fonts.italic, size * scale)
            self.y = top + height
            if spec.style in ("ruled", "grid"):
                page.line(MARGIN, self.y, right, self.y, 0.4)
                if spec.style == "grid":
                    for column in spec.columns:
                        page.line(xs[column], top, xs[column], self.y, 0.4)
                    page.line(right, top, right, self.y, 0.4)
        self.y += step
        self.right, self.amount_x = right, xs["amount"] + widths["amount"]

    def _cell(
        self,
        page: PageDraft,
        column: str,
        text: str,
        line: FuzzLine,
        index: int,
        x: float,
        cell_width: float,
        baseline: float,
        described: list[str],
    ) -> None:
        pad, size, regular = self.size * 0.6, self.size, self.fonts.regular
        tag = {"customer_part": None, "position": None, "discount": None, "vat": None}.get(column, column)
        if column == "description":
            entity = Entity("description", row=index)
            for offset, part in enumerate(described):
                page.text(x + pad, baseline + offset * size * 1.3, part, regular, size, entity, row=index)
            return
        entity = Entity(tag, row=index) if tag else None
        if column in NUMERIC or column == "position":
            if column == "quantity" and self.spec.unit_in_quantity:
                number = format_quantity(line.quantity, self.spec.numbers)
                unit_x = x + cell_width - pad - width(line.unit, regular, size)
                page.text(unit_x, baseline, line.unit, regular, size, Entity("unit", row=index), row=index)
                page.text(unit_x - size * 0.4, baseline, number, regular, size, entity, align="right", row=index)
                return
            page.text(x + cell_width - pad, baseline, text, regular, size, entity, align="right", row=index)
            return
        page.text(x + pad, baseline, text, regular, size, entity, row=index)

    def _caption_row(self, xs: dict[str, float], widths: dict[str, float], right: float) -> None:
        page = self.pages[-1]
        if self.spec.captions == "none":
            if self.spec.style in ("ruled", "grid"):
                page.line(MARGIN, self.y, right, self.y, 0.8)
            return
        size = self.size
        height = size * 1.8
        if self.spec.style in ("zebra", "grid"):
            page.rect(MARGIN, self.y, right - MARGIN, height, stroke=None, fill=(0.82, 0.85, 0.9))
        baseline = self.y + height * 0.68
        for column in self.spec.columns:
            caption, pad = self.captions[column], size * 0.6
            if column in NUMERIC:
                page.text(xs[column] + widths[column] - pad, baseline, caption, self.fonts.bold, size, align="right")
            else:
                page.text(xs[column] + pad, baseline, caption, self.fonts.bold, size)
        self.y += height
        if self.spec.style != "unruled":
            page.line(MARGIN, self.y, right, self.y, 0.8)

    def _continued(self, right: float) -> None:
        self._new_page().text(MARGIN, self.y + self.size, self.po_number, self.fonts.regular, self.size)
        self.y += self.size * 3
        widths = self._widths([{c: self.cell(line, c) for c in self.spec.columns} for line in self.lines])
        xs, x = {}, MARGIN
        for column in self.spec.columns:
            xs[column] = x
            x += widths[column]
        self._caption_row(xs, widths, right)

    def totals(self) -> None:
        if self.spec.totals == "none":
            return
        net = sum((line.amount for line in self.lines), Decimal("0.00"))
        tax = q2(net * self.lines[0].vat / 100)
        if self.spec.totals == "total":
            rows = [(self.rng.choice(["Yhteensä", "Összesen", "Toplam", "Jumlah"]), net)]
        elif self.spec.totals == "three":
            rows = [("Netto", net), (f"ALV {self.lines[0].vat}%", tax), ("Brutto", net + tax)]
        else:
            rows = [(_nonsense(self.rng), net), (_nonsense(self.rng), tax), (_nonsense(self.rng), net + tax)]
        page = self.pages[-1]
        for caption, value in rows:
            self.y += self.size * 1.5
            page.text(self.amount_x - 160, self.y, caption, self.fonts.bold, self.size)
            page.text(
                self.amount_x - self.size * 0.6, self.y, self.money(value), self.fonts.regular, self.size, align="right"
            )


def make_tablefuzz_po(seed: int, doc_id: str | None = None, space: str = "default") -> GeneratedDoc:
    """One table stress purchase order; the same seed gives the same bytes and labels. ``space="wide"`` draws it
    from the wide space (training/factory/tablewide.py), ``space="unheard"`` from the wide space under captions no
    reader knows, columns shuffled (training/factory/tableunheard.py); the default space's documents never
    change."""
    if space == "wide":
        from training.factory.tablewide import make_wide_po  # it builds on this module's pools

        return make_wide_po(seed, doc_id)
    if space == "unheard":
        from training.factory.tableunheard import make_unheard_po  # the wide space under unknown captions

        return make_unheard_po(seed, doc_id)
    if space == "stress":
        from training.factory.tablestress import make_stress_po  # the wide space's grids, structures it lacks

        return make_stress_po(seed, doc_id)
    if space != "default":
        raise ValueError(f"unknown table space {space!r}: default, wide, unheard or stress")
    rng = random.Random(seed)
    spec = sample_spec(random.Random(seed * 7919 + 11))
    day = date(2026, 1, 1) + timedelta(days=rng.randrange(0, 330))
    po_number = f"{rng.choice(['45', '77', 'PO-'])}{rng.randrange(100000, 999999)}"
    lines = _lines(rng, spec, day)
    writer = TableWriter(rng, spec, lines, po_number, day)
    writer.header()
    writer.table()
    writer.totals()
    doc_id = doc_id or f"po-tablefuzz-{seed}"
    truth = {"fields": {"po_number": po_number} if "po_number" in tagged_fields(writer.pages) else {}}
    truth["line_items"] = [_truth_line(line, spec) for line in lines]
    family = family_id("po-tablefuzz", {k: str(v) for k, v in spec.factors().items()})
    features = {**spec.factors(), "n_lines": len(lines), "n_pages": len(writer.pages)}
    label = build_label(doc_id, "po", family, features, truth, writer.pages, f"{doc_id}.pdf")
    label["sub_lines"] = [line.sub_lines for line in lines]  # per item, what belongs in its extra, not the truth's
    pdf = render_pdf(writer.pages, title=po_number)
    return GeneratedDoc(doc_id, "po", pdf, label, truth, writer.pages)


def _truth_line(line: FuzzLine, spec: FuzzSpec) -> dict[str, Any]:
    # two code columns under captions no reader knows: which is the article number only the words say
    sku_known = "sku" in spec.columns and "customer_part" not in spec.columns
    return {
        "sku": line.sku if sku_known else None,
        "description": line.description,
        "quantity": dec_str(line.quantity),
        "unit_price": dec_str(line.unit_price) if "unit_price" in spec.columns else None,
        "amount": dec_str(line.amount),
    }


def generate_tablefuzz(n: int, out: Path, seed: int, space: str = "default") -> list[Path]:
    """Write ``n`` table stress documents (<id>.pdf beside <id>.json labels) to ``out``, from the default or the
    wide space."""
    out.mkdir(parents=True, exist_ok=True)
    paths, rows = [], []
    prefix = "po-tablefuzz" if space == "default" else f"po-tablefuzz-{space}"
    for index in range(n):
        doc = make_tablefuzz_po(doc_seed(seed, index), f"{prefix}-{seed}-{index:06d}", space)
        (out / doc.label["file"]).write_bytes(doc.pdf_bytes)
        path = out / f"{doc.doc_id}.json"
        path.write_text(json.dumps(doc.label, ensure_ascii=False, separators=(",", ":")))
        paths.append(path)
        rows.append({"kind": "po", "scanned": False, "layout_family": doc.layout_family, **doc.label["features"]})
    if space == "default":  # the card of the default space as it always was
        write_card(out, rows, tablefuzz=True, seed=seed)
    else:
        write_card(out, rows, tablefuzz=True, seed=seed, space=space)
    return paths


__all__ = ["CAPTION_POOL", "FuzzSpec", "generate_tablefuzz", "make_tablefuzz_po", "sample_spec"]
