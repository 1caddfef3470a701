"""One test per rule for how billing systems bill a PO (bench/bench_precheck_variations.py measures them all):
each clean variation passes, and the fault next to it is still caught."""

from __future__ import annotations

from decimal import Decimal

import pytest

from matching import precheck
from matching.align import LineAligner, pack_factor, pack_sizes
from matching.references import reference_keys
from matching.types import CheckResult, Policy
from tests.matching_fixtures import line, make_invoice, make_reference

POLICY = Policy()


def codes(result: CheckResult) -> list[str]:
    return sorted(f.code for f in result.findings)


def po(*lines: dict, **header) -> object:
    return make_reference(list(lines), po_number="4500012345", currency="EUR", payment_terms_days=30, **header)


GLOVES = {"sku": "4711-0815-01", "description": "Nitrile examination gloves, size L, box of 100", "quantity": "10",
          "unit": "box", "unit_price": "8.50", "amount": "85.00"}  # fmt: skip
BEARING = {"sku": "6100-4410-00", "description": "Ball bearing 6204-2RS sealed", "quantity": "5000",
           "unit": "each", "unit_price": "0.4375", "amount": "2187.50"}  # fmt: skip
VISIT = {"sku": "7300-0001-00", "description": "Preventive maintenance visit, field technician", "quantity": "4",
         "unit": "visit", "unit_price": "412.60", "amount": "1650.40"}  # fmt: skip


def test_note_lines_that_bill_nothing_need_no_po_line() -> None:
    ref = po(VISIT)
    invoice = make_invoice(
        [line("Delivery note 80012345 of 02.11.2026", 0, "0"), line("PM visit field tech", 4, "412.60")],
        po_number="4500012345",
    )
    result = precheck(invoice, ref, [], POLICY)
    assert codes(result) == []
    assert [m.reference_line for m in result.matched_lines] == [None, 0]


def test_a_discount_line_needs_no_po_line_but_an_extra_charge_does() -> None:
    ref = po(VISIT)
    visit = line("PM visit field tech", 4, "412.60")
    discount = make_invoice([visit, line("Volume rebate 3 %", 1, "-49.51")], po_number="4500012345")
    assert codes(precheck(discount, ref, [], POLICY)) == []
    extra = make_invoice([visit, line("Emergency call-out fee", 1, "49.51")], po_number="4500012345")
    assert codes(precheck(extra, ref, [], POLICY)) == ["LINE_NOT_IN_REFERENCE"]


def test_pack_sizes_are_numbers_printed_on_their_own() -> None:
    assert pack_sizes("Gloves, box of 100", "CTN/5", "M6x20 BX200") == {Decimal(100), Decimal(5)}
    ref_line = po(GLOVES).extraction.line_items[0]
    assert pack_factor(line("Gloves nitrile L", 1000, "0.085"), ref_line) == 100
    assert pack_factor(line("Gloves nitrile L", 10, "8.50"), ref_line) == 1
    assert pack_factor(line("Gloves nitrile L", 10, "12.00"), ref_line) == 1  # a wrong price is no unit


def test_a_box_billed_per_piece_is_compared_per_box() -> None:
    ref = po(GLOVES)
    pieces = make_invoice([line("Nitrile gloves L", 1000, "0.085", unit="each")], po_number="4500012345")
    assert codes(precheck(pieces, ref, [], POLICY)) == []
    dearer = make_invoice([line("Nitrile gloves L", 1000, "0.095", unit="each")], po_number="4500012345")
    assert codes(precheck(dearer, ref, [], POLICY)) == ["PRICE_MISMATCH"]
    more = make_invoice([line("Nitrile gloves L", 1100, "0.085", unit="each")], po_number="4500012345")
    assert codes(precheck(more, ref, [], POLICY)) == ["QUANTITY_EXCEEDS_REFERENCE"]


def test_a_po_price_with_more_decimals_explains_the_amount_of_a_rounded_price() -> None:
    ref = po(BEARING)
    rounded = make_invoice([line("Ball bearing 6204-2RS", 5000, "0.44", amount="2187.50")], po_number="4500012345")
    assert codes(precheck(rounded, ref, [], POLICY)) == []
    off = make_invoice([line("Ball bearing 6204-2RS", 5000, "0.44", amount="2190.00")], po_number="4500012345")
    assert codes(precheck(off, ref, [], POLICY)) == ["LINE_AMOUNT_ARITHMETIC"]


def test_gross_prices_are_compared_net_when_the_invoice_holds_its_tax() -> None:
    ref = po(VISIT)
    gross = line("PM visit field tech", 4, "490.99", tax_rate="19")  # 412.60 + 19 %
    inclusive = make_invoice([gross], po_number="4500012345", tax_total=Decimal("313.57"), total=gross.amount)
    assert codes(precheck(inclusive, ref, [], POLICY)) == []
    dearer = line("PM visit field tech", 4, "520.00", tax_rate="19")
    raised = make_invoice([dearer], po_number="4500012345", tax_total=Decimal("332.10"), total=dearer.amount)
    assert codes(precheck(raised, ref, [], POLICY)) == ["PRICE_MISMATCH"]


def test_one_item_on_two_schedule_lines_may_be_billed_as_one() -> None:
    first = {**VISIT, "description": f"{VISIT['description']}, delivery 2026-10-15"}
    second = {**VISIT, "description": f"{VISIT['description']}, delivery 2026-11-10", "quantity": "2",
              "amount": "825.20"}  # fmt: skip
    ref = po(first, second)
    both = make_invoice([line("Preventive maintenance visit", 6, "412.60", sku="7300-0001-00")])
    assert codes(precheck(both, ref, [], POLICY)) == []
    over = make_invoice([line("Preventive maintenance visit", 7, "412.60", sku="7300-0001-00")])
    assert codes(precheck(over, ref, [], POLICY)) == ["QUANTITY_EXCEEDS_REFERENCE"]


def test_a_sku_of_another_numbering_says_nothing_but_another_po_lines_sku_does() -> None:
    ref = po(GLOVES, VISIT)
    items = ref.extraction.line_items
    aligner = LineAligner(semantic=False)
    part_number = line("PM VISIT FIELD TECH", 4, "412.60", sku="SRV-0001")  # the customer's part number
    assert [m.reference_line for m in aligner.align([part_number], items)] == [1]
    wrong_sku = line("PM VISIT FIELD TECH", 4, "412.60", sku="4711-0815-01")  # the gloves' SKU
    assert aligner.score_matrix([wrong_sku], items)[0, 1] < aligner.score_matrix([part_number], items)[0, 1]


def test_an_equal_price_pairs_a_line_whose_words_differ() -> None:
    items = po(GLOVES, VISIT).extraction.line_items
    aligner = LineAligner(semantic=False)
    german = line("Wartungseinsatz vor Ort, Servicetechniker", 4, "412.60")
    assert [m.reference_line for m in aligner.align([german], items)] == [1]
    unknown = line("Wartungseinsatz vor Ort, Servicetechniker", 4, "399.00")
    assert [m.reference_line for m in aligner.align([unknown], items)] == [None]


@pytest.mark.parametrize(
    ("cited", "keys"),
    [
        ("4500012345/10", ["450001234510", "4500012345"]),
        ("4500012345-0010", ["45000123450010", "4500012345"]),
        ("PO# 4500012345", ["4500012345"]),
        ("2024/117", ["2024117"]),  # a short number keeps its last part
        ("MSA-2024-017", ["MSA2024017"]),
        (None, []),
    ],
)
def test_reference_keys_drop_a_po_item_suffix_last(cited, keys) -> None:
    assert reference_keys(cited) == keys


def test_earlier_invoices_citing_a_po_item_count_towards_its_quantity() -> None:
    ref = po(VISIT)
    earlier = make_invoice([line("PM visit", 3, "412.60")], invoice_number="INV-0", po_number="4500012345/10")
    now = make_invoice([line("PM visit", 2, "412.60")], invoice_number="INV-1", po_number="PO# 4500012345")
    assert codes(precheck(now, ref, [earlier], POLICY)) == ["QUANTITY_EXCEEDS_REFERENCE"]
    rest = make_invoice([line("PM visit", 1, "412.60")], invoice_number="INV-1", po_number="PO# 4500012345")
    assert codes(precheck(rest, ref, [earlier], POLICY)) == []
