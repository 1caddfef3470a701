"""The fifth blind set: purchase orders and contracts written without looking at the extractor, for measuring it.

Like the fourth set, each family is a distribution: captions drawn from several wordings per role, optional columns,
the locale's number and date formats varying, two to forty items (48 in one family) on one to three pages. What this
set adds is mostly in the header: the buyer's logo and name as the page's large title with the supplier in an
'Issued to' box; the supplier named only in a footer line beside its tax id; both parties in a two-row grid of
caption cells; four address blocks ('Bill to', 'Ship to', 'Deliver to', 'Vendor'); party names in capitals; legal
forms of many countries (Oy, AS, s.r.o., a.s., Kft., SpA, SARL, BV, NV, ApS, AB, Sp. k., Ltd, LLC, Pty Ltd, GmbH &
Co. KG); tax ids of Czechia, Finland, Norway, Belgium, Austria, Ireland, Australia, Canada, Switzerland and Hungary
with valid check digits; order numbers printed beside the title without a caption; dates with local month names
(Czech, Finnish, Norwegian among them); payment terms in many phrasings; totals stacked, total first, or in a strip.
Tables in the manner of SAP Business One, Sage, Odoo, Xero, QuickBooks, Exact, Visma and other prints: no ruling at
all, alternating row shading, a right-aligned description, the quantity and unit in one cell ('12 pcs'), the amount
column before the price, the currency symbol in every money cell, line numbers 10/20/30. Contracts: rate schedules
as a ruled table, a bullet list, prose or an appendix on its own page; dates inside sentences; the term as a
duration. Scans: set 4's and set 2's conditions, and two of this set's own: a fold crease across the page and a
rubber stamp pressed over the items.

The labels are the other sets' (``blind.blind_po_doc``, ``blind2.blind_contract_doc``): a line's ``unit_price`` is
the price as printed, its ``amount`` the line amount as printed (quantity x price here, rounded to the cent). The
families are split once into a ``dev`` and a ``test`` half (``BLIND5_SPLITS``: ``split_by_kind`` with
``SPLIT_SEED``). ``ledgerlens data blind --set 5`` writes them, ``bench/bench_extraction.py --blind N --blind-set
5`` measures them. Written without opening the extractor's code or its results.
"""

from __future__ import annotations

import random
import string
from dataclasses import dataclass, replace
from datetime import date, timedelta
from decimal import Decimal
from pathlib import Path
from typing import Any, ClassVar

from dateutil.relativedelta import relativedelta
from PIL import Image, ImageDraw, ImageFilter
from stdnum.fi import alv as fi_alv
from stdnum.hu import anum as hu_anum
from stdnum.no import orgnr as no_orgnr
from stdnum.pt import nif as pt_nif

from training.factory.blind import BlindParty
from training.factory.blind2 import (
    Contract2,
    _check_search,
    _digits,
    _Sheet2,
    priced_order,
    tax_id,
    write_blind_set,
)
from training.factory.blind3 import _x, split_by_kind, tax_id3
from training.factory.blind4 import (
    _RIGHT,
    _WEIGHTS,
    CAPTIONS,
    MONTHS4,
    Blind4Family,
    Contract4Writer,
    Order4,
    PO4Writer,
    condition4,
    format_day4,
)
from training.factory.blindkit import make_set_contract, make_set_po, split_families
from training.factory.common import GeneratedDoc, draw_logo, family_id, stamp_image
from training.factory.layout import Entity, width, wrap
from training.factory.po import POLine
from training.factory.values import q2

# ---------------------------------------------------------------- families


@dataclass(frozen=True)
class Blind5Family(Blind4Family):
    """A set-5 family. ``header``: buyertitle | footvendor | grid2 | four (orders), clauses | parties (contracts);
    ``items``: table (orders), table | bullets | prose | appendix (contracts); ``extras`` its print rules (norule
    zebra rdesc qtyunit amountfirst symcell lineno10 caps foreign term); ``numbers`` and ``dates`` the first choice."""

    vendor_country: str = ""  # where the supplier sits when it is not the buyer's country

    @property
    def family(self) -> str:
        return family_id(f"{self.kind}-blind5", {"name": self.name})


F = Blind5Family
_STD = ("sku", "description", "quantity", "unit", "unit_price", "amount")
FAMILIES: list[Blind5Family] = [
    F("sap-b1-objednavka-cz", "po", "cs", "CZ", "CZK", "buyertitle", "table", money="plain", dates="dmy_short",
      numbers="fr", columns=("line_no", "sku", "description", "quantity", "unit_price", "amount"), lines=(2, 30),
      extras=_x("lineno10", "qtyunit"), font="dejavu-sans", scan="crease", optional=("sku",)),
    F("visma-ostotilaus-fi", "po", "fi", "FI", "EUR", "footvendor", "table", money="sym_after", dates="dmy_short",
      numbers="fr", columns=_STD, lines=(2, 26), extras=_x("longdesc", "norule"), font="dejavu-sans", scan="faxlow",
      optional=("sku", "unit")),
    F("tripletex-innkjop-no", "po", "no", "NO", "NOK", "grid2", "table", money="plain", dates="dmy_dot",
      numbers="fr", columns=_STD, lines=(2, 28), extras=_x("longdesc", "zebra"), font="dejavu-sans-condensed",
      scan="stampover",
      optional=("unit",)),
    F("exact-bestelbon-be", "po", "nl", "BE", "EUR", "four", "table", money="sym_before", dates="dmy_slash",
      numbers="de", columns=_STD, lines=(2, 36), extras=_x("longdesc", "amountfirst", "symcell"), font="nimbus-sans",
      scan="photocopy", optional=("sku",)),
    F("odoo-bestellung-at", "po", "de", "AT", "EUR", "buyertitle", "table", money="sym_after", dates="dmy_dot",
      numbers="de", columns=_STD, lines=(2, 30), extras=_x("zebra", "caps", "foreign"), font="dejavu-sans",
      scan="shadow", optional=("unit",), vendor_country="HU"),
    F("xero-purchase-au", "po", "en", "AU", "AUD", "grid2", "table", money="sym_before", dates="d_mon",
      numbers="en", columns=("sku", "description", "quantity", "unit_price", "tax_label", "amount"),
      lines=(2, 30), extras=_x("norule", "symcell"), font="nimbus-sans", scan="jpegq", optional=("sku",)),
    F("quickbooks-po-ca", "po", "en", "CA", "CAD", "four", "table", money="sym_before", dates="mdy_slash",
      numbers="en", columns=("line_no", "description", "quantity", "unit_price", "amount"), lines=(2, 30),
      extras=_x("qtyunit", "foreign"), font="dejavu-sans", scan="skew", optional=("line_no",), vendor_country="US"),
    F("sage-order-ie", "po", "en", "IE", "EUR", "footvendor", "table", money="code_before", dates="d_mon_long",
      numbers="en", columns=("line_no", "sku", "description", "quantity", "unit", "unit_price", "amount"),
      lines=(2, 32), extras=_x("longdesc", "lineno10", "rdesc", "foreign"), font="nimbus-roman", scan="crease",
      optional=("unit",), vendor_country="GB"),
    F("abacus-bestellung-ch", "po", "de", "CH", "CHF", "grid2", "table", money="code_after", dates="dmy_dot",
      numbers="ch", columns=_STD, lines=(2, 30), extras=_x("caps", "amountfirst", "foreign"), font="urw-gothic",
      scan="rot180", optional=("sku",), vendor_country="DE"),
    F("uniconta-indkob-dk", "po", "da", "DK", "DKK", "buyertitle", "table", money="plain", dates="long",
      numbers="de", columns=("sku", "description", "quantity", "unit_price", "amount"), lines=(2, 34),
      extras=_x("norule", "qtyunit"), font="dejavu-serif", scan="stain"),
    F("fortnox-inkop-se", "po", "sv", "SE", "SEK", "four", "table", money="plain", dates="iso", numbers="fr",
      columns=("line_no", "sku", "description", "quantity", "unit", "unit_price", "amount"), lines=(2, 34),
      extras=_x("longdesc", "zebra", "lineno10"), font="nimbus-sans-narrow", scan="stampover", optional=("sku",)),
    F("comarch-zamowienie-pl", "po", "pl", "PL", "PLN", "footvendor", "table", money="sym_after", dates="long",
      numbers="fr", columns=_STD, lines=(2, 26), extras=_x("longdesc", "symcell", "caps"), font="dejavu-sans",
      scan="holes",
      optional=("sku", "unit")),
    F("sage-commande-fr", "po", "fr", "FR", "EUR", "grid2", "table", money="sym_after", dates="long",
      numbers="fr", columns=_STD, lines=(2, 36), extras=_x("rdesc", "zebra"), font="p052", scan="photo",
      optional=("unit",)),
    F("zucchetti-ordine-it", "po", "it", "IT", "EUR", "four", "table", money="plain", dates="dmy_slash",
      numbers="de", columns=_STD, lines=(2, 30), extras=_x("longdesc", "norule", "caps"), font="c059", scan="coffee",
      optional=("sku",)),
    F("primavera-encomenda-pt", "po", "pt", "PT", "EUR", "buyertitle", "table", money="sym_after",
      dates="long", numbers="fr", columns=("line_no", "sku", "description", "quantity", "unit", "unit_price",
                                             "amount"),
      lines=(2, 26), extras=_x("longdesc", "amountfirst", "lineno10"), font="dejavu-sans-condensed", scan="jpeg150",
      optional=("unit",)),
    F("holded-pedido-es", "po", "es", "ES", "EUR", "footvendor", "table", money="sym_after", dates="dmy_slash",
      numbers="de", columns=("sku", "description", "quantity", "unit_price", "amount"), lines=(2, 48),
      extras=_x("longdesc", "qtyunit", "zebra"), font="nimbus-sans", scan="crease", optional=("sku",)),
    F("rammeavtale-no", "contract", "no", "NO", "NOK", "parties", "table", dates="long", numbers="fr",
      extras=_x("term"), font="dejavu-sans", scan="crease"),
    F("palvelusopimus-fi", "contract", "fi", "FI", "EUR", "clauses", "bullets", dates="long", numbers="fr",
      font="dejavu-serif", scan="photocopy"),
    F("smlouva-o-dilo-cz", "contract", "cs", "CZ", "CZK", "clauses", "appendix", dates="long", numbers="fr",
      extras=_x("term"), font="dejavu-sans", scan="stampover"),
    F("services-deed-au", "contract", "en", "AU", "AUD", "parties", "prose", dates="day_of", numbers="en",
      font="nimbus-roman", scan="shadow"),
    F("dienstverlening-be", "contract", "nl", "BE", "EUR", "clauses", "appendix", dates="long", numbers="de",
      font="nimbus-sans", scan="faxlow"),
    F("rahmenvertrag-at", "contract", "de", "AT", "EUR", "parties", "bullets", dates="long", numbers="de",
      extras=_x("term"), font="dejavu-sans", scan="skew"),
    F("consultancy-ie", "contract", "en", "IE", "EUR", "clauses", "table", dates="d_mon_long", numbers="en",
      font="c059", scan="jpegq"),
    F("contrat-cadre-ch", "contract", "fr", "CH", "CHF", "parties", "prose", dates="long", numbers="ch",
      extras=_x("term"), font="dejavu-serif", scan="holes"),
]  # fmt: skip
BY_NAME = {f.name: f for f in FAMILIES}
# The split: within each kind, the family names sorted, shuffled with random.Random(SPLIT_SEED), the first half
# (rounded up) to dev. Fixed once, before any document of the set was measured.
SPLIT_SEED = 5252
BLIND5_SPLITS: dict[str, list[str]] = split_by_kind(FAMILIES, SPLIT_SEED)


def blind5_families(split: str = "all") -> list[Blind5Family]:
    return split_families(BLIND5_SPLITS, BY_NAME, split)


# ---------------------------------------------------------------- locale: formats

MONTHS5 = {
    **MONTHS4,
    "cs": "ledna února března dubna května června července srpna září října listopadu prosince",
    "fi": "tammikuuta helmikuuta maaliskuuta huhtikuuta toukokuuta kesäkuuta heinäkuuta elokuuta syyskuuta "
    "lokakuuta marraskuuta joulukuuta",
    "no": "januar februar mars april mai juni juli august september oktober november desember",
}


def _ordinal(d: int) -> str:
    return f"{d}{'th' if 10 <= d % 100 <= 20 else {1: 'st', 2: 'nd', 3: 'rd'}.get(d % 10, 'th')}"


def format_day5(day: date, style: str, lang: str) -> str:
    """A date as the document prints it: set 4's styles, plus '5.3.2026', 'the 5th day of March 2026', and the long
    form with Czech, Finnish and Norwegian month names ('5. března 2026', '5. maaliskuuta 2026')."""
    d, m, y = day.day, day.month, day.year
    if style == "dmy_short":
        return f"{d}.{m}.{y}"
    if style == "day_of":
        return f"the {_ordinal(d)} day of {MONTHS5['en'].split()[m - 1]} {y}"
    if style == "long" and lang in {"cs", "fi", "no"}:
        return f"{d}. {MONTHS5[lang].split()[m - 1]} {y}"
    if style == "long" and lang == "fr" and d == 1:
        return f"1er {MONTHS5['fr'].split()[m - 1]} {y}"
    return format_day4(day, style, lang if lang in MONTHS4 else "en")


DATE_STYLES5 = {"CZ": ("dmy_short", "dmy_dot", "long"), "FI": ("dmy_short", "long", "dmy_dot"),
                "NO": ("dmy_dot", "long", "iso"), "BE": ("dmy_slash", "long", "dmy_dash"),
                "AT": ("dmy_dot", "long"), "AU": ("d_mon", "dmy_slash", "d_mon_long"),
                "CA": ("mdy_slash", "iso", "mdy_long"), "IE": ("d_mon_long", "dmy_slash", "d_mon"),
                "CH": ("dmy_dot", "long"), "DK": ("long", "dmy_dot", "dmy_dash"), "SE": ("iso", "long"),
                "PL": ("long", "dmy_dot"), "FR": ("long", "dmy_slash"), "IT": ("dmy_slash", "long"),
                "PT": ("long", "dmy_slash", "iso"), "ES": ("dmy_slash", "long")}  # fmt: skip
NUMBERS5 = {"CZ": ("fr",), "FI": ("fr",), "NO": ("fr", "de"), "BE": ("de", "fr"), "AT": ("de",), "AU": ("en",),
            "CA": ("en",), "IE": ("en",), "CH": ("ch",), "DK": ("de",), "SE": ("fr",), "PL": ("fr",),
            "FR": ("fr",), "IT": ("de",), "PT": ("fr", "de"), "ES": ("de",)}  # fmt: skip
TAX_RATES5 = {"CZ": "21", "FI": "25.5", "NO": "25", "BE": "21", "AT": "20", "AU": "10", "CA": "13", "IE": "23",
              "CH": "8.1", "DK": "25", "SE": "25", "PL": "23", "FR": "20", "IT": "22", "PT": "23",
              "ES": "21"}  # fmt: skip
SYMBOLS5 = {"CZK": "Kč", "EUR": "€", "NOK": "kr", "AUD": "$", "CAD": "$", "CHF": "Fr.", "DKK": "kr", "SEK": "kr",
            "PLN": "zł"}  # fmt: skip
_TAGGED_SYMBOLS = {"€", "zł"}  # symbols that name one currency; the others are printed untagged

# ---------------------------------------------------------------- locale: parties

COMPANIES5 = {
    "CZ": (["Vltavín", "Krkonošská", "Hanácká", "Šumava"], ["strojírna", "stavební", "obchodní"], ["s.r.o.", "a.s."]),
    "FI": (["Kuusijärvi", "Pohjanmaan", "Saimaan", "Koivula"], ["Teräs", "Rakennus", "Konepaja"], ["Oy", "Oyj"]),
    "NO": (["Fjellheim", "Nordkapp", "Vestlandske", "Trollvik"], ["Mekaniske", "Elektro", "Bygg"], ["AS", "ASA"]),
    "BE": (["Van Damme", "De Smet", "Peeters", "Vandenbroucke"], ["Technics", "Bouw", "Logistics"],
           ["BV", "NV", "SRL"]),
    "AT": (["Hinterberger", "Pichler", "Steinwender", "Großglockner"], ["Holzbau", "Maschinenbau", "Elektrotechnik"],
           ["GmbH", "GmbH & Co. KG", "KG"]),
    "HU": (["Tiszavíz", "Balaton", "Kossuth"], ["Gépgyártó", "Műanyag", "Kereskedelmi"], ["Kft.", "Zrt."]),
    "AU": (["Ironbark", "Coolabah", "Murrumbidgee", "Blue Gum"], ["Engineering", "Supplies", "Holdings"],
           ["Pty Ltd", "Pty. Ltd."]),
    "CA": (["Maple Leaf", "Algonquin", "Fraser Valley", "Kootenay"], ["Industrial", "Supply", "Services"],
           ["Ltd", "Inc.", "Corp."]),
    "US": (["Great Plains", "Allegheny", "Cascade Ridge"], ["Components", "Tooling", "Distribution"],
           ["LLC", "Inc."]),
    "IE": (["Connemara", "Liffey", "Wicklow", "Slieve Bloom"], ["Engineering", "Technologies", "Supplies"],
           ["Ltd", "Limited", "DAC"]),
    "GB": (["Pembroke", "Wolds", "Severnside"], ["Components", "Precision", "Traders"], ["Ltd", "Limited"]),
    "CH": (["Matterhorn", "Zürichsee", "Emmental", "Rigi"], ["Präzision", "Apparatebau", "Handels"],
           ["AG", "GmbH", "SA"]),
    "DE": (["Schwarzwald", "Rhön", "Lüneburger"], ["Kunststofftechnik", "Werkzeugbau", "Elektronik"],
           ["GmbH & Co. KG", "GmbH", "AG"]),
    "DK": (["Limfjord", "Himmerland", "Søndervang"], ["Maskinfabrik", "Trælast", "El-teknik"], ["ApS", "A/S"]),
    "SE": (["Vätterns", "Dalarnas", "Gotlands", "Sundsvalls"], ["Verkstad", "Plåt", "Elektriska"], ["AB"]),
    "PL": (["Mazowiecka", "Podhale", "Wielkopolska", "Bałtyk"], ["Hurtownia", "Technika", "Stal"],
           ["Sp. k.", "Sp. z o.o.", "S.A."]),
    "FR": (["Vercors", "Bocage", "Camargue", "Ardennes"], ["Industrie", "Équipements", "Distribution"],
           ["SARL", "SAS", "SA"]),
    "IT": (["Dolomiti", "Brianza", "Val Seriana", "Adriatica"], ["Componenti", "Forniture Industriali", "Plastica"],
           ["SpA", "S.r.l.", "S.a.s."]),
    "PT": (["Douro", "Alentejo", "Minho", "Ribatejo"], ["Equipamentos", "Comércio", "Indústria"],
           ["Lda.", "S.A.", "Unipessoal Lda."]),
    "ES": (["Cantábrica", "Guadalquivir", "Montseny", "Navarra"], ["Suministros", "Industrial", "Técnica"],
           ["S.L.", "S.A.", "S.L.U."]),
}  # fmt: skip
CITIES5 = {
    "CZ": [("Brno", "602 00", "Masarykova"), ("Olomouc", "779 00", "Třída Svobody")],
    "FI": [("Tampere", "33100", "Hämeenkatu"), ("Oulu", "90100", "Kirkkokatu")],
    "NO": [("Bergen", "5014", "Strandgaten"), ("Trondheim", "7011", "Munkegata")],
    "BE": [("Gent", "9000", "Veldstraat"), ("Hasselt", "3500", "Kapelstraat")],
    "AT": [("Graz", "8010", "Herrengasse"), ("Linz", "4020", "Landstraße")],
    "HU": [("Győr", "9021", "Baross Gábor út"), ("Debrecen", "4025", "Piac utca")],
    "AU": [("Newcastle", "NSW 2300", "Hunter Street"), ("Ballarat", "VIC 3350", "Sturt Street")],
    "CA": [("Kelowna", "BC V1Y 1Z1", "Bernard Avenue"), ("Moncton", "NB E1C 1E1", "Main Street")],
    "US": [("Spokane", "WA 99201", "Riverside Avenue"), ("Akron", "OH 44308", "Market Street")],
    "IE": [("Cork", "T12 X2Y4", "Patrick Street"), ("Athlone", "N37 A6F8", "Church Street")],
    "GB": [("Norwich", "NR2 1QN", "London Street"), ("Carlisle", "CA3 8JH", "English Street")],
    "CH": [("Winterthur", "8400", "Marktgasse"), ("Luzern", "6003", "Pilatusstrasse")],
    "DE": [("Freiburg", "79098", "Kaiser-Joseph-Straße"), ("Fulda", "36037", "Bahnhofstraße")],
    "DK": [("Aalborg", "9000", "Bispensgade"), ("Herning", "7400", "Bredgade")],
    "SE": [("Jönköping", "553 20", "Västra Storgatan"), ("Gävle", "803 20", "Nygatan")],
    "PL": [("Poznań", "61-758", "ul. Wrocławska"), ("Lublin", "20-400", "ul. Krakowskie Przedmieście")],
    "FR": [("Grenoble", "38000", "rue Félix Poulat"), ("Tours", "37000", "rue Nationale")],
    "IT": [("Brescia", "25121", "Corso Zanardelli"), ("Udine", "33100", "Via Mercatovecchio")],
    "PT": [("Viseu", "3500-076", "Rua Formosa"), ("Évora", "7000-505", "Rua da República")],
    "ES": [("Valladolid", "47001", "Calle Santiago"), ("Zaragoza", "50001", "Paseo Independencia")],
}  # fmt: skip
COUNTRY_WORDS5 = {"CZ": "Česká republika", "FI": "Suomi", "NO": "Norge", "BE": "België", "AT": "Österreich",
                  "HU": "Magyarország", "AU": "Australia", "CA": "Canada", "US": "USA", "IE": "Ireland",
                  "GB": "United Kingdom", "CH": "Schweiz", "DE": "Deutschland", "DK": "Danmark", "SE": "Sverige",
                  "PL": "Polska", "FR": "France", "IT": "Italia", "PT": "Portugal", "ES": "España"}  # fmt: skip
TAX_LABELS5 = {"CZ": ("DIČ",), "FI": ("Y-tunnus", "ALV-nro"), "NO": ("Org.nr.", "Foretaksregisteret"),
               "BE": ("Ondernemingsnr.", "BTW"), "AT": ("UID", "UID-Nr."), "HU": ("Közösségi adószám",),
               "AU": ("ABN",), "CA": ("BN", "GST/HST No."), "US": ("EIN",), "IE": ("VAT No.", "VAT Reg."),
               "GB": ("VAT Reg No",), "CH": ("UID", "MWST-Nr."), "DE": ("USt-IdNr.",), "DK": ("CVR",),
               "SE": ("Momsreg.nr",), "PL": ("NIP",), "FR": ("TVA intracom.",), "IT": ("P. IVA",),
               "PT": ("NIF",), "ES": ("NIF",)}  # fmt: skip


def tax_id5(rng: random.Random, country: str, label: str = "") -> str | None:
    """A tax id with a valid check digit, printed the way the country writes it; Finland's as a Y-tunnus or as its
    VAT number, Norway's as an organisation number or with 'MVA'."""
    for _ in range(50):
        try:
            return _tax_id5(rng, country, label)
        except ValueError:  # a body with no valid check digit (mod 11): draw another
            continue
    raise RuntimeError(country)


def _tax_id5(rng: random.Random, country: str, label: str) -> str | None:
    if country == "FI" and label.startswith("ALV"):
        return "FI" + _check_search(rng, _digits(rng, 7), string.digits, fi_alv.is_valid)
    if country == "NO" and label == "Org.nr.":
        number = _check_search(rng, "9" + _digits(rng, 7), string.digits, no_orgnr.is_valid)
        return f"{number[:3]} {number[3:6]} {number[6:]}"
    if country == "HU":
        return "HU" + _check_search(rng, _digits(rng, 7), string.digits, hu_anum.is_valid)
    if country == "PT":
        return "PT" + _check_search(rng, _digits(rng, 8), string.digits, pt_nif.is_valid)
    if country in {"CZ", "FI", "NO", "BE", "AT", "IE", "CH", "DE", "IT"}:
        return tax_id3(rng, country)
    return tax_id(rng, country)


def make_party5(rng: random.Random, country: str, avoid: str = "", caps: bool = False) -> BlindParty:
    stems, trades, forms = COMPANIES5[country]
    stem = rng.choice([s for s in stems if not avoid.upper().startswith(s.upper())])
    trade, form = rng.choice(trades), rng.choice(forms)
    name = f"{trade.capitalize()} {stem} {form}" if country in {"CZ", "PL"} and rng.random() < 0.5 else \
        f"{stem} {trade} {form}"  # fmt: skip
    if caps:
        name = name.upper()
    city, post, street = rng.choice(CITIES5[country])
    n = rng.randrange(2, 180)
    if country in {"AU", "CA", "US", "IE", "GB"}:
        street_line, city_line = f"{n} {street}", f"{city} {post}"
    elif country == "FR":
        street_line, city_line = f"{n}, {street}", f"{post} {city}"
    elif country == "CZ":
        street_line, city_line = f"{street} {n}/{rng.randrange(1, 40)}", f"{post} {city}"
    else:
        street_line, city_line = f"{street} {n}", f"{post} {city}"
    label = rng.choice(TAX_LABELS5[country])
    return BlindParty(name, street_line, city_line, COUNTRY_WORDS5[country], label, tax_id5(rng, country, label))


# ---------------------------------------------------------------- locale: words

# This set's wordings, drawn before set 4's for the same language and role (and English's where neither has one).
CAPTIONS5: dict[str, dict[str, tuple[str, ...]]] = {
    "cs": {
        "title": ("Objednávka", "OBJEDNÁVKA", "Objednávka vydaná"), "po_number": ("Číslo objednávky", "Obj. č.",
        "Číslo dokladu"), "order_date": ("Datum vystavení", "Datum", "Vystaveno"),
        "vendor": ("Dodavatel",), "buyer": ("Odběratel", "Objednatel"), "ship": ("Místo dodání", "Dodací adresa"),
        "deliver": ("Příjemce",), "issued": ("Dodavatel", "Vystaveno pro"),
        "payment_terms": ("Splatnost", "Platební podmínky", "Forma úhrady"), "line_no": ("Ř.", "Pol."),
        "sku": ("Kód", "Katalogové č."), "description": ("Název položky", "Popis", "Označení dodávky"),
        "quantity": ("Množství", "Počet"), "unit": ("MJ", "Jedn."), "unit_price": ("Cena za MJ", "Jedn. cena"),
        "amount": ("Celkem", "Cena celkem", "Částka"), "subtotal": ("Základ daně", "Celkem bez DPH"),
        "tax": ("DPH", "Výše DPH"), "total": ("Celkem k úhradě", "Celkem s DPH"), "page": ("Strana",),
        "currency": ("Měna",),
    },
    "fi": {
        "title": ("Ostotilaus", "OSTOTILAUS", "Tilaus"), "po_number": ("Tilausnumero", "Tilaus nro", "Nro"),
        "order_date": ("Päivämäärä", "Tilauspäivä", "Pvm"), "vendor": ("Toimittaja",),
        "buyer": ("Tilaaja", "Ostaja", "Laskutusosoite"), "ship": ("Toimitusosoite",), "deliver": ("Vastaanottaja",),
        "issued": ("Toimittaja",), "payment_terms": ("Maksuehto", "Maksuehdot"), "line_no": ("Rivi", "Nro"),
        "sku": ("Tuotenro", "Tuotekoodi"), "description": ("Tuote", "Nimike", "Kuvaus"),
        "quantity": ("Määrä", "Kpl"), "unit": ("Yks.", "Yksikkö"), "unit_price": ("À-hinta", "Yks.hinta"),
        "amount": ("Yhteensä", "Summa", "Rivisumma"), "subtotal": ("Veroton summa", "Yhteensä alv 0 %"),
        "tax": ("ALV", "Arvonlisävero"), "total": ("Maksettava", "Yhteensä", "Loppusumma"), "page": ("Sivu",),
        "currency": ("Valuutta",),
    },
    "no": {
        "title": ("Innkjøpsordre", "BESTILLING", "Bestilling"), "po_number": ("Ordrenr.", "Bestillingsnr.",
        "Innkjøpsnr."), "order_date": ("Dato", "Ordredato", "Bestillingsdato"), "vendor": ("Leverandør",),
        "buyer": ("Kunde", "Bestiller", "Fakturamottaker"), "ship": ("Leveringsadresse", "Leveres til"),
        "deliver": ("Mottaker", "Varemottak"), "issued": ("Leverandør", "Utstedt til"),
        "payment_terms": ("Betalingsbetingelser", "Betaling"), "line_no": ("Linje", "Nr."),
        "sku": ("Varenr.", "Artikkelnr."), "description": ("Beskrivelse", "Varetekst", "Vare"),
        "quantity": ("Antall", "Ant."), "unit": ("Enhet",), "unit_price": ("Enhetspris", "Pris"),
        "amount": ("Beløp", "Sum", "Linjesum"), "subtotal": ("Sum eks. mva", "Netto"),
        "tax": ("MVA", "Merverdiavgift"), "total": ("Å betale", "Totalt inkl. mva", "Sum inkl. mva"),
        "page": ("Side",), "currency": ("Valuta",),
    },
    "en": {
        "title": ("Purchase Order", "PURCHASE ORDER", "Order Form"), "po_number": ("PO No.", "Order #", "Reference"),
        "order_date": ("Date Raised", "Order Date", "Date"), "issued": ("Issued to", "Supplier", "Order placed with"),
        "vendor": ("Vendor", "Supplier"), "buyer": ("Bill to", "Invoice to"), "ship": ("Ship to",),
        "deliver": ("Deliver to", "Attention"), "tax_label": ("Tax", "GST", "Tax Rate"),
        "line_no": ("Line", "Ln"), "amount": ("Amount", "Line Amount", "Total"),
    },
    "de": {"issued": ("Lieferant", "Bestellt bei", "An"), "deliver": ("Anlieferung", "Empfänger", "Zu Händen"),
           "po_number": ("Bestellnummer", "Beleg-Nr.", "Bestellung Nr."), "line_no": ("Pos.", "Zeile")},
    "nl": {"currency": ("Valuta", "Munt"), "line_no": ("Regel", "Nr."), "issued": ("Leverancier", "Besteld bij"),
           "deliver": ("Leveren aan", "Ter attentie van"),
           "ship": ("Verzendadres", "Afleveradres"), "buyer": ("Factuuradres", "Besteller")},
    "da": {"line_no": ("Linje", "Nr."), "issued": ("Leverandør", "Bestilt hos"), "deliver": ("Modtager", "Att.")},
    "sv": {"issued": ("Leverantör", "Beställt hos"), "deliver": ("Godsmottagare", "Att."), "line_no": ("Rad", "Nr")},
    "pl": {"currency": ("Waluta",), "sku": ("Indeks", "Kod towaru"), "issued": ("Dostawca", "Wystawione dla"),
           "deliver": ("Odbiorca", "Do rąk")},
    "fr": {"currency": ("Devise",), "issued": ("Fournisseur", "Commande passée à"),
           "deliver": ("Destinataire", "À l'attention de")},
    "it": {"currency": ("Valuta", "Divisa"), "line_no": ("Riga", "N."), "issued": ("Fornitore", "Ordine a"),
           "deliver": ("Destinatario", "Alla c.a.")},
    "pt": {"currency": ("Moeda",), "issued": ("Fornecedor", "Emitida a"), "deliver": ("Destinatário", "A/C"),
           "line_no": ("Linha", "N.º")},
    "es": {"currency": ("Moneda", "Divisa"), "issued": ("Proveedor", "Emitido a"),
           "deliver": ("Destinatario", "A la atención de")},
}  # fmt: skip
# where a country words a role its own way (drawn instead of the language's)
COUNTRY_CAPTIONS5: dict[str, dict[str, tuple[str, ...]]] = {
    "AU": {"tax": ("GST", "Total GST")}, "CA": {"tax": ("HST", "GST/HST", "Sales Tax")},
    "IE": {"tax": ("VAT", "VAT Amount")}, "CH": {"tax": ("MWST", "MwSt.")},
    "AT": {"tax": ("USt.", "Umsatzsteuer")}, "BE": {"tax": ("BTW", "Btw-bedrag")},
}  # fmt: skip
# free text the 'Deliver to' block prints (no party name: a dock, a building, a person)
DELIVER_LINES = {"cs": "Sklad", "fi": "Varasto", "no": "Varemottak", "nl": "Magazijn", "de": "Wareneingang",
                 "en": "Goods In", "da": "Varemodtagelse", "sv": "Godsmottagning", "pl": "Magazyn",
                 "fr": "Quai de réception", "it": "Magazzino", "pt": "Armazém", "es": "Almacén"}  # fmt: skip

PRODUCTS5: dict[str, list[tuple[str, str]]] = {
    "cs": [("Šroub šestihranný M10x40 pozink", "ks"), ("Kabel CYKY 3x2,5", "m"), ("Barva základní šedá", "l"),
           ("Rukavice pracovní", "pár"), ("Ocelový plech 2 mm", "kg"), ("Lepidlo montážní 310 ml", "ks")],
    "fi": [("Kuusiokantaruuvi M8x30 sinkitty", "kpl"), ("Kaapeli MMJ 3x1,5", "m"), ("Pohjamaali harmaa", "l"),
           ("Suojakäsineet nitriili", "pari"), ("Teräslevy 3 mm", "kg"), ("Puuruuvi 5x60", "rs")],
    "no": [("Sekskantskrue M12x60 forsinket", "stk"), ("Kabel PFSP 3x2,5", "m"), ("Grunning hvit", "l"),
           ("Arbeidshansker str. 9", "par"), ("Stålplate 4 mm", "kg"), ("Festeklammer 20 mm", "pk")],
    "nl": [("Slotbout M8x60 verzinkt", "st"), ("Kabel XVB 3G2,5", "m"), ("Grondverf wit", "l"),
           ("Werkhandschoenen maat 10", "paar"), ("Stalen plaat 3 mm", "kg"), ("Pluggen 8 mm", "doos")],
    "de": [("Zylinderschraube ISO 4762 M6x20", "Stk"), ("Mantelleitung NYM-J 3x1,5", "m"),
           ("Grundierung weiß", "l"), ("Arbeitshandschuhe Gr. 10", "Paar"), ("Stahlblech 2 mm", "kg"),
           ("Dübel 8 mm", "Pkg")],
    "en": [("Hex bolt M12 x 50, zinc plated", "pcs"), ("Twin and earth cable 2.5mm", "m"), ("Primer, white", "L"),
           ("Work gloves, size 10", "pr"), ("Mild steel plate 3mm", "kg"), ("Wall plugs 8mm, box of 100", "box"),
           ("Safety glasses, clear lens", "pcs"), ("PVC conduit 20mm x 4m", "len")],
    "da": [("Franske skruer 8x80", "stk"), ("Installationskabel 3G1,5", "m"), ("Grunder hvid", "l"),
           ("Arbejdshandsker", "par"), ("Stålplade 2 mm", "kg")],
    "sv": [("Sexkantskruv M10x40 fzb", "st"), ("Installationskabel EKK 3G1,5", "m"), ("Grundfärg vit", "l"),
           ("Arbetshandskar", "par"), ("Stålplåt 2 mm", "kg"), ("Pluggar 8 mm", "fp")],
    "pl": [("Wkręt do drewna 5x60", "szt."), ("Przewód OWY 3x1,5", "m"), ("Grunt akrylowy", "l"),
           ("Rękawice ochronne", "para"), ("Blacha ocynkowana 1 mm", "kg")],
    "fr": [("Boulon tête hexagonale M10x40", "pce"), ("Câble U1000 R2V 3G1,5", "m"), ("Sous-couche blanche", "l"),
           ("Gants de protection", "paire"), ("Tôle acier 2 mm", "kg")],
    "it": [("Bullone testa esagonale M10x40", "pz"), ("Cavo FS17 1,5 mm", "m"), ("Primer bianco", "lt"),
           ("Guanti da lavoro", "paio"), ("Lamiera d'acciaio 2 mm", "kg")],
    "pt": [("Parafuso de cabeça sextavada M8x40", "un"), ("Cabo H07V-K 2,5 mm", "m"), ("Primário branco", "l"),
           ("Luvas de trabalho", "par"), ("Chapa de aço 2 mm", "kg")],
    "es": [("Perno hexagonal M10x40 zincado", "ud"), ("Cable RZ1-K 3G2,5", "m"), ("Imprimación blanca", "l"),
           ("Guantes de trabajo", "par"), ("Chapa de acero 2 mm", "kg"), ("Tacos de nailon 8 mm", "caja")],
}  # fmt: skip
_BULK = {"m", "kg", "l", "L", "lt"}
SPECS = ("RAL 7035 / EN 10346 / drawing", "ISO 9001 cert. / batch", "DIN EN ISO 4017 / ref.",
         "EN 388 4131X / lot", "IEC 60227 / spec.")  # fmt: skip
PAYMENT_TERMS5: dict[str, list[tuple[str, int]]] = {
    "cs": [("14 dní od doručení faktury", 14), ("splatnost 30 dnů", 30), ("převodem, 21 dní", 21)],
    "fi": [("14 pv netto", 14), ("30 päivää netto", 30), ("21 pv", 21)],
    "no": [("30 dager netto", 30), ("Netto pr. 20 dager", 20), ("14 dager", 14)],
    "nl": [("Betaling binnen 30 dagen", 30), ("60 dagen einde maand", 90), ("Netto 45 dagen", 45)],
    "de": [("Zahlbar netto in 30 Tagen", 30), ("Innerhalb 14 Tagen ohne Abzug", 14), ("60 Tage netto", 60)],
    "AU": [("30 days EOM", 60), ("Net 14 days", 14), ("Due 20th of following month", 50)],
    "CA": [("Net 30", 30), ("2% 10, Net 30", 30), ("Due on receipt", 0)],
    "IE": [("30 days from invoice", 30), ("Payment within 60 days", 60), ("Net 45", 45)],
    "da": [("Netto kontant 8 dage", 8), ("Løbende måned + 30 dage", 60), ("14 dage netto", 14)],
    "sv": [("30 dagar netto", 30), ("Betalning inom 20 dagar", 20), ("10 dagar", 10)],
    "pl": [("przelew 30 dni", 30), ("płatne w ciągu 14 dni", 14), ("termin płatności 21 dni", 21)],
    "fr": [("30 jours net", 30), ("45 jours fin de mois", 75), ("À réception de facture", 0)],
    "it": [("Bonifico 30 gg f.m.", 60), ("Ri.Ba. 60 gg d.f.", 60), ("Rimessa diretta vista fattura", 0)],
    "pt": [("A 30 dias", 30), ("Transferência a 60 dias", 60), ("Pronto pagamento", 0)],
    "es": [("Transferencia 30 días f.f.", 30), ("Recibo domiciliado a 60 días", 60), ("Contado", 0)],
}  # fmt: skip


def _sku5(rng: random.Random, fam: Blind5Family) -> str:
    n = rng.randrange(10**5, 10**8)
    style = sum(map(ord, fam.name)) % 6
    pair = rng.choice(string.ascii_uppercase) + rng.choice(string.ascii_uppercase)
    return [f"{n % 10**6:06d}", f"{pair}-{n % 10**4:04d}",
            f"{n % 1000:03d}.{n // 1000 % 1000:03d}", f"ART{n % 10**5:05d}",
            f"{n % 10**4:04d}/{rng.randrange(10, 99)}", f"P{n % 10**7:07d}"][style]  # fmt: skip


def _po_number5(rng: random.Random, fam: Blind5Family, year: int) -> str:
    n = rng.randrange(1, 99999)
    style = sum(map(ord, fam.name)) % 7
    return [f"{year}{n:05d}", f"PO-{n:05d}", f"OBJ{year % 100:02d}-{n % 10000:04d}", f"{n}/{year}",
            f"{rng.randrange(4, 5)}{n:05d}", f"P{year % 100:02d}{n:06d}", f"{year}-{n % 1000:03d}"][style]  # fmt: skip


def _look5(rng: random.Random, fam: Blind5Family) -> dict[str, Any]:
    """What this document draws within its family: captions, columns and their order, formats, totals order."""
    own, base, en, en5 = CAPTIONS5.get(fam.lang, {}), CAPTIONS.get(fam.lang, {}), CAPTIONS["en"], CAPTIONS5["en"]
    captions: dict[str, str] = {}
    for role in sorted(set(en) | set(en5) | set(own) | set(base)):  # sorted: the draws may not follow the hash seed
        choices = own.get(role) or base.get(role) or en5.get(role) or en[role]
        if role in own and role in base and rng.random() < 0.3:
            choices = base[role]
        choices = COUNTRY_CAPTIONS5.get(fam.country, {}).get(role, choices)
        captions[role] = rng.choice(choices)
    cols = [c for c in fam.columns if c not in fam.optional or rng.random() < 0.6]
    if "qtyunit" in fam.extras and "unit" in cols:
        cols.remove("unit")
    if "amountfirst" in fam.extras and "amount" in cols and "unit_price" in cols:
        cols.remove("amount")
        cols.insert(cols.index("unit_price"), "amount")
    elif rng.random() < 0.3 and "quantity" in cols and "description" in cols:
        cols.remove("quantity")
        cols.insert(cols.index("description"), "quantity")
    return {"captions": captions, "columns": cols,
            "dates": rng.choice((fam.dates, *DATE_STYLES5.get(fam.country, ()))),
            "numbers": rng.choice((fam.numbers, *NUMBERS5.get(fam.country, ()))),
            "size": rng.choice([8.0, 8.5, 9.0]),
            "accent": rng.choice([(0.05, 0.3, 0.5), (0.45, 0.15, 0.1), (0.1, 0.4, 0.3), (0.3, 0.3, 0.35)]),
            "totals": rng.choice(["stack", "totalfirst", "strip"]), "numbered": rng.random() < 0.5,
            "tax_ids": rng.random() < 0.75}  # fmt: skip


def sample_po5(rng: random.Random, fam: Blind5Family) -> Order4:
    look = _look5(rng, fam)
    cols = look["columns"]
    caps = "caps" in fam.extras
    buyer = make_party5(rng, fam.country, caps=caps)
    vendor = make_party5(rng, fam.vendor_country or fam.country, avoid=buyer.name, caps=caps)
    ship = replace(make_party5(rng, fam.country), name=buyer.name)
    lo, hi = fam.lines
    n = rng.randrange(hi // 2, hi + 1) if rng.random() < 0.25 else min(hi, lo + int(rng.expovariate(1 / 10)))
    pool = PRODUCTS5.get(fam.lang, PRODUCTS5["en"])
    with_unit = "unit" in cols or "qtyunit" in fam.extras
    lines: list[POLine] = []
    for k in range(n):
        desc, unit = pool[k % len(pool)] if k < len(pool) else rng.choice(pool)
        if k >= len(pool):
            desc = f"{desc} {rng.choice(['A', 'B', 'C', 'XL', '2', '3'])}"
        if "longdesc" in fam.extras and rng.random() < 0.45:  # a specification that wraps the row onto two lines
            desc = f"{desc}, {rng.choice(SPECS)} {rng.randrange(100, 9999)}-{rng.choice('ABCDE')}"
        qty = Decimal(rng.choice([1, 2, 3, 4, 5, 6, 8, 10, 12, 15, 20, 25, 40, 50, 100, 250]))
        if unit in _BULK and rng.random() < 0.5:
            qty = Decimal(rng.randrange(5, 600)) / rng.choice([2, 4, 10])
        top = 250000 if fam.currency in {"CZK", "NOK", "SEK", "DKK"} else 40000
        price = q2(Decimal(rng.randrange(40, top)) / 100)
        amount = q2(qty * price)
        lines.append(POLine(_sku5(rng, fam) if "sku" in cols else None, desc, qty, unit if with_unit else None,
                            price, None, None, amount))  # fmt: skip
    year = rng.randrange(2024, 2028)
    order_date = date(year, 1, 1) + timedelta(days=rng.randrange(0, 364))
    terms = rng.choice(PAYMENT_TERMS5.get(fam.country) or PAYMENT_TERMS5.get(fam.lang) or PAYMENT_TERMS5["IE"])
    po = priced_order(_po_number5(rng, fam, year), order_date, buyer, vendor, ship, terms, lines, Decimal(0),
                      Decimal("0.00"), Decimal(TAX_RATES5[fam.country]), False, True)  # fmt: skip
    if not look["tax_ids"]:
        po = replace(po, buyer=replace(buyer, tax_id=None))
    m = len(lines)
    return Order4(po, [1] * m, [""] * m, [""] * m, [""] * m, [False] * m, look)


# ---------------------------------------------------------------- drawing the order


class PO5Writer(PO4Writer):
    # the set's currency symbols; those that name one currency (tagged); whether the currency is tagged only
    # beside a tagged amount (set 6) or beside any amount outside the lines (this set)
    symbols: ClassVar[dict[str, str]] = SYMBOLS5
    tagged_symbols: ClassVar[set[str]] = _TAGGED_SYMBOLS
    currency_beside_tag: ClassVar[bool] = False

    def __init__(self, rng: random.Random, fam: Blind5Family, order: Order4) -> None:
        super().__init__(rng, fam, order)
        self.look = order.look
        self.vendor_footer = False

    def day(self, value: date) -> str:
        return format_day5(value, self.fam.dates, self.fam.lang)

    def money(self, x: float, y: float, value: Decimal, tag: str | None, *, bold: bool = False,
              row: int | None = None, sign: str = "", style: str | None = None) -> None:  # fmt: skip
        style = style or self.fam.money
        number = self.num(value)
        if style == "plain":
            self.t(x, y, number, tag, bold=bold, align="right", row=row)
            return
        symbol = self.symbols[self.fam.currency] if style.startswith("sym") else self.fam.currency
        tagged = symbol in self.tagged_symbols or not style.startswith("sym")
        beside = bool(tag) or not self.currency_beside_tag
        cur_tag = "currency" if tagged and not self.currency_shown and row is None and beside else None
        self.currency_shown = self.currency_shown or cur_tag is not None
        space = width(" ", self.f.regular, self.size)
        first, second = (number, symbol) if style.endswith("before") else (symbol, number)
        tags = (tag, cur_tag) if style.endswith("before") else (cur_tag, tag)
        w = self.t(x, y, first, tags[0], bold=bold, align="right", row=row)
        self.t(x - w - space, y, second, tags[1], bold=bold, align="right", row=row)

    # -- the header
    def info(self) -> list[tuple[str, str, str | None]]:
        rows = super().info()
        if self.look["numbered"]:  # the number sits beside the title, without a caption
            rows = [r for r in rows if r[2] != "po_number"]
        return rows

    def title_number(self, x: float, y: float, scale: float, align: str = "left") -> None:
        """The title and, where the look says so, the order number after it with no caption between."""
        title = self.c["title"]
        if not self.look["numbered"]:
            self.t(x, y, title, bold=True, scale=scale, align=align, color=self.accent)
            return
        gap = width("  ", self.f.bold, self.size * scale)
        tw = width(title, self.f.bold, self.size * scale)
        nw = width(self.m.number, self.f.bold, self.size * scale)
        start = x - tw - gap - nw if align == "right" else x
        self.t(start, y, title, bold=True, scale=scale, color=self.accent)
        self.t(start + tw + gap, y, self.m.number, "po_number", bold=True, scale=scale)

    def kv_right(self, rows: list[tuple[str, str, str | None]], y: float) -> float:
        """Caption / value pairs set against the right margin: the values' column as wide as the widest value."""
        values_w = max((width(v, self.f.regular, self.size) for _c, v, _t in rows), default=0.0)
        captions_w = max((width(c + ":", self.f.bold, self.size * 0.9) for c, _v, _t in rows), default=0.0)
        value_x = min(self.right - 90, self.right - values_w)
        return self.kv(rows, value_x - captions_w - 10, value_x, y)

    def tax_line(self, x: float, y: float, party: BlindParty, tag: str, scale: float = 0.85) -> None:
        if party.tax_id and party.tax_label:
            self.pair(x, y, f"{party.tax_label}:", party.tax_id, tag, scale=scale, bold_caption=False)

    def head_buyertitle(self) -> None:
        """The buyer's logo and name as the page's large title; the supplier in a ruled box under 'Issued to'."""
        m = self.m
        draw_logo(self.page, self.rng, self.left, self.y - 4, self.size * 4)
        x = self.left + self.size * 5
        scale = min(2.1, (self.right - x) / width(m.buyer.name, self.f.bold, self.size))  # a long name shrinks
        self.t(x, self.y + self.size * 2, m.buyer.name, "buyer_name", bold=True, scale=scale, color=self.accent)
        self.t(x, self.y + self.size * 2 + self.lead * 1.6, f"{m.buyer.street}, {m.buyer.city}", scale=0.85,
               grey=True)  # fmt: skip
        self.tax_line(x, self.y + self.size * 2 + self.lead * 2.6, m.buyer, "buyer_tax_id")
        self.y += self.lead * 5.5
        self.title_number(self.left, self.y + self.size * 1.5, 1.5)
        self.y += self.lead * 2.5
        top = self.y
        end = self.kv(self.info(), self.left, self.left + 110, top)
        box_x = self.left + (self.right - self.left) * 0.52
        box_w = self.right - box_x
        self.t(box_x, top + self.size, self.c["issued"], scale=0.8, grey=True)
        bottom = self.block(box_x + 6, top + self.lead * 1.3, box_w - 12, None, m.vendor, "vendor_name", True)
        self.page.rect(box_x, top + self.lead * 0.9, box_w, bottom - top - self.lead * 0.6, line_width=0.7)
        self.y = max(end, bottom) + self.lead
        if self.rng.random() < 0.5:
            self.t(self.left, self.y + self.size, f"{self.c['ship']}: {m.ship_to.street}, {m.ship_to.city}",
                   scale=0.9)  # fmt: skip
            self.y += self.lead * 1.6

    def head_footvendor(self) -> None:
        """The buyer's letterhead centred; the supplier is named only in a footer line with its tax id."""
        m = self.m
        mid = self.pw / 2
        scale = min(1.6, (self.right - self.left) / width(m.buyer.name, self.f.bold, self.size))
        self.t(mid, self.y + self.size * 1.6, m.buyer.name, "buyer_name", bold=True, scale=scale, align="center")
        self.t(mid, self.y + self.lead * 2.4, f"{m.buyer.street} · {m.buyer.city} · {m.buyer.country}", scale=0.85,
               grey=True, align="center")  # fmt: skip
        if m.buyer.tax_id and m.buyer.tax_label:
            full = width(f"{m.buyer.tax_label}: {m.buyer.tax_id}", self.f.regular, self.size * 0.85)
            self.tax_line(mid - full / 2, self.y + self.lead * 3.3, m.buyer, "buyer_tax_id")
        self.page.line(self.left, self.y + self.lead * 4, self.right, self.y + self.lead * 4, 0.6, self.accent)
        self.y += self.lead * 5.2
        self.title_number(self.left, self.y + self.size * 1.5, 1.6)
        top = self.y
        end = self.kv_right(self.info(), top)
        ship_top = top + self.lead * 2.6
        self.y = max(end, self.block(self.left, ship_top, 220, self.c["ship"], m.ship_to, None)) + self.lead
        self.vendor_footer = True

    def head_grid2(self) -> None:
        """Both parties and the order facts in a grid of two rows: captions in shaded cells, values under them."""
        m = self.m
        self.title_number(self.right, self.y + self.size * 1.8, 1.7, "right")
        draw_logo(self.page, self.rng, self.left, self.y - 4, self.size * 3.2)
        self.y += self.lead * 3.2
        facts = self.info()
        parties = [(self.c["buyer"], m.buyer, "buyer_name"), (self.c["vendor"], m.vendor, "vendor_name")]
        if self.rng.random() < 0.5:
            parties.reverse()
        total = self.right - self.left
        party_w = total * 0.3
        fact_w = (total - 2 * party_w) / max(1, len(facts))
        cap_h = self.lead * 1.3
        top = self.y
        x = self.left
        bottom = top + cap_h + self.lead * 3
        spans: list[float] = []
        for caption, party, party_tag in parties:
            self.page.rect(x, top, party_w, cap_h, stroke=None, fill=(0.86, 0.88, 0.9))
            self.t(x + 3, top + self.size + 1, caption, bold=True, scale=0.85)
            y = self.block(x + 3, top + cap_h + 2, party_w - 8, None, party, party_tag, True)
            bottom = max(bottom, y + 3)
            spans.append(x)
            x += party_w
        for caption, value, tag in facts:
            self.page.rect(x, top, fact_w, cap_h, stroke=None, fill=(0.86, 0.88, 0.9))
            fit = min(0.85, (fact_w - 6) / width(caption, self.f.bold, self.size))
            self.t(x + 3, top + self.size + 1, caption, bold=True, scale=fit)
            ent = Entity(tag) if tag else None  # one entity for the value's lines
            for k, line in enumerate(wrap(value, self.f.regular, self.size, fact_w - 6)):
                self.t(x + 3, top + cap_h + self.size + 2 + k * self.lead, line, entity=ent)
            spans.append(x)
            x += fact_w
        spans.append(self.right)
        self.page.rect(self.left, top, total, bottom - top, line_width=0.6)
        self.page.line(self.left, top + cap_h, self.right, top + cap_h, 0.6)
        for sx in spans[1:-1]:
            self.page.line(sx, top, sx, bottom, 0.6)
        self.y = bottom + self.lead

    def head_four(self) -> None:
        """Four address blocks in a row: bill to (the buyer), ship to, deliver to, and the vendor."""
        m = self.m
        self.title_number(self.left, self.y + self.size * 1.8, 1.8)
        end = self.kv_right(self.info(), self.y)
        self.y = max(end, self.y + self.lead * 2.5) + self.lead
        quarter = (self.right - self.left) / 4
        deliver = BlindParty(DELIVER_LINES.get(self.fam.lang, "Goods In"), m.ship_to.street, m.ship_to.city,
                             m.ship_to.country, None, None)  # fmt: skip
        blocks: list[tuple[str, BlindParty, str | None]] = [
            (self.c["buyer"], m.buyer, "buyer_name"), (self.c["ship"], m.ship_to, None),
            (self.c["deliver"], deliver, None), (self.c["vendor"], m.vendor, "vendor_name")]  # fmt: skip
        if self.rng.random() < 0.4:  # the vendor first
            blocks.insert(0, blocks.pop())
        bottom = self.y
        for k, (caption, party, tag) in enumerate(blocks):
            bottom = max(bottom, self.block(self.left + k * quarter, self.y, quarter - 8, caption, party, tag, True))
        self.y = bottom + self.lead

    # -- the items
    def cell(self, role: str, i: int, ln: POLine) -> list[tuple[str, str | None]]:
        if role == "line_no":
            return [(str((i + 1) * (10 if "lineno10" in self.fam.extras else 1)), None)]
        if role == "quantity" and "qtyunit" in self.fam.extras and ln.unit:
            return [(self.qty(ln.quantity), "quantity"), (ln.unit, "unit")]
        if role == "tax_label":
            return [(self.pct(Decimal(TAX_RATES5[self.fam.country])), None)]
        if role in {"unit_price", "amount"} and "symcell" in self.fam.extras:
            value = ln.unit_price if role == "unit_price" else ln.amount
            symbol = SYMBOLS5[self.fam.currency]
            if self.fam.money.endswith("before"):
                return [(symbol, None), (self.num(value), role)]
            return [(self.num(value), role), (symbol, None)]
        return super().cell(role, i, ln)

    def columns(self) -> list[tuple[str, float, float, str]]:
        weights = {**_WEIGHTS, "tax_label": 0.07}
        free = 1.0 - sum(weights.get(r, 0.0) for r in self.cols_roles)
        x = self.left
        cols = []
        for role in self.cols_roles:
            w = (self.right - self.left) * (weights.get(role) or free)
            cols.append((role, x, x + w, "right" if role in _RIGHT | {"tax_label"} else "left"))
            x += w
        return cols

    def table_header(self, cols: list[tuple[str, float, float, str]]) -> None:
        h = self.lead * 1.6
        if "norule" not in self.fam.extras:
            self.page.rect(self.left, self.y, self.right - self.left, h, stroke=None, fill=(0.9, 0.91, 0.93))
        for role, x0, x1, align in cols:
            if role == "description" and "rdesc" in self.fam.extras:
                align = "right"
            x = x1 - 3 if align == "right" else x0 + 3
            self.t(x, self.y + self.lead, self.c[role], bold=True, scale=0.85, align=align)
        if "norule" not in self.fam.extras:
            self.page.line(self.left, self.y + h, self.right, self.y + h, 0.6)
        self.y += h + 3

    def desc_width(self, cols: list[tuple[str, float, float, str]]) -> float:
        """The description's wrap width: its column, or a fixed 40-odd characters where the system cuts there."""
        w = next(x1 - x0 for r, x0, x1, _a in cols if r == "description") - 6
        return min(w, self.size * 24) if "longdesc" in self.fam.extras else w

    def row5(self, cols: list[tuple[str, float, float, str]], i: int, ln: POLine) -> None:
        desc_w = self.desc_width(cols)
        lines = wrap(ln.description, self.f.regular, self.size, desc_w)
        h = self.lead * len(lines)
        if "zebra" in self.fam.extras and i % 2 == 0:
            self.page.rect(self.left, self.y - 1, self.right - self.left, h + 2, stroke=None, fill=(0.92, 0.94, 0.96))
        base = self.y + self.size
        for role, x0, x1, align in cols:
            if role == "description":
                ent = Entity("description", row=i)
                right = "rdesc" in self.fam.extras
                for k, line in enumerate(lines):
                    self.t(x1 - 3 if right else x0 + 3, base + k * self.lead, line, entity=ent, row=i,
                           align="right" if right else "left")  # fmt: skip
                continue
            words = self.cell(role, i, ln)
            x = x1 - 3 if align == "right" else x0 + 3
            for text, tag in reversed(words) if align == "right" else words:
                w = self.t(x, base, text, tag, row=i, align=align)
                x += -w - 3 if align == "right" else w + 3
        self.y += h + 4

    def table(self, rows: list[int] | None = None, heading: str | None = None) -> None:
        cols = self.columns()
        self.table_header(cols)
        ruled = "norule" not in self.fam.extras and "zebra" not in self.fam.extras
        for i, ln in enumerate(self.m.lines):
            n_lines = len(wrap(ln.description, self.f.regular, self.size, self.desc_width(cols)))
            if self.y + self.lead * (n_lines + 1) > self.bottom():
                self.new_page()
                self.t(self.right, self.y + self.size, f"{self.c['title']} {self.m.number}", scale=0.8, grey=True,
                       align="right")  # fmt: skip
                self.y += self.lead * 2
                self.table_header(cols)
            self.row5(cols, i, ln)
            if ruled:
                self.page.line(self.left, self.y - 1, self.right, self.y - 1, 0.3, (0.6, 0.6, 0.6))
        if "norule" not in self.fam.extras:
            self.page.line(self.left, self.y + 1, self.right, self.y + 1, 0.8)
        self.y += self.lead

    # -- totals
    def totals(self) -> None:
        m, c = self.m, self.c
        if self.y + self.lead * 6 > self.bottom():
            self.new_page()
            self.y += self.lead
        (rate,) = m.tax_by_rate
        tax_caption = c["tax"] if "%" in c["tax"] or self.rng.random() < 0.4 else f"{c['tax']} {self.pct(rate)}"
        rows = [(c["subtotal"], m.subtotal, "subtotal"), (tax_caption, m.tax_total, "tax_total"),
                (c["total"], m.total, "total")]  # fmt: skip
        order = self.look["totals"]
        if order == "strip":  # captions in a row, values under them
            w = (self.right - self.left) * 0.6 / 3
            x = self.right - 3 * w
            self.page.rect(x, self.y, 3 * w, self.lead * 1.4, stroke=None, fill=(0.9, 0.91, 0.93))
            for k, (caption, value, tag) in enumerate(rows):
                self.t(x + (k + 1) * w - 4, self.y + self.lead, caption, bold=True, scale=0.85, align="right")
                self.money(x + (k + 1) * w - 4, self.y + self.lead * 2.5, value, tag, bold=tag == "total")
            self.y += self.lead * 3.2
        else:
            if order == "totalfirst":
                rows = [rows[2], rows[0], rows[1]]
            x_cap = self.right - 210
            for caption, value, tag in rows:
                self.t(x_cap, self.y + self.size, caption, bold=tag == "total")
                self.money(self.right, self.y + self.size, value, tag, bold=tag == "total")
                self.y += self.lead * 1.25
        if not self.currency_shown:  # plain figures, or a symbol several currencies print: the code below
            caption = c["currency"].rstrip(":") + ":"
            self.pair(self.right - 210, self.y + self.size, caption, self.fam.currency, "currency", scale=0.85,
                      bold_caption=False)  # fmt: skip
            self.currency_shown = True
            self.y += self.lead

    def footers(self) -> None:
        n = len(self.pages)
        for k, page in enumerate(self.pages):
            text = f"{self.c['page']} {k + 1}/{n}"
            page.text(self.right, self.ph - self.margin * 0.6, text, self.f.regular, self.size * 0.8, align="right")
            if self.vendor_footer:  # the supplier's name and tax id, tagged on the first page's footer only
                v = self.m.vendor
                self.page = page
                y = self.ph - self.margin * 0.6 - self.lead * 1.2
                page.line(self.left, y - self.size * 1.2, self.right, y - self.size * 1.2, 0.4, (0.5, 0.5, 0.5))
                x = self.left
                x += self.t(x, y, f"{self.c['issued']}:", scale=0.8, grey=True) + 4
                x += self.t(x, y, v.name, "vendor_name" if k == 0 else None, scale=0.8, bold=True)
                x += self.t(x, y, f", {v.street}, {v.city}, {v.country}", scale=0.8) + 4
                if v.tax_id and v.tax_label:
                    x += self.t(x, y, f"· {v.tax_label}", scale=0.8) + 4
                    self.t(x, y, v.tax_id, "vendor_tax_id" if k == 0 else None, scale=0.8)

    def write(self) -> None:
        getattr(self, f"head_{self.fam.header}")()
        self.table()
        self.totals()
        self.footers()


def make_blind5_po(seed: int, fam: Blind5Family, doc_id: str | None = None) -> GeneratedDoc:
    return make_set_po(seed, fam, doc_id, set_no=5, sample=sample_po5, writer_of=PO5Writer)


# ---------------------------------------------------------------- contracts

# Per family: the words a contract is made of. {eff}, {exp}, {buyer}, {vendor}, {terms}, {cur} are tagged values;
# {btax}/{vtax} become ', <label> <id>' or nothing; 'dur' replaces 'term' where the expiry is a duration.
CONTRACT_TEXT5: dict[str, dict[str, Any]] = {
    "rammeavtale-no": {
        "title": ("RAMMEAVTALE", "Rammeavtale om levering av tjenester"), "number": ("Avtalenr.", "Saksnr."),
        "roles": ("Kunden", "Leverandøren"), "sign": "For", "between": ("Mellom", "og"),
        "intro": "Denne avtalen er inngått {eff} mellom {buyer}{btax} (Kunden) og {vendor}{vtax} (Leverandøren).",
        "term": "Avtalen gjelder til og med {exp}.",
        "dur": "Avtalen gjelder fra {eff2} og løper i {n} {unit}.", "units": ("måneder", "år"),
        "pay": "Alle priser er oppgitt i {cur} eksklusive merverdiavgift. Betaling skjer {terms}.",
        "filler": ["Leverandøren skal utføre oppdragene faglig forsvarlig og i samsvar med Kundens bestillinger.",
                   "Partene skal behandle all informasjon om hverandre konfidensielt.",
                   "Tvister søkes løst ved forhandlinger; verneting er Bergen tingrett."],
        "annex": ("Priser", "Prisliste"), "cols": ("Tjeneste", "Enhet", "Pris"),
        "terms": [("30 dager netto", 30), ("innen 14 dager fra fakturadato", 14)],
        "services": [("Prosjektleder", "time"), ("Seniorrådgiver", "time"), ("Montør", "time"),
                     ("Kjøring", "km"), ("Serviceavtale", "måned"), ("Befaring", "stk")],
    },
    "palvelusopimus-fi": {
        "title": ("PALVELUSOPIMUS", "Palvelusopimus"), "number": ("Sopimusnumero", "Sopimus nro"),
        "roles": ("Tilaaja", "Palveluntuottaja"), "sign": "",
        "intro": "Tämä sopimus on tehty {eff} {buyer}{btax} (Tilaaja) ja {vendor}{vtax} (Palveluntuottaja) välillä.",
        "term": "Sopimus on voimassa {exp} saakka.",
        "pay": "Hinnat ilmoitetaan valuutassa {cur} ilman arvonlisäveroa. Maksuehto {terms}.",
        "filler": ["Palveluntuottaja vastaa siitä, että palvelut suoritetaan ammattitaitoisesti.",
                   "Osapuolet sitoutuvat pitämään luottamuksellisina toisiltaan saamansa tiedot.",
                   "Sopimukseen sovelletaan Suomen lakia."],
        "annex": ("Hinnat", "Palveluiden hinnat"), "bullet": "{service}: {rate} {cur} / {unit}",
        "terms": [("14 pv netto", 14), ("30 päivää laskun päiväyksestä", 30)],
        "services": [("Asiantuntijatyö", "tunti"), ("Projektinhallinta", "tunti"), ("Ylläpito", "kuukausi"),
                     ("Koulutus", "päivä"), ("Matkakulut", "km")],
    },
    "smlouva-o-dilo-cz": {
        "title": ("SMLOUVA O POSKYTOVÁNÍ SLUŽEB", "Smlouva o dílo"), "number": ("Číslo smlouvy", "Č. j."),
        "roles": ("Objednatel", "Zhotovitel"), "sign": "Za",
        "intro": "Smluvní strany {buyer}{btax} (Objednatel) a {vendor}{vtax} (Zhotovitel) uzavírají dne {eff} "
                 "tuto smlouvu.",
        "term": "Smlouva se uzavírá na dobu určitou do {exp}.",
        "dur": "Smlouva se uzavírá na dobu {n} {unit} ode dne {eff2}.", "units": ("měsíců", "let"),
        "pay": "Ceny jsou uvedeny v {cur} bez DPH. Faktury jsou splatné {terms}.",
        "filler": ["Zhotovitel provede práce s odbornou péčí a v souladu s pokyny Objednatele.",
                   "Smluvní strany se zavazují zachovávat mlčenlivost o důvěrných informacích.",
                   "Tato smlouva se řídí právním řádem České republiky."],
        "annex": ("Příloha č. 1 – Ceník", "Příloha 1: Ceník služeb"), "cols": ("Služba", "Jednotka", "Cena"),
        "terms": [("do 14 dnů od doručení faktury", 14), ("do 30 dnů", 30)],
        "services": [("Servisní technik", "hod."), ("Revize zařízení", "ks"), ("Doprava", "km"),
                     ("Projektová dokumentace", "ks"), ("Pohotovost", "den")],
    },
    "services-deed-au": {
        "title": ("SERVICES AGREEMENT", "Deed of Agreement for Services"), "number": ("Agreement No.", "Ref"),
        "roles": ("Principal", "Contractor"), "sign": "Executed by the", "between": ("BETWEEN", "AND"),
        "intro": "This Agreement is made on {eff} between {buyer}{btax} (the Principal) and {vendor}{vtax} "
                 "(the Contractor).",
        "term": "This Agreement ends on {exp} unless terminated earlier in accordance with clause 8.",
        "pay": "All rates are in {cur} and exclusive of GST. The Principal shall pay each invoice {terms}.",
        "filler": ["The Contractor must perform the Services with due care, skill and diligence.",
                   "The Contractor must hold public liability insurance of not less than ten million dollars.",
                   "This Agreement is governed by the laws of New South Wales."],
        "annex": ("Rates", "Schedule of Rates"),
        "prose": "The {service} is charged at {rate} {cur} per {unit}.",
        "terms": [("within 30 days of receipt of a correct tax invoice", 30), ("within 14 days", 14)],
        "services": [("site supervisor", "hour"), ("labourer", "hour"), ("excavator hire", "day"),
                     ("traffic control", "shift"), ("waste removal", "load")],
    },
    "dienstverlening-be": {
        "title": ("OVEREENKOMST VAN DIENSTVERLENING", "Dienstverleningsovereenkomst"),
        "number": ("Referentie", "Contractnr."), "roles": ("de Klant", "de Dienstverlener"), "sign": "Voor",
        "intro": "Tussen {buyer}{btax}, hierna de Klant, en {vendor}{vtax}, hierna de Dienstverlener, wordt op "
                 "{eff} het volgende overeengekomen.",
        "term": "Deze overeenkomst eindigt van rechtswege op {exp}.",
        "pay": "De vergoedingen zijn uitgedrukt in {cur}, exclusief btw, en betaalbaar {terms}.",
        "filler": ["De Dienstverlener voert de diensten uit als een goed huisvader.",
                   "Elke partij behandelt de vertrouwelijke informatie van de andere partij strikt vertrouwelijk.",
                   "Op deze overeenkomst is het Belgisch recht van toepassing; de rechtbanken van Gent zijn "
                   "bevoegd."],
        "annex": ("Bijlage A – Tarieven", "Bijlage 1: Tarieflijst"), "cols": ("Dienst", "Eenheid", "Tarief"),
        "terms": [("binnen 30 dagen na factuurdatum", 30), ("binnen 60 dagen einde maand", 90)],
        "services": [("Consultant", "uur"), ("Technicus", "uur"), ("Verplaatsing", "km"), ("Onderhoud", "maand"),
                     ("Opleiding", "dag")],
    },
    "rahmenvertrag-at": {
        "title": ("RAHMENVERTRAG", "Rahmenvereinbarung über Dienstleistungen"), "number": ("Vertragsnummer", "GZ"),
        "roles": ("Auftraggeber", "Auftragnehmer"), "sign": "Für den", "between": ("zwischen", "und"),
        "intro": "Dieser Vertrag wird am {eff} zwischen {buyer}{btax} (Auftraggeber) und {vendor}{vtax} "
                 "(Auftragnehmer) geschlossen.",
        "term": "Der Vertrag endet am {exp}.",
        "dur": "Der Vertrag beginnt am {eff2} und wird auf die Dauer von {n} {unit} abgeschlossen.",
        "units": ("Monaten", "Jahren"),
        "pay": "Alle Preise verstehen sich in {cur} zuzüglich USt. Zahlung {terms}.",
        "filler": ["Der Auftragnehmer erbringt die Leistungen nach dem Stand der Technik.",
                   "Die Vertragspartner verpflichten sich zur Verschwiegenheit.",
                   "Es gilt österreichisches Recht; Gerichtsstand ist Graz."],
        "annex": ("Preise", "Preisblatt"), "bullet": "{service} – {rate} {cur} je {unit}",
        "terms": [("binnen 30 Tagen netto", 30), ("14 Tage abzugsfrei", 14)],
        "services": [("Techniker", "Stunde"), ("Projektleitung", "Stunde"), ("Wartungspauschale", "Monat"),
                     ("Fahrtkosten", "km"), ("Schulung", "Tag")],
    },
    "consultancy-ie": {
        "title": ("CONSULTANCY AGREEMENT", "Agreement for Consultancy Services"),
        "number": ("Contract No.", "Our ref."), "roles": ("Client", "Consultant"), "sign": "Signed for the",
        "intro": "THIS AGREEMENT dated {eff} is made between {buyer}{btax} (the Client) and {vendor}{vtax} "
                 "(the Consultant).",
        "term": "The engagement runs from the date of this Agreement until {exp}.",
        "pay": "Fees are stated in {cur} exclusive of VAT and are payable {terms}.",
        "filler": ["The Consultant shall provide the Services using appropriately skilled personnel.",
                   "Intellectual property in the deliverables vests in the Client on payment.",
                   "This Agreement is governed by the laws of Ireland."],
        "annex": ("Schedule 1 – Fees", "Fee Schedule"), "cols": ("Service", "Unit", "Fee"),
        "terms": [("within 30 days of invoice", 30), ("net 45 days", 45)],
        "services": [("Senior consultant", "day"), ("Consultant", "day"), ("Workshop facilitation", "session"),
                     ("Report preparation", "report"), ("Travel", "trip")],
    },
    "contrat-cadre-ch": {
        "title": ("CONTRAT-CADRE DE PRESTATIONS", "Contrat-cadre"), "number": ("N° de contrat", "Réf."),
        "roles": ("le Mandant", "le Mandataire"), "sign": "Pour", "between": ("entre", "et"),
        "intro": "Le présent contrat est conclu le {eff} entre {buyer}{btax} (le Mandant) et {vendor}{vtax} "
                 "(le Mandataire).",
        "term": "Le contrat prend fin le {exp}.",
        "dur": "Le contrat entre en vigueur le {eff2} pour une durée de {n} {unit}.", "units": ("mois", "ans"),
        "pay": "Les prix s'entendent en {cur}, hors TVA. Les factures sont payables {terms}.",
        "filler": ["Le Mandataire exécute les prestations avec diligence et selon les règles de l'art.",
                   "Les parties s'engagent à garder confidentielles les informations échangées.",
                   "Le for juridique est à Lausanne; le droit suisse est applicable."],
        "annex": ("Tarifs", "Rémunération"), "prose": "La prestation {service} est facturée {rate} {cur} par {unit}.",
        "terms": [("à 30 jours net", 30), ("dans les 10 jours", 10)],
        "services": [("d'ingénieur", "heure"), ("de dessinateur", "heure"), ("de chef de projet", "jour"),
                     ("de déplacement", "km"), ("de maintenance", "mois")],
    },
}  # fmt: skip


def _contract_number5(rng: random.Random, fam: Blind5Family, year: int) -> str:
    n = rng.randrange(1, 9999)
    return {"rammeavtale-no": f"RA-{year}-{n:04d}", "palvelusopimus-fi": f"{year}/{n % 1000:03d}",
            "smlouva-o-dilo-cz": f"SOD {n % 1000}/{year}", "services-deed-au": f"SA{year % 100:02d}{n:04d}",
            "dienstverlening-be": f"DV/{year}/{n % 100:02d}", "rahmenvertrag-at": f"RV-{n:04d}-{year % 100:02d}",
            "consultancy-ie": f"CA-{n:04d}", "contrat-cadre-ch": f"CC {year}.{n % 1000:03d}"}[fam.name]  # fmt: skip


def sample_contract5(rng: random.Random, fam: Blind5Family) -> Contract2:
    text = CONTRACT_TEXT5[fam.name]
    buyer = make_party5(rng, fam.country)
    vendor = make_party5(rng, fam.country, avoid=buyer.name)
    effective = date(rng.randrange(2024, 2028), 1, 1) + timedelta(days=rng.randrange(0, 364))
    term: tuple[int, str] | None = None
    if "term" in fam.extras and rng.random() < 0.75:
        term = rng.choice([(6, "months"), (12, "months"), (18, "months"), (24, "months"), (2, "years"),
                           (3, "years")])  # fmt: skip
        expiry = effective + relativedelta(months=term[0] * (12 if term[1] == "years" else 1)) - timedelta(days=1)
    else:
        expiry = effective + relativedelta(months=rng.choice([6, 12, 24, 36])) - timedelta(days=rng.choice([0, 1]))
    pool = text["services"]
    chosen = rng.sample(pool, rng.randrange(2, len(pool) + 1))
    rates = [(s, u, q2(Decimal(rng.randrange(2500, 300000 if fam.currency in {"CZK", "NOK"} else 40000)) / 100))
             for s, u in chosen]  # fmt: skip
    number = _contract_number5(rng, fam, effective.year)
    return Contract2(number, effective, expiry, term, buyer, vendor, rng.choice(text["terms"]), rates)


class Contract5Writer(Contract4Writer):
    def __init__(self, rng: random.Random, fam: Blind5Family, model: Contract2) -> None:
        dates = rng.choice((fam.dates, *DATE_STYLES5.get(fam.country, ())))
        if fam.dates == "day_of" and rng.random() < 0.6:
            dates = "day_of"
        _Sheet2.__init__(self, rng, replace(fam, dates=dates), rng.choice([9.0, 9.5, 10.0]))
        self.m = model  # type: ignore[assignment]
        text = CONTRACT_TEXT5[fam.name]
        self.text = {**text, "title": rng.choice(text["title"]), "number": rng.choice(text["number"]),
                     "annex": rng.choice(text["annex"])}  # fmt: skip
        self.clause_no = 0
        self.columns = None

    def day(self, value: date) -> str:
        return format_day5(value, self.fam.dates, self.fam.lang)

    def values(self) -> dict[str, tuple[str, str | None]]:
        out = super().values()
        out["eff2"] = (self.day(self.m.effective), None)  # the start repeated in the term clause: not tagged again
        return out

    def term_clause(self) -> str:
        if not self.m.term:
            return str(self.text["term"])
        n, unit = self.m.term
        word = self.text["units"][0 if unit == "months" else 1]
        return str(self.text["dur"]).replace("{n}", str(n)).replace("{unit}", word)

    def body_parties(self) -> None:
        """The parties set out as blocks under 'between ... and ...', then the clauses."""
        m = self.m
        between, conj = self.text.get("between", ("", ""))
        for k, (party, tag) in enumerate(((m.buyer, "buyer_name"), (m.vendor, "vendor_name"))):
            self.flow(between if k == 0 else conj, {}, bold=True)
            self.t(self.left + 20, self.y + self.size, party.name, tag, bold=True)
            self.y += self.lead
            self.t(self.left + 20, self.y + self.size, f"{party.street}, {party.city}, {party.country}")
            self.y += self.lead * 1.4
        self.y += self.lead * 0.5
        self.clauses(intro=False)

    def body_clauses(self) -> None:
        self.clauses(intro=True)

    def clauses(self, intro: bool) -> None:
        values = self.values()
        if intro:
            self.flow(self.fill(self.text["intro"], values), values)
        else:  # the names already stand above: the intro names only the date and the tax ids
            short = {k: v for k, v in values.items() if k not in {"buyer", "vendor"}}
            short["buyer"] = (self.m.buyer.name, None)
            short["vendor"] = (self.m.vendor.name, None)
            self.flow(self.fill(self.text["intro"], short), short)
        clauses = [self.term_clause(), self.text["pay"], *self.rng.sample(self.text["filler"],
                                                                           len(self.text["filler"]))]  # fmt: skip
        for k, clause in enumerate(clauses):
            self.flow(f"{k + 1}. {clause}", values if k < 2 else {})
        self.schedule()

    def schedule(self) -> None:
        kind = self.fam.items
        cur = self.fam.currency
        if kind == "appendix":
            self.signatures()
            self.new_page()
            self.t(self.right, self.y, self.m.number, "contract_number", scale=0.8, grey=True, align="right")
            self.y += self.lead * 2
        self.annex_heading()
        if kind in {"table", "appendix"}:
            cols = self.text["cols"]
            rows: list[list[tuple[str, str | None]]] = [
                [(s, "description"), (u, "unit"), (self.num(r), "unit_price")] for s, u, r in self.m.rates
            ]
            self.grid((cols[0], cols[1], f"{cols[2]} ({cur})"), rows, (0.55, 0.2, 0.25), {2})
        elif kind == "bullets":
            for i, (service, unit, rate) in enumerate(self.m.rates):
                vals = {"service": (service, "description"), "rate": (self.num(rate), "unit_price"),
                        "cur": (cur, None), "unit": (unit, "unit")}  # fmt: skip
                self.t(self.left + 6, self.y + self.size, "•", row=i)
                self.flow(self.text["bullet"], vals, row=i, indent=18)
        else:  # prose: every rate a sentence, the sentences one paragraph
            for i, (service, unit, rate) in enumerate(self.m.rates):
                vals = {"service": (service, "description"), "rate": (self.num(rate), "unit_price"),
                        "cur": (cur, None), "unit": (unit, "unit")}  # fmt: skip
                self.flow(self.text["prose"], vals, row=i)

    def write(self) -> None:
        self.heading()
        getattr(self, f"body_{self.fam.header}")()
        self.signatures()
        n = len(self.pages)
        for i, page in enumerate(self.pages):
            page.text(self.right, self.ph - self.margin * 0.55, f"{i + 1} ({n})", self.f.regular, self.size * 0.8,
                      align="right")  # fmt: skip


def make_blind5_contract(seed: int, fam: Blind5Family, doc_id: str | None = None) -> GeneratedDoc:
    return make_set_contract(seed, fam, doc_id, set_no=5, sample=sample_contract5, writer_of=Contract5Writer)


# ---------------------------------------------------------------- scans

SCAN_CONDITIONS = ("crease", "stampover", "faxlow", "photocopy", "stain", "shadow", "skew", "jpegq", "rot180",
                   "holes", "photo", "jpeg150", "coffee")  # fmt: skip


def condition5(img: Image.Image, kind: str, rng: random.Random, page_w_pt: float) -> tuple[Any, ...]:
    """This set's own conditions: a fold crease (a dark line with a light band beside it, the page slightly
    offset across it) and a rubber stamp pressed over the middle of the page; set 4's (and set 2's) otherwise."""
    if kind == "crease":
        rgb = img.convert("RGB")
        w, h = rgb.size
        y = int(h * rng.uniform(0.3, 0.7))
        layer = Image.new("RGBA", (w, h), (0, 0, 0, 0))
        d = ImageDraw.Draw(layer)
        tilt = rng.uniform(-0.01, 0.01) * h
        d.line((0, y, w, y + tilt), fill=(70, 70, 70, 150), width=max(2, w // 700))
        d.polygon([(0, y + 3), (w, y + tilt + 3), (w, y + tilt + h // 60), (0, y + h // 60)],
                  fill=(255, 255, 255, 90))  # fmt: skip
        d.polygon([(0, y - h // 80), (w, y + tilt - h // 80), (w, y + tilt - 2), (0, y - 2)],
                  fill=(60, 60, 60, 35))  # fmt: skip
        layer = layer.filter(ImageFilter.GaussianBlur(max(1, w / 900)))
        return Image.alpha_composite(rgb.convert("RGBA"), layer).convert("RGB"), None
    if kind == "stampover":
        rgb = img.convert("RGB")
        w, h = rgb.size
        stamp = stamp_image(rng.choice(["RECEIVED", "MOTTATT", "ERHALTEN", "PŘIJATO", "ONTVANGEN", "GODKÄNT"]),
                            f"{rng.randrange(1, 28):02d}.{rng.randrange(1, 12):02d}.", rng.randrange(3),
                            rng.randrange(-25, 25))  # fmt: skip
        sw = int(w * rng.uniform(0.3, 0.42))
        stamp = stamp.resize((sw, int(stamp.height * sw / stamp.width)))
        x, y = int(w * rng.uniform(0.25, 0.55)), int(h * rng.uniform(0.35, 0.6))
        rgb.paste(stamp, (x, y), stamp)
        return rgb, None
    return condition4(img, kind, rng, page_w_pt)


# ---------------------------------------------------------------- data sets


def make_blind5(seed: int, fam: Blind5Family, doc_id: str | None = None) -> GeneratedDoc:
    """One document of ``fam``; the same seed gives the same bytes."""
    return (make_blind5_po if fam.kind == "po" else make_blind5_contract)(seed, fam, doc_id)


def generate_blind5(n: int, out: Path, seed: int, scanned_share: float = 0.0, split: str = "all") -> list[Path]:
    """Write ``n`` documents of the fifth blind set's ``split`` (dev, test or all) with their labels to ``out``.
    A scanned document gets its family's own scan condition or, one time in three, the factory's plain scan."""
    return write_blind_set(n, out, seed, scanned_share, split, blind5_families(split), make_blind5, set_no=5,
                           salt=0xB15D, conditioner=condition5)  # fmt: skip


__all__ = ["BLIND5_SPLITS", "FAMILIES", "SPLIT_SEED", "blind5_families", "format_day5", "generate_blind5",
           "make_blind5", "tax_id5"]  # fmt: skip
