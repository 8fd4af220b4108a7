"""A layer as one matrix: y = M x + b, where x is the input flattened and y the output.

Row n of M belongs to output neuron n (filter, row, column in C order); column m to input value
m (channel, row, column). A convolution's M is mostly zeros: each row holds one window's
weights, and every row of a depth slice holds the same ones. `matrix_labels` says which
parameter each entry is under each scheme, so counting the distinct labels counts the weights.
Zero padding adds nothing to the sum, so a tap over padding has no entry in M.
"""

from __future__ import annotations

from typing import Literal, NamedTuple

import numpy as np

from .conv import layer_of
from .geometry import ConvLayer, LayerError, PairLike

Scheme = Literal["dense", "unshared", "shared"]
SCHEMES: tuple[Scheme, ...] = ("dense", "unshared", "shared")


class Connections(NamedTuple):
    """Every tap of every neuron that lands on a real input value (padding taps left out)."""

    rows: np.ndarray
    """Row of M: the neuron, numbered filter, output row, output column."""
    cols: np.ndarray
    """Column of M: the input value, numbered channel, input row, input column."""
    shared_weight: np.ndarray
    """Index into the shared weights (F, C, KH, KW), flattened."""
    unshared_weight: np.ndarray
    """Index into the unshared weights (F, H_out, W_out, C, KH, KW), flattened."""


def connections(layer: ConvLayer) -> Connections:
    """Which input value each neuron's weights multiply, for an ungrouped layer."""
    if layer.groups != 1:
        raise LayerError("groups", "a layer's matrix is drawn for ungrouped layers only")
    f, ho, wo = layer.filters, layer.out_height, layer.out_width
    c, (kh, kw) = layer.channels, layer.kernel
    (sh, sw), (ph, pw), (dh, dw) = layer.stride, layer.padding, layer.dilation
    grid = np.indices((f, ho, wo, c, kh, kw)).reshape(6, -1)
    filt, out_r, out_c, chan, i, j = grid
    in_r = out_r * sh - ph + i * dh
    in_c = out_c * sw - pw + j * dw
    real = (in_r >= 0) & (in_r < layer.height) & (in_c >= 0) & (in_c < layer.width)
    unshared = np.arange(grid.shape[1])
    shared = np.ravel_multi_index((filt, chan, i, j), (f, c, kh, kw))
    neuron = np.ravel_multi_index((filt, out_r, out_c), (f, ho, wo))
    value = np.ravel_multi_index(
        (chan, np.where(real, in_r, 0), np.where(real, in_c, 0)), (c, layer.height, layer.width)
    )
    return Connections(neuron[real], value[real], shared[real], unshared[real])


def matrix_shape(layer: ConvLayer) -> tuple[int, int]:
    """(neurons, input values): F·H_out·W_out rows, C·H·W columns."""
    return (
        layer.filters * layer.out_height * layer.out_width,
        layer.channels * layer.height * layer.width,
    )


def conv_matrix(
    w: np.ndarray,
    input_hw: tuple[int, int],
    *,
    stride: PairLike = 1,
    padding: PairLike = 0,
    dilation: PairLike = 1,
) -> np.ndarray:
    """The matrix M of a convolution with weights w (C_out, C_in, KH, KW) over an input of
    `input_hw` = (H, W): M @ x.reshape(-1) + np.repeat(b, H_out * W_out) equals
    conv2d(x, w, b, ...).reshape(-1)."""
    w = np.asarray(w)
    if w.ndim != 4:
        raise LayerError("weights", f"must be (filters, channels, kh, kw), got {w.shape}")
    height, width = input_hw
    layer = layer_of(
        np.empty((w.shape[1], height, width)),
        w.shape,
        bias=False,
        stride=stride,
        padding=padding,
        dilation=dilation,
    )
    wired = connections(layer)
    matrix = np.zeros(matrix_shape(layer), dtype=np.result_type(w, np.int64))
    matrix[wired.rows, wired.cols] = w.reshape(-1)[wired.shared_weight]
    return matrix


def matrix_labels(layer: ConvLayer, scheme: Scheme) -> np.ndarray:
    """Which weight each entry of M is, numbered from 1; 0 where the neuron is not wired to
    that input. Dense: every entry its own weight. Unshared: each neuron's own weights, numbered
    as in the (F, H_out, W_out, C, KH, KW) weights, so a weight over padding has no entry.
    Shared: the filter's weights, numbered as in (F, C, KH, KW), the same in every row."""
    shape = matrix_shape(layer)
    if scheme == "dense":
        return np.arange(1, shape[0] * shape[1] + 1, dtype=np.int64).reshape(shape)
    if scheme not in SCHEMES:
        raise LayerError("scheme", f"must be one of {', '.join(SCHEMES)}, got {scheme!r}")
    wired = connections(layer)
    labels = np.zeros(shape, dtype=np.int64)
    index = wired.shared_weight if scheme == "shared" else wired.unshared_weight
    labels[wired.rows, wired.cols] = index + 1
    return labels


def distinct_weights(labels: np.ndarray) -> int:
    """How many different weights a labelled matrix holds."""
    return int(np.unique(labels[labels > 0]).size)


def matrix_row(layer: ConvLayer, neuron: tuple[int, int, int]) -> int:
    """The row of M that computes neuron (filter, row, col): neurons are numbered slice by
    slice, row by row, as `conv2d`'s output reads when flattened."""
    return int(np.ravel_multi_index(neuron, (layer.filters, layer.out_height, layer.out_width)))


def weight_label(
    layer: ConvLayer, scheme: Scheme, neuron: tuple[int, int, int], tap: tuple[int, int, int]
) -> int:
    """The label `matrix_labels` gives the weight neuron (filter, row, col) applies at tap
    (channel, kernel row, kernel col): the same for every neuron of a filter when shared, the
    neuron's own when not. Dense weights are not a kernel's: asking for one is an error."""
    f, ho, wo = layer.filters, layer.out_height, layer.out_width
    (kh, kw), c = layer.kernel, layer.channels
    filter, row, col = neuron
    channel, i, j = tap
    if scheme == "shared":
        return int(np.ravel_multi_index((filter, channel, i, j), (f, c, kh, kw))) + 1
    if scheme == "unshared":
        return (
            int(np.ravel_multi_index((filter, row, col, channel, i, j), (f, ho, wo, c, kh, kw))) + 1
        )
    raise LayerError(
        "scheme", f"only shared and unshared weights belong to a kernel, not {scheme!r}"
    )
