"""The convolution's backward pass against the chain rule written out loop by loop, against
finite differences of the forward pass, and the per-position terms a lesson steps through."""

from __future__ import annotations

import numpy as np
import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from tests.reference import naive_conv2d_backward
from tests.strategies import geometry, integer_arrays, layers
from tutor.engine import ConvLayer, LayerError, conv2d, conv2d_backward, weight_gradient_terms


@settings(max_examples=200, deadline=None)
@given(layer=layers(), seed=st.integers(0, 2**32 - 1))
def test_backward_matches_the_chain_rule_loop_by_loop(layer: ConvLayer, seed: int) -> None:
    x, w, _ = integer_arrays(layer, seed)
    grad_out = np.random.default_rng(seed + 1).integers(
        -9, 10, (layer.filters, layer.out_height, layer.out_width)
    )
    got = conv2d_backward(x, w, grad_out, **geometry(layer))
    want = naive_conv2d_backward(
        x, w, grad_out, layer.stride, layer.padding, layer.dilation, layer.groups
    )
    for name, mine, theirs in zip(("grad_x", "grad_w", "grad_b"), got, want, strict=True):
        assert mine.dtype == np.int64, f"{name} stays exact"
        assert np.array_equal(mine, theirs.astype(np.int64)), name


@settings(max_examples=60, deadline=None)
@given(layer=layers(max_size=6, max_channels=3), seed=st.integers(0, 2**32 - 1))
def test_backward_matches_finite_differences(layer: ConvLayer, seed: int) -> None:
    """L = sum(grad_out * conv2d(x, w, b)): its derivatives, measured by nudging each number."""
    rng = np.random.default_rng(seed)
    x = rng.standard_normal((layer.channels, layer.height, layer.width))
    w = rng.standard_normal((layer.filters, layer.channels_per_group, *layer.kernel))
    b = rng.standard_normal(layer.filters)
    grad_out = rng.standard_normal((layer.filters, layer.out_height, layer.out_width))
    shape = geometry(layer)

    def loss(x: np.ndarray, w: np.ndarray, b: np.ndarray) -> float:
        return float(np.sum(grad_out * conv2d(x, w, b, **shape)))

    arrays = [x, w, b]
    for array, analytic in zip(arrays, conv2d_backward(x, w, grad_out, **shape), strict=True):
        numeric = np.zeros_like(array)
        for index in np.ndindex(array.shape):
            saved = array[index]
            array[index] = saved + 1e-6
            up = loss(*arrays)
            array[index] = saved - 1e-6
            down = loss(*arrays)
            array[index] = saved
            numeric[index] = (up - down) / 2e-6
        assert np.allclose(analytic, numeric, atol=1e-5), (analytic, numeric)


def test_a_window_wholly_in_padding_sends_nothing_back() -> None:
    """A 1 x 1 input padded by 2 with a 1 x 1 kernel: only the centre neuron reads the input."""
    x, w = np.array([[[5]]]), np.array([[[[3]]]])
    grad_out = np.arange(25).reshape(1, 5, 5)
    grad_x, grad_w, grad_b = conv2d_backward(x, w, grad_out, padding=2)
    assert grad_x.tolist() == [[[3 * 12]]] and grad_w.tolist() == [[[[5 * 12]]]]
    assert grad_b.tolist() == [sum(range(25))]


def test_a_shared_weight_adds_a_term_for_every_position_an_unshared_one_gets_one() -> None:
    layer = ConvLayer(height=4, width=4, channels=1, kernel=3, filters=1)
    x = np.arange(16).reshape(1, 4, 4)
    w = np.ones((1, 1, 3, 3), dtype=np.int64)
    grad_out = np.array([[[1, 2], [3, 4]]])
    terms = weight_gradient_terms(x, layer, grad_out, (0, 0, 1, 2))
    assert [t.neuron for t in terms] == [(0, 0, 0), (0, 0, 1), (0, 1, 0), (0, 1, 1)]
    assert [t.input_value for t in terms] == [6, 7, 10, 11], "the cell under w at each position"
    assert [t.running for t in terms] == [6, 20, 50, 94]
    assert terms[-1].running == conv2d_backward(x, w, grad_out)[1][0, 0, 1, 2]
    (only,) = weight_gradient_terms(x, layer, grad_out, (0, 0, 1, 2), positions=[(1, 0)])
    assert (only.upstream, only.input_value, only.product) == (3, 10, 30)


def test_a_grad_out_of_the_wrong_shape_is_named() -> None:
    with pytest.raises(LayerError, match="grad_out"):
        conv2d_backward(np.zeros((1, 4, 4)), np.zeros((1, 1, 3, 3)), np.zeros((1, 3, 3)))
