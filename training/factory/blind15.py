"""The fifteenth blind set: purchase orders and contracts written without looking at the extractor, for measuring it.

Sets 1-14 printed Europe but for a few corners, the Caucasus and Central Asia, the Americas' big and middle economies
and much of the Caribbean, East, South and South-East Asia, most of Africa and the Gulf; this set goes to 24 desks
none printed: Laos, Bhutan, Afghanistan, Iraq, Libya, Sudan, Liberia, Sierra Leone and Belize in English, Chad,
Niger, the Republic of the Congo and Gabon in French (CFA francs without decimals), Cabo Verde, São Tomé and
Príncipe and Guinea-Bissau in Portuguese (escudos and dobras with two decimals, CFA francs without); contracts from
Equatorial Guinea in Spanish, Mauritania, Benin and the Comoros in French (ouguiya with two decimals, CFA and Comorian
francs without), the Bahamas, Barbados, the Cayman Islands and the Gambia in English. Money has the currency's own
places from Babel (the Libyan dinar's three, the kip's, afghani's and Iraqi dinar's none); two tax rates with
decimals (the Congo's 18.9 % TVA with its additional centimes, Belize's 12.5 % GST) and one of none (Libya). Dates in
words are Babel's long format for the document's locale ('5 mars 2026', '5 de março de 2026', '5 de marzo de 2026');
the deeds' dates are ordinal words, new to the project ('the fifth day of March 2026'). python-stdnum has a scheme
for none of the 24 countries: their tax ids (Laos's TIN, Bhutan's TPN, Afghanistan's TIN, Iraq's TIN, Libya's tax
number, Sudan's TIN, Chad's NIF, Niger's NIF, the Congo's NIU, Gabon's NIF, Cabo Verde's, São Tomé's and
Guinea-Bissau's NIF, Liberia's, Sierra Leone's and Belize's TIN, Equatorial Guinea's NIF, Mauritania's NIF, Benin's
IFU, the Bahamas' TIN, Barbados' TIN, the Cayman Islands' registration number, the Gambia's TIN, the Comoros' NIF)
are drawn in their printed shape.

Structures no set printed (each named by its family field):
 1. ``keygrid`` (orders): a logo box with the buyer's initials on the left, the order's facts as a two-column
    key/value grid of ruled cells on the right (shaded caption cell, value cell), a few unlabelled facts among them.
 2. ``requisition`` (orders): the internal purchase requisition the order was raised from, boxed at the head of the
    page (its own number, department, requester, date required, budget line, a priority checkbox row and an
    approvals strip with handwritten initials), then the order under a rule.
 3. ``slip`` (orders): a tear-off acknowledgement slip at the foot of the last page under a dashed cut line,
    repeating the order's number, date and total for the supplier to sign and return.
 4. ``pack`` (tables): a pack column beside the quantity ('6 × 24': cartons times units a carton); the quantity is
    the units.
 5. ``packaging`` (tables): each goods row followed by its packaging row in grey italics (cartons, pallets, drums,
    returnable or not), unpriced.
 6. ``zbar`` (tables): an order form with pre-printed, numbered rows; the rows left empty struck out with a pen's
    Z across them (so nothing can be added).
 7. ``dualcur`` (tables): a reference column with each line's value in a second currency (euros for the CFA franc,
    the escudo and the dobra; US dollars for the kip, the Liberian and the Belize dollar) and the reference rate in
    a note under the table.
 8. ``faq`` (contracts): a plain-language agreement set as questions and answers ('Who are the parties?', 'What will
    it cost?'), each question in bold beside a 'Q' marker, each answer indented beside an 'A'.
 9. ``minutes`` (contracts): minutes of a negotiation meeting (the place and date, the people present for each side
    in a table, the points agreed), the agreed rates in the schedule.
10. ``deed`` (contracts): a deed whose date is ordinal words ('made on the fifth day of March 2026'), the parties as
    a numbered list, an execution block with witnesses.
11. ``negotiated`` (contract schedules): the supplier's offered rate beside the agreed rate.
12. ``escalation`` (contract schedules): the rates for the first contract year and, beside them, the indexed rates
    of the second and third years.
Scans: two conditions of this set's own (a sticky note stuck over the page's edge; a dog-ear, a corner folded over
showing the paper's back) and the earlier sets' through their public functions (``blind14.condition14``).

The labels are the other sets' (``blind.blind_po_doc``, ``blind2.blind_contract_doc``): a line's ``unit_price`` is
the price as printed (a unit's price, also in the pack tables: the clerk keys the units and the unit price, not the
cartons), its ``amount`` quantity x price rounded half up to the currency's places (the amount the document prints).
The lines sum to the subtotal; the tax is the subtotal x rate rounded half up; total = subtotal + tax. Printed but
not labelled: the pack breakdown, the packaging rows, the pre-printed row numbers and the empty rows, the reference
currency's column and rate, the requisition (its number, dates, names, approvals), the acknowledgement slip's
repeated number, date and total, the key grid's unlabelled facts, the people present at the negotiation, the
offered rates and the second and third years' rates. A contract's label lines are its rates (description, unit,
rate): the agreed rate, the first year's rate. The families are split once into a ``dev`` and a ``test`` half
(``BLIND15_SPLITS``: ``split_by_kind`` with ``SPLIT_SEED``). ``ledgerlens data blind --set 15`` writes them. Written
without opening the extractor's code, its results or its benchmarks, and without running it.
"""

from __future__ import annotations

import random
from collections.abc import Callable
from dataclasses import dataclass
from datetime import date, timedelta
from decimal import Decimal
from pathlib import Path
from typing import Any

import numpy as np
from dateutil.relativedelta import relativedelta
from PIL import Image, ImageDraw, ImageFilter

from training.factory.blind import BlindParty, BlindPO
from training.factory.blind2 import Contract2, write_blind_set
from training.factory.blind3 import split_by_kind
from training.factory.blind12 import Order12, Sheet12
from training.factory.blind13 import Blind13Family, format_day13, format_num13, format_qty13
from training.factory.blind14 import Contract14Writer, PO14Writer, condition14
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
class Blind15Family(Blind13Family):
    """A set-15 family: set 13's fields (``lang`` its locale, Babel's where Babel knows it). ``header``: keygrid |
    requisition | slip (orders); faq | minutes | deed (contracts). ``table`` (orders): pack | packaging | zbar |
    dualcur; (contracts) the schedule: table | negotiated | escalation. ``numbers``: a style of
    ``values.NUMBER_STYLES``. ``extras``: term (a contract's expiry is a duration)."""

    @property
    def family(self) -> str:
        return family_id(f"{self.kind}-blind15", {"name": self.name})

    @property
    def dates(self) -> str:  # a contract's dates: a deed's in ordinal words
        return "ordwords" if self.header == "deed" else "long"


def _x(*names: str) -> frozenset[str]:
    return frozenset(names)


F = Blind15Family
FAMILIES: list[Blind15Family] = [
    F("purchase-order-key-grid-kip-la", "po", "en_LA", "LA", "LAK", "keygrid", "dualcur", "en", "nimbus-sans",
      "sticky", lines=(2, 40)),
    F("purchase-order-requisition-cartons-bt", "po", "en_BT", "BT", "BTN", "requisition", "pack", "en",
      "dejavu-sans", "dogear"),
    F("purchase-order-z-form-slip-af", "po", "en_AF", "AF", "AFN", "slip", "zbar", "en", "dejavu-serif",
      "lidopen", lines=(2, 20)),
    F("purchase-order-packing-rows-iq", "po", "en_IQ", "IQ", "IQD", "keygrid", "packaging", "en", "c059",
      "rollers"),
    F("purchase-order-requisition-form-ly", "po", "en_LY", "LY", "LYD", "requisition", "zbar", "en",
      "dejavu-sans-condensed", "sticky", lines=(2, 20)),
    F("purchase-order-cartons-slip-sd", "po", "en_SD", "SD", "SDG", "slip", "pack", "en", "p052", "dogear",
      lines=(2, 36)),
    F("bon-de-commande-grille-formulaire-td", "po", "fr_TD", "TD", "XAF", "keygrid", "zbar", "fr", "dejavu-sans",
      "thumb", lines=(2, 20)),
    F("bon-de-commande-demande-achat-ne", "po", "fr_NE", "NE", "XOF", "requisition", "packaging", "fr",
      "nimbus-roman", "dogear"),
    F("bon-de-commande-contre-valeur-cg", "po", "fr_CG", "CG", "XAF", "slip", "dualcur", "fr", "dejavu-serif",
      "sticky", lines=(2, 36)),
    F("bon-de-commande-colisage-ga", "po", "fr_GA", "GA", "XAF", "keygrid", "pack", "fr", "urw-gothic", "ghost",
      lines=(2, 36)),
    F("nota-de-encomenda-requisicao-cv", "po", "pt_CV", "CV", "CVE", "requisition", "dualcur", "de",
      "dejavu-sans", "tidemark"),
    F("nota-de-encomenda-embalagens-st", "po", "pt_ST", "ST", "STN", "slip", "packaging", "de", "nimbus-sans",
      "dogear"),
    F("nota-de-encomenda-caixas-gw", "po", "pt_GW", "GW", "XOF", "requisition", "pack", "fr", "c059", "sticky"),
    F("purchase-order-key-grid-usd-lr", "po", "en_LR", "LR", "LRD", "keygrid", "dualcur", "en",
      "nimbus-sans-narrow", "carbon"),
    F("purchase-order-form-slip-sl", "po", "en_SL", "SL", "SLE", "slip", "zbar", "en", "nimbus-sans", "dogear",
      lines=(2, 20)),
    F("purchase-order-requisition-usd-bz", "po", "en_BZ", "BZ", "BZD", "requisition", "dualcur", "en", "p052",
      "crumple"),
    F("acta-de-negociacion-tarifas-gq", "contract", "es_GQ", "GQ", "XAF", "minutes", "negotiated", "fr",
      "dejavu-serif", "sticky"),
    F("proces-verbal-negociation-mr", "contract", "fr_MR", "MR", "MRU", "minutes", "negotiated", "fr",
      "nimbus-roman", "dogear", extras=_x("term")),
    F("contrat-questions-reponses-bj", "contract", "fr_BJ", "BJ", "XOF", "faq", "escalation", "fr", "dejavu-sans",
      "thumb"),
    F("proces-verbal-revision-annuelle-km", "contract", "fr_KM", "KM", "KMF", "minutes", "escalation", "fr",
      "c059", "sticky"),
    F("services-deed-indexed-rates-bs", "contract", "en_BS", "BS", "BSD", "deed", "escalation", "en",
      "nimbus-roman", "dogear", extras=_x("term")),
    F("plain-language-agreement-bb", "contract", "en_BB", "BB", "BBD", "faq", "table", "en", "nimbus-sans",
      "rollers"),
    F("maintenance-deed-offered-agreed-ky", "contract", "en_KY", "KY", "KYD", "deed", "negotiated", "en", "p052",
      "lidopen"),
    F("services-agreement-questions-gm", "contract", "en_GM", "GM", "GMD", "faq", "escalation", "en",
      "dejavu-sans-condensed", "dogear", extras=_x("term")),
]  # fmt: skip
BY_NAME = {f.name: f for f in FAMILIES}
# The split: within each kind, the family names sorted, shuffled with random.Random(SPLIT_SEED), the first half
# (rounded up) to dev. Fixed once, before any document of the set was generated.
SPLIT_SEED = 1515
BLIND15_SPLITS: dict[str, list[str]] = split_by_kind(FAMILIES, SPLIT_SEED)  # type: ignore[arg-type]


def blind15_families(split: str = "all") -> list[Blind15Family]:
    return split_families(BLIND15_SPLITS, BY_NAME, split)


# ---------------------------------------------------------------- dates

_ORDINALS = ("first", "second", "third", "fourth", "fifth", "sixth", "seventh", "eighth", "ninth", "tenth",
             "eleventh", "twelfth", "thirteenth", "fourteenth", "fifteenth", "sixteenth", "seventeenth",
             "eighteenth", "nineteenth", "twentieth", "twenty-first", "twenty-second", "twenty-third",
             "twenty-fourth", "twenty-fifth", "twenty-sixth", "twenty-seventh", "twenty-eighth", "twenty-ninth",
             "thirtieth", "thirty-first")  # fmt: skip
_MONTHS_EN = ("January", "February", "March", "April", "May", "June", "July", "August", "September", "October",
              "November", "December")  # fmt: skip


def format_day15(day: date, style: str, lang: str) -> str:
    """A date as the document prints it: 'ordwords' the day as an ordinal word ('fifth day of March 2026'); the
    other styles are set 13's (``blind13.format_day13``)."""
    if style == "ordwords":
        return f"{_ORDINALS[day.day - 1]} day of {_MONTHS_EN[day.month - 1]} {day.year}"
    return format_day13(day, style, lang)


# ---------------------------------------------------------------- tax ids

_UP = "ABCDEFGHJKLMNPRSTVWXYZ"


# country -> (caption, a draw of the printed id, the check of its printed shape)
TAX_SCHEMES15: dict[str, tuple[str, Callable[[random.Random], str], Callable[[str], bool]]] = {
    "LA": ("TIN", lambda r: "0" + _digits(r, 8) + "-000", _shape(r"0\d{8}-000")),
    "BT": ("TPN", lambda r: r.choice(["CAA", "CBB", "CDA", "PAB"]) + _digits(r, 5), _shape(r"[A-Z]{3}\d{5}")),
    "AF": ("TIN", lambda r: "1" + _digits(r, 9), _shape(r"1\d{9}")),
    "IQ": ("TIN", lambda r: r.choice("123") + _digits(r, 8), _shape(r"[1-3]\d{8}")),
    "LY": ("Tax No.", lambda r: "LY" + _digits(r, 9), _shape(r"LY\d{9}")),
    "SD": ("TIN", lambda r: "3" + _digits(r, 9), _shape(r"3\d{9}")),
    "TD": ("NIF", lambda r: _digits(r, 7) + r.choice(_UP), _shape(r"\d{7}[A-Z]")),
    "NE": ("NIF", lambda r: _digits(r, 5) + "/" + r.choice("RS"), _shape(r"\d{5}/[RS]")),
    "CG": ("NIU", lambda r: "M2" + _digits(r, 12) + r.choice(_UP), _shape(r"M2\d{12}[A-Z]")),
    "GA": ("NIF", lambda r: "20" + _digits(r, 4) + r.choice(_UP), _shape(r"20\d{4}[A-Z]")),
    "CV": ("NIF", lambda r: "2" + _digits(r, 8), _shape(r"2\d{8}")),
    "ST": ("NIF", lambda r: "5" + _digits(r, 8), _shape(r"5\d{8}")),
    "GW": ("NIF", lambda r: "51" + _digits(r, 7), _shape(r"51\d{7}")),
    "LR": ("TIN", lambda r: "5" + _digits(r, 8), _shape(r"5\d{8}")),
    "SL": ("TIN", lambda r: "1" + _digits(r, 9), _shape(r"1\d{9}")),
    "BZ": ("TIN", lambda r: _digits(r, 6), _shape(r"\d{6}")),
    "GQ": ("NIF", lambda r: _digits(r, 9) + r.choice(_UP), _shape(r"\d{9}[A-Z]")),
    "MR": ("NIF", lambda r: "3" + _digits(r, 7), _shape(r"3\d{7}")),
    "BJ": ("IFU", lambda r: "3" + _digits(r, 12), _shape(r"3\d{12}")),
    "BS": ("TIN", lambda r: "1" + _digits(r, 8), _shape(r"1\d{8}")),
    "BB": ("TIN", lambda r: "1" + _digits(r, 12), _shape(r"1\d{12}")),
    "KY": ("Reg. No.", lambda r: r.choice(["CR", "MC"]) + "-" + _digits(r, 6), _shape(r"(CR|MC)-\d{6}")),
    "GM": ("TIN", lambda r: "5" + _digits(r, 9), _shape(r"5\d{9}")),
    "KM": ("NIF", lambda r: _digits(r, 6) + r.choice("ABCDE"), _shape(r"\d{6}[A-E]")),
}  # fmt: skip


def tax_id_valid15(country: str, value: str) -> bool:
    """``value`` (without spaces) has its scheme's printed shape (python-stdnum has no scheme of these countries)."""
    return scheme_tax_id_valid(TAX_SCHEMES15, country, value)


def tax_id15(rng: random.Random, country: str) -> str:
    """A tax id of ``country``'s scheme, drawn in its printed shape."""
    return scheme_tax_id(TAX_SCHEMES15, rng, country)


TAX_RATES15 = {"LA": "10", "BT": "5", "AF": "10", "IQ": "10", "LY": "0", "SD": "17", "TD": "18", "NE": "19",
               "CG": "18.9", "GA": "18", "CV": "15", "ST": "15", "GW": "19", "LR": "10", "SL": "15",
               "BZ": "12.5"}  # fmt: skip
DATE_STYLES15 = {"LA": ("dmy_slash", "long"), "BT": ("dmy_slash", "dmony"), "AF": ("dmy_slash", "long"),
                 "IQ": ("dmy_slash", "ymd_slash"), "LY": ("dmy_slash", "long"), "SD": ("dmy_dot", "long"),
                 "TD": ("dmy_slash", "long"), "NE": ("dmy_slash", "long"), "CG": ("dmy_slash", "long"),
                 "GA": ("dmy_slash", "long"), "CV": ("dmy_dash", "long"), "ST": ("dmy_slash", "long"),
                 "GW": ("dmy_slash", "long"), "LR": ("dmy_slash", "long"), "SL": ("dmy_slash", "dmony"),
                 "BZ": ("dmy_slash", "long")}  # fmt: skip
# a currency's prices against the euro's (so that an item costs about as much everywhere)
_PRICE_SCALE15 = {"LAK": "23000", "BTN": "95", "AFN": "78", "IQD": "1430", "LYD": "5.3", "SDG": "650",
                  "XAF": "656", "XOF": "656", "CVE": "110", "STN": "24.5", "LRD": "210", "SLE": "24.5",
                  "BZD": "2.2", "MRU": "43", "BSD": "1.1", "BBD": "2.2", "KYD": "0.9", "GMD": "78",
                  "KMF": "492"}  # fmt: skip
# a dual-currency order's reference currency and rate (units of the order's currency to one reference unit)
REFERENCE15 = {"LAK": ("USD", "21450"), "XAF": ("EUR", "655.957"), "CVE": ("EUR", "110.265"), "LRD": ("USD", "191.5"),
               "BZD": ("USD", "2"), "XOF": ("EUR", "655.957"), "STN": ("EUR", "24.5")}  # fmt: skip

# ---------------------------------------------------------------- parties

# country -> (stems, trades, legal forms, how a name is written)
PARTIES15: dict[str, tuple[list[str], list[str], list[str], str]] = {
    "LA": (["Mekong", "Vientiane", "Luang Prabang", "Champasak"], ["Trading", "Construction", "Import-Export"],
           ["Co., Ltd.", "Sole Co., Ltd."], "{stem} {trade} {form}"),
    "BT": (["Druk", "Paro", "Wangdue", "Bumthang"], ["Enterprise", "Suppliers", "Hardware"], ["Pvt. Ltd.", "Ltd."],
           "{stem} {trade} {form}"),
    "AF": (["Hindu Kush", "Amu", "Herat", "Panjshir"], ["Trading", "Logistics", "Construction"], ["Ltd.",
           "Co. Ltd."], "{stem} {trade} {form}"),
    "IQ": (["Tigris", "Al Rafidain", "Babylon", "Basra Gulf"], ["General Trading", "Contracting", "Supplies"],
           ["LLC", "Co. Ltd."], "{stem} {trade} {form}"),
    "LY": (["Al Jabal", "Sirte", "Fezzan", "Cyrene"], ["Oilfield Supplies", "Trading", "Engineering"],
           ["JSC", "Co."], "{stem} {trade} {form}"),
    "SD": (["Blue Nile", "Kordofan", "Port Sudan", "Omdurman"], ["Trading", "Agro Industries", "Engineering"],
           ["Co. Ltd.", "Ltd."], "{stem} {trade} {form}"),
    "TD": (["Chari", "Logone", "Ouaddaï", "Tibesti"], ["Fournitures", "Équipements", "Commerce"], ["SARL", "SA"],
           "{trade} {stem} {form}"),
    "NE": (["Aïr", "Ténéré", "Zinder", "Dosso"], ["Distribution", "Matériaux", "Services"], ["SARL", "SA"],
           "{stem} {trade} {form}"),
    "CG": (["Congo-Océan", "Mayombe", "Likouala", "Pool"], ["Équipements", "Négoce", "Industrie"], ["SARLU", "SA"],
           "{trade} {stem} {form}"),
    "GA": (["Ogooué", "Estuaire", "Lopé", "Ngounié"], ["Fournitures", "Matériaux", "Services"], ["SARL", "SA"],
           "{stem} {trade} {form}"),
    "CV": (["Morabeza", "Santiago", "Mindelo", "Fogo"], ["Comércio", "Distribuição", "Construções"],
           ["Lda.", "S.A."], "{stem} {trade}, {form}"),
    "ST": (["Equador", "Príncipe", "Ilhéu das Rolas", "Trindade"], ["Comércio", "Importações", "Serviços"],
           ["Lda.", "S.A."], "{stem} {trade}, {form}"),
    "GW": (["Cacheu", "Bijagós", "Geba", "Bafatá"], ["Comércio", "Abastecimentos", "Agro"], ["Lda.", "S.A."],
           "{trade} {stem}, {form}"),
    "LR": (["Monrovia Bay", "St. Paul", "Bong", "Cape Mount"], ["Supplies", "Trading", "Engineering"], ["Inc.",
           "Corporation"], "{stem} {trade} {form}"),
    "SL": (["Freetown", "Lion Mountain", "Rokel", "Kono"], ["Supplies", "Trading", "Builders"], ["Ltd.",
           "(SL) Limited"], "{stem} {trade} {form}"),
    "BZ": (["Maya Mountain", "Belize River", "Cayo", "Barrier Reef"], ["Supplies", "Hardware", "Distributors"],
           ["Ltd.", "Limited"], "{stem} {trade} {form}"),
    "GQ": (["Malabo", "Bioko", "Río Muni", "Annobón"], ["Servicios", "Mantenimiento", "Ingeniería"],
           ["S.L.", "S.A."], "{trade} {stem} {form}"),
    "MR": (["Adrar", "Nouadhibou", "Trarza", "Tagant"], ["Services", "Maintenance", "Ingénierie"], ["SARL", "SA"],
           "{trade} {stem} {form}"),
    "BJ": (["Ouidah", "Abomey", "Atacora", "Mono-Couffo"], ["Services", "Entretien", "Conseil"], ["SARL", "SA"],
           "{stem} {trade} {form}"),
    "KM": (["Moroni", "Karthala", "Anjouan", "Mohéli"], ["Services", "Maintenance", "Travaux"], ["SARL", "SA"],
           "{trade} {stem} {form}"),
    "BS": (["Exuma", "Andros", "Eleuthera", "Nassau Harbour"], ["Facility Services", "Marine Services",
           "Engineering"], ["Ltd.", "Limited"], "{stem} {trade} {form}"),
    "BB": (["Bridgetown", "Carlisle Bay", "St. Lucy", "Bathsheba"], ["Maintenance", "Technical Services",
           "Property Services"], ["Inc.", "Limited"], "{stem} {trade} {form}"),
    "KY": (["Seven Mile", "North Sound", "Cayman Brac", "Bodden Town"], ["Facilities", "Engineering",
           "Maintenance"], ["Ltd.", "Limited"], "{stem} {trade} {form}"),
    "GM": (["Gambia River", "Banjul", "Kombo", "Kiang"], ["Services", "Technical Services", "Maintenance"],
           ["Company Limited", "Ltd."], "{stem} {trade} {form}"),
}  # fmt: skip
PLACES15: dict[str, list[tuple[str, str, str]]] = {
    "LA": [("Vientiane", "P.O. Box 4120", "Lane Xang Avenue"), ("Pakse", "P.O. Box 210", "Road No. 13 South")],
    "BT": [("Thimphu", "Post Box 1120", "Norzin Lam"), ("Phuentsholing", "Post Box 88", "Zangtopelri Lam")],
    "AF": [("Kabul", "P.O. Box 5120", "Darulaman Road"), ("Mazar-i-Sharif", "P.O. Box 210", "Balkh Road")],
    "IQ": [("Baghdad", "P.O. Box 3120", "Al Rasheed Street"), ("Basra", "P.O. Box 410", "Corniche Street")],
    "LY": [("Tripoli", "P.O. Box 9120", "Omar Al Mukhtar Street"), ("Benghazi", "P.O. Box 1410", "Gamal Street")],
    "SD": [("Khartoum", "P.O. Box 1220", "Nile Street"), ("Port Sudan", "P.O. Box 310", "Airport Road")],
    "TD": [("N'Djamena", "BP 1220", "Avenue Charles de Gaulle"), ("Moundou", "BP 210", "Route de Doba")],
    "NE": [("Niamey", "BP 11220", "Boulevard de la Liberté"), ("Maradi", "BP 310", "Route de Tessaoua")],
    "CG": [("Brazzaville", "BP 2220", "Avenue Amilcar Cabral"), ("Pointe-Noire", "BP 1120", "Avenue de Loango")],
    "GA": [("Libreville", "BP 3220", "Boulevard Triomphal"), ("Port-Gentil", "BP 520", "Boulevard du Bord de Mer")],
    "CV": [("Praia", "C.P. 220", "Avenida Amílcar Cabral"), ("Mindelo", "C.P. 410", "Rua de Lisboa")],
    "ST": [("São Tomé", "C.P. 320", "Avenida Marginal 12 de Julho"), ("Santo António", "C.P. 48", "Rua Direita")],
    "GW": [("Bissau", "C.P. 620", "Avenida Amílcar Cabral"), ("Bafatá", "C.P. 30", "Rua do Mercado")],
    "LR": [("Monrovia", "P.O. Box 10-1220", "Broad Street"), ("Buchanan", "P.O. Box 310", "Tubman Street")],
    "SL": [("Freetown", "P.O. Box 1220", "Siaka Stevens Street"), ("Bo", "P.O. Box 88", "Dambara Road")],
    "BZ": [("Belize City", "P.O. Box 1220", "Regent Street"), ("Belmopan", "P.O. Box 310", "Constitution Drive")],
    "GQ": [("Malabo", "Apdo. 1220", "Avenida de la Independencia"), ("Bata", "Apdo. 310", "Paseo Marítimo")],
    "MR": [("Nouakchott", "BP 4220", "Avenue Gamal Abdel Nasser"), ("Nouadhibou", "BP 510", "Boulevard Médian")],
    "BJ": [("Cotonou", "01 BP 2220", "Boulevard de la Marina"), ("Porto-Novo", "BP 410", "Avenue Jean-Paul II")],
    "KM": [("Moroni", "BP 1220", "Boulevard de Strasbourg"), ("Mutsamudu", "BP 88", "Route de Pomoni")],
    "BS": [("Nassau", "P.O. Box N-1220", "Bay Street"), ("Freeport", "P.O. Box F-410", "East Mall Drive")],
    "BB": [("Bridgetown", "BB11000", "Broad Street"), ("Speightstown", "BB26000", "Queen Street")],
    "KY": [("George Town", "KY1-1102", "Harbour Drive"), ("West Bay", "KY1-1401", "Town Hall Road")],
    "GM": [("Banjul", "P.O. Box 1220", "Liberation Avenue"), ("Serrekunda", "P.O. Box 410", "Kairaba Avenue")],
}  # fmt: skip


def make_party15(rng: random.Random, country: str, avoid: str = "") -> BlindParty:
    """A company of ``country``: its name from the country's stems, trades and legal forms, an address, a tax id."""
    return country_party(rng, country, avoid, PARTIES15, PLACES15, TAX_SCHEMES15)


# ---------------------------------------------------------------- order words

_EN = {
    "title": "PURCHASE ORDER", "number": "Order No.", "date": "Order Date", "buyer": "Purchaser",
    "vendor": "Supplier", "terms": "Payment Terms", "currency": "Currency", "code": "Code",
    "desc": "Description", "qty": "Qty", "unit": "Unit", "price": "Unit Price", "amount": "Amount",
    "subtotal": "Net Total", "tax": "GST", "total": "Total Due", "ship": "Deliver To", "page": "Page",
    "pack": "Pack", "packing": "Packing", "ref": "{cur} equiv.", "no": "No.",
    "refnote": "Reference only: 1 {ref} = {rate} {cur}. The order is payable in {cur}.",
    "grid_more": "Requested by|Delivery", "delivery": "within {n} days",
    "req": "PURCHASE REQUISITION", "req_no": "Req. No.", "dept": "Department", "by": "Requested by",
    "needed": "Date Required", "budget": "Budget Line", "priority": "Priority", "urgent": "Urgent",
    "normal": "Normal", "approvals": "Requested|Checked|Approved", "raised": "ORDER RAISED FROM THIS REQUISITION",
    "cut": "cut here", "ack": "ACKNOWLEDGEMENT OF ORDER – to be signed and returned to the Purchaser",
    "ack_body": "We acknowledge receipt of order {num} dated {date} for a total of {total} {cur} and will deliver by",
    "ack_sign": "Supplier's signature and stamp", "ack_date": "Date",
    "depts": "Stores|Maintenance|Administration|Projects|Procurement",
}  # fmt: skip
_FR = {
    **_EN, "title": "BON DE COMMANDE", "number": "N° de commande", "date": "Date", "buyer": "Client",
    "vendor": "Fournisseur", "terms": "Règlement", "currency": "Devise", "code": "Code", "desc": "Désignation",
    "qty": "Qté", "unit": "Unité", "price": "P.U.", "amount": "Montant", "subtotal": "Total HT", "tax": "TVA",
    "total": "Net à payer", "ship": "Lieu de livraison", "page": "Page", "pack": "Colisage",
    "packing": "Emballage", "ref": "Contre-valeur {cur}", "no": "N°",
    "refnote": "Contre-valeur donnée à titre indicatif : 1 {ref} = {rate} {cur}. La commande est payable en {cur}.",
    "grid_more": "Demandeur|Livraison", "delivery": "sous {n} jours",
    "req": "DEMANDE D'ACHAT", "req_no": "DA n°", "dept": "Service", "by": "Demandeur", "needed": "Date souhaitée",
    "budget": "Ligne budgétaire", "priority": "Priorité", "urgent": "Urgent", "normal": "Normal",
    "approvals": "Demandé|Vérifié|Approuvé", "raised": "COMMANDE ÉTABLIE SUR LA DEMANDE CI-DESSUS",
    "cut": "à détacher", "ack": "ACCUSÉ DE RÉCEPTION DE COMMANDE – à retourner signé au client",
    "ack_body": "Nous accusons réception de la commande {num} du {date} d'un montant de {total} {cur} et livrerons "
                "le",
    "ack_sign": "Signature et cachet du fournisseur", "ack_date": "Date",
    "depts": "Magasin|Maintenance|Administration|Projets|Achats",
}  # fmt: skip
_PT = {
    **_EN, "title": "NOTA DE ENCOMENDA", "number": "Encomenda n.º", "date": "Data", "buyer": "Cliente",
    "vendor": "Fornecedor", "terms": "Pagamento", "currency": "Moeda", "code": "Código", "desc": "Designação",
    "qty": "Qtd.", "unit": "Un.", "price": "Preço unit.", "amount": "Valor", "subtotal": "Total s/ IVA",
    "tax": "IVA", "total": "Total", "ship": "Local de entrega", "page": "Pág.", "pack": "Embalagem",
    "packing": "Acondicionamento", "ref": "Contravalor {cur}", "no": "N.º",
    "refnote": "Contravalor indicativo: 1 {ref} = {rate} {cur}. A encomenda é paga em {cur}.",
    "grid_more": "Requisitante|Entrega", "delivery": "em {n} dias",
    "req": "REQUISIÇÃO INTERNA", "req_no": "Requisição n.º", "dept": "Serviço", "by": "Requisitante",
    "needed": "Data pretendida", "budget": "Rubrica orçamental", "priority": "Prioridade", "urgent": "Urgente",
    "normal": "Normal", "approvals": "Requisitado|Verificado|Aprovado",
    "raised": "ENCOMENDA EMITIDA COM BASE NA REQUISIÇÃO ACIMA", "cut": "destacar",
    "ack": "CONFIRMAÇÃO DE ENCOMENDA – a devolver assinada ao cliente",
    "ack_body": "Confirmamos a receção da encomenda {num} de {date} no valor de {total} {cur} e entregaremos em",
    "ack_sign": "Assinatura e carimbo do fornecedor", "ack_date": "Data",
    "depts": "Armazém|Manutenção|Administração|Projetos|Compras",
}  # fmt: skip
PO_WORDS15: dict[str, dict[str, str]] = {
    "LA": {**_EN, "tax": "VAT"}, "BT": {**_EN, "tax": "GST"}, "AF": {**_EN, "tax": "BRT"},
    "IQ": {**_EN, "tax": "Sales Tax", "title": "LOCAL PURCHASE ORDER", "number": "LPO No."},
    "LY": {**_EN, "tax": "Tax"}, "SD": {**_EN, "tax": "VAT"}, "TD": {**_FR}, "NE": {**_FR},
    "CG": {**_FR}, "GA": {**_FR, "title": "COMMANDE FOURNISSEUR"}, "CV": {**_PT}, "ST": {**_PT},
    "GW": {**_PT, "tax": "IGV"}, "LR": {**_EN, "tax": "GST"}, "SL": {**_EN, "tax": "GST"},
    "BZ": {**_EN, "tax": "GST"},
}  # fmt: skip

TERMS15: dict[str, list[tuple[str, int]]] = {
    "LA": [("30 days after invoice", 30), ("Cash on delivery", 0)],
    "BT": [("Within 30 days of bill", 30), ("Advance payment", 0)],
    "AF": [("Net 30 days", 30), ("Payment on delivery", 0)],
    "IQ": [("45 days from invoice", 45), ("Letter of credit at sight", 0)],
    "LY": [("Net 60 days", 60), ("30 days after delivery", 30)],
    "SD": [("30 days from invoice date", 30), ("Cash against documents", 0)],
    "TD": [("à 30 jours date de facture", 30), ("au comptant", 0)],
    "NE": [("à 45 jours fin de mois", 45), ("à la livraison", 0)],
    "CG": [("à 30 jours fin de mois", 30), ("par virement à 60 jours", 60)],
    "GA": [("à 30 jours", 30), ("à réception de facture", 0)],
    "CV": [("a 30 dias", 30), ("pronto pagamento", 0)],
    "ST": [("a 30 dias da fatura", 30), ("contra entrega", 0)],
    "GW": [("a 60 dias", 60), ("a pronto", 0)],
    "LR": [("Net 30", 30), ("On delivery", 0)],
    "SL": [("30 days from invoice", 30), ("Cash on delivery", 0)],
    "BZ": [("Net 30 days", 30), ("15 days from invoice", 15)],
}  # fmt: skip

# language -> (description, unit, units a carton, bulk: by weight or length, packaging word)
PRODUCTS15: dict[str, list[tuple[str, str, int, bool, str]]] = {
    "en": [("Mosquito net, long-lasting, double", "pcs", 40, False, "bales"),
           ("Solar lantern with phone charger", "pcs", 12, False, "cartons"),
           ("Rice, parboiled, 25 kg bag", "bag", 40, False, "pallets"),
           ("Water purification tablets, strip of 10", "strip", 200, False, "cartons"),
           ("Corrugated roofing sheet 0.3 mm x 3 m", "sheet", 25, False, "bundles"),
           ("Diesel engine oil SAE 40", "ltr", 20, True, "drums"),
           ("Copper cable 2.5 mm2, single core", "m", 100, True, "reels"),
           ("Exercise book, 96 pages", "pcs", 100, False, "cartons"),
           ("Surgical gloves, latex, box of 100", "box", 10, False, "cartons"),
           ("Galvanised nails 75 mm", "kg", 25, True, "sacks")],
    "fr": [("Moustiquaire imprégnée double", "pce", 40, False, "balles"),
           ("Lampe solaire avec chargeur", "pce", 12, False, "cartons"),
           ("Riz étuvé, sac de 25 kg", "sac", 40, False, "palettes"),
           ("Comprimés de purification d'eau", "plaq.", 200, False, "cartons"),
           ("Tôle ondulée 0,3 mm x 3 m", "feuille", 25, False, "fardeaux"),
           ("Huile moteur diesel SAE 40", "l", 20, True, "fûts"),
           ("Câble cuivre 2,5 mm2 rigide", "m", 100, True, "tourets"),
           ("Cahier 96 pages", "pce", 100, False, "cartons"),
           ("Gants d'examen latex, boîte de 100", "boîte", 10, False, "cartons"),
           ("Pointes galvanisées 75 mm", "kg", 25, True, "sacs")],
    "pt": [("Rede mosquiteira tratada, dupla", "un.", 40, False, "fardos"),
           ("Lanterna solar com carregador", "un.", 12, False, "caixas"),
           ("Arroz estufado, saco de 25 kg", "saco", 40, False, "paletes"),
           ("Pastilhas de purificação de água", "cart.", 200, False, "caixas"),
           ("Chapa ondulada 0,3 mm x 3 m", "chapa", 25, False, "atados"),
           ("Óleo de motor diesel SAE 40", "l", 20, True, "bidões"),
           ("Cabo de cobre 2,5 mm2", "m", 100, True, "bobinas"),
           ("Caderno de 96 folhas", "un.", 100, False, "caixas"),
           ("Luvas de látex, caixa de 100", "cx.", 10, False, "caixas"),
           ("Pregos galvanizados 75 mm", "kg", 25, True, "sacos")],
}  # fmt: skip
# a good's typical price in euros, by its place in each language's list
_EUR15 = ("7.5", "14", "21", "0.9", "8.5", "3.2", "1.4", "0.7", "6.5", "2.4")
# language -> packaging row: "{n} {what}" and the phrases a packaging row may carry
PACKING15 = {"en": ("returnable", "non-returnable", "shrink-wrapped", "on {p} pallet(s)"),
             "fr": ("consignés", "perdus", "sous film", "sur {p} palette(s)"),
             "pt": ("retornáveis", "não retornáveis", "com filme", "em {p} palete(s)")}  # fmt: skip
_NAMES15 = {"LA": ["S. Phommasak", "K. Vongsa", "B. Sisouk"], "BT": ["T. Dorji", "K. Wangchuk", "P. Lhamo"],
            "AF": ["R. Khan", "A. Popal", "M. Karimi"], "IQ": ["F. Al-Obaidi", "H. Jabbar", "S. Kadhim"],
            "LY": ["M. Hassan", "A. Elmabrouk", "K. Zuwari"], "SD": ["O. Elamin", "N. Abdelrahman", "Y. Babiker"],
            "LR": ["J. Kollie", "M. Cooper", "A. Dolo"], "SL": ["A. Sesay", "F. Kamara", "I. Bangura"],
            "BZ": ["R. Castillo", "D. Young", "L. Chan"],
            "BS": ["K. Rolle", "D. Ferguson", "T. Knowles", "S. Pinder"],
            "BB": ["R. Greenidge", "M. Holder", "K. Best", "A. Worrell"],
            "KY": ["J. Ebanks", "L. Bodden", "C. Tibbetts", "M. Scott"],
            "GM": ["L. Jallow", "F. Ceesay", "O. Touray", "M. Njie"],
            "MR": ["M. Ould Ahmed", "S. Mint Sidi", "A. Ould Cheikh", "B. Diallo"],
            "BJ": ["C. Houngbédji", "A. Adjovi", "R. Dossou", "F. Agbo"],
            "KM": ["A. Said", "F. Mohamed", "I. Soilihi", "H. Youssouf"],
            "GQ": ["P. Nsue", "M. Obiang", "C. Ela", "R. Mangue", "L. Esono"],
            "en": ["J. Kollie", "A. Sesay", "M. Hassan", "T. Dorji", "S. Phommasak", "R. Khan", "F. Al-Obaidi"],
            "fr": ["A. Mahamat", "I. Moussa", "B. Nkounkou", "P. Mba", "K. Djibrilla", "S. Oumarou"],
            "pt": ["J. Tavares", "M. Lopes", "A. Sanhá", "C. Bragança", "D. Vaz", "L. Fortes"],
            "es": ["P. Nsue", "M. Obiang", "C. Ela", "R. Mangue", "L. Esono"]}  # fmt: skip


def _po_number15(rng: random.Random, country: str, year: int) -> str:
    n = rng.randrange(100, 99999)
    return {"LA": f"PO-{year}-{n:05d}", "BT": f"PO/{year}/{n % 9999:04d}", "AF": f"{n:06d}",
            "IQ": f"LPO-{n:05d}", "LY": f"{year}/PO/{n % 9999:04d}", "SD": f"PO{n:06d}",
            "TD": f"BC-{n % 9999:04d}/{year % 100}", "NE": f"{n % 9999:04d}/DAF/{year}",
            "CG": f"BC{year}{n:05d}", "GA": f"CF-{year}-{n % 9999:04d}", "CV": f"NE {n % 9999:04d}/{year}",
            "ST": f"{n % 9999:04d}/{year}", "GW": f"NE-{n:05d}", "LR": f"PO-{n:06d}",
            "SL": f"SL/PO/{n % 9999:04d}", "BZ": f"{n:06d}"}[country]  # fmt: skip


@dataclass
class Order15(Order12):
    packs: list[tuple[int, int] | None]  # a line's (cartons, units a carton) in a pack table
    packing: list[str]  # a line's packaging row (printed, not labelled)
    reference: tuple[str, Decimal] | None  # a dual-currency order's reference currency and rate
    req: dict[str, str]  # the requisition's printed facts (not labelled)
    delivery_days: int


def _lang(fam: Blind15Family) -> str:
    return fam.lang[:2]


def _draw_line(rng: random.Random, fam: Blind15Family, mult: Decimal) -> tuple[POLine, int, str]:
    k = rng.randrange(len(PRODUCTS15[_lang(fam)]))
    desc, unit, per, bulk, what = PRODUCTS15[_lang(fam)][k]
    price = _half_up(Decimal(_EUR15[k]) * Decimal(rng.randrange(70, 140)) / 100 * mult, fam.places)
    if price == 0:
        price = Decimal(1).scaleb(-fam.places)
    whole = rng.choice([1, 2, 3, 5, 6, 10, 12, 20, 25, 40, 50, 80, 100, 200])
    qty = Decimal(rng.randrange(50, 20000)).scaleb(-rng.choice([1, 2])) if bulk and rng.random() < 0.4 else None
    qty = Decimal(whole) if qty is None else Decimal(format(qty.normalize(), "f"))
    sku = f"{rng.choice('ABCDEFGHKMPRSTX')}{rng.randrange(100, 999)}-{rng.randrange(10, 99)}"
    return POLine(sku, desc, qty, unit, price, None, None, _half_up(qty * price, fam.places)), per, what


def sample_po15(rng: random.Random, fam: Blind15Family) -> Order15:
    buyer = make_party15(rng, fam.country)
    vendor, site = make_party15(rng, fam.country, avoid=buyer.name), make_party15(rng, fam.country)
    ship = BlindParty(buyer.name, site.street, site.city, site.country, None, None)  # the buyer's delivery site
    places, lang = fam.places, _lang(fam)
    rate = Decimal(TAX_RATES15[fam.country])
    mult = Decimal(_PRICE_SCALE15[fam.currency])
    n_lines = rng.randrange(*fam.lines)
    drawn = [_draw_line(rng, fam, mult) for _ in range(n_lines)]
    lines = [d[0] for d in drawn]
    packs: list[tuple[int, int] | None] = [None] * n_lines
    packing = [""] * n_lines
    if fam.table == "pack":  # the quantity in whole cartons of the good's carton size
        for i, (ln, per, _what) in enumerate(drawn):
            size = rng.choice([per, max(1, per // 2), per * 2]) if per > 1 else 1
            cartons = rng.choice([1, 2, 3, 4, 5, 6, 8, 10, 12, 20])
            ln.quantity = Decimal(cartons * size)
            ln.amount = _half_up(ln.quantity * ln.unit_price, places)
            packs[i] = (cartons, size)
    if fam.table == "packaging":
        ret, nonret, wrapped, pallets = PACKING15[lang]
        for i, (ln, per, what) in enumerate(drawn):
            n = max(1, int(ln.quantity) // max(1, per) + (1 if int(ln.quantity) % max(1, per) else 0))
            bits = [f"{n} {what}", rng.choice([ret, nonret, wrapped])]
            if n > 6:
                bits.append(pallets.replace("{p}", str(max(1, n // 20))))
            packing[i] = ", ".join(bits)
    subtotal = sum((ln.amount for ln in lines), Decimal(0))
    tax = _half_up(subtotal * rate / 100, places)
    total = subtotal + tax
    order_date = date(rng.randrange(2024, 2028), 1, 1) + timedelta(days=rng.randrange(365))
    terms = rng.choice(TERMS15[fam.country])
    po = BlindPO(_po_number15(rng, fam.country, order_date.year), order_date, buyer, vendor, ship, terms, lines,
                 subtotal, Decimal(0), Decimal(0), Decimal(0), rate, {rate: tax}, tax, total)  # fmt: skip
    cols = ["line_no", "sku", "description", "quantity", "unit", "unit_price", "amount"]
    if fam.table != "zbar" and rng.random() < 0.35:
        cols.remove("line_no")
    if rng.random() < 0.35:
        cols.remove("sku")
    if fam.table == "pack":
        cols.insert(cols.index("quantity"), "pack")
    if fam.table == "dualcur":
        cols.append("ref")
    for ln in lines if "sku" not in cols else []:  # no code column: the lines carry no code either
        ln.sku = None
    look = {"columns": cols, "dates": rng.choice(DATE_STYLES15[fam.country]), "numbers": fam.numbers,
            "totals": "net", "numbered": "line_no" in cols}  # fmt: skip
    reference = None
    if fam.table == "dualcur":
        ref, per_ref = REFERENCE15[fam.currency]
        reference = (ref, Decimal(per_ref))
    names = _NAMES15.get(fam.country, _NAMES15[lang])
    needed = order_date + timedelta(days=rng.randrange(7, 40))
    prefix = rng.choice({"en": ["REQ", "PR"], "fr": ["DA", "DAI"], "pt": ["RI", "REQ"]}[lang])
    req = {"no": f"{prefix}-{rng.randrange(1000, 99999)}",
           "dept": rng.choice(PO_WORDS15[fam.country]["depts"].split("|")), "by": rng.choice(names),
           "checked": rng.choice(names), "approved": rng.choice(names),
           "needed": needed.isoformat(), "budget": f"{rng.randrange(10, 99)}-{rng.randrange(100, 999)}-"
           f"{rng.randrange(10, 99)}", "urgent": "1" if rng.random() < 0.3 else ""}  # fmt: skip
    return Order15(po, look, [Decimal(0)] * n_lines, [], [1] * n_lines, packs, packing, reference, req,
                   rng.choice([7, 10, 14, 21, 30]))  # fmt: skip


_GREY = (0.45, 0.45, 0.45)
_PEN = (0.1, 0.15, 0.55)
_FORM = (0.15, 0.3, 0.45)  # a pre-printed form's ink


class PO15Writer(PO14Writer):
    """Set 14's order writer (its parties, facts and totals box, through sets 13 and 12) with this set's papers and
    tables."""

    def __init__(self, rng: random.Random, fam: Blind15Family, order: Order15) -> None:
        self.order, self.po = order, order.po
        self.o15 = order
        self.words = PO_WORDS15[fam.country]
        self.style = order.look["numbers"]
        Sheet12.__init__(self, rng, fam)  # type: ignore[arg-type]
        self.hand = font("Z003-MediumItalic")
        self.dejavu = fam.font.startswith("dejavu-sans")  # the faces with the scissors glyph

    def day(self, value: date) -> str:
        return format_day13(value, self.order.look["dates"], self.fam.lang)

    def decorate(self, page: Any) -> None:
        """Nothing repeats on every page of these papers."""

    # ------------------------------------------------------------ headers

    def head_keygrid(self) -> None:
        """A logo box with the buyer's initials on the left; the title and a two-column key/value grid of ruled
        cells on the right (the order's facts and two unlabelled ones); the parties under them."""
        w, po, M = self.words, self.po, self.M
        b = po.buyer
        initials = "".join(p[0] for p in b.name.split()[:3] if p[:1].isalpha()).upper()[:3] or "PO"
        hue = self.rng.choice([(0.1, 0.3, 0.55), (0.55, 0.15, 0.15), (0.1, 0.45, 0.3), (0.35, 0.2, 0.5)])
        self.page.rect(M, 36, 110, 62, stroke=hue, fill=None, line_width=1.4)
        self.t(M + 55, 76, initials, 26, bold=True, align="center", color=hue)
        self.t(M + 55, 92, b.city.split()[-1].upper(), 6.5, align="center", color=hue)
        gx, gw = self.W / 2 - 20, self.W / 2 - M + 20
        self.t(self.W - M, 48, w["title"], 15, bold=True, align="right")
        cap_w = gw * 0.42
        y = 58.0
        more = w["grid_more"].split("|")
        rows = [*self.facts(), (more[0], self.o15.req["by"], ""),
                (more[1], w["delivery"].replace("{n}", str(self.o15.delivery_days)), "")]  # fmt: skip
        for cap, value, name in rows:
            self.page.rect(gx, y, cap_w, 16, fill=(0.9, 0.92, 0.94), line_width=0.5)
            self.page.rect(gx + cap_w, y, gw - cap_w, 16, line_width=0.5)
            self.t(gx + 4, y + 11, cap, 7.5, bold=True)
            size = 8.5 if width(value, self.fonts.regular, 8.5) < gw - cap_w - 8 else 7
            self.t(gx + cap_w + 4, y + 11, value, size, ent=self.ent(name) if name else None)
            y += 16
        top = max(y, 110.0) + 16
        third = (self.W - 2 * M) / 3
        fits = all(width(p.name, self.fonts.bold, 9) < third - 8 for p in (po.buyer, po.vendor))
        size = 8.5 if fits else 7
        y1 = self.party(M, top, w["buyer"], po.buyer, "buyer", size=size)
        y2 = self.party(M + third, top, w["vendor"], po.vendor, "vendor", size=size)
        self.t(M + 2 * third, top, w["ship"], size - 1, bold=True, color=(0.3, 0.3, 0.3))
        for k, text in enumerate((po.ship_to.street, po.ship_to.city)):
            self.t(M + 2 * third, top + size + 3 + k * (size + 2.5), text, size)
        self.y = max(y1, y2) + 14

    def checkbox(self, x: float, y: float, on: bool, caption: str) -> float:
        """A pre-printed box, ticked or not, and its caption; returns the width used."""
        self.page.rect(x, y - 7, 7, 7, stroke=_FORM, line_width=0.6)
        if on:
            self.page.line(x + 1, y - 6, x + 6, y - 1, 0.9, _PEN)
            self.page.line(x + 1, y - 1, x + 6, y - 6, 0.9, _PEN)
        return 10 + self.t(x + 10, y, caption, 7.5, color=_FORM) + 12

    def head_requisition(self) -> None:
        """The purchase requisition the order was raised from, boxed at the head (its facts in the requester's
        hand, a priority checkbox row, an approvals strip with initials), then the order's own head under a rule."""
        w, po, M, r = self.words, self.po, self.M, self.o15.req
        span = self.W - 2 * M
        top = 34.0
        self.page.rect(M, top, span, 112, stroke=_FORM, line_width=0.8)
        self.page.rect(M, top, span, 16, stroke=_FORM, fill=(0.86, 0.9, 0.94), line_width=0.8)
        self.t(M + 6, top + 11.5, w["req"], 9, bold=True, color=_FORM)
        needed = format_day13(date.fromisoformat(r["needed"]), "dmy_slash", self.fam.lang)
        cells = [(w["req_no"], r["no"]), (w["dept"], r["dept"]), (w["by"], r["by"]), (w["needed"], needed),
                 (w["budget"], r["budget"])]  # fmt: skip
        cw = span / 3
        for k, (cap, value) in enumerate(cells):
            x, y = M + 6 + (k % 3) * cw, top + 30 + (k // 3) * 22
            used = self.t(x, y, f"{cap}:", 7.5, color=_FORM) + 4
            self.page.line(x + used, y + 2, x + cw - 12, y + 2, 0.3, _FORM)
            self.page.text(x + used + 2, y, value, self.hand, 10, color=_PEN)
        x, y = M + 6 + 2 * cw, top + 52
        x += self.t(x, y, f"{w['priority']}:", 7.5, color=_FORM) + 6
        x += self.checkbox(x, y, bool(r["urgent"]), w["urgent"])
        self.checkbox(x, y, not r["urgent"], w["normal"])
        ay = top + 70
        heads = w["approvals"].split("|")
        aw = span / 3
        for k, (cap, who) in enumerate(zip(heads, (r["by"], r["checked"], r["approved"]), strict=True)):
            x = M + k * aw
            self.page.rect(x, ay, aw, 42, stroke=_FORM, line_width=0.5)
            self.t(x + 4, ay + 9, cap, 6.5, color=_FORM)
            initials = "".join(p[0] for p in who.replace(".", " ").split())
            self.page.text(x + 14, ay + 30, initials, self.hand, 15, color=_PEN)
            self.page.line(x + 50, ay + 30, x + 50 + self.rng.uniform(20, 50), ay + 26, 0.8, _PEN)
        y = top + 126
        self.page.line(M, y, self.W - M, y, 0.6, _GREY)
        self.t(self.W / 2, y + 10, w["raised"], 6.5, align="center", color=_GREY)
        self.t(M, y + 34, w["title"], 14, bold=True)
        facts = self.facts()
        half = span / 2
        yy = y + 30
        for k, (cap, value, name) in enumerate(facts):
            x = M + half + (k % 2) * (half / 2)
            fy = yy + (k // 2) * 22
            self.t(x, fy - 9, cap, 6.5, color=_GREY)
            size = 8.5 if width(value, self.fonts.regular, 8.5) < half / 2 - 6 else 7
            self.t(x, fy + 1, value, size, ent=self.ent(name))
        top2 = yy + 42
        fits = all(width(p.name, self.fonts.bold, 9) < half - 10 for p in (po.buyer, po.vendor))
        size = 8.5 if fits else 7
        y1 = self.party(M, top2, w["buyer"], po.buyer, "buyer", size=size)
        y2 = self.party(M + half, top2, w["vendor"], po.vendor, "vendor", size=size)
        self.y = max(y1, y2) + 12

    def head_slip(self) -> None:
        """The buyer's letterhead on the left, the title and the facts stacked on the right, the supplier under
        the letterhead (the slip comes at the foot of the last page)."""
        w, po, M = self.words, self.po, self.M
        b = po.buyer
        self.t(M, 50, b.name, 13, bold=True, ent=self.ent("buyer_name"))
        self.t(M, 62, f"{b.street}, {b.city}", 8)
        x = M + self.t(M, 73, f"{b.tax_label}:", 8) + 4
        self.t(x, 73, str(b.tax_id), 8, ent=self.ent("buyer_tax_id"))
        self.t(self.W - M, 50, w["title"], 14, bold=True, align="right")
        y = 66.0
        for cap, value, name in self.facts():
            vw = width(value, self.fonts.regular, 8.5)
            self.t(self.W - M, y, value, 8.5, align="right", ent=self.ent(name))
            self.t(self.W - M - vw - 5, y, f"{cap}:", 8, bold=True, align="right")
            y += 12
        vy = self.party(M, 100, w["vendor"], po.vendor, "vendor", size=8.5)
        self.t(self.W / 2 + 20, y + 10, w["ship"], 7.5, bold=True, color=(0.3, 0.3, 0.3))
        self.t(self.W / 2 + 20, y + 21, f"{po.ship_to.street}, {po.ship_to.city}", 8)
        self.y = max(vy, y + 26) + 12

    def slip(self) -> None:
        """A dashed cut line and the acknowledgement slip under it: the order's number, date and total repeated
        (not labelled), lines for the supplier's signature and date."""
        w, po, M = self.words, self.po, self.M
        if self.y > self.H - 190:
            self.new_page()
        top = max(self.y + 20, self.H - 175)
        x = M - 12
        while x < self.W - M + 12:
            self.page.line(x, top, min(x + 5, self.W - M + 12), top, 0.6, _GREY)
            x += 9
        mark = "✂" if self.dejavu else "- -"
        self.t(M - 12, top - 3, mark, 9, color=_GREY)
        self.t(self.W - M + 12, top - 3, w["cut"], 6, align="right", color=_GREY)
        self.t(M, top + 20, w["ack"], 8.5, bold=True)
        body = w["ack_body"].replace("{num}", po.number).replace("{date}", self.day(po.order_date))
        body = body.replace("{total}", self.money(po.total)).replace("{cur}", self.fam.currency)
        self.y = top + 26
        self.flow(body + " ____________.", {}, M, self.W - 2 * M, size=8.5)
        y = self.y + 34
        self.page.line(M, y, M + 200, y, 0.4)
        self.t(M, y + 10, w["ack_sign"], 7)
        self.page.line(self.W - M - 140, y, self.W - M, y, 0.4)
        self.t(self.W - M - 140, y + 10, w["ack_date"], 7)
        self.y = y + 16

    # ------------------------------------------------------------ tables

    def ref_caption(self) -> str:
        ref = self.o15.reference
        return self.words["ref"].replace("{cur}", ref[0] if ref else "")

    def col_specs15(self) -> list[tuple[str, str, float, str]]:
        w = self.words
        caps = {"line_no": (w["no"], 0.05, "left"), "sku": (w["code"], 0.1, "left"),
                "description": (w["desc"], 0.34, "left"), "pack": (w["pack"], 0.1, "right"),
                "quantity": (w["qty"], 0.08, "right"), "unit": (w["unit"], 0.07, "left"),
                "unit_price": (w["price"], 0.13, "right"), "amount": (w["amount"], 0.14, "right"),
                "ref": (self.ref_caption(), 0.12, "right")}  # fmt: skip
        cols = self.order.look["columns"]
        total = sum(caps[c][1] for c in cols)
        return [(c, caps[c][0], caps[c][1] / total, caps[c][2]) for c in cols]

    def cell15(self, role: str, i: int, ln: POLine) -> tuple[str, str | None]:
        if role == "pack":
            pack = self.o15.packs[i]
            return (f"{pack[0]} × {pack[1]}" if pack else "", None)
        if role == "ref":
            ref = self.o15.reference
            value = _half_up(ln.amount / ref[1], 2) if ref else Decimal(0)
            return (format_num13(value, self.style, 2), None)
        return self.cell(role, i, ln)

    def table15(self) -> None:
        """The ruled table; a pack column, a packaging row under each item, or a reference currency's column."""
        specs = self.col_specs15()
        self.head_row14(specs)
        size, lead = 8.0, 10.5
        desc_w = next(share for role, _c, share, _a in specs if role == "description") * self.span - 6
        packing = self.fam.table == "packaging"
        for i, ln in enumerate(self.po.lines):
            desc_lines = wrap(ln.description, self.fonts.regular, size, desc_w)
            h = lead * len(desc_lines) + 4 + (10 if packing else 0)
            if self.y + h > self.H - 70:
                self.new_page()
                self.y = 46
                self.head_row14(specs)
            self.row15(specs, i, ln, self.y + 8, desc_lines, size, lead)
            self.y += lead * len(desc_lines) + 4
            if packing:
                self.page.text(self.x0 + 18, self.y + 4, f"{self.words['packing']}: {self.o15.packing[i]}",
                               self.fonts.italic, 7, color=_GREY)  # fmt: skip
                self.y += 10
            self.page.line(self.x0, self.y - 1, self.x0 + self.span, self.y - 1, 0.25, (0.6, 0.6, 0.6))
        self.y += 8
        ref = self.o15.reference
        if ref:
            note = self.words["refnote"].replace("{ref}", ref[0]).replace("{cur}", self.fam.currency)
            rate = format_num13(ref[1], self.style, max(0, -int(ref[1].normalize().as_tuple().exponent)))
            self.t(self.x0, self.y + 2, note.replace("{rate}", rate), 7, color=_GREY)
            self.y += 12

    def row15(self, specs: list[tuple[str, str, float, str]], i: int, ln: POLine, base: float,
              desc_lines: list[str], size: float, lead: float, number_ink: tuple[float, float, float] | None = None
              ) -> None:  # fmt: skip
        x = self.x0
        for role, _cap, share, align in specs:
            cw = share * self.span
            if role == "description":
                ent = self.ent("description", i)
                for k, text in enumerate(desc_lines):
                    self.page.text(x + 3, base + lead * k, text, self.fonts.regular, size, entity=ent, row=i)
            elif role == "line_no":
                self.t(x + 3, base, str(i + 1), size, color=number_ink or (0, 0, 0))
            else:
                text, name = self.cell15(role, i, ln)
                ax = x + cw - 3 if align == "right" else x + 3
                ink = _GREY if role == "ref" else (0, 0, 0)
                self.page.text(ax, base, text, self.fonts.regular, size, entity=self.ent(name, i) if name else None,
                               align=align, row=i, color=ink)  # fmt: skip
            x += cw

    def zbar_table(self) -> None:
        """An order form of pre-printed, numbered rows (fifteen a page); the items fill them from the top and the
        rows left empty on the last page are struck out with a Z in pen."""
        specs = self.col_specs15()
        size, lead, per_page = 8.0, 10.5, 15
        desc_w = next(share for role, _c, share, _a in specs if role == "description") * self.span - 6
        lines = self.po.lines
        k = 0
        while True:
            self.head_row14(specs)
            slots = 0
            while k < len(lines) and slots < per_page:
                ln = lines[k]
                desc_lines = wrap(ln.description, self.fonts.regular, size, desc_w)
                h = max(17.0, lead * len(desc_lines) + 6)
                if self.y + h > self.H - 70:
                    break
                self.grid_row(specs, self.y - 3, h)
                self.row15(specs, k, ln, self.y + 8, desc_lines, size, lead, number_ink=_FORM)
                self.y += h
                k += 1
                slots += 1
            if k < len(lines):
                self.new_page()
                self.y = 46
                continue
            break
        blank_top, row_no = self.y - 3, k
        while slots < per_page and self.y + 17 < self.H - 150:
            self.grid_row(specs, self.y - 3, 17.0)
            row_no += 1
            if specs[0][0] == "line_no":
                self.t(self.x0 + 3, self.y + 8, str(row_no), size, color=_FORM)
            self.y += 17
            slots += 1
        bottom = self.y - 3
        if bottom - blank_top > 4:  # the empty rows struck out with a Z
            x0, x1 = self.x0 + 6, self.x0 + self.span - 6
            self.page.line(x0, blank_top + 4, x1, blank_top + 4, 1.1, _PEN)
            self.page.line(x1, blank_top + 4, x0, bottom - 4, 1.1, _PEN)
            self.page.line(x0, bottom - 4, x1, bottom - 4, 1.1, _PEN)
        self.y += 10

    def grid_row(self, specs: list[tuple[str, str, float, str]], y: float, h: float) -> None:
        """One pre-printed row of the form: its cell borders in the form's ink."""
        self.page.rect(self.x0, y, self.span, h, stroke=_FORM, line_width=0.4)
        x = self.x0
        for _role, _cap, share, _align in specs[:-1]:
            x += share * self.span
            self.page.line(x, y, x, y + h, 0.4, _FORM)

    def write(self) -> None:
        fam = self.fam
        getattr(self, f"head_{fam.header}")()
        if fam.table == "zbar":
            self.zbar_table()
        else:
            self.table15()
        self.totals()
        if fam.header == "slip":
            self.slip()
        self.page_numbers(self.words["page"])


def make_blind15_po(seed: int, fam: Blind15Family, doc_id: str | None = None) -> GeneratedDoc:
    return make_set_po(seed, fam, doc_id, set_no=15, sample=sample_po15, writer_of=PO15Writer)


# ---------------------------------------------------------------- contracts

_EN_CONTRACT: dict[str, Any] = {
    "title": "SERVICES AGREEMENT", "number": "Agreement No.",
    "intro": "{buyer}, {btaxcap} {btax} (the Client), engages {vendor}, {vtaxcap} {vtax} (the Contractor), to "
             "provide the services below from {eff}.",
    "until": "The agreement runs until {exp}, unless either party ends it sooner under the last clause.",
    "term": "The agreement runs for {n} {unit} from the date it is signed.",
    "units": ("months", {1: "year", 2: "years", 3: "years"}),
    "pay": "The Contractor invoices in {cur} each month for the services given, and the Client pays {terms}.",
    "terms": [("within 30 days of receiving the invoice", 30), ("within 14 days of the month's statement", 14)],
    "heads": ["The parties", "Duration", "Invoices and payment", "Rates", "Confidential information",
              "Ending the agreement"],
    "more": ["Neither party tells anyone else what it learns about the other's business under this agreement.",
             "Either party may end the agreement by giving the other sixty days' notice in writing."],
    "rates": "The rates (before any tax) are these:",
    "cols": ("Service", "Unit", "Rate"), "neg": ("Offered", "Agreed"),
    "year": "Year {n}", "esc": "Rates for years 2 and 3 include indexation of {p} % a year.",
    "faq": ["Who are the parties?", "How long does the agreement last?", "How is the Contractor paid?",
            "What will the services cost?", "What about confidential information?", "How can the agreement end?"],
    "faq_intro": "This agreement is written in plain language. Each answer below is a binding term.",
    "deed": {"open": "THIS AGREEMENT is made on the {eff} BETWEEN:",
             "one": "(1) {buyer}, {btaxcap} {btax} (the Client); and",
             "two": "(2) {vendor}, {vtaxcap} {vtax} (the Contractor).",
             "agreed": "IT IS AGREED as follows:",
             "witness": "IN WITNESS WHEREOF the parties have executed this agreement as a deed on the date first "
                        "written above.",
             "signed": "SIGNED AND DELIVERED as a deed by", "presence": "in the presence of:",
             "fields": ["Witness", "Name", "Occupation"]},
    "minutes": {"held": "Minutes of the negotiation meeting held at {city} on {day} on the Contractor's offer.",
                "present": ("For the Client", "For the Contractor"), "roles": ["Procurement Officer",
                "Finance Manager", "Managing Director", "Operations Manager"],
                "agreed": "The parties agreed as follows:"},
    "services": [("Generator servicing", "visit"), ("Air-conditioning maintenance", "unit"),
                 ("Electrician", "hour"), ("Office cleaning", "month"), ("Security guard", "shift")],
}  # fmt: skip
_FR_CONTRACT: dict[str, Any] = {
    "title": "CONTRAT DE PRESTATION DE SERVICES", "number": "Contrat n°",
    "intro": "{buyer}, {btaxcap} {btax} (le Client), confie à {vendor}, {vtaxcap} {vtax} (le Prestataire), les "
             "prestations ci-dessous à compter du {eff}.",
    "until": "Le contrat prend fin le {exp}, sauf résiliation anticipée dans les conditions du dernier article.",
    "term": "Le contrat est conclu pour {n} {unit} à compter de sa signature.",
    "units": ("mois", {1: "an", 2: "ans", 3: "ans"}),
    "pay": "Le Prestataire facture en {cur} chaque mois les prestations exécutées ; le Client règle {terms}.",
    "terms": [("à 30 jours de la réception de la facture", 30), ("à 45 jours fin de mois", 45)],
    "heads": ["Les parties", "Durée", "Facturation et paiement", "Prix", "Confidentialité", "Résiliation"],
    "more": ["Les parties gardent confidentielles les informations reçues l'une de l'autre.",
             "Chaque partie peut résilier le contrat par lettre recommandée avec un préavis de deux mois."],
    "rates": "Les prix, hors taxes, sont les suivants :",
    "cols": ("Prestation", "Unité", "Prix"), "neg": ("Offre initiale", "Prix retenu"),
    "year": "Année {n}", "esc": "Les prix des années 2 et 3 comprennent une révision de {p} % par an.",
    "faq": ["Qui sont les parties ?", "Combien de temps dure le contrat ?", "Comment le Prestataire est-il payé ?",
            "Combien coûtent les prestations ?", "Que deviennent les informations échangées ?",
            "Comment mettre fin au contrat ?"],
    "faq_intro": "Le présent contrat est rédigé sous forme de questions et de réponses ; chaque réponse engage "
                 "les parties.",
    "minutes": {"held": "Procès-verbal de la séance de négociation tenue à {city} le {day} sur l'offre du "
                        "Prestataire.",
                "present": ("Pour le Client", "Pour le Prestataire"), "roles": ["Chef du service des achats",
                "Directeur financier", "Gérant", "Responsable technique"],
                "agreed": "Les parties ont arrêté ce qui suit :"},
    "services": [("Entretien des groupes électrogènes", "visite"), ("Maintenance des climatiseurs", "appareil"),
                 ("Électricien", "heure"), ("Nettoyage des bureaux", "mois"), ("Gardiennage", "vacation")],
}  # fmt: skip
_ES_CONTRACT: dict[str, Any] = {
    **_FR_CONTRACT,
    "title": "ACTA DE NEGOCIACIÓN Y CONTRATO DE SERVICIOS", "number": "Acta n.º",
    "intro": "{buyer}, {btaxcap} {btax} (el Cliente), encarga a {vendor}, {vtaxcap} {vtax} (el Prestador), los "
             "servicios siguientes a partir del {eff}.",
    "until": "El contrato vence el {exp}, salvo resolución anticipada conforme al último punto.",
    "term": "El contrato se celebra por {n} {unit} a partir de su firma.",
    "units": ("meses", {1: "año", 2: "años", 3: "años"}),
    "pay": "El Prestador factura en {cur} cada mes los servicios prestados; el Cliente paga {terms}.",
    "terms": [("a 30 días de la recepción de la factura", 30), ("a 60 días fecha factura", 60)],
    "heads": ["Partes", "Duración", "Facturación y pago", "Precios", "Confidencialidad", "Resolución"],
    "more": ["Las partes guardan reserva sobre la información que reciban la una de la otra.",
             "Cualquiera de las partes puede resolver el contrato por escrito con un preaviso de dos meses."],
    "rates": "Los precios acordados, sin impuestos, son los siguientes:",
    "cols": ("Servicio", "Unidad", "Precio"), "neg": ("Oferta inicial", "Precio acordado"),
    "minutes": {"held": "Acta de la reunión de negociación celebrada en {city} el {day} sobre la oferta del "
                        "Prestador.",
                "present": ("Por el Cliente", "Por el Prestador"), "roles": ["Jefe de compras",
                "Director financiero", "Gerente", "Jefe técnico"],
                "agreed": "Las partes acordaron lo siguiente:"},
    "services": [("Mantenimiento de grupos electrógenos", "visita"), ("Mantenimiento de aire acondicionado",
                 "equipo"), ("Electricista", "hora"), ("Limpieza de oficinas", "mes"), ("Vigilancia", "turno")],
}  # fmt: skip
_DEED_UNTIL = "The agreement runs until the {exp}, unless either party ends it sooner under the last clause."
CONTRACT15: dict[str, dict[str, Any]] = {
    "GQ": _ES_CONTRACT,
    "MR": {**_FR_CONTRACT, "title": "PROCÈS-VERBAL DE NÉGOCIATION ET CONTRAT", "number": "PV n°"},
    "BJ": {**_FR_CONTRACT, "title": "CONTRAT DE SERVICES EN QUESTIONS-RÉPONSES", "number": "Contrat n°"},
    "KM": {**_FR_CONTRACT, "title": "PROCÈS-VERBAL DE NÉGOCIATION", "number": "PV n°",
           "services": [("Entretien des groupes électrogènes", "visite"), ("Transport de marchandises", "voyage"),
                        ("Maçon", "jour"), ("Nettoyage des locaux", "mois")]},
    "BS": {**_EN_CONTRACT, "title": "DEED OF SERVICES AGREEMENT", "number": "Deed No.", "until": _DEED_UNTIL,
           "services": [("Dock maintenance", "visit"), ("Boat hauling", "haul"), ("Marine electrician", "hour"),
                        ("Grounds keeping", "month")]},
    "BB": {**_EN_CONTRACT, "title": "SERVICES AGREEMENT IN PLAIN LANGUAGE", "number": "Ref."},
    "KY": {**_EN_CONTRACT, "title": "MAINTENANCE DEED", "number": "Deed Ref.", "until": _DEED_UNTIL,
           "services": [("Lift maintenance", "lift/month"), ("Pool servicing", "visit"), ("Plumber", "hour"),
                        ("Pest control", "treatment")]},
    "GM": {**_EN_CONTRACT, "title": "SERVICES AGREEMENT – QUESTIONS AND ANSWERS", "number": "Agreement No."},
}  # fmt: skip


def _contract_number15(rng: random.Random, country: str, year: int) -> str:
    n = rng.randrange(10, 9999)
    return {"GQ": f"{n:03d}/{year}", "MR": f"PV-{n:04d}/{year}", "BJ": f"{year}/{n:04d}/CS",
            "KM": f"{n:03d}/PV/{year % 100}", "BS": f"D-{year}-{n:04d}", "BB": f"SA/{n:04d}/{year % 100}",
            "KY": f"MD{year}{n:04d}", "GM": f"GM-SA-{n:04d}"}[country]  # fmt: skip


_TERM_CHOICES = ((6, "months"), (12, "months"), (18, "months"), (1, "years"), (2, "years"), (3, "years"))


@dataclass
class Contract15(Contract2):
    others: list[Decimal]  # the offered rate (negotiated) or the indexation in % (escalation) per rate
    people: list[tuple[str, str, int]]  # the people present at a negotiation: (name, role, side)
    met: date  # the day the negotiation met


def sample_contract15(rng: random.Random, fam: Blind15Family) -> Contract15:
    """A contract of ``fam``: its parties, dates (the expiry the day before the term or the months run out), rates
    and the values printed beside them."""
    text = CONTRACT15[fam.country]
    buyer = make_party15(rng, fam.country)
    vendor = make_party15(rng, fam.country, avoid=buyer.name)
    effective = date(rng.randrange(2024, 2028), 1, 1) + timedelta(days=rng.randrange(365))
    term = rng.choice(_TERM_CHOICES) if "term" in fam.extras else None
    months = term[0] * (12 if term[1] == "years" else 1) if term else rng.choice([12, 24, 36])
    mult = Decimal(_PRICE_SCALE15[fam.currency])
    chosen = rng.sample(text["services"], rng.randrange(2, len(text["services"]) + 1))
    rates = [
        (svc, unit, _half_up(Decimal(rng.randrange(1500, 80000)) / 100 * mult, fam.places)) for svc, unit in chosen
    ]
    expiry = effective + relativedelta(months=months) - timedelta(days=1)
    number = _contract_number15(rng, fam.country, effective.year)
    if fam.table == "negotiated":
        others = [_half_up(r * Decimal(rng.choice(["1.05", "1.08", "1.1", "1.12", "1.15", "1.2"])), fam.places)
                  for _s, _u, r in rates]  # fmt: skip
    else:
        others = [Decimal(rng.choice(["2.5", "3", "4", "5"]))] * len(rates)
    lang = "es" if fam.lang.startswith("es") else fam.lang[:2]
    names = rng.sample(_NAMES15.get(fam.country, _NAMES15[lang]), 4)
    roles = text["minutes"]["roles"]
    people = [(names[0], roles[0], 0), (names[1], roles[1], 0), (names[2], roles[2], 1), (names[3], roles[3], 1)]
    met = effective - timedelta(days=rng.randrange(3, 25))
    return Contract15(number, effective, expiry, term, buyer, vendor, rng.choice(text["terms"]), rates, others,
                      people, met)  # fmt: skip


class Contract15Writer(Contract14Writer):
    """Set 14's contract writer (its clauses and signatures, through sets 13 and 12) with this set's papers and
    schedules."""

    def __init__(self, rng: random.Random, fam: Blind15Family, model: Contract15) -> None:
        self.model, self.text = model, CONTRACT15[fam.country]
        self.m15 = model
        self.col, self.clauses = -1, []
        self.top = self.bottom = self.left_end = 0.0
        Sheet12.__init__(self, rng, fam)  # type: ignore[arg-type]

    def day(self, value: date) -> str:
        return format_day15(value, self.fam.dates, self.fam.lang)

    # ------------------------------------------------------------ schedules

    def schedule14(self) -> None:
        indent = 18 if self.fam.header == "faq" else 0  # beside a question's 'A'
        self.flow(self.text["rates"], {}, self.M + indent, self.W - 2 * self.M - indent, size=9)
        if self.fam.table == "negotiated":
            self.ruled(self.text["neg"], [self.money(v) for v in self.m15.others], label_last=True)
        elif self.fam.table == "escalation":
            self.escalation()
        else:
            self.rate_table(self.text["cols"])

    def escalation(self) -> None:
        """The first year's rates (labelled) and the second and third years' indexed rates beside them."""
        year = self.text["year"]
        caps = tuple(f"{year.replace('{n}', str(k))} ({self.model.effective.year + k - 1})" for k in (1, 2, 3))
        later: list[list[str]] = []
        for (_s, _u, rate), pct in zip(self.model.rates, self.m15.others, strict=True):
            y2 = _half_up(rate * (1 + pct / 100), self.fam.places)
            y3 = _half_up(y2 * (1 + pct / 100), self.fam.places)
            later.append([self.money(y2), self.money(y3)])
        self.ruled(caps, later, label_last=False)
        shown = format_qty13(self.m15.others[0], self.fam.numbers)
        self.flow(self.text["esc"].replace("{p}", shown), {}, self.M, self.W - 2 * self.M, size=7.5)

    def ruled(self, caps: tuple[str, ...], extra: list[str] | list[list[str]], label_last: bool) -> None:
        """A ruled rate table: service, unit, then the rate columns. ``label_last``: the labelled rate is the last
        column (the offered rate before it); else the first (the later years' after it)."""
        M, span = self.M, self.W - 2 * self.M
        cols = self.text["cols"]
        n_rates = len(caps)
        shares = [0.4, 0.16] + [0.44 / n_rates] * n_rates
        heads = [cols[0], cols[1], *caps]
        self.room13(40)
        self.page.rect(M, self.y, span, 18, fill=(0.88, 0.9, 0.88), line_width=0.5)
        x = M
        for k, (cap, share) in enumerate(zip(heads, shares, strict=True)):
            cw = share * span
            right = k >= 2
            self.t(x + cw - 4 if right else x + 4, self.y + 12, cap, 7.5, bold=True, align="right" if right else "left")
            x += cw
        self.y += 18
        for service, unit, rate, i in self.rate_rows():
            others = extra[i] if isinstance(extra[i], list) else [extra[i]]
            texts = [*others, rate] if label_last else [rate, *others]
            labelled = n_rates - 1 if label_last else 0
            self.room13(18)
            self.page.rect(M, self.y, span, 16, line_width=0.4)
            base = self.y + 11
            self.page.text(M + 4, base, service, self.fonts.regular, 8.5, entity=self.ent("description", i), row=i)
            self.page.text(M + shares[0] * span + 4, base, unit, self.fonts.regular, 8.5, entity=self.ent("unit", i),
                           row=i)  # fmt: skip
            x = M + (shares[0] + shares[1]) * span
            for k, text in enumerate(texts):
                cw = shares[2 + k] * span
                on = k == labelled
                face = self.fonts.bold if on and label_last else self.fonts.regular
                ent = self.ent("unit_price", i) if on else None
                self.page.text(x + cw - 4, base, str(text), face, 8.5, entity=ent, align="right", row=i if on else None,
                               color=(0, 0, 0) if on else _GREY)  # fmt: skip
                x += cw
            self.y += 16
        self.y += 8

    # ------------------------------------------------------------ layouts

    def write_faq(self) -> None:
        """Questions and answers: each question in bold beside a 'Q' marker, its answer indented beside an 'A'."""
        text, M = self.text, self.M
        self.flow(text["faq_intro"], {}, M, self.W - 2 * M, size=8.5)
        items = self.clause_list()
        answers = [items[0], items[1], items[2], None, items[3], items[4]]
        for k, (question, answer) in enumerate(zip(text["faq"], answers, strict=True), start=1):
            self.room13(50)
            self.y += 8
            self.page.rect(M, self.y, 12, 12, stroke=None, fill=(0.2, 0.35, 0.55))
            self.t(M + 6, self.y + 9, "Q", 8, bold=True, align="center", color=(1, 1, 1))
            self.t(M + 18, self.y + 9.5, f"{k}. {question}", 9.5, bold=True)
            self.y += 14
            self.t(M + 6, self.y + 10, "A", 8, bold=True, align="center", color=(0.2, 0.35, 0.55))
            if answer is None:
                self.schedule14()
            else:
                _head, template, values = answer
                self.flow(template, values, M + 18, self.W - 2 * M - 18, size=9)

    def write_minutes(self) -> None:
        """Minutes of a negotiation: where and when it met, who was present for each side, the points agreed
        (the agreed rates the fourth)."""
        text, M, m = self.text, self.M, self.m15
        mt = text["minutes"]
        held = mt["held"].replace("{city}", m.buyer.city.split()[-1]).replace("{day}", self.day(m.met))
        self.flow(held, {}, M, self.W - 2 * M, size=9)
        half = (self.W - 2 * M) / 2
        self.room13(80)
        self.page.rect(M, self.y, 2 * half, 16, fill=(0.9, 0.9, 0.9), line_width=0.5)
        for side, cap in enumerate(mt["present"]):
            self.t(M + side * half + 4, self.y + 11, cap, 8.5, bold=True)
        self.y += 16
        rows = [[p for p in m.people if p[2] == side] for side in (0, 1)]
        for k in range(max(len(r) for r in rows)):
            self.page.rect(M, self.y, 2 * half, 16, line_width=0.4)
            self.page.line(M + half, self.y, M + half, self.y + 16, 0.4)
            for side in (0, 1):
                if k < len(rows[side]):
                    name, role, _s = rows[side][k]
                    self.t(M + side * half + 4, self.y + 11, f"{name}, {role}", 8.5)
            self.y += 16
        self.y += 6
        self.flow(mt["agreed"], {}, M, self.W - 2 * M, size=9)
        self.write_clauses()

    def write_deed(self) -> None:
        """A deed: the date in ordinal words, the parties as a numbered list, the clauses, an execution block with
        witnesses."""
        text, M, v = self.text, self.M, self.values()
        d = text["deed"]
        span = self.W - 2 * M
        self.flow(d["open"], {"eff": v["eff"]}, M, span, size=9.5)
        self.flow(d["one"], {k: v[k] for k in ("buyer", "btaxcap", "btax")}, M + 14, span - 14, size=9.5)
        self.flow(d["two"], {k: v[k] for k in ("vendor", "vtaxcap", "vtax")}, M + 14, span - 14, size=9.5)
        self.flow(d["agreed"], {}, M, span, size=9.5)
        items = self.clause_list()[1:]
        for k, (head, template, values) in enumerate(items, start=1):
            if k == 3:
                self.room13(50)
                self.t(M, self.y + 12, f"3. {text['heads'][3]}", 9.5, bold=True)
                self.y += 16
                self.schedule14()
            self.room13(40)
            self.t(M, self.y + 12, f"{k if k < 3 else k + 1}. {head}", 9.5, bold=True)
            self.y += 14
            self.flow(template, values, M, span, size=9)
        self.room13(190)
        self.flow(d["witness"], {}, M, span, size=9)
        half = span / 2
        top = self.y + 8
        for side, party in enumerate((self.model.buyer, self.model.vendor)):
            x, y = M + side * half, top
            self.t(x, y + 10, d["signed"], 8, bold=True)
            self.t(x, y + 21, party.name, 8)
            self.page.line(x, y + 46, x + half - 24, y + 46, 0.4)
            self.t(x, y + 66, d["presence"], 8)
            for k, cap in enumerate(d["fields"]):
                yy = y + 86 + 16 * k
                self.t(x, yy, f"{cap}:", 7.5)
                self.page.line(x + 52, yy + 1, x + half - 24, yy + 1, 0.4)
        self.y = top + 140

    def write(self) -> None:
        self.heading()
        if self.fam.header == "faq":
            self.write_faq()
        elif self.fam.header == "minutes":
            self.write_minutes()
        else:
            self.write_deed()
        if self.fam.header != "deed":
            self.signatures()
        self.page_numbers("")


def make_blind15_contract(seed: int, fam: Blind15Family, doc_id: str | None = None) -> GeneratedDoc:
    doc = make_set_contract(seed, fam, doc_id, set_no=15, sample=sample_contract15, writer_of=Contract15Writer)
    doc.label["features"]["numbers"] = fam.numbers
    return doc


# ---------------------------------------------------------------- scans

SCAN_CONDITIONS = ("sticky", "dogear")


def _sticky(img: Image.Image, rng: random.Random) -> Image.Image:
    """A sticky note stuck over the page's left or right edge (most of it past the edge, over the margin), yellow
    or pink, its shadow along the lower side, a few pen strokes on it."""
    page = img.convert("RGB")
    w, h = page.size
    side = rng.uniform(0.14, 0.2) * w
    colour = rng.choice([(250, 236, 120), (255, 200, 215), (200, 240, 170)])
    left = rng.random() < 0.5
    x0 = -side * rng.uniform(0.6, 0.7) if left else w - side * rng.uniform(0.3, 0.4)
    y0 = rng.uniform(0.25, 0.7) * h
    note = Image.new("RGB", (int(side), int(side)), colour)
    draw = ImageDraw.Draw(note)
    for k in range(rng.randrange(2, 4)):  # pen strokes: a wavy line a row
        yy = side * (0.25 + 0.2 * k)
        pts = [(side * (0.1 + 0.08 * j), yy + rng.uniform(-3, 3)) for j in range(11)]
        draw.line(pts, fill=(30, 40, 120), width=max(1, int(side / 90)))
    shadow = Image.new("L", page.size, 0)
    ImageDraw.Draw(shadow).rectangle([x0 + 3, y0 + 4, x0 + side + 3, y0 + side + 6], fill=90)
    shadow = shadow.filter(ImageFilter.GaussianBlur(max(2.0, side / 40)))
    arr = np.asarray(page, dtype=np.float32) * (1 - np.asarray(shadow, dtype=np.float32)[..., None] / 255)
    out = Image.fromarray(np.clip(arr, 0, 255).astype(np.uint8))
    out.paste(note, (int(x0), int(y0)))
    return out


def _dogear(img: Image.Image, rng: random.Random) -> Image.Image:
    """A dog-ear: one corner folded over; past the fold the scanner's dark lid shows, and the flap (the paper's
    back, a little grey, shaded towards the fold) lies over the page inside it."""
    rgb = np.asarray(img.convert("RGB"), dtype=np.float32).copy()
    h, w = rgb.shape[:2]
    leg = rng.uniform(0.05, 0.08) * w
    corner = rng.choice(["tr", "br", "bl"])
    ys, xs = np.mgrid[0:h, 0:w].astype(np.float32)
    dx = (w - 1 - xs) if corner in {"tr", "br"} else xs  # distance from the corner's vertical edge
    dy = ys if corner == "tr" else (h - 1 - ys)
    s = dx + dy
    outside = s < leg  # the corner that folded away
    flap = (s >= leg) & (s < 2 * leg) & (dx < leg) & (dy < leg)
    lid = np.array([rng.uniform(25, 60)] * 3, dtype=np.float32)
    rgb[outside] = lid
    shade = 0.78 + 0.14 * ((s - leg) / leg)
    back = np.array([235, 233, 228], dtype=np.float32)
    rgb[flap] = back[None, :] * shade[flap][:, None]
    pad = max(2.0, leg / 25)
    edge = ((dx >= leg) & (dx < leg + pad) & (dy < leg)) | ((dy >= leg) & (dy < leg + pad) & (dx < leg))
    rgb[edge & (s >= leg)] *= 0.75  # the flap's shadow on the page along its two straight edges
    return Image.fromarray(np.clip(rgb, 0, 255).astype(np.uint8))


_OWN15 = {"sticky": _sticky, "dogear": _dogear}


# this set's own conditions; the earlier sets' through ``blind14.condition14``
condition15 = chain_conditions(_OWN15, condition14)


# ---------------------------------------------------------------- data sets


def make_blind15(seed: int, fam: Blind15Family, doc_id: str | None = None) -> GeneratedDoc:
    """One document of ``fam``; the same seed gives the same bytes."""
    return (make_blind15_po if fam.kind == "po" else make_blind15_contract)(seed, fam, doc_id)


def generate_blind15(n: int, out: Path, seed: int, scanned_share: float = 0.0, split: str = "all") -> list[Path]:
    """Write ``n`` documents of the fifteenth blind set's ``split`` (dev, test or all) with their labels to ``out``.
    A scanned document gets its family's own scan condition or, one time in three, the factory's plain scan."""
    return write_blind_set(n, out, seed, scanned_share, split, blind15_families(split), make_blind15, set_no=15,
                           salt=0xB115, conditioner=condition15)  # fmt: skip


__all__ = ["BLIND15_SPLITS", "BY_NAME", "FAMILIES", "SCAN_CONDITIONS", "SPLIT_SEED", "blind15_families",
           "condition15", "format_day15", "generate_blind15", "make_blind15", "sample_contract15", "sample_po15",
           "tax_id15", "tax_id_valid15"]  # fmt: skip
