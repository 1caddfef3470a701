"""The header stress space's own caption words (training/factory/headwide.py), per language and role.

Written for this space alone, without reading the extractor or the other generators' pools. Each role's phrases are
split into a STUDY half and a HELD half by a fixed hash of the phrase (``half_of``), so that held documents print
caption phrases study documents never print; a language whose half lacks a role borrows that role's phrase from
another language of the same half. Payment terms are templates (``{n}`` net days, ``{p}`` discount percent, ``{d}``
discount days), split the same way.
"""

from __future__ import annotations

import hashlib
from functools import cache

LANGUAGES = ("en", "de", "fr", "es", "it", "nl", "pl", "sv", "da", "pt", "cs", "fi", "no", "hu", "ro", "tr")
ROLES = ("title", "po_number", "order_date", "vendor", "buyer", "ship_to", "remit_to", "contact", "phone", "email",
         "iban", "vat", "quote_no", "customer_no", "requisition", "delivery_note", "contract", "page",
         "delivery_date", "quote_date", "print_date", "subtotal", "discount", "freight", "surcharge", "tax", "total",
         "amount_due", "terms", "currency", "description", "quantity", "unit_price", "amount",
         # the arrangements of headwide2: a fourth party's block, a portal's section heading and name caption, a
         # boxed form's address caption, a letterhead's second-company line ({g}: that company), a terms sentence
         "end_user", "section", "name", "address", "group_line", "terms_sentence")  # fmt: skip

# one string per language: "role=phrase|phrase;role=..." in any order
_RAW = {
    "en": "title=Purchase Order|Order|Sales Order|Order Confirmation;po_number=Order No.|PO Number|Order Ref.|Order #"
    "|Our Order;order_date=Order Date|Date|Dated|Issued;vendor=Supplier|Vendor|Seller|Sold by;buyer=Bill to|Sold to"
    "|Customer|Invoice to|Buyer;ship_to=Ship to|Deliver to|Delivery Address|Consignee;remit_to=Remit to|Pay to"
    "|Remittance Address;contact=Contact|Attn.|Your Contact;phone=Phone|Tel.|Telephone;email=E-mail|Email;iban=IBAN"
    "|Bank Account;vat=VAT No.|VAT Reg.|Tax ID|EIN;quote_no=Quote No.|Quotation Ref.|Offer No.;customer_no="
    "Customer No.|Account No.|Cust. ID;requisition=Requisition No.|Req. Ref.;delivery_note=Delivery Note|Packing"
    " Slip No.;contract=Contract Ref.|Framework Agreement;page=Page|Sheet;delivery_date=Delivery Date|Required by"
    "|Ship Date;quote_date=Quote Date|Offer dated;print_date=Printed|Print Date;subtotal=Subtotal|Goods Total"
    "|Net Amount|Merchandise;discount=Discount|Less Discount|Rebate;freight=Freight|Shipping|Carriage;surcharge="
    "Surcharge|Handling Fee|Small Order Fee;tax=VAT|Sales Tax|Tax;total=Total|Grand Total|Order Total|Total Value"
    ";amount_due=Amount Due|Balance Due|Please Pay;terms=Payment Terms|Terms|Terms of Payment;currency=Currency"
    "|Amounts in;description=Description|Item|Article;quantity=Qty|Quantity;unit_price=Unit Price|Price Each"
    "|Rate;amount=Amount|Line Total|Extended",
    "de": "title=Bestellung|Auftrag|Auftragsbestätigung|Einkaufsbestellung;po_number=Bestell-Nr.|Bestellnummer"
    "|Auftragsnummer|Beleg-Nr.;order_date=Bestelldatum|Datum|Belegdatum|vom;vendor=Lieferant|Auftragnehmer"
    "|Verkäufer;buyer=Rechnungsempfänger|Kunde|Auftraggeber|Rechnungsanschrift;ship_to=Lieferanschrift"
    "|Warenempfänger|Anlieferung;remit_to=Zahlungsempfänger|Zahlbar an;contact=Ansprechpartner|Sachbearbeiter"
    "|Zuständig;phone=Telefon|Tel.|Fon;email=E-Mail|Mail;iban=IBAN|Bankverbindung|Konto;vat=USt-IdNr.|UID"
    "|Steuer-Nr.;quote_no=Angebots-Nr.|Angebot;customer_no=Kunden-Nr.|Kundennummer|Debitor;requisition="
    "Bedarfsanforderung|BANF-Nr.;delivery_note=Lieferschein-Nr.|Lieferschein;contract=Rahmenvertrag|Vertrags-Nr."
    ";page=Seite|Blatt;delivery_date=Liefertermin|Lieferdatum|Wunschtermin;quote_date=Angebotsdatum|Angebot vom"
    ";print_date=Druckdatum|Gedruckt am;subtotal=Zwischensumme|Warenwert|Nettobetrag|Summe netto;discount=Rabatt"
    "|Nachlass|Skonto;freight=Fracht|Versandkosten|Porto;surcharge=Zuschlag|Mindermengenzuschlag|Bearbeitungs"
    "gebühr;tax=MwSt.|USt.|Umsatzsteuer|Mehrwertsteuer;total=Gesamtbetrag|Endbetrag|Summe brutto|Gesamt;"
    "amount_due=Zahlbetrag|Zu zahlen|Offener Betrag;terms=Zahlungsbedingungen|Zahlungsziel|Zahlung;currency="
    "Währung|Beträge in;description=Bezeichnung|Artikel|Leistung;quantity=Menge|Anz.;unit_price=Einzelpreis"
    "|Preis/Stk.|E-Preis;amount=Betrag|Gesamtpreis|Summe",
    "fr": "title=Bon de commande|Commande|Confirmation de commande;po_number=N° de commande|Commande n°"
    "|Réf. commande;order_date=Date de commande|Date|Émis le;vendor=Fournisseur|Vendeur|Prestataire;buyer="
    "Facturer à|Client|Adresse de facturation|Acheteur;ship_to=Livrer à|Adresse de livraison|Destinataire;"
    "remit_to=Payer à|Bénéficiaire;contact=Interlocuteur|Contact|Suivi par;phone=Tél.|Téléphone;email=Courriel"
    "|E-mail;iban=IBAN|RIB|Coordonnées bancaires;vat=N° TVA|TVA intracom.|SIRET;quote_no=Devis n°|Réf. devis"
    ";customer_no=N° client|Code client;requisition=Demande d'achat|N° DA;delivery_note=Bon de livraison"
    "|N° BL;contract=Contrat cadre|Réf. contrat;page=Page|Feuillet;delivery_date=Date de livraison|Livraison"
    " souhaitée;quote_date=Date du devis|Devis du;print_date=Imprimé le|Édité le;subtotal=Total HT|Sous-total"
    "|Montant HT;discount=Remise|Rabais|Escompte;freight=Frais de port|Transport|Port;surcharge=Supplément"
    "|Frais de dossier;tax=TVA|Montant TVA;total=Total TTC|Montant total|Net à payer;amount_due=Reste à payer"
    "|Solde dû;terms=Conditions de paiement|Règlement|Échéance;currency=Devise|Monnaie;description=Désignation"
    "|Libellé;quantity=Qté|Quantité;unit_price=Prix unitaire|P.U. HT;amount=Montant|Total ligne",
    "es": "title=Orden de compra|Pedido|Confirmación de pedido;po_number=N.º de pedido|Pedido n.º|Ref. pedido"
    ";order_date=Fecha de pedido|Fecha|Emitido el;vendor=Proveedor|Vendedor;buyer=Facturar a|Cliente"
    "|Comprador|Datos de facturación;ship_to=Enviar a|Dirección de entrega|Destinatario;remit_to=Pagar a"
    "|Beneficiario;contact=Persona de contacto|Atención;phone=Teléfono|Tfno.;email=Correo|Correo electrónico"
    ";iban=IBAN|Cuenta bancaria;vat=NIF|CIF|N.º IVA;quote_no=N.º de oferta|Presupuesto n.º;customer_no=N.º"
    " de cliente|Código cliente;requisition=Solicitud de compra;delivery_note=Albarán|N.º albarán;contract="
    "Contrato marco|Ref. contrato;page=Página|Hoja;delivery_date=Fecha de entrega|Entrega prevista;quote_date="
    "Fecha de oferta;print_date=Fecha de impresión|Impreso;subtotal=Base imponible|Subtotal|Importe neto;"
    "discount=Descuento|Dto. pronto pago;freight=Portes|Gastos de envío;surcharge=Recargo|Gastos de gestión;"
    "tax=IVA|Cuota IVA;total=Total|Importe total|Total pedido;amount_due=Total a pagar|Importe pendiente;terms="
    "Forma de pago|Condiciones de pago|Vencimiento;currency=Moneda|Divisa;description=Descripción|Concepto;"
    "quantity=Cant.|Unidades;unit_price=Precio unit.|Precio;amount=Importe|Total línea",
    "it": "title=Ordine di acquisto|Ordine|Conferma d'ordine;po_number=N. ordine|Ordine n.|Rif. ordine;"
    "order_date=Data ordine|Data|Emesso il;vendor=Fornitore|Venditore;buyer=Intestatario|Cliente|Fatturare a"
    "|Committente;ship_to=Destinazione merce|Luogo di consegna|Spedire a;remit_to=Beneficiario|Pagare a;contact="
    "Referente|Riferimento interno;phone=Tel.|Telefono;email=E-mail|Posta elettronica;iban=IBAN|Coordinate"
    " bancarie;vat=P. IVA|Partita IVA|Cod. fiscale;quote_no=Offerta n.|Rif. preventivo;customer_no=Cod. cliente"
    "|N. cliente;requisition=Richiesta d'acquisto|RDA n.;delivery_note=DDT n.|Documento di trasporto;contract="
    "Contratto quadro|Rif. contratto;page=Pagina|Pag.;delivery_date=Data consegna|Consegna richiesta;quote_date="
    "Data offerta|Preventivo del;print_date=Stampato il|Data stampa;subtotal=Imponibile|Totale merce|Subtotale;"
    "discount=Sconto|Abbuono;freight=Spese di trasporto|Trasporto;surcharge=Maggiorazione|Spese incasso;tax="
    "IVA|Imposta;total=Totale documento|Totale|Totale ordine;amount_due=Netto a pagare|Da pagare;terms="
    "Pagamento|Condizioni di pagamento|Modalità di pagamento;currency=Valuta|Divisa;description=Descrizione"
    "|Articolo;quantity=Q.tà|Quantità;unit_price=Prezzo unit.|Prezzo;amount=Importo|Totale riga",
    "nl": "title=Inkooporder|Bestelling|Orderbevestiging;po_number=Ordernummer|Bestelnr.|Orderref.;order_date="
    "Orderdatum|Datum|Besteldatum;vendor=Leverancier|Verkoper;buyer=Factuuradres|Klant|Koper|Factureren aan;"
    "ship_to=Afleveradres|Leveren aan|Bezorgadres;remit_to=Betalen aan|Begunstigde;contact=Contactpersoon"
    "|Behandeld door;phone=Telefoon|Tel.;email=E-mail|Mail;iban=IBAN|Rekeningnummer;vat=BTW-nr.|Btw-nummer"
    "|KvK;quote_no=Offertenr.|Offerte;customer_no=Klantnr.|Debiteurnr.;requisition=Aanvraagnr.|Inkoop"
    "aanvraag;delivery_note=Pakbon|Afleverbon nr.;contract=Raamcontract|Contractnr.;page=Pagina|Blad;"
    "delivery_date=Leverdatum|Gewenste levering;quote_date=Offertedatum;print_date=Afgedrukt op|Printdatum;"
    "subtotal=Subtotaal|Totaal excl. btw|Netto bedrag;discount=Korting|Kredietbeperking;freight=Verzendkosten"
    "|Vracht;surcharge=Toeslag|Orderkosten;tax=BTW|Btw-bedrag;total=Totaal|Totaalbedrag|Totaal incl. btw;"
    "amount_due=Te betalen|Openstaand;terms=Betalingsvoorwaarden|Betaling|Betaaltermijn;currency=Valuta|Munt;"
    "description=Omschrijving|Artikel;quantity=Aantal|Aant.;unit_price=Prijs per stuk|Stukprijs;amount=Bedrag"
    "|Regeltotaal",
    "pl": "title=Zamówienie|Zamówienie zakupu|Potwierdzenie zamówienia;po_number=Nr zamówienia|Zamówienie nr"
    ";order_date=Data zamówienia|Data|Data wystawienia;vendor=Dostawca|Sprzedawca;buyer=Nabywca|Odbiorca faktury"
    "|Zamawiający;ship_to=Adres dostawy|Miejsce dostawy|Odbiorca;remit_to=Płatne na rzecz;contact=Osoba"
    " kontaktowa|Opiekun;phone=Telefon|Tel.;email=E-mail|Poczta;iban=IBAN|Nr rachunku;vat=NIP|Nr VAT;quote_no="
    "Nr oferty|Oferta;customer_no=Nr klienta|Kod odbiorcy;requisition=Zapotrzebowanie nr;delivery_note=WZ nr"
    "|Dowód dostawy;contract=Umowa ramowa|Nr umowy;page=Strona|Str.;delivery_date=Termin dostawy|Data dostawy;"
    "quote_date=Data oferty;print_date=Data wydruku|Wydrukowano;subtotal=Razem netto|Wartość netto|Suma netto;"
    "discount=Rabat|Upust;freight=Koszt transportu|Fracht;surcharge=Dopłata|Opłata manipulacyjna;tax=VAT"
    "|Kwota VAT|Podatek VAT;total=Razem brutto|Wartość brutto|Ogółem;amount_due=Do zapłaty|Pozostało do zapłaty;"
    "terms=Termin płatności|Warunki płatności|Forma płatności;currency=Waluta;description=Nazwa|Opis towaru;"
    "quantity=Ilość|Il.;unit_price=Cena jedn.|Cena;amount=Wartość|Kwota",
    "sv": "title=Inköpsorder|Beställning|Orderbekräftelse;po_number=Ordernr|Beställningsnr|Vår order;order_date="
    "Orderdatum|Datum|Beställningsdatum;vendor=Leverantör|Säljare;buyer=Fakturaadress|Kund|Köpare|Faktureras"
    ";ship_to=Leveransadress|Leverans till|Godsmottagare;remit_to=Betalningsmottagare;contact=Kontaktperson"
    "|Vår referens|Er referens;phone=Telefon|Tfn;email=E-post|Mejl;iban=IBAN|Bankgiro|Plusgiro;vat=Momsreg.nr"
    "|Org.nr;quote_no=Offertnr|Offert;customer_no=Kundnr|Kundnummer;requisition=Rekvisition|Rekv.nr;"
    "delivery_note=Följesedel|Följesedelnr;contract=Ramavtal|Avtalsnr;page=Sida|Blad;delivery_date="
    "Leveransdatum|Önskad leverans;quote_date=Offertdatum;print_date=Utskriven|Utskriftsdatum;subtotal="
    "Delsumma|Netto|Summa exkl. moms;discount=Rabatt|Avdrag;freight=Frakt|Fraktavgift;surcharge=Tillägg"
    "|Expeditionsavgift;tax=Moms|Mervärdesskatt;total=Summa|Totalt|Att betala totalt;amount_due=Att betala"
    "|Kvar att betala;terms=Betalningsvillkor|Betalning|Förfallodag;currency=Valuta;description=Benämning"
    "|Beskrivning;quantity=Antal|Ant.;unit_price=À-pris|Styckpris;amount=Belopp|Radsumma",
    "da": "title=Indkøbsordre|Bestilling|Ordrebekræftelse;po_number=Ordrenr.|Bestillingsnr.|Vores ordre;"
    "order_date=Ordredato|Dato|Bestillingsdato;vendor=Leverandør|Sælger;buyer=Faktureringsadresse|Kunde|Køber"
    "|Faktura til;ship_to=Leveringsadresse|Levering til|Modtager;remit_to=Betalingsmodtager;contact="
    "Kontaktperson|Deres reference|Vores reference;phone=Telefon|Tlf.;email=E-mail|Mail;iban=IBAN|Kontonr.|Reg."
    " nr.;vat=CVR-nr.|SE-nr.|Momsnr.;quote_no=Tilbudsnr.|Tilbud;customer_no=Kundenr.|Debitornr.;requisition="
    "Rekvisition nr.;delivery_note=Følgeseddel|Følgeseddel nr.;contract=Rammeaftale|Kontraktnr.;page=Side;"
    "delivery_date=Leveringsdato|Ønsket levering;quote_date=Tilbudsdato;print_date=Udskrevet|Udskriftsdato;"
    "subtotal=Subtotal|Nettobeløb|I alt ekskl. moms;discount=Rabat|Fradrag;freight=Fragt|Forsendelse;"
    "surcharge=Tillæg|Ekspeditionsgebyr;tax=Moms|Momsbeløb;total=I alt|Total|I alt inkl. moms;amount_due="
    "At betale|Skyldigt beløb;terms=Betalingsbetingelser|Betaling|Forfaldsdato;currency=Valuta;description="
    "Beskrivelse|Varetekst;quantity=Antal|Stk.;unit_price=Stykpris|Enhedspris;amount=Beløb|Linjetotal",
    "pt": "title=Nota de encomenda|Encomenda|Pedido de compra;po_number=N.º encomenda|Encomenda n.º|Ref."
    " encomenda;order_date=Data da encomenda|Data|Emitido em;vendor=Fornecedor|Vendedor;buyer=Faturar a|Cliente"
    "|Adquirente;ship_to=Local de entrega|Entregar em|Morada de entrega;remit_to=Pagar a|Beneficiário;contact="
    "Pessoa de contacto|A/C;phone=Telefone|Tel.;email=Correio eletrónico|E-mail;iban=IBAN|NIB;vat=NIF|Contribuinte"
    "|CNPJ;quote_no=Proposta n.º|Orçamento n.º;customer_no=N.º cliente|Código de cliente;requisition=Requisição"
    " n.º;delivery_note=Guia de remessa|Guia n.º;contract=Contrato-quadro|Ref. contrato;page=Página|Folha;"
    "delivery_date=Data de entrega|Entrega prevista;quote_date=Data da proposta;print_date=Impresso em;subtotal="
    "Total ilíquido|Subtotal|Valor líquido;discount=Desconto|Abatimento;freight=Portes|Frete;surcharge="
    "Sobretaxa|Taxa de serviço;tax=IVA|Total IVA;total=Total|Total geral|Valor total;amount_due=Total a pagar"
    "|Valor em dívida;terms=Condições de pagamento|Pagamento|Vencimento;currency=Moeda|Divisa;description="
    "Descrição|Designação;quantity=Qtd.|Quantidade;unit_price=Preço unit.|Preço unitário;amount=Valor|Total",
    "cs": "title=Objednávka|Objednávka zboží|Potvrzení objednávky;po_number=Číslo objednávky|Obj. č.;"
    "order_date=Datum objednávky|Datum|Vystaveno;vendor=Dodavatel|Prodávající;buyer=Odběratel|Kupující"
    "|Fakturační adresa;ship_to=Místo dodání|Dodací adresa|Příjemce;remit_to=Příjemce platby;contact="
    "Kontaktní osoba|Vyřizuje;phone=Telefon|Tel.;email=E-mail|Email;iban=IBAN|Číslo účtu;vat=DIČ|IČO;quote_no="
    "Nabídka č.|Číslo nabídky;customer_no=Číslo zákazníka|Odběratel č.;requisition=Požadavek č.;delivery_note="
    "Dodací list|DL č.;contract=Rámcová smlouva|Smlouva č.;page=Strana|List;delivery_date=Termín dodání|Datum"
    " dodání;quote_date=Datum nabídky;print_date=Vytištěno|Datum tisku;subtotal=Celkem bez DPH|Základ daně"
    "|Mezisoučet;discount=Sleva|Rabat;freight=Doprava|Dopravné;surcharge=Příplatek|Manipulační poplatek;tax="
    "DPH|Daň;total=Celkem s DPH|Celkem|Celková částka;amount_due=K úhradě|Zbývá uhradit;terms=Splatnost"
    "|Platební podmínky|Způsob úhrady;currency=Měna;description=Popis|Název položky;quantity=Množství|Počet;"
    "unit_price=Cena za jedn.|Jedn. cena;amount=Částka|Cena celkem",
    "fi": "title=Ostotilaus|Tilaus|Tilausvahvistus;po_number=Tilausnumero|Tilaus nro|Tilausviite;order_date="
    "Tilauspäivä|Päivämäärä|Pvm;vendor=Toimittaja|Myyjä;buyer=Laskutusosoite|Asiakas|Ostaja|Tilaaja;ship_to="
    "Toimitusosoite|Vastaanottaja|Toimitus;remit_to=Maksunsaaja;contact=Yhteyshenkilö|Viitteenne|Viitteemme;"
    "phone=Puhelin|Puh.;email=Sähköposti|S-posti;iban=IBAN|Tilinumero;vat=Y-tunnus|ALV-tunniste;quote_no="
    "Tarjousnumero|Tarjous;customer_no=Asiakasnumero|Asiakasnro;requisition=Hankintapyyntö;delivery_note="
    "Lähetysluettelo|Lähete nro;contract=Puitesopimus|Sopimusnumero;page=Sivu;delivery_date=Toimituspäivä"
    "|Toivottu toimitus;quote_date=Tarjouspäivä;print_date=Tulostettu|Tulostuspäivä;subtotal=Veroton summa"
    "|Välisumma|Yhteensä veroton;discount=Alennus|Hyvitys;freight=Rahti|Toimituskulut;surcharge=Lisämaksu"
    "|Käsittelymaksu;tax=ALV|Arvonlisävero;total=Yhteensä|Verollinen yhteensä|Kokonaissumma;amount_due=Maksettava"
    "|Avoin saldo;terms=Maksuehto|Maksuehdot|Eräpäivä;currency=Valuutta;description=Nimike|Kuvaus;quantity="
    "Määrä|Kpl;unit_price=Yksikköhinta|À-hinta;amount=Summa|Rivisumma",
    "no": "title=Innkjøpsordre|Bestilling|Ordrebekreftelse;po_number=Ordrenr.|Bestillingsnr.|Vår ordre;"
    "order_date=Ordredato|Dato|Bestillingsdato;vendor=Leverandør|Selger;buyer=Fakturaadresse|Kunde|Kjøper"
    "|Faktureres til;ship_to=Leveringsadresse|Leveres til|Mottaker;remit_to=Betalingsmottaker;contact="
    "Kontaktperson|Deres ref.|Vår ref.;phone=Telefon|Tlf.;email=E-post|Epost;iban=IBAN|Kontonummer;vat="
    "Org.nr.|MVA-nr.;quote_no=Tilbudsnr.|Tilbud;customer_no=Kundenr.|Kundenummer;requisition=Rekvisisjon nr."
    ";delivery_note=Pakkseddel|Følgeseddel nr.;contract=Rammeavtale|Avtalenr.;page=Side;delivery_date="
    "Leveringsdato|Ønsket levering;quote_date=Tilbudsdato;print_date=Utskrevet|Utskriftsdato;subtotal="
    "Sum eks. mva.|Nettobeløp|Delsum;discount=Rabatt|Fradrag;freight=Frakt|Fraktkostnad;surcharge=Tillegg"
    "|Ekspedisjonsgebyr;tax=MVA|Merverdiavgift;total=Totalt|Sum inkl. mva.|Totalbeløp;amount_due=Å betale"
    "|Utestående;terms=Betalingsbetingelser|Betaling|Forfall;currency=Valuta;description=Beskrivelse|Varetekst"
    ";quantity=Antall|Ant.;unit_price=Enhetspris|Pris pr. stk.;amount=Beløp|Linjesum",
    "hu": "title=Megrendelés|Beszerzési megrendelés|Rendelés visszaigazolás;po_number=Rendelésszám"
    "|Megrendelés száma;order_date=Rendelés dátuma|Dátum|Kelt;vendor=Szállító|Eladó;buyer=Vevő|Számlázási cím"
    "|Megrendelő;ship_to=Szállítási cím|Átvevő|Teljesítés helye;remit_to=Kedvezményezett;contact=Kapcsolattartó"
    "|Ügyintéző;phone=Telefon|Tel.;email=E-mail|Email cím;iban=IBAN|Bankszámlaszám;vat=Adószám|Közösségi adószám"
    ";quote_no=Ajánlat száma|Árajánlat;customer_no=Vevőkód|Ügyfélszám;requisition=Igénylés száma;delivery_note="
    "Szállítólevél|Szállítólevél száma;contract=Keretszerződés|Szerződésszám;page=Oldal|Lap;delivery_date="
    "Szállítási határidő|Kért szállítás;quote_date=Ajánlat dátuma;print_date=Nyomtatva|Nyomtatás dátuma;"
    "subtotal=Nettó összesen|Részösszeg|Nettó érték;discount=Engedmény|Kedvezmény;freight=Fuvardíj|Szállítási"
    " költség;surcharge=Felár|Kezelési díj;tax=ÁFA|Általános forgalmi adó;total=Bruttó összesen|Végösszeg"
    "|Összesen;amount_due=Fizetendő|Fizetendő összeg;terms=Fizetési feltételek|Fizetési határidő|Fizetés módja;"
    "currency=Pénznem|Deviza;description=Megnevezés|Leírás;quantity=Mennyiség|Menny.;unit_price=Egységár"
    "|Nettó egységár;amount=Érték|Nettó érték sor",
    "ro": "title=Comandă de achiziție|Comandă|Confirmare comandă;po_number=Nr. comandă|Comanda nr.;order_date="
    "Data comenzii|Data|Emisă la;vendor=Furnizor|Vânzător;buyer=Cumpărător|Client|Beneficiar;ship_to="
    "Adresa de livrare|Livrare la|Destinatar;remit_to=Plătiți către;contact=Persoană de contact|Delegat;phone="
    "Telefon|Tel.;email=E-mail|Email;iban=IBAN|Cont bancar;vat=CUI|Cod fiscal|CIF;quote_no=Ofertă nr.|Nr."
    " ofertă;customer_no=Cod client|Nr. client;requisition=Referat de necesitate;delivery_note=Aviz de însoțire"
    "|Aviz nr.;contract=Contract cadru|Nr. contract;page=Pagina|Fila;delivery_date=Termen de livrare|Data"
    " livrării;quote_date=Data ofertei;print_date=Tipărit la|Data tipăririi;subtotal=Total fără TVA|Subtotal"
    "|Valoare netă;discount=Reducere|Discount;freight=Transport|Cheltuieli de transport;surcharge="
    "Suprataxă|Taxă de procesare;tax=TVA|Valoare TVA;total=Total de plată|Total general|Total cu TVA;amount_due="
    "Rest de plată|De achitat;terms=Termen de plată|Condiții de plată|Modalitate de plată;currency=Monedă"
    "|Valuta;description=Denumire|Descriere;quantity=Cant.|Cantitate;unit_price=Preț unitar|Preț;amount=Valoare"
    "|Total linie",
    "tr": "title=Satın Alma Siparişi|Sipariş|Sipariş Onayı;po_number=Sipariş No|Sipariş Numarası;order_date="
    "Sipariş Tarihi|Tarih|Düzenleme Tarihi;vendor=Tedarikçi|Satıcı;buyer=Fatura Adresi|Müşteri|Alıcı;ship_to="
    "Teslimat Adresi|Sevk Adresi|Teslim Alan;remit_to=Ödeme Yapılacak;contact=İlgili Kişi|Yetkili;phone="
    "Telefon|Tel;email=E-posta|Eposta;iban=IBAN|Banka Hesabı;vat=Vergi No|Vergi Dairesi;quote_no=Teklif No"
    "|Teklif Numarası;customer_no=Müşteri No|Cari Kod;requisition=Talep No;delivery_note=İrsaliye No"
    "|Sevk İrsaliyesi;contract=Çerçeve Sözleşme|Sözleşme No;page=Sayfa;delivery_date=Teslim Tarihi|Termin;"
    "quote_date=Teklif Tarihi;print_date=Yazdırma Tarihi|Basım;subtotal=Ara Toplam|Mal Hizmet Toplamı"
    "|KDV Matrahı;discount=İskonto|İndirim;freight=Nakliye|Kargo Ücreti;surcharge=Ek Ücret|Hizmet Bedeli;tax="
    "KDV|Hesaplanan KDV;total=Genel Toplam|Toplam|Ödenecek Tutar;amount_due=Kalan Tutar|Ödenecek;terms="
    "Ödeme Koşulları|Vade|Ödeme Şekli;currency=Para Birimi|Döviz;description=Açıklama|Mal Hizmet;quantity="
    "Miktar|Adet;unit_price=Birim Fiyat|Fiyat;amount=Tutar|Satır Toplamı",
}

# payment terms: (kind, template) per language; kind is net | discount | eom | receipt
_TERMS_RAW = {
    "en": "net=Net {n} days|net={n} days net|net=Payable within {n} days|net=Due {n} days from invoice date"
    "|discount={p}% {d} days, net {n}|discount={p}/{d} net {n}|discount={p}% discount within {d} days, {n} days"
    " net|eom={n} days end of month|eom=Net {n} EOM|receipt=Due on receipt|receipt=Payment on receipt of invoice",
    "de": "net={n} Tage netto|net=Zahlbar innerhalb {n} Tagen|net=Netto {n} Tage|discount={d} Tage {p}% Skonto,"
    " {n} Tage netto|discount=Innerhalb {d} Tagen {p}% Skonto, {n} Tage rein netto|eom={n} Tage nach Monatsende"
    "|receipt=Sofort ohne Abzug|receipt=Zahlbar sofort",
    "fr": "net=Paiement à {n} jours|net={n} jours net|net=À {n} jours date de facture|discount=Escompte {p}% à {d}"
    " jours, net à {n} jours|eom={n} jours fin de mois|eom=À {n} jours fin de mois|receipt=Paiement à réception"
    "|receipt=Comptant à réception",
    "es": "net=Pago a {n} días|net={n} días netos|net=A {n} días fecha factura|discount={p}% dto. pronto pago {d}"
    " días, {n} días neto|eom={n} días fin de mes|receipt=Pago al contado|receipt=A la recepción de la factura",
    "it": "net=Pagamento a {n} giorni|net={n} gg data fattura|net=Bonifico a {n} giorni|discount=Sconto {p}% a {d}"
    " giorni, netto {n} giorni|eom={n} gg d.f.f.m.|eom=Bonifico {n} giorni fine mese|receipt=Rimessa diretta"
    "|receipt=Pagamento alla consegna",
    "nl": "net=Betaling binnen {n} dagen|net={n} dagen netto|net=Netto {n} dagen na factuurdatum|discount={p}%"
    " korting bij betaling binnen {d} dagen, netto {n} dagen|eom={n} dagen na einde maand|receipt=Direct na"
    " ontvangst|receipt=Contant bij levering",
    "pl": "net=Przelew {n} dni|net={n} dni od daty faktury|net=Płatne w ciągu {n} dni|discount={p}% skonta przy"
    " zapłacie w {d} dni, netto {n} dni|eom={n} dni od końca miesiąca|receipt=Gotówka|receipt=Płatne przy odbiorze",
    "sv": "net={n} dagar netto|net=Netto {n} dagar|net=Betalas inom {n} dagar|discount={p}% rabatt inom {d} dagar,"
    " {n} dagar netto|eom={n} dagar efter månadens slut|receipt=Kontant|receipt=Betalas vid mottagandet",
    "da": "net=Netto {n} dage|net={n} dage netto|net=Betales inden {n} dage|discount={p}% kontantrabat inden {d}"
    " dage, netto {n} dage|eom=Løbende måned + {n} dage|eom=Netto {n} dage efter månedens udgang|receipt=Kontant"
    "|receipt=Ved modtagelse",
    "pt": "net=Pagamento a {n} dias|net={n} dias líquidos|net=A {n} dias da data da fatura|discount={p}% de"
    " desconto a {d} dias, {n} dias líquidos|eom={n} dias fim do mês|receipt=Pronto pagamento|receipt=A pronto",
    "cs": "net=Splatnost {n} dní|net={n} dní od vystavení|net=Splatné do {n} dnů|discount=Sleva {p}% při úhradě"
    " do {d} dnů, splatnost {n} dní|eom={n} dní od konce měsíce|receipt=Hotově|receipt=Platba při převzetí",
    "fi": "net={n} päivää netto|net=Netto {n} pv|net=Maksuaika {n} päivää|discount={p}% alennus {d} päivässä,"
    " netto {n} päivää|eom={n} päivää kuun lopusta|receipt=Käteinen|receipt=Heti laskun saavuttua",
    "no": "net={n} dager netto|net=Netto {n} dager|net=Betales innen {n} dager|discount={p}% rabatt innen {d}"
    " dager, netto {n} dager|eom={n} dager etter månedens slutt|receipt=Kontant|receipt=Ved mottak",
    "hu": "net={n} nap átutalás|net=Fizetés {n} napon belül|net=Átutalással {n} nap|discount={p}% engedmény {d}"
    " napon belül, nettó {n} nap|eom=Hó végétől számított {n} nap|receipt=Készpénz|receipt=Fizetés átvételkor",
    "ro": "net=Plata în {n} zile|net={n} zile de la facturare|net=Termen {n} zile|discount=Reducere {p}% la plata"
    " în {d} zile, net {n} zile|eom={n} zile de la sfârșitul lunii|receipt=Numerar|receipt=La primirea facturii",
    "tr": "net={n} gün vadeli|net=Vade {n} gün|net=Fatura tarihinden itibaren {n} gün|discount={d} gün içinde"
    " ödemede %{p} iskonto, {n} gün vade|eom=Ay sonundan itibaren {n} gün|receipt=Peşin|receipt=Teslimde ödeme",
}

# the roles headwide2 added, in the same "role=phrase|phrase;..." form, merged into _RAW's languages below; a
# language without a role borrows it from another language of the same half (``captions``)
_EXTRA_RAW = {
    "en": "end_user=End User|End Customer|Final Destination|Ultimate Consignee;section=PO Header|Order Header"
    "|Header Data|General Information|Purchase Order Details;name=Name|Company Name|Company|Legal Name;address="
    "Address|Street Address|Registered Address;group_line=a division of {g}|powered by {g}|a member of the {g} group"
    "|part of {g}|a subsidiary of {g};terms_sentence=Payment shall be made {t}.|All invoices under this order are"
    " payable as follows: {t}.|Unless agreed otherwise in writing, payment terms are {t}.|We will pay your invoice"
    " on these terms: {t}.",
    "de": "end_user=Endkunde|Endabnehmer|Bedarfsträger;section=Kopfdaten|Bestellkopf|Allgemeine Daten|Belegkopf;"
    "name=Name|Firma|Firmenname;address=Anschrift|Adresse|Sitz;group_line=ein Unternehmen der {g}|eine Marke der"
    " {g}|Teil der {g}|Tochtergesellschaft der {g};terms_sentence=Die Zahlung erfolgt wie folgt: {t}.|Es gelten"
    " folgende Zahlungsbedingungen: {t}.|Rechnungen zu dieser Bestellung begleichen wir {t}.",
    "fr": "end_user=Client final|Utilisateur final;section=En-tête de commande|Informations générales|Données"
    " d'en-tête;name=Raison sociale|Nom|Société;address=Adresse|Siège social;group_line=une société du groupe {g}"
    "|filiale de {g}|une division de {g};terms_sentence=Le règlement sera effectué comme suit : {t}.|Conditions"
    " applicables à cette commande : {t}.",
    "es": "end_user=Cliente final|Usuario final;section=Cabecera del pedido|Datos generales|Información general;"
    "name=Razón social|Nombre|Empresa;address=Domicilio|Dirección|Domicilio fiscal;group_line=una empresa del grupo"
    " {g}|filial de {g}|una división de {g};terms_sentence=El pago se realizará de la siguiente forma: {t}.|Las"
    " facturas de este pedido se abonarán así: {t}.",
    "it": "end_user=Cliente finale|Utilizzatore finale;section=Testata ordine|Dati generali|Dati di testata;name="
    "Ragione sociale|Denominazione|Nome;address=Indirizzo|Sede legale;group_line=una società del gruppo {g}"
    "|controllata da {g};terms_sentence=Il pagamento avverrà come segue: {t}.|Per questo ordine si applica: {t}."
    "|Le fatture saranno saldate: {t}.",
    "nl": "end_user=Eindgebruiker|Eindklant;section=Orderkop|Algemene gegevens|Kopgegevens;name=Naam|Bedrijfsnaam"
    "|Firma;address=Adres|Vestigingsadres;group_line=onderdeel van {g}|een dochter van {g};terms_sentence=Betaling"
    " geschiedt als volgt: {t}.|Voor deze order gelden de betalingsvoorwaarden: {t}.|Facturen worden voldaan: {t}.",
    "pl": "end_user=Użytkownik końcowy|Odbiorca końcowy;section=Nagłówek zamówienia|Dane ogólne|Dane nagłówka;name="
    "Nazwa|Nazwa firmy|Firma;address=Adres|Siedziba;group_line=członek grupy {g}|spółka z grupy {g};"
    "terms_sentence=Płatność nastąpi w następujący sposób: {t}.|Dla tego zamówienia obowiązuje: {t}.|Faktury"
    " będą regulowane: {t}.",
    "pt": "end_user=Cliente final|Usuário final|Destinatário final;section=Dados do pedido|Cabeçalho do pedido"
    "|Dados gerais;name=Razão social|Nome|Empresa;address=Endereço|Logradouro|Sede;group_line=uma empresa do grupo"
    " {g}|divisão de {g};terms_sentence=O pagamento será efetuado da seguinte forma: {t}.|Condição de pagamento"
    " deste pedido: {t}.",
    "sv": "end_user=Slutkund|Slutanvändare;section=Orderhuvud|Allmänna uppgifter;name=Namn|Företag|Företagsnamn;"
    "address=Adress|Säte;group_line=en del av {g}|ett dotterbolag till {g};terms_sentence=Betalning sker enligt"
    " följande: {t}.|Fakturor för denna order betalas: {t}.|Om inget annat avtalats gäller: {t}.",
    "da": "end_user=Slutbruger|Slutkunde;section=Ordrehoved|Generelle oplysninger;name=Navn|Firma|Firmanavn;address="
    "Adresse|Hjemsted;group_line=en del af {g}|et datterselskab af {g};terms_sentence=Betaling sker således: {t}."
    "|For denne ordre gælder betalingsbetingelserne: {t}.|Fakturaer betales: {t}.",
    "cs": "end_user=Koncový zákazník|Konečný uživatel;section=Hlavička objednávky|Obecné údaje;name=Název|Obchodní"
    " firma|Firma;address=Adresa|Sídlo;group_line=člen skupiny {g}|součást skupiny {g};terms_sentence=Platba bude"
    " provedena takto: {t}.|Pro tuto objednávku platí: {t}.|Faktury budou hrazeny: {t}.",
    "fi": "end_user=Loppuasiakas|Loppukäyttäjä;section=Tilauksen otsikkotiedot|Yleiset tiedot;name=Nimi|Yritys"
    "|Toiminimi;address=Osoite|Kotipaikka;group_line=osa {g} -konsernia|{g} -konserniin kuuluva;terms_sentence="
    "Maksu suoritetaan seuraavasti: {t}.|Tähän tilaukseen sovelletaan maksuehtoa: {t}.|Laskut maksetaan: {t}.",
    "no": "end_user=Sluttbruker|Sluttkunde;section=Ordrehode|Generell informasjon;name=Navn|Firma|Foretaksnavn;"
    "address=Adresse|Forretningsadresse;group_line=en del av {g}|et datterselskap av {g};terms_sentence=Betaling"
    " skjer slik: {t}.|For denne ordren gjelder betalingsbetingelsene: {t}.|Fakturaer betales: {t}.",
    "hu": "end_user=Végfelhasználó|Végső vevő;section=Rendelés fejléc|Általános adatok;name=Név|Cégnév|Cég;address="
    "Cím|Székhely;group_line=a {g} csoport tagja|a {g} leányvállalata;terms_sentence=A fizetés az alábbiak szerint"
    " történik: {t}.|Erre a megrendelésre érvényes: {t}.|A számlák kiegyenlítése: {t}.",
    "ro": "end_user=Client final|Utilizator final;section=Antet comandă|Date generale;name=Denumire|Nume|Firma;"
    "address=Adresă|Sediu social;group_line=membru al grupului {g}|o divizie a {g};terms_sentence=Plata se va"
    " efectua astfel: {t}.|Pentru această comandă se aplică: {t}.|Facturile se achită: {t}.",
    "tr": "end_user=Son Kullanıcı|Nihai Alıcı;section=Sipariş Başlığı|Genel Bilgiler;name=Unvan|Firma Adı|Ad;address="
    "Adres|Merkez Adresi;group_line={g} grubu şirketidir|{g} iştirakidir;terms_sentence=Ödeme şu şekilde yapılacaktır:"
    " {t}.|Bu sipariş için geçerli ödeme koşulu: {t}.|Faturalar şöyle ödenir: {t}.",
}

# legal forms printed whole after (or around: {} is the rest of the name) a company name, split by the same hash
LEGAL_FORMS = ("{} (Pty) Ltd", "{} Sp. z o.o.", "{} S.A. de C.V.", "{} Ltda.", "{} GmbH & Co. KG", "{} K.K.",
               "{} Sdn. Bhd.", "{} Pte. Ltd.", "{} S. de R.L. de C.V.", "{} S.A.S.", "{} ApS", "{} Oy", "{} AB (publ)",
               "{} s.r.o.", "{} a.s.", "{} Kft.", "{} Zrt.", "{} S.R.L.", "{} A.Ş.", "{} Ltd. Şti.", "{} S.L.U.",
               "{} Co., Ltd.", "{} Pvt. Ltd.", "PT {} Tbk", "{} LLP", "{} GmbH & Co. KGaA", "{} Sp. k.",
               "{} S.A.I.C.", "{} d.o.o.", "{} Limitada", "{} Proprietary Limited", "{} S.p.A. Società Benefit",
               "{} AG & Co. KG", "{} Public Company Limited", "{} Berhad", "{} SE & Co. KGaA")  # fmt: skip

# tax ids of many countries: country -> captions printed beside the id (headwide.py draws the id with python-stdnum);
# a country is in one half only (the hash of "taxid <country>"), so held seeds print formats study seeds never do
TAX_CAPTIONS = {"BR": ("CNPJ", "CNPJ/MF", "C.N.P.J."), "MX": ("RFC", "R.F.C."), "AR": ("CUIT", "C.U.I.T."),
                "CL": ("RUT", "R.U.T."), "AU": ("ABN", "A.B.N."), "JP": ("Corporate No.", "Houjin Bangou"),
                "CO": ("NIT", "N.I.T."), "PE": ("RUC", "R.U.C."), "NZ": ("GST No.", "IRD No."),
                "CH": ("UID", "MWST-Nr.", "No IDE"), "TR": ("VKN", "Vergi No"), "RO": ("CUI", "Cod fiscal"),
                "TW": ("UBN", "Unified Business No."), "RU": ("INN", "Tax ID (INN)"),
                "SG": ("UEN", "GST Reg. No."), "IN": ("GSTIN", "GSTIN/UIN"), "KR": ("Business Reg. No.", "BRN"),
                "CZ": ("DIČ", "Tax ID (CZ)"), "DK": ("CVR-nr.", "CVR"), "NO": ("Org.nr.", "Foretaksregisteret"),
                "FI": ("Y-tunnus", "Business ID"), "ZA": ("Tax Ref. No.", "Income Tax No."), "VE": ("RIF", "R.I.F."),
}  # fmt: skip


def _parse(raw: str, separator: str) -> list[tuple[str, str]]:
    out = []
    for item in raw.split(separator):
        key, _, value = item.partition("=")
        out.append((key.strip(), value))
    return out


CAPTIONS: dict[str, dict[str, tuple[str, ...]]] = {}
for _lang, _raw in _RAW.items():
    CAPTIONS[_lang] = {role: () for role in ROLES}
    for _role, _phrases in _parse(_raw, ";"):
        CAPTIONS[_lang][_role] = tuple(p.strip() for p in _phrases.split("|") if p.strip())
for _lang, _raw in _EXTRA_RAW.items():
    for _role, _phrases in _parse(_raw, ";"):
        CAPTIONS[_lang][_role] = tuple(p.strip() for p in _phrases.split("|") if p.strip())
TERMS: dict[str, tuple[tuple[str, str], ...]] = {lang: tuple(_parse(raw, "|")) for lang, raw in _TERMS_RAW.items()}


def half_of(phrase: str) -> str:
    """``study`` or ``held``: a fixed hash of the phrase, its case and spacing ignored."""
    key = " ".join(phrase.lower().split())
    return "study" if hashlib.sha256(f"headwide|{key}".encode()).digest()[0] % 2 == 0 else "held"


@cache
def captions(lang: str, role: str, half: str) -> tuple[str, ...]:
    """The phrases of ``role`` in ``lang`` that ``half`` prints; where the language has none in that half, the
    role's phrases of that half in the other languages (the order of LANGUAGES after ``lang``)."""
    own = tuple(p for p in CAPTIONS[lang][role] if half_of(p) == half)
    if own:
        return own
    start = LANGUAGES.index(lang)
    for other in LANGUAGES[start + 1 :] + LANGUAGES[:start]:
        borrowed = tuple(p for p in CAPTIONS[other][role] if half_of(p) == half)
        if borrowed:
            return borrowed
    raise ValueError(f"no {half} phrase for {role}")


@cache
def terms(lang: str, half: str) -> tuple[tuple[str, str], ...]:
    """The payment-terms templates ``half`` prints in ``lang`` (another language's where its half has none)."""
    start = LANGUAGES.index(lang)
    for other in LANGUAGES[start:] + LANGUAGES[:start]:
        found = tuple((kind, text) for kind, text in TERMS[other] if half_of(text) == half)
        if found:
            return found
    raise ValueError(f"no {half} payment terms")


# made-up caption words: consonant-vowel syllables, each syllable in one half only, so that made-up words of the
# two halves never coincide (two letters a syllable: a word splits into syllables one way only)
_SYLLABLES = tuple(c + v for c in "bdfgklmnprstvz" for v in "aeiou")
SYLLABLES = {h: tuple(s for s in _SYLLABLES if half_of("syllable " + s) == h) for h in ("study", "held")}


def legal_forms(half: str) -> tuple[str, ...]:
    """The legal-form templates ``half`` prints."""
    return tuple(f for f in LEGAL_FORMS if half_of(f) == half)


def tax_countries(half: str) -> tuple[str, ...]:
    """The countries whose tax-id formats and captions ``half`` prints."""
    return tuple(c for c in TAX_CAPTIONS if half_of(f"taxid {c}") == half)


def all_phrases(half: str) -> set[str]:
    """Every caption and terms phrase ``half`` may print, lower-cased (what the disjointness test compares)."""
    out = {p.lower() for lang in LANGUAGES for role in ROLES for p in CAPTIONS[lang][role] if half_of(p) == half}
    out |= {t.lower() for lang in LANGUAGES for _, t in TERMS[lang] if half_of(t) == half}
    return out


__all__ = ["CAPTIONS", "LANGUAGES", "LEGAL_FORMS", "ROLES", "SYLLABLES", "TAX_CAPTIONS", "TERMS", "all_phrases",
           "captions", "half_of", "legal_forms", "tax_countries", "terms"]  # fmt: skip
