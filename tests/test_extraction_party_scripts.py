"""Parties of orders printed in scripts other than Latin, and two blocks whose captions no phrasing lists
(extraction.roles, extraction.companies, extraction.loading)."""

from extraction.companies import names_a_company, trailing_form
from extraction.document import Document, Page
from extraction.loading import _compatible
from extraction.result import Extraction, FieldValue
from extraction.roles import key, read_roles
from tests.fixtures_docs import document_of_rows, words_at


def _roles(doc: Document, **values: tuple[str, float]) -> dict[str, object]:
    fields = {name: FieldValue(value, confidence) for name, (value, confidence) in values.items()}
    ext = Extraction("purchase_order", 1, fields)
    read_roles(doc, ext)
    return {name: cell.value for name, cell in ext.fields.items() if name.endswith("_name")}


def test_a_legal_form_printed_in_its_own_script_is_read_as_iso_20275_spells_it_in_latin() -> None:
    # ISO 20275 lists North Macedonia's 'DOO', 'DOOEL' and Greece's 'IKE' in Latin letters only
    for form in ("ДОО", "ДООЕЛ", "Ι.Κ.Ε.", "ΙΚΕ"):
        assert trailing_form(form), form
    assert names_a_company("Струмица Градба ДООЕЛ")
    assert names_a_company("Αιγαίο Τεχνική Ι.Κ.Ε.")
    # two capitals of another script are as often a unit or a word ('КГ', 'СА'); a word in small letters is no form
    for word in ("КГ", "СА", "Градба", "доо"):
        assert not trailing_form(word), word


def test_a_name_s_key_keeps_letters_of_every_script() -> None:
    assert key("Свислочь Продукт ОАО") == "свислочьпродуктоао"
    assert key("«Արարատ Շին» ՓԲԸ") == "արարատշինփբը"


def test_a_letter_of_a_script_s_alphabet_is_kept_and_a_typesetter_s_ligature_spelled_out() -> None:
    assert _compatible("«Սևան Շին»") == "«Սևան Շին»"  # Armenian 'և' is a letter, not 'եւ'
    assert _compatible("ทำ") == "ทำ"  # Thai sara am
    assert _compatible("ﬁttings") == "fittings"
    assert _compatible("ＡＢ１") == "AB1"


def test_the_letterhead_s_company_in_cyrillic_is_matched_with_its_printing() -> None:
    # the vendor read as the letterhead's company: the name matches its printing, so the structure mends it
    doc = document_of_rows(
        [
            (0.08, 0.05, "Северный Терминал ООО"), (0.08, 0.065, "ул. Ленина 4, 220030 Минск"),
            (0.08, 0.2, "Контрагент"), (0.08, 0.215, "Волга Трейд ОАО"), (0.08, 0.23, "пр-т Мира 17, 220030 Минск"),
        ]
    )  # fmt: skip
    names = _roles(doc, vendor_name=("Северный Терминал ООО", 0.7))
    assert names == {"buyer_name": "Северный Терминал ООО", "vendor_name": "Волга Трейд ОАО"}


def _side_by_side(title: str, left: str, right: str) -> Document:
    rows = [
        (0.1, 0.1, left), (0.5, 0.1, right),
        (0.1, 0.115, "Kanto Gamma Ltd"), (0.5, 0.115, "Ferrum Delta Ltd"),
        (0.1, 0.13, "12 Orchard Road"), (0.5, 0.13, "3 Quay Street"),
    ]  # fmt: skip
    doc = document_of_rows(rows)
    large = words_at(title, 0.1, 0.04, 0.018, 0.024)  # the title in type twice the body's
    return Document([Page(1, 612, 792, large + doc.pages[0].words)])


def test_the_block_whose_caption_shares_the_title_s_stem_is_the_buyer() -> None:
    # captions of a language no phrasing lists (made up here): the agent noun of the order's title is the buyer's
    doc = _side_by_side("ZORBLATIO KEMANI", "Zorblatiador", "Vunteker")
    names = _roles(doc, buyer_name=("ZORBLATIO KEMANI", 0.2), vendor_name=("Kanto Gamma Ltd", 0.5))
    assert names == {"buyer_name": "Kanto Gamma Ltd", "vendor_name": "Ferrum Delta Ltd"}
    doc = _side_by_side("ZORBLATIO KEMANI", "Vunteker", "Zorblatiador")
    names = _roles(doc, buyer_name=("Kanto Gamma Ltd", 0.5), vendor_name=("Ferrum Delta Ltd", 0.5))
    assert names == {"buyer_name": "Ferrum Delta Ltd", "vendor_name": "Kanto Gamma Ltd"}


def test_a_title_whose_stem_both_captions_share_or_neither_decides_nothing() -> None:
    for left, right in (("Zorblatiador", "Zorblatier"), ("Minkova", "Vunteker")):
        doc = _side_by_side("ZORBLATIO KEMANI", left, right)
        names = _roles(doc, buyer_name=("Ferrum Delta Ltd", 0.9), vendor_name=("Kanto Gamma Ltd", 0.9))
        assert names == {"buyer_name": "Ferrum Delta Ltd", "vendor_name": "Kanto Gamma Ltd"}


def test_the_letterhead_s_company_captioned_where_the_goods_go_is_still_the_buyer() -> None:
    # the vendor's block captioned, the letterhead's company under a caption no phrasing lists and again where the
    # goods go: a buyer's order delivered to itself
    doc = document_of_rows(
        [
            (0.08, 0.07, "1. Bureau des achats"), (0.08, 0.082, "Baobab Distribution SARL"),
            (0.08, 0.097, "Avenue Lamine 8, Dakar"),
            (0.08, 0.144, "4. Fournisseur"), (0.08, 0.155, "Kaolack Négoce SUARL"), (0.08, 0.17, "Route 50, Thiès"),
            (0.08, 0.217, "7. Lieu de livraison"), (0.08, 0.23, "Baobab Distribution SARL, Avenue Lamine 8, Dakar"),
        ]
    )  # fmt: skip
    names = _roles(doc, buyer_name=("Kaolack Négoce SUARL", 0.95), vendor_name=("Baobab Distribution SARL", 0.95))
    assert names == {"buyer_name": "Baobab Distribution SARL", "vendor_name": "Kaolack Négoce SUARL"}
