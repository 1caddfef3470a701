"""Read a PDF's words back the way a text-layer extractor does (pypdfium2), and check labels against them."""

from __future__ import annotations

from typing import Any

import pypdfium2 as pdfium


def pdf_words(pdf_bytes: bytes) -> list[list[dict[str, Any]]]:
    """Per page, the whitespace-separated words pypdfium2 reads, with boxes as 0..1000 ints (origin top-left)."""
    doc = pdfium.PdfDocument(pdf_bytes)
    pages: list[list[dict[str, Any]]] = []
    try:
        for page in doc:
            w, h = page.get_size()
            textpage = page.get_textpage()
            n = textpage.count_chars()
            text = textpage.get_text_range(0, n) if n else ""
            words: list[dict[str, Any]] = []
            current, boxes = "", []
            for i, ch in enumerate(text):
                if ch.isspace():
                    if current:
                        words.append(_word(current, boxes, w, h))
                    current, boxes = "", []
                    continue
                current += ch
                boxes.append(textpage.get_charbox(i, loose=True))
            if current:
                words.append(_word(current, boxes, w, h))
            pages.append(words)
            textpage.close()
            page.close()
    finally:
        doc.close()
    return pages


def _word(text: str, boxes: list[tuple[float, float, float, float]], w: float, h: float) -> dict[str, Any]:
    left = min(b[0] for b in boxes)
    right = max(b[2] for b in boxes)
    bottom = min(b[1] for b in boxes)
    top = max(b[3] for b in boxes)
    box = [round(left / w * 1000), round((h - top) / h * 1000), round(right / w * 1000), round((h - bottom) / h * 1000)]
    return {"text": text, "box": [min(1000, max(0, v)) for v in box]}


def align_labels(label_pages: list[dict[str, Any]], read_pages: list[list[dict[str, Any]]]) -> dict[str, int]:
    """Match each labelled word to a read word with the same text whose box centre lies in the label's box
    (and vice versa). Returns counts; a perfect document has matched == labelled == read."""
    labelled = read = matched = 0
    for page, words in zip(label_pages, read_pages, strict=True):
        labelled += len(page["words"])
        read += len(words)
        unused = list(range(len(words)))
        for lw in page["words"]:
            for k in unused:
                rw = words[k]
                if (
                    rw["text"] == lw["text"]
                    and _centre_inside(rw["box"], lw["box"], 4)
                    and _centre_inside(lw["box"], rw["box"], 4)
                ):
                    matched += 1
                    unused.remove(k)
                    break
    return {"labelled": labelled, "read": read, "matched": matched}


def _centre_inside(a: list[int], b: list[int], slack: int) -> bool:
    cx, cy = (a[0] + a[2]) / 2, (a[1] + a[3]) / 2
    return b[0] - slack <= cx <= b[2] + slack and b[1] - slack <= cy <= b[3] + slack
