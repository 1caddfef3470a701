"""Contracts in layouts no blind family prints, written for this test and read end to end (a PDF rendered with
reportlab, the service's pipeline with the heuristic extractor): rates in two columns, an annex table with a
currency and a unit column, a 'per day' basis column, lettered rate clauses, two rate sentences on one line, a
term that starts after the signing, payment terms in languages whose day word CLDR knows."""

from __future__ import annotations

import io
from datetime import date
from decimal import Decimal

import pytest
from reportlab.lib.pagesizes import A4
from reportlab.lib.utils import simpleSplit
from reportlab.pdfgen import canvas

from extraction.heuristic import HeuristicExtractor
from extraction.pipeline import extract
from extraction.result import Extraction
from extraction.terms import net_days

WIDTH, HEIGHT = A4


def _pdf(blocks: list[tuple]) -> bytes:  # type: ignore[type-arg]
    """('p', text) a paragraph; ('cols', left lines, right lines) two columns; ('table', rows, xs, aligns)."""
    buffer = io.BytesIO()
    page = canvas.Canvas(buffer, pagesize=A4)
    y = HEIGHT - 60
    for kind, *rest in blocks:
        if kind == "p":
            page.setFont("Helvetica", 10)
            for line in simpleSplit(rest[0], "Helvetica", 10, WIDTH - 120):
                page.drawString(60, y, line)
                y -= 14
            y -= 6
        elif kind == "cols":
            page.setFont("Helvetica", 10)
            for k, (left, right) in enumerate(zip(rest[0], rest[1], strict=True)):
                page.drawString(60, y - 18 * k, left)
                page.drawString(WIDTH / 2 + 10, y - 18 * k, right)
            y -= 18 * len(rest[0]) + 6
        else:
            rows, xs, aligns = rest
            for r, row in enumerate(rows):
                page.setFont("Helvetica-Bold" if r == 0 else "Helvetica", 10)
                for cell, x, align in zip(row, xs, aligns, strict=True):
                    (page.drawRightString if align == "r" else page.drawString)(x, y, cell)
                y -= 14
            y -= 6
    page.save()
    return buffer.getvalue()


def _read(blocks: list[tuple]) -> Extraction:  # type: ignore[type-arg]
    return extract(_pdf(blocks), "contract.pdf", "contract", extractor=HeuristicExtractor())[1]


def _rates(extraction: Extraction) -> list[tuple[object, object, object]]:
    return [(i.value("description"), i.value("unit"), i.value("unit_price")) for i in extraction.line_items]


def _value(extraction: Extraction, name: str) -> object:
    cell = extraction.fields.get(name)
    return None if cell is None else cell.value


OPENING = (
    "This Services Agreement is made on 3 March 2026 between Northgate Facilities Limited (the Client) and "
    "Harrow & Pike Engineering Ltd (the Contractor)."
)


def test_rates_in_two_columns_each_term_with_its_own_price() -> None:
    # 'Term: GBP 85.00 per hour' twice a line: the colon parts a term from its price, no clauses of one sentence
    extraction = _read(
        [
            ("p", OPENING),
            ("p", "2. Charges. The Contractor shall charge the following rates (GBP, excluding VAT):"),
            (
                "cols",
                ["Site engineer: GBP 85.00 per hour", "Crane hire: GBP 1,250.00 per day"],
                ["Scaffold inspection: GBP 240.00 per visit", "Storage container: GBP 320.00 per month"],
            ),
            ("p", "3. Payment. Invoices are payable within forty-five (45) days of receipt."),
        ]
    )
    assert sorted(_rates(extraction)) == [
        ("Crane hire", "day", Decimal("1250.00")),
        ("Scaffold inspection", "visit", Decimal("240.00")),
        ("Site engineer", "hour", Decimal("85.00")),
        ("Storage container", "month", Decimal("320.00")),
    ]


def test_an_annex_table_under_its_title_with_currency_and_unit_columns() -> None:
    # the title right over the header is no header line; 'per trip' in the unit column is a trip
    extraction = _read(
        [
            ("p", OPENING),
            ("p", "Annex 1 - Price schedule"),
            (
                "table",
                [
                    ["Service", "Unit", "Currency", "Price"],
                    ["Full truck load, domestic", "per trip", "EUR", "640.00"],
                    ["Pallet storage", "per pallet / month", "EUR", "7.50"],
                    ["Driver waiting time", "per hour", "EUR", "38.00"],
                ],
                [60, 260, 400, 520],
                ["l", "l", "l", "r"],
            ),
        ]
    )
    assert _rates(extraction) == [
        ("Full truck load, domestic", "trip", Decimal("640.00")),
        ("Pallet storage", "pallet / month", Decimal("7.50")),
        ("Driver waiting time", "hour", Decimal("38.00")),
    ]


def test_a_basis_column_of_per_units_and_a_paragraph_after_the_table() -> None:
    # a column nothing names whose cells read 'per day' is the unit; 'Payment terms: ...' under the table, from
    # the code column into the description's, is no wrapped description
    extraction = _read(
        [
            ("p", OPENING),
            (
                "table",
                [
                    ["Item", "Description", "Rate", "Basis"],
                    ["1", "Dive team (3 persons)", "AUD 3,850.00", "per day"],
                    ["2", "Underwater inspection report", "AUD 1,200.00", "per report"],
                    ["3", "Mobilisation", "AUD 5,000.00", "lump sum"],
                ],
                [60, 100, 400, 470],
                ["l", "l", "r", "l"],
            ),
            ("p", "Payment terms: 14 days end of month."),
        ]
    )
    assert [(d, u, p) for d, u, p in _rates(extraction)] == [
        ("Dive team (3 persons)", "day", Decimal("3850.00")),
        ("Underwater inspection report", "report", Decimal("1200.00")),
        ("Mobilisation", "lump sum", Decimal("5000.00")),
    ]
    assert _value(extraction, "payment_terms_days") == 14


def test_lettered_rate_clauses_without_their_letters_or_linking_words() -> None:
    extraction = _read(
        [
            ("p", OPENING),
            ("p", "Compensation. The Client shall pay the Contractor as follows:"),
            ("p", "(a) a retainer of USD 4,500.00 per month;"),
            ("p", "(b) field work at USD 950.00 per diem;"),
            ("p", "(c) survey kits at USD 12.75 per unit;"),
        ]
    )
    assert _rates(extraction) == [
        ("a retainer", "month", Decimal("4500.00")),
        ("field work", "diem", Decimal("950.00")),
        ("survey kits", "unit", Decimal("12.75")),
    ]


def test_fees_in_words_wrapped_after_per_are_no_prose_list() -> None:
    # two lines of one amount each, the first wrapped after 'per': the sentence's rates, not two lines of a list
    extraction = _read(
        [
            ("p", OPENING),
            (
                "p",
                "The Client shall pay the Contractor a fee of two thousand four hundred pounds (GBP 2,400.00) per "
                "quarter for routine maintenance, and one hundred and twenty pounds (GBP 120.00) per hour for "
                "emergency call-outs.",
            ),
        ]
    )
    assert _rates(extraction) == [
        ("routine maintenance", "quarter", Decimal("2400.00")),
        ("emergency call-outs", "hour", Decimal("120.00")),
    ]


def test_two_rate_sentences_on_one_line() -> None:
    extraction = _read(
        [
            ("p", OPENING),
            ("p", "2. Fees. Annual support: GBP 18,000.00 per year. Consultancy: GBP 1,150.00 per day."),
        ]
    )
    assert _rates(extraction) == [
        ("Annual support", "year", Decimal("18000.00")),
        ("Consultancy", "day", Decimal("1150.00")),
    ]


def test_a_term_that_starts_after_the_signing_dates_the_contract() -> None:
    extraction = _read(
        [
            ("p", OPENING),
            ("p", "1. Term. This Agreement commences on 1 April 2026 and continues for eighteen (18) months."),
        ]
    )
    assert _value(extraction, "effective_date") == date(2026, 4, 1)
    assert _value(extraction, "expiry_date") == date(2027, 9, 30)


def test_a_milestone_table_of_later_dates_leaves_the_signing_date() -> None:
    extraction = _read(
        [
            ("p", OPENING + " The work ends not later than 3 March 2027."),
            (
                "table",
                [
                    ["Stage", "Deliverable", "Target", "Fee"],
                    ["M1", "Design sign-off", "April 18, 2026", "10,636.92"],
                    ["M2", "Go-live", "June 30, 2026", "70,975.80"],
                ],
                [60, 100, 330, 520],
                ["l", "l", "l", "r"],
            ),
        ]
    )
    assert _value(extraction, "effective_date") == date(2026, 3, 3)


@pytest.mark.parametrize(
    ("text", "days"),
    [("v 60 dneh", 60), ("30 napon belül", 30), ("30 dana", 30), ("30 dienų", 30), ("30 ημέρες", 30)],
)
def test_day_words_cldr_knows_and_their_case_endings(text: str, days: int) -> None:
    assert net_days(text) == days


def test_a_page_of_pages_is_no_payment_term() -> None:
    # '1 (1)' under the signatures: a count needs its unit, the Slovenian 'dneh' is days
    extraction = _read(
        [
            ("p", OPENING),
            ("p", "2. Cene so v EUR brez DDV. Plačilo v 60 dneh."),
            ("p", "1 (1)"),
        ]
    )
    assert _value(extraction, "payment_terms_days") == 60


def test_an_order_form_whose_seat_and_total_captions_name_nothing_keeps_its_unit_column() -> None:
    # 'Users' names no column, 'Yearly charge' a second price: the rows' arithmetic names those two, the printed
    # 'Unit' caption keeps the column under it ('workstation/year': too long a word for a unit found by shape)
    extraction = _read(
        [
            ("p", OPENING),
            (
                "table",
                [
                    ["Service", "Users", "Unit", "Rate per user", "Yearly charge (EUR)"],
                    ["Fleet tracking", "12", "device/month", "45.00", "540.00"],
                    ["Route planner", "3", "seat/month", "120.50", "361.50"],
                    ["Archive storage", "2", "workstation/year", "80.00", "160.00"],
                ],
                [60, 230, 280, 420, 545],
                ["l", "r", "l", "r", "r"],
            ),
        ]
    )
    assert [(i.value("description"), i.value("quantity"), i.value("unit")) for i in extraction.line_items] == [
        ("Fleet tracking", Decimal("12"), "device/month"),
        ("Route planner", Decimal("3"), "seat/month"),
        ("Archive storage", Decimal("2"), "workstation/year"),
    ]


def test_a_headerless_table_reads_units_per_unit_by_their_parts() -> None:
    # no caption at all: the rows multiply out, and the short words after each count are their units
    extraction = _read(
        [
            ("p", OPENING),
            (
                "table",
                [
                    ["", "", "", "", ""],
                    ["Fleet tracking", "12", "device/month", "45.00", "540.00"],
                    ["Route planner", "3", "seat/month", "120.50", "361.50"],
                    ["Data export", "4", "user/month", "25.00", "100.00"],
                ],
                [60, 230, 240, 440, 540],
                ["l", "r", "l", "r", "r"],
            ),
        ]
    )
    assert [i.value("unit") for i in extraction.line_items] == ["device/month", "seat/month", "user/month"]


def test_a_rate_table_with_a_date_and_a_remark_after_each_price() -> None:
    # captions no reader knows; after the price the day it applies from and a remark: columns of their own
    extraction = _read(
        [
            ("p", OPENING),
            ("p", "Schedule 2 - Rates"),
            (
                "table",
                [
                    ["Role", "Basis", "Rate (GBP)", "From", "Remarks"],
                    ["Site supervisor", "hour", "68.40", "01.04.2026", "weekdays"],
                    ["Crane operator", "shift", "512.00", "01.04.2026", "plus 25 % at night"],
                    ["Welding inspection", "visit", "1,150.00", "01.04.2026", "incl. report"],
                ],
                [60, 230, 350, 362, 440],
                ["l", "l", "r", "l", "l"],
            ),
        ]
    )
    assert _rates(extraction) == [
        ("Site supervisor", "hour", Decimal("68.40")),
        ("Crane operator", "shift", Decimal("512.00")),
        ("Welding inspection", "visit", Decimal("1150.00")),
    ]


def test_a_term_length_outlasts_the_milestones_due_in_its_schedule() -> None:
    # the term's end is its start and length; the later dates in the priced schedule rows are milestones
    extraction = _read(
        [
            ("p", OPENING),
            ("p", "1. The Services start on 3 March 2026 and run for twelve (12) months."),
            (
                "table",
                [
                    ["Stage", "Deliverable", "Due", "Fee (GBP)"],
                    ["M1", "Survey report", "18 April 2026", "10,636.92"],
                    ["M2", "Handover", "30 June 2026", "70,975.80"],
                ],
                [60, 100, 330, 520],
                ["l", "l", "l", "r"],
            ),
        ]
    )
    assert _value(extraction, "effective_date") == date(2026, 3, 3)
    assert _value(extraction, "expiry_date") == date(2027, 3, 2)


def test_numbered_rate_sentences_whose_service_follows_the_unit() -> None:
    # each rate its own numbered clause ('3.' stands between two sentences): still one run of rate sentences
    extraction = _read(
        [
            ("p", OPENING),
            ("p", "2. Le Prestataire facture EUR 92,50 par heure pour la conduite de chantier."),
            ("p", "3. Le Prestataire facture EUR 700,00 par jour pour le relevé topographique."),
            ("p", "4. Le Prestataire facture EUR 1,25 par kilomètre pour le déplacement."),
        ]
    )
    assert _rates(extraction) == [
        ("la conduite de chantier", "heure", Decimal("92.50")),
        ("le relevé topographique", "jour", Decimal("700.00")),
        ("le déplacement", "kilomètre", Decimal("1.25")),
    ]
