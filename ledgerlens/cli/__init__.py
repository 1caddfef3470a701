"""`ledgerlens` command line: thin shells over the services, printing the API's JSON with --json."""

from __future__ import annotations

import hashlib
import json
import os
import sys
from pathlib import Path
from typing import Annotated, Any

import typer
from pydantic import ValidationError
from rich.console import Console

from core.errors import InvalidInput, LedgerLensError
from core.settings import get_settings
from extraction.errors import DocumentError
from ledgerlens import logs
from ledgerlens.cli import audit, data, evaluate, risk, train
from ledgerlens.services.auth import create_user, revoke_user
from ledgerlens.services.demo import load_demo
from ledgerlens.services.documents import extract_bytes, rotate_files
from store.db import migrate as migrate_db
from store.db import session_scope
from store.files import EncryptionKeyError, generate_key

app = typer.Typer(
    help="LedgerLens: pre-send invoice checks, document extraction, late-payment risk.", no_args_is_help=True
)
users_app = typer.Typer(help="Users and their tokens", no_args_is_help=True)
demo_app = typer.Typer(help="Demo data", no_args_is_help=True)
keys_app = typer.Typer(help="Encryption at rest of stored documents (LEDGERLENS_ENCRYPTION_KEY)", no_args_is_help=True)
app.add_typer(users_app, name="users")
app.add_typer(demo_app, name="demo")
app.add_typer(keys_app, name="keys")
app.add_typer(data.app, name="data")
app.add_typer(risk.app, name="risk")
app.add_typer(train.app, name="train")
app.add_typer(evaluate.app, name="evaluate")
app.add_typer(audit.app, name="audit")

console = Console(stderr=True)


@app.callback()
def _setup() -> None:
    """Every command logs the way the API and the worker do (JSON lines on stderr)."""

    logs.setup(get_settings().log_level)


def _print_json(body: Any) -> None:
    sys.stdout.write(json.dumps(body, indent=2, default=str) + "\n")


def _fail(exc: Exception) -> None:
    console.print(f"[red]error:[/red] {exc}")
    raise typer.Exit(2)


def default_workers(database_url: str) -> int:
    """HTTP worker processes when --workers is not given: one per core up to 4 on PostgreSQL; 2 on SQLite,
    whose WAL lets readers run beside the one writer and whose commits are short (more processes only queue
    up on its write lock)."""
    if database_url.startswith("sqlite"):
        return 2
    return max(1, min(4, os.cpu_count() or 1))


@app.command()
def serve(
    host: Annotated[str, typer.Option(help="interface to listen on")] = "127.0.0.1",
    port: Annotated[int, typer.Option(help="port to listen on")] = 8000,
    workers: Annotated[
        int | None,
        typer.Option(min=1, help="HTTP worker processes (default: 2 on SQLite, up to 4 on PostgreSQL)"),
    ] = None,
) -> None:
    """Serve the API and the review UI."""
    import uvicorn  # only the server needs it

    settings = get_settings()
    count = workers or default_workers(settings.resolved_database_url)
    # No migration here: `ledgerlens migrate` is a step of its own, once per deployment (not once per replica).
    # Our JSON logging (log_config=None), no second access log; forwarded headers are trusted in the app
    # (LEDGERLENS_FORWARDED_ALLOW_IPS) so uvicorn's own handling stays off.
    uvicorn.run(
        "api.main:create_app",
        factory=True,
        host=host,
        port=port,
        workers=count,
        log_config=None,
        access_log=False,
        proxy_headers=False,
    )


@app.command()
def extract(
    file: Annotated[Path, typer.Argument(exists=True, dir_okay=False, readable=True)],
    as_json: Annotated[bool, typer.Option("--json", help="print the extraction JSON")] = False,
    doc_type: Annotated[str | None, typer.Option(help="purchase_order or contract, if known")] = None,
) -> None:
    """Extract header fields and line items from a PO or contract file."""
    data = file.read_bytes()
    try:
        _, extraction = extract_bytes(get_settings(), data, file.name, doc_type)
    except DocumentError as exc:
        _fail(exc)
    body = extraction.to_contract(hashlib.sha256(data).hexdigest()[:32])
    if as_json:
        _print_json(body)
        return
    for name, cell in body["fields"].items():
        console.print(f"{name:>20}: {cell['value']}  [dim]({cell['confidence']:.2f})[/dim]")
    for item in body["line_items"]:
        cells = {k: v["value"] for k, v in item.items() if isinstance(v, dict)}
        console.print(f"  - {cells}")


@app.command()
def precheck(
    invoice: Annotated[
        Path | None, typer.Argument(exists=True, dir_okay=False, readable=True, help="draft invoice JSON")
    ] = None,
    as_json: Annotated[bool, typer.Option("--json", help="print the result JSON")] = False,
    reference: Annotated[
        Path | None,
        typer.Option(exists=True, dir_okay=False, help="check against this PO/contract file instead of stored ones"),
    ] = None,
    batch: Annotated[
        Path | None,
        typer.Option(
            exists=True,
            dir_okay=False,
            readable=True,
            help="a billing run: one draft invoice per line (JSONL); prints one result per line, in order",
        ),
    ] = None,
) -> None:
    """Check a draft invoice before it is sent, or a billing run's drafts with --batch."""
    if batch is not None:
        if invoice is not None or reference is not None:
            _fail(ValueError("--batch checks drafts against stored references: give no INVOICE and no --reference"))
        _precheck_batch(batch)
        return
    if invoice is None:
        _fail(ValueError("give a draft invoice JSON file, or --batch drafts.jsonl"))
        return
    body = json.loads(invoice.read_text())
    try:
        result = _precheck_against_file(body, reference) if reference else _precheck_stored(body)
    except (ValidationError, LedgerLensError) as exc:
        _fail(exc)
    if as_json:
        _print_json(result)
        return
    console.print(f"verdict: [bold]{result['verdict']}[/bold]")
    for finding in result["findings"]:
        console.print(f"  {finding['severity']:>7} {finding['code']}: {finding['message']}")


def _precheck_batch(path: Path) -> None:
    """JSONL in, JSONL out: drafts checked in parts of the batch limit, each part committed before the next;
    a line that is not JSON gets its problem in its place, as an invalid draft does."""
    from ledgerlens.services.precheck import BATCH_LIMIT, item_problem, run_batch  # as in _precheck_stored

    settings = get_settings()
    migrate_db(settings.resolved_database_url)
    lines = [line for line in path.read_text().splitlines() if line.strip()]
    for start in range(0, len(lines), BATCH_LIMIT):
        parsed: list[object] = []
        unreadable: dict[int, dict[str, Any]] = {}
        for i, line in enumerate(lines[start : start + BATCH_LIMIT]):
            try:
                parsed.append(json.loads(line))
            except json.JSONDecodeError as exc:
                unreadable[i] = {"error": item_problem(InvalidInput(f"draft {start + i + 1} is not JSON: {exc.msg}"))}
        try:
            with session_scope(settings.resolved_database_url) as session:
                checked = iter(run_batch(session, settings, parsed, principal_id="cli"))
        except LedgerLensError as exc:
            _fail(exc)
        for i in range(len(parsed) + len(unreadable)):
            sys.stdout.write(json.dumps(unreadable.get(i) or next(checked), default=str) + "\n")


def _precheck_stored(body: dict[str, Any]) -> dict[str, Any]:
    from ledgerlens.services.precheck import run_check  # matching loads scikit-learn and SciPy: seconds

    settings = get_settings()
    migrate_db(settings.resolved_database_url)
    with session_scope(settings.resolved_database_url) as session:
        return run_check(session, settings, body, principal_id="cli")


def _precheck_against_file(body: dict[str, Any], reference: Path) -> dict[str, Any]:
    # matching loads scikit-learn and SciPy (seconds): only the precheck command pays for it
    from matching import precheck as run_precheck
    from matching.types import DraftInvoice, Policy, Reference

    data = reference.read_bytes()
    _, extraction = extract_bytes(get_settings(), data, reference.name)
    ref = Reference(hashlib.sha256(data).hexdigest()[:32], extraction)
    result = run_precheck(DraftInvoice.model_validate(body), ref, [], Policy())
    return result.to_contract(check_id="local")


@users_app.command("create")
def users_create(
    name: Annotated[str, typer.Argument(help="user or service-account name")],
    role: Annotated[list[str], typer.Option("--role", help="admin, billing, reviewer or collections (repeatable)")],
    as_json: Annotated[bool, typer.Option("--json")] = False,
) -> None:
    """Create a user and print its token (shown once)."""
    settings = get_settings()
    migrate_db(settings.resolved_database_url)
    try:
        with session_scope(settings.resolved_database_url) as session:
            user, token = create_user(session, name, role)
            out = {"id": user.id, "name": user.name, "roles": user.roles, "token": token}
    except LedgerLensError as exc:
        _fail(exc)
    if as_json:
        _print_json(out)
    else:
        sys.stdout.write(token + "\n")


@users_app.command("revoke")
def users_revoke(name: Annotated[str, typer.Argument(help="the user whose tokens and UI sessions end now")]) -> None:
    """Revoke every token of a user and end their review-UI sessions (effective on their next request)."""

    try:
        with session_scope(get_settings().resolved_database_url) as session:
            count = revoke_user(session, name, actor="cli")
    except LedgerLensError as exc:
        _fail(exc)
    console.print(f"revoked {count} token(s) of {name}; their sessions are closed")


@keys_app.command("generate")
def keys_generate() -> None:
    """Print a new Fernet key: put it first in LEDGERLENS_ENCRYPTION_KEY (comma-separated, newest first)."""

    sys.stdout.write(generate_key() + "\n")


@keys_app.command("rotate")
def keys_rotate() -> None:
    """Re-encrypt every stored document under the first key of LEDGERLENS_ENCRYPTION_KEY (plain ones too)."""

    try:
        counts = rotate_files(get_settings())
    except (EncryptionKeyError, ValueError) as exc:
        _fail(exc)
    console.print(f"re-encrypted {counts['rotated']} file(s); {counts['missing']} missing on disk")


@demo_app.command("load")
def demo_load() -> None:
    """Migrate the database and load the demo users, documents and payment history (idempotent)."""
    settings = get_settings()
    for line in load_demo(settings):
        print(line)  # plain print: a token must not be wrapped or styled


@app.command()
def migrate() -> None:
    """Bring the database schema up to date: run once per deployment, before the API and workers start."""
    migrate_db(get_settings().resolved_database_url)
    console.print("database is up to date")
