"""Free units printed beside the charged quantity in one right-aligned cell ('40 + 8' under 'Qté + UG'): the
charged quantity is the line's even where the cell starts left of the span the other rows' quantities take
(blind14 dev: such a row lost its quantity to the description and the line was dropped, and the order's
subtotal with it)."""

from decimal import Decimal

from extraction.document import Document, Page, Word
from extraction.heuristic import HeuristicExtractor
from tests.fixtures_docs import priced_lines, words_left

HEADER = (
    "#@.076 Référence@.127 Désignation@.230 Qté@.562 +@.590 UG@.603 Unité@.634 Prix@.721 unitaire@.751 Montant@.868"
)
# each row: number, code, description (from 0.230), the quantity's cell (ending at 0.624), unit, price, amount
ROWS = [
    ("1", "89-60317", "Tuyau PVC 50 mm x 6 m", "40 + 8", "barre", "414 206", "16 568 240"),
    ("2", "34-17116", "Papier A4 80 g", "4", "rame", "532 177", "2 128 708"),
    ("3", "35-85361", "Paracétamol 500 mg, boîte de 100", "1", "boîte", "272 287", "272 287"),
    ("4", "26-80497", "Fil galvanisé 2,5 mm", "20", "kg", "555 203", "11 104 060"),
    ("5", "56-27712", "Fil galvanisé 2,5 mm", "3", "kg", "792 948", "2 378 844"),
    ("6", "14-04658", "Paracétamol 500 mg, boîte de 100", "5 + 1", "boîte", "159 411", "797 055"),
]
CHAR = 0.0085  # a digit's width; letters are a little narrower


def _right(y: float, text: str, end: float) -> list[Word]:
    out = []
    for token in reversed(text.split()):
        out.append(Word(token, (end - CHAR * len(token), y, end, y + 0.0095)))
        end -= CHAR * len(token) + 0.0045
    return out[::-1]


# most rows give free units: measured on the charged numbers alone the quantity column ended left of the plain ones
MOSTLY_FREE = [
    ("1", "98-52812", "Amoxicilline 250 mg, boîte de 500", "24 + 2", "boîte", "870 383", "20 889 192"),
    ("2", "12-32816", "Ciment CPJ 45", "6 + 1", "sac", "678 170", "4 069 020"),
    ("3", "60-07572", "Amoxicilline 250 mg, boîte de 500", "10", "boîte", "1 133 559", "11 335 590"),
    ("4", "15-96945", "Paracétamol 500 mg, boîte de 100", "20 + 1", "boîte", "227 513", "4 550 260"),
    ("5", "44-92674", "Chaussures de sécurité", "12", "paire", "858 315", "10 299 780"),
    ("6", "62-96072", "Fil galvanisé 2,5 mm", "24 + 2", "kg", "797 193", "19 132 632"),
    ("7", "52-76830", "Huile moteur 15W-40", "100 + 10", "l", "1 277 709", "127 770 900"),
    ("8", "30-09030", "Amoxicilline 250 mg, boîte de 500", "20 + 2", "boîte", "1 053 741", "21 074 820"),
]


def _page(rows: list[tuple[str, ...]] = ROWS) -> Document:
    words = [
        Word(t, (float(x), 0.267, float(x) + 0.0072 * len(t), 0.275)) for t, x in (w.split("@") for w in HEADER.split())
    ]
    for index, (number, code, text, quantity, unit, price, amount) in enumerate(rows):
        y = 0.285 + 0.0172 * index
        words += [*_right(y, number, 0.084), *words_left(y, code, 0.127, CHAR), *words_left(y, text, 0.230)]
        words += [*_right(y, quantity, 0.624), *words_left(y, unit, 0.634), *_right(y, price, 0.804)]
        words += _right(y, amount, 0.924)
    for index, (caption, value) in enumerate([("Total HT", "33 249 194"), ("TVA 18%", "5 984 855")]):
        y = 0.295 + 0.0172 * len(rows) + 0.018 * index
        words += [*words_left(y, caption, 0.560), *_right(y, value, 0.929)]
    return Document([Page(1, 595, 842, words, "text")])


def test_a_charged_quantity_and_its_free_units_in_a_cell_starting_left_of_the_quantities_span() -> None:
    extraction = HeuristicExtractor().extract(_page(), "purchase_order")
    got = [(line[0], line[1]) for line in priced_lines(extraction)]
    assert got == [(text, Decimal(quantity.split()[0])) for _, _, text, quantity, *_ in ROWS]


def test_a_quantity_column_measured_from_rows_mostly_giving_free_units_spans_the_plain_quantities() -> None:
    extraction = HeuristicExtractor().extract(_page(MOSTLY_FREE), "purchase_order")
    got = [(line.value("description"), line.value("quantity"), line.value("unit")) for line in extraction.line_items]
    assert got == [(text, Decimal(quantity.split()[0]), unit) for _, _, text, quantity, unit, *_ in MOSTLY_FREE]
