"""Named numbers of a stack of layers a quiz can ask for, each with its arithmetic: how far
back the last layer sees, and what the stack costs against one layer that sees as far.

Like the layer quantities, a lesson names one and the engine computes it for whichever stack
the question drew.
"""

from __future__ import annotations

from collections.abc import Callable, Sequence
from typing import NamedTuple

from .counts import fmt, shared_count
from .geometry import ConvLayer, extent
from .stack import one_layer_like, receptive_field


class StackQuantity(NamedTuple):
    """One askable number of a stack: what it means, how to compute it, how to explain it."""

    name: str
    meaning: str
    value: Callable[[Sequence[ConvLayer]], int]
    explain: Callable[[Sequence[ConvLayer]], tuple[str, ...]]


def field_lines(layers: Sequence[ConvLayer], axis: int) -> tuple[str, ...]:
    """Walking back from one neuron: each layer widens the field by (its kernel's extent - 1)
    steps of the input, a step being the product of the strides before it."""
    size, step, lines = 1, 1, ["one neuron of the last layer: 1"]
    for n, layer in enumerate(layers, start=1):
        span = extent(layer.kernel[axis], layer.dilation[axis])
        grown = size + (span - 1) * step
        lines.append(f"layer {n}: {size} + ({span} - 1) x {step} = {grown}")
        size, step = grown, step * layer.stride[axis]
    return tuple(lines)


def weight_count(layer: ConvLayer) -> int:
    return shared_count(layer).weights


def total_count(layer: ConvLayer) -> int:
    return shared_count(layer).total


def count_line(layer: ConvLayer, count: Callable[[ConvLayer], int]) -> str:
    """F x C x KH x KW weights (and F biases, when counted) = the count."""
    kh, kw = layer.kernel
    shape = f"{layer.filters} x {layer.channels_per_group} x {kh} x {kw} weights"
    if count is total_count and layer.bias:
        shape += f" + {fmt(layer.filters)} biases"
    return f"{shape} = {fmt(count(layer))}"


def sum_lines(layers: Sequence[ConvLayer], count: Callable[[ConvLayer], int]) -> tuple[str, ...]:
    """Each layer's count with its kernel, then the sum."""
    lines = [f"layer {n}: {count_line(layer, count)}" for n, layer in enumerate(layers, start=1)]
    if len(layers) > 1:
        added = " + ".join(fmt(count(layer)) for layer in layers)
        lines.append(f"{added} = {fmt(_sum(layers, count))}")
    return tuple(lines)


def _sum(layers: Sequence[ConvLayer], count: Callable[[ConvLayer], int]) -> int:
    return sum(count(layer) for layer in layers)


def one_layer_lines(
    layers: Sequence[ConvLayer], count: Callable[[ConvLayer], int]
) -> tuple[str, ...]:
    """The one layer with the stack's receptive field as its kernel, counted."""
    single = one_layer_like(layers)
    kh, kw = single.kernel
    return (f"one {kh} x {kw} layer: {count_line(single, count)}",)


STACK_QUANTITIES: dict[str, StackQuantity] = {
    quantity.name: quantity
    for quantity in (
        StackQuantity(
            "receptive_field_rows",
            "rows of the input one neuron of the last layer sees",
            lambda layers: receptive_field(layers)[0],
            lambda layers: field_lines(layers, 0),
        ),
        StackQuantity(
            "receptive_field_cols",
            "columns of the input one neuron of the last layer sees",
            lambda layers: receptive_field(layers)[1],
            lambda layers: field_lines(layers, 1),
        ),
        StackQuantity(
            "stack_weights",
            "weights of the whole stack, shared",
            lambda layers: _sum(layers, weight_count),
            lambda layers: sum_lines(layers, weight_count),
        ),
        StackQuantity(
            "stack_total",
            "parameters of the whole stack, shared",
            lambda layers: _sum(layers, total_count),
            lambda layers: sum_lines(layers, total_count),
        ),
        StackQuantity(
            "one_layer_weights",
            "weights of one layer seeing as far as the stack",
            lambda layers: weight_count(one_layer_like(layers)),
            lambda layers: one_layer_lines(layers, weight_count),
        ),
        StackQuantity(
            "one_layer_total",
            "parameters of one layer seeing as far as the stack",
            lambda layers: total_count(one_layer_like(layers)),
            lambda layers: one_layer_lines(layers, total_count),
        ),
    )
}
