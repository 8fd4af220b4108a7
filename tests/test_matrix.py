"""A layer as one matrix: conv_matrix and matrix_labels against conv2d, the naive loops and the
parameter counts."""

from __future__ import annotations

import numpy as np
import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from tests.reference import naive_conv_matrix, tap
from tests.strategies import geometry, integer_arrays, layers
from tutor.engine import (
    ConvLayer,
    LayerError,
    conv2d,
    conv_matrix,
    count_parameters,
    distinct_weights,
    locally_connected2d,
    matrix_labels,
    matrix_row,
    weight_label,
)


def pairs(layer: ConvLayer) -> dict:
    return {"stride": layer.stride, "padding": layer.padding, "dilation": layer.dilation}


def real_taps(layer: ConvLayer) -> int:
    """Taps of every neuron that land on the input rather than on padding, counted one by one."""
    (sh, sw), (ph, pw), (dh, dw) = layer.stride, layer.padding, layer.dilation
    rows = sum(
        0 <= tap(r, i, sh, ph, dh) < layer.height
        for r in range(layer.out_height)
        for i in range(layer.kernel[0])
    )
    cols = sum(
        0 <= tap(c, j, sw, pw, dw) < layer.width
        for c in range(layer.out_width)
        for j in range(layer.kernel[1])
    )
    return rows * cols * layer.channels * layer.filters


@settings(max_examples=200, deadline=None)
@given(layer=layers(max_size=7, grouped=False), seed=st.integers(0, 2**32 - 1))
def test_the_matrix_times_the_input_is_the_convolution(layer: ConvLayer, seed: int) -> None:
    x, w, b = integer_arrays(layer, seed)
    matrix = conv_matrix(w, (layer.height, layer.width), **pairs(layer))
    np.testing.assert_array_equal(
        matrix, naive_conv_matrix(w, layer.height, layer.width, **pairs(layer))
    )
    y = matrix @ x.reshape(-1)
    if b is not None:
        y = y + np.repeat(b, layer.out_height * layer.out_width)
    np.testing.assert_array_equal(y, conv2d(x, w, b, **geometry(layer)).reshape(-1))


@settings(max_examples=200, deadline=None)
@given(layer=layers(max_size=7, grouped=False), seed=st.integers(0, 2**32 - 1))
def test_labels_say_which_weight_each_entry_is(layer: ConvLayer, seed: int) -> None:
    x, w, _ = integer_arrays(layer, seed)
    shared = matrix_labels(layer, "shared")
    matrix = conv_matrix(w, (layer.height, layer.width), **pairs(layer))
    np.testing.assert_array_equal(matrix, np.where(shared > 0, w.reshape(-1)[shared - 1], 0))
    x, w_own, _ = integer_arrays(layer, seed, unshared=True)
    unshared = matrix_labels(layer, "unshared")
    own = np.where(unshared > 0, w_own.reshape(-1)[unshared - 1], 0)
    np.testing.assert_array_equal(
        own @ x.reshape(-1), locally_connected2d(x, w_own, **geometry(layer)).reshape(-1)
    )


@settings(max_examples=200, deadline=None)
@given(layer=layers(max_size=7, grouped=False))
def test_distinct_labels_count_the_weights(layer: ConvLayer) -> None:
    counts = count_parameters(layer)
    assert distinct_weights(matrix_labels(layer, "dense")) == counts.dense.weights
    wired = real_taps(layer)
    assert distinct_weights(matrix_labels(layer, "unshared")) == wired
    assert (matrix_labels(layer, "shared") > 0).sum() == wired
    if layer.padding == (0, 0):  # every weight then lands on the input somewhere
        assert wired == counts.unshared.weights
        assert distinct_weights(matrix_labels(layer, "shared")) == counts.shared.weights
    else:  # a weight over padding has no entry: never more than the count
        assert wired <= counts.unshared.weights
        assert distinct_weights(matrix_labels(layer, "shared")) <= counts.shared.weights


def test_the_small_layer_three_ways() -> None:
    """4 x 4 input, 3 x 3 kernel, 2 x 2 output: 64 dense weights, 36 own, 9 shared."""
    layer = ConvLayer(height=4, width=4, channels=1, filters=1, kernel=3)
    dense, own, shared = (matrix_labels(layer, s) for s in ("dense", "unshared", "shared"))
    assert dense.shape == own.shape == shared.shape == (4, 16)
    assert distinct_weights(dense) == 64
    assert (own > 0).sum() == distinct_weights(own) == 36
    assert (shared > 0).sum() == 36 and distinct_weights(shared) == 9
    assert shared[0].tolist() == [1, 2, 3, 0, 4, 5, 6, 0, 7, 8, 9, 0, 0, 0, 0, 0]
    assert shared[3].tolist() == [0] * 5 + [1, 2, 3, 0, 4, 5, 6, 0, 7, 8, 9]
    assert own[1].tolist() == [0, 10, 11, 12, 0, 13, 14, 15, 0, 16, 17, 18, 0, 0, 0, 0]


def test_padding_taps_have_no_entry() -> None:
    layer = ConvLayer(height=3, width=3, channels=1, filters=1, kernel=3, padding=1)
    own = matrix_labels(layer, "unshared")
    assert count_parameters(layer).unshared.weights == 81
    assert distinct_weights(own) == (own > 0).sum() == 49
    assert own[0].tolist() == [5, 6, 0, 8, 9, 0, 0, 0, 0]  # the corner neuron reads 4 values


def test_what_the_matrix_cannot_draw_is_refused() -> None:
    with pytest.raises(LayerError, match="groups"):
        matrix_labels(
            ConvLayer(height=4, width=4, channels=2, filters=2, kernel=3, groups=2), "shared"
        )
    with pytest.raises(LayerError, match="weights"):
        conv_matrix(np.ones((3, 3)), (4, 4))
    with pytest.raises(LayerError, match="scheme"):
        matrix_labels(ConvLayer(height=4, width=4, channels=1, filters=1, kernel=3), "sparse")  # type: ignore[arg-type]


@settings(max_examples=100, deadline=None)
@given(layer=layers(max_size=6, grouped=False), data=st.data())
def test_a_kernel_weight_label_is_where_the_matrix_puts_that_weight(layer, data) -> None:
    """Each neuron's row holds the label of its weight at every tap that lands on the input."""
    f = data.draw(st.integers(0, layer.filters - 1))
    row, col = (
        data.draw(st.integers(0, layer.out_height - 1)),
        data.draw(st.integers(0, layer.out_width - 1)),
    )
    where = (
        data.draw(st.integers(0, layer.channels - 1)),
        data.draw(st.integers(0, layer.kernel[0] - 1)),
        data.draw(st.integers(0, layer.kernel[1] - 1)),
    )
    n = (f * layer.out_height + row) * layer.out_width + col
    assert matrix_row(layer, (f, row, col)) == n
    (sh, sw), (ph, pw), (dh, dw) = layer.stride, layer.padding, layer.dilation
    y, x = row * sh - ph + where[1] * dh, col * sw - pw + where[2] * dw
    for scheme in ("shared", "unshared"):
        label = weight_label(layer, scheme, (f, row, col), where)
        labels = matrix_labels(layer, scheme)
        if 0 <= y < layer.height and 0 <= x < layer.width:
            column = (where[0] * layer.height + y) * layer.width + x
            assert labels[n, column] == label
        else:
            assert label not in labels[n]
    with pytest.raises(LayerError, match="scheme"):
        weight_label(layer, "dense", (f, row, col), where)
