"""The footer every screen shows: compact, so a lesson's keys fit in 80 columns.

The command palette's key is left out of it (the help screen lists Ctrl+P) for the same reason.
"""

from __future__ import annotations

from textual.widgets import Footer


class KeyFooter(Footer):
    def __init__(self) -> None:
        super().__init__(compact=True, show_command_palette=False)
