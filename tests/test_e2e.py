"""End to end: render a PO, upload it, let the worker extract it, pre-check a clean and faulty invoices."""

from __future__ import annotations

import copy
import time
from decimal import Decimal

import pytest

from tests.conftest import auth
from tests.fixtures_docs import PoSpec, render_po, truth_of


def _wait_done(client, token, document_id, timeout=60.0):
    deadline = time.monotonic() + timeout
    while time.monotonic() < deadline:
        body = client.get(f"/v1/documents/{document_id}", headers=auth(token)).json()
        if body["status"] in ("done", "failed"):
            return body
        time.sleep(0.1)
    raise AssertionError(f"document {document_id} still {body['status']} after {timeout}s")


def _half_invoice(truth: dict, number: str) -> dict:
    """Half of every line, as a first partial delivery would be billed."""
    lines = []
    for item in truth["line_items"]:
        quantity = Decimal(item["quantity"]) / 2
        amount = (quantity * Decimal(item["unit_price"])).quantize(Decimal("0.01"))
        lines.append(
            {
                "sku": item["sku"],
                "description": item["description"].lower(),
                "quantity": str(quantity),
                "unit_price": item["unit_price"],
                "amount": str(amount),
                "tax_rate": "8",
            }
        )
    subtotal = sum(Decimal(line["amount"]) for line in lines)
    tax = (subtotal * Decimal("0.08")).quantize(Decimal("0.01"))
    return {
        "invoice_number": number,
        "customer_id": "NORTHWIND",
        "po_number": truth["fields"]["po_number"],
        "issue_date": "2026-04-10",
        "due_date": "2026-05-10",
        "currency": "USD",
        "payment_terms": "Net 30",
        "lines": lines,
        "subtotal": str(subtotal),
        "tax_total": str(tax),
        "total": str(subtotal + tax),
    }


def _retotal(invoice: dict) -> dict:
    subtotal = sum(Decimal(line["amount"]) for line in invoice["lines"])
    tax = (subtotal * Decimal("0.08")).quantize(Decimal("0.01"))
    invoice.update(subtotal=str(subtotal), tax_total=str(tax), total=str(subtotal + tax))
    return invoice


def _faults(clean: dict) -> dict[str, dict]:
    def variant(number: str) -> dict:
        return copy.deepcopy(clean) | {"invoice_number": number}

    price = variant("F-PRICE")
    price["lines"][0]["unit_price"] = str(Decimal(price["lines"][0]["unit_price"]) * Decimal("1.2"))
    price["lines"][0]["amount"] = str(
        (Decimal(price["lines"][0]["quantity"]) * Decimal(price["lines"][0]["unit_price"])).quantize(Decimal("0.01"))
    )
    quantity = variant("F-QTY")
    quantity["lines"][0]["quantity"] = str(Decimal(quantity["lines"][0]["quantity"]) * 3)
    quantity["lines"][0]["amount"] = str(
        (Decimal(quantity["lines"][0]["quantity"]) * Decimal(quantity["lines"][0]["unit_price"])).quantize(
            Decimal("0.01")
        )
    )
    extra = variant("F-EXTRA")
    extra["lines"].append(
        {
            "description": "Express courier surcharge",
            "quantity": "1",
            "unit_price": "45.00",
            "amount": "45.00",
            "tax_rate": "8",
        }
    )
    line_amount = variant("F-LINE")
    line_amount["lines"][1]["amount"] = str(Decimal(line_amount["lines"][1]["amount"]) + 10)
    tax = variant("F-TAX")
    tax["tax_total"] = str(Decimal(tax["tax_total"]) + 5)
    tax["total"] = str(Decimal(tax["total"]) + 5)
    return {
        "PRICE_MISMATCH": _retotal(price),
        "QUANTITY_EXCEEDS_REFERENCE": _retotal(quantity),
        "LINE_NOT_IN_REFERENCE": _retotal(extra),
        "LINE_AMOUNT_ARITHMETIC": line_amount,
        "TAX_MISMATCH": tax,
        "TOTALS_ARITHMETIC": variant("F-TOTAL") | {"total": str(Decimal(clean["total"]) + 100)},
        "CURRENCY_MISMATCH": variant("F-CUR") | {"currency": "EUR"},
        "PAYMENT_TERMS_MISMATCH": variant("F-TERMS") | {"payment_terms": "Net 60", "due_date": "2026-06-09"},
        "DUE_DATE_INCONSISTENT": variant("F-DUE") | {"due_date": "2026-04-20"},
        "REFERENCE_NOT_FOUND": variant("F-REF") | {"po_number": "PO-0000-0000"},
        "DUPLICATE_INVOICE": copy.deepcopy(clean),
    }


@pytest.mark.slow
def test_po_upload_then_precheck_clean_and_faulty(client, tokens, contract_validator):
    spec = PoSpec()
    truth = truth_of(spec)
    token = tokens["billing"]
    r = client.post(
        "/v1/documents",
        files={"file": ("po.pdf", render_po(spec), "application/pdf")},
        data={"customer_id": "NORTHWIND", "doc_type": "purchase_order"},
        headers=auth(token),
    )
    assert r.status_code == 202, r.text
    doc = _wait_done(client, token, r.json()["document_id"])
    assert doc["status"] == "done", doc
    contract_validator(doc["extraction"], "extraction.schema.json")
    contract_validator(doc, "extraction.schema.json")  # the body itself is an extraction too
    assert doc["extraction"]["fields"]["po_number"]["value"] == spec.po_number
    assert len(doc["extraction"]["line_items"]) == len(spec.lines)

    page = client.get(f"/v1/documents/{doc['document_id']}/pages/1.png", headers=auth(token))
    assert page.status_code == 200 and page.content.startswith(b"\x89PNG")

    clean = _half_invoice(truth, "INV-CLEAN")
    result = client.post("/v1/precheck", json=clean, headers=auth(token)).json()
    contract_validator(result, "precheck-response.schema.json")
    assert result["verdict"] == "pass", result["findings"]
    assert sorted(m["reference_line"] for m in result["matched_lines"]) == list(range(len(spec.lines)))

    for code, invoice in _faults(clean).items():
        body = client.post("/v1/precheck", json=invoice, headers=auth(token)).json()
        contract_validator(body, "precheck-response.schema.json")
        codes = {f["code"] for f in body["findings"]}
        assert code in codes, (code, body["findings"])
        assert body["verdict"] in ("fail", "review"), (code, body["verdict"])
