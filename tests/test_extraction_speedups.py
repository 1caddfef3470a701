"""Speed-ups that must read as before: the union of boxes, a letterhead name wrapped before its legal form, a
scanned page's background flattened and its rules taken out."""

import random

import numpy as np
import pytest
from PIL import Image, ImageDraw, ImageFilter, ImageOps
from scipy import ndimage

from extraction.document import Page, Word, union_bbox
from extraction.heuristic.parties import PartyFields
from extraction.heuristic.parts import PageView
from extraction.layout import Line
from extraction.ocr import (
    _light_around,
    flatten_background,
    grown_along,
    join_split_numbers,
    opened_along,
    remove_rules,
)


def test_union_bbox_is_the_smallest_box_around_all() -> None:
    rng = random.Random(7)
    for count in (1, 2, 5, 40):
        boxes = [(rng.random(), rng.random(), rng.random(), rng.random()) for _ in range(count)]
        expected = tuple(f(b[i] for b in boxes) for i, f in enumerate((min, min, max, max)))
        assert union_bbox(boxes) == expected
    assert union_bbox([]) is None


def _phrase(text: str, left: float, top: float, height: float = 0.02) -> Line:
    words, x = [], left
    for token in text.split():
        words.append(Word(token, (x, top, x + 0.01 * len(token), top + height)))
        x += 0.01 * len(token) + 0.01
    return Line(words)


def _view(*phrases: Line) -> PageView:
    page = Page(1, 595, 842, [w for p in phrases for w in p.words], "ocr")
    return PageView(page, list(phrases), [[p] for p in phrases], 0.01)


def test_a_name_wrapped_before_its_legal_form_is_read_whole_only_in_the_same_print_right_under_it() -> None:
    name = _phrase("Fairbanks Pharma", 0.1, 0.05)
    whole = PartyFields._unwrapped_name(_view(name, _phrase("GmbH & Co. KG", 0.1, 0.075)), name)
    assert whole.text == "Fairbanks Pharma GmbH & Co. KG"
    for below in (
        _phrase("GmbH & Co. KG", 0.3, 0.075),  # not aligned
        _phrase("GmbH & Co. KG", 0.1, 0.075, 0.03),  # another print
        _phrase("GmbH & Co. KG", 0.1, 0.09),  # too far below
        _phrase("GmbH 12", 0.1, 0.075),  # digits: an address
    ):
        assert PartyFields._unwrapped_name(_view(name, below), name).text == "Fairbanks Pharma"
    # the first aligned line of the same print under it decides, as before
    view = _view(name, _phrase("Postfach", 0.1, 0.073), _phrase("GmbH", 0.1, 0.074))
    assert PartyFields._unwrapped_name(view, name).text == "Fairbanks Pharma"


def _flatten_in_floats(image: Image.Image, dark: int = 110) -> np.ndarray:
    """flatten_background as it was written first: Pillow's MaxFilter, then float passes over the page."""
    grey = ImageOps.grayscale(image)
    small = grey.resize((max(1, grey.width // 4), max(1, grey.height // 4)), Image.Resampling.BOX)
    paper = small.filter(ImageFilter.MaxFilter(5)).filter(ImageFilter.GaussianBlur(1.5))
    paper = paper.resize(grey.size, Image.Resampling.BILINEAR)
    pixels, background = np.asarray(grey, dtype=np.float32), np.asarray(paper, dtype=np.float32)
    flat = np.where(background > dark, pixels * (255.0 / np.maximum(background, 1.0)), pixels)
    return np.clip(flat, 0, 255).astype(np.uint8)


def _ruled_page(width: int, height: int, seed: int) -> Image.Image:
    """Grey paper with rules (some from the page's edge), text, dark fills and a grey band."""
    rng = np.random.default_rng(seed)
    page = Image.new("L", (width, height), 225)
    draw = ImageDraw.Draw(page)
    draw.rectangle((0, height // 3, width, height // 3 + 40), fill=200)
    for _ in range(30):
        x, y = int(rng.integers(0, width)), int(rng.integers(0, height))
        shade, thick = int(rng.integers(0, 180)), int(rng.integers(1, 6))
        if rng.random() < 0.5:
            start = 0 if rng.random() < 0.3 else x
            draw.line((start, y, x + int(rng.integers(10, width)), y), fill=shade, width=thick)
        else:
            start = 0 if rng.random() < 0.3 else y
            draw.line((x, start, x, y + int(rng.integers(10, height))), fill=shade, width=thick)
    for _ in range(200):
        x, y = int(rng.integers(0, width)), int(rng.integers(0, height))
        draw.text((x, y), "Total 1,234.00 | EA", fill=int(rng.integers(0, 150)))
    for _ in range(4):
        x, y = int(rng.integers(0, width)), int(rng.integers(0, height))
        right, bottom = x + int(rng.integers(5, 300)), y + int(rng.integers(5, 50))
        draw.rectangle((x, y, right, bottom), fill=int(rng.integers(0, 100)))
    return page


@pytest.mark.parametrize("size", [(1654, 2339), (1200, 900), (7, 5)])
def test_flatten_background_by_table_gives_the_float_passes_pixels(size: tuple[int, int]) -> None:
    if min(size) > 100:
        page = _ruled_page(*size, seed=sum(size))
        assert np.array_equal(np.asarray(flatten_background(page)), _flatten_in_floats(page))
    noise = Image.fromarray(np.random.default_rng(3).integers(0, 256, size[::-1], dtype=np.uint8))
    assert np.array_equal(np.asarray(flatten_background(noise)), _flatten_in_floats(noise))


def _rules_on_the_whole_page(image: Image.Image, ink: int = 200) -> np.ndarray:
    """remove_rules as it was written first: every step over the whole page."""
    pixels = np.asarray(image, dtype=np.uint8)
    dark = pixels < ink
    thickness = max(3, image.width // 150)
    rules = np.zeros_like(dark)
    for along, across, share in ((1, 0, 20), (0, 1, 30)):
        length = max(15, image.width // share) | 1
        runs = ndimage.maximum_filter1d(ndimage.minimum_filter1d(dark, length, axis=along), length, axis=along)
        fills = ndimage.maximum_filter1d(ndimage.minimum_filter1d(runs, thickness, axis=across), thickness, axis=across)
        candidates = runs & ~fills
        labels, count = ndimage.label(candidates)
        keep = np.zeros(count + 1, dtype=bool)
        for index, found in enumerate(ndimage.find_objects(labels), start=1):
            lo, hi = found[across].start, found[across].stop
            sides = []
            for start, stop in ((max(0, lo - thickness), lo), (hi, min(dark.shape[across], hi + thickness))):
                if stop > start:
                    strip = list(found)
                    strip[across] = slice(start, stop)
                    sides.append(float(dark[tuple(strip)].mean()))
            keep[index] = not sides or max(sides) < 0.6
        rules |= keep[labels]
    rules &= ndimage.uniform_filter(dark.astype(np.float32), max(15, image.width // 20)) < 0.3
    rules = ndimage.maximum_filter1d(ndimage.maximum_filter1d(rules, 3, axis=0), 3, axis=1)
    return np.where(rules, np.uint8(255), pixels)


def test_masks_grown_and_opened_along_an_axis_are_scipys_filters_pixel_for_pixel() -> None:
    rng = np.random.default_rng(11)
    for _ in range(40):
        height, width = (int(n) for n in rng.integers(3, 90, 2))
        mask = rng.random((height, width)) < rng.random()
        part = mask[1:, 2:]  # a view into a larger mask, as remove_rules passes its boxes
        for size in (1, 2, 3, 4, 7, 10, 55, 101):  # even windows too, and windows longer than the mask
            for axis in (0, 1):
                grown = ndimage.maximum_filter1d(part, size, axis=axis)
                opened = ndimage.maximum_filter1d(ndimage.minimum_filter1d(part, size, axis=axis), size, axis=axis)
                assert np.array_equal(grown_along(part, size, axis), grown)
                assert np.array_equal(opened_along(part, size, axis), opened)
                assert opened_along(part, size, axis).dtype == bool
    empty = np.zeros((0, 40), dtype=bool)
    assert opened_along(empty, 5, 1).shape == (0, 40)


def test_light_around_counts_each_squares_ink_as_scipys_mean_tells_it() -> None:
    rng = np.random.default_rng(5)
    for _ in range(30):
        height, width = (int(n) for n in rng.integers(4, 160, 2))
        dark = (rng.random((height, width)) < 0.6 * rng.random())[2:, 1:]  # a view, as remove_rules passes
        for window in (3, 4, 15, 16, 41, 82, 83, 120, 211):  # 120: a square can hold exactly 0.3 ink
            expected = ndimage.uniform_filter(dark.astype(np.float32), window) < 0.3
            assert np.array_equal(_light_around(dark, window), expected)


@pytest.mark.parametrize("size", [(1654, 2339), (2400, 1700), (600, 800), (300, 300)])
def test_remove_rules_in_boxes_gives_the_whole_page_steps_pixels(size: tuple[int, int]) -> None:
    # 2400 px wide: a 120 px window, where a window's share of ink can be exactly 0.3
    for seed in (1, 2):
        page = flatten_background(_ruled_page(*size, seed=seed))
        assert np.array_equal(np.asarray(remove_rules(page)), _rules_on_the_whole_page(page))
    blank = Image.new("L", size, 255)
    assert remove_rules(blank) is blank


def test_local_currency_letters_read_only_the_locales_paying_in_a_common_currency_as_all_of_them_would() -> None:
    from datetime import date

    from babel import Locale, localedata
    from babel.numbers import get_currency_symbol, get_territory_currencies

    from extraction.clauserates import local_symbols
    from extraction.normalize import COMMON_CODES, CURRENCY_SYMBOLS

    codes: dict[str, set[str]] = {}
    for name in localedata.locale_identifiers():  # every locale's symbol, then the filter
        locale = Locale.parse(name)
        for code in (
            get_territory_currencies(locale.territory, date(2026, 1, 1), tender=True)[:1] if locale.territory else []
        ):
            symbol = get_currency_symbol(code, locale=locale)
            if (
                code in COMMON_CODES
                and symbol.isalpha()
                and symbol.isascii()
                and symbol not in (code, *CURRENCY_SYMBOLS)
            ):
                codes.setdefault(symbol, set()).add(code)
    assert local_symbols() == {symbol: code for symbol, (code, *others) in codes.items() if not others}
    assert local_symbols()["R"] == "ZAR"


def _join_split_numbers_one_by_one(words: list[Word], aspect: float) -> list[Word]:
    """join_split_numbers as it was written before: every pair tested in a Python loop."""
    out = list(words)
    for left in list(out):
        if not left.text[-1:].isdigit() or left not in out:
            continue
        for right in out:
            if not right.text[:1].isdigit():
                continue
            x0, y0, x1, y1 = left.bbox
            tall = max(y1 - y0, right.bbox[3] - right.bbox[1])
            gap = (right.bbox[0] - x1) / aspect
            shared = min(y1, right.bbox[3]) - max(y0, right.bbox[1])
            if -0.05 * tall < gap < 0.15 * tall and shared > 0.6 * tall:
                bbox = (x0, min(y0, right.bbox[1]), right.bbox[2], max(y1, right.bbox[3]))
                joined = Word(left.text + right.text, bbox, min(left.confidence, right.confidence))
                out[out.index(left)] = joined
                out.remove(right)
                break
    return out


def test_join_split_numbers_joins_as_the_pairwise_loop_did() -> None:
    rng = random.Random(11)
    joins = raised = 0
    for case in range(1500):
        words: list[Word] = []
        x = 0.02
        for _ in range(rng.randint(0, 40)):
            text = rng.choice(["12", "6", "24,00", "EA", "x", "3.5", "1 ", "00", "A1", "7B", "(4", "9)"])
            top = rng.choice([0.1, 0.1, 0.1004, 0.13, 0.16])
            width = rng.choice([0.0005, 0.004, 0.02, 0.05])
            height = rng.choice([0.01, 0.012, 0.03])
            words.append(Word(text, (x, top, x + width, top + height), rng.choice([0.5, 0.9, 0.96])))
            x = rng.choice([x, x + width + rng.choice([-0.001, 0.0002, 0.001, 0.003, 0.02])])
        if words and case % 5 == 0:
            twin = rng.choice(words)
            words.append(Word(twin.text, twin.bbox, twin.confidence))  # the same word read twice
        rng.shuffle(words) if case % 3 == 0 else None
        aspect = rng.choice([1.0, 1.414, 0.7])
        try:
            expected = _join_split_numbers_one_by_one(words, aspect)
        except ValueError:  # a word narrow enough to pass for its own continuation, removed twice
            raised += 1
            join_split_numbers(words, aspect)  # now it does not raise
            continue
        assert join_split_numbers(words, aspect) == expected
        joins += len(words) - len(expected)
    assert joins > 500 and raised  # the cases join numbers, often several on one line; some raised before


def test_group_lines_gives_each_caller_lines_of_its_own_and_words_as_themselves() -> None:
    from extraction.layout import group_lines

    words = [
        Word("Total", (0.1, 0.5, 0.2, 0.52)),
        Word("12.00", (0.3, 0.5, 0.4, 0.52)),
        Word("A", (0.1, 0.1, 0.2, 0.12)),
    ]
    first = group_lines(words)
    assert [line.text for line in first] == ["A", "Total 12.00"]
    first[1].words.pop()  # a reader changing its lines changes no one else's
    assert [line.text for line in group_lines(words)] == ["A", "Total 12.00"]
    twins = [Word(w.text, w.bbox, w.confidence) for w in words]  # equal in value, another reading's words
    assert all(a is b for line in group_lines(twins) for a in line.words for b in twins if a == b)


def _spelled_by_every_scheme(words: tuple[str, ...]) -> tuple[object, ...]:
    """taxids._spelled_modules as it was written first: every spelled scheme name tried in turn."""
    from extraction.taxids import _abbreviates, scheme_country, spelled_schemes

    found: list[object] = []
    if len(words) == 3:
        for name, modules in spelled_schemes().items():
            if len(name) >= 3 and all(_abbreviates(s, w) for s, w in zip(words, name[-3:], strict=True)):
                found.extend(m for m in modules if m not in found)
    if found or len(words) < 2:
        return tuple(found)
    first, last = words[-2:]
    for before in (lambda name: name[-2:-1], lambda name: name[:-1]):
        for name, modules in spelled_schemes().items():
            if _abbreviates(last, name[-1]) and any(first in (w, w[:1]) for w in before(name)):
                found.extend(m for m in modules if m not in found)
        if found:
            break
    return tuple(found) if len({scheme_country(m) for m in found}) == 1 else ()  # type: ignore[arg-type]


def test_spelled_caption_modules_by_initials_find_what_every_scheme_tried_finds() -> None:
    from extraction.taxids import _spelled_modules, spelled_schemes

    rng = random.Random(3)
    names = list(spelled_schemes())
    captions = {("tax", "no"), ("vat", "reg", "no"), ("business", "reg", "no"), ("corporate", "no"), ("p", "iva")}
    for name in names:
        captions.add(name[-3:])
        captions.add(tuple(w[: rng.randint(1, len(w))] for w in name[-2:]))
        captions.add(("no", *name[-2:-1], "no")[-3:])
    for caption in sorted(captions):
        assert _spelled_modules(caption) == _spelled_by_every_scheme(caption), caption


def test_a_captioned_tax_id_is_read_only_from_a_word_with_a_digit() -> None:
    from extraction.taxids import captioned_tax_id

    def words(*texts: str) -> list[Word]:
        return [Word(t, (0.1 * i, 0.1, 0.1 * i + 0.08, 0.12)) for i, t in enumerate(texts)]

    assert captioned_tax_id("ABN", words("51", "824", "753", "556")) == "51824753556"
    assert captioned_tax_id("ABN", words("Pty", "51", "824")) is None
    assert captioned_tax_id("Tax No.", words("Acme")) is None
    assert captioned_tax_id("ABN", []) is None


def test_a_pages_mentions_are_read_once_and_each_caller_gets_its_own() -> None:
    from extraction.roles import mentions

    page = Page(1, 595, 842, _phrase("Fairbanks Pharma GmbH", 0.1, 0.05).words, "pdf")
    first = mentions(page)
    assert [m.name for m in first] == ["Fairbanks Pharma GmbH"]
    first[0].words.clear()
    assert [len(m.words) for m in mentions(page)] == [3]


def test_cached_parsers_read_as_before() -> None:
    from datetime import date
    from decimal import Decimal

    from extraction.normalize import parse_amount, parse_date

    for _ in range(2):  # the second answer from the cache
        assert parse_date("31 March 2026") == date(2026, 3, 31)
        assert parse_date("March") is None
        assert parse_amount("1.234,50 €") == Decimal("1234.50")
        assert parse_amount("(1,234.50)") == Decimal("-1234.50")
