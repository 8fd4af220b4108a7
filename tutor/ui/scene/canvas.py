"""The canvas of an animated scene: input channels with their kernel slices, the output slices
and the chosen panels, laid out by `scene_layout` and drawn by the line canvas.

Clicking a grid cell posts `CellClicked` with the panel's name ("input-0", "kernel-0",
"output-1", ...) and the cell.
"""

from __future__ import annotations

from textual import events
from textual.geometry import Offset
from textual.message import Message

from .frame import SceneFrame
from .layout import SceneLayout, scene_layout
from .line_canvas import LineCanvas
from .stage import View


class SceneCanvas(LineCanvas[SceneFrame, SceneLayout]):
    """Input channels with their kernel slices, the output slices, and the chosen panels."""

    class CellClicked(Message):
        """A grid cell was clicked: the screen decides what that means."""

        def __init__(self, panel: str, row: int, col: int) -> None:
            super().__init__()
            self.panel = panel
            self.row = row
            self.col = col

    def __init__(self, *, id: str | None = None) -> None:
        super().__init__(SceneLayout((), 0, ()), id=id)

    def lay_out(self, frame: SceneFrame, width: int, view: View) -> SceneLayout:
        return scene_layout(frame, width, self.app.console, view)

    def cell_offset(self, panel: str, row: int, col: int) -> Offset:
        """Where on the widget a grid cell is drawn now, given the scroll: for clicking it."""
        place = self.drawn.place(panel)
        where = Offset(place.x + 1 + col * place.grid.pitch, place.y + row)
        return where - self.scroll_offset + self.content_offset

    def on_click(self, event: events.Click) -> None:
        offset = event.get_content_offset(self)
        if offset is None:
            return
        x, y = offset + self.scroll_offset
        cell = self.drawn.cell_at(x, y)
        if cell is not None:
            self.post_message(self.CellClicked(*cell))
