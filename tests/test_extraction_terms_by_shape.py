"""Terms and order dates read by their shape where no caption word names them (terms24, issue 11): a day's word in
any official language, terms in a sentence of their own after another's full stop, a contract's paying clause on a
later page or before a second party read too far on, and the ordered step of a status track."""

from datetime import date

from extraction.document import Document, Page
from extraction.facts import read_facts
from extraction.openings import read_opening
from extraction.result import Extraction, FieldValue
from extraction.terms import net_days
from tests.fixtures_docs import page_of_columns, page_of_lines, words_at


def test_a_day_word_of_a_country_s_second_official_language_counts_days() -> None:
    assert net_days("binne 30 dae na faktuur") == 30  # Afrikaans, official beside English
    assert net_days("30 күн ішінде") == 30  # Kazakh, official beside Russian
    assert net_days("Net 30") == 30 and net_days("30 andro") is None  # no unit CLDR knows: no days


def test_terms_in_a_sentence_of_their_own_after_another_sentence() -> None:
    ext = Extraction("purchase_order", 1, {})
    read_facts(page_of_columns(["Zyxo Ltd | Order | PO-4711", "All prices in AUD. Payment 14 days net"]), ext)
    assert ext.fields["payment_terms"].value == "14 days net" and ext.fields["payment_terms_days"].value == 14
    ext = Extraction("purchase_order", 1, {})
    read_facts(page_of_columns(["Zyxo Ltd | Order | PO-4711", "Pack per item ca. Payment 14 days net"]), ext)
    assert ext.fields.get("payment_terms") is None or ext.fields["payment_terms"].value != "14 days net"


def _track(captions: list[str], dates: list[str]) -> Document:
    words = words_at("Order no. PO-4711", 0.08, 0.05)
    for k, (caption, day) in enumerate(zip(captions, dates, strict=True)):
        centre = 0.15 + 0.22 * k
        words += words_at(caption, centre - 0.0065 * len(caption) / 2, 0.15)
        words += words_at(day, centre - 0.0065 * len(day) / 2, 0.18)  # centred under its step, a marker between
    return Document([Page(1, 612, 792, words)])


def test_the_ordered_step_of_a_status_track_dates_the_order_not_the_expected_delivery() -> None:
    doc = _track(
        ["Requested", "Approved", "Ordered", "Delivery"], ["04/17/2026", "04/28/2026", "04/30/2026", "05/08/2026"]
    )
    ext = Extraction("purchase_order", 1, {"order_date": FieldValue(date(2026, 5, 8), 0.6)})
    read_facts(doc, ext)
    assert ext.fields["order_date"].value == date(2026, 4, 30)
    # two steps are no track: the guessed date stands
    doc = _track(["Approved", "Ordered"], ["04/28/2026", "04/30/2026"])
    ext = Extraction("purchase_order", 1, {"order_date": FieldValue(date(2026, 4, 28), 0.9)})
    read_facts(doc, ext)
    assert ext.fields["order_date"].value == date(2026, 4, 28)


def _contract(pages: list[list[str]]) -> Extraction:
    ext = Extraction("contract", len(pages), {})
    docs = [page_of_lines(lines).pages[0] for lines in pages]
    read_opening(Document([Page(k + 1, p.width, p.height, p.words) for k, p in enumerate(docs)]), ext)
    return ext


def test_a_contract_s_paying_clause_on_the_page_after_a_cover_of_contents() -> None:
    cover = [
        "SERVICES AGREEMENT between Henderson Services Ltd (the Principal) and Adamstown Contracting Ltd",
        "(the Provider) dated 7 December 2027.",
        "Contents 1. Who is bound 2. Billing 3. Ending early",
    ]
    body = [
        "2. Billing",
        "The Provider bills at the end of each month and the Principal pays within 30 days of the bill.",
    ]
    ext = _contract([cover, body])
    assert ext.fields["payment_terms"].value == "within 30 days of the bill"
    assert ext.fields["payment_terms_days"].value == 30
    # a later page's days that are no paying (a notice period) are no terms
    ext = _contract([cover, ["3. Ending early", "Either party may end this contract on 30 days notice."]])
    assert ext.fields.get("payment_terms") is None


def test_a_paying_clause_of_a_sentence_that_wraps_onto_the_next_line() -> None:
    ext = Extraction("purchase_order", 1, {})
    lines = [
        "Zyxo SA | Commande | BC-2027-6319",
        "Nous commandons les articles ci-dessous, aux prix indiqués en GNF, payables à",
        "réception de la facture. Rappelez notre référence sur vos factures.",
    ]
    read_facts(page_of_columns(lines), ext)
    assert ext.fields["payment_terms"].value == "à réception de la facture"
    assert ext.fields["payment_terms_days"].value == 0


def test_terms_read_outside_a_contract_s_body_only_as_a_short_clause() -> None:
    from extraction.openings import _a_clause
    from extraction.result import FieldValue as Cell

    assert _a_clause((Cell("within 30 days of the bill", 0.6), 30)) is not None
    run_on = "10 giorni fine mese FACTUURADRES VERKOPER Vertex Trading S.p.A. Cedar Foods S.p.A. Via Roma 224 Torino"
    assert _a_clause((Cell(run_on, 0.6), 10)) is None
