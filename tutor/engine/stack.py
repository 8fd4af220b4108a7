"""Layers stacked, each reading the previous one's output: how far back one neuron of the last
layer sees, and what the stack costs. Why two 3 x 3 layers see 5 x 5 and three see 7 x 7, with
27·C² weights where one 7 x 7 layer needs 49·C².

Plain Python: only shapes and counts, nothing computed on values.
"""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import replace

from .counts import shared_count
from .geometry import ConvLayer, LayerError, Pair, extent


def check_stack(layers: Sequence[ConvLayer]) -> None:
    """LayerError naming the first layer (from 1) whose input is not the previous output."""
    if not layers:
        raise LayerError("layers", "a stack needs at least one layer")
    for n in range(1, len(layers)):
        before, layer = layers[n - 1], layers[n]
        given = (layer.height, layer.width, layer.channels)
        if given != before.output_shape:
            h, w, c = before.output_shape
            raise LayerError(
                f"layers[{n}]",
                f"layer {n + 1} reads {given[0]} x {given[1]} x {given[2]}, but layer {n} "
                f"makes {h} x {w} x {c}",
            )


def receptive_field(layers: Sequence[ConvLayer]) -> Pair:
    """(rows, cols) of the input one neuron of the last layer depends on, padding included.

    Walking back from that neuron: each layer widens the region by (its kernel's extent - 1)
    steps of the layers before it, and a step there is the product of their strides."""
    check_stack(layers)
    size, step = [1, 1], [1, 1]
    for layer in layers:
        for axis in (0, 1):
            size[axis] += (extent(layer.kernel[axis], layer.dilation[axis]) - 1) * step[axis]
            step[axis] *= layer.stride[axis]
    return size[0], size[1]


def stack_parameters(layers: Sequence[ConvLayer]) -> int:
    """The stack's parameters with sharing: each layer's weights and biases, added."""
    check_stack(layers)
    return sum(shared_count(layer).total for layer in layers)


def repeated(layer: ConvLayer, count: int) -> tuple[ConvLayer, ...]:
    """`layer` and `count` - 1 more like it (same kernel, stride, padding, dilation, filters,
    groups and bias), each reading the previous one's output. LayerError if one cannot."""
    layers = [layer]
    for _ in range(count - 1):
        h, w, c = layers[-1].output_shape
        layers.append(replace(layer, height=h, width=w, channels=c))
    return tuple(layers)


def one_layer_like(layers: Sequence[ConvLayer]) -> ConvLayer:
    """The single layer that sees what the stack sees: a kernel as large as its receptive
    field, stepping as far as the stack does, from the first layer's input to the last layer's
    filters (padding as the stack's, so it keeps the same positions)."""
    rows, cols = receptive_field(layers)
    step, padding = [1, 1], [0, 0]
    for layer in layers:
        for axis in (0, 1):
            padding[axis] += layer.padding[axis] * step[axis]
            step[axis] *= layer.stride[axis]
    first = layers[0]
    return ConvLayer(
        height=first.height,
        width=first.width,
        channels=first.channels,
        kernel=(rows, cols),
        filters=layers[-1].filters,
        stride=(step[0], step[1]),
        padding=(padding[0], padding[1]),
        bias=layers[-1].bias,
    )
