"""The ninth blind set: purchase orders and contracts written without looking at the extractor, for measuring it.

The earlier sets printed Europe and the Americas most; this set goes to the Asian and African desks no set printed
(Japan in English with its addressee-first order form and seal, Korea, Taiwan, Vietnam, Indonesia, Thailand, Kenya,
Egypt, Morocco, Malaysia, Nigeria) and to papers no set drew: an EDI ORDERS message printed segment by segment in a
monospaced face, a web shop's checkout printed from the browser, an order after a fax cover sheet, a US government
form of numbered blocks (a CAGE code, block 17 the schedule), a table whose items run over two rows each, a header of
two tiers (merged cells over 'ordered / unit' and 'unit / extended'), lines grouped under their delivery dates, notes
rows between the items, a health-care supply order with a lot and an expiry on every line, a food distributor's
catch-weight order (kilograms with three decimals, a price per kilogram), and a Canadian order in English and French
with GST and QST. Contracts: a framework agreement whose price annex sets the old price beside the new one (only the
new is the truth), an engagement letter with its day rates in the prose, a maintenance contract with tiered SLA fees,
a software licence priced per user in tiers, an equipment lease schedule (rent per month, a term in months), a
distribution agreement with a discount table beside its list prices, a Portuguese maintenance contract and an
Egyptian consultancy agreement. Tax ids with valid check digits (python-stdnum) where the country has a scheme stdnum
knows: Japan's corporate number, Korea's BRN, Taiwan's UBN, Vietnam's MST, Indonesia's NPWP, Thailand's TIN,
Portugal's NIF, Denmark's CVR, Finland's Y-tunnus, Iceland's kennitala, Ireland's VAT, Canada's BN, Australia's ABN,
the UK's VAT, the US EIN, Egypt's tax number and Morocco's ICE; elsewhere a registration number printed but not
labelled. Scans: set 8's conditions (and through them the earlier sets') and four of this set's own: thermal-paper
print (low contrast, faded, warm), crumpled paper (soft shading and creases), a 150 dpi fax with dithering, and a
red receiving stamp across the page.

The labels are the other sets' (``blind.blind_po_doc``, ``blind2.blind_contract_doc``): a line's ``unit_price`` is
the price as printed, its ``amount`` the line amount as printed (quantity x price, rounded to the currency's places;
yen, won, dong and krónur print no decimals). A contract's label lines are its rates (description, unit, rate as
printed); the framework agreement's are the new prices only. The families are split once into a ``dev`` and a
``test`` half (``BLIND9_SPLITS``: ``split_by_kind`` with ``SPLIT_SEED``). ``ledgerlens data blind --set 9`` writes
them. Written without opening the extractor's code or its results.
"""

from __future__ import annotations

import random
from collections.abc import Callable
from dataclasses import dataclass, field
from datetime import date, timedelta
from decimal import ROUND_DOWN, Decimal
from pathlib import Path
from typing import Any

import numpy as np
from dateutil.relativedelta import relativedelta
from PIL import Image, ImageDraw, ImageFilter, ImageFont
from stdnum.au import abn as au_abn
from stdnum.ca import bn as ca_bn
from stdnum.dk import cvr as dk_cvr
from stdnum.eg import tn as eg_tn
from stdnum.fi import ytunnus as fi_ytunnus
from stdnum.gb import vat as gb_vat
from stdnum.id import npwp as id_npwp
from stdnum.ie import vat as ie_vat
from stdnum.is_ import kennitala as is_kennitala
from stdnum.jp import cn as jp_cn
from stdnum.kr import brn as kr_brn
from stdnum.ma import ice as ma_ice
from stdnum.pt import nif as pt_nif
from stdnum.th import tin as th_tin
from stdnum.tw import ubn as tw_ubn
from stdnum.us import ein as us_ein
from stdnum.vn import mst as vn_mst

from training.factory.blind import BlindParty, BlindPO
from training.factory.blind2 import Blind2Family, Contract2, write_blind_set
from training.factory.blind3 import split_by_kind
from training.factory.blind8 import condition8
from training.factory.blindkit import draw_valid, make_set_contract, make_set_po, split_families
from training.factory.common import GeneratedDoc, family_id
from training.factory.layout import Entity, Fonts, PageDraft, width, wrap
from training.factory.po import POLine
from training.factory.values import dec_str, format_number, q2

# ---------------------------------------------------------------- families


@dataclass(frozen=True)
class Blind9Family(Blind2Family):
    """A set-9 family. ``header`` (orders): jp | boxes | letter | edi | webshop | fax | govform | bilingual;
    (contracts): framework | letter | sla | licence | lease | distribution | clauses | consult. ``items`` (orders):
    table | tworow | merged | notes | dated | cart | edi | lots | catch. ``extras``: seal (a red seal by the
    signature), zebra, boxed, topbox (the total in a box above the table), gstqst (two taxes), term (a contract's
    term as a duration)."""

    optional: tuple[str, ...] = ()

    @property
    def family(self) -> str:
        return family_id(f"{self.kind}-blind9", {"name": self.name})


def _x(*names: str) -> frozenset[str]:
    return frozenset(names)


F = Blind9Family
_LINE = ("line_no", "sku", "description", "quantity", "unit", "unit_price", "amount")
FAMILIES: list[Blind9Family] = [
    F("chumonsho-onchu-jp", "po", "en", "JP", "JPY", "jp", "table", dates="ymd_slash", numbers="en", columns=_LINE,
      lines=(2, 16), extras=_x("seal", "topbox", "boxed"), font="nimbus-sans", scan="thermal", optional=("sku",)),
    F("export-po-boxes-kr", "po", "en", "KR", "KRW", "boxes", "merged", dates="ymd_dot", numbers="en",
      columns=_LINE, lines=(2, 60), extras=_x("boxed",), font="dejavu-sans", scan="dither150", optional=("line_no",)),
    F("purchase-order-ubn-tw", "po", "en", "TW", "TWD", "letter", "notes", dates="ymd_slash", numbers="en",
      columns=_LINE, lines=(2, 18), extras=_x("zebra",), font="nimbus-sans", scan="crumple", optional=("sku",)),
    F("don-dat-hang-vn", "po", "vi", "VN", "VND", "letter", "table", dates="dmy_slash", numbers="de",
      columns=("line_no", "description", "unit", "quantity", "unit_price", "amount"), lines=(2, 20),
      extras=_x("boxed", "seal"), font="dejavu-sans", scan="stamp"),
    F("pesanan-pembelian-ppn-id", "po", "id", "ID", "IDR", "letter", "tworow", dates="long", numbers="de",
      columns=_LINE, lines=(2, 20), font="dejavu-sans-condensed", scan="thermal"),
    F("purchase-order-three-boxes-th", "po", "en", "TH", "THB", "boxes", "table", dates="d_mon", numbers="en",
      columns=_LINE, lines=(2, 22), extras=_x("zebra",), font="dejavu-serif", scan="crumple", optional=("sku",)),
    F("edi-orders-print-pt", "po", "pt", "PT", "EUR", "edi", "edi", dates="iso", numbers="plain",
      columns=_LINE, lines=(2, 14), font="nimbus-mono", scan="dither150"),
    F("webshop-ordrebekraeftelse-dk", "po", "da", "DK", "DKK", "webshop", "cart", dates="long", numbers="de",
      columns=("sku", "description", "quantity", "unit_price", "amount"), lines=(1, 10), font="dejavu-sans",
      scan="stamp"),
    F("ostotilaus-toimituspaivat-fi", "po", "fi", "FI", "EUR", "letter", "dated", dates="dmy_dot", numbers="fr",
      columns=_LINE, lines=(3, 50), font="nimbus-sans", scan="crumple", optional=("sku",)),
    F("pontun-tvilinur-is", "po", "is", "IS", "ISK", "letter", "tworow", dates="long", numbers="de",
      columns=_LINE, lines=(2, 18), font="nimbus-roman", scan="thermal"),
    F("fax-cover-order-ie", "po", "en", "IE", "EUR", "fax", "table", dates="d_mon", numbers="en",
      columns=_LINE, lines=(2, 14), extras=_x("boxed",), font="nimbus-mono", scan="dither150",
      optional=("sku", "unit")),
    F("bon-commande-gst-qst-ca", "po", "fr", "CA", "CAD", "bilingual", "table", dates="iso", numbers="fr",
      columns=_LINE, lines=(2, 45), extras=_x("gstqst", "zebra"), font="dejavu-sans", scan="stamp",
      optional=("line_no",)),
    F("order-merged-header-abn-au", "po", "en", "AU", "AUD", "letter", "merged", dates="dmy_slash", numbers="en",
      columns=_LINE, lines=(2, 24), extras=_x("boxed",), font="urw-gothic", scan="crumple", optional=("sku",)),
    F("numbered-blocks-cage-us", "po", "en", "US", "USD", "govform", "table", dates="mdy_slash", numbers="en",
      columns=_LINE, lines=(2, 12), extras=_x("boxed",), font="nimbus-sans-narrow", scan="dither150"),
    F("medical-supply-lots-ke", "po", "en", "KE", "KES", "letter", "lots", dates="dmy_slash", numbers="en",
      columns=("line_no", "sku", "description", "quantity", "unit", "unit_price", "amount"), lines=(2, 48),
      extras=_x("zebra",), font="nimbus-sans", scan="stamp"),
    F("catch-weight-order-sco", "po", "en", "GB", "GBP", "letter", "catch", dates="dmy_slash", numbers="en",
      columns=("sku", "description", "quantity", "unit", "unit_price", "amount"), lines=(2, 22),
      font="dejavu-sans-condensed", scan="thermal"),
    F("framework-price-annex-eg", "contract", "en", "EG", "EGP", "framework", "compare", dates="d_mon_long",
      numbers="en", font="dejavu-serif", scan="crumple"),
    F("engagement-letter-day-rates-sco", "contract", "en", "GB", "GBP", "letter", "prose", dates="d_mon_long",
      numbers="en", font="c059", scan="thermal"),
    F("maintenance-sla-tiers-my", "contract", "en", "MY", "MYR", "sla", "tiers", dates="d_mon_long", numbers="en",
      extras=_x("term",), font="nimbus-sans", scan="stamp"),
    F("licence-per-user-tiers-fi", "contract", "en", "FI", "EUR", "licence", "tiers", dates="dmy_dot",
      numbers="fr", extras=_x("term",), font="dejavu-sans", scan="dither150"),
    F("lease-schedule-ng", "contract", "en", "NG", "NGN", "lease", "lease", dates="d_mon_long", numbers="en",
      extras=_x("term",), font="nimbus-roman", scan="crumple"),
    F("contrat-distribution-remises-ma", "contract", "fr", "MA", "MAD", "distribution", "discounts",
      dates="long", numbers="fr", font="p052", scan="stamp"),
    F("contrato-manutencao-pt", "contract", "pt", "PT", "EUR", "clauses", "bullets", dates="long", numbers="de",
      font="dejavu-serif", scan="thermal"),
    F("consultancy-agreement-kr", "contract", "en", "KR", "KRW", "consult", "table", dates="d_mon_long",
      numbers="en", font="dejavu-sans", scan="dither150"),
]  # fmt: skip
BY_NAME = {f.name: f for f in FAMILIES}
# The split: within each kind, the family names sorted, shuffled with random.Random(SPLIT_SEED), the first half
# (rounded up) to dev. Fixed once, before any document of the set was measured.
SPLIT_SEED = 9393
BLIND9_SPLITS: dict[str, list[str]] = split_by_kind(FAMILIES, SPLIT_SEED)


def blind9_families(split: str = "all") -> list[Blind9Family]:
    return split_families(BLIND9_SPLITS, BY_NAME, split)


# ---------------------------------------------------------------- locale: formats

MONTHS9 = {
    "en": "January February March April May June July August September October November December",
    "pt": "janeiro fevereiro março abril maio junho julho agosto setembro outubro novembro dezembro",
    "da": "januar februar marts april maj juni juli august september oktober november december",
    "fi": "tammikuuta helmikuuta maaliskuuta huhtikuuta toukokuuta kesäkuuta heinäkuuta elokuuta syyskuuta "
    "lokakuuta marraskuuta joulukuuta",
    "fr": "janvier février mars avril mai juin juillet août septembre octobre novembre décembre",
    "id": "Januari Februari Maret April Mei Juni Juli Agustus September Oktober November Desember",
    "is": "janúar febrúar mars apríl maí júní júlí ágúst september október nóvember desember",
    "vi": "1 2 3 4 5 6 7 8 9 10 11 12",
}
ZERO_DECIMALS9 = {"JPY", "KRW", "VND", "ISK"}
LAKH9: set[str] = set()
LETTER9 = {"US", "CA"}


def format_day9(day: date, style: str, lang: str) -> str:
    """A date as the document prints it. 'long' is the language's written month ('5 de março de 2026', '5. marts
    2026', '5. maaliskuuta 2026', '5 Maret 2026', '5. mars 2026', 'ngày 05 tháng 03 năm 2026')."""
    d, m, y = day.day, day.month, day.year
    month = MONTHS9.get(lang, MONTHS9["en"]).split()[m - 1]
    en = MONTHS9["en"].split()[m - 1]
    if style == "long":
        return {
            "pt": f"{d} de {month} de {y}", "da": f"{d}. {month} {y}", "fi": f"{d}. {month} {y}",
            "is": f"{d}. {month} {y}", "fr": f"{d} {month} {y}", "id": f"{d} {month} {y}",
            "vi": f"ngày {d:02d} tháng {m:02d} năm {y}",
        }.get(lang, f"{d} {en} {y}")  # fmt: skip
    return {
        "iso": f"{y:04d}-{m:02d}-{d:02d}", "dmy_dot": f"{d}.{m}.{y}", "dmy_dot2": f"{d:02d}.{m:02d}.{y}",
        "dmy_slash": f"{d:02d}/{m:02d}/{y}", "mdy_slash": f"{m:02d}/{d:02d}/{y}", "ymd_slash": f"{y}/{m:02d}/{d:02d}",
        "ymd_dot": f"{y}.{m:02d}.{d:02d}", "d_mon": f"{d:02d}-{en[:3]}-{y}", "d_mon_long": f"{d} {en} {y}",
        "mdy_long": f"{en} {d}, {y}", "ymd_kanji": f"{y}/{m}/{d}",
    }[style]  # fmt: skip


# what else a country's documents may print the date as (the family's own first)
DATE_STYLES9 = {"JP": ("ymd_kanji", "mdy_long"), "KR": ("iso",), "TW": ("iso",), "VN": ("long",), "ID": ("dmy_slash",),
                "TH": ("d_mon_long",), "PT": ("dmy_slash",), "DK": ("dmy_dot2",), "FI": ("iso",), "IS": ("dmy_dot2",),
                "IE": ("d_mon_long",), "CA": ("mdy_long",), "AU": ("d_mon_long",), "US": ("mdy_long",),
                "KE": ("d_mon_long",), "GB": ("d_mon_long",)}  # fmt: skip
TAX_RATES9 = {"JP": ["10"], "KR": ["10"], "TW": ["5"], "VN": ["10", "8"], "ID": ["11"], "TH": ["7"], "PT": ["23"],
              "DK": ["25"], "FI": ["25.5"], "IS": ["24"], "IE": ["23"], "CA": ["5", "9.975"], "AU": ["10"], "US": [],
              "KE": ["16", "0"], "GB": ["0"]}  # fmt: skip


def num9(value: Decimal, style: str, places: int = 2) -> str:
    """``value`` in the number style: values.NUMBER_STYLES', or 'in' (lakh grouping: 12,34,567.80)."""
    if style != "in":
        return format_number(value, style, places)
    text = format_number(value, "plain", places)
    whole, _, frac = text.partition(".")
    sign = "-" if whole.startswith("-") else ""
    whole = whole.lstrip("-")
    if len(whole) > 3:
        head, tail = whole[:-3], whole[-3:]
        groups: list[str] = []
        while len(head) > 2:
            groups.insert(0, head[-2:])
            head = head[:-2]
        whole = ",".join([head, *groups, tail]) if head else ",".join([*groups, tail])
    return sign + whole + (f".{frac}" if frac else "")


def qty9(value: Decimal, style: str) -> str:
    if value == value.to_integral_value():
        return num9(value, style, 0)
    exponent = value.as_tuple().exponent
    return num9(value, style, -exponent if isinstance(exponent, int) and exponent < 0 else 0)


# ---------------------------------------------------------------- locale: parties

# country -> (stems, trades, legal forms, [(city, post code, street)], country word, tax id caption, people)
PARTIES9: dict[str, tuple[list[str], list[str], list[str], list[tuple[str, str, str]], str, str, list[str]]] = {
    "JP": (["Shinano", "Kiso", "Hokuriku", "Setouchi"], ["Seiki", "Shoji", "Denki", "Kogyo"],
           ["Co., Ltd.", "K.K.", "Corporation"], [("Nagoya, Aichi", "460-0008", "Sakae 3-chome"),
           ("Hamamatsu, Shizuoka", "430-0929", "Chuo 2-chome")], "Japan", "Corporate No.",
           ["Mr. Takahashi", "Ms. Sato"]),
    "KR": (["Hanbit", "Daesung", "Seorak", "Mokpo"], ["Precision", "Industrial", "Electronics"],
           ["Co., Ltd.", "Corp."], [("Changwon-si, Gyeongsangnam-do", "51430", "Jungang-daero"),
           ("Incheon", "21999", "Songdo-dong")], "Republic of Korea", "Business Reg. No.", ["J. H. Kim", "S. Park"]),
    "TW": (["Formosa Bay", "Hsinchu Valley", "Yushan", "Tamsui"], ["Electronics", "Machinery", "Plastics"],
           ["Co., Ltd.", "Corp."], [("Taichung City", "407", "Sec. 3, Taiwan Blvd."),
           ("Tainan City", "701", "Sec. 1, Dongmen Rd.")], "Taiwan", "Unified Business No.",
           ["Jerry Lin", "Amy Chen"]),
    "VN": (["Sông Hồng", "Hạ Long", "Cửu Long", "Trường Sơn"], ["Cơ Khí", "Thương Mại", "Điện Máy"],
           ["Công ty TNHH", "Công ty Cổ phần"], [("Quận 7, TP. Hồ Chí Minh", "700000", "Nguyễn Văn Linh"),
           ("Quận Cầu Giấy, Hà Nội", "100000", "Trần Duy Hưng")], "Việt Nam", "MST", ["Nguyễn Thị Lan",
           "Trần Văn Minh"]),
    "ID": (["Nusantara", "Cendrawasih", "Merapi", "Mahakam"], ["Teknik", "Sentosa", "Makmur Jaya"],
           ["PT", "PT"], [("Bekasi, Jawa Barat", "17530", "Jl. Industri Selatan"),
           ("Surabaya", "60293", "Jl. Rungkut Industri")], "Indonesia", "NPWP", ["Budi Santoso", "Dewi Lestari"]),
    "TH": (["Chao Phraya", "Siam Delta", "Lanna", "Andaman"], ["Engineering", "Industry", "Supply"],
           ["Co., Ltd.", "Public Company Limited"], [("Bang Na, Bangkok", "10260", "Bangna-Trad Road"),
           ("Si Racha, Chon Buri", "20230", "Sukhumvit Road")], "Thailand", "Tax ID", ["Somchai P.",
           "Kanya W."]),
    "PT": (["Douro", "Alentejo", "Minho", "Ribatejo"], ["Metalomecânica", "Distribuição", "Componentes"],
           ["Lda.", "S.A.", "Unipessoal Lda."], [("Porto", "4100-130", "Rua de Cedofeita"),
           ("Braga", "4700-320", "Avenida da Liberdade")], "Portugal", "NIF", ["Ana Ferreira", "Rui Costa"]),
    "DK": (["Limfjord", "Mols", "Skagen", "Himmerland"], ["Værktøj", "Teknik", "Kontorforsyning"],
           ["ApS", "A/S"], [("Aarhus C", "8000", "Søndergade"), ("Odense C", "5000", "Vestergade")], "Danmark",
           "CVR-nr.", ["Mette Holm", "Lars Sørensen"]),
    "FI": (["Saimaa", "Kallio", "Pohjolan", "Näsijärven"], ["Kone", "Tekniikka", "Rakennus"], ["Oy", "Oyj"],
           [("Tampere", "33100", "Hämeenkatu"), ("Oulu", "90100", "Kirkkokatu")], "Suomi", "Y-tunnus",
           ["Anna Virtanen", "Mikko Laine"]),
    "IS": (["Hekla", "Esja", "Vatnajökull", "Skjálfandi"], ["Vélar", "Byggingavörur", "Tækni"], ["ehf.", "hf."],
           [("Reykjavík", "105", "Borgartún"), ("Akureyri", "600", "Glerárgata")], "Ísland", "Kennitala",
           ["Guðrún Jónsdóttir", "Sigurður Pétursson"]),
    "IE": (["Shannon", "Liffey", "Burren", "Wicklow"], ["Engineering", "Supplies", "Technical Services"],
           ["DAC", "Limited", "Teoranta"], [("Limerick", "V94 X2F3", "O'Connell Street"),
           ("Galway", "H91 K8C2", "Eyre Square")], "Ireland", "VAT No.", ["Siobhán Walsh", "Declan Byrne"]),
    "CA": (["Laurentides", "Saguenay", "Outaouais", "Gaspésie"], ["Équipement", "Industries", "Services"],
           ["Inc.", "Ltée", "Ltd."], [("Montréal (QC)", "H3B 2Y5", "boul. René-Lévesque O."),
           ("Québec (QC)", "G1R 4P5", "rue Saint-Jean")], "Canada", "BN / NE", ["Julie Tremblay", "Marc Gagnon"]),
    "AU": (["Murray", "Kimberley", "Flinders", "Gippsland"], ["Industrial", "Engineering", "Trade Supplies"],
           ["Pty Ltd", "Pty. Limited"], [("Geelong VIC", "3220", "Moorabool Street"),
           ("Townsville QLD", "4810", "Flinders Street")], "Australia", "ABN", ["Kylie Nguyen", "Brett Walker"]),
    "US": (["Redstone", "Tidewater", "Allegheny", "Cascade"], ["Defense Systems", "Technologies", "Industries"],
           ["Inc.", "LLC", "Corp."], [("Huntsville, AL", "35806", "Research Park Blvd"),
           ("Norfolk, VA", "23510", "Granby Street")], "USA", "TIN", ["R. Alvarez", "K. Johnson"]),
    "KE": (["Rift Valley", "Kilimanjaro", "Tana", "Amboseli"], ["Medical Supplies", "Pharma", "Healthcare"],
           ["Ltd", "Limited"], [("Nairobi", "00100", "Mombasa Road"), ("Kisumu", "40100", "Oginga Odinga St")],
           "Kenya", "KRA PIN", ["Dr. Achieng Otieno", "James Mwangi"]),
    "GB": (["Tay", "Grampian", "Clyde", "Lothian"], ["Foods", "Fresh Produce", "Catering Supplies"], ["Ltd", "LLP"],
           [("Aberdeen", "AB11 5RG", "Union Street"), ("Dundee", "DD1 4BJ", "Nethergate")], "Scotland",
           "VAT Reg. No.", ["Fiona MacLeod", "Callum Reid"]),
    "EG": (["Nile Delta", "Alexandria", "Sinai", "Giza"], ["Engineering", "Trading", "Industries"], ["S.A.E."],
           [("Cairo", "11511", "Corniche El Nil"), ("Alexandria", "21519", "Fouad Street")], "Egypt",
           "Tax Reg. No.", ["Eng. Ahmed Hassan", "Mona Ibrahim"]),
    "MY": (["Titiwangsa", "Kinabalu", "Langkawi", "Pahang"], ["Facilities", "Systems", "Technical"],
           ["Sdn Bhd", "Berhad"], [("Petaling Jaya, Selangor", "46200", "Jalan Sultan"),
           ("Johor Bahru", "80000", "Jalan Wong Ah Fook")], "Malaysia", "SST No.", ["Lim Wei Ling", "Ahmad Faiz"]),
    "NG": (["Niger Delta", "Lekki", "Jos Plateau", "Ogun"], ["Leasing", "Energy", "Logistics"], ["Ltd", "Plc"],
           [("Lagos", "101241", "Adeola Odeku Street"), ("Abuja", "900211", "Aminu Kano Crescent")], "Nigeria",
           "TIN", ["Chinedu Okafor", "Aisha Bello"]),
    "MA": (["Atlas", "Souss", "Tafilalet", "Rif"], ["Distribution", "Équipements", "Import"], ["SARL", "S.A."],
           [("Casablanca", "20250", "Bd Zerktouni"), ("Tanger", "90000", "Av. Mohammed V")], "Maroc", "ICE",
           ["Karim Benjelloun", "Salma El Idrissi"]),
}  # fmt: skip


def _digits9(rng: random.Random, n: int) -> str:
    return "".join(str(rng.randrange(10)) for _ in range(n))


def tax_id9(rng: random.Random, country: str) -> str | None:
    """A tax id with valid check digits, printed as the country writes it; None where stdnum knows no scheme."""
    d = _digits9
    makers: dict[str, tuple[Callable[[], str], Callable[[str], bool]]] = {
        "JP": (lambda: d(rng, 13), jp_cn.is_valid),
        "KR": (lambda: f"{d(rng, 3)}-{d(rng, 2)}-{d(rng, 5)}", kr_brn.is_valid),
        "TW": (lambda: d(rng, 8), tw_ubn.is_valid),
        "VN": (lambda: "0" + d(rng, 9), vn_mst.is_valid),
        "ID": (lambda: str(id_npwp.format("0" + d(rng, 8) + "-" + d(rng, 3) + "000")), id_npwp.is_valid),
        "TH": (lambda: "0" + d(rng, 12), th_tin.is_valid),
        "PT": (lambda: "5" + d(rng, 8), pt_nif.is_valid),
        "DK": (lambda: rng.choice("123456789") + d(rng, 7), dk_cvr.is_valid),
        "FI": (lambda: f"{rng.randrange(1, 3)}{d(rng, 6)}-{d(rng, 1)}", fi_ytunnus.is_valid),
        "IS": (lambda: f"{rng.randrange(41, 71)}{rng.randrange(1, 13):02d}{d(rng, 2)}-{d(rng, 3)}0",
               is_kennitala.is_valid),
        "IE": (lambda: f"IE{d(rng, 7)}{rng.choice('ABCDEFGHJKLMNPQRSTVWX')}", ie_vat.is_valid),
        "CA": (lambda: f"{d(rng, 9)} RT0001", lambda v: bool(ca_bn.is_valid(v.replace(" ", "")))),
        "AU": (lambda: str(au_abn.format(d(rng, 11))), au_abn.is_valid),
        "GB": (lambda: f"GB {d(rng, 3)} {d(rng, 4)} {d(rng, 2)}", gb_vat.is_valid),
        "US": (lambda: f"{rng.choice(['20', '26', '45', '47', '81'])}-{d(rng, 7)}", us_ein.is_valid),
        "EG": (lambda: f"{rng.randrange(100, 999)}-{d(rng, 3)}-{d(rng, 3)}", eg_tn.is_valid),
        "MA": (lambda: "00" + d(rng, 13), ma_ice.is_valid),
    }  # fmt: skip
    if country not in makers:
        return None
    make, check = makers[country]
    return draw_valid(make, check)


def _registration9(rng: random.Random, country: str) -> str:
    """A registration number of a country stdnum has no scheme for: printed, never labelled."""
    return {"KE": f"P05{_digits9(rng, 7)}{rng.choice('ABCKMZ')}",
            "MY": f"W10-{_digits9(rng, 4)}-{_digits9(rng, 8)}",
            "NG": f"{_digits9(rng, 8)}-0001"}.get(country, _digits9(rng, 9))  # fmt: skip


def make_party9(rng: random.Random, country: str, avoid: str = "") -> BlindParty:
    stems, trades, forms, cities, country_word, tax_label, _people = PARTIES9[country]
    stem = rng.choice([s for s in stems if not avoid.startswith(s)])
    trade, form = rng.choice(trades), rng.choice(forms)
    if country == "VN" or (country == "ID"):  # the legal form first
        name = f"{form} {trade} {stem}" if country == "VN" else f"{form} {stem} {trade}"
    else:
        name = f"{stem} {trade} {form}"
    city, post, street = rng.choice(cities)
    n = rng.randrange(2, 180)
    if country in {"PT", "DK", "FI", "IS", "MA"}:
        street_line, city_line = f"{street} {n}", f"{post} {city}"
    elif country in {"JP", "TW", "KR"}:
        street_line, city_line = f"{n}-{rng.randrange(1, 30)} {street}", f"{city} {post}"
    else:
        street_line, city_line = f"{n} {street}", f"{city} {post}"
    tid = tax_id9(rng, country)
    return BlindParty(name, street_line, city_line, country_word, tax_label if tid else None, tid)


# ---------------------------------------------------------------- locale: words

CAPTIONS9: dict[str, dict[str, tuple[str, ...]]] = {
    "en": {"title": ("PURCHASE ORDER", "Purchase Order"), "po_number": ("P.O. No.", "Order No.", "PO Number"),
           "order_date": ("Date", "Order Date", "Date of Issue"), "vendor": ("Supplier", "Vendor", "To"),
           "buyer": ("Buyer", "Purchaser", "Ordered by"), "ship": ("Deliver to", "Ship to", "Consignee"),
           "payment_terms": ("Payment Terms", "Terms of Payment"), "line_no": ("No.", "Item", "#"),
           "sku": ("Part No.", "Item Code", "Code"), "description": ("Description", "Description of Goods"),
           "quantity": ("Qty", "Quantity"), "unit": ("Unit", "UOM"), "unit_price": ("Unit Price", "Price"),
           "amount": ("Amount", "Ext. Price", "Total"), "subtotal": ("Sub-total", "Subtotal", "Net Amount"),
           "tax": ("Tax", "VAT"), "total": ("TOTAL", "Grand Total", "Total Amount"), "currency": ("Currency",),
           "delivery": ("Delivery", "Required by"), "page": ("Page",)},
    "vi": {"title": ("ĐƠN ĐẶT HÀNG", "Đơn đặt hàng"), "po_number": ("Số", "Số đơn hàng"), "order_date": ("Ngày",),
           "vendor": ("Bên bán", "Nhà cung cấp"), "buyer": ("Bên mua",), "ship": ("Địa điểm giao hàng",),
           "payment_terms": ("Điều kiện thanh toán", "Thanh toán"), "line_no": ("STT",), "sku": ("Mã hàng",),
           "description": ("Tên hàng hóa, dịch vụ", "Tên hàng"), "quantity": ("Số lượng",), "unit": ("ĐVT",),
           "unit_price": ("Đơn giá",), "amount": ("Thành tiền",), "subtotal": ("Cộng tiền hàng",),
           "tax": ("Thuế GTGT",), "total": ("Tổng cộng tiền thanh toán", "Tổng cộng"), "currency": ("Loại tiền",),
           "delivery": ("Ngày giao hàng",), "page": ("Trang",)},
    "id": {"title": ("PESANAN PEMBELIAN", "Purchase Order / Pesanan Pembelian"), "po_number": ("No. PO", "Nomor"),
           "order_date": ("Tanggal",), "vendor": ("Kepada", "Pemasok"), "buyer": ("Pembeli",),
           "ship": ("Alamat Pengiriman",), "payment_terms": ("Syarat Pembayaran", "Termin"), "line_no": ("No",),
           "sku": ("Kode Barang",), "description": ("Nama Barang", "Uraian"), "quantity": ("Jumlah", "Qty"),
           "unit": ("Satuan",), "unit_price": ("Harga Satuan",), "amount": ("Jumlah Harga", "Total"),
           "subtotal": ("Dasar Pengenaan Pajak", "Subtotal"), "tax": ("PPN 11%", "PPN"),
           "total": ("Total", "Jumlah Total"), "currency": ("Mata Uang",), "delivery": ("Tgl. Kirim",),
           "page": ("Halaman",)},
    "pt": {"title": ("ENCOMENDA", "Nota de Encomenda"), "po_number": ("Encomenda n.º", "N.º Documento"),
           "order_date": ("Data",), "vendor": ("Fornecedor",), "buyer": ("Cliente", "Comprador"),
           "ship": ("Local de entrega",), "payment_terms": ("Condições de pagamento",), "line_no": ("Linha",),
           "sku": ("Artigo", "Ref."), "description": ("Descrição",), "quantity": ("Qtd.",), "unit": ("Un.",),
           "unit_price": ("Preço unit.",), "amount": ("Valor",), "subtotal": ("Total ilíquido",),
           "tax": ("IVA",), "total": ("Total",), "currency": ("Moeda",), "delivery": ("Entrega",),
           "page": ("Pág.",)},
    "da": {"title": ("Ordrebekræftelse", "Tak for din ordre"), "po_number": ("Ordrenummer", "Ordre nr."),
           "order_date": ("Ordredato", "Dato"), "vendor": ("Sælger", "Webshop"), "buyer": ("Kunde", "Faktureres til"),
           "ship": ("Leveringsadresse",), "payment_terms": ("Betaling", "Betalingsbetingelser"),
           "sku": ("Varenr.",), "description": ("Produkt", "Vare"), "quantity": ("Antal",), "unit": ("Enhed",),
           "unit_price": ("Stykpris", "Pris"), "amount": ("I alt", "Beløb"), "subtotal": ("Subtotal ekskl. moms",
           "Varer i alt ekskl. moms"), "tax": ("Moms 25%", "Heraf moms"), "total": ("Total inkl. moms", "At betale"),
           "currency": ("Valuta",), "delivery": ("Levering",), "page": ("Side",)},
    "fi": {"title": ("OSTOTILAUS", "Tilaus"), "po_number": ("Tilausnumero", "Tilaus nro"),
           "order_date": ("Päivämäärä", "Tilauspäivä"), "vendor": ("Toimittaja",), "buyer": ("Tilaaja", "Ostaja"),
           "ship": ("Toimitusosoite",), "payment_terms": ("Maksuehto",), "line_no": ("Rivi", "Nro"),
           "sku": ("Tuotenro", "Tuotekoodi"), "description": ("Nimike", "Tuote"), "quantity": ("Määrä",),
           "unit": ("Yks.",), "unit_price": ("A-hinta", "Yksikköhinta"), "amount": ("Yhteensä", "Summa"),
           "subtotal": ("Veroton yhteensä",), "tax": ("ALV 25,5 %", "ALV"), "total": ("Yhteensä",
           "Verollinen yhteensä"), "currency": ("Valuutta",), "delivery": ("Toimitus",), "page": ("Sivu",)},
    "is": {"title": ("PÖNTUN", "Innkaupapöntun"), "po_number": ("Pöntun nr.", "Pöntunarnúmer"),
           "order_date": ("Dagsetning",), "vendor": ("Birgi", "Seljandi"), "buyer": ("Kaupandi",),
           "ship": ("Afhendingarstaður",), "payment_terms": ("Greiðsluskilmálar",), "line_no": ("Lína",),
           "sku": ("Vörunúmer",), "description": ("Lýsing",), "quantity": ("Magn",), "unit": ("Eining",),
           "unit_price": ("Einingarverð",), "amount": ("Upphæð",), "subtotal": ("Samtals án VSK",),
           "tax": ("VSK 24%", "Virðisaukaskattur"), "total": ("Samtals með VSK", "Til greiðslu"),
           "currency": ("Gjaldmiðill",), "delivery": ("Afhending",), "page": ("Síða",)},
    "fr": {"title": ("PURCHASE ORDER / BON DE COMMANDE",), "po_number": ("PO No. / N° de commande",),
           "order_date": ("Date",), "vendor": ("Supplier / Fournisseur",), "buyer": ("Buyer / Acheteur",),
           "ship": ("Ship to / Livrer à",), "payment_terms": ("Terms / Conditions",), "line_no": ("Line / Ligne",),
           "sku": ("Item / Article",), "description": ("Description",), "quantity": ("Qty / Qté",),
           "unit": ("Unit / Unité",), "unit_price": ("Unit price / Prix unitaire",), "amount": ("Amount / Montant",),
           "subtotal": ("Subtotal / Sous-total",), "tax": ("Taxes",), "total": ("Total",),
           "currency": ("Currency / Devise",), "delivery": ("Delivery / Livraison",), "page": ("Page",)},
}  # fmt: skip
PRODUCTS9: dict[str, list[tuple[str, str]]] = {
    "en": [("Ball bearing 6204-2RS", "pcs"), ("Hydraulic hose 1/2in x 2m", "pcs"), ("Stainless bolt M10x40", "box"),
           ("Cable tie 300mm black", "pack"), ("Safety gloves size L", "pair"), ("Copper tube 15mm", "m"),
           ("Gear motor 0.75 kW", "set"), ("PTFE tape 12mm", "roll")],
    "vi": [("Vòng bi 6204-2RS", "cái"), ("Ống thủy lực 1/2 inch", "mét"), ("Bu lông inox M10x40", "hộp"),
           ("Găng tay bảo hộ", "đôi"), ("Dây điện 2,5 mm2", "cuộn"), ("Sơn chống gỉ", "thùng")],
    "id": [("Bantalan 6204-2RS", "pcs"), ("Selang hidrolik 1/2 inci", "meter"), ("Baut stainless M10x40", "dus"),
           ("Sarung tangan safety", "pasang"), ("Kabel NYM 3x2,5", "roll"), ("Cat anti karat", "kaleng")],
    "pt": [("Rolamento 6204-2RS", "UN"), ("Mangueira hidráulica 1/2", "M"), ("Parafuso inox M10x40", "CX"),
           ("Luvas de proteção", "PAR"), ("Tubo de cobre 15 mm", "M"), ("Fita PTFE 12 mm", "UN")],
    "da": [("Printerpapir A4 80 g", "stk"), ("Kuglepen blå, 50 stk", "stk"), ("Toner sort HP 305A", "stk"),
           ("Ringbind A4 grøn", "stk"), ("Whiteboard-marker sæt", "stk"), ("Kaffe hele bønner 1 kg", "stk")],
    "fi": [("Kuulalaakeri 6204-2RS", "kpl"), ("Hydrauliletku 1/2\" 2 m", "kpl"), ("Ruostumaton pultti M10x40", "rs"),
           ("Suojakäsineet koko 9", "pari"), ("Kupariputki 15 mm", "m"), ("Kaapelinippuside 300 mm", "pss")],
    "is": [("Kúlulega 6204-2RS", "stk"), ("Vökvaslanga 1/2\"", "m"), ("Ryðfrír bolti M10x40", "pk"),
           ("Vinnuhanskar", "par"), ("Koparrör 15 mm", "m"), ("Þéttiband 12 mm", "rl")],
    "fr": [("Roulement 6204-2RS", "un."), ("Boyau hydraulique 1/2 po", "pi"), ("Boulon inox M10x40", "bte"),
           ("Gants de sécurité / Safety gloves", "paire"), ("Tuyau de cuivre 1/2 po", "pi"),
           ("Ruban téflon", "rl")],
}  # fmt: skip
MEDICAL9 = [("Sterile gauze swabs 10x10cm", "box"), ("Nitrile examination gloves M", "box"),
            ("IV cannula 20G pink", "box"), ("Disposable syringe 5ml", "pack"), ("Paracetamol 500mg tablets x100",
            "tin"), ("Amoxicillin 250mg caps x500", "tin"), ("Surgical face mask type IIR", "box")]  # fmt: skip
FOODS9 = [("Beef sirloin, dry aged, vac packed", "kg"), ("Scottish salmon fillet, skin on", "kg"),
          ("Lamb shoulder, bone in", "kg"), ("Free range chicken breast", "kg"), ("Smoked haddock fillet", "kg"),
          ("Venison haunch, diced", "kg"), ("Pork belly, boneless", "kg")]  # fmt: skip
GOV9 = [("VALVE, GATE 2 IN", "EA"), ("GASKET, RUBBER", "EA"), ("FILTER ELEMENT, FLUID", "EA"), ("CABLE ASSEMBLY",
        "EA"), ("SEAL KIT, HYDRAULIC", "KT"), ("LAMP, INCANDESCENT", "BX")]  # fmt: skip
CART9 = [("Printerpapir A4 80 g (5 x 500 ark)", ""), ("Kontorstol Ergo Pro, sort", ""), ("USB-C hub 7-i-1", ""),
         ("Skrivebordslampe LED", ""), ("Notesbøger A5 linjeret, 10 stk", ""),
         ("Headset med mikrofon", "")]  # fmt: skip
TERMS9: dict[str, list[tuple[str, int]]] = {
    "JP": [("End of month closing, payment at end of following month", 60), ("Net 30 days", 30)],
    "KR": [("T/T 30 days after B/L date", 30), ("Net 60 days", 60)],
    "TW": [("T/T 45 days after invoice", 45), ("Net 30 days", 30)],
    "VN": [("Chuyển khoản trong 30 ngày", 30), ("Thanh toán 100% trong 15 ngày", 15)],
    "ID": [("30 hari setelah faktur diterima", 30), ("Tunai", 0)],
    "TH": [("Credit 30 days", 30), ("Cash on delivery", 0)],
    "PT": [("30 dias data fatura", 30), ("Pronto pagamento", 0)],
    "DK": [("Betalt med kort", 0), ("Netto 8 dage", 8)],
    "FI": [("14 pv netto", 14), ("30 päivää netto", 30)],
    "IS": [("Staðgreiðsla", 0), ("30 dagar", 30)],
    "IE": [("Net 30 days", 30), ("30 days end of month", 45)],
    "CA": [("Net 30 / Net 30 jours", 30), ("2% 10, Net 30", 30)],
    "AU": [("30 days EOM", 45), ("Strictly 14 days", 14)],
    "US": [("NET 30", 30), ("2% 20 DAYS, NET 30", 30)],
    "KE": [("30 days from delivery", 30), ("Cash against delivery", 0)],
    "GB": [("Weekly account, 14 days", 14), ("28 days from invoice", 28)],
}  # fmt: skip


def _po_number9(rng: random.Random, fam: Blind9Family, year: int) -> str:
    n = rng.randrange(1, 999999)
    return {"JP": f"{year % 100:02d}{n % 10**5:05d}", "KR": f"KP{year}-{n % 10**4:04d}", "TW": f"TP{n % 10**6:06d}",
            "VN": f"{n % 1000:03d}/{year}/ĐĐH", "ID": f"PO/{year}/{['I', 'IV', 'VII', 'XI'][n % 4]}/{n % 10**4:04d}",
            "TH": f"PO{year % 100:02d}{n % 10**5:05d}", "PT": f"ENC {year}/{n % 10**4}", "DK": f"{n % 10**6 + 100000}",
            "FI": f"{n % 10**6:06d}", "IS": f"P-{n % 10**5:05d}", "IE": f"PO{n % 10**5:05d}",
            "CA": f"BC-{n % 10**5:05d}", "AU": f"{n % 10**6:06d}",
            "US": f"N00{rng.randrange(100, 999)}{year % 100}P{n % 10**4:04d}",
            "KE": f"LPO/{n % 10**4:04d}/{year % 100}", "GB": f"{n % 10**5:05d}"}[fam.country]  # fmt: skip


# ---------------------------------------------------------------- sampling an order


@dataclass
class Order9:
    """An order and what of its look is drawn per document (captions, columns, formats) and per line (lot,
    expiry, delivery date, note)."""

    po: BlindPO
    look: dict[str, Any]
    lots: list[tuple[str, date]] = field(default_factory=list)
    deliveries: list[date] = field(default_factory=list)
    notes: list[str] = field(default_factory=list)

    @property
    def price_units(self) -> list[int]:
        """Every price is per one unit."""
        return [1] * len(self.po.lines)


def _taxed(lines: list[POLine], rates: list[Decimal], zero: bool) -> tuple[Decimal, dict[Decimal, Decimal]]:
    subtotal = sum((ln.amount for ln in lines), Decimal(0) if zero else Decimal("0.00"))
    taxes = {r: (subtotal * r / 100).quantize(Decimal(1), rounding=ROUND_DOWN) if zero else q2(subtotal * r / 100)
             for r in rates}  # fmt: skip
    return subtotal, taxes


TAX_WORDS9 = {"AU": "GST", "JP": "Consumption tax", "KE": "VAT", "GB": "VAT"}  # what the country calls the tax


def _look9(rng: random.Random, fam: Blind9Family) -> dict[str, Any]:
    words = CAPTIONS9.get(fam.lang, CAPTIONS9["en"])
    captions = {role: rng.choice(choices) for role, choices in sorted(words.items())}
    captions["tax"] = TAX_WORDS9.get(fam.country, captions["tax"])
    cols = [c for c in fam.columns if c not in fam.optional or rng.random() < 0.6]
    return {"captions": captions, "columns": cols, "dates": rng.choice((fam.dates, fam.dates,
            *DATE_STYLES9.get(fam.country, ()))), "numbers": fam.numbers, "size": rng.choice([8.0, 8.5, 9.0]),
            "accent": rng.choice([(0.1, 0.2, 0.45), (0.45, 0.1, 0.1), (0.05, 0.35, 0.3), (0.2, 0.2, 0.2)]),
            "totals": "topbox" if "topbox" in fam.extras else rng.choice(["stack", "stack", "boxed"]),
            "numbered": fam.header == "govform", "tax_ids": rng.random() < 0.9}  # fmt: skip


def sample_po9(rng: random.Random, fam: Blind9Family) -> Order9:
    look = _look9(rng, fam)
    cols = look["columns"]
    zero = fam.currency in ZERO_DECIMALS9
    buyer = make_party9(rng, fam.country)
    vendor = make_party9(rng, fam.country, avoid=buyer.name)
    if fam.header == "govform":
        buyer = BlindParty(rng.choice(["NAVSUP FLC Norfolk", "DLA Land and Maritime", "Army Contracting Command"]),
                           buyer.street, buyer.city, buyer.country, None, None)  # fmt: skip
    site = make_party9(rng, fam.country)
    ship = BlindParty(buyer.name, site.street, site.city, site.country, None, None)
    lo, hi = fam.lines
    n = rng.randrange(hi // 2, hi + 1) if rng.random() < 0.25 else min(hi, lo + int(rng.expovariate(1 / 6)))
    pool = {"lots": MEDICAL9, "catch": FOODS9, "cart": CART9}.get(fam.items) or (
        GOV9 if fam.header == "govform" else PRODUCTS9.get(fam.lang, PRODUCTS9["en"])
    )
    lines: list[POLine] = []
    for k in range(n):
        desc, unit = pool[k % len(pool)]
        if k >= len(pool):
            desc = f"{desc} ({rng.choice(['B', 'II', 'rev. 2', 'alt.'])})"
        qty = Decimal(rng.choice([1, 2, 3, 4, 5, 6, 10, 12, 20, 25, 50, 100]))
        if fam.items == "catch":  # weighed on the day: kilograms with grams
            qty = Decimal(rng.randrange(1500, 60000)) / 1000
        if fam.items == "cart":
            qty = Decimal(rng.choice([1, 1, 2, 3, 5]))
        if zero:
            step = {"JPY": 10, "KRW": 100, "VND": 1000, "ISK": 10}[fam.currency]
            price = Decimal(rng.randrange(20, 9000) * step)
            amount = qty * price
        else:
            top = {"IDR": 0, "THB": 900000, "TWD": 900000, "KES": 2500000, "DKK": 400000}.get(fam.currency, 80000)
            price = q2(Decimal(rng.randrange(100, top or 100000)) / 100)
            if fam.currency == "IDR":  # rupiah prices in whole hundreds, printed with ,00
                price = Decimal(rng.randrange(50, 9000) * 100)
            amount = q2(qty * price)
        lines.append(POLine(_sku9(rng, fam) if "sku" in cols else None, desc, qty,
                            (unit or None) if "unit" in cols else None, price, None, None, amount))  # fmt: skip
    year = rng.randrange(2024, 2028)
    order_date = date(year, 1, 1) + timedelta(days=rng.randrange(0, 364))
    rates = [Decimal(r) for r in TAX_RATES9[fam.country]]
    if fam.country in {"VN", "KE"}:
        rates = [Decimal(rng.choice(TAX_RATES9[fam.country]))]
    subtotal, taxes = _taxed(lines, rates, zero)
    tax_total = sum(taxes.values(), Decimal(0) if zero else Decimal("0.00"))
    terms = rng.choice(TERMS9[fam.country])
    if not look["tax_ids"]:
        buyer = BlindParty(buyer.name, buyer.street, buyer.city, buyer.country, None, None)
    po = BlindPO(_po_number9(rng, fam, year), order_date, buyer, vendor, ship, terms, lines, subtotal,
                 Decimal("0.00"), Decimal(0), Decimal("0.00"), rates[0] if rates else None, taxes, tax_total,
                 subtotal + tax_total)  # fmt: skip
    lots = [(f"{rng.choice('ABLK')}{_digits9(rng, 6)}", order_date + timedelta(days=rng.randrange(200, 1100)))
            for _ in lines]  # fmt: skip
    first = order_date + timedelta(days=rng.choice([3, 7, 10]))
    days = sorted({first + timedelta(days=7 * rng.randrange(0, 3)) for _ in lines})
    deliveries = sorted(rng.choice(days) for _ in lines)
    notes = [rng.choice(["Please quote our PO number on the delivery note.", "Deliver to goods-in, dock 2.",
                         "Certificate of conformity required.", "Packed in cartons of 10."])
             if rng.random() < 0.35 else "" for _ in lines]  # fmt: skip
    look["people"] = rng.sample(PARTIES9[fam.country][6], 2)
    look["registration"] = _registration9(rng, fam.country)
    look["cage"] = "".join(rng.choice("0123456789ABCDEFGHJKLMNPRSTUVWXYZ") for _ in range(5))
    return Order9(po, look, lots, deliveries, notes)


def _sku9(rng: random.Random, fam: Blind9Family) -> str:
    n = rng.randrange(10**5, 10**7)
    return {"JP": f"{n % 10**4:04d}-{rng.randrange(10, 99)}", "KR": f"KR{n % 10**6:06d}", "DK": f"{n % 10**6}",
            "PT": f"ART{n % 10**5:05d}", "US": f"{rng.randrange(4000, 6999)}-01-{n % 10**3:03d}-{n % 10**4:04d}",
            "KE": f"MED-{n % 10**4:04d}", "GB": f"{n % 10**4:04d}", "CA": f"{n % 10**5:05d}-{rng.randrange(10)}",
            }.get(fam.country, f"{rng.choice('ABCDEFHKMRT')}{n % 10**6:06d}")  # fmt: skip


# ---------------------------------------------------------------- drawing


class Sheet9:
    """A page-by-page writer: y runs down the page, every word that shows a labelled value is tagged."""

    def __init__(self, rng: random.Random, fam: Blind9Family, size: float, numbers: str, zero: bool) -> None:
        self.rng, self.fam = rng, fam
        self.f = Fonts.of(fam.font)
        self.size, self.lead = size, size * 1.45
        self.numbers, self.zero = numbers, zero
        self.pw, self.ph = (612.0, 792.0) if fam.country in LETTER9 else (595.28, 841.89)
        self.margin = rng.choice([34.0, 40.0, 46.0])
        self.left, self.right = self.margin, self.pw - self.margin
        self.bottom = self.ph - self.margin - self.lead * 2
        self.pages: list[PageDraft] = []
        self.new_page()

    def new_page(self) -> PageDraft:
        self.page = PageDraft(self.pw, self.ph)
        self.pages.append(self.page)
        self.y = self.margin + self.size
        return self.page

    def room(self, need: float) -> bool:
        """A new page when ``need`` points do not fit; True when one was started."""
        if self.y + need > self.bottom:
            self.new_page()
            return True
        return False

    def font_of(self, bold: bool = False, italic: bool = False) -> str:
        return self.f.bold if bold else self.f.italic if italic else self.f.regular

    def t(self, x: float, y: float, text: str, tag: str | Entity | None = None, row: int | None = None, *,
          bold: bool = False, italic: bool = False, scale: float = 1.0, align: str = "left",
          color: tuple[float, float, float] = (0, 0, 0)) -> float:  # fmt: skip
        ent = Entity(tag, row) if isinstance(tag, str) else tag
        return self.page.text(x, y, text, self.font_of(bold, italic), self.size * scale, ent, align, color, row)

    def w(self, text: str, bold: bool = False, scale: float = 1.0) -> float:
        return width(text, self.font_of(bold), self.size * scale)

    def money(self, value: Decimal) -> str:
        return num9(value, self.numbers, 0 if self.zero else 2)

    def day(self, value: date, style: str) -> str:
        return format_day9(value, style, self.fam.lang)

    def flow(self, tokens: list[tuple[str, Entity | None]], x0: float, x1: float, scale: float = 1.0) -> None:
        """Running text: the words wrapped between ``x0`` and ``x1``, each with its value's tag."""
        space = self.w(" ", scale=scale)
        x = x0
        for word, ent in tokens:
            ww = self.w(word, scale=scale)
            if x > x0 and x + ww > x1:
                self.y += self.lead * scale
                if self.room(self.lead):
                    pass
                x = x0
            self.t(x, self.y, word, ent, scale=scale)
            x += ww + space
        self.y += self.lead * scale * 1.4

    def footers(self, caption: str, ref: str) -> None:
        n = len(self.pages)
        for i, page in enumerate(self.pages):
            page.text(self.right, self.ph - self.margin * 0.6, f"{caption} {i + 1}/{n}", self.f.regular,
                      self.size * 0.8, align="right")  # fmt: skip
            if i:
                page.text(self.left, self.ph - self.margin * 0.6, ref, self.f.regular, self.size * 0.8)


def words_of(template: str, values: dict[str, tuple[str, Entity | None]]) -> list[tuple[str, Entity | None]]:
    """``template``'s words, a ``{name}`` replaced by its value's words (with the value's entity); punctuation
    right after a value stays on its last word."""
    out: list[tuple[str, Entity | None]] = []
    rest = template
    while rest:
        start = rest.find("{")
        if start < 0:
            out += [(w, None) for w in rest.split()]
            break
        head, rest = rest[:start], rest[start + 1 :]
        end = rest.index("}")
        name, rest = rest[:end], rest[end + 1 :]
        glue_left = bool(head) and not head[-1].isspace()
        head_words = head.split()
        if glue_left and head_words:
            last = head_words.pop()
            out += [(w, None) for w in head_words]
        else:
            last = ""
            out += [(w, None) for w in head_words]
        text, ent = values[name]
        vw = text.split()
        vw[0] = last + vw[0]
        tail = ""
        if rest and not rest[0].isspace():
            cut = len(rest) - len(rest.lstrip(".,;:)"))
            tail, rest = rest[:cut], rest[cut:]
        vw[-1] += tail
        out += [(w, ent) for w in vw]
    return out


# ---------------------------------------------------------------- drawing the order

_WEIGHTS9 = {"line_no": 0.05, "sku": 0.12, "description": 0.37, "quantity": 0.08, "unit": 0.07, "unit_price": 0.13,
             "amount": 0.15, "lot": 0.1, "expiry": 0.1, "cases": 0.06}  # fmt: skip
_RIGHT9 = {"quantity", "unit_price", "amount", "cases"}
EDI_CAPTIONS9 = {"BGM": "Número da encomenda", "DTM": "Data do documento", "NAD BY": "Comprador",
                 "NAD SU": "Fornecedor", "PAT": "Condições de pagamento", "CUX": "Moeda", "LIN": "Linha",
                 "PIA": "Artigo", "IMD": "Descrição",
                 "QTY": "Quantidade", "PRI": "Preço unitário", "MOA 203": "Valor da linha", "MOA 79": "Total ilíquido",
                 "MOA 124": "IVA", "MOA 86": "Total da mensagem"}  # fmt: skip


class PO9Writer(Sheet9):
    def __init__(self, rng: random.Random, fam: Blind9Family, order: Order9) -> None:
        self.o, self.m, self.look = order, order.po, order.look
        self.c: dict[str, str] = order.look["captions"]
        super().__init__(rng, fam, order.look["size"], order.look["numbers"], fam.currency in ZERO_DECIMALS9)
        self.accent: tuple[float, float, float] = order.look["accent"]
        self.style = order.look["dates"]
        self.cols: list[str] = list(order.look["columns"])
        if fam.items == "lots":
            self.cols[self.cols.index("description") + 1 : 1] = ["lot", "expiry"]
        if fam.items == "catch":
            self.cols.insert(self.cols.index("quantity"), "cases")
        self.total_tagged = False

    def write(self) -> None:
        getattr(self, f"head_{self.fam.header}")()
        if self.fam.items == "edi":
            self.edi_lines()
        else:
            self.table()
            self.totals()
        self.closing()
        self.footers(self.c.get("page", "Page"), f"{self.c['po_number']} {self.m.number}")

    # -- pieces
    def party(self, x: float, caption: str, p: BlindParty, tag: str | None, tax_tag: str | None, *,
              bold: bool = True) -> float:  # fmt: skip
        """A party block at ``x`` from the current y; returns the y under it (self.y is left where it was)."""
        y = self.y
        self.t(x, y, caption, scale=0.8, color=self.accent, bold=True)
        y += self.lead
        self.t(x, y, p.name, tag, bold=bold)
        y += self.lead
        for line in (p.street, p.city, p.country):
            self.t(x, y, line, scale=0.9)
            y += self.lead * 0.95
        if p.tax_id:
            lx = x + self.t(x, y, f"{p.tax_label}:", scale=0.9) + self.w(" ", scale=0.9)
            self.t(lx, y, p.tax_id, tax_tag, scale=0.9)
            y += self.lead
        return y

    def facts(self, x: float, rows: list[tuple[str, str, str | None]], value_x: float | None = None) -> float:
        y = self.y
        vx = value_x if value_x is not None else x + max(self.w(c, True, 0.9) for c, _v, _t in rows) + 10
        for caption, value, tag in rows:
            self.t(x, y, caption, scale=0.9, bold=True)
            self.t(vx, y, value, tag, scale=min(0.95, (self.right - vx - 4) / max(1.0, self.w(value))))
            y += self.lead * 1.1
        return y

    def order_facts(self, currency: bool = True) -> list[tuple[str, str, str | None]]:
        c, m = self.c, self.m
        rows: list[tuple[str, str, str | None]] = [(c["po_number"], m.number, "po_number"),
                                                   (c["order_date"], self.day(m.order_date, self.style), "order_date"),
                                                   (c["payment_terms"], m.terms[0], "payment_terms")]  # fmt: skip
        if currency:
            rows.append((c["currency"], self.fam.currency, "currency"))
        return rows

    def logo(self, x: float, y: float, name: str) -> None:
        self.page.rect(x, y - self.size * 1.6, 26, 26, stroke=None, fill=self.accent, radius=4)
        self.t(x + 13, y + self.size * 0.1, name[:1].upper(), bold=True, scale=1.5, align="center", color=(1, 1, 1))

    # -- headers
    def head_letter(self) -> None:
        """The buyer's letterhead: its name, address and tax id top left, the title and facts on the right, the
        supplier and the delivery address side by side under them."""
        m, c = self.m, self.c
        self.logo(self.left, self.y + 8, m.buyer.name)
        self.y += 4
        x = self.left + 34
        self.t(x, self.y, m.buyer.name, "buyer_name", bold=True, scale=1.25)
        self.y += self.lead * 1.2
        self.t(x, self.y, f"{m.buyer.street}, {m.buyer.city}", scale=0.85)
        self.y += self.lead
        if m.buyer.tax_id:
            lx = x + self.t(x, self.y, f"{m.buyer.tax_label}:", scale=0.85) + self.w(" ", scale=0.85)
            self.t(lx, self.y, m.buyer.tax_id, "buyer_tax_id", scale=0.85)
        top = self.margin + self.size
        mid = self.left + (self.right - self.left) * 0.56
        self.t(self.right, top, c["title"], bold=True, scale=1.6, align="right", color=self.accent)
        self.y = top + self.lead * 2
        bottom = self.facts(mid, self.order_facts())
        self.y = max(bottom, self.y + self.lead) + self.lead
        b1 = self.party(self.left, c["vendor"], m.vendor, "vendor_name", "vendor_tax_id")
        ship = m.ship_to
        b2 = self.party(mid, c["ship"], BlindParty(ship.name, ship.street, ship.city, ship.country, None, None),
                        None, None, bold=False)  # fmt: skip
        self.y = max(b1, b2) + self.lead

    def head_jp(self) -> None:
        """A Japanese order form in English: the supplier addressed first ('... Onchu'), the issuer and its seal on
        the right, the total (tax included) in a box before the table."""
        m, c = self.m, self.c
        self.t((self.left + self.right) / 2, self.y + 6, c["title"], bold=True, scale=1.8, align="center")
        self.y += self.lead * 1.5
        self.t((self.left + self.right) / 2, self.y, "(Chumon-sho)", scale=0.85, align="center")
        self.y += self.lead * 2
        top = self.y
        x = self.left
        wv = self.t(x, self.y, m.vendor.name, "vendor_name", bold=True, scale=1.2)
        self.t(x + wv + 6, self.y, "Onchu", scale=1.1)
        self.page.line(x, self.y + 4, x + wv + 50, self.y + 4, 0.8)
        self.y += self.lead * 1.3
        if m.vendor.tax_id:
            lx = x + self.t(x, self.y, f"{m.vendor.tax_label}", scale=0.85) + 6
            self.t(lx, self.y, m.vendor.tax_id, "vendor_tax_id", scale=0.85)
            self.y += self.lead
        self.y += self.lead * 0.5
        self.t(x, self.y, "We are pleased to place our order as follows.", scale=0.9)
        left_end = self.y + self.lead
        mid = self.left + (self.right - self.left) * 0.58
        self.y = top
        y = self.facts(mid, [(c["po_number"], m.number, "po_number"),
                             (c["order_date"], self.day(m.order_date, self.style), "order_date")])  # fmt: skip
        self.y = y + self.lead * 0.4
        self.t(mid, self.y, m.buyer.name, "buyer_name", bold=True)
        self.y += self.lead
        for line in (m.buyer.street, m.buyer.city):
            self.t(mid, self.y, line, scale=0.85)
            self.y += self.lead * 0.95
        if m.buyer.tax_id:
            lx = mid + self.t(mid, self.y, f"{m.buyer.tax_label}", scale=0.85) + 6
            self.t(lx, self.y, m.buyer.tax_id, "buyer_tax_id", scale=0.85)
            self.y += self.lead
        self.seal(self.right - 22, top + self.lead * 4.5, m.buyer.name)
        self.y = max(self.y, left_end) + self.lead
        boxw = (self.right - self.left) * 0.55
        h = self.lead * 2.2
        self.page.rect(self.left, self.y, boxw, h, line_width=1.2)
        self.t(self.left + 6, self.y + h * 0.62, "Total amount (tax incl.)", bold=True)
        dash = self.t(self.left + boxw - 6, self.y + h * 0.62, "-", bold=True, scale=1.3, align="right")
        self.t(self.left + boxw - 6 - dash, self.y + h * 0.62, f"¥{self.money(m.total)}", "total", bold=True,
               scale=1.3, align="right")  # fmt: skip
        self.total_tagged = True
        self.y += h + self.lead
        self.y = self.facts(self.left, [("Delivery place", f"{m.ship_to.street}, {m.ship_to.city}", None),
                                        (c["payment_terms"], m.terms[0], "payment_terms"),
                                        (c["currency"], self.fam.currency, "currency")]) + self.lead * 0.5  # fmt: skip

    def seal(self, x: float, y: float, name: str) -> None:
        red = (0.78, 0.12, 0.1)
        self.page.circle(x, y, 19, (1.0, 0.93, 0.92))
        self.page.path([(x + 19 * np.cos(a), y + 19 * np.sin(a)) for a in np.linspace(0, 2 * np.pi, 40)], 1.3, red)
        self.t(x, y - 2, name.split()[0][:6], scale=0.7, align="center", color=red, bold=True)
        self.t(x, y + 7, "SEAL", scale=0.55, align="center", color=red)

    def head_boxes(self) -> None:
        """An exporter's form: three ruled boxes across (supplier, buyer, the order's facts), the title above."""
        m, c = self.m, self.c
        self.t(self.left, self.y + 4, c["title"], bold=True, scale=1.7, color=self.accent)
        self.y += self.lead * 2.4
        third = (self.right - self.left) / 3
        top = self.y
        bottoms = []
        for k, (cap, p, tag, ttag) in enumerate(((c["vendor"], m.vendor, "vendor_name", "vendor_tax_id"),
                                                 (c["buyer"], m.buyer, "buyer_name", "buyer_tax_id"))):  # fmt: skip
            self.y = top + self.lead * 0.6
            bottoms.append(self.party(self.left + k * third + 5, cap, p, tag, ttag))
        self.y = top + self.lead * 0.9
        bottoms.append(self.facts(self.left + 2 * third + 5, self.order_facts(), self.left + 2 * third + third * 0.45))
        bottom = max(bottoms) + self.lead * 0.3
        for k in range(3):
            self.page.rect(self.left + k * third, top - self.size * 0.3, third, bottom - top, line_width=0.8)
        self.y = bottom + self.lead

    def head_bilingual(self) -> None:
        self.head_letter()

    def head_fax(self) -> None:
        """A fax cover sheet first (to, from, pages, a message), then the order on the next page."""
        m = self.m
        self.t(self.left, self.y + 14, "FAX", bold=True, scale=3.4)
        self.y += self.lead * 4
        person = self.look["people"]
        rows = [("To:", m.vendor.name), ("Attn:", "Sales Order Desk"), ("Fax:", f"+353 61 {_digits9(self.rng, 6)}"),
                ("From:", f"{person[0]}, Purchasing"), ("Company:", m.buyer.name),
                ("Date:", self.day(m.order_date, self.style)), ("Pages:", "incl. this cover"),
                ("Re:", "Purchase order attached")]  # fmt: skip
        for cap, val in rows:
            self.t(self.left, self.y, cap, bold=True, scale=1.1)
            self.t(self.left + 80, self.y, val, scale=1.1)
            self.page.line(self.left + 78, self.y + 3, self.right, self.y + 3, 0.3)
            self.y += self.lead * 1.8
        self.y += self.lead
        message = ("Please find our purchase order on the following page. Kindly confirm receipt, price and delivery "
                   "date by return fax or e-mail within two working days. If you do not receive all pages, please "
                   "call us.")  # fmt: skip
        for line in wrap(message, self.f.regular, self.size * 1.05, self.right - self.left):
            self.t(self.left, self.y, line, scale=1.05)
            self.y += self.lead * 1.2
        self.y += self.lead * 2
        self.t(self.left, self.y, "CONFIDENTIAL: this fax is intended only for the addressee.", italic=True)
        self.new_page()
        self.head_letter()

    def head_webshop(self) -> None:
        """A checkout's confirmation page printed from a browser: the print's date and title across the top, the
        shop's banner, the order facts, billing and delivery side by side."""
        m, c = self.m, self.c
        stamp = f"{self.m.order_date.day:02d}.{self.m.order_date.month:02d}.{self.m.order_date.year % 100:02d} " \
                f"{self.rng.randrange(8, 22):02d}.{self.rng.randrange(60):02d}"  # fmt: skip
        self.t(self.left - 14, self.margin * 0.5, stamp, scale=0.75)
        self.t((self.left + self.right) / 2, self.margin * 0.5, f"{c['title']} - {m.vendor.name.split()[0]}",
               scale=0.75, align="center")  # fmt: skip
        self.page.rect(self.left, self.y, self.right - self.left, self.lead * 2.4, stroke=None, fill=self.accent)
        self.t(self.left + 10, self.y + self.lead * 1.5, m.vendor.name, "vendor_name", bold=True, scale=1.3,
               color=(1, 1, 1))  # fmt: skip
        self.t(self.right - 10, self.y + self.lead * 1.5, "Kurv  ·  Min konto  ·  Kundeservice", scale=0.8,
               align="right", color=(1, 1, 1))  # fmt: skip
        self.y += self.lead * 4
        self.t(self.left, self.y, "Tak for din ordre!", bold=True, scale=1.7)
        self.y += self.lead * 1.6
        self.t(self.left, self.y, "Vi har modtaget din bestilling og sender en bekræftelse på e-mail.", scale=0.9)
        self.y += self.lead * 1.8
        rows = self.order_facts(currency=False)
        self.y = self.facts(self.left, rows) + self.lead
        half = self.left + (self.right - self.left) / 2
        b1 = self.party(self.left, c["buyer"], m.buyer, "buyer_name", "buyer_tax_id")
        ship = m.ship_to
        b2 = self.party(half, c["ship"], BlindParty(ship.name, ship.street, ship.city, ship.country, None, None),
                        None, None, bold=False)  # fmt: skip
        self.y = max(b1, b2) + self.lead

    def head_edi(self) -> None:
        """An EDIFACT ORDERS message printed by the buyer's EDI converter: the envelope, then one segment a line,
        the segment tag, its qualifier and the value, a caption from the ERP beside it."""
        m = self.m
        gln = "560" + _digits9(self.rng, 10)
        self.t(self.left, self.y, "EDIFACT ORDERS D.96A EAN008 - impressão de mensagem recebida", bold=True)
        self.y += self.lead * 1.5
        self.t(self.left, self.y, f"UNB+UNOC:3+{gln}:14+560{_digits9(self.rng, 10)}:14+"
               f"{m.order_date.strftime('%y%m%d')}:0815+{_digits9(self.rng, 6)}'", scale=0.9)  # fmt: skip
        self.y += self.lead
        self.t(self.left, self.y, "UNH+1+ORDERS:D:96A:UN:EAN008'", scale=0.9)
        self.y += self.lead * 1.6
        self.seg("BGM 220", EDI_CAPTIONS9["BGM"], m.number, "po_number")
        self.seg("DTM 137", EDI_CAPTIONS9["DTM"], self.day(m.order_date, self.style), "order_date")
        self.seg("NAD BY", EDI_CAPTIONS9["NAD BY"], m.buyer.name, "buyer_name")
        self.seg("", "", f"{m.buyer.street}, {m.buyer.city}", None)
        if m.buyer.tax_id:
            self.seg("RFF VA", "NIF", m.buyer.tax_id, "buyer_tax_id")
        self.seg("NAD SU", EDI_CAPTIONS9["NAD SU"], m.vendor.name, "vendor_name")
        if m.vendor.tax_id:
            self.seg("RFF VA", "NIF", m.vendor.tax_id, "vendor_tax_id")
        self.seg("NAD DP", "Local de entrega", f"{m.ship_to.street}, {m.ship_to.city}", None)
        self.seg("CUX 2", EDI_CAPTIONS9["CUX"], self.fam.currency, "currency")
        self.seg("PAT 1", EDI_CAPTIONS9["PAT"], m.terms[0], "payment_terms")
        self.y += self.lead * 0.6

    def seg(self, tag: str, caption: str, value: str, field_tag: str | None, row: int | None = None) -> None:
        self.room(self.lead)
        self.t(self.left, self.y, tag)
        self.t(self.left + 70, self.y, caption, color=(0.35, 0.35, 0.35))
        self.t(self.left + 230, self.y, value, field_tag, row)
        self.y += self.lead

    def edi_lines(self) -> None:
        m, places = self.m, 0 if self.zero else 2
        for k, ln in enumerate(m.lines):
            self.room(self.lead * 7)
            self.seg(f"LIN {k + 1}", EDI_CAPTIONS9["LIN"], f"560{_digits9(self.rng, 10)}:EN", None)
            if ln.sku:
                self.seg("PIA 1", EDI_CAPTIONS9["PIA"], ln.sku, "sku", k)
            self.seg("IMD F", EDI_CAPTIONS9["IMD"], ln.description, "description", k)
            qty = qty9(ln.quantity, self.numbers)
            if ln.unit:  # the quantity and its unit on one line: 'QTY+21:12:PCE'
                self.t(self.left + 230 + self.w(qty + " "), self.y, ln.unit, "unit", k)
            self.seg("QTY 21", EDI_CAPTIONS9["QTY"], qty, "quantity", k)
            self.seg("PRI AAA", EDI_CAPTIONS9["PRI"], num9(ln.unit_price, self.numbers, places), "unit_price", k)
            self.seg("MOA 203", EDI_CAPTIONS9["MOA 203"], num9(ln.amount, self.numbers, places), "amount", k)
            self.y += self.lead * 0.4
        self.t(self.left, self.y, "UNS+S'")
        self.y += self.lead * 1.2
        self.seg("MOA 79", EDI_CAPTIONS9["MOA 79"], self.money(m.subtotal), "subtotal")
        self.seg("TAX 7 VAT 23", EDI_CAPTIONS9["MOA 124"], self.money(m.tax_total), "tax_total")
        self.seg("MOA 86", EDI_CAPTIONS9["MOA 86"], self.money(m.total), "total")
        self.t(self.left, self.y, f"UNT+{20 + 6 * len(m.lines)}+1'")
        self.y += self.lead

    def head_govform(self) -> None:
        """A US government order form: numbered blocks in a ruled grid (block 7 the contractor with its CAGE
        code), the schedule as block 17."""
        m = self.m
        self.t(self.left, self.y, "ORDER FOR SUPPLIES OR SERVICES", bold=True, scale=1.4)
        self.y += self.lead * 1.4
        bw = (self.right - self.left) / 4
        h = self.lead * 2.6
        blocks: list[tuple[str, str, str | None]] = [
            ("1. CONTRACT/PURCH ORDER NO.", m.number, "po_number"),
            ("2. DELIVERY ORDER/CALL NO.", "-", None),
            ("3. DATE OF ORDER/CALL", self.day(m.order_date, self.style), "order_date"),
            ("4. REQUISITION/PURCH REQUEST NO.", f"N{_digits9(self.rng, 5)}-{_digits9(self.rng, 4)}", None),
            ("5. PRIORITY", "DO-A1", None), ("6. ISSUED BY", m.buyer.name, "buyer_name"),
            ("7. CONTRACTOR", m.vendor.name, "vendor_name"), ("CAGE CODE", self.look["cage"], None),
            ("8. DELIVERY FOB", "DESTINATION", None), ("9. PAYMENT WILL BE MADE BY", "DFAS Columbus", None),
            ("10. DISCOUNT TERMS", m.terms[0], "payment_terms"), ("11. MARK ALL PACKAGES", m.number, None),
            ("12. SHIP TO", f"{m.ship_to.street}", None), ("13. TYPE OF ORDER", "PURCHASE", None),
            ("14. CURRENCY", self.fam.currency, "currency"),
            ("15. TIN", m.vendor.tax_id or "-", "vendor_tax_id" if m.vendor.tax_id else None),
        ]  # fmt: skip
        for k, (cap, val, tag) in enumerate(blocks):
            x, y = self.left + (k % 4) * bw, self.y + (k // 4) * h
            self.page.rect(x, y, bw, h, line_width=0.7)
            self.t(x + 3, y + self.size * 0.9, cap, scale=0.62)
            scale = min(1.0, (bw - 8) / max(1.0, self.w(val)))
            self.t(x + 4, y + h - self.size * 0.55, val, tag, scale=scale, bold=tag is not None)
        self.y += 4 * h + self.lead * 0.8
        self.t(self.left, self.y, "16. This order is subject to the terms and conditions shown on the reverse.",
               scale=0.8)  # fmt: skip
        self.y += self.lead * 1.3
        self.t(self.left, self.y, "17. SCHEDULE", bold=True)
        self.y += self.lead * 0.8

    # -- the table
    def caption_of(self, col: str) -> str:
        c = self.c
        if col == "lot":
            return "Lot / Batch"
        if col == "expiry":
            return "Expiry"
        if col == "cases":
            return "Cases"
        if self.fam.items == "catch" and col == "quantity":
            return "Weight kg"
        if self.fam.items == "catch" and col == "unit_price":
            return "Price/kg"
        if self.fam.header == "govform":
            return {
                "line_no": "ITEM NO.",
                "sku": "NSN / PART NO.",
                "description": "SUPPLIES OR SERVICES",
                "quantity": "QTY ORD.",
                "unit": "UNIT",
                "unit_price": "UNIT PRICE",
                "amount": "AMOUNT",
            }[col]
        return c.get(col, col)

    def spans(self, cols: list[str]) -> list[tuple[str, float, float]]:
        total = sum(_WEIGHTS9[c] for c in cols)
        x, out = self.left, []
        for col in cols:
            w = (self.right - self.left) * _WEIGHTS9[col] / total
            out.append((col, x, w))
            x += w
        return out

    def table(self) -> None:
        items = self.fam.items
        if items == "tworow":
            self.table_tworow()
            return
        if items == "cart":
            self.table_cart()
            return
        spans = self.spans(self.cols)
        self.table_head(spans)
        last_day: date | None = None
        for k, ln in enumerate(self.m.lines):
            if items == "dated" and self.o.deliveries[k] != last_day:
                last_day = self.o.deliveries[k]
                if self.room(self.lead * 3):
                    self.table_head(spans)
                self.page.rect(self.left, self.y - self.size, self.right - self.left, self.lead, stroke=None,
                               fill=(0.9, 0.9, 0.9))  # fmt: skip
                self.t(self.left + 4, self.y, f"{self.c['delivery']} {self.day(last_day, self.style)}", bold=True,
                       scale=0.9)  # fmt: skip
                self.y += self.lead
            self.line_row(k, ln, spans)
            if items == "notes" and self.o.notes[k]:
                self.t(spans[0][1] + 14, self.y - self.lead * 0.25, f"Note: {self.o.notes[k]}", italic=True,
                       scale=0.82, color=(0.35, 0.35, 0.35))  # fmt: skip
                self.y += self.lead
        self.page.line(self.left, self.y - self.size, self.right, self.y - self.size, 0.8)
        self.y += self.lead * 0.5

    def table_head(self, spans: list[tuple[str, float, float]]) -> None:
        merged = self.fam.items == "merged"
        h = self.lead * (2.4 if merged else 1.4)
        self.room(h + self.lead * 2)
        top = self.y - self.size
        self.page.rect(self.left, top, self.right - self.left, h, stroke=(0, 0, 0), fill=(0.88, 0.9, 0.94))
        base = top + h - self.size * 0.45
        lower: dict[str, str] = {}
        groups: dict[str, str] = {}
        if merged:  # the first tier's groups, each spanning its columns
            cur = self.fam.currency
            groups = {"line_no": "Item", "sku": "Item", "quantity": "Quantity", "unit": "Quantity",
                      "unit_price": f"Price ({cur})", "amount": f"Price ({cur})"}  # fmt: skip
            seen: dict[str, tuple[float, float]] = {}
            for col, x, w in spans:
                g = groups.get(col)
                if g:
                    x0, x1 = seen.get(g, (x, x))
                    seen[g] = (min(x0, x), x + w)
            for g, (x0, x1) in seen.items():
                self.t((x0 + x1) / 2, top + self.size * 1.05, g, bold=True, scale=0.85, align="center")
                self.page.line(x0 + 2, top + self.lead, x1 - 2, top + self.lead, 0.5)
            lower = {"line_no": "No.", "sku": "Code", "quantity": "Ordered", "unit": "Unit", "unit_price": "Unit",
                     "amount": "Extended"}  # fmt: skip
        for col, x, w in spans:
            text = lower.get(col) or self.caption_of(col)
            scale = min(0.85, (w - 4) / max(1.0, self.w(text, True)))
            if col in _RIGHT9:
                self.t(x + w - 3, base, text, bold=True, scale=scale, align="right")
            else:
                self.t(x + 3, base, text, bold=True, scale=scale)
            if "boxed" in self.fam.extras:  # under a merged caption the rule starts at the lower tier
                inner = merged and col in groups and any(c2 in groups and groups[c2] == groups[col] and x2 < x
                                                         for c2, x2, _w in spans)  # fmt: skip
                self.page.line(x, top + (self.lead if inner else 0), x, top + h, 0.5)
        self.y = top + h + self.size * 1.3

    def cell_text(self, col: str, k: int, ln: POLine) -> tuple[str, str | None]:
        places = 0 if self.zero else 2
        if col == "line_no":
            return (f"{(k + 1) * 10}" if self.fam.country in {"FI", "PT"} else str(k + 1)), None
        if col == "lot":
            return self.o.lots[k][0], None
        if col == "expiry":
            return self.day(self.o.lots[k][1], self.style), None
        if col == "cases":
            return str(max(1, int(ln.quantity // 12) + 1)), None
        if col == "quantity":
            return qty9(ln.quantity, self.numbers), "quantity"
        if col in {"unit_price", "amount"}:
            return num9(getattr(ln, col), self.numbers, places), col
        value = getattr(ln, col)
        return (value or ""), (col if value else None)

    def line_row(self, k: int, ln: POLine, spans: list[tuple[str, float, float]]) -> None:
        dw = next(w for c, _x, w in spans if c == "description")
        lines = wrap(ln.description, self.f.regular, self.size, dw - 6)
        need = self.lead * len(lines)
        if self.room(need + self.lead):
            self.table_head(spans)
        if "zebra" in self.fam.extras and k % 2:
            self.page.rect(self.left, self.y - self.size, self.right - self.left, need, stroke=None,
                           fill=(0.95, 0.95, 0.95))  # fmt: skip
        for col, x, w in spans:
            if col == "description":
                ent = Entity("description", k)
                for j, part in enumerate(lines):
                    self.t(x + 3, self.y + j * self.lead, part, ent, k)
                continue
            text, tag = self.cell_text(col, k, ln)
            scale = min(1.0, (w - 5) / max(1.0, self.w(text)))
            if col in _RIGHT9:
                self.t(x + w - 3, self.y, text, tag, k, scale=scale, align="right")
            else:
                self.t(x + 3, self.y, text, tag, k, scale=scale)
        if "boxed" in self.fam.extras:
            for _col, x, _w in spans:
                self.page.line(x, self.y - self.size, x, self.y - self.size + need, 0.4)
            self.page.line(self.right, self.y - self.size, self.right, self.y - self.size + need, 0.4)
            self.page.line(self.left, self.y - self.size + need, self.right, self.y - self.size + need, 0.4)
        self.y += need

    def table_tworow(self) -> None:
        """Each item over two rows: number, code and description above; quantity, unit, price and amount below,
        indented. The header has the same two rows."""
        c, places = self.c, 0 if self.zero else 2
        x_code, x_desc = self.left + 26, self.left + 110
        xs = {"quantity": self.left + 230, "unit": self.left + 240, "unit_price": self.left + 380, "amount": self.right}

        def head() -> None:
            self.page.rect(self.left, self.y - self.size, self.right - self.left, self.lead * 2.1, stroke=None,
                           fill=(0.88, 0.88, 0.88))  # fmt: skip
            self.t(self.left + 2, self.y, c["line_no"], bold=True, scale=0.85)
            self.t(x_code, self.y, c["sku"], bold=True, scale=0.85)
            self.t(x_desc, self.y, c["description"], bold=True, scale=0.85)
            y2 = self.y + self.lead
            self.t(xs["quantity"], y2, c["quantity"], bold=True, scale=0.85, align="right")
            self.t(xs["unit"], y2, c["unit"], bold=True, scale=0.85)
            self.t(xs["unit_price"], y2, c["unit_price"], bold=True, scale=0.85, align="right")
            self.t(xs["amount"], y2, c["amount"], bold=True, scale=0.85, align="right")
            self.y += self.lead * 2.4

        head()
        for k, ln in enumerate(self.m.lines):
            if self.room(self.lead * 3):
                head()
            self.t(self.left + 2, self.y, str(k + 1), None, k, bold=True)
            if ln.sku:
                self.t(x_code, self.y, ln.sku, "sku", k, bold=True)
            self.t(x_desc, self.y, ln.description, "description", k, bold=True)
            self.y += self.lead
            self.t(xs["quantity"], self.y, qty9(ln.quantity, self.numbers), "quantity", k, align="right")
            if ln.unit:
                self.t(xs["unit"], self.y, ln.unit, "unit", k)
            self.t(xs["unit_price"] - 60, self.y, "x", None, k, color=(0.5, 0.5, 0.5))
            self.t(xs["unit_price"], self.y, num9(ln.unit_price, self.numbers, places), "unit_price", k,
                   align="right")  # fmt: skip
            self.t(xs["amount"], self.y, num9(ln.amount, self.numbers, places), "amount", k, align="right")
            self.page.line(self.left, self.y + self.size * 0.5, self.right, self.y + self.size * 0.5, 0.3,
                           (0.6, 0.6, 0.6))  # fmt: skip
            self.y += self.lead * 1.3
        self.y += self.lead * 0.5

    def table_cart(self) -> None:
        """A checkout's basket: a picture placeholder, the product with its item number in grey under it, the
        quantity, the price each and the line total."""
        c = self.c
        x_q, x_p, x_a = self.left + 330, self.left + 420, self.right
        self.t(self.left + 50, self.y, c["description"], bold=True, scale=0.9)
        self.t(x_q, self.y, c["quantity"], bold=True, scale=0.9, align="right")
        self.t(x_p, self.y, c["unit_price"], bold=True, scale=0.9, align="right")
        self.t(x_a, self.y, c["amount"], bold=True, scale=0.9, align="right")
        self.y += self.lead * 0.6
        self.page.line(self.left, self.y, self.right, self.y, 0.6, (0.7, 0.7, 0.7))
        self.y += self.lead * 1.4
        for k, ln in enumerate(self.m.lines):
            self.room(self.lead * 3.5)
            self.page.rect(self.left, self.y - self.size - 2, 38, 34, stroke=(0.8, 0.8, 0.8), fill=(0.94, 0.94, 0.94))
            self.t(self.left + 50, self.y, ln.description, "description", k, bold=True)
            if ln.sku:
                lx = self.left + 50 + self.t(self.left + 50, self.y + self.lead, c["sku"], None, k, scale=0.8,
                                             color=(0.45, 0.45, 0.45)) + 3  # fmt: skip
                self.t(lx, self.y + self.lead, ln.sku, "sku", k, scale=0.8, color=(0.45, 0.45, 0.45))
            self.t(x_q, self.y, qty9(ln.quantity, self.numbers), "quantity", k, align="right")
            for x, value, tag in ((x_p, ln.unit_price, "unit_price"), (x_a, ln.amount, "amount")):
                kr = self.t(x, self.y, "kr.", None, k, align="right") + self.w(" ")
                self.t(x - kr, self.y, self.money(value), tag, k, align="right")
            self.y += self.lead * 2.6
            self.page.line(self.left, self.y - self.size * 1.3, self.right, self.y - self.size * 1.3, 0.4,
                           (0.8, 0.8, 0.8))  # fmt: skip

    # -- totals and the end
    def totals(self) -> None:
        m, c = self.m, self.c
        self.room(self.lead * 6)
        x_cap = self.left + (self.right - self.left) * 0.55
        rows: list[tuple[str, str, str | None]] = [(c["subtotal"], self.money(m.subtotal), "subtotal")]
        if self.fam.country == "CA":
            names = ("GST/TPS 5%", "QST/TVQ 9.975%")
            rows += [(n, self.money(v), None) for n, v in zip(names, m.tax_by_rate.values(), strict=True)]
            rows.append(("Total taxes / Total des taxes", self.money(m.tax_total), "tax_total"))
        else:
            rate = f" {dec_str(m.tax_rate)}%" if m.tax_rate is not None and "%" not in c["tax"] else ""
            rows.append((f"{c['tax']}{rate}", self.money(m.tax_total), "tax_total"))
        rows.append((c["total"], self.money(m.total), None if self.total_tagged else "total"))
        boxed = self.look["totals"] == "boxed"
        top = self.y - self.size
        for k, (cap, val, tag) in enumerate(rows):
            last = k == len(rows) - 1
            self.t(x_cap, self.y, cap, bold=last)
            self.t(self.right - 3, self.y, val, tag, bold=last, align="right")
            self.y += self.lead * (1.3 if last else 1.05)
        if boxed:
            self.page.rect(x_cap - 5, top - 2, self.right - x_cap + 5, self.y - top - self.lead * 0.6, line_width=0.8)
        self.y += self.lead

    def closing(self) -> None:
        m = self.m
        self.room(self.lead * 6)
        if self.fam.header == "webshop":
            reg = f"{m.vendor.name} · {m.vendor.street}, {m.vendor.city}"
            if m.vendor.tax_id:
                reg += f" · {m.vendor.tax_label} {m.vendor.tax_id}"
            w = self.t(self.left, self.ph - self.margin * 1.3, reg.split(" · ")[0], scale=0.75)
            rest = " · ".join(reg.split(" · ")[1:])
            if m.vendor.tax_id:
                rest = rest[: -len(m.vendor.tax_id)]
                w2 = self.t(self.left + w + 4, self.ph - self.margin * 1.3, rest, scale=0.75)
                self.t(self.left + w + 4 + w2 + 3, self.ph - self.margin * 1.3, m.vendor.tax_id, "vendor_tax_id",
                       scale=0.75)  # fmt: skip
            self.t(self.left, self.ph - self.margin * 0.6, f"https://www.{m.vendor.name.split()[0].lower()}.dk/"
                   f"checkout/kvittering?ordre={m.number}", scale=0.7, color=(0.3, 0.3, 0.6))  # fmt: skip
            return
        people = self.look["people"]
        if self.fam.country in {"KE", "MY", "NG"} or self.rng.random() < 0.3:
            self.t(self.left, self.y, f"Reg. No.: {self.look['registration']}", scale=0.8)
            self.y += self.lead * 1.5
        if self.fam.header == "govform":
            self.t(self.left, self.y, "18. UNITED STATES OF AMERICA   BY: ____________________  CONTRACTING / "
                   "ORDERING OFFICER", scale=0.8)  # fmt: skip
            self.y += self.lead * 1.5
            return
        self.y += self.lead
        self.page.line(self.left, self.y, self.left + 150, self.y, 0.5)
        self.page.line(self.right - 150, self.y, self.right, self.y, 0.5)
        self.y += self.lead
        self.t(self.left, self.y, people[0], scale=0.85)
        self.t(self.right - 150, self.y, people[1], scale=0.85)
        if "seal" in self.fam.extras and self.fam.header != "jp":
            self.seal(self.left + 120, self.y - self.lead * 2, m.buyer.name)


# ---------------------------------------------------------------- contracts

CONTRACT_TEXT9: dict[str, dict[str, Any]] = {
    "framework-price-annex-eg": {
        "title": "FRAMEWORK SUPPLY AGREEMENT", "number": "Agreement No.", "roles": ("the Purchaser", "the Supplier"),
        "intro": "This Framework Agreement is entered into in Cairo on {eff} by and between {buyer}, an Egyptian joint "
                 "stock company (the Purchaser), and {vendor} (the Supplier).",
        "until": "This Agreement shall remain in force until {exp}.",
        "pay": "All prices are in {cur}, exclusive of VAT. Invoices shall be paid {terms}.",
        "filler": ["Call-off orders issued under this Agreement shall refer to its number.",
                   "Prices in Annex 1 replace those of the previous agreement from the effective date."],
        "annex": "ANNEX 1 - PRICE SCHEDULE (REVISED)", "cols": ("Item", "Unit", "Previous price", "New price",
                                                               "Change"),
        "terms": [("within sixty (60) days of receipt of a valid invoice", 60), ("within 45 days of delivery", 45)],
        "services": [("Steel pipe DN100 sch. 40", "m"), ("Gate valve DN100 PN16", "pc"), ("Flange gasket DN100", "pc"),
                     ("Pipe support bracket", "pc"), ("Anti-corrosion wrap 100 mm", "roll"), ("Site delivery", "trip")],
    },
    "engagement-letter-day-rates-sco": {
        "title": "Letter of Engagement", "number": "Our ref", "roles": ("you", "we"),
        "intro": "Thank you for choosing {vendor} to advise {buyer}. This letter, dated {eff}, sets out the basis on "
                 "which we will act.",
        "until": "Unless extended in writing, this engagement will end on {exp}.",
        "pay": "Our fees are charged in {cur} on the time spent, at the following day rates: {rates}. Our invoices "
               "are payable {terms}.",
        "filler": ["We will report to your finance director monthly on progress and fees incurred.",
                   "This letter is governed by the law of Scotland and the Scottish courts have jurisdiction."],
        "terms": [("within 30 days of the invoice date", 30), ("within 14 days of issue", 14)],
        "services": [("Partner", "day"), ("Director", "day"), ("Senior manager", "day"), ("Consultant", "day"),
                     ("Analyst", "day")],
    },
    "maintenance-sla-tiers-my": {
        "title": "MAINTENANCE AND SUPPORT AGREEMENT", "number": "Contract No.", "roles": ("the Customer",
                                                                                      "the Contractor"),
        "intro": "This Agreement is made on {eff} between {buyer} (the Customer) and {vendor} (the Contractor).",
        "until": "This Agreement continues until {exp}.",
        "term": "This Agreement runs for {n} months from the date above.",
        "pay": "Monthly fees are in {cur}, subject to SST, invoiced monthly in advance and payable {terms}.",
        "filler": ["Response times are measured from the logging of a call with the Contractor's help desk.",
                   "Service credits apply where the Contractor misses the response time of the chosen tier."],
        "annex": "SCHEDULE 2 - SERVICE LEVELS AND FEES", "cols": ("Service tier", "Response / cover", "Per",
                                                                 "Monthly fee"),
        "terms": [("within 30 days of invoice", 30), ("within 14 days", 14)],
        "services": [("Bronze", "month"), ("Silver", "month"), ("Gold", "month"), ("Platinum", "month")],
        "cover": ["Next business day, 9x5", "8 hours, 12x6", "4 hours, 24x7", "2 hours, 24x7 with resident engineer"],
    },
    "licence-per-user-tiers-fi": {
        "title": "SOFTWARE LICENCE AGREEMENT", "number": "Licence Agreement No.", "roles": ("the Licensee",
                                                                                       "the Licensor"),
        "intro": "This Licence Agreement is made on {eff} between {vendor} (the Licensor) and {buyer} (the "
                 "Licensee).",
        "until": "The licence is granted until {exp}.",
        "term": "The licence is granted for a term of {n} months from the date above.",
        "pay": "Licence fees are in {cur}, VAT excluded, invoiced quarterly and payable {terms}.",
        "filler": ["The fee per user depends on the band into which the number of named users falls.",
                   "The Licensee may not sub-license the software to any third party."],
        "annex": "APPENDIX 1 - LICENCE FEES PER NAMED USER", "cols": ("User band", "Named users", "Per",
                                                                     "Fee per user"),
        "terms": [("14 days net", 14), ("within 30 days from the invoice date", 30)],
        "services": [("Band A", "user/month"), ("Band B", "user/month"), ("Band C", "user/month"),
                     ("Band D", "user/month")],
        "cover": ["1 - 25", "26 - 100", "101 - 500", "over 500"],
    },
    "lease-schedule-ng": {
        "title": "EQUIPMENT LEASE SCHEDULE", "number": "Schedule No.", "roles": ("the Lessee", "the Lessor"),
        "intro": "This Schedule, dated {eff}, is made under the Master Lease Agreement between {vendor} (the "
                 "Lessor) and {buyer} (the Lessee).",
        "until": "The lease ends on {exp}.",
        "term": "Lease term: {n} months from the commencement date above.",
        "pay": "Rentals are payable in {cur}, monthly in advance, {terms}.",
        "filler": ["The Lessee shall insure the equipment for its full replacement value.",
                   "At the end of the term the Lessee may return the equipment or extend the lease."],
        "annex": "LEASED EQUIPMENT AND MONTHLY RENTAL", "cols": ("Equipment", "Serial No.", "Per", "Monthly rental"),
        "terms": [("on the first day of each month", 0), ("within 7 days of each rental invoice", 7)],
        "services": [("Diesel generator 500 kVA", "month"), ("Forklift 3 t", "month"), ("Air compressor 750 cfm",
                     "month"), ("Tower light, mobile", "month"), ("Pickup truck 4x4", "month")],
    },
    "contrat-distribution-remises-ma": {
        "title": "CONTRAT DE DISTRIBUTION", "number": "Contrat n°", "roles": ("le Distributeur", "le Fournisseur"),
        "intro": "Entre les soussignés : {vendor} (le Fournisseur) et {buyer} (le Distributeur), il a été convenu ce "
                 "qui suit, à Casablanca, le {eff}.",
        "until": "Le présent contrat prend fin le {exp}.",
        "pay": "Les prix sont exprimés en {cur} hors taxes. Les factures sont payables {terms}.",
        "filler": ["Le Distributeur bénéficie d'une exclusivité sur le territoire du Royaume du Maroc.",
                   "Les remises s'appliquent par commande, selon les quantités commandées."],
        "annex": "ANNEXE 2 - TARIF ET REMISES", "cols": ("Produit", "Unité", "Prix catalogue", "Remises"),
        "terms": [("à 60 jours fin de mois", 60), ("à 30 jours date de facture", 30)],
        "services": [("Pompe centrifuge 5,5 kW", "pièce"), ("Variateur 7,5 kW", "pièce"), ("Câble armé 4x16 mm²",
                     "mètre"), ("Coffret électrique IP65", "pièce"), ("Kit de maintenance", "kit")],
    },
    "contrato-manutencao-pt": {
        "title": "CONTRATO DE PRESTAÇÃO DE SERVIÇOS DE MANUTENÇÃO", "number": "Contrato n.º",
        "roles": ("o Primeiro Outorgante", "o Segundo Outorgante"),
        "intro": "Aos {eff}, entre {buyer}, como Primeiro Outorgante, e {vendor}, como Segundo Outorgante, é "
                 "celebrado o presente contrato.",
        "until": "O contrato vigora até {exp}.",
        "pay": "Os preços são expressos em {cur}, acrescidos de IVA à taxa legal, e são pagos {terms}.",
        "filler": ["O Segundo Outorgante garante a manutenção preventiva dos equipamentos indicados no Anexo I.",
                   "Para dirimir quaisquer litígios é competente o foro da comarca do Porto."],
        "annex": "Cláusula 5.ª - Preço", "bullet": "{service}: {rate} {cur} por {unit}",
        "terms": [("a 30 dias da data da fatura", 30), ("a 60 dias após a receção da fatura", 60)],
        "services": [("Visita de manutenção preventiva", "visita"), ("Hora de técnico", "hora"),
                     ("Deslocação", "km"), ("Piquete de fim de semana", "dia")],
    },
    "consultancy-agreement-kr": {
        "title": "CONSULTING SERVICES AGREEMENT", "number": "Agreement No.", "roles": ("the Client", "the Consultant"),
        "intro": "This Agreement is made and entered into as of {eff} by and between {buyer} (the Client) and "
                 "{vendor} (the Consultant).",
        "until": "This Agreement shall expire on {exp}.",
        "pay": "Fees are payable in {cur} {terms}, against the Consultant's monthly timesheets.",
        "filler": ["The Consultant shall keep all information received from the Client confidential.",
                   "This Agreement is governed by the laws of the Republic of Korea."],
        "annex": "EXHIBIT B - FEE SCHEDULE", "cols": ("Position", "Per", "Rate"),
        "terms": [("within 30 days after receipt of invoice", 30), ("by the 10th of the following month", 40)],
        "services": [("Principal consultant", "day"), ("Senior consultant", "day"), ("Consultant", "hour"),
                     ("Technical writer", "hour")],
    },
}  # fmt: skip
CONTRACT_NUMBERS9 = {"EG": "FA/{y}/{n:03d}", "GB": "{i}/{n:04d}/ENG", "MY": "MSA-{y}-{n:04d}", "FI": "LIC-{y}-{n:03d}",
                     "NG": "LS-{n:05d}", "MA": "{n:03d}/{y}", "PT": "{n:03d}/{y}", "KR": "CSA-{y}{n:04d}"}  # fmt: skip


@dataclass
class Contract9(Contract2):
    """A set-9 contract: the rates, and the previous prices a framework's annex prints beside the new ones."""

    previous: list[Decimal] = field(default_factory=list)


def sample_contract9(rng: random.Random, fam: Blind9Family) -> Contract9:
    text = CONTRACT_TEXT9[fam.name]
    buyer = make_party9(rng, fam.country)
    vendor = make_party9(rng, fam.country, avoid=buyer.name)
    year = rng.randrange(2024, 2028)
    effective = date(year, 1, 1) + timedelta(days=rng.randrange(0, 364))
    term: tuple[int, str] | None = None
    if "term" in fam.extras and rng.random() < 0.7:
        months = rng.choice([12, 24, 36, 48])
        term = (months, "months")
        expiry = effective + relativedelta(months=months) - timedelta(days=1)
    else:
        expiry = effective + relativedelta(months=rng.choice([6, 12, 24, 36])) - timedelta(days=rng.choice([0, 1]))
    services = text["services"]
    keep = rng.randrange(3, len(services) + 1)
    chosen = services[:keep] if "cover" in text else rng.sample(services, keep)
    zero = fam.currency in ZERO_DECIMALS9
    scale = {"EGP": 40, "NGN": 1500, "KRW": 1300, "MAD": 10, "MYR": 4}.get(fam.currency, 1)
    rates: list[tuple[str, str, Decimal]] = []
    for k, (s, u) in enumerate(chosen):
        base = Decimal(rng.randrange(2000, 120000)) / 100 * scale
        if "cover" in text:  # tiers: a dearer tier per row of SLA, a cheaper fee per larger user band
            base = Decimal(rng.randrange(800, 1500) * (k + 1) ** 2) * scale if fam.header == "sla" else Decimal(
                rng.randrange(1000, 4000)) / 100 / (1 + Decimal(k) / 2)  # fmt: skip
        if u == "day":  # a day rate: eight hours at 60-180 an hour
            base = Decimal(rng.randrange(60, 180) * 8) * scale
        rate = base.quantize(Decimal(1000) if zero else Decimal(1), rounding=ROUND_DOWN) if zero or scale > 100 \
            else q2(base)  # fmt: skip
        rates.append((s, u, rate if not zero else rate.quantize(Decimal(1))))
    previous = [q2(r * Decimal(rng.randrange(78, 95)) / 100) for _s, _u, r in rates]
    n = rng.randrange(1, 999)
    number = CONTRACT_NUMBERS9[fam.country].format(y=year, n=n, i="".join(rng.sample("ABCDEFGHKLMR", 3)))
    return Contract9(number, effective, expiry, term, buyer, vendor, rng.choice(text["terms"]), rates, previous)


class Contract9Writer(Sheet9):
    def __init__(self, rng: random.Random, fam: Blind9Family, model: Contract9) -> None:
        self.m = model
        self.text = CONTRACT_TEXT9[fam.name]
        super().__init__(rng, fam, rng.choice([9.0, 9.5, 10.0]), fam.numbers, fam.currency in ZERO_DECIMALS9)
        self.style = fam.dates

    def write(self) -> None:
        m, text = self.m, self.text
        self.t((self.left + self.right) / 2, self.y + 8, text["title"], bold=True, scale=1.4, align="center")
        self.y += self.lead * 2.4
        lx = self.left + self.t(self.left, self.y, text["number"]) + self.w(" ")
        self.t(lx, self.y, m.number, "contract_number", bold=True)
        self.y += self.lead * 2
        if self.fam.header == "letter":
            self.letter_head()
        values = {"eff": (self.day(m.effective, self.style), Entity("effective_date")),
                  "exp": (self.day(m.expiry, self.style), Entity("expiry_date")),
                  "buyer": (m.buyer.name, Entity("buyer_name")), "vendor": (m.vendor.name, Entity("vendor_name")),
                  "cur": (self.fam.currency, Entity("currency")), "terms": (m.terms[0], Entity("payment_terms")),
                  "n": (str(m.term[0]) if m.term else "", None)}  # fmt: skip
        self.flow(words_of(text["intro"], values), self.left, self.right)
        self.parties_ids()
        clause = 1
        self.clause(clause, words_of(text["term"] if m.term else text["until"], values))
        for sentence in text["filler"]:
            clause += 1
            self.clause(clause, words_of(sentence, {}))
        clause += 1
        pay = text["pay"]
        if "{rates}" in pay:
            rate_words: list[tuple[str, Entity | None]] = []
            for k, (s, u, r) in enumerate(m.rates):
                sep = "," if k < len(m.rates) - 2 else ""
                desc = Entity("description", k)
                rate_words += [(w, desc) for w in s.split()]
                rate_words += [("at", None), (f"£{self.money(r)}", Entity("unit_price", k)), ("per", None),
                               (u + sep, Entity("unit", k))]  # fmt: skip
                rate_words += [("and", None)] if k == len(m.rates) - 2 else []
            head, tail = pay.split("{rates}")
            last_word, last_ent = rate_words[-1]
            rate_words[-1] = (last_word + ".", last_ent)
            self.clause(clause, words_of(head, values) + rate_words + words_of(tail.lstrip(". "), values))
        else:
            self.clause(clause, words_of(pay, values))
        self.schedule()
        self.signatures()
        self.footers("Page" if self.fam.lang == "en" else "Página" if self.fam.lang == "pt" else "Page", m.number)

    def letter_head(self) -> None:
        m = self.m
        self.t(self.left, self.y, "Private and confidential", italic=True)
        self.y += self.lead * 1.5
        self.t(self.left, self.y, "The Board of Directors")
        self.y += self.lead
        for line in (m.buyer.street, m.buyer.city):
            self.t(self.left, self.y, line)
            self.y += self.lead
        self.y += self.lead
        self.t(self.left, self.y, "Dear Sirs,")
        self.y += self.lead * 1.5

    def parties_ids(self) -> None:
        m = self.m
        for p, tag in ((m.buyer, "buyer_tax_id"), (m.vendor, "vendor_tax_id")):
            if not p.tax_id:
                continue
            x = self.left + self.t(self.left, self.y, f"{p.name}, {p.street}, {p.city}, {p.tax_label}",
                                   scale=0.85) + self.w(" ", scale=0.85)  # fmt: skip
            self.t(x, self.y, p.tax_id, tag, scale=0.85)
            self.y += self.lead
        self.y += self.lead * 0.5

    def clause(self, n: int, words: list[tuple[str, Entity | None]]) -> None:
        self.room(self.lead * 3)
        self.t(self.left, self.y, f"{n}.", bold=True)
        self.flow(words, self.left + 22, self.right)

    def grid(self, cols: tuple[str, ...], rows: list[list[tuple[str, Entity | None]]], weights: tuple[float, ...],
             right: set[int]) -> None:  # fmt: skip
        xs = [self.left]
        for wt in weights:
            xs.append(xs[-1] + (self.right - self.left) * wt)
        self.room(self.lead * 4)
        top = self.y - self.size
        self.page.rect(self.left, top, self.right - self.left, self.lead * 1.3, stroke=None, fill=(0.86, 0.86, 0.86))
        for k, cap in enumerate(cols):
            if k in right:
                self.t(xs[k + 1] - 4, self.y, cap, bold=True, scale=0.85, align="right")
            else:
                self.t(xs[k] + 4, self.y, cap, bold=True, scale=0.85)
        self.y += self.lead * 1.4
        for row in rows:
            self.room(self.lead * 2)
            for k, (val, ent) in enumerate(row):
                if k in right:
                    self.t(xs[k + 1] - 4, self.y, val, ent, align="right")
                else:
                    self.t(xs[k] + 4, self.y, val, ent)
            self.page.line(self.left, self.y + self.size * 0.45, self.right, self.y + self.size * 0.45, 0.3)
            self.y += self.lead * 1.2
        self.y += self.lead

    def schedule(self) -> None:
        m, text, items = self.m, self.text, self.fam.items
        if items == "prose":
            return
        self.room(self.lead * 6)
        self.y += self.lead
        self.t(self.left, self.y, text["annex"], bold=True, scale=1.05)
        self.y += self.lead * 1.8
        cols = text.get("cols", ())
        cur = self.fam.currency

        def rate(k: int, r: Decimal) -> tuple[str, Entity | None]:
            return self.money(r), Entity("unit_price", k)

        if items == "compare":
            since = self.day(m.effective, self.style)
            rows = [[(s, Entity("description", k)), (u, Entity("unit", k)), (self.money(p), None), rate(k, r),
                     (f"+{q2((r - p) / p * 100)}%", None)]
                    for k, ((s, u, r), p) in enumerate(zip(m.rates, m.previous, strict=True))]  # fmt: skip
            self.t(self.left, self.y, f"New prices apply to call-off orders issued from {since}.", scale=0.9)
            self.y += self.lead * 1.6
            self.grid((cols[0], cols[1], f"{cols[2]} ({cur})", f"{cols[3]} ({cur})", cols[4]), rows,
                      (0.34, 0.1, 0.2, 0.2, 0.16), {2, 3, 4})  # fmt: skip
        elif items == "tiers":
            cover = text["cover"]
            rows = [[(s, Entity("description", k)), (cover[k], None), (u, Entity("unit", k)), rate(k, r)]
                    for k, (s, u, r) in enumerate(m.rates)]  # fmt: skip
            self.grid((cols[0], cols[1], cols[2], f"{cols[3]} ({cur})"), rows, (0.22, 0.4, 0.16, 0.22), {3})
        elif items == "lease":
            rows = [[(s, Entity("description", k)), (f"SN-{_digits9(self.rng, 7)}", None), (u, Entity("unit", k)),
                     rate(k, r)] for k, (s, u, r) in enumerate(m.rates)]  # fmt: skip
            self.grid((cols[0], cols[1], cols[2], f"{cols[3]} ({cur})"), rows, (0.4, 0.2, 0.14, 0.26), {3})
            total = sum((r for _s, _u, r in m.rates), Decimal(0))
            self.t(self.right - 4, self.y, f"Total monthly rental: {cur} {self.money(total)}", bold=True,
                   align="right")  # fmt: skip
            self.y += self.lead * 1.5
        elif items == "discounts":
            rows = [[(s, Entity("description", k)), (u, Entity("unit", k)), rate(k, r),
                     (f"{3 + k % 3} % / {7 + k % 4} % / {12 + k % 5} %", None)]
                    for k, (s, u, r) in enumerate(m.rates)]  # fmt: skip
            self.grid((cols[0], cols[1], f"{cols[2]} ({cur})", f"{cols[3]} : 1-99 / 100-499 / 500+"), rows,
                      (0.34, 0.12, 0.2, 0.34), {2})  # fmt: skip
        elif items == "bullets":
            for k, (s, u, r) in enumerate(m.rates):
                self.room(self.lead * 2)
                words = words_of(text["bullet"], {"service": (s, Entity("description", k)), "rate": rate(k, r),
                                                  "cur": (cur, None), "unit": (u, Entity("unit", k))})  # fmt: skip
                self.t(self.left + 10, self.y, "-")
                self.flow(words, self.left + 22, self.right)
        else:
            rows = [[(s, Entity("description", k)), (u, Entity("unit", k)), rate(k, r)]
                    for k, (s, u, r) in enumerate(m.rates)]  # fmt: skip
            self.grid((cols[0], cols[1], f"{cols[2]} ({cur})"), rows, (0.5, 0.2, 0.3), {2})

    def signatures(self) -> None:
        self.room(self.lead * 7)
        self.y += self.lead * 2
        half = (self.right - self.left) / 2
        roles = self.text["roles"]
        for k, p in enumerate((self.m.buyer, self.m.vendor)):
            x = self.left + k * half
            self.page.line(x, self.y + self.lead * 2, x + half - 30, self.y + self.lead * 2, 0.5)
            self.t(x, self.y + self.lead * 3, "For and on behalf of" if self.fam.lang == "en" else
                   roles[k].capitalize(), scale=0.85)  # fmt: skip
            self.t(x, self.y + self.lead * 4, p.name, scale=0.85)
        self.y += self.lead * 5


def make_blind9_contract(seed: int, fam: Blind9Family, doc_id: str | None = None) -> GeneratedDoc:
    """A contract; its label lines are its rates (description, unit, rate), the framework's new prices only."""
    return make_set_contract(seed, fam, doc_id, set_no=9, sample=sample_contract9, writer_of=Contract9Writer)


def make_blind9_po(seed: int, fam: Blind9Family, doc_id: str | None = None) -> GeneratedDoc:
    return make_set_po(seed, fam, doc_id, set_no=9, sample=sample_po9, writer_of=PO9Writer)


# ---------------------------------------------------------------- scans

SCAN_CONDITIONS = ("thermal", "crumple", "dither150", "stamp")


def _thermal(img: Image.Image, rng: random.Random) -> Image.Image:
    """Thermal paper: the print faded to a low-contrast grey on a warm, slightly uneven ground."""
    arr = np.asarray(img.convert("L"), dtype=np.float32)
    h, w = arr.shape
    ink = rng.uniform(0.45, 0.6)  # how dark the darkest print still is
    fade = np.linspace(1.0, rng.uniform(0.8, 1.0), h, dtype=np.float32)[:, None]
    out = 255 - (255 - arr) * ink * fade
    ground = rng.uniform(232, 245)
    out = out * ground / 255
    rgb = np.stack([out + 6, out + 2, out - 6], axis=-1)
    return Image.fromarray(np.clip(rgb, 0, 255).astype(np.uint8))


def _crumple(img: Image.Image, rng: random.Random) -> Image.Image:
    """Crumpled then flattened paper: soft low-frequency shading and a few crease lines across the page."""
    g = img.convert("L")
    w, h = g.size
    gen = np.random.default_rng(rng.randrange(2**32))
    small = gen.random((6, 5)).astype(np.float32)
    shade = np.asarray(Image.fromarray((small * 255).astype(np.uint8)).resize((w, h), Image.Resampling.BICUBIC),
                       dtype=np.float32) / 255  # fmt: skip
    arr = np.asarray(g, dtype=np.float32) * (0.82 + 0.18 * shade)
    out = Image.fromarray(np.clip(arr, 0, 255).astype(np.uint8))
    d = ImageDraw.Draw(out)
    for _ in range(rng.randrange(3, 7)):
        x0, y0 = rng.randrange(w), rng.randrange(h)
        x1, y1 = x0 + rng.randrange(-w // 2, w // 2), y0 + rng.randrange(-h // 3, h // 3)
        d.line((x0, y0, x1, y1), fill=rng.randrange(150, 190), width=1)
        d.line((x0 + 1, y0 + 1, x1 + 1, y1 + 1), fill=rng.randrange(225, 245), width=1)
    return out.filter(ImageFilter.GaussianBlur(0.4))


def _dither150(img: Image.Image, rng: random.Random, page_w_pt: float) -> Image.Image:
    """A 150 dpi fax of a page with grey: down to the fax's resolution, dithered to black and white (greys become
    dot patterns), back up to the page's size."""
    g = img.convert("L")
    factor = min(1.0, rng.uniform(140, 160) / (g.width / (page_w_pt / 72)))  # the scan's dpi down to ~150
    small = g.resize((max(1, round(g.width * factor)), max(1, round(g.height * factor))), Image.Resampling.BILINEAR)
    bw = small.convert("1", dither=Image.Dither.FLOYDSTEINBERG)
    return bw.convert("L").resize(g.size, Image.Resampling.NEAREST)


def _stamp(img: Image.Image, rng: random.Random) -> Image.Image:
    """A red receiving stamp, slanted, over part of the page: a double frame, 'RECEIVED' and a date; the print
    under it stays readable (the ink is translucent)."""
    rgb = img.convert("RGB")
    w, h = rgb.size
    sw, sh = int(w * 0.42), int(w * 0.16)
    layer = Image.new("L", (sw, sh), 0)
    d = ImageDraw.Draw(layer)
    d.rectangle((2, 2, sw - 3, sh - 3), outline=255, width=max(2, sw // 90))
    d.rectangle((sw // 30, sh // 12, sw - sw // 30, sh - sh // 12), outline=255, width=1)
    big, small = ImageFont.load_default(size=max(8, sh // 3)), ImageFont.load_default(size=max(6, sh // 5))
    d.text((sw * 0.12, sh * 0.12), "RECEIVED", fill=255, font=big)
    d.text((sw * 0.12, sh * 0.58), f"{rng.randrange(1, 29):02d} {rng.choice(['MAR', 'JUN', 'SEP', 'NOV'])} "
           f"{rng.randrange(2024, 2028)}  A/P", fill=255, font=small)  # fmt: skip
    layer = layer.rotate(rng.uniform(-18, 18), resample=Image.Resampling.BILINEAR, expand=True)
    x, y = rng.randrange(max(1, w - layer.width)), rng.randrange(h // 12, h // 3)
    alpha = layer.point(lambda v: int(v * 0.55))
    red = Image.new("RGB", layer.size, (200, 40, 50))
    rgb.paste(red, (x, y), alpha)
    return rgb


def condition9(img: Image.Image, kind: str, rng: random.Random, page_w_pt: float) -> tuple[Any, ...]:
    """This set's own conditions (thermal paper, crumpled paper, a dithered 150 dpi fax, a red receiving stamp);
    set 8's (and through it the earlier sets') otherwise."""
    own = {"thermal": _thermal, "crumple": _crumple, "stamp": _stamp}
    if kind in own:
        return own[kind](img, rng), None
    if kind == "dither150":
        return _dither150(img, rng, page_w_pt), None
    return condition8(img, kind, rng, page_w_pt)


# ---------------------------------------------------------------- data sets


def make_blind9(seed: int, fam: Blind9Family, doc_id: str | None = None) -> GeneratedDoc:
    """One document of ``fam``; the same seed gives the same bytes."""
    return (make_blind9_po if fam.kind == "po" else make_blind9_contract)(seed, fam, doc_id)


def generate_blind9(n: int, out: Path, seed: int, scanned_share: float = 0.0, split: str = "all") -> list[Path]:
    """Write ``n`` documents of the ninth blind set's ``split`` (dev, test or all) with their labels to ``out``.
    A scanned document gets its family's own scan condition or, one time in three, the factory's plain scan."""
    return write_blind_set(n, out, seed, scanned_share, split, blind9_families(split), make_blind9, set_no=9,
                           salt=0xB19D, conditioner=condition9)  # fmt: skip


__all__ = ["BLIND9_SPLITS", "BY_NAME", "FAMILIES", "SPLIT_SEED", "ZERO_DECIMALS9", "blind9_families", "condition9",
           "format_day9", "generate_blind9", "make_blind9", "num9", "tax_id9"]  # fmt: skip
