"""Document numbers checked by shape: what can never be one is dropped for the readers after the extractor."""

from datetime import date

from extraction.references import check_references, could_be_reference
from extraction.result import Extraction, FieldValue
from tests.fixtures_docs import page_of_lines


def test_dates_tax_ids_ibans_and_captions_are_no_document_numbers() -> None:
    for text in ("13-10-2027", "2026-03-01", "12-3456789", "DE89370400440532013000", "Vertrags-Nr.", "Sauerfelder"):
        assert not could_be_reference(text), text
    for text in ("OVK-59239", "5408/24", "PR818954", "RV 697/2026", "4500012345"):
        assert could_be_reference(text), text


def test_a_postal_code_before_its_town_and_a_contract_number_read_again_as_the_order() -> None:
    doc = page_of_lines(
        [
            "Tavares Componentes S.A. Nota de encomenda",
            "13010-111 Campinas",
            "ENC-2024-5657 24/09/2024",
            "Nogueira Ferragens S.A. 13010-111 Campinas",
        ]
    )
    fields = {"po_number": FieldValue("13010-111", 0.9), "contract_number": FieldValue("13010-111", 0.9)}
    ext = Extraction("purchase_order", 1, fields)
    check_references(doc, ext)
    assert {n: c.value for n, c in ext.fields.items()} == {"po_number": "ENC-2024-5657"}  # the header's code
    fields = {"po_number": FieldValue("5657", 0.9), "contract_number": FieldValue("ENC 5657", 0.9)}
    fields |= {"order_date": FieldValue(date(2024, 9, 24), 0.9), "effective_date": FieldValue(date(2024, 9, 24), 0.9)}
    ext = Extraction("contract", 1, fields)
    check_references(doc, ext)
    assert set(ext.fields) == {"contract_number", "effective_date"}
