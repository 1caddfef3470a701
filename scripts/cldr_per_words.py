"""Print the words CLDR's locales write for 'per' between a number and a unit ('{0} na godzinę', '{0} pro
{1}'), for ``extraction.perunits.PER_WORDS``. Run once with the project's Babel (it loads every locale, ~20 s):

    python scripts/cldr_per_words.py
"""

from __future__ import annotations

from collections import defaultdict

from babel import Locale, localedata


def per_words(least: int = 2) -> dict[str, set[str]]:
    """word -> the languages whose per-unit patterns print it before ``least`` units or more, or whose compound
    'per' pattern prints it (a unit's own word, 'kilometro' in 'kilometro karratuko', stands before one or two)."""
    found: dict[str, set[str]] = defaultdict(set)
    for identifier in localedata.locale_identifiers():
        if "_" in identifier:
            continue
        data = Locale.parse(identifier)._data
        units = data["unit_patterns"]
        patterns = [units[u].get(w, {}).get("per") for u in units for w in ("long", "short")]
        compound = data["compound_unit_patterns"].get("per") if "compound_unit_patterns" in data else None
        for width in ("long", "short"):
            value = compound.get(width) if compound is not None else None
            value = value.get("compound") if value is not None and not isinstance(value, str) else value
            patterns += [value.replace("{1}", "UNIT")] * least if isinstance(value, str) else []
        counts: dict[str, int] = defaultdict(int)
        for pattern in patterns:
            if not isinstance(pattern, str) or not pattern.startswith("{0} "):
                continue
            words = pattern[4:].split()
            if len(words) == 2 and not words[0].startswith("/") and not any(c.isdigit() for c in words[0]):
                counts[words[0].casefold()] += 1
        for word, count in counts.items():
            if count >= least:
                found[word].add(identifier)
    return found


if __name__ == "__main__":
    words = per_words()
    print(sorted(w for w in words if w.isalpha() or w.rstrip(".").isalpha()))
