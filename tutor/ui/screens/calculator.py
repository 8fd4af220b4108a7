"""The parameter calculator: edit a layer; its shape and three counts follow as you type."""

from __future__ import annotations

from collections.abc import Callable
from typing import TypeVar

from rich.text import Text
from textual import on
from textual.app import ComposeResult
from textual.binding import Binding
from textual.containers import Horizontal, VerticalScroll
from textual.screen import Screen
from textual.widgets import Checkbox, Input, Label, Static

from ...engine import ConvLayer, LayerError, count_parameters, fmt
from ...engine.geometry import LAYER_FIELDS, PAIR_FIELDS, format_pair
from ...engine.sizes import SizeError, pair, size3, whole
from ...lessons.model import Scene, Values
from ...lessons.reader import LessonError
from ...lessons.scenes import check_scene_size
from ..screen_css import screen_css
from ..widgets.character_input import CharacterInput
from ..widgets.counts_table import CountsTable
from ..widgets.key_footer import KeyFooter
from .stepper_screen import StepperScreen

Value = TypeVar("Value")
FIRST_LAYER = ConvLayer(height=227, width=227, channels=3, kernel=11, filters=96, stride=4)
"""What the calculator opens with: AlexNet's first layer, the learner's question."""
FIELDS = ("input", *(f for f in LAYER_FIELDS if f not in ("height", "width", "channels", "bias")))
"""The form's fields: the input's three sizes in one, each other field of a layer but the bias
(a check box)."""
LABELS = {"input": "input HxWxC"}


def default_text(field: str) -> str:
    layer = FIRST_LAYER
    if field == "input":
        return f"{layer.height}x{layer.width}x{layer.channels}"
    value = getattr(layer, field)
    return format_pair(value) if field in PAIR_FIELDS else str(value)


LAYOUT_ROWS = (("input", "kernel", "filters"), ("stride", "padding", "dilation", "groups"))
BIAS_LABELS = {True: "bias: yes", False: "bias: no"}
SIZE_CHARACTERS = r"0-9xX* "
"""Field characters; other letters stay free to be keys (o, b, q)."""


class CalculatorScreen(Screen[None]):
    DEFAULT_CSS = screen_css("calculator")
    SCOPED_CSS = False

    BINDINGS = [
        Binding("o", "open_stepper", "Open in stepper", priority=True),
        Binding("b,escape", "leave", "Back", key_display="b", priority=True),
    ]

    def __init__(self) -> None:
        super().__init__()
        self.conv_layer: ConvLayer | None = None

    def compose(self) -> ComposeResult:
        yield Static("Parameter calculator: edit the layer, the counts follow", id="title-bar")
        with VerticalScroll(id="calculator-body"):
            for row in LAYOUT_ROWS:
                with Horizontal(classes="field-row"):
                    for key in row:
                        yield Label(LABELS.get(key, key), classes="field-label")
                        yield CharacterInput(
                            default_text(key),
                            id=f"field-{key}",
                            characters=SIZE_CHARACTERS,
                            max_length=20,
                            classes="field",
                        )
                    if key == "filters":  # room for the bias box on the first row
                        yield Checkbox(BIAS_LABELS[True], True, id="field-bias")
            yield Static(id="calculator-status")
            yield CountsTable(pytorch=True, id="calculator-counts")
        yield KeyFooter()

    def on_mount(self) -> None:
        self.recalculate()
        self.query_one("#field-input", Input).focus()

    @on(Checkbox.Changed)
    def bias_toggled(self, event: Checkbox.Changed) -> None:
        """The label says which: the box's mark looks the same either way without colour."""
        event.checkbox.label = BIAS_LABELS[event.value]
        self.recalculate()

    @on(Input.Changed)
    def recalculate(self) -> None:
        status = self.query_one("#calculator-status", Static)
        table = self.query_one("#calculator-counts", CountsTable)
        try:
            self.conv_layer = self.read_layer()
        except (SizeError, LayerError) as error:
            self.conv_layer = None
            table.display = False
            status.update(Text(f"✗ {error}", style="bold"))
            return
        table.display = True
        counts = count_parameters(self.conv_layer)
        h, w, c = self.conv_layer.output_shape
        message = Text.assemble(("Output ", "bold"), f"{h} x {w} x {c} = {fmt(h * w * c)} neurons")
        if not self.conv_layer.fits_exactly:
            message.append(f"  (the stride does not fit: {self.conv_layer.leftover_words()})")
        message.append(
            "  o: step through it" if self.scene_problem() is None else "  (too big to animate)",
            style="dim",
        )
        status.update(message)
        table.show(counts)

    def read_layer(self) -> ConvLayer:
        height, width, channels = self._field("input", size3)
        return ConvLayer(
            height=height,
            width=width,
            channels=channels,
            kernel=self._field("kernel", pair),
            filters=self._field("filters", whole),
            stride=self._field("stride", pair),
            padding=self._field("padding", pair),
            dilation=self._field("dilation", pair),
            groups=self._field("groups", whole),
            bias=self.query_one("#field-bias", Checkbox).value,
        )

    def _field(self, key: str, read: Callable[[str], Value]) -> Value:
        """The field's text as `read` reads it; its SizeError names the field."""
        try:
            return read(self.query_one(f"#field-{key}", Input).value)
        except SizeError as error:
            raise SizeError(f"{key}: {error}") from None

    def scene_problem(self) -> str | None:
        """Why the current layer cannot be animated, or None if it can."""
        if self.conv_layer is None:
            return "the layer is not valid yet"
        try:
            check_scene_size(self.conv_layer, "layer")
        except LessonError as error:
            return error.problem
        return None

    def action_open_stepper(self) -> None:
        problem = self.scene_problem()
        if problem is not None or self.conv_layer is None:
            self.notify(f"Cannot animate this layer: {problem}.", severity="warning", timeout=4)
            return
        scene = Scene(
            layer=self.conv_layer,
            inputs=Values(seed=1, low=0, high=3),
            weights=Values(seed=2, low=-1, high=1),
            bias=Values(seed=3, low=0, high=1),
            panels=("input", "kernel", "output", "arithmetic", "counter", "dense"),
        )
        title = f"Calculator layer: {self.conv_layer.describe()}"
        self.app.push_screen(StepperScreen(scene, title))

    def action_leave(self) -> None:
        if self.is_current:  # a second key of a burst can arrive after the first closed it
            self.app.pop_screen()
