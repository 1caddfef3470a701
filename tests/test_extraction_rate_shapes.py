"""Contract rates whose unit stands anywhere beside the amount (``extraction.perunits``, ``rates17``): in brackets
after it, set off before it, in a cell of its own in any column, after a range or before a note. Words, services
and languages of neither ``training/factory/ratefuzz.py`` nor ``training/factory/ratespace.py``; pages rendered by
``ratefuzz.render`` and read end to end by the pipeline with the heuristic extractor."""

from __future__ import annotations

from decimal import Decimal

from tests.test_extraction_contract_variations import _rates
from tests.test_extraction_per_unit_rates import OPENING, _read


def test_the_unit_in_brackets_after_the_price() -> None:
    extraction = _read(
        [
            ("p", OPENING),
            ("p", "Bijlage 3 - Tarieven"),
            ("p", "• Dakinspectie: 145,00 EUR (per inspectie)"),
            ("p", "• Goottenreiniging: 62,50 EUR [m]"),
            ("p", "• Spoedservice: 210,00 EUR (uur)"),
        ]
    )
    assert _rates(extraction) == [
        ("Dakinspectie", "inspectie", Decimal("145.00")),
        ("Goottenreiniging", "m", Decimal("62.50")),
        ("Spoedservice", "uur", Decimal("210.00")),
    ]


def test_the_unit_set_off_before_the_price() -> None:
    # Portuguese (Portugal): 'por' before the unit, a bracket or a comma around it, the price after a colon or dash
    extraction = _read(
        [
            ("p", OPENING),
            ("p", "Anexo II - Preçário"),
            ("p", "Poda de árvores (por árvore): 38,00 €"),
            ("p", "Rega automática, por mês – 120,00 €"),
            ("p", "Recolha de resíduos (por tonelada): 95,00 €"),
        ]
    )
    assert _rates(extraction) == [
        ("Poda de árvores", "árvore", Decimal("38.00")),
        ("Rega automática", "mês", Decimal("120.00")),
        ("Recolha de resíduos", "tonelada", Decimal("95.00")),
    ]


def test_a_table_whose_unit_column_comes_first() -> None:
    # no caption, no 'per': the unit is the column of short cells, the service the other
    extraction = _read(
        [
            ("p", OPENING),
            ("p", "Schedule 4 - Charges"),
            (
                "table",
                [
                    ["pallet", "NZD 14.20", "Ambient warehousing of dry goods"],
                    ["crate", "NZD 9.75", "Cross-docking of chilled freight"],
                    ["trip", "NZD 310.00", "Linehaul Auckland to Hamilton"],
                ],
                [60, 230, 250],
                ["l", "r", "l"],
                False,
            ),
        ]
    )
    assert _rates(extraction) == [
        ("Ambient warehousing of dry goods", "pallet", Decimal("14.20")),
        ("Cross-docking of chilled freight", "crate", Decimal("9.75")),
        ("Linehaul Auckland to Hamilton", "trip", Decimal("310.00")),
    ]


def test_a_range_and_a_minimum_read_as_the_least_charged() -> None:
    extraction = _read(
        [
            ("p", OPENING),
            ("p", "Appendix B"),
            ("p", "Asbestos survey: AUD 420.00 – 650.00 per building"),
            ("p", "Air monitoring: AUD 180.00 per day (minimum 2 days)"),
            ("p", "Clearance inspection: AUD 390.00–480.00 per visit"),
        ]
    )
    assert _rates(extraction) == [
        ("Asbestos survey", "building", Decimal("420.00")),
        ("Air monitoring", "day", Decimal("180.00")),
        ("Clearance inspection", "visit", Decimal("390.00")),
    ]


def test_tiers_with_a_band_of_counts_and_a_price_per_a_thousand() -> None:
    # the band's numbers are no price and no service; the code glued to its number ('B1') is no amount
    extraction = _read(
        [
            ("p", OPENING),
            ("p", "Pricing"),
            (
                "table",
                [
                    ["B1", "1 – 250", "USD 0.0450 per 1,000 calls"],
                    ["B2", "251 – 2,000", "USD 0.0380 per 1,000 calls"],
                ],
                [60, 130, 300],
                ["l", "l", "l"],
                False,
            ),
        ]
    )
    assert _rates(extraction) == [
        ("B1", "1,000 calls", Decimal("0.0450")),
        ("B2", "1,000 calls", Decimal("0.0380")),
    ]


def test_a_service_level_table_is_no_schedule_of_units() -> None:
    # three text cells and a percentage beside the price: the cells are no (service, unit) pair
    extraction = _read(
        [
            ("p", OPENING),
            ("p", "Annex C - Service levels"),
            (
                "table",
                [
                    ["Bronze", "Next business day", "97.5%", "CAD 450.00"],
                    ["Gold", "Four hours", "99.9%", "CAD 1,850.00"],
                ],
                [60, 170, 320, 520],
                ["l", "l", "l", "r"],
                False,
            ),
        ]
    )
    assert [(d, p) for d, _, p in _rates(extraction)] == [("Bronze", Decimal("450.00")), ("Gold", Decimal("1850.00"))]
