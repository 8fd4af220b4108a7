"""Drawing a fresh, valid layer for a question from its ranges, so a retry is not a memory test.

A range is (key, low, high): a layer field, `size` for height and width together, or
`kernel:rows` / `kernel:cols` (any pair field) for one axis of a pair, so a non-square kernel
stays non-square. Draws follow the question's canonical layer on outputs that are not whole:
if it rounds down (a stride that does not fit, asked on purpose), draws may too; otherwise
every draw's output comes out whole.
"""

from __future__ import annotations

import random
from collections import Counter

from ..engine import ConvLayer, LayerError
from ..engine.geometry import LAYER_DEFAULTS, LAYER_FIELDS

VARY_KEYS = ("size", *(field for field in LAYER_FIELDS if field != "bias"))
"""What a question may draw afresh: any size of the layer, or `size` for height and width."""
AXES = ("rows", "cols")
SAMPLE = 100
"""Draws `check` makes from a question's ranges, and the most a quiz makes for one layer."""
MIN_GOOD = 10
"""Of SAMPLE draws, how many must give a layer: a quiz then finds one within a few draws (100
draws at 1 in 10 all miss about once in 40,000 quizzes, which then ask the checked example), so
drawing a quiz never keeps the learner waiting, and retries do not keep landing on the same
few layers. Checking stops at the MIN_GOOD-th layer found, so a typical question costs a
dozen draws and the rarest a lesson may have about a hundred."""

Ranges = tuple[tuple[str, int, int], ...]


def rounds_down(base: ConvLayer | None) -> bool:
    """Whether the question's layers may have an output that is not whole: as its canonical
    layer does."""
    return base is not None and not base.fits_exactly


def draw_layer(base: ConvLayer | None, vary: Ranges, rng: random.Random) -> ConvLayer | None:
    """A valid layer by the question's rule on outputs (rounds_down), or None if SAMPLE draws
    give none. Fields not in `vary` keep the base layer's values (or the defaults)."""
    for _ in range(SAMPLE):
        found = _one_draw(base, vary, rng)
        if isinstance(found, ConvLayer):
            return found
    return None


def example_draw(base: ConvLayer | None, vary: Ranges) -> ConvLayer | str:
    """The first layer drawn from seed 0 (the quiz's fallback), once MIN_GOOD of the first
    SAMPLE draws give one; else why the ranges give too few, with what stopped them most."""
    rng = random.Random(0)
    good: list[ConvLayer] = []
    reasons: Counter[str] = Counter()
    for _ in range(SAMPLE):
        draw = _one_draw(base, vary, rng)
        if isinstance(draw, str):
            reasons[draw] += 1
        elif len(good) + 1 >= MIN_GOOD:
            return good[0] if good else draw
        else:
            good.append(draw)
    reason = max(reasons, key=lambda r: reasons[r])
    if good:
        share = f"only {len(good)} of {SAMPLE} draws from these ranges give{'s' * (len(good) == 1)}"
    else:
        share = f"none of {SAMPLE} draws from these ranges gives"
    return f"{share} a layer (at least {MIN_GOOD} must): most often {reason}"


def _one_draw(base: ConvLayer | None, vary: Ranges, rng: random.Random) -> ConvLayer | str:
    """A layer drawn from the ranges, or why this draw is not one."""
    drawn = LAYER_DEFAULTS | ({name: getattr(base, name) for name in LAYER_FIELDS} if base else {})
    for name, low, high in vary:
        value = rng.randint(low, high)
        field, _, axis = name.partition(":")
        if field == "size":
            drawn["height"] = drawn["width"] = value
        elif axis:
            pair = drawn.get(field, 1)
            rows, cols = pair if isinstance(pair, tuple) else (pair, pair)
            drawn[field] = (value, cols) if axis == AXES[0] else (rows, value)
        else:
            drawn[field] = value
    try:
        layer = ConvLayer(**drawn)  # type: ignore[arg-type]
    except LayerError as error:
        return f"{error.field}: {error.problem}"
    rows, cols = layer.unused
    if (rows or cols) and not rounds_down(base):
        side = "height" if rows else "width"
        return (
            f"the output {side} is not whole ((N + 2P - K) / S + 1 with the {side}s); a "
            "question whose layer rounds down may draw layers that do"
        )
    return layer
