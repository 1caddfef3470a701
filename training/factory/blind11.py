"""The eleventh blind set: purchase orders and contracts written without looking at the extractor, for measuring it.

The earlier sets printed Western, Nordic and Central Europe, the Baltics, the Americas' big economies, East Asia,
parts of Africa and the Gulf in English; this set goes to desks none printed: Greece in Greek script (set 8 printed
Greece in English only), Cyprus in Greek and English side by side, Albania, North Macedonia in Cyrillic, Montenegro,
Moldova, Azerbaijan, Belarus in Russian, Ecuador, the Dominican Republic, Guatemala, Paraguay, Venezuela, Tunisia and
Algeria in French, Ghana, Liechtenstein, Malta, Monaco, San Marino and Andorra. Dates in words come from Babel's long
format for the document's locale ('5 Μαρτίου 2026', '5 март 2026 г.', '5 de març del 2026'); money is printed
with the currency's own places from Babel (Albanian lek and Paraguayan guaraní without decimals, Tunisian dinar with
three). Tax ids with valid check digits or formats from python-stdnum: Greece's ΑΦΜ, Cyprus's and Malta's VAT,
Albania's NIPT, North Macedonia's EDB, Montenegro's PIB, Moldova's IDNO, Azerbaijan's VÖEN, Belarus's UNP, Ecuador's
RUC, the Dominican RNC, Guatemala's NIT, Paraguay's RUC, Venezuela's RIF, Tunisia's matricule fiscal, Algeria's NIF,
Ghana's TIN, Liechtenstein's PEID, Monaco's TVA, San Marino's COE and Andorra's NRT.

Papers no set drew: a public tender order of numbered sections (contracting authority, contractor, subject), a
pre-printed order form filled in by hand (values in a blue script face over ruled blanks, tick boxes), a clean
accounting-package print (a large title, the facts in a right column, 'Delivery address'), a strip of captioned
cells across the page (an ERP's header band), a boxed voucher in the manner of small-business accounting packages
(the parties in boxes on the left, voucher number and date in cells on the right, the amount in words under the
table). Tables: the amount column first, a barcode (EAN-13, valid check digit) column, no header row at all (and none
on the pages it runs onto), prices and amounts including tax (the net and the tax worked back from the gross total),
a column with each amount in a second currency, the description as the last column, the quantity and its unit in one
cell ('12 kg'), decimal quantities in kilograms and square metres. Contracts: a two-language agreement in two
columns (Greek and English), price lists in an annex on a page of their own, rates in a bulleted list, rates in a
ruled table inside the body, rates in a sentence, terms as a number of months or years. Scans: six conditions of
this set's own (a highlighter pen over some rows, a letter folded in three with its panels lit unevenly, a scanner's
colour channels out of register, dust and hairs on the glass, the shadow of a book spine, a washed-out overexposed
scan) and some of the earlier sets' through their public functions (``blind2.condition``, ``blind8.condition8``).

The labels are the other sets' (``blind.blind_po_doc``, ``blind2.blind_contract_doc``): a line's ``unit_price`` is
the price as printed, its ``amount`` the line amount as printed: quantity x price rounded half up to the currency's
places (Babel's). Where the order prices gross (``gross`` in the family's extras), the printed prices and amounts
include tax, the lines sum to the total, the tax is the total x rate / (100 + rate) rounded to the currency's places
and the subtotal is the total less the tax; elsewhere the lines sum to the subtotal and the tax is the subtotal x rate
rounded. Line numbers, the EAN column where a separate article code is printed, the second-currency column, the
tender reference, the amount in words and delivery addresses are printed but not labelled. A contract's label lines
are its rates (description, unit, rate as printed); the two-language contract labels its first (Greek) column. The
families are split once into a ``dev`` and a ``test`` half (``BLIND11_SPLITS``: ``split_by_kind`` with
``SPLIT_SEED``). ``ledgerlens data blind --set 11`` writes them. Written without opening the extractor's code or its
results.
"""

from __future__ import annotations

import random
import string
from collections.abc import Callable, Mapping
from dataclasses import dataclass
from datetime import date, timedelta
from decimal import ROUND_HALF_UP, Decimal
from pathlib import Path
from typing import Any

import numpy as np
from babel.dates import format_date as babel_date
from babel.numbers import get_currency_precision
from dateutil.relativedelta import relativedelta
from PIL import Image, ImageDraw, ImageFilter
from stdnum import get_cc_module

from training.factory.blind import BlindParty, BlindPO, blind_po_doc
from training.factory.blind2 import Contract2, blind_contract_doc, flow_tokens, write_blind_set
from training.factory.blind2 import condition as condition2
from training.factory.blind3 import split_by_kind
from training.factory.blind8 import condition8
from training.factory.blindkit import split_families
from training.factory.common import GeneratedDoc, draw_logo, family_id
from training.factory.layout import Entity, Fonts, PageDraft, width, wrap
from training.factory.po import POLine
from training.factory.values import dec_str, format_number, format_quantity

# ---------------------------------------------------------------- families


@dataclass(frozen=True)
class Blind11Family:
    """A set-11 family. ``lang`` is the Babel locale its words and dates are in. ``header``: tender | handform |
    clean | strip | voucher (orders); bilingual | annex | bullets | table | prose (contracts). ``table`` (orders):
    std | amountfirst | ean | noheader | gross | multicur | desclast | glued. ``extras``: gross (prices include tax),
    ean2 (an article code beside the barcode), decqty (decimal quantities in kg / m²), term (a contract's expiry is a
    duration)."""

    name: str
    kind: str
    lang: str
    country: str
    currency: str
    header: str
    table: str
    numbers: str
    font: str
    scan: str
    lines: tuple[int, int] = (2, 30)
    extras: frozenset[str] = frozenset()

    @property
    def family(self) -> str:
        return family_id(f"{self.kind}-blind11", {"name": self.name})

    @property
    def items(self) -> str:  # the contract label's 'schedule'
        return self.table

    @property
    def dates(self) -> str:
        return "long"

    @property
    def places(self) -> int:
        return int(get_currency_precision(self.currency))


def _x(*names: str) -> frozenset[str]:
    return frozenset(names)


F = Blind11Family
FAMILIES: list[Blind11Family] = [
    F("prosklisi-paraggelias-gr", "po", "el_GR", "GR", "EUR", "tender", "std", "de", "dejavu-serif", "highlight",
      lines=(2, 46)),
    F("porosi-formular-al", "po", "sq_AL", "AL", "ALL", "handform", "glued", "de", "dejavu-sans", "trifold",
      lines=(2, 14)),
    F("naracka-smetkovodstvo-mk", "po", "mk_MK", "MK", "MKD", "clean", "glued", "de", "dejavu-sans", "chroma",
      lines=(2, 32)),
    F("narudzbenica-bez-zaglavlja-me", "po", "sr_Latn_ME", "ME", "EUR", "strip", "noheader", "de",
      "dejavu-sans-condensed", "dust", lines=(6, 60)),
    F("comanda-suma-intai-md", "po", "ro_MD", "MD", "MDL", "clean", "amountfirst", "fr", "dejavu-sans", "spine",
      lines=(2, 50)),
    F("sifaris-barkod-az", "po", "az_Latn_AZ", "AZ", "AZN", "strip", "ean", "fr", "dejavu-sans", "washout",
      lines=(2, 30)),
    F("zakaz-order-voucher-by", "po", "ru_BY", "BY", "BYN", "voucher", "std", "fr", "dejavu-serif", "binarise",
      lines=(2, 30), extras=_x("decqty")),
    F("orden-compra-iva-incluido-ec", "po", "es_EC", "EC", "USD", "clean", "gross", "en", "nimbus-sans", "highlight",
      lines=(2, 26), extras=_x("gross")),
    F("orden-compra-dos-monedas-do", "po", "es_DO", "DO", "DOP", "strip", "multicur", "en", "dejavu-sans",
      "stripes", lines=(2, 48)),
    F("orden-pedido-descripcion-final-gt", "po", "es_GT", "GT", "GTQ", "tender", "desclast", "en", "c059",
      "trifold", lines=(2, 26)),
    F("orden-compra-guaranies-py", "po", "es_PY", "PY", "PYG", "strip", "amountfirst", "de", "urw-gothic",
      "chroma", lines=(2, 30), extras=_x("decqty")),
    F("bon-commande-administratif-tn", "po", "fr_TN", "TN", "TND", "tender", "std", "fr", "dejavu-serif", "fax",
      lines=(2, 30), extras=_x("decqty")),
    F("bon-commande-manuscrit-dz", "po", "fr_DZ", "DZ", "DZD", "handform", "std", "fr", "p052", "dust",
      lines=(2, 12)),
    F("purchase-voucher-gh", "po", "en_GH", "GH", "GHS", "voucher", "glued", "en", "dejavu-sans", "spine",
      lines=(2, 30), extras=_x("decqty")),
    F("bestellschein-strichcode-li", "po", "de_LI", "LI", "CHF", "clean", "ean", "ch", "nimbus-sans", "bleed",
      lines=(2, 52), extras=_x("ean2")),
    F("purchase-order-inc-vat-mt", "po", "en_MT", "MT", "EUR", "voucher", "gross", "en", "dejavu-sans-condensed",
      "washout", lines=(2, 30), extras=_x("gross")),
    F("symvasi-diglossi-cy", "contract", "el_CY", "CY", "EUR", "bilingual", "table", "de", "dejavu-serif",
      "highlight", extras=_x("term")),
    F("contrat-annexe-tarifs-mc", "contract", "fr_MC", "MC", "EUR", "annex", "table", "fr", "p052", "trifold"),
    F("contratto-elenco-tariffe-sm", "contract", "it_SM", "SM", "EUR", "bullets", "bullets", "de", "dejavu-sans",
      "chroma", extras=_x("term")),
    F("contracte-serveis-ad", "contract", "ca_AD", "AD", "EUR", "table", "table", "de", "dejavu-sans", "dust"),
    F("contrato-tarifas-prosa-ve", "contract", "es_VE", "VE", "USD", "prose", "prose", "de", "c059", "jpeg150"),
    F("maintenance-agreement-mt", "contract", "en_MT", "MT", "EUR", "table", "table", "en", "nimbus-sans", "spine",
      extras=_x("term")),
    F("ugovor-lista-cijena-me", "contract", "sr_Latn_ME", "ME", "EUR", "bullets", "bullets", "de", "dejavu-serif",
      "washout"),
    F("kontrate-aneks-cmimesh-al", "contract", "sq_AL", "AL", "ALL", "annex", "table", "de", "dejavu-sans",
      "holes", extras=_x("term")),
]  # fmt: skip
BY_NAME = {f.name: f for f in FAMILIES}
# The split: within each kind, the family names sorted, shuffled with random.Random(SPLIT_SEED), the first half
# (rounded up) to dev. Fixed once, before any document of the set was generated.
SPLIT_SEED = 1111
BLIND11_SPLITS: dict[str, list[str]] = split_by_kind(FAMILIES, SPLIT_SEED)


def blind11_families(split: str = "all") -> list[Blind11Family]:
    return split_families(BLIND11_SPLITS, BY_NAME, split)


# ---------------------------------------------------------------- locale: formats


def format_day11(day: date, style: str, lang: str) -> str:
    """A date as the document prints it: 'long' is Babel's long format for the locale ``lang`` (its spaces made
    plain); 'dmy_dot' 05.03.2026, 'dmy_slash' 05/03/2026, 'iso' 2026-03-05."""
    if style == "long":
        return " ".join(babel_date(day, "long", locale=lang).split())
    if style == "dmy_slash":
        return day.strftime("%d/%m/%Y")
    if style == "iso":
        return day.isoformat()
    return day.strftime("%d.%m.%Y")


DATE_STYLES11 = {"GR": ("long", "dmy_slash"), "AL": ("dmy_dot", "long"), "MK": ("dmy_dot", "long"),
                 "ME": ("dmy_dot", "long"), "MD": ("dmy_dot", "long"), "AZ": ("dmy_dot", "long"),
                 "BY": ("dmy_dot", "long"), "EC": ("dmy_slash", "long"), "DO": ("dmy_slash", "long"),
                 "GT": ("dmy_slash", "long"), "PY": ("dmy_slash", "long"), "TN": ("dmy_slash", "long"),
                 "DZ": ("dmy_slash",), "GH": ("dmy_slash", "long", "iso"), "LI": ("dmy_dot", "long"),
                 "MT": ("dmy_slash", "long")}  # fmt: skip
TAX_RATES11 = {"GR": "24", "AL": "20", "MK": "18", "ME": "21", "MD": "20", "AZ": "18", "BY": "20", "EC": "15",
               "DO": "18", "GT": "12", "PY": "10", "TN": "19", "DZ": "19", "GH": "15", "LI": "8.1", "MT": "18",
               "CY": "19", "MC": "20", "SM": "17", "AD": "4.5", "VE": "16"}  # fmt: skip

# country -> (stdnum module, caption, a draw of a printed id)
_D = string.digits


def _rand(rng: random.Random, alphabet: str, n: int) -> str:
    return "".join(rng.choice(alphabet) for _ in range(n))


TAX_SCHEMES11: dict[str, tuple[str, str, Callable[[random.Random], str]]] = {
    "GR": ("vat", "Α.Φ.Μ.", lambda r: "0" + _rand(r, _D, 8)),
    "CY": ("vat", "Α.Φ.Π.Α. / VAT",
           lambda r: "CY" + r.choice("013459") + _rand(r, _D, 7) + r.choice(string.ascii_uppercase)),
    "AL": ("nipt", "NIPT", lambda r: r.choice("JKLM") + _rand(r, _D, 8) + r.choice(string.ascii_uppercase)),
    "MK": ("edb", "ЕДБ", lambda r: "40" + _rand(r, _D, 11)),
    "ME": ("pib", "PIB", lambda r: "02" + _rand(r, _D, 6)),
    "MD": ("idno", "IDNO", lambda r: "100" + _rand(r, _D, 10)),
    "AZ": ("voen", "VÖEN", lambda r: _rand(r, "123456789", 1) + _rand(r, _D, 8) + r.choice("12")),
    "BY": ("unp", "УНП", lambda r: r.choice("1234567") + _rand(r, _D, 8)),
    "EC": ("ruc", "RUC", lambda r: f"{r.randrange(1, 25):02d}9" + _rand(r, _D, 7) + "001"),
    "DO": ("rnc", "RNC", lambda r: "1" + _rand(r, _D, 8)),
    "GT": ("nit", "NIT", lambda r: _rand(r, "123456789", 1) + _rand(r, _D, 6) + "-" + r.choice(_D + "K")),
    "PY": ("ruc", "RUC", lambda r: "80" + _rand(r, _D, 6) + "-" + r.choice(_D)),
    "VE": ("rif", "RIF", lambda r: "J-" + _rand(r, _D, 8) + "-" + r.choice(_D)),
    "TN": ("mf", "M.F.", lambda r: _rand(r, _D, 7) + "/" + r.choice("ABCDEFGHJKLMNPQRSTVWXYZ") + "/A/M/000"),
    "DZ": ("nif", "NIF", lambda r: r.choice(["0", "1"]) + _rand(r, _D, 14)),
    "GH": ("tin", "TIN", lambda r: r.choice("CGQV") + "000" + _rand(r, _D, 7)),
    "LI": ("peid", "PEID", lambda r: _rand(r, "123456789", 1) + _rand(r, _D, 6)),
    "MT": ("vat", "VAT No.", lambda r: "MT" + _rand(r, "123456789", 1) + _rand(r, _D, 7)),
    "MC": ("tva", "N° TVA", lambda r: "FR" + _rand(r, _D, 2) + "000" + _rand(r, _D, 6)),
    "SM": ("coe", "C.O.E.", lambda r: _rand(r, "123456789", 1) + _rand(r, _D, 4)),
    "AD": ("nrt", "NRT", lambda r: r.choice("ALU") + "-" + _rand(r, _D, 6) + "-" + r.choice(string.ascii_uppercase)),
}  # fmt: skip


def tax_module11(country: str) -> Any:
    return get_cc_module(country.lower(), TAX_SCHEMES11[country][0])


def tax_id11(rng: random.Random, country: str) -> str:
    """A tax id that passes the country's python-stdnum check, printed the way the country writes it."""
    module = tax_module11(country)
    draw = TAX_SCHEMES11[country][2]
    for _ in range(5000):
        candidate = draw(rng)
        if module.is_valid(candidate):
            return candidate
    raise RuntimeError(f"no valid tax id drawn for {country}")


# ---------------------------------------------------------------- locale: words

# language -> the captions an order prints
PO_WORDS: dict[str, dict[str, str]] = {
    "el": {"title": "ΕΝΤΟΛΗ ΠΑΡΑΓΓΕΛΙΑΣ", "number": "Αρ. Παραγγελίας", "date": "Ημερομηνία", "buyer": "Αναθέτουσα Αρχή",
           "vendor": "Ανάδοχος", "terms": "Τρόπος Πληρωμής", "currency": "Νόμισμα", "code": "Κωδικός",
           "desc": "Περιγραφή Είδους", "qty": "Ποσότητα", "unit": "Μ.Μ.", "price": "Τιμή Μονάδας",
           "amount": "Αξία", "subtotal": "Καθαρή Αξία", "tax": "Φ.Π.Α.", "total": "Συνολική Αξία",
           "subject": "Αντικείμενο της παραγγελίας", "ref": "Αρ. Διακήρυξης", "page": "Σελίδα"},
    "sq": {"title": "POROSI BLERJEJE", "number": "Nr. i porosisë", "date": "Data", "buyer": "Blerësi",
           "vendor": "Furnitori", "terms": "Kushtet e pagesës", "currency": "Monedha", "code": "Kodi",
           "desc": "Përshkrimi i mallit", "qty": "Sasia", "unit": "Njësia", "price": "Çmimi për njësi",
           "amount": "Vlera", "subtotal": "Vlera pa TVSH", "tax": "TVSH", "total": "Vlera totale",
           "page": "Faqe", "sign": "Nënshkrimi dhe vula"},
    "mk": {"title": "НАРАЧКА", "number": "Број на нарачка", "date": "Датум", "buyer": "Нарачател",
           "vendor": "Добавувач", "terms": "Услови на плаќање", "currency": "Валута", "code": "Шифра",
           "desc": "Опис", "qty": "Количина", "unit": "Ед. мерка", "price": "Единечна цена", "amount": "Износ",
           "subtotal": "Износ без ДДВ", "tax": "ДДВ", "total": "Вкупно за плаќање", "ship": "Адреса за испорака",
           "page": "Страна"},
    "sr": {"title": "NARUDŽBENICA", "number": "Broj narudžbe", "date": "Datum", "buyer": "Naručilac",
           "vendor": "Dobavljač", "terms": "Rok plaćanja", "currency": "Valuta", "code": "Šifra",
           "desc": "Naziv artikla", "qty": "Količina", "unit": "JM", "price": "Cijena", "amount": "Iznos",
           "subtotal": "Osnovica", "tax": "PDV", "total": "Ukupno za uplatu", "contact": "Kontakt",
           "page": "Strana"},
    "ro": {"title": "COMANDĂ DE ACHIZIȚIE", "number": "Nr. comenzii", "date": "Data", "buyer": "Beneficiar",
           "vendor": "Furnizor", "terms": "Termen de plată", "currency": "Valuta", "code": "Cod articol",
           "desc": "Denumirea bunurilor", "qty": "Cant.", "unit": "U.M.", "price": "Preț unitar",
           "amount": "Suma", "subtotal": "Total fără TVA", "tax": "TVA", "total": "Total de plată",
           "ship": "Locul livrării", "page": "Pagina"},
    "az": {"title": "SİFARİŞ", "number": "Sifariş №", "date": "Tarix", "buyer": "Sifarişçi", "vendor": "Təchizatçı",
           "terms": "Ödəniş şərtləri", "currency": "Valyuta", "code": "Barkod", "desc": "Malın adı", "qty": "Miqdar",
           "unit": "Ölçü vahidi", "price": "Vahidin qiyməti", "amount": "Məbləğ", "subtotal": "ƏDV-siz cəmi",
           "tax": "ƏDV", "total": "Yekun məbləğ", "contact": "Əlaqə", "page": "Səhifə"},
    "ru": {"title": "ЗАКАЗ ПОСТАВЩИКУ", "number": "Заказ №", "date": "от", "buyer": "Заказчик",
           "vendor": "Поставщик", "terms": "Условия оплаты", "currency": "Валюта", "code": "Артикул",
           "desc": "Наименование товара", "qty": "Кол-во", "unit": "Ед.", "price": "Цена", "amount": "Сумма",
           "subtotal": "Итого без НДС", "tax": "НДС", "total": "Всего к оплате", "page": "Лист"},
    "es": {"title": "ORDEN DE COMPRA", "number": "Orden N.º", "date": "Fecha de emisión", "buyer": "Comprador",
           "vendor": "Proveedor", "terms": "Forma de pago", "currency": "Moneda", "code": "Código",
           "desc": "Descripción", "qty": "Cant.", "unit": "Unidad", "price": "Precio unitario",
           "amount": "Importe", "subtotal": "Subtotal", "tax": "IVA", "total": "Total a pagar",
           "gross_price": "P. unit. IVA incl.", "gross_amount": "Importe IVA incl.", "ref": "Expediente N.º",
           "subject": "Objeto de la orden", "contact": "Solicitante", "other": "Equivalente USD",
           "ship": "Lugar de entrega", "page": "Página"},
    "fr": {"title": "BON DE COMMANDE", "number": "Bon n°", "date": "Date", "buyer": "Acheteur",
           "vendor": "Fournisseur", "terms": "Règlement", "currency": "Devise", "code": "Réf.",
           "desc": "Désignation", "qty": "Qté", "unit": "Unité", "price": "P.U. HT", "amount": "Montant HT",
           "subtotal": "Total HT", "tax": "TVA", "total": "Net à payer", "ref": "Marché n°",
           "subject": "Objet de la commande", "sign": "Cachet et signature", "page": "Page"},
    "en": {"title": "PURCHASE ORDER", "number": "Order No.", "date": "Date", "buyer": "Buyer",
           "vendor": "Supplier", "terms": "Terms of Payment", "currency": "Currency", "code": "Item Code",
           "desc": "Particulars", "qty": "Qty", "unit": "Per", "price": "Rate", "amount": "Amount",
           "subtotal": "Net Amount", "tax": "VAT", "total": "Order Value", "words": "Amount in words",
           "gross_price": "Unit Price inc. VAT", "gross_amount": "Line Total inc. VAT", "ship": "Deliver to",
           "page": "Page"},
    "de": {"title": "BESTELLSCHEIN", "number": "Bestellschein-Nr.", "date": "Datum", "buyer": "Besteller",
           "vendor": "Lieferant", "terms": "Zahlungsziel", "currency": "Währung", "code": "Art.-Nr.",
           "desc": "Artikelbezeichnung", "qty": "Stück", "unit": "Einh.", "price": "Preis/Einh.",
           "amount": "Betrag", "subtotal": "Warenwert netto", "tax": "MWST", "total": "Bestellwert", "ean": "EAN",
           "ship": "Lieferadresse", "page": "Blatt"},
}  # fmt: skip

TERMS11: dict[str, list[tuple[str, int]]] = {
    "el": [("Εξόφληση εντός 60 ημερών", 60), ("Εντός 30 ημερών από την παραλαβή", 30)],
    "sq": [("Brenda 30 ditëve nga fatura", 30), ("Me transfertë bankare brenda 15 ditësh", 15)],
    "mk": [("Во рок од 30 дена", 30), ("Во рок од 45 дена од фактурата", 45)],
    "sr": [("30 dana od prijema fakture", 30), ("Virmanski, 15 dana", 15)],
    "ro": [("La 30 de zile de la facturare", 30), ("Plata în 60 de zile", 60)],
    "az": [("Faktura tarixindən 30 gün", 30), ("Əvvəlcədən ödəniş", 0)],
    "ru": [("Оплата в течение 10 банковских дней", 10), ("Предоплата 100%", 0)],
    "es": [("Crédito 30 días", 30), ("Contado contra entrega", 0), ("Crédito a 45 días", 45)],
    "fr": [("Virement à 30 jours", 30), ("À 60 jours date de facture", 60)],
    "en": [("Net 30 days", 30), ("14 days from invoice", 14)],
    "de": [("30 Tage netto", 30), ("10 Tage rein netto", 10)],
}  # fmt: skip

# language -> (description, unit, bulk): bulk items can take decimal quantities (kg, m²)
PRODUCTS11: dict[str, list[tuple[str, str, bool]]] = {
    "el": [("Χαρτί φωτοαντιγραφικό Α4", "κιβ.", False), ("Γάντια νιτριλίου", "κουτί", False),
           ("Τόνερ εκτυπωτή μαύρο", "τεμ.", False), ("Καλώδιο χαλκού 3x2,5", "μ.", True),
           ("Απολυμαντικό επιφανειών 5 λίτρων", "τεμ.", False), ("Πλακίδια δαπέδου", "τ.μ.", True),
           ("Λαμπτήρας LED 12W", "τεμ.", False), ("Ντοσιέ αρχειοθέτησης", "τεμ.", False)],
    "sq": [("Çimento portland", "thes", False), ("Bojë fasade e bardhë", "kg", True),
           ("Tub plastik PVC", "m", True), ("Vida inoksi", "kuti", False), ("Pllaka qeramike", "m²", True),
           ("Dorashka pune", "palë", False)],
    "mk": [("Канцелариска хартија", "пак.", False), ("Моторно масло", "л", True),
           ("Гума за товарно возило", "парче", False), ("Бакарна жица", "кг", True),
           ("Заштитни ракавици", "пар", False), ("Филтер за воздух", "парче", False)],
    "sr": [("Građevinski blok", "kom", False), ("Armaturna mreža", "kg", True), ("Hidroizolaciona traka", "m", True),
           ("Keramičke pločice", "m²", True), ("Silikonska masa", "kom", False), ("Radne čizme", "par", False),
           ("Ljepilo za pločice", "vreća", False)],
    "ro": [("Vin alb sec", "sticlă", False), ("Struguri de masă", "kg", True), ("Lăzi din plastic", "buc.", False),
           ("Dopuri din plută", "cutie", False), ("Etichete autoadezive", "rolă", False),
           ("Folie paletizare", "kg", True)],
    "az": [("Günəbaxan yağı", "ədəd", False), ("Düyü", "kq", True), ("Çay", "qutu", False),
           ("Mineral su", "ədəd", False), ("Şəkər tozu", "kq", True), ("Kağız salfet", "paket", False)],
    "ru": [("Мука пшеничная", "кг", True), ("Сахар-песок", "кг", True), ("Картофель", "кг", True),
           ("Масло сливочное", "упак.", False), ("Молоко 3,2%", "шт.", False), ("Яйцо куриное", "дес.", False)],
    "es": [("Cemento gris", "saco", False), ("Varilla corrugada 3/8", "unid.", False),
           ("Pintura látex", "galón", False), ("Cable eléctrico", "m", True), ("Arena de río", "m³", True),
           ("Guantes de cuero", "par", False),
           ("Tubo PVC 1/2", "unid.", False), ("Clavos de acero", "kg", True)],
    "fr": [("Ramette papier A4", "u", False), ("Cartouche d'encre noire", "u", False),
           ("Câble électrique rigide", "m", True), ("Peinture acrylique blanche", "kg", True),
           ("Classeur à levier", "u", False), ("Carrelage grès cérame", "m²", True),
           ("Disjoncteur différentiel", "u", False)],
    "en": [("Cocoa bean sacks", "pcs", False), ("Engine oil 15W-40", "L", True), ("Steel rod 12 mm", "kg", True),
           ("Safety helmet", "pcs", False), ("Roofing sheet", "m²", True), ("Printer paper A4", "ream", False),
           ("Water tank 1000 L", "pcs", False)],
    "de": [("Schraubenset verzinkt", "Pack", False), ("Schleifscheibe 125 mm", "Stk.", False),
           ("Kabelbinder schwarz", "Beutel", False), ("Arbeitsschuhe S3", "Paar", False),
           ("Bohrer HSS 8 mm", "Stk.", False), ("Dichtband", "m", True), ("Montageschaum", "Dose", False)],
}  # fmt: skip

# country -> (company stems, trades, legal forms), (city, post code, street)
PARTIES11: dict[str, tuple[list[str], list[str], list[str]]] = {
    "GR": (["Όλυμπος", "Αιγαίο", "Πίνδος", "Θερμαϊκός"], ["Τεχνική", "Εμπορική", "Προμηθευτική"],
           ["Α.Ε.", "Ε.Π.Ε.", "Ι.Κ.Ε."]),
    "CY": (["Troodos", "Akamas", "Kyrenia", "Limassol Bay"], ["Services", "Technical", "Consulting"],
           ["Ltd", "Limited"]),
    "AL": (["Dajti", "Butrinti", "Vjosa", "Drini"], ["Ndërtim", "Tregti", "Shërbime"], ["sh.p.k.", "sh.a."]),
    "MK": (["Вардар", "Охрид", "Шар", "Пелистер"], ["Трејд", "Инженеринг", "Комерц"], ["ДООЕЛ", "ДОО", "АД"]),
    "ME": (["Lovćen", "Durmitor", "Morača", "Bokeški"], ["Gradnja", "Inženjering", "Trgovina"], ["d.o.o.", "a.d."]),
    "MD": (["Codru", "Nistru", "Prut", "Orhei"], ["Vinuri", "Agro", "Comerț"], ["S.R.L.", "S.A."]),
    "AZ": (["Xəzər", "Qafqaz", "Gəncə", "Şirvan"], ["Ticarət", "Qida", "Təchizat"], ["MMC", "ASC"]),
    "BY": (["Полесье", "Нёман", "Березина", "Свислочь"], ["Продукт", "Торг", "Снаб"], ["ООО", "ОАО", "ЗАО"]),
    "EC": (["Cotopaxi", "Chimborazo", "Guayas", "Pichincha"], ["Construcciones", "Suministros", "Ferretería"],
           ["S.A.", "Cía. Ltda."]),
    "DO": (["Cibao", "Ozama", "Yaque", "Samaná"], ["Distribuidora", "Suplidores", "Comercial"], ["S.R.L.", "S.A.S."]),
    "GT": (["Atitlán", "Quetzal", "Petén", "Antigua"], ["Materiales", "Suministros", "Comercial"], ["S.A."]),
    "PY": (["Itaipú", "Ybycuí", "Chaco", "Tebicuary"], ["Agroindustrial", "Comercial", "Insumos"], ["S.A.", "S.R.L."]),
    "VE": (["Ávila", "Orinoco", "Roraima", "Mérida"], ["Servicios", "Consultores", "Tecnología"], ["C.A.", "S.A."]),
    "TN": (["Carthage", "Medjerda", "Sahel", "Kerkennah"], ["Équipements", "Fournitures", "Services"], ["SARL", "SA"]),
    "DZ": (["Djurdjura", "Hoggar", "Tassili", "Chélif"], ["Équipements", "Distribution", "Fournitures"],
           ["SARL", "EURL", "SPA"]),
    "GH": (["Volta", "Ashanti", "Akosombo", "Kakum"], ["Supplies", "Trading", "Ventures"], ["Ltd", "Limited"]),
    "LI": (["Rhein", "Drei Schwestern", "Gutenberg", "Malbun"], ["Werkzeug", "Technik", "Industrie"],
           ["AG", "Anstalt", "GmbH"]),
    "MT": (["Valletta", "Marsaxlokk", "Mdina", "Gozo"], ["Supplies", "Trading", "Marine"], ["Ltd", "Limited"]),
    "MC": (["Rocher", "Fontvieille", "Condamine", "Larvotto"], ["Conseil", "Services", "Ingénierie"], ["SAM", "SARL"]),
    "SM": (["Titano", "Montale", "Borgo", "Cesta"], ["Servizi", "Consulenze", "Tecnologie"], ["S.p.A.", "S.r.l."]),
    "AD": (["Valira", "Ordino", "Pessons", "Casamanya"], ["Serveis", "Enginyeria", "Gestió"], ["SL", "SA"]),
}  # fmt: skip
PLACES11: dict[str, list[tuple[str, str, str]]] = {
    "GR": [("Λάρισα", "412 22", "Οδός Κύπρου"), ("Ηράκλειο", "712 02", "Λεωφ. Κνωσού")],
    "CY": [("Λευκωσία", "1065", "Λεωφ. Μακαρίου"), ("Λεμεσός", "3036", "Οδός Ανεξαρτησίας")],
    "AL": [("Tiranë", "1001", "Rruga e Kavajës"), ("Durrës", "2001", "Bulevardi Epidamn")],
    "MK": [("Скопје", "1000", "ул. Македонија"), ("Битола", "7000", "ул. Широк Сокак")],
    "ME": [("Podgorica", "81000", "Bulevar Svetog Petra Cetinjskog"), ("Nikšić", "81400", "Njegoševa")],
    "MD": [("Chișinău", "MD-2012", "bd. Ștefan cel Mare"), ("Bălți", "MD-3100", "str. Independenței")],
    "AZ": [("Bakı", "AZ1000", "Nizami küçəsi"), ("Gəncə", "AZ2000", "Atatürk prospekti")],
    "BY": [("Минск", "220030", "пр-т Независимости"), ("Гомель", "246050", "ул. Советская")],
    "EC": [("Quito", "170135", "Av. Amazonas"), ("Guayaquil", "090313", "Av. 9 de Octubre")],
    "DO": [("Santo Domingo", "10101", "Av. Winston Churchill"), ("Santiago de los Caballeros", "51000",
           "Av. Estrella Sadhalá")],
    "GT": [("Ciudad de Guatemala", "01010", "Avenida La Reforma"), ("Quetzaltenango", "09001", "Calle Rodolfo Robles")],
    "PY": [("Asunción", "1209", "Av. Mariscal López"), ("Ciudad del Este", "7000", "Av. San Blas")],
    "VE": [("Caracas", "1060", "Av. Francisco de Miranda"), ("Valencia", "2001", "Av. Bolívar Norte")],
    "TN": [("Sfax", "3000", "Avenue Habib Bourguiba"), ("Sousse", "4000", "Rue de Palestine")],
    "DZ": [("Oran", "31000", "Boulevard de la Soummam"), ("Constantine", "25000", "Rue Larbi Ben M'hidi")],
    "GH": [("Kumasi", "AK-039", "Harper Road"), ("Accra", "GA-145", "Liberation Road")],
    "LI": [("Vaduz", "9490", "Äulestrasse"), ("Schaan", "9494", "Landstrasse")],
    "MT": [("Birkirkara", "BKR 4012", "Valley Road"), ("Qormi", "QRM 3000", "Triq il-Kbira")],
    "MC": [("Monaco", "98000", "Boulevard des Moulins"), ("Monaco", "98000", "Avenue de la Costa")],
    "SM": [("Serravalle", "47899", "Via Ca' Ragni"), ("Borgo Maggiore", "47893", "Piazza Grande")],
    "AD": [("Andorra la Vella", "AD500", "Avinguda Meritxell"), ("Escaldes-Engordany", "AD700", "Carrer Unió")],
}  # fmt: skip
PUBLIC_BUYERS11 = {"GR": ["Δήμος Λαρισαίων", "Περιφέρεια Κρήτης", "Πανεπιστήμιο Θεσσαλίας"],
                   "GT": ["Municipalidad de Quetzaltenango", "Ministerio de Educación", "Hospital Regional de Cobán"],
                   "TN": ["Commune de Sfax", "Office National de l'Assainissement",
                          "Hôpital Universitaire Farhat Hached"]}  # fmt: skip


def _lang(fam: Blind11Family) -> str:
    return {"sr": "sr", "el": "el"}.get(fam.lang[:2], fam.lang[:2])


def make_party11(rng: random.Random, country: str, avoid: str = "", public: bool = False) -> BlindParty:
    stems, trades, forms = PARTIES11[country]
    if public:
        name = rng.choice([b for b in PUBLIC_BUYERS11[country] if b != avoid])
    else:
        stem = rng.choice([s for s in stems if not avoid.startswith(s)])
        name = f"{stem} {rng.choice(trades)} {rng.choice(forms)}"
    city, post, street = rng.choice(PLACES11[country])
    return BlindParty(name, f"{street} {rng.randrange(1, 180)}", f"{post} {city}", country,
                      TAX_SCHEMES11[country][1], tax_id11(rng, country))  # fmt: skip


# ---------------------------------------------------------------- orders


# a currency's prices against the euro's (so that an item costs about as much everywhere)
_PRICE_SCALE11 = {"ALL": 100, "MKD": 60, "MDL": 18, "DOP": 60, "GTQ": 8, "PYG": 7000, "DZD": 140, "GHS": 12,
                  "AZN": 2, "BYN": 3, "TND": 3}  # fmt: skip


def _round(value: Decimal, places: int) -> Decimal:
    return value.quantize(Decimal(1).scaleb(-places), rounding=ROUND_HALF_UP)


@dataclass
class Order11:
    po: BlindPO
    look: dict[str, Any]
    eans: list[str]
    other_rate: Decimal  # the second currency's rate (multicur)


def ean13(rng: random.Random) -> str:
    body = "".join(str(rng.randrange(10)) for _ in range(12))
    total = sum(int(c) * (3 if k % 2 else 1) for k, c in enumerate(body))
    return body + str((10 - total % 10) % 10)


_COLUMNS11 = {
    "std": ("line_no", "sku", "description", "quantity", "unit", "unit_price", "amount"),
    "amountfirst": ("amount", "description", "quantity", "unit", "unit_price", "sku"),
    "ean": ("ean", "description", "quantity", "unit", "unit_price", "amount"),
    "noheader": ("line_no", "sku", "description", "quantity", "unit", "unit_price", "amount"),
    "gross": ("sku", "description", "quantity", "unit", "unit_price", "amount"),
    "multicur": ("sku", "description", "quantity", "unit", "unit_price", "amount", "other"),
    "desclast": ("sku", "quantity", "unit", "unit_price", "amount", "description"),
    "glued": ("line_no", "description", "qtyunit", "unit_price", "amount"),
}


def _po_number11(rng: random.Random, fam: Blind11Family, year: int) -> str:
    n = rng.randrange(100, 99999)
    return {"GR": f"{n}/{year}", "AL": f"P-{year}-{n:05d}", "MK": f"{n % 9999:04d}/{year % 100}",
            "ME": f"NR-{n:05d}", "MD": f"CA{year % 100}-{n:05d}", "AZ": f"S{year}{n:05d}", "BY": f"{n % 9999}",
            "EC": f"OC-{n:06d}", "DO": f"OC{year}-{n:04d}", "GT": f"OP-{n % 9999:04d}-{year}",
            "PY": f"{n:07d}", "TN": f"BC {n % 999:03d}/{year}", "DZ": f"{n % 9999:04d}/{year}",
            "GH": f"PO/{year}/{n % 9999:04d}", "LI": f"B-{n:05d}", "MT": f"PO{n:06d}"}[fam.country]  # fmt: skip


def sample_po11(rng: random.Random, fam: Blind11Family) -> Order11:
    lang = _lang(fam)
    public = fam.header == "tender" and fam.country in PUBLIC_BUYERS11
    buyer = make_party11(rng, fam.country, public=public)
    vendor = make_party11(rng, fam.country, avoid=buyer.name)
    ship = make_party11(rng, fam.country)
    ship.name = buyer.name
    places = fam.places
    n = rng.randrange(*fam.lines)
    rate = Decimal(TAX_RATES11[fam.country])
    gross = "gross" in fam.extras
    mult = _PRICE_SCALE11.get(fam.currency, 1)
    lines: list[POLine] = []
    for _ in range(n):
        desc, unit, bulk = rng.choice(PRODUCTS11[lang])
        price = _round(Decimal(rng.randrange(50_000, 60_000_000)) / 100_000 * mult, places)
        if bulk and "decqty" in fam.extras:
            qty = (Decimal(rng.randrange(5, 4000)) / Decimal(rng.choice([4, 10, 100]))).quantize(Decimal("0.01"))
            qty = Decimal(format(qty.normalize(), "f"))
        else:
            qty = Decimal(rng.choice([1, 2, 3, 5, 6, 10, 12, 15, 20, 24, 40, 50, 100, 200]))
        if qty == qty.to_integral_value():
            qty = qty.quantize(Decimal(1))
        amount = _round(qty * price, places)
        letters = rng.choice(string.ascii_uppercase) + rng.choice(string.ascii_uppercase)
        sku = ean13(rng) if fam.table == "ean" and "ean2" not in fam.extras else f"{letters}-{rng.randrange(100, 9999)}"
        lines.append(POLine(sku, desc, qty, unit, price, None, None, amount))
    lines_sum = sum((ln.amount for ln in lines), Decimal(0))
    if gross:
        total = lines_sum
        tax = _round(total * rate / (100 + rate), places)
        subtotal = total - tax
    else:
        subtotal = lines_sum
        tax = _round(subtotal * rate / 100, places)
        total = subtotal + tax
    order_date = date(rng.randrange(2024, 2028), 1, 1) + timedelta(days=rng.randrange(365))
    terms = rng.choice(TERMS11[lang])
    po = BlindPO(_po_number11(rng, fam, order_date.year), order_date, buyer, vendor, ship, terms, lines, subtotal,
                 Decimal(0), Decimal(0), Decimal(0), rate, {rate: tax}, tax, total)  # fmt: skip
    cols = list(_COLUMNS11[fam.table])
    if "ean2" in fam.extras:
        cols.insert(0, "sku")
    if rng.random() < 0.4 and "line_no" in cols:
        cols.remove("line_no")
    if rng.random() < 0.3 and "sku" in cols and fam.table not in {"amountfirst", "ean"}:
        cols.remove("sku")
    if "sku" not in cols and "ean" not in cols:
        for ln in lines:
            ln.sku = None
    look = {"columns": cols, "dates": rng.choice(DATE_STYLES11[fam.country]), "numbers": fam.numbers,
            "totals": "gross" if gross else "net", "numbered": "line_no" in cols}  # fmt: skip
    eans = [ean13(rng) for _ in lines]
    other_rate = Decimal(rng.choice(["58.9", "60.2", "61.75"]))
    return Order11(po, look, eans, other_rate)


_ONES = ["zero", "one", "two", "three", "four", "five", "six", "seven", "eight", "nine", "ten", "eleven", "twelve",
         "thirteen", "fourteen", "fifteen", "sixteen", "seventeen", "eighteen", "nineteen"]  # fmt: skip
_TENS = ["", "", "twenty", "thirty", "forty", "fifty", "sixty", "seventy", "eighty", "ninety"]


def english_words(n: int) -> str:
    """A whole number in English words ('one thousand two hundred and five')."""
    if n < 20:
        return _ONES[n]
    if n < 100:
        return _TENS[n // 10] + (f"-{_ONES[n % 10]}" if n % 10 else "")
    if n < 1000:
        return f"{_ONES[n // 100]} hundred" + (f" and {english_words(n % 100)}" if n % 100 else "")
    for size, name in ((10**9, "billion"), (10**6, "million"), (1000, "thousand")):
        if n >= size:
            rest = n % size
            joint = " and " if 0 < rest < 100 else " "
            return f"{english_words(n // size)} {name}" + (f"{joint}{english_words(rest)}" if rest else "")
    return str(n)


class Sheet11:
    """A page cursor: text with tags, rules, new pages when the foot is near, page numbers at the end."""

    W, H = 595.28, 841.89
    M = 42.0

    def __init__(self, rng: random.Random, fam: Blind11Family) -> None:
        self.rng, self.fam = rng, fam
        self.fonts = Fonts.of(fam.font)
        self.pages: list[PageDraft] = []
        self.page = self.new_page()
        self.y = self.M

    def new_page(self) -> PageDraft:
        page = PageDraft(self.W, self.H)
        self.pages.append(page)
        self.page = page
        self.y = self.M
        return page

    def t(self, x: float, y: float, s: str, size: float = 8.5, bold: bool = False, ent: Entity | None = None,
          align: str = "left", color: tuple[float, float, float] = (0, 0, 0)) -> float:  # fmt: skip
        name = self.fonts.bold if bold else self.fonts.regular
        return self.page.text(x, y, s, name, size, entity=ent, align=align, color=color)

    def ent(self, name: str, row: int | None = None) -> Entity:
        return Entity(name, row=row)

    def flow(self, template: str, values: Mapping[str, Any], x0: float, w: float, size: float = 9.0,
             row: int | None = None, lead: float = 1.45) -> None:  # fmt: skip
        """A paragraph: ``template``'s words with the tagged values, wrapped to ``w``, over pages."""
        space = width(" ", self.fonts.regular, size)
        x = x0
        self.y += size
        for word, ent in flow_tokens(template, values, row):
            ww = width(word, self.fonts.regular, size)
            if x > x0 and x + ww > x0 + w:
                x = x0
                self.y += size * lead
                if self.y > self.H - 70:
                    self.new_page()
                    self.y += size
            self.page.text(x, self.y, word, self.fonts.regular, size, entity=ent)
            x += ww + space
        self.y += size * (lead - 1) + 4

    def page_numbers(self, caption: str) -> None:
        n = len(self.pages)
        for i, page in enumerate(self.pages, start=1):
            page.text(self.W - self.M, self.H - 24, f"{caption} {i}/{n}".strip(), self.fonts.regular, 7, align="right")


class PO11Writer(Sheet11):
    def __init__(self, rng: random.Random, fam: Blind11Family, order: Order11) -> None:
        super().__init__(rng, fam)
        self.order, self.po = order, order.po
        self.words = PO_WORDS[_lang(fam)]
        self.style = order.look["numbers"]
        self.places = fam.places

    def money(self, value: Decimal) -> str:
        return format_number(value, self.style, self.places)

    def day(self, value: date) -> str:
        return format_day11(value, self.order.look["dates"], self.fam.lang)

    def tax_line(self, p: BlindParty, role: str) -> tuple[str, str, str]:
        return (str(p.tax_label), str(p.tax_id), f"{role}_tax_id")

    # ------------------------------------------------------------ headers

    def party_block(self, x: float, y: float, caption: str, p: BlindParty, role: str, w: float = 240) -> float:
        self.t(x, y, caption, 7.5, bold=True, color=(0.3, 0.3, 0.3))
        y += 12
        self.t(x, y, p.name, 9.5, bold=True, ent=self.ent(f"{role}_name"))
        for line in (p.street, p.city):
            y += 11
            self.t(x, y, line, 8.5)
        y += 11
        lx = x + self.t(x, y, f"{p.tax_label}:", 8.5) + 4
        self.t(lx, y, str(p.tax_id), 8.5, ent=self.ent(f"{role}_tax_id"))
        return y + 6

    def head_tender(self) -> None:
        w, po, M = self.words, self.po, self.M
        self.t(self.W / 2, 46, po.buyer.name, 12, bold=True, align="center")
        self.t(self.W / 2, 60, f"{po.buyer.street}, {po.buyer.city}", 8.5, align="center")
        self.page.line(M, 68, self.W - M, 68, 1.2)
        self.t(self.W / 2, 90, w["title"], 14, bold=True, align="center")
        y = 112
        x = M + self.t(M, y, f"{w['number']}:", 9, bold=True) + 5
        self.t(x, y, po.number, 9, ent=self.ent("po_number"))
        x = self.W / 2 + self.t(self.W / 2, y, f"{w['date']}:", 9, bold=True) + 5
        self.t(x, y, self.day(po.order_date), 9, ent=self.ent("order_date"))
        y += 14
        ref = w.get("ref", "Ref.")
        self.t(M, y, f"{ref}: {self.rng.randrange(1, 99)}/{po.order_date.year}-{self.rng.randrange(1000, 9999)}", 8.5)
        y += 22
        self.t(M, y, f"1. {w['buyer']}", 10, bold=True)
        y += 13
        self.t(M + 14, y, po.buyer.name, 9, ent=self.ent("buyer_name"))
        y += 12
        lx = M + 14 + self.t(M + 14, y, f"{po.buyer.tax_label}", 8.5) + 4
        self.t(lx, y, str(po.buyer.tax_id), 8.5, ent=self.ent("buyer_tax_id"))
        y += 20
        self.t(M, y, f"2. {w['vendor']}", 10, bold=True)
        y += 13
        self.t(M + 14, y, po.vendor.name, 9, ent=self.ent("vendor_name"))
        y += 12
        self.t(M + 14, y, f"{po.vendor.street}, {po.vendor.city}", 8.5)
        y += 12
        lx = M + 14 + self.t(M + 14, y, f"{po.vendor.tax_label}", 8.5) + 4
        self.t(lx, y, str(po.vendor.tax_id), 8.5, ent=self.ent("vendor_tax_id"))
        y += 20
        self.t(M, y, f"3. {w['terms']}", 10, bold=True)
        y += 13
        self.t(M + 14, y, po.terms[0], 9, ent=self.ent("payment_terms"))
        x = self.W / 2 + self.t(self.W / 2, y, f"{w['currency']}:", 9) + 4
        self.t(x, y, self.fam.currency, 9, ent=self.ent("currency"))
        y += 22
        self.t(M, y, f"4. {w.get('subject', w['desc'])}", 10, bold=True)
        self.y = y + 10

    def head_handform(self) -> None:
        """A pre-printed form: captions and ruled blanks, the values written over the blanks in a blue script."""
        w, po, M = self.words, self.po, self.M
        hand = Fonts.of("urw-gothic").italic if self.fam.font in {"p052", "nimbus-sans"} else self.fonts.italic
        blue = (0.1, 0.15, 0.55)
        draw_logo(self.page, self.rng, M, 30, 30)
        self.t(M + 40, 50, w["title"], 15, bold=True)
        self.t(self.W - M, 50, "N°", 10, bold=True, align="right", color=(0.6, 0.1, 0.1))
        rows = [(w["number"], po.number, "po_number"), (w["date"], self.day(po.order_date), "order_date"),
                (w["buyer"], po.buyer.name, "buyer_name"), (po.buyer.tax_label or "", str(po.buyer.tax_id),
                "buyer_tax_id"), (w["vendor"], po.vendor.name, "vendor_name"),
                (po.vendor.tax_label or "", str(po.vendor.tax_id), "vendor_tax_id"),
                (w["terms"], po.terms[0], "payment_terms"), (w["currency"], self.fam.currency, "currency")]  # fmt: skip
        y = 84
        for k, (cap, value, name) in enumerate(rows):
            x = M if k % 2 == 0 else self.W / 2 + 6
            cw = self.t(x, y, f"{cap}:", 8, color=(0.25, 0.25, 0.25))
            right = self.W / 2 - 8 if k % 2 == 0 else self.W - M
            self.page.line(x + cw + 4, y + 3, right, y + 3, 0.4, (0.4, 0.4, 0.4))
            jitter, shift = self.rng.uniform(-1.5, 0.5), self.rng.uniform(0, 8)
            size = 10.5  # the writer writes smaller where the blank is short
            while size > 6 and width(value, hand, size) > right - (x + cw + 10 + shift):
                size -= 0.5
            self.page.text(x + cw + 10 + shift, y - 1 + jitter, value, hand, size, entity=self.ent(name),
                           color=blue)  # fmt: skip
            if k % 2:
                y += 24
        y += 6
        ways = {"fr": ("Espèces", "Virement"), "sq": ("Para në dorë", "Bankë")}[_lang(self.fam)]
        for k, mark in enumerate(["☐", "☒"] if "dejavu" in self.fam.font else ["[ ]", "[X]"]):
            self.t(M + k * 90, y, f"{mark} {ways[k]}", 8)
        self.y = y + 12

    def head_clean(self) -> None:
        w, po, M = self.words, self.po, self.M
        self.t(M, 62, w["title"], 20, bold=True)
        facts = [(w["date"], self.day(po.order_date), "order_date"), (w["number"], po.number, "po_number"),
                 (w["currency"], self.fam.currency, "currency"),
                 (w["terms"], po.terms[0], "payment_terms")]  # fmt: skip
        y = 44
        xr = self.W - M
        for cap, value, name in facts:
            self.t(xr - 150, y, cap, 7.5, bold=True, color=(0.35, 0.35, 0.35))
            y += 10
            self.t(xr - 150, y, value, 9, ent=self.ent(name))
            y += 14
        y = max(y, 110) + 6
        self.party_block(M, y, w["vendor"], po.vendor, "vendor")
        yb = self.party_block(M + 260, y, w["buyer"], po.buyer, "buyer")
        ship = w.get("ship")
        if ship:
            yb += 14
            self.t(M + 260, yb, ship, 7.5, bold=True, color=(0.35, 0.35, 0.35))
            yb += 11
            self.t(M + 260, yb, f"{po.ship_to.street}, {po.ship_to.city}", 8.5)
        self.y = yb + 16

    def head_strip(self) -> None:
        w, po, M = self.words, self.po, self.M
        draw_logo(self.page, self.rng, M, 30, 26)
        self.t(M + 34, 50, po.buyer.name, 12, bold=True, ent=self.ent("buyer_name"))
        self.t(M + 34, 62, f"{po.buyer.street} · {po.buyer.city}", 8)
        lx = M + 34 + self.t(M + 34, 73, f"{po.buyer.tax_label}", 8) + 4
        self.t(lx, 73, str(po.buyer.tax_id), 8, ent=self.ent("buyer_tax_id"))
        self.t(self.W - M, 52, w["title"], 13, bold=True, align="right")
        cells = [(w["number"], po.number, "po_number"), (w["date"], self.day(po.order_date), "order_date"),
                 (w["currency"], self.fam.currency, "currency"),
                 (w["terms"], po.terms[0], "payment_terms")]  # fmt: skip
        if "contact" in w:
            cells.append((w["contact"], self.rng.choice(["A. Petrović", "R. Əliyev", "M. Báez", "J. Acosta"]), ""))
        y = 88
        cw = (self.W - 2 * M) / len(cells)
        self.page.rect(M, y, self.W - 2 * M, 30, fill=(0.93, 0.95, 0.98), line_width=0.6)
        for k, (cap, value, name) in enumerate(cells):
            x = M + k * cw
            if k:
                self.page.line(x, y, x, y + 30, 0.6)
            self.t(x + 4, y + 10, cap, 7, color=(0.3, 0.3, 0.3))
            size = 8.5 if width(value, self.fonts.regular, 8.5) < cw - 8 else 7
            self.t(x + 4, y + 24, value, size, ent=self.ent(name) if name else None)
        y += 46
        self.party_block(M, y, w["vendor"], po.vendor, "vendor")
        ship = w.get("ship", w["buyer"])
        self.t(M + 270, y, ship, 7.5, bold=True, color=(0.3, 0.3, 0.3))
        self.t(M + 270, y + 12, po.ship_to.street, 8.5)
        self.t(M + 270, y + 23, po.ship_to.city, 8.5)
        self.y = y + 62

    def head_voucher(self) -> None:
        """A boxed voucher: the parties in boxes on the left, number, date and terms in cells on the right."""
        w, po, M = self.words, self.po, self.M
        self.t(self.W / 2, 40, w["title"], 12, bold=True, align="center")
        top, mid, right = 50.0, self.W / 2 + 20, self.W - M
        self.page.rect(M, top, right - M, 150, line_width=0.7)
        self.page.line(mid, top, mid, top + 150, 0.7)
        self.page.line(M, top + 75, mid, top + 75, 0.7)
        for k, (cap, p, role) in enumerate([(w["buyer"], po.buyer, "buyer"), (w["vendor"], po.vendor, "vendor")]):
            y = top + 75 * k + 11
            self.t(M + 4, y, cap, 7, color=(0.3, 0.3, 0.3))
            self.t(M + 4, y + 12, p.name, 9, bold=True, ent=self.ent(f"{role}_name"))
            self.t(M + 4, y + 23, f"{p.street}, {p.city}", 7.5)
            lx = M + 4 + self.t(M + 4, y + 34, f"{p.tax_label}:", 7.5) + 4
            self.t(lx, y + 34, str(p.tax_id), 7.5, ent=self.ent(f"{role}_tax_id"))
        cells = [(w["number"], po.number, "po_number"), (w["date"], self.day(po.order_date), "order_date"),
                 (w["terms"], po.terms[0], "payment_terms"), (w["currency"], self.fam.currency, "currency"),
                 (w.get("ship", "Ref."), po.ship_to.city, "")]  # fmt: skip
        ch = 150 / len(cells)
        for k, (cap, value, name) in enumerate(cells):
            y = top + k * ch
            if k:
                self.page.line(mid, y, right, y, 0.5)
            self.t(mid + 4, y + 10, cap, 7, color=(0.3, 0.3, 0.3))
            self.t(mid + 4, y + 22, value, 8.5, bold=bool(name), ent=self.ent(name) if name else None)
        self.y = top + 162

    # ------------------------------------------------------------ the table

    def col_specs(self) -> list[tuple[str, str, float, str]]:
        """(role, caption, width share, align) per printed column."""
        w = self.words
        gross = "gross" in self.fam.extras
        caps = {"line_no": ("#", 0.05, "left"), "sku": (w["code"], 0.13, "left"),
                "ean": (w.get("ean", "EAN"), 0.17, "left"), "description": (w["desc"], 0.36, "left"),
                "quantity": (w["qty"], 0.08, "right"), "unit": (w["unit"], 0.08, "left"),
                "qtyunit": (w["qty"], 0.12, "right"),
                "unit_price": (w.get("gross_price", w["price"]) if gross else w["price"], 0.13, "right"),
                "amount": (w.get("gross_amount", w["amount"]) if gross else w["amount"], 0.14, "right"),
                "other": (w.get("other", "USD"), 0.12, "right")}  # fmt: skip
        cols = self.order.look["columns"]
        total = sum(caps[c][1] for c in cols)
        return [(c, caps[c][0], caps[c][1] / total, caps[c][2]) for c in cols]

    def header_row(self, specs: list[tuple[str, str, float, str]]) -> None:
        M, span = self.M, self.W - 2 * self.M
        self.page.rect(M, self.y, span, 16, stroke=None, fill=(0.88, 0.88, 0.88))
        x = M
        for _role, cap, share, align in specs:
            cw = share * span
            ax = x + cw - 3 if align == "right" else x + 3
            size = 7.5 if width(cap, self.fonts.bold, 7.5) < cw - 4 else 6.2
            self.t(ax, self.y + 11, cap, size, bold=True, align=align)
            x += cw
        self.y += 20

    def cell(self, role: str, i: int, ln: POLine) -> list[tuple[str, str | None]]:
        qty = format_quantity(ln.quantity, self.style)
        return {"line_no": [(str(i + 1), None)], "sku": [(ln.sku or "", "sku")],
                "ean": [(ln.sku if self.fam.table == "ean" and "ean2" not in self.fam.extras else self.order.eans[i],
                         "sku" if "ean2" not in self.fam.extras else None)],
                "description": [(ln.description, "description")], "quantity": [(qty, "quantity")],
                "unit": [(ln.unit or "", "unit")], "qtyunit": [(qty, "quantity"), (ln.unit or "", "unit")],
                "unit_price": [(self.money(ln.unit_price), "unit_price")],
                "amount": [(self.money(ln.amount), "amount")],
                "other": [(format_number(_round(ln.amount / self.order.other_rate, 2), "en", 2),
                           None)]}[role]  # fmt: skip

    def table(self) -> None:
        specs = self.col_specs()
        M, span = self.M, self.W - 2 * self.M
        header = self.fam.table != "noheader"
        if header:
            self.header_row(specs)
        size = 8.0
        for i, ln in enumerate(self.po.lines):
            desc_w = next(share for role, _c, share, _a in specs if role == "description") * span - 6
            desc_lines = wrap(ln.description, self.fonts.regular, size, desc_w)
            h = 11.5 * len(desc_lines) + 3
            if self.y + h > self.H - 60:
                self.new_page()
                self.y = 50
                if header:
                    self.header_row(specs)
            base = self.y + 8
            x = M
            for role, _cap, share, align in specs:
                cw = share * span
                if role == "description":
                    ent = self.ent("description", i)
                    for k, text in enumerate(desc_lines):
                        self.page.text(x + 3, base + 11.5 * k, text, self.fonts.regular, size, entity=ent, row=i)
                else:
                    parts = self.cell(role, i, ln)
                    ax = x + cw - 3 if align == "right" else x + 3
                    if align == "right":
                        for text, name in reversed(parts):
                            ent = self.ent(name, i) if name else None
                            drawn = self.page.text(ax, base, text, self.fonts.regular, size, entity=ent,
                                                   align="right", row=i)  # fmt: skip
                            ax -= drawn + width(" ", self.fonts.regular, size)
                    else:
                        for text, name in parts:
                            drawn = self.page.text(ax, base, text, self.fonts.regular, size,
                                                   entity=self.ent(name, i) if name else None, row=i)  # fmt: skip
                            ax += drawn + width(" ", self.fonts.regular, size)
                x += cw
            self.y += h
            if header:
                self.page.line(M, self.y - 1, M + span, self.y - 1, 0.25, (0.6, 0.6, 0.6))
        self.y += 8

    def totals(self) -> None:
        w, po = self.words, self.po
        if self.y > self.H - 130:
            self.new_page()
            self.y = 60
        xr, xl = self.W - self.M, self.W - self.M - 220
        rate = format_number(po.tax_rate or Decimal(0), self.style, 1 if (po.tax_rate or 0) % 1 else 0)
        rows = [(w["subtotal"], po.subtotal, "subtotal"), (f"{w['tax']} {rate}%", po.tax_total, "tax_total"),
                (w["total"], po.total, "total")]  # fmt: skip
        if "gross" in self.fam.extras:
            rows = [rows[2], rows[0], rows[1]]  # the gross total first, then the net and the tax in it
        for cap, value, name in rows:
            bold = name == "total"
            self.t(xl, self.y + 10, cap, 9, bold=bold)
            self.t(xr, self.y + 10, f"{self.money(value)}", 9, bold=bold, ent=self.ent(name), align="right")
            self.y += 15
        if "words" in w:
            self.y += 8
            self.t(self.M, self.y, f"{w['words']}: {self.fam.currency} {self.in_words(po.total)}", 8)
            self.y += 12
        if "sign" in w:
            self.y += 30
            self.page.line(self.W - self.M - 160, self.y, self.W - self.M, self.y, 0.4)
            self.t(self.W - self.M - 80, self.y + 10, w["sign"], 7.5, align="center")

    def in_words(self, value: Decimal) -> str:
        units = int(value)
        cents = int(_round((value - units) * 100, 0))
        return f"{english_words(units).capitalize()} and {cents:02d}/100 only"

    def write(self) -> None:
        getattr(self, f"head_{self.fam.header}")()
        self.table()
        self.totals()
        self.page_numbers(self.words["page"])


def make_blind11_po(seed: int, fam: Blind11Family, doc_id: str | None = None) -> GeneratedDoc:
    rng = random.Random(seed)
    order = sample_po11(rng, fam)
    writer = PO11Writer(rng, fam, order)
    writer.write()
    doc_id = doc_id or f"po-blind11-{seed}"
    look = order.look
    features = {"blind11": fam.name, "lang": fam.lang, "header": fam.header, "items": fam.table,
                "rules": sorted(fam.extras), **look, "price_units": [1] * len(order.po.lines),
                "n_lines": len(order.po.lines), "n_pages": len(writer.pages)}  # fmt: skip
    return blind_po_doc(doc_id, fam.family, fam.currency, order.po, writer.pages, features,
                        f"{fam.name} {order.po.number}")  # fmt: skip


# ---------------------------------------------------------------- contracts

CONTRACT11: dict[str, dict[str, Any]] = {
    "el": {"title": "ΣΥΜΒΑΣΗ ΠΑΡΟΧΗΣ ΥΠΗΡΕΣΙΩΝ", "number": "Αρ. Σύμβασης",
           "intro": "Στη Λευκωσία σήμερα, {eff}, μεταξύ της εταιρείας {buyer}, Α.Φ.Π.Α. {btax}, ως Αναθέτουσας, και "
                    "της εταιρείας {vendor}, Α.Φ.Π.Α. {vtax}, ως Παρόχου, συμφωνούνται τα ακόλουθα.",
           "until": "Η σύμβαση ισχύει έως τις {exp}.",
           "term": "Η σύμβαση ισχύει για {n} {unit} από την ημερομηνία υπογραφής.", "units": ("μήνες", "έτη"),
           "pay": "Οι αμοιβές εκφράζονται σε {cur} και καταβάλλονται {terms}.",
           "terms": [("εντός 30 ημερών από την έκδοση τιμολογίου", 30), ("εντός 15 ημερών", 15)],
           "rates": "Τιμοκατάλογος", "cols": ("Υπηρεσία", "Μονάδα", "Τιμή"),
           "services": [("Τεχνική υποστήριξη", "ώρα"), ("Συντήρηση εξοπλισμού", "μήνα"), ("Εκπαίδευση προσωπικού",
                        "ημέρα"), ("Επιτόπια επίσκεψη", "επίσκεψη")]},
    "en": {"title": "MAINTENANCE AGREEMENT", "number": "Agreement Ref.",
           "intro": "This agreement is made on {eff} between {buyer}, VAT No. {btax}, the Customer, and {vendor}, "
                    "VAT No. {vtax}, the Contractor.",
           "until": "This agreement shall remain in force until {exp}.",
           "term": "This agreement shall remain in force for {n} {unit} from the date above.",
           "units": ("months", "years"), "pay": "All charges are in {cur} and are payable {terms}.",
           "terms": [("within 30 days of the date of invoice", 30), ("within 45 days of invoice", 45)],
           "rates": "Schedule of Charges", "cols": ("Service", "Unit", "Charge"),
           "services": [("Preventive maintenance visit", "visit"), ("Emergency call-out", "call"),
                        ("Technician labour", "hour"), ("Remote monitoring", "month"), ("Spare parts handling",
                        "order")]},
    "fr": {"title": "CONTRAT DE PRESTATION DE SERVICES", "number": "Contrat n°",
           "intro": "Entre {buyer}, N° TVA {btax}, ci-après le Client, et {vendor}, N° TVA {vtax}, ci-après le "
                    "Prestataire, il a été convenu ce qui suit, à compter du {eff}.",
           "until": "Le présent contrat prend fin le {exp}.",
           "term": "Le présent contrat est conclu pour une durée de {n} {unit}.", "units": ("mois", "ans"),
           "pay": "Les prix sont exprimés en {cur} hors taxes. Les factures sont payables {terms}.",
           "terms": [("à 30 jours fin de mois", 30), ("à réception de facture", 0)],
           "rates": "Annexe 1 – Liste des prix", "cols": ("Prestation", "Unité", "Prix HT"),
           "services": [("Conseil juridique", "heure"), ("Audit de conformité", "jour"), ("Rédaction d'actes",
                        "acte"), ("Veille réglementaire", "mois")]},
    "it": {"title": "CONTRATTO DI SERVIZI", "number": "Contratto n.",
           "intro": "In data {eff} tra {buyer}, C.O.E. {btax}, di seguito il Committente, e {vendor}, C.O.E. {vtax}, "
                    "di seguito il Fornitore, si conviene quanto segue.",
           "until": "Il contratto scade il {exp}.", "term": "Il contratto ha durata di {n} {unit}.",
           "units": ("mesi", "anni"), "pay": "I corrispettivi sono in {cur} e sono pagabili {terms}.",
           "terms": [("a 60 giorni data fattura", 60), ("a 30 giorni fine mese", 30)],
           "rates": "Elenco delle tariffe:", "services": [("Pulizia uffici", "mq"), ("Sanificazione", "intervento"),
           ("Servizio di portineria", "ora"), ("Manutenzione del verde", "mese")]},
    "ca": {"title": "CONTRACTE DE SERVEIS", "number": "Núm. de contracte",
           "intro": "Andorra la Vella, {eff}. D'una part, {buyer}, NRT {btax}, en endavant el Client, i de l'altra, "
                    "{vendor}, NRT {vtax}, en endavant el Prestador, acorden el següent.",
           "until": "El contracte finalitza el {exp}.", "term": "El contracte té una durada de {n} {unit}.",
           "units": ("mesos", "anys"), "pay": "Els preus s'expressen en {cur} i es paguen {terms}.",
           "terms": [("a 30 dies des de la data de la factura", 30), ("a 60 dies", 60)],
           "rates": "Tarifes", "cols": ("Servei", "Unitat", "Preu"),
           "services": [("Manteniment de remuntadors", "hora"), ("Revisió anual", "revisió"),
                        ("Guàrdia de cap de setmana", "dia"), ("Assistència tècnica", "hora")]},
    "es": {"title": "CONTRATO DE SERVICIOS PROFESIONALES", "number": "Contrato N.º",
           "intro": "En Caracas, a {eff}, {buyer}, RIF {btax}, en lo sucesivo LA CONTRATANTE, y {vendor}, RIF {vtax}, "
                    "en lo sucesivo LA CONTRATISTA, convienen lo siguiente.",
           "until": "El presente contrato vence el {exp}.", "term": "El contrato tendrá una duración de {n} {unit}.",
           "units": ("meses", "años"), "pay": "Los honorarios se expresan en {cur} y se pagan {terms}.",
           "terms": [("dentro de los 15 días siguientes a la factura", 15), ("a 30 días de la factura", 30)],
           "prose": "LA CONTRATISTA cobrará por {service} la suma de {rate} {cur} por {unit}.",
           "services": [("consultoría tributaria", "hora"), ("auditoría de sistemas", "día"),
                        ("capacitación", "sesión"), ("soporte remoto", "mes")]},
    "sr": {"title": "UGOVOR O PRUŽANJU USLUGA", "number": "Broj ugovora",
           "intro": "Zaključen dana {eff} između: {buyer}, PIB {btax}, u daljem tekstu Naručilac, i {vendor}, "
                    "PIB {vtax}, u daljem tekstu Izvršilac.",
           "until": "Ugovor važi do {exp}.", "term": "Ugovor se zaključuje na period od {n} {unit}.",
           "units": ("mjeseci", "godina"), "pay": "Cijene su izražene u {cur}, a plaćanje se vrši {terms}.",
           "terms": [("u roku od 15 dana od prijema fakture", 15), ("u roku od 30 dana", 30)],
           "rates": "Lista cijena:", "services": [("Održavanje softvera", "mjesec"), ("Programiranje", "sat"),
           ("Obuka korisnika", "dan"), ("Hosting servera", "mjesec")]},
    "sq": {"title": "KONTRATË SHËRBIMI", "number": "Nr. i kontratës",
           "intro": "Më {eff}, ndërmjet {buyer}, NIPT {btax}, në vijim Porositësi, dhe {vendor}, NIPT {vtax}, në "
                    "vijim Ofruesi, lidhet kjo kontratë.",
           "until": "Kontrata është e vlefshme deri më {exp}.", "term": "Kontrata lidhet për {n} {unit}.",
           "units": ("muaj", "vjet"), "pay": "Çmimet janë në {cur} dhe paguhen {terms}.",
           "terms": [("brenda 30 ditëve nga fatura", 30), ("brenda 10 ditëve", 10)],
           "rates": "Aneks 1 – Lista e çmimeve", "cols": ("Shërbimi", "Njësia", "Çmimi"),
           "services": [("Shërbim sigurie", "orë"), ("Patrullim nate", "natë"), ("Monitorim me kamera", "muaj"),
                        ("Roje në ngjarje", "ditë")]},
}  # fmt: skip
ENGLISH_CY = {"intro": "Made in Nicosia on {eff} between {buyer} and {vendor}, who agree as follows.",
              "pay": "Fees are stated in {cur} and are payable {terms}.", "title": "SERVICES AGREEMENT"}  # fmt: skip


def _contract_number11(rng: random.Random, fam: Blind11Family, year: int) -> str:
    n = rng.randrange(10, 9999)
    return {"CY": f"ΣΥΜ-{year}/{n:03d}", "MC": f"CP/{year}/{n:04d}", "SM": f"{n}/{year}", "AD": f"CS-{year}-{n:04d}",
            "VE": f"CJ-{n:04d}-{year % 100}", "MT": f"MA/{n:04d}/{year % 100}", "ME": f"{n:03d}-{year}",
            "AL": f"{n}/{year}/K"}[fam.country]  # fmt: skip


def sample_contract11(rng: random.Random, fam: Blind11Family) -> Contract2:
    text = CONTRACT11[_lang(fam)]
    buyer = make_party11(rng, fam.country)
    vendor = make_party11(rng, fam.country, avoid=buyer.name)
    effective = date(rng.randrange(2024, 2028), 1, 1) + timedelta(days=rng.randrange(365))
    term: tuple[int, str] | None = None
    if "term" in fam.extras:
        term = rng.choice([(12, "months"), (18, "months"), (24, "months"), (2, "years"), (3, "years")])
        expiry = effective + relativedelta(months=term[0] * (12 if term[1] == "years" else 1)) - timedelta(days=1)
    else:
        expiry = effective + relativedelta(months=rng.choice([6, 12, 24])) - timedelta(days=1)
    services = rng.sample(text["services"], rng.randrange(2, len(text["services"]) + 1))
    mult = _PRICE_SCALE11.get(fam.currency, 1)
    rates = [(s, u, _round(Decimal(rng.randrange(1500, 90000)) / 100 * mult, fam.places)) for s, u in services]
    number = _contract_number11(rng, fam, effective.year)
    return Contract2(number, effective, expiry, term, buyer, vendor, rng.choice(text["terms"]), rates)


class Contract11Writer(Sheet11):
    def __init__(self, rng: random.Random, fam: Blind11Family, model: Contract2) -> None:
        super().__init__(rng, fam)
        self.model = model
        self.text = CONTRACT11[_lang(fam)]
        self.date_style = "long"

    def day(self, value: date) -> str:
        return format_day11(value, self.date_style, self.fam.lang)

    def money(self, value: Decimal) -> str:
        return format_number(value, self.fam.numbers, self.fam.places)

    def values(self, tagged: bool = True) -> dict[str, tuple[str, str | None]]:
        m = self.model

        def tag(name: str) -> str | None:
            return name if tagged else None

        return {"eff": (self.day(m.effective), tag("effective_date")),
                "exp": (self.day(m.expiry), tag("expiry_date")),
                "buyer": (m.buyer.name, tag("buyer_name")), "vendor": (m.vendor.name, tag("vendor_name")),
                "btax": (str(m.buyer.tax_id), tag("buyer_tax_id")),
                "vtax": (str(m.vendor.tax_id), tag("vendor_tax_id")),
                "cur": (self.fam.currency, tag("currency")), "terms": (m.terms[0], tag("payment_terms"))}  # fmt: skip

    def term_sentence(self, text: dict[str, Any]) -> tuple[str, dict[str, tuple[str, str | None]]]:
        m = self.model
        if m.term:
            n, unit = m.term
            words = text["units"][0 if unit == "months" else 1]
            return text["term"].replace("{n}", str(n)).replace("{unit}", words), {}
        return text["until"], {"exp": self.values()["exp"]}

    def heading(self, title: str, number_caption: str) -> None:
        M = self.M
        self.t(self.W / 2, 60, title, 13, bold=True, align="center")
        x = self.W / 2 - 60
        x += self.t(x, 78, f"{number_caption}:", 9) + 4
        self.t(x, 78, self.model.number, 9, ent=self.ent("contract_number"))
        self.page.line(M, 86, self.W - M, 86, 0.6)
        self.y = 96

    def clause(self, k: int, template: str, values: dict[str, tuple[str, str | None]]) -> None:
        self.t(self.M, self.y + 9, f"{k}.", 9, bold=True)
        self.flow(template, values, self.M + 18, self.W - 2 * self.M - 18)

    def rate_table(self, cols: tuple[str, str, str]) -> None:
        M, span = self.M, self.W - 2 * self.M
        xs = [M, M + span * 0.55, M + span * 0.75]
        self.page.rect(M, self.y, span, 16, fill=(0.9, 0.9, 0.9), line_width=0.5)
        for x, cap, al in zip(xs, cols, ("left", "left", "right"), strict=True):
            self.t(M + span - 4 if al == "right" else x + 4, self.y + 11, cap, 8.5, bold=True, align=al)
        self.y += 16
        for i, (service, unit, rate) in enumerate(self.model.rates):
            self.page.rect(M, self.y, span, 16, line_width=0.4)
            desc = self.ent("description", i)
            self.page.text(xs[0] + 4, self.y + 11, service, self.fonts.regular, 8.5, entity=desc, row=i)
            self.page.text(xs[1] + 4, self.y + 11, unit, self.fonts.regular, 8.5, entity=self.ent("unit", i), row=i)
            self.page.text(M + span - 4, self.y + 11, self.money(rate), self.fonts.regular, 8.5,
                           entity=self.ent("unit_price", i), align="right", row=i)  # fmt: skip
            self.y += 16
        self.y += 10

    def rate_bullets(self) -> None:
        for i, (service, unit, rate) in enumerate(self.model.rates):
            x = self.M + 14
            self.t(x, self.y + 10, "•", 9)
            x += 10
            x += self.page.text(x, self.y + 10, service, self.fonts.regular, 9, entity=self.ent("description", i),
                                row=i) + 3  # fmt: skip
            x += self.t(x, self.y + 10, "–", 9) + 3
            x += self.page.text(x, self.y + 10, self.money(rate), self.fonts.regular, 9,
                                entity=self.ent("unit_price", i), row=i) + 3  # fmt: skip
            x += self.t(x, self.y + 10, f"{self.fam.currency} /", 9) + 3
            self.page.text(x, self.y + 10, unit, self.fonts.regular, 9, entity=self.ent("unit", i), row=i)
            self.y += 14
        self.y += 6

    def signatures(self) -> None:
        if self.y > self.H - 110:
            self.new_page()
        self.y += 40
        for x in (self.M, self.W / 2 + 20):
            self.page.line(x, self.y, x + 180, self.y, 0.4)
        self.y += 12
        self.t(self.M, self.y, self.model.buyer.name, 8)
        self.t(self.W / 2 + 20, self.y, self.model.vendor.name, 8)

    def write(self) -> None:
        fam, text = self.fam, self.text
        if fam.header == "bilingual":
            self.write_bilingual()
            return
        self.heading(text["title"], text["number"])
        v = self.values()
        self.clause(1, text["intro"], {k: v[k] for k in ("eff", "buyer", "btax", "vendor", "vtax")})
        term, tv = self.term_sentence(text)
        self.clause(2, term, tv)
        self.clause(3, text["pay"], {k: v[k] for k in ("cur", "terms")})
        if fam.header == "table":
            self.t(self.M, self.y + 12, text["rates"], 10, bold=True)
            self.y += 20
            self.rate_table(text["cols"])
        elif fam.header == "bullets":
            self.t(self.M, self.y + 12, f"4. {text['rates']}", 9, bold=True)
            self.y += 16
            self.rate_bullets()
        elif fam.header == "prose":
            for i, (service, unit, rate) in enumerate(self.model.rates):
                vals: dict[str, Any] = {"service": (service, "description", i), "rate": (self.money(rate), "unit_price",
                                        i), "cur": (fam.currency, None), "unit": (unit, "unit", i)}  # fmt: skip
                self.clause(4 + i, text["prose"], vals)
        self.signatures()
        if fam.header == "annex":
            self.new_page()
            self.t(self.M, 70, text["rates"], 12, bold=True)
            self.y = 80
            x = self.M + self.t(self.M, self.y + 10, f"{text['number']}", 8.5) + 4
            self.t(x, self.y + 10, self.model.number, 8.5)
            self.y += 24
            self.rate_table(text["cols"])
        self.page_numbers("")

    def write_bilingual(self) -> None:
        """Two columns: the Greek text (labelled) on the left, the English (printed, not labelled) on the right."""
        el, M = self.text, self.M
        self.t(self.W / 2, 50, el["title"], 12, bold=True, align="center")
        self.t(self.W / 2, 64, ENGLISH_CY["title"], 10, bold=True, align="center")
        x = self.W / 2 - 70
        x += self.t(x, 82, f"{el['number']} / No.:", 9) + 4
        self.t(x, 82, self.model.number, 9, ent=self.ent("contract_number"))
        colw = self.W / 2 - M - 12
        v, plain = self.values(), self.values(tagged=False)
        term, tv = self.term_sentence(el)
        m = self.model
        english_term = (f"This agreement runs for {m.term[0]} {m.term[1]}." if m.term else
                        "This agreement runs until {exp}.")  # fmt: skip
        english = {"eff": (format_day11(m.effective, "long", "en_CY"), None), "buyer": plain["buyer"],
                   "vendor": plain["vendor"], "exp": (format_day11(m.expiry, "long", "en_CY"), None),
                   "cur": plain["cur"], "terms": (f"within {m.terms[1]} days of the invoice", None)}  # fmt: skip
        paragraphs = [(el["intro"], {k: v[k] for k in ("eff", "buyer", "btax", "vendor", "vtax")},
                       ENGLISH_CY["intro"], english), (term, tv, english_term, english),
                      (el["pay"], {k: v[k] for k in ("cur", "terms")}, ENGLISH_CY["pay"], english)]  # fmt: skip
        self.y = 96
        for left, lv, right, rv in paragraphs:
            top = self.y
            self.flow(left, lv, M, colw, size=8.5)
            bottom = self.y
            self.y = top
            self.flow(right, rv, self.W / 2 + 12, colw, size=8.5)
            self.y = max(bottom, self.y) + 4
        self.page.line(self.W / 2, 92, self.W / 2, self.y, 0.4, (0.5, 0.5, 0.5))
        self.y += 6
        self.t(M, self.y + 10, f"{el['rates']} / Price list", 10, bold=True)
        self.y += 18
        self.rate_table(el["cols"])
        self.signatures()
        self.page_numbers("Σελ. / Page")


def make_blind11_contract(seed: int, fam: Blind11Family, doc_id: str | None = None) -> GeneratedDoc:
    rng = random.Random(seed)
    model = sample_contract11(rng, fam)
    writer = Contract11Writer(rng, fam, model)
    writer.write()
    items = [{"sku": None, "description": s, "quantity": None, "unit": u, "unit_price": dec_str(r), "amount": None,
              "tax_rate": None} for s, u, r in model.rates]  # fmt: skip
    doc = blind_contract_doc(doc_id or f"contract-blind11-{seed}", fam, model, writer.pages, items, 11)  # type: ignore[arg-type]
    doc.label["features"]["numbers"] = fam.numbers
    return doc


# ---------------------------------------------------------------- scans

SCAN_CONDITIONS = ("highlight", "trifold", "chroma", "dust", "spine", "washout")


def _highlight(img: Image.Image, rng: random.Random) -> Image.Image:
    """Two or three strokes of a yellow or green highlighter across rows of text (multiplied over the ink)."""
    rgb = np.asarray(img.convert("RGB"), dtype=np.float32)
    h, w = rgb.shape[:2]
    ink = np.array(rng.choice([(255, 240, 90), (170, 250, 140), (255, 190, 220)]), dtype=np.float32) / 255
    mask = Image.new("L", (w, h), 0)
    d = ImageDraw.Draw(mask)
    for _ in range(rng.randrange(2, 4)):
        y = rng.uniform(0.3, 0.85) * h
        x0, x1 = rng.uniform(0.05, 0.3) * w, rng.uniform(0.6, 0.95) * w
        d.line((x0, y, x1, y + rng.uniform(-6, 6)), fill=255, width=max(8, h // 75))
    m = np.asarray(mask.filter(ImageFilter.GaussianBlur(2)), dtype=np.float32)[..., None] / 255
    out = rgb * (1 - m + m * ink)
    return Image.fromarray(np.clip(out, 0, 255).astype(np.uint8))


def _trifold(img: Image.Image, rng: random.Random) -> Image.Image:
    """A letter folded in three: two creases across the page, the three panels lit a little differently."""
    arr = np.asarray(img.convert("L"), dtype=np.float32)
    h = arr.shape[0]
    ys = np.arange(h, dtype=np.float32)[:, None]
    light = np.ones((h, 1), dtype=np.float32)
    cuts = [h / 3 + rng.uniform(-8, 8), 2 * h / 3 + rng.uniform(-8, 8)]
    gains = [rng.uniform(0.9, 1.0), rng.uniform(0.82, 0.95), rng.uniform(0.88, 1.0)]
    light[ys < cuts[0]] = gains[0]
    light[(ys >= cuts[0]) & (ys < cuts[1])] = gains[1]
    light[ys >= cuts[1]] = gains[2]
    for c in cuts:
        light *= 1 - 0.35 * np.exp(-((ys - c) ** 2) / (2 * 2.5**2))
    out = 255 - (255 - arr) * 1.0
    out = out * light + (1 - light) * 30
    return Image.fromarray(np.clip(out, 0, 255).astype(np.uint8))


def _chroma(img: Image.Image, rng: random.Random) -> Image.Image:
    """A sheet-fed scanner's colour channels out of register: red and blue shifted a pixel or two apart."""
    rgb = img.convert("RGB")
    r, g, b = rgb.split()
    dx, dy = rng.choice([1, 2, -2]), rng.choice([1, 2, -1])
    r = r.transform(r.size, Image.Transform.AFFINE, (1, 0, dx, 0, 1, dy), fillcolor=255)
    b = b.transform(b.size, Image.Transform.AFFINE, (1, 0, -dx, 0, 1, -dy), fillcolor=255)
    return Image.merge("RGB", (r, g, b))


def _dust(img: Image.Image, rng: random.Random) -> Image.Image:
    """Dust and hairs on the scanner glass: dark specks and a few thin curved strands."""
    g = img.convert("L")
    d = ImageDraw.Draw(g)
    w, h = g.size
    for _ in range(rng.randrange(60, 140)):
        x, y, r = rng.uniform(0, w), rng.uniform(0, h), rng.uniform(0.5, 2.2)
        d.ellipse((x - r, y - r, x + r, y + r), fill=rng.randrange(20, 120))
    for _ in range(rng.randrange(2, 5)):
        x, y = rng.uniform(0, w), rng.uniform(0, h)
        pts = [(x, y)]
        for _k in range(12):
            x += rng.uniform(-6, 6)
            y += rng.uniform(2, 9)
            pts.append((x, y))
        d.line(pts, fill=rng.randrange(40, 110), width=1)
    return g


def _spine(img: Image.Image, rng: random.Random) -> Image.Image:
    """A page scanned from a bound book: the spine's shadow darkening one edge, fading into the page."""
    arr = np.asarray(img.convert("L"), dtype=np.float32)
    w = arr.shape[1]
    xs = np.arange(w, dtype=np.float32)
    span = w * rng.uniform(0.06, 0.12)
    shade = np.exp(-xs / span) * rng.uniform(0.5, 0.75)
    if rng.random() < 0.5:
        shade = shade[::-1]
    out = arr * (1 - shade[None, :])
    return Image.fromarray(np.clip(out, 0, 255).astype(np.uint8))


def _washout(img: Image.Image, rng: random.Random) -> Image.Image:
    """An overexposed scan: the ink lifted towards grey, the paper burnt to white, a soft blur."""
    arr = np.asarray(img.convert("L").filter(ImageFilter.GaussianBlur(rng.uniform(0.3, 0.6))), dtype=np.float32)
    lift = rng.uniform(70, 110)
    out = lift + arr * (255 - lift) / 255
    out = np.where(out > 235, 255, out)
    return Image.fromarray(np.clip(out, 0, 255).astype(np.uint8))


_OWN11 = {"highlight": _highlight, "trifold": _trifold, "chroma": _chroma, "dust": _dust, "spine": _spine,
          "washout": _washout}  # fmt: skip
_SET2 = {"fax", "photo", "jpeg150", "coffee"}


def condition11(img: Image.Image, kind: str, rng: random.Random, page_w_pt: float) -> tuple[Any, ...]:
    """This set's own conditions; set 2's (fax, photo, jpeg150, coffee) through ``blind2.condition``; set 8's
    (and through it the earlier sets') through ``blind8.condition8``."""
    if kind in _OWN11:
        return _OWN11[kind](img, rng), None
    if kind in _SET2:
        return condition2(img, kind, rng, page_w_pt)
    return condition8(img, kind, rng, page_w_pt)


# ---------------------------------------------------------------- data sets


def make_blind11(seed: int, fam: Blind11Family, doc_id: str | None = None) -> GeneratedDoc:
    """One document of ``fam``; the same seed gives the same bytes."""
    return (make_blind11_po if fam.kind == "po" else make_blind11_contract)(seed, fam, doc_id)


def generate_blind11(n: int, out: Path, seed: int, scanned_share: float = 0.0, split: str = "all") -> list[Path]:
    """Write ``n`` documents of the eleventh blind set's ``split`` (dev, test or all) with their labels to ``out``.
    A scanned document gets its family's own scan condition or, one time in three, the factory's plain scan."""
    return write_blind_set(n, out, seed, scanned_share, split, blind11_families(split), make_blind11, set_no=11,
                           salt=0xB111, conditioner=condition11)  # fmt: skip


__all__ = ["BLIND11_SPLITS", "BY_NAME", "FAMILIES", "SPLIT_SEED", "blind11_families", "condition11", "ean13",
           "format_day11", "generate_blind11", "make_blind11", "tax_id11", "tax_module11"]  # fmt: skip
