"""Tax ids of every company-number scheme python-stdnum knows, in party blocks the study generator lays out
(training/factory/taxidblocks.py, `taxids16`): found and given to the party whose block holds them, under the
scheme's own name or under a caption that names no scheme; numbers that a tax's caption stands before but no
register issues (an amount, a rate, a date) are none."""

import pytest

from bench.bench_taxid_schemes import read
from extraction.taxids import captioned_tax_id
from tests.fixtures_docs import words_at
from training.factory.taxidblocks import cases, schemes


def test_the_study_covers_many_countries_schemes() -> None:
    countries = {getattr(m, "__name__", "").split(".")[1] for m in schemes()}
    assert len(countries) >= 60


def test_ids_of_any_scheme_are_read_and_given_their_party_under_any_caption() -> None:
    right: dict[str, list[bool]] = {"own": [], "generic": []}
    wrong = 0
    for case in cases(seed=7):  # another seed than the bench's default
        if case.caption not in right:
            continue
        got = read(case)
        for role, want in case.expected.items():
            right[case.caption].append(got[role] == want)
            wrong += got[role] is not None and got[role] != want
    assert sum(right["own"]) / len(right["own"]) >= 0.85
    assert sum(right["generic"]) / len(right["generic"]) >= 0.8  # 0.4 before the caption that names no scheme
    assert wrong <= 0.02 * sum(len(oks) for oks in right.values())


@pytest.mark.parametrize(
    ("caption", "printed", "value"),
    [
        ("Tax ID:", "15026331", "15026331"),  # Luxembourg's TVA under a caption of any country's
        ("N° fiscal", "980 7506 96", "980750696"),  # a British VAT number in groups, closed
        ("RUT", "97.579.209-8", None),  # a caption naming a scheme the number fails: a misprint
        ("Tax No.", "416-88-09270", None),  # Korea's BRN: no check digit, the caption alone does not tell it
        ("VAT", "104123.50", None),  # an amount
        ("Tax", "18%", None),
        ("Tax No.", "2024-10-03", None),  # a date
        ("Tax No.", "03.10.2024", None),
    ],
)  # fmt: skip
def test_a_tax_caption_s_number_is_one_some_scheme_checks(caption: str, printed: str, value: str | None) -> None:
    assert captioned_tax_id(caption, words_at(printed, 0.1, 0.1)) == value


@pytest.mark.parametrize(
    ("caption", "printed", "value"),
    [
        ("BIN:", "006205090-0302", "006205090-0302"),  # Bangladesh: no scheme python-stdnum knows
        ("ՀՎՀՀ", "23992959", "23992959"),  # Armenia's abbreviation in its own script
        ("VAT Reg. No.:", "187650228-7000", "187650228-7000"),  # the abbreviation first, then a word for number
        ("RUC", "1283832928-1-2009", "1283832928-1-2009"),
        ("NINEA", "0373241 1V1", "03732411V1"),  # Senegal's, its module's: the last group holds letters
        ("N° CC:", "9123370 D", "9123370D"),  # Côte d'Ivoire's, its check letter printed apart
        ("Tax No.", "416-88-09270", None),  # a tax's word alone, no abbreviation: too common a caption
        ("Date:", "2024-10-03", None),  # not an abbreviation; and a date is no id
        ("TIN:", "03.10.2024", None),
        ("IBAN", "DE89370400440532013000", None),
        ("Acme Ltd", "12345678", None),  # a name's form is not the caption's last word with a colon
    ],
)  # fmt: skip
def test_an_id_no_scheme_knows_is_read_after_an_abbreviation(caption: str, printed: str, value: str | None) -> None:
    assert captioned_tax_id(caption, words_at(printed, 0.1, 0.1)) == value


def test_every_scheme_spelled_out_in_its_last_three_words_names_its_module() -> None:
    """Names are looked up by their last word's initial (`scanspeed18`: a scan's misread captions each tried every
    name): each name of three words or more, written out, still finds its scheme, and 'No.' for its 'Number' too."""
    from extraction.taxids import spelled_caption_modules, spelled_schemes

    for name, modules in spelled_schemes().items():
        if len(name) < 3:
            continue
        assert set(modules) <= set(spelled_caption_modules(" ".join(name[-3:]))), name
        if name[-1] == "number":
            assert set(modules) <= set(spelled_caption_modules(" ".join([*name[-3:-1], "No."]))), name
    assert spelled_caption_modules("Xqz Wvk Rrt") == []
