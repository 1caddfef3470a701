"""The layer contracts of pyproject.toml ([tool.importlinter]) hold: `make test` runs `lint-imports` too, and this
test keeps a plain `pytest` run honest (DESIGN.md "Layers", STYLE.md #1)."""

from __future__ import annotations

from pathlib import Path

from importlinter.cli import lint_imports

ROOT = Path(__file__).resolve().parents[1]


def test_import_contracts_are_kept(monkeypatch):
    monkeypatch.chdir(ROOT)  # import-linter reads pyproject.toml from the working directory
    monkeypatch.syspath_prepend(str(ROOT))
    assert lint_imports(no_cache=True) == 0, "run `lint-imports` to see which import breaks a layer"


def test_the_contracts_name_every_room():
    """A new top-level package must be placed in the layers, or the check silently ignores it."""
    import tomllib

    config = tomllib.loads((ROOT / "pyproject.toml").read_text())["tool"]["importlinter"]
    rooms = {p.name for p in ROOT.iterdir() if (p / "__init__.py").is_file() and p.name not in {"tests", "bench"}}
    assert rooms <= set(config["root_packages"]), sorted(rooms - set(config["root_packages"]))
