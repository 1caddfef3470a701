"""The words the heuristic reads by: labels of header fields and parties, legal forms, totals lines,
column-header synonyms and keyword rules, page marks."""

from __future__ import annotations

import re
from functools import lru_cache

from rapidfuzz import fuzz as rf_fuzz
from rapidfuzz import process as rf_process

from extraction.letters import unaccented
from extraction.normalize import COMMON_CODES
from extraction.result import PRICED

MODEL_VERSION = "heuristic-1"
DOLLAR_COUNTRIES = {
    "united states": "USD",
    "usa": "USD",
    "u.s.a.": "USD",
    "australia": "AUD",
    "canada": "CAD",
    "new zealand": "NZD",
    "singapore": "SGD",
    "hong kong": "HKD",
}
# 'kr' is the Swedish, Norwegian, Danish and Icelandic crown: the country the document names says which
CROWN_COUNTRIES = {
    "sweden": "SEK",
    "sverige": "SEK",
    "norway": "NOK",
    "norge": "NOK",
    "denmark": "DKK",
    "danmark": "DKK",
    "iceland": "ISK",
    "ísland": "ISK",
}
SIGN_COUNTRIES = {"USD": DOLLAR_COUNTRIES, "SEK": CROWN_COUNTRIES}

# ---- label synonyms ------------------------------------------------------------------------------

_END = r"(?=\s*[:#.]|\s|$)"
# the number of a form's box before its caption: '3. DATE OF ORDER', '12) Terms', '(b) Ship via'
# a number sign as titles print it before their document's number ('N°', 'Nº', 'No.', 'Nr.', '#')
NUMBER_SIGN = re.compile(r"n[°º]\.?|no\.|nr\.|#", re.IGNORECASE)
BOX_NUMBER = re.compile(r"(?:\(?\d{1,2}[.)]|\([a-z]\))\s+(?=[^\W\d_])")
# field -> [(regex anchored at a phrase start, score, value may sit on the line below)]
LABELS: dict[str, list[tuple[str, float, bool]]] = {
    "po_number": [
        (r"purchase\s+order(?:\s+form)?\s*(?:number|no\.?|num\.?|nr\.?|#|id)", 0.95, True),
        # OCR reads the O of 'PO' as '0' or '°' ('P ° Number')
        (r"p\.?\s?[o0°]\.?\s*(?:number|no\.?|num\.?|nr\.?|#)", 0.95, True),
        (r"order(?:\s+form)?\s*(?:number|no\.?|nr\.?|#)", 0.8, True),
        (r"po(?!\s+(?:total|date|box|value|amount))" + _END, 0.8, False),
        (r"purchase\s+order(?=\s*[:#])", 0.75, False),
        # a title with the number beside it: 'Purchase Order P5928228', 'PURCHASE ORDER - LAK-422483'
        (r"(?:purchase\s+order|p\.?\s?o\.?)(?:\s+form)?(?:\s*[-–:#]\s+|\s+[-–:#]?\s*)(?=[A-Z#]*[-/]?\d)", 0.75, False),
        # a title of one word: 'Order 1305/2026', 'Order - PUR-5877' (the number a code with a dash or slash)
        (r"order(?:\s*[-–:#]\s+|\s+)(?=[A-Z#]*[-/]?\d[\w-]*[-/]\w|[A-Z]+-\d)", 0.6, False),
    ],
    "contract_number": [
        (r"(?:contract|agreement)\s*(?:number|no\.?|nr\.?|#|id|ref(?:erence)?\.?)", 0.95, True),
    ],
    "order_date": [
        (r"(?:order|po|p\.o\.|purchase\s+order)\s+date", 0.95, True),
        (r"date\s+(?:of\s+order|ordered|issued)", 0.9, True),
        (r"(?:issue\s+)?date" + _END, 0.75, True),
    ],
    "effective_date": [
        (r"(?:effective|start|commencement)\s+date", 0.95, True),
        (r"effective\s+(?:as\s+of|from)", 0.85, False),
    ],
    "expiry_date": [
        (r"(?:expiry|expiration|termination|end)\s+date", 0.95, True),
        (r"valid\s+(?:until|through|thru)|expires(?:\s+on)?", 0.85, False),
    ],
    "payment_terms": [
        (r"(?:payment\s+terms|terms\s+of\s+payment)", 0.95, True),
        (r"(?:terms|payment)" + _END, 0.8, True),
    ],
    "currency": [(r"(?:(?:order|document|po|invoice|billing|transaction)\s+)?currency(?:\s+code)?", 0.95, True)],
    "subtotal": [
        (
            r"(?:sub[\s-]?total|net\s+total|total\s+net|net\s+amount|total\s+before\s+tax|goods\s+value|net\s+value"
            r"|total\s+excl\.?(?:\s+\w+)?)",
            0.9,
            False,
        )
    ],
    "tax_total": [
        (
            r"total\s+(?:vat|tax|sales\s+tax|gst|hst|mwst|ust|tva|iva)|(?:vat|tax|mwst|gst)\s+total|total\s+tax(?:es)?",
            0.95,
            False,
        ),
        (
            r"(?:sales\s+tax|tax(?!\s*(?:id|no|number|#|reg))|vat(?!\s*(?:id|no|number|#|reg))|gst|mwst|ust(?!-))"
            r"(?:\s+(?:total|amount))?(?:\s*\(?\s*@?\s*\d+(?:[.,]\d+)?\s*%\s*\)?)?",
            0.85,
            False,
        ),
    ],
    "total": [
        (
            r"(?:grand\s+total|total\s+(?:due|amount|order|value|incl\.?(?:\s+\w+)?|payable)|amount\s+due|"
            r"balance\s+due|(?:order|po|p\.o\.|purchase\s+order|document)\s+total|total(?!\s+(?:vat|tax|gst|excl|net)))"
            + _END,
            0.9,
            False,
        )
    ],
}
TAX_ID_LABEL = re.compile(
    r"(?<![\w])(?:(?:federal|company|business|our|your)\s+)?"
    r"(?:(?:vat|tax|gst|hst|ust|tva|iva|mwst|btw)\s*(?:reg(?:istration)?\.?\s*)?(?:id(?:entification)?|no\.?|nr\.?|number|#|-?idnr\.?)"
    r"(?:\s*(?:no\.?|number|#))?|vat(?=\s*:?\s*[A-Z]{2}[A-Z0-9]?\s?\d)|(?:u\.?s\.?\s*)?f?ein(?:\s*(?:no\.?|#|number))?|tin"
    r"|uid(?:-?nr\.?)?|siret|siren|abn|nif|cif|kvk)(?![A-Za-z])\s*[:#.]?",  # 'Eindhoven' names no EIN
    re.IGNORECASE,
)
# a document's title in the languages European prints come in ('Bon de commande', 'Inköpsorder', 'Objednávka',
# 'Pedido de Compra / Purchase Order'): words that name an order, a contract, an invoice or a purchase, at a word's
# start or ending a compound ('Einkaufsbestellung', 'Indkøbsordre'); written from the languages, not from prints
DOCUMENT_TITLE = re.compile(
    r"(?:\b|(?<=\w{4}))(?:(?:order|ordre)\b|bestell|beställ|bestill)"  # whole, or ending a compound
    r"|\b(?:objednáv|megrendel|rendelés|narudžb|naročil|παραγγελ|smlouv|zmluv|zamówieni|tilau|auftrag)"  # stems
    r"|\b(?:orden|ordem|ordine|commande|pedido|encomenda|comand[aă]|contract|contrat|contrato|contratto|vertrag"
    r"|agreement|kontrakt|ugovor|avtal|aftale|avtale|sopimus|umowa|szerződés|overeenkomst|invoice|rechnung"
    r"|facture|factura|fattura|fatura|purchase|einkauf|achat|compra|acquisto|inköp|indkøb|innkjøp|inkoop|zakup|nákup|beszerzés"
    r"|confidential|page|seite|página|pagina|sida|sivu|strona|strana|oldal)\b",
    re.IGNORECASE,
)
# a caption that names an agreement ('Contract Ref.', 'Rammeavtale nr.', 'Rahmenvertrag'): on an order, the code under
# it is the agreement the order calls off, not the order's own number; the words at a word's start or ending a compound
AGREEMENT_WORDS = (
    r"contract|contrat|contrato|contratto|vertrag|agreement|kontrakt|ugovor|avtal|aftale"
    r"|sopimus|umow|szerződés|overeenkomst|smlouv|zmluv|framework"
)
AGREEMENT_CAPTION = re.compile(r"(?:\b|(?<=\w{3}))(?:" + AGREEMENT_WORDS + ")", re.IGNORECASE)
_PARTY_SUFFIX = r"(?:\s+(?:address|details|information|info|name|company|contact))?"
# field -> [(label, score)]: labels of the party blocks of a PO; matched as a whole phrase or before a colon
# The same roles in the languages European order prints come in (German, French, Spanish, Italian, Portuguese,
# Dutch, the Nordic languages, Finnish, Polish, Czech, Slovak, Hungarian, Romanian, Croatian, Greek): written from
# the languages' ordinary words for the roles, not from any study print.
_SUPPLIER_WORDS = (
    r"lieferant|auftragnehmer|verkäufer|fournisseur|vendeur|prestataire|proveedor|vendedor|fornitore|venditore"
    r"|fornecedor|prestador|leverancier|verkoper|leverantör|säljare|leverandør|sælger|selger|toimittaja|myyjä"
    r"|dostawca|sprzedawca|wykonawca|dodavatel|prodávající|dodávateľ|predávajúci|szállító|eladó|furnizor"
    r"|vânzător|prestator|dobavljač|dobavitelj|προμηθευτής"
)
_CUSTOMER_WORDS = (
    r"käufer|auftraggeber|kunde|rechnungs(?:adresse|anschrift|empfänger)|acheteur|donneur\s+d'ordre"
    r"|adresse\s+de\s+facturation|factur(?:er|ation)\s+à|comprador|cliente|adquirente|facturar\s+a|faturar\s+a"
    r"|direcci[óo]n\s+de\s+facturaci[óo]n|acquirente|committente|intestatario(?:\s+fattura)?|fatturare\s+a"
    r"|indirizzo\s+di\s+fatturazione|morada\s+de\s+fatura[çc][ãa]o|endere[çc]o\s+de\s+fatura[çc][ãa]o|koper"
    r"|opdrachtgever|klant|factuuradres|köpare|kund|fakturaadress|køber|kjøper|faktur(?:erings|a)adresse|ostaja"
    r"|tilaaja|asiakas|laskutusosoite|zamawiający|nabywca|kupujący|klient|odběratel|objednatel|kupující"
    r"|fakturační\s+adresa|odberateľ|objednávateľ|kupujúci|megrendelő|vevő|számlázási\s+cím|cumpărător"
    r"|beneficiar|kupac|naručitelj|αγοραστής|πελάτης"
)
# who placed the order, often a person rather than the company: below a party block's caption
_ORDERER_WORDS = r"besteller|bestiller|beställare|commanditaire|solicitante|richiedente"
_SHIP_TO_WORDS = (
    r"liefer(?:adresse|anschrift)|lieferung\s+an|warenempfänger|adresse\s+de\s+livraison|livrer\s+à"
    r"|lieu\s+de\s+livraison|direcci[óo]n\s+de\s+(?:entrega|env[íi]o)|enviar\s+a|entregar\s+(?:a|en|em)"
    r"|lugar\s+de\s+entrega|indirizzo\s+di\s+(?:consegna|spedizione)|consegnare\s+a|destinazione\s+merce"
    r"|luogo\s+di\s+consegna|morada\s+de\s+entrega|local\s+de\s+entrega|afleveradres|leveradres"
    r"|leveransadress|godsmottagare|leveringsadresse?|varemodtager|toimitusosoite|adres\s+dostawy"
    r"|miejsce\s+dostawy|odbiorca|dodací\s+adresa|místo\s+dodání|miesto\s+dodania|szállítási\s+cím"
    r"|adresa\s+de\s+livrare|adresa\s+isporuke"
)
_TO_WORDS = r"(?:an|à|aan|til|till|do|para)"
PARTY_LABELS: dict[str, list[tuple[str, float]]] = {
    "vendor_name": [
        (r"(?:vendor|supplier|seller|sold\s+by|remit\s+to|(?:purchase[d]?|order(?:ed)?)\s+from)" + _PARTY_SUFFIX, 0.9),
        (_SUPPLIER_WORDS, 0.9),
        (r"(?:order(?:ed)?|issued|purchase\s+order|po)\s+to|to", 0.75),
        (_TO_WORDS + r"(?=\s*:)", 0.75),  # 'To:' in other languages, with its colon only
    ],
    "buyer_name": [
        (
            r"(?:bill(?:ed)?\s+to|invoice\s+to|buyer|customer|sold\s+to|purchaser|client|ordered\s+by|invoic(?:e|ing)"
            r"|billing)" + _PARTY_SUFFIX,
            0.9,
        ),
        (_CUSTOMER_WORDS, 0.9),
        (_ORDERER_WORDS, 0.7),
        (
            r"(?:ship(?:ped)?\s*-?\s*to|deliver(?:y)?\s+to|consignee)"
            + _PARTY_SUFFIX
            + r"|(?:delivery|shipping)\s+(?:address|location|point)",
            0.5,
        ),
        (_SHIP_TO_WORDS, 0.5),
    ],
}
# the role words of the languages above, as one pattern: the factory's tests that keep held-out and blind captions
# unknown to the heuristic set these ordinary words aside (they are a language's words, not a family's captions)
LANGUAGE_PARTY_WORDS = re.compile(
    rf"(?:{_SUPPLIER_WORDS}|{_CUSTOMER_WORDS}|{_ORDERER_WORDS}|{_SHIP_TO_WORDS})\b|{_TO_WORDS}(?=\s*:)", re.IGNORECASE
)
_PARTY_LABEL_RES = {
    name: [(re.compile(rf"(?:{pattern})\b(?!\s*(?:no\b|number|#|id\b|code|ref|date|terms))\s*:?", re.I), score)
           for pattern, score in patterns]
    for name, patterns in PARTY_LABELS.items()
}  # fmt: skip


def _caption_words(pattern: str) -> list[str]:
    """The alternatives of a pattern that are one word of 8 letters or more, unaccented: an optional ending
    dropped ('intestatario(?:\\s+fattura)?'), a stem with its required endings ('rechnungs(?:adresse|...)') left out."""
    pattern = re.sub(r"\(\?:[^()]*\)\?", "", pattern)
    pattern = re.sub(r"\w*\([^()]*\)\w*", "", pattern)
    return [unaccented(word) for word in pattern.split("|") if re.fullmatch(r"[^\W\d_]{8,}", word)]


# the party captions that are one long word ('Leverandør', 'Auftraggeber', 'Purchaser'), with their role and score:
# a scan misreads such a caption by a letter ('Leverandor', 'Leverentor'), see ``parties``
PARTY_CAPTION_WORDS = [
    (word, name, score)
    for name, pattern, score in [
        ("vendor_name", "supplier|" + _SUPPLIER_WORDS, 0.9),
        ("buyer_name", "customer|purchaser|" + _CUSTOMER_WORDS, 0.9),
        ("buyer_name", _ORDERER_WORDS, 0.7),
    ]
    for word in _caption_words(pattern)
]

MONOGRAM = re.compile(r"[A-Z&]{1,3}|[A-Z]&[A-Z]")  # a logo's letters: 'NM', '&', 'N&M'

ADJUSTMENT_LABEL = re.compile(
    r"^(?:shipping|freight|handling|carriage|packing|surcharge|rounding|insurance|discount|rebate)\b", re.IGNORECASE
)
DISCOUNT_LABEL = re.compile(r"^(?:discount|rebate)\b", re.IGNORECASE)
MONEY_TOKEN = re.compile(r"^\(?[-\u2212]?[^\d\s(]{0,3}\d[\d.,' ]*[.,]\d{2}\)?$")  # an amount with cents

TOTALS_LINE = re.compile(
    r"^(?:sub[\s-]?total|total|goods\s+value|net\s+(?:value|total|amount)|order\s+total|grand\s+total|amount\s+due|"
    r"balance\s+due|invoice\s+total|sales\s+tax|tax|vat|gst|mwst|ust|tva|iva|shipping|freight|discount|handling|"
    r"carriage|delivery\s+charges?|packing|surcharge|sum)\b",
    re.IGNORECASE,
)

# Exact header phrases first (normalised, currency suffix removed); then the keyword rules below.
COLUMN_SYNONYMS: dict[str, list[str]] = {
    "_discount": ["disc. %", "disc.", "disc", "discount", "discount %", "disc %", "rebate %", "rebate"],
    "_line": ["#", "no.", "no", "nr.", "line", "ln", "pos", "pos.", "line #", "line no.", "line item #"],
    "sku": [
        "item #", "item no", "item no.", "item number", "item code", "part no", "part no.", "part #", "part number",
        "sku", "article", "article no", "article no.", "art. no.", "art.-nr.", "code", "product code", "catalog #",
        "cat. no.", "item", "ref", "ref.", "product id", "material", "material no.", "mpn",
    ],
    "description": [
        "description", "product", "item description", "service", "services", "product / service", "details",
        "item", "designation", "product description", "article", "description of goods", "particulars",
        "article description", "product/service", "item / description", "goods description",
    ],
    "quantity": ["qty", "qty.", "quantity", "units", "ordered", "qty ordered", "quantity ordered", "hours", "menge"],
    "unit": ["uom", "u/m", "unit", "unit of measure", "um", "u.o.m.", "unit of measurement", "billing unit", "per"],
    "unit_price": [
        "unit price", "rate", "unit cost", "price", "price/unit", "price per unit", "unit rate", "each", "cost",
        "unit price (net)", "net price", "fee", "fees", "charge", "unit fee",
    ],
    "amount": [
        "amount", "line total", "extended price", "ext. price", "ext price", "total", "net amount", "extended",
        "line amount", "total price", "value", "total amount", "amount (net)",
    ],
    "tax_rate": ["tax", "vat", "vat %", "tax %", "tax rate", "vat rate", "gst %", "tax (%)", "vat (%)"],
}  # fmt: skip
_SYNONYM_INDEX: dict[str, list[str]] = {}
for _name, _phrases in COLUMN_SYNONYMS.items():
    for _phrase in _phrases:
        _SYNONYM_INDEX.setdefault(_phrase, []).append(_name)
_SYNONYM_INDEX["item"].append("_line")  # 'Item' beside 'Item Description' and 'Material' numbers the lines
# Keyword rules for headers no list foresaw ('Qty Shipped', 'Unit Price excl. VAT'); the first that matches wins.
COLUMN_RULES: list[tuple[str, re.Pattern[str]]] = [
    (name, re.compile(pattern))
    for name, pattern in [
        ("_discount", r"\bdisc(?:ount)?\b|\brebate\b"),
        ("_line", r"^(?:#|no\.?|nr\.?|line|ln|pos\.?|position|line\s*(?:#|no\.?)|s\.?\s*no\.?|sr\.?\s*no\.?)$"),
        ("unit", r"^(?:uom|u/?m|um|unit|u\.o\.m\.?|units?\s+of\s+measure(?:ment)?|me)$"),
        ("unit_price", r"\bunit\s*(?:price|cost|rate|value)|\bprice\s*(?:/|per)\s*(?:unit|uom|each|ea)\b|net\s+price"),
        ("amount", r"\b(?:amount|total|extended|ext\b|ext\.|line\s+value|value|sum)"),
        ("tax_rate", r"\b(?:tax|vat|gst|mwst|ust|tva|iva)\b"),
        ("unit_price", r"\b(?:price|rate|cost|each|preis)\b"),
        ("quantity", r"\b(?:qty|quantity|quant|ordered|units|hours|hrs|menge|pcs)\b"),
        (
            "sku",
            r"\b(?:sku|code|part|art\.?\s*(?:no|nr|#)|item\s*(?:#|no\b|number|code|id)|material|ref\b|catalog|mpn)",
        ),
        ("description", r"\b(?:description|descr|product|service|details|designation|goods|article|item|particulars)"),
    ]
]
# a page mark between a long table's rows: 'Page 2 of 3', '2/3' (a page number is short: '2026/114' is a
# batch or order number that wrapped off its description)
PAGE_MARK = re.compile(
    r"^\s*(?:page|seite|p\.)\s*\d+(?:\s*(?:of|/|von)\s*\d+)?\s*$|^\s*\d{1,3}\s*/\s*\d{1,3}\s*$|^\s*\.\s*/\s*\.\.?\s*$|"
    r"\b(?:continued|to be continued|carried forward|brought forward|übertrag)\b",
    re.IGNORECASE,
)
NUMERIC_COLUMNS = (*PRICED, "tax_rate", "_discount", "_line")
_SQUEEZED_KEYS = {re.sub(r"[^a-z]", "", phrase): phrase for phrase in _SYNONYM_INDEX if len(phrase) >= 4}
TEXT_COLUMNS = ("sku", "description", "unit")


def _norm(text: str) -> str:
    return " ".join(text.lower().split())


@lru_cache(maxsize=4096)
def _column_roles_of(text: str) -> list[str]:
    """What a header phrase names: exact synonyms, then keyword rules, then a fuzzy match for OCR noise."""
    phrase = _norm(text).rstrip(":")
    # 'Value (EUR)', 'Amount in USD', 'Price €' name the column without the currency
    tail = re.search(r"\s*\(?(?:in\s+)?([a-z]{3}|[$€£¥])\)?$", phrase)
    if (
        tail
        and len(phrase) > len(tail.group(0))
        and (tail.group(1).upper() in COMMON_CODES or not tail.group(1).isalpha())
    ):
        phrase = phrase[: tail.start()].strip()
    if phrase in _SYNONYM_INDEX:
        return _SYNONYM_INDEX[phrase]
    for name, rule in COLUMN_RULES:
        if rule.search(phrase):
            return [name]
    squeezed = re.sub(r"[^a-z]", "", phrase)
    if len(squeezed) >= 4:  # OCR noise: 'Pr e/Unit', 'Product Servic', 'Descriptlon'
        match = rf_process.extractOne(squeezed, _SQUEEZED_KEYS, scorer=rf_fuzz.ratio, score_cutoff=82)
        if match:
            return _SYNONYM_INDEX[match[0]]  # a dict of choices gives (value, score, key)
    return []


# Day numbers written out in contract prose ('the twenty-first day of March 2026').
ORDINALS = {
    word: index
    for index, word in enumerate(
        [
            "first",
            "second",
            "third",
            "fourth",
            "fifth",
            "sixth",
            "seventh",
            "eighth",
            "ninth",
            "tenth",
            "eleventh",
            "twelfth",
            "thirteenth",
            "fourteenth",
            "fifteenth",
            "sixteenth",
            "seventeenth",
            "eighteenth",
            "nineteenth",
            "twentieth",
        ],
        start=1,
    )
}
ORDINALS |= {f"twenty-{word}": 20 + day for word, day in list(ORDINALS.items())[:9]}
ORDINALS |= {"thirtieth": 30, "thirty-first": 31}
ORDINAL_PATTERN = "|".join(sorted(ORDINALS, key=len, reverse=True))


def ordinal_day(text: str) -> str:
    """'first day of March 2026' -> '1 March 2026'; other text unchanged."""
    match = re.match(r"(" + ORDINAL_PATTERN + r")\s+day\s+of\s+", text, re.IGNORECASE)
    return f"{ORDINALS[match.group(1).lower()]} {text[match.end() :]}" if match else text
