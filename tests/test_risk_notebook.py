"""The evaluation notebook runs top to bottom (fast mode: fewer customers and trees)."""

import os
from pathlib import Path

import nbformat
import pytest
from nbclient import NotebookClient

ROOT = Path(__file__).resolve().parents[1]


@pytest.mark.slow
def test_risk_notebook_executes(monkeypatch):
    monkeypatch.setenv("LEDGERLENS_NOTEBOOK_FAST", "1")
    monkeypatch.setenv("OMP_NUM_THREADS", "1")
    monkeypatch.setenv("MPLBACKEND", "Agg")
    monkeypatch.setenv("PYTHONPATH", os.pathsep.join([str(ROOT), os.environ.get("PYTHONPATH", "")]))
    nb = nbformat.read(ROOT / "notebooks" / "risk_evaluation.ipynb", as_version=4)
    NotebookClient(nb, timeout=300, kernel_name="python3", resources={"metadata": {"path": str(ROOT)}}).execute()
    outputs = "".join(str(o) for cell in nb.cells if cell.cell_type == "code" for o in cell.get("outputs", []))
    assert "roc_auc" in outputs and "likely late" in outputs
    assert not any(o.get("output_type") == "error" for cell in nb.cells for o in cell.get("outputs", []))
