"""Facts a form prints with no caption at all, placed by shape and position: the order's number alone in a box or a
grid cell, a tax id captioned by its scheme in the next box, a long date in a form's cell that is no sentence.

Hand-placed words; captions (made-up words) and values invented for the tests."""

from datetime import date

from extraction import forms
from extraction.document import Document, Page
from extraction.heuristic import HeuristicExtractor
from extraction.openings import read_opening
from extraction.result import Extraction
from extraction.roles import read_structure
from tests.fixtures_docs import document_of_rows, page_of_lines, words_at

ITEMS = [(0.05, 0.40, "Gizmo"), (0.45, 0.40, "Qty"), (0.6, 0.40, "Price"), (0.8, 0.40, "Amount"),
         (0.05, 0.42, "Steel bolts M8"), (0.45, 0.42, "2"), (0.6, 0.42, "10.00"), (0.8, 0.42, "20.00"),
         (0.05, 0.44, "Copper wire"), (0.45, 0.44, "1"), (0.6, 0.44, "30.00"), (0.8, 0.44, "30.00")]  # fmt: skip


def _po_number(rows: list[tuple[float, float, str]]) -> object:
    return HeuristicExtractor().extract(document_of_rows(rows + ITEMS), "purchase_order").value("po_number")


def test_the_one_code_in_a_box_without_caption_is_the_order_s_number() -> None:
    # a row of boxes, captions above values; the first box has none: its code is the order's
    boxes = [(0.30, 0.10, "Zorblat"), (0.55, 0.10, "Quimby"),
             (0.05, 0.116, "QX-295678"), (0.30, 0.116, "04.07.2027"), (0.55, 0.116, "Frob 30")]  # fmt: skip
    assert _po_number(boxes) == "QX-295678"
    # a portal grid's row: a caption and its date on the left, the right cell's caption empty
    grid = [(0.05, 0.10, "Zorblat"), (0.25, 0.10, "16.03.2027"), (0.65, 0.10, "2027-55070")]
    assert _po_number(grid) == "2027-55070"


def test_a_bare_code_gives_way_to_a_caption_and_two_bare_codes_tell_nothing() -> None:
    # a caption over the code (a word no reader knows): read as before, by its caption; no second guess beside it
    captioned = [(0.05, 0.10, "Zorblat"), (0.05, 0.116, "QX-295678")]
    assert _po_number(captioned) == "QX-295678"
    # two codes without captions: which is the order's, nothing tells
    two = [(0.05, 0.116, "QX-295678"), (0.55, 0.116, "KT-40211")]
    assert _po_number(two) is None
    # a code stacked in a company's block is its registration number, no order's
    extractor = HeuristicExtractor()
    view = extractor._view(document_of_rows([(0.05, 0.116, "Tarnwick Foods Ltd"), (0.05, 0.132, "HRB-40211")]).pages[0])
    assert extractor._bare_facts(view, None, None, set()) == []


def test_a_code_its_caption_names_as_a_tax_id_is_no_order_number() -> None:
    # a box captioned by a scheme's name spelled out and shortened ('Business Reg. No.'): a Korean business number,
    # whatever its digits look like; the order's number is the bare code in the next box
    boxes = [(0.05, 0.10, "Business Reg. No."), (0.05, 0.116, "837-86-23259"), (0.35, 0.116, "2027-55070")]
    assert _po_number(boxes) == "2027-55070"


def test_a_long_date_in_a_form_s_cell_is_no_running_prose() -> None:
    # a facts row of long dates with lower-case words ('de marzo de'), then two party blocks: an order's form, which
    # the opening reader must not take for an agreement's dated opening
    words = [w for x, y, text in [
        (0.07, 0.10, "Zorblat"), (0.23, 0.10, "Quimby"), (0.40, 0.10, "Frob"),
        (0.07, 0.115, "2 de marzo de 2024"), (0.23, 0.115, "2024-49768"), (0.34, 0.115, "20 de enero de 2024"),
        (0.07, 0.15, "Cliente"), (0.07, 0.165, "Weber & Ironbridge Pharma S.A.S."),
        (0.07, 0.18, "182 rue de la République"), (0.07, 0.21, "Proveedor"),
        (0.07, 0.225, "Jansen & Maple Components SARL"), (0.07, 0.24, "94 boulevard Voltaire"),
    ] for w in words_at(text, x, y, 0.007, 0.010)]  # fmt: skip
    order = Extraction("purchase_order", 1, {})
    read_opening(Document([Page(1, 595, 842, words)]), order)
    assert order.doc_type == "purchase_order"
    # a date inside running words counts as one of them: an agreement's dated opening is still one
    lines = ["Contrato de suministro",
             "En Madrid, a 6 de febrero de 2026, entre Tarnwick Foods Ltd, 4 Mill Lane, Leeds,",
             "y Osgood Cold Chain LLC, 12 Harbor Road, Tampa, se acuerda lo siguiente."]  # fmt: skip
    agreement = Extraction("purchase_order", 1, {})
    read_opening(page_of_lines(lines), agreement)
    assert agreement.doc_type == "contract"


def test_a_boxed_tax_id_is_read_whole_and_belongs_to_the_box_before_it() -> None:
    # a form of boxes, each value under its caption: the vendor's name and its id in groups on the first row, the
    # buyer's name on the second, its id in the third row's second box (nothing above it in its column names it)
    rows = [(0.05, 0.10, "Zorblat"), (0.05, 0.116, "Tarnwick Foods Ltd"),
            (0.40, 0.10, "A.B.N."), (0.40, 0.116, "57 242 063 370"),
            (0.05, 0.15, "Quimby"), (0.05, 0.166, "4 Mill Lane Leeds"),
            (0.35, 0.15, "Frob"), (0.35, 0.166, "Osgood Cold Chain LLC"),
            (0.05, 0.20, "Glarn"), (0.05, 0.216, "12 Harbor Road Tampa"),
            (0.55, 0.20, "Org.nr.:"), (0.55, 0.216, "BE0306613733")]  # fmt: skip
    structure = read_structure(document_of_rows(rows))
    assert structure is not None
    ids = {c.name: [value for value, _, _ in c.tax_ids] for c in structure[1]}
    assert ids == {"Tarnwick Foods Ltd": ["57242063370"], "Osgood Cold Chain LLC": ["BE0306613733"]}
    # no caption over it: an id in running lines is no box's, and the box before it says nothing
    loose = [(0.05, 0.116, "Tarnwick Foods Ltd"), (0.05, 0.166, "4 Mill Lane Leeds"), (0.55, 0.216, "BE0306613733")]
    structure = read_structure(document_of_rows(loose))
    assert structure is not None and [c.tax_ids for c in structure[1]] == [[]]


def test_a_caption_cell_in_a_row_of_captions_reads_its_value_under_its_own_start() -> None:
    # a row of boxes' captions in capitals, one a client's number ('NR. CLIENT'), the next the terms' caption: the
    # number under the cell is no name, and the terms under the next caption are not the client's name
    rows = [(0.05, 0.10, "NR. CLIENT"), (0.20, 0.10, "ZORBLAT QUIMBY"),
            (0.05, 0.116, "3839101"), (0.20, 0.116, "Reducere 2% la plata in 14 zile")]  # fmt: skip
    assert "buyer_name" not in forms.read(document_of_rows(rows))


def test_the_one_date_without_caption_is_the_order_s_date_before_a_date_under_an_unknown_caption() -> None:
    # a grid: a print date under a caption no reader knows, the order's date in a cell whose caption is empty
    grid = [(0.05, 0.10, "Zorblat"), (0.25, 0.10, "14.04.2027"), (0.05, 0.116, "Quimby"), (0.25, 0.116, "AN706652"),
            (0.65, 0.116, "13.04.2027")]  # fmt: skip
    got = HeuristicExtractor().extract(document_of_rows(grid + ITEMS), "purchase_order")
    assert got.value("order_date") == date(2027, 4, 13)
    # two dates without captions: nothing tells which; the captioned one stays the guess
    two = [*grid, (0.65, 0.20, "20.05.2027")]
    assert HeuristicExtractor().extract(document_of_rows(two + ITEMS), "purchase_order").value("order_date") == date(
        2027, 4, 14
    )


def test_a_section_title_over_a_key_value_grid_names_the_value_cell_not_the_caption_cell() -> None:
    # a portal's section title (a known party caption) over a grid: the name's caption cell in a made-up word, its
    # value cell right of it; under it a row with the id's caption and value in the same two columns
    grid = [(0.05, 0.10, "Supplier"), (0.05, 0.12, "Velimona"), (0.22, 0.12, "Nordic Manufacturing"),
            (0.05, 0.136, "Lika"), (0.22, 0.136, "SE582940430901")]  # fmt: skip
    assert _name(grid) == "Nordic Manufacturing"
    # the name's caption cell left empty: the row's value right of the title's column
    empty = [(0.05, 0.10, "Supplier"), (0.22, 0.12, "Nordic Manufacturing"),
             (0.05, 0.136, "Lika"), (0.22, 0.136, "SE582940430901")]  # fmt: skip
    assert _name(empty) == "Nordic Manufacturing"
    # a block, no grid: the name under the caption, its address under it
    block = [(0.05, 0.10, "Supplier"), (0.05, 0.12, "Nordic Manufacturing"), (0.05, 0.136, "12 Harbor Road")]
    assert _name(block) == "Nordic Manufacturing"


def _name(rows: list[tuple[float, float, str]]) -> object:
    extractor = HeuristicExtractor()
    views = [extractor._view(page) for page in document_of_rows(rows).pages]
    return next(c.value for c in extractor._party_candidates(views) if c.name == "vendor_name")
