"""The eighth blind set: purchase orders and contracts written without looking at the extractor, for measuring it.

Where set 7 leaned on the print of the Nordic and Central European desks, this set goes to the regions no set printed
yet (Estonia, Latvia, Lithuania, Greece in English, Luxembourg, Argentina, Chile) and to new papers in the regions
the earlier sets passed through (Romania, Slovenia, Turkey, Switzerland, Belgium, Mexico, Brazil, India, South
Africa, Singapore, New Zealand). Orders: supplier-portal prints (a status banner, the header facts in a two-column
caption/value grid), an Excel sheet exported to PDF (column letters and row numbers, every cell ruled, numbers
left-aligned as text), an e-mail printed to PDF (the order in prose, a small table under it), a header repeated on
every page of a long order, the total in words ('Say: Rupees ... only'), releases against a blanket order, service
orders priced by hours and days, a Brazilian form of many small captioned boxes, a line table with a currency on
every line and a running total column, four address blocks (sold to, bill to, ship to, remit to) of which only the
sold-to is the buyer, and captions in two or three languages on one page (de/fr/it, nl/fr). Tax ids with valid
check digits (python-stdnum) for each country: CHE-UID, CUIT, RUT, RFC, CNPJ, GSTIN, KMKR, PVN, PVM, ... Contracts:
a statement of work with a milestone payment table, a master services agreement with a rate card by role (hourly
and daily), a SaaS order form (seats x price per seat per year = annual fee), an amendment that replaces rates (the
previous rates printed beside the new ones: only the new ones are the truth), a rate schedule printed landscape on
its own page, and agreements in Latvian, Romanian and Argentine Spanish. Scans: set 7's conditions (and through them
sets 6, 5, 4 and 2's) and five of this set's own: harsh binarisation (a hard threshold that loses thin strokes), JPEG
block artefacts at very low quality, hole punches with a staple and its shadow, bleed-through of the back side
(mirrored faint text), and low-toner vertical stripes.

The labels are the other sets' (``blind.blind_po_doc``, ``blind2.blind_contract_doc``): a line's ``unit_price`` is
the price as printed, its ``amount`` the line amount as printed (quantity x price rounded to the currency's places;
Chilean pesos print no decimals). Line numbers, the running total and per-line currency columns, the blanket order's
reference and released value, the portal status, the bill-to, ship-to and remit-to blocks, the total in words,
e-mail addresses and delivery dates are printed but not labelled. A contract's label lines are its rates
(description, unit, rate as printed); the SaaS order form's also carry the seats (quantity) and the annual fee
(amount); the amendment's are the new rates only. The families are split once into a ``dev`` and a ``test`` half
(``BLIND8_SPLITS``: ``split_by_kind`` with ``SPLIT_SEED``). ``ledgerlens data blind --set 8`` writes them,
``bench/bench_extraction.py --blind N --blind-set 8`` measures them. Written without opening the extractor's code or
its results.
"""

from __future__ import annotations

import io
import random
import string
from dataclasses import dataclass, fields, replace
from datetime import date, timedelta
from decimal import ROUND_DOWN, Decimal
from pathlib import Path
from typing import Any, ClassVar

import numpy as np
from PIL import Image, ImageDraw, ImageFilter
from stdnum.ar import cuit as ar_cuit
from stdnum.cl import rut as cl_rut
from stdnum.ee import kmkr as ee_kmkr
from stdnum.gr import vat as gr_vat
from stdnum.lt import pvm as lt_pvm
from stdnum.lu import tva as lu_tva
from stdnum.lv import pvn as lv_pvn

from training.factory.blind import BlindParty
from training.factory.blind2 import (
    Contract2,
    _check_search,
    _digits,
    amount_in_words,
    flow_tokens,
    priced_order,
    tax_id,
    write_blind_set,
)
from training.factory.blind3 import _x, split_by_kind, tax_id3
from training.factory.blind4 import CAPTIONS, Contract4, Order4
from training.factory.blind5 import CAPTIONS5, _sku5
from training.factory.blind6 import CAPTIONS6, EXTRA6, tax_id6
from training.factory.blind7 import (
    _TERMS7,
    _WEIGHTS7,
    CAPTIONS7,
    EXTRA7,
    Blind7Family,
    Contract7Writer,
    PO7Writer,
    condition7,
    format_day7,
)
from training.factory.blindkit import LOOK_KEYS, make_set_contract, make_set_po, split_families
from training.factory.common import GeneratedDoc, draw_logo, family_id
from training.factory.layout import Entity, width, wrap
from training.factory.po import POLine
from training.factory.values import dec_str, q2

# ---------------------------------------------------------------- families


@dataclass(frozen=True)
class Blind8Family(Blind7Family):
    """A set-8 family. ``header``: portal | excel | email | repeat | fourblock | multi | release | boxform, or set
    7's (orders); milestones | ratecard | saas | amendnew | landscape, or set 6's and 7's (contracts). ``extras``:
    status (a portal's status banner), textnum (numbers left-aligned as text), svc (services priced by hours and
    days), running (a running total column), curline (the currency code on every line), words (the total in words),
    and set 7's (boxed, zebra, gaps, wrap, ...)."""

    @property
    def family(self) -> str:
        return family_id(f"{self.kind}-blind8", {"name": self.name})


F = Blind8Family
_STD = ("sku", "description", "quantity", "unit", "unit_price", "amount")
FAMILIES: list[Blind8Family] = [
    F("tellimus-portaal-ee", "po", "et", "EE", "EUR", "portal", "table", money="sym_after", dates="dmy_dot",
      numbers="fr", columns=("line_no", "sku", "description", "quantity", "unit", "unit_price", "amount"),
      lines=(2, 30), extras=_x("status", "zebra"), font="dejavu-sans", scan="binarise", optional=("sku",)),
    F("pasutijums-excel-lv", "po", "lv", "LV", "EUR", "excel", "table", money="plain", dates="dmy_dot_end",
      numbers="fr", columns=("line_no", "sku", "description", "unit", "quantity", "unit_price", "amount"),
      lines=(2, 36), extras=_x("boxed", "textnum"), font="dejavu-sans-condensed", scan="jpegblock",
      optional=("sku",)),
    F("uzsakymas-el-pastu-lt", "po", "lt", "LT", "EUR", "email", "table", money="sym_after", dates="iso",
      numbers="fr", columns=("description", "quantity", "unit", "unit_price", "amount"), lines=(2, 12),
      extras=_x("gaps",), font="dejavu-sans", scan="bleed", optional=("unit",)),
    F("comanda-antet-repetat-ro", "po", "ro", "RO", "RON", "repeat", "table", money="code_after", dates="dmy_dot",
      numbers="de", columns=("line_no", "sku", "description", "unit", "quantity", "unit_price", "amount"),
      lines=(14, 70), extras=_x("wrap",), font="dejavu-serif", scan="holes", optional=("sku",)),
    F("narocilo-storitev-si", "po", "sl", "SI", "EUR", "panel", "table", money="sym_after", dates="dmy_short",
      numbers="de", columns=("line_no", "description", "quantity", "unit", "unit_price", "amount"), lines=(2, 20),
      extras=_x("svc", "decqty"), font="dejavu-sans", scan="stripes"),
    F("siparis-dort-adres-tr", "po", "tr", "TR", "TRY", "fourblock", "table", money="code_after", dates="dmy_dot",
      numbers="de", columns=("line_no", "sku", "description", "quantity", "unit", "unit_price", "amount"),
      lines=(2, 30), extras=_x("zebra",), font="dejavu-sans", scan="binarise", optional=("sku", "line_no")),
    F("service-order-portal-gr", "po", "en", "GR", "EUR", "portal", "table", money="sym_before", dates="dmy_slash",
      numbers="de", columns=("line_no", "description", "quantity", "unit", "unit_price", "amount"), lines=(2, 18),
      extras=_x("status", "svc", "decqty"), font="nimbus-sans", scan="jpegblock"),
    F("bestellung-commande-ch", "po", "de", "CH", "CHF", "multi", "table", money="code_before", dates="dmy_dot",
      numbers="ch", columns=("line_no", "sku", "description", "quantity", "unit", "unit_price", "amount"),
      lines=(2, 30), extras=_x("boxed",), font="nimbus-sans", scan="bleed", optional=("sku",)),
    F("bestelbon-bon-commande-be", "po", "nl", "BE", "EUR", "multi", "table", money="sym_before", dates="dmy_slash",
      numbers="de", columns=_STD, lines=(2, 28), extras=_x("gaps",), font="dejavu-sans", scan="holes",
      optional=("sku", "unit")),
    F("commande-appel-cadre-lu", "po", "fr", "LU", "EUR", "release", "table", money="sym_after", dates="dmy_slash",
      numbers="fr", columns=("line_no", "sku", "description", "quantity", "unit", "unit_price", "amount"),
      lines=(2, 24), extras=_x("boxed",), font="p052", scan="stripes", optional=("line_no",)),
    F("orden-portal-proveedor-mx", "po", "es", "MX", "MXN", "portal", "table", money="plain", dates="dmy_slash",
      numbers="en", columns=("line_no", "sku", "description", "quantity", "unit", "unit_price", "curline",
      "amount"), lines=(2, 30), extras=_x("status", "curline"), font="dejavu-sans", scan="binarise",
      optional=("sku",)),
    F("pedido-caixas-br", "po", "pt", "BR", "BRL", "boxform", "table", money="sym_before", dates="dmy_slash",
      numbers="de", columns=("line_no", "sku", "description", "unit", "quantity", "unit_price", "amount"),
      lines=(2, 28), extras=_x("boxed",), font="dejavu-sans-condensed", scan="jpegblock", optional=("sku",)),
    F("orden-compra-acumulado-ar", "po", "es", "AR", "ARS", "kvright", "table", money="plain", dates="dmy_slash",
      numbers="de", columns=("line_no", "description", "quantity", "unit_price", "curline", "amount", "running"),
      lines=(2, 30), extras=_x("running", "curline"), font="nimbus-sans", scan="bleed", optional=("line_no",)),
    F("orden-compra-excel-cl", "po", "es", "CL", "CLP", "excel", "table", money="plain", dates="dmy_dash",
      numbers="de", columns=("sku", "description", "quantity", "unit", "unit_price", "amount"), lines=(2, 36),
      extras=_x("boxed", "textnum"), font="dejavu-sans", scan="holes", optional=("unit",)),
    F("purchase-order-words-in", "po", "en", "IN", "INR", "repeat", "table", money="plain", dates="dd_mon",
      numbers="in", columns=("line_no", "sku", "description", "quantity", "unit", "unit_price", "amount"),
      lines=(14, 64), extras=_x("words",), font="dejavu-serif", scan="stripes", optional=("sku",)),
    F("service-order-four-block-za", "po", "en", "ZA", "ZAR", "fourblock", "table", money="sym_before",
      dates="ymd_slash", numbers="en", columns=("line_no", "description", "quantity", "unit", "unit_price",
      "amount"), lines=(2, 18), extras=_x("svc", "words", "decqty"), font="nimbus-sans", scan="binarise"),
    F("sow-milestones-nz", "contract", "en", "NZ", "NZD", "milestones", "table", dates="d_mon_long",
      numbers="en", extras=_x("term"), font="dejavu-serif", scan="holes"),
    F("msa-rate-card-sg", "contract", "en", "SG", "SGD", "ratecard", "table", dates="d_mon_long", numbers="en",
      font="dejavu-sans", scan="jpegblock"),
    F("saas-order-form-za", "contract", "en", "ZA", "ZAR", "saas", "table", dates="d_mon_long", numbers="en",
      extras=_x("term"), font="nimbus-sans", scan="bleed"),
    F("rate-amendment-gr", "contract", "en", "GR", "EUR", "amendnew", "table", dates="d_mon_long", numbers="de",
      font="dejavu-serif", scan="stripes"),
    F("tarifblatt-quer-ch", "contract", "de", "CH", "CHF", "landscape", "appendix", dates="long", numbers="ch",
      font="dejavu-sans", scan="binarise"),
    F("pakalpojumu-ligums-lv", "contract", "lv", "LV", "EUR", "renewal", "prose", dates="long", numbers="fr",
      font="dejavu-serif", scan="holes"),
    F("contract-servicii-ro", "contract", "ro", "RO", "RON", "exhibit", "appendix", dates="long", numbers="de",
      font="dejavu-sans", scan="jpegblock"),
    F("contrato-servicios-ar", "contract", "es", "AR", "ARS", "asof", "bullets", dates="long", numbers="de",
      font="dejavu-sans", scan="stripes"),
]  # fmt: skip
BY_NAME = {f.name: f for f in FAMILIES}
# The split: within each kind, the family names sorted, shuffled with random.Random(SPLIT_SEED), the first half
# (rounded up) to dev. Fixed once, before any document of the set was measured.
SPLIT_SEED = 8282
BLIND8_SPLITS: dict[str, list[str]] = split_by_kind(FAMILIES, SPLIT_SEED)


def blind8_families(split: str = "all") -> list[Blind8Family]:
    return split_families(BLIND8_SPLITS, BY_NAME, split)


# ---------------------------------------------------------------- locale: formats

MONTHS8 = {
    "et": "jaanuar veebruar märts aprill mai juuni juuli august september oktoober november detsember",
    "lv": "janvārī februārī martā aprīlī maijā jūnijā jūlijā augustā septembrī oktobrī novembrī decembrī",
    "lt": "sausio vasario kovo balandžio gegužės birželio liepos rugpjūčio rugsėjo spalio lapkričio gruodžio",
}


def format_day8(day: date, style: str, lang: str) -> str:
    """A date as the document prints it: set 7's styles, plus the long form in Estonian ('5. märts 2026'), Latvian
    ('2026. gada 5. martā') and Lithuanian ('2026 m. kovo 5 d.')."""
    d, m, y = day.day, day.month, day.year
    if style == "long" and lang == "et":
        return f"{d}. {MONTHS8['et'].split()[m - 1]} {y}"
    if style == "long" and lang == "lv":
        return f"{y}. gada {d}. {MONTHS8['lv'].split()[m - 1]}"
    if style == "long" and lang == "lt":
        return f"{y} m. {MONTHS8['lt'].split()[m - 1]} {d} d."
    return format_day7(day, style, lang)


DATE_STYLES8 = {"EE": ("dmy_dot", "long"), "LV": ("dmy_dot_end", "dmy_dot"), "LT": ("iso", "long"),
                "RO": ("dmy_dot", "long"), "SI": ("dmy_short", "dmy_dot"), "TR": ("dmy_dot", "long"),
                "GR": ("dmy_slash", "d_mon"), "CH": ("dmy_dot", "long"), "BE": ("dmy_slash", "dmy_dash"),
                "LU": ("dmy_slash", "dmy_dot"), "MX": ("dmy_slash", "long"), "BR": ("dmy_slash",),
                "AR": ("dmy_slash", "long"), "CL": ("dmy_dash", "dmy_slash"), "IN": ("dd_mon", "dmy_slash"),
                "ZA": ("ymd_slash", "d_mon", "iso"), "SG": ("d_mon", "d_mon_long"),
                "NZ": ("d_mon_long", "dmy_slash")}  # fmt: skip
NUMBERS8 = {"EE": ("fr",), "LV": ("fr",), "LT": ("fr",), "RO": ("de",), "SI": ("de",), "TR": ("de",),
            "GR": ("de",), "CH": ("ch",), "BE": ("de",), "LU": ("fr", "de"), "MX": ("en",), "BR": ("de",),
            "AR": ("de",), "CL": ("de",), "IN": ("in", "en"), "ZA": ("en",), "SG": ("en",), "NZ": ("en",)}  # fmt: skip
TAX_RATES8 = {"EE": "24", "LV": "21", "LT": "21", "RO": "21", "SI": "22", "TR": "20", "GR": "24", "CH": "8.1",
              "BE": "21", "LU": "17", "MX": "16", "BR": "12", "AR": "21", "CL": "19", "IN": "18", "ZA": "15",
              "SG": "9", "NZ": "15"}  # fmt: skip
SYMBOLS8 = {"EUR": "€", "RON": "lei", "TRY": "₺", "CHF": "Fr.", "MXN": "$", "BRL": "R$", "ARS": "$", "CLP": "$",
            "INR": "₹", "ZAR": "R", "SGD": "S$", "NZD": "NZ$"}  # fmt: skip
_TAGGED_SYMBOLS8 = {"€", "₺", "R$", "₹", "S$", "NZ$"}  # symbols that name one currency
ZERO_DECIMALS8 = {"CLP"}  # currencies printed without decimals

# ---------------------------------------------------------------- locale: parties

COMPANIES8 = {
    "EE": (["Peipsi", "Saaremaa", "Toompea", "Emajõe"], ["Masinaehitus", "Ehitus", "Kaubandus"], ["OÜ", "AS"]),
    "LV": (["Daugava", "Gauja", "Kurzemes", "Vidzemes"], ["Metālapstrāde", "Būvmateriāli", "Tehnika"],
           ["SIA", "AS"]),
    "LT": (["Nemunas", "Neris", "Baltijos", "Žemaitijos"], ["Statyba", "Technika", "Prekyba"], ["UAB", "AB"]),
    "RO": (["Făgăraș", "Olt", "Apuseni", "Siret"], ["Industrial", "Instalații", "Comerț"], ["S.R.L.", "S.A."]),
    "SI": (["Bohinj", "Soča", "Kamnik", "Pohorje"], ["Inženiring", "Svetovanje", "Servis"], ["d.o.o."]),
    "TR": (["Marmara", "Toros", "Uludağ", "Fırat"], ["Makina", "Elektrik", "Endüstri"], ["A.Ş.", "Ltd. Şti."]),
    "GR": (["Olympus Technical", "Aegean", "Pindos", "Macedonia"], ["Services", "Engineering", "Trading"],
           ["S.A.", "IKE", "M.A.E."]),
    "CH": (["Pilatus", "Gotthard", "Jura", "Léman"], ["Technik", "Maschinenbau", "Services"], ["AG", "SA", "GmbH"]),
    "BE": (["Schelde", "Ardenne", "Kempen", "Maas"], ["Techniek", "Industrie", "Distribution"], ["BV", "SRL", "NV"]),
    "LU": (["Moselle", "Ösling", "Alzette", "Kirchberg"], ["Services", "Technique", "Logistique"],
           ["S.à r.l.", "S.A."]),
    "MX": (["Sonora", "Huasteca", "Chapultepec", "Mixteca"], ["Servicios", "Industrial", "Distribuidora"],
           ["S.A. de C.V.", "S.A.P.I. de C.V."]),
    "BR": (["Serra Gaúcha", "Pantanal", "Ipiranga", "Araucária"], ["Indústria", "Comércio", "Soluções"],
           ["Ltda.", "S.A."]),
    "AR": (["Pampa", "Aconcagua", "Patagonia", "Litoral"], ["Industrial", "Insumos", "Servicios"],
           ["S.A.", "S.R.L.", "S.A.S."]),
    "CL": (["Atacama", "Maipo", "Biobío", "Llanquihue"], ["Suministros", "Ingeniería", "Comercial"],
           ["SpA", "Ltda.", "S.A."]),
    "IN": (["Narmada", "Sahyadri", "Godavari", "Nilgiri"], ["Industries", "Engineering Works", "Traders"],
           ["Pvt. Ltd.", "Limited"]),
    "ZA": (["Drakensview", "Magalies", "Umgeni", "Cederberg"], ["Technical Services", "Engineering", "Facilities"],
           ["(Pty) Ltd", "Pty Ltd"]),
    "SG": (["Kallang", "Bukit Timah", "Sentosa", "Pasir Panjang"], ["Consulting", "Systems", "Digital"],
           ["Pte. Ltd.", "Pte Ltd"]),
    "NZ": (["Aoraki", "Rotorua", "Hauraki", "Manawatū"], ["Consulting", "Systems", "Digital"], ["Limited", "Ltd"]),
}  # fmt: skip
CITIES8 = {
    "EE": [("Tartu", "50090", "Riia tn"), ("Pärnu", "80010", "Rüütli tn")],
    "LV": [("Rīga", "LV-1050", "Brīvības iela"), ("Liepāja", "LV-3401", "Lielā iela")],
    "LT": [("Kaunas", "LT-44248", "Laisvės al."), ("Klaipėda", "LT-92123", "Taikos pr.")],
    "RO": [("Timișoara", "300006", "Bd. Revoluției"), ("Iași", "700259", "Str. Lăpușneanu")],
    "SI": [("Ljubljana", "1000", "Dunajska cesta"), ("Maribor", "2000", "Partizanska cesta")],
    "TR": [("İzmir", "35220", "Kıbrıs Şehitleri Cd."), ("Konya", "42060", "Mevlana Cd.")],
    "GR": [("Thessaloniki", "546 24", "Tsimiski Street"), ("Patras", "262 21", "Maizonos Street")],
    "CH": [("Luzern", "6003", "Pilatusstrasse"), ("Lausanne", "1003", "Rue du Bourg")],
    "BE": [("Antwerpen", "2000", "Meir"), ("Namur", "5000", "Rue de Fer")],
    "LU": [("Luxembourg", "L-1724", "Boulevard du Prince Henri"), ("Esch-sur-Alzette", "L-4010", "Rue de l'Alzette")],
    "MX": [("Monterrey, N.L.", "C.P. 64000", "Av. Constitución"), ("Querétaro, Qro.", "C.P. 76000", "Av. Zaragoza")],
    "BR": [("Curitiba - PR", "CEP 80010-000", "Rua XV de Novembro"), ("Campinas - SP", "CEP 13010-000",
           "Av. Francisco Glicério")],
    "AR": [("Córdoba", "X5000", "Av. Colón"), ("Rosario, Santa Fe", "S2000", "Bv. Oroño")],
    "CL": [("Santiago", "8320000", "Av. Providencia"), ("Concepción", "4030000", "Calle Barros Arana")],
    "IN": [("Nashik", "422001", "Gangapur Road"), ("Vadodara", "390007", "Alkapuri Main Road")],
    "ZA": [("Pietermaritzburg", "3201", "Church Street"), ("Bloemfontein", "9301", "Nelson Mandela Drive")],
    "SG": [("Singapore", "189702", "Beach Road"), ("Singapore", "118222", "Alexandra Terrace")],
    "NZ": [("Christchurch", "8011", "Colombo Street"), ("Tauranga", "3110", "Cameron Road")],
}  # fmt: skip
COUNTRY_WORDS8 = {"EE": "Eesti", "LV": "Latvija", "LT": "Lietuva", "RO": "România", "SI": "Slovenija",
                  "TR": "Türkiye", "GR": "Greece", "CH": "Schweiz", "BE": "België", "LU": "Luxembourg",
                  "MX": "México", "BR": "Brasil", "AR": "Argentina", "CL": "Chile", "IN": "India",
                  "ZA": "South Africa", "SG": "Singapore", "NZ": "New Zealand"}  # fmt: skip
TAX_LABELS8 = {"EE": ("KMKR nr", "KMKR"), "LV": ("PVN reģ. Nr.", "PVN Nr."), "LT": ("PVM kodas",),
               "RO": ("CUI", "Cod fiscal"), "SI": ("ID za DDV",), "TR": ("VKN", "Vergi No"),
               "GR": ("VAT No.", "AFM"), "CH": ("UID", "MWST-Nr."), "BE": ("BTW / TVA", "Ondernemingsnr."),
               "LU": ("TVA", "No TVA"), "MX": ("RFC",), "BR": ("CNPJ",), "AR": ("CUIT",), "CL": ("RUT",),
               "IN": ("GSTIN", "GST No."), "ZA": ("Tax No.", "Income Tax Ref."), "SG": ("UEN", "GST Reg. No."),
               "NZ": ("GST No.", "IRD No.")}  # fmt: skip


def tax_id8(rng: random.Random, country: str) -> str:
    """A tax id with a valid check digit, printed the way the country writes it (a body with no valid check digit:
    another is drawn)."""
    for _ in range(200):
        try:
            out = _tax_id8(rng, country)
        except ValueError:
            continue
        if out:
            return out
    raise RuntimeError(country)


def _tax_id8(rng: random.Random, country: str) -> str | None:
    if country == "EE":
        return "EE" + _check_search(rng, "10" + _digits(rng, 6), string.digits, ee_kmkr.is_valid)
    if country == "LV":  # a company's: the first digit over 3
        return "LV" + _check_search(rng, rng.choice("456789") + _digits(rng, 9), string.digits, lv_pvn.is_valid)
    if country == "LT":
        return "LT" + _check_search(rng, _digits(rng, 7) + "1", string.digits, lt_pvm.is_valid)
    if country == "GR":
        return "EL" + _check_search(rng, _digits(rng, 8), string.digits, gr_vat.is_valid)
    if country == "LU":
        body = _digits(rng, 6)
        return f"LU{body}{int(body) % 89:02d}" if lu_tva.is_valid(f"LU{body}{int(body) % 89:02d}") else None
    if country == "AR":
        number = _check_search(rng, rng.choice(["30", "33"]) + _digits(rng, 8), string.digits, ar_cuit.is_valid)
        return str(ar_cuit.format(number))
    if country == "CL":
        number = _check_search(rng, str(rng.randrange(60, 99)) + _digits(rng, 6), string.digits + "K",
                               cl_rut.is_valid)  # fmt: skip
        return str(cl_rut.format(number))
    if country in {"MX", "IN"}:
        return tax_id(rng, country)
    if country in {"CH", "BE", "BR", "NZ", "SG"}:
        return tax_id3(rng, country)
    return tax_id6(rng, country)


def make_party8(rng: random.Random, country: str, avoid: str = "") -> BlindParty:
    stems, trades, forms = COMPANIES8[country]
    stem = rng.choice([s for s in stems if not avoid.startswith(s)])
    name = f"{stem} {rng.choice(trades)} {rng.choice(forms)}"
    if country in {"EE", "LV", "LT"} and rng.random() < 0.5:  # the legal form first
        name = f"{rng.choice(forms)} \u201e{stem} {rng.choice(trades)}\u201d" if country != "LT" else \
            f"UAB \u201e{stem} {rng.choice(trades)}\u201d"  # fmt: skip
    city, post, street = rng.choice(CITIES8[country])
    n = rng.randrange(2, 180)
    if country in {"IN", "ZA", "SG", "NZ", "GR"}:
        street_line, city_line = f"{n} {street}", f"{city} {post}"
    elif country in {"MX", "BR", "AR", "CL", "RO", "LU", "BE"}:
        street_line, city_line = f"{street} {n}" if country != "LU" else f"{n}, {street}", f"{post} {city}"
    else:
        street_line, city_line = f"{street} {n}", f"{post} {city}"
    label = rng.choice(TAX_LABELS8[country])
    return BlindParty(name, street_line, city_line, COUNTRY_WORDS8[country], label, tax_id8(rng, country))


# ---------------------------------------------------------------- locale: words

# This set's wordings per language and role, drawn before the older sets' (English's where a language has none).
CAPTIONS8: dict[str, dict[str, tuple[str, ...]]] = {
    "en": {"title": ("Purchase Order", "Service Order", "PURCHASE ORDER"), "po_number": ("PO Number", "Order #",
           "Document No."), "order_date": ("PO Date", "Order Date", "Date Issued"), "vendor": ("Supplier",
           "Vendor"), "buyer": ("Buyer", "Customer"), "ship": ("Ship To", "Deliver To"),
           "payment_terms": ("Payment Terms", "Terms"), "quantity": ("Qty", "Quantity", "Hours / Days"),
           "unit": ("UoM", "Unit"), "unit_price": ("Unit Price", "Rate"), "amount": ("Line Total", "Amount"),
           "subtotal": ("Subtotal", "Total before tax"), "tax": ("VAT", "Tax"), "total": ("Total", "Order Total")},
    "et": {"title": ("Ostutellimus", "TELLIMUS", "Tellimus"), "po_number": ("Tellimuse nr", "Tellimus nr"),
           "order_date": ("Kuupäev", "Tellimuse kuupäev"), "vendor": ("Tarnija", "Müüja"), "buyer": ("Tellija",
           "Ostja"), "ship": ("Tarneaadress", "Kohaletoimetamine"), "payment_terms": ("Maksetingimused",
           "Maksetähtaeg"), "line_no": ("Nr",), "sku": ("Kood", "Tootekood"), "description": ("Nimetus",
           "Kirjeldus"), "quantity": ("Kogus",), "unit": ("Ühik",), "unit_price": ("Ühiku hind", "Hind"),
           "amount": ("Summa", "Kokku"), "subtotal": ("Summa käibemaksuta", "Vahesumma"), "tax": ("Käibemaks",
           "KM 24%"), "total": ("Kokku tasuda", "Summa kokku"), "currency": ("Valuuta",), "page": ("Lk", "Leht")},
    "lv": {"title": ("Pasūtījums", "PIRKUMA PASŪTĪJUMS"), "po_number": ("Pasūtījuma Nr.", "Nr."),
           "order_date": ("Datums", "Pasūtījuma datums"), "vendor": ("Piegādātājs",), "buyer": ("Pasūtītājs",
           "Pircējs"), "ship": ("Piegādes adrese",), "payment_terms": ("Apmaksas noteikumi", "Apmaksas termiņš"),
           "line_no": ("Nr.", "Npk"), "sku": ("Kods", "Artikuls"), "description": ("Nosaukums", "Apraksts"),
           "quantity": ("Daudzums", "Daudz."), "unit": ("Mērv.", "Mērvienība"), "unit_price": ("Cena",
           "Cena par vienību"), "amount": ("Summa", "Kopā"), "subtotal": ("Summa bez PVN", "Kopā bez PVN"),
           "tax": ("PVN 21%", "PVN"), "total": ("Kopā apmaksai", "Summa ar PVN"), "currency": ("Valūta",),
           "page": ("Lapa",)},
    "lt": {"title": ("Užsakymas", "Pirkimo užsakymas"), "po_number": ("Užsakymo Nr.", "Nr."),
           "order_date": ("Data", "Užsakymo data"), "vendor": ("Tiekėjas",), "buyer": ("Pirkėjas", "Užsakovas"),
           "ship": ("Pristatymo adresas",), "payment_terms": ("Apmokėjimo sąlygos",), "line_no": ("Eil. Nr.",),
           "sku": ("Kodas",), "description": ("Pavadinimas", "Prekė / paslauga"), "quantity": ("Kiekis",),
           "unit": ("Mat. vnt.", "Vnt."), "unit_price": ("Kaina", "Vnt. kaina"), "amount": ("Suma", "Iš viso"),
           "subtotal": ("Suma be PVM", "Iš viso be PVM"), "tax": ("PVM 21 %", "PVM"), "total": ("Iš viso su PVM",
           "Mokėti"), "currency": ("Valiuta",), "page": ("Psl.",)},
    "sl": {"title": ("Naročilnica", "NAROČILO STORITEV"), "po_number": ("Številka naročila", "Naročilo št."),
           "order_date": ("Datum", "Datum naročila"), "vendor": ("Dobavitelj", "Izvajalec"), "buyer": ("Naročnik",),
           "ship": ("Kraj izvedbe", "Naslov dostave"), "payment_terms": ("Plačilni pogoji", "Rok plačila"),
           "line_no": ("Zap. št.",), "description": ("Opis storitve", "Naziv"), "quantity": ("Količina",),
           "unit": ("EM", "Enota"), "unit_price": ("Cena/EM", "Cena"), "amount": ("Vrednost", "Znesek"),
           "subtotal": ("Osnova za DDV", "Skupaj brez DDV"), "tax": ("DDV 22 %", "DDV"), "total": ("Skupaj z DDV",
           "Za plačilo"), "currency": ("Valuta",), "page": ("Stran",)},
    "ro": {"title": ("Comandă de achiziție", "COMANDĂ FURNIZOR"), "po_number": ("Nr. comandă", "Comanda nr."),
           "order_date": ("Data", "Data emiterii"), "vendor": ("Furnizor",), "buyer": ("Beneficiar",
           "Cumpărător"), "ship": ("Adresa de livrare", "Loc de livrare"), "payment_terms": ("Termen de plată",
           "Condiții de plată"), "line_no": ("Nr. crt.",), "sku": ("Cod", "Cod articol"), "description": (
           "Denumire produs", "Denumire"), "quantity": ("Cant.", "Cantitate"), "unit": ("U.M.",),
           "unit_price": ("Preț unitar", "Preț unitar fără TVA"), "amount": ("Valoare", "Valoare fără TVA"),
           "subtotal": ("Total fără TVA",), "tax": ("TVA 21%", "TVA"), "total": ("Total de plată", "Total cu TVA"),
           "currency": ("Moneda",), "page": ("Pagina",)},
    "tr": {"title": ("Satınalma Siparişi", "SİPARİŞ FORMU"), "po_number": ("Sipariş No", "Belge No"),
           "order_date": ("Sipariş Tarihi", "Tarih"), "vendor": ("Tedarikçi", "Satıcı"), "buyer": ("Alıcı",),
           "ship": ("Sevk Adresi", "Teslim Yeri"), "payment_terms": ("Ödeme Koşulu", "Vade"), "line_no": ("Sıra",),
           "sku": ("Stok Kodu", "Malzeme Kodu"), "description": ("Malzeme Adı", "Açıklama"), "quantity": ("Miktar",),
           "unit": ("Birim",), "unit_price": ("Birim Fiyat",), "amount": ("Tutar", "Toplam Tutar"),
           "subtotal": ("Ara Toplam", "KDV Matrahı"), "tax": ("KDV %20", "KDV"), "total": ("Genel Toplam",
           "Ödenecek Tutar"), "currency": ("Para Birimi",), "page": ("Sayfa",)},
    "es": {"title": ("Orden de Compra", "ORDEN DE COMPRA"), "po_number": ("N° de Orden", "Orden N°", "Folio"),
           "order_date": ("Fecha de emisión", "Fecha"), "vendor": ("Proveedor",), "buyer": ("Comprador",
           "Razón social"), "ship": ("Lugar de entrega", "Entregar en"), "payment_terms": ("Condición de pago",
           "Forma de pago"), "line_no": ("Ítem", "Pos."), "sku": ("Código", "Cód."), "description": (
           "Descripción", "Detalle"), "quantity": ("Cantidad", "Cant."), "unit": ("U. M.", "Unidad"),
           "unit_price": ("Precio unitario", "P. unit."), "amount": ("Importe", "Total"),
           "subtotal": ("Neto", "Subtotal"), "total": ("Total", "Total general"), "currency": ("Moneda",),
           "page": ("Hoja", "Página")},
    "pt": {"title": ("PEDIDO DE COMPRA", "Pedido de Compra"), "po_number": ("Nº do Pedido", "Pedido nº"),
           "order_date": ("Data de Emissão", "Emissão"), "vendor": ("Fornecedor",), "buyer": ("Comprador",
           "Razão Social"), "ship": ("Local de Entrega",), "payment_terms": ("Condição de Pagamento",),
           "line_no": ("Item",), "sku": ("Código",), "description": ("Descrição do Produto", "Descrição"),
           "quantity": ("Qtde.", "Quant."), "unit": ("Un.", "UN"), "unit_price": ("Valor Unit.", "Vl. Unitário"),
           "amount": ("Valor Total", "Vl. Total"), "subtotal": ("Total dos Produtos",), "tax": ("IPI", "Impostos"),
           "total": ("Total do Pedido", "Valor Total do Pedido"), "currency": ("Moeda",), "page": ("Folha",)},
}  # fmt: skip
# the roles only this set's headers print, per language (English where a language has none)
EXTRA8: dict[str, dict[str, tuple[str, ...]]] = {
    "en": {"status": ("Status", "Order Status"), "approved": ("Approved", "Issued to Supplier", "Open",
           "Sent to Supplier"), "requester": ("Requester", "Requested by", "Buyer Contact"),
           "blanket": ("Blanket Order", "Blanket PO"), "release": ("Release No.", "Release Order"),
           "released": ("Released to Date", "Cumulative Released"), "release_title": ("Release Order",
           "Blanket Release"), "sold_to": ("Sold To",), "bill_to": ("Bill To", "Invoice To"),
           "ship_to": ("Ship To", "Deliver To"), "remit_to": ("Remit To", "Remittance"), "words": ("Say:",
           "Amount in words:", "In words:"), "only": ("Only", "only"), "running": ("Cumulative",
           "Running Total"), "curline": ("Curr.", "Cur."), "from": ("From:",), "to": ("To:",), "sent": ("Sent:",
           "Date:"), "subject": ("Subject:",), "regards": ("Kind regards,", "Best regards,"),
           "delivery": ("Delivery Date", "Need-by Date"), "box_ie": ("State Reg.",), "freight": ("Freight",)},
    "et": {"status": ("Staatus", "Tellimuse olek"), "approved": ("Kinnitatud", "Saadetud tarnijale"),
           "requester": ("Koostaja", "Kontaktisik"), "delivery": ("Tarnekuupäev", "Soovitud tarneaeg")},
    "lt": {"from": ("Nuo:",), "to": ("Kam:",), "sent": ("Išsiųsta:", "Data:"), "subject": ("Tema:",),
           "regards": ("Pagarbiai,", "Su pagarba,")},
    "fr": {"blanket": ("Contrat-cadre n°", "Commande ouverte"), "release": ("Appel n°", "Commande d'appel n°"),
           "released": ("Montant appelé à ce jour", "Cumul des appels"), "release_title": ("Commande d'appel",
           "BON D'APPEL SUR CONTRAT-CADRE"), "delivery": ("Date de livraison", "Livraison souhaitée"),
           "requester": ("Demandeur", "Contact")},
    "tr": {"sold_to": ("Alıcı Firma",), "bill_to": ("Fatura Adresi",), "ship_to": ("Sevk Adresi",),
           "remit_to": ("Ödeme Adresi",), "delivery": ("Teslim Tarihi",)},
    "es": {"status": ("Estado", "Estatus"), "approved": ("Autorizada", "Enviada al proveedor", "Aprobada"),
           "requester": ("Solicitante", "Comprador"), "running": ("Acumulado", "Saldo acumulado"),
           "curline": ("Mon.", "Moneda"), "delivery": ("Fecha de entrega",)},
    "pt": {"box_ie": ("Inscrição Estadual", "I.E."), "delivery": ("Prazo de Entrega",), "freight": ("Frete",),
           "requester": ("Comprador", "Requisitante")},
}  # fmt: skip
COUNTRY_CAPTIONS8: dict[str, dict[str, tuple[str, ...]]] = {
    "ZA": {"tax": ("VAT", "VAT 15%")}, "GR": {"tax": ("VAT", "VAT 24%")}, "IN": {"tax": ("GST", "IGST 18%")},
}  # fmt: skip
# the languages a multilingual page prints its captions in
MULTI8 = {"CH": ("de", "fr", "it"), "BE": ("nl", "fr")}

PRODUCTS8: dict[str, list[tuple[str, str]]] = {
    "en": [("Hydraulic cylinder seal kit 80 mm bore", "set"), ("Safety helmet, class E, white", "ea"),
           ("Stainless hose clamp 40-60 mm", "box"), ("Cable gland M25 IP68", "ea"), ("Conveyor belt 800 mm EP400",
           "m"), ("Bearing 6308-2RS C3", "ea"), ("Hi-vis vest, size XL", "ea"), ("Pump impeller, cast iron", "ea")],
    "et": [("Kuuskantpolt M12x50 tsingitud", "tk"), ("Kaablirenn 200 mm", "m"), ("Hüdraulikaõli 46", "l"),
           ("Kaitsekindad nitriil 9", "paar"), ("Vaskpaip 15 mm", "m"), ("Kipsplaat 12,5 mm", "tk")],
    "lv": [("Sešstūra skrūve M10x40 cinkota", "gab."), ("Kabeļu renne 200 mm", "m"), ("Hidrauliskā eļļa 46",
           "l"), ("Darba cimdi nitrila 9", "pāris"), ("Vara caurule 15 mm", "m"), ("Ģipškartons 12,5 mm", "gab.")],
    "lt": [("Šešiabriaunis varžtas M10x40", "vnt."), ("Kabelių lovelis 200 mm", "m"), ("Hidraulinė alyva 46",
           "l"), ("Darbo pirštinės", "por."), ("Spausdintuvo kasetė", "vnt."), ("Popierius A4, 500 lapų", "pak.")],
    "ro": [("Șurub cap hexagonal M12x60 zincat", "buc"), ("Jgheab cablu 200 mm", "m"), ("Ulei hidraulic HM 46",
           "l"), ("Mănuși de protecție nitril", "per"), ("Țeavă cupru 15 mm", "m"), ("Placă gips-carton 12,5 mm",
           "buc"), ("Vopsea lavabilă albă 15 l", "găl"), ("Cablu CYY-F 3x2,5", "m")],
    "tr": [("Altıköşe cıvata M12x60 galvaniz", "adet"), ("Kablo kanalı 200 mm", "m"), ("Hidrolik yağ 46", "lt"),
           ("İş eldiveni nitril", "çift"), ("Bakır boru 15 mm", "m"), ("Rulman 6205-2RS", "adet")],
    "de": [("Sechskantschraube M12x60 verzinkt", "Stk"), ("Kabelrinne 200 mm", "m"), ("Hydrauliköl HLP 46", "l"),
           ("Schutzhandschuhe Nitril Gr. 9", "Paar"), ("Kupferrohr 15 mm", "m"), ("Rillenkugellager 6205", "Stk")],
    "nl": [("Zeskantbout M12x60 verzinkt", "st"), ("Kabelgoot 200 mm", "m"), ("Hydraulische olie 46", "l"),
           ("Werkhandschoenen nitril 9", "paar"), ("Koperen buis 15 mm", "m"), ("Kogellager 6205", "st")],
    "fr": [("Vis tête hexagonale M12x60 zinguée", "pce"), ("Chemin de câbles 200 mm", "m"),
           ("Huile hydraulique HM 46", "l"), ("Gants nitrile T9", "paire"), ("Tube cuivre 15 mm", "m"),
           ("Roulement 6205-2RS", "pce")],
    "es": [("Perno hexagonal M12x60 galvanizado", "un"), ("Bandeja portacables 200 mm", "m"),
           ("Aceite hidráulico ISO 46", "lt"), ("Guantes de nitrilo T9", "par"), ("Caño de cobre 15 mm", "m"),
           ("Rodamiento 6205-2RS", "un")],
    "pt": [("Parafuso sextavado M12x60 zincado", "PC"), ("Eletrocalha perfurada 200 mm", "M"),
           ("Óleo hidráulico ISO 68", "L"), ("Luva de nitrila T9", "PR"), ("Tubo de cobre 15 mm", "M"),
           ("Rolamento 6205-2RS", "PC")],
}  # fmt: skip
SERVICES8: dict[str, list[tuple[str, str]]] = {
    "en": [("Site engineer", "hrs"), ("Commissioning technician", "day"), ("Project manager", "day"),
           ("Electrician, normal time", "hrs"), ("Electrician, overtime", "hrs"), ("Travel time", "hrs"),
           ("Crane hire with operator", "day"), ("Safety officer on site", "day")],
    "sl": [("Inženir na terenu", "ura"), ("Serviser", "ura"), ("Projektni vodja", "dan"), ("Nadurno delo", "ura"),
           ("Zagon naprave", "dan"), ("Potni čas", "ura")],
}  # fmt: skip
_BULK8 = {"m", "M", "l", "L", "lt", "kg", "hrs", "ura", "day", "dan"}
PAYMENT_TERMS8: dict[str, list[tuple[str, int]]] = {
    "EE": [("14 päeva", 14), ("30 päeva arve kuupäevast", 30)], "LV": [("30 dienas", 30), ("15 dienu laikā", 15)],
    "LT": [("30 d.", 30), ("per 14 dienų", 14)], "RO": [("30 de zile", 30), ("60 zile de la factură", 60)],
    "SI": [("30 dni", 30), ("60 dni od prejema računa", 60)], "TR": [("60 gün vadeli", 60), ("Peşin", 0)],
    "GR": [("Net 60 days", 60), ("30 days from invoice", 30)], "CH": [("30 Tage netto", 30),
    ("10 Tage 2%, 30 Tage netto", 30)], "BE": [("30 dagen netto", 30), ("30 jours fin de mois", 60)],
    "LU": [("30 jours fin de mois", 60), ("à 30 jours", 30)], "MX": [("Crédito 30 días", 30),
    ("Contado", 0)], "BR": [("28 DDL", 28), ("30/60/90 dias", 60)], "AR": [("30 días FF", 30),
    ("Contado", 0)], "CL": [("30 días", 30), ("Crédito 45 días", 45)], "IN": [("45 days from receipt of invoice",
    45), ("100% within 30 days", 30)], "ZA": [("30 days from statement", 30), ("COD", 0)],
}  # fmt: skip
PEOPLE8 = {"EE": ["Kadri Tamm", "Margus Kask"], "LV": ["Ilze Ozola", "Jānis Bērziņš"], "LT": ["Rūta Petraitienė",
           "Tomas Kazlauskas"], "RO": ["Ioana Popescu", "Mihai Ionescu"], "SI": ["Maja Novak", "Luka Kranjc"],
           "TR": ["Ayşe Yılmaz", "Mehmet Demir"], "GR": ["Eleni Papadopoulou", "Nikos Georgiou"],
           "CH": ["Reto Bühler", "Sandrine Favre"], "BE": ["Lies Peeters", "Marc Dubois"], "LU": ["Claude Weber",
           "Anne Schmit"], "MX": ["Lic. Ana Hernández", "Jorge Ramírez"], "BR": ["Fernanda Souza", "Carlos Lima"],
           "AR": ["Lucía Fernández", "Martín Gómez"], "CL": ["Camila Rojas", "Diego Muñoz"],
           "IN": ["Priya Deshpande", "R. Venkatesh"], "ZA": ["Thandi Nkosi", "Pieter van Wyk"]}  # fmt: skip
_DOMAINS8 = {"LT": "lt"}


def _po_number8(rng: random.Random, fam: Blind8Family, year: int) -> str:
    n = rng.randrange(1, 999999)
    return {"tellimus-portaal-ee": f"PO-{year}-{n % 10**5:05d}", "pasutijums-excel-lv": f"{n % 10**4:04d}/{year}",
            "uzsakymas-el-pastu-lt": f"UZ{n % 10**5:05d}", "comanda-antet-repetat-ro": f"CMD{n % 10**6:06d}",
            "narocilo-storitev-si": f"NS-{n % 10**4:04d}/{year % 100:02d}", "siparis-dort-adres-tr":
            f"SAS{year}{n % 10**5:05d}", "service-order-portal-gr": f"SO{n:07d}", "bestellung-commande-ch":
            f"B{year % 100:02d}-{n % 10**5:05d}", "bestelbon-bon-commande-be": f"{year}/{n % 10**4:04d}",
            "commande-appel-cadre-lu": f"APP-{n % 10**4:04d}", "orden-portal-proveedor-mx": f"OC{n % 10**7:07d}",
            "pedido-caixas-br": f"{n % 10**6:06d}", "orden-compra-acumulado-ar": f"0001-{n % 10**8:08d}",
            "orden-compra-excel-cl": f"{n % 10**5}", "purchase-order-words-in": f"PO/{year}-{(year + 1) % 100:02d}/"
            f"{n % 10**4:04d}", "service-order-four-block-za": f"SVO{n % 10**6:06d}"}[fam.name]  # fmt: skip


def _caption_choices8(role: str, lang: str) -> tuple[tuple[str, ...], tuple[str, ...]]:
    """A role's wordings: this set's for the language (or English's), and all the sets' for it together."""
    tables = (CAPTIONS8, CAPTIONS7, CAPTIONS6, CAPTIONS5, CAPTIONS)
    own = [t[lang][role] for t in tables if role in t.get(lang, {})]
    if not own:
        own = [t["en"][role] for t in tables if role in t["en"]]
    pool: list[str] = []
    for choices in own:
        pool += [c for c in choices if c not in pool]
    return own[0], tuple(pool)


def _look8(rng: random.Random, fam: Blind8Family) -> dict[str, Any]:
    """What this document draws within its family: captions, columns and their order, formats, totals order."""
    roles = sorted({r for t in (CAPTIONS8, CAPTIONS7, CAPTIONS6, CAPTIONS5, CAPTIONS) for r in t["en"]})
    langs = MULTI8.get(fam.country, (fam.lang,)) if fam.header == "multi" else (fam.lang,)
    captions: dict[str, str] = {}
    for role in roles:  # sorted: the draws may not follow the hash seed
        words = []
        for lang in langs[:2] if role in {"subtotal", "tax", "total"} else langs:  # the totals' room: two
            first, pool = _caption_choices8(role, lang)
            words.append(rng.choice(first if rng.random() < 0.7 else pool))
        captions[role] = " / ".join(words)
        if role in COUNTRY_CAPTIONS8.get(fam.country, {}):
            captions[role] = rng.choice(COUNTRY_CAPTIONS8[fam.country][role])
    for table in (EXTRA6, EXTRA7, EXTRA8):
        for role, choices in sorted(table["en"].items()):
            captions[role] = rng.choice(table.get(fam.lang, {}).get(role, choices))
    cols = [c for c in fam.columns if c not in fam.optional or rng.random() < 0.6]
    if rng.random() < 0.25 and "unit" in cols and "quantity" in cols:  # the unit on the other side
        cols.remove("unit")
        cols.insert(cols.index("quantity") + (1 if rng.random() < 0.5 else 0), "unit")
    return {"captions": captions, "columns": cols,
            "dates": rng.choice((fam.dates, *DATE_STYLES8.get(fam.country, ()))),
            "numbers": rng.choice((fam.numbers, *NUMBERS8.get(fam.country, ()))),
            "size": rng.choice([8.0, 8.5, 9.0]),
            "accent": rng.choice([(0.1, 0.25, 0.5), (0.5, 0.12, 0.1), (0.05, 0.38, 0.3), (0.22, 0.22, 0.22)]),
            "totals": rng.choice(["stack", "totalfirst", "strip"]) if fam.header != "excel" else "stack",
            "numbered": False, "tax_ids": rng.random() < 0.85, "revision": 1, "places": 2}  # fmt: skip


def _integral(value: Decimal) -> Decimal:
    return value.quantize(Decimal(1), rounding=ROUND_DOWN)


def sample_po8(rng: random.Random, fam: Blind8Family) -> Order4:
    look = _look8(rng, fam)
    cols = look["columns"]
    zero = fam.currency in ZERO_DECIMALS8
    buyer = make_party8(rng, fam.country)
    vendor = make_party8(rng, fam.country, avoid=buyer.name)
    ship = replace(make_party8(rng, fam.country), name=buyer.name)
    lo, hi = fam.lines
    n = rng.randrange(hi // 2, hi + 1) if rng.random() < 0.3 else min(hi, lo + int(rng.expovariate(1 / 9)))
    pool = PRODUCTS8.get(fam.lang, PRODUCTS8["en"])
    if "svc" in fam.extras:
        pool = SERVICES8.get(fam.lang, SERVICES8["en"])
    lines: list[POLine] = []
    for k in range(n):
        desc, unit = pool[k % len(pool)] if k < len(pool) else rng.choice(pool)
        if k >= len(pool):
            desc = f"{desc} {rng.choice(['(B)', '- 2', 'II', '/ alt.', '(rev. 2)'])}"
        if "wrap" in fam.extras and rng.random() < 0.4:
            desc = f"{desc}, {rng.choice(['SR EN ISO 4017 / 8.8 / lot 2026-114', 'conform fișei tehnice anexate'])}"
        qty = Decimal(rng.choice([1, 2, 3, 4, 5, 6, 8, 10, 12, 20, 24, 50, 100]))
        if unit in _BULK8 and "decqty" in fam.extras and rng.random() < 0.6:  # 7.5 hours, 2.5 days
            qty = Decimal(rng.randrange(1, 120)) / rng.choice([2, 4])
        if zero:
            price = Decimal(rng.randrange(50, 90000) * 10)
            amount = qty * price
        else:
            top = {"TRY": 900000, "MXN": 600000, "ARS": 1500000, "INR": 2500000, "ZAR": 500000, "RON": 200000,
                   "BRL": 200000}.get(fam.currency, 60000)  # fmt: skip
            price = q2(Decimal(rng.randrange(100, top)) / 100)
            amount = q2(qty * price)
        lines.append(POLine(_sku5(rng, fam) if "sku" in cols else None, desc, qty, unit if "unit" in cols else None,
                            price, None, None, amount))  # fmt: skip
    year = rng.randrange(2024, 2028)
    order_date = date(year, 1, 1) + timedelta(days=rng.randrange(0, 364))
    terms = rng.choice(PAYMENT_TERMS8[fam.country])
    rate = Decimal(TAX_RATES8[fam.country])
    po = priced_order(_po_number8(rng, fam, year), order_date, buyer, vendor, ship, terms, lines, Decimal(0),
                      Decimal("0.00"), rate, False, True)  # fmt: skip
    if zero:  # no fractions of a peso: the tax rounded down
        tax = _integral(po.subtotal * rate / 100)
        po = replace(po, tax_by_rate={rate: tax}, tax_total=tax, total=po.subtotal + tax)
    if not look["tax_ids"]:
        po = replace(po, buyer=replace(buyer, tax_id=None))
    look["people"] = rng.sample(PEOPLE8[fam.country], 2)
    look["delivery"] = order_date + timedelta(days=rng.choice([5, 10, 14, 21, 30]))
    look["blanket"] = f"{rng.choice(['CC', 'BPO', 'CA'])}-{year - rng.randrange(0, 2)}-{rng.randrange(1, 99):03d}"
    look["release_no"] = rng.randrange(2, 30)
    look["released"] = q2(po.total * Decimal(rng.randrange(120, 900)) / 100)
    look["bill_to"] = make_party8(rng, fam.country, avoid=buyer.name)
    look["status_colour"] = rng.choice([(0.12, 0.5, 0.25), (0.1, 0.3, 0.6), (0.55, 0.4, 0.05)])
    look["ie"] = _digits(rng, 3) + "." + _digits(rng, 3) + "." + _digits(rng, 3)
    look["discounts"] = ["0"] * len(lines)
    m = len(lines)
    return Order4(po, [1] * m, [""] * m, [""] * m, [""] * m, [False] * m, look)


# ---------------------------------------------------------------- drawing the order

Col = tuple[str, float, float, str]
_WEIGHTS8 = {**_WEIGHTS7, "curline": 0.05, "running": 0.13, "amount": 0.12, "unit_price": 0.11}
_RIGHT8 = {"quantity", "unit_price", "amount", "running"}
EMAIL8 = {
    "lt": "Laba diena, prašome pristatyti žemiau nurodytas prekes pagal mūsų užsakymą Nr. {number}. Tiekėjas: "
    "{vendor}{vtax}; apmokėjimo sąlygos: {terms}; prekes pristatykite iki {delivery}.",
    "en": "Hello, please supply the goods below against our order {number}. Supplier: {vendor}{vtax}; payment "
    "terms: {terms}; please deliver by {delivery}.",
}
CURRENCY_WORDS8 = {"INR": "Rupees", "ZAR": "Rand"}


class PO8Writer(PO7Writer):
    symbols: ClassVar[dict[str, str]] = SYMBOLS8
    tagged_symbols: ClassVar[set[str]] = _TAGGED_SYMBOLS8
    currency_beside_tag: ClassVar[bool] = True

    def __init__(self, rng: random.Random, fam: Blind8Family, order: Order4) -> None:
        self.xl_row = 0
        super().__init__(rng, fam, order)
        self.zero = fam.currency in ZERO_DECIMALS8
        self.running = Decimal(0)

    # -- formats
    def day(self, value: date) -> str:
        return format_day8(value, self.fam.dates, self.fam.lang)

    def new_page(self) -> Any:
        page = super().new_page()
        if self.fam.header == "excel":  # the sheet's column letters across the top
            self.xl_letters(page)
        if self.fam.header == "repeat" and len(self.pages) > 1:  # the order's header again on every page
            self.band(tagged=False)
        return page

    def fit(self, text: str, w: float, bold: bool = False) -> float:
        return min(1.0, w / max(1.0, width(text, self.f.bold if bold else self.f.regular, self.size)))

    # -- the headers
    def grid_facts(self, facts: list[tuple[str, str, str | None]], top: float, shade: bool = True) -> float:
        """Caption/value facts in a two-column grid of cells (a portal's header): caption small and grey above
        its value."""
        half = (self.right - self.left) / 2
        h = self.lead * 2.3
        for k, (caption, value, tag) in enumerate(facts):
            x = self.left + (k % 2) * half
            y = top + (k // 2) * h
            if shade and (k // 2) % 2 == 0:
                self.page.rect(x, y, half, h, stroke=None, fill=(0.95, 0.96, 0.97))
            self.page.line(x, y + h, x + half, y + h, 0.3, (0.75, 0.75, 0.75))
            self.t(x + 6, y + self.size * 1.05, caption, scale=0.78, grey=True)
            self.t(x + 6, y + self.size * 1.1 + self.lead, value, tag, scale=0.95 * self.fit(value, half - 14))
        return top + ((len(facts) + 1) // 2) * h

    def party_facts(self) -> list[tuple[str, str, str | None]]:
        m, c = self.m, self.c
        rows: list[tuple[str, str, str | None]] = [(c["vendor"], m.vendor.name, "vendor_name")]
        if m.vendor.tax_id:
            rows.append((m.vendor.tax_label or "", m.vendor.tax_id, "vendor_tax_id"))
        rows.append((c["buyer"], m.buyer.name, "buyer_name"))
        if m.buyer.tax_id:
            rows.append((m.buyer.tax_label or "", m.buyer.tax_id, "buyer_tax_id"))
        return rows

    def head_portal(self) -> None:
        """A supplier portal's print: a coloured status banner, the title and number, then every header fact in
        a two-column grid of cells, the delivery address under it."""
        m, c = self.m, self.c
        if "status" in self.fam.extras:
            self.page.rect(self.left, self.y, self.right - self.left, self.lead * 1.8, stroke=None,
                           fill=self.look["status_colour"])  # fmt: skip
            self.t(self.left + 8, self.y + self.lead * 1.2, f"{c['status']}: {c['approved']}", bold=True,
                   color=(1, 1, 1))  # fmt: skip
            self.t(self.right - 8, self.y + self.lead * 1.2, self.day(m.order_date), align="right", scale=0.85,
                   color=(1, 1, 1))  # fmt: skip
            self.y += self.lead * 2.6
        w = self.t(self.left, self.y + self.size * 1.5, c["title"], bold=True, scale=1.5, color=self.accent)
        self.t(self.left + w + width("  ", self.f.bold, self.size * 1.5), self.y + self.size * 1.5, m.number,
               "po_number", bold=True, scale=1.5)  # fmt: skip
        self.y += self.lead * 2.2
        facts = [(c["po_number"], m.number, None), (c["order_date"], self.day(m.order_date), "order_date"),
                 *self.party_facts(), (c["payment_terms"], m.terms[0], "payment_terms"),
                 (c["requester"], self.look["people"][0], None), (c["delivery"], self.day(self.look["delivery"]),
                 None), (c["currency"], self.fam.currency, "currency")]  # fmt: skip
        self.currency_shown = True
        self.y = self.grid_facts(facts, self.y) + self.lead * 0.6
        s = m.ship_to
        self.t(self.left, self.y + self.size, f"{c['ship']}: {s.name}, {s.street}, {s.city}", scale=0.85)
        self.y += self.lead * 1.8

    def xl_letters(self, page: Any) -> None:
        page.rect(self.left - 24, 14, self.right - self.left + 24, 12, stroke=None, fill=(0.9, 0.9, 0.9))
        step = (self.right - self.left) / 8
        for k in range(8):
            x = self.left + k * step
            page.line(x, 14, x, 26, 0.3, (0.6, 0.6, 0.6))
            page.text(x + step / 2, 23, string.ascii_uppercase[k], self.f.regular, 7, align="center",
                      color=(0.35, 0.35, 0.35))  # fmt: skip

    def xl_mark(self, top: float, bottom: float) -> None:
        """The sheet's row number in the grey gutter left of a row."""
        self.xl_row += 1
        self.page.rect(self.left - 24, top, 22, bottom - top, stroke=None, fill=(0.92, 0.92, 0.92))
        self.page.text(self.left - 4, top + (bottom - top) / 2 + 2.5, str(self.xl_row), self.f.regular, 6.5,
                       align="right", color=(0.4, 0.4, 0.4))  # fmt: skip

    def head_excel(self) -> None:
        """An Excel sheet printed to PDF: column letters and row numbers, the title in a cell, the header facts as
        caption and value cells, every cell ruled in light grey, all values left-aligned as text."""
        m, c = self.m, self.c
        h = self.lead * 1.3
        split = self.left + (self.right - self.left) * 0.3
        rows: list[tuple[str, str, str | None]] = [
            (c["title"], "", None), (c["po_number"], m.number, "po_number"),
            (c["order_date"], self.day(m.order_date), "order_date"), *self.party_facts(),
            (c["payment_terms"], m.terms[0], "payment_terms"), (c["currency"], self.fam.currency, "currency"),
            (c["ship"], f"{m.ship_to.street}, {m.ship_to.city}", None), ("", "", None)]  # fmt: skip
        self.currency_shown = True
        self.y += 6
        for caption, value, tag in rows:
            self.page.rect(self.left, self.y, split - self.left, h, line_width=0.3, stroke=(0.7, 0.7, 0.7))
            self.page.rect(split, self.y, self.right - split, h, line_width=0.3, stroke=(0.7, 0.7, 0.7))
            bold = not value
            self.t(self.left + 3, self.y + h - 3, caption, bold=bold or caption == c["title"],
                   scale=1.3 if caption == c["title"] else 0.95)  # fmt: skip
            if value:
                self.t(split + 3, self.y + h - 3, value, tag, scale=self.fit(value, self.right - split - 6))
            self.xl_mark(self.y, self.y + h)
            self.y += h

    def band(self, tagged: bool) -> None:
        """The order's header band (repeated on every page): the buyer, the title and number, the date."""
        m, c = self.m, self.c
        top = self.y
        draw_logo(self.page, self.rng, self.left, top - 2, self.size * 2.6)
        x = self.left + self.size * 3.2
        self.t(x, top + self.size * 1.2, m.buyer.name, "buyer_name" if tagged else None, bold=True, scale=1.15)
        self.t(x, top + self.size * 1.2 + self.lead, f"{m.buyer.street}, {m.buyer.city}", scale=0.8, grey=True)
        if tagged:
            self.tax_line(x, top + self.size * 1.2 + self.lead * 2, m.buyer, "buyer_tax_id", scale=0.8)
        self.t(self.right, top + self.size * 1.3, c["title"].upper(), bold=True, scale=1.2, align="right",
               color=self.accent)  # fmt: skip
        w = self.t(self.right, top + self.size * 1.3 + self.lead * 1.2, m.number, "po_number" if tagged else None,
                   bold=True, align="right")  # fmt: skip
        self.t(self.right - w - 4, top + self.size * 1.3 + self.lead * 1.2, f"{c['po_number']}:", align="right")
        w = self.t(self.right, top + self.size * 1.3 + self.lead * 2.2, self.day(m.order_date),
                   "order_date" if tagged else None, align="right")  # fmt: skip
        self.t(self.right - w - 4, top + self.size * 1.3 + self.lead * 2.2, f"{c['order_date']}:", align="right")
        self.y = top + self.lead * 3.6
        self.page.line(self.left, self.y, self.right, self.y, 0.8, self.accent)
        self.y += self.lead * 0.6

    def head_repeat(self) -> None:
        """The header band (again on every further page), then the supplier and the delivery address side by side
        and the terms under them."""
        m, c = self.m, self.c
        self.band(tagged=True)
        half = (self.right - self.left) / 2
        y1 = self.block(self.left, self.y, half - 10, c["vendor"], m.vendor, "vendor_name", True)
        y2 = self.block(self.left + half, self.y, half - 10, c["ship"], m.ship_to, None)
        self.y = max(y1, y2) + self.lead * 0.4
        self.pair(self.left, self.y + self.size, f"{c['payment_terms']}:", m.terms[0], "payment_terms", scale=0.9)
        self.y += self.lead * 1.6

    def head_fourblock(self) -> None:
        """The supplier under the title, the order facts right, then four address blocks in a row: sold to (the
        buyer), bill to (another company of the group), ship to and remit to (the supplier's remittance)."""
        m, c = self.m, self.c
        top = self.y
        self.t(self.left, top + self.size * 1.8, c["title"], bold=True, scale=1.7, color=self.accent)
        facts = [(c["po_number"], m.number, "po_number"), (c["order_date"], self.day(m.order_date), "order_date"),
                 (c["payment_terms"], m.terms[0], "payment_terms"),
                 (c["delivery"], self.day(self.look["delivery"]), None)]  # fmt: skip
        end = self.kv(facts, self.right - 220, self.right - 120, top)
        y = self.block(self.left, top + self.lead * 2.4, 260, c["vendor"], m.vendor, "vendor_name", True)
        self.y = max(y, end) + self.lead
        quarter = (self.right - self.left) / 4
        remit = replace(m.vendor, street=f"P.O. Box {self.rng.randrange(100, 9999)}")
        blocks = [(c["sold_to"], m.buyer, "buyer_name"), (c["bill_to"], self.look["bill_to"], None),
                  (c["ship_to"], m.ship_to, None), (c["remit_to"], remit, None)]  # fmt: skip
        order = [0, 1, 2, 3] if self.rng.random() < 0.5 else [1, 0, 2, 3]
        bottoms = []
        for k, j in enumerate(order):
            caption, party, tag = blocks[j]
            x = self.left + k * quarter
            self.page.rect(x, self.y, quarter - 6, self.lead * 1.2, stroke=None, fill=(0.88, 0.9, 0.93))
            self.t(x + 3, self.y + self.lead * 0.85, caption.upper(), bold=True, scale=0.8)
            y = self.y + self.lead * 1.4
            ent = Entity(tag) if tag else None
            for line in wrap(party.name, self.f.bold, self.size * 0.9, quarter - 12):
                self.t(x + 3, y + self.size, line, bold=True, scale=0.9, entity=ent)
                y += self.lead
            for line in (party.street, party.city):
                self.t(x + 3, y + self.size, line, scale=0.85)
                y += self.lead
            if tag and party.tax_id and party.tax_label:
                self.t(x + 3, y + self.size, f"{party.tax_label}:", scale=0.8)
                y += self.lead
                self.t(x + 3, y + self.size, party.tax_id, "buyer_tax_id", scale=0.85)
                y += self.lead
            bottoms.append(y)
        self.y = max(bottoms) + self.lead

    def head_multi(self) -> None:
        """A page in two or three languages: the buyer's letterhead, the title in every language, the facts with
        captions like 'Bestellnummer / N° de commande / N. ordine', the supplier and the delivery address."""
        m, c = self.m, self.c
        top = self.y
        draw_logo(self.page, self.rng, self.left, top - 4, self.size * 3)
        x = self.left + self.size * 3.8
        self.t(x, top + self.size * 1.3, m.buyer.name, "buyer_name", bold=True, scale=1.2)
        self.t(x, top + self.size * 1.3 + self.lead * 1.1, f"{m.buyer.street}, {m.buyer.city}", scale=0.8)
        self.tax_line(x, top + self.size * 1.3 + self.lead * 2.1, m.buyer, "buyer_tax_id", scale=0.8)
        self.y = top + self.lead * 4
        for k, part in enumerate(c["title"].split(" / ")):
            self.t(self.left, self.y + self.size * 1.5, part, bold=k == 0, scale=1.4 if k == 0 else 1.0,
                   color=self.accent if k == 0 else (0.35, 0.35, 0.35))  # fmt: skip
            self.y += self.lead * (1.6 if k == 0 else 1.1)
        self.y += self.lead * 0.4
        facts = self.info()
        cap_w = max(width(f"{cap}:", self.f.bold, self.size * 0.9) for cap, _v, _t in facts)
        self.y = self.kv(facts, self.left, self.left + min(cap_w + 12, 330), self.y) + self.lead * 0.6
        half = (self.right - self.left) / 2
        y1 = self.block(self.left, self.y, half - 10, c["vendor"], m.vendor, "vendor_name", True)
        y2 = self.block(self.left + half, self.y, half - 10, c["ship"], m.ship_to, None)
        self.y = max(y1, y2) + self.lead

    def head_release(self) -> None:
        """A release against a blanket order: the buyer's letterhead, the release title, the blanket order's
        reference and what has been released under it beside the release's own number and date."""
        m, c = self.m, self.c
        top = self.y
        draw_logo(self.page, self.rng, self.left, top - 4, self.size * 3.2)
        x = self.left + self.size * 4
        self.t(x, top + self.size * 1.3, m.buyer.name, "buyer_name", bold=True, scale=1.2)
        self.t(x, top + self.size * 1.3 + self.lead * 1.1, f"{m.buyer.street}, {m.buyer.city}", scale=0.8)
        self.tax_line(x, top + self.size * 1.3 + self.lead * 2.1, m.buyer, "buyer_tax_id", scale=0.8)
        self.t(self.right, top + self.size * 1.6, c["release_title"], bold=True, scale=1.3, align="right",
               color=self.accent)  # fmt: skip
        self.y = top + self.lead * 4.2
        half = (self.right - self.left) / 2
        left_rows: list[tuple[str, str, str | None]] = [
            (c["blanket"], self.look["blanket"], None), (c["release"], str(self.look["release_no"]), None),
            (c["released"], self.num(self.look["released"]), None)]  # fmt: skip
        right_rows: list[tuple[str, str, str | None]] = [
            (c["po_number"], m.number, "po_number"), (c["order_date"], self.day(m.order_date), "order_date"),
            (c["payment_terms"], m.terms[0], "payment_terms")]  # fmt: skip
        box = self.y
        y1 = self.kv(left_rows, self.left + 6, self.left + 150, box + 4)
        y2 = self.kv(right_rows, self.left + half + 6, self.left + half + 120, box + 4)
        bottom = max(y1, y2) + 4
        self.page.rect(self.left, box, self.right - self.left, bottom - box, line_width=0.7)
        self.page.line(self.left + half, box, self.left + half, bottom, 0.5)
        self.y = bottom + self.lead * 0.8
        y1 = self.block(self.left, self.y, half - 12, c["vendor"], m.vendor, "vendor_name", True)
        y2 = self.block(self.left + half, self.y, half - 12, c["ship"], m.ship_to, None)
        self.y = max(y1, y2) + self.lead

    def box_row(self, cells: list[tuple[str, str, str | None, float]], h: float) -> None:
        """A row of small ruled boxes, each with its caption in tiny letters top left and its value under it."""
        x = self.left
        total = self.right - self.left
        for caption, value, tag, share in cells:
            w = total * share
            self.page.rect(x, self.y, w, h, line_width=0.5)
            self.t(x + 2.5, self.y + self.size * 0.7, caption.upper(), scale=0.6, grey=True)
            if value:
                self.t(x + 3, self.y + h - 3.5, value, tag, scale=0.95 * self.fit(value, w - 6))
            x += w
        self.y += h

    def head_boxform(self) -> None:
        """A Brazilian form: rows of small captioned boxes for the order, the buyer and the supplier."""
        m, c = self.m, self.c
        h = self.lead * 2.1
        b, v = m.buyer, m.vendor
        self.box_row([("", "", None, 0.5), (c["po_number"], m.number, "po_number", 0.2),
                      (c["order_date"], self.day(m.order_date), "order_date", 0.15),
                      (c["currency"], self.fam.currency, "currency", 0.15)], h * 1.2)  # fmt: skip
        self.t(self.left + 6, self.y - h * 0.45, c["title"], bold=True, scale=1.4, color=self.accent)
        self.currency_shown = True
        self.box_row(
            [
                (c["buyer"], b.name, "buyer_name", 0.5),
                (b.tax_label or "", b.tax_id or "", "buyer_tax_id" if b.tax_id else None, 0.25),
                (c["box_ie"], self.look["ie"], None, 0.25),
            ],
            h,
        )
        self.box_row([("Endereço", b.street, None, 0.5), ("Município / UF", b.city, None, 0.5)], h)
        self.box_row(
            [
                (c["vendor"], v.name, "vendor_name", 0.5),
                (v.tax_label or "", v.tax_id or "", "vendor_tax_id" if v.tax_id else None, 0.25),
                ("Endereço", v.street, None, 0.25),
            ],
            h,
        )
        self.box_row([(c["payment_terms"], m.terms[0], "payment_terms", 0.35),
                      (c["delivery"], self.day(self.look["delivery"]), None, 0.2), (c["freight"], "CIF", None, 0.15),
                      (c["requester"], self.look["people"][0], None, 0.3)], h)  # fmt: skip
        self.box_row([(c["ship"], f"{m.ship_to.street}, {m.ship_to.city}", None, 1.0)], h)
        self.y += self.lead

    def prose(self, template: str, values: dict[str, tuple[str, str | None]]) -> None:
        space = width(" ", self.f.regular, self.size)
        line: list[tuple[str, Entity | None]] = []
        line_w = 0.0

        def flush() -> None:
            x = self.left
            for tok, ent in line:
                x += self.t(x, self.y + self.size, tok, entity=ent) + space
            self.y += self.lead

        for tok, ent in flow_tokens(template, values, None):
            tw = width(tok, self.f.regular, self.size)
            if line and line_w + space + tw > self.right - self.left:
                flush()
                line, line_w = [], 0.0
            line.append((tok, ent))
            line_w += tw + (space if len(line) > 1 else 0)
        if line:
            flush()

    def head_email(self) -> None:
        """An e-mail printed to PDF: the mail header lines, a rule, the order in a paragraph of prose."""
        m, c = self.m, self.c
        person = self.look["people"][0]
        dom = "".join(ch for ch in m.buyer.name.split()[-1].lower() if ch.isalnum()) or "mail"
        tld = _DOMAINS8.get(self.fam.country, "com")
        self.t(self.left, self.y + self.size * 1.4, person, bold=True, scale=1.3)
        self.y += self.lead * 2
        rows = [(c["from"], f"{person} <pirkimai@{dom}.{tld}>", None), (c["sent"], self.day(m.order_date),
                "order_date"), (c["to"], f"uzsakymai@{self.rng.randrange(10, 99)}.{tld}", None)]  # fmt: skip
        for caption, value, tag in rows:
            self.pair(self.left, self.y + self.size, caption, value, tag, scale=0.9)
            self.y += self.lead
        w = self.t(self.left, self.y + self.size, c["subject"], bold=True, scale=0.9)
        w += self.t(self.left + w + 4, self.y + self.size, f"{c['title']} Nr.", scale=0.9) + 4
        self.t(self.left + w + 4, self.y + self.size, m.number, "po_number", scale=0.9)
        self.y += self.lead * 1.2
        self.page.line(self.left, self.y, self.right, self.y, 0.6, (0.5, 0.5, 0.5))
        self.y += self.lead
        v = m.vendor
        values: dict[str, tuple[str, str | None]] = {
            "number": (m.number, None),
            "vendor": (v.name, "vendor_name"),
            "terms": (m.terms[0], "payment_terms"),
            "delivery": (self.day(self.look["delivery"]), None),
            "vtax_id": (v.tax_id or "", "vendor_tax_id"),
        }
        template = EMAIL8.get(self.fam.lang, EMAIL8["en"])
        template = template.replace("{vtax}", f", {v.tax_label} {{vtax_id}}" if v.tax_id else "")
        self.prose(template, values)
        self.y += self.lead * 0.6

    def email_signature(self) -> None:
        m = self.m
        if self.y + self.lead * 6 > self.bottom():
            self.new_page()
        self.y += self.lead
        self.t(self.left, self.y + self.size, self.c["regards"])
        self.y += self.lead * 1.2
        self.t(self.left, self.y + self.size, self.look["people"][0])
        self.y += self.lead
        self.t(self.left, self.y + self.size, m.buyer.name, "buyer_name", bold=True)
        self.y += self.lead
        self.t(self.left, self.y + self.size, f"{m.buyer.street}, {m.buyer.city}", scale=0.9, grey=True)
        self.y += self.lead
        self.tax_line(self.left, self.y + self.size, m.buyer, "buyer_tax_id", scale=0.9)
        self.y += self.lead

    # -- the items
    def columns(self) -> list[Col]:
        free = 1.0 - sum(_WEIGHTS8.get(r, 0.0) for r in self.cols_roles)
        x = self.left
        cols = []
        for role in self.cols_roles:
            w = (self.right - self.left) * (_WEIGHTS8.get(role) or free)
            right = role in _RIGHT8 and "textnum" not in self.fam.extras
            cols.append((role, x, x + w, "right" if right else "left"))
            x += w
        return cols

    def cell(self, role: str, i: int, ln: POLine) -> list[tuple[str, str | None]]:
        if role == "curline":
            return [(self.fam.currency, None)]
        if role == "running":
            self.running = sum((x.amount for x in self.m.lines[: i + 1]), Decimal(0))
            return [(self.num(self.running), None)]
        return super().cell(role, i, ln)

    def table_header(self, cols: list[Col]) -> None:
        if self.fam.header != "multi":
            top = self.y
            super().table_header(cols)
            if self.fam.header == "excel":
                self.xl_mark(top, self.y - 3)
            return
        n = max(len(self.c[role].split(" / ")) for role, *_ in cols)
        h = self.lead * (n + 0.5)
        if "boxed" in self.fam.extras:
            self.page.rect(self.left, self.y, self.right - self.left, h, line_width=0.7, fill=(0.94, 0.94, 0.94))
            for _r, x0, _x1, _a in cols[1:]:
                self.page.line(x0, self.y, x0, self.y + h, 0.5)
        else:
            self.page.line(self.left, self.y + h, self.right, self.y + h, 0.6)
        for role, x0, x1, align in cols:
            for k, part in enumerate(self.c[role].split(" / ")):
                fit = min(0.85, (x1 - x0 - 5) / max(1.0, width(part, self.f.bold, self.size)))
                self.t(x1 - 3 if align == "right" else x0 + 3, self.y + self.lead * (k + 1), part, bold=k == 0,
                       scale=fit, align=align, grey=k > 0)  # fmt: skip
        self.y += h + 3

    def row5(self, cols: list[Col], i: int, ln: POLine) -> None:
        top = self.y
        super().row5(cols, i, ln)
        if self.fam.header == "excel":
            self.xl_mark(top - 2, self.y - 2)

    # -- totals
    def totals(self) -> None:
        super().totals()
        if "words" in self.fam.extras:
            cur = CURRENCY_WORDS8.get(self.fam.currency, self.fam.currency)
            text = f"{self.c['words']} {cur} {amount_in_words(self.m.total, self.fam.country == 'IN')} {self.c['only']}"
            for line in wrap(text, self.f.italic, self.size * 0.9, self.right - self.left):
                self.t(self.left, self.y + self.size, line, italic=True, scale=0.9)
                self.y += self.lead

    def write(self) -> None:
        getattr(self, f"head_{self.fam.header}")()
        self.table()
        self.totals()
        if self.fam.header == "email":
            self.email_signature()
        if self.fam.header == "excel":  # the empty cells of the sheet below the order
            step = (self.right - self.left) / 8
            y = self.y + 4
            while y + self.lead * 1.3 < self.ph - self.margin:
                for k in range(8):
                    self.page.rect(self.left + k * step, y, step, self.lead * 1.3, line_width=0.2,
                                   stroke=(0.82, 0.82, 0.82))  # fmt: skip
                y += self.lead * 1.3
        self.footers()


def make_blind8_po(seed: int, fam: Blind8Family, doc_id: str | None = None) -> GeneratedDoc:
    return make_set_po(seed, fam, doc_id, set_no=8, sample=sample_po8, writer_of=PO8Writer,
                       look_keys=(*LOOK_KEYS, "discounts", "places"))  # fmt: skip


# ---------------------------------------------------------------- contracts

# Per family: the words a contract is made of. {eff}, {exp}, {buyer}, {vendor}, {terms}, {cur} are tagged values;
# {btax}/{vtax} become ', <label> <id>' or nothing; 'dur' replaces 'term' where the expiry is a duration.
CONTRACT_TEXT8: dict[str, dict[str, Any]] = {
    "sow-milestones-nz": {
        "title": ("STATEMENT OF WORK", "Statement of Work - Implementation"), "number": ("SOW Ref.", "SOW No."),
        "roles": ("Customer", "Consultant"), "sign": "Signed for the",
        "intro": "This Statement of Work is made on {eff} between {buyer}{btax} (the \"Customer\") and "
                 "{vendor}{vtax} (the \"Consultant\") under the Consultancy Agreement between them.",
        "term": "The Services under this SOW are to be completed by {exp}.",
        "dur": "This SOW starts on {eff2} and runs for {nword} ({n}) {unit}.", "units": ("months", "years"),
        "units1": ("month", "year"),
        "pay": "The Consultant will invoice each milestone on its acceptance. Amounts are in {cur} and exclude GST; "
               "invoices are payable {terms}.",
        "filler": ["The Customer will give acceptance or reasons for rejection within ten working days.",
                   "Work outside the scope below is subject to a change request."],
        "annex": ("Milestones and Payments", "Payment Schedule"), "cols": ("Milestone", "Due", "Basis", "Payment"),
        "terms": [("on the 20th of the month following invoice", 50), ("within 20 working days", 28)],
        "services": [("M1 Discovery and design sign-off", "fixed fee"), ("M2 Build complete", "fixed fee"),
                     ("M3 User acceptance testing passed", "fixed fee"), ("M4 Go-live", "fixed fee"),
                     ("M5 Hypercare closed", "fixed fee")],
    },
    "msa-rate-card-sg": {
        "title": ("MASTER SERVICES AGREEMENT", "Master Services Agreement"), "number": ("Agreement No.", "MSA Ref."),
        "roles": ("Client", "Service Provider"), "sign": "For and on behalf of the",
        "intro": "This Master Services Agreement is made on {eff} between {buyer}{btax} (the \"Client\") and "
                 "{vendor}{vtax} (the \"Service Provider\").",
        "term": "This Agreement continues until {exp} unless terminated earlier under clause 12.",
        "pay": "The Service Provider charges time and materials at the rates of the Rate Card below, in {cur} "
               "exclusive of GST, invoiced monthly and payable {terms}.",
        "filler": ["A day is eight working hours; part days are charged by the hour.",
                   "Rates are fixed for the first twelve months of this Agreement.",
                   "This Agreement is governed by the laws of Singapore."],
        "annex": ("Schedule 2 - Rate Card", "Rate Card by Role"), "cols": ("Role", "Grade", "Unit", "Rate"),
        "terms": [("within 30 days of invoice", 30), ("within 45 days", 45)],
        "services": [("Engagement director", "day"), ("Solution architect", "day"), ("Senior developer", "hour"),
                     ("Developer", "hour"), ("Business analyst", "day"), ("Test analyst", "hour")],
    },
    "saas-order-form-za": {
        "title": ("ORDER FORM", "Subscription Order Form"), "number": ("Order Form No.", "Quote Ref."),
        "roles": ("Customer", "Provider"), "sign": "Signed for the",
        "intro": "This Order Form is entered into on {eff} between {buyer}{btax} (the \"Customer\") and "
                 "{vendor}{vtax} (the \"Provider\") under the Provider's Subscription Terms.",
        "term": "The Subscription Term ends on {exp}.",
        "dur": "The Subscription Term starts on {eff2} and runs for {nword} ({n}) {unit}.",
        "units": ("months", "years"), "units1": ("month", "year"),
        "pay": "Fees are in {cur}, exclusive of VAT, invoiced annually in advance and payable {terms}.",
        "filler": ["Seats may be added at any time at the same price per seat, pro rata to the term.",
                   "Seats may not be reduced during the Subscription Term."],
        "annex": ("Subscription Fees", "Products and Fees"),
        "cols": ("Product", "Seats", "Unit", "Price per seat", "Annual fee"),
        "terms": [("within 30 days of invoice", 30), ("on the 25th of the month of invoice", 25)],
        "services": [("Platform - Professional edition", "user/year"), ("Analytics add-on", "user/year"),
                     ("Field service mobile licence", "user/year"), ("Sandbox environment", "instance/year"),
                     ("Premium support", "user/year")],
    },
    "rate-amendment-gr": {
        "title": ("AMENDMENT No. 3 TO THE SERVICES AGREEMENT", "Amendment of Rates"), "number": ("Agreement No.",
        "Contract Ref."), "roles": ("Company", "Contractor"), "sign": "For the",
        "intro": "This Amendment is made on {eff} between {buyer}{btax} (the \"Company\") and {vendor}{vtax} (the "
                 "\"Contractor\") and amends the Services Agreement between them.",
        "term": "The Agreement, as amended, remains in force until {exp}.",
        "pay": "The rates in the table below replace those of Annex B from the date of this Amendment; the previous "
               "rates are shown for reference only. All rates are in {cur} excluding VAT and payable {terms}.",
        "filler": ["All other terms of the Agreement remain unchanged.",
                   "This Amendment is governed by Greek law; the courts of Thessaloniki have jurisdiction."],
        "annex": ("Revised Rates", "Annex B (as amended)"), "cols": ("Service", "Unit", "Previous rate", "New rate"),
        "terms": [("within 60 days of invoice", 60), ("within 30 days", 30)],
        "services": [("Marine engineer", "day"), ("Technician", "hour"), ("Diving team", "day"),
                     ("Workshop labour", "hour"), ("Standby vessel", "day")],
    },
    "tarifblatt-quer-ch": {
        "title": ("DIENSTLEISTUNGSVERTRAG", "Rahmenvertrag über Wartungsleistungen"), "number": ("Vertrag Nr.",
        "Vertragsnummer"), "roles": ("Auftraggeberin", "Auftragnehmerin"), "sign": "Für die",
        "intro": "Zwischen {buyer}{btax} (Auftraggeberin) und {vendor}{vtax} (Auftragnehmerin) wird am {eff} "
                 "folgender Vertrag geschlossen.",
        "term": "Der Vertrag gilt bis zum {exp}.",
        "pay": "Die Vergütung richtet sich nach dem Tarifblatt im Anhang. Alle Preise verstehen sich in {cur} "
               "exkl. MWST und sind zahlbar {terms}.",
        "filler": ["Die Auftragnehmerin führt die Arbeiten fachgerecht und termingerecht aus.",
                   "Gerichtsstand ist Luzern. Es gilt schweizerisches Recht."],
        "annex": ("Anhang 1 – Tarifblatt", "ANHANG 1: TARIFE"),
        "cols": ("Leistung", "Einheit", "Ansatz", "Gültig ab", "Bemerkung"),
        "terms": [("innert 30 Tagen netto", 30), ("innert 60 Tagen", 60)],
        "services": [("Servicetechniker", "Stunde"), ("Projektleiter", "Stunde"), ("Wartungspauschale", "Jahr"),
                     ("Pikettdienst", "Woche"), ("Fahrzeugpauschale", "Einsatz"), ("Spezialist", "Tag")],
        "notes": ("Normalarbeitszeit", "Zuschlag 50 % nachts", "inkl. Fahrzeit", "pro Anlage"),
    },
    "pakalpojumu-ligums-lv": {
        "title": ("PAKALPOJUMU LĪGUMS", "Līgums par apkopes pakalpojumiem"), "number": ("Līguma Nr.", "Nr."),
        "roles": ("Pasūtītājs", "Izpildītājs"), "sign": "",
        "intro": "Rīgā, {eff}. {buyer}{btax} (Pasūtītājs) un {vendor}{vtax} (Izpildītājs) noslēdz šādu līgumu.",
        "term": "Līgums ir spēkā līdz {exp}.",
        "renew": "Ja neviena no pusēm vienu mēnesi pirms termiņa beigām rakstiski nepaziņo par izbeigšanu, līgums "
                 "tiek pagarināts uz vienu gadu.",
        "pay": "Cenas norādītas {cur} bez PVN; rēķini apmaksājami {terms}.",
        "filler": ["Izpildītājs veic darbus kvalitatīvi un noteiktajos termiņos.",
                   "Strīdus risina Latvijas Republikas tiesā."],
        "annex": ("Samaksa", "Pakalpojumu cenas"),
        "prose": "Par {service} samaksa ir {rate} {cur} par {unit}.",
        "terms": [("30 dienu laikā no rēķina saņemšanas", 30), ("15 dienu laikā", 15)],
        "services": [("tehnisko apkopi", "reizi"), ("speciālista darbu", "stundu"), ("izbraukumu", "km"),
                     ("dežūru", "mēnesi")],
    },
    "contract-servicii-ro": {
        "title": ("CONTRACT DE PRESTĂRI SERVICII", "Contract de prestări servicii nr."), "number": ("Nr.",
        "Contract nr."), "roles": ("Beneficiar", "Prestator"), "sign": "",
        "intro": "Încheiat astăzi, {eff}, între {buyer}{btax}, în calitate de Beneficiar, și {vendor}{vtax}, în "
                 "calitate de Prestator.",
        "term": "Contractul este valabil până la data de {exp}.",
        "pay": "Tarifele sunt exprimate în {cur}, fără TVA, și se achită {terms}.",
        "filler": ["Prestatorul se obligă să execute serviciile conform standardelor în vigoare.",
                   "Litigiile se soluționează pe cale amiabilă sau de instanțele competente din Timișoara."],
        "annex": ("Anexa nr. 1 – Tarife", "ANEXA 1: LISTA DE TARIFE"), "cols": ("Serviciu", "U.M.", "Tarif"),
        "terms": [("în termen de 30 de zile de la emiterea facturii", 30), ("în 15 zile", 15)],
        "services": [("Mentenanță preventivă", "vizită"), ("Manoperă tehnician", "oră"), ("Deplasare", "km"),
                     ("Abonament lunar", "lună"), ("Intervenție urgentă", "intervenție")],
    },
    "contrato-servicios-ar": {
        "title": ("CONTRATO DE LOCACIÓN DE SERVICIOS", "Contrato de Prestación de Servicios"),
        "number": ("Contrato N°", "Expediente N°"), "roles": ("LA COMITENTE", "LA PRESTADORA"), "sign": "Por",
        "intro": "En la ciudad de Córdoba, a los {eff}, entre {buyer}{btax} (LA COMITENTE) y {vendor}{vtax} "
                 "(LA PRESTADORA) se celebra el presente contrato.",
        "term": "El contrato tendrá vigencia hasta el {exp}.",
        "pay": "Los honorarios se expresan en {cur} más IVA y se abonarán {terms}.",
        "filler": ["LA PRESTADORA actuará con personal propio y bajo su exclusiva responsabilidad.",
                   "Las partes se someten a los tribunales ordinarios de la ciudad de Córdoba."],
        "annex": ("Honorarios", "CLÁUSULA CUARTA: PRECIO"), "bullet": "{service}: {cur} {rate} por {unit}",
        "terms": [("a los 30 días de presentada la factura", 30), ("dentro de los 15 días", 15)],
        "services": [("Mantenimiento preventivo", "visita"), ("Hora técnica", "hora"), ("Guardia técnica", "mes"),
                     ("Traslado", "km")],
    },
}  # fmt: skip


def _contract_number8(rng: random.Random, fam: Blind8Family, year: int) -> str:
    n = rng.randrange(1, 9999)
    return {
        "sow-milestones-nz": f"SOW-{year}-{n % 100:02d}",
        "msa-rate-card-sg": f"MSA/{year}/{n:04d}",
        "saas-order-form-za": f"Q-{n:05d}",
        "rate-amendment-gr": f"SA-{year - 2}-{n % 1000:03d}",
        "tarifblatt-quer-ch": f"DV-{year}-{n:04d}",
        "pakalpojumu-ligums-lv": f"{n % 1000}/{year}",
        "contract-servicii-ro": f"{n % 1000}/{year}",
        "contrato-servicios-ar": f"{n % 1000}/{year}",
    }[fam.name]


def _rates8(rng: random.Random, fam: Any, chosen: list[tuple[str, str]]) -> list[tuple[str, str, Decimal]]:
    if fam.header == "milestones":
        return [(s, u, Decimal(rng.randrange(40, 900) * 100)) for s, u in chosen]
    if fam.header == "ratecard":  # a day costs about eight hours
        return [(s, u, q2(Decimal(rng.randrange(6000, 30000) * (8 if u == "day" else 1)) / 100)) for s, u in chosen]
    top = {"ARS": 9000000, "ZAR": 400000, "RON": 150000}.get(fam.currency, 60000)
    return [(s, u, q2(Decimal(rng.randrange(1500, top)) / 100)) for s, u in chosen]


def sample_contract8(rng: random.Random, fam: Blind8Family) -> Contract4:
    from training.factory.blind6 import sample_contract6

    model = sample_contract6(rng, fam, texts=CONTRACT_TEXT8, make_party=make_party8, terms=_TERMS7,
                             rates_of=_rates8, number_of=_contract_number8)  # fmt: skip
    if fam.header == "milestones":  # the milestones in their order
        model = replace(model, rates=sorted(model.rates))
    seats = [rng.choice([5, 10, 25, 40, 50, 120, 250]) for _ in model.rates] if fam.header == "saas" else None
    previous = [q2(r * Decimal(rng.randrange(80, 96)) / 100) for _s, _u, r in model.rates]
    base = {f.name: getattr(model, f.name) for f in fields(Contract2)}
    return Contract4(**base, seats=seats, previous=previous)


class Contract8Writer(Contract7Writer):
    texts: ClassVar[dict[str, dict[str, Any]]] = CONTRACT_TEXT8
    date_styles: ClassVar[dict[str, tuple[str, ...]]] = DATE_STYLES8

    def day(self, value: date) -> str:
        return format_day8(value, self.fam.dates, self.fam.lang)

    def body_milestones(self) -> None:
        """A statement of work: the clauses, then the milestones with their due dates and payments."""
        self.clauses(intro=True)

    def body_ratecard(self) -> None:
        self.clauses(intro=True)

    def body_landscape(self) -> None:
        """The agreement on portrait pages, signed; its rate schedule on a landscape page of its own."""
        self.clauses(intro=True)

    def body_amendnew(self) -> None:
        """An amendment: a grey box naming the agreement it amends, the clauses, the old and new rates."""
        m = self.m
        self.page.rect(self.left, self.y, self.right - self.left, self.lead * 2.2, stroke=None,
                       fill=(0.92, 0.92, 0.92))  # fmt: skip
        self.t(self.left + 6, self.y + self.lead * 1.3, f"{m.buyer.name} / {m.vendor.name}", scale=0.9)
        self.y += self.lead * 3
        self.clauses(intro=True)

    def body_saas(self) -> None:
        """An order form: the customer and the provider side by side in boxes, the term, the products with seats,
        price per seat and annual fee, then the terms."""
        m = self.m
        half = (self.right - self.left) / 2
        top = self.y
        bottoms = []
        for k, (party, tag) in enumerate(((m.buyer, "buyer_name"), (m.vendor, "vendor_name"))):
            x = self.left + k * half
            y = top + self.lead
            self.t(x + 6, y, self.text["roles"][k].upper(), bold=True, scale=0.8, grey=True)
            y += self.lead
            ent = Entity(tag)
            for line in wrap(party.name, self.f.bold, self.size, half - 24):
                self.t(x + 6, y, line, bold=True, entity=ent)
                y += self.lead
            self.t(x + 6, y, f"{party.street}, {party.city}", scale=0.85)
            y += self.lead
            bottoms.append(y)
        bottom = max(bottoms)
        for k in range(2):
            self.page.rect(self.left + k * half, top, half - 8, bottom - top, line_width=0.6)
        self.y = bottom + self.lead
        self.clauses(intro=False)

    def schedule(self) -> None:
        head = self.fam.header
        cur = self.fam.currency
        cols = self.text.get("cols", ())
        if head == "milestones":
            self.annex_heading()
            rows = []
            for i, (s, u, r) in enumerate(self.m.rates):
                due = self.day(self.m.effective + timedelta(days=30 * (i + 1) + 14))
                rows.append([(s, "description"), (due, None), (u, "unit"), (self.num(r), "unit_price")])
            self.grid((cols[0], cols[1], cols[2], f"{cols[3]} ({cur})"), rows, (0.45, 0.2, 0.15, 0.2), {3})
            total = sum((r for _s, _u, r in self.m.rates), Decimal(0))
            self.t(self.right - 4, self.y, f"Total {cur} {self.num(total)}", bold=True, align="right")
            self.y += self.lead
            return
        if head == "ratecard":
            self.annex_heading()
            grades = ["L5", "L4", "L3", "L2", "L3", "L1"]
            rows = [[(s, "description"), (grades[i % 6], None), (u, "unit"), (self.num(r), "unit_price")]
                    for i, (s, u, r) in enumerate(self.m.rates)]  # fmt: skip
            self.grid((cols[0], cols[1], cols[2], f"{cols[3]} ({cur})"), rows, (0.45, 0.15, 0.15, 0.25), {3})
            return
        if head == "saas":
            self.annex_heading()
            seats = self.m.seats or []
            rows = [
                [
                    (s, "description"),
                    (str(n), "quantity"),
                    (u, "unit"),
                    (self.num(r), "unit_price"),
                    (self.num(q2(r * n)), "amount"),
                ]
                for (s, u, r), n in zip(self.m.rates, seats, strict=True)
            ]
            self.grid((cols[0], cols[1], cols[2], cols[3], f"{cols[4]} ({cur})"), rows, (0.36, 0.1, 0.16, 0.18, 0.2),
                      {1, 3, 4})  # fmt: skip
            total = sum((q2(r * n) for (_s, _u, r), n in zip(self.m.rates, seats, strict=True)), Decimal(0))
            self.t(self.right - 4, self.y, f"Total annual fees: {cur} {self.num(total)}", bold=True, align="right")
            self.y += self.lead
            return
        if head == "amendnew":
            self.annex_heading()
            prev = self.m.previous or []
            rows = [[(s, "description"), (u, "unit"), (self.num(p), None), (self.num(r), "unit_price")]
                    for (s, u, r), p in zip(self.m.rates, prev, strict=True)]  # fmt: skip
            self.grid((cols[0], cols[1], f"{cols[2]} ({cur})", f"{cols[3]} ({cur})"), rows, (0.42, 0.16, 0.21, 0.21),
                      {2, 3})  # fmt: skip
            return
        if head == "landscape":
            self.signatures()
            self.landscape_page()
            self.annex_heading()
            notes = self.text["notes"]
            since = self.day(self.m.effective)
            rows = [[(s, "description"), (u, "unit"), (self.num(r), "unit_price"), (since, None),
                     (notes[i % len(notes)], None)] for i, (s, u, r) in enumerate(self.m.rates)]  # fmt: skip
            self.grid((cols[0], cols[1], f"{cols[2]} ({cur})", cols[3], cols[4]), rows, (0.3, 0.14, 0.16, 0.14, 0.26),
                      {2})  # fmt: skip
            return
        super().schedule()

    def landscape_page(self) -> None:
        """The rate schedule on a page of its own turned landscape."""
        self.pw, self.ph = max(self.pw, self.ph), min(self.pw, self.ph)
        self.right = self.pw - self.margin
        self.new_page()
        self.t(self.right, self.y, self.m.number, "contract_number", scale=0.8, grey=True, align="right")
        self.y += self.lead * 2

    def write(self) -> None:
        self.heading()
        getattr(self, f"body_{self.fam.header}")()
        self.signatures()
        n = len(self.pages)
        for i, page in enumerate(self.pages):
            page.text(page.width - self.margin, page.height - self.margin * 0.55, f"{i + 1} / {n}", self.f.regular,
                      self.size * 0.8, align="right")  # fmt: skip


def _contract_items8(fam: Blind8Family, model: Contract4) -> list[dict[str, Any]]:
    """The rates as label lines; the order form's with their seats (quantity) and annual fee (amount)."""
    seats: list[int | None] = [*model.seats] if model.seats else [None] * len(model.rates)
    return [{"sku": None, "description": s, "quantity": str(n) if n else None, "unit": u,
             "unit_price": dec_str(r), "amount": dec_str(q2(r * n)) if n else None, "tax_rate": None}
            for (s, u, r), n in zip(model.rates, seats, strict=True)]  # fmt: skip


def make_blind8_contract(seed: int, fam: Blind8Family, doc_id: str | None = None) -> GeneratedDoc:
    return make_set_contract(seed, fam, doc_id, set_no=8, sample=sample_contract8, writer_of=Contract8Writer,
                             items_of=_contract_items8)  # fmt: skip


# ---------------------------------------------------------------- scans

SCAN_CONDITIONS = ("binarise", "jpegblock", "holes", "bleed", "stripes")


def _binarise(img: Image.Image, rng: random.Random) -> Image.Image:
    """A harsh black-and-white conversion: a hard threshold set low, so thin strokes and light greys drop out."""
    g = img.convert("L").filter(ImageFilter.GaussianBlur(rng.uniform(0.3, 0.7)))
    cut = rng.randrange(95, 130)
    return g.point(lambda v: 255 if v > cut else 0).convert("1")


def _jpegblock(img: Image.Image, rng: random.Random) -> Image.Image:
    """JPEG at a very low quality: 8x8 block artefacts and ringing round the letters."""
    buf = io.BytesIO()
    img.convert("RGB").save(buf, format="JPEG", quality=rng.choice([6, 8, 10, 12]))
    with Image.open(io.BytesIO(buf.getvalue())) as decoded:
        return decoded.convert("RGB")


def _holes(img: Image.Image, rng: random.Random) -> Image.Image:
    """Two or four punched holes down the left edge (dark, the scanner lid behind), a staple top left with its
    shadow."""
    rgb = img.convert("RGB")
    w, h = rgb.size
    d = ImageDraw.Draw(rgb)
    r = w * 0.018
    x = w * rng.uniform(0.03, 0.045)
    ys = [0.38, 0.62] if rng.random() < 0.6 else [0.2, 0.4, 0.6, 0.8]
    for fy in ys:
        y = h * fy
        d.ellipse((x - r + 2, y - r + 2, x + r + 2, y + r + 2), fill=(150, 150, 150))
        d.ellipse((x - r, y - r, x + r, y + r), fill=(rng.randrange(20, 60),) * 3)
    sx, sy = w * rng.uniform(0.03, 0.06), h * rng.uniform(0.02, 0.04)
    length = w * 0.05
    d.line((sx + 3, sy + 4, sx + length + 3, sy - length * 0.35 + 4), fill=(170, 170, 170), width=max(3, w // 250))
    d.line((sx, sy, sx + length, sy - length * 0.35), fill=(90, 90, 95), width=max(2, w // 400))
    return rgb


def _bleed(img: Image.Image, rng: random.Random) -> Image.Image:
    """Thin paper: the back side's print shows through, mirrored and faint, a little blurred and shifted."""
    g = img.convert("L")
    back = g.transpose(Image.Transpose.FLIP_LEFT_RIGHT).filter(ImageFilter.GaussianBlur(rng.uniform(0.8, 1.5)))
    shift = (rng.randrange(-40, 40), rng.randrange(-60, 60))
    moved = Image.new("L", g.size, 255)
    moved.paste(back, shift)
    front = np.asarray(g, dtype=np.float32)
    ghost = 255 - (255 - np.asarray(moved, dtype=np.float32)) * rng.uniform(0.12, 0.22)
    out = np.minimum(front, ghost) * 0.97 + 4
    return Image.fromarray(np.clip(out, 0, 255).astype(np.uint8))


def _stripes(img: Image.Image, rng: random.Random) -> Image.Image:
    """A laser printer low on toner: pale vertical stripes where the print fades, darker specks elsewhere."""
    arr = np.asarray(img.convert("L"), dtype=np.float32)
    w = arr.shape[1]
    fade = np.zeros(w, dtype=np.float32)
    for _ in range(rng.randrange(2, 5)):
        c, half = rng.randrange(w), rng.randrange(w // 40, w // 10)
        xs = np.arange(w)
        fade = np.maximum(fade, rng.uniform(0.45, 0.8) * np.clip(1 - np.abs(xs - c) / half, 0, 1))
    out = 255 - (255 - arr) * (1 - fade[None, :])
    specks = np.random.default_rng(rng.randrange(2**32)).random(arr.shape) < 0.0006
    out[specks] = 60
    return Image.fromarray(np.clip(out, 0, 255).astype(np.uint8))


def condition8(img: Image.Image, kind: str, rng: random.Random, page_w_pt: float) -> tuple[Any, ...]:
    """This set's own conditions: harsh binarisation, JPEG blocks at a very low quality, hole punches and a staple,
    bleed-through from the back side, low-toner stripes; set 7's (and through it the earlier sets') otherwise."""
    own = {"binarise": _binarise, "jpegblock": _jpegblock, "holes": _holes, "bleed": _bleed, "stripes": _stripes}
    if kind in own:
        return own[kind](img, rng), None
    return condition7(img, kind, rng, page_w_pt)


# ---------------------------------------------------------------- data sets


def make_blind8(seed: int, fam: Blind8Family, doc_id: str | None = None) -> GeneratedDoc:
    """One document of ``fam``; the same seed gives the same bytes."""
    return (make_blind8_po if fam.kind == "po" else make_blind8_contract)(seed, fam, doc_id)


def generate_blind8(n: int, out: Path, seed: int, scanned_share: float = 0.0, split: str = "all") -> list[Path]:
    """Write ``n`` documents of the eighth blind set's ``split`` (dev, test or all) with their labels to ``out``.
    A scanned document gets its family's own scan condition or, one time in three, the factory's plain scan."""
    return write_blind_set(n, out, seed, scanned_share, split, blind8_families(split), make_blind8, set_no=8,
                           salt=0xB18D, conditioner=condition8)  # fmt: skip


__all__ = ["BLIND8_SPLITS", "FAMILIES", "SPLIT_SEED", "ZERO_DECIMALS8", "blind8_families", "condition8",
           "format_day8", "generate_blind8", "make_blind8", "tax_id8"]  # fmt: skip
