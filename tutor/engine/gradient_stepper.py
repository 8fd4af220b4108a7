"""The backward pass, one output position at a time: what each neuron's upstream gradient adds
to the kernel's gradient, so a learner can watch one shared weight collect a term at every
position (and an unshared weight receive exactly one).

The walk is the forward pass's (same order, same cursor); each step is the neuron's upstream
value dL/dy and the window of input it read. Its contribution to dL/dW is upstream x window,
to dL/db the upstream value alone. Everything shown is added up here, from the same windows
`conv2d_backward` uses, and the sums at the end of a slice are its gradients.
"""

from __future__ import annotations

from typing import NamedTuple

import numpy as np

from .backward import GradientTerm, weight_gradient_terms
from .conv import compute_dtype, receptive_fields, require_shape
from .geometry import ConvLayer
from .walk import Cursor, Mode, NeuronWalk, Order


class GradientStep(NamedTuple):
    """One neuron of the backward pass: where it is, its upstream value and its window."""

    filter: int
    row: int
    col: int
    upstream: np.generic
    """dL/dy at this neuron."""
    window: np.ndarray
    """(C/groups, KH, KW): the input values its kernel multiplied (0 where it read padding)."""
    tap_rows: np.ndarray
    """The input rows the window covers (outside 0..H-1: padding)."""
    tap_cols: np.ndarray
    kernel_id: int
    """The kernel this neuron's terms go to: its filter's, or its own (numbered from 0)."""


class GradientStepper(Cursor[GradientStep]):
    """Steps through a layer's neurons with an upstream gradient on its output.

    `upstream` is (F, H_out, W_out), shaped like the output. The gradients do not depend on
    the weights' values (only the input's gradient would), so none are needed.
    """

    def __init__(
        self,
        layer: ConvLayer,
        inputs: np.ndarray,
        upstream: np.ndarray,
        *,
        mode: Mode = "shared",
        order: Order = "row",
    ) -> None:
        super().__init__(NeuronWalk(layer, mode, order))
        require_shape("input", inputs, (layer.channels, layer.height, layer.width))
        require_shape("upstream", upstream, (layer.filters, layer.out_height, layer.out_width))
        dtype = compute_dtype(inputs, upstream)
        self.inputs = np.asarray(inputs, dtype=dtype)
        self.upstream = np.asarray(upstream, dtype=dtype)
        self._fields = receptive_fields(self.inputs, layer)
        self._rank = self.walk.ranks()
        ho, wo = layer.out_height, layer.out_width
        self._tap_rows = np.array([self.walk.tap_rows(r) for r in range(ho)]).reshape(ho, -1)
        self._tap_cols = np.array([self.walk.tap_cols(c) for c in range(wo)]).reshape(wo, -1)

    @property
    def current(self) -> GradientStep:
        return self.step(self.position)

    def step(self, index: int) -> GradientStep:
        f, r, c = self.cell_of(index)
        return GradientStep(
            filter=f,
            row=r,
            col=c,
            upstream=self.upstream[f, r, c],
            window=self._window(f, r, c),
            tap_rows=self._tap_rows[r],
            tap_cols=self._tap_cols[c],
            kernel_id=self.walk.kernel_id(f, r, c),
        )

    def _window(self, f: int, r: int, c: int) -> np.ndarray:
        per_group = self.layer.channels_per_group
        first = f // self.layer.filters_per_group * per_group
        return self._fields[first : first + per_group, r, c]

    def switched(self, mode: Mode) -> GradientStepper:
        """The same neuron, with weights shared or not."""
        other = GradientStepper(self.layer, self.inputs, self.upstream, mode=mode, order=self.order)
        other.go_to(self.position)
        return other

    # -- what the pass has added up so far --------------------------------------------------

    def contributors(self, index: int | None = None) -> list[tuple[int, int]]:
        """The (row, col) whose terms the current kernel has received by step `index`, in the
        order the pass reached them: every neuron of the slice walked so far when shared, the
        neuron itself when it owns its kernel."""
        upto = self.position if index is None else self.walk.checked(index)
        f, r, c = self.cell_of(upto)
        if self.mode == "unshared":
            return [(r, c)]
        ranks = self._rank[f]
        rows, cols = np.nonzero(ranks <= upto)
        order = np.argsort(ranks[rows, cols])
        return [(int(rows[n]), int(cols[n])) for n in order]

    def weight_terms(
        self, weight: tuple[int, int, int], index: int | None = None
    ) -> tuple[GradientTerm, ...]:
        """The terms of dL/dw for the weight (channel in its group, row, col) of the current
        neuron's kernel, up to step `index`, with the running sum."""
        upto = self.position if index is None else index
        f = self.cell_of(upto)[0]
        return weight_gradient_terms(
            self.inputs,
            self.layer,
            self.upstream,
            (f, *weight),
            positions=self.contributors(upto),
        )

    def kernel_gradient(self, index: int | None = None) -> np.ndarray:
        """(C/groups, KH, KW): the current kernel's gradient so far, upstream x window added
        over its contributors."""
        upto = self.position if index is None else index
        f = self.cell_of(upto)[0]
        total = np.zeros_like(self._window(f, 0, 0))
        for r, c in self.contributors(upto):
            total = total + self.upstream[f, r, c] * self._window(f, r, c)
        return total

    def bias_gradient(self, index: int | None = None) -> np.generic:
        """The current kernel's bias gradient so far: its contributors' upstream values added."""
        upto = self.position if index is None else index
        f = self.cell_of(upto)[0]
        total = self.upstream.dtype.type(0)
        for r, c in self.contributors(upto):
            total = total + self.upstream[f, r, c]
        return total
