"""Contract rates written in words, enumerated in one sentence by commas and 'and', and a price sentence among
rates that print a currency code (contracts9)."""

from decimal import Decimal

from extraction.clauserates import enumerated_rates, spelled_amounts, spelled_number, with_whole_amounts
from extraction.document import Document, Page
from extraction.ratelists import read_rate_list
from extraction.rates import read_rates
from extraction.result import Extraction
from tests.fixtures_docs import page_of_lines, words_at


def _texts(line: str) -> list[str]:
    words = words_at(line, 0.1, 0.1)
    spelled = spelled_amounts(words)
    return [n.text for w in words for n in spelled.get(id(w), [w])]


def test_numbers_in_words_in_the_languages_contracts_use() -> None:
    for words, value in (
        ("one thousand two hundred and fifty", 1250),
        ("twenty-five thousand", 25000),
        ("deux mille cinq cents", 2500),
        ("mil doscientos cincuenta", 1250),
        ("zweitausendfünfhundert", 2500),
        ("nine hundred and eighty", 980),
    ):
        assert spelled_number(words.split()) == value
    assert spelled_number(["site", "visit"]) is None


def test_a_price_in_words_before_a_currency_is_written_in_figures() -> None:
    assert _texts("Standby: four thousand one hundred rand and fifty cents per day;") == [
        "Standby:", "4,100.50", "ZAR", "per", "day;",
    ]  # fmt: skip
    assert _texts("Forfait : deux mille cinq cents euros par mois") == [
        "Forfait",
        ":",
        "2,500.00",
        "EUR",
        "par",
        "mois",
    ]
    # figures in brackets repeat the words: the figures are the price
    assert _texts("pays two thousand euros (EUR 2,000.00) per month") == ["pays", "EUR", "2,000.00", "per", "month"]
    # a number in words before anything but a currency stays as printed
    assert _texts("within thirty days of the invoice") == ["within", "thirty", "days", "of", "the", "invoice"]


def test_a_rate_list_whose_prices_are_written_in_words() -> None:
    doc = page_of_lines(
        [
            "SCHEDULE A - FEES",
            "Site inspection: one thousand two hundred and fifty rand per visit",
            "Senior engineer: nine hundred and eighty rand per hour",
            "Standby: four thousand one hundred rand per day",
        ]
    )
    extraction = Extraction("contract", 1, {})
    read_rate_list(doc, extraction)
    assert [(i.value("description"), i.value("unit"), i.value("unit_price")) for i in extraction.line_items] == [
        ("Site inspection", "visit", Decimal("1250.00")),
        ("Senior engineer", "hour", Decimal("980.00")),
        ("Standby", "day", Decimal("4100.00")),
    ]


def test_rates_enumerated_by_commas_and_a_last_and() -> None:
    doc = page_of_lines(
        [
            "The Provider charges ZAR 1,250.00 per visit for site inspection, ZAR 980.00 per hour for",
            "engineering and ZAR 4,100.00 per day for standby.",
        ]
    )
    items = enumerated_rates(doc)
    assert [(i.value("description"), i.value("unit"), i.value("unit_price")) for i in items] == [
        ("site inspection", "visit", Decimal("1250.00")),
        ("engineering", "hour", Decimal("980.00")),
        ("standby", "day", Decimal("4100.00")),
    ]


def test_a_sentence_whose_amount_no_code_follows_is_no_rate_beside_rates_that_print_one() -> None:
    lines = [
        "A deposit of ZAR 10,000.00 is payable on signature.",
        "- Site inspection 1,250.00 ZAR per visit.",
        "- Standby 4,100.00 ZAR per day.",
    ]
    words = [w for k, line in enumerate(lines) for w in words_at(line, 0.1, 0.1 + 0.03 * k)]
    extraction = Extraction("contract", 1, {})
    read_rates(Document([Page(1, 595, 842, words, "text")]), extraction)
    assert [i.value("description") for i in extraction.line_items] == ["Site inspection", "Standby"]


def test_a_local_currency_letter_and_thousands_a_space_sets_apart() -> None:
    # 'R' is the rand where South Africans print it (Babel's data), glued to the price or before it
    words = [
        w
        for k, line in enumerate(["Site inspection: R1 250,00 per visit", "Senior engineer: R 980,50 per hour"])
        for w in words_at(line, 0.1, 0.1 + 0.03 * k, char=0.008)
    ]
    doc = with_whole_amounts(Document([Page(1, 595, 842, words, "text")]))
    assert [w.text for w in doc.pages[0].words] == [
        "Site", "inspection:", "ZAR", "1 250,00", "per", "visit", "Senior", "engineer:", "ZAR", "980,50", "per", "hour",
    ]  # fmt: skip
    extraction = Extraction("contract", 1, {})
    read_rate_list(doc, extraction)
    assert [(i.value("description"), i.value("unit_price")) for i in extraction.line_items] == [
        ("Site inspection", Decimal("1250.00")),
        ("Senior engineer", Decimal("980.50")),
    ]


def test_an_enumeration_whose_opening_has_commas_and_a_semicolon_read_as_a_colon() -> None:
    # a scan reads one semicolon as a colon; the opening's commas part no rate
    doc = page_of_lines(
        [
            "4.1 The Client shall pay the Provider, in EUR and exclusive of VAT, €851.06 per day for project",
            "management; €585.26 per audit for annual compliance audit: and €846.78 per call-out for emergency",
            "call-out.",
        ]
    )
    assert [(i.value("description"), i.value("unit_price")) for i in enumerated_rates(doc)] == [
        ("project management", Decimal("851.06")),
        ("annual compliance audit", Decimal("585.26")),
        ("emergency call-out", Decimal("846.78")),
    ]


def test_rates_behind_leader_dots_are_a_list_not_sentences() -> None:
    # 'term ........ price / unit' one a line: the leader's dots end no sentence whose service follows the unit
    doc = page_of_lines(
        [
            "Tariffs of the services",
            "Bookkeeping advice ................................ 216 018,60 AMD / hour",
            "Tax reporting ............................................ 326 344,20 AMD / month",
            "Northwind Traders LLC Contoso Services LLC",
        ]
    )
    extraction = Extraction(doc_type="contract", page_count=1, model_version="test")
    read_rates(doc, extraction)
    assert [(i.value("description"), i.value("unit_price"), i.value("unit")) for i in extraction.line_items] == [
        ("Bookkeeping advice", Decimal("216018.60"), "hour"),
        ("Tax reporting", Decimal("326344.20"), "month"),
    ]
