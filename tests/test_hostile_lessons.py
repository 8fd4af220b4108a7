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
ESCAPE_LESSON = MARKUP_LESSON.replace('id = "markup"', 'id = "escapes"').replace(
    "order = 1", "order = 2").replace(f'summary = "Summary {MARKUP}"', f'summary = "{ESCAPES}"')
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
        terminal.wait_for("Summary [/] [link=file:///etc/passwd]here[/link] [@click")
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
