"""The risk service on a real (SQLite, migrated) database, responses validated against the public contract."""

import json
from datetime import date, timedelta
from decimal import Decimal

import jsonschema
import pytest
from sqlalchemy import select

from core.errors import InvalidInput, NotFound
from ledgerlens.services import risk as service
from store.tables import PaymentRecord
from tests.conftest import CONTRACT
from training.risk import synthetic_history

TODAY = date(2024, 9, 1)
SCHEMA = json.loads((CONTRACT / "risk.schema.json").read_text())


@pytest.fixture
def demo_model(settings):
    """The shipped artifact (no champion in the test's tracking store), loaded once and forgotten afterwards."""
    service.reset_risk_model_cache()
    model, version = service.get_risk_model(settings.data_dir)
    assert version.startswith("risk-")  # the shipped artifact, never a model trained while serving
    yield model
    service.reset_risk_model_cache()


@pytest.fixture
def stored(session):
    rows = synthetic_history(10, 10, start=date(2024, 1, 1), seed=2)
    result = service.record_payments(session, rows)
    assert result.accepted == len(rows) and not result.errors
    session.commit()
    return rows


def test_record_payments_reports_bad_rows_and_updates_known_invoices(session):
    good = {
        "customer_id": "C1",
        "invoice_number": "A-1",
        "invoice_date": "2024-01-05",
        "due_date": "2024-02-04",
        "amount": "100.00",
    }
    first = service.record_payments(
        session, [good, {**good, "invoice_number": ""}, {**good, "invoice_number": "A-2", "amount": ""}]
    )
    assert first.accepted == 1 and first.updated == 0
    assert [(e["row"], e["field"]) for e in first.errors] == [(2, "invoice_number"), (3, "amount")]
    second = service.record_payments(session, [{**good, "settled_date": "2024-02-10"}])
    assert second.accepted == 0 and second.updated == 1
    record = session.scalars(select(PaymentRecord)).one()
    assert record.settled_date == date(2024, 2, 10) and record.days_late == 6 and record.amount == Decimal("100.00")


def test_record_payments_csv_in_ibm_columns(session):
    text = (
        "countryCode,customerID,PaperlessDate,invoiceNumber,InvoiceDate,DueDate,InvoiceAmount,Disputed,"
        "SettledDate,PaperlessBill,DaysToSettle,DaysLate\n"
        "391,0379-NEVHP,4/6/2013,0000611365,1/2/2013,2/1/2013,55.94,No,1/15/2013,Paper,13,0\n"
    )
    result = service.record_payments_csv(session, text)
    assert result.accepted == 1 and not result.errors
    with pytest.raises(InvalidInput):
        service.record_payments_csv(session, "")


def test_client_risk_matches_the_contract(session, stored, demo_model):
    body = service.client_risk(session, "C001", TODAY)
    jsonschema.validate(body, SCHEMA)
    assert body["customer_id"] == "C001" and body["model_version"].startswith("risk-")
    assert 0 < body["probability_late"] < 1 and body["risk_band"] in {"low", "medium", "high"}
    assert body["reasons"] and all(r["text"] for r in body["reasons"])
    assert all(isinstance(d, int) for d in body["reminder_plan"])
    open_rows = [
        r
        for r in stored
        if r["customer_id"] == "C001"
        and date.fromisoformat(r["invoice_date"]) <= TODAY
        and (not r["settled_date"] or date.fromisoformat(r["settled_date"]) > TODAY)
    ]
    assert Decimal(body["open_amount"]) == sum((Decimal(r["amount"]) for r in open_rows), Decimal("0.00"))


def test_unknown_client_is_a_lookup_error(session, stored, demo_model):
    with pytest.raises(LookupError):
        service.client_risk(session, "NOPE", TODAY)
    with pytest.raises(NotFound):
        service.client_risk(session, "NOPE", TODAY)


def test_worklist_orders_by_expected_overdue(session, stored, demo_model):
    items = service.worklist(session, TODAY)
    assert items
    for item in items:
        jsonschema.validate(item, SCHEMA)
        assert Decimal(item["open_amount"]) > 0
    amounts = [Decimal(i["expected_overdue_amount"]) for i in items]
    assert amounts == sorted(amounts, reverse=True)
    by_probability = service.worklist(session, TODAY, order="probability", limit=3)
    assert len(by_probability) == min(3, len(items))
    assert [i["probability_late"] for i in by_probability] == sorted(
        (i["probability_late"] for i in items), reverse=True
    )[:3]
    with pytest.raises(InvalidInput):
        service.worklist(session, TODAY, order="alphabetical")


def test_open_dispute_pauses_and_unanswered_reminders_escalate(session, demo_model):
    base = {
        "customer_id": "D",
        "invoice_date": (TODAY - timedelta(days=40)).isoformat(),
        "due_date": (TODAY - timedelta(days=10)).isoformat(),
        "amount": "500",
    }
    service.record_payments(session, [{**base, "invoice_number": "1", "dispute_open": "yes"}])
    paused = service.client_risk(session, "D", TODAY)
    assert paused["reminders_paused"] and paused["reminder_plan"] == []
    assert paused["expected_overdue_amount"] == paused["overdue_amount"] == "500.00"  # past due counts in full
    service.record_payments(session, [{**base, "invoice_number": "1", "dispute_open": "no", "reminders_sent": "4"}])
    escalated = service.client_risk(session, "D", TODAY)
    assert escalated["escalate_to_person"] and not escalated["reminders_paused"]


def test_expected_overdue_weights_money_not_yet_due(session, demo_model):
    service.record_payments(
        session,
        [
            {
                "customer_id": "E",
                "invoice_number": "1",
                "invoice_date": TODAY.isoformat(),
                "due_date": (TODAY + timedelta(days=30)).isoformat(),
                "amount": "1000",
            }
        ],
    )
    body = service.client_risk(session, "E", TODAY)
    assert Decimal(body["expected_overdue_amount"]) == (
        Decimal("1000") * Decimal(str(body["probability_late"]))
    ).quantize(Decimal("0.01"))


def test_serving_loads_the_shipped_model_without_importing_training(tmp_path):
    """The serving path scores with the artifact in artifacts/risk; it never imports (or runs) a training job."""
    import subprocess
    import sys

    code = (
        "import sys; from datetime import date; from pathlib import Path;"
        "from ledgerlens.services import risk;"
        "from risk.history import read_history_csv;"
        "model, version = risk.get_risk_model(Path(sys.argv[1]));"
        "rows = read_history_csv('data/payments_demo.csv').rows;"
        "scores = risk.assess_history(rows, date(2026, 6, 1), model=model, version=version);"
        "assert len({s['probability_late'] for s in scores}) > 5, scores;"
        "assert not [m for m in sys.modules if m.startswith('training')], 'serving imported training';"
        "print(version)"
    )
    done = subprocess.run([sys.executable, "-c", code, str(tmp_path)], capture_output=True, text=True, check=False)
    assert done.returncode == 0, done.stderr
    assert done.stdout.strip().startswith("risk-logistic-")
