"""The walk over a layer's neurons: order, kernels and parameters needed, receptive fields;
AlexNet's first layer walked to the end without making its weights."""

from __future__ import annotations

import tracemalloc

import numpy as np
import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from tests.reference import tap
from tests.strategies import layers
from tutor.engine import ConvLayer, LayerError, NeuronWalk, count_parameters
from tutor.engine.walk import WalkCursor

ALEXNET = ConvLayer(height=227, width=227, channels=3, kernel=11, filters=96, stride=4)


@settings(max_examples=150, deadline=None)
@given(
    layer=layers(max_size=7),
    mode=st.sampled_from(["shared", "unshared"]),
    order=st.sampled_from(["row", "column"]),
    data=st.data(),
)
def test_the_walk_agrees_with_itself_and_the_definition(layer, mode, order, data) -> None:
    walk = NeuronWalk(layer, mode, order)
    counts = count_parameters(layer)
    index = data.draw(st.integers(0, walk.count - 1))
    f, r, c = walk.cell_of(index)
    assert walk.index_of(f, r, c) == index == walk.ranks()[f, r, c]
    assert sorted(walk.ranks().ravel().tolist()) == list(range(walk.count))
    visited = walk.visited_in_slice(f, index)
    np.testing.assert_array_equal(visited, walk.ranks()[f] <= index)
    seen = {walk.kernel_id(*walk.cell_of(i)) for i in range(index + 1)}
    assert walk.kernels_used(index) == len(seen)
    assert walk.parameters_used(index) == len(seen) * walk.parameters_per_kernel
    last = walk.count - 1
    scheme = counts.shared if mode == "shared" else counts.unshared
    assert walk.kernels() == len(np.unique(walk.kernel_ids())) == walk.kernels_used(last)
    assert walk.parameters_used(last) == scheme.total
    (sh, sw), (ph, pw), (dh, dw) = layer.stride, layer.padding, layer.dilation
    assert list(walk.tap_rows(r)) == [tap(r, i, sh, ph, dh) for i in range(layer.kernel[0])]
    assert list(walk.tap_cols(c)) == [tap(c, j, sw, pw, dw) for j in range(layer.kernel[1])]


def test_alexnet_conv1_walked_to_the_end_in_little_memory() -> None:
    tracemalloc.start()
    shared, unshared = NeuronWalk(ALEXNET, "shared"), NeuronWalk(ALEXNET, "unshared")
    last = shared.count - 1
    assert shared.count == 290_400
    assert shared.parameters_used(last) == 34_944
    assert unshared.parameters_used(last) == 105_705_600
    assert unshared.kernels_used(3_083) == 3_084 and unshared.kernels() == 290_400
    assert shared.kernels_used(3_025) == 2  # the first neuron of slice 2
    assert shared.cell_of(3_025) == (1, 0, 0)
    assert shared.visited_in_slice(95, last).all()
    assert list(shared.tap_rows(2)) == list(range(8, 19))  # 11 rows from 8
    assert unshared.kernel_id(1, 0, 0) == 3_025
    peak = tracemalloc.get_traced_memory()[1]
    tracemalloc.stop()
    assert peak < 1_000_000, f"{peak:,} bytes: the walk must not make the layer's weights"


def test_bad_steps_and_modes_are_refused() -> None:
    walk = NeuronWalk(ALEXNET)
    with pytest.raises(IndexError, match="290399"):
        walk.cell_of(290_400)
    with pytest.raises(IndexError, match="row 55"):
        walk.index_of(0, 55, 0)
    with pytest.raises(LayerError, match="mode"):
        NeuronWalk(ALEXNET, "dense")  # type: ignore[arg-type]


def test_a_cursor_moves_over_alexnet_and_keeps_its_neuron_when_switched() -> None:
    cursor = WalkCursor(NeuronWalk(ALEXNET))
    assert cursor.last() == 290_399 and cursor.forward() == 290_399
    assert cursor.go_to_cell(1, 2, 4) == 3_025 + 2 * 55 + 4
    assert cursor.kernels_used() == 2 and cursor.parameters_used() == 2 * 364
    unshared = cursor.switched("unshared")
    assert unshared.position == cursor.position and unshared.mode == "unshared"
    assert unshared.kernels_used() == 3_025 + 2 * 55 + 4 + 1
    assert unshared.first() == 0 and unshared.back() == 0
