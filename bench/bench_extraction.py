"""Extraction quality and speed on labelled documents from the document factory.

    python bench/bench_extraction.py --data DIR            # a directory of <id>.json labels + files
    python bench/bench_extraction.py --generate 40 --scanned-share 0.25 --seed 7
    python bench/bench_extraction.py --protocol 60 --scanned-share 0.25 --seed 7   # the generalisation protocol
    python bench/bench_extraction.py --blind 40 --split test --scanned-share 0.25 --seed 5151   # blind families

``--protocol N`` is the headline: N documents of held-out layout families printing held-out vocabulary
(training/factory/heldout.py; neither the heuristic's tables nor the layout model's training data hold their
words), reported first, then N in-family documents of the factory's own generators; written to
bench/results/extraction_protocol.json.

``--blind N`` measures the blind families (training/factory/blind.py: layouts and captions written without reading
the extractor), the ``--split`` dev half, test half or all; written to bench/results/blind-<split>.json.
``--blind-set K`` takes blind set K instead (2 and up: training/factory/blind2.py, blind3.py ..., listed in
training/factory/blindsets.py; written to bench/results/blindK-<split>.json).

Measures header-field exact match (per field and overall), line-item precision/recall/F1
(a line counts only when every labelled cell is right), born-digital and scanned apart,
and seconds per page. Prints a table and writes bench/results/extraction.json.

Scans are also timed in CPU seconds (this process and its Tesseract children), against bare one-thread
``tesseract`` (its defaults) on the same page images: ``ocr_cpu_ratio``. CPU time, unlike wall time, holds on a
shared, loaded machine.
"""

from __future__ import annotations

import argparse
import json
import os
import platform
import resource
import subprocess
import sys
import tempfile
import time
from collections import defaultdict
from pathlib import Path
from typing import Any

sys.path.insert(0, str(Path(__file__).resolve().parents[1]))

from extraction.errors import DocumentError  # noqa: E402
from extraction.pipeline import extract  # noqa: E402
from extraction.result import HEADER_FIELDS, LINE_FIELDS, Extraction  # noqa: E402
from training.factory.blindsets import BLIND_SETS, blind_set_generator, blind_set_help  # noqa: E402

RESULTS = Path(__file__).resolve().parent / "results" / "extraction.json"
PROTOCOL_RESULTS = RESULTS.with_name("extraction_protocol.json")


def _same(expected: Any, got: Any) -> bool:
    if expected is None:
        return got is None
    if got is None:
        return False
    if isinstance(expected, str) and isinstance(got, str):
        return " ".join(expected.split()) == " ".join(got.split())
    return expected == got


def _encoded(extraction: Extraction) -> tuple[dict[str, Any], list[dict[str, Any]]]:
    payload = extraction.to_contract("bench")
    fields = {name: cell["value"] for name, cell in payload["fields"].items()}
    lines = [
        {name: cell["value"] for name, cell in item.items() if isinstance(cell, dict)} for item in payload["line_items"]
    ]
    # numbers compare as numbers: '5.0' and '5.00' are the same quantity
    for row in [fields, *lines]:
        for name, value in row.items():
            if (HEADER_FIELDS.get(name) == "decimal" or LINE_FIELDS.get(name) == "decimal") and value is not None:
                row[name] = float(value)
    return fields, lines


def _numeric_truth(row: dict[str, Any]) -> dict[str, Any]:
    out = {}
    for name, value in row.items():
        decimal = HEADER_FIELDS.get(name) == "decimal" or LINE_FIELDS.get(name) == "decimal"
        out[name] = float(value) if decimal and value is not None else value
    return out


def score_document(truth: dict[str, Any], extraction: Extraction) -> dict[str, Any]:
    got_fields, got_lines = _encoded(extraction)
    want_fields = _numeric_truth({k: v for k, v in truth.get("fields", {}).items() if v is not None})
    fields = {name: _same(value, got_fields.get(name)) for name, value in want_fields.items()}
    spurious = [name for name in got_fields if name in HEADER_FIELDS and name not in want_fields]
    want_lines = [_numeric_truth(line) for line in truth.get("line_items", [])]
    unmatched = list(range(len(got_lines)))
    correct = 0
    for line in want_lines:
        for index in unmatched:
            got = got_lines[index]
            if all(_same(value, got.get(name)) for name, value in line.items() if value is not None):
                correct += 1
                unmatched.remove(index)
                break
    return {
        "fields": fields,
        "spurious_fields": spurious,
        "lines_true": len(want_lines),
        "lines_pred": len(got_lines),
        "lines_correct": correct,
    }


def _summary(rows: list[dict[str, Any]]) -> dict[str, Any]:
    if not rows:
        return {"documents": 0}
    per_field: dict[str, list[bool]] = defaultdict(list)
    for row in rows:
        for name, ok in row["fields"].items():
            per_field[name].append(ok)
    all_fields = [ok for oks in per_field.values() for ok in oks]
    true = sum(r["lines_true"] for r in rows)
    pred = sum(r["lines_pred"] for r in rows)
    correct = sum(r["lines_correct"] for r in rows)
    precision = correct / pred if pred else 0.0
    recall = correct / true if true else 0.0
    pages = sum(r["pages"] for r in rows)
    seconds = sum(r["seconds"] for r in rows)
    return {
        "documents": len(rows),
        "pages": pages,
        "errors": sum(1 for r in rows if r.get("error")),
        "header_exact_match": round(sum(all_fields) / len(all_fields), 4) if all_fields else None,
        "header_per_field": {name: round(sum(oks) / len(oks), 4) for name, oks in sorted(per_field.items())},
        "spurious_fields_per_doc": round(sum(len(r["spurious_fields"]) for r in rows) / len(rows), 3),
        "line_precision": round(precision, 4),
        "line_recall": round(recall, 4),
        "line_f1": round(2 * precision * recall / (precision + recall), 4) if precision + recall else 0.0,
        "seconds_per_page": round(seconds / pages, 4) if pages else None,
        "needs_review_share": round(sum(r["needs_review"] for r in rows) / len(rows), 4),
        **_cpu_summary(rows),
    }


def _cpu_summary(rows: list[dict[str, Any]]) -> dict[str, Any]:
    timed = [r for r in rows if r.get("bare_tesseract_cpu_seconds")]
    if not timed:
        return {}
    cpu, bare = sum(r["cpu_seconds"] for r in timed), sum(r["bare_tesseract_cpu_seconds"] for r in timed)
    pages = sum(r["pages"] for r in timed)
    return {
        "cpu_seconds_per_page": round(cpu / pages, 4),
        "bare_tesseract_cpu_seconds_per_page": round(bare / pages, 4),
        "ocr_cpu_ratio": round(cpu / bare, 3),
    }


def _cpu_seconds() -> float:
    """CPU time of this process (all threads) and its finished children (Tesseract)."""
    own, children = resource.getrusage(resource.RUSAGE_SELF), resource.getrusage(resource.RUSAGE_CHILDREN)
    return own.ru_utime + own.ru_stime + children.ru_utime + children.ru_stime


def bare_tesseract_cpu(data: bytes, name: str) -> float:
    """CPU seconds plain ``tesseract page.png -`` (one thread, default settings) takes on the scan's pages, the
    page images being those the loader reads (PDF pages rendered at its OCR resolution)."""
    import pypdfium2 as pdfium

    from extraction.loading import Limits, _image_frames, sniff_media_type

    limits = Limits()
    if sniff_media_type(data) == "application/pdf":
        pdf = pdfium.PdfDocument(data)
        frames = [page.render(scale=limits.ocr_dpi / 72, grayscale=True).to_pil() for page in pdf]
        pdf.close()
    else:
        frames = _image_frames(data, name, limits)
    seconds = 0.0
    with tempfile.TemporaryDirectory(prefix="bare-ocr-") as folder:
        for index, frame in enumerate(frames):
            path = Path(folder) / f"{index}.png"
            frame.save(path)
            before = resource.getrusage(resource.RUSAGE_CHILDREN)
            env = {**os.environ, "OMP_THREAD_LIMIT": "1"}
            subprocess.run(["tesseract", str(path), "-"], env=env, capture_output=True, check=True)
            after = resource.getrusage(resource.RUSAGE_CHILDREN)
            seconds += after.ru_utime + after.ru_stime - before.ru_utime - before.ru_stime
    return seconds


def label_files(data_dir: Path, limit: int | None = None) -> list[Path]:
    """The documents' label files of a generated folder, sorted, the first ``limit``."""
    return sorted(
        p for p in data_dir.glob("*.json") if not p.name.endswith(".invoices.json") and p.name != "dataset_card.json"
    )[:limit]


def run(data_dir: Path, limit: int | None = None, extractor_kind: str = "heuristic") -> dict[str, Any]:
    labels = label_files(data_dir, limit)
    from models.layout.combine import best_extractor

    extractor = best_extractor(extractor_kind)
    import pytesseract  # noqa: F401  (imported before the clock starts: it takes pandas, about a second)

    from extraction.recogniser import load_second_reader

    load_second_reader()  # loaded once per process as the service loads it, with the extractor: not a page's cost

    rows: list[dict[str, Any]] = []
    for path in labels:
        label = json.loads(path.read_text())
        if "truth" not in label:
            continue
        data = (data_dir / label["file"]).read_bytes()
        started, cpu_started = time.perf_counter(), _cpu_seconds()
        try:
            document, extraction = extract(
                data, label["file"], doc_type_hint=label.get("doc_type"), extractor=extractor
            )
        except DocumentError as error:
            failed = {"id": path.stem, "scanned": bool(label.get("scanned")), "error": error.code, "fields": {}}
            failed.update(spurious_fields=[], lines_true=len(label["truth"].get("line_items", [])), lines_pred=0)
            failed.update(lines_correct=0, pages=1, seconds=0.0, needs_review=True)
            rows.append(failed)
            continue
        seconds, cpu = time.perf_counter() - started, _cpu_seconds() - cpu_started
        row = score_document(label["truth"], extraction)
        if label.get("scanned"):
            row.update(cpu_seconds=cpu, bare_tesseract_cpu_seconds=bare_tesseract_cpu(data, label["file"]))
        row.update(
            id=path.stem,
            kind=label.get("kind"),
            scanned=bool(label.get("scanned")),
            pages=document.page_count,
            seconds=seconds,
            needs_review=extraction.needs_review,
        )
        rows.append(row)
    groups = {
        "all": rows,
        "born_digital": [r for r in rows if not r["scanned"]],
        "scanned": [r for r in rows if r["scanned"]],
    }
    kinds = sorted({r.get("kind") for r in rows if r.get("kind")})
    for kind in kinds:
        groups[f"kind={kind}"] = [r for r in rows if r.get("kind") == kind]
    worst = sorted(rows, key=lambda r: sum(r["fields"].values()) / max(1, len(r["fields"])))[:5]
    return {
        "extractor": extractor_kind,
        "model_version": getattr(getattr(extractor, "layout", None), "version", None),
        "data": str(data_dir),
        "machine": {
            "python": platform.python_version(),
            "cpus": os.cpu_count(),
            "omp_thread_limit": os.environ.get("OMP_THREAD_LIMIT"),
        },  # noqa: E501
        "groups": {name: _summary(group) for name, group in groups.items()},
        "worst_documents": [
            {"id": r["id"], "wrong_fields": [k for k, ok in r["fields"].items() if not ok]} for r in worst
        ],
    }


def run_protocol(
    n: int, seed: int, scanned_share: float, extractor_kind: str, limit: int | None, keep: Path | None = None
) -> dict[str, Any]:
    """Held-out families + held-out vocabulary first, in-family second; both printed and returned.

    ``keep`` keeps the generated documents there (held_out/, in_family/), e.g. to run another extractor on them.
    """
    from training.factory.generate import generate
    from training.factory.heldout import generate_heldout

    report: dict[str, Any] = {"protocol": {"documents_per_part": n, "seed": seed, "scanned_share": scanned_share,
                                           "extractor": extractor_kind}}  # fmt: skip
    with tempfile.TemporaryDirectory(prefix="bench-protocol-") as tmp:
        root = keep or Path(tmp)
        held, seen = root / "held_out", root / "in_family"
        generate_heldout(n, held, seed=seed, scanned_share=scanned_share)
        generate("invoice", n, seen, seed=seed, scanned_share=scanned_share, workers=1, progress=False)
        for name, folder in (("held_out", held), ("in_family", seen)):
            part = run(folder, limit, extractor_kind)
            part["data"] = name
            print(f"== {name.replace('_', ' ')} ==")
            _print(part)
            report[name] = part
    return report


def run_blind(
    n: int,
    seed: int,
    scanned_share: float,
    extractor_kind: str,
    limit: int | None,
    split: str,
    keep: Path | None,
    blind_set: int = 1,
) -> dict[str, Any]:
    """N documents of the blind families of ``split`` (born-digital and scanned), scored like the others;
    ``blind_set`` picks the set from training/factory/blindsets.py (2 and up: blind2.py, blind3.py ...)."""
    generate_blind = blind_set_generator(blind_set)  # imported here: the generators pull in reportlab

    with tempfile.TemporaryDirectory(prefix="bench-blind-") as tmp:
        folder = keep or Path(tmp)
        generate_blind(n, folder, seed=seed, scanned_share=scanned_share, split=split)
        report = run(folder, limit, extractor_kind)
    report["data"] = f"blind families{f' (set {blind_set})' if blind_set > 1 else ''}, {split}"
    report["params"] = {"blind": n, "split": split, "seed": seed, "scanned_share": scanned_share,
                        "extractor": extractor_kind, "blind_set": blind_set}  # fmt: skip
    return report


def _print(report: dict[str, Any]) -> None:
    print(f"extraction bench on {report['data']}")
    head = f"{'group':<14}{'docs':>6}{'pages':>7}{'header EM':>11}{'line P':>8}{'line R':>8}{'line F1':>9}{'s/page':>9}"
    head += f"{'cpu/page':>10}{'x bare':>8}"
    print(head)
    for name, s in report["groups"].items():
        if not s.get("documents"):
            continue
        print(
            f"{name:<14}{s['documents']:>6}{s['pages']:>7}{s['header_exact_match'] or 0:>11.3f}"
            f"{s['line_precision']:>8.3f}{s['line_recall']:>8.3f}{s['line_f1']:>9.3f}{s['seconds_per_page'] or 0:>9.3f}"
            + (f"{s['cpu_seconds_per_page']:>10.3f}{s['ocr_cpu_ratio']:>8.2f}" if "ocr_cpu_ratio" in s else "")
        )
    shown = [name for name, s in report["groups"].items() if s.get("documents") and s.get("header_per_field")]
    print("per field:" + "".join(f"{name[:13]:>14}" for name in shown))
    fields = sorted({f for name in shown for f in report["groups"][name]["header_per_field"]})
    for field in fields:
        cells = [report["groups"][name]["header_per_field"].get(field) for name in shown]
        print(f"  {field:<18}" + "".join(f"{'-' if c is None else format(c, '.3f'):>14}" for c in cells))


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    parser.add_argument("--data", type=Path, help="directory of factory output (<id>.json labels beside the files)")
    parser.add_argument("--generate", type=int, default=0, help="generate this many documents with training.factory")
    parser.add_argument("--kind", default="po", choices=["po", "contract", "invoice"])
    parser.add_argument("--scanned-share", type=float, default=0.25)
    parser.add_argument("--seed", type=int, default=7)
    parser.add_argument("--workers", type=int, default=1)
    parser.add_argument("--limit", type=int, default=None)
    parser.add_argument(
        "--protocol", type=int, default=0, help="N held-out family/vocabulary documents first, then N in-family ones"
    )
    parser.add_argument("--blind", type=int, default=0, help="N documents of the blind families (see --split)")
    parser.add_argument("--split", default="test", choices=["dev", "test", "all"], help="with --blind: which half")
    parser.add_argument(
        "--blind-set",
        type=int,
        default=1,
        choices=sorted(BLIND_SETS),
        help=f"with --blind: which set's families ({blind_set_help()})",
    )
    parser.add_argument(
        "--keep", type=Path, default=None, help="with --protocol or --blind: keep the documents in this folder"
    )
    parser.add_argument("--out", type=Path, default=RESULTS)
    parser.add_argument(
        "--extractor", default="heuristic", choices=["heuristic", "layout", "auto"], help="auto: what the service runs"
    )
    args = parser.parse_args()
    os.environ.setdefault("OMP_THREAD_LIMIT", "1")
    if args.protocol:
        report = run_protocol(args.protocol, args.seed, args.scanned_share, args.extractor, args.limit, args.keep)
        out = args.out if args.out != RESULTS else PROTOCOL_RESULTS
        out.parent.mkdir(parents=True, exist_ok=True)
        out.write_text(json.dumps(report, indent=1))
        print(f"wrote {out}")
        return
    if args.blind:
        report = run_blind(
            args.blind, args.seed, args.scanned_share, args.extractor, args.limit, args.split, args.keep, args.blind_set
        )
        _print(report)
        name = f"blind{args.blind_set if args.blind_set > 1 else ''}-{args.split}.json"
        out = args.out if args.out != RESULTS else RESULTS.with_name(name)
        out.parent.mkdir(parents=True, exist_ok=True)
        out.write_text(json.dumps(report, indent=1))
        print(f"wrote {out}")
        return
    if args.data is None and not args.generate:
        parser.error("give --data DIR, --generate N or --protocol N")
    with tempfile.TemporaryDirectory(prefix="bench-extraction-") as tmp:
        data_dir = args.data
        if data_dir is None:
            from training.factory.generate import generate

            data_dir = Path(tmp)
            generate(args.kind, args.generate, data_dir, seed=args.seed, scanned_share=args.scanned_share,
                     workers=args.workers, progress=False)  # fmt: skip
        report = run(data_dir, args.limit, args.extractor)
        report["params"] = {"generate": args.generate, "kind": args.kind, "scanned_share": args.scanned_share,
                            "seed": args.seed, "limit": args.limit, "extractor": args.extractor}  # fmt: skip
    _print(report)
    args.out.parent.mkdir(parents=True, exist_ok=True)
    args.out.write_text(json.dumps(report, indent=1))
    print(f"wrote {args.out}")


if __name__ == "__main__":
    main()
