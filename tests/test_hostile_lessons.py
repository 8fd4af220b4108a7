"""A lesson folder written to attack the learner's terminal: everything in it is shown as text.

The installed tutor runs in a pseudo-terminal over a folder holding a lesson whose every text
is Rich and Textual markup, a lesson whose summary holds escape sequences, and a file whose
name is one. Every byte the tutor writes while a learner goes through them is read: no escape
sequence from a file, no hyperlink, no blinking ever reaches the terminal, and the markup is
on screen as the characters it is.
"""

from __future__ import annotations

import re
from pathlib import Path

from tests.emulated_terminal import EmulatedTerminal

MARKUP = "[/] [link=file:///etc/passwd]here[/link] [@click=app.quit]quit[/] [blink]b[/blink]"
MARKUP_LESSON = f"""format_version = 1
id = "markup"
order = 1
title = "Markup {MARKUP[:10]}"
summary = "Summary {MARKUP}"

[[pages]]
title = "Page [b]one[/b]"
narration = \"\"\"
Narration {MARKUP} and **bold** still works.
\"\"\"

[[pages]]
narration = "A scene."
[pages.scene.layer]
size = 3
kernel = 3
[pages.scene.input]
values = [[1, 2, 3], [4, 5, 6], [7, 8, 9]]
[pages.scene.weights]
values = [[1, 0, 0], [0, 1, 0], [0, 0, 1]]
[pages.predict]
neuron = [1, 1]
prompt = "Guess {MARKUP}"

[quiz]
[[quiz.questions]]
kind = "choice"
prompt = "Prompt {MARKUP}?"
hints = ["Hint {MARKUP}"]
choices = ["Choice [/] one", "Choice [link=file:///etc/passwd]two[/link]"]
answer = 1
explanation = "Explained {MARKUP}"
"""
ESCAPES = "\\u001b]52;c;aGk=\\u0007 \\u001b[2J \\u001b[6n"
ESCAPE_LESSON = (
    MARKUP_LESSON.replace('id = "markup"', 'id = "escapes"')
    .replace("order = 1", "order = 2")
    .replace(f'summary = "Summary {MARKUP}"', f'summary = "{ESCAPES}"')
)
EVIL_NAME = "evil\x1b[2J\x1b]52;c;aGk=\x07.toml"
FORBIDDEN = {
    b"\x1b]52": "a write to the clipboard",
    b"\x1b[2J": "a clear screen",
    b"\x1b[6n": "a cursor position request",
    b"\x1b]8;": "a hyperlink",
}
SGR = re.compile(rb"\x1b\[([0-9;:]*)m")


def blinks(output: bytes) -> bool:
    """Whether any style the tutor sent turns blinking on (5 and 6, outside a colour)."""
    for match in SGR.finditer(output):
        params = match.group(1).decode().split(";")
        n = 0
        while n < len(params):
            if params[n] in ("38", "48", "58"):
                n += 3 if n + 1 < len(params) and params[n + 1] == "5" else 5
                continue
            if params[n] in ("5", "6"):
                return True
            n += 1
    return False


def test_nothing_from_a_lesson_file_reaches_the_terminal_but_text(tmp_path: Path) -> None:
    folder = tmp_path / "lessons"
    folder.mkdir()
    (folder / "01-markup.toml").write_text(MARKUP_LESSON)
    (folder / "02-escapes.toml").write_text(ESCAPE_LESSON)
    (folder / EVIL_NAME).write_text("not = = toml")
    terminal = EmulatedTerminal(["--lessons", str(folder)], tmp_path / "home")
    try:
        terminal.wait_for("Summary [/] [link=file:///etc/passwd]here[/link]…")
        terminal.press("down")  # the broken lessons: their messages, with what the file holds
        terminal.wait_for("has a control character, U+001B")
        terminal.press("down")
        terminal.wait_for("evil\\x1b[2J\\x1b]52;c;aGk=\\x07.toml")
        for key in ("up", "up", "enter"):
            terminal.press(key)
        terminal.wait_for("Narration [/] [link=file:///etc/passwd]here[/link]")
        terminal.press("n")
        terminal.wait_for("Predict the neuron at row 1, col 1: Guess [/]")
        terminal.wait_for("[link=file:///etc/passwd]here[/link] [@click=app.quit]quit[/] [blink]")
        terminal.press("n")
        terminal.wait_for("Prompt [/] [link=file:///etc/passwd]here[/link]")
        terminal.press("h")
        terminal.wait_for("Hint 1: Hint [/]")
        terminal.press("2")
        terminal.press("enter")
        terminal.wait_for("Explained [/] [link=file:///etc/passwd]here[/link]")
        terminal.press("m")
        terminal.wait_for("c continues lesson 1: ")
        for key in ("ctrl+p", *"Markup"):
            terminal.press(key)
        terminal.wait_for("Lesson 1: Markup [/] [link")
        terminal.press("escape")
        terminal.settle()
    finally:
        terminal.close()
    output = bytes(terminal.received)
    for sequence, meaning in FORBIDDEN.items():
        assert sequence not in output, f"{meaning} reached the terminal"
    assert not blinks(output), "something blinks"
    assert terminal.session.process.returncode == 0


HUGE_COUNTS_LESSON = """format_version = 1
id = "huge"
order = 1
title = "Huge"
summary = "The largest layer a counts page may show."

[[pages]]
narration = "The most-read value enters {most_reads} products; the corner {corner_reads}."
[pages.counts]
height = 65536
width = 65536
kernel = 32768

[quiz]
[[quiz.questions]]
kind = "number"
prompt = "How many products does the most-read value of {layer} enter?"
answer = "most_reads"
[quiz.questions.layer]
size = 65536
kernel = 32768
"""


def test_the_largest_layers_keep_the_tutor_answering_and_q_quits(tmp_path: Path) -> None:
    """A billion window taps once took four minutes to count on the event loop, deaf to q,
    SIGTERM and SIGHUP; the page and its quiz now show at once, and q quits."""
    folder = tmp_path / "lessons"
    folder.mkdir()
    (folder / "01-huge.toml").write_text(HUGE_COUNTS_LESSON)
    terminal = EmulatedTerminal(["--lessons", str(folder), "--lesson", "1"], tmp_path / "home")
    try:
        terminal.wait_for("enters 1,073,741,824 products; the corner 1.", timeout=10)
        terminal.press("n")
        terminal.wait_for("How many products does the most-read value", timeout=10)
        terminal.press("q")
        assert terminal.session.process.wait(timeout=10) == 0
    finally:
        terminal.close()
