"""The seventeenth blind set: purchase orders and contracts written without looking at the extractor, for measuring it.

Sets 1-16 printed Europe but for a few corners, the Caucasus and Central Asia, the Americas and most of the
Caribbean, East, South and South-East Asia, nearly all of Africa, the Gulf and most of the Pacific; this set goes to
24 desks none printed: Åland in Swedish (euros, the Finnish business id), Guadeloupe, Réunion and Martinique in French
(euros, 8.5 % TVA), the Democratic Republic of the Congo in French (Congolese francs), Puerto Rico in Spanish (US
dollars, the IVU of 11.5 %, American dates), Sint Maarten (guilders) and Bonaire (US dollars) in Dutch, Zimbabwe,
Eswatini (emalangeni), Myanmar (kyat without decimals), the Isle of Man and Jersey (pounds), Guam and the US Virgin
Islands (US dollars, American dates) and Norfolk Island (Australian dollars) in English; contracts from the Holy See
in Italian, Svalbard in Norwegian (kroner, no VAT), Wallis and Futuna (CFP francs without decimals) and Saint-Pierre
and Miquelon in French, Saint Helena, the Falkland Islands, Gibraltar (their pounds) and the Cook Islands (New
Zealand dollars) in English. Dates in words are Babel's long format for the document's locale ('5 de marzo de 2026',
'5. mars 2026', '5 marzo 2026'); two date styles no set typed: ISO dates (Åland) and month/day/year (the US
territories). Tax ids: python-stdnum checks Åland's FO-nummer (fi.ytunnus), the French SIRET, SIREN and TVA numbers,
the US EIN, the Isle of Man's GB VAT number, Norfolk Island's ABN, the Italian partita IVA of the Holy See's
suppliers and Svalbard's organisasjonsnummer; the others (the Congolese NIF, the Dutch Caribbean CRIB, Zimbabwe's,
Eswatini's, Myanmar's and Saint Helena's TIN, Jersey's GST number, Wallis and Futuna's numéro contribuable, the
Gibraltar and Falklands tax references, the Cook Islands' RMD number) are drawn in their printed shape.

Structures no set printed (each named by its family field; both halves print every one of them, each half in other
combinations):
 1. ``timeline`` (orders): a procurement portal's status track across the page (requested, approved, ordered,
    expected delivery: four dated steps on a line of circles); the order date is the 'ordered' step's date.
 2. ``stub`` (orders): an order-book page with a counterfoil down its left edge behind a perforation (the order's
    number, date, supplier and total repeated for the buyer's register); the order itself right of the perforation.
 3. ``accepted`` (orders): the supplier's quotation (the supplier the letterhead, its quote number, date and validity)
    turned into the order by an acceptance box at the foot, the order number and date written in by hand.
 4. ``sites`` (tables): the lines grouped under delivery-address sub-headings ('Deliver to: ...'), one per site.
 5. ``sizes`` (tables): garments with a size run (S, M, L, XL, XXL quantities) before the total quantity.
 6. ``cutlist`` (tables): cut-to-size sheet goods: pieces and their length x width in millimetres, the area in
    square metres (the quantity) and a price per square metre.
 7. ``thumbs`` (tables): a web-catalogue print with a small product picture at the head of every row.
 8. ``deposit`` (order extras): a payment schedule under the totals: an advance share of the total on order and
    the balance on delivery, both as amounts.
 9. ``endparties`` (contract papers): the parties named nowhere but in a two-column table at the end (name,
    address, tax id, signatory, signature, date); the text speaks of 'the Principal' and 'the Provider'.
10. ``varied`` (contract schedules): an addendum after the signatures replaces one rate of the schedule from the
    contract's first day; the schedule still prints the old rate.
11. ``handfilled`` (contract schedules): a printed price form whose rate column the provider filled in by pen.
12. ``lastsign`` (contract extras): the contract takes effect on the date of the later signature; each party's
    signature carries its own place and date.
Scans: two conditions of this set's own (foxing: the rust-brown age spots of stored paper; a paper clip at the top
edge with its shadow and the dent it pressed) and the earlier sets' through their public functions
(``blind16.condition16``).

The labels are the other sets' (``blind.blind_po_doc``, ``blind2.blind_contract_doc``): a line's ``unit_price`` is
the price as printed, its ``amount`` quantity x price rounded half up to the currency's places; a garment's quantity
is its printed total, a sheet's its printed area. The lines sum to the subtotal; the tax is the subtotal x rate
rounded half up; total = subtotal + tax. Printed but not labelled: the status track's other dates, the counterfoil's
repeated facts, the quotation's number, date and validity, the delivery sub-headings, the size run, the pieces and
sizes, the pictures, the advance and balance, the superseded rate, the earlier signature's date, the signatories. A
contract's label lines are its rates (description, unit, rate in force: an addendum's rate where one replaces it).
The families are split once into a ``dev`` and a ``test`` half (``BLIND17_SPLITS``: ``split_by_kind`` with
``SPLIT_SEED``; the names begin with the country so that the split depends on the desks alone). ``ledgerlens data
blind --set 17`` writes them. Written without opening the extractor's code, its results or its benchmarks, and
without running it.
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
from training.factory.blind2 import Contract2
from training.factory.blind3 import split_by_kind
from training.factory.blind12 import Order12, Sheet12
from training.factory.blind13 import format_day13
from training.factory.blind15 import Contract15Writer, PO15Writer
from training.factory.blind16 import Blind16Family, condition16
from training.factory.blindkit import (
    chain_conditions,
    country_party,
    draw_valid,
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
class Blind17Family(Blind16Family):
    """A set-17 family: set 16's fields. ``header``: timeline | stub | accepted (orders); clauses | endparties
    (contracts). ``table`` (orders): sites | sizes | cutlist | thumbs; (contracts) the schedule: varied |
    handfilled. ``extras``: deposit (orders), lastsign (contracts)."""

    @property
    def family(self) -> str:
        return family_id(f"{self.kind}-blind17", {"name": self.name})


def _x(*names: str) -> frozenset[str]:
    return frozenset(names)


F = Blind17Family
FAMILIES: list[Blind17Family] = [
    F("je-order-for-goods-status-track-sites", "po", "en_JE", "JE", "GBP", "timeline", "sites", "en",
      "nimbus-sans", "foxing", extras=_x("deposit")),
    F("sx-inkoopbon-stam-maten", "po", "nl_SX", "SX", "ANG", "stub", "sizes", "de", "dejavu-sans", "clip"),
    F("re-devis-accepte-decoupe", "po", "fr_RE", "RE", "EUR", "accepted", "cutlist", "fr", "c059", "foxing",
      extras=_x("deposit")),
    F("pr-orden-de-compra-estado-fotos", "po", "es_PR", "PR", "USD", "timeline", "thumbs", "en", "nimbus-roman",
      "clip"),
    F("zw-order-book-counterfoil-cut-sizes", "po", "en_ZW", "ZW", "USD", "stub", "cutlist", "en",
      "dejavu-serif", "tape"),
    F("nf-quotation-accepted-sites", "po", "en_NF", "NF", "AUD", "accepted", "sites", "en", "p052", "streak",
      lines=(2, 30)),
    F("mm-purchase-order-status-size-run", "po", "en_MM", "MM", "MMK", "timeline", "sizes", "en",
      "dejavu-sans-condensed", "clip", extras=_x("deposit")),
    F("gu-order-book-web-pictures", "po", "en_GU", "GU", "USD", "stub", "thumbs", "en", "urw-gothic", "dogear"),
    F("cd-devis-accepte-photos", "po", "fr_CD", "CD", "CDF", "accepted", "thumbs", "de", "dejavu-sans", "foxing",
      extras=_x("deposit")),
    F("sz-purchase-order-status-cut-list", "po", "en_SZ", "SZ", "SZL", "timeline", "cutlist", "sp",
      "nimbus-sans-narrow", "clip"),
    F("mq-bon-de-commande-souche-sites", "po", "fr_MQ", "MQ", "EUR", "stub", "sites", "fr", "dejavu-serif",
      "clip", extras=_x("deposit"), lines=(2, 30)),
    F("ax-inkopsorder-status-storlekar", "po", "sv_AX", "AX", "EUR", "timeline", "sizes", "fr", "p052",
      "foxing"),
    F("bq-offerte-geaccepteerd-maten", "po", "nl_BQ", "BQ", "USD", "accepted", "sizes", "de", "nimbus-sans",
      "tape"),
    F("vi-order-book-counterfoil-cutting", "po", "en_VI", "VI", "USD", "stub", "cutlist", "en", "c059",
      "sticky", extras=_x("deposit")),
    F("gp-bon-de-commande-suivi-photos", "po", "fr_GP", "GP", "EUR", "timeline", "thumbs", "fr",
      "dejavu-sans-condensed", "streak"),
    F("im-quotation-accepted-delivery-sites", "po", "en_IM", "IM", "GBP", "accepted", "sites", "en",
      "nimbus-roman", "foxing", lines=(2, 30)),
    F("sj-tjenesteavtale-parter-til-slutt-handskrevet", "contract", "nb_SJ", "SJ", "NOK", "endparties",
      "handfilled", "fr", "dejavu-serif", "foxing", extras=_x("lastsign")),
    F("pm-convention-avenant", "contract", "fr_PM", "PM", "EUR", "clauses", "varied", "fr", "c059", "clip"),
    F("wf-marche-parties-en-fin-avenant", "contract", "fr_WF", "WF", "XPF", "endparties", "varied", "fr",
      "nimbus-sans", "foxing"),
    F("sh-contract-for-services-pen-prices", "contract", "en_SH", "SH", "SHP", "clauses", "handfilled", "en",
      "p052", "streak", extras=_x("lastsign")),
    F("ck-service-contract-parties-table-addendum", "contract", "en_CK", "CK", "NZD", "endparties", "varied",
      "en", "dejavu-sans", "clip", extras=_x("lastsign")),
    F("va-contratto-prezzi-a-mano", "contract", "it_VA", "VA", "EUR", "clauses", "handfilled", "de",
      "nimbus-roman", "foxing"),
    F("fk-services-agreement-addendum-last-signature", "contract", "en_FK", "FK", "FKP", "clauses", "varied",
      "en", "urw-gothic", "tape", extras=_x("lastsign")),
    F("gi-services-contract-parties-at-end-pen", "contract", "en_GI", "GI", "GIP", "endparties", "handfilled",
      "en", "dejavu-sans-condensed", "clip"),
]  # fmt: skip
BY_NAME = {f.name: f for f in FAMILIES}
# The split: within each kind, the family names sorted, shuffled with random.Random(SPLIT_SEED), the first half
# (rounded up) to dev. Fixed once, before any document of the set was generated.
SPLIT_SEED = 1717
BLIND17_SPLITS: dict[str, list[str]] = split_by_kind(FAMILIES, SPLIT_SEED)  # type: ignore[arg-type]
NEW_STRUCTURES = ("timeline", "stub", "accepted", "sites", "sizes", "cutlist", "thumbs", "deposit", "endparties",
                  "varied", "handfilled", "lastsign")  # fmt: skip


def blind17_families(split: str = "all") -> list[Blind17Family]:
    return split_families(BLIND17_SPLITS, BY_NAME, split)


def format_day17(day: date, style: str, lang: str) -> str:
    """A date as the document prints it: 'iso' 2026-03-05, 'mdy_slash' 03/05/2026 (the US territories); the other
    styles are set 13's (``blind13.format_day13``; 'long' Babel's long format for ``lang``)."""
    if style == "iso":
        return day.isoformat()
    if style == "mdy_slash":
        return day.strftime("%m/%d/%Y")
    return format_day13(day, style, lang)


# ---------------------------------------------------------------- tax ids


def _fr_tva(rng: random.Random) -> str:
    siren = draw_valid(lambda: _digits(rng, 9), _stdnum("fr", "siren", r"\d{9}"))
    return f"FR{(12 + 3 * (int(siren) % 97)) % 97:02d}{siren}"


# country -> (caption, a draw of the printed id, the check of its printed shape and check digits)
TAX_SCHEMES17: dict[str, tuple[str, Callable[[random.Random], str], Callable[[str], bool]]] = {
    "AX": ("FO-nummer", lambda r: _digits(r, 7) + "-" + _digits(r, 1), _stdnum("fi", "ytunnus", r"\d{7}-\d")),
    "GP": ("SIRET", lambda r: _digits(r, 14), _stdnum("fr", "siret", r"\d{14}")),
    "RE": ("SIRET", lambda r: _digits(r, 14), _stdnum("fr", "siret", r"\d{14}")),
    "MQ": ("N° TVA", _fr_tva, _stdnum("fr", "tva", r"FR\d{11}")),
    "CD": ("NIF", lambda r: r.choice("AB") + _digits(r, 7) + r.choice("CDEFGHKLMNPRTX"), _shape(r"[AB]\d{7}[A-Z]")),
    "PR": ("Núm. patronal", lambda r: _digits(r, 2) + "-" + _digits(r, 7), _stdnum("us", "ein", r"\d{2}-\d{7}")),
    "GU": ("EIN", lambda r: _digits(r, 2) + "-" + _digits(r, 7), _stdnum("us", "ein", r"\d{2}-\d{7}")),
    "VI": ("EIN", lambda r: _digits(r, 2) + "-" + _digits(r, 7), _stdnum("us", "ein", r"\d{2}-\d{7}")),
    "SX": ("CRIB-nr.", lambda r: "5" + _digits(r, 8), _shape(r"5\d{8}")),
    "BQ": ("CRIB-nr.", lambda r: "8" + _digits(r, 8), _shape(r"8\d{8}")),
    "ZW": ("BP No.", lambda r: "2000" + _digits(r, 5), _shape(r"2000\d{5}")),
    "SZ": ("TIN", lambda r: "1" + _digits(r, 8), _shape(r"1\d{8}")),
    "MM": ("TIN", lambda r: "1" + _digits(r, 8) + "Y", _shape(r"1\d{8}Y")),
    "IM": ("VAT Reg. No.", lambda r: "GB00" + _digits(r, 7), _stdnum("gb", "vat", r"GB\d{9}")),
    "JE": ("GST No.", lambda r: "GST" + _digits(r, 7), _shape(r"GST\d{7}")),
    "NF": ("ABN", lambda r: _digits(r, 11), _stdnum("au", "abn", r"\d{11}")),
    "VA": ("P. IVA", lambda r: _digits(r, 11), _stdnum("it", "iva", r"\d{11}")),
    "SJ": ("Org.nr.", lambda r: r.choice("89") + _digits(r, 8), _stdnum("no", "orgnr", r"\d{9}")),
    "WF": ("N° contribuable", lambda r: "WF" + _digits(r, 6), _shape(r"WF\d{6}")),
    "PM": ("SIREN", lambda r: _digits(r, 9), _stdnum("fr", "siren", r"\d{9}")),
    "SH": ("TIN", lambda r: "SH" + _digits(r, 6), _shape(r"SH\d{6}")),
    "FK": ("Tax Ref.", lambda r: "FI" + _digits(r, 5), _shape(r"FI\d{5}")),
    "GI": ("Tax Ref.", lambda r: _digits(r, 5) + r.choice("ABCDEFGH"), _shape(r"\d{5}[A-H]")),
    "CK": ("RMD No.", lambda r: "0" + _digits(r, 5), _shape(r"0\d{5}")),
}  # fmt: skip


def tax_id_valid17(country: str, value: str) -> bool:
    """``value`` (without spaces) has its scheme's printed shape (and passes python-stdnum where it has a scheme)."""
    return scheme_tax_id_valid(TAX_SCHEMES17, country, value)


def tax_id17(rng: random.Random, country: str) -> str:
    """A tax id of ``country``'s scheme, drawn in its printed shape."""
    return scheme_tax_id(TAX_SCHEMES17, rng, country)


TAX_RATES17 = {"JE": "5", "SX": "5", "RE": "8.5", "PR": "11.5", "ZW": "15", "NF": "10", "MM": "5", "GU": "5",
               "CD": "16", "SZ": "15", "MQ": "8.5", "AX": "25.5", "BQ": "8", "VI": "5", "GP": "8.5",
               "IM": "20"}  # fmt: skip
DATE_STYLES17 = {
    "AX": ("iso", "long"),
    "PR": ("mdy_slash", "long"),
    "GU": ("mdy_slash", "long"),
    "VI": ("mdy_slash", "long"),
    "SX": ("dmy_dash", "long"),
    "BQ": ("dmy_dash", "long"),
    "MM": ("dmy_slash", "dmony", "long"),
}
_DATE_DEFAULT = ("dmy_slash", "long")
# a currency's prices against the euro's
_PRICE_SCALE17 = {"GBP": "0.85", "ANG": "1.95", "EUR": "1", "USD": "1.1", "AUD": "1.65", "MMK": "2300",
                  "CDF": "3100", "SZL": "20", "NOK": "11.5", "XPF": "119", "SHP": "0.85", "FKP": "0.85",
                  "GIP": "0.85", "NZD": "1.8"}  # fmt: skip

# ---------------------------------------------------------------- parties

# country -> (stems, trades, legal forms, how a name is written)
PARTIES17: dict[str, tuple[list[str], list[str], list[str], str]] = {
    "JE": (["St Helier", "Gorey", "La Rocque", "Grouville"], ["Building Supplies", "Merchants", "Trading"],
           ["Limited", "Ltd"], "{stem} {trade} {form}"),
    "SX": (["Philipsburg", "Simpson Bay", "Cole Bay", "Sentry Hill"], ["Handelshuis", "Werkkleding", "Groothandel"],
           ["N.V.", "B.V."], "{trade} {stem} {form}"),
    "RE": (["Bourbon", "Piton", "Cilaos", "Saint-Gilles"], ["Menuiserie", "Matériaux", "Vitrerie"], ["SARL", "SAS"],
           "{trade} {stem} {form}"),
    "PR": (["Borinquen", "El Yunque", "Caribe", "Isla Verde"], ["Suministros", "Distribuidora", "Ferretería"],
           ["Inc.", "LLC", "Corp."], "{trade} {stem} {form}"),
    "ZW": (["Harare", "Bulawayo", "Zambezi", "Mutare"], ["Timber", "Steel Merchants", "Hardware"],
           ["(Private) Limited", "(Pvt) Ltd"], "{stem} {trade} {form}"),
    "NF": (["Burnt Pine", "Kingston", "Cascade", "Anson Bay"], ["Trading", "Stores", "Supplies"], ["Pty Ltd"],
           "{stem} {trade} {form}"),
    "MM": (["Yangon", "Mandalay", "Ayeyarwady", "Shwe Taung"], ["Garment", "Trading", "Uniforms"],
           ["Co., Ltd.", "Company Limited"], "{stem} {trade} {form}"),
    "GU": (["Hagåtña", "Tamuning", "Dededo", "Tumon Bay"], ["Office Supply", "Trading", "Wholesale"], ["Inc.",
           "LLC"], "{stem} {trade} {form}"),
    "CD": (["Kinshasa", "Katanga", "Kivu", "Congo Fleuve"], ["Fournitures", "Équipements", "Comptoir"], ["SARL",
           "SA"], "{trade} {stem} {form}"),
    "SZ": (["Mbabane", "Manzini", "Lubombo", "Ezulwini"], ["Building Supplies", "Glass", "Timbers"], ["(Pty) Ltd"],
           "{stem} {trade} {form}"),
    "MQ": (["Madinina", "Pelée", "Fort-de-France", "Diamant"], ["Négoce", "Fournitures", "Distribution"], ["SARL",
           "SAS", "SA"], "{stem} {trade} {form}"),
    "AX": (["Mariehamn", "Eckerö", "Föglö", "Jomala"], ["Arbetskläder", "Handel", "Skyddsutrustning"], ["Ab",
           "Oy Ab"], "{stem} {trade} {form}"),
    "BQ": (["Kralendijk", "Rincon", "Klein Bonaire", "Lac Bay"], ["Textielhandel", "Bedrijfskleding",
           "Handelsonderneming"], ["B.V.", "N.V."], "{trade} {stem} {form}"),
    "VI": (["Charlotte Amalie", "Christiansted", "Frederiksted", "Cruz Bay"], ["Lumber", "Glass & Mirror",
           "Building Supply"], ["Inc.", "LLC"], "{stem} {trade} {form}"),
    "GP": (["Karukera", "Basse-Terre", "Pointe-à-Pitre", "Marie-Galante"], ["Bureautique", "Équipement",
           "Distribution"], ["SARL", "SAS"], "{trade} {stem} {form}"),
    "IM": (["Manx", "Douglas", "Ramsey", "Snaefell"], ["Builders' Merchants", "Supplies", "Trading"], ["Limited",
           "Ltd"], "{stem} {trade} {form}"),
    "SJ": (["Longyearbyen", "Isfjord", "Adventdalen", "Barentsburg"], ["Drift", "Service", "Tjenester"], ["AS"],
           "{stem} {trade} {form}"),
    "PM": (["Miquelon", "Saint-Pierre", "Langlade", "Île-aux-Marins"], ["Services", "Maintenance", "Travaux"],
           ["SARL", "SAS"], "{trade} {stem} {form}"),
    "WF": (["Uvea", "Futuna", "Mata-Utu", "Alofi"], ["Services", "Entretien", "Transports"], ["SARL", "SNC"],
           "{trade} {stem} {form}"),
    "SH": (["Jamestown", "Longwood", "Diana's Peak", "Sandy Bay"], ["Services", "Maintenance", "Contracting"],
           ["Ltd", "Limited"], "{stem} {trade} {form}"),
    "CK": (["Rarotonga", "Aitutaki", "Avarua", "Muri"], ["Services", "Contracting", "Maintenance"], ["Ltd",
           "Limited"], "{stem} {trade} {form}"),
    "VA": (["San Pietro", "Borgo Pio", "Porta Angelica", "Belvedere"], ["Servizi", "Manutenzioni", "Restauri"],
           ["S.r.l.", "S.p.A."], "{trade} {stem} {form}"),
    "FK": (["Stanley", "Goose Green", "Port Howard", "Fox Bay"], ["Services", "Contracting", "Marine Services"],
           ["Ltd", "Limited"], "{stem} {trade} {form}"),
    "GI": (["Rock", "Catalan Bay", "Europa Point", "Line Wall"], ["Services", "Facilities", "Maintenance"],
           ["Limited", "Ltd"], "{stem} {trade} {form}"),
}  # fmt: skip
PLACES17: dict[str, list[tuple[str, str, str]]] = {
    "JE": [("St Helier JE2 3QA", "", "Bath Street"), ("St Saviour JE2 7LA", "", "Longueville Road")],
    "SX": [("Philipsburg", "", "Front Street"), ("Cole Bay", "", "Union Road")],
    "RE": [("97400 Saint-Denis", "", "Rue de Paris"), ("97410 Saint-Pierre", "", "Boulevard Hubert Delisle")],
    "PR": [("San Juan, PR 00901", "", "Calle Fortaleza"), ("Ponce, PR 00730", "", "Calle Marina")],
    "ZW": [("Harare", "P.O. Box 1220", "Samora Machel Avenue"), ("Bulawayo", "P.O. Box 88", "Fife Street")],
    "NF": [("Burnt Pine, Norfolk Island 2899", "", "Taylors Road"), ("Kingston, Norfolk Island 2899", "",
           "Quality Row")],
    "MM": [("Yangon", "", "Bogyoke Aung San Road"), ("Mandalay", "", "78th Street")],
    "GU": [("Hagåtña, GU 96910", "", "Marine Corps Drive"), ("Tamuning, GU 96913", "", "Chalan San Antonio")],
    "CD": [("Kinshasa-Gombe", "BP 1220", "Boulevard du 30 Juin"), ("Lubumbashi", "BP 88", "Avenue Mama Yemo")],
    "SZ": [("Mbabane", "P.O. Box 1220", "Gwamile Street"), ("Manzini", "P.O. Box 88", "Ngwane Street")],
    "MQ": [("97200 Fort-de-France", "", "Rue Victor Hugo"), ("97232 Le Lamentin", "", "Zone de la Lézarde")],
    "AX": [("AX-22100 Mariehamn", "", "Torggatan"), ("AX-22150 Jomala", "", "Godbyvägen")],
    "BQ": [("Kralendijk", "", "Kaya Grandi"), ("Rincon", "", "Kaya Komkomber")],
    "VI": [("St. Thomas, VI 00802", "", "Veterans Drive"), ("Christiansted, VI 00820", "", "Company Street")],
    "GP": [("97110 Pointe-à-Pitre", "", "Rue Frébault"), ("97122 Baie-Mahault", "", "Zone de Jarry")],
    "IM": [("Douglas IM1 2LR", "", "Athol Street"), ("Ramsey IM8 1AF", "", "Parliament Street")],
    "SJ": [("9170 Longyearbyen", "Postboks 220", "Vei 231"), ("9170 Longyearbyen", "Postboks 41",
           "Hilmar Rekstens vei")],
    "PM": [("97500 Saint-Pierre", "BP 220", "Rue du Général de Gaulle"), ("97500 Miquelon", "BP 41",
           "Rue Sœur Césarine")],
    "WF": [("98600 Mata-Utu", "BP 220", "Route de Liku"), ("98620 Leava, Futuna", "BP 41", "Route de Sigave")],
    "SH": [("Jamestown STHL 1ZZ", "", "Main Street"), ("Longwood STHL 1ZZ", "", "Longwood Road")],
    "CK": [("Avarua, Rarotonga", "P.O. Box 220", "Ara Tapu"), ("Arutanga, Aitutaki", "P.O. Box 41", "Ara Maunga")],
    "VA": [("00120 Città del Vaticano", "", "Via del Pellegrino"), ("00193 Roma", "", "Borgo Pio")],
    "FK": [("Stanley FIQQ 1ZZ", "", "Ross Road"), ("Stanley FIQQ 1ZZ", "", "John Street")],
    "GI": [("Gibraltar GX11 1AA", "", "Main Street"), ("Gibraltar GX11 1AA", "", "Irish Town")],
}  # fmt: skip


def make_party17(rng: random.Random, country: str, avoid: str = "") -> BlindParty:
    """A company of ``country``: its name from the country's stems, trades and legal forms, an address, a tax id."""
    return country_party(rng, country, avoid, PARTIES17, PLACES17, TAX_SCHEMES17, ", ")


# ---------------------------------------------------------------- order words

_EN: dict[str, str] = {
    "title": "ORDER FOR GOODS", "number": "Order ref.", "date": "Raised on", "buyer": "Ordering office",
    "vendor": "Vendor", "terms": "Settlement", "currency": "Billing currency", "code": "Item", "desc": "Article",
    "qty": "Qty ordered", "unit": "UoM", "price": "Each", "amount": "Line value", "subtotal": "Goods value",
    "tax": "GST", "total": "Total payable", "ship": "Delivery point", "page": "Sheet",
    "steps": "Requested|Approved|Ordered|Expected delivery", "track": "Order status",
    "stub": "COUNTERFOIL", "keep": "retain in order book", "stub_no": "Order", "stub_date": "Dated",
    "stub_to": "Supplier", "stub_total": "Value", "stub_entered": "Entered in register by",
    "quote": "QUOTATION", "quote_no": "Quote no.", "quote_date": "Quote date", "valid": "Valid until",
    "quoted_to": "Quoted to", "conditions": "All prices in {cur}. Payment {terms}.",
    "accept": "ACCEPTED AS OUR PURCHASE ORDER", "po_no": "PO number", "po_date": "Date",
    "po_sign": "Authorised signature", "deliver_to": "Deliver to", "sizes_total": "Total qty", "pieces": "Pcs",
    "dims": "Size (mm)", "area": "Area m²", "per_m2": "Price / m²", "picture": "Picture",
    "schedule": "Payment schedule", "advance": "Advance of {p} % with this order", "balance": "Balance on delivery",
}  # fmt: skip
_FR: dict[str, str] = {
    **_EN, "title": "COMMANDE D'ACHAT", "number": "Réf. commande", "date": "Émise le", "buyer": "Acheteur",
    "vendor": "Vendeur", "terms": "Conditions de règlement", "currency": "Monnaie de facturation",
    "code": "Article", "desc": "Libellé", "qty": "Qté cdée", "unit": "U.", "price": "Prix unitaire HT",
    "amount": "Total ligne HT", "subtotal": "Montant HT", "tax": "TVA", "total": "Montant TTC",
    "ship": "Adresse de livraison", "page": "Feuillet",
    "steps": "Demandée|Validée|Commandée|Livraison prévue", "track": "Suivi de la commande",
    "stub": "SOUCHE", "keep": "à conserver dans le carnet", "stub_no": "Commande", "stub_date": "Du",
    "stub_to": "Fournisseur", "stub_total": "Montant", "stub_entered": "Enregistrée par",
    "quote": "DEVIS", "quote_no": "Devis n°", "quote_date": "Date du devis", "valid": "Valable jusqu'au",
    "quoted_to": "Établi pour", "conditions": "Prix exprimés en {cur}. Règlement {terms}.",
    "accept": "BON POUR ACCORD – VAUT BON DE COMMANDE", "po_no": "N° de commande", "po_date": "Date",
    "po_sign": "Signature et cachet", "deliver_to": "À livrer à", "sizes_total": "Qté totale", "pieces": "Nb",
    "dims": "Dimensions (mm)", "area": "Surface m²", "per_m2": "Prix / m²", "picture": "Visuel",
    "schedule": "Échéancier", "advance": "Acompte de {p} % à la commande", "balance": "Solde à la livraison",
}  # fmt: skip
_ES: dict[str, str] = {
    **_EN, "title": "ORDEN DE COMPRA", "number": "Núm. de orden", "date": "Emitida", "buyer": "Comprador",
    "vendor": "Suplidor", "terms": "Condiciones de pago", "currency": "Moneda", "code": "Artículo",
    "desc": "Descripción", "qty": "Cant.", "unit": "Unidad", "price": "Precio unit.", "amount": "Importe",
    "subtotal": "Subtotal", "tax": "IVU", "total": "Total a pagar", "ship": "Entregar en", "page": "Hoja",
    "steps": "Solicitada|Aprobada|Ordenada|Entrega estimada", "track": "Estado de la orden",
    "picture": "Foto", "schedule": "Plan de pagos", "advance": "Anticipo del {p} % con la orden",
    "balance": "Saldo a la entrega",
}  # fmt: skip
_NL: dict[str, str] = {
    **_EN, "title": "INKOOPBON", "number": "Bonnummer", "date": "Besteldatum", "buyer": "Besteller",
    "vendor": "Verkoper", "terms": "Betaaltermijn", "currency": "Munteenheid", "code": "Art.",
    "desc": "Artikelomschrijving", "qty": "Stuks", "unit": "Eenheid", "price": "Stukprijs",
    "amount": "Regelbedrag", "subtotal": "Totaal excl.", "tax": "OB", "total": "Te betalen", "ship": "Afleveren bij",
    "page": "Blad", "stub": "STAM", "keep": "blijft in het bonboek", "stub_no": "Bon", "stub_date": "Datum",
    "stub_to": "Leverancier", "stub_total": "Bedrag", "stub_entered": "Ingeboekt door",
    "quote": "OFFERTE", "quote_no": "Offertenr.", "quote_date": "Offertedatum", "valid": "Geldig tot",
    "quoted_to": "Offerte voor", "conditions": "Alle prijzen in {cur}. Betaling {terms}.",
    "accept": "VOOR AKKOORD – GELDT ALS INKOOPORDER", "po_no": "Ordernr.", "po_date": "Datum",
    "po_sign": "Handtekening", "sizes_total": "Totaal", "deliver_to": "Afleveren bij",
}  # fmt: skip
_SV: dict[str, str] = {
    **_EN, "title": "INKÖPSORDER", "number": "Ordernr", "date": "Orderdatum", "buyer": "Beställare",
    "vendor": "Säljare", "terms": "Betalningsvillkor", "currency": "Valuta", "code": "Art.nr",
    "desc": "Benämning", "qty": "Antal", "unit": "Enh.", "price": "À-pris", "amount": "Belopp",
    "subtotal": "Summa exkl. moms", "tax": "Moms", "total": "Att betala", "ship": "Leveransadress", "page": "Sida",
    "steps": "Begärd|Godkänd|Beställd|Beräknad leverans", "track": "Orderstatus", "sizes_total": "Totalt",
}  # fmt: skip
PO_WORDS17: dict[str, dict[str, str]] = {
    "JE": {**_EN}, "SX": {**_NL}, "RE": {**_FR}, "PR": {**_ES},
    "ZW": {**_EN, "title": "OFFICIAL ORDER", "tax": "VAT"}, "NF": {**_EN},
    "MM": {**_EN, "title": "PURCHASE ORDER", "tax": "Commercial Tax"},
    "GU": {**_EN, "title": "SUPPLIES ORDER", "tax": "GRT"}, "CD": {**_FR}, "SZ": {**_EN, "tax": "VAT"},
    "MQ": {**_FR}, "AX": {**_SV}, "BQ": {**_NL, "tax": "ABB"},
    "VI": {**_EN, "title": "PROCUREMENT ORDER", "tax": "GRT"}, "GP": {**_FR}, "IM": {**_EN, "tax": "VAT"},
}  # fmt: skip
TERMS17: dict[str, list[tuple[str, int]]] = {
    "en": [("net 30 days from invoice", 30), ("14 days net", 14), ("end of month following", 30),
           ("cash with order", 0)],
    "fr": [("à 30 jours date de facture", 30), ("comptant à la livraison", 0), ("à 45 jours fin de mois", 45)],
    "es": [("neto 30 días", 30), ("al recibo de la factura", 0), ("neto 15 días", 15)],
    "nl": [("binnen 30 dagen", 30), ("bij aflevering", 0), ("binnen 8 dagen na factuur", 8)],
    "sv": [("30 dagar netto", 30), ("10 dagar netto", 10), ("kontant", 0)],
}  # fmt: skip
# (description, unit, price in euros, bulk) by language: general goods, garments, sheet goods (priced per m²)
GOODS17: dict[str, list[tuple[str, str, str, bool]]] = {
    "en": [("Printer paper A4 80 g, box of 5 reams", "box", "24", False), ("Toner cartridge, black", "ea", "68",
           False), ("Bottled water 1.5 l, case of 12", "case", "5.4", False), ("Cable ties 300 mm, bag of 100",
           "bag", "3.9", False), ("Floor cleaner 5 l", "can", "11", False), ("Padlock, brass, 50 mm", "ea", "9.5",
           False), ("Marine rope 12 mm", "m", "1.3", True), ("Diesel additive", "l", "6.2", True)],
    "fr": [("Ramette papier A4 80 g", "ram.", "4.8", False), ("Cartouche d'encre noire", "pce", "31", False),
           ("Eau minérale 1,5 l, pack de 6", "pack", "2.9", False), ("Ruban adhésif 50 mm x 66 m", "rlx", "2.1",
           False), ("Détergent sol 5 l", "bidon", "12", False), ("Cadenas laiton 40 mm", "pce", "8.4", False),
           ("Câble électrique 3G2,5", "m", "1.6", True), ("Peinture acrylique blanche", "l", "7.5", True)],
    "es": [("Papel de impresora 8.5 x 11, caja", "caja", "29", False), ("Cartucho de tinta negro", "ud.",
           "33", False), ("Agua embotellada, caja de 24", "caja", "7.5", False), ("Bombillas LED 9 W", "ud.",
           "2.6", False), ("Desinfectante 1 galón", "galón", "8", False), ("Candado de acero 50 mm", "ud.", "10",
           False), ("Manguera de jardín", "pie", "0.6", True), ("Cemento, saco 94 lb", "saco", "12", False)],
    "nl": [("Kopieerpapier A4, doos", "doos", "24", False), ("Inktpatroon zwart", "st", "32", False),
           ("Mineraalwater 1,5 l, krat", "krat", "5", False), ("Tiewraps 300 mm, zak", "zak", "4", False)],
    "sv": [("Kopieringspapper A4, kartong", "krt", "25", False), ("Tonerkassett svart", "st", "70", False)],
}  # fmt: skip
GARMENTS17: dict[str, list[tuple[str, str, str]]] = {
    "en": [("Polo shirt, navy, embroidered logo", "pc", "14"), ("Work trousers, khaki, cargo", "pc", "22"),
           ("Hi-vis vest, class 2", "pc", "6.5"), ("Coverall, cotton, royal blue", "pc", "27"),
           ("Rain jacket, hooded", "pc", "31"), ("Chef jacket, white", "pc", "19")],
    "nl": [("Poloshirt, marine, met logo", "st", "14"), ("Werkbroek, khaki", "st", "22"),
           ("Veiligheidshesje, geel", "st", "6.5"), ("Overall, katoen, korenblauw", "st", "27"),
           ("Regenjas met capuchon", "st", "31")],
    "sv": [("Pikétröja, marinblå, med logga", "st", "14"), ("Arbetsbyxa, khaki", "st", "22"),
           ("Varselväst, klass 2", "st", "6.5"), ("Overall, bomull, kungsblå", "st", "27"),
           ("Regnjacka med huva", "st", "31")],
    "fr": [("Polo marine brodé", "pce", "14"), ("Pantalon de travail kaki", "pce", "22"),
           ("Gilet haute visibilité", "pce", "6.5"), ("Combinaison coton bleu bugatti", "pce", "27")],
    "es": [("Polo azul marino con logo", "ud.", "14"), ("Pantalón de trabajo caqui", "ud.", "22"),
           ("Chaleco reflectivo", "ud.", "6.5")],
}  # fmt: skip
SIZES17 = ("S", "M", "L", "XL", "XXL")
SHEETS17: dict[str, list[tuple[str, str]]] = {
    "en": [("Marine plywood 18 mm", "32"), ("Toughened glass 6 mm", "58"), ("Clear acrylic sheet 5 mm", "44"),
           ("Galvanised steel sheet 1.2 mm", "27"), ("PVC tarpaulin 650 g/m²", "9"), ("MDF board 12 mm", "12")],
    "fr": [("Contreplaqué marine 18 mm", "32"), ("Verre trempé 6 mm", "58"), ("Plaque PMMA transparente 5 mm",
           "44"), ("Tôle galvanisée 1,2 mm", "27"), ("Bâche PVC 650 g/m²", "9"), ("Panneau MDF 12 mm", "12")],
}  # fmt: skip
SITES17 = {
    "en": ["Main store", "Harbour depot", "Clinic annex", "School kitchen", "Works yard"],
    "fr": ["Magasin central", "Dépôt du port", "Annexe du dispensaire", "Cantine scolaire", "Atelier"],
    "es": ["Almacén central", "Muelle", "Clínica", "Comedor escolar"],
    "nl": ["Hoofdmagazijn", "Havendepot", "Kliniek", "Schoolkeuken"],
    "sv": ["Centrallager", "Hamnförrådet", "Vårdcentralen", "Skolköket"],
}  # fmt: skip


def _lang(fam: Blind17Family) -> str:
    return fam.lang[:2]


def _po_number17(rng: random.Random, country: str, year: int) -> str:
    n = rng.randrange(100, 99999)
    return {"JE": f"JY/{n:05d}", "SX": f"SXM-{year % 100}-{n % 9999:04d}", "RE": f"CA{year}{n % 9999:04d}",
            "PR": f"OC-{n:05d}", "ZW": f"{n % 99999:05d}", "NF": f"NI{n:05d}", "MM": f"YGN/PO/{year}/{n % 999:03d}",
            "GU": f"GU{year % 100}-{n:05d}", "CD": f"BC/{n % 9999:04d}/{year}", "SZ": f"SZ-PO-{n:05d}",
            "MQ": f"MQ-{year}-{n % 9999:04d}", "AX": f"{year}-{n % 9999:04d}", "BQ": f"BON{year % 100}{n:05d}",
            "VI": f"{n:06d}", "GP": f"GP{n:06d}", "IM": f"PO/{year}/{n % 9999:04d}"}[country]  # fmt: skip


@dataclass
class Order17(Order12):
    extra: list[dict[str, Any]]  # a line's printed, unlabelled facts (site, sizes, pieces and size, picture)
    sites: list[tuple[str, str]]  # (site name, address) of the delivery sub-headings
    steps: list[date]  # the status track's dates (requested, approved, ordered, expected)
    quote: tuple[str, date, date]  # the quotation's number, date, validity
    advance: int  # the advance's share of the total in per cent


def _sample_line(rng: random.Random, fam: Blind17Family, mult: Decimal) -> tuple[POLine, dict[str, Any]]:
    lang, places = _lang(fam), fam.places
    sku = f"{rng.choice('ABCDEFHKLMNPRSTW')}{rng.randrange(1000, 9999)}"
    if fam.table == "sizes":
        desc, unit, eur = rng.choice(GARMENTS17.get(lang, GARMENTS17["en"]))
        run = [rng.choice([0, 2, 3, 4, 5, 6, 8, 10, 12]) for _ in SIZES17]
        run[rng.randrange(1, 4)] += rng.randrange(1, 6)
        qty = Decimal(sum(run))
        price = _half_up(Decimal(eur) * Decimal(rng.randrange(80, 130)) / 100 * mult, places)
        extra: dict[str, Any] = {"sizes": run}
    elif fam.table == "cutlist":
        desc, eur = rng.choice(SHEETS17.get(lang, SHEETS17["en"]))
        unit = "m²"
        pieces = rng.choice([1, 1, 2, 3, 4, 6, 8, 10])
        length, breadth = rng.randrange(300, 2440, 10), rng.randrange(200, 1220, 10)
        qty = _half_up(Decimal(pieces * length * breadth) / Decimal(1_000_000), 2)
        price = _half_up(Decimal(eur) * Decimal(rng.randrange(85, 125)) / 100 * mult, places)
        extra = {"pieces": pieces, "dims": (length, breadth)}
    else:
        k = rng.randrange(len(GOODS17.get(lang, GOODS17["en"])))
        desc, unit, eur, bulk = GOODS17.get(lang, GOODS17["en"])[k]
        price = _half_up(Decimal(eur) * Decimal(rng.randrange(80, 130)) / 100 * mult, places)
        if bulk:
            qty = Decimal(rng.choice([25, 50, 75, 100, 150, 200, 250, 12.5, 37.5]))
        else:
            qty = Decimal(rng.choice([1, 2, 3, 4, 5, 6, 8, 10, 12, 15, 20, 24, 30, 50]))
        extra = {"picture": k % 6}
    price = price or Decimal(1).scaleb(-places)
    qty = Decimal(format(qty.normalize(), "f"))
    return POLine(sku, desc, qty, unit, price, None, None, _half_up(qty * price, places)), extra


def sample_po17(rng: random.Random, fam: Blind17Family) -> Order17:
    """An order of ``fam``: parties, lines (quantity x price rounded half up), totals and the printed extras."""
    buyer = make_party17(rng, fam.country)
    vendor, site = make_party17(rng, fam.country, avoid=buyer.name), make_party17(rng, fam.country)
    ship = BlindParty(buyer.name, site.street, site.city, site.country, None, None)
    lang, places = _lang(fam), fam.places
    rate = Decimal(TAX_RATES17[fam.country])
    mult = Decimal(_PRICE_SCALE17[fam.currency])
    lines: list[POLine] = []
    extra: list[dict[str, Any]] = []
    for _ in range(rng.randrange(*fam.lines)):
        ln, ex = _sample_line(rng, fam, mult)
        lines.append(ln)
        extra.append(ex)
    sites: list[tuple[str, str]] = []
    if fam.table == "sites":
        names = rng.sample(SITES17[lang], min(len(lines), rng.randrange(2, 4)))
        for name in names:
            place = make_party17(rng, fam.country)
            sites.append((name, f"{place.street}, {place.city}"))
        firsts = sorted(rng.sample(range(1, len(lines)), len(sites) - 1)) if len(sites) > 1 else []
        bounds = [0, *firsts, len(lines)]
        for s in range(len(sites)):
            for i in range(bounds[s], bounds[s + 1]):
                extra[i]["site"] = s
    subtotal = sum((ln.amount for ln in lines), Decimal(0))
    tax = _half_up(subtotal * rate / 100, places)
    order_date = date(rng.randrange(2024, 2028), 1, 1) + timedelta(days=rng.randrange(365))
    terms = rng.choice(TERMS17[lang])
    po = BlindPO(_po_number17(rng, fam.country, order_date.year), order_date, buyer, vendor, ship, terms, lines,
                 subtotal, Decimal(0), Decimal(0), Decimal(0), rate, {rate: tax}, tax, subtotal + tax)  # fmt: skip
    cols = ["line_no", "sku", "description", "quantity", "unit", "unit_price", "amount"]
    if rng.random() < 0.4 or fam.table == "thumbs":
        cols.remove("line_no")
    if rng.random() < 0.3:
        cols.remove("sku")
    at = cols.index("quantity")
    if fam.table == "sizes":
        cols[at:at] = [f"size{k}" for k in range(len(SIZES17))]
    elif fam.table == "cutlist":
        cols[at:at] = ["pieces", "dims"]
    elif fam.table == "thumbs":
        cols.insert(0, "picture")
    for ln in lines if "sku" not in cols else []:
        ln.sku = None
    look = {"columns": cols, "dates": rng.choice(DATE_STYLES17.get(fam.country, _DATE_DEFAULT)),
            "numbers": fam.numbers, "totals": "net", "numbered": "line_no" in cols}  # fmt: skip
    steps = [order_date - timedelta(days=rng.randrange(4, 15)), order_date - timedelta(days=rng.randrange(1, 4)),
             order_date, order_date + timedelta(days=rng.randrange(7, 45))]  # fmt: skip
    quote_day = order_date - timedelta(days=rng.randrange(3, 25))
    quote = (f"Q{quote_day.year % 100}-{rng.randrange(100, 9999):04d}", quote_day, quote_day + timedelta(days=30))
    n = len(lines)
    return Order17(po, look, [Decimal(0)] * n, [], [1] * n, extra, sites, steps, quote, rng.choice([20, 25, 30, 50]))


_GREY = (0.45, 0.45, 0.45)
_PEN = (0.1, 0.15, 0.55)
_STATUS = (0.12, 0.45, 0.35)


class PO17Writer(PO15Writer):
    """Set 15's order writer (its parties, facts and totals box, through sets 14-12) with this set's headers,
    tables and payment schedule."""

    def __init__(self, rng: random.Random, fam: Blind17Family, order: Order17) -> None:
        self.order, self.po = order, order.po
        self.o17 = order
        self.words = PO_WORDS17[fam.country]
        self.style = order.look["numbers"]
        Sheet12.__init__(self, rng, fam)  # type: ignore[arg-type]
        self.hand = font("Z003-MediumItalic")
        self.dejavu = fam.font.startswith("dejavu-sans")
        if fam.header == "stub":
            self.x0 = self.M + 122

    def day(self, value: date) -> str:
        return format_day17(value, self.order.look["dates"], self.fam.lang)

    def decorate(self, page: Any) -> None:
        """An order-book page: the perforation between the counterfoil and the order, down every page."""
        if self.fam.header != "stub" or not hasattr(self, "o17"):
            return
        x = self.M + 108
        y = 24.0
        while y < page.height - 24:
            page.circle(x, y, 0.9, (0.55, 0.55, 0.55))
            y += 5

    # ------------------------------------------------------------ headers

    def letterhead(self, x: float, p: BlindParty, role: str, align: str = "left") -> float:
        """A party as the page's letterhead (its name large, address, tax id); returns the y under it."""
        self.t(x, 50, p.name, 13, bold=True, ent=self.ent(f"{role}_name"), align=align)
        self.t(x, 62, f"{p.street}, {p.city}", 8, align=align)
        if align == "right":
            shown = width(str(p.tax_id), self.fonts.regular, 8)
            self.t(x, 73, str(p.tax_id), 8, ent=self.ent(f"{role}_tax_id"), align="right")
            self.t(x - shown - 4, 73, f"{p.tax_label}:", 8, align="right")
        else:
            used = self.t(x, 73, f"{p.tax_label}:", 8) + 4
            self.t(x + used, 73, str(p.tax_id), 8, ent=self.ent(f"{role}_tax_id"))
        return 80.0

    def stacked_facts(self, x: float, y: float, facts: list[tuple[str, str, str]], cap_w: float) -> float:
        for cap, value, name in facts:
            self.t(x, y, f"{cap}:", 8, bold=True)
            self.t(x + cap_w, y, value, 8.5, ent=self.ent(name))
            y += 12
        return y

    def head_timeline(self) -> None:
        """The buyer's letterhead and the title with the order's number, terms and currency; the status track
        (four dated steps, the 'ordered' one the order date); the supplier and the delivery point."""
        w, po, M, o = self.words, self.po, self.M, self.o17
        self.letterhead(M, po.buyer, "buyer")
        self.t(self.W - M, 50, w["title"], 14, bold=True, align="right")
        facts = [f for f in self.facts() if f[2] != "order_date"]
        cap_w = max(width(f"{c}:", self.fonts.bold, 8) for c, _v, _n in facts) + 6
        val_w = max(width(v, self.fonts.regular, 8.5) for _c, v, _n in facts)
        self.stacked_facts(self.W - M - cap_w - val_w, 64, facts, cap_w)
        top = 112.0
        self.page.rect(M, top, self.W - 2 * M, 62, stroke=(0.7, 0.75, 0.72), fill=(0.96, 0.98, 0.97), radius=4)
        self.t(M + 8, top + 12, w["track"], 7.5, bold=True, color=_STATUS)
        steps = w["steps"].split("|")
        span = self.W - 2 * M - 80
        xs = [M + 40 + k * span / (len(steps) - 1) for k in range(len(steps))]
        cy = top + 34
        self.page.line(xs[0], cy, xs[2], cy, 2.0, _STATUS)
        self.page.line(xs[2], cy, xs[3], cy, 1.0, (0.7, 0.7, 0.7))
        for k, (x, cap, day) in enumerate(zip(xs, steps, o.steps, strict=True)):
            done = k <= 2
            self.page.circle(x, cy, 6.5, _STATUS if done else (0.8, 0.8, 0.8))
            if k == 2:
                self.page.circle(x, cy, 3, (1, 1, 1))
            self.t(x, cy - 10, cap, 7, align="center", bold=k == 2, color=(0.2, 0.2, 0.2) if done else _GREY)
            self.t(x, cy + 18, self.day(day), 8, align="center", ent=self.ent("order_date") if k == 2 else None,
                   color=(0, 0, 0) if done else _GREY)  # fmt: skip
        y1 = self.party(M, top + 80, w["vendor"], po.vendor, "vendor", size=8.5)
        if self.fam.table != "sites":
            self.t(self.W / 2 + 20, top + 80, w["ship"], 7.5, bold=True, color=(0.3, 0.3, 0.3))
            self.t(self.W / 2 + 20, top + 91, po.ship_to.street, 8.5)
            self.t(self.W / 2 + 20, top + 102, po.ship_to.city, 8.5)
        self.y = max(y1, top + 110) + 12

    def head_stub(self) -> None:
        """The counterfoil left of the perforation (the order's facts and total repeated, a line for the clerk);
        right of it the title, the facts, the buyer and the supplier."""
        w, po, M, x0 = self.words, self.po, self.M, self.x0
        sw = 96.0
        self.t(M, 44, w["stub"], 9, bold=True)
        self.t(M, 53, w["keep"], 6, color=_GREY)
        y = 72.0
        rows = [
            (w["stub_no"], po.number),
            (w["stub_date"], self.day(po.order_date)),
            (w["stub_to"], po.vendor.name),
            (w["stub_total"], f"{self.money(po.total)} {self.fam.currency}"),
        ]
        for cap, value in rows:
            self.t(M, y, cap, 6.5, color=_GREY)
            for k, part in enumerate(wrap(value, self.fonts.regular, 8, sw)):
                self.t(M, y + 10 + 10 * k, part, 8)
            y += 16 + 10 * len(wrap(value, self.fonts.regular, 8, sw))
            self.page.line(M, y - 4, M + sw, y - 4, 0.3, (0.6, 0.6, 0.6))
        self.t(M, y + 14, w["stub_entered"], 6.5, color=_GREY)
        self.page.line(M, y + 34, M + sw, y + 34, 0.4)
        self.t(x0, 50, w["title"], 15, bold=True)
        facts = self.facts()
        cap_w = max(width(f"{c}:", self.fonts.bold, 8) for c, _v, _n in facts) + 6
        yf = self.stacked_facts(x0, 68, facts, cap_w)
        b = po.buyer
        right = self.W - M
        self.t(right, 50, b.name, 10, bold=True, ent=self.ent("buyer_name"), align="right")
        self.t(right, 61, b.street, 8, align="right")
        self.t(right, 71, b.city, 8, align="right")
        shown = width(str(b.tax_id), self.fonts.regular, 8)
        self.t(right, 81, str(b.tax_id), 8, ent=self.ent("buyer_tax_id"), align="right")
        self.t(right - shown - 4, 81, f"{b.tax_label}:", 8, align="right")
        top = max(yf, 92) + 8
        y1 = self.party(x0, top, w["vendor"], po.vendor, "vendor", size=8.5)
        if self.fam.table != "sites":
            xs = x0 + (self.W - M - x0) / 2 + 10
            self.t(xs, top, w["ship"], 7.5, bold=True, color=(0.3, 0.3, 0.3))
            self.t(xs, top + 11, po.ship_to.street, 8.5)
            self.t(xs, top + 22, po.ship_to.city, 8.5)
        self.y = max(y1, top + 30) + 12

    def head_accepted(self) -> None:
        """The supplier's quotation: its letterhead, the quotation's own number, date and validity (not the
        order's), the buyer it is quoted to, the currency and terms in a sentence."""
        w, po, M, o = self.words, self.po, self.M, self.o17
        self.letterhead(M, po.vendor, "vendor")
        self.page.line(M, 82, self.W - M, 82, 1.4, (0.35, 0.35, 0.35))
        self.t(self.W - M, 52, w["quote"], 16, bold=True, align="right", color=(0.3, 0.3, 0.3))
        number, qday, valid = o.quote
        y = 96.0
        for cap, value in ((w["quote_no"], number), (w["quote_date"], self.day(qday)), (w["valid"], self.day(valid))):
            self.t(self.W - M - 90, y, f"{cap}:", 7.5, align="right", color=_GREY)
            self.t(self.W - M - 86, y, value, 8)
            y += 11
        y1 = self.party(M, 96, w["quoted_to"], po.buyer, "buyer", size=8.5)
        if self.fam.table != "sites":
            self.t(M, y1 + 4, f"{w['ship']}: {po.ship_to.street}, {po.ship_to.city}", 8)
            y1 += 14
        self.y = max(y1, y) + 6
        values = {"cur": (self.fam.currency, "currency"), "terms": (po.terms[0], "payment_terms")}
        self.flow(w["conditions"], values, M, self.W - 2 * M, size=8.5)
        self.y += 4

    def acceptance(self) -> None:
        """The buyer's acceptance stamped at the foot: the order number and date written in by hand."""
        w, po, M = self.words, self.po, self.M
        if self.y > self.H - 150:
            self.new_page()
            self.y = 60
        top = self.y + 10
        bw = 250.0
        self.page.rect(M, top, bw, 92, stroke=_PEN, line_width=1.4)
        self.page.rect(M + 3, top + 3, bw - 6, 86, stroke=_PEN, line_width=0.5)
        self.t(M + bw / 2, top + 16, w["accept"], 7.5, bold=True, align="center", color=_PEN)
        y = top + 36
        for cap, value, name in ((w["po_no"], po.number, "po_number"),
                                 (w["po_date"], self.day(po.order_date), "order_date")):  # fmt: skip
            self.t(M + 10, y, f"{cap}:", 7.5, color=_PEN)
            self.page.line(M + 80, y + 2, M + bw - 12, y + 2, 0.4, _PEN)
            self.page.text(M + 84, y - 1, value, self.hand, 12.5 + self.rng.uniform(-0.5, 0.5),
                           entity=self.ent(name), color=_PEN)  # fmt: skip
            y += 20
        self.t(M + 10, y, f"{w['po_sign']}:", 7.5, color=_PEN)
        pts = [(M + 110 + k * 6, y - 2 + self.rng.uniform(-5, 3)) for k in range(14)]
        self.page.path(pts, 0.9, _PEN)
        self.y = top + 100

    # ------------------------------------------------------------ tables

    def col_specs17(self) -> list[tuple[str, str, float, str]]:
        w = self.words
        caps = {"line_no": (w.get("no", "#"), 0.04, "left"), "sku": (w["code"], 0.09, "left"),
                "picture": (w["picture"], 0.09, "left"), "description": (w["desc"], 0.34, "left"),
                "quantity": (w["sizes_total"] if self.fam.table == "sizes" else w["area"]
                             if self.fam.table == "cutlist" else w["qty"], 0.08, "right"),
                "unit": (w["unit"], 0.06, "left"),
                "unit_price": (w["per_m2"] if self.fam.table == "cutlist" else w["price"], 0.11, "right"),
                "amount": (w["amount"], 0.12, "right"), "pieces": (w["pieces"], 0.06, "right"),
                "dims": (w["dims"], 0.15, "center"),
                **{f"size{k}": (s, 0.04, "right") for k, s in enumerate(SIZES17)}}  # fmt: skip
        if self.fam.table in {"sizes", "cutlist"}:
            caps["description"] = (w["desc"], 0.27, "left")
            caps["unit_price"] = (caps["unit_price"][0], 0.13, "right")
            caps["amount"] = (w["amount"], 0.14, "right")
        cols = self.order.look["columns"]
        total = sum(caps[c][1] for c in cols)
        return [(c, caps[c][0], caps[c][1] / total, caps[c][2]) for c in cols]

    def picture(self, x: float, y: float, s: float, kind: int) -> None:
        """A catalogue thumbnail: a light frame and a simple drawing of the article."""
        page = self.page
        page.rect(x, y, s, s, stroke=(0.75, 0.75, 0.75), fill=(0.95, 0.95, 0.93), line_width=0.4)
        c, ink = x + s / 2, (0.45, 0.5, 0.58)
        if kind == 0:  # a box
            page.rect(c - s * 0.3, y + s * 0.3, s * 0.6, s * 0.5, stroke=ink, fill=(0.85, 0.78, 0.65))
            page.line(c - s * 0.3, y + s * 0.45, c + s * 0.3, y + s * 0.45, 0.4, ink)
        elif kind == 1:  # a cartridge
            page.rect(c - s * 0.32, y + s * 0.35, s * 0.64, s * 0.35, stroke=ink, fill=(0.2, 0.2, 0.22))
        elif kind == 2:  # bottles
            for dx in (-0.18, 0.0, 0.18):
                page.rect(c + dx * s - s * 0.07, y + s * 0.35, s * 0.14, s * 0.5, stroke=ink, fill=(0.7, 0.85, 0.95))
        elif kind == 3:  # a bag
            page.polygon([(c - s * 0.25, y + s * 0.85), (c + s * 0.25, y + s * 0.85), (c + s * 0.18, y + s * 0.3),
                          (c - s * 0.18, y + s * 0.3)], (0.8, 0.8, 0.72))  # fmt: skip
        elif kind == 4:  # a can
            page.rect(c - s * 0.2, y + s * 0.3, s * 0.4, s * 0.55, stroke=ink, fill=(0.55, 0.7, 0.55))
            page.circle(c, y + s * 0.3, s * 0.2, (0.5, 0.62, 0.5))
        else:  # a lock
            page.circle(c, y + s * 0.4, s * 0.15, (0.75, 0.65, 0.3))
            page.rect(c - s * 0.22, y + s * 0.45, s * 0.44, s * 0.38, stroke=ink, fill=(0.85, 0.72, 0.3))

    def cell17(self, role: str, i: int, ln: POLine) -> tuple[str, str | None]:
        ex = self.o17.extra[i]
        if role.startswith("size"):
            n = ex["sizes"][int(role[4:])]
            return (str(n) if n else "–", None)
        if role == "pieces":
            return (str(ex["pieces"]), None)
        if role == "dims":
            length, breadth = ex["dims"]
            return (f"{length} × {breadth}", None)
        return self.cell(role, i, ln)

    def table17(self) -> None:
        """A ruled table with this set's columns; delivery sub-headings between the rows of a sites table."""
        specs = self.col_specs17()
        self.head_row14(specs)
        size, lead = 8.0, 10.5
        desc_w = next(share for role, _c, share, _a in specs if role == "description") * self.span - 6
        thumbs = self.fam.table == "thumbs"
        site = -1
        for i, ln in enumerate(self.po.lines):
            desc_lines = wrap(ln.description, self.fonts.regular, size, desc_w)
            h = max(lead * len(desc_lines) + 4, 34.0 if thumbs else 0.0)
            here = self.o17.extra[i].get("site", -1)
            sub = 16.0 if here != site else 0.0
            if self.y + h + sub > self.H - 70:
                self.new_page()
                self.y = 46
                self.head_row14(specs)
            if here != site:
                site = here
                name, address = self.o17.sites[site]
                self.page.rect(self.x0, self.y, self.span, 14, stroke=None, fill=(0.93, 0.93, 0.88))
                self.t(self.x0 + 4, self.y + 10, f"{self.words['deliver_to']}: {name} – {address}", 7.5, bold=True)
                self.y += 16
            base = self.y + (12 if thumbs else 8)
            x = self.x0
            for role, _cap, share, align in specs:
                cw = share * self.span
                if role == "picture":
                    self.picture(x + 3, self.y + 2, min(cw - 6, 30), self.o17.extra[i]["picture"])
                elif role == "description":
                    ent = self.ent("description", i)  # one value over its wrapped lines
                    for k, text in enumerate(desc_lines):
                        self.page.text(x + 3, base + lead * k, text, self.fonts.regular, size, entity=ent, row=i)
                elif role == "line_no":
                    self.t(x + 3, base, str(i + 1), size)
                else:
                    text, name = self.cell17(role, i, ln)
                    ax = x + cw - 3 if align == "right" else x + cw / 2 if align == "center" else x + 3
                    ink = (0, 0, 0) if name else (0.3, 0.3, 0.3)
                    self.page.text(ax, base, text, self.fonts.regular, size, align=align, color=ink,
                                   entity=self.ent(name, i) if name else None, row=i)  # fmt: skip
                x += cw
            self.y += h
            self.page.line(self.x0, self.y - 1, self.x0 + self.span, self.y - 1, 0.25, (0.6, 0.6, 0.6))
        self.y += 8

    def payment_schedule(self) -> None:
        """The advance on order and the balance on delivery, both as amounts (not labelled)."""
        w, po = self.words, self.po
        advance = _half_up(po.total * self.o17.advance / 100, self.fam.places)
        if self.y > self.H - 80:
            self.new_page()
            self.y = 60
        x = self.W - self.M - 240
        self.t(x, self.y + 8, w["schedule"], 7.5, bold=True, color=(0.3, 0.3, 0.3))
        rows = ((w["advance"].replace("{p}", str(self.o17.advance)), advance), (w["balance"], po.total - advance))
        self.y += 12
        for cap, value in rows:
            self.t(x, self.y + 8, cap, 7.5, color=(0.3, 0.3, 0.3))
            self.t(self.W - self.M, self.y + 8, f"{self.money(value)} {self.fam.currency}", 7.5, align="right",
                   color=(0.3, 0.3, 0.3))  # fmt: skip
            self.y += 11
        self.y += 8

    def write(self) -> None:
        getattr(self, f"head_{self.fam.header}")()
        self.table17()
        self.totals()
        if "deposit" in self.fam.extras:
            self.payment_schedule()
        if self.fam.header == "accepted":
            self.acceptance()
        self.page_numbers(self.words["page"])


def make_blind17_po(seed: int, fam: Blind17Family, doc_id: str | None = None) -> GeneratedDoc:
    return make_set_po(seed, fam, doc_id, set_no=17, sample=sample_po17, writer_of=PO17Writer)


# ---------------------------------------------------------------- contracts

_EN_C: dict[str, Any] = {
    "title": "CONTRACT FOR SERVICES", "number": "Contract ref.",
    "intro": "{buyer}, {btaxcap} {btax}, called the Principal, appoints {vendor}, {vtaxcap} {vtax}, called the "
             "Provider, to carry out the services listed in clause 4, starting on {eff}.",
    "intro_last": "{buyer}, {btaxcap} {btax}, called the Principal, appoints {vendor}, {vtaxcap} {vtax}, called "
                  "the Provider, to carry out the services listed in clause 4. This contract comes into force on "
                  "the date on which the second of the two parties signs it.",
    "intro_end": "The Principal and the Provider, each named with its address and tax reference in the table at "
                 "the end of this contract, agree that the Provider will carry out the services listed in clause 4, "
                 "starting on {eff}.",
    "intro_end_last": "The Principal and the Provider, each named with its address and tax reference in the table "
                      "at the end of this contract, agree that the Provider will carry out the services listed in "
                      "clause 4. This contract comes into force on the date on which the second of them signs it.",
    "until": "This contract ends on {exp} unless it is ended earlier under clause 6.",
    "term": "This contract lasts {n} {unit} from the day it comes into force.",
    "units": ("months", {1: "year", 2: "years", 3: "years"}),
    "pay": "The Provider bills in {cur} at the end of each month and the Principal pays {terms}.",
    "terms": [("within 30 days of the bill", 30), ("within 15 days of receiving the bill", 15)],
    "heads": ["Who is bound", "How long", "Billing", "Prices", "Insurance", "Ending early"],
    "more": ["The Provider keeps public liability insurance for the whole term and shows the policy on request.",
             "Either party may end this contract by one month's written notice to the other."],
    "rates": "The Provider charges the following prices, before any tax:",
    "cols": ("Service", "Charged per", "Price"), "hand": "(prices to be written in by the Provider)",
    "addendum": "ADDENDUM No. 1",
    "varied": "Agreed on {day}, before the contract came into force: from the first day of the contract the "
              "price for {service} is {rate} {cur} per {unit}, replacing the price shown in clause 4. All other "
              "terms stay the same.",
    "sides": ("The Principal", "The Provider"), "rows": ("Name", "Address", "Signed by", "Signature", "Date"),
    "signed": "Signed at {place} on {date}", "for": "for",
    "signers": ["J. Thomas", "M. Leo", "R. Benjamin", "S. Biggs", "T. George", "A. Short", "P. Marsh"],
    "services": [("Grounds maintenance", "visit"), ("Vehicle servicing", "vehicle"), ("IT support", "hour"),
                 ("Laundry", "kg"), ("Waste collection", "lift"), ("Boat charter", "day"), ("Translation", "page")],
}  # fmt: skip
_FR_C: dict[str, Any] = {
    "title": "CONVENTION DE PRESTATIONS", "number": "Réf. convention",
    "intro": "{buyer}, {btaxcap} {btax}, ci-après le Donneur d'ordre, confie à {vendor}, {vtaxcap} {vtax}, "
             "ci-après le Titulaire, les prestations énumérées à l'article 4, à compter du {eff}.",
    "intro_last": "{buyer}, {btaxcap} {btax}, ci-après le Donneur d'ordre, confie à {vendor}, {vtaxcap} {vtax}, "
                  "ci-après le Titulaire, les prestations énumérées à l'article 4. La convention entre en vigueur "
                  "à la date de la seconde signature.",
    "intro_end": "Le Donneur d'ordre et le Titulaire, désignés avec leur adresse et leur identifiant dans le "
                 "tableau placé à la fin de la présente convention, conviennent que le Titulaire exécute les "
                 "prestations énumérées à l'article 4 à compter du {eff}.",
    "intro_end_last": "Le Donneur d'ordre et le Titulaire, désignés avec leur adresse et leur identifiant dans le "
                      "tableau placé à la fin de la présente convention, conviennent que le Titulaire exécute les "
                      "prestations énumérées à l'article 4. La convention entre en vigueur à la date de la seconde "
                      "signature.",
    "until": "La convention prend fin le {exp}, sauf résiliation anticipée selon l'article 6.",
    "term": "La convention est conclue pour {n} {unit} à compter de son entrée en vigueur.",
    "units": ("mois", {1: "an", 2: "ans", 3: "ans"}),
    "pay": "Le Titulaire facture en {cur} à la fin de chaque mois ; le Donneur d'ordre règle {terms}.",
    "terms": [("à 30 jours de la réception de la facture", 30), ("par virement à 15 jours", 15)],
    "heads": ["Objet et parties", "Durée", "Facturation", "Prix", "Assurances", "Résiliation"],
    "more": ["Le Titulaire est assuré en responsabilité civile pendant toute la durée de la convention.",
             "Chaque partie peut résilier la convention par lettre recommandée moyennant un préavis d'un mois."],
    "rates": "Les prix unitaires, hors taxes, sont les suivants :",
    "cols": ("Prestation", "Unité de facturation", "Prix unitaire"),
    "hand": "(prix à compléter à la main par le Titulaire)", "addendum": "AVENANT N° 1",
    "varied": "Convenu le {day}, avant l'entrée en vigueur de la convention : dès le premier jour de la convention, "
              "le prix de la prestation « {service} » est porté à {rate} {cur} par {unit}, en remplacement du prix "
              "figurant à l'article 4. Les autres clauses sont inchangées.",
    "sides": ("Le Donneur d'ordre", "Le Titulaire"),
    "rows": ("Dénomination", "Adresse", "Signataire", "Signature", "Date"),
    "signed": "Fait à {place} le {date}", "for": "pour",
    "signers": ["M. Tialetagi", "S. Detcheverry", "J. Girardin", "P. Lakalaka", "A. Briand", "L. Claireaux"],
    "services": [("Entretien des espaces verts", "passage"), ("Entretien des véhicules", "véhicule"),
                 ("Assistance informatique", "heure"), ("Blanchisserie", "kg"), ("Collecte des déchets", "levée"),
                 ("Location de bateau", "jour"), ("Traduction", "page")],
}  # fmt: skip
_IT_C: dict[str, Any] = {
    "title": "CONTRATTO DI APPALTO DI SERVIZI", "number": "Contratto n.",
    "intro": "{buyer}, {btaxcap} {btax}, di seguito il Committente, affida a {vendor}, {vtaxcap} {vtax}, di "
             "seguito l'Appaltatore, i servizi elencati all'articolo 4 a decorrere dal {eff}.",
    "intro_last": "{buyer}, {btaxcap} {btax}, di seguito il Committente, affida a {vendor}, {vtaxcap} {vtax}, di "
                  "seguito l'Appaltatore, i servizi elencati all'articolo 4. Il contratto entra in vigore alla "
                  "data dell'ultima delle due sottoscrizioni.",
    "intro_end": "Il Committente e l'Appaltatore, indicati con sede e partita IVA nella tabella in calce al "
                 "presente contratto, convengono che l'Appaltatore presti i servizi elencati all'articolo 4 a "
                 "decorrere dal {eff}.",
    "intro_end_last": "Il Committente e l'Appaltatore, indicati con sede e partita IVA nella tabella in calce al "
                      "presente contratto, convengono che l'Appaltatore presti i servizi elencati all'articolo 4. "
                      "Il contratto entra in vigore alla data dell'ultima delle due sottoscrizioni.",
    "until": "Il contratto scade il {exp}, salvo recesso anticipato ai sensi dell'articolo 6.",
    "term": "Il contratto ha una durata di {n} {unit} dalla sua entrata in vigore.",
    "units": ("mesi", {1: "anno", 2: "anni", 3: "anni"}),
    "pay": "L'Appaltatore fattura in {cur} alla fine di ogni mese e il Committente paga {terms}.",
    "terms": [("a 30 giorni data fattura", 30), ("a 60 giorni fine mese", 60)],
    "heads": ["Parti e oggetto", "Durata", "Fatturazione", "Corrispettivi", "Riservatezza", "Recesso"],
    "more": ["L'Appaltatore mantiene riservate le informazioni di cui viene a conoscenza nell'esecuzione del "
             "contratto.", "Ciascuna parte può recedere con preavviso scritto di trenta giorni."],
    "rates": "I corrispettivi unitari, al netto di imposte, sono i seguenti:",
    "cols": ("Servizio", "Unità", "Corrispettivo"), "hand": "(corrispettivi da compilare a mano a cura "
    "dell'Appaltatore)", "addendum": "ATTO AGGIUNTIVO N. 1",
    "varied": "Concordato il {day}, prima dell'entrata in vigore del contratto: dal primo giorno del contratto il "
              "corrispettivo per «{service}» è di {rate} {cur} per {unit}, in sostituzione di quello indicato "
              "all'articolo 4. Restano ferme le altre clausole.",
    "sides": ("Il Committente", "L'Appaltatore"), "rows": ("Denominazione", "Sede", "Firmatario", "Firma", "Data"),
    "signed": "Firmato a {place} il {date}", "for": "per",
    "signers": ["Mons. G. Rossi", "Dott. L. Bianchi", "Ing. P. Conti", "Arch. M. Ferri", "Sig.ra A. Greco"],
    "services": [("Manutenzione del verde", "intervento"), ("Pulizia locali", "mese"), ("Assistenza informatica",
                 "ora"), ("Lavanderia", "kg"), ("Restauro conservativo", "giornata"), ("Traduzione", "cartella"),
                 ("Vigilanza", "turno")],
}  # fmt: skip
_NB_C: dict[str, Any] = {
    "title": "AVTALE OM TJENESTER", "number": "Avtalenr.",
    "intro": "{buyer}, {btaxcap} {btax}, heretter Oppdragsgiver, engasjerer {vendor}, {vtaxcap} {vtax}, heretter "
             "Leverandør, til å utføre tjenestene i punkt 4 fra og med {eff}.",
    "intro_last": "{buyer}, {btaxcap} {btax}, heretter Oppdragsgiver, engasjerer {vendor}, {vtaxcap} {vtax}, "
                  "heretter Leverandør, til å utføre tjenestene i punkt 4. Avtalen trer i kraft den dagen den siste "
                  "av partene signerer.",
    "intro_end": "Oppdragsgiver og Leverandør, som er oppført med adresse og organisasjonsnummer i tabellen sist i "
                 "avtalen, er enige om at Leverandør utfører tjenestene i punkt 4 fra og med {eff}.",
    "intro_end_last": "Oppdragsgiver og Leverandør, som er oppført med adresse og organisasjonsnummer i tabellen "
                      "sist i avtalen, er enige om at Leverandør utfører tjenestene i punkt 4. Avtalen trer i kraft "
                      "den dagen den siste av partene signerer.",
    "until": "Avtalen gjelder til og med {exp}, med mindre den sies opp etter punkt 6.",
    "term": "Avtalen gjelder i {n} {unit} fra den trer i kraft.",
    "units": ("måneder", {1: "år", 2: "år", 3: "år"}),
    "pay": "Leverandør fakturerer i {cur} etterskuddsvis hver måned, og Oppdragsgiver betaler {terms}.",
    "terms": [("innen 30 dager etter fakturadato", 30), ("innen 14 dager", 14)],
    "heads": ["Partene", "Varighet", "Fakturering", "Priser", "Forsikring", "Oppsigelse"],
    "more": ["Leverandør har ansvarsforsikring i hele avtaleperioden.",
             "Hver av partene kan si opp avtalen skriftlig med én måneds varsel."],
    "rates": "Leverandør fakturerer disse prisene, eksklusive avgifter:",
    "cols": ("Tjeneste", "Enhet", "Pris"), "hand": "(prisene fylles ut for hånd av Leverandør)",
    "addendum": "TILLEGG NR. 1",
    "varied": "Avtalt {day}, før avtalen trådte i kraft: fra avtalens første dag er prisen for {service} {rate} "
              "{cur} per {unit}, i stedet for prisen i punkt 4. Avtalen gjelder ellers uendret.",
    "sides": ("Oppdragsgiver", "Leverandør"), "rows": ("Navn", "Adresse", "Signert av", "Signatur", "Dato"),
    "signed": "Sted {place}, dato {date}", "for": "for",
    "signers": ["K. Eriksen", "I. Pedersen", "O. Lund", "H. Nilsen", "T. Berg"],
    "services": [("Snørydding", "time"), ("Vedlikehold av snøscooter", "scooter"), ("Guidetjenester", "dag"),
                 ("Vask av lokaler", "måned"), ("IT-støtte", "time"), ("Båtleie", "døgn"),
                 ("Avfallshåndtering", "tømming")],
}  # fmt: skip
CONTRACT17: dict[str, dict[str, Any]] = {
    "SJ": {**_NB_C}, "PM": {**_FR_C}, "WF": {**_FR_C, "title": "MARCHÉ DE SERVICES", "number": "Marché n°"},
    "SH": {**_EN_C}, "CK": {**_EN_C, "title": "SERVICE CONTRACT", "number": "Contract no."}, "VA": {**_IT_C},
    "FK": {**_EN_C, "title": "AGREEMENT FOR THE SUPPLY OF SERVICES", "number": "Our ref."},
    "GI": {**_EN_C, "title": "SERVICES CONTRACT"},
}  # fmt: skip


def _contract_number17(rng: random.Random, country: str, year: int) -> str:
    n = rng.randrange(10, 9999)
    return {"SJ": f"LYB-{year}-{n:04d}", "PM": f"SPM/{year}/{n:04d}", "WF": f"{n:04d}/WF/{year % 100}",
            "SH": f"SHG/C/{n:04d}", "CK": f"CI-{year}-{n:03d}", "VA": f"{n:04d}/{year}/SCV",
            "FK": f"FIG/{n:04d}", "GI": f"GIB-SC-{n:04d}"}[country]  # fmt: skip


@dataclass
class Contract17(Contract2):
    superseded: tuple[int, Decimal] | None  # the schedule row an addendum replaces and the old rate printed there
    addendum: date | None  # the addendum's date
    signed: tuple[date, date] | None  # the Principal's and the Provider's signature dates (lastsign)
    signers: tuple[str, str]
    places: tuple[str, str]


def sample_contract17(rng: random.Random, fam: Blind17Family) -> Contract17:
    """A contract of ``fam``: parties, dates (a later signature's date the effective date), rates in force and
    the printed values beside them (an old rate an addendum replaced, the signatures)."""
    text = CONTRACT17[fam.country]
    buyer = make_party17(rng, fam.country)
    vendor = make_party17(rng, fam.country, avoid=buyer.name)
    first = date(rng.randrange(2024, 2028), 1, 1) + timedelta(days=rng.randrange(365))
    signed: tuple[date, date] | None = None
    if "lastsign" in fam.extras:
        later = first + timedelta(days=rng.randrange(1, 25))
        signed = (first, later) if rng.random() < 0.5 else (later, first)
        effective = later
    else:
        effective = first
    mult = Decimal(_PRICE_SCALE17[fam.currency])
    picks = rng.sample(text["services"], rng.randrange(3, 6))
    rates = [(s, u, _half_up(Decimal(rng.randrange(1500, 60000)) / 100 * mult, fam.places)) for s, u in picks]
    term: tuple[int, str] | None = None
    if "lastsign" in fam.extras or rng.random() < 0.4:
        term = rng.choice([(6, "months"), (12, "months"), (18, "months"), (1, "years"), (2, "years")])
        months = term[0] * (12 if term[1] == "years" else 1)
        expiry = effective + relativedelta(months=months) - timedelta(days=1)
    else:
        expiry = effective + relativedelta(months=rng.choice([6, 12, 24])) - timedelta(days=1)
    superseded: tuple[int, Decimal] | None = None
    addendum: date | None = None
    if fam.table == "varied":
        k = rng.randrange(len(rates))
        s, u, new = rates[k]
        old = _half_up(new * Decimal(rng.choice([85, 88, 90, 92, 95, 105, 110])) / 100, fam.places)
        superseded = (k, old if old != new else new + Decimal(1))
        addendum = effective - timedelta(days=rng.randrange(1, 10))
    signers = (rng.choice(text["signers"]), rng.choice(text["signers"]))
    places = (buyer.city.split(", ")[-1], vendor.city.split(", ")[-1])
    return Contract17(_contract_number17(rng, fam.country, effective.year), effective, expiry, term, buyer, vendor,
                      rng.choice(text["terms"]), rates, superseded, addendum, signed, signers, places)  # fmt: skip


class Contract17Writer(Contract15Writer):
    """Set 15's contract writer (its heading, paragraphs and clauses, through sets 14-12) with this set's party
    table, schedules, addendum and dated signatures."""

    def __init__(self, rng: random.Random, fam: Blind17Family, model: Contract17) -> None:
        self.model, self.text = model, CONTRACT17[fam.country]
        self.m15 = model  # type: ignore[assignment]
        self.m17 = model
        self.col, self.clauses = -1, []
        self.top = self.bottom = self.left_end = 0.0
        Sheet12.__init__(self, rng, fam)  # type: ignore[arg-type]
        self.hand = font("Z003-MediumItalic")

    def day(self, value: date) -> str:
        return format_day17(value, "long", self.fam.lang)

    def intro(self) -> tuple[str, dict[str, tuple[str, str | None]]]:
        v = self.values()
        key = "intro_end" if self.fam.header == "endparties" else "intro"
        if "lastsign" in self.fam.extras:
            key += "_last"
        keys = ("eff",) if self.fam.header == "endparties" else ("eff", "buyer", "btaxcap", "btax", "vendor",
                                                                   "vtaxcap", "vtax")  # fmt: skip
        return self.text[key], {k: v[k] for k in keys}

    def write_clauses17(self) -> None:
        """Six numbered clauses; the rates the fourth (their schedule under its heading)."""
        text, v = self.text, self.values()
        term, tv = self.term_sentence()
        heads = text["heads"]
        clauses = [self.intro(), (term, tv), (text["pay"], {k: v[k] for k in ("cur", "terms")}), ("", {}),
                   (text["more"][0], {}), (text["more"][1], {})]  # fmt: skip
        for k, (head, (template, values)) in enumerate(zip(heads, clauses, strict=True), start=1):
            self.room13(50)
            self.t(self.M, self.y + 12, f"{k}. {head}", 9.5, bold=True)
            self.y += 15
            if k == 4:
                self.schedule17()
            else:
                self.flow(template, values, self.M, self.W - 2 * self.M, size=9)

    def schedule17(self) -> None:
        """The rate form: a ruled table; in a ``handfilled`` one the rates written in by pen over dotted lines, in
        a ``varied`` one the replaced row still showing its old rate (not labelled)."""
        text, M = self.text, self.M
        span = self.W - 2 * M
        hand = self.fam.table == "handfilled"
        self.flow(text["rates"], {}, M, span, size=9)
        if hand:
            self.t(M, self.y + 6, text["hand"], 7.5, color=_GREY)
            self.y += 10
        shares = (0.5, 0.22, 0.28)
        self.room13(40)
        self.page.rect(M, self.y, span, 17, fill=(0.92, 0.92, 0.95), line_width=0.5)
        x = M
        for k, (cap, share) in enumerate(zip(text["cols"], shares, strict=True)):
            cap = f"{cap} ({self.fam.currency})" if k == 2 else cap
            cw = share * span
            self.t(x + cw - 5 if k == 2 else x + 5, self.y + 12, cap, 8, bold=True, align="right" if k == 2 else "left")
            x += cw
        self.y += 17
        old = self.m17.superseded
        row_h = 22.0 if hand else 16.0
        for service, unit, rate, i in self.rate_rows():
            self.room13(row_h + 2)
            self.page.rect(M, self.y, span, row_h, line_width=0.4)
            base = self.y + row_h - 6
            self.page.text(M + 5, base, service, self.fonts.regular, 8.5, entity=self.ent("description", i), row=i)
            self.page.text(M + shares[0] * span + 5, base, unit, self.fonts.regular, 8.5, entity=self.ent("unit", i),
                           row=i)  # fmt: skip
            right = M + span - 6
            if hand:
                left = M + (shares[0] + shares[1]) * span + 8
                y = base + 2
                xx = left
                while xx < right:
                    self.page.circle(xx, y, 0.5, (0.5, 0.5, 0.5))
                    xx += 3
                self.page.text(right - self.rng.uniform(0, 14), base - 1 + self.rng.uniform(-1.5, 1), rate, self.hand,
                               13 + self.rng.uniform(-0.6, 0.6), entity=self.ent("unit_price", i), row=i,
                               align="right", color=_PEN)  # fmt: skip
            elif old and old[0] == i:
                self.page.text(right, base, self.money(old[1]), self.fonts.regular, 8.5, align="right")
            else:
                self.page.text(right, base, rate, self.fonts.regular, 8.5, entity=self.ent("unit_price", i), row=i,
                               align="right")  # fmt: skip
            self.y += row_h
        self.y += 10

    def addendum(self) -> None:
        """The addendum that replaces one rate from the contract's first day, with its own date and initials."""
        m, text = self.m17, self.text
        if m.superseded is None or m.addendum is None:
            return
        k = m.superseded[0]
        service, unit, rate = m.rates[k]
        self.room13(110)
        self.y += 16
        self.page.line(self.M, self.y, self.W - self.M, self.y, 0.8)
        self.t(self.M, self.y + 16, text["addendum"], 10, bold=True)
        self.y += 22
        template = text["varied"].replace("{service}", service).replace("{unit}", unit)
        template = template.replace("{day}", self.day(m.addendum))
        values = {"rate": (self.money(rate), "unit_price", k), "cur": (self.fam.currency, None)}
        self.flow(template, values, self.M, self.W - 2 * self.M, size=9)
        for j, side in enumerate(text["sides"]):
            x = self.M + j * 200
            self.page.line(x, self.y + 26, x + 150, self.y + 26, 0.4)
            self.t(x, self.y + 36, side, 7.5, color=_GREY)
            self.page.path([(x + 20 + 5 * s, self.y + 20 + self.rng.uniform(-4, 2)) for s in range(8)], 0.8, _PEN)
        self.y += 46

    def signed_line(self, j: int) -> tuple[str, Any]:
        """'Signed at PLACE on DATE' of the ``j``th party; the later date is the effective date (tagged)."""
        m = self.m17
        assert m.signed is not None
        day = m.signed[j]
        later = day == m.effective
        template = self.text["signed"].replace("{place}", m.places[j])
        return template, {"date": (self.day(day), "effective_date" if later else None)}

    def party_table(self) -> None:
        """The parties' table at the end: for each side its name, address, tax id, signatory, signature, date."""
        m, text, M = self.m17, self.text, self.M
        span = self.W - 2 * M
        cap_w, col_w = 78.0, (span - 78) / 2
        need = 24 + 6 * 22 + 30
        if self.y + need > self.H - 70:
            self.new_page()
            self.y = 60
        self.y += 12
        top = self.y
        self.page.rect(M, top, span, 18, fill=(0.9, 0.9, 0.9), line_width=0.5)
        for j, side in enumerate(text["sides"]):
            self.t(M + cap_w + j * col_w + 5, top + 12, side, 8.5, bold=True)
        self.y = top + 18
        names = text["rows"]
        rows: list[tuple[str, list[tuple[str, str | None]]]] = []
        rows.append((names[0], [(p.name, f"{r}_name") for p, r in ((m.buyer, "buyer"), (m.vendor, "vendor"))]))
        rows.append((names[1], [(f"{p.street}, {p.city}", None) for p in (m.buyer, m.vendor)]))
        rows.append(
            (
                m.buyer.tax_label or "",
                [(str(p.tax_id), f"{r}_tax_id") for p, r in ((m.buyer, "buyer"), (m.vendor, "vendor"))],
            )
        )
        rows.append((names[2], [(s, None) for s in m.signers]))
        for cap, cells in rows:
            h = 20.0
            for value, _name in cells:
                parts = wrap(value, self.fonts.regular, 8, col_w - 10)
                h = max(h, 8 + 10 * len(parts))
            self.page.rect(M, self.y, span, h, line_width=0.4)
            self.page.line(M + cap_w, self.y, M + cap_w, self.y + h, 0.4)
            self.page.line(M + cap_w + col_w, self.y, M + cap_w + col_w, self.y + h, 0.4)
            self.t(M + 5, self.y + 13, cap, 7.5, color=_GREY)
            for j, (value, name) in enumerate(cells):
                ent = self.ent(name) if name else None
                for k, part in enumerate(wrap(value, self.fonts.regular, 8, col_w - 10)):
                    self.t(M + cap_w + j * col_w + 5, self.y + 13 + 10 * k, part, 8, ent=ent)
            self.y += h
        # the signature row and the date row
        for cap, kind in ((names[3], "sign"), (names[4], "date")):
            h = 34.0 if kind == "sign" else 20.0
            self.page.rect(M, self.y, span, h, line_width=0.4)
            self.page.line(M + cap_w, self.y, M + cap_w, self.y + h, 0.4)
            self.page.line(M + cap_w + col_w, self.y, M + cap_w + col_w, self.y + h, 0.4)
            self.t(M + 5, self.y + 13, cap, 7.5, color=_GREY)
            for j in range(2):
                x = M + cap_w + j * col_w + 10
                if kind == "sign":
                    pts = [(x + 6 * s, self.y + 20 + self.rng.uniform(-7, 4)) for s in range(12)]
                    self.page.path(pts, 0.9, _PEN)
                elif m.signed:
                    template, values = self.signed_line(j)
                    y0 = self.y
                    self.y += 4  # the baseline in the row
                    self.flow(template, values, x - 5, col_w - 10, size=8)
                    self.y = y0
            self.y += h

    def signatures17(self) -> None:
        """Two signature blocks: a line, the party's name, its signatory and (``lastsign``) where and when."""
        m = self.m17
        if self.y > self.H - 130:
            self.new_page()
            self.y = 60
        self.y += 36
        y0 = self.y
        for j, (p, who) in enumerate(zip((m.buyer, m.vendor), m.signers, strict=True)):
            x = self.M + j * (self.W / 2 - self.M + 10)
            self.page.path([(x + 10 + 6 * s, y0 - 8 + self.rng.uniform(-6, 3)) for s in range(10)], 0.9, _PEN)
            self.page.line(x, y0, x + 200, y0, 0.4)
            self.t(x, y0 + 11, f"{who}, {self.text['for']} {p.name}", 7.5)
            if m.signed:
                template, values = self.signed_line(j)
                self.y = y0 + 14
                self.flow(template, values, x, 220, size=8)
        self.y = y0 + 40

    def write(self) -> None:
        self.heading()
        self.write_clauses17()
        if self.fam.header == "endparties":
            self.party_table()
        else:
            self.signatures17()
        self.addendum()
        self.page_numbers("")


def make_blind17_contract(seed: int, fam: Blind17Family, doc_id: str | None = None) -> GeneratedDoc:
    doc = make_set_contract(seed, fam, doc_id, set_no=17, sample=sample_contract17, writer_of=Contract17Writer)
    doc.label["features"]["numbers"] = fam.numbers
    doc.label["features"]["rules"] = sorted(fam.extras)
    return doc


# ---------------------------------------------------------------- scans

SCAN_CONDITIONS = ("foxing", "clip")


def _foxing(img: Image.Image, rng: random.Random) -> Image.Image:
    """Foxing: the rust-brown spots stored paper grows, a few large soft ones and many small, denser near the
    edges, over a faint overall yellowing."""
    page = img.convert("RGB")
    w, h = page.size
    mask = Image.new("L", page.size, 0)
    draw = ImageDraw.Draw(mask)
    for _ in range(rng.randrange(40, 110)):
        edge = rng.random() < 0.6
        x = rng.choice([rng.uniform(0, 0.15), rng.uniform(0.85, 1)]) * w if edge else rng.uniform(0, 1) * w
        y = rng.uniform(0, 1) * h
        r = rng.choice([rng.uniform(1, 3), rng.uniform(2, 6), rng.uniform(5, 14)]) * w / 620
        draw.ellipse((x - r, y - r * rng.uniform(0.7, 1.3), x + r, y + r), fill=rng.randrange(90, 220))
    mask = mask.filter(ImageFilter.GaussianBlur(max(1.0, w / 600)))
    m = np.asarray(mask, dtype=np.float64)[..., None] / 255
    arr = np.asarray(page, dtype=np.float64) * np.array([0.99, 0.975, 0.93])  # the paper's age
    rust = np.array([150, 95, 50], dtype=np.float64)
    arr = arr * (1 - 0.55 * m) + rust * 0.55 * m
    return Image.fromarray(np.clip(arr, 0, 255).astype(np.uint8))


def _clip(img: Image.Image, rng: random.Random) -> Image.Image:
    """A paper clip over the top edge: its steel wire loops, their soft shadow, and the dent it pressed into the
    sheet (a faint grey band under it)."""
    page = img.convert("RGB")
    w, h = page.size
    s = w / 620
    x0 = rng.uniform(0.08, 0.8) * w
    length, wide = rng.uniform(70, 95) * s, rng.uniform(16, 22) * s
    top = -length * 0.35
    shade = Image.new("L", page.size, 0)
    ImageDraw.Draw(shade).rectangle((x0 - 4 * s, 0, x0 + wide + 10 * s, top + length + 8 * s), fill=70)
    shade = shade.filter(ImageFilter.GaussianBlur(6 * s))
    arr = np.asarray(page, dtype=np.float32)
    arr *= 1 - np.asarray(shade, dtype=np.float32)[..., None] / 255 * 0.5
    out = Image.fromarray(np.clip(arr, 0, 255).astype(np.uint8))
    draw = ImageDraw.Draw(out)
    wire = max(2, int(2.2 * s))
    steel = (110, 112, 118)
    loops = [
        (x0, top, x0 + wide, top + length),
        (x0 + wide * 0.2, top + length * 0.12, x0 + wide * 0.8, top + length * 0.8),
        (x0 + wide * 0.38, top + length * 0.25, x0 + wide * 0.62, top + length * 0.95),
    ]
    for box in loops:
        draw.rounded_rectangle(box, radius=(box[2] - box[0]) / 2, outline=steel, width=wire)
    draw.line(
        (x0 + wide * 0.3, top + length * 0.3, x0 + wide * 0.34, top + length * 0.7), fill=(200, 202, 208), width=1
    )  # the wire's shine
    return out


_OWN17 = {"foxing": _foxing, "clip": _clip}


# this set's own conditions; the earlier sets' through ``blind16.condition16``
condition17 = chain_conditions(_OWN17, condition16)


# ---------------------------------------------------------------- data sets


# one document of a family (the same seed gives the same bytes), and the set's documents written with their labels
make_blind17 = make_by_kind(make_blind17_po, make_blind17_contract)
generate_blind17 = set_generator(17, blind17_families, make_blind17, salt=0xB117, conditioner=condition17)


__all__ = ["BLIND17_SPLITS", "BY_NAME", "FAMILIES", "NEW_STRUCTURES", "SCAN_CONDITIONS", "SPLIT_SEED",
           "blind17_families", "condition17", "format_day17", "generate_blind17", "make_blind17",
           "sample_contract17", "sample_po17", "tax_id17", "tax_id_valid17"]  # fmt: skip
