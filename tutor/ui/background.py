"""Work that may block for long, run beside the UI loop: a save to a class folder on a network
that has stopped answering must never freeze the screen, nor keep the tutor from quitting."""

from __future__ import annotations

import asyncio
import contextlib
import threading
from collections.abc import Callable
from typing import TYPE_CHECKING, Any, Generic, TypeVar

if TYPE_CHECKING:
    from textual.app import App

Result = TypeVar("Result")


def in_thread(work: Callable[[], Result], name: str) -> asyncio.Future[Result]:
    """`work` run in a thread of its own, for the UI loop to await.

    A daemon thread rather than the loop's executor: Python joins an executor's threads when
    the program ends, so one stuck in a hung write would keep the tutor from exiting.
    """
    loop = asyncio.get_running_loop()
    done: asyncio.Future[Result] = loop.create_future()

    def run() -> None:
        try:
            outcome: tuple[Callable[[Any], None], Any] = (done.set_result, work())
        except BaseException as error:  # raised on the awaiting side
            outcome = (done.set_exception, error)
        with contextlib.suppress(RuntimeError):  # the loop has closed: nobody is waiting
            loop.call_soon_threadsafe(_settle, done, *outcome)

    threading.Thread(target=run, name=name, daemon=True).start()
    return done


def _settle(done: asyncio.Future[Any], settle: Callable[[Any], None], value: Any) -> None:
    if not done.done():  # the awaiting side may have been cancelled meanwhile
        settle(value)


class Lane(Generic[Result]):
    """Work that runs in a thread one run at a time, in a Textual worker of `app`; asked for
    again while it runs, it runs once more afterwards (the last state wins, nothing piles up).
    `after` is called on the UI loop with each run's result."""

    def __init__(
        self, app: App[Any], name: str, work: Callable[[], Result], after: Callable[[Result], None]
    ) -> None:
        self._app, self._name, self._work, self._after = app, name, work, after
        self._running = False
        self._again = False
        self._idle = asyncio.Event()
        """Set while no run is under way: what `finished` waits for (never the worker itself:
        a wait on a task that times out cancels that task)."""
        self._idle.set()

    def request(self) -> None:
        if self._running:
            self._again = True
            return
        self._running = True
        self._idle.clear()
        self._app.run_worker(self._runs(), name=self._name, group=self._name)

    async def _runs(self) -> None:
        try:
            again = True
            while again:
                self._again = False
                self._after(await in_thread(self._work, f"cnn-tutor {self._name}"))
                again = self._again
        finally:
            self._running = False
            self._idle.set()

    @property
    def busy(self) -> bool:
        """A run is under way or asked for."""
        return not self._idle.is_set()

    async def finished(self, within: float) -> bool:
        """Wait until no run is under way or asked for, at most `within` seconds; whether
        it came to that."""
        if self._idle.is_set():
            return True
        try:
            await asyncio.wait_for(self._idle.wait(), max(within, 0.0))
        except TimeoutError:
            return False
        return True
