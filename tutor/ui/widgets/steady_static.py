"""A Static that asks Textual for a new layout only when its height would change.

Every step updates the status line, the arithmetic and the counter. A layout pass over the
whole screen costs more than drawing them, and their size rarely changes from one step to the
next, so each update checks whether the text still takes as many lines at the widget's width.
"""

from __future__ import annotations

from rich.cells import cell_len
from rich.text import Text
from textual.widgets import Static


class SteadyStatic(Static):
    _lines: int | None = None

    def show(self, text: Text) -> None:
        lines = self._height(text, self.content_region.width)
        self.update(text, layout=lines is None or lines != self._lines)
        self._lines = lines

    def _height(self, text: Text, width: int) -> int | None:
        """Lines `text` takes at `width`; counted without wrapping when every line fits."""
        if width <= 0:
            return None
        plain_lines = text.plain.split("\n")
        if all(cell_len(line) <= width for line in plain_lines):
            return len(plain_lines)
        return len(text.wrap(self.app.console, width))
