"""Rates read by their structure, an amount tied to a unit by a slash or a word meaning 'per' (``extraction.perunits``),
in words, currencies and languages neither the study sets nor ``training/factory/ratefuzz.py`` print: rendered
pages (``ratefuzz.render``) read end to end by the pipeline with the heuristic extractor."""

from __future__ import annotations

from decimal import Decimal

from extraction.heuristic import HeuristicExtractor
from extraction.perunits import PER_WORDS
from extraction.pipeline import extract
from extraction.result import Extraction
from tests.test_extraction_contract_variations import _rates
from training.factory.ratefuzz import render


def _read(blocks: list[tuple]) -> Extraction:  # type: ignore[type-arg]
    """A page rendered in DejaVu Sans (letters of any European language), read as a contract."""
    return extract(render(blocks), "contract.pdf", "contract", extractor=HeuristicExtractor())[1]


OPENING = (
    "This Maintenance Agreement is made on 14 April 2026 between Saltmarsh Orchards Ltd (the Customer) and "
    "Vesterby Teknik ApS (the Contractor)."
)


def test_per_words_come_from_cldr_in_many_languages() -> None:
    # Polish, German, French, Spanish, Czech, Romanian, Greek, Russian, Indonesian: Babel's per-unit patterns
    assert {"na", "pro", "par", "por", "za", "pe", "ανά", "на", "setiap"} <= PER_WORDS


def test_a_list_with_leader_dots_between_the_service_and_its_price() -> None:
    extraction = _read(
        [
            ("p", OPENING),
            ("p", "Příloha 2 - Ceník"),
            ("p", "Kalibrace váhy .................... 1 250,00 Kč za kus"),
            ("p", "Servisní výjezd ................... 890,00 Kč za výjezd"),
            ("p", "Práce technika ...................... 640,00 Kč za hodinu"),
        ]
    )
    assert _rates(extraction) == [
        ("Kalibrace váhy", "kus", Decimal("1250.00")),
        ("Servisní výjezd", "výjezd", Decimal("890.00")),
        ("Práce technika", "hodinu", Decimal("640.00")),
    ]


def test_prices_glued_to_a_local_symbol_and_a_slashed_unit() -> None:
    # 'Ft/óra': the forint's letters and the hour glued by a slash, the thousands set apart by a space
    extraction = _read(
        [
            ("p", OPENING),
            ("p", "5. Díjak (HUF, ÁFA nélkül)"),
            ("p", "• Gépkezelő: 12 500,00 Ft/óra"),
            ("p", "• Kiszállás: 9 800,00 Ft/alkalom"),
        ]
    )
    assert _rates(extraction) == [
        ("Gépkezelő", "óra", Decimal("12500.00")),
        ("Kiszállás", "alkalom", Decimal("9800.00")),
    ]


def test_rates_in_the_right_column_beside_wrapped_clauses() -> None:
    # the left column's text shares each rate's line: the service is the phrase nearest the amount
    extraction = _read(
        [
            ("p", OPENING),
            (
                "cols",
                ["1. Orchard spraying is done at dawn.", "2. Ladders are the Contractor's.", "3. Waste is removed."],
                ["Spraying: NZD 140.00 per hectare", "Pruning: NZD 55.00 per tree", "Mulching: NZD 12.50 per bag"],
            ),
        ]
    )
    assert _rates(extraction) == [
        ("Spraying", "hectare", Decimal("140.00")),
        ("Pruning", "tree", Decimal("55.00")),
        ("Mulching", "bag", Decimal("12.50")),
    ]


def test_entries_parted_by_semicolons_after_a_colon() -> None:
    extraction = _read(
        [
            ("p", OPENING),
            ("p", "The Lessee pays: pallet storage USD 4.50 per pallet; forklift hire USD 310.00 per day."),
        ]
    )
    assert _rates(extraction) == [
        ("pallet storage", "pallet", Decimal("4.50")),
        ("forklift hire", "day", Decimal("310.00")),
    ]


def test_entries_that_open_on_their_price() -> None:
    extraction = _read(
        [
            ("p", OPENING),
            ("p", "Ansätze:"),
            ("p", "CHF 180.00 pro Stunde – Elektroinstallation"),
            ("p", "CHF 95.00 pro Kilometer – Anfahrt"),
        ]
    )
    assert _rates(extraction) == [
        ("Elektroinstallation", "Stunde", Decimal("180.00")),
        ("Anfahrt", "Kilometer", Decimal("95.00")),
    ]


def test_rate_sentences_whose_currency_stands_on_either_side() -> None:
    # 'beträgt EUR 85,00' beside 'beträgt 60,00 EUR': the code is no word of the template; 'für' after a noun is a
    # preposition, no article the services share
    extraction = _read(
        [
            ("p", OPENING),
            (
                "p",
                "Die Pauschale für Winterdienst beträgt EUR 85,00 pro Einsatz. Die Pauschale für Laubräumung beträgt "
                "60,00 EUR pro Einsatz. Die Pauschale für Heckenschnitt beträgt EUR 44,00 pro Stunde.",
            ),
        ]
    )
    assert _rates(extraction) == [
        ("Winterdienst", "Einsatz", Decimal("85.00")),
        ("Laubräumung", "Einsatz", Decimal("60.00")),
        ("Heckenschnitt", "Stunde", Decimal("44.00")),
    ]


def test_a_currency_column_between_the_unit_and_the_amount() -> None:
    extraction = _read(
        [
            ("p", OPENING),
            ("p", "Annex A - Unit prices"),
            (
                "table",
                [["Pallet wrap", "roll", "DKK", "64.00"], ["Corner board", "piece", "DKK", "3.20"]],
                [60, 260, 380, 520],
                ["l", "l", "l", "r"],
                True,
            ),
        ]
    )
    assert _rates(extraction) == [
        ("Pallet wrap", "roll", Decimal("64.00")),
        ("Corner board", "piece", Decimal("3.20")),
    ]
