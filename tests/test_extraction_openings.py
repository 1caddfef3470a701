"""A contract read by shape: reference code, parties, dates, term, days to pay, party tax ids, rate sentences."""

from datetime import date

from extraction.document import Document, Page, Word
from extraction.openings import column_order, read_opening
from extraction.rates import read_rates
from extraction.result import Extraction, FieldValue
from tests.fixtures_docs import page_of_lines


def _read(lines: list[str], doc_type: str = "contract", **fields: object) -> dict[str, object]:
    ext = Extraction(doc_type, 1, {k: FieldValue(v, 0.9) for k, v in fields.items()})  # type: ignore[arg-type]
    read_opening(page_of_lines(lines), ext)
    return {name: cell.value for name, cell in ext.fields.items()}


OPENING = [
    "Master Services Memorandum",
    "Matter Ref. QX-2031-447",
    "This memorandum is concluded on 3 February 2031 by Tarnwick Foods Ltd, 4 Mill Lane, Leeds,",
    "VAT GB980780684 (the Patron), and Osgood Cold Chain LLC, 12 Harbor Road, Tampa, EIN 04-2103594",
    "(the Operator). The arrangement continues for three (3) years from that date.",
    "The Patron remits every statement inside 45 days following its delivery.",
    "Either party may end it with 30 days notice.",
]


def test_reference_code_under_an_unknown_caption_and_parties_by_legal_form() -> None:
    got = _read(OPENING)
    assert got["contract_number"] == "QX-2031-447"
    # role words it never met: the client is named first
    assert (got["buyer_name"], got["vendor_name"]) == ("Tarnwick Foods Ltd", "Osgood Cold Chain LLC")
    assert (got["buyer_tax_id"], got["vendor_tax_id"]) == ("GB980780684", "04-2103594")


def test_dates_term_and_days_to_pay() -> None:
    got = _read(OPENING)
    assert got["effective_date"] == date(2031, 2, 3)
    assert got["expiry_date"] == date(2034, 2, 2)  # three years less a day
    assert got["payment_terms"] == "inside 45 days following its delivery"
    assert got["payment_terms_days"] == 45  # not the notice period


def test_a_later_date_is_the_expiry_and_a_known_role_puts_the_vendor_first() -> None:
    got = _read([
        "Akte KL 123/2029",
        "Made on 2029-05-01 by and between Brightwater Tooling GmbH, Hafenweg 3, Kiel (the Supplier), and",
        "Lindqvist Marine AB, Stockholm (the Customer). It lasts until 2030-04-30 at the latest.",
    ])  # fmt: skip
    assert got["contract_number"] == "KL 123/2029"
    assert (got["vendor_name"], got["buyer_name"]) == ("Brightwater Tooling GmbH", "Lindqvist Marine AB")
    assert got["expiry_date"] == date(2030, 4, 30)


def test_a_term_in_another_language_and_a_title_taken_for_the_buyer() -> None:
    got = _read(
        [
            "Liefervereinbarung",
            "Heute am 15.01.2030 schliessen die Kranich Holzbau GmbH & Co. KG, Ulm, und die Seidl Beschlag AG,",
            "Linz, diesen Vertrag. Er gilt 18 Monate ab Beginn.",
        ],
        buyer_name="Liefervereinbarung",
    )
    assert (got["buyer_name"], got["vendor_name"]) == ("Kranich Holzbau GmbH & Co. KG", "Seidl Beschlag AG")
    assert got["expiry_date"] == date(2031, 7, 14)


def test_values_the_extractor_read_stay_and_a_form_is_left_alone() -> None:
    got = _read(OPENING, vendor_name="Osgood Cold Chain LLC", payment_terms="Net 30")
    assert got["payment_terms"] == "Net 30" and "payment_terms_days" not in got
    form = ["PURCHASE ORDER 4711", "Vendor: Osgood Cold Chain LLC", "Ship to: Tarnwick Foods Ltd", "Date 2031-02-03"]
    assert _read(form, doc_type="purchase_order") == {}


def test_two_columns_are_read_one_after_the_other() -> None:
    words = [Word("Heading", (0.40, 0.05, 0.60, 0.07))]
    for row in range(40):
        y = 0.10 + 0.02 * row
        words.append(Word(f"left{row}", (0.08, y, 0.40, y + 0.012)))
        words.append(Word(f"right{row}", (0.55, y + 0.005, 0.90, y + 0.017)))  # baselines that never align
    order = [w.text for w in column_order(Page(1, 612, 792, words))]
    assert order[:3] == ["Heading", "left0", "left1"] and order[41] == "right0"
    assert column_order(Document([Page(1, 612, 792, words[:5])]).pages[0])[0].text == "Heading"


def test_rates_in_sentences_lose_the_words_they_share() -> None:
    doc = page_of_lines([
        "Schedule B",
        "Tariffs",
        "Night courier runs are invoiced at 310.50 GBP per trip.",
        "Archive retrieval boxes are invoiced at 12.75 GBP per box.",
        "Courts of England decide.",
    ])  # fmt: skip
    ext = Extraction("contract", 1, {})
    read_rates(doc, ext)
    got = [(i.value("description"), str(i.value("unit_price")), i.value("unit")) for i in ext.line_items]
    assert got == [("Night courier runs", "310.50", "trip"), ("Archive retrieval boxes", "12.75", "box")]
    one = Extraction("contract", 1, {})
    read_rates(page_of_lines(["A fee of 310.50 GBP per trip applies."]), one)
    assert one.line_items == []  # one sentence: no template to tell the description from


def test_a_party_the_opening_prints_stays_though_it_has_no_legal_form() -> None:
    lines = [
        "Services Memorandum",
        "Ref. LC-2031-118",
        "Made on 2031-02-03 between the Regents of Lakeside College, Mill Lane,",
        "and Osgood Cold Chain LLC, 12 Harbor Road (the Operator), and Tarnwick Foods Ltd (the Patron).",
    ]
    got = _read(lines, buyer_name="Regents of Lakeside College")
    assert got["buyer_name"] == "Regents of Lakeside College"


def test_a_person_another_reader_found_stays_and_a_title_gives_way() -> None:
    # an NDA's individual party, read from the signature block, is printed nowhere in the opening sentence
    got = _read(OPENING, buyer_name="Maria Jansen")
    assert (got["buyer_name"], got["vendor_name"]) == ("Maria Jansen", "Osgood Cold Chain LLC")
    assert _read(OPENING, buyer_name="Master Services Memorandum")["buyer_name"] == "Tarnwick Foods Ltd"


def test_a_table_header_read_as_a_party_gives_way() -> None:
    doc = page_of_lines(OPENING)
    row = [("Activity", 0.08), ("Billing", 0.4), ("basis", 0.49), ("Fee", 0.75), ("Level", 0.8)]  # three blocks
    doc.pages[0].words += [Word(text, (x, 0.5, x + 0.011 * len(text), 0.512)) for text, x in row]
    header = FieldValue("Fee Level", 0.9, 1, (0.75, 0.5, 0.855, 0.512), "Fee Level")
    ext = Extraction("contract", 1, {"vendor_name": header})
    read_opening(doc, ext)
    assert ext.value("vendor_name") == "Osgood Cold Chain LLC"


def test_a_doubted_word_or_a_bare_legal_form_gives_way_to_the_openings_company() -> None:
    def read(buyer: str, confidence: float) -> object:
        ext = Extraction("contract", 1, {"buyer_name": FieldValue(buyer, confidence)})
        read_opening(page_of_lines(OPENING), ext)
        return ext.fields["buyer_name"].value

    # 'Leeds' is printed in the opening sentence, but its reader (the layout model) all but ruled it out
    assert read("Leeds", 0.02) == "Tarnwick Foods Ltd"
    assert read("Leeds", 0.9) == "Leeds"  # read with confidence, a name the sentence prints stands
    assert read("Ltd", 0.02) == "Tarnwick Foods Ltd"  # doubted, and a legal form alone names no company
