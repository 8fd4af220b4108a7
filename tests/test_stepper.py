"""The stepper's windows, products and sums against the naive reference, and its moves."""

from __future__ import annotations

import numpy as np
import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from tests.reference import tap
from tests.strategies import integer_arrays, layers
from tutor.engine import ConvLayer, LayerError, Stepper


def check_step_against_definition(stepper: Stepper, index: int) -> None:
    layer, step = stepper.layer, stepper.step(index)
    (sh, sw), (ph, pw), (dh, dw) = layer.stride, layer.padding, layer.dilation
    kh, kw = layer.kernel
    total = 0
    reading = []
    for n, channel in enumerate(step.channels):
        for i in range(kh):
            for j in range(kw):
                y, x = tap(step.row, i, sh, ph, dh), tap(step.col, j, sw, pw, dw)
                padding = not (0 <= y < layer.height and 0 <= x < layer.width)
                assert step.tap_rows[i] == y and step.tap_cols[j] == x
                assert step.in_padding[i, j] == padding
                value = 0 if padding else stepper.inputs[channel, y, x]
                assert step.inputs[n, i, j] == value
                assert step.products[n, i, j] == value * step.weights[n, i, j]
                total += value * step.weights[n, i, j]
                reading.append(total)
    assert list(step.running) == reading
    for n in range(len(step.channels)):
        assert step.channel_totals[n] == sum(step.row_totals[n]) == step.products[n].sum()
    assert step.total == total
    assert step.result == total + step.bias == stepper.output[step.filter, step.row, step.col]


@settings(max_examples=120, deadline=None)
@given(
    layer=layers(max_size=7),
    seed=st.integers(0, 2**32 - 1),
    unshared=st.booleans(),
    column=st.booleans(),
)
def test_every_step_matches_the_definition(
    layer: ConvLayer, seed: int, unshared: bool, column: bool
) -> None:
    x, w, b = integer_arrays(layer, seed, unshared=unshared)
    stepper = Stepper(
        layer,
        x,
        w,
        b,
        mode="unshared" if unshared else "shared",
        order="column" if column else "row",
    )
    assert stepper.count == layer.filters * layer.out_height * layer.out_width
    seen = set()
    for index in range(stepper.count):
        check_step_against_definition(stepper, index)
        seen.add(stepper.cell_of(index))
        assert stepper.index_of(*stepper.cell_of(index)) == index
    assert len(seen) == stepper.count


def small_stepper(mode: str = "shared", order: str = "row") -> Stepper:
    layer = ConvLayer(height=5, width=5, channels=2, kernel=3, filters=2, padding=1, stride=2)
    x, w, b = integer_arrays(layer, 3, unshared=mode == "unshared")
    return Stepper(layer, x, w, b, mode=mode, order=order)


def test_order_is_one_depth_slice_at_a_time_row_major() -> None:
    stepper = small_stepper()
    assert [stepper.cell_of(i) for i in range(4)] == [(0, 0, 0), (0, 0, 1), (0, 0, 2), (0, 1, 0)]
    assert stepper.cell_of(9) == (1, 0, 0)
    column = small_stepper(order="column")
    assert [column.cell_of(i) for i in range(4)] == [(0, 0, 0), (0, 1, 0), (0, 2, 0), (0, 0, 1)]


def test_moves_clamp_and_report_the_current_step() -> None:
    stepper = small_stepper()
    assert stepper.back().index == 0
    assert stepper.forward().index == 1
    assert stepper.last().index == stepper.count - 1
    assert stepper.forward().index == stepper.count - 1
    assert stepper.first().index == 0
    assert stepper.go_to(5).index == 5 == stepper.position
    step = stepper.go_to_cell(1, 2, 1)
    assert (step.filter, step.row, step.col) == (1, 2, 1)
    with pytest.raises(IndexError):
        stepper.go_to(stepper.count)
    with pytest.raises(IndexError):
        stepper.go_to_cell(2, 0, 0)


def test_computed_cells_grow_one_per_step() -> None:
    stepper = small_stepper()
    for index in range(stepper.count):
        stepper.go_to(index)
        assert stepper.computed().sum() == index + 1
        assert stepper.computed()[stepper.cell_of(index)]


def test_shared_mode_uses_one_kernel_per_filter() -> None:
    stepper = small_stepper()
    first_slice = [stepper.step(i) for i in range(9)]
    assert {s.kernel_id for s in first_slice} == {0}
    assert all(np.array_equal(s.weights, first_slice[0].weights) for s in first_slice)
    assert [stepper.kernels_used(i) for i in (0, 8, 9, 17)] == [1, 1, 2, 2]
    assert stepper.parameters_used(8) == 3 * 3 * 2 + 1
    ids = stepper.kernel_ids
    assert ids.shape == stepper.output.shape and set(ids[0].ravel()) == {0}
    assert set(ids[1].ravel()) == {1}


def test_unshared_mode_uses_a_new_kernel_every_step() -> None:
    stepper = small_stepper("unshared")
    ids = [stepper.step(i).kernel_id for i in range(stepper.count)]
    assert len(set(ids)) == stepper.count
    assert sorted(stepper.kernel_ids.ravel().tolist()) == sorted(ids)
    f, r, c = stepper.cell_of(5)
    assert stepper.kernel_ids[f, r, c] == stepper.step(5).kernel_id
    assert [stepper.kernels_used(i) for i in (0, 1, 17)] == [1, 2, 18]
    assert stepper.parameters_used(17) == 18 * 19


def test_weight_reach_shared_covers_every_position_unshared_one() -> None:
    shared = small_stepper()
    # Kernel centre (1, 1) at stride 2 with padding 1 reads input rows/cols 0, 2, 4.
    reach = shared.weight_reach(0, 1, 1)
    assert reach.uses == 9
    assert sorted(zip(*np.nonzero(reach.cells), strict=True)) == [
        (r, c) for r in (0, 2, 4) for c in (0, 2, 4)
    ]
    # Corner weight (0, 0) reads rows -1, 1, 3: the padding row is used but not marked.
    corner = shared.weight_reach(0, 0, 0)
    assert corner.uses == 9 and corner.cells.sum() == 4
    unshared = small_stepper("unshared")
    one = unshared.weight_reach(0, 1, 1, cell=(1, 2))
    assert one.uses == 1 and list(zip(*np.nonzero(one.cells), strict=True)) == [(2, 4)]


def test_windows_in_padding_show_zero_inputs() -> None:
    layer = ConvLayer(height=2, width=2, channels=1, kernel=1, filters=1, stride=3, padding=3)
    stepper = Stepper(layer, np.ones((1, 2, 2)), np.ones((1, 1, 1, 1)), np.array([5.0]))
    step = stepper.step(0)
    assert step.in_padding.all() and step.total == 0 and step.result == 5.0


@pytest.mark.parametrize(
    ("kwargs", "field"),
    [
        ({"inputs": np.zeros((1, 5, 5))}, "input"),
        ({"weights": np.zeros((2, 2, 3, 3, 1))}, "weights"),
        ({"biases": None}, "bias"),
        ({"biases": np.zeros(3)}, "bias"),
        ({"mode": "sparse"}, "mode"),
        ({"order": "diagonal"}, "order"),
    ],
)
def test_bad_arrays_are_refused_by_name(kwargs: dict, field: str) -> None:
    layer = ConvLayer(height=5, width=5, channels=2, kernel=3, filters=2)
    args = {
        "inputs": np.zeros((2, 5, 5)),
        "weights": np.zeros((2, 2, 3, 3)),
        "biases": np.zeros(2),
    } | kwargs
    with pytest.raises(LayerError) as caught:
        Stepper(layer, **args)
    assert caught.value.field == field


def test_large_layer_steps_without_recomputing() -> None:
    """AlexNet conv1 at full size: set-up once, then any step is one kernel's work."""
    layer = ConvLayer(height=227, width=227, channels=3, kernel=11, filters=96, stride=4)
    rng = np.random.default_rng(0)
    stepper = Stepper(
        layer,
        rng.integers(0, 5, (3, 227, 227)),
        rng.integers(-2, 3, (96, 3, 11, 11)),
        rng.integers(-2, 3, 96),
    )
    check_step_against_definition(stepper, stepper.count - 1)
    check_step_against_definition(stepper, 12_345)
