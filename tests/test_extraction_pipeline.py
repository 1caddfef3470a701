import json
from decimal import Decimal
from pathlib import Path

import pytest

from extraction.document import Document, Page, Word
from extraction.errors import DocumentError
from extraction.pipeline import PIPELINE, ExtractionJob, extract, run
from extraction.result import Extraction
from tests.fixtures_docs import PoSpec, render_po
from tests.services import require

SCHEMA = Path(__file__).resolve().parents[2] / "shared" / "contract" / "extraction.schema.json"


def test_extract_returns_document_and_extraction() -> None:
    document, extraction = extract(render_po(PoSpec()), "po.pdf")
    assert isinstance(document, Document) and isinstance(extraction, Extraction)
    assert extraction.page_count == document.page_count == 1
    assert extraction.value("po_number") == "PO-2026-0417"


def test_contract_json_is_valid_and_round_trips() -> None:
    jsonschema = pytest.importorskip("jsonschema")
    if not SCHEMA.exists():
        require("the shared contract is not beside the repository")
    _, extraction = extract(render_po(PoSpec()), "po.pdf")
    payload = extraction.to_contract("doc-1")
    jsonschema.validate(json.loads(json.dumps(payload)), json.loads(SCHEMA.read_text()))
    again = Extraction.from_contract(payload)
    assert again.value("total") == extraction.value("total")
    assert again.line_items[0].value("amount") == extraction.line_items[0].value("amount")


def test_doc_type_hint_wins_and_rechecks_required_fields() -> None:
    _, extraction = extract(render_po(PoSpec()), "po.pdf", doc_type_hint="contract")
    assert extraction.doc_type == "contract"
    assert "missing_field: effective_date" in extraction.review_reasons and extraction.needs_review


def test_errors_come_through_typed() -> None:
    with pytest.raises(DocumentError) as info:
        extract(b"not a document", "notes.txt")
    assert info.value.code == "unsupported_type"


def test_stages_share_one_signature_and_are_timed() -> None:
    class Stub:
        def extract(self, doc: Document, doc_type_hint: str | None = None) -> Extraction:
            return Extraction(doc_type="other", page_count=doc.page_count, model_version="stub")

    job = run(ExtractionJob(render_po(PoSpec()), extractor=Stub()))
    assert job.extraction is not None and job.extraction.model_version == "stub"
    assert set(job.seconds) == {stage.__name__ for stage in PIPELINE}


def test_a_running_footer_read_as_a_line_item_is_dropped() -> None:
    from extraction.document import Word
    from extraction.pipeline import furniture_stage
    from extraction.result import FieldValue, LineItem

    def words(text: str, y: float) -> list[Word]:
        return [Word(t, (0.1 + 0.12 * i, y, 0.2 + 0.12 * i, y + 0.012)) for i, t in enumerate(text.split())]

    footer = "Acme Ltd · Acct 4602 1109 5395"
    item_row = "Widget blue 12 4.50 54.00"
    pages = [Page(1, 612, 792, words(item_row, 0.5) + words(footer, 0.95)), Page(2, 612, 792, words(footer, 0.95))]
    one_page = [Page(1, 612, 792, words(item_row, 0.5) + words(footer, 0.95))]

    def item(y: float) -> LineItem:
        return LineItem({"amount": FieldValue(Decimal("1"), 0.9)}, 0.9, 1, (0.1, y, 0.9, y + 0.012))

    for doc_pages, kept in ((pages, 1), (one_page, 2)):
        job = ExtractionJob(b"", document=Document(doc_pages))
        job.extraction = Extraction("purchase_order", len(doc_pages), {}, [item(0.5), item(0.95)])
        assert len(furniture_stage(job).extraction.line_items) == kept  # type: ignore[union-attr]


def _tagged_line(text: str, y: float, x: float = 0.1) -> list[Word]:
    """One word every 0.09 of the page from x, on the line whose top is y."""
    return [Word(t, (x + 0.09 * i, y, x + 0.09 * i + 0.08, y + 0.012)) for i, t in enumerate(text.split())]


def test_tax_ids_go_to_the_party_named_before_them_whatever_their_caption() -> None:
    from extraction.result import FieldValue
    from extraction.taxids import read_tax_ids

    words = (
        _tagged_line("Harrowgate Provisions Inc.", 0.05)  # the buyer's letterhead
        + _tagged_line("Copperline Millworks LLC", 0.30)  # the vendor's party block, its id two lines below
        + _tagged_line("12 Main Street", 0.32)
        + _tagged_line("Filing: 91-0967929", 0.34)
        + _tagged_line("Order 45-1234567", 0.50)  # an EIN far from any party: left alone
        + _tagged_line("Harrowgate Provisions Inc. · Steuer-Ident DE136695976", 0.95)  # the footer names its party
    )
    ext = Extraction("purchase_order", 1, {
        "buyer_name": FieldValue("Harrowgate Provisions Inc.", 0.9, 1, (0.1, 0.05, 0.36, 0.062)),
        "vendor_name": FieldValue("Copperline Millworks LLC", 0.9, 1, (0.1, 0.30, 0.36, 0.312)),
    })  # fmt: skip
    read_tax_ids(Document([Page(1, 612, 792, words)]), ext)
    assert ext.value("vendor_tax_id") == "91-0967929" and ext.value("buyer_tax_id") == "DE136695976"


def test_bare_digit_tax_ids_only_after_their_schemes_name() -> None:
    from extraction.result import FieldValue
    from extraction.taxids import read_tax_ids

    words = (
        _tagged_line("Harrowgate Provisions Pty Ltd", 0.05)
        + _tagged_line("Phone 35 613 465 896", 0.07)  # valid ABN digits, but under no ABN caption
        + _tagged_line("Copperline Millworks Pty Ltd A.B.N.: 35 613 465 896", 0.30)
    )
    ext = Extraction("purchase_order", 1, {
        "buyer_name": FieldValue("Harrowgate Provisions Pty Ltd", 0.9, 1, (0.1, 0.05, 0.4, 0.062)),
        "vendor_name": FieldValue("Copperline Millworks Pty Ltd", 0.9, 1, (0.1, 0.30, 0.4, 0.312)),
    })  # fmt: skip
    read_tax_ids(Document([Page(1, 612, 792, words)]), ext)
    assert ext.value("vendor_tax_id") == "35613465896"
    assert ext.value("buyer_tax_id") is None


def test_a_tax_id_read_as_some_of_its_printed_groups_is_made_whole() -> None:
    """A reader took the middle groups of 'GB 707 0909 42' ('7070909', no tax id): the one valid tax id the page
    prints that holds them replaces it; a part two printed ids hold, or none, stays."""
    from extraction.result import FieldValue
    from extraction.taxids import read_tax_ids

    words = _tagged_line("VAT No.: GB 707 0909 42", 0.30) + _tagged_line("VAT Registration: GB 370 7612 97", 0.05)

    def mended(part: str) -> object:
        ext = Extraction("purchase_order", 1, {"vendor_tax_id": FieldValue(part, 0.5, 1)})
        read_tax_ids(Document([Page(1, 612, 792, words)]), ext)
        return ext.value("vendor_tax_id")

    assert mended("7070909") == "GB707090942"
    assert mended("123456") == "123456"


def test_the_callers_type_reaches_the_extractor() -> None:
    # a dated statement of work that names no agreement: the caller's 'contract' makes its date the effective date,
    # not an order date read by the heuristic's guess of an order
    from extraction.pipeline import extract_stage
    from tests.fixtures_docs import page_of_lines

    doc = page_of_lines(["Statement of Work 2031-17", "Dated 03/02/2031", "Customer: Tarnwick Foods Ltd",
                         "Supplier: Osgood Cold Chain LLC"])  # fmt: skip
    read = {}
    for hint in (None, "contract"):
        job = extract_stage(ExtractionJob(b"", doc_type_hint=hint, document=doc))
        assert job.extraction is not None
        read[hint] = set(job.extraction.fields)
    assert "order_date" in read[None] and "effective_date" not in read[None]
    assert "effective_date" in read["contract"] and "order_date" not in read["contract"]


def test_a_contract_keeps_no_order_date_beside_its_effective_date() -> None:
    from datetime import date

    from extraction.pipeline import contract_dates_stage
    from extraction.result import Extraction, FieldValue

    def job(doc_type: str, order: date) -> ExtractionJob:
        fields = {"effective_date": FieldValue(date(2025, 9, 18), 0.9), "order_date": FieldValue(order, 0.45)}
        return ExtractionJob(b"", extraction=Extraction(doc_type, 1, fields))  # type: ignore[arg-type]

    contract = contract_dates_stage(job("contract", date(2025, 9, 18))).extraction
    assert contract is not None and "order_date" not in contract.fields and "effective_date" in contract.fields
    # another date on a contract that has its effective date (the day it was signed or stamped) is no field either
    other = contract_dates_stage(job("contract", date(2025, 9, 1))).extraction
    assert other is not None and "order_date" not in other.fields and "effective_date" in other.fields
    # a contract without an effective date keeps it for the review; an order keeps its own date
    bare = job("contract", date(2025, 9, 1))
    assert bare.extraction is not None
    del bare.extraction.fields["effective_date"]
    assert "order_date" in (contract_dates_stage(bare).extraction or bare.extraction).fields
    order = contract_dates_stage(job("purchase_order", date(2025, 9, 18))).extraction
    assert order is not None and "order_date" in order.fields
