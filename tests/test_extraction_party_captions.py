"""Who is who read from the party blocks' captions in the languages orders are printed in, captions printed in
two languages, and a document's title that is no letterhead (extraction.heuristic.parties)."""

import pytest

from extraction.document import Document, Page
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
