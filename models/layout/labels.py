"""The tag set of the layout model: BIO over the header fields and line-item columns of the contract."""

from __future__ import annotations

# Header fields the model tags (payment_terms_days is derived from payment_terms, never tagged on its own).
HEADER_TAGS: tuple[str, ...] = (
    "po_number",
    "contract_number",
    "order_date",
    "effective_date",
    "expiry_date",
    "buyer_name",
    "vendor_name",
    "buyer_tax_id",
    "vendor_tax_id",
    "currency",
    "payment_terms",
    "subtotal",
    "tax_total",
    "total",
)
LINE_TAGS: tuple[str, ...] = ("sku", "description", "quantity", "unit", "unit_price", "amount", "tax_rate")
FUNSD_TAGS: tuple[str, ...] = ("header", "question", "answer")


def bio_labels(entities: tuple[str, ...] | list[str]) -> list[str]:
    """``O`` then ``B-x``, ``I-x`` for each entity, in a fixed order (the order is the classifier's output order)."""
    labels = ["O"]
    for name in entities:
        labels += [f"B-{name}", f"I-{name}"]
    return labels


EXTRACTION_LABELS: list[str] = bio_labels(HEADER_TAGS + LINE_TAGS)
FUNSD_LABELS: list[str] = bio_labels(FUNSD_TAGS)


def entity_of(label: str) -> str | None:
    return None if label == "O" else label[2:]
