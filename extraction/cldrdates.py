"""Dates as CLDR prints them in words, in every country's language: ``cldr_date('2026 թ. հունվարի 14')``.

Each language's medium, long and full date patterns (Babel) become one pattern each, its month a name of that
language (wide or abbreviated, in a sentence's case or alone: Armenian's genitive 'հունվարի', Lithuanian's
'sausio'), its weekday, era and words ('y թ.', "y 'm'. MMMM d 'd'.", 'y年M月d日') as CLDR gives them. A pattern is
tried only where the text holds one of its month names or, its month a number, one of its words: the fallback
``normalize.parse_date`` asks after its own shapes.
"""

from __future__ import annotations

import re
from datetime import date
from functools import lru_cache

from babel import Locale
from babel.dates import get_day_names, get_era_names, get_month_names

from extraction.normalize import MONTH_LOCALES, MORE_MONTH_LOCALES, country_languages

_QUOTES = str.maketrans({"’": "'", "‘": "'", "ʼ": "'", "\u202f": " ", "\u00a0": " "})
_FIELD = re.compile(r"'[^']*'|([a-zA-Z])\1*|[^a-zA-Z']+")
_LETTERS = re.compile(r"[^\W\d_]+")


def _names(locale: str) -> tuple[dict[str, int], set[str], set[str]]:
    """The language's month names (every width and case CLDR gives, with and without a full stop) -> month, its
    weekdays' and eras' names."""
    months: dict[str, int] = {}
    for width in ("wide", "abbreviated"):
        for context in ("format", "stand-alone"):
            for number, name in get_month_names(width, context, locale=locale).items():
                for form in {name.lower().translate(_QUOTES), name.lower().translate(_QUOTES).rstrip(".")}:
                    if _LETTERS.search(form):
                        months.setdefault(form, number)
    days = {
        n.lower().translate(_QUOTES)
        for width in ("wide", "abbreviated")
        for context in ("format", "stand-alone")
        for n in get_day_names(width, context, locale=locale).values()
    }
    eras = {
        n.lower().translate(_QUOTES)
        for width in ("wide", "abbreviated")
        for n in get_era_names(width, locale=locale).values()
    }
    return months, days, eras


def _alternatives(words: set[str] | dict[str, int]) -> str:
    return "|".join(re.escape(w) for w in sorted(words, key=len, reverse=True))


def _compile(pattern: str, locale: str) -> tuple[re.Pattern[str], set[str], dict[str, int]] | None:
    """A CLDR date pattern as a regular expression (groups y, m, d, or the month's name mn) and the words that
    make it worth trying; None for a pattern of numbers alone (``parse_date`` reads those)."""
    months, days, eras = _names(locale)
    named = bool(re.search(r"[ML]{3}", pattern))
    parts: list[str] = []
    keys: set[str] = set()
    for token in _FIELD.finditer(pattern):
        text, letter = token.group(0), token.group(1)
        if letter in ("y", "u"):
            parts.append(r"(?P<y>\d{4})")
        elif letter in ("M", "L"):
            parts.append(rf"(?P<mn>{_alternatives(months)})\.?" if len(text) >= 3 else r"(?P<m>\d{1,2})")
        elif letter == "d":
            parts.append(r"(?P<d>\d{1,2})")
        elif letter in ("E", "c", "e"):
            parts.append(rf"(?:{_alternatives(days)})\.?")
        elif letter == "G":
            parts.append(rf"(?:{_alternatives(eras)})?")
        elif letter:
            return None  # a field no written date needs
        else:
            literal = text.strip("'").translate(_QUOTES).lower() if text.startswith("'") else text.translate(_QUOTES)
            for chunk in re.split(r"(\s+)", literal.lower()):
                if not chunk:
                    continue
                if chunk.isspace():
                    parts.append(r"\s*")
                elif _LETTERS.search(chunk):
                    # a word of the pattern: optional beside a month's name ('2026 օգոստոսի 20'), needed where the
                    # month is a number ('2026年1月14日')
                    parts.append(rf"(?:{re.escape(chunk)})?" if named else re.escape(chunk))
                    keys.update(_LETTERS.findall(chunk))
                else:
                    parts.append(rf"(?:{re.escape(chunk)})?")
    if named:
        # a month's name, or one with the pattern's word glued to it (Hebrew 'בינואר')
        glued = re.findall(r"([^\W\d_a-zA-Z]+)[ML]{3}", pattern.replace("'", ""))
        keys = {run for name in months for run in _LETTERS.findall(name)}
        runs = {run for name in months for run in _LETTERS.findall(name)[:1]}
        keys |= {f"{word.lower()}{run}" for word in glued for run in runs}
    if not keys:
        return None
    return re.compile("".join(parts), re.IGNORECASE), keys, months


@lru_cache(maxsize=1)
def _patterns() -> dict[str, list[tuple[re.Pattern[str], dict[str, int]]]]:
    """A letter run of a month's name or a pattern's word -> the patterns it may open."""
    index: dict[str, list[tuple[re.Pattern[str], dict[str, int]]]] = {}
    for locale in dict.fromkeys(MONTH_LOCALES + MORE_MONTH_LOCALES + country_languages()):
        formats = Locale.parse(locale).date_formats
        for pattern in dict.fromkeys(formats[width].pattern for width in ("medium", "long", "full")):
            compiled = _compile(pattern, locale)
            if compiled is None:
                continue
            regex, keys, months = compiled
            for key in keys:
                index.setdefault(key, []).append((regex, months))
    return index


@lru_cache(maxsize=4096)
def cldr_date(text: str) -> date | None:
    """The date a text prints in one of CLDR's written patterns of a country's language, else None."""
    low = " ".join(text.translate(_QUOTES).lower().split()).strip(" ,;")
    if not re.search(r"\d", low):
        return None
    index = _patterns()
    tried: set[int] = set()
    for run in _LETTERS.findall(low):
        for regex, months in index.get(run, ()):
            if id(regex) in tried:
                continue
            tried.add(id(regex))
            match = regex.fullmatch(low)
            if match is None:
                continue
            month = months[match["mn"].rstrip(".")] if match.groupdict().get("mn") else int(match["m"])
            try:
                return date(int(match["y"]), month, int(match["d"]))
            except ValueError:
                continue
    return None
