"""Who is who on an order from the page's structure (extraction.roles) and the one legal-form definition."""

import pytest

from extraction.companies import LEGAL_FORM, LEGAL_SUFFIX
from extraction.document import Document, Word
from extraction.result import Extraction, FieldValue
from extraction.roles import companies, read_roles
from tests.fixtures_docs import document_of_rows, words_at


def _order(doc: Document, **values: str) -> Extraction:
    ext = Extraction("purchase_order", 1, {name: FieldValue(value, 0.9) for name, value in values.items()})
    read_roles(doc, ext)
    return ext


def _value(ext: Extraction, name: str) -> object:
    cell = ext.fields.get(name)
    return None if cell is None else cell.value


@pytest.mark.parametrize(
    "name",
    ["Acme GmbH & Co. KG", "Rossi S.p.A.", "Nowak Sp. z o.o.", "Grupo Norte S.A. de C.V.", "Ferragens Ltda.",
     "Berg A/S", "Lund AB", "Kivi Oy", "Fjord AS", "Tata Pvt. Ltd.", "Wattle Pty Ltd", "Acme LLC", "Acme Inc.",
     "Bolt Corp.", "Kerr PLC", "Lumen SAS", "Dupont SARL", "Rochat Mécanique Sàrl", "Verbeek B.V.", "Bortolami S.n.c.",
     "Kovac s.r.o.", "Laurentide Équipements Ltée", "Kovač d.o.o.", "Liffey Foods DAC", "Rīga Koks SIA",
     "Tallinn Puit OÜ", "Hansen & Søn I/S", "Novák v.o.s."],
)  # fmt: skip
def test_company_names_of_many_countries_end_in_a_legal_form(name: str) -> None:
    assert LEGAL_FORM.search(name)


def test_everyday_words_are_no_legal_form() -> None:
    for text in ("such as", "come se", "che sia", "the Company", "Hello world", "Delivery note", "Englewood, CO"):
        assert not LEGAL_FORM.search(text)
    assert LEGAL_SUFFIX.match(", Inc. and") and not LEGAL_SUFFIX.match(" as agent for")


LETTERHEAD = [(0.5, 0.05, "Kromme Installatie B.V."), (0.5, 0.07, "Laat 12"), (0.5, 0.085, "1811 Alkmaar")]
BLOCK = [
    (0.08, 0.2, "Partner"), (0.08, 0.215, "Verbeek Logistiek N.V."), (0.08, 0.23, "Kanaaldijk 171"),
    (0.08, 0.245, "5701 Helmond"), (0.08, 0.26, "VAT NL004495445B01"),
]  # fmt: skip
FOOTER = [(0.1, 0.95, "Kromme Installatie B.V. · Laat 12 · 1811 Alkmaar · VAT NL123456789B01")]


def test_the_customer_named_again_where_the_goods_go_makes_the_letterhead_the_vendor() -> None:
    doc = document_of_rows(
        [*LETTERHEAD, *BLOCK, (0.08, 0.3, "Deliver at: Verbeek Logistiek N.V., Dijk 4, 5701 Helmond"), *FOOTER]
    )
    ext = _order(doc, buyer_name="Kromme Installatie B.V.", vendor_name="Verbeek Logistiek N.V.")
    assert _value(ext, "buyer_name") == "Verbeek Logistiek N.V."
    assert _value(ext, "vendor_name") == "Kromme Installatie B.V."
    # the block's id is the customer's, the footer's the letterhead's
    assert _value(ext, "buyer_tax_id") == "NL004495445B01"
    assert _value(ext, "vendor_tax_id") == "NL123456789B01"


def test_a_buyers_order_keeps_its_letterhead_as_the_buyer() -> None:
    doc = document_of_rows(
        [*LETTERHEAD, *BLOCK, (0.08, 0.3, "Deliver at: Kromme Installatie B.V., Dijk 4, 1811 Alkmaar"), *FOOTER]
    )
    ext = _order(doc, buyer_name="Kromme Installatie B.V.", vendor_name="Verbeek Logistiek N.V.")
    assert _value(ext, "buyer_name") == "Kromme Installatie B.V."
    assert _value(ext, "vendor_name") == "Verbeek Logistiek N.V."
    assert _value(ext, "buyer_tax_id") == "NL123456789B01"
    assert _value(ext, "vendor_tax_id") == "NL004495445B01"


def test_a_fragment_a_stray_word_or_a_repeat_gives_way_to_the_company_printed() -> None:
    doc = document_of_rows([*LETTERHEAD, *BLOCK, *FOOTER])
    ext = _order(doc, buyer_name="B.V.", vendor_name="Logistiek N.V.")
    assert _value(ext, "buyer_name") == "Kromme Installatie B.V."
    assert _value(ext, "vendor_name") == "Verbeek Logistiek N.V."
    ext = _order(doc, buyer_name="Kromme Installatie B.V.", vendor_name="Alkmaar Kromme Installatie B.V.")
    assert _value(ext, "vendor_name") == "Verbeek Logistiek N.V."  # the buyer again, with a word of its address


def test_a_doubted_word_gives_way_but_a_name_without_legal_form_read_with_confidence_stays() -> None:
    doc = document_of_rows([*LETTERHEAD, *BLOCK, *FOOTER])
    ext = Extraction("purchase_order", 1, {"buyer_name": FieldValue("Procurement", 0.05)})
    read_roles(doc, ext)
    assert _value(ext, "buyer_name") == "Kromme Installatie B.V."  # a caption the layout model doubted
    ext = Extraction("purchase_order", 1, {"buyer_name": FieldValue("Friends of Jane Doe", 0.8)})
    read_roles(doc, ext)
    assert _value(ext, "buyer_name") == "Friends of Jane Doe"  # an advertiser: no legal form, read with confidence


def test_a_tax_id_read_from_the_order_number_or_the_other_party_is_mended() -> None:
    doc = document_of_rows([*LETTERHEAD, *BLOCK, *FOOTER])
    ext = _order(doc, po_number="ENC-2024-5657", vendor_tax_id="ENC-2024-5657", buyer_tax_id="NL004495445B01")
    assert _value(ext, "vendor_tax_id") == "NL004495445B01"
    assert _value(ext, "buyer_tax_id") == "NL123456789B01"


def test_a_contract_is_left_to_the_opening_reader() -> None:
    doc = document_of_rows([*LETTERHEAD, *BLOCK, *FOOTER])
    ext = Extraction("contract", 1, {"buyer_name": FieldValue("B.V.", 0.9)})
    read_roles(doc, ext)
    assert _value(ext, "buyer_name") == "B.V."


def test_a_letterhead_name_wrapped_over_two_lines_is_read_whole_but_a_caption_above_a_block_is_not() -> None:
    rows = [(0.05, 0.03, "Acme & Fairbanks"), *BLOCK, (0.1, 0.95, "Acme & Fairbanks Solutions Co. · Main St 4")]
    doc = document_of_rows(rows)
    doc.pages[0].words[:3] = [
        Word(w.text, (w.bbox[0], w.bbox[1], w.bbox[2], w.bbox[1] + 0.018)) for w in doc.pages[0].words[:3]
    ]
    doc.pages[0].words.extend(document_of_rows([(0.05, 0.05, "Solutions Co.")]).pages[0].words)
    ext = _order(doc, buyer_name="Acme & Fairbanks Solutions Co.", vendor_name="Verbeek Logistiek N.V.")
    assert _value(ext, "buyer_name") == "Acme & Fairbanks Solutions Co."
    assert _value(ext, "vendor_name") == "Verbeek Logistiek N.V."  # not 'Partner Verbeek Logistiek N.V.'


def test_prose_is_read_for_no_company_and_an_agreement_is_left_alone() -> None:
    doc = document_of_rows(
        [*LETTERHEAD, *BLOCK, (0.08, 0.4, "any Company, including but not limited to its staff"), *FOOTER]
    )
    names = [company.name for company in companies(doc)]
    assert names == ["Kromme Installatie B.V.", "Verbeek Logistiek N.V."]  # not 'Company, including but not limited'
    prose = [
        (0.08, 0.3 + 0.015 * k, "the parties agree that each of them keeps the other's secrets") for k in range(20)
    ]
    ext = _order(document_of_rows([*LETTERHEAD, *BLOCK, *prose]), buyer_name="nd")
    assert _value(ext, "buyer_name") == "nd"


def test_an_extracted_tax_id_misread_by_ocr_is_mended_where_its_check_digits_agree() -> None:
    from extraction.taxids import read_tax_ids

    ext = Extraction("contract", 1, {"buyer_tax_id": FieldValue("1T32739311200", 0.5)})
    ext.fields["vendor_tax_id"] = FieldValue("1T32739311201", 0.5)
    read_tax_ids(document_of_rows([(0.1, 0.1, "Contract")]), ext)
    assert _value(ext, "buyer_tax_id") == "IT32739311200"
    assert _value(ext, "vendor_tax_id") == "1T32739311201"  # no valid reading: left as read


def test_a_vat_number_printed_in_groups_is_read_by_its_country_s_check_digits() -> None:
    from extraction.taxids import read_tax_ids, spaced_tax_id
    from tests.fixtures_docs import words_at

    assert spaced_tax_id(words_at("NO 998 212 537 MVA", 0.1, 0.1)) == "NO998212537MVA"
    assert spaced_tax_id(words_at("GB 757 7601 97 (the Supplier)", 0.1, 0.1)) == "GB757760197"
    assert spaced_tax_id(words_at("GB 757 7601 98", 0.1, 0.1)) is None  # a check digit off
    assert spaced_tax_id(words_at("PO 998 212 537", 0.1, 0.1)) is None  # no country's letters
    ext = Extraction(
        "purchase_order", 1, {"vendor_name": FieldValue("Solberg Bygg ASA", 0.9, 1, (0.1, 0.1, 0.3, 0.112))}
    )
    read_tax_ids(document_of_rows([(0.1, 0.1, "Solberg Bygg ASA"), (0.1, 0.13, "Org.nr.: NO 998 212 537 MVA")]), ext)
    assert _value(ext, "vendor_tax_id") == "NO998212537MVA"


def test_a_tax_id_belongs_to_the_block_of_its_own_column_and_a_name_wrapped_before_its_legal_form() -> None:
    # the buyer's name wraps before its legal form ('De Vries Installatietechniek' / 'B.V.'); the vendor's block
    # stands beside it with its id after a caption on a line the buyer's block shares
    doc = document_of_rows(
        [
            (0.03, 0.086, "De Vries Installatietechniek"), (0.314, 0.089, "Leverancier"),
            (0.03, 0.100, "B.V."), (0.314, 0.102, "Bosman Kantoorinrichting B.V."),
            (0.03, 0.115, "Oudegracht 132"), (0.314, 0.116, "Oudegracht 31"),
            (0.03, 0.129, "3511 AA Utrecht"), (0.314, 0.130, "3511 AA Utrecht"),
            (0.03, 0.158, "Btw-nummer"), (0.314, 0.159, "Btw-nummer: NL959385873B01"),
            (0.03, 0.172, "NL614262021B01"),
        ]
    )  # fmt: skip
    ext = _order(doc, buyer_name="De Vries Installatietechniek B.V.", vendor_name="Bosman Kantoorinrichting B.V.")
    assert _value(ext, "buyer_tax_id") == "NL614262021B01"
    assert _value(ext, "vendor_tax_id") == "NL959385873B01"
    # the id after its caption in the right-hand block, on a line that the left block's last line shares
    doc = document_of_rows(
        [
            (0.60, 0.045, "Vandenbroucke Techniek SA"),
            (0.06, 0.096, "Shipping address:"), (0.544, 0.095, "Verhaegen Logistics NV"),
            (0.06, 0.109, "Vandenbroucke Techniek SA"), (0.544, 0.109, "Boulevard d'Avroy 139"),
            (0.06, 0.123, "Kortrijksesteenweg 94"), (0.544, 0.123, "4000 Liège"),
            (0.06, 0.137, "Belgium"), (0.544, 0.137, "VAT: BE0913984973"),
        ]
    )  # fmt: skip
    ext = _order(doc, buyer_name="Vandenbroucke Techniek SA", vendor_name="Verhaegen Logistics NV")
    assert _value(ext, "vendor_tax_id") == "BE0913984973" and _value(ext, "buyer_tax_id") is None


def test_a_bare_italian_vat_number_after_its_scheme_s_name() -> None:
    from extraction.taxids import captioned_tax_id
    from tests.fixtures_docs import words_at

    assert captioned_tax_id("P.IVA:", words_at("55698030362", 0.1, 0.1)) == "55698030362"
    assert captioned_tax_id("P.IVA:", words_at("55698030363", 0.1, 0.1)) is None  # its check digit off
    assert captioned_tax_id("Ordine", words_at("55698030362", 0.1, 0.1)) is None


def test_a_tax_id_goes_with_the_party_its_name_was_read_as_where_no_letterhead_stands_above() -> None:
    # two blocks side by side at the top, the vendor's first: the structure alone would take the first for the issuer
    doc = document_of_rows(
        [
            (0.05, 0.16, "Supplier:"), (0.55, 0.16, "Purchaser:"),
            (0.05, 0.175, "Cedar Hollow Supply Inc."), (0.55, 0.175, "Tamarack Industrial Inc."),
            (0.05, 0.19, "208 Ludlow Street"), (0.55, 0.19, "32 Main Street"),
            (0.05, 0.205, "EIN: 36-4548916"), (0.55, 0.205, "EIN: 60-2733163"),
        ]
    )  # fmt: skip
    ext = _order(
        doc,
        buyer_name="Tamarack Industrial Inc.",
        vendor_name="Cedar Hollow Supply Inc.",
        buyer_tax_id="36-4548916",
        vendor_tax_id="60-2733163",
    )
    assert _value(ext, "buyer_name") == "Tamarack Industrial Inc."
    assert _value(ext, "buyer_tax_id") == "60-2733163"
    assert _value(ext, "vendor_tax_id") == "36-4548916"


def _shifted(rows: list[tuple[float, float, str]], right: float | None = None, centre: float | None = None) -> list:
    """Rows placed so that each ends at ``right`` or is centred on ``centre`` (0.009 of the page per character)."""
    width = [0.009 * len(" ".join(text.split())) for _, _, text in rows]
    if right is not None:
        return [(right - w, y, text) for w, (_, y, text) in zip(width, rows, strict=True)]
    assert centre is not None
    return [(centre - w / 2, y, text) for w, (_, y, text) in zip(width, rows, strict=True)]


@pytest.mark.parametrize("placed", [{"right": 0.9}, {"centre": 0.5}])
def test_a_tax_id_under_a_letterhead_set_flush_right_or_centred_is_the_letterhead_s(placed: dict) -> None:
    head = _shifted([(0, 0.04, "Brandt Werkzeugmaschinen GmbH"), (0, 0.06, "USt: DE136695976")], **placed)
    block = [(0.06, 0.15, "Supplier"), (0.06, 0.165, "Verbeek Logistiek N.V."), (0.06, 0.18, "Kanaaldijk 171")]
    ext = _order(document_of_rows([*head, *block]), buyer_name="Brandt Werkzeugmaschinen GmbH",
                 vendor_name="Verbeek Logistiek N.V.")  # fmt: skip
    assert _value(ext, "buyer_tax_id") == "DE136695976"
    assert _value(ext, "vendor_tax_id") is None


def test_a_bare_number_after_its_scheme_s_name_is_the_block_s_tax_id() -> None:
    doc = document_of_rows(
        [
            (0.06, 0.04, "Ferretti Utensili S.r.l."), (0.06, 0.055, "Via Roma 12, 10121 Torino"),
            (0.06, 0.07, "P.IVA: 55698030362"),
            (0.06, 0.15, "Supplier"), (0.06, 0.165, "Verbeek Logistiek N.V."), (0.06, 0.18, "Kanaaldijk 171"),
        ]
    )  # fmt: skip
    ext = _order(doc, buyer_name="Ferretti Utensili S.r.l.", vendor_name="Verbeek Logistiek N.V.")
    assert _value(ext, "buyer_tax_id") == "55698030362"


def test_a_buyer_read_as_the_addressee_gives_way_where_the_vendor_is_empty() -> None:
    doc = document_of_rows(
        [
            (0.12, 0.048, "Fontaine Papeterie SAS"), (0.12, 0.07, "12, rue Haute, 49100 Angers"),
            (0.56, 0.135, "À l'attention de"), (0.56, 0.149, "Morel Bureau SARL"), (0.56, 0.163, "73, rue Basse"),
        ]
    )  # fmt: skip
    ext = _order(doc, buyer_name="À l'attention de Morel Bureau SARL")
    assert (_value(ext, "buyer_name"), _value(ext, "vendor_name")) == ("Fontaine Papeterie SAS", "Morel Bureau SARL")


def test_a_block_s_caption_read_as_a_party_gives_way_to_the_company_under_it() -> None:
    doc = document_of_rows(
        [
            (0.12, 0.048, "Tolland Joinery Ltd"), (0.12, 0.07, "217 Prince of Wales Road, Norwich"),
            (0.06, 0.199, "Trading Partner"), (0.35, 0.199, "Accounts Payable Address"),
            (0.06, 0.214, "Fenwick Hollow Joinery Ltd"), (0.35, 0.214, "Tolland Joinery Ltd"),
            (0.06, 0.229, "3 Fishergate"), (0.35, 0.229, "217 Prince of Wales Road"),
        ]
    )  # fmt: skip
    caption = next(w for w in doc.pages[0].words if w.text == "Trading")
    partner = next(w for w in doc.pages[0].words if w.text == "Partner")
    box = (caption.bbox[0], caption.bbox[1], partner.bbox[2], partner.bbox[3])
    ext = Extraction("purchase_order", 1, {"buyer_name": FieldValue("Trading Partner", 0.75, 1, box)})
    ext.fields["vendor_name"] = FieldValue("Fenwick Hollow Joinery Ltd", 0.45)
    read_roles(doc, ext)
    assert _value(ext, "buyer_name") == "Tolland Joinery Ltd"
    assert _value(ext, "vendor_name") == "Fenwick Hollow Joinery Ltd"


def test_two_printed_names_read_as_one_party_leave_the_one_the_other_party_is_not() -> None:
    doc = document_of_rows(
        [
            (0.07, 0.17, "7 Requesting Entity"), (0.40, 0.17, "Pickering & Dale Outfitters Inc."),
            (0.07, 0.19, "8 Supplying Acct"), (0.40, 0.19, "Larkspur Laboratories LLC"),
        ]
    )  # fmt: skip
    ext = _order(
        doc,
        buyer_name="Pickering & Dale Outfitters Inc.",
        vendor_name="Pickering & Dale Outfitters Inc. Larkspur Laboratories LLC",
    )
    assert _value(ext, "vendor_name") == "Larkspur Laboratories LLC"
    assert _value(ext, "buyer_name") == "Pickering & Dale Outfitters Inc."


def test_two_blocks_side_by_side_at_the_top_make_no_letterhead() -> None:
    # the vendor's block a hair higher than the customer's: neither is the issuer, so a buyer value that names no
    # company is not replaced by the vendor's name
    doc = document_of_rows(
        [
            (0.05, 0.08, "Zorblat"), (0.45, 0.08, "Quuxen"),
            (0.05, 0.099, "Cedar Hollow Supply Inc."), (0.45, 0.1, "Tamarack Industrial Inc."),
            (0.05, 0.115, "208 Ludlow Street"), (0.45, 0.115, "32 Main Street"),
        ]
    )  # fmt: skip
    fields = {"buyer_name": FieldValue("Quuxen", 0.2), "vendor_name": FieldValue("Cedar Hollow Supply Inc.", 0.9)}
    ext = Extraction("purchase_order", 1, fields)
    read_roles(doc, ext)
    assert _value(ext, "buyer_name") != "Cedar Hollow Supply Inc."
    assert _value(ext, "vendor_name") == "Cedar Hollow Supply Inc."


def test_a_bare_number_after_any_scheme_name_python_stdnum_knows_is_read_by_that_scheme() -> None:
    from extraction.taxids import captioned_tax_id
    from tests.fixtures_docs import words_at

    # Norway's organisation number after 'Org.nr.' (Sweden's goes by the same name), Italy's after 'P. IVA:'
    # (the caption's last word), Poland's REGON; each by its own check digits
    assert captioned_tax_id("Org.nr.:", words_at("917 216 479", 0.1, 0.1)) == "917216479"
    assert (
        captioned_tax_id("Org.nr.:", words_at("556703-7485", 0.1, 0.1)) == "556703-7485"
    )  # as printed, like the labels keep it
    assert captioned_tax_id("IVA:", words_at("32192880329", 0.1, 0.1)) == "32192880329"
    assert captioned_tax_id("REGON:", words_at("192598184", 0.1, 0.1)) == "192598184"
    assert captioned_tax_id("Org.nr.:", words_at("917 216 478", 0.1, 0.1)) is None
    assert captioned_tax_id("Order:", words_at("917216479", 0.1, 0.1)) is None  # no scheme's name


def test_a_supplier_named_only_in_the_footer_beside_its_tax_id_is_the_vendor() -> None:
    # the footer's company shares the letterhead's words but not its legal form: another company of the group
    doc = document_of_rows(
        [
            (0.25, 0.04, "HURTOWNIA MAZOWIECKA SP. Z O.O."),
            (0.05, 0.15, "Zorblat quux"), (0.05, 0.165, "HURTOWNIA MAZOWIECKA SP. Z O.O."),
            (0.05, 0.95, "Zorblat: HURTOWNIA MAZOWIECKA S.A., ul. Wrocławska 111 · NIP 627-666-81-89"),
        ]
    )  # fmt: skip
    ext = _order(doc, buyer_name="HURTOWNIA MAZOWIECKA SP. Z O.O.")
    assert _value(ext, "vendor_name") == "HURTOWNIA MAZOWIECKA S.A."
    assert _value(ext, "vendor_tax_id") == "627-666-81-89"
    assert _value(ext, "buyer_name") == "HURTOWNIA MAZOWIECKA SP. Z O.O."


def test_a_caption_of_a_row_of_captions_whose_scanned_box_reads_tall_starts_no_name() -> None:
    """'Supplier   Deliver To   Invoice To' over three names: a photo's box of 'Supplier' reads 1.3 times the names'
    height, as a letterhead's larger print would; a caption of a row of captions over values is no name's first
    line, whatever its box. A letterhead's name wrapped over two lines still reads whole."""
    rows = [(0.06, 0.18, "Supplier"), (0.36, 0.18, "Deliver To"), (0.65, 0.18, "Invoice To"),
            (0.06, 0.2, "Aldridge Engineering LLP"), (0.36, 0.2, "Cotswold Facilities Ltd"),
            (0.65, 0.2, "Cotswold Facilities Ltd")]  # fmt: skip
    doc = document_of_rows(rows)
    caption = doc.pages[0].words[0]
    doc.pages[0].words[0] = Word(
        caption.text, (caption.bbox[0], caption.bbox[1] - 0.004, caption.bbox[2], caption.bbox[3])
    )
    names = [company.name for company in companies(doc)]
    assert names == ["Aldridge Engineering LLP", "Cotswold Facilities Ltd"]  # not 'Supplier Aldridge Engineering LLP'


def test_a_turkish_tax_number_after_its_usual_caption() -> None:
    from extraction.taxids import captioned_tax_id
    from tests.fixtures_docs import words_at

    # 'Vergi No' (tax number): python-stdnum names the VKN only by its abbreviation and full name
    assert captioned_tax_id("Vergi No:", words_at("2851980211", 0.1, 0.1)) == "2851980211"
    assert captioned_tax_id("Vergi No:", words_at("2851980212", 0.1, 0.1)) is None  # its check digit off


RELATION = [
    (0.13, 0.05, "Keller Trading GmbH"), (0.13, 0.065, "een dochter van Lumen Corp."),
    (0.13, 0.08, "Hafenstraße 12, 20457 Hamburg"), (0.08, 0.2, "Factureren aan"), (0.08, 0.215, "Cedar Automotive AG"),
    (0.08, 0.23, "Mühlenweg 7, 8001 Zürich"),
]  # fmt: skip


def test_a_letterheads_relation_line_names_no_party_and_the_name_above_it_is_the_party() -> None:
    doc = document_of_rows(RELATION)
    assert [c.name for c in companies(doc)] == ["Keller Trading GmbH", "Cedar Automotive AG"]  # not its owner
    ext = _order(doc, buyer_name="Cedar Automotive AG", vendor_name="een dochter van Lumen Corp.")
    assert (_value(ext, "buyer_name"), _value(ext, "vendor_name")) == ("Cedar Automotive AG", "Keller Trading GmbH")
    # over the other party's letterhead it names nobody: the value goes
    ext = _order(doc, buyer_name="Keller Trading GmbH", vendor_name="een dochter van Lumen Corp.")
    assert _value(ext, "vendor_name") != "een dochter van Lumen Corp."


def test_a_long_legal_form_counts_as_one_word_of_the_name() -> None:
    doc = document_of_rows(
        [(0.13, 0.05, "Fairbanks & Maple Metalworks S. de R.L. de C.V."), (0.13, 0.065, "Via Roma 2")]
    )
    assert [c.name for c in companies(doc)] == ["Fairbanks & Maple Metalworks S. de R.L. de C.V."]


def test_a_scheme_captioned_by_its_spelled_out_name_shortened_is_read_by_that_scheme() -> None:
    from extraction.taxids import captioned_tax_id, tax_id_at
    from tests.fixtures_docs import words_at

    # python-stdnum names Korea's BRN 'Business Registration Number' and Taiwan's UBN 'Unified Business Number':
    # the caption shortens those words ('Reg.', 'No.'), three of them, and the check digits decide
    line = words_at("Business Reg. No.: 120-81-00010", 0.1, 0.1)
    assert tax_id_at(line, 3) == "120-81-00010"
    assert captioned_tax_id("Unified Business No.:", words_at("12345675", 0.1, 0.1)) == "12345675"
    assert captioned_tax_id("Unified Business No.:", words_at("12345674", 0.1, 0.1)) is None  # its check digit off
    assert captioned_tax_id("Business Reg. No.:", words_at("120-00-00010", 0.1, 0.1)) is None  # no office '00'
    # two words of a name ('Reg. No.') or another caption's three ('Order Reg. No.') name no scheme
    assert captioned_tax_id("Reg. No.:", words_at("120-81-00010", 0.1, 0.1)) is None
    assert captioned_tax_id("Order Ref. No.:", words_at("12345675", 0.1, 0.1)) is None


def test_a_company_under_a_delivery_caption_gives_way_to_the_addressee_as_vendor() -> None:
    # the letterhead (buyer), its one-line sender's address over the window, the addressee with its tax id, then a
    # third company under a delivery address's caption: that one is neither party
    rows = [
        *LETTERHEAD,
        (0.08, 0.15, "Kromme Installatie B.V. · Laat 12 · 1811 Alkmaar"),
        (0.08, 0.165, "Verbeek Logistiek N.V."), (0.08, 0.18, "Kanaaldijk 171"), (0.08, 0.195, "5701 Helmond"),
        (0.08, 0.21, "VAT NL004495445B01"),
        (0.08, 0.26, "Delivery address:"), (0.08, 0.275, "Hoorn Opslag B.V."), (0.08, 0.29, "Dijk 4"),
    ]  # fmt: skip
    ext = _order(document_of_rows(rows), buyer_name="Kromme Installatie B.V.", vendor_name="Hoorn Opslag B.V.")
    assert _value(ext, "vendor_name") == "Verbeek Logistiek N.V."
    assert _value(ext, "vendor_tax_id") == "NL004495445B01"


def _taller(doc: Document, count: int, height: float) -> None:
    words = doc.pages[0].words
    words[:count] = [Word(w.text, (w.bbox[0], w.bbox[1], w.bbox[2], w.bbox[1] + height)) for w in words[:count]]


def test_a_group_line_over_a_letterhead_name_is_no_part_of_it_where_the_page_names_the_company_without_it() -> None:
    # a group's name in larger print over the company's: the footer (or the e-mail's domain) names it alone
    rows = [
        (0.05, 0.03, "Sterling Group"), (0.05, 0.05, "Kromme Installatie B.V."), (0.05, 0.065, "Laat 12"),
        *BLOCK, (0.1, 0.95, "Kromme Installatie B.V. · Laat 12 · 1811 Alkmaar"),
    ]  # fmt: skip
    doc = document_of_rows(rows)
    _taller(doc, 2, 0.018)
    names = [c.name for c in companies(doc)]
    assert "Kromme Installatie B.V." in names and not any(n.startswith("Sterling") for n in names)
    mail = document_of_rows([*rows[:3], (0.05, 0.08, "info@kromme.example"), *BLOCK])
    _taller(mail, 2, 0.018)
    assert "Kromme Installatie B.V." in [c.name for c in companies(mail)]
    # no such evidence: the larger line is read as the name's first half, as before
    bare = document_of_rows([*rows[:3], *BLOCK])
    _taller(bare, 2, 0.018)
    assert "Sterling Group Kromme Installatie B.V." in [c.name for c in companies(bare)]


def test_a_legal_forms_bracketed_qualifier_is_part_of_the_name() -> None:
    doc = document_of_rows(
        [*LETTERHEAD, (0.08, 0.2, "Buyer"), (0.08, 0.215, "Lund Kemi AB (publ)"), (0.08, 0.23, "Storgatan 1")]
    )
    assert "Lund Kemi AB (publ)" in [c.name for c in companies(doc)]
    ext = _order(doc, buyer_name="Lund Kemi AB", vendor_name="Kromme Installatie B.V.")
    assert _value(ext, "buyer_name") == "Lund Kemi AB (publ)"


def test_a_block_caption_in_capitals_read_with_the_name_gives_way_to_the_name() -> None:
    rows = [
        (0.08, 0.2, "KUNDE"), (0.5, 0.2, "LIEFERANT"), (0.08, 0.215, "Lund Kemi AB"),
        (0.5, 0.215, "Verbeek Logistiek N.V."), (0.08, 0.23, "Storgatan 1"), (0.5, 0.23, "Kanaaldijk 171"),
    ]  # fmt: skip
    ext = _order(document_of_rows(rows), buyer_name="KUNDE Lund Kemi AB", vendor_name="Verbeek Logistiek N.V.")
    assert _value(ext, "buyer_name") == "Lund Kemi AB"
    # a name printed in capitals keeps its first word
    ext = _order(document_of_rows(rows), buyer_name="Lund Kemi AB", vendor_name="Verbeek Logistiek N.V.")
    assert _value(ext, "buyer_name") == "Lund Kemi AB"


def test_a_name_in_a_priced_table_row_is_goods_and_no_company_named_again() -> None:
    # 'Motor oil Kerr SAE 40' on two item rows reads like a company printed twice: it is a description, so the
    # letterhead stays the buyer and the block's company the vendor
    items = [
        (x, y, text)
        for y in (0.4, 0.42)
        for x, text in ((0.08, "Motor oil Kerr SAE 40"), (0.5, "6"), (0.6, "4,43"), (0.75, "26,58"))
    ]
    doc = document_of_rows([*LETTERHEAD, *BLOCK, *items, *FOOTER])
    assert not any("SAE" in c.name for c in companies(doc))
    ext = _order(doc, buyer_name="Kromme Installatie B.V.", vendor_name="Verbeek Logistiek N.V.")
    assert _value(ext, "buyer_name") == "Kromme Installatie B.V."
    assert _value(ext, "vendor_name") == "Verbeek Logistiek N.V."
    # a name beside a date and a reference in a header's row is still a company
    header = document_of_rows([*LETTERHEAD, (0.08, 0.2, "Kerr SAE"), (0.5, 0.2, "2026-03-31"), (0.7, 0.2, "4711")])
    assert any(c.name == "Kerr SAE" for c in companies(header))


def test_the_company_printed_again_where_the_goods_go_is_the_buyer_whatever_the_title_s_stem() -> None:
    # 'ORDER FOR SUPPLY': the supplier's caption shares the title's stem; the company printed a second time, under
    # the delivery address beside its block, is the buyer
    rows = [
        (0.07, 0.066, "Постачальник"), (0.07, 0.079, "ТОВ «Карпати Енергосервіс»"), (0.07, 0.094, "вул. Січова, 37"),
        (0.07, 0.109, "49000 м. Дніпро"), (0.53, 0.154, "Покупець"), (0.07, 0.161, "Адреса доставки"),
        (0.53, 0.167, "ТОВ «Слобожанщина Енергосервіс»"), (0.07, 0.173, "ТОВ «Слобожанщина Енергосервіс»"),
        (0.53, 0.182, "просп. Свободи, 117"), (0.07, 0.189, "вул. Хрещатик, 80"),
    ]  # fmt: skip
    doc = document_of_rows(rows)
    doc.pages[0].words[:0] = words_at("ЗАМОВЛЕННЯ НА ПОСТАЧАННЯ", 0.53, 0.04, 0.012, 0.02)
    ext = _order(doc)
    assert _value(ext, "buyer_name") == "ТОВ «Слобожанщина Енергосервіс»"
    assert _value(ext, "vendor_name") == "ТОВ «Карпати Енергосервіс»"
