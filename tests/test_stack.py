"""Stacked layers: the receptive field of a neuron of the last layer, against brute force (the
input cells its gradient reaches, by conv2d_backward through every layer), and the stack's
parameters, with the classic figures of small kernels stacked."""

from __future__ import annotations

import numpy as np
import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from tutor.engine import (
    ConvLayer,
    LayerError,
    check_stack,
    conv2d_backward,
    receptive_field,
    stack_parameters,
)


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


def reached(layers: list[ConvLayer], neuron: tuple[int, int]) -> np.ndarray:
    """The input cells whose gradient from one neuron of the last layer is not zero (all weights
    one, so no two paths cancel)."""
    last = layers[-1]
    grad = np.zeros((1, last.out_height, last.out_width), dtype=np.int64)
    grad[0, neuron[0], neuron[1]] = 1
    for layer in reversed(layers):
        x = np.zeros((1, layer.height, layer.width), dtype=np.int64)
        w = np.ones((1, 1, *layer.kernel), dtype=np.int64)
        grad = conv2d_backward(
            x, w, grad, stride=layer.stride, padding=layer.padding, dilation=layer.dilation
        )[0]
    return grad[0] != 0


def spans(layers: list[ConvLayer], data: st.DataObject) -> tuple[int, int] | None:
    """The rows and columns spanned by the cells one drawn neuron's gradient reaches."""
    last = layers[-1]
    neuron = (
        data.draw(st.integers(0, last.out_height - 1)),
        data.draw(st.integers(0, last.out_width - 1)),
    )
    cells = np.argwhere(reached(layers, neuron))
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
