"""A page smeared by a shaken camera (`b18scan`): the smear told from the page's cepstrum and taken out before the
page is read; a sharp page, a fax's repeating scan lines and a JPEG's blocks are told no smear."""

import numpy as np
from PIL import Image, ImageDraw, ImageFilter

from extraction.ocr import motion_blur_undone, motion_smear


def _page(seed: int = 3) -> Image.Image:
    """A greyscale 'page' of thin strokes, across and down, of many lengths at random places, as print is to a
    spectrum (strokes of one size would be boxes, which trough as a smear does)."""
    rng = np.random.default_rng(seed)
    page = Image.new("L", (1024, 1024), 245)
    draw = ImageDraw.Draw(page)
    for _ in range(3000):
        x, y = (int(v) for v in rng.integers(20, 990, size=2))
        length, width = int(rng.integers(4, 30)), int(rng.integers(1, 4))
        box = (x, y, x + length, y + width) if rng.random() < 0.5 else (x, y, x + width, y + length)
        draw.rectangle(box, fill=40)
    return page


def _smeared(page: Image.Image, dx: int, dy: int) -> Image.Image:
    """The page drawn again at every step of a straight path (dx, dy), averaged: a camera shaken in one stroke."""
    pixels = np.asarray(page, dtype=np.float32)
    steps = max(abs(dx), abs(dy))
    # about the page's own place: a smear's start is unknown, so it is undone about its middle
    shifts = [(round(dy * (i / steps - 0.5)), round(dx * (i / steps - 0.5))) for i in range(steps + 1)]
    total = sum(np.roll(pixels, shift, axis=(0, 1)) for shift in shifts)
    return Image.fromarray(np.clip(total / (steps + 1), 0, 255).astype(np.uint8))


def test_a_straight_smear_is_told_with_its_length_and_direction() -> None:
    smear = motion_smear(_smeared(_page(), 10, -5))
    assert smear is not None
    # a line's two ends are one smear: either sign is right; drawn at 11 places, it is 10 to 11 px long
    dx, dy = smear if smear[0] > 0 else (-smear[0], -smear[1])
    assert abs(dx - 10) <= 1 and abs(dy + 5) <= 1


def test_a_sharp_or_softly_blurred_page_has_no_smear() -> None:
    page = _page()
    assert motion_smear(page) is None
    assert motion_smear(page.filter(ImageFilter.GaussianBlur(1.1))) is None


def test_a_fax_s_repeating_scan_lines_are_no_smear() -> None:
    # every 5th row dropped and the one above doubled, as a low-resolution fax stretched to the page prints it
    pixels = np.asarray(_page(), dtype=np.uint8).copy()
    pixels[4::5] = pixels[3::5][: len(pixels[4::5])]
    assert motion_smear(Image.fromarray(pixels)) is None


def test_un_smearing_brings_the_strokes_back_and_leaves_a_sharp_page_as_it_is() -> None:
    page = _page()
    smeared = _smeared(page, 10, -5)
    mended = motion_blur_undone(smeared)
    sharp = np.asarray(page, dtype=np.float32)
    error_before = np.abs(np.asarray(smeared, dtype=np.float32) - sharp).mean()
    error_after = np.abs(np.asarray(mended, dtype=np.float32) - sharp).mean()
    assert error_after < 0.8 * error_before
    # the strokes stand where they were printed again: ink and paper told apart as on the sharp page
    assert ((np.asarray(mended) < 128) == (sharp < 128)).mean() > 0.97
    assert motion_blur_undone(page) is page


def test_print_all_of_one_size_troughs_as_a_smear_does_but_keeps_its_edges_sharp() -> None:
    page = Image.new("L", (1200, 800), 190)
    draw = ImageDraw.Draw(page)
    for y in range(100, 700, 40):  # bars 7 px tall, every one alike: a 7 px box down the page, spectrally
        for x in range(100, 1100, 60):
            draw.rectangle((x, y, x + 45, y + 6), fill=20)
    assert motion_smear(page) is None
