"""The checks the later blind sets' tests (4, 5, 6) make of a document alike, given each set's own formats:
every labelled value is printed as the label says (read back from the PDF's text layer), a purchase order's
amounts add up, and ``ledgerlens data blind --set N`` writes a split with labels and scans."""

from __future__ import annotations

import json
import random
from collections.abc import Callable, Collection, Mapping
from dataclasses import dataclass, field
from datetime import date
from decimal import ROUND_HALF_UP, Decimal
from pathlib import Path
from typing import Any

import pypdfium2 as pdfium
from stdnum import get_cc_module

from training.factory.blind3 import split_by_kind
from training.factory.values import NUMBER_STYLES

NUMERIC = frozenset({"quantity", "unit_price", "amount", "subtotal", "tax_total", "total"})
# number styles a set prints beyond ``values.NUMBER_STYLES``: set 13's 'sp' (1 234 567.50)
_MORE_STYLES = {"sp": (" ", ".")}


def text_layer(pdf: bytes) -> str:
    """The PDF's text layer, its pages' words joined by single spaces."""
    doc = pdfium.PdfDocument(pdf)
    try:
        return " ".join(" ".join(doc[i].get_textpage().get_text_range().split()) for i in range(len(doc)))
    finally:
        doc.close()


def entities(label: dict[str, Any]) -> dict[tuple[str, int | None], list[str]]:
    """The words of each tagged value, first occurrence only (a B- tag starts a new one)."""
    out: dict[tuple[str, int | None], list[str]] = {}
    current: tuple[str, int | None] | None = None
    done: set[tuple[str, int | None]] = set()
    for page in label["pages"]:
        for word in page["words"]:
            tag = word["tag"]
            if tag == "O":
                continue
            key = (tag[2:], word.get("row"))
            if tag.startswith("B-"):
                if current is not None:
                    done.add(current)
                current = key if key not in done else None
                if current is not None:
                    out[key] = [word["text"]]
            elif current == key:
                out[key].append(word["text"])
    return out


def bare(printed: str, value: str) -> str:
    """``printed`` without the punctuation running text glues to a value's last word ('2026.', 'DAC,')."""
    return printed[:-1] if printed[-1:] in {".", ",", ";", ":"} and not value.endswith(printed[-1]) else printed


def number(text: str, style: str) -> Decimal:
    """The number ``text`` prints in ``style`` ('in', the Indian grouping, read as 'en'; 'sp', spaces and a point)."""
    thousands, point = _MORE_STYLES.get(style) or NUMBER_STYLES["en" if style == "in" else style]
    core = "".join(ch for ch in text if ch.isdigit() or ch in f"{thousands}{point}-")
    return Decimal((core.replace(thousands, "") if thousands else core).replace(point, "."))


def valid_tax_id(value: str, modules: Mapping[str, str | tuple[str, ...]]) -> bool:
    """``value`` passes the check digits of one of ``modules`` (country -> stdnum module name or names)."""
    for country, names in modules.items():
        for name in (names,) if isinstance(names, str) else names:
            module = get_cc_module(country.lower(), name)
            if module is not None and module.is_valid(value):
                return True
    return False


@dataclass(frozen=True)
class SetFormats:
    """How a set prints what its labels hold: its dates, the currency symbols it prints, its tax ids."""

    format_day: Callable[[date, str, str], str]
    symbols: Mapping[str, str]
    # (field name, printed, value) -> asserts the tax id is printed as labelled
    check_tax_id: Callable[[str, str, str], None]
    numeric: Collection[str] = NUMERIC
    skip_term_expiry: bool = True  # a term contract's expiry is the duration's, not printed as a date
    dates: frozenset[str] = field(default=frozenset({"order_date", "effective_date", "expiry_date"}))


def tax_id_with_check_digits(modules: Mapping[str, str | tuple[str, ...]]) -> Callable[[str, str, str], None]:
    """The tax id printed as labelled but for spaces, and it passes one of ``modules``' check digits."""

    def check(name: str, printed: str, value: str) -> None:
        assert printed.replace(" ", "") == value, (name, printed)
        assert valid_tax_id(value, modules), (name, value)

    return check


def check_doc(fam: Any, doc: Any, fmt: SetFormats) -> None:
    """Every labelled header field and line value is printed as the label says."""
    layer = text_layer(doc.pdf_bytes)
    ents = entities(doc.label)
    features = doc.label["features"]
    numbers = features.get("numbers", fam.numbers)
    for name, value in doc.truth["fields"].items():
        if name == "payment_terms_days" or (
            fmt.skip_term_expiry and name == "expiry_date" and features.get("expiry") == "term"
        ):
            continue
        printed = bare(" ".join(ents[(name, None)]), value)
        assert printed in layer, (fam.name, name, printed)
        if name in fmt.numeric:
            assert number(printed, numbers) == Decimal(value), (fam.name, name, printed, value)
        elif name in fmt.dates:
            shown = fmt.format_day(date.fromisoformat(value), features["dates"], fam.lang)
            assert printed in {shown, shown.rstrip(".")}, (fam.name, name, printed)  # '... 2026 r.' ends a sentence
        elif name == "currency":  # its code, or a symbol only one currency uses
            assert printed == value or fmt.symbols.get(printed) == value, (fam.name, printed)
        elif name.endswith("tax_id"):
            fmt.check_tax_id(name, printed, value)
        else:
            assert printed == value, (fam.name, name, printed, value)
    for row, item in enumerate(doc.truth["line_items"]):
        for name, value in item.items():
            if value is None:
                continue
            words = ents.get((name, row))
            assert words, (fam.name, row, name, value)
            printed = bare(" ".join(words), value)
            assert printed in layer, (fam.name, row, name, printed)
            if name in fmt.numeric:
                assert number(printed, numbers) == Decimal(value), (fam.name, row, name, printed, value)
            else:
                assert printed == value, (fam.name, row, name, printed, value)
        assert {k for (k, r) in ents if r == row} <= {k for k, v in item.items() if v is not None}


def check_sums(fam: Any, doc: Any, cent: Decimal = Decimal("0.005")) -> None:
    """qty x price (per its price unit, less its discount) = amount to within ``cent``; the lines sum to the
    subtotal (to the total where the order prices gross); subtotal + tax = total."""
    items = doc.truth["line_items"]
    a = {k: Decimal(v) for k, v in doc.label["amounts"].items()}
    assert a["subtotal"] + a["tax_total"] == a["total"]
    lines = sum((Decimal(i["amount"]) for i in items), Decimal(0))
    assert lines == (a["total"] if "gross" in fam.extras else a["subtotal"])
    units = doc.label["features"]["price_units"]
    for k, item in enumerate(items):
        qty, price, amount = (Decimal(item[n]) for n in ("quantity", "unit_price", "amount"))
        per = units[k]
        if "discount_pct" not in doc.label["features"]["columns"]:
            assert abs(qty * price / per - amount) <= cent, (fam.name, k, item)
        else:
            assert amount <= qty * price / per + Decimal("0.01"), (fam.name, k, item)


def check_set_doc(fam: Any, doc: Any, fmt: SetFormats) -> None:
    """``check_doc``, and a purchase order's sums."""
    check_doc(fam, doc, fmt)
    if fam.kind == "po":
        check_sums(fam, doc)


def check_family_varies(docs: list[Any], looks_over: int) -> None:
    """A family's documents differ in columns or date format (more than ``looks_over`` looks), and some, not all,
    run past one page."""
    looks = {(tuple(d.label["features"]["columns"]), d.label["features"]["dates"]) for d in docs}
    assert len(looks) > looks_over
    assert max(len(d.label["pages"]) for d in docs) >= 2 and min(len(d.label["pages"]) for d in docs) == 1


def check_term_expiry(doc: Any) -> None:
    """A contract whose expiry is a duration labels the expiry the duration implies (the day before it ends)."""
    from dateutil.relativedelta import relativedelta

    n, unit = doc.model.term
    effective = date.fromisoformat(doc.truth["fields"]["effective_date"])
    months = n * (12 if unit == "years" else 1)
    expected = effective + relativedelta(months=months) - relativedelta(days=1)
    assert doc.label["features"]["expiry"] == "term"
    assert doc.truth["fields"]["expiry_date"] == expected.isoformat()


def check_families_split(families: list[Any], splits: Mapping[str, list[str]], split_seed: int,
                         families_of: Callable[[str], list[Any]], older: Collection[Any]) -> None:  # fmt: skip
    """The set's family names are unique and new (in none of the ``older`` set modules), each family has its own
    family id, and the split is the fixed one: disjoint, covering, each half with both kinds."""
    names = [f.name for f in families]
    assert len(names) == len(set(names))
    assert not set(names) & {f.name for m in older for f in m.FAMILIES}
    dev, test = set(splits["dev"]), set(splits["test"])
    assert not dev & test and dev | test == set(names)
    for half in (dev, test):
        assert {f.kind for f in families if f.name in half} == {"po", "contract"}
    assert split_by_kind(families, split_seed) == splits
    assert [f.name for f in families_of("dev")] == splits["dev"]
    assert len({f.family for f in families}) == len(families)


def check_sums_to_places(fam: Any, doc: Any) -> None:
    """qty x price rounded half up to the currency's places (``fam.places``) = the amount; the lines sum to the
    subtotal; the tax is the subtotal x rate rounded half up; subtotal + tax = total (sets 13 and 14)."""
    items = doc.truth["line_items"]
    a = {k: Decimal(v) for k, v in doc.label["amounts"].items()}
    step = Decimal(1).scaleb(-fam.places)
    assert a["subtotal"] + a["tax_total"] == a["total"]
    assert sum((Decimal(i["amount"]) for i in items), Decimal(0)) == a["subtotal"]
    rate = Decimal(doc.model.tax_rate)
    assert a["tax_total"] == (a["subtotal"] * rate / 100).quantize(step, rounding=ROUND_HALF_UP)
    for k, item in enumerate(items):
        qty, price, amount = (Decimal(item[n]) for n in ("quantity", "unit_price", "amount"))
        assert amount == (qty * price).quantize(step, rounding=ROUND_HALF_UP), (fam.name, k, item)
        assert price == price.quantize(step), (fam.name, k, price)


def tax_id_printed_whole(
    valid: Callable[[str, str], bool], countries: Collection[str]
) -> Callable[[str, str, str], None]:
    """A ``SetFormats`` tax-id check: the id is printed as labelled (spaces aside) and valid for one of the set's
    ``countries`` by the set's own ``valid(country, value)``."""

    def check(name: str, printed: str, value: str) -> None:
        assert printed.replace(" ", "") == value, (name, printed)
        assert any(valid(c, value) for c in countries), (name, value)

    return check


def check_new_desks(families: list[Any], older: Collection[Any]) -> None:
    """24 families from 24 countries, none of which an ``older`` set module printed."""
    older_countries = {getattr(f, "country", None) for m in older for f in m.FAMILIES}
    countries = {f.country for f in families}
    assert len(countries) == 24 and not countries & older_countries


def check_cli_writes_split(tmp_path: Path, set_no: int, n: int, split: str, names: list[str]) -> None:
    """``ledgerlens data blind --set N`` writes ``n`` scanned documents of ``split`` (whose families are
    ``names``), in the split's order, with their labels."""
    from typer.testing import CliRunner

    from ledgerlens.cli import app

    args = ["data", "blind", "--set", str(set_no), "--n", str(n), "--out", str(tmp_path), "--split", split]
    result = CliRunner().invoke(app, [*args, "--scanned-share", "1.0", "--seed", "8"])
    assert result.exit_code == 0, result.output
    labels = [json.loads(p.read_text()) for p in sorted(tmp_path.glob(f"*-blind{set_no}-*.json"))]
    assert len(labels) == n and all((tmp_path / label["file"]).exists() for label in labels)
    assert [label["features"][f"blind{set_no}"] for label in labels] == names[:n]
    assert all(label["scanned"] for label in labels)


def older_sets(set_no: int) -> tuple[Any, ...]:
    """The modules of the blind sets before ``set_no`` (1 to ``set_no`` - 1), from the registry."""
    import importlib

    from training.factory.blindsets import BLIND_SETS

    return tuple(importlib.import_module(BLIND_SETS[k][0]) for k in range(1, set_no))


def check_set_doc_to_places(fam: Any, doc: Any, fmt: SetFormats, set_no: int) -> None:
    """``check_doc``, the label names the family, and a purchase order's sums to its currency's places (sets 13
    to 18)."""
    check_doc(fam, doc, fmt)
    assert doc.label["features"][f"blind{set_no}"] == fam.name
    if fam.kind == "po":
        check_sums_to_places(fam, doc)


def check_split_of_24(module: Any, set_no: int) -> None:
    """A later set (13 on): 24 families, 16 of them orders, split once by its ``SPLIT_SEED`` into 12 and 12, with
    names new to the ``older_sets``."""
    families, splits = module.FAMILIES, getattr(module, f"BLIND{set_no}_SPLITS")
    assert len(families) == 24 and sum(f.kind == "po" for f in families) == 16
    check_families_split(families, splits, module.SPLIT_SEED, getattr(module, f"blind{set_no}_families"),
                         older_sets(set_no))  # fmt: skip
    assert len(splits["dev"]) == len(splits["test"]) == 12


def conditioned_page(condition: Callable[..., tuple[Any, ...]], kind: str) -> Any:
    """A white A4 page with a total printed on it, through ``condition``'s ``kind``: the page keeps its size and
    the condition sets no dpi of its own; the conditioned page in greyscale."""
    from PIL import Image, ImageDraw

    img = Image.new("RGB", (620, 877), (255, 255, 255))
    ImageDraw.Draw(img).text((40, 40), "Total 1 234,50", fill=(0, 0, 0))
    out, dpi = condition(img, kind, random.Random(4), 595.0)
    assert dpi is None and out.size == img.size
    return out.convert("L")


__all__ = ["NUMERIC", "SetFormats", "bare", "check_cli_writes_split", "check_doc", "check_families_split",
           "check_family_varies", "check_set_doc", "check_set_doc_to_places", "check_split_of_24", "check_sums",
           "check_term_expiry", "conditioned_page", "entities", "number", "older_sets", "tax_id_with_check_digits",
           "text_layer", "valid_tax_id"]  # fmt: skip
