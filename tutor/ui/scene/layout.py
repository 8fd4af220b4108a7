"""A scene laid out: a pure function from a frame and a width to lines of styled runs.

From the top: the status line; the stage (the input channels with their kernel slices, the
output slices, titled); the arithmetic of the current neuron; then the tally, the dense
comparison and the tracer's note, each wrapped to the width. Grids and the arithmetic are
never wrapped: a scene wider than the width scrolls sideways, and the columns of grids out of
sight are left blank until they come into view.
"""

from __future__ import annotations

from typing import NamedTuple

from rich.console import Console

from ...engine import Stepper, fmt, matrix_row
from ...engine.counts import SCHEME_MEANINGS
from ...engine.words import plural
from .frame import PENDING, SceneFacts, SceneFrame, scene_frame
from .grids import (
    Grid,
    input_grid,
    inputs_header,
    kernel_grid,
    matrix_grid,
    output_grid,
    weight_name,
    weight_names_grid,
    wiring_grid,
)
from .lines import Line, line_width
from .numbers import number_text
from .stage import EVERYTHING, Block, Place, View, stage
from .texts import (
    arithmetic_lines,
    counter_text,
    dense_text,
    matrix_text,
    matrix_trace_note,
    status_text,
    sum_text,
    text_lines,
    trace_note,
    wiring_text,
)

SCENE_ROOM = 77
"""Columns a scene has on an 80-column terminal, the canvas's margin and scrollbar taken."""
SHOWING = {"shared": "kernels", "unshared": "own kernels", "dense": "own rows of M"}
"""What the output cells show with names on (`w`), for each owner of the weights."""
OWN_WEIGHTS = {"unshared": "own kernels", "dense": "own rows of M"}
"""An output slice's title when every neuron owns its weights."""


class SceneLayout(NamedTuple):
    """The lines of a scene, how wide the widest is, and where its grids are."""

    lines: tuple[Line, ...]
    width: int
    places: tuple[Place, ...]

    def grid(self, panel: str) -> Grid:
        """The grid a panel ("input-0", "kernel-0", "output-1", ...) shows."""
        return self.place(panel).grid

    def place(self, panel: str) -> Place:
        for place in self.places:
            if place.panel == panel:
                return place
        raise LookupError(f"no {panel} in this scene")

    def cell_at(self, x: int, y: int) -> tuple[str, int, int] | None:
        """The panel, row and column of the grid cell at scene column `x`, line `y`."""
        for place in self.places:
            cell = place.cell_at(x, y)
            if cell is not None:
                return place.panel, *cell
        return None


def scene_layout(
    frame: SceneFrame, width: int, console: Console, view: View = EVERYTHING
) -> SceneLayout:
    """Every line of the scene for `frame`, prose wrapped to `width`; the columns of grids
    wholly outside `view` left blank."""
    facts, step = frame.facts, frame.step
    playing = f"{frame.speed:g} steps/s" if frame.playing else ""
    lines = text_lines(
        status_text(
            step.index,
            facts.steps,
            (step.filter, step.row, step.col),
            facts.layer.filters,
            playing,
            SHOWING[facts.owner] if frame.names else "",
        ),
        width,
        console,
    )
    grids = stage(_columns(frame), len(lines), view)
    lines += grids.lines
    places, widest = list(grids.places), grids.width
    if "arithmetic" in facts.panels:
        lines += arithmetic_lines(step, width, frame.hidden)
    elif "output" in facts.panels and not facts.matrices:  # M's line says it instead
        lines += text_lines(sum_text(step, frame.hidden), width, console)
    if "counter" in facts.panels:
        counter = counter_text(facts.mode, frame.tally, facts.counts, frame.counts_hidden)
        lines += text_lines(counter, width, console)
    if "dense" in facts.panels:
        lines += text_lines(dense_text(facts.counts), width, console)
    if "wiring" in facts.panels:
        lines += text_lines(wiring_text(facts.layer, facts.mode), width, console)
    if frame.traced is not None:
        name = weight_name(frame.traced, facts.layer.kernel[1])
        if facts.matrices:
            note = matrix_trace_note(name, frame.traced, step, facts.layer, facts.matrices)
            lines += text_lines(note, width, console)
        elif frame.reach is not None:
            marked = "*" if facts.star_columns else "underlined"
            note = trace_note(name, facts.mode, frame.reach, step, marked)
            lines += text_lines(note, width, console)
    if facts.matrices:  # last: the tallest part, scrolled to on a small terminal
        row = matrix_row(facts.layer, (step.filter, step.row, step.col))
        sums = (
            (PENDING, PENDING)
            if frame.hidden
            else (
                facts.matrix_sums[row],
                facts.matrix_outputs[row],
            )
        )
        text = matrix_text(row, facts.matrices, sums, number_text(step.bias))
        lines += text_lines(text, width, console)
        matrices = stage([_matrices(frame)], len(lines), view)
        lines += matrices.lines
        places += matrices.places
        widest = max(widest, matrices.width)
    return SceneLayout(tuple(lines), max([widest, *map(line_width, lines)]), tuple(places))


def with_star_columns(facts: SceneFacts, stepper: Stepper) -> SceneFacts:
    """`facts` with a column for each input cell's star when its grids still fit SCENE_ROOM
    with them: a star then never sits between two cells. Decided once for the scene, so
    tracing a weight never moves a grid."""
    starred = facts._replace(star_columns=True)
    frame = scene_frame(starred, stepper, None, False, 1.0)
    nothing_drawn: View = (0, 0)  # only the width is wanted
    return starred if stage(_columns(frame), 0, nothing_drawn).width <= SCENE_ROOM else facts


def _columns(frame: SceneFrame) -> list[list[Block]]:
    """One channel: input, kernel and output side by side. Several: each input channel in a
    column with its kernel slice under it, so slice and channel line up."""
    facts = frame.facts
    layer, panels = facts.layer, facts.panels
    columns: list[list[Block]] = []
    for channel in range(layer.channels):
        column = []
        if "input" in panels:
            title = f"input ch{channel + 1}" if layer.channels > 1 else "input"
            column += [
                Block(title),
                Block(grid=input_grid(frame, channel), panel=f"input-{channel}"),
            ]
        if "kernel" in panels and layer.channels > 1:
            column += _kernel_slice(frame, channel)
        columns.append(column)
    if "kernel" in panels and layer.channels == 1:
        columns.append(
            [
                *_kernel_slice(frame, 0),
                Block("weight names"),
                Block(grid=weight_names_grid(frame), panel="weight-names"),
            ]
        )
    if "wiring" in panels:
        wired = []
        for channel in range(layer.channels):
            title = (
                f"fully connected: all ch{channel + 1}"
                if layer.channels > 1
                else ("fully connected: all")
            )
            wired += [
                Block(title),
                Block(grid=wiring_grid(frame, channel), panel=f"wiring-{channel}"),
            ]
        columns.append(wired)
    if "output" in panels:
        outputs = []
        for f in range(layer.filters):
            outputs += [
                Block(_output_title(frame, f)),
                Block(grid=output_grid(frame, f), panel=f"output-{f}"),
            ]
        columns.append(outputs)
    return columns


def _matrices(frame: SceneFrame) -> list[Block]:
    """The layer as M under each scheme, the first under the input values its columns
    multiply."""
    blocks = []
    for matrix in frame.facts.matrices:
        title = (
            f"{SCHEME_MEANINGS[matrix.scheme]}: {fmt(matrix.entries)} entries, "
            f"{plural(matrix.distinct, 'different weight')}"
        )
        if matrix.off_the_input:
            title += f" (+{fmt(matrix.off_the_input)} over padding: no entry)"
        blocks.append(Block(title))
        if len(blocks) == 1:
            blocks.append(Block(grid=inputs_header(frame), panel="matrix-x"))
        blocks.append(Block(grid=matrix_grid(frame, matrix), panel=f"matrix-{matrix.scheme}"))
    return blocks


def _kernel_slice(frame: SceneFrame, channel: int) -> list[Block]:
    """The title and grid of the kernel slice over `channel`, or a note that it skips it.

    The title reserves the room of the longest title this column can show at any step.
    """
    facts, step = frame.facts, frame.step
    filters = facts.layer.filters
    suffix = f" ch{channel + 1}" if facts.layer.channels > 1 else ""
    if facts.mode == "shared":
        title, widest = f"kernel W{step.filter + 1}", f"kernel W{filters}"
    else:
        title, widest = f"own kernel #{step.kernel_id + 1}", f"own kernel #{facts.steps}"
    reserve = len(widest + suffix)
    if facts.layer.groups > 1:  # the input's title above names the channel skipped
        reserve = max(reserve, len(f"(W{filters} skips it)"))
    if channel not in step.channels:  # as tall as a slice, so nothing under it moves
        blank = [Block() for _ in range(facts.layer.kernel[0])]
        return [Block(f"(W{step.filter + 1} skips it)", reserve), *blank]
    return [
        Block(title + suffix, reserve),
        Block(grid=kernel_grid(frame, channel - step.channels.start), panel=f"kernel-{channel}"),
    ]


def _output_title(frame: SceneFrame, f: int) -> str:
    """Whose weights make the slice: its filter's W and b, or each neuron's own."""
    facts = frame.facts
    name = f"slice {f + 1}" if facts.layer.filters > 1 else "output"
    if facts.owner == "shared":
        return f"{name}: W{f + 1}, b{f + 1}"
    return f"{name}: {OWN_WEIGHTS[facts.owner]}"
