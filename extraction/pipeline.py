"""The one entry point: file bytes -> (Document, Extraction), as a list of stages (STYLE.md #4).

Every stage takes the job and returns it; a disabled stage passes the job through. An
extractor is anything with ``extract(doc) -> Extraction`` (the heuristic one by default; the service
passes the one its settings name, e.g. ``models.layout.combine.best_extractor``), so swapping one is a
keyword argument.
"""

from __future__ import annotations

import time
from collections.abc import Callable
from dataclasses import dataclass, field
from typing import Protocol

from extraction import readers
from extraction.amendments import amended_rates
from extraction.charges import (
    close_the_totals,
    join_split_totals,
    read_tax_and_charges,
    taxes_in_a_row,
    totals_from_the_page,
)
from extraction.checks import recheck_required
from extraction.currencycodes import read_currency_code
from extraction.document import Document
from extraction.facts import read_facts
from extraction.heuristic import HeuristicExtractor
from extraction.layout import repeats_on_another_page
from extraction.loading import Limits, load_document
from extraction.openings import read_opening
from extraction.phrases import complete_phrases, names_without_marks
from extraction.ratelists import read_rate_list
from extraction.rates import footnote_marks_dropped, percentages_dropped, read_rates
from extraction.references import check_references
from extraction.rereadfields import reread_fields, reread_tax_id_words
from extraction.rereadmarks import marks_read_again
from extraction.result import Extraction
from extraction.roles import read_roles
from extraction.taxids import read_bare_tax_ids, read_tax_ids
from extraction.taxsuffix import complete_tax_ids
from extraction.termstext import trim_terms
from extraction.twoline import read_upper_lines
from extraction.windows import read_addressee


class Extractor(Protocol):
    def extract(self, doc: Document, doc_type_hint: str | None = None) -> Extraction: ...


@dataclass(slots=True)
class ExtractionJob:
    data: bytes
    filename: str | None = None
    doc_type_hint: str | None = None
    limits: Limits = field(default_factory=Limits)
    extractor: Extractor = field(default_factory=HeuristicExtractor)
    document: Document | None = None
    extraction: Extraction | None = None
    seconds: dict[str, float] = field(default_factory=dict)  # per stage, for benches and logs


Stage = Callable[[ExtractionJob], ExtractionJob]
Reader = Callable[[Document, Extraction], None]


def reading_stage(name: str, doc: str, *reads: Reader) -> Stage:
    """A stage in which each reader adds to (or mends) the extraction from the loaded document."""

    def stage(job: ExtractionJob) -> ExtractionJob:
        if job.document is not None and job.extraction is not None:
            for read in reads:
                read(job.document, job.extraction)
        return job

    stage.__name__, stage.__doc__ = name, doc
    return stage


def load_stage(job: ExtractionJob) -> ExtractionJob:
    job.document = load_document(job.data, job.filename, job.limits)
    return job


def extract_stage(job: ExtractionJob) -> ExtractionJob:
    assert job.document is not None, "load_stage must run first"
    # the caller's type reaches the readers: a contract has no order date, an order no effective date
    job.extraction = job.extractor.extract(job.document, job.doc_type_hint)
    return job


def furniture_stage(job: ExtractionJob) -> ExtractionJob:
    """A running footer or header read as a line item (a long table's page break puts it between two rows) is
    dropped: the same words stand at the same place on another page."""
    if job.document is not None and job.extraction is not None and job.document.page_count > 1:
        pages = job.document.pages
        job.extraction.line_items = [
            item for item in job.extraction.line_items
            if item.page is None or item.bbox is None or not repeats_on_another_page(pages, item.page, item.bbox)
        ]  # fmt: skip
    return job


references_stage = reading_stage(
    "references_stage",
    "Document numbers that cannot be one (a date, a tax id, a caption, a postal code) dropped, for the readers "
    "after it to fill from the page.",
    check_references,
)
two_line_stage = reading_stage(
    "two_line_stage",
    "Items printed on two text lines (code and text above, numbers below) take sku and text from the upper one.",
    read_upper_lines,
)
readers_stage = reading_stage(
    "readers_stage",
    "Agreements in prose and caption-value forms read by their own rules (``extraction.readers``), joined field "
    "by field with what the extractor found: the one place their values enter an extraction.",
    readers.read_into,
)


def facts_stage(job: ExtractionJob) -> ExtractionJob:
    """An order's number, date and terms read under captions that name them in any language (``extraction.facts``);
    on an order the caller names one too, where the model took it for a contract (the type is settled later), its
    terms only on a scan (measured: its number so read lost one scanned order of blind7 dev), all of them on a
    text layer (measured: header seeds 100-103, orders whose opening sentence names both companies and a date lost
    their captioned number, date and currency)."""
    if job.document is None or job.extraction is None:
        return job
    mistaken = job.doc_type_hint in ("purchase_order", "invoice") and job.extraction.doc_type == "contract"
    printed = bool(job.document.pages) and job.document.pages[0].source == "text"
    read_facts(job.document, job.extraction, terms_only=mistaken and not printed, as_order=mistaken and printed)
    return job


terms_text_stage = reading_stage(
    "terms_text_stage",
    "An order's payment terms less the sentence that leads to them or the full stop that ends it, where the rest "
    "reads as the same terms (``extraction.termstext``).",
    trim_terms,
)
opening_stage = reading_stage(
    "opening_stage",
    "A contract's empty header fields read from its opening by shape (parties ending in a legal form, the "
    "reference code above them, dates, a term, days to pay), whatever its language or captions; its rates "
    "printed as sentences, list entries or a list of terms and prices (a percentage no rate); a rate a later "
    "clause (an addendum) changes, the changed one.",
    read_opening,
    read_rates,
    read_rate_list,
    footnote_marks_dropped,
    percentages_dropped,
    amended_rates,
)
phrases_stage = reading_stage(
    "phrases_stage",
    "Text values the page shows were cut (a leading word, a wrapped second line) made whole; a party's name rid of "
    "a logo's mark read before it.",
    complete_phrases,
    names_without_marks,
)
currency_code_stage = reading_stage(
    "currency_code_stage",
    "An empty currency read from an ISO code (any legal tender's) printed where a code is a cell's value: alone "
    "under or after a caption, or in brackets after a column's caption.",
    read_currency_code,
)
addressee_stage = reading_stage(
    "addressee_stage",
    "An order's vendor addressed in an address block without a caption (a window envelope's).",
    read_addressee,
)
roles_stage = reading_stage(
    "roles_stage",
    "An order's buyer and vendor (and their tax ids) read from where the page names each company, mending party "
    "values that are no company the page names, repeat the other party or stand swapped.",
    read_roles,
)
second_reading_stage = reading_stage(
    "second_reading_stage",
    "A scanned page's header values read again word by word by the second OCR reader where Tesseract doubted a word;"
    " its names and terms read again as one line with the page's language model where that adds their marks.",
    reread_fields,
    marks_read_again,
)
tax_ids_stage = reading_stage(
    "tax_ids_stage",
    "Tax ids whose caption the extractor does not know, given to the party whose name stands before them; a scan's"
    " numbers and captions read again where the second reader makes a tax id of them.",
    reread_tax_id_words,
    read_tax_ids,
)
tax_and_charges_stage = reading_stage(
    "tax_and_charges_stage",
    "The totals block itemised (tax lines, charges) for whatever extractor read the rest; subtotal and tax mended by"
    " arithmetic where a scan lost them, or cut them to their last thousands group.",
    read_tax_and_charges,
    close_the_totals,
    totals_from_the_page,
    taxes_in_a_row,
    join_split_totals,
)

bare_tax_ids_stage = reading_stage(
    "bare_tax_ids_stage",
    "A party's tax id known only by its shape and a caption's ':' or 'No.', in that party's block; read once the"
    " roles are settled, for a party no other reader gave one.",
    read_bare_tax_ids,
)
tax_suffix_stage = reading_stage(
    "tax_suffix_stage",
    "A party's tax id completed by the letters its scheme prints after the digits ('970 625 437 MVA'), where "
    "python-stdnum takes the id with them, and not without, for a VAT number.",
    complete_tax_ids,
)


def doc_type_hint_stage(job: ExtractionJob) -> ExtractionJob:
    """The caller knows the type better than a guess: take it, and recheck what that type requires."""
    hint = job.doc_type_hint
    valid = hint in ("purchase_order", "contract", "invoice", "other")
    if job.extraction is not None and valid and job.extraction.doc_type != hint:
        job.extraction.doc_type = hint  # type: ignore[assignment]
        recheck_required(job.extraction)
    return job


def contract_dates_stage(job: ExtractionJob) -> ExtractionJob:
    """A contract has no order: an 'order date' on one that has its effective date is a bare date the order readers
    guessed at (the effective date read twice, the day it was signed or stamped, a revision's date), not a field
    of its own (measured: blind18 dev-bd's contracts, 5 of 12 with a spurious order date, each with its effective
    date right)."""
    extraction = job.extraction
    if extraction is not None and extraction.doc_type == "contract":
        order, effective = extraction.fields.get("order_date"), extraction.fields.get("effective_date")
        if order is not None and effective is not None and effective.value is not None:
            del extraction.fields["order_date"]
    return job


def type_hint_stage(job: ExtractionJob) -> ExtractionJob:
    """A caller's 'contract' before the readers run: a contract's rates are read only on a contract, whatever type
    the layout model guessed. Other hints wait for the last stage: where the model took an order for a contract,
    the contract readers still read its parties from the opening (measured: blind dev half, one order's buyer)."""
    if job.doc_type_hint == "contract":
        return doc_type_hint_stage(job)
    return job


PIPELINE: list[Stage] = [
    load_stage,
    extract_stage,
    type_hint_stage,
    furniture_stage,
    references_stage,
    two_line_stage,
    readers_stage,
    opening_stage,
    phrases_stage,
    facts_stage,
    currency_code_stage,
    addressee_stage,
    tax_ids_stage,
    tax_and_charges_stage,
    doc_type_hint_stage,
    contract_dates_stage,  # after the type is settled: contracts only
    terms_text_stage,  # after the type is settled: it trims an order's terms only
    roles_stage,  # after the type is settled: it reads orders only
    bare_tax_ids_stage,  # after the roles: it reads a party's block by that party's settled name
    second_reading_stage,  # the values' words, once every reader has settled which words they are
    tax_suffix_stage,  # after every reader of tax ids
]
AFTER_EXTRACTION = PIPELINE[PIPELINE.index(extract_stage) + 1 :]  # what the service does to any extractor's output


def run(job: ExtractionJob, stages: list[Stage] | None = None) -> ExtractionJob:
    for stage in stages or PIPELINE:
        started = time.perf_counter()
        job = stage(job)
        job.seconds[stage.__name__] = time.perf_counter() - started
    return job


def extract(
    data: bytes,
    filename: str | None = None,
    doc_type_hint: str | None = None,
    limits: Limits | None = None,
    extractor: Extractor | None = None,
) -> tuple[Document, Extraction]:
    """Read a PO or contract file and extract its fields and line items.

    Raises ``extraction.errors.DocumentError`` (with ``code`` and ``detail``) for files it cannot read.
    """
    job = ExtractionJob(data, filename, doc_type_hint, limits or Limits(), extractor or HeuristicExtractor())
    job = run(job)
    assert job.document is not None and job.extraction is not None
    return job.document, job.extraction
