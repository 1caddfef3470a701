"""Held-out layout families and vocabulary: the generalisation protocol's documents.

The factory's own generators (``po.py``, ``contract.py``) print the *seen* vocabulary: the captions, column headers
and party labels whose words the heuristic's tables and the layout model's training data contain. The documents
made here print only the *held-out* vocabulary below (English words no table lists, German, French and Spanish
captions) in layout families the other generators never draw:

- purchase orders: header ``sidebar`` (fields stacked in a shaded left column, the table to the right), ``boxed``
  (each value in a ruled box with its caption above), ``erp`` (an SAP/Oracle/Dynamics-like print: caption column,
  dotted leaders), ``monogram`` (a letterhead with monogram letters before the company name); tables ``erp_sublines``
  (an indented sub-line under each item: requested delivery date or a note; article-number and VAT % columns),
  ``wide`` (landscape: position, SKU, customer part number, description, unit, quantity, price, discount, tax,
  amount), ``ruled``; totals ``charges`` (subtotal = sum of the lines, then shipping and packing, net amount, tax,
  total) or ``plain``;
- contracts: rate schedules as a numbered section ("4.2 Fees"), a list, or prose; dates in prose ("commencing on the
  first day of March 2026"); expiry as a term ("for a period of 24 months").

``tests/test_factory_heldout.py`` checks that no held-out caption is known to the heuristic, so the bench measures
generalisation, not memory. ``bench/bench_extraction.py --protocol`` reports these families first.
"""

from __future__ import annotations

import json
import random
from dataclasses import dataclass
from datetime import date, timedelta
from decimal import Decimal
from pathlib import Path
from types import SimpleNamespace
from typing import Any, Literal, cast

from dateutil.relativedelta import relativedelta

from training.factory.common import GeneratedDoc, build_label, draw_logo, family_allowed, family_id, tagged_fields
from training.factory.contract import ContractModel, ContractWriter
from training.factory.contract import sample_model as sample_contract_model
from training.factory.contract import truth_fields as contract_truth_fields
from training.factory.generate import doc_seed, write_card
from training.factory.layout import FONT_FAMILIES, Entity, Fonts, PageDraft, render_pdf, width, wrap
from training.factory.po import POModel, POSpec, truth_of
from training.factory.po import sample_model as sample_po_model
from training.factory.scan import make_scan
from training.factory.values import MONTHS, dec_str, format_date, format_number, format_quantity, q2

LANGUAGES = ("en", "de", "fr", "es")
PO_HEADERS = ("sidebar", "boxed", "erp", "monogram")
PO_TABLES = ("erp_sublines", "wide", "ruled")
PO_TOTALS = ("charges", "plain")
SCHEDULES = ("numbered", "listed", "prose", "ruled")
TERM_STYLES = ("date", "term")

# The held-out families in two disjoint halves, by vocabulary pool (the caption language of a purchase order, the
# schedule style of a contract): a model may be fitted or calibrated on ``calibration`` and is reported on
# ``test``, whose words and layouts it never met. The one place the split is defined.
Split = Literal["calibration", "test"]
CALIBRATION_LANGUAGES = ("en", "de")
CALIBRATION_SCHEDULES = ("numbered", "listed")

# Held-out captions, by language. None of these may be known to the heuristic (the test checks it).
CAPTIONS: dict[str, dict[str, list[str]]] = {
    "en": {
        "title": ["Procurement Document", "Buying Request", "Requisition"],
        "po_number": ["Document Ref", "Requisition Ref", "Our Document"],
        "order_date": ["Raised On", "Created On", "Document Dated"],
        "payment_terms": ["Settlement", "Settlement Conditions"],
        "currency": ["Money", "Denomination"],
        "vendor": ["Provider", "Consigned Maker", "Goods From"],
        "buyer": ["Requesting Company", "Account Holder"],
        "ship": ["Goods Destination", "Drop Point"],
        "subtotal": ["Lines Sum", "Merchandise"],
        "shipping": ["Conveyance", "Transport Levy"],
        "packing": ["Crating"],
        "net": ["Before Levies"],
        "tax": ["Value Added Levy", "Levy"],
        "total": ["Payable Sum", "Final Figure"],
        "line_no": ["Ln°", "Seq"],
        "sku": ["Stock Key", "Store Key"],
        "customer_part": ["Your Key", "Their Key"],
        "description": ["Wording", "Narrative"],
        "quantity": ["Count", "Pieces Wanted"],
        "unit": ["Pack", "Measure Key"],
        "unit_price": ["Piece Charge", "Per Piece"],
        "discount": ["Markdown"],
        "tax_rate": ["Levy Pct"],
        "amount": ["Row Money", "Extension"],
        "delivery": ["Wanted by", "Needed on"],
        "note": ["Remark", "Annotation"],
    },
    "de": {
        "title": ["Auftrag", "Einkaufsbeleg", "Beschaffungsauftrag"],
        "po_number": ["Bestellnummer", "Beleg-Nr.", "Bestell-Nr."],
        "order_date": ["Bestelldatum", "Belegdatum", "Datum"],
        "payment_terms": ["Zahlungsbedingungen", "Zahlungsziel"],
        "currency": ["Währung"],
        "vendor": ["Lieferant", "Auftragnehmer", "Kreditor"],
        "buyer": ["Auftraggeber", "Besteller"],
        "ship": ["Lieferanschrift", "Warenempfänger"],
        "subtotal": ["Warenwert", "Zwischensumme"],
        "shipping": ["Fracht", "Frachtkosten"],
        "packing": ["Verpackung"],
        "net": ["Nettobetrag"],
        "tax": ["Steuer", "Umsatzsteuer"],
        "total": ["Gesamtbetrag", "Endbetrag"],
        "line_no": ["Lfd.", "Zeile"],
        "sku": ["Artikelnr.", "Teile-Nr."],
        "customer_part": ["Ihre Teilenr."],
        "description": ["Bezeichnung", "Artikeltext"],
        "quantity": ["Anzahl", "Stück"],
        "unit": ["Einheit", "VPE"],
        "unit_price": ["Einzelpreis", "Stückpreis"],
        "discount": ["Nachlass"],
        "tax_rate": ["Steuersatz"],
        "amount": ["Betrag", "Gesamtpreis"],
        "delivery": ["Liefertermin", "Wunschtermin"],
        "note": ["Hinweis", "Bemerkung"],
    },
    "fr": {
        "title": ["Bon de commande", "Commande"],
        "po_number": ["N° de commande", "Numéro"],
        "order_date": ["Émise le", "Le"],
        "payment_terms": ["Conditions de règlement", "Règlement"],
        "currency": ["Devise", "Monnaie"],
        "vendor": ["Fournisseur", "Prestataire"],
        "buyer": ["Acheteur", "Donneur d'ordre"],
        "ship": ["Livrer à", "Lieu de livraison"],
        "subtotal": ["Montant des lignes", "Marchandises"],
        "shipping": ["Frais de port", "Transport"],
        "packing": ["Emballage"],
        "net": ["Montant HT"],
        "tax": ["Montant TVA", "Impôt"],
        "total": ["Montant TTC", "Net à payer"],
        "line_no": ["Lig."],
        "sku": ["Référence", "Réf. produit"],
        "customer_part": ["Votre réf."],
        "description": ["Libellé", "Intitulé"],
        "quantity": ["Qté", "Nombre"],
        "unit": ["Unité de vente", "Cond."],
        "unit_price": ["Prix unitaire", "P.U."],
        "discount": ["Remise"],
        "tax_rate": ["Taux"],
        "amount": ["Montant", "Montant ligne"],
        "delivery": ["Livraison souhaitée", "Délai"],
        "note": ["Observation"],
    },
    "es": {
        "title": ["Pedido de compra", "Orden de compra"],
        "po_number": ["Nº de pedido", "Pedido"],
        "order_date": ["Fecha", "Fecha de emisión"],
        "payment_terms": ["Forma de pago", "Condiciones de pago"],
        "currency": ["Moneda", "Divisa"],
        "vendor": ["Proveedor"],
        "buyer": ["Comprador", "Cliente final"],
        "ship": ["Entregar en", "Lugar de entrega"],
        "subtotal": ["Suma de líneas", "Importe bruto"],
        "shipping": ["Portes", "Transporte"],
        "packing": ["Embalaje"],
        "net": ["Base imponible"],
        "tax": ["Impuestos", "Cuota"],
        "total": ["Importe a pagar", "A pagar"],
        "line_no": ["Lín."],
        "sku": ["Código", "Referencia"],
        "customer_part": ["Su referencia"],
        "description": ["Concepto", "Denominación"],
        "quantity": ["Cantidad", "Cant."],
        "unit": ["Unidad", "Ud."],
        "unit_price": ["Precio unitario", "Precio ud."],
        "discount": ["Dto."],
        "tax_rate": ["Tipo"],
        "amount": ["Importe", "Importe línea"],
        "delivery": ["Entrega", "Plazo"],
        "note": ["Observación"],
    },
}
COLUMN_ROLES = ("line_no", "sku", "customer_part", "description", "quantity", "unit", "unit_price", "discount",
                "tax_rate", "amount")  # fmt: skip
HEADER_CAPTIONS = ("po_number", "order_date", "payment_terms", "currency", "subtotal", "tax", "total")
PARTY_CAPTIONS = ("vendor", "buyer", "ship")
MONOGRAM_MARKS = ["{a}{b}", "{a}&{b}", "& {a}", "{a}"]
NOTES = {
    "en": ["Deliver to gate 4", "Certificate required", "Pack on pallets", "Partial delivery allowed"],
    "de": ["Anlieferung Tor 4", "Mit Prüfzeugnis", "Auf Paletten verpacken", "Teillieferung erlaubt"],
    "fr": ["Livraison quai 4", "Certificat exigé", "Sur palette", "Livraison partielle admise"],
    "es": ["Entrega muelle 4", "Con certificado", "En palés", "Entrega parcial admitida"],
}


def heldout_words() -> dict[str, set[str]]:
    """Every held-out caption by role (all languages), for the vocabulary check."""
    out: dict[str, set[str]] = {}
    for captions in CAPTIONS.values():
        for role, words in captions.items():
            out.setdefault(role, set()).update(words)
    return out


# ---------------------------------------------------------------- purchase orders


@dataclass
class HeldOutPOSpec:
    language: str
    header: str
    table: str
    totals: str
    font_family: str
    size: float

    def family_parts(self) -> dict[str, Any]:
        return {"language": self.language, "header": self.header, "table": self.table, "totals": self.totals}


def _columns(table: str, rng: random.Random) -> list[str]:
    if table == "wide":
        return ["line_no", "sku", "customer_part", "description", "unit", "quantity", "unit_price", "discount",
                "tax_rate", "amount"]  # fmt: skip
    if table == "erp_sublines":
        return ["line_no", "sku", "description", "quantity", "unit", "unit_price", "tax_rate", "amount"]
    cols = ["description", "quantity", "unit_price", "amount"]
    if rng.random() < 0.7:
        cols.insert(0, "sku")
    if rng.random() < 0.5:
        cols.insert(cols.index("quantity") + 1, "unit")
    return cols


class HeldOutPOWriter:
    """Draws one purchase order of a held-out family; words that show a truth value are tagged."""

    def __init__(self, rng: random.Random, spec: HeldOutPOSpec, model: POModel, columns: list[str]) -> None:
        self.rng, self.spec, self.m, self.columns = rng, spec, model, columns
        self.words = CAPTIONS[spec.language]
        self.f = Fonts.of(spec.font_family)
        self.size = spec.size
        self.lead = self.size * 1.35
        self.pw, self.ph = (841.89, 595.28) if spec.table == "wide" else (595.28, 841.89)
        self.margin = rng.uniform(30, 46)
        self.pages: list[PageDraft] = []
        self.page = self._new_page()
        self.left, self.right = self.margin, self.pw - self.margin
        self.sub_lines = 0

    def cap(self, role: str) -> str:
        return self.rng.choice(self.words[role])

    def money(self, value: Decimal) -> str:
        return format_number(value, self.m.number_style)

    def date_text(self, day: date) -> str:
        return format_date(day, self.m.date_format)

    def _new_page(self) -> PageDraft:
        page = PageDraft(self.pw, self.ph)
        self.pages.append(page)
        self.y = self.margin
        return page

    # ------------------------------------------------ header
    def header_values(self) -> list[tuple[str, str, str | None]]:
        m = self.m
        rows: list[tuple[str, str, str | None]] = [
            (self.cap("po_number"), m.po_number, "po_number"),
            (self.cap("order_date"), self.date_text(m.order_date), "order_date"),
            (self.cap("currency"), m.currency, "currency"),
            (self.cap("payment_terms"), m.terms[0], "payment_terms"),
        ]
        if self.rng.random() < 0.5:
            delivery = self.date_text(m.order_date + timedelta(days=self.rng.randrange(7, 50)))
            rows.insert(2, (self.cap("delivery"), delivery, None))
        return rows

    def letterhead(self, x: float, y: float, monogram: bool) -> float:
        p, name = self.page, self.m.buyer.name
        big = self.size * 1.7
        if monogram:
            words = [w for w in name.replace("&", " ").split() if w[:1].isalpha()]
            mark = self.rng.choice(MONOGRAM_MARKS).format(a=words[0][0], b=words[min(1, len(words) - 1)][0])
            size = big * 1.6
            x += p.text(x, y + size * 0.8, mark, self.f.bold, size, color=(0.55, 0.1, 0.1)) + self.size * 0.8
            p.text(x, y + size * 0.8, name, self.f.bold, big, Entity("buyer_name"))
            y += size * 1.1
        else:
            if self.rng.random() < 0.5:
                draw_logo(p, self.rng, x, y, self.size * 3)
                x += self.size * 3.6
            p.text(x, y + big * 0.8, name, self.f.bold, big, Entity("buyer_name"))
            y += big * 1.3
        b = self.m.buyer
        small = self.size * 0.85
        for line in (b.street, f"{b.city_line} · {b.country_name}"):
            p.text(x, y + small, line, self.f.regular, small)
            y += small * 1.3
        if b.tax_id and self.rng.random() < 0.5:
            x_ = x + p.text(x, y + small, f"{b.tax_label}:", self.f.regular, small) + 3
            p.text(x_, y + small, b.tax_id, self.f.regular, small, Entity("buyer_tax_id"))
            y += small * 1.3
        return y + self.lead * 0.5

    def party(self, x: float, y: float, w: float, caption_role: str, tag: str | None) -> float:
        p = self.page
        party = self.m.vendor if caption_role == "vendor" else self.m.ship_to
        p.text(x, y + self.size * 0.85, self.cap(caption_role), self.f.bold, self.size * 0.85, color=(0.3, 0.3, 0.3))
        y += self.lead
        entity = Entity(tag) if tag else None
        for line in wrap(party.name, self.f.bold, self.size, w):
            p.text(x, y + self.size, line, self.f.bold, self.size, entity)
            y += self.lead
        for line in (party.street, party.city_line, party.country_name):
            p.text(x, y + self.size, line, self.f.regular, self.size)
            y += self.lead
        if tag == "vendor_name" and party.tax_id and self.rng.random() < 0.6:
            x_ = x + p.text(x, y + self.size, f"{party.tax_label}:", self.f.regular, self.size) + 3
            p.text(x_, y + self.size, party.tax_id, self.f.regular, self.size, Entity("vendor_tax_id"))
            y += self.lead
        return y + self.lead * 0.6

    def title(self, x: float, y: float, align: str = "left") -> float:
        size = self.size * 1.9
        self.page.text(x, y + size * 0.8, self.cap("title"), self.f.bold, size, align=align)
        return y + size * 1.4

    def header(self) -> None:
        spec, p = self.spec, self.page
        values = self.header_values()
        if spec.header == "sidebar":
            bar = self.pw * 0.27
            p.rect(0, 0, bar, self.ph, stroke=None, fill=(0.9, 0.92, 0.95))
            x, y = self.margin * 0.7, self.margin
            y = self.letterhead_small(x, y, bar - self.margin)
            for caption, value, tag in values:
                p.text(x, y + self.size * 0.8, caption, self.f.regular, self.size * 0.8, color=(0.35, 0.35, 0.35))
                y += self.lead * 0.9
                p.text(x, y + self.size, value, self.f.bold, self.size, Entity(tag) if tag else None)
                y += self.lead * 1.3
            y += self.lead
            self.party(x, y, bar - self.margin, "vendor", "vendor_name")
            self.left = bar + self.margin * 0.6
            self.y = self.title(self.left, self.margin)
            self.y = self.party(self.left, self.y, (self.right - self.left) / 2, "ship", None) + self.lead
            return
        y = self.letterhead(self.left, self.y, spec.header == "monogram")
        if spec.header == "boxed":
            y = self.title(self.left, y)
            box_w = (self.right - self.left) / len(values)
            for k, (caption, value, tag) in enumerate(values):
                bx = self.left + k * box_w
                p.rect(bx, y, box_w - 4, self.size * 3.2, stroke=(0.2, 0.2, 0.2), line_width=0.7)
                p.text(bx + 4, y + self.size * 1.0, caption, self.f.regular, self.size * 0.75, color=(0.3, 0.3, 0.3))
                vsize = self.size
                while vsize > self.size * 0.6 and width(value, self.f.bold, vsize) > box_w - 12:
                    vsize -= 0.25
                p.text(bx + 4, y + self.size * 2.5, value, self.f.bold, vsize, Entity(tag) if tag else None)
            y += self.size * 3.2 + self.lead
        else:  # erp and monogram: the title right, a caption column with dotted leaders below it
            ty = self.title(self.right, self.margin, "right")
            cap_w = max(width(c, self.f.regular, self.size) for c, _, _ in values) + 18
            x = self.right - cap_w - max(width(v, self.f.regular, self.size) for _, v, _ in values) - 6
            yy = max(ty, self.margin + self.lead * 2)
            for caption, value, tag in values:
                dots = "." * max(
                    2,
                    int(
                        (cap_w - width(caption, self.f.regular, self.size) - 6) / width(".", self.f.regular, self.size)
                    ),
                )
                leader = dots if spec.header == "erp" else ""
                p.text(x, yy + self.size, f"{caption} {leader}".strip(), self.f.regular, self.size)
                p.text(x + cap_w, yy + self.size, value, self.f.regular, self.size, Entity(tag) if tag else None)
                yy += self.lead
            y = max(y, yy) + self.lead
        half = (self.right - self.left) / 2
        y1 = self.party(self.left, y, half - 10, "vendor", "vendor_name")
        y2 = self.party(self.left + half, y, half - 10, "ship", None)
        self.y = max(y1, y2) + self.lead * 0.5

    def letterhead_small(self, x: float, y: float, w: float) -> float:
        p, b = self.page, self.m.buyer
        entity = Entity("buyer_name")
        for line in wrap(b.name, self.f.bold, self.size * 1.2, w):
            p.text(x, y + self.size * 1.2, line, self.f.bold, self.size * 1.2, entity)
            y += self.size * 1.5
        for line in (b.street, b.city_line):
            p.text(x, y + self.size * 0.85, line, self.f.regular, self.size * 0.85)
            y += self.size * 1.15
        return y + self.lead

    # ------------------------------------------------ table
    def column_widths(self) -> list[tuple[str, str, float, str]]:
        """Each column as wide as its caption or widest value; the description takes what is left."""
        m, pad = self.m, 10.0
        values: dict[str, list[str]] = {
            "line_no": [str(10 * len(m.lines))],
            "sku": [ln.sku or "" for ln in m.lines],
            "customer_part": ["K-00000"],
            "quantity": [format_quantity(ln.quantity, m.number_style) for ln in m.lines],
            "unit": [ln.unit or "" for ln in m.lines],
            "unit_price": [self.money(ln.unit_price) for ln in m.lines],
            "discount": ["15%"],
            "tax_rate": [f"{ln.tax_rate}%" for ln in m.lines],
            "amount": [self.money(ln.amount) for ln in m.lines],
        }
        out = []
        for c in self.columns:
            caption = self.cap(c)
            align = "left" if c in {"sku", "customer_part", "description", "unit"} else "right"
            need = max(width(v, self.f.regular, self.size) for v in [caption, *values.get(c, [""])])
            out.append((c, caption, need + pad, align))
        rest = (self.right - self.left) - sum(w for c, _, w, _ in out if c != "description")
        return [(c, cap, max(rest, 90.0) if c == "description" else w, a) for c, cap, w, a in out]

    def table(self) -> None:
        cols = self.column_widths()
        self.table_header(cols)
        m, rng = self.m, self.rng
        zebra = rng.random() < 0.5
        for i, ln in enumerate(m.lines):
            desc_w = next(w for c, _, w, _ in cols if c == "description") - 6
            desc = wrap(ln.description, self.f.regular, self.size, desc_w)
            sub = self.sub_line(ln, i) if self.spec.table == "erp_sublines" else None
            row_h = self.lead * (len(desc) + (1 if sub else 0)) + 4
            if self.y + row_h > self.ph - self.margin - self.lead * 3:
                self.page = self._new_page()
                if self.spec.header == "sidebar":
                    self.page.rect(0, 0, self.pw * 0.27, self.ph, stroke=None, fill=(0.9, 0.92, 0.95))
                self.table_header(cols)
            p = self.page
            if zebra and i % 2 == 1:
                p.rect(self.left, self.y, self.right - self.left, row_h, stroke=None, fill=(0.9, 0.9, 0.9))
            base = self.y + 2 + self.lead * 0.8
            x = self.left
            for c, _, w, align in cols:
                tx = x + 3 if align == "left" else x + w - 3
                if c == "description":
                    entity = Entity("description", row=i)
                    for k, line in enumerate(desc):
                        p.text(tx, base + self.lead * k, line, self.f.regular, self.size, entity, row=i)
                    if sub:
                        p.text(tx + self.size * 1.5, base + self.lead * len(desc), sub, self.f.italic,
                               self.size * 0.85, row=i)  # fmt: skip
                else:
                    text, tag = {
                        "line_no": (str((i + 1) * 10), None),
                        "sku": (ln.sku, "sku"),
                        "customer_part": (f"K-{rng.randrange(10000, 99999)}", None),
                        "quantity": (format_quantity(ln.quantity, m.number_style), "quantity"),
                        "unit": (ln.unit, "unit"),
                        "unit_price": (self.money(ln.unit_price), "unit_price"),
                        "discount": (f"{ln.discount_pct}%", None),
                        "tax_rate": (f"{ln.tax_rate}%", "tax_rate"),
                        "amount": (self.money(ln.amount), "amount"),
                    }[c]
                    cell = Entity(tag, row=i) if tag else None
                    p.text(tx, base, text or "", self.f.regular, self.size, cell, align=align, row=i)
                x += w
            self.y += row_h
            if not zebra:
                p.line(self.left, self.y, self.right, self.y, 0.3, (0.6, 0.6, 0.6))
        self.y += self.lead

    def sub_line(self, ln: Any, i: int) -> str:
        self.sub_lines += 1
        if self.rng.random() < 0.6:
            when = self.m.order_date + timedelta(days=self.rng.randrange(7, 60))
            return f"{self.cap('delivery')}: {self.date_text(when)}"
        return f"{self.cap('note')}: {self.rng.choice(NOTES[self.spec.language])}"

    def table_header(self, cols: list[tuple[str, str, float, str]]) -> None:
        p = self.page
        p.rect(self.left, self.y, self.right - self.left, self.lead + 4, stroke=None, fill=(0.82, 0.84, 0.88))
        x = self.left
        for _, caption, w, align in cols:
            tx = x + 3 if align == "left" else x + w - 3
            p.text(tx, self.y + self.lead * 0.85, caption, self.f.bold, self.size * 0.9, align=align)
            x += w
        self.y += self.lead + 6

    # ------------------------------------------------ totals
    def totals(self) -> None:
        m, rng = self.m, self.rng
        rows: list[tuple[str, str, str | None]] = [(self.cap("subtotal"), self.money(m.subtotal), "subtotal")]
        if m.discount:
            rows.append((f"- {m.discount_pct}%", f"-{self.money(m.discount)}", None))
        if self.spec.totals == "charges":
            rows.append((self.cap("shipping"), self.money(m.shipping), None))
            if m.extra.get("packing"):
                rows.append((self.cap("packing"), self.money(m.extra["packing"]), None))
            net = m.subtotal - m.discount + m.shipping + m.extra.get("packing", Decimal(0))
            rows.append((self.cap("net"), self.money(net), None))
        for rate, amount in sorted(m.tax_by_rate.items(), reverse=True):
            tag = "tax_total" if len(m.tax_by_rate) == 1 else None
            rows.append((f"{self.cap('tax')} {rate}%", self.money(amount), tag))
        if len(m.tax_by_rate) > 1:
            rows.append((self.cap("tax"), self.money(m.tax_total), "tax_total"))
        rows.append((self.cap("total"), self.money(m.total), "total"))
        if self.y + self.lead * (len(rows) + 2) > self.ph - self.margin:
            self.page = self._new_page()
        p = self.page
        x = self.right - (self.right - self.left) * rng.uniform(0.35, 0.45)
        for label, value, tag in rows:
            bold = self.f.bold if tag == "total" else self.f.regular
            p.text(x, self.y + self.size, label, bold, self.size)
            p.text(self.right - 3, self.y + self.size, value, bold, self.size, Entity(tag) if tag else None,
                   align="right")  # fmt: skip
            self.y += self.lead
        self.y += self.lead


def sample_heldout_po_spec(rng: random.Random) -> HeldOutPOSpec:
    return HeldOutPOSpec(
        language=rng.choice(LANGUAGES),
        header=rng.choice(PO_HEADERS),
        table=rng.choice(PO_TABLES),
        totals=rng.choice(PO_TOTALS),
        font_family=rng.choice([f for f in FONT_FAMILIES if f != "nimbus-mono"]),
        size=rng.choice([8.0, 8.5, 9.0]),
    )


def make_heldout_po(seed: int, *, families: set[str] | None = None, doc_id: str | None = None) -> GeneratedDoc:
    """One purchase order of a held-out family, printing held-out vocabulary. The same seed gives the same bytes."""
    rng = random.Random(seed)
    layout_rng = random.Random(seed * 7919 + 3)
    for _ in range(5000):
        spec = sample_heldout_po_spec(layout_rng)
        family = family_id("po-heldout", spec.family_parts())
        if family_allowed(family, families):
            break
    else:
        raise ValueError("no layout family matched the families filter")
    columns = _columns(spec.table, layout_rng)
    # the PO model reads only the column set of its spec
    column_set = cast(POSpec, SimpleNamespace(columns=[c.replace("tax_rate", "tax") for c in columns]))
    model = sample_po_model(rng, column_set, rng.randrange(2, 14))
    if spec.totals == "charges":  # shipping (and packing) after the lines: subtotal stays the sum of the lines
        model.shipping = q2(Decimal(rng.randrange(1500, 45000)) / 100)
        packing = q2(Decimal(rng.randrange(500, 5000)) / 100) if rng.random() < 0.5 else Decimal("0.00")
        model.extra["packing"] = packing
        base = model.subtotal - model.discount + model.shipping + packing
        if model.tax_rate is not None and "tax_rate" not in columns:
            model.tax_by_rate = {model.tax_rate: q2(base * model.tax_rate / 100)}
        model.tax_total = sum(model.tax_by_rate.values(), Decimal("0.00"))
        model.total = base + model.tax_total
    else:
        model.shipping = Decimal("0.00")
        model.total = model.subtotal - model.discount + model.tax_total
        if model.tax_rate is not None and "tax_rate" not in columns:
            model.tax_by_rate = {model.tax_rate: q2((model.subtotal - model.discount) * model.tax_rate / 100)}
            model.tax_total = sum(model.tax_by_rate.values(), Decimal("0.00"))
            model.total = model.subtotal - model.discount + model.tax_total
    writer = HeldOutPOWriter(rng, spec, model, columns)
    writer.header()
    writer.table()
    writer.totals()
    doc_id = doc_id or f"po-heldout-{seed}"
    pdf = render_pdf(writer.pages, title=f"{model.po_number}")
    truth = truth_of(model, tagged_fields(writer.pages))
    features = {**spec.family_parts(), "font_family": spec.font_family, "n_lines": len(model.lines),
                "n_pages": len(writer.pages), "sub_lines": writer.sub_lines, "heldout": True}  # fmt: skip
    label = build_label(doc_id, "po", family, features, truth, writer.pages, f"{doc_id}.pdf")
    return GeneratedDoc(doc_id, "po", pdf, label, truth, writer.pages, model)


# ---------------------------------------------------------------- contracts

ORDINALS = ["first", "second", "third", "fourth", "fifth", "sixth", "seventh", "eighth", "ninth", "tenth",
            "eleventh", "twelfth", "thirteenth", "fourteenth", "fifteenth", "sixteenth", "seventeenth",
            "eighteenth", "nineteenth", "twentieth", "twenty-first", "twenty-second", "twenty-third",
            "twenty-fourth", "twenty-fifth", "twenty-sixth", "twenty-seventh", "twenty-eighth"]  # fmt: skip


class HeldOutContractWriter(ContractWriter):
    """A contract whose dates read as prose, whose expiry may be a term, and whose rates may not be a table."""

    def __init__(self, rng: random.Random, model: ContractModel, family: str, size: float, parts: dict[str, Any]):
        self.parts = parts
        super().__init__(rng, model, family, size)

    def d(self, value: date) -> str:
        if self.parts["dates"] == "prose" and value.day <= len(ORDINALS):
            return f"the {ORDINALS[value.day - 1]} day of {MONTHS[value.month - 1]} {value.year}"
        return super().d(value)

    def clause(self, title: str, body: list[list[tuple[str, str | None]]]) -> None:
        if title == "Term" and self.parts["expiry"] == "term":
            months = self.parts["months"]
            body = [[(f"This Agreement commences on the Effective Date and continues for a period of {months} "
                      "months, unless terminated earlier in accordance with its terms.", None)]]  # fmt: skip
        super().clause(title, body)

    def schedule(self) -> None:
        style = self.parts["schedule"]
        if style == "ruled":
            return super().schedule()
        m, p = self.m, self.page
        self.clause_no += 1
        self.ensure(self.lead * (len(m.rates) + 4))
        p = self.page
        p.text(self.left, self.y + self.size, f"{self.clause_no}. Remuneration", self.f.bold, self.size)
        self.y += self.lead * 1.3
        for i, r in enumerate(m.rates):
            rate = format_number(r.rate, m.number_style)
            if style == "numbered":
                parts = [(f"{self.clause_no}.{i + 1}", None), (r.service, "description"), ("-", None),
                         (f"{m.currency} {rate}", "unit_price"), (f"per {r.unit}.", None)]  # fmt: skip
            elif style == "listed":
                parts = [("•", None), (r.service, "description"), (":", None), (rate, "unit_price"),
                         (f"{m.currency} per {r.unit}", None)]  # fmt: skip
            else:
                parts = [("For", None), (r.service, "description"), ("the Provider charges", None),
                         (f"{m.currency} {rate}", "unit_price"), (f"per {r.unit}.", None)]  # fmt: skip
            self._rate_paragraph(parts, i)
        self.y += self.lead

    def _rate_paragraph(self, parts: list[tuple[str, str | None]], row: int) -> None:
        before = len(self.page.words), self.page
        self.paragraph(parts, indent=self.size)
        page = self.page if self.page is before[1] else before[1]
        for word in page.words[before[0] :]:
            word["row"] = row


def make_heldout_contract(seed: int, *, families: set[str] | None = None, doc_id: str | None = None) -> GeneratedDoc:
    """One contract of a held-out family (schedule style, prose dates, expiry as a term)."""
    rng = random.Random(seed)
    layout_rng = random.Random(seed * 7919 + 4)
    for _ in range(5000):
        parts = {"schedule": layout_rng.choice(SCHEDULES), "dates": layout_rng.choice(["prose", "plain"]),
                 "expiry": layout_rng.choice(TERM_STYLES)}  # fmt: skip
        family = family_id("contract-heldout", parts)
        if family_allowed(family, families):
            break
    else:
        raise ValueError("no layout family matched the families filter")
    font_family = layout_rng.choice([f for f in FONT_FAMILIES if f != "nimbus-sans-narrow"])
    size = layout_rng.choice([9.0, 9.5, 10.0])
    model = sample_contract_model(rng)
    months = rng.choice([12, 24, 36])
    if parts["expiry"] == "term":
        model.expiry_date = model.effective_date + relativedelta(months=months) - timedelta(days=1)
    writer = HeldOutContractWriter(rng, model, font_family, size, {**parts, "months": months})
    writer.write()
    writer.footers()
    doc_id = doc_id or f"contract-heldout-{seed}"
    pdf = render_pdf(writer.pages, title=f"Agreement {model.contract_number}")
    shown = tagged_fields(writer.pages) | ({"expiry_date"} if parts["expiry"] == "term" else set())
    fields = contract_truth_fields(model, shown)
    truth = {
        "fields": fields,
        "line_items": [
            {"sku": None, "description": r.service, "quantity": None, "unit": r.unit if parts["schedule"] == "ruled"
             else None, "unit_price": dec_str(r.rate), "amount": None, "tax_rate": None}
            for r in model.rates
        ],
    }  # fmt: skip
    features = {**parts, "font": font_family, "size": size, "n_pages": len(writer.pages), "heldout": True}
    label = build_label(doc_id, "contract", family, features, truth, writer.pages, f"{doc_id}.pdf")
    return GeneratedDoc(doc_id, "contract", pdf, label, truth, writer.pages, model)


def heldout_families() -> list[str]:
    """Every held-out family id (purchase orders and contracts)."""
    po = [family_id("po-heldout", {"language": lang, "header": h, "table": t, "totals": s})
          for lang in LANGUAGES for h in PO_HEADERS for t in PO_TABLES for s in PO_TOTALS]  # fmt: skip
    contracts = [family_id("contract-heldout", {"schedule": s, "dates": d, "expiry": e})
                 for s in SCHEDULES for d in ("prose", "plain") for e in TERM_STYLES]  # fmt: skip
    return po + contracts


def split_families(split: Split) -> set[str]:
    """The held-out family ids of one half of the split (``CALIBRATION_LANGUAGES``, ``CALIBRATION_SCHEDULES``)."""
    po = [family_id("po-heldout", {"language": lang, "header": h, "table": t, "totals": s})
          for lang in LANGUAGES for h in PO_HEADERS for t in PO_TABLES for s in PO_TOTALS
          if (lang in CALIBRATION_LANGUAGES) == (split == "calibration")]  # fmt: skip
    contracts = [family_id("contract-heldout", {"schedule": s, "dates": d, "expiry": e})
                 for s in SCHEDULES for d in ("prose", "plain") for e in TERM_STYLES
                 if (s in CALIBRATION_SCHEDULES) == (split == "calibration")]  # fmt: skip
    return set(po + contracts)


def generate_heldout(
    n: int,
    out: Path,
    seed: int,
    scanned_share: float = 0.0,
    contract_share: float = 0.3,
    split: Split | None = None,
) -> list[Path]:
    """Write ``n`` held-out documents (purchase orders and contracts) with their labels to ``out``; ``split``: of
    that half of the families only (``split_families``).

    Scans of held-out documents are grey, banded where the table is, and slightly skewed.
    """

    out.mkdir(parents=True, exist_ok=True)
    families = split_families(split) if split else None
    paths, rows = [], []
    for index in range(n):
        s = doc_seed(seed, index)
        chooser = random.Random(s ^ 0x5EED)
        contract = chooser.random() < contract_share
        doc_id = f"{'contract' if contract else 'po'}-heldout-{seed}-{index:06d}"
        make = make_heldout_contract if contract else make_heldout_po
        doc = make(s, families=families, doc_id=doc_id)
        label, data = doc.label, doc.pdf_bytes
        if chooser.random() < scanned_share:
            scan = make_scan(doc, s, grey=True, with_ocr=False)
            label, data = scan.label, scan.file_bytes
        (out / label["file"]).write_bytes(data)
        path = out / f"{doc_id}.json"
        path.write_text(json.dumps(label, ensure_ascii=False, separators=(",", ":")))
        paths.append(path)
        rows.append({"kind": label["kind"], "scanned": label["scanned"], "layout_family": label["layout_family"],
                     **{k: v for k, v in label["features"].items() if not isinstance(v, list | dict)}})  # fmt: skip
    write_card(out, rows, heldout=True, seed=seed, scanned_share=scanned_share)
    return paths


__all__ = [
    "CAPTIONS",
    "generate_heldout",
    "heldout_families",
    "heldout_words",
    "split_families",
    "make_heldout_contract",
    "make_heldout_po",
]
