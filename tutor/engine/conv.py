"""Vectorised convolution, shared (conv) and unshared (locally connected), as frameworks compute it.

Both read the input through one strided view of every receptive field, so a 55 x 55 output is
one `einsum`, never a Python loop per output cell. Cross-correlation, like PyTorch: no kernel
flip.
"""

from __future__ import annotations

import numpy as np
from numpy.lib.stride_tricks import sliding_window_view

from .geometry import ConvLayer, LayerError, PairLike, extent


def receptive_fields(x: np.ndarray, layer: ConvLayer) -> np.ndarray:
    """Every window of the zero-padded input: shape (C, H_out, W_out, KH, KW), a strided view."""
    (ph, pw), (sh, sw), (dh, dw) = layer.padding, layer.stride, layer.dilation
    padded = np.pad(x, ((0, 0), (ph, ph), (pw, pw)))
    spans = (extent(layer.kernel[0], dh), extent(layer.kernel[1], dw))
    windows = sliding_window_view(padded, spans, axis=(1, 2))
    return windows[:, ::sh, ::sw, ::dh, ::dw]


def compute_dtype(*arrays: np.ndarray | None) -> np.dtype:
    """Integers stay exact (int64); anything else is summed in float64."""
    return np.result_type(*(a for a in arrays if a is not None), np.int64)


def require_shape(name: str, array: np.ndarray, shape: tuple[int, ...]) -> None:
    """Refuse an array of the wrong shape with a message naming it."""
    actual = np.shape(array)
    if actual != shape:
        raise LayerError(name, f"must have shape {shape}, got {actual}")


def layer_of(
    x: np.ndarray,
    kernel_shape: tuple[int, ...],
    *,
    bias: bool,
    stride: PairLike = 1,
    padding: PairLike = 0,
    dilation: PairLike = 1,
    groups: int = 1,
) -> ConvLayer:
    """The layer an input of shape (C, H, W) and weights of shape (F, C/groups, KH, KW) imply."""
    if x.ndim != 3:
        raise LayerError("input", f"must be (channels, height, width), got shape {x.shape}")
    if len(kernel_shape) != 4:
        raise LayerError("weights", f"must be (filters, channels, kh, kw), got {kernel_shape}")
    channels, height, width = x.shape
    filters, per_group, kh, kw = kernel_shape
    layer = ConvLayer(
        height=height,
        width=width,
        channels=channels,
        kernel=(kh, kw),
        filters=filters,
        stride=stride,
        padding=padding,
        dilation=dilation,
        groups=groups,
        bias=bias,
    )
    if per_group != layer.channels_per_group:
        raise LayerError(
            "weights",
            f"need {layer.channels_per_group} input channels per filter, got {per_group}",
        )
    return layer


def _grouped_fields(x: np.ndarray, layer: ConvLayer) -> np.ndarray:
    """Receptive fields split by group: (G, C/G, H_out, W_out, KH, KW)."""
    windows = receptive_fields(x, layer)
    return windows.reshape(layer.groups, layer.channels_per_group, *windows.shape[1:])


def _apply_kernels(
    x: np.ndarray,
    w: np.ndarray,
    b: np.ndarray | None,
    layer: ConvLayer,
    subscripts: str,
    kernel_shape: tuple[int, ...],
    bias_shape: tuple[int, ...],
) -> np.ndarray:
    """Contract the receptive fields with the kernels and add the bias, in an exact dtype."""
    bias = None if b is None else np.asarray(b)
    dtype = compute_dtype(x, w, bias)
    fields = _grouped_fields(x.astype(dtype, copy=False), layer)
    kernels = w.astype(dtype, copy=False).reshape(kernel_shape)
    out = np.einsum(subscripts, fields, kernels, optimize=True)
    out = out.reshape(layer.filters, layer.out_height, layer.out_width)
    if bias is None:
        return out
    require_shape("bias", bias, bias_shape)
    return out + bias.astype(dtype).reshape(bias_shape + (1,) * (3 - len(bias_shape)))


def conv2d(
    x: np.ndarray,
    w: np.ndarray,
    b: np.ndarray | None = None,
    *,
    stride: PairLike = 1,
    padding: PairLike = 0,
    dilation: PairLike = 1,
    groups: int = 1,
) -> np.ndarray:
    """Shared-weight convolution. x (C, H, W), w (F, C/groups, KH, KW), b (F,) -> (F, Ho, Wo)."""
    x, w = np.asarray(x), np.asarray(w)
    layer = layer_of(
        x,
        w.shape,
        bias=b is not None,
        stride=stride,
        padding=padding,
        dilation=dilation,
        groups=groups,
    )
    g = layer.groups
    kernel_shape = (g, layer.filters_per_group, layer.channels_per_group, *layer.kernel)
    return _apply_kernels(x, w, b, layer, "gcyxij,gocij->goyx", kernel_shape, (layer.filters,))


def locally_connected2d(
    x: np.ndarray,
    w: np.ndarray,
    b: np.ndarray | None = None,
    *,
    stride: PairLike = 1,
    padding: PairLike = 0,
    dilation: PairLike = 1,
    groups: int = 1,
) -> np.ndarray:
    """Unshared weights: w (F, Ho, Wo, C/groups, KH, KW), one kernel per output neuron.

    b, when given, is (F, Ho, Wo): a bias per neuron too. Returns (F, Ho, Wo).
    """
    x, w = np.asarray(x), np.asarray(w)
    if w.ndim != 6:
        raise LayerError("weights", f"must be (filters, ho, wo, channels, kh, kw), got {w.shape}")
    filters, _, _, per_group, kh, kw = w.shape
    layer = layer_of(
        x,
        (filters, per_group, kh, kw),
        bias=b is not None,
        stride=stride,
        padding=padding,
        dilation=dilation,
        groups=groups,
    )
    ho, wo = layer.out_height, layer.out_width
    require_shape("weights", w, (filters, ho, wo, per_group, kh, kw))
    kernel_shape = (layer.groups, layer.filters_per_group, ho, wo, per_group, kh, kw)
    return _apply_kernels(x, w, b, layer, "gcyxij,goyxcij->goyx", kernel_shape, (filters, ho, wo))
