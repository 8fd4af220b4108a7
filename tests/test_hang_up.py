"""A dropped connection or a kill loses nothing, and a killed tutor leaves the terminal sane.

The installed tutor runs in a pseudo-terminal. Closing the terminal under it (what a dropped
SSH connection does: the tutor gets SIGHUP) or sending SIGTERM saves where the learner is,
including a quiz under way, just as quitting does; a second start carries on from there.
"""

from __future__ import annotations

import signal
from pathlib import Path

from tests.emulated_terminal import EmulatedTerminal
from tests.ui_driver import build_app, run, wait_for_text


def start(home: Path, *args: str) -> EmulatedTerminal:
    """The tutor with the terminal as its controlling terminal, as over SSH."""
    return EmulatedTerminal(list(args), home, controlling=True)


def test_a_hang_up_keeps_the_step_within_the_page(tmp_path: Path) -> None:
    terminal = start(tmp_path, "--lesson", "1")
    terminal.wait_for("Step 1 of 16")
    for _ in range(3):
        terminal.press("l")
    terminal.wait_for("Step 4 of 16")
    terminal.hang_up()
    again = start(tmp_path, "--lesson", "1")
    try:
        again.wait_for("Step 4 of 16  neuron at row 1, col 4")
    finally:
        again.close()


def test_a_hang_up_in_a_quiz_comes_back_to_its_question(tmp_path: Path) -> None:
    terminal = start(tmp_path, "--lesson", "1")
    terminal.wait_for("page 1 of 4")
    for key in ("n", "n", "n", "n"):
        terminal.press(key)
    terminal.wait_for("Question 1 of 5")
    for key in ("4", "enter", "enter"):
        terminal.press(key)
    terminal.wait_for("Question 2 of 5")
    terminal.hang_up()
    again = start(tmp_path)
    try:
        again.wait_for("quiz under way (1 answered)")
        again.press("c")
        again.wait_for("Question 2 of 5")
    finally:
        again.close()


def test_sigterm_saves_and_leaves_the_terminal_sane(tmp_path: Path) -> None:
    terminal = start(tmp_path, "--lesson", "2")
    terminal.wait_for("Step 1 of")
    terminal.press("n")
    terminal.press("l")
    terminal.wait_for("Step 2 of 25")
    terminal.session.process.send_signal(signal.SIGTERM)
    assert terminal.session.process.wait(timeout=20) == 1
    terminal.drain()
    ending = bytes(terminal.received).rsplit(b"\x1b[?1049h", 1)[-1]
    for sequence, meaning in (
        (b"\x1b[?1049l", "the alternate screen left"),
        (b"\x1b[?25h", "the cursor shown"),
        (b"\x1b[?1000l", "mouse reporting off"),
    ):
        assert sequence in ending, meaning
    terminal.close()
    again = start(tmp_path, "--lesson", "2")
    try:
        again.wait_for("page 2 of 4")
        again.wait_for("Step 2 of 25")
    finally:
        again.close()


async def test_inside_a_test_the_app_leaves_the_signals_to_the_test_runner(home: Path) -> None:
    """Caught on a test's event loop, SIGTERM would stop the app rather than the test run (a
    hung test then ignored it): only `cnn-tutor` itself catches SIGTERM and SIGHUP."""
    signals = (signal.SIGTERM, signal.SIGHUP)
    before = [signal.getsignal(number) for number in signals]
    async with run(build_app(home, lesson=1)) as pilot:
        await wait_for_text(pilot, "page 1 of 4")
        assert [signal.getsignal(number) for number in signals] == before
