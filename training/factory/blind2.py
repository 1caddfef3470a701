"""The second blind set: purchase orders and contracts written without looking at the extractor, for measuring it.

Like ``blind.py`` (whose rendering plumbing, order model and truth format these families share), the families here
were written without reading the extractor's code or vocabulary, after documents from the wild the project had not
imitated yet: procurement-suite prints (header grids of key-value cells, line items as stacked cards, Supplier /
Bill-To / Ship-To side by side), a spreadsheet export with gridlines, a government-style form of numbered boxes,
French, Spanish, Mexican, Swedish, Danish and Polish orders, an Indian order (GSTIN, lakh grouping, tax split in
two, total in words), Australian and British orders (ABN, VAT), hours with an extended price, lump sums with
retention, a vendor's order acknowledgement; a statement of work with milestones, a master agreement whose fee
schedule is an annex on a later page, French and Spanish service contracts, a subscription that renews itself and a
consulting agreement whose rates are a definition list. Scans add conditions of their own: fax-like bitonal pages,
photographed pages, coarse JPEG, a coffee ring, punched holes.

Their captions are their own: ``tests/test_factory_blind2.py`` checks that none is known to the heuristic or printed
by the factory's other pools. The families are split once, by name, into a ``dev`` and a ``test`` half
(``BLIND2_SPLITS``). ``bench/bench_extraction.py --blind N --blind-set 2`` measures them.
"""

from __future__ import annotations

import io
import json
import random
import string
from collections.abc import Callable, Mapping
from dataclasses import dataclass, field
from datetime import date, timedelta
from decimal import ROUND_HALF_UP, Decimal
from pathlib import Path
from typing import Any

from dateutil.relativedelta import relativedelta
from PIL import Image, ImageDraw, ImageFilter
from stdnum import luhn
from stdnum.au import abn
from stdnum.dk import cvr
from stdnum.es import cif
from stdnum.gb import vat as gb_vat
from stdnum.in_ import gstin
from stdnum.mx import rfc
from stdnum.pl import nip

from training.factory.blind import BlindParty, BlindPO, _split_template, blind_po_doc
from training.factory.common import GeneratedDoc, build_label, draw_logo, draw_signature, family_id, tagged_fields
from training.factory.generate import doc_seed, write_card
from training.factory.layout import Entity, Fonts, PageDraft, render_pdf, width, wrap
from training.factory.po import POLine
from training.factory.values import NUMBER_STYLES, dec_str, eu_vat_id, q2, us_ein_id

# ---------------------------------------------------------------- families


@dataclass(frozen=True)
class Blind2Family:
    name: str
    kind: str  # "po" | "contract"
    lang: str  # en fr es sv da pl
    country: str
    currency: str
    header: str  # po: cells | fusion | gov | ack | letter | excel ; contract: sow | msa | fr | es | sub | deflist
    items: (
        str  # po: cards | grid | ruled | zebra | excel ; contract: milestones | annex | list | prose | fees | deflist
    )
    totals: str = "plain"  # plain | charges | discount | split_tax | retention | none
    money: str = "plain"  # plain | code_after | code_before | sym_after | sym_before
    dates: str = "iso"
    numbers: str = "en"  # values.NUMBER_STYLES key, or "in" (lakh grouping)
    columns: tuple[str, ...] = ("sku", "description", "quantity", "unit", "unit_price", "amount")
    lines: tuple[int, int] = (2, 8)
    extras: frozenset[str] = field(default_factory=frozenset)  # words wrap long hours lumpsum term inline_no ...
    font: str = "nimbus-sans"
    scan: str = "fax"  # the family's own scan condition: fax | photo | jpeg150 | coffee | holes

    @property
    def family(self) -> str:
        return family_id(f"{self.kind}-blind2", {"name": self.name})


def _x(*names: str) -> frozenset[str]:
    return frozenset(names)


FAMILIES: list[Blind2Family] = [
    Blind2Family("suite-cards-us", "po", "en", "US", "USD", "cells", "cards", "charges", "code_after", "mdy_long",
                 "en", lines=(2, 6), extras=_x("wrap"), font="dejavu-sans", scan="photo"),
    Blind2Family("suite-cells4-gb", "po", "en", "GB", "GBP", "cells", "zebra", "discount", "sym_before", "d_mon",
                 "en", ("line_no", "description", "sku", "quantity", "unit", "unit_price", "amount"), (3, 9),
                 _x("cells4"), "nimbus-sans", "coffee"),
    Blind2Family("fusion-boxed-us", "po", "en", "US", "USD", "fusion", "ruled", "charges", "plain", "dd_mon",
                 "en", ("line_no", "sku", "description", "unit", "quantity", "unit_price", "amount"), (3, 30),
                 _x("long"), "dejavu-sans-condensed", "jpeg150"),
    Blind2Family("sheet-export-us", "po", "en", "US", "USD", "excel", "excel", "plain", "plain", "mdy_slash",
                 "plain", ("line_no", "sku", "description", "quantity", "unit", "unit_price", "amount"), (4, 45),
                 font="dejavu-sans", scan="fax"),
    Blind2Family("numbered-boxes-us", "po", "en", "US", "USD", "gov", "grid", "none", "plain", "ymd_compact",
                 "en", ("line_no", "sku", "description", "quantity", "unit", "unit_price", "amount"), (2, 6),
                 _x("wrap"), "nimbus-mono", "fax"),
    Blind2Family("hours-ext-gb", "po", "en", "GB", "GBP", "letter", "ruled", "plain", "sym_before", "d_mon", "en",
                 ("description", "quantity", "unit_price", "amount"), (2, 6), _x("hours", "vendor_tax"), "p052",
                 "holes"),
    Blind2Family("lumpsum-retention-au", "po", "en", "AU", "AUD", "cells", "grid", "retention", "code_before",
                 "d_mon", "en", ("line_no", "description", "quantity", "unit", "unit_price", "amount"), (2, 5),
                 _x("lumpsum", "long", "words", "vendor_tax"), "urw-gothic", "coffee"),
    Blind2Family("gst-lakh-in", "po", "en", "IN", "INR", "letter", "grid", "split_tax", "sym_before", "dmy_dot", "in",
                 ("line_no", "description", "sku", "quantity", "unit", "unit_price", "amount"), (2, 8),
                 _x("words", "vendor_tax", "buyer_tax"), "dejavu-sans", "jpeg150"),
    Blind2Family("bon-commande-fr", "po", "fr", "FR", "EUR", "letter", "ruled", "charges", "sym_after", "long", "fr",
                 ("sku", "description", "quantity", "unit_price", "discount_pct", "amount"), (2, 9),
                 _x("inline_no", "buyer_tax"), "nimbus-roman", "holes"),
    Blind2Family("orden-compra-es", "po", "es", "ES", "EUR", "cells", "zebra", "discount", "sym_after", "dmy_slash",
                 "de", ("sku", "description", "quantity", "unit_price", "amount"), (2, 8),
                 _x("vendor_tax", "buyer_tax"), "dejavu-serif", "photo"),
    Blind2Family("orden-compra-mx", "po", "es", "MX", "MXN", "fusion", "grid", "plain", "code_after", "long_es_mx",
                 "en", ("line_no", "sku", "description", "unit", "quantity", "unit_price", "amount"), (2, 8),
                 _x("vendor_tax", "buyer_tax", "words"), "nimbus-sans-narrow", "fax"),
    Blind2Family("inkop-se", "po", "sv", "SE", "SEK", "letter", "ruled", "charges", "plain", "iso", "fr",
                 ("sku", "description", "quantity", "unit", "unit_price", "amount"), (2, 8),
                 _x("vendor_tax", "currency_cell"), "dejavu-sans", "photo"),
    Blind2Family("zamowienie-pl", "po", "pl", "PL", "PLN", "cells", "grid", "plain", "code_after", "dmy_dot", "fr",
                 ("line_no", "description", "quantity", "unit", "unit_price", "tax_rate", "amount"), (2, 8),
                 _x("vendor_tax", "buyer_tax"), "dejavu-sans-condensed", "jpeg150"),
    Blind2Family("ordrebekraeftelse-dk", "po", "da", "DK", "DKK", "ack", "cards", "charges", "code_after", "long",
                 "de", lines=(2, 6), extras=_x("vendor_tax"), font="dejavu-serif", scan="coffee"),
    Blind2Family("crossborder-usd-ca", "po", "en", "CA", "USD", "letter", "ruled", "charges", "code_before", "iso",
                 "en", ("line_no", "sku", "description", "quantity", "unit", "unit_price", "amount"), (2, 8),
                 _x("fx", "buyer_tax"), "c059", "holes"),
    Blind2Family("sow-milestones-us", "contract", "en", "US", "USD", "sow", "milestones", dates="mdy_long",
                 numbers="en", font="dejavu-serif", scan="holes"),
    Blind2Family("msa-annex-gb", "contract", "en", "GB", "GBP", "msa", "annex", dates="d_mon_long", numbers="en",
                 extras=_x("term"), font="nimbus-roman", scan="fax"),
    Blind2Family("prestation-fr", "contract", "fr", "FR", "EUR", "fr", "list", dates="long", numbers="fr",
                 font="c059", scan="photo"),
    Blind2Family("contrato-servicios-es", "contract", "es", "ES", "EUR", "es", "prose", dates="long", numbers="de",
                 extras=_x("term"), font="p052", scan="jpeg150"),
    Blind2Family("subscription-renewal-au", "contract", "en", "AU", "AUD", "sub", "fees", dates="dmy_slash",
                 numbers="en", extras=_x("term"), font="urw-gothic", scan="coffee"),
    Blind2Family("consulting-deflist-ca", "contract", "en", "CA", "CAD", "deflist", "deflist", dates="iso",
                 numbers="en", font="dejavu-sans", scan="fax"),
]  # fmt: skip
BY_NAME = {f.name: f for f in FAMILIES}
# Fixed once, before anything was measured: the dev half may be studied, the test half is only measured.
BLIND2_SPLITS: dict[str, list[str]] = {
    "dev": ["suite-cards-us", "fusion-boxed-us", "numbered-boxes-us", "lumpsum-retention-au", "bon-commande-fr",
            "orden-compra-mx", "zamowienie-pl", "sow-milestones-us", "prestation-fr", "subscription-renewal-au"],
    "test": ["suite-cells4-gb", "sheet-export-us", "hours-ext-gb", "gst-lakh-in", "orden-compra-es", "inkop-se",
             "ordrebekraeftelse-dk", "crossborder-usd-ca", "msa-annex-gb", "contrato-servicios-es",
             "consulting-deflist-ca"],
}  # fmt: skip


def blind2_families(split: str = "all") -> list[Blind2Family]:
    names = [n for part in ("dev", "test") for n in BLIND2_SPLITS[part]] if split == "all" else BLIND2_SPLITS[split]
    return [BY_NAME[n] for n in names]


# ---------------------------------------------------------------- captions (checked by the test)

PO_CAPTIONS: dict[str, dict[str, str]] = {
    "suite-cards-us": {
        "title": "Buying Document", "po_number": "Doc Reference", "order_date": "Raised Date",
        "vendor": "Fulfilled By", "buyer": "Remit Invoices To", "ship": "Deliver Items To",
        "payment_terms": "Remittance Schedule", "currency": "Money Unit", "contact": "Originator",
        "need": "Needed Before", "subtotal": "Subtot.", "charges": "Kitting Charge", "tax": "Sales Levy",
        "total": "Grand Figure", "line_no": "Entry", "sku": "Stock No.", "quantity": "How Many",
        "unit": "Pack Size", "unit_price": "Per Unit", "amount": "Net Line",
    },
    "suite-cells4-gb": {
        "title": "Purchasing Instruction", "po_number": "Instruction No", "order_date": "Instruction Made",
        "vendor": "Trading Partner", "buyer": "Accounts Payable Address", "ship": "Goods In Location",
        "payment_terms": "Settlement Basis", "currency": "Priced In", "contact": "Budget Holder",
        "need": "Required On", "subtotal": "Lines Added Up", "discount": "Volume Rebate", "tax": "Levy @ 20%",
        "total": "Amount Committed", "line_no": "Seq.", "description": "What", "sku": "Mfr #",
        "quantity": "Number Req.", "unit": "UoP", "unit_price": "Unitary", "amount": "Committed",
    },
    "fusion-boxed-us": {
        "title": "Standard Buy Order", "po_number": "Order Identifier", "order_date": "Creation Date",
        "vendor": "Selling Firm", "buyer": "Procuring Business Unit", "ship": "Receiving Location",
        "payment_terms": "Settlement Method", "currency": "Document Ccy", "contact": "Procurement Agent",
        "subtotal": "Merchandise Amount", "charges": "Delivery Surcharge", "tax": "Estimated Levies",
        "total": "Order Amount Total", "line_no": "Itm", "sku": "Mfr #", "description": "Text",
        "unit": "Measure", "quantity": "How Many", "unit_price": "Per UOM", "amount": "Dollars",
    },
    "sheet-export-us": {
        "title": "Requisition Export", "po_number": "Req Ref", "order_date": "Export Date",
        "vendor": "Supplying Acct", "buyer": "Requesting Entity", "ship": "Drop Location",
        "payment_terms": "Pay Cycle", "currency": "Curr Code", "contact": "Exported By",
        "subtotal": "Σ Lines", "tax": "Sales Levy", "total": "Net Payable Sum", "line_no": "Row",
        "sku": "Stock No.", "description": "Line Text", "quantity": "Number Req.", "unit": "Measure",
        "unit_price": "Per Unit", "amount": "US$",
    },
    "numbered-boxes-us": {
        "title": "ORDER FOR SUPPLIES", "po_number": "2. ORDER NO.", "order_date": "3. DATE OF ORDER",
        "vendor": "9. CONTRACTOR (Name and address)", "buyer": "7. ISSUED BY", "ship": "12. SHIP TO",
        "payment_terms": "13. DISCOUNT / PROMPT PAYMENT", "currency": "14. FUNDS", "contact": "8. ADMINISTERED BY",
        "requisition": "4. REQUISITION NO.", "subtotal": "17(h). TOTAL (Cont. pages)", "total": "17(i). GRAND TOTAL",
        "line_no": "No. (a)", "sku": "STOCK NO. (b)", "description": "SUPPLIES OR SVCS (c)",
        "quantity": "NUMBER (d)", "unit": "ISSUE (e)", "unit_price": "UNITARY (f)", "amount": "EXTD (g)",
    },
    "hours-ext-gb": {
        "title": "Services Commission", "po_number": "Commission Ref", "order_date": "Commissioned",
        "vendor": "Consultancy", "buyer": "Commissioning Body", "payment_terms": "Fee Settlement",
        "contact": "Engagement Lead", "subtotal": "Fees Before VAT", "tax": "Plus V.A.T.",
        "total": "Fees Incl. VAT", "description": "Activity Performed", "quantity": "Time Booked",
        "unit_price": "Per Hour", "amount": "Worth", "tax_id": "V.A.T. No.",
    },
    "lumpsum-retention-au": {
        "title": "Works Order", "po_number": "Works Ref", "order_date": "Works Issued",
        "vendor": "Trade Contractor", "buyer": "Principal", "ship": "Site Address",
        "payment_terms": "Progress Claims", "currency": "Contract Currency", "contact": "Site Superintendent",
        "need": "Practical Completion", "subtotal": "Works Sum", "tax": "G.S.T. @ 10%",
        "total": "Works Value Incl. GST", "retention": "Retention withheld from each progress claim",
        "words": "Value in words", "line_no": "Seq.", "description": "Scope Of Works",
        "quantity": "Nos", "unit": "Basis", "unit_price": "Tariff", "amount": "Worth", "tax_id": "A.B.N.",
    },
    "gst-lakh-in": {
        "title": "Material Indent Order", "po_number": "Indent No.", "order_date": "Indent Dt.",
        "vendor": "M/s.", "buyer": "Indenting Unit", "ship": "Despatch To", "payment_terms": "Credit Period",
        "contact": "Stores In-charge", "subtotal": "Σ Basic", "tax": "CGST + SGST", "tax_a": "CGST @ 9%",
        "tax_b": "SGST @ 9%", "total": "Indent Value", "words": "Rupees (in words)", "line_no": "Sl.",
        "description": "Name & Specification", "sku": "HSN", "quantity": "Qnty", "unit": "Unit of Msr",
        "unit_price": "Basic",
        "amount": "Taxable Amt.", "tax_id": "G.S.T.I.N.",
    },
    "bon-commande-fr": {
        "title": "BON DE COMMANDE N°", "order_date": "Fait le", "vendor": "À l'attention de",
        "buyer": "Service émetteur", "ship": "À livrer à", "payment_terms": "Mode de règlement",
        "contact": "Suivi par", "subtotal": "Montant net HT", "charges": "Port et emballage", "tax": "T.V.A. 20 %",
        "total": "Net à payer TTC", "sku": "Réf.", "description": "Objet de la commande", "quantity": "Nb",
        "unit_price": "P.U. HT", "discount_pct": "Rem.", "amount": "Mt HT", "tax_id": "N° TVA intracom.",
    },
    "orden-compra-es": {
        "title": "Pedido de material", "po_number": "Núm. pedido", "order_date": "Fecha pedido",
        "vendor": "Proveedor adjudicatario", "buyer": "Solicitante", "ship": "Punto de descarga",
        "payment_terms": "Vencimientos",
        "contact": "Gestor compra", "need": "Fecha entrega", "subtotal": "Suma importes",
        "discount": "Dto. pronto pago",
        "tax": "Cuota I.V.A.", "total": "Importe del pedido", "sku": "Cód. prov.", "description": "Artículo",
        "quantity": "Uds.", "unit_price": "Importe ud.", "amount": "Importe neto", "tax_id": "C.I.F.",
    },
    "orden-compra-mx": {
        "title": "Orden de compra nacional", "po_number": "Folio OC", "order_date": "Fecha de elaboración",
        "vendor": "Razón social proveedor", "buyer": "Razón social comprador", "ship": "Domicilio de entrega",
        "payment_terms": "Condiciones de crédito", "currency": "Moneda de pago", "contact": "Elaboró",
        "subtotal": "Suma parcial", "tax": "I.V.A. 16%", "total": "Neto a pagar", "words": "Importe con letra",
        "line_no": "Núm.", "sku": "Clave", "description": "Bien o servicio", "unit": "U. de M.",
        "quantity": "Ctd.", "unit_price": "P. unitario", "amount": "Neto", "tax_id": "RFC",
    },
    "inkop-se": {
        "title": "Inköpsorder", "po_number": "Best.nr", "order_date": "Beställningsdatum", "vendor": "Leverantör",
        "buyer": "Beställare", "ship": "Leveransadress", "payment_terms": "Betalningsvillkor",
        "currency": "Valutakod", "contact": "Vår referens", "need": "Önskat leveransdatum", "subtotal": "Summa rader",
        "charges": "Frakt", "tax": "Moms 25 %", "total": "Att betala", "sku": "Artikelnr", "description": "Benämning",
        "quantity": "Antal", "unit": "Enh", "unit_price": "À-pris", "amount": "Belopp", "tax_id": "Momsreg.nr",
    },
    "zamowienie-pl": {
        "title": "Zamówienie", "po_number": "Numer zamówienia", "order_date": "Data wystawienia",
        "vendor": "Dostawca", "buyer": "Zamawiający", "ship": "Miejsce dostawy", "payment_terms": "Termin płatności",
        "currency": "Waluta", "contact": "Osoba kontaktowa", "subtotal": "Razem netto", "tax": "Razem VAT",
        "total": "Razem brutto", "line_no": "Lp.", "description": "Nazwa towaru lub usługi", "quantity": "Ilość",
        "unit": "J.m.", "unit_price": "Cena jedn. netto", "tax_rate": "Stawka", "amount": "Wartość netto",
        "tax_id": "NIP",
    },
    "crossborder-usd-ca": {
        "title": "Cross-Border Purchase Order", "po_number": "Import Order #", "order_date": "Placed On",
        "vendor": "Exporter", "buyer": "Importer of Record", "ship": "Deliver Duty Paid To",
        "payment_terms": "Remittance Terms", "currency": "Priced Currency", "contact": "Ordering Contact",
        "subtotal": "Merchandise Before Duties", "charges": "Customs Brokerage", "tax": "HST @ 13%",
        "total": "Balance Owing",
        "fx": "FX Note", "line_no": "Ln #", "sku": "Stock No.", "description": "Specs", "quantity": "Number Req.",
        "unit": "Pkg", "unit_price": "Per Unit", "amount": "US$", "tax_id": "Business No.",
    },
    "ordrebekraeftelse-dk": {
        "title": "Ordrebekræftelse", "po_number": "Deres ordrenr.", "order_date": "Deres bestilling af",
        "vendor": "Sælger", "buyer": "Kunde", "ship": "Leveringsadresse", "payment_terms": "Betalingsbetingelser",
        "contact": "Sælgers kontakt", "own_no": "Vores ordrenr.", "subtotal": "Varetotal", "charges": "Fragt",
        "tax": "Moms 25%", "total": "At betale", "sku": "Varenr.", "quantity": "Antal",
        "unit": "Enhed", "unit_price": "Stk.pris", "amount": "Beløb", "tax_id": "CVR-nr.",
    },
}  # fmt: skip
# captions whose role the extractor does not report
UNREPORTED_ROLES = ("title", "contact", "need", "requisition", "retention", "words", "own_no", "tax_a", "tax_b")
COLUMN_ROLES = ("line_no", "sku", "description", "quantity", "unit", "unit_price", "amount", "discount_pct",
                "tax_rate")  # fmt: skip

MONTHS = {
    "en": ["January", "February", "March", "April", "May", "June", "July", "August", "September", "October",
           "November", "December"],
    "fr": ["janvier", "février", "mars", "avril", "mai", "juin", "juillet", "août", "septembre", "octobre",
           "novembre", "décembre"],
    "es": ["enero", "febrero", "marzo", "abril", "mayo", "junio", "julio", "agosto", "septiembre", "octubre",
           "noviembre", "diciembre"],
    "sv": ["januari", "februari", "mars", "april", "maj", "juni", "juli", "augusti", "september", "oktober",
           "november", "december"],
    "da": ["januar", "februar", "marts", "april", "maj", "juni", "juli", "august", "september", "oktober",
           "november", "december"],
    "pl": ["stycznia", "lutego", "marca", "kwietnia", "maja", "czerwca", "lipca", "sierpnia", "września",
           "października", "listopada", "grudnia"],
}  # fmt: skip


def format_day(day: date, style: str, lang: str) -> str:
    d, m, y = day.day, day.month, day.year
    month = MONTHS[lang][m - 1]
    short = MONTHS["en"][m - 1][:3]
    return {
        "iso": f"{y:04d}-{m:02d}-{d:02d}",
        "dmy_slash": f"{d:02d}/{m:02d}/{y}",
        "dmy_dot": f"{d:02d}.{m:02d}.{y}",
        "mdy_slash": f"{m}/{d}/{y}",
        "mdy_long": f"{MONTHS['en'][m - 1]} {d}, {y}",
        "d_mon": f"{d} {short} {y}",
        "d_mon_long": f"{d} {MONTHS['en'][m - 1]} {y}",
        "dd_mon": f"{d:02d}-{short.upper()}-{y}",
        "ymd_compact": f"{y:04d} {short.upper()} {d:02d}",
        "long_es_mx": f"{d:02d}/{month[:3].upper()}/{y}",
        "long": {"fr": f"{d} {month} {y}", "es": f"{d} de {month} de {y}", "da": f"{d}. {month} {y}",
                 "sv": f"{d} {month} {y}", "pl": f"{d} {month} {y} r."}.get(lang, f"{d} {month} {y}"),
    }[style]  # fmt: skip


def format_num(value: Decimal, style: str, places: int = 2) -> str:
    """A number as the family prints it; ``in`` groups Indian-style (1,23,45,678.00)."""
    value = value.quantize(Decimal(1).scaleb(-places), rounding=ROUND_HALF_UP)
    if style == "in":
        sign = "-" if value < 0 else ""
        whole, _, frac = f"{abs(value):.{places}f}".partition(".")
        head, tail = whole[:-3], whole[-3:]
        groups: list[str] = []
        while len(head) > 2:
            groups.insert(0, head[-2:])
            head = head[:-2]
        if head:
            groups.insert(0, head)
        text = ",".join([*groups, tail]) if groups else tail
        return sign + text + (f".{frac}" if places else "")
    thousands, decimal_sep = NUMBER_STYLES[style]
    text = format(value, f",.{places}f")
    return text.replace(",", "\x00").replace(".", decimal_sep).replace("\x00", thousands)


_ONES = ["", "One", "Two", "Three", "Four", "Five", "Six", "Seven", "Eight", "Nine", "Ten", "Eleven", "Twelve",
         "Thirteen", "Fourteen", "Fifteen", "Sixteen", "Seventeen", "Eighteen", "Nineteen"]  # fmt: skip
_TENS = ["", "", "Twenty", "Thirty", "Forty", "Fifty", "Sixty", "Seventy", "Eighty", "Ninety"]


def _below_1000(n: int) -> str:
    out = []
    if n >= 100:
        out.append(f"{_ONES[n // 100]} Hundred")
        n %= 100
    if n >= 20:
        out.append(_TENS[n // 10] + (f"-{_ONES[n % 10]}" if n % 10 else ""))
    elif n:
        out.append(_ONES[n])
    return " ".join(out)


def amount_in_words(value: Decimal, indian: bool = False) -> str:
    """'One Lakh Twenty-Three Thousand ...' (Indian) or '... Thousand ...' (western); cents as '45/100'."""
    whole = int(value)
    cents = int((value - whole) * 100)
    scales = [(10**7, "Crore"), (10**5, "Lakh"), (1000, "Thousand")] if indian else [
        (10**9, "Billion"), (10**6, "Million"), (1000, "Thousand")]  # fmt: skip
    parts = []
    for size, name in scales:
        if whole >= size:
            parts.append(f"{_below_1000(whole // size) if whole // size < 1000 else str(whole // size)} {name}")
            whole %= size
    if whole:
        parts.append(_below_1000(whole))
    return " ".join(parts or ["Zero"]) + f" and {cents:02d}/100"


_ES_UNITS = ["CERO", "UNO", "DOS", "TRES", "CUATRO", "CINCO", "SEIS", "SIETE", "OCHO", "NUEVE", "DIEZ", "ONCE",
             "DOCE", "TRECE", "CATORCE", "QUINCE", "DIECISÉIS", "DIECISIETE", "DIECIOCHO", "DIECINUEVE",
             "VEINTE", "VEINTIUNO", "VEINTIDÓS", "VEINTITRÉS", "VEINTICUATRO", "VEINTICINCO", "VEINTISÉIS",
             "VEINTISIETE", "VEINTIOCHO", "VEINTINUEVE"]  # fmt: skip
_ES_TENS = {3: "TREINTA", 4: "CUARENTA", 5: "CINCUENTA", 6: "SESENTA", 7: "SETENTA", 8: "OCHENTA", 9: "NOVENTA"}
_ES_HUNDREDS = ("", "CIENTO", "DOSCIENTOS", "TRESCIENTOS", "CUATROCIENTOS", "QUINIENTOS", "SEISCIENTOS",
                "SETECIENTOS", "OCHOCIENTOS", "NOVECIENTOS")  # fmt: skip


def _es_below_1000(n: int, apocope: bool = False) -> str:
    if n == 100:
        return "CIEN"
    parts = [_ES_HUNDREDS[n // 100]] if n >= 100 else []
    r = n % 100
    if r:
        word = _ES_UNITS[r] if r < 30 else _ES_TENS[r // 10] + (f" Y {_ES_UNITS[r % 10]}" if r % 10 else "")
        if apocope and word.endswith("UNO"):  # 'veintiún mil', 'treinta y un mil'
            word = word[:-3] + ("ÚN" if word == "VEINTIUNO" else "UN")
        parts.append(word)
    return " ".join(parts)


def pesos_in_words(value: Decimal) -> str:
    """'CIENTO CINCUENTA Y OCHO MIL TRESCIENTOS OCHENTA Y SIETE PESOS 24/100 M.N.', as Mexican documents write it."""
    whole = int(value)
    cents = int((value - whole) * 100)
    millions, rest = divmod(whole, 10**6)
    thousands, units = divmod(rest, 1000)
    parts = []
    if millions:
        parts.append("UN MILLÓN" if millions == 1 else f"{_es_below_1000(millions, True)} MILLONES")
    if thousands:
        parts.append("MIL" if thousands == 1 else f"{_es_below_1000(thousands, True)} MIL")
    if units or not parts:
        parts.append(_es_below_1000(units, True) if units else "CERO")
    return f"{' '.join(parts)} PESOS {cents:02d}/100 M.N."


# ---------------------------------------------------------------- parties and tax ids

COMPANIES = {
    "US": (["Marrowfield", "Stonecrest", "Bluewater Bay", "Pickering & Dale", "Larkspur"],
           ["Instruments", "Laboratories", "Outfitters", "Controls"], ["Inc.", "LLC", "Co."]),
    "GB": (["Fenwick Hollow", "Haverleigh", "Greyfriars", "Tolhurst"], ["Consulting", "Facilities", "Joinery"],
           ["Ltd", "LLP"]),
    "AU": (["Barramundi Coast", "Ironbark", "Jacaranda"], ["Builders", "Electrical", "Civil"], ["Pty Ltd"]),
    "IN": (["Shreeram", "Vasundhara", "Kaveri", "Anandam"], ["Polymers", "Fasteners", "Engineering Works"],
           ["Pvt. Ltd.", "Ltd."]),
    "FR": (["Lemaréchal", "Duval-Roussel", "Fontanet", "Bréhaut"], ["Outillage", "Emballages", "Électricité"],
           ["SARL", "SAS", "S.A."]),
    "ES": (["Garrido", "Iturbe", "Montalbán", "Sopeña"], ["Suministros", "Ferretería Industrial", "Envases"],
           ["S.L.", "S.A."]),
    "MX": (["Grupo Tlaloc", "Herrera Cantú", "Villaseñor"], ["Refacciones", "Distribuidora", "Plásticos"],
           ["S.A. de C.V.", "S. de R.L. de C.V."]),
    "SE": (["Björkvall", "Lindqvist & Öberg", "Sjöholm"], ["Verktyg", "Maskin", "Förpackning"], ["AB"]),
    "DK": (["Søndergaard", "Højbjerg", "Kjærsgaard"], ["Maskinfabrik", "Emballage", "Værktøj"], ["A/S", "ApS"]),
    "PL": (["Wójcik", "Zieliński", "Dąbrowski", "Przybył"], ["Metalurgia", "Opakowania", "Elektronika"],
           ["Sp. z o.o.", "S.A."]),
    "CA": (["Maplecrest", "Northshore", "Red River"], ["Advisory", "Analytics", "Partners"], ["Inc.", "Ltd."]),
}  # fmt: skip
CITIES = {
    "US": [("Tacoma", "WA 98402", "Pacific Avenue"), ("Albany", "NY 12207", "State Street"),
           ("Tulsa", "OK 74103", "Boston Avenue")],
    "GB": [("Norwich", "NR2 1NR", "Prince of Wales Road"), ("Preston", "PR1 2HE", "Fishergate")],
    "AU": [("Townsville", "QLD 4810", "Flinders Street"), ("Bendigo", "VIC 3550", "Pall Mall")],
    "IN": [("Pune", "411001", "Laxmi Road"), ("Coimbatore", "641018", "Avinashi Road"),
           ("Vadodara", "390007", "Alkapuri Main Road")],
    "FR": [("Angers", "49100", "rue Lenepveu"), ("Limoges", "87000", "avenue Garibaldi")],
    "ES": [("Zaragoza", "50004", "Paseo de Pamplona"), ("Valladolid", "47001", "Calle Santiago")],
    "MX": [("Querétaro, Qro.", "C.P. 76000", "Av. Corregidora"), ("Saltillo, Coah.", "C.P. 25000", "Calle Victoria")],
    "SE": [("Västerås", "722 15", "Stora Gatan"), ("Jönköping", "553 20", "Östra Storgatan")],
    "DK": [("Odense C", "5000", "Vestergade"), ("Aalborg", "9000", "Boulevarden")],
    "PL": [("Łódź", "90-001", "ul. Piotrkowska"), ("Poznań", "61-001", "ul. Święty Marcin")],
    "CA": [("Winnipeg", "MB R3C 0N9", "Portage Avenue"), ("Halifax", "NS B3J 1S9", "Barrington Street")],
}  # fmt: skip
COUNTRY_WORDS = {"US": "United States", "GB": "UK", "AU": "Australia", "IN": "India", "FR": "France",
                 "ES": "España", "MX": "México", "SE": "Sverige", "DK": "Danmark", "PL": "Polska",
                 "CA": "Canada"}  # fmt: skip


def _check_search(rng: random.Random, body: str, alphabet: str, valid: Callable[[str], bool], suffix: str = "") -> str:
    for ch in rng.sample(alphabet, len(alphabet)):
        if valid(body + ch + suffix):
            return body + ch + suffix
    raise ValueError("no check character")


def _digits(rng: random.Random, n: int) -> str:
    return str(rng.randrange(1, 10)) + "".join(str(rng.randrange(10)) for _ in range(n - 1))


def tax_id(rng: random.Random, country: str) -> str | None:
    """A tax id with a valid check digit where the scheme has one, printed the way the country writes it."""
    for _ in range(50):
        try:
            return _tax_id(rng, country)
        except ValueError:
            continue
    raise RuntimeError(country)


def _tax_id(rng: random.Random, country: str) -> str | None:
    if country in {"FR", "SE"}:
        return eu_vat_id(rng, country)
    if country == "US":
        return us_ein_id(rng)
    if country == "PL":
        return nip.format(_check_search(rng, _digits(rng, 9), string.digits, nip.is_valid))
    if country == "DK":
        return "DK" + _check_search(rng, _digits(rng, 7), string.digits, cvr.is_valid)
    if country == "GB":
        number = _check_search(rng, _digits(rng, 8), string.digits, gb_vat.is_valid)
        return f"GB {number[:3]} {number[3:7]} {number[7:]}"
    if country == "AU":
        body = _digits(rng, 9)
        return abn.format(abn.calc_check_digits(body) + body)
    if country == "ES":
        body = rng.choice("ABB") + "".join(str(rng.randrange(10)) for _ in range(7))
        return body + cif.calc_check_digits(body)[0]
    if country == "MX":
        letters = "".join(rng.choice("ABCDEFGHJKLMNPRSTUVWXZ") for _ in range(3))
        born = date(rng.randrange(1985, 2015), rng.randrange(1, 13), rng.randrange(1, 28))
        body = letters + born.strftime("%y%m%d") + rng.choice(string.ascii_uppercase) + str(rng.randrange(1, 10))
        return _check_search(rng, body, string.digits + "A", rfc.is_valid)
    if country == "IN":
        pan = "".join(rng.choice(string.ascii_uppercase) for _ in range(3)) + "C" + rng.choice("ABDKMRS")
        body = f"{rng.choice(['27', '33', '24'])}{pan}{rng.randrange(1000, 9999)}{rng.choice('ABCDEFGH')}1Z"
        return _check_search(rng, body, string.digits + string.ascii_uppercase, gstin.is_valid)
    if country == "CA":
        return _check_search(rng, _digits(rng, 8), string.digits, luhn.is_valid) + "RT0001"
    return None


def make_party(rng: random.Random, country: str, avoid: str = "", label: str | None = None) -> BlindParty:
    stems, trades, forms = COMPANIES[country]
    stem = rng.choice([s for s in stems if not avoid.startswith(s)])
    name = f"{stem} {rng.choice(trades)} {rng.choice(forms)}"
    city, post, street = rng.choice(CITIES[country])
    number = rng.randrange(2, 240)
    if country in {"US", "GB", "AU", "CA", "IN"}:
        street_line, city_line = f"{number} {street}", f"{city} {post}" if country != "IN" else f"{city} - {post}"
    elif country == "FR":
        street_line, city_line = f"{number}, {street}", f"{post} {city.upper()}"
    elif country == "MX":
        street_line, city_line = f"{street} No. {number}, Col. Centro", f"{post} {city}"
    else:
        street_line, city_line = f"{street} {number}", f"{post} {city}"
    return BlindParty(name, street_line, city_line, COUNTRY_WORDS[country], label, tax_id(rng, country))


# ---------------------------------------------------------------- order values

PRODUCTS: dict[str, list[tuple[str, str | None]]] = {
    "suite-cards-us": [("Ergonomic mesh task chair with adjustable lumbar support and 4D armrests, black", "EA"),
                       ("Laptop docking station, USB-C, dual 4K display output, 100W passthrough", "EA"),
                       ("Wireless barcode scanner kit with charging cradle and 3-year service plan", "KIT"),
                       ("Thermal label rolls 4x6in, 250 labels per roll, case of 12", "CS"),
                       ("Conference room speakerphone with expansion microphones", "EA")],
    "suite-cells4-gb": [("A4 copier paper 80gsm, box of 5 reams", "BOX"), ("Toner cartridge, black, high yield",
                        "EA"), ("Hand sanitiser 500ml pump", "EA"), ("Desk fan 16in oscillating", "EA"),
                        ("First aid refill pack, workplace", "PK"), ("Cable ties 300mm, bag of 100", "BAG")],
    "fusion-boxed-us": [("Stainless steel pipe, schedule 40, 2in x 21ft, ASTM A312 TP316L seamless", "EA"),
                        ("Gate valve, class 150, flanged, carbon steel body with trim 8", "EA"),
                        ("Spiral wound gasket 3in 300# with inner and outer rings", "EA"),
                        ("Pressure transmitter 0-300 psi, 4-20 mA HART, 1/2in NPT", "EA"),
                        ("Welding electrodes E7018 1/8in, 10 lb can", "CAN")],
    "sheet-export-us": [("Printer ink set CMYK", "SET"), ("Whiteboard markers asst.", "PK"), ("Bottled water 24pk",
                        "CS"), ("Coffee filters #4", "BX"), ("Extension cord 25ft", "EA"), ("Sticky notes 3x3",
                        "PK"), ("Batteries AA 24ct", "PK"), ("Paper towels, 12 rolls", "CS")],
    "numbered-boxes-us": [("Field jacket, cold weather, size L, olive drab", "EA"),
                          ("Tent stakes, aluminum, 10in, pack of 20", "PG"), ("Ration heater, flameless", "BX"),
                          ("Generator maintenance kit, 10kW tactical quiet", "KT"), ("Canvas tarpaulin 12x16ft", "EA")],
    "hours-ext-gb": [("Structural survey of east wing, site attendance and notes", "hrs"),
                     ("Drafting of condition report", "hrs"), ("Client workshop and follow-up", "hrs"),
                     ("Review of contractor method statements", "hrs"), ("Travel time, Norwich to site", "hrs")],
    "lumpsum-retention-au": [("Supply and install switchboard upgrade, including isolation, testing and "
                              "certificate of compliance", "LS"), ("Trenching and conduit for new sub-main, "
                              "approx. 45 m, reinstatement of pavers", "LS"), ("Emergency and exit lighting "
                              "replacement to level 1 and 2", "LS"), ("Site establishment and traffic management",
                              "LS")],
    "gst-lakh-in": [("MS hex bolt M12 x 50, grade 8.8", "NOS"), ("HDPE granules, natural, injection grade", "KGS"),
                    ("Bearing 6205 ZZ", "NOS"), ("Cotton waste, white", "KGS"), ("V-belt B-52", "NOS"),
                    ("Cutting oil, soluble", "LTR")],
    "bon-commande-fr": [("Ramette papier recyclé A4", None), ("Agrafeuse de bureau 50 feuilles", None),
                        ("Classeur à levier dos 8 cm", None), ("Cartouche d'encre noire", None),
                        ("Chaise visiteur empilable", None)],
    "orden-compra-es": [("Guantes de nitrilo talla M, caja 100", None), ("Tornillo DIN 933 M8x30 galvanizado",
                        None), ("Cinta americana gris 50 mm", None), ("Bridas de nylon 200 mm", None),
                        ("Disco de corte inox 125 mm", None)],
    "orden-compra-mx": [("Rodamiento de bolas 6204", "PZA"), ("Manguera hidráulica 1/2 pulgada", "MT"),
                        ("Aceite hidráulico ISO 68, cubeta 19 L", "CUB"), ("Banda en V A-42", "PZA"),
                        ("Tornillo hexagonal grado 5 de 3/8", "PZA")],
    "inkop-se": [("Skruv rostfri A2 M6x20", "st"), ("Skyddshandskar nitril stl 9", "par"),
                 ("Kabelstege 300 mm förzinkad", "m"), ("Pallmärkning etiketter", "rle"),
                 ("Smörjfett universal 400 g", "st")],
    "zamowienie-pl": [("Rękawice robocze powlekane", "para"), ("Śruba sześciokątna M10x40 ocynk", "szt."),
                      ("Taśma pakowa brązowa 48 mm", "szt."), ("Przewód YDY 3x2,5 mm²", "m"),
                      ("Olej hydrauliczny HL 46", "l")],
    "crossborder-usd-ca": [("Industrial label printer, 300 dpi, with cutter", "EA"), ("Pallet jack 5500 lb", "EA"),
                           ("Stretch wrap dispenser, hand held", "EA"), ("Floor marking tape 3in yellow", "RL"),
                           ("Steel shelving unit 48x24x72in, 5 shelves", "EA")],
    "ordrebekraeftelse-dk": [("Rustfri skrue A4 M8x30 (pakke à 100)", "pk"), ("Kuglehane 3/4\" messing", "stk"),
                             ("Sikkerhedssko str. 43, S3", "par"), ("Strækfilm 500 mm transparent", "rl"),
                             ("Kabelbakke 200 mm galvaniseret", "m")],
}  # fmt: skip
PAYMENT_TERMS = {
    "suite-cards-us": [("Net 45 after receipt of goods", 45), ("2% 10 Net 30", 30)],
    "suite-cells4-gb": [("30 days from end of month of invoice", 30), ("14 days from invoice", 14)],
    "fusion-boxed-us": [("NET 60", 60), ("IMMEDIATE", 0)],
    "sheet-export-us": [("N30", 30), ("N15", 15)],
    "numbered-boxes-us": [("NET 30 DAYS", 30), ("0% 20 DAYS / NET 30", 30)],
    "hours-ext-gb": [("Monthly in arrears, 30 days", 30), ("On completion, 14 days", 14)],
    "lumpsum-retention-au": [("Monthly progress claims, paid within 25 business days", 25),
                             ("Payment within 30 days of a valid claim", 30)],
    "gst-lakh-in": [("45 days from receipt of material", 45), ("100% against delivery", 0), ("30 days credit", 30)],
    "bon-commande-fr": [("45 jours fin de mois", 45), ("à réception de facture", 0), ("virement à 30 jours", 30)],
    "orden-compra-es": [("Transferencia a 60 días", 60), ("Confirming 90 días", 90), ("Contado", 0)],
    "orden-compra-mx": [("Crédito 30 días", 30), ("Contado contra entrega", 0)],
    "inkop-se": [("30 dagar netto", 30), ("10 dagar", 10)],
    "zamowienie-pl": [("przelew 14 dni", 14), ("przelew 30 dni od daty dostawy", 30)],
    "crossborder-usd-ca": [("Wire transfer, net 30", 30), ("Net 20 from receipt at border", 20)],
    "ordrebekraeftelse-dk": [("Netto 8 dage", 8), ("Løbende måned + 30 dage", 30)],
}  # fmt: skip
TAX_RATES = {"US": "8.25", "GB": "20", "AU": "10", "IN": "18", "FR": "20", "ES": "21", "MX": "16", "SE": "25",
             "DK": "25", "PL": "23", "CA": "13"}  # fmt: skip
CHARGE_RANGE = (1500, 24000)


def _sku(rng: random.Random, fam: Blind2Family) -> str:
    n = rng.randrange(10**5, 10**7)
    return {"IN": f"{rng.choice(['7318', '3901', '8482', '5202', '4010'])}{rng.randrange(10, 99)}",
            "FR": f"{n % 1000000:06d}", "ES": f"{n % 100000:05d}", "MX": f"{rng.choice('RTM')}{n % 10000:04d}",
            "SE": f"{n // 100}", "DK": f"{n % 100000:05d}-{rng.randrange(10, 99)}"}.get(
        fam.country, f"{rng.choice(['CAT', 'ITM', 'MTL'])}-{n % 100000:05d}")  # fmt: skip


def _number(rng: random.Random, fam: Blind2Family, year: int) -> str:
    return {
        "suite-cards-us": f"PO{rng.randrange(10**6, 10**7)}", "suite-cells4-gb": f"P{rng.randrange(100000, 999999)}",
        "fusion-boxed-us": f"US{rng.randrange(1000, 9999)}-{rng.randrange(100000, 999999)}",
        "sheet-export-us": f"R-{year}-{rng.randrange(1, 9999):05d}",
        "numbered-boxes-us": f"W{rng.randrange(100, 999)}QR-{year % 100}-P-{rng.randrange(1000, 9999)}",
        "hours-ext-gb": f"SC/{year}/{rng.randrange(10, 999):03d}",
        "lumpsum-retention-au": f"WO{rng.randrange(1000, 99999)}",
        "gst-lakh-in": f"MIO/{year}-{(year + 1) % 100:02d}/{rng.randrange(100, 9999)}",
        "bon-commande-fr": f"BC{year}{rng.randrange(1, 999):04d}",
        "orden-compra-es": f"{year}/{rng.randrange(1, 99999):05d}",
        "orden-compra-mx": f"OC-{rng.randrange(10000, 99999)}", "inkop-se": f"{rng.randrange(100000, 999999)}",
        "zamowienie-pl": f"ZAM/{rng.randrange(1, 999)}/{rng.randrange(1, 12):02d}/{year}",
        "ordrebekraeftelse-dk": f"{rng.randrange(10000, 99999)}",
        "crossborder-usd-ca": f"IMP-{year}-{rng.randrange(100, 9999)}",
    }[fam.name]  # fmt: skip


def sample_po(rng: random.Random, fam: Blind2Family) -> BlindPO:
    label = PO_CAPTIONS[fam.name].get("tax_id")
    buyer = make_party(rng, fam.country, label=label)
    vendor = make_party(rng, fam.country, avoid=buyer.name, label=label)
    ship = make_party(rng, fam.country)
    ship.name = buyer.name
    n = rng.randrange(*fam.lines)
    rate_tax = Decimal(TAX_RATES[fam.country])
    lines = []
    pool = PRODUCTS[fam.name]
    for k in range(n):
        desc, unit = pool[k % len(pool)] if n <= len(pool) else rng.choice(pool)
        if "lumpsum" in fam.extras:
            qty, price = Decimal(1), q2(Decimal(rng.randrange(180000, 4800000)) / 100)
        elif "hours" in fam.extras:
            qty, price = Decimal(rng.randrange(2, 160)) / 2, Decimal(rng.choice([65, 85, 95, 110, 125, 140, 165]))
        else:
            cents = rng.randrange(150, 90000) if fam.currency not in {"INR", "MXN", "SEK", "DKK"} else rng.randrange(
                900, 250000)  # fmt: skip
            qty = Decimal(rng.choice([1, 1, 2, 2, 3, 4, 5, 6, 8, 10, 12, 15, 20, 24, 30, 50, 100]))
            price = q2(Decimal(cents) / 100)
        disc = Decimal(rng.choice([0, 0, 5, 10, 15])) if "discount_pct" in fam.columns else None
        amount = q2(qty * price * (1 - (disc or 0) / Decimal(100)))
        rate = (rate_tax if rng.random() < 0.75 else Decimal("8")) if "tax_rate" in fam.columns else None
        lines.append(POLine(_sku(rng, fam) if "sku" in fam.columns or fam.items == "cards" else None, desc, qty,
                            unit if ("unit" in fam.columns or fam.items == "cards" or "hours" in fam.extras) else None,
                            price, disc, rate,
                            amount))  # fmt: skip
    discount_pct = Decimal(rng.choice([2, 3, 4])) if fam.totals == "discount" else Decimal(0)
    charges = q2(Decimal(rng.randrange(*CHARGE_RANGE)) / 100) if fam.totals == "charges" else Decimal("0.00")
    year = rng.randrange(2024, 2028)
    head = (_number(rng, fam, year), date(year, 1, 1) + timedelta(days=rng.randrange(0, 364)), buyer, vendor, ship,
            rng.choice(PAYMENT_TERMS[fam.name]))  # fmt: skip
    return priced_order(*head, lines, discount_pct, charges, rate_tax, "tax_rate" in fam.columns, fam.totals != "none")


def priced_order(
    number: str,
    order_date: date,
    buyer: BlindParty,
    vendor: BlindParty,
    ship: BlindParty,
    terms: tuple[str, int],
    lines: list[POLine],
    discount_pct: Decimal,
    charges: Decimal,
    rate_tax: Decimal,
    per_line_rates: bool,
    taxed: bool,
) -> BlindPO:
    """An order's totals from its lines: the discount off the subtotal, the charges on, the tax per line rate (or
    at ``rate_tax`` on the whole) unless untaxed."""
    subtotal = sum((ln.amount for ln in lines), Decimal("0.00"))
    discount = q2(subtotal * discount_pct / 100)
    base = subtotal - discount + charges
    tax_by_rate: dict[Decimal, Decimal] = {}
    if taxed and per_line_rates:
        bases: dict[Decimal, Decimal] = {}
        for ln in lines:
            assert ln.tax_rate is not None
            bases[ln.tax_rate] = bases.get(ln.tax_rate, Decimal(0)) + ln.amount
        tax_by_rate = {r: q2(b * r / 100) for r, b in bases.items()}
    elif taxed:
        tax_by_rate = {rate_tax: q2(base * rate_tax / 100)}
    tax_total = sum(tax_by_rate.values(), Decimal("0.00"))
    return BlindPO(number, order_date, buyer, vendor, ship, terms, lines, subtotal, discount, discount_pct, charges,
                   rate_tax if tax_by_rate else None, tax_by_rate, tax_total, base + tax_total)  # fmt: skip


# ---------------------------------------------------------------- drawing

SYMBOLS = {"EUR": "€", "USD": "$", "GBP": "£", "AUD": "$", "INR": "₹", "MXN": "$", "SEK": "kr", "DKK": "kr",
           "PLN": "zł", "CAD": "$"}  # fmt: skip
_PLAIN_SYMBOLS = {"$", "kr"}  # shared by several currencies: not a currency on their own


class _Sheet2:
    """Pages, a cursor, the family's fonts and its number, date and money formats."""

    def __init__(self, rng: random.Random, fam: Blind2Family, size: float) -> None:
        self.rng, self.fam, self.size = rng, fam, size
        self.f = Fonts.of(fam.font)
        self.lead = size * 1.4
        self.pw, self.ph = (612.0, 792.0) if fam.country in {"US", "CA", "MX"} else (595.28, 841.89)
        self.margin = 36.0 if fam.kind == "po" else 64.0
        self.left, self.right = self.margin, self.pw - self.margin
        self.pages: list[PageDraft] = []
        self.currency_shown = False
        self.new_page()

    def new_page(self) -> PageDraft:
        self.page = PageDraft(self.pw, self.ph)
        self.pages.append(self.page)
        self.y = self.margin
        return self.page

    def t(self, x: float, y: float, s: str, tag: str | None = None, *, bold: bool = False, scale: float = 1.0,
          align: str = "left", row: int | None = None, grey: bool = False, italic: bool = False,
          entity: Entity | None = None, color: tuple[float, float, float] | None = None) -> float:  # fmt: skip
        ent = entity or (Entity(tag, row=row) if tag else None)
        font = self.f.bold if bold else self.f.italic if italic else self.f.regular
        ink = color or ((0.4, 0.4, 0.4) if grey else (0, 0, 0))
        return self.page.text(x, y, s, font, self.size * scale, ent, align=align, color=ink, row=row)

    def num(self, value: Decimal, places: int = 2) -> str:
        return format_num(value, self.fam.numbers, places)

    def qty(self, value: Decimal) -> str:
        exponent = value.normalize().as_tuple().exponent
        places = -exponent if isinstance(exponent, int) and exponent < 0 else 0
        return self.num(value, places)

    def day(self, value: date) -> str:
        return format_day(value, self.fam.dates, self.fam.lang)

    def money(self, x: float, y: float, value: Decimal, tag: str | None, *, bold: bool = False,
              row: int | None = None, sign: str = "", style: str | None = None) -> None:  # fmt: skip
        """An amount right-aligned at ``x`` with the family's symbol or code; the first unambiguous one is tagged."""
        style = style or self.fam.money
        number = ("" if style.endswith("before") else sign) + self.num(value)
        if style == "plain":
            self.t(x, y, number, tag, bold=bold, align="right", row=row)
            return
        symbol = SYMBOLS[self.fam.currency] if style.startswith("sym") else self.fam.currency
        space = width(" ", self.f.regular, self.size)
        cur_tag = None if self.currency_shown or symbol in _PLAIN_SYMBOLS else "currency"
        self.currency_shown = self.currency_shown or cur_tag is not None
        if style.endswith("after"):
            w = self.t(x, y, symbol, cur_tag, bold=bold, align="right", row=row)
            self.t(x - w - space, y, number, tag, bold=bold, align="right", row=row)
        else:
            w = self.t(x, y, number, tag, bold=bold, align="right", row=row)
            self.t(x - w - space, y, sign + symbol, cur_tag, bold=bold, align="right", row=row)

    def pair(self, x: float, y: float, caption: str, value: str, tag: str | None, *, gap: float = 4,
             scale: float = 1.0, bold_caption: bool = True) -> float:  # fmt: skip
        """'Caption value' on one line; returns the x after the value."""
        w = self.t(x, y, caption, bold=bold_caption, scale=scale)
        return x + w + gap + self.t(x + w + gap, y, value, tag, scale=scale)

    def block(self, x: float, y: float, w: float, caption: str | None, party: BlindParty, tag: str | None,
              tax: bool = False, *, boxed: bool = False, h: float = 0.0) -> float:  # fmt: skip
        """A party's name and address under a caption; its tax id below when asked."""
        top = y
        if caption:
            self.t(x, y + self.size, caption, bold=True, scale=0.82, grey=True)
            y += self.lead
        entity = Entity(tag) if tag else None
        for line in wrap(party.name, self.f.bold, self.size, w - 4):
            self.t(x, y + self.size, line, bold=True, entity=entity)
            y += self.lead
        for line in (party.street, party.city, party.country):
            self.t(x, y + self.size, line, scale=0.95)
            y += self.lead
        if tax and tag and party.tax_id and party.tax_label:
            self.pair(x, y + self.size, party.tax_label + ":", party.tax_id, tag.replace("_name", "_tax_id"),
                      scale=0.9, bold_caption=False)  # fmt: skip
            y += self.lead
        if boxed:
            self.page.rect(x - 5, top - 3, w + 5, max(h, y - top + 6), line_width=0.6)
        return y


FlowValues = Mapping[str, tuple[str, str | None] | tuple[str, str | None, int]]


def flow_tokens(template: str, values: FlowValues, row: int | None) -> list[tuple[str, Entity | None]]:
    """Split ``template`` into words, each with the entity of the ``{name}`` it came from (punctuation glued on).
    A value given as ``(text, tag, row)`` is that row's, whatever ``row`` says (several rates in one sentence)."""
    tokens: list[tuple[str, Entity | None]] = []
    for k, piece in enumerate(_split_template(template)):
        if k % 2:
            text, tag, *own = values[piece]
            ent = Entity(tag, row=own[0] if own else row) if tag else None
        else:
            text, ent = piece, None
        for j, tok in enumerate(text.split()):
            opener = tokens and tokens[-1][0].endswith(("(", "«", "“", '"'))
            glue = j == 0 and tokens and (k % 2 == 0 and not piece[:1].isspace())
            if opener and j == 0:
                tokens[-1] = (tokens[-1][0] + tok, ent if k % 2 else tokens[-1][1])
            elif glue:
                tokens[-1] = (tokens[-1][0] + tok, tokens[-1][1])
            else:
                tokens.append((tok, ent))
    return tokens


# ---------------------------------------------------------------- purchase orders


class PO2Writer(_Sheet2):
    def __init__(self, rng: random.Random, fam: Blind2Family, model: BlindPO) -> None:
        super().__init__(rng, fam, rng.choice([8.0, 8.5]) if fam.header != "gov" else 7.5)
        self.m = model
        self.c = PO_CAPTIONS[fam.name]
        self.table_tops: list[tuple[PageDraft, float]] = []

    def write(self) -> None:
        getattr(self, f"head_{self.fam.header}")()
        self.items()
        self.totals()
        self.footers()

    def info(self) -> list[tuple[str, str, str | None]]:
        m, c = self.m, self.c
        rows: list[tuple[str, str, str | None]] = []
        if "inline_no" not in self.fam.extras:
            rows.append((c["po_number"], m.number, "po_number"))
        rows.append((c["order_date"], self.day(m.order_date), "order_date"))
        if "need" in c:
            rows.append((c["need"], self.day(m.order_date + timedelta(days=self.rng.randrange(7, 60))), None))
        rows.append((c["payment_terms"], m.terms[0], "payment_terms"))
        if "currency" in c and (self.fam.money in {"plain", "sym_before", "sym_after"} or self.rng.random() < 0.5):
            rows.append((c["currency"], self.fam.currency, "currency"))
            self.currency_shown = True
        if "contact" in c:
            who = self.rng.choice(["J. Okafor", "P. Lindgren", "A. Deshmukh", "C. Moreau", "R. Castillo", "T. Nolan"])
            rows.insert(self.rng.randrange(1, len(rows) + 1), (c["contact"], who, None))
        return rows

    def letterhead(self, party: BlindParty, x: float, y: float, align: str = "left", tax: bool = False) -> float:
        tag = "vendor" if party is self.m.vendor else "buyer"
        if align == "left" and self.rng.random() < 0.7:
            draw_logo(self.page, self.rng, x, y, self.size * 3.4)
            x += self.size * 4.2
        self.t(x, y + self.size * 1.6, party.name, f"{tag}_name", bold=True, scale=1.5, align=align)
        y += self.size * 2.5
        for line in (party.street, f"{party.city}, {party.country}"):
            self.t(x, y + self.size, line, scale=0.9, align=align, grey=True)
            y += self.lead * 0.95
        if tax and party.tax_id and party.tax_label:
            text = f"{party.tax_label} {party.tax_id}"
            if align == "left":
                self.pair(x, y + self.size, party.tax_label, party.tax_id, f"{tag}_tax_id", scale=0.9,
                          bold_caption=False)  # fmt: skip
            else:
                start = x - width(text, self.f.regular, self.size * 0.9) * (1.0 if align == "right" else 0.5)
                self.pair(start, y + self.size, party.tax_label, party.tax_id, f"{tag}_tax_id", scale=0.9,
                          bold_caption=False, gap=width(" ", self.f.regular, self.size * 0.9))  # fmt: skip
            y += self.lead
        return y + self.lead * 0.5

    def kv_cells(self, rows: list[tuple[str, str, str | None]], y: float, ncols: int, shade: bool = True) -> float:
        """The header as a grid of cells: small caption above, value below, ``ncols`` to a row."""
        w = (self.right - self.left) / ncols
        for r in range(0, len(rows), ncols):
            chunk = rows[r : r + ncols]
            wrapped = [wrap(value, self.f.bold, self.size, w - 12) for _, value, _ in chunk]
            h = self.lead * (1.5 + max(len(x) for x in wrapped))
            for col, ((caption, _, tag), lines) in enumerate(zip(chunk, wrapped, strict=True)):
                x = self.left + col * w
                if shade:
                    self.page.rect(x + 1, y + 1, w - 2, h - 2, stroke=(0.75, 0.78, 0.82), fill=(0.96, 0.97, 0.98))
                self.t(x + 5, y + self.size * 1.2, caption, scale=0.78, grey=True)
                entity = Entity(tag) if tag else None
                for k, line in enumerate(lines):
                    self.t(x + 5, y + self.lead * (1.85 + k), line, bold=True, entity=entity)
            y += h
        return y + self.lead * 0.6

    def parties_row(self, y: float, with_tax: bool) -> float:
        """Supplier, bill-to and ship-to side by side."""
        m, c = self.m, self.c
        third = (self.right - self.left) / 3
        end = y
        for k, (caption, party, tag) in enumerate(((c["vendor"], m.vendor, "vendor_name"),
                                                   (c["buyer"], m.buyer, None),
                                                   (c["ship"], m.ship_to, None))):  # fmt: skip
            x = self.left + k * third
            self.page.line(x, y, x + third - 12, y, 1.6, (0.2, 0.35, 0.55))
            end = max(end, self.block(x, y + 4, third - 14, caption, party, tag, tax=with_tax and tag is not None))
        return end + self.lead

    # ------------------------------------------------ header arrangements
    def head_cells(self) -> None:
        m, c = self.m, self.c
        tax = "buyer_tax" in self.fam.extras
        y = self.letterhead(m.buyer, self.left, self.y, tax=tax)
        self.t(self.right, self.margin + self.size * 2.2, c["title"], bold=True, scale=2.0, align="right")
        ncols = 4 if "cells4" in self.fam.extras else 3
        y = self.kv_cells(self.info(), y + self.lead * 0.3, ncols)
        self.y = self.parties_row(y, "vendor_tax" in self.fam.extras)

    def head_fusion(self) -> None:
        """Title band across the top, parties stacked left, a ruled caption | value table right."""
        m, c = self.m, self.c
        self.page.rect(0, 0, self.pw, self.margin + self.lead * 2.2, stroke=None, fill=(0.16, 0.24, 0.36))
        self.t(self.left, self.margin + self.size * 1.3, c["title"], bold=True, scale=1.8, color=(1, 1, 1))
        self.t(self.right, self.margin + self.size * 1.3, m.buyer.name, "buyer_name", bold=True, scale=1.1,
               align="right", color=(1, 1, 1))  # fmt: skip
        y = self.margin + self.lead * 3.4
        half = (self.right - self.left) * 0.48
        end = self.block(self.left, y, half, c["vendor"], m.vendor, "vendor_name", "vendor_tax" in self.fam.extras)
        end = self.block(self.left, end + self.lead * 0.5, half, c["ship"], m.ship_to, None)
        x0 = self.left + (self.right - self.left) * 0.52
        ty = y
        for caption, value, tag in self.info():
            lines = wrap(value, self.f.regular, self.size, self.right - x0 - 118)
            h = self.lead * len(lines) + 4
            self.page.rect(x0, ty, self.right - x0, h, line_width=0.4, stroke=(0.55, 0.55, 0.55))
            self.page.rect(x0, ty, 110, h, stroke=None, fill=(0.92, 0.93, 0.95))
            self.t(x0 + 4, ty + self.size + 2, caption, scale=0.85, bold=True)
            entity = Entity(tag) if tag else None
            for j, line in enumerate(lines):
                self.t(x0 + 114, ty + self.size + 2 + self.lead * j, line, entity=entity)
            ty += h
        if "buyer_tax" in self.fam.extras and m.buyer.tax_id:
            self.pair(x0, ty + self.size + 4, f"{m.buyer.tax_label} {c['buyer']}:", m.buyer.tax_id, "buyer_tax_id",
                      scale=0.85, bold_caption=False)  # fmt: skip
            ty += self.lead * 1.2
        self.y = max(end, ty) + self.lead

    def head_gov(self) -> None:
        """A form of numbered boxes; captions small in the corner, values typed in."""
        m, c = self.m, self.c
        self.t(self.pw / 2, self.y + self.size * 1.8, c["title"], bold=True, scale=1.6, align="center")
        self.t(self.right, self.y + self.size, "OMB No. 9000-" + str(self.rng.randrange(1000, 9999)), scale=0.75,
               align="right")  # fmt: skip
        y = self.y + self.lead * 2.4
        w = self.right - self.left
        row1 = [("1. PAGE", f"1 OF {1}", None), (c["po_number"], m.number, "po_number"),
                (c["order_date"], self.day(m.order_date), "order_date"),
                (c["requisition"], f"{self.rng.randrange(10**6, 10**7)}-{self.rng.randrange(10, 99)}",
                 None)]  # fmt: skip
        h = self.lead * 2.6
        for k, (caption, value, tag) in enumerate(row1):
            x = self.left + k * w / 4
            self.page.rect(x, y, w / 4, h, line_width=0.8)
            self.t(x + 3, y + self.size, caption, scale=0.72)
            self.t(x + 6, y + self.lead * 1.9, value, tag)
        y += h
        boxes = [(c["buyer"], m.buyer, "buyer_name"), (c["contact"], m.buyer, None),
                 (c["vendor"], m.vendor, "vendor_name"), (c["ship"], m.ship_to, None)]  # fmt: skip
        bh = self.lead * 6.2
        for k, (caption, party, tag) in enumerate(boxes):
            x, by = self.left + (k % 2) * w / 2, y + (k // 2) * bh
            self.page.rect(x, by, w / 2, bh, line_width=0.8)
            self.t(x + 3, by + self.size, caption, scale=0.72)
            entity = Entity(tag) if tag else None
            yy = by + self.lead * 1.9
            name = party.name if tag or k != 1 else f"{party.name} (CONTRACTING OFFICE)"
            for line in wrap(name, self.f.regular, self.size, w / 2 - 12):
                self.t(x + 6, yy, line, entity=entity)
                yy += self.lead
            for line in (party.street.upper(), party.city.upper()):
                self.t(x + 6, yy, line)
                yy += self.lead
            if tag == "vendor_name" and party.tax_id:
                self.pair(x + 6, yy, "TIN:", party.tax_id, "vendor_tax_id", bold_caption=False)
        y += 2 * bh
        row3 = [(c["payment_terms"], m.terms[0], "payment_terms"), (c["currency"], self.fam.currency, "currency")]
        self.currency_shown = True
        for k, (caption, value, tag) in enumerate(row3):
            x = self.left + k * w * 0.6
            bw = w * 0.6 if k == 0 else w * 0.4
            self.page.rect(x, y, bw, h, line_width=0.8)
            self.t(x + 3, y + self.size, caption, scale=0.72)
            self.t(x + 6, y + self.lead * 1.9, value, tag)
        self.y = y + h + self.lead * 0.5

    def head_ack(self) -> None:
        """The vendor's order acknowledgement: vendor letterhead right, customer in the window, refs right."""
        m, c = self.m, self.c
        self.letterhead(m.vendor, self.right, self.y, align="right", tax="vendor_tax" in self.fam.extras)
        y = 150.0
        self.block(self.left, y, 230, c["buyer"], m.buyer, "buyer_name")
        x = self.pw * 0.58
        rows = [(c["own_no"], str(self.rng.randrange(200000, 299999)), None), *self.info()]
        yy = y
        for caption, value, tag in rows:
            self.t(x, yy + self.size, caption, scale=0.9)
            entity = Entity(tag) if tag else None
            for j, line in enumerate(wrap(value, self.f.regular, self.size, self.right - x - 100)):
                self.t(x + 100, yy + self.size + j * self.lead, line, entity=entity)
                yy += self.lead if j else 0
            yy += self.lead
        y = max(yy, y + self.lead * 6) + self.lead
        self.t(self.left, y + self.size * 1.6, c["title"], bold=True, scale=1.7)
        y += self.lead * 2.2
        self.t(self.left, y, f"{c['ship']}: {m.ship_to.name}, {m.ship_to.street}, {m.ship_to.city}", scale=0.92)
        self.y = y + self.lead

    def head_letter(self) -> None:
        """A letter: buyer letterhead left, the vendor addressed right, the references under the title."""
        m, c, fam = self.m, self.c, self.fam
        y = self.letterhead(m.buyer, self.left, self.y, tax="buyer_tax" in fam.extras)
        x = self.pw * 0.56
        end = self.block(x, max(y, 112.0), self.right - x, c["vendor"], m.vendor, "vendor_name",
                         tax="vendor_tax" in fam.extras, boxed=fam.country == "FR")  # fmt: skip
        y = max(y, end) + self.lead
        if "inline_no" in fam.extras:  # 'BON DE COMMANDE N° BC20260012'
            w = self.t(self.left, y + self.size * 1.8, c["title"], bold=True, scale=1.8)
            self.t(self.left + w + 6, y + self.size * 1.8, m.number, "po_number", bold=True, scale=1.8)
        else:
            self.t(self.left, y + self.size * 1.8, c["title"], bold=True, scale=1.8)
        y += self.lead * 2.4
        for caption, value, tag in self.info():
            self.t(self.left, y + self.size, f"{caption} :" if fam.lang == "fr" else f"{caption}:", scale=0.95)
            self.t(self.left + 130, y + self.size, value, tag)
            y += self.lead
        if "ship" in c:
            self.t(self.left, y + self.size, f"{c['ship']}: {m.ship_to.street}, {m.ship_to.city}", scale=0.95)
            y += self.lead
        self.y = y + self.lead * 0.6

    def head_excel(self) -> None:
        """A spreadsheet printed with its gridlines: column letters, row numbers, caption cells left of values."""
        m, c = self.m, self.c
        shares = (0.0, 0.07, 0.2, 0.57, 0.66, 0.74, 0.86, 1.0)  # column boundaries, A..G
        self.grid_x = [self.left + 18 + k * (self.right - self.left - 18) for k in shares]
        self.row_no = 1
        for k, x in enumerate(self.grid_x[:-1]):
            self.t((x + self.grid_x[k + 1]) / 2, self.y + self.size, "ABCDEFG"[k], scale=0.8, align="center",
                   grey=True)  # fmt: skip
        self.y += self.lead * 1.1
        self.sheet_row([(0, c["title"], None, True)])
        rows: list[tuple[str, str, str | None]] = [*self.info(), (c["buyer"], m.buyer.name, "buyer_name"),
                                                  (c["vendor"], m.vendor.name, "vendor_name"),
                                                  (c["ship"], f"{m.ship_to.street}, {m.ship_to.city}",
                                                   None)]  # fmt: skip
        if m.vendor.tax_id:
            rows.append(("Vendor TIN", m.vendor.tax_id, "vendor_tax_id"))
        for caption, value, tag in rows:
            self.sheet_row([(0, caption, None, False), (2, value, tag, False)])
        self.sheet_row([])

    def sheet_row(self, cells: list[tuple[int, str, str | None, bool]], row: int | None = None,
                  right: set[int] | frozenset[int] = frozenset()) -> None:  # fmt: skip
        h = self.lead * 1.25
        gx = self.grid_x
        self.t(self.left + 9, self.y + self.size + 2, str(self.row_no), scale=0.75, align="center", grey=True)
        self.row_no += 1
        for x in gx:
            self.page.line(x, self.y, x, self.y + h, 0.3, (0.7, 0.7, 0.7))
        self.page.line(self.left, self.y + h, self.right, self.y + h, 0.3, (0.7, 0.7, 0.7))
        for col, text, tag, bold in cells:
            if col in right:
                self.t(gx[col + 1] - 3, self.y + self.size + 2, text, tag, row=row, bold=bold, align="right")
            else:
                self.t(gx[col] + 3, self.y + self.size + 2, text, tag, row=row, bold=bold)
        self.y += h

    # ------------------------------------------------ items
    def items(self) -> None:
        {"cards": self.cards, "excel": self.excel_items}.get(self.fam.items, self.table)()

    def bottom(self) -> float:
        return self.ph - self.margin - self.lead * 3

    def continued(self) -> None:
        self.new_page()
        self.t(self.left, self.y + self.size, f"{self.c['title']} {self.m.number}", grey=True, scale=0.9)
        self.y += self.lead * 2

    def cards(self) -> None:
        """Each line a card: description on top, its facts below as caption/value pairs."""
        m, c = self.m, self.c
        for i, ln in enumerate(m.lines):
            desc = wrap(ln.description, self.f.bold, self.size, self.right - self.left - 60)
            h = self.lead * (len(desc) + 2.4)
            if self.y + h > self.bottom():
                self.continued()
            top = self.y
            self.page.rect(self.left, top, self.right - self.left, h, stroke=(0.7, 0.74, 0.8), fill=(0.985, 0.985, 1),
                           radius=4)  # fmt: skip
            self.page.rect(self.left, top, 4, h, stroke=None, fill=(0.2, 0.45, 0.7))
            self.t(self.left + 10, top + self.lead, f"{c.get('line_no', '#')} {i + 1}", bold=True, grey=True,
                   scale=0.85)  # fmt: skip
            ent = Entity("description", row=i)
            for k, line in enumerate(desc):
                self.t(self.left + 56, top + self.lead * (k + 1), line, bold=True, entity=ent, row=i)
            y = top + self.lead * (len(desc) + 1.6)
            x = self.left + 56
            facts = [(c["sku"], ln.sku or "", "sku"), (c["quantity"], self.qty(ln.quantity), "quantity"),
                     (c["unit"], ln.unit or "", "unit"),
                     (c["unit_price"], self.num(ln.unit_price), "unit_price")]  # fmt: skip
            for caption, value, tag in facts:
                w = self.t(x, y, caption, scale=0.8, grey=True)
                x += w + 4 + self.t(x + w + 4, y, value, tag, row=i) + 16
            self.t(self.right - 170, y, c["amount"], scale=0.8, grey=True)
            self.money(self.right - 8, y, ln.amount, "amount", bold=True, row=i)
            self.y = top + h + 5
        self.y += self.lead * 0.5

    def columns(self) -> list[tuple[str, float, float, str]]:
        weights = {"line_no": 0.06, "sku": 0.12, "description": 0.0, "quantity": 0.09, "unit": 0.07,
                   "unit_price": 0.13, "amount": 0.14, "discount_pct": 0.06, "tax_rate": 0.08}  # fmt: skip
        if "hours" in self.fam.extras:
            weights["quantity"] = 0.14
        fixed = sum(weights[c] for c in self.fam.columns)
        out, x = [], self.left
        for col in self.fam.columns:
            w = (self.right - self.left) * (weights[col] or 1.0 - fixed)
            out.append((col, x, w, "left" if col in {"line_no", "sku", "description", "unit"} else "right"))
            x += w
        return out

    def table_header(self, cols: list[tuple[str, float, float, str]]) -> None:
        style = self.fam.items
        heads = [wrap(self.c[role], self.f.bold, self.size * 0.85, w - 4) for role, _, w, _ in cols]
        h = self.lead * (max(len(x) for x in heads) + 0.4)
        fill = (0.2, 0.22, 0.26) if style == "zebra" else (0.9, 0.9, 0.9)
        self.page.rect(self.left, self.y, self.right - self.left, h, stroke=(0, 0, 0) if style == "grid" else None,
                       fill=fill, line_width=0.6)  # fmt: skip
        for (_, x, w, align), lines in zip(cols, heads, strict=True):
            tx = x + 3 if align == "left" else x + w - 3
            for k, line in enumerate(lines):
                self.t(tx, self.y + self.lead * (k + 0.9), line, bold=True, scale=0.85, align=align,
                       color=(1, 1, 1) if style == "zebra" else None)  # fmt: skip
        self.table_tops.append((self.page, self.y))
        self.y += h + 2

    def table(self) -> None:
        m, fam = self.m, self.fam
        cols = self.columns()
        self.table_header(cols)
        for i, ln in enumerate(m.lines):
            desc_w = next(w for role, _, w, _ in cols if role == "description")
            desc = wrap(ln.description, self.f.regular, self.size, desc_w - 6)
            h = self.lead * len(desc) + 4
            if self.y + h > self.bottom():
                self.close_grid(cols)
                self.continued()
                self.table_header(cols)
            if fam.items == "zebra" and i % 2:
                self.page.rect(self.left, self.y - 1, self.right - self.left, h, stroke=None, fill=(0.93, 0.94, 0.96))
            base = self.y + self.lead * 0.85
            for role, x, w, align in cols:
                tx = x + 3 if align == "left" else x + w - 3
                if role == "description":
                    ent = Entity("description", row=i)
                    for k, line in enumerate(desc):
                        self.t(tx, base + self.lead * k, line, entity=ent, row=i)
                    continue
                if role == "quantity" and "hours" in fam.extras:  # '12.5 hrs': the unit rides in the cell
                    w2 = self.t(tx, base, ln.unit or "", "unit", row=i, align="right")
                    self.t(tx - w2 - 3, base, self.qty(ln.quantity), "quantity", row=i, align="right")
                    continue
                if role == "amount" and fam.money == "sym_after":  # '12,00 €' on every line; '$' only in totals
                    self.money(tx, base, ln.amount, "amount", row=i)
                    continue
                text, tag = {
                    "line_no": (str(i + 1) if fam.country != "US" else f"{i + 1:04d}", None),
                    "sku": (ln.sku or "", "sku"), "quantity": (self.qty(ln.quantity), "quantity"),
                    "unit": (ln.unit or "", "unit"), "unit_price": (self.num(ln.unit_price), "unit_price"),
                    "amount": (self.num(ln.amount), "amount"),
                    "discount_pct": (f"{self.qty(ln.discount_pct or Decimal(0))} %" if ln.discount_pct else "", None),
                    "tax_rate": (f"{self.qty(ln.tax_rate or Decimal(0))}%", "tax_rate"),
                }[role]  # fmt: skip
                self.t(tx, base, text, tag, row=i, align=align)
            self.y += h
            if fam.items in {"ruled", "grid"}:
                self.page.line(self.left, self.y, self.right, self.y, 0.4 if fam.items == "grid" else 0.25)
        self.close_grid(cols)
        self.y += self.lead

    def close_grid(self, cols: list[tuple[str, float, float, str]]) -> None:
        if self.fam.items != "grid":
            return
        page, top = self.table_tops[-1]
        for _, x, _, _ in cols[1:]:
            page.line(x, top, x, self.y, 0.4)
        page.rect(self.left, top, self.right - self.left, self.y - top, line_width=0.7)

    def excel_items(self) -> None:
        c, m = self.c, self.m
        roles = ["line_no", "sku", "description", "quantity", "unit", "unit_price", "amount"]
        at = {"line_no": 0, "sku": 1, "description": 2, "quantity": 3, "unit": 4, "unit_price": 5, "amount": 6}
        nums = {3, 5, 6}
        self.sheet_row([(at[r], c[r], None, True) for r in roles], right=nums)
        for i, ln in enumerate(m.lines):
            if self.y + self.lead * 2 > self.bottom():
                self.continued()
            cells = [(0, str(i + 1), None, False), (1, ln.sku or "", "sku", False), (2, ln.description, "description",
                     False), (3, self.qty(ln.quantity), "quantity", False), (4, ln.unit or "", "unit", False),
                     (5, self.num(ln.unit_price), "unit_price", False),
                     (6, self.num(ln.amount), "amount", False)]  # fmt: skip
            self.sheet_row(cells, row=i, right=nums)
        self.sheet_row([])

    # ------------------------------------------------ totals and footers
    def totals(self) -> None:
        m, c, fam = self.m, self.c, self.fam
        rows: list[tuple[str, Decimal, str | None, str]] = [(c["subtotal"], m.subtotal, "subtotal", "")]
        if m.discount:
            rows.append((f"{c['discount']} {self.qty(m.discount_pct)}%", m.discount, None, "-"))
        if m.freight:
            rows.append((c["charges"], m.freight, None, ""))
        if fam.totals == "split_tax":
            half = q2(m.tax_total / 2)
            rows += [(c["tax_a"], half, None, ""), (c["tax_b"], m.tax_total - half, None, "")]
            rows.append((c["tax"], m.tax_total, "tax_total", ""))
        elif len(m.tax_by_rate) > 1:
            for rate, amount in sorted(m.tax_by_rate.items(), reverse=True):
                rows.append((f"{c['tax_rate']} {self.qty(rate)}%", amount, None, ""))
            rows.append((c["tax"], m.tax_total, "tax_total", ""))
        elif m.tax_by_rate:
            rows.append((c["tax"], m.tax_total, "tax_total", ""))
        rows.append((c["total"], m.total, "total", ""))
        need = self.lead * (len(rows) + 4)
        if self.y + need > self.ph - self.margin - self.lead:
            self.continued()
        if fam.header == "excel":
            for label, value, tag, sign in rows:
                self.sheet_row([(4, label, None, label == c["total"]), (6, sign + self.num(value), tag, False)],
                               right={6})  # fmt: skip
            return
        x = self.right - 260
        for k, (label, value, tag, sign) in enumerate(rows):
            last = k == len(rows) - 1
            if last:
                self.page.rect(x - 4, self.y, self.right - x + 4, self.lead * 1.3, stroke=None, fill=(0.9, 0.92, 0.95))
                self.y += 2
            self.t(x, self.y + self.size, label, bold=last)
            self.money(self.right - 3, self.y + self.size, value, tag, bold=last, sign=sign,
                       style="code_after" if last and fam.money == "plain" and not self.currency_shown
                       else None)  # fmt: skip
            self.y += self.lead * (1.3 if last else 1.0)
        if "words" in fam.extras:
            indian = fam.currency == "INR"
            words = amount_in_words(m.total, indian)
            text = f"{c['words']}: {'Rupees ' if indian else ''}{words}{' Only' if indian else ''}"
            if fam.currency == "MXN":
                text = f"{c['words']}: ({pesos_in_words(m.total)})"
            for line in wrap(text, self.f.italic, self.size, self.right - self.left):
                self.t(self.left, self.y + self.size, line, italic=True)
                self.y += self.lead
        if "fx" in fam.extras:  # a second currency, for information only
            rate = Decimal(self.rng.randrange(13200, 14100)) / 10000
            note = (f"{c['fx']}: prices are in {fam.currency}; at 1 {fam.currency} = {rate} CAD the order is about "
                    f"CAD {self.num(q2(m.total * rate))}, for information only.")  # fmt: skip
            for line in wrap(note, self.f.italic, self.size * 0.9, self.right - self.left):
                self.t(self.left, self.y + self.size, line, italic=True, scale=0.9)
                self.y += self.lead
        if fam.totals == "retention":
            held = q2(m.subtotal * Decimal(5) / 100)
            self.t(self.left, self.y + self.size, f"{c['retention']}: 5% (up to {self.num(held)})", scale=0.9)
            self.y += self.lead
        self.y += self.lead
        if fam.header in {"gov", "fusion", "cells"}:
            self.y += self.lead
            draw_signature(self.page, self.rng, self.left, self.y + 10, 150)
            self.page.line(self.left, self.y + 12, self.left + 180, self.y + 12, 0.5)

    def footers(self) -> None:
        n = len(self.pages)
        for i, page in enumerate(self.pages):
            page.text(self.right, self.ph - self.margin * 0.5, f"{i + 1} / {n}", self.f.regular, self.size * 0.75,
                      align="right", color=(0.4, 0.4, 0.4))  # fmt: skip
            if self.fam.header == "excel":
                page.text(self.left, self.ph - self.margin * 0.5, "Sheet1", self.f.regular, self.size * 0.75)


def make_blind2_po(seed: int, fam: Blind2Family, doc_id: str | None = None) -> GeneratedDoc:
    rng = random.Random(seed)
    model = sample_po(rng, fam)
    writer = PO2Writer(rng, fam, model)
    writer.write()
    doc_id = doc_id or f"po-blind2-{seed}"
    features = {"blind2": fam.name, "lang": fam.lang, "header": fam.header, "items": fam.items, "totals": fam.totals,
                "money": fam.money, "dates": fam.dates, "n_lines": len(model.lines),
                "n_pages": len(writer.pages)}  # fmt: skip
    title = f"{writer.c['title']} {model.number}"
    return blind_po_doc(doc_id, fam.family, fam.currency, model, writer.pages, features, title)


# ---------------------------------------------------------------- contracts

# Per family: the sentences a contract is made of; {eff}, {exp}, {buyer}, ... are filled with tagged values.
CONTRACT_TEXT: dict[str, dict[str, Any]] = {
    "sow-milestones-us": {
        "title": "STATEMENT OF WORK", "number": "SOW Reference", "roles": ("Customer", "Provider"),
        "intro": "This Statement of Work is entered into as of {eff} by and between {buyer}{btax} "
                 "(\u201c{brole}\u201d) "
                 "and {vendor}{vtax} (\u201c{vrole}\u201d), under the framework agreement between them.",
        "until": "The services described below shall be completed no later than {exp}.",
        "pay": "All amounts are stated in {cur}. {brole} will pay each milestone invoice {terms} after acceptance "
               "of the related deliverable.",
        "terms": [("within thirty (30) days", 30), ("within forty-five (45) days", 45)],
        "schedule": "4. Deliverables and Payment Milestones", "cols": ("Stage", "Deliverable", "Target", "Stage Fee"),
        "tax": "Employer ID", "sign": "Authorized signature,",
        "sections": ["1. Background", "2. Scope", "3. Timeline", "5. Acceptance"],
        "filler": ["Provider will perform the discovery, design, build and handover activities listed in this SOW "
                   "using its own personnel.", "Each deliverable is deemed accepted unless Customer gives written "
                   "notice of a material non-conformity within ten business days of delivery.",
                   "Changes to scope, timeline or fees require a change order signed by both parties."],
        "services": [("Discovery workshop and requirements report", "milestone"),
                     ("Solution design sign-off", "milestone"), ("Build complete, test environment", "milestone"),
                     ("User acceptance testing passed", "milestone"), ("Go-live and hypercare", "milestone")],
    },
    "msa-annex-gb": {
        "title": "MASTER SERVICES AGREEMENT (CONSULTANCY)", "number": "Our Agreement No",
        "roles": ("the Customer", "the Supplier"),
        "intro": "THIS AGREEMENT is dated {eff} and made between (1) {buyer}, of {baddr}{btax} ({brole}) and (2) "
                 "{vendor}, of {vaddr}{vtax} ({vrole}).",
        "until": "This Agreement commences on the date above and shall expire on {exp}.",
        "term": "This Agreement commences on the date above and continues for an initial period of {words} ({n}) "
                "{unit}.", "units": ("months", "years"),
        "pay": "The Charges are set out in Schedule 3 and are expressed in {cur} exclusive of VAT. The Supplier "
               "invoices monthly in arrears and the Customer shall pay {terms}.",
        "terms": [("within 30 days of receipt of a valid invoice", 30), ("by the end of the month following the "
                  "month of invoice", 30)],
        "schedule": "SCHEDULE 3 \u2013 CHARGES", "cols": ("Grade", "Charging Unit", "Tariff"),
        "tax": "V.A.T. No.", "sign": "Signed by an authorised signatory for", "clause_inline": "{n}.",
        "filler": ["The Supplier shall provide the Services with reasonable skill and care and in accordance with "
                   "Good Industry Practice.", "Either party may terminate this Agreement by giving not less than "
                   "three months\u2019 written notice to the other.", "Each party shall keep the other\u2019s "
                   "Confidential Information confidential and use it only to perform this Agreement.",
                   "Neither party limits its liability for death or personal injury caused by its negligence.",
                   "This Agreement is governed by the law of England and Wales."],
        "services": [("Principal consultant", "day"), ("Senior consultant", "day"), ("Analyst", "day"),
                     ("Project manager", "day"), ("Out-of-hours support", "hour")],
    },
    "prestation-fr": {
        "title": "CONTRAT DE PRESTATION DE SERVICES", "number": "Réf. contrat",
        "roles": ("le Client", "le Prestataire"),
        "intro": "ENTRE LES SOUSSIGNÉS : {buyer}, dont le siège est situé {baddr}{btax}, ci-après « {brole} », ET "
                 "{vendor}, dont le siège est situé {vaddr}{vtax}, ci-après « {vrole} ».",
        "until": "Le présent contrat prend effet le {eff} et prend fin le {exp}.",
        "pay": "Les prix sont exprimés en {cur} hors taxes. Les factures sont payables {terms}.",
        "terms": [("à 45 jours fin de mois", 45), ("à trente jours date de facture", 30)],
        "schedule": "Article 5 – Prix des prestations", "tax": "N° T.V.A.",
        "sign": "Pour", "clause": "Article {n} –",
        "list": "– {service} : {rate} {cur} HT par {unit}",
        "filler": ["Le Prestataire s'engage à exécuter les prestations conformément aux règles de l'art.",
                   "Chacune des parties s'engage à garder confidentielles les informations reçues de l'autre.",
                   "Tout litige relatif au présent contrat relève de la compétence du tribunal de commerce du "
                   "siège du Client."],
        "services": [("Audit de sécurité des installations", "audit"), ("Intervention d'un technicien", "heure"),
                     ("Astreinte de nuit", "nuit"), ("Rapport de conformité", "rapport")],
    },
    "contrato-servicios-es": {
        "title": "CONTRATO DE PRESTACIÓN DE SERVICIOS", "number": "Expediente", "roles": ("el Cliente", "el Prestador"),
        "intro": "En Zaragoza, a {eff}. REUNIDOS: de una parte, {buyer}, con domicilio en {baddr}{btax} (en "
                 "adelante, «{brole}»); y de otra, {vendor}, con domicilio en {vaddr}{vtax} (en adelante, «{vrole}»).",
        "until": "El presente contrato estará vigente hasta el {exp}.",
        "term": "El presente contrato tendrá una duración de {n} {unit} a contar desde la fecha de su firma.",
        "units": ("meses", "años"),
        "pay": "Los importes se expresan en {cur}, IVA no incluido. El pago se realizará {terms}.",
        "terms": [("mediante transferencia a 30 días fecha factura", 30), ("a 60 días", 60)],
        "schedule": "ANEXO I. HONORARIOS", "tax": "con CIF", "sign": "Por", "clause": "{roman}.",
        "prose": "Por {service} {brole} abonará {rate} {cur} por {unit}.",
        "filler": ["El Prestador se obliga a prestar los servicios con la diligencia de un ordenado empresario.",
                   "Ambas partes se comprometen a guardar secreto sobre la información confidencial recibida.",
                   "Para cualquier controversia las partes se someten a los juzgados y tribunales de Zaragoza."],
        "services": [("el mantenimiento de los equipos de climatización", "visita"),
                     ("cada hora de técnico desplazado", "hora"), ("la guardia de fin de semana", "jornada"),
                     ("el informe anual de eficiencia", "informe")],
    },
    "subscription-renewal-au": {
        "title": "Subscription Order Form", "number": "Order Form ID", "roles": ("Subscriber", "Provider"),
        "kv": ("Subscriber", "Supplying Company", "Subscription Start", "Initial Subscription Term", "Renewal",
               "Billed",
               "Fees quoted in"),
        "renew": "renews automatically for successive 12-month periods unless either party gives 30 days' notice",
        "intro": "This Order Form is governed by the Provider's online subscription terms, which the Subscriber "
                 "accepts by signing below.",
        "term_value": "{n} {unit}", "units": ("months", "years"),
        "terms": [("monthly in advance, due 14 days from invoice", 14), ("annually in advance, due on receipt", 0)],
        "schedule": "Subscription Fees", "cols": ("Plan Component", "Charged Per", "Subscription Fee"),
        "tax": "A.B.N.", "sign": "Signed for",
        "filler": ["Usage above the included allowance is charged at the rates above in the following month.",
                   "Fees increase by no more than CPI at each renewal; the Provider notifies new fees 60 days "
                   "before the renewal date."],
        "services": [("Platform licence, Business tier", "month"), ("Additional named user", "user/month"),
                     ("Data storage above 500 GB", "100 GB/month"), ("Premium support", "month")],
    },
    "consulting-deflist-ca": {
        "title": "Consultancy Agreement", "number": "Engagement No.", "roles": ("the Company", "the Consultant"),
        "intro": "This Consulting Agreement is made effective {eff} between {buyer}, {baddr}{btax} ({brole}), and "
                 "{vendor}, {vaddr}{vtax} ({vrole}).",
        "until": "The engagement ends on {exp} unless extended in writing.",
        "pay": "The Consultant bills in {cur} and the Company pays {terms}. Applicable HST is added to each "
               "invoice.",
        "terms": [("within 30 days of each monthly statement", 30), ("net 15 from invoice", 15)],
        "schedule": "Schedule A \u2013 Professional Rates", "tax": "BN", "sign": "For", "clause_inline": "{n}.",
        "filler": ["The Consultant is an independent contractor and nothing here creates an employment "
                   "relationship.", "Work product created for the Company under this agreement belongs to the "
                   "Company upon payment.", "This agreement is governed by the laws of the Province of Manitoba."],
        "services": [("Engagement partner", "hour"), ("Senior data analyst", "hour"), ("Workshop facilitation",
                     "half-day"), ("Written board briefing", "briefing")],
    },
}  # fmt: skip
NUMBER_WORDS = {12: "twelve", 24: "twenty-four", 36: "thirty-six", 2: "two", 3: "three", 18: "eighteen"}
ROMAN = ["PRIMERA", "SEGUNDA", "TERCERA", "CUARTA", "QUINTA", "SEXTA", "SÉPTIMA", "OCTAVA"]


@dataclass
class Contract2:
    number: str
    effective: date
    expiry: date
    term: tuple[int, str] | None
    buyer: BlindParty
    vendor: BlindParty
    terms: tuple[str, int]
    rates: list[tuple[str, str, Decimal]]


def sample_contract(rng: random.Random, fam: Blind2Family) -> Contract2:
    text = CONTRACT_TEXT[fam.name]
    buyer = make_party(rng, fam.country, label=text["tax"])
    vendor = make_party(rng, fam.country, avoid=buyer.name, label=text["tax"])
    effective = date(rng.randrange(2024, 2028), 1, 1) + timedelta(days=rng.randrange(0, 364))
    term: tuple[int, str] | None = None
    if "term" in fam.extras:
        term = rng.choice([(12, "months"), (24, "months"), (36, "months"), (2, "years"), (3, "years")])
        expiry = effective + relativedelta(months=term[0] * (12 if term[1] == "years" else 1)) - timedelta(days=1)
    else:
        expiry = effective + relativedelta(months=rng.choice([3, 6, 9, 12, 24])) - timedelta(days=rng.choice([0, 1]))
    services = text["services"]
    chosen = services[: rng.randrange(3, len(services) + 1)] if fam.items == "milestones" else rng.sample(
        services, rng.randrange(2, len(services) + 1))  # fmt: skip
    rates = [(s, u, q2(Decimal(rng.randrange(5000, 9000000 if fam.items == "milestones" else 150000)) / 100))
             for s, u in chosen]  # fmt: skip
    year = effective.year
    number = {"sow-milestones-us": f"SOW-{rng.randrange(1, 40):02d}-{year}",
              "msa-annex-gb": f"MSA/{year}/{rng.randrange(100, 999)}",
              "prestation-fr": f"CP-{year}-{rng.randrange(1, 999):03d}",
              "contrato-servicios-es": f"EXP {rng.randrange(10, 999)}/{year}",
              "subscription-renewal-au": f"Q-{rng.randrange(100000, 999999)}",
              "consulting-deflist-ca": f"{year % 100}-{rng.randrange(1000, 9999)}"}[fam.name]  # fmt: skip
    return Contract2(number, effective, expiry, term, buyer, vendor, rng.choice(text["terms"]), rates)


class Contract2Writer(_Sheet2):
    def __init__(self, rng: random.Random, fam: Blind2Family, model: Contract2) -> None:
        super().__init__(rng, fam, rng.choice([9.0, 9.5]))
        self.m, self.text = model, CONTRACT_TEXT[fam.name]
        self.clause_no = 0

    def room(self, h: float) -> None:
        if self.y + h > self.ph - self.margin - self.lead * 2:
            self.new_page()
            self.t(self.right, self.y, self.m.number, "contract_number", scale=0.8, grey=True, align="right")
            self.y += self.lead * 1.5

    def flow(self, template: str, values: FlowValues, *, bold: bool = False,
             indent: float = 0.0, row: int | None = None, x0: float | None = None,
             x1: float | None = None) -> None:  # fmt: skip
        font = self.f.bold if bold else self.f.regular
        space = width(" ", font, self.size)
        left = (self.left if x0 is None else x0) + indent
        right = self.right if x1 is None else x1
        line: list[tuple[str, Entity | None]] = []
        line_w = 0.0

        def flush() -> None:
            self.room(self.lead)
            x = left
            for tok, ent in line:
                self.t(x, self.y + self.size, tok, bold=bold, entity=ent, row=row)
                x += width(tok, font, self.size) + space
            self.y += self.lead

        for tok, ent in flow_tokens(template, values, row):
            tw = width(tok, font, self.size)
            if line and line_w + space + tw > right - left:
                flush()
                line, line_w = [], 0.0
            line_w = tw if not line else line_w + space + tw
            line.append((tok, ent))
        if line:
            flush()
        self.y += self.lead * 0.35

    def clause(self, template: str, values: dict[str, tuple[str, str | None]]) -> None:
        self.clause_no += 1
        self.room(self.lead * 3)
        head = self.text.get("clause")
        if head:
            roman = ROMAN[(self.clause_no - 1) % len(ROMAN)]
            self.flow(head.format(n=self.clause_no, roman=roman), {}, bold=True)
        inline = self.text.get("clause_inline")
        self.flow(f"{inline.format(n=self.clause_no)} {template}" if inline else template, values)

    def values(self) -> dict[str, tuple[str, str | None]]:
        m, fam, text, rng = self.m, self.fam, self.text, self.rng
        brole, vrole = text["roles"]
        out: dict[str, tuple[str, str | None]] = {
            "eff": (self.day(m.effective), "effective_date"), "exp": (self.day(m.expiry), "expiry_date"),
            "buyer": (m.buyer.name, "buyer_name"), "vendor": (m.vendor.name, "vendor_name"),
            "baddr": (f"{m.buyer.street}, {m.buyer.city}", None),
            "vaddr": (f"{m.vendor.street}, {m.vendor.city}", None),
            "brole": (brole, None), "vrole": (vrole, None), "cur": (fam.currency, "currency"),
            "terms": (m.terms[0], "payment_terms"),
        }  # fmt: skip
        for key, party, tag in (("btax", m.buyer, "buyer_tax_id"), ("vtax", m.vendor, "vendor_tax_id")):
            if party.tax_id and rng.random() < 0.7:
                out[key + "_id"] = (party.tax_id, tag)
        return out

    def intro(self, values: dict[str, tuple[str, str | None]]) -> str:
        intro = self.text["intro"]
        for key in ("btax", "vtax"):
            sub = f", {self.text['tax']} {{{key}_id}}" if key + "_id" in values else ""
            if self.fam.name == "contrato-servicios-es" and sub:
                sub = f", {self.text['tax']} {{{key}_id}}"
            intro = intro.replace("{" + key + "}", sub)
        return intro

    def heading(self) -> None:
        m, text = self.m, self.text
        if self.rng.random() < 0.6:
            draw_logo(self.page, self.rng, self.left, self.y - 6, self.size * 3)
        self.t(self.pw / 2, self.y + self.size * 2, text["title"], bold=True, scale=1.6, align="center")
        self.y += self.lead * 2.6
        full = width(f"{text['number']}: {m.number}", self.f.regular, self.size)
        self.pair(self.pw / 2 - full / 2, self.y + self.size, f"{text['number']}:", m.number, "contract_number",
                  bold_caption=False, gap=width(" ", self.f.regular, self.size))  # fmt: skip
        self.y += self.lead * 2

    def write(self) -> None:
        self.heading()
        getattr(self, f"body_{self.fam.header}", self.body_prose)()
        self.signatures()
        n = len(self.pages)
        for i, page in enumerate(self.pages):
            page.text(self.pw / 2, self.ph - self.margin * 0.55, f"– {i + 1} –" if self.fam.lang != "en" else
                      f"Page {i + 1} of {n}", self.f.regular, self.size * 0.8, align="center")  # fmt: skip

    def term_sentence(self, values: dict[str, tuple[str, str | None]]) -> str:
        if not self.m.term:
            return self.text["until"]
        n, unit = self.m.term
        units = self.text["units"][0 if unit == "months" else 1]
        values["words"] = (NUMBER_WORDS.get(n, str(n)), None)
        return self.text["term"].replace("{n}", str(n)).replace("{unit}", units)

    def body_prose(self) -> None:
        """fr, es, msa, deflist: opening, term, payment, general clauses, then the rates."""
        values = self.values()
        self.flow(self.intro(values), values)
        self.y += self.lead * 0.5
        self.clause(self.term_sentence(values), values)
        self.clause(self.text["pay"], values)
        fillers = self.rng.sample(self.text["filler"], len(self.text["filler"]))
        for filler in fillers:
            self.clause(filler, {})
        if self.fam.items == "annex":  # the fee schedule is an annex on a page of its own
            self.signatures()
            self.new_page()
            self.t(self.right, self.y, self.m.number, "contract_number", scale=0.8, grey=True, align="right")
            self.y += self.lead * 2
        self.room(self.lead * 6)
        self.y += self.lead * 0.5
        self.flow(self.text["schedule"], {}, bold=True)
        {"annex": self.rate_table, "list": self.rate_lines, "prose": self.rate_lines,
         "deflist": self.definition_list}[self.fam.items]()  # fmt: skip

    def body_sow(self) -> None:
        values = self.values()
        text = self.text
        self.flow(self.intro(values), values)
        for k, filler in enumerate(text["filler"]):
            self.flow(text["sections"][k % 3], {}, bold=True)
            self.flow(filler, {})
            if k == 1:
                self.flow(text["until"], values)
        self.flow(text["schedule"], {}, bold=True)
        self.rate_table(milestones=True)
        self.flow(text["sections"][3], {}, bold=True)
        self.flow(text["pay"], values)

    def body_sub(self) -> None:
        m, text = self.m, self.text
        values = self.values()
        caps = text["kv"]
        n, unit = m.term or (12, "months")
        rows: list[tuple[str, list[tuple[str, str | None]]]] = [
            (caps[0], [(m.buyer.name, "buyer_name")]), (caps[1], [(m.vendor.name, "vendor_name")]),
            (caps[2], [(self.day(m.effective), "effective_date")]),
            (caps[3], [(f"{n} {text['units'][0 if unit == 'months' else 1]}", None)]),
            (caps[4], [(text["renew"], None)]), (caps[5], [(m.terms[0], "payment_terms")]),
            (caps[6], [(self.fam.currency, "currency")]),
        ]  # fmt: skip
        if "btax_id" in values:
            rows.insert(1, (f"{caps[0]} {text['tax']}", [(m.buyer.tax_id or "", "buyer_tax_id")]))
        if "vtax_id" in values:
            rows.insert(3, (f"{caps[1]} {text['tax']}", [(m.vendor.tax_id or "", "vendor_tax_id")]))
        x_val = self.left + 170
        for caption, parts in rows:
            value, tag = parts[0]
            lines = wrap(value, self.f.regular, self.size, self.right - x_val - 6)
            h = self.lead * len(lines) + 6
            self.page.rect(self.left, self.y, 164, h, stroke=None, fill=(0.93, 0.95, 0.93))
            self.page.rect(self.left, self.y, self.right - self.left, h, line_width=0.5)
            self.t(self.left + 5, self.y + self.size + 3, caption, bold=True, scale=0.9)
            ent = Entity(tag) if tag else None
            for k, line in enumerate(lines):
                self.t(x_val, self.y + self.size + 3 + k * self.lead, line, entity=ent)
            self.y += h
        self.y += self.lead
        self.flow(text["schedule"], {}, bold=True)
        self.rate_table()
        self.flow(text["intro"], {})
        for filler in text["filler"]:
            self.flow(filler, {})

    def rate_lines(self) -> None:
        text, fam = self.text, self.fam
        brole = text["roles"][0]
        template = text.get("list") or text["prose"]
        for i, (service, unit, rate) in enumerate(self.m.rates):
            row_values = {"service": (service, "description"), "rate": (self.num(rate), "unit_price"),
                          "unit": (unit, None), "cur": (fam.currency, None), "brole": (brole, None)}  # fmt: skip
            self.flow(template, row_values, indent=self.size * (1.5 if "list" in text else 0), row=i)

    def definition_list(self) -> None:
        """Term left in bold, its rate right: no table, no rules."""
        for i, (service, unit, rate) in enumerate(self.m.rates):
            self.room(self.lead * 2)
            self.t(self.left + 10, self.y + self.size, service, "description", bold=True, row=i)
            x = self.left + 230
            w = self.t(x, self.y + self.size, self.fam.currency, row=i)
            w += 4 + self.t(x + w + 4, self.y + self.size, self.num(rate), "unit_price", row=i)
            self.t(x + w + 4, self.y + self.size, f"per {unit}", row=i)
            self.y += self.lead * 1.4

    def rate_table(self, milestones: bool = False) -> None:
        cols = self.text["cols"]
        shares = (0.08, 0.52, 0.18, 0.22) if milestones else (0.5, 0.22, 0.28)
        total = self.right - self.left
        self.room(self.lead * (len(self.m.rates) + 3))
        top = self.y
        self.page.rect(self.left, self.y, total, self.lead * 1.5, stroke=None, fill=(0.85, 0.87, 0.9))
        x = self.left
        for k, caption in enumerate(cols):
            w = shares[k] * total
            right = k == len(cols) - 1
            label = f"{caption} ({self.fam.currency})" if right and not milestones else caption
            self.t(x + w - 4 if right else x + 4, self.y + self.lead, label, bold=True, scale=0.85,
                   align="right" if right else "left")  # fmt: skip
            x += w
        self.y += self.lead * 1.5
        due = self.m.effective
        for i, (service, unit, rate) in enumerate(self.m.rates):
            desc_x = self.left + (shares[0] * total if milestones else 0) + 4
            lines = wrap(service, self.f.regular, self.size, shares[1 if milestones else 0] * total - 8)
            base = self.y + self.lead
            ent = Entity("description", row=i)
            for k, line in enumerate(lines):
                self.t(desc_x, base + k * self.lead, line, entity=ent, row=i)
            if milestones:
                due = min(due + timedelta(days=self.rng.randrange(14, 40)), self.m.expiry)
                self.t(self.left + 4, base, f"M{i + 1}", row=i)
                self.t(self.left + (shares[0] + shares[1]) * total + 4, base, self.day(due), row=i)
            else:
                self.t(self.left + shares[0] * total + 4, base, unit, "unit", row=i)
            self.t(self.right - 4, base, self.num(rate), "unit_price", row=i, align="right")
            self.y += self.lead * len(lines) + 5
            self.page.line(self.left, self.y, self.right, self.y, 0.4)
        self.page.rect(self.left, top, total, self.y - top, line_width=0.7)
        acc = 0.0
        for share in shares[:-1]:
            acc += share
            self.page.line(self.left + acc * total, top, self.left + acc * total, self.y, 0.4)
        self.y += self.lead

    def signatures(self) -> None:
        if getattr(self, "_signed", False):
            return
        self._signed = True
        self.room(self.lead * 6)
        half = (self.right - self.left) / 2
        y = self.y + self.lead * 2.5
        for k, role in enumerate(self.text["roles"]):
            x = self.left + k * half
            draw_signature(self.page, self.rng, x, y, half * 0.6)
            self.page.line(x, y, x + half * 0.8, y, 0.5)
            self.t(x, y + self.lead, f"{self.text['sign']} {role}", scale=0.85)
        self.y = y + self.lead * 2.5


def contract_fields(model: Contract2, currency: str, pages: list[PageDraft]) -> dict[str, Any]:
    """A blind contract's header truth: the fields some word shows (the expiry also when a term implies it)."""
    shown = tagged_fields(pages) | ({"expiry_date"} if model.term else set())
    values: dict[str, Any] = {
        "contract_number": model.number, "effective_date": model.effective.isoformat(),
        "expiry_date": model.expiry.isoformat(), "buyer_name": model.buyer.name, "vendor_name": model.vendor.name,
        "currency": currency, "payment_terms": model.terms[0], "payment_terms_days": model.terms[1],
        "buyer_tax_id": (model.buyer.tax_id or "").replace(" ", ""),
        "vendor_tax_id": (model.vendor.tax_id or "").replace(" ", ""),
    }  # fmt: skip
    shown |= {"payment_terms_days"} if "payment_terms" in shown else set()
    return {k: v for k, v in values.items() if k in shown and v != ""}


def make_blind2_contract(seed: int, fam: Blind2Family, doc_id: str | None = None) -> GeneratedDoc:
    rng = random.Random(seed)
    model = sample_contract(rng, fam)
    writer = Contract2Writer(rng, fam, model)
    writer.write()
    with_unit = fam.items in {"annex", "fees"}
    items = [{"sku": None, "description": s, "quantity": None, "unit": u if with_unit else None,
              "unit_price": dec_str(r), "amount": None, "tax_rate": None} for s, u, r in model.rates]  # fmt: skip
    return blind_contract_doc(doc_id or f"contract-blind2-{seed}", fam, model, writer.pages, items, set_no=2)


def blind_contract_doc(
    doc_id: str, fam: Blind2Family, model: Contract2, pages: list[PageDraft], items: list[dict[str, Any]], set_no: int
) -> GeneratedDoc:
    """A blind contract's label (the header fields its pages show, the rate ``items``) and PDF; sets 2 and 3."""
    truth = {"fields": contract_fields(model, fam.currency, pages), "line_items": items}
    features = {f"blind{set_no}": fam.name, "lang": fam.lang, "layout": fam.header, "schedule": fam.items,
                "dates": fam.dates, "expiry": "term" if model.term else "date", "n_pages": len(pages)}  # fmt: skip
    label = build_label(doc_id, "contract", fam.family, features, truth, pages, f"{doc_id}.pdf")
    pdf = render_pdf(pages, title=model.number)
    return GeneratedDoc(doc_id, "contract", pdf, label, truth, pages, model)


# ---------------------------------------------------------------- scans

SCAN_CONDITIONS = ("fax", "photo", "jpeg150", "coffee", "holes")


def _resample(img: Image.Image, page_w_pt: float, dpi: int) -> Image.Image:
    w = round(page_w_pt / 72 * dpi)
    return img.resize((w, round(img.height * w / img.width)), Image.Resampling.LANCZOS)


def condition(img: Image.Image, kind: str, rng: random.Random, page_w_pt: float) -> tuple[Image.Image, int | None]:
    """One of the family's scan conditions over an already degraded page; returns the image and its new dpi.
    Nothing moves: the word boxes (relative to the page) stay where the scan put them."""
    if kind == "fax":  # 200 dpi, black and white, a little streaking
        g = _resample(img.convert("L"), page_w_pt, 200)
        arr = bytearray(g.tobytes())
        cols = [rng.randrange(g.width) for _ in range(rng.randrange(0, 3))]
        for x in cols:
            for y in range(0, g.height, 2):
                arr[y * g.width + x] = 90
        g = Image.frombytes("L", g.size, bytes(arr))
        return g.point(lambda v: 255 if v > rng.choice([150, 165, 180]) else 0).convert("1"), 200
    if kind == "jpeg150":
        out = _resample(img.convert("L"), page_w_pt, 150)
        buf = io.BytesIO()
        out.save(buf, format="JPEG", quality=rng.choice([22, 28, 35]))
        with Image.open(io.BytesIO(buf.getvalue())) as decoded:
            return decoded.convert("L"), 150
    rgb = img.convert("RGB")
    w, h = rgb.size
    if kind == "photo":  # a phone photo: warm cast, a vignette, a shadow across one side
        shade = Image.new("L", (w, h), 0)
        d = ImageDraw.Draw(shade)
        for k in range(24):
            box = (-w * 0.3 + k * w * 0.02, -h * 0.3 + k * h * 0.02, w * 1.3 - k * w * 0.02, h * 1.3 - k * h * 0.02)
            d.ellipse(box,
                      fill=int(k * 255 / 24))  # fmt: skip
        shade = shade.filter(ImageFilter.GaussianBlur(w / 30))
        dark = Image.new("RGB", (w, h), (rng.randrange(60, 90), rng.randrange(50, 70), rng.randrange(30, 50)))
        rgb = Image.composite(rgb, dark, shade.point(lambda v: min(255, 110 + v)))
        band = Image.new("L", (w, h), 0)
        x0 = rng.choice([0, w * 0.7])
        ImageDraw.Draw(band).polygon([(x0, 0), (x0 + w * 0.3, 0), (x0 + w * 0.2, h), (x0 - w * 0.1, h)], fill=70)
        rgb = Image.composite(
            Image.new("RGB", (w, h), (40, 35, 30)), rgb, band.filter(ImageFilter.GaussianBlur(w / 20))
        )
        warm = Image.new("RGB", (w, h), (255, 236, 205))
        return Image.blend(rgb, Image.eval(warm, lambda v: v), 0.12), None
    layer = Image.new("RGBA", (w, h), (0, 0, 0, 0))
    d = ImageDraw.Draw(layer)
    if kind == "coffee":  # a ring where a mug stood, over the text
        cx, cy, r = rng.uniform(0.3, 0.8) * w, rng.uniform(0.25, 0.75) * h, rng.uniform(0.08, 0.12) * w
        for k in range(6):
            rr = r + k * w * 0.002
            d.ellipse((cx - rr, cy - rr * 0.96, cx + rr, cy + rr * 0.96), outline=(120, 72, 30, 110 - k * 15),
                      width=max(2, w // 300))  # fmt: skip
        d.ellipse((cx - r, cy - r * 0.96, cx + r, cy + r * 0.96), fill=(150, 100, 50, 18))
        layer = layer.filter(ImageFilter.GaussianBlur(w / 600))
    else:  # holes: two punched holes on the left with their shadows
        r = w * 0.018
        for fy in (0.3, 0.7):
            cx, cy = w * 0.045, h * fy
            d.ellipse((cx - r + 3, cy - r + 3, cx + r + 3, cy + r + 3), fill=(60, 60, 60, 120))
            d.ellipse((cx - r, cy - r, cx + r, cy + r), fill=(25, 25, 25, 255))
    out = Image.alpha_composite(rgb.convert("RGBA"), layer).convert("RGB")
    return (out.convert("L") if img.mode == "L" and kind == "holes" else out), None  # a stain is scanned in colour


# (image, dpi) or (image, dpi, box mover): a condition that moves the words returns where a 0..1000 box lands
Conditioner = Callable[[Image.Image, str, random.Random, float], tuple[Any, ...]]


def make_scan2(
    doc: GeneratedDoc, seed: int, kind: str, conditioner: Conditioner | None = None
) -> tuple[bytes, dict[str, Any]]:
    """The factory's scan of ``doc`` (skew, blur, noise, light), then the family's own condition on top
    (``conditioner``, this module's ``condition`` unless another set brings its own)."""
    from training.factory.scan import make_scan  # raster and OCR code: only when scans are made

    rng = random.Random(seed * 31 + 7)
    n_pages = len(doc.label["pages"])
    fmt = {"fax": "tiff", "jpeg150": "jpeg"}.get(kind, rng.choice(["png", "pdf"]))
    if n_pages > 1:
        fmt = "tiff" if kind == "fax" else "pdf"
    scan = make_scan(doc, seed, fmt=fmt, with_ocr=False)
    label = scan.label
    images, dpis = [], []
    for page, img in zip(label["pages"], scan.images, strict=True):
        out, dpi, *moved = (conditioner or condition)(img, kind, rng, page["width"])
        if moved and moved[0] is not None:
            for word in page["words"]:
                word["box"] = moved[0](word["box"])
        images.append(out)
        dpis.append(dpi or label["scan"]["dpi"])
        page["image_width"], page["image_height"] = out.size
    dpi = dpis[0]
    buf = io.BytesIO()
    if fmt == "tiff":
        first = images[0]
        compression = "group4" if first.mode == "1" else "tiff_deflate"
        first.save(buf, format="TIFF", save_all=True, append_images=images[1:], compression=compression, dpi=(dpi, dpi))
    elif fmt == "jpeg":
        images[0].save(buf, format="JPEG", quality=40, dpi=(dpi, dpi))
    elif fmt == "png":
        images[0].save(buf, format="PNG", dpi=(dpi, dpi))
    else:
        rgb = [im.convert("RGB") if im.mode not in {"L", "RGB"} else im for im in images]
        rgb[0].save(buf, format="PDF", save_all=True, append_images=rgb[1:], resolution=dpi, creationDate=None,
                    modDate=None)  # fmt: skip
    label["scan"] = {**label["scan"], "dpi": dpi, "condition": kind}
    return buf.getvalue(), label


# ---------------------------------------------------------------- data sets


def make_blind2(seed: int, fam: Blind2Family, doc_id: str | None = None) -> GeneratedDoc:
    """One document of ``fam``; the same seed gives the same bytes."""
    return (make_blind2_po if fam.kind == "po" else make_blind2_contract)(seed, fam, doc_id)


def generate_blind2(n: int, out: Path, seed: int, scanned_share: float = 0.0, split: str = "all") -> list[Path]:
    """Write ``n`` documents of the second blind set's ``split`` (dev, test or all) with their labels to ``out``.
    A scanned document gets its family's own scan condition or, one time in three, the factory's plain scan."""
    return write_blind_set(n, out, seed, scanned_share, split, blind2_families(split), make_blind2, set_no=2,
                           salt=0xB112D)  # fmt: skip


def write_blind_set(
    n: int,
    out: Path,
    seed: int,
    scanned_share: float,
    split: str,
    families: list[Any],
    make: Callable[[int, Any, str], GeneratedDoc],
    *,
    set_no: int,
    salt: int,
    conditioner: Conditioner | None = None,
) -> list[Path]:
    """The writing loop the blind sets share: each family once in turn, then chosen at random; a ``scanned_share``
    of the documents scanned, two in three with the family's own condition (``fam.scan``), the rest plainly."""
    from training.factory.scan import make_scan

    out.mkdir(parents=True, exist_ok=True)
    paths, rows = [], []
    for index in range(n):
        s = doc_seed(seed, index)
        chooser = random.Random(s ^ salt)
        fam = families[index % len(families)] if index < len(families) else chooser.choice(families)
        doc_id = f"{fam.kind}-blind{set_no}-{seed}-{index:06d}"
        doc = make(s, fam, doc_id)
        label, data = doc.label, doc.pdf_bytes
        if chooser.random() < scanned_share:
            if chooser.random() < 2 / 3:
                data, label = make_scan2(doc, s, fam.scan, conditioner)
            else:
                scan = make_scan(doc, s, grey=chooser.random() < 0.5, with_ocr=False)
                label, data = scan.label, scan.file_bytes
        (out / label["file"]).write_bytes(data)
        path = out / f"{doc_id}.json"
        path.write_text(json.dumps(label, ensure_ascii=False, separators=(",", ":")))
        paths.append(path)
        rows.append({"kind": label["kind"], "scanned": label["scanned"], "layout_family": label["layout_family"],
                     "scan_condition": (label.get("scan") or {}).get("condition", "plain" if label["scanned"] else "-"),
                     **{k: v for k, v in label["features"].items() if not isinstance(v, list | dict)}})  # fmt: skip
    write_card(out, rows, blind=set_no, split=split, seed=seed, scanned_share=scanned_share)
    return paths


def blind2_captions() -> dict[str, set[str]]:
    """Every caption the families print, by role, for the vocabulary check."""
    out: dict[str, set[str]] = {}
    for captions in PO_CAPTIONS.values():
        for role, word in captions.items():
            out.setdefault(role, set()).add(word)
    for text in CONTRACT_TEXT.values():
        out.setdefault("contract_title", set()).add(text["title"])
        out.setdefault("contract_number", set()).add(text["number"])
        out.setdefault("schedule_column", set()).update(text.get("cols", ()))
        out.setdefault("schedule", set()).add(text["schedule"])
        out.setdefault("tax_id", set()).add(text["tax"])
        out.setdefault("party_field", set()).update(text.get("kv", ()))
    return out


__all__ = ["BLIND2_SPLITS", "FAMILIES", "blind2_captions", "blind2_families", "generate_blind2", "make_blind2"]
