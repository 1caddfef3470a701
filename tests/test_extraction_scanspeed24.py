"""CPU of the extractor's Python on scanned pages (`scanspeed24`): a page's tax ids weighed once for every reader
that asks, and the layout model's geometry rows weighing each anchor's box once. Same readings as before; these
tests pin the readings and that the work is not repeated.

Hand-placed words; names and numbers made up for the tests (the ids pass their schemes' check digits)."""

from extraction import roles, taxids
from extraction.document import Word
from extraction.layout import group_lines
from extraction.roles import companies, read_structure
from models.layout.grouping import Span, TaggedWord, _rows_by_geometry
from tests.fixtures_docs import document_of_rows

BLOCKS = [
    (0.08, 0.10, "Northwind Trading LLC"),
    (0.08, 0.115, "12 Harbour Road"),
    (0.08, 0.13, "Federal Tax ID 21-3476183"),
    (0.55, 0.10, "Quuxly Valley Scientific LLC"),
    (0.55, 0.115, "400 Orchard Lane"),
    (0.55, 0.13, "EIN 43-6183281"),
    (0.08, 0.30, "Item Qty Price Amount"),
]


def test_a_pages_tax_ids_are_weighed_word_by_word_as_each_reader_did():
    page = document_of_rows(BLOCKS).pages[0]
    lines = group_lines(page.words)
    expected = tuple(
        tuple(taxids.weighed_tax_id_at(line.words, k, taxids.line_above(lines, i)) for k in range(len(line.words)))
        for i, line in enumerate(lines)
    )
    assert taxids.weighed_tax_ids(page.words) == expected
    found = {value for line in expected for value in line if value is not None}
    assert found == {("21-3476183", False), ("43-6183281", False)}


def test_the_roles_weigh_each_word_of_a_page_for_a_tax_id_once(monkeypatch):
    doc = document_of_rows(BLOCKS)
    calls = []
    weigh = taxids.weighed_tax_id_at

    def counted(words: list[Word], k: int, above: list[Word] | None = None) -> tuple[str, bool] | None:
        calls.append((id(words[k]), k))
        return weigh(words, k, above)

    monkeypatch.setattr(taxids, "weighed_tax_id_at", counted)
    taxids._weighed_tax_ids.cache_clear()
    roles._mentions.cache_clear()
    first = companies(doc)
    read_structure(doc)  # the structure's own tax-id pass over the same page's words
    companies(doc)
    assert len(calls) == len(doc.pages[0].words)  # every word weighed once, for all three passes
    assert [c.mentions[0].name for c in first] == ["Northwind Trading LLC", "Quuxly Valley Scientific LLC"]


def _span(entity: str, top: float, bottom: float, x: float = 0.1) -> Span:
    return Span(entity, 1, [TaggedWord(Word("1", (x, top, x + 0.05, bottom)), 1, f"B-{entity}", 0.9)])


def test_geometry_rows_take_the_anchor_a_cell_overlaps_most_else_the_one_above():
    first, second = _span("amount", 0.30, 0.32, 0.8), _span("amount", 0.40, 0.42, 0.8)
    overlapping = _span("quantity", 0.395, 0.415)  # overlaps the second row most
    wrapped = _span("description", 0.35, 0.37)  # between the rows: the one above takes it
    above_all = _span("description", 0.10, 0.12)  # above the page's first row: the first row, no row before it
    rows = _rows_by_geometry([second, overlapping, wrapped, first, above_all])
    assert rows == [
        {"amount": [first], "description": [wrapped, above_all]},
        {"amount": [second], "quantity": [overlapping]},
    ]
