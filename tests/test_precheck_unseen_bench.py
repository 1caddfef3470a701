"""The unseen-layout pre-send bench looks references up as the service does, and keeps to the dev families."""

from __future__ import annotations

import json
from pathlib import Path

import pytest

from bench.precheck_unseen import _lookup, kept_labels
from tests.matching_fixtures import make_reference, standard_invoice


def test_the_bench_finds_a_misread_reference_by_its_printed_number_as_the_service_does() -> None:
    unread = make_reference([], po_number=None).extraction
    other = make_reference([], po_number="PO-9").extraction
    printed = [["BON", "DE", "COMMANDE", "N°", "BC20250919"]]
    invoice = standard_invoice(po_number="BC20250919")
    found = _lookup(invoice, [("a", unread, printed), ("b", other, [["PO-9"]])])
    assert found is not None and found.document_id == "a"
    assert _lookup(invoice, [("a", unread, printed), ("b", other, printed)]) is None  # printed on two: none
    assert _lookup(standard_invoice(po_number="BC20250920"), [("a", unread, printed)]) is None


def test_blind_set_2_references_come_from_its_dev_families_only(tmp_path: Path) -> None:
    from training.factory.blind2 import blind2_families

    def write(name: str, family: str) -> None:
        (tmp_path / f"{name}.json").write_text(json.dumps({"doc_id": name, "layout_family": family}))

    write("po-1", blind2_families("dev")[0].family)
    assert [p.name for p in kept_labels(tmp_path, dev_only=True)] == ["po-1.json"]
    write("po-2", "po-blind2-not-a-dev-family")
    with pytest.raises(SystemExit, match="dev families only"):
        kept_labels(tmp_path, dev_only=True)
    with pytest.raises(SystemExit, match="no labelled documents"):
        kept_labels(tmp_path / "missing")
