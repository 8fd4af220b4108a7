"""The three places where the tests read Textual's private state, for want of a public way.

tests/test_textual_gaps.py checks that each name used here still exists, so a Textual upgrade
that renames one fails there with the name, not as a puzzling failure in some UI test.
"""

from __future__ import annotations

from rich.console import RenderableType
from textual.app import App
from textual.widget import Widget

PRIVATE_NAMES = {
    "Screen": ["_compositor"],
    "App": ["_background_screens"],
    "MessagePump": ["_timers"],
    "Timer": ["_active"],
}
"""Class name to the private attributes this module uses (checked in test_textual_gaps.py)."""


def full_repaint(app: App[object]) -> RenderableType:
    """The whole screen as Textual would paint it from scratch, background screens included:
    what App.export_screenshot draws, without the SVG."""
    return app.screen._compositor.render_update(full=True, screen_stack=app._background_screens)


def running_timers(widget: Widget) -> list[object]:
    """The widget's timers that are neither stopped nor paused: none should be left once
    play is paused, or the tutor would wake up while the learner reads."""
    return [timer for timer in widget._timers if timer._active.is_set()]
