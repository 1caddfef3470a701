"""A scan's names in guillemets whose opening quote the OCR lost ('АО Ертіс Снаб»,')."""

from __future__ import annotations

import pytest

from extraction.companies import opening_quotes_restored, quoted_name_end
from extraction.document import Word


def _words(text: str) -> list[Word]:
    return [Word(t, (0.05 * i, 0.1, 0.05 * i + 0.04, 0.12), 0.9) for i, t in enumerate(text.split())]


@pytest.mark.parametrize(
    ("read", "printed"),
    [
        ("1. АО Ертіс Снаб», БИН 180142854554, и", "1. АО «Ертіс Снаб», БИН 180142854554, и"),
        ("и ТОО Алатау Құрылыс», БИН 240642650293", "и ТОО «Алатау Құрылыс», БИН 240642650293"),
        ("ТОВ «Карпати Агромаш» x", "ТОВ «Карпати Агромаш» x"),  # read whole: as read
        ("SIA Gauja 12 Tehnika»", "SIA Gauja 12 Tehnika»"),  # a number inside: no name
        ("Acme GmbH and Beta AG", "Acme GmbH and Beta AG"),  # no quote at all
        ("в дальнейшем Заказчик», с", "в дальнейшем Заказчик», с"),  # no form before it
    ],
)
def test_a_lost_opening_guillemet_is_put_back_after_a_form(read: str, printed: str) -> None:
    assert " ".join(w.text for w in opening_quotes_restored(_words(read))) == printed


def test_the_restored_name_reads_as_a_form_and_its_quoted_name() -> None:
    words = opening_quotes_restored(_words("1. АО Ертіс Снаб», БИН 180142854554"))
    texts = [w.text for w in words]
    assert quoted_name_end(texts, 1) == 4  # 'АО «Ертіс Снаб»,' is one company's name
    assert words[2].bbox == (0.1, 0.1, 0.14, 0.12) and words[2].confidence == 0.9  # the word keeps its place
