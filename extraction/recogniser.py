"""A second reading of small crops of a scanned page: PP-OCR's text recogniser through rapidocr.

rapidocr ships PP-OCR's detection and recognition models inside its wheel and runs them with onnxruntime, so it
reads offline. On the scans of the study sets (``bench/bench_ocr_engines.py``; docs/BENCHMARKS.md, "A second OCR
engine on scans") its whole-page reading gets a printed line's digits right far more often than Tesseract does,
but costs about nine times Tesseract's time; its recogniser alone costs some 30 ms a crop. So it reads only what
Tesseract doubts: the text cells of scanned table rows with a word Tesseract was unsure of
(``extraction.heuristic.reread``), where it gives back letters and accents Tesseract garbles.
Its whole page (detection and recognition) replaces Tesseract's reading of a page Tesseract doubts as a whole
(``doubted_page``: a photocopy, a fax), where it reads far more of the table.

On by default where rapidocr is installed (a main dependency): on the study scans it raised scanned line F1 for
at most a quarter of bare Tesseract's time per page. ``LEDGERLENS_OCR_SECOND_READER=off`` switches it off; without
rapidocr nothing changes.
"""

from __future__ import annotations

import functools
import importlib.util
import os
import threading
from typing import Any

import numpy as np
from PIL import Image

from extraction.document import Word
from extraction.ocr import PixelBox, clean_ocr_text

SETTING = "LEDGERLENS_OCR_SECOND_READER"  # 'rapidocr' (the default) or 'off'


class RapidRecogniser:
    """rapidocr's text recogniser (no detection: each crop is one line), on one thread."""

    name = "rapidocr"

    def is_available(self) -> bool:
        return all(importlib.util.find_spec(name) is not None for name in ("rapidocr", "onnxruntime"))

    def read(self, image: Image.Image, boxes: list[PixelBox]) -> list[list[tuple[str, float]]]:
        """Each crop of the page read as one line: ``[box] -> [(word, confidence)]``; an empty crop reads as
        nothing."""
        grey = np.asarray(image if image.mode == "L" else image.convert("L"), dtype=np.uint8)
        crops, kept = [], []
        for index, (x0, y0, x1, y1) in enumerate(boxes):
            crop = grey[y0:y1, x0:x1]
            if crop.shape[0] >= 4 and crop.shape[1] >= 4:
                kept.append(index)
                crops.append(np.ascontiguousarray(np.repeat(crop[:, :, None], 3, axis=2)))
        out: list[list[tuple[str, float]]] = [[] for _ in boxes]
        if not crops:
            return out
        with _lock:  # one reading at a time: the recogniser holds one onnxruntime session
            read = _engine().recognize_txt(crops)
        for index, text, score, info in zip(kept, read.txts or (), read.scores, read.word_results, strict=False):
            out[index] = _words(str(text), float(score), getattr(info, "confs", None))
        return out

    def page_words(self, image: Image.Image) -> list[Word]:
        """The whole page read by PP-OCR (detection, then recognition of each line found; no angle classifier:
        the page is levelled and upright already), as words with boxes as page fractions and each word's own
        confidence. A bracket opened earlier on a detected line keeps its closing one after a number."""
        grey = np.asarray(image if image.mode == "L" else image.convert("L"), dtype=np.uint8)
        with _lock:
            read = _engine()(np.repeat(grey[:, :, None], 3, axis=2), use_cls=False, return_word_box=True)
        width, height = image.size
        lines = read.word_results or ()
        if not all(
            isinstance(word, tuple | list) and len(word) == 3 and isinstance(word[0], str)
            for line in lines
            for word in line
        ):
            # where one detected line reads nothing (a faxed page), rapidocr leaves every line's words without
            # their boxes: Tesseract's reading of the page stands
            return []
        words: list[Word] = []
        for line in lines:
            depth = 0
            for text, score, points in line:
                opened, raw = depth > 0, str(text)
                depth = max(0, depth + raw.count("(") - raw.count(")"))
                cleaned = clean_ocr_text(raw, opened)
                if not cleaned or points is None:
                    continue
                xs, ys = [p[0] for p in points], [p[1] for p in points]
                bbox = (min(xs) / width, min(ys) / height, max(xs) / width, max(ys) / height)
                words.append(Word(cleaned, bbox, round(float(score), 4)))
        return words


# A scanned page whose words Tesseract read with a mean confidence under this is read whole by PP-OCR instead.
# On the study scans (docs/BENCHMARKS.md, "scanlines12") pages read this poorly are photocopies, faxes and
# photos at an angle, where PP-OCR reads far more of the table; on pages read better PP-OCR's letters are
# worse (Turkish 'ı', 'ş' read 'i', '$'). PP-OCR's whole page costs about nine times Tesseract's.
PAGE_DOUBT = 0.8


def doubted_page(words: list[Word], below: float = PAGE_DOUBT) -> bool:
    """Whether Tesseract doubts a page as a whole: the mean confidence of its words with a letter or a digit is
    under ``below`` (a page of fewer than 20 such words is left as read: a cover note, a signature page)."""
    read = [w.confidence for w in words if any(ch.isalnum() for ch in w.text)]
    return len(read) >= 20 and sum(read) / len(read) < below


def _words(text: str, score: float, confs: list[float] | None) -> list[tuple[str, float]]:
    """A line read as its words, each with its least sure character's confidence (the recogniser gives one per
    character, spaces included); the line's mean where they do not line up with the text."""
    aligned = confs is not None and len(confs) == len(text)
    out, start = [], 0
    for token in text.split():
        start = text.index(token, start)
        confidence = min(confs[start : start + len(token)]) if aligned and confs else score
        start += len(token)
        word = clean_ocr_text(token)
        if word:
            out.append((word, round(float(confidence), 4)))
    return out


_lock = threading.Lock()


@functools.cache
def _engine() -> Any:
    """The recogniser, its model loaded once per process (``load_second_reader``, else on first use)."""
    from rapidocr import RapidOCR

    return RapidOCR(
        params={
            "Global.log_level": "error",
            "Global.return_word_box": True,  # the characters' confidences, for each word's own
            # one thread: the service reads several pages at once, as Tesseract does (OMP_THREAD_LIMIT=1)
            "EngineConfig.onnxruntime.intra_op_num_threads": 1,
            "EngineConfig.onnxruntime.inter_op_num_threads": 1,
            # onnxruntime's memory arena kept between runs (rapidocr turns it off): a doubted page's detection
            # and its 25-30 batches of lines no longer allocate and fault in their buffers afresh on every run,
            # 12-15% less CPU for the same words (docs/BENCHMARKS.md, "scanspeed16"); the process then holds
            # the largest run's buffers (about 1.3 GB after a whole page read, against a peak of 0.9 GB without)
            "EngineConfig.onnxruntime.enable_cpu_mem_arena": True,
        }
    )


def second_reader() -> RapidRecogniser | None:
    """The second reader of doubtful crops and doubted pages, or None where it is switched off or rapidocr is not
    installed."""
    if os.environ.get(SETTING, "rapidocr").strip().lower() != "rapidocr":
        return None
    reader = RapidRecogniser()
    return reader if reader.is_available() else None


def load_second_reader() -> None:
    """The second reader's model loaded now where it is switched on and installed: rapidocr's import, its
    configuration and the ONNX session cost about a CPU second once per process, which would otherwise fall on the
    first page with a doubtful cell (the service loads it with the extractor, the benches before their clock)."""
    if second_reader() is not None:
        _engine()


__all__ = ["PAGE_DOUBT", "SETTING", "RapidRecogniser", "doubted_page", "load_second_reader", "second_reader"]
