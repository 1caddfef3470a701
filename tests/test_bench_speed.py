"""The per-stage CPU clock of bench/bench_speed.py: a nested step is not counted in its caller's time."""

from __future__ import annotations

import time
import types

from bench.bench_speed import StageClock, accuracy, summarise


def _burn(seconds: float) -> None:
    end = time.process_time() + seconds
    while time.process_time() < end:
        pass


def test_a_nested_step_is_counted_apart_from_its_caller_and_a_wrapped_function_is_restored():
    clock = StageClock()
    owner = types.SimpleNamespace(work=lambda: _burn(0.1) or "done")
    undo = clock.wrap(owner, "work", "inner")
    with clock.step("outer"):
        _burn(0.02)
        assert owner.work() == "done"
    undo()
    assert clock.seconds["inner"] >= 0.1
    assert 0.02 <= clock.seconds["outer"] < 0.1
    assert "inner: tesseract" not in clock.seconds  # no child process ran
    assert owner.work() == "done" and clock.seconds["inner"] < 0.2  # unwrapped: no longer timed


def test_per_page_figures_and_the_ratio_to_bare_tesseract():
    rows = [
        {"pages": 2, "cpu_seconds": 3.0, "stages": {"load": 2.0, "heuristic": 1.0}, "layout_model_ran": True,
         "bare_tesseract_cpu_seconds": 2.0},
        {"pages": 1, "cpu_seconds": 1.5, "stages": {"load": 1.5}, "layout_model_ran": False,
         "bare_tesseract_cpu_seconds": 1.0},
    ]  # fmt: skip
    summary = summarise(rows)
    assert summary["cpu_seconds_per_page"] == 1.5 and summary["ratio_to_bare_tesseract"] == 1.5
    assert list(summary["stage_cpu_seconds_per_page"]) == ["load", "heuristic"]  # costliest first
    assert summary["layout_model_pages"] == 2
    assert summarise([]) == {"documents": 0}


def test_what_was_read_is_scored_as_bench_extraction_scores_it():
    rows = [
        {"score": {"fields": {"total": True, "po_number": False}, "lines_true": 4, "lines_pred": 2,
                   "lines_correct": 2}},
        {"score": {"fields": {"total": True}, "lines_true": 0, "lines_pred": 2, "lines_correct": 0}},
    ]  # fmt: skip
    scores = accuracy(rows)
    assert scores["header_exact_match"] == round(2 / 3, 4)
    assert scores["line_f1"] == 0.5  # precision 2/4, recall 2/4
    assert accuracy([]) == {"documents": 0, "header_exact_match": None, "line_f1": None}


def test_tesseract_read_in_this_process_is_counted_apart_in_the_open_step():
    clock = StageClock()
    with clock.step("load"):
        _burn(0.05)
        clock.charge_tesseract(0.03)  # what the reading thread spent inside libtesseract
    clock.charge_tesseract(0.5)  # no step open: nobody's
    assert abs(clock.seconds["load: tesseract"] - 0.03) < 1e-9
    assert 0.015 <= clock.seconds["load"] < 0.05
    assert abs(sum(clock.seconds.values()) - (clock.seconds["load"] + 0.03)) < 1e-9


def test_each_tesseract_read_is_named_after_who_asked_for_it_and_summed_per_page():
    import sys

    from bench.bench_speed import tesseract_pass

    def read_regions() -> str:  # the crop plumbing is looked through, to the reader that asked
        return tesseract_pass("--psm 6 --oem 1 -c tessedit_char_whitelist=0123456789", "eng", sys._getframe(0))

    def _reread_rows() -> str:
        return read_regions()

    def words() -> str:
        return tesseract_pass("--psm 3 --oem 1", "swe+eng", sys._getframe(0))

    assert _reread_rows() == "_reread_rows eng psm 6 digits"
    assert words() == "words swe+eng psm 3"
    clock = StageClock()
    clock.count_pass("words eng psm 3", 0.5)
    clock.count_pass("words eng psm 3", 0.25)
    assert clock.passes["words eng psm 3"] == [2, 0.75]
    rows = [
        {"pages": 2, "cpu_seconds": 2.0, "stages": {"load": 2.0}, "layout_model_ran": False,
         "tesseract_passes": {"words eng psm 3": [2, 1.0], "words swe+eng psm 3": [1, 0.5]}},
        {"pages": 2, "cpu_seconds": 1.0, "stages": {"load": 1.0}, "layout_model_ran": False,
         "tesseract_passes": {"words eng psm 3": [2, 0.6]}},
    ]  # fmt: skip
    assert summarise(rows)["tesseract_passes"] == {
        "words eng psm 3": {"reads": 4, "cpu_seconds_per_page": 0.4},
        "words swe+eng psm 3": {"reads": 1, "cpu_seconds_per_page": 0.125},
    }


def test_a_language_model_loaded_inside_a_read_is_its_own_pass_and_not_the_reads():
    import types

    import pytest
    from PIL import Image, ImageDraw

    from bench.bench_speed import instrument
    from extraction import ocr

    if ocr._TesseractApi.library() is None or "eng" not in ocr.installed_languages():
        pytest.skip("libtesseract with English is not installed")
    page = Image.new("L", (400, 80), 255)
    ImageDraw.Draw(page).text((10, 30), "Total 1250.00", fill=0)
    # settings no handle has, so this read loads the models: a handle's own setting at its default (a textord_ one
    # is global to the process and would change every handle's reading)
    config = "--psm 6 --oem 1 -c tessedit_write_images=0"
    clock = StageClock()
    undo = instrument(clock, types.SimpleNamespace())
    try:
        with clock.step("load"):
            ocr.tesseract_data(page, config)  # a new handle: the models load
            ocr.tesseract_data(page, config)  # the kept handle: no load
    finally:
        for restore in reversed(undo):
            restore()
    reads = next(v for k, v in clock.passes.items() if not k.startswith("model load"))
    loads, loaded = clock.passes["model load eng"]
    assert reads[0] == 2 and loads == 1 and loaded > 0.02  # loading English takes about 0.1 CPU s
    assert abs(reads[1] + loaded - clock.seconds["load: tesseract"]) < 1e-6  # the read's CPU less its load
    assert ocr._TesseractApi.library().TessBaseAPIInit2.__class__.__name__ != "function"  # restored
