import io
from datetime import date
from decimal import Decimal

from reportlab.lib.pagesizes import letter
from reportlab.pdfgen import canvas

from extraction import readers
from extraction.pipeline import PIPELINE, extract, readers_stage
from extraction.result import Extraction, FieldValue


def test_agreeing_readers_make_a_value_surer_and_disagreeing_ones_less_sure() -> None:
    mine = FieldValue("1344601", 0.85)
    assert readers.join(mine, FieldValue("1344601", 0.6)).confidence > 0.85
    disagree = readers.join(mine, FieldValue("09749211", 0.6))
    assert disagree.value == "1344601" and disagree.confidence < 0.85
    # the extractor's value stands where the reader's caption was weak and the extractor surer
    assert readers.join(FieldValue("X1", 0.3), FieldValue("PO-7", 0.95)).value == "PO-7"
    assert readers.join(FieldValue("X1", 0.7), FieldValue("PO-7", 0.95)).value == "X1"


def test_agreement_parties_replace_names_the_preamble_does_not_list() -> None:
    extraction = Extraction("other", 1)
    extraction.fields["buyer_name"] = FieldValue("Confidential Information", 0.9)
    extraction.fields["vendor_name"] = FieldValue("Kite Pharma, Inc", 0.7)
    extraction.review_reasons.append("low confidence: vendor_name (0.70)")
    found = {
        "vendor_name": FieldValue("Kite Pharma, Inc.", 0.9),
        "buyer_name": FieldValue("Gilead Sciences, Inc.", 0.6),
    }
    readers.merge(extraction, "agreement", found)
    assert extraction.value("vendor_name") == "Kite Pharma, Inc."
    assert extraction.fields["vendor_name"].confidence > 0.9  # both read it
    assert extraction.value("buyer_name") == "Gilead Sciences, Inc."
    assert extraction.doc_type == "contract"
    assert extraction.review_reasons[0] == "low confidence: buyer_name (0.60)"
    assert extraction.needs_review


def order_pdf() -> bytes:
    """A two-page station order: header captions on page 1, the schedule, the gross total on page 2."""
    buffer = io.BytesIO()
    pdf = canvas.Canvas(buffer, pagesize=letter)
    pdf.setFont("Helvetica", 9)
    pdf.drawString(40, 750, "WXYZ-TV")
    pdf.drawString(300, 750, "ORDER")
    rows = [
        ((40, "Contract #"), (140, "4263696")),
        ((40, "Advertiser Name:"), (140, "Friends of Jane Doe")),
        ((40, "Flight Dates:"), (140, "03/02/20 - 03/08/20")),
        ((40, "Agency Name:"), (140, "Blue Media LLC")),
    ]
    for index, row in enumerate(rows):
        for x, text in row:
            pdf.drawString(x, 720 - 14 * index, text)
    pdf.drawString(40, 600, "Ln Start Date End Date Description Spots Rate Amount")
    for index in range(4):
        pdf.drawString(
            40, 585 - 14 * index, f"{index + 1} 03/0{index + 2}/20 03/0{index + 2}/20 Morning News 2 $45.00 $90.00"
        )
    pdf.showPage()
    pdf.setFont("Helvetica", 9)
    pdf.drawString(40, 700, "Gross Total")
    pdf.drawString(400, 700, "$360.00")
    pdf.drawString(40, 686, "Agency Commission")
    pdf.drawString(400, 686, "$54.00")
    pdf.drawString(40, 672, "Net Total")
    pdf.drawString(400, 672, "$306.00")
    pdf.showPage()
    pdf.save()
    return buffer.getvalue()


def test_a_station_order_through_the_pipeline() -> None:
    assert readers_stage in PIPELINE
    _, extraction = extract(order_pdf(), "order.pdf")
    assert extraction.value("contract_number") == "4263696"
    assert extraction.value("buyer_name") == "Friends of Jane Doe"
    assert extraction.value("total") == Decimal("360.00")
    assert (extraction.value("effective_date"), extraction.value("expiry_date")) == (date(2020, 3, 2), date(2020, 3, 8))


def test_an_extractor_that_misread_the_captions_is_trusted_less_elsewhere() -> None:
    extraction = Extraction("purchase_order", 1)
    extraction.fields["contract_number"] = FieldValue("09749211", 0.95)
    extraction.fields["total"] = FieldValue(Decimal("3506.25"), 0.95)
    extraction.fields["buyer_name"] = FieldValue("G", 0.93)
    found = {"contract_number": FieldValue("1344601", 0.9), "total": FieldValue(Decimal("4125.00"), 0.9)}
    readers.merge(extraction, "form", found)
    assert extraction.value("contract_number") == "1344601" and extraction.value("total") == Decimal("4125.00")
    assert extraction.fields["buyer_name"].confidence < 0.8
    assert "low confidence: buyer_name (0.74)" in extraction.review_reasons


def test_an_agreement_whose_opening_names_no_party_gets_none() -> None:
    extraction = Extraction("contract", 3)
    extraction.fields["buyer_name"] = FieldValue("Confidential Information", 0.9)
    extraction.review_reasons.append("low confidence: buyer_name (0.90)")
    readers.merge(extraction, "agreement", {})
    assert "buyer_name" not in extraction.fields
    assert "low confidence: buyer_name (0.90)" not in extraction.review_reasons
    assert "missing_field: buyer_name" in extraction.review_reasons  # a contract needs its parties: a person looks


def test_on_an_agreement_the_extractor_agreeing_adds_the_bonus_to_the_readers_confidence_not_its_own() -> None:
    # the extractor's learnt score (0.98) says nothing on prose: the agreed date stays under the review threshold
    extraction = Extraction("other", 1)
    extraction.fields["effective_date"] = FieldValue(date(2008, 2, 6), 0.98)
    readers.merge(extraction, "agreement", {"effective_date": FieldValue(date(2008, 2, 6), 0.85)})
    assert extraction.fields["effective_date"].confidence == 0.9
    # on a form the two readers' agreement still counts from the surer one
    form = Extraction("other", 1)
    form.fields["total"] = FieldValue(Decimal("9350.00"), 0.92)
    readers.merge(form, "form", {"total": FieldValue(Decimal("9350.00"), 0.85)})
    assert form.fields["total"].confidence == 0.97


def test_a_forms_caption_the_extractor_took_for_a_party_goes() -> None:
    extraction = Extraction("po", 1)
    extraction.fields["buyer_name"] = FieldValue("Alt #", 0.98)
    extraction.fields["vendor_name"] = FieldValue("WXYZ Broadcasting Inc", 0.9)
    readers.merge(extraction, "form", {"buyer_name": FieldValue("POL/Bloomberg, Mike/D/ Pres/US", 0.3)})
    assert extraction.value("buyer_name") == "POL/Bloomberg, Mike/D/ Pres/US"  # the weak caption read stands
    assert extraction.value("vendor_name") == "WXYZ Broadcasting Inc"
    bare = Extraction("po", 1)
    bare.fields["buyer_name"] = FieldValue("Invoice #", 0.97)
    readers.merge(bare, "form", {})
    assert bare.fields.get("buyer_name") is None
