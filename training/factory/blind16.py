"""The sixteenth blind set: purchase orders and contracts written without looking at the extractor, for measuring it.

Sets 1-15 printed Europe but for a few corners, the Caucasus and Central Asia, the Americas' big and middle economies
and much of the Caribbean, East, South and South-East Asia, nearly all of Africa and the Gulf; this set goes to 24
desks none printed: the Federated States of Micronesia, Palau and the Marshall Islands (US dollars; the Marshall
Islands write dates the American way), the Solomon Islands, Kiribati (Australian dollars), Eritrea, Somalia (the
shilling without decimals), South Sudan, Grenada, Saint Lucia and Saint Kitts and Nevis (East Caribbean dollars) in
English, Syria (the pound without decimals), the Central African Republic (CFA francs) and French Polynesia (CFP
francs without decimals) in French, Aruba (florins) and Curaçao (guilders) in Dutch; contracts from Tuvalu, Nauru,
Saint Vincent, Antigua and Barbuda, Dominica and Bermuda in English, Mayotte in French (euros) and Cuba in Spanish
(pesos). Money has the currency's own places from Babel; two tax rates with decimals (Kiribati's and Saint Lucia's
12.5 % VAT). Dates in words are Babel's long format for the document's locale. python-stdnum has a scheme for none
of the countries but Mayotte (its SIRET, Luhn-checked by stdnum): the other tax ids (Micronesia's, Palau's and the
Marshall Islands' tax ids, the Solomon Islands', Kiribati's, Eritrea's, Somalia's and South Sudan's TIN, Syria's
numéro fiscal, the Central African NIF, Aruba's persoonsnummer, Curaçao's CRIB number, French Polynesia's numéro
Tahiti, the Eastern Caribbean and Pacific TINs, Bermuda's company registration number, Cuba's NIT) are drawn in their
printed shape.

Structures no set printed (each named by its family field; both halves print every one of them, each half in other
combinations, so what dev teaches can be measured on test without test repeating dev's papers):
 1. ``memo`` (orders): the order as an inter-office style memorandum: MEMORANDUM, then TO (the supplier's block),
    FROM (a buyer's officer, then the buyer's block), DATE and SUBJECT (the order number) lines, and the order's
    terms, currency and delivery site in one instruction sentence.
 2. ``barcode`` (orders): the order number as a Code-39 barcode (bars, the number between asterisks under them) for
    the goods-in desk, the order's facts in a row of boxed cells, caption over value, under the title.
 3. ``incoterms`` (orders): an Incoterms 2020 strip (eleven boxed terms, one ticked, the named place beside them)
    and a shipping-marks box (a diamond with the buyer's initials, the port, case numbers) under the letterhead.
 4. ``release`` (tables): a release against a blanket order: per line the blanket quantity, the quantity released
    before, this release (the labelled quantity) and the balance left.
 5. ``hscode`` (tables): a customs tariff (HS) column ('8544.49.00') and a country-of-origin column beside the
    description.
 6. ``weights`` (tables): a net-weight column in kilograms (with a decimal) and the total weight under the table.
 7. ``taxflag`` (tables): a one-letter tax code after each amount and its legend under the table ('S = standard
    rated 15 %, Z = zero rated, E = exempt').
 8. ``footnote`` (contract schedules): the rates are footnotes: the rates clause carries note markers and the rates
    stand under a short rule at the foot of that page ('¹ Plumber: 45.00 AUD per hour').
 9. ``checkform`` (contract schedules): a service order form listing the supplier's whole catalogue with a box and a
    rate each; only the ticked services are contracted.
10. ``example`` (contract schedules): the rate table followed by a worked example (quantities x rates = amounts).
11. ``validfrom`` (contract schedules): each rate with the date it applies from in a column beside it.
12. ``initialled`` (contract papers): every page initialled by both parties in boxes at its foot.
13. ``weeks`` (contract extras): the term in weeks ('for a term of 26 weeks'); the expiry is the day before it ends.
Scans: two conditions of this set's own (a strip of clear adhesive tape mending a tear across the page; a dark
streak from dust on an automatic feeder's glass running the page's height) and the earlier sets' through their
public functions (``blind15.condition15``).

The labels are the other sets' (``blind.blind_po_doc``, ``blind2.blind_contract_doc``): a line's ``unit_price`` is
the price as printed, its ``amount`` quantity x price rounded half up to the currency's places. A release's
``quantity`` is this release's. The lines sum to the subtotal; the tax is the subtotal x rate rounded half up;
total = subtotal + tax. Printed but not labelled: the memo's officer, the barcode and its human-readable number, the
Incoterms and shipping marks, the blanket, released-before and balance quantities, the tariff codes and origins,
the weights and their total, the tax codes and their legend, the unticked services and their rates, the worked
example, the valid-from dates and the initials. A contract's label lines are its rates (description, unit, rate).
The families are split once into a ``dev`` and a ``test`` half (``BLIND16_SPLITS``: ``split_by_kind`` with
``SPLIT_SEED``; the names begin with the country so that the split depends on the desks alone). ``ledgerlens data
blind --set 16`` writes them. Written without opening the extractor's code, its results or its benchmarks, and
without running it.
"""

from __future__ import annotations

import random
import re
from collections.abc import Callable
from dataclasses import dataclass
from datetime import date, timedelta
from decimal import Decimal
from pathlib import Path
from typing import Any

import numpy as np
from dateutil.relativedelta import relativedelta
from PIL import Image, ImageDraw, ImageFilter
from stdnum.fr import siret

from training.factory.blind import BlindParty, BlindPO
from training.factory.blind2 import Contract2, write_blind_set
from training.factory.blind3 import split_by_kind
from training.factory.blind12 import Order12, Sheet12
from training.factory.blind13 import format_day13, format_qty13
from training.factory.blind15 import (
    CONTRACT15,
    PO_WORDS15,
    PRODUCTS15,
    Blind15Family,
    Contract15Writer,
    PO15Writer,
    condition15,
)
from training.factory.blindkit import (
    chain_conditions,
    country_party,
    make_set_contract,
    make_set_po,
    scheme_tax_id,
    scheme_tax_id_valid,
    split_families,
)
from training.factory.blindkit import digits as _digits
from training.factory.blindkit import half_up as _half_up
from training.factory.blindkit import shape as _shape
from training.factory.common import GeneratedDoc, family_id
from training.factory.layout import font, width, wrap
from training.factory.po import POLine

# ---------------------------------------------------------------- families


@dataclass(frozen=True)
class Blind16Family(Blind15Family):
    """A set-16 family: set 15's fields. ``header``: memo | barcode | incoterms (orders); clauses | initialled
    (contracts). ``table`` (orders): release | hscode | weights | taxflag; (contracts) the schedule: footnote |
    checkform | example | validfrom. ``extras``: weeks (a contract's term in weeks)."""

    @property
    def family(self) -> str:
        return family_id(f"{self.kind}-blind16", {"name": self.name})

    @property
    def dates(self) -> str:
        return "long"


def _x(*names: str) -> frozenset[str]:
    return frozenset(names)


F = Blind16Family
FAMILIES: list[Blind16Family] = [
    F("aw-inkooporder-memo-nettogewicht", "po", "nl_AW", "AW", "AWG", "memo", "weights", "de", "dejavu-sans",
      "tape"),
    F("kn-purchase-order-incoterms-release", "po", "en_KN", "KN", "XCD", "incoterms", "release", "en",
      "nimbus-sans", "streak", lines=(2, 30)),
    F("sy-bon-de-commande-code-barres-sh", "po", "fr_SY", "SY", "SYP", "barcode", "hscode", "fr", "dejavu-serif",
      "sticky"),
    F("cf-bon-de-commande-incoterms-codes-taxe", "po", "fr_CF", "CF", "XAF", "incoterms", "taxflag", "fr", "c059",
      "tape"),
    F("ki-purchase-order-memo-release", "po", "en_KI", "KI", "AUD", "memo", "release", "en", "p052", "dogear"),
    F("er-purchase-order-barcode-weights", "po", "en_ER", "ER", "ERN", "barcode", "weights", "en",
      "dejavu-sans-condensed", "streak", lines=(2, 36)),
    F("lc-purchase-order-memo-tariff-codes", "po", "en_LC", "LC", "XCD", "memo", "hscode", "en", "nimbus-roman",
      "rollers"),
    F("sb-purchase-order-barcode-tax-codes", "po", "en_SB", "SB", "SBD", "barcode", "taxflag", "en", "urw-gothic",
      "tape"),
    F("pf-bon-de-commande-note-codes-taxe", "po", "fr_PF", "PF", "XPF", "memo", "taxflag", "fr", "dejavu-sans",
      "streak"),
    F("gd-purchase-order-incoterms-tariff", "po", "en_GD", "GD", "XCD", "incoterms", "hscode", "en", "c059",
      "tape", lines=(2, 36)),
    F("ss-purchase-order-barcode-release", "po", "en_SS", "SS", "SSP", "barcode", "release", "en", "nimbus-sans",
      "thumb"),
    F("so-purchase-order-incoterms-weights", "po", "en_SO", "SO", "SOS", "incoterms", "weights", "en",
      "dejavu-serif", "streak"),
    F("mh-purchase-order-memo-weights", "po", "en_MH", "MH", "USD", "memo", "weights", "en", "nimbus-sans-narrow",
      "crumple"),
    F("fm-purchase-order-barcode-tariff", "po", "en_FM", "FM", "USD", "barcode", "hscode", "en", "p052", "tape"),
    F("cw-inkooporder-incoterms-afroep", "po", "nl_CW", "CW", "ANG", "incoterms", "release", "de",
      "dejavu-sans-condensed", "streak", lines=(2, 30)),
    F("pw-purchase-order-memo-tax-codes", "po", "en_PW", "PW", "USD", "memo", "taxflag", "en", "dejavu-sans",
      "sticky"),
    F("dm-services-agreement-rate-notes", "contract", "en_DM", "DM", "XCD", "clauses", "footnote", "en",
      "nimbus-roman", "tape", extras=_x("weeks")),
    F("vc-service-order-form-ticked", "contract", "en_VC", "VC", "XCD", "initialled", "checkform", "en",
      "dejavu-sans", "streak"),
    F("ag-services-agreement-worked-example", "contract", "en_AG", "AG", "XCD", "initialled", "example", "en",
      "p052", "dogear"),
    F("yt-contrat-prix-date-effet", "contract", "fr_YT", "YT", "EUR", "clauses", "validfrom", "fr", "c059",
      "tape", extras=_x("weeks")),
    F("nr-services-agreement-initialled-notes", "contract", "en_NR", "NR", "AUD", "initialled", "footnote", "en",
      "dejavu-serif", "streak"),
    F("cu-orden-de-servicio-casillas", "contract", "es_CU", "CU", "CUP", "clauses", "checkform", "fr",
      "nimbus-sans", "tape", extras=_x("weeks")),
    F("bm-services-agreement-example-weeks", "contract", "en_BM", "BM", "BMD", "clauses", "example", "en",
      "urw-gothic", "streak", extras=_x("weeks")),
    F("tv-services-agreement-valid-from", "contract", "en_TV", "TV", "AUD", "initialled", "validfrom", "en",
      "nimbus-sans", "rollers"),
]  # fmt: skip
BY_NAME = {f.name: f for f in FAMILIES}
# The split: within each kind, the family names sorted, shuffled with random.Random(SPLIT_SEED), the first half
# (rounded up) to dev. Fixed once, before any document of the set was generated.
SPLIT_SEED = 1616
BLIND16_SPLITS: dict[str, list[str]] = split_by_kind(FAMILIES, SPLIT_SEED)  # type: ignore[arg-type]


def blind16_families(split: str = "all") -> list[Blind16Family]:
    return split_families(BLIND16_SPLITS, BY_NAME, split)


def format_day16(day: date, style: str, lang: str) -> str:
    """A date as the document prints it: set 13's styles (``blind13.format_day13``; 'long' Babel's long format)."""
    return format_day13(day, style, lang)


# ---------------------------------------------------------------- tax ids


def _siret_ok(value: str) -> bool:
    return re.fullmatch(r"\d{14}", value) is not None and bool(siret.is_valid(value))


# country -> (caption, a draw of the printed id, the check of its printed shape)
TAX_SCHEMES16: dict[str, tuple[str, Callable[[random.Random], str], Callable[[str], bool]]] = {
    "FM": ("Tax ID", lambda r: _digits(r, 3) + "-" + _digits(r, 4), _shape(r"\d{3}-\d{4}")),
    "PW": ("TIN", lambda r: "P" + _digits(r, 6), _shape(r"P\d{6}")),
    "MH": ("Tax ID", lambda r: "MH-" + _digits(r, 5), _shape(r"MH-\d{5}")),
    "SB": ("TIN", lambda r: "1" + _digits(r, 8), _shape(r"1\d{8}")),
    "KI": ("TIN", lambda r: "K" + _digits(r, 7), _shape(r"K\d{7}")),
    "ER": ("TIN", lambda r: "E" + _digits(r, 8), _shape(r"E\d{8}")),
    "SO": ("TIN", lambda r: "SO" + _digits(r, 8), _shape(r"SO\d{8}")),
    "SS": ("TIN", lambda r: "2" + _digits(r, 9), _shape(r"2\d{9}")),
    "SY": ("N° fiscal", lambda r: _digits(r, 6) + "/" + _digits(r, 2), _shape(r"\d{6}/\d{2}")),
    "CF": ("NIF", lambda r: "RCA" + _digits(r, 7), _shape(r"RCA\d{7}")),
    "AW": ("Persoonsnr.", lambda r: "1" + _digits(r, 7), _shape(r"1\d{7}")),
    "CW": ("CRIB", lambda r: "10" + _digits(r, 7), _shape(r"10\d{7}")),
    "PF": ("N° Tahiti", lambda r: r.choice("ABCDEFGH") + _digits(r, 5), _shape(r"[A-H]\d{5}")),
    "GD": ("TIN", lambda r: "GD" + _digits(r, 6), _shape(r"GD\d{6}")),
    "LC": ("TIN", lambda r: "0" + _digits(r, 6), _shape(r"0\d{6}")),
    "KN": ("TIN", lambda r: "KN" + _digits(r, 7), _shape(r"KN\d{7}")),
    "TV": ("TIN", lambda r: "TV" + _digits(r, 5), _shape(r"TV\d{5}")),
    "NR": ("TIN", lambda r: "NR" + _digits(r, 6), _shape(r"NR\d{6}")),
    "VC": ("TIN", lambda r: "VC" + _digits(r, 6), _shape(r"VC\d{6}")),
    "AG": ("TIN", lambda r: "AG" + _digits(r, 7), _shape(r"AG\d{7}")),
    "DM": ("TIN", lambda r: "DM" + _digits(r, 6), _shape(r"DM\d{6}")),
    "BM": ("Reg. No.", lambda r: "EC" + _digits(r, 5), _shape(r"EC\d{5}")),
    "YT": ("SIRET", lambda r: _digits(r, 14), _siret_ok),
    "CU": ("NIT", lambda r: "0" + _digits(r, 10), _shape(r"0\d{10}")),
}  # fmt: skip


def tax_id_valid16(country: str, value: str) -> bool:
    """``value`` (without spaces) has its scheme's printed shape (Mayotte's SIRET also its Luhn check)."""
    return scheme_tax_id_valid(TAX_SCHEMES16, country, value)


def tax_id16(rng: random.Random, country: str) -> str:
    """A tax id of ``country``'s scheme, drawn in its printed shape."""
    return scheme_tax_id(TAX_SCHEMES16, rng, country)


TAX_RATES16 = {"FM": "5", "PW": "10", "MH": "4", "SB": "10", "KI": "12.5", "ER": "5", "SO": "5", "SS": "18",
               "SY": "10", "CF": "19", "AW": "7", "CW": "6", "PF": "16", "GD": "15", "LC": "12.5",
               "KN": "17"}  # fmt: skip
DATE_STYLES16 = {
    "MH": ("long", "dmony"),
    "CW": ("dmy_dash", "long"),
    "AW": ("dmy_dash", "long"),
    "SY": ("dmy_slash", "long"),
    "CF": ("dmy_slash", "long"),
    "PF": ("dmy_slash", "long"),
}
_DATE_DEFAULT = ("dmy_slash", "long", "dmony")
# a currency's prices against the euro's
_PRICE_SCALE16 = {"USD": "1.1", "SBD": "9", "AUD": "1.65", "ERN": "16", "SOS": "620", "SSP": "1400",
                  "SYP": "14000", "XAF": "656", "AWG": "1.95", "ANG": "1.95", "XPF": "119", "XCD": "2.9",
                  "BMD": "1.1", "EUR": "1", "CUP": "26"}  # fmt: skip

# ---------------------------------------------------------------- parties

# country -> (stems, trades, legal forms, how a name is written)
PARTIES16: dict[str, tuple[list[str], list[str], list[str], str]] = {
    "FM": (["Pohnpei", "Chuuk Lagoon", "Kosrae", "Yap"], ["Trading", "Supply", "Builders"], ["Inc.", "Corp."],
           "{stem} {trade} {form}"),
    "PW": (["Koror", "Rock Islands", "Babeldaob", "Peleliu"], ["Hardware", "Trading", "Marine Supply"], ["Inc.",
           "Co."], "{stem} {trade} {form}"),
    "MH": (["Majuro", "Ebeye", "Kwajalein", "Laura"], ["Supply", "General Merchandise", "Construction"], ["Inc.",
           "Corporation"], "{stem} {trade} {form}"),
    "SB": (["Honiara", "Guadalcanal", "Malaita", "Gizo"], ["Trading", "Hardware", "Wholesalers"], ["Ltd",
           "Limited"], "{stem} {trade} {form}"),
    "KI": (["Tarawa", "Betio", "Kiritimati", "Abemama"], ["Trading", "Stores", "Supplies"], ["Ltd", "Co-op Ltd"],
           "{stem} {trade} {form}"),
    "ER": (["Asmara", "Massawa", "Keren", "Red Sea"], ["Trading", "Import", "Engineering"], ["PLC", "Share Co."],
           "{stem} {trade} {form}"),
    "SO": (["Mogadishu", "Shabelle", "Berbera", "Juba Valley"], ["Trading", "General Supplies", "Logistics"],
           ["Co. Ltd", "Group"], "{stem} {trade} {form}"),
    "SS": (["Juba", "White Nile", "Malakal", "Equatoria"], ["Supplies", "Trading", "Construction"], ["Co. Ltd",
           "Ltd"], "{stem} {trade} {form}"),
    "SY": (["Damas", "Oronte", "Alep", "Lattaquié"], ["Fournitures", "Commerce", "Industries"], ["SARL", "SA"],
           "{trade} {stem} {form}"),
    "CF": (["Oubangui", "Bangui", "Sangha", "Lobaye"], ["Fournitures", "Équipements", "Négoce"], ["SARL", "SA"],
           "{trade} {stem} {form}"),
    "AW": (["Oranjestad", "Arikok", "Palm Beach", "Savaneta"], ["Handelmaatschappij", "Bouwmaterialen",
           "Groothandel"], ["N.V.", "V.B.A."], "{trade} {stem} {form}"),
    "CW": (["Willemstad", "Punda", "Christoffel", "Otrobanda"], ["Handelsonderneming", "Technische Handel",
           "Groothandel"], ["N.V.", "B.V."], "{trade} {stem} {form}"),
    "PF": (["Tahiti", "Moorea", "Raiatea", "Papeete"], ["Distribution", "Matériaux", "Équipements"], ["SARL",
           "SAS"], "{stem} {trade} {form}"),
    "GD": (["Spice Isle", "St. George's", "Grand Anse", "Carriacou"], ["Hardware", "Trading", "Supplies"], ["Ltd.",
           "Limited"], "{stem} {trade} {form}"),
    "LC": (["Pitons", "Castries", "Soufrière", "Rodney Bay"], ["Trading", "Distributors", "Hardware"], ["Ltd.",
           "Inc."], "{stem} {trade} {form}"),
    "KN": (["Basseterre", "Nevis Peak", "Brimstone", "Frigate Bay"], ["Trading", "Supplies", "Builders"],
           ["Ltd.", "Limited"], "{stem} {trade} {form}"),
    "TV": (["Funafuti", "Nukufetau", "Vaitupu", "Nanumea"], ["Services", "Technical Services", "Maintenance"],
           ["Ltd", "Co-operative"], "{stem} {trade} {form}"),
    "NR": (["Anibare", "Yaren", "Buada", "Menen"], ["Services", "Engineering", "Maintenance"], ["Pty Ltd", "Ltd"],
           "{stem} {trade} {form}"),
    "VC": (["Kingstown", "Bequia", "La Soufrière", "Grenadines"], ["Services", "Maintenance", "Facility Services"],
           ["Ltd.", "Inc."], "{stem} {trade} {form}"),
    "AG": (["English Harbour", "St. John's", "Barbuda", "Falmouth"], ["Maintenance", "Technical Services",
           "Property Services"], ["Ltd.", "Limited"], "{stem} {trade} {form}"),
    "DM": (["Roseau", "Morne Diablotin", "Portsmouth", "Trafalgar"], ["Services", "Maintenance", "Engineering"],
           ["Ltd.", "Limited"], "{stem} {trade} {form}"),
    "BM": (["Hamilton", "Somerset", "St. David's", "Harrington Sound"], ["Facility Services", "Engineering",
           "Maintenance"], ["Ltd.", "Limited"], "{stem} {trade} {form}"),
    "YT": (["Mamoudzou", "Petite-Terre", "Lagon", "Combani"], ["Services", "Maintenance", "Entretien"], ["SARL",
           "SAS"], "{trade} {stem} {form}"),
    "CU": (["Habana", "Varadero", "Camagüey", "Cienfuegos"], ["Servicios Técnicos", "Mantenimiento",
           "Construcciones"], ["S.A.", "MIPYME S.R.L."], "{trade} {stem} {form}"),
}  # fmt: skip
PLACES16: dict[str, list[tuple[str, str, str]]] = {
    "FM": [("Kolonia, Pohnpei FM 96941", "P.O. Box 1220", "Kaselehlie Street"), ("Weno, Chuuk FM 96942",
           "P.O. Box 310", "Nepukos Road")],
    "PW": [("Koror PW 96940", "P.O. Box 1220", "Main Street"), ("Airai PW 96940", "P.O. Box 88", "Airai Road")],
    "MH": [("Majuro MH 96960", "P.O. Box 1220", "Lagoon Road"), ("Ebeye MH 96970", "P.O. Box 410", "Ocean Road")],
    "SB": [("Honiara", "P.O. Box 1220", "Mendana Avenue"), ("Gizo", "P.O. Box 48", "Middenway Road")],
    "KI": [("Betio, Tarawa", "P.O. Box 220", "Causeway Road"), ("Bairiki, Tarawa", "P.O. Box 41", "Bairiki Road")],
    "ER": [("Asmara", "P.O. Box 1220", "Harnet Avenue"), ("Massawa", "P.O. Box 310", "Port Road")],
    "SO": [("Mogadishu", "P.O. Box 1220", "Maka Al Mukarama Road"), ("Kismayo", "P.O. Box 88", "Port Road")],
    "SS": [("Juba", "P.O. Box 1220", "Ministries Road"), ("Wau", "P.O. Box 88", "Market Road")],
    "SY": [("Damas", "B.P. 1220", "Rue Al-Hamra"), ("Alep", "B.P. 3310", "Rue Baron")],
    "CF": [("Bangui", "BP 1220", "Avenue Barthélemy Boganda"), ("Berbérati", "BP 88", "Route de Carnot")],
    "AW": [("Oranjestad", "", "L.G. Smith Boulevard"), ("San Nicolas", "", "Bernhardstraat")],
    "CW": [("Willemstad", "", "Schottegatweg Oost"), ("Willemstad", "", "Heerenstraat")],
    "PF": [("98714 Papeete", "BP 1220", "Boulevard Pomare"), ("98735 Uturoa", "BP 88", "Route de Tevaitoa")],
    "GD": [("St. George's", "P.O. Box 1220", "Young Street"), ("Grenville", "P.O. Box 88", "Victoria Street")],
    "LC": [("Castries", "P.O. Box 1220", "Jeremie Street"), ("Vieux Fort", "P.O. Box 88", "New Dock Road")],
    "KN": [("Basseterre", "P.O. Box 1220", "Bay Road"), ("Charlestown, Nevis", "P.O. Box 88", "Main Street")],
    "TV": [("Vaiaku, Funafuti", "P.O. Box 220", "Fakaifou Road"), ("Funafuti", "P.O. Box 41", "Tefoga Road")],
    "NR": [("Aiwo District", "P.O. Box 220", "Island Ring Road"), ("Yaren District", "P.O. Box 41", "Civic Road")],
    "VC": [("Kingstown", "P.O. Box 1220", "Bay Street"), ("Port Elizabeth, Bequia", "P.O. Box 88", "Front Street")],
    "AG": [("St. John's", "P.O. Box 1220", "Redcliffe Street"), ("All Saints", "P.O. Box 88", "Main Road")],
    "DM": [("Roseau", "P.O. Box 1220", "King George V Street"), ("Portsmouth", "P.O. Box 88", "Bay Street")],
    "BM": [("Hamilton HM 11", "", "Front Street"), ("Somerset MA 02", "", "Mangrove Bay Road")],
    "YT": [("97600 Mamoudzou", "BP 220", "Rue du Commerce"), ("97615 Pamandzi", "BP 41", "Boulevard des Crabes")],
    "CU": [("La Habana", "", "Calle 23 e/ L y M"), ("Santiago de Cuba", "", "Calle Enramadas")],
}  # fmt: skip


def make_party16(rng: random.Random, country: str, avoid: str = "") -> BlindParty:
    """A company of ``country``: its name from the country's stems, trades and legal forms, an address, a tax id."""
    return country_party(rng, country, avoid, PARTIES16, PLACES16, TAX_SCHEMES16)


# ---------------------------------------------------------------- order words

_MORE_EN = {
    "memo": "MEMORANDUM", "to": "TO", "from": "FROM", "cc": "CC", "mdate": "DATE", "subject": "SUBJECT",
    "subj": "Purchase Order No.", "please": "Please supply the goods below, payment {terms}, prices in {cur}, "
    "delivered to {site}.", "officer": "Procurement Officer", "goods_in": "Goods-in: scan on receipt",
    "incoterms": "Incoterms® 2020", "place": "Named place", "marks": "Shipping marks", "cases": "C/No. 1-{n}",
    "blanket": "Blanket qty", "prior": "Released before", "this": "This release", "balance": "Balance",
    "release_of": "Release against blanket order {ref}", "hs": "HS code", "origin": "Origin", "netwt": "Net wt kg",
    "totwt": "Total net weight: {w} kg", "taxcode": "Tax", "legend": "Tax codes: S = standard rated {r} %, "
    "Z = zero rated, E = exempt",
}  # fmt: skip
_MORE_FR = {
    "memo": "NOTE DE SERVICE", "to": "À", "from": "DE", "cc": "COPIE", "mdate": "DATE", "subject": "OBJET",
    "subj": "Bon de commande n°", "please": "Veuillez livrer les articles ci-dessous, règlement {terms}, prix en "
    "{cur}, livraison à {site}.", "officer": "Responsable des achats", "goods_in": "Réception : scanner à l'arrivée",
    "incoterms": "Incoterms® 2020", "place": "Lieu convenu", "marks": "Marquage des colis", "cases": "Colis 1-{n}",
    "blanket": "Qté cadre", "prior": "Déjà appelé", "this": "Appel actuel", "balance": "Solde",
    "release_of": "Appel sur commande cadre {ref}", "hs": "Code SH", "origin": "Origine", "netwt": "Poids net kg",
    "totwt": "Poids net total : {w} kg", "taxcode": "Taxe", "legend": "Codes taxe : S = taux normal {r} %, "
    "Z = taux zéro, E = exonéré",
}  # fmt: skip
_NL = {
    **PO_WORDS15["LA"], "title": "INKOOPORDER", "number": "Ordernummer", "date": "Orderdatum",
    "buyer": "Opdrachtgever", "vendor": "Leverancier", "terms": "Betalingsconditie", "currency": "Valuta",
    "code": "Artikelnr.", "desc": "Omschrijving", "qty": "Aantal", "unit": "Eenh.", "price": "Prijs p/e",
    "amount": "Bedrag", "subtotal": "Subtotaal", "tax": "BBO", "total": "Totaal", "ship": "Afleveradres",
    "page": "Pagina", "no": "Nr.",
    "memo": "MEMO", "to": "AAN", "from": "VAN", "cc": "CC", "mdate": "DATUM", "subject": "BETREFT",
    "subj": "Inkooporder nr.", "please": "Gaarne onderstaande goederen leveren, betaling {terms}, prijzen in {cur}, "
    "af te leveren aan {site}.", "officer": "Inkoper", "goods_in": "Goederenontvangst: scannen bij ontvangst",
    "incoterms": "Incoterms® 2020", "place": "Plaats", "marks": "Verzendmerken", "cases": "Colli 1-{n}",
    "blanket": "Raamorder", "prior": "Eerder afgeroepen", "this": "Deze afroep", "balance": "Restant",
    "release_of": "Afroep op raamorder {ref}", "hs": "GS-code", "origin": "Oorsprong", "netwt": "Netto kg",
    "totwt": "Totaal nettogewicht: {w} kg", "taxcode": "Btw", "legend": "Belastingcodes: S = normaal tarief {r} %, "
    "Z = nultarief, E = vrijgesteld",
}  # fmt: skip
_EN16 = {**PO_WORDS15["LA"], **_MORE_EN}
_FR16 = {**PO_WORDS15["TD"], **_MORE_FR}
PO_WORDS16: dict[str, dict[str, str]] = {
    "FM": {**_EN16, "tax": "Sales Tax"}, "PW": {**_EN16, "tax": "PGST"}, "MH": {**_EN16, "tax": "Sales Tax"},
    "SB": {**_EN16, "tax": "GST"}, "KI": {**_EN16, "tax": "VAT"}, "ER": {**_EN16, "tax": "Sales Tax"},
    "SO": {**_EN16, "tax": "Sales Tax"}, "SS": {**_EN16, "tax": "VAT"}, "SY": {**_FR16, "tax": "Taxe"},
    "CF": {**_FR16}, "AW": {**_NL}, "CW": {**_NL, "tax": "OB"}, "PF": {**_FR16},
    "GD": {**_EN16, "tax": "VAT"}, "LC": {**_EN16, "tax": "VAT"}, "KN": {**_EN16, "tax": "VAT"},
}  # fmt: skip
TERMS16: dict[str, list[tuple[str, int]]] = {
    "en": [("net 30 days", 30), ("30 days from invoice", 30), ("cash on delivery", 0), ("net 45 days", 45)],
    "fr": [("à 30 jours fin de mois", 30), ("à réception de facture", 0), ("à 45 jours", 45)],
    "nl": [("30 dagen na factuurdatum", 30), ("contant bij levering", 0), ("binnen 14 dagen", 14)],
}  # fmt: skip
PRODUCTS16: dict[str, list[tuple[str, str, int, bool, str]]] = {
    **PRODUCTS15,
    "nl": [("Klamboe, geïmpregneerd, dubbel", "st", 40, False, "balen"),
           ("Zonnelamp met telefoonlader", "st", 12, False, "dozen"),
           ("Rijst, voorgekookt, zak 25 kg", "zak", 40, False, "pallets"),
           ("Waterzuiveringstabletten, strip van 10", "strip", 200, False, "dozen"),
           ("Golfplaat 0,3 mm x 3 m", "plaat", 25, False, "bundels"),
           ("Dieselmotorolie SAE 40", "ltr", 20, True, "vaten"),
           ("Koperkabel 2,5 mm2 massief", "m", 100, True, "haspels"),
           ("Schrift 96 pagina's", "st", 100, False, "dozen"),
           ("Latex handschoenen, doos van 100", "doos", 10, False, "dozen"),
           ("Gegalvaniseerde spijkers 75 mm", "kg", 25, True, "zakken")],
}  # fmt: skip
# a good's typical price in euros, its HS code and its net weight in kg a unit, by its place in each list
_EUR16 = ("7.5", "14", "21", "0.9", "8.5", "3.2", "1.4", "0.7", "6.5", "2.4")
HS16 = ("6304.91.00", "8513.10.00", "1006.30.00", "3808.94.00", "7210.41.00", "2710.19.81", "8544.49.93",
        "4820.20.00", "4015.19.00", "7317.00.90")  # fmt: skip
KG16 = ("0.55", "0.9", "25.2", "0.02", "7.6", "0.9", "0.025", "0.28", "0.72", "1")
ORIGINS16 = ("CN", "IN", "TH", "VN", "MY", "AU", "US", "FR", "ID", "JP")
PORTS16 = {"FM": "Pohnpei", "PW": "Malakal", "MH": "Majuro", "SB": "Honiara", "KI": "Betio", "ER": "Massawa",
           "SO": "Mogadishu", "SS": "Juba", "SY": "Lattaquié", "CF": "Bangui", "AW": "Oranjestad", "CW": "Willemstad",
           "PF": "Papeete", "GD": "St. George's", "LC": "Castries", "KN": "Basseterre"}  # fmt: skip
INCOTERMS = ("EXW", "FCA", "CPT", "CIP", "DAP", "DPU", "DDP", "FAS", "FOB", "CFR", "CIF")
_OFFICERS16 = {"en": ["J. Falcam", "T. Remengesau", "K. Kabua", "M. Sogavare", "T. Tito", "A. Mohamed",
                      "D. Mitchell", "P. Joseph", "L. Liburd", "S. Haile"],
               "fr": ["R. Nguérékata", "F. Temaru", "A. Kassem", "B. Yakité", "H. Tetuanui"],
               "nl": ["R. Croes", "M. Wever", "E. Eman", "G. Rojer"]}  # fmt: skip


def _lang(fam: Blind16Family) -> str:
    return fam.lang[:2]


def _po_number16(rng: random.Random, country: str, year: int) -> str:
    n = rng.randrange(100, 99999)
    return {"FM": f"FSM-PO-{n:05d}", "PW": f"PO{year % 100}-{n % 9999:04d}", "MH": f"{year}-{n:05d}",
            "SB": f"LPO {n:06d}", "KI": f"PO/{year}/{n % 9999:04d}", "ER": f"{n:06d}", "SO": f"PO-{n:05d}",
            "SS": f"JUB/PO/{n % 9999:04d}", "SY": f"BC-{n % 9999:04d}/{year % 100}", "CF": f"{n % 9999:04d}/{year}",
            "AW": f"IO-{year}-{n % 9999:04d}", "CW": f"{year}{n:05d}", "PF": f"BC{n:06d}",
            "GD": f"PO-{n:06d}", "LC": f"LC{year % 100}/{n % 9999:04d}", "KN": f"PO {n:05d}"}[country]  # fmt: skip


@dataclass
class Order16(Order12):
    extra: list[dict[str, str]]  # a line's printed, unlabelled facts (blanket, prior, balance, hs, origin, kg)
    officer: str
    incoterm: str
    place: str
    blanket_ref: str


def sample_po16(rng: random.Random, fam: Blind16Family) -> Order16:
    """An order of ``fam``: parties, lines (quantity x price rounded half up), totals and the printed extras."""
    buyer = make_party16(rng, fam.country)
    vendor, site = make_party16(rng, fam.country, avoid=buyer.name), make_party16(rng, fam.country)
    ship = BlindParty(buyer.name, site.street, site.city, site.country, None, None)
    places, lang = fam.places, _lang(fam)
    rate = Decimal(TAX_RATES16[fam.country])
    mult = Decimal(_PRICE_SCALE16[fam.currency])
    lines: list[POLine] = []
    extra: list[dict[str, str]] = []
    for _ in range(rng.randrange(*fam.lines)):
        k = rng.randrange(len(PRODUCTS16[lang]))
        desc, unit, _per, bulk, _what = PRODUCTS16[lang][k]
        price = _half_up(Decimal(_EUR16[k]) * Decimal(rng.randrange(70, 140)) / 100 * mult, places)
        price = price or Decimal(1).scaleb(-places)
        if bulk and rng.random() < 0.4:
            qty = Decimal(format((Decimal(rng.randrange(50, 20000)).scaleb(-rng.choice([1, 2]))).normalize(), "f"))
        else:
            qty = Decimal(rng.choice([1, 2, 3, 5, 6, 10, 12, 20, 24, 40, 50, 80, 100, 200]))
        sku = f"{rng.choice('ABCDEFGHKMPRSTX')}{rng.randrange(100, 999)}-{rng.randrange(10, 99)}"
        lines.append(POLine(sku, desc, qty, unit, price, None, None, _half_up(qty * price, places)))
        blanket = (qty * rng.choice([3, 4, 5, 6, 8, 10])).normalize()
        prior = _half_up(blanket * Decimal(rng.randrange(0, 60)) / 100, 0 if qty == qty.to_integral() else 1)
        kg = _half_up(qty * Decimal(KG16[k]), 1)
        extra.append({"blanket": format(blanket, "f"), "prior": format(prior, "f"),
                      "balance": format((blanket - prior - qty).normalize(), "f"), "hs": HS16[k],
                      "origin": rng.choice(ORIGINS16), "kg": format(max(kg, Decimal("0.1")), "f")})  # fmt: skip
    subtotal = sum((ln.amount for ln in lines), Decimal(0))
    tax = _half_up(subtotal * rate / 100, places)
    order_date = date(rng.randrange(2024, 2028), 1, 1) + timedelta(days=rng.randrange(365))
    terms = rng.choice(TERMS16[lang])
    po = BlindPO(_po_number16(rng, fam.country, order_date.year), order_date, buyer, vendor, ship, terms, lines,
                 subtotal, Decimal(0), Decimal(0), Decimal(0), rate, {rate: tax}, tax, subtotal + tax)  # fmt: skip
    cols = ["line_no", "sku", "description", "quantity", "unit", "unit_price", "amount"]
    if rng.random() < 0.4:
        cols.remove("line_no")
    if rng.random() < 0.35 or fam.table == "release":
        cols.remove("sku")
    at = cols.index("quantity")
    if fam.table == "release":
        cols[at : at + 1] = ["blanket", "prior", "quantity", "balance"]
    elif fam.table == "hscode":
        cols[cols.index("description") + 1 : cols.index("description") + 1] = ["hs", "origin"]
    elif fam.table == "weights":
        cols.insert(cols.index("unit") + 1, "kg")
    elif fam.table == "taxflag":
        cols.append("taxcode")
    for ln in lines if "sku" not in cols else []:
        ln.sku = None
    look = {"columns": cols, "dates": rng.choice(DATE_STYLES16.get(fam.country, _DATE_DEFAULT)),
            "numbers": fam.numbers, "totals": "net", "numbered": "line_no" in cols}  # fmt: skip
    incoterm = rng.choice(["FOB", "CIF", "CFR", "DAP", "FCA", "EXW", "DDP"])
    place = PORTS16[fam.country]
    ref = f"BO-{order_date.year - rng.choice([0, 1])}-{rng.randrange(10, 999):03d}"
    n = len(lines)
    return Order16(po, look, [Decimal(0)] * n, [], [1] * n, extra, rng.choice(_OFFICERS16[lang]), incoterm, place,
                   ref)  # fmt: skip


_GREY = (0.45, 0.45, 0.45)
_PEN = (0.1, 0.15, 0.55)

# Code 39: each character's nine elements (bar, space, bar ...), 1 wide, 0 narrow
_CODE39 = {
    "0": "000110100", "1": "100100001", "2": "001100001", "3": "101100000", "4": "000110001", "5": "100110000",
    "6": "001110000", "7": "000100101", "8": "100100100", "9": "001100100", "A": "100001001", "B": "001001001",
    "C": "101001000", "D": "000011001", "E": "100011000", "F": "001011000", "G": "000001101", "H": "100001100",
    "I": "001001100", "J": "000011100", "K": "100000011", "L": "001000011", "M": "101000010", "N": "000010011",
    "O": "100010010", "P": "001010010", "Q": "000000111", "R": "100000110", "S": "001000110", "T": "000010110",
    "U": "110000001", "V": "011000001", "W": "111000000", "X": "010010001", "Y": "110010000", "Z": "011010000",
    "-": "010000101", ".": "110000100", " ": "011000100", "/": "010101000", "*": "010010100",
}  # fmt: skip


class PO16Writer(PO15Writer):
    """Set 15's order writer (its parties, facts, letterhead and totals, through sets 14-12) with this set's headers
    and tables."""

    def __init__(self, rng: random.Random, fam: Blind16Family, order: Order16) -> None:
        self.order, self.po = order, order.po
        self.o16 = order
        self.words = PO_WORDS16[fam.country]
        self.style = order.look["numbers"]
        Sheet12.__init__(self, rng, fam)  # type: ignore[arg-type]
        self.hand = font("Z003-MediumItalic")
        self.dejavu = fam.font.startswith("dejavu-sans")

    def day(self, value: date) -> str:
        return format_day13(value, self.order.look["dates"], self.fam.lang)

    # ------------------------------------------------------------ headers

    def head_memo(self) -> None:
        """MEMORANDUM; TO (the supplier), FROM (an officer, then the buyer), DATE and SUBJECT lines between rules;
        the terms, currency and delivery site in one sentence."""
        w, po, M = self.words, self.po, self.M
        self.t(M, 52, w["memo"], 18, bold=True)
        self.t(self.W - M, 52, w["title"], 9, bold=True, align="right", color=_GREY)
        self.page.line(M, 60, self.W - M, 60, 1.2)
        cap_x, x = M, M + 78
        y = 78.0
        self.t(cap_x, y, f"{w['to']}:", 9, bold=True)
        y = self.party(x, y, "", po.vendor, "vendor", size=8.5) + 6
        self.t(cap_x, y, f"{w['from']}:", 9, bold=True)
        self.t(x, y, f"{self.o16.officer}, {w['officer']}", 8.5)
        y = self.party(x, y + 12, "", po.buyer, "buyer", size=8.5) + 6
        self.t(cap_x, y, f"{w['mdate']}:", 9, bold=True)
        self.t(x, y, self.day(po.order_date), 8.5, ent=self.ent("order_date"))
        y += 14
        self.t(cap_x, y, f"{w['subject']}:", 9, bold=True)
        used = self.t(x, y, w["subj"], 8.5, bold=True) + 4
        self.t(x + used, y, po.number, 8.5, bold=True, ent=self.ent("po_number"))
        self.page.line(M, y + 8, self.W - M, y + 8, 0.6)
        self.y = y + 12
        site = f"{po.ship_to.street}, {po.ship_to.city}"
        values = {"terms": (po.terms[0], "payment_terms"), "cur": (self.fam.currency, "currency"),
                  "site": (site, None)}  # fmt: skip
        self.flow(w["please"], values, M, self.W - 2 * M, size=9)
        self.y += 6

    def bars(self, x: float, y: float, text: str, h: float, narrow: float) -> float:
        """``text`` as Code 39 between its start and stop characters; returns the width drawn."""
        x0 = x
        for ch in f"*{text.upper()}*":
            pattern = _CODE39.get(ch, _CODE39["-"])
            for k, wide in enumerate(pattern):
                step = narrow * (2.5 if wide == "1" else 1)
                if k % 2 == 0:
                    self.page.rect(x, y, step, h, stroke=None, fill=(0, 0, 0))
                x += step
            x += narrow  # the gap between characters
        return x - x0

    def head_barcode(self) -> None:
        """The buyer's letterhead on the left; the order number as a barcode on the right; the title and the facts
        in a row of boxed cells (caption over value); the supplier and the delivery site under them."""
        w, po, M = self.words, self.po, self.M
        b = po.buyer
        self.t(M, 50, b.name, 12.5, bold=True, ent=self.ent("buyer_name"))
        self.t(M, 62, f"{b.street}, {b.city}", 8)
        x = M + self.t(M, 73, f"{b.tax_label}:", 8) + 4
        self.t(x, 73, str(b.tax_id), 8, ent=self.ent("buyer_tax_id"))
        narrow = 0.7
        need = sum((len(_CODE39["0"]) + 3 * 1.5 + 1) * narrow for _ch in f"*{po.number}*")
        narrow = min(narrow, 190 / need * narrow)
        drawn = self.bars(self.W - M - 190, 34, po.number, 26, narrow)
        self.t(self.W - M - 190 + drawn / 2, 70, f"*{po.number.upper()}*", 7, align="center")
        self.t(self.W - M - 190 + drawn / 2, 79, w["goods_in"], 6, align="center", color=_GREY)
        self.t(self.W / 2, 104, w["title"], 15, bold=True, align="center")
        facts = self.facts()
        span = self.W - 2 * M
        cw = span / len(facts)
        for k, (cap, value, name) in enumerate(facts):
            x = M + k * cw
            self.page.rect(x, 112, cw, 30, line_width=0.6)
            self.t(x + 4, 121, cap, 6.5, color=_GREY)
            size = 8.5 if width(value, self.fonts.regular, 8.5) < cw - 8 else 7
            self.t(x + 4, 135, value, size, ent=self.ent(name))
        half = span / 2
        y1 = self.party(M, 160, w["vendor"], po.vendor, "vendor", size=8.5)
        self.t(M + half, 160, w["ship"], 7.5, bold=True, color=(0.3, 0.3, 0.3))
        self.t(M + half, 171, po.ship_to.street, 8.5)
        self.t(M + half, 182, po.ship_to.city, 8.5)
        self.y = max(y1, 190) + 12

    def head_incoterms(self) -> None:
        """Set 15's letterhead (the facts stacked on the right), then the Incoterms strip (one term ticked, the
        named place) and the shipping-marks box."""
        self.head_slip()
        w, M, o = self.words, self.M, self.o16
        top = self.y
        self.t(M, top + 8, w["incoterms"], 7.5, bold=True)
        x = M
        y = top + 14
        for term in INCOTERMS:
            self.page.rect(x, y, 26, 14, line_width=0.5)
            self.t(x + 13, y + 10, term, 6.5, align="center")
            if term == o.incoterm:
                self.page.line(x + 2, y + 2, x + 24, y + 12, 1.0, _PEN)
                self.page.line(x + 2, y + 12, x + 24, y + 2, 1.0, _PEN)
            x += 28
        self.t(M, y + 26, f"{w['place']}:", 7.5)
        self.page.text(M + 60, y + 26, o.place, self.hand, 11, color=_PEN)
        bx, bw = self.W - M - 130, 130
        self.page.rect(bx, top, bw, 58, line_width=0.6)
        self.t(bx + 4, top + 8, w["marks"], 6.5, color=_GREY)
        cx, cy = bx + 40, top + 32
        for (ax, ay), (bx2, by2) in (((cx - 24, cy), (cx, cy - 16)), ((cx, cy - 16), (cx + 24, cy)),
                                     ((cx + 24, cy), (cx, cy + 16)), ((cx, cy + 16), (cx - 24, cy))):  # fmt: skip
            self.page.line(ax, ay, bx2, by2, 0.8)
        initials = "".join(p[0] for p in self.po.buyer.name.split()[:3] if p[:1].isalpha()).upper()[:3]
        self.t(cx, cy + 3, initials, 9, bold=True, align="center")
        self.t(bx + 72, top + 26, o.place.upper(), 7, bold=True)
        self.t(bx + 72, top + 37, w["cases"].replace("{n}", str(max(1, len(self.po.lines) // 2))), 7)
        self.y = top + 66

    # ------------------------------------------------------------ tables

    def col_specs16(self) -> list[tuple[str, str, float, str]]:
        w = self.words
        caps = {"line_no": (w["no"], 0.05, "left"), "sku": (w["code"], 0.1, "left"),
                "description": (w["desc"], 0.32, "left"), "quantity": (w["this"] if self.fam.table == "release"
                else w["qty"], 0.08, "right"), "unit": (w["unit"], 0.07, "left"),
                "unit_price": (w["price"], 0.12, "right"), "amount": (w["amount"], 0.13, "right"),
                "blanket": (w["blanket"], 0.08, "right"), "prior": (w["prior"], 0.08, "right"),
                "balance": (w["balance"], 0.08, "right"), "hs": (w["hs"], 0.11, "left"),
                "origin": (w["origin"], 0.06, "left"), "kg": (w["netwt"], 0.08, "right"),
                "taxcode": (w["taxcode"], 0.04, "left")}  # fmt: skip
        cols = self.order.look["columns"]
        total = sum(caps[c][1] for c in cols)
        return [(c, caps[c][0], caps[c][1] / total, caps[c][2]) for c in cols]

    def cell16(self, role: str, i: int, ln: POLine) -> tuple[str, str | None]:
        extra = self.o16.extra[i]
        if role in {"blanket", "prior", "balance", "kg"}:
            return (format_qty13(Decimal(extra[role]), self.style), None)
        if role in {"hs", "origin"}:
            return (extra[role], None)
        if role == "taxcode":
            return ("S", None)
        return self.cell(role, i, ln)

    def table16(self) -> None:
        """The ruled table with this set's columns; the release's reference over it, the total weight or the tax
        codes' legend under it."""
        w, o = self.words, self.o16
        if self.fam.table == "release":
            self.t(self.x0, self.y + 6, w["release_of"].replace("{ref}", o.blanket_ref), 8.5, bold=True)
            self.y += 14
        specs = self.col_specs16()
        self.head_row14(specs)
        size, lead = 8.0, 10.5
        desc_w = next(share for role, _c, share, _a in specs if role == "description") * self.span - 6
        for i, ln in enumerate(self.po.lines):
            desc_lines = wrap(ln.description, self.fonts.regular, size, desc_w)
            h = lead * len(desc_lines) + 4
            if self.y + h > self.H - 70:
                self.new_page()
                self.y = 46
                self.head_row14(specs)
            base = self.y + 8
            x = self.x0
            for role, _cap, share, align in specs:
                cw = share * self.span
                if role == "description":
                    for k, text in enumerate(desc_lines):
                        self.page.text(x + 3, base + lead * k, text, self.fonts.regular, size,
                                       entity=self.ent("description", i), row=i)  # fmt: skip
                elif role == "line_no":
                    self.t(x + 3, base, str(i + 1), size)
                else:
                    text, name = self.cell16(role, i, ln)
                    ax = x + cw - 3 if align == "right" else x + 3
                    ink = (0, 0, 0) if name or role == "taxcode" else (0.3, 0.3, 0.3)
                    self.page.text(ax, base, text, self.fonts.regular, size, align=align, color=ink,
                                   entity=self.ent(name, i) if name else None, row=i)  # fmt: skip
                x += cw
            self.y += h
            self.page.line(self.x0, self.y - 1, self.x0 + self.span, self.y - 1, 0.25, (0.6, 0.6, 0.6))
        self.y += 8
        if self.fam.table == "weights":
            total = sum((Decimal(e["kg"]) for e in o.extra), Decimal(0))
            self.t(self.x0, self.y + 2, w["totwt"].replace("{w}", format_qty13(total, self.style)), 8, bold=True)
            self.y += 14
        if self.fam.table == "taxflag":
            rate = format_qty13(self.po.tax_rate or Decimal(0), self.style)
            self.t(self.x0, self.y + 2, w["legend"].replace("{r}", rate), 7, color=_GREY)
            self.y += 12

    def write(self) -> None:
        getattr(self, f"head_{self.fam.header}")()
        self.table16()
        self.totals()
        self.page_numbers(self.words["page"])


def make_blind16_po(seed: int, fam: Blind16Family, doc_id: str | None = None) -> GeneratedDoc:
    return make_set_po(seed, fam, doc_id, set_no=16, sample=sample_po16, writer_of=PO16Writer)


# ---------------------------------------------------------------- contracts

_EN_C: dict[str, Any] = {
    **CONTRACT15["BB"], "title": "SERVICES AGREEMENT", "number": "Agreement No.",
    "weeks": "The agreement runs for a term of {n} weeks from the date it takes effect.",
    "notes": "The Contractor charges the rates set out in the notes at the foot of this page{marks}.",
    "note": "{service}: {cur} {rate} per {unit}",
    "form": "SERVICE ORDER – tick the services ordered", "form_note": "Only the services ticked are ordered; the "
    "rates of the others are for information.",
    "example": "Worked example (for illustration only, not a commitment):", "times": "x",
    "from": "Valid from", "initials": "Initials", "client": "Client", "contractor": "Contractor",
    "services": [("Generator servicing", "visit"), ("Air-conditioning maintenance", "unit"),
                 ("Electrician", "hour"), ("Office cleaning", "month"), ("Security guard", "shift"),
                 ("Plumber", "hour"), ("Pest control", "treatment")],
}  # fmt: skip
_FR_C: dict[str, Any] = {
    **CONTRACT15["MR"], "title": "CONTRAT DE PRESTATION DE SERVICES", "number": "Contrat n°",
    "weeks": "Le contrat est conclu pour une durée de {n} semaines à compter de sa prise d'effet.",
    "notes": "Le Prestataire applique les prix indiqués en notes au bas de la présente page{marks}.",
    "note": "{service} : {rate} {cur} par {unit}",
    "form": "BON DE SERVICE – cocher les prestations commandées", "form_note": "Seules les prestations cochées sont "
    "commandées ; les autres prix sont donnés à titre indicatif.",
    "example": "Exemple de calcul (à titre indicatif, sans engagement) :", "times": "x",
    "from": "Applicable du", "initials": "Paraphes", "client": "Client", "contractor": "Prestataire",
    "services": [("Entretien des groupes électrogènes", "visite"), ("Maintenance des climatiseurs", "appareil"),
                 ("Électricien", "heure"), ("Nettoyage des bureaux", "mois"), ("Gardiennage", "vacation"),
                 ("Plombier", "heure")],
}  # fmt: skip
_ES_C: dict[str, Any] = {
    **CONTRACT15["GQ"], "title": "ORDEN DE SERVICIO Y CONTRATO", "number": "Contrato n.º",
    "weeks": "El contrato se celebra por un plazo de {n} semanas a partir de su entrada en vigor.",
    "notes": "El Prestador cobra los precios indicados en las notas al pie de esta página{marks}.",
    "note": "{service}: {rate} {cur} por {unit}",
    "form": "ORDEN DE SERVICIO – marque los servicios contratados", "form_note": "Solo se contratan los servicios "
    "marcados; los demás precios son informativos.",
    "example": "Ejemplo de cálculo (solo ilustrativo, sin compromiso):", "times": "x",
    "from": "Vigente desde", "initials": "Rúbricas", "client": "Cliente", "contractor": "Prestador",
    "services": [("Mantenimiento de grupos electrógenos", "visita"), ("Mantenimiento de aire acondicionado",
                 "equipo"), ("Electricista", "hora"), ("Limpieza de oficinas", "mes"), ("Vigilancia", "turno"),
                 ("Fontanero", "hora")],
}  # fmt: skip
CONTRACT16: dict[str, dict[str, Any]] = {
    "TV": {**_EN_C}, "NR": {**_EN_C, "title": "SERVICES AGREEMENT", "number": "Contract Ref."},
    "VC": {**_EN_C, "title": "SERVICE ORDER FORM AND AGREEMENT", "number": "Order Form No."},
    "AG": {**_EN_C, "title": "MAINTENANCE SERVICES AGREEMENT"}, "DM": {**_EN_C},
    "BM": {**_EN_C, "title": "FACILITY SERVICES AGREEMENT", "number": "Agreement Ref."},
    "YT": {**_FR_C}, "CU": {**_ES_C},
}  # fmt: skip
_SUPERSCRIPT = "¹²³⁴⁵⁶⁷⁸⁹"


def _contract_number16(rng: random.Random, country: str, year: int) -> str:
    n = rng.randrange(10, 9999)
    return {"TV": f"TV/SA/{n:04d}", "NR": f"NR-{year}-{n:04d}", "VC": f"SOF-{n:05d}", "AG": f"AG/{year % 100}/{n:04d}",
            "DM": f"{n:04d}/{year}", "BM": f"BM-FSA-{n:04d}", "YT": f"{year}-{n:04d}/CPS",
            "CU": f"OS-{n:04d}-{year}"}[country]  # fmt: skip


@dataclass
class Contract16(Contract2):
    catalogue: list[tuple[str, str, Decimal, bool]]  # the order form's services: (service, unit, rate, ticked)
    valid_from: list[date]  # each rate's first day
    example_qty: list[int]  # the worked example's quantity of each rate


def sample_contract16(rng: random.Random, fam: Blind16Family) -> Contract16:
    """A contract of ``fam``: parties, dates (a term in weeks, months or years: the expiry the day before it ends),
    rates (in the catalogue's order) and the values printed beside them."""
    text = CONTRACT16[fam.country]
    buyer = make_party16(rng, fam.country)
    vendor = make_party16(rng, fam.country, avoid=buyer.name)
    effective = date(rng.randrange(2024, 2028), 1, 1) + timedelta(days=rng.randrange(365))
    mult = Decimal(_PRICE_SCALE16[fam.currency])
    services = text["services"]
    ticked = sorted(rng.sample(range(len(services)), rng.randrange(2, min(5, len(services)) + 1)))
    catalogue = [(s, u, _half_up(Decimal(rng.randrange(1500, 80000)) / 100 * mult, fam.places), k in ticked)
                 for k, (s, u) in enumerate(services)]  # fmt: skip
    rates = [(s, u, r) for s, u, r, on in catalogue if on]
    term: tuple[int, str] | None = None
    if "weeks" in fam.extras:
        term = (rng.choice([4, 6, 8, 12, 13, 16, 26, 52]), "weeks")
        expiry = effective + timedelta(weeks=term[0]) - timedelta(days=1)
    else:
        expiry = effective + relativedelta(months=rng.choice([6, 12, 24])) - timedelta(days=1)
    valid = [effective + timedelta(days=rng.choice([0, 0, 30, 61, 92])) for _ in rates]
    return Contract16(_contract_number16(rng, fam.country, effective.year), effective, expiry, term, buyer, vendor,
                      rng.choice(text["terms"]), rates, catalogue, valid,
                      [rng.choice([2, 3, 4, 6, 8, 10]) for _ in rates])  # fmt: skip


class Contract16Writer(Contract15Writer):
    """Set 15's contract writer (its clauses and signatures, through sets 14-12) with this set's schedules and
    initialled pages."""

    PAGE_H = 841.89

    def __init__(self, rng: random.Random, fam: Blind16Family, model: Contract16) -> None:
        self.model, self.text = model, CONTRACT16[fam.country]
        self.m15 = model  # type: ignore[assignment]
        self.m16 = model
        self.col, self.clauses = -1, []
        self.top = self.bottom = self.left_end = 0.0
        Sheet12.__init__(self, rng, fam)  # type: ignore[arg-type]
        self.hand = font("Z003-MediumItalic")

    def day(self, value: date) -> str:
        return format_day13(value, "long", self.fam.lang)

    def new_page(self) -> Any:
        self.H = self.PAGE_H  # a page whose foot holds rate notes keeps its text above them; the next one not
        return super().new_page()

    def term_sentence(self) -> tuple[str, dict[str, tuple[str, str | None]]]:
        if self.model.term and self.model.term[1] == "weeks":
            return self.text["weeks"].replace("{n}", str(self.model.term[0])), {}
        return super().term_sentence()

    # ------------------------------------------------------------ schedules

    def schedule14(self) -> None:
        table = self.fam.table
        if table == "footnote":
            self.footnotes()
        elif table == "checkform":
            self.checkform()
        elif table == "validfrom":
            self.flow(self.text["rates"], {}, self.M, self.W - 2 * self.M, size=9)
            self.ruled((self.text["cols"][2], self.text["from"]), [self.day(d) for d in self.m16.valid_from],
                       label_last=False)  # fmt: skip
        else:
            self.flow(self.text["rates"], {}, self.M, self.W - 2 * self.M, size=9)
            self.rate_table(self.text["cols"])
            if table == "example":
                self.example()

    def footnotes(self) -> None:
        """The rates clause points to notes; the rates stand under a short rule at this page's foot."""
        rows = self.rate_rows()
        reserve = 18 + 13 * len(rows)
        self.room13(60 + reserve)
        marks = "".join(_SUPERSCRIPT[k] for k in range(len(rows)))
        self.flow(self.text["notes"].replace("{marks}", f" {marks}"), {}, self.M, self.W - 2 * self.M, size=9)
        top = self.PAGE_H - 56 - 13 * len(rows)
        self.page.line(self.M, top - 16, self.M + 120, top - 16, 0.5)
        for k, (service, unit, rate, i) in enumerate(rows):
            vals = {"service": (service, "description", i), "rate": (rate, "unit_price", i),
                    "cur": (self.fam.currency, None), "unit": (unit, "unit", i)}  # fmt: skip
            y0 = self.y
            self.y = top + 13 * k - 8
            self.t(self.M, self.y + 6, _SUPERSCRIPT[k], 7)
            self.flow(self.text["note"], vals, self.M + 8, self.W - 2 * self.M - 8, size=8, lead=1.2)
            self.y = y0
        self.H = top - 16 + 60  # the text of this page stops above the notes (``flow`` breaks at H - 70)

    def checkform(self) -> None:
        """The supplier's catalogue as an order form: a box, the service, its unit and rate a row; the ordered
        services ticked (their rows labelled), the others printed for information."""
        text, M = self.text, self.M
        span = self.W - 2 * M
        self.room13(40 + 18 * len(self.m16.catalogue))
        self.page.rect(M, self.y, span, 16, fill=(0.9, 0.9, 0.86), line_width=0.5)
        self.t(M + 4, self.y + 11, text["form"], 8.5, bold=True)
        self.y += 16
        cols = text["cols"]
        shares = (0.08, 0.5, 0.2, 0.22)
        x = M + shares[0] * span
        for k, cap in enumerate((cols[0], cols[1], f"{cols[2]} ({self.fam.currency})")):
            right = k == 2
            cw = shares[1 + k] * span
            self.t(x + cw - 4 if right else x + 3, self.y + 10, cap, 7.5, bold=True, align="right" if right else "left")
            x += cw
        self.y += 14
        i = 0
        for service, unit, rate, on in self.m16.catalogue:
            self.page.rect(M, self.y, span, 17, line_width=0.4)
            self.page.rect(M + 8, self.y + 4, 9, 9, line_width=0.6)
            row = i if on else None
            if on:
                self.page.line(M + 9, self.y + 8, M + 12, self.y + 12, 1.2, _PEN)
                self.page.line(M + 12, self.y + 12, M + 19, self.y + 2, 1.2, _PEN)
            x = M + shares[0] * span
            self.page.text(x + 3, self.y + 12, service, self.fonts.regular, 8.5, row=row,
                           entity=self.ent("description", i) if on else None)  # fmt: skip
            x += shares[1] * span
            self.page.text(x + 3, self.y + 12, unit, self.fonts.regular, 8.5, row=row,
                           entity=self.ent("unit", i) if on else None)  # fmt: skip
            x += shares[2] * span
            self.page.text(x + shares[3] * span - 4, self.y + 12, self.money(rate), self.fonts.regular, 8.5, row=row,
                           entity=self.ent("unit_price", i) if on else None, align="right")  # fmt: skip
            self.y += 17
            i += 1 if on else 0
        self.y += 4
        self.flow(text["form_note"], {}, M, span, size=8)

    def example(self) -> None:
        """A worked example under the rate table: each rate times a quantity, the amounts and their sum."""
        text, M = self.text, self.M
        self.room13(30 + 12 * len(self.model.rates))
        self.t(M, self.y + 8, text["example"], 8, bold=True, color=_GREY)
        self.y += 12
        total = Decimal(0)
        for (service, unit, rate), n in zip(self.model.rates, self.m16.example_qty, strict=True):
            amount = _half_up(rate * n, self.fam.places)
            total += amount
            self.t(M + 12, self.y + 8, f"{service}: {n} {unit} {text['times']} {self.money(rate)} = "
                   f"{self.money(amount)}", 8, color=_GREY)  # fmt: skip
            self.y += 11
        self.t(M + 12, self.y + 8, f"= {self.money(total)} {self.fam.currency}", 8, bold=True, color=_GREY)
        self.y += 16

    def initials(self) -> None:
        """Every page initialled by both parties: two small boxes at the foot, the initials in pen."""
        text, M = self.text, self.M
        marks = ["".join(p[0] for p in party.name.split()[:2] if p[:1].isalpha()).upper()
                 for party in (self.model.buyer, self.model.vendor)]  # fmt: skip
        for page in self.pages:
            y = page.height - 48
            page.text(M, y + 12, f"{text['initials']}:", self.fonts.regular, 7, color=_GREY)
            for k, (cap, mark) in enumerate(zip((text["client"], text["contractor"]), marks, strict=True)):
                x = M + 50 + k * 90
                page.rect(x, y, 80, 18, line_width=0.5)
                page.text(x + 3, y + 7, cap, self.fonts.regular, 5.5, color=_GREY)
                page.text(x + 40, y + 15, mark, self.hand, 12 + self.rng.uniform(-1, 1), color=_PEN)

    def write(self) -> None:
        self.heading()
        self.write_clauses()
        self.signatures()
        if self.fam.header == "initialled":
            self.initials()
        self.page_numbers("")


def make_blind16_contract(seed: int, fam: Blind16Family, doc_id: str | None = None) -> GeneratedDoc:
    doc = make_set_contract(seed, fam, doc_id, set_no=16, sample=sample_contract16, writer_of=Contract16Writer)
    doc.label["features"]["numbers"] = fam.numbers
    return doc


# ---------------------------------------------------------------- scans

SCAN_CONDITIONS = ("tape", "streak")


def _tape(img: Image.Image, rng: random.Random) -> Image.Image:
    """A strip of clear adhesive tape mending a tear: a thin dark tear line across part of the page and over it a
    slightly yellow, glossy band with brighter edges, a little askew."""
    page = img.convert("RGB")
    w, h = page.size
    band = rng.uniform(0.035, 0.05) * h
    y0 = rng.uniform(0.3, 0.75) * h
    tilt = rng.uniform(-0.04, 0.04) * w
    x0, x1 = rng.uniform(-0.05, 0.2) * w, rng.uniform(0.6, 1.05) * w
    tear = ImageDraw.Draw(page)
    pts, x = [], x0 + 0.05 * w
    while x < x1 - 0.05 * w:
        pts.append((x, y0 + band / 2 + tilt * (x / w) + rng.uniform(-2, 2)))
        x += w / 60
    if len(pts) > 1:
        tear.line(pts, fill=(90, 90, 90), width=max(1, int(w / 700)))
    mask = Image.new("L", page.size, 0)
    poly = [(x0, y0), (x1, y0 + tilt * (x1 - x0) / w), (x1, y0 + band + tilt * (x1 - x0) / w), (x0, y0 + band)]
    ImageDraw.Draw(mask).polygon(poly, fill=255)
    mask = mask.filter(ImageFilter.GaussianBlur(1.2))
    m = np.asarray(mask, dtype=np.float32)[..., None] / 255
    arr = np.asarray(page, dtype=np.float32)
    tint = np.array([248, 240, 205], dtype=np.float32)
    arr = arr * (1 - 0.22 * m) + tint * 0.22 * m  # the tape's yellow film
    edge = np.asarray(mask.filter(ImageFilter.FIND_EDGES), dtype=np.float32)[..., None] / 255
    arr = arr + 60 * edge  # the glossy edges
    return Image.fromarray(np.clip(arr, 0, 255).astype(np.uint8))


def _streak(img: Image.Image, rng: random.Random) -> Image.Image:
    """Dust on an automatic feeder's glass: one or two thin dark streaks the page's whole height at fixed x (the
    sensor sees the speck on every line), faint at the edges."""
    arr = np.asarray(img.convert("RGB"), dtype=np.float32).copy()
    h, w = arr.shape[:2]
    for _ in range(rng.randrange(1, 3)):
        x = int(rng.uniform(0.1, 0.9) * w)
        wide = rng.randrange(1, 4)
        dark = rng.uniform(0.25, 0.6)
        along = 1 - 0.3 * np.abs(np.sin(np.linspace(0, rng.uniform(2, 6), h)))[:, None]  # the speck's wobble
        for k in range(-1, wide + 1):
            if 0 <= x + k < w:
                strength = dark * (0.5 if k in (-1, wide) else 1.0)
                arr[:, x + k, :] *= 1 - strength * along
    return Image.fromarray(np.clip(arr, 0, 255).astype(np.uint8))


_OWN16 = {"tape": _tape, "streak": _streak}


# this set's own conditions; the earlier sets' through ``blind15.condition15``
condition16 = chain_conditions(_OWN16, condition15)


# ---------------------------------------------------------------- data sets


def make_blind16(seed: int, fam: Blind16Family, doc_id: str | None = None) -> GeneratedDoc:
    """One document of ``fam``; the same seed gives the same bytes."""
    return (make_blind16_po if fam.kind == "po" else make_blind16_contract)(seed, fam, doc_id)


def generate_blind16(n: int, out: Path, seed: int, scanned_share: float = 0.0, split: str = "all") -> list[Path]:
    """Write ``n`` documents of the sixteenth blind set's ``split`` (dev, test or all) with their labels to ``out``.
    A scanned document gets its family's own scan condition or, one time in three, the factory's plain scan."""
    return write_blind_set(n, out, seed, scanned_share, split, blind16_families(split), make_blind16, set_no=16,
                           salt=0xB116, conditioner=condition16)  # fmt: skip


__all__ = ["BLIND16_SPLITS", "BY_NAME", "FAMILIES", "SCAN_CONDITIONS", "SPLIT_SEED", "blind16_families",
           "condition16", "format_day16", "generate_blind16", "make_blind16", "sample_contract16", "sample_po16",
           "tax_id16", "tax_id_valid16"]  # fmt: skip
