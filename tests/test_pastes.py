"""A paste is text for the focused input, or nothing: it never presses a key.

The terminal sends a paste between two marks (bracketed paste). Textual's parser used to read
an ESC inside a paste as the start of a key sequence and send what followed as keys
(tutor/ui/textual_gaps.py, gap 5): these tests paste such text into the installed tutor in a
pseudo-terminal, and check the guard itself on every way a read can split the marks.
"""

from __future__ import annotations

import json
from itertools import pairwise
from pathlib import Path

from hypothesis import given
from hypothesis import strategies as st

from tests.emulated_terminal import EmulatedTerminal
from tutor.ui.textual_gaps import PASTE_END, PASTE_START, PasteGuard

ESC = "\x1b"


def pasted(text: str) -> bytes:
    return (PASTE_START + text + PASTE_END).encode()


def test_a_paste_on_the_lesson_list_resets_nothing(home: Path) -> None:
    terminal = EmulatedTerminal(["--lesson", "1"], home)
    try:
        terminal.wait_for("page 1 of 4")
        terminal.press("n")
        terminal.press("m")
        terminal.wait_for("c continues lesson 1")
        terminal.send(pasted("see \x1b[1mRy"))
        terminal.send(pasted("\x1b[1m\x1b[1mR"))
        terminal.press("down")  # a key after the pastes: they have all been read
        assert "Reset ALL progress" not in terminal.text(), terminal.text()
        assert "[in progress: page 2 of 4]" in terminal.text(), terminal.text()
        terminal.close()
        saved = json.loads((home / "progress.json").read_text())
        assert saved["lessons"]["one-kernel"]["page"] == 1, "lesson 1 is still on page 2"
    finally:
        terminal.close()


def test_a_paste_in_the_prediction_box_is_text_or_nothing(home: Path) -> None:
    terminal = EmulatedTerminal(["--lesson", "1"], home)
    try:
        terminal.wait_for("page 1 of 4")
        for key in ("n", "n", *["l"] * 5):
            terminal.press(key)
        terminal.wait_for("Predict the neuron at row 2, col 3")
        terminal.send(pasted("\x1b[31m"))  # not a number: refused whole, and m is no key
        terminal.send(pasted("1\x1b2"))  # the ESC goes, the digits stay
        terminal.press("right")
        assert "page 3 of 4" in terminal.text(), terminal.text()
        assert "Predict the neuron at row 2, col 3" in terminal.text()
        assert "12" in [line.strip() for line in terminal.text().splitlines()], terminal.text()
    finally:
        terminal.close()


SPLITS = st.lists(st.integers(min_value=0, max_value=60), max_size=8)
PIECES = st.lists(
    st.one_of(
        st.sampled_from(["a", "q", "R", ESC, "[", "1", "m", "~", "200", "201"]),
        st.builds(
            lambda text: PASTE_START + text + PASTE_END,
            st.text(alphabet="ab[1m~2" + ESC, max_size=12),
        ),
    ),
    max_size=10,
)


def guarded_whole(stream: str) -> str:
    """What the guard should pass on: the stream with every ESC between the marks removed."""
    out, rest = [], stream
    while (start := rest.find(PASTE_START)) >= 0:
        end = rest.find(PASTE_END, start + len(PASTE_START))
        end = len(rest) if end < 0 else end
        body = rest[start + len(PASTE_START) : end]
        out += [rest[: start + len(PASTE_START)], body.replace(ESC, "")]
        rest = rest[end:]
        if rest.startswith(PASTE_END):
            out.append(PASTE_END)
            rest = rest[len(PASTE_END) :]
    return "".join(out) + rest


@given(PIECES, SPLITS)
def test_the_guard_passes_the_same_text_however_the_reads_split_it(
    pieces: list[str], cuts: list[int]
) -> None:
    stream = "".join(pieces)
    guard = PasteGuard()
    bounds = sorted({0, len(stream), *(min(cut, len(stream)) for cut in cuts)})
    passed = "".join(guard(stream[a:b]) for a, b in pairwise(bounds))
    if not guard.in_paste:
        assert passed == guarded_whole(stream)
    else:  # a paste still arriving: what is held back is the start of its end mark
        assert guarded_whole(stream).startswith(passed)
