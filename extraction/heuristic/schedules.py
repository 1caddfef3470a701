"""Rate schedules that are not ruled tables: numbered clauses and lists ('4.2 Remote support - EUR 95.00 per hour',
'• Helpdesk: 12.50 USD per ticket'). A rate line is a numbered or bulleted line whose text names a service, then a
separator, then one money amount with an optional currency code and unit; two or more of them make a schedule.

Rates in prose ('For Data migration the Provider charges USD 1,230.00 per project.') are read by their sameness:
consecutive sentences of one amount each that share their wording but for one stretch before the amount. That
stretch is the service, whatever the language of the words around it; no word of the template is looked up.
"""

from __future__ import annotations

import re
from decimal import Decimal

from extraction.clauserates import ARTICLE, service_start
from extraction.document import Word
from extraction.heuristic.parts import PageView, RowDraft, number
from extraction.heuristic.vocabulary import MONEY_TOKEN
from extraction.layout import Line, joined_thousands
from extraction.normalize import CURRENCY, CURRENCY_MARK, parse_amount

MARKER = re.compile(r"\(?\d{1,2}(?:\.\d{1,2})*\)?\.?|[•·▪◦*–-]|\(?[a-z]\)")  # a clause number or a bullet
RATE_LINE = re.compile(
    rf"^\s*(?:{MARKER.pattern})\s+"  # a clause number or a bullet
    r"(?P<description>[^\d\s:–—][^:–—]{1,90}?)\s*(?::|–|—|\s-)\s*"  # the service, up to a separator
    rf"(?:{CURRENCY_MARK}\s*)?(?P<rate>\d[\d.,' ]*[.,]\d{{2}})(?:\s*{CURRENCY_MARK})?"  # one amount
    # the unit after 'per' or a linking word of any language ('na dan', 'za uro'): a short lower-case word between
    # the amount and one last word that ends the line
    r"(?:\s+(?:per|/|je|par|por|pro|[^\W\d_A-Z]{1,3}(?=\s+[\w/-]+[.;]?\s*$))\s+(?P<unit>[\w/-]+))?"
)
PER = re.compile(r"^(?:per|/|je|par|por|pro|pour|para|la|le|the)$", re.IGNORECASE)  # 'per hour', 'je Stunde'
UNIT_BEFORE = re.compile(r"^(?:per|/|je|pro)$", re.IGNORECASE)  # 'per day' before the amount


def _common_prefix(texts: list[list[str]]) -> int:
    size = 0
    while all(len(t) > size for t in texts) and len({t[size] for t in texts}) == 1:
        size += 1
    return size


def _prose_rate_rows(view: PageView, lines: list[Line], number_hint: str | None) -> list[RowDraft]:
    """Rows of consecutive one-amount sentences that differ only in one stretch before the amount (the service)."""
    split: list[tuple[Line, list[Word], Word, list[Word]]] = []
    entries = True  # each line opens on a list's marker: each is an entry of its own, no sentence wrapped on
    for line in lines:
        words = joined_thousands(line.words)
        at = next(i for i, w in enumerate(words) if MONEY_TOKEN.match(w.text.rstrip(".,;")))
        marked = at > 1 and MARKER.fullmatch(words[0].text) is not None  # '(b)', '2.', '•': the list's, no service's
        split.append((line, words[int(marked) : at], words[at], words[at + 1 :]))
        entries = entries and marked
    priced = [len(b) > 1 and CURRENCY.fullmatch(b[-1].text) is not None for _, b, _, _ in split]
    if any(priced) and not all(priced):  # 'beträgt EUR 2.994,62' beside 'beträgt 9.268,46 €': no template word
        split = [(line, b[:-1] if p else b, m, a) for (line, b, m, a), p in zip(split, priced, strict=True)]
    if any(re.search(r"[.;]$", w.text) for *_, after in split for w in after[:-1]):
        return []  # a sentence ends after the rate and the next begins on its line: wrapped prose, no line a rate
    before = [[w.text for w in b] for _, b, _, _ in split]
    head = _common_prefix(before)
    tail = _common_prefix([t[head:][::-1] for t in before])
    terms = all(_term(t) for t in before)
    if terms:  # 'Tier 1 (1 - 50 users): EUR 18.00': a list's terms, their shared words the names' own
        head = tail = 0
    # in a list's entries, 'per' after every amount with its unit after it is shared wording too
    per = _common_prefix([[w.text for w in a] for *_, a in split])
    per = int(entries and per > 0 and all(len(a) > per for *_, a in split))
    if head + tail + per < 2 and not terms or any(len(t) - head - tail < 1 for t in before):
        return []  # no shared wording around a varying service: not a schedule in prose
    if len({" ".join(t[head : len(t) - tail]) for t in before}) < len(before):
        return []  # the same 'service' twice: a repeated sentence, not a list of rates
    runs_on = [[w.text for w in a[1 + bool(a and CURRENCY.match(a[0].text)) + 1 :]] for *_, a in split]
    if all(len(t) >= 2 for t in runs_on) and len({tuple(t) for t in runs_on}) == len(runs_on):
        return []  # 'EUR 900.00 per day for the lead consultant': the service follows the unit (``enumerated_rates``)
    head = service_start(before, head, tail)
    # each service followed by a short lower-case word of its own ('a retainer of', 'field work at'): a linking word
    linked = all(len(t) - head - tail >= 2 and ARTICLE.match(t[len(t) - tail - 1]) for t in before)
    tail += linked
    rows = []
    for line, words_before, money, after in split:
        rate = parse_amount(re.sub(r"[^\d.,' ]", "", money.text.rstrip(".,;")).replace(" ", ""), number_hint)
        if rate is None or rate <= 0:
            return []
        described = words_before[head : len(words_before) - tail]
        while (
            terms
            and len(described) > 1
            and (CURRENCY.fullmatch(described[-1].text) or SEPARATOR.match(described[-1].text))
        ):
            described = described[:-1]  # the term's currency or its separator standing apart ('Analyst — EUR')
        described[-1] = _trimmed(described[-1], ",:–—-")
        cells: dict[str, list[Word]] = {"description": described, "unit_price": [money]}
        after = after[1:] if after and CURRENCY.match(after[0].text) else after  # '480,00 EUR pro Einsatz'
        # 'per hour', or a short lower-case linking word of any language before one last word ('650.00 a day.')
        linking = len(after) == 2 and ARTICLE.match(after[0].text) and after[1].text[:1].isalpha()
        if len(after) >= 2 and PER.match(after[0].text) or linking:
            unit = after[1]
            cells["unit"] = [Word(unit.text.rstrip(".,;"), unit.bbox, unit.confidence)]
        elif len(described) >= 3 and UNIT_BEFORE.match(described[-2].text):
            # 'Senior engineer  per day  GBP 850.00': the unit printed before the amount, in a cell of its own
            cells["description"], cells["unit"] = described[:-2], [_trimmed(described[-1], ",:–—-")]
        rows.append(RowDraft(view.page.number, cells, line.bottom, tuple(cells), (), line))
    return rows


SEPARATOR = re.compile(r"^[:–—-]$")


def _term(words: list[str]) -> bool:
    """Words before a price that end in a list's separator ('Band A:', 'Tier 2 (51 - 250 users):', a currency
    after it): a term of a list, whole, not a sentence whose shared words are template."""
    words = words[:-1] if words and CURRENCY.fullmatch(words[-1]) else words
    return 0 < len(words) <= 8 and re.search(r"[:–—]$", words[-1]) is not None and not SEPARATOR.match(words[0])


def _trimmed(word: Word, marks: str) -> Word:
    """``word`` without the trailing ``marks`` glued on ('forwarding:', 'visita;'), kept whole if that is all it is."""
    return Word(word.text.rstrip(marks) or word.text, word.bbox, word.confidence)


def _words_of(line: Line, start: int, end: int) -> list[Word]:
    out, position = [], 0
    for word in line.words:
        if position < end and position + len(word.text) > start:
            out.append(word)
        position += len(word.text) + 1
    return out


class ListedRates:
    """A contract's rates listed in clauses or bullets, as line items (description, unit price, unit)."""

    @staticmethod
    def _revised_rates(rows: list[RowDraft], number_hint: str | None) -> None:
        """A schedule that prints each rate twice, the price and a column of amounts right of it that no arithmetic
        ties to it ('Current rate | Revised rate', 'bisher | neu'): the later column is the rate in force. Taken only
        where every row's two amounts are versions of one price, within a quarter of each other (a revision), so an
        overtime or weekend rate (a half more and up), a half-day rate or a minimum charge beside a rate stays apart."""
        tables: dict[tuple[int, ...], list[RowDraft]] = {}
        for row in rows:
            tables.setdefault(tuple(id(c) for c in row.header), []).append(row)
        for table in tables.values():
            header = {c.name: c for c in table[0].header}
            price = header.get("unit_price")
            if price is None or "quantity" in header or "amount" in header:
                continue
            later = [c for c in header.values() if c.name.startswith("_unread") and c.x0 > price.x1]
            for column in sorted(later, key=lambda c: -c.x0)[:1]:
                pairs = [
                    (
                        number(r.cells.get("unit_price", []), number_hint),
                        number(r.cells.get(column.name, []), number_hint),
                    )
                    for r in table
                ]
                if not all(
                    old and new and old > 0 and Decimal("0.8") < new / old < Decimal("1.25") for old, new in pairs
                ):
                    continue
                for row in table:
                    row.cells["unit_price"] = row.cells.pop(column.name)

    def _listed_rates(self, views: list[PageView], number_hint: str | None) -> list[RowDraft]:
        rows: list[RowDraft] = []
        for view in views:
            for line in view.lines:
                match = RATE_LINE.match(line.text)
                if match is None or len(re.findall(r"\d[.,]\d{2}\b", line.text)) != 1:
                    continue
                rate = parse_amount(match["rate"].replace(" ", ""), number_hint)
                if rate is None or rate <= 0:
                    continue
                described = _words_of(line, match.start("description"), match.end("description"))
                described[-1] = _trimmed(described[-1], ":–—-")  # 'forwarding:' keeps its separator glued on
                cells = {
                    "description": described,
                    "unit_price": _words_of(line, match.start("rate"), match.end("rate")),
                }
                if match["unit"]:  # 'por visita;': the list's punctuation is no part of the unit
                    cells["unit"] = [
                        _trimmed(w, ".,;:") for w in _words_of(line, match.start("unit"), match.end("unit"))
                    ]
                columns = tuple(cells)
                rows.append(RowDraft(view.page.number, cells, line.bottom, columns, (), line))
        if len(rows) >= 2:
            return rows
        return self._prose_rates(views, number_hint)

    @staticmethod
    def _prose_rates(views: list[PageView], number_hint: str | None) -> list[RowDraft]:
        """The first run of two or more consecutive lines, one amount each, that read as rates in prose."""
        for view in views:
            run: list[Line] = []
            for line in [*view.lines, None]:
                one_amount = (
                    line is not None
                    and sum(bool(MONEY_TOKEN.match(w.text.rstrip(".,;"))) for w in joined_thousands(line.words)) == 1
                    and len(line.words) >= 4
                )
                if one_amount and line is not None:
                    run.append(line)
                    continue
                # the longest stretch of the run that reads as one template (a sentence of another kind beside it)
                stretches = sorted(
                    ((a, b) for a in range(len(run)) for b in range(a + 2, len(run) + 1)), key=lambda ab: ab[0] - ab[1]
                )
                for a, b in stretches:
                    rows = _prose_rate_rows(view, run[a:b], number_hint)
                    if rows:
                        return rows
                run = []
        return []
