"""Rate schedules of classes no study family printed, written for this test and read end to end (a PDF rendered
with reportlab, the pipeline with the heuristic extractor): tiers named in a list whose names share words, tiers
told by their bounds alone, service levels with their terms in cells, a rate amended in prose, a previous and a
new price on one line, day rates glued to a symbol without cents, rate sentences whose unit follows a short
linking word, and numbers in words compounded with hyphens or scale words."""

from __future__ import annotations

from decimal import Decimal

from extraction.clauserates import revised_prices, whole_amounts
from extraction.document import Word
from tests.test_extraction_contract_variations import _rates, _read

OPENING = (
    "This Services Agreement is made on 9 February 2026 between Lindqvist Analytics AB (the Customer) and "
    "Orchard Row Consulting Ltd (the Supplier)."
)
SIGNED = ("p", "Signed for the Customer: ____________    Signed for the Supplier: ____________")


def _words(*texts: str) -> list[Word]:
    return [Word(text, (0.1 + 0.06 * k, 0.2, 0.15 + 0.06 * k, 0.21), 1.0) for k, text in enumerate(texts)]


def test_list_terms_that_share_words_are_kept_whole() -> None:
    # 'Level 1 (...)', 'Level 2 (...)': the shared word and the shared closing words are the names', no template
    extraction = _read(
        [
            ("p", OPENING),
            ("p", "4. Licence fees, per licensed device and month:"),
            ("p", "Level 1 (up to 40 devices): SEK 95.00 per device/month"),
            ("p", "Level 2 (41 - 400 devices): SEK 82.50 per device/month"),
            ("p", "Level 3 (over 400 devices): SEK 70.00 per device/month"),
            SIGNED,
        ]
    )
    assert _rates(extraction) == [
        ("Level 1 (up to 40 devices)", "device/month", Decimal("95.00")),
        ("Level 2 (41 - 400 devices)", "device/month", Decimal("82.50")),
        ("Level 3 (over 400 devices)", "device/month", Decimal("70.00")),
    ]


def test_service_levels_listed_with_their_terms_in_brackets() -> None:
    # commas inside a term's brackets cut no clause: each line is one entry
    extraction = _read(
        [
            ("p", OPENING),
            ("p", "5. Support. The Customer selects one level:"),
            ("p", "Basic (response in 2 days, office hours): CAD 640.00 per month"),
            ("p", "Plus (response in 6 hours, 7x12): CAD 1,380.00 per month"),
            ("p", "Prime (response in 1 hour, 7x24): CAD 2,950.00 per month"),
            SIGNED,
        ]
    )
    assert _rates(extraction) == [
        ("Basic (response in 2 days, office hours)", "month", Decimal("640.00")),
        ("Plus (response in 6 hours, 7x12)", "month", Decimal("1380.00")),
        ("Prime (response in 1 hour, 7x24)", "month", Decimal("2950.00")),
    ]


def test_tiers_told_by_their_bounds_alone() -> None:
    # 'from - to' beside the price: the bounds are no price, though a currency follows them
    extraction = _read(
        [
            ("p", OPENING),
            ("p", "Annex B - Fees per mailbox and year"),
            (
                "table",
                [["Mailboxes", "Fee"], ["1 - 250", "NOK 310.00"], ["251 - 1,000", "NOK 275.00"]],
                [60, 420],
                ["l", "r"],
            ),
        ]
    )
    assert _rates(extraction) == [("1 - 250", None, Decimal("310.00")), ("251 - 1,000", None, Decimal("275.00"))]


def test_a_service_level_row_is_named_by_its_first_cell() -> None:
    # the response time and the availability are the level's terms, not its name
    extraction = _read(
        [
            ("p", OPENING),
            ("p", "Annex C - Service levels"),
            (
                "table",
                [
                    ["Tier", "Restore time", "Uptime", "Charge"],
                    ["Copper", "Two working days", "98.0%", "AUD 700.00"],
                    ["Steel", "12 hours", "99.0%", "AUD 1,300.00"],
                    ["Titanium", "3 hours", "99.95%", "AUD 2,600.00"],
                ],
                [60, 170, 320, 520],
                ["l", "l", "l", "r"],
            ),
        ]
    )
    assert _rates(extraction) == [
        ("Copper", None, Decimal("700.00")),
        ("Steel", None, Decimal("1300.00")),
        ("Titanium", None, Decimal("2600.00")),
    ]


def test_a_rate_amended_in_prose_reads_as_its_new_price() -> None:
    extraction = _read(
        [
            ("p", OPENING),
            ("p", "2. Variation. From 1 May 2026 Schedule 1 is varied as follows."),
            ("p", "2.1 The rate for a data engineer is raised from USD 88.00 to USD 93.00 per hour."),
            ("p", "2.2 The rate for a test lead is raised from USD 710.00 to USD 745.00 per day."),
            SIGNED,
        ]
    )
    assert _rates(extraction) == [
        ("a data engineer", "hour", Decimal("93.00")),
        ("a test lead", "day", Decimal("745.00")),
    ]


def test_a_previous_and_a_new_price_on_one_line_each_with_its_unit() -> None:
    extraction = _read(
        [
            ("p", OPENING),
            (
                "table",
                [
                    ["Role", "2025", "2026"],
                    ["Architect", "EUR 1,100.00 / day", "EUR 1,160.00 / day"],
                    ["Developer", "EUR 820.00 / day", "EUR 860.00 / day"],
                ],
                [60, 330, 500],
                ["l", "r", "r"],
            ),
        ]
    )
    assert _rates(extraction) == [("Architect", "day", Decimal("1160.00")), ("Developer", "day", Decimal("860.00"))]


def test_a_revision_is_close_to_the_price_it_revises() -> None:
    # a later price within a quarter, a mark or a short word between: the earlier one goes
    assert len(revised_prices(_words("from", "GBP", "640.00", "to", "GBP", "700.00", "per", "day"))) == 2
    # a weekend rate half as much again, prices joined by 'and', two currencies: both stay
    assert not revised_prices(_words("CHF", "120.00", "/", "CHF", "180.00"))
    assert not revised_prices(_words("GBP", "640.00", "and", "GBP", "700.00"))
    assert not revised_prices(_words("GBP", "640.00", "/", "EUR", "700.00"))


def test_day_rates_glued_to_a_symbol_without_cents() -> None:
    extraction = _read(
        [
            ("p", OPENING),
            ("p", "Fees. We bill time at the following rates, exclusive of VAT:"),
            ("p", "•  Principal: £1,650 per day"),
            ("p", "•  Consultant: £980 per day"),
            ("p", "•  Researcher: £540 per day"),
            SIGNED,
        ]
    )
    assert _rates(extraction) == [
        ("Principal", "day", Decimal("1650.00")),
        ("Consultant", "day", Decimal("980.00")),
        ("Researcher", "day", Decimal("540.00")),
    ]
    assert [w.text for w in whole_amounts(_words("£1,650", "1.200€;", "R$900", "2026", "£12.50"))] == [
        "£1,650.00",
        "1,200.00€;",
        "R$900.00",
        "2026",
        "£12.50",
    ]


def test_rates_enumerated_for_a_grade_with_the_article_the_services_share() -> None:
    extraction = _read(
        [
            ("p", OPENING),
            (
                "p",
                "Fees. We charge £1,200 per day for a director, £860 per day for a manager and £450 per day for a "
                "trainee.",
            ),
            SIGNED,
        ]
    )
    assert _rates(extraction) == [
        ("a director", "day", Decimal("1200.00")),
        ("a manager", "day", Decimal("860.00")),
        ("a trainee", "day", Decimal("450.00")),
    ]


def test_rate_sentences_in_one_paragraph_whose_unit_follows_a_short_word() -> None:
    extraction = _read(
        [
            ("p", OPENING),
            (
                "p",
                "3. Charges. For soil sampling the Customer pays NZD 540.00 a day. For lab analysis the Customer "
                "pays NZD 72.00 an hour. For courier runs the Customer pays NZD 1.80 a kilometre. Invoices follow "
                "each month.",
            ),
            SIGNED,
        ]
    )
    assert _rates(extraction) == [
        ("soil sampling", "day", Decimal("540.00")),
        ("lab analysis", "hour", Decimal("72.00")),
        ("courier runs", "kilometre", Decimal("1.80")),
    ]


def test_a_clause_after_and_that_names_its_price_later() -> None:
    extraction = _read(
        [
            ("p", OPENING),
            (
                "p",
                "4. Fees. The Customer shall pay a daily fee of seven hundred pounds (GBP 700.00) per day for the "
                "engagement lead and a daily fee of four hundred and twenty-five pounds (GBP 425.00) per day for "
                "each analyst.",
            ),
            SIGNED,
        ]
    )
    assert _rates(extraction) == [
        ("the engagement lead", "day", Decimal("700.00")),
        ("each analyst", "day", Decimal("425.00")),
    ]


def test_numbers_in_words_with_hyphens_and_scale_compounds() -> None:
    extraction = _read(
        [
            ("p", OPENING),
            ("p", "Fees:"),
            ("p", "- Fieldwork: seventy-five pounds per hour;"),
            ("p", "- Reporting: sixty-two pounds per hour;"),
            ("p", "- Steering: dreitausendfünfhundert Euro pro Monat."),
            SIGNED,
        ]
    )
    assert [(d, u, p) for d, u, p in _rates(extraction)][:2] == [
        ("Fieldwork", "hour", Decimal("75.00")),
        ("Reporting", "hour", Decimal("62.00")),
    ]
    from extraction.clauserates import _number_word

    assert _number_word("dreitausendfünfhundert") == 3500
    assert _number_word("well-known") is None


def test_service_levels_whose_response_time_reads_as_a_count() -> None:
    # '4 Stunden' under a response time and a share under an availability: no count, no tax rate; the monthly
    # charges, printed without a currency (it heads the column), are the rates
    extraction = _read(
        [
            ("p", OPENING),
            ("p", "Anlage 2 - Servicestufen"),
            (
                "table",
                [
                    ["Stufe", "Reaktion", "Erreichbarkeit", "Pauschale je Monat (EUR)"],
                    ["Bronze", "48 Stunden", "97,0 %", "380,00"],
                    ["Silber", "12 Stunden", "99,0 %", "760,00"],
                    ["Gold", "4 Stunden", "99,8 %", "1.420,00"],
                ],
                [60, 160, 280, 530],
                ["l", "l", "l", "r"],
            ),
        ]
    )
    assert _rates(extraction) == [
        ("Bronze", None, Decimal("380.00")),
        ("Silber", None, Decimal("760.00")),
        ("Gold", None, Decimal("1420.00")),
    ]
    assert [i.value("quantity") for i in extraction.line_items] == [None, None, None]


def test_a_list_whose_prices_carry_their_symbol_glued() -> None:
    # 'Surveyor - €940.00 per day': the symbol glued to the price, no bullet, a dash between term and price
    extraction = _read(
        [
            ("p", OPENING),
            ("p", "Charges:"),
            ("p", "Surveyor - €940.00 per day"),
            ("p", "Draughtsman - €610.00 per day"),
            ("p", "Site visit - €180.00 per visit"),
            SIGNED,
        ]
    )
    assert _rates(extraction) == [
        ("Surveyor", "day", Decimal("940.00")),
        ("Draughtsman", "day", Decimal("610.00")),
        ("Site visit", "visit", Decimal("180.00")),
    ]
    from extraction.clauserates import apart

    assert [w.text for w in apart(_words("€940.00", "95,00€;", "EUR"))] == ["€", "940.00", "95,00", "€;", "EUR"]


def test_a_sentence_that_lists_terms_and_prices_after_its_colon() -> None:
    # an engagement letter's grades and day rates in one sentence, no unit in any clause
    extraction = _read(
        [
            ("p", OPENING),
            (
                "p",
                "5. Fees. Time is billed at the following rates: principal CHF 2,100.00; senior adviser CHF 1,600.00; "
                "and analyst CHF 900.00.",
            ),
            SIGNED,
        ]
    )
    assert _rates(extraction) == [
        ("principal", None, Decimal("2100.00")),
        ("senior adviser", None, Decimal("1600.00")),
        ("analyst", None, Decimal("900.00")),
    ]
