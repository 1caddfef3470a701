"""Leader dots, currency codes in cells, tax ids completed by their scheme's letters, countries named side by side,
and the layout model's date order by country, found on blind set 10 dev."""

from __future__ import annotations

from datetime import date

from extraction.countries import countries, date_order_by_country
from extraction.currencycodes import read_currency_code
from extraction.document import Document, Page, Word
from extraction.leaders import without_leaders
from extraction.result import Extraction, FieldValue
from extraction.taxsuffix import complete_tax_ids, completed
from tests.fixtures_docs import document_of_rows, words_at


def _texts(words: list[Word]) -> list[str]:
    return [w.text for w in words]


def test_leader_dots_glued_to_the_value_become_the_captions_colon() -> None:
    words = without_leaders(words_at("Datum ................:09.11.2026", 0.1, 0.1))
    assert _texts(words) == ["Datum:", "09.11.2026"]
    value = words[1]
    assert value.bbox[2] == words_at("Datum ................:09.11.2026", 0.1, 0.1)[1].bbox[2]  # the glued word's end
    assert value.bbox[0] > words[0].bbox[2]


def test_leader_dots_alone_or_glued_to_the_caption() -> None:
    padded = without_leaders(words_at("Bestellnummer ........: 4325079", 0.1, 0.1))
    assert _texts(padded) == ["Bestellnummer:", "4325079"]
    assert _texts(without_leaders(words_at("Währung.......: EUR", 0.1, 0.1))) == ["Währung:", "EUR"]


def test_an_ellipsis_or_a_dotted_number_stays() -> None:
    for text in ("Cable tray etc...", "1.234.567,00", "S.A.C.", "v1.2..3"):
        assert _texts(without_leaders(words_at(text, 0.1, 0.1))) == text.split(" ")


def _read_currency(doc: Document) -> object:
    extraction = Extraction(doc_type="purchase_order", page_count=1)
    read_currency_code(doc, extraction)
    cell = extraction.fields.get("currency")
    return None if cell is None else cell.value


def test_a_rare_currency_code_under_its_caption() -> None:
    # a row of captions over a row of values, the code straight under its caption
    captions = [(0.1, 0.1, "Número"), (0.3, 0.1, "Fecha"), (0.5, 0.1, "Moneda")]
    values = [(0.1, 0.115, "OC-2027-11060"), (0.3, 0.115, "07/11/2027"), (0.5, 0.115, "PEN")]
    doc = document_of_rows(captions + values)
    assert _read_currency(doc) == "PEN"


def test_a_currency_code_beside_its_caption_and_in_brackets() -> None:
    assert _read_currency(document_of_rows([(0.1, 0.1, "Валюта"), (0.4, 0.1, "UAH")])) == "UAH"
    assert _read_currency(document_of_rows([(0.1, 0.1, "Послуга  Ціна (UAH)")])) == "UAH"


def test_a_code_that_is_a_word_in_a_table_row_or_far_below_is_no_currency() -> None:
    # 'ALL' (Albania's lek) under a caption in a row of amounts, and a code under a caption ten lines up
    rows = [(0.1, 0.1, "Size"), (0.3, 0.1, "Price"), (0.1, 0.115, "ALL"), (0.3, 0.115, "12,50")]
    assert _read_currency(document_of_rows(rows)) is None
    assert _read_currency(document_of_rows([(0.5, 0.1, "Moneda"), (0.5, 0.3, "PEN")])) is None


def test_the_currency_read_is_never_replaced() -> None:
    doc = document_of_rows([(0.1, 0.1, "Валюта"), (0.4, 0.1, "UAH")])
    extraction = Extraction(doc_type="purchase_order", page_count=1)
    extraction.fields["currency"] = FieldValue("EUR", 0.9)
    read_currency_code(doc, extraction)
    assert extraction.fields["currency"].value == "EUR"


def test_a_norwegian_organisation_number_keeps_its_mva() -> None:
    assert completed("970625437", "MVA") == "970625437MVA"  # stdnum's no.mva: the VAT number ends in MVA
    assert completed("970625437", "Oslo") is None
    assert completed("DE136695976", "GmbH") is None  # a valid id stays as it is
    doc = document_of_rows([(0.1, 0.1, "Vestland Bygg AS"), (0.1, 0.115, "Org.nr. 970 625 437 MVA")])
    extraction = Extraction(doc_type="purchase_order", page_count=1)
    extraction.fields["vendor_tax_id"] = FieldValue("970625437", 0.8)
    complete_tax_ids(doc, extraction)
    assert extraction.fields["vendor_tax_id"].value == "970625437MVA"


def test_two_address_blocks_side_by_side_name_their_country() -> None:
    assert countries(["Perú Perú"])["PE"] == 1
    assert countries(["Lima 15073 Arequipa 04001", "Perú Perú"]) == countries(["Perú"])
    assert date_order_by_country(["Lima 15073", "Perú Perú"]) == "DMY"


def test_the_layout_models_dates_follow_the_country_named() -> None:
    from models.layout.extractor import Normaliser

    # '07/11/2027' could be either; a Peruvian order writes the day first (CLDR's es_PE short date)
    assert Normaliser(["07/11/2027", "Lima", "Perú"])("order_date", "07/11/2027") == date(2027, 11, 7)
    assert Normaliser(["07/11/2027", "Chicago,", "IL", "60601"])("order_date", "07/11/2027") == date(2027, 7, 11)


def test_pages_keep_words_without_leaders() -> None:
    page = Page(1, 612, 792, words_at("Datum ....:1.2.2026", 0.1, 0.1))
    assert _texts(without_leaders(page.words)) == ["Datum:", "1.2.2026"]


def test_a_vat_number_in_its_national_grouping_after_the_country_prefix() -> None:
    from extraction.taxids import spaced_tax_id

    assert spaced_tax_id(words_at("BE 0484.105.422", 0.1, 0.1)) == "BE0484.105.422"
    assert spaced_tax_id(words_at("BE 0484.105.423", 0.1, 0.1)) is None  # its check digits disagree


def test_a_reference_code_in_another_alphabet_has_the_code_shape() -> None:
    from extraction.openings import is_code

    assert is_code("921/2024-П") and is_code("DL-2027/839") and is_code("ΣΥΜ-2024/17")
    assert not is_code("Договір") and not is_code("договір-12")


def test_leader_dots_between_an_items_text_and_its_numbers_stay() -> None:
    row = words_at("1.1 KC-711401 Label Roll .......... 86.281 Fr. 1'524.38 Fr. 131'525.03", 0.1, 0.1)
    assert _texts(without_leaders(row)) == _texts(row)
    wrapped = words_at("DC, EN 388 (MM-813960) ...................", 0.1, 0.1)  # its numbers on the next line
    assert _texts(without_leaders(wrapped)) == _texts(wrapped)
