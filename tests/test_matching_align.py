import numpy as np
from sklearn.base import clone

from matching.align import FEATURES, LineAligner, _codes, description_similarity, tokens
from tests.matching_fixtures import STANDARD_LINES, line, make_reference


def _items():
    return make_reference(STANDARD_LINES).extraction.line_items


def _aligned(lines, items=None, **params):
    return [m.reference_line for m in LineAligner(**params).align(lines, items or _items())]


def test_reordered_abbreviated_lines_without_sku() -> None:
    lines = [
        line("TRAINING DAY ON SITE", 1, "900"),
        line("Lic., software (std ed.)", 2, "1200"),
        line("consulting svcs - sr", 10, "150"),
    ]
    assert _aligned(lines) == [2, 1, 0]


def test_sku_is_strong_evidence() -> None:
    lines = [line("Item as the ERP calls it", 1, "900", sku="c300"), line("Another ERP name", 1, "150", sku="A-100")]
    assert _aligned(lines) == [2, 0]


def test_sku_printed_in_description() -> None:
    assert _aligned([line("B-200 seat", 3, "1200")]) == [1]


def test_unrelated_line_stays_unmatched_with_low_score() -> None:
    matches = LineAligner().align([line("Travel expenses Munich", 1, "412.50")], _items())
    assert matches[0].reference_line is None
    assert 0.0 <= matches[0].score < 0.5


def test_partial_quantity_still_matches_and_scores_are_probabilities() -> None:
    matches = LineAligner().align([line("Senior consulting", 7, "150")], _items())
    assert matches[0].reference_line == 0
    assert 0.5 < matches[0].score <= 1.0


def test_price_breaks_a_description_tie() -> None:
    items = make_reference(
        [
            {"description": "Consulting hours junior", "quantity": "10", "unit_price": "90"},
            {"description": "Consulting hours senior", "quantity": "10", "unit_price": "150"},
        ]
    ).extraction.line_items
    assert _aligned([line("Consulting hours", 2, "150"), line("Consulting hours", 2, "90")], items) == [1, 0]


def test_split_line_attaches_to_the_same_reference_line() -> None:
    lines = [line("Senior consulting, October", 10, "150"), line("Senior consulting, November", 12, "150")]
    assert _aligned(lines) == [0, 0]
    assert _aligned(lines, allow_split=False).count(None) == 1


def test_threshold_is_a_parameter() -> None:
    lines = [line("consulting", 1, "150")]
    assert _aligned(lines, threshold=0.5) == [0]
    assert _aligned(lines, threshold=0.999) == [None]


def test_description_normalisation() -> None:
    assert tokens("Maint. & Support, Std. Lic. (hrs)") == ["maintenance", "support", "standard", "license", "hour"]
    assert description_similarity(tokens("Mgmt fee monthly"), tokens("Management fee per month")) == 1.0
    assert description_similarity(tokens("Cloud hosting"), tokens("On-site training day")) < 0.2


def test_estimator_contract_and_fit_learns_weights() -> None:
    aligner = LineAligner(threshold=0.4, weights={"price": 3.0})
    params = {"threshold": 0.4, "weights": {"price": 3.0}, "allow_split": True, "semantic": True}
    assert clone(aligner).get_params() == params
    assert not hasattr(aligner, "weights_")
    items = _items()
    pairs, labels = [], []
    for j, item in enumerate(items):
        desc = str(item.value("description"))
        for k, other in enumerate(items):
            pairs.append((line(desc.upper(), 1, str(other.value("unit_price"))), items[k]))
            labels.append(int(j == k))
    fitted = aligner.fit(pairs, labels)
    assert fitted is aligner
    assert set(aligner.weights_) == {"bias", *FEATURES}
    assert aligner.weights_["description"] > 0
    scores = aligner.score_matrix([line("software license standard edition", 1, "1200")], items)
    assert int(np.argmax(scores[0])) == 1


def test_empty_reference_gives_unmatched() -> None:
    matches = LineAligner().align([line("x", 1, "1")], [])
    assert matches[0].reference_line is None and matches[0].score == 0.0


def test_abbreviations_are_prefixes_or_consonant_skeletons_not_other_words() -> None:
    assert description_similarity(tokens("Maint. mgmt"), tokens("maintenance management")) == 1.0
    assert description_similarity(tokens("Gasket Set"), tokens("Silicone Sealant")) < 0.3  # 'set' is a word
    ref = make_reference([{"description": "Silicone Sealant", "quantity": "60", "unit_price": "756.00"}])
    assert _aligned([line("Gasket Set", 1, "824.70")], ref.extraction.line_items) == [None]


def test_a_discounted_line_aligns_on_its_net_price() -> None:
    ref = make_reference(
        [
            {"description": "Hex bolt M8", "quantity": "100", "unit_price": "1.90", "amount": "190.00"},
            {"description": "Hex bolt M8", "quantity": "100", "unit_price": "2.00", "amount": "180.00"},  # 10 % off
        ]
    )
    assert _aligned([line("HEX BOLT M8", 50, "1.80")], ref.extraction.line_items) == [1]
    assert _aligned([line("HEX BOLT M8", 50, "1.90")], ref.extraction.line_items) == [0]


def test_descriptions_that_share_no_word_align_by_meaning() -> None:
    items = make_reference(
        [
            {"description": "Laptop Dell Latitude 5440", "quantity": "10", "unit_price": "1200.00"},
            {"description": "Docking station USB-C", "quantity": "10", "unit_price": "180.00"},
            {"description": "Ethernet cable Cat6 3m", "quantity": "100", "unit_price": "6.00"},
            {"description": "Office chair ergonomic", "quantity": "10", "unit_price": "420.00"},
        ]
    ).extraction.line_items
    # no price to lean on: the meaning alone must pick the line
    lines = [line("Desk chair", 1, "1"), line("Notebook computer Dell 14in", 1, "1"), line("USB-C dock", 1, "1")]
    assert _aligned(lines, items) == [3, 0, 1]
    assert _aligned(lines, items, semantic=False)[:2] == [None, None]  # "USB-C" alone is a word they share
    # an expense the PO never listed stays unmatched, and words that decide are not overruled
    assert _aligned([line("Travel expenses Munich", 1, "180.00")], items) == [None]
    people = make_reference(
        [
            {"description": "Consulting services, junior", "quantity": "10", "unit_price": "90"},
            {"description": "Consulting services, senior", "quantity": "10", "unit_price": "150"},
        ]
    ).extraction.line_items
    assert _aligned([line("Junior consulting svcs", 2, "150")], people) == [0]  # billed at the senior price


def test_a_price_to_the_cent_decides_between_lines_of_the_same_words() -> None:
    # one item ordered from several suppliers' lots: the words tie, the price billed names the line
    items = make_reference(
        [
            {"description": "Shrink wrap film 500mm clear", "quantity": "10", "unit_price": "396.92"},
            {"description": "Shrink wrap film 500mm clear", "quantity": "1", "unit_price": "413.69"},
            {"description": "Shrink wrap film 500mm clear", "quantity": "4", "unit_price": "391.27"},
        ]
    ).extraction.line_items
    assert _aligned([line("Shrink wrap film 500mm clear", 2, "413.69")], items) == [1]
    # a PO line split over two invoice lines: both copies on it, not the second on a line of another price
    split = [line("Shrink wrap film 500mm clear", 5, "396.92"), line("Shrink wrap film 500mm clear", 5, "396.92")]
    assert _aligned(split, items) == [0, 0]


def test_a_price_to_the_cent_finds_a_line_whose_description_was_misread() -> None:
    # a scan's table read with the unit where the description was, no SKU
    items = make_reference(
        [
            {"description": "ST verzinkt", "quantity": "2", "unit_price": "138.71"},
            {"description": "ST", "quantity": "100", "unit_price": "196.35"},
        ]
    ).extraction.line_items
    assert _aligned([line("LAGERBUCHSE MESSING 20/25", 1, "138.71")], items) == [0]
    assert _aligned([line("LAGERBUCHSE MESSING 20/25", 1, "140.00")], items) == [None]  # no price to go by


def test_a_price_without_cents_is_no_exact_price() -> None:
    items = make_reference(
        [
            {"description": "ST verzinkt", "quantity": "2", "unit_price": "150.40"},
            {"description": "Hex bolts M8", "quantity": "100", "unit_price": "196.35"},
        ]
    ).extraction.line_items
    assert _aligned([line("LAGERBUCHSE MESSING 20/25", 1, "150")], items) == [None]
    assert _aligned([line("LAGERBUCHSE MESSING 20/25", 1, "150.40")], items) == [0]


def test_an_invoice_sku_printed_in_a_reference_description_without_a_sku_cell_pairs_them() -> None:
    # a card layout read its "Stock No." into the description, the item's own words lost
    cards = [
        {"description": "Stock No. CAT-02104", "quantity": "6", "unit_price": "849.49"},
        {"description": "Stock No. MTL-45050", "quantity": "6", "unit_price": "651.49"},
    ]
    items = make_reference(cards).extraction.line_items
    chair = line("Ergonomic mesh task chair with adjustable lumbar support", 3, "849.49", sku="CAT-02104")
    assert _aligned([chair], items) == [0]
    assert _aligned([line(chair.description, 3, "849.49")], items) == [None]  # the code is what pairs them
    assert _codes("Stock No. CAT-02104") == {"CAT02104"}  # words without a digit are no code
