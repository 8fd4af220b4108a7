"""Hypothesis strategies for layers a framework would accept, including the awkward ones."""

from __future__ import annotations

import numpy as np
from hypothesis import strategies as st

from tutor.engine import ConvLayer


@st.composite
def layers(draw, max_size: int = 9, max_channels: int = 4, grouped: bool = True) -> ConvLayer:
    """Valid layers: non-square, stride past the kernel, padding past the kernel, dilation 2-3,
    1x1 kernels, kernels as large as the input, windows lying wholly in padding."""
    groups = draw(st.sampled_from([1, 1, 1, 2, 3] if grouped else [1]))
    channels = groups * draw(st.integers(1, max(1, max_channels // groups)))
    filters = groups * draw(st.integers(1, 3))
    axes = []
    for _ in range(2):
        size = draw(st.integers(1, max_size))
        dilation = draw(st.integers(1, 3))
        padding = draw(st.integers(0, 4))
        padded = size + 2 * padding
        largest_kernel = (padded - 1) // dilation + 1
        kernel = draw(st.integers(1, min(largest_kernel, 6)))
        stride = draw(st.integers(1, 5))
        axes.append((size, kernel, stride, padding, dilation))
    (h, kh, sh, ph, dh), (w, kw, sw, pw, dw) = axes
    return ConvLayer(
        height=h,
        width=w,
        channels=channels,
        kernel=(kh, kw),
        filters=filters,
        stride=(sh, sw),
        padding=(ph, pw),
        dilation=(dh, dw),
        groups=groups,
        bias=draw(st.booleans()),
    )


def integer_arrays(layer: ConvLayer, seed: int, *, unshared: bool = False):
    """Small whole-number inputs, weights and biases: sums are exact, so equality is exact."""
    rng = np.random.default_rng(seed)
    kernel = (layer.channels_per_group, *layer.kernel)
    out = (layer.out_height, layer.out_width)
    x = rng.integers(-9, 10, (layer.channels, layer.height, layer.width))
    if unshared:
        w = rng.integers(-9, 10, (layer.filters, *out, *kernel))
        b = rng.integers(-9, 10, (layer.filters, *out)) if layer.bias else None
    else:
        w = rng.integers(-9, 10, (layer.filters, *kernel))
        b = rng.integers(-9, 10, (layer.filters,)) if layer.bias else None
    return x, w, b


def geometry(layer: ConvLayer) -> dict:
    return {
        "stride": layer.stride,
        "padding": layer.padding,
        "dilation": layer.dilation,
        "groups": layer.groups,
    }
