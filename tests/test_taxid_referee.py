"""Which number of a party block is its tax id (`ids18`): an id that only its caption's shape tells (an
abbreviation before an id-shaped number, ``taxids.shaped_after_acronym``) gives way to one a scheme vouches for, by
its check digits or its name as caption, wherever each stands in the block; a phone number in its national
grouping is no id; a caption that shortens a scheme's one-word name by a hyphen names that scheme."""

import pytest

from extraction.result import Extraction, FieldValue
from extraction.roles import read_roles
from extraction.taxids import caption_modules, captioned_tax_id, read_tax_ids
from tests.fixtures_docs import document_of_rows, words_at


@pytest.mark.parametrize(
    ("caption", "printed", "value"),
    [
        ("TEL:", "02-3456-7890", None),  # a trunk prefix and an area code: a phone's grouping
        ("FAX", "022-2123456", None),
        ("BIN:", "006205090-0302", "006205090-0302"),  # a register's first group is long, though it opens with 0
        ("TIN:", "195-5592-8911", "195-5592-8911"),
    ],
)  # fmt: skip
def test_a_phone_number_after_an_abbreviation_is_no_tax_id(caption: str, printed: str, value: str | None) -> None:
    assert captioned_tax_id(caption, words_at(printed, 0.1, 0.1)) == value


def test_a_caption_shortening_a_scheme_s_name_by_a_hyphen_names_it() -> None:
    # the Faroese 'V-tal' for 'Vinnutal' (python-stdnum's fo.vn): six digits, read only after its scheme's name
    assert [getattr(m, "__name__", "") for m in caption_modules("V-tal:")] == ["stdnum.fo.vn"]
    assert captioned_tax_id("V-tal:", words_at("918847", 0.1, 0.1)) == "918847"
    assert captioned_tax_id("E-mail:", words_at("918847", 0.1, 0.1)) is None


def _read(rows: list[tuple[float, float, str]]) -> dict[str, object]:
    names = {"vendor_name": "Noord Techniek B.V.", "buyer_name": "Rhein Maschinen GmbH"}
    ext = Extraction("purchase_order", 1, {name: FieldValue(value, 0.99) for name, value in names.items()})
    doc = document_of_rows(rows)
    read_roles(doc, ext)
    read_tax_ids(doc, ext)
    return {name: cell.value for name, cell in ext.fields.items()}


@pytest.mark.parametrize("other_first", [True, False])
def test_a_party_takes_the_id_a_scheme_vouches_for_over_a_number_only_a_caption_s_shape_tells(
    other_first: bool,
) -> None:
    blocks = [
        (0.07, "Supplier", "Noord Techniek B.V.", "KVB: 17446673888725", "BTW: NL004495445B01"),
        (0.52, "Customer", "Rhein Maschinen GmbH", "BKZ No.: 379515649-71", "USt-IdNr.: DE136695976"),
    ]
    rows = [(0.07, 0.05, "PURCHASE ORDER"), (0.6, 0.05, "No. PO-4711")]
    for x, role, name, other, tax in blocks:
        lines = [other, tax] if other_first else [tax, other]
        rows += [(x, 0.15, role), (x, 0.166, name), (x, 0.182, "Hoofdstraat 12")]
        rows += [(x, 0.198, lines[0]), (x, 0.214, lines[1])]
    got = _read(rows)
    assert (got.get("vendor_tax_id"), got.get("buyer_tax_id")) == ("NL004495445B01", "DE136695976")


def test_a_number_only_its_caption_s_shape_tells_is_still_read_where_the_block_has_no_other() -> None:
    rows = [(0.07, 0.05, "PURCHASE ORDER")]
    for x, role, name, tax in (
        (0.07, "Supplier", "Noord Techniek B.V.", "TEL: 02-3456-7890"),
        (0.52, "Customer", "Rhein Maschinen GmbH", "BIN: 006205090-0302"),
    ):
        rows += [(x, 0.15, role), (x, 0.166, name), (x, 0.182, "Hoofdstraat 12"), (x, 0.198, tax)]
    got = _read(rows)
    assert (got.get("vendor_tax_id"), got.get("buyer_tax_id")) == (None, "006205090-0302")
