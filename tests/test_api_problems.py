"""Problem responses: domain errors keep their data, but never override the RFC 9457 members."""

from __future__ import annotations

from fastapi import FastAPI
from fastapi.testclient import TestClient

from api import problems
from core.errors import Conflict
from extraction.errors import EncryptedPdfError


def _client() -> TestClient:
    app = FastAPI()
    problems.install(app)

    @app.get("/conflict")
    def conflict() -> None:
        raise Conflict("the task is held by someone else", status="claimed", holder="u1")

    @app.get("/encrypted")
    def encrypted() -> None:
        raise EncryptedPdfError("po.pdf is password-protected; remove the password")

    @app.get("/bug")
    def bug() -> None:
        raise RuntimeError("boom")

    return TestClient(app, raise_server_exceptions=False)


def test_extra_members_do_not_override_standard_ones():
    r = _client().get("/conflict")
    body = r.json()
    assert r.status_code == 409 and body["status"] == 409 and body["holder"] == "u1"
    assert r.headers["content-type"].startswith("application/problem+json")


def test_document_errors_carry_their_code():
    body = _client().get("/encrypted").json()
    assert body["status"] == 422 and body["code"] == "encrypted_pdf" and body["type"].endswith("encrypted-pdf")


def test_unexpected_errors_are_500_without_internals():
    r = _client().get("/bug")
    assert r.status_code == 500 and "boom" not in r.text
