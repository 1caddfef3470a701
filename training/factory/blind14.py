"""The fourteenth blind set: purchase orders and contracts written without looking at the extractor, for measuring it.

Sets 1-13 printed Europe but for a few corners, the Caucasus and Central Asia, the Americas' big and middle economies
and much of the Caribbean, East, South and South-East Asia, most of Africa's big economies and the Gulf's Oman, Jordan,
the UAE, Kuwait, Bahrain and Qatar; this set goes to 24 desks none printed: Russia in Russian (its ИНН with its check
digit from python-stdnum), China in English (its unified social credit code, stdnum's check character), Guinea in
French (its NIFp, stdnum's Luhn check), Mali, Burkina Faso, Togo and Djibouti in French (CFA and Djibouti francs
without decimals), Suriname in Dutch, Angola and Timor-Leste in Portuguese, Brunei in Malay, Tonga, Ethiopia,
Malawi, Guyana and the Seychelles in English; contracts from Saudi Arabia, Hong Kong and Lesotho in English, New
Caledonia, Vanuatu and Burundi in French (the CFP franc, the vatu and the Burundi franc without decimals), Macau in
Portuguese and Greenland in Danish (its CVR number with stdnum's check digit). Dates in words are Babel's long format
for the document's locale ('5 марта 2026 г.', '5 Mac 2026', '5 de março de 2026', '5. marts 2026'); money has the
currency's own places from Babel; two tax rates with decimals (Malawi's 16.5 %, Timor-Leste's 2.5 % sales tax) and
one of none (Brunei). The other tax ids (Mali's NIF, Burkina's IFU, Togo's NIF, Djibouti's NIF, Suriname's FIN,
Angola's NIF, Timor-Leste's TIN, Brunei's registration number, Tonga's TIN, Ethiopia's TIN, Malawi's TPIN,
Guyana's TIN, the Seychelles' TIN, Saudi Arabia's VAT number, Hong Kong's BR number, Lesotho's TIN, New Caledonia's
RIDET, Vanuatu's TIN, Burundi's NIF, Macau's taxpayer number) are drawn in their printed shape.

Papers no set drew: a DOS-era print whose table is ruled with box-drawing characters (┌─┬─┐ │ ├─┼─┤ └─┴─┘) in a
monospaced face, the header as 'caption: value' lines between rules of equals signs and the total repeated in a
closing sentence ('Всего наименований 5, на сумму ...'); a fax transmission strip across the top of every page
carrying the fax's own date, time, numbers, job number and page (distractors); an A5 order-book leaf with its serial
number printed in red by a numbering machine (that serial is the order number) and 'DUPLICATE' over it; the order's
facts in one run-on paragraph ('Par la présente, nous vous commandons, sous la référence ... du ..., payables ...');
the order's summary (subtotal, tax, total) in a box at the head, before the items, and nothing under the table but a
signature. Tables: a dark header band with white captions and each row's number in a circle; a pharmacy
distributor's free bonus units beside the charged quantity ('10 + 2', 'Qté + UG'); kits whose components are listed
under the kit in grey without prices; a revised order whose changed quantities and prices show the superseded value
struck through beside the new one, with a cancelled row struck through whole. Contracts: a letter of award (the
buyer's letterhead, 'Ref.', the awarded rates, the contractor's acceptance block to sign and return), a contract on
numbered-line paper (every line of every page numbered in the left margin), an amendment whose rate schedule is a
redline (old rate struck through in red, new rate underlined in blue), rates whose cells carry note markers keyed to
notes under the table, and rates in prose with the amount in words first ('la somme de quarante-cinq mille francs CFP
(45 000 XPF) par jour'). Scans: three conditions of this set's own (a scanner lid left open: a dark surround; a thumb
holding the page at its edge; an automatic feeder's roller marks repeated down the page) and the earlier sets'
through their public functions (``blind13.condition13``).

The labels are the other sets' (``blind.blind_po_doc``, ``blind2.blind_contract_doc``): a line's ``unit_price`` is
the price as printed, its ``amount`` quantity x price rounded half up to the currency's places. As an accounts-payable
clerk keys them: a bonus line's ``quantity`` is the charged quantity (the free units are printed, not labelled); a
kit is one line (its components are printed, not labelled); a revised line carries the new quantity and price (the
struck-through values and the cancelled row are printed, not labelled). The lines sum to the subtotal; the tax is
the subtotal x rate rounded half up; total = subtotal + tax. Line numbers, fax strips, revision notes, the repeated
total in words or figures, the amounts in words and the notes under rates are printed but not labelled. A
contract's label lines are its rates (description, unit, rate); an amendment's are its new rates. The families are
split once into a ``dev`` and a ``test`` half (``BLIND14_SPLITS``: ``split_by_kind`` with ``SPLIT_SEED``).
``ledgerlens data blind --set 14`` writes them. Written without opening the extractor's code, its results or its
benchmarks, and without running it.
"""

from __future__ import annotations

import math
import random
from collections.abc import Callable
from dataclasses import dataclass
from datetime import date, timedelta
from decimal import ROUND_HALF_UP, Decimal
from pathlib import Path
from typing import Any, cast

import numpy as np
from dateutil.relativedelta import relativedelta
from PIL import Image, ImageFilter
from stdnum import get_cc_module

from training.factory.blind import BlindParty, BlindPO
from training.factory.blind2 import Contract2, write_blind_set
from training.factory.blind3 import split_by_kind
from training.factory.blind12 import Order12, Sheet12, french_words
from training.factory.blind13 import (
    CONTRACT13,
    Blind13Family,
    Contract13Writer,
    PO13Writer,
    condition13,
    format_day13,
    format_qty13,
)
from training.factory.blindkit import (
    chain_conditions,
    country_party,
    draw_valid,
    make_set_contract,
    make_set_po,
    scheme_tax_id,
    scheme_tax_id_valid,
    split_families,
)
from training.factory.blindkit import digits as _digits
from training.factory.blindkit import shape as _shape
from training.factory.common import GeneratedDoc, family_id
from training.factory.layout import DESCENT, Entity, Fonts, font, width, wrap
from training.factory.po import POLine

# ---------------------------------------------------------------- families


@dataclass(frozen=True)
class Blind14Family(Blind13Family):
    """A set-14 family: set 13's fields (``lang`` its locale, Babel's where Babel knows it). ``header``: mono | fax
    | runon | orderbook | totalsfirst (orders); award | linenum | clauses (contracts). ``table`` (orders): boxdraw |
    circled | bonus | kits | struck | std; (contracts) the schedule: table | words | redline | notes. ``numbers``: a
    style of ``values.NUMBER_STYLES``. ``extras``: term (a contract's expiry is a duration)."""

    @property
    def family(self) -> str:
        return family_id(f"{self.kind}-blind14", {"name": self.name})


def _x(*names: str) -> frozenset[str]:
    return frozenset(names)


F = Blind14Family
FAMILIES: list[Blind14Family] = [
    F("zakaz-postavshchiku-psevdografika-ru", "po", "ru_RU", "RU", "RUB", "mono", "boxdraw", "fr", "dejavu-sans",
      "lidopen", lines=(4, 70)),
    F("purchase-order-fax-strip-cn", "po", "en_CN", "CN", "CNY", "fax", "circled", "en", "nimbus-sans", "thumb"),
    F("bon-de-commande-paragraphe-gn", "po", "fr_GN", "GN", "GNF", "runon", "bonus", "fr", "dejavu-serif",
      "rollers"),
    F("carnet-de-commandes-a5-ml", "po", "fr_ML", "ML", "XOF", "orderbook", "std", "fr", "nimbus-sans-narrow",
      "lidopen", lines=(2, 20)),
    F("bon-de-commande-recapitulatif-bf", "po", "fr_BF", "BF", "XOF", "totalsfirst", "kits", "fr", "dejavu-sans",
      "tidemark"),
    F("bon-de-commande-revise-fax-tg", "po", "fr_TG", "TG", "XOF", "fax", "struck", "fr", "p052", "ghost"),
    F("inkooporder-bonus-sr", "po", "nl_SR", "SR", "SRD", "totalsfirst", "bonus", "de", "c059", "thumb"),
    F("nota-de-encomenda-a5-ao", "po", "pt_AO", "AO", "AOA", "orderbook", "struck", "fr", "dejavu-sans-condensed",
      "rollers", lines=(2, 12)),
    F("ordem-de-compra-conjuntos-tl", "po", "pt_TL", "TL", "USD", "runon", "kits", "de", "nimbus-roman", "carbon"),
    F("pesanan-belian-faks-bn", "po", "ms_BN", "BN", "BND", "fax", "circled", "en", "urw-gothic", "lidopen"),
    F("purchase-order-summary-first-to", "po", "en_TO", "TO", "TOP", "totalsfirst", "circled", "en", "nimbus-sans",
      "ghost"),
    F("purchase-order-box-drawing-et", "po", "en_ET", "ET", "ETB", "mono", "boxdraw", "en", "dejavu-sans", "rollers",
      lines=(2, 30)),
    F("local-purchase-order-a5-bonus-mw", "po", "en_MW", "MW", "MWK", "orderbook", "bonus", "en", "dejavu-serif",
      "thumb", lines=(2, 12)),
    F("purchase-order-kits-fax-gy", "po", "en_GY", "GY", "GYD", "fax", "kits", "en", "c059", "tidemark"),
    F("purchase-order-revision-sc", "po", "en_SC", "SC", "SCR", "runon", "struck", "en", "p052", "lidopen"),
    F("bon-de-commande-synthese-dj", "po", "fr_DJ", "DJ", "DJF", "totalsfirst", "std", "fr", "dejavu-sans",
      "crumple"),
    F("letter-of-award-sa", "contract", "en_SA", "SA", "SAR", "award", "table", "en", "nimbus-sans", "lidopen",
      extras=_x("term")),
    F("contrat-lignes-numerotees-nc", "contract", "fr_NC", "NC", "XPF", "linenum", "words", "fr", "nimbus-roman",
      "rollers"),
    F("avenant-tarifs-barres-vu", "contract", "fr_VU", "VU", "VUV", "clauses", "redline", "fr", "dejavu-serif",
      "thumb"),
    F("tjenesteaftale-noter-gl", "contract", "da_GL", "GL", "DKK", "linenum", "notes", "de", "dejavu-sans",
      "ghost", extras=_x("term")),
    F("letter-of-award-notes-hk", "contract", "en_HK", "HK", "HKD", "award", "notes", "en", "p052", "thumb"),
    F("aditamento-tarifas-riscadas-mo", "contract", "pt_MO", "MO", "MOP", "clauses", "redline", "en", "c059",
      "lidopen", extras=_x("term")),
    F("lettre-attribution-bi", "contract", "fr_BI", "BI", "BIF", "award", "words", "fr", "dejavu-sans-condensed",
      "tidemark"),
    F("services-agreement-numbered-lines-ls", "contract", "en_LS", "LS", "LSL", "linenum", "table", "en",
      "nimbus-sans-narrow", "rollers"),
]  # fmt: skip
BY_NAME = {f.name: f for f in FAMILIES}
# The split: within each kind, the family names sorted, shuffled with random.Random(SPLIT_SEED), the first half
# (rounded up) to dev. Fixed once, before any document of the set was generated.
SPLIT_SEED = 1414
BLIND14_SPLITS: dict[str, list[str]] = split_by_kind(FAMILIES, SPLIT_SEED)  # type: ignore[arg-type]


def blind14_families(split: str = "all") -> list[Blind14Family]:
    return split_families(BLIND14_SPLITS, BY_NAME, split)


def _half_up(value: Decimal, places: int) -> Decimal:
    return value.quantize(Decimal(1).scaleb(-places), rounding=ROUND_HALF_UP)


# ---------------------------------------------------------------- tax ids


def _stdnum(country: str, name: str) -> Callable[[str], bool]:
    """python-stdnum's check of a country's scheme."""
    check = getattr(get_cc_module(country, name), "is_valid", None)
    assert check is not None, (country, name)
    return cast(Callable[[str], bool], check)


_USCC_ALPHABET = "0123456789ABCDEFGHJKLMNPQRTUWXY"


def _uscc(rng: random.Random) -> str:
    """China's unified social credit code: '91' (an enterprise), a region, an organisation code, a check character
    (weights 3^k mod 31, as python-stdnum computes it)."""
    body = "91" + rng.choice(["310000", "440300", "110108", "320500", "330100"]) + _digits(rng, 8)
    body += rng.choice(_USCC_ALPHABET[:10] + "X")
    weights = [pow(3, k, 31) for k in range(17)]
    total = sum(_USCC_ALPHABET.index(c) * w for c, w in zip(body, weights, strict=True))
    return body + _USCC_ALPHABET[(31 - total) % 31]


# country -> (caption, a draw of the printed id, the check of its printed id)
TAX_SCHEMES14: dict[str, tuple[str, Callable[[random.Random], str], Callable[[str], bool]]] = {
    "RU": ("ИНН", lambda r: draw_valid(lambda: r.choice(["77", "78", "50", "66", "16"]) + _digits(r, 8),
                                        _stdnum("ru", "inn")), _stdnum("ru", "inn")),
    "CN": ("USCC", _uscc, _stdnum("cn", "uscc")),
    "GN": ("NIF", lambda r: draw_valid(lambda: r.choice("123456789") + _digits(r, 8), _stdnum("gn", "nifp")),
           _stdnum("gn", "nifp")),
    "ML": ("NIF", lambda r: "08" + _digits(r, 7) + r.choice("ABCDEFGHJKLMNPRSTVWXYZ"), _shape(r"08\d{7}[A-Z]")),
    "BF": ("IFU", lambda r: "000" + _digits(r, 5) + r.choice("ABCDEFGHJKLMNPRSTVWXYZ"), _shape(r"000\d{5}[A-Z]")),
    "TG": ("NIF", lambda r: "1000" + _digits(r, 6), _shape(r"1000\d{6}")),
    "SR": ("FIN", lambda r: "4" + _digits(r, 9), _shape(r"4\d{9}")),
    "AO": ("NIF", lambda r: "54" + _digits(r, 8), _shape(r"54\d{8}")),
    "TL": ("TIN", lambda r: "1" + _digits(r, 6), _shape(r"1\d{6}")),
    "BN": ("No. Pendaftaran", lambda r: "RC" + _digits(r, 8), _shape(r"RC\d{8}")),
    "TO": ("TIN", lambda r: "2" + _digits(r, 8), _shape(r"2\d{8}")),
    "ET": ("TIN", lambda r: "00" + _digits(r, 8), _shape(r"00\d{8}")),
    "MW": ("TPIN", lambda r: r.choice("123457") + _digits(r, 7), _shape(r"[1-57]\d{7}")),
    "GY": ("TIN", lambda r: "0101" + _digits(r, 5), _shape(r"0101\d{5}")),
    "SC": ("TIN", lambda r: "7" + _digits(r, 8), _shape(r"7\d{8}")),
    "DJ": ("NIF", lambda r: "3" + _digits(r, 8), _shape(r"3\d{8}")),
    "SA": ("VAT No.", lambda r: "3" + _digits(r, 13) + "3", _shape(r"3\d{13}3")),
    "NC": ("RIDET", lambda r: _digits(r, 7) + "." + _digits(r, 3), _shape(r"\d{7}\.\d{3}")),
    "VU": ("TIN", lambda r: "2" + _digits(r, 5), _shape(r"2\d{5}")),
    "GL": ("CVR-nr.", lambda r: draw_valid(lambda: r.choice("123456789") + _digits(r, 7), _stdnum("dk", "cvr")),
           _stdnum("dk", "cvr")),
    "HK": ("BR No.", lambda r: r.choice("3456789") + _digits(r, 7), _shape(r"[3-9]\d{7}")),
    "MO": ("N.º de contribuinte", lambda r: r.choice("78") + _digits(r, 7), _shape(r"[78]\d{7}")),
    "BI": ("NIF", lambda r: "400" + _digits(r, 7), _shape(r"400\d{7}")),
    "LS": ("TIN", lambda r: "20" + _digits(r, 7), _shape(r"20\d{7}")),
}  # fmt: skip


def tax_id_valid14(country: str, value: str) -> bool:
    """``value`` (without spaces) passes its scheme's check (python-stdnum's where there is one) or has its printed
    shape."""
    return scheme_tax_id_valid(TAX_SCHEMES14, country, value)


def tax_id14(rng: random.Random, country: str) -> str:
    """A tax id of ``country``'s scheme, drawn in its printed shape (and with its check digits)."""
    return scheme_tax_id(TAX_SCHEMES14, rng, country)


TAX_RATES14 = {"RU": "20", "CN": "13", "GN": "18", "ML": "18", "BF": "18", "TG": "18", "SR": "10", "AO": "14",
               "TL": "2.5", "BN": "0", "TO": "15", "ET": "15", "MW": "16.5", "GY": "14", "SC": "15",
               "DJ": "10"}  # fmt: skip
DATE_STYLES14 = {"RU": ("dmy_dot", "long"), "CN": ("ymd_slash", "long"), "GN": ("dmy_slash", "long"),
                 "ML": ("dmy_slash",), "BF": ("dmy_slash", "long"), "TG": ("dmy_slash", "long"),
                 "SR": ("dmy_dash", "long"), "AO": ("dmy_slash", "long"), "TL": ("dmy_slash", "long"),
                 "BN": ("dmy_slash", "long"), "TO": ("dmy_slash", "long"), "ET": ("dmy_slash", "dmony"),
                 "MW": ("dmy_slash", "long"), "GY": ("dmy_slash", "dmony"), "SC": ("dmy_slash", "long"),
                 "DJ": ("dmy_slash", "long")}  # fmt: skip
# a currency's prices against the euro's (so that an item costs about as much everywhere)
_PRICE_SCALE14 = {"RUB": "95", "CNY": "7.8", "GNF": "9400", "XOF": "656", "SRD": "38", "AOA": "1000", "USD": "1.1",
                  "BND": "1.45", "TOP": "2.6", "ETB": "150", "MWK": "1900", "GYD": "230", "SCR": "15.5",
                  "DJF": "195", "SAR": "4.1", "XPF": "119", "VUV": "130", "DKK": "7.46", "HKD": "8.5", "MOP": "8.8",
                  "BIF": "3200", "LSL": "20"}  # fmt: skip

# ---------------------------------------------------------------- parties

# country -> (stems, trades, legal forms, how a name is written)
PARTIES14: dict[str, tuple[list[str], list[str], list[str], str]] = {
    "RU": (["Волга", "Урал", "Сибирь", "Ладога"], ["Снаб", "Торг", "Строй"], ["ООО", "АО"],
           "{form} «{stem}{trade}»"),
    "CN": (["Huangpu", "Pearl River", "Jiangnan", "Taihu"], ["Industrial", "Electronics", "Trading"],
           ["Co., Ltd.", "Technology Co., Ltd."], "{stem} {trade} {form}"),
    "GN": (["Fouta", "Kaloum", "Simandou", "Niger"], ["Distribution", "Pharma", "Équipements"], ["SARLU", "SA"],
           "{trade} {stem} {form}"),
    "ML": (["Djoliba", "Bandiagara", "Sikasso", "Kayes"], ["Commerce", "Fournitures", "Bâtiment"], ["SARL", "SA"],
           "{trade} {stem} {form}"),
    "BF": (["Faso", "Sahel", "Mouhoun", "Yatenga"], ["Services", "Équipements", "Distribution"], ["SARL", "SA"],
           "{stem} {trade} {form}"),
    "TG": (["Lomé Port", "Kara", "Mono", "Atakpamé"], ["Négoce", "Industries", "Matériaux"], ["SARL", "SA"],
           "{stem} {trade} {form}"),
    "SR": (["Marowijne", "Paramaribo", "Saramacca", "Commewijne"], ["Handel", "Techniek", "Groothandel"], ["N.V.",
           "B.V."], "{stem} {trade} {form}"),
    "AO": (["Kwanza", "Benguela", "Huambo", "Cuanza"], ["Comércio", "Serviços", "Construções"], ["Lda.", "S.A."],
           "{stem} {trade}, {form}"),
    "TL": (["Ramelau", "Baucau", "Atauro", "Maliana"], ["Comércio", "Fornecimentos", "Engenharia"], ["Lda.",
           "Unipessoal, Lda."], "{stem} {trade} {form}"),
    "BN": (["Seria", "Temburong", "Kianggeh", "Tutong"], ["Perniagaan", "Enterprise", "Kejuruteraan"],
           ["Sdn Bhd", "Sdn. Bhd."], "{stem} {trade} {form}"),
    "TO": (["Nuku'alofa", "Vava'u", "Ha'apai", "Eua"], ["Hardware", "Trading", "Builders"], ["Ltd", "Limited"],
           "{stem} {trade} {form}"),
    "ET": (["Abay", "Entoto", "Awash", "Semien"], ["Trading", "Engineering", "Import & Export"], ["PLC", "S.C."],
           "{stem} {trade} {form}"),
    "MW": (["Zomba", "Shire", "Nyika", "Chilumba"], ["Pharmaceuticals", "Distributors", "Agro Supplies"],
           ["Limited", "Ltd"], "{stem} {trade} {form}"),
    "GY": (["Demerara", "Essequibo", "Berbice", "Kaieteur"], ["Hardware", "Industrial Supplies", "Trading"],
           ["Inc.", "Limited"], "{stem} {trade} {form}"),
    "SC": (["Mahé", "Praslin", "La Digue", "Anse Royale"], ["Trading", "Marine", "Supplies"], ["(Pty) Ltd",
           "Limited"], "{stem} {trade} {form}"),
    "DJ": (["Tadjourah", "Obock", "Arta", "Ali Sabieh"], ["Logistique", "Commerce", "Services"], ["SARL", "SA"],
           "{trade} {stem} {form}"),
    "SA": (["Al Nakheel", "Najd", "Red Sea", "Al Hijaz"], ["Contracting", "Facilities Services", "Engineering"],
           ["Co.", "Trading Co. Ltd."], "{stem} {trade} {form}"),
    "NC": (["Nouméa", "Koné", "Lifou", "Bourail"], ["Services", "Maintenance", "Ingénierie"], ["SARL", "SAS"],
           "{trade} {stem} {form}"),
    "VU": (["Port-Vila", "Tanna", "Espiritu Santo", "Efate"], ["Services", "Travaux", "Entretien"], ["Ltd", "SARL"],
           "{stem} {trade} {form}"),
    "GL": (["Nuuk", "Ilulissat", "Sisimiut", "Qaqortoq"], ["Service", "Teknik", "Entreprise"], ["ApS", "A/S"],
           "{stem} {trade} {form}"),
    "HK": (["Kowloon", "Victoria Harbour", "Lantau", "Sha Tin"], ["Facility Services", "Engineering",
           "Property Management"], ["Limited", "Company Limited"], "{stem} {trade} {form}"),
    "MO": (["Taipa", "Coloane", "Penha", "Guia"], ["Serviços", "Engenharia", "Manutenção"], ["Limitada", "S.A."],
           "{trade} {stem}, {form}"),
    "BI": (["Tanganyika", "Rusizi", "Kibira", "Gitega"], ["Services", "Ingénierie", "Entretien"], ["SPRL", "SA"],
           "{trade} {stem} {form}"),
    "LS": (["Maluti", "Thaba Bosiu", "Katse", "Semonkong"], ["Technical Services", "Engineering", "Facilities"],
           ["(Pty) Ltd", "Limited"], "{stem} {trade} {form}"),
}  # fmt: skip
PLACES14: dict[str, list[tuple[str, str, str]]] = {
    "RU": [("г. Москва", "115114", "ул. Летниковская"), ("г. Казань", "420111", "ул. Баумана")],
    "CN": [("Shanghai", "200120", "Century Avenue"), ("Shenzhen", "518057", "Keyuan Road")],
    "GN": [("Conakry", "BP 1520", "Avenue de la République"), ("Kankan", "BP 210", "Route de Siguiri")],
    "ML": [("Bamako", "BP E 1420", "Avenue Modibo Keïta"), ("Ségou", "BP 88", "Route de Markala")],
    "BF": [("Ouagadougou", "01 BP 1520", "Avenue Kwame Nkrumah"), ("Bobo-Dioulasso", "01 BP 440", "Rue Malherbe")],
    "TG": [("Lomé", "BP 3410", "Boulevard du 13 Janvier"), ("Kara", "BP 128", "Route Nationale 1")],
    "SR": [("Paramaribo", "", "Domineestraat"), ("Nieuw Nickerie", "", "Gouverneurstraat")],
    "AO": [("Luanda", "Caixa Postal 1221", "Rua Major Kanhangulo"),
           ("Lobito", "Caixa Postal 310", "Avenida da Independência")],
    "TL": [("Díli", "", "Avenida Presidente Nicolau Lobato"), ("Baucau", "", "Rua de Vila Antiga")],
    "BN": [("Bandar Seri Begawan", "BS8811", "Jalan Sultan"), ("Kuala Belait", "KA1131", "Jalan Bunga Raya")],
    "TO": [("Nuku'alofa", "P.O. Box 1210", "Taufa'ahau Road"), ("Neiafu", "P.O. Box 48", "Fatafehi Road")],
    "ET": [("Addis Ababa", "P.O. Box 2451", "Bole Road"), ("Hawassa", "P.O. Box 310", "Piassa")],
    "MW": [("Lilongwe", "P.O. Box 30112", "Kenyatta Road"), ("Blantyre", "P.O. Box 511", "Victoria Avenue")],
    "GY": [("Georgetown", "", "Water Street"), ("New Amsterdam", "", "Strand")],
    "SC": [("Victoria", "P.O. Box 1210", "Francis Rachel Street"), ("Anse Boileau", "P.O. Box 77", "Main Road")],
    "DJ": [("Djibouti", "BP 2210", "Boulevard de la République"), ("Tadjourah", "BP 17", "Route du Port")],
    "SA": [("Riyadh", "P.O. Box 52110, 11563", "King Fahd Road"), ("Jeddah", "P.O. Box 8620, 21492", "Tahlia Street")],
    "NC": [("Nouméa", "BP 2210 - 98846", "Rue de Sébastopol"), ("Koné", "BP 410 - 98860", "Route de Pouembout")],
    "VU": [("Port-Vila", "BP 1220", "Rue Higginson"), ("Luganville", "BP 310", "Main Street")],
    "GL": [("Nuuk", "3900", "Aqqusinersuaq"), ("Sisimiut", "3911", "Aqqartarfik")],
    "HK": [("Kowloon", "", "Nathan Road"), ("Hong Kong", "", "Queen's Road Central")],
    "MO": [("Macau", "", "Avenida de Almeida Ribeiro"), ("Taipa", "", "Rua de Évora")],
    "BI": [("Bujumbura", "BP 2250", "Boulevard de l'Uprona"), ("Gitega", "BP 110", "Avenue de la Cathédrale")],
    "LS": [("Maseru", "P.O. Box 1120, Maseru 100", "Kingsway"), ("Leribe", "P.O. Box 210", "Main North Road")],
}  # fmt: skip


def make_party14(rng: random.Random, country: str, avoid: str = "") -> BlindParty:
    """A company of ``country``: its name from the country's stems, trades and legal forms, an address, a tax id."""
    return country_party(rng, country, avoid, PARTIES14, PLACES14, TAX_SCHEMES14)


# ---------------------------------------------------------------- order words

_EN = {
    "title": "PURCHASE ORDER", "number": "Order No.", "date": "Order Date", "buyer": "Purchaser",
    "vendor": "Supplier", "terms": "Payment Terms", "currency": "Currency", "code": "Item Code",
    "desc": "Description", "qty": "Qty", "unit": "Unit", "price": "Unit Price", "amount": "Amount",
    "subtotal": "Sub Total", "tax": "VAT", "total": "Total", "ship": "Deliver To", "page": "Page",
    "bonus": "Qty + Bonus", "rev": "Revision {n} of {date}: changed values marked, superseded values struck through",
    "cancelled": "CANCELLED", "summary": "Order Summary", "sign": "Authorised Signatory", "dup": "DUPLICATE",
    "no": "No.", "fax_from": "FROM", "fax_to": "TO", "item": "Item",
    "runon": "Please supply under our order no. {num} of {date} the goods listed below, delivered to {ship}, at the "
             "prices shown in {cur}, payment {terms}; quote our order number on every delivery note and invoice.",
    "to": "To", "items_sum": "Total items: {n}, amounting to {total} {cur}.", "kit": "comprising",
}  # fmt: skip
_FR = {
    **_EN, "title": "BON DE COMMANDE", "number": "N° de commande", "date": "Date", "buyer": "Acheteur",
    "vendor": "Fournisseur", "terms": "Conditions de paiement", "currency": "Devise", "code": "Référence",
    "desc": "Désignation", "qty": "Qté", "unit": "Unité", "price": "Prix unitaire", "amount": "Montant",
    "subtotal": "Total HT", "tax": "TVA", "total": "Total TTC", "ship": "Livrer à", "page": "Page",
    "bonus": "Qté + UG", "rev": "Révision {n} du {date} : valeurs modifiées en regard des valeurs remplacées (barrées)",
    "cancelled": "ANNULÉ", "summary": "Récapitulatif de la commande", "sign": "Signature et cachet",
    "dup": "DUPLICATA", "no": "N°", "fax_from": "DE", "fax_to": "A", "item": "Article",
    "runon": "Par la présente, nous vous commandons, sous la référence {num} du {date}, les articles ci-dessous, "
             "livrables à {ship}, aux prix indiqués en {cur}, payables {terms}. Rappelez notre référence sur vos "
             "bons de livraison et factures.",
    "to": "Destinataire", "items_sum": "Arrêté le présent bon à {n} articles pour un total de {total} {cur}.",
    "kit": "comprenant",
}  # fmt: skip
_PT = {
    **_EN, "title": "NOTA DE ENCOMENDA", "number": "N.º da encomenda", "date": "Data", "buyer": "Comprador",
    "vendor": "Fornecedor", "terms": "Condições de pagamento", "currency": "Moeda", "code": "Código",
    "desc": "Descrição", "qty": "Qtd.", "unit": "Un.", "price": "Preço unit.", "amount": "Valor",
    "subtotal": "Total ilíquido", "tax": "IVA", "total": "Total a pagar", "ship": "Entregar em", "page": "Página",
    "rev": "Revisão {n} de {date}: valores alterados ao lado dos valores substituídos (riscados)",
    "cancelled": "ANULADO", "summary": "Resumo da encomenda", "sign": "Assinatura e carimbo", "dup": "DUPLICADO",
    "no": "N.º", "item": "Artigo",
    "runon": "Pela presente, encomendamos a V. Exas., com a referência {num} de {date}, os artigos abaixo indicados, "
             "a entregar em {ship}, aos preços indicados em {cur}, com pagamento {terms}. Queiram indicar a nossa "
             "referência nas guias de remessa e faturas.",
    "to": "Destinatário", "kit": "composto por",
}  # fmt: skip
PO_WORDS14: dict[str, dict[str, str]] = {
    "RU": {**_EN, "title": "ЗАКАЗ ПОСТАВЩИКУ", "number": "Заказ №", "date": "Дата", "buyer": "Покупатель",
           "vendor": "Поставщик", "terms": "Условия оплаты", "currency": "Валюта", "code": "Артикул",
           "desc": "Товар", "qty": "Кол-во", "unit": "Ед.", "price": "Цена", "amount": "Сумма", "subtotal": "Итого",
           "tax": "НДС", "total": "Всего к оплате", "ship": "Адрес доставки", "page": "Лист", "item": "№", "no": "№",
           "items_sum": "Всего наименований {n}, на сумму {total} {cur}.", "sign": "Ответственный"},
    "CN": {**_EN, "fax_from": "FM", "tax": "VAT"},
    "GN": {**_FR},
    "ML": {**_FR, "tax": "TVA"},
    "BF": {**_FR, "summary": "Synthèse de la commande"},
    "TG": {**_FR},
    "SR": {**_EN, "title": "INKOOPORDER", "number": "Ordernummer", "date": "Orderdatum", "buyer": "Koper",
           "vendor": "Leverancier", "terms": "Betalingsvoorwaarden", "currency": "Valuta", "code": "Artikelnr.",
           "desc": "Omschrijving", "qty": "Aantal", "unit": "Eenheid", "price": "Prijs per eenheid",
           "amount": "Bedrag", "subtotal": "Subtotaal", "tax": "BTW", "total": "Totaal", "ship": "Afleveradres",
           "page": "Pagina", "bonus": "Aantal + gratis", "summary": "Overzicht van de order",
           "sign": "Handtekening", "item": "Nr."},
    "AO": {**_PT, "tax": "IVA"},
    "TL": {**_PT, "title": "ORDEM DE COMPRA", "number": "Ordem n.º", "tax": "Imposto s/ vendas"},
    "BN": {**_EN, "title": "PESANAN BELIAN", "number": "No. Pesanan", "date": "Tarikh", "buyer": "Pembeli",
           "vendor": "Pembekal", "terms": "Syarat Pembayaran", "currency": "Mata Wang", "code": "Kod",
           "desc": "Perihal", "qty": "Kuantiti", "unit": "Unit", "price": "Harga Seunit", "amount": "Jumlah",
           "subtotal": "Jumlah Kecil", "tax": "Cukai", "total": "Jumlah Keseluruhan", "ship": "Hantar ke",
           "page": "Muka surat", "fax_from": "DARI", "fax_to": "KEPADA", "item": "Bil."},
    "TO": {**_EN, "tax": "CT", "summary": "Order Summary"},
    "ET": {**_EN, "title": "PURCHASE ORDER", "number": "P.O. No.",
           "items_sum": "Total items {n}, amount {total} {cur}."},
    "MW": {**_EN, "title": "LOCAL PURCHASE ORDER", "number": "LPO No."},
    "GY": {**_EN},
    "SC": {**_EN},
    "DJ": {**_FR, "summary": "Synthèse de la commande"},
}  # fmt: skip

TERMS14: dict[str, list[tuple[str, int]]] = {
    "RU": [("100% предоплата", 0), ("в течение 10 банковских дней", 10), ("отсрочка 30 дней", 30)],
    "CN": [("T/T 30 days after invoice", 30), ("100% T/T in advance", 0)],
    "GN": [("à 30 jours fin de mois", 30), ("à réception de la facture", 0)],
    "ML": [("à 30 jours", 30), ("au comptant", 0)],
    "BF": [("à 45 jours date de facture", 45), ("au comptant à la livraison", 0)],
    "TG": [("à 30 jours fin de mois", 30), ("par virement à 15 jours", 15)],
    "SR": [("binnen 30 dagen na factuurdatum", 30), ("contant bij levering", 0)],
    "AO": [("a 30 dias da data da fatura", 30), ("pronto pagamento", 0)],
    "TL": [("a 30 dias da fatura", 30), ("contra entrega", 0)],
    "BN": [("30 hari dari tarikh invois", 30), ("tunai semasa penghantaran", 0)],
    "TO": [("Net 30 days", 30), ("Cash on delivery", 0)],
    "ET": [("Net 30 days", 30), ("Cash against delivery", 0)],
    "MW": [("30 days from invoice", 30), ("Cash on delivery", 0)],
    "GY": [("Net 30 days", 30), ("15 days from invoice", 15)],
    "SC": [("within 30 days of invoice", 30), ("on delivery", 0)],
    "DJ": [("à 30 jours date de facture", 30), ("comptant", 0)],
}  # fmt: skip

# language -> (description, unit, bulk): bulk items can take decimal quantities
PRODUCTS14: dict[str, list[tuple[str, str, bool]]] = {
    "ru": [("Бумага офисная А4", "пач", False), ("Кабель ВВГнг 3х2,5", "м", True),
           ("Краска фасадная белая", "кг", True), ("Перчатки рабочие х/б", "пар", False),
           ("Болт М12х80 оцинк.", "шт", False), ("Цемент М500", "мешок", False)],
    "en": [("Paracetamol 500 mg tablets, 100s", "box", False), ("Copy paper A4 80 gsm", "ream", False),
           ("PVC pipe 50 mm x 6 m", "length", False), ("Diesel engine oil 15W-40", "ltr", True),
           ("Galvanised wire 2.5 mm", "kg", True), ("Safety boots, steel toe", "pair", False),
           ("Amoxicillin 250 mg capsules, 500s", "tin", False), ("Roofing sheet 0.4 mm", "sheet", False)],
    "fr": [("Paracétamol 500 mg, boîte de 100", "boîte", False), ("Papier A4 80 g", "rame", False),
           ("Tuyau PVC 50 mm x 6 m", "barre", False), ("Huile moteur 15W-40", "l", True),
           ("Fil galvanisé 2,5 mm", "kg", True), ("Chaussures de sécurité", "paire", False),
           ("Amoxicilline 250 mg, boîte de 500", "boîte", False), ("Ciment CPJ 45", "sac", False)],
    "pt": [("Papel A4 80 g", "resma", False), ("Tubo PVC 50 mm x 6 m", "vara", False),
           ("Óleo de motor 15W-40", "l", True),
           ("Arame galvanizado 2,5 mm", "kg", True), ("Botas de segurança", "par", False),
           ("Cimento Portland 42,5", "saco", False), ("Luvas de nitrilo, caixa de 100", "cx", False)],
    "nl": [("Paracetamol 500 mg, doos van 100", "doos", False), ("Kopieerpapier A4 80 g", "pak", False),
           ("PVC-buis 50 mm x 6 m", "lengte", False), ("Motorolie 15W-40", "ltr", True),
           ("Gegalvaniseerd draad 2,5 mm", "kg", True), ("Veiligheidsschoenen", "paar", False)],
    "ms": [("Kertas A4 80 gsm", "rim", False), ("Paip PVC 50 mm x 6 m", "batang", False),
           ("Minyak enjin 15W-40", "liter", True), ("Dawai bergalvani 2.5 mm", "kg", True),
           ("Kasut keselamatan", "pasang", False), ("Simen Portland", "beg", False)],
}  # fmt: skip
# language -> kits: (description, unit, components (name, per kit))
KITS14: dict[str, list[tuple[str, str, list[tuple[str, int]]]]] = {
    "en": [("First aid kit, workplace", "kit", [("Sterile dressing", 6), ("Bandage 7.5 cm", 4), ("Gloves, pair", 2)]),
           ("Plumbing repair set", "set", [("Pipe wrench 14 in", 1), ("PTFE tape", 5), ("Pipe clip 20 mm", 20)]),
           ("Office starter pack", "pack", [("Stapler", 1), ("Staples box", 2), ("Ballpoint pen", 12)])],
    "fr": [("Trousse de premiers secours", "trousse", [("Compresse stérile", 6), ("Bande 7,5 cm", 4),
                                                         ("Gants, paire", 2)]),
           ("Kit de plomberie", "kit", [("Clé à molette", 1), ("Ruban PTFE", 5), ("Collier 20 mm", 20)]),
           ("Pack bureau", "pack", [("Agrafeuse", 1), ("Boîte d'agrafes", 2), ("Stylo à bille", 12)])],
    "pt": [("Estojo de primeiros socorros", "estojo", [("Compressa estéril", 6), ("Ligadura 7,5 cm", 4),
                                                         ("Luvas, par", 2)]),
           ("Conjunto de canalização", "conj.", [("Chave de tubos", 1), ("Fita PTFE", 5), ("Abraçadeira 20 mm", 20)]),
           ("Kit de escritório", "kit", [("Agrafador", 1), ("Caixa de agrafos", 2), ("Esferográfica", 12)])],
}  # fmt: skip


def _po_number14(rng: random.Random, country: str, year: int, header: str) -> str:
    n = rng.randrange(100, 99999)
    if header == "orderbook":  # the serial a numbering machine printed on the leaf
        return f"{rng.randrange(1, 99999):06d}"
    return {"RU": f"{n:05d}", "CN": f"PO{year}{n:05d}", "GN": f"BC-{year}-{n % 9999:04d}",
            "BF": f"{n % 9999:04d}/{year}",
            "TG": f"BC{year % 100}-{n:05d}", "SR": f"IO-{n:06d}", "TL": f"OC/{year}/{n % 9999:04d}",
            "BN": f"PB/{year}/{n % 9999:04d}", "TO": f"TO-{n:06d}", "ET": f"PO-{n:06d}", "GY": f"{n:06d}",
            "SC": f"SC/PO/{n % 9999:04d}", "DJ": f"{n % 9999:04d}/DAF/{year % 100}"}[country]  # fmt: skip


@dataclass
class Order14(Order12):
    bonus: list[int]  # free units printed beside the charged quantity
    old: list[tuple[str, Decimal] | None]  # a revised line's superseded (field, value)
    kits: list[list[tuple[str, int]]]  # a kit's components (name, per kit)
    cancelled: POLine | None  # a cancelled row (printed struck through, not labelled)
    cancel_at: int
    fax: tuple[date, str, str, str]  # the fax's own date, time, sender's and receiver's numbers


def _lang(fam: Blind14Family) -> str:
    return fam.lang[:2]


def _draw_line(rng: random.Random, fam: Blind14Family, mult: Decimal) -> POLine:
    desc, unit, bulk = rng.choice(PRODUCTS14[_lang(fam)])
    price = _half_up(Decimal(rng.randrange(50_000, 15_000_000)) / 100_000 * mult, fam.places)
    if price == 0:
        price = Decimal(1).scaleb(-fam.places)
    # a bulk good by weight or length to one or two decimals half the time, else a count
    whole = rng.choice([1, 2, 3, 4, 5, 6, 8, 10, 12, 15, 20, 24, 40, 60, 100, 250])
    qty = Decimal(rng.randrange(50, 40000)).scaleb(-rng.choice([1, 2])) if bulk and rng.random() < 0.5 else None
    qty = Decimal(whole) if qty is None else Decimal(format(qty.normalize(), "f"))
    sku = f"{rng.randrange(10, 99)}-{rng.randrange(1000, 99999):05d}"
    return POLine(sku, desc, qty, unit, price, None, None, _half_up(qty * price, fam.places))


def sample_po14(rng: random.Random, fam: Blind14Family) -> Order14:
    buyer = make_party14(rng, fam.country)
    vendor, site = make_party14(rng, fam.country, avoid=buyer.name), make_party14(rng, fam.country)
    ship = BlindParty(buyer.name, site.street, site.city, site.country, None, None)  # the buyer's delivery site
    places = fam.places
    rate = Decimal(TAX_RATES14[fam.country])
    mult = Decimal(_PRICE_SCALE14[fam.currency])
    n_lines = rng.randrange(*fam.lines)
    lines = [_draw_line(rng, fam, mult) for _ in range(n_lines)]
    bonus = [0] * n_lines
    old: list[tuple[str, Decimal] | None] = [None] * n_lines
    kits: list[list[tuple[str, int]]] = [[] for _ in range(n_lines)]
    if fam.table == "bonus":
        for i, ln in enumerate(lines):
            if ln.quantity >= 5 and ln.quantity == ln.quantity.to_integral_value() and rng.random() < 0.6:
                bonus[i] = max(1, int(ln.quantity) // rng.choice([5, 10, 12]))
    if fam.table == "kits":
        for i in range(n_lines):
            if rng.random() < 0.4:
                desc, unit, parts = rng.choice(KITS14[_lang(fam)])
                lines[i].description, lines[i].unit = desc, unit
                lines[i].quantity = Decimal(rng.choice([1, 2, 4, 5, 10]))
                lines[i].amount = _half_up(lines[i].quantity * lines[i].unit_price, places)
                kits[i] = parts
    cancelled, cancel_at = None, 0
    if fam.table == "struck":
        for i in rng.sample(range(n_lines), min(n_lines, rng.randrange(1, 4))):
            ln = lines[i]
            if rng.random() < 0.5:
                was = ln.quantity + rng.choice([-1, 1, 2, 5]) if ln.quantity > 1 else ln.quantity + 1
                old[i] = ("quantity", was.quantize(ln.quantity) if ln.quantity == ln.quantity.to_integral_value()
                          else was)  # fmt: skip
            else:
                old[i] = ("unit_price", _half_up(ln.unit_price * Decimal(rng.choice(["1.05", "1.1", "0.9"])), places))
        if rng.random() < 0.6:
            cancelled, cancel_at = _draw_line(rng, fam, mult), rng.randrange(n_lines + 1)
    subtotal = sum((ln.amount for ln in lines), Decimal(0))
    tax = _half_up(subtotal * rate / 100, places)
    total = subtotal + tax
    order_date = date(rng.randrange(2024, 2028), 1, 1) + timedelta(days=rng.randrange(365))
    terms = rng.choice(TERMS14[fam.country])
    po = BlindPO(_po_number14(rng, fam.country, order_date.year, fam.header), order_date, buyer, vendor, ship, terms,
                 lines, subtotal, Decimal(0), Decimal(0), Decimal(0), rate, {rate: tax}, tax, total)  # fmt: skip
    if fam.header == "orderbook":
        cols = ["quantity", "unit", "description", "unit_price", "amount"]
    else:
        cols = ["line_no", "sku", "description", "quantity", "unit", "unit_price", "amount"]
        if fam.table != "circled" and rng.random() < 0.35:
            cols.remove("line_no")
        if fam.table in {"boxdraw", "kits"} or rng.random() < 0.3:
            cols.remove("sku")
    for ln in lines if "sku" not in cols else []:  # no code column: the lines carry no code either
        ln.sku = None
    look = {"columns": cols, "dates": rng.choice(DATE_STYLES14[fam.country]), "numbers": fam.numbers,
            "totals": "net", "numbered": "line_no" in cols}  # fmt: skip
    sent = order_date + timedelta(days=rng.randrange(0, 4))
    phone = f"+{rng.randrange(20, 999)} {rng.randrange(10, 99)} {rng.randrange(1000, 9999)} {rng.randrange(100, 9999)}"
    phone2 = f"+{rng.randrange(20, 999)} {rng.randrange(10, 99)} {rng.randrange(100000, 999999)}"
    fax = (sent, f"{rng.randrange(7, 19):02d}:{rng.randrange(60):02d}", phone, phone2)
    return Order14(po, look, [Decimal(0)] * n_lines, [], [1] * n_lines, bonus, old, kits, cancelled, cancel_at, fax)


_MONO = ("DejaVuSansMono.ttf", "DejaVuSansMono-Bold.ttf", "DejaVuSansMono-Oblique.ttf")
_GREY = (0.45, 0.45, 0.45)


class PO14Writer(PO13Writer):
    """Set 13's order writer (its parties, facts and totals box, through set 12's) with this set's papers."""

    def __init__(self, rng: random.Random, fam: Blind14Family, order: Order14) -> None:
        self.order, self.po = order, order.po
        self.o14 = order
        self.words = PO_WORDS14[fam.country]
        self.style = order.look["numbers"]
        if fam.header == "orderbook":  # an A5 leaf
            self.W, self.H, self.M = 419.53, 595.28, 28.0
        Sheet12.__init__(self, rng, fam)  # type: ignore[arg-type]
        if fam.header == "mono":
            self.fonts = Fonts("dejavu-sans-mono", *(font(f) for f in _MONO))

    def day(self, value: date) -> str:
        return format_day13(value, self.order.look["dates"], self.fam.lang)

    def decorate(self, page: Any) -> None:
        """A fax's transmission strip across the top of every page: its own date, time, numbers, job, page."""
        if self.fam.header != "fax":
            return
        sent, hhmm, phone, phone2 = self.o14.fax
        w, n = self.words, len(self.pages)
        strip = (f"{sent.strftime('%d/%m/%Y')} {hhmm} {w['fax_from']}: {phone} {w['fax_to']}: {phone2} "
                 f"#{self.po.order_date.toordinal() % 9000 + 1000} P.{n:03d}")  # fmt: skip
        page.text(self.M - 14, 20, strip, self.fonts.regular, 7, color=(0.25, 0.25, 0.25))
        page.line(self.M - 14, 24, self.W - self.M + 14, 24, 0.3, (0.4, 0.4, 0.4))

    # ------------------------------------------------------------ headers

    def head_fax(self) -> None:
        """Under the fax strip: the title, the parties side by side, the facts stacked on the right."""
        w, po, M = self.words, self.po, self.M
        self.t(M, 56, w["title"], 15, bold=True)
        third = (self.W - 2 * M) / 3
        fits = all(width(p.name, self.fonts.bold, 9) < third - 8 for p in (po.buyer, po.vendor))
        y1 = self.party(M, 78, w["buyer"], po.buyer, "buyer", size=8.5 if fits else 7)
        y2 = self.party(M + third, 78, w["vendor"], po.vendor, "vendor", size=8.5 if fits else 7)
        y = 50.0
        for cap, value, name in self.facts():
            self.t(M + 2 * third + 8, y, cap, 7, color=_GREY)
            size = 8.5 if width(value, self.fonts.regular, 8.5) < third - 10 else 7
            self.t(M + 2 * third + 8, y + 10, value, size, ent=self.ent(name))
            y += 23
        self.y = max(y1, y2, y) + 6
        self.revision_note()
        self.y += 6

    def revision_note(self) -> None:
        if self.fam.table != "struck":
            return
        rev = self.rng.randrange(2, 5)
        when = format_day13(self.po.order_date + timedelta(days=self.rng.randrange(3, 20)), "dmy_slash",
                            self.fam.lang)  # fmt: skip
        text = self.words["rev"].replace("{n}", str(rev)).replace("{date}", when)
        self.t(self.M, self.y + 9, text, 7.5, bold=True, color=(0.6, 0.1, 0.1))
        self.y += 14

    def head_runon(self) -> None:
        """The buyer's letterhead, the supplier's address block, then every fact of the order in one paragraph."""
        w, po, M = self.words, self.po, self.M
        b = po.buyer
        self.t(M, 50, b.name, 14, bold=True, ent=self.ent("buyer_name"))
        self.t(M, 63, f"{b.street}, {b.city}", 8)
        x = M + self.t(M, 74, f"{b.tax_label}", 8) + 4
        self.t(x, 74, str(b.tax_id), 8, ent=self.ent("buyer_tax_id"))
        self.page.line(M, 82, self.W - M, 82, 0.8)
        self.party(self.W / 2 + 20, 104, w["to"], po.vendor, "vendor", size=9)
        self.t(M, 110, w["title"], 13, bold=True)
        self.y = 166
        values = {"num": (po.number, "po_number"), "date": (self.day(po.order_date), "order_date"),
                  "ship": (f"{po.ship_to.street}, {po.ship_to.city}", None), "cur": (self.fam.currency, "currency"),
                  "terms": (po.terms[0], "payment_terms")}  # fmt: skip
        self.flow(w["runon"], values, M, self.W - 2 * M, size=9.5)
        self.revision_note()
        self.y += 8

    def head_orderbook(self) -> None:
        """An A5 order-book leaf: the buyer's pre-printed letterhead, the serial in red, 'DUPLICATE' over it."""
        w, po, M = self.words, self.po, self.M
        b, blue = po.buyer, (0.1, 0.2, 0.5)
        self.t(M, 40, b.name, 11, bold=True, color=blue, ent=self.ent("buyer_name"))
        self.t(M, 51, f"{b.street}, {b.city}", 7, color=blue)
        x = M + self.t(M, 60, f"{b.tax_label}", 7, color=blue) + 3
        self.t(x, 60, str(b.tax_id), 7, color=blue, ent=self.ent("buyer_tax_id"))
        self.t(self.W - M, 40, w["title"], 10, bold=True, align="right", color=blue)
        red = (0.75, 0.1, 0.1)
        self.t(self.W - M, 58, po.number, 13, align="right", color=red, ent=self.ent("po_number"))
        self.t(self.W - M - width(po.number, self.fonts.regular, 13) - 4, 58, w["no"], 10, align="right", color=red)
        self.t(self.W / 2, 74, w["dup"], 8, bold=True, align="center", color=(0.6, 0.6, 0.6))
        self.page.line(M, 80, self.W - M, 80, 0.6, blue)
        y = 94.0
        half = (self.W - 2 * M) / 2
        for (cap, value, name), (x, yy) in zip(self.facts()[1:], ((M, y), (M, y + 13), (M + half, y)), strict=True):
            end = M + half if (x, yy) == (M, y) else self.W - M
            x += self.t(x, yy, f"{cap}:", 7.5, color=blue) + 3
            size = 8 if width(value, self.fonts.regular, 8) < end - x - 6 else 6.5
            self.t(x, yy, value, size, ent=self.ent(name))
        self.party(M, y + 32, w["vendor"], po.vendor, "vendor", size=7.5)
        self.y = y + 84
        self.revision_note()

    def head_totalsfirst(self) -> None:
        """The title and parties on the left, the facts and the order's summary box on the right, before the
        items."""
        w, po, M = self.words, self.po, self.M
        self.t(M, 52, w["title"], 15, bold=True)
        col = (self.W - 2 * M) * 0.5
        y1 = self.party(M, 74, w["buyer"], po.buyer, "buyer")
        y1 = self.party(M, y1 + 10, w["vendor"], po.vendor, "vendor")
        x = M + col + 20
        y = 46.0
        for cap, value, name in self.facts():
            cx = x + self.t(x, y, f"{cap}:", 8, bold=True) + 5
            size = 8.5 if width(value, self.fonts.regular, 8.5) < self.W - M - cx else 7
            self.t(cx, y, value, size, ent=self.ent(name))
            y += 12
        y += 8
        self.t(x, y, self.words["summary"], 8.5, bold=True)
        y += 5
        box_w = self.W - M - x
        rate = format_qty13(po.tax_rate or Decimal(0), self.style)
        rows = [(w["subtotal"], po.subtotal, "subtotal"), (f"{w['tax']} {rate}%", po.tax_total, "tax_total"),
                (w["total"], po.total, "total")]  # fmt: skip
        self.page.rect(x, y, box_w, 15 * len(rows) + 6, fill=(0.93, 0.95, 0.97), line_width=0.6)
        for cap, amount, name in rows:
            bold = name == "total"
            self.t(x + 6, y + 13, cap, 8.5, bold=bold)
            self.t(self.W - M - 6, y + 13, self.money(amount), 8.5, bold=bold, ent=self.ent(name), align="right")
            y += 15
        self.y = max(y1, y + 6) + 14

    # ------------------------------------------------------------ tables

    def col_specs14(self) -> list[tuple[str, str, float, str]]:
        w = self.words
        qty_cap = w["bonus"] if self.fam.table == "bonus" else w["qty"]
        caps = {"line_no": (w["item"] if self.fam.table == "circled" else "#", 0.06, "left"),
                "sku": (w["code"], 0.12, "left"),
                "description": (w["desc"], 0.3 if self.fam.header == "orderbook" else 0.36, "left"),
                "quantity": (qty_cap, 0.11 if self.fam.table in {"bonus", "struck"} else 0.08, "right"),
                "unit": (w["unit"], 0.08, "left"),
                "unit_price": (w["price"], 0.17 if self.fam.table == "struck" else 0.13, "right"),
                "amount": (w["amount"], 0.14, "right")}  # fmt: skip
        cols = self.order.look["columns"]
        total = sum(caps[c][1] for c in cols)
        return [(c, caps[c][0], caps[c][1] / total, caps[c][2]) for c in cols]

    def head_row14(self, specs: list[tuple[str, str, float, str]]) -> None:
        dark = self.fam.table == "circled"
        x, span = self.x0, self.span
        rows = [max(1, len(wrap(cap, self.fonts.bold, 7, share * span - 6))) for _r, cap, share, _a in specs]
        h = 7 + 9 * max(rows)
        fill = (0.13, 0.2, 0.32) if dark else (0.88, 0.88, 0.88)
        self.page.rect(x, self.y, span, h, stroke=None if dark else (0.2, 0.2, 0.2), fill=fill, line_width=0.5)
        ink = (1.0, 1.0, 1.0) if dark else (0.0, 0.0, 0.0)  # white captions on the dark band
        for _role, cap, share, align in specs:
            right = align == "right"
            for k, text in enumerate(wrap(cap, self.fonts.bold, 7, share * span - 6)):
                self.t(x + share * span - 3 if right else x + 3, self.y + 10.5 + 9 * k, text, 7, bold=True,
                       align=align, color=ink)  # fmt: skip
            x += share * span
        self.y += h + 3

    def circled(self, cx: float, base: float, n: int) -> None:
        r = 6.0 if n < 100 else 7.5
        cy = base - 2.8
        pts = [(cx + r * math.cos(a / 24 * 2 * math.pi), cy + r * math.sin(a / 24 * 2 * math.pi)) for a in range(25)]
        self.page.path(pts, 0.6, (0.13, 0.2, 0.32))
        self.t(cx, base, str(n), 6.5, align="center")

    def struck(self, x_right: float, base: float, text: str, size: float) -> float:
        """``text`` in grey, right-aligned at ``x_right`` with a line through it; returns its width."""
        tw = width(text, self.fonts.regular, size)
        self.t(x_right, base, text, size, align="right", color=(0.5, 0.5, 0.5))
        self.page.line(x_right - tw - 1, base - size * 0.3, x_right + 1, base - size * 0.3, 0.7, (0.6, 0.1, 0.1))
        return tw

    def table14(self) -> None:
        specs = self.col_specs14()
        self.head_row14(specs)
        size, lead = 8.0, 10.5
        o = self.o14
        desc_w = next(share for role, _c, share, _a in specs if role == "description") * self.span - 6
        rows: list[tuple[int, POLine]] = list(enumerate(self.po.lines))
        if o.cancelled is not None:
            rows.insert(o.cancel_at, (-1, o.cancelled))
        for number, (i, ln) in enumerate(rows, start=1):
            desc_lines = wrap(ln.description, self.fonts.regular, size, desc_w)
            parts = o.kits[i] if i >= 0 else []
            h = (
                lead * len(desc_lines)
                + 4
                + (8.5 * len(parts) + 10 if parts else 0)
                + (3 if self.fam.table == "circled" else 0)
            )
            if self.y + h > self.H - 70:
                self.new_page()
                self.y = 46 if self.fam.header != "orderbook" else 34
                self.head_row14(specs)
            base = self.y + 8 + (1.5 if self.fam.table == "circled" else 0)
            x = self.x0
            for role, _cap, share, align in specs:
                cw = share * self.span
                self.cell14(role, i, ln, x, cw, align, base, desc_lines, number, size, lead)
                x += cw
            if i < 0:  # the cancelled row, struck through whole
                self.page.line(self.x0, base - 2.5, self.x0 + self.span, base - 2.5, 0.7, (0.6, 0.1, 0.1))
                self.t(self.x0 + self.span * 0.55, base + 8, self.words["cancelled"], 6.5, bold=True,
                       color=(0.6, 0.1, 0.1))  # fmt: skip
                h += 7
            self.y += lead * len(desc_lines) + 4 + (3 if self.fam.table == "circled" else 0)
            if parts:
                self.components(specs, ln, parts)
            self.y += 7 if i < 0 else 0
            self.page.line(self.x0, self.y - 1, self.x0 + self.span, self.y - 1, 0.25, (0.6, 0.6, 0.6))
        self.y += 8

    def cell14(self, role: str, i: int, ln: POLine, x: float, cw: float, align: str, base: float,
               desc_lines: list[str], number: int, size: float, lead: float) -> None:  # fmt: skip
        o, reg = self.o14, self.fonts.regular
        live = i >= 0
        grey = (0, 0, 0) if live else (0.5, 0.5, 0.5)
        if role == "description":
            ent = self.ent("description", i) if live else None
            for k, text in enumerate(desc_lines):
                self.page.text(x + 3, base + lead * k, text, reg, size, entity=ent, row=i if live else None,
                               color=grey)  # fmt: skip
            return
        if role == "line_no":
            if self.fam.table == "circled":
                self.circled(x + 9, base, number)
            else:
                self.t(x + 3, base, str(number), size, color=grey)
            return
        text, name = self.cell(role, max(i, 0), ln)
        right = x + cw - 3
        if not live:
            self.t(right if align == "right" else x + 3, base, text, size, align=align, color=grey)
            return
        if role == "quantity" and o.bonus[i]:
            right -= self.t(right, base, f"+ {o.bonus[i]}", size, align="right", color=(0.1, 0.35, 0.1)) + 3
        old = o.old[i]
        if old and old[0] == role:
            was = self.qty(old[1]) if role == "quantity" else self.money(old[1])
            tw = width(text, reg, size)
            self.struck(right - tw - 5, base, was, size - 0.5)
        ax = right if align == "right" else x + 3
        self.page.text(ax, base, text, reg, size, entity=self.ent(name, i) if name else None, align=align, row=i)

    def components(self, specs: list[tuple[str, str, float, str]], ln: POLine, parts: list[tuple[str, int]]) -> None:
        """A kit's components under it in grey: the name indented, the count for the line's kits, no price."""
        x, desc_x, qty_r = self.x0, self.x0, self.x0
        for role, _c, share, _a in specs:
            cw = share * self.span
            if role == "description":
                desc_x = x
            if role == "quantity":
                qty_r = x + cw - 3
            x += cw
        self.t(desc_x + 6, self.y + 5, self.words["kit"], 6.5, color=_GREY)
        for k, (name, per) in enumerate(parts, start=1):
            self.t(desc_x + 12, self.y + 5 + 8.5 * k, f"– {name}", 7, color=_GREY)
            self.t(qty_r, self.y + 5 + 8.5 * k, str(per * int(ln.quantity)), 7, align="right", color=_GREY)
        self.y += 5 + 8.5 * len(parts) + 5

    def sign_off(self) -> None:
        if self.y > self.H - 80:
            self.new_page()
            self.y = 70
        self.y += 34
        self.page.line(self.W - self.M - 170, self.y, self.W - self.M, self.y, 0.4)
        self.t(self.W - self.M - 85, self.y + 10, self.words["sign"], 7.5, align="center")

    # ------------------------------------------------------------ the monospaced print

    def write_mono(self) -> None:
        """A DOS-era print in a monospaced face: 'caption: value' lines between rules of equals signs, the items in
        a table ruled with box-drawing characters (descriptions running onto continuation lines), the totals right
        under it and the total repeated in a closing sentence."""
        w, po, M = self.words, self.po, self.M
        size = 8.0
        cw = width("M", self.fonts.regular, size)
        cols_n = int((self.W - 2 * M) / cw)
        lead = 9.5  # the box-drawing characters' height: the rules join up

        def put(col: int, text: str, ent: str | Entity | None = None, row: int | None = None, bold: bool = False
                ) -> None:  # fmt: skip
            name = self.fonts.bold if bold else self.fonts.regular
            entity = self.ent(ent, row) if isinstance(ent, str) else ent
            self.page.text(M + col * cw, self.y, text, name, size, entity=entity, row=row)

        def rule(ch: str) -> None:
            put(0, ch * cols_n)
            self.y += lead

        self.y = 56.0
        b = po.buyer
        put(0, b.name, "buyer_name", bold=True)
        tax_col = cols_n - len(f"{b.tax_label} {b.tax_id}")
        put(tax_col, str(b.tax_label))
        put(tax_col + len(str(b.tax_label)) + 1, str(b.tax_id), "buyer_tax_id")
        self.y += lead
        put(0, f"{b.street}, {b.city}")
        self.y += lead
        rule("=")
        title = f"{w['title']} {w['no']} "
        put(0, title, bold=True)
        put(len(title), po.number, "po_number", bold=True)
        self.y += lead
        rule("=")
        v = po.vendor
        facts = [(w["date"], self.day(po.order_date), "order_date"), (w["vendor"], v.name, "vendor_name"),
                 (str(v.tax_label), str(v.tax_id), "vendor_tax_id"), (w["terms"], po.terms[0], "payment_terms"),
                 (w["currency"], self.fam.currency, "currency"),
                 (w["ship"], f"{po.ship_to.street}, {po.ship_to.city}", "")]  # fmt: skip
        cap_w = max(len(c) for c, _v, _n in facts) + 2
        for cap, value, name in facts:
            put(0, f"{cap}:")
            put(cap_w, value, name or None)
            self.y += lead
        self.y += lead * 0.5
        self.boxdraw(put, cols_n, lead)
        rate = format_qty13(po.tax_rate or Decimal(0), self.style)
        rows = [(f"{w['subtotal']}:", po.subtotal, "subtotal"), (f"{w['tax']} {rate}%:", po.tax_total, "tax_total"),
                (f"{w['total']}:", po.total, "total")]  # fmt: skip
        if self.y + lead * 6 > self.H - 60:
            self.new_page()
            self.y = 56.0
        for cap, amount, name in rows:
            money = self.money(amount)
            put(cols_n - len(money) - 2 - len(cap), cap, bold=name == "total")
            put(cols_n - len(money) - 1, money, name, bold=name == "total")
            self.y += lead
        self.y += lead * 0.5
        closing = w["items_sum"].replace("{n}", str(len(po.lines))).replace("{total}", self.money(po.total))
        put(0, closing.replace("{cur}", self.fam.currency))
        self.y += lead
        rule("-")
        self.y += lead * 2
        put(0, f"{w['sign']} ____________________")

    def boxdraw(self, put: Callable[..., None], cols_n: int, lead: float) -> None:
        """The items in a table ruled with box-drawing characters; a description too long for its cell runs on
        under it."""
        w, lines = self.words, self.po.lines
        nums = {"quantity": max(len(self.qty(ln.quantity)) for ln in lines),
                "unit_price": max(len(self.money(ln.unit_price)) for ln in lines),
                "amount": max(len(self.money(ln.amount)) for ln in lines)}  # fmt: skip
        widths = {"line_no": max(3, len(w["item"])), "quantity": max(nums["quantity"], len(w["qty"])),
                  "unit": max(4, len(w["unit"]), max(len(ln.unit or "") for ln in lines)),
                  "unit_price": max(nums["unit_price"], len(w["price"])),
                  "amount": max(nums["amount"], len(w["amount"]))}  # fmt: skip
        roles = [r for r in self.order.look["columns"] if r != "sku"]
        fixed = sum(widths[r] + 3 for r in roles if r != "description") + 1
        widths["description"] = cols_n - fixed - 3
        caps = {"line_no": w["item"], "description": w["desc"], "quantity": w["qty"], "unit": w["unit"],
                "unit_price": w["price"], "amount": w["amount"]}  # fmt: skip

        def border(left: str, mid: str, right: str) -> None:
            put(0, left + mid.join("─" * (widths[r] + 2) for r in roles) + right)
            self.y += lead

        def bars() -> None:
            col = 0
            for r in roles:
                put(col, "│")
                col += widths[r] + 3
            put(col, "│")

        def header() -> None:
            border("┌", "┬", "┐")
            bars()
            col = 0
            for r in roles:
                cap = caps[r]
                put(col + 2 + (widths[r] - len(cap) if r in {"quantity", "unit_price", "amount"} else 0), cap)
                col += widths[r] + 3
            self.y += lead
            border("├", "┼", "┤")

        header()
        for i, ln in enumerate(lines):
            desc = _chunks(ln.description, widths["description"])
            desc_ent = self.ent("description", i)
            if self.y + lead * (len(desc) + 2) > self.H - 60:
                border("└", "┴", "┘")
                self.new_page()
                self.y = 56.0
                header()
            for k, piece in enumerate(desc):
                bars()
                col = 0
                for r in roles:
                    if r == "description":
                        put(col + 2, piece, desc_ent, i)
                    elif k == 0 and r == "line_no":
                        put(col + 2 + widths[r] - len(str(i + 1)), str(i + 1))
                    elif k == 0:
                        text, name = self.cell(r, i, ln)
                        right = r in {"quantity", "unit_price", "amount"}
                        put(col + 2 + (widths[r] - len(text) if right else 0), text, name, i)
                    col += widths[r] + 3
                self.y += lead
        border("└", "┴", "┘")
        self.y += lead * 0.5

    def write(self) -> None:
        fam = self.fam
        if fam.header == "mono":
            self.write_mono()
            self.page_numbers(self.words["page"])
            return
        getattr(self, f"head_{fam.header}")()
        self.table14()
        if fam.header == "totalsfirst":
            self.sign_off()
        else:
            self.totals()
        self.page_numbers(self.words["page"])


def _chunks(text: str, n: int) -> list[str]:
    """``text`` in pieces of at most ``n`` characters, broken between words (a continuation line per piece)."""
    out: list[str] = []
    for word in text.split():
        if out and len(out[-1]) + 1 + len(word) <= n:
            out[-1] += " " + word
        else:
            out.append(word)
    return out


def make_blind14_po(seed: int, fam: Blind14Family, doc_id: str | None = None) -> GeneratedDoc:
    return make_set_po(seed, fam, doc_id, set_no=14, sample=sample_po14, writer_of=PO14Writer)


# ---------------------------------------------------------------- contracts

# set 13's English and French clauses (Trinidad's and Lebanon's) with this set's schedules
_CLAUSE_KEYS = ("intro", "until", "term", "units", "pay", "heads", "more")
_EN_CONTRACT: dict[str, Any] = {
    **{k: CONTRACT13["TT"][k] for k in _CLAUSE_KEYS},
    "cols": ("Service", "Unit", "Rate"),
    "award": {
        "ref": "Ref.",
        "date": "Date",
        "subject": "LETTER OF AWARD",
        "dear": "Dear Sir or Madam,",
        "body": "We are pleased to inform you that your offer has been accepted and that the contract for the "
        "services below is awarded to you on the terms of this letter.",
        "rates": "The accepted rates are as follows:",
        "return": "Please sign the duplicate of this letter and return it to us within seven days as your "
        "acceptance of this award.",
        "close": "Yours faithfully,",
        "accept": "ACCEPTANCE BY THE CONTRACTOR",
        "accept_body": "We accept this award and the rates above.",
        "fields": ["Name", "Signature", "Date", "Company stamp"],
    },
    "notes": [
        "Rate applies within normal working hours; work outside them is charged at 150 %.",
        "Travel beyond 30 km from the Client's premises is charged at cost.",
        "Materials are charged separately at cost plus 10 %.",
    ],
}
CONTRACT14: dict[str, dict[str, Any]] = {
    "SA": {**_EN_CONTRACT, "title": "SERVICES CONTRACT", "number": "Contract No.",
           "terms": [("within 60 days of a valid invoice", 60), ("monthly in arrears", 30)],
           "rates": "Schedule of Rates",
           "services": [("HVAC maintenance", "visit"), ("Cleaning services", "month"), ("Technician", "hour"),
                        ("Emergency call-out", "call")]},
    "HK": {**_EN_CONTRACT, "title": "FACILITY SERVICES CONTRACT", "number": "Tender Ref.",
           "terms": [("within 30 days of invoice", 30), ("monthly in arrears", 30)],
           "rates": "Rates",
           "services": [("Lift maintenance", "lift/month"), ("Security guard", "shift"), ("Electrician", "hour"),
                        ("Pest control", "visit")]},
    "LS": {**_EN_CONTRACT, "title": "SERVICES AGREEMENT", "number": "Agreement No.",
           "terms": [("within 30 days of invoice", 30), ("within 14 days of statement", 14)],
           "rates": "Schedule of Rates",
           "services": [("Borehole maintenance", "visit"), ("Generator servicing", "unit"), ("Plumber", "hour"),
                        ("Grounds maintenance", "month")]},
    "NC": {**{k: CONTRACT13["LB"][k] for k in (*_CLAUSE_KEYS, "terms")},
           "title": "CONTRAT DE PRESTATION DE SERVICES", "number": "Contrat n°",
           "rates": "Tarifs", "cols": ("Prestation", "Unité", "Tarif"),
           "words": "Pour {service}, la somme de {words} ({rate} {cur}) par {unit}.", "money": "francs CFP",
           "services": [("l'entretien des climatiseurs", "visite"), ("le gardiennage", "nuit"),
                        ("l'assistance informatique", "heure"), ("le nettoyage des bureaux", "mois")]},
    "BI": {"title": "CONTRAT DE SERVICES", "number": "Marché n°",
           "intro": "Entre {buyer}, {btaxcap} {btax}, ci-après « le Maître d'ouvrage », et {vendor}, {vtaxcap} "
                    "{vtax}, ci-après « le Prestataire », avec effet au {eff}.",
           "until": "Le marché expire le {exp}.",
           "term": "Le marché est conclu pour {n} {unit} à compter de sa notification.",
           "units": ("mois", {1: "an", 2: "ans", 3: "ans"}),
           "pay": "Les prix sont libellés en {cur}, hors TVA, et payables {terms}.",
           "terms": [("à 30 jours de la réception de la facture", 30), ("mensuellement à terme échu", 30)],
           "heads": ["Parties", "Durée", "Paiement", "Prix unitaires", "Confidentialité", "Résiliation"],
           "more": ["Les parties gardent confidentielles les informations échangées.",
                    "Chaque partie peut résilier le marché par écrit avec un préavis de soixante jours."],
           "rates": "Prix unitaires", "cols": ("Prestation", "Unité", "Prix"),
           "words": "Pour {service} : {words} ({rate} {cur}) par {unit}.", "money": "francs burundais",
           "services": [("l'entretien des groupes électrogènes", "visite"), ("le gardiennage", "mois"),
                        ("la maintenance informatique", "jour"), ("le transport de matériel", "tonne")],
           "award": {"ref": "Réf.", "date": "Date", "subject": "LETTRE DE NOTIFICATION D'ATTRIBUTION",
                     "dear": "Madame, Monsieur,",
                     "body": "Nous avons l'honneur de vous informer que votre offre a été retenue et que le marché "
                             "des prestations ci-dessous vous est attribué aux conditions de la présente lettre.",
                     "rates": "Les prix unitaires retenus sont les suivants :",
                     "return": "Nous vous prions de nous retourner le duplicata de la présente, signé, dans un "
                               "délai de sept jours, en signe d'acceptation.",
                     "close": "Veuillez agréer nos salutations distinguées.",
                     "accept": "ACCEPTATION DU PRESTATAIRE", "accept_body": "Lu et accepté.",
                     "fields": ["Nom", "Signature", "Date", "Cachet"]}},
    "VU": {"title": "AVENANT N° 2 AU CONTRAT DE SERVICES", "number": "Contrat n°",
           "intro": "Entre {buyer}, {btaxcap} {btax}, ci-après « le Client », et {vendor}, {vtaxcap} {vtax}, "
                    "ci-après « le Prestataire », il est convenu du présent avenant, avec effet au {eff}.",
           "until": "Le contrat, tel que modifié, prend fin le {exp}.",
           "term": "Le contrat, tel que modifié, est prolongé de {n} {unit}.",
           "units": ("mois", {1: "an", 2: "ans", 3: "ans"}),
           "pay": "Les tarifs sont exprimés en {cur}, hors taxes, et payables {terms}.",
           "terms": [("à 45 jours fin de mois", 45), ("au comptant", 0)],
           "heads": ["Parties", "Durée", "Paiement", "Tarifs modifiés", "Autres stipulations", "Entrée en vigueur"],
           "more": ["Toutes les autres stipulations du contrat demeurent inchangées.",
                    "Le présent avenant prend effet à la date indiquée ci-dessus."],
           "rates": "Annexe 1 modifiée", "cols": ("Prestation", "Unité", "Tarif"),
           "redline": "Les tarifs de l'annexe 1 sont remplacés comme suit (suppressions barrées, ajouts soulignés) :",
           "services": [("Entretien des groupes électrogènes", "visite"), ("Gardiennage", "mois"),
                        ("Technicien", "heure"), ("Transport", "voyage")]},
    "MO": {"title": "ADITAMENTO N.º 1 AO CONTRATO DE PRESTAÇÃO DE SERVIÇOS", "number": "Contrato n.º",
           "intro": "Entre {buyer}, {btaxcap} {btax}, adiante «o Cliente», e {vendor}, {vtaxcap} {vtax}, adiante "
                    "«o Prestador», é celebrado o presente aditamento, com efeitos a partir de {eff}.",
           "until": "O contrato, assim alterado, vigora até {exp}.",
           "term": "O contrato, assim alterado, é prorrogado por {n} {unit}.",
           "units": ("meses", {1: "ano", 2: "anos", 3: "anos"}),
           "pay": "Os preços são expressos em {cur} e pagos {terms}.",
           "terms": [("no prazo de 30 dias a contar da fatura", 30), ("mensalmente", 30)],
           "heads": ["Partes", "Prazo", "Pagamento", "Tarifas alteradas", "Disposições finais", "Vigência"],
           "more": ["Mantêm-se inalteradas todas as demais cláusulas do contrato.",
                    "O presente aditamento produz efeitos na data acima indicada."],
           "rates": "Anexo I alterado", "cols": ("Serviço", "Unidade", "Preço"),
           "redline": "Os preços do Anexo I passam a ser os seguintes (supressões riscadas, aditamentos "
                      "sublinhados):",
           "services": [("Manutenção de elevadores", "mês"), ("Segurança", "turno"), ("Eletricista", "hora"),
                        ("Limpeza", "mês")]},
    "GL": {"title": "SERVICEAFTALE", "number": "Aftale nr.",
           "intro": "Denne aftale er indgået den {eff} mellem {buyer}, {btaxcap} {btax} (Kunden), og {vendor}, "
                    "{vtaxcap} {vtax} (Leverandøren).",
           "until": "Aftalen gælder til og med {exp}.",
           "term": "Aftalen gælder i {n} {unit} fra underskriften.",
           "units": ("måneder", {1: "år", 2: "år", 3: "år"}),
           "pay": "Alle priser er i {cur} eksklusive afgifter og betales {terms}.",
           "terms": [("netto 30 dage fra fakturadato", 30), ("løbende måned plus 15 dage", 15)],
           "heads": ["Parter", "Varighed", "Priser og betaling", "Takster", "Fortrolighed", "Opsigelse"],
           "more": ["Parterne behandler hinandens oplysninger fortroligt under aftalen og i to år efter dens ophør.",
                    "Hver part kan opsige aftalen skriftligt med tre måneders varsel."],
           "rates": "Takstblad", "cols": ("Ydelse", "Enhed", "Takst"),
           "notes": ["Taksten gælder inden for normal arbejdstid; arbejde uden for denne faktureres med 150 %.",
                     "Rejser uden for Nuuk faktureres efter regning.",
                     "Materialer faktureres særskilt med et tillæg på 10 %."],
           "services": [("Service af oliefyr", "besøg"), ("Elektriker", "time"), ("Snerydning", "måned"),
                        ("Vagtordning", "døgn")]},
}  # fmt: skip


def _contract_number14(rng: random.Random, country: str, year: int) -> str:
    n = rng.randrange(10, 9999)
    return {"SA": f"SC-{year}-{n:04d}", "HK": f"T/{year % 100}/{n:04d}", "LS": f"SA/{year}/{n:03d}",
            "NC": f"CPS-{n:04d}-{year}", "BI": f"{n:03d}/DNCMP/{year}", "VU": f"CS-{year}/{n:03d}",
            "MO": f"{n:03d}/{year}", "GL": f"{year}-{n:04d}"}[country]  # fmt: skip


_TERM_CHOICES = ((6, "months"), (12, "months"), (18, "months"), (1, "years"), (2, "years"), (3, "years"))


def sample_contract14(rng: random.Random, fam: Blind14Family) -> Contract2:
    """A contract of ``fam``: its parties, dates (the expiry the day before the term or the months run out) and
    rates."""
    text = CONTRACT14[fam.country]
    buyer = make_party14(rng, fam.country)
    parties = (buyer, make_party14(rng, fam.country, avoid=buyer.name))
    effective = date(rng.randrange(2024, 2028), 1, 1) + timedelta(days=rng.randrange(365))
    term = rng.choice(_TERM_CHOICES) if "term" in fam.extras else None
    months = term[0] * (12 if term[1] == "years" else 1) if term else rng.choice([6, 12, 24])
    mult = Decimal(_PRICE_SCALE14[fam.currency])
    chosen = rng.sample(text["services"], rng.randrange(2, len(text["services"]) + 1))
    rates = [
        (svc, unit, _half_up(Decimal(rng.randrange(2000, 90000)) / 100 * mult, fam.places)) for svc, unit in chosen
    ]
    expiry = effective + relativedelta(months=months) - timedelta(days=1)
    number = _contract_number14(rng, fam.country, effective.year)
    return Contract2(number, effective, expiry, term, *parties, rng.choice(text["terms"]), rates)


class Contract14Writer(Contract13Writer):
    """Set 13's contract writer (its clauses and signatures, through set 12's) with this set's papers and
    schedules."""

    def __init__(self, rng: random.Random, fam: Blind14Family, model: Contract2) -> None:
        self.model, self.text = model, CONTRACT14[fam.country]
        self.col, self.clauses = -1, []  # one column; set 12's clause list (unused here)
        self.top = self.bottom = self.left_end = 0.0
        Sheet12.__init__(self, rng, fam)  # type: ignore[arg-type]

    # ------------------------------------------------------------ layouts

    def write_clauses(self) -> None:
        """Numbered clauses, the rates the fourth."""
        for k, (head, template, values) in enumerate(self.clause_list(), start=1):
            if k == 4:
                self.room13(50)
                self.t(self.M, self.y + 12, f"4. {self.text['heads'][3]}", 9.5, bold=True)
                self.y += 16
                self.schedule14()
            self.room13(40)
            self.t(self.M, self.y + 12, f"{k if k < 4 else k + 1}. {head}", 9.5, bold=True)
            self.y += 14
            self.flow(template, values, self.M, self.W - 2 * self.M, size=9)

    def write_linenum(self) -> None:
        self.write_clauses()

    def write_award(self) -> None:
        """A letter of award: the buyer's letterhead, the reference and date, the contractor addressed, the award,
        the rates, the buyer's signature, then the contractor's acceptance block."""
        text, v, m, M = self.text, self.values(), self.model, self.M
        a = text["award"]
        b = m.buyer
        self.t(self.W / 2, 48, b.name, 14, bold=True, align="center", ent=self.ent("buyer_name"))
        self.t(self.W / 2, 61, f"{b.street}, {b.city}", 8, align="center")
        label = str(b.tax_label)
        gap = width(" ", self.fonts.regular, 8)
        lw = width(label, self.fonts.regular, 8) + gap + width(str(b.tax_id), self.fonts.regular, 8)
        x = self.W / 2 - lw / 2
        x += self.t(x, 72, label, 8) + gap
        self.t(x, 72, str(b.tax_id), 8, ent=self.ent("buyer_tax_id"))
        self.page.line(M, 80, self.W - M, 80, 1.0)
        x = M + self.t(M, 100, a["ref"], 9) + 4
        self.t(x, 100, m.number, 9, ent=self.ent("contract_number"))
        eff = v["eff"][0]
        self.t(self.W - M, 100, eff, 9, align="right", ent=self.ent("effective_date"))
        self.t(self.W - M - width(eff, self.fonts.regular, 9) - 4, 100, f"{a['date']}:", 9, align="right")
        y = 124.0
        vd = m.vendor
        self.t(M, y, vd.name, 9.5, bold=True, ent=self.ent("vendor_name"))
        for line in (vd.street, vd.city):
            y += 11
            self.t(M, y, line, 9)
        y += 11
        x = M + self.t(M, y, str(vd.tax_label), 9) + 4
        self.t(x, y, str(vd.tax_id), 9, ent=self.ent("vendor_tax_id"))
        self.t(M, y + 26, f"{a['subject']} – {text['title']}", 10, bold=True)
        self.y = y + 34
        self.flow(a["dear"], {}, M, self.W - 2 * M)
        self.flow(a["body"], {}, M, self.W - 2 * M)
        term, tv = self.term_sentence()
        self.flow(term, tv, M, self.W - 2 * M)
        self.flow(text["pay"], {k: v[k] for k in ("cur", "terms")}, M, self.W - 2 * M)
        self.flow(a["rates"], {}, M, self.W - 2 * M)
        self.y += 2
        self.schedule14()
        self.flow(a["return"], {}, M, self.W - 2 * M)
        self.flow(a["close"], {}, M, self.W - 2 * M)
        self.room13(150)
        self.y += 30
        self.page.line(M, self.y, M + 180, self.y, 0.4)
        self.t(M, self.y + 11, b.name, 8)
        self.y += 30
        self.page.rect(M, self.y, self.W - 2 * M, 96, line_width=0.8)
        self.t(M + 8, self.y + 14, a["accept"], 9, bold=True)
        self.t(M + 8, self.y + 28, a["accept_body"], 8.5)
        half = (self.W - 2 * M - 16) / 2
        for k, cap in enumerate(a["fields"]):
            x, yy = M + 8 + (k % 2) * half, self.y + 56 + (k // 2) * 28
            self.t(x, yy, f"{cap}:", 8)
            self.page.line(x + 60, yy + 1, x + half - 12, yy + 1, 0.4)
        self.y += 104

    # ------------------------------------------------------------ schedules

    def schedule14(self) -> None:
        table = self.fam.table
        if table == "words":
            self.rates_in_words()
        elif table == "redline":
            self.redline()
        elif table == "notes":
            self.rate_notes()
        else:
            self.rate_table(self.text["cols"])

    def rates_in_words(self) -> None:
        """Each rate a sentence, the amount in words first and the figure after it in brackets."""
        text = self.text
        for service, unit, rate, i in self.rate_rows():
            amount = self.model.rates[i][2]
            words = f"{french_words(int(amount))} {text['money']}"
            vals = {"service": (service, "description", i), "words": (words, None), "rate": (rate, "unit_price", i),
                    "cur": (self.fam.currency, None), "unit": (unit, "unit", i)}  # fmt: skip
            self.room13(30)
            self.t(self.M + 8, self.y + 9, "–", 9)
            self.flow(text["words"], vals, self.M + 20, self.W - 2 * self.M - 20, size=9)

    def redline(self) -> None:
        """The amended schedule as a redline: each old rate struck through in red, the new one underlined in blue
        beside it."""
        M, span = self.M, self.W - 2 * self.M
        self.flow(self.text["redline"], {}, M, span, size=9)
        self.y += 2
        cols = self.text["cols"]
        widths = [0.5 * span, 0.18 * span, 0.32 * span]
        self.room13(40)
        self.page.rect(M, self.y, span, 16, fill=(0.9, 0.9, 0.9), line_width=0.5)
        x = M
        for k, (cap, cw) in enumerate(zip(cols, widths, strict=True)):
            self.t(
                x + cw - 4 if k == 2 else x + 4, self.y + 11, cap, 8.5, bold=True, align="right" if k == 2 else "left"
            )
            x += cw
        self.y += 16
        red, blue = (0.75, 0.1, 0.1), (0.1, 0.2, 0.7)
        for service, unit, rate, i in self.rate_rows():
            self.room13(18)
            self.page.rect(M, self.y, span, 16, line_width=0.4)
            base = self.y + 11
            self.page.text(M + 4, base, service, self.fonts.regular, 8.5, entity=self.ent("description", i), row=i)
            self.page.text(M + widths[0] + 4, base, unit, self.fonts.regular, 8.5, entity=self.ent("unit", i), row=i)
            right = M + span - 4
            nw = self.page.text(right, base, rate, self.fonts.regular, 8.5, entity=self.ent("unit_price", i),
                                align="right", row=i, color=blue)  # fmt: skip
            self.page.line(right - nw, base + 1.5, right, base + 1.5, 0.6, blue)
            factor = Decimal(self.rng.choice(["0.9", "0.92", "0.95", "0.85"]))
            old = self.money(_half_up(self.model.rates[i][2] * factor, self.fam.places))
            ow = self.t(right - nw - 8, base, old, 8.5, align="right", color=red)
            self.page.line(right - nw - 8 - ow - 1, base - 2.6, right - nw - 7, base - 2.6, 0.7, red)
            self.y += 16
        self.y += 10

    def rate_notes(self) -> None:
        """A ruled rate table whose rates carry note markers ('(1)'), the notes under the table in small print."""
        M, span = self.M, self.W - 2 * self.M
        notes = self.text["notes"]
        cols = self.text["cols"]
        widths = [0.5 * span, 0.2 * span, 0.3 * span]
        self.room13(40)
        self.page.rect(M, self.y, span, 16, fill=(0.9, 0.9, 0.9), line_width=0.5)
        x = M
        for k, (cap, cw) in enumerate(zip(cols, widths, strict=True)):
            self.t(
                x + cw - 22 if k == 2 else x + 4, self.y + 11, cap, 8.5, bold=True, align="right" if k == 2 else "left"
            )
            x += cw
        self.y += 16
        used: list[int] = []
        for service, unit, rate, i in self.rate_rows():
            self.room13(18)
            self.page.rect(M, self.y, span, 16, line_width=0.4)
            base = self.y + 11
            self.page.text(M + 4, base, service, self.fonts.regular, 8.5, entity=self.ent("description", i), row=i)
            self.page.text(M + widths[0] + 4, base, unit, self.fonts.regular, 8.5, entity=self.ent("unit", i), row=i)
            self.page.text(M + span - 22, base, rate, self.fonts.regular, 8.5, entity=self.ent("unit_price", i),
                           align="right", row=i)  # fmt: skip
            if self.rng.random() < 0.6:
                k = self.rng.randrange(len(notes))
                self.t(M + span - 19, base - 3, f"({k + 1})", 6)
                used.append(k)
            self.y += 16
        self.y += 4
        self.page.line(M, self.y, M + 120, self.y, 0.4)
        for k in sorted(set(used)):
            self.room13(12)
            self.t(M, self.y + 9, f"({k + 1})", 6.5)
            self.flow(notes[k], {}, M + 14, span - 14, size=7, lead=1.3)
            self.y -= 4
        self.y += 10

    def number_lines(self) -> None:
        """Every line of every page numbered in the left margin (a ruled margin as on legal paper)."""
        for page in self.pages:
            bottoms = sorted({round(w["pt"][3]) for w in page.words})
            lines: list[float] = []
            for b in bottoms:  # words within 4 pt of each other are one line; its number goes by the lowest
                if lines and b - lines[-1] <= 4:
                    lines[-1] = b
                else:
                    lines.append(b)
            for k, b in enumerate(lines, start=1):
                page.text(self.M - 10, b - DESCENT * 9, str(k), self.fonts.regular, 6.5, align="right",
                          color=(0.5, 0.5, 0.5))  # fmt: skip
            page.line(self.M - 6, 30, self.M - 6, self.H - 30, 0.4, (0.7, 0.3, 0.3))
            page.line(self.M - 4, 30, self.M - 4, self.H - 30, 0.4, (0.7, 0.3, 0.3))

    def write(self) -> None:
        fam = self.fam
        if fam.header != "award":
            self.heading()
        getattr(self, f"write_{fam.header}")()
        if fam.header != "award":
            self.signatures()
        if fam.header == "linenum":
            self.number_lines()
        self.page_numbers("")


def make_blind14_contract(seed: int, fam: Blind14Family, doc_id: str | None = None) -> GeneratedDoc:
    doc = make_set_contract(seed, fam, doc_id, set_no=14, sample=sample_contract14, writer_of=Contract14Writer)
    doc.label["features"]["numbers"] = fam.numbers
    return doc


# ---------------------------------------------------------------- scans

SCAN_CONDITIONS = ("lidopen", "thumb", "rollers")


def _lidopen(img: Image.Image, rng: random.Random) -> Image.Image:
    """Scanned with the lid open: a dark surround where the glass met the room, its edge soft and uneven."""
    rgb = np.asarray(img.convert("RGB"), dtype=np.float32)
    h, w = rgb.shape[:2]
    ys, xs = np.mgrid[0:h, 0:w].astype(np.float32)
    dark = np.zeros((h, w), dtype=np.float32)
    for axis, size, flip in ((xs, w, False), (xs, w, True), (ys, h, False), (ys, h, True)):
        inset = rng.uniform(0.006, 0.02) * size
        dist = (size - 1 - axis) if flip else axis
        wobble = rng.uniform(0.0, 0.002) * size * np.sin((ys if axis is xs else xs) / rng.uniform(80, 200))
        dark = np.maximum(dark, np.clip((inset + wobble - dist) / max(2.0, 0.004 * size), 0, 1))
    level = np.array([rng.uniform(18, 40)] * 3, dtype=np.float32)
    out = rgb * (1 - dark[..., None]) + level * dark[..., None]
    return Image.fromarray(np.clip(out, 0, 255).astype(np.uint8))


def _thumb(img: Image.Image, rng: random.Random) -> Image.Image:
    """A thumb holding the page at its left or right edge, with its soft shadow on the paper."""
    rgb = np.asarray(img.convert("RGB"), dtype=np.float32)
    h, w = rgb.shape[:2]
    ys, xs = np.mgrid[0:h, 0:w].astype(np.float32)
    cx = 0.0 if rng.random() < 0.5 else float(w)
    cy = rng.uniform(0.3, 0.8) * h
    rx, ry = rng.uniform(0.045, 0.06) * w, rng.uniform(0.05, 0.07) * h
    d = ((xs - cx) / rx) ** 2 + ((ys - cy) / ry) ** 2
    shadow = np.clip(1 - (np.sqrt(d) - 1) / 0.35, 0, 1) * 0.35
    out = rgb * (1 - shadow[..., None])
    skin = np.array(rng.choice([(214, 170, 140), (170, 120, 90), (120, 80, 60)]), dtype=np.float32)
    inside = d < 1
    shade = 0.75 + 0.25 * (1 - d)
    out[inside] = skin[None, :] * shade[inside][:, None]
    return Image.fromarray(np.clip(out, 0, 255).astype(np.uint8))


def _rollers(img: Image.Image, rng: random.Random) -> Image.Image:
    """An automatic document feeder's roller marks: faint grey smudges repeated down the page at the rollers'
    turn, in two or three columns."""
    arr = np.asarray(img.convert("L"), dtype=np.float32)
    h, w = arr.shape
    ys, xs = np.mgrid[0:h, 0:w].astype(np.float32)
    shade = np.ones_like(arr)
    period = rng.uniform(0.12, 0.2) * h
    for _ in range(rng.randrange(2, 4)):
        cx = rng.uniform(0.2, 0.8) * w
        phase = rng.uniform(0, period)
        mark_h, mark_w = rng.uniform(0.012, 0.025) * h, rng.uniform(0.01, 0.018) * w
        y = phase
        while y < h:
            shade *= 1 - rng.uniform(0.05, 0.1) * np.exp(-(((xs - cx) / mark_w) ** 2) - ((ys - y) / mark_h) ** 2)
            y += period
    soft = Image.fromarray(np.clip(arr * shade, 0, 255).astype(np.uint8)).filter(ImageFilter.GaussianBlur(0.4))
    return soft


_OWN14 = {"lidopen": _lidopen, "thumb": _thumb, "rollers": _rollers}


# this set's own conditions; the earlier sets' through ``blind13.condition13``
condition14 = chain_conditions(_OWN14, condition13)


# ---------------------------------------------------------------- data sets


def make_blind14(seed: int, fam: Blind14Family, doc_id: str | None = None) -> GeneratedDoc:
    """One document of ``fam``; the same seed gives the same bytes."""
    return (make_blind14_po if fam.kind == "po" else make_blind14_contract)(seed, fam, doc_id)


def generate_blind14(n: int, out: Path, seed: int, scanned_share: float = 0.0, split: str = "all") -> list[Path]:
    """Write ``n`` documents of the fourteenth blind set's ``split`` (dev, test or all) with their labels to ``out``.
    A scanned document gets its family's own scan condition or, one time in three, the factory's plain scan."""
    return write_blind_set(n, out, seed, scanned_share, split, blind14_families(split), make_blind14, set_no=14,
                           salt=0xB114, conditioner=condition14)  # fmt: skip


__all__ = ["BLIND14_SPLITS", "BY_NAME", "FAMILIES", "SCAN_CONDITIONS", "SPLIT_SEED", "blind14_families",
           "condition14", "generate_blind14", "make_blind14", "sample_po14", "tax_id14", "tax_id_valid14"]  # fmt: skip
