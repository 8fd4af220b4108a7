"""Fresh layers for a retry: ranges per axis, and the canonical layer's rule on outputs that
are not whole."""

from __future__ import annotations

import random

from tutor.engine import ConvLayer
from tutor.lessons.variants import draw_layer, example_draw


def draws(base: ConvLayer | None, vary, n: int = 300) -> list[ConvLayer]:  # type: ignore[no-untyped-def]
    rng = random.Random(3)
    found = [draw_layer(base, vary, rng) for _ in range(n)]
    assert all(layer is not None for layer in found)
    return found  # type: ignore[return-value]


def test_a_pair_drawn_per_axis_keeps_its_rows_and_columns_apart() -> None:
    base = ConvLayer(height=20, width=40, channels=1, filters=1, kernel=(3, 5))
    layers = draws(base, (("kernel:rows", 1, 3), ("kernel:cols", 5, 7)))
    assert {layer.kernel[0] for layer in layers} == {1, 2, 3}
    assert {layer.kernel[1] for layer in layers} == {5, 6, 7}
    assert all(layer.kernel[0] < layer.kernel[1] for layer in layers), "never square"
    one_axis = draws(base, (("stride:cols", 1, 4),))
    assert {layer.stride[0] for layer in one_axis} == {1}, "the rows keep the base's stride"


def test_draws_round_down_only_when_the_canonical_layer_does() -> None:
    exact = ConvLayer(height=32, width=32, channels=1, filters=1, kernel=5, padding=2)
    rounding = ConvLayer(height=32, width=32, channels=1, filters=1, kernel=5, padding=2, stride=2)
    assert exact.fits_exactly and not rounding.fits_exactly
    vary = (("size", 8, 64), ("stride", 1, 4))
    assert all(layer.fits_exactly for layer in draws(exact, vary))
    assert not all(layer.fits_exactly for layer in draws(rounding, vary))


def test_no_draw_says_which_axis_is_at_fault() -> None:
    base = ConvLayer(height=8, width=9, channels=1, filters=1, kernel=3)
    assert draw_layer(base, (("stride:cols", 4, 5),), random.Random(0)) is None
    reason = example_draw(base, (("stride:cols", 4, 5),))
    assert isinstance(reason, str) and "most often the output width is not whole" in reason
    tall = example_draw(base, (("kernel:rows", 10, 12),))
    assert isinstance(tall, str) and tall.startswith(
        "none of 100 draws from these ranges gives a layer (at least 10 must): most often kernel"
    )


def test_ranges_that_rarely_give_a_layer_are_refused_with_their_share() -> None:
    """A stride from 1 to 1,000 fits 65,536 - 32,768 exactly only as a power of two: 1 draw
    in 100 gives a layer, so a quiz would draw 100 times on average and land on the same ten
    layers. At least 1 in 10 must."""
    base = ConvLayer(height=65_536, width=65_536, channels=1, filters=1, kernel=32_768)
    reason = example_draw(base, (("stride", 1, 1_000),))
    assert isinstance(reason, str)
    assert reason.startswith("only ") and "of 100 draws from these ranges give" in reason
    assert "(at least 10 must): most often the output height is not whole" in reason
    fine = example_draw(base, (("stride", 1, 2),))
    assert isinstance(fine, ConvLayer) and fine.stride[0] in (1, 2)
