"""The twelfth blind set: every labelled value is printed as the label says (read back from the PDF's text layer),
qty x price = amount (rounded half up to the currency's places) and the totals add up (transport charges before the
tax, VAT summed over the lines where the table prints it per line, gross orders: the lines to the total), tax ids
pass their check digits (python-stdnum, Kazakhstan's BIN) or their scheme's shape, the split is fixed and disjoint,
and ``ledgerlens data blind --set 12`` writes it with scans."""

from __future__ import annotations

import random
from datetime import date
from decimal import ROUND_HALF_UP, Decimal
from pathlib import Path
from typing import Any

import pytest
from PIL import Image, ImageDraw

from tests.blindchecks import SetFormats, check_cli_writes_split, check_doc, check_families_split, check_term_expiry
from training.factory import blind, blind2, blind3, blind4, blind5, blind6, blind7, blind8, blind9, blind10, blind11
from training.factory.blind12 import (
    BLIND12_SPLITS,
    BY_NAME,
    FAMILIES,
    SPLIT_SEED,
    blind12_families,
    condition12,
    format_day12,
    format_num12,
    french_words,
    kz_bin_valid,
    lakh_words,
    make_blind12,
    tax_id_valid12,
)

_OLDER = (blind, blind2, blind3, blind4, blind5, blind6, blind7, blind8, blind9, blind10, blind11)


def _check_tax_id(name: str, printed: str, value: str) -> None:
    assert printed.replace(" ", "") == value, (name, printed)
    assert any(tax_id_valid12(c, value) for c in _COUNTRIES), (name, value)


_COUNTRIES = sorted({f.country for f in FAMILIES})
FORMATS = SetFormats(format_day12, {}, _check_tax_id)


def check_sums12(fam: Any, doc: Any) -> None:
    """qty x price rounded half up to the currency's places = the amount; the lines sum to the subtotal (to the total
    where the order prices gross); subtotal + freight + tax = total; the tax is the rate's (of the subtotal and the
    transport charge, or summed over the lines' rounded VAT)."""
    items = doc.truth["line_items"]
    a = {k: Decimal(v) for k, v in doc.label["amounts"].items()}
    step = Decimal(1).scaleb(-fam.places)
    assert a["subtotal"] + a["freight"] + a["tax_total"] == a["total"]
    assert (a["freight"] > 0) == ("charges" in fam.extras)
    lines = sum((Decimal(i["amount"]) for i in items), Decimal(0))
    rate = Decimal(doc.model.tax_rate)
    if "gross" in fam.extras:
        assert lines == a["total"]
        assert a["tax_total"] == (a["total"] * rate / (100 + rate)).quantize(step, rounding=ROUND_HALF_UP)
    else:
        assert lines == a["subtotal"]
        if fam.table == "vatcols":
            per_line = [(Decimal(i["amount"]) * rate / 100).quantize(step, rounding=ROUND_HALF_UP) for i in items]
            assert a["tax_total"] == sum(per_line, Decimal(0))
        else:
            base = a["subtotal"] + a["freight"]
            assert a["tax_total"] == (base * rate / 100).quantize(step, rounding=ROUND_HALF_UP)
    for k, item in enumerate(items):
        qty, price, amount = (Decimal(item[n]) for n in ("quantity", "unit_price", "amount"))
        assert amount == (qty * price).quantize(step, rounding=ROUND_HALF_UP), (fam.name, k, item)
        assert price == price.quantize(step), (fam.name, k, price)


def check_set_doc12(fam: Any, doc: Any) -> None:
    check_doc(fam, doc, FORMATS)
    assert doc.label["features"]["blind12"] == fam.name
    if fam.kind == "po":
        check_sums12(fam, doc)


@pytest.mark.parametrize("fam", FAMILIES, ids=lambda f: f.name)
def test_blind12_labels_are_what_the_page_prints(fam: Any) -> None:
    check_set_doc12(fam, make_blind12(12, fam))


def test_blind12_families_are_new_and_split_once() -> None:
    assert len(FAMILIES) == 24 and sum(f.kind == "po" for f in FAMILIES) == 16
    check_families_split(FAMILIES, BLIND12_SPLITS, SPLIT_SEED, blind12_families, _OLDER)
    assert len(BLIND12_SPLITS["dev"]) == len(BLIND12_SPLITS["test"]) == 12
    older_countries = {getattr(f, "country", None) for m in _OLDER for f in m.FAMILIES}
    assert not {f.country for f in FAMILIES} & older_countries  # desks no earlier set printed


def test_blind12_same_seed_same_bytes() -> None:
    fam = BY_NAME["buyurtma-qqs-ustunlari-uz"]
    assert make_blind12(7, fam).pdf_bytes == make_blind12(7, fam).pdf_bytes


def test_blind12_formats() -> None:
    day = date(2026, 3, 5)
    assert format_day12(day, "long", "ka_GE") == "5 მარტი, 2026"
    assert format_day12(day, "long", "hy_AM") == "2026 թ. մարտի 5"
    assert format_day12(day, "cis", "ru_KZ") == "«05» марта 2026 г."
    assert format_day12(day, "long", "en_LK") == "5 March 2026"  # Babel has no en_LK: the world's English
    assert format_day12(day, "dmony", "en_OM") == "05-Mar-2026"
    assert format_num12(Decimal("1234567.5"), "in", 2) == "12,34,567.50"
    assert format_num12(Decimal("999"), "in", 0) == "999"
    assert format_num12(Decimal("1234567.5"), "fr", 0) == "1 234 568"
    assert lakh_words(120000) == "one lakh twenty thousand"
    assert lakh_words(31_000_205) == "three crore ten lakh two hundred and five"
    assert french_words(1280) == "mille deux cent quatre-vingts"
    assert french_words(71) == "soixante et onze"
    assert french_words(280_000) == "deux cent quatre-vingt mille"
    assert french_words(2_000_091) == "deux millions quatre-vingt-onze"


def test_blind12_tax_ids_carry_their_check_digits() -> None:
    assert kz_bin_valid("081140000436") and not kz_bin_valid("081140000437")  # Samruk-Kazyna's BIN
    assert tax_id_valid12("SN", "3067221 2G2") and not tax_id_valid12("SN", "3067222")
    assert tax_id_valid12("MZ", "400339910") and not tax_id_valid12("MZ", "400339911")
    assert tax_id_valid12("SV", "0614-050707-104-8") and not tax_id_valid12("SV", "0614-050707-104-0")
    assert tax_id_valid12("LK", "114567890-7000") and not tax_id_valid12("LK", "114567890")


def test_blind12_currencies_print_their_own_places() -> None:
    om = make_blind12(5, BY_NAME["local-purchase-order-vat-om"])  # rial: three places
    assert all(len(i["unit_price"].split(".")[1]) == 3 for i in om.truth["line_items"])
    sn = make_blind12(5, BY_NAME["bon-commande-arrete-sn"])  # CFA franc: none
    assert all("." not in i["unit_price"] for i in sn.truth["line_items"])
    assert "francs CFA" in " ".join(w["text"] for p in sn.label["pages"] for w in p["words"])


def test_blind12_carried_table_runs_over_pages_with_its_running_sums() -> None:
    fam = BY_NAME["zakhialga-shiljuuleg-mn"]
    doc = next(d for d in (make_blind12(s, fam) for s in range(30)) if len(d.label["pages"]) > 1)
    check_set_doc12(fam, doc)
    first, second = ([w["text"] for w in p["words"]] for p in doc.label["pages"][:2])
    assert "шилжүүлсэн" in first and "шилжсэн" in second


def test_blind12_landscape_pages() -> None:
    order = make_blind12(3, BY_NAME["nota-encomenda-transporte-mz"])
    assert all(p["width"] > p["height"] for p in order.label["pages"])
    contract = make_blind12(3, BY_NAME["contrato-anexo-apaisado-pa"])
    sizes = [p["width"] > p["height"] for p in contract.label["pages"]]
    assert sizes[0] is False and sizes[-1] is True  # a portrait contract, its rate annex landscape
    assert any(w["tag"] == "B-unit_price" for w in contract.label["pages"][-1]["words"])


def test_blind12_term_contracts_label_the_expiry_the_duration_implies() -> None:
    fam = BY_NAME["dogovor-okazaniya-uslug-kz"]
    doc = make_blind12(4, fam)
    check_term_expiry(doc)
    check_doc(fam, doc, FORMATS)


def test_cli_writes_a_blind12_split_with_labels_and_scans(tmp_path: Path) -> None:
    check_cli_writes_split(tmp_path, 12, 2, "dev", BLIND12_SPLITS["dev"])


@pytest.mark.parametrize("kind", ["carbon", "crumple"])
def test_blind12_own_scan_conditions_keep_the_page_size(kind: str) -> None:
    img = Image.new("RGB", (620, 877), (255, 255, 255))
    ImageDraw.Draw(img).text((40, 40), "Total 1 234 500", fill=(0, 0, 0))
    out, dpi = condition12(img, kind, random.Random(4), 595.0)
    assert dpi is None and out.size == img.size


@pytest.mark.slow
@pytest.mark.parametrize("fam", FAMILIES, ids=lambda f: f.name)
def test_blind12_labels_hold_over_more_seeds(fam: Any) -> None:
    for seed in range(1, 9):
        check_set_doc12(fam, make_blind12(seed, fam))
