"""Layout model figures, model vs heuristic side by side: prints them and writes bench/results/layout.json.

    python bench/bench_layout.py [--artifact artifacts/layout] [--n-po 150] [--n-contract 50] [--funsd-epochs 3]

Held-out generated documents whose layout families the model never trained on (born-digital and scanned
apart): header fields exact, line items F1 (every cell right), ECE, seconds per page; FUNSD test entity F1
beside the LayoutLM paper's table; model inference seconds per born-digital page on one core.
"""

from __future__ import annotations

import argparse
import json
import os
import statistics
import sys
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(ROOT))
os.environ.setdefault("HF_HUB_OFFLINE", "1")


def one_core_latency(artifact: Path, docs: list, repeats: int = 1) -> dict[str, float]:
    """Seconds per born-digital page of tagging + grouping on one thread (fp32, and int8 dynamic quantisation)."""
    import torch

    from models.layout.artifact import load_bundle
    from models.layout.extractor import LayoutExtractor

    torch.set_num_threads(1)
    bundle = load_bundle(artifact)
    out = {}
    for name in ("fp32", "int8_dynamic"):
        if name == "int8_dynamic":
            bundle.model = torch.ao.quantization.quantize_dynamic(bundle.model, {torch.nn.Linear}, dtype=torch.qint8)
        extractor = LayoutExtractor(bundle)
        extractor.extract(docs[0].document())  # warm-up
        per_page = []
        for labelled in docs:
            doc = labelled.document()
            for _ in range(repeats):
                start = time.perf_counter()
                extractor.extract(doc)
                per_page.append((time.perf_counter() - start) / doc.page_count)
        out[f"{name}_median_s"] = round(statistics.median(per_page), 4)
        out[f"{name}_p90_s"] = round(sorted(per_page)[int(0.9 * (len(per_page) - 1))], 4)
    out["pages_timed"] = len(per_page)
    return out


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--artifact", type=Path, default=ROOT / "artifacts" / "layout")
    parser.add_argument("--data", type=Path, default=None, help="held-out labels (default: generate)")
    parser.add_argument("--n-po", type=int, default=150)
    parser.add_argument("--n-contract", type=int, default=50)
    parser.add_argument("--scanned-share", type=float, default=0.5)
    parser.add_argument("--funsd", type=Path, default=ROOT.parent / "shared" / "datasets" / "funsd")
    parser.add_argument("--funsd-epochs", type=int, default=0)
    parser.add_argument("--latency-docs", type=int, default=20)
    parser.add_argument("--kleister", type=Path, default=ROOT.parent / "shared" / "datasets" / "kleister_nda_train")
    parser.add_argument("--kleister-docs", type=int, default=0, help="real NDAs to score zero-shot (0: skip)")
    parser.add_argument("--funsd-result", type=Path, default=None, help="JSON of an earlier FUNSD run to include")
    parser.add_argument("--figures", type=Path, default=ROOT / "docs" / "layout")
    parser.add_argument("--out", type=Path, default=ROOT / "bench" / "results" / "layout.json")
    args = parser.parse_args()

    from core.settings import get_settings
    from training.evaluate_layout import evaluate_extraction, unseen_family_set

    report = evaluate_extraction(
        artifact=args.artifact,
        data=args.data,
        n_po=args.n_po,
        n_contract=args.n_contract,
        scanned_share=args.scanned_share,
        funsd=args.funsd,
        funsd_epochs=args.funsd_epochs,
        out=None,
        figures_dir=args.figures,
        data_dir=get_settings().data_dir,
    )
    if args.funsd_result is not None:
        from training.evaluate_layout import PAPER_FUNSD

        report["funsd"] = {**json.loads(args.funsd_result.read_text()), "published": PAPER_FUNSD}
    if args.kleister_docs > 0:
        from models.layout.artifact import load_bundle
        from training.evaluate_layout import evaluate_kleister

        report["kleister_nda"] = evaluate_kleister(load_bundle(args.artifact), args.kleister, n=args.kleister_docs)
    if args.data is not None:
        born = [d for d in unseen_family_set(args.data, [], 0, 0, 0.0, 0) if not d.scanned][: args.latency_docs]
        if born:
            report["latency_one_core"] = one_core_latency(args.artifact, born)
    args.out.parent.mkdir(parents=True, exist_ok=True)
    args.out.write_text(json.dumps(report, indent=2, default=str))
    print(json.dumps(report, indent=2, default=str))


if __name__ == "__main__":
    main()
