"""The layout tagger's pieces on tiny models and hand-made documents: mapping, windows, grouping, calibration."""

from __future__ import annotations

import functools
import json
import random
from datetime import date
from decimal import Decimal
from pathlib import Path
from typing import Any

import numpy as np
import pytest
import torch

from extraction.document import Document, Page, Word
from extraction.result import Extraction
from models.layout.artifact import ArtifactError, LayoutBundle, load_bundle, save_bundle
from models.layout.calibration import Calibrator, fit_maps, fit_temperature
from models.layout.extractor import LayoutExtractor
from models.layout.grouping import TaggedWord, line_items, spans_from_words
from models.layout.labels import EXTRACTION_LABELS
from models.layout.modeling import build_model, load_tokenizer, map_minilm_weights
from models.layout.windowing import encode_page, word_logits
from models.metrics import expected_calibration_error

torch.set_num_threads(1)
TINY = {"tiny": True, "hidden_size": 32, "num_hidden_layers": 1, "num_attention_heads": 2, "intermediate_size": 64}

# ---------------------------------------------------------------- a hand-made labelled document (factory format)

BUYERS = ["Acme GmbH", "Globex Ltd", "Initech Inc", "Umbrella AG", "Stark Industries"]
VENDORS = ["Widget Works", "Bolt Supply Co", "Nordic Metals AB", "Delta Parts"]
ITEMS = [
    ("Steel bolts", "zinc plated M8"),
    ("Copper wire", "2.5 mm reel"),
    ("Safety gloves", "size L"),
    ("Drill bits", ""),
]


def make_label(doc_id: str, family: int, seed: int, rows: int = 3) -> dict[str, Any]:
    """A one-page PO in the factory's label format; ``family`` moves the header blocks and the table."""
    rng = random.Random(seed)
    words: list[dict[str, Any]] = []
    y = 40 + 10 * family

    def put(text: str, x: int, tag: str = "O", row: int | None = None) -> int:
        for i, token in enumerate(text.split()):
            width = 9 * len(token)
            t = tag if i == 0 or tag == "O" else "I-" + tag[2:]
            words.append({"text": token, "box": [x, y, x + width, y + 14], "tag": t, "row": row})
            x += width + 8
        return x

    po, day = f"PO-{rng.randint(10000, 99999)}", rng.randint(1, 28)
    buyer, vendor = rng.choice(BUYERS), rng.choice(VENDORS)
    left, right = (60, 560) if family % 2 == 0 else (560, 60)
    put("Purchase Order", 60)
    y += 30
    put("PO Number:", left)
    put(po, left + 110, "B-po_number")
    put("Date:", right)
    put(f"2026-03-{day:02d}", right + 60, "B-order_date")
    y += 24
    put("Buyer:", left)
    put(buyer, left + 70, "B-buyer_name")
    put("Vendor:", right)
    put(vendor, right + 80, "B-vendor_name")
    y += 24
    put("Currency:", left)
    put("EUR", left + 100, "B-currency")
    y += 40 + 6 * family
    put("SKU Description Qty Price Amount", 60)
    lines, subtotal = [], Decimal(0)
    for r in range(rows):
        y += 22
        name, extra = rng.choice(ITEMS)
        qty, price = rng.randint(1, 20), Decimal(rng.randint(100, 9999)) / 100
        amount = qty * price
        subtotal += amount
        sku = f"A-{rng.randint(100, 999)}"
        put(sku, 60, "B-sku", r)
        put(name, 160, "B-description", r)
        put(str(qty), 520, "B-quantity", r)
        put(f"{price:.2f}", 620, "B-unit_price", r)
        put(f"{amount:.2f}", 760, "B-amount", r)
        description = name
        if extra:  # a wrapped description: its second line carries no numbers
            y += 18
            put(extra, 160, "I-description", r)
            description = f"{name} {extra}"
        lines.append(
            {
                "sku": sku,
                "description": description,
                "quantity": str(qty),
                "unit_price": f"{price:.2f}",
                "amount": f"{amount:.2f}",
            }
        )
    tax = (subtotal * Decimal("0.19")).quantize(Decimal("0.01"))
    for label, value, tag in (
        ("Subtotal", subtotal, "subtotal"),
        ("Tax", tax, "tax_total"),
        ("Total", subtotal + tax, "total"),
    ):
        y += 24
        put(label, 600)
        put(f"{value:.2f}", 760, f"B-{tag}")
    truth = {
        "fields": {
            "po_number": po,
            "order_date": f"2026-03-{day:02d}",
            "buyer_name": buyer,
            "vendor_name": vendor,
            "currency": "EUR",
            "subtotal": f"{subtotal:.2f}",
            "tax_total": f"{tax:.2f}",
            "total": f"{subtotal + tax:.2f}",
        },
        "line_items": lines,
    }
    return {
        "doc_id": doc_id,
        "kind": "po",
        "doc_type": "purchase_order",
        "layout_family": f"po-fixture{family}",
        "scanned": False,
        "truth": truth,
        "pages": [{"page": 1, "width": 612, "height": 792, "words": words}],
    }


def write_fixture(folder: Path, n: int, families: int = 4) -> Path:
    folder.mkdir(parents=True, exist_ok=True)
    for i in range(n):
        (folder / f"doc{i:03d}.json").write_text(json.dumps(make_label(f"doc{i:03d}", i % families, seed=i)))
    return folder


def oracle_tags(label: dict[str, Any]) -> tuple[Document, list[TaggedWord]]:
    """The document and its words tagged with the truth (as a perfect tagger would)."""
    from training.layout import LabelledDoc

    doc = LabelledDoc("d", "purchase_order", "f", False, label["truth"], label["pages"]).document()
    tags = [w["tag"] for p in label["pages"] for w in p["words"]]
    words = [w for p in doc.pages for w in p.words]
    return doc, [TaggedWord(w, 1, t, 0.97) for w, t in zip(words, tags, strict=True)]


@pytest.fixture(scope="module")
def tokenizer():
    return load_tokenizer()


@pytest.fixture(scope="module")
def tiny_bundle(tokenizer) -> LayoutBundle:
    torch.manual_seed(0)
    model = build_model(EXTRACTION_LABELS, pretrained=False, **TINY).eval()
    return LayoutBundle(model, tokenizer, EXTRACTION_LABELS, max_length=64, stride=16)


# ---------------------------------------------------------------- the model


def test_minilm_maps_into_layoutlm_and_only_2d_positions_and_classifier_start_fresh():
    model = build_model(EXTRACTION_LABELS, pretrained=False)
    report = map_minilm_weights(model)
    assert len(report.mapped) == 103 and not report.unused
    assert sorted(report.fresh) == sorted(
        [f"layoutlm.embeddings.{a}_position_embeddings.weight" for a in "xyhw"]
        + ["classifier.weight", "classifier.bias"]
    )
    from safetensors.torch import load_file

    from models.layout.modeling import minilm_path

    source = load_file(str(minilm_path() / "model.safetensors"))
    key = "encoder.layer.5.output.dense.weight"
    assert torch.equal(model.state_dict()[f"layoutlm.{key}"], source[key])


def test_a_fresh_tagger_starts_as_its_text_encoder_whatever_the_boxes():
    # the 2-D embeddings start at zero: random ones (N(0, 0.02), six per token) were as large as the word
    # embedding and scrambled the pretrained input (FUNSD entity F1 0.26)
    torch.manual_seed(0)
    model = build_model(EXTRACTION_LABELS, pretrained=False, **TINY).eval()
    ids = torch.tensor([[101, 2000, 2001, 2002, 102]])
    corner = torch.randint(0, 900, (1, 5, 2))
    boxes = torch.cat([corner, corner + torch.tensor([10, 20])], dim=-1)
    with torch.no_grad():
        placed = model(input_ids=ids, bbox=boxes).logits
        nowhere = model(input_ids=ids, bbox=torch.zeros_like(boxes)).logits
        random_start = build_model(EXTRACTION_LABELS, pretrained=False, layout_init="random", **TINY).eval()
        random_start.load_state_dict(
            {k: v for k, v in model.state_dict().items() if "_position_embeddings" not in k or "layoutlm" not in k},
            strict=False,
        )
        scrambled = random_start(input_ids=ids, bbox=boxes).logits
    assert torch.allclose(placed, nowhere)
    assert not torch.allclose(scrambled, nowhere, atol=1e-3)  # the old start: the boxes moved the output


# ---------------------------------------------------------------- windows


def test_long_page_is_cut_into_overlapping_windows_that_cover_every_word(tokenizer):
    words = [f"word{i}" for i in range(300)]  # several pieces each: far more than one 64-token window
    boxes = [[i % 1000, 10, i % 1000 + 5, 20] for i in range(300)]
    labels = [i % 3 for i in range(300)]
    windows = encode_page(tokenizer, words, boxes, labels, max_length=64, stride=16)
    assert len(windows) > 5
    assert all(len(w.input_ids) <= 64 and len(w.bbox) == len(w.input_ids) for w in windows)
    seen = {i for w in windows for i in w.word_index if i >= 0}
    assert seen == set(range(300))
    first = windows[0]
    assert first.input_ids[0] == tokenizer.cls_token_id and first.input_ids[-1] == tokenizer.sep_token_id
    # the labels sit on first pieces only and carry the word's label
    for w in windows:
        for index, label in zip(w.word_index, w.labels, strict=True):
            assert (label == -100) == (index < 0)
            if index >= 0:
                assert label == labels[index]
    # consecutive windows overlap: a word in two windows is read from the one where it sits more centrally
    fake = [np.tile(np.arange(len(w.input_ids))[:, None], (1, 2)).astype(np.float32) for w in windows]
    per_word = word_logits(windows, fake, 300)
    shared = set(windows[0].word_index) & set(windows[1].word_index) - {-1}
    assert shared
    last_shared = max(shared)
    pos0 = windows[0].word_index.index(last_shared)
    pos1 = windows[1].word_index.index(last_shared)
    expected = pos0 if min(pos0 - 1, len(windows[0].input_ids) - 2 - pos0) >= min(pos1 - 1, 62 - pos1) else pos1
    assert per_word[last_shared, 0] == expected


def test_a_word_of_three_pieces_is_labelled_and_read_on_its_first_piece_only(tokenizer):
    assert tokenizer.tokenize("LedgerLens") == ["ledger", "##len", "##s"]
    words, boxes = ["Date", "LedgerLens", "Total"], [[0, 0, 10, 10], [20, 0, 60, 10], [70, 0, 90, 10]]
    (window,) = encode_page(tokenizer, words, boxes, [1, 2, 3])
    assert window.labels == [-100, 1, 2, -100, -100, 3, -100]
    assert window.word_index == [-1, 0, 1, -1, -1, 2, -1]
    assert window.bbox[2:5] == [[20, 0, 60, 10]] * 3  # every piece of a word sits in the word's box
    logits = np.arange(7, dtype=np.float32)[:, None] * np.ones((1, 4), dtype=np.float32)
    assert word_logits([window], [logits], 3)[:, 0].tolist() == [1, 2, 5]  # the first piece of each word


def test_word_that_tokenizes_to_nothing_still_gets_a_token(tokenizer):
    windows = encode_page(tokenizer, ["Total", "\u200b", "12.00"], [[0, 0, 10, 10]] * 3, [0, 0, 0])
    assert {i for i in windows[0].word_index if i >= 0} == {0, 1, 2}


# ---------------------------------------------------------------- grouping and arithmetic


@pytest.mark.parametrize("strategy", ["sequence", "geometry"])
def test_grouping_keeps_wrapped_descriptions_in_their_row(strategy):
    label = make_label("d", 0, seed=4, rows=4)
    doc, tagged = oracle_tags(label)
    from models.layout.extractor import Normaliser

    rows = line_items(spans_from_words(tagged), Normaliser([w.word.text for w in tagged]), strategy)  # type: ignore[arg-type]
    truth = label["truth"]["line_items"]
    assert [r.cells["description"].value for r in rows] == [t["description"] for t in truth]
    assert [r.cells["amount"].value for r in rows] == [Decimal(t["amount"]) for t in truth]


@pytest.mark.parametrize("strategy", ["sequence", "geometry"])
def test_a_row_split_over_a_page_break_stays_one_line(strategy):
    def word(text: str, x: float, y: float) -> Word:
        return Word(text, (x, y, x + 0.05, y + 0.015))

    page1 = [("A-1", "B-sku", 0.8), ("Bolts", "B-description", 0.85), ("2", "B-quantity", 0.9)]
    page1 += [("1.50", "B-unit_price", 0.9), ("3.00", "B-amount", 0.9)]
    tagged = [TaggedWord(word(t, 0.1 + 0.15 * i, 0.8), 1, tag, 0.9) for i, (t, tag, _) in enumerate(page1)]
    tagged.append(TaggedWord(word("hex", 0.25, 0.83), 1, "I-description", 0.9))
    tagged.append(TaggedWord(word("galvanised", 0.25, 0.05), 2, "I-description", 0.9))  # top of page 2
    tagged += [
        TaggedWord(word("A-2", 0.1, 0.1), 2, "B-sku", 0.9),
        TaggedWord(word("Nuts", 0.25, 0.1), 2, "B-description", 0.9),
        TaggedWord(word("1", 0.4, 0.1), 2, "B-quantity", 0.9),
        TaggedWord(word("4.00", 0.55, 0.1), 2, "B-unit_price", 0.9),
        TaggedWord(word("4.00", 0.7, 0.1), 2, "B-amount", 0.9),
    ]
    from models.layout.extractor import Normaliser

    rows = line_items(spans_from_words(tagged), Normaliser([]), strategy)  # type: ignore[arg-type]
    assert [r.cells["description"].value for r in rows] == ["Bolts hex galvanised", "Nuts"]
    assert rows[0].cells["description"].page == 1


def test_extraction_from_tags_normalises_values_checks_arithmetic_and_flags_review(tiny_bundle):
    label = make_label("d", 1, seed=7)
    doc, tagged = oracle_tags(label)
    extraction = LayoutExtractor(tiny_bundle).assemble(doc, tagged)
    truth = label["truth"]
    assert extraction.doc_type == "purchase_order"
    assert extraction.value("po_number") == truth["fields"]["po_number"]
    assert extraction.value("order_date") == date.fromisoformat(truth["fields"]["order_date"])
    assert extraction.value("total") == Decimal(truth["fields"]["total"])
    assert extraction.value("currency") == "EUR"
    assert len(extraction.line_items) == 3
    assert extraction.needs_review is False, extraction.review_reasons
    # a wrong amount: the arithmetic catches it and says where
    bad = [
        TaggedWord(Word("999.99", t.word.bbox), t.page, t.label, t.prob) if t.label == "B-amount" and i == 0 else t
        for i, t in enumerate(tagged)
    ]
    first_amount = next(i for i, t in enumerate(tagged) if t.label == "B-amount")
    bad = list(tagged)
    bad[first_amount] = TaggedWord(Word("999.99", tagged[first_amount].word.bbox), 1, "B-amount", 0.97)
    flagged = LayoutExtractor(tiny_bundle).assemble(doc, bad)
    assert flagged.needs_review
    assert any("line 1: quantity x unit price" in r for r in flagged.review_reasons)
    assert any("subtotal" in r for r in flagged.review_reasons)


def test_arithmetic_status_moves_confidence_through_the_calibration_maps(tiny_bundle):
    label = make_label("d", 1, seed=7)
    doc, tagged = oracle_tags(label)
    calibrator = Calibrator(
        maps={"line:ok": ([0.0, 1.0], [0.5, 0.99]), "line:bad": ([0.0, 1.0], [0.1, 0.3])},
    )
    bundle = LayoutBundle(tiny_bundle.model, tiny_bundle.tokenizer, tiny_bundle.labels, calibrator)
    good = LayoutExtractor(bundle).assemble(doc, tagged)
    first_amount = next(i for i, t in enumerate(tagged) if t.label == "B-amount")
    bad = list(tagged)
    bad[first_amount] = TaggedWord(Word("999.99", tagged[first_amount].word.bbox), 1, "B-amount", 0.97)
    flagged = LayoutExtractor(bundle).assemble(doc, bad)
    assert good.line_items[0].confidence > 0.9 > 0.3 > flagged.line_items[0].confidence
    assert flagged.line_items[1].confidence == pytest.approx(good.line_items[1].confidence)


# ---------------------------------------------------------------- calibration


def test_temperature_scaling_softens_an_overconfident_tagger():
    rng = np.random.default_rng(0)
    labels = rng.integers(0, 3, 4000)
    logits = rng.normal(0, 1, (4000, 3))
    right = rng.random(4000) < 0.7
    predicted = np.where(right, labels, (labels + 1) % 3)
    logits[np.arange(4000), predicted] += 8.0  # sure of itself, right only 70% of the time
    temperature = fit_temperature(logits, labels)
    assert temperature > 2.0
    before = Calibrator(1.0).probs(logits).max(-1)
    after = Calibrator(temperature).probs(logits).max(-1)
    ok = predicted == labels
    ece = functools.partial(expected_calibration_error, outcomes=ok)
    assert ece(confidences=after) < ece(confidences=before) / 3


def test_isotonic_maps_turn_scores_into_observed_accuracy():
    rng = np.random.default_rng(1)
    scores = rng.random(2000)
    right = rng.random(2000) < scores**3  # raw scores far too high
    records = [("field", "na", float(s), bool(r)) for s, r in zip(scores, right, strict=True)]
    calibrator = Calibrator(maps=fit_maps(records))
    mapped = [calibrator.confidence("field", "na", float(s)) for s in scores]
    ece = functools.partial(expected_calibration_error, outcomes=right)
    assert ece(confidences=mapped) < 0.03 < ece(confidences=scores)
    assert calibrator.confidence("field", "ok", 0.5) == calibrator.confidence("field", "any", 0.5)  # pooled fallback


# ---------------------------------------------------------------- artifact and end to end with a tiny model


def test_artifact_round_trip_and_hash_check(tiny_bundle, tmp_path):
    tiny_bundle.calibrator = Calibrator(1.7, {"field:any": ([0.0, 1.0], [0.2, 0.9])})
    folder = save_bundle(tiny_bundle, tmp_path / "layout")
    loaded = load_bundle(folder)
    assert loaded.labels == EXTRACTION_LABELS and loaded.calibrator.temperature == 1.7
    doc = Document([Page(1, 612, 792, [Word("Total", (0.5, 0.5, 0.55, 0.52)), Word("12.00", (0.6, 0.5, 0.65, 0.52))])])
    ids = [101, 2561, 2260, 102]
    inputs = {"input_ids": torch.tensor([ids]), "bbox": torch.tensor([[[0, 0, 0, 0]] * 4])}
    with torch.no_grad():
        a = tiny_bundle.model(**inputs).logits
        b = loaded.model(**inputs).logits
    assert torch.allclose(a, b, atol=1e-2)  # fp16 storage
    assert isinstance(LayoutExtractor(loaded).extract(doc), Extraction)
    weights = folder / "model.safetensors"
    weights.write_bytes(weights.read_bytes()[:-10] + b"0123456789")
    with pytest.raises(ArtifactError, match="hash"):
        load_bundle(folder)


def test_tiny_model_extracts_a_multi_window_document_into_the_contract_shape(tiny_bundle):
    jsonschema = pytest.importorskip("jsonschema")
    label = make_label("d", 0, seed=3, rows=6)
    doc, _ = oracle_tags(label)
    doc.pages.append(Page(2, 612, 792, list(doc.pages[0].words), source="ocr"))
    extraction = LayoutExtractor(tiny_bundle).extract(doc)  # 64-token windows: several per page
    assert extraction.page_count == 2
    schema_path = Path(__file__).resolve().parents[2] / "shared" / "contract" / "extraction.schema.json"
    if not schema_path.is_file():
        schema_path = Path("/work/shared/contract/extraction.schema.json")
    schema = json.loads(schema_path.read_text())
    jsonschema.validate(extraction.to_contract("doc-1"), schema)
    for item in extraction.line_items:
        assert 0.0 <= item.confidence <= 1.0


def test_artifact_leaves_out_the_tensors_it_can_read_back_from_the_minilm_package(tmp_path, tokenizer):
    model = build_model(EXTRACTION_LABELS)  # straight from MiniLM: the text encoder equals the package's
    with torch.no_grad():
        model.layoutlm.encoder.layer[0].output.dense.weight.add_(0.5)  # as if fine-tuned
    folder = save_bundle(LayoutBundle(model, tokenizer, EXTRACTION_LABELS), tmp_path / "layout")
    manifest = json.loads((folder / "manifest.json").read_text())
    kept_out = set(manifest["from_minilm"]["keys"])
    assert "layoutlm.embeddings.word_embeddings.weight" in kept_out
    assert "layoutlm.encoder.layer.0.output.dense.weight" not in kept_out
    assert (folder / "model.safetensors").stat().st_size < 12_000_000  # the fresh and changed tensors, fp16
    loaded = load_bundle(folder, tokenizer).model.state_dict()
    for key, value in model.state_dict().items():
        assert torch.allclose(loaded[key], value, atol=2e-3), key


def test_combination_takes_each_field_from_the_source_that_was_better_held_out():
    from extraction.result import FieldValue, LineItem
    from models.layout.combine import combine

    def line(amount: str) -> LineItem:
        cells = {"quantity": FieldValue(Decimal(1), 0.9), "unit_price": FieldValue(Decimal(amount), 0.9)}
        cells["amount"] = FieldValue(Decimal(amount), 0.9)
        return LineItem(cells, 0.95)

    model = Extraction(
        "purchase_order", 1, {"po_number": FieldValue("PO-1", 0.95), "total": FieldValue(Decimal("10"), 0.6)}
    )
    model.line_items = [line("10")]
    heuristic = Extraction("other", 1, {"po_number": FieldValue("P0-1", 0.9), "total": FieldValue(Decimal("12"), 0.9)})
    heuristic.line_items = [line("12")]
    sources = {"po_number": "model", "total": "heuristic", "line_items": "model"}
    combined = combine(model, heuristic, sources, threshold=0.8)
    assert combined.value("po_number") == "PO-1" and combined.value("total") == Decimal("12")
    assert combined.doc_type == "purchase_order" and combined.line_items[0].value("amount") == Decimal("10")
    assert combined.needs_review and any("total" in r for r in combined.review_reasons)  # lines sum to 10, not 12
    assert combine(model, None, sources, 0.8) is model


def test_combine_takes_derived_fields_from_their_source_and_unmeasured_ones_from_the_heuristic():
    from extraction.result import Extraction, FieldValue
    from models.layout.combine import combine

    model = Extraction(
        "purchase_order",
        1,
        {
            "payment_terms": FieldValue("Net 45", 0.9),
            "payment_terms_days": FieldValue(45, 0.9),
            "contract_number": FieldValue("C-1", 0.9),
            "buyer_name": FieldValue("M", 0.9),
        },
    )
    heuristic = Extraction(
        "purchase_order",
        1,
        {
            "payment_terms": FieldValue("Net 30", 0.9),
            "payment_terms_days": FieldValue(30, 0.9),
            "contract_number": FieldValue("C-2", 0.9),
            "buyer_name": FieldValue("H", 0.9),
        },
    )
    out = combine(model, heuristic, {"payment_terms": "heuristic", "contract_number": "model"}, 0.5)
    assert out.value("payment_terms_days") == 30 and out.value("payment_terms") == "Net 30"
    assert out.value("contract_number") == "C-1"
    assert out.value("buyer_name") == "H"  # never measured: the heuristic's


def _on_line(texts_and_tags: list[tuple[str, str, float, dict[str, float]]], y: float) -> list[TaggedWord]:
    """Words left to right on one text line, with their label, its probability and the entity probabilities."""
    out, x = [], 0.1
    for text, label, prob, entities in texts_and_tags:
        width = 0.012 * len(text)
        out.append(TaggedWord(Word(text, (x, y, x + width, y + 0.012)), 1, label, prob, entities))
        x += width + 0.008
    return out


def test_a_header_field_is_one_run_of_words_whatever_b_and_i_labels_the_tagger_gave():
    from models.layout.extractor import Normaliser
    from models.layout.grouping import header_fields

    words = _on_line(
        [
            ("Supplier:", "O", 0.9, {}),
            ("Harbor", "O", 0.7, {"vendor_name": 0.25}),  # the tagger's second choice
            ("Plastics", "B-vendor_name", 0.5, {"vendor_name": 0.52}),
            ("B.V.", "B-vendor_name", 0.5, {"vendor_name": 0.6}),  # a second B- inside the name
        ],
        y=0.2,
    ) + _on_line([("Unrelated", "O", 0.9, {"vendor_name": 0.3}), ("Ltd", "O", 0.9, {})], y=0.5)
    fields = header_fields(words, Normaliser([w.word.text for w in words]))
    assert fields["vendor_name"].value == "Harbor Plastics B.V."
    assert fields["vendor_name"].score == pytest.approx((0.25 + 0.52 + 0.6) / 3)
    # nothing labelled: the words most likely to hold the field, with their (low) score
    words = _on_line([("PO", "O", 0.9, {}), ("4711", "O", 0.6, {"po_number": 0.35})], y=0.1)
    fields = header_fields(words, Normaliser(["4711"]))
    assert fields["po_number"].value == "4711"
    assert fields["po_number"].score == pytest.approx(0.35)
    # below the floor: no value rather than a guess
    words = _on_line([("4711", "O", 0.9, {"po_number": 0.1})], y=0.1)
    assert "po_number" not in header_fields(words, Normaliser(["4711"]))


def test_subtotal_tax_and_total_are_chosen_together_so_that_they_add_up():
    from models.layout.consistency import check, resolve_totals
    from models.layout.extractor import Normaliser
    from models.layout.grouping import RawRow, RawValue, header_fields

    def row(amount: str) -> RawRow:
        return RawRow({"amount": RawValue(Decimal(amount), 0.9, 1, (0.8, 0.3, 0.9, 0.31), amount)})

    rows = [row("100.00"), row("50.00")]
    # the tagger found the totals block but mixed up its three numbers
    block = [
        ("150.00", "B-tax_total", 0.4, {"subtotal": 0.3, "tax_total": 0.4, "total": 0.2}, 0.6),
        ("30.00", "B-total", 0.4, {"subtotal": 0.2, "tax_total": 0.35, "total": 0.4}, 0.62),
        ("180.00", "B-subtotal", 0.4, {"subtotal": 0.4, "tax_total": 0.2, "total": 0.38}, 0.64),
        ("7.00", "B-amount", 0.9, {"amount": 0.9}, 0.66),  # not a total: never a candidate
    ]
    words = [
        TaggedWord(Word(text, (0.8, y, 0.9, y + 0.012)), 1, label, prob, entities)
        for text, label, prob, entities, y in block
    ]
    normaliser = Normaliser([w.word.text for w in words])
    picked = header_fields(words, normaliser)
    assert not all(s == "ok" for s in check(picked, rows).field_status.values())
    resolved = resolve_totals(picked, rows, words, normaliser)
    assert {k: resolved[k].value for k in ("subtotal", "tax_total", "total")} == {
        "subtotal": Decimal("150.00"),
        "tax_total": Decimal("30.00"),
        "total": Decimal("180.00"),
    }
    assert set(check(resolved, rows).field_status.values()) == {"ok"}
    # picks that already add up are kept as they are
    assert resolve_totals(resolved, rows, words, normaliser) is resolved


def test_a_fallback_source_fills_in_and_agreement_moves_the_combined_confidence():
    from extraction.result import FieldValue
    from models.layout.combine import combine

    model = Extraction(
        "purchase_order",
        1,
        {
            "currency": FieldValue("EUR", 0.7),
            "po_number": FieldValue("PO-7", 0.7),
            "total": FieldValue(Decimal(5), 0.7),
        },
    )
    heuristic = Extraction(
        "purchase_order", 1, {"po_number": FieldValue("po-7", 0.7), "total": FieldValue(Decimal(6), 0.7)}
    )
    calibrator = Calibrator(
        maps={
            "combined-field:agree": ([0.0, 1.0], [0.9, 0.99]),
            "combined-field:disagree": ([0.0, 1.0], [0.1, 0.3]),
            "combined-field:single": ([0.0, 1.0], [0.4, 0.6]),
        }
    )
    sources = {"currency": "heuristic+model", "po_number": "heuristic", "total": "heuristic"}
    out = combine(model, heuristic, sources, 0.8, calibrator)
    assert out.value("currency") == "EUR"  # the heuristic found none: the model's fills in
    assert out.fields["currency"].confidence == pytest.approx(0.4 + 0.2 * 0.7)
    assert out.fields["po_number"].confidence == pytest.approx(0.9 + 0.09 * 0.7)  # both read it
    assert out.value("total") == Decimal(6) and out.fields["total"].confidence == pytest.approx(0.1 + 0.2 * 0.7)
    # without the fallback, no currency
    assert "currency" not in combine(model, heuristic, {**sources, "currency": "heuristic"}, 0.8).fields


def test_sources_are_chosen_per_field_by_how_often_each_option_is_right_held_out():
    from extraction.result import FieldValue
    from training.evaluate_layout import choose_sources

    def pair(model_currency: str | None, heuristic_currency: str | None, truth: str) -> Any:
        def ext(value: str | None) -> Extraction:
            return Extraction("purchase_order", 1, {"currency": FieldValue(value, 0.9)} if value else {})

        return ext(model_currency), ext(heuristic_currency), {"fields": {"currency": truth}}

    # the heuristic is right when it reads a currency, the model only where the heuristic finds none
    pairs = [pair("USD", "EUR", "EUR"), pair("GBP", "GBP", "GBP"), pair("CHF", None, "CHF"), pair("SEK", None, "SEK")]
    assert choose_sources(pairs)["currency"] == "heuristic+model"
    pairs = [pair("EUR", "EUR", "EUR"), pair("GBP", "GBP", "GBP")]
    assert choose_sources(pairs)["currency"] == "heuristic"  # a tie keeps the simplest option


def test_the_combined_extraction_checks_totals_with_the_heuristics_charges_and_discounts():
    from extraction.result import FieldValue
    from models.layout.combine import combine

    fields = {n: FieldValue(Decimal(v), 0.9) for n, v in (("subtotal", "50.00"), ("tax_total", "5.00"))}
    model = Extraction("purchase_order", 1, {**fields, "total": FieldValue(Decimal("57.50"), 0.9)})
    heuristic = Extraction("purchase_order", 1, dict(model.fields), adjustments=[Decimal("5.00"), Decimal("-2.50")])
    sources = {"subtotal": "heuristic", "tax_total": "heuristic", "total": "heuristic"}
    assert not any("total" in r for r in combine(model, heuristic, sources, 0.5).review_reasons)
    heuristic.adjustments = []
    reasons = combine(model, heuristic, sources, 0.5).review_reasons
    assert any("subtotal 50.00 + tax 5.00 != total 57.50" in r for r in reasons)


def test_ocr_documents_get_the_sources_chosen_on_ocr_documents():
    from extraction.result import FieldValue
    from models.layout.combine import combine, sources_for

    sources = {"total": "heuristic", "ocr:total": "model", "po_number": "heuristic"}
    assert sources_for(sources, ocr=False) == {"total": "heuristic", "po_number": "heuristic"}
    assert sources_for(sources, ocr=True) == {"total": "model", "po_number": "heuristic"}
    model = Extraction("purchase_order", 1, {"total": FieldValue(Decimal("9"), 0.9)})
    heuristic = Extraction("purchase_order", 1, {"total": FieldValue(Decimal("8"), 0.9)})
    assert combine(model, heuristic, sources, 0.5).value("total") == Decimal("8")
    assert combine(model, heuristic, sources, 0.5, ocr=True).value("total") == Decimal("9")


def test_combine_keeps_the_heuristics_roles_where_the_model_read_the_same_parties_swapped():
    from extraction.result import Extraction, FieldValue
    from models.layout.combine import combine

    def reading(buyer: str, vendor: str, buyer_tax: str | None, vendor_tax: str | None) -> Extraction:
        fields = {"buyer_name": FieldValue(buyer, 0.9), "vendor_name": FieldValue(vendor, 0.9)}
        if buyer_tax:
            fields["buyer_tax_id"] = FieldValue(buyer_tax, 0.9)
        if vendor_tax:
            fields["vendor_tax_id"] = FieldValue(vendor_tax, 0.9)
        return Extraction("purchase_order", 1, fields)

    sources = dict.fromkeys(("buyer_name", "vendor_name", "buyer_tax_id", "vendor_tax_id"), "model")
    # the model read both parties in the other's role: the heuristic's roles stand, tax ids follow their party
    model = reading("Vendco Ltd", "Buyco GmbH", "V-1", "B-1")
    out = combine(model, reading("Buyco GmbH", "Vendco Ltd", None, "V-1"), sources, 0.5)
    assert (out.value("buyer_name"), out.value("vendor_name")) == ("Buyco GmbH", "Vendco Ltd")
    assert (out.value("buyer_tax_id"), out.value("vendor_tax_id")) == ("B-1", "V-1")
    # one name swapped: the heuristic's roles, and no tax id of the model's suspect roles
    out = combine(
        reading("Vendco Ltd", "Other AG", "X-1", "X-2"), reading("Buyco", "Vendco Ltd", None, None), sources, 0.5
    )
    assert (out.value("buyer_name"), out.value("vendor_name")) == ("Buyco", "Vendco Ltd")
    assert out.value("buyer_tax_id") is None and out.value("vendor_tax_id") is None
    # a plain disagreement (no swap) still goes to the source chosen on held-out data
    out = combine(reading("Buyco AG", "Vendco", "B-9", None), reading("Buyco", "Vendco", None, None), sources, 0.5)
    assert (out.value("buyer_name"), out.value("buyer_tax_id")) == ("Buyco AG", "B-9")


def test_combine_takes_the_heuristics_company_name_where_the_models_has_no_legal_form():
    from extraction.result import Extraction, FieldValue
    from models.layout.combine import combine

    def reading(buyer: str, vendor: str) -> Extraction:
        return Extraction("contract", 1, {"buyer_name": FieldValue(buyer, 0.9), "vendor_name": FieldValue(vendor, 0.9)})

    sources = dict.fromkeys(("buyer_name", "vendor_name"), "model")
    # on a scan the model tagged other words for the buyer and stopped inside the vendor's name
    model = reading("gjelder fra 02.01.2024", "Vestlandske")
    out = combine(model, reading("Trollvik Bygg ASA", "Vestlandske Mekaniske ASA"), sources, 0.5)
    assert (out.value("buyer_name"), out.value("vendor_name")) == ("Trollvik Bygg ASA", "Vestlandske Mekaniske ASA")
    # the model's company name stands against another company name, and against a name without a form
    out = combine(reading("Buyco AG", "Vendco Oy"), reading("Buyco Holding AG", "Vendco"), sources, 0.5)
    assert (out.value("buyer_name"), out.value("vendor_name")) == ("Buyco AG", "Vendco Oy")


def test_combine_takes_the_heuristics_company_name_where_the_model_tagged_a_bare_legal_form():
    from extraction.result import Extraction, FieldValue
    from models.layout.combine import combine

    def reading(buyer: str, vendor: str) -> Extraction:
        return Extraction(
            "purchase_order", 1, {"buyer_name": FieldValue(buyer, 0.9), "vendor_name": FieldValue(vendor, 0.9)}
        )

    sources = dict.fromkeys(("buyer_name", "vendor_name"), "model")
    # on a stamped scan the model tagged only a form: the party's own ('Co.') or the other party's
    out = combine(
        reading("Co.", "Co."), reading("Pinecrest Industrial Co.", "Hollis & Marsh Scientific Inc."), sources, 0.5
    )
    assert (out.value("buyer_name"), out.value("vendor_name")) == (
        "Pinecrest Industrial Co.",
        "Hollis & Marsh Scientific Inc.",
    )
    # a bare form against a bare form stays the model's
    out = combine(reading("Co.", "Vendco Oy"), reading("GmbH & Co. KG", "Vendco Oy"), sources, 0.5)
    assert out.value("buyer_name") == "Co."
