"""Header totals a scan cut to their last thousands group ('212,12' for '31 296 212,12'), joined by arithmetic."""

from decimal import Decimal

from extraction.charges import join_split_totals
from extraction.document import Document, Page
from extraction.result import Extraction, FieldValue, LineItem
from tests.fixtures_docs import words_at


def _scan(tax: str) -> Document:
    """An OCR'd page: two item rows, then a totals block whose amounts OCR split at their thousands spaces."""
    rows = [
        ("Cable 3x2,5 24 m 5714,71 137153,04", 0.10),
        ("Gloves 8 pairs 3294,69 26357,52", 0.12),
        ("Net: 26 080 176,77", 0.16),
        (f"VAT 20% {tax}", 0.18),
        ("Amount due: 31 296 212,12", 0.20),
    ]
    words = [w for text, y in rows for w in words_at(text, 0.55 if y > 0.15 else 0.08, y)]
    return Document([Page(1, 612, 792, words, source="ocr")])


def _read(amount: str, y: float) -> FieldValue:
    return FieldValue(Decimal(amount), 0.6, 1, (0.6, y, 0.9, y + 0.011), amount.replace(".", ","))


def _cut() -> Extraction:
    item = LineItem({}, 0.9, page=1, bbox=(0.08, 0.10, 0.9, 0.111))
    fields = {"subtotal": _read("212.12", 0.20), "total": _read("212.12", 0.20)}
    return Extraction("purchase_order", 1, fields, [item])


def test_a_total_cut_to_its_last_group_is_joined_where_subtotal_and_tax_add_up_to_it() -> None:
    ext = _cut()
    join_split_totals(_scan("5 216 035,35"), ext)
    assert ext.decimal("subtotal") == Decimal("26080176.77")
    assert ext.decimal("tax_total") == Decimal("5216035.35")
    assert ext.decimal("total") == Decimal("31296212.12")
    assert ext.fields["total"].page == 1


def test_groups_that_do_not_add_up_are_left_alone() -> None:
    ext = _cut()
    join_split_totals(_scan("5 216 999,35"), ext)  # the net and the tax do not come to the total
    assert ext.decimal("subtotal") == Decimal("212.12")
    assert ext.decimal("total") == Decimal("212.12")
    assert ext.decimal("tax_total") is None


def test_a_born_digital_page_is_left_alone() -> None:
    ext, doc = _cut(), _scan("5 216 035,35")
    doc.pages[0].source = "text"
    join_split_totals(doc, ext)
    assert ext.decimal("total") == Decimal("212.12")
