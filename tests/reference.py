"""A deliberately naive convolution: one Python loop per number, written from the definition.

The engine is vectorised and clever; this is slow and obvious, so the two can check each other.
"""

from __future__ import annotations

import numpy as np


def out_size(size: int, kernel: int, stride: int, padding: int, dilation: int) -> int:
    return (size + 2 * padding - dilation * (kernel - 1) - 1) // stride + 1


def tap(r: int, i: int, stride: int, padding: int, dilation: int) -> int:
    """Input coordinate read by kernel offset i for output coordinate r."""
    return r * stride - padding + i * dilation


def naive_conv(x, kernel_at, bias_at, stride, padding, dilation, groups, filters, kernel_size):
    """kernel_at(f, r, c) -> (C/groups, KH, KW) weights used by that neuron; bias_at likewise."""
    channels, height, width = x.shape
    kh, kw = kernel_size
    (sh, sw), (ph, pw), (dh, dw) = stride, padding, dilation
    ho = out_size(height, kh, sh, ph, dh)
    wo = out_size(width, kw, sw, pw, dw)
    per_group = channels // groups
    out = np.zeros((filters, ho, wo), dtype=object)
    for f in range(filters):
        group = f // (filters // groups)
        for r in range(ho):
            for c in range(wo):
                weights = kernel_at(f, r, c)
                total = 0
                for ci in range(per_group):
                    for i in range(kh):
                        for j in range(kw):
                            y = tap(r, i, sh, ph, dh)
                            xx = tap(c, j, sw, pw, dw)
                            if 0 <= y < height and 0 <= xx < width:
                                total += x[group * per_group + ci, y, xx] * weights[ci, i, j]
                out[f, r, c] = total + bias_at(f, r, c)
    return out


def naive_conv2d(x, w, b, stride, padding, dilation, groups):
    return naive_conv(
        x, lambda f, r, c: w[f], lambda f, r, c: 0 if b is None else b[f],
        stride, padding, dilation, groups, w.shape[0], w.shape[2:],
    )


def naive_locally_connected(x, w, b, stride, padding, dilation, groups):
    return naive_conv(
        x, lambda f, r, c: w[f, r, c], lambda f, r, c: 0 if b is None else b[f, r, c],
        stride, padding, dilation, groups, w.shape[0], w.shape[4:],
    )
