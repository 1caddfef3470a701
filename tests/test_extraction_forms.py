from datetime import date
from decimal import Decimal

from extraction import forms
from tests.realdocs_fixtures import document

SCHEDULE = [
    [(0.05, "Ln Ch Start Date End Date Description Spots Rate Amount")],
    [(0.05, "1 WXYZ 02/07/20 02/13/20 Morning News 2 $250.00 $500.00")],
    [(0.05, "Totals"), (0.55, "2"), (0.75, "$500.00")],  # a week's total inside the schedule
]


def test_captions_with_values_to_the_right() -> None:
    doc = document(
        [
            [(0.05, "Contract #"), (0.22, "1344601")],
            [(0.05, "Advertiser Name: Road to Future PAC (135176)"), (0.6, "Billing Type: Cash")],
            [(0.05, "Flight Dates: 02/07/20 - 02/13/20"), (0.6, "Print Date 02/06/20")],
            *SCHEDULE,
        ],
        [
            [(0.05, "Gross Total"), (0.7, "$4,125.00")],
            [(0.05, "Net Total"), (0.7, "$3,506.25")],
        ],
    )
    fields = forms.read(doc)
    assert fields["contract_number"].value == "1344601"
    assert fields["buyer_name"].value == "Road to Future PAC"
    assert fields["effective_date"].value == date(2020, 2, 7)
    assert fields["expiry_date"].value == date(2020, 2, 13)
    # the gross total on the last page, not the week's 'Totals' nor the net total
    assert fields["total"].value == Decimal("4125.00")
    assert fields["total"].page == 2


def test_values_under_their_captions() -> None:
    doc = document(
        [
            [(0.05, "WXYZ-TV"), (0.5, "Contract / Revision"), (0.75, "Alt Order #")],
            [(0.05, "12 Main Street"), (0.5, "299042 / 1"), (0.75, "WOC12496570")],
            [(0.05, "Springfield"), (0.5, "Contract Dates"), (0.75, "Estimate #")],
            [(0.05, "(555) 355-7000"), (0.5, "10/13/20 - 10/19/20"), (0.75, "8220")],
        ]
    )
    fields = forms.read(doc)
    assert fields["contract_number"].value == "299042"
    assert fields["po_number"].value == "WOC12496570"
    assert (fields["effective_date"].value, fields["expiry_date"].value) == (date(2020, 10, 13), date(2020, 10, 19))


def test_amount_under_a_column_caption_is_not_a_total() -> None:
    doc = document(
        [
            [(0.05, "Start Date End Date # Spots Gross Amount Net Amount")],
            [(0.05, "05/01/20 05/31/20 6 $1,700.00 $1,445.00")],
            [(0.05, "06/01/20 06/30/20 3 $850.00 $722.50")],
            [(0.05, "Totals 9 $2,550.00 $2,167.50")],
        ]
    )
    assert forms.read(doc)["total"].value == Decimal("2550.00")


def test_a_field_printed_twice_differently_is_less_sure() -> None:
    same = document([[(0.05, "Advertiser: Acme Action PAC")]], [[(0.05, "Advertiser: Acme Action PAC")]])
    differ = document([[(0.05, "Advertiser: Acme Action PAC")]], [[(0.05, "Advertiser: Acme Action Fund")]])
    sure, unsure = forms.read(same)["buyer_name"], forms.read(differ)["buyer_name"]
    assert sure.value == "Acme Action PAC"
    assert unsure.confidence < 0.6 < sure.confidence


def test_flight_that_ends_before_it_starts_is_not_read() -> None:
    doc = document([[(0.05, "Flight Dates: 03/29/20 - 02/03/20")]])
    assert "effective_date" not in forms.read(doc)


def test_prose_mention_of_an_advertiser_is_not_a_caption() -> None:
    doc = document([[(0.05, "the advertiser agrees to pay for all spots")], [(0.05, "Advertiser")]])
    assert "buyer_name" not in forms.read(doc)


def test_month_glued_to_the_day() -> None:
    assert forms.parse_form_date("Apr16/20", "mdy") == date(2020, 4, 16)
    doc = document([[(0.05, "Flight: Feb13/20 - Feb14/20")]])
    assert forms.read(doc)["expiry_date"].value == date(2020, 2, 14)


def test_value_set_a_little_lower_than_its_caption() -> None:
    from extraction.document import Document, Page, Word

    words = [
        Word("Special", (0.40, 0.114, 0.44, 0.126)),
        Word("Handling", (0.445, 0.114, 0.49, 0.126)),
        Word("Period", (0.60, 0.114, 0.64, 0.126)),
        Word("4/27/2020", (0.75, 0.121, 0.80, 0.133)),
        Word("-", (0.805, 0.121, 0.81, 0.133)),
        Word("5/3/2020", (0.815, 0.121, 0.86, 0.133)),
    ]
    fields = forms.read(Document([Page(1, 612, 792, words)]))
    assert (fields["effective_date"].value, fields["expiry_date"].value) == (date(2020, 4, 27), date(2020, 5, 3))


def test_a_name_cut_by_its_column_goes_on_under_it() -> None:
    doc = document(
        [
            [
                (0.05, "Agency: Blue Owl Media"),
                (0.45, "Advertiser:"),
                (0.55, "Harbor Valley"),
                (0.7, "Market: Eastport"),
            ],
            [(0.55, "Leadership Fund")],
            [(0.05, "Contract #"), (0.22, "7781230")],
        ]
    )
    assert forms.read(doc)["buyer_name"].value == "Harbor Valley Leadership Fund"


def test_the_line_under_a_whole_name_is_not_read_into_it() -> None:
    doc = document(
        [
            [(0.45, "Advertiser"), (0.55, "Friends of Ann Quill"), (0.75, "Invoice # 5530021")],
            [(0.55, "4410 Orchard Road"), (0.75, "Invoice Date 03/02/20")],  # the address, under a cut name
            [(0.45, "Advertiser"), (0.55, "Quill for Mayor")],
            [(0.55, "Product: Debate")],  # a name that ends its line is whole
        ]
    )
    reader = forms.FormReader(doc)
    reader.read()
    assert {s.value for s in reader.sightings["buyer_name"]} == {"Friends of Ann Quill", "Quill for Mayor"}


def test_a_row_that_starts_with_a_caption_s_word_is_no_caption() -> None:
    doc = document(
        [
            [(0.05, "Activity Performed"), (0.6, "Hours"), (0.8, "Worth")],
            [(0.05, "Client workshop and follow-up"), (0.6, "23.5"), (0.8, "1,527.50")],
            [(0.05, "Review of contractor method statements"), (0.6, "42"), (0.8, "2,730.00")],
        ],
    )
    assert "buyer_name" not in forms.read(doc)


def test_a_name_caption_in_a_row_of_captions_takes_the_name_under_it() -> None:
    # 'Client' beside another caption, each over its value: the next caption is not the client's name
    doc = document(
        [
            [(0.05, "Client"), (0.25, "Zorblat"), (0.6, "Quuxen")],
            [(0.05, "Camargue Industrie SARL"), (0.25, "Ardennes Equipements SA"), (0.6, "18/01/2025")],
        ]
    )
    assert forms.read(doc)["buyer_name"].value == "Camargue Industrie SARL"


def test_a_name_caption_in_a_column_of_caption_value_pairs_takes_the_value_beside_it() -> None:
    # captions down one column, each value beside its own (an invoice's header): the word under 'Advertiser'
    # starts another caption, so the two are a caption and its value, not a row of captions over values
    doc = document(
        [
            [(0.5, "Invoice #"), (0.62, "2007974-1")],
            [(0.5, "Advertiser"), (0.62, "Vignarajah/D/Mayor")],
            [(0.5, "Product"), (0.62, "Mayoral")],
            [(0.5, "Estimate #"), (0.62, "Thiru Mayor 4.25")],
        ]
    )
    assert forms.read(doc)["buyer_name"].value == "Vignarajah/D/Mayor"


def test_a_name_whose_first_capital_a_scan_read_in_lower_case_is_still_a_name() -> None:
    # 'lowa Forward' (Iowa): the words after the first are capitalised, so this is no running prose
    doc = document([[(0.4, "Advertiser"), (0.51, "lowa Forward (131756)"), (0.78, "Invoice 7380502")]])
    assert forms.read(doc)["buyer_name"].value == "lowa Forward"
    prose = document([[(0.05, "Advertiser"), (0.16, "agrees to pay all invoices")]])
    assert "buyer_name" not in forms.read(prose)
