"""Header fields on layouts blind set 15's dev half showed: a deed's parties as a numbered list, each with its
register's number as letters, a hyphen and six digits ('Reg. No. MC-994402'); a contract in questions and answers
whose answer's 'A' stands a little apart before the parties' sentence; an order's date beside its number under a
requisition whose own date stands first.

Hand-placed words; names and numbers made up for the tests."""

from datetime import date

from extraction.document import Document
from extraction.facts import read_facts
from extraction.openings import read_opening
from extraction.result import Extraction, FieldValue
from extraction.taxids import read_tax_ids
from tests.fixtures_docs import document_of_rows, page_of_columns
from tests.test_extraction_roles import _value


def _contract(doc: Document, **fields: str) -> Extraction:
    ext = Extraction("contract", 1, {name: FieldValue(value, 0.6) for name, value in fields.items()})
    read_tax_ids(doc, ext)
    return ext


def test_a_register_number_with_a_letter_prefix_after_a_party_in_a_numbered_list() -> None:
    rows = [(0.1, 0.11, "THIS AGREEMENT is made on the twenty-seventh day of December 2027 BETWEEN:"),
            (0.12, 0.13, "(1) Zorblat Town Engineering Limited, Reg. No. MC-994402 (the Client); and"),
            (0.12, 0.15, "(2) Quuxly Mile Maintenance Ltd., Reg. No. CR-096721 (the Contractor).")]  # fmt: skip
    names = {"buyer_name": "Zorblat Town Engineering Limited", "vendor_name": "Quuxly Mile Maintenance Ltd."}
    ext = _contract(document_of_rows(rows), **names)
    assert (_value(ext, "buyer_tax_id"), _value(ext, "vendor_tax_id")) == ("MC-994402", "CR-096721")
    # six digits alone, no letters before the hyphen: too short for an id only a caption's 'No.' tells
    short = [(0.12, 0.13, "(1) Zorblat Town Engineering Limited, Reg. No. 994402 (the Client); and")]
    assert _value(_contract(document_of_rows(short), **names), "buyer_tax_id") is None


def test_an_answers_marker_before_the_parties_sentence_is_no_word_of_the_first_name() -> None:
    # 'A' two characters' width before its answer (a word space is under one): a marker, not the article 'A'
    def rows(gap: float) -> list[tuple[float, float, str]]:
        text = 0.109 + gap * 0.009
        return [(0.1, 0.06, "SERVICES AGREEMENT - QUESTIONS AND ANSWERS"),
                (0.1, 0.10, "Q"), (text, 0.10, "1. Who are the parties?"),
                (0.1, 0.12, "A"), (text, 0.12, "Kiang Services Ltd., TIN 5544991655 (the Client), engages Kombo"),
                (text, 0.135, "Technical Services Ltd., TIN 5291939572 (the Contractor), to provide the services."),
                (0.1, 0.16, "Q"), (text, 0.16, "2. How long does the agreement last?")]  # fmt: skip

    for gap in (2.0, 2.8):
        ext = Extraction("contract", 1, {})
        read_opening(document_of_rows(rows(gap)), ext)
        assert (_value(ext, "buyer_name"), _value(ext, "vendor_name")) == (
            "Kiang Services Ltd.",
            "Kombo Technical Services Ltd.",
        )


def test_a_date_beside_the_orders_captioned_number_outweighs_a_requisitions_date_above() -> None:
    # a requisition form above the order: its date ('Wanted by') names no other event a list knows; the date set on
    # the order number's line, under a bare 'Date' caption, is the order's
    lines = ["Requisition: RI-12744 | Wanted by: 16/10/2024", "", "", "Order No. | Date", "NE-66741 | 7 September 2024"]
    ext = Extraction("purchase_order", 1, {"order_date": FieldValue(date(2024, 10, 16), 0.9)})
    read_facts(page_of_columns(lines), ext)
    assert (_value(ext, "po_number"), _value(ext, "order_date")) == ("NE-66741", date(2024, 9, 7))
