"""Named numbers of a layer that a quiz can ask for, each with the arithmetic that gives it.

A lesson never types an answer in: it names one of these quantities and the engine computes it
for whatever layer the question drew, so answers cannot go stale.
"""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import replace
from functools import lru_cache
from typing import TYPE_CHECKING, NamedTuple

from .counts import (
    count_parameters,
    fmt,
    input_values,
    kernel_lines,
    neuron_line,
    parameters_per_kernel,
    total_neurons,
    weights_per_kernel,
)
from .geometry import ConvLayer, extent

if TYPE_CHECKING:
    import numpy as np


class Quantity(NamedTuple):
    """One askable number: what it means, how to compute it, and how to explain it."""

    name: str
    meaning: str
    value: Callable[[ConvLayer], int]
    explain: Callable[[ConvLayer], tuple[str, ...]]


def output_axis_lines(layer: ConvLayer, axis: int) -> tuple[str, ...]:
    """floor((size + 2p - d(k-1) - 1) / s) + 1, with this layer's numbers in it."""
    size = (layer.height, layer.width)[axis]
    k, s = layer.kernel[axis], layer.stride[axis]
    p, d = layer.padding[axis], layer.dilation[axis]
    span = extent(k, d)
    result = (layer.out_height, layer.out_width)[axis]
    lines = []
    if d > 1:
        lines.append(f"dilated kernel spans {d} x ({k} - 1) + 1 = {span}")
    reach = size + 2 * p - span
    if reach % s:
        lines.append(
            f"({size} + 2 x {p} - {span}) / {s} = {reach / s:g}: rounded down to {reach // s}"
        )
        lines.append(f"{reach // s} + 1 = {result}")
    else:
        lines.append(f"({size} + 2 x {p} - {span}) / {s} + 1 = {result}")
    return tuple(lines)


def reads_per_position(layer: ConvLayer, axis: int) -> np.ndarray:
    """For each input row (axis 0) or column (axis 1): how many window taps read it."""
    return _reads(*_axis(layer, axis))


def _axis(layer: ConvLayer, axis: int) -> tuple[int, int, int, int, int]:
    """Size, kernel, stride, padding and dilation along one axis."""
    return (
        (layer.height, layer.width)[axis],
        layer.kernel[axis],
        layer.stride[axis],
        layer.padding[axis],
        layer.dilation[axis],
    )


def _reads(size: int, kernel: int, stride: int, padding: int, dilation: int) -> np.ndarray:
    """Taps reading each position of one axis.

    Tap t of window o reads position o x stride + t x dilation - padding. One tap's reads are
    every stride-th position from its first: a run of neighbours on the lattice of positions
    with its remainder mod stride. Each run is counted with a difference array per lattice,
    so the work grows with kernel + size, never kernel x windows (a 32,768-wide kernel over
    65,536 rows would be a billion steps).
    """
    import numpy as np  # here: the lesson list imports this module, and starts without NumPy

    windows = (size + 2 * padding - extent(kernel, dilation)) // stride + 1
    first = np.arange(kernel, dtype=np.int64) * dilation - padding
    lattice = first % stride
    start = (first - lattice) // stride  # the first read's place on its lattice
    lengths = np.maximum(-(-(size - np.arange(stride)) // stride), 0)  # positions per lattice
    ends, width = lengths[lattice], int(lengths[0]) + 1
    opens = lattice * width + np.clip(start, 0, ends)
    closes = lattice * width + np.clip(start + windows, 0, ends)
    marks = np.bincount(opens, minlength=stride * width) - np.bincount(
        closes, minlength=stride * width
    )
    counts = np.cumsum(marks.reshape(stride, width), axis=1)  # [lattice, place on it]
    return counts[:, :-1].T.ravel()[:size]  # position place x stride + lattice, in order


@lru_cache(maxsize=1024)
def _first_and_most(*axis: int) -> tuple[int, int]:
    """Reads of an axis's first position and of its most-read one (asked again and again for
    the same layer: a question, its prompt and its working)."""
    reads = _reads(*axis)
    return int(reads[0]), int(reads.max())


def corner_reads(layer: ConvLayer) -> int:
    """Products the input's top-left value enters, for one filter."""
    return _first_and_most(*_axis(layer, 0))[0] * _first_and_most(*_axis(layer, 1))[0]


def most_reads(layer: ConvLayer) -> int:
    """Products the most-read input value enters, for one filter (a middle one)."""
    return _first_and_most(*_axis(layer, 0))[1] * _first_and_most(*_axis(layer, 1))[1]


def _reads_lines(layer: ConvLayer, which: str) -> tuple[str, ...]:
    pick = 0 if which == "corner" else 1
    rows, cols = (_first_and_most(*_axis(layer, axis))[pick] for axis in (0, 1))
    return (f"{rows} windows read its row x {cols} read its column = {rows * cols} products",)


def ungrouped_total(layer: ConvLayer) -> int:
    """Parameters of the same layer with every filter reading every channel."""
    return count_parameters(replace(layer, groups=1)).shared.total


def _slice_lines(layer: ConvLayer) -> tuple[str, ...]:
    neurons = layer.out_height * layer.out_width
    return (f"{layer.out_height} x {layer.out_width} = {fmt(neurons)} neurons per depth slice",)


def _scheme_part(scheme: str, part: str) -> Quantity:
    """The weights, biases or total of one counting scheme."""

    def value(layer: ConvLayer) -> int:
        count = getattr(count_parameters(layer), scheme)
        return count.total if part == "total" else getattr(count, part)

    def explain(layer: ConvLayer) -> tuple[str, ...]:
        count = getattr(count_parameters(layer), scheme)
        if part == "total":
            return count.lines
        return (*count.lines, f"of which {fmt(getattr(count, part))} are {part}")

    words = {
        "shared": "with parameter sharing",
        "unshared": "without sharing (locally connected)",
        "dense": "fully connected",
    }[scheme]
    return Quantity(f"{scheme}_{part}", f"{part} {words}", value, explain)


QUANTITIES: dict[str, Quantity] = {
    q.name: q
    for q in (
        Quantity(
            "output_height",
            "output height",
            lambda layer: layer.out_height,
            lambda layer: output_axis_lines(layer, 0),
        ),
        Quantity(
            "output_width",
            "output width",
            lambda layer: layer.out_width,
            lambda layer: output_axis_lines(layer, 1),
        ),
        Quantity(
            "output_depth",
            "output depth (depth slices)",
            lambda layer: layer.filters,
            lambda layer: (f"one depth slice per filter: {layer.filters}",),
        ),
        Quantity(
            "neurons_per_slice",
            "neurons in one depth slice",
            lambda layer: layer.out_height * layer.out_width,
            _slice_lines,
        ),
        Quantity(
            "total_neurons",
            "output neurons",
            total_neurons,
            lambda layer: (neuron_line(layer),),
        ),
        Quantity(
            "input_values",
            "values in the input",
            input_values,
            lambda layer: (
                f"{layer.height} x {layer.width} x {layer.channels} = {fmt(input_values(layer))}",
            ),
        ),
        Quantity(
            "weights_per_filter",
            "weights in one kernel",
            weights_per_kernel,
            lambda layer: kernel_lines(layer)[:-1],
        ),
        Quantity(
            "parameters_per_filter",
            "parameters of one kernel with its bias",
            parameters_per_kernel,
            kernel_lines,
        ),
        Quantity(
            "shared_kernels",
            "distinct kernels with sharing",
            lambda layer: layer.filters,
            lambda layer: (f"one kernel per filter, reused everywhere: {layer.filters}",),
        ),
        Quantity(
            "unshared_kernels",
            "distinct kernels without sharing",
            total_neurons,
            lambda layer: (neuron_line(layer), "one kernel per output neuron"),
        ),
        Quantity(
            "multiplications",
            "multiplications to compute the layer",
            lambda layer: total_neurons(layer) * weights_per_kernel(layer),
            lambda layer: (
                neuron_line(layer),
                *kernel_lines(layer)[:1],
                f"{fmt(total_neurons(layer))} x {fmt(weights_per_kernel(layer))} = "
                f"{fmt(total_neurons(layer) * weights_per_kernel(layer))}, shared or not",
            ),
        ),
        *(
            _scheme_part(scheme, part)
            for scheme in ("shared", "unshared", "dense")
            for part in ("weights", "biases", "total")
        ),
        Quantity(
            "corner_reads",
            "products the top-left input value enters (one filter)",
            corner_reads,
            lambda layer: _reads_lines(layer, "corner"),
        ),
        Quantity(
            "most_reads",
            "products the most-read input value enters (one filter)",
            most_reads,
            lambda layer: _reads_lines(layer, "most"),
        ),
        Quantity(
            "ungrouped_parameters",
            "parameters of the same layer without groups",
            ungrouped_total,
            lambda layer: count_parameters(replace(layer, groups=1)).shared.lines,
        ),
    )
}
