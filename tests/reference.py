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
        x,
        lambda f, r, c: w[f],
        lambda f, r, c: 0 if b is None else b[f],
        stride,
        padding,
        dilation,
        groups,
        w.shape[0],
        w.shape[2:],
    )


def naive_locally_connected(x, w, b, stride, padding, dilation, groups):
    return naive_conv(
        x,
        lambda f, r, c: w[f, r, c],
        lambda f, r, c: 0 if b is None else b[f, r, c],
        stride,
        padding,
        dilation,
        groups,
        w.shape[0],
        w.shape[4:],
    )


def naive_conv_matrix(w, height, width, stride, padding, dilation):
    """M with M @ x.flat = the convolution of x: one row per neuron, entry by entry."""
    filters, channels, kh, kw = w.shape
    (sh, sw), (ph, pw), (dh, dw) = stride, padding, dilation
    ho = out_size(height, kh, sh, ph, dh)
    wo = out_size(width, kw, sw, pw, dw)
    matrix = np.zeros((filters * ho * wo, channels * height * width), dtype=np.int64)
    for f in range(filters):
        for r in range(ho):
            for c in range(wo):
                row = (f * ho + r) * wo + c
                for ci in range(channels):
                    for i in range(kh):
                        for j in range(kw):
                            y, xx = tap(r, i, sh, ph, dh), tap(c, j, sw, pw, dw)
                            if 0 <= y < height and 0 <= xx < width:
                                matrix[row, (ci * height + y) * width + xx] = w[f, ci, i, j]
    return matrix


def reference_quantity(name: str, layer) -> int:
    """Each quiz quantity written straight from its textbook formula, independent of the engine."""
    kh, kw = layer.kernel
    ho = out_size(layer.height, kh, layer.stride[0], layer.padding[0], layer.dilation[0])
    wo = out_size(layer.width, kw, layer.stride[1], layer.padding[1], layer.dilation[1])
    per_kernel = kh * kw * (layer.channels // layer.groups)
    bias = 1 if layer.bias else 0
    neurons = ho * wo * layer.filters
    inputs = layer.height * layer.width * layer.channels
    table = {
        "output_height": ho,
        "output_width": wo,
        "output_depth": layer.filters,
        "neurons_per_slice": ho * wo,
        "total_neurons": neurons,
        "input_values": inputs,
        "weights_per_filter": per_kernel,
        "parameters_per_filter": per_kernel + bias,
        "shared_kernels": layer.filters,
        "unshared_kernels": neurons,
        "multiplications": neurons * per_kernel,
        "shared_weights": layer.filters * per_kernel,
        "shared_biases": layer.filters * bias,
        "shared_total": layer.filters * (per_kernel + bias),
        "unshared_weights": neurons * per_kernel,
        "unshared_biases": neurons * bias,
        "unshared_total": neurons * (per_kernel + bias),
        "dense_weights": inputs * neurons,
        "dense_biases": neurons * bias,
        "dense_total": inputs * neurons + neurons * bias,
        "corner_reads": reads(layer, 0)[0] * reads(layer, 1)[0],
        "most_reads": max(reads(layer, 0)) * max(reads(layer, 1)),
        "ungrouped_parameters": layer.filters * (kh * kw * layer.channels + bias),
    }
    return table[name]


def reads(layer, axis: int) -> list[int]:
    """Taps reading each input row (or column), counted window by window, tap by tap."""
    size = (layer.height, layer.width)[axis]
    kernel = layer.kernel[axis]
    count = [0] * size
    for window in range(
        out_size(size, kernel, layer.stride[axis], layer.padding[axis], layer.dilation[axis])
    ):
        for tap in range(kernel):
            row = window * layer.stride[axis] - layer.padding[axis] + tap * layer.dilation[axis]
            if 0 <= row < size:
                count[row] += 1
    return count


def naive_conv2d_backward(x, w, grad_out, stride, padding, dilation, groups):
    """(grad_x, grad_w, grad_b) from the chain rule, one product at a time: every output neuron
    sends its upstream value to each weight (times the input it read) and each input cell
    (times the weight that read it)."""
    _, height, width = x.shape
    filters, per_group, kh, kw = w.shape
    (sh, sw), (ph, pw), (dh, dw) = stride, padding, dilation
    _, ho, wo = grad_out.shape
    grad_x = np.zeros(x.shape, dtype=object)
    grad_w = np.zeros(w.shape, dtype=object)
    grad_b = np.zeros(filters, dtype=object)
    for f in range(filters):
        group = f // (filters // groups)
        for r in range(ho):
            for c in range(wo):
                upstream = grad_out[f, r, c]
                grad_b[f] += upstream
                for ci in range(per_group):
                    channel = group * per_group + ci
                    for i in range(kh):
                        for j in range(kw):
                            y = tap(r, i, sh, ph, dh)
                            xx = tap(c, j, sw, pw, dw)
                            if 0 <= y < height and 0 <= xx < width:
                                grad_w[f, ci, i, j] += upstream * x[channel, y, xx]
                                grad_x[channel, y, xx] += upstream * w[f, ci, i, j]
    return grad_x, grad_w, grad_b
