"""How numbers read in every line the engine writes for a learner: 105,705,600 and 1 filter."""

from __future__ import annotations


def fmt(number: int) -> str:
    """A count as a learner reads it: 105,705,600."""
    return f"{number:,}"


def plural(number: int, noun: str) -> str:
    """A count with its noun, singular only for one: 1 filter, 96 filters."""
    return f"{fmt(number)} {noun}{'' if number == 1 else 's'}"
