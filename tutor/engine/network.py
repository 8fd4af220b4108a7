"""A whole network counted layer by layer under the three schemes: shared (the network as built),
unshared (every convolution locally connected) and dense (every convolution fully connected).

Plain Python, shapes and counts only. Each stage takes the output shape of the stage it reads
and gives its own; a stage with no weights (a pooling, a residual addition) counts 0. A fully
connected layer is the same in every scheme: it already has a weight for every input of every
neuron. Batch normalisation has a scale and a shift per channel (its running statistics are
buffers, not parameters), the same in every scheme.
"""

from __future__ import annotations

from collections.abc import Sequence
from typing import NamedTuple

from .counts import count_parameters
from .geometry import ConvLayer, LayerError, PairLike

Shape = tuple[int, int, int]
"""(height, width, channels)."""


class Stage(NamedTuple):
    """One layer of a network and what it costs under each scheme."""

    name: str
    kind: str
    output: Shape
    shared: int
    unshared: int
    dense: int
    layer: ConvLayer | None = None
    """The convolution (a fully connected layer is one whose kernel covers its input)."""


class NetworkCount(NamedTuple):
    name: str
    input: Shape
    stages: tuple[Stage, ...]
    published: int = 0
    """The total its source publishes (0 when none is given), to compare with ours."""
    source: str = ""

    def total(self, scheme: str) -> int:
        return sum(getattr(stage, scheme) for stage in self.stages)

    def of_kind(self, kind: str, scheme: str = "shared") -> int:
        return sum(getattr(stage, scheme) for stage in self.stages if stage.kind == kind)


def conv_stage(
    name: str,
    shape: Shape,
    filters: int,
    kernel: PairLike,
    *,
    stride: PairLike = 1,
    padding: PairLike = 0,
    dilation: PairLike = 1,
    groups: int = 1,
    bias: bool = True,
) -> Stage:
    height, width, channels = shape
    layer = ConvLayer(
        height=height,
        width=width,
        channels=channels,
        kernel=kernel,
        filters=filters,
        stride=stride,
        padding=padding,
        dilation=dilation,
        groups=groups,
        bias=bias,
    )
    counts = count_parameters(layer)
    return Stage(
        name,
        "conv",
        layer.output_shape,
        counts.shared.total,
        counts.unshared.total,
        counts.dense.total,
        layer,
    )


def linear_stage(name: str, shape: Shape, features: int, *, bias: bool = True) -> Stage:
    """Every input value (the volume flattened) to each of `features` neurons."""
    inputs = shape[0] * shape[1] * shape[2]
    count = inputs * features + (features if bias else 0)
    return Stage(name, "linear", (1, 1, features), count, count, count)


def batchnorm_stage(name: str, shape: Shape) -> Stage:
    return Stage(name, "batchnorm", shape, 2 * shape[2], 2 * shape[2], 2 * shape[2])


def pool_stage(
    name: str,
    shape: Shape,
    kernel: PairLike,
    *,
    stride: PairLike | None = None,
    padding: PairLike = 0,
) -> Stage:
    """Max or average pooling, sized as frameworks size it (rounded down, the same windows as
    a convolution's); no parameters."""
    height, width, channels = shape
    windows = ConvLayer(
        height=height,
        width=width,
        channels=channels,
        kernel=kernel,
        filters=channels,
        stride=kernel if stride is None else stride,
        padding=padding,
        groups=channels,
        bias=False,
    )
    return Stage(name, "pool", windows.output_shape, 0, 0, 0)


def resize_stage(name: str, shape: Shape, size: tuple[int, int]) -> Stage:
    """An adaptive pooling to a fixed map size, whatever the input's; no parameters."""
    return Stage(name, "resize", (size[0], size[1], shape[2]), 0, 0, 0)


def add_stage(name: str, shapes: Sequence[Shape]) -> Stage:
    """A residual addition of equal volumes; no parameters."""
    if len(set(shapes)) != 1:
        said = ", ".join(" x ".join(map(str, shape)) for shape in shapes)
        raise LayerError("of", f"adds volumes of different shapes: {said}")
    return Stage(name, "add", shapes[0], 0, 0, 0)
