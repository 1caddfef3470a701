"""Tesseract read in this process (libtesseract, models kept loaded) reads what the command line reads."""

import collections
import shutil

import pytest
from PIL import Image, ImageDraw, ImageFont

from extraction import ocr

FONT = "/usr/share/fonts/truetype/dejavu/DejaVuSans.ttf"
needs_library = pytest.mark.skipif(
    shutil.which("tesseract") is None or ocr._TesseractApi.library() is None,
    reason="Tesseract (its command and libtesseract) is not installed",
)


def _printed() -> Image.Image:
    image = Image.new("L", (900, 200), 255)
    draw = ImageDraw.Draw(image)
    font = ImageFont.truetype(FONT, 24)
    draw.text((30, 30), "Order PO-2026-0417 from Northwind Traders", font=font, fill=0)
    draw.text((30, 100), "Hex Bolt M8   250   1.20   300.00", font=font, fill=0)
    return image


def _command_line(image: Image.Image, config: str, lang: str = "eng") -> dict:
    """The read as the ``tesseract`` command gives it (the path taken where libtesseract cannot be loaded)."""
    with pytest.MonkeyPatch.context() as patch:
        patch.setattr(ocr._TesseractApi, "data", classmethod(lambda cls, *args: None))
        return ocr.tesseract_data(image, config, lang)


@needs_library
def test_tesseract_read_in_process_gives_what_the_command_line_gives() -> None:
    image = _printed()
    for config in ("--psm 3 --oem 1", "--psm 6 --oem 1", f"--psm 6 --oem 1 -c tessedit_char_whitelist={ocr.DIGITS}"):
        for _ in range(2):  # a kept handle reads as a new one
            assert ocr.tesseract_data(image, config) == _command_line(image, config)
    assert "Northwind" in ocr.tesseract_data(image, "--psm 3 --oem 1")["text"]
    blank = Image.new("L", (400, 300), 255)
    assert ocr.tesseract_data(blank, "--psm 3 --oem 1") == _command_line(blank, "--psm 3 --oem 1")


@needs_library
def test_loaded_models_are_kept_per_language_and_settings_and_few(monkeypatch: pytest.MonkeyPatch) -> None:
    image = _printed()
    monkeypatch.setattr(ocr._TesseractApi, "_idle", collections.OrderedDict())  # none kept from other tests
    ocr._TesseractApi.KEEP, saved = 2, ocr._TesseractApi.KEEP
    try:
        ocr.tesseract_data(image, "--psm 3 --oem 1")
        ocr.tesseract_data(image, "--psm 6 --oem 1")  # the page segmentation mode is set per read
        assert list(ocr._TesseractApi._idle)[-1:] == [(1, "eng", "")]
        assert len(ocr._TesseractApi._idle[(1, "eng", "")]) == 1
        # a whitelist is a handle's own: not left on the one that reads without it
        ocr.tesseract_data(image, f"--psm 6 --oem 1 -c tessedit_char_whitelist={ocr.DIGITS}")
        ocr.tesseract_data(image, "--psm 6 --oem 1 -c preserve_interword_spaces=1")
        assert sum(len(apis) for apis in ocr._TesseractApi._idle.values()) == 2
    finally:
        ocr._TesseractApi.KEEP = saved


@needs_library
def test_a_language_without_a_model_fails_as_the_command_line_does() -> None:
    import pytesseract

    with pytest.raises(pytesseract.TesseractError):
        ocr.tesseract_data(_printed(), "--psm 3 --oem 1", "xyz")


def test_tesseract_settings_and_its_tsv_as_pytesseract_gives_them() -> None:
    assert ocr._tesseract_settings("--psm 6 --oem 1 -c tessedit_char_whitelist=0123") == (
        6,
        1,
        "tessedit_char_whitelist=0123",
    )
    assert ocr._tesseract_settings("--psm 3 --oem 1") == (3, 1, "")
    assert ocr._tesseract_settings("--psm 3 --dpi 300") is None  # anything else: the command line reads it
    tsv = "level\tconf\ttext\n1\t-1\t\n5\t96.52\tOrder\n5\t91\t"
    assert ocr._tsv_dict(tsv) == {"level": [1, 5, 5], "conf": [-1, 96, 91], "text": ["", "Order", ""]}
