"""All the panels of one animated scene, laid out so each input channel sits above its kernel slice.

The screen owns the stepper and the choices (position, tracing, playing); it hands this view a
`SceneFrame` after every move, and the view passes each panel only what it shows. Grids repaint
just the rows that changed.
"""

from __future__ import annotations

from dataclasses import dataclass
from typing import TypeVar

import numpy as np
from rich.text import Text
from textual.app import ComposeResult
from textual.containers import Horizontal, Vertical
from textual.widget import Widget
from textual.widgets import Label, Static

from ...engine import ParameterCounts, Step, Stepper, WeightReach
from ..scene_pictures import ScenePictures
from .arithmetic import Arithmetic
from .counters import Counter, Tally, dense_text
from .grid import Cell, Grid
from .steady_static import SteadyStatic

W = TypeVar("W", bound=Widget)


@dataclass(frozen=True)
class SceneFrame:
    """Everything the view needs to draw one moment of the pass."""

    step: Step
    computed: np.ndarray
    tally: Tally
    traced: Cell | None = None
    reach: WeightReach | None = None
    playing: bool = False
    speed: float = 2.0


def weight_name(cell: Cell, kernel_cols: int) -> str:
    """w1..wn, numbered row by row, the way the number keys pick them."""
    return f"w{cell[0] * kernel_cols + cell[1] + 1}"


class SceneView(Vertical):
    """Input channels with their kernel slices, the output slices, and the chosen panels."""

    def __init__(self, stepper: Stepper, panels: tuple[str, ...], counts: ParameterCounts,
                 *, id: str | None = None) -> None:
        super().__init__(id=id)
        self.stepper = stepper
        self.panels = panels
        self.counts = counts
        self.pictures = ScenePictures(stepper)
        self._labels: dict[str, str] = {}
        self._parts: dict[str, Widget] = {}
        """The widgets composed here, by id: a step updates them without a DOM query."""

    def _keep(self, widget: W) -> W:
        self._parts[widget.id or ""] = widget
        return widget

    def _part(self, part_id: str, kind: type[W]) -> W:
        widget = self._parts[part_id]
        assert isinstance(widget, kind)
        return widget

    def compose(self) -> ComposeResult:
        layer, first = self.stepper.layer, self.stepper.current
        yield self._keep(SteadyStatic(id="scene-status"))
        with Horizontal(id="stage"):
            # One channel: input, kernel and output side by side. Several: each input channel
            # in a column with its kernel slice under it, so slice and channel line up.
            for channel in range(layer.channels):
                with Vertical(classes="channel"):
                    if "input" in self.panels:
                        title = f"input ch{channel + 1}" if layer.channels > 1 else "input"
                        yield Label(title, classes="panel-title")
                        yield self._keep(Grid(self.pictures.input(channel, first, None),
                                              id=f"input-{channel}", classes="input-grid"))
                    if "kernel" in self.panels and layer.channels > 1:
                        yield from self._kernel_slice(channel, first)
            if "kernel" in self.panels and layer.channels == 1:
                with Vertical(classes="channel"):
                    yield from self._kernel_slice(0, first)
                    yield Label("weight names", classes="panel-title")
                    yield self._keep(Grid(self.pictures.weight_names(None), id="weight-names"))
            if "output" in self.panels:
                with Vertical(id="outputs"):
                    nothing_yet = self.stepper.computed(0)
                    for f in range(layer.filters):
                        yield self._keep(Label("", id=f"output-title-{f}", classes="panel-title"))
                        yield self._keep(Grid(self.pictures.output(f, first, nothing_yet),
                                              id=f"output-{f}", classes="output-grid"))
        if "arithmetic" in self.panels:
            yield self._keep(Arithmetic(id="arithmetic"))
        if "counter" in self.panels:
            yield self._keep(Counter(id="counter"))
        if "dense" in self.panels:
            yield Static(dense_text(self.counts), id="dense")
        yield self._keep(SteadyStatic(id="trace-note"))

    def _kernel_slice(self, channel: int, first: Step) -> ComposeResult:
        yield self._keep(Label("", id=f"kernel-title-{channel}", classes="panel-title"))
        yield self._keep(Grid(self.pictures.kernel(0, first, None), id=f"kernel-{channel}",
                              classes="kernel-grid"))

    def show(self, frame: SceneFrame) -> None:
        """Bring every panel up to date with `frame`."""
        step, layer = frame.step, self.stepper.layer
        self._part("scene-status", SteadyStatic).show(self._status(frame))
        for channel in range(layer.channels):
            if "input" in self.panels:
                self._part(f"input-{channel}", Grid).show(
                    self.pictures.input(channel, step, frame.reach)
                )
            if "kernel" in self.panels:
                self._show_kernel_slice(channel, frame)
        if "kernel" in self.panels and layer.channels == 1:
            self._part("weight-names", Grid).show(self.pictures.weight_names(frame.traced))
        if "output" in self.panels:
            for f in range(layer.filters):
                self._set_label(f"output-title-{f}", self._output_title(f))
                self._part(f"output-{f}", Grid).show(
                    self.pictures.output(f, step, frame.computed)
                )
        if "arithmetic" in self.panels:
            self._part("arithmetic", Arithmetic).show_step(step)
        if "counter" in self.panels:
            counter = self._part("counter", Counter)
            counter.show_tally(self.stepper.mode, frame.tally, self.counts)
        note = self._part("trace-note", SteadyStatic)
        note.display = frame.reach is not None
        if frame.traced is not None and frame.reach is not None:
            note.show(self._trace_note(frame.traced, frame.reach, frame.step))

    def _show_kernel_slice(self, channel: int, frame: SceneFrame) -> None:
        step = frame.step
        grid = self._part(f"kernel-{channel}", Grid)
        used = channel in step.channels
        grid.display = used
        if not used:
            self._set_label(f"kernel-title-{channel}",
                            f"(W{step.filter + 1} skips ch{channel + 1})")
            return
        slice_index = channel - step.channels.start
        if self.stepper.mode == "shared":
            title = f"kernel W{step.filter + 1}"
        else:
            title = f"own kernel #{step.kernel_id + 1}"
        if self.stepper.layer.channels > 1:
            title += f" ch{channel + 1}"
        self._set_label(f"kernel-title-{channel}", title)
        grid.show(self.pictures.kernel(slice_index, step, frame.traced))

    def _output_title(self, f: int) -> str:
        slice_name = f"slice {f + 1}" if self.stepper.layer.filters > 1 else "output"
        if self.stepper.mode == "shared":
            return f"{slice_name}: W{f + 1}, b{f + 1}"
        return f"{slice_name}: own kernels"

    def _set_label(self, label_id: str, text: str) -> None:
        """Update a title only when its text changes, so steps do not repaint it."""
        if self._labels.get(label_id) != text:
            self._labels[label_id] = text
            self._part(label_id, Label).update(text)

    def _status(self, frame: SceneFrame) -> Text:
        step = frame.step
        text = Text()
        text.append(f"Step {step.index + 1} of {self.stepper.count}", style="bold")
        where = f"row {step.row + 1}, col {step.col + 1}"
        if self.stepper.layer.filters > 1:
            where = f"slice {step.filter + 1}, {where}"
        text.append(f"  neuron at {where}  ")
        if frame.playing:
            text.append(f"▶ playing {frame.speed:g} steps/s", style="bold")
        else:
            text.append("paused")
        return text

    def _trace_note(self, traced: Cell, reach: WeightReach, step: Step) -> Text:
        name = weight_name(traced, self.stepper.layer.kernel[1])
        if self.stepper.mode == "shared":
            return Text(f"Tracing {name} of W{step.filter + 1}: it enters {reach.uses} "
                        "products, at every * cell. One weight, reused. (0 stops)")
        return Text(f"Tracing {name} of this neuron's own kernel: 1 product. The next "
                    "neuron has a different one. (0 stops)")
