"""Agreements in prose (NDAs, service agreements, letter agreements): ``read(doc) -> fields``.

The parties are named once, in the preamble: 'by and between Acme Corp., a Delaware corporation
("Company"), and ...', 'among A, B and C', 'PARTIES: ...'; or, in a letter agreement, by the letterhead
and the addressee. A party's name runs up to its description (', a Delaware corporation', ', an
individual', ', having its office at') or its defined term ('("Kite")'); a legal suffix after a comma
stays as printed (', Inc.', ', L.P.'). The effective date follows 'as of', 'dated', 'effective', 'made
(on|this)' in the preamble ('this 6th day of January, 2012'). The governing law gives ``jurisdiction``,
'for a period of two (2) years' gives ``term``. Evidence is counted, not assumed: a party whose name is
printed again (signature block, later clauses) or that has a defined term gains confidence.
"""

from __future__ import annotations

import re
from collections.abc import Iterator
from dataclasses import dataclass
from datetime import date

from extraction import normalize
from extraction.companies import FORMS, LEGAL_FORM, LEGAL_SUFFIX
from extraction.document import BBox, Document, Word, union_bbox
from extraction.layout import group_lines, reading_order
from extraction.result import FieldValue, Value
from extraction.terms import NUMBER, number_value

MONTH = r"(?:jan|feb|mar|apr|may|jun|jul|aug|sep|sept|oct|nov|dec)[a-z]*\.?"
DATE = (
    rf"(?:{MONTH}\s+\d{{1,2}}(?:\s?(?:st|nd|rd|th))?\s*,?\s*\d{{4}}"  # January 6, 2012; December 9 th , 2014
    rf"|\d{{1,2}}(?:\s?(?:st|nd|rd|th))?\s+(?:day\s+of\s+)?{MONTH},?\s+\d{{4}}"  # 6th day of January, 2012
    r"|\d{1,2}/\d{1,2}/\d{2,4})"
)
# the words between a cue and its date stay in one sentence: no ';', and no stop but one a lower-case word goes on
# after (an abbreviation's, 'Signed at St. Helier, Jersey, on ...', or a speck a scan reads as one: '1ZZ. on')
_IN_SENTENCE = r"(?:[^.;]|\.(?=\s+(?-i:[a-z])))"  # lower case even where the pattern ignores case
DATE_CUE = re.compile(
    rf"\b(?:dated|effective|made|entered\s+into|executed|signed)\b{_IN_SENTENCE}{{0,60}}?\b((?:{DATE}))",
    re.IGNORECASE,
)
AS_OF = re.compile(rf"\b(?:as\s+of|dated|effective(?:\s+as\s+of)?)\s+(?:the\s+)?((?:{DATE}))", re.IGNORECASE)
SIGNED_DATE = re.compile(
    rf"\b(?:as\s+of(?:\s+the)?|dated?\s*:?|date\s+signed\s*:?|effective\s+date\s*:?|"
    rf"(?:executed|signed)\b{_IN_SENTENCE}{{0,40}}?\b(?:this|on)(?:\s+the)?)\s+((?:{DATE}))",
    re.I,
)
SIGNING = re.compile(r"(?:executed|signed)\b", re.IGNORECASE)  # a date cue that dates one party's signature
DATE_LINE = re.compile(rf"\s*(?:dated?\s*:?\s*)?((?:{DATE}))\s*", re.IGNORECASE)
ENTITY_DESCRIPTION = re.compile(
    r",\s+(?:a|an)\s+[^,()]{0,60}?(?:corporation|company|partnership|limited|bank|association|trust|entity)"
    r"[^,()]{0,60},?\s*$",
    re.IGNORECASE,
)
# ', a Delaware corporation', ', a limited liability company organized under ...'
DESCRIBED = re.compile(
    r",?\s+(?:a|an)\s+[A-Za-z\s\-]{0,40}?(?:corporation|company|partnership|limited|bank|association|trust)\b", re.I
)
# a defined term that names a document or a deal, not a party ('the "Agreement"', 'the "Letter Agreement"')
THING_TERM = re.compile(
    r"^(?:the\s+)?(?:[\w-]+\s+){0,3}(?:agreement|letter|release|information|transaction|plan|amendment|policy|"
    r"program|schedule|exhibit|effective\s+date|date|services?)s?$",
    re.IGNORECASE,
)
BOARD_OF = re.compile(
    r"^(?:(?:special\s+)?committee\s+of\s+(?:the\s+)?)?board\s+of\s+directors\s+of\s+(?:the\s+)?", re.I
)
# a role word does not start a name ('Bank of ...' and '... Corporation' may)
ROLE_FIRST = re.compile(
    r"^(?:company|employee|executive|recipient|discloser|disclosing|receiving|party|buyer|seller|consultant|"
    r"contractor|purchaser|investor|undersigned|holder|employer|agent|distributor|supplier|customer|client|vendor|"
    r"licensee|licensor|provider|advisor|stockholder|shareholder)(?:['’]s)?\b\W+\w",
    re.IGNORECASE,
)
NOT_IN_A_NAME = {"our", "your", "its", "their", "his", "her", "my", "you", "with", "whereas", "hereto"}
ABBREVIATION = re.compile(r"(?:\b[A-Za-z]\.(?:[A-Za-z]\.)*|\b(?:inc|co|corp|ltd|jr|sr|bros|l\.p|n\.a)\.)$", re.I)
BUYER_ROLE = re.compile(r"buyer|customer|client|purchaser|licensee|recipient|principal|employer|company", re.I)
VENDOR_ROLE = re.compile(
    r"supplier|vendor|seller|provider|contractor|consultant|licensor|agency|disclos|employee|executive", re.I
)
# English names two parties' roles by one stem, who grants in -or and who receives in -ee ('Lessor' / 'Lessee',
# 'Franchisor' / 'Franchisee', 'Assignor' / 'Assignee'): the one in -or provides, the vendor
_GRANTOR = re.compile(r"\b([A-Za-z]{3,})or\b")
_GRANTEE = re.compile(r"\b([A-Za-z]{3,})ee\b")


def grantor_first(role_a: str, role_b: str) -> bool | None:
    """Whether the first of two parties is the one in -or of a pair of roles of one stem (``role_a`` its words,
    ``role_b`` the second's): True, False the other way round, None where the roles are no such pair."""
    for grantor, grantee, answer in ((role_a, role_b, True), (role_b, role_a, False)):
        stems = {m.group(1).casefold() for m in _GRANTOR.finditer(grantor)}
        if stems & {m.group(1).casefold() for m in _GRANTEE.finditer(grantee)}:
            return answer
    return None


OPENING_CHARS = 6000  # where an agreement names its parties
# the verb of one party paying the other ('the Discloser shall pay the Recipient the fees below'), in the languages
# contracts arrive in: whoever pays is the buyer, whatever the roles' names say
PAYS = (
    r"(?:shall\s+|will\s+|must\s+|agrees\s+to\s+|undertakes\s+to\s+)?"
    r"(?:pays?|zahlt|betaalt|betaler|betalar|paie|paga|zapłaci|płaci|zaplatí|maksaa)(?:\s+to)?"
)
OPENING = re.compile(r"\bthis\b[^.]{0,150}?\b(?:agreement|letter)\b", re.IGNORECASE)
AFFILIATES = re.compile(
    r"(?:,?\s+(?:and|or)\s+its\b|,\s+its\b|,?\s*including\b|\s+together\s+with\b)[^()]*$", re.IGNORECASE
)
# a person's name: first name or initials, initials, last name ('Raymond L. D'Arcy', 'J.H. Smith', 'Eugene Wright III')
PERSON = (
    r"((?:[A-Z][a-z]+|[A-Z]\.[A-Z]\.)(?:\s+[A-Z]\.)*\s+[A-Z][a-z]*(?:['’\-][A-Z]?[a-z]+)*"
    r"(?:,?\s+(?:Jr|Sr|III|II)\b\.?)?)"
)
FIRST_PERSON = re.compile(rf"(?:^|[.:]\s+)I,\s+{PERSON}\s*,")
SIGNATURE = re.compile(rf"/s/\s*{PERSON}")
# who signs for a company ('By: /s/ ...', then a title) or as a witness is not a party himself
REPRESENTS = re.compile(r"(?:\bby|witness(?:ed)?(?:\s+by)?)\s*:?[\s_]*$", re.IGNORECASE)
WITNESS = re.compile(r"witness", re.IGNORECASE)
OFFICER = re.compile(
    r"\b(?:President|Chief|Officer|Chairman|Chair|Secretary|Treasurer|Vice|Director|Manager|Its|Authorized|Title)\b"
)
SIGNS_HIMSELF = re.compile(
    r"\b(?:employee|executive|associate|consultant|individual|stockholder|shareholder|accepted|agreed|acknowledged)\b",
    re.IGNORECASE,
)
# the text that introduces the parties
OPENERS = re.compile(
    r"\b(?:by\s+and\s+(?:between|among)|between|among|parties\s*:|by)\s+(?:and\s+)?(?:the\s+undersigned,?\s+)?",
    re.IGNORECASE,
)
# '("Kite")', '(the "Company")', '(together with its Affiliates, "Amgen")', '(Employee)', '(the Supplier)'
DEFINED_TERM = re.compile(
    r"\((?:[^()]|\([^()]*\)){0,200}?[\"“”']+([^\"“”')]{1,40})[\"“”']+(?:[^()]|\([^()]*\)){0,120}\)"
    r"|\((?:the\s+)?([A-Z][A-Za-z]{2,30})\)"
    r"|\(\s*hereinafter\s+(?:referred\s+to\s+)?(?:as\s+)?(?:the\s+)?([A-Z][\w&]*(?:\s+[A-Z][\w&]*){0,4}?)(?:\s+or\s+[^()]{0,40})?\)"
)


def _defined_terms(text: str, start: int = 0, end: int | None = None) -> Iterator[tuple[re.Match[str], str]]:
    """Each ``DEFINED_TERM`` in ``text[start:end]`` and the word it defines, as printed, less a legal form in
    brackets: '(Pty)', '(GmbH)' are a name's part ('Springbok Traders (Pty) Ltd'), no term."""
    for term in DEFINED_TERM.finditer(text, start, len(text) if end is None else end):
        defined = next((g for g in term.groups() if g), "")
        if not LEGAL_FORM.match(defined.strip()):
            yield term, defined


GENERIC = re.compile(
    r"^(?:the\s+)?(?:company|employee|executive|recipient|discloser|you|we|i|party|parties|buyer|seller|consultant|"
    r"contractor|purchaser|investor|corporation|bank|undersigned|holder|employer|agent|distributor|supplier|customer|"
    r"client|vendor|licensee|licensor|provider|advisor|stockholder|shareholder|member)s?$",
    re.IGNORECASE,
)
# where a party's name ends: its description or its defined term
DESCRIPTION = re.compile(
    r",?\s+(?:a|an)\s+(?=[A-Za-z\s\-]{0,40}?(?:corporation|company|partnership|limited|individual|organized|"
    r"organised|bank|association|trust|llc|entity|resident|person|society|firm|agency|institution|business|"
    r"subsidiary|banking|public|private|joint|national|state|delaware|nevada|california|new\s+york))"
    r"|,\s*(?:having|with\b|divisions|subsidiaries|affiliates|successors|whose|located|residing|its\s+|on\s+behalf|including|together|"
    r"together\s+with|and\s+its|which|acting|incorporated|organi[sz]ed|doing\s+business|\d)"
    rf"|\s*\((?!(?:{FORMS})\.?\)\s)"  # a bracket ends the name, not a legal form's: 'Springbok Traders (Pty) Ltd'
    r"|\s+(?:having|with\s+its|whose|located\s+at|residing\s+at|and/or|and\s+its|on\s+behalf|including|"
    r"f/k/a|d/b/a|formerly|and\s+(?:the|certain|each|all)\s+(?=(?-i:[a-z])))\b"
    r"|(?-i:(?<=[a-z]{2})\.\s+(?=[A-Z]))|\s*[\"“]",
    re.IGNORECASE,
)
# 'the laws of the State of New York', 'the internal laws of the Commonwealth of Massachusetts': the place's
# words are capitalised as printed ('any state' is no place); a nation or union is passed over for the
# state named after it ('the United States of America, State of California')
LAWS_OF = re.compile(
    r"\blaws?\b(?:\s+and\s+[a-z]+\s+[a-z]+)?(?:\s*\([^()]{0,80}\))?\s+of\s+(?:the\s+)?"
    r"(?:United\s+States(?:\s+of\s+America)?\s*(?:,|and)\s*(?:the\s+)?(?=state|commonwealth))?"
    r"(?:(?:state|commonwealth|province)\s+of\s+)?"
    r"((?-i:[A-Z][A-Za-z]+(?:\s+(?:[A-Z][A-Za-z]+|of\s+(?=Columbia)))*))",
    re.IGNORECASE,
)
# 'governed by Kansas law', 'construed under New York law'
PLACE_LAW = re.compile(
    r"(?:govern|constru|interpret)\w*\b[^.;]{0,60}?\b(?:by|under|with)\s+(?:the\s+)?(?:internal\s+|substantive\s+)?"
    r"((?-i:[A-Z][a-z]+(?:\s+[A-Z][a-z]+)?))\s+law\b",
    re.IGNORECASE,
)
US_STATES = (  # noqa: SIM905
    "Alabama Alaska Arizona Arkansas California Colorado Connecticut Delaware Florida Georgia Hawaii Idaho Illinois "
    "Indiana Iowa Kansas Kentucky Louisiana Maine Maryland Massachusetts Michigan Minnesota Mississippi Missouri "
    "Montana Nebraska Nevada New_Hampshire New_Jersey New_Mexico New_York North_Carolina North_Dakota Ohio Oklahoma "
    "Oregon Pennsylvania Rhode_Island South_Carolina South_Dakota Tennessee Texas Utah Vermont Virginia Washington "
    "West_Virginia Wisconsin Wyoming District_of_Columbia"
).split()
# a state's name ends the place whatever words the layout runs into it ('New York Information')
US_STATE = re.compile(
    r"^(?:" + "|".join(sorted((n.replace("_", r"\s+") for n in US_STATES), key=len, reverse=True)) + r")\b"
)
SENTENCE_END = re.compile(r"(?<=[a-z)\]])\.\s+(?=[A-Z(0-9])")
# why the laws are named: to govern this agreement, not to say where a party was organised
GOVERNS = re.compile(
    r"govern|constru|interpret|enforce|applicable\s+law|choice\s+of\s+law|entered\s+into\s+under|subject\s+to", re.I
)
ORGANISED_UNDER = re.compile(
    r"(?:organi[sz]ed|incorporated|existing|formed|registered|established|chartered)\s+(?:and\s+\w+\s+)?"
    r"(?:under|pursuant\s+to|in\s+accordance\s+with)\s+(?:the\s+)?\S*\s*$",
    re.IGNORECASE,
)
NOT_A_PLACE = re.compile(
    r"^(?:any|such|that|this|the|each|all|said|its|their|your|our|other|another|applicable|united\s+states"
    r"(?:\s+of\s+america)?|usa|us|u\s?s|federal|law|laws|state|country|nation|jurisdiction)$",
    re.IGNORECASE,
)
# words that follow a place without being part of it ('Delaware USA', 'California Without regard')
PLACE_TAIL = re.compile(
    r"\s+(?:USA|U\.S\.A|U\.S|United\s+States|America|Without|Applicable|Except|Excluding|Agreement|And|As|In|To|"
    r"Which|That|Notwithstanding|Governing|Section|Article|This|The|Each|Any)\b.*$",
    re.IGNORECASE,
)
NOT_A_PARTY = re.compile(
    r"agreement|transaction|date|information|material|period|purpose|business|act|affiliate|representative|"
    r"securities|shares|merger|plan|term|notice|territory|product|project|proposal|deal|acquisition|confidential|"
    r"evaluation|discussion|restricted|standstill|\bperson|services?$|program|property|\bwork\b|invention|section|"
    r"record|address|board\s+of|directors",
    re.IGNORECASE,
)
LEGAL_WORD = re.compile(
    r"\b(?:inc|llc|ltd|l\.?p|llp|corp|corporation|company|co|plc|n\.v|s\.a|ag|group|holdings|"
    r"partners|bank|trust|fund|limited)\b\.?",
    re.IGNORECASE,
)
# a run of capitalised words (with 'of', 'and', '&' and a legal suffix after a comma) ending a text
PROPER_RUN = re.compile(
    r"(?<![\w'’\-])(?:[a-z]{0,3}[A-Z0-9][\w.&'’\-]*(?:\s+|,\s+(?=(?:Inc|LLC|L\.?P|Ltd|Corp|N\.V|S\.A|plc)\b))"
    r"(?:(?:of|and|&|de|du|la|the)\s+)?)*[A-Z0-9][\w.&'’\-]*,?\s*$"
)
# 'two (2) years', 'eighteen months', '18 months', 'a two-year period', 'the two-year anniversary'
DURATION = re.compile(
    rf"\b({NUMBER})(?:\s*\(\s*(\d{{1,3}})\s*\))?[\s-]+(?:calendar\s+|business\s+)?(year|month|week|day)s?\b",
    re.IGNORECASE,
)
ORDINALS = {
    w: n
    for n, w in enumerate(
        ["first", "second", "third", "fourth", "fifth", "sixth", "seventh", "eighth", "ninth", "tenth"], 1
    )
}
# 'until the first anniversary of the Effective Date', 'the second (2nd) anniversary of the date hereof': years
ANNIVERSARY = re.compile(
    rf"\b({'|'.join(ORDINALS)}|\d{{1,2}}(?:st|nd|rd|th))(?:\s*\(\s*(\d{{1,2}})\s*(?:st|nd|rd|th)?\s*\))?"
    r"[\s-]+(anniversary)\b",
    re.IGNORECASE,
)
# what makes a duration the agreement's own term: it ends the agreement or its obligations
TERM_ENDS = re.compile(
    r"expir|terminat|remain\s+in|continu(?:e|es|ed|ing)\b|in\s+(?:full\s+)?(?:force|effect)|\bterm\b|surviv|cease|"
    r"shall\s+be\s+for|binding|govern\s+disclosure|effective|period\s+of\s+$",
    re.IGNORECASE,
)
TERM_OF = re.compile(r"this\s+(?:letter\s+)?agreement|obligations?|confidential|duty|restrictions|covenants", re.I)
TERM_HEADING = re.compile(r"\b(?:term|termination|duration)(?:\s+of\s+agreement)?\s*[.:;]\s*[^.]{0,120}$", re.I)
PERIOD_OF = re.compile(r"period\s+of\s+", re.IGNORECASE)
# a duration of something else: a notice, a deadline, a standstill or a ban on hiring
NOT_TERM = re.compile(
    r"\bwithin\b|prior\s+to|no\s+later|at\s+least|notice|standstill|solicit|hire|employ|purchase|acquire|"
    r"restricted\s+period|payment|salary|severance|vesting|option",
    re.IGNORECASE,
)


@dataclass(slots=True)
class Party:
    name: str
    start: int  # in the running text
    end: int
    score: float
    role: str = ""  # its defined term ('Supplier', 'Company'), which says buyer or vendor where it can


@dataclass(slots=True)
class Text:
    """The running text of the first pages, with each word's place in it (for page and box)."""

    text: str
    spans: list[tuple[int, int, int, Word]]  # start, end, page, word

    @classmethod
    def of(cls, doc: Document, pages: int) -> Text:
        parts: list[str] = []
        spans: list[tuple[int, int, int, Word]] = []
        position = 0
        for page in doc.pages[:pages]:
            for word in reading_order(page.words):
                spans.append((position, position + len(word.text), page.number, word))
                parts.append(word.text)
                position += len(word.text) + 1
        return cls(" ".join(parts), spans)

    def where(self, start: int, end: int) -> tuple[int | None, BBox | None]:
        words = [(p, w) for s, e, p, w in self.spans if s < end and e > start]
        if not words:
            return None, None
        page = words[0][0]
        return page, union_bbox([w.bbox for p, w in words if p == page])


def is_prose(doc: Document) -> bool:
    """A first page of running text (lower-case words), as an agreement opens; a form's first page is captions
    and numbers, whatever terms and conditions follow it (a short cover page: the next page decides)."""
    words: list[str] = []
    for page in doc.pages[:2]:
        if len(words) >= 150:
            break
        words += [w.text for w in page.words]
    if len(words) < 150:
        return False
    lower = sum(1 for w in words if w[:1].islower() and w.isalpha())
    return lower / len(words) > 0.45


def clean_name(raw: str) -> str | None:
    name = " ".join(raw.split()).strip(" ,;:\"'“”’")
    name = re.sub(r"^(?:and|the)\s+", "", name, flags=re.IGNORECASE).strip()
    name = BOARD_OF.sub("", name)  # 'Board of Directors of Acme, Inc.' speaks for Acme, Inc.
    name = re.sub(r"['’]s$", "", name)  # 'Lehman & Company's'
    # a sentence's period goes; an abbreviation keeps its own ('Inc.', 'N.V.', 'R. J.')
    if name.endswith(".") and not ABBREVIATION.search(name):
        name = name[:-1].rstrip()
    letters = re.sub(r"[^A-Za-z]", "", name)
    if len(letters) < 2 or len(name) > 100 or len(name.split()) > 12:
        return None
    camel = bool(re.match(r"[a-z]{1,3}[A-Z]", name))  # 'eBay Inc.', 'nStor Corporation', 'resTORbio, Inc.'
    if not (name[0].isupper() or name[0].isdigit() or camel) or GENERIC.match(name):
        return None
    words = re.findall(r"[A-Za-z]+", name)
    if all(GENERIC.match(w) or w.casefold() in ("and", "or", "of", "the") for w in words):
        return None  # 'Company and Employee', 'Buyer and the Company'
    if ROLE_FIRST.match(name):
        return None  # 'Employee and Acme' (two parties run together), 'Company Address', 'Company's Plan'
    if sum(bool(re.search(r"\d", w)) for w in name.split()) * 2 > len(name.split()):
        return None  # a postcode ('ON N2L 0A1'), not a name
    if any(w.casefold() in NOT_IN_A_NAME for w in words):
        return None  # 'Alcis and our employees', 'Whereas', 'Recipient with ... approval'
    thing = NOT_A_PARTY.search(name) and not LEGAL_WORD.search(name)
    if LEGAL_SUFFIX.fullmatch(name) or re.search(r"\d{4,}$", name) or thing:
        return None  # a suffix alone, an address ('Virginia 20166'), a defined thing ('Confidential Information')
    return name


def same_name(a: str, b: str) -> bool:
    return re.sub(r"\W+", " ", a).casefold().strip() == re.sub(r"\W+", " ", b).casefold().strip()


def party_name(segment: str) -> tuple[str, int] | None:
    """The party's name at the start of ``segment`` and where it ends."""
    end = DESCRIPTION.search(segment)
    stop = end.start() if end else min(len(segment), 120)
    # a comma inside a name comes before its legal suffix ('Gilead Sciences, Inc.'); any other ends it
    comma = next(
        (c.start() for c in re.finditer(",", segment[:stop]) if not LEGAL_SUFFIX.match(segment[c.start() :])), None
    )
    stop = comma if comma is not None else stop
    while (suffix := LEGAL_SUFFIX.match(segment[stop:])) and suffix.end() > 0:
        stop += suffix.end()
    name = clean_name(segment[:stop])
    return None if name is None else (name, stop)


class AgreementReader:
    def __init__(self, doc: Document) -> None:
        self.doc = doc
        self.text = Text.of(doc, pages=len(doc.pages))
        texts = [w.text for p in doc.pages[:2] for w in p.words]
        # month first unless the page says otherwise: its dates, or money in no dollar of a month-first country
        self.date_hint = normalize.date_order_of(texts) or normalize.date_order_by_money(texts) or "mdy"

    def read(self) -> dict[str, FieldValue]:
        fields: dict[str, FieldValue] = {}
        fields.update(self.parties())
        effective = self.effective_date()
        if effective is not None:
            fields["effective_date"] = effective
        for extra in (self.jurisdiction(), self.term()):
            if extra is not None:
                fields[extra[0]] = extra[1]
        return fields

    # ---- parties --------------------------------------------------------------------------------

    def parties(self) -> dict[str, FieldValue]:
        """``vendor_name`` and ``buyer_name``: by their defined terms where these say it ('Supplier',
        'Customer'), else in the order printed (the discloser, usually first, as the vendor)."""
        text = self.text.text
        head = text[:OPENING_CHARS]
        found: list[Party] = []
        for opener in OPENERS.finditer(head):
            if opener.group(0).strip().casefold() == "by" and not re.search(
                r"(?:made|entered\s+into)\s*$", head[: opener.start()]
            ):
                continue  # 'by' alone only in 'made by X and Y'
            listed = self._party_list(head, opener.end())
            if len(listed) > len(found):  # the first full list, else the first party listed with its description
                found = listed
            if len(found) >= 2:
                break
        if len(found) < 2:  # the other party left blank ('and ______ ("Employee")') or named elsewhere
            found += [
                p for p in self._defined_parties(head[:4000]) if all(not same_name(p.name, f.name) for f in found)
            ]
        if len(found) < 2:  # an individual party: 'I, Mary Minnick,' or a signature without 'By:'
            found += [p for p in self._individuals(text) if all(not same_name(p.name, f.name) for f in found)]
        found = found[:2]
        buyer_first = len(found) == 2 and bool(BUYER_ROLE.search(found[0].role) or VENDOR_ROLE.search(found[1].role))
        if buyer_first and not (VENDOR_ROLE.search(found[0].role) or BUYER_ROLE.search(found[1].role)):
            found.reverse()
        if len(found) == 2 and paying_party(text, found[0].role, found[1].role) == 0:
            found.reverse()  # the first (vendor's) role pays the other: it is the buyer
        out = {}
        for field, party in zip(("vendor_name", "buyer_name"), found, strict=False):
            repeated = len(re.findall(re.escape(party.name.split(",")[0][:25]), text, re.IGNORECASE)) > 1
            page, bbox = self.text.where(party.start, party.end)
            confidence = round(min(0.95, party.score + (0.05 if repeated else 0.0)), 4)
            out[field] = FieldValue(party.name, confidence, page, bbox, party.name)
        return out

    def _party_list(self, text: str, start: int) -> list[Party]:
        """'A, a Delaware corporation ("A"), and B, an individual ("B")': each name, up to three."""
        parties: list[Party] = []
        cursor = start
        for _ in range(3):
            # a numbered list of parties: '(1) Acme LLP, of ... (the Customer) and (2) ...'
            enumerator = re.match(r"\s*\(\s*(?:\d{1,2}|[a-z]|[ivx]{1,4})\s*\)\s*", text[cursor : cursor + 12])
            cursor += enumerator.end() if enumerator else 0
            segment = text[cursor : cursor + 600]
            read = party_name(segment)
            if read is None:
                break
            name, stop = read
            term, role = next(_defined_terms(segment, stop, stop + 400), (None, ""))
            # a defined term right after the description is the strongest sign of a party, the description alone
            # (', a Delaware corporation') the next
            described = DESCRIBED.match(segment, stop)
            if term and THING_TERM.match(role):
                break  # 'between the Buyer and the Company (the "Agreement")': a thing's term, no party list
            score = 0.9 if term else 0.8 if described else 0.6
            parties.append(Party(name, cursor, cursor + stop, score, role))
            after = term.end() if term else stop
            rest = segment[after:]
            link = re.match(r"\s*[,;]?\s*(?:and|&)\s*,?\s+|\s*,\s+(?=[A-Z])|\s+(?=[A-Z])" if term else r"$^", rest)
            if link is None and term:  # ', with offices at ..., and B': the next party after the address
                link = re.match(r"[^.;()“”\"]{0,200}?,\s*(?:and|&)\s+(?=[A-Z])", rest)
            if link is None:
                if not term:  # 'between A and B,' without defined terms
                    joined = re.match(r"(.{2,100}?)\s+and\s+", segment[:stop])
                    if joined and len(parties) == 1:
                        first = clean_name(joined.group(1))
                        second = party_name(segment[joined.end() :])
                        if first and second:
                            end = cursor + joined.end()
                            parties[-1] = Party(first, cursor, cursor + joined.end(1), 0.6)
                            parties.append(Party(second[0], end, end + second[1], 0.6))
                break
            cursor += after + link.end()
        if len(parties) == 1 and parties[0].score < 0.8:
            return []
        return parties

    def _individuals(self, text: str) -> list[Party]:
        """People who are parties themselves: the first person of the opening ('I, Mary Minnick, agree') or
        a conformed signature ('/s/ Craig W. Ashmore') that no 'By:', witness line or officer's title makes a
        representative's; one under 'EMPLOYEE' or 'Accepted and agreed' first."""
        first = FIRST_PERSON.search(text)
        if first and (name := clean_name(first.group(1))) and not LEGAL_WORD.search(name):
            return [Party(name, first.start(1), first.end(1), 0.7)]
        best: tuple[int, Party] | None = None
        for match in SIGNATURE.finditer(text):
            name = clean_name(match.group(1))
            before = text[max(0, match.start() - 60) : match.start()]
            after = text[match.end(1) : match.end(1) + 40 + len(match.group(1))]
            if name is None or LEGAL_WORD.search(name) or REPRESENTS.search(before) or WITNESS.search(before[-30:]):
                continue
            score = bool(SIGNS_HIMSELF.search(before)) - bool(OFFICER.search(after))
            if score >= 0 and (best is None or score > best[0]):
                best = (score, Party(name, match.start(1), match.end(1), 0.6))
        return [best[1]] if best else []

    def _defined_parties(self, text: str) -> list[Party]:
        """Where no preamble lists the parties (letter agreements): names that a defined term follows,
        'consideration by Intel Corporation ("Intel") of a transaction with Mobileye N.V. (the "Company")'."""
        found: list[Party] = []
        for term, defined in _defined_terms(text):
            defined = defined.strip()
            if NOT_A_PARTY.search(defined) or defined in normalize.COMMON_CODES or defined in normalize.iso_codes():
                continue  # a thing's term, a currency in brackets ('Tariff (GBP)'; '("UBS")' defines a party)
            before = text[max(0, term.start() - 160) : term.start()]
            before = AFFILIATES.sub("", before)  # 'J. Crew Group, Inc. and its affiliates (collectively, ...)'
            # the description between a name and its term: ', a Delaware corporation'
            before = ENTITY_DESCRIPTION.sub("", before)

            run = PROPER_RUN.search(before)
            if run is None:
                continue
            printed = run.group(0)
            # 'Yu Zhou and Acme Inc. ("Company")', 'the Recipient and Acme Inc. ("Company")': the term names the last
            joined = re.match(r"(.+)\s+(?:and|AND)\s+(?=\S)", printed)
            if joined and (
                LEGAL_SUFFIX.search(joined.group(1).split()[-1])
                or any(GENERIC.match(w) or w.casefold() == "party" for w in joined.group(1).split())
            ):
                printed = printed[joined.end() :]
            printed = re.sub(r"^.*\b\d{4,}\b\s*", "", printed)  # an address before it ('MD 21017 Acme, Inc.')
            name = clean_name(printed)
            if name is None or not (LEGAL_WORD.search(name) or len(name.split()) >= 2):
                continue
            if any(name.casefold() == f.name.casefold() for f in found):
                continue
            start = term.start() - len(before) + run.end() - len(printed)
            found.append(Party(name, start, start + len(printed), 0.6, defined))
        return found[:2]

    # ---- dates and extras ------------------------------------------------------------------------

    def effective_date(self) -> FieldValue | None:
        """The preamble's 'as of' / 'dated' / 'made this' date; else a letter's date line; else the date the
        signature block gives ('Accepted and agreed as of Feb. 8, 2011', 'Date: July 24, 2008')."""
        text = self.text.text
        head = text[:5000]
        # the agreement's own opening sentence first: a 'dated' later on often dates another agreement
        opening = OPENING.search(head)
        start = opening.start() if opening else 0
        searches = [
            (AS_OF.finditer(head, start, start + 700), 0.9),
            (DATE_CUE.finditer(head, start, start + 700), 0.85),
            (AS_OF.finditer(head), 0.85),
            (DATE_CUE.finditer(head), 0.8),
            (self._date_lines(first_page=True), 0.75),
            (SIGNED_DATE.finditer(text), 0.7),
            (self._date_lines(first_page=False), 0.6),
        ]
        for matches, score in searches:
            dated = [(value, match) for match in matches if (value := self._date(match.group(1))) is not None]
            if not dated:
                continue
            value, match = dated[0]
            signed = [(v, m) for v, m in dated if SIGNING.match(m.group(0))]
            if len(signed) >= 2 and (value, match) in signed:
                # each party signs on its own date: the agreement binds both from the later one
                value, match = max(signed, key=lambda pair: pair[0])
            page, bbox = self.text.where(match.start(1), match.end(1))
            return FieldValue(value, score, page, bbox, match.group(1))
        return None

    def _date_lines(self, first_page: bool) -> list[re.Match[str]]:
        """Lines that are only a date: a letter's date under its letterhead, or one beside a signature."""
        out = []
        for page in self.doc.pages[:1] if first_page else self.doc.pages[1:]:
            for line in group_lines(page.words):
                if first_page and line.top > 0.45:
                    break
                match = DATE_LINE.fullmatch(line.text.strip())
                if match:
                    # where the line's words are in the running text, for the page and box
                    start = next((s for s, _, p, w in self.text.spans if w is line.words[0]), None)
                    if start is not None:
                        printed = line.text.strip()[match.start(1) : match.end(1)]
                        found = re.compile(f"({re.escape(printed)})").search(self.text.text, start)
                        if found:
                            out.append(found)
        return out

    def _date(self, raw: str) -> date | None:
        cleaned = re.sub(r"\s+,", ",", raw)
        cleaned = re.sub(r"(\d)\s?(?:st|nd|rd|th)\b", r"\1", cleaned)
        cleaned = re.sub(r"\bday\s+of\s+", "", cleaned, flags=re.IGNORECASE)
        return normalize.parse_date(cleaned, self.date_hint)

    def jurisdiction(self) -> tuple[str, FieldValue] | None:
        """The place whose laws govern the agreement: the first 'laws of X' that a governing verb ('governed',
        'construed', 'interpreted') leads up to within its sentence, not a party's 'organized under the laws of'."""
        full = self.text.text
        matches = sorted([*LAWS_OF.finditer(full), *PLACE_LAW.finditer(full)], key=lambda m: m.start(1))
        for match in matches:
            before = full[max(0, match.start() - 300) : match.start()]
            sentence = (
                re.split(SENTENCE_END, before)[-1] + re.split(SENTENCE_END, full[match.start() : match.end() + 200])[0]
            )
            if not GOVERNS.search(sentence) or ORGANISED_UNDER.search(before[-80:]):
                continue
            state = US_STATE.match(match.group(1))
            place = state.group(0) if state else PLACE_TAIL.sub("", match.group(1)).strip()
            if NOT_A_PLACE.match(place) or len(place.split()) > 4:
                continue
            start = match.start(1)
            return "jurisdiction", FieldValue(place, 0.8, *self.text.where(start, start + len(place)), match.group(0))
        return None

    def term(self) -> tuple[str, FieldValue] | None:
        """The agreement's term: of the durations printed, the one whose sentence says it ends the agreement or
        its obligations ('shall expire two (2) years from', 'Term. ... for a period of one year'), not a
        notice period or a standstill; the first of the best."""
        full = self.text.text
        best: tuple[int, re.Match[str], int] | None = None
        for match in sorted([*DURATION.finditer(full), *ANNIVERSARY.finditer(full)], key=lambda m: m.start()):
            number = duration_number(match.group(1), match.group(2))
            if not number:
                continue
            before = re.split(SENTENCE_END, full[max(0, match.start() - 250) : match.start()])[-1]
            after = re.split(SENTENCE_END, full[match.end() : match.end() + 150])[0]
            sentence = before + match.group(0) + after
            ends = [m.group(0) for m in TERM_ENDS.finditer(before[-120:])]
            # 'for a period of' alone also leads a covenant's length (a standstill, a ban on hiring): half the evidence
            strong = any(not PERIOD_OF.fullmatch(end) for end in ends)
            score = (2 if strong else 1 if ends else 0) + bool(TERM_OF.search(sentence))
            heading = TERM_HEADING.search(full[max(0, match.start() - 140) : match.start()])
            score += 2 * bool(heading or re.search(r"\bterm\s+of\s+this\s+(?:letter\s+)?agreement", before, re.I))
            # what the duration is of is said before it or just after ('unless terminated upon notice' is not)
            score -= 2 * bool(NOT_TERM.search(before + match.group(0) + after[:40]))
            # days and weeks are mostly deadlines and notices ('effective 10 days after mailing'): more evidence
            needed = 3 if _unit(match) in ("day", "week") else 2
            if score >= needed and (best is None or score > best[0]):
                best = (score, match, number)
        if best is None:
            return None
        score, match, number = best
        unit = _unit(match) + ("s" if number != 1 else "")
        where = self.text.where(match.start(), match.end())
        return "term", FieldValue(f"{number} {unit}", 0.75 if score >= 4 else 0.6, *where, match.group(0))


def duration_number(word: str, digits: str | None) -> int | None:
    """'two' -> 2, 'twenty-four' -> 24, '18' -> 18, 'second' or '2nd' -> 2; the digits in brackets win where both are
    printed."""
    if digits:
        return int(digits)
    if word.isdigit():
        return int(word)
    ordinal = re.fullmatch(r"(\d{1,2})(?:st|nd|rd|th)", word, re.IGNORECASE)
    return int(ordinal.group(1)) if ordinal else ORDINALS.get(word.casefold()) or number_value(word)


def _unit(match: re.Match[str]) -> str:
    """A duration's unit; an anniversary counts years."""
    unit = match.group(3).casefold()
    return "year" if unit == "anniversary" else unit


def read(doc: Document) -> dict[str, FieldValue]:
    """The parties, effective date, governing law and term of an agreement in prose."""
    return AgreementReader(doc).read()


def paying_party(text: str, first: str, second: str) -> int | None:
    """Which of two defined roles the contract says pays the other ('the Discloser shall pay the Recipient'): 0 or
    1, None where no sentence says it."""
    if not first or not second or first.casefold() == second.casefold():
        return None
    roles = f"{re.escape(first)}|{re.escape(second)}"
    said = re.search(rf"\b({roles})\s+{PAYS}\s+(?:the\s+)?({roles})\b", text, re.IGNORECASE)
    if said is None or said.group(1).casefold() == said.group(2).casefold():
        return None
    return 0 if said.group(1).casefold() == first.casefold() else 1


__all__ = ["Value", "is_prose", "paying_party", "read"]
