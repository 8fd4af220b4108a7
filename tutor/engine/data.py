"""Reproducible example values for grids and kernels, so lessons can ask for "random" data."""

from __future__ import annotations

from math import prod

import numpy as np

_MASK = (1 << 64) - 1


def seeded_integers(shape: tuple[int, ...], seed: int, low: int, high: int) -> np.ndarray:
    """Whole numbers in [low, high], the same on every machine for the same seed.

    The sequence is SplitMix64, written out here, so a lesson's numbers never change with a
    NumPy or Python upgrade; it also spares a lesson's start-up NumPy's random module, which
    costs more to import than drawing a few hundred numbers by hand.
    """
    span = high - low + 1
    state = seed & _MASK
    values = []
    for _ in range(prod(shape)):
        state = (state + 0x9E3779B97F4A7C15) & _MASK
        mixed = ((state ^ (state >> 30)) * 0xBF58476D1CE4E5B9) & _MASK
        mixed = ((mixed ^ (mixed >> 27)) * 0x94D049BB133111EB) & _MASK
        values.append(low + (mixed ^ (mixed >> 31)) % span)
    return np.array(values, dtype=np.int64).reshape(shape)
