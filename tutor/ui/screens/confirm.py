"""A yes/no question, answered with y or n (Escape also means no)."""

from __future__ import annotations

from rich.text import Text
from textual.app import ComposeResult
from textual.binding import Binding
from textual.containers import Vertical
from textual.screen import ModalScreen
from textual.widgets import Static

from ..screen_css import screen_css


class ConfirmScreen(ModalScreen[bool]):
    DEFAULT_CSS = screen_css("confirm")
    SCOPED_CSS = False

    BINDINGS = [
        Binding("y", "answer(True)", "Yes"),
        Binding("n,escape", "answer(False)", "No"),
    ]

    def __init__(self, question: Text) -> None:
        super().__init__()
        self.question = question

    def compose(self) -> ComposeResult:
        with Vertical(id="confirm-box"):
            yield Static(self.question, id="confirm-question")
            yield Static("y = yes, n = no", id="confirm-keys")

    def action_answer(self, yes: bool) -> None:
        if self.is_current:  # y then n in one burst: the first answer counts
            self.dismiss(yes)
