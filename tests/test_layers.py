"""Domain rooms never import FastAPI or the api package (STYLE.md #1)."""

from __future__ import annotations

import ast
from pathlib import Path

import pytest

ROOT = Path(__file__).resolve().parents[1]
DOMAIN_ROOMS = ["extraction", "matching", "models", "training", "review", "store", "risk", "ledgerlens"]
FORBIDDEN = ("fastapi", "starlette", "api")


def _imports(path: Path) -> set[str]:
    names = set()
    for node in ast.walk(ast.parse(path.read_text(), filename=str(path))):
        if isinstance(node, ast.Import):
            names.update(alias.name.split(".")[0] for alias in node.names)
        elif isinstance(node, ast.ImportFrom) and node.module and node.level == 0:
            names.add(node.module.split(".")[0])
    return names


@pytest.mark.parametrize("room", DOMAIN_ROOMS)
def test_domain_room_does_not_import_http(room):
    offenders = {
        str(path.relative_to(ROOT)): sorted(_imports(path) & set(FORBIDDEN))
        for path in (ROOT / room).rglob("*.py")
        if _imports(path) & set(FORBIDDEN)
    }
    assert offenders == {}
