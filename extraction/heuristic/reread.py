"""Reading doubtful cells of scanned tables again from the page image."""

from __future__ import annotations

import itertools
import re
from collections.abc import Callable
from decimal import Decimal

import numpy as np
from PIL import Image

from extraction.document import Word, joined_word
from extraction.heuristic.parts import (
    Column,
    PageView,
    RowDraft,
    _bbox,
    _gap,
    arithmetic_fits,
    number,
)
from extraction.heuristic.tables import capital_codes, code_shapes, fits_shape, row_product
from extraction.layout import OCR_SPACE, THOUSANDS_TAIL, joined_thousands
from extraction.letters import in_language, unaccented, written_language
from extraction.normalize import parse_amount
from extraction.ocr import (
    DIGITS,
    NON_LATIN_MODELS,
    PixelBox,
    cyrillic_twins_in_phrase,
    installed_languages,
    page_language,
    read_regions,
    text_script,
)
from extraction.recogniser import second_reader
from extraction.result import PRICED

# a text cell whose least sure word Tesseract read under this is read again by the second reader: on the study scans
# 0.8 gained about what 0.95 did (line F1 blind7 / blind6 dev scans 0.458 / 0.755 against 0.453 / 0.765) with a
# quarter of the crops (docs/BENCHMARKS.md "A second OCR engine on scans")
SECOND_READ_BELOW = 0.8
# a unit cell whose word Tesseract read under this is read by the second reader too: a unit is a short word Tesseract
# misreads alike on every row, page and crop ('pcs' read 'pes' at 0.87-0.90 on each row of a scan, PP-OCR 'pcs' at
# 0.999), and its crop, a word or two, costs the recogniser some 20 ms
UNIT_SECOND_READ_BELOW = 0.95
# the text cells of a scanned row read again from crops where OCR was unsure of a word ('pcs' read 'pes')
TEXT_CELLS = ("sku", "description", "unit")


class ScanRereader:
    # ---- reading doubtful cells again --------------------------------------------------------

    def _reread_rows(self, views: list[PageView], rows: list[RowDraft], number_hint: str | None) -> None:
        """Read doubtful cells of scanned tables again from the page image, one crop each, scaled up.

        Numbers: every numeric cell of a row whose quantity x price != amount, or that lacks a printed one,
        with a digit whitelist and three binarisations; the readings that make the row add up win (the fewest
        changes first). Text: SKU and description cells holding a word OCR was unsure of; a re-read word
        replaces the first reading where it is surer.
        """
        for view in views:
            image = view.page.image
            page_rows = [row for row in rows if row.page == view.page.number and row.line is not None]
            if image is None or not page_rows:
                continue
            numeric: list[tuple[RowDraft, str, PixelBox]] = []
            text: list[tuple[RowDraft, str, PixelBox]] = []
            for row in page_rows:
                assert row.line is not None  # page_rows keeps rows with a line
                printed = [c for c in row.header if c.name in PRICED]
                values = {c.name: number(row.cells.get(c.name, []), number_hint) for c in printed}
                values["_discount"] = number(row.cells.get("_discount", []), number_hint)
                if any(v is None for k, v in values.items() if k != "_discount") or not arithmetic_fits(values):
                    numeric += [(row, c.name, self._cell_box(row, c, view, image.size)) for c in printed]
                for name in TEXT_CELLS:
                    words = _first_line(row, name)
                    if words and min(w.confidence for w in words) < 0.95:
                        text.append((row, name, self._words_box(words, view.char_width, image.size)))
            if numeric:
                readings = read_regions(image, [box for _, _, box in numeric], DIGITS, ("grey", "otsu", "bold"))
                self._take_numbers(numeric, readings, number_hint, image.size)
                self._band_reading(view, image, [row for row in page_rows if _unpriced(row, number_hint)], number_hint)
            language = page_language(view.page.words)
            if text and language in NON_LATIN_MODELS:
                # a page in Cyrillic (Armenian, Georgian) letters: its cells read again with its own model (English's
                # and PP-OCR's have none of its letters and would take look-alikes for them)
                if language in installed_languages():
                    readings = read_regions(image, [box for _, _, box in text], lang=f"{language}+eng")
                    for (row, name, _), (reading,) in zip(text, readings, strict=True):
                        # the crop's reading takes Latin look-alikes for Cyrillic letters as the page's did
                        mended = cyrillic_twins_in_phrase([t for t, _ in reading])
                        self._take_words(row, name, [(t, c) for t, (_, c) in zip(mended, reading, strict=True)])
            elif text:
                readings = read_regions(image, [box for _, _, box in text])
                for (row, name, _), (reading,) in zip(text, readings, strict=True):
                    self._take_words(row, name, reading)
                self._second_reading(image, text, [reading for (reading,) in readings])
                # a page in another language: its own model gives back the accents an English reading drops
                # ('Cable' -> 'Câble'); only a reading of the very same letters plus their marks is taken, so
                # that its misreads of codes ('3G2,5' -> '362,5') never are
                if language != "eng" and language in installed_languages():
                    readings = read_regions(image, [box for _, _, box in text], lang=language)
                    for (row, name, _), (reading,) in zip(text, readings, strict=True):
                        self._take_accents(row, name, reading)
                # a page in a language without a model: its cells' readings get its letters back as the page's did
                written = written_language(view.page.words)
                for row, name, _ in text:
                    if name in row.cells:
                        row.cells[name] = in_language(row.cells[name], written)
            if _arithmetic_holds(rows, number_hint):
                for row in page_rows:
                    _mended_by_arithmetic(row, number_hint)
            self._codes_read_again(image, view, page_rows, rows)
            units = self._units_to_read(page_rows, language, view.char_width, image.size)
            if units:
                # units read with the page's own model alone: a Slovak 'pár' read 'par', a Ukrainian 'шт', 'кг'
                # read as their Latin look-alikes 'wT', 'Kr' (English's model reads the short words first)
                own_script = language in NON_LATIN_MODELS
                readings = read_regions(image, [box for _, box in units], lang=language)
                for (row, _), (reading,) in zip(units, readings, strict=True):
                    if own_script:
                        _take_where(row, "unit", reading, lambda w, text, _: text_script(text) is not None, False)
                    else:
                        self._take_accents(row, "unit", reading)

    def _codes_read_again(self, image: Image.Image, view: PageView, page: list[RowDraft], rows: list[RowDraft]) -> None:
        """A page's read codes off the shape two thirds of the codes share ('1973150', '782473' among a capital and
        six or five digits) read again by the second reader (PP-OCR's recogniser): its reading is taken where it
        fits the shape, two characters or fewer from the first. OCR's look-alikes are many ('1' for 'T', 'I' or
        'l'); a second engine reading the crop tells them where the shape alone cannot."""
        second = second_reader()
        _, shape = code_shapes(rows)
        if second is None or shape is None:
            return
        capitals = capital_codes([" ".join(w.text for w in row.cells.get("sku", [])) for row in rows], shape)
        misfits = [
            row
            for row in page
            if len(row.cells.get("sku", [])) == 1
            and row.cells["sku"][0].confidence < 1.0
            and not fits_shape(row.cells["sku"][0].text, shape, capitals)
        ]
        if not misfits:
            return
        boxes = [self._words_box(row.cells["sku"], view.char_width, image.size) for row in misfits]
        for row, reading in zip(misfits, second.read(image, boxes), strict=True):
            first = row.cells["sku"][0]
            text = "".join(t for t, _ in reading)
            if reading and fits_shape(text, shape, capitals) and _within_two(first.text, text):
                row.cells["sku"] = [Word(text, first.bbox, min(c for _, c in reading))]

    def _units_to_read(
        self, rows: list[RowDraft], language: str, char_width: float, size: tuple[int, int]
    ) -> list[tuple[RowDraft, PixelBox]]:
        """The unit cells of a page in a language other than English whose model is installed, that its model
        may read otherwise: in Latin letters on a page in Cyrillic ones, or of three plain letters or more (an
        accent its English reading dropped)."""
        if language == "eng" or language not in installed_languages():
            return []
        other_script = language in NON_LATIN_MODELS
        out = []
        for row in rows:
            assert row.line is not None
            words = _first_line(row, "unit")
            plain = [w for w in words if w.text.isascii() and any(ch.isalpha() for ch in w.text)]
            if plain and (other_script or any(sum(ch.isalpha() for ch in w.text) >= 3 for w in plain)):
                out.append((row, self._words_box(words, char_width, size)))
        return out

    @staticmethod
    def _second_reading(
        image: Image.Image, cells: list[tuple[RowDraft, str, PixelBox]], crops: list[list[tuple[str, float]]]
    ) -> None:
        """Text cells read again by the second reader (PP-OCR's recogniser, ``extraction.recogniser``; where it is
        switched on and installed): those with a word read under ``SECOND_READ_BELOW``, and those whose crop
        Tesseract read otherwise than the page did (``crops``, one reading a cell) without being surer of it.

        On the study scans PP-OCR reads words Tesseract garbles or strips of their accents ('Kobberror',
        'Rézcs6', 'Oleo' for 'Kobberrør', 'Rézcső', 'Óleo'), but drops a letter of a doubled one ('nitriili' ->
        'nitril', '4000K' -> '400K'; both crops '2' for '2)'): its reading is taken where it reads as many
        characters and is surer, or reads what Tesseract's crop read: two readers agreeing outweigh the page's one
        (a unit 'pcs' the page read 'pes' at 0.88 on a bleeding scan, both crops 'pcs')."""
        second = second_reader()
        chosen = [
            (row, name, box, crop)
            for (row, name, box), crop in zip(cells, crops, strict=True)
            if _least_sure(row, name) < (UNIT_SECOND_READ_BELOW if name == "unit" else SECOND_READ_BELOW)
            or _disputed(row, name, crop)
        ]
        if second is None or not chosen:
            return
        for (row, name, _, crop), reading in zip(chosen, second.read(image, [c[2] for c in chosen]), strict=True):
            agreed = [text for text, _ in crop]

            def better(
                w: Word, text: str, conf: float, agreed: list[str] = agreed, unit: bool = name == "unit"
            ) -> bool:
                # a unit is written in letters: a reading that takes one for a digit ('1' for 'l') is no better
                if unit and any(a.isalpha() and b.isdigit() for a, b in zip(w.text, text, strict=False)):
                    return False
                return len(text) == len(w.text) and (conf > w.confidence or text in agreed)

            _take_where(row, name, reading, better, True)

    @staticmethod
    def _band_reading(view: PageView, image: Image.Image, rows: list[RowDraft], number_hint: str | None) -> None:
        """Rows whose quantity x price = amount fails after Tesseract's re-read of their cells: the band of the
        row from the quantity's column to the amount's cut where its ink parts and read by the second reader
        (PP-OCR's recogniser), its numbers taken in print order (quantity, price, amount; a thousands group a
        narrow space apart joined where that adds up) where they multiply out in their columns. A scan's cells
        are split, shifted or lost in ways a crop per cell cannot mend ('5 734,80' read as two cells, a quantity
        the fax lost); the band reads the row's numbers whole, and the arithmetic decides. Off unless
        ``BANDS_PER_PAGE`` is set (its CPU)."""
        second = second_reader()
        if second is None:
            return
        bands: list[tuple[RowDraft, tuple[Column, ...]]] = []
        for row in rows:
            priced = sorted((c for c in row.header if c.name in PRICED), key=lambda c: c.x0)
            if [c.name for c in priced] == ["quantity", "unit_price", "amount"] and row.line is not None:
                bands.append((row, tuple(priced)))
        bands = bands[:BANDS_PER_PAGE]
        if not bands:
            return
        width, height = image.size
        boxes: list[PixelBox] = []
        for row, (quantity, _, amount) in bands:
            assert row.line is not None
            top, bottom = row.line.top, row.line.bottom
            pad = 0.3 * (bottom - top)
            boxes.append(
                (
                    max(0, int((quantity.x0 - 3 * view.char_width) * width)),
                    max(0, int((top - pad) * height)),
                    min(width, int((amount.x1 + 2 * view.char_width) * width) + 1),
                    min(height, int((bottom + pad) * height) + 1),
                )
            )
        # the band cut where its ink parts (words, the columns' gaps) and each piece read by the recogniser, all
        # in one batch: PP-OCR's detection on a band scales its short side up to hundreds of pixels (about a CPU
        # second a row), the recogniser costs some 20 ms a piece
        grey = np.asarray(image if image.mode == "L" else image.convert("L"), dtype=np.uint8)
        pieces = [_ink_pieces(grey, box, row) for (row, _), box in zip(bands, boxes, strict=True)]
        readings = iter(second.read(image, [piece for band in pieces for piece, _ in band]))
        for (row, columns), band in zip(bands, pieces, strict=True):
            tokens: list[tuple[str, bool, tuple[float, float]]] = []
            confidences: list[float] = []
            for (piece, near), reading in zip(band, readings, strict=False):
                x0, x1 = piece[0] / width, piece[2] / width
                letters = sum(len(text) for text, _ in reading) or 1
                at = x0
                for index, (text, confidence) in enumerate(reading):
                    end = at + (x1 - x0) * len(text) / letters
                    tokens.append((text, near if index == len(reading) - 1 else True, (at, end)))
                    confidences.append(confidence)
                    at = end
            found = _band_numbers(tokens, number_hint, row, columns)
            if found is None:
                continue
            assert row.line is not None
            confidence = min(confidences, default=0.0)
            for column, (text, _) in zip(columns, found, strict=True):
                kept = [w for w in row.cells.get(column.name, []) if w.bbox[1] >= row.line.bottom]
                cell = (column.x0, row.line.top, column.x1, row.line.bottom)
                row.cells[column.name] = [Word(text, cell, confidence), *kept]

    @staticmethod
    def _words_box(words: list[Word], char_width: float, size: tuple[int, int]) -> PixelBox:
        x0, y0, x1, y1 = _bbox(words)  # type: ignore[misc]
        pad_x, pad_y = 0.5 * char_width, 0.25 * (y1 - y0)
        width, height = size
        return (
            max(0, int((x0 - pad_x) * width)),
            max(0, int((y0 - pad_y) * height)),
            min(width, int((x1 + pad_x) * width) + 1),
            min(height, int((y1 + pad_y) * height) + 1),
        )

    @staticmethod
    def _cell_box(row: RowDraft, column: Column, view: PageView, size: tuple[int, int]) -> PixelBox:
        """A numeric cell on the row's first line: its words (or its header's span) widened by a digit or two
        each way (a dropped digit leaves no box), up to the neighbouring words."""
        assert row.line is not None
        line = row.line
        own = [w for w in row.cells.get(column.name, []) if line.top - 0.002 <= w.bbox[1] < line.bottom]
        x0, x1 = (min(w.bbox[0] for w in own), max(w.bbox[2] for w in own)) if own else (column.x0, column.x1)
        # a head misread as letters a thousands space before the cell ('ll' '034,00') is read with it
        heads = [w for w in row.cells.get("_misread", []) if 0 <= x0 - w.bbox[2] < 1.2 * view.char_width]
        x0 = min([x0, *(w.bbox[0] for w in heads)])
        centre = (x0 + x1) / 2
        left, right = x0 - 2 * view.char_width, x1 + 2 * view.char_width
        for word in line.words:
            if word in own or word in row.cells.get("_misread", []):
                continue
            if word.bbox[2] <= centre:
                left = max(left, word.bbox[2] + 0.2 * view.char_width)
            elif word.bbox[0] >= centre:
                right = min(right, word.bbox[0] - 0.2 * view.char_width)
        y0, y1 = line.top, line.bottom
        pad = 0.3 * (y1 - y0)
        width, height = size
        return (
            max(0, int(left * width)),
            max(0, int((y0 - pad) * height)),
            min(width, int(right * width) + 1),
            min(height, int((y1 + pad) * height) + 1),
        )

    def _take_numbers(
        self,
        cells: list[tuple[RowDraft, str, PixelBox]],
        readings: list[list[list[tuple[str, float]]]],
        number_hint: str | None,
        size: tuple[int, int],
    ) -> None:
        """Per row, the combination of first and second readings that adds up, with the fewest changes."""
        by_row: dict[int, list[tuple[str, PixelBox, list[list[tuple[str, float]]]]]] = {}
        rows: dict[int, RowDraft] = {}
        for (row, name, box), reading in zip(cells, readings, strict=True):
            by_row.setdefault(id(row), []).append((name, box, reading))
            rows[id(row)] = row
        width, height = size
        for key, entries in by_row.items():
            row = rows[key]
            names = [name for name, _, _ in entries]
            options: list[list[tuple[Decimal | None, int, str, float]]] = []  # value, votes against, text, conf
            for name, _, reading in entries:
                first = number(row.cells.get(name, []), number_hint)
                texts: dict[Decimal, list[tuple[str, float]]] = {}
                for words in reading:
                    raw = " ".join(t for t, _ in words)
                    value = parse_amount(raw, number_hint) if words else None
                    if value is not None:
                        texts.setdefault(value, []).append((raw, min(c for _, c in words)))
                choice = [(first, 0, "", 1.0)]
                for value, seen in sorted(texts.items(), key=lambda item: -len(item[1]))[:3]:
                    if value != first:
                        choice.append((value, 1 + len(reading) - len(seen), seen[0][0], max(c for _, c in seen)))
                if name in ("unit_price", "amount"):
                    choice += _dropped_decimal_mark(choice, 2 + len(reading))
                options.append(choice)
            discount = number(row.cells.get("_discount", []), number_hint)
            best: tuple[int, tuple[tuple[Decimal | None, int, str, float], ...]] | None = None
            for combo in itertools.product(*options):
                values: dict[str, Decimal | None] = dict(zip(names, (c[0] for c in combo), strict=True))
                if any(v is None for v in values.values()) and len(names) == 3:
                    continue
                values["_discount"] = discount
                if not arithmetic_fits(values):
                    continue
                cost = sum(c[1] for c in combo)
                if best is None or cost < best[0]:
                    best = (cost, combo)
            if best is None or best[0] == 0:
                continue
            for (name, box, _), (value, votes, raw, conf) in zip(entries, best[1], strict=True):
                if votes == 0 or value is None:
                    continue
                bbox = (box[0] / width, box[1] / height, box[2] / width, box[3] / height)
                kept = [w for w in row.cells.get(name, []) if not row.line or w.bbox[1] >= row.line.bottom]
                row.cells[name] = [Word(raw, bbox, conf), *kept]

    @staticmethod
    def _take_accents(row: RowDraft, name: str, reading: list[tuple[str, float]]) -> None:
        """Word by word: a word that is the first reading's with accents (three letters or more: 'A' is a size,
        not 'À'), at the first reading's confidence."""
        _take_where(row, name, reading, lambda w, text, _: unaccented(text) == w.text and len(text) > 2, False)

    @staticmethod
    def _take_words(row: RowDraft, name: str, reading: list[tuple[str, float]]) -> None:
        """Word by word: the surer reading of each."""
        _take_where(row, name, reading, lambda w, _, conf: conf > w.confidence, True)


SEPARATORS = ":;,–—"  # what ends a term before its value


def _take_where(
    row: RowDraft,
    name: str,
    reading: list[tuple[str, float]],
    better: Callable[[Word, str, float], bool],
    its_confidence: bool,
) -> None:
    """Where a second reading of a cell's first line has as many words, each word it reads otherwise and
    ``better`` accepts replaces the first reading's (with the second reading's confidence or the first's)."""
    words = row.cells.get(name, [])
    first = _first_line(row, name)
    if len(reading) != len(first):
        return
    if first:
        # a separator the row's reader cut off the cell's end ('Hora técnica:' before its price) stays off
        text, conf = reading[-1]
        reading = [*reading[:-1], (text.rstrip(SEPARATORS) if first[-1].text[-1:] not in SEPARATORS else text, conf)]
    taken = {
        id(w): Word(text, w.bbox, conf if its_confidence else w.confidence)
        for w, (text, conf) in zip(first, reading, strict=True)
        if text != w.text and not _marks_lost(w.text, text) and better(w, text, conf)
    }
    if taken:
        row.cells[name] = [taken.get(id(w), w) for w in words]


# rows of a page read again as bands by the second reader, at most. 0: off. On the study scans the band reading
# gave back 1-2 lines a set for about 0.4 CPU s per scanned page on blind7 dev (a third to a half of bare
# Tesseract's page; docs/BENCHMARKS.md "scanlines15"), against a budget of no more CPU per scanned page: kept, off
BANDS_PER_PAGE = 0


def _unpriced(row: RowDraft, number_hint: str | None) -> bool:
    """A row whose quantity x price = amount fails, or lacks one of the three its table prints."""
    printed = [c.name for c in row.header if c.name in PRICED]
    values = {name: number(row.cells.get(name, []), number_hint) for name in printed}
    values["_discount"] = number(row.cells.get("_discount", []), number_hint)
    return any(values.get(name) is None for name in printed) or not arithmetic_fits(values)


def _band_numbers(
    tokens: list[tuple[str, bool, tuple[float, float]]],
    number_hint: str | None,
    row: RowDraft,
    columns: tuple[Column, ...],
) -> tuple[tuple[str, Decimal], tuple[str, Decimal], tuple[str, Decimal]] | None:
    """Quantity, price and amount from a band's words in print order, each with whether a space narrow enough
    for a thousands separator follows it and its span across the page: the last three numbers (words of letters,
    a unit, left out; a quantity glued to its unit split off), a thousands group a narrow space apart ('5'
    '734,80') joined or not, the reading that multiplies out with each number nearest its own column; None where
    none or two different ones do."""
    numbers: list[tuple[str, bool, tuple[float, float]]] = []
    for token, near, span in tokens:
        glued = re.fullmatch(r"(\d+(?:[.,]\d+)?)[^\W\d_]{1,5}\.?", token)
        if glued is not None or re.fullmatch(r"[-−]?[\d.,']*\d[\d.,']*", token):
            numbers.append((glued.group(1) if glued else token, near and glued is None, span))
        elif numbers:
            numbers[-1] = (numbers[-1][0], False, numbers[-1][2])  # a word between: no thousands space
    joins = [
        i
        for i, ((a, near, _), (b, _, _)) in enumerate(itertools.pairwise(numbers))
        if near and re.fullmatch(r"\d{1,3}", a) and re.fullmatch(r"\d{3}(?:[.,]\d+)?", b)
    ][:4]
    discount = number(row.cells.get("_discount", []), number_hint)
    found: set[tuple[tuple[str, Decimal], ...]] = set()
    for pattern in itertools.product((False, True), repeat=len(joins)):
        glued_at = {i for i, on in zip(joins, pattern, strict=True) if on}
        groups: list[tuple[str, float, float]] = []
        for i, (text, _, (x0, x1)) in enumerate(numbers):
            if i - 1 in glued_at:
                groups[-1] = (groups[-1][0] + " " + text, groups[-1][1], x1)
            else:
                groups.append((text, x0, x1))
        if len(groups) < 3 or not all(
            _nearest(columns, x0, x1) is column for (_, x0, x1), column in zip(groups[-3:], columns, strict=True)
        ):
            continue
        values = [parse_amount(text, number_hint) for text, _, _ in groups[-3:]]
        if any(v is None or v == 0 for v in values):
            continue
        named: dict[str, Decimal | None] = dict(zip(("quantity", "unit_price", "amount"), values, strict=True))
        named["_discount"] = discount
        if arithmetic_fits(named):
            found.add(tuple((text, v) for (text, _, _), v in zip(groups[-3:], values, strict=True) if v is not None))
    if len(found) != 1:
        return None
    quantity, price, amount = found.pop()
    return quantity, price, amount


def _ink_pieces(grey: np.ndarray, box: PixelBox, row: RowDraft) -> list[tuple[PixelBox, bool]]:
    """A band of the page cut where its ink parts, left to right: each piece's box and whether the gap after it
    is narrower than the row's print is tall (a space inside a number or a phrase; a column's gap is wider)."""
    assert row.line is not None
    x0, y0, x1, y1 = box
    tall = max(4.0, (row.line.bottom - row.line.top) * grey.shape[0])
    inked = (grey[y0:y1, x0:x1] < 128).any(axis=0)
    runs: list[list[int]] = []
    for x in np.flatnonzero(inked):
        if runs and x - runs[-1][1] <= max(2, 0.25 * tall):
            runs[-1][1] = int(x)
        else:
            runs.append([int(x), int(x)])
    runs = [run for run in runs if run[1] - run[0] >= 2]  # a speck is no piece
    pad = max(2, int(0.15 * tall))
    return [
        (
            (max(0, x0 + a - pad), y0, min(grey.shape[1], x0 + b + pad + 1), y1),
            index + 1 < len(runs) and runs[index + 1][0] - b < tall,
        )
        for index, (a, b) in enumerate(runs)
    ]


def _nearest(columns: tuple[Column, ...], x0: float, x1: float) -> Column:
    """The column a span of the page overlaps most, else the one it stands nearest."""
    return min(columns, key=lambda c: (-(min(x1, c.x1) - max(x0, c.x0)), max(c.x0 - x1, x0 - c.x1, 0.0)))


MENDED = ("quantity", "unit_price", "amount")


# the most rows whose amount may have lost its head that the printed subtotal chooses among (2**n sums)
HEADS_WEIGHED = 10
CENT = Decimal("0.011")  # two amounts the same to the cent


def amounts_by_subtotal(views: list[PageView], rows: list[RowDraft], number_hint: str | None) -> None:
    """A scanned table whose amounts add up to none of the amounts printed below it (its subtotal, tax, total),
    where some rows' amounts may have lost their head: a group of digits a thousands space before the amount's
    last group that no cell took ('13' '296,86' for '13 296,86', '1177' '735' for '1 177 735'; the row was read
    without it because its price lost the same head and quantity x price came out). The one set of such rows whose
    amounts, read with their heads, make the lines add up to a printed amount is read so; their prices and
    quantities then follow from the arithmetic. A row without an amount counts its quantity x price."""
    amounts = [number(row.cells.get("amount", []), number_hint) or row_product(row, number_hint) for row in rows]
    if not rows or any(a is None for a in amounts):
        return
    heads: list[tuple[RowDraft, Word, Decimal]] = []
    for row, amount in zip(rows, amounts, strict=True):
        head = _lost_head(row)
        joined = number([head], number_hint) if head is not None else None
        if head is not None and joined is not None and amount is not None:
            heads.append((row, head, joined - amount))
    if not heads or len(heads) > HEADS_WEIGHED:
        return
    printed = _printed_below(views, rows, number_hint)
    added = sum((a for a in amounts if a is not None), Decimal(0))
    if any(abs(added - value) <= CENT for value in printed):
        return  # the lines add up as read
    fitting = [
        chosen
        for size in range(1, len(heads) + 1)
        for chosen in itertools.combinations(heads, size)
        if any(abs(added + sum(gain for _, _, gain in chosen) - value) <= CENT for value in printed)
    ]
    if len(fitting) != 1:
        return
    for row, head, _ in fitting[0]:
        row.cells["amount"] = [head]
        _mended_by_arithmetic(row, number_hint, vouched=True)


def _printed_below(views: list[PageView], rows: list[RowDraft], number_hint: str | None) -> list[Decimal]:
    """The amounts printed on the lines below a table's last row (to the end of the document): its totals among
    them, read with their thousands spaces."""
    last_page = max(row.page for row in rows)
    bottom = max(row.bottom for row in rows if row.page == last_page)
    out = []
    for view in views:
        for line in view.lines:
            if view.page.number < last_page or view.page.number == last_page and line.top <= bottom:
                continue
            for word in joined_thousands(line.words, OCR_SPACE):
                value = parse_amount(word.text, number_hint)
                if value is not None and re.fullmatch(r"[\d.,' ]{3,}", word.text):
                    out.append(value)
    return out


def _lost_head(row: RowDraft) -> Word | None:
    """A scanned row's amount read with the group of digits a thousands space before it that no cell took, as one
    word ('13' '296,86' -> '13296,86'), or None."""
    cell = row.cells.get("amount", [])
    if len(cell) != 1 or row.line is None or cell[0].confidence >= 1.0 or not THOUSANDS_TAIL.match(cell[0].text):
        return None
    tail = cell[0]
    taken = {id(w) for words in row.cells.values() for w in words}
    before = [
        w
        for w in row.line.words
        if w.bbox[2] <= tail.bbox[0] and _gap(w.bbox[1], w.bbox[3], tail.bbox[1], tail.bbox[3]) == 0
    ]
    head = max(before, key=lambda w: w.bbox[2], default=None)
    digit = (tail.bbox[2] - tail.bbox[0]) / len(tail.text)
    if (
        head is None
        or id(head) in taken
        or not re.fullmatch(r"\d{1,4}", head.text)
        or tail.bbox[0] - head.bbox[2] >= 1.5 * digit
    ):
        return None
    return joined_word(head, tail)


def _arithmetic_holds(rows: list[RowDraft], number_hint: str | None) -> bool:
    """Whether two thirds of the document's rows that print a quantity, price and amount (two at least) multiply
    out: a table whose amounts follow a rule the reader did not find (a price per hundred printed without its
    caption) mends none of its rows towards quantity x price."""
    priced = [row for row in rows if {"quantity", "unit_price", "amount"} <= {c.name for c in row.header}]
    told = []
    for row in priced:
        values: dict[str, Decimal | None] = {n: number(row.cells.get(n, []), number_hint) for n in MENDED}
        if all(v is not None for v in values.values()):
            values["_discount"] = number(row.cells.get("_discount", []), number_hint)
            told.append(arithmetic_fits(values))
    return sum(told) >= 2 and 3 * sum(told) >= 2 * len(told)


# cells the reader set aside that take no part in a row's arithmetic: its position number, a scrap misread in a
# numeric column (a lost head 'вн' before '252,48': one of the cells' own digits)
NO_RULE = ("_line", "_misread")


def _mended_by_arithmetic(row: RowDraft, number_hint: str | None, vouched: bool = False) -> None:
    """A row whose quantity x price = amount fails after its cells were read again, where exactly one of the three
    takes a value one digit off its reading (a digit added, dropped or changed: '52' for '5', '480' for '3480';
    or only its decimal mark moved: '1250' for '12.50'), or whose reading is its last digits where the other two
    give it to the cent ('43' for '13 403,43'), that makes the row add up: that value, in the page's number
    format. The other two readings agreeing on it is the evidence; two cells that could each be mended so, or a
    mend further off, leave the row as read. ``vouched``: the amount is one the table's printed total adds up to,
    so a column the reader put no name to holds no rule of the row's (its amount is quantity x price)."""
    printed = {c.name for c in row.header}
    if not set(MENDED) <= printed or any(
        name.startswith("_") and name not in NO_RULE and words and not vouched for name, words in row.cells.items()
    ):
        # a column the reader put no name to ('M' beside a price: per thousand) may be what the row's rule is
        return
    words = {name: row.cells.get(name, []) for name in MENDED}
    if any(not w or min(x.confidence for x in w) >= 1.0 for w in words.values()):
        return
    values: dict[str, Decimal | None] = {name: number(w, number_hint) for name, w in words.items()}
    qty, price, amount = values["quantity"], values["unit_price"], values["amount"]
    if qty is None or price is None or amount is None or not qty or not price or arithmetic_fits(values):
        return
    cents = Decimal("0.01")
    solved = {
        "quantity": (amount / price).quantize(Decimal("0.001")),
        "unit_price": (amount / qty).quantize(cents),
        "amount": (qty * price).quantize(cents),
    }
    exact = {
        "quantity": solved["quantity"] * price == amount,
        "unit_price": (qty * solved["unit_price"]).quantize(cents) == amount,
        "amount": True,
    }
    mends = []
    for name, value in solved.items():
        if value <= 0 or not arithmetic_fits({**values, name: value}):
            continue
        text = " ".join(w.text for w in words[name])
        if _digits_off_by_one(text, value) or (exact[name] and _leading_group_lost(text, value)):
            mends.append((name, value))
    if len(mends) != 1:
        return
    name, value = mends[0]
    printed_as = _printed_as(value, number_hint)
    if printed_as is not None:
        first = words[name]
        row.cells[name] = [Word(printed_as, _bbox(first) or first[0].bbox, min(w.confidence for w in first))]


def _digits_off_by_one(text: str, value: Decimal) -> bool:
    """Whether a value's digits are a reading's with one digit added, dropped or changed, or the same digits with
    the decimal mark put in where the reading has none ('1250' for '12.50'; a mark read stays where it was read);
    trailing zeros of the decimals count as printed or not."""
    read = re.sub(r"\D", "", text)
    whole, _, decimals = f"{value:f}".partition(".")
    forms = {whole + decimals, whole + decimals.rstrip("0"), whole + decimals.ljust(2, "0")}
    if not any(_edits_at_most(read, form, 1) for form in forms if form):
        return False
    return _same_magnitude(text, value)


def _leading_group_lost(text: str, value: Decimal) -> bool:
    """Whether a reading of two digits or more is the value's last digits, its leading ones lost ('43' for
    '13 403,43': a cell cut at a thousands gap or decimal mark); taken only where the other two cells give the
    value to the cent."""
    read = re.sub(r"\D", "", text)
    whole, _, decimals = f"{value:f}".partition(".")
    # a page of whole money prints no decimals ('735' for '1 177 735')
    forms = {whole + decimals.ljust(2, "0"), whole + decimals}
    return len(read) >= 2 and any(len(digits) > len(read) and digits.endswith(read) for digits in forms)


def _same_magnitude(text: str, value: Decimal) -> bool:
    """Whether the value has as many whole digits as a reading with a decimal mark (its last mark before one or two
    digits), give or take one; any value for a reading without one."""
    marked = re.fullmatch(r"(.*?)[.,](\d{1,2})", text.replace(" ", ""))
    if marked is None:
        return True
    return abs(len(re.sub(r"\D", "", marked[1])) - len(str(int(value)))) <= 1


def _printed_as(value: Decimal, number_hint: str | None) -> str | None:
    """The value written so that the page's number format reads it back (decimal point or comma)."""
    plain = f"{value:f}"
    if "." in plain:
        whole, decimals = plain.split(".")
        decimals = decimals.rstrip("0").ljust(2, "0")
        plain = f"{whole}.{decimals}"
    for text in (plain, plain.replace(".", ",")):
        if parse_amount(text, number_hint) == value:
            return text
    return None


def _within_two(one: str, other: str) -> bool:
    """Whether two readings differ by two edits (a character changed, dropped or added) or fewer."""
    return _edits_at_most(one, other, 2)


def _edits_at_most(one: str, other: str, most: int) -> bool:
    """Whether two strings differ by ``most`` edits (a character changed, dropped or added) or fewer."""
    if abs(len(one) - len(other)) > most:
        return False
    previous = list(range(len(other) + 1))
    for i, a in enumerate(one, 1):
        current = [i]
        for j, b in enumerate(other, 1):
            current.append(min(previous[j] + 1, current[j - 1] + 1, previous[j - 1] + (a != b)))
        previous = current
    return previous[-1] <= most


def _disputed(row: RowDraft, name: str, crop: list[tuple[str, float]]) -> bool:
    """Whether a crop's reading of a cell's first line, as many words, reads a word otherwise than the cell holds."""
    first = [w.text for w in _first_line(row, name)]
    return len(crop) == len(first) and [text for text, _ in crop] != first


def _least_sure(row: RowDraft, name: str) -> float:
    """The confidence of the least sure word on a cell's first line."""
    return min((w.confidence for w in _first_line(row, name)), default=1.0)


def _first_line(row: RowDraft, name: str) -> list[Word]:
    """A cell's words on its row's first printed line (a row with a line only)."""
    assert row.line is not None
    return [w for w in row.cells.get(name, []) if row.line.top - 0.002 <= w.bbox[1] < row.line.bottom]


# letters with a mark that Unicode does not write as a base letter and a combining mark
_MARKED_LETTERS = str.maketrans("ıłŁøØđĐħĦ", "ilLoOdDhH")


def _marks_lost(first: str, second: str) -> bool:
    """Whether ``second`` is ``first`` with some of its letters' marks lost ('Altıköşe' -> 'Altikose', 'İş' -> 'is'): an
    English reader (Tesseract's English model, PP-OCR's recogniser) has no such letters, so its reading of a
    marked word is never the surer one."""
    marked = sum(not ch.isascii() for ch in first)
    plain = unaccented(first).translate(_MARKED_LETTERS).casefold()
    return (
        marked > sum(not ch.isascii() for ch in second)
        and plain == unaccented(second).translate(_MARKED_LETTERS).casefold()
    )


def _dropped_decimal_mark(
    choice: list[tuple[Decimal | None, int, str, float]], cost: int
) -> list[tuple[Decimal | None, int, str, float]]:
    """Each whole-number reading of a price or amount with a decimal mark put back before its last two digits
    ('101684' -> 1016.84): a soft 150 dpi scan loses the comma of '1 016,84' in every reading. Dearer than
    any reading, so that it is taken only where no reading makes the row add up and this one does."""
    out: list[tuple[Decimal | None, int, str, float]] = []
    seen = {value for value, *_ in choice}
    for value, _, _, confidence in list(choice):
        if value is None or value != value.to_integral_value() or abs(value) < 100:
            continue
        mended = (value / 100).quantize(Decimal("0.01"))
        if mended not in seen:
            seen.add(mended)
            out.append((mended, cost, f"{mended:.2f}", confidence))
    return out
