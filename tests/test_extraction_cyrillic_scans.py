"""Scanned pages printed in Cyrillic letters (`scans16`): an English model reads them as Latin look-alikes
('Haumenosanne'), PP-OCR's model has no Cyrillic either, so every description and unit of such a page was lost.
A page whose English reading is no Latin language has its script told and is read with a Cyrillic model.

The pages here are written for the test (Russian, Ukrainian, Serbian and Bulgarian order lines of our own), not
taken from any study document."""

import shutil

import pytest
from PIL import Image

from extraction import ocr
from extraction.document import Word
from tests.fixtures_docs import image_of_lines


def _cyrillic_installed() -> bool:
    return (
        shutil.which("tesseract") is not None
        and ocr._TesseractApi.library() is not None
        and {
            "rus",
            "osd",
        }
        <= ocr.installed_languages()
    )


needs_cyrillic = pytest.mark.skipif(not _cyrillic_installed(), reason="Tesseract's rus and osd models not installed")


RUSSIAN = [
    "Заказ поставщику № 4471 от 12 марта",
    "Поставщик ООО Северная Арматура, г. Вологда",
    "Наименование товара Количество Цена Сумма",
    "Шуруп самонарезающий 4,2 под сверло 500 шт 1,20 600,00",
    "Перчатки рабочие хлопковые 40 пар 35,00 1400,00",
    "Краска фасадная белая 12 кг 310,00 3720,00",
]
UKRAINIAN = [
    "Замовлення постачальнику № 318 від 5 квітня",
    "Постачальник ТОВ Південна Фурнітура, м. Одеса",
    "Найменування товару Кількість Ціна Сума",
    "Дюбель розпірний з шурупом 200 шт 2,50 500,00",
    "Рукавиці робочі в'язані 30 пар 41,00 1230,00",
    "Фарба для підлоги жовта 8 кг 265,00 2120,00",
]
SERBIAN = [
    "Наруџбеница број 77 од 3. јуна",
    "Добављач Јужна Арматура д.о.о., Ниш",
    "Назив робе Количина Цена Износ",
    "Вијак за дрво са упуштеном главом 300 ком 3,10 930,00",
    "Заштитне рукавице од коже 25 пар 58,00 1450,00",
]


def _share_cyrillic(words: list[Word]) -> float:
    letters = [ch for w in words for ch in w.text if ch.isalpha()]
    return sum("\u0400" <= ch <= "\u04ff" for ch in letters) / max(1, len(letters))


@needs_cyrillic
@pytest.mark.parametrize("lines", [RUSSIAN, UKRAINIAN, SERBIAN])
def test_a_page_printed_in_cyrillic_is_read_in_cyrillic_letters(lines: list[str]) -> None:
    words = ocr.TesseractEngine().words(image_of_lines(lines))
    assert _share_cyrillic(words) > 0.7
    read = " ".join(w.text for w in words)
    # the words of the description as printed, not their Latin look-alikes
    first_word = lines[3].split()[0]
    assert first_word in read


@needs_cyrillic
def test_a_ukrainian_page_is_read_with_ukrainians_own_model_where_installed() -> None:
    if "ukr" not in ocr.installed_languages():
        pytest.skip("Tesseract's ukr model not installed")
    words = ocr.TesseractEngine().words(image_of_lines(UKRAINIAN))
    assert ocr.page_language(words) == "ukr"
    assert "і" in " ".join(w.text for w in words)  # a letter Russian's model does not have


@needs_cyrillic
def test_a_page_in_latin_letters_never_has_its_script_told(monkeypatch: pytest.MonkeyPatch) -> None:
    def told(image: Image.Image) -> str:
        raise AssertionError("script detection on a page that reads as a Latin language")

    monkeypatch.setattr(ocr, "page_script", told)
    lines = [
        "Purchase order 4471 of 12 March from Northwind Traders",
        "Description Quantity Unit price Amount",
        "Self-drilling screw 4.2 x 19 500 pcs 1.20 600.00",
        "Cotton work gloves 40 pairs 35.00 1400.00",
    ]
    words = ocr.TesseractEngine().words(image_of_lines(lines))
    assert "Northwind" in " ".join(w.text for w in words)


@needs_cyrillic
def test_a_ukrainian_page_is_read_whole_once_its_language_told_from_a_sheet_of_its_text_bands(
    monkeypatch: pytest.MonkeyPatch,
) -> None:
    """The language is told from the page's wordiest bands, not from a whole read with Russian's model: the page
    is read whole in English (which tells it is no Latin language), then once with its own model (`scanspeed17`)."""
    if "ukr" not in ocr.installed_languages():
        pytest.skip("Tesseract's ukr model not installed")
    page = image_of_lines(
        [
            *UKRAINIAN,
            "Умови оплати: протягом десяти днів після отримання рахунку",
            "Доставка на склад покупця за адресою вказаною в замовленні",
            "Ціни вказані без податку на додану вартість, якщо інше не зазначено",
            "Шпагат поліпропіленовий для пакування 12 бобін 48,00 576,00",
        ]
    )
    whole: list[str] = []
    read = ocr.tesseract_data

    def counted(image: Image.Image, config: str, lang: str = "eng", timeout_s: float = 120.0) -> dict:
        if image.size == page.size:
            whole.append(lang)
        return read(image, config, lang, timeout_s)

    monkeypatch.setattr(ocr, "tesseract_data", counted)
    words = ocr.TesseractEngine().words(page)
    assert whole == ["eng", "ukr+eng"]
    assert "Найменування" in " ".join(w.text for w in words)


@needs_cyrillic
def test_a_cyrillic_page_is_told_by_its_sheets_cyrillic_reading_where_script_detection_says_latin(
    monkeypatch: pytest.MonkeyPatch,
) -> None:
    """Script detection called a grained Macedonian page Latin, and PP-OCR then read it whole in Latin letters
    (`scanspeed18`): a sheet that a Cyrillic model reads as Cyrillic text, surely, is Cyrillic, and script detection
    is not asked."""

    def latin(image: Image.Image) -> str:
        raise AssertionError("script detection where the sheet's Cyrillic reading tells")

    monkeypatch.setattr(ocr, "page_script", latin)
    words = ocr.TesseractEngine().words(image_of_lines(RUSSIAN))
    assert _share_cyrillic(words) > 0.7
    assert "Шуруп" in " ".join(w.text for w in words)


def test_a_sheet_reads_as_cyrillic_only_as_cyrillic_text_read_surely() -> None:
    def words(text: str, confidence: float) -> list[Word]:
        return [Word(token, (0.0, 0.0, 0.1, 0.1), confidence) for token in text.split()]

    assert ocr.script_reading(words(" ".join(RUSSIAN), 0.85), "Cyrillic")
    # a page upside down read in a Cyrillic model
    assert not ocr.script_reading(words(" ".join(RUSSIAN), 0.37), "Cyrillic")
    assert not ocr.script_reading(words("Purchase order Northwind Traders", 0.95), "Cyrillic")
    assert not ocr.script_reading([], "Cyrillic")


def test_words_read_in_cyrillic_name_a_cyrillic_model_and_russians_where_unsure() -> None:
    def words(text: str) -> list[Word]:
        return [Word(token, (0.0, 0.0, 0.1, 0.1), 0.9) for token in text.split()]

    if ocr._identifier(True) is None:
        pytest.skip("py3langid not installed")
    assert ocr.page_language(words(" ".join(UKRAINIAN))) == "ukr"
    assert ocr.page_language(words(" ".join(RUSSIAN))) == "rus"
    assert ocr.page_language(words("Код 4471 Шуруп 500 шт")) == "eng"  # too short to tell, as for Latin letters
    assert ocr.is_cyrillic_text("Шуруп оцинкованный M12") and not ocr.is_cyrillic_text("Шуруп DIN933 hex bolt")
    assert not ocr.no_latin_language(words(" ".join(RUSSIAN)))  # read in Cyrillic already: nothing to tell


def test_a_doubted_page_in_cyrillic_letters_is_not_replaced_by_a_reader_without_them(
    monkeypatch: pytest.MonkeyPatch,
) -> None:
    from extraction import loading

    doubted = [
        Word(token, (0.01 * i, 0.1, 0.01 * i + 0.01, 0.12), 0.5) for i, token in enumerate(" ".join(RUSSIAN).split())
    ]

    class Engine:
        def words(self, image: Image.Image) -> list[Word]:
            return list(doubted)

    class Second:
        def page_words(self, image: Image.Image) -> list[Word]:
            return [Word("Haumenosanne", (0.1, 0.1, 0.2, 0.12), 0.99)]

    monkeypatch.setattr(loading, "get_engine", lambda name: Engine())
    monkeypatch.setattr(loading, "second_reader", lambda: Second())
    reading = loading.read_scan(Image.new("L", (800, 600), 255), level=False, flatten=False)
    assert {w.text for w in reading.words} == {w.text for w in doubted}
    # a doubted page in Latin letters still takes the second reader's
    doubted = [replace_text(w) for w in doubted]
    reading = loading.read_scan(Image.new("L", (800, 600), 255), level=False, flatten=False)
    assert [w.text for w in reading.words] == ["Haumenosanne"]


def replace_text(word: Word) -> Word:
    return Word("order" + str(len(word.text)), word.bbox, word.confidence)


def test_a_norwegian_page_read_as_english_is_norwegian_with_its_scandinavian_siblings_summed() -> None:
    """An English model's reading of Norwegian (its 'å', 'ø' read 'a', 'o') ranks Swedish and Danish beside it:
    the three together are how sure the page is of the likeliest (lines of our own)."""
    if ocr._identifier() is None:
        pytest.skip("py3langid not installed")
    read_as_english = (
        "Bestilling Leverandor Vare Antall Pris Sum Skruer rustfritt stal Hanskar Tau Levering mottak faktura"
    )
    words = [Word(token, (0.0, 0.0, 0.1, 0.1), 0.9) for token in read_as_english.split()]
    ranked = dict(ocr._identifier().rank(read_as_english))
    assert ranked["no"] < 0.9  # alone not sure enough
    assert ocr.page_language(words) == "nor"


def test_units_read_again_with_the_pages_model_are_latin_ones_on_cyrillic_pages_and_plain_ones_elsewhere(
    monkeypatch: pytest.MonkeyPatch,
) -> None:
    """Which unit cells the page's own model reads again: on a page in Cyrillic letters a unit read in Latin ones
    ('wT' for 'шт'); on a Slovak page a unit of three plain letters ('par' for 'pár'); never on an English page
    and never a unit read in the page's letters already."""
    from extraction.heuristic import reread
    from extraction.heuristic.parts import RowDraft
    from extraction.layout import Line

    monkeypatch.setattr(reread, "installed_languages", lambda: frozenset({"eng", "ukr", "slk"}))

    def row(unit: str) -> RowDraft:
        words = [Word("Болт", (0.1, 0.3, 0.2, 0.32), 0.9), Word(unit, (0.6, 0.3, 0.63, 0.32), 0.96)]
        return RowDraft(1, {"description": words[:1], "unit": words[1:]}, line=Line(words))

    rows = [row("wT"), row("шт"), row("par"), row("ks")]
    chosen = reread.ScanRereader._units_to_read
    picked = {lang: [r.cells["unit"][0].text for r, _ in chosen(reread.ScanRereader, rows, lang, 0.01, (1000, 1000))]
              for lang in ("ukr", "slk", "eng", "deu")}  # fmt: skip
    assert picked == {"ukr": ["wT", "par", "ks"], "slk": ["par"], "eng": [], "deu": []}


def test_the_script_sheet_leaves_out_words_read_with_next_to_no_confidence() -> None:
    # a coloured page's specks read by English's model as one long band of Latin letters at confidence 0
    # ('elslealulalwl') were the wordiest band of a Macedonian page's sheet, and its script was told 'Latin'
    page = image_of_lines(RUSSIAN)
    top, bottom = (60 / page.height, 52 / page.height), (86 / page.height, 52 / page.height)
    sure = [
        Word(word, (0.05 + 0.1 * col, top[0] + top[1] * line, 0.13 + 0.1 * col, bottom[0] + bottom[1] * line), 0.4)
        for line, text in enumerate(RUSSIAN)
        for col, word in enumerate(text.split()[:6])
    ]
    specks = [
        Word("elslealulalwlnieaeelsle", (0.05, 0.9, 0.6, 0.93), 0.0),
        Word("Bibleele", (0.6, 0.9, 0.7, 0.93), 0.1),
    ]
    with_specks = ocr.text_bands_sheet(page, [*sure, *specks])
    alone = ocr.text_bands_sheet(page, sure)
    assert with_specks is not None and alone is not None
    assert with_specks.size == alone.size and with_specks.tobytes() == alone.tobytes()
    # a page whose every word was read with next to no confidence has no sheet to tell its script from
    assert ocr.text_bands_sheet(page, [Word(w.text, w.bbox, 0.1) for w in sure]) is None


def _line(*texts: str, y: float = 0.3) -> list[Word]:
    """Words of one printed line, one character 0.008 of the page wide, one space apart."""
    words, x = [], 0.1
    for text in texts:
        words.append(Word(text, (x, y, x + 0.008 * len(text), y + 0.01), 0.9))
        x += 0.008 * (len(text) + 1)
    return words


def test_latin_look_alikes_of_cyrillic_letters_take_the_script_of_the_word_before_them() -> None:
    # a rus+eng reading picks Latin or Cyrillic for the same ink: 'Цемент M500', 'Бумага офисная A4', 'М12x80'
    row = _line("7", "Цемент", "M500", "мешок") + _line("Бумага", "офисная", "A4", y=0.32)
    row += _line("Болт", "М12x80", "оцинк.", y=0.34) + _line("M12x80", "Болт", y=0.36)
    texts = [w.text for w in ocr.cyrillic_twins_mended(row)]
    assert texts == [
        "7",
        "Цемент",
        "М500",
        "мешок",
        "Бумага",
        "офисная",
        "А4",
        "Болт",
        "М12х80",
        "оцинк.",
        "М12х80",
        "Болт",
    ]


def test_codes_and_latin_words_on_a_cyrillic_page_keep_their_letters() -> None:
    # a code after the line's number, a Latin word with a letter that has no Cyrillic twin, a currency code, a
    # Latin brand before its number, and a look-alike word alone on its line stay as read
    rows = _line("12", "AT-2172", "Краска") + _line("Cement", "M400", y=0.32) + _line("Итого", "RUB", y=0.34)
    rows += _line("PVC", "50", "мм", y=0.36) + _line("A4", y=0.38)
    assert [w.text for w in ocr.cyrillic_twins_mended(rows)] == [w.text for w in rows]


def test_a_cells_crop_read_again_keeps_cyrillic_letters_for_their_latin_look_alikes() -> None:
    assert ocr.cyrillic_twins_in_phrase(["Кабель", "ВВГнг", "3x2,5"]) == ["Кабель", "ВВГнг", "3х2,5"]
    assert ocr.cyrillic_twins_in_phrase(["A4", "бумага"]) == ["А4", "бумага"]
    assert ocr.cyrillic_twins_in_phrase(["PVC", "pipe", "M12"]) == ["PVC", "pipe", "M12"]
    assert ocr.cyrillic_twins_in_phrase(["M12"]) == ["M12"]


def test_a_decimal_part_read_as_a_word_of_its_own_rejoins_the_number_before_it() -> None:
    # 'Кабель ВВГнг 3х2,5' read '3х2' ',5' (the comma faint); a comma after a number and a space before the next
    # ('2, 5') and a decimal part far from any number stay apart
    cable = _line("Кабель", "ВВГнг", "3х2")
    end = cable[-1].bbox[2]
    cable.append(Word(",5", (end + 0.004, 0.3, end + 0.02, 0.31), 0.2))
    listed = _line("2,", "5", y=0.32) + [Word(",75", (0.5, 0.34, 0.53, 0.35), 0.9)]
    assert [w.text for w in ocr.decimals_rejoined(cable + listed)] == ["Кабель", "ВВГнг", "3х2,5", "2,", "5", ",75"]


def _placed(y: float, *cells: tuple[str, float]) -> list[Word]:
    """Words of one OCR'd line, each at its left edge, one character 0.008 of the page wide."""
    return [Word(text, (x, y, x + 0.008 * len(text), y + 0.01), 0.9) for text, x in cells]


def _ending_at(text: str, end: float) -> tuple[str, float]:
    return text, end - 0.008 * len(text)


def test_a_space_grouped_number_read_as_two_words_is_one_where_the_rows_arithmetic_or_its_band_says_so() -> None:
    # a lid-open scan's thousands space reads as a word gap (1.4 digits): '7' '063,11' under the price, '169'
    # '514,64' under the amount; left apart the heads stand in a band of their own and read as a column
    price, amount = 0.735, 0.865  # the tails' left edges; the heads end 0.011 before them
    proven = _placed(0.30, ("5", 0.1), ("Цемент", 0.14), ("24", 0.6), ("мешок", 0.645))
    proven += _placed(0.30, _ending_at("7", price - 0.011), ("063,11", price))
    proven += _placed(0.30, _ending_at("169", amount - 0.011), ("514,64", amount))
    # a head misread ('и' for '11'): the amount's pair in the band of a proven one joins, and the price is read back
    # from the row (235 685,20 / 20 = 11 784,26, ending in the tail's '784,26')
    misread = _placed(0.32, ("3", 0.1), ("Перчатки", 0.14), ("20", 0.6), ("пар", 0.645), _ending_at("и", 0.724))
    misread += _placed(0.32, ("784,26", price), _ending_at("235", amount - 0.011), ("685,20", amount))
    # a quantity before its price at a narrow gap: the row adds up as read and stays apart
    apart = _placed(0.34, ("2", 0.1), ("Бумага", 0.14), _ending_at("3", price - 0.011), ("250,00", price))
    apart += _placed(0.34, ("750,00", amount))
    # a pair out of every proven band that the row's numbers cannot tell stays as read
    other = _placed(0.36, ("4", 0.1), ("Болт", 0.14), ("19", 0.3), ("061,79", 0.32), ("130,00", amount))
    # millions: '4' '336' '572,68' is one amount, '3' '231' one quantity, where the row multiplies so
    millions = _placed(0.38, ("14", 0.1), ("Кабель", 0.14), ("349,17", 0.575), _ending_at("12", price - 0.011))
    millions += _placed(0.38, ("419,66", price), ("4", 0.815), ("336", 0.832), ("572,68", amount))
    counted = _placed(0.40, ("13", 0.1), ("Кабель", 0.14), ("3", 0.582), ("231", 0.600), _ending_at("1", 0.724))
    counted += _placed(0.40, ("542,48", price), ("4", 0.815), ("983", 0.832), ("752,88", amount))
    # a scrap whose row's arithmetic gives no price ending in its tail stays as read
    scrap = _placed(0.42, ("23", 0.1), ("Цемент", 0.14), ("12", 0.6), _ending_at("a", 0.724), ("385,42", price))
    scrap += _placed(0.42, _ending_at("52", amount - 0.011), ("625,00", amount))
    # at a narrow space ('8' '626,80') the table reader joins the groups itself: left as read
    narrow = _placed(0.44, ("1", 0.1), ("Болт", 0.14), ("10", 0.6), _ending_at("8", price - 0.006), ("626,80", price))
    narrow += _placed(0.44, _ending_at("86", amount - 0.006), ("268,00", amount))
    rows = proven + misread + apart + other + millions + counted + scrap + narrow
    texts = [w.text for w in ocr.thousands_rejoined(rows)]
    assert texts == (
        ["5", "Цемент", "24", "мешок", "7063,11", "169514,64"]
        + ["3", "Перчатки", "20", "пар", "11784,26", "235685,20"]
        + ["2", "Бумага", "3", "250,00", "750,00"]
        + ["4", "Болт", "19", "061,79", "130,00"]
        + ["14", "Кабель", "349,17", "12419,66", "4336572,68"]
        + ["13", "Кабель", "3231", "1542,48", "4983752,88"]
        + ["23", "Цемент", "12", "a", "385,42", "52625,00"]
        + ["1", "Болт", "10", "8", "626,80", "86", "268,00"]
    )
    # a born-digital page's words never come here; a page with no such pair comes back as it was
    plain = _placed(0.48, ("1", 0.1), ("Болт", 0.14), ("2", 0.6), ("10,00", price), ("20,00", amount))
    assert ocr.thousands_rejoined(plain) == plain
