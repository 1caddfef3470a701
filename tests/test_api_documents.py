"""Uploads: bad files get a 4xx problem that says which, nothing stored is lost, good files are queued."""

from __future__ import annotations

import io

import pytest
from reportlab.lib.pagesizes import A4
from reportlab.pdfgen import canvas

from tests.conftest import auth


def _pdf(pages: int = 1, encrypt: str | None = None) -> bytes:
    buf = io.BytesIO()
    c = canvas.Canvas(buf, pagesize=A4, invariant=1, encrypt=encrypt)
    for n in range(pages):
        c.drawString(72, 770, f"PURCHASE ORDER PO-1000{n}  page {n + 1}")
        c.showPage()
    c.save()
    return buf.getvalue()


def _upload(client, token, data: bytes, name: str = "po.pdf", **form):
    return client.post("/v1/documents", files={"file": (name, data)}, data=form, headers=auth(token))


@pytest.mark.parametrize(
    ("data", "status", "code"),
    [
        (b"", 422, "empty_file"),
        (b"Dear customer, here is our order as plain text.", 415, "unsupported_type"),
        (b"%PDF-1.7\n1 0 obj\n<< /Type /Catalog", 422, "corrupt_file"),
        (b"\x89PNG\r\n\x1a\n" + b"\x00" * 40, 422, "corrupt_file"),
    ],
    ids=["empty", "text", "truncated-pdf", "corrupt-png"],
)
def test_bad_files_get_a_problem_that_says_which(client, tokens, data, status, code):
    r = _upload(client, tokens["billing"], data)
    assert r.status_code == status, r.text
    body = r.json()
    assert r.headers["content-type"].startswith("application/problem+json")
    assert body["code"] == code and body["status"] == status and body["detail"]


def test_encrypted_pdf_is_refused(client, tokens):
    r = _upload(client, tokens["billing"], _pdf(encrypt="secret"))
    assert r.status_code == 422 and r.json()["code"] == "encrypted_pdf"


def test_size_and_page_limits(settings, client, tokens):
    settings.uploads.max_pages = 2
    r = _upload(client, tokens["billing"], _pdf(pages=3))
    assert r.status_code == 422 and r.json()["code"] == "too_many_pages"
    settings.uploads.max_bytes = 500
    r = _upload(client, tokens["billing"], _pdf(pages=1) + b" " * 1000)
    assert r.status_code == 413 and r.json()["code"] == "too_large"


def test_good_upload_is_queued_and_kept_after_bad_ones(client, tokens, settings):
    good = _upload(client, tokens["billing"], _pdf(), customer_id="ACME", doc_type="purchase_order")
    assert good.status_code == 202
    body = good.json()
    assert body["status"] == "queued" and good.headers["location"] == f"/v1/documents/{body['document_id']}"
    assert _upload(client, tokens["billing"], b"junk").status_code == 415
    r = client.get(f"/v1/documents/{body['document_id']}", headers=auth(tokens["billing"]))
    assert r.status_code == 200 and r.json()["document_id"] == body["document_id"]
    assert len(list(settings.files_dir.iterdir())) == 1


def test_unknown_doc_type_is_422(client, tokens):
    r = _upload(client, tokens["billing"], _pdf(), doc_type="receipt")
    assert r.status_code == 422 and "doc_type" in r.json()["detail"]


def test_roles_for_documents(client, tokens):
    for role in ("reviewer", "collections"):
        assert _upload(client, tokens[role], _pdf()).status_code == 403
    assert client.get("/v1/documents/nope", headers=auth(tokens["billing"])).status_code == 404
    assert client.get("/v1/documents/nope", headers=auth(tokens["collections"])).status_code == 403
