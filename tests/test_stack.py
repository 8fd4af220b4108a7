"""Stacked layers: the receptive field of a neuron of the last layer, against brute force (the
input cells its gradient reaches, by conv2d_backward through every layer: stack_reach), and the
stack's parameters, with the classic figures of small kernels stacked."""

from __future__ import annotations

import numpy as np
import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from tutor.engine import (
    ConvLayer,
    LayerError,
    check_stack,
    receptive_field,
    stack_parameters,
)
from tutor.engine.stack import one_layer_like, repeated
from tutor.engine.stack_quantities import STACK_QUANTITIES
from tutor.engine.stack_reach import stack_reach


@st.composite
def stacks(draw, padded: bool = False) -> list[ConvLayer]:
    """One to four single-channel layers, each reading the last one's output."""
    height, width = draw(st.integers(20, 40)), draw(st.integers(20, 40))
    layers: list[ConvLayer] = []
    for _ in range(draw(st.integers(1, 4))):
        kernel = (draw(st.integers(1, 4)), draw(st.integers(1, 4)))
        dilation = (draw(st.integers(1, 3)), draw(st.integers(1, 3)))
        stride = (draw(st.integers(1, 3)), draw(st.integers(1, 3)))
        padding = (draw(st.integers(0, 2)), draw(st.integers(0, 2))) if padded else (0, 0)
        try:
            layer = ConvLayer(
                height=height,
                width=width,
                channels=1,
                kernel=kernel,
                filters=1,
                stride=stride,
                padding=padding,
                dilation=dilation,
            )
        except LayerError:
            break  # too small for another layer: the stack so far is the stack
        layers.append(layer)
        height, width = layer.out_height, layer.out_width
    if not layers:
        layers.append(ConvLayer(height=height, width=width, channels=1, kernel=1, filters=1))
    return layers


def spans(layers: list[ConvLayer], data: st.DataObject) -> tuple[int, int] | None:
    """The rows and columns spanned by the cells one drawn neuron's gradient reaches."""
    last = layers[-1]
    neuron = (
        data.draw(st.integers(0, last.out_height - 1)),
        data.draw(st.integers(0, last.out_width - 1)),
    )
    cells = np.argwhere(stack_reach(layers, neuron)[0])
    if len(cells) == 0:  # every tap read padding
        return None
    (top, left), (bottom, right) = cells.min(axis=0), cells.max(axis=0)
    return int(bottom - top + 1), int(right - left + 1)


@settings(max_examples=200, deadline=None)
@given(layers=stacks(), data=st.data())
def test_the_receptive_field_is_what_the_gradient_reaches(
    layers: list[ConvLayer], data: st.DataObject
) -> None:
    """Without padding every neuron's region lies in the input: it spans the field exactly."""
    assert spans(layers, data) == receptive_field(layers)


@settings(max_examples=200, deadline=None)
@given(layers=stacks(padded=True), data=st.data())
def test_padding_only_cuts_the_field_at_the_edges(
    layers: list[ConvLayer], data: st.DataObject
) -> None:
    rows, cols = receptive_field(layers)
    span = spans(layers, data)
    assert span is None or (span[0] <= rows and span[1] <= cols)


def test_small_kernels_stacked_see_as_far_as_a_large_one_for_fewer_weights() -> None:
    channels = 64

    def conv(kernel: int) -> ConvLayer:
        return ConvLayer(
            height=56,
            width=56,
            channels=channels,
            kernel=kernel,
            filters=channels,
            padding=kernel // 2,
        )

    two, three, seven = [conv(3)] * 2, [conv(3)] * 3, [conv(7)]
    assert receptive_field(two) == (5, 5) and receptive_field(three) == (7, 7)
    assert receptive_field(seven) == (7, 7)
    assert stack_parameters(three) == 3 * (27 * channels * channels // 3 + channels)
    assert stack_parameters(three) - 3 * channels == 27 * channels**2
    assert stack_parameters(seven) - channels == 49 * channels**2


def test_strides_multiply_the_steps_of_the_layers_after() -> None:
    first = ConvLayer(height=32, width=32, channels=1, kernel=3, filters=1, stride=2)
    second = ConvLayer(height=15, width=15, channels=1, kernel=3, filters=1)
    assert receptive_field([first, second]) == (7, 7), "3 + (3 - 1) x 2"


def test_a_stack_whose_shapes_do_not_chain_is_named() -> None:
    first = ConvLayer(height=8, width=8, channels=3, kernel=3, filters=4)
    second = ConvLayer(height=8, width=8, channels=4, kernel=3, filters=4)
    with pytest.raises(LayerError, match=r"layer 2 reads 8 x 8 x 4, but layer 1 makes 6 x 6 x 4"):
        check_stack([first, second])
    with pytest.raises(LayerError, match="at least one layer"):
        receptive_field([])


def test_each_level_of_the_reach_is_the_windows_of_the_level_above() -> None:
    """Two 3 x 3 layers on 7 x 7: the neuron, its 3 x 3 window, that window's 5 x 5 field."""
    layers = repeated(ConvLayer(height=7, width=7, channels=1, kernel=3, filters=1), 2)
    field, window, neuron = stack_reach(layers, (1, 2))
    assert neuron.sum() == 1 and neuron[1, 2]
    assert np.argwhere(window).tolist() == [[r, c] for r in (1, 2, 3) for c in (2, 3, 4)]
    assert np.argwhere(field).tolist() == [[r, c] for r in range(1, 6) for c in range(2, 7)]


def test_dilation_leaves_gaps_in_the_reach() -> None:
    layer = ConvLayer(height=5, width=5, channels=1, kernel=2, filters=1, dilation=3)
    (field, _) = stack_reach([layer], (0, 0))
    assert np.argwhere(field).tolist() == [[0, 0], [0, 3], [3, 0], [3, 3]]


def test_repeated_layers_read_the_previous_output() -> None:
    first = ConvLayer(height=32, width=32, channels=3, kernel=5, filters=16, stride=2)
    layers = repeated(first, 3)
    check_stack(layers)
    assert [layer.output_shape for layer in layers] == [(14, 14, 16), (5, 5, 16), (1, 1, 16)]
    with pytest.raises(LayerError):
        repeated(first, 4)


def test_one_layer_like_a_stack_sees_the_same_field_and_costs_49_c_squared() -> None:
    channels = 32
    layers = repeated(
        ConvLayer(height=20, width=20, channels=channels, kernel=3, filters=channels, padding=1),
        3,
    )
    single = one_layer_like(layers)
    assert single.kernel == (7, 7) and single.padding == (3, 3)
    assert single.output_shape == layers[-1].output_shape
    assert receptive_field([single]) == receptive_field(layers)
    values = {name: q.value(layers) for name, q in STACK_QUANTITIES.items()}
    assert values["stack_weights"] == 27 * channels**2
    assert values["one_layer_weights"] == 49 * channels**2
    assert values["stack_total"] == 27 * channels**2 + 3 * channels
    assert values["one_layer_total"] == 49 * channels**2 + channels
    assert (values["receptive_field_rows"], values["receptive_field_cols"]) == (7, 7)


def test_every_stack_quantity_explains_itself_with_its_own_answer() -> None:
    layers = repeated(
        ConvLayer(height=30, width=40, channels=3, kernel=(3, 5), filters=8, stride=(2, 1)), 2
    )
    for quantity in STACK_QUANTITIES.values():
        lines = quantity.explain(layers)
        assert lines and f"{quantity.value(layers):,}" in lines[-1], quantity.name
