"""References and earlier checks found by indexed keys, only ever within the invoice's own customer."""

from __future__ import annotations

import pytest
from sqlalchemy import select

from matching.references import look_alike_key, reference_key
from tests.api_fixtures import clean_invoice, store_reference
from tests.conftest import auth


def _check(client, token, invoice):
    r = client.post("/v1/precheck", json=invoice, headers=auth(token))
    assert r.status_code == 200, r.text
    return r.json()


def _codes(body) -> set[str]:
    return {f["code"] for f in body["findings"]}


@pytest.mark.parametrize(
    ("typed", "stored"),
    [
        ("774 928993", "PO-774-928993"),
        ("P.O. #0774-928993", "PO-774-928993"),
        ("po774928993", "PO 774928993"),
        ("MSA 2024 017", "MSA-2024-017 Rev. 2"),
        ("C-1234", "C-1234 (rev B)"),
        ("Contract No. 00123", "123"),
    ],
)
def test_reference_key_ignores_how_the_number_is_typed(typed, stored):
    assert reference_key(typed) == reference_key(stored) != ""


@pytest.mark.parametrize(("a", "b"), [("ABC-123", "XYZ-123"), ("PO-4711", "PO-4712"), ("POLAND-7", "7")])
def test_reference_key_keeps_different_numbers_apart(a, b):
    assert reference_key(a) != reference_key(b)


def test_reference_key_of_nothing_is_empty():
    assert reference_key(None) == reference_key("  ") == ""


def test_invoice_never_meets_another_customers_po(client, tokens, db_url):
    store_reference(db_url, customer_id="ACME")
    other = _check(client, tokens["billing"], clean_invoice(customer_id="GLOBEX"))
    assert other["reference"] is None and "REFERENCE_NOT_FOUND" in _codes(other)
    globex_po = store_reference(db_url, customer_id="GLOBEX")
    own = _check(client, tokens["billing"], clean_invoice("INV-2", customer_id="GLOBEX"))
    assert own["reference"]["document_id"] == globex_po


def test_without_a_number_only_the_customers_own_documents_are_candidates(client, tokens, db_url):
    store_reference(db_url, customer_id="ACME")
    body = _check(client, tokens["billing"], clean_invoice(customer_id="GLOBEX", po_number=None))
    assert body["reference"] is None


def test_po_number_found_as_people_type_it(client, tokens, db_url):
    ref_id = store_reference(db_url, po_number="PO-774-928993")
    for i, typed in enumerate(("774 928993", "PO 0774-928993", "po774928993")):
        body = _check(client, tokens["billing"], clean_invoice(f"INV-{i}", po_number=typed))
        assert body["reference"] and body["reference"]["document_id"] == ref_id, typed


def test_po_number_cited_with_its_item_finds_the_po(client, tokens, db_url):
    ref_id = store_reference(db_url, po_number="4500012345")
    for i, typed in enumerate(("4500012345/10", "PO 4500012345-0010")):
        body = _check(client, tokens["billing"], clean_invoice(f"INV-{i}", po_number=typed))
        assert body["reference"] and body["reference"]["document_id"] == ref_id, typed


def test_po_number_misread_by_ocr_finds_the_po_for_a_person_to_confirm(client, tokens, db_url):
    ref_id = store_reference(db_url, po_number="ORS41753")  # the scan's S for the 5 of OR541753
    body = _check(client, tokens["billing"], clean_invoice("INV-1", po_number="OR541753"))
    assert body["reference"]["document_id"] == ref_id
    assert (body["verdict"], _codes(body)) == ("review", {"LOW_CONFIDENCE"})
    # a number one character longer, or look-alike to two documents, finds nothing
    assert "REFERENCE_NOT_FOUND" in _codes(
        _check(client, tokens["billing"], clean_invoice("INV-2", po_number="OR5417539"))
    )
    store_reference(db_url, po_number="0R541753")
    assert "REFERENCE_NOT_FOUND" in _codes(
        _check(client, tokens["billing"], clean_invoice("INV-3", po_number="OR541753"))
    )


def test_look_alike_key_makes_ocr_confusions_one_and_keeps_numbers_apart():
    assert look_alike_key("ORS41753") == look_alike_key("OR541753") == look_alike_key("0R-541753")
    assert look_alike_key("PO-4711") != look_alike_key("PO-4712")
    assert look_alike_key("B-100") == look_alike_key("8-100")


def test_contract_number_typed_in_the_po_field_finds_the_contract(client, tokens, db_url, session):
    from store.tables import DocumentRecord

    ref_id = store_reference(db_url, po_number=None)
    record = session.get(DocumentRecord, ref_id)
    record.contract_number = "MSA-2024-017 Rev. 2"
    session.commit()
    body = _check(client, tokens["billing"], clean_invoice(po_number="msa 2024017"))
    assert body["reference"]["document_id"] == ref_id


def test_a_corrected_po_number_is_found_by_its_new_key(client, tokens, db_url, session):
    from store.tables import DocumentRecord

    ref_id = store_reference(db_url, po_number="PO-4711")
    record = session.get(DocumentRecord, ref_id)
    assert record.po_key == reference_key("PO-4711")
    record.po_number = "PO-5811"  # as a reviewer's correction sets it
    session.commit()
    assert session.get(DocumentRecord, ref_id).po_key == reference_key("5811")
    body = _check(client, tokens["billing"], clean_invoice(po_number="5811"))
    assert body["reference"]["document_id"] == ref_id


def test_duplicate_number_found_whatever_the_earlier_verdict(client, tokens, db_url):
    store_reference(db_url)
    wrong = clean_invoice("INV-5")
    wrong["lines"][1]["unit_price"] = "13.50"  # PRICE_MISMATCH and arithmetic: a failed check
    first = _check(client, tokens["billing"], wrong)
    assert first["verdict"] == "fail"
    again = _check(client, tokens["billing"], wrong)  # the same invoice sent again
    assert "DUPLICATE_INVOICE" in _codes(again)
    corrected = _check(client, tokens["billing"], clean_invoice("INV-5"))  # a corrected resubmission
    assert "DUPLICATE_INVOICE" not in _codes(corrected)


def test_another_customers_invoice_number_is_no_duplicate(client, tokens, db_url):
    store_reference(db_url, customer_id="ACME")
    store_reference(db_url, customer_id="GLOBEX")
    _check(client, tokens["billing"], clean_invoice("INV-8", customer_id="GLOBEX"))
    body = _check(client, tokens["billing"], clean_invoice("INV-8"))
    assert "DUPLICATE_INVOICE" not in _codes(body) and body["verdict"] == "pass"


def test_a_failed_check_bills_no_quantity(client, tokens, db_url):
    store_reference(db_url)
    failed = clean_invoice("INV-1", total="9999.00")  # totals do not add up: not sent
    assert _check(client, tokens["billing"], failed)["verdict"] == "fail"
    second = _check(client, tokens["billing"], clean_invoice("INV-2", issue_date="2026-11-03", due_date="2026-12-03"))
    assert "QUANTITY_EXCEEDS_REFERENCE" not in _codes(second), second["findings"]


def test_a_failed_look_alike_bills_no_quantity(client, tokens, db_url):
    store_reference(db_url)
    failed = clean_invoice("INV-1", due_date="2026-10-01")  # due before issued: not sent
    assert _check(client, tokens["billing"], failed)["verdict"] == "fail"
    resent = _check(client, tokens["billing"], clean_invoice("INV-2", issue_date="2026-11-03", due_date="2026-12-03"))
    # Found as a look-alike (same lines and total), but it was never sent: 60 + 60 widgets are not billed.
    assert "QUANTITY_EXCEEDS_REFERENCE" not in _codes(resent), resent["findings"]


def test_quantities_billed_under_another_spelling_of_the_po_count(client, tokens, db_url):
    store_reference(db_url)
    assert _check(client, tokens["billing"], clean_invoice("INV-1", po_number="PO 4711"))["verdict"] == "pass"
    # the same lines again two months later: more goods, not the first invoice re-sent
    second = _check(client, tokens["billing"], clean_invoice("INV-2", issue_date="2027-01-04", due_date="2027-02-03"))
    assert "QUANTITY_EXCEEDS_REFERENCE" in _codes(second)


def test_earlier_checks_come_from_bounded_indexed_lookups(db_url, session):
    """Hundreds of look-alikes by total and unrelated checks load only the newest window and the same-PO ones."""
    from ledgerlens.services import lookup
    from ledgerlens.services.precheck import fingerprint
    from matching.types import DraftInvoice
    from store.tables import CheckRecord, new_id

    invoice = DraftInvoice.model_validate(clean_invoice("INV-NEW"))

    def row(number: str, po: str | None, total: str, verdict: str = "pass") -> CheckRecord:
        draft = DraftInvoice.model_validate(clean_invoice(number, po_number=po, total=total))
        return CheckRecord(
            id=new_id(),
            invoice_number=number,
            customer_id=draft.customer_id,
            po_number=po,
            total=draft.total,
            currency=draft.currency,
            issue_date=draft.issue_date,
            fingerprint=f"look-alike-{number}",  # same total, reworded lines: found by the total alone
            verdict=verdict,
            request=draft.model_dump(mode="json"),
            response={},
            **lookup.check_keys(draft),
        )

    session.add_all(row(f"R-{i}", f"PO-{9000 + i}", "1082.90") for i in range(lookup.DUPLICATE_WINDOW + 30))
    session.add_all(row(f"U-{i}", f"PO-{5000 + i}", f"{i}.00") for i in range(300))  # nothing in common
    session.add_all(row(f"S-{i}", "PO 4711", f"{i}.00") for i in range(3))  # same PO, another spelling
    session.add(row("S-FAILED", "PO-4711", "7.00", verdict="fail"))
    session.flush()
    sent, failed = lookup.earlier_checks(session, invoice, fingerprint(invoice), None, ["PO-4711"])
    numbers = [e.invoice_number for e in [*sent, *failed]]
    assert sum(n.startswith("R-") for n in numbers) == lookup.DUPLICATE_WINDOW
    assert {n for n in numbers if n.startswith("S-")} == {"S-0", "S-1", "S-2"}
    assert not any(n.startswith("U-") for n in numbers)


def test_migration_keys_existing_rows(tmp_path):
    from alembic import command
    from sqlalchemy import create_engine, text

    from store.db import alembic_config
    from store.tables import CheckRecord, DocumentRecord

    url = f"sqlite:///{tmp_path / 'old.db'}"
    command.upgrade(alembic_config(url), "0001")
    engine = create_engine(url)
    with engine.begin() as conn:
        conn.execute(
            text(
                "INSERT INTO documents (id, customer_id, media_type, sha256, size_bytes, storage_path, status, "
                "po_number, closed, created_at, updated_at) VALUES ('d1', 'ACME', 'application/pdf', '', 1, '', "
                "'done', 'PO-0774-928993', 0, '2026-01-01', '2026-01-01')"
            )
        )
        conn.execute(
            text(
                "INSERT INTO checks (id, invoice_number, customer_id, po_number, total, currency, issue_date, "
                "fingerprint, verdict, request, response, created_at) VALUES ('c1', 'INV-7', 'ACME', 'PO 774928993', "
                "'1082.90', 'EUR', '2026-11-02', '', 'pass', '{}', '{}', '2026-01-01')"
            )
        )
    command.upgrade(alembic_config(url), "head")
    with engine.connect() as conn:
        doc = conn.execute(select(DocumentRecord.po_key)).one()
        check = conn.execute(select(CheckRecord.invoice_key, CheckRecord.po_key, CheckRecord.amount_key)).one()
    engine.dispose()
    assert doc.po_key == check.po_key == "774928993"
    assert check.invoice_key == "inv7" and check.amount_key == "EUR:1082.9"


def _assert_schema_matches_tables(url: str) -> None:
    from alembic.autogenerate import compare_metadata
    from alembic.migration import MigrationContext

    from store.db import get_engine
    from store.tables import Base

    with get_engine(url).connect() as conn:
        diff = compare_metadata(MigrationContext.configure(conn), Base.metadata)
    assert diff == []


def test_migrated_sqlite_schema_matches_the_tables(db_url):
    _assert_schema_matches_tables(db_url)


def test_migrated_postgresql_schema_matches_the_tables(pg_url):
    _assert_schema_matches_tables(pg_url)


def test_lookups_on_postgresql(pg_url, monkeypatch, tmp_path):
    """The same tenancy and typed-number rules on PostgreSQL, through the service."""
    from core.settings import Settings
    from ledgerlens.services.precheck import run_check
    from store.db import session_scope

    monkeypatch.setenv("LEDGERLENS_DATA_DIR", str(tmp_path))
    settings = Settings(database_url=pg_url)
    ref_id = store_reference(pg_url, po_number="PO-774-928993")
    with session_scope(pg_url) as s:
        mine = run_check(s, settings, clean_invoice("INV-1", po_number="774 928993"))
        theirs = run_check(s, settings, clean_invoice("INV-1", customer_id="GLOBEX", po_number="774 928993"))
        again = run_check(s, settings, clean_invoice("INV-1", po_number="774 928993"))
    assert mine["reference"]["document_id"] == ref_id and theirs["reference"] is None
    assert "DUPLICATE_INVOICE" in _codes(again) and "DUPLICATE_INVOICE" not in _codes(theirs)


def test_sqlite_plans_use_the_key_indexes_after_analyze(db_url, session):
    """Once ANALYZE has seen contract_key and reference_document_id mostly empty, SQLite must still search
    the (partial) key indexes, not scan the customer's checks."""
    from datetime import date

    from sqlalchemy import insert

    from ledgerlens.services import lookup
    from store.tables import CheckRecord

    rows = [
        {
            "id": f"c{i}",
            "invoice_number": f"H-{i}",
            "customer_id": "ACME",
            "po_number": f"PO-{i // 20}",
            "total": i,
            "currency": "EUR",
            "issue_date": date(2026, 1, 1),
            "fingerprint": f"f{i}",
            "verdict": "pass",
            "request": clean_invoice(f"H-{i}"),
            "response": {},
            "invoice_key": f"h{i}",
            "po_key": str(i // 20),
            "amount_key": f"EUR:{i}",
        }
        for i in range(2000)
    ]
    session.execute(insert(CheckRecord), rows)
    session.commit()
    session.connection().exec_driver_sql("ANALYZE")
    from sqlalchemy import event

    from ledgerlens.services.precheck import fingerprint
    from matching.types import DraftInvoice

    invoice = DraftInvoice.model_validate(clean_invoice("H-7", po_number="PO-0", contract_number="C-1"))
    seen = []
    engine = session.get_bind()
    listener = lambda conn, cursor, statement, params, context, many: seen.append((statement, params))  # noqa: E731
    event.listen(engine, "before_cursor_execute", listener)
    try:
        lookup.earlier_checks(session, invoice, fingerprint(invoice), "doc", ["PO-0"])
    finally:
        event.remove(engine, "before_cursor_execute", listener)
    statement, params = next((sql, params) for sql, params in seen if "UNION" in sql)
    plan = [row[-1] for row in session.connection().exec_driver_sql("EXPLAIN QUERY PLAN " + statement, params)]
    assert not [step for step in plan if step.startswith("SCAN checks")], plan
    assert sum("USING INDEX ix_checks_customer_contract_key" in step for step in plan) == 1, plan
    assert sum("USING INDEX ix_checks_reference_document" in step for step in plan) == 1, plan


def _print_words(session, document_id: str, *texts: str) -> None:
    from store.tables import DocumentRecord

    record = session.get(DocumentRecord, document_id)
    record.words = [{"page": 1, "words": [{"text": t, "bbox": [0, 0, 0.1, 0.1], "conf": 1.0} for t in texts]}]
    session.commit()


def test_a_po_whose_number_field_was_misread_is_found_by_the_number_it_prints(client, tokens, db_url, session):
    # "BON DE COMMANDE N° BC20250919": no PO number read; a Mexican order's RFC read as its number
    unread = store_reference(db_url, po_number=None)
    _print_words(session, unread, "BON", "DE", "COMMANDE", "N°", "BC20250919", "Fait", "le")
    body = _check(client, tokens["billing"], clean_invoice(po_number="BC-2025-0919"))
    assert body["reference"]["document_id"] == unread and body["verdict"] == "pass", body["findings"]
    rfc = store_reference(db_url, po_number="NBF931019T63")
    _print_words(session, rfc, "Folio", "0C-87835", "RFC.", "NBF931019T63")  # OCR's 0 for O
    assert (
        _check(client, tokens["billing"], clean_invoice("INV-2", po_number="OC-87835"))["reference"]["document_id"]
        == rfc
    )
    # a number printed on no document, or on two of them, finds none
    assert "REFERENCE_NOT_FOUND" in _codes(
        _check(client, tokens["billing"], clean_invoice("INV-3", po_number="BC20250920"))
    )
    _print_words(session, rfc, "Folio", "0C-87835", "replaces", "BC20250919")
    assert _check(client, tokens["billing"], clean_invoice("INV-4", po_number="BC20250919"))["reference"] is None


def test_printed_keys_are_runs_of_words_long_enough_to_be_no_coincidence():
    from matching.references import printed_keys, prints_number

    keys = printed_keys(["N°", "BC", "2025", "0919", "CP", "25000", "Tel", "12"])
    assert look_alike_key("BC20250919") in keys  # three words in a row
    assert look_alike_key("25000") not in keys  # a postcode is too short to tell a number by
    assert prints_number([["PO", "774", "928993"]], ["774928993"]) and not prints_number([["PO", "774"]], ["774"])


def test_a_document_versions_printed_numbers_are_read_from_its_words_once(db_url, session):
    from datetime import timedelta

    from sqlalchemy import update

    from ledgerlens.services.lookup import find_reference
    from store.tables import DocumentRecord

    ref = store_reference(db_url, po_number=None)
    _print_words(session, ref, "N°", "BC20250919")
    assert find_reference(session, "ACME", "BC20250919", None).id == ref
    stamp = session.get(DocumentRecord, ref).updated_at
    forget = update(DocumentRecord).where(DocumentRecord.id == ref).values(words=None, updated_at=stamp)
    session.execute(forget)
    session.commit()
    assert find_reference(session, "ACME", "BC20250919", None).id == ref  # the same version: its keys are known
    session.execute(forget.values(updated_at=stamp + timedelta(seconds=1)))  # a new version is read again
    session.commit()
    assert find_reference(session, "ACME", "BC20250919", None) is None
