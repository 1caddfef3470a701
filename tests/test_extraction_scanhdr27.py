"""Scanned header fields (scanhdr27): a legal form's capitals read in Latin look-alikes before a quoted Cyrillic name,
and a currency's code read for a party's name."""

from extraction import ocr
from extraction.document import Word
from extraction.result import Extraction, FieldValue
from extraction.roles import read_roles
from tests.fixtures_docs import document_of_rows
from tests.test_extraction_roles import BLOCK, FOOTER, LETTERHEAD


def _line(*texts: str, y: float = 0.3) -> list[Word]:
    """Words of one printed line, one character 0.008 of the page wide, one space apart."""
    words, x = [], 0.1
    for text in texts:
        words.append(Word(text, (x, y, x + 0.008 * len(text), y + 0.01), 0.9))
        x += 0.008 * (len(text) + 1)
    return words


def test_a_legal_form_read_in_latin_look_alikes_before_a_quoted_cyrillic_name_takes_its_script() -> None:
    rows = _line("AAT", "«Нёман", "Пастаўка»") + _line("Пастаўшчык", "TAA", "«Бярэзіна", "Будматэрыялы»", y=0.32)
    rows += _line("OOO", "„Ромашка“", y=0.34)
    texts = [w.text for w in ocr.cyrillic_twins_mended(rows)]
    assert texts[:3] == ["ААТ", "«Нёман", "Пастаўка»"]
    assert texts[3:] == ["Пастаўшчык", "ТАА", "«Бярэзіна", "Будматэрыялы»", "ООО", "„Ромашка“"]


def test_latin_capitals_before_no_quoted_cyrillic_name_keep_their_letters() -> None:
    # a brand before a Cyrillic word, a form before a Latin name in quotes, a mixed-case word, a form alone
    rows = _line("HP", "Картридж", "чёрный") + _line("OOO", "«Acme»", y=0.32) + _line("Tex", "«Нёман»", y=0.34)
    rows += _line("AAT", y=0.36) + _line("OÜ", "«НарваТорг»", y=0.38) + _line("SIA", "«ДАУГАВА", "ТОРГ»", y=0.4)
    assert [w.text for w in ocr.cyrillic_twins_mended(rows)] == [w.text for w in rows]


def test_a_currency_code_read_for_a_party_gives_way_to_the_company_printed() -> None:
    doc = document_of_rows([*LETTERHEAD, *BLOCK, *FOOTER])
    ext = Extraction("purchase_order", 1, {"vendor_name": FieldValue("GBP", 0.9)})
    read_roles(doc, ext)
    vendor = ext.fields.get("vendor_name")
    assert vendor is not None and vendor.value == "Verbeek Logistiek N.V."
