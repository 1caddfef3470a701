"""`ledgerlens audit ...`: check the hash chain of the audit log."""

from __future__ import annotations

import json
import sys
from typing import Annotated

import typer

from core.settings import get_settings
from review.audit import verify as verify_chain
from store.db import session_scope

app = typer.Typer(help="The append-only audit log", no_args_is_help=True)


@app.command()
def verify(
    expect_head: Annotated[
        str | None,
        typer.Option(help="a head hash recorded earlier: also detects deletion of the newest entries"),
    ] = None,
    as_json: Annotated[bool, typer.Option("--json", help="print the result as JSON")] = False,
) -> None:
    """Recompute the audit log's hash chain; exit 1 if a row was changed, deleted or reordered."""
    with session_scope(get_settings().resolved_database_url) as session:
        result = verify_chain(session, expected_head=expect_head)
    if as_json:
        sys.stdout.write(json.dumps(result.to_dict(), indent=2) + "\n")
    elif result.ok:
        typer.echo(f"audit log intact: {result.checked} entries, head {result.head_hash}")
    else:
        where = f" at entry {result.first_bad_id}" if result.first_bad_id is not None else ""
        typer.echo(
            f"audit log TAMPERED{where}: {result.problem} ({result.checked} entries verified before it)", err=True
        )
    raise typer.Exit(0 if result.ok else 1)
