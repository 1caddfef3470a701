"""Tiny synthetic pages for the forms and agreements readers: lines of text placed like a printout."""

from __future__ import annotations

from extraction.document import Document, Page, Word

CHAR = 0.006  # a character's width, as a fraction of the page
LINE = 0.018


def page(number: int, lines: list[str | list[tuple[float, str]]], top: float = 0.05) -> Page:
    """Each line is its text (from the left margin) or (x, text) blocks; words get boxes one char wide each."""
    words: list[Word] = []
    for index, line in enumerate(lines):
        blocks = [(0.05, line)] if isinstance(line, str) else line
        y = top + index * LINE
        for x, text in blocks:
            for token in text.split():
                words.append(Word(token, (x, y, x + CHAR * len(token), y + 0.012)))
                x += CHAR * (len(token) + 1)
    return Page(number, 612, 792, words)


def document(*pages: list[str | list[tuple[float, str]]]) -> Document:
    return Document([page(number, lines) for number, lines in enumerate(pages, start=1)])


def prose(text: str, width: int = 95) -> list[str | list[tuple[float, str]]]:
    """Running text wrapped into lines, as an agreement prints it."""
    lines: list[str | list[tuple[float, str]]] = []
    current = ""
    for token in text.split():
        if current and len(current) + len(token) + 1 > width:
            lines.append(current)
            current = token
        else:
            current = f"{current} {token}".strip()
    if current:
        lines.append(current)
    return lines
