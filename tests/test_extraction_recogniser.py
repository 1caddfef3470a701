"""The second reader of doubtful scanned cells (extraction.recogniser: PP-OCR's recogniser through rapidocr)."""

import dataclasses
import importlib.util
from decimal import Decimal

import pytest
from PIL import Image

from extraction.document import Document, Page, Word
from extraction.heuristic import HeuristicExtractor
from extraction.heuristic import reread as reread_module
from extraction.heuristic.parts import Column, RowDraft
from extraction.heuristic.reread import _band_numbers
from extraction.recogniser import SETTING, RapidRecogniser, second_reader
from tests.fixtures_docs import scanned_table

needs_rapidocr = pytest.mark.skipif(
    importlib.util.find_spec("rapidocr") is None or importlib.util.find_spec("onnxruntime") is None,
    reason="rapidocr is not installed",
)


class _Reads:
    """A second reader that reads each crop as the words the page printed there."""

    def __init__(self, image: Image.Image, words: list[Word]) -> None:
        self.image, self.words, self.crops, self.confidence = image, words, 0, 0.99

    def read(self, image: Image.Image, boxes: list[tuple[int, int, int, int]]) -> list[list[tuple[str, float]]]:
        self.crops += len(boxes)
        out = []
        for x0, y0, x1, y1 in boxes:
            inside = [w.text for w in self.words if x0 <= w.bbox[0] * 1000 and w.bbox[2] * 1000 <= x1
                      and y0 <= w.bbox[1] * 260 and w.bbox[3] * 260 <= y1]  # fmt: skip
            out.append([(text, self.confidence) for text in inside])
        return out


def _reads_nothing(image: Image.Image, boxes: list[object], *variants: object, **_: object) -> list[list[list[object]]]:
    """Tesseract's re-read of crops reading nothing: one empty reading per variant (three for numbers, one for text)."""
    return [[[] for _ in range(3 if variants else 1)] for _ in boxes]


def _extract(words: list[Word], image: Image.Image) -> list[str]:
    items = HeuristicExtractor().extract(Document([Page(1, 1000, 260, words, "ocr", image=image)])).line_items
    return [str(item.cells["description"].value) for item in items]


def test_a_garbled_description_word_is_taken_from_the_second_reader_letter_for_letter(
    monkeypatch: pytest.MonkeyPatch,
) -> None:
    image, words = scanned_table()
    # the page read 'Safety' as 'Satety', unsure; Tesseract's re-read of the cell reads nothing better
    misread = [dataclasses.replace(w, text="Satety", confidence=0.5) if w.text == "Safety" else w for w in words]
    monkeypatch.setattr(reread_module, "read_regions", _reads_nothing)
    second = _Reads(image, words)
    monkeypatch.setattr(reread_module, "second_reader", lambda: second)
    assert _extract(misread, image) == ["Safety Gloves", "Hex Bolt"]
    assert second.crops == 1  # only the cell with a doubtful word
    # switched off (or not installed): the misread stays
    monkeypatch.setattr(reread_module, "second_reader", lambda: None)
    assert _extract(misread, image) == ["Satety Gloves", "Hex Bolt"]


def test_a_second_reading_that_drops_a_letter_or_is_less_sure_is_not_taken(monkeypatch: pytest.MonkeyPatch) -> None:
    image, words = scanned_table()
    misread = [dataclasses.replace(w, text="Satety", confidence=0.5) if w.text == "Safety" else w for w in words]
    monkeypatch.setattr(reread_module, "read_regions", _reads_nothing)
    # a recogniser collapses a doubled letter ('nitriili' -> 'nitril'): a reading with fewer characters is not taken
    dropped = [dataclasses.replace(w, text="Safty") if w.text == "Safety" else w for w in words]
    monkeypatch.setattr(reread_module, "second_reader", lambda: _Reads(image, dropped))
    assert _extract(misread, image)[0] == "Satety Gloves"
    # nor one less sure than the first
    unsure = _Reads(image, words)
    unsure.confidence = 0.4
    monkeypatch.setattr(reread_module, "second_reader", lambda: unsure)
    assert _extract(misread, image)[0] == "Satety Gloves"


def test_cells_tesseract_read_surely_are_not_read_again(monkeypatch: pytest.MonkeyPatch) -> None:
    image, words = scanned_table()
    fairly_sure = [dataclasses.replace(w, text="Satety", confidence=0.85) if w.text == "Safety" else w for w in words]
    monkeypatch.setattr(reread_module, "read_regions", _reads_nothing)
    second = _Reads(image, words)
    monkeypatch.setattr(reread_module, "second_reader", lambda: second)
    assert _extract(fairly_sure, image)[0] == "Satety Gloves"
    assert second.crops == 0


def test_the_second_reader_is_switched_off_by_its_setting(monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setenv(SETTING, "off")
    assert second_reader() is None


@needs_rapidocr
def test_rapidocr_reads_crops_of_a_scanned_table_offline(monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.delenv(SETTING, raising=False)  # on by default where installed
    reader = second_reader()
    assert isinstance(reader, RapidRecogniser)
    image, words = scanned_table()
    wanted = [w for w in words if w.text in ("380.00", "250", "Gloves")]
    boxes = [(round(w.bbox[0] * 1000) - 8, round(w.bbox[1] * 260) - 6, round(w.bbox[2] * 1000) + 8,
              round(w.bbox[3] * 260) + 6) for w in wanted]  # fmt: skip
    read = reader.read(image, [*boxes, (0, 0, 2, 2)])
    assert [[text for text, _ in crop] for crop in read] == [[w.text] for w in wanted] + [[]]
    assert all(0 < conf <= 1 for crop in read for _, conf in crop)


def test_the_second_reader_is_loaded_ahead_only_where_it_is_on(monkeypatch: pytest.MonkeyPatch) -> None:
    from extraction import recogniser

    loads: list[str] = []
    monkeypatch.setattr(recogniser, "_engine", lambda: loads.append("loaded"))
    monkeypatch.setenv(SETTING, "off")
    recogniser.load_second_reader()
    assert loads == []
    monkeypatch.setenv(SETTING, "rapidocr")
    monkeypatch.setattr(RapidRecogniser, "is_available", lambda self: True)
    recogniser.load_second_reader()
    assert loads == ["loaded"]


@needs_rapidocr
def test_the_second_readers_sessions_keep_their_memory_between_runs() -> None:
    # rapidocr turns onnxruntime's memory arena off: every run of the detector and of each batch of lines then
    # allocates its buffers afresh, 12-15% of a doubted page's CPU (scanspeed16); the same words either way
    from extraction import recogniser

    engine = recogniser._engine()
    for model in (engine._load_det_model(), engine._load_rec_model()):
        assert model.session.session.get_session_options().enable_cpu_mem_arena


def test_a_second_reading_that_only_drops_the_marks_of_letters_is_not_taken(monkeypatch: pytest.MonkeyPatch) -> None:
    # an English reader has no 'ı', 'ş' or dotted 'İ': 'Altıköşe' read surely as 'Altikose' is the same word, worse
    image, words = scanned_table(
        [("Description", "Qty", "Unit Price", "Amount"), ("Altıköşe cıvata", "10", "38.00", "380.00")]
    )
    doubtful = [dataclasses.replace(w, confidence=0.5) if w.text == "Altıköşe" else w for w in words]
    monkeypatch.setattr(reread_module, "read_regions", _reads_nothing)
    plain = [dataclasses.replace(w, text="Altikose") if w.text == "Altıköşe" else w for w in words]
    monkeypatch.setattr(reread_module, "second_reader", lambda: _Reads(image, plain))
    assert _extract(doubtful, image) == ["Altıköşe cıvata"]
    # a reading with another letter is still taken
    other = [dataclasses.replace(w, text="Altıköşa") if w.text == "Altıköşe" else w for w in words]
    monkeypatch.setattr(reread_module, "second_reader", lambda: _Reads(image, other))
    assert _extract(doubtful, image) == ["Altıköşa cıvata"]


def test_a_page_is_doubted_by_the_mean_confidence_of_its_read_words() -> None:
    from extraction.recogniser import PAGE_DOUBT, doubted_page

    def page(confidence: float, n: int = 30) -> list[Word]:
        return [Word(f"w{i}", (0.1, 0.01 * i, 0.2, 0.01 * i + 0.008), confidence) for i in range(n)]

    assert doubted_page(page(PAGE_DOUBT - 0.1))
    assert not doubted_page(page(PAGE_DOUBT + 0.05))
    assert not doubted_page(page(0.3, n=10))  # too few words to judge: a cover note
    # rules and specks read as marks are not words
    assert not doubted_page(page(0.95) + [Word("|", (0.5, 0.5, 0.51, 0.6), 0.1)] * 20)


@needs_rapidocr
def test_pp_ocr_reads_a_whole_page_into_words_with_boxes() -> None:
    image, _ = scanned_table()
    words = RapidRecogniser().page_words(image)
    texts = [w.text for w in words]
    assert "Gloves" in texts and "380.00" in texts
    gloves = words[texts.index("Gloves")]
    assert 0 < gloves.bbox[0] < gloves.bbox[2] < 0.5 and 0.3 < gloves.bbox[1] < 0.5


def test_a_whole_page_whose_words_pp_ocr_left_without_boxes_is_read_as_nothing(
    monkeypatch: pytest.MonkeyPatch,
) -> None:
    from extraction import recogniser

    box = [[10, 20], [60, 20], [60, 30], [10, 30]]
    result = dataclasses.make_dataclass("Read", ["word_results"])
    boxed = result(((("Total", 0.97, box), ("12.50", 0.95, box)),))
    # one detected line read as nothing: rapidocr hands back every line's raw characters, no word boxes
    unboxed = result(((("T", "o"), (0.97, 0.9), 0.5), ((), (), 0.0)))
    page = Image.new("L", (100, 100), 255)
    monkeypatch.setattr(recogniser, "_engine", lambda: lambda *args, **kwargs: boxed)
    assert [(w.text, w.confidence) for w in RapidRecogniser().page_words(page)] == [("Total", 0.97), ("12.50", 0.95)]
    monkeypatch.setattr(recogniser, "_engine", lambda: lambda *args, **kwargs: unboxed)
    assert RapidRecogniser().page_words(page) == []  # a faxed page's read crashed the document


def _amounts(words: list[Word], image: Image.Image) -> list[str]:
    items = HeuristicExtractor().extract(Document([Page(1, 1000, 260, words, "ocr", image=image)])).line_items
    return [str(item.cells["amount"].value) for item in items]


def test_a_row_that_does_not_add_up_takes_the_second_readers_band_where_its_numbers_do(
    monkeypatch: pytest.MonkeyPatch,
) -> None:
    image, words = scanned_table()
    # the page read '380.00' as '886.00': 10 x 38.00 fails, and Tesseract's crops read nothing better (two digits
    # off: one digit off, the row's own arithmetic mends it)
    misread = [dataclasses.replace(w, text="886.00", confidence=0.7) if w.text == "380.00" else w for w in words]
    monkeypatch.setattr(reread_module, "read_regions", _reads_nothing)
    monkeypatch.setattr(reread_module, "BANDS_PER_PAGE", 40)  # off by default (its CPU)
    band = _Reads(image, words)  # reads each piece of the band as printed
    monkeypatch.setattr(reread_module, "second_reader", lambda: band)
    assert _amounts(misread, image) == ["380.00", "300.00"]
    assert band.crops == 3  # only the row that failed: its quantity, its price, its amount
    # a band whose numbers do not multiply out either changes nothing
    other = [dataclasses.replace(w, text="330.00") if w.text == "380.00" else w for w in words]
    monkeypatch.setattr(reread_module, "second_reader", lambda: _Reads(image, other))
    assert _amounts(misread, image) == ["886.00", "300.00"]
    # off (the default): the misread stays and no band is read
    monkeypatch.setattr(reread_module, "BANDS_PER_PAGE", 0)
    monkeypatch.setattr(reread_module, "second_reader", lambda: band)
    assert _amounts(misread, image) == ["886.00", "300.00"]
    assert band.crops == 3


def test_a_thousands_group_a_narrow_space_apart_in_the_band_is_one_number() -> None:
    columns = (Column("quantity", 0.60, 0.66), Column("unit_price", 0.70, 0.80), Column("amount", 0.85, 0.95))
    row = RowDraft(1)
    # '5 734,80': '5' and '734,80' a narrow space apart; a unit between quantity and price is no number
    tokens = [("10", True, (0.62, 0.65)), ("ks", False, (0.66, 0.67)), ("573,48", False, (0.73, 0.79)),
              ("5", True, (0.86, 0.87)), ("734,80", False, (0.88, 0.94))]  # fmt: skip
    assert _band_numbers(tokens, "EU", row, columns) == (
        ("10", Decimal(10)),
        ("573,48", Decimal("573.48")),
        ("5 734,80", Decimal("5734.80")),
    )
    # a column's gap is no thousands space: '5' and '734,80' read far apart stay two numbers, nothing adds up
    apart = [*tokens[:3], ("5", False, (0.80, 0.81)), tokens[4]]
    assert _band_numbers(apart, "EU", row, columns) is None


UNIT_ROWS = [
    ("Description", "Qty", "Unit", "Amount"),
    ("Safety Gloves", "10", "pcs", "380.00"),
    ("Hex Bolt", "250", "pcs", "300.00"),
]


def _crops_read_as(image: Image.Image, words: list[Word], confidence: float) -> object:
    """Tesseract's re-read of text crops reading the words the page printed there, at ``confidence``."""
    page = _Reads(image, words)
    page.confidence = confidence

    def read(image: Image.Image, boxes: list[tuple[int, int, int, int]], *_: object, **__: object) -> list[object]:
        return [[crop] for crop in page.read(image, boxes)]

    return read


def _units(words: list[Word], image: Image.Image) -> list[str]:
    items = HeuristicExtractor().extract(Document([Page(1, 1000, 260, words, "ocr", image=image)])).line_items
    return [str(item.cells["unit"].value) for item in items]


def test_a_unit_misread_fairly_surely_is_mended_where_both_crop_readings_agree(monkeypatch: pytest.MonkeyPatch) -> None:
    # a bleeding scan: the page read 'pcs' as 'pes' at 0.88; Tesseract's crop of the cell reads 'pcs', less surely
    # (0.85), and PP-OCR's crop 'pcs' too: two readings of the crop agree against the page's one
    image, words = scanned_table(UNIT_ROWS)
    misread = [dataclasses.replace(w, text="pes", confidence=0.88) if w.text == "pcs" else w for w in words]
    monkeypatch.setattr(reread_module, "read_regions", _crops_read_as(image, words, 0.85))
    second = _Reads(image, words)
    monkeypatch.setattr(reread_module, "second_reader", lambda: second)
    assert _units(misread, image) == ["pcs", "pcs"]
    assert second.crops == 2  # the two disputed unit cells, nothing read surely
    # the crop read as the page did: a unit read under 0.95 is still asked of the second reader (Tesseract misreads
    # a unit alike on every row and crop), and its surer reading of as many letters is taken
    monkeypatch.setattr(reread_module, "read_regions", _crops_read_as(image, misread, 0.85))
    second.crops = 0
    assert _units(misread, image) == ["pcs", "pcs"]
    assert second.crops == 2
    # the second reader reading otherwise than Tesseract's crop (and no surer than the page by its length): stays
    monkeypatch.setattr(reread_module, "read_regions", _crops_read_as(image, words, 0.85))
    other = [dataclasses.replace(w, text="pts") if w.text == "pcs" else w for w in words]
    other_reader = _Reads(image, other)
    other_reader.confidence = 0.5
    monkeypatch.setattr(reread_module, "second_reader", lambda: other_reader)
    assert _units(misread, image) == ["pes", "pes"]
