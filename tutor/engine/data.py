"""Reproducible example values for grids and kernels, so lessons can ask for "random" data."""

from __future__ import annotations

import numpy as np


def seeded_integers(shape: tuple[int, ...], seed: int, low: int, high: int) -> np.ndarray:
    """Whole numbers in [low, high], the same on every machine for the same seed."""
    return np.random.default_rng(seed).integers(low, high, size=shape, endpoint=True)
