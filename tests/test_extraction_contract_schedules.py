"""Contract schedules and dates found by what they hold, on hand-placed words (rates7): a tariff quoted to four
places, a previous and a revised rate side by side under captions no reader knows, fees in prose whose currency is
a word, a compound caption's full stop, a term's ends in two sentences, dates ordered by the page's money."""

from datetime import date
from decimal import Decimal

from extraction.agreements import read as read_agreement
from extraction.clauserates import made_whole, whole_amounts, with_whole_amounts
from extraction.document import Document, Page
from extraction.heuristic import HeuristicExtractor
from extraction.normalize import date_order_by_money, parse_date
from extraction.openings import read_opening
from extraction.ratelists import read_rate_list
from extraction.rates import read_rates
from extraction.result import Extraction, FieldValue, LineItem
from tests.fixtures_docs import page_of_lines, words_at


def _extract(lines: list[tuple[float, list[tuple[float, str]]]]) -> Extraction:
    words = [w for y, cells in lines for x, text in cells for w in words_at(text, x, y)]
    return HeuristicExtractor().extract(Document([Page(1, 595, 842, words, "text")]), "contract")


def _rates(extraction: Extraction) -> list[tuple[object, object, object]]:
    return [(i.value("description"), i.value("unit"), i.value("unit_price")) for i in extraction.line_items]


def test_a_tariff_quoted_to_four_places_is_a_price_list() -> None:
    # a step number, the range it covers and a price per piece to four places: the range describes the rate
    extraction = _extract(
        [
            (0.10, [(0.10, "Die Stückpreise gelten je Kalendermonat für die gesamte Menge.")]),
            (0.14, [(0.10, "Stufe"), (0.20, "Menge je Monat"), (0.60, "Stückpreis (CHF)")]),
            (0.16, [(0.10, "A"), (0.20, "bis 1'000"), (0.62, "0.8421")]),
            (0.18, [(0.10, "B"), (0.20, "1'001 – 20'000"), (0.62, "0.7150")]),
            (0.20, [(0.10, "C"), (0.20, "über 20'000"), (0.62, "0.6398")]),
            (0.24, [(0.10, "Für die Auftraggeberin"), (0.55, "Für die Auftragnehmerin")]),
        ]
    )
    assert [(d, p) for d, _, p in _rates(extraction)] == [
        ("bis 1'000", Decimal("0.8421")),
        ("1'001 – 20'000", Decimal("0.7150")),
        ("über 20'000", Decimal("0.6398")),
    ]


def test_a_previous_and_a_revised_rate_under_captions_no_reader_knows() -> None:
    # two amounts a row, within a quarter of each other: the later one is the rate in force
    extraction = _extract(
        [
            (0.10, [(0.10, "Tillägget ersätter prisbilagan i det ursprungliga avtalet.")]),
            (0.14, [(0.10, "Tjänst"), (0.40, "Enhet"), (0.55, "Tidigare"), (0.75, "Nytt (SEK)")]),
            (0.16, [(0.10, "Fönsterputs"), (0.40, "tillfälle"), (0.55, "1.204,50"), (0.75, "1.265,00")]),
            (0.18, [(0.10, "Trappstädning"), (0.40, "vecka"), (0.571, "880,00"), (0.771, "912,40")]),
            (0.22, [(0.10, "För Kunden"), (0.55, "För Leverantören")]),
        ]
    )
    assert _rates(extraction) == [
        ("Fönsterputs", "tillfälle", Decimal("1265.00")),
        ("Trappstädning", "vecka", Decimal("912.40")),
    ]


def test_two_amounts_a_row_that_are_no_versions_of_one_rate_are_no_price_list() -> None:
    # a weekday and a weekend rate (a half more): which one the row's price is, the layout does not say
    extraction = _extract(
        [
            (0.14, [(0.10, "Tjänst"), (0.40, "Enhet"), (0.55, "Vardag"), (0.75, "Helg (SEK)")]),
            (0.16, [(0.10, "Fönsterputs"), (0.40, "tillfälle"), (0.571, "800,00"), (0.7645, "1.200,00")]),
            (0.18, [(0.10, "Trappstädning"), (0.40, "vecka"), (0.571, "600,00"), (0.771, "900,00")]),
        ]
    )
    assert _rates(extraction) == []


def test_fees_in_prose_whose_currency_is_a_word() -> None:
    # the same word after every amount ('euro') is the currency, then the unit charged per
    lines = [
        "Corrispettivi.",
        "Per la manutenzione ordinaria il Committente paga 480,00 euro per intervento.",
        "Per ogni ora di assistenza il Committente paga 72,50 euro per ora.",
        "Per il collaudo annuale il Committente paga 1.150,00 euro per collaudo.",
    ]
    extraction = Extraction("contract", 1)
    read_rates(page_of_lines(lines), extraction)
    assert _rates(extraction) == [
        ("la manutenzione ordinaria", "intervento", Decimal("480.00")),
        ("ogni ora di assistenza", "ora", Decimal("72.50")),
        ("il collaudo annuale", "collaudo", Decimal("1150.00")),
    ]


def test_sentences_whose_word_after_the_amount_differs_are_no_fees() -> None:
    lines = [
        "Il Committente paga 480,00 entro marzo.",
        "Il Committente paga 72,50 subito dopo.",
    ]
    extraction = Extraction("contract", 1)
    read_rates(page_of_lines(lines), extraction)
    assert extraction.line_items == []


def test_a_compound_captions_full_stop_ends_no_opening_sentence() -> None:
    # 'org.nr. 912345678': the caption's stop before a number; the date later in the same sentence is the start
    extraction = Extraction("contract", 1)
    lines = [
        "TILLEGGSAVTALE",
        "Mellom Fjordvik Bygg AS, org.nr. 912345678 (Kunden) og Nordlys Drift AS, org.nr. 987654321",
        "(Leverandøren) er det pr. 14. mai 2027 avtalt følgende tillegg til serviceavtalen.",
        "1. Avtalens løpetid forlenges, slik at den utløper den 13. mai 2029.",
    ]
    read_opening(page_of_lines(lines), extraction)
    dates = {name: extraction.value(name) for name in ("effective_date", "expiry_date")}
    assert dates == {"effective_date": date(2027, 5, 14), "expiry_date": date(2029, 5, 13)}


def test_a_terms_two_ends_in_two_sentences_a_clause_number_between() -> None:
    extraction = Extraction("contract", 1)
    lines = [
        "WORK ORDER",
        "This work order is placed under the framework agreement between Ashcombe Widgets Ltd (the Client)",
        "and Brackley Services Ltd (the Contractor). Services commence on 2 March 2027.",
        "1. Services end on completion of the last deliverable and in any case by 1 March 2028.",
        "2. Deliverable 3 is due on 5 June 2027 and deliverable 4 on 9 September 2027.",
    ]
    read_opening(page_of_lines(lines), extraction)
    dates = {name: extraction.value(name) for name in ("effective_date", "expiry_date")}
    assert dates == {"effective_date": date(2027, 3, 2), "expiry_date": date(2028, 3, 1)}


def test_dates_day_first_where_the_money_is_in_no_month_first_countrys_dollar() -> None:
    assert date_order_by_money(["Fees are invoiced in GBP monthly."]) == "DMY"
    assert date_order_by_money(["Total € 1.200,00"]) == "DMY"
    assert date_order_by_money(["Fees in GBP", "or in USD"]) is None
    assert date_order_by_money(["No money printed here."]) is None
    lines = [
        "SERVICES AGREEMENT",
        "This agreement dated 04/09/2026 is made between Redcliffe Print plc (the Customer) and Abbotsford",
        "Data Ltd (the Supplier).",
        "1. The Supplier invoices the monthly volume in GBP at the agreed rates.",
    ]
    found = read_agreement(page_of_lines(lines))
    assert found["effective_date"].value == date(2026, 9, 4)


def test_dates_in_prose_of_more_languages() -> None:
    # months as a sentence prints them (genitive, another alphabet) or alone; a day's ordinal sign; a year first
    assert parse_date("14 июня 2026") == date(2026, 6, 14)
    assert parse_date("1 Ιουνίου 2026") == date(2026, 6, 1)
    assert parse_date("1 marzec 2026") == date(2026, 3, 1)
    assert parse_date("1 ožujka 2026") == date(2026, 3, 1)
    assert parse_date("1° marzo 2026") == date(2026, 3, 1)
    assert parse_date("2026. március 1.") == date(2026, 3, 1)
    assert parse_date("3 listopada 2026") == date(2026, 11, 3)  # Polish November before Croatian October


def _term(*sentences: str) -> dict[str, object]:
    extraction = Extraction("contract", 1)
    read_opening(page_of_lines(list(sentences)), extraction)
    return {name: extraction.value(name) for name in ("effective_date", "expiry_date")}


def test_a_start_and_a_length_in_words_make_the_term() -> None:
    # an undated opening, then the start and the term's length in one sentence or the next, in words or digits
    opening = "Le contrat est conclu entre Duval Emballages SAS (le Client) et Fontanet Services SARL (le Prestataire)."
    assert _term(opening, "Il prend effet le 1er mars 2026 pour une durée de trois ans.") == {
        "effective_date": date(2026, 3, 1),
        "expiry_date": date(2029, 2, 28),
    }
    opening = "This Services Agreement is made between Ashcombe Widgets Ltd (the Client) and Brackley Services Ltd."
    assert _term(opening, "It commences on 1 March 2026.", "It continues for eighteen months.") == {
        "effective_date": date(2026, 3, 1),
        "expiry_date": date(2027, 8, 31),
    }


def test_a_notice_period_is_no_terms_length() -> None:
    opening = "This Services Agreement is made between Ashcombe Widgets Ltd (the Client) and Brackley Services Ltd."
    term = _term(opening, "It commences on 1 March 2026.", "Either party may end it on three months' notice.")
    assert term["expiry_date"] is None
    # an English word that is a number elsewhere ('to', Danish two) before 'an' (French year) is no length
    term = _term(opening, "It commences on 1 March 2026.", "The Supplier works pursuant to an order of the Client.")
    assert term["expiry_date"] is None


def test_rates_in_consecutive_sentences_the_service_after_the_unit() -> None:
    # each sentence one amount, 'per' and the unit, then the service; the words the services share ('for') aside
    lines = [
        "Charges.",
        "The Contractor invoices NZD 1,150.00 per week for site supervision.",
        "The Contractor invoices NZD 96.00 per hour for plant operation.",
        "The Contractor invoices NZD 310.00 per load for waste removal.",
    ]
    extraction = Extraction("contract", 1)
    read_rates(page_of_lines(lines), extraction)
    assert _rates(extraction) == [
        ("site supervision", "week", Decimal("1150.00")),
        ("plant operation", "hour", Decimal("96.00")),
        ("waste removal", "load", Decimal("310.00")),
    ]


def test_a_prose_rates_unit_after_its_currency() -> None:
    # '480,00 EUR pro Einsatz': the currency between the amount and 'per' hides no unit
    extraction = _extract(
        [
            (0.10, [(0.10, "Für die Wartung berechnet der Auftragnehmer 480,00 EUR pro Einsatz.")]),
            (0.12, [(0.10, "Für eine Technikerstunde berechnet der Auftragnehmer 92,50 EUR pro Stunde.")]),
        ]
    )
    assert [(unit, price) for _, unit, price in _rates(extraction)] == [
        ("Einsatz", Decimal("480.00")),
        ("Stunde", Decimal("92.50")),
    ]


def test_a_month_and_year_without_a_day_is_no_date_and_a_days_stop_starts_no_sentence() -> None:
    assert parse_date("März 2026") is None  # not the 20th of March '26
    assert parse_date("March 1,2026") == date(2026, 3, 1)
    opening = (
        "Dieser Vertrag wird am 1. März 2026 zwischen Hinterberger Handels GmbH (Auftraggeber) und Pichler Metallbau"
    )
    assert _term(opening, "GmbH (Auftragnehmer) geschlossen.")["effective_date"] == date(2026, 3, 1)


def test_the_article_two_rate_sentences_share_is_the_services() -> None:
    # 'Per il ... / Per il ...': the template is 'Per ... il Committente paga'; the shared 'il' is the service's
    lines = [
        "Per il collaudo annuale il Committente paga 1.150,00 euro per collaudo.",
        "Per il fermo macchina il Committente paga 310,00 euro per giorno.",
    ]
    extraction = Extraction("contract", 1)
    read_rates(page_of_lines(lines), extraction)
    assert [d for d, _, _ in _rates(extraction)] == ["il collaudo annuale", "il fermo macchina"]


def test_a_unit_printed_per_before_the_price() -> None:
    # 'per day' in a cell of its own before the price: the unit is the day, in a list without captions as in a table
    def page(lines: list[tuple[float, list[tuple[float, str]]]]) -> Document:
        return Document([Page(1, 595, 842, [w for y, cs in lines for x, t in cs for w in words_at(t, x, y)], "text")])

    listed = page(
        [
            (0.10, [(0.10, "SCHEDULE 2 – CHARGES")]),
            (0.14, [(0.10, "Scaffold hire"), (0.45, "per week"), (0.70, "AUD 410.00")]),
            (0.16, [(0.10, "Crane lift"), (0.45, "per lift"), (0.70, "AUD 975.00")]),
            (0.18, [(0.10, "Site induction"), (0.45, "per person"), (0.70, "AUD 85.00")]),
        ]
    )
    extraction = Extraction("contract", 1)
    read_rate_list(listed, extraction)
    assert [(d, u) for d, u, _ in _rates(extraction)] == [
        ("Scaffold hire", "week"),
        ("Crane lift", "lift"),
        ("Site induction", "person"),
    ]
    tabled = page(
        [
            (0.10, [(0.10, "Service"), (0.45, "Unit"), (0.70, "Rate")]),
            (0.12, [(0.10, "Scaffold hire"), (0.45, "per week"), (0.70, "AUD 410.00")]),
            (0.14, [(0.10, "Crane lift"), (0.45, "per lift"), (0.70, "AUD 975.00")]),
        ]
    )
    extraction = HeuristicExtractor().extract(tabled, "contract")
    read_rates(tabled, extraction)
    assert [(d, u) for d, u, _ in _rates(extraction)] == [("Scaffold hire", "week"), ("Crane lift", "lift")]


def _right(text: str, right: float = 0.85) -> tuple[float, str]:
    return right - 0.0065 * len(text), text  # set flush right, as a price column is


def test_prices_printed_without_cents() -> None:
    # a currency beside a whole number ('SEK 1 100' aside), or cents as a dash: a price like one with cents
    beside = _extract(
        [
            (0.10, [(0.10, "Roll"), (0.45, "Enhet"), (0.70, "Arvode")]),
            (0.12, [(0.10, "Projektledare"), (0.45, "dag"), _right("SEK 11,500")]),
            (0.14, [(0.10, "Utvecklare"), (0.45, "dag"), _right("SEK 9,200")]),
        ]
    )
    dashed = _extract(
        [
            (0.10, [(0.10, "Leistung"), (0.45, "Einheit"), (0.70, "Preis")]),
            (0.12, [(0.10, "Projektleitung"), (0.45, "Tag"), _right("1.200,-")]),
            (0.14, [(0.10, "Entwicklung"), (0.45, "Tag"), _right("950,–")]),
        ]
    )
    assert _rates(beside) == [("Projektledare", "dag", Decimal("11500")), ("Utvecklare", "dag", Decimal("9200"))]
    assert _rates(dashed) == [("Projektleitung", "Tag", Decimal("1200")), ("Entwicklung", "Tag", Decimal("950"))]


def test_a_whole_number_without_a_currency_is_no_price() -> None:
    words = words_at("Zone 2 covers 1,100 sites from 2027", 0.1, 0.1)
    assert [w.text for w in whole_amounts(words)] == [w.text for w in words]
    assert [w.text for w in whole_amounts(words_at("fee EUR 1,100 per day", 0.1, 0.1))][2] == "1,100.00"


def test_a_unit_glued_to_the_price_by_a_slash() -> None:
    # '125,00 €/h', '1.200 €/Monat', 'EUR 95/hr': the currency and the unit are one word with the slash between
    def page(lines: list[tuple[float, list[tuple[float, str]]]]) -> Document:
        return Document([Page(1, 595, 842, [w for y, cs in lines for x, t in cs for w in words_at(t, x, y)], "text")])

    symbol = page(
        [
            (0.10, [(0.10, "Vergütung")]),
            (0.13, [(0.10, "Bauleitung:"), (0.45, "125,00 €/h")]),
            (0.16, [(0.10, "Vermessung:"), (0.45, "98,50 €/h")]),
            (0.19, [(0.10, "Bereitschaft:"), (0.45, "1.200 €/Monat")]),
        ]
    )
    extraction = Extraction("contract", 1)
    read_rates(symbol, extraction)
    read_rate_list(symbol, extraction)
    assert _rates(extraction) == [
        ("Bauleitung", "h", Decimal("125.00")),
        ("Vermessung", "h", Decimal("98.50")),
        ("Bereitschaft", "Monat", Decimal("1200.00")),
    ]
    code = page(
        [(0.13, [(0.10, "Surveyor:"), (0.45, "NZD 95/hr")]), (0.16, [(0.10, "Drafter:"), (0.45, "NZD 70.50/hr")])]
    )
    extraction = Extraction("contract", 1)
    read_rate_list(code, extraction)
    assert _rates(extraction) == [("Surveyor", "hr", Decimal("95.00")), ("Drafter", "hr", Decimal("70.50"))]


def test_a_number_and_a_slash_without_a_currency_stay_one_word() -> None:
    words = words_at("Lot 3/ok moved 12/Mar", 0.1, 0.1)
    doc = with_whole_amounts(Document([Page(1, 595, 842, words, "text")]))
    assert [w.text for w in doc.pages[0].words] == ["Lot", "3/ok", "moved", "12/Mar"]


def test_a_document_is_made_whole_once_for_the_extractor_and_each_rate_reader() -> None:
    words = words_at("Surveyor: GBP 1,100 per day", 0.1, 0.1)
    doc = Document([Page(1, 595, 842, words, "text")])
    made_whole.cache_clear()
    whole = with_whole_amounts(doc)
    assert with_whole_amounts(doc) == whole  # asked again: the same result, not computed again
    assert made_whole.cache_info().hits == 1 and made_whole.cache_info().misses == 1
    again = with_whole_amounts(Document([Page(2, 595, 842, list(words), "text")]))  # another page of the same words
    assert again.pages[0].number == 2 and again.pages[0].words == whole.pages[0].words
    assert doc.pages[0].words == words  # the document asked about is left as it was
    assert [w.text for w in whole.pages[0].words][2] == "1,100.00"


def test_two_rates_on_one_line_at_tab_stops() -> None:
    # a term and its price twice a line, no separator after the term: the tab stop between the pairs parts them
    def page(lines: list[tuple[float, list[tuple[float, str]]]]) -> Document:
        return Document([Page(1, 595, 842, [w for y, cs in lines for x, t in cs for w in words_at(t, x, y)], "text")])

    paired = page(
        [
            (0.10, [(0.10, "Tarifs horaires")]),
            (0.13, [(0.10, "Chef de chantier 120 CHF/h"), (0.55, "Grutier 85 CHF/h")]),
            (0.16, [(0.10, "Soudeur 96.50 CHF/h"), (0.55, "Manœuvre 64 CHF/h")]),
        ]
    )
    extraction = Extraction("contract", 1)
    read_rate_list(paired, extraction)
    assert _rates(extraction) == [
        ("Chef de chantier", "h", Decimal("120.00")),
        ("Grutier", "h", Decimal("85.00")),
        ("Soudeur", "h", Decimal("96.50")),
        ("Manœuvre", "h", Decimal("64.00")),
    ]
    # two prices of one service (a weekday and a weekend rate) are no two entries
    versions = page(
        [
            (0.13, [(0.10, "Call-out"), (0.45, "CHF 120.00"), (0.70, "CHF 180.00")]),
            (0.16, [(0.10, "Standby"), (0.45, "CHF 60.00"), (0.70, "CHF 90.00")]),
        ]
    )
    extraction = Extraction("contract", 1)
    read_rate_list(versions, extraction)
    assert extraction.line_items == []


def test_a_milestones_date_in_its_own_column_is_no_quantity() -> None:
    # a due date ('15 marzo' with its year wrapped under it, or '2 giugno 2027' on one line) read as a row's
    # quantity is none: the row's one amount is the milestone's price
    lines = [
        (0.30, [(0.10, "Fase"), (0.18, "Consegna"), (0.55, "Scadenza"), (0.75, "Importo (EUR)")]),
        (0.33, [(0.10, "F1"), (0.18, "Analisi dei requisiti"), (0.55, "15 marzo"), _right("12.480,00")]),
        (0.345, [(0.55, "2027")]),
        (0.37, [(0.10, "F2"), (0.18, "Progettazione"), (0.55, "2 giugno 2027"), _right("30.115,20")]),
        (0.40, [(0.10, "F3"), (0.18, "Collaudo finale"), (0.55, "9 agosto 2027"), _right("4.705,75")]),
    ]
    words = [w for y, cs in lines for x, t in cs for w in words_at(t, x, y)]
    plan = Document([Page(1, 595, 842, words, "text")])

    def row(description: str, day: str, price: str) -> LineItem:
        quantity = next(w for w in words if w.text == day)
        amount = next(w for w in words if w.text == price)
        return LineItem(
            {
                "description": FieldValue(description, 0.9, 1, None, description),
                "quantity": FieldValue(Decimal(day), 0.9, 1, quantity.bbox, day),
                "amount": FieldValue(Decimal(price.replace(".", "").replace(",", ".")), 0.9, 1, amount.bbox, price),
            },
            0.9,
            1,
        )

    extraction = Extraction("contract", 1)
    extraction.line_items = [row("Analisi", "15", "12.480,00"), row("Progettazione", "2027", "30.115,20")]
    read_rates(plan, extraction)
    assert [(i.value("quantity"), i.value("unit_price"), i.value("amount")) for i in extraction.line_items] == [
        (None, Decimal("12480.00"), None),
        (None, Decimal("30115.20"), None),
    ]
    # a count in a cell of its own stays the quantity
    counts = [w for w in words_at("Sopralluoghi 4 visite", 0.10, 0.6) if w.text != "visite"]
    listed = Document([Page(1, 595, 842, [*counts, *words_at("EUR 880,00", 0.7, 0.6)], "text")])
    extraction = Extraction("contract", 1)
    extraction.line_items = [
        LineItem({"quantity": FieldValue(Decimal(4), 0.9, 1, counts[1].bbox, "4")}, 0.9, 1),
    ]
    read_rates(listed, extraction)
    assert extraction.line_items[0].value("quantity") == Decimal(4)
