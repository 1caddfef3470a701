"""The thirteenth blind set: purchase orders and contracts written without looking at the extractor, for measuring it.

Sets 1-12 printed Europe but for a few corners, the Caucasus, Central Asia's Kazakhstan, Uzbekistan and Mongolia, the
Americas' big and middle economies, East and South Asia, much of Africa and the Gulf's Oman, Jordan and the UAE; this
set goes to 24 desks none printed: Tajikistan in Tajik Cyrillic (ӣ ӯ ҳ ҷ қ ғ), Kyrgyzstan in Kyrgyz Cyrillic (ң ө ү),
Turkmenistan in Latin Turkmen (ň ý ş ž ä), Bosnia and Herzegovina in Bosnian, Kosovo in Albanian (euro), Honduras
(lempira) and Nicaragua (córdoba) in their Spanish, Rwanda in Kinyarwanda (francs without decimals), Madagascar in
Malagasy (ariary without decimals), Kuwait and Bahrain in English (dinars with three decimals), Mauritius, Fiji,
Papua New Guinea, Cambodia and the Maldives in English; contracts from Lebanon and Haiti in French, Namibia in
Afrikaans, Trinidad and Tobago, Zambia, Qatar, Samoa and Botswana in English. Dates in words are Babel's long format
for the document's locale ('05 Март 2026', '2026-ж., 5-март', '2026 Werurwe 5', '5 Martsa 2026', '5 Maart 2026'),
and, new to the project, dates with the month in Roman numerals ('05.III.2026', '05-III-2026') as Bosnian, Kosovar
and Tajik offices still type them; a number style no set printed: a space between thousands and a point before the
decimals ('1 234.50', Mauritius and Cambodia). Money has the currency's own places from Babel. None of the countries
has a scheme in python-stdnum: their tax ids (Tajikistan's РМА, Kyrgyzstan's ИНН, Turkmenistan's salgyt belgisi,
Bosnia's JIB, Kosovo's NUI, Honduras's RTN, Nicaragua's RUC, Rwanda's and Papua New Guinea's TIN, Madagascar's NIF,
Kuwait's C.R. number, Bahrain's VAT account number, Mauritius's BRN, Fiji's TIN, Cambodia's VATTIN, the Maldives' GST
TIN, Lebanon's numéro financier, Trinidad's BIR number, Zambia's TPIN, Qatar's TIN, Namibia's BTW number, Haiti's
NIF, Samoa's TIN, Botswana's TIN) are drawn in their printed shape.

Papers no set drew: captions under their values (each fact a value over a hairline with its caption in small grey
print beneath, the parties' captions under their blocks), the order on page 2 after a cover letter on page 1, the
order's facts in a band at the foot of the first page (the parties at its head), a narrow till-roll strip down the
middle of the page (every item two lines: its description, then 'quantity unit x price' and the amount). Tables: a
transposed table (the items as columns, the fields as rows, in blocks of up to five items), a table set in two
side-by-side halves like a newspaper's columns (the items running down the left half, then the right, then onto the
next page), the quantity and its unit in one cell of the halves. Contracts: the whole agreement as a two-column
ruled table (clause heading in the left cell, its text in the right), side headings in the left margin, a contract
form whose values stand over their captions; rates as boxed cards (value over caption), a rate table with an
after-hours rate beside the labelled one, a ruled rate table. Scans: two conditions of this set's own (a water
stain's tide marks, a laser printer's drum ghost: a faint copy of the page offset by the drum's turn) and the earlier
sets' through their public functions (``blind12.condition12``).

The labels are the other sets' (``blind.blind_po_doc``, ``blind2.blind_contract_doc``): a line's ``unit_price`` is
the price as printed, its ``amount`` quantity x price rounded half up to the currency's places. The lines sum to the
subtotal; the tax is the subtotal x rate rounded half up; total = subtotal + tax. Line numbers, the cover letter, the
after-hours rates and the amount in words are printed but not labelled. A contract's label lines are its rates
(description, unit, rate). The families are split once into a ``dev`` and a ``test`` half (``BLIND13_SPLITS``:
``split_by_kind`` with ``SPLIT_SEED``). ``ledgerlens data blind --set 13`` writes them. Written without opening the
extractor's code, its results or its benchmarks, and without running it.
"""

from __future__ import annotations

import math
import random
import re
import string
from collections.abc import Callable
from dataclasses import dataclass
from datetime import date, timedelta
from decimal import Decimal
from pathlib import Path
from typing import Any

import numpy as np
from babel.numbers import get_currency_precision
from dateutil.relativedelta import relativedelta
from PIL import Image, ImageFilter

from training.factory.blind import BlindParty, BlindPO
from training.factory.blind2 import Contract2, write_blind_set
from training.factory.blind3 import split_by_kind
from training.factory.blind11 import english_words
from training.factory.blind12 import (
    Contract12Writer,
    Order12,
    PO12Writer,
    Sheet12,
    _round,
    condition12,
    format_day12,
    format_num12,
    french_words,
)
from training.factory.blindkit import chain_conditions, make_set_contract, make_set_po, split_families
from training.factory.common import GeneratedDoc, draw_logo, family_id
from training.factory.layout import width, wrap
from training.factory.po import POLine

# ---------------------------------------------------------------- families


@dataclass(frozen=True)
class Blind13Family:
    """A set-13 family. ``lang`` is its locale (Babel's where Babel knows it). ``header``: under | cover | footer |
    strip (orders); tabular | margin | form (contracts). ``table`` (orders): std | transposed | twoup | strip;
    (contracts) the schedule: table | matrix | cards. ``numbers``: a style of ``values.NUMBER_STYLES`` or 'sp'
    (1 234.50). ``extras``: words (the total in words), term (a contract's expiry is a duration)."""

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
    lines: tuple[int, int] = (2, 24)
    extras: frozenset[str] = frozenset()

    @property
    def family(self) -> str:
        return family_id(f"{self.kind}-blind13", {"name": self.name})

    @property
    def items(self) -> str:
        return self.table

    @property
    def dates(self) -> str:  # a contract's dates
        return "long"

    @property
    def places(self) -> int:
        return int(get_currency_precision(self.currency))


def _x(*names: str) -> frozenset[str]:
    return frozenset(names)


F = Blind13Family
FAMILIES: list[Blind13Family] = [
    F("farmoishi-kharid-tj", "po", "tg_TJ", "TJ", "TJS", "under", "transposed", "fr", "dejavu-sans", "tidemark"),
    F("satyn-alys-sargydy-tm", "po", "tk_TM", "TM", "TMT", "footer", "std", "fr", "dejavu-serif", "ghost"),
    F("satyp-aluu-buyrutmasy-kg", "po", "ky_KG", "KG", "KGS", "cover", "twoup", "fr", "dejavu-sans-condensed",
      "carbon", lines=(4, 40)),
    F("narudzbenica-rimski-ba", "po", "bs_BA", "BA", "BAM", "under", "std", "de", "dejavu-sans-condensed",
      "crumple"),
    F("porosi-blerje-xk", "po", "sq_XK", "XK", "EUR", "strip", "strip", "de", "dejavu-sans", "ghost",
      lines=(2, 14)),
    F("orden-compra-lempiras-hn", "po", "es_HN", "HN", "HNL", "footer", "transposed", "en", "c059", "highlight"),
    F("orden-compra-cordobas-ni", "po", "es_NI", "NI", "NIO", "cover", "std", "en", "nimbus-roman", "tidemark",
      extras=_x("words")),
    F("itegeko-ryo-kugura-rw", "po", "rw_RW", "RW", "RWF", "under", "twoup", "en", "dejavu-sans", "dust",
      lines=(4, 44)),
    F("baiko-fividianana-mg", "po", "mg_MG", "MG", "MGA", "footer", "twoup", "fr", "p052", "spine", lines=(4, 36)),
    F("local-purchase-order-kwd-kw", "po", "en_KW", "KW", "KWD", "strip", "strip", "en", "nimbus-sans", "washout",
      lines=(2, 12)),
    F("purchase-order-transposed-bh", "po", "en_BH", "BH", "BHD", "under", "transposed", "en", "dejavu-serif",
      "chroma"),
    F("purchase-order-cover-mu", "po", "en_MU", "MU", "MUR", "cover", "transposed", "sp", "urw-gothic", "fax"),
    F("purchase-order-halves-fj", "po", "en_FJ", "FJ", "FJD", "footer", "twoup", "en", "nimbus-sans-narrow",
      "tidemark", lines=(4, 40)),
    F("purchase-order-strip-pg", "po", "en_PG", "PG", "PGK", "strip", "strip", "en", "dejavu-sans-condensed",
      "crumple", lines=(2, 16), extras=_x("words")),
    F("purchase-order-footer-kh", "po", "en_KH", "KH", "KHR", "footer", "std", "sp", "dejavu-sans", "binarise"),
    F("purchase-order-under-mv", "po", "en_MV", "MV", "MVR", "under", "std", "en", "p052", "ghost",
      extras=_x("words")),
    F("contrat-tableau-clauses-lb", "contract", "fr_LB", "LB", "USD", "tabular", "matrix", "en", "dejavu-serif",
      "tidemark", extras=_x("term")),
    F("services-agreement-margin-tt", "contract", "en_TT", "TT", "TTD", "margin", "cards", "en", "c059", "ghost"),
    F("services-contract-form-zm", "contract", "en_ZM", "ZM", "ZMW", "form", "table", "en", "nimbus-sans",
      "washout", extras=_x("term")),
    F("maintenance-agreement-table-qa", "contract", "en_QA", "QA", "QAR", "tabular", "cards", "en", "dejavu-sans",
      "dust"),
    F("diensooreenkoms-kantlyn-na", "contract", "af_NA", "NA", "NAD", "margin", "matrix", "fr", "dejavu-sans",
      "crumple", extras=_x("term")),
    F("contrat-formulaire-ht", "contract", "fr_HT", "HT", "HTG", "form", "cards", "fr", "p052", "tidemark"),
    F("consultancy-agreement-matrix-ws", "contract", "en_WS", "WS", "WST", "margin", "matrix", "en",
      "dejavu-serif", "spine"),
    F("service-agreement-form-bw", "contract", "en_BW", "BW", "BWP", "form", "matrix", "en", "nimbus-roman",
      "ghost", extras=_x("term")),
]  # fmt: skip
BY_NAME = {f.name: f for f in FAMILIES}
# The split: within each kind, the family names sorted, shuffled with random.Random(SPLIT_SEED), the first half
# (rounded up) to dev. Fixed once, before any document of the set was generated.
SPLIT_SEED = 1313
BLIND13_SPLITS: dict[str, list[str]] = split_by_kind(FAMILIES, SPLIT_SEED)  # type: ignore[arg-type]


def blind13_families(split: str = "all") -> list[Blind13Family]:
    return split_families(BLIND13_SPLITS, BY_NAME, split)


# ---------------------------------------------------------------- numbers and dates

ROMAN_MONTHS = ("I", "II", "III", "IV", "V", "VI", "VII", "VIII", "IX", "X", "XI", "XII")


def format_day13(day: date, style: str, lang: str) -> str:
    """A date as the document prints it: 'roman' 05.III.2026, 'roman_dash' 05-III-2026 (the month in Roman
    numerals); the other styles are set 12's (``blind12.format_day12``: 'long' is Babel's long format)."""
    if style == "roman":
        return f"{day.day:02d}.{ROMAN_MONTHS[day.month - 1]}.{day.year}"
    if style == "roman_dash":
        return f"{day.day:02d}-{ROMAN_MONTHS[day.month - 1]}-{day.year}"
    return format_day12(day, style, lang)


def format_num13(value: Decimal, style: str, places: int) -> str:
    """``value`` with ``places`` decimals in a style of ``values.NUMBER_STYLES``, 'in' (set 12's), or 'sp': a space
    between thousands and a point before the decimals (1 234 567.50)."""
    if style == "sp":
        return format_num12(value, "fr", places).replace(",", ".")
    return format_num12(value, style, places)


def format_qty13(value: Decimal, style: str) -> str:
    exponent = value.normalize().as_tuple().exponent
    places = -exponent if isinstance(exponent, int) and exponent < 0 else 0
    return format_num13(value, style, places)


# ---------------------------------------------------------------- tax ids

_D = string.digits


def _rand(rng: random.Random, alphabet: str, n: int) -> str:
    return "".join(rng.choice(alphabet) for _ in range(n))


def _shape(pattern: str) -> Callable[[str], bool]:
    return lambda v: re.fullmatch(pattern, v) is not None


# country -> (caption, a draw of the printed id, the check of its printed shape)
TAX_SCHEMES13: dict[str, tuple[str, Callable[[random.Random], str], Callable[[str], bool]]] = {
    "TJ": ("РМА", lambda r: r.choice("0257") + _rand(r, _D, 8), _shape(r"\d{9}")),
    "TM": ("Salgyt belgisi", lambda r: "1" + _rand(r, _D, 11), _shape(r"1\d{11}")),
    "KG": ("ИНН", lambda r: r.choice("0") + _rand(r, _D, 13), _shape(r"0\d{13}")),
    "BA": ("JIB", lambda r: "42" + _rand(r, _D, 11), _shape(r"42\d{11}")),
    "XK": ("NUI", lambda r: "81" + _rand(r, _D, 7), _shape(r"81\d{7}")),
    "HN": ("RTN", lambda r: "0801" + r.choice(["1995", "2003", "2010", "2016"]) + _rand(r, _D, 6),
           _shape(r"0801(19|20)\d{8}")),
    "NI": ("RUC", lambda r: "J031" + _rand(r, _D, 10), _shape(r"J031\d{10}")),
    "RW": ("TIN", lambda r: "1" + _rand(r, _D, 8), _shape(r"1\d{8}")),
    "MG": ("NIF", lambda r: r.choice("2345") + _rand(r, _D, 9), _shape(r"[2-5]\d{9}")),
    "KW": ("C.R. No.", lambda r: str(r.randrange(100000, 499999)), _shape(r"[1-4]\d{5}")),
    "BH": ("VAT Account No.", lambda r: "2000" + _rand(r, _D, 6) + "00002", _shape(r"2000\d{6}00002")),
    "MU": ("BRN", lambda r: r.choice("CI") + _rand(r, _D, 8), _shape(r"[CI]\d{8}")),
    "FJ": ("TIN", lambda r: "50-" + _rand(r, _D, 5) + "-0-" + r.choice("123456789"), _shape(r"50-\d{5}-0-\d")),
    "PG": ("TIN", lambda r: "50" + _rand(r, _D, 7), _shape(r"50\d{7}")),
    "KH": ("VATTIN", lambda r: r.choice("KL") + "00" + r.choice("12") + "-" + _rand(r, _D, 9),
           _shape(r"[KL]00[12]-\d{9}")),
    "MV": ("GST TIN", lambda r: "10" + _rand(r, _D, 5) + "GST501", _shape(r"10\d{5}GST501")),
    "LB": ("N° financier", lambda r: str(r.randrange(100000, 3999999)) + "-601", _shape(r"\d{6,7}-601")),
    "TT": ("BIR No.", lambda r: "4" + _rand(r, _D, 8) + "-" + r.choice(_D), _shape(r"4\d{8}-\d")),
    "ZM": ("TPIN", lambda r: "100" + _rand(r, _D, 7), _shape(r"100\d{7}")),
    "QA": ("TIN", lambda r: "5" + _rand(r, _D, 9), _shape(r"5\d{9}")),
    "NA": ("BTW-nr.", lambda r: _rand(r, "123456789", 1) + _rand(r, _D, 6) + "-015", _shape(r"[1-9]\d{6}-015")),
    "HT": ("NIF", lambda r: "00" + r.choice("0123") + "-" + _rand(r, _D, 3) + "-" + _rand(r, _D, 3) + "-" +
           r.choice(_D), _shape(r"00[0-3]-\d{3}-\d{3}-\d")),
    "WS": ("TIN", lambda r: "0" + _rand(r, _D, 6), _shape(r"0\d{6}")),
    "BW": ("TIN", lambda r: r.choice("CP") + "0" + _rand(r, _D, 10), _shape(r"[CP]0\d{10}")),
}  # fmt: skip


def tax_id_valid13(country: str, value: str) -> bool:
    """``value`` (without spaces) has the scheme's printed shape."""
    return TAX_SCHEMES13[country][2](value.replace(" ", ""))


def tax_id13(rng: random.Random, country: str) -> str:
    caption, draw, check = TAX_SCHEMES13[country]
    candidate = draw(rng)
    assert check(candidate), (country, caption, candidate)
    return candidate


TAX_RATES13 = {"TJ": "14", "TM": "15", "KG": "12", "BA": "17", "XK": "18", "HN": "15", "NI": "15", "RW": "18",
               "MG": "20", "KW": "0", "BH": "10", "MU": "15", "FJ": "15", "PG": "10", "KH": "10",
               "MV": "8"}  # fmt: skip
DATE_STYLES13 = {"TJ": ("roman", "long"), "TM": ("dmy_dot", "long"), "KG": ("dmy_dot", "long"),
                 "BA": ("roman", "roman_dash"), "XK": ("roman", "dmy_dot"), "HN": ("dmy_slash", "long"),
                 "NI": ("dmy_slash", "long"), "RW": ("dmy_slash", "long"), "MG": ("dmy_slash", "long"),
                 "KW": ("dmy_slash", "dmony"), "BH": ("dmy_slash", "dmony"), "MU": ("dmy_slash", "long"),
                 "FJ": ("dmy_slash", "long"), "PG": ("dmy_slash", "dmony"), "KH": ("dmy_slash", "long"),
                 "MV": ("dmy_slash", "long")}  # fmt: skip
# a currency's prices against the euro's (so that an item costs about as much everywhere)
_PRICE_SCALE13 = {"TJS": "11.8", "TMT": "3.8", "KGS": "95", "BAM": "1.96", "EUR": "1", "HNL": "27", "NIO": "40",
                  "RWF": "1450", "MGA": "4900", "KWD": "0.33", "BHD": "0.41", "MUR": "50", "FJD": "2.45",
                  "PGK": "4.2", "KHR": "4450", "MVR": "16.8", "USD": "1.1", "TTD": "7.4", "ZMW": "29",
                  "QAR": "4", "NAD": "20", "HTG": "145", "WST": "3", "BWP": "14.8"}  # fmt: skip

# ---------------------------------------------------------------- parties

# country -> (stems, trades, legal forms, how a name is written)
PARTIES13: dict[str, tuple[list[str], list[str], list[str], str]] = {
    "TJ": (["Помир", "Ҳисор", "Суғд", "Варзоб"], ["Савдо", "Сохтмон", "Таъминот"], ["ҶДММ", "ҶСК"],
           "{form} «{stem} {trade}»"),
    "TM": (["Köpetdag", "Amyderýa", "Garagum", "Balkan"], ["Söwda", "Gurluşyk", "Üpjünçilik"], ["HJ", "AGJ"],
           "«{stem} {trade}» {form}"),
    "KG": (["Ала-Тоо", "Ысык-Көл", "Нарын", "Талас"], ["Соода", "Курулуш", "Жабдуу"], ["ЖЧК", "ААК"],
           "{form} «{stem} {trade}»"),
    "BA": (["Bosna", "Neretva", "Vrbas", "Una"], ["Trade", "Gradnja", "Prom"], ["d.o.o.", "d.d."],
           "{stem} {trade} {form}"),
    "XK": (["Dardania", "Sharri", "Drini", "Rugova"], ["Trade", "Ndërtimi", "Furnizim"], ["SH.P.K.", "SH.A."],
           "{stem} {trade} {form}"),
    "HN": (["Copán", "Ulúa", "Lempira", "Olancho"], ["Distribuidora", "Ferretería", "Comercial"],
           ["S. de R.L.", "S.A. de C.V."], "{trade} {stem}, {form}"),
    "NI": (["Momotombo", "Xolotlán", "Masaya", "Cocibolca"], ["Distribuidora", "Suministros", "Ferretería"],
           ["S.A.", "Cía. Ltda."], "{trade} {stem}, {form}"),
    "RW": (["Kivu", "Nyungwe", "Akagera", "Virunga"], ["Trading", "Supplies", "Construction"], ["Ltd", "Co. Ltd"],
           "{stem} {trade} {form}"),
    "MG": (["Tsingy", "Ankaratra", "Betsiboka", "Andasibe"], ["Varotra", "Fanamboarana", "Famatsiana"],
           ["SARL", "SA"], "{stem} {trade} {form}"),
    "KW": (["Failaka", "Al Ahmadi", "Sharq", "Salmiya"], ["General Trading & Contracting", "Oilfield Supplies",
           "Technical Services"], ["Co. W.L.L.", "K.S.C.C."], "{stem} {trade} {form}"),
    "BH": (["Muharraq", "Manama Bay", "Sitra", "Al Areen"], ["Trading", "Marine Services", "Engineering"],
           ["W.L.L.", "B.S.C. (c)"], "{stem} {trade} {form}"),
    "MU": (["Le Morne", "Chamarel", "Pamplemousses", "Grand Baie"], ["Distributors", "Hardware", "Textiles"],
           ["Ltd", "Ltée"], "{stem} {trade} {form}"),
    "FJ": (["Nadi", "Lautoka", "Suva Harbour", "Taveuni"], ["Hardware", "Marine Supplies", "Trading"],
           ["Pte Limited", "Limited"], "{stem} {trade} {form}"),
    "PG": (["Hagen", "Sepik", "Madang", "Kokopo"], ["Hardware", "Mining Supplies", "Logistics"], ["Limited", "Ltd"],
           "{stem} {trade} {form}"),
    "KH": (["Angkor", "Mekong", "Tonle Sap", "Kampot"], ["Trading", "Garment", "Construction"], ["Co., Ltd.", "Plc."],
           "{stem} {trade} {form}"),
    "MV": (["Male'", "Addu", "Hulhumale'", "Baa Atoll"], ["Marine Supplies", "Resort Services", "Trading"],
           ["Pvt Ltd", "Private Limited"], "{stem} {trade} {form}"),
    "LB": (["Cèdres", "Byblos", "Qadisha", "Litani"], ["Services", "Ingénierie", "Maintenance"], ["SAL", "SARL"],
           "{trade} {stem} {form}"),
    "TT": (["Maracas", "Caroni", "Pitch Lake", "Chaguaramas"], ["Technical Services", "Facilities", "Systems"],
           ["Limited", "Ltd."], "{stem} {trade} {form}"),
    "ZM": (["Kafue", "Luangwa", "Copperbelt", "Kariba"], ["Mining Services", "Engineering", "Logistics"],
           ["Limited", "Ltd"], "{stem} {trade} {form}"),
    "QA": (["Al Wakra", "Lusail", "Dukhan", "Al Khor"], ["Facilities Management", "Engineering", "Contracting"],
           ["W.L.L.", "Q.P.S.C."], "{stem} {trade} {form}"),
    "NA": (["Etosha", "Kalahari", "Swakop", "Okavango"], ["Dienste", "Ingenieurswerke", "Tegnies"],
           ["(Edms) Bpk", "(Pty) Ltd"], "{stem} {trade} {form}"),
    "HT": (["Artibonite", "Citadelle", "Jacmel", "Kenscoff"], ["Services", "Génie Civil", "Maintenance"],
           ["S.A.", "SEM"], "{trade} {stem} {form}"),
    "WS": (["Apia", "Savai'i", "Upolu", "Lalomanu"], ["Consulting", "Technical Services", "Advisory"],
           ["Limited", "Ltd"], "{stem} {trade} {form}"),
    "BW": (["Okavango", "Gaborone", "Chobe", "Makgadikgadi"], ["Technical Services", "Engineering", "Facilities"],
           ["(Pty) Ltd", "Limited"], "{stem} {trade} {form}"),
}  # fmt: skip
PLACES13: dict[str, list[tuple[str, str, str]]] = {
    "TJ": [("Душанбе", "734025", "хиёбони Рӯдакӣ"), ("Хуҷанд", "735700", "кӯчаи Ленин")],
    "TM": [("Aşgabat", "744000", "Bitarap Türkmenistan şaýoly"), ("Türkmenabat", "746100", "Magtymguly köçesi")],
    "KG": [("Бишкек", "720040", "Чүй проспекти"), ("Ош", "723500", "Курманжан Датка көчөсү")],
    "BA": [("Sarajevo", "71000", "Zmaja od Bosne"), ("Mostar", "88000", "Bulevar narodne revolucije")],
    "XK": [("Prishtinë", "10000", "Rr. Nënë Tereza"), ("Prizren", "20000", "Rr. Remzi Ademaj")],
    "HN": [("Tegucigalpa, M.D.C.", "11101", "Bulevar Morazán"), ("San Pedro Sula", "21102", "Avenida Circunvalación")],
    "NI": [("Managua", "14002", "Carretera a Masaya km"), ("León", "21000", "Calle Real")],
    "RW": [("Kigali", "P.O. Box 3164", "KN 4 Ave"), ("Huye", "P.O. Box 117", "NR 1 Rd")],
    "MG": [("Antananarivo", "101", "Lalana Rainandriamampandry"), ("Toamasina", "501", "Boulevard Joffre")],
    "KW": [("Kuwait City", "P.O. Box 2211 Safat 13023", "Fahad Al-Salem Street"),
           ("Shuwaikh", "P.O. Box 4410 Safat 13045", "Canada Dry Street")],
    "BH": [("Manama", "P.O. Box 11870", "Road 2803, Block 428"), ("Sitra", "P.O. Box 5610", "Road 115, Block 601")],
    "MU": [("Port Louis", "11328", "Royal Road"), ("Curepipe", "74213", "Avenue Sir Winston Churchill")],
    "FJ": [("Suva", "P.O. Box 1428", "Victoria Parade"), ("Lautoka", "P.O. Box 612", "Vitogo Parade")],
    "PG": [("Port Moresby", "P.O. Box 1811", "Waigani Drive"), ("Lae", "P.O. Box 344", "Huon Road")],
    "KH": [("Phnom Penh", "12301", "Preah Norodom Blvd"), ("Siem Reap", "17252", "Sivatha Blvd")],
    "MV": [("Male'", "20026", "Majeedhee Magu"), ("Hulhumale'", "23000", "Nirolhu Magu")],
    "LB": [("Beyrouth", "BP 11-2040", "Rue Hamra"), ("Jounieh", "BP 1450", "Rue Mina")],
    "TT": [("Port of Spain", "", "Independence Square"), ("San Fernando", "", "Harris Promenade")],
    "ZM": [("Lusaka", "P.O. Box 31214", "Cairo Road"), ("Kitwe", "P.O. Box 20471", "Freedom Avenue")],
    "QA": [("Doha", "P.O. Box 22314", "C-Ring Road"), ("Al Wakra", "P.O. Box 8820", "Al Wakra Main Road")],
    "NA": [("Windhoek", "Posbus 2140", "Independencelaan"), ("Swakopmund", "Posbus 1320", "Sam Nujomarylaan")],
    "HT": [("Port-au-Prince", "HT6110", "Rue Capois"), ("Cap-Haïtien", "HT1110", "Rue 24")],
    "WS": [("Apia", "P.O. Box 1650", "Beach Road"), ("Salelologa", "P.O. Box 210", "Main Road")],
    "BW": [("Gaborone", "Private Bag 00218", "Khama Crescent"), ("Francistown", "P.O. Box 1120", "Blue Jacket St")],
}  # fmt: skip


def make_party13(rng: random.Random, country: str, avoid: str = "") -> BlindParty:
    stems, trades, forms, pattern = PARTIES13[country]
    stem = rng.choice([s for s in stems if s not in avoid])
    name = pattern.format(form=rng.choice(forms), stem=stem, trade=rng.choice(trades))
    city, post, street = rng.choice(PLACES13[country])
    return BlindParty(name, f"{street} {rng.randrange(1, 160)}", f"{post} {city}".strip(), country,
                      TAX_SCHEMES13[country][0], tax_id13(rng, country))  # fmt: skip


# ---------------------------------------------------------------- order words

_EN = {
    "title": "PURCHASE ORDER",
    "number": "Order No.",
    "date": "Order Date",
    "buyer": "Purchaser",
    "vendor": "Supplier",
    "terms": "Terms of Payment",
    "currency": "Currency",
    "code": "Item Code",
    "desc": "Description",
    "qty": "Qty",
    "unit": "Unit",
    "price": "Unit Price",
    "amount": "Amount",
    "subtotal": "Sub Total",
    "tax": "GST",
    "total": "Total",
    "ship": "Deliver To",
    "page": "Page",
    "freight": "Freight",
    "carried": "Carried forward",
    "brought": "Brought forward",
    "section": "Subtotal",
    "vat_rate": "VAT %",
    "vat_amount": "VAT",
    "gross_amount": "Gross",
    "by": "Deliver by",
    "cc": "Cost centre",
    "req": "PR No.",
    "words": "Amount in words:",
    "only": "only",
    "stamp": "APPROVED",
    "tc": "Conditions",
    "sign": "Authorised Signatory",
    "item": "Item",
    "cur_word": "",
    "cover_to": "Attention: Sales Department",
    "cover_subject": "Our purchase order – please confirm",
    "cover_dear": "Dear Sir or Madam,",
    "cover_body": "Please find our purchase order on the following page. Kindly confirm receipt and the delivery "
    "date within three working days, quote our order number on every delivery note and invoice, "
    "and send the invoice to our accounts department. Goods not matching the order will be "
    "returned at your cost.",
    "cover_close": "Yours faithfully,",
    "cover_sig": "Procurement Officer",
    "enclosure": "Enclosure: 1 order",
}
PO_WORDS13: dict[str, dict[str, str]] = {
    "TJ": {**_EN, "title": "ФАРМОИШИ ХАРИД", "number": "Фармоиши №", "date": "Сана", "buyer": "Харидор",
           "vendor": "Таъминкунанда", "terms": "Шартҳои пардохт", "currency": "Асъор", "code": "Рамз",
           "desc": "Номгӯи мол", "qty": "Миқдор", "unit": "Воҳиди ченак", "price": "Нарх", "amount": "Маблағ",
           "subtotal": "Ҳамагӣ бе ААИ", "tax": "ААИ", "total": "Ҳамагӣ барои пардохт", "ship": "Суроғаи расонидан",
           "page": "Саҳифа", "sign": "Имзо", "item": "Мол"},
    "TM": {**_EN, "title": "SATYN ALYŞ SARGYDY", "number": "Sargyt №", "date": "Senesi", "buyer": "Sargyt edýän",
           "vendor": "Üpjün edýän", "terms": "Töleg şertleri", "currency": "Walýuta", "code": "Kody",
           "desc": "Harydyň ady", "qty": "Mukdary", "unit": "Ölçeg birligi", "price": "Bahasy", "amount": "Jemi",
           "subtotal": "GBS-siz jemi", "tax": "GBS", "total": "Tölenmeli jemi", "ship": "Eltip bermeli salgy",
           "page": "Sahypa", "sign": "Goly"},
    "KG": {**_EN, "title": "САТЫП АЛУУ БУЙРУТМАСЫ", "number": "Буйрутма №", "date": "Күнү", "buyer": "Сатып алуучу",
           "vendor": "Жеткирүүчү", "terms": "Төлөө шарттары", "currency": "Валюта", "code": "Коду",
           "desc": "Аталышы", "qty": "Саны", "unit": "Өлч. бир.", "price": "Баасы", "amount": "Суммасы",
           "subtotal": "КНСсыз жыйынтык", "tax": "КНС", "total": "Бардыгы төлөөгө", "ship": "Жеткирүү дареги",
           "page": "Барак",
           "cover_to": "Сатуу бөлүмүнө", "cover_subject": "Биздин сатып алуу буйрутмабыз",
           "cover_dear": "Урматтуу мырзалар,",
           "cover_body": "Кийинки баракта биздин буйрутмабызды таба аласыз. Аны алганыңызды жана жеткирүү "
                         "мөөнөтүн үч жумуш күнүнүн ичинде ырастап бериңиз. Ар бир жүк кагазында жана эсеп-фактурада "
                         "буйрутманын номерин көрсөтүңүз.",
           "cover_close": "Урматтоо менен,", "cover_sig": "Сатып алуу бөлүмү", "enclosure": "Тиркеме: 1 буйрутма"},
    "BA": {**_EN, "title": "NARUDŽBENICA", "number": "Broj narudžbe", "date": "Datum", "buyer": "Naručilac",
           "vendor": "Dobavljač", "terms": "Uslovi plaćanja", "currency": "Valuta", "code": "Šifra",
           "desc": "Naziv artikla", "qty": "Količina", "unit": "JM", "price": "Cijena", "amount": "Iznos",
           "subtotal": "Ukupno bez PDV-a", "tax": "PDV", "total": "Ukupno za platiti", "ship": "Mjesto isporuke",
           "page": "Strana"},
    "XK": {**_EN, "title": "POROSI BLERJE", "number": "Nr. i porosisë", "date": "Data", "buyer": "Blerësi",
           "vendor": "Furnitori", "terms": "Kushtet e pagesës", "currency": "Valuta", "code": "Kodi",
           "desc": "Përshkrimi", "qty": "Sasia", "unit": "Njësia", "price": "Çmimi", "amount": "Vlera",
           "subtotal": "Totali pa TVSH", "tax": "TVSH", "total": "Totali për pagesë", "ship": "Vendi i dorëzimit",
           "page": "Faqja"},
    "HN": {**_EN, "title": "ORDEN DE COMPRA", "number": "No. de orden", "date": "Fecha de emisión",
           "buyer": "Comprador", "vendor": "Proveedor", "terms": "Condiciones de pago", "currency": "Moneda",
           "code": "Código", "desc": "Descripción", "qty": "Cantidad", "unit": "Unidad", "price": "Precio unitario",
           "amount": "Valor", "subtotal": "Subtotal gravado", "tax": "ISV", "total": "Total a pagar",
           "ship": "Entregar en", "page": "Hoja", "item": "Renglón"},
    "NI": {**_EN, "title": "ORDEN DE COMPRA", "number": "O/C No.", "date": "Fecha", "buyer": "Cliente",
           "vendor": "Proveedor", "terms": "Forma de pago", "currency": "Moneda", "code": "Código",
           "desc": "Descripción", "qty": "Cant.", "unit": "U/M", "price": "Precio", "amount": "Total línea",
           "subtotal": "Sub-total", "tax": "IVA", "total": "Total general", "ship": "Lugar de entrega",
           "page": "Página", "words": "Son:", "only": "córdobas netos",
           "cover_to": "Atención: Departamento de ventas", "cover_subject": "Remisión de orden de compra",
           "cover_dear": "Estimados señores:",
           "cover_body": "Adjunto en la página siguiente nuestra orden de compra. Les rogamos confirmar su recibo y "
                         "la fecha de entrega en un plazo de tres días hábiles, indicar el número de la orden en "
                         "cada remisión y factura, y dirigir la factura a nuestro departamento de contabilidad.",
           "cover_close": "Atentamente,", "cover_sig": "Oficial de adquisiciones", "enclosure": "Adjunto: 1 orden"},
    "RW": {**_EN, "title": "ITEGEKO RYO KUGURA", "number": "Nimero y'itegeko", "date": "Itariki",
           "buyer": "Umuguzi", "vendor": "Umucuruzi", "terms": "Uburyo bwo kwishyura", "currency": "Ifaranga",
           "code": "Kode", "desc": "Ibisobanuro", "qty": "Ingano", "unit": "Igipimo", "price": "Igiciro",
           "amount": "Igiteranyo", "subtotal": "Igiteranyo nta TVA", "tax": "TVA", "total": "Igiteranyo cyose",
           "ship": "Aho bizagezwa", "page": "Urupapuro"},
    "MG": {**_EN, "title": "BAIKO FIVIDIANANA", "number": "Laharan'ny baiko", "date": "Daty", "buyer": "Mpividy",
           "vendor": "Mpamatsy", "terms": "Fepetra fandoavam-bola", "currency": "Vola", "code": "Kaody",
           "desc": "Anaran'ny entana", "qty": "Isany", "unit": "Refy", "price": "Vidiny isan-tokony",
           "amount": "Vidiny", "subtotal": "Totaly tsy misy TVA", "tax": "TVA", "total": "Totaly aloa",
           "ship": "Toerana handefasana", "page": "Pejy"},
    "KW": {**_EN, "title": "LOCAL PURCHASE ORDER", "number": "LPO No.", "tax": "Tax", "total": "Net Total (KWD)"},
    "BH": {**_EN, "tax": "VAT", "total": "Total incl. VAT", "item": "Line"},
    "MU": {**_EN, "number": "P.O. Number", "tax": "VAT", "total": "Total (MUR)"},
    "FJ": {**_EN, "tax": "VAT", "total": "Total VIP"},
    "PG": {**_EN, "title": "PURCHASE ORDER", "number": "PO #", "words": "Kina in words:", "only": "only"},
    "KH": {**_EN, "tax": "VAT", "total": "Grand Total (KHR)"},
    "MV": {**_EN, "number": "PO No.", "words": "Rufiyaa in words:", "only": "only", "total": "Total Payable"},
}  # fmt: skip

TERMS13: dict[str, list[tuple[str, int]]] = {
    "TJ": [("Пардохт дар давоми 30 рӯз", 30), ("Пешпардохт 100%", 0)],
    "TM": [("30 günüň dowamynda töleg", 30), ("100% öňünden töleg", 0)],
    "KG": [("30 күндүн ичинде төлөө", 30), ("100% алдын ала төлөө", 0)],
    "BA": [("Virmanski, 30 dana od fakture", 30), ("Avansno", 0), ("60 dana", 60)],
    "XK": [("Pagesa brenda 30 ditëve", 30), ("Pagesa paraprake", 0)],
    "HN": [("Crédito 30 días", 30), ("Contado", 0)],
    "NI": [("Crédito a 30 días", 30), ("Contra entrega", 0)],
    "RW": [("Kwishyura mu minsi 30", 30), ("Kwishyura mbere", 0)],
    "MG": [("Aloa ao anatin'ny 30 andro", 30), ("Aloa mialoha", 0)],
    "KW": [("60 days from invoice", 60), ("Cash on delivery", 0)],
    "BH": [("Net 30 days", 30), ("45 days from delivery", 45)],
    "MU": [("30 days end of month", 30), ("Cash against delivery", 0)],
    "FJ": [("Net 14 days", 14), ("30 days from statement", 30)],
    "PG": [("Net 30 days", 30), ("7 days from invoice", 7)],
    "KH": [("Within 30 days of invoice", 30), ("50% advance, 50% on delivery", 0)],
    "MV": [("Within 30 days", 30), ("Cash on delivery", 0)],
}  # fmt: skip

# country -> (description, unit, bulk): bulk items can take decimal quantities
PRODUCTS13: dict[str, list[tuple[str, str, bool]]] = {
    "TJ": [("Пахтаи хом", "кг", True), ("Семент М400", "халта", False), ("Коғази A4", "баста", False),
           ("Сими барқӣ 3х2,5", "м", True), ("Ранги обӣ", "кг", True), ("Дастпӯшаки корӣ", "ҷуфт", False)],
    "TM": [("Pagta süýümi", "kg", True), ("Sement M400", "halta", False), ("A4 kagyz", "bukja", False),
           ("Elektrik kabeli", "m", True), ("Boýag", "kg", True), ("Iş ellikleri", "jübüt", False)],
    "KG": [("Жүндөн жасалган кийиз", "даана", False), ("Цемент М400", "кап", False), ("Кагаз A4", "пачка", False),
           ("Электр кабели", "м", True), ("Сыр боёк", "кг", True), ("Жумушчу мээлей", "жуп", False)],
    "BA": [("Papir A4 80g", "ris", False), ("Cement CEM II 42,5", "vreća", False), ("Ljepilo za pločice", "kg", True),
           ("Kabl PP00 3x2,5", "m", True), ("Radne rukavice", "par", False), ("Drvene palete", "kom", False)],
    "XK": [("Letër A4", "pako", False), ("Çimento 42,5", "thes", False), ("Kabllo elektrike", "m", True),
           ("Bojë muri", "kg", True), ("Doreza pune", "palë", False), ("Tulla", "copë", False)],
    "HN": [("Café oro exportable", "qq", True), ("Cemento gris", "bolsa", False),
           ("Lámina de zinc", "unidad", False), ("Varilla de 3/8", "unidad", False),
           ("Pintura de aceite", "galón", False), ("Alambre de amarre", "lb", True)],
    "NI": [("Arroz 80/20", "qq", True), ("Cemento Canal", "bolsa", False), ("Zinc liso", "lámina", False),
           ("Clavos de 2 1/2", "lb", True), ("Pintura anticorrosiva", "galón", False), ("Machete", "unidad", False)],
    "RW": [("Ikawa itunganyije", "kg", True), ("Sima", "umufuka", False), ("Impapuro A4", "ipaki", False),
           ("Amabati", "urupapuro", False), ("Irangi", "litiro", True), ("Uturindantoki", "joro", False)],
    "MG": [("Vanila maina", "kg", True), ("Simenitra", "gony", False), ("Taratasy A4", "fonosana", False),
           ("Tariby herinaratra", "m", True), ("Loko", "litatra", True), ("Fantsika", "kg", True)],
    "KW": [("Gate valve 6 inch", "pcs", False), ("Safety helmet", "pcs", False), ("Diesel", "ltr", True),
           ("Drilling mud additive", "bag", False), ("Welding rod 3.2 mm", "kg", True)],
    "BH": [("Aluminium ingot", "ton", True), ("Marine rope 24 mm", "m", True), ("LED floodlight 200 W", "pcs", False),
           ("Printer paper A4", "box", False), ("Lubricating oil", "drum", False)],
    "MU": [("Sugar cane bags", "pcs", False), ("Cotton fabric", "m", True), ("Printer toner", "pcs", False),
           ("Vanilla extract", "ltr", True), ("Safety boots", "pair", False)],
    "FJ": [("Kava root, dried", "kg", True), ("Copra sacks", "pcs", False), ("Roofing iron 0.4 mm", "sheet", False),
           ("Outboard engine oil", "ltr", True), ("Timber 100x50 H3", "m", True)],
    "PG": [("Coffee bags 60 kg", "pcs", False), ("Diesel", "ltr", True), ("Copper cable", "m", True),
           ("Hard hat", "pcs", False), ("Bush knife", "pcs", False)],
    "KH": [("Garment thread", "cone", False), ("Rice, jasmine", "kg", True), ("Steel rebar 12 mm", "pcs", False),
           ("Cement 50 kg", "bag", False), ("Packing carton", "pcs", False)],
    "MV": [("Fishing hooks", "box", False), ("Desalination filter", "pcs", False), ("Diesel", "ltr", True),
           ("Coral-safe sunscreen", "bottle", False), ("Marine plywood", "sheet", False)],
}  # fmt: skip


def _po_number13(rng: random.Random, country: str, year: int) -> str:
    n = rng.randrange(100, 99999)
    return {"TJ": f"ФХ-{n:05d}", "TM": f"{n % 9999:04d}/{year}", "KG": f"СБ-{year % 100}-{n:05d}",
            "BA": f"{n % 9999:04d}/{year % 100}", "XK": f"PB-{year}-{n % 9999:04d}", "HN": f"OC-{n:06d}",
            "NI": f"{year}-{n % 9999:04d}", "RW": f"PO/{year}/{n:05d}", "MG": f"BF-{n % 9999:04d}-{year % 100}",
            "KW": f"LPO-{n:06d}", "BH": f"PO{year % 100}{n:05d}", "MU": f"PO-{n:06d}", "FJ": f"{n:06d}",
            "PG": f"PG{n:06d}", "KH": f"PO-{year}{n % 9999:04d}",
            "MV": f"PO/{year}/{n % 9999:04d}"}[country]  # fmt: skip


def sample_po13(rng: random.Random, fam: Blind13Family) -> Order12:
    buyer = make_party13(rng, fam.country)
    vendor = make_party13(rng, fam.country, avoid=buyer.name)
    ship = make_party13(rng, fam.country)
    ship.name = buyer.name
    places = fam.places
    rate = Decimal(TAX_RATES13[fam.country])
    mult = Decimal(_PRICE_SCALE13[fam.currency])
    lines: list[POLine] = []
    for _ in range(rng.randrange(*fam.lines)):
        desc, unit, bulk = rng.choice(PRODUCTS13[fam.country])
        price = _round(Decimal(rng.randrange(50_000, 15_000_000)) / 100_000 * mult, places)
        if price == 0:
            price = Decimal(1).scaleb(-places)
        if bulk and rng.random() < 0.5:
            qty = Decimal(rng.randrange(5, 4000)) / Decimal(rng.choice([4, 10, 100]))
            qty = Decimal(format(qty.quantize(Decimal("0.01")).normalize(), "f"))
        else:
            qty = Decimal(rng.choice([1, 2, 3, 4, 5, 6, 8, 10, 12, 15, 20, 24, 40, 60, 100, 250]))
        if qty == qty.to_integral_value():
            qty = qty.quantize(Decimal(1))
        sku = f"{rng.choice(string.ascii_uppercase)}{rng.choice(string.ascii_uppercase)}-{rng.randrange(100, 9999)}"
        lines.append(POLine(sku, desc, qty, unit, price, None, None, _round(qty * price, places)))
    subtotal = sum((ln.amount for ln in lines), Decimal(0))
    tax = _round(subtotal * rate / 100, places)
    total = subtotal + tax
    order_date = date(rng.randrange(2024, 2028), 1, 1) + timedelta(days=rng.randrange(365))
    terms = rng.choice(TERMS13[fam.country])
    po = BlindPO(_po_number13(rng, fam.country, order_date.year), order_date, buyer, vendor, ship, terms, lines,
                 subtotal, Decimal(0), Decimal(0), Decimal(0), rate, {rate: tax}, tax, total)  # fmt: skip
    cols = ["line_no", "sku", "description", "quantity", "unit", "unit_price", "amount"]
    if rng.random() < 0.35:
        cols.remove("line_no")
    if fam.table in {"twoup", "strip"} or rng.random() < 0.3:
        cols.remove("sku")
        for ln in lines:
            ln.sku = None
    look = {"columns": cols, "dates": rng.choice(DATE_STYLES13[fam.country]), "numbers": fam.numbers,
            "totals": "net", "numbered": "line_no" in cols}  # fmt: skip
    return Order12(po, look, [Decimal(0)] * len(lines), [], [1] * len(lines))


class PO13Writer(PO12Writer):
    """Set 12's order writer (its party blocks, ruled table and totals) with this set's headers and tables."""

    def __init__(self, rng: random.Random, fam: Blind13Family, order: Order12) -> None:
        self.order, self.po = order, order.po
        self.words = PO_WORDS13[fam.country]
        self.style = order.look["numbers"]
        Sheet12.__init__(self, rng, fam)  # type: ignore[arg-type]
        if fam.header == "strip":
            self.x0 = self.W / 2 - 150

    @property
    def span(self) -> float:
        return 300.0 if self.fam.header == "strip" else self.W - self.M - self.x0

    def money(self, value: Decimal) -> str:
        return format_num13(value, self.style, self.fam.places)

    def qty(self, value: Decimal) -> str:
        return format_qty13(value, self.style)

    def day(self, value: date) -> str:
        return format_day13(value, self.order.look["dates"], self.fam.lang)

    def cell(self, role: str, i: int, ln: POLine) -> tuple[str, str | None]:
        return {"line_no": (str(i + 1), None), "sku": (ln.sku or "", "sku"), "quantity": (self.qty(ln.quantity),
                "quantity"), "unit": (ln.unit or "", "unit"), "unit_price": (self.money(ln.unit_price), "unit_price"),
                "amount": (self.money(ln.amount), "amount")}[role]  # fmt: skip

    # ------------------------------------------------------------ headers

    def under(self, x: float, y: float, value: str, caption: str, name: str | None, w: float, size: float = 9.0
              ) -> None:  # fmt: skip
        """A value over a hairline with its caption in small grey print under it."""
        if width(value, self.fonts.regular, size) > w - 4:
            size = 7.0
        self.t(x, y, value, size, ent=self.ent(name) if name else None)
        self.page.line(x, y + 4, x + w - 8, y + 4, 0.3, (0.4, 0.4, 0.4))
        self.t(x, y + 12, caption, 6.5, color=(0.4, 0.4, 0.4))

    def party_under(self, x: float, y: float, caption: str, p: BlindParty, role: str, w: float) -> float:
        """A party's name, address and tax id, a hairline under them and the caption under the hairline."""
        self.t(x, y, p.name, 9.5, bold=True, ent=self.ent(f"{role}_name"))
        for line in (p.street, p.city):
            y += 11
            self.t(x, y, line, 8.5)
        y += 11
        lx = x + self.t(x, y, f"{p.tax_label}", 8.5) + 4
        self.t(lx, y, str(p.tax_id), 8.5, ent=self.ent(f"{role}_tax_id"))
        self.page.line(x, y + 5, x + w - 12, y + 5, 0.3, (0.4, 0.4, 0.4))
        self.t(x, y + 14, caption, 6.5, color=(0.4, 0.4, 0.4))
        return y + 24

    def head_under(self) -> None:
        """Captions under their values: the facts in a row of hairlines, the parties over their captions."""
        w, po, M = self.words, self.po, self.M
        draw_logo(self.page, self.rng, self.W - M - 40, 30, 36)
        self.t(M, 50, w["title"], 15, bold=True)
        cell = (self.W - 2 * M) / 4
        for k, (cap, value, name) in enumerate(self.facts()):
            self.under(M + k * cell, 84, value, cap, name, cell)
        half = (self.W - 2 * M) / 2
        y1 = self.party_under(M, 122, w["buyer"], po.buyer, "buyer", half)
        y2 = self.party_under(M + half, 122, w["vendor"], po.vendor, "vendor", half)
        y = max(y1, y2) + 8
        self.under(M, y, f"{po.ship_to.street}, {po.ship_to.city}", w["ship"], None, self.W - 2 * M, 8.5)
        self.y = y + 24

    def head_cover(self) -> None:
        """A cover letter on page 1 (the buyer's letterhead, the supplier addressed, a request to confirm); the
        order on page 2, its parties side by side and its facts stacked on the right."""
        w, po, M = self.words, self.po, self.M
        self.t(M, 52, po.buyer.name, 14, bold=True)
        self.t(M, 65, f"{po.buyer.street}, {po.buyer.city}", 8)
        self.page.line(M, 74, self.W - M, 74, 0.8)
        y = 110.0
        for line in (po.vendor.name, po.vendor.street, po.vendor.city, w["cover_to"]):
            self.t(M, y, line, 9.5)
            y += 12
        y += 18
        self.t(M, y, w["cover_subject"], 10, bold=True)
        self.y = y + 14
        self.t(M, self.y + 10, w["cover_dear"], 9.5)
        self.y += 18
        self.flow(w["cover_body"], {}, M, self.W - 2 * M, size=9.5)
        self.y += 16
        self.t(M, self.y, w["cover_close"], 9.5)
        self.t(M, self.y + 46, w["cover_sig"], 9.5)
        self.t(M, self.y + 80, w["enclosure"], 8, color=(0.35, 0.35, 0.35))
        self.new_page()
        self.t(M, 50, w["title"], 14, bold=True)
        half = (self.W - 2 * M) * 0.33
        y1 = self.party(M, 74, w["buyer"], po.buyer, "buyer")
        y2 = self.party(M + half, 74, w["vendor"], po.vendor, "vendor")
        y = 74.0
        x_cap = M + 2 * half
        for cap, value, name in self.facts():
            self.t(x_cap, y, cap, 7, color=(0.35, 0.35, 0.35))
            size = 8.5 if width(value, self.fonts.regular, 8.5) < half - 6 else 7
            self.t(x_cap, y + 10, value, size, ent=self.ent(name))
            y += 23
        self.y = max(y1, y2, y) + 12

    def head_footer(self) -> None:
        """The parties at the head of the page, the order's facts in a band at the foot of page 1."""
        w, po, M = self.words, self.po, self.M
        half = (self.W - 2 * M) / 2
        y1 = self.party(M, 44, "", po.buyer, "buyer", size=9)
        self.t(self.W - M, 48, w["title"], 15, bold=True, align="right")
        y2 = self.party(M + half, 78, w["vendor"], po.vendor, "vendor")
        y = max(y1, y2) + 10
        self.t(M, y, f"{w['ship']}: {po.ship_to.street}, {po.ship_to.city}", 7.5, color=(0.3, 0.3, 0.3))
        band = self.pages[0]
        top = self.H - 66
        band.rect(M, top, self.W - 2 * M, 32, stroke=(0.3, 0.3, 0.3), fill=(0.95, 0.95, 0.9), line_width=0.6)
        cell = (self.W - 2 * M) / 4
        for k, (cap, value, name) in enumerate(self.facts()):
            x = M + k * cell + 5
            size = 8.5 if width(value, self.fonts.regular, 8.5) < cell - 10 else 6.5
            band.text(x, top + 13, value, self.fonts.regular, size, entity=self.ent(name))
            band.text(x, top + 25, cap, self.fonts.regular, 6.5, color=(0.35, 0.35, 0.35))
        self.y = y + 16

    def head_strip(self) -> None:
        """A till-roll strip down the middle of the page: everything stacked, captions left, values right."""
        w, po = self.words, self.po
        x0, right = self.x0, self.x0 + self.span
        self.page.rect(x0 - 10, 24, self.span + 20, self.H - 48, stroke=(0.7, 0.7, 0.7), line_width=0.4)
        self.t(self.W / 2, 48, w["title"], 12, bold=True, align="center")
        y = 66.0
        for caption, p, role in ((w["buyer"], po.buyer, "buyer"), (w["vendor"], po.vendor, "vendor")):
            self.t(x0, y, caption, 7, bold=True, color=(0.35, 0.35, 0.35))
            self.t(x0, y + 11, p.name, 9, bold=True, ent=self.ent(f"{role}_name"))
            self.t(x0, y + 22, f"{p.street}, {p.city}", 7.5)
            lx = x0 + self.t(x0, y + 33, f"{p.tax_label}", 7.5) + 4
            self.t(lx, y + 33, str(p.tax_id), 7.5, ent=self.ent(f"{role}_tax_id"))
            y += 48
        self.dashes(y)
        y += 14
        for cap, value, name in self.facts():
            self.t(x0, y, cap, 8)
            size = 8.5 if width(value, self.fonts.regular, 8.5) < self.span - 90 else 7
            self.t(right, y, value, size, align="right", ent=self.ent(name))
            y += 12
        self.dashes(y)
        self.y = y + 10

    def dashes(self, y: float) -> None:
        x = self.x0
        while x < self.x0 + self.span:
            self.page.line(x, y, x + 4, y, 0.5, (0.3, 0.3, 0.3))
            x += 7

    # ------------------------------------------------------------ tables

    def table_transposed(self) -> None:
        """The items as columns and the fields as rows, in blocks of up to five items."""
        M, size = self.M, 8.0
        roles = self.order.look["columns"]
        caps = {"line_no": self.words["item"], "sku": self.words["code"], "description": self.words["desc"],
                "quantity": self.words["qty"], "unit": self.words["unit"], "unit_price": self.words["price"],
                "amount": self.words["amount"]}  # fmt: skip
        label_w = 92.0
        per = self.rng.choice([4, 5])
        lines = self.po.lines
        for start in range(0, len(lines), per):
            block = list(range(start, min(start + per, len(lines))))
            col_w = (self.W - 2 * M - label_w) / per
            descs = {i: wrap(lines[i].description, self.fonts.regular, size, col_w - 6) for i in block}
            heights = {r: (10 * max(len(d) for d in descs.values()) + 6 if r == "description" else 15) for r in roles}
            need = sum(heights.values()) + 12
            if self.y + need > self.H - 70:
                self.new_page()
                self.y = 50
            for role in roles:
                h = heights[role]
                self.page.rect(M, self.y, label_w, h, fill=(0.9, 0.9, 0.93), line_width=0.4)
                self.t(M + 4, self.y + 10.5, caps[role], 7.5, bold=True)
                for k, i in enumerate(block):
                    x = M + label_w + k * col_w
                    self.page.rect(x, self.y, col_w, h, line_width=0.4)
                    if role == "description":
                        ent = self.ent("description", i)
                        for j, text in enumerate(descs[i]):
                            self.page.text(x + 3, self.y + 10.5 + 10 * j, text, self.fonts.regular, size, entity=ent,
                                           row=i)  # fmt: skip
                        continue
                    text, name = (str(i + 1), None) if role == "line_no" else self.cell(role, i, lines[i])
                    right = role in {"quantity", "unit_price", "amount"}
                    self.page.text(x + col_w - 4 if right else x + 3, self.y + 10.5, text, self.fonts.regular, size,
                                   entity=self.ent(name, i) if name else None, align="right" if right else "left",
                                   row=i)  # fmt: skip
                self.y += h
            self.y += 12

    def table_twoup(self) -> None:
        """The table in two side-by-side halves: the items run down the left half, then the right, then on."""
        M, size, lead = self.M, 7.5, 9.5
        gap = 16.0
        half = (self.W - 2 * M - gap) / 2
        shares = [("description", 0.44), ("quantity", 0.18), ("unit_price", 0.19), ("amount", 0.19)]
        caps = {"description": self.words["desc"], "quantity": f"{self.words['qty']} / {self.words['unit']}",
                "unit_price": self.words["price"], "amount": self.words["amount"]}  # fmt: skip
        lines = self.po.lines
        descs = [wrap(ln.description, self.fonts.regular, size, half * 0.44 - 6) for ln in lines]
        heights = [lead * len(d) + 4 for d in descs]

        wrapped = {role: wrap(caps[role], self.fonts.bold, 6.5, share * half - 6) for role, share in shares}
        head_h = 6 + 8 * max(len(v) for v in wrapped.values())

        def header(x: float, y: float) -> float:
            self.page.rect(x, y, half, head_h, fill=(0.2, 0.2, 0.2), line_width=0.4)
            cx = x
            for role, share in shares:
                cw = share * half
                right = role != "description"
                for k, text in enumerate(wrapped[role]):
                    self.t(cx + cw - 3 if right else cx + 3, y + 9 + 8 * k, text, 6.5, bold=True, color=(1, 1, 1),
                           align="right" if right else "left")  # fmt: skip
                cx += cw
            return y + head_h + 3

        top = self.y
        i = 0
        while i < len(lines):
            room = self.H - 70 - (top + head_h + 3)
            rest = sum(heights[i:])
            limit = top + head_h + 3 + (min(room, rest / 2 + max(heights)) if rest < 2 * room else room)
            for col in (0, 1):
                x = M + col * (half + gap)
                y = header(x, top)
                while i < len(lines) and y + heights[i] <= limit:
                    self.row_half(i, x, y, half, shares, descs[i], size, lead)
                    y += heights[i]
                    self.page.line(x, y - 1, x + half, y - 1, 0.25, (0.6, 0.6, 0.6))
                    i += 1
                self.y = max(self.y, y)
                if i >= len(lines):
                    break
            if i < len(lines):
                self.new_page()
                top = self.y = 50
        self.y += 10

    def row_half(self, i: int, x: float, y: float, half: float, shares: list[tuple[str, float]], desc: list[str],
                 size: float, lead: float) -> None:  # fmt: skip
        ln = self.po.lines[i]
        cx = x
        for role, share in shares:
            cw = share * half
            if role == "description":
                ent = self.ent("description", i)
                for k, text in enumerate(desc):
                    self.page.text(cx + 3, y + 8 + lead * k, text, self.fonts.regular, size, entity=ent, row=i)
            elif role == "quantity":  # the quantity and its unit in one cell
                unit_w = width(ln.unit or "", self.fonts.regular, size)
                self.page.text(cx + cw - 3, y + 8, ln.unit or "", self.fonts.regular, size,
                               entity=self.ent("unit", i), align="right", row=i)  # fmt: skip
                self.page.text(cx + cw - 6 - unit_w, y + 8, self.qty(ln.quantity), self.fonts.regular, size,
                               entity=self.ent("quantity", i), align="right", row=i)  # fmt: skip
            else:
                text, name = self.cell(role, i, ln)
                self.page.text(cx + cw - 3, y + 8, text, self.fonts.regular, size, entity=self.ent(name or "", i),
                               align="right", row=i)  # fmt: skip
            cx += cw

    def table_strip(self) -> None:
        """Each item two lines in the strip: its description, then 'quantity unit x price' and the amount."""
        x0, right, size = self.x0, self.x0 + self.span, 8.5
        for i, ln in enumerate(self.po.lines):
            desc = wrap(ln.description, self.fonts.regular, size, self.span)
            if self.y + 12 * len(desc) + 16 > self.H - 70:
                self.new_page()
                self.page.rect(x0 - 10, 24, self.span + 20, self.H - 48, stroke=(0.7, 0.7, 0.7), line_width=0.4)
                self.y = 50
            ent = self.ent("description", i)
            for k, text in enumerate(desc):
                self.page.text(x0, self.y + 10 + 11 * k, text, self.fonts.regular, size, entity=ent, row=i)
            y = self.y + 10 + 11 * len(desc)
            x = x0 + 12
            x += self.page.text(x, y, self.qty(ln.quantity), self.fonts.regular, size,
                                entity=self.ent("quantity", i), row=i) + 3  # fmt: skip
            x += self.page.text(x, y, ln.unit or "", self.fonts.regular, size, entity=self.ent("unit", i), row=i) + 3
            x += self.t(x, y, "x", size) + 3
            self.page.text(x, y, self.money(ln.unit_price), self.fonts.regular, size, entity=self.ent("unit_price", i),
                           row=i)  # fmt: skip
            self.page.text(right, y, self.money(ln.amount), self.fonts.regular, size, entity=self.ent("amount", i),
                           align="right", row=i)  # fmt: skip
            self.y = y + 6

    def totals_strip(self) -> None:
        w, po = self.words, self.po
        if self.y > self.H - 120:
            self.new_page()
            self.y = 50
        self.dashes(self.y + 4)
        self.y += 8
        rate = format_qty13(po.tax_rate or Decimal(0), self.style)
        for cap, value, name in ((w["subtotal"], po.subtotal, "subtotal"), (f"{w['tax']} {rate}%", po.tax_total,
                                 "tax_total"), (w["total"], po.total, "total")):  # fmt: skip
            bold = name == "total"
            self.t(self.x0, self.y + 10, cap, 9, bold=bold)
            self.t(self.x0 + self.span, self.y + 10, self.money(value), 9, bold=bold, ent=self.ent(name),
                   align="right")  # fmt: skip
            self.y += 14
        self.dashes(self.y + 4)
        self.y += 10
        if "words" in self.fam.extras:
            self.amount_words13(self.x0, self.span)

    def amount_words13(self, x: float, span: float) -> None:
        w, po = self.words, self.po
        whole = int(po.total)
        cents = int(_round((po.total - whole) * 100, 0))
        if self.fam.lang.startswith("es"):
            spelled = spanish_words(whole)
            text = f"{w['words']} {spelled} {w['only']} con {cents:02d}/100."
        else:
            text = f"{w['words']} {english_words(whole).title().replace(' And ', ' and ')}"
            text += f" and {cents:02d}/100 {w['only']}." if self.fam.places else f" {w['only']}."
        self.flow(text, {}, x, span, size=8.5)

    def totals(self) -> None:
        """Sub-total, tax at its rate and total, right-aligned in a box under the table; the total in words under
        it where the family prints it."""
        w, po = self.words, self.po
        if self.y > self.H - 130:
            self.new_page()
            self.y = 60
        rate = format_qty13(po.tax_rate or Decimal(0), self.style)
        rows = [(w["subtotal"], po.subtotal, "subtotal"), (f"{w['tax']} {rate}%", po.tax_total, "tax_total"),
                (w["total"], po.total, "total")]  # fmt: skip
        need = max(width(c, self.fonts.bold, 9) + width(self.money(v), self.fonts.bold, 9) for c, v, _n in rows) + 16
        xr, xl = self.W - self.M, self.W - self.M - max(220, need)
        top = self.y
        for cap, value, name in rows:
            bold = name == "total"
            self.t(xl, self.y + 10, cap, 9, bold=bold)
            self.t(xr, self.y + 10, self.money(value), 9, bold=bold, ent=self.ent(name), align="right")
            self.y += 15
        self.page.rect(xl - 6, top, xr - xl + 10, self.y - top + 4, line_width=0.6)
        self.y += 8
        if "words" in self.fam.extras:
            self.amount_words()

    def amount_words(self) -> None:
        self.amount_words13(self.M, self.W - 2 * self.M)

    def write(self) -> None:
        fam = self.fam
        getattr(self, f"head_{fam.header}")()
        if fam.table == "std":
            self.table()
        else:
            getattr(self, f"table_{fam.table}")()
        if fam.table == "strip":
            self.totals_strip()
        else:
            self.totals()
        self.page_numbers(self.words["page"])


_ES_UNITS = ["cero", "uno", "dos", "tres", "cuatro", "cinco", "seis", "siete", "ocho", "nueve", "diez", "once",
             "doce", "trece", "catorce", "quince", "dieciséis", "diecisiete", "dieciocho", "diecinueve", "veinte",
             "veintiuno", "veintidós", "veintitrés", "veinticuatro", "veinticinco", "veintiséis", "veintisiete",
             "veintiocho", "veintinueve"]  # fmt: skip
_ES_TENS = {3: "treinta", 4: "cuarenta", 5: "cincuenta", 6: "sesenta", 7: "setenta", 8: "ochenta", 9: "noventa"}
_ES_HUNDREDS = {1: "ciento", 2: "doscientos", 3: "trescientos", 4: "cuatrocientos", 5: "quinientos",
                6: "seiscientos", 7: "setecientos", 8: "ochocientos", 9: "novecientos"}  # fmt: skip


def spanish_words(n: int) -> str:
    """A whole number in Spanish words, as a cheque or an order's 'Son:' line writes it ('un mil' is 'mil')."""
    if n < 30:
        return _ES_UNITS[n]
    if n < 100:
        tens, unit = divmod(n, 10)
        return _ES_TENS[tens] + (f" y {_ES_UNITS[unit]}" if unit else "")
    if n < 1000:
        hundreds, rest = divmod(n, 100)
        if n == 100:
            return "cien"
        return _ES_HUNDREDS[hundreds] + (f" {spanish_words(rest)}" if rest else "")
    if n < 1_000_000:
        thousands, rest = divmod(n, 1000)
        head = "mil" if thousands == 1 else f"{_apocope(spanish_words(thousands))} mil"
        return head + (f" {spanish_words(rest)}" if rest else "")
    millions, rest = divmod(n, 1_000_000)
    head = "un millón" if millions == 1 else f"{_apocope(spanish_words(millions))} millones"
    return head + (f" {spanish_words(rest)}" if rest else "")


def _apocope(words: str) -> str:
    """'uno' before 'mil' or 'millones' is 'un' ('veintiún', 'treinta y un')."""
    if words.endswith("veintiuno"):
        return words[:-9] + "veintiún"
    return words[:-1] if words.endswith("uno") else words


def make_blind13_po(seed: int, fam: Blind13Family, doc_id: str | None = None) -> GeneratedDoc:
    return make_set_po(seed, fam, doc_id, set_no=13, sample=sample_po13, writer_of=PO13Writer)


# ---------------------------------------------------------------- contracts

_EN_CONTRACT = {
    "intro": "THIS AGREEMENT is made on {eff} between {buyer}, {btaxcap} {btax} (the Client), and {vendor}, "
    "{vtaxcap} {vtax} (the Contractor).",
    "until": "This agreement remains in force until {exp}.",
    "term": "This agreement is made for {n} {unit} from the date of signature.",
    "units": ("months", {1: "year", 2: "years", 3: "years"}),
    "pay": "All fees are in {cur}, exclusive of tax, and are payable {terms}.",
    "heads": ["Parties", "Term", "Fees and payment", "Rates", "Confidentiality", "Termination"],
    "more": [
        "Each party keeps the other's information confidential during this agreement and for two years after it "
        "ends, save where the law requires its disclosure.",
        "Either party may end this agreement on sixty days' written notice; fees for work done up to the end "
        "remain payable.",
    ],
    "form": {
        "number": "Agreement number",
        "eff": "Date of agreement",
        "buyer": "Client",
        "btax": "Client's tax id",
        "vendor": "Contractor",
        "vtax": "Contractor's tax id",
        "cur": "Currency of the fees",
        "terms": "Payment terms",
        "exp": "Expiry date",
        "term": "Term",
    },
    "rate_cap": "Rate",
    "unit_cap": "Unit",
    "per": "per",
    "cols": ("Service", "Unit", "Rate", "After-hours rate"),
}
CONTRACT13: dict[str, dict[str, Any]] = {
    "LB": {"title": "CONTRAT DE PRESTATION DE SERVICES", "number": "Contrat n°",
           "intro": "Entre {buyer}, {btaxcap} {btax}, ci-après « le Client », et {vendor}, {vtaxcap} {vtax}, "
                    "ci-après « le Prestataire », il est convenu ce qui suit, avec effet au {eff}.",
           "until": "Le présent contrat prend fin le {exp}.",
           "term": "Le présent contrat est conclu pour une durée de {n} {unit} à compter de sa signature.",
           "units": ("mois", {1: "an", 2: "ans", 3: "ans"}),
           "pay": "Les prix sont exprimés en {cur}, hors TVA, et sont payables {terms}.",
           "terms": [("à 30 jours date de facture", 30), ("à réception de la facture", 0)],
           "heads": ["Parties", "Durée", "Prix et paiement", "Tarifs", "Confidentialité", "Résiliation"],
           "more": ["Chaque partie garde confidentielles les informations de l'autre pendant la durée du contrat et "
                    "deux ans après son terme.",
                    "Chaque partie peut résilier le contrat moyennant un préavis de soixante jours notifié par écrit."],
           "rates": "Grille tarifaire", "cols": ("Prestation", "Unité", "Tarif", "Hors heures"),
           "services": [("Maintenance des groupes électrogènes", "visite"), ("Assistance informatique", "heure"),
                        ("Nettoyage des locaux", "mois"), ("Intervention d'urgence", "intervention")]},
    "TT": {**_EN_CONTRACT, "title": "SERVICES AGREEMENT", "number": "Agreement No.",
           "terms": [("within thirty (30) days of invoice", 30), ("monthly in arrears", 30)],
           "rates": "Schedule of Rates",
           "services": [("Air-conditioning maintenance", "visit"), ("Security patrol", "shift"),
                        ("Janitorial services", "month"), ("Pest control", "treatment")]},
    "ZM": {**_EN_CONTRACT, "title": "CONTRACT FOR SERVICES", "number": "Contract No.",
           "terms": [("within 30 days of receipt of invoice", 30), ("within 14 days of invoice", 14)],
           "rates": "Schedule of Rates",
           "services": [("Plant hire – excavator", "day"), ("Haulage of ore", "tonne"), ("Mechanic", "hour"),
                        ("Site survey", "survey")]},
    "QA": {**_EN_CONTRACT, "title": "MAINTENANCE AGREEMENT", "number": "Ref.",
           "terms": [("within 60 days of invoice", 60), ("quarterly in advance", 0)],
           "rates": "Rates",
           "services": [("HVAC preventive maintenance", "visit"), ("Chiller servicing", "unit"),
                        ("Technician", "hour"), ("Emergency call-out", "call")]},
    "NA": {"title": "DIENSOOREENKOMS", "number": "Ooreenkoms nr.",
           "intro": "Hierdie ooreenkoms word op {eff} gesluit tussen {buyer}, {btaxcap} {btax} (die Kliënt), en "
                    "{vendor}, {vtaxcap} {vtax} (die Diensverskaffer).",
           "until": "Hierdie ooreenkoms bly van krag tot {exp}.",
           "term": "Hierdie ooreenkoms geld vir {n} {unit} vanaf die datum van ondertekening.",
           "units": ("maande", {1: "jaar", 2: "jaar", 3: "jaar"}),
           "pay": "Alle fooie is in {cur}, BTW uitgesluit, en is betaalbaar {terms}.",
           "terms": [("binne 30 dae na faktuur", 30), ("maandeliks agteruit", 30)],
           "heads": ["Partye", "Duur", "Fooie en betaling", "Tariewe", "Vertroulikheid", "Beëindiging"],
           "more": ["Elke party hou die ander se inligting vertroulik gedurende hierdie ooreenkoms en vir twee jaar "
                    "daarna.",
                    "Enige party kan hierdie ooreenkoms met sestig dae skriftelike kennisgewing beëindig."],
           "rates": "Tariefskedule", "cols": ("Diens", "Eenheid", "Tarief", "Tarief na ure"),
           "services": [("Instandhouding van pompe", "besoek"), ("Tegnikus", "uur"), ("Skoonmaakdienste", "maand"),
                        ("Noodoproep", "oproep")]},
    "HT": {"title": "CONTRAT DE SERVICES", "number": "Contrat n°",
           "intro": "Entre {buyer}, {btaxcap} {btax}, ci-après « le Client », et {vendor}, {vtaxcap} {vtax}, "
                    "ci-après « le Prestataire », avec effet au {eff}.",
           "until": "Le contrat expire le {exp}.",
           "term": "Le contrat est conclu pour {n} {unit} à compter de sa signature.",
           "units": ("mois", {1: "an", 2: "ans", 3: "ans"}),
           "pay": "Les tarifs sont en {cur}, taxes non comprises, payables {terms}.",
           "terms": [("à 30 jours de la facture", 30), ("mensuellement à terme échu", 30)],
           "heads": ["Parties", "Durée", "Paiement", "Tarifs", "Confidentialité", "Résiliation"],
           "more": ["Les parties gardent confidentielles les informations échangées.",
                    "Chaque partie peut résilier le contrat par écrit avec un préavis de soixante jours."],
           "form": {"number": "Numéro du contrat", "eff": "Date d'effet", "buyer": "Client", "btax": "NIF du client",
                    "vendor": "Prestataire", "vtax": "NIF du prestataire", "cur": "Monnaie",
                    "terms": "Conditions de paiement", "exp": "Date d'expiration", "term": "Durée"},
           "rate_cap": "Tarif", "unit_cap": "Unité", "per": "par",
           "rates": "Tarifs", "cols": ("Prestation", "Unité", "Tarif", "Tarif de nuit"),
           "services": [("Entretien de génératrice", "visite"), ("Gardiennage", "mois"),
                        ("Réparation de plomberie", "heure"), ("Traitement de l'eau", "citerne")]},
    "WS": {**_EN_CONTRACT, "title": "CONSULTANCY AGREEMENT", "number": "Agreement Ref.",
           "terms": [("within 21 days of invoice", 21), ("on completion of each milestone", 0)],
           "rates": "Fee Schedule", "cols": ("Service", "Unit", "Rate", "Weekend rate"),
           "services": [("Senior consultant", "day"), ("Field officer", "day"), ("Report writing", "report"),
                        ("Workshop facilitation", "session")]},
    "BW": {**_EN_CONTRACT, "title": "SERVICE AGREEMENT", "number": "Agreement No.",
           "terms": [("within 30 days of statement", 30), ("monthly in advance", 0)],
           "rates": "Schedule of Rates",
           "services": [("Borehole maintenance", "visit"), ("Generator servicing", "unit"), ("Electrician", "hour"),
                        ("Security guarding", "month")]},
}  # fmt: skip


def _contract_number13(rng: random.Random, country: str, year: int) -> str:
    n = rng.randrange(10, 9999)
    return {"LB": f"CPS-{year}-{n:04d}", "TT": f"SA/{year}/{n:03d}", "ZM": f"CS-{n:04d}/{year % 100}",
            "QA": f"MA-{year}-{n:04d}", "NA": f"DO {n:04d}/{year}", "HT": f"CS-{n:03d}/{year}",
            "WS": f"CA-{year}/{n:03d}", "BW": f"SVC/{year}/{n:04d}"}[country]  # fmt: skip


def sample_contract13(rng: random.Random, fam: Blind13Family) -> Contract2:
    text = CONTRACT13[fam.country]
    buyer = make_party13(rng, fam.country)
    vendor = make_party13(rng, fam.country, avoid=buyer.name)
    effective = date(rng.randrange(2024, 2028), 1, 1) + timedelta(days=rng.randrange(365))
    term: tuple[int, str] | None = None
    if "term" in fam.extras:
        term = rng.choice([(6, "months"), (12, "months"), (18, "months"), (1, "years"), (2, "years"), (3, "years")])
        months = term[0] * (12 if term[1] == "years" else 1)
        expiry = effective + relativedelta(months=months) - timedelta(days=1)
    else:
        expiry = effective + relativedelta(months=rng.choice([6, 12, 24])) - timedelta(days=1)
    services = rng.sample(text["services"], rng.randrange(2, len(text["services"]) + 1))
    mult = Decimal(_PRICE_SCALE13[fam.currency])
    rates = [(s, u, _round(Decimal(rng.randrange(2000, 90000)) / 100 * mult, fam.places)) for s, u in services]
    number = _contract_number13(rng, fam.country, effective.year)
    return Contract2(number, effective, expiry, term, buyer, vendor, rng.choice(text["terms"]), rates)


class Contract13Writer(Contract12Writer):
    """Set 12's contract writer (its clauses, rate table and signatures) with this set's layouts and schedules."""

    PAGE_W = 595.28

    def __init__(self, rng: random.Random, fam: Blind13Family, model: Contract2) -> None:
        self.model = model
        self.text = CONTRACT13[fam.country]
        self.col = -1
        self.top = self.bottom = self.left_end = 0.0
        self.clauses: list[tuple[str, dict[str, Any]]] = []
        Sheet12.__init__(self, rng, fam)  # type: ignore[arg-type]

    def day(self, value: date) -> str:
        return format_day13(value, self.fam.dates, self.fam.lang)

    def money(self, value: Decimal) -> str:
        return format_num13(value, self.fam.numbers, self.fam.places)

    def values(self) -> dict[str, tuple[str, str | None]]:
        m = self.model
        return {**super().values(), "btaxcap": (m.buyer.tax_label or "", None),
                "vtaxcap": (m.vendor.tax_label or "", None)}  # fmt: skip

    def new_page(self) -> Any:
        """A new page of the paper's own width (a schedule set inside a cell or beside a margin moves ``W``)."""
        saved, self.W = self.W, self.PAGE_W
        try:
            return super().new_page()
        finally:
            self.W = saved

    def room13(self, h: float) -> None:
        if self.y + h > self.H - 80:
            self.new_page()
            self.y = 56

    # ------------------------------------------------------------ layouts

    def clause_list(self) -> list[tuple[str, str, dict[str, Any]]]:
        """(heading, template, values) of each clause; the rates' clause has no text (the schedule follows it)."""
        text, v = self.text, self.values()
        term, tv = self.term_sentence()
        heads = text["heads"]
        intro_keys = ("eff", "buyer", "btaxcap", "btax", "vendor", "vtaxcap", "vtax")
        return [(heads[0], text["intro"], {k: v[k] for k in intro_keys}), (heads[1], term, tv),
                (heads[2], text["pay"], {k: v[k] for k in ("cur", "terms")}), (heads[4], text["more"][0], {}),
                (heads[5], text["more"][1], {})]  # fmt: skip

    def write_tabular(self) -> None:
        """The agreement as a two-column ruled table: each clause's heading in the left cell, its text in the
        right; the rates the table's last row."""
        M, left = self.M, 118.0
        for k, (head, template, values) in enumerate(self.clause_list(), start=1):
            if k == 4:
                self.tab_rates(left)
            self.room13(60)
            y0 = self.y
            self.t(M + 4, y0 + 12, f"{k if k < 4 else k + 1}. {head}", 8.5, bold=True)
            self.y += 2
            self.flow(template, values, M + left + 6, self.W - 2 * M - left - 12, size=8.5)
            self.y += 4
            self.page.rect(M, y0, left, self.y - y0, line_width=0.5, fill=None)
            self.page.rect(M + left, y0, self.W - 2 * M - left, self.y - y0, line_width=0.5)

    def tab_rates(self, left: float) -> None:
        M = self.M
        self.room13(80)
        y0 = self.y
        self.t(M + 4, y0 + 12, f"4. {self.text['heads'][3]}", 8.5, bold=True)
        self.y += 6
        saved_m = self.M
        saved_w = self.W
        self.M, self.W = M + left + 6, saved_w + left  # the schedule inside the right cell
        self.schedule13()
        self.M, self.W = saved_m, saved_w
        self.page.rect(M, y0, left, self.y - y0, line_width=0.5)
        self.page.rect(M + left, y0, self.W - 2 * M - left, self.y - y0, line_width=0.5)

    def write_margin(self) -> None:
        """Side headings in the left margin (grey, right-aligned against the text), the text indented."""
        M, side = self.M, 96.0
        for k, (head, template, values) in enumerate(self.clause_list(), start=1):
            if k == 4:
                self.room13(60)
                self.t(M + side - 8, self.y + 12, self.text["heads"][3], 8, bold=True, align="right",
                       color=(0.45, 0.45, 0.45))  # fmt: skip
                self.y += 2
                saved_m, saved_w = self.M, self.W
                self.M, self.W = M + side, saved_w + side  # the schedule beside the margin
                self.schedule13()
                self.M, self.W = saved_m, saved_w
            self.room13(40)
            self.t(M + side - 8, self.y + 9, head, 8, bold=True, align="right", color=(0.45, 0.45, 0.45))
            self.flow(template, values, M + side, self.W - 2 * M - side, size=9)
            self.y += 4

    def write_form(self) -> None:
        """A contract form: the values over hairlines, their captions under them; then the clauses and rates."""
        M, text, v, m = self.M, self.text, self.values(), self.model
        cap = text["form"]
        half = (self.W - 2 * M) / 2
        y = self.y + 14
        rows = [(("number", m.number, "contract_number"), ("eff", *v["eff"])),
                (("buyer", *v["buyer"]), ("btax", *v["btax"])), (("vendor", *v["vendor"]), ("vtax", *v["vtax"])),
                (("cur", *v["cur"]), ("terms", *v["terms"]))]  # fmt: skip
        if m.term:
            n, unit = m.term
            word = text["units"][0 if unit == "months" else 1]
            word = word if isinstance(word, str) else word[n]
            rows.append(((("term", f"{n} {word}", None)), ("exp", "", None)))
        else:
            rows.append((("exp", *v["exp"]), ("term", "", None)))
        for pair in rows:
            for k, (key, value, name) in enumerate(pair):
                if not value:
                    continue
                x = M + k * half
                size = 9.0 if width(value, self.fonts.regular, 9) < half - 14 else 7.0
                self.t(x, y, value, size, ent=self.ent(name) if name else None)
                self.page.line(x, y + 4, x + half - 14, y + 4, 0.3, (0.4, 0.4, 0.4))
                self.t(x, y + 12, cap[key], 6.5, color=(0.4, 0.4, 0.4))
            y += 30
        self.y = y
        clauses = self.clause_list()[1:]  # the parties are the form's fields
        for k, (head, template, values) in enumerate([*clauses[:2], ("", "", {}), *clauses[2:]], start=1):
            self.room13(40)
            self.t(M, self.y + 12, f"{k}. {head or text['heads'][3]}", 9, bold=True)
            self.y += 16
            if not head:
                self.schedule13()
                continue
            self.y -= 2
            self.flow(template, values, M, self.W - 2 * M, size=9)

    # ------------------------------------------------------------ schedules

    def schedule13(self) -> None:
        fam, text = self.fam, self.text
        if fam.table == "cards":
            self.cards()
        elif fam.table == "matrix":  # an after-hours rate beside the labelled one (printed, not labelled)
            self.rate_table(text["cols"], [self.money(_round(r * Decimal("1.5"), fam.places))
                                           for _s, _u, r in self.model.rates])  # fmt: skip
        else:
            self.rate_table(text["cols"][:3])

    def cards(self) -> None:
        """Each rate a boxed card, two to a row: the service, then the rate and the unit over their captions."""
        text = self.text
        cap_rate, cap_unit = text.get("rate_cap", "Rate"), text.get("unit_cap", "Unit")
        gap = 12.0
        cw = (self.W - 2 * self.M - gap) / 2
        rows = self.rate_rows()
        for k, (service, unit, rate, i) in enumerate(rows):
            col = k % 2
            if col == 0:
                self.room13(60)
            x, y = self.M + col * (cw + gap), self.y
            self.page.rect(x, y, cw, 50, line_width=0.6, radius=4)
            svc_size = 9.0 if width(service, self.fonts.bold, 9) < cw - 12 else 7.5
            self.page.text(x + 6, y + 13, service, self.fonts.bold, svc_size, entity=self.ent("description", i),
                           row=i)  # fmt: skip
            rx = x + 6
            rx += self.page.text(rx, y + 30, rate, self.fonts.regular, 9, entity=self.ent("unit_price", i), row=i)
            self.t(rx + 3, y + 30, self.fam.currency, 9)
            self.t(x + 6, y + 42, cap_rate, 6.5, color=(0.4, 0.4, 0.4))
            ux = x + cw * 0.6
            self.page.text(ux, y + 30, unit, self.fonts.regular, 9, entity=self.ent("unit", i), row=i)
            self.t(ux, y + 42, cap_unit, 6.5, color=(0.4, 0.4, 0.4))
            if col == 1 or k == len(rows) - 1:
                self.y += 58
        self.y += 6

    def write(self) -> None:
        fam = self.fam
        if fam.header == "form":  # the number is one of the form's fields
            self.t(self.W / 2, 60, self.text["title"], 12.5, bold=True, align="center")
            self.y = 70
        else:
            self.heading()
        getattr(self, f"write_{fam.header}")()
        self.signatures()
        self.page_numbers("")


def make_blind13_contract(seed: int, fam: Blind13Family, doc_id: str | None = None) -> GeneratedDoc:
    doc = make_set_contract(seed, fam, doc_id, set_no=13, sample=sample_contract13, writer_of=Contract13Writer)
    doc.label["features"]["numbers"] = fam.numbers
    return doc


# ---------------------------------------------------------------- scans

SCAN_CONDITIONS = ("tidemark", "ghost")


def _tidemark(img: Image.Image, rng: random.Random) -> Image.Image:
    """A dried water stain: one to three irregular blots, faintly brown inside, a darker tide mark at their rim."""
    rgb = np.asarray(img.convert("RGB"), dtype=np.float32)
    h, w = rgb.shape[:2]
    ys, xs = np.mgrid[0:h, 0:w].astype(np.float32)
    shade = np.zeros((h, w), dtype=np.float32)
    for _ in range(rng.randrange(1, 4)):
        cx, cy = rng.uniform(0.1, 0.9) * w, rng.uniform(0.1, 0.9) * h
        r0 = rng.uniform(0.08, 0.22) * min(w, h)
        angle = np.arctan2(ys - cy, xs - cx)
        wobble = sum(rng.uniform(0.03, 0.09) * np.sin(k * angle + rng.uniform(0, 2 * math.pi)) for k in (2, 3, 5))
        rr = np.hypot(xs - cx, ys - cy) / (r0 * (1 + wobble))
        shade += 0.08 * (rr < 1) + 0.3 * np.exp(-((rr - 1) ** 2) / 0.0015)
    shade = np.clip(shade, 0, 0.45)[..., None]
    stain = np.array([150, 110, 60], dtype=np.float32)
    out = rgb * (1 - shade) + stain * shade * (rgb / 255)
    return Image.fromarray(np.clip(out, 0, 255).astype(np.uint8))


def _ghost(img: Image.Image, rng: random.Random) -> Image.Image:
    """A laser printer's drum ghost: a faint copy of the page repeated one drum turn (about a third of an A4 page)
    further down, slightly soft."""
    grey = img.convert("L")
    arr = np.asarray(grey, dtype=np.float32)
    h = arr.shape[0]
    shift = int(h * rng.uniform(0.28, 0.36))
    soft = np.asarray(grey.filter(ImageFilter.GaussianBlur(rng.uniform(0.6, 1.4))), dtype=np.float32)
    ink = np.zeros_like(arr)
    ink[shift:] = (255 - soft[:-shift]) * rng.uniform(0.1, 0.18)
    if rng.random() < 0.5:  # a second, fainter turn
        ink[2 * shift :] += (255 - soft[: h - 2 * shift]) * 0.06
    out = np.minimum(arr, 255 - ink)
    return Image.fromarray(np.clip(out, 0, 255).astype(np.uint8))


_OWN13 = {"tidemark": _tidemark, "ghost": _ghost}


# this set's own conditions; the earlier sets' through ``blind12.condition12``
condition13 = chain_conditions(_OWN13, condition12)


# ---------------------------------------------------------------- data sets


def make_blind13(seed: int, fam: Blind13Family, doc_id: str | None = None) -> GeneratedDoc:
    """One document of ``fam``; the same seed gives the same bytes."""
    return (make_blind13_po if fam.kind == "po" else make_blind13_contract)(seed, fam, doc_id)


def generate_blind13(n: int, out: Path, seed: int, scanned_share: float = 0.0, split: str = "all") -> list[Path]:
    """Write ``n`` documents of the thirteenth blind set's ``split`` (dev, test or all) with their labels to ``out``.
    A scanned document gets its family's own scan condition or, one time in three, the factory's plain scan."""
    return write_blind_set(n, out, seed, scanned_share, split, blind13_families(split), make_blind13, set_no=13,
                           salt=0xB113, conditioner=condition13)  # fmt: skip


__all__ = ["BLIND13_SPLITS", "BY_NAME", "FAMILIES", "ROMAN_MONTHS", "SPLIT_SEED", "blind13_families", "condition13",
           "format_day13", "format_num13", "french_words", "generate_blind13", "make_blind13", "spanish_words",
           "tax_id13", "tax_id_valid13"]  # fmt: skip
