"""Parties: names in 'Vendor:' / 'Bill To:' blocks, tax ids inside them, the issuer's letterhead."""

from __future__ import annotations

import re

from extraction.companies import LEGAL_FORM, names_a_company
from extraction.document import Word
from extraction.heuristic.parts import (
    Candidate,
    PageView,
    _phrase_text_words,
    read_tax_id,
    value_above_caption,
)
from extraction.heuristic.vocabulary import (
    _PARTY_LABEL_RES,
    DOCUMENT_TITLE,
    MONOGRAM,
    PARTY_CAPTION_WORDS,
    TAX_ID_LABEL,
)
from extraction.layout import Line, captions_over_values
from extraction.normalize import (
    is_valid_tax_id,
)
from extraction.rolecaptions import BUYER, VENDOR, caption_role
from extraction.taxids import caption_modules


class PartyFields:
    # ---- parties ------------------------------------------------------------------------------

    def _party_candidates(self, views: list[PageView]) -> list[Candidate]:
        """Names under (or right of) 'Vendor:' / 'Bill To:' labels, and the tax ids inside those blocks."""
        out: list[Candidate] = []
        for view in views[:2]:
            blocks: list[tuple[str, float, float, float]] = []  # name, x0, top, score
            for index, phrases in enumerate(view.phrases):
                for p_index, phrase in enumerate(phrases):
                    found = self._party_label(phrase.text)
                    if found is None and view.page.source == "ocr":
                        found = misread_caption(phrase.text)
                    if found is None:
                        continue
                    name, score, label_end = found
                    rest = phrase.text[label_end:].strip()
                    inline = True
                    block_top = phrase.bbox[1]
                    over = None if rest else value_above_caption(view, index, phrase)
                    if over is not None:  # the caption printed under its party's block: the block's first line
                        first = _block_top(view, index - 1, over)
                        words, factor, inline, block_top = list(first.words), 0.9, False, first.top
                    elif rest:
                        words, factor = _name_before_address(_phrase_text_words(phrase, label_end)), 0.95
                    else:
                        right = phrases[p_index + 1] if p_index + 1 < len(phrases) else None
                        below = _grid_value(view, index, phrase) or self._phrase_below(view, index, phrase)
                        if (
                            right is not None
                            and right.words[0].bbox[0] - phrase.bbox[2] < 0.2
                            and not (self._party_label(right.text) or right.text.rstrip().endswith(":"))
                            and not _caption_row(view, index, phrase, right)
                        ):
                            words, factor = right.words, 0.9
                        elif below is not None and not self._party_label(below.text):
                            words, factor, inline = list(below.words), 0.9, False
                            words += self._legal_form_below(view, below)
                        else:
                            continue
                    raw = " ".join(w.text for w in words).strip(" ,;")
                    if len(raw) < 2 or not re.search(r"[A-Za-z]{2}", raw) or raw.endswith(":"):
                        continue
                    if re.match(r"[A-Za-z][\w .]{0,25}:\s", raw):
                        continue  # 'Terms: FCA' is the next label, not a name
                    if not LEGAL_FORM.search(raw):
                        # 'Buyer: Claire Martin' in a key-value header names a person, not the company
                        factor *= 0.75 if inline else 0.92
                    line = view.lines[index]
                    order = (view.page.number, line.top)
                    out.append(Candidate(name, raw, words, view.page.number, score * factor, raw, order))
                    blocks.append((name, phrase.bbox[0], block_top, score))
            out += self._assign_tax_ids(view, blocks)
        return out

    @staticmethod
    def _phrase_below(view: PageView, line_index: int, label: Line) -> Line | None:
        x0, x1 = label.bbox[0], label.bbox[2]
        for phrases in view.phrases[line_index + 1 : line_index + 3]:
            for phrase in phrases:
                px0, px1 = phrase.bbox[0], phrase.bbox[2]
                if px0 < x1 + 0.02 and px1 > x0 - 0.02:
                    return phrase
        return None

    @staticmethod
    def _unwrapped_name(view: PageView, phrase: Line) -> Line:
        """A name wrapped before its legal form ('Fairbanks Pharma' / 'GmbH & Co. KG'): both lines, when they are
        in the same print, one under the other, and only the second holds the legal form."""
        if LEGAL_FORM.search(phrase.text.rstrip(" ,.")):
            return phrase
        left, bottom, height = phrase.bbox[0], phrase.bottom, phrase.height  # once, not per phrase of the page
        for phrases in view.phrases:
            for below in phrases:
                box = below.bbox
                aligned = abs(box[0] - left) < 0.01
                same_print = abs((box[3] - box[1]) - height) <= 0.08 * height
                if aligned and same_print and 0 <= box[1] - bottom < 0.6 * height:
                    if LEGAL_FORM.search(below.text.rstrip(" ,.")) and not re.search(r"\d", below.text):
                        return Line(phrase.words + below.words)
                    return phrase
        return phrase

    @staticmethod
    def _legal_form_below(view: PageView, phrase: Line) -> list[Word]:
        """A company name wrapped before its legal form in a narrow block ('... Facilities' / 'S.r.l.', 'VAL SERIANA'
        / 'FORNITURE' / 'INDUSTRIALI S.A.S.'): the words of the lines under it, in its print, up to the one that
        ends in the form (two at most); none where no such line follows."""
        if LEGAL_FORM.search(phrase.text.rstrip(" ,.")):
            return []
        words: list[Word] = []
        last = phrase
        for _ in range(2):
            below = next(
                (
                    b
                    for phrases in view.phrases
                    for b in phrases
                    if 0 <= b.top - last.bottom < 0.8 * last.height and abs(b.bbox[0] - phrase.bbox[0]) < 0.01
                ),
                None,
            )
            if below is None or len(below.words) > 3 or re.search(r"[\d:@]", below.text):
                return []
            if abs(below.height - phrase.height) > 0.08 * phrase.height:
                return []  # another print: the block's next line, not the name's
            words += below.words
            if LEGAL_FORM.search(below.text.strip().rstrip(",;")):
                return words
            last = below
        return []

    @staticmethod
    def _party_label(text: str) -> tuple[str, float, int] | None:
        """(field, score, end of label) when a phrase is a party label: alone, or before a colon and the name; a
        caption printed in two languages joined by a slash or bar ('Proveedor / Supplier:') where either half is
        one and the other names no other party."""
        found = _one_party_label(text)
        cut = re.search(r"\s*[/|]\s*", text)
        if found is not None or cut is None:
            return found
        first, second = text[: cut.start()], text[cut.end() :]
        if not first.strip() or not second.strip():
            return None
        one = _one_party_label(first)
        two = _one_party_label(second)
        if one is not None and one[2] < len(first.rstrip()):
            one = None  # the first half must be a caption alone
        caption = r"[^\W\d_][^\d:/|]{0,40}?"  # a few words of the other language, no digits
        if one is not None and two is None:
            plain = re.match(rf"({caption})(?:\s*:|\s*$)", second)
            if plain is None or len(plain.group(1).split()) > 4 or _NUMBER_WORD.search(plain.group(1)):
                return None  # a value, or the party's number ('Kunde / Customer No.')
            return one[0], one[1], cut.end() + plain.end()
        if two is not None and (one is None or one[0] == two[0]):
            if one is None and not (re.fullmatch(caption, first.strip()) and len(first.split()) <= 4):
                return None
            return two[0], max(two[1], one[1] if one else 0.0), cut.end() + two[2]
        return None

    def _assign_tax_ids(self, view: PageView, blocks: list[tuple[str, float, float, float]]) -> list[Candidate]:
        out = []
        for index, phrases in enumerate(view.phrases):
            for p_index, phrase in enumerate(phrases):
                match = tax_id_caption(phrase.text)
                if not match:
                    continue
                start, end = match
                after = _phrase_text_words(phrase, end)
                over = None if after else value_above_caption(view, index, phrase)
                if over is not None:
                    after = over.words  # the caption in small print under its value
                elif not after and p_index + 1 < len(phrases):
                    after = phrases[p_index + 1].words  # the caption ends its phrase: the value right of it
                tax_id = read_tax_id(after)
                if not tax_id:
                    continue
                value, words = tax_id
                x0, top = phrase.bbox[0], phrase.bbox[1]
                # the caption names its party ('Supplier GST No.'), else the nearest block label above in its column
                prefix = phrase.text[:start].split()  # '10 Vendor TIN': a row's number before it
                named = next((n for k in range(len(prefix)) if (n := self._party_label(" ".join(prefix[k:])))), None)
                if named is None:
                    named = _possessive_party(prefix)  # 'Contractor's tax id', 'Lieferanten-USt-Id'
                owner, score = (named[0], 1.0) if named is not None else (None, 0.0)
                for name, bx0, btop, _ in blocks if named is None else []:
                    if abs(bx0 - x0) < 0.05 and 0 <= top - btop < 0.15 and (owner is None or btop > score):
                        owner, score = name, btop
                # outside any block, a tax id belongs to the issuer (on a PO: the buyer's letterhead/footer)
                party = {"vendor_name": "vendor_tax_id", "buyer_name": "buyer_tax_id"}.get(owner or "", "buyer_tax_id")
                confidence = (0.9 if owner else 0.55) * (1.0 if is_valid_tax_id(value) else 0.7)
                line = view.lines[index]
                out.append(
                    Candidate(
                        party,
                        value,
                        words,
                        view.page.number,
                        confidence,
                        " ".join(w.text for w in words),
                        (view.page.number, line.top),
                    )
                )
        return out

    def _letterhead(self, views: list[PageView]) -> Candidate | None:
        """The issuer's name at the top of page 1 (biggest text that is not the title): on a PO, the buyer.

        It counts for more when it reads like a company (legal form) or the footer repeats it.
        """
        if not views:
            return None
        view = views[0]
        footer = " ".join(line.text for line in view.lines if line.top > 0.85).lower()
        # the letterhead stands above the party blocks ('Supplier' / 'Ship to')
        first_party = min(
            (line.top for line, phrases in zip(view.lines, view.phrases, strict=True)
             if any(self._party_label(p.text) for p in phrases)),
            default=0.2,
        )  # fmt: skip
        heights = sorted(w.bbox[3] - w.bbox[1] for w in view.page.words)
        body = heights[len(heights) // 2] if heights else 0.0  # the page's running text
        best: tuple[float, Line] | None = None
        for index, phrases in enumerate(view.phrases[:10]):
            for phrase in phrases:
                if phrase.top >= min(0.2, first_party):
                    continue
                phrase = self._unwrapped_name(view, phrase)
                if any(ch.isdigit() for ch in phrase.text):  # 'ACME Ltd Order No. 123' on one line: the name part
                    ends = [i for i, w in enumerate(phrase.words) if LEGAL_FORM.fullmatch(w.text)]
                    if not ends:
                        continue
                    phrase = Line(phrase.words[: ends[0] + 1])
                text = phrase.text.strip()
                title = (
                    r"^(?:purchase\s+order|order|p\.?\s?o\.?|contract|agreement|invoice|page|bestellung|confidential)\b"
                )
                if phrase.top > 0.2 or re.search(title, text, re.I) or text.endswith(":"):
                    continue
                if DOCUMENT_TITLE.search(text) and not names_a_company(text):
                    continue  # the document's title in its language ('Bon de commande / Order', 'Beställning')
                if sum(1 for w in phrase.words if w.text[:1].islower() and len(w.text) >= 3) >= 2:
                    continue  # a sentence's words (a clause of a contract set in two columns), not a name
                if _salutation(view, index, phrase):
                    continue  # 'Dear Claude,' over the letter's first sentence: whom it is written to
                if phrase.height < 1.15 * body and not names_a_company(text) and text.lower() not in footer:
                    continue  # in the running text's size a name without its legal form is a phrase of the body
                if not re.search(r"[^\W\d_]{2}", text) or any(ch.isdigit() for ch in text) or "@" in text:
                    continue  # letters of any script ('Πανεπιστήμιο Θεσσαλίας'), no number nor address
                if not re.search(r"[A-Za-z]{2}", text) and text.upper() == text:
                    continue  # in a script whose titles no word list here knows, capitals alone set a title
                    # ('ДОГОВІР ПРО НАДАННЯ ПОСЛУГ'), as a script without case tells none from a name
                if not any(ch.isalpha() and not ch.islower() for ch in text) or len(text) < 4:
                    continue  # a name starts with a capital (or a letter of a script without case); lower-case
                    # scraps are OCR noise from a logo
                # a phrase that reads like a company beats a bigger one that does not (a title in any language)
                # the print's size, not the height of a name read over two lines
                print_size = max(w.bbox[3] - w.bbox[1] for w in phrase.words)
                # so does one heading a block of address lines (a title stands alone, whatever its words)
                named = names_a_company(text) or _heads_address_block(view, index, phrase)
                size = print_size * (1.7 if named else 1.0) - index * 1e-4
                if best is None or size > best[0]:
                    best = (size, phrase)
        if best is None:
            return None
        words = best[1].words
        while len(words) > 2 and MONOGRAM.fullmatch(words[0].text) and not LEGAL_FORM.fullmatch(words[0].text):
            words = words[1:]  # monogram letters of a logo read into the name ('& Novak Manufacturing GmbH')
        phrase = Line(words)
        text = phrase.text.strip(" ,;")
        corroborated = names_a_company(text) or (len(text) > 4 and text.lower() in footer)
        return Candidate("buyer_name", text, phrase.words, view.page.number, 0.7 if corroborated else 0.45, text)


def _grid_value(view: PageView, index: int, label: Line) -> Line | None:
    """A section title over a key/value grid (a portal's 'Supplier' over 'Name | Acme GmbH', 'VAT | DE...'): the
    party's name is the value cell of the grid's first row, right of its caption cell (or where that cell is empty,
    the row's first phrase, right of the title's column). A grid shows by its columns: the next row starts a
    caption (letters only) where the first row's caption starts and a value where its value starts. None where the
    lines under the title are no such grid (a block: the name, its address lines)."""
    rows = [(at, view.phrases[at]) for at in range(index + 1, min(index + 3, len(view.phrases)))]
    if len(rows) < 2 or not rows[0][1] or not rows[1][1]:
        return None
    (first, cells), (_, after) = rows
    if view.lines[first].top - label.bottom > 1.5 * label.height:
        return None
    slack = 1.5 * view.char_width

    def starts(line: list[Line], x: float) -> Line | None:
        return next((cell for cell in line if abs(cell.bbox[0] - x) < slack), None)

    def caption(cell: Line | None) -> bool:
        # a caption's cell: a few words, no digits, no company's legal form (a block's wrapped name)
        text = cell.text if cell is not None else "0"
        return len(text.split()) <= 3 and not re.search(r"\d", text) and not LEGAL_FORM.search(text)

    if label.bbox[2] < cells[0].bbox[0] < label.bbox[0] + 0.2:  # the row's caption cell empty: its value alone
        value, key = cells[0], label
    elif len(cells) >= 2 and caption(cells[0]) and cells[1].bbox[0] - cells[0].bbox[0] < 0.2:
        value, key = cells[1], cells[0]
    else:
        return None
    # the next row: a caption under the caption column, a value (no caption: two grids of captions over values
    # side by side print captions in both columns) under the value column
    under = starts(after, value.bbox[0])
    if under is None or caption(under) or not caption(starts(after, key.bbox[0])):
        return None
    return value


def _heads_address_block(view: PageView, index: int, phrase: Line) -> bool:
    """Whether a phrase heads a block: the next two lines close under it start where it starts, in smaller print,
    name no company, and one holds a digit (a street's number, a postcode)."""
    slack = 1.5 * view.char_width
    last, digits = phrase, False
    for phrases in view.phrases[index + 1 : index + 3]:
        under = next((p for p in phrases if abs(p.bbox[0] - phrase.bbox[0]) < slack), None)
        if under is None or under.top - last.bottom > 0.8 * last.height or under.height > phrase.height:
            return False
        if names_a_company(under.text):
            return False  # a group's banner over the company's own name: the name is that one
        digits = digits or any(ch.isdigit() for ch in under.text)
        last = under
    return digits


def _block_top(view: PageView, index: int, line: Line) -> Line:
    """The first line of the block ``line`` (on line ``index``) ends: the phrases stacked close above it, starting
    where it starts (a name over its address lines), up to a gap wider than a line's height."""
    slack = 1.5 * view.char_width
    top = line
    for phrases in reversed(view.phrases[max(0, index - 6) : index]):
        above = next((p for p in phrases if abs(p.bbox[0] - top.bbox[0]) < slack), None)
        if above is None or top.top - above.bottom > 0.8 * max(top.height, above.height):
            break
        top = above
    return top


def _possessive_party(words: list[str]) -> tuple[str, float, int] | None:
    """The party a tax id's caption names in the possessive or a compound's first part ('Contractor's tax id',
    'Client's VAT', 'Lieferanten-USt-Id'): the words before the id's own caption read as a block's caption, by
    meaning (``rolecaptions``: a declension or possessive of a role's word in many languages); (field, score, 0)
    as ``_party_label``, None where they name no party."""
    for k in range(len(words)):
        role = caption_role(" ".join(words[k:]))
        if role in (BUYER, VENDOR):
            return f"{role}_name", 1.0, 0
    return None


def _caption_row(view: PageView, index: int, label: Line, right: Line) -> bool:
    """Whether a label without a colon and the phrase right of it are two cells of a row of captions, each over its
    value: the next line, close under them, starts a phrase under each ('Supplier' beside 'Date', the name under one
    and '03.01.2027' under the other). The phrase right of the label is then the next caption, not the party."""
    if label.text.rstrip().endswith(":") or index + 1 >= len(view.lines):
        return False  # 'Supplier: Acme Ltd' over 'Address: ...' is a caption and its value beside it
    starts = [p.bbox[0] for p in view.phrases[index + 1]]
    cells = [label.bbox[0], right.bbox[0]]
    # OCR boxes fit the letters: a caption without descenders stands farther above its value than the line's height
    height = max(label.height, view.lines[index].height, view.lines[index + 1].height)
    if not captions_over_values(cells, label.bottom, height, view.lines[index + 1].top, starts, view.char_width):
        return False
    # one row of a grid of captions each with its value beside it ('Order Date 23-Sep-2025' over 'Buyer J. Novotna'
    # over 'Due Date 31-Oct-2025'): the line close above starts under the same cells too, and what stands under
    # the label is no company (the next row's caption)
    under = next((p for p in view.phrases[index + 1] if abs(p.bbox[0] - label.bbox[0]) < 1.5 * view.char_width), None)
    if index and under is not None and not LEGAL_FORM.search(under.text):
        above = view.lines[index - 1]
        starts = [p.bbox[0] for p in view.phrases[index - 1]]
        if captions_over_values(cells, above.bottom, above.height, label.top, starts, view.char_width):
            return False
    return True


def _name_before_address(words: list[Word]) -> list[Word]:
    """A name and its address on one line after a caption ('Dostawca: Acme SP. K., ul. Krakowska 4, ...'): the
    words up to the legal form its comma closes."""
    for k, word in enumerate(words[:-1]):
        if word.text.endswith(",") and LEGAL_FORM.search(" ".join(w.text for w in words[: k + 1]).rstrip(",")):
            return [*words[:k], Word(word.text.rstrip(","), word.bbox, word.confidence)]
    return words


def tax_id_caption(text: str) -> tuple[int, int] | None:
    """Where a tax id's caption starts and ends in a phrase: a caption the label table knows, else the name of a
    company tax or register number python-stdnum knows before a colon ('RFC:', 'Org.nr.:', 'NIP:', 'P. IVA:',
    ``taxids.caption_modules``)."""
    match = TAX_ID_LABEL.search(text)
    if match:
        return match.start(), match.end()
    named = re.match(r"\s*([^\W\d_][\w.\- ]{0,15}?)\s*:", text)
    if named and caption_modules(named.group(1)):
        return named.start(1), named.end()
    return None


_NUMBER_WORD = re.compile(r"(?:^|\s)(?:n[°º]\.?|no\.?|nr\.?|#|number|id|code|ref\.?)$", re.IGNORECASE)


def _one_party_label(text: str) -> tuple[str, float, int] | None:
    for name, patterns in _PARTY_LABEL_RES.items():
        for pattern, score in patterns:
            match = pattern.match(text)
            if not match:
                continue
            rest = text[match.end() :].strip()
            if rest and not match.group(0).rstrip().endswith(":"):
                continue  # 'To be delivered ...', 'Customer service' : prose, not a label
            return name, score, match.end()
    return None


# letters OCR reads for others on a scan (a caption's letter: what it is read as): 'ø' lost ('Leverandor'), 'a'
# as 'e' ('Leverentor'), 'i' as 'l' ('Suppller'); not the endings a word takes ('Forniture' is no 'Fornitore')
_SLIPS = {"ø": "oe0", "i": "l1j", "l": "i1", "e": "ca", "a": "eo", "o": "0a", "c": "e"}


def misread_caption(text: str) -> tuple[str, float, int] | None:
    """A caption of one long word alone that a scan read with one letter wrong ('Leverandor', 'Leverentor') or
    without its accent, by a slip OCR makes, where the caption it is nearest names one role only; (field, score,
    end) as ``_party_label``."""
    word = text.rstrip(" :").lower()
    if len(word) < 8 or not word.isalpha():
        return None
    near = {(name, score) for caption, name, score in PARTY_CAPTION_WORDS if _one_slip(caption, word)}
    return (*near.pop(), len(text)) if len(near) == 1 else None


def _one_slip(caption: str, word: str) -> bool:
    if len(caption) != len(word):
        return False
    slips = [(a, b) for a, b in zip(caption, word, strict=True) if a != b]
    return not slips or len(slips) == 1 and slips[0][1] in _SLIPS.get(slips[0][0], "")


def in_company_block(view: PageView, phrase: Line) -> bool:
    """Whether a phrase stands in a company's block: the lines stacked close under a name with a legal form,
    aligned with them on the left, or with what ends its line on the right (a letterhead's address, a party's
    block). A number printed there is the company's registration or account number, not the document's."""
    index = next((i for i, line in enumerate(view.lines) if phrase.words[0] in line.words), None)
    if index is None:
        return False
    slack = 1.5 * view.char_width
    left, top, height = phrase.bbox[0], phrase.top, phrase.height
    right = max(p.bbox[2] for p in view.phrases[index] if p.bbox[0] >= left - slack)
    for phrases in reversed(view.phrases[max(0, index - 6) : index]):
        above = next((p for p in phrases if abs(p.bbox[0] - left) < slack or abs(p.bbox[2] - right) < slack), None)
        if above is None:
            continue  # a line of another column beside the block
        if top - above.bottom > 1.5 * max(height, above.height):
            return False  # a gap: the phrase starts a block of its own
        if LEGAL_FORM.search(above.text.strip(" ,;")):
            return True
        left, right, top, height = above.bbox[0], above.bbox[2], above.top, above.height
    return False


def _salutation(view: PageView, index: int, phrase: Line) -> bool:
    """Whether a phrase is a letter's salutation: alone on its line, ending in a comma, over a line of running text
    (three words or more in small letters: a sentence), in any language ('Dear Claude,', 'Léif Claude,')."""
    if len(view.phrases[index]) != 1 or not phrase.text.rstrip().endswith(",") or index + 1 >= len(view.lines):
        return False
    below = view.lines[index + 1].words
    return sum(1 for w in below if w.text[:1].islower() and len(w.text) >= 2) >= 3
