"""Saving never freezes the screen, never keeps a learner from quitting, and never loses what
was done while it could not save.

Saves run in a thread beside the UI loop: a class folder on a network that stops answering
(here: a summary write that blocks until the test lets it go) leaves stepping as quick as
ever, and q quits after at most SAVE_WAIT seconds, saying what did not finish.
"""

from __future__ import annotations

import errno
import json
import os
import threading
from pathlib import Path

import pytest

from tests.emulated_terminal import COMMAND, EmulatedTerminal
from tests.test_progress_saving import read_only_mount
from tests.ui_driver import build_app, run, wait_for_text, wait_until
from tutor.cli import start
from tutor.progress import store as store_module
from tutor.progress import summary
from tutor.ui import saving


def saved_page(home: Path, lesson: str = "one-kernel") -> int | None:
    try:
        return json.loads((home / "progress.json").read_text())["lessons"][lesson]["page"]
    except (OSError, KeyError, ValueError):
        return None


async def test_a_hung_class_folder_never_freezes_the_screen_and_q_still_quits(
    home: Path, tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    answering = threading.Event()
    real = summary.write_summary

    def hung(*args: object) -> None:
        answering.wait()  # an NFS server that has stopped answering
        real(*args)  # type: ignore[arg-type]

    monkeypatch.setattr(summary, "write_summary", hung)
    monkeypatch.setattr(saving, "SAVE_WAIT", 1.0)
    results = tmp_path / "results"
    results.mkdir()
    app = start.build_app(1, home=home, results=results)
    try:
        async with run(app) as pilot:
            await wait_for_text(pilot, "page 1 of 4")
            await pilot.press("n")  # saved, then the class copy hangs
            await wait_until(pilot, lambda: saved_page(home) == 1, "page 2 saved")
            await pilot.press("l", "l", "l")
            await wait_for_text(pilot, "Step 4 of")  # the screen answers while the copy hangs
            await pilot.press("n")
            await wait_until(pilot, lambda: saved_page(home) == 2, "page 3 saved as well")
            await pilot.press("q")
            await wait_until(pilot, lambda: app.return_code is not None, "the tutor quitting")
        assert app.unsaved_warnings == [
            f"the class folder {results} did not answer within 1 s: your teacher sees your "
            "latest results after your next save."
        ]
    finally:
        answering.set()


async def test_a_quiz_passed_while_saves_failed_is_saved_by_the_next_save(
    home: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    def full(*args: object, **kwargs: object) -> None:
        raise OSError(errno.ENOSPC, os.strerror(errno.ENOSPC))

    app = build_app(home, lesson=1)
    async with run(app) as pilot:
        await wait_for_text(pilot, "page 1 of 4")
        with monkeypatch.context() as patched:
            patched.setattr(store_module, "write_atomically", full)
            await pilot.press("n", "n", "n", "n")
            await wait_for_text(pilot, "Question 1 of 5")
            for reply in ("4", "10", "1", "16", "160"):
                if app.screen.run.current.is_choice:  # type: ignore[attr-defined]
                    await pilot.press(reply, "enter", "enter")
                else:
                    await pilot.press(*reply, "enter", "enter")
            await wait_for_text(pilot, "Passed: 5 of 5 right (100 %).")
            await wait_for_text(pilot, "Progress cannot be saved in")
            assert app.store.progress.lessons["one-kernel"].passed
        await pilot.press("n")  # the next lesson: the first save that can be
        await wait_for_text(pilot, "Lesson 2")
        await wait_until(pilot, lambda: app.store.unsaved == 0, "everything saved")
    saved = json.loads((home / "progress.json").read_text())["lessons"]["one-kernel"]
    assert saved["passed"] and saved["attempts"] == 1 and len(saved["history"]) == 1


def test_a_read_only_progress_folder_shows_the_progress_with_a_notice(home: Path) -> None:
    """A real read-only mount (root, in a mount namespace of its own): the lesson list shows
    the progress saved before, says why nothing is saved, and the tutor quits saying so."""
    store_module.ProgressStore(home).update(lambda p: p.move("one-kernel", 1, 3))
    command = read_only_mount(home, COMMAND)
    terminal = EmulatedTerminal([], home, command=tuple(command))
    try:
        terminal.wait_for("[in progress: page 2 of 4]")
        terminal.wait_for("nothing new can be saved.")
        terminal.press("c")
        terminal.wait_for("Step 4 of 16")
        terminal.press("l")
        terminal.press("q")
        assert terminal.session.process.wait(timeout=20) == 0
        terminal.drain()
        said = bytes(terminal.received).decode("utf-8", "replace")
        assert "cnn-tutor: your latest progress could not be saved in" in said, said
    finally:
        terminal.close()
    assert saved_page(home) == 1, "left as it was"
