"""Header values a scan's misreads broke: a stop read as a comma, a speck read as a stop, a digit read as its
lookalike, a heading read as the terms (scanhdr25, issue 11)."""

from datetime import date

from extraction.agreements import DATE_CUE, SIGNED_DATE
from extraction.facts import read_facts
from extraction.normalize import ocr_amount_slip
from extraction.openings import read_opening
from extraction.result import Extraction, FieldValue
from tests.fixtures_docs import page_of_columns, page_of_lines


def _opening(lines: list[str]) -> dict[str, object]:
    ext = Extraction("contract", 1, {})
    read_opening(page_of_lines(lines), ext)
    return {name: cell.value for name, cell in ext.fields.items()}


def test_a_register_caption_whose_stops_read_as_commas_ends_the_name_and_gives_the_number() -> None:
    got = _opening([
        "FACILITY SERVICES AGREEMENT",
        "1. The parties",
        "Quarry Lane Holdings Ltd, Co, Reg, No, QL40917, called the Client, engages Harbour Tide Works",
        "Ltd, Co, Reg, No. HT55102, called the Contractor, from 4 March 2031.",
    ])  # fmt: skip
    assert (got["buyer_name"], got["vendor_name"]) == ("Quarry Lane Holdings Ltd", "Harbour Tide Works Ltd")
    assert (got["buyer_tax_id"], got["vendor_tax_id"]) == ("QL40917", "HT55102")


def test_a_clause_number_read_with_a_comma_starts_the_opening_sentence() -> None:
    got = _opening([
        "Stamp office Date 12 January 2031",
        "AGREEMENT FOR WORKS",
        "1, Who is bound",
        "Quarry Lane Holdings Ltd engages Harbour Tide Works Ltd from 4 March 2031.",
    ])  # fmt: skip
    assert got["effective_date"] == date(2031, 3, 4)  # not the stamp's date above the clause


def test_a_signing_cue_reaches_its_date_across_a_stop_a_lower_case_word_follows() -> None:
    text = "Signed at Northport NP1 4QQ. on 9 May 2031 Signed at Easton on 2 May 2031. Signed. The 3 May 2031"
    assert [m.group(1) for m in DATE_CUE.finditer(text)] == ["9 May 2031", "2 May 2031"]
    assert [m.group(1) for m in SIGNED_DATE.finditer(text)] == ["9 May 2031", "2 May 2031"]


def test_a_grouped_amounts_digit_read_as_its_lookalike() -> None:
    assert ocr_amount_slip("§,318.40") == "5,318.40"
    assert ocr_amount_slip("2.O71,15") == "2.071,15"
    assert ocr_amount_slip("§,318.40,") == "5,318.40,"
    # a sign before a whole amount, two slips, and no grouped amount stay as read
    for text in ("S1,234.56", "$1,234.56", "S,OOO.00", "O.50", "§12", "Section"):
        assert ocr_amount_slip(text) == text


def test_a_heading_read_as_the_terms_gives_way_to_the_captioned_terms() -> None:
    ext = Extraction("purchase_order", 1, {"payment_terms": FieldValue("Payment schedule", 0.9)})
    read_facts(page_of_columns(["Order ref.: | QX/PO/4471", "Settlement: | cash with order"]), ext)
    assert ext.fields["payment_terms"].value == "cash with order"
    assert ext.fields["payment_terms_days"].value == 0


def test_a_name_read_from_inside_a_party_name_past_its_end_gives_way_to_the_openings() -> None:
    ext = Extraction("contract", 1, {"vendor_name": FieldValue("Limited, TIN", 0.9)})
    read_opening(
        page_of_lines(
            [
                "WORKS AGREEMENT No. WA-3310",
                "Quarry Lane Holdings Company Limited, TIN 4410298, engages Harbour Tide Works Company",
                "Limited, TIN 7730145, from 4 March 2031.",
            ]
        ),  # fmt: skip
        ext,
    )
    assert ext.fields["vendor_name"].value == "Harbour Tide Works Company Limited"
