"""`ledgerlens train ...`: training jobs (thin shells over training/)."""

from __future__ import annotations

import json
import sys
from pathlib import Path
from typing import Annotated

import typer

from core.settings import get_settings
from store.db import migrate, session_scope
from training.corrections import export_corrections

app = typer.Typer(help="Train the learned models", no_args_is_help=True)


@app.command()
def layout(
    data: Annotated[Path | None, typer.Option(help="folder of factory labels; default: generate them")] = None,
    out: Annotated[Path | None, typer.Option(help="artifact folder; default <data dir>/models/layout")] = None,
    n_po: Annotated[int, typer.Option(help="purchase orders to generate")] = 400,
    n_contract: Annotated[int, typer.Option(help="contracts to generate")] = 150,
    scanned_share: Annotated[float, typer.Option(help="share of generated documents that are scans")] = 0.3,
    epochs: Annotated[int, typer.Option(help="passes over the training pages")] = 2,
    max_steps: Annotated[int | None, typer.Option(help="stop after this many optimiser steps")] = None,
    batch_size: Annotated[int, typer.Option(help="windows per step")] = 4,
    lr: Annotated[float, typer.Option(help="learning rate of the MiniLM encoder")] = 1.5e-4,
    threads: Annotated[int, typer.Option(help="torch CPU threads")] = 1,
    seed: Annotated[int, typer.Option(help="seed of data, split and training")] = 13,
    init_from: Annotated[Path | None, typer.Option(help="continue from this artifact folder's weights")] = None,
    fresh_lr: Annotated[float, typer.Option(help="learning rate of the 2-D embeddings and classifier")] = 1e-3,
    max_minutes: Annotated[float | None, typer.Option(help="stop training after this many minutes")] = None,
    register: Annotated[bool, typer.Option(help="register the model in MLflow as champion")] = True,
    funsd: Annotated[Path | None, typer.Option(help="also fine-tune and score a FUNSD tagger from this folder")] = None,
    corrections: Annotated[bool, typer.Option(help="add reviewers' corrections from the database to training")] = True,
) -> None:
    """Fine-tune the layout tagger (LayoutLM over MiniLM), calibrate it, evaluate it, register it as champion."""
    from training.layout import TrainConfig, main, train_funsd  # torch and transformers: seconds

    config = TrainConfig(
        epochs=epochs,
        batch_size=batch_size,
        lr=lr,
        fresh_lr=fresh_lr,
        threads=threads,
        seed=seed,
        max_steps=max_steps,
        max_minutes=max_minutes,
    )
    corrections_dir = _export_corrections() if corrections else None
    result = main(
        data=data,
        out=out,
        n_po=n_po,
        n_contract=n_contract,
        scanned_share=scanned_share,
        config=config,
        register_model=register,
        corrections=corrections_dir,
        init_from=init_from,
        data_dir=get_settings().data_dir,
    )
    body = {"artifact": str(result.artifact), "run_id": result.run_id, "version": result.version, **result.metrics}
    if funsd is not None:
        config = TrainConfig(epochs=max(epochs, 3), batch_size=4, threads=threads)
        body["funsd"] = train_funsd(funsd, config=config, init_from=result.artifact, data_dir=get_settings().data_dir)
    sys.stdout.write(json.dumps(body, indent=2, default=str) + "\n")


@app.command()
def recalibrate(
    artifact: Annotated[Path, typer.Argument(help="a trained layout artifact folder")],
    data: Annotated[Path, typer.Option(help="the folder of factory labels it was trained on")],
    out: Annotated[Path | None, typer.Option(help="where to save; default: the artifact folder")] = None,
    seed: Annotated[int, typer.Option(help="the training job's seed (it fixes the split)")] = 13,
    register: Annotated[bool, typer.Option(help="register the result in MLflow as champion")] = True,
) -> None:
    """Calibrate, choose per field and evaluate a trained layout model again, on its training job's split."""
    from training.layout import recalibrate as run  # torch and transformers: seconds

    result = run(artifact, data, out, seed=seed, register_model=register, data_dir=get_settings().data_dir)
    body = {"artifact": str(result.artifact), "run_id": result.run_id, "version": result.version, **result.metrics}
    sys.stdout.write(json.dumps(body, indent=2, default=str) + "\n")


def _export_corrections() -> Path:
    """Reviewers' labels from the service's database, as label files beside the generated data."""
    settings = get_settings()
    out = settings.data_dir / "datasets" / "corrections"
    migrate(settings.resolved_database_url)
    with session_scope(settings.resolved_database_url) as session:
        count = export_corrections(session, out)
    typer.echo(f"reviewers' corrections: {count} documents", err=True)
    return out
