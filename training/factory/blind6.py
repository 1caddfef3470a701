"""The sixth blind set: purchase orders and contracts written without looking at the extractor, for measuring it.

Where sets 1-5 leaned on European ERP prints in many languages, this set leans on what a US, UK or global
accounts-receivable team receives, two thirds of it in English: procurement-suite prints (a revision or change
order beside the number, a requisitioner and a buyer named as people, 'Supplier No.', three address columns),
government forms of numbered boxes, 'Purchaser / Seller / Consignee' order confirmations with 'Our reference /
Your reference' and blanket releases, long terms-and-conditions blocks. Tables: category heading rows with a
sub-total per category, a delivery or note sub-line under an item, 'Carried forward / Brought forward' rows where a
table runs over a page, hours and kilograms with decimals, zero freight and handling lines in the totals. The rest
in Spanish (Mexico), Portuguese (Brazil), Dutch, Turkish, Romanian and Slovenian with their own month names. Tax ids
of the US, the UK, India, Singapore, South Africa, New Zealand, Brazil, Mexico, the Netherlands, Turkey, Romania and
Slovenia with valid check digits. Contracts: statements of work with a fee table, master services agreements with
the rate card as an exhibit on its own page, amendments that change rates in prose, per-diem rate lists, the
effective date in a 'dated as of' sentence and the term as 'an initial term of three (3) years'. Scans: set 5's
conditions and three of this set's own: a page photographed at an angle (perspective, uneven light, mild blur,
JPEG noise), a phone photo held flat (light falling off, blur, noise), and a 200 dpi scan with a faint ruling.

The labels are the other sets' (``blind.blind_po_doc``, ``blind2.blind_contract_doc``): a line's ``unit_price`` is
the price as printed, its ``amount`` the line amount as printed (quantity x price, rounded to the cent; divided by
100 or 1000 where the 'Per' column says C or M, the price units in the label's features as in set 4). Category
sub-totals, carried-forward sums, sub-lines and zero charges are printed but not labelled. The families are split
once into a ``dev`` and a ``test`` half (``BLIND6_SPLITS``: ``split_by_kind`` with ``SPLIT_SEED``). ``ledgerlens
data blind --set 6`` writes them, ``bench/bench_extraction.py --blind N --blind-set 6`` measures them. Written
without opening the extractor's code or its results.
"""

from __future__ import annotations

import io
import random
import string
from collections.abc import Callable
from dataclasses import dataclass, replace
from datetime import date, timedelta
from decimal import Decimal
from pathlib import Path
from typing import Any, ClassVar

import numpy as np
from dateutil.relativedelta import relativedelta
from PIL import Image, ImageChops, ImageDraw, ImageFilter
from stdnum.ro import cui as ro_cui
from stdnum.si import ddv as si_ddv
from stdnum.tr import vkn as tr_vkn
from stdnum.za import tin as za_tin

from training.factory.blind import BlindParty
from training.factory.blind2 import (
    Contract2,
    _check_search,
    _digits,
    _resample,
    _Sheet2,
    priced_order,
    tax_id,
    write_blind_set,
)
from training.factory.blind3 import _x, split_by_kind, tax_id3
from training.factory.blind4 import _RIGHT, _WEIGHTS, CAPTIONS, MONTHS4, Order4
from training.factory.blind5 import (
    CAPTIONS5,
    Blind5Family,
    Contract5Writer,
    PO5Writer,
    _sku5,
    condition5,
    format_day5,
)
from training.factory.blindkit import make_set_contract, make_set_po, split_families
from training.factory.common import GeneratedDoc, draw_logo, family_id
from training.factory.layout import wrap
from training.factory.po import POLine
from training.factory.values import q2

# ---------------------------------------------------------------- families


@dataclass(frozen=True)
class Blind6Family(Blind5Family):
    """A set-6 family. ``header``: suite | govform | seller, or set 4's and 5's (orders); asof | exhibit | amend |
    perdiem (contracts); ``extras`` adds sections (category rows and sub-totals), subline (a note under an item),
    carry (carried / brought forward), hours (decimal quantities), charges0 (zero freight and handling), tandc (a
    terms-and-conditions block), revision (a revision or change order beside the number), perM (prices per hundred
    or per thousand: 'C' or 'M' in a 'Per' column)."""

    @property
    def family(self) -> str:
        return family_id(f"{self.kind}-blind6", {"name": self.name})


F = Blind6Family
_STD = ("sku", "description", "quantity", "unit", "unit_price", "amount")
FAMILIES: list[Blind6Family] = [
    F("coupa-style-po-us", "po", "en", "US", "USD", "suite", "table", money="sym_before", dates="mdy_slash",
      numbers="en", columns=("line_no", "sku", "description", "quantity", "unit", "unit_price", "amount"),
      lines=(2, 30), extras=_x("sections", "revision", "tandc"), font="dejavu-sans", scan="angled",
      optional=("sku", "unit")),
    F("state-university-po-us", "po", "en", "US", "USD", "govform", "table", money="plain", dates="mdy_slash",
      numbers="en", columns=("line_no", "description", "quantity", "unit", "unit_price", "amount"), lines=(2, 36),
      extras=_x("carry", "tandc", "subline"), font="nimbus-roman", scan="ruled200", optional=("unit",)),
    F("dynamics-po-gb", "po", "en", "GB", "GBP", "suite", "table", money="sym_before", dates="d_mon",
      numbers="en", columns=_STD, lines=(2, 30), extras=_x("subline", "charges0"), font="nimbus-sans",
      scan="phoneflat", optional=("sku",)),
    F("council-order-gb", "po", "en", "GB", "GBP", "govform", "table", money="plain", dates="dmy_slash",
      numbers="en", columns=("line_no", "description", "quantity", "unit_price", "amount"), lines=(2, 28),
      extras=_x("sections", "carry"), font="dejavu-serif", scan="photocopy", optional=("line_no",)),
    F("blanket-release-us", "po", "en", "US", "USD", "seller", "table", money="code_before", dates="mdy_long",
      numbers="en", columns=("sku", "description", "quantity", "unit", "unit_price", "price_unit", "amount"),
      lines=(2, 24), extras=_x("subline", "charges0", "perM"), font="urw-gothic", scan="angled", optional=("unit",)),
    F("oracle-iproc-po-in", "po", "en", "IN", "INR", "suite", "table", money="plain", dates="dd_mon",
      numbers="en", columns=("line_no", "sku", "description", "quantity", "unit", "unit_price", "amount"),
      lines=(2, 32), extras=_x("carry", "revision"), font="dejavu-sans-condensed", scan="jpegq",
      optional=("sku",)),
    F("workday-services-po-sg", "po", "en", "SG", "SGD", "seller", "table", money="code_after", dates="d_mon",
      numbers="en", columns=("description", "quantity", "unit", "unit_price", "amount"), lines=(2, 20),
      extras=_x("hours", "subline"), font="nimbus-sans", scan="phoneflat"),
    F("mine-supply-po-za", "po", "en", "ZA", "ZAR", "govform", "table", money="sym_before", dates="ymd_slash",
      numbers="en", columns=_STD, lines=(2, 36), extras=_x("sections", "charges0", "tandc"), font="dejavu-sans",
      scan="ruled200", optional=("sku", "unit")),
    F("jaggaer-po-nz", "po", "en", "NZ", "NZD", "suite", "table", money="sym_before", dates="dmy_slash",
      numbers="en", columns=("line_no", "description", "quantity", "unit_price", "amount"), lines=(2, 30),
      extras=_x("hours", "carry"), font="p052", scan="angled", optional=("line_no",)),
    F("lab-consumables-po-us", "po", "en", "US", "USD", "seller", "table", money="plain", dates="iso",
      numbers="en", columns=("sku", "description", "quantity", "unit", "unit_price", "price_unit", "amount"),
      lines=(2, 40), extras=_x("sections", "subline", "perM"), font="nimbus-sans-narrow", scan="stampover",
      optional=("unit",)),
    F("facilities-order-gb", "po", "en", "GB", "GBP", "seller", "table", money="code_before", dates="d_mon_long",
      numbers="en", columns=("description", "quantity", "unit", "unit_price", "amount"), lines=(2, 26),
      extras=_x("hours", "charges0", "revision"), font="c059", scan="crease", optional=("unit",)),
    F("compranet-orden-mx", "po", "es", "MX", "MXN", "suite", "table", money="sym_before", dates="dmy_slash",
      numbers="en", columns=_STD, lines=(2, 30), extras=_x("sections", "tandc"), font="dejavu-sans",
      scan="phoneflat", optional=("sku",)),
    F("pedido-compra-br", "po", "pt", "BR", "BRL", "govform", "table", money="sym_before", dates="dmy_slash",
      numbers="de", columns=("line_no", "sku", "description", "quantity", "unit", "unit_price", "amount"),
      lines=(2, 32), extras=_x("carry", "subline"), font="dejavu-sans", scan="angled", optional=("sku",)),
    F("afas-inkoop-nl", "po", "nl", "NL", "EUR", "seller", "table", money="sym_before", dates="dmy_dash",
      numbers="de", columns=_STD, lines=(2, 28), extras=_x("charges0", "subline"), font="nimbus-sans",
      scan="ruled200", optional=("unit",)),
    F("satinalma-siparisi-tr", "po", "tr", "TR", "TRY", "suite", "table", money="code_after", dates="dmy_dot",
      numbers="de", columns=("line_no", "description", "quantity", "unit", "unit_price", "amount"), lines=(2, 28),
      extras=_x("sections", "revision"), font="dejavu-sans", scan="phoneflat", optional=("line_no",)),
    F("comanda-achizitie-ro", "po", "ro", "RO", "RON", "govform", "table", money="plain", dates="dmy_dot",
      numbers="de", columns=("line_no", "description", "unit", "quantity", "unit_price", "amount"), lines=(2, 30),
      extras=_x("carry", "charges0"), font="dejavu-serif", scan="jpeg150"),
    F("sow-fee-table-us", "contract", "en", "US", "USD", "asof", "table", dates="mdy_long", numbers="en",
      extras=_x("term"), font="nimbus-roman", scan="angled"),
    F("msa-exhibit-b-gb", "contract", "en", "GB", "GBP", "exhibit", "appendix", dates="d_mon_long", numbers="en",
      extras=_x("term"), font="dejavu-serif", scan="ruled200"),
    F("rate-amendment-us", "contract", "en", "US", "USD", "amend", "prose", dates="mdy_long", numbers="en",
      font="nimbus-sans", scan="phoneflat"),
    F("per-diem-consulting-sg", "contract", "en", "SG", "SGD", "asof", "bullets", dates="d_mon_long",
      numbers="en", extras=_x("term"), font="dejavu-sans", scan="stampover"),
    F("services-agreement-in", "contract", "en", "IN", "INR", "exhibit", "table", dates="d_mon_long",
      numbers="en", font="c059", scan="jpegq"),
    F("contrato-servicios-mx", "contract", "es", "MX", "MXN", "asof", "prose", dates="long", numbers="en",
      extras=_x("term"), font="dejavu-sans", scan="angled"),
    F("contrato-prestacao-br", "contract", "pt", "BR", "BRL", "exhibit", "table", dates="long", numbers="de",
      extras=_x("term"), font="dejavu-serif", scan="photocopy"),
    F("pogodba-storitve-si", "contract", "sl", "SI", "EUR", "amend", "bullets", dates="long", numbers="de",
      font="dejavu-sans", scan="ruled200"),
]  # fmt: skip
BY_NAME = {f.name: f for f in FAMILIES}
# The split: within each kind, the family names sorted, shuffled with random.Random(SPLIT_SEED), the first half
# (rounded up) to dev. Fixed once, before any document of the set was measured.
SPLIT_SEED = 6262
BLIND6_SPLITS: dict[str, list[str]] = split_by_kind(FAMILIES, SPLIT_SEED)


def blind6_families(split: str = "all") -> list[Blind6Family]:
    return split_families(BLIND6_SPLITS, BY_NAME, split)


# ---------------------------------------------------------------- locale: formats

MONTHS6 = {
    **MONTHS4,
    "tr": "Ocak Şubat Mart Nisan Mayıs Haziran Temmuz Ağustos Eylül Ekim Kasım Aralık",
    "ro": "ianuarie februarie martie aprilie mai iunie iulie august septembrie octombrie noiembrie decembrie",
    "sl": "januarja februarja marca aprila maja junija julija avgusta septembra oktobra novembra decembra",
}


def format_day6(day: date, style: str, lang: str) -> str:
    """A date as the document prints it: set 5's styles, plus the long form with Turkish, Romanian and Slovenian
    month names ('5 Mart 2026', '5 martie 2026', '5. marca 2026') and 'Mar 5, 2026'."""
    d, m, y = day.day, day.month, day.year
    if style == "long" and lang in {"tr", "ro"}:
        return f"{d} {MONTHS6[lang].split()[m - 1]} {y}"
    if style == "long" and lang == "sl":
        return f"{d}. {MONTHS6[lang].split()[m - 1]} {y}"
    if style == "mon_d":
        return f"{MONTHS6['en'].split()[m - 1][:3]} {d}, {y}"
    return format_day5(day, style, lang)


DATE_STYLES6 = {"US": ("mdy_slash", "mdy_long", "mon_d", "iso"), "GB": ("d_mon", "dmy_slash", "d_mon_long"),
                "IN": ("dd_mon", "dmy_dash", "d_mon"), "SG": ("d_mon", "dmy_slash", "d_mon_long"),
                "ZA": ("ymd_slash", "d_mon", "iso"), "NZ": ("dmy_slash", "d_mon", "d_mon_long"),
                "MX": ("dmy_slash", "long"), "BR": ("dmy_slash", "long"), "NL": ("dmy_dash", "long", "dmy_slash"),
                "TR": ("dmy_dot", "long"), "RO": ("dmy_dot", "long"),
                "SI": ("dmy_short", "long", "dmy_dot")}  # fmt: skip
NUMBERS6 = {"US": ("en",), "GB": ("en",), "IN": ("en",), "SG": ("en",), "ZA": ("en", "fr"), "NZ": ("en",),
            "MX": ("en",), "BR": ("de",), "NL": ("de",), "TR": ("de",), "RO": ("de",), "SI": ("de",)}  # fmt: skip
TAX_RATES6 = {"US": "7.5", "GB": "20", "IN": "18", "SG": "9", "ZA": "15", "NZ": "15", "MX": "16", "BR": "12",
              "NL": "21", "TR": "20", "RO": "19", "SI": "22"}  # fmt: skip
SYMBOLS6 = {"USD": "$", "GBP": "£", "INR": "₹", "SGD": "S$", "ZAR": "R", "NZD": "NZ$", "MXN": "$", "BRL": "R$",
            "EUR": "€", "TRY": "₺", "RON": "lei"}  # fmt: skip
_TAGGED_SYMBOLS6 = {"£", "₹", "S$", "NZ$", "R$", "€", "₺"}  # symbols that name one currency

# ---------------------------------------------------------------- locale: parties

COMPANIES6 = {
    "US": (["Sagebrush", "Keystone Valley", "Pinecrest", "Hollis & Marsh", "Bluewater"],
           ["Scientific", "Facility Services", "Industrial", "Office Solutions"], ["Inc.", "LLC", "Co."]),
    "GB": (["Cotswold", "Fenland", "Aldridge", "Marlow & Finch", "Pennine"], ["Contract Services", "Supplies",
           "Engineering", "Facilities"], ["Ltd", "Limited", "LLP"]),
    "IN": (["Kaveri", "Aravalli", "Deccan", "Konkan"], ["Engineering", "Electricals", "Pharma Supplies"],
           ["Pvt. Ltd.", "Private Limited", "LLP"]),
    "SG": (["Straits", "Jurong", "Tanjong", "Merlion"], ["Technologies", "Consulting", "Marine Supplies"],
           ["Pte. Ltd.", "Pte Ltd"]),
    "ZA": (["Highveld", "Karoo", "Drakensberg", "Limpopo"], ["Mining Services", "Hydraulics", "Industrial"],
           ["(Pty) Ltd", "Pty Ltd"]),
    "NZ": (["Kowhai", "Waitaki", "Rangitoto", "Tasman"], ["Engineering", "Supplies", "Services"], ["Limited", "Ltd"]),
    "MX": (["Sierra Madre", "Anáhuac", "Bajío", "Tlaloc"], ["Suministros", "Servicios Industriales", "Ferretera"],
           ["S.A. de C.V.", "S. de R.L. de C.V."]),
    "BR": (["Paranaguá", "Itatiaia", "Mantiqueira", "Tocantins"], ["Comércio", "Serviços", "Indústria"],
           ["Ltda.", "S.A.", "EIRELI"]),
    "NL": (["Veluwe", "IJsselmeer", "Brabantse", "Zeeland"], ["Techniek", "Groothandel", "Installaties"],
           ["B.V.", "V.O.F."]),
    "TR": (["Anadolu", "Ege", "Kapadokya", "Boğaziçi"], ["Makina", "Yapı Malzemeleri", "Elektrik"],
           ["A.Ş.", "Ltd. Şti."]),
    "RO": (["Carpați", "Dunărea", "Bucegi", "Mureș"], ["Construcții", "Echipamente", "Distribuție"],
           ["S.R.L.", "S.A."]),
    "SI": (["Triglav", "Savinja", "Pohorje", "Krka"], ["Inženiring", "Trgovina", "Storitve"], ["d.o.o.", "d.d."]),
}  # fmt: skip
CITIES6 = {
    "US": [("Madison", "WI 53703", "State Street"), ("Albuquerque", "NM 87102", "Central Avenue"),
           ("Lexington", "KY 40507", "Main Street")],
    "GB": [("Reading", "RG1 2AG", "Friar Street"), ("Preston", "PR1 2HE", "Fishergate"),
           ("Swindon", "SN1 1SQ", "Regent Street")],
    "IN": [("Pune", "411001", "Dhole Patil Road"), ("Coimbatore", "641018", "Avinashi Road")],
    "SG": [("Singapore", "068809", "Cecil Street"), ("Singapore", "608526", "Jurong Gateway Road")],
    "ZA": [("Rustenburg", "0299", "Beyers Naudé Drive"), ("Polokwane", "0699", "Thabo Mbeki Street")],
    "NZ": [("Hamilton", "3204", "Victoria Street"), ("Dunedin", "9016", "George Street")],
    "MX": [("Puebla, Pue.", "C.P. 72000", "Av. Reforma"), ("Mérida, Yuc.", "C.P. 97000", "Calle 60")],
    "BR": [("Joinville - SC", "CEP 89201-000", "Rua do Príncipe"), ("Uberlândia - MG", "CEP 38400-000",
           "Av. Afonso Pena")],
    "NL": [("Apeldoorn", "7311 KZ", "Hoofdstraat"), ("Tilburg", "5038 BN", "Heuvelring")],
    "TR": [("Bursa", "16010", "Atatürk Caddesi"), ("Kayseri", "38040", "Sivas Caddesi")],
    "RO": [("Cluj-Napoca", "400001", "Str. Memorandumului"), ("Brașov", "500030", "Str. Republicii")],
    "SI": [("Celje", "3000", "Prešernova ulica"), ("Kranj", "4000", "Koroška cesta")],
}  # fmt: skip
COUNTRY_WORDS6 = {"US": "USA", "GB": "United Kingdom", "IN": "India", "SG": "Singapore", "ZA": "South Africa",
                  "NZ": "New Zealand", "MX": "México", "BR": "Brasil", "NL": "Nederland", "TR": "Türkiye",
                  "RO": "România", "SI": "Slovenija"}  # fmt: skip
TAX_LABELS6 = {"US": ("EIN", "Federal Tax ID", "FEIN"), "GB": ("VAT No.", "VAT Registration"),
               "IN": ("GSTIN", "GST No."), "SG": ("UEN", "GST Reg. No."), "ZA": ("Tax Ref. No.", "Income Tax No."),
               "NZ": ("GST No.", "IRD No."), "MX": ("RFC",), "BR": ("CNPJ",), "NL": ("Btw-nummer", "BTW-nr."),
               "TR": ("VKN", "Vergi No"), "RO": ("CUI", "CIF"), "SI": ("ID za DDV", "Davčna številka")}  # fmt: skip


def tax_id6(rng: random.Random, country: str) -> str:
    """A tax id with a valid check digit, printed the way the country writes it (a body with no valid check digit:
    another is drawn)."""
    for _ in range(50):
        try:
            return _tax_id6(rng, country)
        except ValueError:
            continue
    raise RuntimeError(country)


def _tax_id6(rng: random.Random, country: str) -> str:
    if country == "TR":
        return _check_search(rng, _digits(rng, 9), string.digits, tr_vkn.is_valid)
    if country == "RO":
        return _check_search(rng, _digits(rng, 7), string.digits, ro_cui.is_valid)
    if country == "SI":
        return "SI" + _check_search(rng, _digits(rng, 7), string.digits, si_ddv.is_valid)
    if country == "ZA":
        return _check_search(rng, rng.choice("0129") + _digits(rng, 8), string.digits, za_tin.is_valid)
    if country in {"SG", "NZ", "BR", "NL"}:
        return tax_id3(rng, country)
    return tax_id(rng, country) or ""


def make_party6(rng: random.Random, country: str, avoid: str = "") -> BlindParty:
    stems, trades, forms = COMPANIES6[country]
    stem = rng.choice([s for s in stems if not avoid.startswith(s)])
    name = f"{stem} {rng.choice(trades)} {rng.choice(forms)}"
    if country == "TR" and rng.random() < 0.5:
        name = f"{stem} {rng.choice(trades)} San. ve Tic. {rng.choice(forms)}"
    city, post, street = rng.choice(CITIES6[country])
    n = rng.randrange(2, 400)
    if country in {"US", "GB", "SG", "ZA", "NZ"}:
        street_line = f"{n} {street}" if country != "SG" else f"{n} {street}, #{rng.randrange(2, 30):02d}-0{n % 9}"
        city_line = f"{city} {post}"
    elif country == "IN":
        street_line, city_line = f"Plot {n}, {street}", f"{city} - {post}"
    elif country in {"MX", "BR"}:
        street_line, city_line = f"{street}, {n}", f"{post} {city}"
    elif country == "TR":
        street_line, city_line = f"{street} No: {n}", f"{post} {city}"
    elif country == "RO":
        street_line, city_line = f"{street} nr. {n}", f"{post} {city}"
    else:
        street_line, city_line = f"{street} {n}", f"{post} {city}"
    return BlindParty(name, street_line, city_line, COUNTRY_WORDS6[country], rng.choice(TAX_LABELS6[country]),
                      tax_id6(rng, country))  # fmt: skip


# ---------------------------------------------------------------- locale: words

# This set's wordings, drawn before set 5's and set 4's for the same language and role.
CAPTIONS6: dict[str, dict[str, tuple[str, ...]]] = {
    "en": {
        "title": ("Purchase Order", "PURCHASE ORDER", "Official Order", "Order Confirmation", "Release Order"),
        "po_number": ("PO Number", "Order Ref.", "Purchase Order #", "PO No.", "Release No."),
        "order_date": ("Order Date", "Date Issued", "PO Date", "Date of Order", "Approved On"),
        "vendor": ("Supplier", "Seller", "Vendor", "Remit to"), "buyer": ("Bill To", "Purchaser", "Invoice To"),
        "ship": ("Ship To", "Consignee", "Deliver To"), "payment_terms": ("Payment Terms", "Terms", "Payment"),
        "line_no": ("Line", "Ln.", "#"), "sku": ("Item No.", "Part No.", "Catalog #", "Supplier Item"),
        "description": ("Description", "Item / Description", "Goods or Services"),
        "quantity": ("Qty", "Quantity", "Qty Ordered"), "unit": ("UOM", "U/M", "Unit"),
        "unit_price": ("Unit Price", "Unit Cost", "Price"),
        "amount": ("Extended", "Line Total", "Amount", "Ext. Price"),
        "subtotal": ("Subtotal", "Merchandise Total", "Net Amount"),
        "tax": ("Sales Tax", "Tax", "VAT"), "total": ("Total", "PO Total", "Order Total", "Total Due"),
        "page": ("Page",), "currency": ("Currency", "Currency:"),
    },
    "es": {"title": ("Orden de Compra", "ORDEN DE COMPRA"), "po_number": ("No. de Orden", "Folio", "OC No."),
           "order_date": ("Fecha de emisión", "Fecha"), "vendor": ("Proveedor",), "buyer": ("Facturar a",
           "Comprador"), "ship": ("Entregar en", "Lugar de entrega"), "payment_terms": ("Condiciones de pago",
           "Crédito"), "line_no": ("Partida", "No."), "sku": ("Clave", "Código"), "description": ("Descripción",
           "Concepto"), "quantity": ("Cantidad", "Cant."), "unit": ("Unidad", "U.M."),
           "unit_price": ("Precio unitario", "P. Unitario"), "amount": ("Importe",), "subtotal": ("Subtotal",),
           "tax": ("IVA", "IVA 16%"), "total": ("Total",), "page": ("Página", "Hoja"), "currency": ("Moneda",)},
    "pt": {"title": ("Pedido de Compra", "PEDIDO DE COMPRA", "Ordem de Compra"), "po_number": ("Nº do Pedido",
           "Pedido nº"), "order_date": ("Data de Emissão", "Emissão"), "vendor": ("Fornecedor",),
           "buyer": ("Comprador", "Faturar para"), "ship": ("Local de Entrega", "Entregar em"),
           "payment_terms": ("Condição de Pagamento", "Cond. Pagto."), "line_no": ("Item", "Seq."),
           "sku": ("Código", "Cód."), "description": ("Descrição", "Descrição do Material"),
           "quantity": ("Qtde.", "Quantidade"), "unit": ("Un.", "UN"), "unit_price": ("Valor Unit.",
           "Preço Unitário"), "amount": ("Valor Total", "Total"), "subtotal": ("Valor dos Produtos", "Subtotal"),
           "tax": ("ICMS", "Impostos"), "total": ("Valor Total do Pedido", "Total Geral"), "page": ("Página", "Fl."),
           "currency": ("Moeda",)},
    "nl": {"title": ("Inkooporder", "INKOOPORDER", "Bestelling"), "po_number": ("Ordernummer", "Inkoopnr.",
           "Onze referentie"), "order_date": ("Orderdatum", "Datum"), "vendor": ("Leverancier", "Verkoper"),
           "buyer": ("Koper", "Factuuradres"), "ship": ("Afleveradres", "Geadresseerde"),
           "payment_terms": ("Betalingsvoorwaarden", "Betaling"), "sku": ("Artikelcode", "Art.nr."),
           "description": ("Omschrijving", "Artikel"), "quantity": ("Aantal",), "unit": ("Eenheid", "Eh."),
           "unit_price": ("Stukprijs", "Prijs/eenh."), "amount": ("Bedrag", "Regeltotaal"),
           "subtotal": ("Subtotaal", "Totaal excl. btw"), "tax": ("Btw", "Btw 21%"),
           "total": ("Totaal incl. btw", "Te betalen"), "page": ("Pagina", "Blad")},
    "tr": {"title": ("Satınalma Siparişi", "SATINALMA SİPARİŞİ", "Sipariş Formu"), "po_number": ("Sipariş No",
           "Belge No"), "order_date": ("Sipariş Tarihi", "Tarih"), "vendor": ("Tedarikçi", "Satıcı"),
           "buyer": ("Alıcı", "Fatura Adresi"), "ship": ("Teslimat Adresi", "Sevk Adresi"), "deliver": ("Teslim Alan",),
           "issued": ("Tedarikçi",), "payment_terms": ("Ödeme Şekli", "Vade", "Ödeme Koşulları"),
           "line_no": ("Sıra", "S.No"), "sku": ("Stok Kodu", "Malzeme Kodu"), "description": ("Malzeme Adı",
           "Açıklama", "Mal / Hizmet"), "quantity": ("Miktar",), "unit": ("Birim",),
           "unit_price": ("Birim Fiyat", "B. Fiyat"), "amount": ("Tutar", "Toplam"), "subtotal": ("Ara Toplam",
           "Mal Hizmet Toplamı"), "tax": ("KDV", "Hesaplanan KDV"), "total": ("Genel Toplam", "Ödenecek Tutar"),
           "page": ("Sayfa",), "currency": ("Para Birimi", "Döviz")},
    "ro": {"title": ("Comandă de achiziție", "COMANDĂ", "Comandă fermă"), "po_number": ("Nr. comandă",
           "Număr document"), "order_date": ("Data emiterii", "Data"), "vendor": ("Furnizor",),
           "buyer": ("Beneficiar", "Cumpărător"), "ship": ("Adresa de livrare", "Loc de livrare"),
           "deliver": ("Destinatar",), "issued": ("Furnizor",), "payment_terms": ("Termen de plată",
           "Condiții de plată"), "line_no": ("Nr. crt.", "Poz."), "sku": ("Cod articol", "Cod"),
           "description": ("Denumire produs", "Denumirea produselor sau a serviciilor"), "quantity": ("Cantitate",
           "Cant."), "unit": ("U.M.",), "unit_price": ("Preț unitar", "Preț unitar fără TVA"),
           "amount": ("Valoare", "Valoare fără TVA"), "subtotal": ("Total fără TVA", "Valoare totală"),
           "tax": ("TVA", "Valoare TVA"), "total": ("Total de plată", "Total cu TVA"), "page": ("Pagina",),
           "currency": ("Moneda", "Valuta")},
}  # fmt: skip
# the roles only this set's headers print, per language (English where a language has none)
EXTRA6: dict[str, dict[str, tuple[str, ...]]] = {
    "en": {"supplier_no": ("Supplier No.", "Vendor #", "Supplier ID"), "requisitioner": ("Requisitioner",
           "Requested by", "Requester"), "buyer_person": ("Buyer", "Buyer Contact", "Purchasing Agent"),
           "revision": ("PO Revision", "Revision", "Change Order"), "yours": ("Your reference", "Your Ref.",
           "Quote Ref."), "ours": ("Our reference", "Contract Ref.", "Blanket PO"), "cf": ("Carried forward",
           "Continued on next page", "Balance c/f"), "bf": ("Brought forward", "Continued from previous page",
           "Balance b/f"), "freight": ("Freight", "Shipping"), "handling": ("Handling", "Packing"),
           "discount": ("Discount",), "section": ("Subtotal", "Category subtotal"),
           "note": ("Delivery: ", "Need-by date: ", "Deliver by "), "tandc": ("Terms and Conditions",
           "STANDARD TERMS AND CONDITIONS OF PURCHASE", "Conditions of Purchase"),
           "fund": ("Fund / Cost Centre", "Account Code", "Cost Center"), "dept": ("Department", "Dept."),
           "approved": ("Authorized Signature", "Approved by")},
    "es": {"supplier_no": ("No. de proveedor",), "requisitioner": ("Solicitante",), "buyer_person": ("Comprador",),
           "revision": ("Revisión",), "yours": ("Su referencia",), "ours": ("Nuestra referencia",),
           "cf": ("Van",), "bf": ("Vienen",), "freight": ("Flete",), "handling": ("Maniobras",),
           "section": ("Subtotal",), "note": ("Entrega: ",), "tandc": ("Términos y condiciones",),
           "fund": ("Centro de costos",), "dept": ("Departamento",), "approved": ("Autorizó",)},
    "pt": {"supplier_no": ("Cód. Fornecedor",), "requisitioner": ("Requisitante",), "buyer_person": ("Comprador",),
           "revision": ("Revisão",), "yours": ("Sua referência",), "ours": ("Nossa referência",),
           "cf": ("A transportar",), "bf": ("Transporte",), "freight": ("Frete",), "handling": ("Despesas",),
           "section": ("Subtotal",), "note": ("Entrega: ",), "tandc": ("Condições Gerais de Fornecimento",),
           "fund": ("Centro de Custo",), "dept": ("Departamento",), "approved": ("Aprovado por",)},
    "nl": {"supplier_no": ("Leveranciersnr.",), "requisitioner": ("Aanvrager",), "buyer_person": ("Inkoper",),
           "revision": ("Revisie",), "yours": ("Uw referentie",), "ours": ("Onze referentie",),
           "cf": ("Transport",), "bf": ("Transport",), "freight": ("Vracht",), "handling": ("Orderkosten",),
           "section": ("Subtotaal",), "note": ("Levering: ",), "tandc": ("Algemene inkoopvoorwaarden",),
           "fund": ("Kostenplaats",), "dept": ("Afdeling",), "approved": ("Akkoord",)},
    "tr": {"supplier_no": ("Cari Kod",), "requisitioner": ("Talep Eden",), "buyer_person": ("Satınalmacı",),
           "revision": ("Revizyon",), "yours": ("Teklif No",), "ours": ("Referans",), "cf": ("Nakli yekün",),
           "bf": ("Nakli yekün",), "freight": ("Nakliye",), "handling": ("Ambalaj",), "section": ("Ara toplam",),
           "note": ("Teslim: ",), "tandc": ("Genel Satınalma Şartları",), "fund": ("Masraf Merkezi",),
           "dept": ("Bölüm",), "approved": ("Onaylayan",)},
    "ro": {"supplier_no": ("Cod furnizor",), "requisitioner": ("Solicitant",), "buyer_person": ("Achizitor",),
           "revision": ("Revizia",), "yours": ("Oferta dvs.",), "ours": ("Referința noastră",),
           "cf": ("Report",), "bf": ("Report",), "freight": ("Transport",), "handling": ("Ambalare",),
           "section": ("Subtotal",), "note": ("Livrare: ",), "tandc": ("Condiții generale de achiziție",),
           "fund": ("Centru de cost",), "dept": ("Departament",), "approved": ("Aprobat",)},
}  # fmt: skip
# where a country words a role its own way (drawn instead of the language's)
COUNTRY_CAPTIONS6: dict[str, dict[str, tuple[str, ...]]] = {
    "US": {"tax": ("Sales Tax", "Tax", "State Sales Tax")},
    "GB": {"tax": ("VAT", "VAT @ 20%"), "vendor": ("Supplier", "Seller", "Remit to")},
    "IN": {"tax": ("GST", "IGST", "GST @ 18%")}, "SG": {"tax": ("GST", "GST 9%")},
    "ZA": {"tax": ("VAT", "VAT 15%")}, "NZ": {"tax": ("GST", "GST 15%")}, "MX": {"tax": ("IVA",)},
    "BR": {"tax": ("ICMS", "Impostos")}, "NL": {"tax": ("Btw",)},
}  # fmt: skip

PRODUCTS6: dict[str, list[tuple[str, str]]] = {
    "en": [("Nitrile exam gloves, medium, 100/bx", "BX"), ("Copy paper, letter, 20 lb, 10 ream case", "CS"),
           ("LED troffer 2x4, 4000K", "EA"), ("Pallet wrap film, 18 in x 1500 ft", "RL"),
           ("Hydraulic hose assembly 1/2 in x 36 in", "EA"), ("Disinfectant concentrate, 1 gal", "GAL"),
           ("Safety vest, class 2, hi-vis", "EA"), ("Cable ties 8 in, black (pack of 100)", "PK"),
           ("Pipette tips 200 uL, racked", "RK"), ("Toner cartridge, black, high yield", "EA"),
           ("Stainless steel flat bar 25 x 5 mm", "kg"), ("Fasteners assorted, hex head", "kg")],
    "es": [("Guantes de nitrilo talla M", "caja"), ("Papel bond carta 75 g", "paq"), ("Tornillo hexagonal 3/8",
           "pza"), ("Cinta canela 48 mm", "rollo"), ("Cable THW calibre 12", "m"), ("Solvente dieléctrico", "l")],
    "pt": [("Luva nitrílica tamanho M", "CX"), ("Papel sulfite A4 75 g", "PCT"), ("Parafuso sextavado 3/8",
           "PC"), ("Fita adesiva 48 mm", "RL"), ("Cabo flexível 2,5 mm²", "M"), ("Óleo hidráulico ISO 68", "L")],
    "nl": [("Nitril handschoenen maat M", "doos"), ("Kopieerpapier A4 80 g", "pak"), ("Zeskantbout M10x50",
           "st"), ("Verpakkingstape 50 mm", "rol"), ("Installatiedraad 2,5 mm²", "m"), ("Hydrauliekolie HV46", "l")],
    "tr": [("Nitril eldiven M beden", "kutu"), ("Fotokopi kağıdı A4 80 gr", "paket"), ("Altıköşe cıvata M10x50",
           "adet"), ("Koli bandı 45 mm", "rulo"), ("NYA kablo 2,5 mm²", "m"), ("Hidrolik yağ 46 numara", "lt")],
    "ro": [("Mănuși nitril mărimea M", "cutie"), ("Hârtie copiator A4 80 g", "top"), ("Șurub hexagonal M10x50",
           "buc"), ("Bandă adezivă 48 mm", "rolă"), ("Cablu FY 2,5 mm²", "m"), ("Ulei hidraulic H46", "l")],
}  # fmt: skip
SERVICES6 = [("Field technician, standard time", "hrs"), ("Project engineer", "hrs"),
             ("Installation labour, after hours", "hrs"), ("Consultant, on-site", "day"),
             ("Equipment calibration", "hrs")]  # fmt: skip
GROUPS6 = {"en": ("Materials", "Labour", "Consumables", "Equipment", "Office supplies"),
           "es": ("Materiales", "Mano de obra", "Consumibles"), "pt": ("Materiais", "Serviços", "Consumíveis"),
           "nl": ("Materialen", "Arbeid", "Verbruiksartikelen"), "tr": ("Malzemeler", "İşçilik", "Sarf Malzemeleri"),
           "ro": ("Materiale", "Manoperă", "Consumabile")}  # fmt: skip
_BULK6 = {"kg", "m", "M", "l", "L", "lt", "GAL", "hrs"}
SUBNOTES6 = ("Note: partial shipments accepted", "Ship complete, do not substitute", "Attn: receiving dock 3",
             "Certificate of conformance required", "Mark cartons with PO and line number")  # fmt: skip
PAYMENT_TERMS6: dict[str, list[tuple[str, int]]] = {
    "US": [("Net 45", 45), ("2/10 Net 30", 30), ("Due upon receipt", 0), ("Net 30 EOM", 60), ("Net 60", 60)],
    "GB": [("Payment: 60 days end of month", 90), ("30 days net", 30), ("Net monthly account", 30)],
    "IN": [("45 days from receipt of invoice", 45), ("100% within 30 days", 30), ("Net 60", 60)],
    "SG": [("30 days", 30), ("Net 45", 45), ("COD", 0)], "ZA": [("30 days from statement", 30), ("Net 30", 30)],
    "NZ": [("20th of the month following", 50), ("Net 30", 30), ("7 days", 7)],
    "MX": [("Crédito a 30 días", 30), ("Contado", 0), ("45 días fecha factura", 45)],
    "BR": [("28 dias", 28), ("30/60/90 dias", 30), ("À vista", 0)],
    "NL": [("30 dagen netto", 30), ("Betaling binnen 14 dagen", 14)],
    "TR": [("60 gün vadeli", 60), ("Peşin", 0), ("30 gün", 30)],
    "RO": [("30 de zile de la data facturii", 30), ("la 45 de zile", 45), ("OP la 60 zile", 60)],
}  # fmt: skip
PEOPLE6 = {"en": ["J. Alvarez", "Priya Raman", "Tom Hendricks", "S. O'Neill", "Mei Lin Tan", "R. Okafor"],
           "es": ["Lic. Ana Morales", "Ing. Carlos Ruiz"], "pt": ["Ana Souza", "Marcos Lima"],
           "nl": ["J. de Vries", "M. Bakker"], "tr": ["Ayşe Yılmaz", "Mehmet Kaya"],
           "ro": ["Ioana Popescu", "Andrei Ionescu"]}  # fmt: skip
TANDC6 = {
    "en": ["1. Acceptance. This order is accepted by shipment or written acknowledgement; additional terms in the "
           "Seller's forms are rejected.", "2. Invoices must quote the order number; invoices without it may be "
           "returned unpaid.", "3. Delivery is to the address shown; title and risk pass on acceptance at that "
           "address.", "4. The Purchaser may reject goods not conforming to the specification within 30 days.",
           "5. Prices are firm for the duration of the order and include packing unless stated.",
           "6. The Seller warrants the goods free of defects in material and workmanship for twelve months."],
    "es": ["1. Favor de indicar el número de orden en su factura.", "2. La mercancía se recibe de lunes a viernes "
           "de 9:00 a 14:00.", "3. El proveedor garantiza los bienes contra defectos por doce meses."],
    "pt": ["1. O número do pedido deve constar na nota fiscal.", "2. Recebimento de materiais de segunda a sexta, "
           "das 8h às 16h.", "3. O fornecedor garante os materiais contra defeitos por doze meses."],
    "nl": ["1. Op deze order zijn onze algemene inkoopvoorwaarden van toepassing.", "2. Vermeld het ordernummer "
           "op iedere factuur."],
    "tr": ["1. Fatura üzerinde sipariş numarası belirtilmelidir.", "2. Teslimat hafta içi 08:00-17:00 arasında "
           "yapılır."],
    "ro": ["1. Numărul comenzii se va menționa pe factură.", "2. Livrarea se face de luni până vineri, între "
           "orele 8 și 16."],
}  # fmt: skip


def _po_number6(rng: random.Random, fam: Blind6Family, year: int) -> str:
    n = rng.randrange(1, 999999)
    style = sum(map(ord, fam.name)) % 7
    return [f"PO{n:07d}", f"4500{n % 10**6:06d}", f"{year % 100:02d}-{n % 10**5:05d}", f"P{year}-{n % 10**4:04d}",
            f"{n % 10**5:05d}-R", f"OC-{year}-{n % 10**4:04d}", f"{n % 10**6:06d}"][style]  # fmt: skip


def _look6(rng: random.Random, fam: Blind6Family) -> dict[str, Any]:
    """What this document draws within its family: captions, columns and their order, formats, totals order."""
    lang = fam.lang if fam.lang in CAPTIONS6 else "en"
    own, en6 = CAPTIONS6.get(fam.lang, {}), CAPTIONS6["en"]
    older = CAPTIONS5.get(fam.lang, {}), CAPTIONS.get(fam.lang, {}), CAPTIONS5["en"], CAPTIONS["en"]
    captions: dict[str, str] = {}
    for role in sorted(set(en6) | set(CAPTIONS5["en"]) | set(CAPTIONS["en"]) | set(own)):  # not by the hash seed
        choices = own.get(role) or next((o[role] for o in older if role in o and fam.lang != "en"), None)
        choices = choices or en6.get(role) or next(o[role] for o in older if role in o)
        choices = COUNTRY_CAPTIONS6.get(fam.country, {}).get(role, choices)
        captions[role] = rng.choice(choices)
    for role, choices in EXTRA6["en"].items():
        captions[role] = rng.choice(EXTRA6.get(lang, {}).get(role, choices))
    captions["price_unit"] = rng.choice(["Per", "U/P"])  # a narrow column: the short captions only
    cols = [c for c in fam.columns if c not in fam.optional or rng.random() < 0.6]
    if rng.random() < 0.3 and "unit" in cols and "quantity" in cols:  # the unit before the quantity
        cols.remove("unit")
        cols.insert(cols.index("quantity"), "unit")
    return {"captions": captions, "columns": cols,
            "dates": rng.choice((fam.dates, *DATE_STYLES6.get(fam.country, ()))),
            "numbers": rng.choice((fam.numbers, *NUMBERS6.get(fam.country, ()))),
            "size": rng.choice([8.0, 8.5, 9.0]),
            "accent": rng.choice([(0.1, 0.2, 0.45), (0.5, 0.1, 0.15), (0.05, 0.35, 0.25), (0.25, 0.25, 0.25)]),
            "totals": rng.choice(["stack", "totalfirst", "strip"]), "numbered": rng.random() < 0.35,
            "tax_ids": rng.random() < 0.75, "revision": rng.randrange(1, 4)}  # fmt: skip


def sample_po6(rng: random.Random, fam: Blind6Family) -> Order4:
    look = _look6(rng, fam)
    cols = look["columns"]
    buyer = make_party6(rng, fam.country)
    if fam.header == "govform":  # the public body's name in capitals across the form's top
        buyer = replace(buyer, name=buyer.name.upper())
    vendor = make_party6(rng, fam.vendor_country or fam.country, avoid=buyer.name)
    ship = replace(make_party6(rng, fam.country), name=buyer.name)
    lo, hi = fam.lines
    n = rng.randrange(hi // 2, hi + 1) if rng.random() < 0.25 else min(hi, lo + int(rng.expovariate(1 / 9)))
    pool = PRODUCTS6.get(fam.lang, PRODUCTS6["en"])
    if "hours" in fam.extras:
        pool = SERVICES6 + pool[:4]
    lines: list[POLine] = []
    price_units: list[int] = []
    for k in range(n):
        desc, unit = pool[k % len(pool)] if k < len(pool) else rng.choice(pool)
        if k >= len(pool):
            desc = f"{desc} ({rng.choice(['rev. B', 'alt.', 'Lot 2', 'II', 'spare'])})"
        qty = Decimal(rng.choice([1, 2, 3, 4, 5, 6, 10, 12, 20, 24, 36, 50, 100, 500]))
        if unit in _BULK6 and rng.random() < 0.6:  # 12.5 hours, 3.75 kg
            qty = Decimal(rng.randrange(2, 400)) / rng.choice([2, 4, 10])
        top = {"INR": 2500000, "MXN": 800000, "TRY": 1500000, "ZAR": 700000}.get(fam.currency, 90000)
        price = q2(Decimal(rng.randrange(50, top)) / 100)
        per = 1
        if "perM" in fam.extras and unit not in _BULK6 and rng.random() < 0.5:  # priced per C (100) or per M (1000)
            per = rng.choice([100, 1000])
            qty = Decimal(rng.choice([500, 1000, 2500, 5000, 10000, 25000]))
        lines.append(POLine(_sku5(rng, fam) if "sku" in cols else None, desc, qty, unit if "unit" in cols else None,
                            price, None, None, q2(qty * price / per)))  # fmt: skip
        price_units.append(per)
    year = rng.randrange(2024, 2028)
    order_date = date(year, 1, 1) + timedelta(days=rng.randrange(0, 364))
    terms = rng.choice(PAYMENT_TERMS6[fam.country])
    po = priced_order(_po_number6(rng, fam, year), order_date, buyer, vendor, ship, terms, lines, Decimal(0),
                      Decimal("0.00"), Decimal(TAX_RATES6[fam.country]), False, True)  # fmt: skip
    if not look["tax_ids"]:
        po = replace(po, buyer=replace(buyer, tax_id=None))
    groups = GROUPS6.get(fam.lang, GROUPS6["en"])
    look["groups"] = sorted(rng.randrange(min(len(groups), 3)) for _ in lines) if "sections" in fam.extras else []
    look["group_names"] = rng.sample(groups, len(groups))
    look["people"] = rng.sample(PEOPLE6.get(fam.lang, PEOPLE6["en"]), 2)
    look["sublines"] = [rng.random() < 0.35 for _ in lines] if "subline" in fam.extras else [False] * len(lines)
    m = len(lines)
    return Order4(po, price_units, [""] * m, [""] * m, [""] * m, [False] * m, look)


# ---------------------------------------------------------------- drawing the order


class PO6Writer(PO5Writer):
    symbols: ClassVar[dict[str, str]] = SYMBOLS6
    tagged_symbols: ClassVar[set[str]] = _TAGGED_SYMBOLS6
    currency_beside_tag: ClassVar[bool] = True

    def __init__(self, rng: random.Random, fam: Blind6Family, order: Order4) -> None:
        super().__init__(rng, fam, order)
        self.fam6 = fam

    def day(self, value: date) -> str:
        return format_day6(value, self.fam.dates, self.fam.lang)

    def supplier_no(self) -> str:
        return f"{sum(map(ord, self.m.vendor.name)) * 37 % 900000 + 100000}"

    def revision_line(self, x: float, y: float, align: str = "left") -> None:
        if "revision" in self.fam.extras and self.look["revision"] > 1:
            c = self.c["revision"]
            text = f"{c} {self.look['revision']}" if c != "Change Order" else f"{c} {self.look['revision'] - 1}"
            self.t(x, y, text, bold=True, scale=0.9, align=align, color=(0.6, 0.1, 0.1))

    # -- the headers
    def head_suite(self) -> None:
        """A procurement suite's print: logo and buyer top left, the title and a box of order facts top right
        (number, revision, date, supplier number, buyer and requisitioner as people), then three address columns."""
        m, c = self.m, self.c
        draw_logo(self.page, self.rng, self.left, self.y - 4, self.size * 3.4)
        self.t(self.left + self.size * 4.2, self.y + self.size * 1.4, m.buyer.name, "buyer_name", bold=True,
               scale=1.2)  # fmt: skip
        self.t(self.left + self.size * 4.2, self.y + self.size * 1.4 + self.lead * 1.2,
               f"{m.buyer.street}, {m.buyer.city}", scale=0.8, grey=True)  # fmt: skip
        self.title_number(self.right, self.y + self.size * 1.6, 1.6, "right")
        self.y += self.lead * 3.4
        self.revision_line(self.right, self.y, "right")
        self.y += self.lead * 0.6
        people = self.look["people"]
        facts = [*self.info(), (c["supplier_no"], self.supplier_no(), None), (c["buyer_person"], people[0], None),
                 (c["requisitioner"], people[1], None)]  # fmt: skip
        box_x = self.left + (self.right - self.left) * 0.5
        top = self.y
        end = self.kv(facts, box_x + 4, box_x + 110, top + 2)
        self.page.rect(box_x, top - 2, self.right - box_x, end - top + 6, line_width=0.6)
        if m.buyer.tax_id and m.buyer.tax_label:
            self.tax_line(self.left, top + self.size, m.buyer, "buyer_tax_id")
        self.y = end + self.lead
        third = (self.right - self.left) / 3
        blocks = [(c["vendor"], m.vendor, "vendor_name"), (c["ship"], m.ship_to, None),
                  (c["buyer"], replace(m.buyer, tax_id=None), None)]  # fmt: skip
        bottom = self.y
        for k, (caption, party, tag) in enumerate(blocks):
            x = self.left + k * third
            self.page.rect(x, self.y, third - 6, self.lead * 1.3, stroke=None, fill=(0.88, 0.9, 0.93))
            self.t(x + 3, self.y + self.size + 1, caption, bold=True, scale=0.9)
            bottom = max(bottom, self.block(x + 3, self.y + self.lead * 1.5, third - 12, None, party, tag, True))
        self.y = bottom + self.lead

    def head_govform(self) -> None:
        """A public body's form: the body centred, the title, then numbered boxes ('1. PO Number', '2. Date'...),
        the vendor and the ship-to in numbered boxes, a fund / department line."""
        m, c = self.m, self.c
        mid = self.pw / 2
        self.t(mid, self.y + self.size * 1.5, m.buyer.name, "buyer_name", bold=True, scale=1.3,
               align="center")  # fmt: skip
        self.t(mid, self.y + self.size * 1.5 + self.lead * 1.3, f"{m.buyer.street} · {m.buyer.city}", scale=0.85,
               align="center", grey=True)  # fmt: skip
        self.y += self.lead * 3
        title = self.c["title"] if self.fam.lang != "en" else self.rng.choice(["Purchase Order", "Official Order"])
        self.t(mid, self.y + self.size * 1.3, title.upper(), bold=True, scale=1.5, align="center")
        self.y += self.lead * 2.2
        self.revision_line(mid, self.y, "center")
        self.y += self.lead * 0.4
        facts = [*self.info(), (c["dept"], self.rng.choice(["Facilities", "Procurement", "IT", "Estates"]), None),
                 (c["fund"], f"{self.rng.randrange(100, 999)}-{self.rng.randrange(1000, 9999)}", None)]  # fmt: skip
        if self.look["numbered"]:
            facts.insert(0, (c["po_number"], m.number, "po_number"))
        per_row = 3
        w = (self.right - self.left) / per_row
        box_h = self.lead * 2.4
        for k, (caption, value, tag) in enumerate(facts):
            x = self.left + (k % per_row) * w
            y = self.y + (k // per_row) * box_h
            self.page.rect(x, y, w, box_h, line_width=0.6)
            self.t(x + 3, y + self.size * 0.95, f"{k + 1}. {caption}", scale=0.72, grey=True)
            self.t(x + 3, y + self.lead * 1.9, value, tag)
        rows = (len(facts) + per_row - 1) // per_row
        self.y += rows * box_h + self.lead * 0.6
        half = (self.right - self.left) / 2
        n0 = len(facts)
        top = self.y
        y1 = self.block(self.left + 4, top + 2, half - 12, f"{n0 + 1}. {c['vendor']}", m.vendor, "vendor_name", True)
        y2 = self.block(self.left + half + 4, top + 2, half - 12, f"{n0 + 2}. {c['ship']}", m.ship_to, None)
        bottom = max(y1, y2) + 4
        self.page.rect(self.left, top - 2, half, bottom - top + 2, line_width=0.6)
        self.page.rect(self.left + half, top - 2, half, bottom - top + 2, line_width=0.6)
        if m.buyer.tax_id and m.buyer.tax_label:
            self.tax_line(self.left, bottom + self.size + 3, m.buyer, "buyer_tax_id")
            bottom += self.lead
        self.y = bottom + self.lead

    def head_seller(self) -> None:
        """An order confirmation between 'Purchaser' and 'Seller' side by side, the consignee below them, and
        'Our reference / Your reference' lines beside the order facts."""
        m, c = self.m, self.c
        self.title_number(self.left, self.y + self.size * 1.8, 1.7)
        draw_logo(self.page, self.rng, self.right - self.size * 3.2, self.y - 4, self.size * 3.2)
        self.y += self.lead * 2.8
        self.revision_line(self.left, self.y)
        self.y += self.lead * 0.5
        half = (self.right - self.left) / 2
        top = self.y
        first = (c["buyer"], m.buyer, "buyer_name")
        second = (c["vendor"], m.vendor, "vendor_name")
        if self.rng.random() < 0.4:
            first, second = second, first
        y1 = self.block(self.left, top, half - 12, first[0], first[1], first[2], True)
        y2 = self.block(self.left + half, top, half - 12, second[0], second[1], second[2], True)
        self.y = max(y1, y2) + self.lead * 0.6
        top = self.y
        facts = [*self.info(), (c["yours"], f"Q{self.rng.randrange(10000, 99999)}", None),
                 (c["ours"], f"BPA-{self.rng.randrange(100, 999)}", None)]  # fmt: skip
        end = self.kv(facts, self.left + half, self.left + half + 100, top)
        y3 = self.block(self.left, top, half - 12, c["ship"], m.ship_to, None)
        self.y = max(end, y3) + self.lead

    # -- the items
    def columns(self) -> list[tuple[str, float, float, str]]:
        weights = {**_WEIGHTS, "quantity": 0.08, "unit": 0.06}
        free = 1.0 - sum(weights.get(r, 0.0) for r in self.cols_roles)
        x = self.left
        cols = []
        for role in self.cols_roles:
            w = (self.right - self.left) * (weights.get(role) or free)
            cols.append((role, x, x + w, "right" if role in _RIGHT else "left"))
            x += w
        return cols

    def cell(self, role: str, i: int, ln: POLine) -> list[tuple[str, str | None]]:
        if role == "line_no":
            return [(str(i + 1), None)]
        if role == "price_unit":  # the US trade letters: each, per hundred (C), per thousand (M)
            return [({1: "EA", 100: "C", 1000: "M"}[self.o.price_units[i]], None)]
        return super().cell(role, i, ln)

    def sum_row(self, cols: list[tuple[str, float, float, str]], caption: str, value: Decimal) -> None:
        """An unlabelled row with a caption and a sum in the amount column (category sub-total, c/f, b/f)."""
        amount_x = next((x1 for r, _x0, x1, _a in cols if r == "amount"), self.right)
        desc_x = next((x0 for r, x0, _x1, _a in cols if r == "description"), self.left)
        self.t(desc_x + 3, self.y + self.size, caption, bold=True, italic=False, scale=0.9)
        self.t(amount_x - 3, self.y + self.size, self.num(value), bold=True, align="right")
        self.page.line(amount_x - 70, self.y - 1, amount_x, self.y - 1, 0.4)
        self.y += self.lead * 1.3

    def table(self, rows: list[int] | None = None, heading: str | None = None) -> None:
        cols = self.columns()
        self.table_header(cols)
        lines = self.m.lines
        groups: list[int] = self.look["groups"]
        names: list[str] = self.look["group_names"]
        desc_w = self.desc_width(cols)
        running = Decimal("0.00")
        section = Decimal("0.00")
        for i, ln in enumerate(lines):
            if groups and (i == 0 or groups[i] != groups[i - 1]):
                if self.y + self.lead * 4 > self.bottom():
                    self.carry_break(cols, running)
                self.t(self.left + 3, self.y + self.size, names[groups[i]], bold=True, color=self.accent)
                self.y += self.lead * 1.2
            n_lines = len(wrap(ln.description, self.f.regular, self.size, desc_w)) + self.look["sublines"][i]
            if self.y + self.lead * (n_lines + 2) > self.bottom():
                self.carry_break(cols, running)
            self.row5(cols, i, ln)
            if self.look["sublines"][i]:
                desc_x = next(x0 for r, x0, _x1, _a in cols if r == "description")
                when = self.day(self.m.order_date + timedelta(days=7 * (1 + i % 4)))
                note = f"{self.c['note']}{when}"
                if self.fam.lang == "en" and self.rng.random() < 0.3:  # a free note instead of a date
                    note = self.rng.choice(SUBNOTES6)
                self.t(desc_x + 9, self.y + self.size * 0.6, note, scale=0.8, grey=True,
                       italic=True)  # fmt: skip
                self.y += self.lead
            running += ln.amount
            section += ln.amount
            if groups and (i == len(lines) - 1 or groups[i + 1] != groups[i]):
                self.sum_row(cols, f"{self.c['section']} {names[groups[i]]}", section)
                section = Decimal("0.00")
        self.page.line(self.left, self.y + 1, self.right, self.y + 1, 0.8)
        self.y += self.lead

    def carry_break(self, cols: list[tuple[str, float, float, str]], running: Decimal) -> None:
        carry = "carry" in self.fam.extras and running > 0
        if carry:
            self.sum_row(cols, self.c["cf"], running)
        self.new_page()
        self.t(self.right, self.y + self.size, f"{self.c['title']} {self.m.number}", scale=0.8, grey=True,
               align="right")  # fmt: skip
        self.y += self.lead * 2
        self.table_header(cols)
        if carry:
            self.sum_row(cols, self.c["bf"], running)

    # -- totals
    def totals(self) -> None:
        super().totals()
        if "charges0" in self.fam.extras:  # freight and handling printed at nil beneath the totals
            zero = self.num(Decimal("0.00"))
            for role in ("freight", "handling"):
                self.t(self.right - 210, self.y + self.size, self.c[role], scale=0.9, grey=True)
                self.t(self.right, self.y + self.size, zero, scale=0.9, grey=True, align="right")
                self.y += self.lead * 1.1

    def tandc(self) -> None:
        paras = TANDC6.get(self.fam.lang, TANDC6["en"])
        small = self.size * 0.8
        if self.y + self.lead * 6 > self.bottom():
            self.new_page()
        self.y += self.lead
        self.t(self.left, self.y + self.size, self.c["tandc"], bold=True, scale=0.9)
        self.y += self.lead * 1.2
        for para in paras:
            for line in wrap(para, self.f.regular, small, self.right - self.left):
                if self.y + self.lead > self.bottom() + self.lead * 2:
                    self.new_page()
                self.t(self.left, self.y + small, line, scale=0.8)
                self.y += small * 1.3

    def write(self) -> None:
        getattr(self, f"head_{self.fam.header}")()
        self.table()
        self.totals()
        if "tandc" in self.fam.extras:
            self.tandc()
        if self.fam.header == "govform":
            self.y += self.lead * 2
            if self.y + self.lead * 2 < self.bottom():
                self.page.line(self.left, self.y, self.left + 180, self.y, 0.5)
                self.t(self.left, self.y + self.lead, self.c["approved"], scale=0.8, grey=True)
        self.footers()


def make_blind6_po(seed: int, fam: Blind6Family, doc_id: str | None = None) -> GeneratedDoc:
    return make_set_po(seed, fam, doc_id, set_no=6, sample=sample_po6, writer_of=PO6Writer)


# ---------------------------------------------------------------- contracts

# Per family: the words a contract is made of. {eff}, {exp}, {buyer}, {vendor}, {terms}, {cur} are tagged values;
# {btax}/{vtax} become ', <label> <id>' or nothing; 'dur' replaces 'term' where the expiry is a duration ({nword}
# the number in words where the language writes it so).
CONTRACT_TEXT6: dict[str, dict[str, Any]] = {
    "sow-fee-table-us": {
        "title": ("STATEMENT OF WORK", "Statement of Work No. 3"), "number": ("SOW No.", "SOW Reference"),
        "roles": ("Client", "Service Provider"), "sign": "Accepted for",
        "intro": "This Statement of Work is dated as of {eff} and is entered into by and between {buyer}{btax} "
                 "(\"Client\") and {vendor}{vtax} (\"Service Provider\") under the Master Services Agreement "
                 "between them.",
        "term": "This SOW remains in effect through {exp} unless terminated earlier.",
        "dur": "This SOW commences on {eff2} and continues for an initial term of {nword} ({n}) {unit}.",
        "units": ("months", "years"),
        "pay": "Fees are stated in {cur}. Service Provider will invoice monthly in arrears; payment terms are "
               "{terms}.",
        "filler": ["Milestone 1 (Discovery) is complete when Client accepts the requirements document.",
                   "Milestone 2 (Build) is complete on delivery of the configured environment.",
                   "Change requests follow the change control procedure of the Agreement."],
        "annex": ("Fee Table", "Fees and Rates"), "cols": ("Role / Deliverable", "Basis", "Rate"),
        "terms": [("Net 30", 30), ("net forty-five (45) days", 45)],
        "services": [("Solution architect", "hour"), ("Senior developer", "hour"), ("QA analyst", "hour"),
                     ("Project manager", "month"), ("Discovery milestone", "fixed fee")],
    },
    "msa-exhibit-b-gb": {
        "title": ("MASTER SERVICES AGREEMENT", "Master Services Agreement"), "number": ("Agreement ref.",
        "Contract No."), "roles": ("Customer", "Supplier"), "sign": "Signed for and on behalf of the",
        "intro": "THIS AGREEMENT is dated as of {eff} and made between {buyer}{btax} (the \"Customer\") and "
                 "{vendor}{vtax} (the \"Supplier\").",
        "term": "This Agreement shall continue until {exp} unless terminated in accordance with clause 14.",
        "dur": "This Agreement commences on {eff2} and shall continue for an initial term of {nword} ({n}) "
               "{unit}, renewing annually thereafter.", "units": ("months", "years"),
        "pay": "The Charges are set out in Exhibit B, are stated in {cur} exclusive of VAT and are payable {terms}.",
        "filler": ["The Supplier shall meet the Service Levels set out in Exhibit C.",
                   "Each party shall keep the other's Confidential Information confidential.",
                   "This Agreement is governed by the law of England and Wales."],
        "annex": ("Exhibit B – Rate Card", "EXHIBIT B: RATE CARD"), "cols": ("Grade", "Unit", "Rate"),
        "terms": [("within 30 days of a valid invoice", 30), ("60 days end of month", 90)],
        "services": [("Principal consultant", "day"), ("Senior consultant", "day"), ("Analyst", "day"),
                     ("Service desk seat", "month"), ("Out-of-hours call-out", "hour")],
    },
    "rate-amendment-us": {
        "title": ("AMENDMENT NO. 2", "Amendment No. 2 to Services Agreement"), "number": ("Agreement No.",
        "Contract #"), "roles": ("Company", "Contractor"), "sign": "Agreed by",
        "intro": "This Amendment No. 2 is made effective as of {eff} by and between {buyer}{btax} (\"Company\") and "
                 "{vendor}{vtax} (\"Contractor\"), and amends the Services Agreement between them.",
        "term": "The term of the Agreement is extended through {exp}.",
        "pay": "All amounts are in {cur}; invoices are payable {terms}. Except as amended here, the Agreement "
               "remains in full force.",
        "filler": ["Section 4.1 of the Agreement is deleted and replaced with the rates below.",
                   "Capitalized terms not defined here have the meanings given in the Agreement."],
        "annex": ("Revised Rates", "Amended Compensation"),
        "prose": "The rate for {service} is amended to {rate} {cur} per {unit}.",
        "terms": [("Net 30", 30), ("within forty-five (45) days of receipt", 45)],
        "services": [("a journeyman electrician", "hour"), ("an apprentice", "hour"), ("a service vehicle", "day"),
                     ("on-call coverage", "month"), ("travel and subsistence", "diem")],
    },
    "per-diem-consulting-sg": {
        "title": ("CONSULTANCY AGREEMENT", "Consulting Services Agreement"), "number": ("Ref. No.", "Agreement No."),
        "roles": ("Company", "Consultant"), "sign": "For and on behalf of the",
        "intro": "This Agreement is dated as of {eff} between {buyer}{btax} (the \"Company\") and {vendor}{vtax} "
                 "(the \"Consultant\").",
        "term": "The engagement ends on {exp}.",
        "dur": "The engagement begins on {eff2} for an initial term of {nword} ({n}) {unit}.",
        "units": ("months", "years"),
        "pay": "Fees are in {cur} and exclusive of GST. Invoices are payable {terms}.",
        "filler": ["The Consultant shall devote such time as is reasonably necessary to perform the Services.",
                   "This Agreement is governed by the laws of the Republic of Singapore."],
        "annex": ("Fees", "Schedule of Fees"), "bullet": "{service}: {cur} {rate} per {unit}",
        "terms": [("within 30 days", 30), ("14 days from invoice", 14)],
        "services": [("Lead consultant", "day"), ("Associate", "hour"), ("Travel allowance", "diem"),
                     ("Retainer", "month"), ("Workshop", "session")],
    },
    "services-agreement-in": {
        "title": ("SERVICES AGREEMENT", "Annual Maintenance Services Agreement"), "number": ("Agreement No.",
        "Ref."), "roles": ("Client", "Service Provider"), "sign": "For",
        "intro": "This Agreement is executed on {eff} between {buyer}{btax} (the \"Client\") and {vendor}{vtax} "
                 "(the \"Service Provider\").",
        "term": "This Agreement is valid up to {exp}.",
        "pay": "Charges are in {cur}, exclusive of GST as applicable, and payable {terms}.",
        "filler": ["The Service Provider shall attend breakdown calls within four hours.",
                   "Disputes are subject to the jurisdiction of the courts at Pune."],
        "annex": ("Exhibit A – Schedule of Charges", "Annexure I: Rates"), "cols": ("Service", "Per", "Rate"),
        "terms": [("within 45 days of invoice", 45), ("within 30 days", 30)],
        "services": [("Preventive maintenance visit", "visit"), ("Breakdown call", "call"),
                     ("Resident engineer", "month"), ("Spares handling", "order"), ("Overtime", "hour")],
    },
    "contrato-servicios-mx": {
        "title": ("CONTRATO DE PRESTACIÓN DE SERVICIOS", "Contrato de Servicios"), "number": ("Contrato No.",
        "Folio"), "roles": ("EL CLIENTE", "EL PRESTADOR"), "sign": "Por",
        "intro": "Contrato que celebran con fecha {eff} {buyer}{btax} (EL CLIENTE) y {vendor}{vtax} (EL PRESTADOR).",
        "term": "El presente contrato estará vigente hasta el {exp}.",
        "dur": "La vigencia del contrato inicia el {eff2} y tendrá una duración de {n} {unit}.",
        "units": ("meses", "años"),
        "pay": "Las tarifas se expresan en {cur} más IVA y se pagarán {terms}.",
        "filler": ["EL PRESTADOR cuenta con el personal y los recursos necesarios para prestar los servicios.",
                   "Para la interpretación de este contrato las partes se someten a los tribunales de Puebla."],
        "annex": ("Tarifas", "Contraprestación"),
        "prose": "El servicio de {service} se cobrará a {rate} {cur} por {unit}.",
        "terms": [("a 30 días de la fecha de la factura", 30), ("dentro de los 15 días siguientes", 15)],
        "services": [("soporte técnico", "hora"), ("mantenimiento preventivo", "visita"),
                     ("supervisión", "mes"), ("viáticos", "día"), ("capacitación", "sesión")],
    },
    "contrato-prestacao-br": {
        "title": ("CONTRATO DE PRESTAÇÃO DE SERVIÇOS", "Contrato de Prestação de Serviços"),
        "number": ("Contrato nº", "Nº do Contrato"), "roles": ("CONTRATANTE", "CONTRATADA"), "sign": "Pela",
        "intro": "Pelo presente instrumento, celebrado em {eff}, {buyer}{btax} (CONTRATANTE) e {vendor}{vtax} "
                 "(CONTRATADA) ajustam o seguinte.",
        "term": "O contrato vigorará até {exp}.",
        "dur": "O contrato vigorará a partir de {eff2} pelo prazo de {n} {unit}.", "units": ("meses", "anos"),
        "pay": "Os valores são expressos em {cur} e serão pagos {terms}, mediante nota fiscal.",
        "filler": ["A CONTRATADA responde pelos encargos trabalhistas de seus empregados.",
                   "Fica eleito o foro da comarca de Joinville."],
        "annex": ("Anexo I – Tabela de Preços", "ANEXO I: PREÇOS"), "cols": ("Serviço", "Unidade", "Valor"),
        "terms": [("em 30 dias", 30), ("no dia 10 do mês seguinte", 40)],
        "services": [("Técnico de manutenção", "hora"), ("Engenheiro responsável", "hora"),
                     ("Visita técnica", "visita"), ("Suporte remoto", "mês"), ("Deslocamento", "km")],
    },
    "pogodba-storitve-si": {
        "title": ("ANEKS ŠT. 2 K POGODBI O IZVAJANJU STORITEV", "Aneks št. 2"), "number": ("Številka pogodbe",
        "Št. pogodbe"), "roles": ("Naročnik", "Izvajalec"), "sign": "Za",
        "intro": "Ta aneks skleneta dne {eff} {buyer}{btax} (Naročnik) in {vendor}{vtax} (Izvajalec).",
        "term": "Pogodba velja do {exp}.",
        "pay": "Cene so v {cur} brez DDV. Plačilo {terms}.",
        "filler": ["Ostala določila pogodbe ostanejo nespremenjena.",
                   "Aneks je sestavljen v dveh enakih izvodih."],
        "annex": ("Nove cene", "Cenik"), "bullet": "{service}: {rate} {cur} na {unit}",
        "terms": [("v 30 dneh od prejema računa", 30), ("v 60 dneh", 60)],
        "services": [("Vzdrževanje", "mesec"), ("Serviser", "uro"), ("Prevoz", "km"), ("Svetovanje", "uro"),
                     ("Dežurstvo", "dan")],
    },
}  # fmt: skip
_NUMBER_WORDS = {3: "three", 6: "six", 12: "twelve", 18: "eighteen", 24: "twenty-four", 2: "two", 1: "one",
                 5: "five"}  # fmt: skip


def _contract_number6(rng: random.Random, fam: Blind6Family, year: int) -> str:
    n = rng.randrange(1, 9999)
    return {"sow-fee-table-us": f"SOW-{year}-{n:04d}", "msa-exhibit-b-gb": f"MSA/{n:04d}/{year % 100:02d}",
            "rate-amendment-us": f"SA-{n:05d}", "per-diem-consulting-sg": f"CA{year}{n % 1000:03d}",
            "services-agreement-in": f"AMC/{year}-{(year + 1) % 100:02d}/{n % 1000:03d}",
            "contrato-servicios-mx": f"CPS-{n:04d}-{year}", "contrato-prestacao-br": f"{n % 1000:03d}/{year}",
            "pogodba-storitve-si": f"{n % 1000}/{year}"}[fam.name]  # fmt: skip


TERMS6 = [(6, "months"), (12, "months"), (18, "months"), (1, "years"), (2, "years"), (3, "years"), (5, "years")]


def _rates6(rng: random.Random, fam: Any, chosen: list[tuple[str, str]]) -> list[tuple[str, str, Decimal]]:
    top = {"INR": 2000000, "MXN": 800000}.get(fam.currency, 60000)
    return [(s, u, q2(Decimal(rng.randrange(2500, top)) / 100)) for s, u in chosen]


def sample_contract6(
    rng: random.Random, fam: Any, *, texts: dict[str, dict[str, Any]] | None = None,
    make_party: Callable[..., BlindParty] = make_party6, terms: list[tuple[int, str]] = TERMS6,
    rates_of: Callable[[random.Random, Any, list[tuple[str, str]]], list[tuple[str, str, Decimal]]] = _rates6,
    number_of: Callable[[random.Random, Any, int], str] = _contract_number6,
) -> Contract2:  # fmt: skip
    """A contract: the parties, the start, the expiry (or a term of ``terms``, three times in four where the family
    has one), some of the family's services at drawn rates, the number. Set 7 passes its own words and draws."""
    text = (CONTRACT_TEXT6 if texts is None else texts)[fam.name]
    buyer = make_party(rng, fam.country)
    vendor = make_party(rng, fam.country, avoid=buyer.name)
    effective = date(rng.randrange(2024, 2028), 1, 1) + timedelta(days=rng.randrange(0, 364))
    term: tuple[int, str] | None = None
    if "term" in fam.extras and rng.random() < 0.75:
        term = rng.choice(terms)
        expiry = effective + relativedelta(months=term[0] * (12 if term[1] == "years" else 1)) - timedelta(days=1)
    else:
        expiry = effective + relativedelta(months=rng.choice([6, 12, 24, 36])) - timedelta(days=rng.choice([0, 1]))
    pool = text["services"]
    chosen = rng.sample(pool, rng.randrange(2, len(pool) + 1))
    rates = rates_of(rng, fam, chosen)
    number = number_of(rng, fam, effective.year)
    return Contract2(number, effective, expiry, term, buyer, vendor, rng.choice(text["terms"]), rates)


class Contract6Writer(Contract5Writer):
    # the set's contract words and date styles (set 7 brings its own)
    texts: ClassVar[dict[str, dict[str, Any]]] = CONTRACT_TEXT6
    date_styles: ClassVar[dict[str, tuple[str, ...]]] = DATE_STYLES6

    def __init__(self, rng: random.Random, fam: Blind6Family, model: Contract2) -> None:
        dates = rng.choice((fam.dates, *self.date_styles.get(fam.country, ())))
        _Sheet2.__init__(self, rng, replace(fam, dates=dates), rng.choice([9.0, 9.5, 10.0]))
        self.m = model  # type: ignore[assignment]
        text = self.texts[fam.name]
        self.text = {**text, "title": rng.choice(text["title"]), "number": rng.choice(text["number"]),
                     "annex": rng.choice(text["annex"])}  # fmt: skip
        self.clause_no = 0
        self.columns = None

    def day(self, value: date) -> str:
        return format_day6(value, self.fam.dates, self.fam.lang)

    def term_clause(self) -> str:
        if not self.m.term:
            return str(self.text["term"])
        n, unit = self.m.term
        word = self.text["units"][0 if unit == "months" else 1]
        if n == 1 and self.fam.lang == "en":
            word = word.rstrip("s")
        return (str(self.text["dur"]).replace("{nword}", _NUMBER_WORDS.get(n, str(n))).replace("{n}", str(n))
                .replace("{unit}", word))  # fmt: skip

    def body_asof(self) -> None:
        """Recitals, then the 'dated as of' sentence and numbered clauses; the schedule after them."""
        self.flow("RECITALS" if self.fam.lang == "en" else "", {}, bold=True)
        self.clauses(intro=True)

    def body_exhibit(self) -> None:
        """The parties side by side in two columns, the clauses, the rate card as an exhibit on its own page."""
        m = self.m
        half = (self.right - self.left) / 2
        top = self.y
        bottoms = []
        for k, (party, tag) in enumerate(((m.buyer, "buyer_name"), (m.vendor, "vendor_name"))):
            x = self.left + k * half
            self.t(x, top + self.size, self.text["roles"][k].upper(), bold=True, scale=0.85, grey=True)
            y = top + self.lead
            for line in wrap(party.name, self.f.bold, self.size, half - 16):
                self.t(x, y + self.size, line, tag, bold=True)
                y += self.lead
            for line in (party.street, party.city, party.country):
                self.t(x, y + self.size, line, scale=0.9)
                y += self.lead
            bottoms.append(y)
        self.y = max(bottoms) + self.lead
        values = self.values()
        short = {k: v for k, v in values.items() if k not in {"buyer", "vendor"}}
        short["buyer"] = (m.buyer.name, None)
        short["vendor"] = (m.vendor.name, None)
        self.flow(self.fill(self.text["intro"], short), short)
        clauses = [self.term_clause(), self.text["pay"], *self.text["filler"]]
        for k, clause in enumerate(clauses):
            self.flow(f"{k + 1}. {clause}", values if k < 2 else {})
        self.schedule()

    def body_amend(self) -> None:
        """An amendment: a reference box to the agreement it amends, numbered changes, the new rates."""
        m = self.m
        self.page.rect(self.left, self.y, self.right - self.left, self.lead * 2.2, stroke=None,
                       fill=(0.92, 0.92, 0.92))  # fmt: skip
        self.t(self.left + 6, self.y + self.lead * 1.3, f"{m.buyer.name} / {m.vendor.name}", scale=0.9)
        self.y += self.lead * 3
        self.clauses(intro=True)

    def schedule(self) -> None:
        if self.fam.items == "appendix" and self.fam.header == "exhibit":
            self.signatures()
            self.new_page()
            self.t(self.right, self.y, self.m.number, "contract_number", scale=0.8, grey=True, align="right")
            self.y += self.lead * 2
            self.annex_heading()
            cols = self.text["cols"]
            rows: list[list[tuple[str, str | None]]] = [
                [(s, "description"), (u, "unit"), (self.num(r), "unit_price")] for s, u, r in self.m.rates
            ]
            self.grid((cols[0], cols[1], f"{cols[2]} ({self.fam.currency})"), rows, (0.55, 0.2, 0.25), {2})
            return
        super().schedule()


def make_blind6_contract(seed: int, fam: Blind6Family, doc_id: str | None = None) -> GeneratedDoc:
    return make_set_contract(seed, fam, doc_id, set_no=6, sample=sample_contract6, writer_of=Contract6Writer)


# ---------------------------------------------------------------- scans

SCAN_CONDITIONS = ("angled", "phoneflat", "ruled200", "photocopy", "jpegq", "stampover", "crease", "jpeg150")


def _homography(src: list[tuple[float, float]], dst: list[tuple[float, float]]) -> np.ndarray:
    """The 3x3 projective map taking the four ``src`` points to the four ``dst`` points."""
    a, b = [], []
    for (x, y), (u, v) in zip(src, dst, strict=True):
        a.append([x, y, 1, 0, 0, 0, -u * x, -u * y])
        a.append([0, 0, 0, x, y, 1, -v * x, -v * y])
        b += [u, v]
    h = np.linalg.solve(np.array(a, dtype=float), np.array(b, dtype=float))
    return np.append(h, 1.0).reshape(3, 3)


def _photo_finish(rgb: Image.Image, rng: random.Random) -> Image.Image:
    """What a phone adds: light falling off across the page, a mild blur, sensor noise and JPEG compression."""
    w, h = rgb.size
    yy, xx = np.mgrid[0:48, 0:48] / 47.0
    cx, cy = rng.uniform(0.2, 0.8), rng.uniform(0.1, 0.5)
    light = 1 - rng.uniform(0.25, 0.4) * np.clip(np.hypot(xx - cx, yy - cy) / 1.1, 0, 1) ** 1.4
    shade = Image.fromarray((light * 255).astype(np.uint8)).resize((w, h), Image.Resampling.BILINEAR)
    arr = np.asarray(rgb, dtype=np.float32) * (np.asarray(shade, dtype=np.float32)[..., None] / 255.0)
    noise = np.random.default_rng(rng.randrange(2**32)).normal(0, 5.0, arr.shape[:2])[..., None]
    out = Image.fromarray(np.clip(arr * np.array([1.0, 0.98, 0.93]) + noise, 0, 255).astype(np.uint8))
    out = out.filter(ImageFilter.GaussianBlur(rng.uniform(0.5, 0.9)))
    buf = io.BytesIO()
    out.save(buf, format="JPEG", quality=rng.choice([55, 65, 75]))
    with Image.open(io.BytesIO(buf.getvalue())) as decoded:
        return decoded.convert("RGB")


def condition6(img: Image.Image, kind: str, rng: random.Random, page_w_pt: float) -> tuple[Any, ...]:
    """This set's own conditions: a page photographed at a slight angle (the page a quadrilateral on a darker
    desk, the words moved with it), a phone photo held flat, and a 200 dpi scan with a faint ruling; set 5's
    (and through it set 4's and set 2's) otherwise."""
    if kind == "angled":
        rgb = img.convert("RGB")
        w, h = rgb.size

        def jitter(k: float) -> float:
            return rng.uniform(0.01, 0.05) * k

        quad = [(jitter(w), jitter(h)), (w - jitter(w), jitter(h) * 0.5), (w - jitter(w) * 0.5, h - jitter(h)),
                (jitter(w) * 1.5, h - jitter(h) * 0.6)]  # fmt: skip
        corners = [(0.0, 0.0), (float(w), 0.0), (float(w), float(h)), (0.0, float(h))]
        back = _homography(quad, corners)  # output pixel -> page pixel, as PIL wants it
        desk = Image.new("RGB", (w, h), (rng.randrange(60, 110), rng.randrange(55, 95), rng.randrange(45, 80)))
        mask = Image.new("L", (w, h), 0)
        ImageDraw.Draw(mask).polygon(quad, fill=255)
        warped = rgb.transform((w, h), Image.Transform.PERSPECTIVE, tuple(back.flatten()[:8]),
                               Image.Resampling.BICUBIC, fillcolor=(255, 255, 255))  # fmt: skip
        out = _photo_finish(Image.composite(warped, desk, mask), rng)
        fwd = _homography([(0.0, 0.0), (1000.0, 0.0), (1000.0, 1000.0), (0.0, 1000.0)],
                          [(x * 1000 / w, y * 1000 / h) for x, y in quad])  # fmt: skip

        def move(b: list[float]) -> list[float]:
            pts = np.array([[b[0], b[1], 1], [b[2], b[1], 1], [b[2], b[3], 1], [b[0], b[3], 1]], dtype=float)
            mapped = pts @ fwd.T
            xs, ys = mapped[:, 0] / mapped[:, 2], mapped[:, 1] / mapped[:, 2]
            return [float(xs.min()), float(ys.min()), float(xs.max()), float(ys.max())]

        return out, None, move
    if kind == "phoneflat":
        return _photo_finish(img.convert("RGB"), rng), None
    if kind == "ruled200":  # 200 dpi, grey, a faint ruling across the page (the form's own lines showing through)
        g = _resample(img.convert("L"), page_w_pt, 200)
        ruling = Image.new("L", g.size, 255)
        d = ImageDraw.Draw(ruling)
        step = rng.randrange(22, 34)
        shade = rng.randrange(205, 225)
        for y in range(rng.randrange(step), g.height, step):
            d.line((0, y, g.width, y), fill=shade, width=1)
        return ImageChops.darker(g, ruling).filter(ImageFilter.GaussianBlur(0.4)), 200
    return condition5(img, kind, rng, page_w_pt)


# ---------------------------------------------------------------- data sets


def make_blind6(seed: int, fam: Blind6Family, doc_id: str | None = None) -> GeneratedDoc:
    """One document of ``fam``; the same seed gives the same bytes."""
    return (make_blind6_po if fam.kind == "po" else make_blind6_contract)(seed, fam, doc_id)


def generate_blind6(n: int, out: Path, seed: int, scanned_share: float = 0.0, split: str = "all") -> list[Path]:
    """Write ``n`` documents of the sixth blind set's ``split`` (dev, test or all) with their labels to ``out``.
    A scanned document gets its family's own scan condition or, one time in three, the factory's plain scan."""
    return write_blind_set(n, out, seed, scanned_share, split, blind6_families(split), make_blind6, set_no=6,
                           salt=0xB16D, conditioner=condition6)  # fmt: skip


__all__ = ["BLIND6_SPLITS", "FAMILIES", "SPLIT_SEED", "blind6_families", "format_day6", "generate_blind6",
           "make_blind6", "tax_id6"]  # fmt: skip
