"""`ledgerlens risk ...`: train, score and back-test the late-payment model from a history CSV (thin shell)."""

from __future__ import annotations

import csv
import json
import sys
from datetime import date
from pathlib import Path
from typing import Annotated, Any

import typer
from threadpoolctl import threadpool_limits

from core.settings import get_settings
from ledgerlens.services.risk import assess_history
from risk.history import parse_date, read_history_csv

app = typer.Typer(help="Late-payment risk")

HistoryArg = Annotated[Path, typer.Argument(exists=True, dir_okay=False, readable=True, help="history CSV")]
JsonOpt = Annotated[bool, typer.Option("--json", help="print JSON")]


def _parse_day(value: str) -> date:
    try:
        parsed = parse_date(value)
    except ValueError as exc:
        raise typer.BadParameter(str(exc)) from None
    if parsed is None:
        raise typer.BadParameter("a date is required (YYYY-MM-DD)")
    return parsed


def _read(path: Path, allow_missing_customer: bool = False) -> Any:
    parsed = read_history_csv(path, allow_missing_customer)
    for issue in parsed.issues[:20]:
        typer.echo(f"row {issue.row}: {issue.severity}: {issue.message}", err=True)
    if len(parsed.issues) > 20:
        typer.echo(f"... and {len(parsed.issues) - 20} more issues", err=True)
    if not parsed.rows:
        typer.echo("no usable rows in the history file", err=True)
        raise typer.Exit(2)
    return parsed


def _data_dir() -> Path:
    return get_settings().data_dir


@app.command()
def train(
    history: HistoryArg,
    kind: Annotated[list[str] | None, typer.Option(help="model kind(s): logistic, hgb (default both)")] = None,
    register: Annotated[bool, typer.Option(help="register the better model as the champion")] = True,
    artifact: Annotated[
        Path | None, typer.Option(help="also save the better model here (artifacts/risk is the one that ships)")
    ] = None,
    as_json: JsonOpt = False,
) -> None:
    """Train on the whole history (metrics on the latest 20% by issue date first), track in MLflow, register the
    model with the best hold-out log loss as 'champion'."""
    from training.risk import train_and_register  # scikit-learn, pandas and mlflow: seconds, only for training

    parsed = _read(history)
    with threadpool_limits(limits=2):
        summary = train_and_register(
            parsed.rows, _data_dir(), kinds=tuple(kind or ("logistic", "hgb")), register=register, artifact=artifact
        )
    summary["issues"] = len(parsed.issues)
    if as_json:
        typer.echo(json.dumps(summary, indent=2, default=str))
        return
    for run in summary["runs"]:
        metrics = {k: round(v, 3) for k, v in run["metrics"].items() if k.startswith("holdout_") and "cut" not in k}
        typer.echo(f"{run['kind']:>8}  run {run['run_id']}  {metrics}")
    typer.echo(f"champion: {summary.get('champion') or 'not registered'}")


@app.command()
def score(
    history: HistoryArg,
    as_of: Annotated[str | None, typer.Option("--as-of", help="score as of this date (default today)")] = None,
    out: Annotated[Path | None, typer.Option(help="also write the scores as CSV")] = None,
    as_json: JsonOpt = False,
) -> None:
    """Risk of each customer's next invoice (the champion model, else one trained on the demo history)."""
    parsed = _read(history)
    today = _parse_day(as_of) if as_of else date.today()
    results = assess_history(parsed.rows, today)
    if out is not None:
        with out.open("w", newline="") as fh:
            writer = csv.writer(fh)
            writer.writerow(["customer_id", "probability_late", "expected_days_late", "risk_band", "open_amount"])
            for r in results:
                writer.writerow(
                    [
                        r["customer_id"],
                        f"{r['probability_late']:.6f}",
                        r["expected_days_late"],
                        r["risk_band"],
                        r["open_amount"],
                    ]
                )
    if as_json:
        typer.echo(json.dumps(results, indent=2, default=str))
        return
    for r in results:
        why = "; ".join(reason["text"] for reason in r["reasons"])
        typer.echo(
            f"{r['customer_id']:>14}  {r['probability_late']:.2f} {r['risk_band']:>6}  "
            f"open {r['open_amount']:>12}  {why}"
        )


@app.command()
def backtest(
    history: HistoryArg,
    train_until: Annotated[str, typer.Option("--train-until", help="train on invoices issued before this date")],
    out: Annotated[Path, typer.Option("--out", help="predictions CSV: invoice_number,probability_late")],
    kind: Annotated[str, typer.Option(help="logistic (best in the rolling-origin bench) or hgb")] = "logistic",
    as_json: JsonOpt = False,
) -> None:
    """Train on invoices issued before the date, score each later invoice as of its own issue date."""
    from training.risk import backtest as run_backtest  # scikit-learn and pandas: seconds, only for this command

    cut = _parse_day(train_until)
    parsed = _read(history, allow_missing_customer=True)  # every later invoice gets a score
    with threadpool_limits(limits=2):
        result = run_backtest(parsed.rows, cut, kind=kind)
    pred = result.predictions
    out.parent.mkdir(parents=True, exist_ok=True)
    with out.open("w", newline="") as fh:
        writer = csv.writer(fh)
        writer.writerow(["invoice_number", "probability_late"])
        for number, p in zip(pred["invoice_number"], pred["probability_late"], strict=True):
            writer.writerow([number, f"{p:.6f}"])
    summary = {
        "train_until": cut.isoformat(),
        "trained_on": result.n_train,
        "labels_withheld": result.labels_withheld,
        "scored": len(pred),
        "issues": [i.as_dict() for i in parsed.issues],
        "metrics": result.metrics,
        "out": str(out),
    }
    if as_json:
        typer.echo(json.dumps(summary, indent=2, default=str))
        return
    typer.echo(f"trained on {result.n_train} invoices before {cut}, scored {len(pred)} -> {out}", err=False)
    if result.metrics:
        typer.echo("metrics on the scored invoices: " + json.dumps({k: round(v, 4) for k, v in result.metrics.items()}))
    if parsed.errors:
        typer.echo(f"{len(parsed.errors)} rows could not be used (see above)", err=True)
    sys.stdout.flush()
