"""The yardstick: a minimal Textual app, a 7 x 7 grid of numbers with a highlight `l` moves.

    python benchmarks/minimal_app.py [--numpy]

`--numpy` imports NumPy at start-up, for comparing with a tutor screen that needs it. `q` quits.
"""

from __future__ import annotations

import sys

from rich.text import Text
from textual.app import App, ComposeResult
from textual.reactive import reactive
from textual.widgets import Static

SIZE = 7


class NumberGrid(Static):
    """Seven rows of seven numbers; the highlighted one in reverse video."""

    position = reactive(0)

    def render(self) -> Text:
        text = Text()
        for row in range(SIZE):
            for col in range(SIZE):
                cell = row * SIZE + col
                text.append(f"{cell:3}", style="reverse" if cell == self.position else "")
            text.append("\n")
        return text


class MinimalApp(App[None]):
    BINDINGS = [("l", "move", "Move"), ("q", "quit", "Quit")]

    def compose(self) -> ComposeResult:
        yield Static("minimal app ready")
        yield NumberGrid()

    def action_move(self) -> None:
        grid = self.query_one(NumberGrid)
        grid.position = (grid.position + 1) % (SIZE * SIZE)


if __name__ == "__main__":
    if "--numpy" in sys.argv[1:]:
        import numpy  # noqa: F401
    MinimalApp().run()
