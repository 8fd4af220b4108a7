"""The convolution's backward pass: how a shared weight learns from every position it was used at.

Given the upstream gradient on the output (dL/dy, shaped like the output), a weight's gradient
is the sum, over every output neuron that used it, of that neuron's upstream value times the
input value the weight multiplied there. With sharing, one weight is used at every position of
its slice, so its gradient adds that many terms; without sharing, each neuron's own weight gets
exactly one. The bias's gradient is the sum of the upstream gradient over its slice. The input's
gradient sends each upstream value back through the weights to the cells they read; a tap that
read padding sends it nowhere. All as autograd computes them for `conv2d`.
"""

from __future__ import annotations

from collections.abc import Sequence
from typing import NamedTuple

import numpy as np

from .conv import compute_dtype, layer_of, receptive_fields, require_shape
from .geometry import ConvLayer, PairLike


def conv2d_backward(
    x: np.ndarray,
    w: np.ndarray,
    grad_out: np.ndarray,
    *,
    stride: PairLike = 1,
    padding: PairLike = 0,
    dilation: PairLike = 1,
    groups: int = 1,
) -> tuple[np.ndarray, np.ndarray, np.ndarray]:
    """(grad_x, grad_w, grad_b) of a shared convolution. x (C, H, W), w (F, C/groups, KH, KW),
    grad_out (F, Ho, Wo); the gradients have the shapes of x, w and the bias (F,)."""
    x, w, grad_out = np.asarray(x), np.asarray(w), np.asarray(grad_out)
    layer = layer_of(
        x,
        w.shape,
        bias=True,
        stride=stride,
        padding=padding,
        dilation=dilation,
        groups=groups,
    )
    require_shape("grad_out", grad_out, (layer.filters, layer.out_height, layer.out_width))
    dtype = compute_dtype(x, w, grad_out)
    g, per_filter, per_group = layer.groups, layer.filters_per_group, layer.channels_per_group
    kh, kw = layer.kernel
    upstream = grad_out.astype(dtype, copy=False).reshape(
        g, per_filter, layer.out_height, layer.out_width
    )
    fields = receptive_fields(x.astype(dtype, copy=False), layer)
    fields = fields.reshape(g, per_group, *fields.shape[1:])
    kernels = w.astype(dtype, copy=False).reshape(g, per_filter, per_group, kh, kw)

    grad_w = np.einsum("goyx,gcyxij->gocij", upstream, fields, optimize=True)
    grad_b = upstream.sum(axis=(2, 3)).reshape(layer.filters)
    sent = np.einsum("goyx,gocij->gcyxij", upstream, kernels, optimize=True)
    sent = sent.reshape(layer.channels, layer.out_height, layer.out_width, kh, kw)
    return _back_to_input(sent, layer, dtype), grad_w.reshape(w.shape), grad_b


def _back_to_input(sent: np.ndarray, layer: ConvLayer, dtype: np.dtype) -> np.ndarray:
    """Each tap's values (C, Ho, Wo, KH, KW) added into the padded input at the cells that tap
    read, then the padding cut away: what fell on padding is dropped."""
    (ph, pw), (sh, sw), (dh, dw) = layer.padding, layer.stride, layer.dilation
    ho, wo = layer.out_height, layer.out_width
    padded = np.zeros((layer.channels, layer.height + 2 * ph, layer.width + 2 * pw), dtype)
    for i in range(layer.kernel[0]):  # one slice per kernel offset, never a loop per neuron
        for j in range(layer.kernel[1]):
            rows = slice(i * dh, i * dh + sh * (ho - 1) + 1, sh)
            cols = slice(j * dw, j * dw + sw * (wo - 1) + 1, sw)
            padded[:, rows, cols] += sent[:, :, :, i, j]
    return padded[:, ph : ph + layer.height, pw : pw + layer.width]


class GradientTerm(NamedTuple):
    """One output neuron's share of a weight's gradient."""

    neuron: tuple[int, int, int]
    """(filter, row, col) from 0."""
    upstream: float
    """dL/dy at that neuron."""
    input_value: float
    """The input value the weight multiplied there (0 where it read padding)."""
    running: float
    """The gradient so far, this term included."""

    @property
    def product(self) -> float:
        return self.upstream * self.input_value


def weight_gradient_terms(
    x: np.ndarray,
    layer: ConvLayer,
    grad_out: np.ndarray,
    weight: tuple[int, int, int, int],
    *,
    positions: Sequence[tuple[int, int]] | None = None,
) -> tuple[GradientTerm, ...]:
    """The terms of dL/dw for the weight (filter, channel in its group, row, col), one per
    output position in `positions` (every position of the filter's slice in reading order if
    omitted: a shared weight is used at all of them), with the running sum. An unshared
    weight belongs to one neuron: pass its position alone, for its one term."""
    f, c, i, j = weight
    group = f // layer.filters_per_group
    channel = group * layer.channels_per_group + c
    fields = receptive_fields(np.asarray(x), layer)[channel, :, :, i, j]
    upstream = np.asarray(grad_out)[f]
    if positions is None:
        positions = [(r, col) for r in range(layer.out_height) for col in range(layer.out_width)]
    terms, running = [], 0
    for r, col in positions:
        running += upstream[r, col] * fields[r, col]
        terms.append(GradientTerm((f, r, col), upstream[r, col], fields[r, col], running))
    return tuple(terms)
