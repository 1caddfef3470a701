"""File bytes -> Document: type by magic bytes, limits, PDF text layer or OCR.

Born-digital PDF pages are read from their text layer (exact, ~ms per page);
pages without usable text and all images are rendered and OCR'd.
"""

from __future__ import annotations

import ctypes
import io
import itertools
import unicodedata
from concurrent.futures import Executor, Future, ThreadPoolExecutor
from dataclasses import dataclass, replace
from typing import NamedTuple

import pypdfium2 as pdfium
import pypdfium2.raw as pdfium_c
from PIL import Image, ImageOps, ImageSequence, UnidentifiedImageError

from extraction.boxnumbers import without_box_numbers
from extraction.companies import forms_read_with_zeros, opening_quotes_restored
from extraction.document import Document, Page, Word
from extraction.errors import (
    CorruptFileError,
    DocumentError,
    EmptyFileError,
    EncryptedPdfError,
    ImageTooLargeError,
    ImageTooSmallError,
    PageNotFoundError,
    TooLargeError,
    TooManyPagesError,
    UnsupportedTypeError,
)
from extraction.layout import reading_order
from extraction.leaders import without_leaders
from extraction.normalize import ocr_amount_slip, ocr_letter_slips
from extraction.ocr import (
    TesseractEngine,
    cyrillic_twins_mended,
    decimals_rejoined,
    get_engine,
    level_turn,
    no_latin_language,
    page_language,
    prepare_scan_levelled,
    spaces_restored,
    text_script,
    thousands_rejoined,
)
from extraction.photo import Quad, page_size, rectify, unwarp_photo
from extraction.recogniser import PAGE_DOUBT, doubted_page, second_reader
from extraction.ticks import Shape, unticked_words

ACCEPTED = "PDF, PNG, JPEG or TIFF"


@dataclass(frozen=True, slots=True)
class Limits:
    max_bytes: int = 20 * 1024 * 1024
    max_pages: int = 50
    max_pixels: int = 60_000_000  # per page image, after rendering
    min_image_side: int = 200  # pixels; smaller scans are unreadable
    ocr_dpi: int = 200  # PDF scans are rendered at this; Tesseract reads 200 dpi as well as 300 dpi (measured), faster
    min_text_chars: int = 20  # fewer characters on a PDF page -> treat it as a scan
    ocr_engine: str = "tesseract"
    deskew: bool = True
    flatten: bool = True  # grey paper, uneven light and banded table rows made white before OCR
    ocr_workers: int = 2  # scanned pages OCR'd at once (Tesseract runs one thread each)
    # the Tesseract model of the language the caller expects scanned pages in (``ocr.country_language`` of its
    # customer's country): each page is read whole with it first, and kept where that reading is in the language,
    # without the English reading that tells the language otherwise (a page in another language pays one read more)
    language: str | None = None


def sniff_media_type(data: bytes) -> str | None:
    if b"%PDF-" in data[:1024]:  # the spec tolerates junk before the header
        return "application/pdf"
    if data.startswith(b"\x89PNG\r\n\x1a\n"):
        return "image/png"
    if data.startswith(b"\xff\xd8\xff"):
        return "image/jpeg"
    if data[:4] in (b"II*\x00", b"MM\x00*"):
        return "image/tiff"
    return None


def check_bytes(data: bytes, name: str, limits: Limits) -> str:
    """Empty, too large or not a supported type: the checks every file gets first. Returns the media type."""
    if not data:
        raise EmptyFileError(f"{name} is empty (0 bytes); upload the {ACCEPTED} file again.")
    if len(data) > limits.max_bytes:
        raise TooLargeError(
            f"{name} is {len(data) / 1e6:.1f} MB; the limit is {limits.max_bytes / 1e6:.0f} MB. "
            "Split the document or scan it at a lower resolution (300 dpi is enough).",
            size_bytes=len(data),
            max_bytes=limits.max_bytes,
        )
    media_type = sniff_media_type(data)
    if media_type is None:
        raise UnsupportedTypeError(
            f"{name} is not a {ACCEPTED} file (its first bytes match none of them). "
            "Export or print the document to PDF and upload that.",
        )
    return media_type


def pdf_page_count(pdf: pdfium.PdfDocument, name: str, limits: Limits) -> int:
    count = len(pdf)
    if count == 0:
        raise CorruptFileError(f"{name} has no pages it can read; export it again and re-upload.")
    if count > limits.max_pages:
        raise TooManyPagesError(
            f"{name} has {count} pages; the limit is {limits.max_pages}. Upload the order or contract on its own.",
            page_count=count,
            max_pages=limits.max_pages,
        )
    return count


def load_document(data: bytes, filename: str | None = None, limits: Limits | None = None) -> Document:
    limits = limits or Limits()
    name = filename or "the file"
    media_type = check_bytes(data, name, limits)
    doc = (
        _load_pdf(data, name, limits)
        if media_type == "application/pdf"
        else _load_image(data, media_type, name, limits)
    )
    for page in doc.pages:
        page.words = without_leaders(page.words)  # 'Datum .....:09.11.2026' read as 'Datum: 09.11.2026'
        page.words = without_box_numbers(page.words)  # '3 Vertrags-Nr.' over its value read as 'Vertrags-Nr.'
    return doc


# ---- PDF -------------------------------------------------------------------------------------


def _open_pdf(data: bytes, name: str) -> pdfium.PdfDocument:
    try:
        return pdfium.PdfDocument(data)
    except pdfium.PdfiumError as error:
        if error.err_code == pdfium_c.FPDF_ERR_PASSWORD:
            raise EncryptedPdfError(
                f"{name} is password-protected. Remove the password (open it and print/save it as a new PDF) "
                "and upload it again.",
            ) from error
        raise CorruptFileError(
            f"{name} looks like a PDF but cannot be read ({error}); it may be truncated. "
            "Download or export it again and re-upload.",
        ) from error


def _load_pdf(data: bytes, name: str, limits: Limits) -> Document:
    pdf = _open_pdf(data, name)
    try:
        count = pdf_page_count(pdf, name, limits)
        with ThreadPoolExecutor(max_workers=max(1, limits.ocr_workers)) as pool:
            # pdfium is not thread-safe: pages are read and rendered here, only the OCR runs in the pool
            read: list[Page | Future[Page]] = []
            for index in range(count):
                pending = [item for item in read if isinstance(item, Future) and not item.done()]
                if len(pending) >= 2 * max(1, limits.ocr_workers):  # keep few rendered pages in memory
                    pending[0].result()
                read.append(_read_pdf_page(pdf, index, limits, pool))
            pages = [item.result() if isinstance(item, Future) else item for item in read]
    except DocumentError:
        raise
    except pdfium.PdfiumError as error:
        raise CorruptFileError(f"{name} is damaged ({error}); export it again and re-upload.") from error
    finally:
        pdf.close()
    return Document(pages=pages, media_type="application/pdf")


def _read_pdf_page(pdf: pdfium.PdfDocument, index: int, limits: Limits, pool: Executor) -> Page | Future[Page]:
    page = pdf[index]
    try:
        width, height = page.get_size()  # as shown: pdfium applies /Rotate
        words = _text_layer_words(page)
        if _usable_text(words, limits.min_text_chars):
            return Page(index + 1, width, height, reading_order(words), "text")
        scale = _render_scale(width, height, limits.ocr_dpi, limits.max_pixels)
        image = page.render(scale=scale).to_pil()  # in colour: prepare_scan takes coloured stamps out
    finally:
        page.close()
    return pool.submit(lambda: _ocr_page(index + 1, width, height, image, limits))


def _render_scale(width_pt: float, height_pt: float, dpi: int, max_pixels: int) -> float:
    scale = dpi / 72
    pixels = width_pt * height_pt * scale * scale
    if pixels > max_pixels:  # a poster-sized page: render smaller rather than exhaust memory
        scale *= (max_pixels / pixels) ** 0.5
    return scale


def _text_layer_words(page: pdfium.PdfPage) -> list[Word]:
    """Characters of pdfium's text page grouped into words at whitespace, line changes and wide gaps.

    Character boxes are turned into the frame the page is shown in (``/Rotate``), so a landscape page
    stored upright-and-rotated reads left to right like any other. A word struck through by a drawn rule (a revised
    order's superseded '1 589,2' beside the new '1 584,2', a cancelled row struck whole) is left out: it is no
    longer what the page says (``_struck``), and so is a note set in the ruled cell of a row struck whole
    ('ANNULÉ' under it: ``_cancelled_bands``).
    """
    textpage = page.get_textpage()
    try:
        left, bottom, right, top = page.get_cropbox()
        width, height = right - left, top - bottom
        rotation = page.get_rotation() % 360
        # shown size, in points: the unit of the gap and line tests below
        shown_w, shown_h = (height, width) if rotation in (90, 270) else (width, height)

        def shown_box(x0: float, y0: float, x1: float, y1: float) -> tuple[float, float, float, float]:
            """PDF box (y up) -> box in points, origin top-left of the page as shown."""
            u0, u1 = x0 - left, x1 - left
            v0, v1 = top - y1, top - y0  # y down
            if rotation == 90:  # shown turned clockwise: (u, v) -> (height - v, u)
                return height - v1, u0, height - v0, u1
            if rotation == 180:
                return width - u1, height - v1, width - u0, height - v0
            if rotation == 270:
                return v0, width - u1, v1, width - u0
            return u0, v0, u1, v1

        shapes = [replace(shape, box=shown_box(*shape.box)) for shape in _drawn_shapes(page)]
        strikes = _ruled_paper_left_out(_thin_rules(shapes))
        words: list[Word] = []
        shown: list[tuple[float, float, float, float]] = []  # each word's box in shown points
        struck: list[tuple[int, float, float]] = []  # the rule that struck a word out, the word's top and bottom
        chars: list[str] = []
        lefts: list[float] = []  # each character's left and right edge, shown points
        rights: list[float] = []
        box: list[float] = []  # x0, y0, x1, y1 in shown points (y down)
        rect = pdfium_c.FS_RECTF()

        def flush() -> None:
            if not chars:
                return
            # two numbers set without a space between them ('120' right-aligned against '44,224,891.20'): a digit's
            # box stands clear of (or over) the digit before it where a number's own digits touch; split there
            size = box[3] - box[1]
            cut = next(
                (
                    i
                    for i in range(1, len(chars))
                    if chars[i - 1].isdigit() and chars[i].isdigit() and abs(lefts[i] - rights[i - 1]) > 0.08 * size
                ),
                None,
            )
            if cut is not None and all(
                abs(lefts[i] - rights[i - 1]) < 0.02 * size for i in range(1, len(chars)) if i != cut
            ):
                tail, tail_box = chars[cut:], [lefts[cut], box[1], box[2], box[3]]
                del chars[cut:], lefts[cut:], rights[cut:]
                box[2] = rights[-1]
                emit()
                chars[:] = tail
                box[:] = tail_box
            emit()
            chars.clear()
            lefts.clear()
            rights.clear()

        def emit() -> None:
            strike = _struck(box, strikes) if chars else None
            if strike is not None:
                struck.append((strike, box[1], box[3]))
            elif chars:
                text = "".join(chars)
                x0, y0, x1, y1 = box
                shown.append((x0, y0, x1, y1))
                bbox = (
                    min(1.0, max(0.0, x0 / shown_w)),
                    min(1.0, max(0.0, y0 / shown_h)),
                    min(1.0, max(0.0, x1 / shown_w)),
                    min(1.0, max(0.0, y1 / shown_h)),
                )
                words.append(Word(_compatible(text), bbox, 1.0))

        for i in range(textpage.count_chars()):
            code = pdfium_c.FPDFText_GetUnicode(textpage, i)
            char = chr(code) if code else " "
            if char.isspace() or not pdfium_c.FPDFText_GetLooseCharBox(textpage, i, rect):
                flush()
                continue
            x0, y0, x1, y1 = shown_box(rect.left, rect.bottom, rect.right, rect.top)
            if chars:
                size = box[3] - box[1]
                same_line = abs((y0 + y1) / 2 - (box[1] + box[3]) / 2) < 0.5 * size
                near = -0.5 * size < x0 - box[2] < 0.25 * size
                if not (same_line and near):
                    flush()
            box = [min(box[0], x0), min(box[1], y0), max(box[2], x1), max(box[3], y1)] if chars else [x0, y0, x1, y1]
            chars.append(char)
            lefts.append(x0)
            rights.append(x1)
        flush()
        bands = _cancelled_bands(strikes, struck)
        unticked = unticked_words(shapes, [(box, word.text) for word, box in zip(words, shown, strict=True)])
        return [
            word
            for index, (word, (_, y0, _, y1)) in enumerate(zip(words, shown, strict=True))
            if not _within(y0, y1, bands) and index not in unticked
        ]
    finally:
        textpage.close()


def _drawn_shapes(page: pdfium.PdfPage) -> list[Shape]:
    """The page's path objects as PDF boxes (left, bottom, right, top), each with whether it is a closed outline
    and whether it is filled dark. Only the page's own objects: one inside a form XObject is placed by the form's
    matrix."""
    shapes = []
    fill, stroke = ctypes.c_int(), ctypes.c_int()
    red, green, blue, alpha = (ctypes.c_uint() for _ in range(4))
    for obj in page.get_objects(max_depth=1):
        if obj.type != pdfium_c.FPDF_PAGEOBJ_PATH:
            continue
        segments = pdfium_c.FPDFPath_CountSegments(obj.raw)
        last = pdfium_c.FPDFPath_GetPathSegment(obj.raw, segments - 1) if segments >= 4 else None
        closed = last is not None and bool(pdfium_c.FPDFPathSegment_GetClose(last))
        filled = pdfium_c.FPDFPath_GetDrawMode(obj.raw, ctypes.byref(fill), ctypes.byref(stroke)) and fill.value
        painted = bool(
            filled and pdfium_c.FPDFPageObj_GetFillColor(obj.raw, red, green, blue, alpha) and alpha.value > 0
        )
        dark = painted and 0.299 * red.value + 0.587 * green.value + 0.114 * blue.value < 128
        colour = (red.value, green.value, blue.value) if painted else None
        shapes.append(Shape(obj.get_bounds(), closed, dark, colour))
    return shapes


def _thin_rules(shapes: list[Shape], thickness: float = 2.5) -> list[tuple[float, float, float, float]]:
    """The drawn rules: shapes at most ``thickness`` points thin."""
    return [
        (x0, y0, x1, y1)
        for x0, y0, x1, y1 in (shape.box for shape in shapes)
        if min(x1 - x0, y1 - y0) <= thickness < max(x1 - x0, y1 - y0)
    ]


def _ruled_paper_left_out(
    rules: list[tuple[float, float, float, float]], least: int = 8
) -> list[tuple[float, float, float, float]]:
    """The rules less a ruled paper's: squared or lined paper printed under the text (a grid at a steady pitch) runs
    ``least`` or more horizontal rules of one length, spaced evenly, and any of them may pass through a word's middle
    without striking it out. Only the rules on that pitch go: a strike of the same length between two of them (a
    cancelled row of a table ruled at a steady pitch) stands off it, and strikes."""
    runs: dict[tuple[int, int], list[float]] = {}
    for x0, y0, x1, y1 in rules:
        if x1 - x0 > y1 - y0:
            runs.setdefault((round(x0), round(x1)), []).append((y0 + y1) / 2)
    paper: set[tuple[int, int, float]] = set()  # (left, right, middle) of each rule on a steady pitch
    for (left, right), middles in runs.items():
        if len(middles) < least:
            continue
        ordered = sorted(middles)
        gaps = [b - a for a, b in itertools.pairwise(ordered)]
        pitch = sorted(gaps)[len(gaps) // 2]
        if pitch <= 0 or sum(abs(gap - pitch) <= 0.1 * pitch for gap in gaps) < 0.8 * len(gaps):
            continue
        for middle in ordered:
            if sum(abs(abs(other - middle) - pitch) <= 0.1 * pitch for other in ordered) >= 1:
                paper.add((left, right, middle))
    return [
        (x0, y0, x1, y1)
        for x0, y0, x1, y1 in rules
        if not (x1 - x0 > y1 - y0 and (round(x0), round(x1), (y0 + y1) / 2) in paper)
    ]


def _struck(box: list[float], rules: list[tuple[float, float, float, float]]) -> int | None:
    """A word's box (shown points, y down) crossed by a horizontal rule through its middle: thinner than a third of
    the word's height, its centre in the middle half of the box (not an underline at the foot, not a table's rule
    between rows) and running the word's width."""
    x0, y0, x1, y1 = box
    height, width = y1 - y0, x1 - x0
    for index, (r0, t0, r1, t1) in enumerate(rules):
        middle = (t0 + t1) / 2
        if (
            t1 - t0 < height / 3
            and y0 + 0.25 * height < middle < y1 - 0.25 * height
            and r0 <= x0 + 0.15 * width
            and r1 >= x1 - 0.15 * width
        ):
            return index
    return None


def _cancelled_bands(
    rules: list[tuple[float, float, float, float]], struck: list[tuple[int, float, float]], row_words: int = 3
) -> list[tuple[float, float]]:
    """A row struck whole (one rule through ``row_words`` words or more) is cancelled with what else its cell holds
    (an 'ANNULÉ' set under the struck words): the band between the table's rules just above and below the struck
    words, rules that run the strike's length and cross no word. Without such rules (no ruled rows) no band."""
    struck_by: dict[int, list[tuple[float, float]]] = {}
    for index, top, bottom in struck:
        struck_by.setdefault(index, []).append((top, bottom))
    strikes = {index for index, _, _ in struck}
    bands = []
    for index, spans in struck_by.items():
        if len(spans) < row_words:
            continue
        r0, _, r1, _ = rules[index]
        top, bottom = min(t for t, _ in spans), max(b for _, b in spans)
        height = bottom - top
        rows = [
            (t0 + t1) / 2
            for i, (x0, t0, x1, t1) in enumerate(rules)
            if i not in strikes and x0 <= r0 + 0.05 * (r1 - r0) and x1 >= r1 - 0.05 * (r1 - r0)
        ]
        above = [y for y in rows if top - height <= y <= top]
        below = [y for y in rows if bottom <= y <= bottom + 2 * height]
        if above and below:
            bands.append((max(above), min(below)))
    return bands


def _within(top: float, bottom: float, bands: list[tuple[float, float]]) -> bool:
    middle = (top + bottom) / 2
    return any(start < middle < end for start, end in bands)


def _drawing(text: str) -> bool:
    """A word that draws rather than says: box-drawing characters (a DOS print's '┌──┬──┐', '│') or a rule typed
    as one repeated mark ('=====', '-----'). It is neither readable text nor a garbled font's."""
    return all("\u2500" <= c <= "\u257f" for c in text) or (
        len(text) >= 4 and len(set(text)) == 1 and not text.isalnum()
    )


def _usable_text(words: list[Word], min_chars: int) -> bool:
    text = "".join(w.text for w in words if not _drawing(w.text))
    if len(text) < min_chars:
        return False
    readable = sum(1 for c in text if c.isalnum() or c in ".,:;/-#$€£%()'&@+*\"")
    return readable / len(text) >= 0.8 and text.count("\ufffd") / len(text) < 0.05


# ---- images ----------------------------------------------------------------------------------


def _open_image(data: bytes, name: str, limits: Limits) -> Image.Image:
    if Image.MAX_IMAGE_PIXELS is None:  # keep Pillow's decompression-bomb guard on
        Image.MAX_IMAGE_PIXELS = limits.max_pixels
    try:
        image = Image.open(io.BytesIO(data))
    except Image.DecompressionBombError as error:
        raise ImageTooLargeError(
            f"{name} declares more than {limits.max_pixels:,} pixels. Scan at 300 dpi or less and upload again.",
            max_pixels=limits.max_pixels,
        ) from error
    except (UnidentifiedImageError, OSError) as error:
        raise CorruptFileError(f"{name} is a damaged image ({error}); scan or export it again.") from error
    return image


def _check_frame(frame: Image.Image, name: str, limits: Limits) -> None:
    width, height = frame.size
    if width * height > limits.max_pixels:
        raise ImageTooLargeError(
            f"{name} has {width}x{height} = {width * height:,} pixels; the limit is {limits.max_pixels:,}. "
            "Scan at 300 dpi or less and upload again.",
            width=width,
            height=height,
            max_pixels=limits.max_pixels,
        )
    if min(width, height) < limits.min_image_side:
        raise ImageTooSmallError(
            f"{name} is only {width}x{height} pixels; at least {limits.min_image_side} pixels a side are needed "
            "to read it. Scan at 200-300 dpi.",
            width=width,
            height=height,
        )


def _image_frames(data: bytes, name: str, limits: Limits, colour: bool = False) -> list[Image.Image]:
    """Decoded, upright frames (several for a multi-page TIFF), greyscale or, with ``colour``, RGB where the
    image has colour (``prepare_scan`` takes coloured stamps out)."""
    image = _open_image(data, name, limits)
    count = getattr(image, "n_frames", 1)
    if count > limits.max_pages:
        raise TooManyPagesError(
            f"{name} has {count} pages; the limit is {limits.max_pages}.", page_count=count, max_pages=limits.max_pages
        )
    frames = []
    try:
        for frame in ImageSequence.Iterator(image):
            _check_frame(frame, name, limits)
            upright = ImageOps.exif_transpose(frame)
            if colour and upright.mode not in ("L", "LA", "1", "I", "I;16", "F"):
                frames.append(upright.convert("RGB"))
            else:
                frames.append(ImageOps.grayscale(upright))
    except DocumentError:
        raise
    except (OSError, SyntaxError, ValueError) as error:  # Pillow raises these for truncated data
        raise CorruptFileError(f"{name} is a damaged or truncated image ({error}); scan or export it again.") from error
    return frames


def _load_image(data: bytes, media_type: str, name: str, limits: Limits) -> Document:
    frames = _image_frames(data, name, limits, colour=True)
    with ThreadPoolExecutor(max_workers=max(1, limits.ocr_workers)) as pool:
        pages = list(
            pool.map(
                lambda item: _ocr_page(item[0], item[1].width, item[1].height, item[1], limits),
                enumerate(frames, start=1),
            )
        )
    return Document(pages=pages, media_type=media_type)


class ScanReading(NamedTuple):
    """A page image as read: the image the words were read from (their boxes are fractions of it), the words in
    reading order, and how the page as sent was turned into that image (``Page.corners``, ``Page.rotation``,
    ``Page.skew``)."""

    image: Image.Image
    words: list[Word]
    rotation: int = 0
    skew: float = 0.0
    corners: Quad | None = None


def read_scan(
    image: Image.Image, engine: str = "tesseract", level: bool = True, flatten: bool = True, language: str | None = None
) -> ScanReading:
    """How the service reads a page image (``prepare_scan``: at most 2400 px, levelled, greyscale on white, ruled
    lines taken out), OCR'd, words in reading order, and how the page was turned to be read: levelled by ``skew``
    degrees and, for a page fed upside down, turned ``rotation`` 180 degrees. The document factory reads its scans
    through here too, so that the layout model trains on the words it will be served. ``language``: the page's
    expected language (``Limits.language``)."""
    # a phone photo: the page cut out of its background and seen straight on (a flat scan stays as it is)
    image, corners = unwarp_photo(image)
    image, skew = prepare_scan_levelled(image, level, flatten)
    reader = get_engine(engine)
    second = second_reader()
    if isinstance(reader, TesseractEngine):
        # a page Tesseract's first read already doubts surely is PP-OCR's, its Tesseract reading not finished
        taken: list[Word] | None = None

        def instead(first: list[Word]) -> list[Word] | None:
            nonlocal taken
            if second is not None and surely_doubted(first, reader.lang):
                taken = second.page_words(image) or None
            return taken

        words = reader.words(image, language, instead)
        if taken is not None:
            return ScanReading(image, reading_order(taken), 0, skew, corners)
    else:
        words = reader.words(image)
    rotation = 0
    if _sure_share(words) < UPSIDE_DOWN_SURE:
        # a page fed upside down reads as garbage Tesseract is unsure of, word after word: read it turned
        # round too, and keep whichever reading is sure of more words (a page that is merely poor reads no
        # better turned round and stays as it was read); the turned page is read whole once, and read again
        # (its language, its doubtful words, its missed ink) only where it is kept
        turned = image.rotate(180)
        again = reader.first_reading(turned) if isinstance(reader, TesseractEngine) else reader.words(turned)
        if _sure_count(again) > 2 * max(1, _sure_count(words)):
            if isinstance(reader, TesseractEngine):
                again = reader.finish(turned, again)
            image, words, rotation = turned, again, 180
    # a page Tesseract doubts as a whole (a photocopy, a fax, a photo at an angle): PP-OCR's reading of it instead
    # (not of a page in Cyrillic, Armenian or Georgian letters: PP-OCR's model has Latin letters only)
    if second is not None and doubted_page(words) and text_script(" ".join(w.text for w in words)) is None:
        words = second.page_words(image) or words
    return ScanReading(image, reading_order(words), rotation, skew, corners)


# Finishing an English page's reading (its doubtful codes and missed ink read again from crops) moved its mean
# confidence by -0.002 to +0.019 on the study's English scans (22 pages of blind15..18 dev): a page whose first read
# is this far under the lines of ``doubted_page`` and of the upside-down test reads as it would finished
FINISH_RISE = 0.03


def surely_doubted(first: list[Word], lang: str = "eng") -> bool:
    """Whether a page's first, English read (``TesseractEngine.first_reading``) is one ``read_scan`` gives to PP-OCR
    whatever finishing it would change: told as English (no second whole read in another language), doubted
    ``FINISH_RISE`` under ``PAGE_DOUBT``, sure of enough words that it is no page fed upside down, in Latin letters.
    Such a page is read by PP-OCR without finishing Tesseract's read (its doubtful codes and missed ink read again
    from crops, ~0.5 CPU s on such a page), which would be thrown away; PP-OCR reading nothing has it finished."""
    return (
        page_language(first) == lang
        and doubted_page(first, PAGE_DOUBT - FINISH_RISE)
        and _sure_share(first) >= UPSIDE_DOWN_SURE + FINISH_RISE
        and text_script(" ".join(w.text for w in first)) is None
        and not no_latin_language(first)
    )


def turn_page(image: Image.Image, rotation: int = 0, skew: float = 0.0, corners: Quad | None = None) -> Image.Image:
    """A page image as sent, turned the way ``read_scan`` turned it to read it (a photographed page cut out at its
    ``corners``, levelled, then turned round), so that the word boxes (fractions of the page read) are the same
    fractions of it. ``corners`` are fractions of the image as sent (``Page.corners``)."""
    if corners:
        image = rectify(image, tuple((x * image.width, y * image.height) for x, y in corners))
    if not rotation and not skew:
        return image
    if image.mode not in ("L", "RGB"):
        image = image.convert("RGB")  # a white fill for the corners a turn uncovers
    image = level_turn(image, skew)
    return image.rotate(rotation) if rotation else image


# A page whose words of four letters or more are this rarely read with confidence 0.9 is read turned round
# too: upside-down pages read 0.00-0.06 of them, upright scans 0.3 and more (a soft fax page 0.1)
UPSIDE_DOWN_SURE = 0.15


def _sure_count(words: list[Word]) -> int:
    return sum(1 for w in words if w.confidence >= 0.9 and sum(ch.isalnum() for ch in w.text) >= 4)


def _sure_share(words: list[Word]) -> float:
    long = sum(1 for w in words if sum(ch.isalnum() for ch in w.text) >= 4)
    return _sure_count(words) / long if long else 0.0


def _ocr_page(number: int, width: float, height: float, image: Image.Image, limits: Limits) -> Page:
    """An OCR'd page; it keeps the (levelled, greyscale) image its words were read from, so that the
    extractor can read a doubtful region again."""
    reading = read_scan(image, limits.ocr_engine, limits.deskew, limits.flatten, limits.language)
    corners = None
    if reading.corners:
        # a photo: the page read is the page cut out, in the units of the page as sent (pixels, or PDF points)
        page_width, page_height = page_size(reading.corners)
        width, height = page_width * width / image.width, page_height * height / image.height
        corners = tuple((x / image.width, y / image.height) for x, y in reading.corners)
    # a zero read where only the letter O can stand ('0BJ69935', 'S.R.0.', 'sp. z 0.0.'): typewriter fonts print
    # both alike
    # and an amount's digit read as its lookalike ('§,324.22' for '5,324.22'): a grouped amount's shape says which
    words = [
        replace(w, text=fixed) if (fixed := ocr_amount_slip(ocr_letter_slips(w.text))) != w.text else w
        for w in reading.words
    ]
    words = opening_quotes_restored(forms_read_with_zeros(words))  # 'АО Ертіс Снаб»' for 'АО «Ертіс Снаб»'
    words = spaces_restored(words, reading.image)  # '3m' for the '3 m' printed ('0,3 mm x 3 m')
    words = thousands_rejoined(cyrillic_twins_mended(decimals_rejoined(words)))
    return Page(
        number,
        width,
        height,
        words,
        "ocr",
        image=reading.image,
        rotation=reading.rotation,
        skew=reading.skew,
        corners=corners,
    )


# ---- page images for review --------------------------------------------------------------------


def render_page_png(
    data: bytes,
    page: int,
    dpi: int = 110,
    limits: Limits | None = None,
    rotation: int = 0,
    skew: float = 0.0,
    corners: Quad | None = None,
) -> bytes:
    """The page (1-based) as PNG for the review UI; images are scaled as if scanned at 300 dpi. ``corners``,
    ``rotation`` and ``skew`` (the page's, as read) turn it the way it was read, so that its word boxes land on
    their words."""
    limits = limits or Limits()
    media_type = sniff_media_type(data)
    if not data or media_type is None:
        raise UnsupportedTypeError(f"Only {ACCEPTED} files have page images.")
    if media_type == "application/pdf":
        pdf = _open_pdf(data, "the document")
        try:
            if not 1 <= page <= len(pdf):
                raise PageNotFoundError(f"Page {page} does not exist; the document has {len(pdf)} pages.")
            pdf_page = pdf[page - 1]
            width, height = pdf_page.get_size()
            image = pdf_page.render(scale=_render_scale(width, height, dpi, limits.max_pixels)).to_pil()
            pdf_page.close()
        finally:
            pdf.close()
    else:
        frames = _image_frames(data, "the image", limits)
        if not 1 <= page <= len(frames):
            raise PageNotFoundError(f"Page {page} does not exist; the document has {len(frames)} pages.")
        image = frames[page - 1]
        scale = dpi / 300
        if scale < 1:
            image = image.resize((max(1, round(image.width * scale)), max(1, round(image.height * scale))))
    image = turn_page(image, rotation, skew, corners)
    buffer = io.BytesIO()
    image.save(buffer, format="PNG", optimize=False)
    return buffer.getvalue()


def _compatible(text: str) -> str:
    """Ligatures and full-width forms as plain letters (NFKC), but superscripts and subscripts as printed: 'mm²' is
    a unit, not 'mm2', and a footnote mark after an amount must not become one of its digits; nor a letter of a
    script's own alphabet that Unicode spells as two of its letters (``_own_letter``)."""
    return "".join(
        ch
        if unicodedata.decomposition(ch).startswith(("<super>", "<sub>")) or _own_letter(ch)
        else unicodedata.normalize("NFKC", ch)
        for ch in text
    )


def _own_letter(ch: str) -> bool:
    """A letter of a script's alphabet whose compatibility form is two letters of the same script: Armenian 'և'
    (a name's 'Սևան' is not 'Սեւան'), Thai 'ำ', Lao 'ຳ'. A typesetter's ligature ('ﬁ', 'ﬓ') stands among the
    presentation forms (U+FB00 on), apart from its script's letters, and is spelled out."""
    decomposition = unicodedata.decomposition(ch).split()
    if ord(ch) >= 0xFB00 or len(decomposition) < 3 or decomposition[0] != "<compat>":
        return False
    script = unicodedata.name(ch, "").split(" ")[0]
    parts = [chr(int(code, 16)) for code in decomposition[1:]]
    return all(
        unicodedata.name(part, "").split(" ")[0] == script and unicodedata.category(part)[0] in "LM" for part in parts
    )
