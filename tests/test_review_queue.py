"""The review queue's domain rules: opening, leases, resolution and its effects (SQLite)."""

from __future__ import annotations

from datetime import UTC, datetime, timedelta

import pytest
from sqlalchemy import select

import review
from core.errors import Conflict, Forbidden, InvalidInput, NotFound
from core.settings import ReviewSettings
from review.audit import verify
from store.tables import AuditEntry, CheckRecord, DocumentRecord, ReviewTask, WordLabel
from tests.test_review_support import ADMIN, ALICE, BOB, make_check, make_document

T0 = datetime(2026, 11, 23, 9, 0, tzinfo=UTC)
CONFIG = ReviewSettings(lease_seconds=600, sla_hours_extraction=24, sla_hours_precheck=4)


def _open(session, document, field="po_number", **kw):
    return review.open_task(
        session, kind="extraction", document_id=document.id, field=field, now=T0, config=CONFIG, **kw
    )


def test_open_task_sets_sla_per_kind_and_takes_page_and_box_from_the_extraction(session):
    document = make_document(session)
    task = _open(session, document)
    check = make_check(session)
    pre = review.open_task(session, kind="precheck", check_id=check.id, now=T0, config=CONFIG)
    assert task.sla_due_at == T0 + timedelta(hours=24)
    assert pre.sla_due_at == T0 + timedelta(hours=4)
    assert (task.page, task.bbox, task.customer_id) == (1, [0.25, 0.10, 0.35, 0.12], "ACME")
    assert check.review_task_id == pre.id
    actions = session.execute(select(AuditEntry.action)).scalars().all()
    assert actions == ["task.opened", "task.opened"]


def test_open_task_returns_the_unresolved_task_for_the_same_value(session):
    document = make_document(session)
    assert _open(session, document).id == _open(session, document).id
    assert _open(session, document, field="total").id != _open(session, document).id


@pytest.mark.parametrize(
    ("kwargs", "message"),
    [
        ({"kind": "other"}, "kind must be one of"),
        ({"kind": "extraction"}, "needs a document_id"),
        ({"kind": "precheck"}, "needs a check_id"),
        ({"kind": "extraction", "document_id": "d", "priority": 101}, "priority must be between"),
        ({"kind": "extraction", "document_id": "d", "bbox": [0, 0, 2, 1]}, "bbox must be"),
    ],
)
def test_open_task_refuses_bad_input(session, kwargs, message):
    with pytest.raises(InvalidInput, match=message):
        review.open_task(session, config=CONFIG, **kwargs)


def test_open_task_for_a_missing_document_is_not_found(session):
    with pytest.raises(NotFound):
        review.open_task(session, kind="extraction", document_id="nope", config=CONFIG)


def test_claim_order_is_priority_then_age_and_empty_queue_gives_none(session):
    document = make_document(session)
    old = _open(session, document, field="order_date")
    urgent = review.open_task(
        session,
        kind="extraction",
        document_id=document.id,
        field="total",
        priority=90,
        now=T0 + timedelta(hours=1),
        config=CONFIG,
    )
    newer = review.open_task(
        session,
        kind="extraction",
        document_id=document.id,
        field="po_number",
        now=T0 + timedelta(hours=2),
        config=CONFIG,
    )
    people = [ALICE, BOB, ADMIN]
    got = [review.claim_next(session, who, now=T0 + timedelta(hours=3), config=CONFIG) for who in people]
    assert [t.id for t in got] == [urgent.id, old.id, newer.id]
    assert (
        review.claim_next(session, type(ALICE)("u-carol", "carol"), now=T0 + timedelta(hours=3), config=CONFIG) is None
    )


def test_a_reviewer_holds_one_task_at_a_time_and_claiming_again_renews_the_lease(session):
    document = make_document(session)
    _open(session, document)
    _open(session, document, field="total")
    first = review.claim_next(session, ALICE, now=T0, config=CONFIG)
    again = review.claim_next(session, ALICE, now=T0 + timedelta(minutes=5), config=CONFIG)
    assert again.id == first.id
    assert again.lease_expires_at == T0 + timedelta(minutes=5, seconds=600)


def test_expired_lease_puts_the_task_back_and_only_the_new_holder_can_resolve(session):
    document = make_document(session)
    task = _open(session, document)
    review.claim_next(session, ALICE, now=T0, config=CONFIG)
    later = T0 + timedelta(seconds=601)
    assert review.effective_status(session.get(ReviewTask, task.id), later) == "open"
    assert review.list_tasks(session, review.TaskFilter(status="open"), now=later)[1] == 1
    taken = review.claim_next(session, BOB, now=later, config=CONFIG)
    assert taken.id == task.id and taken.claimed_by == BOB.id
    with pytest.raises(Conflict, match="not claimed by you"):
        review.resolve(session, task.id, ALICE, decision="confirm", now=later)
    review.resolve(session, task.id, BOB, decision="confirm", now=later)
    assert session.get(ReviewTask, task.id).status == "resolved"


def test_resolve_after_own_lease_ran_out_is_a_conflict(session):
    document = make_document(session)
    task = _open(session, document)
    review.claim_next(session, ALICE, now=T0, config=CONFIG)
    with pytest.raises(Conflict, match="ran out"):
        review.resolve(session, task.id, ALICE, decision="confirm", now=T0 + timedelta(seconds=600))


def test_claiming_a_task_someone_else_holds_is_a_conflict(session):
    document = make_document(session)
    task = _open(session, document)
    review.claim_task(session, task.id, ALICE, now=T0, config=CONFIG)
    with pytest.raises(Conflict, match="claimed by someone else"):
        review.claim_task(session, task.id, BOB, now=T0, config=CONFIG)


def test_correct_updates_the_stored_value_audits_it_and_labels_the_words(session):
    document = make_document(session)
    task = _open(session, document)
    review.claim_next(session, ALICE, now=T0, config=CONFIG)
    review.resolve(session, task.id, ALICE, decision="correct", corrections={"value": "PO-4711"}, now=T0)
    session.flush()
    stored = session.get(DocumentRecord, document.id)
    cell = stored.extraction["fields"]["po_number"]
    assert (cell["value"], cell["confidence"], cell["bbox"]) == ("PO-4711", 1.0, [0.25, 0.10, 0.35, 0.12])
    assert stored.po_number == "PO-4711"
    change = session.execute(select(AuditEntry).where(AuditEntry.action == "extraction.value_changed")).scalar_one()
    assert change.before["cell"]["value"] == "PO-4T11" and change.after["cell"]["value"] == "PO-4711"
    assert change.actor == "alice" and change.entity_id == document.id
    label = session.execute(select(WordLabel)).scalar_one()
    assert (label.field, label.word_indices, label.value, label.task_id) == ("po_number", [2], "PO-4711", task.id)
    assert verify(session).ok


def test_a_corrected_amount_is_labelled_on_the_words_that_print_it(session):
    document = make_document(session)
    task = _open(session, document, field="total")
    review.claim_next(session, ALICE, now=T0, config=CONFIG)
    review.resolve(session, task.id, ALICE, decision="correct", corrections={"total": "1,234.50"}, now=T0)
    label = session.execute(select(WordLabel)).scalar_one()
    assert label.word_indices == [4] and label.value == "1234.50"


@pytest.mark.parametrize(
    ("field", "value", "message"),
    [("order_date", "31/02/2026", "not a date"), ("total", "12,3x", "not a decimal"), ("currency", "euro", "ISO 4217")],
)
def test_corrections_are_typed_and_validated(session, field, value, message):
    document = make_document(session)
    task = _open(session, document, field=field)
    review.claim_next(session, ALICE, now=T0, config=CONFIG)
    with pytest.raises(InvalidInput, match=message):
        review.resolve(session, task.id, ALICE, decision="correct", corrections={field: value}, now=T0)
    assert session.get(ReviewTask, task.id).status == "claimed"


def test_correct_a_line_item_cell(session):
    document = make_document(session)
    task = review.open_task(
        session, kind="extraction", document_id=document.id, field="quantity", line=0, now=T0, config=CONFIG
    )
    review.claim_next(session, ALICE, now=T0, config=CONFIG)
    review.resolve(session, task.id, ALICE, decision="correct", corrections={"value": "30"}, now=T0)
    assert session.get(DocumentRecord, document.id).extraction["line_items"][0]["quantity"]["value"] == "30"


def test_reject_needs_a_reason_code_and_not_on_document_clears_the_value(session):
    document = make_document(session)
    task = _open(session, document, field="total")
    review.claim_next(session, ALICE, now=T0, config=CONFIG)
    with pytest.raises(InvalidInput, match="reason code"):
        review.resolve(session, task.id, ALICE, decision="reject", reason="meh", now=T0)
    with pytest.raises(InvalidInput, match="needs a note"):
        review.resolve(session, task.id, ALICE, decision="reject", reason="other", now=T0)
    review.resolve(session, task.id, ALICE, decision="reject", reason="not_on_document", now=T0)
    assert "total" not in session.get(DocumentRecord, document.id).extraction["fields"]


def test_confirm_labels_the_words_and_leaves_the_value(session):
    document = make_document(session)
    task = _open(session, document, field="order_date")
    review.claim_next(session, ALICE, now=T0, config=CONFIG)
    review.resolve(session, task.id, ALICE, decision="confirm", now=T0)
    assert session.get(DocumentRecord, document.id).extraction["fields"]["order_date"]["value"] == "2026-03-13"
    assert session.execute(select(WordLabel.word_indices)).scalar_one() == [3]  # found by the raw text on the page


def test_precheck_decision_is_recorded_on_the_check_and_audited(session):
    check = make_check(session)
    task = review.open_task(session, kind="precheck", check_id=check.id, now=T0, config=CONFIG)
    review.claim_next(session, ALICE, now=T0, config=CONFIG)
    review.resolve(session, task.id, ALICE, decision="reject", reason="invoice_must_change", note="price", now=T0)
    stored = session.get(CheckRecord, check.id)
    assert stored.response["review"]["decision"] == "reject"
    assert stored.response["review"]["reason"] == "invoice_must_change: price"
    entry = session.execute(select(AuditEntry).where(AuditEntry.action == "check.review_decision")).scalar_one()
    assert entry.entity_id == check.id and entry.before is None


def test_escalated_task_is_resolved_by_an_admin_only(session):
    document = make_document(session)
    task = _open(session, document)
    review.claim_next(session, ALICE, now=T0, config=CONFIG)
    review.escalate(session, task.id, ALICE, reason="cannot tell", now=T0)
    assert review.claim_next(session, BOB, now=T0, config=CONFIG) is None  # escalated tasks leave the queue
    with pytest.raises(Forbidden):
        review.resolve(session, task.id, BOB, decision="confirm", now=T0)
    review.resolve(session, task.id, ADMIN, decision="confirm", now=T0)
    assert session.get(ReviewTask, task.id).resolved_by == ADMIN.id


def test_release_gives_the_task_back(session):
    document = make_document(session)
    task = _open(session, document)
    review.claim_next(session, ALICE, now=T0, config=CONFIG)
    with pytest.raises(Conflict):
        review.release(session, task.id, BOB, now=T0)
    review.release(session, task.id, ALICE, now=T0)
    assert review.claim_next(session, BOB, now=T0, config=CONFIG).id == task.id


def test_resolved_task_cannot_be_resolved_again(session):
    document = make_document(session)
    task = _open(session, document)
    review.claim_next(session, ALICE, now=T0, config=CONFIG)
    review.resolve(session, task.id, ALICE, decision="confirm", now=T0)
    with pytest.raises(Conflict, match="already resolved"):
        review.resolve(session, task.id, ALICE, decision="confirm", now=T0)


def test_filters_and_counts(session):
    document = make_document(session)
    other = make_document(session, customer_id="GLOBEX")
    _open(session, document)
    review.open_task(
        session, kind="extraction", document_id=other.id, field="total", now=T0 + timedelta(hours=30), config=CONFIG
    )
    check = make_check(session)
    review.open_task(session, kind="precheck", check_id=check.id, now=T0 + timedelta(hours=30), config=CONFIG)
    now = T0 + timedelta(hours=31)
    assert review.list_tasks(session, review.TaskFilter(customer_id="GLOBEX"), now=now)[1] == 1
    assert review.list_tasks(session, review.TaskFilter(kind="precheck"), now=now)[1] == 1
    breached, n = review.list_tasks(session, review.TaskFilter(sla_breached=True), now=now)
    assert n == 1 and breached[0].document_id == document.id
    assert review.list_tasks(session, review.TaskFilter(older_than_hours=2), now=now)[1] == 1
    counts = review.counts(session, now=now)
    assert counts["open"] == 3 and counts["precheck"] == 1 and counts["extraction"] == 2 and counts["sla_breached"] == 1
    with pytest.raises(InvalidInput):
        review.list_tasks(session, review.TaskFilter(status="done"), now=now)


def test_domain_rooms_do_not_import_fastapi():
    import ast
    from pathlib import Path

    files = list((Path(__file__).resolve().parents[1] / "review").rglob("*.py"))  # not the cwd's review/
    assert len(files) >= 3
    for path in files:
        tree = ast.parse(path.read_text())
        for node in ast.walk(tree):
            names = [a.name for a in node.names] if isinstance(node, ast.Import) else []
            if isinstance(node, ast.ImportFrom) and node.module:
                names = [node.module]
            assert not any(n.split(".")[0] in ("fastapi", "api", "starlette") for n in names), path


def test_an_empty_correction_is_refused_not_taken_as_clearing_the_value(session):
    document = make_document(session)
    task = _open(session, document, field="order_date")
    review.claim_next(session, ALICE, now=T0, config=CONFIG)
    with pytest.raises(InvalidInput, match="not_on_document"):
        review.resolve(session, task.id, ALICE, decision="correct", corrections={"value": "  "}, now=T0)
    assert session.get(DocumentRecord, document.id).extraction["fields"]["order_date"]["value"] == "2026-03-13"
