"""How numbers read in every line the engine writes for a learner: 105,705,600 and 1 filter,
"an 11 x 11 kernel" and "a 7 x 7 one"."""

from __future__ import annotations

import re

_LEADING_NUMBER = re.compile(r"\d[\d,]*")
COUNT_NOUNS = [
    "channel",
    "column",
    "filter",
    "group",
    "input",
    "kernel",
    "map",
    "multiplication",
    "neuron",
    "output",
    "parameter",
    "position",
    "product",
    "row",
    "slice",
    "value",
    "weight",
]
SINGULARS = {"biases": "bias", "entries": "entry", **{noun + "s": noun for noun in COUNT_NOUNS}}
"""The plural count nouns lesson texts put after a number, and their singulars."""


def fmt(number: int) -> str:
    """A count as a learner reads it: 105,705,600."""
    return f"{number:,}"


def plural(number: int, noun: str) -> str:
    """A count with its noun, singular only for one: 1 filter, 96 filters."""
    return f"{fmt(number)} {noun}{'' if number == 1 else 's'}"


def neuron_place(cell: tuple[int, int, int], sliced: bool) -> str:
    """Where a neuron is, from 1, as every screen says it: "row 2, col 3", with its depth
    slice first ("slice 2, row 2, col 3") when the layer has several."""
    filter, row, col = cell
    where = f"row {row + 1}, col {col + 1}"
    return f"slice {filter + 1}, {where}" if sliced else where


def article_for(text: str) -> str:
    """ "a" or "an" before `text` read aloud: an 8, an 11 x 11, an 18,000, an 80; a 7, a 1,000.
    It is "an" when the number's spoken form starts with a vowel: eight, eleven, eighteen,
    eighty, eight hundred (and each of those thousand, million)."""
    match = _LEADING_NUMBER.match(text)
    if match is None:
        return "an" if text[:1].lower() in "aeiou" and text[:1] else "a"
    leading = int(match.group().replace(",", ""))
    while leading >= 1000:  # 18,500 is read "eighteen thousand ...": its first group counts
        leading //= 1000
    vowel = leading in (8, 11, 18) or 80 <= leading <= 89 or 800 <= leading <= 899
    return "an" if vowel else "a"


def singular(noun: str) -> str:
    """The singular of a plural count noun lesson texts use ("kernels" -> "kernel"); any
    other word as it is."""
    return SINGULARS.get(noun, noun)
