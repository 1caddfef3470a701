"""Typed validation of a reviewer's corrected values: a date must be a date, an amount a decimal."""

from __future__ import annotations

import re
from datetime import date
from decimal import Decimal, InvalidOperation
from typing import Any

from core.errors import InvalidInput
from extraction.result import HEADER_FIELDS, LINE_FIELDS

_CURRENCY = re.compile(r"^[A-Z]{3}$")
# plain ("1234.50") or with thousands commas in their places ("1,234.50"); "1,5" is a decimal comma, refused
_DECIMAL = re.compile(r"^-?(\d+|\d{1,3}(,\d{3})+)(\.\d+)?$")


def field_kind(field: str, *, line: int | None) -> str:
    """``text``, ``date``, ``integer`` or ``decimal`` for a header field or a line-item column."""
    table = LINE_FIELDS if line is not None else HEADER_FIELDS
    return table.get(field, "text")


def parse_value(field: str, raw: Any, *, line: int | None = None) -> str | int | None:
    """The contract's JSON form of ``raw`` for ``field`` (decimal strings, ISO dates), or InvalidInput saying why.

    An empty value means "the document does not show this field" and gives None.
    """
    if raw is None:
        return None
    text = str(raw).strip()
    if text == "":
        return None
    kind = field_kind(field, line=line)
    if kind == "date":
        try:
            return date.fromisoformat(text).isoformat()
        except ValueError:
            raise InvalidInput(f"{field}: '{text}' is not a date; write it as YYYY-MM-DD", field=field) from None
    if kind == "decimal":
        # Accept a thousands separator as typed by people ("1,234.50"), store the plain decimal string.
        cleaned = text.replace(" ", "")
        if not _DECIMAL.match(cleaned):
            raise InvalidInput(f"{field}: '{text}' is not a decimal amount, e.g. 1234.50", field=field)
        try:
            return format(Decimal(cleaned.replace(",", "")), "f")
        except InvalidOperation:
            raise InvalidInput(f"{field}: '{text}' is not a decimal amount, e.g. 1234.50", field=field) from None
    if kind == "integer":
        if not re.fullmatch(r"-?\d+", text):
            raise InvalidInput(f"{field}: '{text}' is not a whole number", field=field)
        return int(text)
    if field == "currency":
        if not _CURRENCY.match(text.upper()):
            raise InvalidInput(f"currency: '{text}' is not an ISO 4217 code such as EUR or USD", field=field)
        return text.upper()
    if field.endswith("_tax_id"):
        return text.replace(" ", "")
    return text


def extraction_cell(extraction: dict[str, Any] | None, field: str, line: int | None) -> dict[str, Any] | None:
    """The stored cell (value, confidence, page, bbox, raw) of a header field, or of a line item's column."""
    if not extraction:
        return None
    if line is None:
        cell = extraction.get("fields", {}).get(field)
    else:
        items = extraction.get("line_items", [])
        cell = items[line].get(field) if 0 <= line < len(items) else None
    return cell if isinstance(cell, dict) else None


def input_type(field: str, *, line: int | None) -> dict[str, str]:
    """HTML input attributes that match the field's type, so the browser validates before the server does."""
    kind = field_kind(field, line=line)
    if kind == "date":
        # A text box, not the browser's date picker: pickers follow the browser's locale (mm/dd vs dd.mm).
        return {"type": "text", "placeholder": "YYYY-MM-DD", "pattern": r"\d{4}-\d{2}-\d{2}", "maxlength": "10"}
    if kind == "decimal":
        return {"type": "text", "inputmode": "decimal", "pattern": r"-?[0-9][0-9,]*(\.[0-9]+)?"}
    if kind == "integer":
        return {"type": "text", "inputmode": "numeric", "pattern": r"-?[0-9]+"}
    return {"type": "text"}
