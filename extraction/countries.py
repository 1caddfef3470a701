"""Where an order comes from, by what its page prints, and what follows from it: the currency a sign several
currencies share stands for ('kr': Danish, Swedish, Norwegian or Icelandic crowns; '$': a dozen dollars and
pesos), and the order of day and month in its numeric dates.

A page names its countries by valid VAT ids with their country prefix (python-stdnum), a country's name as a line's
end in any language whose months the project reads, and a US state with its ZIP code; where no country tells
between currencies of one sign, its language does (py3langid, among the languages of the sign's countries). What
each country writes is CLDR's (Babel): its currency and that currency's sign in its own language, its short date
pattern.
"""

from __future__ import annotations

import re
from collections import Counter
from collections.abc import Iterable
from datetime import date
from functools import cache, lru_cache

from babel import Locale, UnknownLocaleError
from babel.core import get_global
from babel.dates import get_date_format
from babel.languages import get_official_languages
from babel.numbers import get_currency_symbol, get_territory_currencies
from stdnum.eu import vat

from extraction.normalize import MONTH_LOCALES, MORE_MONTH_LOCALES, date_order_by_money, date_order_of, number_format_of

_US_STATE_ZIP = re.compile(r"\b[A-Z]{2}\s\d{5}(?:-\d{4})?\b")
_VAT_PREFIXES = {"EL": "GR", "XI": "GB"}  # VAT prefixes that are no ISO territory code


def countries(texts: Iterable[str]) -> Counter[str]:
    """How often the page names each country (ISO 3166 codes): valid EU VAT ids, country names ending a line,
    US states with their ZIP code."""
    votes: Counter[str] = Counter()
    names = _country_names()
    for text in texts:
        for token in re.findall(r"\b[A-Z]{2}[0-9A-Z]{8,13}\b", text):
            if vat.is_valid(token):
                votes[_VAT_PREFIXES.get(token[:2], token[:2])] += 1
        votes.update("US" for _ in _US_STATE_ZIP.finditer(text))
        votes.update(_scheme_countries(text))
        end = re.split(r",\s*|\s+-\s+", text.strip())[-1].strip(" .")
        # or its last words: two address blocks side by side end one line in two countries ('Perú Perú')
        ends = [end] + [" ".join(end.split()[-n:]) for n in (3, 2, 1) if len(end.split()) > n]
        code = next(
            (c for e in ends if (c := names.get(e) or _country_aliases().get(e.replace(".", ""))) is not None), None
        )
        if code is not None:
            votes[code] += 1
    return votes


_CAPTIONED_NUMBER = re.compile(r"(?<!\w)([^\W\d_][\w.\-]{1,11}):?\s+(\d[\d.\-]{7,18}\d)(?![\w.\-])")


def _scheme_countries(text: str) -> set[str]:
    """The one country whose tax or register scheme a caption names and whose check digits the number after it
    passes ('RUC: 0394266310001' is Ecuador's, not Peru's)."""
    from extraction.taxids import caption_modules, scheme_country  # noqa: PLC0415  (taxids reads this module's neighbours)

    found: set[str] = set()
    for caption, number in _CAPTIONED_NUMBER.findall(text):
        modules = [m for m in caption_modules(caption) if m.is_valid(number)]
        places = {scheme_country(m).upper() for m in modules}
        if len(places) == 1:
            found |= places
    return found


def page_date_order(texts: list[str]) -> str | None:
    """How a page orders day and month in its numeric dates: by its unambiguous dates, else as the countries it
    names write them, else day first where it prints no dollar of the month-first countries or sets its amounts in
    European ways ('1.234,56', '1 234,56', "1'234.56"); None where nothing tells. The one rule the extractor and
    the caption readers place dates by."""
    order = date_order_of(texts) or date_order_by_country(texts) or date_order_by_money(texts)
    swiss = any(re.search(r"(?<![\d'])\d{1,3}(?:'\d{3})+(?:\.\d{2})?(?![\d'])", text) for text in texts)
    # lakhs and crores ('11,88,208.00'): South Asia's grouping, where every country writes the day first
    lakhs = any(re.search(r"(?<![\d,])\d{1,2}(?:,\d{2})+,\d{3}\.\d{2}(?![\d,])", text) for text in texts)
    return order or ("DMY" if number_format_of(texts) == "EU" or swiss or lakhs else None)


def currency_of_sign(sign: str, texts: list[str]) -> str | None:
    """The currency a sign several currencies share stands for on this page ('kr' -> DKK on a Danish order): the
    one of the country the page names most, else of the language it is written in; None where nothing tells."""
    candidates = _sign_currencies().get(sign.rstrip(".").casefold())
    if not candidates or len(candidates) < 2:
        return None
    votes = countries(texts)
    by_country = Counter({code: sum(votes[t] for t in places) for code, (places, _) in candidates.items()})
    ranked = by_country.most_common(2)
    if ranked[0][1] > 0 and (len(ranked) == 1 or ranked[0][1] > ranked[1][1]):
        return ranked[0][0]
    from extraction.ocr import language_ranks  # noqa: PLC0415  (py3langid's model, loaded once when first asked)

    # the phrases likeliest in one of those languages (the captions, not the items' English), each by how likely it
    # is in each of them: Danish and Norwegian captions look alike one by one
    languages = {language for _, langs in candidates.values() for language in langs}
    spoken: Counter[str] = Counter()
    for text in texts:
        ranks = language_ranks(text) if re.search(r"[^\W\d_]{4}", text) else {}
        if ranks and max(ranks, key=lambda language: ranks[language]) in languages:
            spoken.update({language: ranks.get(language, 0.0) for language in languages})
    scored = Counter({code: max(spoken[language] for language in langs) for code, (_, langs) in candidates.items()})
    (best, most), (_, second) = scored.most_common(2)
    return best if most > second else None


def shared_sign(texts: Iterable[str]) -> str | None:
    """The first sign beside an amount that several currencies share ('kr 48 237,66', '32 905,04 kr.', '$ 15')."""
    for text in texts:
        for match in _SIGN_BESIDE_AMOUNT.finditer(text):
            sign = (match.group(1) or match.group(2)).rstrip(".").casefold()
            if len(_sign_currencies().get(sign, {})) >= 2:
                return sign
    return None


_SIGN_BESIDE_AMOUNT = re.compile(r"(?<![\w$])(kr\.?|\$)\s?(?=\d)|(?<=\d)\s?(kr\.?|\$)(?![\w$])", re.IGNORECASE)


def date_order_by_country(texts: list[str]) -> str | None:
    """'DMY' or 'MDY' as the countries the page names most write their short dates (Babel: 'M/d/yy' in the US,
    'dd/MM/y' in Britain, year first read day first); None where it names none, two that write them apart, or a
    month-first country on a page whose currencies are none of the month-first countries'."""
    votes = countries(texts)
    if not votes:
        return None
    most = max(votes.values())
    orders = {_order_of(_short_date_pattern(code)) for code, count in votes.items() if count == most}
    order = orders.pop() if len(orders) == 1 else None
    # a month-first country's address on an order in euros or pounds is a party's, not the order's habit
    return None if order == "MDY" and date_order_by_money(texts) == "DMY" else order


def _order_of(pattern: str | None) -> str | None:
    if pattern is None:
        return None
    return "MDY" if pattern.find("M") < pattern.find("d") and not pattern.startswith("y") else "DMY"


@cache
def _short_date_pattern(territory: str) -> str | None:
    for language in get_official_languages(territory, de_facto=True):
        try:
            return str(get_date_format("short", locale=Locale.parse(f"{language}_{territory}")).pattern)
        except (UnknownLocaleError, ValueError):
            continue
    return None


@lru_cache(maxsize=1)
def _country_names() -> dict[str, str]:
    """Countries' names in the languages read ('Danmark', 'Schweiz', 'South Africa') -> ISO code."""
    names: dict[str, str] = {}
    for locale in MONTH_LOCALES + MORE_MONTH_LOCALES:
        for code, name in Locale.parse(locale).territories.items():
            if len(code) == 2 and code.isalpha() and len(name) >= 4:
                names.setdefault(name, code)
    return names


@lru_cache(maxsize=1)
def _country_aliases() -> dict[str, str]:
    """Countries' ISO three-letter codes as addresses end in them ('USA', 'U.S.A.', 'DEU') -> ISO code (CLDR's
    aliases; its two-letter ones are withdrawn codes that US states print: 'MI', 'NH', 'CT')."""
    return {
        alias: codes[0]
        for alias, codes in get_global("territory_aliases").items()
        if len(alias) == 3 and alias.isalpha() and alias.isupper() and len(codes) == 1 and len(codes[0]) == 2
    }


@lru_cache(maxsize=1)
def _sign_currencies() -> dict[str, dict[str, tuple[set[str], set[str]]]]:
    """Each currency sign -> the currencies it stands for in their own countries' languages, with those countries
    and languages ('kr' -> DKK in Denmark (da), SEK in Sweden (sv), NOK in Norway (nb, nn), ISK in Iceland)."""
    out: dict[str, dict[str, tuple[set[str], set[str]]]] = {}
    today = date(2026, 1, 1)
    for territory in get_global("territory_currencies"):
        tender = get_territory_currencies(territory, today, tender=True) if len(territory) == 2 else []
        if not tender:
            continue
        for language in get_official_languages(territory, de_facto=True):
            try:
                sign = get_currency_symbol(tender[0], locale=Locale.parse(f"{language}_{territory}"))
            except (UnknownLocaleError, ValueError):
                continue
            places, languages = out.setdefault(sign.rstrip(".").casefold(), {}).setdefault(tender[0], (set(), set()))
            places.add(territory)
            language = language.split("_")[0]
            languages.add("no" if language in ("nb", "nn") else language)  # py3langid's one Norwegian
    return out
