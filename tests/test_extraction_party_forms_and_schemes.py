"""Legal forms from cleanco's term lists, tax-id schemes named and printed as python-stdnum knows them, an
agreement's parties defined by their bracketed roles, and a letterhead's words kept on their own line."""

import pytest

from extraction.agreements import grantor_first
from extraction.companies import LEGAL_FORM
from extraction.document import Word
from extraction.layout import group_lines
from extraction.normalize import is_valid_tax_id
from extraction.openings import read_opening
from extraction.result import Extraction
from extraction.taxids import caption_modules, captioned_tax_id, formatted_tax_id, tax_id_at, tax_id_of
from tests.fixtures_docs import page_of_lines, words_at


@pytest.mark.parametrize("word", ["Sdn.", "Bhd.", "Bhd", "SDN", "S.A.E.", "SAE", "OOO", "K.D.A.", "e.V.", "Kft."])
def test_legal_forms_of_many_countries_as_names_print_them(word: str) -> None:
    assert LEGAL_FORM.fullmatch(word)


@pytest.mark.parametrize("word", ["e.g.", "VAT", "BHD", "AND", "CA", "UK", "De", "Company", "COMPANY", "Private"])
def test_no_form_in_prose_a_tax_a_currency_code_a_joiner_a_state_or_a_whole_word(word: str) -> None:
    # 'e.g.' in lower case, a tax's name, Bahrain's dinar in capitals, the joiner of 'and company', a US state or
    # a country in two letters, a word of a name, a word of prose
    assert not LEGAL_FORM.fullmatch(word)


def test_a_caption_names_one_country_s_scheme_by_its_name_shortened() -> None:
    def names(caption: str) -> list[str]:
        return [getattr(m, "__name__", "") for m in caption_modules(caption)]

    assert names("P.IVA:") == ["stdnum.it.iva"]  # 'Partita IVA', its first word by its initial
    assert names("Vergi No:") == ["stdnum.tr.vkn"]  # 'Vergi Kimlik Numarası', first and last words
    assert names("Corporate No.") == ["stdnum.jp.cn"]  # Japan's 'Corporate Number', not Slovenia's
    assert names("CVR-nr.") == ["stdnum.dk.cvr"]  # the scheme's name with a word for number after it
    assert names("Tax Reg. No.") == ["stdnum.eg.tn"]  # Egypt's 'Tax Registration Number', spelled and shortened
    # every country's 'VAT', 'Tax' or 'Reg.' number: no one scheme
    assert names("VAT No.") == names("Tax No.") == names("Reg. No.") == names("Tax Ref.") == []


def test_egypt_s_tax_number_after_its_caption_and_as_printed() -> None:
    assert captioned_tax_id("Tax Reg. No.", words_at("318-604-552", 0.1, 0.1)) == "318-604-552"
    assert captioned_tax_id("Tax Registration No.", words_at("3186045", 0.1, 0.1)) is None  # nine digits
    # its module checks the length alone: never read without its caption
    assert tax_id_of("318-604-552") is None or is_valid_tax_id("318-604-552")
    assert formatted_tax_id("318-604-552") is None


def test_a_number_printed_in_its_scheme_s_own_grouping_and_checked_is_a_tax_id() -> None:
    # Indonesia's NPWP as python-stdnum formats it, its check digit right; one digit of the checked part off fails
    assert tax_id_of("01.300.066.6-091.000") == "01.300.066.6-091.000"
    assert is_valid_tax_id("01.300.066.6-091.000")
    assert tax_id_of("01.300.066.7-091.000") is None
    for other in ("2024-10-03", "12.03.2024", "1.234.567", "030-1234-5678"):  # dates, amounts, phone numbers
        assert tax_id_of(other) is None


def test_an_id_with_letters_under_its_scheme_s_caption_as_its_module_accepts_it() -> None:
    # Mexico's RFC: python-stdnum does not hold its check digit to account (nor do real ones)
    assert captioned_tax_id("RFC", words_at("KLM080514Q21", 0.1, 0.1)) == "KLM080514Q21"
    assert captioned_tax_id("RFC", words_at("KLM0805", 0.1, 0.1)) is None
    assert captioned_tax_id("Ref.", words_at("KLM080514Q21", 0.1, 0.1)) is None  # no scheme's caption


def test_one_reading_of_a_tax_id_at_a_word_spaced_captioned_or_over() -> None:
    words = words_at("VAT Reg GB 980 7806 84 ABN 51 824 753 556", 0.1, 0.1)
    assert tax_id_at(words, 2) == "GB980780684"
    assert tax_id_at(words, 7) == "51824753556"
    caption, value = words_at("Tax No.:", 0.5, 0.1), words_at("0969320092", 0.5, 0.115)
    assert tax_id_at(value, 0, caption) == tax_id_of("0969320092") or tax_id_at(value, 0, caption) == "0969320092"


def _opening(lines: list[str]) -> dict[str, object]:
    ext = Extraction("contract", 1, {})
    read_opening(page_of_lines(lines), ext)
    return {name: cell.value for name, cell in ext.fields.items()}


def test_parties_without_a_legal_form_defined_by_their_roles_in_brackets() -> None:
    got = _opening([
        "SUPPORT AND SERVICE AGREEMENT",
        "This Agreement is made on 4 May 2031 between Korvath Digital Holdings (the Customer) and Wendmere",
        "Field Services (the Contractor). It runs for 24 months from that date.",
    ])  # fmt: skip
    assert (got["buyer_name"], got["vendor_name"]) == ("Korvath Digital Holdings", "Wendmere Field Services")


def test_a_title_in_capitals_defines_no_party_and_an_and_after_a_form_ends_a_name() -> None:
    got = _opening([
        "MASTER SUPPLY AGREEMENT (THE AGREEMENT)",
        "This Agreement is made on 4 May 2031 between Korvath",
        "Digital GmbH and Wendmere Field AG, the supplier.",
    ])  # fmt: skip
    assert (got["buyer_name"], got["vendor_name"]) == ("Korvath Digital GmbH", "Wendmere Field AG")


def test_of_two_roles_of_one_stem_the_one_in_or_provides() -> None:
    assert grantor_first("(the Lessor) and", "(the Lessee).") is True
    assert grantor_first("(the Franchisee) and", "(the Franchisor).") is False
    assert grantor_first("(the Customer) and", "(the Contractor).") is None
    got = _opening([
        "EQUIPMENT LEASE",
        "This Lease, dated 9 June 2030, is made between Brackwater Plant Ltd (the Lessor) and Ostlund Haulage",
        "Ltd (the Lessee).",
    ])  # fmt: skip
    assert (got["buyer_name"], got["vendor_name"]) == ("Ostlund Haulage Ltd", "Brackwater Plant Ltd")


def test_the_parties_the_opening_sentence_joins_not_the_blocks_above_it() -> None:
    doc = page_of_lines([
        "ORDER FORM",
        "CUSTOMER",
        "Korvath Digital Pty Ltd",
        "12 Quay Street, Durban",
        "PROVIDER",
        "Wendmere Field (Pty) Ltd",
        "This Order Form is entered into on 3 March 2031 between Korvath Digital Pty Ltd, Tax No. 1675388399",
        '(the "Customer") and Wendmere Field (Pty) Ltd, Income Tax Ref. 1297378455 (the "Provider").',
    ])  # fmt: skip
    ext = Extraction("contract", 1, {})
    read_opening(doc, ext)
    got = {name: cell.value for name, cell in ext.fields.items()}
    assert (got["buyer_name"], got["vendor_name"]) == ("Korvath Digital Pty Ltd", "Wendmere Field (Pty) Ltd")
    assert (got["buyer_tax_id"], got["vendor_tax_id"]) == ("1675388399", "1297378455")


def test_a_letterhead_word_on_the_edge_of_a_larger_title_s_band_stays_on_its_line() -> None:
    # the title's band (its middle +- 35% of its height) reaches the middle of 'Supplies', set a hair higher than
    # its neighbours; the word is nearer its own line's middle
    title = [Word("PURCHASE", (0.71, 0.0384, 0.85, 0.0548)), Word("ORDER", (0.855, 0.0384, 0.94, 0.0548))]
    name = [
        Word("Korvath", (0.11, 0.0461, 0.15, 0.0587)),
        Word("Medical", (0.155, 0.0461, 0.21, 0.0587)),
        Word("Supplies", (0.215, 0.0459, 0.28, 0.0587)),
        Word("Ltd", (0.285, 0.0461, 0.31, 0.0587)),
    ]
    lines = [line.text for line in group_lines(title + name)]
    assert "Korvath Medical Supplies Ltd" in lines
    assert "PURCHASE ORDER" in lines


def test_companies_alike_in_their_generic_words_are_two() -> None:
    from extraction.roles import similar

    assert not similar("Korvath Technical Services (Pty) Ltd", "Wendmere Technical Services Pty Ltd")
    assert similar("Korvath Technical Services Ltd", "Korvalh Technical Servlces Ltd")  # a scan's misread letters


def test_a_name_wrapped_in_a_row_of_four_blocks_is_read_whole_under_its_caption() -> None:
    from extraction.roles import mentions
    from tests.fixtures_docs import document_of_rows

    rows = [
        (0.06, 0.19, "SOLD TO"), (0.285, 0.19, "BILL TO"), (0.505, 0.19, "SHIP TO"), (0.725, 0.19, "REMIT TO"),
        (0.06, 0.208, "Korvath Technical"), (0.285, 0.208, "Wendmere Technical"), (0.505, 0.208, "Korvath Technical"),
        (0.725, 0.208, "Wendmere Technical"),
        (0.06, 0.224, "Services (Pty) Ltd"), (0.285, 0.224, "Services Pty Ltd"), (0.505, 0.224, "Services (Pty) Ltd"),
        (0.725, 0.224, "Services Pty Ltd"),
    ]  # fmt: skip
    names = {m.name for m in mentions(document_of_rows(rows).pages[0])}
    assert names == {"Korvath Technical Services (Pty) Ltd", "Wendmere Technical Services Pty Ltd"}
