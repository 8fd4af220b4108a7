"""Answer spellings: the ones people type are accepted; everything else is refused gently."""

from __future__ import annotations

import pytest
from hypothesis import given
from hypothesis import strategies as st

from tutor.quiz.answers import parse_answer


@pytest.mark.parametrize(
    "text",
    [
        "34944",
        "34,944",
        "34 944",
        "34_944",
        "3.4944e4",
        "  34944  ",
        "3.4944E4",
        "3.4944e+4",
        "034944",
        "34\u00a0944",
    ],
)
def test_accepted_spellings(text: str) -> None:
    assert parse_answer(text).value == 34_944


@pytest.mark.parametrize(
    ("text", "value"),
    [
        ("0", 0),
        ("105,705,600", 105_705_600),
        ("44 892 355 200", 44_892_355_200),
        ("1e3", 1000),
        ("2.5e1", 25),
    ],
)
def test_other_numbers(text: str, value: int) -> None:
    assert parse_answer(text).value == value


@pytest.mark.parametrize(
    "text",
    [
        "\u0663\u0664\u0669\u0664\u0664",  # Arabic-Indic ٣٤٩٤٤
        "\u0663\u0664\u066c\u0669\u0664\u0664",  # with the Arabic thousands separator
        "\u0969\u096a,\u096f\u096a\u096a",  # Devanagari, grouped
        "\uff13\uff14\uff19\uff14\uff14",  # full-width
        "\uff13\uff14\uff0c\uff19\uff14\uff14",  # full-width, with a full-width comma
        "\u06f3\u06f4\u06f9\u06f4\u06f4",
    ],  # Extended Arabic-Indic (Persian)
)
def test_every_scripts_digits_are_read_as_the_digits_they_are(text: str) -> None:
    assert parse_answer(text).value == 34_944


@pytest.mark.parametrize("text", ["-0", "-00", "\u22120", "-0,000"])
def test_minus_zero_is_zero(text: str) -> None:
    assert parse_answer(text) == parse_answer("0")


@pytest.mark.parametrize(
    ("text", "says"),
    [
        ("34.944", "34.944 reads as a decimal here: for thousands type 34,944 or 34944."),
        ("105.705.600", "for thousands type 105,705,600 or 105705600."),
        ("34'944", "Type thousands as 34,944 or 34944, without the apostrophe."),
        ("34\u2019944", "Type thousands as 34,944 or 34944, without the apostrophe."),
        ("\u0663\u0664.\u0669\u0664\u0664", "34.944 reads as a decimal here"),
    ],
)
def test_thousands_with_dots_or_apostrophes_say_how_to_type_them(text: str, says: str) -> None:
    parsed = parse_answer(text)
    assert parsed.value is None and says in parsed.problem


@pytest.mark.parametrize(
    ("text", "says"),
    [
        ("", "Type a number first"),
        ("   ", "Type a number first"),
        ("thirty", "with digits"),
        ("34944 parameters", "with digits"),
        ("-5", "can't be negative"),
        ("3.5", "not a whole number"),
        ("3.49445e4", "not a whole number"),
        ("34,94,4", "Group digits in threes"),
        ("34,944_000", "Group digits in threes"),
        ("1" * 41, "too long"),
        ("1e999999", "far too large"),
        ("\u00b3\u00b2", "with digits"),
        ("0x1F", "with digits"),
        ("1/2", "with digits"),
        ("nan", "with digits"),
        ("inf", "with digits"),
    ],
)
def test_refused_with_a_gentle_message(text: str, says: str) -> None:
    parsed = parse_answer(text)
    assert parsed.value is None
    assert says in parsed.problem


@given(st.text(max_size=200))
def test_no_input_string_raises(text: str) -> None:
    parsed = parse_answer(text)
    assert (parsed.value is None) != (parsed.problem == "")
    if parsed.value is not None:
        assert parsed.value >= 0
