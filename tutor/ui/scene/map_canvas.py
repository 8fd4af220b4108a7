"""The canvas of a neuron map: laid out by `map_layout` to the canvas's own height, drawn by
the line canvas. Clicking a neuron posts `NeuronClicked` with its row and column."""

from __future__ import annotations

from textual import events
from textual.geometry import Size
from textual.message import Message

from .line_canvas import LineCanvas
from .map_layout import MapFrame, MapLayout, map_layout
from .stage import View

NOTHING = MapLayout((), 0, 0, 0, 0, 0, 0)
ROWS_BEFORE_LAYOUT = 12
"""Rows the map assumes before the canvas has been given its height."""


class MapCanvas(LineCanvas[MapFrame, MapLayout]):
    """One depth slice of a layer, a character per neuron, and the neuron under the cursor."""

    class NeuronClicked(Message):
        def __init__(self, row: int, col: int) -> None:
            super().__init__()
            self.row = row
            self.col = col

    def __init__(self, *, id: str | None = None) -> None:
        super().__init__(NOTHING, id=id)
        self._height = 0

    def lay_out(self, frame: MapFrame, width: int, view: View) -> MapLayout:
        self._height = self.scrollable_content_region.height
        return map_layout(frame, width, self._height or ROWS_BEFORE_LAYOUT, self.app.console)

    @property
    def crowded(self) -> bool:
        """Whether some rows of the slice are out of sight."""
        return self.frame is not None and self.drawn.rows < self.frame.walk.layer.out_height

    def on_resize(self) -> None:
        """The map fills the canvas's height too: a new height shows more or fewer rows."""
        height = self.scrollable_content_region.height
        if self.frame is not None and (height, self._text_width()) != (self._height, self._width):
            self.virtual_size = Size(0, 0)
            self.show(self.frame)

    def on_click(self, event: events.Click) -> None:
        offset = event.get_content_offset(self)
        if offset is None:
            return
        x, y = offset + self.scroll_offset
        neuron = self.drawn.neuron_at(x, y)
        if neuron is not None:
            self.post_message(self.NeuronClicked(*neuron))
