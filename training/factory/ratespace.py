"""A second rate-schedule space (``rates17``), written before the reader it scores was changed: a study generator,
not a blind set.

    python -m training.factory.ratespace --batch study --n 49 --seed 11   # the shapes the reader was worked on
    python -m training.factory.ratespace --batch check --n 54 --seed 12   # scored once, after the last change

``training/factory/ratefuzz.py`` (``rates16``) prints every rate as 'service, separator, amount, per, unit' in some
order; the reader built on it did not carry over to shapes it had not seen (0.16-0.37 line F1 on its held batches).
This space varies what that one holds fixed: where the unit stands against the amount (after it in brackets, before
it with or without 'per', in a column printed first, in a column after the price), what else the entry carries
(a range, a minimum, a band of a tier, a quantity and a total), how many decimals a price has ('0,0450 € pro
1.000 ...'), and the language: the locales of ratefuzz and others it never printed (Danish, Norwegian, Slovak,
Slovene, Croatian, Lithuanian, Latvian, Estonian, Greek, Bulgarian, Ukrainian, Catalan, Indonesian, Swiss German,
Canadian French, US English). Units, 'per' words, unit abbreviations and money come from CLDR through Babel; the
service names are this module's own. Label convention as the study sets': the unit as printed (after 'per' or a
slash, in its column or brackets; an abbreviation's point dropped), the description as printed, the price a
Decimal (a range's lower end: the least the service is charged at).

``check`` holds the same families drawn from other seeds plus two families written now and not looked at until
the reader is done (:data:`HELD`): rates listed as blocks (the service on a line, 'price per unit' on the next, a
note below), and a ruled table whose service cells wrap onto two lines with the unit in a narrow column after the
price.
"""

from __future__ import annotations

import argparse
import random
from collections.abc import Callable
from decimal import Decimal

from babel import Locale
from babel.numbers import format_currency, format_decimal

from training.factory.ratefuzz import LOCALES as FUZZ_LOCALES
from training.factory.ratefuzz import OPENING, Block, Rate, Variation, per_pattern, render, unit_name

# locale -> (currency, services): ratefuzz's locales and others it never printed
LOCALES: dict[str, tuple[str, list[str]]] = {
    **{locale: (currency, services) for locale, (currency, services, _) in FUZZ_LOCALES.items()},
    "da_DK": ("DKK", ["Rådgivning om energi", "Vinduespudsning", "Serverdrift", "Snerydning"]),
    "nb_NO": ("NOK", ["Prosjektstøtte", "Brøyting av plass", "Driftsstøtte", "Vaktmestertjeneste"]),
    "sk_SK": ("EUR", ["Upratovanie kancelárií", "Správa siete", "Odborné poradenstvo", "Kosenie trávy"]),
    "sl_SI": ("EUR", ["Čiščenje prostorov", "Svetovanje", "Vzdrževanje strežnikov", "Košnja trave"]),
    "hr_HR": ("EUR", ["Čišćenje ureda", "Savjetovanje", "Održavanje mreže", "Zimska služba"]),
    "lt_LT": ("EUR", ["Patalpų valymas", "Konsultacijos", "Tinklo priežiūra", "Sniego valymas"]),
    "lv_LV": ("EUR", ["Telpu uzkopšana", "Konsultācijas", "Tīkla uzturēšana", "Sniega tīrīšana"]),
    "et_EE": ("EUR", ["Ruumide koristus", "Konsultatsioon", "Võrgu hooldus", "Lumekoristus"]),
    "el_GR": ("EUR", ["Καθαρισμός γραφείων", "Συμβουλευτικές υπηρεσίες", "Συντήρηση δικτύου", "Φύλαξη χώρου"]),
    "bg_BG": ("BGN", ["Почистване на офиси", "Консултантски услуги", "Поддръжка на мрежа", "Охрана на склад"]),
    "uk_UA": ("UAH", ["Прибирання офісу", "Консультаційні послуги", "Обслуговування мережі", "Охорона складу"]),
    "ca_ES": ("EUR", ["Neteja d’oficines", "Assessorament", "Manteniment de xarxa", "Vigilància de magatzem"]),
    "id_ID": ("IDR", ["Pembersihan kantor", "Jasa konsultasi", "Pemeliharaan jaringan", "Penjagaan gudang"]),
    "de_CH": ("CHF", ["Hauswartung", "Beratung vor Ort", "Netzwerkbetreuung", "Winterdienst"]),
    "fr_CA": ("CAD", ["Entretien ménager", "Services-conseils", "Soutien réseau", "Déneigement"]),
    "en_US": ("USD", ["Janitorial services", "Advisory services", "Network support", "Snow removal"]),
}  # fmt: skip
UNITS = [
    "duration-hour", "duration-day", "duration-month", "duration-week", "duration-year", "duration-minute",
    "length-kilometer", "mass-kilogram", "area-square-meter", "mass-tonne", "volume-liter",
]  # fmt: skip
LARGE = ["digital-gigabyte", "energy-kilowatt-hour", "length-kilometer", "mass-kilogram"]
Shape = Callable[[random.Random, str], tuple[list[Block], list[Rate]]]


def _unit_short(locale: str, unit: str) -> str | None:
    """CLDR's abbreviation of a unit standing alone ('Std.', 'h', 'godz.'), or None."""
    data = Locale.parse(locale)._data["unit_patterns"].get(unit, {}).get("short", {})
    pattern = data.get("one") or data.get("other")
    if not isinstance(pattern, str) or "{0}" not in pattern:
        return None
    return pattern.replace("{0}", "").strip() or None


def _unit_plural(locale: str, unit: str) -> str:
    data = Locale.parse(locale)._data["unit_patterns"].get(unit, {}).get("long", {})
    pattern = data.get("other") or data.get("one") or "{0} " + unit.split("-")[-1]
    return str(pattern).replace("{0}", "").strip()


def _per_compound(locale: str) -> str:
    """CLDR's compound 'per' pattern ('{0} pro {1}', '{0}/{1}')."""
    pattern = Locale.parse(locale)._data["compound_unit_patterns"].get("per", {})
    text = pattern.get("long", pattern) if hasattr(pattern, "get") else pattern
    return text if isinstance(text, str) and "{0}" in text and "{1}" in text else "{0}/{1}"


def _price(rng: random.Random, places: int = 2) -> Decimal:
    if places == 4:
        return Decimal(rng.randrange(20, 9000)) / 10000
    return Decimal(rng.randrange(1500, 950000)) / 100


def money(rng: random.Random, locale: str, price: Decimal, places: int = 2) -> str:
    currency = LOCALES[locale][0]
    number = format_decimal(price, format="#,##0." + "0" * places, locale=locale)
    style = rng.choice(["locale", "code_after", "code_before", "symbol_after"])
    if style == "locale" and places == 2:
        return format_currency(price, currency, locale=locale, currency_digits=False)
    if style == "symbol_after":
        symbol = format_currency(0, currency, locale=locale).replace("0", "").strip(" .,\u00a0\u202f") or currency
        return f"{number}\u00a0{symbol}"
    return f"{number} {currency}" if style != "code_before" else f"{currency} {number}"


def _rates(rng: random.Random, locale: str) -> list[tuple[str, str, Decimal]]:
    """(service, unit key, price) for two to four distinct services of the locale."""
    services = LOCALES[locale][1]
    chosen = rng.sample(services, rng.randrange(2, len(services) + 1))
    return [(service, rng.choice(UNITS), _price(rng)) for service in chosen]


def _per_phrase(locale: str, unit: str, width: str = "long") -> str:
    """'pro Stunde', '/h': CLDR's per-unit pattern without its number (the compound pattern where none)."""
    pattern = per_pattern(locale, unit, width) or per_pattern(locale, unit, "short")
    if pattern is None:
        pattern = _per_compound(locale).replace("{1}", unit_name(locale, unit))
    return pattern.replace("{0}", "").strip()


def _postpositions() -> frozenset[str]:
    """Words CLDR prints for 'per' after the unit ('{0} kilogrammi kohta'): the last word of two multi-word per-unit
    patterns of a locale or more whose units differ."""
    out = set()
    for locale in LOCALES:
        phrases = [p.split() for unit in UNITS if len((p := _per_phrase(locale, unit)).split()) == 2]
        lasts = [words[-1] for words in phrases]
        out |= {last for last in lasts if lasts.count(last) >= 2 and len({w[0] for w in phrases if w[-1] == last}) >= 2}
    return frozenset(out)


def _printed(phrase: str) -> str:
    """The label of a 'per' phrase: what follows the slash or the word for 'per' ('pe metru pătrat' -> 'metru
    pătrat'), or what precedes a 'per' printed after it ('kilogrammi kohta'), an abbreviation's point and an
    elided article ('all’ora') dropped."""
    words = phrase.split()
    if len(words) == 2 and words[-1] in POSTPOSITIONS:
        rest = words[0]
    else:
        rest = phrase[1:] if phrase.startswith("/") else phrase.split(" ", 1)[-1]
    return rest.strip().rstrip(".").split("’")[-1].split("'")[-1]


POSTPOSITIONS = _postpositions()

# ---- the study families


def bracketed_after(rng: random.Random, locale: str) -> tuple[list[Block], list[Rate]]:
    """'service: price (per hour)', 'service  price [h]', 'service – price (Stunde)'."""
    blocks, truth = [], []
    form = rng.choice(["per", "short", "name"])
    brackets = rng.choice(["()", "[]"])
    mark = rng.choice(["", "• ", "- "])
    separator = rng.choice([": ", " – ", "    "])
    for service, unit, price in _rates(rng, locale):
        short = _unit_short(locale, unit)
        if form == "per":
            phrase = _per_phrase(locale, unit)
            label = _printed(phrase)
        elif form == "short" and short:
            phrase, label = short, short.rstrip(".")
        else:
            phrase = label = unit_name(locale, unit)
        blocks.append(
            ("p", f"{mark}{service}{separator}{money(rng, locale, price)} {brackets[0]}{phrase}{brackets[1]}")
        )
        truth.append((service, label, price))
    return blocks, truth


def unit_before_price(rng: random.Random, locale: str) -> tuple[list[Block], list[Rate]]:
    """'service (per hour): price', 'service, per hour – price', cells 'service | per hour | price'."""
    blocks: list[Block] = []
    truth: list[Rate] = []
    form = rng.choice(["brackets", "comma", "cells", "unit_cells"])
    rows = []
    for service, unit, price in _rates(rng, locale):
        phrase = _per_phrase(locale, unit)
        label = _printed(phrase)
        priced = money(rng, locale, price)
        if form == "brackets":
            blocks.append(("p", f"{service} ({phrase}): {priced}"))
        elif form == "comma":
            blocks.append(("p", f"{service}, {phrase} – {priced}"))
        elif form == "cells":
            rows.append([service, phrase, priced])
        else:  # the unit's name alone before the price
            label = unit_name(locale, unit)
            rows.append([service, label, priced])
        truth.append((service, label, price))
    if rows:
        blocks.append(("table", rows, [60, 300, 400], ["l", "l", "l"], rng.random() < 0.5))
    return blocks, truth


def columns_in_any_order(rng: random.Random, locale: str) -> tuple[list[Block], list[Rate]]:
    """A table of service, unit and price in any column order (the unit first, the price first ...)."""
    order = rng.choice([("unit", "price", "service"), ("unit", "service", "price"), ("price", "unit", "service"),
                        ("service", "price", "unit"), ("price", "service", "unit")])  # fmt: skip
    bare = rng.random() < 0.4  # the currency in the caption only, the amounts without it
    places = {"unit": 110, "price": 170, "service": 170}
    xs, x = [], 60
    for column in order:
        xs.append(x + (places[column] - 20 if column == "price" else 0))
        x += places[column]
    aligns = ["r" if column == "price" else "l" for column in order]
    rows, truth = [], []
    for service, unit, price in _rates(rng, locale):
        name = unit_name(locale, unit)
        priced = format_decimal(price, format="#,##0.00", locale=locale) if bare else money(rng, locale, price)
        cells = {"unit": name, "price": priced, "service": service}
        rows.append([cells[column] for column in order])
        truth.append((service, name, price))
    if bare:
        rows.insert(0, ["" if column != "price" else LOCALES[locale][0] for column in order])
    return [("table", rows, xs, aligns, rng.random() < 0.6)], truth


def ranges_and_minimums(rng: random.Random, locale: str) -> tuple[list[Block], list[Rate]]:
    """'service: 80,00 – 95,00 EUR pro Stunde', 'price per hour (minimum 4 hours)', 'min. price per visit'."""
    blocks, truth = [], []
    form = rng.choice(["range", "minimum", "note"])
    for service, unit, price in _rates(rng, locale):
        phrase = _per_phrase(locale, unit)
        if form == "range":
            high = price + _price(rng) / 10
            low_text = format_decimal(price, format="#,##0.00", locale=locale)
            priced = f"{low_text} – {money(rng, locale, high)}"
        else:
            priced = money(rng, locale, price)
        if form == "minimum":
            line = f"{service}: {priced} {phrase} (min. {rng.randrange(2, 9)} {_unit_plural(locale, unit)})"
        elif form == "note":
            line = f"{service}: {priced} {phrase}, {rng.randrange(2, 9)} {_unit_plural(locale, unit)} min."
        else:
            line = f"{service}: {priced} {phrase}"
        blocks.append(("p", line))
        truth.append((service, _printed(phrase), price))
    return blocks, truth


def tier_bands(rng: random.Random, locale: str) -> tuple[list[Block], list[Rate]]:
    """Tiers: a code, its band of volumes and a price per unit in cells of their own ('T2 | 101–500 | 2,10 €/GB')."""
    unit = rng.choice(LARGE + ["duration-month"])
    phrase = _per_phrase(locale, unit, rng.choice(["long", "short"]))
    low, rows, truth = 1, [], []
    for k in range(rng.randrange(2, 5)):
        high = low + rng.randrange(9, 900)
        price = _price(rng)
        band = f"{format_decimal(low, locale=locale)} – {format_decimal(high, locale=locale)}"
        code = f"T{k + 1}"
        rows.append([code, band, f"{money(rng, locale, price)} {phrase}".replace(" /", "/")])
        truth.append((code, _printed(phrase), price))
        low = high + 1
    return [("table", rows, [60, 130, 300], ["l", "l", "l"], rng.random() < 0.5)], truth


def quantity_and_total(rng: random.Random, locale: str) -> tuple[list[Block], list[Rate]]:
    """A SOW's budget table: service, quantity, unit, price per unit, total."""
    rows, truth = [], []
    for service, unit, price in _rates(rng, locale):
        quantity = rng.randrange(2, 60)
        name = unit_name(locale, unit)
        total = price * quantity
        rows.append([service, str(quantity), name, money(rng, locale, price), money(rng, locale, total)])
        truth.append((service, name, price))
    return [("table", rows, [60, 250, 290, 440, 535], ["l", "r", "l", "r", "r"], True)], truth


def per_thousand(rng: random.Random, locale: str) -> tuple[list[Block], list[Rate]]:
    """Prices of four decimals per a count of units ('0,0450 EUR pro 1.000 Kilowattstunden', '12,50 €/100 km')."""
    blocks, truth = [], []
    mark = rng.choice(["", "– ", "(a) "])
    for k, service in enumerate(rng.sample(LOCALES[locale][1], rng.randrange(2, 5))):
        unit = rng.choice(LARGE)
        count = format_decimal(rng.choice([100, 1000, 10000]), locale=locale)
        counted = f"{count} {_unit_plural(locale, unit)}"
        price = _price(rng, rng.choice([2, 4]))
        places = 4 if price < 1 else 2
        phrase = _per_compound(locale).replace("{0}", "").replace("{1}", counted).strip()
        marker = mark.replace("a", "abcd"[k])
        blocks.append(("p", f"{marker}{service}: {money(rng, locale, price, places)} {phrase}".replace(" /", "/")))
        truth.append((service, counted, price))
    return blocks, truth


STUDY: list[Shape] = [
    bracketed_after,
    unit_before_price,
    columns_in_any_order,
    ranges_and_minimums,
    tier_bands,
    quantity_and_total,
    per_thousand,
]

# ---- held: written with the rest, not looked at until the reader was done


def blocks_of_lines(rng: random.Random, locale: str) -> tuple[list[Block], list[Rate]]:
    """The service on a line, 'price per unit' indented under it, a note below."""
    blocks: list[Block] = []
    truth = []
    for service, unit, price in _rates(rng, locale):
        phrase = _per_phrase(locale, unit)
        rows = [[service, ""], ["", f"{money(rng, locale, price)} {phrase}"]]
        if rng.random() < 0.5:
            rows.append(["", f"({rng.randrange(2, 9)} {_unit_plural(locale, unit)} min.)"])
        blocks.append(("table", rows, [60, 80], ["l", "l"], False))
        truth.append((service, _printed(phrase), price))
    return blocks, truth


def wrapped_cells(rng: random.Random, locale: str) -> tuple[list[Block], list[Rate]]:
    """A ruled table whose service cells wrap onto a second line; the unit after the price in a narrow column."""
    rows: list[list[str]] = []
    truth = []
    for service, unit, price in _rates(rng, locale):
        words = f"{service} {LOCALES[locale][1][0].lower()}".split()
        cut = max(1, len(words) // 2)
        phrase = _per_phrase(locale, unit, "short")
        rows.append([" ".join(words[:cut]), money(rng, locale, price), phrase])
        rows.append([" ".join(words[cut:]), "", ""])
        truth.append((" ".join(words), _printed(phrase), price))
    return [("table", rows, [60, 400, 420], ["l", "r", "l"], False)], truth


HELD: list[Shape] = [blocks_of_lines, wrapped_cells]


def variations(batch: str, n: int, seed: int) -> list[Variation]:
    rng = random.Random(seed)
    shapes = {"study": STUDY, "check": STUDY + HELD}[batch]
    out = []
    for k in range(n):
        shape = shapes[k % len(shapes)]
        locale = rng.choice(sorted(LOCALES))
        blocks, truth = shape(rng, locale)
        heading = ("p", f"{rng.randrange(3, 7)}.{rng.randrange(1, 4)} {LOCALES[locale][0]}")
        out.append(
            Variation(f"{batch}-{k:03d}-{shape.__name__}-{locale}", batch, [("p", OPENING), heading, *blocks], truth)
        )
    return out


def _plain(*values: object) -> tuple[object, ...]:
    """Texts compared as the bench compares them: any run of spaces (a no-break one too) as one space."""
    return tuple(" ".join(v.split()) if isinstance(v, str) else v for v in values)


def score(batch: str, n: int, seed: int, extractor_kind: str = "auto", show: bool = True) -> dict[str, object]:
    """Line F1 (description, unit, price all right) over the batch, and per family."""
    from extraction.pipeline import extract
    from models.layout.combine import best_extractor

    extractor = best_extractor(extractor_kind)
    totals: dict[str, list[int]] = {}
    for variation in variations(batch, n, seed):
        _, extraction = extract(render(variation.blocks), "contract.pdf", "contract", extractor=extractor)
        got = [_plain(i.value("description"), i.value("unit"), i.value("unit_price")) for i in extraction.line_items]
        hits = sum(1 for rate in variation.rates if _plain(*rate) in got)
        family = variation.name.split("-")[2]
        for key in (family, "all"):
            row = totals.setdefault(key, [0, 0, 0, 0, 0])
            row[0] += len(variation.rates)
            row[1] += len(got)
            row[2] += hits
            row[3] += hits == len(variation.rates) == len(got)
            row[4] += 1
        if show and hits < len(variation.rates):
            print(variation.name, "\n   want", variation.rates, "\n   got ", got)
    report: dict[str, object] = {"batch": batch, "n": n, "seed": seed}
    for key, (true, predicted, right, whole, count) in sorted(totals.items()):
        p, r = right / max(predicted, 1), right / max(true, 1)
        f1 = round(2 * p * r / max(p + r, 1e-9), 3)
        report[key] = {"variations": count, "whole": whole, "rates": true, "right": right, "f1": f1}
        print(f"{key:<24}{count:>4}{whole:>4}{true:>5}{right:>5}  F1 {f1:.3f}")
    return report


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    parser.add_argument("--batch", choices=["study", "check"], default="study")
    parser.add_argument("--n", type=int, default=42)
    parser.add_argument("--seed", type=int, default=11)
    parser.add_argument("--extractor", default="auto")
    parser.add_argument("--out", type=str, default=None)
    args = parser.parse_args()
    report = score(args.batch, args.n, args.seed, args.extractor)
    if args.out:
        import json
        from pathlib import Path

        Path(args.out).write_text(json.dumps(report, indent=1, default=str))


if __name__ == "__main__":
    main()
