"""The third blind set: purchase orders and contracts written without looking at the extractor, for measuring it.

Written after print styles sets 1 and 2 do not have, without reading the extractor, its vocabulary or its scores:
an SAP print whose items carry sub-lines (delivery date, material number, a note) under them, an Austrian order whose
table runs over two pages with its carried-forward subtotal (``Übertrag``) at the foot and head of each page, an Odoo
order with its taxes column and quantities that carry their unit, a Dynamics 365 grid of captions above values, a
Sage order under a dark banner, a green-bar line-printer order in capitals, a landscape table nine columns wide, a
sidebar layout, a Swiss order in francs with apostrophe thousands, an Italian order with cascaded discounts
('10+5'), a blanket agreement with not-to-exceed limits, a change order (revision 2, superseding revision 1), an
order with discount, freight and handling in its totals, a carbon-copy form filled in by hand, Norwegian, Finnish
and Czech orders; contracts: a Belgian bilingual agreement in two columns, an Irish agreement whose rates are one
sentence of a numbered sub-clause, a New Zealand statement of work with hourly rates and estimates, an Austrian
framework agreement with a price sheet, a Singapore amendment with previous and revised rates, a Brazilian service
contract. Scans add conditions of their own: a rubber stamp over the table, yellowed paper at 150 dpi, pen marks,
a phone photo with perspective (the word boxes follow it).

The rendering plumbing, the order model and the label format are the other sets' (``blind.py``, ``blind2.py``).
The families are split once into a ``dev`` and a ``test`` half (``BLIND3_SPLITS``: a shuffle seeded with
``SPLIT_SEED`` within each kind, the first half of each kind to dev). ``ledgerlens data blind --set 3`` writes them,
``bench/bench_extraction.py --blind N --blind-set 3`` measures them.
"""

from __future__ import annotations

import random
import string
from collections.abc import Callable, Sequence
from dataclasses import dataclass
from datetime import date, timedelta
from decimal import Decimal
from pathlib import Path
from typing import Any

import numpy as np
from dateutil.relativedelta import relativedelta
from PIL import Image, ImageDraw, ImageFilter, ImageFont
from stdnum.br import cnpj
from stdnum.ch import uid as ch_uid
from stdnum.cz import dic as cz_dic
from stdnum.fi import ytunnus
from stdnum.ie import vat as ie_vat
from stdnum.no import orgnr
from stdnum.nz import ird
from stdnum.sg import uen

from training.factory.blind import BlindParty, BlindPO, blind_po_doc
from training.factory.blind2 import (
    Blind2Family,
    Contract2,
    Contract2Writer,
    _check_search,
    _digits,
    _resample,
    _Sheet2,
    blind_contract_doc,
    condition,
    format_day,
    priced_order,
    tax_id,
    write_blind_set,
)
from training.factory.common import GeneratedDoc, draw_logo, draw_signature, family_id
from training.factory.layout import Entity, font, width, wrap
from training.factory.po import POLine
from training.factory.values import dec_str, eu_vat_id, q2

# ---------------------------------------------------------------- families


@dataclass(frozen=True)
class Blind3Family(Blind2Family):
    """A set-3 family; ``header``, ``items`` and ``totals`` name this module's drawing styles."""

    @property
    def family(self) -> str:
        return family_id(f"{self.kind}-blind3", {"name": self.name})


def _x(*names: str) -> frozenset[str]:
    return frozenset(names)


F = Blind3Family
FAMILIES: list[Blind3Family] = [
    F("sap-sublines-de", "po", "de", "DE", "EUR", "window", "sublines", "plain", "code_after", "dmy_dot", "de",
      ("line_no", "sku", "description", "quantity", "unit", "unit_price", "tax_rate", "amount"), (2, 7),
      _x("vendor_tax", "buyer_tax"), "nimbus-sans", "stamp"),
    F("uebertrag-at", "po", "de", "AT", "EUR", "letter", "ruled", "plain", "code_after", "d_month", "de",
      ("line_no", "quantity", "unit", "description", "unit_price", "amount"), (30, 46), _x("carry", "buyer_tax"),
      "nimbus-sans-narrow", "yellowed"),
    F("odoo-be", "po", "en", "BE", "EUR", "odoo", "ruled", "plain", "sym_after", "dmy_slash", "de",
      ("description", "tax_rate", "quantity", "unit_price", "amount"), (2, 8), _x("qtyunit", "vendor_tax"),
      "dejavu-sans", "keystone"),
    F("d365-ie", "po", "en", "IE", "EUR", "stacked", "grid", "charges", "plain", "dmy_slash", "en",
      ("line_no", "sku", "description", "quantity", "unit", "unit_price", "amount"), (2, 9), _x("buyer_tax"),
      "dejavu-sans-condensed", "stamp"),
    F("sage-banner-nz", "po", "en", "NZ", "NZD", "banner", "unruled", "charges", "plain", "d_mon_dash", "en",
      ("sku", "description", "quantity", "unit_price", "amount"), (2, 8), _x("buyer_tax"), "urw-gothic",
      "handmark"),
    F("greenbar-us", "po", "en", "US", "USD", "mono", "mono", "plain", "plain", "mdy_short", "en",
      ("line_no", "sku", "description", "quantity", "unit", "unit_price", "amount"), (3, 14), _x(), "nimbus-mono",
      "fax"),
    F("landscape-sg", "po", "en", "SG", "SGD", "strip", "grid", "plain", "code_before", "ymd_slash", "en",
      ("line_no", "sku", "description", "unit", "quantity", "unit_price", "discount_pct", "tax_rate", "amount"),
      (3, 12), _x("landscape", "vendor_tax", "buyer_tax"), "dejavu-sans-condensed", "jpeg150"),
    F("sidebar-nl", "po", "nl", "NL", "EUR", "sidebar", "zebra", "plain", "sym_before", "d_month", "de",
      ("sku", "description", "quantity", "unit_price", "amount"), (2, 8), _x("buyer_tax", "vendor_tax"),
      "dejavu-sans", "stamp"),
    F("commande-ch", "po", "fr", "CH", "CHF", "window", "unruled", "plain", "code_before", "dmy_dot", "ch",
      ("line_no", "sku", "description", "quantity", "unit", "unit_price", "amount"), (2, 8),
      _x("window_right", "buyer_tax"), "nimbus-roman", "yellowed"),
    F("sconti-it", "po", "it", "IT", "EUR", "stacked", "grid", "plain", "plain", "dmy_dash", "de",
      ("sku", "description", "unit", "quantity", "unit_price", "discount_pct", "amount"), (2, 9),
      _x("cascade", "vendor_tax", "buyer_tax"), "dejavu-sans", "photo"),
    F("blanket-us", "po", "en", "US", "USD", "stacked", "ruled", "none", "sym_before", "mdy_slash", "en",
      ("line_no", "sku", "description", "quantity", "unit", "unit_price", "amount"), (2, 7), _x("blanket"),
      "nimbus-sans", "fax"),
    F("change-order-ca", "po", "en", "CA", "CAD", "letter", "ruled", "change", "plain", "iso", "en",
      ("line_no", "sku", "description", "quantity", "unit", "unit_price", "amount"), (2, 7),
      _x("change", "buyer_tax"), "c059", "handmark"),
    F("freight-handling-us", "po", "en", "US", "USD", "qb", "grid", "charges3", "sym_before", "mdy_slash", "en",
      ("sku", "description", "quantity", "unit_price", "amount"), (2, 8), _x("qtyunit"), "nimbus-sans", "stamp"),
    F("carbon-form-us", "po", "en", "US", "USD", "form", "form", "plain", "plain", "mdy_slash", "en",
      ("quantity", "description", "unit_price", "amount"), (2, 6), _x(), "nimbus-sans", "keystone"),
    F("innkjop-no", "po", "no", "NO", "NOK", "letter", "ruled", "plain", "code_before", "dmy_dot", "fr",
      ("sku", "description", "quantity", "unit", "unit_price", "amount"), (2, 8), _x("vendor_tax", "buyer_tax"),
      "dejavu-serif", "fax"),
    F("ostotilaus-fi", "po", "fi", "FI", "EUR", "window", "zebra", "plain", "sym_after", "dmy_bare", "fr",
      ("line_no", "sku", "description", "quantity", "unit", "unit_price", "tax_rate", "amount"), (2, 8),
      _x("vendor_tax", "buyer_tax"), "p052", "jpeg150"),
    F("objednavka-cz", "po", "cs", "CZ", "CZK", "stacked", "grid", "plain", "code_after", "dmy_space", "fr",
      ("line_no", "description", "quantity", "unit", "unit_price", "tax_rate", "amount"), (2, 8),
      _x("vendor_tax", "buyer_tax"), "dejavu-sans", "stamp"),
    F("bilingual-be", "contract", "fr", "BE", "EUR", "bilingual", "table", dates="dmy_slash", numbers="de",
      font="dejavu-serif", scan="yellowed"),
    F("clause-rates-ie", "contract", "en", "IE", "EUR", "clauses", "sentence", dates="d_month", numbers="en",
      extras=_x("term"), font="nimbus-roman", scan="fax"),
    F("sow-hourly-nz", "contract", "en", "NZ", "NZD", "sow", "estimate", dates="d_mon_dash", numbers="en",
      font="dejavu-sans", scan="handmark"),
    F("preisblatt-at", "contract", "de", "AT", "EUR", "paragraphs", "table", dates="d_month", numbers="de",
      font="p052", scan="stamp"),
    F("amendment-sg", "contract", "en", "SG", "SGD", "amendment", "revised", dates="d_month", numbers="en",
      font="c059", scan="photo"),
    F("contrato-br", "contract", "pt", "BR", "BRL", "clausulas", "lines", dates="d_month", numbers="de",
      font="dejavu-serif", scan="jpeg150"),
]  # fmt: skip
BY_NAME = {f.name: f for f in FAMILIES}
# The split: within each kind, the family names sorted, shuffled with random.Random(SPLIT_SEED), the first half
# (rounded up) to dev. Fixed once, before any document of the set was measured.
SPLIT_SEED = 3131


def split_by_kind(families: Sequence[Blind2Family], seed: int) -> dict[str, list[str]]:
    """A blind set's dev and test halves: within each kind, the names sorted, shuffled with ``seed``, the first
    half (rounded up) to dev."""
    out: dict[str, list[str]] = {"dev": [], "test": []}
    for kind in ("po", "contract"):
        names = sorted(f.name for f in families if f.kind == kind)
        random.Random(seed).shuffle(names)
        half = (len(names) + 1) // 2
        out["dev"] += names[:half]
        out["test"] += names[half:]
    return out


BLIND3_SPLITS: dict[str, list[str]] = split_by_kind(FAMILIES, SPLIT_SEED)


def blind3_families(split: str = "all") -> list[Blind3Family]:
    names = [n for part in ("dev", "test") for n in BLIND3_SPLITS[part]] if split == "all" else BLIND3_SPLITS[split]
    return [BY_NAME[n] for n in names]


# ---------------------------------------------------------------- captions

PO_CAPTIONS: dict[str, dict[str, str]] = {
    "sap-sublines-de": {
        "title": "Bestellung", "po_number": "Bestellnummer/Datum", "order_date": "", "vendor": "Lieferant",
        "buyer": "Besteller", "ship": "Lieferanschrift", "payment_terms": "Zahlungsbedingung",
        "contact": "Ansprechpartner/Telefon", "supplier_no": "Unsere Lieferantennummer bei Ihnen",
        "subtotal": "Gesamtnettowert ohne Mwst", "tax": "Summe Mehrwertsteuer", "total": "Gesamtbetrag",
        "line_no": "Pos.", "sku": "Material", "description": "Bezeichnung", "quantity": "Bestellmenge",
        "unit": "Einheit", "unit_price": "Preis pro Einheit", "tax_rate": "MwSt", "amount": "Nettowert",
        "tax_id": "USt-IdNr.", "sub_date": "Liefertermin", "sub_mat": "Ihre Materialnummer",
        "sub_note": "Bitte Bestellnummer auf Lieferschein angeben",
    },
    "uebertrag-at": {
        "title": "BESTELLUNG Nr.", "order_date": "Wien, am", "vendor": "An", "buyer": "", "ship": "Anlieferung",
        "payment_terms": "Zahlungskonditionen", "contact": "Sachbearbeiterin", "subtotal": "Nettobetrag",
        "tax": "zuzüglich 20 % USt.", "total": "Bestellsumme brutto", "carry": "Übertrag", "line_no": "Pos.",
        "quantity": "Menge", "unit": "ME", "description": "Artikelbezeichnung", "unit_price": "Einzelpreis",
        "amount": "Gesamt", "tax_id": "UID-Nr.",
    },
    "odoo-be": {
        "title": "Purchase Order #", "order_date": "Order Deadline:", "vendor": "", "buyer": "",
        "ship": "Shipping address:", "payment_terms": "Payment Terms:", "contact": "Purchase Representative:",
        "subtotal": "Untaxed Amount", "tax": "Taxes", "total": "Total", "description": "Description",
        "tax_rate": "Taxes", "quantity": "Qty", "unit_price": "Unit Price", "amount": "Amount", "tax_id": "VAT:",
        "need": "Receipt Date:",
    },
    "d365-ie": {
        "title": "Purchase order", "po_number": "Purchase order", "order_date": "Date", "vendor": "Vendor account",
        "buyer": "Invoice account", "ship": "Delivery address", "payment_terms": "Terms of payment",
        "currency": "Currency", "contact": "Orderer", "need": "Requested receipt date", "delivery": "Mode of delivery",
        "subtotal": "Purchase order amount excl. VAT", "charges": "Miscellaneous charges", "tax": "Sales tax",
        "total": "Total", "line_no": "Line number", "sku": "Item number", "description": "Product name",
        "quantity": "Quantity", "unit": "Unit", "unit_price": "Unit price", "amount": "Net amount",
        "tax_id": "VAT number",
    },
    "sage-banner-nz": {
        "title": "PURCHASE ORDER", "po_number": "Order No.", "order_date": "Order Date", "vendor": "Supplier",
        "buyer": "", "ship": "Deliver To", "payment_terms": "Terms", "currency": "Currency", "contact": "Buyer",
        "need": "Due Date", "subtotal": "Total Excl.", "charges": "Freight", "tax": "GST 15%",
        "total": "TOTAL INCL. GST", "sku": "Code", "description": "Description", "quantity": "Qty",
        "unit_price": "Unit Cost", "amount": "Line Total", "tax_id": "GST No.",
    },
    "greenbar-us": {
        "title": "PURCHASE ORDER", "po_number": "P.O. NUMBER", "order_date": "ORDER DATE", "vendor": "VENDOR",
        "buyer": "BILL TO", "ship": "SHIP TO", "payment_terms": "TERMS", "contact": "BUYER", "need": "REQ DATE",
        "ship_via": "SHIP VIA", "subtotal": "MERCHANDISE TOTAL", "tax": "SALES TAX", "total": "P.O. TOTAL",
        "line_no": "LN", "sku": "ITEM NUMBER", "description": "DESCRIPTION", "quantity": "QTY ORD", "unit": "UM",
        "unit_price": "UNIT COST", "amount": "EXTENDED",
    },
    "landscape-sg": {
        "title": "PURCHASE ORDER", "po_number": "PO No.", "order_date": "PO Date", "vendor": "Supplier",
        "buyer": "Bill To", "ship": "Deliver To", "payment_terms": "Payment Terms", "currency": "Currency",
        "contact": "Requested By", "need": "Delivery Date", "incoterms": "Incoterms",
        "subtotal": "Sub-Total", "tax": "GST 9%", "total": "Grand Total", "line_no": "S/N", "sku": "Part No.",
        "description": "Item Description", "unit": "UOM", "quantity": "Order Qty", "unit_price": "Unit Price",
        "discount_pct": "Disc %", "tax_rate": "GST", "amount": "Amount", "tax_id": "GST Reg No.",
    },
    "sidebar-nl": {
        "title": "Inkooporder", "po_number": "Ordernummer", "order_date": "Orderdatum", "vendor": "Leverancier",
        "buyer": "", "ship": "Afleveradres", "payment_terms": "Betaaltermijn", "contact": "Inkoper",
        "need": "Gewenste leverdatum", "subtotal": "Totaal excl. btw", "tax": "Btw 21%",
        "total": "Totaal incl. btw", "sku": "Artikelcode", "description": "Omschrijving", "quantity": "Aantal",
        "unit_price": "Stukprijs", "amount": "Totaal", "tax_id": "Btw-nummer", "kvk": "KvK",
    },
    "commande-ch": {
        "title": "Commande", "po_number": "N° de commande", "order_date": "Date", "vendor": "", "buyer": "",
        "ship": "Adresse de livraison", "payment_terms": "Conditions de paiement", "contact": "Votre contact",
        "need": "Délai de livraison", "subtotal": "Total hors TVA", "tax": "TVA 8,1 %", "total": "Total TTC",
        "line_no": "Pos.", "sku": "N° d'article", "description": "Désignation", "quantity": "Quantité",
        "unit": "Unité", "unit_price": "Prix unitaire", "amount": "Montant", "tax_id": "N° IDE",
    },
    "sconti-it": {
        "title": "ORDINE D'ACQUISTO", "po_number": "Numero ordine", "order_date": "Data ordine",
        "vendor": "Spett.le Fornitore", "buyer": "Committente", "ship": "Luogo di consegna",
        "payment_terms": "Modalità di pagamento", "contact": "Referente", "need": "Consegna richiesta",
        "subtotal": "Imponibile", "tax": "IVA 22%", "total": "Totale ordine", "sku": "Codice articolo",
        "description": "Descrizione", "unit": "U.M.", "quantity": "Q.tà", "unit_price": "Prezzo unitario",
        "discount_pct": "Sconti %", "amount": "Importo", "tax_id": "P.IVA",
    },
    "blanket-us": {
        "title": "BLANKET PURCHASE AGREEMENT", "po_number": "Agreement Number", "order_date": "Agreement Date",
        "vendor": "Supplier", "buyer": "Ordering Organization", "payment_terms": "Payment Terms",
        "contact": "Contract Administrator", "valid": "Effective Period", "releases": "Release Method",
        "total": "Agreement Total (Not to Exceed)", "line_no": "Line", "sku": "Item", "description": "Description",
        "quantity": "Agreed Qty", "unit": "UOM", "unit_price": "Agreed Price", "amount": "Line Limit",
    },
    "change-order-ca": {
        "title": "PURCHASE ORDER CHANGE NOTICE", "po_number": "Purchase Order", "order_date": "Change Date",
        "vendor": "To (Supplier)", "buyer": "From", "ship": "Ship To", "payment_terms": "Terms",
        "contact": "Buyer", "revision": "Revision", "supersedes": "This revision supersedes", "change": "Change",
        "previous": "Previous order value", "subtotal": "Revised subtotal", "tax": "HST 13%",
        "total": "Revised order total", "line_no": "Line", "sku": "Part", "description": "Description",
        "quantity": "Qty", "unit": "U/M", "unit_price": "Unit Price", "amount": "Ext. Price", "tax_id": "BN",
    },
    "freight-handling-us": {
        "title": "Purchase Order", "po_number": "P.O. No.", "order_date": "Date", "vendor": "Vendor",
        "buyer": "", "ship": "Ship To", "payment_terms": "Terms", "contact": "Rep", "ship_via": "Ship Via",
        "subtotal": "Subtotal", "discount": "Discount", "freight": "Freight", "handling": "Handling",
        "tax": "Sales Tax (7.5%)", "total": "Total", "sku": "Item", "description": "Description",
        "quantity": "Qty", "unit_price": "Rate", "amount": "Amount",
    },
    "carbon-form-us": {
        "title": "PURCHASE ORDER", "po_number": "No.", "order_date": "DATE", "vendor": "TO", "buyer": "",
        "ship": "SHIP TO", "payment_terms": "TERMS", "ship_via": "SHIP VIA", "need": "DATE REQUIRED",
        "subtotal": "SUBTOTAL", "tax": "TAX", "total": "TOTAL", "quantity": "QUANTITY",
        "description": "DESCRIPTION", "unit_price": "UNIT PRICE", "amount": "AMOUNT",
    },
    "innkjop-no": {
        "title": "INNKJØPSORDRE", "po_number": "Ordrenr.", "order_date": "Ordredato", "vendor": "Leverandør",
        "buyer": "", "ship": "Leveringsadresse", "payment_terms": "Betalingsbetingelser",
        "contact": "Vår referanse", "need": "Ønsket levert", "subtotal": "Sum eks. mva", "tax": "Mva 25 %",
        "total": "Totalt å betale", "sku": "Varenr.", "description": "Beskrivelse", "quantity": "Antall",
        "unit": "Enhet", "unit_price": "Pris", "amount": "Sum", "tax_id": "Org.nr.",
    },
    "ostotilaus-fi": {
        "title": "OSTOTILAUS", "po_number": "Tilausnumero", "order_date": "Päivämäärä", "vendor": "Toimittaja",
        "buyer": "Tilaaja", "ship": "Toimitusosoite", "payment_terms": "Maksuehto", "contact": "Yhteyshenkilö",
        "need": "Toivottu toimituspäivä", "subtotal": "Veroton yhteensä", "tax": "ALV yhteensä",
        "total": "Verollinen yhteensä", "line_no": "Rivi", "sku": "Tuotekoodi", "description": "Nimike",
        "quantity": "Määrä", "unit": "Yks.", "unit_price": "À-hinta", "tax_rate": "ALV %", "amount": "Yhteensä",
        "tax_id": "Y-tunnus",
    },
    "objednavka-cz": {
        "title": "OBJEDNÁVKA", "po_number": "Číslo objednávky", "order_date": "Datum vystavení",
        "vendor": "Dodavatel", "buyer": "Odběratel", "ship": "Místo dodání", "payment_terms": "Splatnost",
        "contact": "Vyřizuje", "need": "Termín dodání", "subtotal": "Celkem bez DPH", "tax": "DPH celkem",
        "total": "Celkem k úhradě", "line_no": "Č.", "description": "Název položky", "quantity": "Množství",
        "unit": "MJ", "unit_price": "Cena za MJ", "tax_rate": "DPH", "amount": "Celkem bez DPH",
        "tax_id": "DIČ", "ico": "IČO",
    },
}  # fmt: skip

MONTHS3 = {
    "de": ["Jänner", "Februar", "März", "April", "Mai", "Juni", "Juli", "August", "September", "Oktober",
           "November", "Dezember"],
    "nl": ["januari", "februari", "maart", "april", "mei", "juni", "juli", "augustus", "september", "oktober",
           "november", "december"],
    "pt": ["janeiro", "fevereiro", "março", "abril", "maio", "junho", "julho", "agosto", "setembro", "outubro",
           "novembro", "dezembro"],
    "en": ["January", "February", "March", "April", "May", "June", "July", "August", "September", "October",
           "November", "December"],
}  # fmt: skip


def format_day3(day: date, style: str, lang: str, country: str = "") -> str:
    """A date as the family prints it: '05-Mar-2026', '2026/03/05', '5. März 2026', '5.3.2026', '5. 3. 2026'."""
    d, m, y = day.day, day.month, day.year
    if style == "d_month":
        months = MONTHS3.get(lang, MONTHS3["en"])
        month = months[m - 1] if not (lang == "de" and country != "AT" and m == 1) else "Januar"
        return {"de": f"{d}. {month} {y}", "pt": f"{d} de {month} de {y}"}.get(lang, f"{d} {month} {y}")
    if style in {"d_mon_dash", "ymd_slash", "dmy_bare", "dmy_space", "mdy_short", "dmy_dash"}:
        return {
            "d_mon_dash": f"{d:02d}-{MONTHS3['en'][m - 1][:3]}-{y}", "ymd_slash": f"{y}/{m:02d}/{d:02d}",
            "dmy_bare": f"{d}.{m}.{y}", "dmy_space": f"{d}. {m}. {y}", "mdy_short": f"{m:02d}/{d:02d}/{y % 100:02d}",
            "dmy_dash": f"{d:02d}-{m:02d}-{y}",
        }[style]  # fmt: skip
    return format_day(day, style, "en")


# ---------------------------------------------------------------- parties

COMPANIES = {
    "DE": (["Brückner", "Hellweg", "Sauerland", "Pfeiffer & Kolb"], ["Antriebstechnik", "Kunststoffwerk",
           "Elektro"], ["GmbH", "GmbH & Co. KG", "AG"]),
    "AT": (["Hinterberger", "Wachauer", "Steirische", "Pichler"], ["Bürotechnik", "Metallbau", "Handels"],
           ["GmbH", "Ges.m.b.H."]),
    "BE": (["Vandenbroucke", "Dumoulin", "Verhaegen", "Lambrechts"], ["Logistics", "Techniek", "Industries"],
           ["BV", "SA", "NV"]),
    "IE": (["Kilbride", "Shannonside", "Connemara", "Donnelly"], ["Engineering", "Medical Supplies", "Systems"],
           ["Limited", "DAC", "Ltd"]),
    "NZ": (["Kowhai", "Tasman Bay", "Rimutaka", "Pohutukawa"], ["Hardware", "Refrigeration", "Print"],
           ["Limited", "Ltd"]),
    "US": (["Cedar Hollow", "Brightwater", "Kessler & Voss", "Old Mill"], ["Supply", "Manufacturing",
           "Electric"], ["Inc.", "LLC", "Corp."]),
    "SG": (["Tanjong Pagar", "Sembawang", "Lion City", "Kallang"], ["Engineering", "Trading", "Marine"],
           ["Pte. Ltd.", "Pte Ltd"]),
    "NL": (["Van der Heijden", "Groenewoud", "De Vries", "Bosman"], ["Installatietechniek", "Verpakkingen",
           "Kantoorinrichting"], ["B.V."]),
    "CH": (["Favre", "Jaquet-Droz", "Rochat", "Léman"], ["Mécanique", "Horlogerie", "Électronique"], ["SA", "Sàrl"]),
    "IT": (["Bertolini", "Ferraresi", "Colombo", "Sartori"], ["Meccanica", "Forniture Industriali", "Imballaggi"],
           ["S.r.l.", "S.p.A."]),
    "CA": (["Laurentian", "Fraser Valley", "Algonquin", "Bayfield"], ["Fabrication", "Industrial", "Controls"],
           ["Inc.", "Ltd."]),
    "NO": (["Fjellstad", "Haugland", "Nordvik", "Solberg"], ["Mekaniske", "Elektro", "Bygg"], ["AS", "ASA"]),
    "FI": (["Kivelä", "Järvinen", "Pohjolan", "Mäkelä"], ["Konepaja", "Sähkö", "Teollisuus"], ["Oy", "Oyj"]),
    "CZ": (["Novák", "Dvořák", "Horácko", "Vltava"], ["Strojírna", "Elektro", "Obaly"], ["s.r.o.", "a.s."]),
    "BR": (["Andrade", "Paraná", "Itapuã", "Moreira"], ["Serviços Técnicos", "Manutenção", "Tecnologia"],
           ["Ltda.", "S.A."]),
}  # fmt: skip
CITIES = {
    "DE": [("Kassel", "34117", "Wilhelmsstraße"), ("Bielefeld", "33602", "Niedernstraße")],
    "AT": [("Wien", "1030", "Landstraßer Hauptstraße"), ("Linz", "4020", "Landstraße")],
    "BE": [("Gent", "9000", "Kortrijksesteenweg"), ("Liège", "4000", "Boulevard d'Avroy")],
    "IE": [("Galway", "H91 E2K3", "Eyre Square"), ("Cork", "T12 RX2C", "South Mall")],
    "NZ": [("Hamilton", "3204", "Victoria Street"), ("Nelson", "7010", "Trafalgar Street")],
    "US": [("Dayton", "OH 45402", "Main Street"), ("Boise", "ID 83702", "Idaho Street")],
    "SG": [("Singapore", "609601", "Jurong Gateway Road"), ("Singapore", "339696", "Kallang Avenue")],
    "NL": [("Utrecht", "3511 AA", "Oudegracht"), ("Eindhoven", "5611 AB", "Stratumseind")],
    "CH": [("Lausanne", "1003", "Rue de Bourg"), ("Neuchâtel", "2000", "Rue du Seyon")],
    "IT": [("Bergamo", "24121", "Via XX Settembre"), ("Modena", "41121", "Via Emilia Centro")],
    "CA": [("Mississauga", "ON L5B 1M2", "Hurontario Street"), ("Kelowna", "BC V1Y 1Z4", "Bernard Avenue")],
    "NO": [("Bergen", "5003", "Strandgaten"), ("Stavanger", "4006", "Kirkegata")],
    "FI": [("Tampere", "33100", "Hämeenkatu"), ("Oulu", "90100", "Kirkkokatu")],
    "CZ": [("Brno", "602 00", "Masarykova"), ("Plzeň", "301 00", "Americká")],
    "BR": [("Curitiba - PR", "CEP 80010-000", "Rua XV de Novembro"), ("Campinas - SP", "CEP 13010-000",
           "Av. Francisco Glicério")],
}  # fmt: skip
COUNTRY_WORDS = {"DE": "Deutschland", "AT": "Österreich", "BE": "Belgium", "IE": "Ireland", "NZ": "New Zealand",
                 "US": "USA", "SG": "Singapore", "NL": "Nederland", "CH": "Suisse", "IT": "Italia",
                 "CA": "Canada", "NO": "Norge", "FI": "Suomi", "CZ": "Česká republika", "BR": "Brasil"}  # fmt: skip


def tax_id3(rng: random.Random, country: str) -> str:
    """A tax id with a valid check digit, printed the way the country writes it (some bodies have no valid check
    digit: another is drawn)."""
    for _ in range(50):
        try:
            return _tax_id3(rng, country)
        except ValueError:
            continue
    raise RuntimeError(country)


def _tax_id3(rng: random.Random, country: str) -> str:
    if country in {"DE", "AT", "NL", "BE"}:
        return eu_vat_id(rng, country)
    if country == "IT":
        return eu_vat_id(rng, country)[2:]  # 'P.IVA 01234567890': the digits without the prefix
    if country in {"US", "CA"}:
        return tax_id(rng, country) or ""
    if country == "IE":
        return "IE" + _check_search(rng, _digits(rng, 7), string.ascii_uppercase, ie_vat.is_valid)
    if country == "NZ":
        return str(ird.format(_check_search(rng, _digits(rng, 7), string.digits, ird.is_valid)))
    if country == "SG":
        body = f"{rng.randrange(1995, 2022)}{_digits(rng, 5)}"
        return _check_search(rng, body, string.ascii_uppercase, uen.is_valid)
    if country == "CH":
        return str(ch_uid.format(_check_search(rng, "CHE" + _digits(rng, 8), string.digits, ch_uid.is_valid)))
    if country == "NO":
        number = _check_search(rng, "9" + _digits(rng, 7), string.digits, orgnr.is_valid)
        return f"NO {number[:3]} {number[3:6]} {number[6:]} MVA"
    if country == "FI":
        number = _check_search(rng, _digits(rng, 7), string.digits, ytunnus.is_valid)
        return f"{number[:7]}-{number[7]}"
    if country == "CZ":
        return "CZ" + _check_search(rng, _digits(rng, 7), string.digits, cz_dic.is_valid)
    if country == "BR":
        body = _digits(rng, 8) + "0001"
        return str(cnpj.format(body + cnpj.calc_check_digits(body)))
    raise ValueError(country)


def make_party3(rng: random.Random, country: str, avoid: str = "", label: str | None = None) -> BlindParty:
    stems, trades, forms = COMPANIES[country]
    stem = rng.choice([s for s in stems if not avoid.startswith(s)])
    name = f"{stem} {rng.choice(trades)} {rng.choice(forms)}"
    city, post, street = rng.choice(CITIES[country])
    n = rng.randrange(2, 180)
    if country in {"US", "IE", "NZ", "SG", "CA"}:
        street_line, city_line = f"{n} {street}", f"{city} {post}"
    elif country == "BR":
        street_line, city_line = f"{street}, {n}", f"{city}, {post}"
    else:
        street_line, city_line = f"{street} {n}", f"{post} {city}"
    return BlindParty(name, street_line, city_line, COUNTRY_WORDS[country], label, tax_id3(rng, country))


# ---------------------------------------------------------------- order values

PRODUCTS: dict[str, list[tuple[str, str]]] = {
    "de": [("Rillenkugellager 6205-2RS C3", "ST"), ("Zahnriemen HTD 8M-1200, Breite 30 mm", "ST"),
           ("Hydraulikschlauch DN10 2SN, konfektioniert 1,5 m", "ST"), ("Schutzhandschuhe Nitril Gr. 9", "PAA"),
           ("Kabelkanal 60x40 grau, 2 m", "M"), ("Sechskantschraube DIN 933 M8x25 verzinkt", "ST"),
           ("Druckluftkupplung NW 7,2", "ST"), ("Reinigungstücher, Karton à 500", "KAR")],
    "en": [("Stainless hex bolt M10 x 40, A4-80", "EA"), ("Nitrile examination gloves, box of 100", "BX"),
           ("Safety glasses, clear lens, anti-fog", "EA"), ("Pallet wrap 500mm x 300m, 23 micron", "RL"),
           ("LED high bay 150W, 5000K, IP65", "EA"), ("Hydraulic filter element 10 micron", "EA"),
           ("Cat6 patch cable 2m, blue", "EA"), ("Cleaning solvent, 5 L drum", "DR")],
    "nl": [("Kantoorstoel met armleuningen, zwart", "st"), ("Bureaulamp LED dimbaar", "st"),
           ("Kopieerpapier A4 80 g, doos à 5 pakken", "ds"), ("Whiteboard 120 x 90 cm, magnetisch", "st"),
           ("Archiefdoos karton, pak à 50", "pk")],
    "fr": [("Roulement à billes 6204-ZZ", "pce"), ("Vis inox A2 M6x20, boîte de 200", "bte"),
           ("Gants de protection cuir, taille 10", "paire"), ("Ressort de compression acier 12 mm", "pce"),
           ("Huile de coupe soluble, bidon 20 l", "bid")],
    "it": [("Cuscinetto a sfere 6206-2RS", "PZ"), ("Guarnizione OR 40x3 NBR", "PZ"),
           ("Nastro adesivo in PVC 50 mm", "RT"), ("Vite TE M12x60 zincata", "PZ"), ("Olio idraulico ISO 46", "LT")],
    "no": [("Arbeidshansker str. 10", "par"), ("Skrue rustfri A4 M6x30", "stk"), ("Kabelstige 200 mm", "m"),
           ("Vernebriller klar", "stk"), ("Festemiddel universal 400 ml", "stk")],
    "fi": [("Kuulalaakeri 6203-2Z", "kpl"), ("Suojakäsine nitriili koko 9", "pari"), ("Kaapelikouru 100 mm", "m"),
           ("Ruuvi RST A2 M5x16", "kpl"), ("Voiteluöljy ISO 68, 20 l", "kan")],
    "cs": [("Ložisko kuličkové 6205-2Z", "ks"), ("Pracovní rukavice máčené", "pár"), ("Kabelový žlab 50x50", "m"),
           ("Šroub šestihranný M10x50", "ks"), ("Hydraulický olej HM 46", "l")],
}  # fmt: skip
SERVICES = [("Site survey", "hr"), ("Installation labour", "hr"), ("Commissioning and handover", "hr")]
PAYMENT_TERMS: dict[str, list[tuple[str, int]]] = {
    "de": [("14 Tage 2 % Skonto, 30 Tage netto", 30), ("30 Tage netto", 30)],
    "at": [("zahlbar innerhalb 30 Tagen netto", 30), ("14 Tage 3 % Skonto, 45 Tage netto", 45)],
    "en": [("Net 30", 30), ("30 days end of month", 30), ("Net 45 days", 45)],
    "nz": [("20th of the month following invoice", 20), ("7 days", 7)],
    "nl": [("30 dagen na factuurdatum", 30), ("14 dagen netto", 14)],
    "fr": [("30 jours net", 30), ("60 jours fin de mois", 60)],
    "it": [("Bonifico bancario 60 gg d.f.f.m.", 60), ("RiBa 30 gg d.f.", 30)],
    "no": [("30 dager netto", 30), ("14 dager", 14)],
    "fi": [("14 pv netto", 14), ("30 päivää netto", 30)],
    "cs": [("14 dní", 14), ("30 dnů od vystavení faktury", 30)],
}  # fmt: skip
TAX_RATES = {"DE": "19", "AT": "20", "BE": "21", "IE": "23", "NZ": "15", "US": "7.5", "SG": "9", "NL": "21",
             "CH": "8.1", "IT": "22", "CA": "13", "NO": "25", "FI": "25.5", "CZ": "21"}  # fmt: skip
REDUCED = {"DE": "7", "FI": "14", "CZ": "12", "BE": "6", "SG": "9"}
CONTACTS = ["S. Brandauer", "K. O'Rourke", "M. Tanaka", "L. Verbeke", "H. Lindqvist", "R. Moretti", "J. Novotná"]


def _products(fam: Blind3Family) -> list[tuple[str, str]]:
    pool = PRODUCTS.get(fam.lang, PRODUCTS["en"])
    return [(d.upper(), u) for d, u in pool] if fam.header == "mono" else pool


def _terms(fam: Blind3Family) -> list[tuple[str, int]]:
    key = {"AT": "at", "NZ": "nz"}.get(fam.country, fam.lang)
    terms = PAYMENT_TERMS.get(key, PAYMENT_TERMS["en"])
    return [(t.upper(), d) for t, d in terms] if fam.header == "mono" else terms


def _sku(rng: random.Random, fam: Blind3Family) -> str:
    n = rng.randrange(10**5, 10**7)
    return {
        "sap-sublines-de": f"{rng.randrange(10**7, 10**8)}", "odoo-be": f"[FURN_{n % 10000:04d}]",
        "d365-ie": f"A{n % 10000:04d}", "sage-banner-nz": f"{rng.choice(['HW', 'RF', 'PR'])}{n % 1000:03d}",
        "greenbar-us": f"{n % 1000000:06d}-{rng.randrange(10, 99)}",
        "landscape-sg": f"{rng.choice(['SGP', 'MRN'])}-{n % 100000:05d}-{rng.choice('ABC')}",
        "sidebar-nl": f"{n % 1000000:06d}", "commande-ch": f"{n % 1000:03d}.{n // 1000 % 1000:03d}",
        "sconti-it": f"{rng.choice(['CUS', 'GUA', 'VIT'])}{n % 10000:04d}",
        "blanket-us": f"{rng.choice(['JAN', 'MRO'])}-{n % 10000:04d}",
        "change-order-ca": f"{n % 100000:05d}-{rng.randrange(1, 9)}",
        "freight-handling-us": f"{rng.choice(['Parts', 'Supplies'])}:{n % 1000:03d}", "innkjop-no": f"{n % 100000}",
        "ostotilaus-fi": f"{n % 1000000:06d}",
    }.get(fam.name, f"{n % 100000:05d}")  # fmt: skip


def _number(rng: random.Random, fam: Blind3Family, year: int) -> str:
    return {
        "sap-sublines-de": f"45000{rng.randrange(10000, 99999)}",
        "uebertrag-at": f"B-{year}-{rng.randrange(1, 999):04d}",
        "odoo-be": f"P{rng.randrange(1, 99999):05d}", "d365-ie": f"PO-{rng.randrange(10**5, 10**6):06d}",
        "sage-banner-nz": f"PO{rng.randrange(1000, 99999):05d}",
        "greenbar-us": f"{rng.randrange(10**7, 10**8):08d}",
        "landscape-sg": f"PO/{year % 100:02d}{rng.randrange(1, 12):02d}/{rng.randrange(1, 9999):04d}",
        "sidebar-nl": f"IO{year}-{rng.randrange(100, 9999)}",
        "commande-ch": f"{rng.randrange(100, 999)}-{rng.randrange(1000, 9999)}",
        "sconti-it": f"{rng.randrange(1, 999)}/{year}", "blanket-us": f"BPA-{rng.randrange(1000, 9999)}",
        "change-order-ca": f"{rng.randrange(10000, 99999)}", "freight-handling-us": f"{rng.randrange(1001, 9999)}",
        "carbon-form-us": f"{rng.randrange(1000, 99999):05d}", "innkjop-no": f"{rng.randrange(20000, 99999)}",
        "ostotilaus-fi": f"{rng.randrange(100000, 999999)}",
        "objednavka-cz": f"OBJ{year}{rng.randrange(1, 9999):04d}",
    }[fam.name]  # fmt: skip


def sample_po3(rng: random.Random, fam: Blind3Family) -> BlindPO:
    label = PO_CAPTIONS[fam.name].get("tax_id")
    buyer = make_party3(rng, fam.country, label=label)
    vendor = make_party3(rng, fam.country, avoid=buyer.name, label=label)
    ship = make_party3(rng, fam.country)
    ship.name = buyer.name
    if fam.header == "mono":
        for party in (buyer, vendor, ship):
            party.name, party.street, party.city = party.name.upper(), party.street.upper(), party.city.upper()
    n = rng.randrange(*fam.lines)
    pool = _products(fam)
    rate_tax = Decimal(TAX_RATES[fam.country])
    lines = []
    for k in range(n):
        desc, unit = pool[k % len(pool)] if n <= len(pool) else rng.choice(pool)
        if fam.name == "carbon-form-us" and rng.random() < 0.3:
            desc, unit = rng.choice(SERVICES)
        qty = Decimal(rng.choice([1, 2, 2, 3, 4, 5, 6, 8, 10, 12, 20, 25, 50, 100, 250]))
        if unit in {"M", "m", "LT", "l", "hr"} and rng.random() < 0.5:
            qty = Decimal(rng.randrange(5, 400)) / 2
        price = q2(Decimal(rng.randrange(90, 60000 if fam.currency not in {"NOK", "CZK"} else 400000)) / 100)
        disc: Decimal | None = None
        factor = Decimal(1)
        if "discount_pct" in fam.columns:
            d1 = Decimal(rng.choice([0, 0, 5, 10, 20]))
            d2 = Decimal(rng.choice([0, 0, 5, 3])) if "cascade" in fam.extras and d1 else Decimal(0)
            disc = d1
            factor = (1 - d1 / 100) * (1 - d2 / 100)
            if d2:
                disc = d1 + d2 / 100  # 10.05 stands for '10+5' in the drawing; the truth does not carry it
        rate = None
        if "tax_rate" in fam.columns:
            rate = Decimal(REDUCED[fam.country]) if fam.country in REDUCED and rng.random() < 0.25 else rate_tax
        amount = q2(qty * price * factor)
        lines.append(POLine(_sku(rng, fam) if "sku" in fam.columns else None, desc, qty,
                            unit if ("unit" in fam.columns or "qtyunit" in fam.extras) else None, price, disc, rate,
                            amount))  # fmt: skip
    discount_pct = Decimal(rng.choice([2, 5])) if fam.totals == "charges3" else Decimal(0)
    freight = Decimal("0.00")
    if fam.totals in {"charges", "charges3"}:
        freight = q2(Decimal(rng.randrange(1500, 30000)) / 100)
    year = rng.randrange(2024, 2028)
    head = (_number(rng, fam, year), date(year, 1, 1) + timedelta(days=rng.randrange(0, 364)), buyer, vendor, ship,
            rng.choice(_terms(fam)))  # fmt: skip
    return priced_order(*head, lines, discount_pct, freight, rate_tax, "tax_rate" in fam.columns, fam.totals != "none")


# ---------------------------------------------------------------- drawing

Col = tuple[str, float, float, str]
HAND_INK = (0.12, 0.16, 0.5)


class PO3Writer(_Sheet2):
    """Draws one purchase order of a set-3 family; every word that shows a truth value is tagged."""

    def __init__(self, rng: random.Random, fam: Blind3Family, model: BlindPO) -> None:
        size = {"mono": 8.0, "form": 8.0}.get(fam.header, rng.choice([8.0, 8.5]))
        if "carry" in fam.extras:
            size = 7.5
        super().__init__(rng, fam, size)
        if "landscape" in fam.extras:
            self.pw, self.ph = self.ph, self.pw
            self.pages.clear()
            self.new_page()
        self.m, self.c = model, PO_CAPTIONS[fam.name]
        self.table_tops: list[tuple[Any, float]] = []
        self.hand = font("Z003-MediumItalic")
        self.due = model.order_date + timedelta(days=rng.randrange(7, 50))

    # ------------------------------------------------ small pieces
    def day3(self, value: date) -> str:
        return format_day3(value, self.fam.dates, self.fam.lang, self.fam.country)

    def who(self) -> str:
        who = self.rng.choice(CONTACTS)
        return who.upper() if self.fam.header == "mono" else who

    def pct(self, value: Decimal) -> str:
        return self.qty(value).rstrip()

    def info(self) -> list[tuple[str, str, str | None]]:
        """(caption, value, tag) rows of the order's key facts, the family's extras among them."""
        m, c = self.m, self.c
        rows: list[tuple[str, str, str | None]] = []
        if c.get("po_number"):
            rows.append((c["po_number"], m.number, "po_number"))
        if c.get("order_date"):
            rows.append((c["order_date"], self.day3(m.order_date), "order_date"))
        if "revision" in c:
            rows.append((c["revision"], "2", None))
        if "need" in c:
            rows.append((c["need"], self.day3(self.due), None))
        if "valid" in c:
            end = m.order_date + relativedelta(years=1) - timedelta(days=1)
            rows.append((c["valid"], f"{self.day3(m.order_date)} - {self.day3(end)}", None))
        if "releases" in c:
            rows.append((c["releases"], "Release orders against this agreement", None))
        rows.append((c["payment_terms"], m.terms[0], "payment_terms"))
        if "currency" in c:
            rows.append((c["currency"], self.fam.currency, "currency"))
            self.currency_shown = True
        if "ship_via" in c:
            rows.append((c["ship_via"], self.rng.choice(["UPS GROUND", "BEST WAY", "FEDEX 2DAY"]), None))
        if "incoterms" in c:
            rows.append((c["incoterms"], self.rng.choice(["DAP Singapore", "FCA Jurong"]), None))
        if "delivery" in c:
            rows.append((c["delivery"], self.rng.choice(["Road", "Courier"]), None))
        if "contact" in c:
            rows.insert(min(2, len(rows)), (c["contact"], self.who(), None))
        return rows

    def kv(self, rows: list[tuple[str, str, str | None]], x: float, value_x: float, y: float,
           scale: float = 1.0) -> float:  # fmt: skip
        for caption, value, tag in rows:
            self.t(x, y + self.size, caption, scale=scale, grey=True)
            ent = Entity(tag) if tag else None
            for line in wrap(value, self.f.regular, self.size * scale, self.right - value_x):
                self.t(value_x, y + self.size, line, entity=ent, scale=scale)
                y += self.lead * scale
        return y

    def above(self, rows: list[tuple[str, str, str | None]], x0: float, x1: float, y: float, per_row: int,
              boxed: bool) -> float:  # fmt: skip
        """Captions small and grey above their values, at most ``per_row`` cells a row, fewer where a value
        would not fit its cell."""
        widest = max(max(width(v, self.f.regular, self.size), width(c, self.f.regular, self.size * 0.75))
                     for c, v, _ in rows)  # fmt: skip
        per_row = max(1, min(per_row, int((x1 - x0) // (widest + 12))))
        w = (x1 - x0) / per_row
        for k, (caption, value, tag) in enumerate(rows):
            cx, cy = x0 + (k % per_row) * w, y + (k // per_row) * self.lead * 2.6
            if boxed:
                self.page.rect(cx, cy, w, self.lead * 2.6, line_width=0.4)
            self.t(cx + 3, cy + self.size * 0.9, caption, scale=0.75, grey=True)
            self.t(cx + 3, cy + self.lead * 1.0 + self.size, value, tag)
        return y + ((len(rows) + per_row - 1) // per_row) * self.lead * 2.6 + self.lead

    def tax_pair(self, x: float, y: float, party: BlindParty, tag: str, align: str = "left") -> float:
        if not party.tax_id:
            return y
        cap = f"{self.c['tax_id']}"
        cap = cap if cap.endswith(":") else cap + ":"
        if align == "right":
            w = self.t(x, y + self.size, party.tax_id, tag, align="right", scale=0.9)
            self.t(x - w - 4, y + self.size, cap, align="right", scale=0.9)
        else:
            self.pair(x, y + self.size, cap, party.tax_id, tag, scale=0.9, bold_caption=False)
        return y + self.lead

    # ------------------------------------------------ headers
    def head_window(self) -> None:
        m, c, fam = self.m, self.c, self.fam
        right_window = "window_right" in fam.extras
        half = (self.pw) / 2
        lx, rx = (half + 10, self.left) if right_window else (self.left, half + 10)
        # the buyer's letterhead across the top
        self.t(rx if not right_window else self.left, self.y + self.size * 1.6, m.buyer.name, "buyer_name",
               bold=True, scale=1.5)  # fmt: skip
        self.y += self.lead * 2
        self.t(self.left, self.y + self.size, f"{m.buyer.street} · {m.buyer.city} · {m.buyer.country}", scale=0.8,
               grey=True)  # fmt: skip
        self.y += self.lead * 2.5
        top = self.y
        # the address window: a sender line, then the vendor
        self.t(lx, top + self.size * 0.7, f"{m.buyer.name}, {m.buyer.street}, {m.buyer.city}", scale=0.6, grey=True)
        self.page.line(lx, top + self.size, lx + 230, top + self.size, 0.3)
        y = self.block(lx, top + self.lead * 1.2, 230, c.get("vendor") or None, m.vendor, "vendor_name",
                       "vendor_tax" in fam.extras)  # fmt: skip
        # the title and the facts on the other side
        self.t(rx, top + self.size * 1.8, c["title"], bold=True, scale=1.8)
        info = self.info()
        if fam.name == "sap-sublines-de":  # SAP prints number and date on one line under one caption
            info = [(c["po_number"], f"{m.number} / {self.day3(m.order_date)}", None)] + [
                r for r in info if r[2] not in {"po_number", "order_date"}]  # fmt: skip
            iy = top + self.lead * 2.5
            self.t(rx, iy + self.size, c["po_number"], scale=0.9, grey=True)
            w = self.t(rx, iy + self.lead + self.size, m.number, "po_number")
            self.t(rx + w, iy + self.lead + self.size, " /", scale=1.0)
            self.t(rx + w + width(" / ", self.f.regular, self.size), iy + self.lead + self.size,
                   self.day3(m.order_date), "order_date")  # fmt: skip
            iy += self.lead * 2.2
            info = info[1:]
            info.insert(1, (c["supplier_no"], str(self.rng.randrange(100000, 999999)), None))
            for caption, value, tag in info:
                self.t(rx, iy + self.size, caption, scale=0.9, grey=True)
                self.t(rx, iy + self.lead + self.size, value, tag)
                iy += self.lead * 2.2
        else:
            iy = self.kv(info, rx, rx + 110, top + self.lead * 2.5)
        self.y = max(y, iy) + self.lead
        if "ship" in c:
            ship = m.ship_to
            text = f"{c['ship']}: {ship.name}, {ship.street}, {ship.city}"
            for line in wrap(text, self.f.regular, self.size, self.right - self.left):
                self.t(self.left, self.y + self.size, line)
                self.y += self.lead
        self.y += self.lead

    def head_letter(self) -> None:
        m, c, fam = self.m, self.c, self.fam
        draw_logo(self.page, self.rng, self.left, self.y, self.size * 3.5)
        self.t(self.right, self.y + self.size * 1.5, m.buyer.name, "buyer_name", bold=True, scale=1.4, align="right")
        self.y += self.lead * 1.8
        for line in (m.buyer.street, f"{m.buyer.city}, {m.buyer.country}"):
            self.t(self.right, self.y + self.size, line, align="right", scale=0.9)
            self.y += self.lead
        if "buyer_tax" in fam.extras and m.buyer.tax_id:
            self.y = self.tax_pair(self.right, self.y, m.buyer, "buyer_tax_id", align="right")
        self.y += self.lead
        top = self.y
        vy = self.block(self.left, top, 240, c.get("vendor") or None, m.vendor, "vendor_name",
                        "vendor_tax" in fam.extras)  # fmt: skip
        x = self.pw / 2 + 20
        if c["title"].endswith("Nr."):  # 'BESTELLUNG Nr. B-2026-0042' as the heading
            w = self.t(x, top + self.size * 1.4, c["title"], bold=True, scale=1.4)
            self.t(x + w + 5, top + self.size * 1.4, m.number, "po_number", bold=True, scale=1.4)
        else:
            self.t(x, top + self.size * 1.4, c["title"], bold=True, scale=1.4)
        iy = self.kv(self.info(), x, x + 105, top + self.lead * 2)
        if "supersedes" in c:
            old = self.day3(m.order_date - timedelta(days=self.rng.randrange(10, 60)))
            note = f"{c['supersedes']} revision 1 of {old} in full. Changed lines are marked."
            for line in wrap(note, self.f.italic, self.size, self.right - x):
                self.t(x, iy + self.size, line, italic=True)
                iy += self.lead
        self.y = max(vy, iy) + self.lead
        if "ship" in c:
            self.y = self.block(self.left, self.y, 240, c["ship"], m.ship_to, None) + self.lead

    def head_odoo(self) -> None:
        m, c = self.m, self.c
        draw_logo(self.page, self.rng, self.left, self.y, self.size * 3)
        self.t(self.right, self.y + self.size, m.buyer.name, "buyer_name", bold=True, align="right")
        self.t(self.right, self.y + self.size + self.lead, f"{m.buyer.street}, {m.buyer.city}", align="right",
               scale=0.85)  # fmt: skip
        self.y += self.lead * 3.5
        half = self.left + (self.right - self.left) * 0.55
        sy = self.block(self.left, self.y, 220, c["ship"], m.ship_to, None)
        vy = self.block(half, self.y, self.right - half, None, m.vendor, "vendor_name", True)
        self.y = max(sy, vy) + self.lead
        w = self.t(self.left, self.y + self.size * 1.6, c["title"], bold=True, scale=1.6)
        self.t(self.left + w, self.y + self.size * 1.6, m.number, "po_number", bold=True, scale=1.6)
        self.y += self.lead * 2.4
        rows = [(c["contact"], self.who(), None), (c["order_date"], self.day3(m.order_date), "order_date")]
        self.y = self.above(rows, self.left, self.right, self.y, 3, False)

    def head_stacked(self) -> None:
        m, c, fam = self.m, self.c, self.fam
        self.t(self.left, self.y + self.size * 1.8, c["title"], bold=True, scale=1.8)
        self.t(self.right, self.y + self.size * 1.2, m.buyer.name, "buyer_name", bold=True, scale=1.2, align="right")
        self.y += self.lead * 2
        self.t(self.right, self.y + self.size, f"{m.buyer.street}, {m.buyer.city}", align="right", scale=0.85)
        self.y += self.lead
        if "buyer_tax" in fam.extras:
            if "ico" in c and m.buyer.tax_id:  # the Czech company number: the VAT id's digits
                self.t(self.right - 150, self.y + self.size, f"{c['ico']}: {m.buyer.tax_id[2:]}", scale=0.9,
                       align="right")  # fmt: skip
            self.y = self.tax_pair(self.right, self.y, m.buyer, "buyer_tax_id", align="right")
        self.y += self.lead
        self.y = self.above(self.info(), self.left, self.right, self.y, 4, fam.items == "grid")
        third = (self.right - self.left) / 3
        y1 = self.block(self.left, self.y, third - 8, c["vendor"], m.vendor, "vendor_name", "vendor_tax" in fam.extras)
        y2 = self.block(self.left + third, self.y, third - 8, c["buyer"], m.buyer, None)
        y3 = self.block(self.left + 2 * third, self.y, third - 8, c["ship"], m.ship_to, None) if "ship" in c else 0
        self.y = max(y1, y2, y3) + self.lead

    def head_banner(self) -> None:
        m, c = self.m, self.c
        h = self.lead * 3
        self.page.rect(0, self.y - 10, self.pw, h + 10, stroke=None, fill=(0.16, 0.2, 0.3))
        self.t(self.left, self.y + self.size * 2, c["title"], bold=True, scale=2.0, color=(1, 1, 1))
        self.t(self.right, self.y + self.size * 1.4, m.buyer.name, "buyer_name", bold=True, scale=1.2,
               color=(1, 1, 1), align="right")  # fmt: skip
        self.t(self.right, self.y + self.size * 1.4 + self.lead, f"{m.buyer.street}, {m.buyer.city}",
               color=(0.85, 0.85, 0.9), align="right", scale=0.85)  # fmt: skip
        self.y += h + self.lead
        if m.buyer.tax_id:
            self.y = self.tax_pair(self.right, self.y, m.buyer, "buyer_tax_id", align="right")
        top = self.y
        vy = self.block(self.left, top, 200, c["vendor"], m.vendor, "vendor_name")
        sy = self.block(self.left + 215, top, 170, c["ship"], m.ship_to, None)
        iy = self.kv(self.info(), self.right - 150, self.right - 75, top)
        self.y = max(vy, sy, iy) + self.lead

    def head_sidebar(self) -> None:
        m, c, fam = self.m, self.c, self.fam
        bar = 165.0
        for page in self.pages:
            page.rect(0, 0, bar, self.ph, stroke=None, fill=(0.92, 0.95, 0.93))
        x, y = 18.0, self.margin
        draw_logo(self.page, self.rng, x, y, self.size * 3)
        y += self.size * 4
        name = Entity("buyer_name")
        for line in wrap(m.buyer.name, self.f.bold, self.size, bar - 30):
            self.t(x, y + self.size, line, entity=name, bold=True)
            y += self.lead
        for line in (m.buyer.street, m.buyer.city):
            self.t(x, y + self.size, line, scale=0.85)
            y += self.lead
        self.t(x, y + self.size, f"{c['kvk']} {self.rng.randrange(10**7, 10**8)}", scale=0.85)
        y += self.lead
        if m.buyer.tax_id:
            self.t(x, y + self.size, c["tax_id"], scale=0.8, grey=True)
            self.t(x, y + self.size + self.lead, m.buyer.tax_id, "buyer_tax_id", scale=0.85)
            y += self.lead * 2
        y += self.lead
        for caption, value, tag in self.info():
            self.t(x, y + self.size, caption, scale=0.75, grey=True)
            self.t(x, y + self.size + self.lead * 0.9, value, tag)
            y += self.lead * 2.2
        self.left = bar + 22
        self.t(self.left, self.y + self.size * 2, c["title"], bold=True, scale=2.0)
        self.y += self.lead * 3
        half = (self.right - self.left) / 2
        vy = self.block(self.left, self.y, half - 10, c["vendor"], m.vendor, "vendor_name", "vendor_tax" in fam.extras)
        sy = self.block(self.left + half, self.y, half - 10, c["ship"], m.ship_to, None)
        self.y = max(vy, sy) + self.lead

    def head_strip(self) -> None:
        m, c = self.m, self.c
        self.t(self.left, self.y + self.size * 1.5, m.buyer.name, "buyer_name", bold=True, scale=1.5)
        self.t(self.right, self.y + self.size * 1.8, c["title"], bold=True, scale=1.8, align="right")
        self.y += self.lead * 2
        self.t(self.left, self.y + self.size, f"{m.buyer.street}, {m.buyer.city}", scale=0.85)
        self.y += self.lead
        if m.buyer.tax_id:
            self.y = self.tax_pair(self.left, self.y, m.buyer, "buyer_tax_id")
        self.y += self.lead * 0.5
        rows = self.info()
        top, first_op = self.y, len(self.page.ops)
        self.y = self.above(rows, self.left, self.right, self.y, len(rows), False)
        self.page.rect(self.left, top, self.right - self.left, self.y - top - self.lead, stroke=None,
                       fill=(0.9, 0.92, 0.95))  # fmt: skip
        self.page.ops.insert(first_op, self.page.ops.pop())  # the band goes under its words
        third = (self.right - self.left) / 3
        y1 = self.block(self.left, self.y, third - 10, c["vendor"], m.vendor, "vendor_name", True)
        y2 = self.block(self.left + third, self.y, third - 10, c["buyer"], m.buyer, None)
        y3 = self.block(self.left + 2 * third, self.y, third - 10, c["ship"], m.ship_to, None)
        self.y = max(y1, y2, y3) + self.lead

    def head_qb(self) -> None:
        m, c = self.m, self.c
        self.t(self.left, self.y + self.size * 1.3, m.buyer.name, "buyer_name", bold=True, scale=1.3)
        self.t(self.right, self.y + self.size * 2, c["title"], scale=2.0, align="right")
        self.y += self.lead * 1.6
        for line in (m.buyer.street, m.buyer.city):
            self.t(self.left, self.y + self.size, line)
            self.y += self.lead
        # the small two-cell table under the title: Date | P.O. No.
        x0, w = self.right - 200, 100.0
        top = self.y
        for k, (caption, value, tag) in enumerate([(c["order_date"], self.day3(m.order_date), "order_date"),
                                                    (c["po_number"], m.number, "po_number")]):  # fmt: skip
            self.page.rect(x0 + k * w, top, w, self.lead * 2.4, line_width=0.5)
            self.t(x0 + k * w + w / 2, top + self.size, caption, align="center", scale=0.9)
            self.t(x0 + k * w + w / 2, top + self.lead * 1.1 + self.size, value, tag, align="center")
        self.y = top + self.lead * 3.5
        half = (self.right - self.left) / 2
        boxes: list[tuple[str, BlindParty, str | None]] = [(c["vendor"], m.vendor, "vendor_name"),
                                                            (c["ship"], m.ship_to, None)]  # fmt: skip
        for k, (caption, party, box_tag) in enumerate(boxes):
            self.block(self.left + k * half + 5, self.y + 3, half - 20, caption, party, box_tag, boxed=True,
                       h=self.lead * 6)  # fmt: skip
        self.y += self.lead * 7
        rows = [r for r in self.info() if r[2] not in {"order_date", "po_number"}]
        self.y = self.above(rows, self.left, self.right, self.y, len(rows), True)

    def head_mono(self) -> None:
        m, c = self.m, self.c
        cw = width("M", self.f.regular, self.size)
        col = self._mono_col = lambda n: self.left + n * cw  # noqa: E731
        self.t(col(0), self.y + self.size, m.buyer.name, "buyer_name", bold=True)
        self.t(col(50), self.y + self.size, f"*** {c['title']} ***", bold=True)
        self.y += self.lead
        self.t(col(0), self.y + self.size, m.buyer.street)
        self.y += self.lead
        self.t(col(0), self.y + self.size, m.buyer.city)
        self.y += self.lead * 2
        info = self.info()
        for k, (caption, value, tag) in enumerate(info):
            self.t(col(52), self.y + self.size + k * self.lead, f"{caption:<11}:")
            self.t(col(65), self.y + self.size + k * self.lead, value, tag)
        self.t(col(0), self.y + self.size, f"{c['vendor']}:")
        self.t(col(8), self.y + self.size, f"{self.rng.randrange(10000, 99999)}")
        y = self.y + self.lead
        for k, line in enumerate((m.vendor.name, m.vendor.street, m.vendor.city)):
            self.t(col(2), y + self.size, line, "vendor_name" if k == 0 else None)
            y += self.lead
        y += self.lead
        self.t(col(0), y + self.size, f"{c['ship']}:")
        for k, line in enumerate((m.ship_to.name, m.ship_to.street, m.ship_to.city)):
            self.t(col(2), y + self.lead * (k + 1) + self.size, line)
        self.y = max(y + self.lead * 4, self.y + self.lead * len(info)) + self.lead

    def head_form(self) -> None:
        m, c = self.m, self.c
        self.t(self.pw / 2, self.y + self.size * 2, c["title"], bold=True, scale=2.0, align="center")
        self.t(self.right - 70, self.y + self.size * 2, c["po_number"], bold=True, scale=1.2)
        self.hand_text(self.right - 45, self.y + self.size * 2, m.number, "po_number", color=(0.7, 0.1, 0.1))
        self.y += self.lead * 3
        self.hand_text(self.left, self.y + self.size, m.buyer.name, "buyer_name", scale=1.4)
        self.y += self.lead * 1.6
        self.hand_text(self.left, self.y + self.size, f"{m.buyer.street}, {m.buyer.city}")
        self.page.line(self.left, self.y + self.size + 3, self.pw / 2, self.y + self.size + 3, 0.3)
        self.y += self.lead * 2
        half = (self.right - self.left) / 2
        for k, (caption, party, tag) in enumerate([(c["vendor"], m.vendor, "vendor_name"), (c["ship"], m.ship_to,
                                                   None)]):  # fmt: skip
            x = self.left + k * half
            self.page.rect(x, self.y, half - 6, self.lead * 5.5, line_width=0.6)
            self.t(x + 3, self.y + self.size * 0.9, caption, bold=True, scale=0.75)
            for j, line in enumerate((party.name, party.street, party.city)):
                self.hand_text(x + 30, self.y + self.lead * (j + 1.5), line, tag if j == 0 else None)
        self.y += self.lead * 6.5
        rows = [(c["order_date"], self.day3(m.order_date), "order_date"), (c["need"], self.day3(self.due), None),
                (c["ship_via"], self.rng.choice(["UPS", "Will call", "Truck"]), None),
                (c["payment_terms"], m.terms[0], "payment_terms")]  # fmt: skip
        w = (self.right - self.left) / len(rows)
        for k, (caption, value, tag) in enumerate(rows):
            x = self.left + k * w
            self.page.rect(x, self.y, w, self.lead * 2.8, line_width=0.6)
            self.t(x + 3, self.y + self.size * 0.9, caption, bold=True, scale=0.7)
            self.hand_text(x + 6, self.y + self.lead * 2.1, value, tag)
        self.y += self.lead * 3.8

    def hand_text(self, x: float, y: float, s: str, tag: str | None = None, *, row: int | None = None,
                  scale: float = 1.25, align: str = "left",
                  color: tuple[float, float, float] = HAND_INK) -> float:  # fmt: skip
        ent = Entity(tag, row=row) if tag else None
        return self.page.text(x, y, s, self.hand, self.size * scale, ent, align=align, color=color, row=row)

    # ------------------------------------------------ the table
    def bottom(self) -> float:
        return self.ph - self.margin - self.lead * 2

    def columns(self) -> list[Col]:
        weights = {"line_no": 0.05, "sku": 0.12, "description": 0.0, "quantity": 0.1, "unit": 0.06,
                   "unit_price": 0.12, "amount": 0.13, "discount_pct": 0.07, "tax_rate": 0.07}  # fmt: skip
        if "qtyunit" in self.fam.extras:
            weights["quantity"] = 0.14
        if self.fam.header == "form":
            weights.update(quantity=0.12, unit_price=0.15, amount=0.16)
        fixed = sum(weights[c] for c in self.fam.columns)
        out, x = [], self.left
        for role in self.fam.columns:
            w = (self.right - self.left) * (weights[role] or 1.0 - fixed)
            left = role in {"line_no", "sku", "description", "unit"}
            out.append((role, x, w, "left" if left else "right"))
            x += w
        return out

    def table_header(self, cols: list[Col]) -> None:
        style = self.fam.items
        heads = [wrap(self.c[role], self.f.bold, self.size * 0.85, w - 4) for role, _, w, _ in cols]
        h = self.lead * (max(len(x) for x in heads) + 0.4)
        if style == "mono":
            self.page.line(self.left, self.y + h, self.right, self.y + h, 0.5)
        elif style == "unruled":
            self.page.line(self.left, self.y + h, self.right, self.y + h, 0.8)
        elif style != "ruled" or self.fam.header != "odoo":
            dark = style == "zebra"
            stroke = (0.0, 0.0, 0.0) if style in {"grid", "form"} else None
            fill = (0.25, 0.35, 0.3) if dark else (0.88, 0.88, 0.88)
            self.page.rect(self.left, self.y, self.right - self.left, h, stroke=stroke, fill=fill, line_width=0.6)
        else:
            self.page.line(self.left, self.y + h, self.right, self.y + h, 1.0)
        for (_, x, w, align), lines in zip(cols, heads, strict=True):
            tx = x + 3 if align == "left" else x + w - 3
            for k, line in enumerate(lines):
                self.t(tx, self.y + self.lead * (k + 0.9), line, bold=True, scale=0.85, align=align,
                       color=(1, 1, 1) if style == "zebra" else None)  # fmt: skip
        self.table_tops.append((self.page, self.y))
        self.y += h + 2

    def close_grid(self, cols: list[Col]) -> None:
        if self.fam.items not in {"grid", "form"}:
            return
        page, top = self.table_tops[-1]
        for _, x, _, _ in cols[1:]:
            page.line(x, top, x, self.y, 0.4)
        page.rect(self.left, top, self.right - self.left, self.y - top, line_width=0.7)

    def carry_line(self, running: Decimal, cols: list[Col]) -> None:
        amount_right = next(x + w - 3 for role, x, w, _ in cols if role == "amount")
        self.t(amount_right - 90, self.y + self.size + 2, self.c["carry"], bold=True, align="right")
        self.t(amount_right, self.y + self.size + 2, self.num(running), bold=True, align="right")
        self.y += self.lead * 1.4

    def new_table_page(self, cols: list[Col], running: Decimal) -> None:
        carry = "carry" in self.fam.extras
        if carry:
            self.page.line(self.left, self.y, self.right, self.y, 0.6)
            self.carry_line(running, cols)
        self.close_grid(cols)
        self.new_page()
        if self.fam.header == "sidebar":
            self.page.rect(0, 0, 165, self.ph, stroke=None, fill=(0.92, 0.95, 0.93))
        self.t(self.right, self.y + self.size, f"{self.c['title']} {self.m.number}".strip(), scale=0.85, grey=True,
               align="right")  # fmt: skip
        self.y += self.lead * 2
        if carry:
            self.carry_line(running, cols)
        self.table_header(cols)

    def cell(self, role: str, i: int, ln: POLine) -> list[tuple[str, str | None]]:
        """The words of one cell, each with its tag."""
        fam = self.fam
        if role == "quantity" and "qtyunit" in fam.extras:  # '12 pcs', '12.00 Units': the unit rides along
            return [(self.qty(ln.quantity) if fam.header != "odoo" else self.num(ln.quantity), "quantity"),
                    (ln.unit or "", "unit")]  # fmt: skip
        if role == "discount_pct":
            if not ln.discount_pct:
                return [("", None)]
            whole = int(ln.discount_pct)
            second = int((ln.discount_pct - whole) * 100)
            return [(f"{whole}+{second}" if second else f"{self.pct(ln.discount_pct)}%", None)]
        if role == "tax_rate":
            rate = self.pct(ln.tax_rate or Decimal(0))
            return [("VAT", None), (f"{rate}%", "tax_rate")] if fam.header == "odoo" else [(f"{rate}%", "tax_rate")]
        return [{
            "line_no": (f"{(i + 1) * 10:05d}" if fam.header == "window" and fam.lang == "de" else str(i + 1), None),
            "sku": (ln.sku or "", "sku"), "quantity": (self.qty(ln.quantity), "quantity"),
            "unit": (ln.unit or "", "unit"),
            "unit_price": (self.num(ln.unit_price), "unit_price"), "amount": (self.num(ln.amount), "amount"),
        }[role]]  # fmt: skip

    def draw_cell(self, words: list[tuple[str, str | None]], x: float, y: float, align: str, row: int) -> None:
        if self.fam.header == "form":
            text = " ".join(w for w, _ in words)
            tx = x
            if align == "right":
                tx = x - width(text, self.hand, self.size * 1.25)
            for word, tag in words:
                tx += self.hand_text(tx, y, word, tag, row=row) + width(" ", self.hand, self.size * 1.25)
            return
        if align == "right":
            for word, tag in reversed(words):
                x -= self.t(x, y, word, tag, row=row, align="right") + width(" ", self.f.regular, self.size)
        else:
            for word, tag in words:
                x += self.t(x, y, word, tag, row=row) + width(" ", self.f.regular, self.size)

    def sublines(self, i: int, ln: POLine) -> list[str]:
        c = self.c
        out = [f"{c['sub_date']}: {self.day3(self.due + timedelta(days=self.rng.randrange(0, 20)))}"]
        if self.rng.random() < 0.6:
            out.append(f"{c['sub_mat']}: {self.rng.choice('ABKM')}{self.rng.randrange(100000, 999999)}")
        if i == 0 or self.rng.random() < 0.2:
            out.append(c["sub_note"])
        return out

    def table(self) -> None:
        m, fam = self.m, self.fam
        cols = self.columns()
        self.table_header(cols)
        running = Decimal("0.00")
        desc_font = self.hand if fam.header == "form" else self.f.regular
        desc_size = self.size * (1.25 if fam.header == "form" else 1.0)
        for i, ln in enumerate(m.lines):
            desc_w = next(w for role, _, w, _ in cols if role == "description")
            desc = wrap(ln.description, desc_font, desc_size, desc_w - 6)
            subs = self.sublines(i, ln) if fam.items == "sublines" else []
            row_lead = self.lead * (1.5 if fam.header == "form" else 1.0)
            h = row_lead * len(desc) + self.lead * 0.85 * len(subs) + 4
            if self.y + h > self.bottom() - (self.lead * 2 if "carry" in fam.extras else 0):
                self.new_table_page(cols, running)
            if fam.items in {"zebra", "mono"} and i % 2 == (0 if fam.items == "mono" else 1):
                shade = (0.86, 0.95, 0.86) if fam.items == "mono" else (0.94, 0.95, 0.95)
                self.page.rect(self.left, self.y - 1, self.right - self.left, h, stroke=None, fill=shade)
            base = self.y + row_lead * 0.85
            for role, x, w, align in cols:
                tx = x + 3 if align == "left" else x + w - 3
                if role == "description":
                    ent = Entity("description", row=i)
                    for k, line in enumerate(desc):
                        if fam.header == "form":
                            self.page.text(tx, base + row_lead * k, line, self.hand, desc_size, ent, color=HAND_INK,
                                           row=i)  # fmt: skip
                        else:
                            self.t(tx, base + self.lead * k, line, entity=ent, row=i)
                    for k, sub in enumerate(subs):
                        self.t(tx + 8, base + self.lead * len(desc) + self.lead * 0.85 * k, sub, scale=0.8,
                               grey=True)  # fmt: skip
                    continue
                self.draw_cell(self.cell(role, i, ln), tx, base, align, i)
            if "change" in fam.extras:
                mark = ["ADDED", "QTY CHANGED", "PRICE CHANGED", ""][(i * 7 + len(ln.description)) % 4]
                if mark:
                    self.t(self.right + 4, base, mark, scale=0.6, bold=True)
            self.y += h
            running += ln.amount
            if fam.items in {"ruled", "grid", "sublines", "form"}:
                self.page.line(self.left, self.y, self.right, self.y, 0.4 if fam.items != "ruled" else 0.25)
        if fam.items == "form":  # the printed empty rows of the form below the filled ones
            for _ in range(max(0, 8 - len(m.lines))):
                if self.y + self.lead * 1.5 > self.bottom():
                    break
                self.y += self.lead * 1.5
                self.page.line(self.left, self.y, self.right, self.y, 0.4)
        self.close_grid(cols)
        self.y += self.lead

    # ------------------------------------------------ totals and footers
    def total_rows(self) -> list[tuple[str, Decimal, str | None, str]]:
        m, c, fam = self.m, self.c, self.fam
        if fam.totals == "none":
            return [(c["total"], m.total, "total", "")]
        rows: list[tuple[str, Decimal, str | None, str]] = [(c["subtotal"], m.subtotal, "subtotal", "")]
        if fam.totals == "change":
            before = q2(m.total * Decimal(self.rng.randrange(70, 95)) / 100)
            rows = [(c["previous"], before, None, ""), (c["change"], m.total - before, None, "+"), *rows]
        if m.discount:
            rows.append((f"{c['discount']} ({self.pct(m.discount_pct)}%)", m.discount, None, "-"))
        if fam.totals == "charges3":
            handling = q2(m.freight * Decimal(self.rng.randrange(20, 45)) / 100)
            rows += [(c["freight"], m.freight - handling, None, ""), (c["handling"], handling, None, "")]
        elif m.freight:
            rows.append((c["charges"], m.freight, None, ""))
        if len(m.tax_by_rate) > 1:
            for rate, amount in sorted(m.tax_by_rate.items(), reverse=True):
                rows.append((f"{c['tax']} {self.pct(rate)}%", amount, None, ""))
            rows.append((c["tax"], m.tax_total, "tax_total", ""))
        elif m.tax_by_rate:
            rate = next(iter(m.tax_by_rate))
            caption = c["tax"] if any(ch.isdigit() for ch in c["tax"]) else f"{c['tax']} {self.pct(rate)}%"
            rows.append((caption, m.tax_total, "tax_total", ""))
        rows.append((c["total"], m.total, "total", ""))
        return rows

    def totals(self) -> None:
        rows = self.total_rows()
        if self.y + self.lead * (len(rows) + 3) > self.ph - self.margin - self.lead:
            self.new_page()
        x = self.right - 250
        for k, (label, value, tag, sign) in enumerate(rows):
            last = k == len(rows) - 1
            if last and self.fam.items != "mono":
                self.page.line(x, self.y + 1, self.right, self.y + 1, 0.8)
                self.y += 3
            self.t(x, self.y + self.size, label, bold=last)
            if self.fam.header == "form":
                self.hand_text(self.right - 3, self.y + self.size, sign + self.num(value), tag, align="right")
            else:
                self.money(self.right - 3, self.y + self.size, value, tag, bold=last, sign=sign)
            self.y += self.lead * (1.4 if last else 1.1)
        self.y += self.lead
        if self.fam.header in {"form", "letter", "qb"}:
            self.y += self.lead
            draw_signature(self.page, self.rng, self.left, self.y + 10, 140)
            self.page.line(self.left, self.y + 12, self.left + 170, self.y + 12, 0.5)

    def footers(self) -> None:
        m, fam, c = self.m, self.fam, self.c
        n = len(self.pages)
        for i, page in enumerate(self.pages):
            y = self.ph - self.margin * 0.5
            if fam.header == "window" and m.buyer.tax_id and "buyer_tax" in fam.extras:
                text = f"{m.buyer.name} · {m.buyer.street} · {m.buyer.city}"
                page.text(self.left, y - self.lead, text, self.f.regular, self.size * 0.7, color=(0.4, 0.4, 0.4))
                w = page.text(self.left, y, f"{c['tax_id']}:", self.f.regular, self.size * 0.7, color=(0.4, 0.4, 0.4))
                page.text(self.left + w + 3, y, m.buyer.tax_id, self.f.regular, self.size * 0.7,
                          Entity("buyer_tax_id"), color=(0.4, 0.4, 0.4))  # fmt: skip
            label = {"de": f"Seite {i + 1} von {n}", "fi": f"Sivu {i + 1}/{n}", "cs": f"Strana {i + 1} z {n}",
                     "nl": f"Pagina {i + 1} van {n}", "no": f"Side {i + 1} av {n}", "fr": f"Page {i + 1}/{n}",
                     "it": f"Pag. {i + 1} di {n}"}.get(fam.lang, f"Page {i + 1} of {n}")  # fmt: skip
            page.text(self.right, y, label.upper() if fam.header == "mono" else label, self.f.regular,
                      self.size * 0.75, align="right", color=(0.4, 0.4, 0.4))  # fmt: skip

    def write(self) -> None:
        getattr(self, f"head_{self.fam.header}")()
        self.table()
        self.totals()
        self.footers()


def make_blind3_po(seed: int, fam: Blind3Family, doc_id: str | None = None) -> GeneratedDoc:
    rng = random.Random(seed)
    model = sample_po3(rng, fam)
    writer = PO3Writer(rng, fam, model)
    writer.write()
    doc_id = doc_id or f"po-blind3-{seed}"
    features = {"blind3": fam.name, "lang": fam.lang, "header": fam.header, "items": fam.items, "totals": fam.totals,
                "money": fam.money, "dates": fam.dates, "n_lines": len(model.lines),
                "n_pages": len(writer.pages)}  # fmt: skip
    return blind_po_doc(doc_id, fam.family, fam.currency, model, writer.pages, features, f"{fam.name} {model.number}")


# ---------------------------------------------------------------- contracts

CONTRACT_TEXT: dict[str, dict[str, Any]] = {
    "bilingual-be": {
        "title": "CONTRAT DE SERVICES / DIENSTENCONTRACT", "number": "Réf. / Ref.",
        "roles": ("le Client", "le Prestataire"), "roles_nl": ("de Klant", "de Dienstverlener"), "tax": "TVA/BTW",
        "clauses": [
            ("Entre {buyer}{btax}, ci-après « le Client », et {vendor}{vtax}, ci-après « le Prestataire », il est "
             "convenu ce qui suit.", "Tussen {buyer}{btax}, hierna « de Klant », en {vendor}{vtax}, hierna « de "
             "Dienstverlener », wordt overeengekomen wat volgt."),
            ("Article 1. Le présent contrat prend cours le {eff} et se termine le {exp}.",
             "Artikel 1. Deze overeenkomst vangt aan op {eff} en eindigt op {exp}."),
            ("Article 2. Les prix figurent au tableau ci-dessous, en {cur}, hors TVA.",
             "Artikel 2. De prijzen staan in de onderstaande tabel, in {cur}, exclusief btw."),
            ("Article 3. Les factures sont payables {terms}.", "Artikel 3. De facturen zijn betaalbaar {terms_nl}."),
        ],
        "terms": [("à 30 jours date de facture", 30, "binnen 30 dagen na factuurdatum"),
                  ("à 60 jours fin de mois", 60, "binnen 60 dagen einde maand")],
        "cols": ("Prestation / Dienst", "Unité / Eenheid", "Tarif / Tarief"), "sign": "Pour / Voor",
        "services": [("Maintenance préventive / Preventief onderhoud", "visite / bezoek"),
                     ("Intervention technicien / Interventie technicus", "heure / uur"),
                     ("Déplacement / Verplaatsing", "forfait"), ("Rapport annuel / Jaarverslag", "rapport")],
    },
    "clause-rates-ie": {
        "title": "SERVICES AGREEMENT", "number": "Agreement Ref.", "roles": ("the Client", "the Service Provider"),
        "tax": "VAT No.", "sign": "Signed for and on behalf of",
        "intro": "THIS AGREEMENT is made on {eff} BETWEEN {buyer}, having its registered office at {baddr}{btax} "
                 "(the \u201cClient\u201d) AND {vendor}, having its registered office at {vaddr}{vtax} (the "
                 "\u201cService Provider\u201d).",
        "term": "This Agreement shall commence on the date above and shall continue for a period of {n} {unit}, "
                "unless terminated earlier in accordance with clause 9.", "units": ("months", "years"),
        "fees_head": "4. FEES AND PAYMENT",
        "fees_intro": "4.1 In consideration of the Services the Client shall pay the Service Provider, in {cur} and "
                      "exclusive of VAT,",
        "fee_item": "{rate} per {unit} for {service}",
        "pay": "4.2 The Service Provider shall invoice monthly in arrears and the Client shall pay each undisputed "
               "invoice {terms}.",
        "terms": [("within 30 days of its receipt", 30), ("within 45 days of the invoice date", 45)],
        "filler": ["1. DEFINITIONS. In this Agreement \u201cServices\u201d means the services described in Schedule 1.",
                   "2. The Service Provider shall perform the Services with all due skill, care and diligence.",
                   "3. Each party shall comply with the Data Protection Acts 1988 to 2018 and the GDPR."],
        "after": ["5. Either party may terminate this Agreement on three months\u2019 written notice.",
                  "6. This Agreement is governed by the laws of Ireland."],
        "services": [("on-site engineering support", "hour"), ("remote monitoring", "month"),
                     ("emergency call-out", "call-out"), ("annual compliance audit", "audit"),
                     ("project management", "day")],
    },
    "sow-hourly-nz": {
        "title": "Statement of Work", "number": "SOW No.", "roles": ("Client", "Supplier"), "tax": "GST No.",
        "sign": "Signed for",
        "kv": ("Client", "Supplier", "Start date", "Completion date", "Currency", "Invoicing"),
        "terms": [("Monthly, payable on the 20th of the following month", 20), ("Fortnightly, 7 days", 7)],
        "cols": ("Role", "Hourly rate (NZD)", "Est. hours", "Estimate (NZD)"),
        "schedule": "4. Resourcing and rates", "estimate_total": "Total estimate (excl. GST)",
        "filler": ["1. Purpose. This SOW is issued under the Consultancy Services Agreement between the parties.",
                   "2. Scope. The Supplier will deliver the discovery, build and rollout of the Client's field "
                   "service app.", "3. Assumptions. The estimate below is not a fixed price; time is billed as "
                   "worked at the hourly rates."],
        "services": [("Delivery lead", "hour"), ("Senior developer", "hour"), ("Developer", "hour"),
                     ("UX designer", "hour"), ("Test analyst", "hour")],
    },
    "preisblatt-at": {
        "title": "RAHMENVEREINBARUNG", "number": "Vertragsnummer", "roles": ("Auftraggeberin", "Auftragnehmerin"),
        "tax": "UID", "sign": "Für die",
        "intro": "abgeschlossen zwischen {buyer}, {baddr}{btax}, im Folgenden \u201eAuftraggeberin\u201c, und "
                 "{vendor}, {vaddr}{vtax}, im Folgenden \u201eAuftragnehmerin\u201c.",
        "paras": [("§ 1 Gegenstand", "Die Auftragnehmerin erbringt Wartungs- und Reparaturleistungen an den "
                   "Haustechnikanlagen der Auftraggeberin auf Abruf."),
                  ("§ 2 Laufzeit", "Die Vereinbarung gilt vom {eff} bis {exp}."),
                  ("§ 3 Preise", "Es gelten die Preise des Preisblatts (Anlage 1) in {cur}, zuzüglich "
                   "Umsatzsteuer. Die Preise sind Festpreise für die gesamte Laufzeit."),
                  ("§ 4 Zahlung", "Rechnungen sind {terms} zu begleichen."),
                  ("§ 5 Gerichtsstand", "Gerichtsstand ist Wien. Es gilt österreichisches Recht.")],
        "terms": [("innerhalb von 30 Tagen netto", 30), ("binnen 14 Tagen mit 2 % Skonto", 14)],
        "schedule": "Anlage 1 \u2013 Preisblatt", "cols": ("Leistung", "Einheit", "Preis netto"),
        "services": [("Techniker, Normalarbeitszeit", "Stunde"), ("Techniker, Überstunde", "Stunde"),
                     ("Anfahrtspauschale Wien", "Anfahrt"), ("Wartung Lüftungsanlage", "Anlage"),
                     ("Filterwechsel inkl. Material", "Stück")],
    },
    "amendment-sg": {
        "title": "AMENDMENT NO. 2", "number": "to Master Services Agreement No.", "roles": ("Customer", "Contractor"),
        "tax": "UEN", "sign": "For and on behalf of",
        "intro": "This Amendment is made on {eff} between {buyer}{btax} (\u201cCustomer\u201d) and {vendor}{vtax} "
                 "(\u201cContractor\u201d), and amends the Agreement referred to above.",
        "extend": "1. Extension. The term of the Agreement is extended and shall now expire on {exp}.",
        "rates": "2. Revised rates. With effect from the date of this Amendment the rates in Schedule B are "
                 "replaced by the revised rates below, stated in {cur} and exclusive of GST.",
        "pay": "3. Payment. Invoices remain payable {terms}. All other terms of the Agreement remain unchanged.",
        "terms": [("within 30 days of invoice", 30), ("within 60 days of invoice", 60)],
        "cols": ("Service", "Unit", "Current rate", "Revised rate"),
        "services": [("Cleaning supervisor", "month"), ("General cleaner", "month"),
                     ("Window cleaning, facade", "visit"), ("Pest control treatment", "treatment"),
                     ("Additional cleaner, ad hoc", "hour")],
    },
    "contrato-br": {
        "title": "CONTRATO DE PRESTAÇÃO DE SERVIÇOS", "number": "Contrato nº", "roles": ("CONTRATANTE", "CONTRATADA"),
        "tax": "CNPJ", "sign": "Pela",
        "intro": "Pelo presente instrumento particular, de um lado {buyer}, com sede na {baddr}, inscrita no "
                 "{btax}, doravante denominada CONTRATANTE, e de outro lado {vendor}, com sede na {vaddr}, "
                 "inscrita no {vtax}, doravante denominada CONTRATADA, têm entre si justo e contratado o seguinte:",
        "clausulas": [("CLÁUSULA PRIMEIRA – DO OBJETO", "A CONTRATADA prestará serviços de manutenção predial "
                       "preventiva e corretiva nas instalações da CONTRATANTE."),
                      ("CLÁUSULA SEGUNDA – DO PRAZO", "O presente contrato vigorará de {eff} a {exp}."),
                      ("CLÁUSULA TERCEIRA – DO PREÇO", "Pelos serviços a CONTRATANTE pagará à CONTRATADA os "
                       "seguintes valores, em {cur}:"),
                      ("CLÁUSULA QUARTA – DO PAGAMENTO", "Os pagamentos serão efetuados {terms}, mediante "
                       "apresentação de nota fiscal."),
                      ("CLÁUSULA QUINTA – DO FORO", "Fica eleito o foro da comarca de Curitiba para dirimir "
                       "quaisquer dúvidas oriundas deste contrato.")],
        "item": "{letter}) {service}: R$ {rate} por {unit};",
        "terms": [("em até 30 (trinta) dias", 30), ("no dia 10 do mês subsequente", 10)],
        "services": [("hora técnica de eletricista", "hora"), ("visita de manutenção preventiva", "visita"),
                     ("atendimento emergencial", "chamado"), ("laudo técnico", "laudo")],
    },
}  # fmt: skip
NUMBER_FORMATS = {
    "bilingual-be": "CS-{y}-{n3}",
    "clause-rates-ie": "SA/{y}/{n3}",
    "sow-hourly-nz": "SOW-{n3}",
    "preisblatt-at": "RV {y}/{n3}",
    "amendment-sg": "MSA-{y}-{n3}",
    "contrato-br": "{n3}/{y}",
}


def sample_contract3(rng: random.Random, fam: Blind3Family) -> Contract2:
    text = CONTRACT_TEXT[fam.name]
    buyer = make_party3(rng, fam.country, label=text["tax"])
    vendor = make_party3(rng, fam.country, avoid=buyer.name, label=text["tax"])
    effective = date(rng.randrange(2024, 2028), 1, 1) + timedelta(days=rng.randrange(0, 364))
    term: tuple[int, str] | None = None
    if "term" in fam.extras:
        term = rng.choice([(12, "months"), (24, "months"), (3, "years")])
        expiry = effective + relativedelta(months=term[0] * (12 if term[1] == "years" else 1)) - timedelta(days=1)
    else:
        expiry = effective + relativedelta(months=rng.choice([6, 12, 18, 24, 36])) - timedelta(days=1)
    chosen = rng.sample(text["services"], rng.randrange(2, len(text["services"]) + 1))
    rates = [(s, u, q2(Decimal(rng.randrange(4500, 480000 if u == "month" else 95000)) / 100)) for s, u in chosen]
    number = NUMBER_FORMATS[fam.name].format(y=effective.year, n3=f"{rng.randrange(1, 999):03d}")
    terms = rng.choice(text["terms"])
    return Contract2(number, effective, expiry, term, buyer, vendor, (terms[0], terms[1]), rates)


class Contract3Writer(Contract2Writer):
    """Set-3 contract bodies over set 2's flowing text, headings and signatures."""

    def __init__(self, rng: random.Random, fam: Blind3Family, model: Contract2) -> None:
        _Sheet2.__init__(self, rng, fam, rng.choice([9.0, 9.5]))
        self.m, self.text = model, CONTRACT_TEXT[fam.name]
        self.clause_no = 0
        self.hours: list[Decimal] = []
        self.previous: list[Decimal] = []

    def day(self, value: date) -> str:
        return format_day3(value, self.fam.dates, self.fam.lang, self.fam.country)

    def fill(self, template: str, values: dict[str, Any]) -> str:
        """The intro with the tax-id slots either filled with '{caption} {id}' or dropped."""
        for key in ("btax", "vtax"):
            sub = f", {self.text['tax']} {{{key}_id}}" if key + "_id" in values else ""
            if self.fam.name == "contrato-br":
                sub = f"{self.text['tax']} sob o nº {{{key}_id}}" if key + "_id" in values else "CNPJ"
            template = template.replace("{" + key + "}", sub)
        return template

    def body_bilingual(self) -> None:
        values: dict[str, Any] = dict(self.values())
        # the Dutch column says the same terms in other words: the truth is the French, the Dutch is not tagged
        values["terms_nl"] = (next(t[2] for t in self.text["terms"] if t[0] == self.m.terms[0]), None)
        values["terms"] = (self.m.terms[0], "payment_terms")
        mid = (self.left + self.right) / 2
        for fr, nl in self.text["clauses"]:
            fr, nl = self.fill(fr, values), self.fill(nl, values)
            self.room(self.lead * 6)
            top = self.y
            self.flow(fr, values, x1=mid - 10)
            left_end = self.y
            self.y = top
            self.flow(nl, values, x0=mid + 10)
            self.y = max(left_end, self.y)
        self.page.line(mid, self.margin + self.lead * 5, mid, self.y, 0.3)
        self.y += self.lead
        self.rate_table()

    def body_clauses(self) -> None:
        values: dict[str, Any] = dict(self.values())
        self.flow(self.fill(self.text["intro"], values), values)
        n, unit = self.m.term or (12, "months")
        self.flow(self.text["term"], {**values, "n": (str(n), None), "unit": (unit, None)})
        for filler in self.text["filler"]:
            self.flow(filler, {})
        self.flow(self.text["fees_head"], {}, bold=True)
        parts = []
        for i, (service, unit_, rate) in enumerate(self.m.rates):
            values[f"s{i}"] = (service, "description", i)
            values[f"r{i}"] = ("€" + self.num(rate), "unit_price", i)
            values[f"u{i}"] = (unit_, None)
            parts.append(self.text["fee_item"].format(rate=f"{{r{i}}}", unit=f"{{u{i}}}", service=f"{{s{i}}}"))
        sentence = "; ".join(parts[:-1]) + ("; and " if len(parts) > 1 else "") + parts[-1] + "."
        self.flow(f"{self.text['fees_intro']} {sentence}", values)
        self.flow(self.text["pay"], values)
        for filler in self.text["after"]:
            self.flow(filler, {})

    def body_sow(self) -> None:
        m, text = self.m, self.text
        kv = text["kv"]
        rows = [(kv[0], m.buyer.name, "buyer_name"), (kv[1], m.vendor.name, "vendor_name"),
                (kv[2], self.day(m.effective), "effective_date"), (kv[3], self.day(m.expiry), "expiry_date"),
                (kv[4], self.fam.currency, "currency"), (kv[5], m.terms[0], "payment_terms")]  # fmt: skip
        for caption, value, tag in rows:
            self.t(self.left, self.y + self.size, caption, bold=True)
            self.t(self.left + 120, self.y + self.size, value, tag)
            self.y += self.lead * 1.3
        if m.vendor.tax_id:
            self.t(self.left, self.y + self.size, f"Supplier {text['tax']}", bold=True)
            self.t(self.left + 120, self.y + self.size, m.vendor.tax_id, "vendor_tax_id")
            self.y += self.lead * 1.3
        self.y += self.lead
        for filler in text["filler"]:
            self.flow(filler, {})
        self.flow(text["schedule"], {}, bold=True)
        self.hours = [Decimal(self.rng.randrange(8, 400)) for _ in m.rates]
        total = self.right - self.left
        xs = [self.left, self.left + total * 0.45, self.left + total * 0.65, self.left + total * 0.8]
        for k, caption in enumerate(text["cols"]):
            self.t(xs[k] + 3 if k == 0 else (xs[k + 1] if k < 3 else self.right) - 3, self.y + self.size, caption,
                   bold=True, scale=0.9, align="left" if k == 0 else "right")  # fmt: skip
        self.y += self.lead * 1.2
        self.page.line(self.left, self.y, self.right, self.y, 0.6)
        est_total = Decimal("0.00")
        for i, ((service, _, rate), hours) in enumerate(zip(m.rates, self.hours, strict=True)):
            y = self.y + self.size + 3
            self.t(xs[0] + 3, y, service, "description", row=i)
            self.t(xs[2] - 3, y, self.num(rate), "unit_price", row=i, align="right")
            self.t(xs[3] - 3, y, self.num(hours, 0), "quantity", row=i, align="right")
            self.t(self.right - 3, y, self.num(q2(rate * hours)), "amount", row=i, align="right")
            est_total += q2(rate * hours)
            self.y += self.lead * 1.3
        self.page.line(self.left, self.y, self.right, self.y, 0.6)
        self.t(xs[1] - 30, self.y + self.size + 3, text["estimate_total"], bold=True)
        self.t(self.right - 3, self.y + self.size + 3, self.num(est_total), bold=True, align="right")
        self.y += self.lead * 2.5

    def body_paragraphs(self) -> None:
        values: dict[str, Any] = dict(self.values())
        self.flow(self.fill(self.text["intro"], values), values)
        for head, body in self.text["paras"]:
            self.room(self.lead * 3)
            self.flow(head, {}, bold=True)
            self.flow(body, values)
        self.signatures()
        self.new_page()
        self.flow(self.text["schedule"], {}, bold=True)
        self.y += self.lead * 0.5
        self.rate_table()

    def body_amendment(self) -> None:
        values: dict[str, Any] = dict(self.values())
        self.flow(self.fill(self.text["intro"], values), values)
        self.flow(self.text["extend"], values)
        self.flow(self.text["rates"], values)
        self.previous = [q2(rate * Decimal(self.rng.randrange(85, 97)) / 100) for _, _, rate in self.m.rates]
        total = self.right - self.left
        xs = [self.left, self.left + total * 0.45, self.left + total * 0.6, self.left + total * 0.8, self.right]
        for k, caption in enumerate(self.text["cols"]):
            label = f"{caption} ({self.fam.currency})" if k >= 2 else caption
            self.t(xs[k] + 3 if k < 2 else xs[k + 1] - 3, self.y + self.size, label, bold=True, scale=0.9,
                   align="left" if k < 2 else "right")  # fmt: skip
        self.y += self.lead * 1.2
        for i, ((service, unit, rate), old) in enumerate(zip(self.m.rates, self.previous, strict=True)):
            self.page.line(self.left, self.y, self.right, self.y, 0.3)
            y = self.y + self.size + 3
            self.t(xs[0] + 3, y, service, "description", row=i)
            self.t(xs[1] + 3, y, unit, "unit", row=i)
            self.t(xs[3] - 3, y, self.num(old), row=i, align="right", grey=True)
            self.t(xs[4] - 3, y, self.num(rate), "unit_price", row=i, align="right", bold=True)
            self.y += self.lead * 1.3
        self.page.line(self.left, self.y, self.right, self.y, 0.6)
        self.y += self.lead
        self.flow(self.text["pay"], values)

    def body_clausulas(self) -> None:
        values: dict[str, Any] = dict(self.values())
        self.flow(self.fill(self.text["intro"], values), values)
        for k, (head, body) in enumerate(self.text["clausulas"]):
            self.room(self.lead * 3)
            self.flow(head, {}, bold=True)
            self.flow(body, values)
            if k == 2:
                for i, (service, unit, rate) in enumerate(self.m.rates):
                    row = {"letter": ("abcdefg"[i], None), "service": (service, "description"),
                           "rate": (self.num(rate), "unit_price"), "unit": (unit, "unit")}  # fmt: skip
                    self.flow(self.text["item"], row, indent=self.size * 2, row=i)

    def heading(self) -> None:
        m, text = self.m, self.text
        if self.fam.name != "amendment-sg":
            super().heading()
            return
        self.t(self.pw / 2, self.y + self.size * 2, text["title"], bold=True, scale=1.6, align="center")
        self.y += self.lead * 2.6
        full = width(f"{text['number']} {m.number}", self.f.bold, self.size)
        self.pair(self.pw / 2 - full / 2, self.y + self.size, text["number"], m.number, "contract_number")
        self.y += self.lead * 2


def make_blind3_contract(seed: int, fam: Blind3Family, doc_id: str | None = None) -> GeneratedDoc:
    rng = random.Random(seed)
    model = sample_contract3(rng, fam)
    writer = Contract3Writer(rng, fam, model)
    writer.write()
    with_unit = fam.items in {"table", "revised", "lines"}
    items = []
    for i, (service, unit, rate) in enumerate(model.rates):
        hours = writer.hours[i] if writer.hours else None  # the statement of work's estimate: hours and amount
        items.append({"sku": None, "description": service, "quantity": dec_str(hours) if hours else None,
                      "unit": unit if with_unit else None, "unit_price": dec_str(rate),
                      "amount": dec_str(q2(rate * hours)) if hours else None, "tax_rate": None})  # fmt: skip
    return blind_contract_doc(doc_id or f"contract-blind3-{seed}", fam, model, writer.pages, items, set_no=3)


# ---------------------------------------------------------------- scans

SCAN_CONDITIONS = ("stamp", "yellowed", "handmark", "keystone", "fax", "photo", "jpeg150")
BoxMover = Callable[[list[int]], list[int]]


def _homography(src: list[tuple[float, float]], dst: list[tuple[float, float]]) -> list[float]:
    """The 8 coefficients of the projective map taking the 4 ``src`` points to ``dst``."""
    a, b = [], []
    for (x, y), (u, v) in zip(src, dst, strict=True):
        a.append([x, y, 1, 0, 0, 0, -x * u, -y * u])
        a.append([0, 0, 0, x, y, 1, -x * v, -y * v])
        b += [u, v]
    return [float(c) for c in np.linalg.solve(np.array(a, dtype=float), np.array(b, dtype=float))]


def _project(c: list[float], x: float, y: float) -> tuple[float, float]:
    d = c[6] * x + c[7] * y + 1
    return (c[0] * x + c[1] * y + c[2]) / d, (c[3] * x + c[4] * y + c[5]) / d


def keystone(img: Image.Image, rng: random.Random) -> tuple[Image.Image, BoxMover]:
    """A page photographed from below its centre: the top edge narrower than the bottom, the page a little off the
    frame's top, the table behind it. Returns the image and where a 0..1000 word box lands."""
    rgb = img.convert("RGB")
    w, h = rgb.size
    top, bottom, drop = rng.uniform(0.03, 0.06), rng.uniform(0.0, 0.015), rng.uniform(0.01, 0.03)
    src = [(0.0, 0.0), (float(w), 0.0), (float(w), float(h)), (0.0, float(h))]
    dst = [(w * top, h * drop), (w * (1 - top), h * drop), (w * (1 - bottom), float(h)), (w * bottom, float(h))]
    backward = _homography(dst, src)  # PIL asks, for each pixel of the photo, where it was on the page
    forward = _homography(src, dst)
    out = rgb.transform((w, h), Image.Transform.PERSPECTIVE, backward, Image.Resampling.BICUBIC,
                        fillcolor=(74, 62, 50))  # fmt: skip

    def move(box: list[int]) -> list[int]:
        corners = [
            _project(forward, bx / 1000 * w, by / 1000 * h) for bx in (box[0], box[2]) for by in (box[1], box[3])
        ]
        xs, ys = [p[0] for p in corners], [p[1] for p in corners]
        return [max(0, min(1000, round(min(xs) / w * 1000))), max(0, min(1000, round(min(ys) / h * 1000))),
                max(0, min(1000, round(max(xs) / w * 1000))), max(0, min(1000, round(max(ys) / h * 1000)))]  # fmt: skip

    return out, move


def condition3(img: Image.Image, kind: str, rng: random.Random, page_w_pt: float) -> tuple[Any, ...]:
    """Set 3's own scan conditions; set 2's for the others. Only ``keystone`` moves the words (and says where)."""
    if kind == "keystone":
        photo, move = keystone(img, rng)
        lit, _ = condition(photo, "photo", rng, page_w_pt)
        return lit, None, move
    if kind not in {"stamp", "yellowed", "handmark"}:
        return condition(img, kind, rng, page_w_pt)
    if kind == "yellowed":  # old paper at 150 dpi: a yellow cast, darker edges, low contrast
        g = _resample(img.convert("L"), page_w_pt, 150)
        paper = Image.new("RGB", g.size, (236, 222, 178))
        ink = Image.new("RGB", g.size, (60, 50, 40))
        out = Image.composite(paper, ink, g.point(lambda v: min(255, v + 30)))
        edge = Image.new("L", g.size, 0)
        ImageDraw.Draw(edge).rectangle((g.width * 0.04, g.height * 0.03, g.width * 0.96, g.height * 0.97), fill=255)
        edge = edge.filter(ImageFilter.GaussianBlur(g.width / 25))
        return Image.composite(out, Image.new("RGB", g.size, (200, 180, 130)), edge), 150
    rgb = img.convert("RGB")
    w, h = rgb.size
    layer = Image.new("RGBA", (w, h), (0, 0, 0, 0))
    d = ImageDraw.Draw(layer)
    if kind == "stamp":  # a red rubber stamp over the middle of the page, a little rotated
        cx, cy = rng.uniform(0.35, 0.7) * w, rng.uniform(0.35, 0.6) * h
        rw, rh = w * 0.17, w * 0.07
        for k in range(3):
            d.rounded_rectangle((cx - rw - k * 3, cy - rh - k * 3, cx + rw + k * 3, cy + rh + k * 3),
                                radius=int(rh / 3), outline=(190, 30, 40, 150), width=max(2, w // 400))  # fmt: skip
        word = rng.choice(["RECEIVED", "APPROVED", "ENTERED", "EINGANG", "REÇU", "POSTED"])
        size = max(10, int(rh * 0.8))
        face = ImageFont.truetype("/usr/share/fonts/truetype/dejavu/DejaVuSans-Bold.ttf", size)  # layout's fonts
        d.text((cx, cy), word, fill=(190, 30, 40, 150), anchor="mm", font=face)
        layer = layer.rotate(rng.uniform(-12, 12), center=(cx, cy))
    else:  # handmark: pen ticks down the right of the table and a circled figure, blue ink
        x = rng.uniform(0.8, 0.9) * w
        for k in range(rng.randrange(3, 7)):
            y = h * (0.35 + k * 0.04)
            d.line([(x, y), (x + w * 0.008, y + w * 0.01), (x + w * 0.025, y - w * 0.012)], fill=(30, 40, 140, 200),
                   width=max(2, w // 350))  # fmt: skip
        cx, cy = rng.uniform(0.6, 0.85) * w, rng.uniform(0.6, 0.8) * h
        d.ellipse((cx - w * 0.09, cy - w * 0.025, cx + w * 0.09, cy + w * 0.025), outline=(30, 40, 140, 190),
                  width=max(2, w // 350))  # fmt: skip
        d.line([(w * 0.1, cy + w * 0.05), (w * 0.45, cy + w * 0.045)], fill=(30, 40, 140, 160), width=max(2, w // 400))
    out = Image.alpha_composite(rgb.convert("RGBA"), layer).convert("RGB")
    return out, None


# ---------------------------------------------------------------- data sets


def make_blind3(seed: int, fam: Blind3Family, doc_id: str | None = None) -> GeneratedDoc:
    """One document of ``fam``; the same seed gives the same bytes."""
    return (make_blind3_po if fam.kind == "po" else make_blind3_contract)(seed, fam, doc_id)


def generate_blind3(n: int, out: Path, seed: int, scanned_share: float = 0.0, split: str = "all") -> list[Path]:
    """Write ``n`` documents of the third blind set's ``split`` (dev, test or all) with their labels to ``out``.
    A scanned document gets its family's own scan condition or, one time in three, the factory's plain scan."""
    return write_blind_set(n, out, seed, scanned_share, split, blind3_families(split), make_blind3, set_no=3,
                           salt=0xB1A3D, conditioner=condition3)  # fmt: skip


__all__ = ["BLIND3_SPLITS", "FAMILIES", "SPLIT_SEED", "blind3_families", "generate_blind3", "make_blind3"]
