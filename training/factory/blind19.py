"""The nineteenth blind set: purchase orders and contracts written without looking at the extractor, for measuring it.

Sets 1-18 printed nearly every country code there is, so this set REUSES countries: it goes to 24 desks no set
printed, each a country with a language actually written there that no set used for it, with caption words of its
own. Orders: Ticino in Italian (francs, the Swiss UID, 8.1 % IVA), Gipuzkoa and Bizkaia in Basque (euros, BEZ),
Wales in Welsh (pounds, TAW), Malta in Maltese, Luxembourg in Luxembourgish, South Africa in Afrikaans (rand, BTW),
Finland in Swedish (25.5 % moms), Belarus in Belarusian (roubles, ПДВ, the УНП), Vojvodina's Slovaks in Slovak
(dinars, the Serbian PIB), Friesland in West Frisian, Malaysia in Malay (ringgit, SST), Kenya in Swahili (shillings,
the KRA PIN), South Tyrol in German (euros, the Italian partita IVA), Transylvania in Hungarian (lei, the Romanian
CUI), western North Macedonia in Albanian (denars, the ЕДБ) and Flensburg's Danish minority in Danish (euros, the
German USt-IdNr.). Contracts: the Grisons in Romansh, Denmark's German minority (kroner, the CVR), the Highlands in
Scottish Gaelic, the United States in Spanish (US dollars, the EIN), Trieste in Slovene, Galicia in Galician, Bosnia
and Herzegovina in Croatian (marks) and Ireland in Irish. Amounts print as each desk writes them: a space between
thousands and the currency after the amount ('1 234,50 €', '12 480,00 руб.') in Luxembourg, Finland and Belarus, an
apostrophe in Ticino ('CHF 1'234.50'), 'R 1 234,50' in South Africa. Date styles no set typed: Finland's unpadded
day and month ('5.3.2026'), Slovene spaced dots ('5. 3. 2026') and an IBM i screen's two-digit year
('05/03/26').

Structures no set printed (each named by its family field; both halves print every one of them, each half in other
combinations). The ideas the set was first drawn up with and found printed already (a dot-matrix continuous form,
set 10; call-offs against a framework agreement, sets 7 and 10; packs x units per pack, set 15; a cost-centre
sub-line, set 12; clause headings in the margin, set 13; volume tiers, set 10) were dropped for these:
 1. ``screendump`` (orders): the order as a print-screen of an IBM i (5250) enquiry screen: the emulator's title
    bar, a black 24 x 80 screen in green and white, the facts as 'Caption . . . :' fields, the lines as its
    subfile, 'More...' / 'Bottom' and the function-key row; two screens a page, as many screens as the order needs.
 2. ``mailprint`` (orders): an e-mail as a browser prints it (the print's date and title at the head, the address
    and page at the foot): the sender, the Sent/To/Subject block, a greeting, the facts and lines as a plain-text
    monospace table in the body, the buyer in the signature (set 8's e-mail told its order in prose).
 3. ``rightcaps`` (orders): a two-column head whose captions are right-aligned against a thin rule, their values
    left-aligned after it.
 4. ``tolerance`` (tables): an over- and under-delivery tolerance column ('+10/-5 %').
 5. ``alternates`` (tables): an accepted alternative product under each item ('Alternative: ...', grey italics).
 6. ``surcharges`` (tables): a separate table of charges under the items (freight, insurance, packing): not lines;
    they are the order's freight, taxed with the goods.
 7. ``invoicing`` (order extras): an invoicing instructions box (where to send the invoice, what it must quote).
 8. ``qrcode`` (order extras): a QR code beside the totals with a line saying it confirms the order.
 9. ``datasheet`` (contract papers): a contract-particulars grid of numbered boxes (authority, contractor, number,
    dates, currency, payment) on page 1; the conditions after it refer to the boxes by number.
10. ``doccontrol`` (contract papers): a document-control table under the title (versions 0.1, 0.2, 1.0 with their
    dates, authors and changes), then clauses under bold headings.
11. ``levelmatrix`` (contract schedules): a fee matrix, services x three service levels; the level the contract
    takes is ticked and its column is the price schedule (the other levels printed, not labelled).
12. ``pagesplit`` (contract schedules): a long price schedule broken over two pages, its header row repeated under
    '(continued)'.
13. ``indexation`` (contract extras): a price-indexation clause (the index, its base value and month, the review
    date, the formula), none of it labelled.
Scans: two conditions of this set's own (``sleeve``: scanned inside a clear punched pocket, a hazy glossy sheen and
the pocket's punched strip; ``drops``: water drops on the sheet, each a small lens with a dark rim and a highlight)
and the earlier sets' through their public functions (``blind18.condition18``).

The labels are the other sets' (``blind.blind_po_doc``, ``blind2.blind_contract_doc``): a line's ``amount`` is
quantity x price rounded half up to the currency's places. The lines sum to the subtotal; the surcharges are the
order's freight; the tax is (subtotal + freight) x rate rounded half up; total = subtotal + freight + tax. Printed but
not labelled: the print's and the e-mail's times, the subject, the screens' repeated order number, the tolerances,
the alternatives, the charges' own rows, the invoicing box, the QR code, the document-control versions, the other
service levels, the index. A contract's label lines are its rates (description, unit, the rate of its level).
The families are split once into a ``dev`` and a ``test`` half (``BLIND19_SPLITS``: ``split_by_kind`` with
``SPLIT_SEED``; the names begin with the country and name no structure, so that the split depends on the desks
alone). ``ledgerlens data blind --set 19`` writes them. Written without opening the extractor's code, its results or
its benchmarks, and without running it.
"""

from __future__ import annotations

import random
import string
from collections.abc import Callable, Sequence
from dataclasses import dataclass
from datetime import date, timedelta
from decimal import Decimal
from typing import Any

import numpy as np
from PIL import Image, ImageDraw, ImageFilter

from training.factory.blind import BlindParty, BlindPO
from training.factory.blind2 import Contract2
from training.factory.blind3 import split_by_kind
from training.factory.blind12 import Blind12Family, Sheet12
from training.factory.blind13 import format_num13, format_qty13
from training.factory.blind18 import condition18, format_day18
from training.factory.blindkit import (
    chain_conditions,
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
from training.factory.layout import Entity, font, width, wrap
from training.factory.po import POLine

# ---------------------------------------------------------------- families


@dataclass(frozen=True)
class Blind19Family(Blind12Family):
    """A set-19 family: set 12's fields and a contract's date style (``cdates``). ``header``: screendump |
    mailprint | rightcaps (orders); datasheet | doccontrol (contracts). ``table`` (orders): tolerance | alternates |
    surcharges; (contracts) the schedule: levelmatrix | pagesplit. ``extras``: invoicing, qrcode (orders),
    indexation (contracts)."""

    cdates: str = "long"

    @property
    def family(self) -> str:
        return family_id(f"{self.kind}-blind19", {"name": self.name})

    @property
    def dates(self) -> str:  # a contract's dates
        return self.cdates


def _x(*names: str) -> frozenset[str]:
    return frozenset(names)


F = Blind19Family
FAMILIES: list[Blind19Family] = [
    # orders
    F("mk-porosi-blerjeje", "po", "sq_MK", "MK", "MKD", "rightcaps", "tolerance", "de", "dejavu-sans", "sleeve",
      extras=_x("qrcode")),
    F("by-zakaz", "po", "be_BY", "BY", "BYN", "rightcaps", "surcharges", "fr", "dejavu-serif", "drops"),
    F("es-erosketa-agindua", "po", "eu_ES", "ES", "EUR", "screendump", "tolerance", "de", "nimbus-sans", "foxing",
      lines=(2, 16)),
    F("ro-megrendelo", "po", "hu_RO", "RO", "RON", "rightcaps", "alternates", "de", "dejavu-sans-condensed",
      "sleeve", extras=_x("qrcode")),
    F("nl-oarder", "po", "fy_NL", "NL", "EUR", "mailprint", "alternates", "de", "nimbus-sans", "drops",
      extras=_x("invoicing")),
    F("lu-bestellung-lb", "po", "lb_LU", "LU", "EUR", "mailprint", "surcharges", "fr", "nimbus-roman", "shake"),
    F("gb-archeb-brynu", "po", "cy_GB", "GB", "GBP", "rightcaps", "tolerance", "en", "urw-gothic", "drops",
      extras=_x("invoicing")),
    F("my-pesanan-belian", "po", "ms_MY", "MY", "MYR", "screendump", "alternates", "en", "nimbus-sans", "sleeve",
      extras=_x("invoicing"), lines=(2, 16)),
    F("fi-bestallning", "po", "sv_FI", "FI", "EUR", "mailprint", "tolerance", "fr", "c059", "sleeve",
      extras=_x("invoicing")),
    F("za-aankoopbestelling", "po", "af_ZA", "ZA", "ZAR", "screendump", "surcharges", "fr", "nimbus-sans", "drops",
      lines=(2, 16)),
    F("de-indkobsordre", "po", "da_DE", "DE", "EUR", "rightcaps", "surcharges", "de", "dejavu-serif", "drops",
      extras=_x("invoicing", "qrcode")),
    F("ke-agizo-la-ununuzi", "po", "sw_KE", "KE", "KES", "rightcaps", "alternates", "en", "nimbus-sans-narrow",
      "sleeve", extras=_x("invoicing")),
    F("rs-objednavka", "po", "sk_RS", "RS", "RSD", "rightcaps", "tolerance", "de", "dejavu-sans", "drops",
      extras=_x("qrcode")),
    F("it-bestellschein-suedtirol", "po", "de_IT", "IT", "EUR", "screendump", "tolerance", "de", "nimbus-sans",
      "clip", extras=_x("invoicing"), lines=(2, 16)),
    F("ch-ordinazione-ticino", "po", "it_CH", "CH", "CHF", "mailprint", "alternates", "ch", "p052", "torn"),
    F("mt-ordni-tax-xiri", "po", "mt_MT", "MT", "EUR", "rightcaps", "alternates", "en", "dejavu-sans-condensed",
      "tape"),
    # contracts
    F("ch-contract-da-servetschs", "contract", "rm_CH", "CH", "CHF", "datasheet", "levelmatrix", "ch", "c059",
      "sleeve"),
    F("dk-dienstleistungsvertrag", "contract", "de_DK", "DK", "DKK", "datasheet", "pagesplit", "de",
      "nimbus-sans", "drops", extras=_x("indexation"), cdates="dmy_dot"),
    F("gb-cunnradh-sheirbheisean", "contract", "gd_GB", "GB", "GBP", "doccontrol", "levelmatrix", "en", "p052",
      "foxing", extras=_x("indexation")),
    F("us-contrato-de-servicios", "contract", "es_US", "US", "USD", "doccontrol", "pagesplit", "en",
      "nimbus-roman", "drops"),
    F("it-pogodba-o-storitvah", "contract", "sl_IT", "IT", "EUR", "datasheet", "levelmatrix", "de", "dejavu-serif",
      "drops", extras=_x("indexation"), cdates="sl"),
    F("es-contrato-servizos", "contract", "gl_ES", "ES", "EUR", "datasheet", "pagesplit", "de", "urw-gothic",
      "sleeve"),
    F("ba-ugovor-o-uslugama", "contract", "hr_BA", "BA", "BAM", "doccontrol", "levelmatrix", "de", "dejavu-sans",
      "sleeve", cdates="dmy_dot"),
    F("ie-conradh-seirbhisi", "contract", "ga_IE", "IE", "EUR", "doccontrol", "pagesplit", "en", "c059", "shake",
      extras=_x("indexation")),
]  # fmt: skip
BY_NAME = {f.name: f for f in FAMILIES}
# The split: within each kind, the family names sorted, shuffled with random.Random(SPLIT_SEED), the first half
# (rounded up) to dev. Fixed once, on the names alone, before any structure was given to a family.
SPLIT_SEED = 1919
BLIND19_SPLITS: dict[str, list[str]] = split_by_kind(FAMILIES, SPLIT_SEED)  # type: ignore[arg-type]
NEW_STRUCTURES = ("screendump", "mailprint", "rightcaps", "tolerance", "alternates", "surcharges", "invoicing",
                  "qrcode", "datasheet", "doccontrol", "levelmatrix", "pagesplit", "indexation")  # fmt: skip


def blind19_families(split: str = "all") -> list[Blind19Family]:
    return split_families(BLIND19_SPLITS, BY_NAME, split)


def format_day19(day: date, style: str, lang: str) -> str:
    """A date as the document prints it: 'fi' 5.3.2026 (Finland: day and month unpadded), 'sl' 5. 3. 2026 (Slovene
    spaced dots), 'dmy_slash2' 05/03/26 (an IBM i screen's two-digit year); the other styles are set 18's
    (``blind18.format_day18``)."""
    if style == "fi":
        return f"{day.day}.{day.month}.{day.year}"
    if style == "sl":
        return f"{day.day}. {day.month}. {day.year}"
    if style == "dmy_slash2":
        return day.strftime("%d/%m/%y")
    return format_day18(day, style, lang)


# ---------------------------------------------------------------- tax ids


def _cif(provinces: str) -> Callable[[random.Random], str]:
    """A Spanish CIF of a company registered in one of ``provinces`` (two-digit codes, space-separated)."""
    return lambda r: r.choice("AB") + r.choice(provinces.split()) + _digits(r, 6)


def _ch_uid(r: random.Random) -> str:
    d = _digits(r, 9)
    return f"CHE-{d[:3]}.{d[3:6]}.{d[6:]}"


def _gb_vat(r: random.Random) -> str:
    return "GB" + _digits(r, 9)


# country -> (default caption, a draw of the printed id, the check of its printed shape and check digits)
TAX_SCHEMES19: dict[str, tuple[str, Callable[[random.Random], str], Callable[[str], bool]]] = {
    "MK": ("ЕДБ", lambda r: "40" + _digits(r, 11), _stdnum("mk", "edb", r"40\d{11}")),
    "DE": ("USt-IdNr.", lambda r: "DE" + _digits(r, 9), _stdnum("de", "vat", r"DE\d{9}")),
    "ES": ("CIF", _cif("20 48 01 15 27 32 36"), _stdnum("es", "cif", r"[AB]\d{8}")),
    "RO": ("CUI", lambda r: "RO" + str(r.randrange(1, 10)) + _digits(r, 7), _stdnum("ro", "cf", r"RO\d{8}")),
    "NL": ("Btw", lambda r: "NL" + _digits(r, 9) + "B01", _stdnum("nl", "btw", r"NL\d{9}B01")),
    "LU": ("TVA", lambda r: "LU" + _digits(r, 8), _stdnum("lu", "tva", r"LU\d{8}")),
    "GB": ("VAT", _gb_vat, _stdnum("gb", "vat", r"GB\d{9}")),
    "MY": ("SST", lambda r: f"{r.choice('BJW')}{_digits(r, 2)}-{_digits(r, 4)}-{_digits(r, 8)}",
           _shape(r"[BJW]\d{2}-\d{4}-\d{8}")),
    "FI": ("Moms", lambda r: "FI" + _digits(r, 8), _stdnum("fi", "alv", r"FI\d{8}")),
    "ZA": ("BTW", lambda r: "4" + _digits(r, 9), _shape(r"4\d{9}")),
    "CH": ("UID", _ch_uid, _stdnum("ch", "uid", r"CHE-\d{3}\.\d{3}\.\d{3}")),
    "KE": ("PIN", lambda r: "P05" + _digits(r, 7) + r.choice("ABCDEFGHJKLMNPQRSTUVWXYZ"),
           _stdnum("ke", "pin", r"P\d{9}[A-Z]")),
    "RS": ("ПИБ", lambda r: "1" + _digits(r, 8), _stdnum("rs", "pib", r"1\d{8}")),
    "IT": ("P.IVA", lambda r: _digits(r, 7) + r.choice(["021", "022", "032", "015"]) + _digits(r, 1),
           _stdnum("it", "iva", r"\d{11}")),
    "BY": ("УНП", lambda r: "19" + _digits(r, 7), _stdnum("by", "unp", r"19\d{7}")),
    "MT": ("VAT", lambda r: "MT" + str(r.randrange(1, 10)) + _digits(r, 7), _stdnum("mt", "vat", r"MT\d{8}")),
    "DK": ("CVR", lambda r: str(r.randrange(1, 10)) + _digits(r, 7), _stdnum("dk", "cvr", r"\d{8}")),
    "US": ("EIN", lambda r: r.choice(["13", "20", "36", "46", "59", "74", "95"]) + "-" + _digits(r, 7),
           _stdnum("us", "ein", r"\d{2}-\d{7}")),
    "BA": ("JIB", lambda r: "42" + _digits(r, 11), _shape(r"42\d{11}")),
    "IE": ("CBL", lambda r: "IE" + r.choice("3456789") + _digits(r, 6) + r.choice("ABCDEFGHKLMNPRSTVWX") + "H",
           _stdnum("ie", "vat", r"IE\d{7}[A-Z]H")),
}  # fmt: skip


def tax_id_valid19(country: str, value: str) -> bool:
    """``value`` (without spaces) has its scheme's printed shape (and passes python-stdnum where it has a scheme)."""
    return scheme_tax_id_valid(TAX_SCHEMES19, country, value)


def tax_id19(rng: random.Random, country: str) -> str:
    """A tax id of ``country``'s scheme, drawn until it passes its check."""
    return scheme_tax_id(TAX_SCHEMES19, rng, country)


# ---------------------------------------------------------------- desks

# a desk by its locale: tax rate, currency symbol and whether it follows the amount, date styles, price scale
DESK19: dict[str, tuple[str, str, bool, tuple[str, ...], str]] = {
    "sq_MK": ("18", "ден.", True, ("dmy_dot",), "61.5"),
    "da_DE": ("19", "€", True, ("dmy_dot", "long"), "1"),
    "eu_ES": ("21", "€", True, ("ymd_slash", "dmy_slash2"), "1"),
    "hu_RO": ("21", "lei", True, ("ymd_dot", "long"), "5"),
    "fy_NL": ("21", "€", False, ("dmy_dash", "long"), "1"),
    "lb_LU": ("17", "€", True, ("dmy_dot", "long"), "1"),
    "cy_GB": ("20", "£", False, ("dmy_slash", "long"), "0.85"),
    "ms_MY": ("10", "RM", False, ("dmy_slash", "dmy_slash2"), "5"),
    "sv_FI": ("25.5", "€", True, ("fi", "long"), "1"),
    "af_ZA": ("15", "R", False, ("ymd_slash", "dmy_slash2"), "20"),
    "it_CH": ("8.1", "CHF", False, ("dmy_dot", "long"), "0.95"),
    "sw_KE": ("16", "KSh", False, ("dmy_slash", "long"), "140"),
    "sk_RS": ("20", "din.", True, ("dmy_dot",), "117"),
    "de_IT": ("22", "€", False, ("dmy_slash", "dmy_slash2"), "1"),
    "be_BY": ("20", "руб.", True, ("dmy_dot", "long"), "3.5"),
    "mt_MT": ("18", "€", False, ("dmy_slash", "long"), "1"),
    "rm_CH": ("8.1", "CHF", False, ("long",), "0.95"),
    "de_DK": ("25", "kr.", False, ("dmy_dot",), "7.45"),
    "gd_GB": ("20", "£", False, ("long",), "0.85"),
    "es_US": ("0", "US$", False, ("long",), "1.1"),
    "sl_IT": ("22", "€", True, ("sl",), "1"),
    "gl_ES": ("21", "€", True, ("long",), "1"),
    "hr_BA": ("17", "KM", True, ("dmy_dot",), "1.96"),
    "ga_IE": ("23", "€", False, ("long",), "1"),
}  # fmt: skip

# locale -> (stems, trades, legal forms, how a name is written)
PARTIES19: dict[str, tuple[list[str], list[str], list[str], str]] = {
    "sq_MK": (["Shari", "Drini", "Vardari", "Korabi"], ["Tregti", "Ndërtim", "Furnizime"], ["DOOEL", "DOO"],
              "{trade} {stem} {form}"),
    "da_DE": (["Flensborg", "Slesvig", "Husum", "Egernførde"], ["Kontorinventar", "Handel", "Teknik"], ["GmbH"],
              "{stem} {trade} {form}"),
    "sk_RS": (["Petrovec", "Kovačica", "Padina", "Hložany"], ["Obchod", "Stavba", "Agro"], ["d.o.o."],
              "{stem} {trade} {form}"),
    "eu_ES": (["Urola", "Oria", "Deba", "Ibaizabal"], ["Hornikuntza", "Burdindegia", "Elikagaiak"], ["S.L.",
              "S.Koop."], "{stem} {trade} {form}"),
    "hu_RO": (["Székely", "Maros", "Hargita", "Kolozs"], ["Kereskedelmi", "Építő", "Ellátó"], ["Kft.", "SRL"],
              "{stem} {trade} {form}"),
    "fy_NL": (["De Krite", "Wâldpyk", "Bolsward", "Sneek"], ["Leveransier", "Hanel", "Bou"], ["B.V."],
              "{stem} {trade} {form}"),
    "lb_LU": (["Uelzecht", "Sauer", "Éislek", "Minett"], ["Fournituren", "Handel", "Bau"], ["S.à r.l.", "S.A."],
              "{stem} {trade} {form}"),
    "cy_GB": (["Teifi", "Tywi", "Eryri", "Menai"], ["Cyflenwadau", "Adeiladu", "Masnach"], ["Cyf."],
              "{trade} {stem} {form}"),
    "ms_MY": (["Seri Kenangan", "Bumi Hijau", "Teluk Intan", "Gemilang"], ["Bekalan", "Perniagaan", "Trading"],
              ["Sdn. Bhd.", "Enterprise"], "{stem} {trade} {form}"),
    "sv_FI": (["Skärgårds", "Österbottens", "Nylands", "Åbolands"], ["Handel", "Byggvaror", "Teknik"], ["Ab",
              "Oy Ab"], "{stem} {trade} {form}"),
    "af_ZA": (["Karoo", "Boland", "Overberg", "Swartland"], ["Voorsieners", "Handelaars", "Boumateriaal"],
              ["(Edms) Bpk", "(Pty) Ltd"], "{stem} {trade} {form}"),
    "it_CH": (["Ceresio", "Verbano", "Leventina", "Mendrisiotto"], ["Forniture", "Commerciale", "Edilizia"],
              ["SA", "Sagl"], "{trade} {stem} {form}"),
    "sw_KE": (["Mlima", "Pwani", "Nyota", "Baraka"], ["Supplies", "Traders", "Hardware"], ["Ltd", "Limited"],
              "{stem} {trade} {form}"),
    "de_IT": (["Etsch", "Eisack", "Vinschger", "Pustertaler"], ["Handels", "Bau", "Technik"], ["GmbH", "KG"],
              "{stem} {trade} {form}"),
    "be_BY": (["Нёман", "Бярэзіна", "Палессе", "Прыпяць"], ["Гандаль", "Пастаўка", "Будматэрыялы"], ["ТАА", "ААТ"],
              "{form} «{stem} {trade}»"),
    "mt_MT": (["Għawdex", "Xlendi", "Marsaxlokk", "Mdina"], ["Supplies", "Trading", "Distributors"], ["Ltd",
              "Limited"], "{stem} {trade} {form}"),
    "rm_CH": (["Engiadina", "Surselva", "Val Müstair", "Sursés"], ["Servetschs", "Mantegniment", "Consulenza"],
              ["SA", "Sagl"], "{trade} {stem} {form}"),
    "de_DK": (["Sonderburger", "Apenrader", "Tondern", "Hadersleben"], ["Service", "Gebäudetechnik", "Logistik"],
              ["ApS", "A/S"], "{stem} {trade} {form}"),
    "gd_GB": (["Ceann Loch", "Port Rìgh", "Steòrnabhagh", "Inbhir Nis"], ["Seirbheisean", "Obraichean",
              "Taic"], ["Ltd", "Earranta"], "{trade} {stem} {form}"),
    "es_US": (["Río Grande", "Sierra", "Del Valle", "Mesa Verde"], ["Services", "Maintenance", "Solutions"],
              ["LLC", "Inc."], "{stem} {trade} {form}"),
    "sl_IT": (["Kras", "Opčine", "Devin", "Barkovlje"], ["Storitve", "Vzdrževanje", "Svetovanje"], ["d.o.o.",
              "S.r.l."], "{trade} {stem} {form}"),
    "gl_ES": (["Miño", "Ulla", "Ortegal", "Arousa"], ["Servizos", "Mantemento", "Limpezas"], ["S.L.", "S.A."],
              "{trade} {stem} {form}"),
    "hr_BA": (["Neretva", "Hercegovina", "Posavina", "Livno"], ["Usluge", "Održavanje", "Servis"], ["d.o.o."],
              "{stem} {trade} {form}"),
    "ga_IE": (["Conamara", "Corca Dhuibhne", "Árainn", "Gaoth Dobhair"], ["Seirbhísí", "Cothabháil",
              "Tógálaithe"], ["Teo.", "CTR"], "{trade} {stem} {form}"),
}  # fmt: skip
# locale -> (street, post code and town) pairs
PLACES19: dict[str, list[tuple[str, str]]] = {
    "sq_MK": [("Rr. Ilindenska", "1200 Tetovë"), ("Bul. Ilirët", "1230 Gostivar"), ("Rr. Maršal Tito", "1250 Dibër")],
    "da_DE": [("Holm", "24937 Flensborg"), ("Große Straße", "24937 Flensborg"), ("Gottorpstraße",
              "24837 Slesvig"), ("Kieler Straße", "24340 Egernførde")],
    "sk_RS": [("Maršala Tita", "21470 Báčsky Petrovec"), ("Masarykova", "26210 Kovačica"), ("Slovenská",
              "21470 Báčsky Petrovec")],
    "eu_ES": [("Kale Nagusia", "20700 Urretxu"), ("Santiago kalea", "48200 Durango"), ("Foru kalea",
              "20400 Tolosa")],
    "hu_RO": [("Kossuth Lajos utca", "530110 Csíkszereda"), ("Bolyai tér", "540052 Marosvásárhely"),
              ("Petőfi utca", "520008 Sepsiszentgyörgy")],
    "fy_NL": [("Noarderdyk", "8601 AA Snits"), ("Harnzer wei", "9001 ZA Grou"), ("Mearsdyk", "8401 DC Gorredijk")],
    "lb_LU": [("Rue de l'Alzette", "L-4011 Esch-sur-Alzette"), ("Grand-Rue", "L-9530 Wiltz"), ("Rue de la Gare",
              "L-6440 Echternach")],
    "cy_GB": [("Stryd Fawr", "Caernarfon LL55 1AS"), ("Heol y Bont", "Aberteifi SA43 1HB"), ("Ffordd Penlan",
              "Llanbedr Pont Steffan SA48 7EX")],
    "ms_MY": [("Jalan Sultan Ismail", "50250 Kuala Lumpur"), ("Jalan Tun Razak", "80000 Johor Bahru"),
              ("Lebuh Pantai", "10300 Georgetown, Pulau Pinang")],
    "sv_FI": [("Handelsesplanaden", "65100 Vasa"), ("Storgatan", "68600 Jakobstad"), ("Ekenäsvägen",
              "10600 Ekenäs")],
    "af_ZA": [("Kerkstraat", "6850 Worcester"), ("Hoofweg", "7646 Paarl"), ("Voortrekkerstraat", "6665 Oudtshoorn")],
    "it_CH": [("Via Nassa", "6900 Lugano"), ("Viale Stazione", "6500 Bellinzona"), ("Via Borghese",
              "6850 Mendrisio")],
    "sw_KE": [("Barabara ya Moi", "80100 Mombasa"), ("Kenyatta Avenue", "00100 Nairobi"), ("Oginga Odinga Road",
              "40100 Kisumu")],
    "de_IT": [("Laubengasse", "39100 Bozen"), ("Rennweg", "39012 Meran"), ("Große Lauben", "39042 Brixen")],
    "be_BY": [("вул. Савецкая", "220030 Мінск"), ("пр. Незалежнасці", "224030 Брэст"), ("вул. Леніна",
              "230025 Гродна")],
    "mt_MT": [("Triq il-Merkanti", "Il-Belt Valletta VLT 1175"), ("Triq Ħal Qormi", "Il-Marsa MRS 1600"),
              ("Triq ir-Repubblika", "Ir-Rabat, Għawdex VCT 1017")],
    "rm_CH": [("Via da la Staziun", "7550 Scuol"), ("Via principala", "7180 Mustér"), ("Via Maistra",
              "7500 San Murezzan")],
    "de_DK": [("Storegade", "6200 Aabenraa"), ("Perlegade", "6400 Sønderborg"), ("Vestergade", "6270 Tønder")],
    "gd_GB": [("Sràid na h-Eaglaise", "Steòrnabhagh HS1 2DJ"), ("Rathad a' Chaisteil", "Inbhir Nis IV2 3EE"),
              ("Sràid an Rìgh", "Port Rìgh IV51 9BZ")],
    "es_US": [("Calle Ocho", "Miami, FL 33135"), ("Avenida César Chávez", "San Antonio, TX 78207"),
              ("Mission Street", "San Francisco, CA 94110")],
    "sl_IT": [("Proseška ulica", "34151 Opčine (TS)"), ("Ulica Filzi", "34132 Trst"), ("Devinska cesta",
              "34011 Devin Nabrežina (TS)")],
    "gl_ES": [("Rúa do Franco", "15705 Santiago de Compostela"), ("Rúa Real", "15003 A Coruña"), ("Rúa do Príncipe",
              "36202 Vigo")],
    "hr_BA": [("Ulica kralja Tomislava", "88000 Mostar"), ("Trg dr. Franje Tuđmana", "80101 Livno"),
              ("Ulica Stjepana Radića", "88220 Široki Brijeg")],
    "ga_IE": [("Sráid na Siopaí", "An Cheathrú Rua, Co. na Gaillimhe H91 X2K4"), ("An Phríomhshráid",
              "An Daingean, Co. Chiarraí V92 T6C5"), ("Bóthar na Trá", "Gaoth Dobhair, Co. Dhún na nGall F92 P3C8")],
}  # fmt: skip


def make_party19(rng: random.Random, fam: Blind19Family, avoid: str = "") -> BlindParty:
    """A company of ``fam``'s desk: a name from its stems, trades and legal forms, an address, a tax id."""
    stems, trades, forms, pattern = PARTIES19[fam.lang]
    parts = {"stem": rng.choice([s for s in stems if s not in avoid]), "trade": rng.choice(trades),
             "form": rng.choice(forms)}  # fmt: skip
    street, town = rng.choice(PLACES19[fam.lang])
    caption = (WORDS19.get(fam.lang) or CONTRACT19[fam.lang])["taxcap"]
    return BlindParty(pattern.format(**parts), f"{street} {rng.randrange(1, 120)}", town, fam.country, caption,
                      tax_id19(rng, fam.country))  # fmt: skip


# ---------------------------------------------------------------- order words

# locale -> the order's words; each desk has its own structures' words only
WORDS19: dict[str, dict[str, Any]] = {
    "sq_MK": {
        "tol": "Toleranca", "qr": "Skanoni për të konfirmuar porosinë",
        "title": "POROSI BLERJEJE", "number": "Nr. i porosisë", "date": "Data e porosisë", "buyer": "Blerësi",
        "vendor": "Furnizuesi", "ship": "Vendi i dorëzimit", "terms": "Kushtet e pagesës", "currency": "Monedha",
        "code": "Poz.", "desc": "Përshkrimi", "qty": "Sasia", "unit": "Njësia", "price": "Çmimi për njësi",
        "amount": "Vlera", "subtotal": "Vlera pa TVSH", "tax": "TVSH", "total": "Gjithsej për pagesë",
        "page": "Faqja", "taxcap": "Nr. tatimor",
        "terms_list": [("30 ditë nga data e faturës", 30), ("60 ditë pas pranimit të mallit", 60)],
        "goods": [("Letër fotokopjimi A4, 80 g", "pako", "4.2"), ("Toner për printer", "copë", "68"),
                  ("Dosje me mekanizëm", "copë", "2.1"), ("Detergjent për dysheme 5 l", "bidon", "9.5"),
                  ("Dorashka pune", "palë", "3.4"), ("Llambë LED 12 W", "copë", "4.8"),
                  ("Kripë industriale për rrugë", "thes", "7.5")],
    },
    "da_DE": {
        "qr": "Scan for at bekræfte ordren",
        "title": "INDKØBSORDRE", "number": "Ordrenr.", "date": "Ordredato", "buyer": "Køber",
        "vendor": "Leverandør", "ship": "Leveringsadresse", "terms": "Betalingsbetingelser", "currency": "Valuta",
        "code": "Varenr.", "desc": "Beskrivelse", "qty": "Antal", "unit": "Enhed", "price": "Stykpris",
        "amount": "Beløb", "subtotal": "Nettobeløb", "tax": "Moms (MwSt.)", "total": "Total", "page": "Side",
        "taxcap": "USt-IdNr.", "charges": "Tillægsomkostninger", "charge_names": ["Fragt", "Forsikring",
        "Emballage"], "charges_sum": "Omkostninger i alt", "inv_title": "Fakturering",
        "inv_lines": ["Fakturaen sendes som XRechnung til {mail}.", "Angiv altid ordrenummer {n} på fakturaen.",
                      "Fakturaer uden ordrenummer returneres."],
        "terms_list": [("netto 30 dage", 30), ("14 dage med 2 % rabat, ellers 30 dage netto", 30)],
        "goods": [("Kontorstol med armlæn", "stk.", "165"), ("Hæve-sænkebord 160 x 80", "stk.", "420"),
                  ("Reol, hvid", "stk.", "89"), ("Skærm 27 tommer", "stk.", "229"), ("Dockingstation USB-C",
                  "stk.", "139"), ("Headset med mikrofon", "stk.", "58"), ("Whiteboard 120 x 90", "stk.", "95")],
    },
    "sk_RS": {
        "tol": "Tolerancia", "qr": "Naskenujte na potvrdenie objednávky",
        "title": "OBJEDNÁVKA", "number": "Číslo objednávky", "date": "Dátum", "buyer": "Objednávateľ",
        "vendor": "Dodávateľ", "ship": "Miesto dodania", "terms": "Platobné podmienky", "currency": "Mena",
        "code": "Kód", "desc": "Názov tovaru", "qty": "Množstvo", "unit": "MJ", "price": "Jedn. cena",
        "amount": "Suma", "subtotal": "Základ dane", "tax": "PDV", "total": "Spolu na úhradu", "page": "Strana",
        "taxcap": "PIB",
        "terms_list": [("45 dní od prijatia faktúry", 45), ("30 dní od dodania", 30)],
        "goods": [("Kancelársky papier A4", "balík", "4"), ("Toner do tlačiarne", "ks", "62"), ("Šanón", "ks",
                  "2.3"), ("Čistiaci prostriedok na podlahy 5 l", "ks", "7.2"), ("Ochranné rukavice", "pár",
                  "2.9"), ("LED žiarovka 10 W", "ks", "3.6"), ("Posypová soľ", "vrece", "6.9")],
    },
    "eu_ES": {
        "tol": "Tolerantzia", "fkeys": "F3=Irten  F7=Atzera  F8=Aurrera  F12=Utzi", "more": "Gehiago...",
        "bottom": "Amaiera", "user": "Erabiltzailea",
        "title": "EROSKETA-AGINDUA", "number": "Agindu zk.", "date": "Data", "buyer": "Eroslea",
        "vendor": "Hornitzailea", "ship": "Entrega-lekua", "terms": "Ordainketa", "currency": "Txanpona",
        "code": "Kodea", "desc": "Deskribapena", "qty": "Unitateak", "unit": "Unit.", "price": "Unitate-prezioa",
        "amount": "Zenbatekoa", "subtotal": "Zerga-oinarria", "tax": "BEZ", "total": "Guztira", "page": "Orria",
        "taxcap": "IFZ",
        "terms_list": [("Fakturatik 30 egunera", 30), ("60 egun hilabete amaieran", 60), ("Kontado", 0)],
        "goods": [("Torloju galbanizatuak M8x40, 100 ud.", "kutxa", "9"),
        ("Eskularru nitriloak, M, 100 ud.", "kutxa", "7.5"),
                  ("Ur botilak 1,5 l, 6 ud.", "sorta", "2.1"), ("Paper-zapi rolloak, 12 ud.", "pakete", "11"),
                  ("Boligrafo urdinak, 50 ud.", "kutxa", "14"), ("Bateria AA alkalinoak, 24 ud.", "kutxa", "10.5"),
                  ("Zinta isolatzailea 19 mm", "ud.", "0.8")],
    },
    "hu_RO": {
        "alt": "Helyettesítő", "qr": "Szkennelje be a rendelés visszaigazolásához",
        "title": "MEGRENDELÉS", "number": "Rendelésszám", "date": "Kelt", "buyer": "Megrendelő",
        "vendor": "Szállító", "ship": "Szállítási cím", "terms": "Fizetési feltételek", "currency": "Pénznem",
        "code": "Cikkszám", "desc": "Megnevezés", "qty": "Mennyiség", "unit": "Me.", "price": "Egységár",
        "amount": "Érték", "subtotal": "Nettó összesen", "tax": "ÁFA (TVA)", "total": "Bruttó összesen",
        "page": "Oldal", "taxcap": "Adószám (CUI)",
        "terms_list": [("a számla kézhezvételétől számított 30 nap", 30), ("átutalással, 15 napon belül", 15)],
        "goods": [("Golyóstoll, kék, 50 db", "doboz", "15"), ("Gumikesztyű, L méret, 100 db", "doboz", "8"),
                  ("Tisztítószer 1 l", "db", "2.2"), ("Ásványvíz 0,5 l, 12 db", "karton", "3"),
                  ("Facsavar 4x30, horganyzott, 500 db", "doboz", "12"), ("Elem AAA, 10 db", "csomag", "4"),
                  ("Szemeteszsák 60 l, 50 db", "tekercs", "4.5")],
    },
    "fy_NL": {
        "alt": "Alternatyf",
        "title": "OARDER", "number": "Oardernûmer", "date": "Oarderdatum", "buyer": "Besteller",
        "vendor": "Leveransier", "ship": "Ofleveradres", "terms": "Betellingsbetingsten", "currency": "Muntienheid",
        "code": "Artikel", "desc": "Omskriuwing", "qty": "Tal", "unit": "Ienh.", "price": "Priis/st.",
        "amount": "Bedrach", "subtotal": "Subtotaal", "tax": "Btw", "total": "Totaal", "page": "Side",
        "taxcap": "Btw-nûmer", "from": "Fan", "sent": "Ferstjoerd", "to": "Oan", "subject": "Underwerp",
        "subject_txt": "Oarder {n}", "greeting": "Bêste {p},",
        "intro": "Hjirby pleatse wy de neikommende oarder. Wolle jo de oarder befêstigje en de leverdatum "
                 "trochjaan?", "regards": "Mei freonlike groetnis,",
        "footer": "Dit e-mailberjocht is allinnich bedoeld foar de adressearre.", "inv_title": "Faktuerynstruksjes",
        "inv_lines": ["Stjoer de faktuer as PDF nei {mail}.", "Neam altyd it oardernûmer {n} op de faktuer.",
                      "Fakturen sûnder oardernûmer stjoere wy werom."],
        "terms_list": [("binnen 30 dagen nei faktuerdatum", 30), ("binnen 14 dagen", 14)],
        "goods": [("Kofjebekers 180 ml, 100 st.", "pak", "4"), ("Skjinmakdoekjes, 100 st.", "pak", "15"),
                  ("Batterijen AA, 12 st.", "pak", "5"), ("Swarte tee, 100 bûltsjes", "doaze", "5"),
                  ("Wetterfleskes 0,5 l, 24 st.", "tray", "7.2"), ("Skroeven 5x50, 200 st.", "doaze", "8"),
                  ("Ofvalsekken 60 l, 50 st.", "rol", "4.5")],
    },
    "lb_LU": {
        "title": "BESTELLUNG", "number": "Bestellnummer", "date": "Datum", "buyer": "Besteller",
        "vendor": "Liwwerant", "ship": "Liwweradress", "terms": "Bezuelungsbedéngungen", "currency": "Wärung",
        "code": "Artikel", "desc": "Beschreiwung", "qty": "Zuel", "unit": "Eenh.", "price": "Eenzelpräis",
        "amount": "Betrag", "subtotal": "Zwëschesumm", "tax": "TVA", "total": "Total", "page": "Säit",
        "taxcap": "TVA-Nr.", "from": "Vun", "sent": "Geschéckt", "to": "Un", "subject": "Sujet",
        "subject_txt": "Bestellung {n}", "greeting": "Léif {p},",
        "intro": "mir bestellen bei Iech déi folgend Artikelen. Mir bieden Iech, d'Bestellung kuerz ze "
                 "confirméieren.", "regards": "Mat beschte Gréiss",
        "footer": "Dës E-Mail ass vertraulech a just fir den Adressat bestëmmt.",
        "charges": "Zousätzlech Käschten", "charge_names": ["Transport", "Versécherung", "Verpackung"],
        "charges_sum": "Käschten total",
        "terms_list": [("30 Deeg no Rechnungsdatum", 30), ("15 Deeg netto", 15)],
        "goods": [("Drockerpabeier A4, 5 x 500 Blat", "Këscht", "22"), ("Toner schwaarz", "St.", "72"),
                  ("Bürosstull", "St.", "189"), ("Schreifdësch 160 x 80", "St.", "320"), ("Ordner breet", "St.",
                  "2.9"), ("Whiteboard 120 x 90", "St.", "95"), ("Kaffisbounen 1 kg", "Pak", "16")],
    },
    "cy_GB": {
        "tol": "Goddefiant",
        "title": "ARCHEB BRYNU", "number": "Rhif archeb", "date": "Dyddiad", "buyer": "Prynwr",
        "vendor": "Cyflenwr", "ship": "Cyfeiriad danfon", "terms": "Telerau talu", "currency": "Arian cyfred",
        "code": "Eitem", "desc": "Disgrifiad", "qty": "Nifer", "unit": "Uned", "price": "Pris yr uned",
        "amount": "Swm", "subtotal": "Is-gyfanswm", "tax": "TAW", "total": "Cyfanswm", "page": "Tudalen",
        "taxcap": "Rhif TAW",
        "inv_title": "Cyfarwyddiadau anfonebu",
        "inv_lines": ["Anfonwch bob anfoneb i {mail}.", "Rhaid dyfynnu rhif yr archeb {n} ar yr anfoneb.",
                      "Gellir anfon anfonebau yn Gymraeg neu yn Saesneg."],
        "terms_list": [("30 diwrnod o ddyddiad yr anfoneb", 30), ("14 diwrnod net", 14)],
        "goods": [("Papur llungopïo A4", "bocs", "22"), ("Halen ffordd, bag 25 kg", "bag", "6.8"),
                  ("Menig gwaith", "pâr", "3.1"), ("Arwydd ffordd dros dro", "un", "48"),
                  ("Bin sbwriel 240 l", "un", "39"), ("Côn traffig 75 cm", "un", "11"),
                  ("Paent marcio ffordd, gwyn", "tun", "14")],
    },
    "ms_MY": {
        "alt": "Alternatif", "fkeys": "F3=Keluar  F7=Undur  F8=Maju  F12=Batal", "more": "Lagi...", "bottom": "Tamat",
        "user": "Pengguna",
        "title": "PESANAN TEMPATAN", "number": "No. Pesanan", "date": "Tarikh", "buyer": "Jabatan",
        "vendor": "Pembekal", "ship": "Alamat Penghantaran", "terms": "Terma Bayaran", "currency": "Mata Wang",
        "code": "Kod", "desc": "Perihal Barang", "qty": "Kuantiti", "unit": "Unit", "price": "Harga Seunit",
        "amount": "Jumlah", "subtotal": "Jumlah Kecil", "tax": "Cukai Jualan", "total": "Jumlah Besar",
        "page": "Muka Surat", "taxcap": "No. SST",
        "inv_title": "Arahan Invois",
        "inv_lines": ["Invois hendaklah dialamatkan kepada Unit Akaun, {mail}.",
                      "Sila nyatakan No. Pesanan {n} pada invois.",
                      "Bayaran akan dibuat melalui EFT dalam tempoh 14 hari."],
        "terms_list": [("30 hari dari tarikh invois", 30), ("14 hari", 14)],
        "goods": [("Kertas A4 80gsm", "rim", "3.9"), ("Dakwat pencetak hitam", "unit", "55"),
                  ("Fail kotak", "unit", "2.4"), ("Penyapu lidi", "batang", "1.6"),
                  ("Sabun pencuci lantai 5 liter", "botol", "8"), ("Kerusi plastik", "unit", "9.5"),
                  ("Lampu kalimantang LED 18W", "unit", "5.2")],
    },
    "sv_FI": {
        "tol": "Tolerans",
        "title": "BESTÄLLNING", "number": "Beställningsnummer", "date": "Datum", "buyer": "Beställare",
        "vendor": "Leverantör", "ship": "Leveransadress", "terms": "Betalningsvillkor", "currency": "Valuta",
        "code": "Art.nr", "desc": "Benämning", "qty": "Antal", "unit": "Enh.", "price": "À-pris",
        "amount": "Summa", "subtotal": "Netto", "tax": "Moms", "total": "Att betala", "page": "Sida",
        "taxcap": "Momsnummer", "from": "Från", "sent": "Skickat", "to": "Till", "subject": "Ämne",
        "subject_txt": "Beställning {n}", "greeting": "Hej {p},",
        "intro": "vi beställer härmed följande. Vänligen bekräfta beställningen och meddela leveranstiden.",
        "regards": "Med vänlig hälsning", "footer": "Detta meddelande kan innehålla konfidentiell information.",
        "inv_title": "Faktureringsanvisningar",
        "inv_lines": ["Vi tar emot e-fakturor, nätfakturaadress {ovt}, operatör Apix.",
                      "Ange beställningsnummer {n} och vår referens på fakturan.",
                      "Pappersfakturor skickas till {mail}."],
        "terms_list": [("14 dagar netto", 14), ("30 dagar netto", 30), ("21 dagar netto", 21)],
        "goods": [("Kopieringspapper A4", "fp", "4.4"), ("Skyddshandskar", "par", "3.2"),
                  ("Halkbekämpningssand", "säck", "7.5"), ("Skrivbordslampa LED", "st", "36"),
                  ("Whiteboardpennor, 4 st", "fp", "6.2"), ("Kaffe, mellanrost 500 g", "pkt", "5.9"),
                  ("Sopsäckar 125 l", "rl", "4.8")],
    },
    "af_ZA": {
        "charges": "Bykomende koste", "charge_names": ["Vervoer", "Versekering", "Verpakking"],
        "charges_sum": "Bykomende koste totaal", "fkeys": "F3=Verlaat  F7=Terug  F8=Vorentoe  F12=Kanselleer",
        "more": "Meer...", "bottom": "Einde", "user": "Gebruiker",
        "title": "AANKOOPBESTELLING", "number": "Bestelnommer", "date": "Datum", "buyer": "Koper",
        "vendor": "Verskaffer", "ship": "Afleweringsadres", "terms": "Betaalvoorwaardes", "currency": "Geldeenheid",
        "code": "Kode", "desc": "Beskrywing", "qty": "Hoeveelheid", "unit": "Eenh.", "price": "Eenheidsprys",
        "amount": "Bedrag", "subtotal": "Subtotaal", "tax": "BTW", "total": "Totaal", "page": "Bladsy",
        "taxcap": "BTW-nr.",
        "terms_list": [("30 dae na staat", 30), ("kontant by aflewering", 0)],
        "goods": [("PVC-pyp 110 mm x 6 m", "stuk", "18"), ("Sement 50 kg", "sak", "5.5"),
                  ("Waterbestande verf 20 l", "emmer", "61"), ("Veiligheidstewels, grootte 9", "paar", "34"),
                  ("Vullisdromme 85 l", "stuk", "9"), ("Kragkabel 4 mm², rol 100 m", "rol", "95"),
                  ("Gloeilamp LED 9 W", "stuk", "2.2")],
    },
    "it_CH": {
        "alt": "Alternativa",
        "title": "ORDINAZIONE", "number": "N. ordinazione", "date": "Data", "buyer": "Committente",
        "vendor": "Fornitore", "ship": "Luogo di consegna", "terms": "Condizioni di pagamento",
        "currency": "Valuta", "code": "N. art.", "desc": "Designazione", "qty": "Quantità", "unit": "Unità",
        "price": "Prezzo unitario", "amount": "Importo", "subtotal": "Totale netto", "tax": "IVA",
        "total": "Totale", "page": "Pagina", "taxcap": "IDI", "from": "Da", "sent": "Inviato", "to": "A",
        "subject": "Oggetto", "subject_txt": "Ordinazione {n}", "greeting": "Buongiorno {p},",
        "intro": "vi trasmettiamo la seguente ordinazione. Vi preghiamo di confermarla per e-mail indicando il "
                 "termine di consegna.", "regards": "Cordiali saluti",
        "footer": "Questo messaggio è destinato esclusivamente al destinatario indicato.",
        "charges": "Spese accessorie", "charge_names": ["Trasporto", "Assicurazione", "Imballaggio"],
        "charges_sum": "Totale spese",
        "terms_list": [("30 giorni netto", 30), ("10 giorni 2% sconto, 30 giorni netto", 30)],
        "goods": [("Tubo multistrato 16 mm", "m", "2.9"), ("Raccordo a pressare 16 mm", "pz", "3.4"),
                  ("Valvola a sfera 1/2 pollice", "pz", "11"), ("Isolante per tubi 13 mm", "m", "1.7"),
                  ("Collare di fissaggio", "pz", "0.9"), ("Silicone sanitario bianco", "cartuccia", "7.8"),
                  ("Rubinetto per lavabo", "pz", "86")],
    },
    "sw_KE": {
        "alt": "Mbadala",
        "title": "AGIZO LA UNUNUZI", "number": "Nambari ya agizo", "date": "Tarehe", "buyer": "Mnunuzi",
        "vendor": "Msambazaji", "ship": "Mahali pa kupeleka", "terms": "Masharti ya malipo", "currency": "Sarafu",
        "code": "Msimbo", "desc": "Maelezo", "qty": "Idadi", "unit": "Kipimo", "price": "Bei ya kipimo",
        "amount": "Kiasi", "subtotal": "Jumla ndogo", "tax": "VAT", "total": "Jumla kuu", "page": "Ukurasa",
        "taxcap": "KRA PIN", "inv_title": "Maagizo ya ankara",
        "inv_lines": ["Ankara itolewe kupitia mfumo wa eTIMS wa KRA.", "Andika nambari ya agizo {n} kwenye ankara.",
                      "Tuma nakala ya ankara kwa {mail}."],
        "terms_list": [("siku 30 baada ya ankara", 30), ("malipo ya papo hapo", 0), ("siku 14", 14)],
        "goods": [("Sabuni ya kufulia, vipande 24", "katoni", "14"),
        ("Maji ya chupa lita 1, chupa 12", "katoni", "4.2"),
                  ("Kalamu za wino wa bluu, 50", "boksi", "7.5"), ("Glovu za mpira, jozi 50", "boksi", "20"),
                  ("Betri AA, 24", "boksi", "7.2"), ("Karatasi ya choo, roli 48", "bandali", "12"),
                  ("Misumari inchi 3, kilo 1", "pakiti", "2.5")],
    },
    "de_IT": {
        "tol": "Toleranz", "fkeys": "F3=Verlassen  F7=Zurück  F8=Vor  F12=Abbrechen", "more": "Weitere...",
        "bottom": "Ende", "user": "Benutzer",
        "title": "BESTELLSCHEIN", "number": "Bestell-Nr.", "date": "Datum", "buyer": "Auftraggeber",
        "vendor": "Lieferant", "ship": "Lieferadresse", "terms": "Zahlungsbedingungen", "currency": "Währung",
        "code": "Art.-Nr.", "desc": "Bezeichnung", "qty": "Menge", "unit": "ME", "price": "Einzelpreis",
        "amount": "Betrag", "subtotal": "Bemessungsgrundlage", "tax": "MwSt.", "total": "Gesamtbetrag",
        "page": "Seite", "taxcap": "MwSt.-Nr.", "charges": "Nebenkosten",
        "charge_names": ["Frachtspesen", "Transportversicherung", "Verpackung"],
        "charges_sum": "Summe Nebenkosten", "inv_title": "Rechnungsstellung",
        "inv_lines": ["Elektronische Rechnung über das SdI, Empfängerkodex {sdi}.",
                      "Bestell-Nr. {n} und CIG in der Rechnung angeben.", "Rückfragen an {mail}."],
        "terms_list": [("60 Tage ab Rechnungsdatum", 60), ("30 Tage Monatsende", 30)],
        "goods": [("Apfelkisten aus Holz", "Stk", "6.5"), ("Rebschere", "Stk", "28"),
                  ("Bindedraht verzinkt 2,2 mm", "Rolle", "19"), ("Hagelschutznetz 5 x 100 m", "Stk", "145"),
                  ("Pflanzstäbe Bambus 180 cm", "Stk", "0.6"), ("Frostschutzkerzen", "Stk", "4.2"),
                  ("Erntekörbe", "Stk", "11")],
    },
    "be_BY": {
        "title": "ЗАКАЗ", "number": "Заказ №", "date": "Дата", "buyer": "Заказчык", "vendor": "Пастаўшчык",
        "ship": "Месца пастаўкі", "terms": "Умовы аплаты", "currency": "Валюта", "code": "Пазіцыя",
        "desc": "Найменне тавару", "qty": "Колькасць", "unit": "Адз. вым.", "price": "Цана за адз.",
        "amount": "Сума", "subtotal": "Сума без ПДВ", "tax": "ПДВ", "total": "Усяго з ПДВ", "page": "Старонка",
        "taxcap": "УНП", "charges": "Дадатковыя выдаткі",
        "charge_names": ["Дастаўка", "Страхаванне", "Упакоўка"], "charges_sum": "Разам выдаткі",
        "terms_list": [("на працягу 10 банкаўскіх дзён", 14), ("30 каляндарных дзён пасля пастаўкі", 30)],
        "goods": [("Папера офісная А4", "пач.", "4.3"), ("Картрыдж для прынтара", "шт.", "58"),
                  ("Крэсла офіснае", "шт.", "95"), ("Шафа для дакументаў", "шт.", "210"),
                  ("Лямпа святлодыёдная 10 Вт", "шт.", "3.1"), ("Мыйны сродак 5 л", "шт.", "6.8"),
                  ("Папка-рэгістратар", "шт.", "2.2")],
    },
    "mt_MT": {
        "alt": "Alternattiva",
        "title": "ORDNI TAX-XIRI", "number": "Numru tal-ordni", "date": "Data", "buyer": "Xerrej",
        "vendor": "Fornitur", "ship": "Indirizz tal-kunsinna", "terms": "Kundizzjonijiet tal-ħlas",
        "currency": "Munita", "code": "Poż.", "desc": "Deskrizzjoni", "qty": "Kwantità", "unit": "Unità",
        "price": "Prezz kull unità", "amount": "Ammont", "subtotal": "Subtotal", "tax": "VAT", "total": "Total",
        "page": "Paġna", "taxcap": "Numru tal-VAT",
        "terms_list": [("30 jum mid-data tal-fattura", 30), ("60 jum", 60)],
        "goods": [("Ingwanti tan-nitrile, 100", "kaxxa", "7"), ("Maskri kirurġiċi, 50", "kaxxa", "2.5"),
                  ("Siringi 5 ml, 100", "kaxxa", "6"), ("Garżi sterili 10 x 10 cm, 100", "kaxxa", "12"),
                  ("Alkoħol għat-tindif 70%", "flixkun", "2.1"), ("Faxex elastiċi", "biċċa", "0.6"),
                  ("Termometri diġitali", "biċċa", "3.5")],
    },
}  # fmt: skip

# locale -> people who sign, send or answer for a desk
PEOPLE19: dict[str, list[str]] = {
    "sq_MK": ["Arben Xhaferi", "Blerina Ademi", "Valon Rexhepi"], "da_DE": ["Karin Jessen", "Lars Hansen",
    "Mette Thomsen"], "eu_ES": ["Itziar Etxeberria", "Jon Agirre", "Maite Larrañaga"], "hu_RO": ["Kovács Enikő",
    "Szabó Levente", "Fazakas Csaba"], "fy_NL": ["Sjoukje de Vries", "Wytse Hoekstra", "Jildou Dijkstra"],
    "lb_LU": ["Claude Weber", "Nathalie Schmit", "Marc Hoffmann"], "cy_GB": ["Siân Pritchard", "Dafydd Rowlands",
    "Elin Morgan"], "ms_MY": ["Nurul Aisyah binti Ahmad", "Mohd Faizal bin Osman", "Siti Hajar binti Yusof"],
    "sv_FI": ["Johanna Lindqvist", "Mikael Sundström", "Annika Björkman"], "af_ZA": ["Pieter van der Merwe",
    "Annelie Botha", "Johan Pretorius"], "it_CH": ["Chiara Bernasconi", "Marco Pedrazzini", "Luca Bianchi"],
    "sw_KE": ["Wanjiru Kamau", "Otieno Ochieng", "Amina Mohamed"], "sk_RS": ["Ján Kollár", "Anna Hrubíková",
    "Pavel Zelenák"], "de_IT": ["Martin Kofler", "Verena Gruber", "Andreas Pichler"], "be_BY": ["Алесь Кавалёў",
    "Вольга Навіцкая", "Сяргей Марозаў"], "mt_MT": ["Maria Camilleri", "Joseph Borg", "Ruth Azzopardi"],
    "rm_CH": ["Gian Andri Caflisch", "Ursina Cadonau", "Men Bezzola"], "de_DK": ["Jens Christiansen",
    "Anke Petersen", "Uwe Jessen"], "gd_GB": ["Seumas MacLeòid", "Catrìona NicAoidh", "Iain Moireach"],
    "es_US": ["María Elena Ramírez", "José L. Castillo", "Ana Gutiérrez"], "sl_IT": ["Marko Sancin",
    "Nataša Pertot", "Igor Kralj"], "gl_ES": ["Xosé Manuel Pereira", "Uxía Castro", "Brais Otero"],
    "hr_BA": ["Ivana Marić", "Ante Zovko", "Marija Ćorić"], "ga_IE": ["Seán Ó Flaithearta", "Máire Nic Dhonncha",
    "Pádraig Mac Giolla"],
}  # fmt: skip
# locale -> a buying desk's mailbox and its domain's ending
MAIL19: dict[str, tuple[str, str]] = {
    "sq_MK": ("prokurimi", "mk"), "da_DE": ("indkob", "de"), "eu_ES": ("erosketak", "eus"), "hu_RO": ("beszerzes",
    "ro"),
    "fy_NL": ("ynkeap", "frl"), "lb_LU": ("akaf", "lu"), "cy_GB": ("caffael", "cymru"), "ms_MY": ("perolehan",
    "com.my"),
    "sv_FI": ("inkop", "fi"), "af_ZA": ("aankope", "co.za"), "it_CH": ("acquisti", "ch"), "sw_KE": ("manunuzi",
    "co.ke"),
    "sk_RS": ("nakup", "rs"), "de_IT": ("einkauf", "bz.it"), "be_BY": ("zakupki", "by"), "mt_MT": ("xiri", "com.mt"),
}  # fmt: skip
_SLUG = str.maketrans("äëöüâêôûáéíóúàèìòùçñåæøəğışőűžščćđħġżİľťďňý", "aeouaeouaeiouaeioucnaaoegisouzsccdhgziltdny")


def _po_number19(rng: random.Random, lang: str, year: int) -> str:
    n = rng.randrange(100, 99999)
    return {"sq_MK": f"{n % 9999:04d}/{year}", "da_DE": f"IO-{year}-{n:05d}", "eu_ES": f"EA{year % 100}{n:05d}",
            "hu_RO": f"MR-{year}/{n % 999:03d}", "fy_NL": f"45{n:06d}", "lb_LU": f"BC-{n:05d}",
            "cy_GB": f"CAL/{year}/{n:05d}", "ms_MY": f"LO{year % 100}/{n:06d}", "sv_FI": f"{year}-{n:05d}",
            "af_ZA": f"AB{n:07d}", "it_CH": f"{year % 100}.{n:05d}", "sw_KE": f"LPO/{n:05d}/{year % 100}",
            "sk_RS": f"{n % 999:03d}/{year}", "de_IT": f"{year}/{n % 9999:04d}", "be_BY": f"{n % 9999}/{year}",
            "mt_MT": f"PO{year}{n:05d}"}[lang]  # fmt: skip


@dataclass
class Order19:
    po: BlindPO
    look: dict[str, Any]
    price_units: list[int]
    tolerances: list[tuple[int, int]]  # each line's over- and under-delivery tolerance in % (tolerance)
    alternates: list[str]  # each line's accepted alternative product (alternates)
    charges: list[tuple[str, Decimal]]  # the charges table's rows (surcharges); empty elsewhere
    contact: str  # who sends or answers for the order
    addressee: str  # whom the e-mail greets at the supplier
    mail: str  # the buying desk's address
    sent: str  # the e-mail's sent time (mailprint), the screen's print time (screendump)
    einvoice: str  # an e-invoicing address (Finland's OVT, South Tyrol's SdI code)
    qr: list[list[bool]]  # the QR code's modules (qrcode)


def _goods(fam: Blind19Family) -> list[tuple[str, str, str]]:
    return list(WORDS19[fam.lang]["goods"])


def _qr_modules(rng: random.Random, n: int = 25) -> list[list[bool]]:
    """A QR code's look: the three finder squares in their corners, a timing row and column, random modules."""
    grid = [[rng.random() < 0.5 for _ in range(n)] for _ in range(n)]
    for r0, c0 in ((0, 0), (0, n - 7), (n - 7, 0)):
        for r in range(-1, 8):
            for c in range(-1, 8):
                if 0 <= r0 + r < n and 0 <= c0 + c < n:
                    ring = max(abs(r - 3), abs(c - 3))
                    grid[r0 + r][c0 + c] = ring in (0, 1, 3)
    for k in range(8, n - 8):
        grid[6][k] = grid[k][6] = k % 2 == 0
    return grid


def sample_po19(rng: random.Random, fam: Blind19Family) -> Order19:
    """An order of ``fam``: parties, lines (quantity x price, rounded half up), charges, tax, total and what is
    printed beside them (tolerances, alternatives, the mail's people and times, a QR code)."""
    buyer = make_party19(rng, fam)
    vendor = make_party19(rng, fam, avoid=buyer.name)
    site = make_party19(rng, fam)
    ship = BlindParty(buyer.name, site.street, site.city, site.country, None, None)
    places, words = fam.places, WORDS19[fam.lang]
    rate_s, _sym, _after, date_styles, scale = DESK19[fam.lang]
    rate, mult = Decimal(rate_s), Decimal(scale)
    screen = fam.header == "screendump"
    goods = _goods(fam)
    lines: list[POLine] = []
    tolerances: list[tuple[int, int]] = []
    alternates: list[str] = []
    for _ in range(rng.randrange(*fam.lines)):
        desc, unit, eur = rng.choice(goods)
        price = _half_up(Decimal(eur) * Decimal(rng.randrange(85, 125)) / 100 * mult, places)
        if price == 0:
            price = Decimal(1).scaleb(-places)
        qty = Decimal(rng.choice([1, 2, 3, 4, 5, 6, 8, 10, 12, 15, 20, 24, 25, 30, 40, 50, 100]))
        if fam.table == "tolerance":
            tolerances.append((rng.choice([0, 5, 10, 10, 15]), rng.choice([0, 0, 5, 10])))
        if fam.table == "alternates":
            other = rng.choice([g for g in goods if g[0] != desc])[0]
            alternates.append(other.upper() if screen else other)
        sku = f"{rng.choice('ABCDEFGHKLMNPRSTVZ')}{rng.randrange(10000, 99999)}"
        lines.append(POLine(sku, desc.upper() if screen else desc, qty, unit, price, None, None,
                            _half_up(qty * price, places)))  # fmt: skip
    charges: list[tuple[str, Decimal]] = []
    if fam.table == "surcharges":
        names = words["charge_names"]
        for name in [names[0], *rng.sample(names[1:], rng.randrange(1, len(names)))]:
            charges.append((name, _half_up(Decimal(rng.randrange(1500, 12000)) / 100 * mult, places)))
    subtotal = sum((ln.amount for ln in lines), Decimal(0))
    freight = sum((a for _n, a in charges), Decimal(0))
    tax = _half_up((subtotal + freight) * rate / 100, places)
    order_date = date(rng.randrange(2024, 2028), 1, 1) + timedelta(days=rng.randrange(365))
    terms = rng.choice(words["terms_list"])
    total = subtotal + freight + tax
    po = BlindPO(_po_number19(rng, fam.lang, order_date.year), order_date, buyer, vendor, ship, terms, lines,
                 subtotal, Decimal(0), Decimal(0), freight, rate, {rate: tax}, tax, total)  # fmt: skip
    cols = ["line_no", "sku", "description", "quantity", "unit", "unit_price", "amount"]
    if rng.random() < 0.35:
        cols.remove("sku")
    if fam.table == "tolerance":
        cols.insert(cols.index("unit") + 1, "tolerance")
    if rng.random() < 0.3 and not screen:
        cols.remove("line_no")
    for ln in lines if "sku" not in cols else []:
        ln.sku = None
    look = {"columns": cols, "dates": rng.choice(date_styles), "numbers": fam.numbers,
            "totals": "charges" if charges else "net", "numbered": "line_no" in cols}  # fmt: skip
    box, tld = MAIL19[fam.lang]
    contact, addressee = rng.sample(PEOPLE19[fam.lang], 2)
    printed = order_date + timedelta(days=rng.randrange(0, 4))
    sent = f"{format_day19(printed, 'dmy_dot', fam.lang)} {rng.randrange(7, 18)}:{rng.randrange(60):02d}"
    einvoice = {"sv_FI": f"0037{tax_id_plain(buyer)[2:]}", "de_IT": "".join(
        rng.choice(string.ascii_uppercase + string.digits) for _ in range(7))}.get(fam.lang, "")  # fmt: skip
    qr = _qr_modules(rng) if "qrcode" in fam.extras else []
    return Order19(po, look, [1] * len(lines), tolerances, alternates, charges, contact, addressee,
                   f"{box}@{slug(buyer.name)}.{tld}", sent, einvoice, qr)  # fmt: skip


def tax_id_plain(party: BlindParty) -> str:
    return (party.tax_id or "").replace(" ", "")


def slug(name: str) -> str:
    """A company's name as its mail domain has it: its longest word, lower case, plain letters."""
    word = max(name.split(), key=len).lower().translate(_SLUG)
    return "".join(ch for ch in word if ch.isalnum()) or "mail"


def place_of(city: str) -> str:
    """The town of an address's town line (no post code, no county after a comma, no state)."""
    words = [w for w in city.split(",")[0].split() if not any(ch.isdigit() for ch in w)]
    return " ".join(words)


# ---------------------------------------------------------------- order writer

_RGB = tuple[float, float, float]
_Cell = tuple[str, Entity | None, str]  # a schedule cell: its text, the entity it shows, its alignment
_GREY = (0.4, 0.4, 0.4)
_PHOSPHOR = (0.33, 0.95, 0.45)  # a 5250 screen's green
_BRIGHT = (0.95, 0.97, 0.95)  # its high-intensity white
_SCREEN_ROWS = 24


class PO19Writer(Sheet12):
    """One order of a set-19 family: its head (a terminal's print-screen, a printed e-mail, right-aligned
    captions), its table (ruled, or plain-text monospace columns), charges, totals, invoicing box and QR code."""

    def __init__(self, rng: random.Random, fam: Blind19Family, order: Order19) -> None:
        self.order, self.po = order, order.po
        self.words = WORDS19[fam.lang]
        self.style = order.look["numbers"]
        self.mono_mode = fam.header in {"screendump", "mailprint"}
        self.screen = fam.header == "screendump"
        self.mono, self.mono_b = font("NimbusMonoPS-Regular"), font("NimbusMonoPS-Bold")
        self.msize = 8.6 if self.screen else 8.0
        self.lead = 11.2 if self.screen else 10.5
        self.y0, self.row, self.screens = 0.0, 0.0, 0
        Sheet12.__init__(self, rng, fam)

    # ------------------------------------------------------------ formats

    def money(self, value: Decimal) -> str:
        return format_num13(value, self.style, self.fam.places)

    def qty(self, value: Decimal) -> str:
        return format_qty13(value, self.style)

    def day(self, value: date) -> str:
        return format_day19(value, self.order.look["dates"], self.fam.lang)

    def with_symbol(self, x: float, y: float, value: Decimal, ent: Entity | None, size: float, bold: bool = False,
                    name: str | None = None) -> None:  # fmt: skip
        """``value`` right-aligned at ``x`` with the desk's currency symbol before or after it (the symbol is not
        part of the value's words)."""
        _r, sym, after, _d, _s = DESK19[self.fam.lang]
        face = name or (self.fonts.bold if bold else self.fonts.regular)
        text = self.money(value)
        gap = width(" ", face, size)
        if after:
            self.page.text(x, y, sym, face, size, align="right")
            self.page.text(x - width(sym, face, size) - gap, y, text, face, size, entity=ent, align="right")
        else:
            self.page.text(x, y, text, face, size, entity=ent, align="right")
            self.page.text(x - width(text, face, size) - gap, y, sym, face, size, align="right")

    # ------------------------------------------------------------ the monospace grid

    def m(self, col: int, row: float, text: str, ent: Entity | None = None, bold: bool = False,
          align: str = "left", size: float | None = None, bright: bool = False) -> float:  # fmt: skip
        """Monospace text at character column ``col`` of the grid's ``row`` (a terminal screen's, or the e-mail
        body's)."""
        size = size or self.msize
        x = self.M + col * 0.6 * self.msize
        y = self.y0 + row * self.lead
        color = (_BRIGHT if bright or ent is not None else _PHOSPHOR) if self.screen else (0.0, 0.0, 0.0)
        return self.page.text(x, y, text, self.mono_b if bold else self.mono, size, entity=ent, align=align,
                              color=color)  # fmt: skip

    @property
    def cols_n(self) -> int:
        """How many characters a monospace line holds (a screen's 80 less its margin column)."""
        return 79 if self.screen else int((self.W - 2 * self.M) / (0.6 * self.msize)) - 1

    def fits(self, rows: float) -> bool:
        if self.screen:
            return self.row + rows <= _SCREEN_ROWS - 3
        return self.y0 + (self.row + rows) * self.lead <= self.H - 70

    def new_screen(self) -> None:
        """A print-screen of the next 24 x 80 screen: the emulator's title bar, the black screen, the program's
        head (its name, the title, the print date), the function keys on the last row; two screens a page."""
        w, po, o = self.words, self.po, self.order
        if self.screens:
            self.m(self.cols_n - len(w["more"]), _SCREEN_ROWS - 3, w["more"], bright=True)
        if self.screens % 2 == 0 and self.screens:
            self.new_page()
        top = 40.0 if self.screens % 2 == 0 else 430.0
        self.screens += 1
        sw = 80 * 0.6 * self.msize + 20
        left = (self.W - sw) / 2
        self.page.rect(left, top, sw, 15, stroke=(0.55, 0.55, 0.6), fill=(0.84, 0.85, 0.88), line_width=0.5)
        bar = f"{w['user']} {o.contact.split()[0].upper()} - 5250 - [24 x 80]"
        self.page.text(left + 6, top + 10.5, bar, font("NimbusSans-Regular"), 7, color=(0.15, 0.15, 0.2))
        h = _SCREEN_ROWS * self.lead + 12
        self.page.rect(left, top + 15, sw, h, stroke=(0.3, 0.3, 0.3), fill=(0.02, 0.03, 0.02), line_width=0.5)
        self.M = left + 10
        self.y0 = top + 15 + 6 + 0.8 * self.lead
        self.m(0, 0, f"PUR{300 + len(self.fam.lang) * 7}")
        title = w["title"]
        self.m((80 - len(title)) // 2, 0, title, bright=True)
        self.m(self.cols_n - len(o.sent.split()[0]), 0, o.sent.split()[0])
        self.m(self.cols_n - len(o.sent.split()[1]), 1, o.sent.split()[1])
        self.m(0, _SCREEN_ROWS - 1, w["fkeys"])
        self.row = 2.0
        if self.screens > 1:
            self.m(0, 2, f"{w['number']} . . : {po.number}")
            self.row = 4.0

    def end_screens(self) -> None:
        self.m(self.cols_n - len(self.words["bottom"]), _SCREEN_ROWS - 3, self.words["bottom"], bright=True)

    def facts(self) -> list[tuple[str, str, str]]:
        w, po = self.words, self.po
        return [(w["number"], po.number, "po_number"), (w["date"], self.day(po.order_date), "order_date"),
                (w["terms"], po.terms[0], "payment_terms"), (w["currency"], self.fam.currency, "currency")]  # fmt: skip

    def head_screendump(self) -> None:
        """The order's enquiry screen: the facts as a 5250 program shows them ('Caption . . . :' with dot leaders,
        the values in high intensity), then the lines' subfile under it."""
        w, po = self.words, self.po
        self.new_screen()
        b, v = po.buyer, po.vendor
        rows: list[tuple[str, str, str | None]] = [
            *self.facts(),
            (w["buyer"], b.name, "buyer_name"),
            (b.tax_label or "", str(b.tax_id), "buyer_tax_id"),
            (w["vendor"], v.name, "vendor_name"),
            (v.tax_label or "", str(v.tax_id), "vendor_tax_id"),
            (w["ship"], f"{po.ship_to.street}, {po.ship_to.city}", None),
        ]
        cap_w = max(len(c) for c, _v, _n in rows) + 2
        for k, (cap, value, name) in enumerate(rows):
            dots = " ." * ((cap_w - len(cap)) // 2)
            self.m(1, self.row + k, f"{cap}{dots}")
            self.m(cap_w + 2, self.row + k, ":")
            self.m(cap_w + 4, self.row + k, value, self.ent(name) if name else None, bright=True)
        self.row += len(rows) + 1

    def head_mailprint(self) -> None:
        """The browser's print of an e-mail: its head (the print's time and the mail's subject), the sender in
        bold, the From/Sent/To/Subject block, a greeting and the order's facts in the body."""
        w, po, o = self.words, self.po, self.order
        M, W = self.M, self.W
        subject = w["subject_txt"].replace("{n}", po.number)
        small = font("NimbusSans-Regular")
        self.page.text(M - 10, 22, o.sent, small, 7, color=_GREY)
        self.page.text(W - M + 10, 22, f"{subject} - Mail", small, 7, align="right", color=_GREY)
        self.t(M, 62, subject, 14, bold=True)
        self.page.line(M, 72, W - M, 72, 0.4, (0.75, 0.75, 0.75))
        self.page.circle(M + 14, 92, 13, (0.3, 0.45, 0.7))
        initials = "".join(part[0] for part in o.contact.split()[:2])
        self.page.text(M + 14, 96, initials, font("NimbusSans-Bold"), 10, align="center", color=(1, 1, 1))
        x = M + 36
        self.t(x, 88, f"{o.contact} <{o.mail}>", 9, bold=True)
        to = (
            f"{o.addressee} <{o.addressee.split()[0].lower().translate(_SLUG)}@{slug(po.vendor.name)}."
            f"{MAIL19[self.fam.lang][1]}>"
        )
        rows = [(w["sent"], o.sent), (w["to"], to), (w["subject"], subject)]
        y = 100.0
        for cap, value in rows:
            used = self.t(x, y, f"{cap}:", 8, color=_GREY)
            self.t(x + used + 4, y, value, 8)
            y += 11
        y += 14
        self.t(M, y, w["greeting"].replace("{p}", o.addressee.split()[0]), 9.5)
        self.y = y + 4
        self.flow(w["intro"], {}, M, W - 2 * M, size=9.5)
        self.y0 = self.y + 8
        facts = [*self.facts(), (w["vendor"], po.vendor.name, "vendor_name"),
                 (po.vendor.tax_label or "", str(po.vendor.tax_id), "vendor_tax_id"),
                 (w["ship"], f"{po.ship_to.street}, {po.ship_to.city}", "")]  # fmt: skip
        cap_w = max(len(c) for c, _v, _n in facts)
        for k, (cap, value, name) in enumerate(facts):
            self.m(2, k, cap)
            self.m(cap_w + 3, k, ":")
            self.m(cap_w + 5, k, value, self.ent(name) if name else None)
        self.row = len(facts) + 1.0

    def head_rightcaps(self) -> None:
        """The buyer's name and address as a letterhead, the title under a rule, then two columns of facts: captions
        right-aligned against a thin rule, values left-aligned after it."""
        w, po, M, W = self.words, self.po, self.M, self.W
        b = po.buyer
        self.t(M, 50, b.name, 14, bold=True, ent=self.ent("buyer_name"))
        self.t(M, 63, f"{b.street} · {b.city}", 8, color=_GREY)
        used = self.t(M, 74, f"{b.tax_label}:", 8, color=_GREY)
        self.t(M + used + 4, 74, str(b.tax_id), 8, ent=self.ent("buyer_tax_id"))
        self.page.line(M, 84, W - M, 84, 1.2)
        self.t(W - M, 104, w["title"], 15, bold=True, align="right")
        v = po.vendor
        left = [(c, val, n) for c, val, n in self.facts()]
        right = [(w["vendor"], v.name, "vendor_name"), ("", v.street, ""), ("", v.city, ""),
                 (v.tax_label or "", str(v.tax_id), "vendor_tax_id"),
                 (w["ship"], po.ship_to.street, ""), ("", po.ship_to.city, "")]  # fmt: skip
        top = 124.0
        for x_rule, rows in ((M + 112, left), (W / 2 + 84, right)):
            y = top
            for cap, value, name in rows:
                if cap:
                    self.t(x_rule - 6, y, cap, 7.5, align="right", color=_GREY)
                for k, part in enumerate(wrap(value, self.fonts.regular, 8.5, W / 2 - 130)[:2] if not name else
                                         [value]):  # fmt: skip
                    self.t(x_rule + 6, y + 11 * k, part, 8.5, ent=self.ent(name) if name else None,
                           bold=name == "vendor_name")  # fmt: skip
                    if k:
                        y += 11
                y += 13
            self.page.line(x_rule, top - 10, x_rule, y - 8, 0.4, (0.6, 0.6, 0.6))
            self.y = max(self.y, y)
        self.y += 14

    # ------------------------------------------------------------ tables

    def caption(self, role: str) -> str:
        w = self.words
        return {"line_no": "#", "sku": w["code"], "description": w["desc"], "quantity": w["qty"], "unit": w["unit"],
                "unit_price": w["price"], "amount": w["amount"], "tolerance": w.get("tol", "")}[role]  # fmt: skip

    def cell(self, role: str, i: int, ln: POLine) -> tuple[str, str | None]:
        """A cell's text and the entity it shows (None: printed, not labelled)."""
        if role == "line_no":
            return (f"{i + 1}" if not self.screen else f"{i + 1:03d}"), None
        if role == "tolerance":
            over, under = self.order.tolerances[i]
            return f"+{over}/-{under} %", None
        value = getattr(ln, role)
        if role == "quantity":
            return self.qty(value), role
        if role in {"unit_price", "amount"}:
            return self.money(value), role
        return str(value), role

    def alternate(self, i: int) -> str:
        return f"{self.words['alt']}: {self.order.alternates[i]}" if self.order.alternates else ""

    _SHARES = {"line_no": 0.04, "sku": 0.09, "description": 0.32, "quantity": 0.08, "unit": 0.07, "tolerance": 0.1,
               "unit_price": 0.11, "amount": 0.12}  # fmt: skip
    _RIGHT = frozenset({"line_no", "quantity", "unit_price", "amount"})

    def ruled_head(self, specs: list[tuple[str, float]]) -> None:
        x, size = self.x0, 7.0
        parts = [wrap(self.caption(role), self.fonts.bold, size, share * self.span - 6) for role, share in specs]
        h = 6 + 8.5 * max(len(p) for p in parts)
        self.page.rect(self.x0, self.y, self.span, h, stroke=None, fill=(0.88, 0.89, 0.9))
        for (role, share), lines in zip(specs, parts, strict=True):
            cw = share * self.span
            for k, text in enumerate(lines):
                ax = x + cw - 3 if role in self._RIGHT else x + 3
                self.t(ax, self.y + 9 + 8.5 * k, text, size, bold=True, align="right" if role in self._RIGHT else
                       "left")  # fmt: skip
            x += cw
        self.y += h + 2

    def ruled_table(self) -> None:
        """The lines in a ruled table: a shaded header row repeated on each page, a hairline under each line."""
        roles = self.order.look["columns"]
        total = sum(self._SHARES[r] for r in roles)
        specs = [(r, self._SHARES[r] / total) for r in roles]
        self.ruled_head(specs)
        size = 8.0
        for i, ln in enumerate(self.po.lines):
            share = dict(specs)["description"]
            desc = wrap(ln.description, self.fonts.regular, size, share * self.span - 6)
            alt = (
                wrap(self.alternate(i), self.fonts.italic, size - 1, share * self.span - 6) if self.alternate(i) else []
            )
            h = 10.0 * len(desc) + 9.0 * len(alt) + 5
            if self.y + h > self.H - 80:
                self.new_page()
                self.y = 50
                self.ruled_head(specs)
            x, base = self.x0, self.y + 8
            for role, sh in specs:
                cw = sh * self.span
                if role == "description":
                    ent = self.ent("description", i)
                    for k, part in enumerate(desc):
                        self.page.text(x + 3, base + 10 * k, part, self.fonts.regular, size, entity=ent, row=i)
                    for k, part in enumerate(alt):  # the accepted alternative, printed, not labelled
                        self.page.text(x + 3, base + 10 * len(desc) + 9 * k, part, self.fonts.italic, size - 1,
                                       color=_GREY)  # fmt: skip
                else:
                    text, name = self.cell(role, i, ln)
                    right = role in self._RIGHT
                    s = size if width(text, self.fonts.regular, size) < cw - 4 else size - 1.5
                    self.page.text(x + cw - 3 if right else x + 3, base, text, self.fonts.regular, s,
                                   entity=self.ent(name, i) if name else None, align="right" if right else "left",
                                   row=i)  # fmt: skip
                x += cw
            self.y += h
            self.page.line(self.x0, self.y - 2, self.x0 + self.span, self.y - 2, 0.25, (0.65, 0.65, 0.65))
        self.y += 6

    def mono_specs(self) -> list[tuple[str, int]]:
        """The plain-text columns: each role's width in characters (the description takes what is left)."""
        base = {"line_no": 3, "sku": 6, "quantity": 6, "unit": 5, "tolerance": 9, "unit_price": 9, "amount": 11}
        roles = list(self.order.look["columns"])
        widths = {r: max(base.get(r, 0), *(len(p) for p in self.mono_caption(r, base.get(r, 0)).split()))
                  for r in roles}  # fmt: skip
        rest = self.cols_n - sum(v for r, v in widths.items() if r != "description") - 2 * (len(roles) - 1)
        widths["description"] = max(14, rest)
        return [(r, widths[r]) for r in roles]

    def mono_caption(self, role: str, n: int) -> str:
        """A column's caption in the plain-text table; a screen's in capitals, each word cut to the column's
        ``n`` characters with a point (as 5250 column headings abbreviate)."""
        if not self.screen:
            return self.caption(role)
        words = self.caption(role).upper().split()
        return " ".join(w if len(w) <= n or not n else w[: n - 1] + "." for w in words)

    def mono_rule(self, char: str = "-") -> None:
        self.m(0, self.row, char * min(self.cols_n, sum(w + 2 for _r, w in self.mono_specs()) - 2))
        self.row += 1

    def mono_head(self) -> None:
        specs = self.mono_specs()
        caps = {r: self.mono_caption(r, w) for r, w in specs}
        lines = {r: _chunks(caps[r], w) for r, w in specs}
        depth = max(len(v) for v in lines.values())
        if not self.screen:
            self.mono_rule("=")
        col = 0
        for role, w in specs:
            for k, part in enumerate(lines[role]):
                row = self.row + k + depth - len(lines[role])
                if role in self._RIGHT:
                    self.m(col + w, row, part, align="right", bright=self.screen)
                else:
                    self.m(col, row, part, bright=self.screen)
            col += w + 2
        self.row += depth
        self.mono_rule()

    def mono_room(self, rows: int) -> None:
        """A new screen (or e-mail page) unless ``rows`` more fit."""
        if self.fits(rows):
            return
        if self.screen:
            self.new_screen()
        else:
            self.new_page()
            self.y0, self.row = 60.0, 0.0

    def mono_table(self) -> None:
        """The lines as plain-text columns (the e-mail's body, the screen's subfile): captions over a rule, an
        accepted alternative under its item."""
        specs = self.mono_specs()
        self.mono_room(6)
        self.mono_head()
        desc_w = dict(specs)["description"]
        start = sum(w + 2 for _r, w in specs[: [r for r, _w in specs].index("description")])
        ent: Entity | None
        for i, ln in enumerate(self.po.lines):
            desc = _chunks(ln.description, desc_w)
            alt = _chunks(self.alternate(i), desc_w - 2) if self.alternate(i) else []
            if not self.fits(len(desc) + len(alt)):
                self.mono_room(99)
                self.mono_head()
            col = 0
            for role, w in specs:
                if role == "description":
                    ent = self.ent("description", i)
                    for k, part in enumerate(desc):
                        self.m(col, self.row + k, part, ent)
                else:
                    text, name = self.cell(role, i, ln)
                    ent = self.ent(name, i) if name else None
                    if role in self._RIGHT:
                        self.m(col + w, self.row, text, ent, align="right")
                    else:
                        self.m(col, self.row, text, ent)
                col += w + 2
            self.row += len(desc)
            for part in alt:  # the accepted alternative, printed, not labelled
                self.m(start + 2, self.row, part)
                self.row += 1
        self.mono_rule()

    # ------------------------------------------------------------ charges, totals, invoicing

    def charges_ruled(self) -> None:
        """The charges under the items in a small table of their own (not lines)."""
        w, o = self.words, self.order
        if self.y > self.H - 60 - 14 * (len(o.charges) + 2):
            self.new_page()
            self.y = 50
        x0, cw = self.x0, 250.0
        self.t(x0, self.y + 10, w["charges"], 8.5, bold=True)
        self.y += 14
        for name, amount in [*o.charges, (w["charges_sum"], self.po.freight)]:
            total = name == w["charges_sum"]
            self.page.rect(x0, self.y, cw, 14, line_width=0.4, fill=(0.94, 0.94, 0.94) if total else None)
            self.t(x0 + 4, self.y + 10, name, 8, bold=total)
            self.t(x0 + cw - 4, self.y + 10, self.money(amount), 8, bold=total, align="right")
            self.y += 14
        self.y += 10

    def totals_ruled(self) -> None:
        w, po = self.words, self.po
        if self.y > self.H - 120:
            self.new_page()
            self.y = 50
        rate = format_qty13(po.tax_rate or Decimal(0), self.style)
        rows: list[tuple[str, Decimal, str | None]] = [(w["subtotal"], po.subtotal, "subtotal")]
        if po.freight:
            rows.append((w["charges_sum"], po.freight, None))
        rows += [(f"{w['tax']} {rate} %", po.tax_total, "tax_total"), (w["total"], po.total, "total")]
        xr, xl = self.W - self.M, self.W - self.M - 230
        for cap, value, name in rows:
            bold = name == "total"
            if bold:
                self.page.line(xl, self.y + 1, xr, self.y + 1, 0.8)
            self.t(xl, self.y + 12, cap, 9, bold=bold)
            self.with_symbol(xr, self.y + 12, value, self.ent(name) if name else None, 9, bold=bold)
            self.y += 15
        self.y += 10

    def totals_mono(self) -> None:
        """Totals under the plain-text table, the captions in the description's column, the sums under the
        amounts; the charges as their own small block first."""
        w, po, o = self.words, self.po, self.order
        specs = self.mono_specs()
        end = sum(v + 2 for _r, v in specs) - 2
        cap_col = end - 44
        self.mono_room(len(o.charges) + 6)
        if o.charges:
            self.m(cap_col - 4, self.row, f"{w['charges']}:")
            self.row += 1
            for label, amount in o.charges:
                self.m(cap_col, self.row, label)
                self.m(end, self.row, self.money(amount), align="right")
                self.row += 1
            self.m(end - 14, self.row, "-" * 14)
            self.row += 1
        rate = format_qty13(po.tax_rate or Decimal(0), self.style)
        rows: list[tuple[str, Decimal, str | None]] = [(w["subtotal"], po.subtotal, "subtotal")]
        if po.freight:
            rows.append((w["charges_sum"], po.freight, None))
        rows += [(f"{w['tax']} {rate} %", po.tax_total, "tax_total"),
                 (f"{w['total']} {self.fam.currency}", po.total, "total")]  # fmt: skip
        for cap, value, name in rows:
            bold = name == "total"
            if bold:
                self.m(end - 14, self.row, "=" * 14)
                self.row += 1
            self.m(cap_col, self.row, cap, bold=bold)
            self.m(end, self.row, self.money(value), self.ent(name) if name else None, bold=bold, align="right")
            self.row += 1
        self.row += 1

    def invoicing(self) -> None:
        """The invoicing instructions: where the invoice goes, what it quotes (not labelled)."""
        w, o = self.words, self.order
        lines = [t.replace("{n}", self.po.number).replace("{mail}", o.mail).replace("{ovt}", o.einvoice)
                 .replace("{sdi}", o.einvoice) for t in w["inv_lines"]]  # fmt: skip
        if self.mono_mode:
            self.mono_room(len(lines) + 3)
            head = w["inv_title"].upper() if self.screen else w["inv_title"]
            self.m(0, self.row, head, bold=True)
            self.row += 1
            for k, text in enumerate(lines, start=1):
                for j, part in enumerate(_chunks(text, self.cols_n - 4)):
                    self.m(0 if not j else 4, self.row, f"{k}.  {part}" if not j else part)
                    self.row += 1
            self.row += 1
            return
        span = self.W - 2 * self.M
        wrapped = [wrap(f"{k}. {t}", self.fonts.regular, 8, span - 20) for k, t in enumerate(lines, start=1)]
        h = 22 + 10 * sum(len(p) for p in wrapped)
        if self.y + h > self.H - 60:
            self.new_page()
            self.y = 50
        self.page.rect(self.M, self.y, span, h, stroke=(0.5, 0.5, 0.5), line_width=0.6)
        self.page.rect(self.M, self.y, 4, h, stroke=None, fill=(0.3, 0.45, 0.7))
        self.t(self.M + 10, self.y + 12, w["inv_title"], 8.5, bold=True)
        y = self.y + 24
        for parts in wrapped:
            for part in parts:
                self.t(self.M + 10, y, part, 8)
                y += 10
        self.y += h + 10

    def signature_mail(self) -> None:
        """The e-mail's closing: regards, the sender, the buyer's name, address and tax id, the confidentiality
        line; the address and page number of the browser's print at each page's foot."""
        w, po, o = self.words, self.po, self.order
        self.y = self.y0 + self.row * self.lead
        if self.y > self.H - 130:
            self.new_page()
            self.y = 60
        self.t(self.M, self.y + 12, w["regards"], 9.5)
        self.t(self.M, self.y + 30, o.contact, 9.5)
        self.t(self.M, self.y + 42, po.buyer.name, 9.5, bold=True, ent=self.ent("buyer_name"))
        self.t(self.M, self.y + 53, f"{po.buyer.street}, {po.buyer.city}", 8.5, color=_GREY)
        used = self.t(self.M, self.y + 64, f"{po.buyer.tax_label}:", 8.5, color=_GREY)
        self.t(self.M + used + 4, self.y + 64, str(po.buyer.tax_id), 8.5, ent=self.ent("buyer_tax_id"))
        self.t(self.M, self.y + 84, w["footer"], 7, color=_GREY)
        n = len(self.pages)
        small = font("NimbusSans-Regular")
        for k, page in enumerate(self.pages, start=1):
            page.text(self.M - 10, self.H - 20, f"https://mail.{o.mail.split('@')[1]}/inbox/{po.number}", small, 6.5,
                      color=_GREY)  # fmt: skip
            page.text(self.W - self.M + 10, self.H - 20, f"{k}/{n}", small, 6.5, align="right", color=_GREY)

    def qrcode(self) -> float:
        """A QR code at the left of the totals (the order's confirmation link; not labelled) and the line under it
        that says what it is for; returns the y under them."""
        grid = self.order.qr
        cell, x0, y0 = 2.6, self.M, self.y + 4
        self.page.rect(x0 - 4, y0 - 4, cell * len(grid) + 8, cell * len(grid) + 8, stroke=None, fill=(1, 1, 1))
        for r, row in enumerate(grid):
            for c, dark in enumerate(row):
                if dark:
                    self.page.rect(x0 + c * cell, y0 + r * cell, cell, cell, stroke=None, fill=(0, 0, 0))
        bottom = y0 + cell * len(grid)
        for k, part in enumerate(wrap(self.words["qr"], self.fonts.regular, 7, 150)):
            self.t(x0, bottom + 10 + 8 * k, part, 7, color=_GREY)
        return bottom + 26

    def write(self) -> None:
        getattr(self, f"head_{self.fam.header}")()
        if self.mono_mode:
            self.mono_table()
            self.totals_mono()
            if "invoicing" in self.fam.extras:
                self.invoicing()
            if self.screen:
                self.end_screens()
            else:
                self.signature_mail()
            return
        self.ruled_table()
        if self.order.charges:
            self.charges_ruled()
        if self.order.qr:
            if self.y > self.H - 130:
                self.new_page()
                self.y = 50
            under = self.qrcode()
            self.totals_ruled()
            self.y = max(self.y, under)
        else:
            self.totals_ruled()
        if "invoicing" in self.fam.extras:
            self.invoicing()
        self.page_numbers(self.words["page"])


def _chunks(text: str, n: int) -> list[str]:
    """``text`` broken between words into pieces of at most ``n`` characters (a longer word on its own)."""
    out: list[str] = []
    for word in text.split():
        if out and len(out[-1]) + 1 + len(word) <= n:
            out[-1] += " " + word
        else:
            out.append(word)
    return out or [""]


def make_blind19_po(seed: int, fam: Blind19Family, doc_id: str | None = None) -> GeneratedDoc:
    return make_set_po(seed, fam, doc_id, set_no=19, sample=sample_po19, writer_of=PO19Writer)


# ---------------------------------------------------------------- contract words

# locale -> the contract's words; {buyer}, {eff}, ... in a clause are the tagged values
CONTRACT19: dict[str, dict[str, Any]] = {
    "rm_CH": {
        "title": "CONTRACT DA SERVETSCHS", "number": "Nr. dal contract", "taxcap": "UID",
        "particulars": "Datas dal contract", "boxes": ["Mandant", "Purschider", "Nr. dal contract", "Cumenzament",
        "Fin", "Valuta", "Pajament", "Pretschs"], "prices_ref": "tenor l'agiunta 1",
        "gc_title": "Cundiziuns generalas",
        "gc": ["Il purschider furnescha ils servetschs descrits en l'agiunta 1 cun quità e tenor las reglas da la "
               "professiun.", "Il contract cumenza il di en la chaschetta 4 e finescha il di en la chaschetta 5.",
               "Ils pretschs da l'agiunta 1 èn pretschs fixs senza la taglia sin la plivalur (TPV).",
               "Quints èn da pajar en la valuta da la chaschetta 6 entaifer il termin da la chaschetta 7.",
               "Midadas dal contract ston esser fatgas en scrit. Il dretg svizzer è applitgabel; la dretgira è a "
               "Cuira.", "Mintga partida po desdir il contract cun in termin da trais mais per la fin d'in mais."],
        "sched_title": "Agiunta 1 – Pretschs", "cols": ("Servetsch", "Unitad", "Pretsch"),
        "tiers_intro": "Il mandant tscherna il nivel da servetsch {tier} (marcà cun [X]). Ils pretschs da quest "
                       "nivel valan per il contract:", "tiers": ["Basa", "Standard", "Premium"],
        "sign": ("Per il mandant", "Per il purschider", "Lieu e data", "Num"),
        "services": [("Survegliaziun da la rait", "mais"), ("Support da l'utilisader", "ura"),
                     ("Backup e restauraziun", "mais"), ("Mantegniment dal server", "mais"),
                     ("Visita sin plazza", "visita"), ("Licenzas da software", "utilisader"), ("Scolaziun", "di")],
        "terms": [("entaifer 30 dis", 30), ("entaifer 20 dis suenter la recepziun dal quint", 20)],
    },
    "de_DK": {
        "title": "DIENSTLEISTUNGSVERTRAG", "number": "Vertrags-Nr.", "taxcap": "CVR-Nr.",
        "particulars": "Vertragsdaten", "boxes": ["Auftraggeber", "Auftragnehmer", "Vertrags-Nr.",
        "Vertragsbeginn", "Vertragsende", "Währung", "Zahlungsziel", "Vergütung"], "prices_ref": "gemäß Anlage 1",
        "gc_title": "Allgemeine Bestimmungen",
        "gc": ["Der Auftragnehmer erbringt die in Anlage 1 genannten Leistungen fachgerecht und mit eigenem "
               "Personal.", "Der Vertrag beginnt mit dem Datum in Feld 4 und endet mit dem Datum in Feld 5, ohne "
               "dass es einer Kündigung bedarf.", "Die Preise der Anlage 1 verstehen sich zuzüglich der dänischen "
               "Mehrwertsteuer (moms).", "Rechnungen werden in der Währung aus Feld 6 gestellt und sind innerhalb "
               "der Frist aus Feld 7 zu zahlen.", "Es gilt dänisches Recht. Gerichtsstand ist Sønderborg."],
        "fillers": ["Der Auftragnehmer unterhält eine Betriebshaftpflichtversicherung mit einer Deckung von "
                    "mindestens 5 Mio. DKK.", "Beide Parteien behandeln alle im Rahmen des Vertrags erhaltenen "
                    "Informationen vertraulich, auch nach Vertragsende.", "Der Auftragnehmer darf "
                    "Unterauftragnehmer nur mit schriftlicher Zustimmung des Auftraggebers einsetzen.",
                    "Mängel sind innerhalb von fünf Werktagen nach Meldung kostenfrei zu beheben.",
                    "Änderungen und Ergänzungen dieses Vertrags bedürfen der Schriftform.",
                    "Sollte eine Bestimmung unwirksam sein, bleibt der Vertrag im Übrigen wirksam."],
        "sched_title": "Anlage 1 – Preisverzeichnis", "cols": ("Leistung", "Einheit", "Preis"),
        "sched_intro": "Die Leistungen werden zu folgenden Einheitspreisen abgerechnet (netto, ohne moms):",
        "cont_next": "Fortsetzung nächste Seite", "cont_head": "Anlage 1 – Preisverzeichnis (Fortsetzung)",
        "idx_head": "Preisanpassung",
        "idx_text": "Die Preise der Anlage 1 werden jeweils zum {review} an die Entwicklung des {index} angepasst. "
                    "Basis ist der Indexstand {base} Punkte ({month}).",
        "idx_formula": "neuer Preis = alter Preis × neuer Indexstand / {base}",
        "idx_names": ["Nettopreisindex von Danmarks Statistik", "Lohnindex für den privaten Sektor"],
        "sign": ("Für den Auftraggeber", "Für den Auftragnehmer", "Ort, Datum", "Name"),
        "services": [("Unterhaltsreinigung Büroflächen", "m²"), ("Glasreinigung", "m²"), ("Grundreinigung "
                     "Sanitärräume", "Raum"), ("Winterdienst Gehwege", "Einsatz"), ("Grünflächenpflege", "Stunde"),
                     ("Hausmeisterdienst", "Stunde"), ("Abfallentsorgung Restmüll", "Leerung"),
                     ("Papiercontainer", "Leerung"), ("Teppichreinigung", "m²"), ("Fassadenreinigung", "m²"),
                     ("Desinfektion", "Einsatz"), ("Bereitschaftsdienst Wochenende", "Tag"),
                     ("Schlüsseldienst", "Auftrag"), ("Schädlingsbekämpfung", "Einsatz")],
        "terms": [("innerhalb von 30 Tagen netto", 30), ("innerhalb von 14 Tagen ohne Abzug", 14)],
    },
    "gd_GB": {
        "dc_title": "Smachd sgrìobhainn", "dc_cols": ("Tionndadh", "Ceann-latha", "Ùghdar", "Atharrachadh"),
        "dc_changes": ["A' chiad dreachd", "Beachdan bhon t-Solaraiche", "Dreachd dheireannach airson ainm a chur ris"],
        "title": "CÙMHNANT SEIRBHEISEAN", "number": "Àireamh a' chùmhnaint", "taxcap": "Àireamh VAT",
        "clauses": [("Na pàrtaidhean", "Tha an cùmhnant seo eadar {buyer}, {baddr}, Àireamh VAT {btax}, an "
                     "Neach-dèiligidh, agus {vendor}, {vaddr}, Àireamh VAT {vtax}, an Solaraiche."),
                    ("Ùine", "Tòisichidh an cùmhnant air {eff} agus thig e gu crìch air {exp}."),
                    ("Seirbheisean", "Bheir an Solaraiche seachad na seirbheisean anns a' chlàr gu h-ìosal aig "
                     "ìre na seirbheis a thagh an Neach-dèiligidh."),
                    ("Pàigheadh", "Tha na prìsean ann an {cur} agus às aonais VAT. Pàighidh an Neach-dèiligidh "
                     "gach fàirdeal {terms}."),
                    ("Dìomhaireachd", "Cumaidh gach pàrtaidh fiosrachadh dìomhair a' phàrtaidh eile dìomhair rè "
                     "a' chùmhnaint agus às a dhèidh."),
                    ("Lagh", "Tha an cùmhnant seo fo lagh na h-Alba.")],
        "sched_title": "Clàr nam prìsean", "cols": ("Seirbheis", "Aonad", "Prìs"),
        "tiers_intro": "Thagh an Neach-dèiligidh ìre {tier} (comharraichte le [X]); is iad prìsean na h-ìre sin "
                       "prìsean a' chùmhnaint:", "tiers": ["Bunasach", "Àbhaisteach", "Adhartach"],
        "idx_head": "Atharrachadh phrìsean",
        "idx_text": "Thèid na prìsean atharrachadh air {review} a rèir {index}. Is e {base} ({month}) an "
                    "clàr-amais bunaiteach.", "idx_formula": "prìs ùr = seann phrìs × clàr-amais ùr / {base}",
        "idx_names": ["Clàr-amais Prìsean Luchd-cleachdaidh (CPI)", "Clàr-amais Prìsean Reic (RPI)"],
        "sign": ("Às leth an Neach-dèiligidh", "Às leth an t-Solaraiche", "Àite agus ceann-latha", "Ainm"),
        "services": [("Glanadh oifisean", "mìos"), ("Cumail suas an togalaich", "uair"), ("Taic IT", "mìos"),
                     ("Tèarainteachd", "oidhche"), ("Cumail suas ghàrraidhean", "tadhal"),
                     ("Sgudal is ath-chuairteachadh", "mìos"), ("Càradh èiginneach", "uair")],
        "terms": [("taobh a-staigh 30 latha", 30), ("taobh a-staigh 14 latha bho cheann-latha an fhàirdeil", 14)],
    },
    "es_US": {
        "dc_title": "Control del documento", "dc_cols": ("Versión", "Fecha", "Autor", "Cambios"),
        "dc_changes": ["Primer borrador", "Comentarios del Contratista", "Versión final para firma"],
        "title": "CONTRATO DE SERVICIOS", "number": "Contrato núm.", "taxcap": "EIN",
        "clauses": [("Partes", "Este contrato se celebra entre {buyer}, con domicilio en {baddr}, EIN {btax}, en "
                     "adelante el Cliente, y {vendor}, con domicilio en {vaddr}, EIN {vtax}, en adelante el "
                     "Contratista."),
                    ("Vigencia", "El contrato entra en vigor el {eff} y vence el {exp}, salvo terminación "
                     "anticipada por escrito con treinta días de aviso."),
                    ("Servicios", "El Contratista prestará los servicios detallados en el Anexo A con personal "
                     "propio, debidamente asegurado y con licencia vigente en el estado."),
                    ("Pago", "Los importes se expresan en {cur}. El Cliente pagará cada factura {terms}."),
                    ("Seguro", "El Contratista mantendrá un seguro de responsabilidad civil general con una "
                     "cobertura mínima de un millón de dólares por siniestro."),
                    ("Ley aplicable", "Este contrato se rige por las leyes del estado donde se prestan los "
                     "servicios.")],
        "fillers": ["El Contratista es un contratista independiente y no un empleado del Cliente.",
                    "Ninguna de las partes podrá ceder este contrato sin el consentimiento previo y por escrito "
                    "de la otra parte.", "Las notificaciones se harán por escrito a los domicilios indicados en la "
                    "cláusula de partes.", "El Contratista cumplirá con todas las leyes laborales y de seguridad "
                    "ocupacional aplicables.", "Si alguna disposición de este contrato fuera inválida, las demás "
                    "seguirán vigentes.", "Este contrato constituye el acuerdo completo entre las partes."],
        "sched_title": "Anexo A – Lista de precios", "cols": ("Servicio", "Unidad", "Precio"),
        "sched_intro": "Los servicios se facturarán según los siguientes precios unitarios:",
        "cont_next": "Continúa en la página siguiente", "cont_head": "Anexo A – Lista de precios (continuación)",
        "sign": ("Por el Cliente", "Por el Contratista", "Lugar y fecha", "Nombre"),
        "services": [("Limpieza de oficinas", "pie²"), ("Limpieza de ventanas", "ventana"), ("Lavado de "
                     "alfombras", "pie²"), ("Mantenimiento de jardines", "visita"), ("Poda de árboles", "árbol"),
                     ("Recolección de basura", "recogida"), ("Control de plagas", "servicio"),
                     ("Reparaciones de plomería", "hora"), ("Reparaciones eléctricas", "hora"),
                     ("Pintura de interiores", "pie²"), ("Remoción de nieve", "servicio"),
                     ("Mantenimiento de aire acondicionado", "unidad"), ("Servicio de conserjería", "hora"),
                     ("Lavado a presión", "hora")],
        "terms": [("dentro de los 30 días siguientes a la recepción de la factura", 30), ("a 15 días netos", 15)],
    },
    "sl_IT": {
        "title": "POGODBA O IZVAJANJU STORITEV", "number": "Št. pogodbe", "taxcap": "Dav. št. (P. IVA)",
        "particulars": "Podatki o pogodbi", "boxes": ["Naročnik", "Izvajalec", "Št. pogodbe",
        "Začetek veljavnosti", "Konec veljavnosti", "Valuta", "Plačilni rok", "Cene"],
        "prices_ref": "po prilogi 1", "gc_title": "Splošni pogoji",
        "gc": ["Izvajalec opravlja storitve iz priloge 1 strokovno in v dogovorjenih rokih.",
               "Pogodba začne veljati na dan iz polja 4 in preneha veljati na dan iz polja 5.",
               "Cene iz priloge 1 so brez DDV (IVA), ki se obračuna po italijanskih predpisih.",
               "Računi se izstavijo v valuti iz polja 6 in se plačajo v roku iz polja 7.",
               "Za spore je pristojno sodišče v Trstu."],
        "sched_title": "Priloga 1 – Cenik", "cols": ("Storitev", "Enota", "Cena"),
        "tiers_intro": "Naročnik izbere raven storitev {tier} (označeno z [X]). Za pogodbo veljajo cene te ravni:",
        "tiers": ["Osnovna", "Standardna", "Celovita"], "idx_head": "Usklajevanje cen",
        "idx_text": "Cene iz priloge 1 se vsako leto na dan {review} uskladijo z {index}. Izhodiščna vrednost "
                    "indeksa je {base} ({month}).", "idx_formula": "nova cena = stara cena × novi indeks / {base}",
        "idx_names": ["indeksom cen ISTAT (FOI)", "indeksom cen ISTAT (NIC)"],
        "sign": ("Za naročnika", "Za izvajalca", "Kraj in datum", "Ime in priimek"),
        "services": [("Računovodske storitve", "mesec"), ("Obračun plač", "zaposleni"), ("Davčno svetovanje",
                     "ura"), ("Priprava letnega poročila", "poročilo"), ("Prevajanje", "stran"),
                     ("Pravno svetovanje", "ura"), ("Arhiviranje dokumentov", "mesec")],
        "terms": [("v 30 dneh od prejema računa", 30), ("v 60 dneh", 60)],
    },
    "gl_ES": {
        "title": "CONTRATO DE SERVIZOS", "number": "Contrato n.º", "taxcap": "NIF",
        "particulars": "Datos do contrato", "boxes": ["Entidade contratante", "Adxudicataria",
        "Número de contrato", "Data de inicio", "Data de remate", "Moeda", "Prazo de pagamento", "Prezos"],
        "prices_ref": "segundo o anexo I", "gc_title": "Condicións xerais",
        "gc": ["A adxudicataria prestará os servizos do anexo I co seu propio persoal e medios.",
               "O contrato comeza na data do recadro 4 e remata na data do recadro 5.",
               "Os prezos do anexo I non inclúen o IVE, que se engadirá ao tipo vixente.",
               "As facturas emitiranse na moeda do recadro 6 e pagaranse no prazo do recadro 7.",
               "Este contrato rexerase pola Lei 9/2017, de contratos do sector público."],
        "fillers": ["A adxudicataria cumprirá a normativa de prevención de riscos laborais.",
                    "Calquera modificación do contrato farase por escrito e asinada polas dúas partes.",
                    "A adxudicataria gardará confidencialidade sobre a información á que teña acceso.",
                    "As facturas presentaranse electronicamente a través de FACe.",
                    "A subcontratación requirirá a autorización previa da entidade contratante.",
                    "Os litixios someteranse aos xulgados e tribunais de Santiago de Compostela."],
        "sched_title": "Anexo I – Prezos unitarios", "cols": ("Servizo", "Unidade", "Prezo"),
        "sched_intro": "Os servizos facturaranse segundo os seguintes prezos unitarios, sen IVE:",
        "cont_next": "Continúa na páxina seguinte", "cont_head": "Anexo I – Prezos unitarios (continuación)",
        "sign": ("Pola entidade contratante", "Pola adxudicataria", "Lugar e data", "Nome"),
        "services": [("Limpeza de oficinas", "m²"), ("Limpeza de cristais", "m²"), ("Limpeza de aseos", "aseo"),
                     ("Mantemento de xardíns", "hora"), ("Recollida de lixo", "recollida"), ("Desinfección",
                     "servizo"), ("Conserxería", "hora"), ("Reparacións de fontanaría", "hora"),
                     ("Reparacións eléctricas", "hora"), ("Pintura", "m²"), ("Limpeza de moqueta", "m²"),
                     ("Control de pragas", "servizo"), ("Retirada de voluminosos", "viaxe"),
                     ("Limpeza de garaxes", "m²")],
        "terms": [("no prazo de 30 días desde a recepción da factura", 30), ("a 60 días", 60)],
    },
    "hr_BA": {
        "dc_title": "Kontrola dokumenta", "dc_cols": ("Verzija", "Datum", "Autor", "Izmjene"),
        "dc_changes": ["Prvi nacrt", "Primjedbe Izvršitelja", "Konačna verzija za potpis"],
        "title": "UGOVOR O PRUŽANJU USLUGA", "number": "Broj ugovora", "taxcap": "JIB",
        "clauses": [("Ugovorne strane", "Ovaj ugovor sklapaju {buyer}, {baddr}, JIB {btax} (Naručitelj) i "
                     "{vendor}, {vaddr}, JIB {vtax} (Izvršitelj)."),
                    ("Trajanje", "Ugovor stupa na snagu {eff} i vrijedi do {exp}."),
                    ("Predmet", "Izvršitelj pruža usluge iz cjenika na razini koju je odabrao Naručitelj."),
                    ("Plaćanje", "Cijene su iskazane u valuti {cur} bez PDV-a. Naručitelj plaća svaki račun "
                     "{terms}."),
                    ("Povjerljivost", "Ugovorne strane čuvaju kao poslovnu tajnu sve podatke saznane tijekom "
                     "suradnje."),
                    ("Sporovi", "Za sporove je nadležan Općinski sud u Mostaru.")],
        "sched_title": "Cjenik usluga", "cols": ("Usluga", "Jedinica", "Cijena"),
        "tiers_intro": "Naručitelj odabire razinu {tier} (označeno s [X]); za ugovor vrijede cijene te razine:",
        "tiers": ["Osnovni", "Standardni", "Prošireni"],
        "sign": ("Za Naručitelja", "Za Izvršitelja", "Mjesto i datum", "Ime i prezime"),
        "services": [("Održavanje poslužitelja", "mjesec"), ("Korisnička podrška", "sat"), ("Izrada sigurnosnih "
                     "kopija", "mjesec"), ("Održavanje mreže", "mjesec"), ("Izlazak na teren", "dolazak"),
                     ("Obuka korisnika", "dan"), ("Nadzor sustava", "mjesec")],
        "terms": [("u roku od 30 dana od primitka računa", 30), ("u roku od 15 dana", 15)],
    },
    "ga_IE": {
        "dc_title": "Rialú doiciméid", "dc_cols": ("Leagan", "Dáta", "Údar", "Athrú"),
        "dc_changes": ["An chéad dréacht", "Tráchtanna ón Soláthraí", "Leagan deiridh le síniú"],
        "title": "CONRADH SEIRBHÍSÍ", "number": "Uimhir an chonartha", "taxcap": "Uimhir CBL",
        "clauses": [("Na páirtithe", "Déantar an conradh seo idir {buyer}, {baddr}, Uimhir CBL {btax}, an "
                     "Cliant, agus {vendor}, {vaddr}, Uimhir CBL {vtax}, an Soláthraí."),
                    ("Téarma", "Tosóidh an conradh ar {eff} agus críochnóidh sé ar {exp}."),
                    ("Seirbhísí", "Soláthróidh an Soláthraí na seirbhísí atá leagtha amach i Sceideal 1 go "
                     "cúramach agus go gairmiúil."),
                    ("Íocaíocht", "Is in {cur} atá na praghsanna, gan CBL. Íocfaidh an Cliant gach sonrasc "
                     "{terms}."),
                    ("Árachas", "Coinneoidh an Soláthraí árachas dliteanais phoiblí ar feadh théarma an "
                     "chonartha."),
                    ("Dlí", "Tá an conradh seo faoi réir dhlí na hÉireann.")],
        "fillers": ["Ní fhéadfaidh ceachtar páirtí an conradh seo a shannadh gan toiliú i scríbhinn ón bpáirtí "
                    "eile.", "Coinneoidh gach páirtí faisnéis rúnda an pháirtí eile faoi rún.", "Ní bheidh aon "
                    "athrú ar an gconradh seo bailí mura bhfuil sé i scríbhinn.", "Comhlíonfaidh an Soláthraí "
                    "na hAchtanna um Shábháilteacht, Sláinte agus Leas ag an Obair.", "Is féidir leis an gCliant "
                    "an conradh a fhoirceannadh le fógra míosa i scríbhinn.", "Déanfar fógraí a sheachadadh "
                    "chuig na seoltaí atá luaite thuas."],
        "sched_title": "Sceideal 1 – Praghsanna", "cols": ("Seirbhís", "Aonad", "Praghas"),
        "sched_intro": "Gearrfar na praghsanna aonaid seo a leanas ar na seirbhísí, gan CBL:",
        "cont_next": "Ar lean ar an gcéad leathanach eile", "cont_head": "Sceideal 1 – Praghsanna (ar lean)",
        "idx_head": "Coigeartú praghsanna",
        "idx_text": "Coigeartófar na praghsanna ar {review} de réir {index}. Is é {base} ({month}) an bunluach.",
        "idx_formula": "praghas nua = seanphraghas × innéacs nua / {base}",
        "idx_names": ["an Innéacs Praghsanna do Thomhaltóirí (CSO)", "an Innéacs Comhchuibhithe Praghsanna"],
        "sign": ("Thar ceann an Chliaint", "Thar ceann an tSoláthraí", "Áit agus dáta", "Ainm"),
        "services": [("Glantachán oifige", "uair"), ("Glanadh fuinneog", "cuairt"), ("Cothabháil gairdín",
                     "cuairt"), ("Bailiú dramhaíola", "bailiú"), ("Deisiúcháin pluiméireachta", "uair"),
                     ("Deisiúcháin leictreacha", "uair"), ("Péinteáil", "seomra"), ("Glanadh cairpéad",
                     "seomra"), ("Rialú lotnaidí", "cuairt"), ("Seirbhís airíoch", "uair"), ("Glanadh gutaí",
                     "cuairt"), ("Slándáil oíche", "oíche"), ("Aistriúchán", "leathanach"),
                     ("Bainistíocht dramhaíola", "mí")],
        "terms": [("laistigh de 30 lá ón sonrasc", 30), ("laistigh de 15 lá", 15)],
    },
}  # fmt: skip


def _contract_number19(rng: random.Random, lang: str, year: int) -> str:
    n = rng.randrange(10, 9999)
    return {"rm_CH": f"CS-{year}-{n:04d}", "de_DK": f"DV {year}/{n:04d}", "gd_GB": f"CS/{year}/{n:03d}",
            "es_US": f"CS-{n:04d}-{year % 100}", "sl_IT": f"{n:03d}/{year}", "gl_ES": f"CTR-{year}-{n:04d}",
            "hr_BA": f"{n:03d}-{year}/UG", "ga_IE": f"CS{year % 100}-{n:04d}"}[lang]  # fmt: skip


@dataclass
class Contract19(Contract2):
    tier_rates: list[list[Decimal]]  # each service's rate in each level (levelmatrix); empty elsewhere
    chosen: int  # the tier the contract takes
    index: tuple[str, Decimal, date, date]  # the index's name, its base value and month, the review date
    signers: tuple[str, str]
    places: tuple[str, str]


def sample_contract19(rng: random.Random, fam: Blind19Family) -> Contract19:
    """A contract of ``fam``: parties, dates, rates (the chosen tier's or the whole schedule's) and what is printed
    beside them (the other tiers, the index)."""
    text = CONTRACT19[fam.lang]
    buyer = make_party19(rng, fam)
    vendor = make_party19(rng, fam, avoid=buyer.name)
    effective = date(rng.randrange(2024, 2028), 1, 1) + timedelta(days=rng.randrange(365))
    expiry = date(effective.year + rng.choice([1, 2, 3]), effective.month, 1) - timedelta(days=1)
    mult = Decimal(DESK19[fam.lang][4])
    services = text["services"]
    tier_rates: list[list[Decimal]] = []
    chosen = rng.randrange(3)
    if fam.table == "levelmatrix":
        picks = rng.sample(services, rng.randrange(4, len(services) + 1))
        for _ in picks:
            base = Decimal(rng.randrange(2500, 60000)) / 100 * mult
            steps = [Decimal(1), Decimal(rng.randrange(120, 150)) / 100, Decimal(rng.randrange(160, 220)) / 100]
            tier_rates.append([_half_up(base * s, fam.places) for s in steps])
        rates = [(s, u, tier_rates[i][chosen]) for i, (s, u) in enumerate(picks)]
    else:
        picks = rng.sample(services, rng.randrange(9, min(14, len(services)) + 1))
        rates = [(s, u, _half_up(Decimal(rng.randrange(150, 40000)) / 100 * mult, fam.places)) for s, u in picks]
    base_month = date(effective.year - 1, rng.randrange(1, 13), 1)
    index = (rng.choice(text.get("idx_names", [""])), Decimal(rng.randrange(1000, 1300)) / 10, base_month,
             date(effective.year + 1, 1, 1))  # fmt: skip
    people = rng.sample(PEOPLE19[fam.lang], 2)
    return Contract19(_contract_number19(rng, fam.lang, effective.year), effective, expiry, None, buyer, vendor,
                      rng.choice(text["terms"]), rates, tier_rates, chosen, index, (people[0], people[1]),
                      (place_of(buyer.city), place_of(vendor.city)))  # fmt: skip


class Contract19Writer(Sheet12):
    """One contract of a set-19 family: its papers (a particulars grid or margin headings), its schedule (a tier
    matrix or a long price list over two pages), an indexation clause and the signatures."""

    def __init__(self, rng: random.Random, fam: Blind19Family, model: Contract19) -> None:
        self.model, self.text = model, CONTRACT19[fam.lang]
        super().__init__(rng, fam)

    def day(self, value: date) -> str:
        return format_day19(value, self.fam.dates, self.fam.lang)

    def money(self, value: Decimal) -> str:
        return format_num13(value, self.fam.numbers, self.fam.places)

    def room(self, h: float) -> None:
        if self.y + h > self.H - 70:
            self.new_page()
            self.y = 56

    def values(self) -> dict[str, tuple[str, str | None]]:
        m, cur = self.model, self.fam.currency
        return {"buyer": (m.buyer.name, "buyer_name"), "vendor": (m.vendor.name, "vendor_name"),
                "baddr": (f"{m.buyer.street}, {m.buyer.city}", None), "vaddr": (f"{m.vendor.street}, "
                f"{m.vendor.city}", None), "btax": (str(m.buyer.tax_id), "buyer_tax_id"),
                "vtax": (str(m.vendor.tax_id), "vendor_tax_id"), "eff": (self.day(m.effective), "effective_date"),
                "exp": (self.day(m.expiry), "expiry_date"), "terms": (m.terms[0], "payment_terms"),
                "cur": (cur, "currency")}  # fmt: skip

    # ------------------------------------------------------------ papers

    def head_datasheet(self) -> None:
        """Page 1's particulars: numbered boxes in two columns (the parties tall, the rest a line each), the
        conditions after them in plain numbered paragraphs referring to the boxes."""
        text, m, M, W = self.text, self.model, self.M, self.W
        self.t(W / 2, 58, text["title"], 14, bold=True, align="center")
        self.t(M, 86, text["particulars"].upper(), 8.5, bold=True, color=_GREY)
        caps = text["boxes"]
        half = (W - 2 * M) / 2
        top = 92.0
        for k, (p, role) in enumerate(((m.buyer, "buyer"), (m.vendor, "vendor"))):
            x = M + k * half
            self.page.rect(x, top, half, 64, line_width=0.7)
            self.t(x + 5, top + 10, f"{k + 1}  {caps[k]}", 7, color=_GREY)
            self.t(x + 14, top + 23, p.name, 9.5, bold=True, ent=self.ent(f"{role}_name"))
            self.t(x + 14, top + 34, p.street, 8.5)
            self.t(x + 14, top + 45, p.city, 8.5)
            used = self.t(x + 14, top + 56, f"{p.tax_label}:", 8.5)
            self.t(x + 18 + used, top + 56, str(p.tax_id), 8.5, ent=self.ent(f"{role}_tax_id"))
        cells = [(m.number, "contract_number"), (self.day(m.effective), "effective_date"),
                 (self.day(m.expiry), "expiry_date"), (self.fam.currency, "currency"), (m.terms[0], "payment_terms"),
                 (text["prices_ref"], None)]  # fmt: skip
        y = top + 64
        for k, (value, name) in enumerate(cells):
            x = M + (k % 2) * half
            if k % 2 == 0 and k:
                y += 30
            self.page.rect(x, y, half, 30, line_width=0.7)
            self.t(x + 5, y + 10, f"{k + 3}  {caps[k + 2]}", 7, color=_GREY)
            parts = [value] if name != "payment_terms" else wrap(value, self.fonts.regular, 9, half - 20)
            size = 9.0 if len(parts) == 1 else 7.5
            ent = self.ent(name) if name else None
            for j, part in enumerate(parts[:2]):
                self.page.text(x + 14, y + 23 + (j - len(parts[:2]) + 1) * 8, part, self.fonts.regular, size,
                               entity=ent)  # fmt: skip
        self.y = y + 52
        self.t(M, self.y, text["gc_title"], 10.5, bold=True)
        self.y += 4
        for k, para in enumerate(text["gc"], start=1):
            self.room(30)
            self.flow(f"{k}. {para}", {}, M, W - 2 * M, size=9)
        self.n_clauses = len(text["gc"])

    def head_doccontrol(self) -> None:
        """The title and number, then the document-control table (each version's number, date, author and change:
        the drafts before the final one, none of it labelled), then the clauses, each under its bold heading."""
        text, m, M, W = self.text, self.model, self.M, self.W
        self.t(W / 2, 60, text["title"], 14, bold=True, align="center")
        cap = f"{text['number']}:"
        total = width(cap, self.fonts.regular, 9) + 4 + width(m.number, self.fonts.regular, 9)
        x = W / 2 - total / 2
        x += self.t(x, 76, cap, 9) + 4
        self.t(x, 76, m.number, 9, ent=self.ent("contract_number"))
        self.y = 92.0
        self.t(M, self.y + 8, text["dc_title"].upper(), 7.5, bold=True, color=_GREY)
        self.y += 12
        shares = [0.12, 0.2, 0.26, 0.42]
        self.cells_row([(c, None, "left") for c in text["dc_cols"]], shares, 15, fills=[(0.9, 0.9, 0.9)] * 4,
                       bold=True)  # fmt: skip
        authors = [m.signers[1], m.signers[0], m.signers[0]]
        for k, (version, days) in enumerate((("0.1", 41), ("0.2", 23), ("1.0", 6))):
            day = m.effective - timedelta(days=days + self.rng.randrange(0, 5))
            self.cells_row([(version, None, "left"), (self.day(day), None, "left"), (authors[k], None, "left"),
                            (text["dc_changes"][k], None, "left")], shares, 15)  # fmt: skip
        self.y += 10
        values = self.values()
        for k, (head, template) in enumerate(text["clauses"], start=1):
            self.clause(k, head, template, values)
        self.n_clauses = len(text["clauses"])

    def clause(self, k: int, head: str, template: str, values: dict[str, Any]) -> None:
        """Clause ``k``: its number and bold heading on a line of their own, then its text (a heading-less one
        carries its number in the text)."""
        self.room(40)
        if head:
            self.t(self.M, self.y + 13, f"{k}. {head}", 9.5, bold=True)
            self.y += 15
            self.flow(template, values, self.M, self.W - 2 * self.M, size=9)
        else:
            self.flow(f"{k}. {template}", values, self.M, self.W - 2 * self.M, size=9)
        self.y += 2

    # ------------------------------------------------------------ schedules

    def cells_row(self, cells: Sequence[tuple[str, Entity | None, str]], shares: list[float], h: float,
                  fills: list[_RGB | None] | None = None, bold: bool = False) -> None:  # fmt: skip
        x, span = self.M, self.W - 2 * self.M
        face = self.fonts.bold if bold else self.fonts.regular
        for k, ((value, ent, align), share) in enumerate(zip(cells, shares, strict=True)):
            cw = share * span
            self.page.rect(x, self.y, cw, h, line_width=0.4, fill=fills[k] if fills else None)
            parts = [value] if ent is not None else wrap(value, face, 8, cw - 10)
            for j, part in enumerate(parts):
                ax = x + cw - 5 if align == "right" else x + 5
                self.page.text(ax, self.y + 11 + 9 * j, part, face, 8, entity=ent, align=align,
                               row=ent.row if ent else None)  # fmt: skip
            x += cw
        self.y += h

    def sched_levelmatrix(self) -> None:
        """The fee matrix: each service's rate in three tiers, the chosen tier's heading ticked and its column
        shaded; only that column is the contract's price."""
        text, m = self.text, self.model
        self.room(90)
        self.t(self.M, self.y + 14, text["sched_title"], 10.5, bold=True)
        self.y += 18
        tier = text["tiers"][m.chosen]
        self.flow(text["tiers_intro"].replace("{tier}", f"«{tier}»"), {}, self.M, self.W - 2 * self.M, size=9)
        shares = [0.34, 0.15, 0.17, 0.17, 0.17]
        fills: list[tuple[float, float, float] | None] = [None] * 5
        fills[2 + m.chosen] = (0.9, 0.95, 0.88)
        head: list[_Cell] = [(text["cols"][0], None, "left"), (text["cols"][1], None, "left")]
        for k, name in enumerate(text["tiers"]):
            head.append((f"[{'X' if k == m.chosen else ' '}] {name}", None, "right"))
        self.cells_row(head, shares, 16, fills=[(0.9, 0.9, 0.9)] * 5, bold=True)
        for i, (service, unit, _rate) in enumerate(m.rates):
            self.room(18)
            cells: list[_Cell] = [(service, self.ent("description", i), "left"), (unit, self.ent("unit", i), "left")]
            for k, rate in enumerate(m.tier_rates[i]):
                cells.append((self.money(rate), self.ent("unit_price", i) if k == m.chosen else None, "right"))
            self.cells_row(cells, shares, 16, fills=fills)
        self.t(self.M, self.y + 10, f"({self.fam.currency})", 7.5, color=_GREY)
        self.y += 18

    def sched_pagesplit(self) -> None:
        """The price list, pushed by further general clauses so that it runs over a page break: a note at the foot,
        the heading '(continued)' and the header row again on the next page."""
        text, m = self.text, self.model
        shares = [0.56, 0.22, 0.22]
        need = 60 + 16 * (len(m.rates) + 1)
        fillers = list(text["fillers"])
        self.rng.shuffle(fillers)
        while fillers and self.y + need < self.H - 70:  # fits whole: the conditions run on first
            self.n_clauses += 1
            filler = fillers.pop()
            self.clause(self.n_clauses, "", filler, {})
        self.signed_first = self.y + need < self.H - 70
        if self.signed_first:  # still room for all of it: the schedule follows the signatures as an annex
            self.signatures()
        if self.y > self.H - 160:  # too little room for the heading and two rows: a new page
            self.new_page()
            self.y = 56
        self.t(self.M, self.y + 16, text["sched_title"], 10.5, bold=True)
        self.y += 20
        self.flow(text["sched_intro"], {}, self.M, self.W - 2 * self.M, size=9)
        cols = text["cols"]
        head: list[_Cell] = [(cols[0], None, "left"), (cols[1], None, "left"),
                             (f"{cols[2]} ({self.fam.currency})", None, "right")]  # fmt: skip
        self.cells_row(head, shares, 16, fills=[(0.9, 0.9, 0.9)] * 3, bold=True)
        fits = self.y + 16 * len(m.rates) <= self.H - 70
        half = len(m.rates) // 2 + 1 if fits else None  # a break after half the rows, else at the page's end
        for i, (service, unit, rate) in enumerate(m.rates):
            if self.y + 16 > self.H - 70 or i == half:
                self.t(self.W - self.M, self.y + 12, text["cont_next"], 7.5, align="right", color=_GREY)
                self.new_page()
                self.y = 56
                self.t(self.M, self.y, text["cont_head"], 9.5, bold=True)
                self.y += 8
                self.cells_row(head, shares, 16, fills=[(0.9, 0.9, 0.9)] * 3, bold=True)
            line: list[_Cell] = [(service, self.ent("description", i), "left"),
                                 (unit, self.ent("unit", i), "left"),
                                 (self.money(rate), self.ent("unit_price", i), "right")]  # fmt: skip
            self.cells_row(line, shares, 16)
        self.y += 10

    def indexation(self) -> None:
        """The price-indexation clause: the index, its base value and month, the review date and the formula (not
        labelled)."""
        text, m = self.text, self.model
        name, base, month, review = m.index
        self.room(80)
        self.n_clauses += 1
        base_s = format_num13(base, self.fam.numbers, 1)
        body = text["idx_text"].replace("{review}", self.day(review)).replace("{index}", name)
        body = body.replace("{base}", base_s).replace("{month}", f"{month.month:02d}/{month.year}")
        self.clause(self.n_clauses, text["idx_head"], body, {})
        formula = text["idx_formula"].replace("{base}", base_s)
        self.page.text(self.W / 2, self.y + 8, formula, self.fonts.italic, 9.5, align="center")
        self.y += 22

    def signatures(self) -> None:
        text, m = self.text, self.model
        self.room(110)
        self.y += 16
        half = (self.W - 2 * self.M) / 2
        for k in range(2):
            x = self.M + k * half
            self.t(x, self.y, text["sign"][k], 9, bold=True)
            self.t(x, self.y + 18, f"{text['sign'][2]}: {m.places[k]}", 8.5)
            pts = [(x + 10 + 8 * j, self.y + 50 + self.rng.uniform(-6, 5)) for j in range(12)]
            self.page.path(pts, 0.8, (0.1, 0.15, 0.5))
            self.page.line(x, self.y + 58, x + half - 30, self.y + 58, 0.5)
            self.t(x, self.y + 70, f"{text['sign'][3]}: {m.signers[k]}", 8.5)
        self.y += 84

    def write(self) -> None:
        self.signed_first = False
        getattr(self, f"head_{self.fam.header}")()
        if "indexation" in self.fam.extras:
            self.indexation()
        getattr(self, f"sched_{self.fam.table}")()
        if not self.signed_first:
            self.signatures()
        self.page_numbers("")


def make_blind19_contract(seed: int, fam: Blind19Family, doc_id: str | None = None) -> GeneratedDoc:
    doc = make_set_contract(seed, fam, doc_id, set_no=19, sample=sample_contract19, writer_of=Contract19Writer)
    doc.label["features"]["numbers"] = fam.numbers
    doc.label["features"]["rules"] = sorted(fam.extras)
    return doc


# ---------------------------------------------------------------- scans

SCAN_CONDITIONS = ("sleeve", "drops")


def _sleeve(img: Image.Image, rng: random.Random) -> Image.Image:
    """Scanned inside a clear punched pocket: the film's haze lifting the blacks and greying the paper a little
    blue, a soft glossy sheen across the page, and the pocket's punched strip down the left edge with its holes."""
    page = np.asarray(img.convert("RGB"), dtype=np.float32)
    h, w = page.shape[:2]
    haze = np.array([226, 230, 236], dtype=np.float32)
    out = page * 0.82 + haze * 0.18
    ys, xs = np.mgrid[0:h, 0:w].astype(np.float32)
    angle = rng.uniform(0.5, 1.1)
    offset = rng.uniform(0.2, 0.8) * (w + h)
    dist = (xs * np.cos(angle) + ys * np.sin(angle) - offset) / (0.06 * w)
    sheen = np.exp(-(dist**2))[..., None] * rng.uniform(28, 45)
    out = np.clip(out + sheen, 0, 255)
    strip = int(0.045 * w)
    out[:, :strip] = out[:, :strip] * 0.9 + np.array([200, 205, 212], dtype=np.float32) * 0.1
    result = Image.fromarray(out.astype(np.uint8)).filter(ImageFilter.GaussianBlur(0.35 * w / 620))
    draw = ImageDraw.Draw(result)
    r = 0.012 * w
    for fy in [0.25, 0.75] if rng.random() < 0.5 else [0.12, 0.37, 0.63, 0.88]:
        cx, cy = strip * 0.5, fy * h
        draw.ellipse((cx - r, cy - r, cx + r, cy + r), outline=(150, 155, 165), width=max(1, int(w / 500)))
    draw.line((strip, 0, strip, h), fill=(205, 210, 218), width=max(1, int(w / 700)))
    return result


def _drops(img: Image.Image, rng: random.Random) -> Image.Image:
    """Water drops on the sheet: each a small lens (the print under it a little magnified and soft), a darker
    rim on its lower side and a bright highlight at its upper left."""
    page = img.convert("RGB")
    w, h = page.size
    out = page.copy()
    for _ in range(rng.randrange(3, 8)):
        r = int(rng.uniform(0.012, 0.03) * w)
        cx, cy = int(rng.uniform(0.08, 0.92) * w), int(rng.uniform(0.08, 0.92) * h)
        box = (cx - r, cy - r, cx + r, cy + r)
        inner = int(r / 1.12)
        lens = page.crop((cx - inner, cy - inner, cx + inner, cy + inner)).resize((2 * r, 2 * r))
        lens = lens.filter(ImageFilter.GaussianBlur(0.8 * w / 620))
        lens = Image.blend(lens, Image.new("RGB", lens.size, (205, 212, 220)), 0.12)
        mask = Image.new("L", (2 * r, 2 * r), 0)
        ImageDraw.Draw(mask).ellipse((0, 0, 2 * r - 1, 2 * r - 1), fill=255)
        out.paste(lens, box[:2], mask)
        rim = Image.new("RGBA", out.size, (0, 0, 0, 0))
        d = ImageDraw.Draw(rim)
        d.arc(box, 20, 160, fill=(70, 75, 85, 150), width=max(1, r // 6))
        d.arc(box, 160, 380, fill=(120, 125, 135, 60), width=max(1, r // 10))
        hl = r // 3
        d.ellipse((cx - r // 2 - hl // 2, cy - r // 2 - hl // 2, cx - r // 2 + hl // 2, cy - r // 2 + hl // 2),
                  fill=(255, 255, 255, 200))  # fmt: skip
        out = Image.alpha_composite(out.convert("RGBA"), rim.filter(ImageFilter.GaussianBlur(r / 12))).convert("RGB")
    return out


_OWN19 = {"sleeve": _sleeve, "drops": _drops}


# this set's own conditions; the earlier sets' through ``blind18.condition18``
condition19 = chain_conditions(_OWN19, condition18)


# ---------------------------------------------------------------- data sets


# one document of a family (the same seed gives the same bytes), and the set's documents written with their labels
make_blind19 = make_by_kind(make_blind19_po, make_blind19_contract)
generate_blind19 = set_generator(19, blind19_families, make_blind19, salt=0xB119, conditioner=condition19)


__all__ = ["BLIND19_SPLITS", "BY_NAME", "CONTRACT19", "DESK19", "FAMILIES", "NEW_STRUCTURES", "SCAN_CONDITIONS",
           "SPLIT_SEED", "WORDS19", "blind19_families", "condition19", "format_day19", "generate_blind19",
           "make_blind19", "sample_contract19", "sample_po19", "tax_id19", "tax_id_valid19"]  # fmt: skip
