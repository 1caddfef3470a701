"""Cheap checks at upload time, so a bad file gets its 4xx before anything is queued (no OCR here)."""

from __future__ import annotations

from dataclasses import dataclass

from extraction.errors import CorruptFileError, EmptyFileError, TooLargeError, TooManyPagesError, UnsupportedTypeError
from extraction.loading import ACCEPTED, Limits, _image_frames, _open_pdf, sniff_media_type

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
    if not data:
        raise EmptyFileError(f"{name} is empty (0 bytes); upload the {ACCEPTED} file again.")
    if len(data) > limits.max_bytes:
        raise TooLargeError(
            f"{name} is {len(data) / 1e6:.1f} MB; the limit is {limits.max_bytes / 1e6:.0f} MB.",
            size_bytes=len(data),
            max_bytes=limits.max_bytes,
        )
    media_type = sniff_media_type(data)
    if media_type is None:
        raise UnsupportedTypeError(f"{name} is not a {ACCEPTED} file; export or print it to PDF and upload that.")
    if media_type != "application/pdf":
        return FileInfo(media_type, len(_image_frames(data, name, limits)))
    pdf = _open_pdf(data, name)
    try:
        count = len(pdf)
        if count == 0:
            raise CorruptFileError(f"{name} has no pages it can read; export it again and re-upload.")
        if count > limits.max_pages:
            raise TooManyPagesError(
                f"{name} has {count} pages; the limit is {limits.max_pages}.",
                page_count=count,
                max_pages=limits.max_pages,
            )
        for index in range(count):  # a truncated file often opens but fails on its pages
            pdf[index].close()
    finally:
        pdf.close()
    return FileInfo(media_type, count)
