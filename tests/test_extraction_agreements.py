from datetime import date

from extraction import agreements
from tests.realdocs_fixtures import document, prose

BOILERPLATE = (
    "The Parties desire to exchange Confidential Information for the purpose of evaluating a possible business "
    "relationship and desire that their respective information be maintained in accordance with this Agreement. "
    "Therefore, the parties agree as follows: each party shall hold the other party's information in confidence "
    "and shall use it only for the purpose stated above, and shall not disclose it to any third party without the "
    "prior written consent of the other party, except to its employees and advisers who need to know it. "
) * 3


def parties(fields: dict) -> set[str]:
    return {fields[name].value for name in ("vendor_name", "buyer_name") if name in fields}


def test_preamble_parties_date_law_and_term() -> None:
    text = (
        "MUTUAL CONFIDENTIALITY AGREEMENT This Mutual Confidentiality Agreement (“Agreement”) is effective as of "
        "February 10, 2017 (“Effective Date”), between Kite Pharma, Inc., a Delaware corporation having a place of "
        "business at 2225 Colorado Avenue, Santa Monica, CA 90404 (“Kite”) and Gilead Sciences, Inc., a Delaware "
        "corporation having a place of business at 333 Lakeside Drive, Foster City (“Company”). "
        + BOILERPLATE
        + "This Agreement shall remain in effect for a period of two (2) years. This Agreement shall be governed by "
        "the laws of the State of California without regard to its conflict of laws rules."
    )
    doc = document(prose(text))
    assert agreements.is_prose(doc)
    fields = agreements.read(doc)
    assert parties(fields) == {"Kite Pharma, Inc.", "Gilead Sciences, Inc."}  # legal suffixes as printed
    assert fields["effective_date"].value == date(2017, 2, 10)
    assert fields["jurisdiction"].value == "California"
    assert fields["term"].value == "2 years"
    assert min(fields[name].confidence for name in ("vendor_name", "buyer_name")) >= 0.8


def test_parties_without_defined_terms() -> None:
    text = (
        "This Non-Circumvention and Non-Disclosure Agreement is made this 6th day of February, 1999 by and between "
        "High Speed Net Solutions and R. J. Seifert Enterprises. Collectively, all the parties hereto may be referred "
        "to as the Parties. " + BOILERPLATE
    )
    fields = agreements.read(document(prose(text)))
    assert parties(fields) == {"High Speed Net Solutions", "R. J. Seifert Enterprises"}
    assert fields["effective_date"].value == date(1999, 2, 6)


def test_letter_agreement_date_line_and_defined_parties() -> None:
    letter = [
        [(0.6, "February 1, 2017")],
        "Intel Corporation",
        "2200 Mission College Blvd.",
        *prose(
            "Ladies and Gentlemen: In connection with the consideration by Intel Corporation (“Intel”) of a possible "
            "transaction involving Mobileye N.V. (the “Company”), each of us may receive certain information. "
            + BOILERPLATE
        ),
    ]
    fields = agreements.read(document(letter))
    assert parties(fields) == {"Intel Corporation", "Mobileye N.V."}
    assert fields["effective_date"].value == date(2017, 2, 1)


def test_no_parties_rather_than_wrong_ones() -> None:
    text = "In consideration of my employment with the Company and its subsidiaries, I agree as follows. " + BOILERPLATE
    fields = agreements.read(document(prose(text)))
    assert parties(fields) == set()
    assert "effective_date" not in fields


def test_a_form_is_not_prose() -> None:
    form = [[(0.05, "Contract #"), (0.3, "1344601")], [(0.05, "Gross Total"), (0.7, "$4,125.00")]] * 40
    assert not agreements.is_prose(document(form))


def test_an_individual_party_signs_without_by() -> None:
    text = (
        "As a condition of my employment with Control4 Corporation, its subsidiaries, affiliates, successors or "
        "assigns (together the “Company”), I agree as follows. " + BOILERPLATE + "IN WITNESS WHEREOF, the undersigned "
        "has executed this Agreement as of March 27, 2003. /s/ William B. West Name: William B. West Witness By: "
        "/s/ W. Eric Smith Name: W. Eric Smith"
    )
    fields = agreements.read(document(prose(text)))
    assert parties(fields) == {"Control4 Corporation", "William B. West"}  # not the witness who signs 'By:'
    assert fields["effective_date"].value == date(2003, 3, 27)


def read(text: str) -> dict:
    return agreements.read(document(prose(text)))


def test_governing_law_not_where_a_party_was_organised() -> None:
    opening = (
        "This Agreement is made between Marlow Holdings Limited, a company organized under the laws of the British "
        "Virgin Islands (“Marlow”), and Tessel Systems, Inc., a Delaware corporation (“Tessel”). " + BOILERPLATE
    )
    assert read(opening + "The laws of the State of Nevada shall govern this Agreement.")["jurisdiction"].value == (
        "Nevada"
    )
    assert read(opening + "This agreement shall be governed by Kansas law.")["jurisdiction"].value == "Kansas"
    nation_then_state = "This Agreement shall be governed by the laws of the United States of America, State of Ohio."
    assert read(opening + nation_then_state)["jurisdiction"].value == "Ohio"
    aside = "It is construed under the laws (other than the conflict of laws rules) of the State of New York Notice."
    assert read(opening + aside)["jurisdiction"].value == "New York"  # a state's name ends the place
    assert "jurisdiction" not in read(opening)


def test_term_is_the_duration_that_ends_the_agreement() -> None:
    text = (
        "This Agreement is made between Marlow Holdings Limited (“Marlow”) and Tessel Systems, Inc. (“Tessel”). "
        + BOILERPLATE
        + "The recipient shall return all materials within ten (10) days of a request. For a period of eighteen (18) "
        "months, neither party shall solicit the other's employees. This Agreement shall expire twenty-four months "
        "from the date hereof."
    )
    assert read(text)["term"].value == "24 months"
    assert "term" not in read(text.rsplit(" This Agreement shall expire", 1)[0])
    # a covenant's 'for a period of' is weaker than what ends the agreement's obligations, whichever comes first
    covenant = text.replace(
        "The recipient shall return",
        "You agree that, for a period of nine months from the date of this Agreement, you will not buy shares. "
        "The recipient shall return",
    )
    assert read(covenant)["term"].value == "24 months"
    # a number of days takes more than an 'effective' near it: a notice's deadline
    assert "term" not in read(text.rsplit(" This Agreement shall expire", 1)[0] + " Notices are effective 10 days "
                              "after mailing.")  # fmt: skip
    # every number in words: the tens from seventy up too
    assert read(text.replace("twenty-four", "seventy-two"))["term"].value == "72 months"


def test_a_lone_party_with_its_description_and_a_blank_counterparty() -> None:
    text = (
        "This Agreement is made by and between Pellham Tools, Inc. including its subsidiaries and divisions "
        "(“Pellham”) and ______________ (“Employee”), effective as of March 2, 2015. " + BOILERPLATE
    )
    assert parties(read(text)) == {"Pellham Tools, Inc."}


def test_names_run_together_or_role_words_are_not_parties() -> None:
    text = (
        "This Agreement is entered into by and between Distributor, a corporation organized under the laws of "
        "Ontario (the “Company”), and Quarry Labs LLC f/k/a Quarry Research LLC (“Quarry”). " + BOILERPLATE
    )
    assert "Distributor" not in parties(read(text))
    defined = (
        "In connection with the Employee and Dunmore Analytics Corp. (the “Company”) and the Recipient and "
        "Halvard Capital LLC (“Halvard”), the parties agree. " + BOILERPLATE
    )
    assert parties(read(defined)) == {"Dunmore Analytics Corp.", "Halvard Capital LLC"}


def test_the_individual_who_signs_for_himself_not_the_officer_or_witness() -> None:
    text = (
        "In consideration of my employment with Corvane Foods Corporation, a Delaware corporation, its "
        "subsidiaries and affiliates (collectively, the “Company”), I agree as follows. " + BOILERPLATE + "CORVANE "
        "FOODS CORPORATION BY: /s/ Peter Ashdown Peter Ashdown Chief Executive Officer Witness: /s/ Laura Finch "
        "EMPLOYEE: /s/ Nora J. Wilcox Nora J. Wilcox Date: 4/2/2012"
    )
    assert parties(read(text)) == {"Corvane Foods Corporation", "Nora J. Wilcox"}


def test_dates_with_a_spaced_ordinal_and_the_signature_date() -> None:
    opening = "This Agreement is made between Marlow Holdings Limited (“Marlow”) and Tessel Systems, Inc. (“Tessel”)"
    spaced = read(f"{opening}, made as of December 9 th , 2014. " + BOILERPLATE)
    assert spaced["effective_date"].value == date(2014, 12, 9)
    signed = read(
        f"{opening}. " + BOILERPLATE + "IN WITNESS WHEREOF, the parties executed this agreement this 16th day "
        "of May, 2011. MARLOW HOLDINGS LIMITED By: /s/ Ann Reyes"
    )
    assert signed["effective_date"].value == date(2011, 5, 16)


def test_a_board_speaks_for_its_company_and_a_role_word_starts_no_name() -> None:
    text = (
        "This letter agreement is entered into between Wexford Partners LLC (“Wexford”) and the Board of Directors "
        "of zOptic Devices, Inc. (the “Company”). Company Address (the “Notice Address”). " + BOILERPLATE
    )
    assert parties(read(text)) == {"Wexford Partners LLC", "zOptic Devices, Inc."}


def test_the_term_of_this_agreement_beats_an_earlier_restriction() -> None:
    text = (
        "This Agreement is made between Marlow Holdings Limited (“Marlow”) and Tessel Systems, Inc. (“Tessel”). "
        + BOILERPLATE
        + "Neither party shall disclose the discussions for a period of six (6) months. The term of this Agreement "
        "shall be for a period of three (3) years unless terminated earlier upon written notice."
    )
    assert read(text)["term"].value == "3 years"


def test_parties_with_addresses_and_role_terms() -> None:
    text = (
        'This Services Agreement (the "Agreement") is entered into as of May 3, 2024 by and between Orrin Tile Co., '
        '14 Mill Lane, Dayton, OH 45402 (EIN 12-3456789) (the "Client"), and Vesta Grid LLC, 9 Pier Road, Tacoma, '
        'WA 98402 (the "Contractor"). ' + BOILERPLATE + "This Agreement is governed by the laws of the country in "
        "which the Client has its registered office."
    )
    fields = read(text)
    assert parties(fields) == {"Orrin Tile Co.", "Vesta Grid LLC"}
    assert "jurisdiction" not in fields  # 'the country in which ...' names no place


def test_a_term_that_ends_on_an_anniversary_counts_its_years() -> None:
    text = (
        "This Agreement is made between Marlow Holdings Limited (“Marlow”) and Tessel Systems, Inc. (“Tessel”). "
        + BOILERPLATE
        + "Neither party shall solicit the other's employees for a period of twelve (12) months from the date hereof. "
        "This Agreement and all obligations hereunder shall terminate as of the second (2nd) anniversary of the "
        "date of this Agreement."
    )
    assert read(text)["term"].value == "2 years"
    first = text.replace("as of the second (2nd) anniversary", "on the first anniversary")
    assert read(first)["term"].value == "1 year"


def test_the_party_the_contract_says_pays_the_other_is_the_buyer_whatever_its_role() -> None:
    text = (
        'This Agreement is made on 10 February 2024 between Wicklow Medical Supplies DAC (the "Discloser") and '
        'Shannon Healthcare DAC (the "Recipient"). The Recipient shall keep the information secret. In '
        "consideration of the evaluation the Discloser shall pay the Recipient the fees below within 30 days."
    )
    fields = agreements.read(document(prose(text)))
    assert fields["buyer_name"].value == "Wicklow Medical Supplies DAC"
    assert fields["vendor_name"].value == "Shannon Healthcare DAC"
    # no sentence of paying, or one role paying a third party: the roles' names decide
    assert agreements.paying_party("The Discloser shall keep it.", "Discloser", "Recipient") is None
    assert agreements.paying_party("the Recipient will pay to the Discloser", "Discloser", "Recipient") == 1
