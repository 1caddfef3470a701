"""The blind-set registry: one line per set, read by the CLI, the extraction bench and the confidence refit."""

from __future__ import annotations

import pytest

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
    honest_test_halves = {6, 7, 9, 10, 11, 12, 13, 14, 15, 16, 17, 18, 19}
    tested = {spec["set"] for spec in REFIT_SETS.values() if spec["kind"] == "blind" and spec["split"] == "test"}
    assert not tested & honest_test_halves
