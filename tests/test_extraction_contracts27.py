"""Contracts on unseen layouts (contracts27): parties in boxes under captions no list holds, a second party whose
legal form no list holds, the page's own word for 'and' (CLDR), a term's two ends in a sentence when no opening
names the parties, and no order date beside a contract's effective date."""

from datetime import date

from extraction.companies import trailing_form
from extraction.openings import and_words, read_opening
from extraction.result import Extraction, FieldValue
from tests.fixtures_docs import page_of_columns, page_of_lines


def _read(doc: object, **fields: object) -> dict[str, object]:
    ext = Extraction("contract", 1, {k: FieldValue(v, 0.9) for k, v in fields.items()})  # type: ignore[arg-type]
    read_opening(doc, ext)  # type: ignore[arg-type]
    return {name: cell.value for name, cell in ext.fields.items()}


def test_a_bare_form_of_four_letters_set_as_a_name_word_ends_a_name() -> None:
    # ISO 20275 lists 'SAGL' and 'SARL' in capitals; names print them 'Sagl', 'Sarl'
    assert trailing_form("Sagl") and trailing_form("SAGL")
    assert not trailing_form("Bank") and not trailing_form("sagl")


BOXES = [
    "SERVICE AGREEMENT DATA SHEET",
    "Zorbik | Wamplet",
    "Alpha Norte SA | Beta Sud Sagl",
    "Rua 1 | Via 2",
    "UID: CHE-133.298.611 | UID: CHE-946.225.436",
    "The wamplet renders the services listed in the annex with due care and skill.",
    "Prices are fixed for the whole term and are billed in arrears every month.",
]


def test_parties_in_boxes_side_by_side_under_captions_no_list_holds() -> None:
    got = _read(page_of_columns(BOXES))
    # the right box's caption is no word of the left box's name under it; 'Sagl' ends the second name
    assert (got["buyer_name"], got["vendor_name"]) == ("Alpha Norte SA", "Beta Sud Sagl")


MIRRORED = [
    "KONTRAKT SERWISU",
    "1. Stronki",
    "Kontrakt zawart inter Brenmoor Ltd, 10 Kirk Road, Elgin IV30 1AA, VAT GB268417827, the klient, plok",
    "Tollan Dunvegan Earrochta, 49 Quay Street, Portree IV51 9BZ, VAT GB930639914, the dostawca.",
    "2. Term",
    "Kontrakt begins on 20 May 2024 and comes to its end on 30 April 2026.",
]


def test_a_second_party_printed_as_the_first_whatever_its_form() -> None:
    got = _read(page_of_lines(MIRRORED), buyer_name="KONTRAKT SERWISU")
    assert (got["buyer_name"], got["vendor_name"]) == ("Brenmoor Ltd", "Tollan Dunvegan Earrochta")
    assert (got["buyer_tax_id"], got["vendor_tax_id"]) == ("GB268417827", "GB930639914")


REVISIONS = [
    "SERVICES CONTRACT",
    "Contract no. CS/2024/7439",
    "DOCUMENT CONTROL",
    "Version Date Author Change",
    "0.1 9 April 2024 Ann Roe First draft",
    "0.2 24 April 2024 Bo Lee Comments of the supplier",
    "1.0 14 May 2024 Bo Lee Final draft for signing",
    "1. Parties",
    "Kontrakt zawart inter Brenmoor Holdings and Tollan Dunvegan Services.",
    "2. Term",
    "The contract begins on 20 May 2024 and comes to its end on 30 April 2026.",
]


def test_a_terms_two_ends_in_a_sentence_where_no_opening_names_the_parties() -> None:
    # the revision history's first date, read as an order's date, is no start of the term
    got = _read(page_of_lines(REVISIONS), order_date=date(2024, 4, 9))
    assert (got["effective_date"], got["expiry_date"]) == (date(2024, 5, 20), date(2026, 4, 30))
    # a sentence that does not name the document by its title's word dates some other period
    other = [line.replace("The contract begins", "The warranty period runs") for line in REVISIONS]
    assert _read(page_of_lines(other), order_date=date(2024, 4, 9))["effective_date"] == date(2024, 4, 9)


def test_the_pages_own_word_for_and_joins_the_parties_cldr() -> None:
    assert "dhe" in and_words("sq") and "eta" in and_words("eu") and not and_words("") and not and_words("zz")
    lines = [
        "KONTRATË SHËRBIMI",
        "Nr. i kontratës: 4100/2025/K",
        "1. Më 23 maj 2025, ndërmjet Zenit Ndërtim sh.p.k., NIPT J61827013U, në vijim Porositësi, dhe",
        "Korabi Shpërndarje sh.p.k., NIPT K91326015N, në vijim Ofruesi, lidhet kjo kontratë.",
        "2. Kontrata lidhet për dymbëdhjetë muaj dhe mund të zgjatet me marrëveshje të palëve.",
        "3. Çmimet janë në lekë dhe paguhen brenda dhjetë ditëve nga marrja e faturës.",
    ]
    # the title the extractor took for the buyer gives way to the two names the sentence joins by its 'dhe'
    got = _read(page_of_lines(lines), buyer_name="KONTRATË SHËRBIMI")
    assert (got["buyer_name"], got["vendor_name"]) == ("Zenit Ndërtim sh.p.k.", "Korabi Shpërndarje sh.p.k.")
