"""Shown instead of everything else while the terminal is below 80 x 24."""

from __future__ import annotations

from textual.app import ComposeResult
from textual.screen import Screen
from textual.widgets import Static

MIN_WIDTH, MIN_HEIGHT = 80, 24


class TooSmallScreen(Screen[None]):
    """Only a message; resizing back to 80 x 24 returns to where the learner was."""

    def compose(self) -> ComposeResult:
        yield Static(id="too-small-message")

    def on_mount(self) -> None:
        self.show_size()

    def on_resize(self) -> None:
        self.show_size()

    def show_size(self) -> None:
        width, height = self.app.size
        self.query_one("#too-small-message", Static).update(
            f"Make the window at least {MIN_WIDTH} x {MIN_HEIGHT} "
            f"(it is {width} x {height} now). q quits."
        )
