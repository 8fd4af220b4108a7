"""The order a pass visits a layer's neurons in, and what it has needed by each one.

Identities and coordinates only, never values: which neuron comes n-th, which input rows and
columns it reads, which kernel it uses and how many distinct kernels and parameters the pass
has needed so far. Everything is arithmetic on indices, so a walk over AlexNet's 290,400
neurons costs no more than one over sixteen, and its 105 million unshared weights are never
made. The stepper walks a layer this way too, with the values alongside.
"""

from __future__ import annotations

from typing import Any, Generic, Literal, TypeVar

import numpy as np

from .counts import parameters_per_kernel
from .geometry import ConvLayer, LayerError

Mode = Literal["shared", "unshared"]
Order = Literal["row", "column"]
MODES: tuple[Mode, ...] = ("shared", "unshared")
Current = TypeVar("Current")


class NeuronWalk:
    """One depth slice at a time, row by row (or column by column) within a slice.

    Neurons are numbered from 0 in that order; so are kernels: a filter's shared kernel has
    the filter's number, a neuron's own kernel the neuron's number in row-major order.
    """

    def __init__(self, layer: ConvLayer, mode: Mode = "shared", order: Order = "row") -> None:
        if mode not in MODES:
            raise LayerError("mode", f"must be 'shared' or 'unshared', got {mode!r}")
        if order not in ("row", "column"):
            raise LayerError("order", f"must be 'row' or 'column', got {order!r}")
        self.layer, self.mode, self.order = layer, mode, order
        self.per_slice = layer.out_height * layer.out_width
        self.count = layer.filters * self.per_slice
        """Neurons in the layer: one step each."""
        self.parameters_per_kernel = parameters_per_kernel(layer)

    def cell_of(self, index: int) -> tuple[int, int, int]:
        """(filter, row, col) of the neuron visited `index`-th."""
        index = self.checked(index)
        filter, within = divmod(index, self.per_slice)
        if self.order == "row":
            row, col = divmod(within, self.layer.out_width)
        else:
            col, row = divmod(within, self.layer.out_height)
        return filter, row, col

    def index_of(self, filter: int, row: int, col: int) -> int:
        layer = self.layer
        for name, value, limit in (
            ("filter", filter, layer.filters),
            ("row", row, layer.out_height),
            ("col", col, layer.out_width),
        ):
            if not 0 <= value < limit:
                raise IndexError(f"{name} {value} is outside 0..{limit - 1}")
        return filter * self.per_slice + self._within(row, col)

    def kernel_id(self, filter: int, row: int, col: int) -> int:
        """Which distinct kernel the neuron uses: its filter's, or its own."""
        if self.mode == "shared":
            return filter
        return (filter * self.layer.out_height + row) * self.layer.out_width + col

    def kernels(self) -> int:
        """Distinct kernels in the whole layer."""
        return self.layer.filters if self.mode == "shared" else self.count

    def kernels_used(self, index: int) -> int:
        """Distinct kernels the pass has needed up to and including neuron `index`."""
        return self.cell_of(index)[0] + 1 if self.mode == "shared" else self.checked(index) + 1

    def parameters_used(self, index: int) -> int:
        """Distinct parameters (weights and biases) needed up to and including neuron `index`."""
        return self.kernels_used(index) * self.parameters_per_kernel

    def tap_rows(self, row: int) -> range:
        """The input rows a neuron of output row `row` reads; outside 0..H-1 is padding."""
        (stride, _), (padding, _), (dilation, _) = (
            self.layer.stride,
            self.layer.padding,
            self.layer.dilation,
        )
        first = row * stride - padding
        return range(first, first + self.layer.kernel[0] * dilation, dilation)

    def tap_cols(self, col: int) -> range:
        """The input columns a neuron of output column `col` reads."""
        (_, stride), (_, padding), (_, dilation) = (
            self.layer.stride,
            self.layer.padding,
            self.layer.dilation,
        )
        first = col * stride - padding
        return range(first, first + self.layer.kernel[1] * dilation, dilation)

    def ranks(self) -> np.ndarray:
        """(F, H_out, W_out): each neuron's place in the walk."""
        layer = self.layer
        filters, rows, cols = np.indices((layer.filters, layer.out_height, layer.out_width))
        return filters * self.per_slice + self._within(rows, cols)

    def visited_in_slice(self, filter: int, index: int) -> np.ndarray:
        """(H_out, W_out) True for the neurons of slice `filter` visited by neuron `index`."""
        self.checked(index)
        rows, cols = np.indices((self.layer.out_height, self.layer.out_width))
        return filter * self.per_slice + self._within(rows, cols) <= index

    def kernel_ids(self) -> np.ndarray:
        """(F, H_out, W_out): `kernel_id` of every neuron."""
        f, ho, wo = self.layer.filters, self.layer.out_height, self.layer.out_width
        if self.mode == "shared":
            return np.broadcast_to(np.arange(f)[:, None, None], (f, ho, wo))
        return np.arange(self.count).reshape(f, ho, wo)

    def _within(self, rows: Any, cols: Any) -> Any:
        """Place within its slice of the neuron(s) at `rows`, `cols` (numbers or arrays)."""
        if self.order == "row":
            return rows * self.layer.out_width + cols
        return cols * self.layer.out_height + rows

    def checked(self, index: int) -> int:
        if not 0 <= index < self.count:
            raise IndexError(f"step {index} is outside 0..{self.count - 1}")
        return int(index)


class Cursor(Generic[Current]):
    """A place in a walk and the moves a learner makes from it; what is `current` there is
    up to the subclass (the stepper's whole arithmetic, or just the neuron's number)."""

    def __init__(self, walk: NeuronWalk) -> None:
        self.walk = walk
        self.layer, self.mode, self.order = walk.layer, walk.mode, walk.order
        self.position = 0

    @property
    def count(self) -> int:
        """Number of steps: one per output neuron."""
        return self.walk.count

    @property
    def current(self) -> Current:
        raise NotImplementedError

    def cell_of(self, index: int) -> tuple[int, int, int]:
        """(filter, row, col) of the neuron visited at step `index`."""
        return self.walk.cell_of(index)

    def index_of(self, filter: int, row: int, col: int) -> int:
        return self.walk.index_of(filter, row, col)

    # -- moves: each returns what is current after it ---------------------------------------

    def go_to(self, index: int) -> Current:
        self.position = self.walk.checked(index)
        return self.current

    def forward(self) -> Current:
        return self.go_to(min(self.position + 1, self.count - 1))

    def back(self) -> Current:
        return self.go_to(max(self.position - 1, 0))

    def first(self) -> Current:
        return self.go_to(0)

    def last(self) -> Current:
        return self.go_to(self.count - 1)

    def go_to_cell(self, filter: int, row: int, col: int) -> Current:
        return self.go_to(self.index_of(filter, row, col))

    # -- what the pass has needed so far ----------------------------------------------------

    def kernels_used(self, index: int | None = None) -> int:
        """Distinct weight sets used up to step `index`: one per filter begun, or one per neuron."""
        return self.walk.kernels_used(self.position if index is None else index)

    def parameters_used(self, index: int | None = None) -> int:
        """Distinct parameters (weights and biases) the pass has needed up to step `index`."""
        return self.walk.parameters_used(self.position if index is None else index)


class WalkCursor(Cursor[int]):
    """A cursor over a layer too large to compute: the neuron's number is all it holds."""

    @property
    def current(self) -> int:
        return self.position

    def switched(self, mode: Mode) -> WalkCursor:
        """The same neuron, with weights shared or not."""
        other = WalkCursor(NeuronWalk(self.layer, mode, self.order))
        other.go_to(self.position)
        return other
