"""Real documents through the service's own extraction path: DeepForm ad-buy orders and Kleister NDAs.

    python bench/bench_realdocs.py                       # both sets, every document (pages cached)
    python bench/bench_realdocs.py --limit 60 --set nda  # a sample, one set
    python bench/bench_realdocs.py --split held          # only the held-out split

Each document goes through the stages of ``extraction.pipeline`` with the extractor and upload limits of
``core.settings`` (as ``POST /v1/documents`` runs them). Loading a PDF (text layer, OCR of pages without
one) is the slow stage and does not change with the extractors, so loaded documents are cached in
``bench/work/`` (git-ignored; ``--no-cache`` loads every file again) and timed when first read.

Scoring follows the datasets' own notes (``deepform_adbuy_dev/README.md``, ``kleister_nda_train/MAPPING.md``):
contract number in ``contract_number``/``po_number``/``fields.invoice_number`` (letters and digits, case-folded);
gross amount = ``total`` to the cent; flight dates = ``effective_date``/``expiry_date``; advertiser =
``buyer_name`` (case-folded, punctuation as spaces); NDA effective date exact (absent when the label is
absent), NDA parties: recall over labelled parties, precision over the names returned in
``buyer_name``/``vendor_name``.

The split is by document group, seeded: ad-buy orders are grouped by the system that printed them (the
PDF's Producer/Creator metadata, so a held-out order comes from a printing system never seen in dev where
the metadata tells), NDAs by document. Prints a table and writes ``bench/results/realdocs.json``.
"""

from __future__ import annotations

import argparse
import csv
import hashlib
import json
import lzma
import os
import pickle
import platform
import re
import sys
import time
from collections import defaultdict
from dataclasses import replace
from datetime import date
from decimal import Decimal, InvalidOperation
from pathlib import Path
from typing import Any

sys.path.insert(0, str(Path(__file__).resolve().parents[1]))

from core.settings import get_settings  # noqa: E402
from extraction.document import Document  # noqa: E402
from extraction.errors import DocumentError  # noqa: E402
from extraction.pipeline import AFTER_EXTRACTION, ExtractionJob, extract_stage, load_stage, readers_stage, run  # noqa: E402
from extraction.result import Extraction  # noqa: E402
from ledgerlens.services.documents import extractor_for, upload_limits  # noqa: E402

ROOT = Path(__file__).resolve().parents[1]
DATASETS = ROOT.parent / "shared" / "datasets"
ADBUY = DATASETS / "deepform_adbuy_dev"
NDA = DATASETS / "kleister_nda_train"
WORK = ROOT / "bench" / "work" / "realdocs"
RESULTS = ROOT / "bench" / "results" / "realdocs.json"
HELD_SHARE = 0.3


# ---- labels ------------------------------------------------------------------------------------


def norm_text(text: str) -> str:
    """Case-folded, punctuation and '_' read as spaces, spaces collapsed (both sets' rule for names)."""
    return " ".join(re.sub(r"[\W_]+", " ", text.casefold()).split())


def loose_name(text: str) -> str:
    """A diagnostic only (not the datasets' rule): Kleister's labels spell legal forms their own way
    ('L.P.' -> 'LP', '&' -> 'and', 'Incorporated' -> 'Inc', no leading 'The'); this compares past that."""
    text = norm_text(text.replace("&", " and "))
    text = re.sub(r"^the ", "", text)
    for long, short in (("incorporated", "inc"), ("limited", "ltd"), ("corporation", "corp"), ("company", "co")):
        text = re.sub(rf"\b{long}\b", short, text)
    return re.sub(r"[^a-z0-9]", "", text)


def norm_id(text: str) -> str:
    return re.sub(r"[^0-9a-z]", "", text.casefold())


def label_amount(text: str) -> Decimal | None:
    """'$1,880.00', '14,625.00', '$5,950,00' (a comma for the cents), '$5,200' -> Decimal."""
    digits = re.sub(r"[^0-9.,]", "", text)
    if not digits:
        return None
    cents = re.search(r"[.,](\d{2})$", digits)
    whole = re.sub(r"[.,]", "", digits[: cents.start()] if cents else digits)
    try:
        return Decimal(f"{whole or 0}.{cents.group(1)}" if cents else whole)
    except InvalidOperation:
        return None


MONTHS = {
    m: i
    for i, m in enumerate(["jan", "feb", "mar", "apr", "may", "jun", "jul", "aug", "sep", "oct", "nov", "dec"], start=1)
}


def label_date(text: str) -> date | None:
    """US-ordered labels: '02/03/20', '2/24/2020', 'Apr16/20', 'March 11, 2020'; 2-digit years are 20yy."""
    text = text.strip().casefold()
    numeric = re.fullmatch(r"(\d{1,2})[/-](\d{1,2})[/-](\d{2}|\d{4})", text)
    named = re.fullmatch(r"([a-z]{3})[a-z]*\.?\s*(\d{1,2})(?:,\s*|/|\s+)(\d{2}|\d{4})", text)
    try:
        if numeric:
            month, day, year = (int(g) for g in numeric.groups())
        elif named and named.group(1) in MONTHS:
            month, day, year = MONTHS[named.group(1)], int(named.group(2)), int(named.group(3))
        else:
            return None
        return date(year + 2000 if year < 100 else year, month, day)
    except ValueError:
        return None


def adbuy_labels() -> list[dict[str, Any]]:
    rows = []
    with (ADBUY / "labels.csv").open(newline="") as handle:
        for row in csv.DictReader(handle):
            truth: dict[str, Any] = {}
            if row["contract_num"].strip():
                truth["contract_number"] = norm_id(row["contract_num"])
            if row["advertiser"].strip():
                truth["buyer_name"] = norm_text(row["advertiser"])
            if row["gross_amount"].strip() and label_amount(row["gross_amount"]) is not None:
                truth["total"] = label_amount(row["gross_amount"])
            for key, name in (("flight_from", "effective_date"), ("flight_to", "expiry_date")):
                if row[key].strip() and label_date(row[key]) is not None:
                    truth[name] = label_date(row[key])
            rows.append({"id": row["file_id"], "path": ADBUY / "pdfs" / f"{row['file_id']}.pdf", "truth": truth})
    return rows


def nda_labels() -> list[dict[str, Any]]:
    with lzma.open(NDA / "train" / "in.tsv.xz", "rt", encoding="utf-8") as handle:
        names = [line.split("\t", 1)[0] for line in handle]
    expected = (NDA / "train" / "expected.tsv").read_text(encoding="utf-8").splitlines()
    rows = []
    for name, line in zip(names, expected, strict=True):
        keys: dict[str, list[str]] = defaultdict(list)
        for item in line.split():
            key, _, value = item.partition("=")
            keys[key].append(value)
        truth = {
            "effective_date": date.fromisoformat(keys["effective_date"][0]) if keys.get("effective_date") else None,
            "parties": sorted({norm_text(p) for p in keys.get("party", [])}),
            "jurisdiction": norm_text(keys["jurisdiction"][0]) if keys.get("jurisdiction") else None,
            "term": norm_text(keys["term"][0]) if keys.get("term") else None,
        }
        rows.append({"id": Path(name).stem, "path": NDA / "documents" / name, "truth": truth})
    return rows


# ---- split -------------------------------------------------------------------------------------


def printing_system(path: Path) -> str:
    """The PDF's Producer and Creator: the traffic system (and its PDF library) that printed an order."""
    import pypdfium2 as pdfium

    pdf = pdfium.PdfDocument(path)
    try:
        meta = pdf.get_metadata_dict()
    finally:
        pdf.close()
    system = f"{meta.get('Producer', '')}|{meta.get('Creator', '')}".strip("|")
    return re.sub(r"[\d.\s]+", " ", system).strip() or "unknown"


CALL_LETTERS = re.compile(r"^([KW][A-Z]{2,3})(?:-?(?:TV|DT|CD|CA|LD))?$")


def station(document: Document, path: Path) -> str:
    """An order's station: the call letters printed most often on its first page (KCNC, WPBN-TV), else the
    printing system; the split keeps each station's orders on one side."""
    from collections import Counter

    words = document.pages[0].words if document.pages else []
    calls = Counter(m.group(1) for w in words if (m := CALL_LETTERS.match(w.text.strip(".,:;()"))))
    return f"station:{calls.most_common(1)[0][0]}" if calls else f"system:{printing_system(path)}"


def split_of(group: str, seed: int) -> str:
    digest = hashlib.sha256(f"{seed}:{group}".encode()).digest()
    return "held" if digest[0] / 256 < HELD_SHARE else "dev"


# ---- running -----------------------------------------------------------------------------------


def load_cached(path: Path, cache: bool) -> tuple[Document, float]:
    """The loaded document and the seconds its loading took (as first measured, when cached)."""
    target = WORK / f"{path.stem}.pkl"
    if cache and target.exists():
        with target.open("rb") as handle:
            stored = pickle.load(handle)
        return stored["document"], stored["seconds"]
    started = time.perf_counter()
    job = load_stage(ExtractionJob(path.read_bytes(), path.name, limits=upload_limits(get_settings())))
    seconds = time.perf_counter() - started
    assert job.document is not None
    if cache:
        WORK.mkdir(parents=True, exist_ok=True)
        # page images (kept for re-reading doubtful OCR regions) are left out of the cache: too large
        document = replace(job.document, pages=[replace(p, image=None) for p in job.document.pages])
        with target.open("wb") as handle:
            pickle.dump({"document": document, "seconds": seconds}, handle)
    return job.document, seconds


def extract_document(
    path: Path, cache: bool, readers: bool = True, readers_only: bool = False
) -> tuple[Document, Extraction, float]:
    """The service's stages after loading, on the (cached) loaded document; seconds include loading.

    The extractor's own output (the slow layout model) is cached too, keyed by the extractor and its
    version, so that the stages after it (the readers) can be measured again in seconds."""
    document, load_seconds = load_cached(path, cache)
    settings = get_settings()
    extractor = extractor_for(settings.extractor, settings.data_dir)
    version = getattr(getattr(extractor, "layout", None), "version", type(extractor).__name__)
    job = ExtractionJob(b"", path.name, None, upload_limits(settings), extractor)
    job.document = document
    target = WORK / f"{path.stem}.{settings.extractor}.{version}.extraction.pkl"
    started = time.perf_counter()
    if readers_only:  # the readers' values alone, on every document in seconds (not the service's output)
        job.extraction, extract_seconds = Extraction("other", document.page_count), 0.0
    elif cache and target.exists():
        with target.open("rb") as handle:
            job.extraction, extract_seconds = pickle.load(handle)
    else:
        job = extract_stage(job)
        extract_seconds = time.perf_counter() - started
        if cache:
            with target.open("wb") as handle:
                pickle.dump((job.extraction, extract_seconds), handle)
    started = time.perf_counter()
    job = run(job, [stage for stage in AFTER_EXTRACTION if readers or stage is not readers_stage])
    assert job.extraction is not None
    return document, job.extraction, load_seconds + extract_seconds + time.perf_counter() - started


def values(extraction: Extraction) -> dict[str, Any]:
    payload = extraction.to_contract("bench")["fields"]
    return {name: cell.get("value") for name, cell in payload.items()}


def score_adbuy(truth: dict[str, Any], got: dict[str, Any]) -> dict[str, bool]:
    scores = {}
    if "contract_number" in truth:
        found = [got.get(k) for k in ("contract_number", "po_number", "invoice_number")]
        scores["contract_number"] = any(v is not None and norm_id(str(v)) == truth["contract_number"] for v in found)
    if "total" in truth:
        total = got.get("total")
        scores["total"] = total is not None and Decimal(str(total)).quantize(Decimal("0.01")) == truth["total"]
    for name in ("effective_date", "expiry_date"):
        if name in truth:
            scores[name] = got.get(name) == truth[name].isoformat()
    if "buyer_name" in truth:
        scores["buyer_name"] = got.get("buyer_name") is not None and norm_text(got["buyer_name"]) == truth["buyer_name"]
    return scores


def score_nda(truth: dict[str, Any], got: dict[str, Any]) -> dict[str, Any]:
    want = truth["effective_date"]
    returned = [norm_text(str(got[k])) for k in ("buyer_name", "vendor_name") if got.get(k)]
    out: dict[str, Any] = {
        "effective_date": got.get("effective_date") == (want.isoformat() if want else None),
        "parties_true": len(truth["parties"]),
        "parties_found": sum(1 for p in truth["parties"] if p in returned),
        "parties_returned": len(returned),
        "parties_right": sum(1 for p in returned if p in truth["parties"]),
        "parties_found_loose": sum(1 for p in truth["parties"] if loose_name(p) in {loose_name(r) for r in returned}),
        "parties_right_loose": sum(1 for r in returned if loose_name(r) in {loose_name(p) for p in truth["parties"]}),
    }
    for name in ("jurisdiction", "term"):
        if truth[name] is not None:
            out[name] = got.get(name) is not None and norm_text(str(got[name])) == truth[name]
    return out


def summarise(rows: list[dict[str, Any]]) -> dict[str, Any]:
    if not rows:
        return {"documents": 0}
    per_field: dict[str, list[bool]] = defaultdict(list)
    for row in rows:
        for name, ok in row["scores"].items():
            if isinstance(ok, bool):
                per_field[name].append(ok)
    out: dict[str, Any] = {
        "documents": len(rows),
        "pages": sum(r["pages"] for r in rows),
        "errors": sum(1 for r in rows if r.get("error")),
        "per_field": {name: round(sum(oks) / len(oks), 4) for name, oks in sorted(per_field.items())},
        "scored": {name: len(oks) for name, oks in sorted(per_field.items())},
        "needs_review_share": round(sum(r["needs_review"] for r in rows) / len(rows), 4),
    }
    if any("parties_true" in r["scores"] for r in rows):
        true = sum(r["scores"].get("parties_true", 0) for r in rows)
        returned = sum(r["scores"].get("parties_returned", 0) for r in rows)
        out["per_field"]["party_recall"] = round(sum(r["scores"].get("parties_found", 0) for r in rows) / true, 4)
        out["per_field"]["party_precision"] = (
            round(sum(r["scores"].get("parties_right", 0) for r in rows) / returned, 4) if returned else 0.0
        )
        loose_found = sum(r["scores"].get("parties_found_loose", 0) for r in rows)
        loose_right = sum(r["scores"].get("parties_right_loose", 0) for r in rows)
        out["party_legal_forms_aside"] = {  # diagnostic: see loose_name
            "recall": round(loose_found / true, 4),
            "precision": round(loose_right / returned, 4) if returned else 0.0,
        }
    # review routing: of the scored values, how many right ones go to review and how many wrong ones do not
    right_sent = sum(r["review"]["right_sent"] for r in rows)
    wrong_kept = sum(r["review"]["wrong_kept"] for r in rows)
    right = sum(r["review"]["right"] for r in rows)
    wrong = sum(r["review"]["wrong"] for r in rows)
    out["review"] = {
        "right_values": right,
        "right_sent_to_review": round(right_sent / right, 4) if right else None,
        "wrong_values": wrong,
        "wrong_not_sent_to_review": round(wrong_kept / wrong, 4) if wrong else None,
    }
    seconds = sum(r["seconds"] for r in rows)
    out["seconds_per_page"] = round(seconds / out["pages"], 4) if out["pages"] else None
    out["slowest_seconds"] = round(max(r["seconds"] for r in rows), 2)
    return out


def review_routing(extraction: Extraction, scores: dict[str, Any], threshold: float) -> dict[str, int]:
    """Per scored field with a value: is it right, and is its confidence under the review threshold."""
    out = {"right": 0, "wrong": 0, "right_sent": 0, "wrong_kept": 0}
    for name, ok in scores.items():
        cell = extraction.fields.get(name)
        if not isinstance(ok, bool) or cell is None or cell.value is None:
            continue
        sent = cell.confidence < threshold
        out["right" if ok else "wrong"] += 1
        out["right_sent"] += int(ok and sent)
        out["wrong_kept"] += int(not ok and not sent)
    return out


def run_set(name: str, labels: list[dict[str, Any]], args: argparse.Namespace) -> list[dict[str, Any]]:
    threshold = get_settings().review.confidence_threshold
    rows = []
    for number, label in enumerate(labels, start=1):
        try:
            if name == "adbuy":  # the station is read from the loaded page; an NDA is its own group
                loaded, _ = load_cached(label["path"], not args.no_cache)
            group = station(loaded, label["path"]) if name == "adbuy" else label["id"]
            split = split_of(group, args.seed)
            if args.split != "all" and split != args.split:
                continue
            document, extraction, seconds = extract_document(
                label["path"], not args.no_cache, not args.without_readers, args.readers_only
            )
        except DocumentError as error:
            rows.append(
                {
                    "id": label["id"],
                    "split": "dev",
                    "error": error.code,
                    "pages": 0,
                    "seconds": 0.0,
                    "needs_review": True,
                    "scores": {},
                    "got": {},
                    "review": {"right": 0, "wrong": 0, "right_sent": 0, "wrong_kept": 0},
                }
            )
            continue
        row: dict[str, Any] = {"id": label["id"], "group": group, "split": split}
        got = values(extraction)
        scores = score_adbuy(label["truth"], got) if name == "adbuy" else score_nda(label["truth"], got)
        row.update(
            pages=document.page_count,
            ocr_pages=sum(1 for p in document.pages if p.source == "ocr"),
            seconds=seconds,
            needs_review=extraction.needs_review,
            scores=scores,
            review=review_routing(extraction, scores, threshold),
            confidence={k: round(c.confidence, 3) for k, c in extraction.fields.items() if c.value is not None},
            got={
                k: got.get(k)
                for k in (
                    "contract_number",
                    "po_number",
                    "buyer_name",
                    "vendor_name",
                    "total",
                    "effective_date",
                    "expiry_date",
                    "jurisdiction",
                    "term",
                )
            },
        )
        rows.append(row)
        if args.verbose:
            wrong = [k for k, ok in scores.items() if ok is False]
            print(f"  {name} {number:>3} {label['id'][:12]} {split:<4} {seconds:6.2f}s wrong={wrong}", flush=True)
    return rows


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    parser.add_argument("--set", choices=("adbuy", "nda", "both"), default="both")
    parser.add_argument("--split", choices=("dev", "held", "all"), default="all")
    parser.add_argument("--limit", type=int, default=None, help="at most this many documents per set (seeded sample)")
    parser.add_argument("--seed", type=int, default=12)
    parser.add_argument("--no-cache", action="store_true", help="load every file again (OCR included)")
    parser.add_argument("--verbose", action="store_true")
    parser.add_argument("--without-readers", action="store_true", help="the extractor alone (the figures before)")
    parser.add_argument("--readers-only", action="store_true", help="the forms/agreements readers alone (fast)")
    parser.add_argument("--out", type=Path, default=RESULTS)
    args = parser.parse_args()
    settings = get_settings()
    report: dict[str, Any] = {
        "extractor": settings.extractor,
        "readers": not args.without_readers,
        "readers_only": args.readers_only,
        "seed": args.seed,
        "held_share": HELD_SHARE,
        "limit": args.limit,
        "split_rule": "adbuy: by station (call letters most printed on page 1, else PDF Producer|Creator); "
        "nda: by document",
        "machine": {"python": platform.python_version(), "cpus": os.cpu_count()},
        "sets": {},
    }
    sets = {"adbuy": adbuy_labels, "nda": nda_labels}
    for name in ("adbuy", "nda") if args.set == "both" else (args.set,):
        labels = sets[name]()
        if args.limit:
            # salted apart from the split's hash (an NDA's split hashes "{seed}:{id}" too: sorting by that
            # hash put only held-out NDAs first, so a limited dev run read none and a limited run all held)
            labels = sorted(labels, key=lambda r: hashlib.sha256(f"sample:{args.seed}:{r['id']}".encode()).hexdigest())
            labels = labels[: args.limit]
        rows = run_set(name, labels, args)
        report["sets"][name] = {
            "groups": {s: summarise([r for r in rows if r["split"] == s]) for s in ("dev", "held")},
            "documents": rows,
        }
        report["sets"][name]["groups"]["all"] = summarise(rows)
    print_report(report)
    args.out.parent.mkdir(parents=True, exist_ok=True)
    args.out.write_text(json.dumps(report, indent=1, default=str))
    print(f"wrote {args.out}")


def print_report(report: dict[str, Any]) -> None:
    for name, body in report["sets"].items():
        groups = body["groups"]
        print(f"{name}: extractor {report['extractor']}, split seed {report['seed']}")
        fields = sorted({f for g in groups.values() for f in g.get("per_field", {})})
        print(f"  {'field':<18}" + "".join(f"{s:>10}" for s in groups))
        for field in fields:
            cells = [groups[s].get("per_field", {}).get(field) for s in groups]
            print(f"  {field:<18}" + "".join(f"{'-' if c is None else format(c, '.3f'):>10}" for c in cells))
        for key in ("documents", "pages", "seconds_per_page", "needs_review_share"):
            print(f"  {key:<18}" + "".join(f"{str(groups[s].get(key, '-')):>10}" for s in groups))
        if any("party_legal_forms_aside" in g for g in groups.values()):
            for key in ("recall", "precision"):
                cells = [str(groups[s].get("party_legal_forms_aside", {}).get(key, "-")) for s in groups]
                print(f"  {'party ' + key + '*':<18}" + "".join(f"{c:>10}" for c in cells))
        for key in ("right_sent_to_review", "wrong_not_sent_to_review"):
            print(f"  {key[:18]:<18}" + "".join(f"{str(groups[s].get('review', {}).get(key)):>10}" for s in groups))


if __name__ == "__main__":
    main()
