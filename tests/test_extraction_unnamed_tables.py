"""Tables whose captions name nothing the extractor knows, on hand-placed words: rows from alignment and
arithmetic, a column's role from what it holds."""

from decimal import Decimal

from extraction.document import Document, Page, Word
from extraction.heuristic import HeuristicExtractor
from extraction.result import Extraction

CHAR = 0.0065  # width of a character, as a page fraction
HEIGHT = 0.011


def _words(text: str, x: float, y: float) -> list[Word]:
    out = []
    for token in text.split(" "):
        width = CHAR * len(token)
        out.append(Word(token, (x, y, x + width, y + HEIGHT)))
        x += width + CHAR
    return out


def _extract(lines: list[tuple[float, list[tuple[float, str]]]], doc_type: str = "purchase_order") -> Extraction:
    words = [w for y, cells in lines for x, text in cells for w in _words(text, x, y)]
    return HeuristicExtractor().extract(Document([Page(1, 595, 842, words, "text")]), doc_type)


def test_a_discount_printed_with_a_space_before_the_percent_sign() -> None:
    # 'Rem.' names nothing known; '10 %' is a discount the amount needs (1 x 209,74 less 10 % is 188,77)
    extraction = _extract(
        [
            (0.30, [(0.07, "Réf."), (0.17, "Objet"), (0.63, "Nb"), (0.72, "P.U. HT"), (0.78, "Rem."), (0.9, "Mt HT")]),
            (0.33, [(0.07, "985133"), (0.17, "Ramette papier A4"), (0.638, "4"), (0.722, "143,79"), (0.887, "575,16")]),
            (0.35, [(0.07, "858667"), (0.17, "Agrafeuse de bureau"), (0.638, "1"), (0.722, "209,74"), (0.78, "10 %"),
                    (0.887, "188,77")]),
            (0.37, [(0.07, "098259"), (0.17, "Classeur à levier"), (0.638, "2"), (0.722, "742,43"), (0.787, "5 %"),
                    (0.880, "1410,62")]),
            (0.40, [(0.5, "Montant net HT"), (0.880, "2174,55")]),
        ]
    )  # fmt: skip
    amounts = [(i.value("sku"), i.value("quantity"), i.value("amount")) for i in extraction.line_items]
    assert amounts == [
        ("985133", Decimal("4"), Decimal("575.16")),
        ("858667", Decimal("1"), Decimal("188.77")),
        ("098259", Decimal("2"), Decimal("1410.62")),
    ]
