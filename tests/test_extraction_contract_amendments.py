"""Contract rates and terms on layouts no reader was fitted to, on hand-placed words: a rate an addendum after the
signatures changes, a rate table with a date after each rate, a percentage under a schedule that is no rate, terms
led by a short word that says how the money goes, an agreement signed on two dates."""

from datetime import date
from decimal import Decimal

from extraction.agreements import read as read_agreement
from extraction.amendments import amended_rates
from extraction.document import Document, Page
from extraction.openings import read_opening
from extraction.rates import percentages_dropped, ruled_rates
from extraction.result import Extraction, FieldValue, LineItem
from tests.fixtures_docs import page_of_lines, words_at


def _page(lines: list[tuple[float, list[tuple[float, str]]]]) -> Document:
    words = [w for y, cells in lines for x, text in cells for w in words_at(text, x, y)]
    return Document([Page(1, 595, 842, words, "text")])


def _item(description: str, price: str, y: float) -> LineItem:
    box = (0.1, y, 0.8, y + 0.012)
    cells = {
        "description": FieldValue(description, 0.9, 1, box),
        "unit_price": FieldValue(Decimal(price), 0.9, 1, box, price),
    }
    return LineItem(cells, 0.9, 1, box)


SCHEDULE = [
    (0.10, [(0.10, "Service"), (0.45, "Unit"), (0.70, "Rate")]),
    (0.12, [(0.10, "Vessel hire"), (0.45, "day"), (0.70, "1,200.00")]),
    (0.14, [(0.10, "Dock cleaning"), (0.45, "visit"), (0.70, "310.50")]),
    (0.18, [(0.10, "For the Owner"), (0.55, "For the Operator")]),
]


def _amended(*after: str) -> list[object]:
    lines = [*SCHEDULE, *[(0.22 + 0.02 * k, [(0.10, text)]) for k, text in enumerate(after)]]
    ext = Extraction(
        "contract", 1, line_items=[_item("Vessel hire", "1200.00", 0.12), _item("Dock cleaning", "310.50", 0.14)]
    )
    amended_rates(_page(lines), ext)
    return [i.value("unit_price") for i in ext.line_items]


def test_an_addendum_after_the_signatures_sets_the_rate_in_force() -> None:
    # words no reader looks up: the sentence names one service by its name and prints one other amount
    got = _amended("ZUSATZ 1", "With effect from 1 May 2027 the rate for vessel hire is increased to 1,350.00 per day.")
    assert got == [Decimal("1350.00"), Decimal("310.50")]
    # the old rate printed beside the new one is not the change; a price without cents beside its currency is one
    got = _amended("Le tarif « Dock cleaning » passe de 310,50 à 342 EUR par visite à compter du 1er juin 2027.")
    assert got == [Decimal("1200.00"), Decimal("342.00")]
    # a second addendum over the first: the later one
    got = _amended(
        "From 1 May 2027 the rate for Vessel hire becomes 1,300.00.",
        "From 1 June 2027 the rate for Vessel hire becomes 1,280.00.",
    )
    assert got == [Decimal("1280.00"), Decimal("310.50")]
    # a language that inflects the name ('Dock cleaning' as 'dock cleanings'), the date in the heading above
    got = _amended("ADDENDUM of 2 March 2027", "The fee for dock cleanings is now 330.00 EUR.")
    assert got == [Decimal("1200.00"), Decimal("330.00")]


def test_no_change_without_one_named_service_and_one_new_amount() -> None:
    # an undated note under the schedule (a call-out charge) is no addendum
    assert _amended("A call-out for Vessel hire is charged at 95.00.") == [Decimal("1200.00"), Decimal("310.50")]
    assert _amended("All rates may be reviewed once a year by 2.50 per cent.") == [
        Decimal("1200.00"),
        Decimal("310.50"),
    ]
    # two services in one sentence, two new amounts in one: which goes where is not told
    both = "Vessel hire and Dock cleaning are charged at 1,250.00 from 1 May 2027."
    assert _amended(both) == [Decimal("1200.00"), Decimal("310.50")]
    two = "Vessel hire is charged at 1,250.00 on weekdays and 1,400.00 at weekends."
    assert _amended(two) == [Decimal("1200.00"), Decimal("310.50")]


def test_a_sentence_above_the_schedule_changes_no_rate() -> None:
    lines = [(0.06, [(0.10, "The rate for Vessel hire was 1,100.00 in the former agreement.")]), *SCHEDULE]
    ext = Extraction(
        "contract", 1, line_items=[_item("Vessel hire", "1200.00", 0.12), _item("Dock cleaning", "310.50", 0.14)]
    )
    amended_rates(_page(lines), ext)
    assert ext.line_items[0].value("unit_price") == Decimal("1200.00")


def test_a_rate_table_with_a_date_after_each_rate() -> None:
    # 'valid from' in any language: the date's own cell after the amount is when the rate holds, not a payment plan
    doc = _page(
        [
            (0.10, [(0.10, "Leistung"), (0.40, "Einheit"), (0.60, "Preis"), (0.75, "gültig ab")]),
            (0.12, [(0.10, "Gebäudereinigung"), (0.40, "Monat"), (0.60, "1.240,50"), (0.75, "1. März 2027")]),
            (0.14, [(0.10, "Winterdienst"), (0.40, "Einsatz"), (0.6135, "95,00"), (0.75, "15. Oktober 2027")]),
        ]
    )
    got = [(i.value("description"), i.value("unit"), i.value("unit_price")) for i in ruled_rates(doc)]
    assert got == [("Gebäudereinigung", "Monat", Decimal("1240.50")), ("Winterdienst", "Einsatz", Decimal("95.00"))]


def test_a_percentage_read_as_a_rate_is_no_line() -> None:
    doc = _page([(0.20, [(0.10, "(1) Work outside normal hours is charged at"), (0.70, "150"), (0.7345, "%.")])])
    note = _item("(1) Work outside normal hours is charged at", "150", 0.20)
    note.cells["unit_price"] = FieldValue(Decimal(150), 0.9, 1, (0.70, 0.20, 0.733, 0.212), "150")
    ext = Extraction("contract", 1, line_items=[_item("Electrician", "80.00", 0.12), note])
    percentages_dropped(doc, ext)
    assert [i.value("description") for i in ext.line_items] == ["Electrician"]


def test_terms_led_by_a_short_word_saying_how() -> None:
    lines = [
        "CONTRAT DE SERVICES",
        "Entre Alpha Services SARL, ci-après le Client, et Beta Travaux SAS, ci-après le Prestataire,",
        "il est convenu ce qui suit le 3 mars 2027.",
        "Le Client règle par virement à 45 jours.",
    ]
    ext = Extraction("contract", 1)
    read_opening(page_of_lines(lines), ext)
    assert (ext.value("payment_terms"), ext.value("payment_terms_days")) == ("par virement à 45 jours", 45)


def test_an_agreement_signed_on_two_dates_binds_from_the_later() -> None:
    lines = [
        "CONTRACT FOR SERVICES",
        "Harbour Works Ltd, called the Principal, appoints Quay Cleaning Ltd, called the Provider, to carry out the",
        "services below. This contract comes into force when the second of the two parties signs it.",
        "The Provider bills at the end of each month and the Principal pays within 30 days of the bill.",
        "Signed at Jamestown on 30 August 2026 Signed at Longwood on 8 September 2026",
    ]
    assert read_agreement(page_of_lines(lines))["effective_date"].value == date(2026, 9, 8)
    # one signature's date, or a date the preamble gives, stays as it is
    one = [*lines[:4], "Signed at Jamestown on 30 August 2026"]
    assert read_agreement(page_of_lines(one))["effective_date"].value == date(2026, 8, 30)
