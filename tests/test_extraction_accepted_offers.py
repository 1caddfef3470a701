"""Parties of an order read from who accepts it and whose caption a tax id names: a supplier's offer its customer
signed as the order (extraction.roles), a tax id's caption naming its party in the possessive
(extraction.heuristic.parties)."""

from extraction.document import Document, Page
from extraction.heuristic import HeuristicExtractor
from extraction.result import Extraction, FieldValue
from extraction.roles import read_roles
from tests.fixtures_docs import document_of_rows, words_at

# made-up words for the title and the captions (no word list knows them): the structure alone must tell
HEAD = [
    (0.08, 0.05, "Tamarind Works Ltd"), (0.7, 0.05, "KWOTESHENI"), (0.08, 0.07, "Harbour Road 4, Port Lano"),
    (0.08, 0.11, "Imeandikiwa"), (0.08, 0.125, "Mvule Traders Ltd"), (0.08, 0.14, "Mango Street 9, Port Lano"),
    (0.65, 0.11, "Ref: KW-5521"),
]  # fmt: skip
LINES = [(0.08, 0.3, "Cable ties 300 mm  50  bag  5.53  276.50"), (0.6, 0.5, "Jumla  276.50")]


def _order(doc: Document, **values: FieldValue) -> Extraction:
    ext = Extraction("purchase_order", 1, dict(values))
    read_roles(doc, ext)
    return ext


def _cell(value: str, box: tuple[float, float, float, float] | None = None) -> FieldValue:
    return FieldValue(value, 0.9, 1 if box else None, box)


def _parties(ext: Extraction) -> tuple[object, object]:
    return tuple(ext.fields[name].value if name in ext.fields else None for name in ("buyer_name", "vendor_name"))


def test_an_offer_whose_order_number_is_written_only_under_the_totals_makes_the_letterhead_the_vendor() -> None:
    doc = document_of_rows([*HEAD, *LINES, (0.2, 0.6, "XK82190"), (0.08, 0.61, "Nambari:")])
    ext = _order(
        doc,
        buyer_name=_cell("Tamarind Works Ltd"),
        vendor_name=_cell("Mvule Traders Ltd"),
        po_number=_cell("XK82190", (0.2, 0.6, 0.263, 0.612)),
        total=_cell("276.50", (0.67, 0.5, 0.724, 0.512)),
    )
    assert _parties(ext) == ("Mvule Traders Ltd", "Tamarind Works Ltd")


def test_a_buyers_order_printing_its_number_at_the_head_keeps_its_letterhead_as_the_buyer() -> None:
    # the same number in the head too (an order book's counterfoil repeats it below): the issuer numbered the order
    head = [*HEAD, (0.65, 0.13, "XK82190")]
    doc = document_of_rows([*head, *LINES, (0.2, 0.6, "XK82190")])
    ext = _order(
        doc,
        buyer_name=_cell("Tamarind Works Ltd"),
        vendor_name=_cell("Mvule Traders Ltd"),
        po_number=_cell("XK82190", (0.2, 0.6, 0.263, 0.612)),
        total=_cell("276.50", (0.67, 0.5, 0.724, 0.512)),
    )
    assert _parties(ext) == ("Tamarind Works Ltd", "Mvule Traders Ltd")


def test_an_order_number_above_the_totals_keeps_its_letterhead_as_the_buyer() -> None:
    doc = document_of_rows([*HEAD, *LINES, (0.65, 0.13, "XK82190")])
    ext = _order(
        doc,
        buyer_name=_cell("Tamarind Works Ltd"),
        vendor_name=_cell("Mvule Traders Ltd"),
        po_number=_cell("XK82190", (0.65, 0.13, 0.713, 0.142)),
        total=_cell("276.50", (0.67, 0.5, 0.724, 0.512)),
    )
    assert _parties(ext) == ("Tamarind Works Ltd", "Mvule Traders Ltd")


def test_a_tax_ids_caption_naming_its_party_in_the_possessive_gives_the_id_to_that_party() -> None:
    # each value over its caption in small print, the name's and its id's side by side
    rows = [
        ("Kariba Engineering Ltd", "1004094662", "Client", "Client's tax id"),
        ("Luangwa Mining Services Limited", "1004736608", "Contractor", "Contractor's tax id"),
    ]
    words = words_at("CONTRACT FOR SERVICES", 0.3, 0.06, 0.012, 0.016)
    for k, (name, tax_id, caption, id_caption) in enumerate(rows):
        top = 0.13 + 0.036 * k
        words += words_at(name, 0.08, top, 0.008, 0.011) + words_at(tax_id, 0.5, top, 0.008, 0.011)
        words += words_at(caption, 0.08, top + 0.017, 0.006, 0.007)
        words += words_at(id_caption, 0.5, top + 0.017, 0.006, 0.007)
    doc = Document([Page(1, 595, 842, words)])
    fields = HeuristicExtractor().extract(doc, "contract").fields
    assert fields["vendor_tax_id"].value == "1004736608"
    assert fields["buyer_tax_id"].value == "1004094662"


def test_a_persons_name_read_for_the_buyer_gives_way_to_the_company_printed_under_it_where_the_person_signs() -> None:
    doc = document_of_rows(
        [
            (0.08, 0.04, "Ilona Marsk"), (0.08, 0.07, "Mwandishi: Ilona Marsk"),
            (0.08, 0.12, "Muuzaji: Mvule Traders Ltd, Mango Street 9"),
            *LINES, (0.08, 0.6, "Wako,"), (0.08, 0.62, "Ilona Marsk"), (0.08, 0.635, "Tamarind Works Ltd"),
            (0.08, 0.65, "Harbour Road 4, Port Lano"),
        ]
    )  # fmt: skip
    ext = _order(doc, buyer_name=_cell("Ilona Marsk"), vendor_name=_cell("Mvule Traders Ltd"))
    assert _parties(ext) == ("Tamarind Works Ltd", "Mvule Traders Ltd")
    # a person who signs for no company stays the buyer read
    doc = document_of_rows([(0.08, 0.04, "Ilona Marsk"), (0.08, 0.12, "Muuzaji: Mvule Traders Ltd"), *LINES])
    ext = _order(doc, buyer_name=_cell("Ilona Marsk"), vendor_name=_cell("Mvule Traders Ltd"))
    assert _parties(ext) == ("Ilona Marsk", "Mvule Traders Ltd")
