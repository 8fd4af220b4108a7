"""Every key, on one screen. Opened with ? or F1 anywhere; closed with the same keys, or b."""

from __future__ import annotations

from rich.table import Table
from textual.app import ComposeResult
from textual.binding import Binding
from textual.containers import VerticalScroll
from textual.screen import ModalScreen
from textual.widgets import Static

from ..screen_css import screen_css

KEYS: tuple[tuple[str, tuple[tuple[str, str], ...]], ...] = (
    (
        "Everywhere",
        (
            ("q", "quit (everything is saved)"),
            ("? or F1", "this help"),
            ("Ctrl+P", "command palette: calculator, help, lessons"),
            ("Ctrl+L", "redraw the whole screen, if it looks garbled"),
        ),
    ),
    (
        "Lesson list",
        (
            ("↑ ↓, Enter", "choose a lesson and open it where you left off"),
            ("c", "continue the lesson you were last in"),
            ("k", "parameter calculator"),
            ("r / R", "reset this lesson / all progress (asks first)"),
        ),
    ),
    (
        "Lesson",
        (
            ("→ l space", "next step: the kernel moves one position"),
            ("← h", "previous step"),
            ("↑ k / ↓ j", "the same column, one output row up / down"),
            ("Home / End", "first / last step"),
            ("f", "the same position in the next depth slice"),
            ("s", "a neuron map: the same neuron with weights shared / not shared"),
            ("p", "play / pause; + and - change the speed"),
            ("w", "output cells: each neuron's kernel (W1, or its own #n) / its value"),
            ("1-9, t, 0", "trace weight w1-w9 / the next weight / stop tracing"),
            ("click", "an output cell: show that neuron; a kernel cell: trace it"),
            ("Shift+arrows, H J K L", "scroll a scene or a table too big for the window"),
            ("n PageDown", "next page (after the last page: the quiz)"),
            ("b PageUp", "previous page"),
            ("[ / ]", "scroll the text up / down"),
            ("v", "hide / show the text, to see more of the scene"),
            ("m or Esc", "back to the lesson list"),
        ),
    ),
    (
        "Prediction (where a page asks for one)",
        (
            ("digits, Enter", "the number you expect this neuron to be; Enter checks it"),
            ("r", "show the neuron without a prediction"),
        ),
    ),
    (
        "Quiz",
        (
            ("Enter", "answer; then go on to the next question"),
            ("h or F2", "next hint"),
            ("1-6, ↑ ↓", "pick a choice; Enter answers with it"),
            ("b / m", "back to the lesson / the lesson list"),
            ("results: r n m", "retry with new layers / next lesson / lesson list"),
        ),
    ),
    (
        "Calculator",
        (
            ("Tab", "next field; the counts update as you type"),
            ("o", "open this layer in the stepper (when it is small enough)"),
            ("b or Esc", "back"),
        ),
    ),
)


def keys_table() -> Table:
    table = Table(show_header=False, box=None, pad_edge=False, expand=True)
    table.add_column("key", style="bold", no_wrap=True)
    table.add_column("does")
    for section, rows in KEYS:
        table.add_row(f"[reverse] {section} [/]", "")
        for key, does in rows:
            table.add_row(f"  {key}", does)
    return table


class HelpScreen(ModalScreen[None]):
    DEFAULT_CSS = screen_css("help")
    SCOPED_CSS = False

    BINDINGS = [
        Binding("question_mark,f1,escape,b,enter", "dismiss", "Close", priority=True),
        Binding("down,j", "scroll(1)", show=False),
        Binding("up,k", "scroll(-1)", show=False),
    ]

    def compose(self) -> ComposeResult:
        with VerticalScroll(id="help-body"):
            yield Static("Keys  (close with ?, F1, b or Esc)", id="help-title")
            yield Static(keys_table(), id="help-keys")

    def action_scroll(self, direction: int) -> None:
        self.query_one("#help-body", VerticalScroll).scroll_relative(y=direction, animate=False)
