"""Saving off the UI loop, and waiting a little for it when the tutor leaves.

A change to the learner's progress is made in memory at once (the screens read it there) and
written by a save in a thread: one at a time, and once more afterwards if anything changed
meanwhile (the last state wins). The class folder's copy is written in a lane of its own, so a
class folder on a network that has stopped answering never holds up the learner's own saves.
Leaving waits for both, at most SAVE_WAIT seconds, and says what did not finish.
"""

from __future__ import annotations

import asyncio
import threading
from collections.abc import Callable
from typing import TYPE_CHECKING, Any

from ..controls import escaped
from ..progress.model import Progress
from .background import Lane

if TYPE_CHECKING:
    from textual.app import App

    from ..progress.store import ProgressStore

SAVE_WAIT = 5.0
"""Seconds leaving waits for the last save: a folder on a network that has stopped answering
must not keep the learner from leaving."""


class Saving:
    """The store's saves and class copies, each in its lane of `app`; `said` shows what the
    store has to tell the learner, after each."""

    def __init__(self, app: App[Any], store: ProgressStore, said: Callable[[], None]) -> None:
        self.store = store
        self._said = said
        self._saves = Lane(app, "save", store.save, self._saved)
        self._copies = Lane(app, "class copy", store.copy_for_the_teacher, lambda _: said())

    def change(self, change: Callable[[Progress], None]) -> None:
        """Change the progress the screens read now; save it in the background."""
        self.store.change(change)
        self._saves.request()

    @property
    def under_way(self) -> bool:
        return self._saves.busy or self._copies.busy

    async def finish(self) -> list[str]:
        """Wait for the save and the class copy under way, at most SAVE_WAIT s in all; what
        did not finish, one line each."""
        loop = asyncio.get_running_loop()
        deadline = loop.time() + SAVE_WAIT
        saved = await self._saves.finished(SAVE_WAIT)
        copied = await self._copies.finished(deadline - loop.time())
        return self._unfinished(saved, copied)

    def finish_now(self) -> list[str]:
        """The same, waiting here: for a signal, when nobody is at the screen any more."""
        last = threading.Thread(
            target=self.store.save_and_copy, name="cnn-tutor last save", daemon=True
        )
        last.start()
        last.join(SAVE_WAIT)
        hung = last.is_alive()
        saving = hung and self.store.unsaved > 0  # else it hung copying to the class folder
        return self._unfinished(saved=not saving, copied=not hung or saving)

    def _saved(self, saved: bool) -> None:
        self._said()
        if saved and self.store.results is not None:
            self._copies.request()

    def _unfinished(self, saved: bool, copied: bool) -> list[str]:
        home = escaped(str(self.store.home))
        lines = []
        if not saved:
            lines.append(
                f"your latest progress was not saved: {home} did not answer within {SAVE_WAIT:g} s."
            )
        elif self.store.unsaved:
            lines.append(
                f"your latest progress could not be saved in {home}: {self.store.problem}."
            )
        if not copied:
            lines.append(
                f"the class folder {escaped(str(self.store.results))} did not answer "
                f"within {SAVE_WAIT:g} s: your teacher sees your latest results after "
                "your next save."
            )
        return lines
