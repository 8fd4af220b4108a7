"""How numbers read in every line the engine writes for a learner: 105,705,600 and 1 filter."""

from __future__ import annotations


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
