"""Who is who on layouts of new families (`parties12`): names whose legal form comes first and their name in quotes
(Baltic), forms wrapped or cut off, the customer among four address blocks, captions after a row number, ids kept
as printed."""

import pytest

from extraction.companies import quoted_name_end
from extraction.document import Document
from extraction.openings import read_opening
from extraction.result import Extraction, FieldValue
from extraction.rolecaptions import caption_phrasing, caption_role
from extraction.roles import read_roles
from extraction.taxids import captioned_tax_id
from tests.fixtures_docs import document_of_rows, page_of_lines, words_at


def _read(doc: Document, doc_type: str = "purchase_order", **values: str) -> dict[str, object]:
    ext = Extraction(doc_type, 1, {name: FieldValue(value, 0.99) for name, value in values.items()})
    read_roles(doc, ext)
    return {name: cell.value for name, cell in ext.fields.items()}


@pytest.mark.parametrize(
    ("text", "end"),
    [
        ("SIA „Gauja Tehnika”, PVN Nr.", 3), ('UAB "Baltijos Prekyba" Vilnius', 3), ("OÜ «Saare» Tallinn", 2),
        ("AS „Vidzemes Būvmateriāli”,", 3),
        ("SIA Gauja Tehnika", None),  # no quotes: the name must end in its form
        ("as „such” said", None),  # an everyday word, not a form in capitals
        ("SIA „Gauja 12 Tehnika”", None),  # a number inside: no name
    ],
)  # fmt: skip
def test_a_legal_form_before_a_name_in_quotes_is_one_company_name(text: str, end: int | None) -> None:
    assert quoted_name_end(text.split(), 0) == end


def test_an_opening_names_parties_whose_form_leads_their_quoted_name() -> None:
    lines = [
        "Līgums par apkopes pakalpojumiem",
        "Rīgā, 08.06.2027. AS „Vidzemes Būvmateriāli”, PVN reģ. Nr. LV65762367791 (Pasūtītājs)",
        "un SIA „Gauja Tehnika”, PVN Nr. LV81078176490 (Izpildītājs) noslēdz šādu līgumu.",
        "1. Līgums ir spēkā līdz 08.06.2028.",
    ]
    ext = Extraction("contract", 1, {})
    read_opening(page_of_lines(lines), ext)
    got = {name: cell.value for name, cell in ext.fields.items()}
    assert (got["buyer_name"], got["vendor_name"]) == ("AS „Vidzemes Būvmateriāli”", "SIA „Gauja Tehnika”")
    assert (got["buyer_tax_id"], got["vendor_tax_id"]) == ("LV65762367791", "LV81078176490")


@pytest.mark.parametrize(
    ("caption", "role"),
    [
        ("Piegādātājs", "vendor"), ("Pircējs", "buyer"), ("Tarnija", "vendor"), ("Ostja", "buyer"),
        ("Tiekėjas", "vendor"), ("Pirkėjas", "buyer"), ("ΠΡΟΜΗΘΕΥΤΗΣ", "vendor"), ("Αγοραστής", "buyer"),
        ("Naročnik", "buyer"), ("Dobavitelj", "vendor"), ("Piegādes adrese", "other"),
        # a spreadsheet's or a form's number before the caption is no part of it
        ("4 Piegādātājs", "vendor"), ("2. Supplier", "vendor"), ("Customer 12", None),
    ],
)  # fmt: skip
def test_party_captions_of_the_baltic_greek_and_south_slavic_languages(caption: str, role: str | None) -> None:
    assert caption_role(caption) == role


def test_a_caption_tells_a_bill_to_from_a_sold_to_and_a_remit_to_from_a_ship_to() -> None:
    assert caption_phrasing("INVOICE TO") == ("buyer", "invoice to")
    assert caption_phrasing("ALICI FIRMA") == ("buyer", "alici")
    assert caption_phrasing("ÖDEME ADRESI") == ("other", "odeme adresi")


def _four_blocks(captions: tuple[str, str, str, str]) -> Document:
    names = ("Umgeni Services Ltd", "Drakensview Ltd", "Drakensview Ltd", "Cederberg Facilities Ltd")
    rows = [(0.08, 0.05, "PURCHASE ORDER"), (0.08, 0.08, "Vendor"), (0.08, 0.095, "Cederberg Facilities Ltd")]
    rows += [(0.08, 0.11, "24 Nelson Mandela Drive")]
    for column, (caption, name) in enumerate(zip(captions, names, strict=True)):
        x = 0.06 + 0.22 * column
        rows += [(x, 0.2, caption), (x, 0.215, name), (x, 0.23, f"{column + 10} Church Street")]
    return document_of_rows(rows)


def test_of_four_blocks_the_customer_is_the_sold_to_not_the_bill_to_and_the_remit_to_stays_the_vendor() -> None:
    doc = _four_blocks(("BILL TO", "SOLD TO", "DELIVER TO", "REMIT TO"))
    # the layout model took the bill-to's company, sure of it
    got = _read(doc, buyer_name="Umgeni Services Ltd", vendor_name="Cederberg Facilities Ltd")
    assert (got["buyer_name"], got["vendor_name"]) == ("Drakensview Ltd", "Cederberg Facilities Ltd")
    # two bill-to captions (no customer's among them) decide nothing
    doc = _four_blocks(("BILL TO", "INVOICE TO", "DELIVER TO", "REMIT TO"))
    got = _read(doc, buyer_name="Umgeni Services Ltd", vendor_name="Cederberg Facilities Ltd")
    assert got["buyer_name"] == "Umgeni Services Ltd"


def test_a_form_wrapped_onto_the_next_line_of_a_narrow_block_belongs_to_the_name() -> None:
    rows = [(0.08, 0.05, "Cederberg Facilities Ltd"), (0.08, 0.065, "24 Nelson Mandela Drive")]
    rows += [(0.08, 0.2, "Customer"), (0.08, 0.215, "Drakensview Engineering Pty"), (0.08, 0.23, "Ltd")]
    rows += [(0.08, 0.245, "53 Church Street")]
    got = _read(document_of_rows(rows), buyer_name="Drakensview Engineering Pty")
    assert got["buyer_name"] == "Drakensview Engineering Pty Ltd"


def test_a_name_read_without_the_end_of_its_legal_form_is_read_whole_and_loses_its_reader_s_certainty() -> None:
    lines = [
        "This Order Form is entered into on 30 January 2024 between Drakensview Services Pty Ltd (the",
        '"Customer") and Cederberg Engineering (Pty) Ltd, Income Tax Ref. 1297378455 (the "Provider").',
    ]
    ext = Extraction("contract", 1, {"vendor_name": FieldValue("Cederberg Engineering", 0.99)})
    ext.fields["buyer_name"] = FieldValue("Drakensview Services Pty Ltd", 0.99)
    read_roles(page_of_lines(lines), ext)
    assert ext.fields["vendor_name"].value == "Cederberg Engineering (Pty) Ltd"
    assert ext.fields["vendor_name"].confidence < 0.9
    assert ext.fields["buyer_name"].value == "Drakensview Services Pty Ltd"  # whole already: as read
    assert ext.fields["buyer_name"].confidence == 0.99


def test_an_id_after_its_scheme_s_name_is_kept_as_printed() -> None:
    assert captioned_tax_id("CUIT", words_at("30-94421836-6", 0.1, 0.1)) == "30-94421836-6"
    assert captioned_tax_id("RUT", words_at("97.579.209-9", 0.1, 0.1)) == "97.579.209-9"
    assert captioned_tax_id("RUT", words_at("97.579.209-8", 0.1, 0.1)) is None  # its check digit off
    # Romania's CUI under its everyday name
    assert captioned_tax_id("Cod fiscal:", words_at("38318380", 0.1, 0.1)) == "38318380"
    assert captioned_tax_id("Cod fiscal:", words_at("38318381", 0.1, 0.1)) is None


def test_a_bare_number_under_a_tax_number_s_caption_that_names_no_scheme_is_read_by_check_digits() -> None:
    # South Africa's income tax reference, Turkey's VKN: the caption says 'tax' only
    assert captioned_tax_id("Tax Ref.", words_at("2726738939", 0.1, 0.1)) == "2726738939"
    assert captioned_tax_id("Vergi No:", words_at("1028844800", 0.1, 0.1)) == "1028844800"
    assert captioned_tax_id("Tax No.", words_at("12345678", 0.1, 0.1)) is None  # no country's check digits
    assert captioned_tax_id("VAT 15%", words_at("42960", 0.1, 0.1)) is None  # an amount
    assert captioned_tax_id("Order No.", words_at("2726738939", 0.1, 0.1)) is None  # no tax caption


def test_a_tax_number_captioned_over_it_in_its_block_column_is_that_block_s_company_s() -> None:
    rows = [(0.08, 0.05, "PURCHASE ORDER"), (0.08, 0.08, "Vendor"), (0.08, 0.095, "Cederberg Facilities Ltd")]
    rows += [(0.08, 0.11, "Income Tax Ref.: 9136265304")]
    rows += [(0.08, 0.2, "BILL TO"), (0.3, 0.2, "SOLD TO"), (0.08, 0.215, "Umgeni Services Ltd")]
    rows += [(0.3, 0.215, "Drakensview Ltd"), (0.08, 0.23, "10 Church Street"), (0.3, 0.23, "11 Church Street")]
    rows += [(0.3, 0.245, "Tax No.:"), (0.3, 0.26, "0969320092")]
    got = _read(document_of_rows(rows), buyer_name="Umgeni Services Ltd", vendor_name="Cederberg Facilities Ltd")
    assert (got["buyer_name"], got["buyer_tax_id"]) == ("Drakensview Ltd", "0969320092")
    assert got["vendor_tax_id"] == "9136265304"
    # a country's prefix before the number: a VAT number printed in groups, read whole elsewhere
    assert captioned_tax_id("Steuer-Nr. DE", words_at("538267770", 0.1, 0.1)) is None
