"""Driving the real tutor app in tests: build it, read what its screen shows, wait for changes.

Screen text is read the way a person reads it: the composited screen, rendered to plain text,
so a test asserts on what is visible rather than on widget internals.
"""

from __future__ import annotations

import asyncio
import io
from collections.abc import Callable
from contextlib import AbstractAsyncContextManager
from pathlib import Path

from rich.console import Console
from textual.pilot import Pilot

from tests.textual_internals import full_repaint
from tutor.cli import start
from tutor.cli.choices import LessonFolder
from tutor.ui.app import TutorApp

SIZE = (80, 24)
WAIT_SECONDS = 10.0


def build_app(home: Path, lessons_dir: Path | None = None, lesson: int | None = None) -> TutorApp:
    """The app as `cnn-tutor [--lessons DIR] [--lesson N]` builds it, saving progress in home."""
    folders = None if lessons_dir is None else (LessonFolder(lessons_dir, "--lessons"),)
    return start.build_app(lesson, folders, home=home)


def run(app: TutorApp, size: tuple[int, int] = SIZE) -> AbstractAsyncContextManager[Pilot[None]]:
    """`app.run_test` at 80 x 24 with notifications on: they are part of what a learner sees."""
    return app.run_test(size=size, notifications=True)


def screen_text(app: TutorApp) -> str:
    """Everything visible on the terminal now, as plain text lines."""
    width, height = app.size
    console = Console(width=width, height=height, file=io.StringIO(), force_terminal=True,
                      color_system=None, record=True, legacy_windows=False)
    console.print(full_repaint(app))
    return console.export_text()


async def wait_until(pilot: Pilot[None], condition: Callable[[], bool],
                     what: str = "the condition") -> None:
    """Let the app process messages until `condition` holds (timers need real time to fire)."""
    loop = asyncio.get_running_loop()
    deadline = loop.time() + WAIT_SECONDS
    while not condition():
        if loop.time() > deadline:
            raise AssertionError(f"timed out waiting for {what}")
        await pilot.pause(0.02)


async def wait_for_text(pilot: Pilot[None], text: str) -> str:
    """Wait until `text` is on screen; return the whole screen."""
    await wait_until(pilot, lambda: text in screen_text(pilot.app), repr(text))  # type: ignore[arg-type]
    return screen_text(pilot.app)  # type: ignore[arg-type]
