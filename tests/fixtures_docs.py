"""A tiny purchase-order renderer (reportlab) for the extraction tests.

Enough variety to exercise the heuristics: column order and header synonyms, wrapped
descriptions, tables across pages (with or without a repeated header), US/EU number
formats and several date formats. The document factory in training/ makes the big sets.
"""

from __future__ import annotations

import io
from dataclasses import dataclass, field
from datetime import date
from decimal import Decimal

from PIL import Image, ImageDraw, ImageFont
from reportlab.lib.pagesizes import A4, letter
from reportlab.lib.utils import simpleSplit
from reportlab.pdfgen import canvas

from extraction.document import Document, Page, Word
from extraction.heuristic import HeuristicExtractor
from extraction.heuristic.parts import Column, RowDraft
from extraction.layout import Line as TextLine
from extraction.result import Extraction

COLUMN_WIDTHS = {
    "sku": 70,
    "description": 190,
    "quantity": 45,
    "unit": 40,
    "unit_price": 70,
    "amount": 80,
    "tax_rate": 40,
}
NUMERIC = {"quantity", "unit_price", "amount", "tax_rate"}
DEFAULT_COLUMNS = [
    ("sku", "Item #"),
    ("description", "Description"),
    ("quantity", "Qty"),
    ("unit", "UOM"),
    ("unit_price", "Unit Price"),
    ("amount", "Amount"),
]


@dataclass
class Line:
    sku: str
    description: str
    quantity: Decimal
    unit: str
    unit_price: Decimal
    tax_rate: Decimal | None = None
    printed_amount: Decimal | None = None  # set to print a wrong amount (arithmetic checks)

    @property
    def amount(self) -> Decimal:
        if self.printed_amount is not None:
            return self.printed_amount
        return (self.quantity * self.unit_price).quantize(Decimal("0.01"))


CHAR = 0.0065  # width of a character in hand-made word boxes, as a page fraction
HEIGHT = 0.011


def words_left(y: float, text: str, x: float, char: float = 0.0072) -> list[Word]:
    """The words of ``text`` set left from x on the line whose top is y (page fractions), as a text layer gives a
    proportional font's words: ``char`` a character's width, a fixed gap between words."""
    out = []
    for token in text.split():
        out.append(Word(token, (x, y, x + char * len(token), y + 0.0095)))
        x += char * len(token) + 0.0045
    return out


def words_at(text: str, x: float, y: float, char: float = CHAR, height: float = HEIGHT) -> list[Word]:
    """The words of ``text`` starting at x, one character's width apart, on the line whose top is y (page
    fractions); two spaces leave a wider gap."""
    out = []
    for token in text.split(" "):
        width = char * len(token)
        out.append(Word(token, (x, y, x + width, y + height)))
        x += width + char
    return out


def document_of_rows(rows: list[tuple[float, float, str]]) -> Document:
    """A one-page letter-size document from (x, y, text) rows: 0.009 of the page per character, 0.012 high."""
    words = [w for x, y, text in rows for w in words_at(" ".join(text.split()), x, y, 0.009, 0.012)]
    return Document([Page(1, 612, 792, words)])


def default_lines(count: int = 3) -> list[Line]:
    catalogue = [
        ("HX-100", "Hex bolt M8 x 40 zinc plated", Decimal("250"), "EA", Decimal("0.42")),
        ("WS-220", "Flat washer M8 DIN 125", Decimal("500"), "EA", Decimal("0.05")),
        ("CB-7", "Cable tray 2 m galvanised steel", Decimal("12"), "PC", Decimal("38.90")),
        ("GL-55", "Safety gloves nitrile size L", Decimal("40"), "PR", Decimal("3.75")),
        ("PN-9", "Pneumatic fitting 6 mm push-in", Decimal("60"), "EA", Decimal("1.95")),
        ("MT-31", "Industrial motor 3 kW IE3", Decimal("2"), "EA", Decimal("1234.50")),
    ]
    return [Line(*catalogue[i % len(catalogue)]) for i in range(count)]


@dataclass
class PoSpec:
    po_number: str = "PO-2026-0417"
    order_date: date = date(2026, 3, 31)
    date_format: str = "%m/%d/%Y"
    buyer: str = "Northwind Traders Inc."
    vendor: str = "Acme Industrial Supply GmbH"
    vendor_tax_id: str | None = "DE136695976"
    currency: str = "USD"
    terms: str = "Net 30"
    columns: list[tuple[str, str]] = field(default_factory=lambda: list(DEFAULT_COLUMNS))
    lines: list[Line] = field(default_factory=default_lines)
    tax_percent: Decimal = Decimal("8")
    number_format: str = "US"  # or "EU"
    rows_per_page: int = 25
    repeat_header: bool = True
    labels: dict[str, str] = field(
        default_factory=lambda: {"po_number": "PO Number:", "order_date": "Order Date:", "terms": "Payment Terms:"}
    )
    page_size: tuple[float, float] = letter

    @property
    def subtotal(self) -> Decimal:
        return sum((line.amount for line in self.lines), Decimal("0"))

    @property
    def tax(self) -> Decimal:
        return (self.subtotal * self.tax_percent / 100).quantize(Decimal("0.01"))

    @property
    def total(self) -> Decimal:
        return self.subtotal + self.tax

    def money(self, value: Decimal) -> str:
        text = f"{value:,.2f}"
        if self.number_format == "EU":
            text = text.replace(",", "_").replace(".", ",").replace("_", ".")
        return text

    def number(self, value: Decimal) -> str:
        text = f"{value.normalize():f}"
        return text.replace(".", ",") if self.number_format == "EU" else text


def render_po(spec: PoSpec) -> bytes:
    buffer = io.BytesIO()
    width, height = spec.page_size
    pdf = canvas.Canvas(buffer, pagesize=spec.page_size)
    margin = 40
    widths = [COLUMN_WIDTHS[name] for name, _ in spec.columns]
    scale = min(1.0, (width - 2 * margin) / sum(widths))
    xs = [margin]
    for w in widths:
        xs.append(xs[-1] + w * scale)

    def header_block() -> float:
        pdf.setFont("Helvetica-Bold", 14)
        pdf.drawString(margin, height - 50, spec.buyer)
        pdf.setFont("Helvetica", 9)
        pdf.drawString(margin, height - 64, "1200 Harbor Blvd, Suite 4, Springfield, IL 62701")
        pdf.setFont("Helvetica-Bold", 16)
        pdf.drawRightString(width - margin, height - 50, "PURCHASE ORDER")
        pdf.setFont("Helvetica", 10)
        rows = [
            (spec.labels["po_number"], spec.po_number),
            (spec.labels["order_date"], spec.order_date.strftime(spec.date_format)),
            (spec.labels["terms"], spec.terms),
            ("Currency:", spec.currency),
        ]
        y = height - 80
        for label, value in rows:
            pdf.drawString(width - 230, y, label)
            pdf.drawString(width - 140, y, value)
            y -= 14
        y = height - 150
        pdf.setFont("Helvetica-Bold", 10)
        pdf.drawString(margin, y, "Vendor:")
        pdf.drawString(width / 2 + 20, y, "Ship To:")
        pdf.setFont("Helvetica", 10)
        vendor_lines = [spec.vendor, "Industriestrasse 12", "70565 Stuttgart, Germany"]
        if spec.vendor_tax_id:
            vendor_lines.append(f"VAT ID: {spec.vendor_tax_id}")
        for i, text in enumerate(vendor_lines):
            pdf.drawString(margin, y - 14 * (i + 1), text)
        for i, text in enumerate([spec.buyer, "Receiving Dock B", "Springfield, IL 62701"]):
            pdf.drawString(width / 2 + 20, y - 14 * (i + 1), text)
        return y - 14 * (len(vendor_lines) + 2)

    def table_header(y: float) -> float:
        pdf.setFont("Helvetica-Bold", 9)
        for (name, label), x0, x1 in zip(spec.columns, xs, xs[1:], strict=False):
            if name in NUMERIC:
                pdf.drawRightString(x1 - 4, y, label)
            else:
                pdf.drawString(x0 + 2, y, label)
        pdf.line(margin, y - 4, xs[-1], y - 4)
        pdf.setFont("Helvetica", 9)
        return y - 16

    y = table_header(header_block())
    rows_on_page = 0
    for line in spec.lines:
        if rows_on_page >= spec.rows_per_page:
            pdf.setFont("Helvetica", 8)
            pdf.drawString(margin, 30, "Continued on next page")
            pdf.showPage()
            pdf.setFont("Helvetica", 9)
            pdf.drawString(margin, height - 40, f"Purchase Order {spec.po_number} - continued")
            y = height - 70
            y = table_header(y) if spec.repeat_header else y
            pdf.setFont("Helvetica", 9)
            rows_on_page = 0
        description_lines = [""]
        for (name, _), x0, x1 in zip(spec.columns, xs, xs[1:], strict=False):
            if name == "description":
                description_lines = simpleSplit(line.description, "Helvetica", 9, x1 - x0 - 6)
        values = {
            "sku": line.sku,
            "quantity": spec.number(line.quantity),
            "unit": line.unit,
            "unit_price": spec.money(line.unit_price),
            "amount": spec.money(line.amount),
            "tax_rate": f"{spec.number(line.tax_rate)}%" if line.tax_rate is not None else "",
        }
        for (name, _), x0, x1 in zip(spec.columns, xs, xs[1:], strict=False):
            if name == "description":
                for i, text in enumerate(description_lines):
                    pdf.drawString(x0 + 2, y - 11 * i, text)
            elif name in NUMERIC:
                pdf.drawRightString(x1 - 4, y, values[name])
            else:
                pdf.drawString(x0 + 2, y, values[name])
        y -= 11 * len(description_lines) + 5
        rows_on_page += 1

    y -= 10
    label_x, value_x = xs[-1] - 160, xs[-1] - 4
    pdf.setFont("Helvetica", 10)
    tax_label = "VAT" if spec.number_format == "EU" else "Sales Tax"
    for label, value in [
        ("Subtotal", spec.subtotal),
        (f"{tax_label} ({spec.number(spec.tax_percent)}%)", spec.tax),
        ("Total", spec.total),
    ]:
        pdf.drawString(label_x, y, label)
        pdf.drawRightString(value_x, y, f"{spec.money(value)} {spec.currency}")
        y -= 14
    pdf.setFont("Helvetica", 8)
    pdf.drawString(margin, y - 20, "Please quote the PO number on every invoice. Deliveries Mon-Fri 8:00-16:00.")
    pdf.save()
    return buffer.getvalue()


def eu_spec(**overrides) -> PoSpec:
    spec = PoSpec(
        number_format="EU",
        currency="EUR",
        date_format="%d.%m.%Y",
        order_date=date(2026, 2, 3),
        page_size=A4,
        terms="30 days net",
        labels={"po_number": "P.O. No.", "order_date": "Date:", "terms": "Terms:"},
    )
    for key, value in overrides.items():
        setattr(spec, key, value)
    return spec


def render_contract(paragraphs: list[str]) -> bytes:
    """A prose contract: wrapped paragraphs on as many pages as needed."""
    buffer = io.BytesIO()
    width, height = letter
    pdf = canvas.Canvas(buffer, pagesize=letter)
    y = height - 60
    for paragraph in paragraphs:
        for text in simpleSplit(paragraph, "Times-Roman", 11, width - 144):
            if y < 60:
                pdf.showPage()
                y = height - 60
            pdf.setFont("Times-Roman", 11)
            pdf.drawString(72, y, text)
            y -= 14
        y -= 8
    pdf.save()
    return buffer.getvalue()


def truth_of(spec: PoSpec) -> dict:
    """The labels a document factory would write for this PO (values as the contract's JSON)."""
    lines = []
    for line in spec.lines:
        lines.append(
            {
                "sku": line.sku,
                "description": line.description,
                "quantity": str(line.quantity),
                "unit": line.unit,
                "unit_price": str(line.unit_price),
                "amount": str(line.amount),
            }
        )
    return {
        "fields": {
            "po_number": spec.po_number,
            "order_date": spec.order_date.isoformat(),
            "buyer_name": spec.buyer,
            "vendor_name": spec.vendor,
            "vendor_tax_id": spec.vendor_tax_id,
            "currency": spec.currency,
            "subtotal": str(spec.subtotal),
            "tax_total": str(spec.tax),
            "total": str(spec.total),
        },
        "line_items": lines,
    }


def page_of_lines(lines: list[str]) -> Document:
    """One letter page with each string as a text line of words, top down: for readers that work on words."""
    words = []
    for row, text in enumerate(lines):
        x = 0.08
        for token in text.split():
            width = 0.011 * len(token)
            words.append(Word(token, (x, 0.05 + 0.03 * row, x + width, 0.062 + 0.03 * row)))
            x += width + 0.01
    return Document([Page(1, 612, 792, words)])


def page_of_columns(lines: list[str]) -> Document:
    """One page, a line per string; ' | ' starts the next column (columns 0.3 of the page apart)."""
    words = []
    for row, text in enumerate(lines):
        for number, column in enumerate(text.split(" | ")):
            x = 0.08 + 0.3 * number
            for token in column.split():
                width = 0.009 * len(token)
                words.append(Word(token, (x, 0.05 + 0.03 * row, x + width, 0.062 + 0.03 * row)))
                x += width + 0.006
    return Document([Page(1, 612, 792, words)])


SCAN_FONT = "/usr/share/fonts/truetype/dejavu/DejaVuSans.ttf"
SCAN_ROWS = [
    ("Description", "Qty", "Unit Price", "Amount"),
    ("Safety Gloves", "10", "38.00", "380.00"),
    ("Hex Bolt", "250", "1.20", "300.00"),
]
SCAN_COLUMNS_X = (40, 420, 560, 740)


def scanned_table(rows: list[tuple[str, ...]] = SCAN_ROWS, height: int = 260) -> tuple[Image.Image, list[Word]]:
    """A small table drawn as a 200 dpi scan would show it, with the words an OCR would give (confidence 0.96)."""
    image = Image.new("L", (1000, height), 255)
    draw = ImageDraw.Draw(image)
    font = ImageFont.truetype(SCAN_FONT, 22)
    words: list[Word] = []
    for row_index, cells in enumerate(rows):
        y = 40 + 60 * row_index
        for left_edge, cell in zip(SCAN_COLUMNS_X, cells, strict=True):
            x: float = left_edge
            for token in cell.split():
                left, top, right, bottom = draw.textbbox((x, y), token, font=font)
                draw.text((x, y), token, font=font, fill=0)
                words.append(Word(token, (left / 1000, top / height, right / 1000, bottom / height), 0.96))
                x = right + 8
    return image, words


def extract_placed(lines: list[tuple[float, list[tuple[float, str]]]]) -> Extraction:
    """The heuristic extractor's reading of one A4 text page of ``lines``: (y, [(x, text), ...]), page fractions."""
    words: list[Word] = [w for y, cells in lines for x, text in cells for w in words_at(text, x, y)]
    return HeuristicExtractor().extract(Document([Page(1, 595, 842, words, "text")]), "purchase_order")


def price_ladder_order(ladders: list[list[tuple[str, str]]]) -> list[tuple[float, list[tuple[float, str]]]]:
    """An order's lines for ``extract_placed`` whose three items (a 'Sealant tube' at 3 ea for 51.03, a 'Hinge,
    steel' at 10 ea for 268.90, a 'Rope 10 mm' at 120 m for 210.00) each print their price ladder in a 'Tiers'
    column: one (break count, price) step a line, the first beside the item, the rest under it; a subtotal under."""
    header = [(0.08, "Description"), (0.44, "Qty"), (0.48, "UoM"), (0.54, "Tiers"), (0.74, "Unit price"),
              (0.87, "Amount")]  # fmt: skip
    items = [("Sealant tube", "3", "ea", "17.01", "51.03"), ("Hinge, steel", "10", "ea", "26.89", "268.90"),
             ("Rope 10 mm", "120", "m", "1.75", "210.00")]  # fmt: skip
    lines: list[tuple[float, list[tuple[float, str]]]] = [(0.30, header)]
    y = 0.33
    for (text, qty, unit, price, amount), ladder in zip(items, ladders, strict=True):
        first, *rest = ladder
        lines.append((y, [(0.08, text), (0.45, qty), (0.48, unit), (0.54, first[0]), (0.62, first[1]),
                          (0.75, price), (0.88, amount)]))  # fmt: skip
        for count, step in rest:
            y += 0.013
            lines.append((y, [(0.54, count), (0.62, step)]))
        y += 0.02
    lines.append((y + 0.02, [(0.56, "Subtotal"), (0.86, "529.93")]))
    return lines


def priced_lines(extraction: Extraction) -> list[tuple[object, ...]]:
    """Each line item's description, quantity, unit price and amount."""
    return [
        (i.value("description"), i.value("quantity"), i.value("unit_price"), i.value("amount"))
        for i in extraction.line_items
    ]


def image_of_lines(lines: list[str]) -> Image.Image:
    """A grey page image of ``lines`` in DejaVu Sans (it has Cyrillic, Armenian and Georgian letters), for OCR."""
    image = Image.new("L", (1700, 200 + 52 * len(lines)), 255)
    draw = ImageDraw.Draw(image)
    font = ImageFont.truetype("/usr/share/fonts/truetype/dejavu/DejaVuSans.ttf", 26)
    for index, line in enumerate(lines):
        draw.text((60, 60 + 52 * index), line, font=font, fill=0)
    return image


# a scanned order's columns, for row drafts built without a page
SCAN_COLUMNS = (
    Column("sku", 0.05, 0.15),
    Column("description", 0.2, 0.5),
    Column("quantity", 0.52, 0.58),
    Column("unit", 0.6, 0.66),
    Column("unit_price", 0.7, 0.8),
    Column("amount", 0.85, 0.95),
)


def row_draft(header: tuple[Column, ...], index: int, confidence: float = 0.93, **cells: str) -> RowDraft:
    """Row ``index`` of a table under ``header``, its cells' words read with ``confidence``."""
    y = 0.3 + 0.03 * index
    x = {c.name: c.x0 for c in header}
    words = {name: [Word(t, (x[name] + 0.02 * i, y, x[name] + 0.02 * i + 0.01 * len(t), y + 0.012), confidence)
                    for i, t in enumerate(text.split())] for name, text in cells.items()}  # fmt: skip
    line = TextLine([w for ws in words.values() for w in ws])
    return RowDraft(1, words, y + 0.012, tuple(c.name for c in header), header, line)
