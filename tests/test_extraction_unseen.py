"""Reading layouts and words the extractor has never met: tables by arithmetic, header fields by layout and type,
totals by arithmetic, sub-lines as extras, rates listed in clauses, expiry as a term, monogram letterheads."""

from __future__ import annotations

from decimal import Decimal

from bench.bench_extraction import score_document
from extraction.document import Document, Page, Word
from extraction.heuristic import HeuristicExtractor
from extraction.pipeline import extract
from extraction.result import Extraction
from training.factory.common import GeneratedDoc, family_id
from training.factory.heldout import make_heldout_contract, make_heldout_po


def _po_family(**parts: str) -> set[str]:
    base = {"language": "de", "header": "boxed", "table": "ruled", "totals": "plain"} | parts
    return {family_id("po-heldout", base)}


def _read(doc: GeneratedDoc) -> Extraction:
    return extract(doc.pdf_bytes, "x.pdf", extractor=HeuristicExtractor())[1]


def _lines_right(doc: GeneratedDoc, extraction: Extraction) -> int:
    """Lines whose every printed cell is right, scored as the extraction bench scores them."""
    return int(score_document(doc.truth, extraction)["lines_correct"])


def test_unknown_column_words_read_by_arithmetic_with_sub_lines_as_extras() -> None:
    for seed in range(3):
        doc = make_heldout_po(seed, families=_po_family(table="erp_sublines", language="fr"))
        extraction = _read(doc)
        assert _lines_right(doc, extraction) == len(doc.truth["line_items"])
        for item in extraction.line_items:
            assert item.extra and ":" not in str(item.value("description"))
            assert item.to_contract()["extra"][0]["text"]


def test_wide_landscape_table_and_sidebar_header() -> None:
    doc = make_heldout_po(3, families=_po_family(table="wide", header="sidebar", language="es"))
    extraction = _read(doc)
    assert _lines_right(doc, extraction) == len(doc.truth["line_items"])
    for name in ("po_number", "order_date", "currency", "vendor_name"):
        if name in doc.truth["fields"]:
            assert str(extraction.value(name)) == str(doc.truth["fields"][name]), name
            # the vendor's Spanish caption ('Proveedor') and the order number's (read by extraction.facts, which
            # knows a language's word for an order) are read as captions now
            if name not in ("vendor_name", "po_number"):
                assert extraction.fields[name].confidence < 0.5  # placed by layout alone: reviewed


def test_subtotal_is_the_sum_of_the_lines_when_charges_follow() -> None:
    doc = make_heldout_po(4, families=_po_family(totals="charges", header="erp", language="en"))
    extraction = _read(doc)
    lines_sum = sum(Decimal(line["amount"]) for line in doc.truth["line_items"])
    assert extraction.value("subtotal") == lines_sum
    assert extraction.value("total") == Decimal(doc.truth["fields"]["total"])


def test_listed_rates_prose_dates_and_expiry_as_a_term() -> None:
    families = {family_id("contract-heldout", {"schedule": s, "dates": "prose", "expiry": "term"})
                for s in ("numbered", "listed")}  # fmt: skip
    for seed in range(2):
        doc = make_heldout_contract(seed, families=families)
        extraction = _read(doc)
        assert _lines_right(doc, extraction) == len(doc.truth["line_items"])
        for name in ("effective_date", "expiry_date"):
            assert extraction.value(name).isoformat() == doc.truth["fields"][name]


def test_monogram_letters_are_not_part_of_the_letterhead_name() -> None:
    words = [
        Word("&", (0.08, 0.05, 0.1, 0.07)),
        Word("Novak", (0.11, 0.05, 0.2, 0.07)),
        Word("Manufacturing", (0.21, 0.05, 0.4, 0.07)),
        Word("GmbH", (0.41, 0.05, 0.48, 0.07)),
        Word("Industriestraße", (0.08, 0.09, 0.2, 0.1)),
        Word("5", (0.21, 0.09, 0.22, 0.1)),
    ]
    extraction = HeuristicExtractor().extract(Document([Page(1, 595, 842, words)]))
    assert extraction.value("buyer_name") == "Novak Manufacturing GmbH"


def _header(rows: list[tuple[float, float, str]]) -> Extraction:
    from tests.fixtures_docs import document_of_rows

    return HeuristicExtractor().extract(document_of_rows(rows), "purchase_order")


def test_a_number_in_a_company_s_block_is_no_order_number() -> None:
    # a registration number under the letterhead's address (right-aligned) and under a party's block (left-aligned)
    # is the company's: the code under its own caption further down is the order's, whatever the caption says
    right = [(0.04, "Novak Stroje s.r.o."), (0.06, "Hlavni 25, Plzen"), (0.075, "Reg: 83942572")]
    letterhead = [(0.95 - 0.009 * len(text), y, text) for y, text in right]
    party = [(0.05, 0.14, "Kantoor Vries B.V."), (0.05, 0.155, "Stratumseind 50"), (0.05, 0.17, "Reg 16764449")]
    below = [(0.05, 0.23, "Zakazka"), (0.05, 0.245, "OBJ-2025-4032")]
    for rows in (letterhead + below, party + below):
        assert _header(rows).value("po_number") == "OBJ-2025-4032"


def test_two_values_joined_by_a_slash_under_a_caption_of_two() -> None:
    rows = [
        (0.55, 0.05, "Kivi Koneet Oy"),
        (0.55, 0.15, "Tilausnro/Pvm"),
        (0.55, 0.165, "4500078838/ 13.10.2026"),
        (0.55, 0.20, "Asiakasnumero"),
        (0.55, 0.215, "620801"),
    ]
    extraction = _header(rows)
    assert extraction.value("po_number") == "4500078838"
    assert str(extraction.value("order_date")) == "2026-10-13"


def test_numbered_box_captions_and_a_year_first_date() -> None:
    rows = [
        (0.06, 0.08, "1. PAGE"),
        (0.20, 0.08, "2. ORDER NO."),
        (0.45, 0.08, "3. DATE OF ORDER"),
        (0.06, 0.095, "1 OF 1"),
        (0.20, 0.095, "W997QR-26-P-5393"),
        (0.45, 0.095, "2026 JUL 28"),
        (0.06, 0.28, "13. DISCOUNT / PROMPT PAYMENT"),
        (0.06, 0.295, "0% 20 DAYS / NET 30"),
    ]
    extraction = _header(rows)
    assert str(extraction.value("order_date")) == "2026-07-28"
    assert extraction.value("payment_terms") == "0% 20 DAYS / NET 30"


def test_a_title_s_number_sign_ends_its_caption() -> None:
    for title in ("BON DE COMMANDE N° BC20240450", "BESTELLUNG Nr. BC20240450"):
        extraction = _header([(0.06, 0.05, "Duval Emballages SARL"), (0.06, 0.20, title)])
        assert extraction.value("po_number") == "BC20240450", title


def test_a_numbered_clause_is_no_box_caption() -> None:
    extraction = _header([(0.06, 0.30, "3. Payment. Invoices remain payable within 60 days of invoice. All other")])
    assert not str(extraction.value("payment_terms") or "").startswith("Invoices")
