"""Equivariance: the shifted input's output against the original's, neuron by neuron. Shared,
every neuron with a partner equals it (the same window, the same kernel); unshared, the same
window meets another kernel. Checked with the forward pass itself, on random layers."""

from __future__ import annotations

import numpy as np
import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from tutor.engine import ConvLayer, LayerError, conv2d
from tutor.engine.shift import DIFFERENT, NO_PARTNER, SAME, ShiftPair, shifted

from .strategies import integer_arrays


@st.composite
def stride_one_layers(draw) -> ConvLayer:
    kernel = draw(st.integers(1, 3))
    return ConvLayer(
        height=draw(st.integers(kernel + 1, 7)),
        width=draw(st.integers(kernel + 1, 7)),
        channels=draw(st.integers(1, 2)),
        kernel=kernel,
        filters=draw(st.integers(1, 2)),
        dilation=draw(st.integers(1, 2)) if kernel * 2 < 6 else 1,
    )


def test_shifting_moves_every_value_one_cell_and_brings_zeros_in() -> None:
    x = np.arange(1, 10).reshape(1, 3, 3)
    assert shifted(x, "right")[0].tolist() == [[0, 1, 2], [0, 4, 5], [0, 7, 8]]
    assert shifted(x, "down")[0].tolist() == [[0, 0, 0], [1, 2, 3], [4, 5, 6]]


@settings(max_examples=80, deadline=None)
@given(
    layer=stride_one_layers(),
    seed=st.integers(0, 2**16),
    direction=st.sampled_from(["right", "down"]),
)
def test_shared_outputs_shift_with_the_input(layer: ConvLayer, seed: int, direction: str) -> None:
    x, w, b = integer_arrays(layer, seed)
    pair = ShiftPair(layer, x, w, b, direction=direction)
    moved = conv2d(shifted(x, direction), w, b, dilation=layer.dilation)
    assert np.array_equal(pair.after.output, moved)
    assert set(np.unique(pair.verdicts)) <= {SAME, NO_PARTNER}
    same, paired = pair.same_count()
    assert same == paired
    edge = pair.verdicts[:, :, 0] if direction == "right" else pair.verdicts[:, 0, :]
    assert (edge == NO_PARTNER).all()


def test_unshared_outputs_do_not_follow_the_input() -> None:
    layer = ConvLayer(height=6, width=6, channels=1, kernel=3, filters=1)
    x, w, b = integer_arrays(layer, 3, unshared=True)
    x = x + 10  # no window of zeros, where any kernel would agree
    pair = ShiftPair(layer, x, w, b, mode="unshared")
    same, paired = pair.same_count()
    assert paired == 12 and same < paired
    step = ShiftPair(layer, x, w, b, mode="unshared")
    step.go_to(step.index_of(0, 2, 3))
    current = step.current
    assert current.before is not None and (current.before.row, current.before.col) == (2, 2)
    assert np.array_equal(current.after.inputs, current.before.inputs), "the same window"
    assert current.verdict == (SAME if current.after.result == current.before.result else DIFFERENT)


def test_a_shift_needs_stride_one() -> None:
    layer = ConvLayer(height=6, width=6, channels=1, kernel=2, filters=1, stride=2)
    x, w, b = integer_arrays(layer, 1)
    with pytest.raises(LayerError, match="stride"):
        ShiftPair(layer, x, w, b)
