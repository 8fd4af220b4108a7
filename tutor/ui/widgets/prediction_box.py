"""Where a learner types a prediction of one neuron, and reads the verdict.

Three lines under the scene: what is asked, the answer box, and what the tutor says back (a
problem with what was typed, or the verdict). The lesson screen holds the prediction's state
and tells the box what to show; the box posts nothing of its own but the Input's Submitted.
"""

from __future__ import annotations

from rich.text import Text
from textual.app import ComposeResult
from textual.containers import Vertical
from textual.widgets import Input, Static

from ...quiz.digits import SEPARATORS, TYPED_DIGITS
from ..literal import literal
from .character_input import CharacterInput

PREDICTION_CHARACTERS = rf"{TYPED_DIGITS},.+\-{SEPARATORS}"
"""Digits of any script, a sign, and separators between groups (a dot or an apostrophe gets
advice on thousands): letters stay free as keys (r, n, m, q)."""
KEYS = "Enter: check it · r: just show it"


class PredictionBox(Vertical):
    def compose(self) -> ComposeResult:
        yield Static(id="prediction-prompt")
        yield CharacterInput(
            placeholder="a whole number, e.g. -3, then Enter",
            characters=PREDICTION_CHARACTERS,
            max_length=20,
            id="prediction-answer",
            disabled=True,
        )
        yield Static(id="prediction-said")

    def ask(self, lead: str, prompt: str) -> None:
        """Show the question (`lead` in bold, then the lesson's prompt), an empty box with the
        cursor in it."""
        question = literal(f"{lead}: ", "bold")
        question.append_text(literal(prompt))
        self.query_one("#prediction-prompt", Static).update(question)
        answer = self.query_one("#prediction-answer", Input)
        answer.value, answer.disabled = "", False
        self.query_one("#prediction-said", Static).update(Text(KEYS, style="dim"))
        self.display = True
        answer.focus()

    def say(self, text: str, final: bool = False) -> None:
        """A line under the box: a problem with what was typed (the box stays open) or, when
        `final`, the verdict in bold (the box keeps the number typed, no longer editable)."""
        self.query_one("#prediction-said", Static).update(literal(text, "bold" if final else ""))
        if final:
            self.query_one("#prediction-answer", Input).disabled = True

    def close(self) -> None:
        """Hidden, the box disabled (nothing can focus it), the keys back to the screen."""
        self.query_one("#prediction-answer", Input).disabled = True
        self.display = False
