"""Who is who on an order, read from the page's structure and its blocks' captions: ``read_roles``.

The companies an order names are found by their legal form wherever they stand (the letterhead, an address
block, a one-line address after a caption, the footer). The letterhead's company issues the document; the footer
and the tax id printed in it are the issuer's. On a buyer's order the issuer is the buyer and the addressee the
vendor; on a vendor's own form (an order taken down by the supplier) the customer named in the address block is
named a second time where the goods go, so a company other than the issuer printed twice in the body is the buyer;
on a supplier's offer its customer signed as the order (a quotation, a pro forma), the order's number is written
only in the acceptance box under the totals, so the issuer is the vendor and the addressee the buyer.
Tax ids are found by shape and check digits and belong to the company named before them on their line, else to
the one whose block they stand in, else (a footer) to the issuer.

A block's caption, where it names a role (``rolecaptions``: bill to, customer, supplier, in many languages), says
more than the structure: the company under a buyer's caption is the buyer and, where no other caption names the
vendor, the letterhead's company the vendor (an order confirmation on the supplier's letterhead bills its
customer), and the other way round; a ship-to's or a contact's caption makes a company neither.

What the extractor read stays where it is a company the page names in that role. A party value that is no
company of the page (a caption, a stray word, a fragment of a name), that repeats the other party, or that the
structure shows swapped, gives way; so does a tax id that fails its check digits or is the other party's.
"""

from __future__ import annotations

import re
from dataclasses import dataclass, field, replace
from difflib import SequenceMatcher
from functools import lru_cache

from extraction.agreements import is_prose
from extraction.checks import recheck_required
from extraction.companies import (
    LEGAL_FORM,
    bare_legal_form,
    leading_form,
    quoted_form_end,
    quoted_name_end,
    trailing_form,
)
from extraction.document import BBox, Document, Page, Word, union_bbox
from extraction.layout import (
    Line,
    SameWords,
    captions_over_values,
    group_lines,
    split_phrases,
    typical_char_width,
)
from extraction.normalize import is_valid_tax_id, iso_codes
from extraction.result import Extraction, FieldValue
from extraction.rolecaptions import BUYER, OTHER, PAYEE, PAYER, VENDOR, caption_phrasing, caption_role, plain
from extraction.taxids import caption_over, line_above, misread_tax_id, weighed_tax_ids

CONFIDENCE = 0.6  # a party placed by structure alone: shown for review
DOUBT = 0.3  # below this confidence a party value that names no company of the page is replaced
LETTERHEAD = 0.16  # a company named this high on page 1 heads the document
FOOTER = 0.88  # below this, a line is the page's footer
BLOCK = 0.12  # how far below its company's name (page heights) a tax id still stands in the same block
RIGHT = 0.01  # two lines of a block set flush right end this close (page widths)
SAME = 0.85  # similarity of two printed names of one company (OCR misreads letters)
OWN_WORDS = 0.6  # similarity of the words of two such printings the other does not print
MAX_WORDS = 8
QUALIFIER = re.compile(r"\([^\W\d_A-Z]{2,5}\)")  # a legal form's qualifier in brackets, small letters: '(publ)'
SEPARATOR = re.compile(r"^[·•|\-–—:]$")  # between the parts of a one-line address ('Name · Street · Town')
ROLES = ("buyer", "vendor")
CAPTION_GAP = 2.5  # line heights between a block's caption and the name under it
TITLE_SIZE = 1.3  # a title's letters are at least this much taller than the body text's


@dataclass(slots=True)
class Mention:
    name: str
    words: list[Word]
    page: int
    top: float
    footer: bool

    @property
    def bbox(self) -> BBox:
        box = union_bbox([w.bbox for w in self.words])
        assert box is not None
        return box


@dataclass(slots=True)
class Company:
    mentions: list[Mention] = field(default_factory=list)
    tax_ids: list[tuple[str, Word, int]] = field(default_factory=list)  # value, printed word, page
    shaped: set[str] = field(default_factory=set)  # those of its ids that only their caption's shape tells

    @property
    def name(self) -> str:
        """The clearest printing: on an OCR'd page the one read with most confidence, the first of equals."""
        best = max(self.mentions, key=lambda m: (min(w.confidence for w in m.words), -m.top))
        return best.name

    @property
    def body(self) -> list[Mention]:
        return [m for m in self.mentions if not m.footer]


def key(name: str) -> str:
    """A name's letters and digits in small letters, of any script ('Свислочь Продукт ОАО' is no empty key)."""
    return re.sub(r"[\W_]", "", name.casefold())


def similar(a: str, b: str) -> bool:
    """Two printings of one name: alike but for misread letters, or one the other's end (a name whose first
    word a line break or a logo cut off)."""
    ka, kb = key(a), key(b)
    if not ka or not kb:
        return False
    # 'Hurtownia Mazowiecka S.A.' and '... Sp. z o.o.': two companies of one group, not a misread (but 'Acme GmbH'
    # and 'Acme GmbH & Co. KG' are one, its form printed whole or not)
    forms = [LEGAL_FORM.search(name.rstrip(" ,;")) for name in (a, b)]
    other_form = forms[0] and forms[1] and key(forms[0].group(0)) != key(forms[1].group(0))
    if other_form and not kb.startswith(ka) and not ka.startswith(kb):
        return False
    short, long = sorted((ka, kb), key=len)
    return ka == kb or _misread(a, b) or (len(short) >= 8 and long.endswith(short))


def _misread(a: str, b: str) -> bool:
    """Two printings alike but for misread letters: alike as a whole, and the words one does not share with the
    other alike too ('Acrne Technical' for 'Acme Technical'; 'Umgeni Technical Services' and 'Magalies Technical
    Services' are two companies whose generic words make them look alike)."""
    if SequenceMatcher(None, key(a), key(b)).ratio() < SAME:
        return False
    words_a, words_b = ({key(w) for w in name.split()} - {""} for name in (a, b))
    own_a, own_b = "".join(sorted(words_a - words_b)), "".join(sorted(words_b - words_a))
    return not (own_a and own_b) or SequenceMatcher(None, own_a, own_b).ratio() >= OWN_WORDS


def company_names(words: list[Word]) -> list[tuple[int, int]]:
    """(start, end) spans of company names in a run of words: a capitalised name of at most eight words, without
    digits, ending in a legal form, cut at a caption's colon or a one-line address's separators; or a legal form
    followed by a name in quotes ('SIA „Gauja Tehnika”'); or one to four capitalised words after a form that starts them
    ('PT Nusantara Teknik', 'P/F Vágur Fisk'), its form in a list or ISO 20275's bare ones (``leading_form``)."""
    spans: list[tuple[int, int]] = []
    start = 0
    texts = [w.text for w in words]
    after_quote = 0  # the words of a quoted name already taken ('SIA „Gauja Tehnika”')
    for k, word in enumerate(words):
        text = word.text
        if k < after_quote:
            continue
        quoted = quoted_name_end(texts, k) or quoted_form_end(texts, k)
        if quoted is not None:
            spans.append((k, quoted))
            start = after_quote = quoted
            continue
        if SEPARATOR.match(text) or any(ch.isdigit() for ch in text):
            start = k + 1
            continue
        if text.endswith(":"):
            start = k + 1
            continue
        opens = k == 0 or words[k - 1].text.endswith(":")  # not after a postal code ('3511 AA Utrecht')
        if k == start and opens and (end := _named_after_form(words, k)) is not None:
            spans.append((k, end))  # 'PT Nusantara Teknik', 'P/F Vágur Fisk': the form first
            start = end
            continue
        if trailing_form(text.rstrip(",;")) and k > start:
            nxt = words[k + 1].text if k + 1 < len(words) else ""
            if nxt.startswith(("&", "+")) or LEGAL_FORM.fullmatch(nxt.rstrip(",;")) or nxt in ("de", "z"):
                continue  # 'GmbH & Co. KG', 'S.A. de C.V.', 'Pty Ltd': the form goes on
            first = start
            for j in range(start, k):
                inner = words[j].text
                if (inner[:1].islower() and len(inner) > 3) or (inner.endswith(",") and j < k - 1):
                    first = j + 1  # prose ('including but not limited') or a list before the name
            while first < k and not words[first].text[:1].isupper():
                first += 1  # a name starts with a capital
            first += _caption_length(words[first:k])
            end = k + 1
            if end < len(words) and QUALIFIER.fullmatch(words[end].text.rstrip(",;")):
                end += 1  # the form's bracketed qualifier in small letters ('AB (publ)'): the name goes on
            if first < k and _name_words(words[first:k]) < MAX_WORDS and not LEGAL_FORM.fullmatch(words[first].text):
                spans.append((first, end))
            start = end
    return spans


def _named_after_form(words: list[Word], k: int) -> int | None:
    """The end of a name that starts with its legal form at ``words[k]`` ('PT Nusantara Teknik', 'P/F Vágur Fisk'):
    one to four capitalised words after the form, up to the phrase's end or a comma, no digit, caption or other
    form among them; None where ``words[k]`` is no form or such words do not follow."""
    if not leading_form(words[k].text):
        return None
    end = k + 1
    while end < len(words) and not words[end - 1].text.endswith(","):
        end += 1  # a comma ends the name ('PT Merapi Teknik, Jl. ...')
    named = words[k + 1 : end]
    if not 1 <= len(named) <= 4:
        return None
    for word in named:
        text = word.text.rstrip(",;")
        if not text[:1].isupper() or any(ch.isdigit() for ch in text) or text.endswith(":") or SEPARATOR.match(text):
            return None
        if trailing_form(text):
            return None  # a form at the end too: the name reads as usual
    return end


def _name_words(words: list[Word]) -> int:
    """A name's length without its legal form's abbreviations and joiners: 'S. de R.L. de C.V.' or 'Co., Ltd.'
    is one form however many words it prints as."""
    return sum(not (re.fullmatch(r"[A-Za-z]{1,4}\.,?|de|z|&", w.text)) for w in words)


def _caption_length(words: list[Word]) -> int:
    """How many of a name's first words are a party block's caption in capitals run into it without a colon
    ('FAKTURAČNÍ ADRESA Summit Precision GmbH'; a caption in lower case ends the name's search by itself): at
    most three, leaving a name of two words or more whose first is not in capitals ('CLIENT SOLUTIONS Ltd' stays)."""
    for length in (3, 2, 1):
        if (
            len(words) - length >= 1
            and all(w.text.isupper() for w in words[:length])
            and not words[length].text.isupper()
            and caption_role(" ".join(w.text for w in words[:length])) is not None
        ):
            return length
    return 0


def mentions(page: Page) -> list[Mention]:
    # read by the roles and again by the confidence model's signals: once per page, each caller given its own copies
    return [replace(m, words=list(m.words)) for m in _mentions(SameWords(page.words), page.number)]


@lru_cache(maxsize=16)
def _mentions(key: SameWords, number: int) -> tuple[Mention, ...]:
    out = []
    page_words = list(key.words)
    char = typical_char_width(page_words) if page_words else 0.01
    rows = [split_phrases(line, char) for line in group_lines(page_words)]
    phrases = [phrase for row in rows for phrase in row]
    goods = {id(p) for row in rows for k, p in enumerate(row) if _priced(row[k + 1 :])}
    for phrase in phrases:
        words = phrase.words
        if id(phrase) in goods:
            continue  # a table's row: a name in an item's description ('Motor oil SAE 40') is goods, no party
        if LEGAL_FORM.fullmatch(phrase.text.strip(" ,;")):  # a name wrapped before its legal form ('Acme' / 'B.V.')
            named = _wrapped_start(phrases, phrase, char, bare_form=True)
            if named:
                named += words
                name = " ".join(w.text for w in named).strip(" ,;")
                out.append(Mention(name, named, number, named[0].bbox[1], phrase.top > FOOTER))
            continue
        for start, end in company_names(words):
            if _relation(words[:start]):
                continue  # 'part of Acme Group S.A.' under a letterhead's name: the party's owner, no party itself
            named = words[start:end]
            if start == 0:
                wrapped = _wrapped_start(phrases, phrase, char)
                if wrapped and not _named_apart(phrases, phrase, wrapped, named):
                    named = wrapped + named
            if end == len(words):
                named += _wrapped_form(phrases, phrase)
            name = " ".join(w.text for w in named).strip(" ,;")
            out.append(Mention(name, named, number, named[0].bbox[1], phrase.top > FOOTER))
    for named in _blocks_by_shape(page_words, phrases, char):
        if not any(set(map(id, named)) & set(map(id, m.words)) for m in out):
            name = " ".join(w.text for w in named).strip(" ,;")
            # in its place top down: companies are numbered in order of first appearance
            at = next((i for i, m in enumerate(out) if m.top > named[0].bbox[1]), len(out))
            out.insert(at, Mention(name, named, number, named[0].bbox[1], named[0].bbox[1] > FOOTER))
    return tuple(out)


_PRICE = re.compile(r"[-+]?\d[\d.,' ]*[.,]\d\d")  # an amount with its cents
_NUMBER = re.compile(r"[-+]?\d[\d.,' ]*%?")


def _priced(cells: list[Line]) -> bool:
    """Whether the cells right of a phrase are a table row's numbers: two or more cells of a number alone, one an
    amount with its cents (a quantity, a price, a line's total). A party's block prints no amounts beside it."""
    numbers = [c.text.strip() for c in cells if _NUMBER.fullmatch(c.text.strip())]
    return len(numbers) >= 2 and any(_PRICE.fullmatch(n) for n in numbers)


def _blocks_by_shape(page_words: list[Word], phrases: list[Line], char: float) -> list[list[Word]]:
    """Party blocks known by their shape, whatever the name's legal form ('Pharma Niger SARLU' / 'Route de Siguiri
    89' / 'BP 210 Kankan' / 'NIF: 926464579'): a line with a valid tax id, above it in its column one address line
    or more (each with a digit), and above those the name: a line of two words or more without a digit, each word
    opening with a capital, no caption's colon. The block's lines start at one left edge, a line's height apart."""
    out: list[list[Word]] = []
    lines = group_lines(page_words)
    weighed = weighed_tax_ids(page_words)
    for index, line in enumerate(lines):
        tax = next((w for w, found in zip(line.words, weighed[index], strict=True) if found), None)
        if tax is None:
            continue
        row = next((p for p in phrases if tax in p.words), None)
        if row is None:
            continue
        left, top, height = row.bbox[0], row.top, row.bottom - row.top
        column = sorted(
            (p for p in phrases if abs(p.bbox[0] - left) < 1.5 * char and p.bottom <= top + height / 4),
            key=lambda p: -p.top,
        )
        addresses = 0
        for phrase in column:
            if top - phrase.bottom > 1.2 * height:
                break  # the block ends where a line's height or more stands empty
            top = phrase.top
            if any(ch.isdigit() for ch in phrase.text):
                addresses += 1
                continue
            words = phrase.words
            capitals = all(w.text[:1].isupper() or not w.text[:1].isalpha() for w in words)
            if addresses and len(words) >= 2 and capitals and not phrase.text.rstrip().endswith(":"):
                out.append(list(words))
            break
    return out


def _named_apart(phrases: list[Line], phrase: Line, above: list[Word], named: list[Word]) -> bool:
    """Whether the line above a name that ends in its legal form is a line of its own (a group's or a brand's name
    over the company's, 'Northwind Group' / 'Holloway Packaging SRL'), no first half of the name wrapped: the
    page prints the name again without it (a footer, a sender's line: neither before it on its phrase nor on the
    phrase just above, left-aligned), or its e-mail or web address is the name's first word's and no word of the
    line above's. A line ending in a joiner ('Acme &') always goes on."""
    if above[-1].text in _JOINERS:
        return False
    name = [_word_core(w.text) for w in named]
    lead = [_word_core(w.text) for w in above]
    for other in phrases:
        if other is phrase or other.words == above:
            continue
        cores = [_word_core(w.text) for w in other.words]
        for i in range(len(cores) - len(name) + 1):
            if cores[i : i + len(name)] == name and _starts_a_name(phrases, other, i):
                return True
    domains = [
        part
        for p in phrases
        for w in p.words
        for found in re.findall(r"(?:@|www\.)([\w-]+)\.", w.text.casefold())
        for part in found.split("-")
    ]
    first, others = name[0], {word for word in lead if len(word) >= 3}
    return any(d == first for d in domains) and not any(d in others for d in domains)


def _starts_a_name(phrases: list[Line], phrase: Line, i: int) -> bool:
    """Whether a name printed from ``phrase.words[i]`` starts there: after a caption's colon, a separator or a
    word in small letters on its phrase; at the phrase's start, with no phrase just above it, left-aligned, that
    could be its first half (a few capitalised words without digits, colon or legal form)."""
    if i > 0:
        before = phrase.words[i - 1].text
        return before.endswith(":") or before in ("·", "|", "-", "–") or before[:1].islower()
    height = phrase.bottom - phrase.top
    return not any(
        -0.1 * height <= phrase.top - p.bottom < 0.8 * height
        and abs(p.bbox[0] - phrase.bbox[0]) <= 0.01
        and len(p.words) <= 4
        and p.text[:1].isupper()
        and not re.search(r"[\d:@]", p.text)
        and not LEGAL_FORM.search(p.text)
        for p in phrases
    )


_JOINERS = ("&", "+", "and", "und", "e", "y")


def _relation(before: list[Word]) -> bool:
    """The words before a company's name on its phrase say how another company relates to it ('a division of',
    'part of', 'een dochter van', 'o divizie a'): two or more words in lower case, as a name never starts; a
    caption ends in a colon, a list in a comma, neither is a relation."""
    texts = [w.text for w in before]
    return len(texts) >= 2 and all(t[:1].islower() and t.isalpha() for t in texts)


def _wrapped_start(phrases: list[Line], phrase: Line, char: float, bare_form: bool = False) -> list[Word]:
    """The first words of a name wrapped over two lines ('Acme & Fairbanks' / 'Solutions Co.'): the phrase just
    above, left-aligned with it, a few capitalised words without digits or colon, in a letterhead's larger type or
    ending in a joiner, or whatever its size above a line that holds the legal form alone (``bare_form``). Above a
    whole name, not one of a row of captions each over a value ('Supplier   Deliver To   Invoice To' over three
    names): a scan's box of a caption may read taller than the name's print."""
    height = phrase.bottom - phrase.top
    for above in phrases:
        gap = phrase.top - above.bottom
        if not (-0.1 * height <= gap < 0.8 * height) or abs(above.bbox[0] - phrase.bbox[0]) > 0.01:
            continue
        first = _under_caption(phrases, above)  # a block's first line, no caption of a row of them
        if not bare_form and not first and _caption_row(phrases, above, phrase, char):
            continue
        text = above.text
        words = above.words
        if (
            len(words) <= 4
            # a letterhead's larger print, or a line ending in a joiner: a caption above a block is neither; or the
            # block's first line right under its caption ('SOLD TO' / 'Drakensview Technical' / 'Services (Pty) Ltd')
            and (bare_form or above.bottom - above.top >= 1.2 * height or words[-1].text in _JOINERS or first)
            and words[0].text[:1].isupper()
            and not re.search(r"[\d:@]", text)
            and not LEGAL_FORM.search(text)
        ):
            return list(words)
    return []


def _under_caption(phrases: list[Line], phrase: Line) -> bool:
    """Whether the phrase just above ``phrase`` (a caption stands a little apart), left-aligned with it, is a party
    block's caption."""
    height = phrase.bottom - phrase.top
    return any(
        -0.1 * height <= phrase.top - above.bottom < 1.5 * height
        and abs(above.bbox[0] - phrase.bbox[0]) <= 0.01
        and caption_role(above.text.rstrip(":")) is not None
        for above in phrases
    )


def _wrapped_form(phrases: list[Line], phrase: Line) -> list[Word]:
    """The rest of a legal form a narrow block wrapped onto the next line ('Drakensview Engineering Pty' / 'Ltd'):
    the phrase just below, left-aligned with the name's, that is a legal form and nothing else."""
    height = phrase.bottom - phrase.top
    for below in phrases:
        gap = below.top - phrase.bottom
        aligned = abs(below.bbox[0] - phrase.bbox[0]) <= 0.01
        if -0.1 * height <= gap < 0.8 * height and aligned and bare_legal_form(below.text):
            return list(below.words)
    return []


def _caption_row(phrases: list[Line], above: Line, phrase: Line, char: float) -> bool:
    """Whether ``above`` is one of a row of captions standing over the values of ``phrase``'s line."""

    def row_of(one: Line) -> list[Line]:
        middle = (one.top + one.bottom) / 2
        return [p for p in phrases if p.top <= middle <= p.bottom]

    starts = [p.bbox[0] for p in row_of(phrase)]
    height = max(above.bottom - above.top, phrase.bottom - phrase.top)
    # OCR may part a caption's words ('Deliver' 'To'): the cells that stand over a value, two at least
    cells = [c.bbox[0] for c in row_of(above) if any(abs(c.bbox[0] - x) < 1.5 * char for x in starts)]
    return len(cells) >= 2 and captions_over_values(cells, above.bottom, height, phrase.top, starts, char)


def companies(doc: Document) -> list[Company]:
    """The companies page 1 names (with the footers of every page), each with its printings, in order of first
    appearance top down."""
    found: list[Company] = []
    for page in doc.pages:
        for mention in mentions(page):
            if page.number != 1 and not mention.footer:
                continue
            home = next((c for c in found if any(similar(mention.name, m.name) for m in c.mentions)), None)
            if home is None:
                found.append(Company([mention]))
            else:
                home.mentions.append(mention)
    return found


def _shape(tax_id: str) -> str:
    """A tax id's scheme by its shape: letters as 'A', digits as '9' ('GB123456789' -> 'AA999999999')."""
    return re.sub(r"[^\W\d_]", "A", re.sub(r"\d", "9", tax_id))


def _tax_ids(page: Page) -> list[tuple[str, Word, Line, bool]]:
    """Valid tax ids on a page (``weighed_tax_id_at``'s, with whether only their caption's shape tells them, and on
    a scan ``misread_tax_id``'s: one printed in two pieces or with a letter read for a digit only where its check
    digits then agree)."""
    out: list[tuple[str, Word, Line, bool]] = []
    lines = group_lines(page.words)
    weighed = weighed_tax_ids(page.words)
    for index, line in enumerate(lines):
        for k, word in enumerate(line.words):
            found = weighed[index][k]
            if found is None and (misread := misread_tax_id(line.words, k)) is not None:
                found = misread, False
            if found is not None and all(found[0] != v for v, _, _, _ in out):
                out.append((found[0], word, line, found[1]))
    return out


def _owner(
    found: list[Company],
    issuer: Company | None,
    word: Word,
    line: Line,
    span: tuple[float, float],
    page: int,
    lines: list[Line] | None = None,
) -> Company | None:
    """The company named before the id on its line, else the one whose name stands above it in its column (a
    block, from ``span``'s start: where the id's phrase, its caption with it, starts; or a letterhead's lines set
    flush right or centred under its name, ending or centred where the phrase is), else, in a footer, the issuer,
    else, boxed under its caption, the company of the box before it (``_box_before``, given the page's ``lines``)."""
    start, end = span
    before = [
        (m.bbox[2], c)
        for c in found
        for m in c.mentions
        if m.page == page and abs(m.top - line.top) < 0.01 and m.bbox[2] <= word.bbox[0]
    ]
    if before:
        return max(before, key=lambda pair: pair[0])[1]
    above = [
        (word.bbox[1] - m.bbox[3], c)
        for c in found
        for m in c.mentions
        if m.page == page
        and 0 <= word.bbox[1] - m.bbox[3] <= BLOCK
        and (
            abs(m.bbox[0] - word.bbox[0]) < 0.05 + (word.bbox[0] - start)
            and m.bbox[0] <= word.bbox[2]
            or abs(m.bbox[2] - end) < RIGHT
            or abs(m.bbox[0] + m.bbox[2] - start - end) < 2 * RIGHT  # a letterhead centred over its lines
        )
    ]
    if above:
        return min(above, key=lambda pair: pair[0])[1]
    if line.top > FOOTER:
        return issuer
    return _box_before(found, word, page, lines) if lines else None


def _box_before(found: list[Company], word: Word, page: int, lines: list[Line]) -> Company | None:
    """A form of boxes, each value under its own caption, in rows (the name's box, its address's, its tax id's,
    then the other party's): an id boxed under its caption belongs to the company named last before its box in
    reading order, on its row or the row above."""
    index = next(i for i, line in enumerate(lines) if word in line.words)
    if not caption_over(line_above(lines, index), word):
        return None
    height = word.bbox[3] - word.bbox[1]
    earlier = [
        ((m.top, m.bbox[0]), c)
        for c in found
        for m in c.mentions
        if m.page == page
        and (m.bbox[3] <= word.bbox[1] and word.bbox[1] - m.bbox[3] < 5 * height or abs(m.top - word.bbox[1]) < height)
        and (m.top < word.bbox[1] - height / 2 or m.bbox[2] <= word.bbox[0])
    ]
    return max(earlier, key=lambda pair: pair[0])[1] if earlier else None


@dataclass(slots=True)
class Roles:
    buyer: Company | None
    vendor: Company | None
    vendor_form: bool  # the letterhead is the vendor's (the buyer is named again where the goods go)
    issuer: Company | None = None  # the letterhead's (or the lone footer's) company


def read_structure(doc: Document) -> tuple[Roles, list[Company]] | None:
    if not doc.pages:
        return None
    found = companies(doc)
    head = [c for c in found if any(m.page == 1 and m.top < LETTERHEAD and not m.footer for m in c.mentions)]
    issuer = min(head, key=lambda c: min(m.top for m in c.mentions)) if head else None
    # two blocks side by side at the top (under captions), no letterhead above them: the page's structure does not
    # tell who is who; the captions do
    beside = issuer is not None and any(_side_by_side(issuer, c) for c in head if c is not issuer)
    if beside:
        issuer = None
    if issuer is None:
        footers = [c for c in found if any(m.footer for m in c.mentions)]
        issuer = footers[0] if len(footers) == 1 else None
    for page in doc.pages:
        char = typical_char_width(page.words) if page.words else 0.01
        lines = group_lines(page.words)
        for value, word, line, shaped in _tax_ids(page):
            # the column the id stands in starts with its own phrase, not with the line (other blocks beside it)
            phrase = next((p for p in split_phrases(line, char) if word in p.words), line)
            owner = _owner(found, issuer, word, line, (phrase.bbox[0], phrase.bbox[2]), page.number, lines)
            # a company has one number of each scheme: a second of the same shape under it is another party's
            # (a form's own 'FEIN:' field set under the supplier's block)
            if owner is not None and all(_shape(value) != _shape(v) or v == value for v, _, _ in owner.tax_ids):
                owner.tax_ids.append((value, word, page.number))
                if shaped:
                    owner.shaped.add(value)
    for company in found:
        # an id a scheme vouches for (its check digit, its name as caption) before one only a caption's shape tells
        company.tax_ids.sort(key=lambda found_id: found_id[0] in company.shaped)
    if beside:
        return Roles(None, None, False), found
    others = [c for c in found if c is not issuer and c.body]
    again = [c for c in others if _places(c) >= 2]
    if issuer is not None and len(again) == 1 and _places(issuer) <= 2:
        return Roles(again[0], issuer, True, issuer), found
    # no other company in the body: one named only in the footer with its tax id, not the issuer, is the supplier
    # the order is placed with ('Issued for: <vendor>, <address> · VAT <id>')
    footed = [c for c in found if c is not issuer and not c.body and c.tax_ids]
    vendor = others[0] if others else footed[0] if issuer is not None and len(footed) == 1 else None
    return Roles(issuer, vendor, False, issuer), found


def _accepted_offer(doc: Document, extraction: Extraction) -> bool:
    """Whether the order is the letterhead's offer accepted by its addressee: the order's number is written only
    in a box under the totals (an acceptance: number, date, signature), printed nowhere in the document's head or
    lines. A buyer's own order prints its number at its head; a supplier's quotation, pro forma or offer prints its
    own reference there and leaves the order's number to the customer who signs it below."""
    number, total = extraction.fields.get("po_number"), extraction.fields.get("total")
    if number is None or total is None or number.bbox is None or total.bbox is None or number.page is None:
        return False
    if number.page != total.page or number.page != len(doc.pages) or not isinstance(number.value, str):
        return False
    if not total.bbox[3] <= number.bbox[1] < FOOTER:
        return False  # at the head, among the lines or in the footer: the issuer's own number
    wanted = key(number.value)
    for page in doc.pages:
        for word in page.words:
            above = page.number < number.page or word.bbox[1] < total.bbox[1]
            if above and wanted and wanted in key(word.text):
                return False  # the number printed above the totals too (a counterfoil repeats the head's)
    return True


def _places(company: Company) -> int:
    """How many places of the body the company is printed at: printings on other lines, or on one line in other
    columns (a block's name and, beside it, the same name where the goods go), count apart."""
    places: list[BBox] = []
    for m in company.body:
        box = m.bbox
        if not any(abs(box[1] - at[1]) < box[3] - box[1] and abs(box[0] - at[0]) < box[2] - box[0] for at in places):
            places.append(box)
    return len(places)


def captioned(doc: Document, found: list[Company]) -> dict[str, list[Company]]:
    """The companies page 1 names under a party block's caption, by the caption's role (``rolecaptions``): the
    phrase just above the name in its column (left or right aligned), else the words before it on its line. A
    company captioned both as a party and as a ship-to (the buyer whose goods go to itself) is that party; one
    captioned as both parties is neither. Of two companies under buyer's captions, the one under a customer's
    (sold to, buyer) is the buyer where the other's names only whom to bill (a four-block form); a company under a
    remit-to's caption alone is no other party's (the vendor's own block, where to pay it)."""
    page = doc.pages[0]
    out: dict[str, list[Company]] = {BUYER: [], VENDOR: [], OTHER: []}
    if not page.words:
        return out
    printed = SameWords(page.words)
    billed: list[Company] = []  # captioned as a buyer only by whom to bill
    for company in found:
        captions = {
            found_caption
            for m in company.body
            if m.page == page.number
            if (found_caption := _caption_of_mention(printed, SameWords(m.words)))
        }
        roles = {role for role, _ in captions}
        parties = roles & {BUYER, VENDOR}
        if len(parties) == 1:
            role = parties.pop()
            out[role].append(company)
            if role == BUYER and all(phrasing in PAYER for kind, phrasing in captions if kind == BUYER):
                billed.append(company)
        elif roles == {OTHER} and not all(phrasing in PAYEE for _, phrasing in captions):
            out[OTHER].append(company)
    customers = [c for c in out[BUYER] if c not in billed]
    if len(out[BUYER]) > 1 and len(customers) == 1:
        out[BUYER] = customers
    if not out[BUYER] and not out[VENDOR]:
        char, phrases = _page_phrases(printed)
        named = _named_by_title(page, found, phrases, char)
        if named is not None:
            out[BUYER], out[VENDOR] = [named[0]], [named[1]]
    return out


def _named_by_title(
    page: Page, found: list[Company], phrases: list[Line], char: float
) -> tuple[Company, Company] | None:
    """(buyer, vendor) of two blocks under captions no phrasing lists: the buyer's caption names it by the verb the
    order's title names the document by, its stem shared ('ORDER' / 'Orderer', 'НАРАЧКА' / 'Нарачател', 'AGIZO LA
    UNUNUZI' / 'Mnunuzi': an agent noun of the purchase); the vendor's caption shares none. None unless exactly one
    block's caption shares the title's stem and exactly one other's does not."""
    title = _title_words(page, phrases)
    if not title:
        return None
    sharing: list[Company] = []
    apart: list[Company] = []
    for company in found:
        body = [m for m in company.body if m.page == page.number]
        caption = _phrase_above(body[0].bbox, phrases, char) if body else None
        if caption is None or caption_role(caption.text) is not None:
            continue
        words = re.sub(r"^\d{1,3}[.)]?\s+", "", plain(caption.text)).split()
        if not words or len(words) > 3 or any(not w.isalpha() for w in words) or LEGAL_FORM.search(caption.text):
            continue  # a caption is a few words without digits, no company's name
        shares = any(_same_stem(word, t) for word in words if len(word) >= STEM for t in title)
        (sharing if shares else apart).append(company)
    if len(sharing) != 1 or len(apart) != 1:
        return None
    # the title may name the supply as well as the order ('ORDER FOR SUPPLY' over 'Supplier'): where the company
    # it makes the vendor is printed again where the goods go and the other is not, the stems decide nothing
    again = _places(apart[0]) > 1 and _places(sharing[0]) == 1
    return None if again else (sharing[0], apart[0])


STEM = 4  # letters a word's stem has at least


def _same_stem(one: str, other: str) -> bool:
    """Two words of one stem: a run of letters they share, four at least and half the shorter word."""
    match = SequenceMatcher(None, one, other, autojunk=False).find_longest_match(0, len(one), 0, len(other))
    return match.size >= STEM and 2 * match.size >= min(len(one), len(other))


def _title_words(page: Page, phrases: list[Line]) -> list[str]:
    """The words of the page's title (plain letters, four or more): a phrase in the upper half of the page in type
    taller than the body's, without digits."""
    heights = sorted(w.bbox[3] - w.bbox[1] for w in page.words)
    if not heights:
        return []
    body = heights[len(heights) // 2]
    titles = [
        p for p in phrases if p.top < 0.5 and p.height >= TITLE_SIZE * body and not any(ch.isdigit() for ch in p.text)
    ]
    return [w for p in titles for w in plain(p.text).split() if len(w) >= STEM and w.isalpha()]


@lru_cache(maxsize=4)
def _page_phrases(page: SameWords) -> tuple[float, list[Line]]:
    """A page's typical character width and its lines' phrases (read only: shared by the calls of one page)."""
    words = list(page.words)
    char = typical_char_width(words)
    return char, [phrase for line in group_lines(words) for phrase in split_phrases(line, char)]


@lru_cache(maxsize=256)
def _caption_of_mention(page: SameWords, mention: SameWords) -> tuple[str, str] | None:
    """(role, phrasing) of the caption of a company's printed name (``caption_phrasing``), None where none: the
    page's words and the name's. Cached: the roles and the confidence model's signals each ask it of every name."""
    char, phrases = _page_phrases(page)
    first = mention.words[0]
    own = next((p for p in phrases if first in p.words), None)
    if own is not None:
        before = own.words[: own.words.index(first)]
        found = caption_phrasing(" ".join(w.text for w in before)) if before else None
        if found is not None:  # 'Bill to: Acme Ltd', 'FAKTURAČNÍ ADRESA Acme s.r.o.'
            return found
        # else another block's name run into this one's line ('Vertex SRL Jansen NV' under 'Destinataire' and
        # 'Fournisseur'): the caption above tells
        left = [p for p in phrases if p is not own and abs(p.top - own.top) < 0.5 * own.height]
        left = [p for p in left if p.bbox[2] <= own.bbox[0]]
        if left and not before:  # a caption-left grid: 'Customer' | 'Acme Ltd'
            found = caption_phrasing(max(left, key=lambda p: p.bbox[2]).text)
            if found is not None:
                return found
    box = union_bbox([w.bbox for w in mention.words])
    assert box is not None
    above = _phrase_above(box, phrases, char)
    if above is not None:
        return caption_phrasing(above.text)
    return _section_title(box, phrases, char)


def _phrase_above(box: BBox, phrases: list[Line], char: float) -> Line | None:
    """The phrase just above a company's printed name (its box) in its column (left or right aligned): its block's
    caption, where it has one."""
    height = box[3] - box[1]
    above = [
        p
        for p in phrases
        if -0.2 * height <= box[1] - p.bottom <= CAPTION_GAP * height
        and p.top < box[1]
        and (abs(p.bbox[0] - box[0]) < 1.5 * char or abs(p.bbox[2] - box[2]) < 1.5 * char)
    ]
    return max(above, key=lambda p: p.bottom) if above else None


def _section_title(box: BBox, phrases: list[Line], char: float) -> tuple[str, str] | None:
    """(role, phrasing) of the section title over a caption/value grid whose first row names the party: a portal
    prints 'Supplier' alone on its line, then 'Company name | Acme Ltd' (or the value with no caption) right
    under it; the grid's own caption names no role, the title does."""
    height = box[3] - box[1]
    higher = [p for p in phrases if p.bottom <= box[1] + 0.2 * height and box[1] - p.bottom <= CAPTION_GAP * height]
    if not higher:
        return None
    nearest = max(higher, key=lambda p: p.bottom)
    row = [p for p in higher if abs(p.top - nearest.top) < 0.5 * nearest.height]
    if len(row) != 1 or nearest.bbox[0] > box[0] + char:
        return None  # several cells on the row above: a grid's row, no title
    return caption_phrasing(nearest.text)


def _signed_for(doc: Document, value: FieldValue | None, found: list[Company]) -> Company | None:
    """The one company printed right under a party's value in its column, where the value is a person's name (no
    company of the page): the company that person signs or writes for (a letter's closing, a sender's block)."""
    if value is None or not isinstance(value.value, str) or not key(value.value):
        return None
    signed = []
    for company in found:
        for mention in company.body:
            page = doc.pages[mention.page - 1]
            char, phrases = _page_phrases(SameWords(page.words))
            above = _phrase_above(mention.bbox, phrases, char)
            if above is not None and key(above.text) == key(value.value) and company not in signed:
                signed.append(company)
    if len(signed) != 1 or len({key(m.name) for m in signed[0].mentions}) > 1:
        return None  # printings of two names taken for one company ('... Technika AB' cut from another's): unsure
    return signed[0]


def _side_by_side(one: Company, other: Company) -> bool:
    """Two companies named on one line of page 1's top: blocks beside each other, neither one a letterhead."""
    tops = [(m.top, m.bbox[3] - m.bbox[1]) for m in one.mentions if m.page == 1 and not m.footer]
    return any(abs(m.top - top) < height for m in other.body if m.page == 1 for top, height in tops)


def read_roles(doc: Document, extraction: Extraction) -> None:
    whole_names(doc, extraction)
    if extraction.doc_type != "purchase_order" or is_prose(doc):
        return  # an agreement read as an order: its parties are the opening reader's
    structure = read_structure(doc)
    if structure is None:
        return
    roles, found = structure
    issued = roles.issuer is not None and roles.buyer is roles.issuer and roles.vendor is not None
    if issued and _accepted_offer(doc, extraction):
        # the letterhead's document is the supplier's offer its addressee signed as its order: the issuer sells
        roles = Roles(roles.vendor, roles.issuer, True, roles.issuer)
    fields = extraction.fields
    changed: list[str] = []
    companies_of = {role: getattr(roles, role) for role in ROLES}
    by_role = captioned(doc, found)
    by_caption = _captioned_parties(by_role, roles)
    companies_of.update(by_caption)

    def company_of(value: FieldValue | None) -> Company | None:
        if value is None or not isinstance(value.value, str):
            return None
        text = value.value
        for company in found:
            if any(similar(text, m.name) for m in company.mentions):
                return company
        # a fragment of a name ('S.A.', 'Ferragens Ltda.') or a name with a stray word ('Deutschland Acme AG')
        k = key(text)
        hits = [c for c in found if k and any(k in key(m.name) or key(m.name) in k for m in c.mentions)]
        return hits[0] if len(hits) == 1 else None

    for role in ROLES:
        _owned_by_the_name_above(doc, fields, f"{role}_name", changed)
    read = {role: fields.get(f"{role}_name") for role in ROLES}
    owner = {role: company_of(read[role]) for role in ROLES}
    for role, company in by_caption.items():
        if (
            owner[role] is not company
            or any(c is not company for c in _companies_in(read[role], found))
            or _caption_before(read[role], company)
        ):
            # the block's caption names its role: the company under it is that party, whatever was read (another
            # company, or its name run together with a neighbouring block's)
            printed = company.body[0] if company.body else company.mentions[0]
            fields[f"{role}_name"] = _value(company.name, printed)
            changed.append(f"{role}_name")
    if by_caption:
        read = {role: fields.get(f"{role}_name") for role in ROLES}
        owner = {role: company_of(read[role]) for role in ROLES}
    for role, other in (("buyer", "vendor"), ("vendor", "buyer")):
        signer = None if owner[role] is not None or _company_like(read[role]) else _signed_for(doc, read[role], found)
        if signer is not None and signer is not owner[other]:
            # a person's name read for the party, printed over the company it signs for ('Kind regards,' / the
            # name / the company, a mail's closing): the party is that company
            fields[f"{role}_name"] = _value(signer.name, signer.body[0])
            changed.append(f"{role}_name")
            read[role], owner[role] = fields[f"{role}_name"], signer
            companies_of[role] = signer
    # the vendor read, or (neither party read) the structure's: a mail's order names the supplier under a caption
    # no list knows and signs for the buyer's company under its greeting, with no letterhead
    memo = owner["vendor"] is not None and _heading(read["buyer"])
    unread = read["buyer"] is None and read["vendor"] is None
    seller = owner["vendor"] if memo else companies_of["vendor"] if unread else None
    others = [c for c in found if c.body and c is not seller]
    if not by_caption and seller is not None and len(others) == 1:
        # a memo's head, no letterhead ('TO:' over the supplier's block, 'FROM:' over the buyer's person and
        # company): the buyer read as the memo's heading ('MEMORANDUM'), or not read at all (a mail's order signed
        # for its company under the greeting), is the body's one other company
        fields["buyer_name"] = _value(others[0].name, others[0].body[0])
        changed.append("buyer_name")
        read["buyer"], owner["buyer"] = fields["buyer_name"], others[0]
        companies_of = {"buyer": others[0], "vendor": seller}
    if (
        not by_caption  # a caption outweighs a company named twice
        and roles.vendor_form
        and owner["buyer"] is roles.vendor
        and owner["vendor"] in (roles.buyer, None)
    ):
        # the letterhead was read as the buyer on the vendor's own form: the parties change places
        _swap(fields)
        changed += ["buyer_name", "vendor_name"]
        read = {role: fields.get(f"{role}_name") for role in ROLES}
        owner = {role: company_of(read[role]) for role in ROLES}
    for role, other in (("buyer", "vendor"), ("vendor", "buyer")):
        # two printed names run together ('Acme Inc. Beta LLC', two cells read as one): the one the other party
        # is not
        inside = _companies_in(read[role], found)
        if len(inside) == 2 and owner[other] in inside:
            mine = next(c for c in inside if c is not owner[other])
            fields[f"{role}_name"] = _value(mine.name, mine.body[0] if mine.body else mine.mentions[0])
            changed.append(f"{role}_name")
            read[role], owner[role] = fields[f"{role}_name"], mine
    for role, other in (("buyer", "vendor"), ("vendor", "buyer")):
        value, company = read[role], companies_of[role]
        if company is None:
            continue
        exact = value is not None and any(str(value.value) == m.name for m in company.mentions)
        if owner[role] is company and exact:
            continue
        # the other party's company, read for it too or to be filled in for it (its value empty)
        theirs = owner[role] is not None and owner[role] is companies_of[other]
        repeats_other = theirs and (owner[other] is owner[role] or read[other] is None)
        # a value that names no company of the page stands unless its reader doubted it (an advertiser, a committee
        # has no legal form; a caption or a stray word read by the layout model comes with next to no confidence)
        not_a_company = value is None or (
            owner[role] is None
            and not _company_like(value)
            and (value.confidence < DOUBT or _caption_of(value, found) or _currency_code(value))
        )
        fragment = owner[role] is company and not exact and not _company_like(value)
        # a company under a ship-to's or a contact's caption is neither party: the structure's company, under no
        # such caption, stands for it ('Delivery address' over a third company, read as the vendor)
        shipped = (
            owner[role] is not None
            and owner[role] is not company
            and owner[role] is not companies_of[other]
            and owner[role] in by_role[OTHER]
            and company not in by_role[OTHER]
        )
        printed = company.body[0] if company.body else company.mentions[0]
        piece = _part_of(value, company.name)
        if not_a_company or repeats_other or fragment or shipped or (owner[role] is company and piece):
            fields[f"{role}_name"] = _value(company.name, printed)
            changed.append(f"{role}_name")
    # a tax id goes with the company its party's name was read as, where the names tell the two apart (the
    # structure's guess of who issued the page may be wrong where no letterhead stands above the blocks)
    named = {role: company_of(fields.get(f"{role}_name")) for role in ROLES}
    if all(named.values()) and named["buyer"] is not named["vendor"]:
        companies_of = named
    else:
        # one party's name is a company of the page and the other's none (its legal form unknown): that company is
        # the named party's, not the other's the structure guessed it for (its tax id not taken from its party)
        for role, other in (("buyer", "vendor"), ("vendor", "buyer")):
            held = named[role]
            if held is not None and named[other] is None and companies_of[other] is held:
                companies_of = {role: held, other: None}
    _mend_tax_ids(extraction, found, companies_of, changed)
    if changed:
        extraction.review_reasons += [f"low confidence: {name} ({CONFIDENCE:.2f})" for name in sorted(set(changed))]
        recheck_required(extraction)


def whole_names(doc: Document, extraction: Extraction) -> None:
    """A party's name read without the end of its legal form, which the page prints right after it ('Cederberg
    Engineering' of 'Cederberg Engineering (Pty) Ltd'; a reader stopped at the bracket), is read whole, on any
    document; the longer value is the structure's, with its confidence (a reader sure of a cut name was wrong)."""
    for role in ROLES:
        cell = extraction.fields.get(f"{role}_name")
        if cell is None or not isinstance(cell.value, str) or not cell.value.split():
            continue
        _, whole = with_its_form(doc, cell.value.split())
        if whole is not None:
            extraction.fields[f"{role}_name"] = replace(cell, value=whole, raw=whole, confidence=CONFIDENCE)
            extraction.review_reasons.append(f"low confidence: {role}_name ({CONFIDENCE:.2f})")


def with_its_form(doc: Document, name: list[str]) -> tuple[bool, str | None]:
    """Whether the page prints ``name`` on one of its lines (case and the punctuation around its words aside: 'AG,'
    in prose), and the first printing word for word that goes on, on its line, with words that are a legal form
    and nothing else ('(Pty) Ltd', 'Ltd. Şti.'): the name with them; None where every printing ends the name. One
    rule for the reader, which reads such a name whole (``whole_names``), and for the confidence model, to which a
    name still so cut is evidence against it (``models.confidence.signals.name_form_cut``)."""
    printed, cores = False, [_word_core(w) for w in name]
    for page in doc.pages:
        for line in group_lines(page.words):
            texts = [w.text for w in line.words]
            line_cores = [_word_core(t) for t in texts]
            for i in range(len(texts) - len(name) + 1):
                if line_cores[i : i + len(name)] != cores:
                    continue
                printed = True
                if texts[i : i + len(name)] != name:
                    continue
                after = texts[i + len(name) : i + len(name) + 4]
                for k in range(len(after), 0, -1):
                    if bare_legal_form(re.sub(r"[()]", "", " ".join(after[:k]))) and not after[0].endswith(","):
                        return True, " ".join(name + after[:k]).rstrip(",;")
    return printed, None


def _word_core(text: str) -> str:
    return text.strip("()[],;:.").casefold()


def _owned_by_the_name_above(doc: Document, fields: dict[str, FieldValue], name: str, changed: list[str]) -> None:
    """A party value in lower case is a letterhead's relation line ('part of Acme Group S.A.', 'een dochter van
    Lumen Corp.'): it names the party's owner; the party is the name printed just above it, left-aligned (whatever
    its legal form) unless that is the other party, else unknown."""
    value = fields.get(name)
    if value is None or not isinstance(value.value, str) or not value.value[:1].islower():
        return
    changed.append(name)
    del fields[name]
    page = next((p for p in doc.pages if p.number == value.page), None)
    if page is None or value.bbox is None or not page.words:
        return
    char, box = typical_char_width(page.words), value.bbox
    height = box[3] - box[1]
    above = [
        phrase
        for line in group_lines(page.words)
        for phrase in split_phrases(line, char)
        if 0 <= box[1] - phrase.bottom < height and abs(phrase.bbox[0] - box[0]) < 1.5 * char
    ]
    text = above[-1].text.strip(" ,;") if above else ""
    # the other party's letterhead over the relation line: the value was a stray read of it, not this party's
    others = [v.value for k, v in fields.items() if k.endswith("_name") and k != name]
    if text not in others and text[:1].isupper() and len(text.split()) <= MAX_WORDS and not re.search(r"[\d:@·]", text):
        fields[name] = FieldValue(text, CONFIDENCE, value.page, above[-1].bbox, text)


def _captioned_parties(by_role: dict[str, list[Company]], roles: Roles) -> dict[str, Company]:
    """The parties a caption names: a company alone under a buyer's caption (bill to, customer, buyer) is the buyer,
    one alone under a supplier's the vendor; where a caption names one party only, the letterhead's company is the
    other (a supplier's form bills its customer; a buyer's order names its supplier), unless a caption makes it the
    same party, or a ship-to where it would be the vendor (``by_role``: ``captioned``'s)."""
    out = {role: by_role[role][0] for role in ROLES if len(by_role[role]) == 1}
    if len(out) == 2 and out[BUYER] is out[VENDOR]:
        return {}
    issuer = roles.issuer
    for role, other in ((BUYER, VENDOR), (VENDOR, BUYER)):
        if issuer is None or role not in out or other in out or issuer is out[role]:
            continue
        # a ship-to's caption over the letterhead's company makes it no vendor, but a buyer still: a buyer's own
        # order names itself where the goods go
        if other == BUYER or not any(issuer is c for c in by_role[OTHER]):
            out[other] = issuer
    # both parties told apart, or the captions decide nothing (one company under a caption and no other party: a
    # word of a name wrapped over lines may look like a caption, 'FORNITURE' over 'INDUSTRIALI S.A.S.')
    return out if len(out) == 2 else {}


def _caption_before(value: FieldValue | None, company: Company) -> bool:
    """The value is the company's printed name after words in capitals the name does not print in capitals: its
    block's caption read with it ('CUSTOMER Lund Kemi AB' from 'CUSTOMER' over 'Lund Kemi AB')."""
    if value is None or not isinstance(value.value, str):
        return False
    words = value.value.split()
    for m in company.mentions:
        name = m.name.split()
        extra = words[: len(words) - len(name)]
        if (
            extra
            and words[len(extra) :] == name
            and all(w.isupper() and len(w) > 1 for w in extra)
            and not name[0].isupper()
        ):
            return True
    return False


def _companies_in(value: FieldValue | None, found: list[Company]) -> list[Company]:
    """The companies whose printed names a value holds whole, each a strict part of it."""
    if value is None or not isinstance(value.value, str):
        return []
    text = key(value.value)
    return [c for c in found if any(8 <= len(key(m.name)) < len(text) and key(m.name) in text for m in c.mentions)]


def _caption_of(value: FieldValue, found: list[Company]) -> bool:
    """The value is printed as a block's caption: a company's name stands right under it, aligned on its left
    ('Trading Partner' over 'Fenwick Joinery Ltd')."""
    box = value.bbox
    if box is None:
        return False
    height = box[3] - box[1]
    return any(
        m.page == (value.page or 1) and 0 <= m.bbox[1] - box[3] < height and abs(m.bbox[0] - box[0]) < 0.01
        for company in found
        for m in company.mentions
    )


def _heading(value: FieldValue | None) -> bool:
    """A party value that is a heading, no company: one word of capitals without a legal form ('MEMO')."""
    if value is None or not isinstance(value.value, str):
        return False
    words = value.value.split()
    return len(words) == 1 and words[0].isalpha() and words[0].isupper() and not LEGAL_FORM.search(words[0])


def _currency_code(value: FieldValue) -> bool:
    """A party value that is a currency's ISO code alone ('GBP'), a cell beside the party's block read for it."""
    return isinstance(value.value, str) and value.value.strip(" .,:;") in iso_codes()


def _company_like(value: FieldValue | None) -> bool:
    if value is None or not isinstance(value.value, str):
        return False
    words = value.value.split()
    return 2 <= len(words) <= MAX_WORDS and bool(LEGAL_FORM.search(value.value.rstrip(",;")))


def _part_of(value: FieldValue | None, name: str) -> bool:
    """The value is a strict piece of the company's name (a longer value may be the whole name wrapped over two
    lines where the page shows only the second)."""
    if value is None:
        return False
    k, name = key(str(value.value)), key(name)
    return k != name and k in name


def _swap(fields: dict[str, FieldValue]) -> None:
    for a, b in (("buyer_name", "vendor_name"), ("buyer_tax_id", "vendor_tax_id")):
        first, second = fields.pop(a, None), fields.pop(b, None)
        if second is not None:
            fields[a] = replace(second, confidence=min(second.confidence, CONFIDENCE))
        if first is not None:
            fields[b] = replace(first, confidence=min(first.confidence, CONFIDENCE))


def _mend_tax_ids(
    extraction: Extraction, found: list[Company], companies_of: dict[str, Company | None], changed: list[str]
) -> None:
    """Each party's tax id is one the structure gives its company; a value that fails its check digits, is the
    order's number or belongs to the other party gives way (or goes)."""
    fields = extraction.fields
    po = fields.get("po_number")
    theirs = {role: [v for v, _, _ in c.tax_ids] if c else [] for role, c in companies_of.items()}
    # a value read from elsewhere: the order's number, an item's code
    elsewhere = {str(po.value)} if po is not None else set()
    elsewhere |= {str(item.value("sku")) for item in extraction.line_items if item.value("sku") is not None}
    for role, other in (("buyer", "vendor"), ("vendor", "buyer")):
        name = f"{role}_tax_id"
        value = fields.get(name)
        text = None if value is None else str(value.value)
        mine = theirs[role]
        company = companies_of[role]
        # the party's own, unless only its caption's shape tells it and the block prints one a scheme vouches for
        shaped = company is not None and text is not None and text in company.shaped and mine[0] not in company.shaped
        if text is not None and text in mine and not shaped:
            continue
        # the other party's, a number read from elsewhere, or one failing its check digits where the party's block
        # prints a valid one
        wrong = text is not None and (
            text in elsewhere or text in theirs[other] or (bool(mine) and not is_valid_tax_id(text))
        )
        if text is not None and not wrong and not shaped:
            continue
        # a value failing every check digit stands against an id only its caption's shape tells (a register's
        # number printed first in the block is no better a tax id than the reader's); the other party's id or a
        # number from elsewhere still gives way
        failing_only = text is not None and text not in elsewhere and text not in theirs[other]
        if failing_only and company is not None and mine and mine[0] in company.shaped:
            continue
        if mine and company is not None:
            value_, word, page = company.tax_ids[0]
            fields[name] = FieldValue(value_, CONFIDENCE, page, word.bbox, word.text)
            changed.append(name)
        elif wrong:
            del fields[name]
            changed.append(name)


def _value(name: str, mention: Mention) -> FieldValue:
    return FieldValue(name, CONFIDENCE, mention.page, mention.bbox, name)
