"""One widget that draws a whole scene line by line, and repaints only the lines a step changes.

The screen owns the stepper and the choices (position, tracing, playing) and hands the canvas a
`SceneFrame` after every move. The canvas turns it into lines (scene_lines.py), compares them
with the lines on screen, and refreshes just those that differ: a step moves a highlight, it
does not repaint the screen. Clicking a grid cell posts `CellClicked` with the panel's name
("input-0", "kernel-0", "output-1", ...) and the cell.
"""

from __future__ import annotations

from dataclasses import dataclass
from typing import Any

import numpy as np
from rich.segment import Segment
from rich.style import Style
from rich.text import Text
from textual import events
from textual.geometry import Offset, Region, Size
from textual.message import Message
from textual.strip import Strip
from textual.widget import Widget

from ...engine import ParameterCounts, Step, Stepper, WeightReach
from ..scene_lines import (
    BOXED,
    DIMMED,
    STARRED,
    TITLE,
    Block,
    Cell,
    GridPicture,
    Hit,
    Line,
    Run,
    Stage,
    changed_span,
    line_width,
    text_line,
    text_lines,
)
from ..scene_pictures import ScenePictures
from ..scene_texts import (
    Tally,
    arithmetic_lines,
    counter_text,
    dense_text,
    status_text,
    trace_note,
    weight_name,
)


@dataclass(frozen=True)
class SceneFrame:
    """Everything the canvas needs to draw one moment of the pass."""

    step: Step
    computed: np.ndarray
    tally: Tally
    traced: Cell | None = None
    reach: WeightReach | None = None
    playing: bool = False
    speed: float = 2.0


class SceneCanvas(Widget):
    """Input channels with their kernel slices, the output slices, and the chosen panels."""

    COMPONENT_CLASSES = {"scene--boxed", "scene--starred", "scene--dimmed", "scene--title"}

    class CellClicked(Message):
        """A grid cell was clicked: the screen decides what that means."""

        def __init__(self, panel: str, row: int, col: int) -> None:
            super().__init__()
            self.panel = panel
            self.row = row
            self.col = col

    def __init__(self, stepper: Stepper, panels: tuple[str, ...], counts: ParameterCounts,
                 *, id: str | None = None) -> None:
        super().__init__(id=id)
        self.stepper = stepper
        self.panels = panels
        self.counts = counts
        self.pictures = ScenePictures(stepper)
        self.frame: SceneFrame | None = None
        self._sources: list[tuple[int, Any]] = []
        """Per line: (_STAGE, stage line), (_TEXT, a Rich Text line) or (_LINE, a built line)."""
        self._lines: dict[int, Line] = {}
        self._stage = Stage([])
        self._dense = dense_text(counts)
        self._dense_lines: tuple[int, list[Line]] = (0, [])
        """The dense comparison wrapped, and the width it was wrapped for: it never changes."""
        self._shown: dict[str, GridPicture] = {}
        self._styles: dict[tuple[int, Style | None], Style] = {}
        self._strips: dict[int, tuple[Line, Strip]] = {}
        """The strip last drawn for each line, with the line it was drawn from."""
        self._wrap_width = 0
        self._width = 0

    # -- what to draw -----------------------------------------------------------------------

    def show(self, frame: SceneFrame) -> None:
        """Draw `frame`, repainting only the visible lines that changed."""
        first = self.frame is None
        self.frame = frame
        old_sources, old_width, old_lines = self._sources, self._width, self._lines
        self._sources, self._width = self._plan(frame)
        self._lines = {}
        # The canvas only grows: a text one line shorter this step would otherwise shrink it,
        # re-lay out the screen and repaint everything.
        missing = len(old_sources) - len(self._sources)
        if missing > 0:
            self._sources += [(_LINE, ())] * missing
        self._width = max(old_width, self._width)
        height = len(self._sources)
        if first or len(old_sources) != height or old_width != self._width:
            self.refresh(layout=True)
            return
        top, bottom = self._window(height)
        for y in range(top, bottom):
            before, after = old_lines.get(y), self.line(y)
            if before is None:
                self.refresh(Region(0, y, self._width, 1))
            elif before != after:
                start, end = changed_span(before, after)
                self.refresh(Region(start, y, end - start, 1))
        # Lines out of view are only marked: they are built if and when they are scrolled to.
        if top > 0:
            self.refresh(Region(0, 0, self._width, top))
        if bottom < height:
            self.refresh(Region(0, bottom, self._width, height - bottom))

    def line(self, y: int) -> Line:
        """Line `y` of the current frame, built on first use."""
        line = self._lines.get(y)
        if line is None:
            kind, payload = self._sources[y]
            if kind == _STAGE:
                line = self._stage.line(payload)
            elif kind == _TEXT:
                line = text_line(payload, self.app.console)
            else:
                line = payload
            self._lines[y] = line
        return line

    def picture(self, panel: str) -> GridPicture:
        """The grid picture a panel ("kernel-0", "output-1", ...) shows now."""
        return self._shown[panel]

    def cell_offset(self, panel: str, row: int, col: int) -> Offset:
        """Where on the canvas a cell is drawn: for clicking it."""
        for y in range(len(self._sources)):
            for hit in self._hits(y):
                if hit.panel == panel and hit.row == row:
                    return Offset(hit.x + 1 + col * hit.picture.pitch, y)
        raise LookupError(f"{panel} row {row} is not on the canvas")

    def _hits(self, y: int) -> list[Hit]:
        kind, payload = self._sources[y]
        return self._stage.hits(payload) if kind == _STAGE else []

    def _plan(self, frame: SceneFrame) -> tuple[list[tuple[int, Any]], int]:
        """Where each line comes from, and the widest line, without building every line."""
        width = self._wrap_width = self._text_width()
        console = self.app.console
        step = frame.step
        layer = self.stepper.layer
        sources: list[tuple[int, Any]] = []
        widest = 0

        def prose(text: Text) -> None:
            nonlocal widest
            for line in text_lines(text, width, console):
                sources.append((_LINE, line))
                widest = max(widest, line_width(line))

        prose(status_text(step, self.stepper.count, layer.filters, frame.playing, frame.speed))
        self._stage = Stage(self._columns(frame))
        sources += [(_STAGE, y) for y in range(self._stage.height)]
        widest = max(widest, self._stage.width)
        if "arithmetic" in self.panels:
            for piece in arithmetic_lines(step, width):
                sources.append((_TEXT, piece))
                widest = max(widest, piece.cell_len)
        if "counter" in self.panels:
            prose(counter_text(self.stepper.mode, frame.tally, self.counts))
        if "dense" in self.panels:
            if self._dense_lines[0] != width:
                self._dense_lines = (width, text_lines(self._dense, width, console))
            for line in self._dense_lines[1]:
                sources.append((_LINE, line))
                widest = max(widest, line_width(line))
        if frame.traced is not None and frame.reach is not None:
            prose(trace_note(weight_name(frame.traced, layer.kernel[1]), self.stepper.mode,
                             frame.reach, step))
        return sources, widest

    def _window(self, height: int) -> tuple[int, int]:
        """The canvas lines [top, bottom) visible in the scrolling area now."""
        parent = self.parent
        if not isinstance(parent, Widget):
            return 0, height
        top = max(0, int(parent.scroll_offset.y) - self.virtual_region.y)
        return min(top, height), min(height, top + parent.scrollable_content_region.height)

    def _columns(self, frame: SceneFrame) -> list[list[Block]]:
        """One channel: input, kernel and output side by side. Several: each input channel in
        a column with its kernel slice under it, so slice and channel line up."""
        step, layer, panels = frame.step, self.stepper.layer, self.panels
        self._shown = {}
        columns: list[list[Block]] = []
        for channel in range(layer.channels):
            column = []
            if "input" in panels:
                title = f"input ch{channel + 1}" if layer.channels > 1 else "input"
                column += [Block(title),
                           self._grid(f"input-{channel}",
                                      self.pictures.input(channel, step, frame.reach))]
            if "kernel" in panels and layer.channels > 1:
                column += self._kernel_slice(channel, frame)
            columns.append(column)
        if "kernel" in panels and layer.channels == 1:
            columns.append([
                *self._kernel_slice(0, frame),
                Block("weight names"),
                self._grid("weight-names", self.pictures.weight_names(frame.traced)),
            ])
        if "output" in panels:
            outputs = []
            for f in range(layer.filters):
                outputs += [Block(self._output_title(f)),
                            self._grid(f"output-{f}", self.pictures.output(f, step,
                                                                            frame.computed))]
            columns.append(outputs)
        return columns

    def _grid(self, panel: str, picture: GridPicture) -> Block:
        self._shown[panel] = picture
        return Block(picture=picture, panel=panel)

    def _kernel_slice(self, channel: int, frame: SceneFrame) -> list[Block]:
        step = frame.step
        if channel not in step.channels:
            return [Block(f"(W{step.filter + 1} skips ch{channel + 1})")]
        if self.stepper.mode == "shared":
            title = f"kernel W{step.filter + 1}"
        else:
            title = f"own kernel #{step.kernel_id + 1}"
        if self.stepper.layer.channels > 1:
            title += f" ch{channel + 1}"
        picture = self.pictures.kernel(channel - step.channels.start, step, frame.traced)
        return [Block(title), self._grid(f"kernel-{channel}", picture)]

    def _output_title(self, f: int) -> str:
        slice_name = f"slice {f + 1}" if self.stepper.layer.filters > 1 else "output"
        if self.stepper.mode == "shared":
            return f"{slice_name}: W{f + 1}, b{f + 1}"
        return f"{slice_name}: own kernels"

    def _text_width(self) -> int:
        """Texts wrap to the visible width, even when the grids need more and scroll."""
        parent = self.parent
        if isinstance(parent, Widget) and parent.scrollable_content_region.width > 0:
            return parent.scrollable_content_region.width
        return max(self.app.size.width - 2, 20)

    # -- drawing ----------------------------------------------------------------------------

    def on_resize(self) -> None:
        """Rewrap to the new width, and let the canvas shrink again if it can."""
        if self.frame is not None and self._text_width() != self._wrap_width:
            self._sources, self._width = [], 0
            self.show(self.frame)

    def notify_style_update(self) -> None:
        super().notify_style_update()
        self._styles = {}
        self._strips = {}

    def get_content_width(self, container: Size, viewport: Size) -> int:
        return self._width

    def get_content_height(self, container: Size, viewport: Size, width: int) -> int:
        return len(self._sources)

    def render_line(self, y: int) -> Strip:
        base = self._style(_PLAIN)
        if y >= len(self._sources):
            return Strip.blank(self.size.width, base)
        line = self.line(y)
        drawn = self._strips.get(y)
        if drawn is not None and drawn[0] is line and drawn[1].cell_length == self.size.width:
            return drawn[1]  # the same line as last time (lines are shared while unchanged)
        segments = [Segment(run.text, self._style(run)) for run in line]
        strip = Strip(segments).adjust_cell_length(self.size.width, base)
        self._strips[y] = (line, strip)
        return strip

    def _style(self, run: Run) -> Style:
        """The theme's style for a run's marks, looked up once per combination."""
        key = (run.marks, run.style)
        style = self._styles.get(key)
        if style is None:
            style = self.rich_style
            for bit, name in ((DIMMED, "dimmed"), (STARRED, "starred"), (BOXED, "boxed"),
                              (TITLE, "title")):
                if run.marks & bit:
                    style += self.get_component_rich_style(f"scene--{name}", partial=True)
            if run.style is not None:
                style += run.style
            self._styles[key] = style
        return style

    def on_click(self, event: events.Click) -> None:
        offset = event.get_content_offset(self)
        if offset is None or not 0 <= offset.y < len(self._sources):
            return
        for hit in self._hits(offset.y):
            col = hit.cell_at(offset.x)
            if col is not None:
                self.post_message(self.CellClicked(hit.panel, hit.row, col))


_STAGE, _TEXT, _LINE = range(3)
_PLAIN = Run("")
