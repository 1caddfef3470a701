"""Contract rate schedules and dates on layouts no reader was fitted to, on hand-placed words: a rate is an amount
with its currency and a unit, whatever the currency's mark, the list's punctuation or the schedule's columns."""

from decimal import Decimal

from extraction.document import Document, Page
from extraction.heuristic import HeuristicExtractor
from extraction.result import Extraction
from tests.fixtures_docs import words_at


def _extract(lines: list[tuple[float, list[tuple[float, str]]]]) -> Extraction:
    words = [w for y, cells in lines for x, text in cells for w in words_at(text, x, y)]
    return HeuristicExtractor().extract(Document([Page(1, 595, 842, words, "text")]), "contract")


def _rates(extraction: Extraction) -> list[tuple[object, object, object]]:
    return [(i.value("description"), i.value("unit"), i.value("unit_price")) for i in extraction.line_items]


def test_a_lettered_rate_list_whose_currency_is_a_letter_prefixed_symbol() -> None:
    # 'R$' (or 'S$', 'HK$') is a currency mark as much as '$'; the list's ';' is no part of the unit
    extraction = _extract(
        [
            (0.10, [(0.10, "Pelos serviços a CONTRATANTE pagará à CONTRATADA os seguintes valores, em BRL:")]),
            (0.13, [(0.12, "a) visita de manutenção preventiva: R$ 1.482,43 por visita;")]),
            (0.15, [(0.12, "b) laudo técnico: R$ 557,24 por laudo;")]),
            (0.18, [(0.10, "Os pagamentos serão efetuados em até 30 (trinta) dias.")]),
        ]
    )
    assert _rates(extraction) == [
        ("visita de manutenção preventiva", "visita", Decimal("1482.43")),
        ("laudo técnico", "laudo", Decimal("557.24")),
    ]
