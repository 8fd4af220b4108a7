"""Drawing a fresh, valid layer for a question from its ranges, so a retry is not a memory test."""

from __future__ import annotations

import random
from dataclasses import asdict

from ..engine import ConvLayer, LayerError
from ..engine.geometry import LAYER_DEFAULTS, LAYER_FIELDS

VARY_KEYS = ("size", *(field for field in LAYER_FIELDS if field != "bias"))
"""What a question may draw afresh: any size of the layer, or `size` for height and width."""
MAX_TRIES = 2_000


def draw_layer(
    base: ConvLayer | None, vary: tuple[tuple[str, int, int], ...], rng: random.Random
) -> ConvLayer | None:
    """A valid layer whose output size comes out whole, or None if the ranges allow none.

    Fields not in `vary` keep the base layer's values (or the defaults); `size` sets height and
    width together.
    """
    fields = LAYER_DEFAULTS | (asdict(base) if base else {})
    for _ in range(MAX_TRIES):
        drawn = dict(fields)
        for name, low, high in vary:
            value = rng.randint(low, high)
            if name == "size":
                drawn["height"] = drawn["width"] = value
            else:
                drawn[name] = value
        try:
            layer = ConvLayer(**drawn)  # type: ignore[arg-type]
        except LayerError:
            continue
        if layer.fits_exactly:
            return layer
    return None
