"""Saving progress so that nothing is ever lost: atomic writes, a lock, and damaged files kept.

A change is made to the progress in memory at once, where the screens read it, and kept in a
list of changes not yet saved. A save (off the UI loop: the app runs it in a thread) applies
those changes, in order, to what is on disk *now*, under a lock, and writes the result
atomically (atomic_write.py). So two tutors open at once both keep their results, a process
killed mid-save leaves the old file or the new one, and a save that fails (a full disk, a
read-only folder) loses nothing: its changes wait for the next save, which writes them all.
The copy in the class folder is written apart (`copy_for_the_teacher`), so that a class
folder on a network that has stopped answering never holds up the learner's own saves.

A file that cannot be read as progress is renamed aside with a timestamp, never overwritten.
A progress "file" that is not a regular file at all (a symbolic link, a pipe, a device) is
never opened, followed or replaced: it is left alone and progress is kept in memory. A folder
where no lock can be made (read-only) is read without one: the learner sees their progress,
and is told that nothing new will be saved.
"""

from __future__ import annotations

import contextlib
import errno
import json
import os
import threading
import time
from collections.abc import Callable, Iterator
from pathlib import Path

from ..atomic_write import TEMPORARY_SUFFIX, write_atomically
from ..controls import escaped
from ..regular_files import FileTooLarge, NotRegularFile, read_regular_file
from . import summary
from .model import VERSION, DamagedProgress, Progress, from_json

Change = Callable[[Progress], None]
FILE_NAME = "progress.json"
TEMPORARY_PREFIX = ".progress-"
MAX_BYTES = 5_000_000

try:  # POSIX advisory locks; elsewhere saves are still atomic, just not serialised.
    import fcntl
except ImportError:  # pragma: no cover - Windows
    fcntl = None  # type: ignore[assignment]


def default_home() -> Path:
    """The platform's data folder (the settings or $CNN_TUTOR_HOME may choose another)."""
    from platformdirs import user_data_dir

    return Path(user_data_dir("cnn-tutor", appauthor=False))


class NoLock(OSError):
    """No lock file can be made in the progress folder: it is read-only to this learner."""


_READ_ONLY = (errno.EACCES, errno.EPERM, errno.EROFS)


class ProgressStore:
    """The progress file under `home`, and the notices a learner should see about it.

    `change` is called on the UI thread, `save` and `copy_for_the_teacher` on any thread:
    one of each runs at a time, and `_memory` guards what the UI and they all touch (the
    progress in memory, the changes not yet saved, the notices).
    """

    def __init__(self, home: Path, results: Path | None = None) -> None:
        self.home = home
        self.results = results
        """The class results folder: each save also writes this learner's summary there."""
        self.path = home / FILE_NAME
        self.progress = Progress()
        self._unsaved: list[Change] = []
        """Changes made in memory and not yet written, oldest first."""
        self._memory = threading.Lock()
        self._one_save = threading.Lock()
        self._one_copy = threading.Lock()
        self._notices: list[str] = []
        self._warned_unsaved = False
        self._warned_results = False
        self._not_a_file: str | None = None
        """Why progress.json is left alone (it is not a regular file), once found."""
        self.problem = ""
        """Why the last save failed ("" once one succeeds)."""

    # -- what the screens use ---------------------------------------------------------------

    def load(self) -> Progress:
        """The saved progress; read without a lock where none can be made (read-only)."""
        try:
            with self._locked():
                progress = self._read(writable=True)
        except NoLock as error:
            progress = self._read_only(error)
        except OSError as error:
            self._say(f"Progress could not be read from {escaped(str(self.home))}: {_why(error)}.")
            return self.progress
        with self._memory:
            self.progress = progress
        return progress

    def change(self, change: Change) -> None:
        """Make `change` to the progress in memory now; the next save writes it."""
        with self._memory:
            change(self.progress)
            self._unsaved.append(change)

    def save(self) -> bool:
        """Write every change not yet saved, applied to the file as it is now (what another
        tutor saved meanwhile is kept). False if it could not be written: the changes stay in
        memory for the next save, and the learner is told once. Safe on any thread: a second
        save waits for the first."""
        with self._one_save:
            return self._save()

    def _save(self) -> bool:
        with self._memory:
            changes = list(self._unsaved)
        if not changes:
            return True
        try:
            with self._locked():
                current = self._read(writable=True)
                if self._not_a_file is not None:
                    raise OSError(self._not_a_file)
                for change in changes:
                    change(current)
                self._write(current)
        except OSError as error:
            self.problem = _why(error)
            if not self._warned_unsaved and self._not_a_file is None:
                self._warned_unsaved = True
                self._say(
                    f"Progress cannot be saved in {escaped(str(self.home))}: "
                    f"{_why(error)}. It is kept until you quit, and saved as soon as "
                    "it can be."
                )
            return False
        self.problem = ""
        with self._memory:
            del self._unsaved[: len(changes)]
            for change in self._unsaved:  # made while this save was writing
                change(current)
            self.progress = current
        return True

    def update(self, change: Change) -> bool:
        """`change`, then save and copy at once (for callers with no UI loop to keep free)."""
        self.change(change)
        return self.save_and_copy()

    def save_and_copy(self) -> bool:
        """Save, and once saved copy to the class folder; whether the save succeeded."""
        saved = self.save()
        if saved:
            self.copy_for_the_teacher()
        return saved

    @property
    def unsaved(self) -> int:
        """How many changes are not yet in the file."""
        with self._memory:
            return len(self._unsaved)

    def take_notices(self) -> list[str]:
        """What the learner should be told about their progress since last asked."""
        with self._memory:
            notices, self._notices = self._notices, []
        return notices

    @property
    def notices(self) -> list[str]:
        """The notices not yet taken (for reading; `take_notices` empties them)."""
        with self._memory:
            return list(self._notices)

    def _say(self, notice: str) -> None:
        with self._memory:
            self._notices.append(notice)

    # -- the folders ------------------------------------------------------------------------

    def _read_only(self, why: NoLock) -> Progress:
        """Progress read without the lock, from a folder where none can be made."""
        try:
            progress = self._read(writable=False)
        except OSError as error:
            self._say(f"Progress could not be read from {escaped(str(self.home))}: {_why(error)}.")
            return Progress()
        self._warned_unsaved = True  # said here, once
        self._say(
            f"Your progress folder {escaped(str(self.home))} is read-only ({_why(why)}): "
            "your progress is shown as it was saved, and nothing new can be saved."
        )
        return progress

    def copy_for_the_teacher(self) -> None:
        """The progress as it is now, as a summary in the class results folder; if it cannot
        be written the learner is told once (their own progress is saved all the same). Safe
        on any thread: a second copy waits for the first."""
        if self.results is None:
            return
        with self._one_copy:
            with self._memory:
                saved = self.progress.to_json()
            try:
                summary.write_summary(self.results, summary.login_name(), saved)
            except (OSError, KeyError) as error:  # KeyError: no name for this account at all
                if not self._warned_results:
                    self._warned_results = True
                    why = _why(error) if isinstance(error, OSError) else "no login name"
                    self._say(
                        f"Your results cannot be copied to the class folder "
                        f"{escaped(str(self.results))}: {why}. Your own progress is "
                        "saved."
                    )

    @contextlib.contextmanager
    def _locked(self) -> Iterator[None]:
        try:
            self.home.mkdir(parents=True, exist_ok=True)
        except OSError as error:
            raise _no_lock(error) from error
        if fcntl is None:
            yield
            return
        # Never through a symbolic link (nothing outside the folder is created), never
        # waiting on a pipe put in its place.
        flags = os.O_WRONLY | os.O_CREAT | os.O_NOFOLLOW | os.O_NONBLOCK | os.O_CLOEXEC
        try:
            lock = os.open(self.home / ".progress.lock", flags, 0o600)
        except OSError as error:
            raise _no_lock(error) from error
        try:
            fcntl.flock(lock, fcntl.LOCK_EX)
            try:
                yield
            finally:
                fcntl.flock(lock, fcntl.LOCK_UN)
        finally:
            os.close(lock)

    def _read(self, *, writable: bool) -> Progress:
        """What is saved now; a damaged file is renamed aside and a fresh start returned.

        progress.json that is not a regular file is left where it is, unread: progress is
        then kept in memory (the learner is told once). Not `writable` (no lock could be
        made): nothing in the folder is changed, a damaged file is left where it is."""
        if writable:
            self._remove_stale_temporaries()
        if self._not_a_file is not None:
            return self.progress
        try:
            raw = read_regular_file(self.path, MAX_BYTES, follow_symlinks=False)
        except FileNotFoundError:
            return Progress()
        except NotRegularFile as problem:
            self._not_a_file = f"{FILE_NAME} {problem.reason}"
            self._say(
                f"{FILE_NAME} in {escaped(str(self.home))} {problem.reason}: it was left "
                "as it is, and your progress is kept only until you quit."
            )
            return Progress()
        except FileTooLarge as problem:
            return self._damaged(problem.reason, writable)
        try:
            data = json.loads(raw)
            progress = from_json(data)
        except (DamagedProgress, ValueError) as error:
            return self._damaged(_problem(error), writable)
        except RecursionError:
            return self._damaged("it is nested too deeply", writable)
        if data["version"] < VERSION and writable:
            self._keep_old_version(raw, data["version"])
        return progress

    def _keep_old_version(self, raw: bytes, version: int) -> None:
        """A copy of a file an older version wrote, made once before it is first rewritten,
        for going back to that version."""
        flags = os.O_WRONLY | os.O_CREAT | os.O_EXCL | os.O_NOFOLLOW | os.O_CLOEXEC
        try:
            descriptor = os.open(self.path.with_name(f"progress.v{version}.json"), flags, 0o600)
        except FileExistsError:
            return
        with os.fdopen(descriptor, "wb") as handle:
            handle.write(raw)

    def _damaged(self, problem: str, writable: bool) -> Progress:
        """Set the file aside as it is, say so, and start afresh."""
        if not writable:
            self._say(f"Your progress file could not be used ({problem}); it was left as it is.")
            return Progress()
        kept = self._set_aside()
        self._say(
            f"Your progress file could not be used ({problem}). It was kept as "
            f"{kept.name} and a fresh one started."
        )
        return Progress()

    def _set_aside(self) -> Path:
        stamp = time.strftime("%Y%m%d-%H%M%S")
        for n in range(1000):
            suffix = f"-{n}" if n else ""
            target = self.path.with_name(f"progress.damaged-{stamp}{suffix}.json")
            if not target.exists():
                os.rename(self.path, target)
                return target
        raise OSError("too many damaged progress files")

    def _write(self, progress: Progress) -> None:
        data = json.dumps(progress.to_json(), indent=1).encode("utf-8")
        write_atomically(self.path, data, prefix=TEMPORARY_PREFIX)

    def _remove_stale_temporaries(self) -> None:
        """Temporary files left by a tutor killed mid-save (we hold the lock, so none is live)."""
        if fcntl is None:
            return
        for leftover in self.home.glob(f"{TEMPORARY_PREFIX}*{TEMPORARY_SUFFIX}"):
            with contextlib.suppress(OSError):
                leftover.unlink()


def _no_lock(error: OSError) -> OSError:
    """NoLock when the folder refuses a lock file (read-only), else the error itself."""
    if error.errno in _READ_ONLY:
        return NoLock(error.errno, error.strerror)
    return error


def _problem(error: Exception) -> str:
    if isinstance(error, UnicodeDecodeError):
        return "it is not text"
    if isinstance(error, json.JSONDecodeError):
        return "it is not valid JSON"
    return str(error)


def _why(error: OSError) -> str:
    return (error.strerror or str(error)).lower()
