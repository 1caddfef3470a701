"""`ledgerlens evaluate ...`: evaluation jobs (thin shells over training/)."""

from __future__ import annotations

import json
import sys
from pathlib import Path
from typing import Annotated

import typer

from core.settings import get_settings

app = typer.Typer(help="Evaluate the learned models", no_args_is_help=True)


@app.command()
def extraction(
    artifact: Annotated[
        Path | None, typer.Option(help="layout artifact; default: the champion, else the shipped one")
    ] = None,
    data: Annotated[Path | None, typer.Option(help="folder of held-out factory labels; default: generate them")] = None,
    n_po: Annotated[int, typer.Option(help="purchase orders of unseen layout families to generate")] = 150,
    n_contract: Annotated[int, typer.Option(help="contracts of unseen layout families to generate")] = 50,
    scanned_share: Annotated[float, typer.Option(help="share of scans among them")] = 0.5,
    seed: Annotated[int, typer.Option(help="seed of the evaluation documents")] = 7001,
    funsd: Annotated[Path | None, typer.Option(help="FUNSD folder: fine-tune and score on its test split")] = None,
    funsd_epochs: Annotated[int, typer.Option(help="epochs of the FUNSD fine-tuning (0: skip)")] = 0,
    out: Annotated[Path, typer.Option(help="where the JSON figures go")] = Path("bench/results/layout.json"),
    read_scans: Annotated[
        bool, typer.Option(help="read scans with the service's loader and OCR (else the labels' OCR words)")
    ] = True,
) -> None:
    """Layout model vs heuristic extractor (and their per-field combination) on unseen layout families."""
    from training.evaluate_layout import evaluate_extraction  # torch and transformers: seconds

    report = evaluate_extraction(
        artifact=artifact,
        data=data,
        n_po=n_po,
        n_contract=n_contract,
        scanned_share=scanned_share,
        seed=seed,
        funsd=funsd,
        funsd_epochs=funsd_epochs,
        out=out,
        read_scans=read_scans,
        data_dir=get_settings().data_dir,
    )
    sys.stdout.write(json.dumps(report, indent=2, default=str) + "\n")
