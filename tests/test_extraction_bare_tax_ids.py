"""A party's tax id known only by its shape (capitals and digits, 8 to 15, at least 6 digits) and its caption's form
(ending in ':' or a word for number), in that party's block: the caption's words are made up, so no scheme's name
nor any word list can tell it (``read_bare_tax_ids``).

Hand-placed words; names, captions and numbers made up for the tests."""

from extraction.result import Extraction, FieldValue
from extraction.taxids import bare_captioned_id, read_bare_tax_ids
from tests.fixtures_docs import document_of_rows, words_at
from tests.test_extraction_roles import _value

# two party blocks side by side, each with its id on one shared last line, under a caption no scheme names
BLOCKS = [
    (0.08, 0.10, "Purchaser"),
    (0.50, 0.10, "Supplier"),
    (0.08, 0.12, "Zorblat Trading Ltd"),
    (0.50, 0.12, "Quuxly Works Ltd"),
    (0.08, 0.14, "12 Fen Road"),
    (0.50, 0.14, "9 Mill Lane"),
    (0.08, 0.16, "Tel.: 0123456789"),
    (0.50, 0.16, "Tel.: 0987654321"),
    (0.08, 0.18, "Blorp Reg.: RC68218072"),
    (0.50, 0.18, "Blorp Reg.: RC72521761"),
]


def _order(rows: list[tuple[float, float, str]], **fields: str) -> Extraction:
    ext = Extraction("purchase_order", 1, {name: FieldValue(value, 0.6) for name, value in fields.items()})
    read_bare_tax_ids(document_of_rows(rows), ext)
    return ext


def test_each_party_takes_the_captioned_id_in_its_own_block() -> None:
    ext = _order(BLOCKS, buyer_name="Zorblat Trading Ltd", vendor_name="Quuxly Works Ltd")
    assert (_value(ext, "buyer_tax_id"), _value(ext, "vendor_tax_id")) == ("RC68218072", "RC72521761")


def test_an_id_another_reader_gave_is_kept_and_a_field_value_is_no_id() -> None:
    names = {"buyer_name": "Zorblat Trading Ltd", "vendor_name": "Quuxly Works Ltd"}
    ext = _order(BLOCKS, **names, vendor_tax_id="GB123456789", po_number="RC68218072")
    assert (_value(ext, "buyer_tax_id"), _value(ext, "vendor_tax_id")) == (None, "GB123456789")


def test_a_number_outside_any_party_block_or_without_an_ids_shape_is_not_taken() -> None:
    far = [(0.08, 0.12, "Quuxly Works Ltd"), (0.08, 0.70, "Blorp Reg.: RC72521761")]
    assert _value(_order(far, vendor_name="Quuxly Works Ltd"), "vendor_tax_id") is None
    # too few digits under a caption that names no register, or a phone's caption, or no caption's ':' before it
    for text in ("Blorp Ref.: RCX12345", "Tel.: 18293593", "Blorp 18293593"):
        words = words_at(text, 0.1, 0.1)
        assert bare_captioned_id(words, len(words) - 1) is None, text
    words = words_at("Persnr No. 18293593", 0.1, 0.1)
    assert bare_captioned_id(words, 2) == "18293593"


def test_a_number_apart_from_the_block_or_off_its_left_edge_is_not_the_partys() -> None:
    # the name's block ends, other facts follow after a gap: a reference number there is no party's id
    gap = [(0.08, 0.12, "Quuxly Works Ltd"), (0.08, 0.14, "9 Mill Lane"), (0.08, 0.20, "Blorp Ref.: RC72521761")]
    assert _value(_order(gap, vendor_name="Quuxly Works Ltd"), "vendor_tax_id") is None
    # the caption set left of the name's block, not at its edge
    off = [(0.30, 0.12, "Quuxly Works Ltd"), (0.30, 0.14, "9 Mill Lane"), (0.08, 0.16, "Blorp Ref.: RC72521761")]
    assert _value(_order(off, vendor_name="Quuxly Works Ltd"), "vendor_tax_id") is None
