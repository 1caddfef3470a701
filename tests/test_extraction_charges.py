"""The totals block itemised: tax lines and charges read from the words below the line items."""

from decimal import Decimal

from extraction.charges import close_the_totals, is_a_rate_of, read_tax_and_charges, settle_taxed
from extraction.document import Document, Page, Word
from extraction.forms import amount_groups
from extraction.heuristic.fields import LabelFields
from extraction.result import Charge, Extraction, FieldValue, LineItem, TaxLine
from tests.fixtures_docs import page_of_lines

D = Decimal


def _read(lines: list[str], subtotal: str = "765.00") -> Extraction:
    # one line item on the first row: the table ends there
    item = LineItem({"amount": FieldValue(D(subtotal), 0.99)}, 0.99, 1, (0.05, 0.05, 0.95, 0.062))
    ext = Extraction("purchase_order", 1, {"subtotal": FieldValue(D(subtotal), 0.99)}, [item])
    read_tax_and_charges(page_of_lines(["1 Widget 765.00", *lines]), ext)
    return ext


def test_us_sales_tax_with_an_untaxed_freight() -> None:
    ext = _read(["Subtotal: 765.00", "Freight: 45.00", "State Sales Tax 6.25%: 47.81", "County Tax 2%: 15.30",
                 "Total: $873.11", "Shipping address: 1 Main St"])  # fmt: skip
    assert [(t.rate, t.amount) for t in ext.tax_lines] == [(D("6.25"), D("47.81")), (D("2"), D("15.30"))]
    assert ext.charges == [Charge("freight", "Freight", D("45.00"), taxed=False)]  # settled by arithmetic


def test_vat_on_the_delivery_and_a_discount() -> None:
    ext = _read(["Net total 765.00", "Discount (2%) -15.30", "Delivery charges 45.00", "VAT 20% 158.94",
                 "Total 953.64"])  # fmt: skip
    assert [(c.kind, c.amount, c.taxed) for c in ext.charges] == [
        ("discount", D("-15.30"), True), ("shipping", D("45.00"), True)]  # fmt: skip
    assert ext.tax_lines == [TaxLine("VAT 20%", D("20"), D("158.94"))]


def test_printed_base_included_tax_and_labels_that_are_no_charge() -> None:
    ext = _read(["GST 5% on 765.00 38.25", "Total incl. VAT 803.25", "Delivery date: 12.03.2026",
                 "incl. MwSt 19% 122.14", "VAT No. DE123456789"])  # fmt: skip
    assert ext.tax_lines[0] == TaxLine("GST 5% on", D("5"), D("38.25"), D("765.00"))
    assert ext.tax_lines[1].included and ext.tax_lines[1].rate == D("19")
    assert ext.charges == []


def test_settle_taxed_leaves_open_what_arithmetic_cannot_tell() -> None:
    zero = [TaxLine("Sales Tax 0%", D("0"), D("0.00"))]
    assert settle_taxed(D("100.00"), [Charge("shipping", "Shipping", D("10.00"))], zero)[0].taxed is None
    stated = [Charge("shipping", "Shipping (non-taxable)", D("10.00"), taxed=False)]
    assert settle_taxed(D("100.00"), stated, [TaxLine("Tax 10%", D("10"), D("11.00"))]) == stated


def _bare(lines: list[str], fields: dict[str, str], amounts: list[str]) -> Extraction:
    items = [LineItem({"amount": FieldValue(D(a), 0.99)}, 0.99, 1, (0.05, 0.05, 0.95, 0.062)) for a in amounts]
    ext = Extraction("purchase_order", 1, {k: FieldValue(D(v), 0.9) for k, v in fields.items()}, items)
    read_tax_and_charges(page_of_lines(["1 Widget 600.00", *lines]), ext)
    return ext


def test_totals_by_arithmetic_whatever_the_captions() -> None:
    # captions no table knows; the lines add up to the first amount, the ones after it to the last
    block = ["Positionssumme 765,00", "Frachtanteil 45,00", "Steueranteil 19% 153,90", "Bestellwert 963,90",
             "Steuer-Ident DE123456789"]  # fmt: skip
    ext = _bare(block, {}, ["600.00", "165.00"])
    assert [ext.decimal(n) for n in ("subtotal", "tax_total", "total")] == [D("765.00"), D("153.90"), D("963.90")]
    # a "Goods Total" read as the total: the subtotal, when a discount, a net amount, a tax and a total follow
    block = ["Goods Total 765.00", "Trade Discount 3% -22.95", "Dutiable Value 742.05", "State Tax 7.25% 53.80",
             "Balance Payable 795.85"]  # fmt: skip
    ext = _bare(block, {"total": "765.00"}, ["600.00", "165.00"])
    assert [ext.decimal(n) for n in ("subtotal", "tax_total", "total")] == [D("765.00"), D("53.80"), D("795.85")]


def test_the_subtotal_is_the_sum_of_the_lines_not_the_net_after_a_discount() -> None:
    block = ["Merce 765,00", "Sconto 3% -22,95", "Trasporto 10,00", "Imponibile 752,05", "Imposta 22% 165,45",
             "Netto 917,50"]  # fmt: skip
    ext = _bare(block, {"subtotal": "752.05"}, ["600.00", "165.00"])
    assert ext.decimal("subtotal") == D("765.00")
    # a sum of the lines printed nowhere leaves the subtotal read as it is
    ext = _bare(block[1:], {"subtotal": "752.05"}, ["600.00", "165.00"])
    assert ext.decimal("subtotal") == D("752.05")


def test_tax_and_total_from_a_rated_base_where_the_subtotal_is_unknown() -> None:
    # OCR misread the discount and the lines: the tax is 22 % of the amount above it, and both make the total
    block = ["Merce 455.556,14", "Sconto 2% 9.11112", "Trasporto 313,02", "Imponibile 446.758,04",
             "Imposta 22% 98.286,77", "Importo 545.044,81"]  # fmt: skip
    ext = _bare(block, {}, ["600.00", "16.00"])
    assert (ext.decimal("tax_total"), ext.decimal("total"), ext.decimal("subtotal")) == (
        D("98286.77"),
        D("545044.81"),
        None,
    )


def test_totals_by_arithmetic_leave_alone_what_does_not_add_up() -> None:
    ext = _bare(["Goods 765.00", "Freight 45.00", "Payable 900.00"], {}, ["600.00", "165.00"])
    assert ext.fields == {}
    # a right total is kept, and no subtotal is made up from it when nothing follows
    ext = _bare(["Total 765.00", "Page 1 of 1"], {"total": "765.00"}, ["600.00", "165.00"])
    assert set(ext.fields) == {"total"}


def test_charges_under_captions_no_table_knows_close_the_totals_by_their_amounts() -> None:
    from extraction.charges import charges_that_close

    item = LineItem({"amount": FieldValue(D("765.00"), 0.99)}, 0.99, 1, (0.05, 0.05, 0.95, 0.062))
    fields = {name: FieldValue(D(value), 0.99) for name, value in
              (("subtotal", "765.00"), ("tax_total", "153.00"), ("total", "971.50"))}  # fmt: skip
    ext = Extraction("purchase_order", 1, fields, [item])
    doc = page_of_lines(["1 Widget 765.00", "Lines Sum 765.00", "Conveyance 45.00", "Crating 8.50",
                         "Before Levies 818.50", "Levy 20% 153.00", "Final Figure 971.50"])  # fmt: skip
    assert sorted(charges_that_close(doc, ext)) == [D("8.50"), D("45.00")]  # 765 + 153 + 45 + 8.50 = 971.50
    ext.fields["total"] = FieldValue(D("980.00"), 0.99)
    assert charges_that_close(doc, ext) == []  # no printed amounts make that total
    ext.fields["total"] = FieldValue(D("918.00"), 0.99)
    assert charges_that_close(doc, ext) == []  # closes without any


def _typeset(lines: list[str], amounts: list[str]) -> Extraction:
    """The lines set with a typeface's narrow spaces (half a character), one line item per amount on top."""
    words = []
    for row, text in enumerate(["1 Widget 600.00", *lines]):
        x = 0.08
        for token in text.split():
            words.append(Word(token, (x, 0.05 + 0.03 * row, x + 0.01 * len(token), 0.062 + 0.03 * row)))
            x += 0.01 * len(token) + 0.005
    items = [LineItem({"amount": FieldValue(D(a), 0.99)}, 0.99, 1, (0.05, 0.05, 0.95, 0.062)) for a in amounts]
    ext = Extraction("purchase_order", 1, {}, items)
    read_tax_and_charges(Document([Page(1, 612, 792, words)]), ext)
    return ext


def _totals(ext: Extraction) -> list[Decimal | None]:
    return [ext.decimal(name) for name in ("subtotal", "tax_total", "total")]


def test_a_tax_under_a_caption_no_table_knows_is_the_amount_that_is_a_tax_rate_of_its_base() -> None:
    # 8.25 % of the goods and the kitting charge; the charge is 0.19 % of the goods: no rate a law sets
    ext = _typeset(["Subtot. 29,365.15 USD", "Kitting Charge 55.08 USD", "Sales Levy 2,427.17 USD",
                    "Grand Figure 31,847.40 USD"], ["29000.00", "365.15"])  # fmt: skip
    assert _totals(ext) == [D("29365.15"), D("2427.17"), D("31847.40")]
    # the same amounts under captions that name a charge and a tax: the captions decide
    ext = _typeset(["Net 29,365.15", "Freight 55.08", "Impost 2,427.17", "Payable 31,847.40"], ["29365.15"])
    assert _totals(ext) == [D("29365.15"), D("2427.17"), D("31847.40")]


def test_a_tax_named_without_a_rate_and_amounts_printed_with_spaces_between_thousands() -> None:
    # Polish typesetting: '4 026,33'; 'VAT' names the tax, no rate is printed
    ext = _typeset(["Razem netto 17 505,80 PLN", "Razem VAT 4 026,33 PLN", "Razem brutto 21 532,13 PLN"],
                   ["17505.80"])  # fmt: skip
    assert _totals(ext) == [D("17505.80"), D("4026.33"), D("21532.13")]
    # the taxes at their rates, then their sum: the sum line adds nothing
    ext = _typeset(["Razem netto 9 047,82", "Stawka 23% 926,53", "Stawka 8% 401,55", "Razem VAT 1 328,08",
                    "Razem brutto 10 375,90"], ["9047.82"])  # fmt: skip
    assert _totals(ext) == [D("9047.82"), D("1328.08"), D("10375.90")]


def test_an_amount_of_a_small_base_is_no_tax_by_its_size_alone() -> None:
    # 50.00 on 400.00 is 12.5 %, a rate a law could set, but whole amounts on so small a base fit some rate
    ext = _typeset(["Goods 400.00", "Setup 50.00", "Payable 450.00"], ["400.00"])
    assert _totals(ext) == [D("400.00"), None, D("450.00")]
    assert is_a_rate_of(D("400.00"), D("50.00")) is None
    assert is_a_rate_of(D("400.40"), D("76.08")) == D("19")  # in cents, quarter percents of a base over 8,000 cents
    assert is_a_rate_of(D("40000.00"), D("3300.00")) == D("8.25")  # whole amounts: of a base over 800,000 units
    assert is_a_rate_of(D("25356.88"), D("2091.94")) == D("8.25")
    assert is_a_rate_of(D("10000.00"), D("887.50")) == D("8.875")
    assert is_a_rate_of(D("10000.00"), D("18.00")) is None  # 0.18 %: a fee, no tax
    assert is_a_rate_of(D("1000.00"), D("88.75")) is None  # 8.875 % of 1,000: thousandths fit by chance there


def test_the_base_an_ocr_page_opens_its_totals_with_is_the_subtotal() -> None:
    # the lines were misread (their sum is nowhere): 16 % of the first amount, and both make the last
    ext = _bare(["Suma parcial 25,900.14 MXN", "1V.A, 16% 4,144.02 MXN", "Neto a pagar 30,044.16 MXN"], {},
                ["4594.44", "2.29"])  # fmt: skip
    assert _totals(ext) == [D("25900.14"), D("4144.02"), D("30044.16")]
    # a subtotal read already and another amount: what was read stands, nothing is filled from these amounts
    ext = _bare(["Suma parcial 25,900.14", "IVA 16% 4,144.02", "Neto a pagar 30,044.16"], {"subtotal": "25000.00"},
                ["4594.44", "2.29"])  # fmt: skip
    assert ext.decimal("subtotal") == D("25000.00") and ext.decimal("tax_total") is None


def test_totals_set_side_by_side_or_as_a_row_of_values_under_their_captions() -> None:
    ext = _typeset(["Net 12,480.00 MwSt 2,371.20 Gesamt 14,851.20"], ["12480.00"])
    assert _totals(ext) == [D("12480.00"), D("2371.20"), D("14851.20")]
    # captions in a row, their values in the row below; the goods' sum printed above them too
    ext = _typeset(["Goods 12,480.00", "Net IVA 21% Total", "12,480.00 2,620.80 15,100.80"], ["12480.00"])
    assert _totals(ext) == [D("12480.00"), D("2620.80"), D("15100.80")]
    # a base and its tax on one line stay one amount, the tax, as before
    ext = _typeset(["Subtotal 765.00", "Freight 45.00", "VAT 20% on 810.00 162.00", "Total 972.00"], ["765.00"])
    assert _totals(ext) == [D("765.00"), D("162.00"), D("972.00")]


def test_a_sign_printed_apart_with_the_currency_makes_a_discount() -> None:
    # '-£ 3,451.86': the minus stands with the currency, apart from the digits; captions no table knows
    block = ["Lines Added Up £ 765.00", "Volume Rebate 4% -£ 30.60", "Levy @ 20% £ 146.88", "Amount Committed £ 881.28"]
    ext = _bare(block, {"subtotal": "765.00"}, ["600.00", "165.00"])
    assert [ext.decimal(n) for n in ("tax_total", "total")] == [D("146.88"), D("881.28")]
    # a dash between caption and amount with no currency is no sign
    ext = _bare(["Goods - 765.00", "Freight - 30.60", "Amount Committed 795.60"], {}, ["600.00", "165.00"])
    assert ext.decimal("total") == D("795.60")


def test_a_section_s_subtotal_read_as_the_subtotal_gives_way_to_the_sum_the_block_restates() -> None:
    # sections' subtotals, then their sum, the taxes and the total: the sum is the order's subtotal
    block = ["Subtotal for Electrical 145,765.14", "Subtotal for Consumables 944,690.00", "Subtotal 1,090,455.14",
             "Tax 15% 2,849.32", "Grand Total 1,093,304.46"]  # fmt: skip
    ext = _bare(block, {"subtotal": "145765.14", "total": "1093304.46"}, ["145765.14"])
    assert _totals(ext) == [D("1090455.14"), D("2849.32"), D("1093304.46")]
    # a discount after the goods is no section: the goods' amount stays the subtotal
    block = ["Goods 765.00", "Discount -15.30", "Net 749.70", "VAT 20% 149.94", "Total 899.64"]
    ext = _bare(block, {"subtotal": "765.00", "total": "899.64"}, ["765.00"])
    assert ext.decimal("subtotal") == D("765.00")


def test_an_amount_printed_with_spaces_between_three_groups_is_read_whole() -> None:
    texts = ["ZAR", "7", "213", "628,37"]
    words = [Word(t, (0.6 + 0.05 * k, 0.2, 0.64 + 0.05 * k, 0.21)) for k, t in enumerate(texts)]
    assert [text for text, _ in amount_groups(words)] == ["7 213 628,37"]
    read = LabelFields()._typed_value("subtotal", words, "EU", None)
    assert read is not None and read[0] == D("7213628.37")


def _closed(fields: dict[str, str], lines: list[str], items: tuple[str, ...] = ()) -> dict[str, str | None]:
    rows = [LineItem({"amount": FieldValue(D(a), 0.9)}, 0.9, 1) for a in items]
    ext = Extraction("purchase_order", 1, {k: FieldValue(D(v), 0.8, 1) for k, v in fields.items()}, rows)
    close_the_totals(page_of_lines(lines), ext)
    return {k: (None if ext.decimal(k) is None else str(ext.decimal(k))) for k in ("subtotal", "tax_total", "total")}


def test_subtotal_and_tax_a_scan_lost_are_mended_by_the_printed_amounts_that_make_the_total() -> None:
    words = ["8344.20 417.21", "ZZ 12,163.14", "Qq 10,976.72", "Yy 1,186.42"]  # captions lost to a faint print
    # the subtotal read as the total's value, the tax missing: the one pair adding up to the total
    assert _closed({"subtotal": "12163.14", "total": "12163.14"}, words) == {
        "subtotal": "10976.72", "tax_total": "1186.42", "total": "12163.14"}  # fmt: skip
    # the tax missing: the total less the subtotal, printed
    assert _closed({"subtotal": "10976.72", "total": "12163.14"}, words)["tax_total"] == "1186.42"
    # the subtotal missing: the total less the tax, printed
    assert _closed({"tax_total": "1186.42", "total": "12163.14"}, words)["subtotal"] == "10976.72"
    # a misread pair replaced by the pair that closes
    assert _closed({"subtotal": "257.65", "tax_total": "0.00", "total": "12163.14"}, words)["subtotal"] == "10976.72"


def test_totals_that_close_or_no_printed_pair_stay_as_they_were() -> None:
    words = ["Widget 100.00", "Bolt 50.00", "Total 150.00"]
    # an untaxed order: two line amounts add up to the total, yet they are the lines, not subtotal and tax
    untaxed = _closed({"subtotal": "150.00", "total": "150.00"}, words, items=("100.00", "50.00"))
    assert untaxed == {"subtotal": "150.00", "tax_total": None, "total": "150.00"}
    # closing totals, and a difference not printed, untouched
    assert _closed({"subtotal": "100.00", "tax_total": "50.00", "total": "150.00"}, words)["subtotal"] == "100.00"
    assert _closed({"subtotal": "120.00", "total": "150.00"}, words)["tax_total"] is None


def test_a_totals_block_read_a_row_off_is_mended_where_the_printed_rate_vouches_for_the_pair() -> None:
    """A photo's totals block read a row off: the net amount beside 'VAT 20%', the tax beside 'Freight'. The pair
    adding up to the total is taken though a charge was read, because the tax is 20 % of the net to the cent; a
    pair no printed rate vouches for leaves an order with charges as it was."""
    lines = ["Total £ 613,344.05", "Net Amount £ 613,344.05", "VAT 20% £511,120.04", "Freight £ 102,224.01"]

    def closed(rate: str) -> Decimal | None:
        fields = {"subtotal": "511120.04", "tax_total": "511120.04", "total": "613344.05"}
        ext = Extraction("purchase_order", 1, {k: FieldValue(D(v), 0.8, 1) for k, v in fields.items()}, [])
        ext.charges = [Charge("freight", "Freight", D("102224.01"))]
        ext.tax_lines = [TaxLine(f"VAT {rate}%", D(rate), D("511120.04"))]
        close_the_totals(page_of_lines(lines), ext)
        return ext.decimal("tax_total")

    assert closed("20") == D("102224.01")
    assert closed("15") == D("511120.04")


def test_a_strip_of_totals_under_a_row_of_captions_is_read_by_its_arithmetic() -> None:
    """'Net Amount  State Sales Tax 7.5%  Total' over '$ 714,109.79  $ 53,558.23  $ 767,668.02', the lines a scan
    misread: the rate stands over its tax, not beside it; base, tax (7.5 % of it) and their sum side by side are
    subtotal, tax and total. Three amounts of which the middle is no rate of the first stay unread."""

    def read(values: str) -> list[Decimal | None]:
        ext = Extraction("purchase_order", 1, {}, [])
        read_tax_and_charges(page_of_lines(["Net Amount State Sales Tax 7.5% Total", values]), ext)
        return [ext.decimal(name) for name in ("subtotal", "tax_total", "total")]

    assert read("$ 714,109.79 $ 53,558.23 $ 767,668.02") == [D("714109.79"), D("53558.23"), D("767668.02")]
    assert read("$ 714,109.79 $ 53,558.29 $ 767,668.08") == [None, None, None]


def test_a_schedule_row_of_gross_commission_and_net_is_no_totals_block() -> None:
    # an order's schedule prints its period and spots, then gross, agency commission and net: the gross read as
    # the total stays (a row of values under captions prints nothing but the values)
    lines = ["Totals 7 $1,500.00", "03/30/20 -04/26/20 7 $1,500.00 ($225.00) $1,275.00",
             "Totals 7 $1,500.00 ($225.00) $1,275.00"]  # fmt: skip
    words = [
        Word(token, (0.08 + 0.1 * i, 0.05 + 0.03 * row, 0.16 + 0.1 * i, 0.062 + 0.03 * row))
        for row, text in enumerate(["1 Spot 1,500.00", *lines])
        for i, token in enumerate(text.split())
    ]
    item = LineItem({"amount": FieldValue(D("1500.00"), 0.99)}, 0.99, 1, (0.05, 0.05, 0.95, 0.062))
    fields = {"total": FieldValue(D("1500.00"), 0.9), "subtotal": FieldValue(D("1500.00"), 0.9)}
    ext = Extraction("contract", 1, fields, [item])
    read_tax_and_charges(Document([Page(1, 612, 792, words)]), ext)
    assert ext.decimal("total") == D("1500.00")


def _typed_page(lines: list[tuple[int, str]], source: str = "ocr", table: int = 0) -> Document:
    """A typewriter page as OCR boxes it: each character a cell of 0.01, each word's box hugging its ink (7 of its
    first and last cells), so that one space between two words measures 1.3 to 1.4 of a word's mean character width.
    ``lines``: (the column the line starts at, its text, spaces kept). The first ``table`` lines are a table's rows."""
    words = []
    for row, (column, text) in enumerate(lines):
        top = 0.05 + 0.02 * row
        at = column
        for token in text.split(" "):
            if token:
                box = (at * 0.01 + 0.0015, top, (at + len(token) - 1) * 0.01 + 0.0085, top + 0.012)
                words.append(Word(token, box, 0.9 if source == "ocr" else 1.0))
            at += len(token) + 1
    page = Page(1, 612, 792, words, source="ocr" if source == "ocr" else "text")
    return Document([page])


def _totals_of(doc: Document, items: list[LineItem]) -> tuple[list[Decimal | None], int]:
    ext = Extraction("purchase_order", 1, {}, items)
    read_tax_and_charges(doc, ext)
    return [ext.decimal(name) for name in ("subtotal", "tax_total", "total")], len(ext.line_items)


def _row(row: int, amount: str, left: float = 0.05) -> LineItem:
    top = 0.05 + 0.02 * row
    cells = {"quantity": FieldValue(D("2"), 0.9), "unit_price": FieldValue(D(amount) / 2, 0.9),
             "amount": FieldValue(D(amount), 0.9)}  # fmt: skip
    return LineItem(cells, 0.9, 1, (left, top, 0.93, top + 0.012))


def test_a_typewriter_scans_totals_with_a_space_between_thousands_are_read() -> None:
    """A monospaced space is a character's cell; OCR's ink-tight boxes add both digits' side bearings, so '72 090,49'
    stands 1.3 character widths apart and was read as '72' and '90.49': the block summed to nothing. A wider gap (a
    column's) still parts two amounts."""
    rows = [(5, "1 Sroub M10x40 pozink   36 045,25   72 090,49"), (55, "Spolu bez DPH   72 090,49"),
            (55, "DPH 23 %   16 580,81"), (55, "Celkom k uhrade   88 671,30")]  # fmt: skip
    assert _totals_of(_typed_page(rows), [_row(0, "72090.49")])[0] == [D("72090.49"), D("16580.81"), D("88671.30")]
    apart = [(column, text.replace(" 0", "   0").replace(" 5", "   5").replace(" 6", "   6")) for column, text in rows]
    assert _totals_of(_typed_page(apart), [_row(0, "72090.49")])[0] == [None, None, None]


def test_a_scanned_table_that_took_the_totals_for_its_last_rows_gives_them_back() -> None:
    """OCR split the totals' amounts at their thousands spaces and the table read 'Spolu bez DPH 57 | 142,73' as rows
    starting under the amounts, right of the table's middle: they are read again as the totals block, and are no
    items. On a text layer, or where the rows start at the table's left, the rows stay rows."""
    lines = [(5, "1 Sroub M10x40 pozink   28 571,36   57 142,72"), (55, "Spolu bez DPH   57 142,73"),
             (55, "DPH 23 %   13 142,83"), (55, "Celkom k uhrade   70 285,56")]  # fmt: skip
    items = [_row(0, "57142.72"), _row(1, "142.73", 0.55), _row(2, "142.83", 0.55), _row(3, "285.56", 0.55)]
    assert _totals_of(_typed_page(lines), items) == ([D("57142.73"), D("13142.83"), D("70285.56")], 1)
    assert _totals_of(_typed_page(lines, "text"), items)[1] == 4
    at_left = [_row(0, "57142.72"), _row(1, "142.73"), _row(2, "142.83"), _row(3, "285.56")]
    assert _totals_of(_typed_page(lines), at_left) == ([None, None, None], 4)


def test_a_strip_of_totals_each_with_its_currency_and_a_base_misread_at_a_separator() -> None:
    """Base, tax and total side by side, each followed by its currency ('248 216,65 Kč'); a base OCR read with a
    point for a thin space ('1.030 203,11') is total less tax where its printed digits are that amount's."""

    def read(values: str) -> list[Decimal | None]:
        ext = Extraction("purchase_order", 1, {}, [])
        read_tax_and_charges(page_of_lines(["Zaklad dane DPH Celkem", values]), ext)
        return [ext.decimal(name) for name in ("subtotal", "tax_total", "total")]

    assert read("248 216,65 Kč 52 125,50 Kč 300 342,15 Kč") == [D("248216.65"), D("52125.50"), D("300342.15")]
    assert read("1.030 203,11 NOK 257 550,78 NOK 1 287 753,89 NOK") == [D("1030203.11"), D("257550.78"),
                                                                        D("1287753.89")]  # fmt: skip
    assert read("1.030 208,11 NOK 257 550,78 NOK 1 287 753,89 NOK") == [None, None, None]


def test_a_whole_money_total_whose_caption_a_fax_lost_closes_the_block_on_a_scan() -> None:
    """Forints print no cents and round the tax to the unit (half to even here: 72 934 750 x 27 % = 19 692 382.5);
    the fax left the total's caption illegible. On an OCR'd page the lone amount is of the block; on a text layer a
    line without a caption is not."""
    assert is_a_rate_of(D("72934750"), D("19692382")) == D("27")
    assert is_a_rate_of(D("72934750"), D("19692381")) is None
    lines = [(5, "1 Kabel 200 mm   51 266 170"), (45, "Osszesen netto   72 934 750 Ft"),
             (45, "AFA 27   19 692 382 Ft"), (62, "92 627 132 Ft")]  # fmt: skip
    read = _totals_of(_typed_page(lines), [_row(0, "51266170")])[0]
    assert read == [D("72934750"), D("19692382"), D("92627132")]
    assert _totals_of(_typed_page(lines, "text"), [_row(0, "51266170")])[0][2] is None


def test_a_subtotal_read_as_the_total_with_a_tax_between_them_gives_way_to_the_sum_of_the_lines() -> None:
    """A scan's extractor tagged the amount to pay as the subtotal and read no total: the page's arithmetic (the
    lines add up to the net, the tax on top makes the amount to pay) takes the net for the subtotal. A subtotal
    that is some other amount is left as read."""
    from extraction.charges import totals_from_the_page

    lines = [(5, "Item A 2 100.00 200.00"), (5, "Item B 1 300.00 300.00"), (55, "Net 500.00"),
             (55, "VAT 25% 125.00"), (55, "To pay 625.00")]  # fmt: skip

    def read(subtotal: str) -> list[Decimal | None]:
        ext = Extraction("purchase_order", 1, {"subtotal": FieldValue(D(subtotal), 0.8)}, [])
        totals_from_the_page(_typed_page(lines), ext)
        return [ext.decimal(name) for name in ("subtotal", "tax_total", "total")]

    assert read("625.00") == [D("500.00"), D("125.00"), D("625.00")]
    assert read("480.00") == [D("480.00"), D("125.00"), D("625.00")]


def test_an_order_summary_printed_before_the_items_is_read_by_the_items_sum() -> None:
    """A summary box beside the parties, above the table (subtotal, tax, total): no run of lines above it adds up
    to its subtotal, the items read do; a page printing no such sum stays without totals."""
    from extraction.charges import totals_from_the_page

    def read(subtotal: str) -> list[Decimal | None]:
        lines = [(50, f"Subtotal {subtotal}"), (50, "Tax 10% 50.00"), (50, "Total 550.00"), (5, "Buyer Ltd"),
                 (5, "Item A 2 100.00 200.00"), (5, "Item B 1 300.00 300.00"), (60, "Signature")]  # fmt: skip
        items = [LineItem({"amount": FieldValue(D(a), 0.9)}, 0.9, 1) for a in ("200.00", "300.00")]
        ext = Extraction("purchase_order", 1, {}, items)
        totals_from_the_page(_typed_page(lines, "text"), ext)
        return [ext.decimal(name) for name in ("subtotal", "tax_total", "total")]

    assert read("500.00") == [D("500.00"), D("50.00"), D("550.00")]
    assert read("510.00") == [None, None, None]
