"""A realistic purchase-order page and a small review queue for the browser tests and the UI screenshots."""

from __future__ import annotations

from datetime import UTC, datetime, timedelta
from pathlib import Path
from typing import Any

from PIL import Image, ImageDraw, ImageFont
from sqlalchemy.orm import Session

import review
from core.settings import ReviewSettings
from store.tables import DocumentRecord
from tests.test_review_support import make_check

FONT_DIR = Path("/usr/share/fonts/truetype/dejavu")
S = 2  # drawn in A4-at-150-dpi coordinates, stored at 300 dpi like a scan
W, H = 1240 * S, 1754 * S


def _font(bold: bool, size: int) -> ImageFont.ImageFont:
    name = "DejaVuSans-Bold.ttf" if bold else "DejaVuSans.ttf"
    try:
        return ImageFont.truetype(str(FONT_DIR / name), size)
    except OSError:  # no DejaVu: Pillow's own font still gives a usable page
        return ImageFont.load_default(size)


class Page:
    """Draws text and records every word with its box as page fractions, as the extraction does."""

    def __init__(self) -> None:
        self.image = Image.new("RGB", (W, H), "white")
        self.draw = ImageDraw.Draw(self.image)
        self.words: list[dict[str, Any]] = []

    def text(self, x: int, y: int, text: str, *, size: int = 20, bold: bool = False, right: bool = False) -> list[int]:
        x, y, size = x * S, y * S, size * S
        font = _font(bold, size)
        if right:
            x -= int(self.draw.textlength(text, font=font))
        indices = []
        cursor = x
        space = self.draw.textlength(" ", font=font)
        for word in text.split(" "):
            x0, y0, x1, y1 = self.draw.textbbox((cursor, y), word, font=font)
            self.draw.text((cursor, y), word, font=font, fill="#1a1a1a")
            indices.append(len(self.words))
            self.words.append({"text": word, "bbox": [x0 / W, y0 / H, x1 / W, y1 / H]})
            cursor += self.draw.textlength(word, font=font) + space
        return indices

    def box_of(self, indices: list[int], pad: float = 0.004) -> list[float]:
        boxes = [self.words[i]["bbox"] for i in indices]
        return [
            round(max(0.0, min(b[0] for b in boxes) - pad), 4),
            round(max(0.0, min(b[1] for b in boxes) - pad), 4),
            round(min(1.0, max(b[2] for b in boxes) + pad), 4),
            round(min(1.0, max(b[3] for b in boxes) + pad), 4),
        ]

    def rule(self, y: int, x0: int = 90, x1: int = 1240 - 90, width: int = 1) -> None:
        self.draw.line([(x0 * S, y * S), (x1 * S, y * S)], fill="#999999", width=width * S)

    def rectangle(self, x0: int, y0: int, x1: int, y1: int, fill: str) -> None:
        self.draw.rectangle([x0 * S, y0 * S, x1 * S, y1 * S], fill=fill)


def purchase_order_page() -> tuple[bytes, list[dict[str, Any]], dict[str, list[float]]]:
    """PNG bytes, the words (documents.words format) and the boxes of the values the tasks point at."""
    import io

    p = Page()
    p.rectangle(90, 90, 150, 150, fill="#2f5bea")
    p.text(170, 92, "Northwind Components AG", size=30, bold=True)
    p.text(170, 132, "Industriestrasse 12 · 8005 Zürich · Switzerland", size=17)
    p.text(1240 - 90, 92, "PURCHASE ORDER", size=34, bold=True, right=True)
    p.rule(190, width=2)
    boxes: dict[str, list[float]] = {}
    rows = [("PO Number:", "PO-2026-04711"), ("Order date:", "14.03.2026"), ("Currency:", "EUR"), ("Terms:", "Net 30")]
    for i, (label, value) in enumerate(rows):
        y = 230 + i * 40
        p.text(760, y, label, size=20, bold=True)
        boxes[label] = p.box_of(p.text(920, y, value, size=20))
    p.text(90, 230, "Supplier", size=16, bold=True)
    p.text(90, 258, "Globex Industrial Supply GmbH", size=20)
    p.text(90, 288, "Hafenweg 4, 20457 Hamburg, Germany", size=18)
    p.text(90, 318, "VAT DE811234567", size=18)
    p.text(90, 390, "Ship to", size=16, bold=True)
    p.text(90, 418, "Northwind Components AG, Werk Winterthur", size=18)

    y = 520
    p.rectangle(90, y - 10, 1240 - 90, y + 34, fill="#eef1f6")
    for x, head, right in [
        (100, "Pos", False),
        (170, "Description", False),
        (700, "Qty", True),
        (860, "Unit price", True),
        (1240 - 100, "Amount", True),
    ]:
        p.text(x, y, head, size=18, bold=True, right=right)
    lines = [
        ("1", "Hex bolt M8 x 40, zinc plated", "2,000", "0.18", "360.00"),
        ("2", "Bearing 6204-2RS", "150", "4.95", "742.50"),
        ("3", "Shaft seal 30x47x7 NBR", "300", "1.10", "330.00"),
        ("4", "Assembly labour (hours)", "12", "65.00", "780.00"),
    ]
    for i, (pos, desc, qty, price, amount) in enumerate(lines):
        ly = y + 60 + i * 44
        p.text(100, ly, pos, size=18)
        p.text(170, ly, desc, size=18)
        q = p.text(700, ly, qty, size=18, right=True)
        p.text(860, ly, price, size=18, right=True)
        p.text(1240 - 100, ly, amount, size=18, right=True)
        if i == 1:
            boxes["qty_line_1"] = p.box_of(q)
        p.rule(ly + 34, width=1)
    ty = y + 60 + len(lines) * 44 + 30
    for i, (label, value) in enumerate([("Subtotal", "2,212.50"), ("VAT 19 %", "420.38"), ("Total EUR", "2,632.88")]):
        p.text(860, ty + i * 38, label, size=20, bold=label.startswith("Total"), right=True)
        boxes[label] = p.box_of(
            p.text(1240 - 100, ty + i * 38, value, size=20, bold=label.startswith("Total"), right=True)
        )
    p.text(90, ty + 180, "Please quote the PO number on every invoice. Invoices without it will be returned.", size=17)
    p.text(90, ty + 210, "Delivery by 2026-04-15 at the latest. Partial deliveries only after agreement.", size=17)
    p.rule(1754 - 140)
    p.text(
        90,
        1754 - 120,
        "Northwind Components AG · Commercial register CHE-123.456.789 · purchasing@northwind.example",
        size=15,
    )

    out = io.BytesIO()
    p.image.save(out, format="PNG", optimize=True)
    words = [{"page": 1, "width": W, "height": H, "words": p.words}]
    return out.getvalue(), words, boxes


def seed_queue(session: Session, files_dir: Path, *, now: datetime | None = None) -> dict[str, str]:
    """One PO with three uncertain values, a second customer's document and a pre-send check; returns ids."""
    now = now or datetime.now(UTC)
    png, words, boxes = purchase_order_page()
    files_dir.mkdir(parents=True, exist_ok=True)
    path = files_dir / "northwind-po.png"
    path.write_bytes(png)

    def cell(value: Any, raw: str, conf: float, box: list[float]) -> dict[str, Any]:
        return {"value": value, "raw": raw, "confidence": conf, "page": 1, "bbox": box}

    document = DocumentRecord(
        customer_id="NORTHWIND",
        filename="northwind-po-4711.png",
        media_type="image/png",
        sha256="0" * 64,
        size_bytes=len(png),
        storage_path=str(path),
        status="done",
        page_count=1,
        doc_type="purchase_order",
        po_number="PO-2026-O4711",
        words=words,
    )
    session.add(document)
    session.flush()
    document.extraction = {
        "document_id": document.id,
        "doc_type": "purchase_order",
        "page_count": 1,
        "fields": {
            "po_number": cell("PO-2026-O4711", "PO-2026-O4711", 0.46, boxes["PO Number:"]),
            "order_date": cell("2026-03-14", "14.03.2026", 0.71, boxes["Order date:"]),
            "currency": cell("EUR", "EUR", 0.99, boxes["Currency:"]),
            "total": cell("2632.88", "2,632.88", 0.58, boxes["Total EUR"]),
        },
        "line_items": [],
        "needs_review": True,
        "review_reasons": ["low confidence"],
        "model_version": "demo",
    }
    config = ReviewSettings()
    earlier = now - timedelta(hours=30)
    ids = {"document_id": document.id}
    ids["po"] = review.open_task(
        session,
        kind="extraction",
        document_id=document.id,
        field="po_number",
        priority=80,
        now=now - timedelta(minutes=42),
        config=config,
    ).id
    ids["total"] = review.open_task(
        session, kind="extraction", document_id=document.id, field="total", priority=60, now=earlier, config=config
    ).id
    ids["date"] = review.open_task(
        session,
        kind="extraction",
        document_id=document.id,
        field="order_date",
        priority=40,
        now=now - timedelta(hours=3),
        config=config,
    ).id
    check = make_check(session, customer_id="GLOBEX")
    ids["check"] = review.open_task(
        session,
        kind="precheck",
        check_id=check.id,
        priority=70,
        note="Customer disputes unit prices",
        now=now - timedelta(hours=5),
        config=config,
    ).id
    return ids
