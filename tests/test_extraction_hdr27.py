"""Born-digital header classes of hdr27: a terminal screen's heading line (program id, screen name, print date) is
no caption of the order's facts; a day's word with a case ending or known to CLDR's relative times only; a tax id
after a word for number and the word that names it, no colon between.

Hand-placed words; captions (made-up words) and values invented for the tests."""

from datetime import date

from extraction.heuristic import HeuristicExtractor
from extraction.taxids import bare_captioned_id
from extraction.terms import net_days
from tests.fixtures_docs import document_of_rows, words_at

ITEMS = [(0.05, 0.40, "Gizmo"), (0.45, 0.40, "Qty"), (0.6, 0.40, "Price"), (0.8, 0.40, "Amount"),
         (0.05, 0.42, "Steel bolts M8"), (0.45, 0.42, "2"), (0.6, 0.42, "10.00"), (0.8, 0.42, "20.00"),
         (0.05, 0.44, "Copper wire"), (0.45, 0.44, "1"), (0.6, 0.44, "30.00"), (0.8, 0.44, "30.00")]  # fmt: skip


def _screen(heading: list[tuple[float, float, str]]) -> dict[str, object]:
    facts = [(0.06, 0.10, "Zorblat qix.: QV26/091215"), (0.06, 0.116, "Frambo: 29/11/26")]
    extraction = HeuristicExtractor().extract(document_of_rows(heading + facts + ITEMS), "purchase_order")
    return {name: extraction.value(name) for name in ("po_number", "order_date")}


def test_a_screens_program_id_and_print_date_give_way_to_the_captioned_facts() -> None:
    # 'PUR335  SCREEN NAME  02.12.2026': the program's id, the screen's name, the day it was printed
    heading = [(0.05, 0.06, "QUR771"), (0.35, 0.06, "WIBBLE FROTZ"), (0.75, 0.06, "02.12.2026")]
    assert _screen(heading) == {"po_number": "QV26/091215", "order_date": date(2026, 11, 29)}


def test_a_bare_code_and_date_still_stand_where_no_caption_names_the_facts() -> None:
    rows = [(0.05, 0.06, "QUR771"), (0.35, 0.06, "WIBBLE FROTZ"), (0.75, 0.06, "02.12.2026")]
    extraction = HeuristicExtractor().extract(document_of_rows(rows + ITEMS), "purchase_order")
    assert extraction.value("po_number") == "QUR771"
    assert extraction.value("order_date") == date(2026, 12, 2)


def test_day_words_with_a_case_ending_or_from_relative_times_count_days() -> None:
    assert net_days("Fakturatik 30 egunera") == 30  # Basque 'egun' with its allative ending
    assert net_days("30 каляндарных дзён пасля пастаўкі") == 30  # Belarusian: CLDR's units say 'сутак'
    assert net_days("пас аз 45 рӯз") == 45  # Tajik: CLDR's units print 'd' only
    assert net_days("30 Tage netto") == 30 and net_days("Net 30") == 30


def test_a_tax_id_after_a_word_for_number_and_its_name_without_colon() -> None:
    words = words_at("Blorp MKD Nr. zibbet 4081864449683", 0.1, 0.1)
    assert bare_captioned_id(words, 4) == "4081864449683"
    # two words of letters after the number's word: no caption's shape
    assert bare_captioned_id(words_at("Nr. zibbet wobble 4081864449683", 0.1, 0.1), 3) is None
