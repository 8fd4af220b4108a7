"""Saving progress so that nothing is ever lost: atomic writes, a lock, and damaged files kept.

Every change is applied to what is on disk *now*, under a lock, then written to a temporary
file and moved into place with `os.replace`. Two tutors open at once therefore both keep their
results, and a process killed mid-save leaves the old file or the new one, never half of one.
A file that cannot be read as progress is renamed aside with a timestamp, never overwritten.
A progress "file" that is not a regular file at all (a symbolic link, a pipe, a device) is
never opened, followed or replaced: it is left alone and progress is kept in memory.
"""

from __future__ import annotations

import contextlib
import json
import os
import tempfile
import time
from collections.abc import Callable, Iterator
from pathlib import Path

from ..controls import escaped
from ..regular_files import FileTooLarge, NotRegularFile, read_regular_file
from . import summary
from .model import VERSION, DamagedProgress, Progress, from_json

FILE_NAME = "progress.json"
MAX_BYTES = 5_000_000

try:  # POSIX advisory locks; elsewhere saves are still atomic, just not serialised.
    import fcntl
except ImportError:  # pragma: no cover - Windows
    fcntl = None  # type: ignore[assignment]


def default_home() -> Path:
    """The platform's data folder (the settings or $CNN_TUTOR_HOME may choose another)."""
    from platformdirs import user_data_dir

    return Path(user_data_dir("cnn-tutor", appauthor=False))


class ProgressStore:
    """The progress file under `home`, and the notices a learner should see about it."""

    def __init__(self, home: Path, results: Path | None = None) -> None:
        self.home = home
        self.results = results
        """The class results folder: each save also writes this learner's summary there."""
        self._warned_results = False
        self.path = home / FILE_NAME
        self.progress = Progress()
        self.notices: list[str] = []
        self._warned_unsaved = False
        self._not_a_file: str | None = None
        """Why progress.json is left alone (it is not a regular file), once found."""

    def load(self) -> Progress:
        try:
            with self._locked():
                self.progress = self._read()
        except OSError as error:
            self.notices.append(f"Progress could not be read from {escaped(str(self.home))}: "
                                f"{_why(error)}.")
        return self.progress

    def update(self, change: Callable[[Progress], None]) -> bool:
        """Apply `change` to the saved progress and save it. False if it could only be kept in
        memory (the folder is not writable, or progress.json is not a file); the learner is
        told once."""
        try:
            with self._locked():
                current = self._read()
                if self._not_a_file is not None:
                    raise OSError(self._not_a_file)
                change(current)
                self._write(current)
        except OSError as error:
            change(self.progress)
            if not self._warned_unsaved and self._not_a_file is None:
                self._warned_unsaved = True
                self.notices.append(f"Progress cannot be saved in {escaped(str(self.home))}: "
                                    f"{_why(error)}.")
            return False
        self.progress = current
        self._copy_for_the_teacher()
        return True

    def _copy_for_the_teacher(self) -> None:
        """The summary in the class results folder; if it cannot be written the learner is
        told once, and their own progress is saved all the same."""
        if self.results is None:
            return
        try:
            summary.write_summary(self.results, summary.login_name(), self.progress)
        except (OSError, KeyError) as error:  # KeyError: no name for this account at all
            if not self._warned_results:
                self._warned_results = True
                why = _why(error) if isinstance(error, OSError) else "no login name"
                self.notices.append(f"Your results cannot be copied to the class folder "
                                    f"{escaped(str(self.results))}: {why}. Your own progress "
                                    "is saved.")

    @contextlib.contextmanager
    def _locked(self) -> Iterator[None]:
        self.home.mkdir(parents=True, exist_ok=True)
        if fcntl is None:
            yield
            return
        # Never through a symbolic link (nothing outside the folder is created), never
        # waiting on a pipe put in its place.
        flags = os.O_WRONLY | os.O_CREAT | os.O_NOFOLLOW | os.O_NONBLOCK | os.O_CLOEXEC
        lock = os.open(self.home / ".progress.lock", flags, 0o600)
        try:
            fcntl.flock(lock, fcntl.LOCK_EX)
            try:
                yield
            finally:
                fcntl.flock(lock, fcntl.LOCK_UN)
        finally:
            os.close(lock)

    def _read(self) -> Progress:
        """What is saved now; a damaged file is renamed aside and a fresh start returned.

        progress.json that is not a regular file is left where it is, unread: progress is
        then kept in memory (the learner is told once)."""
        self._remove_stale_temporaries()
        if self._not_a_file is not None:
            return self.progress
        try:
            raw = read_regular_file(self.path, MAX_BYTES, follow_symlinks=False)
        except FileNotFoundError:
            return Progress()
        except NotRegularFile as problem:
            self._not_a_file = f"{FILE_NAME} {problem.reason}"
            self.notices.append(
                f"{FILE_NAME} in {escaped(str(self.home))} {problem.reason}: it was left as it "
                "is, and your progress is kept only until you quit."
            )
            return Progress()
        except FileTooLarge as problem:
            return self._damaged(problem.reason)
        try:
            data = json.loads(raw)
            progress = from_json(data)
        except (DamagedProgress, ValueError) as error:
            return self._damaged(_problem(error))
        except RecursionError:
            return self._damaged("it is nested too deeply")
        if data["version"] < VERSION:
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

    def _damaged(self, problem: str) -> Progress:
        """Set the file aside as it is, say so, and start afresh."""
        kept = self._set_aside()
        self.notices.append(f"Your progress file could not be used ({problem}). It was kept as "
                            f"{kept.name} and a fresh one started.")
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
        descriptor, temporary = tempfile.mkstemp(dir=self.home, prefix=".progress-", suffix=".tmp")
        try:
            with os.fdopen(descriptor, "w", encoding="utf-8") as handle:
                json.dump(progress.to_json(), handle, indent=1)
                handle.flush()
                os.fsync(handle.fileno())
            os.replace(temporary, self.path)
        except BaseException:
            with contextlib.suppress(OSError):
                os.unlink(temporary)
            raise

    def _remove_stale_temporaries(self) -> None:
        """Temporary files left by a tutor killed mid-save (we hold the lock, so none is live)."""
        if fcntl is None:
            return
        for leftover in self.home.glob(".progress-*.tmp"):
            with contextlib.suppress(OSError):
                leftover.unlink()


def _problem(error: Exception) -> str:
    if isinstance(error, UnicodeDecodeError):
        return "it is not text"
    if isinstance(error, json.JSONDecodeError):
        return "it is not valid JSON"
    return str(error)


def _why(error: OSError) -> str:
    return (error.strerror or str(error)).lower()
