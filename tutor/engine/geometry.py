"""The shape of one convolutional layer, checked once so that everything downstream can trust it.

A `ConvLayer` says nothing about values: only sizes. Every count, every output size and every
stepper walk in the tutor starts from one of these, so an impossible layer is refused here with a
message that names the field, rather than turning into a NumPy error somewhere later.
"""

from __future__ import annotations

from bisect import bisect_left
from dataclasses import dataclass
from typing import TYPE_CHECKING

from .words import plural

Pair = tuple[int, int]
PairLike = int | tuple[int, int]

MAX_DIMENSION = 65_536
"""Largest value any size, stride, padding or dilation may take (documented limit)."""


class LayerError(ValueError):
    """An impossible layer. `field` is the layer key at fault, so callers can prefix a path."""

    def __init__(self, field: str, problem: str) -> None:
        super().__init__(f"{field}: {problem}")
        self.field = field
        self.problem = problem


def _as_int(field: str, value: object) -> int:
    if isinstance(value, bool) or not isinstance(value, int):
        raise LayerError(field, f"must be a whole number, got {value!r}")
    return value


def _as_pair(field: str, value: object) -> Pair:
    """Accept 3 or (3, 5): a single number means the same for rows and columns."""
    if isinstance(value, (tuple, list)):
        if len(value) != 2:
            raise LayerError(field, f"must be one number or a (rows, cols) pair, got {value!r}")
        return (_as_int(field, value[0]), _as_int(field, value[1]))
    number = _as_int(field, value)
    return (number, number)


def _check_range(field: str, values: tuple[int, ...], low: int) -> None:
    for value in values:
        if value < low:
            raise LayerError(field, f"must be >= {low}, got {value}")
        if value > MAX_DIMENSION:
            raise LayerError(field, f"must be <= {MAX_DIMENSION:,}, got {value:,}")


def extent(kernel: int, dilation: int) -> int:
    """How many input rows (or columns) one kernel window spans once dilated."""
    return dilation * (kernel - 1) + 1


def output_length(size: int, kernel: int, stride: int, padding: int, dilation: int) -> int:
    """floor((size + 2p - d(k-1) - 1) / s) + 1: the size frameworks give one output axis."""
    return (size + 2 * padding - extent(kernel, dilation)) // stride + 1


def checked_field(name: str, value: object) -> object:
    """One field of a layer on its own, as the layer holds it (a single number for a pair
    field becomes (n, n)); LayerError if no layer can have it. What fields must be together
    (groups dividing the channels, a kernel that fits) the layer checks once all are fine."""
    if name in PAIR_FIELDS:
        pair = _as_pair(name, value)
        _check_range(name, pair, 0 if name == "padding" else 1)
        return pair
    if name == "bias":
        if not isinstance(value, bool):
            raise LayerError("bias", f"must be true or false, got {value!r}")
        return value
    number = _as_int(name, value)
    _check_range(name, (number,), 1)
    return number


SIZE_FIELDS = ("height", "width", "channels", "filters", "groups")
"""A layer's whole-number fields (each at least 1)."""
PAIR_FIELDS = ("kernel", "stride", "padding", "dilation")
"""A layer's (rows, cols) fields: one number stands for both."""
LAYER_FIELDS = (
    "height",
    "width",
    "channels",
    "kernel",
    "filters",
    "stride",
    "padding",
    "dilation",
    "groups",
    "bias",
)
"""Every field of a layer, in the order lessons and the calculator list them."""
LAYER_DEFAULTS: dict[str, object] = {
    "channels": 1,
    "filters": 1,
    "stride": 1,
    "padding": 0,
    "dilation": 1,
    "groups": 1,
    "bias": True,
}
"""What a lesson's layer gets for a field it leaves out (height, width and kernel it may not)."""


@dataclass(frozen=True)
class ConvLayer:
    """Sizes of a 2-D convolution: input H x W x C, kernels, filters, stride, padding, dilation.

    `kernel`, `stride`, `padding` and `dilation` are (rows, cols) pairs; a single number given for
    one of them is stored as the pair (n, n). Construction raises `LayerError` for any layer a
    framework would refuse.
    """

    height: int
    width: int
    channels: int
    kernel: Pair
    filters: int
    stride: Pair = (1, 1)
    padding: Pair = (0, 0)
    dilation: Pair = (1, 1)
    groups: int = 1
    bias: bool = True

    if TYPE_CHECKING:  # what construction takes: a single number for a pair field too

        def __init__(
            self,
            height: int,
            width: int,
            channels: int,
            kernel: PairLike,
            filters: int,
            stride: PairLike = 1,
            padding: PairLike = 0,
            dilation: PairLike = 1,
            groups: int = 1,
            bias: bool = True,
        ) -> None: ...

    def __post_init__(self) -> None:
        for name in LAYER_FIELDS:
            object.__setattr__(self, name, checked_field(name, getattr(self, name)))
        if self.channels % self.groups:
            raise LayerError(
                "groups", f"must divide the input channels ({self.channels}), got {self.groups}"
            )
        if self.filters % self.groups:
            raise LayerError(
                "groups", f"must divide the filters ({self.filters}), got {self.groups}"
            )
        for axis, size in ((0, self.height), (1, self.width)):
            span = extent(self.kernel[axis], self.dilation[axis])
            padded = size + 2 * self.padding[axis]
            if span > padded:
                what = "height" if axis == 0 else "width"
                raise LayerError(
                    "kernel",
                    f"spans {span} {'rows' if axis == 0 else 'columns'}, more than the padded "
                    f"input {what} {padded}",
                )

    def _output_axis(self, axis: int) -> int:
        size = (self.height, self.width)[axis]
        k, s, p, d = self.kernel[axis], self.stride[axis], self.padding[axis], self.dilation[axis]
        return output_length(size, k, s, p, d)

    @property
    def out_height(self) -> int:
        return self._output_axis(0)

    @property
    def out_width(self) -> int:
        return self._output_axis(1)

    @property
    def output_shape(self) -> tuple[int, int, int]:
        """(height, width, depth) of the output volume."""
        return (self.out_height, self.out_width, self.filters)

    @property
    def padded_shape(self) -> Pair:
        return (self.height + 2 * self.padding[0], self.width + 2 * self.padding[1])

    @property
    def channels_per_group(self) -> int:
        """Input channels each filter sees: all of them unless the layer is grouped."""
        return self.channels // self.groups

    @property
    def filters_per_group(self) -> int:
        return self.filters // self.groups

    @property
    def unused(self) -> Pair:
        """Padded rows and columns the last window never reaches when the stride does not fit."""
        leftover = []
        for axis in (0, 1):
            span = extent(self.kernel[axis], self.dilation[axis])
            leftover.append((self.padded_shape[axis] - span) % self.stride[axis])
        return (leftover[0], leftover[1])

    @property
    def unread(self) -> Pair:
        """Input rows and columns (padding aside) that no window reads: at the far edge when
        the stride does not fit, and between windows when it is longer than the kernel."""
        counts = []
        for axis in (0, 1):
            size = (self.height, self.width)[axis]
            kernel, dilation = self.kernel[axis], self.dilation[axis]
            stride, pad = self.stride[axis], self.padding[axis]
            windows = (self.out_height, self.out_width)[axis]
            read = bytearray(size)
            if dilation == 1:  # each window reads one run of rows
                for start in range(-pad, windows * stride - pad, stride):
                    low, high = max(start, 0), min(start + kernel, size)
                    read[low:high] = b"\x01" * max(high - low, 0)
            else:  # each tap reads every stride-th row from where it starts
                for tap in range(kernel):
                    rows = range(
                        tap * dilation - pad, tap * dilation - pad + windows * stride, stride
                    )
                    inside = rows[bisect_left(rows, 0) : bisect_left(rows, size)]
                    if inside:
                        read[inside.start : inside.stop : stride] = b"\x01" * len(inside)
            counts.append(size - sum(read))
        return (counts[0], counts[1])

    def leftover_words(self) -> str:
        """What no window reads, in a learner's words."""
        rows, cols = self.unread
        if rows == cols == 0:
            return "only padding is left over: every input value is read"
        parts = [plural(n, noun) for n, noun in ((rows, "input row"), (cols, "input column")) if n]
        verb = "is" if rows + cols == 1 else "are"
        return f"{' and '.join(parts)} {verb} never read"

    @property
    def fits_exactly(self) -> bool:
        """True when the windows cover the padded input with nothing left over."""
        return self.unused == (0, 0)

    def describe(self) -> str:
        """One line a learner can read: input, filters and whatever differs from the defaults."""
        kh, kw = self.kernel
        parts = [
            f"input {self.height} x {self.width} x {self.channels}",
            f"{plural(self.filters, 'filter')} of {kh} x {kw} x {self.channels_per_group}",
        ]
        for name, default in (("stride", (1, 1)), ("padding", (0, 0)), ("dilation", (1, 1))):
            value = getattr(self, name)
            if value != default or name == "stride":
                parts.append(f"{name} {format_pair(value)}")
        if self.groups > 1:
            parts.append(f"{self.groups} groups")
        if not self.bias:
            parts.append("no bias")
        return ", ".join(parts)


def pytorch_line(layer: ConvLayer) -> str:
    """The same layer as PyTorch builds it: nn.Conv2d(3, 96, kernel_size=11, stride=4)."""
    parts = [str(layer.channels), str(layer.filters), f"kernel_size={_torch_pair(layer.kernel)}"]
    for name, default in (("stride", (1, 1)), ("padding", (0, 0)), ("dilation", (1, 1))):
        value = getattr(layer, name)
        if value != default:
            parts.append(f"{name}={_torch_pair(value)}")
    if layer.groups > 1:
        parts.append(f"groups={layer.groups}")
    if not layer.bias:
        parts.append("bias=False")
    return f"nn.Conv2d({', '.join(parts)})"


def _torch_pair(pair: Pair) -> str:
    return str(pair[0]) if pair[0] == pair[1] else f"({pair[0]}, {pair[1]})"


def format_pair(pair: Pair) -> str:
    """(2, 2) as "2", (2, 1) as "2x1": the way the command line spells it."""
    return str(pair[0]) if pair[0] == pair[1] else f"{pair[0]}x{pair[1]}"
