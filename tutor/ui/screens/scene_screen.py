"""A screen that steps through a scene: the keys, the play timer and the weight tracer.

The lesson screen and the calculator's stepper both build on this. The cursor is the state: a
stepper, with every value of a small layer, or a walk cursor over a layer too large to compute
(a neuron map). Every key becomes one engine call, then the view is handed the new frame.
While paused no timer exists at all, so an idle tutor costs nothing.
"""

from __future__ import annotations

from typing import Any

from textual.binding import Binding
from textual.timer import Timer

from ...engine import Stepper
from ...engine.walk import MODES, Cursor, WalkCursor
from ..scene.canvas import SceneCanvas
from ..scene.frame import SceneFacts, scene_facts, scene_frame
from ..scene.layout import with_star_columns
from ..scene.lines import Cell
from ..scene.map_canvas import MapCanvas
from ..scene.map_layout import MapFrame
from ..screen_css import screen_css
from .tutor_screen import TutorScreen

SCENE_ACTIONS = frozenset({"step", "jump", "row", "next_slice", "toggle_play", "speed"})
"""What any scene does: a neuron map as well as an animated layer."""
VALUE_ACTIONS = frozenset({"trace", "trace_next", "toggle_names"})
"""What only a layer with values does."""
SPEEDS = (0.5, 1.0, 2.0, 4.0, 8.0, 16.0)
DEFAULT_SPEED = 2.0


class SceneScreen(TutorScreen):
    """Owns a stepper (or none, for pages without a scene) and turns keys into moves."""

    DEFAULT_CSS = screen_css("scene")
    SCOPED_CSS = False

    BINDINGS = [
        Binding("right,l,space", "step(1)", "Step", key_display="←→"),
        Binding("left,h", "step(-1)", "Back", show=False),
        Binding("down,j", "row(1)", "Row down", show=False),
        Binding("up,k", "row(-1)", "Row up", show=False),
        Binding("home", "jump(0)", "First", show=False),
        Binding("end", "jump(-1)", "Last", show=False),
        Binding("f", "next_slice", "Next slice", show=False),
        Binding("p", "toggle_play", "Play"),
        Binding("w", "toggle_names", "Kernels"),
        Binding("s", "switch_scheme", "Scheme"),
        Binding("plus,equals_sign", "speed(1)", "Faster", show=False),
        Binding("minus", "speed(-1)", "Slower", show=False),
        Binding("t", "trace_next", "Trace", show=False),
        Binding("0", "trace(0)", "Trace off", show=False),
        *(Binding(str(n), f"trace({n})", f"Trace w{n}", show=False) for n in range(1, 10)),
        Binding("shift+down,J", "scroll_scene(0, 3)", "Scroll scene down", show=False),
        Binding("shift+up,K", "scroll_scene(0, -3)", "Scroll scene up", show=False),
        Binding("shift+right,L", "scroll_scene(8, 0)", "Scroll scene right", show=False),
        Binding("shift+left,H", "scroll_scene(-8, 0)", "Scroll scene left", show=False),
    ]

    def __init__(self) -> None:
        super().__init__()
        self.stepper: Cursor[Any] | None = None
        self.facts: SceneFacts | None = None
        self.view: SceneCanvas | MapCanvas | None = None
        self.traced: Cell | None = None
        self.walked = 0
        """The furthest step whose values stay shown: a hop to another slice (f) keeps what
        was walked, a move back un-computes what it moves over."""
        self.speed = DEFAULT_SPEED
        self.names = False
        """Whether the output cells show kernels instead of values (w), kept across pages."""
        self._timer: Timer | None = None

    # -- set-up -----------------------------------------------------------------------------

    def make_scene_view(self, stepper: Stepper, panels: tuple[str, ...]) -> SceneCanvas:
        """Adopt `stepper` and return the view to mount for it."""
        self.stop_playing()
        self.stepper, self.traced, self.walked = stepper, None, stepper.position
        self.facts = with_star_columns(scene_facts(stepper, panels), stepper)
        self.view = SceneCanvas(id="scene-view")
        return self.view

    def make_map_view(self, cursor: WalkCursor) -> MapCanvas:
        """Adopt a walk over a layer too large to compute, and return the map to mount."""
        self.stop_playing()
        self.stepper, self.facts, self.traced = cursor, None, None
        self.view = MapCanvas(id="scene-view")
        return self.view

    def drop_scene(self) -> None:
        self.stop_playing()
        self.stepper, self.facts, self.view, self.traced = None, None, None, None

    def redraw(self) -> None:
        """Hand the view the frame of the current step."""
        stepper, view = self.stepper, self.view
        if stepper is None or view is None or not view.is_mounted:
            return
        playing = self._timer is not None
        if isinstance(view, MapCanvas):
            speed = f"{self.speed:g} rows/s" if playing else ""
            view.show(MapFrame(stepper.walk, stepper.position, speed, self.hides_counts()))
        elif isinstance(stepper, Stepper) and self.facts is not None:
            view.show(
                scene_frame(
                    self.facts,
                    stepper,
                    self.traced,
                    playing,
                    self.speed,
                    self.names,
                    self.hides_neuron(),
                    self.walked,
                    self.hides_counts(),
                )
            )

    def hides_neuron(self) -> bool:
        """Whether the current neuron's value is withheld (a lesson asks for a prediction)."""
        return False

    def hides_counts(self) -> bool:
        """Whether the tally's counts are withheld (a lesson asks for one of them)."""
        return False

    def moved(self) -> None:
        """Called after every move: redraws; subclasses add what a move means to them."""
        self.redraw()

    def check_action(self, action: str, parameters: tuple[object, ...]) -> bool | None:
        """Stepping keys exist only while there is a scene: hidden from the footer otherwise."""
        if action in SCENE_ACTIONS:
            return self.stepper is not None
        if action in VALUE_ACTIONS:
            return isinstance(self.stepper, Stepper)
        if action == "switch_scheme":
            return isinstance(self.stepper, WalkCursor)
        return True

    # -- moves ------------------------------------------------------------------------------

    def move_to(self, target: int, keep_walked: bool = False) -> None:
        """Every move of the cursor goes here, so a screen can stop one short or refuse it.
        A move back un-computes the steps it moves over unless `keep_walked` (a hop)."""
        if self.stepper is None:
            return
        before = self.stepper.position
        allowed = self.allowed_move(target)
        if allowed is not None:
            self.stepper.go_to(allowed)
            forward = keep_walked or allowed > before
            self.walked = max(self.walked, before, allowed) if forward else allowed
            self.moved()

    def allowed_move(self, target: int) -> int | None:
        """Where a move to step `target` goes; None refuses it. Every move is allowed here."""
        return target

    def action_step(self, delta: int) -> None:
        if self.stepper is None:
            return
        target = min(max(self.stepper.position + delta, 0), self.stepper.count - 1)
        if target == self.stepper.position:
            self.stop_playing()
            return
        self.move_to(target)

    def action_jump(self, where: int) -> None:
        if self.stepper is not None:
            self.move_to(where % self.stepper.count)

    def action_row(self, delta: int) -> None:
        """Move the cursor one output row up or down, staying in the same depth slice."""
        if self.stepper is None:
            return
        f, r, c = self.stepper.cell_of(self.stepper.position)
        row = r + delta
        if 0 <= row < self.stepper.layer.out_height:
            self.move_to(self.stepper.index_of(f, row, c))

    def action_next_slice(self) -> None:
        """Hop to the same position in the next depth slice (wrapping around)."""
        if self.stepper is None:
            return
        f, r, c = self.stepper.cell_of(self.stepper.position)
        target = self.stepper.index_of((f + 1) % self.stepper.layer.filters, r, c)
        self.move_to(target, keep_walked=True)

    def go_to_output_cell(self, filter: int, row: int, col: int) -> None:
        if self.stepper is not None:
            self.move_to(self.stepper.index_of(filter, row, col))

    def action_scroll_scene(self, columns: int, rows: int) -> None:
        """Scroll a scene, or a page's table, too big for the terminal; the arrow keys stay
        free for stepping."""
        target = self.view if self.view is not None else self.query_one("#scene-area")
        target.scroll_relative(x=columns, y=rows, animate=False)

    def action_switch_scheme(self) -> None:
        """The same neuron of the map, with weights shared or not."""
        if isinstance(self.stepper, WalkCursor):
            other = MODES[1 - MODES.index(self.stepper.mode)]
            self.stepper = self.stepper.switched(other)
            self.redraw()

    def action_toggle_names(self) -> None:
        """Output cells: the value each neuron computed, or the kernel that computed it."""
        self.names = not self.names
        self.redraw()

    # -- tracing ----------------------------------------------------------------------------

    def action_trace(self, number: int) -> None:
        """Trace weight w<number> (row by row in the kernel); 0 stops tracing."""
        if not isinstance(self.stepper, Stepper):
            return
        kh, kw = self.stepper.layer.kernel
        if number == 0 or number > kh * kw:
            self.traced = None
            if number:
                self.notify(
                    f"This kernel has only {kh * kw} weights per channel.",
                    severity="warning",
                    timeout=3,
                )
        else:
            self.traced = divmod(number - 1, kw)
        self.redraw()

    def action_trace_next(self) -> None:
        if not isinstance(self.stepper, Stepper):
            return
        kh, kw = self.stepper.layer.kernel
        current = -1 if self.traced is None else self.traced[0] * kw + self.traced[1]
        following = current + 1
        self.traced = None if following >= kh * kw else divmod(following, kw)
        self.redraw()

    def on_scene_canvas_cell_clicked(self, message: SceneCanvas.CellClicked) -> None:
        """A click on an output cell points at that neuron; on a kernel cell traces its weight."""
        kind, _, number = message.panel.partition("-")
        if kind == "output":
            self.go_to_output_cell(int(number), message.row, message.col)
        elif kind == "kernel":
            self.traced = (message.row, message.col)
            self.redraw()

    def on_map_canvas_neuron_clicked(self, message: MapCanvas.NeuronClicked) -> None:
        """A click on the map points at that neuron of the slice shown."""
        if self.stepper is not None:
            filter = self.stepper.cell_of(self.stepper.position)[0]
            self.go_to_output_cell(filter, message.row, message.col)

    # -- playing ----------------------------------------------------------------------------

    def action_toggle_play(self) -> None:
        if self._timer is not None:
            self.stop_playing()
        elif self.stepper is not None:
            if self.stepper.position == self.stepper.count - 1:
                self.stepper.first()
            self._timer = self.set_interval(1 / self.speed, self._tick)
            self.moved()

    def _tick(self) -> None:
        """One step of an animated layer; one row of a neuron map."""
        if self.stepper is None or self.stepper.position >= self.stepper.count - 1:
            self.stop_playing()
            return
        step = self.stepper.layer.out_width if isinstance(self.view, MapCanvas) else 1
        self.move_to(min(self.stepper.position + step, self.stepper.count - 1))
        if self.stepper is not None and self.stepper.position >= self.stepper.count - 1:
            self.stop_playing()

    def stop_playing(self) -> None:
        if self._timer is not None:
            self._timer.stop()
            self._timer = None
            self.redraw()

    def action_speed(self, direction: int) -> None:
        index = SPEEDS.index(self.speed) + direction
        self.speed = SPEEDS[min(max(index, 0), len(SPEEDS) - 1)]
        if self._timer is not None:
            self._timer.stop()
            self._timer = self.set_interval(1 / self.speed, self._tick)
        self.redraw()
