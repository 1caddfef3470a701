"""Line alignment: which reference (PO / contract) line each invoice line bills.

Billing systems abbreviate, reorder words and change case and punctuation, so descriptions are normalised
(units, common abbreviations, plurals, then any token that abbreviates a token of the other side) and compared
with rapidfuzz (token coverage with typo tolerance, token_sort_ratio); where the words differ, by meaning too
(MiniLM sentence embeddings, ``matching.semantic``: "USB-C dock" is a "Docking station USB-C").
The pair score is a logistic combination of description similarity, SKU agreement (an invoice SKU outside the
reference's numbering, a customer part number, says nothing), unit price closeness (per piece or per printed pack
size; the very price counts where no reference line's words explain the invoice line) and quantity plausibility
(partial deliveries are normal), every pair scored at once as numpy matrices; scipy's optimal assignment then picks one
reference line per invoice line. ``LineAligner`` is a scikit-learn estimator: the default weights work without
fitting, ``fit(pairs, labels)`` learns them from labelled pairs.
"""

from __future__ import annotations

import math
import re
from collections.abc import Mapping, Sequence
from dataclasses import dataclass
from decimal import ROUND_HALF_UP, Decimal
from functools import lru_cache

import numpy as np
from rapidfuzz import fuzz, process
from scipy.optimize import linear_sum_assignment
from sklearn.base import BaseEstimator

from extraction.result import LineItem
from matching.types import InvoiceLine, LineMatch

FEATURES = ("description", "sku_equal", "sku_differ", "price", "price_exact", "quantity")
DEFAULT_WEIGHTS: dict[str, float] = {
    "bias": -6.0,
    "description": 7.0,  # similarity 0..1
    "sku_equal": 5.0,  # the same SKU is strong evidence on its own
    "sku_differ": -3.0,  # the invoice shows a SKU of the reference's numbering and it is another line's
    "price": 2.0,  # unit price closeness 0..1 (0.5 when unknown), per piece or per pack
    # the very price of the reference line, to the cent: how a clerk pairs a line written in another language
    "price_exact": 2.5,
    "quantity": 1.0,  # 1 when the invoice bills at most the reference quantity
}

_SYNONYMS = {
    # units
    "hrs": "hour", "hr": "hour", "hours": "hour", "h": "hour", "days": "day", "pcs": "piece", "pc": "piece",
    "pieces": "piece", "ea": "each", "units": "unit", "mo": "month", "mos": "month", "mth": "month",
    "months": "month", "monthly": "month", "yr": "year", "yrs": "year", "years": "year", "annual": "year",
    "yearly": "year", "kgs": "kg", "lbs": "lb", "licence": "license", "licences": "license", "lic": "license",
    # words billing systems shorten
    "svc": "service", "svcs": "service", "services": "service", "mgmt": "management", "maint": "maintenance",
    "cons": "consulting", "consultancy": "consulting", "std": "standard", "prem": "premium", "qty": "quantity",
    "install": "installation", "config": "configuration", "impl": "implementation", "dev": "development",
    "sr": "senior", "jr": "junior", "w": "with", "intl": "international", "equip": "equipment",
    "supp": "support", "tech": "technical", "sub": "subscription", "subs": "subscription", "and": "",
    "the": "", "of": "", "for": "", "per": "",
}  # fmt: skip
_TOKEN = re.compile(r"[a-z]+|\d+(?:[.,]\d+)?")


def normalize_sku(sku: object) -> str | None:
    text = re.sub(r"[^0-9A-Za-z]", "", str(sku or "")).upper()
    return text or None


def tokens(description: object) -> list[str]:
    """Lower-case word and number tokens with units, abbreviations and plurals normalised."""
    return list(_tokens(str(description or "")))


# Caches below: a billing run checks many invoices against one PO with the same descriptions again and again, and
# each function is pure, so each pair of words or descriptions is compared once per process.
@lru_cache(maxsize=65536)
def _tokens(description: str) -> tuple[str, ...]:
    out = []
    for tok in _TOKEN.findall(description.lower()):
        tok = _SYNONYMS.get(tok, tok)
        if len(tok) > 3 and tok.endswith("s") and not tok.endswith("ss"):
            tok = _SYNONYMS.get(tok[:-1], tok[:-1])
        if tok:
            out.append(tok)
    return tuple(out)


@lru_cache(maxsize=262144)
def _abbreviates(short: str, full: str) -> bool:
    """'maint' abbreviates 'maintenance' (a prefix), 'mgmt' 'management' and 'cfg' 'config' (consonants in order
    after the same first letter); 'set' is no abbreviation of 'sealant' (a vowel inside is no abbreviation)."""
    if len(short) < 2 or len(short) >= len(full) or short[0] != full[0] or not short.isalpha():
        return False
    if full.startswith(short):
        return True
    if any(ch in "aeiou" for ch in short[1:]):
        return False
    pos = 0
    for ch in short:
        pos = full.find(ch, pos) + 1
        if pos == 0:
            return False
    return True


def _expand(side: list[str], other: list[str]) -> list[str]:
    """Replace tokens of ``side`` that abbreviate a token of ``other`` by that token."""
    others = set(other)
    out = []
    for tok in side:
        if tok not in others:
            tok = next((full for full in other if _abbreviates(tok, full)), tok)
        out.append(tok)
    return out


def _coverage(side: Sequence[str], other: Sequence[str]) -> float:
    """Share of ``side``'s tokens found in ``other`` (exactly, or within a typo for words)."""
    others = set(other)
    words = [o for o in others if len(o) > 3]
    hits = 0
    for tok in side:
        if tok in others:
            hits += 1
        elif len(tok) > 3 and words:
            # one C call per token against all the other side's words (rapidfuzz extractOne with a cutoff)
            hits += process.extractOne(tok, words, scorer=fuzz.ratio, score_cutoff=80) is not None
    return hits / len(side)


def description_similarity(a: Sequence[str], b: Sequence[str]) -> float:
    """0..1 similarity of two token lists (from ``tokens``): order-free, subset-tolerant, abbreviation-aware.

    Token coverage of the shorter side carries most weight (an invoice may drop words), the longer side's
    coverage and a character-level sort ratio break ties between close candidates ("junior" vs "senior").
    """
    return _description_similarity(tuple(a), tuple(b))


@lru_cache(maxsize=131072)
def _description_similarity(a: tuple[str, ...], b: tuple[str, ...]) -> float:
    if not a or not b:
        return 0.0
    left, right = _expand(list(a), list(b)), _expand(list(b), list(a))
    short, long = (left, right) if len(left) <= len(right) else (right, left)
    sort_ratio = fuzz.token_sort_ratio(" ".join(left), " ".join(right)) / 100.0
    return 0.6 * _coverage(short, long) + 0.2 * _coverage(long, short) + 0.2 * sort_ratio


_PACK = re.compile(r"(?<![\w.,])(\d{1,4})(?![\w.,])")  # a number standing alone: "box of 100", "Pack 200", "CTN/5"


def pack_sizes(*texts: object) -> set[Decimal]:
    """Pack sizes a line may print ("box of 100", "carton / 5"): the whole numbers of 2 and more that stand alone
    in its description or unit."""
    return {Decimal(n) for text in texts for n in _pack_sizes(str(text or ""))}


@lru_cache(maxsize=65536)
def _pack_sizes(text: str) -> frozenset[int]:
    return frozenset(n for n in map(int, _PACK.findall(text)) if n >= 2)


def pack_factor(line: InvoiceLine, item: LineItem) -> Decimal:
    """How many of the invoice line's units make one of the reference line's: 1, or a pack size printed on
    either line when the prices are that many times apart ("box of 100" at 8.50 billed as 100 pieces at 0.085;
    or per box against a price per piece, 1/100). The nearest scale wins; a price more than half off any scale is
    left at 1 (a wrong price, not a unit)."""
    prices = [float(p) for p in reference_prices(item) if p > 0]
    sizes = pack_sizes(line.description, line.unit, item.value("description"), item.value("unit"))
    if not prices or line.unit_price <= 0 or not sizes:
        return Decimal(1)
    factors = [Decimal(1), *sizes, *(1 / k for k in sizes)]
    price = float(line.unit_price)

    def distance(k: Decimal) -> float:
        return min(abs(math.log(price * float(k) / p)) for p in prices)

    best = min(factors, key=distance)
    return best if distance(best) < math.log(1.5) else Decimal(1)


def _decimal(value: object) -> Decimal | None:
    return value if isinstance(value, Decimal) else None


def reference_prices(item: LineItem) -> list[Decimal]:
    """Unit prices an invoice may bill for a reference line: the printed one, then the effective one
    (amount / quantity) when they differ, since lines with a discount column are billed at the net price."""
    printed = _decimal(item.value("unit_price"))
    prices = [] if printed is None else [printed]
    amount, quantity = _decimal(item.value("amount")), _decimal(item.value("quantity"))
    if amount is not None and quantity is not None and quantity > 0:
        effective = amount / quantity
        if printed is None or abs(effective - printed) > Decimal("0.005"):
            prices.append(effective)
    return prices


def bills_price(line: InvoiceLine, item: LineItem) -> bool:
    """The invoice line's unit price is one of the reference line's, at the precision the invoice prints (to the
    cent at least: "150" is not 150.40)."""
    exponent = line.unit_price.as_tuple().exponent
    if not isinstance(exponent, int):
        return False
    printed = Decimal(1).scaleb(min(exponent, -2))
    return any(abs(p.quantize(printed, ROUND_HALF_UP) - line.unit_price) < printed / 2 for p in reference_prices(item))


def _says_little(item: LineItem) -> bool:
    """A reference description that is no evidence against a line: misread (low confidence) or hardly words at all
    ("ST verzinkt", "M": a unit or a fragment read where a scan's description was)."""
    cell = item.cells.get("description")
    if cell is None or cell.value is None:
        return True
    return cell.confidence < 0.6 or len(re.findall(r"[^\W\d_]{3,}", str(cell.value))) < 2


def _same_price_rescue(
    matches: list[LineMatch],
    lines: Sequence[InvoiceLine],
    items: Sequence[LineItem],
    scores: np.ndarray,
    threshold: float,
    allow_split: bool,
) -> None:
    """An invoice line left unmatched, or matched to a line of another price, goes to the one reference line whose
    price it bills exactly, when that line's description agrees (as well as the line it has, or above threshold) or
    says little. A PO item split over two invoice lines (the one-to-one assignment sends the second copy elsewhere) and
    descriptions lost in a scan's extraction otherwise raise PRICE_MISMATCH or LINE_NOT_IN_REFERENCE on a clean
    invoice; a price to the cent is rarely a coincidence, a description that names another thing overrules it."""
    for match in matches:
        line = lines[match.invoice_line]
        if line.unit_price <= 0:
            continue
        j = match.reference_line
        if j is not None and bills_price(line, items[j]):
            continue
        same = [k for k, item in enumerate(items) if bills_price(line, item)]
        if len(same) != 1:
            continue
        k = same[0]
        taken = {m.reference_line for m in matches}
        i = match.invoice_line
        if j is None:
            agree = bool(scores[i, k] >= threshold)
        else:  # the words say k at least as well as j (same words: the price decides), and no SKU says j
            sku = normalize_sku(line.sku)
            words = tokens(line.description)
            agree = not (sku and sku == normalize_sku(items[j].value("sku"))) and description_similarity(
                words, tokens(items[k].value("description"))
            ) >= description_similarity(words, tokens(items[j].value("description")))
        if (allow_split or k not in taken) and (agree or _says_little(items[k])):
            match.reference_line = k


@lru_cache(maxsize=65536)
def _codes(description: str) -> frozenset[str]:
    """Product codes printed in a reference description, where a table without a SKU column puts them ("Stock No.
    CAT-02104", "Art. 4711-B"): chunks of four characters or more with a digit (a size, "6204", is one only when an
    invoice SKU says it)."""
    return frozenset(
        c for c in map(normalize_sku, description.split()) if c and len(c) >= 4 and any(ch.isdigit() for ch in c)
    )


def _shape(code: str) -> str:
    """A code's numbering shape: "ART0847" -> "AAA9999"."""
    return re.sub(r"[A-Z]", "A", re.sub(r"[0-9]", "9", code))


def line_codes(line: InvoiceLine, items: Sequence[LineItem]) -> frozenset[str]:
    """The product codes an invoice line names: its SKU, else the codes in its description that have the shape of
    the reference's SKUs ("ART.0847 - Nastro adesivo" names ART0847; "4,2x13" is a size, not a code)."""
    sku = normalize_sku(line.sku)
    if sku:
        return frozenset({sku})
    shapes = {_shape(k) for item in items if (k := normalize_sku(item.value("sku")))}
    return frozenset(c for c in _codes(line.description) if _shape(c) in shapes)


def item_named(line: InvoiceLine, item: LineItem) -> bool:
    """The invoice line names the reference line's product: the same SKU, or one's SKU printed in the other's
    description."""
    sku, own = normalize_sku(line.sku), normalize_sku(item.value("sku"))
    if own and (own == sku or own in _codes(line.description)):
        return True
    return bool(sku and sku in _codes(str(item.value("description") or "")))


def _float(value: Decimal | None) -> float | None:
    return None if value is None else float(value)


@dataclass(slots=True)
class _Side:
    """What the scorer needs of a line, computed once per line (numbers as floats: they only score)."""

    tokens: tuple[str, ...]
    sku: str | None
    codes: frozenset[str]  # SKU-like chunks of the description ("B-200 seat" -> {"B200", "SEAT"})
    exact_prices: frozenset[Decimal]  # a reference line may be billed at its printed or its net price
    prices: tuple[float, ...]
    quantity: float | None
    packs: frozenset[int]  # pack sizes printed on the line ("box of 100")

    @classmethod
    def of_invoice(cls, line: InvoiceLine) -> _Side:
        codes = frozenset(c for c in map(normalize_sku, line.description.split()) if c)
        packs = _pack_sizes(line.description) | _pack_sizes(line.unit or "")
        price = line.unit_price
        return cls(
            _tokens(line.description), normalize_sku(line.sku), codes, frozenset({price}), (float(price),),
            float(line.quantity), packs,
        )  # fmt: skip

    @classmethod
    def of_reference(cls, item: LineItem) -> _Side:
        prices = reference_prices(item)
        description = str(item.value("description") or "")
        return cls(
            _tokens(description),
            normalize_sku(item.value("sku")),
            _codes(description),
            frozenset(prices),
            tuple(map(float, prices)),
            _float(_decimal(item.value("quantity"))),
            _pack_sizes(description) | _pack_sizes(str(item.value("unit") or "")),
        )


def _closeness(a: np.ndarray, b: np.ndarray) -> np.ndarray:
    """1 for equal prices, 0 from a factor 3 apart (elementwise; NaN where a price is unknown)."""
    scale = np.maximum(np.abs(a), np.abs(b))
    with np.errstate(invalid="ignore", divide="ignore"):
        out = np.clip(1.0 - 2.0 * np.abs(a - b) / scale, 0.0, None)
    return np.where(scale == 0, 1.0, out)


def _plausible_quantity(billed: np.ndarray, ordered: np.ndarray) -> np.ndarray:
    """1 when the invoice bills at most the reference quantity, ordered / billed above it, 0.5 when unknown."""
    with np.errstate(invalid="ignore", divide="ignore"):
        out = np.where(billed <= ordered, 1.0, ordered / billed)
    return np.where(np.isnan(billed) | np.isnan(ordered) | ~(ordered > 0), 0.5, out)


def _padded(rows: Sequence[tuple[float, ...]]) -> np.ndarray:
    width = max((len(r) for r in rows), default=0) or 1
    return np.array([[*r, *([np.nan] * (width - len(r)))] for r in rows], dtype=float)


def _price_features(left: Sequence[_Side], right: Sequence[_Side]) -> tuple[np.ndarray, ...]:
    """(closeness, exact, quantity plausibility), each (invoice lines, reference lines): the invoice's price and
    quantity against the reference line's, per piece or per pack (a pack size printed on either line scales the
    invoice's price and quantity)."""
    a = _padded([s.prices for s in left])[:, None, :, None]  # (n, 1, prices, 1)
    b = _padded([s.prices for s in right])[None, :, None, :]  # (1, m, 1, prices)

    def best(scale: float) -> np.ndarray:
        close = _closeness(a * scale, b)
        return np.where(np.isnan(close), -1.0, close).max(axis=(2, 3))

    closeness, factor = best(1.0), np.ones((len(left), len(right)))
    packs = set().union(*(s.packs for s in left), *(s.packs for s in right))
    if packs:
        with np.errstate(invalid="ignore", divide="ignore"):
            ratio = np.abs(np.log(np.abs(b / a)))  # how many times apart, as a log
        apart = np.where(np.isnan(ratio), np.inf, ratio).min(axis=(2, 3))
    for k in sorted(packs):
        # only where the pack size is printed on either line and could bring the prices within a factor 3
        printed = np.array([k in s.packs for s in left])[:, None] | np.array([k in r.packs for r in right])[None, :]
        candidates = printed & (np.abs(apart - math.log(k)) < math.log(3))
        if not candidates.any():
            continue
        for scale in (float(k), 1.0 / k):
            close = best(scale)
            better = candidates & (close > closeness)
            closeness, factor = np.where(better, close, closeness), np.where(better, scale, factor)
    known = closeness >= 0
    closeness = np.where(known, closeness, 0.5)
    exact = np.array([[float(not s.exact_prices.isdisjoint(r.exact_prices)) for r in right] for s in left])
    billed = np.array([np.nan if s.quantity is None else s.quantity for s in left])[:, None] / factor
    ordered = np.array([np.nan if r.quantity is None else r.quantity for r in right])[None, :]
    return closeness, exact, _plausible_quantity(billed, ordered)


def _sku_features(left: Sequence[_Side], right: Sequence[_Side], numbering: frozenset[str]) -> np.ndarray:
    """(equal, differ) per pair: the same SKU, or either side's SKU inside the other's description (the reference's
    only where it has no SKU cell), is equal; an invoice SKU of the reference's numbering (``numbering``: its SKUs)
    that is another line's differs; an invoice SKU outside them is of another numbering (the vendor's own, the
    customer's part number) and says nothing."""
    out = np.zeros((len(left), len(right), 2))
    for i, s in enumerate(left):
        for j, r in enumerate(right):
            if r.sku and s.sku == r.sku:
                out[i, j, 0] = 1.0
            elif s.sku and r.sku and s.sku in numbering:
                out[i, j, 1] = 1.0
            elif (r.sku and r.sku in s.codes) or (s.sku and not r.sku and s.sku in r.codes):
                # one side's SKU printed inside the other's description ("Stock No. CAT-02104")
                out[i, j, 0] = 1.0
    return out


def feature_matrix(left: Sequence[_Side], right: Sequence[_Side], numbering: frozenset[str]) -> np.ndarray:
    """Every pair's ``FEATURES``, shape (invoice lines, reference lines, features)."""
    description = np.array([[description_similarity(s.tokens, r.tokens) for r in right] for s in left])
    closeness, exact, quantity = _price_features(left, right)
    sku = _sku_features(left, right, numbering)
    return np.stack([description, sku[:, :, 0], sku[:, :, 1], closeness, exact, quantity], axis=2)


def pair_features(line: _Side, ref: _Side, numbering: frozenset[str] = frozenset()) -> list[float]:
    """Features of one (invoice line, reference line) pair (see ``feature_matrix``)."""
    return [float(v) for v in feature_matrix([line], [ref], numbering)[0, 0]]


# Sentence-embedding cosine -> description similarity: unrelated items of one catalogue score up to ~0.38,
# paraphrases ("USB-C dock" / "Docking station USB-C") 0.5-0.9.
_MEANING_FLOOR, _MEANING_FULL = 0.35, 0.70
_MEANING_CAP = 0.9  # meaning alone never reaches an exact match of the words
_LEXICAL_ENOUGH = 0.6  # an invoice line whose words come this close to a reference line's is decided by words
# (so "junior" vs "senior", "27 inch" vs "24 inch" stay apart: their meanings are close)


def meaning_similarity(left: Sequence[str], right: Sequence[str]) -> np.ndarray | None:
    """0..1 similarity by meaning of every left description with every right one (MiniLM embeddings), None
    when the encoder is unavailable."""
    from matching.semantic import similarity  # torch loads on the first alignment, not on import

    cosine = similarity(left, right)
    if cosine is None:
        return None
    scaled = (cosine - _MEANING_FLOOR) / (_MEANING_FULL - _MEANING_FLOOR)
    return np.clip(scaled, 0.0, _MEANING_CAP)


class LineAligner(BaseEstimator):
    """Aligns invoice lines to reference lines.

    threshold: pair score (0..1) below which an invoice line is left unmatched.
    weights: logistic weights by feature name (see ``DEFAULT_WEIGHTS``); None uses the defaults.
    allow_split: a leftover invoice line that scores above threshold with an already taken reference line
        is matched to it too (one PO line billed over two invoice lines).
    semantic: compare descriptions by meaning too (MiniLM sentence embeddings) where their words differ.
    """

    def __init__(
        self,
        threshold: float = 0.5,
        weights: Mapping[str, float] | None = None,
        allow_split: bool = True,
        semantic: bool = True,
    ):
        self.threshold = threshold
        self.weights = weights
        self.allow_split = allow_split
        self.semantic = semantic

    # --- learning -------------------------------------------------------------------------------------------
    def fit(self, pairs: Sequence[tuple[InvoiceLine, LineItem]], labels: Sequence[int]) -> LineAligner:
        """Learn the weights from labelled (invoice line, reference line) pairs: 1 = same item."""
        # scikit-learn's linear models: only when weights are learned, never while serving
        from sklearn.linear_model import LogisticRegression

        sides = [(_Side.of_invoice(a), _Side.of_reference(b)) for a, b in pairs]
        # a pair comes without its reference's other lines: an invoice SKU is taken as of the reference's numbering
        x = np.array([pair_features(a, b, frozenset({a.sku} if a.sku else ())) for a, b in sides])
        model = LogisticRegression(C=10.0, max_iter=1000).fit(x, np.asarray(labels))
        self.weights_ = {"bias": float(model.intercept_[0])} | {
            name: float(w) for name, w in zip(FEATURES, model.coef_[0], strict=True)
        }
        return self

    def _weight_vector(self) -> tuple[float, np.ndarray]:
        weights = getattr(self, "weights_", None) or {**DEFAULT_WEIGHTS, **(self.weights or {})}
        return weights["bias"], np.array([weights[name] for name in FEATURES])

    # --- scoring --------------------------------------------------------------------------------------------
    def score_matrix(self, lines: Sequence[InvoiceLine], items: Sequence[LineItem]) -> np.ndarray:
        """Pair scores in 0..1, shape (invoice lines, reference lines)."""
        if not lines or not items:
            return np.zeros((len(lines), len(items)))
        left = [_Side.of_invoice(line) for line in lines]
        last = getattr(self, "_last_reference", None)  # a billing run aligns many invoices with one reference
        if last is not None and last[0] is items:
            right = last[1]
        else:
            right = [_Side.of_reference(item) for item in items]
            self._last_reference = (items, right)  # one assignment: safe across threads
        numbering = frozenset(r.sku for r in right if r.sku)
        x = feature_matrix(left, right, numbering)
        reworded = x[:, :, 0].max(axis=1) < _LEXICAL_ENOUGH  # invoice lines no reference line's words explain
        x[~reworded, :, FEATURES.index("price_exact")] = 0.0  # where the words decide, an equal price does not
        if self.semantic and reworded.any():
            meaning = meaning_similarity(
                [line.description for line, r in zip(lines, reworded, strict=True) if r],
                [str(item.value("description") or "") for item in items],
            )
            if meaning is not None:
                x[reworded, :, 0] = np.maximum(x[reworded, :, 0], meaning)
        bias, w = self._weight_vector()
        z = bias + x @ w
        return 1.0 / (1.0 + np.exp(-z))

    def score(self, lines: Sequence[InvoiceLine], items: Sequence[LineItem], expected: Sequence[int | None]) -> float:
        """Alignment accuracy: the share of invoice lines aligned to the expected reference line (or None)."""
        got = [m.reference_line for m in self.align(lines, items)]
        return float(np.mean([g == e for g, e in zip(got, expected, strict=True)])) if got else 1.0

    def align(self, lines: Sequence[InvoiceLine], items: Sequence[LineItem]) -> list[LineMatch]:
        scores = self.score_matrix(lines, items)
        matches = [LineMatch(i, None, float(scores[i].max()) if items else 0.0) for i in range(len(lines))]
        if not items:
            return matches
        rows, cols = linear_sum_assignment(scores, maximize=True)
        for i, j in zip(rows, cols, strict=True):
            if scores[i, j] >= self.threshold:
                matches[i] = LineMatch(int(i), int(j), float(scores[i, j]))
        if self.allow_split:
            for match in matches:
                j = int(scores[match.invoice_line].argmax())
                if match.reference_line is None and scores[match.invoice_line, j] >= self.threshold:
                    match.reference_line, match.score = j, float(scores[match.invoice_line, j])
        _same_price_rescue(matches, lines, items, scores, self.threshold, self.allow_split)
        for match in matches:
            if match.reference_line is None:  # the score says how close the best candidate came
                match.score = 0.0 if math.isnan(match.score) else match.score
        return matches
