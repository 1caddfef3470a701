"""A scanned line's words told apart by their print's size, not their ink's (issue 11, scanhdr24): an OCR'd word's
box holds only its ink, so a word of x-height letters ('nous', 'are') stands some 0.6 as tall as one reaching above
and below ('présente,', 'Typé') in the same print; a phrase is cut at a change of size only where the letters'
reach does not explain the boxes' heights. A text layer's boxes are its font's: cut as before.

Hand-placed words with invented heights."""

from extraction.document import Word
from extraction.layout import Line, split_phrases

FULL, X_ONLY = 0.016, 0.0095  # ascender-to-descender and x-height-only ink, as a 200 dpi scan's boxes measure them


def _line(words: list[tuple[str, float]], confidence: float) -> Line:
    out, x = [], 0.05
    for text, height in words:
        width = 0.008 * len(text)
        out.append(Word(text, (x, 0.5 - height, x + width, 0.5), confidence))
        x += width + 0.006
    return Line(out)


def _phrases(line: Line) -> list[str]:
    return [phrase.text for phrase in split_phrases(line, 0.008)]


def test_x_height_words_of_a_scanned_sentence_stay_in_its_phrase() -> None:
    words = [("Par", FULL * 0.8), ("la", FULL * 0.8), ("présente,", FULL), ("nous", X_ONLY), ("vous", X_ONLY),
             ("commandons,", FULL), ("sous", X_ONLY), ("la", FULL * 0.8), ("référence", FULL)]  # fmt: skip
    assert _phrases(_line(words, 0.9)) == ["Par la présente, nous vous commandons, sous la référence"]


def test_a_text_layers_boxes_and_a_bigger_print_still_cut_the_line() -> None:
    # the same boxes on a text layer are the font's: 'nous' is smaller print there, a phrase of its own
    words = [("présente,", FULL), ("nous", X_ONLY), ("vous", X_ONLY), ("commandons,", FULL)]
    assert _phrases(_line(words, 1.0)) == ["présente,", "nous vous", "commandons,"]
    # on a scan, a title in print twice as big beside body text: its letters do not explain it
    title = [("ORDER", FULL * 2), ("Acme", FULL * 0.8), ("Corp", FULL)]
    assert _phrases(_line(title, 0.9)) == ["ORDER", "Acme Corp"]
    # nor does a word of x-height letters as tall as the title's capitals
    tall = [("nous", FULL * 1.6), ("Typé", FULL)]
    assert _phrases(_line(tall, 0.9)) == ["nous", "Typé"]
