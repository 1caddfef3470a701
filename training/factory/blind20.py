"""The twentieth blind set: purchase orders and contracts written without looking at the extractor, for measuring it.

Every country code had been printed by sets 1-19, so this set REUSES countries, as set 19 did: it goes to 24 desks
no set printed, each a country with a language actually written there that no set used for it, with caption words
of its own. Orders: Narva's Russians (euros, the Estonian KMKR, 24 % НДС), Riga's Russians (the Latvian PVN), the
Poles of the Vilnius region (the Lithuanian PVM), the Italians of Koper/Capodistria (the Slovene DDV), the Hungarians
of Komárno (the Slovak IČ DPH, 23 %), the Ukrainians of Przemyśl (złoty, the NIP), the Greeks of Gjirokastër (lek, no
decimals, the NIPT), the Transylvanian Saxons of Sibiu (lei, the CUI), the French of the Aosta Valley (the partita
IVA), the Carinthian Slovenes (the ATU), the Italians of Istria (the OIB, 25 %), the Catalans of Roussillon (the
French TVA), the Hungarians of Subotica (dinars, the PIB), the Germans of Opole (złoty, the NIP), the Albanians of
Ulcinj (the Montenegrin PIB) and the Turks of Kardzhali (the Bulgarian ДДС number). Contracts: the Burgenland
Croats (the ATU), the French Basques (the TVA), Vilnius's Russians (the PVM), the Germans of Pécs (forints, the
Hungarian tax number, 27 %), the Poles of Český Těšín (koruny, the DIČ), Czech in Slovakia (the IČ DPH), the
Romanians of Vršac (dinars, the PIB) and Spanish in Andorra (the NRT, 4.5 % IGI). Amounts print as each desk
writes them (a space between thousands in the Baltic, Slovak, Polish and French desks; points elsewhere; whole
lek); date styles no set typed: the Russian desks' '05.03.2026 г.' and the Greek desk's unpadded '5/3/2026'.

Structures no set printed (each named by its family field; both halves print every one of them, each half in other
combinations). The ideas the set was first drawn up with and found printed already (a fax transmission strip,
set 14; a tear-off slip, set 15; a per-line barcode, set 11; rate footnotes, set 16; a letter of award, set 14; a
seal, set 9; a revision block, set 6; blanket/released/balance quantities, set 16; two copies side by side,
set 13; a title page, set 18) were dropped for these:
 1. ``telex`` (orders): the order as a teleprinter's copy: all capitals in a monospace face, the ZCZC / NNNN
    frame, both answerbacks at the head and the foot, the facts as 'CAPTION: VALUE' lines, the lines as plain
    columns.
 2. ``carbonset`` (orders): one sheet of a multi-part carbon set: the sheet tinted in its part's colour, a dark
    band 'COPY 2 - ACCOUNTS' across the top, the four parts' numbers with this one's filled, the pre-printed form
    number and the parts' distribution at the foot.
 3. ``squared`` (orders): the order printed on squared paper: a faint blue 5 mm grid over the whole sheet and a
    red margin rule, the form's head and table over it.
 4. ``backorder`` (tables): the ordered, delivered-so-far and outstanding quantities (the label's quantity is the
    ordered one, the amount is ordered x price).
 5. ``curcol`` (tables): the currency code in a narrow column of its own after the price and after the amount.
 6. ``warranty`` (tables): a guarantee column in months ('24 mj.').
 7. ``timeslot`` (order extras): a delivery-slot grid, weekdays x time windows, the booked window shaded.
 8. ``unitkey`` (order extras): a key to the units of measure the order uses (abbreviation = the word).
 9. ``framed`` (contract papers): a double rule round every page (a heavy outer and a fine inner line), the
    title, number and parties inside it.
10. ``marginnos`` (contract papers): every fifth line numbered in the left margin, as on pleading paper.
11. ``boq`` (contract schedules): a bill of quantities: sections of items with estimated quantities, rates and
    amounts, a subtotal under each section and the estimate's total (the quantities, amounts, subtotals and total
    printed, not labelled).
12. ``validity`` (contract schedules): the rates with valid-from and valid-to columns.
13. ``penalties`` (contract extras): a table of delay penalties (days late -> % of the month's price).
Scans: two conditions of this set's own (``curl``: the page's right edge curled up off the glass, the text
squeezed and darkening towards a shadowed edge; ``recopy``: a photocopy of a photocopy, toner dropout in pale
patches and grey speckle) and the earlier sets' through their public functions (``blind19.condition19``).

The labels are the other sets' (``blind.blind_po_doc``, ``blind2.blind_contract_doc``): a line's ``amount`` is
quantity x price rounded half up to the currency's places; the lines sum to the subtotal; the tax is subtotal x
rate rounded half up; total = subtotal + tax. Printed but not labelled: the telex's answerbacks and frame, the copy
band and the parts' distribution, the delivered and outstanding quantities, the currency columns, the
guarantees, the slot grid, the unit key, the margin numbers, a bill's quantities, amounts
and subtotals, the validity dates, the penalties. A contract's label lines are its rates (description, unit, rate).
The families are split once into a ``dev`` and a ``test`` half (``BLIND20_SPLITS``: ``split_by_kind`` with
``SPLIT_SEED``; the names begin with the country and name the desk and the paper, never a structure, so that the
split depends on the desks alone). ``ledgerlens data blind --set 20`` writes them. Written without opening the
extractor's code, its results or its benchmarks, and without running it.
"""

from __future__ import annotations

import random
from collections.abc import Callable, Mapping
from dataclasses import dataclass
from datetime import date, timedelta
from decimal import Decimal
from pathlib import Path
from typing import Any

import numpy as np
from PIL import Image, ImageFilter

from training.factory.blind import BlindParty, BlindPO
from training.factory.blind2 import Contract2, flow_tokens, write_blind_set
from training.factory.blind3 import split_by_kind
from training.factory.blind12 import Sheet12
from training.factory.blind13 import format_num13, format_qty13
from training.factory.blind19 import Blind19Family, condition19, format_day19
from training.factory.blindkit import (
    chain_conditions,
    draw_valid,
    make_set_contract,
    make_set_po,
    scheme_tax_id,
    scheme_tax_id_valid,
    split_families,
)
from training.factory.blindkit import digits as _digits
from training.factory.blindkit import half_up as _half_up
from training.factory.blindkit import stdnum_check as _stdnum
from training.factory.common import GeneratedDoc, family_id
from training.factory.layout import Entity, font, width, wrap
from training.factory.po import POLine

# ---------------------------------------------------------------- families


@dataclass(frozen=True)
class Blind20Family(Blind19Family):
    """A set-20 family: set 19's fields. ``header``: telex | carbonset | squared (orders); framed | marginnos
    (contracts). ``table`` (orders): backorder | curcol | warranty; (contracts) the schedule: boq | validity.
    ``extras``: timeslot, unitkey (orders), penalties (contracts)."""

    @property
    def family(self) -> str:
        return family_id(f"{self.kind}-blind20", {"name": self.name})


def _x(*names: str) -> frozenset[str]:
    return frozenset(names)


F = Blind20Family
FAMILIES: list[Blind20Family] = [
    # orders
    F("ee-zakaz-narva", "po", "ru_EE", "EE", "EUR", "squared", "curcol", "fr", "dejavu-sans", "recopy",
      extras=_x("unitkey"), lines=(2, 7)),
    F("lv-zakaz-riga", "po", "ru_LV", "LV", "EUR", "telex", "curcol", "fr", "dejavu-sans", "curl"),
    F("lt-zamowienie-wilno", "po", "pl_LT", "LT", "EUR", "carbonset", "warranty", "fr",
      "dejavu-sans-condensed", "curl"),
    F("si-ordine-capodistria", "po", "it_SI", "SI", "EUR", "telex", "backorder", "de", "nimbus-sans", "recopy",
      extras=_x("timeslot")),
    F("sk-megrendeles-komarom", "po", "hu_SK", "SK", "EUR", "carbonset", "backorder", "fr", "dejavu-serif",
      "recopy", extras=_x("timeslot")),
    F("pl-zamovlennia-peremyshl", "po", "uk_PL", "PL", "PLN", "squared", "backorder", "fr", "dejavu-sans", "curl",
      lines=(2, 7)),
    F("al-paraggelia-argyrokastro", "po", "el_AL", "AL", "ALL", "squared", "warranty", "de", "dejavu-serif", "curl",
      extras=_x("timeslot"), lines=(2, 7)),
    F("ro-bestellung-hermannstadt", "po", "de_RO", "RO", "RON", "squared", "curcol", "de", "dejavu-serif", "drops",
      extras=_x("timeslot"), lines=(2, 7)),
    F("it-commande-aoste", "po", "fr_IT", "IT", "EUR", "telex", "curcol", "de", "nimbus-sans", "sleeve",
      extras=_x("unitkey")),
    F("at-narocilo-celovec", "po", "sl_AT", "AT", "EUR", "carbonset", "backorder", "de", "dejavu-serif", "torn"),
    F("hr-ordine-rovigno", "po", "it_HR", "HR", "EUR", "telex", "backorder", "de", "nimbus-sans", "recopy",
      extras=_x("unitkey")),
    F("fr-comanda-perpinya", "po", "ca_FR", "FR", "EUR", "carbonset", "curcol", "fr", "urw-gothic", "curl",
      extras=_x("timeslot")),
    F("rs-megrendeles-szabadka", "po", "hu_RS", "RS", "RSD", "telex", "warranty", "de", "dejavu-sans", "curl",
      extras=_x("timeslot")),
    F("pl-bestellung-oppeln", "po", "de_PL", "PL", "PLN", "carbonset", "curcol", "fr", "dejavu-serif", "foxing",
      extras=_x("unitkey")),
    F("me-porosi-ulqin", "po", "sq_ME", "ME", "EUR", "carbonset", "warranty", "de", "dejavu-sans-condensed",
      "curl", extras=_x("unitkey")),
    F("bg-siparis-kircaali", "po", "tr_BG", "BG", "EUR", "telex", "warranty", "fr", "nimbus-sans", "shake",
      extras=_x("unitkey")),
    # contracts
    F("at-ugovor-gradiscanski", "contract", "hr_AT", "AT", "EUR", "framed", "validity", "de", "dejavu-serif",
      "recopy", cdates="dmy_dot"),
    F("fr-kontratua-baiona", "contract", "eu_FR", "FR", "EUR", "marginnos", "validity", "fr", "nimbus-roman",
      "recopy", extras=_x("penalties"), cdates="dmy_slash"),
    F("lt-dogovor-vilnius", "contract", "ru_LT", "LT", "EUR", "framed", "validity", "fr", "dejavu-serif",
      "curl", extras=_x("penalties"), cdates="g"),
    F("hu-dienstleistungsvertrag-fuenfkirchen", "contract", "de_HU", "HU", "HUF", "marginnos", "boq", "fr",
      "nimbus-sans", "curl", extras=_x("penalties"), cdates="dmy_dot"),
    F("cz-umowa-cieszyn", "contract", "pl_CZ", "CZ", "CZK", "marginnos", "boq", "fr", "dejavu-sans", "recopy",
      cdates="dmy_dot"),
    F("sk-smlouva-bratislava", "contract", "cs_SK", "SK", "EUR", "marginnos", "validity", "fr",
      "dejavu-sans-condensed", "curl", cdates="dmy_dot"),
    F("rs-contract-varset", "contract", "ro_RS", "RS", "RSD", "framed", "boq", "de", "dejavu-sans", "drops",
      cdates="dmy_dot"),
    F("ad-contrato-andorra", "contract", "es_AD", "AD", "EUR", "framed", "boq", "de", "nimbus-roman",
      "recopy", extras=_x("penalties"), cdates="dmy_slash"),
]  # fmt: skip
BY_NAME = {f.name: f for f in FAMILIES}
# The split: within each kind, the family names sorted, shuffled with random.Random(SPLIT_SEED), the first half
# (rounded up) to dev. Fixed once, on the names alone, before any structure was given to a family.
SPLIT_SEED = 20 * 101
BLIND20_SPLITS: dict[str, list[str]] = split_by_kind(FAMILIES, SPLIT_SEED)  # type: ignore[arg-type]
NEW_STRUCTURES = ("telex", "carbonset", "squared", "backorder", "curcol", "warranty", "timeslot", "unitkey",
                  "framed", "marginnos", "boq", "validity", "penalties")  # fmt: skip


def blind20_families(split: str = "all") -> list[Blind20Family]:
    return split_families(BLIND20_SPLITS, BY_NAME, split)


def format_day20(day: date, style: str, lang: str) -> str:
    """A date as the document prints it: 'g' 05.03.2026 г. (the Russian desks' year mark), 'dmy_np' 5/3/2026 (the
    Greek desk: day and month unpadded, slashes); the other styles are set 19's (``blind19.format_day19``)."""
    if style == "g":
        return f"{day:%d.%m.%Y} г."
    if style == "dmy_np":
        return f"{day.day}/{day.month}/{day.year}"
    return format_day19(day, style, lang)


# ---------------------------------------------------------------- tax ids


def _fr_tva(r: random.Random) -> str:
    """A French TVA number: a SIREN with its Luhn digit, the key (12 + 3 x SIREN mod 97) mod 97 before it."""
    siren = draw_valid(lambda: _digits(r, 9), _stdnum("fr", "siren", r"\d{9}"))
    return f"FR{(12 + 3 * (int(siren) % 97)) % 97:02d}{siren}"


def _ad_nrt(r: random.Random) -> str:
    return f"{r.choice('ALU')}-{r.choice('78')}{_digits(r, 5)}-{r.choice('ABCDEFGHJKLMNPQRSTVWXYZ')}"


# country -> (default caption, a draw of the printed id, the check of its printed shape and check digits)
TAX_SCHEMES20: dict[str, tuple[str, Callable[[random.Random], str], Callable[[str], bool]]] = {
    "EE": ("KMKR", lambda r: "EE10" + _digits(r, 7), _stdnum("ee", "kmkr", r"EE\d{9}")),
    "LV": ("PVN", lambda r: "LV4000" + _digits(r, 7), _stdnum("lv", "pvn", r"LV\d{11}")),
    "LT": ("PVM", lambda r: "LT" + _digits(r, 7) + "1" + _digits(r, 1), _stdnum("lt", "pvm", r"LT\d{9}")),
    "SI": ("DDV", lambda r: "SI" + str(r.randrange(1, 10)) + _digits(r, 7), _stdnum("si", "ddv", r"SI\d{8}")),
    "SK": ("IČ DPH", lambda r: "SK20" + _digits(r, 8), _stdnum("sk", "dph", r"SK\d{10}")),
    "PL": ("NIP", lambda r: str(r.randrange(1, 10)) + _digits(r, 9), _stdnum("pl", "nip", r"\d{10}")),
    "AL": ("NIPT", lambda r: r.choice("JKLM") + _digits(r, 8) + r.choice("ABCDEFGHIJKLMNOPQRSTUVW"),
           _stdnum("al", "nipt", r"[JKLM]\d{8}[A-Z]")),
    "RO": ("CUI", lambda r: "RO" + str(r.randrange(1, 10)) + _digits(r, 7), _stdnum("ro", "cf", r"RO\d{8}")),
    "IT": ("P.IVA", lambda r: _digits(r, 7) + r.choice(["007", "008"]) + _digits(r, 1),
           _stdnum("it", "iva", r"\d{11}")),
    "AT": ("UID", lambda r: "ATU" + _digits(r, 8), _stdnum("at", "uid", r"ATU\d{8}")),
    "HR": ("OIB", lambda r: str(r.randrange(1, 10)) + _digits(r, 10), _stdnum("hr", "oib", r"\d{11}")),
    "FR": ("TVA", _fr_tva, _stdnum("fr", "tva", r"FR\d{11}")),
    "RS": ("PIB", lambda r: "1" + _digits(r, 8), _stdnum("rs", "pib", r"1\d{8}")),
    "ME": ("PIB", lambda r: "02" + _digits(r, 6), _stdnum("me", "pib", r"0\d{7}")),
    "BG": ("ДДС", lambda r: "BG" + r.choice("12") + _digits(r, 8), _stdnum("bg", "vat", r"BG\d{9}")),
    "HU": ("USt", lambda r: "HU" + str(r.randrange(1, 10)) + _digits(r, 7), _stdnum("hu", "anum", r"HU\d{8}")),
    "CZ": ("DIČ", lambda r: "CZ" + r.choice("2467") + _digits(r, 7), _stdnum("cz", "dic", r"CZ\d{8}")),
    "AD": ("NRT", _ad_nrt, _stdnum("ad", "nrt", r"[ACDEFGLOPU]-\d{6}-[A-Z]")),
}  # fmt: skip


def tax_id_valid20(country: str, value: str) -> bool:
    """``value`` (without spaces) has its scheme's printed shape and passes python-stdnum's check."""
    return scheme_tax_id_valid(TAX_SCHEMES20, country, value)


def tax_id20(rng: random.Random, country: str) -> str:
    """A tax id of ``country``'s scheme, drawn until it passes its check."""
    return scheme_tax_id(TAX_SCHEMES20, rng, country)


# ---------------------------------------------------------------- desks

# a desk by its locale: tax rate, its order date styles, price scale (a euro's worth in its currency)
DESK20: dict[str, tuple[str, tuple[str, ...], str]] = {
    "ru_EE": ("24", ("g", "dmy_dot"), "1"), "ru_LV": ("21", ("g", "dmy_dot"), "1"),
    "pl_LT": ("21", ("dmy_dot", "roman"), "1"), "it_SI": ("22", ("dmy_dot", "dmy_slash"), "1"),
    "hu_SK": ("23", ("ymd_dot", "dmy_dot"), "1"), "uk_PL": ("23", ("dmy_dot",), "4.3"),
    "el_AL": ("20", ("dmy_np", "dmy_dot"), "100"), "de_RO": ("21", ("dmy_dot",), "5"),
    "fr_IT": ("22", ("dmy_slash",), "1"), "sl_AT": ("20", ("dmy_dot", "sl"), "1"),
    "it_HR": ("25", ("dmy_dot", "dmy_slash"), "1"), "ca_FR": ("20", ("dmy_slash",), "1"),
    "hu_RS": ("20", ("ymd_dot", "dmy_dot"), "117"), "de_PL": ("23", ("dmy_dot", "iso"), "4.3"),
    "sq_ME": ("21", ("dmy_dot",), "1"), "tr_BG": ("20", ("dmy_dot",), "1"),
    "hr_AT": ("20", (), "1"), "eu_FR": ("20", (), "1"), "ru_LT": ("21", (), "1"), "de_HU": ("27", (), "400"),
    "pl_CZ": ("21", (), "25"), "cs_SK": ("23", (), "1"), "ro_RS": ("20", (), "117"), "es_AD": ("4.5", (), "1"),
}  # fmt: skip

# locale -> (company stems, trades, legal forms, how a name is written)
PARTIES20: dict[str, tuple[list[str], list[str], list[str], str]] = {
    "ru_EE": (["Нарва", "Пейпси", "Кренгольм", "Вирумаа"], ["Снаб", "Торг", "Строй"], ["OÜ", "AS"],
              "{form} «{stem}{trade}»"),
    "ru_LV": (["Даугава", "Рижский", "Балтик", "Юрмала"], ["Снаб", "Торг", "Сервис"], ["SIA"],
              "{form} «{stem} {trade}»"),
    "pl_LT": (["Wileńska", "Solecznicka", "Niemenczyńska", "Trocka"], ["Hurtownia", "Spółka Handlowa"],
              ["UAB"], "{form} {trade} {stem}"),
    "it_SI": (["Capodistria", "Isola", "Pirano", "Risano"], ["Forniture", "Commerciale", "Tecnica"],
              ["d.o.o.", "s.r.l."], "{trade} {stem} {form}"),
    "hu_SK": (["Csallóközi", "Komáromi", "Dunamenti", "Érsekújvári"], ["Kereskedelmi", "Építő", "Ellátó"],
              ["s.r.o.", "Kft."], "{stem} {trade} {form}"),
    "uk_PL": (["Сян", "Бескид", "Надсяння", "Підкарпаття"], ["Постач", "Торг", "Буд"], ["sp. z o.o."],
              "«{stem}-{trade}» {form}"),
    "el_AL": (["Δρόπολη", "Αργυρόκαστρο", "Λιβαδειά", "Δερβιτσάνη"], ["Εμπορική", "Τεχνική"], ["SH.P.K."],
              "{trade} {stem} {form}"),
    "de_RO": (["Hermannstädter", "Kronstädter", "Mediascher", "Schäßburger"], ["Handels", "Bau", "Technik"],
              ["SRL", "SA"], "{stem} {trade} {form}"),
    "fr_IT": (["Valdôtaine", "du Mont-Blanc", "de la Doire", "du Grand-Paradis"], ["Fournitures", "Commerce"],
              ["S.r.l.", "S.p.A."], "{trade} {stem} {form}"),
    "sl_AT": (["Podjuna", "Rož", "Zila", "Celovec"], ["Trgovina", "Gradnje", "Oskrba"], ["GmbH", "KG"],
              "{trade} {stem} {form}"),
    "it_HR": (["Rovigno", "Parenzo", "Pola", "Umago"], ["Forniture", "Commerciale", "Costruzioni"], ["d.o.o."],
              "{trade} {stem} {form}"),
    "ca_FR": (["Rosselló", "Conflent", "Vallespir", "Cerdanya"], ["Subministraments", "Comerç", "Obres"],
              ["SARL", "SAS"], "{trade} del {stem} {form}"),
    "hu_RS": (["Szabadkai", "Zentai", "Topolyai", "Bácskai"], ["Kereskedelmi", "Építő", "Agro"], ["d.o.o."],
              "{stem} {trade} {form}"),
    "de_PL": (["Oppelner", "Schlesische", "Ratiborer", "Neisser"], ["Handels", "Bau", "Technik"],
              ["sp. z o.o."], "{stem} {trade} {form}"),
    "sq_ME": (["Ulqini", "Bojana", "Shasi", "Ana e Malit"], ["Tregti", "Ndërtim", "Furnizime"], ["d.o.o."],
              "{trade} {stem} {form}"),
    "tr_BG": (["Kırcaali", "Arda", "Mestanlı", "Koşukavak"], ["Ticaret", "İnşaat", "Tedarik"], ["EOOD", "OOD"],
              "{stem} {trade} {form}"),
    "hr_AT": (["Gradišće", "Pinkovac", "Celindof", "Vulkaprodrštof"], ["Služba", "Održavanje", "Tehnika"],
              ["GmbH"], "{trade} {stem} {form}"),
    "eu_FR": (["Aturri", "Lapurdi", "Errobi", "Baiona"], ["Zerbitzuak", "Garbiketa", "Mantentze"],
              ["SARL", "SAS"], "{stem} {trade} {form}"),
    "ru_LT": (["Нерис", "Вильнюс", "Жверинас", "Антакальнис"], ["Сервис", "Техно", "Клининг"], ["UAB"],
              "{form} «{stem} {trade}»"),
    "de_HU": (["Fünfkirchner", "Mecseker", "Baranyaer", "Schomberger"], ["Service", "Gebäudetechnik"],
              ["Kft.", "Zrt."], "{stem} {trade} {form}"),
    "pl_CZ": (["Cieszyńska", "Olzańska", "Trzyniecka", "Karwińska"], ["Firma Usługowa", "Spółka Serwisowa"],
              ["s.r.o.", "a.s."], "{trade} {stem} {form}"),
    "cs_SK": (["Dunajská", "Petržalská", "Západní", "Záhorská"], ["Servisní", "Úklidová", "Technická"],
              ["s.r.o.", "a.s."], "{stem} {trade} {form}"),
    "ro_RS": (["Vârșețeană", "Bănățeană", "Alibunar", "Uzdin"], ["Servicii", "Întreținere", "Construcții"],
              ["d.o.o."], "{trade} {stem} {form}"),
    "es_AD": (["Valira", "Pirineus", "Encamp", "La Massana"], ["Servicios", "Mantenimiento", "Obras"],
              ["SL", "SA"], "{trade} {stem} {form}"),
}  # fmt: skip

# locale -> (town, post code, streets)
PLACES20: dict[str, list[tuple[str, str, str]]] = {
    "ru_EE": [("Narva", "20307", "Tallinna mnt"), ("Narva", "21004", "Kreenholmi"), ("Sillamäe", "40231",
              "Kesk")],
    "ru_LV": [("Rīga", "LV-1050", "Brīvības iela"), ("Rīga", "LV-1011", "Dzirnavu iela"), ("Daugavpils",
              "LV-5401", "Rīgas iela")],
    "pl_LT": [("Vilnius", "LT-01108", "Gedimino pr."), ("Šalčininkai", "LT-17117", "Vilniaus g."),
              ("Nemenčinė", "LT-15163", "Švenčionių g.")],
    "it_SI": [("Koper/Capodistria", "6000", "Via Pristaniška"), ("Izola/Isola", "6310", "Via Cankar"),
              ("Piran/Pirano", "6330", "Via Tartini")],
    "hu_SK": [("Komárno", "945 01", "Hradná"), ("Dunajská Streda", "929 01", "Hlavná"), ("Nové Zámky",
              "940 01", "Svätoplukova")],
    "uk_PL": [("Przemyśl", "37-700", "ul. Mickiewicza"), ("Przemyśl", "37-700", "ul. Słowackiego"),
              ("Krosno", "38-400", "ul. Podkarpacka")],
    "el_AL": [("Gjirokastër", "6001", "Rruga Gjin Bue Shpata"), ("Sarandë", "9701", "Rruga Skënderbeu"),
              ("Delvinë", "9704", "Rruga e Dëshmorëve")],
    "de_RO": [("Sibiu", "550163", "Strada Bălcescu"), ("Brașov", "500025", "Strada Republicii"),
              ("Mediaș", "551002", "Strada Avram Iancu")],
    "fr_IT": [("Aoste", "11100", "Rue de Tillier"), ("Châtillon", "11024", "Rue de la Gare"), ("Courmayeur",
              "11013", "Rue Roma")],
    "sl_AT": [("Klagenfurt", "9020", "Viktringer Ring"), ("Bleiburg", "9150", "Hauptplatz"), ("Ferlach",
              "9170", "Hauptstraße")],
    "it_HR": [("Rovinj", "52210", "Via Carera"), ("Poreč", "52440", "Via Decumana"), ("Pula", "52100",
              "Via Sergia")],
    "ca_FR": [("Perpinyà", "66000", "Carrer de la Llotja"), ("Prada", "66500", "Carrer de la República"),
              ("Ceret", "66400", "Carrer Sant Ferriol")],
    "hu_RS": [("Subotica", "24000", "Korzó utca"), ("Senta", "24400", "Fő tér"), ("Bačka Topola", "24300",
              "Tito marsall utca")],
    "de_PL": [("Opole", "45-015", "ul. Krakowska"), ("Racibórz", "47-400", "ul. Długa"), ("Nysa", "48-300",
              "ul. Celna")],
    "sq_ME": [("Ulqin", "85360", "Rruga Gjergj Kastrioti"), ("Tivar", "85000", "Rruga Maršala Tita"),
              ("Tuz", "81206", "Rruga Skënderbeu")],
    "tr_BG": [("Kırcaali", "6600", "Bulgaristan Cd."), ("Mestanlı", "6800", "Vasil Levski Sk."), ("Koşukavak",
              "6880", "Arda Sk.")],
    "hr_AT": [("Željezno", "7000", "Glavna ulica"), ("Pinkovac", "7551", "Kolodvorska"), ("Celindof", "7011",
              "Školska")],
    "eu_FR": [("Baiona", "64100", "Pannecau karrika"), ("Hazparne", "64240", "Herriko plaza"), ("Donibane "
              "Lohizune", "64500", "Gambetta karrika")],
    "ru_LT": [("Vilnius", "LT-03110", "Naugarduko g."), ("Vilnius", "LT-10306", "Antakalnio g."), ("Visaginas",
              "LT-31139", "Taikos pr.")],
    "de_HU": [("Pécs", "7621", "Király utca"), ("Mohács", "7700", "Széchenyi tér"), ("Bóly", "7754",
              "Rákóczi utca")],
    "pl_CZ": [("Český Těšín", "737 01", "Hlavní třída"), ("Třinec", "739 61", "Lidická"), ("Karviná", "733 01",
              "Masarykovo náměstí")],
    "cs_SK": [("Bratislava", "811 01", "Obchodná"), ("Bratislava", "851 01", "Panónska cesta"), ("Malacky",
              "901 01", "Záhorácka")],
    "ro_RS": [("Vršac", "26300", "Strada Sterijina"), ("Alibunar", "26310", "Strada Principală"), ("Uzdin",
              "26216", "Strada Tudor Vladimirescu")],
    "es_AD": [("Andorra la Vella", "AD500", "Avinguda Meritxell"), ("Escaldes-Engordany", "AD700",
              "Avinguda Carlemany"), ("Encamp", "AD200", "Carrer Major")],
}  # fmt: skip


def make_party20(rng: random.Random, fam: Blind20Family, avoid: str = "") -> BlindParty:
    """A company of ``fam``'s desk: a name from its stems, trades and legal forms, an address, a tax id."""
    stems, trades, forms, pattern = PARTIES20[fam.lang]
    parts = {"stem": rng.choice([s for s in stems if s not in avoid]), "trade": rng.choice(trades),
             "form": rng.choice(forms)}  # fmt: skip
    town, post, street = rng.choice(PLACES20[fam.lang])
    caption = (WORDS20.get(fam.lang) or CONTRACT20[fam.lang])["taxcap"]
    return BlindParty(pattern.format(**parts), f"{street} {rng.randrange(1, 120)}", f"{post} {town}", fam.country,
                      caption, tax_id20(rng, fam.country))  # fmt: skip


# ---------------------------------------------------------------- order words

# locale -> the order's words; each desk has its own structures' words only
WORDS20: dict[str, dict[str, Any]] = {
    "ru_EE": {
        "title": "ЗАКАЗ НА ПОСТАВКУ", "number": "Заказ №", "date": "Дата заказа", "buyer": "Заказчик",
        "vendor": "Поставщик", "ship": "Адрес доставки", "terms": "Условия оплаты", "currency": "Валюта",
        "desc": "Наименование", "qty": "Кол-во", "unit": "Ед.", "price": "Цена", "amount": "Сумма",
        "subtotal": "Итого без НДС", "tax": "НДС", "total": "Всего к оплате", "page": "Стр.", "taxcap": "Номер KMKR",
        "cur": "Вал.",
        "units_cap": "Единицы измерения", "units": {"шт.": "штука", "уп.": "упаковка", "кг": "килограмм",
                                                   "м": "метр", "л": "литр"},
        "terms_list": [("14 дней с даты счёта", 14), ("30 дней нетто", 30)],
        "goods": [("Бумага офисная A4", "уп.", "4.5"), ("Перчатки рабочие", "уп.", "6"), ("Кабель ВВГ 3x2,5",
                  "м", "1.4"), ("Краска фасадная", "л", "5.8"), ("Цемент М500", "кг", "0.2"),
                  ("Светильник светодиодный", "шт.", "24")],
    },
    "ru_LV": {
        "title": "ЗАКАЗ ПОСТАВЩИКУ", "number": "Номер заказа", "date": "Дата", "buyer": "Покупатель",
        "vendor": "Поставщик", "ship": "Место поставки", "terms": "Оплата", "currency": "Валюта",
        "desc": "Товар", "qty": "Количество", "unit": "Ед. изм.", "price": "Цена за ед.", "amount": "Сумма",
        "subtotal": "Сумма без НДС", "tax": "НДС", "total": "Итого", "page": "Лист", "taxcap": "Рег. № НДС",
        "cur": "Вал.",
        "terms_list": [("в течение 30 дней", 30), ("предоплата 100 %", 0)],
        "goods": [("Доска обрезная 50x150", "м3", "210"), ("Саморезы по дереву", "кор.", "9"),
                  ("Утеплитель минвата", "уп.", "28"), ("Плёнка пароизоляционная", "рул.", "35"),
                  ("Клей для плитки", "меш.", "7.5"), ("Герметик силиконовый", "шт.", "4.2")],
    },
    "pl_LT": {
        "title": "ZAMÓWIENIE", "number": "Nr zamówienia", "date": "Data", "buyer": "Zamawiający",
        "vendor": "Dostawca", "ship": "Miejsce dostawy", "terms": "Warunki płatności", "currency": "Waluta",
        "desc": "Nazwa towaru", "qty": "Ilość", "unit": "J.m.", "price": "Cena jedn.", "amount": "Wartość",
        "subtotal": "Wartość netto", "tax": "PVM", "total": "Do zapłaty", "page": "Strona", "taxcap": "Kod PVM",
        "copy": "KOPIA", "parts": ["DOSTAWCA", "KSIĘGOWOŚĆ", "MAGAZYN", "ARCHIWUM"], "form": "Druk",
        "warr": "Gwarancja", "months": "{n} mies.",
        "terms_list": [("30 dni od daty faktury", 30), ("przelew 14 dni", 14)],
        "goods": [("Kosiarka spalinowa", "szt.", "260"), ("Podkaszarka elektryczna", "szt.", "85"),
                  ("Piła łańcuchowa", "szt.", "310"), ("Wiertarka udarowa", "szt.", "95"),
                  ("Szlifierka kątowa", "szt.", "58"), ("Agregat prądotwórczy", "szt.", "540")],
    },
    "it_SI": {
        "title": "ORDINE DI ACQUISTO", "number": "Numero ordine", "date": "Data", "buyer": "Committente",
        "vendor": "Fornitore", "ship": "Luogo di consegna", "terms": "Pagamento", "currency": "Valuta",
        "desc": "Descrizione", "qty": "Quantità", "unit": "UM", "price": "Prezzo", "amount": "Importo",
        "subtotal": "Imponibile", "tax": "DDV", "total": "Totale", "page": "Pag.", "taxcap": "ID per DDV",
        "ordered": "Ordinato", "delivered": "Consegnato", "outstanding": "Da consegnare",
        "slot": "Finestra di consegna", "days": ["Lun", "Mar", "Mer", "Gio", "Ven"],
        "terms_list": [("30 giorni data fattura", 30), ("60 giorni fine mese", 60)],
        "goods": [("Olio extravergine 5 l", "latta", "38"), ("Sale marino grosso", "sacco", "6"),
                  ("Vaschette in alluminio", "conf", "12"), ("Tovaglioli di carta", "conf", "3.5"),
                  ("Detergente per stoviglie", "tanica", "14"), ("Pellicola trasparente", "rotolo", "7")],
    },
    "hu_SK": {
        "title": "MEGRENDELŐ", "number": "Megrendelés száma", "date": "Kelt", "buyer": "Megrendelő",
        "vendor": "Szállító", "ship": "Szállítási cím", "terms": "Fizetési feltételek", "currency": "Pénznem",
        "desc": "Megnevezés", "qty": "Mennyiség", "unit": "Me.", "price": "Egységár", "amount": "Érték",
        "subtotal": "Nettó összesen", "tax": "DPH", "total": "Fizetendő", "page": "Oldal", "taxcap": "IČ DPH",
        "copy": "PÉLDÁNY", "parts": ["SZÁLLÍTÓ", "KÖNYVELÉS", "RAKTÁR", "IRATTÁR"], "form": "Nyomtatvány",
        "ordered": "Rendelt", "delivered": "Leszállítva", "outstanding": "Hátralék",
        "slot": "Szállítási időablak", "days": ["H", "K", "Sze", "Cs", "P"],
        "terms_list": [("30 nap a számla keltétől", 30), ("átutalás 15 nap", 15)],
        "goods": [("Vetőmag kukorica", "zsák", "95"), ("Műtrágya NPK 15-15-15", "zsák", "24"),
                  ("Permetezőszer 1 l", "db", "18"), ("Öntözőcső 25 m", "db", "32"),
                  ("Raklap fa", "db", "9"), ("Kerti kesztyű", "pár", "2.5")],
    },
    "uk_PL": {
        "title": "ЗАМОВЛЕННЯ", "number": "Номер замовлення", "date": "Дата", "buyer": "Замовник",
        "vendor": "Постачальник", "ship": "Адреса доставки", "terms": "Умови оплати", "currency": "Валюта",
        "desc": "Найменування", "qty": "Кількість", "unit": "Од.", "price": "Ціна", "amount": "Вартість",
        "subtotal": "Разом нетто", "tax": "ПДВ", "total": "До сплати", "page": "Сторінка", "taxcap": "NIP",
        "ordered": "Замовлено", "delivered": "Поставлено", "outstanding": "Залишок",
        "terms_list": [("14 днів з дати рахунку", 14), ("30 днів", 30)],
        "goods": [("Борошно пшеничне 25 кг", "міш.", "14"), ("Цукор 50 кг", "міш.", "38"),
                  ("Олія соняшникова 5 л", "шт.", "9"), ("Гречка 1 кг", "уп.", "1.8"),
                  ("Консерви рибні", "ящ.", "26"), ("Чай чорний 100 пак.", "уп.", "4.5")],
    },
    "el_AL": {
        "title": "ΠΑΡΑΓΓΕΛΙΑ", "number": "Αρ. παραγγελίας", "date": "Ημερομηνία", "buyer": "Αγοραστής",
        "vendor": "Προμηθευτής", "ship": "Τόπος παράδοσης", "terms": "Τρόπος πληρωμής", "currency": "Νόμισμα",
        "desc": "Περιγραφή", "qty": "Ποσότητα", "unit": "Μ.Μ.", "price": "Τιμή μονάδας", "amount": "Αξία",
        "subtotal": "Καθαρή αξία", "tax": "ΦΠΑ", "total": "Σύνολο", "page": "Σελίδα", "taxcap": "ΝΙΠΤ",
        "warr": "Εγγύηση", "months": "{n} μήνες", "slot": "Ώρα παράδοσης",
        "days": ["Δευ", "Τρι", "Τετ", "Πεμ", "Παρ"],
        "terms_list": [("30 ημέρες από το τιμολόγιο", 30), ("τοις μετρητοίς", 0)],
        "goods": [("Ψυγείο βιτρίνα", "τεμ.", "620"), ("Καταψύκτης 300 l", "τεμ.", "410"),
                  ("Ζυγαριά ηλεκτρονική", "τεμ.", "75"), ("Ταμειακή μηχανή", "τεμ.", "290"),
                  ("Ράφι μεταλλικό", "τεμ.", "48"), ("Κλιματιστικό 12000 BTU", "τεμ.", "450")],
    },
    "de_RO": {
        "title": "BESTELLUNG", "number": "Bestellnummer", "date": "Datum", "buyer": "Besteller",
        "vendor": "Lieferant", "ship": "Lieferanschrift", "terms": "Zahlungsbedingungen", "currency": "Währung",
        "desc": "Bezeichnung", "qty": "Menge", "unit": "Einh.", "price": "Einzelpreis", "amount": "Betrag",
        "subtotal": "Nettobetrag", "tax": "MwSt.", "total": "Endbetrag", "page": "Seite", "taxcap": "CUI",
        "cur": "Whg.",
        "slot": "Anlieferzeit", "days": ["Mo", "Di", "Mi", "Do", "Fr"],
        "terms_list": [("30 Tage netto", 30), ("14 Tage 2 % Skonto", 14)],
        "goods": [("Dachziegel Biberschwanz", "Stk.", "1.1"), ("Kalkmörtel 25 kg", "Sack", "6.5"),
                  ("Eichenbalken 12 x 14", "lfm", "18"), ("Holzlasur 2,5 l", "Dose", "29"),
                  ("Kupferdachrinne", "lfm", "42"), ("Fensterkitt 1 kg", "Dose", "7")],
    },
    "fr_IT": {
        "title": "BON DE COMMANDE", "number": "N° de commande", "date": "Date", "buyer": "Acheteur",
        "vendor": "Fournisseur", "ship": "Adresse de livraison", "terms": "Conditions de paiement",
        "currency": "Devise", "desc": "Désignation", "qty": "Quantité", "unit": "U.", "price": "Prix unitaire",
        "amount": "Montant", "subtotal": "Total HT", "tax": "TVA", "total": "Total TTC", "page": "Page",
        "taxcap": "N° TVA", "cur": "Dev.", "units_cap": "Unités de mesure",
        "units": {"pce": "pièce", "kg": "kilogramme", "ml": "mètre linéaire", "sac": "sac", "fût": "fût"},
        "terms_list": [("30 jours date de facture", 30), ("60 jours fin de mois", 60)],
        "goods": [("Fontine d'alpage", "kg", "16"), ("Lard d'Arnad", "kg", "22"), ("Fromage Toma", "kg", "13"),
                  ("Vin Torrette", "fût", "180"), ("Planche de mélèze", "ml", "8"), ("Farine de seigle",
                  "sac", "21")],
    },
    "sl_AT": {
        "title": "NAROČILNICA", "number": "Številka naročila", "date": "Datum", "buyer": "Naročnik",
        "vendor": "Dobavitelj", "ship": "Kraj dobave", "terms": "Plačilni pogoji", "currency": "Valuta",
        "desc": "Opis blaga", "qty": "Količina", "unit": "EM", "price": "Cena na enoto", "amount": "Znesek",
        "subtotal": "Skupaj brez DDV", "tax": "DDV", "total": "Za plačilo", "page": "Stran",
        "taxcap": "ID-št. za DDV", "copy": "IZVOD", "parts": ["DOBAVITELJ", "RAČUNOVODSTVO", "SKLADIŠČE",
        "ARHIV"], "form": "Obrazec", "ordered": "Naročeno", "delivered": "Dobavljeno",
        "outstanding": "Odprto",
        "terms_list": [("30 dni od prejema računa", 30), ("14 dni neto", 14)],
        "goods": [("Drva bukova", "m3", "95"), ("Peleti 15 kg", "vreča", "5.5"), ("Sekira", "kos", "38"),
                  ("Motorna žaga veriga", "kos", "29"), ("Zaščitne hlače", "kos", "120"),
                  ("Delovne rokavice", "par", "4")],
    },
    "it_HR": {
        "title": "ORDINE", "number": "N. ordine", "date": "Data", "buyer": "Acquirente", "vendor": "Fornitore",
        "ship": "Consegna a", "terms": "Pagamento", "currency": "Valuta", "desc": "Articolo", "qty": "Quantità",
        "unit": "UM", "price": "Prezzo unitario", "amount": "Valore", "subtotal": "Totale imponibile",
        "tax": "PDV", "total": "Totale da pagare", "page": "Pagina", "taxcap": "OIB",
        "ordered": "Ordinato", "delivered": "Consegnato", "outstanding": "Residuo",
        "units_cap": "Unità di misura", "units": {"pz": "pezzo", "kg": "chilogrammo", "cf": "confezione",
                                                 "bt": "bottiglia", "lt": "litro"},
        "terms_list": [("30 giorni dalla fattura", 30), ("bonifico a 15 giorni", 15)],
        "goods": [("Olio d'oliva istriano", "lt", "14"), ("Tartufo nero", "kg", "240"), ("Malvasia istriana",
                  "bt", "9"), ("Prosciutto istriano", "kg", "32"), ("Pasta fuži", "cf", "3.2"),
                  ("Formaggio di capra", "pz", "11")],
    },
    "ca_FR": {
        "title": "COMANDA", "number": "Núm. de comanda", "date": "Data", "buyer": "Comprador",
        "vendor": "Proveïdor", "ship": "Adreça de lliurament", "terms": "Condicions de pagament",
        "currency": "Moneda", "desc": "Descripció", "qty": "Quantitat", "unit": "Unitat", "price": "Preu unitari",
        "amount": "Import", "subtotal": "Base imposable", "tax": "IVA", "total": "Total a pagar", "page": "Pàgina",
        "taxcap": "NIF intracomunitari", "copy": "CÒPIA", "parts": ["PROVEÏDOR", "COMPTABILITAT", "MAGATZEM",
        "ARXIU"], "form": "Imprès", "cur": "Mon.", "slot": "Franja de lliurament",
        "days": ["Dl", "Dt", "Dc", "Dj", "Dv"],
        "terms_list": [("30 dies data factura", 30), ("45 dies final de mes", 45)],
        "goods": [("Caixes de fusta per a fruita", "unitat", "4.5"), ("Filat d'ombra", "rotlle", "65"),
                  ("Adob orgànic 25 kg", "sac", "12"), ("Tisores de podar", "unitat", "26"),
                  ("Canonada de reg 16 mm", "rotlle", "38"), ("Palets de fusta", "unitat", "8")],
    },
    "hu_RS": {
        "title": "MEGRENDELÉS", "number": "Rendelési szám", "date": "Dátum", "buyer": "Vevő", "vendor": "Eladó",
        "ship": "Szállítási hely", "terms": "Fizetés módja", "currency": "Pénznem", "desc": "Termék",
        "qty": "Menny.", "unit": "Mért.", "price": "Egységár", "amount": "Összeg", "subtotal": "Adóalap",
        "tax": "ÁFA", "total": "Összesen", "page": "Lap", "taxcap": "PIB", "warr": "Jótállás",
        "months": "{n} hó", "slot": "Átvételi idő", "days": ["Hét", "Ked", "Sze", "Csü", "Pén"],
        "terms_list": [("30 nap", 30), ("előleg 50 %, maradék szállításkor", 0)],
        "goods": [("Hűtőszekrény 250 l", "db", "320"), ("Mosógép 7 kg", "db", "360"), ("Porszívó", "db", "95"),
                  ("Mikrohullámú sütő", "db", "85"), ("Villanybojler 80 l", "db", "190"), ("Vasaló", "db", "32")],
    },
    "de_PL": {
        "title": "BESTELLUNG", "number": "Bestell-Nr.", "date": "Bestelldatum", "buyer": "Auftraggeber",
        "vendor": "Lieferfirma", "ship": "Lieferort", "terms": "Zahlungsziel", "currency": "Währung",
        "desc": "Artikel", "qty": "Menge", "unit": "ME", "price": "Preis je ME", "amount": "Wert",
        "subtotal": "Summe netto", "tax": "MwSt.", "total": "Summe brutto", "page": "Blatt", "taxcap": "NIP",
        "copy": "DURCHSCHLAG", "parts": ["LIEFERANT", "BUCHHALTUNG", "LAGER", "ABLAGE"], "form": "Vordruck",
        "cur": "Whg.", "units_cap": "Mengeneinheiten", "units": {"Stk": "Stück", "Pal": "Palette",
                                                                "Sck": "Sack", "lfm": "laufender Meter",
                                                                "Rol": "Rolle"},
        "terms_list": [("21 Tage netto", 21), ("30 Tage ab Rechnungseingang", 30)],
        "goods": [("Pflastersteine grau", "Pal", "180"), ("Zement CEM II 25 kg", "Sck", "5"),
                  ("Randstein 100 cm", "Stk", "6.5"), ("Drainagerohr DN 100", "Rol", "95"),
                  ("Zaunpfosten verzinkt", "Stk", "14"), ("Maschendraht 1,5 m", "lfm", "3.2")],
    },
    "sq_ME": {
        "title": "POROSI", "number": "Numri i porosisë", "date": "Data", "buyer": "Porositësi",
        "vendor": "Furnitori", "ship": "Adresa e dërgesës", "terms": "Kushtet e pagesës", "currency": "Valuta",
        "desc": "Emërtimi", "qty": "Sasia", "unit": "Nj.", "price": "Çmimi", "amount": "Vlera",
        "subtotal": "Vlera pa TVSH", "tax": "TVSH", "total": "Gjithsej", "page": "Faqe", "taxcap": "PIB",
        "copy": "KOPJE", "parts": ["FURNITORI", "KONTABILITETI", "MAGAZINA", "ARKIVI"], "form": "Formulari",
        "warr": "Garancia", "months": "{n} muaj", "units_cap": "Njësitë matëse",
        "units": {"cop.": "copë", "kut.": "kuti", "kg": "kilogram", "l": "litër", "pako": "pako"},
        "terms_list": [("30 ditë nga fatura", 30), ("15 ditë", 15)],
        "goods": [("Kondicioner 18000 BTU", "cop.", "520"), ("Frigorifer hoteli", "cop.", "180"),
                  ("Televizor 43 inç", "cop.", "290"), ("Tharëse flokësh", "cop.", "22"),
                  ("Kasafortë dhome", "cop.", "95"), ("Kazan uji 80 l", "cop.", "170")],
    },
    "tr_BG": {
        "title": "SİPARİŞ FORMU", "number": "Sipariş no", "date": "Tarih", "buyer": "Alıcı", "vendor": "Satıcı",
        "ship": "Teslim yeri", "terms": "Ödeme koşulları", "currency": "Para birimi", "desc": "Ürün",
        "qty": "Miktar", "unit": "Birim", "price": "Birim fiyat", "amount": "Tutar", "subtotal": "Ara toplam",
        "tax": "KDV", "total": "Genel toplam", "page": "Sayfa", "taxcap": "KDV no", "warr": "Garanti",
        "months": "{n} ay", "units_cap": "Ölçü birimleri",
        "units": {"ad.": "adet", "kg": "kilogram", "kol.": "koli", "pkt.": "paket", "m": "metre"},
        "terms_list": [("fatura tarihinden itibaren 30 gün", 30), ("peşin", 0)],
        "goods": [("Tütün kurutma filesi", "m", "1.8"), ("Sulama pompası", "ad.", "240"), ("Bahçe hortumu 50 m",
                  "ad.", "36"), ("Gübre 50 kg", "pkt.", "28"), ("Budama makası", "ad.", "19"),
                  ("Motorlu tırpan", "ad.", "210")],
    },
}  # fmt: skip

# locale -> people who sign, send or answer for a desk
PEOPLE20: dict[str, list[str]] = {
    "ru_EE": ["Ирина Смирнова", "Андрей Кузнецов", "Светлана Иванова"], "ru_LV": ["Дмитрий Петров",
    "Ольга Соколова", "Игорь Васильев"], "pl_LT": ["Jadwiga Mackiewicz", "Tadeusz Romanowski", "Anna Sosnowska"],
    "it_SI": ["Marino Ruzzier", "Elena Bonifacio", "Paolo Steffè"], "hu_SK": ["Nagy Erzsébet", "Tóth Gábor",
    "Szabó Zoltán"], "uk_PL": ["Оксана Костів", "Петро Гнатишин", "Марія Дуда"], "el_AL": ["Γιώργος Παπάς",
    "Ελένη Κώτσου", "Βασίλης Ντούλας"], "de_RO": ["Hans Schuster", "Gerlinde Binder", "Werner Roth"],
    "fr_IT": ["Joseph Charrère", "Anne-Marie Bich", "Pierre Vallet"], "sl_AT": ["Marjan Sticker",
    "Nataša Kramer", "Janko Wakounig"], "it_HR": ["Silvio Forlani", "Lorena Degrassi", "Mario Benussi"],
    "ca_FR": ["Jordi Bosch", "Montserrat Vila", "Pere Sala"], "hu_RS": ["Kovács Ildikó", "Varga László",
    "Horváth Tibor"], "de_PL": ["Norbert Kroll", "Sabine Hoppe", "Ryszard Lippa"], "sq_ME": ["Arben Gjoka",
    "Drita Kalaja", "Besnik Ulqinaku"], "tr_BG": ["Mehmet Ali Hasanov", "Ayşe Mustafova", "Ahmet Yusufov"],
    "hr_AT": ["Ivan Pomper", "Marija Šinkovič", "Stefan Palkovič"], "eu_FR": ["Peio Etxeberri", "Maialen Iriart",
    "Battitte Larralde"], "ru_LT": ["Николай Орлов", "Наталья Белова", "Сергей Голубев"], "de_HU": ["Josef Manz",
    "Elisabeth Wagner", "Stefan Kolb"], "pl_CZ": ["Józef Szczepański", "Halina Kaleta", "Tomasz Cieślar"],
    "cs_SK": ["Petr Novák", "Jana Dvořáková", "Martin Černý"], "ro_RS": ["Ion Popovici", "Maria Ursu",
    "Florin Bălan"], "es_AD": ["Jordi Cerqueda", "María José Pérez", "Antoni Martí"],
}  # fmt: skip


def _po_number20(rng: random.Random, lang: str, year: int) -> str:
    n = rng.randrange(100, 99999)
    return {"ru_EE": f"{n % 9999}/{year % 100}", "ru_LV": f"ZP-{n:05d}", "pl_LT": f"ZAM/{n % 999:03d}/{year}",
            "it_SI": f"OA{year}-{n:05d}", "hu_SK": f"{year}/M/{n % 9999:04d}", "uk_PL": f"Z-{n % 9999:04d}/{year}",
            "el_AL": f"{n % 9999:04d}", "de_RO": f"B-{year}-{n:05d}", "fr_IT": f"BC {year}/{n % 999:03d}",
            "sl_AT": f"N{year % 100}-{n:05d}", "it_HR": f"{n % 999}/{year}", "ca_FR": f"C{year % 100}.{n:05d}",
            "hu_RS": f"R-{n:05d}/{year % 100}", "de_PL": f"BE/{year}/{n:05d}", "sq_ME": f"{n % 9999}-{year}",
            "tr_BG": f"SP{year}{n:05d}"}[lang]  # fmt: skip


@dataclass
class Order20:
    po: BlindPO
    look: dict[str, Any]
    price_units: list[int]
    delivered: list[Decimal]  # each line's quantity delivered so far (backorder)
    warranty: list[int]  # each line's guarantee in months (warranty)
    slot: tuple[int, int]  # the booked weekday and time window (timeslot)
    answerbacks: tuple[str, str]  # the telex answerbacks: the buyer's and the vendor's
    part: int  # which sheet of the carbon set (1 to 3: copies 2 to 4)
    form_no: str  # the carbon set's pre-printed form number


_WINDOWS = ("07-09", "09-11", "11-13", "13-15")


def _upper_party(p: BlindParty) -> BlindParty:
    return BlindParty(p.name.upper(), p.street.upper(), p.city.upper(), p.country, p.tax_label, p.tax_id)


def _answerback(rng: random.Random, p: BlindParty) -> str:
    word = max(p.name.split(), key=len).strip('«»"').upper()[:8]
    return f"{rng.randrange(20000, 99999)} {word} {p.country}"


def sample_po20(rng: random.Random, fam: Blind20Family) -> Order20:
    """An order of ``fam``: parties, lines (quantity x price, rounded half up), tax, total and what is printed
    beside them (deliveries so far, guarantees, a delivery slot, answerbacks, the carbon set's part)."""
    buyer = make_party20(rng, fam)
    vendor = make_party20(rng, fam, avoid=buyer.name)
    site = make_party20(rng, fam)
    telex = fam.header == "telex"
    if telex:
        buyer, vendor, site = _upper_party(buyer), _upper_party(vendor), _upper_party(site)
    ship = BlindParty(buyer.name, site.street, site.city, site.country, None, None)
    words, places = WORDS20[fam.lang], fam.places
    rate_s, date_styles, scale = DESK20[fam.lang]
    rate, mult = Decimal(rate_s), Decimal(scale)
    lines: list[POLine] = []
    delivered: list[Decimal] = []
    warranty: list[int] = []
    for _ in range(rng.randrange(*fam.lines)):
        desc, unit, eur = rng.choice(words["goods"])
        price = _half_up(Decimal(eur) * Decimal(rng.randrange(85, 125)) / 100 * mult, places)
        if price == 0:
            price = Decimal(1).scaleb(-places)
        qty = Decimal(rng.choice([1, 2, 3, 4, 5, 6, 8, 10, 12, 15, 20, 24, 25, 40, 50, 100]))
        if fam.table == "backorder":
            delivered.append(Decimal(int(qty * Decimal(rng.choice(["0", "0.25", "0.5", "0.5", "1"])))))
        if fam.table == "warranty":
            warranty.append(rng.choice([6, 12, 12, 24, 24, 36, 60]))
        lines.append(POLine(None, desc.upper() if telex else desc, qty, unit.upper() if telex else unit, price,
                            None, None, _half_up(qty * price, places)))  # fmt: skip
    subtotal = sum((ln.amount for ln in lines), Decimal(0))
    tax = _half_up(subtotal * rate / 100, places)
    order_date = date(rng.randrange(2024, 2028), 1, 1) + timedelta(days=rng.randrange(365))
    text, days = rng.choice(words["terms_list"])
    terms = (text.upper() if telex else text, days)
    po = BlindPO(_po_number20(rng, fam.lang, order_date.year), order_date, buyer, vendor, ship, terms, lines,
                 subtotal, Decimal(0), Decimal(0), Decimal(0), rate, {rate: tax}, tax, subtotal + tax)  # fmt: skip
    cols = ["line_no", "description", "quantity", "unit", "unit_price", "amount"]
    if fam.table == "backorder":
        cols[3:3] = ["delivered", "outstanding"]
    if fam.table == "warranty":
        cols.insert(cols.index("unit") + 1, "warranty")
    if fam.table == "curcol":
        cols.insert(cols.index("amount"), "cur")
        cols.append("cur2")
    if rng.random() < 0.3:
        cols.remove("line_no")
    look = {"columns": cols, "dates": rng.choice(date_styles), "numbers": fam.numbers, "totals": "net",
            "numbered": "line_no" in cols}  # fmt: skip
    slot = (rng.randrange(5), rng.randrange(len(_WINDOWS)))
    answerbacks = (_answerback(rng, buyer), _answerback(rng, vendor))
    part = rng.randrange(1, 4)
    form_no = f"{rng.choice('ABKNRS')}-{rng.randrange(10, 99)}/{rng.randrange(1, 9)}"
    return Order20(po, look, [1] * len(lines), delivered, warranty, slot, answerbacks, part, form_no)


# ---------------------------------------------------------------- order writer

_RGB = tuple[float, float, float]
_GREY = (0.4, 0.4, 0.4)
# a carbon set's sheets: white (the original), yellow, pink, green
_TINTS: tuple[_RGB, ...] = ((1.0, 1.0, 1.0), (1.0, 0.97, 0.8), (1.0, 0.89, 0.92), (0.88, 0.97, 0.88))
_SHARES = {"line_no": 0.05, "description": 0.34, "quantity": 0.09, "delivered": 0.1, "outstanding": 0.1,
           "unit": 0.07, "warranty": 0.1, "unit_price": 0.12, "cur": 0.05, "amount": 0.13, "cur2": 0.05}  # fmt: skip
_RIGHT = frozenset({"line_no", "quantity", "delivered", "outstanding", "unit_price", "amount"})


class PO20Writer(Sheet12):
    """One order of a set-20 family: a teleprinter's copy, a carbon set's sheet or a squared sheet; its
    table (ordered / delivered / outstanding, currency columns, guarantees), totals, slot grid and unit key."""

    def __init__(self, rng: random.Random, fam: Blind20Family, order: Order20) -> None:
        self.order, self.po = order, order.po
        self.words = WORDS20[fam.lang]
        self.style = order.look["numbers"]
        self.telex = fam.header == "telex"
        self.mono = font("DejaVuSansMono.ttf")
        Sheet12.__init__(self, rng, fam)
        self.x_l, self.x_r = self.M, self.W - self.M
        self.size = 8.2

    # ------------------------------------------------------------ formats

    def money(self, value: Decimal) -> str:
        return format_num13(value, self.style, self.fam.places)

    def qty(self, value: Decimal) -> str:
        return format_qty13(value, self.style)

    def day(self, value: date) -> str:
        return format_day20(value, self.order.look["dates"], self.fam.lang)

    def e(self, name: str | None, row: int | None = None) -> Entity | None:
        """The entity a value shows (none for what is printed only)."""
        return Entity(name, row=row) if name else None

    def w(self, key: str) -> str:
        text = str(self.words[key])
        return text.upper() if self.telex else text

    def tx(
        self,
        x: float,
        y: float,
        s: str,
        size: float | None = None,
        bold: bool = False,
        ent: Entity | None = None,
        align: str = "left",
        color: _RGB = (0, 0, 0),
        row: int | None = None,
    ) -> float:
        """Text in the sheet's face (the teleprinter's monospace capitals on a telex)."""
        return self.page.text(x, y, s, self.face(bold), size or self.size, entity=ent, align=align, color=color,
                              row=row)  # fmt: skip

    def face(self, bold: bool = False) -> str:
        return self.mono if self.telex else (self.fonts.bold if bold else self.fonts.regular)

    def room(self, h: float) -> bool:
        """A new page unless ``h`` more fits; True when it broke."""
        if self.y + h <= self.H - 60:
            return False
        self.new_page()
        self.y = 56
        return True

    def decorate(self, page: Any) -> None:
        """Squared paper: a faint blue 5 mm grid over the sheet and a red margin rule. A carbon set's sheet: the
        part's tint over the page, the band naming the copy, the parts' numbers with this one's filled, the form
        number and the distribution at the foot."""
        if self.fam.header == "squared":
            step = 72 / 25.4 * 5
            for k in range(1, int(self.W / step) + 1):
                page.line(k * step, 0, k * step, self.H, 0.3, (0.72, 0.8, 0.93))
            for k in range(1, int(self.H / step) + 1):
                page.line(0, k * step, self.W, k * step, 0.3, (0.72, 0.8, 0.93))
            page.line(self.M - 10, 0, self.M - 10, self.H, 0.7, (0.85, 0.35, 0.4))
            return
        if self.fam.header != "carbonset":
            return
        w, o = self.words, self.order
        page.rect(0, 0, self.W, self.H, stroke=None, fill=_TINTS[o.part])
        page.rect(self.M, 18, self.W - 2 * self.M, 17, stroke=None, fill=(0.18, 0.18, 0.22))
        band = f"{w['copy']} {o.part + 1} – {w['parts'][o.part]}"
        page.text(self.M + 8, 30, band, self.fonts.bold, 9, color=(1, 1, 1))
        for k in range(4):
            x = self.W - self.M - 76 + 19 * k
            page.rect(x, 21, 12, 11, stroke=(1, 1, 1), fill=(1, 1, 1) if k == o.part else None, line_width=0.6)
            page.text(x + 6, 29.5, str(k + 1), self.fonts.bold, 7, align="center",
                      color=(0.18, 0.18, 0.22) if k == o.part else (1, 1, 1))  # fmt: skip
        dist = "  ·  ".join(f"{k + 1} {name}" for k, name in enumerate(w["parts"]))
        page.text(self.M, self.H - 36, dist, self.fonts.regular, 6.5, color=_GREY)
        page.text(self.M, self.H - 24, f"{w['form']} {o.form_no}", self.fonts.regular, 6.5, color=_GREY)

    # ------------------------------------------------------------ heads

    def facts(self) -> list[tuple[str, str, str]]:
        po = self.po
        return [(self.w("number"), po.number, "po_number"), (self.w("date"), self.day(po.order_date), "order_date"),
                (self.w("terms"), po.terms[0], "payment_terms"), (self.w("currency"), self.fam.currency,
                "currency")]  # fmt: skip

    def party(self, x: float, y: float, caption: str, p: BlindParty, role: str | None, span: float) -> float:
        """A party under its caption: name, address, tax id; returns the y under it."""
        self.tx(x, y, caption, self.size - 0.6, color=_GREY)
        y += self.size + 3
        self.tx(x, y, p.name, self.size + 0.6, bold=True, ent=self.e(f"{role}_name" if role else None))
        for part in (p.street, p.city):
            y += self.size + 2.5
            for piece in wrap(part, self.face(), self.size, span)[:1]:
                self.tx(x, y, piece)
        if p.tax_id and role:
            y += self.size + 2.5
            used = self.tx(x, y, f"{p.tax_label}:", color=_GREY)
            self.tx(x + used + 4, y, str(p.tax_id), ent=self.e(f"{role}_tax_id"))
        return y + self.size + 6

    def head_sheet(self, top: float) -> None:
        """A printed form's head (the carbon set's sheet, the squared sheet): the title, the facts in a
        boxed column at the right, the buyer, the vendor and the delivery address."""
        po, x_l, x_r = self.po, self.x_l, self.x_r
        span = x_r - x_l
        self.tx(x_l, top + 16, self.w("title"), self.size + 7, bold=True)
        facts = self.facts()
        cap_w = max(width(c, self.face(), self.size - 0.5) for c, _v, _n in facts) + 8
        box_x, box_w = x_l + span * 0.52, span * 0.48
        self.page.rect(box_x, top + 26, box_w, 14 * len(facts) + 6, line_width=0.6)
        y = top + 38
        for cap, value, name in facts:
            self.tx(box_x + 5, y, cap, self.size - 0.5, color=_GREY)
            for k, piece in enumerate(wrap(value, self.face(), self.size, box_w - cap_w - 10)[:1] if name !=
                                      "payment_terms" else [value]):  # fmt: skip
                self.tx(box_x + cap_w + 5, y + 10 * k, piece, ent=self.e(name))
            y += 14
        y_left = self.party(x_l, top + 40, self.w("buyer"), po.buyer, "buyer", span * 0.5)
        self.y = max(y + 10, y_left)
        half = span / 2
        y1 = self.party(x_l, self.y, self.w("vendor"), po.vendor, "vendor", half - 10)
        self.tx(x_l + half, self.y, self.w("ship"), self.size - 0.6, color=_GREY)
        self.tx(x_l + half, self.y + self.size + 3, po.ship_to.street)
        self.tx(x_l + half, self.y + 2 * self.size + 5.5, po.ship_to.city)
        self.y = y1 + 6

    def head_telex(self) -> None:
        """A teleprinter's copy: ZCZC, the two answerbacks, the facts as 'CAPTION: VALUE' lines."""
        po, o = self.po, self.order
        lead = self.size + 3.2
        y = 52.0
        for text in ("ZCZC", o.answerbacks[1], o.answerbacks[0], ""):
            self.tx(self.M, y, text)
            y += lead
        self.tx(self.M, y, f"{self.w('title')} {po.number}")
        y += 2 * lead
        rows: list[tuple[str, str, str | None]] = [
            (self.w("vendor"), po.vendor.name, "vendor_name"),
            (po.vendor.tax_label or "", str(po.vendor.tax_id), "vendor_tax_id"),
            (self.w("buyer"), po.buyer.name, "buyer_name"),
            (po.buyer.tax_label or "", str(po.buyer.tax_id), "buyer_tax_id"),
            *self.facts(),
            (self.w("ship"), f"{po.ship_to.street}, {po.ship_to.city}", None),
        ]
        cap_w = max(width(f"{c.upper()}:", self.mono, self.size) for c, _v, _n in rows) + 8
        for cap, value, name in rows:
            self.tx(self.M, y, f"{cap.upper()}:")
            self.tx(self.M + cap_w, y, value, ent=self.e(name))
            y += lead
        self.y = y + lead

    def tail_telex(self) -> None:
        o, lead = self.order, self.size + 3.2
        self.room(5 * lead)
        y = self.y + lead
        for text in (o.answerbacks[0], o.answerbacks[1], "NNNN"):
            self.tx(self.M, y, text)
            y += lead
        self.y = y

    # ------------------------------------------------------------ table

    def caption(self, role: str) -> str:
        keys = {"line_no": "", "description": "desc", "quantity": "ordered" if "ordered" in self.words else "qty",
                "delivered": "delivered", "outstanding": "outstanding", "unit": "unit", "warranty": "warr",
                "unit_price": "price", "cur": "cur", "amount": "amount", "cur2": "cur"}  # fmt: skip
        return self.w(keys[role]) if keys[role] else "#"

    def cell(self, role: str, i: int, ln: POLine) -> tuple[str, str | None]:
        """A cell's text and the entity it shows (None: printed, not labelled)."""
        o = self.order
        if role == "line_no":
            return str(i + 1), None
        if role == "delivered":
            return self.qty(o.delivered[i]), None
        if role == "outstanding":
            return self.qty(ln.quantity - o.delivered[i]), None
        if role == "warranty":
            return self.w("months").replace("{N}", "{n}").format(n=o.warranty[i]), None
        if role in {"cur", "cur2"}:
            return self.fam.currency, None
        if role == "quantity":
            return self.qty(ln.quantity), role
        if role in {"unit_price", "amount"}:
            return self.money(getattr(ln, role)), role
        return str(getattr(ln, role)), role

    def specs(self) -> list[tuple[str, float, float]]:
        """Each column's role, left edge and width."""
        roles = self.order.look["columns"]
        total = sum(_SHARES[r] for r in roles)
        span, x = self.x_r - self.x_l, self.x_l
        out = []
        for r in roles:
            cw = _SHARES[r] / total * span
            out.append((r, x, cw))
            x += cw
        return out

    def table_head(self) -> None:
        size = self.size - 0.6
        parts = {r: wrap(self.caption(r), self.face(True), size, cw - 4) for r, _x, cw in self.specs()}
        h = 5 + (size + 2) * max(len(p) for p in parts.values())
        if self.telex:
            self.tx(self.x_l, self.y + 2, "-" * int((self.x_r - self.x_l) / width("-", self.mono, self.size)))
            self.y += 6
        else:
            self.page.rect(self.x_l, self.y, self.x_r - self.x_l, h + 2, stroke=None, fill=(0.86, 0.87, 0.88))
        for role, x, cw in self.specs():
            for k, text in enumerate(parts[role]):
                right = role in _RIGHT
                self.tx(x + cw - 2 if right else x + 2, self.y + size + 2 + (size + 2) * k, text, size, bold=True,
                        align="right" if right else "left")  # fmt: skip
        self.y += h + 4
        if self.telex:
            self.tx(self.x_l, self.y + 2, "-" * int((self.x_r - self.x_l) / width("-", self.mono, self.size)))
            self.y += 6

    def table(self) -> None:
        specs = self.specs()
        self.table_head()
        desc_w = next(cw for r, _x, cw in specs if r == "description")
        for i, ln in enumerate(self.po.lines):
            desc = wrap(ln.description, self.face(), self.size, desc_w - 4)
            h = (self.size + 2.5) * len(desc) + 5
            if self.room(h):
                self.table_head()
            base = self.y + self.size + 1
            for role, x, cw in specs:
                if role == "description":
                    ent = self.e("description", i)
                    for k, part in enumerate(desc):
                        self.tx(x + 2, base + (self.size + 2.5) * k, part, ent=ent, row=i)
                    continue
                text, name = self.cell(role, i, ln)
                right = role in _RIGHT
                self.tx(
                    x + cw - 2 if right else x + 2,
                    base,
                    text,
                    ent=self.e(name, i),
                    align="right" if right else "left",
                    row=i,
                    color=_GREY if name is None and not self.telex else (0, 0, 0),
                )
            self.y += h
            if not self.telex:
                self.page.line(self.x_l, self.y - 1.5, self.x_r, self.y - 1.5, 0.25, (0.6, 0.6, 0.6))
        self.y += 6

    def totals(self) -> None:
        po = self.po
        self.room(60)
        rate = format_qty13(po.tax_rate or Decimal(0), self.style)
        rows = [(self.w("subtotal"), po.subtotal, "subtotal"), (f"{self.w('tax')} {rate} %", po.tax_total,
                "tax_total"), (f"{self.w('total')} {self.fam.currency}", po.total, "total")]  # fmt: skip
        xl = self.x_r - min(230.0, (self.x_r - self.x_l) * 0.6)
        for cap, value, name in rows:
            bold = name == "total"
            if bold and not self.telex:
                self.page.line(xl, self.y + 1, self.x_r, self.y + 1, 0.8)
            self.tx(xl, self.y + self.size + 3, cap, bold=bold)
            self.tx(self.x_r - 2, self.y + self.size + 3, self.money(value), bold=bold, ent=self.e(name),
                    align="right")  # fmt: skip
            self.y += self.size + 6
        self.y += 8

    # ------------------------------------------------------------ extras

    def timeslot(self) -> None:
        """The delivery-slot grid: weekdays across, time windows down, the booked window shaded and crossed."""
        day, window = self.order.slot
        cw, rh = 34.0, self.size + 4
        self.room(rh * 6 + 10)
        self.tx(self.x_l, self.y + self.size, self.w("slot"), bold=True)
        top = self.y + self.size + 5
        for k, name in enumerate(self.words["days"]):
            name = name.upper() if self.telex else name
            self.tx(self.x_l + 40 + cw * k + cw / 2, top + rh - 3, name, self.size - 0.8, align="center")
        for j, span in enumerate(_WINDOWS):
            y = top + rh * (j + 1)
            self.tx(self.x_l, y + rh - 3, span, self.size - 0.8)
            for k in range(5):
                booked = (k, j) == (day, window)
                self.page.rect(self.x_l + 40 + cw * k, y, cw, rh, line_width=0.4,
                               fill=(0.75, 0.75, 0.75) if booked else None)  # fmt: skip
                if booked:
                    self.tx(self.x_l + 40 + cw * k + cw / 2, y + rh - 3, "X", bold=True, align="center")
        self.y = top + rh * (len(_WINDOWS) + 1) + 10

    def unitkey(self) -> None:
        """The key to the units of measure the order uses."""
        units = self.words["units"]
        used = [u for u in units if any(ln.unit in {u, u.upper()} for ln in self.po.lines)]
        text = "; ".join(f"{u} = {units[u]}" for u in used)
        parts = wrap(f"{self.w('units_cap')}: {text}", self.face(), self.size - 0.8, self.x_r - self.x_l)
        self.room(12 * len(parts) + 6)
        for part in parts:
            self.tx(self.x_l, self.y + self.size, part, self.size - 0.8, color=_GREY)
            self.y += self.size + 3
        self.y += 6

    def body(self) -> None:
        self.table()
        self.totals()
        if "timeslot" in self.fam.extras:
            self.timeslot()
        if "unitkey" in self.fam.extras:
            self.unitkey()

    def write(self) -> None:
        if self.telex:
            self.head_telex()
            self.body()
            self.tail_telex()
        else:
            self.head_sheet(40)
            self.body()
        self.page_numbers(self.w("page"))


def make_blind20_po(seed: int, fam: Blind20Family, doc_id: str | None = None) -> GeneratedDoc:
    return make_set_po(seed, fam, doc_id, set_no=20, sample=sample_po20, writer_of=PO20Writer)


# ---------------------------------------------------------------- contract words

# locale -> the contract's words; {buyer}, {eff}, ... in a clause are the tagged values
CONTRACT20: dict[str, dict[str, Any]] = {
    "hr_AT": {
        "title": "UGOVOR O SLUŽBAMA",
        "number": "Broj ugovora", "taxcap": "UID-broj", "roles": ("Naručitelj", "Izvršitelj"), "page": "Stran",
        "clauses": [("Predmet ugovora", "Izvršitelj {vendor} opravlja za naručitelja {buyer} službe iz "
                     "cjenika u prilogu."), ("Trajanje", "Ugovor važi od {eff} do {exp}."),
                    ("Plaćanje", "Cijene su u valuti {cur} bez poreza na dodanu vrijednost. Naručitelj plaća "
                     "račune {terms}."), ("Otkaz", "Svaka stranka more ugovor otkazati s rokom od tri misece.")],
        "sched_title": "Prilog 1 – Cjenik", "cols": ("Služba", "Jedinica", "Cijena"), "from": "Važi od",
        "to": "Važi do",
        "sign": ("Za naručitelja", "Za izvršitelja", "Mjesto i datum"),
        "services": [("Čišćenje ureda", "mjesec"), ("Čišćenje oblokov", "m²"), ("Hišnička služba", "ura"),
                     ("Održavanje grijanja", "pohod"), ("Zimska služba", "pohod"), ("Košnja trave", "m²"),
                     ("Odvoz smeća", "mjesec"), ("Popravki elektrike", "ura"), ("Dezinfekcija", "pohod")],
        "terms": [("u roku od 30 dan", 30), ("u roku od 14 dan od primitka računa", 14)],
    },
    "eu_FR": {
        "title": "ZERBITZU KONTRATUA",
        "number": "Kontratu zenbakia", "taxcap": "BEZ zenbakia",
        "roles": ("Bezeroa", "Hornitzailea"), "page": "Orrialdea",
        "clauses": [("Xedea", "{vendor} hornitzaileak {buyer} bezeroarentzat eranskineko zerbitzuak emango "
                     "ditu."), ("Iraupena", "Kontratua {eff} egunean hasiko da eta {exp} egunean amaituko da."),
                    ("Ordainketa", "Prezioak {cur} dira, BEZik gabe. Bezeroak faktura bakoitza ordainduko du "
                     "{terms}."), ("Isilpekotasuna", "Alderdiek kontratuaren bidez jakindako informazioa "
                     "isilpean gordeko dute."), ("Legea", "Kontratu hau Frantziako legeen menpe dago.")],
        "sched_title": "1. eranskina – Prezioak", "cols": ("Zerbitzua", "Unitatea", "Prezioa"),
        "from": "Noiztik", "to": "Noiz arte",
        "pen_head": "Atzerapen-zigorrak", "pen_intro": "Zerbitzua berandu emanez gero, hileko prezioaren "
                    "ehuneko hau kenduko da:", "pen_cols": ("Atzerapena (egunak)", "Zigorra"),
        "sign": ("Bezeroaren izenean", "Hornitzailearen izenean", "Lekua eta data"),
        "services": [("Bulegoen garbiketa", "hilabetea"), ("Leihoen garbiketa", "m²"), ("Atezaintza", "ordua"),
                     ("Berogailuaren mantentzea", "bisita"), ("Lorategien zaintza", "ordua"),
                     ("Hondakinen bilketa", "bilketa"), ("Konponketa elektrikoak", "ordua"),
                     ("Desinfekzioa", "zerbitzua"), ("Igogailuaren ikuskapena", "bisita")],
        "terms": [("30 egunetan", 30), ("fakturatik 45 egunetara", 45)],
    },
    "ru_LT": {
        "title": "ДОГОВОР ОКАЗАНИЯ УСЛУГ",
        "number": "Договор №", "taxcap": "Код НДС", "roles": ("Заказчик", "Исполнитель"), "page": "Стр.",
        "clauses": [("Предмет договора", "Исполнитель {vendor} оказывает Заказчику {buyer} услуги, указанные в "
                     "приложении."), ("Срок действия", "Договор действует с {eff} по {exp}."),
                    ("Порядок расчётов", "Цены указаны в валюте {cur} без НДС. Заказчик оплачивает счета "
                     "{terms}."), ("Конфиденциальность", "Стороны сохраняют в тайне сведения, полученные при "
                     "исполнении договора."), ("Споры", "Споры рассматриваются в судах Литовской Республики.")],
        "sched_title": "Приложение 1. Прейскурант", "cols": ("Услуга", "Ед. изм.", "Цена"),
        "from": "Действует с", "to": "Действует по",
        "pen_head": "Штрафные санкции", "pen_intro": "За просрочку оказания услуг Исполнитель уплачивает штраф "
                    "в процентах от месячной цены:", "pen_cols": ("Просрочка, дней", "Штраф"),
        "sign": ("От Заказчика", "От Исполнителя", "Место и дата"),
        "services": [("Уборка помещений", "месяц"), ("Мойка окон", "м²"), ("Обслуживание лифтов", "лифт"),
                     ("Охрана объекта", "час"), ("Вывоз мусора", "рейс"), ("Ремонт сантехники", "час"),
                     ("Дератизация", "обработка"), ("Уход за газонами", "м²"), ("Техническая поддержка", "час")],
        "terms": [("в течение 30 дней", 30), ("в течение 10 банковских дней", 14)],
    },
    "de_HU": {
        "title": "DIENSTLEISTUNGSVERTRAG", "number": "Vertragsnummer", "taxcap": "Steuernummer",
        "roles": ("Auftraggeber", "Auftragnehmer"), "toc": "Inhalt",
        "page": "Seite",
        "clauses": [("Gegenstand", "Der Auftragnehmer {vendor} erbringt für den Auftraggeber {buyer} die im "
                     "Leistungsverzeichnis genannten Leistungen."), ("Laufzeit", "Der Vertrag gilt vom {eff} "
                     "bis zum {exp}."), ("Vergütung", "Die Preise verstehen sich in {cur} zuzüglich "
                     "Umsatzsteuer. Rechnungen sind {terms} zu zahlen."), ("Gerichtsstand", "Gerichtsstand "
                     "ist Pécs; es gilt ungarisches Recht.")],
        "sched_title": "Anlage 1 – Leistungsverzeichnis", "cols": ("Leistung", "Einheit", "Einheitspreis"),
        "boq_cols": ("Menge", "Betrag"), "sections": ["A – Reinigung", "B – Haustechnik", "C – Außenanlagen"],
        "subtotal": "Zwischensumme", "est_total": "Geschätzte Gesamtsumme",
        "pen_head": "Vertragsstrafen", "pen_intro": "Bei Verzug zahlt der Auftragnehmer vom Monatspreis:",
        "pen_cols": ("Verzug (Tage)", "Vertragsstrafe"),
        "sign": ("Für den Auftraggeber", "Für den Auftragnehmer", "Ort und Datum"),
        "services": [("Unterhaltsreinigung", "m²"), ("Fensterreinigung", "m²"), ("Grundreinigung", "m²"),
                     ("Wartung Heizung", "Anlage"), ("Wartung Lüftung", "Anlage"), ("Elektroprüfung", "Stück"),
                     ("Rasenmähen", "m²"), ("Heckenschnitt", "lfm"), ("Winterdienst", "Einsatz")],
        "terms": [("innerhalb von 30 Tagen", 30), ("binnen 15 Tagen nach Rechnungseingang", 15)],
    },
    "pl_CZ": {
        "title": "UMOWA O ŚWIADCZENIE USŁUG",
        "number": "Numer umowy", "taxcap": "DIČ", "roles": ("Zamawiający", "Wykonawca"), "page": "Strona",
        "clauses": [("Przedmiot umowy", "Wykonawca {vendor} świadczy na rzecz Zamawiającego {buyer} usługi "
                     "wymienione w kosztorysie."), ("Okres obowiązywania", "Umowa obowiązuje od {eff} do "
                     "{exp}."), ("Wynagrodzenie", "Ceny podano w walucie {cur} bez podatku VAT. Zamawiający "
                     "płaci faktury {terms}."), ("Postanowienia końcowe", "W sprawach nieuregulowanych stosuje "
                     "się prawo czeskie.")],
        "sched_title": "Załącznik 1 – Kosztorys", "cols": ("Usługa", "J.m.", "Cena jedn."),
        "boq_cols": ("Ilość", "Wartość"), "sections": ["I. Sprzątanie", "II. Konserwacja", "III. Tereny zielone"],
        "subtotal": "Razem dział", "est_total": "Wartość kosztorysowa razem",
        "sign": ("Za Zamawiającego", "Za Wykonawcę", "Miejsce i data"),
        "services": [("Sprzątanie biur", "m²"), ("Mycie okien", "m²"), ("Pranie wykładzin", "m²"),
                     ("Przegląd kotłowni", "przegląd"), ("Konserwacja windy", "miesiąc"),
                     ("Naprawy elektryczne", "godz."), ("Koszenie trawy", "m²"), ("Odśnieżanie", "akcja"),
                     ("Przycinanie żywopłotu", "mb")],
        "terms": [("w terminie 30 dni", 30), ("w terminie 14 dni od doręczenia faktury", 14)],
    },
    "cs_SK": {
        "title": "SMLOUVA O POSKYTOVÁNÍ SLUŽEB", "number": "Číslo smlouvy", "taxcap": "IČ DPH",
        "roles": ("Objednatel", "Poskytovatel"), "page": "Strana",
        "clauses": [("Předmět smlouvy", "Poskytovatel {vendor} poskytuje objednateli {buyer} služby podle "
                     "ceníku v příloze."), ("Doba trvání", "Smlouva se uzavírá na dobu od {eff} do {exp}."),
                    ("Platební podmínky", "Ceny jsou uvedeny v měně {cur} bez DPH. Objednatel uhradí "
                     "faktury {terms}."), ("Závěrečná ustanovení", "Smlouva se řídí právním řádem Slovenské "
                     "republiky.")],
        "sched_title": "Příloha č. 1 – Ceník", "cols": ("Služba", "Jednotka", "Cena"), "from": "Platí od",
        "to": "Platí do",
        "sign": ("Za objednatele", "Za poskytovatele", "Místo a datum"),
        "services": [("Úklid kanceláří", "měsíc"), ("Mytí oken", "m²"), ("Správa sítě", "měsíc"),
                     ("Servis tiskáren", "zásah"), ("Zálohování dat", "měsíc"), ("Podpora uživatelů", "hodina"),
                     ("Revize elektro", "revize"), ("Údržba zeleně", "hodina"), ("Deratizace", "zásah")],
        "terms": [("do 30 dnů", 30), ("do 14 dnů od doručení faktury", 14)],
    },
    "ro_RS": {
        "title": "CONTRACT DE PRESTĂRI SERVICII",
        "number": "Nr. contract", "taxcap": "CIF", "roles": ("Beneficiar", "Prestator"), "page": "Pagina",
        "clauses": [("Obiectul contractului", "Prestatorul {vendor} prestează pentru beneficiarul {buyer} "
                     "serviciile din devizul anexat."), ("Durata", "Contractul este valabil de la {eff} până "
                     "la {exp}."), ("Plata", "Prețurile sunt exprimate în {cur}, fără TVA. Beneficiarul "
                     "achită facturile {terms}."), ("Litigii", "Litigiile se soluționează de instanțele din "
                     "Vârșeț.")],
        "sched_title": "Anexa 1 – Deviz", "cols": ("Serviciu", "U.M.", "Preț unitar"),
        "boq_cols": ("Cantitate", "Valoare"), "sections": ["Cap. 1 Curățenie", "Cap. 2 Întreținere",
                                                           "Cap. 3 Spații verzi"],
        "subtotal": "Total capitol", "est_total": "Total deviz",
        "sign": ("Pentru beneficiar", "Pentru prestator", "Locul și data"),
        "services": [("Curățenie birouri", "m²"), ("Spălare geamuri", "m²"), ("Întreținere centrală",
                     "vizită"), ("Reparații instalații", "oră"), ("Verificare stingătoare", "buc."),
                     ("Cosit iarbă", "m²"), ("Tăiere gard viu", "m"), ("Deszăpezire", "intervenție"),
                     ("Colectare deșeuri", "transport")],
        "terms": [("în termen de 30 de zile", 30), ("în 15 zile de la primirea facturii", 15)],
    },
    "es_AD": {
        "title": "CONTRATO DE SERVICIOS",
        "number": "Contrato n.º", "taxcap": "NRT", "roles": ("Cliente", "Prestador"), "page": "Página",
        "clauses": [("Objeto", "El prestador {vendor} presta al cliente {buyer} los servicios del presupuesto "
                     "anexo."), ("Duración", "El contrato rige desde el {eff} hasta el {exp}."),
                    ("Pago", "Los precios se expresan en {cur}, sin IGI. El cliente pagará cada factura "
                     "{terms}."), ("Jurisdicción", "Las partes se someten a los tribunales del Principado de "
                     "Andorra.")],
        "sched_title": "Anexo 1 – Presupuesto", "cols": ("Servicio", "Unidad", "Precio unitario"),
        "boq_cols": ("Cantidad", "Importe"), "sections": ["Capítulo 1. Limpieza", "Capítulo 2. Mantenimiento",
                                                          "Capítulo 3. Exteriores"],
        "subtotal": "Total capítulo", "est_total": "Total presupuesto",
        "pen_head": "Penalizaciones", "pen_intro": "Por cada retraso en la prestación se descontará del precio "
                    "mensual:", "pen_cols": ("Retraso (días)", "Penalización"),
        "sign": ("Por el cliente", "Por el prestador", "Lugar y fecha"),
        "services": [("Limpieza de oficinas", "m²"), ("Limpieza de cristales", "m²"), ("Mantenimiento de "
                     "calderas", "visita"), ("Quitanieves", "servicio"), ("Reparaciones eléctricas", "hora"),
                     ("Jardinería", "hora"), ("Recogida de residuos", "recogida"), ("Control de plagas",
                     "servicio"), ("Revisión de ascensores", "visita")],
        "terms": [("a 30 días", 30), ("a 15 días de la recepción de la factura", 15)],
    },
}  # fmt: skip
_PENALTIES = (("1-5", 2), ("6-15", 5), ("16-30", 10), ("> 30", 20))


def _contract_number20(rng: random.Random, lang: str, year: int) -> str:
    n = rng.randrange(10, 9999)
    return {"hr_AT": f"U-{year}/{n:04d}", "eu_FR": f"K{year}-{n:04d}", "ru_LT": f"{n}/{year % 100}-У",
            "de_HU": f"DLV {year}/{n:04d}", "pl_CZ": f"UM/{n:04d}/{year}", "cs_SK": f"{year}/{n:04d}/S",
            "ro_RS": f"{n}/{year}", "es_AD": f"CS-{year}-{n:03d}"}[lang]  # fmt: skip


@dataclass
class Contract20(Contract2):
    signers: tuple[str, str]
    places: tuple[str, str]
    starts: list[date]  # each rate's valid-from date (validity)
    quantities: list[Decimal]  # each item's estimated quantity (boq)
    sections: list[int]  # the first item of each section (boq)


def sample_contract20(rng: random.Random, fam: Blind20Family) -> Contract20:
    """A contract of ``fam``: parties, dates, terms, its rates and what is printed beside them (the rates'
    validity, a bill's quantities and sections)."""
    text = CONTRACT20[fam.lang]
    buyer = make_party20(rng, fam)
    vendor = make_party20(rng, fam, avoid=buyer.name)
    effective = date(rng.randrange(2024, 2028), rng.randrange(1, 13), 1)
    expiry = date(effective.year + rng.choice([1, 2, 3]), effective.month, 1) - timedelta(days=1)
    mult = Decimal(DESK20[fam.lang][2])
    picks = rng.sample(text["services"], rng.randrange(6, len(text["services"]) + 1))
    rates = [(s, u, _half_up(Decimal(rng.randrange(150, 30000)) / 100 * mult, fam.places)) for s, u in picks]
    starts = [effective if rng.random() < 0.7 else date(effective.year + 1, effective.month, 1) for _ in rates]
    quantities = [Decimal(rng.choice([4, 10, 12, 24, 50, 120, 250, 800, 1500])) for _ in rates]
    cut = sorted(rng.sample(range(1, len(rates)), 2))
    people = rng.sample(PEOPLE20[fam.lang], 2)
    return Contract20(_contract_number20(rng, fam.lang, effective.year), effective, expiry, None, buyer, vendor,
                      rng.choice(text["terms"]), rates, (people[0], people[1]),
                      (town_of(buyer.city), town_of(vendor.city)), starts, quantities,
                      [0, *cut])  # fmt: skip


def town_of(city: str) -> str:
    """The town of an address's town line (its post code left out)."""
    return " ".join(w for w in city.split() if not any(ch.isdigit() for ch in w))


class Contract20Writer(Sheet12):
    """One contract of a set-20 family: a double frame round each page or margin line numbers, the clauses, the
    schedule (a bill of quantities, or rates with their validity), the delay penalties and the signatures."""

    def __init__(self, rng: random.Random, fam: Blind20Family, model: Contract20) -> None:
        self.model, self.text = model, CONTRACT20[fam.lang]
        self.numbered = fam.header == "marginnos"
        self.line_no = 0
        super().__init__(rng, fam)

    def decorate(self, page: Any) -> None:
        """Pleading paper: a red rule down the left margin of every page, the line numbers left of it. A framed
        contract: a double rule round every page (a heavy outer, a fine inner)."""
        if self.numbered:
            page.line(self.M - 8, 40, self.M - 8, self.H - 50, 0.6, (0.7, 0.3, 0.3))
        if self.fam.header == "framed":
            page.rect(22, 22, self.W - 44, self.H - 44, stroke=(0.2, 0.2, 0.3), line_width=1.6)
            page.rect(27, 27, self.W - 54, self.H - 54, stroke=(0.2, 0.2, 0.3), line_width=0.4)

    def day(self, value: date) -> str:
        return format_day20(value, self.fam.dates, self.fam.lang)

    def money(self, value: Decimal) -> str:
        return format_num13(value, self.fam.numbers, self.fam.places)

    def room(self, h: float) -> None:
        if self.y + h > self.H - 70:
            self.new_page()
            self.y = 56

    def values(self) -> dict[str, tuple[str, str | None]]:
        m = self.model
        return {"buyer": (m.buyer.name, None), "vendor": (m.vendor.name, None),  # labelled in the parties' blocks
                "eff": (self.day(m.effective), "effective_date"), "exp": (self.day(m.expiry), "expiry_date"),
                "cur": (self.fam.currency, "currency"), "terms": (m.terms[0], "payment_terms"),
                "num": (m.number, "contract_number")}  # fmt: skip

    def para(self, template: str, values: Mapping[str, Any], size: float = 9.0, bold: bool = False) -> None:
        """A paragraph: ``template``'s words with the tagged values, wrapped, over pages; on pleading paper every
        fifth line of the contract numbered in the margin."""
        face = self.fonts.bold if bold else self.fonts.regular
        space, x0, span = width(" ", face, size), self.M, self.W - 2 * self.M
        x = x0
        self.y += size
        self.margin_no(size)
        for word, ent in flow_tokens(template, values, None):
            ww = width(word, face, size)
            if x > x0 and x + ww > x0 + span:
                x = x0
                self.y += size * 1.45
                if self.y > self.H - 70:
                    self.new_page()
                    self.y = 56 + size
                self.margin_no(size)
            self.page.text(x, self.y, word, face, size, entity=ent)
            x += ww + space
        self.y += size * 0.45 + 4

    def margin_no(self, size: float) -> None:
        if not self.numbered:
            return
        self.line_no += 1
        if self.line_no % 5 == 0:
            self.page.text(self.M - 14, self.y, str(self.line_no), self.fonts.regular, 6.5, align="right",
                           color=_GREY)  # fmt: skip

    def heading(self, text: str) -> None:
        self.room(50)
        self.para(text, {}, 10, bold=True)

    def party(self, x: float, y: float, role: str, p: BlindParty, caption: str) -> None:
        self.t(x, y, caption, 8, color=_GREY)
        self.t(x, y + 13, p.name, 9.5, bold=True, ent=self.ent(f"{role}_name"))
        self.t(x, y + 25, p.street, 8.5)
        self.t(x, y + 36, p.city, 8.5)
        used = self.t(x, y + 47, f"{p.tax_label}:", 8.5)
        self.t(x + used + 4, y + 47, str(p.tax_id), 8.5, ent=self.ent(f"{role}_tax_id"))

    # ------------------------------------------------------------ papers

    def head(self) -> None:
        """The title, the number and the parties (names and tax ids)."""
        text, m, M, W = self.text, self.model, self.M, self.W
        top = 74.0 if self.fam.header == "framed" else 62.0
        self.t(W / 2, top, text["title"], 14, bold=True, align="center")
        cap = f"{text['number']}:"
        total = width(cap, self.fonts.regular, 9.5) + 4 + width(m.number, self.fonts.regular, 9.5)
        x = W / 2 - total / 2
        x += self.t(x, top + 18, cap, 9.5) + 4
        self.t(x, top + 18, m.number, 9.5, ent=self.ent("contract_number"))
        self.y = top + 28
        half = (W - 2 * M) / 2
        for k, (p, role) in enumerate(((m.buyer, "buyer"), (m.vendor, "vendor"))):
            self.party(M + k * half, self.y + 20, role, p, text["roles"][k])
        self.y += 86

    # ------------------------------------------------------------ schedules

    def row(self, cells: list[tuple[str, Entity | None, str]], shares: list[float], fill: _RGB | None = None,
            bold: bool = False) -> None:  # fmt: skip
        x, span, h = self.M, self.W - 2 * self.M, 16.0
        face = self.fonts.bold if bold else self.fonts.regular
        for (value, ent, align), share in zip(cells, shares, strict=True):
            cw = share * span
            self.page.rect(x, self.y, cw, h, line_width=0.4, fill=fill)
            size = 8.0 if width(value, face, 8.0) < cw - 8 else 6.8
            self.page.text(x + cw - 4 if align == "right" else x + 4, self.y + 11, value, face, size, entity=ent,
                           align=align, row=ent.row if ent else None)  # fmt: skip
            x += cw
        self.y += h

    def sched_validity(self) -> None:
        """The rates with the dates each is valid from and to (the dates printed, not labelled)."""
        text, m = self.text, self.model
        self.heading(text["sched_title"])
        shares = [0.36, 0.14, 0.16, 0.17, 0.17]
        cols = text["cols"]
        head = [(cols[0], None, "left"), (cols[1], None, "left"), (f"{cols[2]} ({self.fam.currency})", None,
                "right"), (text["from"], None, "left"), (text["to"], None, "left")]  # fmt: skip
        self.row(head, shares, (0.88, 0.88, 0.88), bold=True)  # type: ignore[arg-type]
        for i, (service, unit, rate) in enumerate(m.rates):
            if self.y + 16 > self.H - 70:
                self.new_page()
                self.y = 56
                self.row(head, shares, (0.88, 0.88, 0.88), bold=True)  # type: ignore[arg-type]
            self.row([(service, self.ent("description", i), "left"), (unit, self.ent("unit", i), "left"),
                      (self.money(rate), self.ent("unit_price", i), "right"), (self.day(m.starts[i]), None, "left"),
                      (self.day(m.expiry), None, "left")], shares)  # fmt: skip
        self.y += 12

    def sched_boq(self) -> None:
        """A bill of quantities: sections of items (quantity x rate = amount), a subtotal under each section and
        the estimate's total (quantities, amounts, subtotals and total printed, not labelled)."""
        text, m = self.text, self.model
        self.heading(text["sched_title"])
        shares = [0.06, 0.34, 0.11, 0.13, 0.17, 0.19]
        cols, boq = text["cols"], text["boq_cols"]
        head = [("#", None, "left"), (cols[0], None, "left"), (cols[1], None, "left"), (boq[0], None, "right"),
                (f"{cols[2]} ({self.fam.currency})", None, "right"), (boq[1], None, "right")]  # fmt: skip
        self.row(head, shares, (0.88, 0.88, 0.88), bold=True)  # type: ignore[arg-type]
        bounds = [*m.sections, len(m.rates)]
        grand = Decimal(0)
        for s, (start, end) in enumerate(zip(bounds, bounds[1:], strict=False)):
            self.room(40)
            self.row([("", None, "left"), (text["sections"][s], None, "left"), ("", None, "left"),
                      ("", None, "left"), ("", None, "left"), ("", None, "left")], shares, (0.95, 0.95, 0.95),
                     bold=True)  # fmt: skip
            sub = Decimal(0)
            for i in range(start, end):
                service, unit, rate = m.rates[i]
                amount = _half_up(m.quantities[i] * rate, self.fam.places)
                sub += amount
                self.room(18)
                self.row([(f"{s + 1}.{i - start + 1}", None, "left"), (service, self.ent("description", i), "left"),
                          (unit, self.ent("unit", i), "left"), (format_qty13(m.quantities[i], self.fam.numbers),
                          None, "right"), (self.money(rate), self.ent("unit_price", i), "right"),
                          (self.money(amount), None, "right")], shares)  # fmt: skip
            grand += sub
            self.row([("", None, "left"), (f"{text['subtotal']} {s + 1}", None, "left"), ("", None, "left"),
                      ("", None, "left"), ("", None, "left"), (self.money(sub), None, "right")], shares,
                     bold=True)  # fmt: skip
        self.room(20)
        self.row([("", None, "left"), (text["est_total"], None, "left"), ("", None, "left"), ("", None, "left"),
                  (self.fam.currency, None, "right"), (self.money(grand), None, "right")], shares,
                 (0.88, 0.88, 0.88), bold=True)  # fmt: skip
        self.y += 12

    def penalties(self) -> None:
        """The delay penalties: days late -> a share of the month's price (not labelled)."""
        text = self.text
        self.heading(text["pen_head"])
        self.para(text["pen_intro"], {}, 9)
        shares = [0.3, 0.2]
        cols = [(text["pen_cols"][0], None, "left"), (text["pen_cols"][1], None, "right")]
        self.row(cols, shares, (0.9, 0.9, 0.9), bold=True)  # type: ignore[arg-type]
        for days, pct in _PENALTIES:
            self.row([(days, None, "left"), (f"{pct} %", None, "right")], shares)
        self.y += 10

    def signatures(self) -> None:
        text, m = self.text, self.model
        self.room(100)
        self.y += 14
        half = (self.W - 2 * self.M) / 2
        for k in range(2):
            x = self.M + k * half
            self.t(x, self.y, text["sign"][k], 9, bold=True)
            self.t(x, self.y + 16, f"{text['sign'][2]}: {m.places[k]}", 8.5)
            pts = [(x + 10 + 7 * j, self.y + 46 + self.rng.uniform(-5, 5)) for j in range(13)]
            self.page.path(pts, 0.8, (0.1, 0.15, 0.5))
            self.page.line(x, self.y + 54, x + half - 30, self.y + 54, 0.5)
            self.t(x, self.y + 66, m.signers[k], 8.5)
        self.y += 80

    def write(self) -> None:
        self.head()
        values = self.values()
        for k, (head, template) in enumerate(self.text["clauses"], start=1):
            self.heading(f"{k}. {head}")
            self.para(template, values, 9)
        if "penalties" in self.fam.extras:
            self.penalties()
        self.signatures()
        getattr(self, f"sched_{self.fam.table}")()
        self.page_numbers(self.text["page"])


def make_blind20_contract(seed: int, fam: Blind20Family, doc_id: str | None = None) -> GeneratedDoc:
    doc = make_set_contract(seed, fam, doc_id, set_no=20, sample=sample_contract20, writer_of=Contract20Writer)
    doc.label["features"]["numbers"] = fam.numbers
    doc.label["features"]["rules"] = sorted(fam.extras)
    return doc


# ---------------------------------------------------------------- scans

SCAN_CONDITIONS = ("curl", "recopy")


def _curl(img: Image.Image, rng: random.Random) -> Image.Image:
    """The page's right edge curled up off the glass: the last strip of the page squeezed towards the edge (as the
    bend foreshortens it), darkening into a shadow, a thin bright rim where the curl catches the lamp."""
    page = np.asarray(img.convert("RGB"), dtype=np.float32)
    h, w = page.shape[:2]
    start = int(w * rng.uniform(0.8, 0.88))
    strip = w - start
    xs = np.arange(strip, dtype=np.float32) / strip  # 0 at the bend, 1 at the edge
    src = start + (np.sin(xs * np.pi / 2) * 1.25 * strip).clip(0, strip - 1)  # foreshortened: read further on
    out = page.copy()
    out[:, start:] = page[:, src.astype(int)]
    shade = (1 - 0.55 * xs**2)[None, :, None]
    out[:, start:] = out[:, start:] * shade + np.array([60, 60, 66], dtype=np.float32) * (1 - shade) * 0.4
    rim = max(1, w // 300)
    out[:, w - rim :] = 235
    return Image.fromarray(out.clip(0, 255).astype(np.uint8)).filter(ImageFilter.GaussianBlur(0.3 * w / 620))


def _recopy(img: Image.Image, rng: random.Random) -> Image.Image:
    """A photocopy of a photocopy: the contrast pushed up, toner dropout (pale patches where the dark strokes
    thin out), grey speckle over the page and a grey rim where the copier's lid was not closed."""
    page = np.asarray(img.convert("L"), dtype=np.float32)
    h, w = page.shape
    nrng = np.random.default_rng(rng.randrange(1 << 30))
    out = np.where(page < 150, page * 0.55, np.minimum(255, page * 1.04))
    patches = nrng.random((max(1, h // 40), max(1, w // 40)))
    big = np.asarray(Image.fromarray((patches * 255).astype(np.uint8)).resize((w, h), Image.Resampling.BILINEAR))
    dropout = (big.astype(np.float32) / 255) > 0.72
    out = np.where(dropout & (out < 150), out + 95, out)
    speckle = nrng.random((h, w)) < 0.004
    out = np.where(speckle, nrng.uniform(60, 170, (h, w)), out)
    rim = int(w * 0.012)
    out[:, :rim] = np.minimum(out[:, :rim], 120)
    out[:rim, :] = np.minimum(out[:rim, :], 140)
    return Image.fromarray(out.clip(0, 255).astype(np.uint8)).convert("RGB")


_OWN20 = {"curl": _curl, "recopy": _recopy}


# this set's own conditions; the earlier sets' through ``blind19.condition19``
condition20 = chain_conditions(_OWN20, condition19)


# ---------------------------------------------------------------- data sets


def make_blind20(seed: int, fam: Blind20Family, doc_id: str | None = None) -> GeneratedDoc:
    return (make_blind20_po if fam.kind == "po" else make_blind20_contract)(seed, fam, doc_id)


def generate_blind20(n: int, out: Path, seed: int, scanned_share: float = 0.0, split: str = "all") -> list[Path]:
    """``n`` documents of the ``split``'s families (in turn, each with its own seed), written with their labels to
    ``out``. A scanned document gets its family's own scan condition or, one time in three, the factory's plain
    scan."""
    return write_blind_set(n, out, seed, scanned_share, split, blind20_families(split), make_blind20, set_no=20,
                           salt=0xB120, conditioner=condition20)  # fmt: skip
