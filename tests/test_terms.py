from datetime import date
from decimal import Decimal

import pytest

from extraction.terms import PaymentTerms, net_days, parse_terms
from matching.money import minor_unit, quantize


@pytest.mark.parametrize(
    ("text", "label"),
    [
        # as billing systems abbreviate them
        ("N30", "Net 30"),
        ("NET30", "Net 30"),
        ("N/60", "Net 60"),
        ("Net 30", "Net 30"),
        ("Net 10 days", "Net 10"),
        ("30 days net", "Net 30"),
        ("90", "Net 90"),
        # end of month, every way round
        ("Net 30 EOM", "Net 30 EOM"),
        ("EOM 30", "Net 30 EOM"),
        ("30 EOM", "Net 30 EOM"),
        ("60 days end of month", "Net 60 EOM"),
        ("EOM", "Net EOM"),
        # early-payment discounts
        ("2/10 N30", "2/10 Net 30"),
        ("2/10 Net 30", "2/10 Net 30"),
        ("2% 10 Net 30", "2/10 Net 30"),
        ("2% 10, Net 30", "2/10 Net 30"),
        ("2%/10 net 30", "2/10 Net 30"),
        ("1/15 net 45", "1/15 Net 45"),
        ("Net 30, 2% discount if paid within 10 days", "2/10 Net 30"),
        # due at once
        ("CIA", "Due on receipt"),
        ("COD", "Due on receipt"),
        ("C.O.D.", "Due on receipt"),
        ("PIA", "Due on receipt"),
        ("Prepaid", "Due on receipt"),
        ("Due on receipt", "Due on receipt"),
        ("payment upon receipt of invoice", "Due on receipt"),
        ("Cash in advance", "Due on receipt"),
        # due at once, by what the words say, in other languages
        ("on presentation", "Due on receipt"),
        ("sofort nach Erhalt", "Due on receipt"),
        ("Contant bij levering", "Due on receipt"),
        ("Pronto pagamento", "Due on receipt"),
        ("Rimessa diretta", "Due on receipt"),
        ("Pago al contado", "Due on receipt"),
        ("à vista", "Due on receipt"),
        # in words and in other languages
        ("payable within seventy-five days", "Net 75"),
        ("payable within forty-five (45) days", "Net 45"),
        ("thirty (30) days from the date of invoice", "Net 30"),
        ("30 Tage netto", "Net 30"),
        ("Zahlbar innerhalb 14 Tagen", "Net 14"),
        ("10 Tage 2 % Skonto, 30 Tage netto", "2/10 Net 30"),
        ("30 jours fin de mois", "Net 30 EOM"),
        ("3% 10 jours, 30 jours net", "3/10 Net 30"),
        ("à réception de facture", "Due on receipt"),
        ("60 días", "Net 60"),
        ("30 giorni data fattura", "Net 30"),
        ("30 dagen netto", "Net 30"),
        ("14 pv netto", "Net 14"),  # Finnish 'päivää' as orders print it
        ("Net 30d", "Net 30"),
        ("10 d 2%, 30 d net", "2/10 Net 30"),
    ],
)
def test_terms_as_printed(text: str, label: str) -> None:
    terms = parse_terms(text)
    assert terms is not None and terms.label == label
    assert net_days(text) == terms.net_days


def test_the_discount_never_changes_the_net_days() -> None:
    assert parse_terms("2/10 Net 30") == PaymentTerms(30, False, Decimal("2"), 10)
    assert parse_terms("1.5% 15 Net 60") == PaymentTerms(60, False, Decimal("1.5"), 15)


@pytest.mark.parametrize(
    "text",
    [
        None,
        "",
        "   ",
        "see contract",
        "as agreed",
        "2/10",
        "No invoice",
        "Delivery address",
        "Boise 1D 83702",
        "Show PO number on invoice",
        "Include a delivery note",
    ],
)
def test_unreadable_terms(text: str | None) -> None:
    assert parse_terms(text) is None
    assert net_days(text) is None


def test_due_dates_plain_and_end_of_month() -> None:
    assert PaymentTerms(30).due_dates(date(2026, 1, 15)) == {date(2026, 2, 14)}
    eom = PaymentTerms(30, end_of_month=True).due_dates(date(2026, 1, 15))
    assert eom == {date(2026, 3, 2), date(2026, 2, 28)}  # 31 Jan + 30, or 14 Feb rounded to month end


def test_minor_units() -> None:
    assert minor_unit("JPY") == Decimal("1")
    assert minor_unit("EUR") == Decimal("0.01")
    assert quantize(Decimal("10.005"), "EUR") == Decimal("10.01")
    assert quantize(Decimal("1234.5"), "JPY") == Decimal("1235")


@pytest.mark.parametrize(
    ("text", "days"),
    [
        ("à trente jours date de facture", 30),
        ("quarante-cinq jours fin de mois", 45),
        ("a cuarenta y cinco días", 45),
        ("quarantacinque giorni data fattura", 45),
        ("zahlbar innerhalb fünfundvierzig Tagen", 45),
        ("binnen vijfenveertig dagen", 45),
        ("vinte e oito dias", 28),
        ("quinze jours", 15),
        ("przelew 30 dni od daty dostawy", 30),  # Polish days
        ("splatnost 14 dní", 14),  # Czech
        # a unit alone is no number: an article, a month, an English word
        ("due on receipt", 0),
        ("sept jours", None),
    ],
)
def test_days_in_words_and_day_words_of_more_languages(text: str, days: int | None) -> None:
    assert net_days(text) == days


def test_a_discount_whose_days_stand_a_few_words_after_its_percent() -> None:
    from extraction.terms import parse_terms

    terms = parse_terms("1% skonta przy zapłacie w 8 dni, netto 30 dni")
    assert terms is not None and (terms.discount_pct, terms.discount_days, terms.net_days) == (1, 8, 30)


@pytest.mark.parametrize(
    ("text", "days", "discount"),
    [
        ("100% within 30 days", 30, None),  # the whole amount, no discount of 00 %
        ("30/60/90 dias", 60, None),  # instalments: their mean, no 30 % discount at 60 days
        ("2/10 N30", 30, Decimal("2")),
        ("on the 25th of the month of invoice", 25, None),  # a day of the invoice's month
        ("20th of the month following", 50, None),  # of the next month: 30 days on
        ("by the end of the month following the month of invoice", 60, None),
        ("straks", 0, None),  # due at once in Danish, one pattern with 'on receipt'
    ],
)
def test_instalments_a_whole_percent_and_a_day_of_the_month(text: str, days: int, discount: Decimal | None) -> None:
    terms = parse_terms(text)
    assert terms is not None and terms.net_days == days and terms.discount_pct == discount


@pytest.mark.parametrize(
    ("text", "days"),
    [
        # a case CLDR does not list, its stress moved: the forms' stem, accents optional
        ("Πληρωμή εντός 45 ημερών", 45),
        # an adjective between the number and its days (bank, calendar, working days counted as printed)
        ("протягом 20 банківських днів", 20),
        ("Плащане до 45 календарни дни", 45),
        ("Исплата у року од 30 радних дана", 30),
        # the whole sum paid before by a paying word with 100 %: due at once
        ("Przedpłata 100%", 0),
        ("Передплата 100 %", 0),
        ("100 % Vorauszahlung", 0),
    ],
)
def test_days_in_other_cases_after_an_adjective_and_full_prepayment(text: str, days: int) -> None:
    assert net_days(text) == days


def test_a_hundred_percent_without_a_paying_word_is_no_terms() -> None:
    assert net_days("3% auf 100% Ware") is None


@pytest.mark.parametrize(
    ("text", "days"),
    [
        # a month's fees paid when the month is over: a month on
        ("monthly in arrears", 30),
        ("mensualmente vencido", 30),
        # due on an event or ahead of the period: at once
        ("on completion of each milestone", 0),
        ("por mes adelantado", 0),
        ("quarterly in advance", 0),
        ("30 days after completion", 30),  # days counted from the event stay days
    ],
)
def test_a_contracts_terms_in_arrears_in_advance_or_on_completion(text: str, days: int) -> None:
    assert net_days(text) == days
