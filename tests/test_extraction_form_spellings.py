"""Legal forms printed in another case than their list spells them, before the name ('PT', 'P/F') or bare after it
('MMC'), a tax id right of its party's name after a long caption (`taxids17`), and the study generator of party
blocks of every country (training/factory/taxidworld.py). Names and numbers are made up here: none is a study
document's."""

import pytest

from extraction.companies import LEGAL_FORM, names_a_company
from extraction.openings import read_opening
from extraction.result import Extraction, FieldValue
from extraction.roles import company_names
from extraction.taxids import read_tax_ids
from tests.fixtures_docs import document_of_rows, page_of_lines, words_at
from training.factory.taxidworld import cases


@pytest.mark.parametrize("word", ["sh.p.k.", "SH.P.K.", "s.r.l.", "S.P.A.", "D.O.O."])
def test_three_stopped_initials_are_a_form_in_any_case(word: str) -> None:
    assert LEGAL_FORM.fullmatch(word)


@pytest.mark.parametrize("word", ["e.g.", "i.e.", "a.d.", "p.m.", "a.k.a."])
def test_two_small_initials_of_prose_are_no_form(word: str) -> None:
    assert not LEGAL_FORM.fullmatch(word)


def test_the_study_generator_prints_every_stdnum_country_and_some_it_lacks() -> None:
    drawn = list(cases(seed=3, per_scheme=1))
    known = {case.country for case in drawn if case.scheme}
    assert len(known) >= 60 and any(not case.scheme for case in drawn)
    # a party's tax id is expected wherever something tells it is one: a scheme's number, or a caption
    assert all("vendor_tax_id" in case.expected for case in drawn if case.scheme)


@pytest.mark.parametrize(
    ("text", "company"),
    [
        ("PT Sinar Baru Logistik", True), ("P/F Norðurljós Handil", True), ("Sp/f Vestan Fisk", True),
        ("Qala Təminat MMC", True), ("Berget Verkstad AB", True),
        ("VAT No", False), ("SKU Description Qty Unit", False), ("PO Box 12", False), ("Keypsbílegging", False),
    ],
)  # fmt: skip
def test_a_name_reads_as_a_company_by_a_form_before_it_or_a_bare_one_after_it(text: str, company: bool) -> None:
    assert names_a_company(text) is company
    assert bool(company_names(words_at(text, 0.1, 0.1))) is company


def test_a_tax_id_after_a_long_caption_belongs_to_the_name_above_its_caption() -> None:
    # the number stands right of its party's name, its spelled-out caption under the name
    doc = document_of_rows([
        (0.07, 0.10, "Supplier"), (0.52, 0.10, "Customer"),
        (0.07, 0.12, "Kestrel Tooling Pty Ltd"), (0.52, 0.12, "Wombat Freight Ltd"),
        (0.07, 0.14, "Australian Business Number: 51 824 753 556"),
        (0.52, 0.14, "Australian Business Number: 53004085616"),
    ])  # fmt: skip
    fields = {"vendor_name": "Kestrel Tooling Pty Ltd", "buyer_name": "Wombat Freight Ltd"}
    ext = Extraction("purchase_order", 1, {name: FieldValue(value, 0.99) for name, value in fields.items()})
    read_tax_ids(doc, ext)
    assert ext.fields["vendor_tax_id"].value == "51824753556"
    assert ext.fields["buyer_tax_id"].value == "53004085616"


def test_an_opening_names_parties_whose_listed_form_is_printed_in_small_letters() -> None:
    lines = [
        "UGOVOR O ISPORUCI",
        "1. Zaključen između: Tara Mašinogradnja a.d., PIB 03124519, u daljem tekstu Kupac, i Piva Alati",
        "a.d., PIB 02946254, u daljem tekstu Dobavljač.",
        "2. Ugovor važi do 1. marta 2031.",
    ]
    ext = Extraction("contract", 1, {})
    read_opening(page_of_lines(lines), ext)
    got = {name: cell.value for name, cell in ext.fields.items()}
    assert {got.get("buyer_name"), got.get("vendor_name")} == {"Tara Mašinogradnja a.d.", "Piva Alati a.d."}
