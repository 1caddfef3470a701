"""The pre-send check against references of layouts the extractor never saw (``bench_precheck.py --references``).

Documents: held-out factory families (``training/factory/heldout.py``, dev seeds only) or a kept folder of labelled
documents (the blind dev half). Each is extracted as an upload is (the served extractor, the service's pipeline)
and stored as the customer's reference; draft invoices are built from the document's TRUE values (so a clean one
is clean whatever extraction read) and looked up by their number as the service does. Extractions are cached in
``--cache`` (the slow part), so the matcher can be measured again in seconds.
"""

from __future__ import annotations

import json
import random
from datetime import date
from decimal import Decimal
from pathlib import Path
from types import SimpleNamespace
from typing import Any

from tqdm import tqdm

from bench.bench_matching import Case
from extraction.result import Extraction
from extraction.terms import parse_terms
from matching.references import look_alike, look_alike_key, prints_number, reference_key, reference_keys
from matching.types import DraftInvoice, Policy, Reference
from training.factory import invoices as factory_invoices
from training.factory.invoices import InvoiceBuilder, RefLine, customer_id_for, make_invoices
from training.factory.values import dec_str, q2

D = Decimal
COMMON_RATES = [D(r) for r in (0, 5, 6, 7, 8, 9, 10, 12, 13, 15, 16, 19, 20, 21, 22, 25)]
Stored = tuple[str, Extraction, list[list[str]]]  # a customer's document: id, extraction, pages' words


def _labels(folder: Path) -> list[Path]:
    return sorted(
        p for p in folder.glob("*.json") if not p.name.endswith(".invoices.json") and p.name != "dataset_card.json"
    )


def _page_words(path: Path, label: dict[str, Any]) -> list[list[str]]:
    """The words of each page as the service stores them (``DocumentRecord.words``), for a cache written before
    they were kept."""
    from extraction.errors import DocumentError
    from extraction.loading import load_document

    try:
        doc = load_document((path.parent / label["file"]).read_bytes(), label["file"])
    except DocumentError:
        return []
    return [[w.text for w in page.words] for page in doc.pages]


def extract_references(label_paths: list[Path], cache: Path) -> list[tuple[dict[str, Any], dict[str, Any] | None]]:
    """(label, extraction body or None when the file was refused) per document; extracted with the served
    extractor as an upload is (doc type hint as bench_extraction gives it), cached in ``cache`` with the pages'
    words (the label's ``words``), which the service searches for a cited number its fields do not hold."""
    cache.mkdir(parents=True, exist_ok=True)
    extractor = None
    out = []
    for path in tqdm(label_paths, desc="extract references"):
        hit = cache / f"{path.stem}.ext.json"
        if hit.exists():
            stored = json.loads(hit.read_text())
            if "words" not in stored["label"]:
                stored["label"]["words"] = _page_words(path, json.loads(path.read_text()))
                hit.write_text(json.dumps(stored))
        else:
            label = json.loads(path.read_text())
            if "truth" not in label:
                continue
            if extractor is None:
                from models.layout.combine import best_extractor

                extractor = best_extractor("auto")
            from extraction.errors import DocumentError
            from extraction.pipeline import extract

            data = (path.parent / label["file"]).read_bytes()
            words: list[list[str]] = []
            try:
                doc, extraction = extract(data, label["file"], doc_type_hint=label.get("doc_type"), extractor=extractor)
                body: dict[str, Any] = extraction.to_contract(path.stem)
                words = [[w.text for w in page.words] for page in doc.pages]
            except DocumentError as error:
                body = {"error": error.code}
            stored = {"label": {**label, "pages": None, "words": words}, "extraction": body}
            hit.write_text(json.dumps(stored))
        ext = stored["extraction"]
        out.append((stored["label"], None if "error" in ext else ext))
    return out


def _tax_rate(fields: dict[str, Any]) -> Decimal | None:
    """The rate a PO's totals imply (no tax row: none stated); charges after the subtotal are taxed too."""
    subtotal, tax, total = fields.get("subtotal"), fields.get("tax_total"), fields.get("total")
    base = D(total) - D(tax) if total is not None and tax is not None else D(subtotal) if subtotal else None
    if base is None or tax is None or base == 0:
        return None
    rate = D(tax) * 100 / base
    near = min(COMMON_RATES, key=lambda r: abs(r - rate))
    if abs(near - rate) < D("0.2"):
        return near
    # the rate with fewest decimals that gives the printed tax (US sales tax: 7.25 %, 8.875 %)
    for step in (D("0.1"), D("0.05"), D("0.025"), D("0.005"), D("0.001")):
        r = (rate / step).quantize(D(1)) * step
        if abs(q2(base * r / 100) - D(tax)) <= D("0.01"):
            return r.normalize()
    return rate.quantize(D("0.001"))


def reference_from_truth(label: dict[str, Any]) -> factory_invoices.Reference:
    """What the document truly says, in the factory's invoice-builder terms."""
    f = label["truth"]["fields"]
    is_po = label["doc_type"] in ("po", "purchase_order")
    days = f.get("payment_terms_days")
    # a billing system prints the terms its own way when the document's words are prose it could not print
    text = f.get("payment_terms")
    if not text or parse_terms(text) is None or (days is not None and parse_terms(text).net_days != int(days)):
        text = f"Net {days if days is not None else 30}"
    terms = (text, int(days) if days is not None else 30)
    lines = []
    for item in label["truth"]["line_items"]:
        price = item.get("unit_price")
        if price is None:
            continue
        qty = item.get("quantity")
        rate = item.get("tax_rate")
        lines.append(
            RefLine(
                item.get("sku"),
                item.get("description") or "item",
                D(qty) if qty is not None and is_po else None,
                item.get("unit"),
                D(price),
                D(rate) if rate is not None else None,
            )
        )
    start = f.get("order_date") if is_po else f.get("effective_date")
    return factory_invoices.Reference(
        label["doc_id"],
        "po_number" if is_po else "contract_number",
        f["po_number" if is_po else "contract_number"],
        customer_id_for(f.get("buyer_name") or label["doc_id"]),
        f.get("currency") or "EUR",
        terms,
        date.fromisoformat(start) if start else date(2024, 1, 15),
        date.fromisoformat(f["expiry_date"]) if not is_po and f.get("expiry_date") else None,
        # a contract says "plus VAT": the billing system charges its own rate (without one, no line's rate can
        # differ from the others')
        _tax_rate(f) if is_po else D(20),
        lines,
    )


def _entry(invoice: dict[str, Any], codes: list[str], kind: str, earlier: list[str] | None = None) -> dict[str, Any]:
    return {"invoice": invoice, "expected_codes": sorted(codes), "earlier_invoice_numbers": earlier or [], "kind": kind}


def variations(ref: factory_invoices.Reference, seed: int) -> list[dict[str, Any]]:
    """Clean invoices as billing systems write them (beyond ``make_invoices``' partial deliveries and reworded
    descriptions): a PO line split over two invoice lines, two lines of one item merged, tax rounded per line,
    prices printed with four decimals, descriptions shortened with no SKU, the terms' days spelled otherwise."""
    rng = random.Random(seed * 17 + 3)
    b = InvoiceBuilder(rng, ref)
    lines = ref.lines
    out: list[dict[str, Any]] = []
    if not lines:
        return out
    billable = [ln for ln in lines if ln.quantity is None or ln.quantity >= 2]
    if billable:  # one line delivered in two parts, both on this invoice
        ln = rng.choice(billable)
        total = ln.quantity if ln.quantity is not None else D(rng.choice([4, 6, 10]))
        first = max(D(1), (total / 2).quantize(D(1)))
        parts = [b.line(ln, first), b.line(ln, total - first)] if total - first > 0 else [b.line(ln, total)]
        out.append(_entry(b.build(parts), [], "clean_split_line"))
    by_key: dict[tuple[str, Decimal], list[RefLine]] = {}
    for ln in lines:
        by_key.setdefault(((ln.sku or ln.description).lower(), ln.unit_price), []).append(ln)
    twins = [group for group in by_key.values() if len(group) > 1 and all(g.quantity is not None for g in group)]
    if twins:  # one item on two schedule lines billed as one
        group = twins[0]
        qty = sum((g.quantity for g in group if g.quantity is not None), D(0))
        out.append(_entry(b.build([b.line(group[0], qty)]), [], "clean_merged_lines"))
    chosen = rng.sample(lines, k=min(len(lines), 4))
    billed = [b.line(ln, b.billed_quantity(ln, 1.0)) for ln in chosen]
    inv = b.build(billed)
    rates = [D(ln["tax_rate"]) for ln in billed if ln["tax_rate"] is not None]
    if rates and len(rates) == len(billed):  # tax rounded line by line, not on the total
        per_line = sum((q2(D(ln["amount"]) * D(ln["tax_rate"]) / 100) for ln in billed), D("0.00"))
        inv["tax_total"] = dec_str(per_line)
        inv["total"] = dec_str(D(inv["subtotal"]) + per_line)
    out.append(_entry(inv, [], "clean_tax_per_line"))
    four = [b.line(ln, b.billed_quantity(ln, 0.5)) for ln in rng.sample(lines, k=min(len(lines), 3))]
    for ln in four:
        ln["unit_price"] = str(D(ln["unit_price"]).quantize(D("0.0001")))
    out.append(_entry(b.build(four), [], "clean_four_decimals"))
    terse = [b.line(ln, b.billed_quantity(ln, 0.5)) for ln in rng.sample(lines, k=min(len(lines), 3))]
    for ln in terse:
        ln["sku"] = None
        ln["description"] = " ".join(ln["description"].split()[:2]).upper()
    out.append(_entry(b.build(terse), [], "clean_terse_descriptions"))
    days = ref.terms[1]
    spelled = rng.choice([f"{days} days net", f"N{days}", f"net {days} days"])
    out.append(_entry(b.build(terse and [dict(x) for x in terse], terms=(spelled, days)), [], "clean_terms_spelled"))
    # an invoice rounded at the document's precision: amounts from a price with a third decimal
    rounded = [b.line(ln, b.billed_quantity(ln, 0.5)) for ln in rng.sample(lines, k=min(len(lines), 2))]
    inv = b.build(rounded)
    inv["total"] = dec_str(D(inv["total"]) + D("0.01"))
    out.append(_entry(inv, [], "clean_total_off_by_a_cent"))
    return out


def cases_for(
    label: dict[str, Any],
    seed: int,
    reference: Extraction | None,
    customer_refs: dict[str, list[Stored]],
) -> list[Case]:
    """Draft invoices from the document's truth, each with the reference the service's lookup would find among
    the customer's extracted documents (``reference`` None: the upload was refused)."""
    ref = reference_from_truth(label)
    doc = SimpleNamespace(label=label)
    if label["truth"]["fields"].get("payment_terms_days") is None:
        doc = SimpleNamespace(label={**label, "features": {**label.get("features", {}), "terms_place": "none"}})
    entries = make_invoices(doc, seed, reference=ref) + variations(ref, seed)
    by_number: dict[str, dict[str, Any]] = {}
    cases = []
    for entry in entries:
        invoice = entry["invoice"]
        earlier = [by_number[n] for n in entry.get("earlier_invoice_numbers", []) if n in by_number]
        by_number.setdefault(invoice["invoice_number"], invoice)
        draft = DraftInvoice.model_validate(invoice)
        found = _lookup(draft, customer_refs.get(draft.customer_id, []))
        policy = Policy(requires_po=bool((entry.get("policy") or {}).get("require_po_number")))
        meta = {"kind": entry.get("kind", "?"), "doc_id": label["doc_id"], "scanned": label.get("scanned", False)}
        cases.append(
            Case(
                found,
                draft,
                [DraftInvoice.model_validate(e) for e in earlier],
                policy,
                set(entry["expected_codes"]),
                None,
                meta=meta,
            )
        )
    return cases


def _lookup(invoice: DraftInvoice, documents: list[Stored]) -> Reference | None:
    """``ledgerlens.services.lookup.find_reference`` over the customer's extracted documents."""
    wanted = [
        (invoice.po_number, ("po_number", "contract_number")),
        (invoice.contract_number, ("contract_number", "po_number")),
    ]
    keys = [(key, cols) for number, cols in wanted for key in reference_keys(number)]
    for key, cols in keys:
        for col in cols:
            for doc_id, ext, _ in documents:
                if reference_key(ext.value(col)) == key and key:
                    return Reference(doc_id, ext)
    if keys:  # the service's fallbacks: the one document whose number reads alike but for OCR's confusions, else
        # the one that prints the number in its words
        alike = {look_alike(key) for key, _ in keys}
        hits = [
            (d, e)
            for d, e, _ in documents
            if any(look_alike_key(e.value(c)) in alike for c in ("po_number", "contract_number"))
        ]
        if len(hits) != 1:
            hits = [(d, e) for d, e, words in documents if prints_number(words, [key for key, _ in keys])]
        return Reference(hits[0][0], hits[0][1]) if len(hits) == 1 else None
    if not documents:
        return None
    return Reference(documents[-1][0], documents[-1][1])


def truth_as_extraction(label: dict[str, Any]) -> Extraction:
    from bench.bench_precheck import truth_extraction

    return truth_extraction({**label, "pages": label.get("pages") or [None]})


def diagnose(finding: Any, case: Case, label: dict[str, Any]) -> str:
    """Why a clean invoice raised ``finding``: the reference value it rests on, against the document's truth."""
    if case.reference is None:
        return "reference not found (extracted number differs from the document's)"
    ext = case.reference.extraction
    truth = label["truth"]
    field = finding.field or ""
    if field in truth["fields"] or field in ext.fields:
        cell = ext.fields.get(field)
        got = None if cell is None else cell.value
        want = truth["fields"].get(field)
        same = str(got) == str(want) if want is not None else got is None
        conf = "-" if cell is None else f"{cell.confidence:.2f}"
        return f"ref {field} {'right' if same else f'read {got!r}, true {want!r}'} (conf {conf})"
    true_prices = sorted(D(i["unit_price"]) for i in truth["line_items"] if i.get("unit_price") is not None)
    got_prices = sorted(p for i in ext.line_items if (p := i.decimal("unit_price")) is not None)
    low = sum(i.confidence < 0.6 for i in ext.line_items)
    if true_prices == got_prices and len(ext.line_items) == len(truth["line_items"]):
        return f"ref lines right ({len(got_prices)} lines, {low} low conf)"
    return (
        f"ref lines differ ({len(ext.line_items)} read vs {len(truth['line_items'])} true, "
        f"{len(set(true_prices) - set(got_prices))} prices missing, {low} low conf)"
    )


def build(
    labelled: list[tuple[dict[str, Any], dict[str, Any] | None]], seed: int
) -> tuple[list[Case], list[Case], dict[str, dict[str, Any]]]:
    """Cases against the extracted references and the same cases against the truth."""
    extracted: dict[str, list[Stored]] = {}
    truths: dict[str, list[Stored]] = {}
    labels = {}
    for label, body in labelled:
        cust = reference_from_truth(label).customer_id
        labels[label["doc_id"]] = label
        words = label.get("words") or []
        truths.setdefault(cust, []).append((label["doc_id"], truth_as_extraction(label), words))
        if body is not None:
            extracted.setdefault(cust, []).append((label["doc_id"], Extraction.from_contract(body), words))
    ext_cases, truth_cases = [], []
    for k, (label, _) in enumerate(labelled):
        s = seed * 1000 + k
        ext_cases += cases_for(label, s, None, extracted)
        truth_cases += cases_for(label, s, None, truths)
    return ext_cases, truth_cases, labels


def heldout_labels(seeds: list[int], docs: int, scanned_share: float, folder: Path) -> list[Path]:
    from training.factory.heldout import generate_heldout

    paths = []
    for seed in seeds:
        out = folder / f"heldout-{seed}"
        have = _labels(out) if out.exists() else []
        paths += have if len(have) >= docs else generate_heldout(docs, out, seed, scanned_share=scanned_share)
    return paths


def kept_labels(folder: Path, dev_only: bool = False) -> list[Path]:
    """The kept folder's labels; ``dev_only``: refuse a blind set 2 folder holding a family of its test half."""
    paths = _labels(folder) if folder.is_dir() else []
    if not paths:
        which = "--set 2 --n 20" if dev_only else "--n 40"
        raise SystemExit(
            f"no labelled documents in {folder}: write the dev half with `python -m ledgerlens data blind {which} "
            f"--split dev --seed 5151 --scanned-share 0.25 --out {folder}` or pass --data"
        )
    if dev_only:
        from training.factory.blind2 import BLIND2_SPLITS, blind2_families

        dev = {f.family for f in blind2_families("dev")}
        stray = [p.name for p in paths if json.loads(p.read_text()).get("layout_family") not in dev]
        if stray:
            raise SystemExit(f"blind set 2: dev families only ({BLIND2_SPLITS['dev']}); not of them: {stray[:3]}")
    return paths
