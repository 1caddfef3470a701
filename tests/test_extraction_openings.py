"""A contract read by shape: reference code, parties, dates, term, days to pay, party tax ids, rate sentences."""

from datetime import date
from decimal import Decimal

from extraction.agreements import party_name
from extraction.document import Document, Page, Word
from extraction.openings import column_order, read_opening, term_months
from extraction.rates import read_rates
from extraction.result import Extraction, FieldValue
from tests.fixtures_docs import document_of_rows, page_of_columns, page_of_lines


def _read(lines: list[str], doc_type: str = "contract", **fields: object) -> dict[str, object]:
    ext = Extraction(doc_type, 1, {k: FieldValue(v, 0.9) for k, v in fields.items()})  # type: ignore[arg-type]
    read_opening(page_of_lines(lines), ext)
    return {name: cell.value for name, cell in ext.fields.items()}


OPENING = [
    "Master Services Memorandum",
    "Matter Ref. QX-2031-447",
    "This memorandum is concluded on 3 February 2031 by Tarnwick Foods Ltd, 4 Mill Lane, Leeds,",
    "VAT GB980780684 (the Patron), and Osgood Cold Chain LLC, 12 Harbor Road, Tampa, EIN 04-2103594",
    "(the Operator). The arrangement continues for three (3) years from that date.",
    "The Patron remits every statement inside 45 days following its delivery.",
    "Either party may end it with 30 days notice.",
]


def test_reference_code_under_an_unknown_caption_and_parties_by_legal_form() -> None:
    got = _read(OPENING)
    assert got["contract_number"] == "QX-2031-447"
    # role words it never met: the client is named first
    assert (got["buyer_name"], got["vendor_name"]) == ("Tarnwick Foods Ltd", "Osgood Cold Chain LLC")
    assert (got["buyer_tax_id"], got["vendor_tax_id"]) == ("GB980780684", "04-2103594")


def test_a_tax_id_no_check_digits_accept_gives_way_to_the_valid_one_the_opening_prints() -> None:
    # the layout model tags a date on a scan as the vendor's id; a valid id another reader found stays
    got = _read(OPENING, vendor_tax_id="2027-12-02", buyer_tax_id="GB980780684")
    assert (got["buyer_tax_id"], got["vendor_tax_id"]) == ("GB980780684", "04-2103594")
    # a valid id that is not the printed one stays too: only check digits make a value give way
    assert _read(OPENING, vendor_tax_id="GB123456782")["vendor_tax_id"] == "GB123456782"


def test_dates_term_and_days_to_pay() -> None:
    got = _read(OPENING)
    assert got["effective_date"] == date(2031, 2, 3)
    assert got["expiry_date"] == date(2034, 2, 2)  # three years less a day
    assert got["payment_terms"] == "inside 45 days following its delivery"
    assert got["payment_terms_days"] == 45  # not the notice period


def test_a_later_date_is_the_expiry_and_a_known_role_puts_the_vendor_first() -> None:
    got = _read([
        "Akte KL 123/2029",
        "Made on 2029-05-01 by and between Brightwater Tooling GmbH, Hafenweg 3, Kiel (the Supplier), and",
        "Lindqvist Marine AB, Stockholm (the Customer). It lasts until 2030-04-30 at the latest.",
    ])  # fmt: skip
    assert got["contract_number"] == "KL 123/2029"
    assert "po_number" not in _read(["Akte KL 123/2029", "Made on 2029-05-01."], po_number="123/2029")
    assert (got["vendor_name"], got["buyer_name"]) == ("Brightwater Tooling GmbH", "Lindqvist Marine AB")
    assert got["expiry_date"] == date(2030, 4, 30)


def test_a_term_in_another_language_and_a_title_taken_for_the_buyer() -> None:
    got = _read(
        [
            "Liefervereinbarung",
            "Heute am 15.01.2030 schliessen die Kranich Holzbau GmbH & Co. KG, Ulm, und die Seidl Beschlag AG,",
            "Linz, diesen Vertrag. Er gilt 18 Monate ab Beginn.",
        ],
        buyer_name="Liefervereinbarung",
    )
    assert (got["buyer_name"], got["vendor_name"]) == ("Kranich Holzbau GmbH & Co. KG", "Seidl Beschlag AG")
    assert got["expiry_date"] == date(2031, 7, 14)


def test_terms_without_days_are_read_by_what_they_say_and_a_bare_number_is_made_whole() -> None:
    head = OPENING[:5]
    for sentence, want in (
        ("Each invoice is settled on presentation.", "on presentation"),
        ("Rechnungen sind sofort nach Erhalt zu begleichen.", "sofort nach Erhalt"),
    ):
        got = _read([*head, "Risk passes to the Patron on delivery.", sentence])
        assert (got["payment_terms"], got["payment_terms_days"]) == (want, 0)
    assert "payment_terms" not in _read([*head, "Risk passes to the Patron on delivery."])
    assert "payment_terms" not in _read([*head, "Either party may end it upon receipt of written notice."])
    # '45' read alone from the phrase the body prints: the phrase; other terms read elsewhere stand
    got = _read(OPENING, payment_terms="45", payment_terms_days=45)
    assert got["payment_terms"] == "inside 45 days following its delivery"
    assert _read(OPENING, payment_terms="60")["payment_terms"] == "60"


def test_a_day_of_the_month_to_pay_on_and_the_words_that_lead_to_the_days() -> None:
    head = OPENING[:5]
    got = _read([*head, "Fees are invoiced annually and payable on the 25th of the month of invoice."])
    assert (got["payment_terms"], got["payment_terms_days"]) == ("on the 25th of the month of invoice", 25)
    for sentence, want in (
        ("Las facturas se pagarán dentro de los 15 días.", "dentro de los 15 días"),
        ("Faktury płatne są w terminie 30 dni.", "w terminie 30 dni"),
        ("Beneficiarul achită în 15 zile.", "în 15 zile"),  # the verb of paying is no part of the terms
        ("Rēķini apmaksājami 15 dienu laikā.", "15 dienu laikā"),
        ("Plata se face în termen de 30 de zile de la factură.", "în termen de 30 de zile de la factură"),
    ):
        assert _read([*head, sentence])["payment_terms"] == want, sentence


def test_an_expiry_reckoned_from_a_term_follows_an_effective_date_read_again() -> None:
    # the extractor read '06/11/2023' day first and reckoned 36 months from it; a reader then read it month first
    fields = {
        "effective_date": FieldValue(date(2023, 6, 11), 0.85, raw="06/11/2023"),
        "expiry_date": FieldValue(date(2026, 11, 5), 0.6, raw="for a period of 36 months,"),
    }
    ext = Extraction("contract", 1, dict(fields))
    read_opening(page_of_lines(["This Agreement commences on the Effective Date."]), ext)
    assert ext.value("expiry_date") == date(2026, 6, 10)
    # an expiry printed as a date stands
    fields["expiry_date"] = FieldValue(date(2026, 11, 5), 0.6, raw="5 November 2026")
    ext = Extraction("contract", 1, dict(fields))
    read_opening(page_of_lines(["This Agreement commences on the Effective Date."]), ext)
    assert ext.value("expiry_date") == date(2026, 11, 5)


def test_values_the_extractor_read_stay_and_a_form_is_left_alone() -> None:
    got = _read(OPENING, vendor_name="Osgood Cold Chain LLC", payment_terms="Net 30")
    assert got["payment_terms"] == "Net 30" and "payment_terms_days" not in got
    form = ["PURCHASE ORDER 4711", "Vendor: Osgood Cold Chain LLC", "Ship to: Tarnwick Foods Ltd", "Date 2031-02-03"]
    assert _read(form, doc_type="purchase_order") == {}


def test_two_columns_are_read_one_after_the_other() -> None:
    words = [Word("Heading", (0.40, 0.05, 0.60, 0.07))]
    for row in range(40):
        y = 0.10 + 0.02 * row
        words.append(Word(f"left{row}", (0.08, y, 0.40, y + 0.012)))
        words.append(Word(f"right{row}", (0.55, y + 0.005, 0.90, y + 0.017)))  # baselines that never align
    order = [w.text for w in column_order(Page(1, 612, 792, words))]
    assert order[:3] == ["Heading", "left0", "left1"] and order[41] == "right0"
    assert column_order(Document([Page(1, 612, 792, words[:5])]).pages[0])[0].text == "Heading"


def _cells(y: float, cells: list[tuple[str, float]]) -> list[Word]:
    out = []
    for text, x in cells:
        for token in text.split():
            out.append(Word(token, (x, y, x + 0.008 * len(token), y + 0.011)))
            x += 0.008 * (len(token) + 1)
    return out


def test_a_rate_table_beside_prose_is_read_by_its_geometry_whatever_its_headers() -> None:
    words = []
    for row in range(40):  # a column of clauses on the left
        words += _cells(0.10 + 0.02 * row, [("The parties agree on clause", 0.08)])
    words += _cells(0.10, [("Activity", 0.52), ("Basis", 0.72), ("Level", 0.86)])
    rows = [("Weekend call-out", "call-out", "2,251.78"), ("Annual compliance report", "report", "975.00"),
            ("Field engineer, standard", "hour", "1,040.68")]  # fmt: skip
    for k, (service, unit, rate) in enumerate(rows):
        # a unit close to its service, right-aligned amounts
        words += _cells(0.12 + 0.03 * k, [(service, 0.52), (unit, 0.72), (rate, 0.94 - 0.008 * len(rate))])
    words += _cells(0.19, [("hours", 0.52)])  # the service wrapped under its cell
    for row in range(12):
        words += _cells(0.30 + 0.02 * row, [("Signed for the Client", 0.52)])
    ext = Extraction("contract", 1, {})
    read_rates(Document([Page(1, 612, 792, words)]), ext)
    got = [(i.value("description"), i.value("unit"), str(i.value("unit_price"))) for i in ext.line_items]
    assert got == [("Weekend call-out", "call-out", "2251.78"), ("Annual compliance report", "report", "975.00"),
                   ("Field engineer, standard hours", "hour", "1040.68")]  # fmt: skip


def test_rates_in_sentences_lose_the_words_they_share() -> None:
    doc = page_of_lines([
        "Schedule B",
        "Tariffs",
        "Night courier runs are invoiced at 310.50 GBP per trip.",
        "Archive retrieval boxes are invoiced at 12.75 GBP per box.",
        "Courts of England decide.",
    ])  # fmt: skip
    ext = Extraction("contract", 1, {})
    read_rates(doc, ext)
    got = [(i.value("description"), str(i.value("unit_price")), i.value("unit")) for i in ext.line_items]
    assert got == [("Night courier runs", "310.50", "trip"), ("Archive retrieval boxes", "12.75", "box")]
    one = Extraction("contract", 1, {})
    read_rates(page_of_lines(["A fee of 310.50 GBP per trip applies."]), one)
    assert one.line_items == []  # one sentence: no template to tell the description from


def test_a_party_the_opening_prints_stays_though_it_has_no_legal_form() -> None:
    lines = [
        "Services Memorandum",
        "Ref. LC-2031-118",
        "Made on 2031-02-03 between the Regents of Lakeside College, Mill Lane,",
        "and Osgood Cold Chain LLC, 12 Harbor Road (the Operator), and Tarnwick Foods Ltd (the Patron).",
    ]
    got = _read(lines, buyer_name="Regents of Lakeside College")
    assert got["buyer_name"] == "Regents of Lakeside College"


def test_a_person_another_reader_found_stays_and_a_title_gives_way() -> None:
    # an NDA's individual party, read from the signature block, is printed nowhere in the opening sentence
    got = _read(OPENING, buyer_name="Maria Jansen")
    assert (got["buyer_name"], got["vendor_name"]) == ("Maria Jansen", "Osgood Cold Chain LLC")
    assert _read(OPENING, buyer_name="Master Services Memorandum")["buyer_name"] == "Tarnwick Foods Ltd"


def test_a_table_header_read_as_a_party_gives_way() -> None:
    doc = page_of_lines(OPENING)
    row = [("Activity", 0.08), ("Billing", 0.4), ("basis", 0.49), ("Fee", 0.75), ("Level", 0.8)]  # three blocks
    doc.pages[0].words += [Word(text, (x, 0.5, x + 0.011 * len(text), 0.512)) for text, x in row]
    header = FieldValue("Fee Level", 0.9, 1, (0.75, 0.5, 0.855, 0.512), "Fee Level")
    ext = Extraction("contract", 1, {"vendor_name": header})
    read_opening(doc, ext)
    assert ext.value("vendor_name") == "Osgood Cold Chain LLC"


def test_a_doubted_word_or_a_bare_legal_form_gives_way_to_the_openings_company() -> None:
    def read(buyer: str, confidence: float) -> object:
        ext = Extraction("contract", 1, {"buyer_name": FieldValue(buyer, confidence)})
        read_opening(page_of_lines(OPENING), ext)
        return ext.fields["buyer_name"].value

    # 'Leeds' is printed in the opening sentence, but its reader (the layout model) all but ruled it out
    assert read("Leeds", 0.02) == "Tarnwick Foods Ltd"
    assert read("Leeds", 0.9) == "Leeds"  # read with confidence, a name the sentence prints stands
    assert read("Ltd", 0.02) == "Tarnwick Foods Ltd"  # doubted, and a legal form alone names no company


def test_a_term_s_two_ends_in_a_sentence_after_the_opening_one() -> None:
    # the opening names the parties undated; a later sentence prints the term's start and end (French, an OCR'd
    # 'août' misread by one letter)
    got = _read([
        "CONTRAT DE PRESTATION DE SERVICES",
        "ENTRE LES SOUSSIGNES : Bréhaut Electricité SAS, dont le siège est situé 229, rue Lenepveu, ci-après le",
        "Client, ET Lemaréchal Outillage S.A., 23, avenue Garibaldi, ci-après le Prestataire.",
        "Article 1 - Le présent contrat prend effet le 11 aoat 2027 et prend fin le 10 mai 2028.",
    ])  # fmt: skip
    assert (got["effective_date"], got["expiry_date"]) == (date(2027, 8, 11), date(2028, 5, 10))
    # without an opening that names both parties, a dated sentence anywhere is no term's start
    got = _read(["THIS AGREEMENT is made as of the ___ day of ______, 2005, by ACME HOLDINGS and J. DOE.",
                 "The restricted period runs from January 25, 2005 until January 25, 2010."])  # fmt: skip
    assert "effective_date" not in got
    # two dates a few days apart are no term: a delivery window
    got = _read([
        "Made between Brightwater Tooling GmbH, Kiel (the Supplier), and Lindqvist Marine AB (the Customer).",
        "Goods ship between 3 March 2030 and 10 March 2030.",
    ])  # fmt: skip
    assert "effective_date" not in got


def test_an_order_form_s_start_and_initial_term_in_caption_rows() -> None:
    # read in column order, the form's values follow the parties, and its 'sentence' runs to the first full stop
    lines = ["Subscriber      Jacaranda Electrical Pty Ltd", "Supplying Company      Ironbark Builders Pty Ltd",
             "Initial Term      24 months", "Renewal      renews for successive 12-month periods",
             "This Order Form is governed by the online terms."]  # fmt: skip
    got = _read(lines, order_date=date(2024, 6, 23))
    assert (got["effective_date"], got["expiry_date"]) == (date(2024, 6, 23), date(2026, 6, 22))
    # an order's date, where the page prints an order's total, is no contract's start
    assert "effective_date" not in _read(lines, order_date=date(2024, 6, 23), total=Decimal("100.00"))


def test_party_names_neither_start_with_the_word_joining_them_nor_are_a_bare_legal_form() -> None:
    lines = [
        "ENTRE LES SOUSSIGNES : Bréhaut Electricité SAS, 229, rue Lenepveu, ci-après le Client,",
        "ET Lemaréchal Outillage S.A., 23, avenue Garibaldi, ci-après le Prestataire.",
    ]
    got = _read(lines, buyer_name="Ltd", vendor_name="67 259 350 Lemaréchal Outillage S.A.")
    # 'ET' joins the parties; 'Ltd' alone names nobody; a number read before the name is no part of it
    assert (got["buyer_name"], got["vendor_name"]) == ("Bréhaut Electricité SAS", "Lemaréchal Outillage S.A.")


def test_a_name_a_reader_stopped_inside_or_read_as_its_bare_form_gives_way_to_the_opening_s() -> None:
    # the layout model tags a scan word by word and stops inside a name, or tags only its form
    got = _read(OPENING, buyer_name="Tarnwick", vendor_name="Osgood Cold")
    assert (got["buyer_name"], got["vendor_name"]) == ("Tarnwick Foods Ltd", "Osgood Cold Chain LLC")
    lines = ["Made on 3 February 2031 between Hufnagel Kunststoffteile GmbH & Co. KG (the Patron) and Osgood Cold",
             "Chain LLC (the Operator)."]  # fmt: skip
    assert _read(lines, buyer_name="GmbH & Co. KG")["buyer_name"] == "Hufnagel Kunststoffteile GmbH & Co. KG"
    # a name whole, its form printed, stands though the opening's reading is longer
    assert _read(OPENING, buyer_name="Foods Ltd")["buyer_name"] == "Foods Ltd"


def test_the_word_joining_two_parties_blocks_on_a_line_of_its_own_joins_no_name() -> None:
    lines = [
        "RAHMENVERTRAG",
        "zwischen",
        "Pichler Holzbau GmbH & Co. KG",
        "Herrengasse 169, 8010 Graz, Österreich",
        "und",
        "Großglockner Elektrotechnik GmbH & Co. KG",
        "Landstraße 3, 4020 Linz, Österreich",
        "Dieser Vertrag wird am 24. Oktober 2026 geschlossen und beginnt am selben Tag.",
    ]
    got = _read(lines)
    assert (got["buyer_name"], got["vendor_name"]) == (
        "Pichler Holzbau GmbH & Co. KG",
        "Großglockner Elektrotechnik GmbH & Co. KG",
    )


def test_a_caption_across_a_form_s_gap_or_the_last_word_of_another_column_starts_no_party() -> None:
    rows = [(0.1, 0.10, "Subscriber"), (0.4, 0.10, "Barramundi Coast Electrical Pty Ltd"),
            (0.1, 0.13, "Subscriber A.B.N."), (0.4, 0.13, "67 259 350 084"),
            (0.1, 0.16, "Supplying Company"), (0.4, 0.16, "Jacaranda Civil Pty Ltd"),
            (0.1, 0.19, "Fees quoted in"), (0.4, 0.19, "AUD")]  # fmt: skip
    ext = Extraction("contract", 1, {})
    read_opening(document_of_rows(rows), ext)
    assert (ext.value("buyer_name"), ext.value("vendor_name")) == (
        "Barramundi Coast Electrical Pty Ltd", "Jacaranda Civil Pty Ltd")  # fmt: skip


def test_a_dateline_before_the_opening_sentence_dates_the_contract() -> None:
    # place and date in a short sentence of their own, then a lead-in ending in a colon, then the parties
    got = _read([
        "CONTRATTO DI FORNITURA",
        "Torino, 14 marzo 2030. TRA LE PARTI: da una parte Ferrandi Imballaggi S.p.A., con sede in Via Roma 3,",
        "Milano (il Committente), e dall'altra Bassani Trasporti S.r.l., con sede in Corso Francia 9, Torino.",
        "Il contratto ha durata di 12 mesi.",
    ])  # fmt: skip
    assert (got["effective_date"], got["expiry_date"]) == (date(2030, 3, 14), date(2031, 3, 13))
    # a date far above the opening (a letterhead's, a title's) is no dateline
    got = _read([
        "Printed 2 January 2030 for the files of the legal department of the group, archive copy number four.",
        "Notes on the matter follow in the order the clerk received them from the two parties named below.",
        "This agreement is made between Ferrandi Imballaggi S.p.A. (the Client) and Bassani Trasporti S.r.l.",
    ])  # fmt: skip
    assert "effective_date" not in got


def test_a_caption_s_full_stop_ends_no_sentence_and_the_one_id_printed_is_its_party_s() -> None:
    got = _read(
        [
            "SERVICES AGREEMENT",
            "THIS AGREEMENT is made on 22 November 2025 BETWEEN Kilbride Systems Ltd, having its registered office",
            "at 23 Eyre Square, Galway (the Client) AND Donnelly Engineering Ltd, having its registered office at 146",
            "South Mall, Cork, VAT No. IE1772060L (the Service Provider).",
        ],
        buyer_tax_id="IE1772060L",  # the one id given to the issuer by another reader
    )
    assert got["vendor_tax_id"] == "IE1772060L" and "buyer_tax_id" not in got


def test_net_days_without_a_unit_and_a_value_that_says_no_days_gives_way() -> None:
    lines = [
        "This Consulting Agreement is made effective 2024-12-01 between Maplecrest Partners Inc., Winnipeg (the",
        "Company), and Red River Advisory Ltd., Halifax (the Consultant).",
        "2. The Consultant bills in CAD and the Company pays net 15 from invoice. HST is added to each invoice.",
        "5. The Consultant is an independent contractor and nothing here creates an employment relationship.",
    ]
    got = _read(lines, payment_terms="5. The Consultant is an independent contractor")
    assert (got["payment_terms"], got["payment_terms_days"]) == ("net 15 from invoice", 15)
    # a value read with its days stands
    got = _read(lines, payment_terms="Net 30")
    assert got["payment_terms"] == "Net 30"


def test_an_order_form_s_captions_in_cells_are_no_opening_sentence() -> None:
    # lower-case words of captions and values standing apart in cells ('Modalità di pagamento', 'Bonifico
    # bancario') before two companies and a date: an order form, not a dated agreement
    from tests.fixtures_docs import document_of_rows

    rows = [
        (0.05, 0.05, "ORDINE D'ACQUISTO"),
        (0.05, 0.10, "Numero ordine"),
        (0.35, 0.10, "Data ordine"),
        (0.05, 0.115, "789/2027"),
        (0.35, 0.115, "11-02-2027"),
        (0.05, 0.14, "Consegna richiesta"),
        (0.35, 0.14, "Modalità di pagamento"),
        (0.05, 0.155, "14-03-2027"),
        (0.35, 0.155, "Bonifico bancario 60 gg"),
        (0.05, 0.19, "Fornitore"),
        (0.05, 0.205, "Bertolini Meccanica S.r.l."),
        (0.05, 0.22, "Via Emilia 92"),
        (0.05, 0.25, "Committente"),
        (0.05, 0.265, "Sartori Meccanica S.p.A."),
        (0.05, 0.28, "Via Emilia 76"),
    ]
    ext = Extraction("purchase_order", 1, {"po_number": FieldValue("789/2027", 0.45)})
    read_opening(document_of_rows(rows), ext)
    assert ext.doc_type == "purchase_order" and ext.value("po_number") == "789/2027"


def test_the_word_for_between_that_opens_the_sentence_is_no_part_of_the_first_name() -> None:
    for between, joined in (("Zwischen", "und"), ("Tussen", "en"), ("Mellan", "och"), ("Między", "oraz")):
        got = _read(
            [
                "Rahmenvertrag",
                "Vertrag Nr. RV-2030-18",
                f"{between} Kestrel Haustechnik GmbH, Hafenstraße 4, Bremen, {joined} Lindqvist Verkstad AB,",
                "Storgatan 9, Malmö, gilt ab dem 1. März 2030 für zwei (2) Jahre.",
            ]
        )
        assert (got["buyer_name"], got["vendor_name"]) == ("Kestrel Haustechnik GmbH", "Lindqvist Verkstad AB")


def test_tax_ids_the_opening_prints_in_groups_after_an_initialism() -> None:
    got = _read(
        [
            "Services Agreement",
            "Agreement No: SA/2031/12",
            "This Agreement is dated 2 May 2031 and made between Pemberton Mills Ltd, of 4 Quay Street, Bristol,",
            "V.A.T. No. GB 980 7806 84 (the Customer) and Ashcombe Data Ltd, of 9 Kings Road, Leeds, V.A.T. No.",
            "GB 239 6857 67 (the Supplier). It continues for twelve (12) months.",
        ]
    )
    assert (got["buyer_tax_id"], got["vendor_tax_id"]) == ("GB980780684", "GB239685767")


def test_a_bracketed_role_ends_before_the_next_name_and_an_id_after_two_abbreviations_is_read() -> None:
    got = _read(
        [
            "Processing Agreement",
            "Contract ref.: PA/88/31",
            "This agreement dated 21/05/2031 is made between Pemberton Mills plc (the Customer)",
            "and Ashcombe Data Ltd, VAT Reg. No. GB 239 6857 67 (the Supplier).",
        ]
    )
    assert (got["buyer_name"], got["vendor_name"]) == ("Pemberton Mills plc", "Ashcombe Data Ltd")
    assert got["vendor_tax_id"] == "GB239685767" and got.get("buyer_tax_id") is None
    got = _read(
        [
            "Tillægsaftale",
            "Kontraktnr.: 77-T1",
            "Mellem Lysgaard Maskiner ApS, CVR-nr. DK13585628 (Kunden) og Fjordvang Stål A/S, CVR-nr.",
            "DK20325879 (Leverandøren) er der pr. 3. maj 2031 aftalt følgende.",
        ]
    )
    assert (got["buyer_tax_id"], got["vendor_tax_id"]) == ("DK13585628", "DK20325879")


def test_a_party_read_under_a_forms_caption_stands_where_no_sentence_joins_two_companies() -> None:
    # an order form whose first line prints the advertiser: the companies below are a remit-to box and an agency set
    # apart by an address, or one company's two names joined by 'or', not an opening's two parties
    boxes = ["Advertiser Harbor Light Committee Invoice 7381563", "Remit to Northfield Broadcasting Inc",
             "c/o WXYZ PO Box 2062 Dallas, TX 75320", "Salesperson Ethica Media LLC", "Totals 7 $1,500.00"]  # fmt: skip
    assert _read(boxes, buyer_name="Harbor Light Committee")["buyer_name"] == "Harbor Light Committee"
    either = ["Advertiser Harbor Light Committee Print Date 03/30/20", "Totals 7 $1,500.00",
              "Terms of Gray Television Group, Inc. or Gray Media Group, Inc. apply."]  # fmt: skip
    assert _read(either, buyer_name="Harbor Light Committee")["buyer_name"] == "Harbor Light Committee"
    # where a sentence joins them, the title read as a party gives way as before
    joined = [
        "Harbor Light Committee",
        "Agreement between Northfield Broadcasting Inc. (the Station) and",
        "Ethica Media LLC (the Agency), dated 3 May 2020.",
    ]
    assert _read(joined, buyer_name="Harbor Light Committee")["buyer_name"] == "Northfield Broadcasting Inc."


def test_a_partys_description_is_no_party_and_a_name_the_other_field_holds_is_not_taken_twice() -> None:
    # ', a Delaware corporation' and 'a limited company' describe the party before them; the employee is left blank
    described = [
        "Confidentiality Agreement",
        "This Agreement is made between Harwell Optics, Inc., a Delaware",
        "corporation (the Company) and ____________ (the Employee), and Kestrel Labs, a limited company.",
    ]
    got = _read(described, vendor_name="Harwell Optics, Inc.")
    assert "buyer_name" not in got
    # a letter to one company from another: the agreement reader put the writer in the vendor's field, so the
    # opening's first name (the addressee) fills the empty buyer, not the writer's name again
    letter = ["April 22, 2008", "Lindqvist Cable Ltd. 159 Samsung-dong, Seoul", "Ladies and Gentlemen: You are",
              "considering a transaction with Brightwater Essex Inc. (the Company) and its affiliates."]  # fmt: skip
    got = _read(letter, vendor_name="Brightwater Essex Inc.")
    assert (got["buyer_name"], got["vendor_name"]) == ("Lindqvist Cable Ltd.", "Brightwater Essex Inc.")


def test_a_title_gives_way_where_the_joining_word_opens_the_second_name_and_a_bare_form_takes_nothing() -> None:
    # 'Österreich und Großglockner ...' reads as one run of capitalised words: 'und' still joins the two parties, and
    # a vendor read as its legal form alone ('GmbH & Co. KG') does not hold the buyer's name
    lines = ["RAHMENVERTRAG", "zwischen Pichler Holzbau GmbH & Co. KG, Salzburg, Österreich",
             "und Großglockner Elektrotechnik GmbH & Co. KG (Auftragnehmer), am 24. Oktober 2026."]  # fmt: skip
    got = _read(lines, buyer_name="RAHMENVERTRAG", vendor_name="GmbH & Co. KG")
    assert got["buyer_name"] == "Pichler Holzbau GmbH & Co. KG"


def test_the_terms_start_at_their_number_or_the_word_that_leads_to_it_not_at_the_sentences_verb() -> None:
    head = OPENING[:5]
    for sentence, want in (
        ("Invoices are due 14 days net. 3. Either party may end it in writing.", "14 days net"),
        ("Les factures sont payables à 45 jours fin de mois.", "à 45 jours fin de mois"),
        ("Betaling skjer 30 dager netto.", "30 dager netto"),
        ("Faktury jsou splatné do 14 dnů od doručení faktury.", "do 14 dnů od doručení faktury"),
        (
            "The Patron pays each invoice no later than 30 days after the invoice date.",
            "no later than 30 days after the invoice date",
        ),
    ):
        assert _read([*head, sentence])["payment_terms"] == want


def test_the_word_for_payable_after_the_terms_is_the_sentences_not_the_terms() -> None:
    head = OPENING[:5]
    for sentence, want in (
        ("Die Entgelte sind binnen 15 Tagen zahlbar.", "binnen 15 Tagen"),
        ("Le fatture sono entro 60 giorni pagabili.", "entro 60 giorni"),
        ("The fees fall due within 30 days after payment.", "within 30 days after payment"),  # a noun stays
    ):
        assert _read([*head, sentence])["payment_terms"] == want


def test_a_terms_length_in_the_months_and_years_of_any_cldr_language() -> None:
    # CLDR's duration words: Ukrainian months, Croatian and Estonian years; Catalan's 'any' is no English word's
    assert term_months("Договір діє протягом 24 місяців з дати його підписання.") == 24
    assert term_months("Ugovor se sklapa na 2 godine.") == 24
    assert term_months("Leping kehtib 3 aastat.") == 36
    assert term_months("within 30 days. 2 Any change is made in writing.") is None


def test_a_legal_form_in_brackets_inside_a_party_name() -> None:
    # South African companies print '(Pty) Ltd': the bracket is the name's, neither its end nor a defined term
    lines = [
        "Statement of Work",
        "This Statement of Work is issued under the master agreement between Springbok Traders (Pty) Ltd,",
        "VAT No. 4429065765 and Umhlanga Engineering (Pty) Ltd. Work starts on 2027/04/19.",
    ]
    got = _read(lines)
    assert (got["buyer_name"], got["vendor_name"]) == ("Springbok Traders (Pty) Ltd", "Umhlanga Engineering (Pty) Ltd.")
    read = party_name("Springbok Traders (Pty) Ltd (the Client) and Acme Inc.")
    assert read is not None and read[0] == "Springbok Traders (Pty) Ltd"


def test_a_polish_form_with_its_joining_words_after_the_word_for_and() -> None:
    got = _read([
        "Umowa o świadczenie usług",
        "Umowa zawarta w dniu 20.02.2027 pomiędzy Warta Hurtownia S.A., NIP 450-767-02-00, zwaną",
        "dalej Zleceniodawcą, a Mazowsze Hurtownia sp. z o.o., NIP 850-060-64-31, zwaną dalej",
        "Zleceniobiorcą.",
    ])  # fmt: skip
    assert (got["buyer_name"], got["vendor_name"]) == ("Warta Hurtownia S.A.", "Mazowsze Hurtownia sp. z o.o.")
    assert (got["buyer_tax_id"], got["vendor_tax_id"]) == ("450-767-02-00", "850-060-64-31")


def test_japanese_companies_and_their_corporate_numbers_bare_after_a_two_word_caption_or_grouped() -> None:
    got = _read([
        "Maintenance Service Agreement",
        "This Agreement is entered into on 2026/01/31 by and between Setouchi Trading K.K., Corporate No.",
        '5391060097947 (the "Client") and Hokuriku Precision Corporation, Registration No. 7-8766-6393-5178 (the',
        '"Contractor").',
    ])  # fmt: skip
    assert (got["buyer_name"], got["vendor_name"]) == ("Setouchi Trading K.K.", "Hokuriku Precision Corporation")
    assert (got["buyer_tax_id"], got["vendor_tax_id"]) == ("5391060097947", "7-8766-6393-5178")


def test_days_to_pay_stand_in_a_sentence_about_paying_else_terms_in_words_after_payable() -> None:
    head = OPENING[:5]
    for body, want in (
        # a notice period's or a letter's days to accept it are no terms where a sentence says how fees are paid
        (["All fees are in EUR and are payable monthly in arrears.",
          "Please return the signed copy to us within seven days as your acceptance."], ("monthly in arrears", 30)),
        (["Les prix sont payables à réception de la facture.",
          "Chaque partie peut résilier moyennant un préavis de soixante jours."], ("à réception de la facture", 0)),
        (["All fees are payable on completion of each milestone."], ("on completion of each milestone", 0)),
        (["Los cánones se pagan por mes adelantado, más el ITBMS correspondiente."], ("por mes adelantado", 0)),
        # the verb of paying leads no terms ('es paguen')
        (["Els preus s'expressen en EUR i es paguen a 60 dies."], ("a 60 dies", 60)),
    ):  # fmt: skip
        got = _read([*head, *body])
        assert (got["payment_terms"], got.get("payment_terms_days")) == want, body
    # terms in words after payable, their days counted by the day's word of a country's second official language
    # (Afrikaans 'dae', terms24)
    got = _read([*head, "Alle fooie is in NAD en is betaalbaar binne 30 dae na faktuur."])
    assert got["payment_terms"] == "binne 30 dae na faktuur" and got["payment_terms_days"] == 30
    # no word after payable that reads as terms: the currency, a party
    assert "payment_terms" not in _read([*head, "All fees are payable in USD by the Patron."])


def test_one_company_printed_twice_is_no_pair_of_parties_and_bare_forms_are_two() -> None:
    # a form: each party's name over its caption, then the signature block names them again side by side
    ext = Extraction("contract", 1, {})
    read_opening(page_of_columns([
        "CONTRACT FOR SERVICES",
        "CS-4691/26 24 February 2026",
        "Agreement number Date of agreement",
        "Kariba Logistics Ltd 1002965374",
        "Client Client's tax id",
        "Luangwa Logistics Limited 1007959022",
        "Contractor Contractor's tax id",
        "1. Term",
        "This agreement is made for 3 years from the date of signature.",
        "2. Termination",
        "Either party may end this agreement on sixty days' written notice and fees remain payable.",
        "Kariba Logistics Ltd | | Luangwa Logistics Limited",
    ]), ext)  # fmt: skip
    got = {name: cell.value for name, cell in ext.fields.items()}
    assert (got["buyer_name"], got["vendor_name"]) == ("Kariba Logistics Ltd", "Luangwa Logistics Limited")
    assert (got["effective_date"], got["expiry_date"]) == (date(2026, 2, 24), date(2029, 2, 23))
    # two names of lower-case words read as their bare forms: two parties all the same, and the sentence's date
    got = _read([
        "SMLOUVA O POSKYTOVÁNÍ SLUŽEB",
        "Č. j.: SOD 618/2024",
        "Smluvní strany Hanácká obchodní s.r.o., DIČ CZ20294221 (Objednatel) a Krkonošská strojírna s.r.o.,",
        "DIČ CZ66708699 (Zhotovitel) uzavírají dne 16. dubna 2024 tuto smlouvu.",
        "1. Smlouva se uzavírá na dobu 2 let ode dne 16. dubna 2024.",
    ])  # fmt: skip
    assert (got["effective_date"], got["expiry_date"]) == (date(2024, 4, 16), date(2026, 4, 15))
    assert (got["buyer_tax_id"], got["vendor_tax_id"]) == ("CZ20294221", "CZ66708699")


def test_lines_of_prose_whose_word_spaces_line_up_are_no_two_columns() -> None:
    # a letter's sentences over a table of two right-aligned columns: the same spaces at the middle of every line
    line = "Alpha beta gamma delta epsilon zeta eta theta iota kappa"
    doc = page_of_lines([line] * 24)
    assert " ".join(w.text for w in column_order(doc.pages[0])) == " ".join([line] * 24)


def test_a_day_in_words_a_renewal_s_length_and_bare_net_days_under_a_caption() -> None:
    head = [
        "SERVICES AGREEMENT",
        "This Agreement is made on 3 March 2026 between Kestrel Foods Ltd (the Client) and",
        "Osgood Cold Chain Limited (the Contractor).",
    ]
    # the start's day as an ordinal in words: the term runs from it
    got = _read([*head, "1. The services start on the first day of April 2026 and run for two years."])
    assert (got["effective_date"], got["expiry_date"]) == (date(2026, 4, 1), date(2028, 3, 31))
    lines = ["CONTRAT", "Entre Byblos SAL, ci-après « le Client », et Cèdres SAL, ci-après « le Prestataire », il est",
             "convenu ce qui suit, avec effet au premier avril 2026.",
             "2. Le présent contrat est conclu pour une durée de dix-huit mois."]  # fmt: skip
    assert (_read(lines)["effective_date"], _read(lines)["expiry_date"]) == (date(2026, 4, 1), date(2027, 9, 30))
    # an end date and the renewal's length after it: no term starts at the end date
    got = _read([*head, "1. This Agreement runs until 2 March 2027 and renews for successive periods of one year."])
    assert (got["effective_date"], got["expiry_date"]) == (date(2026, 3, 3), date(2027, 3, 2))
    # net days without a unit, the page's last words, under their caption before a colon
    got = _read([*head, "2. Payment terms: net 45."])
    assert (got["payment_terms"], got["payment_terms_days"]) == ("net 45", 45)


def test_a_matrix_of_rates_reads_its_first_rate_column() -> None:
    # 'Rate' and 'Weekend rate' side by side: the first amount of each row is its rate, set close or apart
    for weekend_at in (0.752, 0.84):  # a space and a half after the rate, or a column apart
        words = _cells(0.10, [("Rates", 0.05), ("Service", 0.20), ("Unit", 0.50), ("Rate", 0.66)])
        words += _cells(0.10, [("Weekend rate", weekend_at)])
        rows = [("Senior consultant", "day", "546.03", "819.05"), ("Report writing", "report", "2,077.29", "3,115.94"),
                ("Field officer", "day", "710.64", "1,065.96")]  # fmt: skip
        for k, (service, unit, rate, weekend) in enumerate(rows):
            y = 0.13 + 0.03 * k
            words += _cells(y, [(service, 0.20), (unit, 0.50), (rate, 0.74 - 0.008 * len(rate))])
            words += _cells(y, [(weekend, weekend_at)])
        ext = Extraction("contract", 1, {})
        read_rates(Document([Page(1, 612, 792, words)]), ext)
        got = [(i.value("description"), i.value("unit"), str(i.value("unit_price"))) for i in ext.line_items]
        assert got == [("Senior consultant", "day", "546.03"), ("Report writing", "report", "2077.29"),
                       ("Field officer", "day", "710.64")], weekend_at  # fmt: skip


def test_days_added_to_a_period_keep_the_period() -> None:
    for sentence, want in (
        ("Alle priser er i DKK og betales løbende måned plus 15 dage.", "løbende måned plus 15 dage"),
        ("Betaling sker i DKK, løbende måned + 15 dage.", "løbende måned + 15 dage"),
    ):  # fmt: skip
        assert _read([*OPENING[:5], sentence])["payment_terms"] == want


def test_terms_read_up_to_a_line_s_end_take_the_rest_of_their_sentence() -> None:
    lines = [*OPENING[:5], "4. Prices are in EGP. Invoices shall be paid within sixty (60) days of receipt of a valid",
             "invoice."]  # fmt: skip
    got = _read(lines, payment_terms="within sixty (60) days of receipt")
    assert got["payment_terms"] == "within sixty (60) days of receipt of a valid invoice"
    # terms that count other days, or a longer reading, stand
    assert _read(lines, payment_terms="within 30 days of receipt")["payment_terms"] == "within 30 days of receipt"


# a contract whose clauses name the parties by their roles only and whose table at the end names them: a caption
# over each name's column (one known word is enough), the ids under the names, each party's date of signing
PARTY_TABLE = [
    (0.08, 0.05, "SERVICE ARRANGEMENT"),
    (0.08, 0.08, "Ref. QK-2030-118"),
    (0.08, 0.12, "The mandator and the contractor named in the table at the end agree on the services below."),
    (0.08, 0.14, "The arrangement takes effect on the day the last of the two signs it."),
    (0.08, 0.16, "It runs for 18 months from that day."),
    (0.08, 0.18, "The mandator pays each invoice within 30 days of its date."),
    (0.08, 0.30, "Mandator"),
    (0.52, 0.30, "Contractor"),
    (0.08, 0.32, "Name"),
    (0.22, 0.32, "Halvard Verk Ltd"),
    (0.52, 0.32, "Brightwater Tooling GmbH"),
    (0.08, 0.34, "Tax id"),
    (0.22, 0.34, "GB980780684"),
    (0.52, 0.34, "GB123456727"),
    (0.08, 0.36, "Dated"),
    (0.22, 0.36, "Leeds, 28 August 2030"),
    (0.52, 0.36, "Kiel, 25 August 2030"),
]


def _read_rows(rows: list[tuple[float, float, str]], **fields: object) -> dict[str, object]:
    ext = Extraction("contract", 1, {k: FieldValue(v, 0.9) for k, v in fields.items()})  # type: ignore[arg-type]
    read_opening(document_of_rows(rows), ext)
    return {name: cell.value for name, cell in ext.fields.items()}


def test_a_table_of_the_parties_after_the_clauses_dates_from_the_last_signature_and_reads_the_clauses() -> None:
    got = _read_rows(PARTY_TABLE)
    assert got["effective_date"] == date(2030, 8, 28)  # the later of the two signing dates
    assert got["expiry_date"] == date(2032, 2, 27)  # eighteen months less a day
    assert (got["payment_terms"], got["payment_terms_days"]) == ("within 30 days of its date", 30)


def test_the_columns_captions_say_who_is_who_in_a_table_of_the_parties() -> None:
    # the extractor read the first column's company as the vendor: the caption over the second says it is
    got = _read_rows(PARTY_TABLE, vendor_name="Halvard Verk Ltd")
    assert (got["buyer_name"], got["vendor_name"]) == ("Halvard Verk Ltd", "Brightwater Tooling GmbH")
    assert (got["buyer_tax_id"], got["vendor_tax_id"]) == ("GB980780684", "GB123456727")
    # the captions the other way round turn the roles round
    swapped = [(x, y, {"Mandator": "Contractor", "Contractor": "Mandator"}.get(t, t)) for x, y, t in PARTY_TABLE]
    got = _read_rows(swapped, buyer_name="Halvard Verk Ltd")
    assert (got["buyer_name"], got["vendor_name"]) == ("Brightwater Tooling GmbH", "Halvard Verk Ltd")
    assert (got["buyer_tax_id"], got["vendor_tax_id"]) == ("GB123456727", "GB980780684")


def test_a_later_amendments_date_under_the_table_is_no_signing_date() -> None:
    rows = [r for r in PARTY_TABLE if not r[2].startswith(("Dated", "Leeds", "Kiel"))]
    rows.append((0.08, 0.40, "Amended on 2 September 2030 by a letter that both of the parties signed."))
    assert _read_rows(rows).get("effective_date") is None


VERB_JOINED = [
    "1. Who is bound",
    "Korrow Haulage Limited, Co. Reg. No. QZ4410, called the Principal, appoints Mintern Yard Services Ltd,",
    "Permit No. KV-318, called the Provider, to carry out the work, starting on 4 May 2031.",
    "2. How long",
    "This contract lasts 12 months from the day it comes into force.",
    "3. Billing",
    "The Principal pays within 20 days of the bill.",
    "4. Bids",
    "Item Korrow Rival Ltd Mintern Yard Services Ltd Other Bidder Ltd",
    "7. Retention",
    "The Principal holds back 5 % of each bill. Half is released on the first date below and the rest later.",
    "Retention release",
    "First half 4 November 2031",
    "Second half 2 August 2032",
]


def test_a_sentence_joined_by_a_verb_a_register_number_and_listed_release_dates() -> None:
    got = _read(VERB_JOINED)
    # the two names of the one sentence, not the second party and a bidder's name after an 'and' further on;
    # 'Co.' opens the register's caption, it is no part of the name
    assert (got["buyer_name"], got["vendor_name"]) == ("Korrow Haulage Limited", "Mintern Yard Services Ltd")
    assert (got["buyer_tax_id"], got["vendor_tax_id"]) == ("QZ4410", "KV-318")
    assert got["effective_date"] == date(2031, 5, 4)
    assert got["expiry_date"] == date(2032, 5, 3)  # the term's twelve months, not the retention's release dates


def test_a_cover_page_leaves_the_clauses_to_the_next_page() -> None:
    cover = page_of_lines([
        "SERVICES AGREEMENT", "between", "Korrow Haulage Limited", "(the Principal)", "and",
        "Mintern Yard Services Ltd", "(the Provider)", "Dated 4 May 2031", "Contents", "1. Who is bound", "2. Billing",
    ]).pages[0]  # fmt: skip
    body = page_of_lines(VERB_JOINED[:7]).pages[0]
    doc = Document([cover, Page(2, body.width, body.height, body.words)])
    ext = Extraction("contract", 2, {"effective_date": FieldValue(date(2031, 5, 4), 0.9)})
    read_opening(doc, ext)
    got = {name: cell.value for name, cell in ext.fields.items()}
    assert (got["buyer_tax_id"], got["vendor_tax_id"]) == ("QZ4410", "KV-318")
    assert (got["expiry_date"], got["payment_terms_days"]) == (date(2032, 5, 3), 20)
    assert got["effective_date"] == date(2031, 5, 4)
