from datetime import date, timedelta
from decimal import Decimal

import pytest

from matching import precheck
from matching.types import CheckResult, Policy
from tests.matching_fixtures import (
    ISSUE,
    STANDARD_LINES,
    line,
    make_invoice,
    make_reference,
    standard_invoice,
    standard_reference,
)

POLICY = Policy()


def codes(result: CheckResult) -> list[str]:
    return sorted(f.code for f in result.findings)


def only(result: CheckResult, code: str):
    found = [f for f in result.findings if f.code == code]
    assert len(found) == 1, result.findings
    return found[0]


def check(invoice=None, reference="standard", earlier=(), policy=POLICY, **kw) -> CheckResult:
    ref = standard_reference() if reference == "standard" else reference
    return precheck(invoice or standard_invoice(), ref, list(earlier), policy, **kw)


def test_clean_invoice_passes_with_matched_lines() -> None:
    result = check()
    assert (result.verdict, result.findings) == ("pass", [])
    assert [(m.invoice_line, m.reference_line) for m in result.matched_lines] == [(0, 1), (1, 0)]


# --- REFERENCE_NOT_FOUND, PO_NUMBER_MISSING --------------------------------------------------------------------
def test_reference_not_found_is_an_error_but_arithmetic_still_runs() -> None:
    inv = standard_invoice(total=Decimal("1.00"))
    result = check(inv, reference=None)
    assert result.verdict == "fail"
    assert codes(result) == ["REFERENCE_NOT_FOUND", "TOTALS_ARITHMETIC"]
    assert only(result, "REFERENCE_NOT_FOUND").severity == "error"
    assert all(m.reference_line is None for m in result.matched_lines)


def test_reference_not_found_without_any_reference_on_file_is_a_warning() -> None:
    result = check(reference=None, known_references_exist=False)
    assert result.verdict == "review"
    assert only(result, "REFERENCE_NOT_FOUND").severity == "warning"


def test_po_number_missing_only_when_required() -> None:
    inv = standard_invoice(po_number=None)
    assert "PO_NUMBER_MISSING" in codes(check(inv, policy=Policy(requires_po=True)))
    assert "PO_NUMBER_MISSING" not in codes(check(inv))
    assert "PO_NUMBER_MISSING" not in codes(check(policy=Policy(requires_po=True)))


# --- header: currency, terms, due date, period ----------------------------------------------------------------
def test_currency_mismatch_with_evidence() -> None:
    result = check(standard_invoice(currency="USD"))
    finding = only(result, "CURRENCY_MISMATCH")
    assert (finding.expected, finding.actual, finding.severity) == ("EUR", "USD", "error")
    assert finding.evidence["document_id"] == "doc-ref-1" and finding.evidence["page"] == 1
    assert len(finding.evidence["bbox"]) == 4
    assert "CURRENCY_MISMATCH" not in codes(check(reference=standard_reference(currency="€")))


@pytest.mark.parametrize(
    ("invoice_terms", "due_days", "fires"),
    [("Net 45", 45, True), ("2/10 Net 30", 30, False), ("payable within thirty (30) days", 30, False)],
)
def test_payment_terms_compare_net_days(invoice_terms: str, due_days: int, fires: bool) -> None:
    inv = standard_invoice(payment_terms=invoice_terms, due_date=ISSUE + timedelta(days=due_days))
    result = check(inv)
    assert ("PAYMENT_TERMS_MISMATCH" in codes(result)) is fires
    assert "DUE_DATE_INCONSISTENT" not in codes(result)
    if fires:
        assert (only(result, "PAYMENT_TERMS_MISMATCH").expected, only(result, "PAYMENT_TERMS_MISMATCH").actual) == (
            "30",
            "45",
        )


def test_payment_terms_text_of_reference_is_used_without_days_field() -> None:
    ref = standard_reference(payment_terms="payable within forty-five (45) days", payment_terms_days=None)
    assert "PAYMENT_TERMS_MISMATCH" in codes(check(reference=ref))
    inv = standard_invoice(payment_terms="Net 45", due_date=ISSUE + timedelta(days=45))
    assert "PAYMENT_TERMS_MISMATCH" not in codes(check(inv, reference=ref))


def test_due_date_inconsistent_with_terms() -> None:
    result = check(standard_invoice(due_date=ISSUE + timedelta(days=14)))
    finding = only(result, "DUE_DATE_INCONSISTENT")
    assert finding.expected == (ISSUE + timedelta(days=30)).isoformat()
    assert "DUE_DATE_INCONSISTENT" in codes(check(standard_invoice(due_date=ISSUE - timedelta(days=1))))


def test_due_date_end_of_month_and_weekend_shift() -> None:
    ref = standard_reference(payment_terms="60 days end of month", payment_terms_days=60)
    issue = date(2026, 11, 20)  # month end 30 Nov + 60 = 29 Jan 2027; or 19 Jan rounded to 31 Jan 2027 (a Sunday)
    for due in (date(2027, 1, 29), date(2027, 1, 31), date(2027, 2, 1)):
        inv = standard_invoice(payment_terms="60 days end of month", due_date=due)
        assert codes(check(inv, reference=ref)) == [], due
    inv = standard_invoice(payment_terms="60 days end of month", due_date=issue + timedelta(days=60))
    assert codes(check(inv, reference=ref)) == ["DUE_DATE_INCONSISTENT"]


def test_due_date_uses_reference_terms_when_invoice_has_none() -> None:
    inv = standard_invoice(payment_terms=None, due_date=ISSUE + timedelta(days=10))
    assert codes(check(inv)) == ["DUE_DATE_INCONSISTENT"]
    assert codes(check(standard_invoice(payment_terms=None))) == []


def test_reference_expired_before_after_and_closed() -> None:
    assert codes(check(standard_invoice(issue_date=date(2027, 1, 5)))) == ["REFERENCE_EXPIRED"]
    assert codes(check(reference=standard_reference(effective_date="2026-12-01"))) == ["REFERENCE_EXPIRED"]
    closed = standard_reference()
    closed.closed = True
    assert codes(check(reference=closed)) == ["REFERENCE_EXPIRED"]
    assert check(reference=closed).verdict == "fail"


# --- lines ---------------------------------------------------------------------------------------------------
def test_line_not_in_reference() -> None:
    inv = standard_invoice(lines=[line("Sr. consulting", 2, "150"), line("Travel expenses Munich", 1, "412.50")])
    result = check(inv)
    finding = only(result, "LINE_NOT_IN_REFERENCE")
    assert finding.line == 1 and finding.severity == "error"
    assert result.matched_lines[1].reference_line is None


def test_a_line_unmatched_because_the_reference_table_was_read_badly_is_a_review() -> None:
    inv = standard_invoice(lines=[line("Sr. consulting", 2, "150"), line("Installation kit", 1, "412.50")])
    # the reference's lines add up to 31,500 but its subtotal says 31,912.50: a line was lost in reading
    short = standard_reference(subtotal="31912.50")
    finding = only(check(inv, reference=short), "LINE_NOT_IN_REFERENCE")
    assert finding.severity == "warning" and "subtotal" in finding.message
    shaky = [*STANDARD_LINES[:2], dict(STANDARD_LINES[2])]
    ref = standard_reference(lines=shaky)
    ref.extraction.line_items[2].confidence = 0.4  # a row read with low confidence
    assert only(check(inv, reference=ref), "LINE_NOT_IN_REFERENCE").severity == "warning"
    sound = standard_reference(subtotal="31500.00")  # the lines add up: a stranger is an error
    assert only(check(inv, reference=sound), "LINE_NOT_IN_REFERENCE").severity == "error"


def test_an_expiry_date_read_with_low_confidence_is_a_review() -> None:
    ref = standard_reference(expiry_date="2026-06-30")
    ref.extraction.fields["expiry_date"].confidence = 0.35
    result = check(reference=ref)
    assert result.verdict == "review"
    assert only(result, "REFERENCE_EXPIRED").severity == "warning"


def test_price_mismatch_respects_both_tolerances() -> None:
    over = check(standard_invoice(lines=[line("Sr. consulting", 2, "152.00")]))
    finding = only(over, "PRICE_MISMATCH")
    assert (finding.line, finding.field, finding.expected, finding.actual) == (0, "unit_price", "150.00", "152.00")
    assert finding.evidence["bbox"][1] == pytest.approx(0.4)
    within_pct = check(standard_invoice(lines=[line("Sr. consulting", 2, "150.70")]))  # 0.47 % < 0.5 %
    assert "PRICE_MISMATCH" not in codes(within_pct)
    cheap_ref = standard_reference(lines=[{"description": "Cable tie", "quantity": "1000", "unit_price": "0.10"}])
    within_abs = check(standard_invoice(lines=[line("cable ties", 100, "0.11", tax_rate=None)]), reference=cheap_ref)
    assert "PRICE_MISMATCH" not in codes(within_abs)
    strict = Policy(price_tolerance_pct=Decimal("0"), price_tolerance_abs=Decimal("0"))
    assert "PRICE_MISMATCH" in codes(
        check(standard_invoice(lines=[line("Sr. consulting", 2, "150.70")]), policy=strict)
    )


def test_a_discounted_po_line_may_be_billed_at_its_net_price() -> None:
    discounted = [{"description": "Senior consulting services", "quantity": "100", "unit_price": "150.00",
                   "amount": "13500.00", "tax_rate": "19"}]  # 10 % off in a discount column  # fmt: skip
    ref = standard_reference(lines=discounted)
    assert codes(check(standard_invoice(lines=[line("Sr. consulting", 40, "135.00")]), reference=ref)) == []
    assert codes(check(standard_invoice(lines=[line("Sr. consulting", 40, "150.00")]), reference=ref)) == []
    finding = only(
        check(standard_invoice(lines=[line("Sr. consulting", 40, "142.00")]), reference=ref), "PRICE_MISMATCH"
    )
    assert (finding.expected, finding.actual) == ("150.00", "142.00") and "135.00" in finding.message


def test_line_rate_against_the_single_rate_the_reference_totals_imply() -> None:
    no_rates = [{k: v for k, v in ln.items() if k != "tax_rate"} for ln in STANDARD_LINES]
    # 31500.00 net + 8 % (shipping included in the base) = 2520.00 tax
    ref = standard_reference(lines=no_rates, subtotal="31000.00", tax_total="2520.00", total="34020.00")
    assert codes(check(standard_invoice(lines=[line("Sr. consulting", 2, "150", tax_rate="8")]), reference=ref)) == []
    result = check(standard_invoice(lines=[line("Sr. consulting", 2, "150", tax_rate="19")]), reference=ref)
    finding = only(result, "TAX_MISMATCH")
    assert (finding.line, finding.expected, finding.actual, finding.severity) == (0, "8", "19", "error")
    swiss = standard_reference(lines=no_rates, tax_total="2551.50", total="34051.50")  # 8.1 % of 31500.00
    assert (
        codes(check(standard_invoice(lines=[line("Sr. consulting", 2, "150", tax_rate="8.1")]), reference=swiss)) == []
    )
    tax_free = standard_reference(lines=no_rates, subtotal="31500.00", total="31500.00")
    assert "TAX_MISMATCH" in codes(check(standard_invoice(lines=[line("Sr. consulting", 2, "150", tax_rate="5")]),
                                         reference=tax_free))  # fmt: skip
    odd = standard_reference(lines=no_rates, tax_total="2000.00", total="33500.00")  # 6.349... %: no rate
    assert codes(check(standard_invoice(lines=[line("Sr. consulting", 2, "150", tax_rate="19")]), reference=odd)) == []


def test_lines_at_different_rates_under_a_reference_without_rates_need_a_look() -> None:
    no_rates = [{k: v for k, v in ln.items() if k != "tax_rate"} for ln in STANDARD_LINES]
    ref = make_reference(no_rates, doc_type="contract", contract_number="C-1", currency="EUR")
    lines = [line("Sr. consulting", 2, "150", tax_rate="21"), line("Software license", 1, "1200", tax_rate="21"),
             line("Training day", 1, "900", tax_rate="19")]  # fmt: skip
    result = check(make_invoice(lines, po_number=None, contract_number="C-1"), reference=ref)
    finding = only(result, "TAX_MISMATCH")
    assert (finding.line, finding.expected, finding.actual, finding.severity) == (2, "21", "19", "warning")
    assert result.verdict == "review"
    tie = check(make_invoice(lines[1:], po_number=None, contract_number="C-1"), reference=ref)
    assert only(tie, "TAX_MISMATCH").line is None
    same = [line("Sr. consulting", 2, "150", tax_rate="21"), line("Training day", 1, "900", tax_rate="21")]
    assert check(make_invoice(same, po_number=None, contract_number="C-1"), reference=ref).verdict == "pass"
    goods_po = standard_reference(lines=no_rates)  # a PO of goods may mix rates (food and tools)
    assert check(make_invoice(lines), reference=goods_po).verdict == "pass"


def test_tax_rate_mismatch_on_a_line() -> None:
    result = check(standard_invoice(lines=[line("Sr. consulting", 2, "150", tax_rate="7")]))
    finding = only(result, "TAX_MISMATCH")
    assert (finding.line, finding.field, finding.expected, finding.actual) == (0, "tax_rate", "19", "7")


def test_tax_total_against_line_rates_uses_reference_rate_when_missing() -> None:
    good = standard_invoice(lines=[line("Sr. consulting", 2, "150", tax_rate=None)], tax_total=Decimal("57.00"))
    good = good.model_copy(update={"total": Decimal("357.00")})
    assert codes(check(good)) == []
    bad = good.model_copy(update={"tax_total": Decimal("21.00"), "total": Decimal("321.00")})
    finding = only(check(bad), "TAX_MISMATCH")
    assert (finding.field, finding.expected, finding.actual) == ("tax_total", "57.00", "21.00")


def test_line_amount_arithmetic_with_rounding_slack() -> None:
    bad = standard_invoice(lines=[line("Sr. consulting", 3, "150", amount="460.00")])
    finding = only(check(bad), "LINE_AMOUNT_ARITHMETIC")
    assert (finding.line, finding.expected, finding.actual) == (0, "450.00", "460.00")
    rounded = standard_invoice(lines=[line("Sr. consulting", "0.333", "150", amount="49.96")])
    assert "LINE_AMOUNT_ARITHMETIC" not in codes(check(rounded))  # 49.95 vs 49.96: within 0.02 slack


def test_line_amount_in_yen_has_no_decimals() -> None:
    ref = standard_reference(currency="JPY", lines=[{"description": "Widget", "quantity": "10", "unit_price": "333"}])
    inv = make_invoice([line("widget", 3, "333", tax_rate=None, currency="JPY")], currency="JPY")
    assert codes(precheck(inv, ref, [], POLICY)) == []
    off = make_invoice([line("widget", 3, "333", amount="1000", tax_rate=None)], currency="JPY")
    assert "LINE_AMOUNT_ARITHMETIC" in codes(precheck(off, ref, [], POLICY))


def test_totals_arithmetic_subtotal_and_total() -> None:
    inv = standard_invoice()
    assert codes(check(inv.model_copy(update={"subtotal": inv.subtotal + 10}))) == ["TOTALS_ARITHMETIC"] * 2
    assert codes(check(inv.model_copy(update={"total": inv.total + 1}))) == ["TOTALS_ARITHMETIC"]
    no_sub = inv.model_copy(update={"subtotal": None})
    assert codes(check(no_sub)) == []
    no_sub_no_tax = inv.model_copy(update={"subtotal": None, "tax_total": None})
    assert codes(check(no_sub_no_tax)) == []  # lines + tax from the line rates
    wrong = inv.model_copy(update={"subtotal": None, "tax_total": None, "total": inv.subtotal})
    assert codes(check(wrong)) == ["TOTALS_ARITHMETIC"]


# --- quantities over earlier invoices ---------------------------------------------------------------------------
def test_quantity_exceeds_reference_in_one_invoice() -> None:
    finding = only(check(standard_invoice(lines=[line("Sr. consulting", 120, "150")])), "QUANTITY_EXCEEDS_REFERENCE")
    assert (finding.line, finding.expected, finding.actual) == (0, "100", "120")


def test_quantity_counts_earlier_invoices_on_the_same_po_only() -> None:
    earlier = [
        standard_invoice(invoice_number="INV-A", lines=[line("Senior consulting services", 60, "150")]),
        standard_invoice(invoice_number="INV-B", lines=[line("CONSULTING, SENIOR", 30, "150")]),
        standard_invoice(invoice_number="INV-X", po_number="PO-9999", lines=[line("Sr. consulting", 90, "150")]),
        standard_invoice(invoice_number="INV-Y", customer_id="OTHER", lines=[line("Sr. consulting", 90, "150")]),
    ]
    now = standard_invoice(invoice_number="INV-C", lines=[line("Sr. consulting svcs", 15, "150")])
    finding = only(check(now, earlier=earlier), "QUANTITY_EXCEEDS_REFERENCE")
    assert (finding.expected, finding.actual) == ("10", "15")
    assert "INV-A" in finding.message and "INV-X" not in finding.message
    ok = standard_invoice(invoice_number="INV-C", lines=[line("Sr. consulting svcs", 10, "150")])
    assert "QUANTITY_EXCEEDS_REFERENCE" not in codes(check(ok, earlier=earlier))


def test_quantity_tolerance_and_split_lines() -> None:
    split = standard_invoice(lines=[line("Sr. consulting Oct", 60, "150"), line("Sr. consulting Nov", 45, "150")])
    assert codes(check(split)) == ["QUANTITY_EXCEEDS_REFERENCE"]
    assert codes(check(split, policy=Policy(quantity_tolerance_pct=Decimal("5")))) == []


def test_contract_rate_schedule_has_no_quantity_cap() -> None:
    contract = make_reference(
        STANDARD_LINES, doc_type="contract", contract_number="C-7", currency="EUR", payment_terms_days=30
    )
    inv = standard_invoice(po_number=None, contract_number="C-7", lines=[line("Sr. consulting", 500, "150")])
    assert codes(precheck(inv, contract, [], POLICY)) == []


# --- duplicates ----------------------------------------------------------------------------------------------
def test_duplicate_by_number_and_a_corrected_resubmission() -> None:
    first = standard_invoice()
    assert only(check(standard_invoice(), earlier=[first]), "DUPLICATE_INVOICE").severity == "error"
    corrected = standard_invoice(lines=[line("Sr. consulting", 1, "150")])  # same number, new content
    assert "DUPLICATE_INVOICE" not in codes(check(corrected, earlier=[first]))
    other = standard_invoice(invoice_number="INV-0", lines=[line("Sr. consulting", 1, "150")])
    assert "DUPLICATE_INVOICE" not in codes(check(earlier=[other]))


def _later(days: int, **fields):
    return standard_invoice(invoice_number="INV-9", issue_date=ISSUE + timedelta(days=days),
                            due_date=ISSUE + timedelta(days=days + 30), **fields)  # fmt: skip


def test_duplicate_by_content_under_another_number_within_the_window() -> None:
    first = standard_invoice(invoice_number="INV-0")
    for days in (0, 3, 21, 42):  # re-sent the same day or weeks later, whatever reference it finds
        for reference in ("standard", None):
            assert only(check(_later(days), reference=reference, earlier=[first]), "DUPLICATE_INVOICE").severity == (
                "error"
            )
    assert "DUPLICATE_INVOICE" not in codes(check(_later(60), earlier=[first]))  # outside the window
    narrow = Policy(duplicate_window_days=14)
    assert "DUPLICATE_INVOICE" not in codes(check(_later(21), earlier=[first], policy=narrow))
    # found even when the original's check failed (it was never sent, but this is the same invoice again)
    assert "DUPLICATE_INVOICE" in codes(check(_later(5), earlier=[], failed=[first]))
    other_customer = standard_invoice(invoice_number="INV-0", customer_id="OTHER")
    assert "DUPLICATE_INVOICE" not in codes(check(standard_invoice(invoice_number="INV-9"), earlier=[other_customer]))


def test_a_recurring_schedule_is_no_duplicate() -> None:
    fee = [{"description": "Managed hosting, monthly fee", "unit": "month", "unit_price": "900.00", "tax_rate": "19"}]
    contract = make_reference(fee, doc_type="contract", contract_number="MSA-7", currency="EUR",
                              payment_terms="Net 30", payment_terms_days=30)  # fmt: skip
    kw = {"po_number": None, "contract_number": "MSA-7"}
    nov = standard_invoice(invoice_number="INV-11", lines=[line("Managed hosting", 1, "900")], **kw)
    dec = _later(30, lines=[line("Managed hosting", 1, "900")], **kw)
    assert codes(check(dec, reference=contract, earlier=[nov])) == []  # next month's fee
    again = _later(4, lines=[line("Managed hosting", 1, "900")], **kw)
    assert "DUPLICATE_INVOICE" in codes(check(again, reference=contract, earlier=[nov]))  # same month twice
    # billing periods in the lines tell it even without a schedule: another period is no duplicate
    oct_ = standard_invoice(invoice_number="INV-12", lines=[line("Sr. consulting Oct 2026", 4, "150")])
    nov_ = _later(3, lines=[line("Sr. consulting Nov 2026", 4, "150")])
    assert "DUPLICATE_INVOICE" not in codes(check(nov_, earlier=[oct_]))
    assert "DUPLICATE_INVOICE" in codes(check(_later(3, lines=[line("Sr. consulting 10/2026", 4, "150")]),
                                              earlier=[oct_]))  # fmt: skip


def test_a_resent_invoice_is_reported_once_not_billed_twice() -> None:
    first = standard_invoice(invoice_number="INV-0", lines=[line("Sr. consulting", 60, "150")])
    again = _later(9, lines=[line("SENIOR CONSULTING SVCS", 60, "150")])
    assert codes(check(again, earlier=[first])) == ["DUPLICATE_INVOICE"]  # 120 of 100 hours only if both go out
    more = _later(9, lines=[line("SENIOR CONSULTING SVCS", 50, "150")])
    assert codes(check(more, earlier=[first])) == ["QUANTITY_EXCEEDS_REFERENCE"]
    other_item = _later(9, lines=[line("On-site training day", 40, "150")])
    assert "DUPLICATE_INVOICE" not in codes(check(other_item, earlier=[first]))  # same numbers, another item


# --- confidence ---------------------------------------------------------------------------------------------
def test_low_confidence_value_a_pass_relies_on_means_review() -> None:
    # the quantity allowed is only compared (billed <= allowed): the invoice does not confirm it, nor does the
    # row (no amount read to multiply out)
    lines = [dict(STANDARD_LINES[0], amount=None, _low={"quantity": 0.3}), *STANDARD_LINES[1:]]
    result = check(reference=standard_reference(lines=lines))
    assert result.verdict == "review"
    finding = only(result, "LOW_CONFIDENCE")
    assert (finding.line, finding.field, finding.actual, finding.confidence) == (1, "quantity", "100", 0.3)
    assert finding.evidence["document_id"] == "doc-ref-1"


def test_low_confidence_value_the_invoice_states_exactly_is_confirmed() -> None:
    lines = [dict(STANDARD_LINES[0], _low={"unit_price": 0.3}), *STANDARD_LINES[1:]]
    assert check(reference=standard_reference(lines=lines)).verdict == "pass"  # 150.00 billed, 150.00 read
    # within the price tolerance but not the same: the read value is not confirmed
    lines = [dict(STANDARD_LINES[0], unit_price="150.20", amount=None, _low={"unit_price": 0.3})]
    result = check(reference=standard_reference(lines=[*lines, *STANDARD_LINES[1:]]))
    assert [(f.code, f.field) for f in result.findings if f.code == "LOW_CONFIDENCE"] == [
        ("LOW_CONFIDENCE", "unit_price")
    ]


def test_low_confidence_values_the_document_bears_out_are_trusted() -> None:
    # quantity x price = amount on the reference's row: a misreading rarely multiplies out
    lines = [dict(STANDARD_LINES[0], _low={"quantity": 0.3, "unit_price": 0.2}), *STANDARD_LINES[1:]]
    assert check(reference=standard_reference(lines=lines)).verdict == "pass"
    # subtotal + tax = total: the totals bear each other out (the rate comes from them); one that does not add up
    # stays unsure
    untaxed = [dict(ln, tax_rate=None) for ln in STANDARD_LINES]
    low = {"subtotal": 0.1, "tax_total": 0.1, "total": 0.1}
    totals = {"subtotal": "31500.00", "tax_total": "5985.00", "total": "37485.00"}
    sound = standard_reference(lines=untaxed, **totals)
    off = standard_reference(lines=untaxed, **{**totals, "total": "37490.00"})
    for ref in (sound, off):
        for name in low:
            ref.extraction.fields[name].confidence = 0.1
    assert check(reference=sound).verdict == "pass"
    assert "LOW_CONFIDENCE" in codes(check(reference=off))


def test_low_confidence_terms_the_invoice_states_are_confirmed() -> None:
    ref = standard_reference()
    for name in ("payment_terms", "payment_terms_days"):
        ref.extraction.fields[name].confidence = 0.1
    assert check(reference=ref).verdict == "pass"  # the invoice says Net 30 too
    assert "LOW_CONFIDENCE" in codes(check(standard_invoice(payment_terms=None), reference=ref))


def test_finding_on_low_confidence_value_is_a_warning() -> None:
    ref = make_reference(
        STANDARD_LINES, po_number="PO-1001", currency="USD", payment_terms_days=30, low={"currency": 0.2}
    )
    result = check(reference=ref)
    assert result.verdict == "review"
    assert only(result, "CURRENCY_MISMATCH").severity == "warning"
    assert only(result, "LOW_CONFIDENCE").field == "currency"


def test_low_confidence_value_nobody_relies_on_is_ignored() -> None:
    lines = [*STANDARD_LINES[:2], dict(STANDARD_LINES[2], _low={"unit_price": 0.1})]  # training is not billed
    assert check(reference=standard_reference(lines=lines)).verdict == "pass"


def test_contract_shape_of_the_result() -> None:
    jsonschema = pytest.importorskip("jsonschema")
    import json
    from pathlib import Path

    schema = json.loads(Path("/work/shared/contract/precheck-response.schema.json").read_text())
    inv = standard_invoice(currency="USD", lines=[line("Sr. consulting", 2, "152"), line("Travel", 1, "10")])
    body = check(inv).to_contract("chk-1")
    jsonschema.validate(body, schema)
    assert body["verdict"] == "fail" and {f["code"] for f in body["findings"]} >= {"PRICE_MISMATCH"}


def test_a_reference_line_that_does_not_multiply_out_is_a_review_not_an_error() -> None:
    # a scan's row with other rows' cells read into it: 16380 x 4240.00 is not 336.00
    broken = dict(STANDARD_LINES[0], quantity="16380", amount="336.00")
    dearer = standard_invoice(lines=[line("Sr. consulting", 2, "152.00")])
    result = check(dearer, standard_reference(lines=[broken]))
    assert result.verdict == "review"
    assert only(result, "PRICE_MISMATCH").severity == "warning"
    # a discount column (the amount a tenth under quantity x price) is a line that adds up: still an error
    discounted = dict(STANDARD_LINES[0], amount="13500.00")
    result = check(dearer, standard_reference(lines=[discounted]))
    assert only(result, "PRICE_MISMATCH").severity == "error"


def test_a_price_per_hundred_or_a_gross_amount_is_a_line_that_adds_up() -> None:
    dearer = standard_invoice(lines=[line("Sr. consulting", 2, "152.00")])
    for amount in ("150.00", "17850.00"):  # 100 x 150.00 priced per 100; 15000.00 with 19 % tax in it
        result = check(dearer, standard_reference(lines=[dict(STANDARD_LINES[0], amount=amount)]))
        assert only(result, "PRICE_MISMATCH").severity == "error", amount


# --- references of unseen layouts: tables read short, prices that lost their thousands ------------------------
GOODS = [  # a PO that repeats its goods under several codes, as distributors' orders do
    {"sku": "ART-1001", "description": "Copper tube 15mm x 3m", "quantity": "20", "unit_price": "106.16",
     "amount": "2123.20", "tax_rate": "19"},
    {"sku": "ART-1002", "description": "Copper tube 15mm x 3m", "quantity": "8", "unit_price": "290.28",
     "amount": "2322.24", "tax_rate": "19"},
    {"sku": "ART-1003", "description": "Hardwood dowel 12mm", "quantity": "25", "unit_price": "25.93",
     "amount": "648.25", "tax_rate": "19"},
]  # fmt: skip
LOST = {"sku": "ART-1004", "description": "Copper tube 15mm x 3m", "quantity": "1", "unit_price": "572.19",
        "amount": "572.19", "tax_rate": "19"}  # fmt: skip


def _goods_reference(read: list[dict], subtotal: str) -> object:
    return standard_reference(lines=read, subtotal=subtotal)


def test_a_line_the_extractor_lost_from_a_short_table_is_a_review_not_an_error() -> None:
    # the PO's subtotal holds four lines, three were read: the invoice's ART-1004 pairs with the nearest copper tube
    lost = line("Copper tube 15mm x 3m", 1, "572.19", sku="ART-1004")
    result = check(standard_invoice(lines=[lost]), _goods_reference(GOODS, "5665.88"))
    assert result.verdict == "review"
    finding = only(result, "PRICE_MISMATCH")
    assert finding.severity == "warning" and "ART1004 is on no line read" in finding.message
    # without a SKU, words that fit two lines as well leave the pairing in doubt too
    bare = line("Copper tube 15mm x 3m", 1, "572.19")
    assert check(standard_invoice(lines=[bare]), _goods_reference(GOODS, "5665.88")).verdict == "review"
    # a table that adds up to its subtotal holds every line: the same invoice is a price error
    sound = _goods_reference(GOODS, "5093.69")
    assert only(check(standard_invoice(lines=[lost]), sound), "PRICE_MISMATCH").severity == "error"
    # and on the short table, a line naming a line that was read keeps its error
    dearer = line("Copper tube 15mm x 3m", 1, "300.00", sku="ART-1002")
    assert (
        only(check(standard_invoice(lines=[dearer]), _goods_reference(GOODS, "5665.88")), "PRICE_MISMATCH").severity
        == "error"
    )


def test_a_quantity_over_a_line_billed_at_its_very_price_stays_an_error_on_a_short_table() -> None:
    over = line("Copper tube 15mm x 3m", 9, "290.28")  # words fit two lines, the price names ART-1002
    result = check(standard_invoice(lines=[over]), _goods_reference(GOODS, "5665.88"))
    assert only(result, "QUANTITY_EXCEEDS_REFERENCE").severity == "error"


@pytest.mark.parametrize(
    ("billed", "severity"), [("1355.27", "warning"), ("14355.27", "warning"), ("1455.27", "error")]
)
def test_a_reference_price_that_lost_its_leading_digits_is_a_review(billed: str, severity: str) -> None:
    # "1 355,27 EUR" read as 355.27: the invoice's price less a whole thousand is the reading
    audit = {"description": "Audit de sécurité des installations", "unit_price": "355.27"}
    inv = standard_invoice(lines=[line("Audit de sécurité des installations", 1, billed)])
    finding = only(check(inv, standard_reference(lines=[audit])), "PRICE_MISMATCH")
    assert finding.severity == severity
    assert ("without its leading digits" in finding.message) == (severity == "warning")
