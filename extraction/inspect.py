"""Cheap checks at upload time, so a bad file gets its 4xx before anything is queued (no OCR here)."""

from __future__ import annotations

from dataclasses import dataclass

from extraction.loading import Limits, _image_frames, _open_pdf, check_bytes, pdf_page_count

EXTENSIONS = {"application/pdf": ".pdf", "image/png": ".png", "image/jpeg": ".jpg", "image/tiff": ".tiff"}


@dataclass(frozen=True, slots=True)
class FileInfo:
    media_type: str
    page_count: int

    @property
    def extension(self) -> str:
        return EXTENSIONS[self.media_type]


def inspect_file(data: bytes, filename: str | None, limits: Limits) -> FileInfo:
    """Type, size, page count, encryption and corruption; raises a DocumentError subclass that says the fix."""
    name = filename or "the file"
    media_type = check_bytes(data, name, limits)
    if media_type != "application/pdf":
        return FileInfo(media_type, len(_image_frames(data, name, limits)))
    pdf = _open_pdf(data, name)
    try:
        count = pdf_page_count(pdf, name, limits)
        for index in range(count):  # a truncated file often opens but fails on its pages
            pdf[index].close()
    finally:
        pdf.close()
    return FileInfo(media_type, count)
