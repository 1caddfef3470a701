"""Contract prose: dates after 'effective'/'terminates', payment terms, the parties of 'between ... and ...'."""

from __future__ import annotations

import re

from extraction.agreements import paying_party
from extraction.document import Word
from extraction.heuristic.parts import (
    Candidate,
    PageView,
)
from extraction.heuristic.vocabulary import ORDINAL_PATTERN, TAX_ID_LABEL, ordinal_day
from extraction.layout import Line, split_phrases, typical_char_width
from extraction.normalize import normalize_tax_id, parse_date
from extraction.phrases import CELL_GAP, running_line
from extraction.references import could_be_reference
from extraction.terms import duration_words, net_days


class ProseFields:
    # ---- prose (contracts) -----------------------------------------------------------------

    _DATE = (
        r"(\d{1,2}(?:st|nd|rd|th)?\s+(?:day\s+of\s+)?[A-Z][a-z]+\.?,?\s+\d{4}|[A-Z][a-z]+\.?\s+\d{1,2}(?:st|nd|rd|th)?,?\s+\d{4}"
        r"|\d{4}-\d{2}-\d{2}|\d{1,2}[/.]\d{1,2}[/.]\d{2,4}"
        r"|(?:" + ORDINAL_PATTERN + r")\s+day\s+of\s+[A-Z][a-z]+,?\s+\d{4})"  # 'the first day of March 2026'
    )
    _TERM = re.compile(
        r"(?:for\s+a\s+(?:period|term)\s+of|(?:initial\s+)?term\s+of|period\s+of)\s+"
        r"(?:(?P<word>[a-z]+(?:-[a-z]+)?)\s+)?(?:\(?(?P<number>\d{1,3})\)?\s+)?(?P<unit>months?|years?)\b",
        re.IGNORECASE,
    )

    def _term_months(self, views: list[PageView]) -> tuple[int, list[Word], int] | None:
        """An agreement's term printed as a length ('for a period of twenty-four (24) months') -> (months, words,
        page): its expiry is the effective date plus the term, less a day."""
        for view in views:
            text, spans = self._page_text(view)
            match = self._TERM.search(text)
            if match is None:
                continue
            # 'twenty-four' read by the terms parser's number words ('twenty-four days' -> 24)
            count = int(match["number"]) if match["number"] else net_days(f"{match['word']} days")
            if not count:
                continue
            months = count * (12 if match["unit"].lower().startswith("year") else 1)
            return months, self._words_in(spans, match.start(), match.end()), view.page.number
        return None

    def _prose_candidates(self, views: list[PageView], date_hint: str | None) -> list[Candidate]:
        out: list[Candidate] = []
        patterns = [
            # the place it was signed in may come between ('entered into in Cairo on 3 October 2024')
            (
                "effective_date",
                r"(?:entered\s+into|made|dated|effective)\s+(?:(?:in|at)\s+[A-Z][^\W\d_]+(?:\s+[A-Z][^\W\d_]+)?,?\s+)?"
                r"(?:as\s+of\s+|on\s+|from\s+)?",
                0.8,
            ),
            ("expiry_date", r"(?:terminat\w*|expir\w*|end)\s+(?:on\s+)?", 0.7),
            ("expiry_date", r"(?:until|through)\s+", 0.6),
        ]
        for view in views:
            text, spans = self._page_text(view)
            for name, pattern, score in patterns:
                for match in re.finditer(pattern + r"(?:this\s+|the\s+)?" + self._DATE, text, re.IGNORECASE):
                    value = parse_date(ordinal_day(match.group(1)), date_hint)
                    if value:
                        words = self._words_in(spans, match.start(1), match.end(1))
                        order = (view.page.number, words[0].bbox[1] if words else 0.0)
                        out.append(Candidate(name, value, words, view.page.number, score, match.group(1), order))
            for match in re.finditer(
                r"(?:payable|paid|due)\s+((?:(?:with)?in\s+)?[\w\-]+(?:\s*\(\d{1,3}\))?\s+(?:calendar\s+|business\s+)?days?"
                # the invoice the days count from, else another event up to the clause's end ('of delivery.')
                r"(?:\s+(?:of|from|after)\s+(?:the\s+)?(?:date\s+of\s+)?(?:receipt\s+of\s+)?(?:a\s+correct\s+|the\s+)?"
                r"(?:invoice|receipt)(?:\s+date)?"
                r"|\s+(?:of|from|after|following)\s+(?:[^\s.,;]+\s+){0,5}?[^\W\d_][^\s.,;]*(?=[.,;](?:\s|$)))?"
                r"|net\s+\d{1,3}(?:\s+days)?"
                r"|(?:immediately\s+)?(?:up)?on\s+receipt(?:\s+of\s+(?:the\s+)?invoice)?)",
                text,
                re.I,
            ):
                raw = match.group(1)  # the terms as printed; the days are derived from them
                days = net_days(raw)
                if days is not None:
                    words = self._words_in(spans, match.start(1), match.end(1))
                    # 'Due on receipt' alone in a value cell (or after a caption's leaders) is the terms whole,
                    # not a sentence's end (a wrapped sentence's last line: 'due 30 days from the invoice date.')
                    whole = self._words_in(spans, match.start(), match.end(1))
                    cell = any(self._fills_cell(p.words, whole) for ps in view.phrases for p in ps)
                    if cell and not whole[-1].text.endswith("."):
                        words, raw = whole, " ".join(w.text for w in whole)
                    out.append(
                        Candidate("payment_terms", raw, words, view.page.number, 0.7, raw, (view.page.number, 0.0))
                    )
            between = re.search(r"\bbetween\s+(?:the\s+undersigned\s+)?", text, re.IGNORECASE)
            if between:
                out += self._prose_parties(view, spans, text, between.end())
        return out

    def _prose_parties(
        self, view: PageView, spans: list[tuple[int, int, Word]], text: str, start: int
    ) -> list[Candidate]:
        """'between ACME Inc., <address> (EIN 12-3456789) (the "Customer"), and Foo GmbH, ... (the "Supplier")'.

        Each party is its name up to the first comma or bracket (a legal form after a comma stays: ', Inc.'),
        with its role and tax id in the brackets that follow; the role decides buyer or vendor.
        """
        buyer_words = r"buyer|customer|client|purchaser|company|licensee|recipient|principal"
        vendor_words = r"supplier|vendor|seller|provider|contractor|consultant|licensor|service\s+provider|agency"
        segment = text[start : start + 900]
        roles = list(re.finditer(r"\((?:hereinafter\s+)?(?:the\s+)?[\"“']([^\"”']{2,40})[\"”']\)", segment))
        parties: list[tuple[int, int, str]] = []  # start, end (in text), role
        cursor = 0
        for role in roles[:2]:
            name = re.match(
                r"\s*(?:and\s+)?(.{3,150}?)(?=\s*(?:,|\(|\.\s(?!KG\b|AG\b|SE\b|z\s|\()))", segment[cursor:], re.DOTALL
            )
            if not name:
                break
            n0, n1 = cursor + name.start(1), cursor + name.end(1)
            tail = re.match(
                r"\.?,?\s*(inc|llc|ltd|l\.?p|co|corp|plc|gmbh|s\.?a|b\.?v|n\.?v|ag)\.?(?=[\s,(])", segment[n1:], re.I
            )
            if tail:  # 'Group, Inc.' and 'Supply Co.' keep their legal form
                n1 += tail.end()
            parties.append((n0, n1, role.group(1)))
            cursor = role.end()
            after = re.match(r"\s*,?\s*and\s+", segment[cursor:], re.I)
            if after is None:
                break
            cursor += after.end()
        out: list[Candidate] = []
        if len(parties) != 2:
            return out
        first_vendor = bool(re.search(vendor_words, parties[0][2], re.I)) or bool(
            re.search(buyer_words, parties[1][2], re.I)
        )
        known = bool(re.search(vendor_words + "|" + buyer_words, parties[0][2] + parties[1][2], re.I))
        payer = paying_party(text, parties[0][2], parties[1][2])
        if payer is not None:  # whoever the contract says pays the other is the buyer, whatever its role's name
            first_vendor, known = payer == 1, True
        score = 0.8 if known else 0.4
        for index, (n0, n1, _) in enumerate(parties):
            is_vendor = (index == 0) == first_vendor
            party_field = "vendor_name" if is_vendor else "buyer_name"
            raw = " ".join(segment[n0:n1].split()).strip(" ,;\"'“”")
            words = self._words_in(spans, start + n0, start + n1)
            out.append(Candidate(party_field, raw, words, view.page.number, score, raw, (view.page.number, 0.0)))
            # the party's own tax id sits between its name and its role
            role_end = roles[index].end() if index < len(roles) else n1
            block = segment[n1:role_end]
            tax = TAX_ID_LABEL.search(block)
            if tax:
                value = normalize_tax_id(re.split(r"[)\s]{2,}|\)", block[tax.end() :].strip())[0])
                if value:
                    field = "vendor_tax_id" if is_vendor else "buyer_tax_id"
                    tax_words = self._words_in(spans, start + n1 + tax.end(), start + role_end)
                    out.append(
                        Candidate(field, value, tax_words[:1], view.page.number, score, value, (view.page.number, 0.0))
                    )
        return out

    _SENTENCE_DAYS = re.compile(r"(?<![\w.,])(\d{1,3})\s+" + duration_words() + r"(?![^\W\d_])", re.IGNORECASE)

    def _sentence_order_facts(self, views: list[PageView], date_hint: str | None) -> list[Candidate]:
        """An order's facts written in one run-on sentence, read by their shape, not its words: a reference-shaped
        token after a lower-case word with a date beside it ('... sous la référence BC-2024-4926 du 15 août 2024,
        les articles ...') is the order's number and date; 'N days' in such a sentence, from the short word before
        it to the clause's end ('payables à 30 jours fin de mois.'), its payment terms. Weak guesses: any labelled
        value outweighs them."""
        out: list[Candidate] = []
        for view in views:
            for line in view.lines:
                words = line.words
                if not _sentence(line, view):
                    continue
                found = self._sentence_reference(view, words, date_hint)
                if found:
                    out += found
                    break
        for view in views:
            text, spans = self._page_text(view)
            for match in self._SENTENCE_DAYS.finditer(text):
                lead = self._words_in(spans, match.start(), match.end())
                if not lead or not any(_sentence(line, view) for line in view.lines if lead[0] in line.words):
                    continue
                start = match.start()
                before = re.search(r"(?:^|\s)([^\W\d_]{1,3})\s+$", text[max(0, start - 6) : start])
                if before and before.group(1).islower():
                    start -= len(before.group(0)) - (1 if before.group(0)[:1].isspace() else 0)
                stop = re.search(r"[,;]|\.(?:\s|$)|$", text[match.end() :])
                end = match.end() + (stop.start() if stop else 0)
                # a capital starts another sentence or a caption ('... de la factură Nr. 17'): the clause ends before
                tail = text[match.end() : end]
                capital = next((m for m in re.finditer(r"\s(\S)", tail) if m.group(1).isupper()), None)
                end = match.end() + capital.start() if capital else end
                chosen = self._words_in(spans, start, end)
                kept = _same_paragraph(view, lead[0], chosen)
                if len(kept) < len(chosen):
                    # the clause runs on only into its own paragraph: the next line of another block (the
                    # address's '66000 Perpinyà' in the column beside a terms cell) is none of it
                    chosen = kept
                    end = next(e for s, e, word in spans if word is kept[-1])
                raw = " ".join(text[start:end].split())
                if len(raw.split()) > 8 or net_days(raw) is None:
                    continue
                order = (view.page.number, chosen[0].bbox[1])
                out.append(Candidate("payment_terms", raw, chosen, view.page.number, 0.45, raw, order))
                return out
        return out

    def _sentence_reference(self, view: PageView, words: list[Word], date_hint: str | None) -> list[Candidate]:
        for i, word in enumerate(words[1:-1], start=1):
            token = word.text.strip(" :#.,;")
            before = words[i - 1].text
            if not (before.isalpha() and before.islower()) or not _reference_shape(token):
                continue
            if not could_be_reference(token):
                continue
            for skip in (0, 1):
                # a date in words may run to five ('10 de novembro de 2025'): the shortest that parses is taken
                for size in (1, 2, 3, 4, 5):
                    span = words[i + 1 + skip : i + 1 + skip + size]
                    if len(span) < size or skip and not words[i + 1].text.isalpha():
                        continue
                    value = parse_date(" ".join(w.text for w in span).strip(" ,;."), date_hint)
                    if value is None:
                        continue
                    page, order = view.page.number, (view.page.number, word.bbox[1])
                    raw = " ".join(w.text for w in span).strip(" ,;.")
                    return [
                        Candidate("po_number", token, [word], page, 0.45, token, order),
                        Candidate("order_date", value, span, page, 0.45, raw, order),
                    ]
        return []

    @staticmethod
    def _fills_cell(phrase: list[Word], words: list[Word]) -> bool:
        """Whether ``words`` end ``phrase`` and start it or follow a caption's colon or dotted leaders."""
        if not words or phrase[-1] is not words[-1]:
            return False
        at = next((i for i, w in enumerate(phrase) if w is words[0]), None)
        return at == 0 or at is not None and re.search(r"(?:[.·_…]{2,}|:)$", phrase[at - 1].text) is not None

    @staticmethod
    def _page_text(view: PageView) -> tuple[str, list[tuple[int, int, Word]]]:
        parts, spans, position = [], [], 0
        for line in view.lines:
            for word in line.words:
                spans.append((position, position + len(word.text), word))
                parts.append(word.text)
                position += len(word.text) + 1
        return " ".join(parts), spans

    @staticmethod
    def _words_in(spans: list[tuple[int, int, Word]], start: int, end: int) -> list[Word]:
        return [word for s, e, word in spans if s < end and e > start]


def _reference_shape(token: str) -> bool:
    """A document number's shape: digits with letters or separators ('BC-2024-4926', 'PO/77/2024'), or five digits or
    more."""
    if not re.fullmatch(r"[A-Za-z0-9][A-Za-z0-9./_-]*[A-Za-z0-9]", token) or not re.search(r"\d", token):
        return False
    return bool(re.search(r"[A-Za-z/_-]", token)) or len(token) >= 5


def _sentence(line: Line, view: PageView) -> bool:
    """A line of running text: ``running_line``'s words, one phrase across the line (no form's cells apart)."""
    if not running_line(line.words):
        return False
    return len(split_phrases(line, typical_char_width(view.page.words), gap_chars=CELL_GAP)) == 1


def _same_paragraph(view: PageView, lead: Word, chosen: list[Word]) -> list[Word]:
    """The run of ``chosen`` (words in reading order from ``lead``) that stays in the lead's paragraph: words of the
    lead's line, then of the lines set close under it within its width. A word of another block (an address line
    starting left of a terms cell, the next column's text) ends the run."""
    line = next((line for line in view.lines if lead in line.words), None)
    if line is None:
        return chosen
    x0, x1 = line.bbox[0], line.bbox[2]
    slack = typical_char_width(view.page.words)
    bottom, height = line.bottom, line.height
    kept: list[Word] = []
    for word in chosen:
        if word.bbox[1] < line.bottom - 0.5 * height:  # on the lead's line (or above it: the words before the lead)
            kept.append(word)
            continue
        middle = (word.bbox[0] + word.bbox[2]) / 2
        if not (x0 - slack <= middle <= x1 + slack) or word.bbox[1] - bottom > height:
            break
        kept.append(word)
        bottom = max(bottom, word.bbox[3])
    return kept or chosen
