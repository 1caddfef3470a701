"""Rate schedules in shapes and languages of this module's own (``rates16``): a study generator, not a blind set.

    python -m training.factory.ratefuzz --batch tune --n 40 --seed 1     # score the variations the reader was fit on
    python -m training.factory.ratefuzz --batch held --n 40 --seed 2     # shapes written last, scored once

Each variation is a one-page contract (an opening naming the parties, then its rate schedule) rendered with
reportlab, and the rates it states: (description, unit, price). The units, the word for 'per' and the currency's
printing come from CLDR through Babel (``babel.units`` per-unit patterns such as '{0} na godzinę', '{0}/h', the
locale's currency format), so a schedule can be written in any of :data:`LOCALES`; the service names and the
sentence templates are this module's own, in no study family's words. The label convention is the study sets':
the unit as printed after the word for 'per' (or in its column), the description as printed, the price a Decimal.

Batches: ``tune`` holds the shapes the reader was built on (ruled tables with a unit column, a price glued to its
unit, bullet lists, sentences, numbered clauses, tiers); ``held`` holds shapes written after the reader was done
and scored once (two-column bilingual text, a unit column before the price, the price before the service, an annex
of rates with a separate currency column, day/month/item/page/word rates in sentences with the unit first).
"""

from __future__ import annotations

import argparse
import io
import random
from collections.abc import Callable
from dataclasses import dataclass
from decimal import Decimal

from babel import Locale
from babel.numbers import format_currency, format_decimal
from reportlab.lib.pagesizes import A4
from reportlab.lib.utils import simpleSplit
from reportlab.pdfgen import canvas

from training.factory.layout import font

WIDTH, HEIGHT = A4
Rate = tuple[str, str | None, Decimal]
Block = tuple  # type: ignore[type-arg]

# locale -> (currency, services in that language, a sentence template '{service}' '{price}')
LOCALES: dict[str, tuple[str, list[str], str]] = {
    "en_GB": ("GBP", ["Drone survey flight", "Archive digitisation", "Night watchman", "Crane operator"],
              "Charges for {service} amount to {price}."),
    "de_DE": ("EUR", ["Baustellenaufsicht", "Gerüstmontage", "Datenmigration", "Kranführer"],
              "Die Vergütung für {service} beträgt {price}."),
    "fr_FR": ("EUR", ["Surveillance de chantier", "Traduction juridique", "Nettoyage industriel", "Maître-chien"],
              "La rémunération pour {service} est fixée à {price}."),
    "es_ES": ("EUR", ["Vigilancia nocturna", "Traducción jurada", "Limpieza de fachadas", "Operador de grúa"],
              "La tarifa aplicable a {service} es de {price}."),
    "it_IT": ("EUR", ["Sorveglianza notturna", "Traduzione giurata", "Pulizia industriale", "Gruista"],
              "Il compenso per {service} è pari a {price}."),
    "nl_NL": ("EUR", ["Nachtbewaking", "Beëdigde vertaling", "Gevelreiniging", "Kraanmachinist"],
              "De vergoeding voor {service} bedraagt {price}."),
    "pl_PL": ("PLN", ["Ochrona obiektu", "Tłumaczenie przysięgłe", "Mycie elewacji", "Operator dźwigu"],
              "Wynagrodzenie za {service} wynosi {price}."),
    "cs_CZ": ("CZK", ["Ostraha objektu", "Soudní překlad", "Mytí fasád", "Jeřábník"],
              "Odměna za {service} činí {price}."),
    "pt_BR": ("BRL", ["Vigilância noturna", "Tradução juramentada", "Limpeza de fachada", "Operador de guindaste"],
              "A remuneração por {service} é de {price}."),
    "sv_SE": ("SEK", ["Nattbevakning", "Auktoriserad översättning", "Fasadtvätt", "Kranförare"],
              "Ersättningen för {service} uppgår till {price}."),
    "ro_RO": ("RON", ["Pază de noapte", "Traducere autorizată", "Curățare fațade", "Macaragiu"],
              "Tariful pentru {service} este de {price}."),
    "tr_TR": ("TRY", ["Gece bekçiliği", "Yeminli tercüme", "Cephe temizliği", "Vinç operatörü"],
              "{service} için ücret {price} olarak belirlenmiştir."),
    "hu_HU": ("HUF", ["Éjszakai őrzés", "Hiteles fordítás", "Homlokzattisztítás", "Darukezelő"],
              "A(z) {service} díja {price}."),
    "fi_FI": ("EUR", ["Yövartiointi", "Virallinen käännös", "Julkisivun pesu", "Nosturinkuljettaja"],
              "Korvaus palvelusta {service} on {price}."),
}  # fmt: skip

# CLDR units a rate is charged by; babel gives each locale's per-unit patterns
UNITS = ["duration-hour", "duration-day", "duration-month", "duration-week", "length-kilometer", "duration-year"]
OPENING = "Service agreement between Kestrel Harbour Works Ltd (the Client) and Brightwater Field Services GmbH."


@dataclass(frozen=True)
class Variation:
    name: str
    batch: str
    blocks: list[Block]
    rates: list[Rate]


def per_pattern(locale: str, unit: str, width: str) -> str | None:
    """'{0} na godzinę', '{0}/h' ... CLDR's per-unit pattern of a unit, or None."""
    data = Locale.parse(locale)._data["unit_patterns"].get(unit, {})
    pattern = data.get(width, {}).get("per")
    return pattern if isinstance(pattern, str) and pattern.startswith("{0}") else None


def unit_printed(pattern: str) -> str:
    """What the label keeps of a per-unit pattern: the unit after the word for 'per' or the slash, without an
    abbreviation's point (a point ending a sentence cannot be told from it: the readers drop both)."""
    rest = pattern.replace("{0}", "").strip()
    if rest.startswith("/"):
        return rest[1:].strip().rstrip(".")
    words = rest.split()
    unit = (words[-1] if len(words) > 1 else rest).rstrip(".")
    return unit.split("’")[-1].split("'")[-1]  # 'all’ora': the hour, the article elided onto it no part


def unit_name(locale: str, unit: str) -> str:
    """The unit's name standing alone in a unit column: CLDR's singular ('{0} hour', '{0} godzina')."""
    data = Locale.parse(locale)._data["unit_patterns"].get(unit, {}).get("long", {})
    pattern = data.get("one") or data.get("other") or "{0} " + unit.split("-")[-1]
    return str(pattern).replace("{0}", "").strip()


def money(rng: random.Random, locale: str, currency: str, price: Decimal) -> str:
    style = rng.choice(["locale", "code_after", "code_before"])
    if style == "locale":  # the locale's own pattern, always with cents (HUF and CZK print none by default)
        return format_currency(price, currency, locale=locale, currency_digits=False)
    number = format_decimal(price, format="#,##0.00", locale=locale)
    return f"{number} {currency}" if style == "code_after" else f"{currency} {number}"


def _price(rng: random.Random) -> Decimal:
    return Decimal(rng.randrange(1500, 950000)) / 100


def _rates(rng: random.Random, locale: str, width: str = "long") -> list[tuple[str, str, str, Decimal]]:
    """(service, unit key, per-pattern, price) for two to four distinct services of the locale."""
    currency, services, _ = LOCALES[locale]
    chosen = rng.sample(services, rng.randrange(2, len(services) + 1))
    out = []
    for service in chosen:
        for _ in range(10):
            unit = rng.choice(UNITS)
            pattern = per_pattern(locale, unit, width)
            if pattern:
                break
        assert pattern
        out.append((service, unit, pattern, _price(rng)))
    return out


# ---- shapes the reader was built on (batch 'tune')


def ruled_unit_column(rng: random.Random, locale: str) -> tuple[list[Block], list[Rate]]:
    currency = LOCALES[locale][0]
    rows, truth = [["", "", ""]], []
    for service, unit, _, price in _rates(rng, locale):
        name = unit_name(locale, unit)
        rows.append([service, name, money(rng, locale, currency, price)])
        truth.append((service, name, price))
    return [("table", rows, [60, 300, 530], ["l", "l", "r"], True)], truth


def glued_unit_cell(rng: random.Random, locale: str) -> tuple[list[Block], list[Rate]]:
    currency = LOCALES[locale][0]
    rows, truth = [], []
    for service, _, pattern, price in _rates(rng, locale, "short"):
        amount = format_decimal(price, format="#,##0.00", locale=locale)
        rows.append([service, pattern.replace("{0}", f"{amount} {currency}")])
        truth.append((service, unit_printed(pattern), price))
    return [("table", rows, [60, 530], ["l", "r"], False)], truth


def bullets(rng: random.Random, locale: str) -> tuple[list[Block], list[Rate]]:
    currency = LOCALES[locale][0]
    mark = rng.choice(["•", "–", "*", "▪"])
    blocks, truth = [], []
    for service, _, pattern, price in _rates(rng, locale):
        blocks.append(("p", f"{mark} {service}: {pattern.replace('{0}', money(rng, locale, currency, price))}"))
        truth.append((service, unit_printed(pattern), price))
    return blocks, truth


def sentences(rng: random.Random, locale: str) -> tuple[list[Block], list[Rate]]:
    currency, _, template = LOCALES[locale]
    parts, truth = [], []
    for service, _, pattern, price in _rates(rng, locale):
        priced = pattern.replace("{0}", money(rng, locale, currency, price))
        parts.append(template.format(service=service.lower(), price=priced))
        truth.append((service.lower(), unit_printed(pattern), price))
    if rng.random() < 0.5:
        return [("p", " ".join(parts))], truth
    return [("p", part) for part in parts], truth


def numbered(rng: random.Random, locale: str) -> tuple[list[Block], list[Rate]]:
    currency = LOCALES[locale][0]
    section = rng.randrange(2, 9)
    blocks, truth = [], []
    for k, (service, _, pattern, price) in enumerate(_rates(rng, locale), 1):
        priced = pattern.replace("{0}", money(rng, locale, currency, price))
        blocks.append(("p", f"{section}.{k} {service} - {priced}"))
        truth.append((service, unit_printed(pattern), price))
    return blocks, truth


def tiers(rng: random.Random, locale: str) -> tuple[list[Block], list[Rate]]:
    currency = LOCALES[locale][0]
    low, rows, truth = 1, [], []
    unit = rng.choice(["seat/month", "licence/year", "device/month"])
    for k in range(rng.randrange(2, 5)):
        high = low + rng.randrange(9, 400)
        price = _price(rng)
        name = f"Tier {k + 1} ({low}-{high})"
        rows.append(("p", f"{name}: {money(rng, locale, currency, price)} per {unit}"))
        truth.append((name, unit, price))
        low = high + 1
    return rows, truth


def leader_dots(rng: random.Random, locale: str) -> tuple[list[Block], list[Rate]]:
    currency = LOCALES[locale][0]
    blocks, truth = [], []
    for service, _, pattern, price in _rates(rng, locale, rng.choice(["long", "short"])):
        priced = pattern.replace("{0}", money(rng, locale, currency, price))
        blocks.append(("p", f"{service} {'.' * rng.randrange(8, 30)} {priced}"))
        truth.append((service, unit_printed(pattern), price))
    return blocks, truth


def spaced_list(rng: random.Random, locale: str) -> tuple[list[Block], list[Rate]]:
    """Service and price in two cells with no separator, the unit after a spaced slash ('95,00 EUR / Stunde')."""
    currency = LOCALES[locale][0]
    rows, truth = [], []
    for service, unit, _, price in _rates(rng, locale):
        pattern = per_pattern(locale, unit, "long") or "{0}"
        name = unit_printed(pattern)
        rows.append([service, f"{money(rng, locale, currency, price)} / {name}"])
        truth.append((service, name, price))
    return [("table", rows, [60, 330], ["l", "l"], False)], truth


def currency_column(rng: random.Random, locale: str) -> tuple[list[Block], list[Rate]]:
    """A ruled table: service, unit, currency code and the amount in cells of their own."""
    currency = LOCALES[locale][0]
    rows, truth = [], []
    for service, unit, _, price in _rates(rng, locale):
        name = unit_name(locale, unit)
        rows.append([service, name, currency, format_decimal(price, format="#,##0.00", locale=locale)])
        truth.append((service, name, price))
    return [("table", rows, [60, 280, 400, 530], ["l", "l", "l", "r"], True)], truth


TUNE: list[Callable[[random.Random, str], tuple[list[Block], list[Rate]]]] = [
    ruled_unit_column,
    glued_unit_cell,
    bullets,
    sentences,
    numbered,
    tiers,
    leader_dots,
    spaced_list,
    currency_column,
]
# ---- shapes written after the reader was done, scored once (batch 'held')


def two_column_page(rng: random.Random, locale: str) -> tuple[list[Block], list[Rate]]:
    """The clauses in the left column, the rates beside them in the right one, a colon between service and price."""
    currency = LOCALES[locale][0]
    rates = _rates(rng, locale)
    left = [f"{k + 1}. The Contractor performs the services with due care and skill, clause {k + 1}." for k in
            range(len(rates))]  # fmt: skip
    right, truth = [], []
    for service, _, pattern, price in rates:
        right.append(f"{service}: {pattern.replace('{0}', money(rng, locale, currency, price))}")
        truth.append((service, unit_printed(pattern), price))
    return [("cols", left, right)], truth


def unit_first_table(rng: random.Random, locale: str) -> tuple[list[Block], list[Rate]]:
    """A table whose unit column comes first: unit, service, price."""
    currency = LOCALES[locale][0]
    rows, truth = [], []
    for service, unit, _, price in _rates(rng, locale):
        name = unit_name(locale, unit)
        rows.append([name, service, money(rng, locale, currency, price)])
        truth.append((service, name, price))
    return [("table", rows, [60, 160, 530], ["l", "l", "r"], rng.random() < 0.5)], truth


def price_first_list(rng: random.Random, locale: str) -> tuple[list[Block], list[Rate]]:
    """Each entry opens on its price and unit, the service after a dash ('EUR 95,00 pro Stunde – Gerüstmontage')."""
    currency = LOCALES[locale][0]
    blocks, truth = [], []
    for service, _, pattern, price in _rates(rng, locale):
        blocks.append(("p", f"{pattern.replace('{0}', money(rng, locale, currency, price))} – {service}"))
        truth.append((service, unit_printed(pattern), price))
    return blocks, truth


def glued_code_slash(rng: random.Random, locale: str) -> tuple[list[Block], list[Rate]]:
    """Price, currency and unit in one word ('95.00EUR/h'), after a colon."""
    currency = LOCALES[locale][0]
    blocks, truth = [], []
    for service, _, pattern, price in _rates(rng, locale, "short"):
        amount = format_decimal(price, format="0.00", locale=locale)
        blocks.append(("p", f"- {service}: {amount}{currency}{pattern.replace('{0}', '')}"))
        truth.append((service, unit_printed(pattern), price))
    return blocks, truth


def annex_after_signatures(rng: random.Random, locale: str) -> tuple[list[Block], list[Rate]]:
    """The rates in an annex after the signatures, one a line with leader dots and a glued symbol or code."""
    currency = LOCALES[locale][0]
    blocks: list[Block] = [("sign",), ("p", "Annex 1")]
    truth = []
    for service, _, pattern, price in _rates(rng, locale, rng.choice(["long", "short"])):
        priced = pattern.replace("{0}", money(rng, locale, currency, price))
        blocks.append(("table", [[service, priced]], [60, 330], ["l", "l"], False))
        truth.append((service, unit_printed(pattern), price))
    return blocks, truth


def other_units_list(rng: random.Random, locale: str) -> tuple[list[Block], list[Rate]]:
    """Rates per kilogram, metre, square metre, litre, tonne, minute in a bullet list."""
    currency = LOCALES[locale][0]
    others = ["mass-kilogram", "length-meter", "area-square-meter", "volume-liter", "mass-tonne", "duration-minute"]
    blocks, truth = [], []
    for service in rng.sample(LOCALES[locale][1], rng.randrange(2, 5)):
        pattern = per_pattern(locale, rng.choice(others), "long") or "{0} per unit"
        price = _price(rng)
        blocks.append(("p", f"• {service} — {pattern.replace('{0}', money(rng, locale, currency, price))}"))
        truth.append((service, unit_printed(pattern), price))
    return blocks, truth


def semicolon_paragraph(rng: random.Random, locale: str) -> tuple[list[Block], list[Rate]]:
    """All rates in one paragraph after a colon, parted by semicolons ('...: night watch EUR 95.00 per hour; ...')."""
    currency = LOCALES[locale][0]
    parts, truth = [], []
    for service, _, pattern, price in _rates(rng, locale):
        parts.append(f"{service.lower()} {pattern.replace('{0}', money(rng, locale, currency, price))}")
        truth.append((service.lower(), unit_printed(pattern), price))
    return [("p", "The Client pays the following rates: " + "; ".join(parts) + ".")], truth


HELD: list[Callable[[random.Random, str], tuple[list[Block], list[Rate]]]] = [
    two_column_page,
    unit_first_table,
    price_first_list,
    glued_code_slash,
    annex_after_signatures,
    other_units_list,
    semicolon_paragraph,
]


# ---- a second held-out batch, written after the reader's last change and scored once (batch 'held2')


def pipe_cells(rng: random.Random, locale: str) -> tuple[list[Block], list[Rate]]:
    """'service | price | per unit': the unit's phrase in a cell of its own after the price, bars between."""
    currency = LOCALES[locale][0]
    blocks, truth = [], []
    for service, _, pattern, price in _rates(rng, locale):
        unit_phrase = pattern.replace("{0}", "").strip()
        blocks.append(("p", f"{service} | {money(rng, locale, currency, price)} | {unit_phrase}"))
        truth.append((service, unit_printed(pattern), price))
    return blocks, truth


def unit_before_price(rng: random.Random, locale: str) -> tuple[list[Block], list[Rate]]:
    """'service, per unit: price' ('Gerüstmontage, pro Woche: 95,00 EUR')."""
    currency = LOCALES[locale][0]
    blocks, truth = [], []
    for service, _, pattern, price in _rates(rng, locale):
        unit_phrase = pattern.replace("{0}", "").strip()
        blocks.append(("p", f"{service}, {unit_phrase}: {money(rng, locale, currency, price)}"))
        truth.append((service, unit_printed(pattern), price))
    return blocks, truth


def bracketed_unit(rng: random.Random, locale: str) -> tuple[list[Block], list[Rate]]:
    """'service: price (per unit)'."""
    currency = LOCALES[locale][0]
    blocks, truth = [], []
    for service, _, pattern, price in _rates(rng, locale):
        unit_phrase = pattern.replace("{0}", "").strip()
        blocks.append(("p", f"{service}: {money(rng, locale, currency, price)} ({unit_phrase})"))
        truth.append((service, unit_printed(pattern), price))
    return blocks, truth


def lettered_no_separator(rng: random.Random, locale: str) -> tuple[list[Block], list[Rate]]:
    """'a) service price per unit', no colon or dash between the service and its price."""
    currency = LOCALES[locale][0]
    blocks, truth = [], []
    for k, (service, _, pattern, price) in enumerate(_rates(rng, locale)):
        blocks.append(("p", f"{'abcdef'[k]}) {service} {pattern.replace('{0}', money(rng, locale, currency, price))}"))
        truth.append((service, unit_printed(pattern), price))
    return blocks, truth


def two_line_entries(rng: random.Random, locale: str) -> tuple[list[Block], list[Rate]]:
    """The service on one line, its price and unit on the next, indented."""
    currency = LOCALES[locale][0]
    blocks, truth = [], []
    for service, _, pattern, price in _rates(rng, locale):
        blocks.append(("table", [[service, ""], ["", pattern.replace("{0}", money(rng, locale, currency, price))]],
                       [60, 90], ["l", "l"], False))  # fmt: skip
        truth.append((service, unit_printed(pattern), price))
    return blocks, truth


def word_before_per(rng: random.Random, locale: str) -> tuple[list[Block], list[Rate]]:
    """A word between the price and its unit ('95,00 EUR net per hour', 'zzgl. MwSt.' left out)."""
    currency = LOCALES[locale][0]
    blocks, truth = [], []
    for service, _, pattern, price in _rates(rng, locale):
        priced = pattern.replace("{0}", money(rng, locale, currency, price) + " net")
        blocks.append(("p", f"• {service}: {priced}"))
        truth.append((service, unit_printed(pattern), price))
    return blocks, truth


HELD2: list[Callable[[random.Random, str], tuple[list[Block], list[Rate]]]] = [
    pipe_cells,
    unit_before_price,
    bracketed_unit,
    lettered_no_separator,
    two_line_entries,
    word_before_per,
]


def variations(batch: str, n: int, seed: int) -> list[Variation]:
    rng = random.Random(seed)
    shapes = {"tune": TUNE, "held": HELD, "held2": HELD2}[batch]
    out = []
    for k in range(n):
        shape = shapes[k % len(shapes)]
        locale = rng.choice(sorted(LOCALES))
        blocks, truth = shape(rng, locale)
        heading = ("p", f"{rng.randrange(3, 7)}. Rates ({LOCALES[locale][0]})")
        out.append(
            Variation(f"{batch}-{k:03d}-{shape.__name__}-{locale}", batch, [("p", OPENING), heading, *blocks], truth)
        )
    return out


def render(blocks: list[Block]) -> bytes:
    """('p', text) a paragraph; ('cols', left, right) two columns; ('table', rows, xs, aligns, ruled)."""
    regular = font("DejaVuSans.ttf")
    buffer = io.BytesIO()
    page = canvas.Canvas(buffer, pagesize=A4)
    page.setFont(regular, 10)
    y = HEIGHT - 60
    signed = False
    for kind, *rest in blocks:
        if kind == "sign":
            page.drawString(
                60, y - 20, "Signed for the Client: ____________    Signed for the Contractor: ____________"
            )
            y, signed = y - 60, True
        elif kind == "p":
            for line in simpleSplit(rest[0], regular, 10, WIDTH - 120):
                page.drawString(60, y, line)
                y -= 14
            y -= 6
        elif kind == "cols":
            for k, (left, right) in enumerate(zip(rest[0], rest[1], strict=True)):
                for j, line in enumerate(simpleSplit(left, regular, 10, WIDTH / 2 - 80)):
                    page.drawString(60, y - 14 * j, line)
                for j, line in enumerate(simpleSplit(right, regular, 10, WIDTH / 2 - 80)):
                    page.drawString(WIDTH / 2 + 10, y - 14 * j, line)
                y -= 14 * max(len(simpleSplit(left, regular, 10, WIDTH / 2 - 80)), 1) + 8
                del k
        else:
            rows, xs, aligns, ruled = rest
            for row in rows:
                if ruled:
                    page.line(55, y + 11, 540, y + 11)
                for cell, x, align in zip(row, xs, aligns, strict=True):
                    (page.drawRightString if align == "r" else page.drawString)(x, y, cell)
                y -= 16
            if ruled:
                page.line(55, y + 11, 540, y + 11)
            y -= 6
    if not signed:
        page.drawString(60, y - 20, "Signed for the Client: ____________    Signed for the Contractor: ____________")
    page.save()
    return buffer.getvalue()


def score(batch: str, n: int, seed: int, extractor_kind: str = "auto", show: bool = True) -> dict[str, float]:
    from extraction.pipeline import extract
    from models.layout.combine import best_extractor

    extractor = best_extractor(extractor_kind)
    true = predicted = right = whole = 0
    for variation in variations(batch, n, seed):
        _, extraction = extract(render(variation.blocks), "contract.pdf", "contract", extractor=extractor)
        got = [(i.value("description"), i.value("unit"), i.value("unit_price")) for i in extraction.line_items]
        hits = sum(1 for rate in variation.rates if rate in got)
        true, predicted, right = true + len(variation.rates), predicted + len(got), right + hits
        whole += hits == len(variation.rates) == len(got)
        if show and got != variation.rates:
            print(variation.name, "\n   want", variation.rates, "\n   got ", got)
    p, r = right / max(predicted, 1), right / max(true, 1)
    f1 = 2 * p * r / max(p + r, 1e-9)
    report = {"variations": n, "whole": whole, "rates": true, "right": right, "precision": p, "recall": r, "f1": f1}
    print(report)
    return report


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    parser.add_argument("--batch", choices=["tune", "held", "held2"], default="tune")
    parser.add_argument("--n", type=int, default=36)
    parser.add_argument("--seed", type=int, default=1)
    parser.add_argument("--extractor", default="auto")
    args = parser.parse_args()
    score(args.batch, args.n, args.seed, args.extractor)


if __name__ == "__main__":
    main()
