"""CPU seconds per page of the served pipeline (``extraction.pipeline``, extractor ``auto``), stage by stage.

    python bench/bench_speed.py --data var/b1dev --out bench/results/speed-b1dev.json
    python bench/bench_speed.py --data var/b1dev --profile 25      # and the 25 costliest functions (cProfile)

Each document is read once, as the service reads it; every pipeline stage is timed in CPU seconds of this process
(``time.process_time``: all its threads) plus its finished children (Tesseract), and the extractor's own steps apart:
the heuristic, the gate, the layout model's tagging (tokenisation and the network) and grouping, the combiner and
the learned confidence. CPU time, unlike wall time, holds on a shared machine. The first document pays for loading
the models; it is reported apart (``warm-up``) and left out of the per-page figures. Born-digital and scanned pages
are reported apart; for scans the ratio to bare one-thread ``tesseract`` on the same page images is given too.
"""

from __future__ import annotations

import argparse
import cProfile
import gc
import io
import json
import os
import pstats
import resource
import sys
import threading
import time
from collections import defaultdict
from collections.abc import Callable, Iterator
from contextlib import contextmanager
from pathlib import Path
from types import FrameType
from typing import Any

sys.path.insert(0, str(Path(__file__).resolve().parents[1]))

from bench.bench_extraction import bare_tesseract_cpu, label_files, score_document  # noqa: E402
from extraction import pipeline  # noqa: E402

RESULTS = Path(__file__).resolve().parent / "results"


def cpu_seconds() -> tuple[float, float]:
    """CPU time of this process (all its threads) and of its finished children (Tesseract runs as one)."""
    children = resource.getrusage(resource.RUSAGE_CHILDREN)
    return time.process_time(), children.ru_utime + children.ru_stime


class StageClock:
    """CPU seconds spent in named steps of one document; nested steps are counted apart from their callers.
    Child processes' CPU (Tesseract) is counted apart too, as ``<step>: tesseract``."""

    def __init__(self) -> None:
        self.seconds: dict[str, float] = defaultdict(float)
        self._stack: list[list[float]] = []  # per open step: own and children's CPU at its start, then nested
        self._names: list[str] = []
        self._lock = threading.Lock()
        self.passes: dict[str, list[float]] = defaultdict(lambda: [0, 0.0])  # Tesseract read: [reads, CPU s]

    def charge_tesseract(self, seconds: float) -> None:
        """CPU that Tesseract spent in this process (libtesseract, any thread): the open step's ``: tesseract``."""
        with self._lock:
            if self._names:
                self.seconds[self._names[-1]] -= seconds
                self.seconds[f"{self._names[-1]}: tesseract"] += seconds

    def count_pass(self, name: str, seconds: float) -> None:
        """One Tesseract read of kind ``name`` (``tesseract_pass``) and its CPU."""
        with self._lock:
            self.passes[name][0] += 1
            self.passes[name][1] += seconds

    @contextmanager
    def step(self, name: str) -> Iterator[None]:
        self._stack.append([*cpu_seconds(), 0.0, 0.0])
        self._names.append(name)
        try:
            yield
        finally:
            self._names.pop()
            own, child, nested_own, nested_child = self._stack.pop()
            now_own, now_child = cpu_seconds()
            spent_own, spent_child = now_own - own, now_child - child
            self.seconds[name] += spent_own - nested_own
            if spent_child - nested_child > 0:
                self.seconds[f"{name}: tesseract"] += spent_child - nested_child
            if self._stack:
                self._stack[-1][2] += spent_own
                self._stack[-1][3] += spent_child

    def wrap(self, owner: Any, attribute: str, name: str) -> Callable[[], None]:
        """Time ``owner.attribute`` (a function or method) as step ``name``; returns the undo."""
        original = getattr(owner, attribute)

        def timed(*args: Any, **kwargs: Any) -> Any:
            with self.step(name):
                return original(*args, **kwargs)

        setattr(owner, attribute, timed)
        return lambda: setattr(owner, attribute, original)


# Functions that hand an image to Tesseract for someone else: a read is named after the first caller outside them
_PLUMBING = {"tesseract_data", "_read_crops", "read_regions"}


def tesseract_pass(config: str, lang: str, frame: FrameType | None) -> str:
    """What a Tesseract read was for: the function that asked for it, its languages and page segmentation mode
    ('first_reading eng psm 3': the page; 'finish swe+eng psm 3': the page again in its language; '_read rus+eng
    psm 3': in its script; '_reread_rows eng psm 6 digits': a crop sheet of numbers). ``frame``: the caller's
    frame."""
    while frame is not None and frame.f_code.co_name in _PLUMBING:
        frame = frame.f_back
    caller = frame.f_code.co_name if frame is not None else "?"
    settings = config.split()
    psm = settings[settings.index("--psm") + 1] if "--psm" in settings[:-1] else "3"
    return f"{caller} {lang} psm {psm}" + (" digits" if "whitelist" in config else "")


def instrument(clock: StageClock, extractor: Any) -> list[Callable[[], None]]:
    """The extractor's own steps timed inside the pipeline's ``extract_stage``, and Tesseract read in this process
    (``ocr._TesseractApi``) counted apart like the ``tesseract`` command's CPU."""
    from extraction import ocr
    from models.layout import combine

    in_process = vars(ocr._TesseractApi)["data"]
    library = ocr._TesseractApi.library()
    loading = threading.local()  # CPU the reading thread spent loading models inside the read under way

    def tesseract(*args: Any) -> Any:
        loading.seconds = 0.0
        start = time.thread_time()  # the reading thread's own CPU: the library runs in it
        read = in_process.__func__(ocr._TesseractApi, *args)
        if read is not None:
            spent = time.thread_time() - start
            clock.charge_tesseract(spent)
            _, config, lang, *_ = args
            clock.count_pass(tesseract_pass(config, lang, sys._getframe(1)), spent - loading.seconds)
            if loading.seconds:
                clock.count_pass(f"model load {lang}", loading.seconds)
        return read

    ocr._TesseractApi.data = tesseract  # type: ignore[method-assign, assignment]
    undo = [lambda: setattr(ocr._TesseractApi, "data", in_process), clock.wrap(combine, "model_decides", "gate")]
    if library is not None:
        # a language's models are loaded on its first read in a process (and again where more handles are asked
        # for than are kept): counted as their own pass, not as the read's
        init = library.TessBaseAPIInit2

        def load(*args: Any) -> Any:
            start = time.thread_time()
            try:
                return init(*args)
            finally:
                loading.seconds = getattr(loading, "seconds", 0.0) + time.thread_time() - start

        library.TessBaseAPIInit2 = load
        undo.append(lambda: setattr(library, "TessBaseAPIInit2", init))
    if isinstance(extractor, combine.CombinedExtractor):
        undo += [
            clock.wrap(extractor, "read_heuristic", "heuristic"),
            clock.wrap(extractor.layout, "tag", "layout model: tag"),
            clock.wrap(extractor.layout, "assemble", "layout model: group"),
            clock.wrap(combine, "combine", "combiner"),
            clock.wrap(combine, "apply_confidence", "confidence"),
        ]
    return undo


def measure(
    data_dir: Path,
    extractor_kind: str,
    limit: int | None,
    profile: cProfile.Profile | None,
    only: str | None = None,
    outputs: Path | None = None,
    country: bool = False,
) -> dict[str, Any]:
    """``only``: ``born_digital`` or ``scanned`` documents (by their labels) instead of all. ``outputs``: a folder
    to write each document's extraction (the contract payload) and its pages' words into, to compare two runs.
    ``country``: each document read as for a caller who gives its customer's country (``label_country``)."""
    from extraction.loading import Limits
    from extraction.ocr import country_language
    from models.layout.combine import best_extractor

    extractor = best_extractor(extractor_kind)
    import pytesseract  # noqa: F401  (pandas, about a second: not a page's cost)

    from extraction.recogniser import load_second_reader

    load_second_reader()  # loaded once per process as the service loads it, with the extractor: not a page's cost
    gc.freeze()  # as the service does once its models are loaded (``documents.extractor_for``)

    rows: list[dict[str, Any]] = []
    for path in label_files(data_dir, limit):
        label = json.loads(path.read_text())
        kind = "scanned" if label.get("scanned") else "born_digital"
        if "truth" not in label or only not in (None, kind):
            continue
        data = (data_dir / label["file"]).read_bytes()
        clock = StageClock()
        undo = instrument(clock, extractor)
        limits = Limits(language=country_language(label_country(label))) if country else Limits()
        job = pipeline.ExtractionJob(data, label["file"], label.get("doc_type"), limits, extractor)
        if profile is not None and rows:  # the warm-up document's model loading is not profiled
            profile.enable()
        try:
            for stage in pipeline.PIPELINE:
                with clock.step(stage.__name__.removesuffix("_stage")):
                    job = stage(job)
        finally:
            if profile is not None:
                profile.disable()
            for restore in reversed(undo):
                restore()
        assert job.document is not None and job.extraction is not None
        if outputs is not None:
            write_outputs(outputs / f"{path.stem}.json", path.stem, job)
        ocr = any(page.source == "ocr" for page in job.document.pages)
        row = {
            "id": path.stem,
            "scanned": ocr,
            "pages": job.document.page_count,
            "cpu_seconds": round(sum(clock.seconds.values()), 4),
            "stages": {name: round(s, 4) for name, s in clock.seconds.items()},
            "tesseract_passes": {name: [n, round(s, 4)] for name, (n, s) in clock.passes.items()},
            "layout_model_ran": "layout model: tag" in clock.seconds,
            "score": score_document(label["truth"], job.extraction),
        }
        if ocr:
            row["bare_tesseract_cpu_seconds"] = round(bare_tesseract_cpu(data, label["file"]), 4)
        rows.append(row)
    return {
        "data": str(data_dir),
        "extractor": extractor_kind,
        "warm_up": rows[0] if rows else None,
        "groups": {
            "born_digital": summarise([r for r in rows[1:] if not r["scanned"]]),
            "scanned": summarise([r for r in rows[1:] if r["scanned"]]),
        },
        # what was read, over every document (the warm-up one too): a speed change must not read less
        "accuracy": {
            "born_digital": accuracy([r for r in rows if not r["scanned"]]),
            "scanned": accuracy([r for r in rows if r["scanned"]]),
        },
        "documents": rows,
    }


def label_country(label: dict[str, Any]) -> str | None:
    """The country a caller would give for a study document: the territory of the locale it was printed in
    ('fr_GN' -> 'GN'; None where the locale names none, 'da')."""
    locale = str(label.get("features", {}).get("lang") or "")
    territory = locale.split("_")[-1] if "_" in locale else ""
    return territory if len(territory) == 2 and territory.isupper() else None


def write_outputs(path: Path, document_id: str, job: pipeline.ExtractionJob) -> None:
    """What a run read and extracted from one document, timing left out: two runs of the same files compare equal
    exactly where a change read and extracted the same."""
    assert job.document is not None and job.extraction is not None
    pages = [
        [[word.text, word.confidence, [round(x, 6) for x in word.bbox]] for word in page.words]
        for page in job.document.pages
    ]
    path.parent.mkdir(parents=True, exist_ok=True)
    path.write_text(json.dumps({"extraction": job.extraction.to_contract(document_id), "words": pages}, indent=0))


def summarise(rows: list[dict[str, Any]]) -> dict[str, Any]:
    pages = sum(r["pages"] for r in rows)
    if not pages:
        return {"documents": 0}
    stages: dict[str, float] = defaultdict(float)
    for row in rows:
        for name, seconds in row["stages"].items():
            stages[name] += seconds
    total = sum(r["cpu_seconds"] for r in rows)
    out: dict[str, Any] = {
        "documents": len(rows),
        "pages": pages,
        "cpu_seconds_per_page": round(total / pages, 4),
        "stage_cpu_seconds_per_page": {
            name: round(s / pages, 4) for name, s in sorted(stages.items(), key=lambda kv: -kv[1])
        },
        "layout_model_pages": sum(r["pages"] for r in rows if r["layout_model_ran"]),
    }
    passes: dict[str, list[float]] = defaultdict(lambda: [0, 0.0])
    for row in rows:
        for name, (n, seconds) in row.get("tesseract_passes", {}).items():
            passes[name][0] += n
            passes[name][1] += seconds
    if passes:
        # each kind of Tesseract read (in this process): how many, and their CPU per page of the group
        out["tesseract_passes"] = {
            name: {"reads": int(n), "cpu_seconds_per_page": round(s / pages, 4)}
            for name, (n, s) in sorted(passes.items(), key=lambda kv: -kv[1][1])
        }
    bare = sum(r.get("bare_tesseract_cpu_seconds", 0.0) for r in rows)
    if bare:
        out["bare_tesseract_cpu_seconds_per_page"] = round(bare / pages, 4)
        out["ratio_to_bare_tesseract"] = round(total / bare, 3)
    return out


def accuracy(rows: list[dict[str, Any]]) -> dict[str, Any]:
    """Header exact and line F1 as ``bench_extraction`` scores them."""
    fields = [ok for r in rows for ok in r["score"]["fields"].values()]
    correct = sum(r["score"]["lines_correct"] for r in rows)
    true, pred = sum(r["score"]["lines_true"] for r in rows), sum(r["score"]["lines_pred"] for r in rows)
    return {
        "documents": len(rows),
        "header_exact_match": round(sum(fields) / len(fields), 4) if fields else None,
        "line_f1": round(2 * correct / (true + pred), 4) if true + pred else None,
    }


def show(report: dict[str, Any]) -> None:
    print(f"CPU per page by stage, {report['data']} (extractor {report['extractor']})")
    warm = report["warm_up"]
    if warm:
        print(f"  warm-up document {warm['id']}: {warm['cpu_seconds']:.2f} CPU s (models loaded), left out")
    for name, group in report["groups"].items():
        if not group.get("documents"):
            continue
        ratio = group.get("ratio_to_bare_tesseract")
        print(
            f"  {name}: {group['documents']} documents, {group['pages']} pages, {group['cpu_seconds_per_page']:.4f} "
            f"CPU s/page{'' if ratio is None else f', {ratio:.2f}x bare Tesseract'}, "
            f"layout model on {group['layout_model_pages']} pages"
        )
        for stage, seconds in group["stage_cpu_seconds_per_page"].items():
            print(f"    {stage:<24}{seconds:>9.4f}")
        for name, read in group.get("tesseract_passes", {}).items():
            print(f"    Tesseract, {name:<38}{read['cpu_seconds_per_page']:>9.4f}  ({read['reads']} reads)")
    for name, scores in report["accuracy"].items():
        if scores["documents"]:
            print(f"  {name} accuracy: header exact {scores['header_exact_match']}, line F1 {scores['line_f1']}")


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    parser.add_argument("--data", type=Path, required=True, help="a generated folder (<id>.json labels beside files)")
    parser.add_argument("--extractor", default="auto", choices=["heuristic", "layout", "auto"])
    parser.add_argument("--limit", type=int, default=None)
    parser.add_argument("--only", choices=["born_digital", "scanned"], default=None, help="these documents only")
    parser.add_argument("--profile", type=int, default=0, help="print this many functions by cumulative CPU")
    parser.add_argument("--out", type=Path, default=None, help="JSON report (default bench/results/speed-<data>.json)")
    parser.add_argument("--outputs", type=Path, default=None, help="a folder for each document's extraction and words")
    parser.add_argument(
        "--country",
        action="store_true",
        help="give each document's customer's country as a caller would (the territory of its label's locale): "
        "scanned pages are read in its language first",
    )
    args = parser.parse_args()
    os.environ.setdefault("OMP_THREAD_LIMIT", "1")
    profile = cProfile.Profile(time.process_time) if args.profile else None
    report = measure(args.data, args.extractor, args.limit, profile, args.only, args.outputs, args.country)
    show(report)
    if profile is not None:
        text = io.StringIO()
        pstats.Stats(profile, stream=text).sort_stats("cumulative").print_stats(args.profile)
        print(text.getvalue())
    out = args.out or RESULTS / f"speed-{args.data.name}.json"
    out.parent.mkdir(parents=True, exist_ok=True)
    out.write_text(json.dumps(report, indent=1))
    print(f"wrote {out}")


if __name__ == "__main__":
    main()
