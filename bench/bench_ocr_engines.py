"""OCR engines word by word on scanned pages: Tesseract (bare, and as the service reads) against rapidocr (PP-OCR
detection and recognition, its models inside its wheel), and the two combined by per-word confidence.

    python bench/bench_ocr_engines.py --data DIR [--data DIR ...] --cache /tmp/x/ocr --out bench/results/X.json

The truth is each scanned page's own label: the generator writes the born-digital document's text-layer words with
their boxes carried through the scan's skew (and a photo's perspective) onto the image (``training/factory/scan.py``
``project_box``, ``blind2.make_scan2``), i.e. the twin's words where they lie on the scan. Every engine reads the page
the service reads (``prepare_scan_levelled``: levelled, greyscale on white, rules out); the true boxes are turned by the
same angle. Photographed pages (cut out and straightened by ``unwarp_photo``) are left out: their true boxes are not
in the straightened frame.

Scores, per true word with a letter or digit: the OCR words whose boxes lie mostly inside it, joined left to right,
against its text: exact, case-insensitive, digit tokens (true words with a digit: quantities, prices, amounts, codes)
exact, and character error rate (edit distance over true characters). CPU seconds per page on one thread
(OMP_THREAD_LIMIT=1, onnxruntime one thread).

Engines: ``tesseract-bare`` (one ``--psm 3 --oem 1`` call), ``tesseract`` (``TesseractEngine.words``: language, re-reads
of doubtful and missed words), ``rapidocr`` (whole page), ``combo-page`` (Tesseract's word unless its confidence is
under a threshold and rapidocr's word over it is more confident) and ``combo-crops`` (the same, rapidocr's recogniser
reading only the crops of Tesseract's doubtful words: no detection, no whole page). The threshold is chosen on one
half of the documents (even positions in name order) and reported on the other.
"""

from __future__ import annotations

import argparse
import bisect
import json
import os
import pickle
import sys
import time
from pathlib import Path
from typing import Any

os.environ.setdefault("OMP_THREAD_LIMIT", "1")
sys.path.insert(0, str(Path(__file__).resolve().parents[1]))

import numpy as np  # noqa: E402
from PIL import Image  # noqa: E402
from rapidfuzz.distance import Levenshtein  # noqa: E402

from extraction.document import Word  # noqa: E402
from extraction.loading import Limits, _image_frames, _render_scale  # noqa: E402
from extraction.ocr import (  # noqa: E402
    TesseractEngine,
    clean_ocr_text,
    prepare_scan_levelled,
    tesseract_data,
    words_from_data,
)
from extraction.photo import unwarp_photo  # noqa: E402
from training.factory.scan import project_box  # noqa: E402

Box = tuple[float, float, float, float]
Row = dict[Any, Any]  # a page read: words, truth, CPU, and scores kept under tuple keys
THRESHOLDS = [round(0.05 * k, 2) for k in range(4, 20)]  # 0.20 .. 0.95
CROP_BELOW = max(THRESHOLDS)  # crops read for every word any threshold could replace


def rapid_engine() -> Any:
    from rapidocr import RapidOCR

    return RapidOCR(
        params={
            "Global.log_level": "error",
            "EngineConfig.onnxruntime.intra_op_num_threads": 1,
            "EngineConfig.onnxruntime.inter_op_num_threads": 1,
        }
    )


def page_images(data: Path, label: dict[str, Any]) -> list[Image.Image]:
    raw = (data / label["file"]).read_bytes()
    if label["file"].endswith(".pdf"):
        import pypdfium2 as pdfium

        pdf, images = pdfium.PdfDocument(raw), []
        limits = Limits()
        for page in pdf:
            width, height = page.get_size()
            images.append(page.render(scale=_render_scale(width, height, limits.ocr_dpi, limits.max_pixels)).to_pil())
            page.close()
        pdf.close()
        return images
    return _image_frames(raw, label["file"], Limits(), colour=True)


def rapid_words(engine: Any, image: Image.Image) -> list[Word]:
    rgb = np.stack([np.asarray(image.convert("L"))] * 3, axis=-1)
    out = engine(rgb, return_word_box=True)
    width, height = image.size
    words = []
    for line in out.word_results or ():
        for text, score, points in line:
            text = clean_ocr_text(str(text))
            if not text or points is None:
                continue
            xs, ys = [p[0] for p in points], [p[1] for p in points]
            words.append(
                Word(text, (min(xs) / width, min(ys) / height, max(xs) / width, max(ys) / height), float(score))
            )
    return words


def crop_reads(engine: Any, image: Image.Image, words: list[Word], below: float) -> dict[int, tuple[str, float]]:
    """rapidocr's recogniser on the crops of the words read with confidence under ``below``: index -> (text, score)."""
    width, height = image.size
    grey = np.asarray(image.convert("L"))
    picked, crops = [], []
    for i, word in enumerate(words):
        if word.confidence >= below:
            continue
        x0, y0, x1, y1 = word.bbox
        pad = max(2, round(0.25 * (y1 - y0) * height))
        box = (max(0, round(x0 * width) - pad), max(0, round(y0 * height) - pad),
               min(width, round(x1 * width) + pad), min(height, round(y1 * height) + pad))  # fmt: skip
        crop = grey[box[1] : box[3], box[0] : box[2]]
        if crop.size == 0:
            continue
        picked.append(i)
        crops.append(np.ascontiguousarray(np.stack([crop] * 3, axis=-1)))
    if not crops:
        return {}
    read = engine.recognize_txt(crops)
    return {i: (clean_ocr_text(str(t)), float(s)) for i, t, s in zip(picked, read.txts, read.scores, strict=True)}


def _cpu() -> float:
    return time.process_time()


def read_page(image: Image.Image, truth: list[dict[str, Any]], rapid: Any) -> Row | None:
    straight, corners = unwarp_photo(image)
    if corners is not None:
        return None
    prepared, angle = prepare_scan_levelled(straight)
    w, h = image.size
    true_words = []
    for word in truth:
        x0, y0, x1, y1 = project_box(word["box"], angle, w, h) if angle else word["box"]
        true_words.append((word["text"], (x0 / 1000, y0 / 1000, x1 / 1000, y1 / 1000)))
    row: Row = {"truth": true_words, "words": {}, "cpu": {}}
    started = _cpu()
    row["words"]["tesseract-bare"] = words_from_data(tesseract_data(prepared, "--psm 3 --oem 1"), *prepared.size)
    row["cpu"]["tesseract-bare"] = _cpu() - started
    started = _cpu()
    row["words"]["tesseract"] = TesseractEngine().words(prepared)
    row["cpu"]["tesseract"] = _cpu() - started
    started = _cpu()
    row["words"]["rapidocr"] = rapid_words(rapid, prepared)
    row["cpu"]["rapidocr"] = _cpu() - started
    started = _cpu()
    row["crops"] = crop_reads(rapid, prepared, row["words"]["tesseract"], CROP_BELOW)
    row["cpu"]["crops"] = _cpu() - started
    return row


# ---- scoring ---------------------------------------------------------------------------------------------------


def _inside(word: Box, true: Box) -> bool:
    across = min(word[2], true[2]) - max(word[0], true[0])
    down = min(word[3], true[3]) - max(word[1], true[1])
    area = max(1e-12, (word[2] - word[0]) * (word[3] - word[1]))
    return across > 0 and down > 0 and across * down >= 0.5 * area


def score(truth: list[tuple[str, Box]], words: list[Word]) -> dict[str, int]:
    out = dict.fromkeys(("words", "exact", "casefold", "digit_words", "digit_exact", "chars", "edits"), 0)
    out |= dict.fromkeys(("digit_lines", "digit_lines_right"), 0)
    by_row = sorted(words, key=lambda w: w.bbox[1])
    tops = [w.bbox[1] for w in by_row]
    for text, box in truth:
        if not any(c.isalnum() for c in text):
            continue
        # words whose top lies within a line's height of the true box's (a word mostly inside it does)
        reach = box[3] - box[1]
        near = by_row[bisect.bisect_left(tops, box[1] - reach) : bisect.bisect_right(tops, box[3])]
        read = "".join(w.text for w in sorted((w for w in near if _inside(w.bbox, box)), key=lambda w: w.bbox[0]))
        out["words"] += 1
        out["exact"] += read == text
        out["casefold"] += read.casefold() == text.casefold()
        if any(c.isdigit() for c in text):
            out["digit_words"] += 1
            out["digit_exact"] += read == text
        out["chars"] += len(text)
        out["edits"] += Levenshtein.distance(read, text)
    out["digit_lines"], out["digit_lines_right"] = line_digits(truth, words)
    return out


def true_lines(truth: list[tuple[str, Box]]) -> list[tuple[str, Box]]:
    """The true words with digits grouped into printed lines (a word whose middle lies within the line's height),
    as each line's digits in order and the box around them."""
    lines: list[list[tuple[str, Box]]] = []
    for text, box in sorted((t for t in truth if any(c.isdigit() for c in t[0])), key=lambda t: t[1][1]):
        middle = (box[1] + box[3]) / 2
        line = lines[-1] if lines else None
        if line and line[0][1][1] <= middle <= line[0][1][3]:
            line.append((text, box))
        else:
            lines.append([(text, box)])
    out = []
    for line in lines:
        digits = "".join(c for text, _ in sorted(line, key=lambda t: t[1][0]) for c in text if c.isdigit())
        boxes = [box for _, box in line]
        out.append((digits, (min(b[0] for b in boxes), min(b[1] for b in boxes), max(b[2] for b in boxes),
                             max(b[3] for b in boxes))))  # fmt: skip
    return out


def line_digits(truth: list[tuple[str, Box]], words: list[Word]) -> tuple[int, int]:
    """(lines with digits, lines whose digits the OCR read all and only, in order): the words whose middles lie in
    the line's box. Blind to how the engines split or join a number's groups ('12 960', '12.960')."""
    right = 0
    lines = true_lines(truth)
    for digits, (x0, y0, x1, y1) in lines:
        inside = [
            w for w in words if x0 <= (w.bbox[0] + w.bbox[2]) / 2 <= x1 and y0 <= (w.bbox[1] + w.bbox[3]) / 2 <= y1
        ]
        read = "".join(c for w in sorted(inside, key=lambda w: w.bbox[0]) for c in w.text if c.isdigit())
        right += read == digits
    return len(lines), right


def _overlap(a: Box, b: Box) -> float:
    """The share of the smaller box the two share."""
    across = min(a[2], b[2]) - max(a[0], b[0])
    down = min(a[3], b[3]) - max(a[1], b[1])
    if across <= 0 or down <= 0:
        return 0.0
    smaller = min((a[2] - a[0]) * (a[3] - a[1]), (b[2] - b[0]) * (b[3] - b[1]))
    return across * down / max(1e-12, smaller)


def overlapping(tess: list[Word], rapid: list[Word]) -> list[list[Word]]:
    """For each Tesseract word, the rapidocr words sharing most of the smaller box with it."""
    by_row = sorted(rapid, key=lambda w: w.bbox[1])
    tops = [w.bbox[1] for w in by_row]
    out = []
    for word in tess:
        reach = word.bbox[3] - word.bbox[1]
        near = by_row[bisect.bisect_left(tops, word.bbox[1] - 2 * reach) : bisect.bisect_right(tops, word.bbox[3])]
        out.append([r for r in near if _overlap(word.bbox, r.bbox) > 0.6])
    return out


def combine_page(tess: list[Word], overs: list[list[Word]], below: float) -> list[Word]:
    """Tesseract's word unless its confidence is under ``below`` and the one rapidocr word over it is surer."""
    out = []
    for word, over in zip(tess, overs, strict=True):
        surer = len(over) == 1 and over[0].confidence > word.confidence and " " not in over[0].text
        if word.confidence < below and surer:
            word = Word(over[0].text, word.bbox, over[0].confidence)
        out.append(word)
    return out


def combine_crops(tess: list[Word], crops: dict[int, tuple[str, float]], below: float) -> list[Word]:
    out = []
    for i, word in enumerate(tess):
        read = crops.get(i)
        if word.confidence < below and read and read[0] and " " not in read[0] and read[1] > word.confidence:
            word = Word(read[0], word.bbox, read[1])
        out.append(word)
    return out


def engine_words(row: Row, name: str, below: float) -> list[Word]:
    if name == "combo-page":
        key = ("combo-page", below)
        if key not in row:  # kept on the row: the sweep and the halves ask again
            if "over" not in row:
                row["over"] = overlapping(row["words"]["tesseract"], row["words"]["rapidocr"])
            row[key] = combine_page(row["words"]["tesseract"], row["over"], below)
        return row[key]  # type: ignore[no-any-return]
    if name == "combo-crops":
        return combine_crops(row["words"]["tesseract"], row["crops"], below)
    return row["words"][name]  # type: ignore[no-any-return]


def summary(counts: dict[str, int]) -> dict[str, float]:
    return {
        "words": counts["words"],
        "word_exact": round(counts["exact"] / max(1, counts["words"]), 4),
        "word_casefold": round(counts["casefold"] / max(1, counts["words"]), 4),
        "digit_words": counts["digit_words"],
        "digit_exact": round(counts["digit_exact"] / max(1, counts["digit_words"]), 4),
        "cer": round(counts["edits"] / max(1, counts["chars"]), 4),
        "digit_lines": counts["digit_lines"],
        "digit_lines_right": round(counts["digit_lines_right"] / max(1, counts["digit_lines"]), 4),
    }


def tally(rows: list[Row], name: str, below: float) -> dict[str, int]:
    totals: dict[str, int] = {}
    for row in rows:
        key = ("score", name, below if name.startswith("combo") else None)
        if key not in row:
            row[key] = score(row["truth"], engine_words(row, name, below))
        for field, value in row[key].items():
            totals[field] = totals.get(field, 0) + value
    return totals


def crop_cpu(row: Row, below: float) -> float:
    """The crops' CPU for a threshold: the crops read under ``CROP_BELOW`` shared pro rata by how many fall under it."""
    doubtful = [w for w in row["words"]["tesseract"] if w.confidence < CROP_BELOW]
    share = sum(w.confidence < below for w in doubtful) / max(1, len(doubtful))
    return float(row["cpu"]["crops"]) * share


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__)
    parser.add_argument("--data", type=Path, action="append", required=True)
    parser.add_argument("--cache", type=Path, required=True, help="pages read kept here (one pickle a document)")
    parser.add_argument("--out", type=Path, required=True)
    parser.add_argument("--limit", type=int, default=0)
    args = parser.parse_args()
    args.cache.mkdir(parents=True, exist_ok=True)
    rapid = None
    docs: list[tuple[str, list[Row]]] = []
    skipped = []
    for data in args.data:
        labels = sorted(p for p in data.glob("*.json") if p.stem.startswith(("po-", "contract-")))
        for path in labels[: args.limit or None]:
            label = json.loads(path.read_text())
            if not label.get("scanned"):
                continue
            kept = args.cache / f"{data.name}--{path.stem}.pkl"
            if kept.exists():
                rows = pickle.loads(kept.read_bytes())
            else:
                rapid = rapid or rapid_engine()
                rows = []
                for image, page in zip(page_images(data, label), label["pages"], strict=False):
                    row = read_page(image, page["words"], rapid)
                    if row is None:
                        skipped.append(f"{path.stem} p{page['page']}")
                        continue
                    row["doc"], row["condition"] = path.stem, (label.get("scan") or {}).get("condition")
                    rows.append(row)
                kept.write_bytes(pickle.dumps(rows))
            if not rows and kept.exists() and not any(path.stem in s for s in skipped):
                skipped.append(f"{path.stem} (all pages)")  # read from the cache: its photographed pages left out
            print(path.stem, len(rows), "pages", flush=True)
            docs.append((f"{data.name}/{path.stem}", rows))
    docs.sort()
    tune = [row for k, (_, rows) in enumerate(docs) if k % 2 == 0 for row in rows]
    report = [row for k, (_, rows) in enumerate(docs) if k % 2 == 1 for row in rows]
    sweep = {}
    for below in THRESHOLDS:
        sweep[below] = {name: summary(tally(tune, name, below)) for name in ("combo-page", "combo-crops")}
    chosen = {}
    for name in ("combo-page", "combo-crops"):
        # numbers matter most: the lines' digits decide, the digit tokens break ties
        chosen[name] = max(
            THRESHOLDS, key=lambda t: (sweep[t][name]["digit_lines_right"], sweep[t][name]["digit_exact"])
        )
    results: dict[str, Any] = {"pages": {"tune": len(tune), "report": len(report)}, "skipped_photos": skipped,
                               "thresholds_chosen_on_tune_half": chosen, "sweep_tune_half": sweep}  # fmt: skip
    for half, rows in (("tune", tune), ("report", report), ("all", tune + report)):
        block = {}
        for name in ("tesseract-bare", "tesseract", "rapidocr", "combo-page", "combo-crops"):
            below = chosen.get(name, 0.0)
            totals = tally(rows, name, below)
            pages = max(1, len(rows))
            if name == "combo-page":
                cpu = sum(r["cpu"]["tesseract"] + r["cpu"]["rapidocr"] for r in rows)
            elif name == "combo-crops":
                cpu = sum(r["cpu"]["tesseract"] + crop_cpu(r, below) for r in rows)
            else:
                cpu = sum(r["cpu"][name] for r in rows)
            bare = sum(r["cpu"]["tesseract-bare"] for r in rows)
            block[name] = {**summary(totals), "threshold": chosen.get(name), "cpu_s_per_page": round(cpu / pages, 3),
                           "x_bare_tesseract": round(cpu / max(1e-9, bare), 2)}  # fmt: skip
        results[half] = block
    by_condition: dict[str, list[Row]] = {}
    for row in report:
        by_condition.setdefault(row["condition"] or "plain", []).append(row)
    results["report_by_condition"] = {
        condition: {
            name: [summary(tally(rows, name, chosen.get(name, 0.0)))[k] for k in ("digit_exact", "digit_lines_right")]
            for name in ("tesseract", "rapidocr", "combo-crops")
        }
        for condition, rows in sorted(by_condition.items())
    }
    for half in ("tune", "report"):
        print(f"-- {half} half ({len(tune if half == 'tune' else report)} pages)")
        print(f"{'engine':16} {'words':>6} {'exact':>6} {'casef':>6} {'digits':>6} {'dig.ex':>6} {'CER':>6} "
              f"{'d.lines':>7} {'right':>6} {'cpu/pg':>7} {'x bare':>6} thr")  # fmt: skip
        for name, s in results[half].items():
            print(f"{name:16} {s['words']:6} {s['word_exact']:6.3f} {s['word_casefold']:6.3f} {s['digit_words']:6} "
                  f"{s['digit_exact']:6.3f} {s['cer']:6.3f} {s['digit_lines']:7} {s['digit_lines_right']:6.3f} "
                  f"{s['cpu_s_per_page']:7.2f} {s['x_bare_tesseract']:6.2f} "
                  f"{s['threshold']}")  # fmt: skip
    print("[digit exact, digit lines right] by condition (report half):", json.dumps(results["report_by_condition"]))
    args.out.parent.mkdir(parents=True, exist_ok=True)
    args.out.write_text(json.dumps(results, indent=1))


if __name__ == "__main__":
    main()
