"""Random but valid business values: parties, tax ids, money in locale formats, dates, payment terms."""

from __future__ import annotations

import random
from dataclasses import dataclass
from datetime import date, timedelta
from decimal import ROUND_HALF_UP, Decimal

from stdnum.eu import vat as eu_vat
from stdnum.us import ein as us_ein

from training.factory import vocab

CENT = Decimal("0.01")

# Number styles: (thousands separator, decimal separator).
NUMBER_STYLES = {"en": (",", "."), "de": (".", ","), "fr": (" ", ","), "ch": ("'", "."), "plain": ("", ".")}

# currency -> (symbol, number styles it is usually printed with, countries)
CURRENCIES = {
    "USD": ("$", ["en", "plain"], ["US"]),
    "EUR": ("€", ["de", "en", "fr"], ["DE", "FR", "NL", "IT", "AT", "BE"]),
    "GBP": ("£", ["en"], ["GB"]),
    "CHF": ("CHF", ["ch", "de"], ["CH"]),
    "CAD": ("$", ["en"], ["CA"]),
    "AUD": ("$", ["en"], ["AU"]),
    "SEK": ("kr", ["fr", "de"], ["SE"]),
    "PLN": ("zł", ["fr", "de"], ["PL"]),
}
CURRENCY_WEIGHTS = {"USD": 5, "EUR": 6, "GBP": 2, "CHF": 1, "CAD": 1, "AUD": 1, "SEK": 1, "PLN": 1}
TAX_RATES = {
    "US": ["0", "6.25", "7", "8.25"],
    "GB": ["20", "5", "0"],
    "DE": ["19", "7"],
    "AT": ["20", "10"],
    "FR": ["20", "10", "5.5"],
    "NL": ["21", "9"],
    "BE": ["21", "6"],
    "IT": ["22", "10"],
    "CH": ["8.1", "2.6"],
    "CA": ["13", "5"],
    "AU": ["10"],
    "SE": ["25", "12"],
    "PL": ["23", "8"],
}
TAX_LABELS = {"US": "Sales Tax", "CA": "GST/HST", "AU": "GST", "CH": "MWST"}

# (printed text, net days). Days follow the contract: "2/10 Net 30" -> 30, due on receipt -> 0.
PAYMENT_TERMS = [
    ("Net 30", 30),
    ("Net 45", 45),
    ("Net 60", 60),
    ("Net 15", 15),
    ("Net 10", 10),
    ("Net 90", 90),
    ("2/10 Net 30", 30),
    ("1/10 Net 45", 45),
    ("2% 10, Net 30", 30),
    ("Due on receipt", 0),
    ("Payable on receipt", 0),
    ("60 days end of month", 60),
    ("30 days end of month", 30),
    ("30 days net", 30),
    ("14 days net", 14),
    ("Net 30 days", 30),
    ("Payment within 14 days", 14),
    ("45 days from invoice date", 45),
    ("30 days from date of invoice", 30),
    ("Cash on delivery", 0),
    ("Immediate", 0),
]

MONTHS = [
    "January",
    "February",
    "March",
    "April",
    "May",
    "June",
    "July",
    "August",
    "September",
    "October",
    "November",
    "December",
]
DATE_FORMATS = [
    "iso",
    "dmy_dot",
    "mdy_slash",
    "dmy_slash",
    "mon_d_y",
    "month_d_y",
    "d_mon_y",
    "d_mon_y_dash",
    "d_month_y",
    "dmy_dash",
]
NUMBER_WORDS = {
    0: "zero",
    10: "ten",
    14: "fourteen",
    15: "fifteen",
    30: "thirty",
    45: "forty-five",
    60: "sixty",
    90: "ninety",
    20: "twenty",
    7: "seven",
    21: "twenty-one",
    28: "twenty-eight",
    120: "one hundred twenty",
}


def q2(value: Decimal) -> Decimal:
    return value.quantize(CENT, rounding=ROUND_HALF_UP)


def dec_str(value: Decimal) -> str:
    """The contract's decimal string: plain, no exponent."""
    return format(value, "f")


def format_number(value: Decimal, style: str, places: int = 2) -> str:
    thousands, decimal_sep = NUMBER_STYLES[style]
    quant = Decimal(1).scaleb(-places)
    text = format(value.quantize(quant, rounding=ROUND_HALF_UP), f",.{places}f")
    return text.replace(",", "\x00").replace(".", decimal_sep).replace("\x00", thousands)


def format_quantity(value: Decimal, style: str) -> str:
    if value == value.to_integral_value():
        return format_number(value, style, 0)
    exponent = value.as_tuple().exponent  # an int for a finite Decimal ('n'/'N'/'F' only for NaN and infinity)
    places = -exponent if isinstance(exponent, int) and exponent < 0 else 0
    return format_number(value, style, places)


def format_date(value: date, fmt: str) -> str:
    d, m, y = value.day, value.month, value.year
    mon = MONTHS[m - 1]
    return {
        "iso": f"{y:04d}-{m:02d}-{d:02d}",
        "dmy_dot": f"{d:02d}.{m:02d}.{y}",
        "mdy_slash": f"{m:02d}/{d:02d}/{y}",
        "dmy_slash": f"{d:02d}/{m:02d}/{y}",
        "mon_d_y": f"{mon[:3]} {d}, {y}",
        "month_d_y": f"{mon} {d}, {y}",
        "d_mon_y": f"{d} {mon[:3]} {y}",
        "d_mon_y_dash": f"{d:02d}-{mon[:3]}-{y}",
        "d_month_y": f"{d} {mon} {y}",
        "dmy_dash": f"{d:02d}-{m:02d}-{y}",
    }[fmt]


def random_date(rng: random.Random, start: date = date(2023, 1, 1), days: int = 1400) -> date:
    return start + timedelta(days=rng.randrange(days))


# ---------------------------------------------------------------- tax ids
def _digits(rng: random.Random, n: int) -> str:
    return "".join(str(rng.randrange(10)) for _ in range(n))


def eu_vat_id(rng: random.Random, country: str) -> str:
    """A VAT number with a valid check digit (searched over the check positions; stdnum validates)."""
    body_len, check_len, prefix, suffix = {
        "DE": (8, 1, "DE", ""),
        "AT": (7, 1, "ATU", ""),
        "NL": (8, 1, "NL", "B01"),
        "IT": (10, 1, "IT", ""),
        "BE": (7, 2, "BE0", ""),
        "FR": (9, 0, "FR", ""),
        "PL": (9, 1, "PL", ""),
        "SE": (9, 1, "SE", "01"),
    }[country]
    for _ in range(200):
        body = str(rng.randrange(1, 10)) + _digits(rng, body_len - 1)
        if country == "FR":
            siren = body[:8]
            for check in range(10):
                candidate_siren = siren + str(check)
                key = (12 + 3 * (int(candidate_siren) % 97)) % 97
                candidate = f"FR{key:02d}{candidate_siren}"
                if eu_vat.is_valid(candidate):
                    return candidate
            continue
        for check in range(10**check_len):
            candidate = f"{prefix}{body}{check:0{check_len}d}{suffix}"
            if eu_vat.is_valid(candidate):
                return candidate
    raise RuntimeError(f"could not build a VAT id for {country}")


def us_ein_id(rng: random.Random) -> str:
    while True:
        candidate = f"{rng.randrange(10, 99):02d}-{_digits(rng, 7)}"
        if us_ein.is_valid(candidate):
            return candidate


def tax_id_for(rng: random.Random, country: str) -> tuple[str, str] | None:
    """(label, printed id) or None where the country's ids are not generated here."""
    if country == "US":
        return rng.choice(["EIN", "Tax ID", "Federal Tax ID", "EIN No."]), us_ein_id(rng)
    if country in {"DE", "AT", "NL", "IT", "BE", "FR", "PL", "SE"}:
        vat_id = eu_vat_id(rng, country)
        label = rng.choice(["VAT ID", "VAT No.", "VAT Reg. No.", "USt-IdNr.", "Tax ID", "VAT"])
        if country == "DE" and rng.random() < 0.25:  # printed with a space now and then; truth drops it
            vat_id = vat_id[:2] + " " + vat_id[2:]
        return label, vat_id
    return None


# ---------------------------------------------------------------- parties
@dataclass(slots=True)
class Party:
    name: str
    country: str
    street: str
    city_line: str
    country_name: str
    tax_label: str | None
    tax_id: str | None
    contact: str
    email: str
    phone: str


def company_name(rng: random.Random, country: str) -> str:
    stem = rng.choice(vocab.COMPANY_STEMS)
    if rng.random() < 0.3:
        stem = f"{stem} & {rng.choice(vocab.COMPANY_STEMS)}"
    trade = rng.choice(vocab.COMPANY_TRADES)
    suffix = rng.choice(vocab.COMPANY_SUFFIX_BY_COUNTRY[country])
    return f"{stem} {trade} {suffix}"


def make_party(rng: random.Random, country: str, with_tax_id: bool) -> Party:
    name = company_name(rng, country)
    city, region, postcode = rng.choice(vocab.CITIES[country])
    street = rng.choice(vocab.STREETS[vocab.STREET_LANG[country]])
    number = rng.randrange(1, 240)
    if country in {"US", "GB", "CA", "AU"}:
        street_line = f"{number} {street}"
        city_line = f"{city}, {region} {postcode}" if region else f"{city} {postcode}"
    elif country == "FR":
        street_line = f"{number} {street}"
        city_line = f"{postcode} {city}"
    else:
        street_line = f"{street} {number}"
        city_line = f"{postcode} {city}" + (f" ({region})" if region else "")
    tax = tax_id_for(rng, country) if with_tax_id else None
    first, last = rng.choice(vocab.FIRST_NAMES), rng.choice(vocab.LAST_NAMES)
    domain = name.split()[0].lower().replace("ü", "ue").replace("ä", "ae").replace("é", "e").replace("è", "e")
    domain = "".join(ch for ch in domain if ch.isalnum()) or "example"
    return Party(
        name=name,
        country=country,
        street=street_line,
        city_line=city_line,
        country_name=vocab.COUNTRY_NAMES[country],
        tax_label=tax[0] if tax else None,
        tax_id=tax[1] if tax else None,
        contact=f"{first} {last}",
        email=f"{first.lower()}.{last.lower()}@{domain}.example",
        phone=f"+{rng.randrange(1, 99)} {rng.randrange(100, 999)} {rng.randrange(1000, 9999)} {rng.randrange(10, 99)}",
    )


def pick_currency(rng: random.Random) -> str:
    codes = list(CURRENCY_WEIGHTS)
    return rng.choices(codes, weights=[CURRENCY_WEIGHTS[c] for c in codes])[0]
