"""Shown instead of everything else while the terminal is below 80 x 24."""

from __future__ import annotations

from textual import events
from textual.app import ComposeResult
from textual.geometry import Size
from textual.screen import Screen
from textual.widgets import Static

from ..screen_css import screen_css

MIN_WIDTH, MIN_HEIGHT = 80, 24


def is_too_small(size: Size) -> bool:
    return size.width < MIN_WIDTH or size.height < MIN_HEIGHT


class TooSmallScreen(Screen[None]):
    """Only a message; resizing back to 80 x 24 returns to where the learner was."""

    DEFAULT_CSS = screen_css("too_small")
    SCOPED_CSS = False

    def compose(self) -> ComposeResult:
        yield Static(id="too-small-message")

    def on_mount(self) -> None:
        self.show_size()

    def on_resize(self, event: events.Resize) -> None:
        self.show_size(event.size)

    def show_size(self, size: Size | None = None) -> None:
        width, height = size or self.app.size
        self.query_one("#too-small-message", Static).update(
            f"Make the window at least {MIN_WIDTH} x {MIN_HEIGHT}.\n"
            f"It is {width} x {height} now. q quits."
        )
