"""Which party a block's caption names: ``caption_role('Faktura til')`` -> 'buyer'.

An order prints each party's block under a caption that says its role: the buyer's as whom to bill, the customer,
the buyer or orderer; the vendor's as the supplier, the seller; other blocks as where the goods go, where to pay,
whom to ask. The captions differ by language and by firm, so they are matched by meaning, not by spelling: a few
common phrasings of each role in the languages orders come in, and a caption matches a phrasing it starts with
(a caption may go on: 'Bill to address'), whose first words it prints alone ('Faktureras' for 'Faktureras till')
or that it resembles closely (a declension, a plural, a compound: 'Rechnungsempfänger', 'Fakturaadressen'). What
matches none is no party caption (made-up or unknown words): the page's structure decides then.
"""

from __future__ import annotations

import re

from rapidfuzz import fuzz

from extraction.letters import unaccented

BUYER, VENDOR, OTHER = "buyer", "vendor", "other"
SIMILAR = 86  # rapidfuzz ratio (0-100) from which a caption is a seed's variant
MAX_WORDS = 5  # a caption is short

# A few phrasings per role and language (en de fr es it nl pl sv da no pt cs fi hu ro tr; lv et lt el sl hr sk),
# unaccented, lower case (Greek's final sigma as casefold() writes it).
_SEEDS = {
    BUYER: (
        # en
        "bill to", "billed to", "invoice to", "invoice address", "billing address", "sold to", "customer", "buyer",
        "purchaser", "client", "ordered by", "orderer", "ordering party", "invoice recipient", "payer",
        # de
        "rechnung an", "rechnungsadresse", "rechnungsanschrift", "rechnungsempfanger", "kunde", "kaufer",
        "auftraggeber", "besteller", "bestellt von", "kundenanschrift",
        # fr
        "facturer a", "facture a", "adresse de facturation", "client", "acheteur", "donneur d'ordre", "commande par",
        "adresse client",
        # es / pt
        "facturar a", "factura a", "direccion de facturacion", "cliente", "comprador", "faturar a",
        "endereco de faturacao", "morada de faturacao", "adquirente", "facturado a", "faturado a", "datos del cliente",
        "dados do cliente",
        # it
        "fatturare a", "fattura a", "intestatario fattura", "indirizzo di fatturazione", "acquirente", "committente",
        "cessionario",
        # nl
        "factuur aan", "factureren aan", "factuuradres", "klant", "koper", "opdrachtgever", "besteller", "besteld door",
        "factuurontvanger",
        # pl / cs
        "nabywca", "zamawiajacy", "kupujacy", "klient", "platnik", "adres do faktury", "odbiorca faktury", "odberatel",
        "objednatel", "kupujici", "fakturacni adresa", "zakaznik", "dane nabywcy", "prijemce faktury",
        # sv / da / no
        "fakturaadress", "faktureras till", "kund", "kopare", "bestallare", "faktura til", "fakturaadresse",
        "faktureringsadresse", "kunde", "kober", "kjoper", "bestiller", "faktureres til",
        "fakturamottagare", "fakturamodtager", "fakturamottaker",
        # fi / hu / ro / tr
        "laskutusosoite", "laskutetaan", "laskun vastaanottaja", "asiakas", "ostaja", "tilaaja", "vevo", "megrendelo",
        "szamlazasi cim",
        "ugyfel", "cumparator", "client", "beneficiar", "adresa de facturare", "facturare catre", "alici",
        "musteri", "fatura adresi", "siparis veren", "fatura edilecek",
        # lv / et / lt / el / sl hr sk
        "pircejs", "pasutitajs", "maksatajs", "ostja", "tellija", "maksja", "pirkejas", "uzsakovas", "klientas",
        "mokejas", "αγοραστησ", "πελατησ", "εντολεασ", "narocnik", "kupec", "kupac", "narucitelj", "objednavatel",
    ),
    VENDOR: (
        "supplier", "vendor", "seller", "sold by", "ordered from", "purchased from", "contractor",
        "lieferant", "verkaufer", "auftragnehmer", "anbieter", "bestellt bei", "lieferantenanschrift",
        "fournisseur", "vendeur", "prestataire", "commande a",
        "proveedor", "vendedor", "fornecedor",
        "fornitore", "venditore", "cedente", "prestatore",
        "leverancier", "verkoper", "opdrachtnemer",
        "dostawca", "sprzedawca", "dane sprzedawcy", "dane dostawcy", "wykonawca", "dodavatel", "prodavajici",
        "leverantor", "saljare", "leverandor", "saelger", "selger",
        "toimittaja", "myyja", "szallito", "elado", "furnizor", "vanzator", "tedarikci", "satici",
        "piegadatajs", "pardevejs", "izpilditajs", "tarnija", "muuja", "tootvotja", "tiekejas", "pardavejas",
        "vykdytojas", "προμηθευτησ", "πωλητησ", "αναδοχοσ", "dobavitelj", "prodajalec", "izvajalec", "dobavljac",
        "isporucitelj", "izvoditelj",
    ),
    OTHER: (
        "ship to", "deliver to", "delivery address", "shipping address", "consignee", "remit to", "remittance",
        "pay to", "payee", "contact", "contact person", "attention",
        "lieferadresse", "lieferanschrift", "lieferung an", "warenempfanger", "versandadresse", "zahlung an",
        "zahlungsempfanger", "ansprechpartner",
        "livrer a", "livre a", "expedier a", "adresse de livraison", "lieu de livraison", "payer a", "interlocuteur",
        "enviar a", "entregar a", "direccion de entrega", "direccion de envio", "endereco de entrega",
        "morada de entrega", "local de entrega", "entregar em", "pagar a", "contacto",
        "consegnare a", "indirizzo di consegna", "luogo di consegna", "destinazione merce", "referente",
        "afleveradres", "leveradres", "bezorgadres", "contactpersoon",
        "adres dostawy", "miejsce dostawy", "odbiorca", "osoba kontaktowa", "dodaci adresa", "misto dodani",
        "kontaktni osoba", "prijemce",
        "leveransadress", "leveringsadresse", "leveringsadresse", "leveres til", "levereras till", "levering til",
        "varemodtager", "varemottaker", "godsmottagare", "kontaktperson",
        "toimitusosoite", "vastaanottaja", "yhteyshenkilo", "szallitasi cim", "cimzett", "kapcsolattarto",
        "adresa de livrare", "livrare la",
        "persoana de contact", "teslimat adresi", "sevk adresi", "odeme adresi", "ilgili kisi",
        "piegades adrese", "kontaktpersona", "tarneaadress", "kontaktisik", "pristatymo adresas", "kontaktinis asmuo",
        "διευθυνση παραδοσησ", "τοποσ παραδοσησ", "naslov dostave", "adresa isporuke", "miesto dodania",
        # the end customer or user the goods are for: named beside the buyer, not the buyer ('Client final')
        "end customer", "end user", "final customer", "endkunde", "endabnehmer", "endnutzer", "client final",
        "utilisateur final", "cliente final", "usuario final", "consumidor final", "utilizador final",
        "cliente finale", "utente finale", "utilizzatore finale", "eindklant", "eindgebruiker", "klient koncowy",
        "odbiorca koncowy", "uzytkownik koncowy", "koncovy zakaznik", "koncovy uzivatel", "slutkund",
        "slutanvandare", "slutkunde", "slutbruger", "sluttkunde", "sluttbruker", "loppuasiakas", "loppukayttaja",
        "vegfelhasznalo", "utilizator final", "beneficiar final", "son kullanici", "nihai musteri",
    ),
}  # fmt: skip


# Of the buyer's captions, those that name whom to invoice: on a form with four blocks (bill-to, sold-to, ship-to,
# remit-to) the customer is the sold-to's company, the bill-to's may be its parent or its accounts office
PAYER = frozenset(
    seed
    for seed in _SEEDS[BUYER]
    if re.search(r"\b(?:bill|invoice|rechnung|fact|fatt|fatur|faktur|laskut|szamla|platnik|payer|maks|mokej)", seed)
)
# Of the other captions, those that name where to pay: the vendor's own block (or its bank's), so the vendor's
# company printed there is still the vendor
PAYEE = frozenset(seed for seed in _SEEDS[OTHER] if re.search(r"\b(?:remit|pay|zahlung|payer a|pagar|odeme)", seed))

_PLAIN_LETTERS = {ord("ł"): "l", ord("ø"): "o", ord("æ"): "ae", ord("ı"): "i", ord("ß"): "ss", ord("đ"): "d"}


def plain(text: str) -> str:
    """Lower case without accents, punctuation at the ends or doubled spaces: 'FAKTURAČNÍ ADRESA:' -> 'fakturacni
    adresa'. Letters that do not decompose (Polish 'ł', Danish 'ø', Turkish dotless 'ı') are spelled plainly."""
    text = text.casefold().translate(_PLAIN_LETTERS)
    text = unaccented(text)
    text = re.sub(r"(?<=\w)[-/_](?=\w)", " ", text)  # 'Bill-to', 'Ship/Deliver to'
    return re.sub(r"\s+", " ", re.sub(r"^[\W_]+|[\W_]+$", "", text))


def caption_role(text: str) -> str | None:
    """'buyer', 'vendor' or 'other' (ship-to, remit-to, a contact) for a party block's caption; None for anything
    else. The closest phrasing decides, and a caption may go on after it ('Bill to address', 'Kunde Nr.'
    does not: a number's caption is no block's)."""
    found = caption_phrasing(text)
    return found[0] if found else None


def caption_phrasing(text: str) -> tuple[str, str] | None:
    """(role, the phrasing it matched) for a party block's caption (``caption_role``), None for anything else: the
    phrasing tells a bill-to from a sold-to (``PAYER``), a remit-to from a ship-to (``PAYEE``). A number before the
    caption is its row's or its field's ('4 Piegādātājs' in a spreadsheet export, '2. Supplier' on a form)."""
    caption = re.sub(r"^\d{1,3}[.)]?\s+(?=[^\W\d_])", "", plain(text))
    words = caption.split()
    if not words or len(words) > MAX_WORDS or any(ch.isdigit() for ch in caption):
        return None
    if re.search(r"\b(?:no|nr|number|id|ref|code|date|datum|nummer|numero|numer|cislo|szam|nro)\b", caption):
        return None  # 'Customer No.', 'Kundennummer' is a number's caption, not a block's
    # the caption's first words only ('Faktureras' for 'Faktureras till'), where they begin one role's phrasings only
    # ('Bestellt' begins the buyer's 'bestellt von' and the vendor's 'bestellt bei')
    starting = {role for role, seeds in _SEEDS.items() for seed in seeds if seed.startswith(caption + " ")}
    best: tuple[float, int, str, str] | None = None
    for role, seeds in _SEEDS.items():
        for seed in seeds:
            if caption == seed or caption.startswith(seed + " "):
                score = 100.0
            elif len(caption) >= 8 and starting == {role} and seed.startswith(caption + " "):
                score = 99.0
            elif len(seed) >= 5 and not seed.startswith(caption + " "):  # 'Commande' is no 'commande a'
                score = fuzz.ratio(caption, seed)
            else:
                continue
            if score >= SIMILAR and (best is None or (score, len(seed)) > best[:2]):
                best = (score, len(seed), role, seed)
    return (best[2], best[3]) if best else None
