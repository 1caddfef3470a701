"""The tenth blind set: purchase orders and contracts written without looking at the extractor, for measuring it.

The earlier sets printed Western Europe, the Americas' big economies and, in set 9, East Asia and Africa; this set
goes to desks none printed: Ukraine and Bulgaria in Cyrillic, Serbia in Latin script, Israel, the UAE, Pakistan and
the Philippines in English, Colombia, Peru, Uruguay and Costa Rica in Spanish, Norway in Nynorsk, the Faroe Islands in
Faroese, Catalonia in Catalan, the Basque Country with Basque / Spanish captions, Austria ('Jänner') and German-speaking
Belgium. Dates in words come from Babel's long format for the document's locale. The papers are ERP and office prints
no set drew: an Oracle-like landscape order of eleven columns, an SAP-like print with a price per 100 or per 1,000 and
quantities with three decimals, a NetSuite-like order whose totals sit in a band at the foot of the last page, a
Dynamics-like order with a note of the amount in a second currency, an Odoo-like order (taxes and the date required
in columns of their own), an order on continuous dot-matrix paper (sprocket holes, green bars, a monospaced face), a
purchase order written inside a letter, the header in a right-hand column, captions above their values (label and
value on two lines), items grouped under section headers with a subtotal each, a row per partial delivery under each
item, negative discount lines. Contracts: a two-column Serbian / English agreement, an Austrian framework agreement
with call-off prices, a German-Belgian tariff appendix of volume tiers with a minimum fee, an Israeli services
agreement with its rates in a sentence, Colombian and Ukrainian contracts whose parties are introduced by role words,
a Nynorsk service agreement with a term in months, a Bulgarian service contract. Tax ids with valid check digits
(python-stdnum): Ukraine's EDRPOU, Serbia's PIB, Bulgaria's VAT, Israel's company number, Colombia's NIT, Peru's RUC,
Uruguay's RUT, Costa Rica's cédula jurídica, Norway's MVA, the Faroes' V-tal, Spain's CIF, Austria's UID, Belgium's
VAT; the UAE's TRN, Pakistan's NTN and the Philippines' TIN are printed but not labelled (stdnum knows no scheme).
Scans: this set's own conditions (a carbonless copy on pink or yellow paper, a photograph under uneven light with a
moiré, pencil annotations over the table, a skewed fax with its header line, a ruler's shadow across the page, a
tilted page on a stack of others) and some of the earlier sets' through ``condition9``.

The labels are the other sets' (``blind.blind_po_doc``, ``blind2.blind_contract_doc``): a line's ``unit_price`` is
the price as printed (per its price unit where the order prints one), its ``amount`` the line amount as printed
(quantity x price / price unit, rounded to the currency's places; Colombian pesos print no decimals). A discount line
is a line of quantity 1 whose price and amount are negative. Section subtotals, partial deliveries, need-by and
promised dates, revisions, tax codes, the second-currency note, the minimum fee and the call-off minimum quantities
are printed but not labelled; the two-column contract labels the values of its first (Serbian) column only. A
contract's label lines are its rates (description, unit, rate as printed). The families are split once into a
``dev`` and a ``test`` half (``BLIND10_SPLITS``: ``split_by_kind`` with ``SPLIT_SEED``). ``ledgerlens data blind
--set 10`` writes them. Written without opening the extractor's code or its results.
"""

from __future__ import annotations

import math
import random
from collections.abc import Callable
from dataclasses import dataclass, field
from datetime import date, timedelta
from decimal import ROUND_DOWN, Decimal
from pathlib import Path
from typing import Any

import numpy as np
from babel.dates import format_date
from dateutil.relativedelta import relativedelta
from PIL import Image, ImageDraw, ImageFilter, ImageFont
from stdnum.at import uid as at_uid
from stdnum.be import vat as be_vat
from stdnum.bg import vat as bg_vat
from stdnum.co import nit as co_nit
from stdnum.cr import cpj as cr_cpj
from stdnum.es import cif as es_cif
from stdnum.fo import vn as fo_vn
from stdnum.il import hp as il_hp
from stdnum.no import mva as no_mva
from stdnum.pe import ruc as pe_ruc
from stdnum.rs import pib as rs_pib
from stdnum.ua import edrpou as ua_edrpou
from stdnum.uy import rut as uy_rut

from training.factory.blind import BlindParty, BlindPO
from training.factory.blind2 import Contract2, write_blind_set
from training.factory.blind3 import split_by_kind
from training.factory.blind4 import turn
from training.factory.blind9 import (
    Blind9Family,
    Contract9Writer,
    PO9Writer,
    Sheet9,
    condition9,
    format_day9,
    num9,
    words_of,
)
from training.factory.blindkit import draw_valid, make_set_contract, make_set_po, split_families
from training.factory.common import GeneratedDoc, family_id
from training.factory.layout import Entity, wrap
from training.factory.po import POLine
from training.factory.values import dec_str, q2

# ---------------------------------------------------------------- families


@dataclass(frozen=True)
class Blind10Family(Blind9Family):
    """A set-10 family. ``lang`` is the Babel locale its dates in words are written in; ``words`` the caption set
    (the language's unless given). ``header`` (orders): rightcol | letter | sap | inletter | oracle | netsuite |
    split | dynamics | odoo | dotmatrix; (contracts): twocol | framework | appendix | sentence | roles | clauses.
    ``items`` (orders): table | sections | per | wide | discounts | schedule; (contracts): table | calloff | tiers |
    prose | bullets. ``extras``: boxed, zebra, greenbar, footerband (the totals in a band at the page foot), fx (a
    note of the total in a second currency), term (a contract's term as a duration)."""

    words: str = ""

    @property
    def family(self) -> str:
        return family_id(f"{self.kind}-blind10", {"name": self.name})

    @property
    def caption_set(self) -> str:
        return self.words or self.lang.split("_")[0]


def _x(*names: str) -> frozenset[str]:
    return frozenset(names)


F = Blind10Family
_LINE = ("line_no", "sku", "description", "quantity", "unit", "unit_price", "amount")
_PER = ("line_no", "sku", "description", "quantity", "unit", "unit_price", "per", "amount")
_WIDE = ("line_no", "sku", "rev", "description", "unit", "quantity", "need_by", "promised", "unit_price", "taxcode",
         "amount")  # fmt: skip
FAMILIES: list[Blind10Family] = [
    F("zamovlennia-prava-kolonka-ua", "po", "uk", "UA", "UAH", "rightcol", "table", dates="long", numbers="fr",
      columns=_LINE, lines=(2, 40), extras=_x("boxed",), font="dejavu-sans", scan="carbonless", optional=("sku",)),
    F("narudzbenica-odeljci-rs", "po", "sr_Latn", "RS", "RSD", "letter", "sections", dates="dmy_dot2",
      numbers="de", columns=_LINE, lines=(3, 30), font="dejavu-sans-condensed", scan="pencil",
      optional=("sku", "unit")),
    F("porachka-cena-za-100-bg", "po", "bg", "BG", "BGN", "sap", "per", dates="long", numbers="fr", columns=_PER,
      lines=(2, 20), extras=_x("zebra",), font="dejavu-sans-condensed", scan="moire", optional=("line_no",)),
    F("order-in-letter-il", "po", "en_IL", "IL", "ILS", "inletter", "table", dates="long", numbers="en",
      columns=_LINE, lines=(1, 9), font="c059", scan="faxhead", optional=("sku", "line_no")),
    F("oracle-landscape-po-ae", "po", "en", "AE", "AED", "oracle", "wide", dates="d_mon_up", numbers="en",
      columns=_WIDE, lines=(2, 26), extras=_x("boxed",), font="nimbus-sans-narrow", scan="stack"),
    F("sap-price-per-thousand-pk", "po", "en", "PK", "PKR", "sap", "per", dates="dmy_dot2", numbers="en",
      columns=_PER, lines=(2, 45), font="nimbus-sans", scan="ruler", optional=("sku",)),
    F("netsuite-footer-band-ph", "po", "en", "PH", "PHP", "netsuite", "table", dates="mdy_slash", numbers="en",
      columns=_LINE, lines=(1, 12), extras=_x("footerband", "zebra"), font="dejavu-sans", scan="carbonless",
      optional=("line_no", "unit")),
    F("orden-compra-descuentos-co", "po", "es_CO", "CO", "COP", "letter", "discounts", dates="long", numbers="de",
      columns=_LINE, lines=(2, 18), extras=_x("boxed",), font="p052", scan="pencil", optional=("sku",)),
    F("orden-compra-pares-pe", "po", "es_PE", "PE", "PEN", "split", "table", dates="dmy_slash", numbers="en",
      columns=_LINE, lines=(2, 38), font="dejavu-serif", scan="moire", optional=("unit",)),
    F("orden-compra-dynamics-uy", "po", "es_UY", "UY", "UYU", "dynamics", "table", dates="dmy_slash", numbers="de",
      columns=_LINE, lines=(2, 40), extras=_x("fx", "zebra"), font="nimbus-sans", scan="thermal",
      optional=("line_no",)),
    F("orden-entregas-parciales-cr", "po", "es_CR", "CR", "CRC", "letter", "schedule", dates="dmy_slash",
      numbers="fr", columns=_LINE, lines=(2, 12), font="dejavu-sans-condensed", scan="faxhead"),
    F("innkjopsordre-odoo-nynorsk-no", "po", "nn", "NO", "NOK", "odoo", "table", dates="long", numbers="fr",
      columns=("sku", "description", "taxes", "need_by", "quantity", "unit_price", "amount"), lines=(1, 30),
      font="dejavu-sans", scan="ruler", optional=("sku",)),
    F("keypsbilegging-hogru-fo", "po", "fo", "FO", "DKK", "rightcol", "sections", dates="long", numbers="de",
      columns=_LINE, lines=(3, 24), font="nimbus-roman", scan="stack", optional=("sku",)),
    F("comanda-parells-cat", "po", "ca", "ES", "EUR", "split", "discounts", dates="long", numbers="de",
      columns=_LINE, lines=(2, 30), extras=_x("zebra",), font="urw-gothic", scan="carbonless", optional=("unit",)),
    F("bestellung-endlospapier-at", "po", "de_AT", "AT", "EUR", "dotmatrix", "table", dates="dmy_dot2",
      numbers="de", columns=_LINE, lines=(2, 55), extras=_x("greenbar",), font="nimbus-mono", scan="pencil"),
    F("eskaera-pedido-sekzioak-eus", "po", "es", "ES", "EUR", "letter", "sections", dates="dmy_slash", numbers="de",
      columns=_LINE, lines=(3, 26), extras=_x("boxed",), font="nimbus-sans", scan="binarise", words="eu",
      optional=("sku",)),
    F("ugovor-dve-kolone-rs", "contract", "sr_Latn", "RS", "RSD", "twocol", "table", dates="long", numbers="de",
      font="dejavu-serif", scan="faxhead"),
    F("rahmenvertrag-abrufpreise-at", "contract", "de_AT", "AT", "EUR", "framework", "calloff", dates="long",
      numbers="de", font="nimbus-sans", scan="carbonless"),
    F("tarifanlage-mindestentgelt-be", "contract", "de_BE", "BE", "EUR", "appendix", "tiers", dates="long",
      numbers="de", font="dejavu-sans", scan="ruler"),
    F("services-rates-sentence-il", "contract", "en_IL", "IL", "ILS", "sentence", "prose", dates="long",
      numbers="en", font="c059", scan="moire"),
    F("contrato-partes-roles-co", "contract", "es_CO", "CO", "COP", "roles", "bullets", dates="long", numbers="de",
      font="p052", scan="pencil"),
    F("tenesteavtale-nynorsk-no", "contract", "nn", "NO", "NOK", "clauses", "table", dates="long", numbers="fr",
      extras=_x("term",), font="dejavu-sans", scan="stack"),
    F("dogovor-uslugi-bg", "contract", "bg", "BG", "BGN", "clauses", "table", dates="long", numbers="fr",
      font="dejavu-serif", scan="stripes"),
    F("dohovir-zamovnyk-vykonavets-ua", "contract", "uk", "UA", "UAH", "roles", "table", dates="long",
      numbers="fr", extras=_x("term",), font="dejavu-sans", scan="crumple"),
]  # fmt: skip
BY_NAME = {f.name: f for f in FAMILIES}
# The split: within each kind, the family names sorted, shuffled with random.Random(SPLIT_SEED), the first half
# (rounded up) to dev. Fixed once, before any document of the set was measured.
SPLIT_SEED = 1010
BLIND10_SPLITS: dict[str, list[str]] = split_by_kind(FAMILIES, SPLIT_SEED)


def blind10_families(split: str = "all") -> list[Blind10Family]:
    return split_families(BLIND10_SPLITS, BY_NAME, split)


# ---------------------------------------------------------------- locale: formats

ZERO_DECIMALS10 = {"COP"}
LETTER10 = {"PH", "CO"}


def format_day10(day: date, style: str, lang: str) -> str:
    """A date as the document prints it: 'long' is the locale's date in words (Babel: '5 січня 2026 р.',
    '5. Jänner 2026', '5 de gener del 2026'), 'd_mon_up' Oracle's '05-JAN-2026', else set 9's numeric styles."""
    if style == "long":
        # Babel joins '2026' and 'р.' with a narrow no-break space; the documents type a plain one
        return str(format_date(day, "long", locale=lang)).replace("\u202f", " ").replace("\xa0", " ")
    if style == "d_mon_up":
        return format_day9(day, "d_mon", "en").upper()
    return format_day9(day, style, lang)


def qty10(value: Decimal, style: str, places: int | None = None) -> str:
    """A quantity: whole numbers bare, others with their own decimals (``places`` when given)."""
    if places is not None:
        return num9(value, style, places)
    if value == value.to_integral_value():
        return num9(value, style, 0)
    exponent = value.as_tuple().exponent
    return num9(value, style, -exponent if isinstance(exponent, int) and exponent < 0 else 0)


# ---------------------------------------------------------------- locale: parties

# country -> (stems, trades, legal forms, [(city, post code, street)], country word, tax id caption, people)
PARTIES10: dict[str, tuple[list[str], list[str], list[str], list[tuple[str, str, str]], str, str, list[str]]] = {
    "UA": (["Дніпро", "Карпати", "Поділля", "Слобожанщина"], ["Агромаш", "Енергосервіс", "Промпостач"], ["ТОВ", "ПрАТ"],
           [("м. Київ", "01001", "вул. Хрещатик"), ("м. Львів", "79000", "просп. Свободи"),
            ("м. Дніпро", "49000", "вул. Січеславська Набережна")], "Україна", "Код ЄДРПОУ",
           ["О. Коваленко", "І. Шевчук"]),
    "RS": (["Morava", "Šumadija", "Zlatibor", "Fruška"], ["Metal", "Elektro", "Gradnja"], ["d.o.o.", "a.d."],
           [("Beograd", "11000", "Bulevar Mihajla Pupina"), ("Novi Sad", "21000", "Bulevar oslobođenja"),
            ("Kragujevac", "34000", "Kralja Petra I")], "Srbija", "PIB", ["Marko Jovanović", "Jelena Petrović"]),
    "BG": (["Витоша", "Марица", "Тракия", "Родопи"], ["Инженеринг", "Трейд", "Машини"], ["ЕООД", "ООД", "АД"],
           [("София", "1000", "бул. Витоша"), ("Пловдив", "4000", "ул. Княз Александър I"),
            ("Варна", "9000", "бул. Приморски")], "България", "ДДС №", ["Иван Петров", "Мария Георгиева"]),
    "IL": (["Carmel", "Negev", "Galilee", "Arava"], ["Technologies", "Engineering", "Systems"], ["Ltd.", "Ltd"],
           [("Haifa", "3508409", "HaNamal Street"), ("Petah Tikva", "4951125", "Jabotinsky Road"),
            ("Be'er Sheva", "8489325", "Yitzhak Rager Blvd")], "Israel", "Company No.", ["Noa Levi", "Avi Cohen"]),
    "AE": (["Al Noor", "Jebel Ali", "Creek", "Falcon"], ["Trading", "General Contracting", "Oilfield Supplies"],
           ["L.L.C.", "FZE", "FZCO"], [("Dubai", "P.O. Box 61237", "Sheikh Zayed Road"),
            ("Abu Dhabi", "P.O. Box 3345", "Mussafah Industrial Area")], "United Arab Emirates", "TRN",
           ["Rashid Khan", "Priya Menon"]),
    "PK": (["Indus", "Ravi", "Margalla", "Chenab"], ["Textiles", "Engineering", "Chemicals"],
           ["(Pvt.) Ltd.", "Limited"], [("Karachi", "74200", "Shahrah-e-Faisal"), ("Lahore", "54000", "Gulberg III"),
            ("Faisalabad", "38000", "Jaranwala Road")], "Pakistan", "NTN", ["Imran Qureshi", "Sana Malik"]),
    "PH": (["Luzon", "Mayon", "Visayas", "Sierra Madre"], ["Industrial Supply", "Builders", "Marketing"],
           ["Inc.", "Corporation"], [("Makati City", "1226", "Ayala Avenue"), ("Cebu City", "6000", "Osmeña Blvd"),
            ("Pasig City", "1605", "Ortigas Avenue")], "Philippines", "TIN", ["Maria Santos", "Jose Reyes"]),
    "CO": (["Andina", "Magdalena", "Caribe", "Cafetera"], ["Suministros", "Ingeniería", "Distribuciones"],
           ["S.A.S.", "Ltda."], [("Bogotá D.C.", "110111", "Carrera 7 # 71-21"),
            ("Medellín", "050021", "Calle 10 # 43-12")], "Colombia", "NIT", ["Andrés Gómez", "Camila Rojas"]),
    "PE": (["Inca", "Pacífico", "Amazonas", "Misti"], ["Minera", "Ferretera", "Servicios Industriales"],
           ["S.A.C.", "S.R.L."], [("Lima", "15073", "Av. Javier Prado Este"),
            ("Arequipa", "04001", "Calle Mercaderes")],
           "Perú", "RUC", ["Luis Quispe", "Rosa Huamán"]),
    "UY": (["Rioplatense", "Oriental", "Charrúa", "Colonia"], ["Insumos", "Tecnología", "Agroindustrial"],
           ["S.A.", "S.R.L."], [("Montevideo", "11000", "Av. 18 de Julio"), ("Paysandú", "60000", "Calle 18 de Julio")],
           "Uruguay", "RUT", ["Martín Pereira", "Lucía Fernández"]),
    "CR": (["Irazú", "Arenal", "Pacífico Central", "Talamanca"], ["Suministros", "Ingeniería", "Comercial"],
           ["S.A.", "S.R.L."], [("San José", "10101", "Avenida Central"), ("Heredia", "40101", "Calle 8")],
           "Costa Rica", "Cédula jurídica", ["Ana Vargas", "Diego Mora"]),
    "NO": (["Sognefjord", "Hardanger", "Voss", "Sunnmøre"], ["Mekaniske", "Elektro", "Byggvarer"], ["AS", "SA"],
           [("Bergen", "5003", "Strandgaten"), ("Førde", "6800", "Hafstadvegen"), ("Ålesund", "6002", "Kongens gate")],
           "Noreg", "Org.nr.", ["Ingrid Haugland", "Olav Nes"]),
    "FO": (["Norðlýsið", "Slættaratindur", "Vágur", "Eysturoy"], ["Handil", "Tænastan", "Fisk"], ["P/F", "Sp/f"],
           [("Tórshavn", "FO-100", "Niels Finsens gøta"), ("Klaksvík", "FO-700", "Klaksvíksvegur")], "Føroyar",
           "V-tal", ["Jógvan Hansen", "Sára Joensen"]),
    "ES": (["Montseny", "Llobregat", "Urdaibai", "Gorbeia"], ["Subministraments", "Industrial", "Maquinaria"],
           ["S.L.", "S.A."], [("Barcelona", "08013", "Carrer de Mallorca"), ("Girona", "17002", "Carrer Nou"),
            ("Bilbao", "48001", "Gran Vía"), ("Vitoria-Gasteiz", "01005", "Calle Dato")], "España", "NIF",
           ["Jordi Puig", "Ane Etxeberria"]),
    "AT": (["Donau", "Tauern", "Wienerwald", "Salzach"], ["Maschinenbau", "Handels", "Elektrotechnik"],
           ["GmbH", "Ges.m.b.H.", "AG"], [("Wien", "1030", "Landstraßer Hauptstraße"), ("Graz", "8010", "Herrengasse"),
            ("Linz", "4020", "Landstraße")], "Österreich", "UID-Nr.", ["Mag. Eva Huber", "Ing. Franz Gruber"]),
    "BE": (["Eifel", "Hohes Venn", "Weser", "Ourtal"], ["Logistik", "Transport", "Spedition"], ["PGmbH", "AG"],
           [("Eupen", "4700", "Aachener Straße"), ("Sankt Vith", "4780", "Hauptstraße")], "Belgien", "MwSt-Nr.",
           ["Lukas Kessler", "Anna Pankert"]),
}  # fmt: skip


def _digits(rng: random.Random, n: int) -> str:
    return "".join(str(rng.randrange(10)) for _ in range(n))


def tax_id10(rng: random.Random, country: str) -> str | None:
    """A tax id with valid check digits, printed as the country writes it; None where stdnum knows no scheme."""
    d = _digits
    makers: dict[str, tuple[Callable[[], str], Callable[[str], bool]]] = {
        "UA": (lambda: rng.choice("0123") + d(rng, 7), ua_edrpou.is_valid),
        "RS": (lambda: "1" + d(rng, 8), rs_pib.is_valid),
        "BG": (lambda: "BG" + rng.choice("12") + d(rng, 8), bg_vat.is_valid),
        "IL": (lambda: "51" + d(rng, 7), il_hp.is_valid),
        "CO": (lambda: str(co_nit.format("9" + d(rng, 9))), co_nit.is_valid),
        "PE": (lambda: "20" + d(rng, 9), pe_ruc.is_valid),
        "UY": (lambda: "21" + d(rng, 6) + "001" + d(rng, 1), uy_rut.is_valid),
        "CR": (lambda: f"3-101-{d(rng, 6)}", cr_cpj.is_valid),
        "NO": (lambda: f"{rng.choice('89')}{d(rng, 2)} {d(rng, 3)} {d(rng, 3)} MVA", no_mva.is_valid),
        "FO": (lambda: d(rng, 6), fo_vn.is_valid),
        "ES": (lambda: "B" + rng.choice("0123456") + d(rng, 7), es_cif.is_valid),
        "AT": (lambda: "ATU" + d(rng, 8), at_uid.is_valid),
        "BE": (lambda: "BE 0" + d(rng, 3) + "." + d(rng, 3) + "." + d(rng, 3), be_vat.is_valid),
    }  # fmt: skip
    if country not in makers:
        return None
    make, check = makers[country]
    return draw_valid(make, check)


def registration10(rng: random.Random, country: str) -> tuple[str, str] | None:
    """A tax number stdnum has no scheme for, with its caption: printed, never labelled."""
    d = _digits
    return {"AE": ("TRN", f"100{d(rng, 12)}"), "PK": ("NTN", f"{d(rng, 7)}-{d(rng, 1)}"),
            "PH": ("TIN", f"{d(rng, 3)}-{d(rng, 3)}-{d(rng, 3)}-000")}.get(country)  # fmt: skip


def make_party10(rng: random.Random, country: str, avoid: str = "") -> BlindParty:
    stems, trades, forms, cities, country_word, tax_label, _people = PARTIES10[country]
    stem = rng.choice([s for s in stems if s not in avoid])
    trade, form = rng.choice(trades), rng.choice(forms)
    if country in {"UA", "BG"}:  # the legal form first, the name in quotes
        name = f"{form} «{stem} {trade}»" if country == "UA" else f"„{stem} {trade}“ {form}"
    elif country == "FO":
        name = f"{form} {stem} {trade}"
    else:
        name = f"{stem} {trade} {form}"
    city, post, street = rng.choice(cities)
    n = rng.randrange(2, 160)
    if country in {"RS", "NO", "FO", "AT", "BE"}:
        street_line, city_line = f"{street} {n}", f"{post} {city}"
    elif country in {"UA", "BG", "ES"}:
        street_line, city_line = f"{street}, {n}", f"{post} {city}"
    elif country == "CO":
        street_line, city_line = street, f"{city} {post}"
    else:
        street_line, city_line = f"{n} {street}" if country in {"IL", "PH"} else f"{street} {n}", f"{city} {post}"
    tid = tax_id10(rng, country)
    return BlindParty(name, street_line, city_line, country_word, tax_label if tid else None, tid)


# ---------------------------------------------------------------- locale: words

_ROLES = ("title", "po_number", "order_date", "vendor", "buyer", "ship", "payment_terms", "line_no", "sku",
          "description", "quantity", "unit", "unit_price", "amount", "subtotal", "tax", "total", "currency",
          "delivery", "page", "section", "discount")  # fmt: skip


def _captions(*rows: str) -> dict[str, tuple[str, ...]]:
    """A caption set from one row per role (in ``_ROLES`` order), the choices separated by '|'."""
    return {role: tuple(row.split("|")) for role, row in zip(_ROLES, rows, strict=True)}


CAPTIONS10: dict[str, dict[str, tuple[str, ...]]] = {
    "uk": _captions("ЗАМОВЛЕННЯ НА ПОСТАЧАННЯ|Замовлення постачальнику", "Замовлення №|Номер замовлення", "Дата",
                    "Постачальник", "Замовник|Покупець", "Адреса доставки", "Умови оплати", "№", "Артикул|Код",
                    "Найменування|Найменування товару", "Кількість|К-сть", "Од.|Од. вим.", "Ціна без ПДВ|Ціна",
                    "Сума без ПДВ|Сума", "Разом без ПДВ", "ПДВ 20%", "Всього з ПДВ|Разом до сплати", "Валюта",
                    "Термін поставки", "Сторінка", "Разом за розділом", "Знижка"),
    "sr": _captions("NARUDŽBENICA|Narudžbenica", "Broj narudžbenice|Narudžbenica br.", "Datum", "Dobavljač",
                    "Naručilac|Kupac", "Mesto isporuke", "Uslovi plaćanja|Rok plaćanja", "R.br.", "Šifra",
                    "Naziv artikla|Opis", "Količina", "J.m.", "Cena|Jed. cena", "Iznos|Vrednost",
                    "Ukupno bez PDV-a|Osnovica", "PDV 20%", "Ukupno za plaćanje|Sveukupno", "Valuta",
                    "Rok isporuke", "Strana", "Ukupno grupa", "Rabat"),
    "bg": _captions("ПОРЪЧКА|ЗАЯВКА ЗА ДОСТАВКА", "Поръчка №|Номер", "Дата", "Доставчик", "Възложител|Купувач",
                    "Място на доставка", "Условия на плащане", "№", "Код|Материал", "Наименование", "Количество|К-во",
                    "Мярка|М.ед.", "Ед. цена|Цена", "Стойност", "Данъчна основа", "ДДС 20%", "Сума за плащане|Общо",
                    "Валута", "Срок на доставка", "Страница", "Общо за раздел", "Отстъпка"),
    "en": _captions("PURCHASE ORDER|Purchase Order", "PO Number|Order No.|P.O. #", "Date|Order Date", "Vendor|Supplier",
                    "Buyer|Bill To", "Ship To|Deliver To", "Payment Terms|Terms", "Line|#", "Item|Item Code",
                    "Description", "Qty|Quantity", "UOM|Unit", "Unit Price|Price", "Amount|Extended",
                    "Subtotal|Sub Total", "VAT|Tax", "Total|TOTAL", "Currency", "Need-By|Delivery", "Page",
                    "Section total", "Discount"),
    "es": _captions("ORDEN DE COMPRA|Orden de Compra", "Orden N.º|N.° de orden|Número", "Fecha|Fecha de emisión",
                    "Proveedor|Señores", "Comprador|Cliente", "Lugar de entrega", "Condición de pago|Forma de pago",
                    "Ítem|N.º", "Código", "Descripción", "Cantidad|Cant.", "U.M.|Unidad", "Precio unitario|P. unit.",
                    "Importe|Valor total", "Subtotal|Valor venta", "IVA", "TOTAL|Total a pagar", "Moneda",
                    "Fecha de entrega", "Página", "Subtotal sección", "Descuento"),
    "nn": _captions("INNKJØPSORDRE|Innkjøpsordre", "Ordrenummer|Bestillingsnr.", "Dato|Ordredato", "Leverandør",
                    "Kjøpar|Bestillar", "Leveringsadresse|Lever til", "Betalingsvilkår", "Linje", "Varenr.",
                    "Skildring|Vare", "Mengd|Tal", "Eining", "Einingspris|Pris", "Beløp|Sum", "Sum utan mva.|Netto",
                    "Meirverdiavgift 25 %|MVA 25 %", "Å betale|Totalt", "Valuta", "Leveringsdato", "Side",
                    "Sum gruppe", "Rabatt"),
    "fo": _captions("BÍLEGGING|Keypsbílegging", "Bíleggingar nr.|Nr.", "Dagfesting|Dato", "Veitari|Handil",
                    "Keypari", "Móttakari|Sendist til", "Gjaldingartreytir", "Nr.", "Vørunr.", "Lýsing|Vøra", "Nøgd",
                    "Eind", "Eindarprísur|Prísur", "Upphædd", "Samlað uttan MVG", "MVG 25%", "Samlað við MVG|At gjalda",
                    "Gjaldoyra", "Levering", "Síða", "Samlað bólkur", "Avsláttur"),
    "ca": _captions("COMANDA A PROVEÏDOR|Comanda de compra", "Núm. comanda|Comanda núm.", "Data", "Proveïdor",
                    "Client|Comprador", "Adreça de lliurament", "Forma de pagament|Condicions de pagament", "Línia",
                    "Codi|Referència", "Descripció|Concepte", "Quantitat|Quant.", "Unitat", "Preu unitari|Preu",
                    "Import", "Base imposable", "IVA 21%", "Total|Total a pagar", "Moneda", "Data de lliurament",
                    "Pàgina", "Subtotal secció", "Descompte"),
    "de": _captions("BESTELLUNG|Bestellung", "Bestellnummer|Bestell-Nr.", "Datum|Bestelldatum", "Lieferant",
                    "Besteller|Auftraggeber", "Lieferanschrift|Lieferadresse", "Zahlungsbedingungen|Zahlungskondition",
                    "Pos.", "Artikelnr.|Material", "Bezeichnung|Kurztext", "Menge", "ME|Einheit", "Preis|Einzelpreis",
                    "Betrag|Nettowert", "Nettobetrag|Summe netto", "USt. 20%|MwSt. 20%", "Gesamtbetrag|Endbetrag",
                    "Währung", "Liefertermin", "Seite", "Zwischensumme", "Rabatt"),
    "eu": _captions("ESKAERA / PEDIDO", "Eskaera zk. / N.º pedido", "Data / Fecha", "Hornitzailea / Proveedor",
                    "Eroslea / Comprador", "Entrega-lekua / Lugar de entrega", "Ordainketa / Forma de pago",
                    "Lerroa / Línea", "Kodea / Código", "Deskribapena / Descripción", "Kopurua / Cantidad",
                    "Unit. / Ud.", "Prezioa / Precio", "Zenbatekoa / Importe", "Zerga-oinarria / Base imponible",
                    "BEZ / IVA 21%", "Guztira / Total", "Txanpona / Moneda", "Entrega / Entrega", "Orria / Página",
                    "Atala guztira / Subtotal sección", "Deskontua / Descuento"),
}  # fmt: skip
TAX_WORDS10 = {"PE": "IGV 18%", "PK": "GST 18%", "AE": "VAT 5%", "PH": "VAT 12%", "IL": "VAT 18%", "CO": "IVA 19%",
               "UY": "IVA 22%", "CR": "IVA 13%"}  # fmt: skip
TAX_RATES10 = {"UA": "20", "RS": "20", "BG": "20", "IL": "18", "AE": "5", "PK": "18", "PH": "12", "CO": "19",
               "PE": "18", "UY": "22", "CR": "13", "NO": "25", "FO": "25", "ES": "21", "AT": "20",
               "BE": "21"}  # fmt: skip
PRODUCTS10: dict[str, list[tuple[str, str]]] = {
    "uk": [("Підшипник 6205-2RS", "шт"), ("Кабель ВВГнг 3х2,5", "м"), ("Фарба емаль ПФ-115 сіра", "кг"),
           ("Болт М12х60 оцинк.", "шт"), ("Рукавиці захисні", "пар"), ("Труба сталева 57х3,5", "м")],
    "sr": [("Ležaj 6205-2RS", "kom"), ("Kabl PP-Y 3x2,5", "m"), ("Boja za metal, siva", "kg"),
           ("Zavrtanj M12x60", "kom"), ("Zaštitne rukavice", "par"), ("Cev čelična 57x3,5", "m")],
    "bg": [("Лагер 6205-2RS", "бр."), ("Кабел СВТ 3х2,5", "м"), ("Боя алкидна, сива", "кг"), ("Болт М12х60", "бр."),
           ("Ръкавици работни", "чифт"), ("Тръба стоманена 57х3,5", "м")],
    "en": [("Gate valve 4in class 150", "EA"), ("Spiral wound gasket 4in", "EA"), ("Hex bolt M16x80 galv.", "EA"),
           ("Cable gland M25 brass", "EA"), ("Safety helmet, white", "EA"), ("Hydraulic oil ISO VG 46", "L")],
    "es": [("Rodamiento 6205-2RS", "UND"), ("Cable THHN 12 AWG", "M"), ("Pintura epóxica gris", "GL"),
           ("Perno hexagonal 1/2 x 3", "UND"), ("Guantes de seguridad", "PAR"), ("Tubo de acero 2 pulg.", "M")],
    "nn": [("Kulelager 6205-2RS", "stk"), ("Kabel PFXP 3x2,5", "m"), ("Måling grå, 10 l", "spann"),
           ("Bolt M12x60 varmforsinka", "stk"), ("Arbeidshanskar", "par"), ("Stålrøyr 57x3,5", "m")],
    "fo": [("Kúlulega 6205-2RS", "stk"), ("Kaðal 12 mm", "m"), ("Litur, gráur", "l"), ("Skrúva M12x60", "stk"),
           ("Arbeiðshandskar", "par"), ("Stálrør 57x3,5", "m")],
    "ca": [("Rodament 6205-2RS", "u."), ("Cable RZ1-K 3x2,5", "m"), ("Pintura esmalt gris", "l"),
           ("Cargol M12x60", "u."), ("Guants de protecció", "parell"), ("Tub d'acer 57x3,5", "m")],
    "de": [("Rillenkugellager 6205-2RS", "ST"), ("Kabel NYM-J 3x2,5", "M"), ("Kunstharzlack grau", "KG"),
           ("Sechskantschraube M12x60", "ST"), ("Schutzhandschuhe", "PAA"), ("Stahlrohr 57x3,5", "M")],
    "eu": [("Rodamiento 6205-2RS", "Ud."), ("Cable RZ1-K 3x2,5", "m"), ("Pintura esmalte gris", "l"),
           ("Tornillo M12x60", "Ud."), ("Guantes de protección", "par"), ("Tubo de acero 57x3,5", "m")],
}  # fmt: skip
SECTIONS10 = {"sr": ["Elektro materijal", "Mašinski delovi", "Zaštitna oprema"],
              "fo": ["Útgerð", "Verkstaður", "Skrivstova"],
              "eu": ["Mantentzea / Mantenimiento", "Instalazioak / Instalaciones",
                     "Segurtasuna / Seguridad"]}  # fmt: skip
# the payment terms as the country writes them, and their days
TERMS10: dict[str, list[tuple[str, int]]] = {
    "UA": [("Оплата протягом 30 календарних днів з дати поставки", 30), ("100% передоплата", 0)],
    "RS": [("Plaćanje u roku od 45 dana od dana prijema fakture", 45), ("Avansno plaćanje", 0)],
    "BG": [("Плащане по банков път в срок до 30 дни след фактуриране", 30), ("Авансово плащане", 0)],
    "IL": [("Current month + 60 days", 75), ("Net 30 days", 30)],
    "AE": [("60 days from receipt of invoice", 60), ("30 days PDC", 30)],
    "PK": [("Within 30 days of delivery against sales tax invoice", 30), ("Advance payment", 0)],
    "PH": [("Net 30", 30), ("Net 15", 15)],
    "CO": [("Pago a 30 días fecha de factura", 30), ("Crédito a 60 días", 60)],
    "PE": [("Factura a 30 días", 30), ("Contado", 0)],
    "UY": [("Crédito 30 días", 30), ("Contado", 0)],
    "CR": [("Crédito a 30 días naturales", 30), ("Contado contra entrega", 0)],
    "NO": [("Betaling innan 30 dagar etter fakturadato", 30), ("14 dagar netto", 14)],
    "FO": [("Gjaldast innan 30 dagar", 30), ("Kontant við móttøku", 0)],
    "ES": [("Transferència a 60 dies data factura", 60), ("Rebut domiciliat a 30 dies", 30)],
    "AT": [("14 Tage 3 % Skonto, 30 Tage netto", 30), ("Zahlbar innerhalb von 30 Tagen ohne Abzug", 30)],
    "EU": [("Transferencia 60 días", 60), ("Pagaré 90 días", 90)],
}  # fmt: skip
SCALE10 = {"UAH": 40, "RSD": 110, "BGN": 2, "ILS": 4, "AED": 4, "PKR": 280, "PHP": 56, "COP": 4000, "PEN": 4, "UYU": 40,
           "CRC": 520, "NOK": 11, "DKK": 7, "EUR": 1}  # fmt: skip


def _po_number10(rng: random.Random, fam: Blind10Family, year: int) -> str:
    n = rng.randrange(1, 999999)
    return {"UA": f"{n % 10**4}/{year % 100}", "RS": f"{n % 1000:03d}/{year}", "BG": f"45000{n % 10**5:05d}",
            "IL": f"PO-{year}-{n % 10**4:04d}", "AE": f"{n % 10**5 + 10**5}", "PK": f"45{n % 10**8:08d}",
            "PH": f"PO{n % 10**5:05d}", "CO": f"OC-{n % 10**5:05d}", "PE": f"OC-{year}-{n % 10**5:05d}",
            "UY": f"PC-{n % 10**6:06d}", "CR": f"OC{year % 100}-{n % 10**4:04d}", "NO": f"P{n % 10**5:05d}",
            "FO": f"{n % 10**4}", "ES": f"C{year % 100}/{n % 10**4:04d}", "AT": f"{n % 10**6 + 4100000}",
            }[fam.country] if fam.words != "eu" else f"ES-{year}-{n % 10**4:04d}"  # fmt: skip


def _sku10(rng: random.Random, fam: Blind10Family) -> str:
    n = rng.randrange(10**5, 10**7)
    return {"AT": f"{n % 10**7:07d}", "BG": f"{n % 10**6:06d}", "PK": f"{n % 10**6 + 10**7}",
            "AE": f"ITM-{n % 10**5:05d}", "NO": f"[{n % 10**4:04d}]",
            }.get(fam.country, f"{rng.choice('ABCKMPRT')}{n % 10**5:05d}")  # fmt: skip


# ---------------------------------------------------------------- sampling an order


@dataclass
class Order10:
    """An order and what of its look is drawn per document; per line its price unit, section, deliveries."""

    po: BlindPO
    look: dict[str, Any]
    price_units: list[int]
    sections: list[str] = field(default_factory=list)
    deliveries: list[list[tuple[date, Decimal]]] = field(default_factory=list)
    need_by: list[date] = field(default_factory=list)


def _look10(rng: random.Random, fam: Blind10Family) -> dict[str, Any]:
    words = CAPTIONS10[fam.caption_set]
    captions = {role: rng.choice(choices) for role, choices in sorted(words.items())}
    captions["tax"] = TAX_WORDS10.get(fam.country, captions["tax"])
    captions["per"] = {"bg": "за", "en": "Per"}.get(fam.caption_set, "Per")
    cols = [c for c in fam.columns if c not in fam.optional or rng.random() < 0.6]
    dates = rng.choice((fam.dates, fam.dates, "dmy_dot2" if fam.dates == "long" else "long"))
    if fam.header == "dotmatrix":
        dates = fam.dates
    return {"captions": captions, "columns": cols, "dates": dates, "numbers": fam.numbers,
            "size": rng.choice([8.0, 8.5, 9.0]) if fam.header != "oracle" else 7.5,
            "accent": rng.choice([(0.12, 0.25, 0.5), (0.5, 0.12, 0.12), (0.1, 0.38, 0.3), (0.25, 0.25, 0.25)]),
            "totals": "footer" if "footerband" in fam.extras else rng.choice(["stack", "boxed"]),
            "numbered": False, "tax_ids": rng.random() < 0.9}  # fmt: skip


def sample_po10(rng: random.Random, fam: Blind10Family) -> Order10:
    look = _look10(rng, fam)
    cols = look["columns"]
    zero = fam.currency in ZERO_DECIMALS10
    buyer = make_party10(rng, fam.country)
    vendor = make_party10(rng, fam.country, avoid=buyer.name)
    site = make_party10(rng, fam.country)
    ship = BlindParty(buyer.name, site.street, site.city, site.country, None, None)
    lo, hi = fam.lines
    n = rng.randrange(hi // 2, hi + 1) if rng.random() < 0.25 else min(hi, lo + int(rng.expovariate(1 / 6)))
    pool = PRODUCTS10[fam.caption_set]
    scale = SCALE10[fam.currency]
    lines: list[POLine] = []
    units: list[int] = []
    for k in range(n):
        desc, unit = pool[k % len(pool)]
        if k >= len(pool):
            desc = f"{desc} ({rng.choice(['B', 'II', 'rev. 2', 'XL'])})"
        qty = Decimal(rng.choice([1, 2, 3, 4, 5, 6, 10, 12, 20, 25, 50, 100, 250]))
        per = 1
        if fam.items == "per" and rng.random() < 0.7:  # a price per 100 or per 1,000, quantities in the thousands
            per = rng.choice([100, 1000, 1000])
            qty = Decimal(rng.randrange(1000, 60000)) * rng.choice([Decimal(1), Decimal("0.5"), Decimal("0.125")])
        if fam.country == "PK":  # the ERP prints three decimals on every quantity
            qty = qty.quantize(Decimal("0.001"))
        if zero:
            price = Decimal(rng.randrange(5, 3000) * 100)
            amount = qty * price
        else:
            price = q2(Decimal(rng.randrange(100, 40000)) / 100 * scale)
            amount = q2(qty * price / per)
        lines.append(POLine(_sku10(rng, fam) if "sku" in cols else None, desc, qty,
                            (unit or None) if "unit" in cols else None, price, None, None, amount))  # fmt: skip
        units.append(per)
    sections: list[str] = []
    if fam.items == "sections":
        names = SECTIONS10[fam.caption_set]
        bounds = sorted(rng.sample(range(1, n), min(len(names) - 1, max(0, n - 1)))) if n > 1 else []
        cuts = [0, *bounds, n]
        for g in range(len(cuts) - 1):
            sections += [names[g]] * (cuts[g + 1] - cuts[g])
    if fam.items == "discounts":  # one or two discount lines: quantity 1, a negative price
        for _ in range(rng.choice([1, 1, 2])):
            goods = sum((ln.amount for ln in lines if ln.amount > 0), Decimal(0))
            pct = Decimal(rng.choice([2, 3, 5, 10]))
            cut = -(goods * pct / 100).quantize(Decimal(1) if zero else Decimal("0.01"), rounding=ROUND_DOWN)
            at = rng.randrange(1, len(lines) + 1)
            label = f"{look['captions']['discount']} {pct}%"
            lines.insert(at, POLine(None, label, Decimal(1), None, cut, None, None, cut))
            units.insert(at, 1)
    year = rng.randrange(2024, 2028)
    order_date = date(year, 1, 1) + timedelta(days=rng.randrange(0, 364))
    rate = Decimal(TAX_RATES10[fam.country])
    subtotal = sum((ln.amount for ln in lines), Decimal(0) if zero else Decimal("0.00"))
    tax = (subtotal * rate / 100).quantize(Decimal(1), rounding=ROUND_DOWN) if zero else q2(subtotal * rate / 100)
    terms = rng.choice(TERMS10["EU" if fam.words == "eu" else fam.country])
    if not look["tax_ids"]:
        buyer = BlindParty(buyer.name, buyer.street, buyer.city, buyer.country, None, None)
    po = BlindPO(_po_number10(rng, fam, year), order_date, buyer, vendor, ship, terms, lines, subtotal,
                 Decimal("0.00"), Decimal(0), Decimal("0.00"), rate, {rate: tax}, tax, subtotal + tax)  # fmt: skip
    deliveries: list[list[tuple[date, Decimal]]] = []
    for ln in lines:  # partial deliveries: the quantity split over one to three dates
        parts = rng.choice([1, 2, 3]) if ln.quantity >= 3 and ln.quantity == ln.quantity.to_integral_value() else 1
        cuts = sorted(rng.sample(range(1, int(ln.quantity)), parts - 1)) if parts > 1 else []
        bounds = [0, *cuts, int(ln.quantity)]
        first = order_date + timedelta(days=rng.choice([7, 10, 14]))
        deliveries.append([(first + timedelta(days=21 * j), Decimal(bounds[j + 1] - bounds[j]))
                           for j in range(len(bounds) - 1)] if parts > 1 else [(first, ln.quantity)])  # fmt: skip
    need_by = [order_date + timedelta(days=rng.choice([14, 21, 30, 45])) for _ in lines]
    look["people"] = rng.sample(PARTIES10[fam.country][6], 2)
    look["tax_number"] = registration10(rng, fam.country)
    look["registration"] = _digits(rng, 9)  # a company register number some closings print
    look["fx"] = Decimal(rng.randrange(38000, 42000)) / 1000
    return Order10(po, look, units, sections, deliveries, need_by)


# ---------------------------------------------------------------- drawing the order

_WEIGHTS10 = {"line_no": 0.05, "sku": 0.11, "description": 0.34, "quantity": 0.09, "unit": 0.06, "unit_price": 0.12,
              "amount": 0.13, "per": 0.06, "rev": 0.04, "need_by": 0.09, "promised": 0.09, "taxcode": 0.07,
              "taxes": 0.08}  # fmt: skip


class PO10Writer(PO9Writer):
    """Set 9's order writer (its party blocks, facts, table rows, totals), with this set's headers and tables."""

    def __init__(self, rng: random.Random, fam: Blind10Family, order: Order10) -> None:  # type: ignore[override]
        self.o10 = order
        super().__init__(rng, fam, order)  # type: ignore[arg-type]
        self.fam10 = fam
        self.zero = fam.currency in ZERO_DECIMALS10
        if fam.country in LETTER10 or fam.header == "oracle":
            self.pw, self.ph = (612.0, 792.0) if fam.country in LETTER10 else (841.89, 595.28)
            self.right, self.bottom = self.pw - self.margin, self.ph - self.margin - self.lead * 2
            self.pages.clear()
            self.new_page()
        if "footerband" in fam.extras:
            self.band_h = self.lead * 5.5

    def day(self, value: date, style: str) -> str:
        return format_day10(value, style, self.fam.lang)

    def write(self) -> None:
        getattr(self, f"head_{self.fam.header}")()
        self.table()
        if self.look["totals"] == "footer":
            self.footer_band()
        else:
            self.totals()
        if "fx" in self.fam.extras:
            self.fx_note()
        self.closing()
        if self.fam.header == "dotmatrix":
            self.sprockets()
        self.footers(self.c["page"], f"{self.c['po_number']} {self.m.number}")

    # -- headers
    def head_rightcol(self) -> None:
        """The supplier and the delivery address down the left; the title, the order's facts and the buyer in a
        ruled column on the right."""
        m, c = self.m, self.c
        split = self.left + (self.right - self.left) * 0.52
        top = self.y
        self.y = top + self.lead
        b1 = self.party(self.left, c["vendor"], m.vendor, "vendor_name", "vendor_tax_id")
        self.y = b1 + self.lead * 0.6
        ship = m.ship_to
        b2 = self.party(self.left, c["ship"], BlindParty(ship.name, ship.street, ship.city, ship.country, None, None),
                        None, None, bold=False)  # fmt: skip
        self.y = top
        x = split + 8
        self.t(x, self.y + 6, c["title"], bold=True, scale=1.35, color=self.accent)
        self.y += self.lead * 2.2
        self.y = self.facts(x, self.order_facts()) + self.lead * 0.4
        b3 = self.party(x, c["buyer"], m.buyer, "buyer_name", "buyer_tax_id")
        self.page.line(split, top - self.size, split, b3, 0.8, self.accent)
        self.y = max(b2, b3) + self.lead

    def head_sap(self) -> None:
        """An SAP-like print: the buyer's name line across the top, the supplier in an address window on the left,
        a block of facts on the right (our reference, contact, your vendor number), the title over the table."""
        m, c = self.m, self.c
        self.t(self.left, self.y, f"{m.buyer.name} · {m.buyer.street} · {m.buyer.city}", scale=0.7)
        self.y += self.lead * 0.8
        self.page.line(self.left, self.y, self.right, self.y, 0.4)
        self.y += self.lead * 1.2
        b1 = self.party(self.left, c["vendor"], m.vendor, "vendor_name", "vendor_tax_id")
        x = self.left + (self.right - self.left) * 0.58
        rows = [
            *self.order_facts(),
            (self.caption_for_contact(), self.look["people"][0], None),
            ("Vendor No." if self.fam.lang.startswith("en") else "Доставчик №", f"{_digits(self.rng, 6)}", None),
        ]
        b2 = self.facts(x, rows)
        self.y = max(b1, b2) + self.lead
        self.y = self.party(self.left, c["buyer"], m.buyer, "buyer_name", "buyer_tax_id") + self.lead * 0.5
        self.t(self.left, self.y, c["title"], bold=True, scale=1.5)
        self.y += self.lead * 1.8

    def caption_for_contact(self) -> str:
        return "Contact person" if self.fam.lang.startswith("en") else "Лице за контакт"

    def head_inletter(self) -> None:
        """A letter that carries the order: letterhead, date in words, the supplier addressed, 'Re: Purchase Order
        No. ...', a paragraph with the terms, then the table."""
        m, c = self.m, self.c
        self.t(self.left, self.y + 4, m.buyer.name, "buyer_name", bold=True, scale=1.5, color=self.accent)
        self.y += self.lead * 1.6
        self.t(self.left, self.y, f"{m.buyer.street}, {m.buyer.city}, {m.buyer.country}", scale=0.85)
        if m.buyer.tax_id:
            self.y += self.lead
            x = self.left + self.t(self.left, self.y, f"{m.buyer.tax_label}", scale=0.85) + 4
            self.t(x, self.y, m.buyer.tax_id, "buyer_tax_id", scale=0.85)
        self.y += self.lead * 0.6
        self.page.line(self.left, self.y, self.right, self.y, 1.0, self.accent)
        self.y += self.lead * 2
        self.t(self.right, self.y, self.day(m.order_date, self.style), "order_date", align="right")
        self.y += self.lead * 1.5
        self.y = self.party(self.left, "To:", m.vendor, "vendor_name", "vendor_tax_id") + self.lead
        self.flow(words_of("Re: Purchase Order No. {no}", {"no": (m.number, Entity("po_number"))}), self.left,
                  self.right)  # fmt: skip
        self.t(self.left, self.y, "Dear Sir or Madam,")
        self.y += self.lead * 1.5
        values = {"terms": (m.terms[0], Entity("payment_terms")), "cur": (self.fam.currency, Entity("currency")),
                  "ship": (f"{m.ship_to.street}, {m.ship_to.city}", None)}  # fmt: skip
        self.flow(words_of("Further to your quotation, we are pleased to order the goods listed below, delivered to "
                             "{ship}. Prices are in {cur} and exclude VAT. Payment terms: {terms}, against your tax "
                             "invoice quoting our order number.", values), self.left, self.right)  # fmt: skip
        _ = c

    def head_oracle(self) -> None:
        """An Oracle-like landscape print: a title row (standard purchase order, number, revision, page), three
        address boxes (vendor, ship to, bill to), a row of boxed facts, then the wide table."""
        m, c = self.m, self.c
        self.t(self.left, self.y + 4, m.buyer.name, "buyer_name", bold=True, scale=1.3)
        self.t(self.right, self.y + 4, "Standard Purchase Order", bold=True, scale=1.3, align="right")
        self.y += self.lead * 1.8
        self.y = self.facts(
            self.right - 190,
            [
                (c["po_number"], m.number, "po_number"),
                ("Revision", "0", None),
                (c["order_date"], self.day(m.order_date, self.style), "order_date"),
            ],
        )
        top = self.y
        third = (self.right - self.left) / 3
        bottoms = []
        ship = m.ship_to
        blocks = ((c["vendor"], m.vendor, "vendor_name", "vendor_tax_id"),
                  ("Ship To", BlindParty(ship.name, ship.street, ship.city, ship.country, None, None), None, None),
                  ("Bill To", BlindParty(m.buyer.name, m.buyer.street, m.buyer.city, m.buyer.country, None, None),
                   None, None))  # fmt: skip
        for k, (cap, p, tag, ttag) in enumerate(blocks):
            self.y = top + self.lead * 0.5
            bottoms.append(self.party(self.left + k * third + 5, cap, p, tag, ttag, bold=k == 0))
        bottom = max(bottoms)
        for k in range(3):
            self.page.rect(self.left + k * third, top - self.size * 0.3, third, bottom - top, line_width=0.6)
        self.y = bottom + self.lead
        cells = [("Customer Acct", _digits(self.rng, 5), None), ("Supplier No.", _digits(self.rng, 6), None),
                 (c["payment_terms"], m.terms[0], "payment_terms"), ("Freight Terms", "Prepaid", None),
                 ("FOB", "Destination", None), ("Ship Via", "Best Way", None), (c["currency"], self.fam.currency,
                 "currency"), ("Buyer", self.look["people"][0], None)]  # fmt: skip
        w = (self.right - self.left) / len(cells)
        for k, (cap, val, tag) in enumerate(cells):
            x = self.left + k * w
            self.page.rect(x, self.y - self.size, w, self.lead * 2.2, line_width=0.5)
            self.t(x + 3, self.y, cap, scale=0.75, bold=True)
            self.t(x + 3, self.y + self.lead, val, tag, scale=min(0.9, (w - 6) / max(1.0, self.w(val))))
        self.y += self.lead * 2.8
        cap, number = self.look["tax_number"]
        self.t(self.left, self.y, f"{m.vendor.name} {cap}: {number}", scale=0.75)
        self.y += self.lead * 1.2

    def head_netsuite(self) -> None:
        """A NetSuite-like print: the buyer's block top left, 'Purchase Order' with '#number' and the date on the
        right, vendor and ship-to under grey captions."""
        m, c = self.m, self.c
        top = self.y
        self.logo(self.left, self.y + 8, m.buyer.name)
        self.t(self.left + 34, self.y, m.buyer.name, "buyer_name", bold=True, scale=1.15)
        self.y += self.lead * 1.2
        for line in (m.buyer.street, m.buyer.city, m.buyer.country):
            self.t(self.left + 34, self.y, line, scale=0.85)
            self.y += self.lead * 0.95
        self.t(self.right, top + 6, c["title"], bold=True, scale=1.8, align="right")
        x = self.right - self.w(f"#{m.number}", True, 1.1)
        self.t(x - self.w("#", True, 1.1), top + self.lead * 2.2, "#", bold=True, scale=1.1)
        self.t(x, top + self.lead * 2.2, m.number, "po_number", bold=True, scale=1.1)
        self.t(self.right, top + self.lead * 3.4, self.day(m.order_date, self.style), "order_date", align="right")
        self.y = max(self.y, top + self.lead * 4.5) + self.lead
        half = self.left + (self.right - self.left) / 2
        b1 = self.party(self.left, c["vendor"], m.vendor, "vendor_name", "vendor_tax_id")
        ship = m.ship_to
        b2 = self.party(half, c["ship"], BlindParty(ship.name, ship.street, ship.city, ship.country, None, None),
                        None, None, bold=False)  # fmt: skip
        self.y = max(b1, b2) + self.lead * 0.5
        self.y = self.facts(self.left, [(c["payment_terms"], m.terms[0], "payment_terms"),
                                        (c["currency"], self.fam.currency, "currency")]) + self.lead * 0.6  # fmt: skip

    def head_split(self) -> None:
        """Every fact a caption on one line and its value on the next, in a row of cells; the parties below."""
        m, c = self.m, self.c
        self.t(self.left, self.y + 4, c["title"], bold=True, scale=1.6, color=self.accent)
        self.y += self.lead * 2.4
        cells = [(c["po_number"], m.number, "po_number"), (c["order_date"], self.day(m.order_date, self.style),
                 "order_date"), (c["currency"], self.fam.currency, "currency"),
                 (c["payment_terms"], m.terms[0], "payment_terms")]  # fmt: skip
        widths = [0.2, 0.25, 0.13, 0.42]
        x = self.left
        for (cap, val, tag), share in zip(cells, widths, strict=True):
            w = (self.right - self.left) * share
            self.page.rect(x, self.y - self.size - 2, w, self.lead * 2.4, line_width=0.5)
            self.t(x + 4, self.y, cap, scale=0.78, color=(0.35, 0.35, 0.35))
            lines = wrap(val, self.f.regular, self.size * 0.95, w - 8)
            ent = Entity(tag) if tag else None
            for j, part in enumerate(lines[:2]):
                self.t(x + 4, self.y + self.lead * (1 + j * 0.8), part, ent, scale=0.95 if j == 0 else 0.75)
            x += w
        self.y += self.lead * 3.2
        half = self.left + (self.right - self.left) / 2
        b1 = self.party(self.left, c["buyer"], m.buyer, "buyer_name", "buyer_tax_id")
        b2 = self.party(half, c["vendor"], m.vendor, "vendor_name", "vendor_tax_id")
        self.y = max(b1, b2) + self.lead

    def head_dynamics(self) -> None:
        """A Dynamics-like print: the buyer's name and address top left, 'Orden de compra' right with a two-column
        grid of facts; the supplier ('Proveedor') and delivery blocks, each under a rule."""
        m, c = self.m, self.c
        top = self.y
        self.t(self.left, self.y, m.buyer.name, "buyer_name", bold=True, scale=1.2)
        self.y += self.lead * 1.2
        for line in (m.buyer.street, m.buyer.city):
            self.t(self.left, self.y, line, scale=0.85)
            self.y += self.lead * 0.95
        if m.buyer.tax_id:
            x = self.left + self.t(self.left, self.y, f"{m.buyer.tax_label}:", scale=0.85) + 4
            self.t(x, self.y, m.buyer.tax_id, "buyer_tax_id", scale=0.85)
            self.y += self.lead
        left_end = self.y
        x = self.left + (self.right - self.left) * 0.55
        self.y = top
        self.t(x, self.y + 4, c["title"], bold=True, scale=1.4)
        self.y += self.lead * 2
        self.y = self.facts(x, [*self.order_facts(), ("Comprador", self.look["people"][0], None)])
        self.y = max(self.y, left_end) + self.lead
        self.page.line(self.left, self.y - self.size, self.right, self.y - self.size, 0.6)
        half = self.left + (self.right - self.left) / 2
        b1 = self.party(self.left, c["vendor"], m.vendor, "vendor_name", "vendor_tax_id")
        ship = m.ship_to
        b2 = self.party(half, c["ship"], BlindParty(ship.name, ship.street, ship.city, ship.country, None, None),
                        None, None, bold=False)  # fmt: skip
        self.y = max(b1, b2) + self.lead

    def head_odoo(self) -> None:
        """An Odoo-like print: the company's line top left, the supplier's address top right, then 'Innkjøpsordre
        #P00042' large, a row of small captions over their values (representative, order date), the table."""
        m, c = self.m, self.c
        self.t(self.left, self.y, m.buyer.name, "buyer_name", bold=True)
        self.t(self.left, self.y + self.lead, f"{m.buyer.street}, {m.buyer.city}", scale=0.8)
        if m.buyer.tax_id:
            x = self.left + self.t(self.left, self.y + self.lead * 2, m.buyer.tax_label or "", scale=0.8) + 4
            self.t(x, self.y + self.lead * 2, m.buyer.tax_id, "buyer_tax_id", scale=0.8)
        self.y += self.lead * 4
        half = self.left + (self.right - self.left) * 0.55
        b = self.party(half, "", m.vendor, "vendor_name", "vendor_tax_id")
        self.y = b + self.lead
        x = self.left + self.t(self.left, self.y + 6, f"{c['title']} #", scale=1.6) + 2
        self.t(x, self.y + 6, m.number, "po_number", scale=1.6)
        self.y += self.lead * 2.6
        cells = [("Innkjøpsrepresentant", self.look["people"][0], None),
                 (c["order_date"], self.day(m.order_date, self.style), "order_date"),
                 (c["payment_terms"], m.terms[0], "payment_terms")]  # fmt: skip
        x = self.left
        for cap, val, tag in cells:
            self.t(x, self.y, cap, bold=True, scale=0.85)
            self.t(x, self.y + self.lead, val, tag, scale=0.9)
            x += max(self.w(cap, True, 0.85), self.w(val, scale=0.9)) + 24
        self.y += self.lead * 2.8

    def head_dotmatrix(self) -> None:
        """Continuous form from a dot-matrix printer: the form's preprinted title, then the facts as fixed-width
        'CAPTION ....: value' lines, the supplier's address, the buyer's."""
        m, c = self.m, self.c
        self.left += 18
        self.right -= 18
        self.t(self.left, self.y, c["title"].upper(), bold=True, scale=1.3)
        self.t(self.right, self.y, f"{m.buyer.name}", "buyer_name", align="right")
        self.y += self.lead * 1.8
        rows = [(c["po_number"], m.number, "po_number"), (c["order_date"], self.day(m.order_date, self.style),
                "order_date"), (c["payment_terms"], m.terms[0], "payment_terms"),
                (c["currency"], self.fam.currency, "currency")]  # fmt: skip
        width = max(len(cap) for cap, _v, _t in rows) + 3
        for cap, val, tag in rows:
            lead = f"{cap} ".ljust(width, ".") + ": "
            x = self.left + self.t(self.left, self.y, lead)
            self.t(x, self.y, val, tag)
            self.y += self.lead
        self.y += self.lead * 0.5
        half = self.left + (self.right - self.left) / 2
        b1 = self.party(self.left, c["vendor"], m.vendor, "vendor_name", "vendor_tax_id", bold=False)
        b2 = self.party(half, c["buyer"], m.buyer, None, "buyer_tax_id", bold=False)
        self.y = max(b1, b2) + self.lead

    # -- the table
    def caption_of(self, col: str) -> str:
        extra = {"per": self.c["per"], "rev": "Rev", "need_by": "Need-By" if self.fam.lang.startswith("en") else
                 "Dato kravd", "promised": "Promised", "taxcode": "Tax Code", "taxes": "Skattar"}  # fmt: skip
        return extra.get(col) or self.c.get(col, col)

    def spans(self, cols: list[str]) -> list[tuple[str, float, float]]:
        total = sum(_WEIGHTS10[c] for c in cols)
        x, out = self.left, []
        for col in cols:
            w = (self.right - self.left) * _WEIGHTS10[col] / total
            out.append((col, x, w))
            x += w
        return out

    def cell_text(self, col: str, k: int, ln: POLine) -> tuple[str, str | None]:
        per = self.o10.price_units[k]
        if col == "per":
            return qty10(Decimal(per), self.numbers) + (f" {ln.unit}" if ln.unit and per > 1 else ""), None
        if col == "rev":
            return "0", None
        if col in {"need_by", "promised"}:
            shift = timedelta(days=0 if col == "need_by" else 3)
            return self.day(self.o10.need_by[k] + shift, "d_mon_up" if self.style == "d_mon_up" else "dmy_dot2"), None
        if col == "taxcode":
            return f"VAT{dec_str(self.m.tax_rate or Decimal(0))}", None
        if col == "taxes":
            return f"{dec_str(self.m.tax_rate or Decimal(0))} %", None
        if col == "quantity":
            places = 3 if self.fam.country == "PK" else None
            return qty10(ln.quantity, self.numbers, places), "quantity"
        if col == "line_no":
            return str((k + 1) * 10 if self.fam.header in {"sap", "dotmatrix"} else k + 1), None
        return super().cell_text(col, k, ln)

    def table(self) -> None:
        spans = self.spans(self.cols)
        self.table_head(spans)
        items = self.fam.items
        sections = self.o10.sections
        running = Decimal(0)
        for k, ln in enumerate(self.m.lines):
            if items == "sections" and (k == 0 or sections[k] != sections[k - 1]):
                if self.room(self.lead * 3):
                    self.table_head(spans)
                self.t(self.left + 3, self.y, sections[k], bold=True, color=self.accent)
                self.y += self.lead * 1.1
            if "greenbar" in self.fam.extras and (k // 3) % 2 == 0:
                self.page.rect(self.left - 4, self.y - self.size - 1, self.right - self.left + 8, self.lead * 1.02,
                               stroke=None, fill=(0.88, 0.95, 0.88))  # fmt: skip
            self.line_row(k, ln, spans)
            running += ln.amount
            if items == "schedule":
                # a row per delivery: its date under the description, its quantity in the quantity column
                _c, dx, _w = next(s for s in spans if s[0] == "description")
                qx = next((x + w for col, x, w in spans if col == "quantity"), self.right)
                for j, (when, qty) in enumerate(self.o10.deliveries[k]):
                    self.room(self.lead)
                    text = f"{self.c['delivery']} {j + 1}: {self.day(when, self.style)}"
                    self.t(dx + 12, self.y, text, scale=0.82, color=(0.3, 0.3, 0.3))
                    self.t(qx - 3, self.y, qty10(qty, self.numbers), scale=0.82, align="right", color=(0.3, 0.3, 0.3))
                    self.y += self.lead * 0.95
                self.y += self.lead * 0.3
            if items == "sections" and (k == len(self.m.lines) - 1 or sections[k + 1] != sections[k]):
                self.t(self.right - 3 - self.w("0" * 14), self.y, self.c["section"], italic=True, scale=0.9,
                       align="right")  # fmt: skip
                self.t(self.right - 3, self.y, self.money(running), italic=True, scale=0.9, align="right")
                running = Decimal(0)
                self.y += self.lead * 1.4
        self.page.line(self.left, self.y - self.size, self.right, self.y - self.size, 0.8)
        self.y += self.lead * 0.5

    # -- totals and notes
    def footer_band(self) -> None:
        """The totals in a shaded band at the foot of the last page (a new page when the table reaches it)."""
        m, c = self.m, self.c
        band_top = self.ph - self.margin - self.lead * 2 - self.band_h
        if self.y > band_top - self.lead:
            self.new_page()
        self.page.rect(self.left, band_top, self.right - self.left, self.band_h, stroke=None, fill=(0.9, 0.92, 0.95))
        y = band_top + self.lead * 1.2
        self.t(self.left + 8, y, "Memo: please acknowledge this order within 2 business days.", italic=True, scale=0.8)
        rows = [(c["subtotal"], self.money(m.subtotal), "subtotal"), (c["tax"], self.money(m.tax_total), "tax_total"),
                (c["total"], self.money(m.total), "total")]  # fmt: skip
        x_cap = self.left + (self.right - self.left) * 0.6
        for k, (cap, val, tag) in enumerate(rows):
            last = k == len(rows) - 1
            self.t(x_cap, y, cap, bold=last)
            self.t(self.right - 8, y, val, tag, bold=last, align="right")
            y += self.lead * 1.3
        self.bottom = band_top - self.lead

    def fx_note(self) -> None:
        """The total's equivalent in US dollars at a reference rate: printed, not labelled."""
        m, fx = self.m, self.look["fx"]
        self.room(self.lead * 2)
        usd = q2(m.total / fx)
        text = (f"Tipo de cambio de referencia BCU: 1 USD = {num9(fx, self.numbers, 3)} {self.fam.currency}. "
                f"Equivalente del total: USD {self.money(usd)}.")  # fmt: skip
        self.t(self.left, self.y, text, italic=True, scale=0.8)
        self.y += self.lead * 1.5

    def closing(self) -> None:
        if self.look["tax_number"] and self.fam.header != "oracle":
            cap, num = self.look["tax_number"]
            self.room(self.lead * 2)
            self.t(self.left, self.y, f"{self.m.vendor.name} {cap}: {num}", scale=0.8)
            self.y += self.lead * 1.4
        if self.fam.header == "inletter":
            self.room(self.lead * 5)
            self.t(self.left, self.y, "Yours faithfully,")
            self.y += self.lead * 3
            self.t(self.left, self.y, f"{self.look['people'][0]}, Procurement Manager")
            self.y += self.lead
            return
        super().closing()

    def sprockets(self) -> None:
        """The tractor-feed strips of continuous paper: holes down both edges, a perforation line inside them."""
        for page in self.pages:
            y = 12.0
            while y < self.ph:
                for x in (10.0, self.pw - 10.0):
                    page.circle(x, y, 3.2, (0.85, 0.85, 0.85))
                y += 18.0
            for x in (22.0, self.pw - 22.0):
                page.line(x, 0, x, self.ph, 0.3, (0.7, 0.7, 0.7))


# ---------------------------------------------------------------- contracts

CONTRACT_TEXT10: dict[str, dict[str, Any]] = {
    "ugovor-dve-kolone-rs": {
        "title": "UGOVOR O PRUŽANJU USLUGA / SERVICES AGREEMENT", "number": "Broj / No.",
        "roles": ("Naručilac", "Pružalac usluga"),
        "intro": "Ugovor je zaključen dana {eff} između {buyer} (Naručilac) i {vendor} (Pružalac usluga).",
        "intro_en": "This Agreement is made on {eff} between {buyer} (the Client) and {vendor} (the Provider).",
        "until": "Ugovor važi do {exp}", "until_en": "This Agreement is valid until {exp}.",
        "pay": "Cene su izražene u {cur}, bez PDV-a. Plaćanje: {terms}.",
        "pay_en": "Prices are in {cur}, excluding VAT. Payment: {terms}.",
        "filler": [("Pružalac usluga odgovara za kvalitet izvršenih usluga.",
                    "The Provider is responsible for the quality of the services."),
                   ("Sporove rešava nadležni sud u Beogradu.", "Disputes are settled by the competent court in "
                    "Belgrade.")],
        "annex": "Prilog 1 - Cenovnik / Annex 1 - Price list", "cols": ("Usluga / Service", "J.m. / Unit",
                                                                        "Cena / Rate"),
        "terms": [("u roku od 15 dana od prijema fakture", 15), ("u roku od 45 dana", 45)],
        "services": [("Servis opreme", "sat"), ("Izlazak na teren", "dolazak"), ("Preventivni pregled", "pregled"),
                     ("Dežurstvo vikendom", "dan")],
    },
    "rahmenvertrag-abrufpreise-at": {
        "title": "RAHMENVERTRAG ÜBER LIEFERUNGEN", "number": "Rahmenvertrag Nr.",
        "roles": ("Auftraggeber", "Auftragnehmer"),
        "intro": "Dieser Rahmenvertrag wird am {eff} zwischen {buyer} (im Folgenden Auftraggeber) und {vendor} (im "
                 "Folgenden Auftragnehmer) geschlossen.",
        "until": "Der Vertrag gilt bis {exp}.", "pay": "Alle Preise verstehen sich in {cur} zuzüglich USt. Die "
        "Rechnungen sind {terms} zu bezahlen.",
        "filler": ["Einzelabrufe erfolgen schriftlich unter Angabe der Rahmenvertragsnummer.",
                   "Die Abrufpreise gelten für die gesamte Laufzeit als Festpreise."],
        "annex": "Anlage 1 – Abrufpreise", "cols": ("Artikel", "Einheit", "Mindestmenge je Abruf", "Abrufpreis"),
        "terms": [("binnen 30 Tagen netto", 30), ("binnen 14 Tagen mit 2 % Skonto", 14)],
        "services": [("Streusalz, Big Bag 1 t", "t"), ("Splitt 2/4, lose", "t"), ("Heizöl extra leicht", "1000 l"),
                     ("Diesel, Tankstellenlieferung", "1000 l"), ("Frostschutz G12", "Fass")],
    },
    "tarifanlage-mindestentgelt-be": {
        "title": "DIENSTLEISTUNGSVERTRAG LOGISTIK", "number": "Vertrag Nr.", "roles": ("Kunde", "Dienstleister"),
        "intro": "Zwischen {buyer}, nachstehend Kunde genannt, und {vendor}, nachstehend Dienstleister genannt, wird "
                 "am {eff} folgender Vertrag geschlossen.",
        "until": "Der Vertrag endet am {exp}.", "pay": "Die Entgelte in {cur} verstehen sich zuzüglich MwSt. und "
        "sind {terms} zahlbar.",
        "filler": ["Die Entgelte richten sich nach der monatlichen Anzahl Sendungen laut Anlage 1.",
                   "Es gilt belgisches Recht; Gerichtsstand ist Eupen."],
        "annex": "Anlage 1 – Tarifstaffel", "cols": ("Staffel", "Sendungen je Monat", "je", "Entgelt"),
        "cover": ["1 – 500", "501 – 2.000", "2.001 – 5.000", "über 5.000"],
        "terms": [("innerhalb von 30 Tagen nach Rechnungsdatum", 30), ("binnen 15 Tagen", 15)],
        "services": [("Staffel 1", "Sendung"), ("Staffel 2", "Sendung"), ("Staffel 3", "Sendung"),
                     ("Staffel 4", "Sendung")],
        "minimum": "Mindestentgelt: {min} {cur} je Monat, auch wenn weniger Sendungen anfallen.",
    },
    "services-rates-sentence-il": {
        "title": "PROFESSIONAL SERVICES AGREEMENT", "number": "Agreement No.", "roles": ("the Company",
                                                                                     "the Contractor"),
        "intro": "This Agreement is made and entered into in Tel Aviv on {eff} by and between {buyer} (the Company) "
                 "and {vendor} (the Contractor).",
        "until": "This Agreement shall remain in effect until {exp}.",
        "pay": "The Contractor shall be paid in {cur}, plus VAT, at the following rates: {rates}. Invoices are "
               "payable {terms}.",
        "filler": ["The Contractor is an independent contractor and not an employee of the Company.",
                   "This Agreement is governed by the laws of the State of Israel."],
        "terms": [("on current month + 60 days terms", 75), ("within 30 days of receipt of a tax invoice", 30)],
        "services": [("Senior software engineer", "hour"), ("QA engineer", "hour"), ("Project manager", "day"),
                     ("DevOps engineer", "hour"), ("Solution architect", "day")],
    },
    "contrato-partes-roles-co": {
        "title": "CONTRATO DE PRESTACIÓN DE SERVICIOS", "number": "Contrato N.º", "roles": ("EL CONTRATANTE",
                                                                                         "EL CONTRATISTA"),
        "intro": "Entre los suscritos a saber: {buyer}, quien en adelante se denominará EL CONTRATANTE, y {vendor}, "
                 "quien en adelante se denominará EL CONTRATISTA, se celebra el presente contrato el {eff}.",
        "until": "El presente contrato estará vigente hasta el {exp}.",
        "pay": "Los valores se expresan en {cur} antes de IVA. EL CONTRATANTE pagará las facturas {terms}.",
        "filler": ["EL CONTRATISTA actuará con plena autonomía técnica y administrativa.",
                   "Las partes fijan como domicilio contractual la ciudad de Bogotá D.C."],
        "annex": "CLÁUSULA TERCERA. VALOR DE LOS SERVICIOS", "bullet": "{service}: {rate} {cur} por {unit}",
        "terms": [("dentro de los treinta (30) días siguientes a la radicación de la factura", 30),
                  ("a sesenta (60) días", 60)],
        "services": [("Hora de consultoría", "hora"), ("Visita técnica", "visita"), ("Informe mensual", "informe"),
                     ("Capacitación", "sesión")],
    },
    "tenesteavtale-nynorsk-no": {
        "title": "TENESTEAVTALE", "number": "Avtalenummer", "roles": ("Kunden", "Leverandøren"),
        "intro": "Denne avtalen er inngått {eff} mellom {buyer} (Kunden) og {vendor} (Leverandøren).",
        "until": "Avtalen gjeld til og med {exp}.", "term": "Avtalen gjeld i {n} månader frå datoen over.",
        "pay": "Prisane er oppgjevne i {cur} utan meirverdiavgift. Betaling skjer {terms}.",
        "filler": ["Leverandøren skal utføre tenestene fagleg forsvarleg og i samsvar med gjeldande regelverk.",
                   "Usemje som ikkje vert løyst ved forhandlingar, vert avgjord ved Hordaland tingrett."],
        "annex": "Vedlegg 1 – Prisar", "cols": ("Teneste", "Eining", "Pris"),
        "terms": [("innan 30 dagar etter fakturadato", 30), ("innan 14 dagar", 14)],
        "services": [("Rådgjeving", "time"), ("Prosjektleiing", "time"), ("Reisetid", "time"), ("Dagsats på stad",
                     "dag")],
    },
    "dogovor-uslugi-bg": {
        "title": "ДОГОВОР ЗА ПРЕДОСТАВЯНЕ НА УСЛУГИ", "number": "Договор №", "roles": ("Възложител", "Изпълнител"),
        "intro": "Днес, {eff}, в гр. София, между {buyer}, наричано по-долу Възложител, и {vendor}, наричано по-долу "
                 "Изпълнител, се сключи настоящият договор.",
        "until": "Договорът е валиден до {exp}.",
        "pay": "Цените са в {cur} без ДДС. Възложителят заплаща фактурите {terms}.",
        "filler": ["Изпълнителят се задължава да извършва услугите качествено и в срок.",
                   "Споровете се решават от компетентния съд в гр. София."],
        "annex": "Приложение № 1 – Цени", "cols": ("Услуга", "Мярка", "Цена"),
        "terms": [("в срок до 30 дни от получаване на фактурата", 30), ("в срок до 10 работни дни", 10)],
        "services": [("Абонаментна поддръжка", "месец"), ("Техник на място", "час"), ("Аварийно посещение",
                     "посещение"), ("Транспорт", "км")],
    },
    "dohovir-zamovnyk-vykonavets-ua": {
        "title": "ДОГОВІР ПРО НАДАННЯ ПОСЛУГ", "number": "Договір №", "roles": ("Замовник", "Виконавець"),
        "intro": "{buyer}, що надалі іменується Замовник, з однієї сторони, та {vendor}, що надалі іменується "
                 "Виконавець, з іншої сторони, уклали цей договір {eff}.",
        "until": "Договір діє до {exp}.", "term": "Договір діє протягом {n} місяців з дати його підписання.",
        "pay": "Ціни вказано в {cur} без ПДВ. Замовник оплачує рахунки {terms}.",
        "filler": ["Виконавець надає послуги відповідно до технічного завдання (Додаток 2).",
                   "Спори між сторонами вирішуються в господарському суді м. Києва."],
        "annex": "Додаток 1 – Тарифи", "cols": ("Послуга", "Од. виміру", "Ціна"),
        "terms": [("протягом 10 банківських днів з дати отримання рахунку", 10),
                  ("протягом 30 календарних днів", 30)],
        "services": [("Технічне обслуговування", "місяць"), ("Виїзд інженера", "виїзд"), ("Година роботи фахівця",
                     "год"), ("Консультація", "год")],
    },
}  # fmt: skip
CONTRACT_NUMBERS10 = {"RS": "{n:03d}/{y}", "AT": "RV-{y}-{n:04d}", "BE": "DL-{y}/{n:03d}", "IL": "PSA-{y}-{n:03d}",
                      "CO": "CPS-{n:03d}-{y}", "NO": "{y}-{n:04d}", "BG": "{n:03d}/{y}", "UA": "{n}/{y}-П"}  # fmt: skip


def sample_contract10(rng: random.Random, fam: Blind10Family) -> Contract2:
    text = CONTRACT_TEXT10[fam.name]
    buyer = make_party10(rng, fam.country)
    vendor = make_party10(rng, fam.country, avoid=buyer.name)
    year = rng.randrange(2024, 2028)
    effective = date(year, 1, 1) + timedelta(days=rng.randrange(0, 364))
    term: tuple[int, str] | None = None
    if "term" in fam.extras and rng.random() < 0.7:
        months = rng.choice([12, 24, 36])
        term = (months, "months")
        expiry = effective + relativedelta(months=months) - timedelta(days=1)
    else:
        expiry = effective + relativedelta(months=rng.choice([6, 12, 24, 36])) - timedelta(days=rng.choice([0, 1]))
    services = text["services"]
    keep = rng.randrange(3, len(services) + 1)
    chosen = services[:keep] if "cover" in text else rng.sample(services, keep)
    zero = fam.currency in ZERO_DECIMALS10
    scale = SCALE10[fam.currency]
    rates: list[tuple[str, str, Decimal]] = []
    for k, (s, u) in enumerate(chosen):
        base = Decimal(rng.randrange(2000, 40000)) / 100 * scale
        if "cover" in text:  # tiers: a cheaper price per shipment the more a month
            base = Decimal(rng.randrange(400, 900)) / 100 / (1 + Decimal(k) / 3)
        if u in {"day", "dag"}:
            base = Decimal(rng.randrange(60, 180) * 8) * scale
        rate = (base / 100).quantize(Decimal(1), rounding=ROUND_DOWN) * 100 if zero else q2(base)
        rates.append((s, u, rate))
    n = rng.randrange(1, 999)
    number = CONTRACT_NUMBERS10[fam.country].format(y=year, n=n)
    return Contract2(number, effective, expiry, term, buyer, vendor, rng.choice(text["terms"]), rates)


class Contract10Writer(Contract9Writer):
    """Set 9's contract writer (its clauses, grids, schedules, signatures) with this set's text and layouts."""

    def __init__(self, rng: random.Random, fam: Blind10Family, model: Contract2) -> None:  # type: ignore[override]
        self.m = model  # type: ignore[assignment]
        self.text = CONTRACT_TEXT10[fam.name]
        Sheet9.__init__(self, rng, fam, rng.choice([9.0, 9.5, 10.0]), fam.numbers, fam.currency in ZERO_DECIMALS10)
        self.style = fam.dates

    def day(self, value: date, style: str) -> str:
        return format_day10(value, style, self.fam.lang)

    def values(self, tagged: bool = True, lang: str | None = None) -> dict[str, tuple[str, Entity | None]]:
        m = self.m

        def v(text: str, name: str) -> tuple[str, Entity | None]:
            return text, Entity(name) if tagged else None

        day = (lambda d: format_day10(d, "long", lang)) if lang else (lambda d: self.day(d, self.style))
        return {"eff": v(day(m.effective), "effective_date"), "exp": v(day(m.expiry), "expiry_date"),
                "buyer": v(m.buyer.name, "buyer_name"), "vendor": v(m.vendor.name, "vendor_name"),
                "cur": v(self.fam.currency, "currency"), "terms": v(m.terms[0], "payment_terms"),
                "n": (str(m.term[0]) if m.term else "", None)}  # fmt: skip

    def write(self) -> None:
        m, text = self.m, self.text
        self.t((self.left + self.right) / 2, self.y + 8, text["title"], bold=True, scale=1.3, align="center")
        self.y += self.lead * 2.4
        lx = self.left + self.t(self.left, self.y, text["number"]) + self.w(" ")
        self.t(lx, self.y, m.number, "contract_number", bold=True)
        self.y += self.lead * 2
        if self.fam.header == "twocol":
            self.two_columns()
        else:
            values = self.values()
            self.flow(words_of(text["intro"], values), self.left, self.right)
            self.parties_ids()
            clause = 1
            self.clause(clause, words_of(text["term"] if m.term else text["until"], values))
            for sentence in text["filler"]:
                clause += 1
                self.clause(clause, words_of(sentence, {}))
            clause += 1
            self.clause(clause, self.pay_words(values))
        self.schedule()
        self.signatures()
        self.footers({"de": "Seite", "nn": "Side", "bg": "Страница", "uk": "Сторінка", "es": "Página"}.get(
            self.fam.lang.split("_")[0], "Page"), m.number)  # fmt: skip

    def pay_words(self, values: dict[str, tuple[str, Entity | None]]) -> list[tuple[str, Entity | None]]:
        """The payment clause; where it holds ``{rates}``, each rate in the sentence ('Senior engineer at ILS
        1,450.00 per hour, ...')."""
        pay = self.text["pay"]
        if "{rates}" not in pay:
            return words_of(pay, values)
        words: list[tuple[str, Entity | None]] = []
        for k, (s, u, r) in enumerate(self.m.rates):
            sep = ";" if k < len(self.m.rates) - 1 else ""
            desc = Entity("description", k)  # one value over several words
            words += [(w, desc) for w in s.split()]
            words += [("at", None), (self.fam.currency, None), (self.money(r), Entity("unit_price", k)),
                      ("per", None), (u + sep, Entity("unit", k))]  # fmt: skip
            words += [("and", None)] if k == len(self.m.rates) - 2 else []
        head, tail = pay.split("{rates}")
        word, ent = words[-1]
        words[-1] = (word + ".", ent)
        return words_of(head, values) + words + words_of(tail.lstrip(". "), values)

    def two_columns(self) -> None:
        """Each clause twice side by side: Serbian on the left (its values labelled), English on the right."""
        text = self.text
        mid = (self.left + self.right) / 2
        tagged, plain = self.values(), self.values(tagged=False, lang="en")
        pairs = [(text["intro"], text["intro_en"]), (text["until"], text["until_en"]), *text["filler"],
                 (text["pay"], text["pay_en"])]  # fmt: skip
        for n, (left, right) in enumerate(pairs):
            lw, rw = words_of(left, tagged), words_of(right, plain)
            need = self.lead * (2 + max(len(lw), len(rw)) / 6)
            self.room(need)
            top = self.y
            if n:
                self.t(self.left, self.y, f"Član {n}.", bold=True)
                self.t(mid + 8, self.y, f"Article {n}", bold=True)
                top += self.lead
            self.y = top
            self.flow(lw, self.left, mid - 8)
            end = self.y
            self.y = top
            self.flow(rw, mid + 8, self.right)
            self.y = max(end, self.y)
        self.page.line(mid, self.margin + self.lead * 4, mid, self.y - self.lead, 0.4, (0.6, 0.6, 0.6))
        self.parties_ids()

    def schedule(self) -> None:
        m, text, items = self.m, self.text, self.fam.items
        if items == "calloff":
            self.room(self.lead * 6)
            self.y += self.lead
            self.t(self.left, self.y, text["annex"], bold=True, scale=1.05)
            self.y += self.lead * 1.8
            cols = text["cols"]
            lots = [str(self.rng.choice([1, 2, 5, 10])) for _ in m.rates]  # the call-off minimum: not labelled
            rows = [[(s, Entity("description", k)), (u, Entity("unit", k)), (lots[k], None),
                     (self.money(r), Entity("unit_price", k))] for k, (s, u, r) in enumerate(m.rates)]  # fmt: skip
            self.grid((cols[0], cols[1], cols[2], f"{cols[3]} ({self.fam.currency})"), rows, (0.4, 0.14, 0.22, 0.24),
                      {2, 3})  # fmt: skip
            return
        super().schedule()
        if "minimum" in text:
            least = q2(sum((r for _s, _u, r in m.rates), Decimal(0)) * 40)
            values: dict[str, tuple[str, Entity | None]] = {
                "min": (self.money(least), None),
                "cur": (self.fam.currency, None),
            }  # not labelled
            self.flow(words_of(text["minimum"], values), self.left, self.right)


def make_blind10_contract(seed: int, fam: Blind10Family, doc_id: str | None = None) -> GeneratedDoc:
    """A contract; its label lines are its rates (description, unit, rate)."""
    return make_set_contract(seed, fam, doc_id, set_no=10, sample=sample_contract10, writer_of=Contract10Writer)


def make_blind10_po(seed: int, fam: Blind10Family, doc_id: str | None = None) -> GeneratedDoc:
    return make_set_po(seed, fam, doc_id, set_no=10, sample=sample_po10, writer_of=PO10Writer)


# ---------------------------------------------------------------- scans

SCAN_CONDITIONS = ("carbonless", "moire", "pencil", "faxhead", "ruler", "stack")


def _carbonless(img: Image.Image, rng: random.Random) -> Image.Image:
    """The second or third sheet of a carbonless set: pink or yellow paper, the print a soft blue-violet, a little
    blurred and uneven where the pen or printer pressed less."""
    g = np.asarray(img.convert("L").filter(ImageFilter.GaussianBlur(0.7)), dtype=np.float32) / 255
    h, w = g.shape
    paper = np.array(rng.choice([(250, 214, 222), (252, 243, 178)]), dtype=np.float32)
    ink = np.array((70, 60, 150), dtype=np.float32)
    press = np.linspace(rng.uniform(0.55, 0.75), rng.uniform(0.8, 0.95), w, dtype=np.float32)[None, :]
    dark = (1 - g) * press
    out = paper[None, None, :] * (1 - dark[..., None]) + ink[None, None, :] * dark[..., None]
    return Image.fromarray(np.clip(out, 0, 255).astype(np.uint8))


def _moire(img: Image.Image, rng: random.Random) -> Image.Image:
    """A page photographed under uneven light, with the moiré of a screen-door pattern beating against the camera's
    sensor: a bright spot falling off to one side, faint slanted interference bands."""
    g = np.asarray(img.convert("L"), dtype=np.float32)
    h, w = g.shape
    yy, xx = np.mgrid[0:h, 0:w].astype(np.float32)
    cx, cy = rng.uniform(0.2, 0.8) * w, rng.uniform(0.2, 0.8) * h
    light = 1 - rng.uniform(0.3, 0.45) * np.clip(np.hypot(xx - cx, yy - cy) / max(w, h), 0, 1)
    angle = rng.uniform(0.3, 1.2)
    period = rng.uniform(9, 16)
    bands = 1 - 0.07 * (0.5 + 0.5 * np.sin((xx * math.cos(angle) + yy * math.sin(angle)) * 2 * math.pi / period))
    out = g * light * bands
    rgb = np.stack([out, out * 0.98, out * 0.93], axis=-1)
    return Image.fromarray(np.clip(rgb, 0, 255).astype(np.uint8))


def _pencil(img: Image.Image, rng: random.Random) -> Image.Image:
    """Pencil notes over the page's middle: ticks beside rows, a figure circled, a line struck, a scribbled word,
    all in a light grey graphite that barely stands off the print."""
    out = img.convert("L").copy()
    w, h = out.size
    d = ImageDraw.Draw(out)
    grey = rng.randrange(120, 165)
    width = max(1, w // 600)
    for _ in range(rng.randrange(4, 9)):  # ticks
        x, y = rng.uniform(0.05, 0.95) * w, rng.uniform(0.3, 0.75) * h
        s = w * 0.012
        d.line((x, y, x + s * 0.4, y + s * 0.6, x + s * 1.2, y - s * 0.6), fill=grey, width=width)
    cx, cy, r = rng.uniform(0.5, 0.9) * w, rng.uniform(0.35, 0.7) * h, w * rng.uniform(0.04, 0.07)
    d.ellipse((cx - r, cy - r * 0.45, cx + r, cy + r * 0.45), outline=grey, width=width)
    y = rng.uniform(0.35, 0.75) * h
    d.line((w * 0.1, y, w * rng.uniform(0.4, 0.8), y + rng.uniform(-4, 4)), fill=grey, width=width)
    font = ImageFont.load_default(size=max(10, w // 45))
    d.text((rng.uniform(0.55, 0.75) * w, rng.uniform(0.2, 0.3) * h), rng.choice(["ok", "chk", "√ 12/3", "?"]),
           fill=grey, font=font)  # fmt: skip
    return out.filter(ImageFilter.GaussianBlur(0.3))


def _faxhead(img: Image.Image, rng: random.Random) -> tuple[Image.Image, Any]:
    """A fax as received: the sender's header line printed across the top, the page binarised and fed askew (the
    word boxes follow the turn)."""
    g = img.convert("L").copy()
    w, h = g.size
    d = ImageDraw.Draw(g)
    font = ImageFont.load_default(size=max(8, w // 80))
    stamp = (f"{rng.randrange(1, 29):02d}/{rng.randrange(1, 13):02d}/{rng.randrange(2024, 2028)} "
             f"{rng.randrange(7, 19):02d}:{rng.randrange(60):02d}   FROM +{rng.randrange(30, 999)} {_digits(rng, 8)}"
             f"   P.{rng.randrange(1, 4):03d}")  # fmt: skip
    d.text((w * 0.04, h * 0.006), stamp, fill=0, font=font)
    bw = g.point(lambda v: 255 if v > rng.choice([150, 170]) else 0)
    out, move = turn(bw, rng.choice([-1, 1]) * rng.uniform(0.8, 2.2))
    return out, move


def _ruler(img: Image.Image, rng: random.Random) -> Image.Image:
    """A transparent ruler left on the glass: a soft shadow along one edge, the ruler's ticks over the page."""
    rgb = img.convert("RGB")
    w, h = rgb.size
    x0 = rng.uniform(0.15, 0.75) * w
    rw = w * 0.06
    shade = Image.new("L", (w, h), 0)
    d = ImageDraw.Draw(shade)
    d.rectangle((x0 + rw, 0, x0 + rw + w * 0.03, h), fill=110)
    shade = shade.filter(ImageFilter.GaussianBlur(w / 150))
    rgb = Image.composite(Image.new("RGB", (w, h), (40, 40, 45)), rgb, shade)
    layer = Image.new("RGBA", (w, h), (0, 0, 0, 0))
    d2 = ImageDraw.Draw(layer)
    d2.rectangle((x0, 0, x0 + rw, h), fill=(200, 215, 235, 40), outline=(90, 90, 110, 120))
    step = h / 300
    for k in range(300):
        long = 0.45 if k % 10 == 0 else 0.25 if k % 5 == 0 else 0.15
        d2.line((x0, k * step, x0 + rw * long, k * step), fill=(60, 60, 80, 150), width=1)
    return Image.alpha_composite(rgb.convert("RGBA"), layer).convert("RGB")


def _stack(img: Image.Image, rng: random.Random) -> tuple[Image.Image, Any]:
    """The top page of a stack, turned on the glass: the sheets under it show as offset edges on a grey lid (the
    word boxes follow the turn)."""
    rgb = img.convert("RGB")
    w, h = rgb.size
    degrees = rng.choice([-1, 1]) * rng.uniform(1.0, 3.0)
    turned, move = turn(rgb, degrees)
    mask, _ = turn(Image.new("L", (w, h), 255), degrees)
    canvas = Image.new("RGB", (w, h), (150, 150, 148))
    for k in (2, 1):
        sheet, _ = turn(Image.new("L", (w, h), 255), degrees + rng.uniform(-2.5, 2.5))
        dx, dy = int(k * rng.uniform(4, 9)), int(k * rng.uniform(3, 8))
        shifted = Image.new("L", (w, h), 0)
        shifted.paste(sheet, (dx, dy))
        canvas.paste(Image.new("RGB", (w, h), (238 - 8 * k, 236 - 8 * k, 230 - 8 * k)), (0, 0), shifted)
    canvas.paste(turned, (0, 0), mask.point(lambda v: 255 if v > 128 else 0))
    return canvas, move


def condition10(img: Image.Image, kind: str, rng: random.Random, page_w_pt: float) -> tuple[Any, ...]:
    """This set's own conditions (carbonless copy, moiré under uneven light, pencil notes, a skewed fax with its
    header line, a ruler's shadow, a tilted stack); set 9's (and through it the earlier sets') otherwise."""
    own: dict[str, Callable[[Image.Image, random.Random], Image.Image]] = {
        "carbonless": _carbonless, "moire": _moire, "pencil": _pencil, "ruler": _ruler}  # fmt: skip
    if kind in own:
        return own[kind](img, rng), None
    if kind in {"faxhead", "stack"}:
        out, move = (_faxhead if kind == "faxhead" else _stack)(img, rng)
        return out, None, move
    return condition9(img, kind, rng, page_w_pt)


# ---------------------------------------------------------------- data sets


def make_blind10(seed: int, fam: Blind10Family, doc_id: str | None = None) -> GeneratedDoc:
    """One document of ``fam``; the same seed gives the same bytes."""
    return (make_blind10_po if fam.kind == "po" else make_blind10_contract)(seed, fam, doc_id)


def generate_blind10(n: int, out: Path, seed: int, scanned_share: float = 0.0, split: str = "all") -> list[Path]:
    """Write ``n`` documents of the tenth blind set's ``split`` (dev, test or all) with their labels to ``out``.
    A scanned document gets its family's own scan condition or, one time in three, the factory's plain scan."""
    return write_blind_set(n, out, seed, scanned_share, split, blind10_families(split), make_blind10, set_no=10,
                           salt=0xB110D, conditioner=condition10)  # fmt: skip


__all__ = ["BLIND10_SPLITS", "BY_NAME", "FAMILIES", "SPLIT_SEED", "ZERO_DECIMALS10", "blind10_families", "condition10",
           "format_day10", "generate_blind10", "make_blind10", "qty10", "tax_id10"]  # fmt: skip
