"""An order's facts written in one run-on sentence, read by their shape (issue 11, header22): a reference-shaped
token after a lower-case word with a date beside it is the order's number and date; 'N days' (a day's word in
CLDR's duration units) from the short word before it to the clause's end is its payment terms, neither extended
leftwards into the sentence nor started at an earlier copy of its first word.

Hand-placed words; the sentences' words (Italian, and made-up words) and values invented for the tests."""

from datetime import date

from extraction.heuristic import HeuristicExtractor
from extraction.phrases import complete_phrases
from tests.fixtures_docs import document_of_rows

ITEMS = [(0.05, 0.40, "Gizmo"), (0.45, 0.40, "Qty"), (0.6, 0.40, "Price"), (0.8, 0.40, "Amount"),
         (0.05, 0.42, "Steel bolts M8"), (0.45, 0.42, "2"), (0.6, 0.42, "10.00"), (0.8, 0.42, "20.00"),
         (0.05, 0.44, "Copper wire"), (0.45, 0.44, "1"), (0.6, 0.44, "30.00"), (0.8, 0.44, "30.00")]  # fmt: skip


def _read(rows: list[tuple[float, float, str]]) -> dict[str, object]:
    doc = document_of_rows(rows + ITEMS)
    ext = HeuristicExtractor().extract(doc, "purchase_order")
    complete_phrases(doc, ext)
    return {name: ext.value(name) for name in ("po_number", "order_date", "payment_terms", "payment_terms_days")}


def test_an_orders_number_date_and_terms_read_from_its_sentence() -> None:
    rows = [(0.05, 0.20, "Con la presente vi ordiniamo, sotto il numero QX-2024-4926 del 15/08/2024, gli articoli"),
            (0.05, 0.22, "seguenti, consegnati a Via Roma 12, 20100 Milano, ai prezzi indicati, pagabili a 60"),
            (0.05, 0.24, "giorni fine mese. Citate il nostro numero sulle vostre bolle e fatture.")]  # fmt: skip
    read = _read(rows)
    assert read["po_number"] == "QX-2024-4926"
    assert read["order_date"] == date(2024, 8, 15)
    # the terms from the short word before the days to the clause's end: not 'indicati, pagabili a 60 ...', and
    # not from the first 'a' on the line ('consegnati a Via Roma')
    assert read["payment_terms"] == "a 60 giorni fine mese"
    assert read["payment_terms_days"] == 60


def test_a_code_without_a_date_beside_it_or_outside_a_sentence_is_no_order_number() -> None:
    # a reference in a sentence with no date beside it: an article's code, not the order's
    no_date = [(0.05, 0.20, "Con la presente vi ordiniamo gli articoli del listino QX-2024-4926 come da vostra"),
               (0.05, 0.22, "offerta, ai prezzi indicati, franco nostro magazzino e con imballo incluso.")]  # fmt: skip
    assert _read(no_date)["po_number"] is None
    # a code and a date in a short line of a form's cells: no sentence, so no guess from this reader
    extractor = HeuristicExtractor()
    cells = document_of_rows([(0.05, 0.20, "zorblat QX-2024-4926 del 15/08/2024"), (0.05, 0.22, "a 60 giorni netto")])
    assert extractor._sentence_order_facts([extractor._view(cells.pages[0])], None) == []


def test_a_party_block_known_by_its_shape_whatever_its_legal_form() -> None:
    from extraction.roles import companies

    # a name of capitalised words, address lines with digits, a tax id: a party, though no reader knows 'Frobu'
    block = [(0.55, 0.10, "Zorblat"), (0.55, 0.115, "Quimby Vantor Frobu"), (0.55, 0.13, "Via Roma 12"),
             (0.55, 0.145, "20100 Milano"), (0.55, 0.16, "NIF: 926464579")]  # fmt: skip
    assert "Quimby Vantor Frobu" in [c.name for c in companies(document_of_rows(block))]
    # a caption straight over the tax id (no address between) or a caption with its colon: no party's name
    bare = [(0.55, 0.115, "Quimby Vantor Frobu"), (0.55, 0.13, "NIF: 926464579")]
    colon = [(0.55, 0.115, "Quimby Vantor Frobu:"), (0.55, 0.13, "Via Roma 12"), (0.55, 0.145, "NIF: 926464579")]
    for rows in (bare, colon):
        assert all("Quimby" not in c.name for c in companies(document_of_rows(rows)))


def test_a_sentences_date_of_five_words_beside_the_order_number() -> None:
    # a date written with its connecting words ('10 de novembro de 2025'): five words, still the order's date
    rows = [(0.05, 0.20, "Por esta via vos pedimos, com a referência QX/2025/9389 de 10 de novembro de 2025, os"),
            (0.05, 0.22, "artigos abaixo indicados, aos preços indicados, com pagamento contra entrega.")]  # fmt: skip
    read = _read(rows)
    assert read["po_number"] == "QX/2025/9389"
    assert read["order_date"] == date(2025, 11, 10)
