"""Phone photos of a page: the page is found on its background, seen straight on, and read; a flat scan is left as
it is."""

from __future__ import annotations

import io
import random
import shutil

import numpy as np
import pytest
from PIL import Image, ImageDraw
from scipy import ndimage

from extraction.loading import load_document, turn_page
from extraction.photo import Quad, find_page, homography, page_size, rectify, unwarp_photo
from training.factory.photo import photograph

MARKS = ((0.1, 0.1), (0.9, 0.1), (0.9, 0.9), (0.1, 0.9), (0.5, 0.3))  # where the page's square marks sit
LINES = [
    "Purchase Order 4711 from Harbour Tools Limited",
    "Item Description Quantity Price Amount",
    "Hex bolt M8 x 40 zinc plated 200 0.35 70.00",
    "Payment within thirty days of the invoice date.",
]


def _page(width: int = 850, height: int = 1100, banner: bool = False) -> Image.Image:
    """A white page with square marks at ``MARKS`` and a few lines of print; ``banner`` prints a dark band along
    its top edge."""
    page = Image.new("RGB", (width, height), (245, 243, 236))
    draw = ImageDraw.Draw(page)
    for fx, fy in MARKS:
        x, y = fx * width, fy * height
        draw.rectangle((x - 14, y - 14, x + 14, y + 14), fill=(0, 0, 0))
    for k, line in enumerate(LINES):
        draw.text((0.2 * width, 0.4 * height + 30 * k), line, fill=(20, 20, 20))
    if banner:
        draw.rectangle((0, 0, width, int(0.06 * height)), fill=(20, 40, 110))
    return page


def _photo(page: Image.Image, corners: Quad, frame: tuple[int, int] = (1500, 2000)) -> Image.Image:
    """``page`` laid on a dark, noisy desk with its corners at ``corners`` (pixels of the photo)."""
    pw, ph = page.size
    to_page = np.linalg.inv(homography(((0, 0), (pw, 0), (pw, ph), (0, ph)), corners))
    coefficients = tuple(float(c) for c in (to_page / to_page[2, 2]).ravel()[:8])
    warped = page.transform(frame, Image.Transform.PERSPECTIVE, coefficients, Image.Resampling.BICUBIC)
    mask = Image.new("L", page.size, 255).transform(frame, Image.Transform.PERSPECTIVE, coefficients)
    noise = np.random.default_rng(3).normal(70, 12, (frame[1], frame[0], 3))
    desk = Image.fromarray(np.clip(noise * [1.0, 0.85, 0.7], 0, 255).astype(np.uint8), "RGB")
    desk.paste(warped, (0, 0), mask)
    return desk


def _turned(centre: tuple[float, float], size: tuple[float, float], degrees: float, keystone: float) -> Quad:
    """A page's corners turned ``degrees`` (clockwise on screen) about ``centre``, its top side ``keystone`` shorter."""
    w, h = size
    corners = np.array([[-w / 2 * (1 - keystone), -h / 2], [w / 2 * (1 - keystone), -h / 2], [w / 2, h / 2],
                        [-w / 2, h / 2]])  # fmt: skip
    a = np.radians(degrees)
    corners = corners @ np.array([[np.cos(a), np.sin(a)], [-np.sin(a), np.cos(a)]]) + centre
    return tuple((float(x), float(y)) for x, y in corners)


def _marks(image: Image.Image) -> list[tuple[float, float]]:
    """The centres of the square marks (dark blobs wider than print) as fractions of the image."""
    dark = ndimage.binary_opening(np.asarray(image.convert("L")) < 100, np.ones((15, 15)))  # print is thinner
    labels, count = ndimage.label(dark)
    centres = ndimage.center_of_mass(dark, labels, range(1, count + 1))
    found = ((x / image.width, y / image.height) for y, x in centres)
    return [(x, y) for x, y in found if 0.03 < x < 0.97 and 0.03 < y < 0.97]  # not a sliver of desk at an edge


def _misplaced(image: Image.Image) -> float:
    """How far (a fraction of the image) the farthest mark lies from where it was printed on the page."""
    found = np.asarray(_marks(image))
    assert len(found) == len(MARKS)
    return max(float(np.hypot(*(found - mark).T).min()) for mark in MARKS)


@pytest.mark.parametrize(("degrees", "keystone"), [(0.0, 0.1), (8.0, 0.05), (-30.0, 0.08), (40.0, 0.0)])
def test_the_page_is_found_and_seen_straight_on(degrees: float, keystone: float) -> None:
    corners = _turned((750, 1000), (850 * 1.2, 1100 * 1.2), degrees, keystone)
    photo = _photo(_page(), corners)
    found = find_page(photo)
    assert found is not None
    # the corners, top left first, where the page's corners were put (within half a percent of the photo)
    assert np.abs(np.asarray(found) - np.asarray(corners)).max() < 0.005 * 2000
    straight, at = unwarp_photo(photo)
    assert at is not None
    # each mark lands where it was printed on the page
    assert _misplaced(straight) < 0.01


def test_a_dark_banner_at_the_page_edge_stays_on_the_page() -> None:
    corners = _turned((750, 1000), (850 * 1.2, 1100 * 1.2), 12.0, 0.05)
    found = find_page(_photo(_page(banner=True), corners))
    assert found is not None
    assert np.abs(np.asarray(found) - np.asarray(corners)).max() < 0.005 * 2000


@pytest.mark.parametrize("seed", [1, 2, 3])
def test_factory_photos_give_back_their_corners(seed: int) -> None:
    photo, corners, _ = photograph(_page(1275, 1650), random.Random(seed))
    found = find_page(photo)
    assert found is not None
    assert np.abs(np.asarray(found) - np.asarray(corners)).max() < 0.005 * max(photo.size)


def test_a_page_photographed_on_its_side_comes_out_upright() -> None:
    """The phone held across the page: the page is cut out standing (its lines across it), either way up (a page
    upside down is turned round where it is read)."""
    page = _page()
    draw = ImageDraw.Draw(page)
    for k in range(12):
        draw.text((0.2 * page.width, 0.45 * page.height + 30 * k), LINES[k % len(LINES)], fill=(0, 0, 0), font_size=22)
    photo = _photo(page, _turned((750, 1000), (850 * 1.2, 1100 * 1.2), 6.0, 0.05)).rotate(90, expand=True)
    straight, corners = unwarp_photo(photo)
    assert corners is not None
    assert straight.height > straight.width
    assert min(_misplaced(straight), _misplaced(straight.rotate(180))) < 0.01
    # the page turned once cut out is, pixel for pixel, the warp from the corner it now starts at
    assert np.array_equal(np.asarray(straight), np.asarray(rectify(photo, corners)))


def test_a_flat_scan_is_left_as_it_is() -> None:
    """Paper to its rim (a scan, a dark banner, a slight skew with paper-coloured corners): no photo, the same
    image object goes on, so that a scan's reading does not change."""
    scan = _page(banner=True).rotate(2.5, fillcolor=(245, 243, 236))
    assert find_page(scan) is None
    same, corners = unwarp_photo(scan)
    assert same is scan and corners is None
    grey = scan.convert("L")
    assert unwarp_photo(grey)[0] is grey


def test_a_flat_scan_in_a_phones_shadow_with_a_dark_band_at_its_edge_is_no_photo() -> None:
    """A scan whose light falls off towards one side (a phone held over the page) and that prints a dark band along
    its top: its rim is darker than its middle, and the bright part of the page is a quadrilateral, but the side
    found across the falling light has the same colour on both sides. Cutting there lost a blind set's buyer block;
    the page goes on as it is."""
    page = np.asarray(_page(1275, 1650, banner=True), dtype=np.float32)
    h, w = page.shape[:2]
    _, xs = np.mgrid[0:h, 0:w]
    light = 1 - 0.6 * (1 - xs / w) ** 1.5  # darkest at the left edge
    shade = np.asarray((35, 32, 28), dtype=np.float32)
    scan = Image.fromarray((page * light[..., None] + shade * (1 - light[..., None])).astype(np.uint8))
    assert find_page(scan) is None
    assert unwarp_photo(scan)[0] is scan


def test_the_page_shown_to_a_reviewer_is_cut_out_as_it_was_read() -> None:
    corners = _turned((750, 1000), (850 * 1.2, 1100 * 1.2), -15.0, 0.08)
    photo = _photo(_page(), corners)
    fractions = tuple((x / photo.width, y / photo.height) for x, y in corners)
    shown = turn_page(photo, corners=fractions)
    assert shown.size == page_size(corners)
    assert _misplaced(shown) < 0.01


@pytest.mark.slow
@pytest.mark.skipif(shutil.which("tesseract") is None, reason="Tesseract is not installed")
def test_a_photographed_order_turned_twenty_five_degrees_is_read() -> None:
    page = Image.new("RGB", (1700, 2200), (245, 243, 236))
    draw = ImageDraw.Draw(page)
    for k, line in enumerate(LINES):
        draw.text((150, 300 + 90 * k), line, fill=(15, 15, 15), font_size=44)
    photo = _photo(page, _turned((1200, 1600), (1700 * 1.05, 2200 * 1.05), 25.0, 0.06), frame=(2400, 3200))
    buffer = io.BytesIO()
    photo.save(buffer, format="JPEG", quality=85)
    document = load_document(buffer.getvalue(), "photo.jpg")
    (read,) = document.pages
    assert read.corners is not None
    text = " ".join(w.text for w in read.words)
    assert "Harbour" in text and "4711" in text and "thirty" in text


def test_factory_photo_labels_move_with_the_page() -> None:
    """``make_photo`` keeps the truth and moves each labelled word's box onto the photo: a black block printed on
    the page lies under its projected box."""
    from reportlab.pdfgen import canvas

    from training.factory.common import GeneratedDoc
    from training.factory.photo import make_photo

    buffer = io.BytesIO()
    pdf = canvas.Canvas(buffer, pagesize=(612, 792))
    pdf.rect(0.6 * 612, 0.2 * 792, 0.25 * 612, 0.05 * 792, fill=1)  # PDF y runs up: the block at 0.75-0.8 down
    pdf.save()
    box = [600, 750, 850, 800]
    label = {"doc_id": "po-1", "truth": {"po_number": "1"}, "pages": [{"words": [{"text": "X", "box": box}]}]}
    doc = GeneratedDoc("po-1", "po", buffer.getvalue(), label, label["truth"])
    taken = make_photo(doc, seed=4)
    assert taken.label["truth"] == {"po_number": "1"} and taken.label["file"] == "po-1.jpg"
    x0, y0, x1, y1 = taken.label["pages"][0]["words"][0]["box"]
    grey = np.asarray(taken.images[0].convert("L"))
    h, w = grey.shape
    centre = grey[int((y0 + y1) / 2000 * h), int((x0 + x1) / 2000 * w)]
    assert centre < 80
