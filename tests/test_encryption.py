"""Encryption at rest: stored documents are Fernet-encrypted when a key is set, readable again, and rotatable."""

from __future__ import annotations

from pathlib import Path

import pytest
from pydantic import SecretStr
from typer.testing import CliRunner

from store.db import session_scope
from store.files import EncryptionKeyError, FileVault, generate_key
from tests.fixtures_docs import PoSpec, render_po


def _store(settings, db_url) -> tuple[str, Path]:
    from ledgerlens.services.documents import get_document, store_upload

    with session_scope(db_url) as s:
        doc_id = store_upload(s, settings, render_po(PoSpec()), "po.pdf", "purchase_order", "ACME").document_id
        return doc_id, Path(get_document(s, doc_id).storage_path)


def test_off_by_default(settings, db_url):
    _, path = _store(settings, db_url)
    assert path.read_bytes().startswith(b"%PDF")


def test_stored_documents_are_encrypted_and_served(settings, db_url):
    from ledgerlens.services.documents import get_document, page_png, process_document

    settings.encryption_key = SecretStr(generate_key())
    settings.extractor = "heuristic"
    doc_id, path = _store(settings, db_url)
    raw = path.read_bytes()
    # '%' is no base64 character, and the order number whole: a random token may well hold 'PO-' by chance
    assert raw.startswith(b"gAAAAA") and b"%PDF" not in raw and PoSpec().po_number.encode() not in raw
    with session_scope(db_url) as s:
        assert page_png(settings, get_document(s, doc_id), 1).startswith(b"\x89PNG")
    assert process_document(settings, doc_id) == "done"
    settings.encryption_key = None
    with session_scope(db_url) as s, pytest.raises(EncryptionKeyError, match="encrypted"):
        page_png(settings, get_document(s, doc_id), 1)


def test_rotate_command(settings, db_url, monkeypatch):
    from ledgerlens.cli import app

    plain_id, plain = _store(settings, db_url)  # stored before encryption was turned on
    old, new = generate_key(), generate_key()
    settings.encryption_key = SecretStr(old)
    _, encrypted = _store(settings, db_url)
    before = encrypted.read_bytes()

    monkeypatch.setenv("LEDGERLENS_ENCRYPTION_KEY", f"{new},{old}")
    result = CliRunner().invoke(app, ["keys", "rotate"])
    assert result.exit_code == 0, result.output
    assert "re-encrypted 2 file(s)" in result.output
    only_new, only_old = FileVault([new]), FileVault([old])
    assert encrypted.read_bytes() != before  # rewritten under the new key
    assert only_new.read(plain).startswith(b"%PDF") and only_new.read(encrypted).startswith(b"%PDF")
    with pytest.raises(EncryptionKeyError):
        only_old.read(encrypted)


def test_bad_key_fails_with_the_fix():
    with pytest.raises(ValueError, match="ledgerlens keys generate"):
        FileVault(["not-a-key"])


def test_altered_file_is_refused(tmp_path):
    vault = FileVault([generate_key()])
    path = tmp_path / "doc.pdf"
    vault.write(path, b"%PDF-1.7 secret")
    data = bytearray(path.read_bytes())
    data[40] ^= 1
    path.write_bytes(bytes(data))
    with pytest.raises(EncryptionKeyError):
        vault.read(path)
