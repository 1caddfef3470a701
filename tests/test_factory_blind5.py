"""The fifth blind set: every labelled value is printed as the label says (read back from the PDF's text layer),
qty x price = amount and the totals add up, tax ids pass their check digits, the split is fixed and disjoint, and
``ledgerlens data blind --set 5`` writes it."""

from __future__ import annotations

from datetime import date
from pathlib import Path
from typing import Any

import pytest

from tests.blindchecks import (
    SetFormats,
    check_cli_writes_split,
    check_doc,
    check_families_split,
    check_family_varies,
    check_set_doc,
    check_term_expiry,
    tax_id_with_check_digits,
)
from training.factory import blind, blind2, blind3, blind4
from training.factory.blind5 import (
    BLIND5_SPLITS,
    BY_NAME,
    FAMILIES,
    SPLIT_SEED,
    blind5_families,
    format_day5,
    make_blind5,
)

SYMBOLS = {"€": "EUR", "zł": "PLN"}
# the stdnum module that checks each country's tax id as the set prints it
TAX_MODULES = {"CZ": "dic", "FI": ("ytunnus", "alv"), "NO": ("orgnr", "mva"), "BE": "vat", "AT": "uid",
               "HU": "anum", "AU": "abn", "CA": "bn", "US": "ein", "IE": "vat", "GB": "vat", "CH": "uid",
               "DE": "vat", "DK": "cvr", "SE": "vat", "PL": "nip", "FR": "tva", "IT": "iva", "PT": "nif",
               "ES": "nif"}  # fmt: skip
FORMATS = SetFormats(format_day5, SYMBOLS, tax_id_with_check_digits(TAX_MODULES))


@pytest.mark.parametrize("fam", FAMILIES, ids=lambda f: f.name)
def test_blind5_labels_are_what_the_page_prints(fam: Any) -> None:
    for seed in (11,):
        doc = make_blind5(seed, fam)
        check_set_doc(fam, doc, FORMATS)
        assert doc.label["features"]["blind5"] == fam.name


def test_blind5_families_vary_within_and_reach_several_pages() -> None:
    fam = BY_NAME["holded-pedido-es"]
    docs = [make_blind5(s, fam) for s in range(16)]
    check_family_varies(docs, 2)


def test_blind5_families_are_new_and_split_once() -> None:
    assert len(FAMILIES) == 24 and sum(f.kind == "po" for f in FAMILIES) == 16
    check_families_split(FAMILIES, BLIND5_SPLITS, SPLIT_SEED, blind5_families, (blind, blind2, blind3, blind4))


def test_blind5_formats() -> None:
    day = date(2026, 3, 5)
    assert format_day5(day, "long", "cs") == "5. března 2026"
    assert format_day5(day, "long", "fi") == "5. maaliskuuta 2026"
    assert format_day5(day, "dmy_short", "no") == "5.3.2026"
    assert format_day5(date(2026, 3, 22), "day_of", "en") == "the 22nd day of March 2026"


def test_cli_writes_a_blind5_split_with_labels_and_scans(tmp_path: Path) -> None:
    check_cli_writes_split(tmp_path, 5, 2, "dev", BLIND5_SPLITS["dev"])


@pytest.mark.slow
@pytest.mark.parametrize("fam", FAMILIES, ids=lambda f: f.name)
def test_blind5_labels_hold_over_more_seeds(fam: Any) -> None:
    for seed in (1, 2, 3):
        doc = make_blind5(seed, fam)
        check_set_doc(fam, doc, FORMATS)


def test_blind5_term_contracts_label_the_expiry_the_duration_implies() -> None:
    fam = BY_NAME["rammeavtale-no"]
    doc = make_blind5(6, fam)
    check_term_expiry(doc)
    check_doc(fam, doc, FORMATS)
