"""The blind-set registry: one line per set, read by the CLI, the extraction bench and the confidence refit."""

from __future__ import annotations

import importlib
from pathlib import Path
from typing import Any

import pytest

from tests.blindchecks import check_cli_writes_split, check_new_desks, check_split_of_24, conditioned_page, older_sets
from training.confidence import REFIT_SETS
from training.factory.blindsets import BLIND_SETS, blind_set_generator, blind_set_help


def test_the_sets_are_numbered_from_one_without_gaps_and_each_names_its_generator() -> None:
    assert sorted(BLIND_SETS) == list(range(1, len(BLIND_SETS) + 1))
    for number in BLIND_SETS:
        expected = "generate_blind" if number == 1 else f"generate_blind{number}"
        assert blind_set_generator(number).__name__ == expected
    assert f"{len(BLIND_SETS)}: blind{len(BLIND_SETS)}.py" in blind_set_help()


def test_a_set_that_does_not_exist_says_which_do() -> None:
    missing = len(BLIND_SETS) + 1
    with pytest.raises(ValueError, match=f"no blind set {missing}: the sets are"):
        blind_set_generator(missing)


def test_every_blind_set_the_confidence_refit_reads_is_in_the_registry() -> None:
    # the refit writes its pool's blind sets through the registry; a second table of generators once lacked set 10
    numbers = {spec["set"] for spec in REFIT_SETS.values() if spec["kind"] == "blind"}
    assert numbers and numbers <= set(BLIND_SETS)


def test_the_refit_pool_holds_no_test_half_still_measured_as_an_honest_set() -> None:
    # docs/BENCHMARKS.md headline: scored, never opened, never fitted on
    honest_test_halves = {6, 7, 9, 10, 11, 12, 13, 14, 15, 16, 17, 18, 19, 20}
    tested = {spec["set"] for spec in REFIT_SETS.values() if spec["kind"] == "blind" and spec["split"] == "test"}
    assert not tested & honest_test_halves


# ---------------------------------------------------------------- what the later sets (13 on) share

_LATER = range(13, 21)
# a family or two of each set whose bytes the same seed repeats (and another seed changes)
_SAME_SEED = {13: ("satyp-aluu-buyrutmasy-kg",), 14: ("zakaz-postavshchiku-psevdografika-ru",),
              15: ("purchase-order-z-form-slip-af",), 16: ("kn-purchase-order-incoterms-release",),
              17: ("re-devis-accepte-decoupe",), 18: ("ir-purchase-order-rials",),
              19: ("es-erosketa-agindua", "ie-conradh-seirbhisi"),
              20: ("lv-zakaz-riga", "sk-megrendeles-komarom", "ad-contrato-andorra")}  # fmt: skip
# the half the CLI test writes
_CLI_SPLIT = {13: "dev", 14: "dev", 15: "dev", 16: "dev", 17: "dev", 18: "dev", 19: "test", 20: "dev"}
# how dark a set's own scan conditions leave the page at least (sets 19 and 20 check their own, with more)
_DARKEST = {13: 255, 14: 200, 15: 200, 16: 235, 17: 235, 18: 235}


def _set(set_no: int) -> Any:
    return importlib.import_module(BLIND_SETS[set_no][0])


@pytest.mark.parametrize("set_no", _LATER)
def test_a_later_set_has_24_families_split_once(set_no: int) -> None:
    check_split_of_24(_set(set_no), set_no)


@pytest.mark.parametrize("set_no", range(13, 19))
def test_a_later_set_prints_countries_new_to_the_project(set_no: int) -> None:
    check_new_desks(_set(set_no).FAMILIES, older_sets(set_no))


@pytest.mark.parametrize("set_no", _LATER)
def test_a_later_set_gives_the_same_bytes_for_the_same_seed(set_no: int) -> None:
    module = _set(set_no)
    make = getattr(module, f"make_blind{set_no}")
    for name in _SAME_SEED[set_no]:
        fam = module.BY_NAME[name]
        assert make(7, fam).pdf_bytes == make(7, fam).pdf_bytes
        assert make(7, fam).pdf_bytes != make(8, fam).pdf_bytes


@pytest.mark.parametrize("set_no", _LATER)
def test_cli_writes_a_later_set_split_with_labels_and_scans(tmp_path: Path, set_no: int) -> None:
    split = _CLI_SPLIT[set_no]
    check_cli_writes_split(tmp_path, set_no, 2, split, getattr(_set(set_no), f"BLIND{set_no}_SPLITS")[split])


@pytest.mark.parametrize(
    ("set_no", "kind"), [(n, kind) for n in _DARKEST for kind in _set(n).SCAN_CONDITIONS]
)  # fmt: skip
def test_a_later_set_own_scan_conditions_keep_the_page_size(set_no: int, kind: str) -> None:
    page = conditioned_page(getattr(_set(set_no), f"condition{set_no}"), kind)
    assert page.getextrema()[0] < _DARKEST[set_no]  # the condition left its mark


@pytest.mark.parametrize("set_no", range(17, 21))
def test_a_later_set_names_begin_with_the_country(set_no: int) -> None:
    assert all(f.name.startswith(f"{f.country.lower()}-") for f in _set(set_no).FAMILIES)


@pytest.mark.parametrize("set_no", (18, 19, 20))
def test_a_later_set_names_say_the_desk_never_a_structure(set_no: int) -> None:
    # the names say the desk and the paper, never a structure: the split depends on the desks alone
    families, structures = _set(set_no).FAMILIES, _set(set_no).NEW_STRUCTURES
    assert not {part for f in families for part in f.name.split("-")} & set(structures)


@pytest.mark.parametrize("set_no", range(17, 21))
def test_a_later_set_both_halves_print_every_new_structure(set_no: int) -> None:
    module = _set(set_no)
    families_of = getattr(module, f"blind{set_no}_families")

    def structures(half: str) -> set[str]:
        fams = families_of(half)
        return {f.header for f in fams} | {f.table for f in fams} | {e for f in fams for e in f.extras}

    assert len(module.NEW_STRUCTURES) >= 10
    assert set(module.NEW_STRUCTURES) <= structures("dev") and set(module.NEW_STRUCTURES) <= structures("test")
    for half in ("dev", "test"):
        assert set(module.SCAN_CONDITIONS) <= {f.scan for f in families_of(half)}
    # each half prints them in other combinations
    combos = {h: {(f.header, f.table, *sorted(f.extras)) for f in families_of(h)} for h in ("dev", "test")}
    assert len(combos["dev"] & combos["test"]) <= 2


@pytest.mark.parametrize("set_no", range(17, 21))
def test_no_new_structure_of_a_later_set_was_a_field_of_an_older_set(set_no: int) -> None:
    older = {v for m in older_sets(set_no) for f in m.FAMILIES
             for v in (getattr(f, "header", None), getattr(f, "table", None), *getattr(f, "extras", ()))}  # fmt: skip
    assert not set(_set(set_no).NEW_STRUCTURES) & older
