"""Who is who read from the party blocks' captions in the languages orders are printed in, captions printed in
two languages, and a document's title that is no letterhead (extraction.heuristic.parties)."""

import pytest

from extraction.document import Document, Page, Word
from extraction.heuristic import HeuristicExtractor
from extraction.heuristic.parties import misread_caption
from extraction.result import Extraction
from tests.fixtures_docs import words_at


def _page(rows: list[tuple[float, float, str]], big: list[tuple[float, float, str]]) -> Document:
    """Rows in body type (0.012 high) and rows in a title's or letterhead's bigger type (0.022 high)."""
    words = [w for x, y, text in rows for w in words_at(text, x, y)]
    words += [w for x, y, text in big for w in words_at(text, x, y, 0.016, 0.022)]
    return Document([Page(1, 612, 792, words)])


def _read(doc: Document) -> Extraction:
    return HeuristicExtractor().extract(doc, "purchase_order")


def _value(ext: Extraction, name: str) -> object:
    cell = ext.fields.get(name)
    return None if cell is None else cell.value


@pytest.mark.parametrize(
    ("text", "role"),
    [
        ("Dostawca", "vendor_name"), ("Fornecedor:", "vendor_name"), ("Szállító", "vendor_name"),
        ("Toimittaja", "vendor_name"), ("Nabywca", "buyer_name"), ("Vevő:", "buyer_name"),
        ("Odběratel", "buyer_name"), ("Rechnungsanschrift", "buyer_name"), ("Leveringsadresse", "buyer_name"),
        ("Aan:", "vendor_name"), ("Til:", "vendor_name"),
        # a caption in two languages, either half known
        ("Fornecedor / Supplier:", "vendor_name"), ("Nabywca / Käufer", "buyer_name"),
        ("Facturar a / Bill To", "buyer_name"), ("Adres dostawy / Ship to", "buyer_name"),
    ],
)  # fmt: skip
def test_party_captions_in_the_languages_orders_are_printed_in(text: str, role: str) -> None:
    found = HeuristicExtractor._party_label(text)
    assert found is not None and found[0] == role and found[2] == len(text)


@pytest.mark.parametrize(
    "text",
    ["Kunde / Customer No.", "Conditions de paiement / Terms:", "Supplier / Bill To", "Lieferantennummer",
     "Dostawca / 12345", "An", "Andere:"],
)  # fmt: skip
def test_no_party_caption_a_number_s_caption_or_two_parties(text: str) -> None:
    assert HeuristicExtractor._party_label(text) is None


@pytest.mark.parametrize(
    ("text", "role"),
    [("Leverandor", "vendor_name"), ("Leverander", "vendor_name"), ("Leverentor", "vendor_name"),
     ("Leverantor", "vendor_name"), ("Suppller:", "vendor_name"), ("Purchascr", "buyer_name")],
)  # fmt: skip
def test_a_one_word_caption_a_scan_misread_by_a_letter(text: str, role: str) -> None:
    assert HeuristicExtractor._party_label(text) is None  # only where the page was read by OCR
    found = misread_caption(text)
    assert found is not None and found[0] == role and found[2] == len(text)


@pytest.mark.parametrize("text", ["Customers", "Leverans", "Lieferung", "Leverandorer", "FORNITURE", "Fornitori"])
def test_a_word_a_letter_longer_or_another_ending_is_no_misread_caption(text: str) -> None:
    assert misread_caption(text) is None


def test_a_scanned_caption_misread_by_a_letter_names_its_party_where_print_would_not() -> None:
    rows = [(0.06, 0.10, "Kunde"), (0.06, 0.115, "Fjellheim Bygg AS"), (0.06, 0.13, "Strandgaten 96"),
            (0.5, 0.10, "Leverandor"), (0.5, 0.115, "Nordkapp Mekaniske AS"),
            (0.5, 0.13, "Strandgaten 47")]  # fmt: skip
    scan = _page(rows, [])
    scan.pages[0].source = "ocr"
    assert _value(_read(scan), "vendor_name") == "Nordkapp Mekaniske AS"
    assert _value(_read(_page(rows, [])), "vendor_name") != "Nordkapp Mekaniske AS"


def test_two_blocks_under_captions_of_another_language_beneath_a_title_in_big_type() -> None:
    doc = _page(
        [
            (0.6, 0.045, "Nr: ZAM/2026/114"),
            (0.06, 0.10, "Dostawca / Supplier:"), (0.5, 0.10, "Nabywca / Buyer"),
            (0.06, 0.115, "Wisła Metal Sp. z o.o."), (0.5, 0.115, "Mazury Chemia S.A."),
            (0.06, 0.13, "ul. Długa 5"), (0.5, 0.13, "ul. Polna 17"),
            (0.06, 0.145, "80-001 Gdańsk"), (0.5, 0.145, "10-001 Olsztyn"),
        ],
        [(0.06, 0.035, "ZAMÓWIENIE")],
    )  # fmt: skip
    ext = _read(doc)
    assert _value(ext, "buyer_name") == "Mazury Chemia S.A."
    assert _value(ext, "vendor_name") == "Wisła Metal Sp. z o.o."


@pytest.mark.parametrize("title", ["Commande d'achat", "Beställning", "Megrendelés", "Einkaufsbestellung"])
def test_a_title_in_big_type_is_no_letterhead(title: str) -> None:
    doc = _page(
        [(0.6, 0.05, "Atelier Moreau SARL"), (0.6, 0.065, "12 rue Haute, 69001 Lyon")],
        [(0.06, 0.04, title)],
    )
    assert _value(_read(doc), "buyer_name") == "Atelier Moreau SARL"


def test_a_sentence_at_the_top_of_a_page_set_in_two_columns_is_no_letterhead() -> None:
    rows = [
        (0.11, 0.15, "REUNIDOS, de una parte Ebro Tornillería"), (0.52, 0.15, "QUINTA.– Cualquier cambio deberá"),
        (0.11, 0.165, "S.L., en adelante el Cliente, y de otra"), (0.52, 0.165, "constar por escrito."),
        *[(0.11, 0.18 + 0.015 * k, "las partes acuerdan lo siguiente con efectos") for k in range(12)],
    ]  # fmt: skip
    buyer = _value(_read(_page(rows, [])), "buyer_name")
    assert buyer not in ("REUNIDOS, de una parte Ebro Tornillería", "QUINTA.– Cualquier cambio deberá")


def test_a_letterhead_is_weighed_by_its_print_not_by_two_lines_read_as_one() -> None:
    # the addressee's caption above its name ('À l'attention de' / 'Morel Bureau SARL'): two lines of body type
    doc = _page(
        [
            (0.12, 0.048, "Fontaine Papeterie SAS"), (0.12, 0.07, "12, rue Haute"), (0.12, 0.083, "49100 Angers"),
            (0.56, 0.135, "À l'attention de"), (0.56, 0.149, "Morel Bureau SARL"), (0.56, 0.163, "73, rue Basse"),
        ],
        [],
    )  # fmt: skip
    assert _value(_read(doc), "buyer_name") == "Fontaine Papeterie SAS"


def test_a_party_caption_in_a_row_of_captions_takes_the_value_under_it() -> None:
    # 'Supplier' beside another caption, each over its value: the caption right of it is no party name
    rows = [(0.05, 0.1, "Customer"), (0.33, 0.1, "Supplier"), (0.55, 0.1, "Zorblat"),
            (0.05, 0.118, "Nordkapp Mekaniske ASA"), (0.33, 0.118, "Fjellheim Bygg ASA"), (0.55, 0.118, "03.01.2027"),
            (0.05, 0.136, "Strandgaten 88"), (0.33, 0.136, "Munkegata 112")]  # fmt: skip
    ext = _read(_page(rows, []))
    assert (_value(ext, "buyer_name"), _value(ext, "vendor_name")) == ("Nordkapp Mekaniske ASA", "Fjellheim Bygg ASA")
    # with its colon the caption's value is the phrase beside it, whatever stands under both
    rows = [(0.05, 0.1, "Supplier:"), (0.2, 0.1, "Fjellheim Bygg ASA"), (0.05, 0.118, "Zorblat:"),
            (0.2, 0.118, "Munkegata 112")]  # fmt: skip
    assert _value(_read(_page(rows, [])), "vendor_name") == "Fjellheim Bygg ASA"


def test_names_wrapped_over_lines_in_narrow_blocks_are_read_whole() -> None:
    # the buyer's block under a known caption, the vendor's under a caption no reader knows, each name wrapped in
    # its column before its legal form; the vendor's block is not the buyer's name again
    small = ((0.06, "Auftraggeber"), (0.3, "Zorblat"))
    captions = [w for x, text in small for w in words_at(text, x, 0.1, 0.008, 0.01)]
    rows = [(0.06, 0.114, "BRIANZA FORNITURE"), (0.3, 0.114, "VAL SERIANA"),
            (0.06, 0.128, "INDUSTRIALI S.A.S."), (0.3, 0.128, "FORNITURE"),
            (0.06, 0.142, "Via Roma 33"), (0.3, 0.142, "INDUSTRIALI S.A.S."),
            (0.3, 0.156, "Corso Zanardelli 17"), (0.3, 0.17, "P. IVA: 84177740325")]  # fmt: skip
    page = _page(rows, []).pages[0]
    ext = _read(Document([Page(1, 612, 792, captions + page.words)]))  # the captions in a smaller print
    assert _value(ext, "buyer_name") == "BRIANZA FORNITURE INDUSTRIALI S.A.S."
    assert _value(ext, "vendor_name") == "VAL SERIANA FORNITURE INDUSTRIALI S.A.S."
    assert _value(ext, "vendor_tax_id") == "84177740325"  # after its scheme's name, in the vendor's block


def test_the_block_beside_a_captioned_vendor_under_unknown_words_is_the_buyer_s() -> None:
    small = ((0.06, "Supplier"), (0.33, "Zorblatmottaker"))
    captions = [w for x, text in small for w in words_at(text, x, 0.1, 0.008, 0.01)]
    rows = [(0.06, 0.114, "Fjellheim Elektro ASA"), (0.33, 0.114, "Nordkapp Bygg ASA"),
            (0.06, 0.128, "Munkegata 43"), (0.33, 0.128, "Munkegata 42")]  # fmt: skip
    page = _page(rows, []).pages[0]
    ext = _read(Document([Page(1, 612, 792, captions + page.words)]))
    assert (_value(ext, "vendor_name"), _value(ext, "buyer_name")) == ("Fjellheim Elektro ASA", "Nordkapp Bygg ASA")


def test_a_tax_id_after_the_name_of_its_scheme_in_each_party_s_block() -> None:
    # 'RFC:' names no tax id the label table lists; python-stdnum knows the scheme (a value failing its check
    # digits is still the block's, read with less confidence)
    rows = [(0.07, 0.13, "Proveedor / Vendor"), (0.51, 0.13, "Comprador / Buyer"),
            (0.07, 0.145, "Cuauhtemoc Industrial S.A. de C.V."), (0.51, 0.145, "Ibarra Solis Empaques S.A. de C.V."),
            (0.07, 0.16, "Blvd. Lopez Mateos 69"), (0.51, 0.16, "Av. Constitucion 24"),
            (0.07, 0.175, "RFC: SKH090907O11"), (0.51, 0.175, "RFC: DUX910807L45")]  # fmt: skip
    ext = _read(_page(rows, []))
    assert (_value(ext, "vendor_tax_id"), _value(ext, "buyer_tax_id")) == ("SKH090907O11", "DUX910807L45")


def test_a_row_of_captions_is_measured_by_its_lines_not_by_a_caption_s_ink() -> None:
    """A scanned row of captions whose party caption is misread ('Leverander') and boxed by its ink, 0.007 high:
    the names under it stand 1.7 such heights below, but the row's own lines are taller ('Innkjopsnr.'), and the
    row of captions over values is seen, so that the caption right of the vendor's is not taken for its name."""
    rows = [
        [("Kunde", (0.0659, 0.0953, 0.1063, 0.1030)), ("Leverander", (0.3305, 0.0958, 0.4036, 0.1030)),
         ("Innkjopsnr.", (0.5940, 0.0941, 0.6659, 0.1069)), ("Bestillingsdato", (0.7112, 0.0958, 0.8073, 0.1047)),
         ("Betalingsbetingelser", (0.8278, 0.0971, 0.9347, 0.1043))],
        [("Nordkapp", (0.0665, 0.1150, 0.1396, 0.1257)), ("Mekaniske", (0.1462, 0.1150, 0.2266, 0.1236)),
         ("AS", (0.2320, 0.1150, 0.2508, 0.1236)), ("Fjellheim", (0.3305, 0.1150, 0.3982, 0.1257)),
         ("Elektro", (0.4048, 0.1150, 0.4586, 0.1236)), ("AS", (0.4640, 0.1150, 0.4828, 0.1231)),
         ("202442977", (0.5940, 0.1150, 0.6695, 0.1236)), ("2024-04-01", (0.7112, 0.1150, 0.7879, 0.1236)),
         ("30", (0.8278, 0.1150, 0.8441, 0.1236)), ("dager", (0.8495, 0.1150, 0.8882, 0.1253)),
         ("netto", (0.8937, 0.1154, 0.9281, 0.1236))],
        [("Munkegata", (0.0665, 0.1304, 0.1366, 0.1402)), ("79", (0.1426, 0.1304, 0.1571, 0.1385)),
         ("Strandgaten", (0.3299, 0.1304, 0.4079, 0.1402)), ("138", (0.4139, 0.1304, 0.4375, 0.1385))],
        [("7011", (0.0665, 0.1454, 0.0967, 0.1535)), ("Trondheim", (0.1021, 0.1454, 0.1716, 0.1535)),
         ("5014", (0.3305, 0.1454, 0.3607, 0.1535)), ("Bergen", (0.3668, 0.1454, 0.4121, 0.1552))],
    ]  # fmt: skip
    words = [Word(text, box, 0.9) for row in rows for text, box in row]
    ext = _read(Document([Page(1, 1655, 2339, words, "ocr")]))
    assert _value(ext, "vendor_name") == "Fjellheim Elektro AS"
    assert _value(ext, "buyer_name") == "Nordkapp Mekaniske AS"
