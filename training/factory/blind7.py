"""The seventh blind set: purchase orders and contracts written without looking at the extractor, for measuring it.

Where set 6 leaned on English procurement suites, this set leans on the print itself and on the places the earlier
sets passed by: line-printer and dot-matrix continuous forms in a monospaced face (dashes for rules, pin-feed holes,
no boxes), header facts stacked in a shaded right-hand panel, tables of boxed cells, zebra bands or no rules at all
with wide gaps, descriptions that wrap onto two or three lines, discounts as a percentage and as an amount, prices
with three or four decimals, quantities with units and decimals, currencies printed without decimals (yen, won,
forint). Order acknowledgements and change orders on the supplier's paper (the buyer's order number under 'Your
order'), call-offs against a framework agreement. Languages: Swedish, Norwegian, Danish, Finnish, Polish, Slovak,
Hungarian, Croatian, Italian, Portuguese (Portugal), Czech, and the English of Japanese, Korean, Australian,
Canadian and Irish buyers. Tax ids with valid check digits (python-stdnum) for each country. Contracts: an NDA-like
agreement with a fee, a two-column agreement, rate schedules as annexes, rates in prose in the local language, terms
in months or years written in words, a renewal clause, dates in prose with the local month names ('2026. március
5.', '5. ožujka 2026.'). Scans: set 6's conditions (and through them set 5's, 4's and 2's) and three of this set's
own: a fax at 100-150 dpi with streaks, a carbon copy on coloured paper with low contrast, and tick marks and a
signature written over the table.

The labels are the other sets' (``blind.blind_po_doc``, ``blind2.blind_contract_doc``): a line's ``unit_price`` is
the price as printed, its ``amount`` the line amount as printed (quantity x price rounded to the currency's places,
less the line's discount where a discount column shows it; the discounts in the label's features). Line numbers,
the discount columns, change markers, the framework agreement's reference and remaining value, acknowledgement
numbers, delivery dates and the ship-to block are printed but not labelled. The families are split once into a
``dev`` and a ``test`` half (``BLIND7_SPLITS``: ``split_by_kind`` with ``SPLIT_SEED``). ``ledgerlens data blind
--set 7`` writes them, ``bench/bench_extraction.py --blind N --blind-set 7`` measures them. Written without opening
the extractor's code or its results.
"""

from __future__ import annotations

import random
import string
from dataclasses import dataclass, replace
from datetime import date, timedelta
from decimal import ROUND_DOWN, Decimal
from pathlib import Path
from typing import Any, ClassVar

import numpy as np
from PIL import Image, ImageDraw, ImageFilter
from stdnum.hr import oib as hr_oib
from stdnum.jp import cn as jp_cn
from stdnum.kr import brn as kr_brn
from stdnum.sk import dph as sk_dph

from training.factory.blind import BlindParty
from training.factory.blind2 import (
    Contract2,
    _check_search,
    _digits,
    _resample,
    priced_order,
    tax_id,
    write_blind_set,
)
from training.factory.blind3 import _x, split_by_kind, tax_id3
from training.factory.blind4 import _RIGHT, _WEIGHTS, CAPTIONS, MONTHS4, Order4
from training.factory.blind5 import CAPTIONS5, _ordinal, _sku5, tax_id5
from training.factory.blind6 import (
    CAPTIONS6,
    EXTRA6,
    Blind6Family,
    Contract6Writer,
    PO6Writer,
    condition6,
    format_day6,
    sample_contract6,
)
from training.factory.blindkit import LOOK_KEYS, make_set_contract, make_set_po, split_families
from training.factory.common import GeneratedDoc, draw_logo, family_id
from training.factory.layout import Fonts, font, width, wrap
from training.factory.po import POLine
from training.factory.values import q2

# ---------------------------------------------------------------- families


@dataclass(frozen=True)
class Blind7Family(Blind6Family):
    """A set-7 family. ``header``: panel | dotmatrix | ack | calloff, or set 4's, 5's and 6's (orders); nda |
    twocol | renewal, or set 5's and 6's (contracts). ``extras``: boxed (every cell ruled), zebra (banded rows),
    gaps (no rules, wide gaps), dashes (a line printer's dashes for rules), wrap (long descriptions over two or
    three lines), discpct / discamt (a line discount as a percentage / as an amount), fine (prices with three or
    four decimals), decqty (quantities with decimals), change (a change order: a revision and changed lines
    marked), pins (pin-feed holes of continuous paper), mono (DejaVu Sans Mono: a monospaced face with the
    letters of Central Europe, which the Courier-like Type 1 face lacks), term (a contract's term as a
    duration)."""

    @property
    def family(self) -> str:
        return family_id(f"{self.kind}-blind7", {"name": self.name})


F = Blind7Family
_STD = ("sku", "description", "quantity", "unit", "unit_price", "amount")
FAMILIES: list[Blind7Family] = [
    F("linjeskrivare-inkop-se", "po", "sv", "SE", "SEK", "dotmatrix", "table", money="plain", dates="iso",
      numbers="fr", columns=("line_no", "sku", "description", "quantity", "unit", "unit_price", "amount"),
      lines=(2, 40), extras=_x("dashes", "pins", "decqty"), font="nimbus-mono", scan="fax120", optional=("sku",)),
    F("avrop-rammeavtale-no", "po", "no", "NO", "NOK", "calloff", "table", money="code_after", dates="dmy_dot",
      numbers="fr", columns=_STD, lines=(2, 30), extras=_x("zebra", "wrap"), font="nimbus-sans", scan="carbon",
      optional=("sku", "unit")),
    F("ordrebekraeftelse-rabat-dk", "po", "da", "DK", "DKK", "ack", "table", money="plain", dates="dmy_dot",
      numbers="de", columns=("line_no", "sku", "description", "quantity", "unit", "unit_price", "discount_pct",
      "amount"), lines=(2, 28), extras=_x("boxed", "discpct"), font="dejavu-sans", scan="ticks",
      optional=("line_no",)),
    F("muutostilaus-fi", "po", "fi", "FI", "EUR", "ack", "table", money="sym_after", dates="dmy_short",
      numbers="fr", columns=("changed", "line_no", "description", "quantity", "unit", "unit_price", "amount"),
      lines=(2, 26), extras=_x("change", "fine", "gaps"), font="nimbus-sans-narrow", scan="angled"),
    F("zmiana-zamowienia-pl", "po", "pl", "PL", "PLN", "panel", "table", money="sym_after", dates="dmy_dot",
      numbers="fr", columns=("line_no", "description", "quantity", "unit", "unit_price", "discount_pct", "amount"),
      lines=(2, 30), extras=_x("discpct", "change", "wrap"), font="dejavu-serif", scan="photocopy", optional=("unit",)),
    F("objednavka-tlaciaren-sk", "po", "sk", "SK", "EUR", "dotmatrix", "table", money="plain", dates="dmy_dot",
      numbers="fr", columns=("line_no", "description", "quantity", "unit", "unit_price", "amount"), lines=(2, 36),
      extras=_x("dashes", "pins", "mono"), font="dejavu-sans", scan="carbon"),
    F("megrendelo-hu", "po", "hu", "HU", "HUF", "panel", "table", money="sym_after", dates="ymd_hu",
      numbers="fr", columns=("sku", "description", "quantity", "unit", "unit_price", "amount"), lines=(2, 30),
      extras=_x("zebra", "decqty"), font="dejavu-sans", scan="fax120", optional=("sku",)),
    F("narudzbenica-hr", "po", "hr", "HR", "EUR", "boxes", "table", money="sym_after", dates="dmy_dot_end",
      numbers="de", columns=("line_no", "sku", "description", "unit", "quantity", "unit_price", "amount"),
      lines=(2, 30), extras=_x("boxed", "wrap"), font="dejavu-serif", scan="ticks", optional=("sku",)),
    F("ordine-sconto-importo-it", "po", "it", "IT", "EUR", "kvright", "table", money="sym_before", dates="dmy_slash",
      numbers="de", columns=("sku", "description", "unit", "quantity", "unit_price", "discount_amt", "amount"),
      lines=(2, 32), extras=_x("discamt", "fine", "gaps"), font="p052", scan="stampover", optional=("unit",)),
    F("nota-encomenda-pt", "po", "pt", "PT", "EUR", "panel", "table", money="sym_after", dates="dmy_dash",
      numbers="fr", columns=("line_no", "sku", "description", "quantity", "unit", "unit_price", "amount"),
      lines=(2, 30), extras=_x("zebra", "decqty"), font="urw-gothic", scan="carbon", optional=("line_no", "sku")),
    F("trading-house-po-jp", "po", "en", "JP", "JPY", "panel", "table", money="sym_before", dates="ymd_slash",
      numbers="en", columns=("line_no", "sku", "description", "quantity", "unit", "unit_price", "amount"),
      lines=(2, 34), extras=_x("boxed",), font="nimbus-sans", scan="phoneflat", optional=("unit",)),
    F("electronics-po-kr", "po", "en", "KR", "KRW", "grid2", "table", money="code_before", dates="ymd_dot",
      numbers="en", columns=("line_no", "sku", "description", "quantity", "unit_price", "amount"), lines=(2, 36),
      extras=_x("gaps", "wrap"), font="dejavu-sans-condensed", scan="fax120", optional=("line_no",)),
    F("fitout-po-au", "po", "en", "AU", "AUD", "calloff", "table", money="sym_before", dates="ord_mon",
      numbers="en", columns=("description", "quantity", "unit", "unit_price", "discount_amt", "amount"),
      lines=(2, 28), extras=_x("discamt", "decqty", "gaps"), font="nimbus-roman", scan="ticks"),
    F("lumber-yard-po-ca", "po", "en", "CA", "CAD", "dotmatrix", "table", money="plain", dates="mdy_slash",
      numbers="en", columns=("sku", "description", "quantity", "unit", "unit_price", "amount"), lines=(2, 40),
      extras=_x("dashes", "pins", "decqty", "fine"), font="nimbus-mono", scan="photocopy"),
    F("hospital-calloff-ie", "po", "en", "IE", "EUR", "calloff", "table", money="sym_before", dates="d_mon",
      numbers="en", columns=("line_no", "sku", "description", "quantity", "unit", "unit_price", "amount"),
      lines=(2, 32), extras=_x("zebra", "fine", "wrap"), font="dejavu-sans", scan="angled", optional=("sku",)),
    F("potvrzeni-objednavky-cz", "po", "cs", "CZ", "CZK", "ack", "table", money="sym_after", dates="dmy_short",
      numbers="fr", columns=("sku", "description", "quantity", "unit", "unit_price", "discount_pct", "amount"),
      lines=(2, 30), extras=_x("discpct", "boxed"), font="dejavu-sans", scan="fax120", optional=("unit",)),
    F("nda-with-fee-ie", "contract", "en", "IE", "EUR", "nda", "prose", dates="ord_mon", numbers="en",
      extras=_x("term"), font="nimbus-roman", scan="ticks"),
    F("umowa-zlecenie-pl", "contract", "pl", "PL", "PLN", "renewal", "prose", dates="long", numbers="fr",
      extras=_x("term"), font="dejavu-serif", scan="carbon"),
    F("contratto-manutenzione-it", "contract", "it", "IT", "EUR", "twocol", "appendix", dates="long",
      numbers="de", font="p052", scan="photocopy"),
    F("contrato-avenca-pt", "contract", "pt", "PT", "EUR", "renewal", "bullets", dates="long", numbers="fr",
      extras=_x("term"), font="dejavu-sans", scan="fax120"),
    F("szolgaltatasi-szerzodes-hu", "contract", "hu", "HU", "HUF", "clauses", "prose", dates="long",
      numbers="fr", extras=_x("term"), font="dejavu-sans", scan="carbon"),
    F("ugovor-o-odrzavanju-hr", "contract", "hr", "HR", "EUR", "exhibit", "appendix", dates="long", numbers="de",
      font="dejavu-serif", scan="ticks"),
    F("service-agreement-jp", "contract", "en", "JP", "JPY", "twocol", "table", dates="mdy_long", numbers="en",
      extras=_x("term"), font="nimbus-sans", scan="phoneflat"),
    F("serviceavtal-se", "contract", "sv", "SE", "SEK", "renewal", "prose", dates="long", numbers="fr",
      extras=_x("term"), font="c059", scan="fax120"),
]  # fmt: skip
BY_NAME = {f.name: f for f in FAMILIES}
# The split: within each kind, the family names sorted, shuffled with random.Random(SPLIT_SEED), the first half
# (rounded up) to dev. Fixed once, before any document of the set was measured.
SPLIT_SEED = 7272
BLIND7_SPLITS: dict[str, list[str]] = split_by_kind(FAMILIES, SPLIT_SEED)


def blind7_families(split: str = "all") -> list[Blind7Family]:
    return split_families(BLIND7_SPLITS, BY_NAME, split)


# ---------------------------------------------------------------- locale: formats

MONTHS7 = {
    **MONTHS4,
    "hu": "január február március április május június július augusztus szeptember október november december",
    "hr": "siječnja veljače ožujka travnja svibnja lipnja srpnja kolovoza rujna listopada studenoga prosinca",
    "sk": "januára februára marca apríla mája júna júla augusta septembra októbra novembra decembra",
}


def format_day7(day: date, style: str, lang: str) -> str:
    """A date as the document prints it: set 5's and 6's styles, plus Hungarian ('2026. 03. 05.', '2026. március
    5.'), Croatian ('05.03.2026.', '5. ožujka 2026.'), Slovak ('5. marca 2026') and '5th March 2026'."""
    d, m, y = day.day, day.month, day.year
    if style == "ymd_hu":
        return f"{y}. {m:02d}. {d:02d}."
    if style == "dmy_dot_end":
        return f"{d:02d}.{m:02d}.{y}."
    if style == "ord_mon":
        return f"{_ordinal(d)} {MONTHS7['en'].split()[m - 1]} {y}"
    if style == "long" and lang == "hu":
        return f"{y}. {MONTHS7['hu'].split()[m - 1]} {d}."
    if style == "long" and lang == "hr":
        return f"{d}. {MONTHS7['hr'].split()[m - 1]} {y}."
    if style == "long" and lang == "sk":
        return f"{d}. {MONTHS7['sk'].split()[m - 1]} {y}"
    if style == "long" and lang == "it" and d == 1:
        return f"1° {MONTHS7['it'].split()[m - 1]} {y}"
    return format_day6(day, style, lang)


DATE_STYLES7 = {"SE": ("iso", "long"), "NO": ("dmy_dot", "long", "dmy_short"), "DK": ("dmy_dot", "long"),
                "FI": ("dmy_short", "dmy_dot", "long"), "PL": ("dmy_dot", "long", "iso"),
                "SK": ("dmy_dot", "dmy_short", "long"), "HU": ("ymd_hu", "long"), "HR": ("dmy_dot_end", "long"),
                "IT": ("dmy_slash", "long", "dmy_dot"), "PT": ("dmy_dash", "dmy_slash", "long"),
                "JP": ("ymd_slash", "d_mon", "mdy_long"), "KR": ("ymd_dot", "iso", "mon_d"),
                "AU": ("ord_mon", "dmy_slash", "d_mon"), "CA": ("mdy_slash", "iso", "mdy_long"),
                "IE": ("d_mon", "ord_mon", "dmy_slash"), "CZ": ("dmy_short", "dmy_dot", "long")}  # fmt: skip
NUMBERS7 = {"SE": ("fr",), "NO": ("fr",), "DK": ("de",), "FI": ("fr",), "PL": ("fr",), "SK": ("fr",),
            "HU": ("fr",), "HR": ("de",), "IT": ("de",), "PT": ("fr",), "JP": ("en",), "KR": ("en",),
            "AU": ("en",), "CA": ("en",), "IE": ("en",), "CZ": ("fr",)}  # fmt: skip
TAX_RATES7 = {"SE": "25", "NO": "25", "DK": "25", "FI": "25.5", "PL": "23", "SK": "23", "HU": "27", "HR": "25",
              "IT": "22", "PT": "23", "JP": "10", "KR": "10", "AU": "10", "CA": "5", "IE": "23",
              "CZ": "21"}  # fmt: skip
SYMBOLS7 = {"SEK": "kr", "NOK": "kr", "DKK": "kr", "EUR": "€", "PLN": "zł", "HUF": "Ft", "JPY": "¥", "KRW": "₩",
            "AUD": "$", "CAD": "$", "CZK": "Kč"}  # fmt: skip
_TAGGED_SYMBOLS7 = {"€", "zł", "Ft", "₩", "Kč"}  # symbols that name one currency ('¥' is the yuan's too)
ZERO_DECIMALS = {"JPY", "KRW", "HUF"}  # currencies printed without decimals

# ---------------------------------------------------------------- locale: parties

COMPANIES7 = {
    "SE": (["Norrland", "Vänern", "Kolmården", "Siljan"], ["Verkstad", "Byggvaror", "Elteknik"], ["AB"]),
    "NO": (["Hardanger", "Lofoten", "Dovre", "Trollheimen"], ["Maskin", "Elektro", "Bygg"], ["AS", "ASA"]),
    "DK": (["Limfjord", "Himmerland", "Mols", "Fanø"], ["Maskinfabrik", "Teknik", "Handel"], ["A/S", "ApS"]),
    "FI": (["Saimaa", "Pielinen", "Koli", "Ruka"], ["Konepaja", "Sähkö", "Rakennus"], ["Oy", "Oyj"]),
    "PL": (["Mazowsze", "Karkonosze", "Warta", "Roztocze"], ["Instalacje", "Hurtownia", "Serwis"],
           ["sp. z o.o.", "S.A."]),
    "SK": (["Tatry", "Fatra", "Hron", "Orava"], ["Strojárne", "Elektro", "Stavebniny"], ["s.r.o.", "a.s."]),
    "HU": (["Balaton", "Tisza", "Mátra", "Bakony"], ["Gépgyártó", "Építőipari", "Kereskedelmi"], ["Kft.", "Zrt."]),
    "HR": (["Velebit", "Kvarner", "Sava", "Biokovo"], ["Strojogradnja", "Elektro", "Trgovina"], ["d.o.o.", "d.d."]),
    "IT": (["Valtellina", "Brianza", "Monferrato", "Cilento"], ["Forniture Industriali", "Meccanica",
           "Impianti"], ["S.r.l.", "S.p.A."]),
    "PT": (["Alentejo", "Minho", "Douro", "Sado"], ["Metalomecânica", "Equipamentos", "Distribuição"],
           ["Lda.", "S.A."]),
    "JP": (["Hokuriku", "Setouchi", "Kanto Seiki", "Chubu"], ["Trading", "Electric", "Precision"],
           ["Co., Ltd.", "Corporation", "K.K."]),
    "KR": (["Hanbit", "Daesung", "Namsan", "Saebyeok"], ["Electronics", "Industrial", "Materials"],
           ["Co., Ltd.", "Corp."]),
    "AU": (["Murray", "Kimberley", "Gippsland", "Barossa"], ["Fitouts", "Joinery", "Building Supplies"],
           ["Pty Ltd", "Pty. Limited"]),
    "CA": (["Fraser", "Laurentian", "Okanagan", "Muskoka"], ["Lumber", "Building Centre", "Timber"],
           ["Ltd.", "Inc."]),
    "IE": (["Shannon", "Liffey", "Wicklow", "Connemara"], ["Medical Supplies", "Healthcare", "Clinical"],
           ["Ltd", "DAC"]),
    "CZ": (["Šumava", "Krkonoše", "Vltava", "Beskydy"], ["Strojírny", "Elektro", "Stavebniny"], ["s.r.o.", "a.s."]),
}  # fmt: skip
CITIES7 = {
    "SE": [("Örebro", "702 10", "Drottninggatan"), ("Sundsvall", "852 30", "Storgatan")],
    "NO": [("Drammen", "3015", "Bragernes torg"), ("Tromsø", "9008", "Storgata")],
    "DK": [("Aalborg", "9000", "Boulevarden"), ("Esbjerg", "6700", "Kongensgade")],
    "FI": [("Jyväskylä", "40100", "Kauppakatu"), ("Kuopio", "70100", "Puijonkatu")],
    "PL": [("Lublin", "20-001", "ul. Narutowicza"), ("Bydgoszcz", "85-001", "ul. Gdańska")],
    "SK": [("Žilina", "010 01", "Národná"), ("Prešov", "080 01", "Hlavná")],
    "HU": [("Debrecen", "4024", "Piac utca"), ("Győr", "9021", "Baross Gábor út")],
    "HR": [("Rijeka", "51000", "Korzo"), ("Osijek", "31000", "Europska avenija")],
    "IT": [("Bergamo", "24121", "Via XX Settembre"), ("Modena", "41121", "Via Emilia Centro")],
    "PT": [("Braga", "4700-321", "Avenida da Liberdade"), ("Aveiro", "3810-164", "Rua de Viseu")],
    "JP": [("Nagoya, Aichi", "460-0008", "Sakae 3-chome"), ("Osaka", "530-0001", "Umeda 2-chome")],
    "KR": [("Suwon, Gyeonggi-do", "16514", "Gwanggyo-ro"), ("Busan", "48058", "Centum jungang-ro")],
    "AU": [("Geelong VIC", "3220", "Moorabool Street"), ("Townsville QLD", "4810", "Flinders Street")],
    "CA": [("Kamloops, BC", "V2C 1A1", "Victoria Street"), ("Sudbury, ON", "P3E 1A1", "Elm Street")],
    "IE": [("Galway", "H91 E2K3", "Eyre Square"), ("Limerick", "V94 T9PX", "O'Connell Street")],
    "CZ": [("Olomouc", "779 00", "Třída Svobody"), ("Plzeň", "301 00", "Americká")],
}  # fmt: skip
COUNTRY_WORDS7 = {"SE": "Sverige", "NO": "Norge", "DK": "Danmark", "FI": "Suomi", "PL": "Polska",
                  "SK": "Slovensko", "HU": "Magyarország", "HR": "Hrvatska", "IT": "Italia", "PT": "Portugal",
                  "JP": "Japan", "KR": "Republic of Korea", "AU": "Australia", "CA": "Canada", "IE": "Ireland",
                  "CZ": "Česká republika"}  # fmt: skip
TAX_LABELS7 = {"SE": ("Momsreg.nr", "VAT-nr"), "NO": ("Org.nr.", "Foretaksnr."), "DK": ("CVR-nr.", "SE-nr."),
               "FI": ("Y-tunnus", "ALV-nro"), "PL": ("NIP",), "SK": ("IČ DPH",), "HU": ("Közösségi adószám",
               "EU adószám"), "HR": ("OIB",), "IT": ("P.IVA", "Partita IVA"), "PT": ("NIF", "Contribuinte"),
               "JP": ("Corporate No.", "Registration No."), "KR": ("Business Reg. No.", "BRN"),
               "AU": ("ABN",), "CA": ("GST/HST No.", "BN"), "IE": ("VAT No.", "VAT Reg."),
               "CZ": ("DIČ",)}  # fmt: skip


def tax_id7(rng: random.Random, country: str, label: str = "") -> str:
    """A tax id with a valid check digit, printed the way the country writes it (a body with no valid check digit:
    another is drawn)."""
    for _ in range(200):
        try:
            out = _tax_id7(rng, country, label)
        except ValueError:
            continue
        if out:
            return out
    raise RuntimeError(country)


def _tax_id7(rng: random.Random, country: str, label: str) -> str | None:
    if country == "HR":
        return _check_search(rng, _digits(rng, 10), string.digits, hr_oib.is_valid)
    if country == "SK":  # ten digits divisible by 11, the third one of 2, 3, 4, 7, 8, 9
        body = _digits(rng, 2) + rng.choice("234789") + "".join(str(rng.randrange(10)) for _ in range(6))
        return "SK" + _check_search(rng, body, string.digits, sk_dph.is_valid)
    if country == "JP":
        body = "".join(str(rng.randrange(10)) for _ in range(12))
        number = jp_cn.calc_check_digit(body) + body
        return str(jp_cn.format(number)) if rng.random() < 0.5 else number
    if country == "KR":
        number = _check_search(rng, f"{rng.randrange(101, 999)}{rng.randrange(81, 88)}{_digits(rng, 4)}",
                               string.digits, kr_brn.is_valid)  # fmt: skip
        return str(kr_brn.format(number))
    if country in {"HU", "PT", "CZ", "FI", "NO", "IT", "IE"}:
        return tax_id5(rng, country, label if country in {"FI", "NO"} else "")
    if country == "CA":
        return tax_id3(rng, country)
    return tax_id(rng, country)


def make_party7(rng: random.Random, country: str, avoid: str = "", caps: bool = False) -> BlindParty:
    stems, trades, forms = COMPANIES7[country]
    stem = rng.choice([s for s in stems if not avoid.upper().startswith(s.upper())])
    name = f"{stem} {rng.choice(trades)} {rng.choice(forms)}"
    if country == "HU" and rng.random() < 0.5:
        name = f"{stem} {rng.choice(trades)} {rng.choice(forms)}".replace("Kft.", "Korlátolt Felelősségű Társaság")
    if caps:
        name = name.upper()
    city, post, street = rng.choice(CITIES7[country])
    n = rng.randrange(2, 160)
    if country in {"AU", "CA", "IE"}:
        street_line, city_line = f"{n} {street}", f"{city} {post}"
    elif country == "JP":
        street_line, city_line = f"{street} {rng.randrange(1, 20)}-{n}", f"{city} {post}"
    elif country == "KR":
        street_line, city_line = f"{n}, {street}", f"{city} {post}"
    elif country in {"IT", "PT"}:
        street_line, city_line = f"{street}, {n}", f"{post} {city}"
    elif country == "HU":
        street_line, city_line = f"{street} {n}.", f"{post} {city}"
    else:
        street_line, city_line = f"{street} {n}", f"{post} {city}"
    label = rng.choice(TAX_LABELS7[country])
    return BlindParty(name, street_line, city_line, COUNTRY_WORDS7[country], label, tax_id7(rng, country, label))


# ---------------------------------------------------------------- locale: words

# This set's wordings per language and role, drawn before the older sets' (English's where a language has none).
CAPTIONS7: dict[str, dict[str, tuple[str, ...]]] = {
    "en": {
        "title": ("Purchase Order", "PURCHASE ORDER", "Order Form", "Purchase Requisition / Order"),
        "po_number": ("Order No.", "P/O No.", "Our Order No.", "Purchase Order No.", "Order Ref"),
        "order_date": ("Date of Issue", "Order Date", "Issued", "Dated"), "vendor": ("Supplier", "To", "Messrs."),
        "buyer": ("Purchaser", "Buyer", "Ordered by"), "ship": ("Deliver to", "Delivery Point", "Ship to"),
        "payment_terms": ("Terms of Payment", "Payment", "Settlement Terms"),
        "line_no": ("No.", "Item", "Ln"), "sku": ("Code", "Part No.", "Stock Code", "Product Code"),
        "description": ("Description", "Particulars", "Description of Goods", "Item Description"),
        "quantity": ("Qty", "Quantity", "Q'ty", "Order Qty"), "unit": ("Unit", "UOM", "U/M"),
        "unit_price": ("Unit Price", "Price", "Rate", "Unit Cost"), "discount_pct": ("Disc %", "Discount %"),
        "discount_amt": ("Discount", "Disc. Amt", "Less"), "amount": ("Amount", "Total", "Net Amount", "Value"),
        "subtotal": ("Sub Total", "Total excl. Tax", "Net Total", "Goods Value"),
        "tax": ("Tax", "Consumption Tax", "VAT", "GST"), "total": ("Grand Total", "Total Amount", "Order Value",
        "TOTAL"), "currency": ("Currency", "Amounts in"), "page": ("Page", "Sheet"),
    },
    "sv": {"title": ("Inköpsorder", "BESTÄLLNING", "Beställning"), "po_number": ("Ordernr", "Beställningsnr",
           "Vårt ordernr"), "order_date": ("Orderdatum", "Datum"), "vendor": ("Leverantör",),
           "buyer": ("Beställare", "Köpare"), "ship": ("Leveransadress", "Godsmottagare"),
           "payment_terms": ("Betalningsvillkor", "Betvillkor"), "line_no": ("Rad", "Pos"),
           "sku": ("Artikelnr", "Art.nr"), "description": ("Benämning", "Artikel"), "quantity": ("Antal", "Kvant."),
           "unit": ("Enh", "Enhet"), "unit_price": ("À-pris", "Pris/enh"), "amount": ("Belopp", "Summa"),
           "subtotal": ("Summa exkl. moms", "Nettobelopp"), "tax": ("Moms", "Moms 25%"),
           "total": ("Att betala", "Totalt inkl. moms"), "currency": ("Valuta",), "page": ("Sida",)},
    "no": {"title": ("Avrop", "AVROP", "Avropsbestilling"), "po_number": ("Avropsnr.", "Bestillingsnr.",
           "Vårt bestillingsnr."), "order_date": ("Avropsdato", "Dato"), "vendor": ("Leverandør",),
           "buyer": ("Oppdragsgiver", "Bestiller"), "ship": ("Leveringssted", "Leveres til"),
           "payment_terms": ("Betalingsbetingelser", "Forfall"), "line_no": ("Linje", "Nr."),
           "sku": ("Varenr.", "Art.nr."), "description": ("Varetekst", "Beskrivelse"), "quantity": ("Antall",),
           "unit": ("Enhet", "Enh."), "unit_price": ("Enhetspris", "Pris"), "amount": ("Beløp", "Sum"),
           "subtotal": ("Sum eks. mva", "Netto"), "tax": ("Mva", "Merverdiavgift 25 %"),
           "total": ("Sum inkl. mva", "Totalt"), "currency": ("Valuta",), "page": ("Side",)},
    "da": {"title": ("Ordrebekræftelse", "ORDREBEKRÆFTELSE", "Bekræftelse af ordre"),
           "po_number": ("Deres ordrenr.", "Deres ref.", "Kundens ordrenr."), "order_date": ("Ordredato", "Dato"),
           "vendor": ("Leverandør",), "buyer": ("Kunde", "Køber"), "ship": ("Leveringsadresse", "Leveres til"),
           "payment_terms": ("Betalingsbetingelser", "Betaling"), "line_no": ("Linje", "Pos."),
           "sku": ("Varenr.", "Vare"), "description": ("Tekst", "Varebeskrivelse"), "quantity": ("Antal",),
           "unit": ("Enhed",), "unit_price": ("Stk.pris", "Enhedspris"), "discount_pct": ("Rabat %", "Rabat"),
           "amount": ("Beløb", "I alt"), "subtotal": ("Netto", "Subtotal"), "tax": ("Moms", "Moms 25%"),
           "total": ("Total DKK", "At betale"), "currency": ("Valuta",), "page": ("Side",)},
    "fi": {"title": ("Muutostilaus", "TILAUKSEN MUUTOS", "Tilausvahvistus"), "po_number": ("Tilausnumero",
           "Tilaus nro", "Tilauksenne"), "order_date": ("Tilauspäivä", "Päiväys"), "vendor": ("Toimittaja",),
           "buyer": ("Tilaaja", "Ostaja"), "ship": ("Toimitusosoite",), "payment_terms": ("Maksuehto",),
           "line_no": ("Rivi", "Nro"), "sku": ("Tuotenro", "Nimike"), "description": ("Tuote", "Nimitys"),
           "quantity": ("Määrä", "Kpl"), "unit": ("Yks.", "Yksikkö"), "unit_price": ("A-hinta", "Yksikköhinta"),
           "amount": ("Yhteensä", "Summa"), "subtotal": ("Veroton yhteensä", "Yhteensä ilman ALV"),
           "tax": ("ALV", "ALV 25,5 %"), "total": ("Verollinen yhteensä", "Maksettava"), "page": ("Sivu",)},
    "pl": {"title": ("Zmiana zamówienia", "ZAMÓWIENIE", "Korekta zamówienia"), "po_number": ("Nr zamówienia",
           "Zamówienie nr"), "order_date": ("Data wystawienia", "Data zamówienia"), "vendor": ("Dostawca",
           "Wykonawca"), "buyer": ("Zamawiający", "Nabywca"), "ship": ("Miejsce dostawy", "Adres dostawy"),
           "payment_terms": ("Termin płatności", "Warunki płatności"), "line_no": ("Lp.",),
           "description": ("Nazwa towaru lub usługi", "Nazwa"), "quantity": ("Ilość",), "unit": ("J.m.", "jm"),
           "unit_price": ("Cena jedn. netto", "Cena netto"), "discount_pct": ("Rabat %", "Upust"),
           "amount": ("Wartość netto", "Wartość"), "subtotal": ("Razem netto", "Wartość netto"),
           "tax": ("VAT 23%", "Kwota VAT"), "total": ("Razem brutto", "Do zapłaty"), "currency": ("Waluta",),
           "page": ("Strona",)},
    "sk": {"title": ("Objednávka", "OBJEDNÁVKA", "Objednávka tovaru"), "po_number": ("Číslo objednávky",
           "Objednávka č."), "order_date": ("Dátum vystavenia", "Dátum"), "vendor": ("Dodávateľ",),
           "buyer": ("Odberateľ", "Objednávateľ"), "ship": ("Miesto dodania", "Dodacia adresa"),
           "payment_terms": ("Splatnosť", "Forma úhrady"), "line_no": ("P.č.", "Pol."),
           "sku": ("Kód", "Kat. číslo"), "description": ("Názov položky", "Popis"), "quantity": ("Množstvo",
           "Mn."), "unit": ("MJ", "M.j."), "unit_price": ("Cena za MJ", "Jedn. cena"),
           "amount": ("Spolu", "Cena celkom"), "subtotal": ("Základ DPH", "Spolu bez DPH"),
           "tax": ("DPH 23 %", "DPH"), "total": ("Celkom k úhrade", "Spolu s DPH"), "currency": ("Mena",),
           "page": ("Strana",)},
    "hu": {"title": ("Megrendelés", "MEGRENDELŐ", "Beszerzési megrendelés"), "po_number": ("Rendelésszám",
           "Megrendelés száma", "Bizonylatszám"), "order_date": ("Kelt", "Rendelés dátuma", "Kiállítás dátuma"),
           "vendor": ("Szállító", "Eladó"), "buyer": ("Megrendelő", "Vevő"), "ship": ("Szállítási cím",
           "Teljesítés helye"), "payment_terms": ("Fizetési feltételek", "Fizetési határidő"),
           "line_no": ("Ssz.", "Tétel"), "sku": ("Cikkszám", "Kód"), "description": ("Megnevezés",
           "Termék / szolgáltatás"), "quantity": ("Mennyiség", "Menny."), "unit": ("Me.", "Mértékegység"),
           "unit_price": ("Egységár", "Nettó egységár"), "amount": ("Nettó érték", "Érték"),
           "subtotal": ("Nettó összesen", "Összesen nettó"), "tax": ("ÁFA 27%", "ÁFA"),
           "total": ("Bruttó összesen", "Fizetendő"), "currency": ("Pénznem",), "page": ("Oldal",)},
    "hr": {"title": ("Narudžbenica", "NARUDŽBENICA", "Narudžba"), "po_number": ("Broj narudžbe",
           "Narudžbenica br."), "order_date": ("Datum", "Datum narudžbe"), "vendor": ("Dobavljač",),
           "buyer": ("Naručitelj", "Kupac"), "ship": ("Mjesto isporuke", "Adresa isporuke"),
           "payment_terms": ("Uvjeti plaćanja", "Rok plaćanja"), "line_no": ("R.br.", "Rb."),
           "sku": ("Šifra", "Šifra artikla"), "description": ("Naziv", "Opis artikla"), "quantity": ("Količina",
           "Kol."), "unit": ("J.mj.", "JM"), "unit_price": ("Jed. cijena", "Cijena"), "amount": ("Iznos",
           "Ukupno"), "subtotal": ("Osnovica", "Ukupno bez PDV-a"), "tax": ("PDV 25%", "PDV"),
           "total": ("Sveukupno", "Za platiti"), "currency": ("Valuta",), "page": ("Stranica",)},
    "it": {"title": ("Ordine d'acquisto", "ORDINE FORNITORE", "Ordine"), "po_number": ("N. ordine",
           "Ordine n.", "Numero"), "order_date": ("Data ordine", "Del"), "vendor": ("Fornitore", "Spett.le"),
           "buyer": ("Committente", "Intestatario"), "ship": ("Destinazione merce", "Luogo di consegna"),
           "payment_terms": ("Pagamento", "Modalità di pagamento"), "sku": ("Codice", "Cod. art."),
           "description": ("Descrizione", "Descrizione articolo"), "quantity": ("Q.tà", "Quantità"),
           "unit": ("U.M.",), "unit_price": ("Prezzo unitario", "Prezzo"), "discount_amt": ("Sconto",
           "Importo sconto"), "amount": ("Importo", "Totale riga"), "subtotal": ("Imponibile", "Totale merce"),
           "tax": ("IVA 22%", "IVA"), "total": ("Totale documento", "Totale ordine"), "currency": ("Valuta",),
           "page": ("Pag.",)},
    "pt": {"title": ("Nota de Encomenda", "NOTA DE ENCOMENDA", "Encomenda a Fornecedor"),
           "po_number": ("N.º Encomenda", "Encomenda n.º"), "order_date": ("Data", "Data de emissão"),
           "vendor": ("Fornecedor", "Exmo(s). Sr(s)."), "buyer": ("Cliente", "Adquirente"),
           "ship": ("Local de descarga", "Morada de entrega"), "payment_terms": ("Condições de pagamento",
           "Vencimento"), "line_no": ("Linha", "N.º"), "sku": ("Artigo", "Ref.ª"), "description": ("Designação",
           "Descrição"), "quantity": ("Qtd.", "Quant."), "unit": ("Un.", "Unid."), "unit_price": ("Preço Unit.",
           "P. Unitário"), "amount": ("Valor", "Total Líquido"), "subtotal": ("Total Ilíquido", "Incidência"),
           "tax": ("IVA 23%", "Total IVA"), "total": ("Total (EUR)", "Total a pagar"), "currency": ("Moeda",),
           "page": ("Pág.",)},
    "cs": {"title": ("Potvrzení objednávky", "POTVRZENÍ OBJEDNÁVKY", "Změna objednávky"),
           "po_number": ("Vaše objednávka č.", "Číslo Vaší objednávky", "Vaše obj."), "order_date": ("Ze dne",
           "Datum objednávky"), "vendor": ("Dodavatel",), "buyer": ("Odběratel", "Zákazník"),
           "ship": ("Místo určení", "Dodací adresa"), "payment_terms": ("Splatnost", "Platební podmínky"),
           "sku": ("Kód zboží", "Katalog. č."), "description": ("Název zboží", "Označení dodávky"),
           "quantity": ("Množství", "Počet"), "unit": ("MJ",), "unit_price": ("Cena/MJ", "Jedn. cena bez DPH"),
           "discount_pct": ("Sleva %", "Sleva"), "amount": ("Celkem", "Cena celkem"),
           "subtotal": ("Celkem bez DPH", "Základ daně"), "tax": ("DPH 21 %", "DPH"),
           "total": ("Celkem s DPH", "K úhradě"), "currency": ("Měna",), "page": ("Strana",)},
}  # fmt: skip
# the roles only this set's headers print, per language (English where a language has none)
EXTRA7: dict[str, dict[str, tuple[str, ...]]] = {
    "en": {"framework": ("Framework Agreement", "Contract Ref.", "Against Agreement"), "remaining": (
           "Remaining under agreement", "Balance of contract value"), "ack_no": ("Acknowledgement No.",
           "Our Ref.", "Confirmation No."), "your_order": ("Your Order", "Customer PO"), "delivery": (
           "Delivery Date", "Required by", "Delivery"), "changed": ("Chg",), "contact": ("Contact", "Buyer",
           "Attention"), "change": ("Change No.", "Amendment"), "mark": ("* = changed line", "* changed"),
           "calloff": ("Call-off Order", "CALL-OFF ORDER", "Release against Framework")},
    "no": {"framework": ("Rammeavtale", "Rammeavtale nr."), "remaining": ("Gjenstående ramme",),
           "delivery": ("Leveringsdato", "Ønsket levert"), "contact": ("Kontaktperson", "Bestiller"),
           "calloff": ("Avrop på rammeavtale", "AVROP")},
    "da": {"ack_no": ("Ordrenr.", "Vores ordrenr."), "your_order": ("Deres ordre",), "delivery": (
           "Leveringsdato", "Forventet levering"), "contact": ("Kontakt", "Sælger")},
    "fi": {"ack_no": ("Vahvistus nro", "Oma viite"), "delivery": ("Toimituspäivä",), "changed": ("Muut.",),
           "change": ("Muutos nro",), "mark": ("* = muuttunut rivi",), "contact": ("Yhteyshenkilö",)},
    "pl": {"delivery": ("Termin dostawy",), "contact": ("Osoba kontaktowa", "Zaopatrzeniowiec"),
           "change": ("Zmiana nr", "Korekta nr")},
    "sk": {"delivery": ("Termín dodania",), "contact": ("Vybavuje",)},
    "hu": {"delivery": ("Szállítási határidő",), "contact": ("Ügyintéző", "Kapcsolattartó")},
    "hr": {"delivery": ("Rok isporuke",), "contact": ("Kontakt osoba",)},
    "it": {"delivery": ("Data consegna", "Consegna richiesta"), "contact": ("Referente", "Rif. interno")},
    "pt": {"delivery": ("Data de entrega", "Prazo de entrega"), "contact": ("Contacto", "Requisitante")},
    "cs": {"ack_no": ("Naše číslo", "Číslo potvrzení"), "your_order": ("Vaše objednávka",),
           "delivery": ("Termín dodání", "Potvrzený termín"), "contact": ("Vyřizuje",)},
    "sv": {"delivery": ("Leveransdatum", "Önskad leverans"), "contact": ("Referens", "Vår referens")},
}  # fmt: skip
COUNTRY_CAPTIONS7: dict[str, dict[str, tuple[str, ...]]] = {
    "JP": {"tax": ("Consumption Tax", "Consumption Tax (10%)", "Tax")},
    "KR": {"tax": ("VAT", "VAT (10%)")}, "AU": {"tax": ("GST", "GST 10%")},
    "CA": {"tax": ("GST", "GST 5%")}, "IE": {"tax": ("VAT", "VAT @ 23%")},
}  # fmt: skip

PRODUCTS7: dict[str, list[tuple[str, str]]] = {
    "en": [("Hex bolt M12 x 60 zinc plated, grade 8.8, DIN 933", "pcs"), ("Cable tray 300 mm perforated", "m"),
           ("Gloss white enamel, 4 L tin", "tin"), ("Plasterboard 13 mm, 2400 x 1200, recessed edge", "sht"),
           ("Servo drive unit 400 W with encoder cable, 3 m", "set"), ("Copper pipe 15 mm, half hard", "m"),
           ("Sterile gauze swabs 10 x 10 cm, 8 ply, box of 100", "box"), ("Nitrile gloves, powder free, L", "box"),
           ("Silicone sealant, clear, 300 ml", "ea"), ("Aluminium angle 40 x 40 x 3 mm", "kg")],
    "sv": [("Sexkantskruv M10x40 förzinkad", "st"), ("Kabelstege 300 mm", "m"), ("Hydraulolja HLP 46", "l"),
           ("Plattjärn 50x5 S235", "kg"), ("Skyddshandske nitril stl 9", "par"), ("Kopparrör 15 mm", "m")],
    "no": [("Sekskantskrue M12x50 forsinket", "stk"), ("Kabelbro 200 mm", "m"), ("Gipsplate 12,5 mm", "plate"),
           ("Kobberrør 22 mm", "m"), ("Vernehansker str. 10", "par"), ("Betong B30 levert", "m3")],
    "da": [("Sekskantbolt M8x30 A2", "stk"), ("Kabelbakke 100 mm", "m"), ("Hydraulikslange 1/2\"", "m"),
           ("Fladstål 40x5", "kg"), ("Arbejdshandske str. 9", "par"), ("Kobberrør 18 mm", "m")],
    "fi": [("Kuusioruuvi M10x40 sinkitty", "kpl"), ("Kaapelihylly 300 mm", "m"), ("Hydrauliöljy 46", "l"),
           ("Lattarauta 50x5", "kg"), ("Suojakäsine nitriili 9", "pari"), ("Kupariputki 15 mm", "m")],
    "pl": [("Śruba sześciokątna M12x60 ocynkowana, klasa 8.8", "szt."), ("Korytko kablowe perforowane 200 mm",
           "m"), ("Olej hydrauliczny HL 46", "l"), ("Płaskownik stalowy 40x4", "kg"),
           ("Rękawice ochronne nitrylowe, rozmiar 9", "par"), ("Rura miedziana 15 mm", "m")],
    "sk": [("Skrutka so šesťhrannou hlavou M10x40", "ks"), ("Káblový žľab 200 mm", "m"), ("Hydraulický olej",
           "l"), ("Plochá oceľ 40x5", "kg"), ("Pracovné rukavice", "pár"), ("Medená rúrka 15 mm", "m")],
    "hu": [("Hatlapfejű csavar M10x40 horganyzott", "db"), ("Kábeltálca 200 mm", "m"), ("Hidraulikaolaj HLP 46",
           "l"), ("Laposacél 40x5", "kg"), ("Védőkesztyű nitril 9-es", "pár"), ("Rézcső 15 mm", "m")],
    "hr": [("Vijak šesterokutni M10x40 pocinčani, razred 8.8", "kom"), ("Kabelska polica 200 mm", "m"),
           ("Hidrauličko ulje HM 46", "l"), ("Plosnato željezo 40x5", "kg"), ("Zaštitne rukavice", "par"),
           ("Bakrena cijev 15 mm", "m")],
    "it": [("Vite testa esagonale M10x40 zincata", "pz"), ("Passerella portacavi 200 mm", "m"),
           ("Olio idraulico ISO VG 46", "lt"), ("Piatto in acciaio 40x5", "kg"), ("Guanti in nitrile tg. 9", "paia"),
           ("Tubo in rame 15 mm", "m")],
    "pt": [("Parafuso sextavado M10x40 zincado", "un"), ("Caminho de cabos 200 mm", "m"), ("Óleo hidráulico",
           "lt"), ("Barra chata 40x5", "kg"), ("Luvas de nitrilo T9", "par"), ("Tubo de cobre 15 mm", "m")],
    "cs": [("Šroub šestihranný M10x40 pozink", "ks"), ("Kabelový žlab 200 mm", "m"), ("Hydraulický olej HM 46",
           "l"), ("Pásovina 40x5", "kg"), ("Pracovní rukavice", "pár"), ("Měděná trubka 15 mm", "m")],
}  # fmt: skip
PRODUCTS_BY_COUNTRY7: dict[str, list[tuple[str, str]]] = {
    "JP": [("Linear guide rail HSR25, L=1,240 mm", "pcs"), ("Ball screw unit BNK1510, C7", "set"),
           ("Proximity sensor M12, PNP, 3-wire", "pcs"), ("Timing belt S8M-1200, width 30", "pcs"),
           ("Servo amplifier 750 W", "unit"), ("Cable carrier 45 x 100, per metre", "m")],
    "KR": [("OLED driver IC, tape and reel", "reel"), ("FPCB assembly rev. C", "pcs"),
           ("Lithium polymer cell 3,000 mAh", "pcs"), ("Thermal pad 1.5 mm, 100 x 100", "sht"),
           ("SMT stencil 0.12 mm", "ea"), ("ESD tray, conductive", "ea")],
    "AU": [("Joinery: vanity unit 1200 wide, two drawers, 2-pac finish", "ea"),
           ("Plasterboard 13 mm recessed edge", "m2"), ("Suspended ceiling grid, 600 x 600", "m2"),
           ("Labour - carpenter", "hrs"), ("Skirting 90 x 18 primed MDF", "lm"), ("Acoustic ceiling tile", "m2")],
    "CA": [("SPF 2x4 #2&Btr KD 8 ft", "pcs"), ("OSB 7/16 in 4x8 sheathing", "sht"),
           ("Cedar decking 5/4 x 6 in", "lft"), ("Pressure treated 6x6 x 10 ft", "pcs"),
           ("Hardwood flooring, red oak 3/4 in", "sqft"), ("Framing nails 3-1/4 in, 50 lb box", "box")],
}  # fmt: skip
_BULK7 = {"m", "kg", "l", "lt", "m2", "m3", "lm", "lft", "sqft", "hrs"}
_LONG_SPECS7 = ("to drawing rev. C, tolerance class m, certificate 3.1 to be supplied with the goods",
                "packed per line item and labelled with our order number and line", "delivery to goods-in gate 2,",
                "in accordance with the technical specification attached to the framework agreement")  # fmt: skip
# elsewhere the wrapping part is a string of standards, drawing and batch references, which every language prints
_CODE_SPECS7 = (
    "EN 10025-2 S235JR / ISO 9001 / RAL 7035 / 3.1",
    "DIN 933 8.8 A2L, 4711-B rev. C, batch 2026/114",
    "EN ISO 4017 / 12-0042-C / 2,5 mm / pallet 120 x 80",
    "IEC 60204-1 / IP54 / 400 V 50 Hz / CE",
)
PAYMENT_TERMS7: dict[str, list[tuple[str, int]]] = {
    "SE": [("30 dagar netto", 30), ("Netto 45 dagar", 45)], "NO": [("30 dager netto", 30), ("14 dager", 14)],
    "DK": [("Netto 30 dage", 30), ("Løbende måned + 30 dage", 60)], "FI": [("14 pv netto", 14),
    ("30 päivää netto", 30)], "PL": [("przelew 30 dni", 30), ("14 dni od daty faktury", 14)],
    "SK": [("14 dní", 14), ("prevodom, splatnosť 30 dní", 30)], "HU": [("átutalás 30 nap", 30), ("15 nap", 15)],
    "HR": [("60 dana od datuma računa", 60), ("30 dana", 30)], "IT": [("Bonifico 60 gg d.f.f.m.", 90),
    ("Ri.Ba. 30 gg", 30)], "PT": [("30 dias", 30), ("Pronto pagamento", 0)],
    "JP": [("End of month closing, paid end of following month", 60), ("Net 30 days", 30)],
    "KR": [("T/T 30 days after invoice", 30), ("Net 60", 60)], "AU": [("30 days EOM", 60), ("Net 14 days", 14)],
    "CA": [("Net 30", 30), ("2% 10, Net 30", 30)], "IE": [("30 days from invoice", 30), ("Net 60 days", 60)],
    "CZ": [("14 dní", 14), ("30 dní od vystavení", 30)],
}  # fmt: skip
PEOPLE7 = {"SE": ["Karin Lindqvist", "J. Nyberg"], "NO": ["Ingrid Haugen", "Ola Berg"], "DK": ["Mette Holm",
           "S. Kjær"], "FI": ["Aino Virtanen", "Juha Mäkelä"], "PL": ["Anna Wójcik", "Piotr Zając"],
           "SK": ["Ing. Peter Kováč", "Jana Horváthová"], "HU": ["Kovács Éva", "Nagy Péter"],
           "HR": ["Ivana Babić", "Marko Horvat"], "IT": ["Dott. Luca Ferri", "Giulia Conti"],
           "PT": ["Rui Almeida", "Sofia Pires"], "JP": ["T. Yamamoto", "Keiko Sato"], "KR": ["Kim Min-jun",
           "Park Ji-yeon"], "AU": ["Mick Doyle", "Sarah Nguyen"], "CA": ["Dave Tremblay", "Lisa Chen"],
           "IE": ["Aoife Byrne", "C. Murphy"], "CZ": ["Ing. Jan Novák", "Petra Dvořáková"]}  # fmt: skip


def _po_number7(rng: random.Random, fam: Blind7Family, year: int) -> str:
    n = rng.randrange(1, 999999)
    return {"linjeskrivare-inkop-se": f"{n % 10**6:06d}", "avrop-rammeavtale-no": f"AV-{year}-{n % 10**4:04d}",
            "ordrebekraeftelse-rabat-dk": f"{n % 10**5:05d}", "muutostilaus-fi": f"{n % 10**5}",
            "zmiana-zamowienia-pl": f"ZZ/{n % 1000:03d}/{year}", "objednavka-tlaciaren-sk": f"OBJ{n % 10**5:05d}",
            "megrendelo-hu": f"MR-{year}/{n % 10**4:04d}", "narudzbenica-hr": f"{n % 1000}-{year}",
            "ordine-sconto-importo-it": f"{n % 10**4}/{year % 100:02d}", "nota-encomenda-pt": f"NE {year}/{n % 1000}",
            "trading-house-po-jp": f"P{year % 100:02d}-{n % 10**5:05d}", "electronics-po-kr": f"KP{n:06d}",
            "fitout-po-au": f"CO-{n % 10**4:04d}", "lumber-yard-po-ca": f"{n % 10**5:05d}",
            "hospital-calloff-ie": f"CLO{n % 10**6:06d}", "potvrzeni-objednavky-cz": f"{year}{n % 10**4:04d}",
            }[fam.name]  # fmt: skip


def _caption_choices(role: str, lang: str) -> tuple[tuple[str, ...], tuple[str, ...]]:
    """A role's wordings: this set's for the language (or English's), and all the sets' for it together."""
    tables = (CAPTIONS7, CAPTIONS6, CAPTIONS5, CAPTIONS)
    own = [t[lang][role] for t in tables if role in t.get(lang, {})]
    if not own:
        own = [t["en"][role] for t in tables if role in t["en"]]
    pool: list[str] = []
    for choices in own:
        pool += [c for c in choices if c not in pool]
    return own[0], tuple(pool)


def _look7(rng: random.Random, fam: Blind7Family) -> dict[str, Any]:
    """What this document draws within its family: captions, columns and their order, formats, totals order."""
    roles = sorted({r for t in (CAPTIONS7, CAPTIONS6, CAPTIONS5, CAPTIONS) for r in t["en"]} | set(CAPTIONS7["en"]))
    captions: dict[str, str] = {}
    for role in roles:  # sorted: the draws may not follow the hash seed
        first, pool = _caption_choices(role, fam.lang)
        choices = first if rng.random() < 0.65 else pool
        captions[role] = rng.choice(COUNTRY_CAPTIONS7.get(fam.country, {}).get(role, choices))
    for table in (EXTRA6, EXTRA7):
        for role, choices in table["en"].items():
            captions[role] = rng.choice(table.get(fam.lang, {}).get(role, choices))
    cols = [c for c in fam.columns if c not in fam.optional or rng.random() < 0.6]
    if rng.random() < 0.25 and "unit" in cols and "quantity" in cols:  # the unit on the other side
        cols.remove("unit")
        cols.insert(cols.index("quantity") + (1 if rng.random() < 0.5 else 0), "unit")
    dotmatrix = fam.header == "dotmatrix"
    return {"captions": captions, "columns": cols,
            "dates": rng.choice((fam.dates, *DATE_STYLES7.get(fam.country, ()))),
            "numbers": rng.choice((fam.numbers, *NUMBERS7.get(fam.country, ()))),
            "size": rng.choice([8.0, 8.5] if dotmatrix else [8.0, 8.5, 9.0]),
            "accent": rng.choice([(0.1, 0.2, 0.45), (0.45, 0.1, 0.1), (0.1, 0.35, 0.3), (0.2, 0.2, 0.2)]),
            "totals": "stack" if dotmatrix else rng.choice(["stack", "totalfirst", "strip"]),
            "numbered": False if dotmatrix else rng.random() < 0.3, "tax_ids": rng.random() < 0.8,
            "revision": rng.randrange(1, 5), "places": rng.choice([3, 4]) if "fine" in fam.extras else 2}  # fmt: skip


def _integral(value: Decimal) -> Decimal:
    return value.quantize(Decimal(1), rounding=ROUND_DOWN)


def sample_po7(rng: random.Random, fam: Blind7Family) -> Order4:
    look = _look7(rng, fam)
    cols = look["columns"]
    zero = fam.currency in ZERO_DECIMALS
    buyer = make_party7(rng, fam.country, caps=fam.header == "dotmatrix")
    vendor = make_party7(rng, fam.country, avoid=buyer.name, caps=fam.header == "dotmatrix")
    ship = replace(make_party7(rng, fam.country), name=buyer.name)
    lo, hi = fam.lines
    n = rng.randrange(hi // 2, hi + 1) if rng.random() < 0.25 else min(hi, lo + int(rng.expovariate(1 / 9)))
    pool = PRODUCTS_BY_COUNTRY7.get(fam.country) or PRODUCTS7.get(fam.lang, PRODUCTS7["en"])
    places = look["places"]
    lines: list[POLine] = []
    discounts: list[str] = []
    for k in range(n):
        desc, unit = pool[k % len(pool)] if k < len(pool) else rng.choice(pool)
        if k >= len(pool):
            desc = f"{desc} {rng.choice(['(B)', 'typ 2', '/ alt.', 'II', '- 2'])}"
        if "wrap" in fam.extras and rng.random() < 0.45:  # a specification that wraps onto two or three lines
            desc = f"{desc}, {rng.choice(_LONG_SPECS7 if fam.lang == 'en' else _CODE_SPECS7)}"
        qty = Decimal(rng.choice([1, 2, 3, 4, 5, 6, 8, 10, 12, 16, 20, 25, 40, 50, 100, 200]))
        if "decqty" in fam.extras and unit in _BULK7 and not zero and rng.random() < 0.6:  # 12.5 m, 3.75 kg
            qty = Decimal(rng.randrange(3, 900)) / rng.choice([2, 4, 10, 100])
        if zero:
            top = {"JPY": 900000, "KRW": 3000000, "HUF": 400000}[fam.currency]
            price = Decimal(rng.randrange(20, top) // 10 * 10)
            gross = qty * price
        else:
            top = 300000 if fam.currency in {"SEK", "NOK", "DKK", "CZK", "PLN"} else 60000
            price = Decimal(rng.randrange(20 * 10 ** (places - 2), top * 10 ** (places - 2))) / 10**places
            gross = q2(qty * price)
        disc = Decimal(rng.choice([0, 0, 2, 3, 5, 7.5, 10, 15])) if {"discpct", "discamt"} & fam.extras else Decimal(0)
        cut = (_integral(gross * disc / 100) if zero else q2(gross * disc / 100)) if disc else Decimal(0)
        amount = gross - cut
        lines.append(POLine(_sku5(rng, fam) if "sku" in cols else None, desc, qty, unit if "unit" in cols else None,
                            price, disc if disc else None, None, amount))  # fmt: skip
        discounts.append(str(cut))
    year = rng.randrange(2024, 2028)
    order_date = date(year, 1, 1) + timedelta(days=rng.randrange(0, 364))
    terms = rng.choice(PAYMENT_TERMS7[fam.country])
    po = priced_order(_po_number7(rng, fam, year), order_date, buyer, vendor, ship, terms, lines, Decimal(0),
                      Decimal("0.00"), Decimal(TAX_RATES7[fam.country]), False, True)  # fmt: skip
    if zero:  # no fractions of a yen, a won or a forint: the tax rounded down
        rate = Decimal(TAX_RATES7[fam.country])
        tax = _integral(po.subtotal * rate / 100)
        po = replace(po, tax_by_rate={rate: tax}, tax_total=tax, total=po.subtotal + tax)
    if not look["tax_ids"]:
        po = replace(po, buyer=replace(buyer, tax_id=None))
    look["discounts"] = discounts
    look["people"] = rng.sample(PEOPLE7[fam.country], 2)
    look["changed"] = [rng.random() < 0.3 for _ in lines] if "change" in fam.extras else [False] * len(lines)
    look["delivery"] = order_date + timedelta(days=rng.choice([7, 10, 14, 21, 28, 42]))
    prefix = rng.choice(["RA", "FA", "RV", "SA"])
    look["framework"] = f"{prefix}-{year - rng.randrange(1, 3)}-{rng.randrange(1, 99):03d}"
    look["remaining"] = q2(po.total * Decimal(rng.randrange(150, 900)) / 100)
    m = len(lines)
    return Order4(po, [1] * m, [""] * m, [""] * m, [""] * m, [False] * m, look)


# ---------------------------------------------------------------- drawing the order

Col = tuple[str, float, float, str]
_WEIGHTS7 = {**_WEIGHTS, "quantity": 0.08, "unit": 0.06, "changed": 0.04, "discount_amt": 0.09,
             "discount_pct": 0.07}  # fmt: skip
_RIGHT7 = _RIGHT | {"discount_amt"}


class PO7Writer(PO6Writer):
    symbols: ClassVar[dict[str, str]] = SYMBOLS7
    tagged_symbols: ClassVar[set[str]] = _TAGGED_SYMBOLS7
    currency_beside_tag: ClassVar[bool] = True

    def __init__(self, rng: random.Random, fam: Blind7Family, order: Order4) -> None:
        super().__init__(rng, fam, order)
        self.zero = fam.currency in ZERO_DECIMALS
        if "mono" in fam.extras:
            self.f = Fonts("dejavu-sans-mono", font("DejaVuSansMono.ttf"), font("DejaVuSansMono-Bold.ttf"),
                           font("DejaVuSansMono-Oblique.ttf"))  # fmt: skip
        if fam.header in {"ack", "calloff"}:  # the title says what the paper is
            own = CAPTIONS7.get(fam.lang, CAPTIONS7["en"])["title"] if fam.header == "ack" else (self.c["calloff"],)
            self.c = {**self.c, "title": rng.choice(own)}

    # -- formats
    def day(self, value: date) -> str:
        return format_day7(value, self.fam.dates, self.fam.lang)

    def num(self, value: Decimal, places: int = 2) -> str:
        return super().num(value, 0 if places == 2 and getattr(self, "zero", False) else places)

    def new_page(self) -> Any:
        page = super().new_page()
        if "pins" in self.fam.extras:  # continuous paper: pin-feed holes down both edges, a perforation inside
            for side in (13.0, self.pw - 13.0):
                y = 18.0
                while y < self.ph - 10:
                    page.circle(side, y, 3.6, (0.82, 0.82, 0.82))
                    y += 36.0
                x = 26.0 if side < 100 else self.pw - 26.0
                y = 0.0
                while y < self.ph:
                    page.line(x, y, x, y + 3, 0.3, (0.7, 0.7, 0.7))
                    y += 7.0
        return page

    def dash_line(self, y: float | None = None, char: str = "-") -> None:
        y = self.y + self.size if y is None else y
        n = int((self.right - self.left) / width(char, self.f.regular, self.size))
        self.t(self.left, y, char * n)
        if y >= self.y:
            self.y = y + self.lead * 0.4

    # -- the headers
    def facts(self) -> list[tuple[str, str, str | None]]:
        c = self.c
        rows = [*self.info(), (c["delivery"], self.day(self.look["delivery"]), None),
                (c["contact"], self.look["people"][0], None)]  # fmt: skip
        if "change" in self.fam.extras:
            rows.append((c["change"], str(self.look["revision"]), None))
        return rows

    def head_dotmatrix(self) -> None:
        """A line printer's form: the buyer top left in capitals, the title and the facts padded with dots to a
        colon at the right, dashes for rules, the supplier and the delivery address side by side."""
        m, c = self.m, self.c
        top = self.y
        self.t(self.left, top + self.size, m.buyer.name, "buyer_name", bold=True)
        self.t(self.left, top + self.size + self.lead, m.buyer.street.upper())
        self.t(self.left, top + self.size + self.lead * 2, m.buyer.city.upper())
        self.tax_line(self.left, top + self.size + self.lead * 3, m.buyer, "buyer_tax_id", scale=1.0)
        x = self.left + (self.right - self.left) * 0.52
        self.t(x, top + self.size, c["title"].upper(), bold=True)
        y = top + self.size + self.lead * 1.5
        pad = 17
        for caption, value, tag in self.facts():
            label = caption.upper().rstrip(":")[:pad]
            label = label + "." * (pad - len(label)) + ":"
            w = self.t(x, y, label)
            self.t(x + w + width(" ", self.f.regular, self.size), y, value, tag)
            y += self.lead
        self.y = max(y, top + self.lead * 5)
        self.dash_line()
        half = (self.right - self.left) / 2
        top = self.y
        y1 = self.block(self.left, top, half - 10, c["vendor"].upper() + ":", m.vendor, "vendor_name", True)
        y2 = self.block(self.left + half, top, half - 10, c["ship"].upper() + ":", m.ship_to, None)
        self.y = max(y1, y2)
        self.dash_line()

    def head_panel(self) -> None:
        """The buyer's letterhead and the supplier's address on the left; the title and every order fact stacked
        caption over value in a shaded panel down the right-hand side."""
        m, c = self.m, self.c
        x0 = self.left + (self.right - self.left) * 0.6
        facts = self.facts()
        top = self.y
        panel_h = self.lead * (2.6 + 2.2 * len(facts))
        self.page.rect(x0, top - 4, self.right - x0, panel_h, stroke=None, fill=(0.92, 0.93, 0.9))
        self.title_number(x0 + 8, top + self.size * 1.4, 1.25)
        y = top + self.lead * 2.4
        for caption, value, tag in facts:
            self.t(x0 + 8, y + self.size * 0.8, caption, scale=0.78, grey=True)
            self.t(x0 + 8, y + self.size * 0.8 + self.lead, value, tag, bold=tag is not None)
            y += self.lead * 2.2
        draw_logo(self.page, self.rng, self.left, top - 4, self.size * 3)
        lx = self.left + self.size * 3.8
        w = x0 - lx - 12
        scale = min(1.3, w / width(m.buyer.name, self.f.bold, self.size))
        self.t(lx, top + self.size * 1.3, m.buyer.name, "buyer_name", bold=True, scale=scale)
        self.t(lx, top + self.size * 1.3 + self.lead, f"{m.buyer.street}, {m.buyer.city}", scale=0.8, grey=True)
        self.tax_line(lx, top + self.size * 1.3 + self.lead * 2, m.buyer, "buyer_tax_id", scale=0.8)
        ly = top + self.lead * 4.5
        ly = self.block(self.left, ly, x0 - self.left - 16, c["vendor"], m.vendor, "vendor_name", True)
        if self.rng.random() < 0.6:
            ly = self.block(self.left, ly + self.lead * 0.6, x0 - self.left - 16, c["ship"], m.ship_to, None)
        self.y = max(ly, top + panel_h) + self.lead

    def head_ack(self) -> None:
        """An acknowledgement (or change) of the buyer's order on the supplier's paper: the supplier's letterhead,
        our acknowledgement number beside 'your order', the customer's address, the delivery address."""
        m, c = self.m, self.c
        top = self.y
        self.t(self.left, top + self.size * 1.5, m.vendor.name, "vendor_name", bold=True, scale=1.4,
               color=self.accent)  # fmt: skip
        self.t(self.left, top + self.size * 1.5 + self.lead * 1.3, f"{m.vendor.street} · {m.vendor.city} · "
               f"{m.vendor.country}", scale=0.8, grey=True)  # fmt: skip
        self.tax_line(self.left, top + self.size * 1.5 + self.lead * 2.3, m.vendor, "vendor_tax_id", scale=0.8)
        draw_logo(self.page, self.rng, self.right - self.size * 3.2, top - 4, self.size * 3.2)
        self.y = top + self.lead * 4.2
        self.title_number(self.left, self.y + self.size * 1.4, 1.5)
        self.y += self.lead * 2.2
        facts = [(c["ack_no"], f"{self.rng.randrange(10**5, 10**6)}", None), *self.facts()]
        half = (self.right - self.left) / 2
        start = self.y
        y1 = self.block(self.left, start, half - 12, c["buyer"], m.buyer, "buyer_name", True)
        if self.rng.random() < 0.5:
            y1 = self.block(self.left, y1 + self.lead * 0.5, half - 12, c["ship"], m.ship_to, None)
        y2 = self.kv(facts, self.left + half, self.left + half + 118, start)
        self.y = max(y1, y2) + self.lead

    def head_calloff(self) -> None:
        """A call-off against a framework agreement: the buyer's letterhead, the call-off title, a ruled box with
        the agreement's reference and what remains under it beside the call-off's own facts, then the supplier."""
        m, c = self.m, self.c
        top = self.y
        draw_logo(self.page, self.rng, self.left, top - 4, self.size * 3.2)
        lx = self.left + self.size * 4
        self.t(lx, top + self.size * 1.3, m.buyer.name, "buyer_name", bold=True, scale=1.2)
        self.t(lx, top + self.size * 1.3 + self.lead * 1.1, f"{m.buyer.street}, {m.buyer.city}", scale=0.8,
               grey=True)  # fmt: skip
        self.tax_line(lx, top + self.size * 1.3 + self.lead * 2.1, m.buyer, "buyer_tax_id", scale=0.8)
        self.title_number(self.right, top + self.size * 1.6, 1.4, "right")
        self.y = top + self.lead * 4.2
        remaining = self.num(self.look["remaining"])
        left_rows: list[tuple[str, str, str | None]] = [(c["framework"], self.look["framework"], None),
                                                        (c["remaining"], remaining, None)]  # fmt: skip
        box_top = self.y
        half = (self.right - self.left) / 2
        y1 = self.kv(left_rows, self.left + 6, self.left + 6 + 130, box_top + 4)
        y2 = self.kv(self.facts(), self.left + half + 6, self.left + half + 110, box_top + 4)
        bottom = max(y1, y2) + 4
        self.page.rect(self.left, box_top, self.right - self.left, bottom - box_top, line_width=0.7)
        self.page.line(self.left + half, box_top, self.left + half, bottom, 0.5)
        self.y = bottom + self.lead * 0.8
        y1 = self.block(self.left, self.y, half - 12, c["vendor"], m.vendor, "vendor_name", True)
        y2 = self.block(self.left + half, self.y, half - 12, c["ship"], m.ship_to, None)
        self.y = max(y1, y2) + self.lead

    # -- the items
    def columns(self) -> list[Col]:
        free = 1.0 - sum(_WEIGHTS7.get(r, 0.0) for r in self.cols_roles)
        x = self.left
        cols = []
        for role in self.cols_roles:
            w = (self.right - self.left) * (_WEIGHTS7.get(role) or free)
            cols.append((role, x, x + w, "right" if role in _RIGHT7 else "left"))
            x += w
        return cols

    def cell(self, role: str, i: int, ln: POLine) -> list[tuple[str, str | None]]:
        if role == "changed":
            return [("*" if self.look["changed"][i] else "", None)]
        if role == "discount_amt":
            cut = Decimal(self.look["discounts"][i])
            return [(self.num(cut) if cut else "", None)]
        if role == "unit_price":
            return [(self.num(ln.unit_price, self.look["places"]), "unit_price")]
        return super().cell(role, i, ln)

    def table_header(self, cols: list[Col]) -> None:
        ex = self.fam.extras
        if "dashes" in ex:
            for role, x0, x1, align in cols:
                self.t(x1 - 3 if align == "right" else x0 + 3, self.y + self.size, self.c[role].upper(),
                       align=align)  # fmt: skip
            self.y += self.lead * 0.6
            self.dash_line()
            return
        h = self.lead * 1.6
        if "boxed" in ex:
            self.page.rect(self.left, self.y, self.right - self.left, h, line_width=0.7, fill=(0.94, 0.94, 0.94))
            for _r, x0, _x1, _a in cols[1:]:
                self.page.line(x0, self.y, x0, self.y + h, 0.5)
        elif "gaps" in ex:
            pass
        else:
            self.page.rect(self.left, self.y, self.right - self.left, h, stroke=None, fill=(0.9, 0.91, 0.93))
        for role, x0, x1, align in cols:
            fit = min(0.85, (x1 - x0 - 5) / max(1.0, width(self.c[role], self.f.bold, self.size)))
            self.t(x1 - 3 if align == "right" else x0 + 3, self.y + self.lead, self.c[role], bold=True, scale=fit,
                   align=align)  # fmt: skip
        self.y += h + (self.lead * 0.5 if "gaps" in ex else 3)

    def desc_width(self, cols: list[Col]) -> float:
        return next(x1 - x0 for r, x0, x1, _a in cols if r == "description") - 6

    def table(self, rows: list[int] | None = None, heading: str | None = None) -> None:
        cols = self.columns()
        ex = self.fam.extras
        self.table_header(cols)
        for i, ln in enumerate(self.m.lines):
            n_lines = len(wrap(ln.description, self.f.regular, self.size, self.desc_width(cols)))
            if self.y + self.lead * (n_lines + 1) > self.bottom():
                if "dashes" in ex:
                    self.dash_line()
                self.new_page()
                self.t(self.right, self.y + self.size, f"{self.c['title']} {self.m.number}", scale=0.8, grey=True,
                       align="right")  # fmt: skip
                self.y += self.lead * 2
                self.table_header(cols)
            top = self.y
            self.row5(cols, i, ln)
            if "boxed" in ex:
                self.page.rect(self.left, top - 2, self.right - self.left, self.y - top, line_width=0.5)
                for _r, x0, _x1, _a in cols[1:]:
                    self.page.line(x0, top - 2, x0, self.y - 2, 0.5)
            elif "gaps" in ex:
                self.y += self.lead * 0.5
            elif not {"dashes", "zebra"} & ex:
                self.page.line(self.left, self.y - 1, self.right, self.y - 1, 0.3, (0.6, 0.6, 0.6))
        if "dashes" in ex:
            self.dash_line()
        elif "boxed" not in ex and "gaps" not in ex:
            self.page.line(self.left, self.y + 1, self.right, self.y + 1, 0.8)
        self.y += self.lead * 0.6
        if "change" in ex and any(self.look["changed"]):
            self.t(self.left, self.y + self.size, self.c["mark"], scale=0.8, italic=True)
            self.y += self.lead

    # -- totals
    def totals(self) -> None:
        PO6Writer.totals(self)
        if "dashes" in self.fam.extras:
            self.dash_line(char="=")

    def write(self) -> None:
        getattr(self, f"head_{self.fam.header}")()
        self.table()
        self.totals()
        self.footers()


def make_blind7_po(seed: int, fam: Blind7Family, doc_id: str | None = None) -> GeneratedDoc:
    return make_set_po(seed, fam, doc_id, set_no=7, sample=sample_po7, writer_of=PO7Writer,
                       look_keys=(*LOOK_KEYS, "discounts", "places"))  # fmt: skip


# ---------------------------------------------------------------- contracts

# Per family: the words a contract is made of. {eff}, {exp}, {buyer}, {vendor}, {terms}, {cur} are tagged values;
# {btax}/{vtax} become ', <label> <id>' or nothing; 'dur' replaces 'term' where the expiry is a duration ({nword}
# the number in words, {n} in figures); 'renew' is the renewal clause.
CONTRACT_TEXT7: dict[str, dict[str, Any]] = {
    "nda-with-fee-ie": {
        "title": ("CONFIDENTIALITY AND EVALUATION AGREEMENT", "Mutual Non-Disclosure Agreement"),
        "number": ("Agreement Ref.", "NDA No."), "roles": ("Discloser", "Recipient"), "sign": "Signed for the",
        "recitals": "WHEREAS the Discloser wishes to make certain technical and commercial information available to "
                    "the Recipient for the purpose of evaluating a possible collaboration, and the Recipient is "
                    "willing to review that information against the fees set out below.",
        "intro": "This Agreement is made on {eff} between {buyer}{btax} (the \"Discloser\") and {vendor}{vtax} "
                 "(the \"Recipient\").",
        "term": "The obligations of confidence under this Agreement end on {exp}.",
        "dur": "This Agreement takes effect on {eff2} and continues for a period of {nword} ({n}) {unit}; the "
               "obligations of confidence survive its end.", "units": ("months", "years"), "units1": ("month", "year"),
        "pay": "In consideration of the evaluation the Discloser shall pay the Recipient the fees below, stated in "
               "{cur} exclusive of VAT, {terms}.",
        "filler": ["The Recipient shall keep the Confidential Information secret and use it only for the Purpose.",
                   "On request the Recipient shall return or destroy all copies of the Confidential Information.",
                   "This Agreement is governed by the laws of Ireland and the parties submit to the Irish courts."],
        "annex": ("Evaluation fees", "Fees"),
        "prose": "The fee for {service} is {rate} {cur} per {unit}.",
        "terms": [("within 30 days of invoice", 30), ("on the last day of the month following the invoice", 45)],
        "services": [("a technical evaluation session", "session"), ("the written evaluation report", "report"),
                     ("an engineer on site", "day"), ("a follow-up review", "hour")],
    },
    "umowa-zlecenie-pl": {
        "title": ("UMOWA ZLECENIA", "Umowa o świadczenie usług"), "number": ("Umowa nr", "Nr umowy"),
        "roles": ("Zleceniodawca", "Zleceniobiorca"), "sign": "W imieniu:",
        "intro": "Umowa zawarta w dniu {eff} pomiędzy {buyer}{btax}, zwaną dalej Zleceniodawcą, a {vendor}{vtax}, "
                 "zwaną dalej Zleceniobiorcą.",
        "term": "Umowa obowiązuje do dnia {exp}.",
        "dur": "Umowa zostaje zawarta na okres {nword} ({n}) {unit}, licząc od dnia {eff2}.",
        "units": ("miesięcy", "lat"), "units1": ("miesiąca", "roku"),
        "renew": "Umowa ulega automatycznemu przedłużeniu na kolejne dwanaście (12) miesięcy, o ile żadna ze stron "
                 "nie wypowie jej na trzy miesiące przed upływem okresu obowiązywania.",
        "pay": "Wynagrodzenie wyrażone jest w {cur} netto i płatne {terms}.",
        "filler": ["Zleceniobiorca wykona zlecenie z należytą starannością.",
                   "Spory rozstrzyga sąd właściwy dla siedziby Zleceniodawcy."],
        "annex": ("Wynagrodzenie", "§ 4. Stawki"),
        "prose": "Za {service} Zleceniobiorcy przysługuje wynagrodzenie w wysokości {rate} {cur} za {unit}.",
        "terms": [("przelewem w terminie 14 dni od doręczenia faktury", 14), ("w terminie 30 dni", 30)],
        "services": [("przegląd instalacji", "przegląd"), ("pracę serwisanta", "godzinę"),
                     ("dyżur techniczny", "dobę"), ("dojazd do obiektu", "kilometr")],
    },
    "contratto-manutenzione-it": {
        "title": ("CONTRATTO DI MANUTENZIONE", "Contratto di assistenza tecnica"), "number": ("Contratto n.",
        "Rif. contratto"), "roles": ("il Committente", "l'Appaltatore"), "sign": "Per",
        "intro": "Con la presente scrittura privata, stipulata in data {eff}, {buyer}{btax} (il Committente) e "
                 "{vendor}{vtax} (l'Appaltatore) convengono quanto segue.",
        "term": "Il contratto ha validità fino al {exp}.",
        "pay": "I corrispettivi sono espressi in {cur} al netto di IVA e saranno pagati {terms}.",
        "filler": ["L'Appaltatore esegue le manutenzioni ordinarie secondo il calendario concordato.",
                   "Gli interventi straordinari sono eseguiti entro ventiquattro ore dalla chiamata.",
                   "L'Appaltatore è responsabile del rispetto delle norme di sicurezza sul lavoro.",
                   "Per ogni controversia è competente in via esclusiva il Foro di Bergamo."],
        "annex": ("Allegato A – Listino corrispettivi", "ALLEGATO A: TARIFFE"), "cols": ("Prestazione", "Unità",
        "Tariffa"),
        "terms": [("a 60 giorni data fattura fine mese", 90), ("con bonifico a 30 giorni", 30)],
        "services": [("Manutenzione programmata", "intervento"), ("Tecnico specializzato", "ora"),
                     ("Uscita per chiamata", "uscita"), ("Canone di reperibilità", "mese"), ("Trasferta", "km")],
    },
    "contrato-avenca-pt": {
        "title": ("CONTRATO DE AVENÇA", "Contrato de Prestação de Serviços em Regime de Avença"),
        "number": ("Contrato n.º", "Processo n.º"), "roles": ("Primeiro Outorgante", "Segundo Outorgante"),
        "sign": "Pelo",
        "intro": "Aos {eff}, entre {buyer}{btax}, como Primeiro Outorgante, e {vendor}{vtax}, como Segundo "
                 "Outorgante, é celebrado o presente contrato.",
        "term": "O contrato vigora até {exp}.",
        "dur": "O contrato tem início em {eff2} e a duração de {nword} ({n}) {unit}.",
        "units": ("meses", "anos"), "units1": ("mês", "ano"),
        "renew": "Findo o prazo inicial, o contrato renova-se automaticamente por períodos de um ano, salvo "
                 "denúncia por qualquer das partes com sessenta dias de antecedência.",
        "pay": "Os valores são expressos em {cur}, acrescidos de IVA à taxa legal, e pagos {terms}.",
        "filler": ["O Segundo Outorgante presta os serviços com autonomia técnica.",
                   "Para os litígios emergentes do contrato é competente o tribunal da comarca de Braga."],
        "annex": ("Cláusula Quinta – Preços", "Preçário"), "bullet": "{service}: {rate} {cur} por {unit}",
        "terms": [("a 30 dias da data da fatura", 30), ("até ao dia 8 do mês seguinte", 38)],
        "services": [("Avença mensal de contabilidade", "mês"), ("Hora técnica adicional", "hora"),
                     ("Deslocação", "km"), ("Processamento salarial", "colaborador")],
    },
    "szolgaltatasi-szerzodes-hu": {
        "title": ("SZOLGÁLTATÁSI SZERZŐDÉS", "Vállalkozási szerződés"), "number": ("Szerződésszám",
        "Iktatószám"), "roles": ("Megrendelő", "Szolgáltató"), "sign": "",
        "intro": "Amely létrejött {eff} napján {buyer}{btax} (Megrendelő) és {vendor}{vtax} (Szolgáltató) között.",
        "term": "A szerződés {exp} napjáig hatályos.",
        "dur": "A szerződés {eff2} napjától {nword} ({n}) {unit} időtartamra jön létre.",
        "units": ("hónap", "év"),
        "pay": "A díjak {cur} pénznemben, ÁFA nélkül értendők; a számlák kiegyenlítése {terms} történik.",
        "filler": ["A Szolgáltató a munkát a vonatkozó szabványok szerint végzi.",
                   "A szerződésben nem szabályozott kérdésekben a Ptk. rendelkezései irányadók."],
        "annex": ("Díjazás", "Szolgáltatási díjak"),
        "prose": "A(z) {service} díja {rate} {cur} / {unit}.",
        "terms": [("átutalással, a számla kézhezvételétől számított 30 napon belül", 30), ("15 napon belül", 15)],
        "services": [("karbantartás", "alkalom"), ("szerelő munkadíja", "óra"), ("kiszállás", "km"),
                     ("ügyeleti rendelkezésre állás", "hónap")],
    },
    "ugovor-o-odrzavanju-hr": {
        "title": ("UGOVOR O ODRŽAVANJU", "Ugovor o pružanju usluga održavanja"), "number": ("Broj ugovora",
        "Ur. broj"), "roles": ("Naručitelj", "Izvršitelj"), "sign": "Za",
        "intro": "Ovaj ugovor sklopljen je dana {eff} između {buyer}{btax} (Naručitelj) i {vendor}{vtax} "
                 "(Izvršitelj).",
        "term": "Ugovor vrijedi do {exp}",
        "pay": "Cijene su izražene u {cur} bez PDV-a i plaćaju se {terms}.",
        "filler": ["Izvršitelj se obvezuje usluge obavljati stručno i pravodobno.",
                   "Za sporove je nadležan stvarno nadležni sud u Rijeci."],
        "annex": ("Prilog 1. – Cjenik usluga", "PRILOG 1: CJENIK"), "cols": ("Usluga", "Jedinica", "Cijena"),
        "terms": [("u roku od 30 dana od primitka računa", 30), ("u roku od 60 dana", 60)],
        "services": [("Redovni servis", "posjet"), ("Rad servisera", "sat"), ("Prijevoz", "km"),
                     ("Dežurstvo", "mjesec")],
    },
    "service-agreement-jp": {
        "title": ("SERVICE AGREEMENT", "Maintenance Service Agreement"), "number": ("Agreement No.",
        "Contract No."), "roles": ("Client", "Contractor"), "sign": "For the",
        "intro": "This Agreement is entered into on {eff} by and between {buyer}{btax} (the \"Client\") and "
                 "{vendor}{vtax} (the \"Contractor\").",
        "term": "This Agreement shall remain in force until {exp}.",
        "dur": "This Agreement shall be effective from {eff2} for a period of {nword} ({n}) {unit}, and shall be "
               "renewed for successive one-year periods unless either party objects in writing.",
        "units": ("months", "years"), "units1": ("month", "year"),
        "pay": "All fees are in {cur} exclusive of consumption tax, payable {terms}.",
        "filler": ["The Contractor shall perform the Services in accordance with the specifications of the Client.",
                   "Neither party shall disclose the other party's confidential information to any third party.",
                   "The Contractor may not subcontract the Services without the Client's prior written consent.",
                   "The Tokyo District Court shall have exclusive jurisdiction over any dispute."],
        "annex": ("Schedule 1 - Service Fees", "Fee Schedule"), "cols": ("Service", "Unit", "Fee"),
        "terms": [("by the end of the month following the month of invoice", 60), ("within 30 days", 30)],
        "services": [("Periodic inspection", "visit"), ("Field engineer", "hour"), ("Remote monitoring", "month"),
                     ("Emergency call-out", "call")],
    },
    "serviceavtal-se": {
        "title": ("SERVICEAVTAL", "Avtal om service och underhåll"), "number": ("Avtalsnummer", "Avtal nr"),
        "roles": ("Beställaren", "Leverantören"), "sign": "För",
        "intro": "Detta avtal har träffats den {eff} mellan {buyer}{btax} (Beställaren) och {vendor}{vtax} "
                 "(Leverantören).",
        "term": "Avtalet gäller till och med den {exp}.",
        "dur": "Avtalet gäller från den {eff2} under {nword} ({n}) {unit}.", "units": ("månader", "år"),
        "units1": ("månad", "år"),
        "renew": "Avtalet förlängs därefter automatiskt med tolv (12) månader i taget om det inte sägs upp "
                 "skriftligen senast tre månader före avtalstidens utgång.",
        "pay": "Samtliga priser anges i {cur} exklusive moms. Betalning sker {terms}.",
        "filler": ["Leverantören ska utföra uppdraget fackmässigt och enligt gällande föreskrifter.",
                   "Tvist ska avgöras av allmän domstol med Örebro tingsrätt som första instans."],
        "annex": ("Ersättning", "Priser"),
        "prose": "För {service} debiteras {rate} {cur} per {unit}.",
        "terms": [("30 dagar netto", 30), ("inom 20 dagar från fakturadatum", 20)],
        "services": [("förebyggande underhåll", "besök"), ("servicetekniker", "timme"), ("jour", "vecka"),
                     ("resor", "mil")],
    },
}  # fmt: skip
NUMBER_WORDS7: dict[str, dict[int, str]] = {
    "en": {1: "one", 2: "two", 3: "three", 6: "six", 12: "twelve", 18: "eighteen", 24: "twenty-four"},
    "pl": {1: "jednego", 2: "dwóch", 3: "trzech", 6: "sześciu", 12: "dwunastu", 18: "osiemnastu",
           24: "dwudziestu czterech"},
    "pt": {1: "um", 2: "dois", 3: "três", 6: "seis", 12: "doze", 18: "dezoito", 24: "vinte e quatro"},
    "sv": {1: "ett", 2: "två", 3: "tre", 6: "sex", 12: "tolv", 18: "arton", 24: "tjugofyra"},
    "hu": {1: "egy", 2: "két", 3: "három", 6: "hat", 12: "tizenkét", 18: "tizennyolc", 24: "huszonnégy"},
}  # fmt: skip
_TERMS7 = [(6, "months"), (12, "months"), (18, "months"), (24, "months"), (1, "years"), (2, "years"), (3, "years")]


def _contract_number7(rng: random.Random, fam: Blind7Family, year: int) -> str:
    n = rng.randrange(1, 9999)
    return {"nda-with-fee-ie": f"NDA-{year}-{n:04d}", "umowa-zlecenie-pl": f"UZ/{n % 1000:03d}/{year}",
            "contratto-manutenzione-it": f"{n % 1000}/{year}/MAN", "contrato-avenca-pt": f"AV-{n % 1000:03d}/{year}",
            "szolgaltatasi-szerzodes-hu": f"SZ-{year}-{n:04d}", "ugovor-o-odrzavanju-hr": f"{n % 1000}/{year}-OD",
            "service-agreement-jp": f"SA{year % 100:02d}-{n:04d}",
            "serviceavtal-se": f"SA-{n:05d}"}[fam.name]  # fmt: skip


def _rates7(rng: random.Random, fam: Any, chosen: list[tuple[str, str]]) -> list[tuple[str, str, Decimal]]:
    if fam.currency in ZERO_DECIMALS:
        return [(s, u, Decimal(rng.randrange(300, 90000) * 10)) for s, u in chosen]
    top = 500000 if fam.currency in {"SEK", "PLN"} else 40000
    return [(s, u, q2(Decimal(rng.randrange(1500, top)) / 100)) for s, u in chosen]


def sample_contract7(rng: random.Random, fam: Blind7Family) -> Contract2:
    return sample_contract6(rng, fam, texts=CONTRACT_TEXT7, make_party=make_party7, terms=_TERMS7,
                            rates_of=_rates7, number_of=_contract_number7)  # fmt: skip


class Contract7Writer(Contract6Writer):
    texts: ClassVar[dict[str, dict[str, Any]]] = CONTRACT_TEXT7
    date_styles: ClassVar[dict[str, tuple[str, ...]]] = DATE_STYLES7

    def day(self, value: date) -> str:
        return format_day7(value, self.fam.dates, self.fam.lang)

    def num(self, value: Decimal, places: int = 2) -> str:
        return super().num(value, 0 if places == 2 and self.fam.currency in ZERO_DECIMALS else places)

    def term_clause(self) -> str:
        if not self.m.term:
            return str(self.text["term"])
        n, unit = self.m.term
        k = 0 if unit == "months" else 1
        word = self.text.get("units1", self.text["units"])[k] if n == 1 else self.text["units"][k]
        nword = NUMBER_WORDS7.get(self.fam.lang, NUMBER_WORDS7["en"]).get(n, str(n))
        return str(self.text["dur"]).replace("{nword}", nword).replace("{n}", str(n)).replace("{unit}", word)

    def numbered(self, clauses: list[str], values: dict[str, tuple[str, str | None]], *, x0: float | None = None,
                 x1: float | None = None, start: int = 1) -> None:  # fmt: skip
        for k, clause in enumerate(clauses):
            self.flow(f"{start + k}. {clause}", values, x0=x0, x1=x1)

    def body_renewal(self) -> None:
        """The intro, the term (a duration in words, or an end date), a renewal clause, payment, the rest; the
        rates after them."""
        values = self.values()
        self.flow(self.fill(self.text["intro"], values), values)
        filler = self.rng.sample(self.text["filler"], len(self.text["filler"]))
        self.numbered([self.term_clause(), self.text["renew"], self.text["pay"], *filler], values)
        self.schedule()

    def body_nda(self) -> None:
        """A confidentiality agreement with a fee: the parties, a 'whereas' recital, the confidentiality clauses,
        the term, and the evaluation fees in prose."""
        values = self.values()
        self.flow(self.fill(self.text["intro"], values), values)
        self.flow(self.text["recitals"], {})
        self.flow("IT IS AGREED as follows:", {}, bold=True)
        self.numbered([*self.text["filler"][:2], self.term_clause(), self.text["pay"], self.text["filler"][2]], values)
        self.schedule()

    def body_twocol(self) -> None:
        """The intro across the page, then the clauses in two columns side by side; the rates after them."""
        values = self.values()
        self.flow(self.fill(self.text["intro"], values), values)
        clauses = [self.term_clause(), self.text["pay"], *self.text["filler"]]
        half = (self.right - self.left) / 2
        split = (len(clauses) + 1) // 2
        page, top = self.page, self.y
        self.numbered(clauses[:split], values, x1=self.left + half - 10)
        if self.page is page:  # the right column beside the left one
            bottom, self.y = self.y, top
            self.numbered(clauses[split:], values, x0=self.left + half + 10, start=split + 1)
            if self.page is page:
                self.page.line(self.left + half, top, self.left + half, max(self.y, bottom), 0.4, (0.6, 0.6, 0.6))
                self.y = max(self.y, bottom)
        else:  # the left column ran over the page: the right one goes on below it
            self.numbered(clauses[split:], values, x0=self.left + half + 10, start=split + 1)
        self.y += self.lead * 0.5
        self.schedule()


def make_blind7_contract(seed: int, fam: Blind7Family, doc_id: str | None = None) -> GeneratedDoc:
    return make_set_contract(seed, fam, doc_id, set_no=7, sample=sample_contract7, writer_of=Contract7Writer)


# ---------------------------------------------------------------- scans

SCAN_CONDITIONS = ("fax120", "carbon", "ticks", "angled", "phoneflat", "photocopy", "stampover")


def _ink_stroke(d: ImageDraw.ImageDraw, pts: list[tuple[float, float]], ink: tuple[int, int, int], w: int) -> None:
    d.line(pts, fill=ink, width=w, joint="curve")


def _fax(img: Image.Image, rng: random.Random, page_w_pt: float) -> tuple[Image.Image, int]:
    """A fax at 100-150 dpi: black and white, dark streaks across the page, a light drop-out line down it."""
    dpi = rng.choice([100, 120, 150])
    g = _resample(img.convert("L"), page_w_pt, dpi)
    d = ImageDraw.Draw(g)
    for _ in range(rng.randrange(1, 4)):  # a dirty feed roller
        y = rng.randrange(g.height)
        d.rectangle((0, y, g.width, y + rng.randrange(1, 3)), fill=rng.randrange(0, 90))
    x = rng.randrange(g.width)
    d.rectangle((x, 0, x + rng.randrange(1, 4), g.height), fill=255)
    arr = np.asarray(g, dtype=np.int16)
    noise = np.random.default_rng(rng.randrange(2**32)).normal(0, 14, arr.shape)
    bw = Image.fromarray(np.clip(arr + noise, 0, 255).astype(np.uint8)).point(lambda v: 255 if v > 150 else 0)
    return bw.convert("1"), dpi


def _carbon(img: Image.Image, rng: random.Random) -> Image.Image:
    """A carbon copy: violet ink that never prints full black, on pink, yellow, green or blue paper."""
    grey = np.asarray(img.convert("L"), dtype=np.float32) / 255.0
    paper = np.array(rng.choice([(250, 222, 228), (250, 244, 200), (222, 242, 222), (228, 236, 250)]), dtype=float)
    ink = np.array([90.0, 70.0, 150.0]) + rng.uniform(0, 40)
    dark = (1 - grey)[..., None] * rng.uniform(0.55, 0.75)
    arr = paper * (1 - dark) + ink * dark
    noise = np.random.default_rng(rng.randrange(2**32)).normal(0, 6, arr.shape[:2])[..., None]
    return Image.fromarray(np.clip(arr + noise, 0, 255).astype(np.uint8)).filter(ImageFilter.GaussianBlur(0.7))


def _ticks(img: Image.Image, rng: random.Random) -> Image.Image:
    """Ballpoint tick marks down the left of the table (items checked in) and a signature across it."""
    rgb = img.convert("RGB")
    w, h = rgb.size
    d = ImageDraw.Draw(rgb)
    ink = rng.choice([(20, 40, 150), (30, 30, 40), (150, 20, 30)])
    pen = max(2, w // 400)
    x = w * rng.uniform(0.04, 0.1)
    y = h * rng.uniform(0.3, 0.4)
    for _ in range(rng.randrange(4, 12)):
        s = w * rng.uniform(0.012, 0.02)
        _ink_stroke(d, [(x, y), (x + s * 0.4, y + s * 0.6), (x + s * 1.3, y - s * 0.7)], ink, pen)
        y += h * rng.uniform(0.025, 0.045)
    sx, sy = w * rng.uniform(0.45, 0.65), h * rng.uniform(0.45, 0.7)
    pts = [(sx + k * w * 0.012, sy + float(np.sin(k * rng.uniform(0.8, 1.6))) * h * 0.012) for k in range(18)]
    _ink_stroke(d, pts, ink, pen)
    d.line((sx - w * 0.02, sy + h * 0.02, sx + w * 0.25, sy + h * 0.015), fill=ink, width=pen)
    return rgb


def condition7(img: Image.Image, kind: str, rng: random.Random, page_w_pt: float) -> tuple[Any, ...]:
    """This set's own conditions: a fax at 100-150 dpi (black and white, dark streaks along the feed and a light
    drop-out), a carbon copy (violet ink, low contrast, on pink, yellow or green paper), and tick marks and a
    signature written in ballpoint over the table; set 6's (and through it set 5's, 4's and 2's) otherwise."""
    if kind == "fax120":
        return _fax(img, rng, page_w_pt)
    if kind == "carbon":
        return _carbon(img, rng), None
    if kind == "ticks":
        return _ticks(img, rng), None
    return condition6(img, kind, rng, page_w_pt)


# ---------------------------------------------------------------- data sets


def make_blind7(seed: int, fam: Blind7Family, doc_id: str | None = None) -> GeneratedDoc:
    """One document of ``fam``; the same seed gives the same bytes."""
    return (make_blind7_po if fam.kind == "po" else make_blind7_contract)(seed, fam, doc_id)


def generate_blind7(n: int, out: Path, seed: int, scanned_share: float = 0.0, split: str = "all") -> list[Path]:
    """Write ``n`` documents of the seventh blind set's ``split`` (dev, test or all) with their labels to ``out``.
    A scanned document gets its family's own scan condition or, one time in three, the factory's plain scan."""
    return write_blind_set(n, out, seed, scanned_share, split, blind7_families(split), make_blind7, set_no=7,
                           salt=0xB17D, conditioner=condition7)  # fmt: skip


__all__ = ["BLIND7_SPLITS", "FAMILIES", "SPLIT_SEED", "blind7_families", "condition7", "format_day7",
           "generate_blind7", "make_blind7", "tax_id7"]  # fmt: skip
