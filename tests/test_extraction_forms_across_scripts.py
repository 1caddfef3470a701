"""Legal forms of companies in scripts other than Latin (ISO 20275's list, extraction/elfforms.txt), a form shaped
as an abbreviation before a name in quotes, a name in quotes before its form, and tax-id schemes captioned in their
own script (`taxids16`). Names and numbers are made up here: none is a study document's."""

import pytest

from extraction.companies import LEGAL_FORM, quoted_form_end, quoted_name_end
from extraction.document import Document
from extraction.openings import read_opening
from extraction.result import Extraction, FieldValue
from extraction.roles import read_roles
from extraction.taxids import caption_modules, captioned_tax_id
from tests.fixtures_docs import document_of_rows, page_of_lines, words_at


def _read(doc: Document, **values: str) -> dict[str, object]:
    ext = Extraction("purchase_order", 1, {name: FieldValue(value, 0.99) for name, value in values.items()})
    read_roles(doc, ext)
    return {name: cell.value for name, cell in ext.fields.items()}


@pytest.mark.parametrize("word", ["ООО", "ЗАО", "ЕООД", "АД", "д.о.о.", "ΑΕ", "ΕΟΟΣ", "ذ.م.م", "S.A.C."])
def test_legal_forms_of_other_scripts_from_the_iso_20275_list(word: str) -> None:
    assert LEGAL_FORM.fullmatch(word)


@pytest.mark.parametrize("word", ["од", "до", "Москва", "P.O.", "U.S.", "ПРОЕКТ"])
def test_no_form_in_a_word_of_prose_a_box_or_a_country(word: str) -> None:
    # a bare small-letter form is prose ('од': Serbian 'from'); two stopped initials are a box or a country
    assert not LEGAL_FORM.fullmatch(word)


@pytest.mark.parametrize(
    ("text", "end"),
    [
        ("ТОВ «Полісся Логістик», код", 3), ("ПрАТ «Азов Кабель»", 3), ('KHT "Altyn Dala"', 3),
        ("Москва «Заря» завод", None),  # one capital: a word, no abbreviation
        ("ТОВАРИСТВО «Полісся»", None),  # longer than a form's abbreviation
    ],
)  # fmt: skip
def test_a_word_shaped_as_a_form_s_abbreviation_before_a_quoted_name(text: str, end: int | None) -> None:
    assert quoted_name_end(text.split(), 0) == end


@pytest.mark.parametrize(
    ("text", "end"),
    [
        ("«Դիլիջան Շին» ՓԲԸ, ՀՎՀՀ 23992959", 3), ("«Արագած Սերվիս» ՍՊԸ", 3),
        ("«Ромашка» ИНН 7701234567", None),  # a caption before a number, no form
        ("«Заря» завод", None),  # no abbreviation after the quote
        ("Москва «Заря» ООО", None),  # no quote at the start
    ],
)  # fmt: skip
def test_a_quoted_name_followed_by_a_word_shaped_as_a_form_s_abbreviation(text: str, end: int | None) -> None:
    assert quoted_form_end(text.split(), 0) == end


def test_an_opening_names_parties_in_quotes_before_their_form_and_after_an_unlisted_one() -> None:
    lines = [
        "ДОГОВОР ЗА ДОСТАВКА",
        "Днес между „Пирин Текс“ АД, ЕИК 204108769, наричано Купувач, и ТОВ «Полісся Логістик»,",
        "наричано Доставчик, се сключи този договор.",
        "1. Договорът е валиден до 1 март 2031 г.",
    ]
    ext = Extraction("contract", 1, {})
    read_opening(page_of_lines(lines), ext)
    got = {name: cell.value for name, cell in ext.fields.items()}
    assert {got.get("buyer_name"), got.get("vendor_name")} == {"„Пирин Текс“ АД", "ТОВ «Полісся Логістик»"}


def test_a_scheme_captioned_in_its_own_script() -> None:
    def names(caption: str) -> list[str]:
        return [getattr(m, "__name__", "") for m in caption_modules(caption)]

    assert names("Код ЄДРПОУ") == ["stdnum.ua.edrpou"]
    assert "stdnum.ru.inn" in names("ИНН:")
    assert names("ΑΦΜ") == ["stdnum.gr.vat"]
    assert captioned_tax_id("Код ЄДРПОУ", words_at("41025634", 0.1, 0.1)) == "41025634"
    assert captioned_tax_id("ИНН", words_at("7708345125", 0.1, 0.1)) == "7708345125"
    assert captioned_tax_id("ИНН", words_at("7708345126", 0.1, 0.1)) is None  # its check digit off


def test_a_party_whose_company_the_page_names_keeps_its_tax_id_where_the_other_s_form_is_unknown() -> None:
    # a grid: the supplier's name ends in a form no list holds ('Unipessoal' spelled out), the customer's in one
    # ('S.A.'); the structure alone takes the only company it knows for the vendor, the names say it is the buyer
    rows = [(0.07, 0.05, "Purchase Order"), (0.07, 0.15, "Supplier"), (0.5, 0.15, "VAT No.")]
    rows += [(0.07, 0.165, "Ribeira Metalurgica Unipessoal"), (0.5, 0.165, "PT504312685")]
    rows += [(0.07, 0.185, "Customer"), (0.5, 0.185, "NIF")]
    rows += [(0.07, 0.2, "Tagus Componentes S.A."), (0.5, 0.2, "PT509723144")]
    values = {"buyer_name": "Tagus Componentes S.A.", "vendor_name": "Ribeira Metalurgica Unipessoal"}
    values |= {"buyer_tax_id": "PT509723144", "vendor_tax_id": "PT504312685"}
    got = _read(document_of_rows(rows), **values)
    assert (got["buyer_tax_id"], got["vendor_tax_id"]) == ("PT509723144", "PT504312685")
