"""Contracts and master agreements of 2 to 5 pages: numbered clauses whose prose carries the parties, contract
number, dates, currency and payment terms, and a pricing schedule table (service, unit, rate), sometimes milestones."""

from __future__ import annotations

import random
from dataclasses import dataclass, field
from datetime import date, timedelta
from decimal import Decimal
from typing import Any

from training.factory import vocab
from training.factory.common import (
    GeneratedDoc,
    build_label,
    draw_logo,
    draw_signature,
    family_allowed,
    family_id,
    tagged_fields,
)
from training.factory.layout import FONT_FAMILIES, Entity, Fonts, PageDraft, render_pdf, width, wrap
from training.factory.values import (
    CURRENCIES,
    NUMBER_WORDS,
    TAX_RATES,
    Party,
    dec_str,
    format_date,
    format_number,
    make_party,
    pick_currency,
    q2,
    random_date,
)

TITLES = [
    "MASTER SERVICES AGREEMENT",
    "Master Supply Agreement",
    "SERVICES AGREEMENT",
    "Framework Agreement",
    "MAINTENANCE AND SUPPORT AGREEMENT",
    "Consulting Agreement",
    "Master Purchase Agreement",
]
NUMBER_LABELS = ["Contract No.", "Agreement No.", "Contract Number", "Ref.", "Agreement Number"]
PROSE_DATE_FORMATS = ["month_d_y", "d_month_y", "iso", "dmy_dot", "mdy_slash"]


@dataclass
class RateLine:
    service: str
    unit: str
    rate: Decimal


@dataclass
class ContractModel:
    contract_number: str
    effective_date: date
    expiry_date: date
    buyer: Party
    vendor: Party
    currency: str
    terms: tuple[str, int]
    rates: list[RateLine]
    tax_rate: Decimal | None
    number_style: str
    date_format: str
    milestones: list[tuple[str, date, Decimal]] = field(default_factory=list)


def _terms(rng: random.Random) -> tuple[str, int]:
    days = rng.choice([0, 14, 15, 30, 30, 45, 60, 90])
    if days == 0:
        return rng.choice(["upon receipt of invoice", "immediately upon receipt"]), 0
    word = NUMBER_WORDS[days]
    return rng.choice(
        [
            f"within {word} ({days}) days of receipt",
            f"within {days} days of the invoice date",
            f"net {days} days",
            f"{word} ({days}) days after receipt of a correct invoice",
        ]
    ), days


def sample_model(rng: random.Random) -> ContractModel:
    currency = pick_currency(rng)
    symbol, styles, countries = CURRENCIES[currency]
    country = rng.choice(countries)
    buyer = make_party(rng, country, with_tax_id=True)
    vendor = make_party(rng, rng.choice(countries), with_tax_id=True)
    effective = random_date(rng)
    expiry = effective + timedelta(days=rng.choice([364, 365, 730, 1095, 1826]) - (1 if rng.random() < 0.5 else 0))
    services = rng.sample(vocab.SERVICES, rng.randrange(2, 9))
    rates = [
        RateLine(name, unit, q2(Decimal(rng.randrange(20, 3000)) * rng.choice([1, 1, 5, 10])))
        for name, unit in services
    ]
    year = effective.year
    number = rng.choice(
        [
            f"MSA-{year}-{rng.randrange(1, 999):03d}",
            f"C{rng.randrange(10**5, 10**6)}",
            f"AGR/{year}/{rng.randrange(10, 9999)}",
            f"{rng.randrange(1000, 9999)}-{year}",
            f"SA-{rng.randrange(10000, 99999)}",
        ]
    )
    milestones: list[tuple[str, date, Decimal]] = []
    if rng.random() < 0.35:
        for k, name in enumerate(
            rng.sample(
                ["Kick-off", "Design approval", "Pilot go-live", "Go-live", "Acceptance", "Hypercare completed"],
                rng.randrange(2, 5),
            )
        ):
            milestones.append(
                (
                    name,
                    effective + timedelta(days=30 * (k + 1) + rng.randrange(0, 20)),
                    q2(Decimal(rng.randrange(20, 400)) * 100),
                )
            )
    tax_rate = Decimal(TAX_RATES[country][0])
    return ContractModel(
        number,
        effective,
        expiry,
        buyer,
        vendor,
        currency,
        _terms(rng),
        rates,
        tax_rate,
        rng.choice(styles),
        rng.choice(PROSE_DATE_FORMATS),
        milestones,
    )


class ContractWriter:
    def __init__(self, rng: random.Random, model: ContractModel, family: str, size: float) -> None:
        self.rng, self.m = rng, model
        self.f = Fonts.of(family)
        self.size = size
        self.lead = size * rng.choice([1.3, 1.4, 1.5])
        self.pw, self.ph = (612.0, 792.0) if model.currency in {"USD", "CAD"} else (595.28, 841.89)
        self.margin = rng.uniform(54, 80)
        self.left, self.right = self.margin, self.pw - self.margin
        self.pages: list[PageDraft] = []
        self.page = self.new_page()
        self.clause_no = 0

    def new_page(self) -> PageDraft:
        page = PageDraft(self.pw, self.ph)
        self.pages.append(page)
        self.y = self.margin
        if self.pages[1:]:
            page.text(
                self.right,
                self.y,
                f"{self.m.contract_number}",
                self.f.regular,
                self.size * 0.8,
                align="right",
                color=(0.4, 0.4, 0.4),
            )
            page.words[-1]["tag"] = "B-contract_number"
            self.y += self.lead * 1.5
        self.page = page
        return page

    def ensure(self, h: float) -> None:
        if self.y + h > self.ph - self.margin - self.lead * 2:
            self.new_page()

    def paragraph(self, parts: list[tuple[str, str | None]], font_name: str | None = None, indent: float = 0.0) -> None:
        """Flowing text whose pieces may be tagged values; wrapped greedily, values keep their tags across lines."""
        font_name = font_name or self.f.regular
        tokens: list[tuple[str, Entity | None]] = []
        for text, name in parts:
            ent = Entity(name) if name else None
            for k, tok in enumerate(text.split()):
                if k == 0 and tokens and tok[0] in ",.;:)":
                    # punctuation sticks to the word before it, as a reader (and pdfium) sees it
                    tokens[-1] = (tokens[-1][0] + tok, tokens[-1][1])
                else:
                    tokens.append((tok, ent))
        max_w = self.right - self.left - indent
        line: list[tuple[str, Entity | None]] = []
        space = width(" ", font_name, self.size)

        def flush() -> None:
            self.ensure(self.lead)
            x = self.left + indent
            for tok, ent in line:
                # draw each run of equally-tagged tokens as one string so pdfium reads ordinary spaces
                self.page.text(x, self.y + self.size, tok, font_name, self.size, ent)
                x += width(tok, font_name, self.size) + space
            self.y += self.lead

        line_w = 0.0
        for tok, ent in tokens:
            tw = width(tok, font_name, self.size)
            if line and line_w + space + tw > max_w:
                flush()
                line, line_w = [], 0.0
            line_w = tw if not line else line_w + space + tw
            line.append((tok, ent))
        if line:
            flush()
        self.y += self.lead * 0.4

    def clause(self, title: str, body: list[list[tuple[str, str | None]]]) -> None:
        self.clause_no += 1
        self.ensure(self.lead * 3)
        self.page.text(self.left, self.y + self.size, f"{self.clause_no}. {title}", self.f.bold, self.size)
        self.y += self.lead * 1.2
        for k, para in enumerate(body):
            prefix = [(f"{self.clause_no}.{k + 1}", None)] if len(body) > 1 else []
            self.paragraph(prefix + para)

    def d(self, value: date) -> str:
        return format_date(value, self.m.date_format)

    def write(self) -> None:
        m, rng = self.m, self.rng
        if rng.random() < 0.5:
            draw_logo(self.page, rng, self.left, self.y - 6, self.size * 3)
            self.y += self.size * 3
        title = rng.choice(TITLES)
        self.page.text(self.pw / 2, self.y + self.size * 1.8, title, self.f.bold, self.size * 1.6, align="center")
        self.y += self.lead * 2.2
        lbl = rng.choice(NUMBER_LABELS)
        w = self.page.text(
            self.pw / 2 - width(f"{lbl} {m.contract_number}", self.f.regular, self.size) / 2,
            self.y + self.size,
            lbl,
            self.f.regular,
            self.size,
        )
        self.page.text(
            self.pw / 2
            - width(f"{lbl} {m.contract_number}", self.f.regular, self.size) / 2
            + w
            + width(" ", self.f.regular, self.size),
            self.y + self.size,
            m.contract_number,
            self.f.regular,
            self.size,
            Entity("contract_number"),
        )
        self.y += self.lead * 2
        b, v = m.buyer, m.vendor
        buyer_role, vendor_role = rng.choice(
            [("Customer", "Supplier"), ("Client", "Contractor"), ("Buyer", "Seller"), ("Customer", "Service Provider")]
        )
        self.paragraph(
            [
                (f'This {title.title()} (the "Agreement") is entered into as of', None),
                (self.d(m.effective_date), "effective_date"),
                ('(the "Effective Date") by and between', None),
            ]
        )
        party_para: list[tuple[str, str | None]] = [
            (b.name, "buyer_name"),
            (f", {b.street}, {b.city_line}, {b.country_name}", None),
        ]
        if b.tax_id and rng.random() < 0.6:
            party_para += [(f"({b.tax_label}", None), (b.tax_id, "buyer_tax_id"), (")", None)]
        party_para += [
            (f'(the "{buyer_role}"), and', None),
            (v.name, "vendor_name"),
            (f", {v.street}, {v.city_line}, {v.country_name}", None),
        ]
        if v.tax_id and rng.random() < 0.6:
            party_para += [(f"({v.tax_label}", None), (v.tax_id, "vendor_tax_id"), (")", None)]
        party_para += [(f'(the "{vendor_role}").', None)]
        self.paragraph(_glue(party_para))
        self.clause(
            "Subject Matter",
            [
                [
                    (
                        f"The {vendor_role} shall provide to the {buyer_role} the services and "
                        f'deliverables described in Schedule A (the "Services") in accordance with '
                        f"the terms of this Agreement and any statement of work agreed in writing.",
                        None,
                    )
                ]
            ],
        )
        self.clause(
            "Term",
            [
                [
                    ("This Agreement commences on the Effective Date and remains in force until", None),
                    (self.d(m.expiry_date), "expiry_date"),
                    (
                        ", unless terminated earlier in accordance with Clause 9. Either party may propose an "
                        "extension no later than ninety (90) days before expiry.",
                        None,
                    ),
                ]
            ],
        )
        fees: list[list[tuple[str, str | None]]] = [
            [
                (f"The {buyer_role} shall pay the fees set out in Schedule A. All amounts are stated in", None),
                (m.currency, "currency"),
                (
                    "and are exclusive of value added tax, which shall be charged at the applicable statutory rate.",
                    None,
                ),
            ],
            [
                (f"The {vendor_role} shall invoice monthly in arrears. Invoices are payable", None),
                (m.terms[0], "payment_terms"),
                (
                    "and shall quote the contract number. Late payments bear interest at "
                    f"{rng.choice(['1%', '1.5%', '8%'])} "
                    "per month or the maximum rate permitted by law, whichever is lower.",
                    None,
                ),
            ],
        ]
        if rng.random() < 0.5:
            fees.append(
                [
                    (
                        "Rates are fixed for the first twelve (12) months and may thereafter be adjusted once per year "
                        "by no more than the change in the consumer price index.",
                        None,
                    )
                ]
            )
        self.clause(rng.choice(["Fees and Payment", "Prices and Payment Terms", "Compensation"]), _glue_all(fees))
        target_pages = rng.choice([2, 2, 3, 3, 4, 5])
        pool = rng.sample(BOILERPLATE, len(BOILERPLATE))
        for k, (title_, text) in enumerate(pool):
            if k >= 4 and len(self.pages) >= target_pages - 1:
                break
            self.clause(title_, [[(t.format(buyer=buyer_role, vendor=vendor_role), None)] for t in text])
        if len(self.pages) < target_pages - 1:
            self.service_descriptions(target_pages - 1)
        self.schedule()
        self.signatures(buyer_role, vendor_role)

    def service_descriptions(self, pages: int) -> None:
        """Schedule B: a paragraph per service, as long agreements describe their scope."""
        self.ensure(self.lead * 6)
        self.page.text(
            self.left, self.y + self.size * 1.2, "Schedule B - Service Description", self.f.bold, self.size * 1.2
        )
        self.y += self.lead * 1.8
        rng = self.rng
        k = 0
        while len(self.pages) < pages and k < 40:
            r = self.m.rates[k % len(self.m.rates)]
            sentences = rng.sample(SCOPE_SENTENCES, 3)
            self.paragraph(
                [
                    (f"B.{k + 1} {r.service}.", None),
                    (" ".join(sentences).format(service=r.service.lower(), unit=r.unit), None),
                ]
            )
            k += 1

    def schedule(self) -> None:
        m, rng = self.m, self.rng
        self.ensure(self.lead * (len(m.rates) + 6))
        p = self.page
        p.text(self.left, self.y + self.size * 1.2, "Schedule A - Pricing", self.f.bold, self.size * 1.2)
        self.y += self.lead * 1.8
        cols = [
            ("description", rng.choice(["Service", "Description", "Service Description"]), 0.55, "left"),
            ("unit", rng.choice(["Unit", "Billing Unit", "Per"]), 0.2, "left"),
            ("unit_price", rng.choice([f"Rate ({m.currency})", "Rate", "Price", f"Fee ({m.currency})"]), 0.25, "right"),
        ]
        total_w = self.right - self.left
        fill = rng.choice([(0.9, 0.9, 0.9), None, (0.85, 0.9, 0.97)])
        if fill:
            p.rect(self.left, self.y, total_w, self.lead + 4, stroke=None, fill=fill)
        x = self.left
        for _, header, share, align in cols:
            tx = x + 3 if align == "left" else x + share * total_w - 3
            before = len(p.words)
            p.text(tx, self.y + self.lead * 0.85, header, self.f.bold, self.size, align=align)
            for word in p.words[before:]:
                if word["text"] == f"({m.currency})":
                    word["tag"] = "B-currency"
            x += share * total_w
        self.y += self.lead + 4
        p.line(self.left, self.y, self.right, self.y, 0.6)
        for i, r in enumerate(m.rates):
            x = self.left
            lines = wrap(r.service, self.f.regular, self.size, cols[0][2] * total_w - 6)
            for col, _, share, align in cols:
                tx = x + 3 if align == "left" else x + share * total_w - 3
                if col == "description":
                    ent = Entity("description", row=i)
                    for k, line in enumerate(lines):
                        p.text(tx, self.y + self.lead * (0.85 + k), line, self.f.regular, self.size, ent, row=i)
                else:
                    text = r.unit if col == "unit" else format_number(r.rate, m.number_style)
                    p.text(
                        tx,
                        self.y + self.lead * 0.85,
                        text,
                        self.f.regular,
                        self.size,
                        Entity(col, row=i),
                        align=align,
                        row=i,
                    )
                x += share * total_w
            self.y += self.lead * len(lines) + 3
            p.line(self.left, self.y, self.right, self.y, 0.3, (0.6, 0.6, 0.6))
        self.y += self.lead
        if m.milestones:
            self.ensure(self.lead * (len(m.milestones) + 3))
            p = self.page
            p.text(self.left, self.y + self.size, "Milestones", self.f.bold, self.size)
            self.y += self.lead * 1.4
            for name, when, amount in m.milestones:
                p.text(self.left + 6, self.y + self.size, name, self.f.regular, self.size)
                p.text(self.left + total_w * 0.5, self.y + self.size, self.d(when), self.f.regular, self.size)
                p.text(
                    self.right - 3,
                    self.y + self.size,
                    format_number(amount, m.number_style),
                    self.f.regular,
                    self.size,
                    align="right",
                )
                self.y += self.lead
            self.y += self.lead

    def signatures(self, buyer_role: str, vendor_role: str) -> None:
        self.ensure(self.lead * 8)
        p, rng = self.page, self.rng
        p.text(
            self.left,
            self.y + self.size,
            "IN WITNESS WHEREOF, the parties have executed this Agreement.",
            self.f.regular,
            self.size,
        )
        self.y += self.lead * 4
        half = (self.right - self.left) / 2
        for k, (role, party) in enumerate(((buyer_role, self.m.buyer), (vendor_role, self.m.vendor))):
            x = self.left + k * half
            if rng.random() < 0.8:
                draw_signature(p, rng, x, self.y, half * 0.7)
            p.line(x, self.y, x + half * 0.8, self.y, 0.5)
            p.text(x, self.y + self.lead, f"For the {role}", self.f.regular, self.size)
            p.text(
                x,
                self.y + self.lead * 2,
                f"{party.contact}, {rng.choice(vocab.JOB_TITLES)}",
                self.f.italic,
                self.size * 0.95,
            )
        self.y += self.lead * 3

    def footers(self) -> None:
        n = len(self.pages)
        for i, page in enumerate(self.pages):
            page.text(
                self.pw / 2,
                self.ph - self.margin * 0.6,
                f"Page {i + 1} of {n}",
                self.f.regular,
                self.size * 0.8,
                align="center",
            )


def truth_fields(model: ContractModel, shown: set[str]) -> dict[str, Any]:
    """The header fields some word shows (every one is tagged where it is written: prose, title line, table)."""
    values: dict[str, Any] = {
        "contract_number": model.contract_number,
        "effective_date": model.effective_date.isoformat(),
        "expiry_date": model.expiry_date.isoformat(),
        "buyer_name": model.buyer.name,
        "vendor_name": model.vendor.name,
        "currency": model.currency,
        "payment_terms": model.terms[0],
        "payment_terms_days": model.terms[1],  # shown with the terms
        "buyer_tax_id": (model.buyer.tax_id or "").replace(" ", ""),
        "vendor_tax_id": (model.vendor.tax_id or "").replace(" ", ""),
    }
    shown = shown | ({"payment_terms_days"} if "payment_terms" in shown else set())
    return {name: value for name, value in values.items() if name in shown and value != ""}


def _glue(parts: list[tuple[str, str | None]]) -> list[tuple[str, str | None]]:
    """Attach leading punctuation (", Main St") to the previous untagged piece's words so values stay clean."""
    return [(t, n) for t, n in parts if t.strip()]


def _glue_all(paras: list[list[tuple[str, str | None]]]) -> list[list[tuple[str, str | None]]]:
    return [_glue(p) for p in paras]


BOILERPLATE = [
    (
        "Confidentiality",
        [
            "Each party shall keep confidential all information received from the other party and use it "
            "only for the purposes of this Agreement. This obligation survives termination for five (5) "
            "years."
        ],
    ),
    (
        "Warranties",
        [
            "The {vendor} warrants that the Services will be performed with reasonable skill and care and in "
            "accordance with good industry practice.",
            "The {vendor} shall remedy any defective Services "
            "free of charge within a reasonable period after notification by the {buyer}.",
        ],
    ),
    (
        "Liability",
        [
            "Neither party shall be liable for indirect or consequential loss. Each party's total liability "
            "under this Agreement in any contract year is limited to the fees paid in that year."
        ],
    ),
    (
        "Termination",
        [
            "Either party may terminate this Agreement for convenience on ninety (90) days' written notice.",
            "Either party may terminate this Agreement with immediate effect if the other party commits a "
            "material breach that is not remedied within thirty (30) days of notice.",
        ],
    ),
    (
        "Data Protection",
        [
            "Where the {vendor} processes personal data on behalf of the {buyer}, the parties shall "
            "enter into a data processing agreement that meets the requirements of applicable law."
        ],
    ),
    (
        "Insurance",
        [
            "The {vendor} shall maintain professional liability insurance with reputable insurers for the "
            "duration of this Agreement and provide certificates on request."
        ],
    ),
    (
        "Governing Law",
        [
            "This Agreement is governed by the laws of the country in which the {buyer} has its "
            "registered office. The courts of that place have exclusive jurisdiction."
        ],
    ),
    (
        "Entire Agreement",
        [
            "This Agreement, including its schedules, constitutes the entire agreement between the "
            "parties and supersedes all prior agreements relating to its subject matter. Amendments "
            "must be in writing and signed by both parties."
        ],
    ),
    (
        "Audit",
        [
            "The {buyer} may audit the {vendor}'s records relating to the fees once per contract year on thirty "
            "(30) days' notice."
        ],
    ),
]


def make_contract(seed: int, *, families: set[str] | None = None, doc_id: str | None = None) -> GeneratedDoc:
    """One contract, in memory; 2 to 5 pages. The same seed gives the same bytes."""
    rng = random.Random(seed)
    layout_rng = random.Random(seed * 7919 + 2)
    for _ in range(5000):
        font_family = layout_rng.choice([f for f in FONT_FAMILIES if f != "nimbus-sans-narrow"])
        size = layout_rng.choice([9.0, 9.5, 10.0, 10.5, 11.0])
        parts = {"font": font_family, "size": size}
        family = family_id("contract", parts)
        if family_allowed(family, families):
            break
    else:
        raise ValueError("no layout family matched the families filter")
    model = sample_model(rng)
    writer = ContractWriter(rng, model, font_family, size)
    writer.write()
    while len(writer.pages) < 2:  # agreements run to at least two pages: add a schedule of definitions
        writer.clause("Definitions", [[(t.format(buyer="Customer"), None)] for t in DEFINITIONS])
    writer.footers()
    doc_id = doc_id or f"contract-{seed}"
    pdf = render_pdf(writer.pages, title=f"Agreement {model.contract_number}")
    fields = truth_fields(model, tagged_fields(writer.pages))
    truth = {
        "fields": fields,
        "line_items": [
            {
                "sku": None,
                "description": r.service,
                "quantity": None,
                "unit": r.unit,
                "unit_price": dec_str(r.rate),
                "amount": None,
                "tax_rate": None,
            }
            for r in model.rates
        ],
    }
    features = {
        **parts,
        "n_pages": len(writer.pages),
        "n_rates": len(model.rates),
        "milestones": bool(model.milestones),
        "currency": model.currency,
        "number_style": model.number_style,
        "date_format": model.date_format,
        "payment_terms": model.terms[0],
    }
    label = build_label(doc_id, "contract", family, features, truth, writer.pages, f"{doc_id}.pdf")
    return GeneratedDoc(doc_id, "contract", pdf, label, truth, writer.pages, model)


SCOPE_SENTENCES = [
    "The Supplier performs the {service} with qualified personnel and reports progress monthly.",
    "The {service} is billed per {unit} as recorded in the approved time sheets or service reports.",
    "Response times and escalation paths for the {service} are agreed in the kick-off meeting.",
    "The Customer provides access to its premises and systems to the extent required for the {service}.",
    "Any work outside the scope of the {service} requires a change request approved in writing.",
    "Deliverables of the {service} are deemed accepted unless rejected in writing within ten (10) Business Days.",
    "The Supplier keeps records of the {service} for at least three (3) years after termination.",
    "Travel time is not billable unless agreed in advance for the {service}.",
]
DEFINITIONS = [
    '"Business Day" means a day other than a Saturday, Sunday or public holiday at the {buyer}\'s registered office.',
    '"Deliverables" means all documents, products and materials developed by the Supplier as part of the Services.',
    '"Service Levels" means the performance levels set out in the service level schedule, if any.',
    '"Statement of Work" means a document agreed by both parties that describes specific Services and their fees.',
    '"Intellectual Property Rights" means patents, copyrights, trade marks, database rights and similar rights.',
    '"Change Request" means a written request by either party to change the scope of the Services.',
]
