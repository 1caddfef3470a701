"""The wide header stress space: purchase orders whose header prints the order's facts, parties, totals and terms
in many more ways than the other generators, written without reading the extractor, to measure header-field reading
on header layouts and caption words nobody has studied (the header twin of training/factory/tablewide.py).

Drawn per document (each a factor the bench, bench/bench_headers.py, reports by):

- ``arrangement`` of the order's facts: ``inline`` (caption: value lines), ``boxes`` (caption above value in ruled
  boxes), ``grid`` (a caption-left two-column key/value grid), ``panel_left`` / ``panel_right`` (a shaded side
  panel), ``corner`` (the facts right-aligned in the letterhead's right corner), ``facts_row`` (a table of one row,
  captions above), ``prose`` ("Order 4711 of 5 March 2026", the other facts inline);
- ``parties``: ``vendor_head`` (the vendor as the letterhead, no caption; the buyer in a captioned block: bill to,
  sold to, customer...), ``buyer_head`` (the buyer as the letterhead; the vendor in a supplier block) or
  ``both_blocks`` (both captioned); distractor blocks ``ship_to`` (another company's name), ``remit_to`` (a bank's),
  ``contact`` (a person, phone, e-mail); ``details``: both parties' street, city, phone, e-mail, IBAN and tax id;
- ``captions``: ``lang`` (the document's ``language``, one of headwords.LANGUAGES: sixteen), ``madeup`` (made-up
  words) or ``none`` (no captions where shape alone tells: no distractor numbers, dates, adjustments, remit-to
  or amount due then; the party blocks keep their captions in the language in every mode, as no shape tells a
  buyer's block from a vendor's);
  ``caption_style``: as written, upper case, with a colon;
- ``near_numbers``: none, few or many distractor numbers beside the order number (quote no., customer no.,
  requisition no., delivery note no., contract ref., page x/y, phone); ``order_shape`` of the order number;
- ``dates``: numeric d.m.y, d/m/y, m/d/y (English only), ISO, CLDR long, medium and full (weekday) in the caption
  language through Babel; ``near_dates``: delivery, quote and print dates beside the order date;
- ``numbers``: 1,234.56 / 1.234,56 / 1 234,56 / 1'234.56; ``currency``: code, symbol, word (CLDR's name in the
  language) or none, ``currency_place`` before or after the amount;
- ``totals``: the order of the block (``standard``; ``freight_after_tax``: freight untaxed below the tax;
  ``total_first``; ``row``: captions above values in one row); ``adjustments`` (discount, freight, surcharge);
  ``tax_rates`` 0, 1 or 2; ``amount_due`` repeated under the total;
- ``terms``: net days, discount terms, end of month, on receipt, or none, in the language's own phrasings;
  ``terms_place``: among the facts, a line under the totals (``footer``), a shaded caption row above the line
  table (``table_caption``), inside a prose sentence under the totals (``sentence``) or in the page's small-print
  foot among the company's registration details (``page_foot``).

Drawn since headwide2 (the arrangements a blind set broke on; each a factor too):

- ``form``: ``page`` (the arrangements above), ``boxed`` (a Brazilian/Latin form: every value, the parties' names,
  addresses and tax ids too, in a ruled box with its caption above) or ``portal`` (a supplier-portal print: shaded
  section headings, "PO Header" and one per party, over two-column caption/value grids);
- ``party_layout`` (page form): ``blocks`` (as before), ``four`` (four captioned blocks, each with a company name:
  bill-to, ship-to, vendor and a remit-to or end-user) or ``window`` (no caption: the buyer's letterhead, its sender
  line above an envelope window holding the vendor, the addressee of the order);
- ``letterhead``: ``single``, ``group`` (a group name above the subsidiary that is the party) or ``division`` (the
  party, then "a division of / powered by / a member of" another company); ``none`` where no party heads the page;
- ``legal_form``: ``local`` (the country's) or ``long`` (long legal forms read whole: "(Pty) Ltd", "Sp. z o.o.",
  "S.A. de C.V.", "PT ... Tbk"...); ``tax_ids``: ``eu`` (as before) or ``world`` (twenty-three countries' ids with
  valid check digits through python-stdnum, in their own print format and caption: CNPJ, RFC, CUIT, ABN, UID...);
- ``bare``: ``none``, ``order_date`` or ``po_number``: that one fact printed with no caption among captioned ones
  (a date in a facts row, an order number in a grid), the only date or number without one.

A line table of 2-6 rows; the totals add up from it. Labels are the factory's truth with the usual header fields
(common.build_label): po_number, order_date (ISO), buyer_name and vendor_name (the companies as printed),
buyer_tax_id and vendor_tax_id (where printed, spaces dropped), currency (the ISO code, wherever a code, a symbol
or a name is printed), payment_terms (the phrase as printed) and payment_terms_days (the net days: 0 on receipt;
end of month counts the printed days), subtotal (the sum of the lines, printed first), tax_total (the tax lines'
sum, two rates added up) and total (the grand total); line items as in the other generators.

Seeds: the caption and terms phrases of headwords.py are split into a STUDY and a HELD half by a fixed hash;
bench seeds 1-499 are STUDY seeds and print the study half only, bench seeds >= 500 are HELD seeds and print the
held half only (made-up words too: from disjoint syllable sets), so that held documents print caption phrases no
study document prints. ``generate_headwide(n, out, seed)`` decides the half from the bench seed; the same seed
gives the same bytes.
"""

from __future__ import annotations

import importlib
import json
import random
import string
from dataclasses import asdict, dataclass, replace
from datetime import date, timedelta
from decimal import Decimal
from pathlib import Path
from typing import Any

from babel.dates import format_date
from babel.numbers import get_currency_name, get_currency_symbol

from training.factory import vocab
from training.factory.common import GeneratedDoc, build_label, draw_logo, family_id
from training.factory.headwords import LANGUAGES, SYLLABLES, TAX_CAPTIONS, captions, legal_forms, tax_countries, terms
from training.factory.layout import FONT_FAMILIES, Entity, Fonts, PageDraft, render_pdf, width, wrap
from training.factory.values import dec_str, format_number, make_party, q2

HELD_FROM = 500  # bench seeds from here print the held half of the pools
PAGE = (595.28, 841.89)
MARGIN = 40.0
ARRANGEMENTS = ("inline", "boxes", "grid", "panel_left", "panel_right", "corner", "facts_row", "prose")
# the language's currencies and the countries its parties come from (the factory's countries)
CURRENCIES = {"en": ("USD", "GBP"), "de": ("EUR", "CHF"), "fr": ("EUR", "CHF"), "es": ("EUR",), "it": ("EUR",),
              "nl": ("EUR",), "pl": ("PLN",), "sv": ("SEK",), "da": ("DKK",), "pt": ("EUR",), "cs": ("CZK",),
              "fi": ("EUR",), "no": ("NOK",), "hu": ("HUF",), "ro": ("RON",), "tr": ("TRY",)}  # fmt: skip
COUNTRIES = {"en": ("GB", "US"), "de": ("DE", "AT"), "fr": ("FR", "BE"), "it": ("IT",), "nl": ("NL", "BE"),
             "pl": ("PL",), "sv": ("SE",)}  # fmt: skip
OTHER_COUNTRIES = ("DE", "FR", "NL", "IT", "AT", "SE", "PL", "BE")
BABEL_LOCALE = {"no": "nb"}
# the sentence of the prose arrangement: {t} title, {n} number, {d} date
PROSE = {"en": "{t} {n} of {d}", "de": "{t} {n} vom {d}", "fr": "{t} {n} du {d}", "es": "{t} {n} de fecha {d}",
         "it": "{t} {n} del {d}", "nl": "{t} {n} van {d}", "pl": "{t} {n} z dnia {d}", "sv": "{t} {n} av {d}",
         "da": "{t} {n} af {d}", "pt": "{t} {n} de {d}", "cs": "{t} {n} ze dne {d}", "fi": "{t} {n}, {d}",
         "no": "{t} {n} av {d}", "hu": "{t} {n}, kelt {d}", "ro": "{t} {n} din {d}", "tr": "{t} {n}, {d}"}  # fmt: skip
# the party blocks' captions are always words of the language: no shape tells a buyer's block from a vendor's
PARTY_ROLES = ("vendor", "buyer", "ship_to", "remit_to", "contact", "end_user")
NEAR_NUMBERS = ("quote_no", "customer_no", "requisition", "delivery_note", "contract", "page", "phone")
NEAR_DATES = ("delivery_date", "quote_date", "print_date")
SAFE_FAMILIES = ("dejavu-sans", "dejavu-sans-condensed", "dejavu-serif")  # every letter of the sixteen languages
FACTORS = ("arrangement", "parties", "ship_to", "remit_to", "contact", "details", "captions", "language",
           "caption_style", "near_numbers", "order_shape", "dates", "near_dates", "numbers", "currency",
           "currency_place", "totals", "adjustments", "tax_rates", "amount_due", "terms", "terms_place",
           "font_size", "form", "party_layout", "letterhead", "legal_form", "tax_ids", "bare")  # fmt: skip
TERMS_PLACES = ("facts", "footer", "table_caption", "sentence", "page_foot")


@dataclass(frozen=True)
class HeadSpec:
    """One document's draw from the header space (the factors the bench reports header accuracy by)."""

    half: str  # study | held
    arrangement: str
    parties: str  # vendor_head | buyer_head | both_blocks
    ship_to: bool
    remit_to: bool
    contact: bool
    details: bool
    captions: str  # lang | madeup | none
    language: str
    caption_style: str  # plain | upper | colon
    near_numbers: str  # none | few | many
    order_shape: str  # digits | prefixed | year_dash | year_slash
    dates: str  # dmy_dot | dmy_slash | mdy_slash | iso | long | medium | full
    near_dates: str  # none | some | all
    numbers: str  # en | de | fr | ch
    currency: str  # code | symbol | word | none
    currency_place: str  # before | after
    totals: str  # standard | freight_after_tax | total_first | row
    adjustments: str  # none | discount | freight | surcharge | several
    tax_rates: int  # 0 | 1 | 2
    amount_due: bool
    terms: str  # net | discount | eom | receipt | none
    terms_place: str  # facts | footer | table_caption | sentence | page_foot
    font_family: str
    font_size: float
    form: str = "page"  # page | boxed | portal
    party_layout: str = "blocks"  # blocks | four | window
    letterhead: str = "single"  # single | group | division | none
    legal_form: str = "local"  # local | long
    tax_ids: str = "eu"  # eu | world
    bare: str = "none"  # none | order_date | po_number

    def factors(self) -> dict[str, Any]:
        out = asdict(self)
        out["font_size"] = "small" if self.font_size < 8 else "large" if self.font_size >= 9.5 else "medium"
        return out


def sample_head_spec(rng: random.Random, half: str) -> HeadSpec:
    language = rng.choice(LANGUAGES)
    caps = rng.choices(["lang", "madeup", "none"], [0.7, 0.15, 0.15])[0]
    plain = caps != "lang"  # no caption says which number or date is which: no distractors of that kind
    dates = ["dmy_dot", "dmy_slash", "iso", "long", "medium", "full"] + (["mdy_slash"] if language == "en" else [])
    adjustments = "none" if plain else rng.choices(["none", "discount", "freight", "surcharge", "several"],
                                                   [3, 1, 1, 1, 1])[0]  # fmt: skip
    spec = HeadSpec(
        half=half,
        arrangement=rng.choice(ARRANGEMENTS),
        parties=rng.choice(["vendor_head", "buyer_head", "both_blocks"]),
        ship_to=rng.random() < 0.5,
        remit_to=not plain and rng.random() < 0.3,
        contact=rng.random() < 0.4,
        details=rng.random() < 0.6,
        captions=caps,
        language=language,
        caption_style=rng.choices(["plain", "upper", "colon"], [2, 1, 2])[0],
        near_numbers="none" if plain else rng.choice(["none", "few", "many"]),
        order_shape=rng.choice(["digits", "prefixed", "year_dash", "year_slash"]),
        dates=rng.choice(dates),
        near_dates="none" if plain else rng.choice(["none", "some", "all"]),
        numbers=rng.choice(["en", "de", "fr", "ch"]),
        currency=rng.choice(["code", "symbol", "word", "none"]),
        currency_place=rng.choice(["before", "after"]),
        totals=rng.choice(["standard", "freight_after_tax", "total_first", "row"]),
        adjustments=adjustments,
        tax_rates=rng.choices([0, 1, 2], [1, 4, 2])[0],
        amount_due=not plain and rng.random() < 0.35,
        terms=rng.choices(["net", "discount", "eom", "receipt", "none"], [3, 2, 1, 1, 1])[0],
        terms_place=rng.choice(["facts", "footer"]),
        font_family=rng.choice(sorted(FONT_FAMILIES) if language in ("en", "de", "fr", "es", "it", "nl", "sv", "da",
                                                                     "pt", "fi", "no") else SAFE_FAMILIES),
        font_size=rng.choice([7.5, 8.0, 8.5, 9.0, 9.5, 10.0]),
    )  # fmt: skip
    return _more_arrangements(rng, spec)


def _more_arrangements(rng: random.Random, spec: HeadSpec) -> HeadSpec:
    """headwide2's factors, drawn after the others (which keep their draws); a form or layout that fixes who heads
    the page overrides ``parties``, and the arrangement reports the form where a form replaces it."""
    form = rng.choices(["page", "boxed", "portal"], [3, 1, 1])[0]
    layout = rng.choices(["blocks", "four", "window"], [2, 2, 1])[0] if form == "page" else "blocks"
    parties = {"four": "both_blocks", "window": "buyer_head"}.get(layout, spec.parties)
    if form != "page":
        parties = "both_blocks"
    letterhead = rng.choice(["single", "group", "division"]) if parties != "both_blocks" else "none"
    arrangement = spec.arrangement if form == "page" else form
    bare = "none"
    # a bare fact needs a cell or line of its own: not in a panel (caption above value) nor the prose sentence
    if spec.captions == "lang" and arrangement not in ("prose", "panel_left", "panel_right") and rng.random() < 0.4:
        bare = rng.choice(["order_date", "po_number"])
    terms_place = rng.choice(TERMS_PLACES)
    if form != "page" and terms_place in ("table_caption", "sentence"):
        terms_place = "facts"
    return replace(spec, arrangement=arrangement, parties=parties, form=form, party_layout=layout,
                   letterhead=letterhead, legal_form=rng.choice(["local", "long"]),
                   tax_ids=rng.choice(["eu", "world"]), bare=bare, terms_place=terms_place)  # fmt: skip


@dataclass
class HeadLine:
    description: str
    quantity: Decimal
    unit_price: Decimal
    amount: Decimal
    rate: Decimal


@dataclass
class Fact:
    role: str
    caption: str
    value: str
    tag: str | None = None


class HeadWriter:
    """Draws one document: letterhead, title, the facts in the drawn arrangement, the party blocks, a small line
    table, the totals block and the terms."""

    def __init__(self, rng: random.Random, spec: HeadSpec) -> None:
        self.rng, self.spec = rng, spec
        self.f = Fonts.of(spec.font_family)
        self.size = spec.font_size
        self.page = PageDraft(*PAGE)
        self.right = PAGE[0] - MARGIN
        self.y = MARGIN
        self.printed: set[str] = set()
        self.madeup: dict[str, str] = {}
        self.used: set[str] = set()  # the caption phrases printed, as the pools write them
        self.locale = BABEL_LOCALE.get(spec.language, spec.language)
        self._draw_values()

    # ---- the order's values ---------------------------------------------------------------------------------

    def _draw_values(self) -> None:
        rng, spec = self.rng, self.spec
        country = rng.choice(COUNTRIES.get(spec.language, OTHER_COUNTRIES))
        self.vendor = make_party(rng, country, with_tax_id=True)
        self.buyer = make_party(rng, rng.choice(COUNTRIES.get(spec.language, OTHER_COUNTRIES)), with_tax_id=True)
        while self.buyer.name == self.vendor.name:
            self.buyer = make_party(rng, country, with_tax_id=True)
        self.consignee = make_party(rng, self.buyer.country, with_tax_id=False)
        self.end_user = make_party(rng, rng.choice(OTHER_COUNTRIES), with_tax_id=False)
        self.tax_captions: dict[str, str] = {}  # vendor | buyer -> the caption of its world tax id
        for role, party in (("vendor", self.vendor), ("buyer", self.buyer)):
            if spec.legal_form == "long":
                party.name = rng.choice(self.printable(legal_forms(spec.half))).format(_strip_form(party.name))
            if spec.tax_ids == "world":
                country = rng.choice(tax_countries(spec.half))
                party.tax_id = world_tax_id(rng, country)
                self.tax_captions[role] = rng.choice(self.printable(TAX_CAPTIONS[country]))
        while self.buyer.name == self.vendor.name:  # a long form may make the two names one
            self.buyer.name += f" {rng.choice(vocab.COMPANY_STEMS)}"
        group_word = rng.choice(["Group", "Holding", "Gruppe", "Groupe", "Grupo"])
        self.group = f"{rng.choice(vocab.COMPANY_STEMS)} {group_word}"
        self.bank = f"{rng.choice(vocab.COMPANY_STEMS)} {rng.choice(['Bank', 'Factoring', 'Finance', 'Capital'])}"
        self.code = rng.choice(CURRENCIES[spec.language])
        year = rng.randrange(2024, 2028)
        self.day = date(year, 1, 1) + timedelta(days=rng.randrange(0, 364))
        serial = rng.randrange(1000, 99999)
        self.po_number = {
            "digits": f"{rng.choice(['45', '47', '81', ''])}{rng.randrange(100000, 9999999)}",
            "prefixed": f"{rng.choice(['PO', 'BE', 'OR', 'ZAM', 'ORD', 'SO'])}-{rng.randrange(10000, 999999)}",
            "year_dash": f"{year}-{serial:05d}",
            "year_slash": f"{serial}/{year % 100:02d}" if rng.random() < 0.5 else f"{year}/{serial}",
        }[spec.order_shape]
        self.lines = self._lines()
        n, d, p = rng.choice([10, 14, 20, 30, 45, 60, 90]), rng.choice([7, 8, 10, 14]), rng.choice([1, 2, 3])
        if spec.terms == "none":
            self.terms_text, self.terms_days = "", None
        else:
            pool = [t for k, t in terms(spec.language, spec.half) if k == spec.terms]
            pool = pool or [t for k, t in terms("en", spec.half) if k == spec.terms]
            pool = pool or [t for k, t in terms(spec.language, spec.half)]  # the half lacks that kind
            template = rng.choice(pool)
            kind = dict((t, k) for k, t in terms(spec.language, spec.half) + terms("en", spec.half))[template]
            self.terms_text = " ".join(template.format(n=n, d=d, p=p).split())
            self.terms_days = 0 if kind == "receipt" else n

    def _lines(self) -> list[HeadLine]:
        rng = self.rng
        rates = [Decimal(r) for r in rng.sample(["5", "7", "9", "10", "12", "19", "20", "21", "23", "25"], 2)]
        rates.sort(reverse=True)
        out = []
        for index in range(rng.randrange(2, 7)):
            noun, _ = rng.choice(vocab.PRODUCT_NOUNS)
            description = f"{rng.choice(vocab.PRODUCT_ADJECTIVES)} {noun}"
            if rng.random() < 0.3:
                description += f", {rng.choice(vocab.PRODUCT_SPECS)}"
            quantity = Decimal(rng.choice([1, 2, 3, 4, 5, 6, 8, 10, 12, 20, 25, 50, 100]))
            price = q2(Decimal(rng.randrange(50, 90000)) / 100)
            rate = rates[0] if self.spec.tax_rates < 2 or index % 2 == 0 else rates[1]
            out.append(HeadLine(description, quantity, price, q2(quantity * price), rate))
        if self.spec.tax_rates == 2 and len({line.rate for line in out}) < 2:
            out[-1].rate = rates[1]
        return out

    # ---- words ----------------------------------------------------------------------------------------------

    def printable(self, phrases: tuple[str, ...]) -> tuple[str, ...]:
        """The phrases the document's font prints: only the safe families have every letter past Latin-1."""
        if self.spec.font_family in SAFE_FAMILIES:
            return phrases
        return tuple(p for p in phrases if p.encode("latin-1", "ignore").decode("latin-1") == p) or phrases

    def caption(self, role: str) -> str:
        spec = self.spec
        if spec.captions == "none" and role not in PARTY_ROLES:
            return ""
        if spec.captions == "madeup" and role not in PARTY_ROLES:
            if role not in self.madeup:
                syllables = SYLLABLES[spec.half]
                word = "".join(self.rng.choice(syllables) for _ in range(self.rng.choice([2, 3, 4])))
                self.madeup[role] = word.capitalize()
            text = self.madeup[role]
        else:
            text = self.rng.choice(captions(spec.language, role, spec.half))
        self.used.add(text)
        if spec.caption_style == "upper":
            text = text.upper()
        elif spec.caption_style == "colon":
            text += ":"
        return text

    def tax_caption(self, role: str) -> str:
        """The caption beside a party's tax id: its country's own (world ids) or the language's VAT caption."""
        return self.tax_captions.get(role) or self.caption("vat")

    def phrase(self, role: str, **values: str) -> str:
        """A template phrase of ``role`` (a group line, a terms sentence) in the language, filled in."""
        template = self.rng.choice(captions(self.spec.language, role, self.spec.half))
        self.used.add(template)
        return template.format(**values)

    def money(self, value: Decimal, mark: bool = True) -> str:
        text = format_number(value, self.spec.numbers)
        if value < 0:
            text = f"-{format_number(-value, self.spec.numbers)}"
        sign = self.mark() if mark else ""
        if not sign:
            return text
        return f"{sign} {text}" if self.spec.currency_place == "before" else f"{text} {sign}"

    def mark(self) -> str:
        kind = self.spec.currency
        if kind == "code":
            return self.code
        if kind == "symbol":
            return get_currency_symbol(self.code, locale=self.locale)
        if kind == "word":
            return get_currency_name(self.code, count=100, locale=self.locale)
        return ""

    def date_text(self, day: date) -> str:
        fmt = self.spec.dates
        if fmt in ("long", "medium", "full"):
            return " ".join(format_date(day, fmt, locale=self.locale).split())
        return {
            "dmy_dot": f"{day.day:02d}.{day.month:02d}.{day.year}",
            "dmy_slash": f"{day.day:02d}/{day.month:02d}/{day.year}",
            "mdy_slash": f"{day.month:02d}/{day.day:02d}/{day.year}",
            "iso": day.isoformat(),
        }[fmt]

    def text(self, x: float, y: float, s: str, tag: str | None = None, bold: bool = False, size: float = 0.0,
             align: str = "left") -> float:  # fmt: skip
        if tag:
            self.printed.add(tag)
        name = self.f.bold if bold else self.f.regular
        return self.page.text(x, y, s, name, size or self.size, Entity(tag) if tag else None, align)

    # ---- the facts ------------------------------------------------------------------------------------------

    def facts(self) -> list[Fact]:
        rng, spec = self.rng, self.spec
        out = [Fact("po_number", "" if spec.bare == "po_number" else self.caption("po_number"), self.po_number,
                    "po_number"),
               Fact("order_date", "" if spec.bare == "order_date" else self.caption("order_date"),
                    self.date_text(self.day), "order_date")]  # fmt: skip
        near = {"none": 0, "few": rng.randrange(1, 3), "many": rng.randrange(3, 6)}[spec.near_numbers]
        for role in rng.sample(NEAR_NUMBERS, near):
            value = {
                "quote_no": f"{rng.choice(['Q', 'AN', 'OF', ''])}{rng.randrange(10000, 999999)}",
                "customer_no": str(rng.randrange(10000, 9999999)),
                "requisition": f"{rng.randrange(1000000, 99999999)}",
                "delivery_note": f"{rng.randrange(80000000, 89999999)}",
                "contract": f"{rng.choice(['RV', 'FA', 'K'])}-{self.day.year - 1}-{rng.randrange(1, 999):03d}",
                "page": "1/1" if rng.random() < 0.5 else "1 / 1",
                "phone": self.buyer.phone,
            }[role]
            out.insert(rng.randrange(0, len(out) + 1), Fact(role, self.caption(role), value))
        count = {"none": 0, "some": 1, "all": 3}[spec.near_dates]
        for role in rng.sample(NEAR_DATES, count):
            shift = {"delivery_date": rng.randrange(7, 60), "quote_date": -rng.randrange(3, 40), "print_date": 0}
            day = self.day + timedelta(days=shift[role]) if role != "print_date" else self.day
            if role == "print_date":
                day = self.day + timedelta(days=rng.randrange(0, 3))
            out.insert(rng.randrange(0, len(out) + 1), Fact(role, self.caption(role), self.date_text(day)))
        if spec.currency == "none" and spec.captions == "lang" and rng.random() < 0.4:
            out.append(Fact("currency", self.caption("currency"), self.code, "currency"))
        if self.terms_text and spec.terms_place == "facts":
            out.append(Fact("terms", self.caption("terms"), self.terms_text, "payment_terms"))
        return out

    def party_facts(self) -> list[Fact]:
        """The boxed and portal forms' parties as facts: each value its own captioned box or grid cell."""
        out = []
        for role, party in (("vendor", self.vendor), ("buyer", self.buyer)):
            out.append(Fact(role, self.caption(role), party.name, f"{role}_name"))
            out.append(Fact("address", self.caption("address"), f"{party.street}, {party.city_line}"))
            if party.tax_id:
                out.append(Fact("vat", self.tax_caption(role), party.tax_id, f"{role}_tax_id"))
        if self.spec.ship_to:
            out.append(Fact("ship_to", self.caption("ship_to"), self.consignee.name))
        return out

    def draw_form(self, facts: list[Fact]) -> None:
        """The boxed form (every value in a ruled box, caption above) or the portal print (a shaded heading per
        section over a two-column caption/value grid): the order's facts, then the parties'."""
        size = self.size
        parties = self.party_facts()
        if self.spec.form == "boxed":
            self.y = self.draw_facts(facts + parties, MARGIN, self.right, self.y + size) + size
            return
        half = (self.right - MARGIN) / 2
        vendor_end = next(i for i, f in enumerate(parties) if f.role == "buyer")
        sections = [(self.caption("section").rstrip(":"), facts), (self.caption("vendor").rstrip(":"),
                    parties[:vendor_end]), (self.caption("buyer").rstrip(":"), parties[vendor_end:])]  # fmt: skip
        for heading, rows in sections:
            self.page.rect(MARGIN, self.y - size * 1.1, self.right - MARGIN, size * 1.6, stroke=None,
                           fill=(0.82, 0.86, 0.92))  # fmt: skip
            self.text(MARGIN + 4, self.y, heading, bold=True)
            self.y += size * 2
            if heading != sections[0][0]:  # a party section: the name's own caption (Name, Company...)
                rows = [replace(rows[0], caption=self.caption("name"))] + rows[1:]
            for start in range(0, len(rows), 2):
                for offset, fact in enumerate(rows[start : start + 2]):
                    x = MARGIN + 4 + offset * half
                    if fact.caption:
                        self.text(x, self.y, fact.caption, size=size * 0.9)
                    self._value(x + half * 0.38, self.y, fact, x + half - 8)
                self.page.line(MARGIN, self.y + size * 0.5, self.right, self.y + size * 0.5, 0.3, (0.7, 0.7, 0.7))
                self.y += size * 1.6
            self.y += size

    def draw_facts(self, facts: list[Fact], x0: float, x1: float, y: float) -> float:
        """Draws the facts between x0 and x1 from y down in the spec's arrangement; returns the y below them."""
        arrangement, size = self.spec.arrangement, self.size
        step = size * 1.45
        if arrangement in ("inline", "prose"):
            for fact in facts:
                x = x0
                if fact.caption:
                    x += self.text(x, y, fact.caption, bold=True) + size * 0.6
                self._value(x, y, fact, x1)
                y += step
            return y
        if arrangement in ("grid", "corner"):
            cap_width = max([width(f.caption, self.f.bold, size) for f in facts] + [0.0]) + size
            val_width = max(width(f.value, self.f.regular, size) for f in facts)
            if arrangement == "corner":
                x0 = max(x0, x1 - cap_width - val_width)
            for fact in facts:
                if fact.caption:
                    self.text(x0, y, fact.caption, bold=True)
                self._value(x0 + cap_width, y, fact, x1)
                if arrangement == "grid":
                    self.page.line(x0, y + size * 0.45, x1, y + size * 0.45, 0.3, (0.6, 0.6, 0.6))
                y += step
            return y
        if arrangement in ("panel_left", "panel_right"):
            top = y - size * 1.4
            height = sum(step * (2 if f.caption else 1) + size * 0.4 for f in facts) + size
            self.page.rect(x0 - 6, top, x1 - x0 + 12, height, stroke=None, fill=(0.88, 0.9, 0.93))
            for fact in facts:
                if fact.caption:
                    self.text(x0, y, fact.caption, bold=True, size=size * 0.85)
                    y += step
                self._value(x0, y, fact, x1)
                y += step + size * 0.4
            return top + height + size
        # boxes and facts_row: caption above value, side by side, a new row when the next would pass x1
        cells = [(f, max(width(f.caption, self.f.bold, size * 0.8), width(f.value, self.f.regular, size)) + size * 1.6)
                 for f in facts]  # fmt: skip
        rows: list[list[tuple[Fact, float]]] = [[]]
        for cell in cells:
            if rows[-1] and x0 + sum(w for _, w in rows[-1]) + cell[1] > x1:
                rows.append([])
            rows[-1].append(cell)
        height = size * 3.2
        for row in rows:
            x, top = x0, y - size * 1.2
            if arrangement == "facts_row":
                self.page.rect(x0, top, x1 - x0, size * 1.5, stroke=None, fill=(0.86, 0.88, 0.9))
                self.page.line(x0, top + height, x1, top + height, 0.5)
            for fact, cell_width in row:
                if arrangement in ("boxes", "boxed"):
                    self.page.rect(x + 1, top, cell_width - 2, height, line_width=0.5)
                if fact.caption:
                    self.text(x + size * 0.6, y, fact.caption, size=size * 0.8)
                self._value(x + size * 0.6, y + size * 1.5, fact, x + cell_width)
                x += cell_width
            y += height + size * 0.6
        return y + size * 0.6

    def _value(self, x: float, y: float, fact: Fact, x1: float) -> None:
        size = self.size
        if fact.role in ("terms", "address") and x + width(fact.value, self.f.regular, size) > x1:  # a smaller print
            size = max(6.0, size * (x1 - x) / max(1.0, width(fact.value, self.f.regular, size)))
        self.text(x, y, fact.value, fact.tag, size=size)

    # ---- parties --------------------------------------------------------------------------------------------

    def letterhead(self) -> None:
        """The top: a logo, the letterhead party's name, its details in small print (or a neutral title)."""
        spec, size = self.spec, self.size
        draw_logo(self.page, self.rng, MARGIN, self.y, 30)
        x, y = MARGIN + 40, self.y + 14
        party, role = {"vendor_head": (self.vendor, "vendor"), "buyer_head": (self.buyer, "buyer")}.get(
            spec.parties, (None, "")
        )
        if party is not None:
            if spec.letterhead == "group":  # the group's name above, the subsidiary (the party) below it
                self.text(x, y, self.group, bold=True, size=size + 6)
                y += size * 1.7
            self.text(x, y, party.name, f"{role}_name", bold=True, size=size + (2 if spec.letterhead == "group" else 5))
            y += size * 1.6
            if spec.letterhead == "division":
                owner = self.rng.choice(["Industries AG", "Holdings Ltd", "Group S.A.", "Corp.", "plc"])
                other = f"{self.rng.choice(vocab.COMPANY_STEMS)} {owner}"
                self.text(x, y - size * 0.3, self.phrase("group_line", g=other), size=size * 0.85)
                y += size * 1.2
            small = size * 0.85
            details = [f"{party.street}, {party.city_line}"]
            if spec.details:
                details.append(f"{self.caption('phone')} {party.phone}".strip())
                details.append(f"{self.caption('email')} {party.email}".strip())
            for line in details:
                self.text(x, y, line, size=small)
                y += small * 1.35
            if spec.details and party.tax_id:
                cx = x + self.text(x, y, self.tax_caption(role) or "", size=small) + small * 0.4
                self.text(cx, y, party.tax_id, f"{role}_tax_id", size=small)
                y += small * 1.35
        self.y = max(self.y + 40, y + size * 0.8)

    def party_blocks(self) -> list[tuple[str, list[tuple[str, str | None]]]]:
        """The captioned blocks: (caption, [(line, tag)]); the parties not in the letterhead, then distractors."""
        spec = self.spec
        blocks = []

        def party_block(role: str, party: Any) -> tuple[str, list[tuple[str, str | None]]]:
            lines: list[tuple[str, str | None]] = [(party.name, f"{role}_name"), (party.street, None),
                                                   (party.city_line, None)]  # fmt: skip
            if spec.details:
                lines.append((f"{self.caption('phone')} {party.phone}".strip(), None))
                if party.tax_id:
                    lines.append((self.tax_caption(role), None))
                    lines.append((party.tax_id, f"{role}_tax_id"))
                lines.append((f"{self.caption('iban')} {_iban(self.rng, party.country)}".strip(), None))
            return self.caption("buyer" if role == "buyer" else "vendor"), lines

        if spec.parties != "buyer_head":
            blocks.append(party_block("buyer", self.buyer))
        if spec.parties != "vendor_head" and spec.party_layout != "window":
            blocks.append(party_block("vendor", self.vendor))
        if spec.party_layout == "four":  # bill-to, ship-to, vendor and a fourth company: remit-to or end user
            c, e = self.consignee, self.end_user
            blocks.append((self.caption("ship_to"), [(c.name, None), (c.street, None), (c.city_line, None)]))
            if self.rng.random() < 0.5:
                blocks.append((self.caption("remit_to"), [(self.bank, None), (self.vendor.street, None),
                                                          (_iban(self.rng, self.vendor.country), None)]))  # fmt: skip
            else:
                blocks.append((self.caption("end_user"), [(e.name, None), (e.street, None), (e.city_line, None)]))
            return blocks  # the convention's order: bill-to, vendor, ship-to, fourth (drawn 2 x 2)
        if spec.ship_to:
            c = self.consignee
            blocks.append((self.caption("ship_to"), [(c.name, None), (c.street, None), (c.city_line, None)]))
        if spec.remit_to:
            blocks.append((self.caption("remit_to"), [(self.bank, None), (_iban(self.rng, self.vendor.country), None)]))
        if spec.contact:
            who = self.vendor if self.rng.random() < 0.5 else self.buyer
            blocks.append((self.caption("contact"), [(who.contact, None), (who.phone, None), (who.email, None)]))
        self.rng.shuffle(blocks)
        return blocks

    def window(self) -> None:
        """The envelope window: the buyer's sender line in small print, underlined, then the vendor's address with
        no caption (the addressee of a purchase order is its vendor)."""
        size, v, b = self.size, self.vendor, self.buyer
        small = size * 0.7
        sender = f"{b.name} · {b.street} · {b.city_line}"
        under = self.y + small * 0.4
        self.page.line(MARGIN, under, MARGIN + width(sender, self.f.regular, small), under, 0.3)
        self.text(MARGIN, self.y, sender, size=small)
        y = self.y + size * 1.6
        lines: list[tuple[str, str | None]] = [(v.name, "vendor_name"), (v.street, None), (v.city_line, None)]
        for line, tag in lines:
            self.text(MARGIN, y, line, tag)
            y += size * 1.3
        if self.spec.details and v.tax_id:
            x = MARGIN + self.text(MARGIN, y, self.tax_caption("vendor"), size=size) + size * 0.4
            self.text(x, y, v.tax_id, "vendor_tax_id")
            y += size * 1.3
        self.y = y + size

    def draw_blocks(self, blocks: list[tuple[str, list[tuple[str, str | None]]]], x0: float, x1: float) -> None:
        size = self.size
        per_row = 2 if x1 - x0 < 380 or self.spec.party_layout == "four" else 3
        column = (x1 - x0) / per_row
        for start in range(0, len(blocks), per_row):
            y_end = self.y
            for offset, (caption, lines) in enumerate(blocks[start : start + per_row]):
                x, y = x0 + offset * column, self.y
                if caption:
                    self.text(x, y, caption, bold=True, size=size * 0.9)
                    y += size * 1.4
                for line, tag in lines:
                    for part in wrap(line, self.f.regular, size, column - 12) if not tag else [line]:
                        self.text(x, y, part, tag, size=size)
                        y += size * 1.3
                y_end = max(y_end, y)
            self.y = y_end + size
        self.y += size

    # ---- the document ---------------------------------------------------------------------------------------

    def draw(self) -> None:
        spec, size = self.spec, self.size
        self.letterhead()
        title = self.caption("title").rstrip(":") if spec.captions != "none" else ""
        facts = self.facts()
        if spec.arrangement == "prose":
            sentence_title = title or self.rng.choice(captions(spec.language, "title", spec.half))
            if not title:
                self.used.add(sentence_title)
            head = [f for f in facts if f.tag in ("po_number", "order_date")]
            facts = [f for f in facts if f.tag not in ("po_number", "order_date")]
            self._prose(sentence_title, head)
        elif title:
            self.text(MARGIN, self.y + size, title, bold=True, size=size + 4)
            self.y += size * 3
        if spec.form != "page":
            self.draw_form(facts)
            self.rest()
            return
        if spec.party_layout == "window":
            self.window()
        blocks = self.party_blocks()
        start = self.y + size
        if spec.arrangement == "corner":
            self.y = MARGIN + 12
            bottom = self.draw_facts(facts, PAGE[0] / 2, self.right, self.y)
            self.y = max(start, bottom + size)
            self.draw_blocks(blocks, MARGIN, self.right)
        elif spec.arrangement in ("panel_left", "panel_right"):
            split = MARGIN + 150
            if spec.arrangement == "panel_left":
                bottom = self.draw_facts(facts, MARGIN + 6, split - 10, start)
                self.y = start - size
                self.draw_blocks(blocks, split + 10, self.right)
            else:
                right = self.right - 150
                bottom = self.draw_facts(facts, right + 10, self.right - 6, start)
                self.y = start - size
                self.draw_blocks(blocks, MARGIN, right - 10)
            self.y = max(self.y, bottom) + size
        elif spec.arrangement == "grid":
            bottom = self.draw_facts(facts, PAGE[0] / 2 + 10, self.right, start)
            self.y = start - size
            self.draw_blocks(blocks, MARGIN, PAGE[0] / 2 - 10)
            self.y = max(self.y, bottom) + size
        else:
            self.y = self.draw_facts(facts, MARGIN, self.right, start) + size if facts else self.y
            self.draw_blocks(blocks, MARGIN, self.right)
        self.rest()

    def rest(self) -> None:
        """The line table, the totals and the terms where they are not among the facts."""
        spec, size = self.spec, self.size
        if self.terms_text and spec.terms_place == "table_caption":  # a shaded caption row above the table
            self.y += size
            self.page.rect(MARGIN, self.y - size * 1.1, self.right - MARGIN, size * 1.6, stroke=None,
                           fill=(0.9, 0.92, 0.88))  # fmt: skip
            self._captioned_terms(MARGIN + 4, self.y, size)
            self.y += size * 0.8
        self.table()
        self.totals()
        if self.terms_text and spec.terms_place == "footer":
            self._captioned_terms(MARGIN, self.y, size)
            self.y += size * 1.6
        if self.terms_text and spec.terms_place == "sentence":  # the phrase inside a sentence of the language
            before, _, after = self.phrase("terms_sentence", t="\x00").partition("\x00")
            x = MARGIN + self.text(MARGIN, self.y, before.rstrip()) + width(" ", self.f.regular, size)
            x += self.text(x, self.y, self.terms_text, "payment_terms")
            self.text(x, self.y, after)
            self.y += size * 1.6
        if spec.terms_place == "page_foot":  # the small print at the page's foot: the company's details
            small, party = size * 0.75, self.vendor
            y = PAGE[1] - MARGIN
            self.page.line(MARGIN, y - small * 1.3, self.right, y - small * 1.3, 0.4)
            self.text(MARGIN, y, f"{party.name} · {party.street} · {party.city_line} · {party.phone}", size=small)
            if self.terms_text:
                self._captioned_terms(MARGIN, y + small * 1.4, small)

    def _captioned_terms(self, x: float, y: float, size: float) -> None:
        caption = self.caption("terms")
        if caption:
            x += self.text(x, y, caption, bold=True, size=size) + size * 0.6
        self.text(x, y, self.terms_text, "payment_terms", size=size)

    def _prose(self, title: str, head: list[Fact]) -> None:
        """'Order 4711 of 5 March 2026': the sentence's words drawn one part at a time, the values tagged."""
        size = self.size + 2
        template = PROSE[self.spec.language]
        x, y = MARGIN, self.y + size
        parts = template.replace("{", "\x00{").replace("}", "}\x00").split("\x00")
        values = {"{t}": (title.rstrip(":"), None), "{n}": (self.po_number, "po_number"),
                  "{d}": (self.date_text(self.day), "order_date")}  # fmt: skip
        for part in parts:
            if not part.strip():
                continue
            text, tag = values.get(part, (part.strip(), None))
            glue = part.startswith(",")
            if glue:
                x -= width(" ", self.f.bold, size)
            x += self.text(x, y, text, tag, bold=True, size=size) + width(" ", self.f.bold, size)
        self.y += size * 2.6

    def table(self) -> None:
        size, page = self.size, self.page
        two = self.spec.tax_rates == 2
        columns = ["description", "quantity", "unit_price"] + (["rate"] if two else []) + ["amount"]
        xs = {"description": MARGIN, "quantity": 300.0, "unit_price": 370.0, "rate": 440.0, "amount": self.right}
        if not two:
            xs["unit_price"] = 400.0
        right_of = {"quantity": 340.0, "unit_price": 430.0 if two else 470.0, "rate": 480.0, "amount": self.right}
        self.y += size
        page.line(MARGIN, self.y - size * 1.2, self.right, self.y - size * 1.2, 0.6)
        for column in columns:
            caption = "%" if column == "rate" else self.caption(column).rstrip(":")
            if column == "description":
                self.text(MARGIN + 2, self.y, caption, bold=True)
            else:
                self.text(right_of[column], self.y, caption, bold=True, align="right")
        page.line(MARGIN, self.y + size * 0.5, self.right, self.y + size * 0.5, 0.6)
        self.y += size * 1.8
        for line in self.lines:
            self.text(MARGIN + 2, self.y, line.description)
            self.text(right_of["quantity"], self.y, format_number(line.quantity, self.spec.numbers, 0), align="right")
            self.text(right_of["unit_price"], self.y, self.money(line.unit_price, mark=False), align="right")
            if two:
                self.text(right_of["rate"], self.y, f"{line.rate}%", align="right")
            self.text(right_of["amount"], self.y, self.money(line.amount, mark=False), align="right")
            self.y += size * 1.45
        page.line(MARGIN, self.y - size * 0.6, self.right, self.y - size * 0.6, 0.6)
        self.y += size

    # ---- totals ---------------------------------------------------------------------------------------------

    def amounts(self) -> list[tuple[str, str, Decimal, str | None]]:
        """The totals block's rows in order: (role, caption, value, tag); the sums hold by construction."""
        spec, rng = self.spec, self.rng
        subtotal = sum((line.amount for line in self.lines), Decimal("0.00"))
        adjust = {"none": [], "several": rng.sample(["discount", "freight", "surcharge"], 2)}.get(
            spec.adjustments, [spec.adjustments]
        )
        discount_pct = Decimal(rng.choice([2, 3, 5, 10]))
        discount = q2(subtotal * discount_pct / 100) if "discount" in adjust else Decimal("0.00")
        freight = q2(Decimal(rng.randrange(900, 25000)) / 100) if "freight" in adjust else Decimal("0.00")
        surcharge = q2(Decimal(rng.randrange(500, 5000)) / 100) if "surcharge" in adjust else Decimal("0.00")
        freight_taxed = spec.totals != "freight_after_tax"
        factor = 1 - discount_pct / 100 if "discount" in adjust else Decimal(1)
        taxes: list[tuple[Decimal, Decimal]] = []
        if spec.tax_rates:
            rates = sorted({line.rate for line in self.lines}, reverse=True)
            for index, rate in enumerate(rates):
                base = sum((line.amount for line in self.lines if line.rate == rate), Decimal("0.00")) * factor
                if index == 0:
                    base += surcharge + (freight if freight_taxed else 0)
                taxes.append((rate, q2(base * rate / 100)))
        tax_total = sum((t for _, t in taxes), Decimal("0.00"))
        total = subtotal - discount + freight + surcharge + tax_total
        self.sums = {"subtotal": subtotal, "tax_total": tax_total, "total": total}
        rows: list[tuple[str, str, Decimal, str | None]] = [("subtotal", self.caption("subtotal"), subtotal,
                                                             "subtotal")]  # fmt: skip
        if discount:
            rows.append(("discount", f"{self.caption('discount')} {discount_pct}%".strip(), -discount, None))
        if surcharge:
            rows.append(("surcharge", self.caption("surcharge"), surcharge, None))
        if freight and freight_taxed:
            rows.append(("freight", self.caption("freight"), freight, None))
        for rate, tax in taxes:
            rate_text = format_number(rate, self.spec.numbers, 0 if rate == rate.to_integral_value() else 1)
            tag = "tax_total" if len(taxes) == 1 else None
            rows.append(("tax", f"{self.caption('tax')} {rate_text}%".strip(), tax, tag))
        if freight and not freight_taxed:
            rows.append(("freight", self.caption("freight"), freight, None))
        rows.append(("total", self.caption("total"), total, "total"))
        if spec.totals == "total_first":
            rows.insert(0, rows.pop())
        if spec.amount_due:
            rows.append(("amount_due", self.caption("amount_due"), total, None))
        return rows

    def totals(self) -> None:
        spec, size = self.spec, self.size
        rows = self.amounts()
        mark = self.mark()
        if mark:
            self.printed.add("currency")
        if spec.totals == "row":
            cell = (self.right - MARGIN) / len(rows)
            x = MARGIN
            self.page.rect(MARGIN, self.y - size * 1.1, self.right - MARGIN, size * 1.5, stroke=None,
                           fill=(0.9, 0.9, 0.9))  # fmt: skip
            for role, caption, value, tag in rows:
                if caption:  # a smaller print where the caption would pass its cell
                    small = min(size * 0.85, size * 0.85 * (cell - size) / width(caption, self.f.bold, size * 0.85))
                    self.text(x + cell - size * 0.5, self.y, caption, bold=True, size=max(5.0, small), align="right")
                self._amount(x + cell - size * 0.5, self.y + size * 1.6, value, tag, role == "total")
                x += cell
            self.y += size * 4
            return
        name = self.f.bold
        column = max(width(self.money(value), name, size) for _, _, value, _ in rows) + size * 1.5
        for role, caption, value, tag in rows:
            bold = role == "total"
            if role == "total":
                self.page.line(self.right - column - 120, self.y - size * 1.1, self.right, self.y - size * 1.1, 0.6)
            if caption:
                self.text(self.right - column, self.y, caption, bold=bold, align="right")
            self._amount(self.right, self.y, value, tag, bold)
            self.y += size * 1.5
        self.y += size

    def _amount(self, right: float, y: float, value: Decimal, tag: str | None, bold: bool) -> None:
        """An amount right-aligned at ``right``, its currency mark a word of its own (tagged on the total)."""
        number = self.money(value, mark=False)
        mark = self.mark()
        name = self.f.bold if bold else self.f.regular
        space = width(" ", name, self.size)
        mark_tag = "currency" if tag == "total" and mark else None
        if not mark:
            self.text(right, y, number, tag, bold, align="right")
        elif self.spec.currency_place == "after":
            x = right - width(mark, name, self.size)
            self.text(x, y, mark, mark_tag, bold)
            self.text(x - space, y, number, tag, bold, align="right")
        else:
            x = right - self.text(right, y, number, tag, bold, align="right") - space
            self.text(x, y, mark, mark_tag, bold, align="right")


def _iban(rng: random.Random, country: str) -> str:
    digits = "".join(str(rng.randrange(10)) for _ in range(18))
    return f"{country}{rng.randrange(10, 99)} " + " ".join(digits[i : i + 4] for i in range(0, 18, 4))


def _strip_form(name: str) -> str:
    """The company name without the legal form the factory's countries gave it (the longest that ends it)."""
    forms = sorted({f for fs in vocab.COMPANY_SUFFIX_BY_COUNTRY.values() for f in fs}, key=len, reverse=True)
    for form in forms:
        if name.endswith(" " + form):
            return name[: -len(form) - 1].rstrip(",")
    return name


def _digits(rng: random.Random, n: int) -> str:
    return "".join(rng.choice(string.digits) for _ in range(n))


def _letters(rng: random.Random, n: int) -> str:
    return "".join(rng.choice(string.ascii_uppercase) for _ in range(n))


# country -> (python-stdnum module, a candidate in the compact form); candidates are drawn until one is valid
_TAX_IDS: dict[str, tuple[str, Any]] = {
    "BR": ("br.cnpj", lambda r: _digits(r, 8) + "0001" + _digits(r, 2)),
    "CL": ("cl.rut", lambda r: str(r.randrange(76, 99)) + _digits(r, 6) + r.choice(string.digits + "K")),
    "AU": ("au.abn", lambda r: str(r.randrange(10, 99)) + _digits(r, 9)),
    "TW": ("tw.ubn", lambda r: _digits(r, 8)),
    "RU": ("ru.inn", lambda r: str(r.randrange(10, 99)) + _digits(r, 8)),
    "SG": ("sg.uen", lambda r: str(r.randrange(1990, 2024)) + _digits(r, 5) + _letters(r, 1)),
    "IN": ("in_.gstin", lambda r: f"{r.randrange(1, 37):02d}{_letters(r, 5)}{_digits(r, 4)}{_letters(r, 1)}"
                                  f"{r.choice('123')}Z{r.choice(string.digits + string.ascii_uppercase)}"),
    "KR": ("kr.brn", lambda r: str(r.randrange(101, 999)) + _digits(r, 7)),
    "DK": ("dk.cvr", lambda r: str(r.randrange(1, 10)) + _digits(r, 7)),
    "FI": ("fi.ytunnus", lambda r: _digits(r, 8)),
    "VE": ("ve.rif", lambda r: "J" + _digits(r, 9)),
    "MX": ("mx.rfc", lambda r: f"{_letters(r, 3)}{r.randrange(0, 99):02d}{r.randrange(1, 13):02d}"
                               f"{r.randrange(1, 29):02d}{_letters(r, 1)}{_digits(r, 1)}{r.choice('0123456789A')}"),
    "AR": ("ar.cuit", lambda r: r.choice(["30", "33"]) + _digits(r, 9)),
    "JP": ("jp.cn", lambda r: _digits(r, 13)),
    "CO": ("co.nit", lambda r: "9" + _digits(r, 9)),
    "PE": ("pe.ruc", lambda r: "20" + _digits(r, 9)),
    "NZ": ("nz.ird", lambda r: str(r.randrange(10, 150)) + _digits(r, 6)),
    "CH": ("ch.uid", lambda r: "CHE" + _digits(r, 9)),
    "TR": ("tr.vkn", lambda r: _digits(r, 10)),
    "RO": ("ro.cui", lambda r: str(r.randrange(1, 10)) + _digits(r, 7)),
    "CZ": ("cz.dic", lambda r: "CZ" + str(r.randrange(1, 10)) + _digits(r, 7)),
    "NO": ("no.orgnr", lambda r: r.choice("89") + _digits(r, 8)),
    "ZA": ("za.tin", lambda r: r.choice("0123") + _digits(r, 9)),
}  # fmt: skip


def world_tax_id(rng: random.Random, country: str) -> str:
    """A tax id of ``country`` with valid check digits, as that country prints it (python-stdnum's format)."""
    name, candidate = _TAX_IDS[country]
    module = importlib.import_module(f"stdnum.{name}")
    number = candidate(rng)
    while not module.is_valid(number):
        number = candidate(rng)
    if country == "VE":  # stdnum has no format for the RIF: J-12345678-9
        return f"{number[0]}-{number[1:9]}-{number[9]}"
    return str(module.format(number)) if hasattr(module, "format") else number


def half_of_seed(seed: int) -> str:
    """The pools' half a bench seed prints: study below HELD_FROM, held from it."""
    return "held" if seed >= HELD_FROM else "study"


def make_head_po(seed: int, half: str = "study", doc_id: str | None = None) -> GeneratedDoc:
    """One header stress purchase order; the same seed and half give the same bytes and labels."""
    rng = random.Random(seed)
    spec = sample_head_spec(random.Random(seed * 7937 + 17), half)
    writer = HeadWriter(rng, spec)
    writer.draw()
    printed = writer.printed
    fields: dict[str, Any] = {}
    values = {"po_number": writer.po_number, "order_date": writer.day.isoformat(), "currency": writer.code,
              "buyer_name": writer.buyer.name, "vendor_name": writer.vendor.name,
              "payment_terms": writer.terms_text}  # fmt: skip
    for name, value in values.items():
        if name in printed:
            fields[name] = value
    for name, party in (("buyer_tax_id", writer.buyer), ("vendor_tax_id", writer.vendor)):
        if name in printed and party.tax_id:
            fields[name] = party.tax_id.replace(" ", "")
    if "payment_terms" in printed:
        fields["payment_terms_days"] = writer.terms_days
    for name in ("subtotal", "tax_total", "total"):
        if name in printed or (name == "tax_total" and spec.tax_rates == 2):
            fields[name] = dec_str(writer.sums[name])
    items = [
        {"sku": None, "description": line.description, "quantity": dec_str(line.quantity),
         "unit_price": dec_str(line.unit_price), "amount": dec_str(line.amount)}
        for line in writer.lines
    ]  # fmt: skip
    truth = {"fields": fields, "line_items": items}
    doc_id = doc_id or f"po-headwide-{seed}"
    factors = {k: v for k, v in spec.factors().items() if k not in ("half", "font_family")}
    family = family_id("po-headwide", {k: str(v) for k, v in factors.items()})
    features = {**spec.factors(), "space": "headwide", "n_lines": len(writer.lines)}
    label = build_label(doc_id, "po", family, features, truth, [writer.page], f"{doc_id}.pdf")
    label["captions"] = sorted(writer.used)  # the caption phrases printed (the seed rule's test reads them)
    pdf = render_pdf([writer.page], title=writer.po_number)
    return GeneratedDoc(doc_id, "po", pdf, label, truth, [writer.page])


def generate_headwide(n: int, out: Path, seed: int) -> list[Path]:
    """Write ``n`` header stress documents (<id>.pdf beside <id>.json labels) to ``out``; the bench seed decides
    the half (``half_of_seed``)."""
    from training.factory.generate import doc_seed, write_card

    out.mkdir(parents=True, exist_ok=True)
    half = half_of_seed(seed)
    paths, rows = [], []
    for index in range(n):
        doc = make_head_po(doc_seed(seed, index), half, f"po-headwide-{seed}-{index:06d}")
        (out / doc.label["file"]).write_bytes(doc.pdf_bytes)
        path = out / f"{doc.doc_id}.json"
        path.write_text(json.dumps(doc.label, ensure_ascii=False, separators=(",", ":")))
        paths.append(path)
        rows.append({"kind": "po", "scanned": False, "layout_family": doc.layout_family, **doc.label["features"]})
    write_card(out, rows, headwide=True, seed=seed, half=half)
    return paths


__all__ = ["FACTORS", "HELD_FROM", "HeadSpec", "generate_headwide", "half_of_seed", "make_head_po",
           "sample_head_spec", "world_tax_id"]  # fmt: skip
