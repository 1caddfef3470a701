"""Header fields of unseen layouts (`header9`): tax ids owned by the name running text prints before them, a
Singapore UEN by its shape, ids printed over five words, dates over payment terms in a grid, a grid of captions each
with its value beside it, day words of more languages.

Hand-placed words; names and numbers made up for the tests (the ids pass their schemes' check digits)."""

from extraction.document import Document, Page
from extraction.heuristic import HeuristicExtractor
from extraction.heuristic.parts import read_tax_id
from extraction.result import Extraction, FieldValue
from extraction.taxids import read_tax_ids, tax_id_at, tax_id_of
from extraction.terms import net_days
from tests.fixtures_docs import document_of_rows, words_at
from tests.test_extraction_roles import _value

OPENING = [
    (0.1, 0.10, "AMENDMENT NO. 2"),
    (0.1, 0.13, "Zorblat Facility Services LLC / Quuxly Valley Scientific LLC"),
    (0.1, 0.17, "This Amendment is made effective as of January 14, 2025 by and between Zorblat Facility Services"),
    (0.1, 0.185, "LLC, Federal Tax ID 21-3476183 (the Company) and Quuxly Valley Scientific LLC, Federal Tax ID"),
    (0.1, 0.20, "43-6183281 (the Contractor), and amends the Services Agreement between them."),
]


def _contract(doc: Document, **fields: str) -> Extraction:
    ext = Extraction("contract", 1, {name: FieldValue(value, 0.6) for name, value in fields.items()})
    read_tax_ids(doc, ext)
    return ext


def test_tax_ids_read_swapped_follow_the_names_the_sentence_prints_before_them() -> None:
    names = {"buyer_name": "Zorblat Facility Services LLC", "vendor_name": "Quuxly Valley Scientific LLC"}
    ext = _contract(document_of_rows(OPENING), **names, buyer_tax_id="43-6183281", vendor_tax_id="21-3476183")
    assert (_value(ext, "buyer_tax_id"), _value(ext, "vendor_tax_id")) == ("21-3476183", "43-6183281")
    # the other party's id given to this one, and none printed after this one's name: emptied
    prose = [(0.1, 0.17, "made between Zorblat Facility Services LLC, EIN 21-3476183 (the Company) and Quuxly"),
             (0.1, 0.185, "Valley Scientific LLC (the Contractor).")]  # fmt: skip
    ext = _contract(document_of_rows(prose), **names, vendor_tax_id="21-3476183")
    assert (_value(ext, "buyer_tax_id"), _value(ext, "vendor_tax_id")) == ("21-3476183", None)


def test_ids_under_two_blocks_side_by_side_are_no_running_text() -> None:
    # the names share a line with a column's gap between them: the id under the left block is not the right one's
    rows = [(0.05, 0.1, "Zorblat Facility Services LLC"), (0.55, 0.1, "Quuxly Valley Scientific LLC"),
            (0.05, 0.115, "EIN 21-3476183")]  # fmt: skip
    names = {"buyer_name": "Zorblat Facility Services LLC", "vendor_name": "Quuxly Valley Scientific LLC"}
    ext = _contract(document_of_rows(rows), **names, buyer_tax_id="21-3476183")
    assert (_value(ext, "buyer_tax_id"), _value(ext, "vendor_tax_id")) == ("21-3476183", None)


def test_a_singapore_uen_is_a_tax_id_by_its_shape_and_check_letter() -> None:
    assert tax_id_of("200467926W") == "200467926W"
    assert tax_id_of("200467926X") is None  # the check letter off
    prose = [(0.1, 0.17, "This Agreement is dated as of 5 September 2026 between Zorblat Technologies Pte Ltd, GST"),
             (0.1, 0.185, "Reg. No. 200467926W (the Company) and Quuxly Marine Pte. Ltd., GST Reg. No. 199863729R"),
             (0.1, 0.20, "(the Consultant).")]  # fmt: skip
    names = {"buyer_name": "Zorblat Technologies Pte Ltd", "vendor_name": "Quuxly Marine Pte. Ltd."}
    ext = _contract(document_of_rows(prose), **names, buyer_tax_id="199863729R")
    assert (_value(ext, "buyer_tax_id"), _value(ext, "vendor_tax_id")) == ("200467926W", "199863729R")


def test_a_block_s_tax_id_is_read_over_five_words() -> None:
    assert read_tax_id(words_at("NO 998 212 537 MVA", 0.1, 0.1)) is not None
    value, words = read_tax_id(words_at("NO 998 212 537 MVA", 0.1, 0.1)) or ("", [])
    assert (value, len(words)) == ("NO998212537MVA", 5)


def _page(rows: list[tuple[float, float, str]]) -> Document:
    return Document([Page(1, 612, 792, [w for x, y, text in rows for w in words_at(text, x, y, 0.009, 0.012)])])


def test_a_date_over_terms_in_a_grid_is_no_wrapped_value() -> None:
    # a grid of captions each with its value beside it: a person (read like a caption) over a date over terms that
    # read alone, in the same column
    doc = _page([(0.55, 0.084, "Quux referanse"), (0.75, 0.084, "R. Zorblat"),
                 (0.55, 0.10, "Zorblat levert"), (0.75, 0.10, "21.06.2026"),
                 (0.55, 0.116, "Quuxbetingelser"), (0.75, 0.116, "30 dager netto")])  # fmt: skip
    got = HeuristicExtractor().extract(doc, "purchase_order")
    assert (got.value("payment_terms"), got.value("payment_terms_days")) == ("30 dager netto", 30)


def test_a_grid_of_captions_each_with_its_value_beside_it_is_no_row_of_captions_over_values() -> None:
    # 'Buyer' with a person beside it, one row of a grid: 'Due Date' under it is the next row's caption
    doc = _page([(0.05, 0.05, "Zorblat Refrigeration Limited"),
                 (0.6, 0.10, "Order Date"), (0.75, 0.10, "23-Sep-2025"),
                 (0.6, 0.116, "Buyer"), (0.75, 0.116, "J. Novotna"),
                 (0.6, 0.132, "Due Date"), (0.75, 0.132, "31-Oct-2025")])  # fmt: skip
    got = HeuristicExtractor().extract(doc, "purchase_order")
    assert got.value("buyer_name") != "Due Date"


def test_day_words_of_more_languages_and_a_page_number_that_is_no_term() -> None:
    assert net_days("v 30 dneh od prejema računa") == 30
    assert net_days("30 dana") == 30
    assert net_days("45 napon belül") == 45
    assert net_days("1 (1)") is None  # a page's number and count
    assert net_days("30") == 30
    assert net_days("thirty (30) days") == 30


def test_a_second_id_of_the_same_scheme_set_apart_under_the_supplier_s_block_is_the_issuer_s() -> None:
    from extraction.roles import read_roles

    doc = document_of_rows([
        (0.36, 0.05, "ZORBLAT SCIENTIFIC LLC"), (0.40, 0.075, "350 Main Street Lexington KY 40507"),
        (0.40, 0.095, "PURCHASE ORDER"),
        (0.065, 0.228, "Supplier"), (0.5, 0.228, "Ship To"),
        (0.065, 0.242, "Quuxstone Valley Scientific LLC"), (0.5, 0.242, "ZORBLAT SCIENTIFIC LLC"),
        (0.065, 0.259, "298 Central Avenue"), (0.5, 0.259, "248 Main Street"),
        (0.065, 0.275, "Albuquerque NM 87102"), (0.5, 0.275, "Lexington KY 40507"),
        (0.065, 0.307, "EIN: 52-8691690"), (0.059, 0.332, "FEIN: 98-0178684"),
    ])  # fmt: skip
    fields = {"buyer_name": "ZORBLAT SCIENTIFIC LLC", "vendor_name": "Quuxstone Valley Scientific LLC",
              "buyer_tax_id": "98-0178684", "vendor_tax_id": "52-8691690"}  # fmt: skip
    ext = Extraction("purchase_order", 1, {name: FieldValue(value, 0.6) for name, value in fields.items()})
    read_roles(doc, ext)
    assert (_value(ext, "buyer_tax_id"), _value(ext, "vendor_tax_id")) == ("98-0178684", "52-8691690")


def test_an_id_under_a_party_s_letterhead_is_that_party_s_whatever_its_caption() -> None:
    doc = document_of_rows([(0.12, 0.048, "Zorblat Supplies Ltd"), (0.06, 0.107, "Quuxregistrering: GB 996 2289 18"),
                            (0.06, 0.22, "Pennine Quux Ltd"), (0.65, 0.22, "Zorblat Supplies Ltd")])  # fmt: skip
    ext = Extraction("purchase_order", 1, {})
    ext.fields["buyer_name"] = FieldValue("Zorblat Supplies Ltd", 0.9, 1, (0.65, 0.22, 0.83, 0.232))
    ext.fields["vendor_name"] = FieldValue("Pennine Quux Ltd", 0.9, 1, (0.06, 0.22, 0.2, 0.232))
    read_tax_ids(doc, ext)
    assert (_value(ext, "buyer_tax_id"), _value(ext, "vendor_tax_id")) == ("GB996228918", None)


def test_a_word_raised_by_its_accented_capital_stays_on_the_line_of_its_foot() -> None:
    from extraction.document import Word
    from extraction.layout import group_lines

    words = [Word("Zahlungsziel:", (0.06, 0.1732, 0.157, 0.1823)), Word("Zahlbar", (0.245, 0.1724, 0.30, 0.1825)),
             Word("KOSSUTH", (0.528, 0.1766, 0.605, 0.1867)), Word("MŰANYAG", (0.61, 0.175, 0.69, 0.1867)),
             Word("KFT.", (0.697, 0.1766, 0.732, 0.1867)), Word("Piac", (0.528, 0.1912, 0.555, 0.2007))]  # fmt: skip
    lines = [[w.text for w in line.words] for line in group_lines(words)]
    assert lines == [["Zahlungsziel:", "Zahlbar"], ["KOSSUTH", "MŰANYAG", "KFT."], ["Piac"]]


def test_turkish_legal_forms_end_a_company_s_name() -> None:
    from extraction.companies import LEGAL_FORM

    assert LEGAL_FORM.search("Zorblat Makina San. ve Tic. Ltd. Şti.")
    assert LEGAL_FORM.search("Quux Holding A.Ş.")


def test_a_name_and_its_address_on_one_line_after_a_caption_end_at_its_legal_form() -> None:
    doc = _page([(0.3, 0.05, "ZORBLAT TECHNIKA SP. K."),
                 (0.06, 0.95, "Supplier: QUUX PODHALE SP. K., ul. Krakowska 43, 20-400 Lublin, Polska")])  # fmt: skip
    assert HeuristicExtractor().extract(doc, "purchase_order").value("vendor_name") == "QUUX PODHALE SP. K."


def test_a_party_caption_among_the_table_s_column_captions_names_no_party() -> None:
    # a two-line column caption 'Supplier' over 'Part' (the supplier's part number), in small letters
    rows = [(0.75, 0.05, "Purchase Order"), (0.065, 0.134, "To:"), (0.065, 0.146, "Zorblat Industrial Supply Inc."),
            (0.064, 0.252, "Item"), (0.108, 0.252, "Supplier"), (0.214, 0.252, "Product"), (0.631, 0.252, "Ordered"),
            (0.681, 0.252, "UOM"), (0.799, 0.252, "Rate"), (0.917, 0.252, "Ext."),
            (0.108, 0.265, "Part"), (0.214, 0.265, "Service"), (0.913, 0.265, "Cost")]  # fmt: skip
    items = [(0.285, "ELC-60382", "Hydraulic hose", "10", "7.65", "76.50"),
             (0.301, "MRO-77790", "Safety boots", "200", "251.11", "50,222.00")]  # fmt: skip
    for y, code, text, qty, rate, amount in items:
        rows += [(0.064, y, str(round(y * 1000))), (0.108, y, code), (0.214, y, text), (0.658, y, qty),
                 (0.681, y, "EA"), (0.798, y, rate), (0.906, y, amount)]  # fmt: skip
    doc = Document([Page(1, 612, 792, [w for x, y, t in rows for w in words_at(t, x, y, 0.0055, 0.009)])])
    assert HeuristicExtractor().extract(doc, "purchase_order").value("vendor_name") != "Part"


def test_a_number_of_the_next_cell_a_column_s_gap_apart_is_no_group_of_the_id() -> None:
    # a scan sets a form's next box ('3. Date') on the id's line: its number is no last group ('3767996063')
    words = words_at("PAN 376799606", 0.1, 0.1) + words_at("3. Date", 0.55, 0.1)
    assert tax_id_at(words, 1) == "376799606"
    # groups a space apart are still one number
    assert tax_id_at(words_at("VAT GB 707 0909 42", 0.1, 0.1), 1) == "GB707090942"
