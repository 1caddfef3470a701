"""Tax with charges, several taxes and tax-inclusive prices, against references that print them."""

from decimal import Decimal

from extraction.result import Charge, Extraction, TaxLine
from matching import precheck
from matching.types import CheckResult, Policy, Reference
from tests.matching_fixtures import line, make_invoice, make_reference

D = Decimal
GOODS = [
    {"sku": "W-1", "description": "Widget, large", "quantity": "10", "unit_price": "50.00", "amount": "500.00"},
    {"sku": "W-2", "description": "Gadget, small", "quantity": "20", "unit_price": "13.25", "amount": "265.00"},
]  # subtotal 765.00


def us_po(tax_lines=(), charges=(), **header) -> Reference:
    fields = {"po_number": "PO-1001", "currency": "USD", "subtotal": "765.00"} | header
    ref = make_reference(GOODS, **fields)
    ref.extraction.tax_lines, ref.extraction.charges = list(tax_lines), list(charges)
    return ref


def codes(result: CheckResult) -> list[str]:
    return sorted({f.code for f in result.findings})


def invoice(lines, **fields):
    return make_invoice(lines, currency="USD", **fields)


def goods(rate=None):
    return [line("Widget large", 10, "50.00", sku="W-1", tax_rate=rate, currency="USD"),
            line("GADGET SMALL", 20, "13.25", tax_rate=rate, currency="USD")]  # fmt: skip


FREIGHT = Charge("freight", "Freight", D("45.00"), taxed=False)
STATE_COUNTY = [TaxLine("State Sales Tax 6.25%", D("6.25"), D("47.81")), TaxLine("County Tax 2%", D("2"), D("15.30"))]


def check(inv, ref) -> CheckResult:
    return precheck(inv, ref, [], Policy())


def test_us_sales_tax_leaves_the_freight_out() -> None:
    ref = us_po(STATE_COUNTY, [FREIGHT], tax_total="63.11", total="873.11")
    freight = line("Freight", 1, "45.00", tax_rate=None, currency="USD")
    clean = invoice([*goods(), freight], tax_total=D("63.11"), total=D("873.11"))
    assert codes(check(clean, ref)) == []
    with_rates = [*goods("8.25"), line("Freight", 1, "45.00", tax_rate="0", currency="USD")]
    assert codes(check(invoice(with_rates), ref)) == []
    taxed_freight = invoice([*goods(), freight], tax_total=D("66.83"), total=D("876.83"))  # 8.25 % of 810
    assert codes(check(taxed_freight, ref)) == ["TAX_MISMATCH"]
    wrong_rate = invoice(goods("9.25"))
    assert codes(check(wrong_rate, ref)) == ["TAX_MISMATCH"]


def test_a_freight_billed_outside_the_lines_adds_up() -> None:
    ref = us_po(STATE_COUNTY, [FREIGHT], tax_total="63.11", total="873.11")
    inv = invoice(goods(), subtotal=D("765.00"), tax_total=D("63.11"), total=D("873.11"))
    assert codes(check(inv, ref)) == []
    off = invoice(goods(), subtotal=D("765.00"), tax_total=D("63.11"), total=D("883.11"))
    assert codes(check(off, ref)) == ["TOTALS_ARITHMETIC"]


def test_without_printed_rates_the_rate_is_implied_on_the_right_base() -> None:
    # "State Sales Tax 8.25 %" read only as a tax total: 63.11 / (873.11 - 63.11) is no rate, 63.11 / 765 is 8.25
    ref = us_po(charges=[Charge("shipping", "Shipping", D("45.00"))], tax_total="63.11", total="873.11")
    assert codes(check(invoice(goods(), tax_total=D("63.11"), total=D("828.11")), ref)) == []
    assert codes(check(invoice(goods("8.25")), ref)) == []
    assert codes(check(invoice(goods("7.25")), ref)) == ["TAX_MISMATCH"]


def test_vat_applies_to_the_charges_too() -> None:
    vat = [TaxLine("VAT 20%", D("20"), D("162.00"))]
    ref = us_po(vat, [Charge("shipping", "Delivery charges", D("45.00"), taxed=True)], tax_total="162.00",
                total="972.00", currency="GBP")  # fmt: skip
    lines = [*goods("20"), line("Delivery", 1, "45.00", tax_rate="20", currency="GBP")]
    assert codes(check(make_invoice(lines, currency="GBP"), ref)) == []
    untaxed = [*goods("20"), line("Delivery", 1, "45.00", tax_rate="0", currency="GBP")]
    assert codes(check(make_invoice(untaxed, currency="GBP"), ref)) == ["TAX_MISMATCH"]


def test_stacked_taxes_add_up_and_split_rates_stay_per_line() -> None:
    gst_pst = [TaxLine("GST 5%", D("5"), D("38.25")), TaxLine("PST 7%", D("7"), D("53.55"))]
    ref = us_po(gst_pst, tax_total="91.80", total="856.80", currency="CAD")
    for rate in ("12", "5"):  # the combined rate, or the federal one a billing system lists
        inv = make_invoice(goods(rate), currency="CAD")
        if rate == "5":
            inv = inv.model_copy(update={"tax_total": D("91.80"), "total": D("856.80")})
        assert codes(check(inv, ref)) == [], rate
    assert codes(check(make_invoice(goods("15"), currency="CAD"), ref)) == ["TAX_MISMATCH"]
    # VAT 21 % and 9 % on different lines: each line one of them, no single rate
    split = [TaxLine("VAT 21%", D("21"), D("105.00")), TaxLine("VAT 9%", D("9"), D("23.85"))]
    ref = us_po(split, tax_total="128.85", total="893.85", currency="EUR")
    mixed = [line("Widget large", 10, "50.00", tax_rate="21"), line("Gadget small", 20, "13.25", tax_rate="9")]
    assert codes(check(make_invoice(mixed), ref)) == []
    assert codes(check(make_invoice([line("Widget large", 10, "50.00", tax_rate="19")]), ref)) == ["TAX_MISMATCH"]


def test_tax_inclusive_prices() -> None:
    included = [TaxLine("incl. VAT 19%", D("19"), D("122.14"), included=True)]
    ref = us_po(included, total="765.00", currency="EUR")
    inv = make_invoice(goods("19"), currency="EUR", subtotal=D("765.00"), tax_total=D("122.14"), total=D("765.00"))
    assert codes(check(inv, ref)) == []
    wrong = inv.model_copy(update={"tax_total": D("145.35")})  # 19 % added on top, total left alone
    assert "TAX_MISMATCH" in codes(check(wrong, ref))


def test_contract_extras_round_trip() -> None:
    ref = us_po(STATE_COUNTY, [FREIGHT], tax_total="63.11", total="873.11")
    body = ref.extraction.to_contract("doc-1")
    assert body["fields"]["tax_lines"]["value"][0] == {
        "label": "State Sales Tax 6.25%", "rate": "6.25", "amount": "47.81", "base": None, "included": False,
        "confidence": 1.0,
    }  # fmt: skip
    assert body["fields"]["charges"]["value"][0]["taxed"] is False
    back = Extraction.from_contract(body)
    assert (back.tax_lines, back.charges) == (ref.extraction.tax_lines, ref.extraction.charges)
    assert "tax_lines" not in back.fields


def test_a_total_read_as_a_tax_incl_gst_says_nothing_of_tax_inside_the_prices() -> None:
    # "Works Value Incl. GST 841.50" read as a tax line of the total's amount: GST 76.50 is added on top, 10 %
    ref = us_po([TaxLine("Works Value Incl. GST", None, D("841.50"), included=True)], tax_total="76.50", total="841.50")
    wrong = goods(D("5"))  # billed at 5 %: the implied 10 % says so
    result = precheck(invoice(wrong), ref, [], Policy())
    assert "TAX_MISMATCH" in codes(result) and result.verdict == "fail"
    assert precheck(invoice(goods(D("10"))), ref, [], Policy()).verdict == "pass"


def totals_only(items, currency, subtotal, tax_total, total, *charges: Charge) -> Reference:
    """A reference whose tax was read only as its totals (no tax line), with its charges."""
    ref = make_reference(items, po_number="PO-1001", currency=currency, subtotal=subtotal, tax_total=tax_total,
                         total=total)  # fmt: skip
    ref.extraction.charges = list(charges)
    return ref


def test_a_taxed_freight_stays_in_the_base_of_an_implied_rate() -> None:
    # GST 5 % + PST 7 %, each rounded, on goods 2335.34 + freight 389.18 (taxed): 136.23 + 190.72 = 326.95, read
    # only as a tax total. 12 % of 2724.52 is 326.94 (within the rounding of two taxes); 14 % of the goods alone is
    # 326.95 to the cent, a spurious fit on a base that leaves out a freight the reference says is taxed.
    items = [
        {"sku": "A979", "description": "Senior consulting services", "quantity": "12", "unit_price": "158.52",
         "amount": "1902.24"},
        {"sku": "B985", "description": "Printer toner cartridge black", "quantity": "5", "unit_price": "86.62",
         "amount": "433.10"},
    ]  # fmt: skip
    ref = totals_only(
        items, "CAD", "2335.34", "326.95", "3051.47", Charge("freight", "Freight", D("389.18"), taxed=True)
    )
    lines = [line("Sr. consultant hours", 10, "158.52", tax_rate="12", currency="CAD"),
             line("Freight", 1, "389.18", tax_rate="12", currency="CAD")]  # fmt: skip
    assert codes(check(make_invoice(lines, currency="CAD"), ref)) == []
    wrong = [lines[0], line("Freight", 1, "389.18", tax_rate="14", currency="CAD")]
    assert codes(check(make_invoice(wrong, currency="CAD"), ref)) == ["TAX_MISMATCH"]


def test_a_tax_inside_the_prices_above_the_goods_alone_is_a_tax_on_goods_and_charges() -> None:
    # VAT 19 % inside goods 62.86 and handling + shipping 478.62: 86.45, above the goods' subtotal but a tax all
    # the same (a total read with its "incl. VAT" caption is above goods and charges)
    items = [
        {"description": "Stainless steel hex bolt M8x40", "quantity": "20", "unit_price": "2.73", "amount": "54.60"},
        {"description": "Ethernet cable Cat6 3m", "quantity": "2", "unit_price": "4.13", "amount": "8.26"},
    ]
    ref = totals_only(items, "EUR", "62.86", "86.45", "541.48", Charge("handling", "Handling", D("323.89"), taxed=True),
                      Charge("shipping", "Shipping", D("154.73"), taxed=True))  # fmt: skip
    ref.extraction.tax_lines = [TaxLine("incl. VAT 19%", None, D("86.45"), included=True)]
    lines = [line("STAINLESS STEEL HEX BOLT M8X40", 15, "2.73"), line("ETHERNET CABLE CAT6 3M", 2, "4.13")]
    inv = make_invoice(lines, subtotal=D("49.21"), tax_total=D("84.27"), total=D("527.83"))  # charges after it
    assert codes(check(inv, ref)) == []


def test_an_implied_rate_accepts_a_rate_that_gives_the_tax_within_the_rounding_of_stacked_taxes() -> None:
    # State 6.25 % + county 2 % on 53.16, each rounded: 3.32 + 1.06 = 4.38, read only as a tax total. 8.24 % gives
    # 4.38 to the cent, 8.25 % 4.39 (within the rounding of two taxes): the invoice's 8.25 % is no mismatch
    items = [
        {"sku": "A1", "description": "Cable Cat6 3m", "quantity": "12", "unit_price": "3.00", "amount": "36.00"},
        {"sku": "B2", "description": "Hex bolt M8x40", "quantity": "12", "unit_price": "1.43", "amount": "17.16"},
    ]  # fmt: skip
    ref = totals_only(items, "USD", "53.16", "4.38", "347.79", Charge("handling", "Handling", D("290.25"), taxed=False))
    lines = [line("CABLE CAT6 3M", 12, "3.00", tax_rate="8.25", currency="USD"),
             line("Hex bolt M8x40", 6, "1.43", tax_rate="8.25", currency="USD")]  # fmt: skip
    assert codes(check(invoice(lines), ref)) == []
    wrong = [line("CABLE CAT6 3M", 12, "3.00", tax_rate="11.25", currency="USD")]
    assert codes(check(invoice(wrong), ref)) == ["TAX_MISMATCH"]


def test_the_total_less_the_tax_leaves_out_a_charge_said_untaxed() -> None:
    # State 6.25 % + county 2 % on goods 12708.68, each rounded: 794.29 + 254.17 = 1048.46 (8.25 % within the
    # rounding); the freight 235.33 is untaxed. On the total less the tax, freight included, 8.1 % fits to the
    # cent: a base the untaxed freight rules out. The invoice's one chair at 8.25 %: 16.67 + 5.33 = 22.00
    items = [
        {"description": "Network switch 48 port managed", "quantity": "10", "unit_price": "1217.52",
         "amount": "12175.20"},
        {"description": "Office chair ergonomic", "quantity": "2", "unit_price": "266.74", "amount": "533.48"},
    ]  # fmt: skip
    freight = Charge("freight", "Freight", D("235.33"), taxed=False)
    ref = totals_only(items, "USD", "12708.68", "1048.46", "13992.47", freight)
    chair = [line("office chair ergonomic", 1, "266.74", tax_rate=None, currency="USD")]
    assert codes(check(invoice(chair, tax_total=D("22.00"), total=D("524.07")), ref)) == []
    assert codes(check(invoice(chair, tax_total=D("21.61"), total=D("523.68")), ref)) == ["TAX_MISMATCH"]  # 8.1 %


def test_an_implied_rate_may_be_stacked_taxes_each_rounded_on_each_line() -> None:
    # GST 5 % + PST 7 % read only as totals (12 % implied); the invoice computes each tax on each line, rounded:
    # 84.05 + 117.67 = 201.72, where 12 % of the lines is 201.69 (eight roundings, not four)
    items = [
        {"description": "Monitor 27 inch 4K", "quantity": "5", "unit_price": "911.97", "amount": "4559.85"},
        {"description": "Office chair ergonomic", "quantity": "20", "unit_price": "135.86", "amount": "2717.20"},
        {"description": "Docking station USB-C", "quantity": "2", "unit_price": "168.22", "amount": "336.44"},
        {"description": "Safety gloves nitrile, size L", "quantity": "100", "unit_price": "19.13", "amount": "1913.00"},
        {"description": "Monitor 24 inch", "quantity": "2", "unit_price": "294.71", "amount": "589.42"},
        {"description": "Ethernet cable Cat6 3m", "quantity": "4", "unit_price": "1.81", "amount": "7.24"},
    ]
    ref = totals_only(
        items, "CAD", "10123.15", "1246.15", "11630.66", Charge("handling", "Handling", D("261.36"), taxed=True)
    )
    lines = [line("safety gloves nitrile, size l", 50, "19.13", tax_rate="12", currency="CAD"),
             line("docking station usb-c", 1, "168.22", tax_rate="12", currency="CAD"),
             line("Monitor 24 inch", 1, "294.71", tax_rate="12", currency="CAD"),
             line("Handling", 1, "261.36", tax_rate="12", currency="CAD")]  # fmt: skip
    inv = make_invoice(lines, currency="CAD", tax_total=D("201.72"), total=D("1882.51"))
    assert codes(check(inv, ref)) == []
    off = inv.model_copy(update={"tax_total": D("201.80"), "total": D("1882.59")})  # 11 cents: no rounding
    assert codes(check(off, ref)) == ["TAX_MISMATCH"]
