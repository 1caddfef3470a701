import pytest
from hypothesis import given
from hypothesis import strategies as st

from matching.references import reference_key


@pytest.mark.parametrize(
    ("typed", "printed"),
    [
        ("PO-774-928993", "774 928993"),
        ("PO# 0774-928993", "774928993"),
        ("P.O. No. 774928993", "Purchase Order #774-928993"),
        ("po 4500012345", "PO4500012345"),
        ("Nr. 4711", "N° 4711"),
        ("MSA-2024-017 Rev. 2", "MSA 2024 017"),
        ("MSA-2024-017-R1", "msa2024017"),
        ("MSA-2024-017 (Revision 3)", "Contract No. MSA-2024-017"),
        ("SO-12 rev B", "SO 12"),
        ("CT-88 Amendment 1", "ct_88"),
        ("PO-0042", "42"),
    ],
)
def test_spellings_of_one_number_share_a_key(typed: str, printed: str) -> None:
    assert reference_key(typed) == reference_key(printed) != ""


@pytest.mark.parametrize(
    ("one", "other"),
    [
        ("PO-774-928993", "PO-774-928994"),
        ("POL-1234", "1234"),  # letters that belong to the number stay
        ("ABR2", "AB"),  # a glued "R2" is part of the number, not a revision
        ("MSA-2024-017", "MSA-2024-018"),
        ("INV-12", "INV-120"),
    ],
)
def test_different_numbers_keep_different_keys(one: str, other: str) -> None:
    assert reference_key(one) != reference_key(other)


def test_a_prefix_alone_is_not_stripped_to_nothing() -> None:
    assert reference_key("PO") == "PO"
    assert reference_key("  ") == ""


@given(st.text(alphabet="PORev.#-_/ 0123456789ACMSTNv()", max_size=24))
def test_key_is_idempotent_and_plain(text: str) -> None:
    key = reference_key(text)
    assert reference_key(key) == key
    assert key == "" or key.isalnum() and key == key.upper()
