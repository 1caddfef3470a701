"""The eighteenth blind set: purchase orders and contracts written without looking at the extractor, for measuring it.

Sets 1-17 printed Europe but for a few corners, the Caucasus and Central Asia, nearly all of the Americas, Africa, the
Gulf, Asia and the Pacific; this set goes to 24 desks none printed, most of them the small territories left over:
Anguilla (East Caribbean dollars, 13 % GST), the Turks and Caicos Islands and the British Virgin Islands (US dollars,
no VAT), American Samoa and the Northern Mariana Islands (US dollars, no sales tax, American dates), Niue (New
Zealand dollars, 12.5 % consumption tax) and Guernsey (pounds, no VAT) in English; the Canary Islands (IGIC 7 %) and
Ceuta and Melilla (IPSI 4 %) in Spanish; French Guiana (euros, 'TVA non applicable, art. 294 du CGI'),
Saint-Barthélemy (euros, no TVA), Saint-Martin (euros, its 4 % TGCA) and Western Sahara (Moroccan dirhams, 20 % TVA,
the Moroccan ICE) in French; Iran (rials without decimals, 10 % VAT, dates in the Solar Hijri calendar, '1404/12/14'),
Palestine (new shekels, 16 % VAT) and Yemen (rials without decimals, 5 % GST) in English: no font the factory embeds
has Persian or Arabic glyphs, so these desks print the English their export and aid paperwork uses, with the local
names, currency and tax ids. Contracts from the Cocos (Keeling) Islands and Christmas Island (Australian dollars),
the British Indian Ocean Territory, Montserrat (East Caribbean dollars), Pitcairn and Tokelau (New Zealand dollars),
Tristan da Cunha (pounds) and Ascension (Saint Helena pounds) in English. Dates in words are Babel's long format for
the document's locale ('5 de marzo de 2026', '5 mars 2026'); a date style no set typed: the Solar Hijri calendar
(Iran's orders, 'year/month/day'). Tax ids: python-stdnum checks the Spanish CIF (the Canaries, Ceuta and Melilla),
the Moroccan ICE (Western Sahara), the US EIN (American Samoa, the Northern Marianas), the French SIRET and SIREN
(French Guiana, Saint-Martin, Saint-Barthélemy) and the Australian ABN (Cocos, Christmas Island); the others
(Anguilla's, Niue's, Montserrat's, Yemen's TIN, Iran's national id, Palestine's registered dealer number, the Turks
and Caicos business licence, the BVI company number, Guernsey's company number, the BIOT, Pitcairn, Tokelau,
Tristan and Ascension licence and registration numbers) are drawn in their printed shape.

Structures no set printed (each named by its family field; both halves print every one of them, each half in other
combinations):
 1. ``twocopy`` (orders): the order and its copy on one sheet: the order printed in the top half marked
    'ORIGINAL', the same print again in the bottom half marked 'COPY' for the supplier to keep, a dashed cut line
    between them (short orders of a small office's duplicate pad; the copy's words are not labelled).
 2. ``footsign`` (orders): the order's date printed nowhere but in the authorisation box at the foot, beside the
    signature and the signing officer's name and title (the head carries the number, terms and currency).
 3. ``breaks`` (tables): a quantity-break ladder in every row ('1+ 12.00 / 10+ 11.40 / 50+ 10.80'); the unit price
    column prints the break the ordered quantity reaches.
 4. ``swatch`` (tables): paints and fabrics with a colour chip and the colour's code (RAL, Pantone TCX) in front of
    the description.
 5. ``goodsin`` (tables): blank 'quantity received' and 'checked' columns (empty boxes) for the receiving store,
    and a 'goods received by / date' line under the table.
 6. ``dock`` (order extras): a delivery-booking box (dock, time window, the day, a booking reference).
 7. ``dutystamp`` (contract papers): a stamp-duty impression at the head of the first page (a receipt number, the
    duty paid, the date it was paid, the revenue officer's initials) over the contract.
 8. ``titlepage`` (contract papers): a title page (the title, 'between' the parties with their roles, 'dated', a
    list of contents), the contract from page 2.
 9. ``bidtab`` (contract schedules): the tender evaluation: each service's rate from three tenderers side by side,
    the Provider's column shaded and marked as awarded; the other tenderers' rates are printed, not labelled.
10. ``annualised`` (contract schedules): monthly fees with their yearly equivalent (12 x the fee) beside them.
11. ``retention`` (contract extras): a retention clause (a share of each bill held back, released in two halves)
    with the release dates in a small table.
Scans: two conditions of this set's own (a torn edge: a ragged piece of the sheet missing, the scanner's dark lid
showing through; camera shake: a phone capture smeared along the hand's movement) and the earlier sets' through
their public functions (``blind17.condition17``).

The labels are the other sets' (``blind.blind_po_doc``, ``blind2.blind_contract_doc``): a line's ``unit_price`` is
the price the unit price column prints (the quantity break reached), its ``amount`` quantity x price rounded half
up to the currency's places. The lines sum to the subtotal; the tax is the subtotal x rate rounded half up (0 where
the territory levies none: the tax line says so and prints 0); total = subtotal + tax. Printed but not labelled:
the bottom copy, the authorising officer, the price ladders, the colour chips and codes, the receiving columns, the
delivery booking (its day a date), the stamp-duty impression (its date a date), the title page's parties and date,
the other tenderers' rates, the yearly fees, the retention's share and dates. A contract's label lines are its
rates (description, unit, the awarded or monthly rate). The families are split once into a ``dev`` and a ``test``
half (``BLIND18_SPLITS``: ``split_by_kind`` with ``SPLIT_SEED``; the names begin with the country and name no
structure, so that the split depends on the desks alone). ``ledgerlens data blind --set 18`` writes them. Written
without opening the extractor's code, its results or its benchmarks, and without running it.
"""

from __future__ import annotations

import random
from collections.abc import Callable
from dataclasses import dataclass
from datetime import date, timedelta
from decimal import Decimal
from typing import Any

import numpy as np
from dateutil.relativedelta import relativedelta
from PIL import Image, ImageDraw, ImageFilter

from training.factory.blind import BlindParty, BlindPO
from training.factory.blind3 import split_by_kind
from training.factory.blind12 import Sheet12
from training.factory.blind13 import format_qty13
from training.factory.blind17 import (
    CONTRACT17,
    GOODS17,
    PO_WORDS17,
    Blind17Family,
    Contract17,
    Contract17Writer,
    Order17,
    PO17Writer,
    condition17,
    format_day17,
)
from training.factory.blindkit import (
    chain_conditions,
    country_party,
    make_by_kind,
    make_set_contract,
    make_set_po,
    scheme_tax_id,
    scheme_tax_id_valid,
    set_generator,
    split_families,
)
from training.factory.blindkit import digits as _digits
from training.factory.blindkit import half_up as _half_up
from training.factory.blindkit import shape as _shape
from training.factory.blindkit import stdnum_check as _stdnum
from training.factory.common import GeneratedDoc, family_id
from training.factory.layout import font, width, wrap
from training.factory.po import POLine

# ---------------------------------------------------------------- families


@dataclass(frozen=True)
class Blind18Family(Blind17Family):
    """A set-18 family: set 17's fields. ``header``: twocopy | footsign (orders); dutystamp | titlepage (contracts).
    ``table`` (orders): breaks | swatch | goodsin; (contracts) the schedule: bidtab | annualised. ``extras``: dock
    (orders), retention (contracts)."""

    @property
    def family(self) -> str:
        return family_id(f"{self.kind}-blind18", {"name": self.name})


def _x(*names: str) -> frozenset[str]:
    return frozenset(names)


F = Blind18Family
FAMILIES: list[Blind18Family] = [
    # dev
    F("nu-purchase-order", "po", "en_NU", "NU", "NZD", "twocopy", "swatch", "en", "nimbus-sans", "torn",
      extras=_x("dock"), lines=(2, 6)),
    F("ic-pedido-de-compra-igic", "po", "es_IC", "IC", "EUR", "twocopy", "goodsin", "de", "dejavu-serif", "shake",
      lines=(2, 7)),
    F("as-purchase-order", "po", "en_AS", "AS", "USD", "footsign", "breaks", "en", "p052", "clip",
      extras=_x("dock"), lines=(2, 30)),
    F("ai-purchase-order", "po", "en_AI", "AI", "XCD", "footsign", "breaks", "en", "c059", "shake"),
    F("tc-purchase-order", "po", "en_TC", "TC", "USD", "footsign", "swatch", "en", "dejavu-sans", "torn",
      extras=_x("dock")),
    F("eh-bon-de-commande", "po", "fr_EH", "EH", "MAD", "footsign", "goodsin", "fr", "nimbus-roman", "foxing"),
    F("gg-purchase-order", "po", "en_GG", "GG", "GBP", "twocopy", "swatch", "en", "urw-gothic", "tape",
      lines=(2, 7)),
    F("mf-bon-de-commande", "po", "fr_MF", "MF", "EUR", "footsign", "goodsin", "fr", "dejavu-sans-condensed",
      "shake", extras=_x("dock"), lines=(2, 30)),
    # test
    F("mp-purchase-order", "po", "en_MP", "MP", "USD", "footsign", "breaks", "en", "nimbus-sans-narrow", "torn",
      extras=_x("dock")),
    F("bl-bon-de-commande", "po", "fr_BL", "BL", "EUR", "footsign", "swatch", "fr", "c059", "shake"),
    F("ea-pedido-de-compra", "po", "es_EA", "EA", "EUR", "twocopy", "goodsin", "de", "nimbus-sans", "streak",
      extras=_x("dock"), lines=(2, 6)),
    F("vg-purchase-order", "po", "en_VG", "VG", "USD", "twocopy", "goodsin", "en", "dejavu-serif", "torn",
      extras=_x("dock"), lines=(2, 6)),
    F("ir-purchase-order-rials", "po", "en_IR", "IR", "IRR", "footsign", "breaks", "en", "dejavu-sans", "shake",
      lines=(2, 30)),
    F("ye-purchase-order-rials", "po", "en_YE", "YE", "YER", "footsign", "swatch", "en", "p052", "dogear"),
    F("ps-purchase-order-shekels", "po", "en_PS", "PS", "ILS", "footsign", "breaks", "en", "nimbus-roman",
      "torn", extras=_x("dock")),
    F("gf-bon-de-commande", "po", "fr_GF", "GF", "EUR", "footsign", "swatch", "fr", "urw-gothic", "clip"),
    # contracts: dev
    F("io-support-services-contract", "contract", "en_IO", "IO", "USD", "dutystamp", "bidtab", "en", "c059",
      "shake", extras=_x("retention")),
    F("pn-services-agreement", "contract", "en_PN", "PN", "NZD", "titlepage", "annualised", "en", "dejavu-serif",
      "torn"),
    F("ac-services-contract", "contract", "en_AC", "AC", "SHP", "dutystamp", "annualised", "en", "nimbus-sans",
      "sticky"),
    F("cc-services-agreement", "contract", "en_CC", "CC", "AUD", "titlepage", "bidtab", "en", "p052", "clip",
      extras=_x("retention")),
    # contracts: test
    F("ms-contract-for-services", "contract", "en_MS", "MS", "XCD", "dutystamp", "bidtab", "en", "nimbus-roman",
      "torn"),
    F("tk-services-agreement", "contract", "en_TK", "TK", "NZD", "titlepage", "annualised", "en", "dejavu-sans",
      "shake", extras=_x("retention")),
    F("ta-service-contract", "contract", "en_TA", "TA", "GBP", "dutystamp", "annualised", "en", "urw-gothic",
      "foxing", extras=_x("retention")),
    F("cx-services-contract", "contract", "en_CX", "CX", "AUD", "titlepage", "bidtab", "en",
      "dejavu-sans-condensed", "torn"),
]  # fmt: skip
BY_NAME = {f.name: f for f in FAMILIES}
# The split: within each kind, the family names sorted, shuffled with random.Random(SPLIT_SEED), the first half
# (rounded up) to dev. Fixed once, on the names alone, before any structure was given to a family.
SPLIT_SEED = 1818
BLIND18_SPLITS: dict[str, list[str]] = split_by_kind(FAMILIES, SPLIT_SEED)  # type: ignore[arg-type]
NEW_STRUCTURES = ("twocopy", "footsign", "breaks", "swatch", "goodsin", "dock", "dutystamp", "titlepage", "bidtab",
                  "annualised", "retention")  # fmt: skip


def blind18_families(split: str = "all") -> list[Blind18Family]:
    return split_families(BLIND18_SPLITS, BY_NAME, split)


def jalali(day: date) -> tuple[int, int, int]:
    """``day`` in the Solar Hijri calendar (year, month, day): the arithmetic of the 33-year cycles, exact for the
    years 1178-1633 of that calendar (AD 1799-2254)."""
    gy, gm, gd = day.year, day.month, day.day
    before = (0, 31, 59, 90, 120, 151, 181, 212, 243, 273, 304, 334)
    gy2 = gy + 1 if gm > 2 else gy
    days = 355666 + 365 * gy + (gy2 + 3) // 4 - (gy2 + 99) // 100 + (gy2 + 399) // 400 + gd + before[gm - 1]
    jy = -1595 + 33 * (days // 12053)
    days %= 12053
    jy += 4 * (days // 1461)
    days %= 1461
    if days > 365:
        jy += (days - 1) // 365
        days = (days - 1) % 365
    if days < 186:
        return jy, 1 + days // 31, 1 + days % 31
    return jy, 7 + (days - 186) // 30, 1 + (days - 186) % 30


def format_day18(day: date, style: str, lang: str) -> str:
    """A date as the document prints it: 'jalali' 1404/12/14 (the Solar Hijri date, as Iranian offices type it);
    the other styles are set 17's (``blind17.format_day17``)."""
    if style == "jalali":
        y, m, d = jalali(day)
        return f"{y}/{m:02d}/{d:02d}"
    return format_day17(day, style, lang)


# ---------------------------------------------------------------- tax ids


def _cif(rng: random.Random) -> str:
    return rng.choice("ABG") + _digits(rng, 8)


# country -> (caption, a draw of the printed id, the check of its printed shape and check digits)
TAX_SCHEMES18: dict[str, tuple[str, Callable[[random.Random], str], Callable[[str], bool]]] = {
    "AI": ("TIN", lambda r: "1" + _digits(r, 6), _shape(r"1\d{6}")),
    "EA": ("CIF", _cif, _stdnum("es", "cif", r"[ABG]\d{8}")),
    "IC": ("CIF", _cif, _stdnum("es", "cif", r"[ABG]\d{8}")),
    "EH": ("ICE", lambda r: _digits(r, 15), _stdnum("ma", "ice", r"\d{15}")),
    "IR": ("National ID", lambda r: "10" + _digits(r, 9), _shape(r"10\d{9}")),
    "NU": ("Tax No.", lambda r: "NU" + _digits(r, 5), _shape(r"NU\d{5}")),
    "PS": ("Reg. Dealer No.", lambda r: "56" + _digits(r, 7), _shape(r"56\d{7}")),
    "YE": ("TIN", lambda r: "1" + _digits(r, 8), _shape(r"1\d{8}")),
    "TC": ("Bus. Licence No.", lambda r: "BL" + _digits(r, 5), _shape(r"BL\d{5}")),
    "VG": ("BVI Co. No.", lambda r: _digits(r, 7), _shape(r"\d{7}")),
    "AS": ("EIN", lambda r: "98-" + _digits(r, 7), _stdnum("us", "ein", r"98-\d{7}")),
    "MP": ("EIN", lambda r: "66-" + _digits(r, 7), _stdnum("us", "ein", r"66-\d{7}")),
    "GF": ("SIRET", lambda r: _digits(r, 14), _stdnum("fr", "siret", r"\d{14}")),
    "BL": ("SIREN", lambda r: _digits(r, 9), _stdnum("fr", "siren", r"\d{9}")),
    "MF": ("SIRET", lambda r: _digits(r, 14), _stdnum("fr", "siret", r"\d{14}")),
    "GG": ("Company No.", lambda r: _digits(r, 5), _shape(r"\d{5}")),
    "CC": ("ABN", lambda r: _digits(r, 11), _stdnum("au", "abn", r"\d{11}")),
    "CX": ("ABN", lambda r: _digits(r, 11), _stdnum("au", "abn", r"\d{11}")),
    "IO": ("Co. Reg. No.", lambda r: "BIOT" + _digits(r, 4), _shape(r"BIOT\d{4}")),
    "MS": ("TIN", lambda r: "MS" + _digits(r, 6), _shape(r"MS\d{6}")),
    "PN": ("Licence No.", lambda r: "PI-" + _digits(r, 3), _shape(r"PI-\d{3}")),
    "TK": ("Reg. No.", lambda r: "TK" + _digits(r, 4), _shape(r"TK\d{4}")),
    "TA": ("Reg. No.", lambda r: "TDC" + _digits(r, 3), _shape(r"TDC\d{3}")),
    "AC": ("Reg. No.", lambda r: "ASC" + _digits(r, 4), _shape(r"ASC\d{4}")),
}  # fmt: skip


def tax_id_valid18(country: str, value: str) -> bool:
    """``value`` (without spaces) has its scheme's printed shape (and passes python-stdnum where it has a scheme)."""
    return scheme_tax_id_valid(TAX_SCHEMES18, country, value)


def tax_id18(rng: random.Random, country: str) -> str:
    """A tax id of ``country``'s scheme, drawn in its printed shape."""
    return scheme_tax_id(TAX_SCHEMES18, rng, country)


TAX_RATES18 = {"NU": "12.5", "IC": "7", "AS": "0", "AI": "13", "TC": "0", "EH": "20", "GG": "0", "MF": "4",
               "MP": "0", "BL": "0", "EA": "4", "VG": "0", "IR": "10", "YE": "5", "PS": "16", "GF": "0"}  # fmt: skip
DATE_STYLES18 = {
    "AS": ("mdy_slash", "long"),
    "MP": ("mdy_slash", "long"),
    "IR": ("jalali",),
    "EA": ("dmy_slash", "long"),
    "IC": ("dmy_slash", "long"),
    "PS": ("dmy_slash", "long"),
}
_DATE_DEFAULT = ("dmy_slash", "long")
# a currency's prices against the euro's
_PRICE_SCALE18 = {"NZD": "1.8", "EUR": "1", "USD": "1.1", "XCD": "2.95", "MAD": "11", "GBP": "0.85",
                  "IRR": "1150000", "YER": "270", "ILS": "4", "AUD": "1.65", "SHP": "0.85"}  # fmt: skip

# ---------------------------------------------------------------- parties

# country -> (stems, trades, legal forms, how a name is written)
PARTIES18: dict[str, tuple[list[str], list[str], list[str], str]] = {
    "NU": (["Alofi", "Avatele", "Tuapa", "Hakupu"], ["Trading", "Stores", "Hardware"], ["Ltd"],
           "{stem} {trade} {form}"),
    "IC": (["Atlántico", "Teide", "Tamadaba", "Maspalomas"], ["Pinturas", "Suministros", "Textiles"], ["S.L.",
           "S.A."], "{trade} {stem} {form}"),
    "AS": (["Pago Pago", "Tutuila", "Leone", "Tafuna"], ["Supply", "Trading", "Wholesale"], ["Inc.", "LLC"],
           "{stem} {trade} {form}"),
    "AI": (["The Valley", "Sandy Ground", "Blowing Point", "Island Harbour"], ["Building Supplies", "Trading",
           "Hardware"], ["Ltd", "Limited"], "{stem} {trade} {form}"),
    "TC": (["Providenciales", "Grand Turk", "Caicos", "Leeward"], ["Paints", "Interiors", "Supply"], ["Ltd"],
           "{stem} {trade} {form}"),
    "EH": (["Laâyoune", "Dakhla", "Saguia", "Boujdour"], ["Négoce", "Matériaux", "Fournitures"], ["SARL", "SA"],
           "{trade} {stem} {form}"),
    "GG": (["Sarnia", "St Peter Port", "Vale", "Castel"], ["Merchants", "Supplies", "Trading"], ["Limited"],
           "{stem} {trade} {form}"),
    "MF": (["Marigot", "Grand-Case", "Sandy Ground", "Cul-de-Sac"], ["Fournitures", "Distribution", "Négoce"],
           ["SARL", "SAS"], "{trade} {stem} {form}"),
    "MP": (["Saipan", "Tinian", "Rota", "Garapan"], ["Office Supply", "Trading", "Distributors"], ["Inc.", "LLC"],
           "{stem} {trade} {form}"),
    "BL": (["Gustavia", "Saint-Jean", "Lorient", "Colombier"], ["Décoration", "Peintures", "Tissus"], ["SARL",
           "SAS"], "{trade} {stem} {form}"),
    "EA": (["Ceuta", "Melilla", "Monte Hacho", "Rostrogordo"], ["Pinturas", "Textil", "Decoración"], ["S.L.",
           "S.A."], "{trade} {stem} {form}"),
    "VG": (["Road Town", "Tortola", "Virgin Gorda", "Cane Garden"], ["Marine Supply", "Trading", "Hardware"],
           ["Ltd", "Limited"], "{stem} {trade} {form}"),
    "IR": (["Pars", "Alborz", "Sepahan", "Kavir"], ["Industrial Supply", "Trading", "Engineering"], ["Co.",
           "Company (PJS)"], "{stem} {trade} {form}"),
    "YE": (["Aden", "Sana'a", "Hadramout", "Mukalla"], ["Trading", "Supplies", "Import & Export"], ["Co. Ltd",
           "Establishment"], "{stem} {trade} {form}"),
    "PS": (["Al-Quds", "Ramallah", "Nablus", "Hebron"], ["Trading", "Supplies", "Industries"], ["Co. Ltd",
           "P.L.C."], "{stem} {trade} {form}"),
    "GF": (["Cayenne", "Kourou", "Maroni", "Saint-Laurent"], ["Peintures", "Textiles", "Décoration"], ["SARL",
           "SAS"], "{trade} {stem} {form}"),
    "IO": (["Diego Garcia", "Chagos", "Peros Banhos", "Salomon"], ["Support Services", "Marine Services",
           "Facilities"], ["Ltd", "Limited"], "{stem} {trade} {form}"),
    "PN": (["Adamstown", "Bounty Bay", "Henderson", "Oeno"], ["Services", "Shipping", "Contracting"], ["Ltd"],
           "{stem} {trade} {form}"),
    "AC": (["Georgetown", "Green Mountain", "Two Boats", "Wideawake"], ["Services", "Facilities", "Contracting"],
           ["Ltd", "Limited"], "{stem} {trade} {form}"),
    "CC": (["West Island", "Home Island", "Direction Island", "Keeling"], ["Services", "Contracting",
           "Maintenance"], ["Pty Ltd"], "{stem} {trade} {form}"),
    "MS": (["Brades", "Little Bay", "Salem", "Silver Hills"], ["Services", "Contracting", "Maintenance"], ["Ltd"],
           "{stem} {trade} {form}"),
    "TK": (["Fakaofo", "Nukunonu", "Atafu", "Fale"], ["Services", "Builders", "Contracting"], ["Ltd"],
           "{stem} {trade} {form}"),
    "TA": (["Edinburgh", "Tristan", "Calshot", "Nightingale"], ["Services", "Fisheries Services", "Contracting"],
           ["Ltd"], "{stem} {trade} {form}"),
    "CX": (["Flying Fish Cove", "Drumsite", "Poon Saan", "Silver City"], ["Services", "Contracting",
           "Maintenance"], ["Pty Ltd"], "{stem} {trade} {form}"),
}  # fmt: skip
PLACES18: dict[str, list[tuple[str, str, str]]] = {
    "NU": [("Alofi, Niue", "P.O. Box 84", "Commercial Centre"), ("Alofi, Niue", "P.O. Box 120", "Tapeu Road")],
    "IC": [("35002 Las Palmas de Gran Canaria", "", "Calle Triana"), ("38003 Santa Cruz de Tenerife", "",
           "Calle del Castillo")],
    "AS": [("Pago Pago, AS 96799", "", "Route 1"), ("Tafuna, AS 96799", "", "Airport Road")],
    "AI": [("The Valley AI-2640", "P.O. Box 155", "Wallblake Road"), ("Sandy Ground AI-2640", "", "Main Road")],
    "TC": [("Providenciales TKCA 1ZZ", "", "Leeward Highway"), ("Grand Turk TKCA 1ZZ", "", "Front Street")],
    "EH": [("70000 Laâyoune", "BP 212", "Avenue Mekka"), ("73000 Dakhla", "BP 88", "Boulevard Al Walae")],
    "GG": [("St Peter Port GY1 2HT", "", "High Street"), ("St Sampson GY2 4AD", "", "The Bridge")],
    "MF": [("97150 Marigot", "", "Rue de Hollande"), ("97150 Grand-Case", "", "Boulevard de Grand-Case")],
    "MP": [("Saipan, MP 96950", "", "Beach Road"), ("Garapan, MP 96950", "", "Middle Road")],
    "BL": [("97133 Gustavia", "", "Rue de la République"), ("97133 Saint-Jean", "", "Route de Saline")],
    "EA": [("51001 Ceuta", "", "Calle Real"), ("52001 Melilla", "", "Avenida Juan Carlos I")],
    "VG": [("Road Town, Tortola VG1110", "P.O. Box 71", "Waterfront Drive"), ("Spanish Town, Virgin Gorda VG1150",
           "", "Lee Road")],
    "IR": [("Tehran 15875", "P.O. Box 15875-4411", "Vali-e Asr Avenue"), ("Isfahan 81746", "", "Chahar Bagh Street")],
    "YE": [("Aden", "P.O. Box 4120", "Queen Arwa Road"), ("Sana'a", "P.O. Box 1150", "Hadda Street")],
    "PS": [("Ramallah", "P.O. Box 2041", "Al-Irsal Street"), ("Nablus", "P.O. Box 118", "Faisal Street")],
    "GF": [("97300 Cayenne", "", "Avenue du Général de Gaulle"), ("97310 Kourou", "", "Avenue des Roches")],
    "IO": [("Diego Garcia, BIOT BBND 1ZZ", "", "Main Road"), ("London SW1A 2AH", "", "King Charles Street")],
    "PN": [("Adamstown, Pitcairn PCRN 1ZZ", "", "Main Road"), ("Auckland 1010", "Pitcairn Islands Office",
           "Queen Street")],
    "AC": [("Georgetown, Ascension ASCN 1ZZ", "", "Main Street"), ("Two Boats, Ascension ASCN 1ZZ", "",
           "Two Boats Road")],
    "CC": [("West Island, Cocos (Keeling) Islands WA 6799", "", "Air Force Road"), ("Home Island, Cocos (Keeling)"
           " Islands WA 6799", "", "Jalan Bunga Kangkong")],
    "MS": [("Brades, Montserrat MSR1110", "P.O. Box 292", "Farara Plaza"), ("Little Bay, Montserrat MSR1120", "",
           "Port Road")],
    "TK": [("Fakaofo, Tokelau", "", "Fale Village"), ("Nukunonu, Tokelau", "", "Village Road")],
    "TA": [("Edinburgh of the Seven Seas TDCU 1ZZ", "", "Main Road"), ("Edinburgh of the Seven Seas TDCU 1ZZ", "",
           "Hillpiece")],
    "CX": [("Flying Fish Cove, Christmas Island WA 6798", "", "Gaze Road"), ("Drumsite, Christmas Island WA 6798",
           "", "Murray Road")],
}  # fmt: skip


def make_party18(rng: random.Random, country: str, avoid: str = "") -> BlindParty:
    """A company of ``country``: its name from the country's stems, trades and legal forms, an address, a tax id."""
    return country_party(rng, country, avoid, PARTIES18, PLACES18, TAX_SCHEMES18, ", ")


# ---------------------------------------------------------------- order words

_EN18: dict[str, str] = {
    **PO_WORDS17["JE"], "title": "PURCHASE ORDER", "number": "Order No.", "date": "Order date", "buyer": "Buyer",
    "vendor": "Supplier", "terms": "Payment terms", "currency": "Currency", "desc": "Description", "qty": "Qty",
    "price": "Unit price", "amount": "Amount", "subtotal": "Subtotal", "total": "Total", "ship": "Deliver to",
    "page": "Page", "original": "ORIGINAL", "copy": "COPY - SUPPLIER", "auth": "Authorised by", "auth_date": "Date",
    "auth_name": "Name / title",
    "officers": "Procurement Officer|Chief Storekeeper|Finance Manager|Permanent Secretary",
    "breaks": "Price breaks", "colour": "Colour", "received": "Qty rec'd", "checked": "Checked",
    "goodsin": "Goods received by", "goodsin_date": "Date received", "dock": "Delivery booking",
    "dock_text": "Dock {d} – {day}, {t}. Booking ref. {ref}. Vehicles without a booking are turned away.",
    "notax": "No VAT / sales tax levied",
}  # fmt: skip
_FR18: dict[str, str] = {
    **PO_WORDS17["RE"], "title": "BON DE COMMANDE", "number": "N° de commande", "date": "Date de commande",
    "buyer": "Acheteur", "vendor": "Fournisseur",
    "original": "ORIGINAL", "copy": "DUPLICATA - FOURNISSEUR", "auth": "Bon pour commande", "auth_date": "Date",
    "auth_name": "Nom / qualité",
    "officers": "Responsable des achats|Directeur administratif|Gérant|Chef magasinier",
    "breaks": "Tarif dégressif", "colour": "Teinte", "received": "Qté reçue", "checked": "Contrôlé",
    "goodsin": "Réceptionné par", "goodsin_date": "Date de réception", "dock": "Rendez-vous de livraison",
    "dock_text": "Quai {d} – {day}, {t}. Réf. RDV {ref}. Tout véhicule sans rendez-vous sera refusé.",
    "notax": "TVA non applicable",
}  # fmt: skip
_ES18: dict[str, str] = {
    **PO_WORDS17["PR"], "title": "PEDIDO DE COMPRA", "number": "N.º de pedido", "date": "Fecha del pedido",
    "buyer": "Comprador", "vendor": "Proveedor", "ship": "Lugar de entrega",
    "original": "ORIGINAL", "copy": "COPIA - PROVEEDOR", "auth": "Autorizado por", "auth_date": "Fecha",
    "auth_name": "Nombre / cargo", "officers": "Jefe de Compras|Director Financiero|Gerente|Jefe de Almacén",
    "breaks": "Precios por cantidad", "colour": "Color", "received": "Cant. recibida", "checked": "Revisado",
    "goodsin": "Recibido por", "goodsin_date": "Fecha de recepción", "dock": "Cita de descarga",
    "dock_text": "Muelle {d} – {day}, {t}. Ref. cita {ref}. No se descargará sin cita previa.",
    "notax": "Exento", "tax": "IGIC", "currency": "Moneda", "price": "Precio unit.",
}  # fmt: skip
PO_WORDS18: dict[str, dict[str, str]] = {
    "NU": {**_EN18, "tax": "Consumption Tax"}, "IC": {**_ES18}, "AS": {**_EN18, "notax": "No sales tax levied"},
    "AI": {**_EN18, "tax": "GST"}, "TC": {**_EN18, "notax": "No VAT levied in the Turks and Caicos Islands"},
    "EH": {**_FR18, "tax": "TVA"}, "GG": {**_EN18, "notax": "No VAT or GST in Guernsey"},
    "MF": {**_FR18, "tax": "TGCA"}, "MP": {**_EN18, "notax": "No sales tax levied"},
    "BL": {**_FR18, "notax": "Pas de TVA à Saint-Barthélemy"}, "EA": {**_ES18, "tax": "IPSI"},
    "VG": {**_EN18, "notax": "No VAT levied in the Virgin Islands"}, "IR": {**_EN18, "tax": "VAT"},
    "YE": {**_EN18, "tax": "GST"}, "PS": {**_EN18, "tax": "VAT"},
    "GF": {**_FR18, "notax": "TVA non applicable, art. 294 du CGI"},
}  # fmt: skip
TERMS18: dict[str, list[tuple[str, int]]] = {
    "en": [("30 days from invoice", 30), ("net 14 days", 14), ("cash on delivery", 0), ("45 days net", 45)],
    "fr": [("à 30 jours date de facture", 30), ("comptant à réception", 0), ("à 45 jours fin de mois", 45)],
    "es": [("a 30 días fecha factura", 30), ("al contado", 0), ("a 60 días", 60)],
}  # fmt: skip
# (description, unit, price in euros, colour code, chip colour) by language: paints and fabrics
COLOURS18: dict[str, list[tuple[str, str, str, str, tuple[float, float, float]]]] = {
    "en": [("Exterior gloss paint 5 l", "tin", "46", "RAL 5015", (0.13, 0.45, 0.71)),
           ("Masonry paint 10 l", "tin", "39", "RAL 9010", (0.95, 0.94, 0.89)),
           ("Anti-fouling paint 2.5 l", "tin", "88", "RAL 3000", (0.65, 0.13, 0.13)),
           ("Road marking paint 20 l", "drum", "115", "RAL 1023", (0.97, 0.73, 0.0)),
           ("Canvas awning fabric", "m", "18", "Pantone 17-5641 TCX", (0.0, 0.55, 0.42)),
           ("Curtain fabric, blackout", "m", "12", "Pantone 19-4052 TCX", (0.06, 0.3, 0.5)),
           ("Floor paint, epoxy 5 l", "tin", "74", "RAL 7035", (0.78, 0.8, 0.79))],
    "fr": [("Peinture laque extérieure 2,5 l", "pot", "38", "RAL 5015", (0.13, 0.45, 0.71)),
           ("Peinture façade 15 l", "seau", "62", "RAL 9010", (0.95, 0.94, 0.89)),
           ("Lasure bois chêne 5 l", "pot", "44", "RAL 8003", (0.5, 0.3, 0.15)),
           ("Peinture de sol 5 l", "pot", "71", "RAL 7035", (0.78, 0.8, 0.79)),
           ("Toile de store", "m", "17", "Pantone 17-5641 TCX", (0.0, 0.55, 0.42)),
           ("Tissu occultant", "m", "11", "Pantone 19-4052 TCX", (0.06, 0.3, 0.5))],
    "es": [("Esmalte sintético 4 l", "bote", "41", "RAL 5015", (0.13, 0.45, 0.71)),
           ("Pintura de fachada 15 l", "cubo", "58", "RAL 9010", (0.95, 0.94, 0.89)),
           ("Pintura antideslizante 4 l", "bote", "52", "RAL 6018", (0.34, 0.65, 0.22)),
           ("Pintura para suelos 5 l", "bote", "69", "RAL 7035", (0.78, 0.8, 0.79)),
           ("Lona para toldo", "m", "16", "Pantone 17-5641 TCX", (0.0, 0.55, 0.42)),
           ("Tela opaca para cortinas", "m", "11", "Pantone 19-4052 TCX", (0.06, 0.3, 0.5))],
}  # fmt: skip
# the quantity breaks of a price ladder (the first always 1) and each break's discount in per cent
LADDERS18: list[tuple[tuple[int, ...], tuple[int, ...]]] = [
    ((1, 10, 50), (0, 5, 10)), ((1, 12, 48), (0, 4, 9)), ((1, 25, 100), (0, 6, 12)), ((1, 5, 20, 100), (0, 3, 7, 12)),
]  # fmt: skip


def _lang(fam: Blind18Family) -> str:
    return fam.lang[:2]


def _po_number18(rng: random.Random, country: str, year: int) -> str:
    n = rng.randrange(100, 99999)
    return {"NU": f"GON/{year}/{n % 999:03d}", "IC": f"PC-{year}-{n % 9999:04d}", "AS": f"ASG{n:05d}",
            "AI": f"GOA-PO-{n:05d}", "TC": f"TCI/{n:05d}", "EH": f"BC{year % 100}/{n % 9999:04d}",
            "GG": f"P{n:06d}", "MF": f"CDC-{year}-{n % 9999:04d}", "MP": f"{year % 100}-{n:05d}",
            "BL": f"COM{year}{n % 999:03d}", "EA": f"{n % 9999:04d}/{year}", "VG": f"BVI-{n:05d}",
            "IR": f"PO-{jalali(date(year, 6, 1))[0]}-{n % 9999:04d}", "YE": f"ADN/{n:05d}",
            "PS": f"RAM-{year}-{n % 999:03d}", "GF": f"GF{year % 100}{n:05d}"}[country]  # fmt: skip


@dataclass
class Order18(Order17):
    ladders: list[list[tuple[int, Decimal]]]  # each line's price breaks (from quantity, price); empty elsewhere
    colours: list[tuple[str, tuple[float, float, float]]]  # each line's colour code and chip; empty elsewhere
    dock: tuple[int, date, str, str]  # the delivery booking: dock, day, time window, reference
    officer: str  # who authorises the order (footsign)


def _price(rng: random.Random, eur: str, mult: Decimal, places: int) -> Decimal:
    price = _half_up(Decimal(eur) * Decimal(rng.randrange(80, 130)) / 100 * mult, places)
    if mult >= 1000:  # rials: whole thousands
        price = _half_up(price / 1000, 0) * 1000
    return price or Decimal(1).scaleb(-places)


def sample_po18(rng: random.Random, fam: Blind18Family) -> Order18:
    """An order of ``fam``: parties, lines (quantity x the price printed, rounded half up), totals and the printed
    extras (ladders, colours, the delivery booking, the officer)."""
    buyer = make_party18(rng, fam.country)
    vendor, site = make_party18(rng, fam.country, avoid=buyer.name), make_party18(rng, fam.country)
    ship = BlindParty(buyer.name, site.street, site.city, site.country, None, None)
    lang, places = _lang(fam), fam.places
    rate = Decimal(TAX_RATES18[fam.country])
    mult = Decimal(_PRICE_SCALE18[fam.currency])
    lines: list[POLine] = []
    ladders: list[list[tuple[int, Decimal]]] = []
    colours: list[tuple[str, tuple[float, float, float]]] = []
    for _ in range(rng.randrange(*fam.lines)):
        sku = f"{rng.choice('ABCDEFHKLMNPRSTW')}{rng.randrange(1000, 9999)}"
        if fam.table == "swatch":
            desc, unit, eur, code, chip = rng.choice(COLOURS18[lang])
            price = _price(rng, eur, mult, places)
            qty = Decimal(rng.choice([1, 2, 3, 4, 5, 6, 8, 10, 12, 15, 20, 25, 40, 60]))
            colours.append((code, chip))
        else:
            desc, unit, eur, bulk = rng.choice(GOODS17[lang])
            price = _price(rng, eur, mult, places)
            pool = [25, 50, 75, 100, 150, 200, 250] if bulk else [1, 2, 3, 4, 5, 6, 8, 10, 12, 15, 20, 24, 30, 50]
            if fam.table == "breaks":
                pool = [1, 2, 3, 4, 6, 8, 10, 12, 15, 20, 24, 30, 36, 50, 60, 100, 120, 150]
            qty = Decimal(rng.choice(pool))
            if fam.table == "breaks":
                steps, offs = rng.choice(LADDERS18)
                ladder = [(s, _half_up(price * (100 - o) / 100, places)) for s, o in zip(steps, offs, strict=True)]
                if mult >= 1000:
                    ladder = [(s, _half_up(p / 1000, 0) * 1000) for s, p in ladder]
                ladders.append(ladder)
                price = next(p for s, p in reversed(ladder) if qty >= s)
        lines.append(POLine(sku, desc, qty, unit, price, None, None, _half_up(qty * price, places)))
    subtotal = sum((ln.amount for ln in lines), Decimal(0))
    tax = _half_up(subtotal * rate / 100, places)
    order_date = date(rng.randrange(2024, 2028), 1, 1) + timedelta(days=rng.randrange(365))
    terms = rng.choice(TERMS18[lang])
    po = BlindPO(_po_number18(rng, fam.country, order_date.year), order_date, buyer, vendor, ship, terms, lines,
                 subtotal, Decimal(0), Decimal(0), Decimal(0), rate, {rate: tax}, tax, subtotal + tax)  # fmt: skip
    cols = ["line_no", "sku", "description", "quantity", "unit", "unit_price", "amount"]
    if rng.random() < 0.4:
        cols.remove("line_no")
    if rng.random() < 0.3:
        cols.remove("sku")
    if fam.table == "breaks":
        cols.insert(cols.index("unit_price"), "ladder")
    elif fam.table == "swatch":
        at = cols.index("description")
        cols[at:at] = ["chip", "colour"]
    elif fam.table == "goodsin":
        cols += ["received", "checked"]
    for ln in lines if "sku" not in cols else []:
        ln.sku = None
    look = {"columns": cols, "dates": rng.choice(DATE_STYLES18.get(fam.country, _DATE_DEFAULT)),
            "numbers": fam.numbers, "totals": "net", "numbered": "line_no" in cols}  # fmt: skip
    windows = ["07:00–11:00", "08:00–12:00", "13:00–16:00", "06:30–09:30"]
    dock = (rng.randrange(1, 9), order_date + timedelta(days=rng.randrange(5, 30)), rng.choice(windows),
            f"DB-{rng.randrange(10000, 99999)}")  # fmt: skip
    officer = f"{rng.choice('ABCDEFHJKLMNPRST')}. {rng.choice(_SURNAMES18[fam.country])}"
    officer += f", {rng.choice(PO_WORDS18[fam.country]['officers'].split('|'))}"
    n = len(lines)
    return Order18(po, look, [Decimal(0)] * n, [], [1] * n, [{} for _ in lines], [], [], ("", order_date, order_date),
                   0, ladders, colours, dock, officer)  # fmt: skip


_SURNAMES18 = {
    "NU": ["Talagi", "Tukuitonga", "Vivian"], "IC": ["Hernández", "Perdomo", "Cabrera"], "AS": ["Fuimaono",
    "Tuiasosopo", "Lutali"], "AI": ["Gumbs", "Richardson", "Hodge"], "TC": ["Misick", "Ewing", "Forbes"],
    "EH": ["El Ouali", "Bouchraya", "Ma El Ainin"], "GG": ["Le Page", "Ozanne", "Le Tissier"], "MF": ["Gumbs",
    "Fleming", "Arrondell"], "MP": ["Camacho", "Tenorio", "Sablan"], "BL": ["Magras", "Greaux", "Lédée"],
    "EA": ["Mohamed", "Vivas", "Imbroda"], "VG": ["Wheatley", "Stoutt", "Smith"], "IR": ["Rahimi", "Karimi",
    "Moradi"], "YE": ["Al-Awlaki", "Bin Salem", "Al-Saqqaf"], "PS": ["Khoury", "Nasser", "Abu Eid"],
    "GF": ["Karam", "Patient", "Serville"],
}  # fmt: skip

_GREY = (0.45, 0.45, 0.45)
_PEN = (0.1, 0.15, 0.55)


class PO18Writer(PO17Writer):
    """Set 17's order writer (its parties, facts, letterhead and ruled header row, through sets 16-12) with this
    set's two copies on a sheet, authorisation box, tables and delivery booking."""

    def __init__(self, rng: random.Random, fam: Blind18Family, order: Order18) -> None:
        self.order, self.po = order, order.po
        self.o17 = order
        self.o18 = order
        self.words = PO_WORDS18[fam.country]
        self.style = order.look["numbers"]
        Sheet12.__init__(self, rng, fam)  # type: ignore[arg-type]
        self.hand = font("Z003-MediumItalic")
        self.dejavu = fam.font.startswith("dejavu-sans")

    def day(self, value: date) -> str:
        return format_day18(value, self.order.look["dates"], self.fam.lang)

    # ------------------------------------------------------------ headers

    def head_twocopy(self) -> None:
        """The top half's head: the title and 'ORIGINAL', the buyer and the order's facts side by side, the supplier
        and the delivery point under them (set close: the order and its copy share one sheet)."""
        w, po, M = self.words, self.po, self.M
        self.t(M, 40, w["title"], 13, bold=True)
        self.t(self.W - M, 40, w["original"], 9, bold=True, align="right", color=(0.55, 0.12, 0.18))
        y1 = self.party(M, 56, w["buyer"], po.buyer, "buyer", size=8)
        facts = self.facts()
        cap_w = max(width(f"{c}:", self.fonts.bold, 8) for c, _v, _n in facts) + 6
        val_w = max(width(v, self.fonts.regular, 8.5) for _c, v, _n in facts)
        yf = self.stacked_facts(self.W - M - cap_w - val_w, 60, facts, cap_w)
        top = max(y1, yf) + 4
        y2 = self.party(M, top, w["vendor"], po.vendor, "vendor", size=8)
        xs = self.W / 2 + 20
        self.t(xs, top, w["ship"], 7, bold=True, color=(0.3, 0.3, 0.3))
        self.t(xs, top + 10, f"{po.ship_to.street}, {po.ship_to.city}", 8)
        self.y = max(y2, top + 20) + 6

    def copy_below(self) -> None:
        """The supplier's copy: the top half's print again in the bottom half (its words unlabelled), a dashed cut
        line between them and 'COPY' for 'ORIGINAL'."""
        page, half = self.pages[0], self.H / 2
        assert len(self.pages) == 1 and self.y < half - 8, "a two-copy order fits the top half"
        ops, words = list(page.ops), list(page.words)
        original = self.words["original"]
        for op in ops:
            if op[0] == "text":
                text = self.words["copy"] if op[3] == original else op[3]
                x = op[1] + (width(original, op[4], op[5]) - width(text, op[4], op[5]) if op[3] == original else 0)
                page.ops.append(("text", x, op[2] + half, text, *op[4:]))
            elif op[0] == "line":
                page.ops.append(("line", op[1], op[2] + half, op[3], op[4] + half, *op[5:]))
            elif op[0] == "rect":
                page.ops.append(("rect", op[1], op[2] + half, *op[3:]))
            elif op[0] == "path":
                page.ops.append(("path", [(x, y + half) for x, y in op[1]], *op[2:]))
            elif op[0] == "circle":
                page.ops.append(("circle", op[1], op[2] + half, *op[3:]))
        for word in words:
            if word["text"] in original.split():
                continue
            x0, y0, x1, y1 = word["pt"]
            page.words.append({**word, "pt": (x0, y0 + half, x1, y1 + half), "tag": "O", "row": None})
        copy = self.words["copy"]
        page.text(self.W - self.M, 40 + half, copy, self.fonts.bold, 9, align="right", color=(0.55, 0.12, 0.18))
        page.ops.pop()  # drawn already with the copied ops: only its words are added here
        x = 16.0
        while x < self.W - 16:
            page.line(x, half, min(x + 6, self.W - 16), half, 0.5, _GREY)
            x += 10
        self.y = self.H - 40

    def head_footsign(self) -> None:
        """The title and the order's number, terms and currency (no date: that is at the foot), the buyer's block on
        the right, the supplier and the delivery point under them."""
        w, po, M = self.words, self.po, self.M
        self.t(M, 52, w["title"], 16, bold=True)
        facts = [f for f in self.facts() if f[2] != "order_date"]
        cap_w = max(width(f"{c}:", self.fonts.bold, 8) for c, _v, _n in facts) + 6
        yf = self.stacked_facts(M, 72, facts, cap_w)
        b = po.buyer
        right = self.W - M
        self.t(right, 50, b.name, 10, bold=True, ent=self.ent("buyer_name"), align="right")
        self.t(right, 61, b.street, 8, align="right")
        self.t(right, 71, b.city, 8, align="right")
        shown = width(str(b.tax_id), self.fonts.regular, 8)
        self.t(right, 81, str(b.tax_id), 8, ent=self.ent("buyer_tax_id"), align="right")
        self.t(right - shown - 4, 81, f"{b.tax_label}:", 8, align="right")
        top = max(yf, 92) + 10
        y1 = self.party(M, top, w["vendor"], po.vendor, "vendor", size=8.5)
        xs = self.W / 2 + 20
        self.t(xs, top, w["ship"], 7.5, bold=True, color=(0.3, 0.3, 0.3))
        self.t(xs, top + 11, po.ship_to.street, 8.5)
        self.t(xs, top + 22, po.ship_to.city, 8.5)
        self.y = max(y1, top + 30) + 12

    def authorisation(self) -> None:
        """The authorisation box at the foot: signature, the officer's name and title, the order's date."""
        w, po, M = self.words, self.po, self.M
        if self.y > self.H - 130:
            self.new_page()
            self.y = 60
        top = self.y + 12
        bw = self.W - 2 * M
        self.page.rect(M, top, bw, 62, line_width=0.8)
        self.page.line(M + bw * 0.45, top, M + bw * 0.45, top + 62, 0.5)
        self.page.line(M + bw * 0.75, top, M + bw * 0.75, top + 62, 0.5)
        self.t(M + 5, top + 10, w["auth"], 7, bold=True, color=(0.3, 0.3, 0.3))
        pts = [(M + 30 + 7 * k, top + 38 + self.rng.uniform(-8, 4)) for k in range(14)]
        self.page.path(pts, 0.9, _PEN)
        self.t(M + bw * 0.45 + 5, top + 10, w["auth_name"], 7, bold=True, color=(0.3, 0.3, 0.3))
        for k, part in enumerate(wrap(self.o18.officer, self.fonts.regular, 8, bw * 0.3 - 10)):
            self.t(M + bw * 0.45 + 5, top + 28 + 10 * k, part, 8)
        self.t(M + bw * 0.75 + 5, top + 10, w["auth_date"], 7, bold=True, color=(0.3, 0.3, 0.3))
        self.t(M + bw * 0.75 + 8, top + 36, self.day(po.order_date), 9.5, ent=self.ent("order_date"))
        self.y = top + 70

    # ------------------------------------------------------------ tables

    def col_specs18(self) -> list[tuple[str, str, float, str]]:
        w = self.words
        caps = {"line_no": ("#", 0.04, "left"), "sku": (w["code"], 0.09, "left"),
                "description": (w["desc"], 0.32, "left"), "quantity": (w["qty"], 0.07, "right"),
                "unit": (w["unit"], 0.06, "left"), "unit_price": (w["price"], 0.11, "right"),
                "amount": (w["amount"], 0.12, "right"), "ladder": (w["breaks"], 0.16, "left"),
                "chip": ("", 0.05, "left"), "colour": (w["colour"], 0.12, "left"),
                "received": (w["received"], 0.09, "left"), "checked": (w["checked"], 0.07, "left")}  # fmt: skip
        cols = self.order.look["columns"]
        total = sum(caps[c][1] for c in cols)
        return [(c, caps[c][0], caps[c][1] / total, caps[c][2]) for c in cols]

    def table18(self) -> None:
        """A ruled table with this set's columns: a price ladder, a colour chip and code, empty receiving cells."""
        specs = self.col_specs18()
        self.head_row14(specs)
        size, lead = 8.0, 10.5
        desc_w = next(share for role, _c, share, _a in specs if role == "description") * self.span - 6
        o = self.o18
        for i, ln in enumerate(self.po.lines):
            desc_lines = wrap(ln.description, self.fonts.regular, size, desc_w)
            rungs = len(o.ladders[i]) if o.ladders else 0
            h = max(lead * len(desc_lines), 9.0 * rungs, 16.0 if o.colours else 0.0) + 4
            if self.y + h > self.H - 70:
                self.new_page()
                self.y = 46
                self.head_row14(specs)
            base = self.y + 8
            x = self.x0
            for role, _cap, share, align in specs:
                cw = share * self.span
                if role == "description":
                    ent = self.ent("description", i)
                    for k, text in enumerate(desc_lines):
                        self.page.text(x + 3, base + lead * k, text, self.fonts.regular, size, entity=ent, row=i)
                elif role == "line_no":
                    self.t(x + 3, base, str(i + 1), size)
                elif role == "ladder":
                    for k, (step, price) in enumerate(o.ladders[i]):
                        hit = price == ln.unit_price
                        self.t(x + 3, base + 9 * k, f"{step}+", 6.5, bold=hit, color=(0.3, 0.3, 0.3))
                        self.t(x + cw - 4, base + 9 * k, self.money(price), 6.5, bold=hit, align="right",
                               color=(0.3, 0.3, 0.3))  # fmt: skip
                elif role == "chip":
                    self.page.rect(x + 3, self.y + 2, min(cw - 6, 16), 12, stroke=(0.5, 0.5, 0.5), fill=o.colours[i][1],
                                   line_width=0.4)  # fmt: skip
                elif role == "colour":
                    for k, part in enumerate(wrap(o.colours[i][0], self.fonts.regular, 7, cw - 6)):
                        self.t(x + 3, base + 8.5 * k, part, 7, color=(0.25, 0.25, 0.25))
                elif role == "received":
                    self.page.line(x + 6, base + 2, x + cw - 6, base + 2, 0.3, _GREY)
                elif role == "checked":
                    self.page.rect(x + cw / 2 - 4, base - 7, 8, 8, stroke=(0.3, 0.3, 0.3), line_width=0.5)
                else:
                    text, name = self.cell(role, i, ln)
                    ax = x + cw - 3 if align == "right" else x + cw / 2 if align == "center" else x + 3
                    self.page.text(ax, base, text, self.fonts.regular, size, align=align,
                                   entity=self.ent(name, i) if name else None, row=i)  # fmt: skip
                x += cw
            self.y += h
            self.page.line(self.x0, self.y - 1, self.x0 + self.span, self.y - 1, 0.25, (0.6, 0.6, 0.6))
        self.y += 8

    def totals18(self) -> None:
        """Subtotal, tax and total in a box; where the territory levies no tax the tax line says so and prints 0."""
        w, po = self.words, self.po
        if self.y > self.H - 130:
            self.new_page()
            self.y = 60
        rate = po.tax_rate or Decimal(0)
        cap = f"{w['tax']} {format_qty13(rate, self.style)}%" if rate else w["notax"]
        rows = [(w["subtotal"], po.subtotal, "subtotal"), (cap, po.tax_total, "tax_total"),
                (w["total"], po.total, "total")]  # fmt: skip
        need = max(width(c, self.fonts.bold, 9) + width(self.money(v), self.fonts.bold, 9) for c, v, _n in rows) + 20
        xr, xl = self.W - self.M, self.W - self.M - max(220, need)
        top = self.y
        for caption, value, name in rows:
            bold = name == "total"
            self.t(xl, self.y + 10, caption, 9, bold=bold)
            self.t(xr, self.y + 10, self.money(value), 9, bold=bold, ent=self.ent(name), align="right")
            self.y += 15
        self.page.rect(xl - 6, top, xr - xl + 10, self.y - top + 4, line_width=0.6)
        self.y += 10

    def receiving(self) -> None:
        """The receiving store's lines under a goods-in table."""
        w = self.words
        if self.y > self.H - 60:
            self.new_page()
            self.y = 60
        self.y += 14
        for k, cap in enumerate((w["goodsin"], w["goodsin_date"])):
            x = self.M + k * 250
            used = self.t(x, self.y, f"{cap}:", 7.5, color=(0.3, 0.3, 0.3))
            self.page.line(x + used + 4, self.y + 1, x + 230, self.y + 1, 0.4, _GREY)
        self.y += 10

    def dock_box(self) -> None:
        """The delivery booking: dock, day, time window, reference (not labelled)."""
        w = self.words
        d, day, window, ref = self.o18.dock
        if self.y > self.H - 80:
            self.new_page()
            self.y = 60
        top = self.y + 6
        span = self.W - 2 * self.M
        self.page.rect(self.M, top, span, 34, stroke=(0.2, 0.35, 0.55), fill=(0.94, 0.96, 0.99), line_width=0.8)
        self.t(self.M + 6, top + 11, w["dock"].upper(), 7.5, bold=True, color=(0.2, 0.35, 0.55))
        text = w["dock_text"].replace("{d}", str(d)).replace("{day}", self.day(day)).replace("{t}", window)
        text = text.replace("{ref}", ref)
        for k, part in enumerate(wrap(text, self.fonts.regular, 8, span - 12)[:2]):
            self.t(self.M + 6, top + 22 + 9 * k, part, 8)
        self.y = top + 40

    def write(self) -> None:
        getattr(self, f"head_{self.fam.header}")()
        self.table18()
        if self.fam.table == "goodsin":
            self.receiving()
        self.totals18()
        if "dock" in self.fam.extras:
            self.dock_box()
        if self.fam.header == "footsign":
            self.authorisation()
            self.page_numbers(self.words["page"])
        else:
            self.copy_below()


def make_blind18_po(seed: int, fam: Blind18Family, doc_id: str | None = None) -> GeneratedDoc:
    return make_set_po(seed, fam, doc_id, set_no=18, sample=sample_po18, writer_of=PO18Writer)


# ---------------------------------------------------------------- contracts

_EN_C18: dict[str, Any] = {
    **CONTRACT17["SH"], "title": "CONTRACT FOR SERVICES", "number": "Contract No.",
    "rates": "The Provider charges the following prices, before any tax:",
    "bid_intro": "The Provider's tendered prices were accepted after the evaluation of the tenders below; the "
                 "Provider's column is the price schedule of this contract (prices before any tax):",
    "bid_cols": ("Service", "Unit"), "awarded": "(awarded)",
    "ann_intro": "The Provider charges the following fixed monthly fees, before any tax (the yearly sums are shown "
                 "for the budget only):",
    "ann_cols": ("Service", "Charged per", "Monthly fee", "Per year"),
    "duty": ("STAMP DUTY PAID", "Receipt No.", "Duty paid", "Date", "Officer"),
    "title_between": "between", "title_and": "and", "roles": ("(the Principal)", "(the Provider)"),
    "dated": "Dated", "contents": "Contents", "schedule_head": "Schedule of prices (clause 4)",
    "retention_head": "7. Retention",
    "retention": "The Principal holds back {p} % of each bill as retention. Half of the sum held is released on "
                 "the first date below and the rest on the second, if the services have been carried out as "
                 "agreed.",
    "release": ("Retention release", "First half", "Second half"),
    "monthly": [("Generator maintenance", "month"), ("Water plant operation", "month"), ("Security guarding",
                "month"), ("Cleaning of offices", "month"), ("IT support retainer", "month"),
                ("Grounds upkeep", "month"), ("Pest control", "month")],
}  # fmt: skip
CONTRACT18: dict[str, dict[str, Any]] = {
    "IO": {**_EN_C18, "title": "SUPPORT SERVICES CONTRACT", "signers": ["Cdr J. Hale", "S. Pillay", "M. Grant"],
           "services": [("Airfield lighting maintenance", "visit"), ("Desalination plant service", "visit"),
                        ("Vehicle servicing", "vehicle"), ("Laundry", "kg"), ("Waste incineration", "tonne"),
                        ("Boat crew", "day")]},
    "PN": {**_EN_C18, "title": "SERVICES AGREEMENT", "signers": ["B. Christian", "S. Warren", "K. Young"],
           "services": [("Longboat transfer", "trip"), ("Cargo handling", "tonne"), ("Road grading", "hour"),
                        ("Radio operation", "day"), ("Guest accommodation", "night")]},
    "AC": {**_EN_C18, "signers": ["P. Thomas", "L. Yon", "D. Leo"],
           "services": [("Airhead handling", "flight"), ("Vehicle hire", "day"), ("Catering", "meal"),
                        ("Water haulage", "load"), ("Electrical repairs", "hour")]},
    "CC": {**_EN_C18, "title": "SERVICES AGREEMENT", "number": "Agreement No.",
           "signers": ["A. Bin Yapat", "R. Clunies-Ross", "M. Anwar"],
           "services": [("Ferry transfer", "trip"), ("Reef survey", "day"), ("Freight handling", "pallet"),
                        ("Plumbing", "hour"), ("Accommodation", "night")]},
    "MS": {**_EN_C18, "signers": ["J. Ryan", "C. Cassell", "E. Greenaway"],
           "services": [("Ash clearance", "hour"), ("Vehicle servicing", "vehicle"), ("Road sweeping", "km"),
                        ("Translation", "page"), ("Laboratory analysis", "sample")]},
    "TK": {**_EN_C18, "title": "SERVICES AGREEMENT", "number": "Agreement No.",
           "signers": ["K. Perez", "F. Tuia", "S. Pasilio"],
           "services": [("Solar array servicing", "visit"), ("Boat charter", "day"), ("Building repairs", "hour"),
                        ("Freight handling", "tonne")]},
    "TA": {**_EN_C18, "title": "SERVICE CONTRACT", "signers": ["I. Lavarello", "J. Glass", "E. Repetto"],
           "services": [("Harbour crane operation", "hour"), ("Vehicle servicing", "vehicle"), ("Rock lobster "
                        "freezing", "tonne"), ("Electrical repairs", "hour")]},
    "CX": {**_EN_C18, "signers": ["L. Chin", "G. Tan", "W. Lee"],
           "services": [("Phosphate haulage", "tonne"), ("Port stevedoring", "hour"), ("Crab migration "
                        "road closures", "day"), ("Vehicle servicing", "vehicle"), ("Building maintenance",
                        "hour")]},
}  # fmt: skip


def _contract_number18(rng: random.Random, country: str, year: int) -> str:
    n = rng.randrange(10, 9999)
    return {"IO": f"BIOTA/C/{year}/{n:04d}", "PN": f"PIO-{year}-{n:03d}", "AC": f"AIG/{n:04d}",
            "CC": f"IOTA-{year}-{n:04d}", "MS": f"GOM/PC/{n:04d}", "TK": f"TK{year % 100}-{n:03d}",
            "TA": f"TDC/{year}/{n:03d}", "CX": f"SIOT-{n:04d}"}[country]  # fmt: skip


@dataclass
class Contract18(Contract17):
    bidders: list[tuple[str, list[Decimal]]]  # the tenderers as printed (the Provider's column among them)
    duty: tuple[str, Decimal, date, str]  # the stamp duty's receipt number, amount, date, officer's initials
    retention: tuple[int, date, date]  # the share held back and its two release dates


def sample_contract18(rng: random.Random, fam: Blind18Family) -> Contract18:
    """A contract of ``fam``: parties, dates, rates (the awarded or monthly ones) and the printed values beside
    them (the other tenders, the stamp duty, the retention)."""
    text = CONTRACT18[fam.country]
    buyer = make_party18(rng, fam.country)
    vendor = make_party18(rng, fam.country, avoid=buyer.name)
    effective = date(rng.randrange(2024, 2028), 1, 1) + timedelta(days=rng.randrange(365))
    mult = Decimal(_PRICE_SCALE18[fam.currency])
    pool = text["monthly"] if fam.table == "annualised" else text["services"]
    picks = rng.sample(pool, rng.randrange(3, min(6, len(pool) + 1)))
    low, high = (80000, 600000) if fam.table == "annualised" else (1500, 60000)
    rates = [(s, u, _half_up(Decimal(rng.randrange(low, high)) / 100 * mult, fam.places)) for s, u in picks]
    term: tuple[int, str] | None = None
    if rng.random() < 0.4:
        term = rng.choice([(6, "months"), (12, "months"), (18, "months"), (1, "years"), (2, "years")])
        months = term[0] * (12 if term[1] == "years" else 1)
        expiry = effective + relativedelta(months=months) - timedelta(days=1)
    else:
        expiry = effective + relativedelta(months=rng.choice([6, 12, 24])) - timedelta(days=1)
    others: list[str] = []
    for _ in range(2):  # two other tenderers, each under a stem of its own
        others.append(make_party18(rng, fam.country, avoid=" ".join([vendor.name, *others])).name)
    bidders = [(name, [_half_up(r * Decimal(rng.randrange(97, 135)) / 100, fam.places) for _s, _u, r in rates])
               for name in others]  # fmt: skip
    bidders.insert(rng.randrange(3), (vendor.name, [r for _s, _u, r in rates]))
    paid = effective - timedelta(days=rng.randrange(2, 20))
    duty = (f"SD/{paid.year % 100}/{rng.randrange(100, 9999):04d}", _half_up(Decimal(rng.choice([5, 10, 25, 50,
            100])) * mult, fam.places), paid, "".join(rng.choice("ABCDEGHJKLMPRST") for _ in range(2)))  # fmt: skip
    middle = effective + relativedelta(months=rng.choice([3, 6]))
    retention = (rng.choice([5, 10]), middle, expiry + timedelta(days=rng.choice([30, 60, 90])))
    signers = (rng.choice(text["signers"]), rng.choice(text["signers"]))
    places = (buyer.city.split(", ")[-1], vendor.city.split(", ")[-1])
    return Contract18(_contract_number18(rng, fam.country, effective.year), effective, expiry, term, buyer, vendor,
                      rng.choice(text["terms"]), rates, None, None, None, signers, places, bidders, duty,
                      retention)  # fmt: skip


class Contract18Writer(Contract17Writer):
    """Set 17's contract writer (its clauses and signatures, through sets 15-12) with this set's stamp-duty
    impression, title page, schedules and retention clause."""

    def __init__(self, rng: random.Random, fam: Blind18Family, model: Contract18) -> None:
        self.model, self.text = model, CONTRACT18[fam.country]
        self.m15 = model  # type: ignore[assignment]
        self.m17 = model
        self.m18 = model
        self.col, self.clauses = -1, []
        self.top = self.bottom = self.left_end = 0.0
        Sheet12.__init__(self, rng, fam)  # type: ignore[arg-type]
        self.hand = font("Z003-MediumItalic")

    def duty_stamp(self) -> None:
        """The stamp-duty impression at the head of the first page: a double-ruled box with the receipt number,
        the duty, the date it was paid and the officer's initials (none of it labelled)."""
        m, text = self.m18, self.text
        number, amount, paid, initials = m.duty
        x, y, bw = self.W - self.M - 200, 26.0, 200.0
        ink = (0.55, 0.12, 0.18)
        self.page.rect(x, y, bw, 62, stroke=ink, line_width=1.3, radius=5)
        self.page.rect(x + 3, y + 3, bw - 6, 56, stroke=ink, line_width=0.4, radius=4)
        head, *caps = text["duty"]
        self.t(x + bw / 2, y + 14, head, 8, bold=True, align="center", color=ink)
        values = (number, f"{self.money(amount)} {self.fam.currency}", self.day(paid), initials)
        for k, (cap, value) in enumerate(zip(caps, values, strict=True)):
            cx, cy = x + 10 + (k % 2) * 95, y + 28 + (k // 2) * 18
            self.t(cx, cy, f"{cap}:", 6.5, color=ink)
            self.t(cx, cy + 9, value, 7.5, color=ink)

    def heading18(self) -> None:
        """The title and the contract number, under the stamp where there is one."""
        text, m = self.text, self.model
        top = 112.0 if self.fam.header == "dutystamp" else 60.0
        self.t(self.W / 2, top, text["title"], 12.5, bold=True, align="center")
        caption = f"{text['number']}"
        total = width(caption, self.fonts.regular, 9) + 4 + width(m.number, self.fonts.regular, 9)
        x = self.W / 2 - total / 2
        x += self.t(x, top + 16, caption, 9) + 4
        self.t(x, top + 16, m.number, 9, ent=self.ent("contract_number"))
        self.y = top + 32

    def title_page(self) -> None:
        """A title page: the title, 'between' the parties with their roles, 'dated', the contents; not labelled
        (the contract names its parties and dates again in clause 1)."""
        text, m = self.text, self.m18
        c = self.W / 2
        self.t(c, 190, text["title"], 18, bold=True, align="center")
        y = 250.0
        self.t(c, y, text["title_between"], 10, align="center", color=_GREY)
        for k, (p, role) in enumerate(((m.buyer, text["roles"][0]), (m.vendor, text["roles"][1]))):
            if k:
                y += 36
                self.t(c, y, text["title_and"], 10, align="center", color=_GREY)
            y += 24
            self.t(c, y, p.name, 13, bold=True, align="center")
            self.t(c, y + 14, role, 9, align="center")
        y += 54
        self.t(c, y, f"{text['dated']} {self.day(m.effective)}", 10, align="center")
        y += 60
        self.page.line(c - 140, y - 12, c + 140, y - 12, 0.5, _GREY)
        self.t(c - 140, y + 4, text["contents"], 10, bold=True)
        entries = [f"{k}. {h}" for k, h in enumerate(text["heads"], start=1)]
        if "retention" in self.fam.extras:
            entries.append(text["retention_head"])
        entries.append(text["schedule_head"])
        for entry in entries:
            y += 15
            self.t(c - 130, y + 4, entry, 9)
        self.new_page()
        self.y = 60

    def schedule17(self) -> None:
        """Clause 4's schedule: the tender evaluation (three tenderers, the Provider's column awarded) or the
        monthly fees with their yearly sums."""
        if self.fam.table == "bidtab":
            self.bid_table()
        else:
            self.annual_table()

    def ruled_row(self, cells: list[tuple[str, Any, str]], shares: list[float], h: float,
                  fill: list[tuple[float, float, float] | None] | None = None, bold: bool = False) -> None:  # fmt: skip
        """A row of ruled cells: (text, entity or None, align) each; a shaded cell where ``fill`` says."""
        M, span = self.M, self.W - 2 * self.M
        x = M
        for k, ((text, ent, align), share) in enumerate(zip(cells, shares, strict=True)):
            cw = share * span
            self.page.rect(x, self.y, cw, h, line_width=0.4, fill=fill[k] if fill else None)
            ax = x + cw - 5 if align == "right" else x + 5
            lines = wrap(text, self.fonts.bold if bold else self.fonts.regular, 8, cw - 10) if not ent else [text]
            for j, part in enumerate(lines):
                size = 8.0 if ent is None or width(part, self.fonts.regular, 8) < cw - 8 else 7.0
                name = self.fonts.bold if bold else self.fonts.regular
                row = ent.row if ent is not None else None
                self.page.text(ax, self.y + 12 + 9 * j, part, name, size, entity=ent, align=align, row=row)
            x += cw
        self.y += h

    def bid_table(self) -> None:
        text, m = self.text, self.m18
        self.flow(text["bid_intro"], {}, self.M, self.W - 2 * self.M, size=9)
        self.y += 2
        shares = [0.31, 0.12, 0.19, 0.19, 0.19]
        at = next(k for k, (name, _r) in enumerate(m.bidders) if name == m.vendor.name)
        shade: list[tuple[float, float, float] | None] = [None, None, None, None, None]
        shade[2 + at] = (0.9, 0.95, 0.88)
        head = [(text["bid_cols"][0], None, "left"), (text["bid_cols"][1], None, "left")]
        for k, (name, _r) in enumerate(m.bidders):
            head.append((f"{name} {text['awarded']}" if k == at else name, None, "left"))
        self.room13(60)
        hh = 10 + 9 * max(len(wrap(c, self.fonts.bold, 8, s * (self.W - 2 * self.M) - 10))
                          for (c, _e, _a), s in zip(head, shares, strict=True))  # fmt: skip
        self.ruled_row(head, shares, hh, fill=[(0.92, 0.92, 0.92)] * 5, bold=True)
        for i, (service, unit, _rate) in enumerate(m.rates):
            self.room13(20)
            cells = [(service, self.ent("description", i), "left"), (unit, self.ent("unit", i), "left")]
            for k, (_name, prices) in enumerate(m.bidders):
                ent = self.ent("unit_price", i) if k == at else None
                cells.append((f"{self.money(prices[i])}", ent, "right"))
            self.ruled_row(cells, shares, 17, fill=shade)
        self.t(self.M, self.y + 10, f"({self.fam.currency})", 7.5, color=_GREY)
        self.y += 18

    def annual_table(self) -> None:
        text, m = self.text, self.m18
        self.flow(text["ann_intro"], {}, self.M, self.W - 2 * self.M, size=9)
        self.y += 2
        shares = [0.42, 0.16, 0.21, 0.21]
        cols = text["ann_cols"]
        head = [(cols[0], None, "left"), (cols[1], None, "left"), (f"{cols[2]} ({self.fam.currency})", None, "right"),
                (f"{cols[3]} ({self.fam.currency})", None, "right")]  # fmt: skip
        self.room13(50)
        self.ruled_row(head, shares, 17, fill=[(0.92, 0.92, 0.92)] * 4, bold=True)
        grey: list[tuple[float, float, float] | None] = [None, None, None, (0.96, 0.96, 0.96)]
        for i, (service, unit, rate) in enumerate(m.rates):
            self.room13(20)
            cells = [(service, self.ent("description", i), "left"), (unit, self.ent("unit", i), "left"),
                     (self.money(rate), self.ent("unit_price", i), "right"),
                     (self.money(rate * 12), None, "right")]  # fmt: skip
            self.ruled_row(cells, shares, 17, fill=grey)
        self.y += 10

    def retention_clause(self) -> None:
        """Clause 7: the share held back and a small table of its two release dates (not labelled)."""
        text, m = self.text, self.m18
        share, first, second = m.retention
        self.room13(90)
        self.t(self.M, self.y + 12, text["retention_head"], 9.5, bold=True)
        self.y += 15
        self.flow(text["retention"].replace("{p}", str(share)), {}, self.M, self.W - 2 * self.M, size=9)
        cap, *halves = text["release"]
        self.t(self.M, self.y + 8, cap, 8, bold=True, color=(0.3, 0.3, 0.3))
        self.y += 12
        for half, day in zip(halves, (first, second), strict=True):
            self.page.rect(self.M, self.y, 260, 15, line_width=0.4)
            self.t(self.M + 5, self.y + 11, half, 8)
            self.t(self.M + 255, self.y + 11, self.day(day), 8, align="right")
            self.y += 15
        self.y += 8

    def write(self) -> None:
        if self.fam.header == "titlepage":
            self.title_page()
        else:
            self.duty_stamp()
        self.heading18()
        self.write_clauses17()
        if "retention" in self.fam.extras:
            self.retention_clause()
        self.signatures17()
        self.page_numbers("")


def make_blind18_contract(seed: int, fam: Blind18Family, doc_id: str | None = None) -> GeneratedDoc:
    doc = make_set_contract(seed, fam, doc_id, set_no=18, sample=sample_contract18, writer_of=Contract18Writer)
    doc.label["features"]["numbers"] = fam.numbers
    doc.label["features"]["rules"] = sorted(fam.extras)
    return doc


# ---------------------------------------------------------------- scans

SCAN_CONDITIONS = ("torn", "shake")


def _torn(img: Image.Image, rng: random.Random) -> Image.Image:
    """A torn edge: a ragged piece of the sheet missing along one side or at a corner, the scanner's dark lid
    showing through, a pale band of torn fibres along the tear."""
    page = img.convert("RGB")
    w, h = page.size
    s = w / 620
    side = rng.choice(["top", "bottom", "left", "right"])
    length = rng.uniform(0.2, 0.5)
    start = rng.uniform(0, 1 - length)
    n = 40
    pts: list[tuple[float, float]] = []
    for k in range(n + 1):
        t = start + length * k / n
        depth = (rng.uniform(4, 16) + 22 * np.sin(np.pi * k / n)) * s
        pts.append((t * w, depth) if side in {"top", "bottom"} else (depth, t * h))
    if side == "bottom":
        pts = [(x, h - y) for x, y in pts]
    elif side == "right":
        pts = [(w - x, y) for x, y in pts]
    edge = {"top": 0.0, "bottom": float(h), "left": 0.0, "right": float(w)}[side]
    ends = ([(pts[-1][0], edge), (pts[0][0], edge)] if side in {"top", "bottom"}
            else [(edge, pts[-1][1]), (edge, pts[0][1])])  # fmt: skip
    out = page.copy()
    draw = ImageDraw.Draw(out)
    draw.line(pts, fill=(236, 233, 226), width=max(2, int(3 * s)))  # the fibres
    draw.polygon(pts + ends, fill=(38, 38, 40))
    return out


def _shake(img: Image.Image, rng: random.Random) -> Image.Image:
    """Camera shake: a phone capture smeared along the hand's movement (the page averaged over a short track in
    one direction), a little soft and noisy."""
    page = np.asarray(img.convert("RGB"), dtype=np.float32)
    w = page.shape[1]
    angle = rng.uniform(0, np.pi)
    length = rng.uniform(2, 4.5) * w / 620  # about 1 to 2 mm of the sheet
    steps = 7
    acc = np.zeros_like(page)
    for k in range(steps):
        d = length * (k / (steps - 1) - 0.5)
        dx, dy = int(round(d * np.cos(angle))), int(round(d * np.sin(angle)))
        acc += np.roll(np.roll(page, dy, axis=0), dx, axis=1)
    acc /= steps
    noise = np.random.default_rng(rng.randrange(2**32)).normal(0, 4, acc.shape)
    out = Image.fromarray(np.clip(acc + noise, 0, 255).astype(np.uint8))
    return out.filter(ImageFilter.GaussianBlur(0.4 * w / 620))


_OWN18 = {"torn": _torn, "shake": _shake}


# this set's own conditions; the earlier sets' through ``blind17.condition17``
condition18 = chain_conditions(_OWN18, condition17)


# ---------------------------------------------------------------- data sets


# one document of a family (the same seed gives the same bytes), and the set's documents written with their labels
make_blind18 = make_by_kind(make_blind18_po, make_blind18_contract)
generate_blind18 = set_generator(18, blind18_families, make_blind18, salt=0xB118, conditioner=condition18)


__all__ = ["BLIND18_SPLITS", "BY_NAME", "FAMILIES", "NEW_STRUCTURES", "SCAN_CONDITIONS", "SPLIT_SEED",
           "blind18_families", "condition18", "format_day18", "generate_blind18", "jalali", "make_blind18",
           "sample_contract18", "sample_po18", "tax_id18", "tax_id_valid18"]  # fmt: skip
