"""The grids of a scene, from a frame: each cell's text and marks, then a row at a time as runs.

No number is computed here: values come from the frame's facts and step, positions from the
step. What is decided here is how to show them.
"""

from __future__ import annotations

from functools import lru_cache
from typing import NamedTuple

import numpy as np

from ...engine import matrix_row, weight_label
from .frame import PENDING, UNWIRED, Matrix, SceneFrame
from .lines import BOXED, DIMMED, STARRED, Line, Run
from .numbers import number_text


class Grid(NamedTuple):
    """A grid as it is shown now: every cell's text and mark bits, and the cells' width.

    A cell a traced weight multiplies is starred: underlined and bold, and with star columns
    a `*` in a column of its own right before it, touching nothing else. A grid too wide for
    them (a scene that would not fit 80 columns with them) marks it by the underline alone:
    never a glyph between two cells or in a bracket's place.
    """

    texts: tuple[tuple[str, ...], ...]
    marks: tuple[tuple[int, ...], ...]
    cell_width: int
    starred: bool = False
    """Whether each cell starts with a column of its own for its star."""

    @property
    def shape(self) -> tuple[int, int]:
        return len(self.texts), len(self.texts[0]) if self.texts else 0

    @property
    def pitch(self) -> int:
        """Columns per cell: a separator, the star's column if any, then the text."""
        return self.cell_width + 1 + self.starred

    @property
    def width(self) -> int:
        return self.shape[1] * self.pitch + 1

    def lines(self) -> list[Line]:
        return [
            grid_row(texts, marks, self.cell_width, self.starred)
            for texts, marks in zip(self.texts, self.marks, strict=True)
        ]


@lru_cache(maxsize=2048)
def grid_row(
    texts: tuple[str, ...], marks: tuple[int, ...], cell_width: int, starred: bool = False
) -> Line:
    """One row: each cell's text right-aligned after a separator (and its star's column when
    `starred`), and a separator to end; neighbours with the same marks in one run.

    The scene's one cache, keyed by what the row shows: a step moves the window across a few
    rows, and a large scene has hundreds that stay as they were. It makes the largest scene's
    layout about four times quicker (benchmarks/README.md).
    """
    pieces: list[tuple[str, int]] = []
    before = 0
    for text, mark in zip(texts, marks, strict=True):
        pieces.append(separator(before, mark))
        if starred:
            pieces.append(("*" if mark & STARRED else " ", mark))
        pieces.append((text.rjust(cell_width), mark))
        before = mark
    pieces.append(separator(before, 0))
    runs: list[Run] = []
    parts: list[str] = []
    current = pieces[0][1]
    for piece, piece_marks in pieces:
        if piece_marks != current:
            runs.append(Run("".join(parts), current))
            parts, current = [], piece_marks
        parts.append(piece)
    runs.append(Run("".join(parts), current))
    return tuple(runs)


def separator(before: int, after: int) -> tuple[str, int]:
    """The column between two cells, and its marks: a bracket where the box opens or closes.

    Inside the box it shares the box's band of reverse video; between two padding cells it is
    faint like them, so a row of padding is one run.
    """
    band = before & after & (BOXED | DIMMED)
    if after & BOXED and not before & BOXED:
        return "[", BOXED
    if before & BOXED and not after & BOXED:
        return "]", BOXED
    return " ", band


def input_grid(frame: SceneFrame, channel: int) -> Grid:
    """One input channel, padded: the receptive field boxed (all of it for a fully connected
    neuron), a traced weight's inputs starred, the padding dimmed."""
    facts, step = frame.facts, frame.step
    if facts.owner == "dense":
        return wiring_grid(frame, channel)
    marks = np.where(facts.padding, DIMMED, 0)
    if channel in step.channels:
        pad_rows, pad_cols = facts.layer.padding
        marks[np.ix_(step.tap_rows + pad_rows, step.tap_cols + pad_cols)] |= BOXED
        if frame.reach is not None:
            inside = marks[
                pad_rows : pad_rows + facts.layer.height, pad_cols : pad_cols + facts.layer.width
            ]
            inside[frame.reach.cells] |= STARRED
    return Grid(facts.inputs[channel], _rows(marks), facts.input_width, facts.star_columns)


def wiring_grid(frame: SceneFrame, channel: int) -> Grid:
    """One input channel as a fully connected neuron reads it: every input value boxed, for
    whichever neuron is current (the padding, which it never reads, dimmed)."""
    facts = frame.facts
    marks = np.where(facts.padding, DIMMED, BOXED)
    return Grid(facts.inputs[channel], _rows(marks), facts.input_width)


def matrix_cell_width(frame: SceneFrame) -> int:
    """One width for every entry of all three matrices, so column j is input j in each."""
    facts = frame.facts
    widest = max(int(matrix.labels.max()) for matrix in facts.matrices)
    return max(len(f"w{widest}"), len(f"x{facts.matrices[0].labels.shape[1]}"))


def weight_text(label: int, width: int) -> str:
    """A matrix entry, left-aligned so its star sits right before its own name."""
    return (f"w{label}" if label else UNWIRED).ljust(width)


def inputs_header(frame: SceneFrame) -> Grid:
    """x1, x2, ...: the input value each column of M multiplies, channel by channel, row by
    row."""
    columns, width = frame.facts.matrices[0].labels.shape[1], matrix_cell_width(frame)
    return Grid(
        (tuple(f"x{n + 1}".ljust(width) for n in range(columns)),),
        ((0,) * columns,),
        width,
        starred=True,  # as wide as M's cells, so column j sits over input j
    )


def matrix_grid(frame: SceneFrame, matrix: Matrix) -> Grid:
    """M under one scheme: each entry the weight it is, the current neuron's row boxed, and
    every entry of a traced kernel weight starred (a dense layer's weights are no kernel's)."""
    facts, step = frame.facts, frame.step
    labels = matrix.labels
    marks = np.where(labels == 0, DIMMED, 0)
    layer = facts.layer
    marks[matrix_row(layer, (step.filter, step.row, step.col))] |= BOXED
    if frame.traced is not None and matrix.scheme != "dense":
        traced = [
            weight_label(
                layer,
                matrix.scheme,
                (step.filter, step.row, step.col),
                (channel, *frame.traced),
            )
            for channel in step.channels
        ]
        marks[np.isin(labels, traced)] |= STARRED
    width = matrix_cell_width(frame)
    texts = tuple(tuple(weight_text(label, width) for label in row) for row in labels.tolist())
    return Grid(texts, _rows(marks), width, starred=True)


def kernel_grid(frame: SceneFrame, slice_index: int) -> Grid:
    """One channel slice of the kernel the step used; the traced weight boxed."""
    weights = frame.step.weights[slice_index].tolist()
    texts = tuple(tuple(number_text(w) for w in row) for row in weights)
    return Grid(texts, _boxed(frame.traced, len(texts), len(texts[0])), frame.facts.kernel_width)


def weight_names_grid(frame: SceneFrame) -> Grid:
    """w1..wn laid out like the kernel: the names the number keys and the notes use."""
    rows, cols = frame.facts.layer.kernel
    texts = tuple(tuple(weight_name((r, c), cols) for c in range(cols)) for r in range(rows))
    return Grid(
        texts, _boxed(frame.traced, rows, cols), len(weight_name((rows - 1, cols - 1), cols))
    )


def output_grid(frame: SceneFrame, filter: int) -> Grid:
    """One depth slice: computed neurons show their value, the others PENDING, dimmed; the
    current neuron boxed. With names on, every neuron shows the kernel that makes it (dimmed
    until computed), so the slice itself shows one kernel shared or one per neuron."""
    facts, done = frame.facts, frame.computed[filter]
    if frame.names:
        texts, width = facts.kernel_names[filter], facts.name_width
    else:
        texts, width = np.where(done, facts.outputs[filter], PENDING), facts.output_width
    marks = np.where(done, 0, DIMMED)
    step = frame.step
    if step.filter == filter:
        marks[step.row, step.col] |= BOXED
    return Grid(_rows(texts), _rows(marks), width)


def weight_name(cell: tuple[int, int], kernel_cols: int) -> str:
    """w1..wn, numbered row by row, the way the number keys pick them."""
    return f"w{cell[0] * kernel_cols + cell[1] + 1}"


def _boxed(cell: tuple[int, int] | None, rows: int, cols: int) -> tuple[tuple[int, ...], ...]:
    marks = np.zeros((rows, cols), dtype=int)
    if cell is not None:
        marks[cell] = BOXED
    return _rows(marks)


def _rows(array: np.ndarray) -> tuple[tuple, ...]:
    """A 2-D array as rows of plain Python values."""
    return tuple(map(tuple, array.tolist()))
