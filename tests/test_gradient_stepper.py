"""The backward pass position by position: what each neuron adds to its kernel's gradient, its
terms for one weight and the bias's sum, checked against conv2d_backward (itself tested against
the chain rule loop by loop) at the end of every slice, and one term per unshared weight."""

from __future__ import annotations

import numpy as np
import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from tutor.engine import ConvLayer, LayerError, conv2d_backward
from tutor.engine.gradient_stepper import GradientStepper
from tutor.engine.walk import Order

from .strategies import geometry, integer_arrays, layers


def last_of_slice(stepper: GradientStepper, filter: int) -> int:
    return (filter + 1) * stepper.walk.per_slice - 1


@settings(max_examples=80, deadline=None)
@given(
    layer=layers(max_size=7), seed=st.integers(0, 2**16), order=st.sampled_from(["row", "column"])
)
def test_at_the_end_of_a_slice_the_sums_are_autograds_gradients(
    layer: ConvLayer, seed: int, order: Order
) -> None:
    x, w, _ = integer_arrays(layer, seed)
    upstream = np.random.default_rng(seed + 1).integers(
        -5, 6, (layer.filters, layer.out_height, layer.out_width)
    )
    _, grad_w, grad_b = conv2d_backward(x, w, upstream, **geometry(layer))
    stepper = GradientStepper(layer, x, upstream, order=order)
    for f in range(layer.filters):
        end = last_of_slice(stepper, f)
        assert np.array_equal(stepper.kernel_gradient(end), grad_w[f])
        assert stepper.bias_gradient(end) == grad_b[f]
        c, i, j = (layer.channels_per_group - 1, layer.kernel[0] - 1, 0)
        terms = stepper.weight_terms((c, i, j), end)
        assert len(terms) == stepper.walk.per_slice, "a term from every position"
        assert terms[-1].running == grad_w[f, c, i, j]


def test_terms_come_in_the_order_the_pass_reaches_them_and_add_up() -> None:
    layer = ConvLayer(height=4, width=4, channels=1, kernel=3, filters=1)
    x = np.arange(16).reshape(1, 4, 4)
    upstream = np.array([[[1, 2], [3, 4]]])
    stepper = GradientStepper(layer, x, upstream, order="column")
    stepper.go_to(2)  # column order: (0,0), (1,0), (0,1)
    terms = stepper.weight_terms((0, 0, 0))
    assert [t.neuron for t in terms] == [(0, 0, 0), (0, 1, 0), (0, 0, 1)]
    assert [t.product for t in terms] == [1 * 0, 3 * 4, 2 * 1]
    assert [t.running for t in terms] == [0, 12, 14]
    assert stepper.bias_gradient() == 1 + 3 + 2
    assert stepper.kernel_gradient()[0, 0, 0] == 14


def test_an_unshared_kernel_receives_exactly_one_term() -> None:
    layer = ConvLayer(height=5, width=5, channels=2, kernel=3, filters=2)
    x, _, _ = integer_arrays(layer, 7)
    upstream = np.arange(18).reshape(2, 3, 3) - 9
    stepper = GradientStepper(layer, x, upstream, mode="unshared")
    for index in range(stepper.count):
        stepper.go_to(index)
        step = stepper.current
        (term,) = stepper.weight_terms((1, 2, 0))
        assert term.product == step.upstream * step.window[1, 2, 0]
        assert np.array_equal(stepper.kernel_gradient(), step.upstream * step.window)
        assert stepper.bias_gradient() == step.upstream
        assert step.kernel_id == index


def test_a_window_on_padding_adds_nothing_to_the_weights_there() -> None:
    layer = ConvLayer(height=3, width=3, channels=1, kernel=3, filters=1, padding=1)
    stepper = GradientStepper(
        layer, np.ones((1, 3, 3), dtype=np.int64), np.ones((1, 3, 3), dtype=np.int64)
    )
    assert stepper.current.window[0].tolist() == [[0, 0, 0], [0, 1, 1], [0, 1, 1]]
    assert stepper.current.tap_rows.tolist() == [-1, 0, 1]
    stepper.last()
    assert stepper.kernel_gradient()[0].tolist() == [[4, 6, 4], [6, 9, 6], [4, 6, 4]]


def test_an_upstream_grid_of_the_wrong_shape_is_named() -> None:
    layer = ConvLayer(height=4, width=4, channels=1, kernel=3, filters=1)
    with pytest.raises(LayerError, match="upstream"):
        GradientStepper(layer, np.zeros((1, 4, 4)), np.zeros((1, 3, 3)))
