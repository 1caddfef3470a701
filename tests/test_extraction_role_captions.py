"""A party block's caption names its role (extraction.rolecaptions), and extraction.roles follows it: the company
under a buyer's caption is the buyer, the letterhead then the vendor, whatever the extractor read."""

import pytest

from extraction.document import Document
from extraction.result import Extraction, FieldValue
from extraction.rolecaptions import caption_role
from extraction.roles import read_roles
from tests.fixtures_docs import document_of_rows


@pytest.mark.parametrize(
    ("caption", "role"),
    [
        ("Bill To:", "buyer"), ("SOLD TO", "buyer"), ("Rechnungsempfänger", "buyer"), ("Facturer à :", "buyer"),
        ("Faktura til", "buyer"), ("FAKTURAČNÍ ADRESA", "buyer"), ("Nabywca", "buyer"), ("Vevő", "buyer"),
        ("Müşteri", "buyer"), ("Odbiorca faktury", "buyer"), ("Kunden", "buyer"), ("Faktureras", "buyer"),
        ("Supplier:", "vendor"), ("Lieferant", "vendor"), ("Leverandør", "vendor"), ("Dodavatel", "vendor"),
        ("Fornitore", "vendor"), ("Tedarikçi", "vendor"), ("Commandé à", "vendor"), ("Commandé par", "buyer"),
        ("Commande", None), ("Destinatario", None),
        ("Ship to:", "other"), ("Lieferadresse", "other"), ("Adres dostawy", "other"), ("Remit to", "other"),
        ("Bezorgadres", "other"), ("SHIP-TO", "other"), ("Bill-to", "buyer"), ("Factureren aan", "buyer"),
        # the end customer or user the goods are for, beside the buyer ('Client' alone stays the buyer's)
        ("Client final :", "other"), ("USUARIO FINAL", "other"), ("Endkunde", "other"), ("End customer:", "other"),
        ("Client", "buyer"),
        # a number's or a date's caption, a title, made-up words: no block's
        ("Customer No.", None), ("Kunde Nr.", None), ("Order Date", None), ("Sales Order", None), ("Kapenura", None),
        ("Zorblat Quuxen", None),
    ],
)  # fmt: skip
def test_a_block_caption_names_its_role_in_many_languages(caption: str, role: str | None) -> None:
    assert caption_role(caption) == role


LETTERHEAD = [(0.5, 0.05, "Kromme Installatie B.V."), (0.5, 0.07, "Laat 12"), (0.5, 0.085, "VAT NL123456789B01")]


def _block(caption: str) -> list[tuple[float, float, str]]:
    return [
        (0.08, 0.2, caption), (0.08, 0.215, "Verbeek Logistiek N.V."), (0.08, 0.23, "Kanaaldijk 171"),
        (0.08, 0.245, "5701 Helmond"), (0.08, 0.26, "VAT NL004495445B01"),
    ]  # fmt: skip


def _read(doc: Document, **values: str) -> dict[str, object]:
    ext = Extraction("purchase_order", 1, {name: FieldValue(value, 0.9) for name, value in values.items()})
    read_roles(doc, ext)
    return {name: cell.value for name, cell in ext.fields.items()}


@pytest.mark.parametrize("caption", ["Faktura til", "Bill to:", "Nabywca", "Rechnungsanschrift"])
def test_the_company_under_a_buyer_caption_is_the_buyer_and_the_letterhead_the_vendor(caption: str) -> None:
    doc = document_of_rows([*LETTERHEAD, *_block(caption)])
    # read the other way round (the letterhead taken for the buyer on an order), ids swapped with the names
    got = _read(doc, buyer_name="Kromme Installatie B.V.", vendor_name="Verbeek Logistiek N.V.")
    assert got["buyer_name"] == "Verbeek Logistiek N.V." and got["vendor_name"] == "Kromme Installatie B.V."
    assert got["buyer_tax_id"] == "NL004495445B01" and got["vendor_tax_id"] == "NL123456789B01"
    # the buyer read right and the vendor left empty: the letterhead fills it
    got = _read(doc, buyer_name="Verbeek Logistiek N.V.")
    assert got["vendor_name"] == "Kromme Installatie B.V."


def test_the_company_under_a_supplier_caption_is_the_vendor_and_the_letterhead_stays_the_buyer() -> None:
    doc = document_of_rows([*LETTERHEAD, *_block("Lieferant:")])
    got = _read(doc, buyer_name="Verbeek Logistiek N.V.", vendor_name="Kromme Installatie B.V.")
    assert got["buyer_name"] == "Kromme Installatie B.V." and got["vendor_name"] == "Verbeek Logistiek N.V."
    assert got["buyer_tax_id"] == "NL123456789B01" and got["vendor_tax_id"] == "NL004495445B01"


def test_a_ship_to_caption_or_an_unknown_one_leaves_the_structure_to_decide() -> None:
    for caption in ("Deliver to:", "Kapenura"):
        doc = document_of_rows([*LETTERHEAD, *_block(caption)])
        got = _read(doc, buyer_name="Kromme Installatie B.V.", vendor_name="Verbeek Logistiek N.V.")
        assert got["buyer_name"] == "Kromme Installatie B.V." and got["vendor_name"] == "Verbeek Logistiek N.V."


def test_a_caption_in_capitals_run_into_the_name_on_its_line_is_no_part_of_the_name() -> None:
    rows = [*LETTERHEAD, (0.08, 0.215, "FAKTURAČNÍ ADRESA Verbeek Logistiek N.V."), (0.08, 0.23, "Kanaaldijk 171")]
    got = _read(document_of_rows(rows), buyer_name="Kromme Installatie B.V.")
    assert got["buyer_name"] == "Verbeek Logistiek N.V." and got["vendor_name"] == "Kromme Installatie B.V."
    # a name that starts with a role's word in capitals and goes on in capitals stays whole
    rows = [*LETTERHEAD, (0.08, 0.2, "Supplier:"), (0.08, 0.215, "CLIENT SOLUTIONS Ltd"), (0.08, 0.23, "Main St 4")]
    got = _read(document_of_rows(rows), buyer_name="Kromme Installatie B.V.")
    assert got["vendor_name"] == "CLIENT SOLUTIONS Ltd"


def test_two_names_run_into_one_line_each_take_the_caption_above_them() -> None:
    # the first block's long name runs up to the second's: the words before a name are no caption, the one above is
    names = (0.08, 0.215, "Holt Lagerhaus GmbH Verbeek Logistiek N.V.")
    second = next(w for w in document_of_rows([names]).pages[0].words if w.text == "Verbeek").bbox[0]
    rows = [
        *LETTERHEAD, (0.08, 0.2, "Lieferadresse"), (second, 0.2, "Lieferant"), names,
        (0.08, 0.23, "Hafenweg 3"), (second, 0.23, "Kanaaldijk 171"),
    ]  # fmt: skip
    got = _read(
        document_of_rows(rows),
        buyer_name="Kromme Installatie B.V.",
        vendor_name="Holt Lagerhaus GmbH Verbeek Logistiek N.V.",
    )
    assert got["vendor_name"] == "Verbeek Logistiek N.V." and got["buyer_name"] == "Kromme Installatie B.V."


def test_a_caption_that_names_one_party_and_no_other_decides_nothing() -> None:
    # at the page's top, so the company these names seem to be heads it; names wrapped over lines in capitals, whose
    # first lines ('FORNITURE' is the Italian for furniture, not 'Fornitore') are not found as part of the names:
    # one company seems captioned as the vendor and no other party stands apart, so the values read stay
    rows = [
        (0.06, 0.08, "Fornitore"), (0.35, 0.08, "Acquirente"),
        (0.06, 0.095, "VAL SERIANA"), (0.35, 0.095, "BRIANZA FORNITURE"),
        (0.06, 0.11, "FORNITURE"), (0.35, 0.11, "INDUSTRIALI S.A.S."),
        (0.06, 0.125, "INDUSTRIALI S.A.S."), (0.35, 0.125, "Via Mercatovecchio 33"),
        (0.06, 0.14, "Corso Zanardelli 17"),
    ]  # fmt: skip
    values = {
        "buyer_name": "BRIANZA FORNITURE INDUSTRIALI S.A.S.",
        "vendor_name": "VAL SERIANA FORNITURE INDUSTRIALI S.A.S.",
    }
    assert _read(document_of_rows(rows), **values) == values


def test_a_supplier_caption_outweighs_the_company_named_twice() -> None:
    # named again lower down (where the structure alone would take it for the customer of a vendor's own form), the
    # company under 'Supplier' is still the vendor
    rows = [*LETTERHEAD, *_block("Supplier:"), (0.08, 0.3, "Collect from: Verbeek Logistiek N.V., Dijk 4, Helmond")]
    got = _read(document_of_rows(rows), buyer_name="Verbeek Logistiek N.V.", vendor_name="Kromme Installatie B.V.")
    assert got["buyer_name"] == "Kromme Installatie B.V." and got["vendor_name"] == "Verbeek Logistiek N.V."


def _portal(
    title: str, caption: str, name: str, tax_caption: str, tax_id: str, y: float
) -> list[tuple[float, float, str]]:
    """A portal's party section: its title alone on a line, then a caption/value grid (caption left, value right)."""
    return [
        (0.07, y, title), (0.07, y + 0.02, caption), (0.24, y + 0.02, name), (0.51, y + 0.02, "Adresse"),
        (0.67, y + 0.02, "Kanaaldijk 171"), (0.07, y + 0.035, tax_caption), (0.24, y + 0.035, tax_id),
    ]  # fmt: skip


@pytest.mark.parametrize(
    ("vendor_title", "buyer_title"), [("Verkoper", "Factureren aan"), ("Fornecedor", "Faktura til")]
)
@pytest.mark.parametrize("caption", ["Bedrijfsnaam", "Babe"])  # a name's caption, or a made-up word
def test_a_section_title_names_the_party_whose_name_and_tax_id_fill_its_grid(
    vendor_title: str, buyer_title: str, caption: str
) -> None:
    rows = [
        (0.07, 0.09, "Inkooporder"), (0.07, 0.11, "Algemene gegevens"), (0.07, 0.13, "Bestelnr."),
        (0.24, 0.13, "818964812"),
        *_portal(vendor_title, caption, "Verbeek Logistiek N.V.", "Btw-nummer", "NL004495445B01", 0.16),
        *_portal(buyer_title, caption, "Kromme Installatie B.V.", "Btw-nummer", "NL123456789B01", 0.22),
    ]  # fmt: skip
    # read the other way round, the ids with them
    got = _read(
        document_of_rows(rows),
        buyer_name="Verbeek Logistiek N.V.", vendor_name="Kromme Installatie B.V.",
        buyer_tax_id="NL004495445B01", vendor_tax_id="NL123456789B01",
    )  # fmt: skip
    assert got["vendor_name"] == "Verbeek Logistiek N.V." and got["buyer_name"] == "Kromme Installatie B.V."
    assert got["vendor_tax_id"] == "NL004495445B01" and got["buyer_tax_id"] == "NL123456789B01"


def test_a_grid_row_above_a_name_is_no_section_title() -> None:
    # the row above holds two cells (a grid's 'Klant' caption and another's date): no title over the name
    rows = [
        (0.5, 0.05, "Kromme Installatie B.V."), (0.5, 0.07, "VAT NL123456789B01"),
        (0.07, 0.2, "Klant"), (0.51, 0.2, "Datum 12-03-2026"), (0.24, 0.22, "Verbeek Logistiek N.V."),
        (0.24, 0.235, "VAT NL004495445B01"),
    ]  # fmt: skip
    got = _read(document_of_rows(rows), buyer_name="Kromme Installatie B.V.", vendor_name="Verbeek Logistiek N.V.")
    assert got["buyer_name"] == "Kromme Installatie B.V." and got["vendor_name"] == "Verbeek Logistiek N.V."
