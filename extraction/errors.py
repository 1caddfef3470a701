"""Why a file could not become a Document.

Each error carries a stable ``code`` (the API maps it to an RFC 9457 problem
with a 4xx status) and a ``detail`` for people that says what to do about it.
"""

from __future__ import annotations

from typing import Any


class DocumentError(Exception):
    """The caller's file cannot be read; ``code`` says why, ``detail`` says the fix."""

    code: str = "document_error"
    title: str = "The document cannot be read"

    def __init__(self, detail: str, **data: Any) -> None:
        super().__init__(detail)
        self.detail = detail
        self.data = data  # machine-readable facts (sizes, limits, page counts)

    def __repr__(self) -> str:
        return f"{type(self).__name__}(code={self.code!r}, detail={self.detail!r}, data={self.data!r})"


class EmptyFileError(DocumentError):
    code = "empty_file"
    title = "The file is empty"


class UnsupportedTypeError(DocumentError):
    code = "unsupported_type"
    title = "The file type is not supported"


class TooLargeError(DocumentError):
    code = "too_large"
    title = "The file is too large"


class TooManyPagesError(DocumentError):
    code = "too_many_pages"
    title = "The document has too many pages"


class EncryptedPdfError(DocumentError):
    code = "encrypted_pdf"
    title = "The PDF is password-protected"


class CorruptFileError(DocumentError):
    code = "corrupt_file"
    title = "The file is damaged"


class ImageTooLargeError(DocumentError):
    code = "image_too_large"
    title = "The image has too many pixels"


class ImageTooSmallError(DocumentError):
    code = "image_too_small"
    title = "The image is too small to read"


class PageNotFoundError(DocumentError):
    code = "page_not_found"
    title = "The page does not exist"


class OcrUnavailableError(DocumentError):
    """Not the caller's fault (a 5xx-type setup problem), but it carries the fix like the others."""

    code = "ocr_unavailable"
    title = "No OCR engine is installed"
