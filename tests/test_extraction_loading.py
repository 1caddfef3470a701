import io
import shutil
import struct
import zlib

import numpy as np
import pypdfium2 as pdfium
import pytest
from PIL import Image
from reportlab.pdfgen import canvas

from extraction.document import Word
from extraction.errors import DocumentError
from extraction.layout import group_lines
from extraction.loading import Limits, _usable_text, load_document, render_page_png, sniff_media_type
from extraction.ocr import (
    OCR_ENGINES,
    clean_ocr_text,
    darken_faint_ink,
    deskew,
    estimate_skew,
    flatten_background,
    prepare_scan,
    remove_rules,
)
from tests.fixtures_docs import PoSpec, default_lines, render_po


@pytest.fixture(scope="module")
def po_pdf() -> bytes:
    return render_po(PoSpec())


def _error_code(data: bytes, limits: Limits | None = None) -> str:
    with pytest.raises(DocumentError) as info:
        load_document(data, "upload.bin", limits or Limits())
    assert info.value.detail  # every error says what to do
    return info.value.code


def test_text_layer_gives_words_with_boxes_in_reading_order(po_pdf: bytes) -> None:
    doc = load_document(po_pdf, "po.pdf")
    page = doc.pages[0]
    assert doc.page_count == 1 and page.source == "text" and doc.media_type == "application/pdf"
    texts = [w.text for w in page.words]
    assert texts[:3] == ["Northwind", "Traders", "Inc."]
    assert "PO-2026-0417" in texts
    for word in page.words:
        x0, y0, x1, y1 = word.bbox
        assert 0 <= x0 < x1 <= 1 and 0 <= y0 < y1 <= 1
    tops = [line.top for line in group_lines(page.words)]
    assert tops == sorted(tops)
    title = next(w for w in page.words if w.text == "PURCHASE")
    assert title.bbox[0] > 0.5 and title.bbox[1] < 0.1  # top right, origin top-left


def test_empty_file() -> None:
    assert _error_code(b"") == "empty_file"


def test_text_file_is_unsupported() -> None:
    assert _error_code(b"PO Number: 123\nTotal: 5.00\n") == "unsupported_type"


def test_too_large(po_pdf: bytes) -> None:
    assert _error_code(po_pdf, Limits(max_bytes=1000)) == "too_large"


def test_too_many_pages() -> None:
    data = render_po(PoSpec(lines=default_lines(6), rows_per_page=2))
    assert _error_code(data, Limits(max_pages=2)) == "too_many_pages"


def test_truncated_pdf(po_pdf: bytes) -> None:
    assert _error_code(po_pdf[: len(po_pdf) // 2]) == "corrupt_file"


def test_encrypted_pdf() -> None:
    buffer = io.BytesIO()
    pdf = canvas.Canvas(buffer, encrypt="s3cret")
    pdf.drawString(72, 720, "Purchase order protected by a password")
    pdf.save()
    assert _error_code(buffer.getvalue()) == "encrypted_pdf"


def test_image_bomb_is_refused_before_decoding() -> None:
    # a PNG header that declares 20000 x 20000 pixels: Pillow reads only the header, we refuse before decoding
    def chunk(kind: bytes, body: bytes) -> bytes:
        return struct.pack(">I", len(body)) + kind + body + struct.pack(">I", zlib.crc32(kind + body))

    def png(side: int) -> bytes:
        header = chunk(b"IHDR", struct.pack(">IIBBBBB", side, side, 8, 0, 0, 0, 0))
        return b"\x89PNG\r\n\x1a\n" + header + chunk(b"IDAT", zlib.compress(b""))

    assert _error_code(png(20000)) == "image_too_large"  # Pillow's own decompression-bomb guard
    assert _error_code(png(8000)) == "image_too_large"  # 64 Mpx: over our 60 Mpx limit
    assert _error_code(png(8000), Limits(max_pixels=10**8)) == "corrupt_file"  # allowed, but has no pixel data


def test_tiny_image_is_refused() -> None:
    buffer = io.BytesIO()
    Image.new("L", (50, 40), 255).save(buffer, format="PNG")
    assert _error_code(buffer.getvalue()) == "image_too_small"


def test_truncated_image() -> None:
    buffer = io.BytesIO()
    Image.effect_noise((400, 400), 60).save(buffer, format="JPEG")
    assert _error_code(buffer.getvalue()[:2000]) == "corrupt_file"


def _shown_turned(data: bytes, rotation: int) -> bytes:
    """The page drawn turned against ``rotation`` and marked /Rotate, so it shows upright (a rotated scan or export)."""
    source = pdfium.PdfDocument(data)
    width, height = source[0].get_size()
    out = pdfium.PdfDocument.new()
    page = out.new_page(*((height, width) if rotation in (90, 270) else (width, height)))
    content = source.page_as_xobject(0, out).as_pageobject()
    shift = {90: (height, 0), 180: (width, height), 270: (0, width)}[rotation]
    content.transform(pdfium.PdfMatrix().rotate(rotation, ccw=True).translate(*shift))
    page.insert_obj(content)
    page.gen_content()
    page.set_rotation(rotation)
    buffer = io.BytesIO()
    out.save(buffer)
    return buffer.getvalue()


@pytest.mark.parametrize("rotation", [90, 180, 270])
def test_rotated_page_reads_as_shown(po_pdf: bytes, rotation: int) -> None:
    upright = load_document(po_pdf, "po.pdf").pages[0]
    page = load_document(_shown_turned(po_pdf, rotation), "turned.pdf").pages[0]
    assert page.source == "text" and (page.width, page.height) == pytest.approx((upright.width, upright.height))
    assert [w.text for w in page.words] == [w.text for w in upright.words]
    for turned, straight in zip(page.words, upright.words, strict=True):
        assert turned.bbox == pytest.approx(straight.bbox, abs=0.01)


def test_sniff_media_type() -> None:
    assert sniff_media_type(b"%PDF-1.7\n") == "application/pdf"
    assert sniff_media_type(b"\x89PNG\r\n\x1a\n....") == "image/png"
    assert sniff_media_type(b"\xff\xd8\xff\xe0") == "image/jpeg"
    assert sniff_media_type(b"II*\x00") == "image/tiff"
    assert sniff_media_type(b"PK\x03\x04") is None


def test_render_page_png(po_pdf: bytes) -> None:
    png = render_page_png(po_pdf, 1, dpi=72)
    image = Image.open(io.BytesIO(png))
    assert image.format == "PNG" and image.size == (612, 792)
    with pytest.raises(DocumentError) as info:
        render_page_png(po_pdf, 2)
    assert info.value.code == "page_not_found"


def test_skew_estimate_finds_rotation() -> None:
    image = Image.new("L", (1200, 800), 255)
    for y in range(100, 700, 40):  # text-like horizontal strokes
        image.paste(0, (100, y, 1100, y + 6))
    rotated = image.rotate(2.0, fillcolor=255)
    assert abs(estimate_skew(image)) < 0.3
    assert 1.8 <= abs(estimate_skew(rotated)) <= 2.2
    # deskew must turn the page back, not double its tilt
    for angle in (2.0, -1.3):
        assert abs(estimate_skew(deskew(image.rotate(angle, fillcolor=255)))) <= 0.15


def test_skew_is_found_on_faint_ink_over_yellowed_paper() -> None:
    """Brown ink on yellowed paper at 150 dpi: no pixel of the small copy is darker than 128 but a logo's."""
    image = Image.new("L", (1240, 1754), 221)
    image.paste(40, (80, 60, 160, 140))  # a dark logo, level
    for y in range(300, 1500, 30):  # words: short strokes along each line
        for x in range(120, 1100, 60):
            image.paste(150, (x, y, x + 40, y + 3))
    tilted = image.rotate(1.7, fillcolor=200)
    assert 1.5 <= abs(estimate_skew(tilted)) <= 1.9


@pytest.mark.slow
@pytest.mark.skipif(shutil.which("tesseract") is None, reason="Tesseract is not installed")
def test_scanned_page_goes_through_ocr(po_pdf: bytes) -> None:
    pdf = pdfium.PdfDocument(po_pdf)
    image = pdf[0].render(scale=200 / 72, grayscale=True).to_pil()
    pdf.close()
    buffer = io.BytesIO()
    image.rotate(1.0, fillcolor=255, resample=Image.Resampling.BICUBIC).save(buffer, format="PNG")
    doc = load_document(buffer.getvalue(), "scan.png")
    page = doc.pages[0]
    assert page.source == "ocr" and doc.media_type == "image/png"
    texts = {w.text for w in page.words}
    assert {"PO-2026-0417", "Northwind", "466.80"} <= texts
    assert all(0.0 <= w.confidence <= 1.0 for w in page.words)
    assert OCR_ENGINES["tesseract"].is_available()


def test_flatten_background_whitens_grey_paper_and_bands_but_keeps_ink_and_dark_fills() -> None:
    from PIL import ImageDraw

    page = Image.new("L", (800, 1000), 190)  # grey paper
    draw = ImageDraw.Draw(page)
    draw.rectangle((0, 400, 799, 440), fill=160)  # a banded table row
    draw.rectangle((100, 410, 300, 416), fill=30)  # ink inside the band
    draw.rectangle((0, 0, 799, 120), fill=40)  # a dark banner...
    draw.rectangle((100, 50, 300, 56), fill=235)  # ...with light letters
    flat = flatten_background(page)
    assert flat.getpixel((600, 700)) >= 250 and flat.getpixel((600, 420)) >= 245  # paper and band: white
    assert flat.getpixel((200, 413)) < 80  # the ink stays dark
    assert flat.getpixel((600, 60)) < 60 and flat.getpixel((200, 53)) > 200  # the banner keeps its letters


def test_remove_rules_whitens_table_rules_and_box_borders_but_keeps_letters_and_fills() -> None:
    from PIL import ImageDraw, ImageFont

    page = Image.new("L", (1600, 600), 255)
    draw = ImageDraw.Draw(page)
    draw.rectangle((0, 0, 1599, 80), fill=40)  # a dark banner: a fill, not a rule...
    light = ImageFont.truetype("/usr/share/fonts/truetype/dejavu/DejaVuSans-Bold.ttf", 56)
    draw.text((400, 5), "Whitfield", font=light, fill=235)  # ...with light letters: dark gaps between them
    draw.line((100, 300, 1500, 300), fill=120, width=2)  # a table rule
    draw.rectangle((100, 380, 700, 520), outline=60, width=3)  # a box around a caption and its value
    font = ImageFont.truetype("/usr/share/fonts/truetype/dejavu/DejaVuSans-Bold.ttf", 40)
    draw.text((150, 420), "Il 17 TOTAL", font=font, fill=0)  # tall strokes and long bars of letters
    before = np.asarray(page) < 128
    clean = np.asarray(remove_rules(page))
    assert clean[300, 100:1500].min() >= 250 and clean[299:302, 800].min() >= 250  # the rule is gone
    assert clean[380:520, 101].min() >= 250 and clean[380:520, 699].min() >= 250  # the box's sides...
    assert clean[381, 100:700].min() >= 250 and clean[519, 100:700].min() >= 250  # ...top and bottom
    banner = np.asarray(page)[:80]
    assert np.array_equal(clean[:80], banner)  # the banner stays as it is, the gaps between its letters too
    letters = before[400:480, 140:690]
    assert ((clean[400:480, 140:690] < 128) & letters).sum() >= 0.97 * letters.sum()  # the letters stay


def test_remove_rules_keeps_small_print_blurred_into_one_band() -> None:
    """On a soft 150 dpi scan the letters of a word run together; the band's top or bottom sliver is as long and
    thin as a rule, but the rest of the word lies beside it, so it stays (it used to be cut off)."""
    from PIL import ImageDraw, ImageFilter, ImageFont

    page = Image.new("L", (1240, 300), 255)
    draw = ImageDraw.Draw(page)
    font = ImageFont.truetype("/usr/share/fonts/truetype/dejavu/DejaVuSans-Bold.ttf", 17)
    for y in (60, 120, 180):
        draw.text((100, y), "Olio da taglio emulsionabile  Nastro adesivo avana", font=font, fill=0)
    draw.line((80, 240, 1160, 240), fill=0, width=2)  # a table rule
    page = page.filter(ImageFilter.GaussianBlur(1.2))
    before = np.asarray(page) < 200
    clean = np.asarray(remove_rules(page))
    words = before[50:210, 90:700]
    assert ((clean[50:210, 90:700] < 200) & words).sum() >= 0.97 * words.sum()  # every word whole
    assert clean[236:245, 100:1140].min() >= 200  # the rule is gone (a faint blurred edge is no ink)


def test_prepare_scan_levels_flattens_and_removes_rules_in_one_go() -> None:
    from PIL import ImageDraw

    page = Image.new("L", (1200, 800), 190)  # grey paper
    draw = ImageDraw.Draw(page)
    for y in range(100, 700, 40):  # text-like strokes, broken like words
        for x in range(100, 1100, 60):
            draw.rectangle((x, y, x + 45, y + 6), fill=20)
    draw.line((80, 90, 1120, 90), fill=100, width=2)
    tilted = page.rotate(1.2, fillcolor=190, resample=Image.Resampling.BICUBIC)
    ready = prepare_scan(tilted)
    assert ready.mode == "L" and abs(estimate_skew(ready)) <= 0.15
    pixels = np.asarray(ready)
    assert np.median(pixels) >= 250  # the grey paper is white
    assert (pixels < 100).sum() >= 0.8 * (np.asarray(page) < 100).sum() - 2 * 1040  # the strokes stay, the rule goes


def test_faint_carbon_ink_is_darkened_so_that_fixed_ink_levels_see_it_while_dark_print_stays_as_it_is() -> None:
    from PIL import ImageDraw

    rng = np.random.default_rng(3)
    page = Image.fromarray(rng.normal(250, 3, (800, 1200)).clip(0, 255).astype(np.uint8))
    draw = ImageDraw.Draw(page)
    for y in range(100, 700, 40):  # a violet carbon copy gone grey: strokes of 185 on white
        for x in range(100, 1100, 60):
            draw.rectangle((x, y, x + 45, y + 6), fill=185)
    dark = darken_faint_ink(page)
    assert dark.getpixel((120, 103)) <= 60 and np.median(np.asarray(dark)) >= 235  # ink dark, paper light
    assert (np.asarray(prepare_scan(page)) < 170).sum() >= 0.8 * (np.asarray(page) < 200).sum()
    printed = page.copy()
    ImageDraw.Draw(printed).rectangle((100, 100, 145, 106), fill=30)  # print as dark as print is
    for x in range(160, 1100, 60):
        ImageDraw.Draw(printed).rectangle((x, 100, x + 45, 106), fill=30)
    assert darken_faint_ink(printed) is printed


def test_a_page_printed_all_in_violet_keeps_its_text_where_a_stamp_would_be_taken_out() -> None:
    from extraction.ocr import drop_colour_marks

    page = np.full((1000, 800, 3), (225, 228, 245), dtype=np.uint8)  # bluish carbon paper
    for top in range(100, 900, 30):  # lines of violet type: strokes a few pixels wide, close enough to merge
        for left in range(60, 740, 14):
            page[top : top + 14, left : left + 3] = (150, 130, 200)
    grey = np.asarray(drop_colour_marks(Image.fromarray(page, "RGB")))
    assert (grey[100:900] < 170).sum() >= 0.9 * 27 * 49 * 14 * 3  # the text is all there


def test_ocr_clean_up_drops_a_stray_bracket_beside_a_number_but_keeps_brackets_of_prose() -> None:
    assert clean_ocr_text("24)") == "24" and clean_ocr_text("(1,250.00") == "1,250.00"
    assert clean_ocr_text("(VAT") == "(VAT" and clean_ocr_text("SE116095147901)") == "SE116095147901)"
    assert clean_ocr_text("(the") == "(the" and clean_ocr_text("(24.00)") == "(24.00)"


def test_a_code_printed_in_square_brackets_keeps_them_while_a_rule_beside_a_cell_goes() -> None:
    # '[HW-5410] Hydraulic hose': the brackets tell the item's code from its name, as on the born-digital page
    assert clean_ocr_text("[HW-5410]") == "[HW-5410]" and clean_ocr_text("|[KT-9161]") == "[KT-9161]"
    # one side only, or a number between two rules: rules, as before
    assert clean_ocr_text("[EA") == "EA" and clean_ocr_text("74.00]") == "74.00"
    assert clean_ocr_text("[74.00]") == "74.00" and clean_ocr_text("|EA|") == "EA"


def test_a_speck_glued_to_an_amount_or_a_rate_goes_but_prose_and_codes_keep_their_marks() -> None:
    # a photocopy's specks read as a quote, a colon or a comma beside a table's numbers
    assert clean_ocr_text("122,917.50,") == "122,917.50" and clean_ocr_text("2,252.91:") == "2,252.91"
    assert clean_ocr_text("“257,237.65") == "257,237.65" and clean_ocr_text("0%”") == "0%"
    assert clean_ocr_text("25%,") == "25%" and clean_ocr_text("3,90,094.00;") == "3,90,094.00"
    # no cents or no sign: a word of prose or a code, left as read
    assert clean_ocr_text("10,") == "10," and clean_ocr_text("M10,") == "M10," and clean_ocr_text("2.5,") == "2.5,"
    assert clean_ocr_text("4.") == "4."


def test_drop_colour_marks_takes_a_stamp_out_and_keeps_print_coloured_headings_and_fills() -> None:
    from extraction.ocr import drop_colour_marks

    page = np.full((800, 600, 3), 245, dtype=np.uint8)
    page[100:112, 50:300] = (150, 20, 20)  # a dark red heading, one line high
    page[150:190, 50:550] = (20, 40, 120)  # a navy banner (a solid fill)
    page[400:412, 50:550] = (15, 15, 15)  # a row of print crossing the stamp
    blue, under = (79, 103, 189), (23, 47, 133)  # a stamp's ink on paper, and over print (alpha blended)
    for top, left in ((360, 200), (470, 200)):  # the stamp's frame: a hollow box 120 px high
        page[top : top + 8, left : left + 200] = blue
    page[360:478, 200:208] = blue
    page[360:478, 392:400] = blue
    page[400:412, 200:208] = under
    page[400:412, 392:400] = under
    grey = np.asarray(drop_colour_marks(Image.fromarray(page, "RGB")))
    assert grey.shape == (800, 600)
    assert grey[365, 300] > 230 and grey[420, 204] > 230  # the frame is paper now
    assert grey[405, 100] < 40 and grey[405, 204] < 200  # print, also where the stamp lies over it, stays ink
    assert grey[105, 100] < 100 and grey[170, 300] < 100  # the heading and the banner stay dark
    # a greyscale page is only converted
    assert np.array_equal(np.asarray(drop_colour_marks(Image.fromarray(page[:, :, 0], "L"))), page[:, :, 0])


def test_clean_ocr_text_drops_a_speck_after_a_number_but_not_a_days_dot() -> None:
    assert clean_ocr_text("100.") == "100" and clean_ocr_text("1,592.00.") == "1,592.00"
    assert clean_ocr_text("4.") == "4." and clean_ocr_text("12.") == "12."


def test_reread_doubtful_takes_a_code_two_reads_agree_on_and_leaves_lone_digits(
    monkeypatch: pytest.MonkeyPatch,
) -> None:
    from extraction import ocr
    from extraction.document import Word

    page = Image.new("L", (400, 200), 255)
    words = [
        Word("ORS41753", (0.1, 0.1, 0.4, 0.2), 0.64),  # doubtful code
        Word("4711-8", (0.1, 0.3, 0.4, 0.4), 0.5),  # doubtful, the reads disagree
        Word("1", (0.1, 0.5, 0.15, 0.6), 0.3),  # a lone digit: never re-read
        Word("Total", (0.5, 0.5, 0.6, 0.6), 0.4),  # no digit
    ]
    asked: list[int] = []

    def fake(
        image: Image.Image, boxes: list[tuple[int, int, int, int]], **_: object
    ) -> list[list[list[tuple[str, float]]]]:
        asked.append(len(boxes))
        return [[[("OR541753", 0.6)], [("OR541753", 0.83)]], [[("4711-B", 0.7)], [("4711-8", 0.7)]]]

    monkeypatch.setattr(ocr, "read_regions", fake)
    out = ocr.reread_doubtful(page, words)
    assert asked == [2]
    assert [w.text for w in out] == ["OR541753", "4711-8", "1", "Total"]
    assert out[0].bbox == words[0].bbox and out[0].confidence == pytest.approx(0.715)


def _read_as_english(text: str) -> list:
    from extraction.document import Word

    return [Word(word, (0.1, 0.1, 0.2, 0.12), 0.9) for word in text.split()]


# orders as Tesseract's English model reads them (accents, umlauts and ß lost, few function words) and the model
# each should be read again with: German, Spanish, English; Czech and Finnish (blind set 3 scans: their own models
# read 'Novák', 'dnů', 'Järvinen', 'Sähkö', which English reads 'Novak', 'dné', 'Jarvinen', 'Sihké'); Hungarian,
# Turkish and Slovak (Debian `tesseract-ocr-hun`, `-tur`, `-slk`), a Czech page staying Czech beside Slovak
PAGES_READ_AS_ENGLISH = {
    "deu": "Bestellmenge Nettopreis Nettowert SchweiBdraht Dichtungsband selbstklebend Hydraulik6l Lagerbuchse"
    " Messing Sechskantschraube verzinkt Positionssumme Frachtanteil Steueranteil Endsumme Sachbearbeiter",
    "spa": "Orden de compra nacional Razon social proveedor Fecha de elaboracion Condiciones de credito Contado"
    " contra entrega Domicilio de entrega Manguera hidraulica pulgada Aceite hidraulico cubeta Suma parcial",
    "eng": "Purchase order Ship to Bill to Payment terms Net 30 days Quantity Unit price Amount Subtotal Freight"
    " Sales tax Total due Please quote the order number on every invoice and delivery note",
    "ces": "OBJEDNAVKA Novak Elektro Americké Pizef Cislo objednavky Datum vystaveni Vyfizuje Termin dodani Splatnost"
    " dné od vystaveni faktury Dodavatel Odbératel Misto dodani Vitava Strojirna Ceska republika",
    "fin": "Makela Oy Kirkkokatu Oulu Suomi OSTOTILAUS Toimittaja Jarvinen Sihké Oy Tilausnumero Himeenkatu"
    " Paivamaara Tampere Yhteyshenkilé Toivottu toimituspaiva Maksuehto netto Rivi Tuotekoodi Nimike",
    "hun": "MEGRENDELES Szallito Vevo Szallitasi cim Fizetesi feltetelek Atutalas nap Megnevezes Mennyiseg"
    " Egysegar Netto ertek AFA Brutto osszesen Kelt Budapest Rendelesszam Ugyintezo",
    "tur": "SATIN ALMA SIPARISI Tedarikci Alici Teslimat adresi Odeme kosullari Vade gun Urun aciklamasi Miktar"
    " Birim fiyat Tutar Ara toplam KDV Genel toplam Siparis numarasi Istanbul Vergi dairesi",
    "slk": "OBJEDNAVKA Dodavatel Odberatel Miesto dodania Platobne podmienky Splatnost dni odo dna vystavenia"
    " faktury Nazov polozky Mnozstvo Jednotkova cena Spolu bez DPH Celkom na uhradu Bratislava",
}


@pytest.mark.parametrize("language", sorted(PAGES_READ_AS_ENGLISH))
def test_page_language_tells_a_page_from_how_an_english_model_read_it(language: str) -> None:
    pytest.importorskip("py3langid")
    from extraction.ocr import page_language

    assert page_language(_read_as_english(PAGES_READ_AS_ENGLISH[language])) == language


def test_a_page_with_too_little_text_to_tell_reads_as_english() -> None:
    pytest.importorskip("py3langid")
    from extraction.ocr import page_language

    assert page_language(_read_as_english("Total 1,234.00 EUR 19%")) == "eng"


def test_page_language_is_english_without_the_language_identifier(monkeypatch: pytest.MonkeyPatch) -> None:
    from extraction import ocr

    monkeypatch.setattr(ocr, "_identifier", lambda: None)
    assert ocr.page_language(_read_as_english("Bestellmenge Nettopreis Nettowert Dichtungsband " * 5)) == "eng"


def _printed_scan(lines: list[str], font: str = "Helvetica", dpi: int = 200) -> Image.Image:
    """Lines printed on a half page, scanned at ``dpi`` and brought to 200 dpi (how the service reads a page)."""
    buffer = io.BytesIO()
    sheet = canvas.Canvas(buffer, pagesize=(595, 420))
    for i, line in enumerate(lines):
        sheet.setFont(font, 11)
        sheet.drawString(40, 380 - 26 * i, line)
    sheet.save()
    pdf = pdfium.PdfDocument(buffer.getvalue())
    image = pdf[0].render(scale=dpi / 72, grayscale=True).to_pil()
    pdf.close()
    if dpi == 200:
        return image
    return image.resize((round(image.width * 200 / dpi), round(image.height * 200 / dpi)))


def _german_scan() -> Image.Image:
    return _printed_scan(
        [
            "Bestellung an die Firma Müller Schweißtechnik GmbH",
            "Pos. Kurztext Bestellmenge Nettopreis",
            "10 Schweißdraht SG2 1,0 mm 40,000 KG 35,29",
            "20 Hydrauliköl HLP 46 für die Presse 5,000 L 14,19",
            "30 Prüfbericht nach DIN für jede Lieferung 1,000 ST 95,00",
            "Zahlbar innerhalb von 30 Tagen ohne Abzug. Gerichtsstand ist München.",
        ]
    )


@pytest.mark.slow
@pytest.mark.skipif(shutil.which("tesseract") is None, reason="Tesseract is not installed")
def test_a_german_scan_is_read_with_the_german_model_where_it_is_installed(monkeypatch: pytest.MonkeyPatch) -> None:
    pytest.importorskip("py3langid")
    from extraction import ocr

    if "deu" not in ocr.installed_languages():
        pytest.skip("tesseract-ocr-deu is not installed (make system-deps)")
    image = _german_scan()
    texts = {w.text for w in ocr.TesseractEngine().words(image)}
    assert {"Schweißdraht", "Hydrauliköl", "Prüfbericht", "München."} <= texts
    # without the German model the page reads with English, as before: no error, the accents lost
    monkeypatch.setattr(ocr, "installed_languages", lambda: frozenset({"eng"}))
    texts = {w.text for w in ocr.TesseractEngine().words(image)}
    assert "Schweißdraht" not in texts and "Bestellmenge" in texts


def _swedish_scan() -> Image.Image:
    """A Swedish order printed and scanned at 150 dpi, as a cheap scanner sends it."""
    lines = [
        "Inköpsorder 4711 från Sjöholm Maskin AB, Jönköping",
        "Leverantör: Björkvall Verktyg AB, Västerås",
        "Artikel Benämning Antal Pris",
        "39985 Kabelstege 300 mm förzinkad 50 m 628,73",
        "40390 Pallmärkning etiketter 24 rle 1489,03",
        "Betalningsvillkor 30 dagar netto. Kontakt: Lindqvist & Öberg.",
        "Vänligen ange ordernumret på fakturan och på följesedeln.",
        "Leverans sker fritt vårt lager senast den tolfte juni, vardagar mellan sju och fyra.",
    ]
    return _printed_scan(lines, "Times-Roman", dpi=150)


@pytest.mark.slow
@pytest.mark.skipif(shutil.which("tesseract") is None, reason="Tesseract is not installed")
def test_a_page_in_another_language_is_read_with_its_own_model_first() -> None:
    pytest.importorskip("py3langid")
    from extraction import ocr

    if "swe" not in ocr.installed_languages():
        pytest.skip("tesseract-ocr-swe is not installed (make system-deps)")
    texts = {w.text for w in ocr.TesseractEngine().words(_swedish_scan())}
    # with English first, English keeps the words it reads with some doubt: 'Inképsorder', 'fran', 'Bjérkvall'
    assert {"Inköpsorder", "från", "Björkvall", "Öberg."} <= texts
    assert {"39985", "628,73", "1489,03"} <= texts  # the numbers as before


def _whole_reads(monkeypatch: pytest.MonkeyPatch) -> list[str]:
    """The languages of each whole-page read (``--psm 3``) from here on, in order."""
    from extraction import ocr

    reads: list[str] = []
    read = ocr.tesseract_data

    def counted(image: Image.Image, config: str, lang: str = "eng", timeout_s: float = 120.0) -> dict:
        if "--psm 3" in config:
            reads.append(lang)
        return read(image, config, lang, timeout_s)

    monkeypatch.setattr(ocr, "tesseract_data", counted)
    return reads


@pytest.mark.slow
@pytest.mark.skipif(shutil.which("tesseract") is None, reason="Tesseract is not installed")
def test_a_page_in_the_language_its_caller_expects_is_read_whole_once(monkeypatch: pytest.MonkeyPatch) -> None:
    pytest.importorskip("py3langid")
    from extraction import ocr

    if not {"swe", "deu"} <= ocr.installed_languages():
        pytest.skip("tesseract-ocr-swe and -deu are not installed (make system-deps)")
    page, engine = _swedish_scan(), ocr.TesseractEngine()
    reads = _whole_reads(monkeypatch)
    told = engine.words(page)  # English's read tells Swedish, and the page is read again with Swedish's model
    assert reads == ["eng", "swe+eng"]
    reads.clear()
    expected = engine.words(page, "swe")  # the caller expects Swedish: read once with it, the same words
    assert reads == ["swe+eng"]
    assert expected == told
    reads.clear()
    # a wrong guess (German) is read, found to be no German, and the page is read as without it
    assert engine.words(page, "deu") == told
    assert reads == ["deu+eng", "eng", "swe+eng"]
    reads.clear()
    assert engine.words(page, "eng") == told and reads == ["eng", "swe+eng"]  # English: as without it


def test_a_customers_country_tells_the_language_its_pages_are_read_in_where_it_has_one() -> None:
    from extraction.ocr import country_language

    assert country_language("FR") == "fra" and country_language("gn") == "fra"  # Guinea prints French
    assert country_language("RU") == "rus" and country_language("AM") == "hye"
    assert country_language("TD") == "fra"  # French and Arabic: the one read here
    # several languages read here (Belgium, Canada, Switzerland), none, or no country: no language expected
    assert country_language("BE") is None and country_language("CA") is None and country_language("CH") is None
    assert country_language("LY") is None and country_language(None) is None and country_language("ZZ") is None


def test_the_expected_language_reaches_the_ocr_engine_from_the_loaders_limits(monkeypatch: pytest.MonkeyPatch) -> None:
    from extraction import ocr

    asked: list[str | None] = []

    def words(
        self: ocr.TesseractEngine, image: Image.Image, expected: str | None = None, instead: object = None
    ) -> list[Word]:
        asked.append(expected)
        return [Word("Bestellung", (0.1, 0.1, 0.3, 0.14), 0.95), Word("4711", (0.35, 0.1, 0.45, 0.14), 0.95)]

    monkeypatch.setattr(ocr.TesseractEngine, "words", words)
    monkeypatch.setattr(ocr.TesseractEngine, "is_available", lambda self: True)
    buffer = io.BytesIO()
    Image.new("L", (800, 1000), 255).save(buffer, format="PNG")
    document = load_document(buffer.getvalue(), "scan.png", Limits(language="deu"))
    assert asked == ["deu"] and [w.text for w in document.pages[0].words] == ["Bestellung", "4711"]
    load_document(buffer.getvalue(), "scan.png")
    assert asked == ["deu", None]


@pytest.mark.skipif(shutil.which("tesseract") is None, reason="Tesseract is not installed")
def test_crops_that_would_make_a_sheet_taller_than_tesseract_reads_go_on_more_sheets(
    monkeypatch: pytest.MonkeyPatch,
) -> None:
    from extraction import ocr

    page = _printed_scan(["Harbour 4711", "Cable 105.00", "Payment 2.10"])
    words = ocr.words_from_data(ocr.tesseract_data(page, "--psm 6 --oem 1"), *page.size)
    boxes = [ocr.word_crop(w, page.size) for w in words if w.text in {"Harbour", "4711", "105.00", "Payment"}]
    tall = max(b[3] - b[1] for b in boxes)
    sheets: list[int] = []
    read = ocr.tesseract_data

    def measured(image: Image.Image, config: str, lang: str = "eng", timeout_s: float = 120.0) -> dict:
        sheets.append(image.height)
        return read(image, config, lang, timeout_s)

    monkeypatch.setattr(ocr, "tesseract_data", measured)
    monkeypatch.setattr(ocr, "SHEET_MAX", 2 * (2 * tall + 40) + 40)  # two crops at twice their size a sheet
    readings = ocr.read_regions(page, boxes)
    assert len(sheets) == 2 and max(sheets) <= ocr.SHEET_MAX
    assert [crop[0][0] for (crop,) in readings] == ["Harbour", "4711", "105.00", "Payment"]  # each back in its place


@pytest.mark.slow
@pytest.mark.skipif(shutil.which("tesseract") is None, reason="Tesseract is not installed")
def test_a_page_fed_upside_down_is_read_turned_round() -> None:
    from extraction.loading import read_scan

    lines = [
        "Purchase Order 4711 from Harbour Tools Limited",
        "Item Description Quantity Price Amount",
        "1 Hex bolt M8 x 40 zinc plated 200 0.35 70.00",
        "2 Cable ties black 300 mm 50 2.10 105.00",
        "Payment within thirty days of the invoice date.",
    ]
    upright = _printed_scan(lines)
    image, words = read_scan(upright.rotate(180))[:2]
    texts = {w.text for w in words}
    assert {"Purchase", "Harbour", "Description", "Payment", "105.00"} <= texts
    # the words' boxes are fractions of the image returned: the page turned round, title at the top
    title = next(w for w in words if w.text == "Purchase")
    assert title.bbox[1] < 0.2 and image.size == upright.size
    # an upright page is read once, as before
    again = read_scan(upright).words
    assert {"Purchase", "Harbour", "105.00"} <= {w.text for w in again}


def test_a_poor_page_read_turned_round_is_read_again_only_where_the_turned_reading_is_kept(
    monkeypatch: pytest.MonkeyPatch,
) -> None:
    from extraction import loading, ocr

    page = Image.new("L", (400, 300), 255)
    page.paste(0, (40, 40, 140, 60))  # ink at the top: which way up the page is read
    unsure = [Word(f"word{i}", (0.1, 0.05 * i, 0.3, 0.05 * i + 0.04), 0.5) for i in range(10)]
    sure = [Word(f"word{i}", (0.1, 0.05 * i, 0.3, 0.05 * i + 0.04), 0.95) for i in range(10)]
    finished: list[str] = []

    def way(image: Image.Image) -> str:
        return "upright" if np.asarray(image)[:150].min() < 128 else "turned"

    def first_reading(self: ocr.TesseractEngine, image: Image.Image) -> list[Word]:
        return sure if upside_down and way(image) == "turned" else unsure

    def finish(self: ocr.TesseractEngine, image: Image.Image, words: list[Word]) -> list[Word]:
        finished.append(way(image))
        return words

    monkeypatch.setattr(ocr.TesseractEngine, "first_reading", first_reading)
    monkeypatch.setattr(ocr.TesseractEngine, "finish", finish)
    monkeypatch.setattr(loading, "second_reader", lambda: None)
    # a poor page (a soft fax) reads no better turned round: the turned reading is one whole read, not finished
    upside_down = False
    reading = loading.read_scan(page, level=False, flatten=False)
    assert reading.rotation == 0 and finished == ["upright"]
    # a page fed upside down: its turned reading is kept, and finished
    upside_down, finished = True, []
    reading = loading.read_scan(page, level=False, flatten=False)
    assert reading.rotation == 180 and finished == ["upright", "turned"]


def _faxed(image: Image.Image, cut: int = 150) -> Image.Image:
    """A standard-resolution fax of a page: half the rows, each sent twice, one bit a pixel."""
    squashed = image.resize((image.width, image.height // 2), Image.Resampling.BOX)
    return squashed.resize(image.size, Image.Resampling.NEAREST).point(lambda v: 255 if v > cut else 0)


def test_a_bilevel_page_is_softened_before_reading_and_a_grey_one_is_not() -> None:
    from extraction.ocr import is_bilevel

    page = _printed_scan(["Purchase Order 4711 from Harbour Tools Limited", "Cable ties 300 mm 50 2.10 105.00"])
    fax = _faxed(page)
    assert is_bilevel(fax) and not is_bilevel(page)
    prepared = np.asarray(prepare_scan(fax, level=False, flatten=False))
    assert ((prepared > 40) & (prepared < 215)).mean() > 0.005  # grey edges along the strokes
    assert np.array_equal(np.asarray(prepare_scan(page, level=False, flatten=False)), np.asarray(page))


def test_two_numbers_set_without_a_space_are_two_words() -> None:
    # a right-aligned quantity against a long amount: a hair apart, or the amount's first digit over its last
    buffer = io.BytesIO()
    pdf = canvas.Canvas(buffer, pagesize=(595, 842))
    pdf.setFont("Helvetica", 8)
    pdf.drawRightString(490.8, 700, "120")
    pdf.drawString(491.7, 700, "44,224,891.20")
    pdf.drawRightString(487.6, 680, "500")
    pdf.drawString(486.6, 680, "161,283,250.00")
    pdf.drawString(100, 660, "1,201,627.20")
    pdf.save()
    texts = [w.text for w in load_document(buffer.getvalue(), "po.pdf").pages[0].words]
    assert texts == ["120", "44,224,891.20", "500", "161,283,250.00", "1,201,627.20"]


def test_box_drawing_is_neither_readable_nor_garbled_text() -> None:
    # a DOS-style print: rules of box-drawing characters and '=' must not send a good text layer to OCR
    box = (0.0, 0.0, 1.0, 1.0)
    words = [Word(t, box) for t in ["=" * 80, "ORDER", "No", "94271", "┌" + "─" * 60 + "┐", "│", "Cement", "│", "100"]]
    assert _usable_text(words, 20)
    assert not _usable_text([Word("\ufffd" * 30, box)], 20)


def _revised_order_pdf() -> bytes:
    """A ruled table of a revised order: row 2's superseded quantity '21' struck through beside the new '20', row 3
    cancelled (struck whole, 'ANNULE' set under it in its cell), an underlined caption that stays."""
    buffer = io.BytesIO()
    pdf = canvas.Canvas(buffer, pagesize=(595, 842))
    pdf.setFont("Helvetica", 8)
    pdf.drawString(42, 760, "Purchase order revision 2: replaced values struck through")
    pdf.drawString(42, 740, "Reference")
    pdf.line(42, 738, 80, 738)  # an underline at the caption's foot
    pdf.setLineWidth(0.5)
    rows = [["10-100", "Copy paper A4", "12", "96 619"], ["20-200", "Motor oil", "21", "20", "4 578"]]
    rows += [["30-300", "Steel wire", "5", "65 613"], ["40-400", "PVC pipe", "60", "61 239"]]
    y = 700.0
    for row in rows:
        pdf.line(42, y + 11, 554, y + 11)  # the rule above the row
        x = 45.0
        for text in row:
            pdf.drawString(x, y, text)
            x += pdf.stringWidth(text, "Helvetica", 8) + 12
        if row[0] == "20-200":  # the old quantity struck through: a thin filled bar through the word's middle
            start = 45 + sum(pdf.stringWidth(t, "Helvetica", 8) + 12 for t in row[:2])
            pdf.rect(start, y + 2.2, pdf.stringWidth("21", "Helvetica", 8), 1.2, stroke=0, fill=1)
        if row[0] == "30-300":  # cancelled: struck across, a small note under it inside the row's cell
            pdf.rect(42, y + 2.2, 512, 1.2, stroke=0, fill=1)
            pdf.setFont("Helvetica", 6.5)
            pdf.drawString(150, y - 8, "ANNULE")
            pdf.setFont("Helvetica", 8)
            y -= 7
        y -= 14.5
    pdf.line(42, y + 11, 554, y + 11)
    pdf.showPage()
    pdf.save()
    return buffer.getvalue()


def test_struck_through_words_and_a_row_struck_whole_are_left_out_of_the_text_layer() -> None:
    page = load_document(_revised_order_pdf(), "revised.pdf").pages[0]
    lines = [line.text for line in group_lines(page.words)]
    assert "Reference" in lines  # underlined, not struck
    assert "20-200 Motor oil 20 4 578" in lines  # the new value only
    assert not any("Steel wire" in line or "ANNULE" in line for line in lines)
    assert "40-400 PVC pipe 60 61 239" in lines
