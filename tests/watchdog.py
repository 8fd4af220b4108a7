"""A test that hangs fails, with what its tutors' screens showed, instead of stalling the run.

Every test gets a time limit (conftest.py): SIGALRM then prints the screen of every tutor the
test has running (a Pilot app's or an emulated terminal's, each registered while it runs) past
pytest's capture, and raises TestTimedOut in the test, again every second: raised inside a
callback of the event loop (a computation that never ends), asyncio reports it and goes on,
but the callback has been stopped, and the next one lands in the test. Should none land, a
minute later faulthandler prints every thread's stack and ends the run: a hang costs minutes,
never the eleven a stuck test once took, and it always says where.
"""

from __future__ import annotations

import contextlib
import faulthandler
import signal
from collections.abc import Callable, Iterator
from typing import TextIO

DEFAULT_SECONDS = 180
"""A test's time limit unless it says otherwise (@pytest.mark.time_limit(seconds))."""
LAST_RESORT = 60
"""Seconds after the limit when a run that did not stop is ended with every thread's stack."""

_screens: dict[int, tuple[str, Callable[[], str]]] = {}


class TestTimedOut(Exception):
    """The test ran past its time limit; the message holds the screens it had running."""


def show(what: str, screen: Callable[[], str]) -> int:
    """From now on `screen()` is what `what` shows, printed if the test runs out of time;
    the key returned ends it (`forget`)."""
    key = id(screen)
    _screens[key] = (what, screen)
    return key


def forget(key: int) -> None:
    _screens.pop(key, None)


@contextlib.contextmanager
def screen_shown(what: str, screen: Callable[[], str]) -> Iterator[None]:
    """`show` while inside."""
    key = show(what, screen)
    try:
        yield
    finally:
        forget(key)


def screens_now() -> str:
    parts = []
    for what, screen in list(_screens.values()):
        try:
            shown = screen()
        except Exception as error:  # a screen half torn down: say so, keep the others
            shown = f"(could not be read: {error!r})"
        parts.append(f"--- {what} ---\n{shown}")
    return "\n".join(parts) or "(no tutor was running)"


@contextlib.contextmanager
def time_limit(
    test: str, seconds: float, terminal: TextIO, say: Callable[[str], None]
) -> Iterator[None]:
    """Fail `test` with the screens shown if it runs longer than `seconds`. `say` prints past
    pytest's capture; `terminal` is where faulthandler writes the stacks."""
    said: list[str] = []

    def expired(signum: int, frame: object) -> None:
        if not said:
            said.append(f"{test} ran past its {seconds:g} s limit. Screens:\n{screens_now()}")
            say(said[0])  # seen even if the process is ended before pytest reports
        raise TestTimedOut(said[0])

    previous = signal.signal(signal.SIGALRM, expired)
    signal.setitimer(signal.ITIMER_REAL, seconds, 1.0)
    faulthandler.dump_traceback_later(seconds + LAST_RESORT, exit=True, file=terminal)
    try:
        yield
    finally:
        faulthandler.cancel_dump_traceback_later()
        signal.setitimer(signal.ITIMER_REAL, 0)
        signal.signal(signal.SIGALRM, previous)
