"""A neuron map laid out: a pure function from a frame, a width and a height to lines.

One depth slice, one character per neuron: a glyph of the scheme (`VISITED`) for the neurons
the pass has reached, `PENDING` (dimmed) for the rest, the neuron under the cursor boxed; a
legend says what the glyph means, so shared and unshared differ on the map itself. Beside the
map when the terminal is wide enough, else above it: the status line, where the neuron reads,
its kernel and what the pass has needed so far. The map never scrolls: when the slice is
taller than the room, the rows shown are the page of rows the cursor is on, so the cursor is
always in sight.
"""

from __future__ import annotations

from dataclasses import dataclass
from typing import NamedTuple

from rich.console import Console

from ...engine import NeuronWalk
from .lines import BOXED, DIMMED, Line, Run, line_width, merged, trimmed
from .map_texts import field_text, kernel_text, legend_text, sweep_text
from .stage import GAP
from .texts import status_text, text_lines

VISITED = {"shared": "■", "unshared": "#"}
"""A neuron the pass has reached: one solid kind when the slice shares W, a # (its own kernel
#n) when each neuron owns its kernel."""
PENDING = "·"
SIDE_TEXT = 36
"""Columns the texts need beside the map; with fewer, they go above it."""


@dataclass(frozen=True)
class MapFrame:
    """One moment of a walk over a layer: the neuron under the cursor and the play state."""

    walk: NeuronWalk
    index: int
    playing: str = ""
    """How fast the walk plays ("4 rows/s"), or "" when paused."""
    counts_hidden: bool = False
    """Whether what the pass has needed is withheld: the learner is predicting it."""


class MapLayout(NamedTuple):
    """The lines of a map, how wide the widest is, and where the neurons are drawn."""

    lines: tuple[Line, ...]
    width: int
    top: int
    """Scene line of the first row of neurons shown."""
    left: int
    """Scene column of the first neuron of a row."""
    first_row: int
    """The output row drawn at `top`."""
    rows: int
    """How many rows of neurons are drawn."""
    cols: int

    def neuron_at(self, x: int, y: int) -> tuple[int, int] | None:
        """The (row, col) of the neuron drawn at scene column `x`, line `y`, if any."""
        row, col = y - self.top, x - self.left
        if 0 <= row < self.rows and 0 <= col < self.cols:
            return self.first_row + row, col
        return None


def map_layout(frame: MapFrame, width: int, height: int, console: Console) -> MapLayout:
    """Every line of the map for `frame`, `height` lines at most (the map at least one row)."""
    walk, index = frame.walk, frame.index
    filter, row, col = walk.cell_of(index)
    layer = walk.layer
    label = len(str(layer.out_height))
    map_width = label + 1 + layer.out_width
    beside = width - map_width - GAP >= SIDE_TEXT
    text_width = width - map_width - GAP if beside else width
    texts = [
        status_text(index, walk.count, (filter, row, col), layer.filters, frame.playing),
        field_text(walk, filter, row, col),
        kernel_text(walk, filter, row, col),
        sweep_text(walk, index, frame.counts_hidden),
        legend_text(walk, filter, VISITED[walk.mode]),
    ]
    words = [line for text in texts for line in text_lines(text, text_width, console)]
    top = 0 if beside else len(words)
    rows = min(layer.out_height, max(height - top, 1))
    first_row = min(row - row % rows, layer.out_height - rows)
    visited = walk.visited_in_slice(filter, index)
    neurons = [
        merged(
            [
                (Run(f"{r + 1:>{label}} "),),
                neuron_row(visited[r].tolist(), col if r == row else None, VISITED[walk.mode]),
            ]
        )
        for r in range(first_row, first_row + rows)
    ]
    lines = [*words, *neurons]
    if beside:  # each row of neurons, then the text of that line
        lines = [
            trimmed(merged([left, (Run(" " * (map_width - line_width(left) + GAP)),), right]))
            for left, right in zip(
                padded(neurons, len(words)), padded(words, len(neurons)), strict=True
            )
        ]
    return MapLayout(
        tuple(lines), max(map(line_width, lines)), top, label + 1, first_row, rows, layer.out_width
    )


def padded(lines: list[Line], length: int) -> list[Line]:
    """`lines` with empty lines added to make at least `length`."""
    return lines + [()] * (length - len(lines))


def neuron_row(visited: list[bool], cursor: int | None, glyph: str) -> Line:
    """One row of a slice: runs of visited neurons (as `glyph`) and pending ones, the cursor
    boxed."""
    runs: list[Run] = []
    for col, done in enumerate(visited):
        run = Run(glyph, BOXED) if col == cursor else (Run(glyph) if done else Run(PENDING, DIMMED))
        if runs and runs[-1].marks == run.marks:
            runs[-1] = Run(runs[-1].text + run.text, run.marks)
        else:
            runs.append(run)
    return tuple(runs)
