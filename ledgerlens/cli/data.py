"""`ledgerlens data ...`: build training and demo data sets (a thin shell over training.factory)."""

from __future__ import annotations

from enum import StrEnum
from pathlib import Path
from typing import Annotated

import typer

from training.factory.blindsets import BLIND_SETS, blind_set_generator, blind_set_help
from training.factory.funsd import convert_funsd
from training.factory.generate import generate as run_generate

app = typer.Typer(help="Build data sets")


class DocKind(StrEnum):
    po = "po"
    contract = "contract"
    invoice = "invoice"


@app.command()
def generate(
    kind: Annotated[DocKind, typer.Option("--kind", help="po, contract, or invoice (POs and contracts with drafts)")],
    n: Annotated[int, typer.Option("--n", min=1, help="how many documents")],
    out: Annotated[Path, typer.Option("--out", help="output directory")],
    seed: Annotated[int, typer.Option("--seed", help="the same seed gives the same bytes")] = 0,
    scanned_share: Annotated[
        float, typer.Option("--scanned-share", min=0.0, max=1.0, help="share of documents written as scans")
    ] = 0.0,
    workers: Annotated[int, typer.Option("--workers", min=1, help="processes")] = 2,
    family: Annotated[
        list[str] | None, typer.Option("--family", help="keep only this layout family; '!id' holds it out")
    ] = None,
    progress: Annotated[bool, typer.Option("--progress/--no-progress")] = True,
) -> None:
    """Generate synthetic documents with labels (and draft invoices) into OUT."""
    paths = run_generate(
        kind.value,
        n,
        out,
        seed,
        scanned_share=scanned_share,
        workers=workers,
        families=set(family) if family else None,
        progress=progress,
    )
    typer.echo(f"wrote {len(paths)} documents to {out} (card: {out / 'dataset_card.md'})")


@app.command()
def heldout(
    n: Annotated[int, typer.Option("--n", min=1, help="how many documents")],
    out: Annotated[Path, typer.Option("--out", help="output directory")],
    seed: Annotated[int, typer.Option("--seed", help="the same seed gives the same bytes")] = 0,
    scanned_share: Annotated[
        float, typer.Option("--scanned-share", min=0.0, max=1.0, help="share of documents written as scans")
    ] = 0.0,
) -> None:
    """Generate documents of the held-out layout families and vocabulary (the generalisation protocol) into OUT."""
    from training.factory.heldout import generate_heldout  # it pulls in reportlab: only for this command

    paths = generate_heldout(n, out, seed, scanned_share=scanned_share)
    typer.echo(f"wrote {len(paths)} held-out documents to {out} (card: {out / 'dataset_card.md'})")


class BlindSplit(StrEnum):
    dev = "dev"
    test = "test"
    all = "all"


@app.command()
def blind(
    n: Annotated[int, typer.Option("--n", min=1, help="how many documents")],
    out: Annotated[Path, typer.Option("--out", help="output directory")],
    seed: Annotated[int, typer.Option("--seed", help="the same seed gives the same bytes")] = 0,
    split: Annotated[
        BlindSplit, typer.Option("--split", help="dev, test or all of the blind families")
    ] = BlindSplit.all,
    scanned_share: Annotated[
        float, typer.Option("--scanned-share", min=0.0, max=1.0, help="share of documents written as scans")
    ] = 0.0,
    blind_set: Annotated[
        int,
        typer.Option("--set", min=1, max=max(BLIND_SETS), help=f"{blind_set_help()} (training/factory)"),
    ] = 1,
) -> None:
    """Generate documents of the blind layout families (written without reading the extractor) into OUT."""
    generate_blind = blind_set_generator(blind_set)  # it pulls in reportlab: only for this command
    paths = generate_blind(n, out, seed, scanned_share=scanned_share, split=split.value)
    typer.echo(f"wrote {len(paths)} blind-family documents to {out} (card: {out / 'dataset_card.md'})")


@app.command()
def funsd(
    out: Annotated[Path, typer.Option("--out", help="output directory")],
    root: Annotated[Path, typer.Option("--root", help="FUNSD dataset folder")] = Path("../shared/datasets/funsd"),
) -> None:
    """Convert FUNSD into the factory's label format (one JSON per form)."""
    n = convert_funsd(root, out)
    typer.echo(f"wrote {n} FUNSD forms to {out}")
