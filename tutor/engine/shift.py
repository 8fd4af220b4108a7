"""Equivariance: shift the input one cell and a shared layer's output shifts with it.

Two passes over the same layer, one over the input and one over its copy moved one cell right
(or down, a column or row of zeros coming in at the edge). Each neuron of the second output is
paired with the neuron one cell back in the first: with one kernel everywhere the two read the
same window with the same weights and agree (away from the edge the zeros came in at); with a
kernel per position they read the same window with different weights, and mostly do not.
"""

from __future__ import annotations

from typing import NamedTuple

import numpy as np

from .geometry import ConvLayer, LayerError
from .stepper import Step, Stepper
from .walk import Cursor, Mode, NeuronWalk

SHIFTS = {"right": (0, 1), "down": (1, 0)}
"""How far each direction moves the input: (rows, cols)."""

SAME, DIFFERENT, NO_PARTNER = 1, 0, -1
"""How a neuron of the shifted output compares with its partner one cell back."""


def shifted(inputs: np.ndarray, direction: str) -> np.ndarray:
    """(C, H, W) moved one cell in `direction`; zeros come in at the edge it leaves."""
    dr, dc = SHIFTS[direction]
    _, h, w = inputs.shape
    moved = np.zeros_like(inputs)
    moved[:, dr:, dc:] = inputs[:, : h - dr, : w - dc]
    return moved


class ShiftStep(NamedTuple):
    """A neuron of the shifted pass, and its partner in the first pass (None at the edge)."""

    after: Step
    before: Step | None
    verdict: int
    """SAME, DIFFERENT or NO_PARTNER."""


class ShiftPair(Cursor[ShiftStep]):
    """Walks the shifted pass neuron by neuron, each beside its partner in the first pass."""

    def __init__(
        self,
        layer: ConvLayer,
        inputs: np.ndarray,
        weights: np.ndarray,
        biases: np.ndarray | None = None,
        *,
        mode: Mode = "shared",
        direction: str = "right",
    ) -> None:
        if layer.stride != (1, 1):
            raise LayerError(
                "stride", "a one-cell shift moves the output one cell only at stride 1"
            )
        if direction not in SHIFTS:
            raise LayerError("shift", f"must be one of {', '.join(SHIFTS)}, got {direction!r}")
        super().__init__(NeuronWalk(layer, mode))
        self.direction = direction
        self.before = Stepper(layer, inputs, weights, biases, mode=mode)
        self.after = Stepper(
            layer, shifted(self.before.inputs, direction), weights, biases, mode=mode
        )
        dr, dc = SHIFTS[direction]
        self.verdicts = np.full(self.after.output.shape, NO_PARTNER)
        """(F, H_out, W_out): each neuron of the shifted output against its partner."""
        self.verdicts[:, dr:, dc:] = np.where(
            self.after.output[:, dr:, dc:]
            == self.before.output[:, : layer.out_height - dr, : layer.out_width - dc],
            SAME,
            DIFFERENT,
        )

    def partner(self, filter: int, row: int, col: int) -> tuple[int, int, int] | None:
        """The neuron one cell back in the first pass, or None at the edge the shift enters."""
        dr, dc = SHIFTS[self.direction]
        return (filter, row - dr, col - dc) if row >= dr and col >= dc else None

    @property
    def current(self) -> ShiftStep:
        f, r, c = self.cell_of(self.position)
        after = self.after.step(self.position)
        partner = self.partner(f, r, c)
        before = None if partner is None else self.before.step(self.index_of(*partner))
        return ShiftStep(after, before, int(self.verdicts[f, r, c]))

    def same_count(self) -> tuple[int, int]:
        """(neurons that equal their partner, neurons that have one)."""
        return int((self.verdicts == SAME).sum()), int((self.verdicts != NO_PARTNER).sum())
