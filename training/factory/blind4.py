"""The fourth blind set: purchase orders and contracts written without looking at the extractor, for measuring it.

Each family is a distribution rather than one print: within a family the captions are drawn from several wordings,
some columns are optional, the columns move where the system lets a buyer arrange them, the locale's number and date
formats vary, and an order runs from two to about forty items (one to three pages). The print styles are ones sets
1 to 3 do not have: Oracle, JD Edwards, NetSuite, Coupa, Ariba and Workday prints; tables grouped under section
headers with a subtotal per section; prices per 100 or per 1000 units (a price-unit column); decimal quantities
beside a unit; a discount column with the net price printed; a tax rate per line; tax-inclusive (gross) line
amounts; free items and rebate lines; the SKU inside the description ('[AB-1234] Widget'); both the supplier's and
the buyer's part numbers; items as cards instead of a table; dotted leaders; goods and services in two tables;
captions over two lines; the table header repeated on later pages; Polish, Swedish, Danish, Dutch, Portuguese,
Spanish, French, German and Italian orders, and English ones from India, South Africa, Canada, the US, the UK and a
bilingual Mexican one. Contracts: a master services agreement with its rate card in an annex on the last page,
tiered volume pricing, a statement of work paid by milestones, a software licence priced per seat, fees written in
words and in figures, a two-column agreement, an amendment extending the term, a Polish framework agreement with a
price list. Scans add conditions of their own: a fax at standard resolution (1 bit, half the vertical resolution),
a faint photocopy, a coffee blot, the shadow gradient of a phone photo, a page turned slightly (the word boxes
follow it), heavy JPEG artefacts, a page fed upside down (the boxes follow it too).

The labels are the other sets' (``blind.blind_po_doc``, ``blind2.blind_contract_doc``): a line's ``unit_price`` is
the price as printed (per its price unit where the order prints one; before the line's discount), its ``amount``
the line amount as printed (after the discount; tax-inclusive where the order prices gross). The families are split
once into a ``dev`` and a ``test`` half (``BLIND4_SPLITS``: a shuffle seeded with ``SPLIT_SEED`` within each kind,
the first half of each kind to dev). ``ledgerlens data blind --set 4`` writes them, ``bench/bench_extraction.py
--blind N --blind-set 4`` measures them.
"""

from __future__ import annotations

import io
import math
import random
import string
from collections.abc import Callable
from dataclasses import dataclass, replace
from datetime import date, timedelta
from decimal import Decimal
from pathlib import Path
from typing import Any

import numpy as np
from dateutil.relativedelta import relativedelta
from PIL import Image, ImageDraw, ImageFilter
from stdnum.pt import nif as pt_nif

from training.factory.blind import BlindParty, BlindPO
from training.factory.blind2 import (
    Blind2Family,
    Contract2,
    Contract2Writer,
    _check_search,
    _digits,
    _resample,
    _Sheet2,
    amount_in_words,
    condition,
    priced_order,
    tax_id,
    write_blind_set,
)
from training.factory.blind3 import _x, split_by_kind, tax_id3
from training.factory.blindkit import LOOK_KEYS, make_set_contract, make_set_po, split_families
from training.factory.common import GeneratedDoc, draw_logo, family_id
from training.factory.layout import Entity, width, wrap
from training.factory.po import POLine
from training.factory.values import dec_str, q2

# ---------------------------------------------------------------- families


@dataclass(frozen=True)
class Blind4Family(Blind2Family):
    """A set-4 family. ``header`` and ``items`` name this module's drawing styles; ``extras`` its line rules
    (per100 decqty discnet linetax gross free skuinline dualpn groups twoline repeat bilingual); ``dates`` and
    ``numbers`` are the locale's first choice, each document may draw another from ``DATE_STYLES`` / ``NUMBERS``."""

    optional: tuple[str, ...] = ()  # columns a document may leave out

    @property
    def family(self) -> str:
        return family_id(f"{self.kind}-blind4", {"name": self.name})


F = Blind4Family
FAMILIES: list[Blind4Family] = [
    F("oracle-ebs-us", "po", "en", "US", "USD", "boxes", "table", "plain", "plain", "dd_mon", "en",
      ("line_no", "sku", "description", "need", "quantity", "unit", "unit_price", "amount"), (2, 34),
      _x("twoline", "repeat"), "nimbus-sans", "faxlow", optional=("need", "unit")),
    F("jde-za", "po", "en", "ZA", "ZAR", "boxes", "grouped", "plain", "code_before", "ymd_slash", "fr",
      ("line_no", "sku", "description", "quantity", "unit", "unit_price", "tax_rate", "amount"), (3, 30),
      _x("groups", "linetax", "repeat"), "nimbus-sans-narrow", "photocopy", optional=("line_no", "unit")),
    F("netsuite-us", "po", "en", "US", "USD", "band", "table", "plain", "sym_before", "mdy_slash", "en",
      ("quantity", "description", "unit_price", "amount"), (2, 26), _x("skuinline", "free"), "dejavu-sans",
      "shadow", optional=("unit",)),
    F("coupa-gb", "po", "en", "GB", "GBP", "band", "cards", "plain", "sym_before", "d_mon", "en",
      ("line_no", "sku", "buyer_pn", "description", "quantity", "unit", "unit_price", "amount"), (2, 16),
      _x("dualpn"), "dejavu-sans", "jpegq", optional=("buyer_pn", "unit")),
    F("ariba-mx", "po", "es", "MX", "MXN", "boxes", "table", "plain", "code_after", "dmy_slash", "en",
      ("line_no", "sku", "description", "quantity", "unit", "unit_price", "discount_pct", "net_price", "amount"),
      (2, 24), _x("discnet", "bilingual", "twoline"), "dejavu-sans-condensed", "skew", optional=("line_no",)),
    F("workday-in", "po", "en", "IN", "INR", "kvright", "two_tables", "plain", "code_before", "d_mon", "in",
      ("line_no", "description", "hsn", "quantity", "unit", "unit_price", "tax_rate", "amount"), (3, 24),
      _x("linetax"), "dejavu-sans", "rot180", optional=("hsn", "line_no")),
    F("zamowienie-vat-pl", "po", "pl", "PL", "PLN", "letter", "table", "plain", "code_after", "dmy_dot", "fr",
      ("line_no", "description", "quantity", "unit", "unit_price", "tax_rate", "amount"), (2, 30),
      _x("decqty", "linetax", "repeat"), "dejavu-sans", "photocopy", optional=("line_no",)),
    F("inkop-prisenhet-se", "po", "sv", "SE", "SEK", "kvright", "table", "plain", "plain", "iso", "fr",
      ("sku", "description", "quantity", "unit", "unit_price", "price_unit", "amount"), (2, 28),
      _x("per100", "decqty"), "nimbus-sans", "faxlow"),
    F("indkob-dk", "po", "da", "DK", "DKK", "boxes", "leaders", "plain", "plain", "dmy_dot", "de",
      ("sku", "description", "quantity", "unit", "unit_price", "amount"), (2, 22), _x(), "dejavu-serif", "stain",
      optional=("sku",)),
    F("inkooporder-nl", "po", "nl", "NL", "EUR", "band", "grouped", "plain", "sym_before", "dmy_dash", "de",
      ("sku", "description", "quantity", "unit", "unit_price", "amount"), (3, 30), _x("groups"), "urw-gothic",
      "shadow", optional=("unit",)),
    F("encomenda-pt", "po", "pt", "PT", "EUR", "letter", "table", "plain", "sym_after", "dmy_slash", "fr",
      ("sku", "description", "quantity", "unit", "unit_price", "tax_rate", "amount"), (2, 22),
      _x("gross", "linetax"), "nimbus-roman", "jpegq", optional=("unit", "sku")),
    F("pedido-es", "po", "es", "ES", "EUR", "boxes", "table", "plain", "sym_after", "dmy_slash", "de",
      ("sku", "description", "quantity", "unit_price", "discount_pct", "net_price", "amount"), (2, 26),
      _x("discnet", "free"), "p052", "skew", optional=("net_price",)),
    F("fournitures-prestations-fr", "po", "fr", "FR", "EUR", "kvright", "two_tables", "plain", "sym_after",
      "dmy_slash", "fr",
      ("sku", "description", "quantity", "unit", "unit_price", "amount"), (3, 24), _x("twoline"), "c059",
      "photocopy", optional=("sku", "unit")),
    F("preis-je-100-de", "po", "de", "DE", "EUR", "letter", "table", "plain", "plain", "dmy_dot", "de",
      ("line_no", "sku", "description", "quantity", "unit", "unit_price", "price_unit", "amount"), (2, 30),
      _x("per100", "repeat"), "nimbus-sans", "rot180", optional=("line_no",)),
    F("ordine-it", "po", "it", "IT", "EUR", "band", "cards", "plain", "sym_before", "dmy_slash", "de",
      ("sku", "description", "quantity", "unit", "unit_price", "tax_rate", "amount"), (2, 14), _x("linetax"),
      "dejavu-sans", "stain", optional=("sku",)),
    F("bilingual-ca", "po", "fr", "CA", "CAD", "kvright", "table", "plain", "plain", "iso", "en",
      ("line_no", "description", "quantity", "unit", "unit_price", "amount"), (2, 26),
      _x("decqty", "bilingual", "skuinline"), "nimbus-sans", "faxlow", optional=("line_no",)),
    F("msa-ratecard-us", "contract", "en", "US", "USD", "msa", "annex", dates="mdy_long", numbers="en",
      font="nimbus-roman", scan="photocopy"),
    F("tiered-volume-gb", "contract", "en", "GB", "GBP", "tiered", "tiers", dates="d_mon_long", numbers="en",
      font="dejavu-serif", scan="shadow"),
    F("sow-milestones-za", "contract", "en", "ZA", "ZAR", "sow", "milestones", dates="d_mon_long", numbers="fr",
      font="dejavu-sans", scan="skew"),
    F("licentie-seats-nl", "contract", "nl", "NL", "EUR", "licence", "seats", dates="long", numbers="de",
      font="nimbus-sans", scan="jpegq"),
    F("fees-words-ie", "contract", "en", "IE", "EUR", "words", "words", dates="d_mon_long", numbers="en",
      font="c059", scan="stain"),
    F("dos-columnas-es", "contract", "es", "ES", "EUR", "twocol", "inline", dates="long", numbers="de",
      font="dejavu-serif", scan="faxlow"),
    F("tillaeg-term-dk", "contract", "da", "DK", "DKK", "amendment", "table", dates="long", numbers="de",
      font="nimbus-sans", scan="rot180"),
    F("umowa-ramowa-pl", "contract", "pl", "PL", "PLN", "ramowa", "leaders", dates="long", numbers="fr",
      font="dejavu-serif", scan="shadow"),
]  # fmt: skip
BY_NAME = {f.name: f for f in FAMILIES}
# The split: within each kind, the family names sorted, shuffled with random.Random(SPLIT_SEED), the first half
# (rounded up) to dev. Fixed once, before any document of the set was measured.
SPLIT_SEED = 4141
BLIND4_SPLITS: dict[str, list[str]] = split_by_kind(FAMILIES, SPLIT_SEED)


def blind4_families(split: str = "all") -> list[Blind4Family]:
    return split_families(BLIND4_SPLITS, BY_NAME, split)


# ---------------------------------------------------------------- locale: formats

MONTHS4 = {
    "en": "January February March April May June July August September October November December",
    "fr": "janvier février mars avril mai juin juillet août septembre octobre novembre décembre",
    "es": "enero febrero marzo abril mayo junio julio agosto septiembre octubre noviembre diciembre",
    "sv": "januari februari mars april maj juni juli augusti september oktober november december",
    "da": "januar februar marts april maj juni juli august september oktober november december",
    "pl": "stycznia lutego marca kwietnia maja czerwca lipca sierpnia września października listopada grudnia",
    "nl": "januari februari maart april mei juni juli augustus september oktober november december",
    "pt": "janeiro fevereiro março abril maio junho julho agosto setembro outubro novembro dezembro",
    "de": "Januar Februar März April Mai Juni Juli August September Oktober November Dezember",
    "it": "gennaio febbraio marzo aprile maggio giugno luglio agosto settembre ottobre novembre dicembre",
}


def format_day4(day: date, style: str, lang: str) -> str:
    """A date as the document prints it: '2026-03-05', '05.03.2026', '5 Mar 2026', '5. marts 2026', ..."""
    d, m, y = day.day, day.month, day.year
    month = MONTHS4[lang].split()[m - 1]
    short = MONTHS4["en"].split()[m - 1][:3]
    return {
        "iso": f"{y:04d}-{m:02d}-{d:02d}", "dmy_slash": f"{d:02d}/{m:02d}/{y}", "dmy_dot": f"{d:02d}.{m:02d}.{y}",
        "dmy_dash": f"{d:02d}-{m:02d}-{y}", "mdy_slash": f"{m}/{d}/{y}", "mdy_long": f"{short_long(m)} {d}, {y}",
        "d_mon": f"{d} {short} {y}", "dd_mon": f"{d:02d}-{short.upper()}-{y}", "ymd_slash": f"{y}/{m:02d}/{d:02d}",
        "d_mon_long": f"{d} {MONTHS4['en'].split()[m - 1]} {y}", "ymd_dot": f"{y}.{m:02d}.{d:02d}",
        "long": {"es": f"{d} de {month} de {y}", "pt": f"{d} de {month} de {y}", "da": f"{d}. {month} {y}",
                 "de": f"{d}. {month} {y}", "pl": f"{d} {month} {y} r."}.get(lang, f"{d} {month} {y}"),
    }[style]  # fmt: skip


def short_long(m: int) -> str:
    return MONTHS4["en"].split()[m - 1]


# per country: the date styles its documents use (the family's own first), the number styles, how money is shown
DATE_STYLES = {"US": ("mdy_slash", "dd_mon", "mdy_long"), "ZA": ("ymd_slash", "d_mon", "dmy_slash"),
               "GB": ("d_mon", "dmy_slash", "d_mon_long"), "MX": ("dmy_slash", "iso"), "IN": ("d_mon", "dmy_dash"),
               "PL": ("dmy_dot", "long", "iso"), "SE": ("iso", "long"), "DK": ("dmy_dot", "long", "dmy_dash"),
               "NL": ("dmy_dash", "long", "dmy_slash"), "PT": ("dmy_slash", "iso", "dmy_dash"),
               "ES": ("dmy_slash", "long", "dmy_dash"), "FR": ("dmy_slash", "long"), "DE": ("dmy_dot", "long"),
               "IT": ("dmy_slash", "dmy_dot"), "CA": ("iso", "d_mon_long"),
               "IE": ("d_mon_long", "dmy_slash")}  # fmt: skip
NUMBERS = {"US": ("en",), "ZA": ("fr", "en"), "GB": ("en",), "MX": ("en",), "IN": ("in", "en"), "PL": ("fr",),
           "SE": ("fr",), "DK": ("de",), "NL": ("de", "fr"), "PT": ("fr", "de"), "ES": ("de",), "FR": ("fr",),
           "DE": ("de",), "IT": ("de",), "CA": ("en", "fr"), "IE": ("en",)}  # fmt: skip
TAX_LABELS = {"US": "EIN", "ZA": "VAT No.", "GB": "VAT Reg. No.", "MX": "RFC", "IN": "GSTIN", "PL": "NIP",
              "SE": "Momsreg.nr", "DK": "CVR-nr.", "NL": "Btw-id", "PT": "NIF", "ES": "CIF", "FR": "N° TVA",
              "DE": "USt-IdNr.", "IT": "Partita IVA", "CA": "TPS/GST", "IE": "VAT No."}  # fmt: skip
TAX_RATES = {"US": ("6.5",), "ZA": ("15", "0"), "GB": ("20",), "MX": ("16",), "IN": ("18", "12", "5", "28"),
             "PL": ("23", "8", "5"), "SE": ("25", "12"), "DK": ("25",), "NL": ("21", "9"), "PT": ("23", "13", "6"),
             "ES": ("21", "10"), "FR": ("20", "5.5"), "DE": ("19", "7"), "IT": ("22", "10", "4"),
             "CA": ("5",), "IE": ("23",)}  # fmt: skip
SYMBOLS4 = {"USD": "$", "GBP": "£", "EUR": "€", "ZAR": "R", "CAD": "$", "MXN": "$", "PLN": "zł", "SEK": "kr",
            "DKK": "kr", "INR": "Rs."}  # fmt: skip
_SHARED_SYMBOLS = {"$", "kr", "R", "Rs."}  # several currencies (or none) print them: not tagged as a currency

# ---------------------------------------------------------------- locale: parties

COMPANIES4 = {
    "US": (["Cedar Hollow", "Quarrystone", "Ashgrove", "Whitfield & Rowe", "Tamarack"],
           ["Industrial Supply", "Biosciences", "Fabrication", "Logistics"], ["Inc.", "LLC", "Corp."]),
    "ZA": (["Kgalagadi", "Protea Ridge", "Umhlanga", "Springbok"], ["Mining Supplies", "Engineering", "Traders"],
           ["(Pty) Ltd", "Ltd"]),
    "GB": (["Thistlebrook", "Pennington", "Harrowgate", "Ravensworth"], ["Estates", "Print", "Catering"],
           ["Ltd", "plc"]),
    "MX": (["Cuauhtémoc", "Ibarra Solís", "Tecnoaceros"], ["Industrial", "Comercializadora", "Empaques"],
           ["S.A. de C.V."]),
    "IN": (["Godavari", "Sahyadri", "Narmada", "Trimurti"], ["Castings", "Agro Foods", "Infotech"],
           ["Pvt. Ltd.", "Limited"]),
    "PL": (["Kowalczyk", "Wiśniewski", "Mazurek", "Jabłoński"], ["Budownictwo", "Chemia", "Transport"],
           ["Sp. z o.o.", "S.A.", "Sp.j."]),
    "SE": (["Ekström", "Hallberg", "Norrviken", "Åkesson"], ["Industri", "Bygg", "Trä"], ["AB"]),
    "DK": (["Bøgelund", "Vestkyst", "Fælledgaard", "Rønne"], ["Tømrer", "Stål", "Fødevarer"], ["A/S", "ApS"]),
    "NL": (["Van der Meulen", "Zuiderhout", "De Wilde", "Kortenhoef"], ["Techniek", "Installaties", "Groothandel"],
           ["B.V.", "N.V."]),
    "PT": (["Albuquerque", "Serra da Estrela", "Vasconcelos", "Tejo"], ["Construções", "Têxteis", "Metalomecânica"],
           ["Lda.", "S.A."]),
    "ES": (["Arrieta", "Villanueva", "Castellana", "Olivares"], ["Instalaciones", "Maquinaria", "Logística"],
           ["S.L.", "S.A."]),
    "FR": (["Beaumanoir", "Chastel", "Morvan", "Lacoste-Perrin"], ["Bâtiment", "Fournitures", "Mécanique"],
           ["SAS", "SARL"]),
    "DE": (["Hohenfels", "Brückner", "Waldkirch", "Oberhausen"], ["Verpackung", "Antriebstechnik", "Elektro"],
           ["GmbH", "AG", "GmbH & Co. KG"]),
    "IT": (["Bellandi", "Rinaldi", "Valtellina", "Corsini"], ["Impianti", "Forniture", "Meccanica"],
           ["S.r.l.", "S.p.A."]),
    "CA": (["Laurentide", "Beauport", "Saguenay"], ["Équipements", "Services", "Distribution"], ["Inc.", "Ltée"]),
    "IE": (["Ballymore", "Shannonside", "Glendalough"], ["Software", "Consulting", "Engineering"],
           ["Ltd", "DAC"]),
}  # fmt: skip
CITIES4 = {
    "US": [("Boise", "ID 83702", "Main Street"), ("Dayton", "OH 45402", "Ludlow Street")],
    "ZA": [("Pretoria", "0002", "Church Street"), ("Durban", "4001", "Anton Lembede Street")],
    "GB": [("Leicester", "LE1 5YA", "Granby Street"), ("Exeter", "EX1 1GE", "Sidwell Street")],
    "MX": [("Monterrey, N.L.", "C.P. 64000", "Av. Constitución"), ("León, Gto.", "C.P. 37000", "Blvd. López Mateos")],
    "IN": [("Nashik", "422001", "College Road"), ("Indore", "452001", "MG Road")],
    "PL": [("Kraków", "31-154", "ul. Długa"), ("Gdańsk", "80-831", "ul. Ogarna")],
    "SE": [("Örebro", "702 10", "Drottninggatan"), ("Umeå", "903 26", "Kungsgatan")],
    "DK": [("Esbjerg", "6700", "Kongensgade"), ("Vejle", "7100", "Dæmningen")],
    "NL": [("Zwolle", "8011 AA", "Diezerstraat"), ("Breda", "4811 XJ", "Ginnekenweg")],
    "PT": [("Braga", "4700-320", "Avenida da Liberdade"), ("Aveiro", "3810-164", "Rua de Coimbra")],
    "ES": [("Bilbao", "48001", "Calle Ercilla"), ("Murcia", "30001", "Gran Vía Escultor Salzillo")],
    "FR": [("Rennes", "35000", "rue d'Antrain"), ("Dijon", "21000", "rue de la Liberté")],
    "DE": [("Kassel", "34117", "Königsstraße"), ("Bielefeld", "33602", "Niedernstraße")],
    "IT": [("Bergamo", "24121", "Via XX Settembre"), ("Padova", "35122", "Via Roma")],
    "CA": [("Québec", "QC G1R 4P5", "rue Saint-Jean"), ("Sherbrooke", "QC J1H 1Z5", "rue King Ouest")],
    "IE": [("Galway", "H91 X2T3", "Shop Street"), ("Limerick", "V94 E7P8", "O'Connell Street")],
}  # fmt: skip
COUNTRY_WORDS4 = {"US": "USA", "ZA": "South Africa", "GB": "United Kingdom", "MX": "México", "IN": "India",
                  "PL": "Polska", "SE": "Sverige", "DK": "Danmark", "NL": "Nederland", "PT": "Portugal",
                  "ES": "España", "FR": "France", "DE": "Deutschland", "IT": "Italia", "CA": "Canada",
                  "IE": "Ireland"}  # fmt: skip


def tax_id4(rng: random.Random, country: str) -> str | None:
    """A tax id with a valid check digit where the scheme has one (South Africa's VAT number has none: 4 + 9)."""
    if country == "PT":
        return "PT" + _check_search(rng, _digits(rng, 8), string.digits, pt_nif.is_valid)
    if country == "ZA":
        return "4" + _digits(rng, 9)
    if country in {"DE", "NL", "IT", "IE"}:
        return tax_id3(rng, country)
    return tax_id(rng, country)


def make_party4(rng: random.Random, country: str, avoid: str = "") -> BlindParty:
    stems, trades, forms = COMPANIES4[country]
    stem = rng.choice([s for s in stems if not avoid.startswith(s)])
    name = f"{stem} {rng.choice(trades)} {rng.choice(forms)}"
    city, post, street = rng.choice(CITIES4[country])
    n = rng.randrange(2, 220)
    if country in {"US", "ZA", "GB", "IN", "IE"}:
        street_line, city_line = f"{n} {street}", f"{city} {post}" if country != "IN" else f"{city} - {post}"
    elif country in {"FR", "CA"}:
        street_line, city_line = f"{n}, {street}", f"{city} {post}" if country == "CA" else f"{post} {city}"
    elif country == "MX":
        street_line, city_line = f"{street} {n}", f"{post} {city}"
    else:
        street_line, city_line = f"{street} {n}", f"{post} {city}"
    return BlindParty(name, street_line, city_line, COUNTRY_WORDS4[country], TAX_LABELS[country],
                      tax_id4(rng, country))  # fmt: skip


# ---------------------------------------------------------------- locale: words

# Per language, per role: the wordings a document draws one of. Contract texts are further down.
CAPTIONS: dict[str, dict[str, tuple[str, ...]]] = {
    "en": {
        "title": ("Purchase Order", "PURCHASE ORDER", "Standard Purchase Order", "Order"),
        "po_number": ("PO Number", "Order No.", "PO #", "Purchase Order No.", "Document No."),
        "order_date": ("Order Date", "Date", "Issue Date", "Created", "PO Date"),
        "vendor": ("Supplier", "Vendor", "To", "Seller"), "buyer": ("Bill To", "Invoice To", "Buyer", "Purchaser"),
        "ship": ("Ship To", "Deliver To", "Delivery Address"),
        "payment_terms": ("Payment Terms", "Terms", "Terms of Payment"),
        "line_no": ("Line", "Ln", "#", "Item"), "sku": ("Part Number", "Item Code", "Supplier Part", "SKU"),
        "buyer_pn": ("Our Item", "Buyer Part", "Internal Ref."), "description": ("Description", "Item Description",
        "Product / Service"), "need": ("Need-By", "Promised", "Due"), "quantity": ("Qty", "Quantity", "Ordered"),
        "unit": ("UOM", "Unit", "U/M"), "unit_price": ("Unit Price", "Price", "Rate", "Unit Cost"),
        "price_unit": ("Per", "Price Unit"), "discount_pct": ("Disc. %", "Discount"),
        "net_price": ("Net Price", "Net Rate"), "tax_rate": ("Tax %", "VAT %", "GST %"),
        "hsn": ("HSN/SAC", "HSN"), "amount": ("Amount", "Extended Price", "Line Total", "Total", "Ext. Cost"),
        "subtotal": ("Subtotal", "Sub-Total", "Total Before Tax", "Net Total"),
        "tax": ("Tax", "Sales Tax", "VAT", "Total Tax"), "total": ("Total", "Order Total", "Grand Total",
        "TOTAL AMOUNT"), "section": ("Section subtotal", "Subtotal for"), "goods": ("Goods", "Materials"),
        "services": ("Services", "Labour and Services"), "page": ("Page",), "free": ("No charge", "Free of charge"),
        "rebate": ("Volume rebate", "Promotional credit"), "currency": ("Currency", "All amounts in", "Currency:"),
    },
    "es": {
        "title": ("Orden de Compra", "ORDEN DE COMPRA", "Pedido de Compra", "Pedido"),
        "po_number": ("Número de pedido", "Nº Pedido", "Folio", "Pedido nº"),
        "order_date": ("Fecha", "Fecha de pedido", "Fecha de emisión"),
        "vendor": ("Proveedor", "Señores"), "buyer": ("Facturar a", "Comprador", "Cliente"),
        "ship": ("Entregar en", "Lugar de entrega", "Dirección de entrega"),
        "payment_terms": ("Forma de pago", "Condiciones de pago", "Vencimiento"),
        "line_no": ("Pos.", "Lín.", "#"), "sku": ("Referencia", "Código", "Artículo"),
        "description": ("Descripción", "Concepto", "Denominación"), "quantity": ("Cantidad", "Cant.", "Uds."),
        "unit": ("Unidad", "UM"), "unit_price": ("Precio", "Precio unit.", "P. Unitario", "Tarifa"),
        "discount_pct": ("Dto. %", "Descuento", "% Dto"), "net_price": ("Precio neto", "P. Neto"),
        "amount": ("Importe", "Total", "Importe neto"), "subtotal": ("Base imponible", "Subtotal", "Suma"),
        "tax": ("IVA", "Cuota IVA", "I.V.A."), "total": ("Total", "TOTAL PEDIDO", "Total a pagar"),
        "free": ("Sin cargo", "Bonificación"), "rebate": ("Rappel", "Abono promocional"), "page": ("Página",),
        "currency": ("Moneda", "Divisa"),
    },
    "pl": {
        "title": ("Zamówienie", "ZAMÓWIENIE", "Zamówienie zakupu"),
        "po_number": ("Nr zamówienia", "Numer", "Zamówienie nr"),
        "order_date": ("Data zamówienia", "Data wystawienia", "Data"),
        "vendor": ("Dostawca", "Sprzedawca", "Wykonawca"), "buyer": ("Zamawiający", "Nabywca"),
        "ship": ("Miejsce dostawy", "Adres dostawy"), "payment_terms": ("Termin płatności", "Warunki płatności"),
        "line_no": ("Lp.", "L.p."), "description": ("Nazwa towaru lub usługi", "Nazwa", "Opis"),
        "quantity": ("Ilość", "Ilośc"), "unit": ("J.m.", "Jedn."), "unit_price": ("Cena netto", "Cena jedn. netto"),
        "tax_rate": ("Stawka VAT", "VAT %"), "amount": ("Wartość netto", "Wartość"),
        "subtotal": ("Razem netto", "Wartość netto razem"), "tax": ("Kwota VAT", "VAT razem"),
        "total": ("Razem brutto", "Do zapłaty", "Wartość brutto"), "page": ("Strona",),
    },
    "sv": {
        "title": ("Inköpsorder", "BESTÄLLNING", "Beställning"), "po_number": ("Ordernr", "Beställningsnr", "Nummer"),
        "order_date": ("Orderdatum", "Datum", "Beställningsdatum"), "vendor": ("Leverantör",),
        "buyer": ("Köpare", "Beställare", "Fakturaadress"), "ship": ("Leveransadress", "Godsmottagare"),
        "payment_terms": ("Betalningsvillkor", "Betalvillkor"), "sku": ("Art.nr", "Artikelnr", "Er art.nr"),
        "description": ("Benämning", "Artikel", "Beskrivning"), "quantity": ("Antal", "Kvantitet"),
        "unit": ("Enhet", "Enh"), "unit_price": ("À-pris", "Pris", "Á-pris"), "price_unit": ("Per", "Prisenhet"),
        "amount": ("Belopp", "Summa", "Radbelopp"), "subtotal": ("Summa exkl. moms", "Nettobelopp", "Delsumma"),
        "tax": ("Moms", "Moms 25 %"), "total": ("Att betala", "Totalt", "Summa inkl. moms"), "page": ("Sida",),
        "currency": ("Valuta", "Belopp i"),
    },
    "da": {
        "title": ("Indkøbsordre", "Bestilling", "INDKØBSORDRE"), "po_number": ("Ordrenr.", "Bestillingsnr.", "Nr."),
        "order_date": ("Dato", "Ordredato", "Bestillingsdato"), "vendor": ("Leverandør",),
        "buyer": ("Køber", "Faktureres til", "Bestiller"), "ship": ("Leveringsadresse", "Leveres til"),
        "payment_terms": ("Betalingsbetingelser", "Betaling"), "sku": ("Varenr.", "Varenummer"),
        "description": ("Varebeskrivelse", "Tekst", "Beskrivelse"), "quantity": ("Antal", "Mængde"),
        "unit": ("Enhed", "Enh."), "unit_price": ("Stk.pris", "Enhedspris", "Pris"),
        "amount": ("Beløb", "I alt", "Linjebeløb"), "subtotal": ("Subtotal", "Netto", "I alt ekskl. moms"),
        "tax": ("Moms", "Moms 25%"), "total": ("Total", "I alt inkl. moms", "Ordretotal"), "page": ("Side",),
        "currency": ("Valuta", "Beløb i"),
    },
    "nl": {
        "title": ("Inkooporder", "INKOOPORDER", "Bestelbon", "Bestelling"),
        "po_number": ("Ordernummer", "Bestelnr.", "Inkoopordernr."), "order_date": ("Orderdatum", "Datum"),
        "vendor": ("Leverancier", "Crediteur"), "buyer": ("Besteller", "Factuuradres", "Opdrachtgever"),
        "ship": ("Afleveradres", "Leveradres"), "payment_terms": ("Betalingsconditie", "Betalingstermijn"),
        "sku": ("Artikelnr.", "Artikelcode", "Art."), "description": ("Omschrijving", "Artikel"),
        "quantity": ("Aantal", "Hoeveelheid"), "unit": ("Eenheid", "Eenh."), "unit_price": ("Prijs", "Stukprijs",
        "Eenheidsprijs"), "amount": ("Bedrag", "Totaal", "Regelbedrag"), "subtotal": ("Subtotaal", "Totaal excl."),
        "tax": ("BTW", "Btw-bedrag"), "total": ("Totaal incl. BTW", "Te betalen", "Totaal"),
        "section": ("Subtotaal", "Totaal groep"), "page": ("Pagina", "Blad"),
    },
    "pt": {
        "title": ("Nota de Encomenda", "Encomenda", "NOTA DE ENCOMENDA", "Requisição"),
        "po_number": ("N.º Encomenda", "Número", "Encomenda n.º"), "order_date": ("Data", "Data de emissão"),
        "vendor": ("Fornecedor", "Exmos. Srs."), "buyer": ("Cliente", "Adquirente"),
        "ship": ("Local de entrega", "Morada de entrega"), "payment_terms": ("Condições de pagamento", "Pagamento"),
        "sku": ("Artigo", "Código", "Ref."), "description": ("Descrição", "Designação"),
        "quantity": ("Qtd.", "Quantidade"), "unit": ("Un.", "Unid."), "unit_price": ("Preço c/ IVA",
        "P. Unit. (IVA incl.)", "Preço unit. c/IVA"), "tax_rate": ("IVA", "Taxa IVA", "% IVA"),
        "amount": ("Total c/ IVA", "Valor", "Total"), "subtotal": ("Total s/ IVA", "Base tributável",
        "Valor líquido"), "tax": ("IVA incluído", "Total IVA", "dos quais IVA"),
        "total": ("Total a pagar", "Total c/ IVA", "TOTAL"), "page": ("Página", "Pág."),
    },
    "fr": {
        "title": ("Bon de commande", "BON DE COMMANDE", "Commande d'achat"),
        "po_number": ("N° de commande", "Commande n°", "Réf. commande"),
        "order_date": ("Date", "Date de commande", "Émis le"), "vendor": ("Fournisseur", "À l'attention de"),
        "buyer": ("Acheteur", "Facturation", "Client"), "ship": ("Livraison", "Adresse de livraison", "Livrer à"),
        "payment_terms": ("Conditions de règlement", "Règlement", "Paiement"),
        "line_no": ("N°", "Ligne"), "sku": ("Réf.", "Référence", "Code article"),
        "description": ("Désignation", "Description", "Libellé"), "quantity": ("Qté", "Quantité"),
        "unit": ("Unité", "U."), "unit_price": ("Prix unitaire HT", "P.U. HT", "PU"),
        "amount": ("Montant HT", "Total HT", "Montant"), "subtotal": ("Total HT", "Montant HT", "Sous-total"),
        "tax": ("TVA", "Montant TVA", "TVA 20 %"), "total": ("Total TTC", "Net à payer", "Montant TTC"),
        "goods": ("Fournitures", "Matériel"), "services": ("Prestations", "Main-d'œuvre et services"),
        "page": ("Page",),
    },
    "de": {
        "title": ("Bestellung", "BESTELLUNG", "Auftrag", "Einkaufsbestellung"),
        "po_number": ("Bestell-Nr.", "Bestellnummer", "Unser Zeichen"), "order_date": ("Datum", "Bestelldatum"),
        "vendor": ("Lieferant", "Auftragnehmer"), "buyer": ("Rechnungsanschrift", "Besteller", "Auftraggeber"),
        "ship": ("Lieferadresse", "Warenempfänger", "Versandanschrift"),
        "payment_terms": ("Zahlungsziel", "Zahlungsbedingungen", "Zahlung"), "line_no": ("Pos", "Pos.", "Lfd."),
        "sku": ("Art.-Nr.", "Materialnr.", "Ihre Art.-Nr."), "description": ("Bezeichnung", "Artikel", "Text"),
        "quantity": ("Menge", "Anzahl"), "unit": ("ME", "Einh."), "unit_price": ("Preis", "Einzelpreis", "E-Preis"),
        "price_unit": ("PE", "je", "Preiseinheit"), "amount": ("Betrag", "Gesamtpreis", "Wert"),
        "subtotal": ("Nettobetrag", "Warenwert netto", "Summe netto"), "tax": ("MwSt.", "Umsatzsteuer", "USt."),
        "total": ("Gesamtbetrag", "Endbetrag", "Bruttobetrag"), "page": ("Seite", "Blatt"),
        "currency": ("Währung", "Beträge in"),
    },
    "it": {
        "title": ("Ordine di acquisto", "ORDINE FORNITORE", "Ordine"),
        "po_number": ("Numero ordine", "N. ordine", "Ordine n."), "order_date": ("Data", "Data ordine"),
        "vendor": ("Fornitore", "Spett.le"), "buyer": ("Committente", "Intestatario", "Acquirente"),
        "ship": ("Destinazione merce", "Luogo di consegna"), "payment_terms": ("Pagamento", "Modalità di pagamento"),
        "sku": ("Codice", "Cod. articolo"), "description": ("Descrizione", "Articolo"),
        "quantity": ("Quantità", "Q.tà"), "unit": ("U.M.", "UdM"), "unit_price": ("Prezzo", "Prezzo unitario"),
        "tax_rate": ("Aliquota IVA", "IVA", "Cod. IVA"), "amount": ("Importo", "Totale riga"),
        "subtotal": ("Imponibile", "Totale imponibile"), "tax": ("IVA", "Totale IVA", "Imposta"),
        "total": ("Totale ordine", "Totale documento", "Totale"), "page": ("Pagina", "Pag."),
    },
}  # fmt: skip
# A bilingual print puts the English caption after the local one: 'Cantidad / Quantity'.
BILINGUAL = {"es": "en", "fr": "en"}
# The Canadian order is bilingual French / English; its own French captions where they differ from France's.
CA_FR = {"title": ("Bon de commande",), "amount": ("Montant",), "subtotal": ("Sous-total",), "tax": ("TPS/TVQ",),
         "total": ("Total",), "unit_price": ("Prix unitaire",), "order_date": ("Date",)}  # fmt: skip

PRODUCTS4: dict[str, list[tuple[str, str]]] = {
    "en": [("Hydraulic hose assembly 1/2in x 2m, JIC fittings", "EA"), ("Safety boots, steel toe, size 9", "PR"),
           ("Copper cable 2.5 mm2, twin and earth", "M"), ("Epoxy floor coating, grey", "L"),
           ("Stainless hex nut M10, A4", "EA"), ("Pallet wrap film 500 mm", "RL"), ("Degreaser, solvent free", "L"),
           ("Welding wire ER70S-6, 0.9 mm", "KG"), ("Cable ties 300 mm, black, bag of 100", "BAG")],
    "es": [("Tornillo hexagonal DIN 933 M12x40", "UD"), ("Guantes de nitrilo talla M", "CJ"),
           ("Cable de cobre 6 mm2", "M"), ("Pintura epoxi gris RAL 7035", "L"), ("Tubo PVC 110 mm", "M"),
           ("Casco de seguridad blanco", "UD"), ("Granalla de acero S230", "KG")],
    "pl": [("Śruba sześciokątna M16x60 ocynk", "szt."), ("Przewód YDY 3x2,5", "m"), ("Farba podkładowa szara", "l"),
           ("Rękawice robocze powlekane", "para"), ("Blacha stalowa 2 mm", "kg"), ("Klej montażowy 290 ml", "szt.")],
    "sv": [("Skruv M8x30 förzinkad", "ST"), ("Spånskiva 16 mm", "M2"), ("Kabel EKK 3x1,5", "M"),
           ("Skyddshandskar nitril", "PAR"), ("Rostskyddsfärg svart", "L"), ("Brickor M8", "ST")],
    "da": [("Sekskantbolt M12x50 galv.", "STK"), ("Krydsfinér 18 mm", "PLADE"), ("Maling hvid 10 l", "SPAND"),
           ("Arbejdshandsker str. 10", "PAR"), ("Fugemasse grå", "PATRON"), ("Skruer 5x60 rustfri", "PK")],
    "nl": [("Zeskantbout M10x40 verzinkt", "ST"), ("Installatiedraad 2,5 mm2 blauw", "M"),
           ("Kabelgoot 60x60 mm", "M"), ("Veiligheidsbril helder", "ST"), ("Montagelijm 310 ml", "KOKER"),
           ("Isolatieband zwart", "ROL"), ("Wandcontactdoos dubbel", "ST")],
    "pt": [("Parafuso sextavado M10x30", "UN"), ("Tinta acrílica branca 15 L", "LT"), ("Luvas de proteção", "PAR"),
           ("Papel A4 80 g, resma", "UN"), ("Cabo elétrico 3G2,5", "M"), ("Detergente industrial", "LT")],
    "fr": [("Vis à tôle 4,2x19 inox", "U"), ("Câble R2V 3G2,5", "M"), ("Peinture glycéro blanche", "L"),
           ("Gants de manutention", "PAIRE"), ("Cheville à frapper 6x40", "BOÎTE"), ("Gaine ICTA 20 mm", "M")],
    "de": [("Sechskantschraube DIN 933 M8x25", "ST"), ("Unterlegscheibe DIN 125 A8,4", "ST"),
           ("Kabelbinder 200x4,8 mm", "ST"), ("Dichtring 20x26x1,5", "ST"), ("Schlauchschelle 20-32 mm", "ST"),
           ("Etikett 100x50 mm", "ST")],
    "it": [("Vite autofilettante 4,8x32", "PZ"), ("Guarnizione OR 30x3", "PZ"), ("Cavo FG16OR16 3G2,5", "M"),
           ("Vernice antiruggine grigia", "LT"), ("Nastro americano 50 mm", "RT"), ("Staffa zincata 40x40", "PZ")],
}  # fmt: skip
SERVICES4: dict[str, list[tuple[str, str]]] = {
    "en": [("Installation labour", "HR"), ("On-site commissioning", "DAY"), ("Operator training", "SESSION")],
    "fr": [("Main-d'œuvre de pose", "H"), ("Mise en service sur site", "JOUR"), ("Formation des opérateurs", "JOUR")],
}
GROUPS = {"en": ("Electrical", "Consumables", "Safety equipment", "Spares"),
          "nl": ("Elektra", "Bevestigingsmaterialen", "Gereedschap", "Verbruiksmateriaal")}  # fmt: skip
PAYMENT_TERMS4: dict[str, list[tuple[str, int]]] = {
    "en": [("Net 30", 30), ("Net 45 days", 45), ("30 days from invoice", 30), ("Net 60", 60)],
    "IN": [("45 days from receipt of goods", 45), ("30 days credit", 30)],
    "ZA": [("30 days from statement", 30), ("Net 30 days", 30)],
    "es": [("Transferencia a 30 días", 30), ("Confirming 60 días", 60), ("Contado", 0)],
    "pl": [("Przelew 14 dni", 14), ("Przelew 30 dni", 30)],
    "sv": [("30 dagar netto", 30), ("20 dagar netto", 20)],
    "da": [("Netto 30 dage", 30), ("Løbende måned + 30 dage", 60)],
    "nl": [("30 dagen netto", 30), ("Binnen 14 dagen", 14)],
    "pt": [("30 dias", 30), ("Pronto pagamento", 0), ("60 dias data fatura", 60)],
    "fr": [("30 jours fin de mois", 60), ("45 jours date de facture", 45), ("Comptant", 0)],
    "de": [("30 Tage netto", 30), ("14 Tage 2 % Skonto, 30 Tage netto", 30)],
    "it": [("Bonifico 60 gg d.f.f.m.", 60), ("Ri.Ba. 30 gg", 30)],
}  # fmt: skip


# ---------------------------------------------------------------- the order


@dataclass
class Order4:
    """An order and what its print adds to the lines: price units, sections, buyer part numbers, HSN codes, whether
    a line is goods or services, and the document's drawn look (captions, columns, formats)."""

    po: BlindPO
    price_units: list[int]
    groups: list[str]
    buyer_pns: list[str]
    hsn: list[str]
    services: list[bool]
    look: dict[str, Any]


def _sku4(rng: random.Random, fam: Blind4Family) -> str:
    n = rng.randrange(10**5, 10**7)
    return {
        "oracle-ebs-us": f"{rng.choice(['MRO', 'ELC', 'FAB'])}-{n % 100000:05d}",
        "jde-za": f"{n % 1000000:06d}", "netsuite-us": f"{rng.choice(['AB', 'KT', 'HW'])}-{n % 10000:04d}",
        "coupa-gb": f"{rng.choice(string.ascii_uppercase)}{n % 100000:05d}",
        "ariba-mx": f"{n % 10**6:06d}{rng.choice(string.ascii_uppercase)}", "inkop-prisenhet-se": f"{n % 10**6:06d}",
        "indkob-dk": f"{n % 10**5:05d}", "inkooporder-nl": f"{n % 10**4:04d}.{n // 10**4 % 100:02d}",
        "encomenda-pt": f"ART{n % 10**4:04d}", "pedido-es": f"{n % 10**5:05d}-{rng.randrange(1, 9)}",
        "fournitures-prestations-fr": f"{rng.choice(['VIS', 'CAB', 'PEI'])}{n % 1000:03d}",
        "preis-je-100-de": f"{n % 10**6:06d}", "ordine-it": f"{rng.choice(['A', 'B'])}{n % 10**5:05d}",
        "bilingual-ca": f"{n % 10**5:05d}-{rng.choice('ABC')}",
    }.get(fam.name, f"{n % 10**5:05d}")  # fmt: skip


def _po_number(rng: random.Random, fam: Blind4Family, year: int) -> str:
    return {
        "oracle-ebs-us": f"{rng.randrange(10**5, 10**6)}", "jde-za": f"{rng.randrange(10**4, 10**5)} OP",
        "netsuite-us": f"PO{rng.randrange(1000, 99999)}", "coupa-gb": f"{rng.randrange(10**4, 10**5)}",
        "ariba-mx": f"PO{rng.randrange(10**7, 10**8)}", "workday-in": f"PO-{year}-{rng.randrange(1, 99999):05d}",
        "zamowienie-vat-pl": f"ZAM/{rng.randrange(1, 999)}/{year}",
        "inkop-prisenhet-se": f"{rng.randrange(40000, 49999)}",
        "indkob-dk": f"{rng.randrange(100000, 999999)}", "inkooporder-nl": f"IO{rng.randrange(10**5, 10**6)}",
        "encomenda-pt": f"NE {year}/{rng.randrange(1, 999)}",
        "pedido-es": f"PC{year % 100:02d}-{rng.randrange(1, 9999):04d}",
        "fournitures-prestations-fr": f"BC{year}{rng.randrange(1, 999):04d}",
        "preis-je-100-de": f"{rng.randrange(10**6, 10**7)}",
        "ordine-it": f"{rng.randrange(1, 999)}/{year % 100:02d}", "bilingual-ca": f"BC-{rng.randrange(10**4, 10**5)}",
    }[fam.name]  # fmt: skip


def _look(rng: random.Random, fam: Blind4Family) -> dict[str, Any]:
    """What this document draws within its family: captions, the columns it prints and their order, formats."""
    base = CAPTIONS[fam.lang]
    en = CAPTIONS["en"]
    captions: dict[str, str] = {}
    for role in sorted(set(base) | set(en)):  # sorted: the draws may not follow the hash seed
        own = (CA_FR.get(role) if fam.country == "CA" else None) or base.get(role) or en[role]
        caption = rng.choice(own)
        if "bilingual" in fam.extras and role in en and fam.lang != "en":
            caption = f"{caption} / {rng.choice(en[role])}"
        captions[role] = caption
    cols = [c for c in fam.columns if c not in fam.optional or rng.random() < 0.6]
    if rng.random() < 0.4 and "quantity" in cols and "description" in cols:  # quantity before the description
        cols.remove("quantity")
        cols.insert(cols.index("description"), "quantity")
    if "unit" in cols and "price_unit" not in cols and rng.random() < 0.5:  # the unit after the price instead
        cols.remove("unit")
        cols.insert(cols.index("unit_price") + 1 if "unit_price" in cols else len(cols) - 1, "unit")
    dates = rng.choice((fam.dates, *DATE_STYLES.get(fam.country, ())))
    numbers = rng.choice((fam.numbers, *NUMBERS.get(fam.country, ())))
    accent = rng.choice([(0.1, 0.25, 0.45), (0.35, 0.1, 0.1), (0.1, 0.35, 0.25), (0.25, 0.25, 0.25)])
    return {"captions": captions, "columns": cols, "dates": dates, "numbers": numbers,
            "size": rng.choice([7.5, 8.0, 8.5]), "accent": accent}  # fmt: skip


def sample_po4(rng: random.Random, fam: Blind4Family) -> Order4:
    look = _look(rng, fam)
    cols = look["columns"]
    buyer = make_party4(rng, fam.country)
    vendor = make_party4(rng, fam.country, avoid=buyer.name)
    ship = replace(make_party4(rng, fam.country), name=buyer.name)
    lo, hi = fam.lines
    n = min(hi * 2, lo + int(rng.expovariate(1 / 20)))  # mostly a page, sometimes two or three
    pool = PRODUCTS4.get(fam.lang, PRODUCTS4["en"])
    services_pool = SERVICES4.get(fam.lang, SERVICES4["en"])
    rates = [Decimal(r) for r in TAX_RATES[fam.country]]
    two_tables = fam.items == "two_tables"
    n_services = rng.randrange(1, min(3, n - 1) + 1) if two_tables else 0
    groups_pool = GROUPS.get(fam.lang, GROUPS["en"])
    n_groups = rng.randrange(2, min(4, n) + 1) if "groups" in fam.extras else 1
    groups = sorted(rng.choice(range(n_groups)) for _ in range(n))
    lines: list[POLine] = []
    price_units, buyer_pns, hsn, services = [], [], [], []
    for k in range(n):
        service = k >= n - n_services
        desc, unit = rng.choice(services_pool) if service else (pool[k % len(pool)] if k < len(pool)
                                                                else rng.choice(pool))  # fmt: skip
        qty = Decimal(rng.choice([1, 2, 3, 4, 5, 6, 10, 12, 20, 24, 50, 100, 200]))
        per = 1
        if "per100" in fam.extras and not service and rng.random() < 0.7:
            per = rng.choice([100, 100, 1000])
            qty = Decimal(rng.choice([200, 250, 500, 1000, 2000, 5000, 10000]))
        if "decqty" in fam.extras and unit.upper().rstrip(".") in {"M", "KG", "L", "M2", "LT"} | {"m", "kg", "l"}:
            qty = Decimal(rng.randrange(5, 2000)) / rng.choice([2, 4, 10])
        price = q2(Decimal(rng.randrange(50, 80000 if fam.currency not in {"INR", "SEK", "DKK", "MXN", "ZAR"}
                                         else 600000)) / 100)  # fmt: skip
        disc = None
        factor = Decimal(1)
        if "discount_pct" in cols:
            disc = Decimal(rng.choice([0, 0, 5, 10, 12.5, 15, 25])).quantize(Decimal("0.1"))
            factor = 1 - disc / 100
        rate = rng.choice(rates) if "tax_rate" in cols else None
        kind = rng.random()
        if "free" in fam.extras and k and kind < 0.12:  # a free sample or goods given with the order
            price, disc, factor = Decimal("0.00"), (Decimal("0.0") if disc is not None else None), Decimal(1)
        # where the net price is printed (rounded), the line amount follows from it
        net = q2(price * factor) if "discnet" in fam.extras else price * factor
        amount = q2(qty * net / per)
        lines.append(POLine(_sku4(rng, fam) if ("sku" in cols or "skuinline" in fam.extras) else None, desc, qty,
                            unit if "unit" in cols else None, price, disc, rate, amount))  # fmt: skip
        price_units.append(per)
        buyer_pns.append(f"{rng.randrange(10**6, 10**7)}")
        hsn.append(rng.choice(["7318", "8544", "3208", "4016", "998719"]))
        services.append(service)
    if "free" in fam.extras and rng.random() < 0.6:  # a rebate line: one, a negative price, no part number
        rebate = -q2(sum((ln.amount for ln in lines), Decimal(0)) * Decimal(rng.choice([2, 3, 5])) / 100)
        name = look["captions"]["rebate"]
        lines.append(POLine(None, name, Decimal(1), None, rebate, Decimal("0.0") if "discount_pct" in cols else None,
                            None, rebate))  # fmt: skip
        price_units.append(1)
        buyer_pns.append("")
        hsn.append("")
        services.append(False)
        groups.append(groups[-1])
    year = rng.randrange(2024, 2028)
    number = _po_number(rng, fam, year)
    order_date = date(year, 1, 1) + timedelta(days=rng.randrange(0, 364))
    terms = rng.choice(PAYMENT_TERMS4.get(fam.country, PAYMENT_TERMS4.get(fam.lang, PAYMENT_TERMS4["en"])))
    per_line = "tax_rate" in cols
    if "gross" in fam.extras:
        po = gross_order(number, order_date, buyer, vendor, ship, terms, lines, rates[0], per_line)
    else:
        po = priced_order(number, order_date, buyer, vendor, ship, terms, lines, Decimal(0), Decimal("0.00"),
                          rates[0], per_line, True)  # fmt: skip
    names = [groups_pool[g % len(groups_pool)] for g in groups]
    return Order4(po, price_units, names, buyer_pns, hsn, services, look)


def gross_order(number: str, order_date: date, buyer: BlindParty, vendor: BlindParty, ship: BlindParty,
                terms: tuple[str, int], lines: list[POLine], rate: Decimal, per_line: bool) -> BlindPO:  # fmt: skip
    """Tax-inclusive lines: the total is their sum, the tax inside it is worked out per rate, the net is the rest."""
    total = sum((ln.amount for ln in lines), Decimal("0.00"))
    by_rate: dict[Decimal, Decimal] = {}
    for ln in lines:
        r = ln.tax_rate if per_line and ln.tax_rate is not None else rate
        by_rate[r] = by_rate.get(r, Decimal(0)) + ln.amount
    tax_by_rate = {r: q2(g * r / (100 + r)) for r, g in by_rate.items()}
    tax = sum(tax_by_rate.values(), Decimal("0.00"))
    return BlindPO(number, order_date, buyer, vendor, ship, terms, lines, total - tax, Decimal("0.00"), Decimal(0),
                   Decimal("0.00"), rate, tax_by_rate, tax, total)  # fmt: skip


# ---------------------------------------------------------------- drawing the order

Col = tuple[str, float, float, str]  # role, x0, x1, align
_RIGHT = {"quantity", "unit_price", "price_unit", "discount_pct", "net_price", "tax_rate", "amount"}
_WEIGHTS = {"line_no": 0.05, "sku": 0.12, "buyer_pn": 0.1, "need": 0.1, "quantity": 0.09, "unit": 0.06,
            "unit_price": 0.11, "price_unit": 0.05, "discount_pct": 0.07, "net_price": 0.1, "tax_rate": 0.07,
            "hsn": 0.08, "amount": 0.13}  # fmt: skip


class PO4Writer(_Sheet2):
    def __init__(self, rng: random.Random, fam: Blind4Family, order: Order4) -> None:
        look = order.look
        super().__init__(rng, replace(fam, dates=look["dates"], numbers=look["numbers"]), look["size"])
        self.o, self.m, self.c = order, order.po, look["captions"]
        self.cols_roles: list[str] = look["columns"]
        self.accent: tuple[float, float, float] = look["accent"]

    # -- formats
    def day(self, value: date) -> str:
        return format_day4(value, self.fam.dates, self.fam.lang)

    def pct(self, value: Decimal) -> str:
        text = self.num(value, 1 if value != value.to_integral_value() else 0)
        return f"{text}%" if self.fam.lang == "en" else f"{text} %"

    def money(self, x: float, y: float, value: Decimal, tag: str | None, *, bold: bool = False,
              row: int | None = None, sign: str = "", style: str | None = None) -> None:  # fmt: skip
        """The amount with this set's symbols (several of them shared by currencies: never tagged)."""
        style = style or self.fam.money
        number = self.num(value)
        if style == "plain":
            self.t(x, y, number, tag, bold=bold, align="right", row=row)
            return
        symbol = SYMBOLS4[self.fam.currency] if style.startswith("sym") else self.fam.currency
        cur_tag = None if self.currency_shown or symbol in _SHARED_SYMBOLS or row is not None else "currency"
        self.currency_shown = self.currency_shown or cur_tag is not None
        space = width(" ", self.f.regular, self.size)
        first, second = (number, symbol) if style.endswith("before") else (symbol, number)
        tags = (tag, cur_tag) if style.endswith("before") else (cur_tag, tag)
        w = self.t(x, y, first, tags[0], bold=bold, align="right", row=row)
        self.t(x - w - space, y, second, tags[1], bold=bold, align="right", row=row)

    # -- the header
    def info(self) -> list[tuple[str, str, str | None]]:
        m, c = self.m, self.c
        Row = tuple[str, str, str | None]
        rows: list[Row] = [(c["po_number"], m.number, "po_number"),
                           (c["order_date"], self.day(m.order_date), "order_date"),
                           (c["payment_terms"], m.terms[0], "payment_terms")]  # fmt: skip
        self.rng.shuffle(rows)
        return rows

    def party(self, x: float, y: float, w: float, caption: str, party: BlindParty, tag: str | None,
              tax: bool) -> float:  # fmt: skip
        return self.block(x, y, w, caption + ":" if self.rng.random() < 0.5 else caption, party, tag, tax)

    def title(self, x: float, y: float, align: str = "left") -> None:
        self.t(x, y, self.c["title"], bold=True, scale=1.9, align=align, color=self.accent)

    def kv(self, rows: list[tuple[str, str, str | None]], x: float, value_x: float, y: float) -> float:
        for caption, value, tag in rows:
            self.t(x, y + self.size, caption + ("" if caption.endswith((":", "#")) else ":"), bold=True, scale=0.9)
            self.t(value_x, y + self.size, value, tag)
            y += self.lead
        return y

    def head_boxes(self) -> None:
        """Captions in small print at the top of ruled boxes, values under them (Oracle, JDE, SAP Ariba prints)."""
        m = self.m
        draw_logo(self.page, self.rng, self.left, self.y - 4, self.size * 3.2)
        self.title(self.right, self.y + self.size * 1.6, "right")
        self.y += self.lead * 3
        rows = self.info()
        w = (self.right - self.left) / len(rows)
        for k, (caption, value, tag) in enumerate(rows):
            x = self.left + k * w
            self.page.rect(x, self.y, w, self.lead * 2.4, line_width=0.6)
            self.t(x + 3, self.y + self.size * 0.95, caption, scale=0.75, grey=True)
            self.t(x + 3, self.y + self.lead * 1.9, value, tag, bold=True)
        self.y += self.lead * 3.2
        half = (self.right - self.left) / 2
        top = self.y
        vendor_first = self.rng.random() < 0.7
        first, second = ((self.c["vendor"], m.vendor, "vendor_name"), (self.c["buyer"], m.buyer, "buyer_name"))
        if not vendor_first:
            first, second = second, first
        y1 = self.party(self.left + 4, top + 2, half - 12, first[0], first[1], first[2], True)
        y2 = self.party(self.left + half + 4, top + 2, half - 12, second[0], second[1], second[2], True)
        self.page.rect(self.left, top - 2, half - 4, max(y1, y2) - top + 6, line_width=0.6)
        self.page.rect(self.left + half, top - 2, half, max(y1, y2) - top + 6, line_width=0.6)
        self.y = max(y1, y2) + self.lead
        if self.rng.random() < 0.6:
            self.t(self.left, self.y + self.size, f"{self.c['ship']}: {m.ship_to.street}, {m.ship_to.city}", scale=0.9)
            self.y += self.lead * 1.6

    def head_band(self) -> None:
        """A coloured band with the title; three address columns; the order facts in a row (Coupa, NetSuite)."""
        m = self.m
        self.page.rect(0, 0, self.pw, self.lead * 4.2, stroke=None, fill=self.accent)
        self.t(self.left, self.lead * 2.7, self.c["title"], bold=True, scale=2.0, color=(1, 1, 1))
        self.t(self.right, self.lead * 2.7, m.number, "po_number", bold=True, scale=1.4, align="right",
               color=(1, 1, 1))  # fmt: skip
        self.y = self.lead * 5.5
        third = (self.right - self.left) / 3
        parties = [(self.c["vendor"], m.vendor, "vendor_name", True), (self.c["buyer"], m.buyer, "buyer_name", True),
                   (self.c["ship"], m.ship_to, None, False)]  # fmt: skip
        if self.rng.random() < 0.5:
            parties[0], parties[1] = parties[1], parties[0]
        bottom = self.y
        for k, (caption, party, tag, tax) in enumerate(parties):
            bottom = max(bottom, self.party(self.left + k * third, self.y, third - 10, caption, party, tag, tax))
        self.y = bottom + self.lead * 0.8
        rows = [r for r in self.info() if r[2] != "po_number"]
        x = self.left
        for caption, value, tag in rows:
            self.t(x, self.y + self.size, caption, scale=0.8, grey=True)
            self.t(x, self.y + self.lead * 1.8, value, tag)
            x += (self.right - self.left) / len(rows)
        self.y += self.lead * 3

    def head_letter(self) -> None:
        """A letterhead, the supplier in an envelope window, the facts at the right, the title as a subject."""
        m = self.m
        self.t(self.left, self.y + self.size * 1.4, m.buyer.name, "buyer_name", bold=True, scale=1.4)
        self.t(self.left, self.y + self.lead * 2, f"{m.buyer.street} · {m.buyer.city}", scale=0.85, grey=True)
        if m.buyer.tax_id:
            self.pair(self.left, self.y + self.lead * 3, f"{m.buyer.tax_label}:", m.buyer.tax_id, "buyer_tax_id",
                      scale=0.85, bold_caption=False)  # fmt: skip
        self.y += self.lead * 5
        top = self.y
        self.t(self.left, self.y, self.c["vendor"], scale=0.75, grey=True)
        self.block(self.left, self.y + 2, 220, None, m.vendor, "vendor_name", True)
        self.kv(self.info(), self.left + 320, self.left + 420, top)
        self.y = top + self.lead * 7.5
        self.t(self.left, self.y, f"{self.c['title']} {m.number}", bold=True, scale=1.5)
        self.y += self.lead * 1.5

    def head_kvright(self) -> None:
        """The buyer's name and logo left, a caption/value list right, the parties side by side (Workday, Visma)."""
        m = self.m
        draw_logo(self.page, self.rng, self.left, self.y - 4, self.size * 3)
        self.title(self.left + self.size * 4, self.y + self.size * 1.8)
        end = self.kv(self.info(), self.right - 210, self.right - 110, self.y)
        self.y = max(end, self.y + self.lead * 3) + self.lead
        half = (self.right - self.left) / 2
        y1 = self.party(self.left, self.y, half - 10, self.c["buyer"], m.buyer, "buyer_name", True)
        y2 = self.party(self.left + half, self.y, half - 10, self.c["vendor"], m.vendor, "vendor_name", True)
        self.y = max(y1, y2) + self.lead * 0.5
        self.y = self.block(self.left, self.y, half - 10, self.c["ship"], m.ship_to, None) + self.lead

    # -- the items
    def bottom(self) -> float:
        return self.ph - self.margin - self.lead * 3

    def columns(self) -> list[Col]:
        roles = self.cols_roles
        free = 1.0 - sum(_WEIGHTS.get(r, 0.0) for r in roles)
        x = self.left
        cols = []
        for role in roles:
            w = (self.right - self.left) * (_WEIGHTS.get(role) or free)
            cols.append((role, x, x + w, "right" if role in _RIGHT else "left"))
            x += w
        return cols

    def table_header(self, cols: list[Col]) -> None:
        """Captions in a shaded row; two lines where the family splits them ('Unit' over 'Price')."""
        two = "twoline" in self.fam.extras
        h = self.lead * (2.6 if two else 1.6)
        self.page.rect(self.left, self.y, self.right - self.left, h, stroke=None, fill=(0.88, 0.9, 0.92))
        for role, x0, x1, align in cols:
            words = self.c[role].split()
            lines = [" ".join(words[: (len(words) + 1) // 2]), " ".join(words[(len(words) + 1) // 2:])] \
                if two and len(words) > 1 else [self.c[role]]  # fmt: skip
            for k, line in enumerate(lines):
                x = x1 - 3 if align == "right" else x0 + 3
                self.t(x, self.y + self.lead * (1 + k), line, bold=True, scale=0.85, align=align)
        self.y += h + 3

    def new_items_page(self, cols: list[Col] | None) -> None:
        self.new_page()
        self.t(self.right, self.y + self.size, f"{self.c['title']} {self.m.number}", scale=0.8, grey=True,
               align="right")  # fmt: skip
        self.y += self.lead * 2
        if cols and "repeat" in self.fam.extras:
            self.table_header(cols)

    def cell(self, role: str, i: int, ln: POLine) -> list[tuple[str, str | None]]:
        o = self.o
        if role == "discount_pct":
            return [(self.pct(ln.discount_pct), None)] if ln.discount_pct else [("", None)]
        if role == "net_price":
            factor = 1 - (ln.discount_pct or 0) / Decimal(100)
            return [(self.num(q2(ln.unit_price * factor)), None)]
        if role == "tax_rate":
            return [(self.pct(ln.tax_rate), "tax_rate")] if ln.tax_rate is not None else [("", None)]
        if role == "price_unit":
            return [(self.num(Decimal(o.price_units[i]), 0), None)]
        if role == "quantity":
            return [(self.qty(ln.quantity), "quantity")]
        if role == "need":
            return [(self.day(self.m.order_date + timedelta(days=14 + i % 3 * 7)), None)]
        return [{
            "line_no": (str(i + 1), None), "sku": (ln.sku or "", "sku" if ln.sku else None),
            "buyer_pn": (o.buyer_pns[i], None), "hsn": (o.hsn[i], None),
            "unit": (ln.unit or "", "unit" if ln.unit else None),
            "unit_price": (self.num(ln.unit_price), "unit_price"), "amount": (self.num(ln.amount), "amount"),
        }[role]]  # fmt: skip

    def description(self, x: float, y: float, w: float, i: int, ln: POLine) -> float:
        """The description, wrapped; the SKU in brackets before it where the family prints it there."""
        ent = Entity("description", row=i)
        if "skuinline" in self.fam.extras and ln.sku:
            x += self.t(x, y, "[", row=i)
            x += self.t(x, y, ln.sku, "sku", row=i)
            x += self.t(x, y, "]", row=i) + width(" ", self.f.regular, self.size)
            w -= width(f"[{ln.sku}] ", self.f.regular, self.size)
        lines = wrap(ln.description, self.f.regular, self.size, w)
        for k, line in enumerate(lines):
            self.t(x, y + k * self.lead, line, entity=ent, row=i)
        return self.lead * len(lines)

    def row(self, cols: list[Col], i: int, ln: POLine) -> None:
        base = self.y + self.size
        h = self.lead
        for role, x0, x1, align in cols:
            if role == "description":
                h = max(h, self.description(x0 + 3, base, x1 - x0 - 6, i, ln))
                continue
            words = self.cell(role, i, ln)
            x = x1 - 3 if align == "right" else x0 + 3
            for text, tag in reversed(words) if align == "right" else words:
                w = self.t(x, base, text, tag, row=i, align=align)
                x += -w - 3 if align == "right" else w + 3
        self.y += h + 2

    def table(self, rows: list[int] | None = None, heading: str | None = None) -> None:
        cols = self.columns()
        rows = list(range(len(self.m.lines))) if rows is None else rows
        if heading:
            self.t(self.left, self.y + self.size * 1.2, heading, bold=True, scale=1.15, color=self.accent)
            self.y += self.lead * 1.6
        self.table_header(cols)
        group = None
        running = Decimal(0)
        for i in rows:
            ln = self.m.lines[i]
            name = self.o.groups[i] if "groups" in self.fam.extras else None
            if name != group and group is not None:
                self.section_total(cols, group, running)
                running = Decimal(0)
            if self.y + self.lead * (3 if name != group else 1.5) > self.bottom():
                self.new_items_page(cols)
            if name != group:
                self.t(self.left + 3, self.y + self.size, name or "", bold=True, italic=False, color=self.accent)
                self.y += self.lead * 1.2
                group = name
            self.row(cols, i, ln)
            running += ln.amount
            if self.rng.random() < 0.5:
                self.page.line(self.left, self.y - 1, self.right, self.y - 1, 0.3, (0.6, 0.6, 0.6))
        if group is not None:
            self.section_total(cols, group, running)
        self.page.line(self.left, self.y + 1, self.right, self.y + 1, 0.8)
        self.y += self.lead

    def section_total(self, cols: list[Col], name: str, value: Decimal) -> None:
        amount_x = next(x1 for role, _x0, x1, _a in cols if role == "amount")
        self.page.line(amount_x - 70, self.y, amount_x, self.y, 0.5)
        self.t(amount_x - 80, self.y + self.size + 2, f"{self.c['section']} {name}", italic=True, align="right")
        self.t(amount_x - 3, self.y + self.size + 2, self.num(value), bold=True, align="right")
        self.y += self.lead * 1.6

    def two_tables(self) -> None:
        goods = [i for i, s in enumerate(self.o.services) if not s]
        services = [i for i, s in enumerate(self.o.services) if s]
        self.table(goods, self.c["goods"])
        if self.y + self.lead * 6 > self.bottom():
            self.new_items_page(None)
        self.table(services, self.c["services"])

    def grouped(self) -> None:
        self.table()

    def cards(self) -> None:
        """Each item a block: the description in bold on top, the facts as caption/value pairs below."""
        c = self.c
        for i, ln in enumerate(self.m.lines):
            if self.y + self.lead * 5 > self.bottom():
                self.new_items_page(None)
            top = self.y
            self.page.rect(self.left, top, self.right - self.left, self.lead * 4.2, stroke=(0.7, 0.7, 0.7),
                           fill=(0.97, 0.97, 0.97), radius=3)  # fmt: skip
            self.t(self.left + 6, top + self.lead, f"{i + 1}.", bold=True, row=i)
            ent = Entity("description", row=i)
            self.t(self.left + 24, top + self.lead, ln.description, bold=True, entity=ent, row=i)
            facts: list[tuple[str, str, str | None]] = []
            for role in self.cols_roles:
                if role in {"description", "line_no", "amount"}:
                    continue
                ((text, tag),) = self.cell(role, i, ln)
                if text:
                    facts.append((c[role], text, tag))
            x = self.left + 24
            for caption, text, tag in facts:
                w = self.t(x, top + self.lead * 2.4, caption + ":", scale=0.8, grey=True, row=i)
                x += w + 3 + self.t(x + w + 3, top + self.lead * 2.4, text, tag, row=i) + 14
            self.t(self.right - 8, top + self.lead * 2.4, c["amount"], scale=0.8, grey=True, align="right")
            self.money(self.right - 8, top + self.lead * 3.6, ln.amount, "amount", bold=True, row=i)
            self.y = top + self.lead * 4.2 + 5

    def leaders(self) -> None:
        """No table: 'Description ....... 12 STK à 45,00 ........ 540,00', a dotted leader to each figure."""
        dot = width(".", self.f.regular, self.size)
        for i, ln in enumerate(self.m.lines):
            if self.y + self.lead * 2 > self.bottom():
                self.new_items_page(None)
            base = self.y + self.size
            x = self.left
            if ln.sku:
                x += self.t(x, base, ln.sku, "sku", row=i) + 8
            desc = self.t(x, base, ln.description, entity=Entity("description", row=i), row=i)
            mid = self.left + (self.right - self.left) * 0.58
            start = x + desc + 4
            parts: list[tuple[str, str | None]] = [(self.qty(ln.quantity), "quantity")]
            if ln.unit:
                parts.append((ln.unit, "unit"))
            parts += [("à", None), (self.num(ln.unit_price), "unit_price")]
            self.t(start, base, "." * max(3, int((mid - start) / dot)), row=i, grey=True)
            px = max(mid, start + 30)
            for text, tag in parts:
                px += self.t(px, base, text, tag, row=i) + 4
            amount_w = width(self.num(ln.amount), self.f.regular, self.size)
            self.t(px, base, "." * max(3, int((self.right - amount_w - 4 - px) / dot)), row=i, grey=True)
            self.t(self.right, base, self.num(ln.amount), "amount", row=i, align="right")
            self.y += self.lead * 1.25
        self.y += self.lead

    # -- totals
    def totals(self) -> None:
        m, c = self.m, self.c
        if self.y + self.lead * 6 > self.bottom():
            self.new_items_page(None)
        self.y += self.lead * 0.5
        x_cap, x_val = self.right - 200, self.right
        rows: list[tuple[str, Decimal, str | None, bool]]
        several = len(m.tax_by_rate) > 1
        per_rate = [(f"{c['tax']} {self.pct(r)}", v, None, False) for r, v in sorted(m.tax_by_rate.items())]
        if "gross" in self.fam.extras:  # the total first; the net and the tax inside it after
            rows = [(c["total"], m.total, "total", True), (c["subtotal"], m.subtotal, "subtotal", False),
                    *per_rate, (c["tax"], m.tax_total, "tax_total", False)]  # fmt: skip
            if not several:
                rows = [r for r in rows if r[2] is not None]
        else:
            tax_rows = [*per_rate, (c["tax"], m.tax_total, "tax_total", False)] if several else \
                [(f"{c['tax']} {self.pct(next(iter(m.tax_by_rate)))}" if m.tax_by_rate and "%" not in c["tax"]
                  and self.rng.random() < 0.5 else c["tax"], m.tax_total, "tax_total", False)]  # fmt: skip
            rows = [(c["subtotal"], m.subtotal, "subtotal", False), *tax_rows, (c["total"], m.total, "total", True)]
        for caption, value, tag, bold in rows:
            self.t(x_cap, self.y + self.size, caption, bold=bold)
            self.money(x_val, self.y + self.size, value, tag, bold=bold)
            self.y += self.lead * 1.2
        if self.fam.money == "plain":
            self.pair(x_cap, self.y + self.size, self.c["currency"], self.fam.currency, "currency", scale=0.85,
                      bold_caption=False)  # fmt: skip
            self.y += self.lead

    def footers(self) -> None:
        n = len(self.pages)
        for k, page in enumerate(self.pages):
            text = f"{self.c['page']} {k + 1} / {n}"
            page.text(self.right, self.ph - self.margin * 0.6, text, self.f.regular, self.size * 0.8, align="right")
            page.text(self.left, self.ph - self.margin * 0.6, self.m.number, self.f.regular, self.size * 0.8)

    def write(self) -> None:
        getattr(self, f"head_{self.fam.header}")()
        {"table": self.table, "grouped": self.grouped, "cards": self.cards, "leaders": self.leaders,
         "two_tables": self.two_tables}[self.fam.items]()  # fmt: skip
        self.totals()
        self.footers()


def make_blind4_po(seed: int, fam: Blind4Family, doc_id: str | None = None) -> GeneratedDoc:
    return make_set_po(seed, fam, doc_id, set_no=4, sample=sample_po4, writer_of=PO4Writer, look_keys=LOOK_KEYS[:3])


# ---------------------------------------------------------------- contracts

# Per family: the words a contract is made of. {eff}, {exp}, {buyer}, {vendor}, {terms}, {cur} are tagged values;
# 'filler' are clauses without values (they make the one to three pages).
CONTRACT_TEXT4: dict[str, dict[str, Any]] = {
    "msa-ratecard-us": {
        "title": ("MASTER SERVICES AGREEMENT", "Master Services Agreement"), "number": ("Agreement No.", "MSA No."),
        "roles": ("Client", "Service Provider"), "sign": "For the",
        "intro": "This Master Services Agreement is entered into as of {eff} by {buyer}{btax} (the \"Client\") and "
                 "{vendor}{vtax} (the \"Service Provider\").",
        "term": "This Agreement commences on the Effective Date and continues until {exp} unless terminated "
                "earlier under Section 9.",
        "pay": "Fees are invoiced monthly in arrears in {cur}; invoices are payable {terms}.",
        "filler": ["Each Statement of Work under this Agreement describes the Services, the deliverables and the "
                   "acceptance criteria; a Statement of Work prevails only for the Services it describes.",
                   "Neither party is liable for indirect or consequential loss; each party's aggregate liability "
                   "is limited to the fees paid in the twelve months before the claim.",
                   "Confidential Information may be used only to perform this Agreement and must be protected with "
                   "at least reasonable care.", "This Agreement is governed by the laws of the State of Delaware."],
        "annex": ("Exhibit A – Rate Card", "Schedule 1: Rates"), "cols": ("Role / Service", "Unit", "Rate"),
        "terms": [("net 30 days from receipt", 30), ("within forty-five (45) days", 45)],
        "services": [("Principal consultant", "hour"), ("Senior engineer", "hour"), ("Project manager", "day"),
                     ("Business analyst", "day"), ("Data migration", "day"), ("Help desk support", "ticket"),
                     ("Travel day", "day")],
    },
    "tiered-volume-gb": {
        "title": ("Transaction Processing Agreement", "SERVICES AGREEMENT"), "number": ("Reference", "Contract ref."),
        "roles": ("Customer", "Supplier"), "sign": "Signed for the",
        "intro": "This agreement dated {eff} is made between {buyer}{btax} (the Customer) and {vendor}{vtax} "
                 "(the Supplier).",
        "term": "It runs from the date above to {exp} and may be renewed by written agreement.",
        "pay": "The Supplier invoices the monthly volume in {cur} at the tier the volume falls in; invoices are "
               "due {terms}.",
        "filler": ["Volumes are counted per calendar month across all of the Customer's accounts.",
                   "Service levels are set out in the Service Level Schedule; credits for missed levels are the "
                   "Customer's sole remedy.", "Either party may terminate for material breach not remedied "
                   "within thirty days of notice."],
        "annex": ("Tiered pricing", "Volume price bands"), "cols": ("Band", "Monthly volume", "Price per item"),
        "terms": [("30 days from the invoice date", 30), ("14 days net", 14)],
    },
    "sow-milestones-za": {
        "title": ("STATEMENT OF WORK", "Statement of Work"), "number": ("SOW Number", "SOW Ref"),
        "roles": ("Client", "Contractor"), "sign": "For the",
        "intro": "This Statement of Work is issued under the master agreement between {buyer}{btax} and "
                 "{vendor}{vtax}. Work starts on {eff}.",
        "term": "The work ends when the last milestone is accepted, and not later than {exp}.",
        "pay": "Each milestone is invoiced in {cur} on acceptance and paid {terms}.",
        "filler": ["The Contractor delivers a project plan within ten working days and reports progress weekly.",
                   "A milestone is accepted when the Client signs its acceptance certificate or raises no "
                   "written objection within five working days.", "Changes to scope follow the change control "
                   "procedure of the master agreement."],
        "annex": ("Milestones and payments", "Payment schedule"),
        "cols": ("No.", "Deliverable", "Target date", "Amount"),
        "terms": [("30 days from statement", 30), ("within 14 days of invoice", 14)],
        "services": [("Discovery and requirements sign-off", ""), ("Solution design", ""), ("Build and unit test", ""),
                     ("User acceptance testing", ""), ("Go-live and hypercare", ""), ("Final handover", "")],
    },
    "licentie-seats-nl": {
        "title": ("Licentieovereenkomst", "LICENTIEOVEREENKOMST SOFTWARE"), "number": ("Contractnummer", "Kenmerk"),
        "roles": ("Licentienemer", "Licentiegever"), "sign": "Namens",
        "intro": "Partijen: {buyer}{btax}, hierna Licentienemer, en {vendor}{vtax}, hierna Licentiegever. Deze "
                 "overeenkomst gaat in op {eff}.",
        "term": "De overeenkomst loopt tot en met {exp} en wordt daarna stilzwijgend met een jaar verlengd.",
        "pay": "De licentievergoedingen worden jaarlijks vooraf gefactureerd in {cur}; betaling {terms}.",
        "filler": ["Licentiegever verleent een niet-exclusief, niet-overdraagbaar gebruiksrecht voor het aantal "
                   "gebruikers hieronder.", "Onderhoud en updates zijn in de vergoeding inbegrepen.",
                   "Op deze overeenkomst is Nederlands recht van toepassing."],
        "annex": ("Licenties en vergoedingen", "Prijsoverzicht"),
        "cols": ("Product", "Aantal gebruikers", "Prijs per gebruiker per jaar", "Jaarbedrag"),
        "terms": [("binnen 30 dagen na factuurdatum", 30), ("binnen 14 dagen", 14)],
        "services": [("Planning Suite Professional", ""), ("Rapportagemodule", ""), ("Mobiele app", ""),
                     ("API-koppeling", ""), ("Archiefmodule", "")],
    },
    "fees-words-ie": {
        "title": ("SUPPORT SERVICES AGREEMENT", "Agreement for Support Services"), "number": ("Agreement ref.",),
        "roles": ("Customer", "Provider"), "sign": "Signed on behalf of the",
        "intro": "THIS AGREEMENT is made on {eff} BETWEEN {buyer}{btax} (the Customer) AND {vendor}{vtax} "
                 "(the Provider).",
        "term": "This Agreement continues until {exp}.", "pay": "Fees are invoiced in {cur} and are payable {terms}.",
        "fee": "For the {service} the Customer shall pay {words} ({cur2} {rate}) per {unit}.",
        "filler": ["The Provider shall perform the services with the skill and care of a competent provider.",
                   "Each party shall comply with data protection law applicable to the services.",
                   "Notices must be in writing and delivered to the address above."],
        "annex": ("Fees",), "terms": [("within 30 days of invoice", 30), ("net 21 days", 21)],
        "services": [("monthly support retainer", "month"), ("annual security audit", "audit"),
                     ("on-site support visit", "visit"), ("quarterly review", "quarter")],
    },
    "dos-columnas-es": {
        "title": ("CONTRATO DE PRESTACIÓN DE SERVICIOS", "Contrato de Servicios"), "number": ("Contrato nº", "Ref."),
        "roles": ("el Cliente", "el Prestador"), "sign": "Por",
        "intro": "REUNIDOS, de una parte {buyer}{btax}, en adelante el Cliente, y de otra {vendor}{vtax}, en "
                 "adelante el Prestador, acuerdan lo siguiente con efectos desde el {eff}.",
        "term": "El contrato estará vigente hasta el {exp}.",
        "pay": "Las facturas se emitirán en {cur} y se abonarán mediante {terms}.",
        "fee": "Por {service} el Cliente abonará {rate} euros por {unit}.",
        "filler": ["El Prestador realizará los servicios con personal propio y cualificado.",
                   "Las partes guardarán confidencialidad sobre la información recibida.",
                   "Cualquier modificación deberá constar por escrito.",
                   "Para cualquier controversia las partes se someten a los juzgados de Bilbao."],
        "annex": ("Precios",), "terms": [("transferencia a 30 días", 30), ("transferencia a 60 días", 60)],
        "services": [("el mantenimiento preventivo", "visita"), ("cada hora de técnico", "hora"),
                     ("la guardia de fin de semana", "fin de semana"), ("el informe anual", "informe")],
    },
    "tillaeg-term-dk": {
        "title": ("Tillæg nr. 2 til Servicekontrakt", "TILLÆGSAFTALE"), "number": ("Kontraktnr.", "Sagsnr."),
        "roles": ("Kunden", "Leverandøren"), "sign": "For",
        "intro": "Mellem {buyer}{btax} (Kunden) og {vendor}{vtax} (Leverandøren) er der pr. {eff} aftalt "
                 "følgende tillæg til servicekontrakten.",
        "term": "Kontraktens løbetid forlænges, så den udløber den {exp}.",
        "pay": "Betaling sker i {cur}, {terms}.",
        "filler": ["Alle øvrige vilkår i kontrakten er uændrede.",
                   "Tillægget træder i stedet for prisbilaget i den oprindelige kontrakt."],
        "annex": ("Reviderede priser", "Nye priser"), "cols": ("Ydelse", "Enhed", "Hidtidig pris", "Ny pris"),
        "terms": [("netto 30 dage", 30), ("løbende måned + 15 dage", 45)],
        "services": [("Serviceeftersyn", "besøg"), ("Teknikertime", "time"), ("Akut udrykning", "udrykning"),
                     ("Fjernsupport", "måned"), ("Reservedelshåndtering", "ordre")],
    },
    "umowa-ramowa-pl": {
        "title": ("UMOWA RAMOWA", "Umowa ramowa o świadczenie usług"), "number": ("Nr umowy", "Umowa nr"),
        "roles": ("Zamawiający", "Wykonawca"), "sign": "",
        "intro": "Zawarta w dniu {eff} pomiędzy {buyer}{btax}, zwaną dalej Zamawiającym, a {vendor}{vtax}, "
                 "zwaną dalej Wykonawcą.",
        "term": "Umowa obowiązuje do dnia {exp}",  # the date ends in 'r.' already
        "pay": "Wynagrodzenie płatne w {cur}, {terms} od doręczenia faktury.",
        "filler": ["Wykonawca zobowiązuje się wykonywać usługi zgodnie ze zleceniami Zamawiającego.",
                   "Zmiany umowy wymagają formy pisemnej pod rygorem nieważności.",
                   "W sprawach nieuregulowanych stosuje się przepisy Kodeksu cywilnego."],
        "annex": ("Załącznik nr 1 – Cennik", "Cennik usług"),
        "terms": [("przelewem w terminie 30 dni", 30), ("przelewem w terminie 14 dni", 14)],
        "services": [("Przegląd okresowy", "szt."), ("Roboczogodzina serwisu", "godz."), ("Dojazd", "km"),
                     ("Kalibracja urządzenia", "szt."), ("Szkolenie", "dzień")],
    },
}  # fmt: skip


@dataclass
class Contract4(Contract2):
    seats: list[int] | None = None
    previous: list[Decimal] | None = None


def _contract_number(rng: random.Random, fam: Blind4Family, year: int) -> str:
    return {"msa-ratecard-us": f"MSA-{year}-{rng.randrange(1000, 9999)}",
            "tiered-volume-gb": f"TPA/{rng.randrange(100, 999)}/{year % 100}",
            "sow-milestones-za": f"SOW{year}-{rng.randrange(1, 99):03d}",
            "licentie-seats-nl": f"LIC-{rng.randrange(10**4, 10**5)}",
            "fees-words-ie": f"SSA-{rng.randrange(100, 999)}",
            "dos-columnas-es": f"{rng.randrange(10, 999)}/{year}", "tillaeg-term-dk": f"{rng.randrange(1000, 9999)}-T2",
            "umowa-ramowa-pl": f"UR/{rng.randrange(1, 99)}/{year}"}[fam.name]  # fmt: skip


def sample_contract4(rng: random.Random, fam: Blind4Family) -> Contract4:
    text = CONTRACT_TEXT4[fam.name]
    buyer = make_party4(rng, fam.country)
    vendor = make_party4(rng, fam.country, avoid=buyer.name)
    effective = date(rng.randrange(2024, 2028), 1, 1) + timedelta(days=rng.randrange(0, 364))
    expiry = effective + relativedelta(months=rng.choice([6, 12, 24, 36])) - timedelta(days=rng.choice([0, 1]))
    seats = previous = None
    if fam.items == "tiers":
        bounds = [0, *sorted(rng.sample(range(1, 40), rng.randrange(2, 5)))]
        step = rng.choice([500, 1000, 2500])
        price = Decimal(rng.randrange(4000, 40000)) / 10000  # per item, to four places
        rates = []
        for k, lo in enumerate(bounds):
            hi = bounds[k + 1] * step if k + 1 < len(bounds) else None
            band = f"{lo * step + 1:,} – {hi:,}" if hi else f"over {lo * step:,}"
            rates.append((band, "", price))
            price = (price * Decimal(rng.choice(["0.9", "0.85", "0.8"]))).quantize(Decimal("0.0001"))
    else:
        pool = text["services"]
        chosen = pool[: rng.randrange(3, len(pool) + 1)] if fam.items == "milestones" else rng.sample(
            pool, rng.randrange(2, len(pool) + 1))  # fmt: skip
        top = 4000000 if fam.items == "milestones" else 2500000 if fam.items == "words" else 250000
        rates = [(s, u, q2(Decimal(rng.randrange(3000, top)) / 100)) for s, u in chosen]
        if fam.items == "words":  # fees a person writes out: whole amounts
            rates = [(s, u, q2(r.to_integral_value())) for s, u, r in rates]
    if fam.items == "seats":
        seats = [rng.choice([5, 10, 25, 40, 50, 100, 250]) for _ in rates]
    if fam.header == "amendment":
        previous = [q2(r / Decimal(rng.choice(["1.03", "1.05", "1.08"]))) for _, _, r in rates]
    number = _contract_number(rng, fam, effective.year)
    return Contract4(number, effective, expiry, None, buyer, vendor, rng.choice(text["terms"]), rates, seats, previous)


class Contract4Writer(Contract2Writer):
    def __init__(self, rng: random.Random, fam: Blind4Family, model: Contract4) -> None:
        dates = rng.choice((fam.dates, *DATE_STYLES.get(fam.country, ())))
        _Sheet2.__init__(self, rng, replace(fam, dates=dates), rng.choice([9.0, 9.5, 10.0]))
        self.m: Contract4 = model
        text = CONTRACT_TEXT4[fam.name]
        self.text = {**text, "title": rng.choice(text["title"]), "number": rng.choice(text["number"]),
                     "annex": rng.choice(text["annex"])}  # fmt: skip
        self.clause_no = 0
        self.columns: tuple[float, float] | None = None

    def day(self, value: date) -> str:
        return format_day4(value, self.fam.dates, self.fam.lang)

    def values(self) -> dict[str, tuple[str, str | None]]:
        out = super().values()
        for key, party in (("btax", self.m.buyer), ("vtax", self.m.vendor)):
            out[key] = (f", {party.tax_label} {out[key + '_id'][0]}" if key + "_id" in out else "", None)
        return out

    def fill(self, template: str, values: dict[str, tuple[str, str | None]]) -> str:
        """Tax ids sit inside the sentence: '{btax}' becomes ', NIP {btax_id}' or nothing."""
        for key in ("btax", "vtax"):
            sub = f", {self.m.buyer.tax_label if key == 'btax' else self.m.vendor.tax_label} {{{key}_id}}"
            template = template.replace("{" + key + "}", sub if key + "_id" in values else "")
        return template

    def heading(self) -> None:
        align, x = ("center", self.pw / 2) if self.rng.random() < 0.7 else ("left", self.left)
        if self.rng.random() < 0.5:  # the logo where the title leaves room
            draw_logo(self.page, self.rng, self.left if align == "center" else self.right - self.size * 3,
                      self.y - 6, self.size * 3)  # fmt: skip
        self.t(x, self.y + self.size * 2, self.text["title"], bold=True, scale=1.6, align=align)
        self.y += self.lead * 2.6
        caption = f"{self.text['number']}:"
        full = width(f"{caption} {self.m.number}", self.f.regular, self.size)
        start = self.pw / 2 - full / 2 if align == "center" else self.left
        self.pair(start, self.y + self.size, caption, self.m.number, "contract_number", bold_caption=False,
                  gap=width(" ", self.f.regular, self.size))  # fmt: skip
        self.y += self.lead * 2

    def prose(self, values: dict[str, tuple[str, str | None]]) -> None:
        self.flow(self.fill(self.text["intro"], values), values)
        clauses = [self.text["term"], self.text["pay"], *self.rng.sample(self.text["filler"],
                                                                          len(self.text["filler"]))]  # fmt: skip
        for k, clause in enumerate(clauses):
            self.flow(f"{k + 1}. {clause}", values if k < 2 else {})

    def annex_heading(self) -> None:
        self.room(self.lead * 5)
        self.y += self.lead * 0.5
        self.flow(self.text["annex"], {}, bold=True)

    def grid(self, head: tuple[str, ...], rows: list[list[tuple[str, str | None]]], shares: tuple[float, ...],
             rights: set[int]) -> None:  # fmt: skip
        """A ruled table; each cell's words tagged as given, the row index the item's."""
        total = self.right - self.left
        self.room(self.lead * 3)
        self.page.rect(self.left, self.y, total, self.lead * 1.5, stroke=None, fill=(0.88, 0.88, 0.88))
        edges = [self.left + sum(shares[:k]) * total for k in range(len(shares) + 1)]
        for k, caption in enumerate(head):
            x = edges[k + 1] - 4 if k in rights else edges[k] + 4
            self.t(x, self.y + self.lead, caption, bold=True, scale=0.85, align="right" if k in rights else "left")
        self.y += self.lead * 1.5
        for i, cells in enumerate(rows):
            self.room(self.lead * 2)
            base = self.y + self.lead
            height = self.lead
            for k, (text, tag) in enumerate(cells):
                if k in rights:
                    self.t(edges[k + 1] - 4, base, text, tag, row=i, align="right")
                    continue
                ent = Entity(tag, row=i) if tag else None
                lines = wrap(text, self.f.regular, self.size, edges[k + 1] - edges[k] - 8)
                for j, line in enumerate(lines):
                    self.t(edges[k] + 4, base + j * self.lead, line, entity=ent, row=i)
                height = max(height, self.lead * len(lines))
            self.y += height + 5
            self.page.line(self.left, self.y, self.right, self.y, 0.4)
        self.y += self.lead

    # -- bodies
    def body_msa(self) -> None:
        """The agreement, the signatures, then the rate card alone on the last page."""
        self.prose(self.values())
        self.signatures()
        self.new_page()
        self.t(self.right, self.y, self.m.number, "contract_number", scale=0.8, grey=True, align="right")
        self.y += self.lead * 2
        self.annex_heading()
        head = tuple(self.text["cols"][:2]) + (f"{self.text['cols'][2]} ({self.fam.currency})",)
        self.grid(head, [[(s, "description"), (u, "unit"), (self.num(r), "unit_price")] for s, u, r in self.m.rates],
                  (0.55, 0.2, 0.25), {2})  # fmt: skip

    def body_tiered(self) -> None:
        values = self.values()
        self.prose(values)
        self.annex_heading()
        cols = self.text["cols"]
        rows = [[(f"{k + 1}", None), (band, "description"), (self.num(r, 4), "unit_price")]
                for k, (band, _u, r) in enumerate(self.m.rates)]  # fmt: skip
        self.grid((cols[0], cols[1], f"{cols[2]} ({self.fam.currency})"), rows, (0.12, 0.5, 0.38), {2})

    def body_sow(self) -> None:
        values = self.values()
        self.prose(values)
        self.annex_heading()
        due = self.m.effective
        rows = []
        for k, (service, _u, amount) in enumerate(self.m.rates):
            due = min(due + timedelta(days=self.rng.randrange(14, 45)), self.m.expiry)
            rows.append([(f"M{k + 1}", None), (service, "description"), (self.day(due), None),
                         (self.num(amount), "unit_price")])  # fmt: skip
        cols = self.text["cols"]
        self.grid((*cols[:3], f"{cols[3]} ({self.fam.currency})"), rows, (0.1, 0.5, 0.18, 0.22), {3})
        total = sum((r for _s, _u, r in self.m.rates), Decimal(0))
        self.flow(f"Total: {self.fam.currency} {self.num(total)}", {}, bold=True)

    def body_licence(self) -> None:
        self.prose(self.values())
        self.annex_heading()
        seats = self.m.seats or []
        Cells = list[tuple[str, str | None]]
        rows: list[Cells] = [[(s, "description"), (str(n), "quantity"), (self.num(r), "unit_price"),
                 (self.num(r * n), "amount")] for (s, _u, r), n in zip(self.m.rates, seats, strict=True)]  # fmt: skip
        cols = self.text["cols"]
        self.grid((cols[0], cols[1], f"{cols[2]} ({self.fam.currency})", cols[3]), rows, (0.38, 0.16, 0.26, 0.2),
                  {1, 2, 3})  # fmt: skip
        total = sum((r * n for (_s, _u, r), n in zip(self.m.rates, seats, strict=True)), Decimal(0))
        self.flow(f"Totaal per jaar: {self.fam.currency} {self.num(total)}", {}, bold=True)

    def body_words(self) -> None:
        """Each fee a sentence: the amount in words, then in figures in brackets."""
        values = self.values()
        self.prose(values)
        self.annex_heading()
        for i, (service, unit, rate) in enumerate(self.m.rates):
            words = amount_in_words(rate).replace(" and 00/100", "").lower()
            row_values = {
                "service": (service, "description"),
                "words": (f"{words} euro", None),
                "cur2": ("EUR", None),
                "rate": (self.num(rate), "unit_price"),
                "unit": (unit, None),
            }
            self.flow(f"({chr(97 + i)}) {self.text['fee']}", row_values, row=i, indent=self.size)

    def body_twocol(self) -> None:
        """Clauses in two columns on each page; the fees are sentences in one clause."""
        values = self.values()
        gap = 18.0
        mid = (self.left + self.right) / 2
        spans = ((self.left, mid - gap / 2), (mid + gap / 2, self.right))
        blocks: list[tuple[str, FlowArgs]] = [(self.fill(self.text["intro"], values), (values, None))]
        clauses = [self.text["term"], self.text["pay"], *self.text["filler"]]
        for k, clause in enumerate(clauses):
            blocks.append((f"{['PRIMERA', 'SEGUNDA', 'TERCERA', 'CUARTA', 'QUINTA', 'SEXTA', 'SÉPTIMA'][k]}.– "
                           f"{clause}", (values if k < 2 else {}, None)))  # fmt: skip
        blocks.append((self.text["annex"] + ".", ({}, None)))
        for i, (service, unit, rate) in enumerate(self.m.rates):
            blocks.append((self.text["fee"], ({"service": (service, "description"), "unit": (unit, None),
                                               "rate": (self.num(rate), "unit_price")}, i)))  # fmt: skip

        def height(template: str) -> float:
            plain = template.replace("{", "").replace("}", "") + " " * 30  # values print longer than their names
            return self.lead * (len(wrap(plain, self.f.regular, self.size, spans[0][1] - spans[0][0])) + 0.4)

        # the left column takes about half of what there is to write, the right the rest; a full column turns over
        half = sum(height(t) for t, _ in blocks) / 2
        column, top, written, left_end = 0, self.y, 0.0, self.y
        for template, (vals, row) in blocks:
            need = height(template)
            if (column == 0 and written > half) or self.y + need > self.ph - self.margin - self.lead * 2:
                if column == 0:
                    column, left_end, self.y = 1, self.y, top
                else:
                    self.new_page()
                    column, top, left_end = 0, self.y, self.y
                    written = -math.inf  # a later page fills its left column first
            self.flow(template, vals, row=row, x0=spans[column][0], x1=spans[column][1])
            written += need
        bottom = max(self.y, left_end) if column else self.y
        self.page.line(mid, top, mid, bottom, 0.4, (0.5, 0.5, 0.5))
        self.y = bottom + self.lead

    def body_amendment(self) -> None:
        values = self.values()
        self.prose(values)
        self.annex_heading()
        previous = self.m.previous or []
        rows = [[(s, "description"), (u, "unit"), (self.num(p), None), (self.num(r), "unit_price")]
                for (s, u, r), p in zip(self.m.rates, previous, strict=True)]  # fmt: skip
        cols = self.text["cols"]
        self.grid((cols[0], cols[1], cols[2], f"{cols[3]} ({self.fam.currency})"), rows, (0.4, 0.18, 0.2, 0.22),
                  {2, 3})  # fmt: skip

    def body_ramowa(self) -> None:
        """The price list as a dotted-leader list in an annex."""
        values = self.values()
        self.flow(self.fill(self.text["intro"], values), values)
        clauses = [self.text["term"], self.text["pay"], *self.text["filler"]]
        for k, clause in enumerate(clauses):
            self.flow(f"§ {k + 1}", {}, bold=True)
            self.flow(clause, values if k < 2 else {})
        self.annex_heading()
        dot = width(".", self.f.regular, self.size)
        for i, (service, unit, rate) in enumerate(self.m.rates):
            self.room(self.lead * 2)
            base = self.y + self.size
            w = self.t(self.left + 10, base, service, "description", row=i)
            figure = f"{self.num(rate)} {self.fam.currency} / "
            end = self.right - width(figure + unit, self.f.regular, self.size) - 4
            self.t(self.left + 14 + w, base, "." * max(3, int((end - self.left - 18 - w) / dot)), grey=True, row=i)
            x = self.right - width(unit, self.f.regular, self.size)
            self.t(x, base, unit, "unit", row=i)
            x -= width(" / ", self.f.regular, self.size)
            self.t(x, base, "/", row=i)
            x -= width(f"{self.fam.currency} ", self.f.regular, self.size)
            self.t(x, base, self.fam.currency, row=i)
            self.t(x - width(" ", self.f.regular, self.size), base, self.num(rate), "unit_price", row=i,
                   align="right")  # fmt: skip
            self.y += self.lead * 1.3

    def write(self) -> None:
        self.heading()
        getattr(self, f"body_{self.fam.header}")()
        self.signatures()
        n = len(self.pages)
        for i, page in enumerate(self.pages):
            page.text(self.pw / 2, self.ph - self.margin * 0.55, f"{i + 1}/{n}", self.f.regular, self.size * 0.8,
                      align="center")  # fmt: skip


FlowArgs = tuple[dict[str, tuple[str, str | None]], int | None]


def _contract_items4(fam: Blind4Family, model: Contract4) -> list[dict[str, Any]]:
    """The rates as label lines; where seats are counted, their quantity and amount too."""
    with_unit = fam.items in {"annex", "table", "leaders"}
    seats: list[int | None] = [*model.seats] if model.seats else [None] * len(model.rates)
    return [{"sku": None, "description": s, "quantity": str(n) if n else None, "unit": u if with_unit else None,
             "unit_price": dec_str(r), "amount": dec_str(q2(r * n)) if n else None, "tax_rate": None}
            for (s, u, r), n in zip(model.rates, seats, strict=True)]  # fmt: skip


def make_blind4_contract(seed: int, fam: Blind4Family, doc_id: str | None = None) -> GeneratedDoc:
    return make_set_contract(seed, fam, doc_id, set_no=4, sample=sample_contract4, writer_of=Contract4Writer,
                             items_of=_contract_items4)  # fmt: skip


# ---------------------------------------------------------------- scans

SCAN_CONDITIONS = ("faxlow", "photocopy", "stain", "shadow", "skew", "jpegq", "rot180")
BoxMover = Callable[[list[int]], list[int]]


def _clamp(v: float) -> int:
    return max(0, min(1000, round(v)))


def turn(img: Image.Image, degrees: float) -> tuple[Image.Image, BoxMover]:
    """The page turned ``degrees`` counter-clockwise about its centre, and where a 0..1000 box lands."""
    w, h = img.size
    fill = 255 if img.mode in {"L", "1"} else (255, 255, 255)
    out = img.rotate(degrees, resample=Image.Resampling.BICUBIC, fillcolor=fill)
    a = math.radians(degrees)
    cos, sin = math.cos(a), math.sin(a)

    def move(box: list[int]) -> list[int]:
        xs, ys = [], []
        for bx in (box[0], box[2]):
            for by in (box[1], box[3]):
                dx, dy = bx / 1000 * w - w / 2, by / 1000 * h - h / 2
                xs.append((dx * cos + dy * sin + w / 2) / w * 1000)
                ys.append((-dx * sin + dy * cos + h / 2) / h * 1000)
        return [_clamp(min(xs)), _clamp(min(ys)), _clamp(max(xs)), _clamp(max(ys))]

    return out, move


def condition4(img: Image.Image, kind: str, rng: random.Random, page_w_pt: float) -> tuple[Any, ...]:
    """Set 4's scan conditions; ``skew`` and ``rot180`` move the words (and say where)."""
    if kind == "faxlow":  # standard-resolution fax: 200 dpi across, half that down the page, 1 bit
        g = _resample(img.convert("L"), page_w_pt, 200)
        squashed = g.resize((g.width, g.height // 2), Image.Resampling.BOX)
        g = squashed.resize(g.size, Image.Resampling.NEAREST)
        return g.point(lambda v: 255 if v > rng.choice([140, 160]) else 0).convert("1"), 200
    if kind == "photocopy":  # toner running low: grey ink on grey paper, specks, a darker edge
        g = img.convert("L").point(lambda v: int(95 + v * 0.55))
        arr = bytearray(g.tobytes())
        for _ in range(g.width * g.height // 900):
            arr[rng.randrange(len(arr))] = rng.randrange(60, 140)
        g = Image.frombytes("L", g.size, bytes(arr))
        edge = Image.new("L", g.size, 0)
        ImageDraw.Draw(edge).rectangle((g.width * 0.03, 0, g.width, g.height), fill=255)
        return Image.composite(
            g, Image.new("L", g.size, 120), edge.filter(ImageFilter.GaussianBlur(g.width / 40))
        ), None
    if kind == "jpegq":
        out = _resample(img.convert("L"), page_w_pt, 200)
        buf = io.BytesIO()
        out.save(buf, format="JPEG", quality=rng.choice([10, 14, 18]))
        with Image.open(io.BytesIO(buf.getvalue())) as decoded:
            return decoded.convert("L"), 200
    if kind == "skew":
        out, move = turn(img, rng.choice([-1, 1]) * rng.uniform(1.2, 2.8))
        return out, None, move
    if kind == "rot180":
        return img.rotate(180), None, lambda b: [1000 - b[2], 1000 - b[3], 1000 - b[0], 1000 - b[1]]
    rgb = img.convert("RGB")
    w, h = rgb.size
    if kind == "shadow":  # a phone held over the page: light falling off from one corner to the other
        yy, xx = np.mgrid[0:64, 0:64] / 63.0
        angle = rng.uniform(0, 2 * math.pi)
        ramp = xx * math.cos(angle) + yy * math.sin(angle)
        ramp = (ramp - ramp.min()) / (ramp.max() - ramp.min())
        light = 255 * (1 - rng.uniform(0.45, 0.6) * ramp**1.5)
        shade = Image.fromarray(light.astype(np.uint8)).resize((w, h), Image.Resampling.BILINEAR)
        return Image.composite(rgb, Image.new("RGB", (w, h), (35, 32, 28)), shade), None
    if kind == "stain":  # coffee spilt, not a ring: a blot with a darker rim, over the text
        layer = Image.new("RGBA", (w, h), (0, 0, 0, 0))
        d = ImageDraw.Draw(layer)
        cx, cy, r = rng.uniform(0.3, 0.7) * w, rng.uniform(0.3, 0.7) * h, rng.uniform(0.06, 0.1) * w
        points = [(cx + r * (1 + 0.25 * math.sin(k * 1.7)) * math.cos(k * math.pi / 12),
                   cy + r * (1 + 0.25 * math.cos(k * 2.3)) * math.sin(k * math.pi / 12))
                  for k in range(24)]  # fmt: skip
        d.polygon(points, fill=(150, 95, 45, 70), outline=(110, 65, 25, 140))
        layer = layer.filter(ImageFilter.GaussianBlur(w / 500))
        return Image.alpha_composite(rgb.convert("RGBA"), layer).convert("RGB"), None
    return condition(img, kind, rng, page_w_pt)


# ---------------------------------------------------------------- data sets


def make_blind4(seed: int, fam: Blind4Family, doc_id: str | None = None) -> GeneratedDoc:
    """One document of ``fam``; the same seed gives the same bytes."""
    return (make_blind4_po if fam.kind == "po" else make_blind4_contract)(seed, fam, doc_id)


def generate_blind4(n: int, out: Path, seed: int, scanned_share: float = 0.0, split: str = "all") -> list[Path]:
    """Write ``n`` documents of the fourth blind set's ``split`` (dev, test or all) with their labels to ``out``.
    A scanned document gets its family's own scan condition or, one time in three, the factory's plain scan."""
    return write_blind_set(n, out, seed, scanned_share, split, blind4_families(split), make_blind4, set_no=4,
                           salt=0xB14D, conditioner=condition4)  # fmt: skip


__all__ = ["BLIND4_SPLITS", "FAMILIES", "SPLIT_SEED", "blind4_families", "generate_blind4", "make_blind4"]
