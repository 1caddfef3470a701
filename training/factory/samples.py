"""Regenerate the sample pages in docs/factory/ and the demo documents in data/samples/.

Run: python -m training.factory.samples
"""

from __future__ import annotations

import json
import tempfile
from pathlib import Path

import pypdfium2 as pdfium

from training.factory.contract import make_contract
from training.factory.generate import generate
from training.factory.invoices import make_invoices
from training.factory.po import make_po
from training.factory.scan import make_scan

ROOT = Path(__file__).resolve().parents[2]
PO_SEEDS = [4, 1, 12, 23, 35]


def render_first_page(pdf_bytes: bytes, path: Path, scale: float = 1.1) -> None:
    doc = pdfium.PdfDocument(pdf_bytes)
    doc[0].render(scale=scale).to_pil().convert("RGB").save(path, optimize=True)
    doc.close()


def main() -> None:
    docs_dir = ROOT / "docs" / "factory"
    data_dir = ROOT / "data" / "samples"
    docs_dir.mkdir(parents=True, exist_ok=True)
    data_dir.mkdir(parents=True, exist_ok=True)
    for seed in PO_SEEDS:
        render_first_page(make_po(seed).pdf_bytes, docs_dir / f"po_seed{seed}.png")
    contract = make_contract(1)
    render_first_page(contract.pdf_bytes, docs_dir / "contract_seed1.png")
    scanned = make_scan(make_po(21, n_lines=4), 21, fmt="png", with_ocr=False)
    small = scanned.images[0].convert("L")
    small.thumbnail((900, 1200))
    small.save(docs_dir / "po_scanned_seed21.png", optimize=True)
    with tempfile.TemporaryDirectory() as tmp:
        generate("po", 300, Path(tmp), seed=2026, workers=2, progress=False)
        card = (Path(tmp) / "dataset_card.md").read_text()
    (docs_dir / "dataset_card.md").write_text(
        card.replace("# Synthetic document dataset card", "# Synthetic document dataset card (300 POs, seed 2026)")
    )
    # demo documents: a short PO, a contract, their labels and draft invoices
    for doc in (make_po(7, n_lines=6, doc_id="demo-po-1"), make_contract(3, doc_id="demo-contract-1")):
        (data_dir / f"{doc.doc_id}.pdf").write_bytes(doc.pdf_bytes)
        (data_dir / f"{doc.doc_id}.json").write_text(json.dumps(doc.label, ensure_ascii=False, indent=0))
        invoices = make_invoices(doc, 7)
        (data_dir / f"{doc.doc_id}.invoices.json").write_text(json.dumps(invoices, ensure_ascii=False, indent=1))


if __name__ == "__main__":
    main()
