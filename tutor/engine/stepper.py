"""Walk one layer's output a neuron at a time, exposing everything a learner needs to check it.

The whole layer is computed once, with NumPy, when the stepper is made. A move only picks an
index: building a `Step` costs one kernel's worth of work however large the layer is, so a
screen can step, jump to the end or point at any cell without recomputing the convolution.
"""

from __future__ import annotations

from dataclasses import dataclass
from typing import NamedTuple

import numpy as np

from .conv import compute_dtype, conv2d, locally_connected2d, receptive_fields, require_shape
from .geometry import ConvLayer, LayerError
from .walk import Cursor, Mode, NeuronWalk, Order


@dataclass(frozen=True)
class Step:
    """One output neuron: where it is, what it read, what it multiplied and what it produced."""

    index: int
    filter: int
    row: int
    col: int
    channels: range
    """Input channels this filter reads (all of them unless the layer is grouped)."""
    tap_rows: np.ndarray
    """(KH,) input row read by each kernel row; outside 0..H-1 means zero padding."""
    tap_cols: np.ndarray
    """(KW,) input column read by each kernel column."""
    in_padding: np.ndarray
    """(KH, KW) True where the tap falls on zero padding rather than on the input."""
    inputs: np.ndarray
    """(C/groups, KH, KW) values under the window, zeros where it covers padding."""
    weights: np.ndarray
    products: np.ndarray
    running: np.ndarray
    """Cumulative sum of the products in reading order: channel, then row, then column."""
    row_totals: np.ndarray
    """(C/groups, KH) sum of the products of each kernel row, per channel."""
    channel_totals: np.ndarray
    """(C/groups,) sum of the products of each channel."""
    total: np.generic
    bias: np.generic
    result: np.generic
    kernel_id: int
    """Which distinct set of weights made this neuron: its filter if shared, else its own."""


class WeightReach(NamedTuple):
    """Where one weight is used: the input cells it multiplies and how many products it enters."""

    cells: np.ndarray
    """(H, W) True for every real input cell this weight multiplies (padding left out)."""
    uses: int
    """Number of products the weight takes part in, padding taps included."""


class Stepper(Cursor[Step]):
    """Steps through a layer's neurons one depth slice at a time, row-major unless told otherwise.

    `weights` is (F, C/groups, KH, KW) in shared mode and (F, H_out, W_out, C/groups, KH, KW) in
    unshared (locally connected) mode; `biases` is (F,) or (F, H_out, W_out) to match, or None for
    a layer without bias.
    """

    def __init__(
        self,
        layer: ConvLayer,
        inputs: np.ndarray,
        weights: np.ndarray,
        biases: np.ndarray | None = None,
        *,
        mode: Mode = "shared",
        order: Order = "row",
    ) -> None:
        super().__init__(NeuronWalk(layer, mode, order))
        f, ho, wo = layer.filters, layer.out_height, layer.out_width
        kernel = (layer.channels_per_group, *layer.kernel)
        shapes = {"shared": ((f, *kernel), (f,)), "unshared": ((f, ho, wo, *kernel), (f, ho, wo))}
        weight_shape, bias_shape = shapes[mode]
        require_shape("input", inputs, (layer.channels, layer.height, layer.width))
        require_shape("weights", weights, weight_shape)
        if layer.bias != (biases is not None):
            raise LayerError("bias", "give biases exactly when the layer has a bias")
        if biases is not None:
            require_shape("bias", biases, bias_shape)

        dtype = compute_dtype(inputs, weights, biases)
        self.inputs = np.asarray(inputs, dtype=dtype)
        self.weights = np.asarray(weights, dtype=dtype)
        self.biases = None if biases is None else np.asarray(biases, dtype=dtype)
        self._zero = dtype.type(0)
        self._fields = receptive_fields(self.inputs, layer)
        convolve = conv2d if mode == "shared" else locally_connected2d
        self.output: np.ndarray = convolve(
            self.inputs,
            self.weights,
            self.biases,
            stride=layer.stride,
            padding=layer.padding,
            dilation=layer.dilation,
            groups=layer.groups,
        )
        """(F, H_out, W_out): every neuron's result, computed once."""

        self._tap_rows = np.array([self.walk.tap_rows(r) for r in range(ho)]).reshape(ho, -1)
        self._tap_cols = np.array([self.walk.tap_cols(c) for c in range(wo)]).reshape(wo, -1)
        self._row_in_pad = (self._tap_rows < 0) | (self._tap_rows >= layer.height)
        self._col_in_pad = (self._tap_cols < 0) | (self._tap_cols >= layer.width)
        self._rank = self.walk.ranks()
        self.kernel_ids: np.ndarray = self.walk.kernel_ids()
        """(F, H_out, W_out): which distinct kernel each neuron uses, numbered from 0: its
        filter's when weights are shared, its own when they are not."""

    # -- where we are -----------------------------------------------------------------------

    @property
    def current(self) -> Step:
        return self.step(self.position)

    def step(self, index: int) -> Step:
        """Everything about step `index`, without moving."""
        f, r, c = self.cell_of(index)
        layer = self.layer
        group = f // layer.filters_per_group
        per_group = layer.channels_per_group
        channels = range(group * per_group, (group + 1) * per_group)
        inputs = self._fields[channels.start : channels.stop, r, c]
        weights = self.weights[f] if self.mode == "shared" else self.weights[f, r, c]
        products = inputs * weights
        running = np.cumsum(products, axis=None)
        total = running[-1]
        if self.biases is None:
            bias = self._zero
        else:
            bias = self.biases[f] if self.mode == "shared" else self.biases[f, r, c]
        return Step(
            index=index,
            filter=f,
            row=r,
            col=c,
            channels=channels,
            tap_rows=self._tap_rows[r],
            tap_cols=self._tap_cols[c],
            in_padding=self._row_in_pad[r][:, None] | self._col_in_pad[c][None, :],
            inputs=inputs,
            weights=weights,
            products=products,
            running=running,
            row_totals=products.sum(axis=2),
            channel_totals=products.sum(axis=(1, 2)),
            total=total,
            bias=bias,
            result=self.output[f, r, c],
            kernel_id=self.walk.kernel_id(f, r, c),
        )

    # -- what the pass has done so far ------------------------------------------------------

    def computed(self, index: int | None = None) -> np.ndarray:
        """(F, H_out, W_out) True for neurons computed up to and including step `index`."""
        upto = self.position if index is None else self.walk.checked(index)
        return self._rank <= upto

    def weight_reach(
        self,
        filter: int,
        kernel_row: int,
        kernel_col: int,
        cell: tuple[int, int] | None = None,
        mode: Mode | None = None,
    ) -> WeightReach:
        """Input cells one weight multiplies over the whole pass of its depth slice.

        Shared, a weight is reused at every position. Unshared, a weight belongs to a single
        neuron, given by `cell` (row, col; the current one if omitted), and touches one cell.
        `mode` asks as if the weights were shared or not (the stepper's own mode if omitted):
        a page can compute with one kernel while it tells of every neuron owning a copy.
        """
        self.index_of(filter, 0, 0)
        kh, kw = self.layer.kernel
        if not (0 <= kernel_row < kh and 0 <= kernel_col < kw):
            raise IndexError(f"kernel position ({kernel_row}, {kernel_col}) is outside {kh}x{kw}")
        rows = self._tap_rows[:, kernel_row]
        cols = self._tap_cols[:, kernel_col]
        if (mode or self.mode) == "unshared":
            r, c = cell if cell is not None else self.cell_of(self.position)[1:]
            rows, cols = rows[r : r + 1], cols[c : c + 1]
        cells = np.zeros((self.layer.height, self.layer.width), dtype=bool)
        real_rows = rows[(rows >= 0) & (rows < self.layer.height)]
        real_cols = cols[(cols >= 0) & (cols < self.layer.width)]
        cells[np.ix_(real_rows, real_cols)] = True
        return WeightReach(cells=cells, uses=len(rows) * len(cols))
