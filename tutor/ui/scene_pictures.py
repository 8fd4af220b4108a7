"""Turning a stepper's state into grid pictures: which cells to box, star and dim.

No numbers are computed here: values come from the stepper, positions from the Step. What is
decided here is only how to show them, so it is plain Python that tests can call directly.
"""

from __future__ import annotations

from collections.abc import Callable, Iterable

import numpy as np

from ..engine import Step, Stepper, WeightReach
from .scene_grids import DeferredPicture, GridPicture
from .scene_lines import Cell

PADDING = "·"
PENDING = "·"


def number_text(value: object) -> str:
    """A whole number as digits; anything else as briefly as it stays exact."""
    if type(value) is int:  # from .tolist(): the usual case, and the quickest
        return str(value)
    number = float(value)  # type: ignore[arg-type]
    return str(int(number)) if number.is_integer() else f"{number:g}"


def widest(values: Iterable[object]) -> int:
    return max((len(number_text(v)) for v in values), default=1)


MAX_KEPT = 2048
"""Pictures kept for reuse: a step changes a few grids, and an unchanged one is not rebuilt."""


class ScenePictures:
    """Grid pictures for one scene. Parts that never change (the input, widths) are built once,
    and each picture is kept by what it shows, so a grid a step leaves alone is the same object
    (its lines already drawn) and a large scene's step builds only what moved."""

    def __init__(self, stepper: Stepper) -> None:
        self.stepper = stepper
        layer = stepper.layer
        self.pad_rows, self.pad_cols = layer.padding
        rows, cols = layer.padded_shape
        self._input_texts: list[tuple[tuple[str, ...], ...]] = []
        for channel in range(layer.channels):
            texts = []
            for r in range(rows):
                row = []
                for c in range(cols):
                    y, x = r - self.pad_rows, c - self.pad_cols
                    inside = 0 <= y < layer.height and 0 <= x < layer.width
                    row.append(number_text(stepper.inputs[channel, y, x]) if inside else PADDING)
                texts.append(tuple(row))
            self._input_texts.append(tuple(texts))
        self._padding = frozenset(
            (r, c) for r in range(rows) for c in range(cols)
            if not (self.pad_rows <= r < self.pad_rows + layer.height
                    and self.pad_cols <= c < self.pad_cols + layer.width)
        )
        self._input_width = widest(stepper.inputs.ravel())
        self._kernel_width = widest(stepper.weights.ravel())
        self._output_width = widest(stepper.output.ravel())
        self._output_texts = [[[number_text(v) for v in row] for row in output_slice]
                              for output_slice in stepper.output]
        self._output_rows: dict[tuple[int, int, bytes], tuple[str, ...]] = {}
        self._kept: dict[tuple[object, ...], GridPicture] = {}

    def _deferred(self, shape: tuple[int, int], cell_width: int,
                  key: Callable[[], tuple[object, ...]],
                  make: Callable[[], GridPicture]) -> DeferredPicture:
        """A picture sized now; when drawn, the kept one showing the same `key()`, or `make()`."""
        def kept() -> GridPicture:
            found = key()
            picture = self._kept.get(found)
            if picture is None:
                if len(self._kept) >= MAX_KEPT:
                    self._kept.clear()
                picture = self._kept[found] = make()
            return picture
        return DeferredPicture(shape, cell_width, kept)

    def input(self, channel: int, step: Step, reach: WeightReach | None) -> DeferredPicture:
        """One input channel, padded; the receptive field boxed, a traced weight's cells starred."""
        def key() -> tuple[object, ...]:
            reading = channel in step.channels
            return ("input", channel, reading, reading and step.tap_rows.tobytes(),
                    reading and step.tap_cols.tobytes(),
                    reach is not None and reach.cells.tobytes())
        return self._deferred(self.stepper.layer.padded_shape, self._input_width, key,
                              lambda: self._input(channel, step, reach))

    def _input(self, channel: int, step: Step, reach: WeightReach | None) -> GridPicture:
        boxed: frozenset[Cell] = frozenset()
        starred: frozenset[Cell] = frozenset()
        if channel in step.channels:
            # Plain ints from .tolist(): far quicker than a NumPy scalar per cell.
            rows = (step.tap_rows + self.pad_rows).tolist()
            cols = (step.tap_cols + self.pad_cols).tolist()
            boxed = frozenset((r, c) for r in rows for c in cols)
            if reach is not None:
                starred = frozenset(
                    (r + self.pad_rows, c + self.pad_cols)
                    for r, c in np.argwhere(reach.cells).tolist()
                )
        return GridPicture(self._input_texts[channel], boxed, starred, self._padding,
                           self._input_width)

    def kernel(self, slice_index: int, step: Step, traced: Cell | None) -> DeferredPicture:
        """One channel slice of the kernel this step used; the traced weight boxed."""
        return self._deferred(
            self.stepper.layer.kernel, self._kernel_width,
            lambda: ("kernel", step.weights[slice_index].tobytes(), traced),
            lambda: self._kernel(slice_index, step, traced))

    def _kernel(self, slice_index: int, step: Step, traced: Cell | None) -> GridPicture:
        texts = tuple(tuple(number_text(w) for w in row) for row in step.weights[slice_index])
        boxed = frozenset({traced}) if traced is not None else frozenset()
        return GridPicture(texts, boxed, frozenset(), frozenset(), self._kernel_width)

    def weight_names(self, traced: Cell | None) -> GridPicture:
        """w1..wn laid out like the kernel, the names the number keys and the notes use."""
        kh, kw = self.stepper.layer.kernel
        texts = tuple(tuple(f"w{r * kw + c + 1}" for c in range(kw)) for r in range(kh))
        boxed = frozenset({traced}) if traced is not None else frozenset()
        return GridPicture(texts, boxed)

    def output(self, filter: int, step: Step, computed: np.ndarray) -> DeferredPicture:
        """One depth slice: computed cells show their value, the current cell is boxed."""
        current = (step.row, step.col) if step.filter == filter else None
        layer = self.stepper.layer
        return self._deferred(
            (layer.out_height, layer.out_width), self._output_width,
            lambda: ("output", filter, computed[filter].tobytes(), current),
            lambda: self._output(filter, step, computed))

    def _output(self, filter: int, step: Step, computed: np.ndarray) -> GridPicture:
        done = computed[filter]
        texts = tuple(self._output_row(filter, r, row.tobytes()) for r, row in enumerate(done))
        pending = frozenset(
            (r, c) for r, row in enumerate(done.tolist()) for c, cell in enumerate(row) if not cell
        )
        boxed = frozenset({(step.row, step.col)}) if step.filter == filter else frozenset()
        return GridPicture(texts, boxed, frozenset(), pending, self._output_width)

    def _output_row(self, filter: int, row: int, done: bytes) -> tuple[str, ...]:
        """A row of one slice, its computed cells as numbers: kept, since a step changes one."""
        key = (filter, row, done)
        texts = self._output_rows.get(key)
        if texts is None:
            values = self._output_texts[filter][row]
            texts = tuple(v if d else PENDING for v, d in zip(values, done, strict=True))
            self._output_rows[key] = texts
        return texts
