"""Driving the real tutor app in tests: build it, read what its screen shows, wait for changes.

Screen text is read the way a person reads it: the composited screen, rendered to plain text,
so a test asserts on what is visible rather than on widget internals.
"""

from __future__ import annotations

import asyncio
import contextlib
import io
from collections.abc import AsyncIterator, Callable
from pathlib import Path

from rich.console import Console
from textual.pilot import Pilot
from textual.worker import WorkerCancelled, WorkerFailed

from tests import watchdog
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


SAVING = ("leave", "save", "class copy")
"""The groups of the app's workers that write files: quitting, saving, the class copy."""


@contextlib.asynccontextmanager
async def run(app: TutorApp, size: tuple[int, int] = SIZE) -> AsyncIterator[Pilot[None]]:
    """`app.run_test` at 80 x 24 with notifications on (they are part of what a learner
    sees). Its screen is printed if the test runs out of time; at the end, saves (and a quit)
    under way are waited for, so a test reads its files as the tutor left them."""
    async with app.run_test(size=size, notifications=True) as pilot:
        with watchdog.screen_shown(f"{type(app).__name__} under Pilot", lambda: screen_text(app)):
            yield pilot
            await finish_saving(app)


async def finish_saving(app: TutorApp) -> None:
    """Wait until no worker of the app is quitting or writing a file (a quit starts a save,
    and a save a class copy, so look again until none is left)."""
    while writing := [w for w in app.workers if w.group in SAVING and not w.is_finished]:
        for worker in writing:  # shielded: a wait that times out cancels what it waits on
            with contextlib.suppress(WorkerCancelled, WorkerFailed):
                await asyncio.wait_for(asyncio.shield(worker.wait()), WAIT_SECONDS)


def screen_text(app: TutorApp) -> str:
    """Everything visible on the terminal now, as plain text lines."""
    width, height = app.size
    console = Console(
        width=width,
        height=height,
        file=io.StringIO(),
        force_terminal=True,
        color_system=None,
        record=True,
        legacy_windows=False,
    )
    console.print(full_repaint(app))
    return console.export_text()


async def wait_until(
    pilot: Pilot[None], condition: Callable[[], bool], what: str = "the condition"
) -> None:
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
