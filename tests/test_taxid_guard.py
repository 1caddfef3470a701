"""A party's tax id read by the extractor stands against a number only its block's caption shape tells (`ids19`):
a value failing every check digit gives way to an id a scheme vouches for, not to a register's number printed
first; a caption several countries' schemes share does not make a number failing one of them a misprint; an
abbreviation joined to a word for number by a hyphen ('BTW-nr.') is a caption's abbreviation; seven digits are an
id after an abbreviation that mostly names tax numbers ('TIN 0729869')."""

import pytest

from extraction.result import Extraction, FieldValue
from extraction.roles import read_roles
from extraction.taxids import captioned_tax_id, read_tax_ids
from tests.fixtures_docs import document_of_rows, words_at


def _mended(block_id: str) -> object:
    names = {"vendor_name": "Noord Techniek B.V.", "buyer_name": "Rhein Maschinen GmbH"}
    fields = {name: FieldValue(value, 0.99) for name, value in names.items()}
    fields["vendor_tax_id"] = FieldValue("7626924-015", 0.9)  # the reader's, from a caption of words
    ext = Extraction("purchase_order", 1, fields)
    rows = [(0.07, 0.05, "PURCHASE ORDER"), (0.6, 0.05, "No. PO-4711")]
    for x, role, name in ((0.07, "Supplier", "Noord Techniek B.V."), (0.52, "Customer", "Rhein Maschinen GmbH")):
        rows += [(x, 0.15, role), (x, 0.166, name), (x, 0.182, "Hoofdstraat 12")]
    rows.append((0.07, 0.198, block_id))
    read_roles(document_of_rows(rows), ext)
    return ext.fields["vendor_tax_id"].value


def test_a_read_id_stands_against_a_number_only_its_caption_s_shape_tells() -> None:
    assert _mended("KVB: 17446673888725") == "7626924-015"


def test_a_read_id_failing_every_check_digit_gives_way_to_one_a_scheme_vouches_for() -> None:
    assert _mended("BTW: NL004495445B01") == "NL004495445B01"


@pytest.mark.parametrize(
    ("caption", "printed", "value"),
    [
        ("TIN:", "108-628-457", "108-628-457"),  # Austria's TIN has nine digits, printed '10-862/8457': not it
        ("TIN:", "108628457", "108628457"),  # five countries call theirs TIN: no misprint of one of them
        ("RUT", "97.579.209-8", None),  # Chile's, in its own grouping, failing its check digit: a misprint
        ("BTW-nr.", "7626924-015", "7626924-015"),  # an abbreviation with its word for number
        ("Tel-no.", "7626924-015", None),
        ("Ltd, TIN", "0729869", "0729869"),  # seven digits after an abbreviation mostly of tax numbers
        ("VAT", "2725638", None),  # 'VAT' captions a tax's amount too
        ("BIN:", "0729869", None),  # an abbreviation no scheme has: eight characters at least
    ],
)  # fmt: skip
def test_a_number_failing_one_of_several_countries_schemes_is_no_misprint(
    caption: str, printed: str, value: str | None
) -> None:
    assert captioned_tax_id(caption, words_at(printed, 0.1, 0.1)) == value


def _opening(text: str) -> dict[str, object]:
    names = {"buyer_name": "Maintenance Byblos SAL", "vendor_name": "Maintenance Cèdres SAL"}
    ext = Extraction("contract", 1, {name: FieldValue(value, 0.99) for name, value in names.items()})
    read_tax_ids(document_of_rows([(0.08, 0.12, text)]), ext)
    return {name: cell.value for name, cell in ext.fields.items() if name.endswith("_tax_id")}


def test_a_number_after_a_word_for_number_right_after_a_party_s_name_in_running_text_is_its_id() -> None:
    got = _opening(
        "Entre Maintenance Byblos SAL, N° financier 2165037-601, ci-après le Client, et Maintenance Cèdres SAL,"
        " N° financier 771176-601, ci-après le Prestataire"
    )
    assert got == {"buyer_tax_id": "2165037-601", "vendor_tax_id": "771176-601"}


def test_a_party_s_checked_id_in_running_text_wins_over_a_number_after_a_word_for_number() -> None:
    got = _opening(
        "Entre Maintenance Byblos SAL, TVA FR40303265045, n° financier 2165037-601, et Maintenance Cèdres SAL,"
        " téléphone n° 0212345678"  # a phone's trunk prefix
    )
    assert got == {"buyer_tax_id": "FR40303265045"}


def test_a_party_s_id_in_running_text_beside_a_margin_s_heading_is_read() -> None:
    names = {"buyer_name": "Maintenance Byblos SAL", "vendor_name": "Maintenance Cèdres SAL"}
    ext = Extraction("contract", 1, {name: FieldValue(value, 0.99) for name, value in names.items()})
    rows = [
        (0.08, 0.12, "1. Parties"),
        (0.28, 0.12, "Entre Maintenance Byblos SAL, N° financier 2165037-601, ci-après le Client, et"),
        (0.28, 0.135, "Maintenance Cèdres SAL, N° financier 771176-601, ci-après le Prestataire"),
    ]
    read_tax_ids(document_of_rows(rows), ext)
    got = {name: cell.value for name, cell in ext.fields.items() if name.endswith("_tax_id")}
    assert got == {"buyer_tax_id": "2165037-601", "vendor_tax_id": "771176-601"}
