import csv
from datetime import date, timedelta
from pathlib import Path

import pytest
from typer.testing import CliRunner

from ledgerlens.cli.risk import app
from training.risk import synthetic_history

runner = CliRunner()


def _write(path: Path, rows: list[dict[str, str]], fields: list[str] | None = None) -> Path:
    fields = fields or list(rows[0])
    with path.open("w", newline="") as fh:
        writer = csv.DictWriter(fh, fieldnames=fields, extrasaction="ignore")
        writer.writeheader()
        writer.writerows(rows)
    return path


def _ibm_style(rows: list[dict[str, str]]) -> list[dict[str, str]]:
    """The synthetic rows in the IBM sample's columns and M/D/YYYY dates."""

    def us(text: str) -> str:
        if not text:
            return ""
        d = date.fromisoformat(text)
        return f"{d.month}/{d.day}/{d.year}"

    out = []
    for r in rows:
        settled = r["settled_date"]
        late = max(0, (date.fromisoformat(settled) - date.fromisoformat(r["due_date"])).days) if settled else ""
        out.append(
            {
                "countryCode": r["country"],
                "customerID": r["customer_id"],
                "invoiceNumber": r["invoice_number"],
                "InvoiceDate": us(r["invoice_date"]),
                "DueDate": us(r["due_date"]),
                "InvoiceAmount": r["amount"],
                "Disputed": "Yes" if r["disputed"] == "yes" else "No",
                "SettledDate": us(settled),
                "PaperlessBill": "Electronic" if r["paperless"] == "yes" else "Paper",
                "DaysLate": str(late),
            }
        )
    return out


def test_backtest_writes_one_row_per_later_invoice(tmp_path):
    rows = _ibm_style(synthetic_history(14, 12, start=date(2024, 1, 1), seed=3))
    cut = date(2024, 7, 1)
    # odd rows: an unseen customer after the cut, an ISO date among US dates, an unreadable amount, a broken date
    rows.append(
        {
            **rows[0],
            "customerID": "NEW-1",
            "invoiceNumber": "N-1",
            "InvoiceDate": "2024-08-02",
            "DueDate": "2024-09-01",
            "SettledDate": "",
            "DaysLate": "",
        }
    )
    rows.append(
        {
            **rows[1],
            "customerID": "NEW-2",
            "invoiceNumber": "N-2",
            "InvoiceDate": "8/3/2024",
            "DueDate": "9/2/2024",
            "InvoiceAmount": "n/a",
        }
    )
    rows.append({**rows[2], "invoiceNumber": "BROKEN", "InvoiceDate": "someday"})
    rows.append({**rows[3], "customerID": "", "invoiceNumber": "N-3", "InvoiceDate": "2024-08-05"})
    history = _write(tmp_path / "history.csv", rows)
    out = tmp_path / "pred.csv"
    result = runner.invoke(
        app, ["backtest", str(history), "--train-until", cut.isoformat(), "--out", str(out), "--kind", "logistic"]
    )
    assert result.exit_code == 0, result.output
    with out.open() as fh:
        pred = list(csv.DictReader(fh))
    expected = set()
    for r in rows:
        try:
            issued = (
                date.fromisoformat(r["InvoiceDate"])
                if "-" in r["InvoiceDate"]
                else date(
                    int(r["InvoiceDate"].split("/")[2]),
                    int(r["InvoiceDate"].split("/")[0]),
                    int(r["InvoiceDate"].split("/")[1]),
                )
            )
        except (ValueError, IndexError):
            continue
        if issued >= cut:
            expected.add(r["invoiceNumber"])
    assert {p["invoice_number"] for p in pred} == expected
    assert {"N-1", "N-2", "N-3"} <= expected
    assert all(0 < float(p["probability_late"]) < 1 for p in pred)
    assert "BROKEN" not in {p["invoice_number"] for p in pred}
    assert "someday" in result.output  # the bad row is reported


def test_backtest_refuses_a_bad_date(tmp_path):
    history = _write(tmp_path / "h.csv", synthetic_history(3, 3))
    result = runner.invoke(app, ["backtest", str(history), "--train-until", "soon", "--out", str(tmp_path / "p.csv")])
    assert result.exit_code != 0


@pytest.mark.slow
def test_train_registers_a_champion_that_score_serves(tmp_path, monkeypatch):
    from core.settings import get_settings
    from ledgerlens.services import risk as service
    from models.risk import load_champion

    monkeypatch.setenv("LEDGERLENS_DATA_DIR", str(tmp_path / "data"))
    monkeypatch.setenv("MLFLOW_TRACKING_URI", f"sqlite:///{tmp_path / 'mlflow.db'}")
    get_settings.cache_clear()
    service.reset_risk_model_cache()
    history = _write(tmp_path / "h.csv", synthetic_history(15, 10, start=date(2024, 1, 1)))
    result = runner.invoke(app, ["train", str(history), "--kind", "logistic", "--json"])
    assert result.exit_code == 0, result.output
    loaded = load_champion(tmp_path / "data")
    assert loaded is not None and loaded[1] == "ledgerlens-risk/1"
    today = date(2024, 1, 1) + timedelta(days=200)
    scored = runner.invoke(app, ["score", str(history), "--as-of", today.isoformat(), "--json"])
    assert scored.exit_code == 0, scored.output
    assert '"model_version": "ledgerlens-risk/1"' in scored.output
    service.reset_risk_model_cache()
    get_settings.cache_clear()


def test_backtest_with_withheld_labels_uses_only_history_before_the_cut():
    from dataclasses import replace

    from risk.history import parse_records
    from training.risk import backtest

    rows = parse_records(synthetic_history(12, 10, start=date(2024, 1, 1), seed=4)).rows
    cut = date(2024, 6, 1)
    stripped = [r if r.invoice_date < cut else replace(r, settled_date=None, days_late=None) for r in rows]
    withheld = backtest(stripped, cut, kind="logistic")
    assert withheld.labels_withheld and not withheld.metrics
    # the same as scoring each later invoice alone beside the earlier history
    later = [r for r in stripped if r.invoice_date >= cut]
    earlier = [r for r in stripped if r.invoice_date < cut]
    for invoice in later[:3]:
        alone = backtest([*earlier, invoice], cut, kind="logistic").predictions
        mine = withheld.predictions.set_index("invoice_number").loc[invoice.invoice_number, "probability_late"]
        assert alone["probability_late"].iloc[0] == pytest.approx(mine)
    labelled = backtest(rows, cut, kind="logistic")
    settled_later = [r for r in rows if r.invoice_date >= cut and r.days_late is not None]
    assert not labelled.labels_withheld and labelled.metrics["n"] == len(settled_later) > 0
