"""Contract rate schedules and dates on layouts no reader was fitted to, on hand-placed words: a rate is an amount
with its currency and a unit, whatever the currency's mark, the list's punctuation or the schedule's columns."""

from datetime import date
from decimal import Decimal

from extraction.agreements import read as read_agreement
from extraction.document import Document, Page, Word
from extraction.forms import read as read_form
from extraction.heuristic import HeuristicExtractor
from extraction.heuristic.parts import Column, RowDraft
from extraction.heuristic.schedules import ListedRates
from extraction.openings import read_opening
from extraction.rates import read_rates
from extraction.result import Extraction
from tests.fixtures_docs import page_of_lines, words_at


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


def test_a_revised_rate_printed_beside_the_one_it_replaces_is_the_rate() -> None:
    # two prices a row and nothing that multiplies them out: the later column replaces the earlier one
    extraction = _extract(
        [
            (0.10, [(0.10, "The rates in Schedule B are replaced by the rates below, stated in SGD.")]),
            (0.14, [(0.10, "Service"), (0.45, "Unit"), (0.60, "Rate 2025 (SGD)"), (0.80, "Rate 2026 (SGD)")]),
            (0.16, [(0.10, "Cleaning supervisor"), (0.45, "month"), (0.6155, "2,267.30"), (0.8155, "2,576.48")]),
            (0.18, [(0.10, "Pest control treatment"), (0.45, "treatment"), (0.6285, "253.36"), (0.8285, "269.53")]),
            (0.20, [(0.10, "Window cleaning, facade"), (0.45, "visit"), (0.6285, "174.98"), (0.8285, "201.13")]),
            (0.24, [(0.10, "All other terms of the Agreement remain unchanged.")]),
        ]
    )
    assert _rates(extraction) == [
        ("Cleaning supervisor", "month", Decimal("2576.48")),
        ("Pest control treatment", "treatment", Decimal("269.53")),
        ("Window cleaning, facade", "visit", Decimal("201.13")),
    ]


def test_a_charge_beside_a_rate_that_is_no_version_of_it_stays_apart() -> None:
    # a call-out charge ten times the hourly rate, an overtime rate half as much again: no revision of the rate
    header = (Column("description", 0.10, 0.3), Column("unit_price", 0.60, 0.66), Column("_unread0", 0.80, 0.86))
    rows = [
        RowDraft(1, {"description": words_at(text, 0.1, y), "unit_price": words_at(rate, 0.6, y),
                     "_unread0": words_at(charge, 0.8, y)}, y, tuple(c.name for c in header), header)
        for y, text, rate, charge in [(0.16, "Electrician", "120.00", "1,450.00"),
                                      (0.18, "Plumber", "110.00", "980.00")]
    ]  # fmt: skip
    ListedRates._revised_rates(rows, None)
    assert [row.cells["unit_price"][0].text for row in rows] == ["120.00", "110.00"]
    rows[1].cells["_unread0"] = words_at("165.00", 0.8, 0.18)
    rows[0].cells["_unread0"] = words_at("180.00", 0.8, 0.16)
    ListedRates._revised_rates(rows, None)
    assert [row.cells["unit_price"][0].text for row in rows] == ["120.00", "110.00"]
    rows[1].cells["_unread0"] = words_at("118.00", 0.8, 0.18)
    rows[0].cells["_unread0"] = words_at("131.50", 0.8, 0.16)
    ListedRates._revised_rates(rows, None)  # both amounts versions of one price: the later one is the rate
    assert [row.cells["unit_price"][0].text for row in rows] == ["131.50", "118.00"]


def test_a_term_whose_dates_print_the_day_with_a_full_stop() -> None:
    # '22. Februar 2026': the day's full stop ends no sentence, so one sentence holds both ends of the term
    extraction = Extraction("contract", 1)
    lines = [
        "abgeschlossen zwischen Hinterberger Handels GmbH, Hauptstraße 150, 1030 Wien, im Folgenden",
        "„Auftraggeberin“, und Pichler Metallbau GmbH, Landstraße 60, 4020 Linz, im Folgenden „Auftragnehmerin“.",
        "§ 2 Laufzeit",
        "Die Vereinbarung gilt vom 22. Februar 2026 bis 21. Februar 2029.",
    ]
    read_opening(page_of_lines(lines), extraction)
    dates = {name: extraction.value(name) for name in ("effective_date", "expiry_date")}
    assert dates == {"effective_date": date(2026, 2, 22), "expiry_date": date(2029, 2, 21)}


def test_a_role_the_prose_defines_is_no_caption_of_the_name_under_it() -> None:
    # '«le Client »' ends a party's description; the line under it is the next party's tax id, not the client
    lines = [
        "CONTRAT DE PRESTATION DE SERVICES",
        "ENTRE LES SOUSSIGNÉS : Duval-Roussel Emballages SAS, dont le siège est situé 51, rue Lenepveu, 49100",
        "ANGERS, N° T.V.A. FR82112383609, ci-après «le Client », ET Fontanet Emballages SAS, dont le siège est situé",
        "148, avenue Garibaldi, 87000 LIMOGES, N° T.V.A. FR33461730483, ci-après «le Prestataire ».",
        "Client »,  et Dumoulin Industries NV, TVA/BTW",
        "BE0376223012, ci-après « le Prestataire », il est convenu ce qui suit.",
    ]
    assert "buyer_name" not in read_form(page_of_lines(lines))


def test_the_last_rows_description_wrapped_onto_a_line_of_its_own() -> None:
    # the wrapped words stay in the description's column, close under the row: they finish its description; the
    # signature line further down is no part of it
    extraction = _extract(
        [
            (0.10, [(0.10, "Les prix figurent au tableau ci-dessous, en EUR, hors TVA.")]),
            (0.14, [(0.10, "Prestation / Dienst"), (0.45, "Unité / Eenheid"), (0.75, "Tarif / Tarief (EUR)")]),
            (0.16, [(0.10, "Déplacement / Verplaatsing"), (0.45, "forfait"), (0.8155, "91,08")]),
            (0.18, [(0.10, "Maintenance préventive / Preventief"), (0.45, "visite / bezoek"), (0.8090, "733,73")]),
            (0.195, [(0.10, "onderhoud")]),
            (0.24, [(0.10, "Pour le Client"), (0.55, "Pour le Prestataire")]),
        ]
    )
    assert _rates(extraction) == [
        ("Déplacement / Verplaatsing", "forfait", Decimal("91.08")),
        ("Maintenance préventive / Preventief onderhoud", "visite / bezoek", Decimal("733.73")),
    ]


def test_parties_listed_by_number_with_unquoted_roles_and_a_currency_in_brackets_is_no_party() -> None:
    # '(1) A ... (the Customer) and (2) B ... (the Supplier)'; the schedule's 'Tariff (GBP)' defines nothing
    lines = [
        "MASTER SERVICES AGREEMENT",
        "THIS AGREEMENT is dated 3 October 2024 and made between (1) Haverleigh Facilities LLP, of 51 Prince of",
        "Wales Road, Norwich NR2 1NR (the Customer) and (2) Fenwick Hollow Consulting LLP, of 123 Fishergate,",
        "Preston PR1 2HE (the Supplier).",
        "1. The Charges are set out in Schedule 3 and are expressed in GBP exclusive of VAT.",
        "SCHEDULE 3 - CHARGES",
        "Grade Charging Unit Tariff (GBP)",
        "Senior consultant day 798.82",
    ]
    found = read_agreement(page_of_lines(lines))
    names = {name: found[name].value for name in ("buyer_name", "vendor_name") if name in found}
    assert names == {"buyer_name": "Haverleigh Facilities LLP", "vendor_name": "Fenwick Hollow Consulting LLP"}


def test_a_rate_lists_unit_after_a_linking_word_of_any_language() -> None:
    # 'za godzinę', 'na dan': the short word between the price and the line's last word links the unit, as 'per'
    extraction = _extract(
        [
            (0.10, [(0.10, "Cennik")]),
            (0.13, [(0.12, "• Serwis: 200,19 PLN za godzinę")]),
            (0.15, [(0.12, "• Dojazd: 3,10 PLN za km")]),
            (0.18, [(0.10, "Pozostałe postanowienia umowy pozostają bez zmian.")]),
        ]
    )
    assert _rates(extraction) == [
        ("Serwis", "godzinę", Decimal("200.19")),
        ("Dojazd", "km", Decimal("3.10")),
    ]


def test_a_rate_sentences_shared_preposition_stays_out_where_services_open_on_an_article() -> None:
    # 'The fee for' is the template; 'an', 'a' open the services themselves, so 'for' is no article of theirs
    lines = [
        "The fee for an engineer is set at 95.00 EUR per hour.",
        "The fee for a site visit is set at 120.00 EUR per visit.",
        "The fee for remote support is set at 40.00 EUR per month.",
    ]
    doc = page_of_lines(lines)
    ext = Extraction("contract", 1, {})
    read_rates(doc, ext)
    want = [("an engineer", "hour", Decimal("95.00")), ("a site visit", "visit", Decimal("120.00"))]
    want.append(("remote support", "month", Decimal("40.00")))
    assert _rates(ext) == want
    # the extractor's own reading of rates in prose keeps the same start
    assert _rates(_extract([(0.10 + 0.02 * k, [(0.10, line)]) for k, line in enumerate(lines)])) == want


def _scanned(doc: Document) -> Document:
    """``doc`` as OCR would give it: every word read with some doubt."""
    page = doc.pages[0]
    words = [Word(w.text, w.bbox, 0.95) for w in page.words]
    return Document([Page(page.number, page.width, page.height, words, "ocr")])


def test_rate_sentences_share_their_template_where_a_scan_misread_one_of_its_words() -> None:
    # OCR read 'Auftraggeberin' once as 'Auftraggebcrin': the template is still shared, no service takes it
    lines = [
        "Für die Wartung zahlt die Auftraggeberin 480.00 EUR pro Einsatz.",
        "Für jede Technikerstunde zahlt die Auftraggebcrin 96.50 EUR pro Stunde.",
        "Für den Notdienst zahlt die Auftraggeberin 150.00 EUR pro Tag.",
    ]
    ext = Extraction("contract", 1, {})
    read_rates(_scanned(page_of_lines(lines)), ext)
    assert [d for d, _, _ in _rates(ext)] == ["die Wartung", "jede Technikerstunde", "den Notdienst"]
    # a printed page spells what it prints: two words apart by one letter are two services ('Senior', 'Seniot')
    printed = ["Seniot architect is billed at 95.00 EUR per hour.", *[f"{n} is billed at 80.00 EUR per hour." for n in
               ("Senior architect", "Senior tester")]]  # fmt: skip
    ext = Extraction("contract", 1, {})
    read_rates(page_of_lines(printed), ext)
    assert [d for d, _, _ in _rates(ext)] == ["Seniot architect", "Senior architect", "Senior tester"]
