"""One widget that draws a whole scene line by line, and repaints only the lines a step changes.

The screen owns the stepper and the choices (position, tracing, playing) and hands the canvas a
`SceneFrame` after every move. The canvas turns it into lines (scene_lines.py explains the
parts), compares them with the lines on screen, and refreshes just those that differ: a step
moves a highlight, it does not repaint the screen. It scrolls itself (Textual's line API), so
it draws only what is in view: a scene many times the terminal's size costs about what the
visible part costs. Clicking a grid cell posts `CellClicked` with the panel's name ("input-0",
"kernel-0", "output-1", ...) and the cell.
"""

from __future__ import annotations

from typing import Any, NamedTuple

import numpy as np
from rich.segment import Segment
from rich.style import Style
from rich.text import Text
from textual import events
from textual.geometry import Offset, Region, Size
from textual.message import Message
from textual.scroll_view import ScrollView
from textual.strip import Strip

from ...engine import ParameterCounts, Step, Stepper, WeightReach
from ..scene_grids import AnyPicture, GridPicture
from ..scene_lines import (
    BOXED,
    DIMMED,
    STARRED,
    TITLE,
    Cell,
    Line,
    Run,
    changed_span,
    cropped,
    line_width,
)
from ..scene_pictures import ScenePictures
from ..scene_stage import Block, Hit, Stage, View
from ..scene_texts import (
    Tally,
    Working,
    counter_text,
    dense_text,
    status_text,
    trace_note,
    weight_name,
)
from ..text_runs import text_line, text_lines


class SceneFrame(NamedTuple):
    """Everything the canvas needs to draw one moment of the pass."""

    step: Step
    computed: np.ndarray
    tally: Tally
    traced: Cell | None = None
    reach: WeightReach | None = None
    playing: bool = False
    speed: float = 2.0


class SceneCanvas(ScrollView, can_focus=False):
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
        """Per line: (_STAGE, stage line), (_WORKING, (working, line)) or (_LINE, a built line)."""
        self._lines: dict[int, Line] = {}
        """Lines built for the current frame, drawn for the columns in `_view`."""
        self._view: View = (0, 0)
        self._top = 0
        """The canvas line at the top of the view, while rendering."""
        self._stage = Stage([])
        self._dense = dense_text(counts)
        self._dense_lines: tuple[int, list[Line]] = (0, [])
        """The dense comparison wrapped, and the width it was wrapped for: it never changes."""
        self._shown: dict[str, AnyPicture] = {}
        self._styles: dict[tuple[int, Style | None], Style] = {}
        self._strips: dict[int, tuple[Line, int, Strip]] = {}
        """The strip last drawn for each line, with the line and scroll it was drawn from."""
        self._wrap_width = 0

    # -- what to draw -----------------------------------------------------------------------

    def show(self, frame: SceneFrame) -> None:
        """Draw `frame`, repainting only the visible lines that changed."""
        first = self.frame is None
        self.frame = frame
        old_sources, old_lines = self._sources, self._lines
        self._sources, widest = self._plan(frame)
        self._lines = {}
        # The canvas only grows: a text one line shorter this step would otherwise shrink it
        # and move the scrollbars under the learner.
        missing = len(old_sources) - len(self._sources)
        if missing > 0:
            self._sources += [(_LINE, ())] * missing
        size = Size(max(widest, 0 if first else self.virtual_size.width), len(self._sources))
        if first or size != self.virtual_size:
            self.virtual_size = size
            self.refresh()
            return
        top, bottom = self._rows_in_view()
        left, right = self._view
        changed = []
        for y in range(top, bottom):
            before, after = old_lines.get(y), self.line(y)
            if before is None:
                changed.append(Region(0, y - top, right - left, 1))
            elif before is not after and before != after:
                start, end = changed_span(before, after)
                start, end = max(start, left), min(end, right)
                if start < end:  # the change may lie in columns out of view
                    changed.append(Region(start - left, y - top, end - start, 1))
        if changed:
            self.refresh(*changed)

    def line(self, y: int) -> Line:
        """Line `y` of the current frame, built on first use for the columns in view."""
        line = self._lines.get(y)
        if line is None:
            kind, payload = self._sources[y]
            if kind == _STAGE:
                line = self._stage.line(payload)
            elif kind == _WORKING:
                working, index = payload
                line = text_line(working.line(index), self.app.console)
                if line_width(line) > self.virtual_size.width:
                    self.call_later(self._fit_width)  # built lazily: wider than laid out
            else:
                line = payload
            self._lines[y] = line
        return line

    def _fit_width(self) -> None:
        """Widen the canvas to the widest line built so far."""
        widest = max(map(line_width, self._lines.values()), default=0)
        if widest > self.virtual_size.width:
            self.virtual_size = Size(widest, self.virtual_size.height)

    def picture(self, panel: str) -> GridPicture:
        """The grid picture a panel ("kernel-0", "output-1", ...) shows now."""
        picture = self._shown[panel]
        return picture if isinstance(picture, GridPicture) else picture.picture

    def cell_offset(self, panel: str, row: int, col: int) -> Offset:
        """Where on the widget a cell is drawn now, given the scroll: for clicking it."""
        for y in range(len(self._sources)):
            for hit in self._hits(y):
                if hit.panel == panel and hit.row == row:
                    where = Offset(hit.x + 1 + col * hit.picture.pitch, y)
                    return where - self.scroll_offset + self.content_offset
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
        self._view = self._columns_in_view()
        self._stage = Stage(self._columns(frame), view=self._view, previous=self._stage)
        sources += [(_STAGE, y) for y in range(self._stage.height)]
        widest = max(widest, self._stage.width)
        if "arithmetic" in self.panels:
            working = Working(step, width)
            sources += [(_WORKING, (working, i)) for i in range(working.count)]
            if working.lines is not None:
                widest = max(widest, *(piece.cell_len for piece in working.lines))
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

    def _rows_in_view(self) -> tuple[int, int]:
        """The canvas lines [top, bottom) in view now."""
        height = len(self._sources)
        top = min(round(self.scroll_y), height)
        return top, min(height, top + self.scrollable_content_region.height)

    def _columns_in_view(self) -> View:
        left = round(self.scroll_x)
        return left, left + self.scrollable_content_region.width

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

    def _grid(self, panel: str, picture: AnyPicture) -> Block:
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
        width = self.scrollable_content_region.width
        return width if width > 0 else max(self.app.size.width - 2, 20)

    # -- drawing ----------------------------------------------------------------------------

    def on_resize(self) -> None:
        """Rewrap to the new width, and let the canvas shrink again if it can."""
        if self.frame is not None and self._text_width() != self._wrap_width:
            self._sources = []  # let the canvas shrink to the new text
            self.virtual_size = Size(0, 0)
            self.show(self.frame)

    def notify_style_update(self) -> None:
        super().notify_style_update()
        self._styles = {}
        self._strips = {}

    def render_lines(self, crop: Region) -> list[Strip]:
        """Lines drawn for other columns are dropped first if the view moved sideways."""
        view = self._columns_in_view()
        if view != self._view:
            self._view, self._lines = view, {}
            self._stage = Stage(self._stage.columns, view=view, previous=self._stage)
        self._top = round(self.scroll_y)
        return super().render_lines(crop)

    def render_line(self, y: int) -> Strip:
        """Line `y` of the view: the canvas line under it, cut to the columns in view."""
        base = self._style(_PLAIN)
        left, right = self._view
        y += self._top
        if y >= len(self._sources):
            return Strip.blank(right - left, base)
        line = self.line(y)
        drawn = self._strips.get(y)
        if drawn is not None and drawn[0] is line and drawn[1] == left \
                and drawn[2].cell_length == right - left:
            return drawn[2]  # the same line as last time (lines are shared while unchanged)
        strip = Strip([Segment(run.text, self._style(run)) for run in cropped(line, left, right)],
                      right - left)
        self._strips[y] = (line, left, strip)
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
        if offset is None:
            return
        x, y = offset + self.scroll_offset
        if not 0 <= y < len(self._sources):
            return
        for hit in self._hits(y):
            col = hit.cell_at(x)
            if col is not None:
                self.post_message(self.CellClicked(hit.panel, hit.row, col))


_STAGE, _WORKING, _LINE = range(3)
_PLAIN = Run("")
