"""The twelfth blind set: purchase orders and contracts written without looking at the extractor, for measuring it.

Sets 1-11 printed Western, Nordic, Central and South-East Europe, the Baltics, the Caucasus' Azerbaijan, the big
economies of the Americas, East and South-East Asia, parts of Africa and the Gulf; this set goes to desks none
printed: Georgia in Georgian script, Armenia in Armenian script, Kazakhstan with every caption in Kazakh and Russian,
Uzbekistan in Latin Uzbek, Mongolia in Cyrillic, Sri Lanka, Bangladesh and Nepal in English with lakh grouping
('12,34,567.50') where the country writes it, Tanzania in Swahili, Uganda's 'Local Purchase Order', French OHADA
orders of Senegal, Côte d'Ivoire and Cameroon (CFA francs without decimals, Cameroon's VAT of 19.25 %), Bolivia,
Mozambique in Portuguese, Oman (rial with three decimals); contracts from Georgia, Armenia, Kazakhstan (in Russian,
the date as «05» марта 2026 г.), Senegal, Panama, El Salvador, Jamaica and Jordan (dinar with three decimals). Dates
in words are Babel's long format for the document's locale ('5 მარტი, 2026', '2026 թ. մարտի 5', '5 Machi 2026');
money has the currency's own places from Babel. Tax ids: Senegal's NINEA, Mozambique's NUIT and El Salvador's NIT
pass python-stdnum; Kazakhstan's BIN carries its real check digit (weights 1-11, then 3-11, 1, 2, modulo 11); the
others (Georgia's identification code, Armenia's ՀՎՀՀ, Uzbekistan's STIR, Mongolia's register number, Sri Lanka's
VAT number, Bangladesh's BIN, Nepal's PAN, Tanzania's and Uganda's TIN, Côte d'Ivoire's compte contribuable,
Cameroon's NIU, Bolivia's NIT, Oman's VATIN, Panama's RUC, Jamaica's TRN, Jordan's tax number) have no published
check digit and are drawn in their printed shape.

Papers no set drew: a shaded sidebar down the whole page holding the order's facts, a numbered boxed form (boxes
'1. Buyer', '2. Order No.' ...), every caption in two languages ('Күні / Дата'), a landscape order with the parties
and facts in three columns across the top, an ERP print with facts behind dotted leaders and three address blocks,
a buyer's letter ('To, The Manager ... you are requested to supply') ending in numbered terms and conditions.
Tables: the price before the quantity, VAT columns after the labelled net amount (rate, VAT, amount with VAT; the
order's VAT is the sum of the lines' rounded VAT), a grey sub-line under every row (deliver by, cost centre,
requisition), a long table over pages with 'carried forward' / 'brought forward' rows, sections with their own
subtotals. Totals: transport charges before the tax, prices including tax, the total in words (English, lakh and
crore English, French 'Arrêté le présent bon de commande à la somme de ...'), a round rubber stamp over the table.
Contracts: the whole text in two columns, rates behind dotted leaders, a Russian-style heading (city left, date in
guillemets right), French 'Article' headings with a rate per article in prose, a landscape annex of rates, Spanish
ordinal clauses with the rate first in the schedule, 'WHEREAS' recitals, rates as lettered sub-clauses. Scans: two
conditions of this set's own (a carbon copy's blue, soft, smeared ink; a crumpled sheet's creases) and the earlier
sets' through their public functions (``blind11.condition11``).

The labels are the other sets' (``blind.blind_po_doc``, ``blind2.blind_contract_doc``): a line's ``unit_price`` is
the price as printed, its ``amount`` quantity x price rounded half up to the currency's places. The lines sum to the
subtotal; the tax is the subtotal (plus the transport charge where there is one, kept in ``freight``) x rate rounded,
or the sum of the lines' rounded VAT where the table has VAT columns; total = subtotal + freight + tax. Where the
order prices gross (``gross``), the lines sum to the total, the tax is total x rate / (100 + rate) rounded and the
subtotal the total less the tax. Line numbers, sub-lines, section and carried subtotals, the VAT columns, the amount
in words and the stamp are printed but not labelled. A contract's label lines are its rates (description, unit,
rate). The families are split once into a ``dev`` and a ``test`` half (``BLIND12_SPLITS``: ``split_by_kind`` with
``SPLIT_SEED``). ``ledgerlens data blind --set 12`` writes them. Written without opening the extractor's code or its
results, and without running it.
"""

from __future__ import annotations

import math
import random
import re
import string
from collections.abc import Callable
from dataclasses import dataclass
from datetime import date, timedelta
from decimal import ROUND_HALF_UP, Decimal
from pathlib import Path
from typing import Any

import numpy as np
from babel import Locale
from babel.dates import format_date as babel_date
from babel.numbers import get_currency_precision
from dateutil.relativedelta import relativedelta
from PIL import Image, ImageFilter
from stdnum import get_cc_module

from training.factory.blind import BlindParty, BlindPO
from training.factory.blind2 import Contract2, flow_tokens, write_blind_set
from training.factory.blind3 import split_by_kind
from training.factory.blind11 import Sheet11, condition11, english_words
from training.factory.blindkit import make_set_contract, make_set_po, split_families
from training.factory.common import GeneratedDoc, draw_logo, family_id
from training.factory.layout import PageDraft, width, wrap
from training.factory.po import POLine
from training.factory.values import NUMBER_STYLES

# ---------------------------------------------------------------- families


@dataclass(frozen=True)
class Blind12Family:
    """A set-12 family. ``lang`` is its locale (Babel's where Babel knows it). ``header``: sidebar | boxed |
    bilingual | landscape | erp | letter (orders); twocol | leaders | cis | articles | landannex | numbered |
    recitals (contracts). ``table`` (orders): std | priceqty | vatcols | sublines | carried | groups; (contracts) the
    schedule: lettered | leaders | table | prose | ratefirst. ``extras``: stamp, charges (a transport charge before
    the tax), gross (prices include tax), words (the total in words), tc (terms and conditions), decqty (decimal
    quantities of bulk goods), term (a contract's expiry is a duration)."""

    name: str
    kind: str
    lang: str
    country: str
    currency: str
    header: str
    table: str
    numbers: str
    font: str
    scan: str
    lines: tuple[int, int] = (2, 30)
    extras: frozenset[str] = frozenset()

    @property
    def family(self) -> str:
        return family_id(f"{self.kind}-blind12", {"name": self.name})

    @property
    def items(self) -> str:
        return self.table

    @property
    def dates(self) -> str:  # a contract's dates
        return "cis" if self.header == "cis" else "long"

    @property
    def places(self) -> int:
        return int(get_currency_precision(self.currency))


def _x(*names: str) -> frozenset[str]:
    return frozenset(names)


F = Blind12Family
FAMILIES: list[Blind12Family] = [
    F("shesyidvis-shekveta-gverdze-ge", "po", "ka_GE", "GE", "GEL", "sidebar", "std", "fr", "dejavu-sans", "carbon",
      lines=(2, 28)),
    F("gnman-patver-vandakner-am", "po", "hy_AM", "AM", "AMD", "boxed", "priceqty", "fr", "dejavu-sans", "crumple",
      lines=(2, 24), extras=_x("stamp")),
    F("tapsyrys-zakaz-eki-til-kz", "po", "kk_KZ", "KZ", "KZT", "bilingual", "std", "fr", "dejavu-serif",
      "highlight", lines=(2, 30), extras=_x("stamp")),
    F("buyurtma-qqs-ustunlari-uz", "po", "uz_Latn_UZ", "UZ", "UZS", "landscape", "vatcols", "fr",
      "dejavu-sans-condensed", "spine", lines=(2, 26)),
    F("zakhialga-shiljuuleg-mn", "po", "mn_MN", "MN", "MNT", "erp", "carried", "en", "dejavu-sans", "dust",
      lines=(20, 70), extras=_x("decqty")),
    F("purchase-order-sublines-lk", "po", "en_LK", "LK", "LKR", "erp", "sublines", "en", "nimbus-sans", "chroma",
      lines=(2, 30), extras=_x("charges")),
    F("work-order-lakh-bd", "po", "en_BD", "BD", "BDT", "letter", "std", "in", "dejavu-serif", "carbon",
      lines=(2, 16), extras=_x("tc", "words")),
    F("purchase-order-sections-np", "po", "en_NP", "NP", "NPR", "boxed", "groups", "in", "nimbus-sans", "washout",
      lines=(4, 36)),
    F("agizo-la-ununuzi-tz", "po", "sw_TZ", "TZ", "TZS", "sidebar", "priceqty", "en", "dejavu-sans", "trifold",
      lines=(2, 26), extras=_x("charges")),
    F("local-purchase-order-ug", "po", "en_UG", "UG", "UGX", "letter", "std", "en", "p052", "crumple",
      lines=(2, 18), extras=_x("stamp", "words")),
    F("bon-commande-arrete-sn", "po", "fr_SN", "SN", "XOF", "boxed", "std", "fr", "dejavu-sans", "fax",
      lines=(2, 22), extras=_x("words", "decqty")),
    F("bon-commande-transport-ci", "po", "fr_CI", "CI", "XOF", "erp", "sublines", "fr", "dejavu-sans-condensed",
      "jpeg150", lines=(2, 30), extras=_x("charges")),
    F("bon-commande-cachet-cm", "po", "fr_CM", "CM", "XAF", "sidebar", "groups", "fr", "dejavu-serif", "binarise",
      lines=(4, 30), extras=_x("stamp")),
    F("orden-compra-iva-incluido-bo", "po", "es_BO", "BO", "BOB", "letter", "priceqty", "de", "c059", "stripes",
      lines=(2, 24), extras=_x("gross", "decqty")),
    F("nota-encomenda-transporte-mz", "po", "pt_MZ", "MZ", "MZN", "landscape", "carried", "fr", "dejavu-sans",
      "holes", lines=(16, 60)),
    F("local-purchase-order-vat-om", "po", "en_OM", "OM", "OMR", "landscape", "vatcols", "en", "nimbus-sans",
      "bleed", lines=(2, 24)),
    F("khelshekruleba-ori-sveti-ge", "contract", "ka_GE", "GE", "GEL", "twocol", "lettered", "fr", "dejavu-sans",
      "dust", extras=_x("term")),
    F("momsasarkutyan-paymanagir-am", "contract", "hy_AM", "AM", "AMD", "leaders", "leaders", "fr", "dejavu-serif",
      "washout"),
    F("dogovor-okazaniya-uslug-kz", "contract", "ru_KZ", "KZ", "KZT", "cis", "table", "fr", "dejavu-serif",
      "carbon", extras=_x("term")),
    F("contrat-articles-ninea-sn", "contract", "fr_SN", "SN", "XOF", "articles", "prose", "fr", "p052", "trifold",
      extras=_x("term")),
    F("contrato-anexo-apaisado-pa", "contract", "es_PA", "PA", "USD", "landannex", "table", "en", "dejavu-sans",
      "chroma"),
    F("contrato-clausulas-nit-sv", "contract", "es_SV", "SV", "USD", "numbered", "ratefirst", "en", "nimbus-sans",
      "highlight", extras=_x("term")),
    F("service-level-agreement-jm", "contract", "en_JM", "JM", "JMD", "recitals", "lettered", "en", "c059",
      "spine"),
    F("services-agreement-jod-jo", "contract", "en_JO", "JO", "JOD", "recitals", "ratefirst", "en", "dejavu-serif",
      "crumple", extras=_x("term")),
]  # fmt: skip
BY_NAME = {f.name: f for f in FAMILIES}
# The split: within each kind, the family names sorted, shuffled with random.Random(SPLIT_SEED), the first half
# (rounded up) to dev. Fixed once, before any document of the set was generated.
SPLIT_SEED = 1212
BLIND12_SPLITS: dict[str, list[str]] = split_by_kind(FAMILIES, SPLIT_SEED)  # type: ignore[arg-type]


def blind12_families(split: str = "all") -> list[Blind12Family]:
    return split_families(BLIND12_SPLITS, BY_NAME, split)


# ---------------------------------------------------------------- numbers and dates


def _babel_locale(lang: str) -> str:
    """``lang`` where Babel knows it, else its language's world form ('en_LK' -> 'en_001')."""
    for candidate in (lang, f"{lang[:2]}_001", lang[:2]):
        try:
            Locale.parse(candidate)
            return candidate
        except Exception:  # noqa: BLE001 - babel raises several kinds for an unknown locale
            continue
    return "en"


def format_day12(day: date, style: str, lang: str) -> str:
    """A date as the document prints it: 'long' is Babel's long format for ``lang`` (its spaces made plain); 'cis'
    «05» марта 2026 г.; dmy_dot 05.03.2026, dmy_slash 05/03/2026, dmy_dash 05-03-2026, ymd_dot 2026.03.05,
    ymd_slash 2026/03/05, dmony 05-Mar-2026."""
    if style == "long":
        return " ".join(babel_date(day, "long", locale=_babel_locale(lang)).split())
    if style == "cis":
        return f"«{day.day:02d}» {babel_date(day, 'MMMM', locale=_babel_locale(lang))} {day.year} г."
    pattern = {"dmy_dot": "%d.%m.%Y", "dmy_slash": "%d/%m/%Y", "dmy_dash": "%d-%m-%Y", "ymd_dot": "%Y.%m.%d",
               "ymd_slash": "%Y/%m/%d", "dmony": "%d-%b-%Y"}[style]  # fmt: skip
    return day.strftime(pattern)


def format_num12(value: Decimal, style: str, places: int) -> str:
    """``value`` with ``places`` decimals in a number style of ``values.NUMBER_STYLES``, or 'in': the Indian
    grouping of South Asia (the last three digits, then pairs: 12,34,567.50)."""
    value = value.quantize(Decimal(1).scaleb(-places), rounding=ROUND_HALF_UP)
    if style != "in":
        thousands, point = NUMBER_STYLES[style]
        text = format(value, f",.{places}f")
        return text.replace(",", "\x00").replace(".", point).replace("\x00", thousands)
    sign = "-" if value < 0 else ""
    whole, _, frac = format(abs(value), f".{places}f").partition(".")
    head, tail = whole[:-3], whole[-3:]
    pairs = [head[max(0, k - 2) : k] for k in range(len(head), 0, -2)][::-1]
    return sign + ",".join([*pairs, tail]) + (f".{frac}" if frac else "")


def format_qty12(value: Decimal, style: str) -> str:
    exponent = value.normalize().as_tuple().exponent
    places = -exponent if isinstance(exponent, int) and exponent < 0 else 0
    return format_num12(value, style, places)


def _round(value: Decimal, places: int) -> Decimal:
    return value.quantize(Decimal(1).scaleb(-places), rounding=ROUND_HALF_UP)


_FR_UNITS = ["zéro", "un", "deux", "trois", "quatre", "cinq", "six", "sept", "huit", "neuf", "dix", "onze", "douze",
             "treize", "quatorze", "quinze", "seize"]  # fmt: skip
_FR_TENS = {2: "vingt", 3: "trente", 4: "quarante", 5: "cinquante", 6: "soixante"}


def french_words(n: int, before: bool = False) -> str:
    """A whole number in French words (1990 spelling rules of the administration: 'mille deux cent
    quatre-vingts'); ``before``: it stands before 'mille', where 'vingts' and 'cents' lose their s."""
    if n < 17:
        return _FR_UNITS[n]
    if n < 20:
        return f"dix-{_FR_UNITS[n - 10]}"
    if n < 100:
        tens, unit = divmod(n, 10)
        if tens in (7, 9):
            base = "soixante" if tens == 7 else "quatre-vingt"
            joint = " et " if n == 71 else "-"
            return f"{base}{joint}{french_words(10 + unit)}"
        if tens == 8:
            return "quatre-vingt" + (f"-{_FR_UNITS[unit]}" if unit else ("" if before else "s"))
        if unit == 0:
            return _FR_TENS[tens]
        return f"{_FR_TENS[tens]}{' et ' if unit == 1 else '-'}{_FR_UNITS[unit]}"
    if n < 1000:
        hundreds, rest = divmod(n, 100)
        head = "cent" if hundreds == 1 else f"{_FR_UNITS[hundreds]} cent" + ("s" if rest == 0 and not before else "")
        return head + (f" {french_words(rest, before)}" if rest else "")
    if n < 1_000_000:
        thousands, rest = divmod(n, 1000)
        head = "mille" if thousands == 1 else f"{french_words(thousands, before=True)} mille"
        return head + (f" {french_words(rest, before)}" if rest else "")
    millions, rest = divmod(n, 1_000_000)
    head = f"{french_words(millions)} million" + ("s" if millions > 1 else "")
    return head + (f" {french_words(rest)}" if rest else "")


def lakh_words(n: int) -> str:
    """A whole number in English words counted in crores and lakhs ('one lakh twenty thousand')."""
    parts = []
    for size, name in ((10**7, "crore"), (10**5, "lakh"), (1000, "thousand")):
        if n >= size:
            parts.append(f"{lakh_words(n // size) if size == 10**7 else english_words(n // size)} {name}")
            n %= size
    if n or not parts:
        parts.append(english_words(n))
    return " ".join(parts)


# ---------------------------------------------------------------- tax ids

_D = string.digits


def _rand(rng: random.Random, alphabet: str, n: int) -> str:
    return "".join(rng.choice(alphabet) for _ in range(n))


def kz_bin_valid(value: str) -> bool:
    """Kazakhstan's BIN / IIN check digit: weights 1..11 modulo 11; a 10 retries with weights 3..11, 1, 2; a second
    10 is no valid number."""
    if not re.fullmatch(r"\d{12}", value):
        return False
    digits = [int(c) for c in value]
    for weights in (range(1, 12), [3, 4, 5, 6, 7, 8, 9, 10, 11, 1, 2]):
        check = sum(d * w for d, w in zip(digits, weights, strict=False)) % 11
        if check != 10:
            return check == digits[11]
    return False


def _stdnum(country: str, name: str) -> Callable[[str], bool]:
    module = get_cc_module(country, name)
    assert module is not None, (country, name)
    return lambda v: bool(module.is_valid(v))


def _shape(pattern: str) -> Callable[[str], bool]:
    return lambda v: re.fullmatch(pattern, v) is not None


def _kz_bin(r: random.Random) -> str:
    return f"{r.randrange(0, 25):02d}{r.randrange(1, 13):02d}4" + r.choice("0123") + _rand(r, _D, 6)


# country -> (caption, a draw of the printed id, the check of the id without spaces)
TAX_SCHEMES12: dict[str, tuple[str, Callable[[random.Random], str], Callable[[str], bool]]] = {
    "GE": ("ს/კ", lambda r: r.choice("24") + _rand(r, _D, 8), _shape(r"[24]\d{8}")),
    "AM": ("ՀՎՀՀ", lambda r: r.choice("02") + _rand(r, _D, 7), _shape(r"[02]\d{7}")),
    "KZ": ("БСН / БИН", _kz_bin, kz_bin_valid),
    "UZ": ("STIR", lambda r: r.choice("23") + _rand(r, _D, 8), _shape(r"[23]\d{8}")),
    "MN": ("РД", lambda r: r.choice("2569") + _rand(r, _D, 6), _shape(r"\d{7}")),
    "LK": ("VAT Reg. No.", lambda r: r.choice("1") + _rand(r, _D, 8) + "-7000", _shape(r"\d{9}-7000")),
    "BD": ("BIN", lambda r: "00" + _rand(r, _D, 7) + "-0" + r.choice("123") + "0" + r.choice("123"),
           _shape(r"\d{9}-\d{4}")),
    "NP": ("PAN", lambda r: r.choice("36") + _rand(r, _D, 8), _shape(r"\d{9}")),
    "TZ": ("TIN", lambda r: "1" + _rand(r, _D, 2) + "-" + _rand(r, _D, 3) + "-" + _rand(r, _D, 3),
           _shape(r"\d{3}-\d{3}-\d{3}")),
    "UG": ("TIN", lambda r: "100" + _rand(r, _D, 7), _shape(r"10\d{8}")),
    "SN": ("NINEA", lambda r: _rand(r, _D, 7) + " " + r.choice("0123") + r.choice("ABCGMV") + r.choice("0123"),
           _stdnum("sn", "ninea")),
    "CI": ("N° CC", lambda r: _rand(r, _D, 7) + " " + r.choice(string.ascii_uppercase), _shape(r"\d{7}[A-Z]")),
    "CM": ("NIU", lambda r: r.choice("MP") + _rand(r, _D, 12) + r.choice(string.ascii_uppercase),
           _shape(r"[MP]\d{12}[A-Z]")),
    "BO": ("NIT", lambda r: r.choice("123") + _rand(r, _D, 6) + "0" + _rand(r, _D, 2), _shape(r"\d{10}")),
    "MZ": ("NUIT", lambda r: "4" + _rand(r, _D, 8), _stdnum("mz", "nuit")),
    "OM": ("VATIN", lambda r: "OM11" + _rand(r, _D, 8), _shape(r"OM1\d{9}")),
    "PA": ("RUC", lambda r: f"{r.randrange(1, 2_000_000_000):d}-{r.randrange(1, 3)}-{r.randrange(1990, 2024)}",
           _shape(r"\d{1,10}-\d-\d{4}")),
    "SV": ("NIT", lambda r: "0614-" + f"{r.randrange(1, 29):02d}{r.randrange(1, 13):02d}{r.randrange(0, 24):02d}" +
           "-" + _rand(r, _D, 3) + "-" + r.choice(_D), _stdnum("sv", "nit")),
    "JM": ("TRN", lambda r: "0" + _rand(r, _D, 2) + "-" + _rand(r, _D, 3) + "-" + _rand(r, _D, 3),
           _shape(r"\d{3}-\d{3}-\d{3}")),
    "JO": ("Tax No.", lambda r: "1" + _rand(r, _D, 8), _shape(r"\d{9}")),
}  # fmt: skip


def tax_id_valid12(country: str, value: str) -> bool:
    """``value`` (without spaces) passes the country's check digits, or has the scheme's printed shape."""
    return TAX_SCHEMES12[country][2](value.replace(" ", ""))


def tax_id12(rng: random.Random, country: str) -> str:
    draw = TAX_SCHEMES12[country][1]
    for _ in range(5000):
        candidate = draw(rng)
        if tax_id_valid12(country, candidate):
            return candidate
    raise RuntimeError(f"no valid tax id drawn for {country}")


TAX_RATES12 = {"GE": "18", "AM": "20", "KZ": "12", "UZ": "12", "MN": "10", "LK": "18", "BD": "15", "NP": "13",
               "TZ": "18", "UG": "18", "SN": "18", "CI": "18", "CM": "19.25", "BO": "13", "MZ": "16", "OM": "5",
               "PA": "7", "SV": "13", "JM": "15", "JO": "16"}  # fmt: skip
DATE_STYLES12 = {"GE": ("dmy_dot", "long"), "AM": ("dmy_dot", "long"), "KZ": ("dmy_dot",), "UZ": ("dmy_dot", "long"),
                 "MN": ("ymd_dot", "long"), "LK": ("dmy_slash", "long"), "BD": ("dmy_dash", "long"),
                 "NP": ("ymd_slash", "dmony"), "TZ": ("dmy_slash", "long"), "UG": ("dmy_slash", "long"),
                 "SN": ("dmy_slash", "long"), "CI": ("dmy_slash",), "CM": ("dmy_slash", "long"),
                 "BO": ("dmy_slash", "long"), "MZ": ("dmy_slash", "long"), "OM": ("dmy_slash", "dmony")}  # fmt: skip
# a currency's prices against the euro's (so that an item costs about as much everywhere)
_PRICE_SCALE12 = {"GEL": "3", "AMD": "420", "KZT": "520", "UZS": "13500", "MNT": "3600", "LKR": "330", "BDT": "130",
                  "NPR": "145", "TZS": "2800", "UGX": "4000", "XOF": "655", "XAF": "655", "BOB": "7.5", "MZN": "70",
                  "OMR": "0.42", "USD": "1.1", "JMD": "170", "JOD": "0.77"}  # fmt: skip

# ---------------------------------------------------------------- parties

# country -> (stems, trades, legal forms, how a name is written)
PARTIES12: dict[str, tuple[list[str], list[str], list[str], str]] = {
    "GE": (["კავკასია", "მტკვარი", "ალაზანი", "რიონი"], ["ტრეიდი", "კონსტრაქშენი", "ლოჯისტიკა"], ["შპს", "სს"],
           "{form} {stem} {trade}"),
    "AM": (["Արարատ", "Սևան", "Արագած", "Դիլիջան"], ["Թրեյդ", "Շին", "Սերվիս"], ["ՍՊԸ", "ՓԲԸ"],
           "«{stem} {trade}» {form}"),
    "KZ": (["Алатау", "Сарыарқа", "Ертіс", "Жетісу"], ["Снаб", "Құрылыс", "Логистик"], ["ТОО", "АО"],
           "{form} «{stem} {trade}»"),
    "UZ": (["Samarqand", "Zarafshon", "Farg'ona", "Buxoro"], ["Savdo", "Qurilish", "Tekstil"], ["MChJ", "AJ"],
           "«{stem} {trade}» {form}"),
    "MN": (["Хан-Уул", "Тэрэлж", "Хөвсгөл", "Орхон"], ["Трейд", "Ноолуур", "Барилга"], ["ХХК", "ХК"],
           "{stem} {trade} {form}"),
    "LK": (["Kandy", "Ruhuna", "Lanka", "Kelani"], ["Tea Traders", "Engineering", "Rubber Products"],
           ["(Pvt) Ltd", "PLC"], "{stem} {trade} {form}"),
    "BD": (["Padma", "Meghna", "Jamuna", "Karnaphuli"], ["Knit Composite", "Apparels", "Trading"], ["Ltd.", "Limited"],
           "{stem} {trade} {form}"),
    "NP": (["Himalayan", "Sagarmatha", "Annapurna", "Bagmati"], ["Hydro Power", "Traders", "Suppliers"],
           ["Pvt. Ltd.", "Ltd."], "{stem} {trade} {form}"),
    "TZ": (["Kilimanjaro", "Serengeti", "Zanzibar", "Usambara"], ["Hardware", "General Supplies", "Traders"],
           ["Limited", "Co. Ltd"], "{stem} {trade} {form}"),
    "UG": (["Kampala", "Nile", "Rwenzori", "Entebbe"], ["Hardware", "Agro Supplies", "General Merchants"],
           ["(U) Ltd", "Limited"], "{stem} {trade} {form}"),
    "SN": (["Téranga", "Casamance", "Sine-Saloum", "Dakar-Plateau"], ["Distribution", "Négoce", "Matériaux"],
           ["SARL", "SA", "SUARL"], "{stem} {trade} {form}"),
    "CI": (["Lagune", "Bandama", "Yamoussoukro", "Cocody"], ["Équipements", "Négoce", "Services"], ["SARL", "SA"],
           "{stem} {trade} {form}"),
    "CM": (["Wouri", "Sanaga", "Mungo", "Bénoué"], ["Commerce Général", "Matériaux", "Logistique"], ["SARL", "SA"],
           "{stem} {trade} {form}"),
    "BO": (["Illimani", "Uyuni", "Titicaca", "Chiquitano"], ["Comercial", "Constructora", "Importadora"],
           ["S.R.L.", "S.A."], "{trade} {stem} {form}"),
    "MZ": (["Zambeze", "Limpopo", "Maputo", "Niassa"], ["Comercial", "Construções", "Agro"], ["Lda", "S.A."],
           "{stem} {trade}, {form}"),
    "OM": (["Muscat", "Dhofar", "Sohar", "Nizwa"], ["Trading", "Oilfield Services", "Engineering"],
           ["LLC", "SAOG"], "{stem} {trade} {form}"),
    "PA": (["Chagres", "Coclé", "Darién", "Chiriquí"], ["Servicios Logísticos", "Arrendadora", "Inversiones"],
           ["S.A.", "Corp."], "{trade} {stem}, {form}"),
    "SV": (["Cuscatlán", "Izalco", "Lempa", "Ilopango"], ["Consultores", "Soluciones", "Servicios"],
           ["S.A. de C.V.", "S.A."], "{trade} {stem}, {form}"),
    "JM": (["Blue Mountain", "Port Royal", "Montego", "Ocho Rios"], ["Technical Services", "Facilities", "Systems"],
           ["Limited", "Ltd."], "{stem} {trade} {form}"),
    "JO": (["Petra", "Aqaba", "Jerash", "Wadi Rum"], ["Engineering", "Technical Services", "Consulting"],
           ["LLC", "Co. Ltd", "PSC"], "{stem} {trade} {form}"),
}  # fmt: skip
PLACES12: dict[str, list[tuple[str, str, str]]] = {
    "GE": [("თბილისი", "0179", "ჭავჭავაძის გამზ."), ("ბათუმი", "6010", "რუსთაველის ქ.")],
    "AM": [("Երևան", "0010", "Տիգրան Մեծի պող."), ("Գյումրի", "3101", "Ռիժկովի փող.")],
    "KZ": [("Алматы", "050000", "пр. Абая"), ("Астана", "010000", "ул. Кенесары")],
    "UZ": [("Toshkent", "100000", "Amir Temur ko'chasi"), ("Samarqand", "140100", "Registon ko'chasi")],
    "MN": [("Улаанбаатар", "14200", "Чингисийн өргөн чөлөө"), ("Дархан", "45000", "Сэлэнгийн гудамж")],
    "LK": [("Colombo 03", "00300", "Galle Road"), ("Kandy", "20000", "Peradeniya Road")],
    "BD": [("Dhaka-1212", "1212", "Gulshan Avenue"), ("Chattogram", "4100", "Agrabad C/A")],
    "NP": [("Kathmandu", "44600", "Durbar Marg"), ("Pokhara", "33700", "Lakeside Road")],
    "TZ": [("Dar es Salaam", "P.O. Box 7821", "Nyerere Road"), ("Arusha", "P.O. Box 2310", "Sokoine Road")],
    "UG": [("Kampala", "P.O. Box 7145", "Jinja Road"), ("Mbarara", "P.O. Box 412", "High Street")],
    "SN": [("Dakar", "BP 3214", "Avenue Cheikh Anta Diop"), ("Thiès", "BP 118", "Route de Mbour")],
    "CI": [("Abidjan", "01 BP 1542", "Boulevard Valéry Giscard d'Estaing"), ("Bouaké", "BP 870", "Avenue Houphouët")],
    "CM": [("Douala", "BP 4120", "Boulevard de la Liberté"), ("Yaoundé", "BP 1187", "Avenue Kennedy")],
    "BO": [("La Paz", "Casilla 4410", "Av. 16 de Julio"),
           ("Santa Cruz de la Sierra", "Casilla 2215", "Av. Cristo Redentor")],
    "MZ": [("Maputo", "1100", "Av. Julius Nyerere"), ("Beira", "2100", "Av. Eduardo Mondlane")],
    "OM": [("Muscat", "PC 112", "Way No. 3109"), ("Sohar", "PC 311", "Falaj Al Qabail")],
    "PA": [("Ciudad de Panamá", "0816", "Calle 50"), ("David", "0426", "Av. Obaldía")],
    "SV": [("San Salvador", "CP 1101", "Paseo General Escalón"), ("Santa Ana", "CP 2201", "Av. Independencia")],
    "JM": [("Kingston 10", "JMAAW10", "Half Way Tree Road"), ("Montego Bay", "JMCJM01", "Howard Cooke Boulevard")],
    "JO": [("Amman", "11183", "Zahran Street"), ("Irbid", "21110", "University Street")],
}  # fmt: skip


def make_party12(rng: random.Random, country: str, avoid: str = "") -> BlindParty:
    stems, trades, forms, pattern = PARTIES12[country]
    stem = rng.choice([s for s in stems if s not in avoid])
    name = pattern.format(form=rng.choice(forms), stem=stem, trade=rng.choice(trades))
    city, post, street = rng.choice(PLACES12[country])
    return BlindParty(name, f"{street} {rng.randrange(1, 160)}", f"{post} {city}", country,
                      TAX_SCHEMES12[country][0], tax_id12(rng, country))  # fmt: skip


# ---------------------------------------------------------------- order words

_EN = {"title": "PURCHASE ORDER", "number": "PO No.", "date": "Date", "buyer": "Buyer", "vendor": "Supplier",
       "terms": "Payment Terms", "currency": "Currency", "code": "Item Code", "desc": "Description",
       "qty": "Qty", "unit": "UOM", "price": "Unit Price", "amount": "Amount", "subtotal": "Sub Total",
       "tax": "VAT", "total": "Grand Total", "ship": "Deliver To", "page": "Page", "freight": "Transport Charges",
       "carried": "Carried forward", "brought": "Brought forward", "section": "Section subtotal",
       "vat_rate": "VAT %", "vat_amount": "VAT Amount", "gross_amount": "Total incl. VAT", "by": "Deliver by",
       "cc": "Cost centre", "req": "PR No.", "words": "Amount in words", "only": "only", "stamp": "APPROVED",
       "tc": "Terms and Conditions", "sign": "Authorised Signatory", "to": "To,", "manager": "The Manager,",
       "subject": "Subject: Supply of materials", "dear": "Dear Sir/Madam,",
       "request": "With reference to your quotation, you are requested to supply the following items at the "
                  "rates and terms given below.", "all_in": "All amounts in"}  # fmt: skip
PO_WORDS12: dict[str, dict[str, str]] = {
    "GE": {**_EN, "title": "შესყიდვის შეკვეთა", "number": "შეკვეთის №", "date": "თარიღი", "buyer": "შემკვეთი",
           "vendor": "მომწოდებელი", "terms": "გადახდის პირობები", "currency": "ვალუტა", "code": "კოდი",
           "desc": "დასახელება", "qty": "რაოდ.", "unit": "ერთ.", "price": "ერთ. ფასი", "amount": "თანხა",
           "subtotal": "ჯამი დღგ-ს გარეშე", "tax": "დღგ", "total": "სულ გადასახდელი", "ship": "მიწოდების მისამართი",
           "page": "გვერდი", "sign": "ხელმოწერა"},
    "AM": {**_EN, "title": "ԳՆՄԱՆ ՊԱՏՎԵՐ", "number": "Պատվեր №", "date": "Ամսաթիվ", "buyer": "Գնորդ",
           "vendor": "Մատակարար", "terms": "Վճարման պայմաններ", "currency": "Արժույթ", "code": "Կոդ",
           "desc": "Անվանում", "qty": "Քանակ", "unit": "Չ/մ", "price": "Միավորի գին", "amount": "Գումար",
           "subtotal": "Ընդամենը առանց ԱԱՀ", "tax": "ԱԱՀ", "total": "Ընդամենը վճարման", "ship": "Առաքման հասցե",
           "page": "Էջ", "stamp": "Կ.Տ.", "sign": "Ստորագրություն"},
    "KZ": {**_EN, "title": "САТЫП АЛУҒА ТАПСЫРЫС / ЗАКАЗ НА ЗАКУПКУ", "number": "Тапсырыс № / Заказ №",
           "date": "Күні / Дата", "buyer": "Тапсырыс беруші / Заказчик", "vendor": "Жеткізуші / Поставщик",
           "terms": "Төлем шарттары / Условия оплаты", "currency": "Валюта", "code": "Коды / Код",
           "desc": "Атауы / Наименование", "qty": "Саны / Кол-во", "unit": "Өлш. бір. / Ед. изм.",
           "price": "Бағасы / Цена", "amount": "Сомасы / Сумма", "subtotal": "ҚҚС-сыз барлығы / Итого без НДС",
           "tax": "ҚҚС / НДС", "total": "Төлеуге барлығы / Всего к оплате",
           "ship": "Жеткізу мекенжайы / Адрес доставки",
           "page": "Бет / Стр.", "stamp": "М.О. / М.П.", "sign": "Қолы / Подпись"},
    "UZ": {**_EN, "title": "XARID BUYURTMASI", "number": "Buyurtma raqami", "date": "Sana", "buyer": "Buyurtmachi",
           "vendor": "Yetkazib beruvchi", "terms": "To'lov shartlari", "currency": "Valyuta",
           "code": "MXIK kodi", "desc": "Tovar nomi", "qty": "Miqdori", "unit": "O'lchov birligi", "price": "Narxi",
           "amount": "Yetkazib berish qiymati", "subtotal": "QQSsiz jami", "tax": "QQS", "total": "Jami to'lov",
           "vat_rate": "QQS stavkasi", "vat_amount": "QQS summasi", "gross_amount": "QQS bilan qiymati",
           "ship": "Yetkazib berish manzili", "page": "Sahifa"},
    "MN": {**_EN, "title": "ХУДАЛДАН АВАХ ЗАХИАЛГА", "number": "Захиалгын дугаар", "date": "Огноо",
           "buyer": "Захиалагч", "vendor": "Нийлүүлэгч", "terms": "Төлбөрийн нөхцөл", "currency": "Валют",
           "code": "Код", "desc": "Бараа, үйлчилгээний нэр", "qty": "Тоо", "unit": "Х/н", "price": "Нэгжийн үнэ",
           "amount": "Дүн", "subtotal": "НӨАТ-гүй дүн", "tax": "НӨАТ", "total": "Нийт дүн",
           "ship": "Хүргэх хаяг", "page": "Хуудас", "carried": "Дараагийн хуудсанд шилжүүлсэн",
           "brought": "Өмнөх хуудаснаас шилжсэн", "bill": "Нэхэмжлэх хаяг"},
    "LK": {**_EN, "bill": "Bill To"},
    "BD": {**_EN, "title": "WORK ORDER", "number": "Ref:", "price": "Unit Rate", "amount": "Total Amount",
           "total": "Total Amount (incl. VAT)", "words": "In words: Taka", "qty": "Quantity", "unit": "Unit"},
    "NP": {**_EN, "number": "P.O. No.", "tax": "VAT", "subtotal": "Taxable Amount", "total": "Net Amount",
           "section": "Sub-total"},
    "TZ": {**_EN, "title": "AGIZO LA UNUNUZI", "number": "Namba ya Agizo", "date": "Tarehe", "buyer": "Mnunuzi",
           "vendor": "Msambazaji", "terms": "Masharti ya Malipo", "currency": "Sarafu", "code": "Namba ya Bidhaa",
           "desc": "Maelezo", "qty": "Idadi", "unit": "Kipimo", "price": "Bei ya Kipimo", "amount": "Jumla",
           "subtotal": "Jumla Ndogo", "tax": "VAT", "total": "Jumla Kuu", "ship": "Mahali pa Kupeleka",
           "page": "Ukurasa", "freight": "Gharama za Usafiri",
           "sign": "Sahihi ya Mwidhinishaji"},
    "UG": {**_EN, "title": "LOCAL PURCHASE ORDER", "number": "LPO No.", "words": "Amount in words: Uganda Shillings",
           "total": "TOTAL UGX"},
    "SN": {**_EN, "title": "BON DE COMMANDE", "number": "N° BC", "date": "Date", "buyer": "Service acheteur",
           "vendor": "Fournisseur", "terms": "Conditions de paiement", "currency": "Devise", "code": "Réf.",
           "desc": "Désignation", "qty": "Qté", "unit": "Unité", "price": "P.U.", "amount": "Montant",
           "subtotal": "Total HT", "tax": "TVA", "total": "Total TTC", "ship": "Lieu de livraison", "page": "Page",
           "words": "Arrêté le présent bon de commande à la somme de", "only": "francs CFA",
           "stamp": "VISA DU DIRECTEUR", "sign": "Le Directeur administratif et financier"},
    "CI": {**_EN, "title": "BON DE COMMANDE", "number": "Commande n°", "date": "Date", "buyer": "Client",
           "vendor": "Fournisseur", "terms": "Règlement", "currency": "Devise", "code": "Code article",
           "desc": "Libellé", "qty": "Quantité", "unit": "U.", "price": "Prix unitaire", "amount": "Montant HT",
           "subtotal": "Montant HT", "tax": "TVA", "total": "Net à payer TTC", "ship": "Livrer à",
           "bill": "Facturer à", "page": "Page", "freight": "Frais de transport", "by": "Livraison le",
           "cc": "Section analytique", "req": "DA n°"},
    "CM": {**_EN, "title": "BON DE COMMANDE", "number": "BC N°", "date": "Date", "buyer": "Acheteur",
           "vendor": "Fournisseur", "terms": "Modalités de paiement", "currency": "Monnaie", "code": "Code",
           "desc": "Désignation", "qty": "Qté", "unit": "Unité", "price": "P.U. HT", "amount": "Total HT",
           "subtotal": "Total HT", "tax": "TVA", "total": "Total TTC", "ship": "Livraison", "page": "Page",
           "section": "Sous-total", "stamp": "BON POUR ACCORD",
           "sign": "Signature et cachet"},
    "BO": {**_EN, "title": "ORDEN DE COMPRA", "number": "N.º de orden", "date": "Fecha", "buyer": "Comprador",
           "vendor": "Proveedor", "terms": "Forma de pago", "currency": "Moneda", "code": "Código",
           "desc": "Descripción", "qty": "Cantidad", "unit": "Unidad", "price": "Precio unit. (IVA incl.)",
           "amount": "Importe (IVA incl.)", "subtotal": "Importe neto", "tax": "IVA", "total": "Total (IVA incl.)",
           "ship": "Entregar en", "page": "Página", "to": "Señores:", "manager": "Presente.-",
           "subject": "Ref.: Orden de compra de materiales", "dear": "De nuestra consideración:",
           "request": "Por medio de la presente solicitamos a ustedes la provisión de los siguientes artículos, "
                      "a los precios acordados en su cotización.", "all_in": "Importes en", "sign": "Firma autorizada"},
    "MZ": {**_EN, "title": "NOTA DE ENCOMENDA", "number": "N.º da encomenda", "date": "Data", "buyer": "Adquirente",
           "vendor": "Fornecedor", "terms": "Condições de pagamento", "currency": "Moeda", "code": "Código",
           "desc": "Descrição", "qty": "Qtd.", "unit": "Unid.", "price": "Preço unitário", "amount": "Valor",
           "subtotal": "Subtotal", "tax": "IVA", "total": "Total a pagar", "ship": "Local de entrega",
           "page": "Página", "carried": "A transportar", "brought": "Transporte"},
    "OM": {**_EN, "title": "LOCAL PURCHASE ORDER", "number": "LPO No.", "vat_rate": "VAT Rate",
           "gross_amount": "Amount incl. VAT", "total": "Total Amount (OMR)"},
}  # fmt: skip

TERMS12: dict[str, list[tuple[str, int]]] = {
    "GE": [("გადახდა 30 დღის ვადაში", 30), ("წინასწარი გადახდა", 0), ("ინვოისიდან 15 დღეში", 15)],
    "AM": [("Վճարում 30 օրվա ընթացքում", 30), ("Կանխավճար 100%", 0), ("Հաշվից հետո 15 օր", 15)],
    "KZ": [("30 күн ішінде / в течение 30 дней", 30), ("100% алдын ала төлем / предоплата 100%", 0)],
    "UZ": [("30 kun ichida to'lov", 30), ("100% oldindan to'lov", 0), ("Yetkazib berilgandan keyin 15 kun", 15)],
    "MN": [("30 хоногийн дотор төлөх", 30), ("Урьдчилгаа төлбөр 100%", 0)],
    "LK": [("Credit 45 days", 45), ("30 days from GRN", 30)],
    "BD": [("Payment within 30 days of delivery", 30), ("By account payee cheque within 15 days", 15)],
    "NP": [("Within 30 days of bill", 30), ("Cash against delivery", 0)],
    "TZ": [("Malipo ndani ya siku 30", 30), ("Malipo kabla ya kupokea", 0)],
    "UG": [("30 days credit", 30), ("Cash on delivery", 0), ("14 days after delivery", 14)],
    "SN": [("Paiement à 30 jours fin de mois", 30), ("Comptant à la livraison", 0)],
    "CI": [("Virement à 60 jours date de facture", 60), ("Chèque à 30 jours", 30)],
    "CM": [("À 45 jours fin de mois", 45), ("Paiement à la livraison", 0)],
    "BO": [("Pago contra entrega", 0), ("A 15 días de la factura", 15), ("Crédito 30 días", 30)],
    "MZ": [("Pagamento a 30 dias", 30), ("Pronto pagamento", 0)],
    "OM": [("60 days from invoice", 60), ("30 days PDC", 30)],
}  # fmt: skip

# country -> (description, unit, bulk): bulk items can take decimal quantities
PRODUCTS12: dict[str, list[tuple[str, str, bool]]] = {
    "GE": [("ბეჭდვის ქაღალდი A4", "შეკვრა", False), ("ცემენტი M400", "ტომარა", False),
           ("ღვინის ბოთლი 0,75 ლ", "ცალი", False), ("ელექტრო კაბელი 3x2,5", "მ", True),
           ("ფასადის საღებავი", "კგ", True), ("სამუშაო ხელთათმანები", "წყვილი", False)],
    "AM": [("Թուղթ A4", "տուփ", False), ("Ցեմենտ", "կգ", True), ("Կոնյակի շիշ 0,5 լ", "հատ", False),
           ("Էլեկտրական մալուխ", "մ", True), ("Ջրային ներկ", "կգ", True), ("Աշխատանքային ձեռնոցներ", "զույգ", False)],
    "KZ": [("Бумага офисная А4", "пачка", False), ("Цемент М400", "мешок", False), ("Кабель ВВГ 3х2,5", "м", True),
           ("Краска водоэмульсионная", "кг", True), ("Перчатки рабочие", "пара", False),
           ("Труба стальная 57 мм", "м", True)],
    "UZ": [("Paxta tolasi", "kg", True), ("Qog'oz A4", "pachka", False), ("Sement M400", "qop", False),
           ("Elektr kabeli", "m", True), ("Bo'yoq", "kg", True), ("Ish qo'lqoplari", "juft", False)],
    "MN": [("Ноолуур, самнасан", "кг", True), ("Цаас A4", "боодол", False), ("Цемент", "шуудай", False),
           ("Цахилгаан кабель", "м", True), ("Будаг", "кг", True), ("Ажлын бээлий", "хос", False),
           ("Дулаалгын хөөсөнцөр", "ш", False)],
    "LK": [("Tea chest plywood", "pcs", False), ("Nitrile gloves", "box", False), ("Coconut coir fibre", "kg", True),
           ("Printer toner cartridge", "pcs", False), ("Diesel", "ltr", True), ("Packing tape 48 mm", "roll", False)],
    "BD": [("Cotton yarn 30s combed", "kg", True), ("Poly bag 12x16", "pcs", False), ("Carton 5 ply", "pcs", False),
           ("Sewing thread 40/2", "cone", False), ("Zipper 7 inch", "pcs", False), ("Hang tag", "pcs", False)],
    "NP": [("Turbine bearing", "pcs", False), ("GI pipe 1 inch", "m", True), ("Cement OPC", "bag", False),
           ("Solar panel 330W", "pcs", False), ("Copper wire 2.5 sq mm", "coil", False),
           ("Bitumen 60/70", "drum", False)],
    "TZ": [("Mifuko ya saruji", "mfuko", False), ("Mabati geji 28", "bati", False), ("Karatasi A4", "rimu", False),
           ("Rangi ya maji", "lita", True), ("Nondo 12mm", "kipande", False), ("Glavu za kazi", "jozi", False)],
    "UG": [("Maize flour", "kg", True), ("Iron sheets 28G", "pcs", False), ("Coffee sacks", "pcs", False),
           ("Cement bags", "bag", False), ("Solar lantern", "pcs", False), ("Paraffin", "ltr", True)],
    "SN": [("Sac de riz brisé 50 kg", "sac", False), ("Huile d'arachide", "bidon", False),
           ("Ciment CPJ 45", "tonne", True),
           ("Fer à béton de 10", "barre", False), ("Tôle ondulée", "feuille", False), ("Gasoil", "litre", True)],
    "CI": [("Fèves de cacao", "kg", True), ("Sacs en jute", "u", False), ("Ramette papier A4", "carton", False),
           ("Câble électrique 2,5 mm²", "m", True), ("Disjoncteur 32 A", "u", False), ("Gasoil", "litre", True)],
    "CM": [("Ciment Robust 42,5", "sac", False), ("Tôle bac alu", "feuille", False),
           ("Planche de bois dur", "u", False),
           ("Peinture à eau", "seau", False), ("Fer à béton de 12", "barre", False), ("Pointes 80 mm", "kg", False)],
    "BO": [("Quinua real", "qq", True), ("Cemento IP-30", "bolsa", False), ("Calamina galvanizada", "pieza", False),
           ("Alambre de amarre", "kg", True), ("Ladrillo de 6 huecos", "pieza", False),
           ("Harina de trigo", "qq", True)],
    "MZ": [("Caju processado", "kg", True), ("Cimento 42,5N", "saco", False), ("Chapas de zinco", "unid.", False),
           ("Papel A4", "resma", False), ("Tinta plástica", "lata", False), ("Botas de segurança", "par", False)],
    "OM": [("Desalination membrane", "pcs", False), ("PVC conduit 25 mm", "m", True), ("Safety coverall", "pcs", False),
           ("Dates Khalas carton", "ctn", False), ("Diesel filter", "pcs", False), ("Hydraulic oil", "ltr", True)],
}  # fmt: skip

# ---------------------------------------------------------------- orders


@dataclass
class Order12:
    po: BlindPO
    look: dict[str, Any]
    line_vat: list[Decimal]  # each line's rounded VAT (VAT columns)
    groups: list[tuple[str, int]]  # (section title, first line) of a sectioned table
    price_units: list[int]


_COLUMNS12 = {
    "std": ("line_no", "sku", "description", "quantity", "unit", "unit_price", "amount"),
    "priceqty": ("line_no", "description", "unit", "unit_price", "quantity", "amount"),
    "vatcols": ("line_no", "sku", "description", "unit", "quantity", "unit_price", "amount", "vat_rate",
                "vat_amount", "gross_amount"),
    "sublines": ("line_no", "sku", "description", "quantity", "unit", "unit_price", "amount"),
    "carried": ("line_no", "sku", "description", "quantity", "unit", "unit_price", "amount"),
    "groups": ("line_no", "sku", "description", "quantity", "unit", "unit_price", "amount"),
}  # fmt: skip
_SECTIONS = {"NP": ["A. Civil works", "B. Electro-mechanical", "C. Transmission line", "D. Site office"],
             "CM": ["Lot 1 – Gros œuvre", "Lot 2 – Toiture", "Lot 3 – Finitions", "Lot 4 – Divers"]}  # fmt: skip


def _po_number12(rng: random.Random, country: str, year: int) -> str:
    n = rng.randrange(100, 99999)
    return {"GE": f"PO-{year}/{n:05d}", "AM": f"{n % 9999:04d}", "KZ": f"ЗК-{n:06d}", "UZ": f"{year}-{n:05d}",
            "MN": f"ХА-{year % 100}/{n % 9999:04d}", "LK": f"PO/{year}/{n:06d}", "BD": f"WO/{year}/{n % 9999:04d}",
            "NP": f"{year + 57}/{year + 58 - 2000}-{n % 999:03d}", "TZ": f"LPO-{n:05d}", "UG": f"{n:06d}",
            "SN": f"{n % 9999:04d}/{year}/DAF", "CI": f"BC{year % 100}{n:05d}", "CM": f"{n % 9999:04d}/BC/{year}",
            "BO": f"OC-{n % 9999:04d}/{year}", "MZ": f"NE {n % 9999:04d}/{year}",
            "OM": f"LPO/{year}/{n:05d}"}[country]  # fmt: skip


def sample_po12(rng: random.Random, fam: Blind12Family) -> Order12:
    buyer = make_party12(rng, fam.country)
    vendor = make_party12(rng, fam.country, avoid=buyer.name)
    ship = make_party12(rng, fam.country)
    ship.name = buyer.name
    places = fam.places
    rate = Decimal(TAX_RATES12[fam.country])
    mult = Decimal(_PRICE_SCALE12[fam.currency])
    lines: list[POLine] = []
    for _ in range(rng.randrange(*fam.lines)):
        desc, unit, bulk = rng.choice(PRODUCTS12[fam.country])
        price = _round(Decimal(rng.randrange(50_000, 15_000_000)) / 100_000 * mult, places)
        if price == 0:
            price = Decimal(1).scaleb(-places)
        if bulk and "decqty" in fam.extras:
            qty = (Decimal(rng.randrange(5, 4000)) / Decimal(rng.choice([4, 10, 100]))).quantize(Decimal("0.01"))
            qty = Decimal(format(qty.normalize(), "f"))
        else:
            qty = Decimal(rng.choice([1, 2, 3, 4, 5, 6, 10, 12, 20, 25, 50, 100, 120, 500]))
        if qty == qty.to_integral_value():
            qty = qty.quantize(Decimal(1))
        sku = f"{rng.choice(string.ascii_uppercase)}{rng.randrange(1000, 99999)}"
        if fam.table == "vatcols" and fam.country == "UZ":  # the state's 17-digit product classifier code
            sku = "0" + "".join(str(rng.randrange(10)) for _ in range(16))
        lines.append(POLine(sku, desc, qty, unit, price, None, None, _round(qty * price, places)))
    lines_sum = sum((ln.amount for ln in lines), Decimal(0))
    freight = (
        _round(Decimal(rng.randrange(2000, 40000)) / 100 * mult, places) if "charges" in fam.extras else Decimal(0)
    )
    line_vat = [_round(ln.amount * rate / 100, places) for ln in lines]
    if "gross" in fam.extras:
        total = lines_sum
        tax = _round(total * rate / (100 + rate), places)
        subtotal = total - tax
    else:
        subtotal = lines_sum
        vatcols = fam.table == "vatcols"  # the VAT the lines print, summed
        tax = sum(line_vat, Decimal(0)) if vatcols else _round((subtotal + freight) * rate / 100, places)
        total = subtotal + freight + tax
    order_date = date(rng.randrange(2024, 2028), 1, 1) + timedelta(days=rng.randrange(365))
    terms = rng.choice(TERMS12[fam.country])
    po = BlindPO(_po_number12(rng, fam.country, order_date.year), order_date, buyer, vendor, ship, terms, lines,
                 subtotal, Decimal(0), Decimal(0), freight, rate, {rate: tax}, tax, total)  # fmt: skip
    cols = list(_COLUMNS12[fam.table])
    if rng.random() < 0.35:
        cols.remove("line_no")
    if "sku" in cols and rng.random() < 0.3 and fam.table != "vatcols":
        cols.remove("sku")
    if "sku" not in cols:
        for ln in lines:
            ln.sku = None
    groups: list[tuple[str, int]] = []
    if fam.table == "groups":
        n_groups = min(len(lines), rng.randrange(2, 5))
        starts = sorted(rng.sample(range(1, len(lines)), n_groups - 1)) if len(lines) > 1 else []
        groups = list(zip(_SECTIONS[fam.country], [0, *starts], strict=False))
    look = {"columns": cols, "dates": rng.choice(DATE_STYLES12[fam.country]), "numbers": fam.numbers,
            "totals": "gross" if "gross" in fam.extras else ("charges" if freight else "net"),
            "numbered": "line_no" in cols}  # fmt: skip
    return Order12(po, look, line_vat, groups, [1] * len(lines))


class Sheet12(Sheet11):
    """Set 11's page cursor on a portrait or landscape page, with a left edge of its own (a sidebar's)."""

    def __init__(self, rng: random.Random, fam: Blind12Family, landscape: bool = False) -> None:
        if landscape:
            self.W, self.H = 841.89, 595.28
        self.x0 = self.M
        super().__init__(rng, fam)  # type: ignore[arg-type]

    @property
    def span(self) -> float:
        return self.W - self.M - self.x0

    def new_page(self) -> PageDraft:
        page = super().new_page()
        self.decorate(page)
        return page

    def page_numbers(self, caption: str) -> None:
        """'Page 2/3' at each page's foot, wherever that page is portrait or landscape."""
        n = len(self.pages)
        for i, page in enumerate(self.pages, start=1):
            page.text(page.width - self.M, page.height - 24, f"{caption} {i}/{n}".strip(), self.fonts.regular, 7,
                      align="right")  # fmt: skip

    def decorate(self, page: PageDraft) -> None:
        """What a layout repeats on every page (a sidebar's band)."""


class PO12Writer(Sheet12):
    def __init__(self, rng: random.Random, fam: Blind12Family, order: Order12) -> None:
        self.order, self.po = order, order.po
        self.words = PO_WORDS12[fam.country]
        self.style = order.look["numbers"]
        super().__init__(rng, fam, landscape=fam.header == "landscape")
        if fam.header == "sidebar":
            self.x0 = self.M + 150

    def decorate(self, page: PageDraft) -> None:
        if self.fam.header == "sidebar":
            page.rect(0, 0, self.M + 136, self.H, stroke=None, fill=(0.9, 0.93, 0.9))

    def money(self, value: Decimal) -> str:
        return format_num12(value, self.style, self.fam.places)

    def day(self, value: date) -> str:
        return format_day12(value, self.order.look["dates"], self.fam.lang)

    def facts(self) -> list[tuple[str, str, str]]:
        w, po = self.words, self.po
        return [(w["number"], po.number, "po_number"), (w["date"], self.day(po.order_date), "order_date"),
                (w["terms"], po.terms[0], "payment_terms"), (w["currency"], self.fam.currency, "currency")]  # fmt: skip

    def party(self, x: float, y: float, caption: str, p: BlindParty, role: str, size: float = 8.5) -> float:
        """A caption, the party's name, address and tax id; returns the y under it."""
        if caption:
            self.t(x, y, caption, size - 1, bold=True, color=(0.3, 0.3, 0.3))
            y += size + 3
        self.t(x, y, p.name, size + 0.5, bold=True, ent=self.ent(f"{role}_name"))
        for line in (p.street, p.city):
            y += size + 2.5
            self.t(x, y, line, size)
        y += size + 2.5
        lx = x + self.t(x, y, f"{p.tax_label}:", size) + 4
        self.t(lx, y, str(p.tax_id), size, ent=self.ent(f"{role}_tax_id"))
        return y + 6

    # ------------------------------------------------------------ headers

    def head_sidebar(self) -> None:
        """The order's facts stacked in a shaded band down the page's left; the title and parties to its right."""
        w, po, M = self.words, self.po, self.M
        draw_logo(self.page, self.rng, M, 34, 34)
        y = 100.0
        for cap, value, name in self.facts():
            self.t(M, y, cap, 7, bold=True, color=(0.25, 0.35, 0.25))
            y += 11
            lines = wrap(value, self.fonts.regular, 8.5, 126)
            ent = self.ent(name)
            for k, text in enumerate(lines):
                self.page.text(M, y + 10 * k, text, self.fonts.regular, 8.5, entity=ent)
            y += 10 * len(lines) + 12
        self.t(M, y + 10, w["ship"], 7, bold=True, color=(0.25, 0.35, 0.25))
        for k, text in enumerate(wrap(f"{po.ship_to.street}, {po.ship_to.city}", self.fonts.regular, 8, 126)):
            self.t(M, y + 22 + 10 * k, text, 8)
        x = self.x0
        self.t(x, 58, w["title"], 16, bold=True)
        y = self.party(x, 90, w["buyer"], po.buyer, "buyer")
        y2 = self.party(x + self.span / 2, 90, w["vendor"], po.vendor, "vendor")
        self.y = max(y, y2) + 18

    def head_boxed(self) -> None:
        """A numbered boxed form: '1. Buyer', '2. Order No.' ... each a captioned box."""
        w, po, M = self.words, self.po, self.M
        self.t(self.W / 2, 44, w["title"], 14, bold=True, align="center")
        top, span = 56.0, self.W - 2 * M
        wide = span * 0.58
        boxes = [(1, w["buyer"], M, top, wide, 62), (2, w["number"], M + wide, top, span - wide, 31),
                 (3, w["date"], M + wide, top + 31, span - wide, 31), (4, w["vendor"], M, top + 62, wide, 62),
                 (5, w["terms"], M + wide, top + 62, span - wide, 31),
                 (6, w["currency"], M + wide, top + 93, span - wide, 31),
                 (7, w["ship"], M, top + 124, span, 26)]  # fmt: skip
        for n, cap, x, y, bw, bh in boxes:
            self.page.rect(x, y, bw, bh, line_width=0.8)
            self.t(x + 3, y + 8, f"{n}. {cap}", 6.5, color=(0.3, 0.3, 0.3))
        for k, (p, role) in enumerate(((po.buyer, "buyer"), (po.vendor, "vendor"))):
            y = top + 62 * k + 20
            self.t(M + 8, y, p.name, 9, bold=True, ent=self.ent(f"{role}_name"))
            self.t(M + 8, y + 11, f"{p.street}, {p.city}", 7.5)
            lx = M + 8 + self.t(M + 8, y + 22, f"{p.tax_label}", 7.5) + 4
            self.t(lx, y + 22, str(p.tax_id), 7.5, ent=self.ent(f"{role}_tax_id"))
        facts = self.facts()
        for k, (x, y) in enumerate(((M + wide, top), (M + wide, top + 31), (M + wide, top + 62), (M + wide, top + 93))):
            _cap, value, name = facts[k]
            size = 9 if width(value, self.fonts.regular, 9) < span - wide - 14 else 7
            self.t(x + 10, y + 22, value, size, ent=self.ent(name))
        self.t(M + 10, top + 144, f"{po.ship_to.name}, {po.ship_to.street}, {po.ship_to.city}", 8)
        self.y = top + 164

    def head_bilingual(self) -> None:
        """Two languages on every caption; the facts in a two-column grid of caption and value cells."""
        w, po, M = self.words, self.po, self.M
        title_kk, title_ru = w["title"].split(" / ")
        self.t(self.W / 2, 42, title_kk, 12, bold=True, align="center")
        self.t(self.W / 2, 56, title_ru, 11, bold=True, align="center")
        y, span = 70.0, self.W - 2 * M
        for cap, value, name in self.facts():
            self.page.rect(M, y, span * 0.4, 16, fill=(0.94, 0.94, 0.94), line_width=0.5)
            self.page.rect(M + span * 0.4, y, span * 0.6, 16, line_width=0.5)
            self.t(M + 4, y + 11, cap, 7.5)
            self.t(M + span * 0.4 + 4, y + 11, value, 8.5, ent=self.ent(name))
            y += 16
        y += 14
        y1 = self.party(M, y, w["buyer"], po.buyer, "buyer")
        y2 = self.party(M + span / 2, y, w["vendor"], po.vendor, "vendor")
        y = max(y1, y2) + 8
        self.t(M, y, f"{w['ship']}: {po.ship_to.street}, {po.ship_to.city}", 7.5)
        self.y = y + 14

    def head_landscape(self) -> None:
        """A landscape page: buyer, supplier and the order's facts in three columns across the top."""
        w, po, M = self.words, self.po, self.M
        self.t(M, 44, w["title"], 15, bold=True)
        col = (self.W - 2 * M) / 3
        self.party(M, 66, w["buyer"], po.buyer, "buyer")
        self.party(M + col, 66, w["vendor"], po.vendor, "vendor")
        y = 66.0
        for cap, value, name in self.facts():
            x = M + 2 * col + self.t(M + 2 * col, y, f"{cap}:", 8, bold=True) + 5
            self.t(x, y, value, 8.5, ent=self.ent(name))
            y += 12
        self.t(M + 2 * col, y + 2, f"{w['ship']}: {po.ship_to.city}", 7.5)
        self.page.line(M, 124, self.W - M, 124, 1.0)
        self.y = 132

    def head_erp(self) -> None:
        """An ERP print: the title and facts behind dotted leaders, then vendor, bill-to and ship-to blocks."""
        w, po, M = self.words, self.po, self.M
        self.t(M, 48, w["title"], 14, bold=True)
        self.t(M, 60, po.buyer.name, 8.5, color=(0.3, 0.3, 0.3))
        x_cap, x_val = self.W - M - 230, self.W - M - 110
        y = 40.0
        for cap, value, name in self.facts():
            self.t(x_cap, y, cap, 8)
            dots = x_cap + width(cap, self.fonts.regular, 8) + 3
            n_dots = max(0, int((x_val - 6 - dots) / width(".", self.fonts.regular, 8)))
            self.t(dots, y, "." * n_dots, 8, color=(0.5, 0.5, 0.5))
            size = 8.5 if width(value, self.fonts.regular, 8.5) < 110 else 7
            self.t(x_val, y, value, size, ent=self.ent(name))
            y += 12
        y = max(y, 92.0) + 8
        third = (self.W - 2 * M) / 3
        self.party(M, y, w["vendor"], po.vendor, "vendor", size=8)
        self.party(M + third, y, w.get("bill", w["buyer"]), po.buyer, "buyer", size=8)
        self.t(M + 2 * third, y, w["ship"], 7, bold=True, color=(0.3, 0.3, 0.3))
        for k, line in enumerate((po.ship_to.name, po.ship_to.street, po.ship_to.city)):
            self.t(M + 2 * third, y + 11 + 10.5 * k, line, 8)
        self.y = y + 66

    def head_letter(self) -> None:
        """A buyer's letter: letterhead, reference and date, 'To, The Manager' and the supplier, a subject line
        and a request to supply; the payment terms come in the terms and conditions after the table."""
        w, po, M = self.words, self.po, self.M
        self.t(self.W / 2, 46, po.buyer.name, 14, bold=True, align="center", ent=self.ent("buyer_name"))
        self.t(self.W / 2, 59, f"{po.buyer.street}, {po.buyer.city}", 8, align="center")
        label = f"{po.buyer.tax_label}:"
        lw = width(label, self.fonts.regular, 8) + 4 + width(str(po.buyer.tax_id), self.fonts.regular, 8)
        x = self.W / 2 - lw / 2
        x += self.t(x, 70, label, 8) + 4
        self.t(x, 70, str(po.buyer.tax_id), 8, ent=self.ent("buyer_tax_id"))
        self.page.line(M, 78, self.W - M, 78, 1.2)
        self.t(self.W / 2, 96, w["title"], 12, bold=True, align="center")
        x = M + self.t(M, 114, w["number"], 9) + 4
        self.t(x, 114, po.number, 9, ent=self.ent("po_number"))
        x = self.W - M - 120
        x += self.t(x, 114, f"{w['date']}:", 9) + 4
        self.t(x, 114, self.day(po.order_date), 9, ent=self.ent("order_date"))
        y = 136.0
        self.t(M, y, w["to"], 9)
        if w["manager"]:
            y += 11
            self.t(M, y, w["manager"], 9)
        y += 11
        self.t(M, y, po.vendor.name, 9, bold=True, ent=self.ent("vendor_name"))
        for line in (po.vendor.street, po.vendor.city):
            y += 11
            self.t(M, y, line, 9)
        y += 11
        x = M + self.t(M, y, f"{po.vendor.tax_label}:", 9) + 4
        self.t(x, y, str(po.vendor.tax_id), 9, ent=self.ent("vendor_tax_id"))
        y += 20
        self.t(M, y, w["subject"], 9, bold=True)
        y += 16
        self.t(M, y, w["dear"], 9)
        self.y = y + 4
        self.flow(w["request"], {}, M, self.W - 2 * M)
        x = M + self.t(M, self.y + 4, f"{w['all_in']}", 8.5) + 4
        self.t(x, self.y + 4, self.fam.currency, 8.5, ent=self.ent("currency"))
        if "tc" not in self.fam.extras:  # else the terms and conditions after the table say it
            x = self.W / 2 + self.t(self.W / 2, self.y + 4, f"{w['terms']}:", 8.5) + 4
            self.t(x, self.y + 4, po.terms[0], 8.5, ent=self.ent("payment_terms"))
        self.y += 14

    # ------------------------------------------------------------ the table

    def col_specs(self) -> list[tuple[str, str, float, str]]:
        """(role, caption, width share, align) per printed column."""
        w = self.words
        caps = {"line_no": ("#", 0.04, "left"), "sku": (w["code"], 0.12, "left"),
                "description": (w["desc"], 0.34, "left"), "quantity": (w["qty"], 0.08, "right"),
                "unit": (w["unit"], 0.08, "left"), "unit_price": (w["price"], 0.12, "right"),
                "amount": (w["amount"], 0.13, "right"), "vat_rate": (w["vat_rate"], 0.06, "right"),
                "vat_amount": (w["vat_amount"], 0.1, "right"),
                "gross_amount": (w["gross_amount"], 0.13, "right")}  # fmt: skip
        if self.fam.country == "UZ":
            caps["sku"] = (w["code"], 0.15, "left")
        cols = self.order.look["columns"]
        total = sum(caps[c][1] for c in cols)
        return [(c, caps[c][0], caps[c][1] / total, caps[c][2]) for c in cols]

    def header_row(self, specs: list[tuple[str, str, float, str]]) -> None:
        x, span = self.x0, self.span
        rows = [max(1, len(wrap(cap, self.fonts.bold, 7, share * span - 6))) for _r, cap, share, _a in specs]
        h = 6 + 9 * max(rows)
        self.page.rect(x, self.y, span, h, stroke=(0.2, 0.2, 0.2), fill=(0.85, 0.88, 0.92), line_width=0.5)
        for _role, cap, share, align in specs:
            cw = share * span
            ax = x + cw - 3 if align == "right" else x + 3
            for k, text in enumerate(wrap(cap, self.fonts.bold, 7, cw - 6)):
                self.t(ax, self.y + 10 + 9 * k, text, 7, bold=True, align=align)
            x += cw
        self.y += h + 3

    def cell(self, role: str, i: int, ln: POLine) -> tuple[str, str | None]:
        vat = self.order.line_vat[i]
        rate = self.po.tax_rate or Decimal(0)
        return {"line_no": (str(i + 1), None), "sku": (ln.sku or "", "sku"), "quantity": (format_qty12(ln.quantity,
                self.style), "quantity"), "unit": (ln.unit or "", "unit"),
                "unit_price": (self.money(ln.unit_price), "unit_price"), "amount": (self.money(ln.amount), "amount"),
                "vat_rate": (f"{format_qty12(rate, self.style)}%", None), "vat_amount": (self.money(vat), None),
                "gross_amount": (self.money(ln.amount + vat), None)}[role]  # fmt: skip

    def sum_row(self, caption: str, value: Decimal, shade: bool = True) -> None:
        """An unlabelled row of the table: a caption and a running or section sum under the amount column."""
        if shade:
            self.page.rect(self.x0, self.y - 1, self.span, 13, stroke=None, fill=(0.95, 0.95, 0.95))
        x, right = self.x0, self.x0
        for role, _cap, share, _a in self.col_specs():
            right = x + share * self.span
            if role == "amount":
                break
            x = right
        self.t(x - 6, self.y + 8.5, caption, 7.5, bold=True, align="right")
        self.t(right - 3, self.y + 8.5, self.money(value), 7.5, bold=True, align="right")
        self.y += 15

    def table(self) -> None:
        fam, order = self.fam, self.order
        specs = self.col_specs()
        self.header_row(specs)
        size, lead = 8.0, 10.5
        starts = {start: title for title, start in order.groups}
        ends = {start - 1 for start in starts if start} | {len(self.po.lines) - 1}
        running = section = Decimal(0)
        for i, ln in enumerate(self.po.lines):
            desc_w = next(share for role, _c, share, _a in specs if role == "description") * self.span - 6
            desc_lines = wrap(ln.description, self.fonts.regular, size, desc_w)
            h = lead * len(desc_lines) + 4 + (9 if fam.table == "sublines" else 0)
            extra = 16 if i in starts else 0
            if self.y + h + extra > self.H - 70:
                if fam.table == "carried":
                    self.sum_row(self.words["carried"], running)
                self.new_page()
                self.y = 46
                self.header_row(specs)
                if fam.table == "carried":
                    self.sum_row(self.words["brought"], running)
            if i in starts:
                self.t(self.x0 + 3, self.y + 10, starts[i], 8.5, bold=True)
                self.y += 15
            base = self.y + 8
            x = self.x0
            for role, _cap, share, align in specs:
                cw = share * self.span
                if role == "description":
                    ent = self.ent("description", i)
                    for k, text in enumerate(desc_lines):
                        self.page.text(x + 3, base + lead * k, text, self.fonts.regular, size, entity=ent, row=i)
                else:
                    text, name = self.cell(role, i, ln)
                    ax = x + cw - 3 if align == "right" else x + 3
                    self.page.text(ax, base, text, self.fonts.regular, size, entity=self.ent(name, i) if name else None,
                                   align=align, row=i)  # fmt: skip
                x += cw
            self.y += lead * len(desc_lines) + 4
            if fam.table == "sublines":
                self.subline(i)
            running += ln.amount
            section += ln.amount
            self.page.line(self.x0, self.y - 1, self.x0 + self.span, self.y - 1, 0.25, (0.6, 0.6, 0.6))
            if order.groups and i in ends:
                self.sum_row(self.words["section"], section)
                section = Decimal(0)
        self.y += 8

    def subline(self, i: int) -> None:
        """A grey second line under the row: deliver-by date, cost centre, requisition (printed, not labelled)."""
        w, rng = self.words, self.rng
        by = self.po.order_date + timedelta(days=rng.randrange(7, 60))
        text = (f"{w['by']} {format_day12(by, self.order.look['dates'], self.fam.lang)} · {w['cc']} "
                f"{rng.randrange(1000, 9999)} · {w['req']} {rng.randrange(10000, 99999)}")  # fmt: skip
        self.t(self.x0 + 24, self.y + 5, text, 6.5, color=(0.45, 0.45, 0.45))
        self.y += 9

    def totals(self) -> None:
        w, po, fam = self.words, self.po, self.fam
        if self.y > self.H - 140:
            self.new_page()
            self.y = 60
        rate = format_qty12(po.tax_rate or Decimal(0), self.style)
        rows = [(w["subtotal"], po.subtotal, "subtotal")]
        if po.freight:
            rows.append((w["freight"], po.freight, ""))
        rows += [(f"{w['tax']} {rate}%", po.tax_total, "tax_total"), (w["total"], po.total, "total")]
        if "gross" in fam.extras:
            rows = [rows[-1], rows[0], rows[1]]  # the total including tax first, then its net and its tax
        need = max(width(c, self.fonts.bold, 9) + width(self.money(v), self.fonts.bold, 9) for c, v, _n in rows) + 16
        xr, xl = self.W - self.M, self.W - self.M - max(240, need)
        top = self.y
        for cap, value, name in rows:
            bold = name == "total"
            self.t(xl, self.y + 10, cap, 9, bold=bold)
            self.t(xr, self.y + 10, self.money(value), 9, bold=bold, ent=self.ent(name) if name else None,
                   align="right")  # fmt: skip
            self.y += 15
        self.page.rect(xl - 6, top, xr - xl + 10, self.y - top + 4, line_width=0.6)
        self.y += 8
        if "words" in fam.extras:
            self.amount_words()
        if "tc" in fam.extras:
            self.conditions()
        if "stamp" in fam.extras:
            self.stamp(top)
        if fam.header in {"letter", "sidebar"} or "stamp" in fam.extras:
            self.y += 26
            if self.y > self.H - 40:
                self.new_page()
                self.y = 80
            self.page.line(self.W - self.M - 170, self.y, self.W - self.M, self.y, 0.4)
            self.t(self.W - self.M - 85, self.y + 10, w["sign"], 7.5, align="center")

    def amount_words(self) -> None:
        w, po = self.words, self.po
        whole = int(po.total)
        cents = int(_round((po.total - whole) * 100, 0))
        if self.fam.lang.startswith("fr"):
            text = f"{w['words']} : {french_words(whole)} ({self.money(po.total)}) {w['only']}."
        else:
            spell = lakh_words if self.style == "in" else english_words
            tail = f" and {english_words(cents)} paisa" if cents and self.style == "in" else ""
            text = f"{w['words']} {spell(whole).title().replace(' And ', ' and ')}{tail} {w['only']}."
        self.flow(text, {}, self.M, self.W - 2 * self.M, size=8.5)

    def conditions(self) -> None:
        """Numbered terms and conditions; the payment terms are one of them."""
        w, po = self.words, self.po
        self.t(self.M, self.y + 10, w["tc"], 9, bold=True)
        self.y += 12
        items = [
            ("Delivery: within {d} days from the date of this order at our store.", {}),
            ("Payment: {terms}.", {"terms": (po.terms[0], "payment_terms")}),
            ("VAT and AIT will be deducted at source as per the rules of the Government.", {}),
            ("Goods must conform to the approved sample; rejected goods are taken back at your cost.", {}),
        ]
        for k, (template, values) in enumerate(items, start=1):
            template = template.replace("{d}", str(self.rng.choice([7, 15, 21, 30])))
            self.t(self.M, self.y + 9, f"{k}.", 8.5)
            self.flow(template, values, self.M + 14, self.W - 2 * self.M - 14, size=8.5, lead=1.3)

    def stamp(self, top: float) -> None:
        """A round rubber stamp in violet or blue over the last rows and the totals (its words not labelled)."""
        rng, po = self.rng, self.po
        color = rng.choice([(0.35, 0.2, 0.6), (0.15, 0.25, 0.65)])
        cx = rng.uniform(self.W * 0.35, self.W * 0.62)
        cy = top + rng.uniform(-30, 20)
        for r in (44.0, 40.0):
            pts = [
                (cx + r * math.cos(a / 40 * 2 * math.pi), cy + r * math.sin(a / 40 * 2 * math.pi)) for a in range(41)
            ]
            self.page.path(pts, 1.2, color)
        name = po.buyer.name
        size = 6.5 if width(name, self.fonts.bold, 6.5) < 70 else 5
        self.t(cx, cy - 8, name, size, bold=True, align="center", color=color)
        self.t(cx, cy + 4, self.words["stamp"], 7.5, bold=True, align="center", color=color)
        self.t(cx, cy + 15, str(po.buyer.tax_id), 5.5, align="center", color=color)

    def write(self) -> None:
        getattr(self, f"head_{self.fam.header}")()
        self.table()
        self.totals()
        self.page_numbers(self.words["page"])


def make_blind12_po(seed: int, fam: Blind12Family, doc_id: str | None = None) -> GeneratedDoc:
    return make_set_po(seed, fam, doc_id, set_no=12, sample=sample_po12, writer_of=PO12Writer)


# ---------------------------------------------------------------- contracts

CONTRACT12: dict[str, dict[str, Any]] = {
    "GE": {"title": "მომსახურების ხელშეკრულება", "number": "ხელშეკრულება №",
           "intro": "ქ. თბილისი, {eff}. {buyer}, ს/კ {btax}, შემდგომში „დამკვეთი“, და {vendor}, ს/კ {vtax}, "
                    "შემდგომში „შემსრულებელი“, ვდებთ წინამდებარე ხელშეკრულებას შემდეგზე:",
           "until": "ხელშეკრულება მოქმედებს {exp} ჩათვლით.",
           "term": "ხელშეკრულება მოქმედებს {n} {unit} განმავლობაში ხელმოწერის დღიდან.", "units": ("თვის", "წლის"),
           "pay": "ფასები მითითებულია ვალუტაში {cur} და ანგარიშსწორება ხორციელდება {terms}.",
           "terms": [("ინვოისის მიღებიდან 30 დღის ვადაში", 30), ("ყოველი თვის 10 რიცხვამდე", 10)],
           "rates": "მომსახურების ტარიფები:", "per": "ერთეულზე",
           "services": [("ტექნიკური მომსახურება", "საათი"), ("სერვერის ჰოსტინგი", "თვე"),
                        ("პერსონალის ტრენინგი", "დღე"), ("ადგილზე გამოძახება", "ვიზიტი")],
           "clauses": ["ხელშეკრულების საგანი", "ვადა", "ანგარიშსწორება", "მხარეთა ვალდებულებები", "მიღება-ჩაბარება",
                       "პასუხისმგებლობა", "ფორსმაჟორი"],
           "more": ["შემსრულებელი ვალდებულია გასწიოს მომსახურება ჯეროვნად, კეთილსინდისიერად და დათქმულ ვადებში, "
                    "დამკვეთის წერილობითი მითითებების შესაბამისად. დამკვეთი ვალდებულია შემსრულებელს დროულად "
                    "მიაწოდოს მომსახურების გასაწევად საჭირო ინფორმაცია და უზრუნველყოს მისი წარმომადგენლების "
                    "დაშვება ობიექტზე.",
                    "მომსახურების მიღება-ჩაბარება ფორმდება ორმხრივად ხელმოწერილი აქტით, რომელიც დგება ყოველი "
                    "საანგარიშო თვის ბოლოს. აქტზე ხელმოწერაზე დასაბუთებული უარი ეცნობება მეორე მხარეს 5 სამუშაო "
                    "დღის ვადაში.",
                    "ვალდებულების შეუსრულებლობის ან არაჯეროვანი შესრულებისთვის მხარეები პასუხს აგებენ საქართველოს "
                    "კანონმდებლობით დადგენილი წესით. ვადის გადაცილების ყოველ დღეზე დაირიცხება პირგასამტეხლო "
                    "ანგარიშის თანხის 0,1 პროცენტის ოდენობით.",
                    "ფორსმაჟორული გარემოებების დადგომისას მხარე თავისუფლდება პასუხისმგებლობისგან, თუ იგი ამის "
                    "შესახებ მეორე მხარეს აცნობებს 5 სამუშაო დღის ვადაში და წარმოადგენს შესაბამის დოკუმენტს."],
           "filler": "მხარეები ვალდებულნი არიან დაიცვან კონფიდენციალურობა ხელშეკრულების მოქმედების ვადაში და "
                     "მისი შეწყვეტის შემდეგ. დავები წყდება მოლაპარაკებით, ხოლო შეუთანხმებლობის შემთხვევაში – "
                     "საქართველოს სასამართლოში."},
    "AM": {"title": "ԾԱՌԱՅՈՒԹՅՈՒՆՆԵՐԻ ՄԱՏՈՒՑՄԱՆ ՊԱՅՄԱՆԱԳԻՐ", "number": "Պայմանագիր №",
           "intro": "Կնքված է ք. Երևանում {eff} ամսաթվին։ {buyer}, ՀՎՀՀ {btax}, այսուհետ՝ Պատվիրատու, և "
                    "{vendor}, ՀՎՀՀ {vtax}, այսուհետ՝ Կատարող, կնքեցին սույն պայմանագիրը։",
           "until": "Պայմանագիրը գործում է մինչև {exp} ներառյալ։",
           "pay": "Գները նշված են {cur} արժույթով։ Վճարման ժամկետը՝ {terms} (ըստ հաշվի)։",
           "terms": [("30 օր հաշիվը ստանալուց հետո", 30), ("մինչև յուրաքանչյուր ամսվա 15-ը", 15)],
           "rates": "Ծառայությունների գները",
           "services": [("Հաշվապահական խորհրդատվություն", "ժամ"), ("Հարկային հաշվետվություն", "ամիս"),
                        ("Աուդիտ", "օր"), ("Աշխատավարձի հաշվարկ", "աշխատակից")]},
    "KZ": {"title": "ДОГОВОР ОКАЗАНИЯ УСЛУГ", "number": "№", "city": "г. Алматы",
           "intro": "{buyer}, БИН {btax}, именуемое в дальнейшем «Заказчик», с одной стороны, и {vendor}, "
                    "БИН {vtax}, именуемое в дальнейшем «Исполнитель», с другой стороны, заключили настоящий "
                    "договор о нижеследующем.",
           "until": "Договор вступает в силу с даты подписания и действует до {exp}.",
           "term": "Договор вступает в силу с даты подписания и действует {n} {unit}.",
           "units": ("месяцев", {1: "год", 2: "года", 3: "года"}),
           "pay": "Стоимость услуг указана в {cur} без учета НДС. Оплата производится {terms}.",
           "terms": [("в течение 10 банковских дней с даты подписания акта", 10),
                     ("ежемесячно в течение 30 дней после выставления счета", 30)],
           "rates": "Стоимость услуг", "cols": ("№ п/п", "Наименование услуги", "Ед. изм.", "Цена"),
           "services": [("Техническое обслуживание оборудования", "месяц"), ("Выезд специалиста", "выезд"),
                        ("Ремонт оборудования", "час"), ("Консультация", "час")]},
    "SN": {"title": "CONTRAT DE PRESTATION DE SERVICES", "number": "Contrat n°",
           "intro": "Entre {buyer}, NINEA {btax}, ci-après « le Client », et {vendor}, NINEA {vtax}, ci-après « le "
                    "Prestataire », il a été convenu ce qui suit, avec effet au {eff}.",
           "term": "Le présent contrat est conclu pour une durée de {n} {unit} à compter de sa date d'effet.",
           "until": "Le présent contrat prend fin le {exp}.", "units": ("mois", {1: "an", 2: "ans", 3: "ans"}),
           "pay": "Les prix sont exprimés en {cur}, hors TVA. Les factures sont payables {terms}.",
           "terms": [("à 30 jours date de réception", 30), ("à 45 jours fin de mois", 45)],
           "prose": "Le Prestataire facture {service} au prix de {rate} {cur} par {unit}.",
           "articles": ["Objet", "Durée", "Prix et modalités de paiement", "Tarifs"],
           "services": [("le gardiennage de site", "mois"), ("l'entretien des locaux", "intervention"),
                        ("la désinsectisation", "passage"), ("le jardinage", "journée")]},
    "PA": {"title": "CONTRATO DE ARRENDAMIENTO DE EQUIPOS", "number": "Contrato N.º",
           "intro": "En la Ciudad de Panamá, a {eff}, comparecen {buyer}, RUC {btax}, en adelante EL ARRENDATARIO, y "
                    "{vendor}, RUC {vtax}, en adelante EL ARRENDADOR, quienes convienen lo siguiente.",
           "until": "El presente contrato vence el {exp}.",
           "pay": "Los cánones se expresan en {cur} y se pagan {terms}, más el ITBMS correspondiente.",
           "terms": [("dentro de los 30 días siguientes a la factura", 30), ("por mes adelantado", 0)],
           "rates": "ANEXO A – Cánones de arrendamiento",
           "cols": ("Equipo", "Período", "Canon", "Observaciones"),
           "notes": ["Incluye mantenimiento", "Seguro a cargo del arrendatario", "Mínimo tres meses", "Sin operador"],
           "services": [("Montacargas 3 t", "mes"), ("Generador 100 kVA", "mes"), ("Grúa telescópica", "día"),
                        ("Compresor de aire", "semana")]},
    "SV": {"title": "CONTRATO DE SERVICIOS PROFESIONALES", "number": "Contrato N.º",
           "intro": "En San Salvador, a {eff}, {buyer}, con NIT {btax}, que en lo sucesivo se denominará LA "
                    "CONTRATANTE, y {vendor}, con NIT {vtax}, que en lo sucesivo se denominará LA CONTRATISTA, "
                    "otorgan el presente contrato.",
           "term": "El plazo del contrato es de {n} {unit} contados a partir de su firma.",
           "units": ("meses", {1: "año", 2: "años", 3: "años"}),
           "until": "El contrato vence el {exp}.",
           "pay": "Los honorarios se expresan en {cur}, más IVA, y se pagan {terms}.",
           "terms": [("dentro de los 30 días de recibida la factura", 30), ("a 60 días del quedan", 60)],
           "rates": "Tabla de honorarios", "cols": ("Honorario", "Unidad", "Servicio"),
           "ordinals": ["PRIMERA", "SEGUNDA", "TERCERA", "CUARTA"],
           "services": [("Auditoría externa", "día"), ("Asesoría tributaria", "hora"), ("Dictamen fiscal", "informe"),
                        ("Capacitación", "sesión")]},
    "JM": {"title": "SERVICE LEVEL AGREEMENT", "number": "Agreement No.",
           "recitals": ["WHEREAS the Customer operates premises in Jamaica and requires the services described in "
                        "this agreement;", "AND WHEREAS the Provider has the skill and personnel to provide them;"],
           "intro": "THIS AGREEMENT is made on {eff} BETWEEN {buyer}, TRN {btax} (the Customer) AND {vendor}, "
                    "TRN {vtax} (the Provider).",
           "until": "This agreement shall continue in force until {exp}.",
           "pay": "All charges are stated in {cur}, exclusive of GCT, and are payable {terms}.",
           "terms": [("within thirty (30) days of receipt of a proper invoice", 30), ("fortnightly", 14)],
           "rates": "The Customer shall pay the Provider:",
           "lettered": "{service} at {rate} {cur} per {unit};",
           "services": [("for help-desk support", "hour"), ("for network monitoring", "month"),
                        ("for on-site response", "call-out"), ("for backup management", "server")]},
    "JO": {"title": "TECHNICAL SERVICES AGREEMENT", "number": "Ref. No.",
           "recitals": ["WHEREAS the First Party wishes to engage a qualified contractor for the works set out in "
                        "the Schedule;", "AND WHEREAS the Second Party has agreed to perform them on the terms of "
                        "this agreement;"],
           "intro": "This agreement is made in Amman on {eff} between {buyer}, Tax No. {btax} (the First Party) and "
                    "{vendor}, Tax No. {vtax} (the Second Party).",
           "term": "This agreement is valid for {n} {unit} from the date of signature.",
           "units": ("months", {1: "year", 2: "years", 3: "years"}),
           "until": "This agreement expires on {exp}.",
           "pay": "Prices are in {cur}, exclusive of general sales tax, and are payable {terms}.",
           "terms": [("within 30 days of the invoice date", 30), ("within 60 days of invoice", 60)],
           "rates": "SCHEDULE OF RATES", "cols": ("Rate", "Unit", "Service"),
           "services": [("HVAC maintenance", "visit"), ("Electrical inspection", "day"),
                        ("Generator servicing", "unit"), ("Emergency call-out", "call")]},
}  # fmt: skip


def _contract_number12(rng: random.Random, country: str, year: int) -> str:
    n = rng.randrange(10, 9999)
    return {"GE": f"{n}/{year}", "AM": f"ԾՄ-{year}/{n:03d}", "KZ": f"{n:03d}-У/{year % 100}",
            "SN": f"CP/{year}/{n:04d}", "PA": f"CA-{year}-{n:04d}", "SV": f"CSP-{n:03d}/{year}",
            "JM": f"SLA/{year}/{n:03d}", "JO": f"TS-{n:04d}/{year}"}[country]  # fmt: skip


def sample_contract12(rng: random.Random, fam: Blind12Family) -> Contract2:
    text = CONTRACT12[fam.country]
    buyer = make_party12(rng, fam.country)
    vendor = make_party12(rng, fam.country, avoid=buyer.name)
    effective = date(rng.randrange(2024, 2028), 1, 1) + timedelta(days=rng.randrange(365))
    term: tuple[int, str] | None = None
    if "term" in fam.extras:
        term = rng.choice([(6, "months"), (12, "months"), (36, "months"), (1, "years"), (2, "years"), (3, "years")])
        months = term[0] * (12 if term[1] == "years" else 1)
        expiry = effective + relativedelta(months=months) - timedelta(days=1)
    else:
        expiry = effective + relativedelta(months=rng.choice([6, 12, 24])) - timedelta(days=1)
    services = rng.sample(text["services"], rng.randrange(2, len(text["services"]) + 1))
    mult = Decimal(_PRICE_SCALE12[fam.currency])
    rates = [(s, u, _round(Decimal(rng.randrange(2000, 90000)) / 100 * mult, fam.places)) for s, u in services]
    number = _contract_number12(rng, fam.country, effective.year)
    return Contract2(number, effective, expiry, term, buyer, vendor, rng.choice(text["terms"]), rates)


class Contract12Writer(Sheet12):
    def __init__(self, rng: random.Random, fam: Blind12Family, model: Contract2) -> None:
        self.model = model
        self.text = CONTRACT12[fam.country]
        self.col = -1  # the column a two-column text is in (-1: one column)
        self.top = 0.0  # where the columns of this page start
        self.bottom = 0.0  # where the text breaks to the next column or page
        self.left_end = 0.0  # where the left column ended
        self.clauses: list[tuple[str, dict[str, Any]]] = []
        super().__init__(rng, fam)

    def day(self, value: date) -> str:
        return format_day12(value, self.fam.dates, self.fam.lang)

    def money(self, value: Decimal) -> str:
        return format_num12(value, self.fam.numbers, self.fam.places)

    def values(self) -> dict[str, tuple[str, str | None]]:
        m = self.model
        return {"eff": (self.day(m.effective), "effective_date"), "exp": (self.day(m.expiry), "expiry_date"),
                "buyer": (m.buyer.name, "buyer_name"), "vendor": (m.vendor.name, "vendor_name"),
                "btax": (str(m.buyer.tax_id), "buyer_tax_id"), "vtax": (str(m.vendor.tax_id), "vendor_tax_id"),
                "cur": (self.fam.currency, "currency"), "terms": (m.terms[0], "payment_terms")}  # fmt: skip

    def term_sentence(self) -> tuple[str, dict[str, tuple[str, str | None]]]:
        m, text = self.model, self.text
        if m.term:
            n, unit = m.term
            word = text["units"][0 if unit == "months" else 1]
            word = word if isinstance(word, str) else word[n]  # the plural that goes with n
            return text["term"].replace("{n}", str(n)).replace("{unit}", word), {}
        return text["until"], {"exp": self.values()["exp"]}

    # two columns: the text flows down the left column, then the right, then onto the next page
    def column(self) -> tuple[float, float]:
        if self.col < 0:
            return self.M, self.W - 2 * self.M
        w = (self.W - 2 * self.M - 18) / 2
        return self.M + self.col * (w + 18), w

    def room(self, h: float) -> None:
        if self.y + h <= (self.bottom or self.H - 70):
            return
        if self.col == 0:
            self.col, self.left_end = 1, self.y
            self.y = self.top
        else:
            self.new_page()
            self.y = self.top = 50
            self.bottom = 0.0
            self.col = 0 if self.col >= 0 else -1

    def para(self, template: str, values: dict[str, Any], size: float = 9.0, head: str = "", indent: float = 0.0
             ) -> None:  # fmt: skip
        """A paragraph in the current column, a word at a time, moving on to the next column or page."""
        tokens: list[tuple[str, Any, bool]] = [(head, None, True)] if head else []
        tokens += [(word, ent, False) for word, ent in flow_tokens(template, values, None)]
        space = width(" ", self.fonts.regular, size)
        self.room(size * 2)
        x0, w = self.column()
        x0, w = x0 + indent, w - indent
        x = x0
        self.y += size
        for word, ent, bold in tokens:
            name = self.fonts.bold if bold else self.fonts.regular
            ww = width(word, name, size)
            if x > x0 and x + ww > x0 + w:
                x = x0
                self.y += size * 1.4
                if self.y > (self.bottom or self.H - 70):
                    self.room(size * 3)
                    x0, w = self.column()
                    x0, w = x0 + indent, w - indent
                    x = x0
                    self.y += size
            self.page.text(x, self.y, word, name, size, entity=ent)
            x += ww + space
        self.y += size * 0.5 + 5

    def heading(self) -> None:
        text, m = self.text, self.model
        self.t(self.W / 2, 60, text["title"], 12.5, bold=True, align="center")
        caption = f"{text['number']}"
        total = width(caption, self.fonts.regular, 9) + 4 + width(m.number, self.fonts.regular, 9)
        x = self.W / 2 - total / 2
        x += self.t(x, 76, caption, 9) + 4
        self.t(x, 76, m.number, 9, ent=self.ent("contract_number"))
        self.y = 92

    def rate_rows(self) -> list[tuple[str, str, str, int]]:
        return [(s, u, self.money(r), i) for i, (s, u, r) in enumerate(self.model.rates)]

    def schedule(self) -> None:
        fam, text = self.fam, self.text
        if fam.table == "lettered":
            self.lettered()
        elif fam.table == "leaders":
            self.leaders()
        elif fam.table == "prose":
            for k, (service, unit, rate, i) in enumerate(self.rate_rows()):
                vals = {"service": (service, "description", i), "rate": (rate, "unit_price", i),
                        "cur": (fam.currency, None), "unit": (unit, "unit", i)}  # fmt: skip
                self.para(text["prose"], vals, head=f"4.{k + 1}" if fam.header != "articles" else "")
        elif fam.header == "landannex":
            self.landscape_annex()
        else:
            self.t(self.M, self.y + 12, text["rates"], 10, bold=True)
            self.y += 18
            self.rate_table(text["cols"])

    def lettered(self) -> None:
        """The rates as lettered sub-clauses: '(a) for help-desk support at 4,500.00 JMD per hour;'."""
        template = self.text.get("lettered", "{service} – {rate} {cur} / {unit};")
        self.para(self.text["rates"], {}, head=f"{len(self.clauses) + 1}.")
        for k, (service, unit, rate, i) in enumerate(self.rate_rows()):
            vals = {"service": (service, "description", i), "rate": (rate, "unit_price", i),
                    "cur": (self.fam.currency, None), "unit": (unit, "unit", i)}  # fmt: skip
            self.room(24)
            self.t(self.column()[0] + 10, self.y + 9, f"({string.ascii_lowercase[k]})", 9)
            self.para(template, vals, indent=28)

    def leaders(self) -> None:
        """'Service ........ 12 000,00 AMD / ժամ': each rate behind a dotted leader."""
        self.t(self.M, self.y + 12, self.text["rates"], 10, bold=True)
        self.y += 20
        right = self.W - self.M
        for service, unit, rate, i in self.rate_rows():
            self.room(16)
            y = self.y + 10
            x = self.M + 10 + self.page.text(self.M + 10, y, service, self.fonts.regular, 9,
                                             entity=self.ent("description", i), row=i)  # fmt: skip
            tail = f"{rate} {self.fam.currency} / {unit}"
            tail_w = width(tail, self.fonts.regular, 9)
            dots = int((right - tail_w - x - 8) / width(".", self.fonts.regular, 9))
            self.t(x + 4, y, "." * max(dots, 3), 9, color=(0.4, 0.4, 0.4))
            xr = right - tail_w
            xr += self.page.text(xr, y, rate, self.fonts.regular, 9, entity=self.ent("unit_price", i), row=i) + 3
            xr += self.t(xr, y, f"{self.fam.currency} /", 9) + 3
            self.page.text(xr, y, unit, self.fonts.regular, 9, entity=self.ent("unit", i), row=i)
            self.y += 16
        self.y += 6

    def rate_table(self, cols: tuple[str, ...], notes: list[str] | None = None) -> None:
        """A ruled rate table; the columns in the order ``cols`` names them (a '№' column numbers the rows, a rate
        column may come first, a notes column is printed but not labelled)."""
        left, span = self.M, self.W - 2 * self.M
        roles = {"ratefirst": ("unit_price", "unit", "description"), "table": ("description", "unit", "unit_price")}
        order = list(roles["ratefirst" if self.fam.table == "ratefirst" else "table"])
        if len(cols) == 4 and cols[0].startswith("№"):
            order.insert(0, "no")
        elif len(cols) == 4:
            order.append("note")
        shares = {"no": 0.08, "description": 0.5, "unit": 0.17, "unit_price": 0.2, "note": 0.3}
        total = sum(shares[r] for r in order)
        widths = [shares[r] / total * span for r in order]
        self.room(40)
        self.page.rect(left, self.y, span, 16, fill=(0.9, 0.9, 0.9), line_width=0.5)
        x = left
        for cap, role, cw in zip(cols, order, widths, strict=True):
            al = "right" if role == "unit_price" else "left"
            self.t(x + cw - 4 if al == "right" else x + 4, self.y + 11, cap, 8.5, bold=True, align=al)
            x += cw
        self.y += 16
        for service, unit, rate, i in self.rate_rows():
            self.room(18)
            self.page.rect(left, self.y, span, 16, line_width=0.4)
            cells = {
                "no": (f"{i + 1}.", None),
                "description": (service, "description"),
                "unit": (unit, "unit"),
                "unit_price": (rate, "unit_price"),
                "note": ((notes or [""])[i % len(notes or [""])], None),
            }
            x = left
            for role, cw in zip(order, widths, strict=True):
                value, name = cells[role]
                al = "right" if role == "unit_price" else "left"
                self.page.text(x + cw - 4 if al == "right" else x + 4, self.y + 11, value, self.fonts.regular, 8.5,
                               entity=self.ent(name, i) if name else None, align=al, row=i)  # fmt: skip
                x += cw
            self.y += 16
        self.y += 10

    def landscape_annex(self) -> None:
        """The rates on an annex page of their own, turned landscape."""
        page = PageDraft(841.89, 595.28)
        self.pages.append(page)
        self.page = page
        self.W, self.H = 841.89, 595.28
        self.t(self.M, 56, self.text["rates"], 12, bold=True)
        x = self.M + self.t(self.M, 72, self.text["number"], 8.5) + 4
        self.t(x, 72, self.model.number, 8.5)
        self.y = 86
        self.rate_table(self.text["cols"], self.text["notes"])

    def signatures(self) -> None:
        self.col, self.y = -1, max(self.y, self.left_end)
        if self.y > self.H - 110:
            self.new_page()
            self.y = 60
        self.y += 40
        for x in (self.M, self.W / 2 + 20):
            self.page.line(x, self.y, x + 180, self.y, 0.4)
        self.y += 12
        self.t(self.M, self.y, self.model.buyer.name, 8)
        self.t(self.W / 2 + 20, self.y, self.model.vendor.name, 8)

    def write(self) -> None:
        fam, text, v = self.fam, self.text, self.values()
        term, tv = self.term_sentence()
        self.clauses = [(text["intro"], {k: v[k] for k in ("eff", "buyer", "btax", "vendor", "vtax")}), (term, tv),
                        (text["pay"], {k: v[k] for k in ("cur", "terms")})]  # fmt: skip
        if fam.header == "cis":
            self.t(self.W / 2, 56, f"{text['title']}", 12, bold=True, align="center")
            cap_w = width(f"{text['number']} ", self.fonts.bold, 11)
            x = self.W / 2 - (cap_w + width(self.model.number, self.fonts.bold, 11)) / 2
            self.t(x, 72, text["number"], 11, bold=True)
            self.t(x + cap_w, 72, self.model.number, 11, bold=True, ent=self.ent("contract_number"))
            self.t(self.M, 96, text["city"], 9)
            self.t(self.W - self.M, 96, v["eff"][0], 9, align="right", ent=self.ent("effective_date"))
            self.y = 106
            self.clauses[0] = (text["intro"], {k: v[k] for k in ("buyer", "btax", "vendor", "vtax")})
        else:
            self.heading()
        if fam.header == "recitals":
            self.para(self.clauses[0][0], self.clauses[0][1])
            for recital in text["recitals"]:
                self.para(recital, {})
            self.para("NOW THEREFORE the parties agree as follows:", {})
            self.clauses = self.clauses[1:]
        if fam.header == "twocol":  # the text in two columns: long enough to run into the second
            self.col, self.top = 0, self.y
            self.bottom = self.top + self.rng.uniform(240, 320)  # columns of about equal length on the first page
            self.clauses += [(more, {}) for more in text["more"]]
        for k, (template, values) in enumerate(self.clauses, start=1):
            if fam.header == "articles":
                self.t(self.M, self.y + 14, f"Article {k} – {text['articles'][k - 1]}", 9.5, bold=True)
                self.y += 18
                self.para(template, values)
            elif fam.header == "numbered":
                self.para(template, values, head=f"{text['ordinals'][k - 1]}.")
            elif fam.header == "twocol":
                self.para(template, values, head=f"{k}. {text['clauses'][k - 1]}.")
            else:
                self.para(template, values, head=f"{k}.")
        if fam.header == "articles":
            self.t(self.M, self.y + 14, f"Article {len(self.clauses) + 1} – {text['articles'][3]}", 9.5, bold=True)
            self.y += 18
        self.schedule()
        if "filler" in text:
            self.para(text["filler"], {}, size=8.5)
        if fam.header != "landannex":  # the annex, turned landscape, is the last page
            self.signatures()
        self.page_numbers("")


def make_blind12_contract(seed: int, fam: Blind12Family, doc_id: str | None = None) -> GeneratedDoc:
    doc = make_set_contract(seed, fam, doc_id, set_no=12, sample=sample_contract12, writer_of=Contract12Writer)
    doc.label["features"]["numbers"] = fam.numbers
    return doc


# ---------------------------------------------------------------- scans

SCAN_CONDITIONS = ("carbon", "crumple")


def _carbon(img: Image.Image, rng: random.Random) -> Image.Image:
    """A carbon copy: the ink blue-violet, soft and a little smeared sideways, the paper a faint grey-blue."""
    g = np.asarray(img.convert("L").filter(ImageFilter.GaussianBlur(rng.uniform(0.5, 0.9))), dtype=np.float32)
    smear = np.minimum(g, np.roll(g, rng.choice([1, 2]), axis=1) + 40)
    ink = (255 - smear)[..., None] / 255
    paper = np.array([236, 238, 244], dtype=np.float32)
    tone = np.array(rng.choice([(60, 60, 150), (90, 50, 140)]), dtype=np.float32)
    out = paper * (1 - ink) + tone * ink
    return Image.fromarray(np.clip(out, 0, 255).astype(np.uint8))


def _crumple(img: Image.Image, rng: random.Random) -> Image.Image:
    """A sheet crumpled and smoothed again: thin dark creases at random angles, each with a lit and a shaded side."""
    arr = np.asarray(img.convert("L"), dtype=np.float32)
    h, w = arr.shape
    ys, xs = np.mgrid[0:h, 0:w].astype(np.float32)
    light = np.ones_like(arr)
    for _ in range(rng.randrange(4, 8)):
        angle = rng.uniform(0, math.pi)
        cx, cy = rng.uniform(0, w), rng.uniform(0, h)
        dist = (xs - cx) * math.sin(angle) - (ys - cy) * math.cos(angle)
        light *= 1 - 0.25 * np.exp(-(dist**2) / 3.0)
        light *= 1 + 0.04 * np.tanh(dist / 40) * rng.choice([-1, 1])
    out = arr * light
    return Image.fromarray(np.clip(out, 0, 255).astype(np.uint8))


_OWN12 = {"carbon": _carbon, "crumple": _crumple}


def condition12(img: Image.Image, kind: str, rng: random.Random, page_w_pt: float) -> tuple[Any, ...]:
    """This set's own conditions; the earlier sets' through ``blind11.condition11``."""
    if kind in _OWN12:
        return _OWN12[kind](img, rng), None
    return condition11(img, kind, rng, page_w_pt)


# ---------------------------------------------------------------- data sets


def make_blind12(seed: int, fam: Blind12Family, doc_id: str | None = None) -> GeneratedDoc:
    """One document of ``fam``; the same seed gives the same bytes."""
    return (make_blind12_po if fam.kind == "po" else make_blind12_contract)(seed, fam, doc_id)


def generate_blind12(n: int, out: Path, seed: int, scanned_share: float = 0.0, split: str = "all") -> list[Path]:
    """Write ``n`` documents of the twelfth blind set's ``split`` (dev, test or all) with their labels to ``out``.
    A scanned document gets its family's own scan condition or, one time in three, the factory's plain scan."""
    return write_blind_set(n, out, seed, scanned_share, split, blind12_families(split), make_blind12, set_no=12,
                           salt=0xB112, conditioner=condition12)  # fmt: skip


__all__ = ["BLIND12_SPLITS", "BY_NAME", "FAMILIES", "SPLIT_SEED", "blind12_families", "condition12", "format_day12",
           "format_num12", "french_words", "generate_blind12", "kz_bin_valid", "lakh_words", "make_blind12",
           "tax_id12", "tax_id_valid12"]  # fmt: skip
