"""How many parameters one layer needs under three schemes, with the arithmetic spelled out.

Shared (a convolution), unshared (locally connected: a kernel of its own for every output
neuron) and dense (every input value wired to every output neuron). The breakdown lines are
what a learner checks by hand, so each is one multiplication or addition with its result.
All counts are Python ints: the seed's dense layer alone has 44,892,355,200 parameters.
"""

from __future__ import annotations

from typing import NamedTuple

from .geometry import ConvLayer
from .words import fmt, plural


def weights_per_kernel(layer: ConvLayer) -> int:
    """KH x KW x C/groups: one kernel spans every input channel of its group."""
    kh, kw = layer.kernel
    return kh * kw * layer.channels_per_group


def parameters_per_kernel(layer: ConvLayer) -> int:
    """Weights of one kernel plus its bias, if the layer has biases."""
    return weights_per_kernel(layer) + int(layer.bias)


def total_neurons(layer: ConvLayer) -> int:
    return layer.out_height * layer.out_width * layer.filters


def input_values(layer: ConvLayer) -> int:
    return layer.height * layer.width * layer.channels


SCHEME_MEANINGS = {
    "shared": "convolution",
    "unshared": "locally connected",
    "dense": "fully connected",
}
"""What each counting scheme is called elsewhere, said beside its name wherever counts show."""


class SchemeCount(NamedTuple):
    """Parameters of one scheme, and the lines of arithmetic that produce them."""

    scheme: str
    weights: int
    biases: int
    lines: tuple[str, ...]

    @property
    def total(self) -> int:
        return self.weights + self.biases

    def as_dict(self) -> dict[str, int]:
        return {"weights": self.weights, "biases": self.biases, "total": self.total}


class ParameterCounts(NamedTuple):
    """The three schemes side by side for one layer."""

    layer: ConvLayer
    shared: SchemeCount
    unshared: SchemeCount
    dense: SchemeCount

    @property
    def schemes(self) -> tuple[SchemeCount, SchemeCount, SchemeCount]:
        return (self.shared, self.unshared, self.dense)

    def as_dict(self) -> dict[str, object]:
        """The shape scripts and graders read: output size and each scheme's three numbers."""
        h, w, c = self.layer.output_shape
        result: dict[str, object] = {"output": {"h": h, "w": w, "c": c}}
        result.update({scheme.scheme: scheme.as_dict() for scheme in self.schemes})
        return result


def kernel_lines(layer: ConvLayer) -> tuple[str, ...]:
    """How big one kernel is, and what it costs with its bias."""
    kh, kw = layer.kernel
    per_group = layer.channels_per_group
    weights = weights_per_kernel(layer)
    lines = [f"{kh} x {kw} x {per_group} = {fmt(weights)} weights per kernel"]
    if layer.groups > 1:
        lines.append(
            f"(each kernel sees {per_group} of {layer.channels} channels: "
            f"{layer.channels} / {layer.groups} groups)"
        )
    if layer.bias:
        lines.append(f"{fmt(weights)} + 1 bias = {fmt(weights + 1)} parameters per kernel")
    else:
        lines.append(f"no bias: {fmt(weights)} parameters per kernel")
    return tuple(lines)


def neuron_line(layer: ConvLayer) -> str:
    h, w, c = layer.output_shape
    return f"{h} x {w} x {c} = {fmt(total_neurons(layer))} neurons"


def shared_count(layer: ConvLayer) -> SchemeCount:
    """One kernel per filter, reused at every position of its depth slice.

    The lines give the weights' shape as PyTorch stores them (out channels x in channels x
    rows x cols) and end with the split CS231n gives (34,848 weights + 96 biases = 34,944),
    which one filter does not need: its kernel's line says it already.
    """
    per_kernel = parameters_per_kernel(layer)
    total = layer.filters * per_kernel
    weights = layer.filters * weights_per_kernel(layer)
    kh, kw = layer.kernel
    lines = [
        *kernel_lines(layer),
        f"PyTorch shape {layer.filters} x {layer.channels_per_group} x {kh} x {kw} "
        "(out, in, kh, kw)",
        f"{plural(layer.filters, 'filter')} x {fmt(per_kernel)} = {fmt(total)}",
    ]
    if layer.bias and layer.filters > 1:  # with one filter it is the kernel's line again
        lines.append(
            f"{fmt(weights)} weights + {fmt(layer.filters)} "
            f"{'bias' if layer.filters == 1 else 'biases'} = {fmt(total)}"
        )
    return SchemeCount(
        scheme="shared",
        weights=weights,
        biases=layer.filters if layer.bias else 0,
        lines=tuple(lines),
    )


def unshared_count(layer: ConvLayer) -> SchemeCount:
    """A kernel of its own (and a bias of its own) for every output neuron."""
    neurons = total_neurons(layer)
    per_kernel = parameters_per_kernel(layer)
    return SchemeCount(
        scheme="unshared",
        weights=neurons * weights_per_kernel(layer),
        biases=neurons if layer.bias else 0,
        lines=(
            neuron_line(layer),
            *kernel_lines(layer),
            f"{fmt(neurons)} x {fmt(per_kernel)} = {fmt(neurons * per_kernel)}",
        ),
    )


def dense_count(layer: ConvLayer) -> SchemeCount:
    """Every input value connected to every output neuron: a fully connected layer."""
    inputs, outputs = input_values(layer), total_neurons(layer)
    weights = inputs * outputs
    biases = outputs if layer.bias else 0
    lines = [
        f"{layer.height} x {layer.width} x {layer.channels} = {fmt(inputs)} input values",
        neuron_line(layer),
        f"{fmt(inputs)} x {fmt(outputs)} = {fmt(weights)} weights",
    ]
    if layer.bias:
        lines.append(f"{fmt(weights)} + {fmt(biases)} biases = {fmt(weights + biases)}")
    return SchemeCount(scheme="dense", weights=weights, biases=biases, lines=tuple(lines))


def count_parameters(layer: ConvLayer) -> ParameterCounts:
    return ParameterCounts(
        layer=layer,
        shared=shared_count(layer),
        unshared=unshared_count(layer),
        dense=dense_count(layer),
    )
