"""Saving progress so that nothing is ever lost: atomic writes, a lock, and damaged files kept.

Every change is applied to what is on disk *now*, under a lock, then written to a temporary
file and moved into place with `os.replace`. Two tutors open at once therefore both keep their
results, and a process killed mid-save leaves the old file or the new one, never half of one.
A file that cannot be read as progress is renamed aside with a timestamp, never overwritten.
"""

from __future__ import annotations

import contextlib
import json
import os
import tempfile
import time
from collections.abc import Callable, Iterator
from pathlib import Path

from .model import DamagedProgress, Progress, from_json

HOME_VARIABLE = "CNN_TUTOR_HOME"
FILE_NAME = "progress.json"
MAX_BYTES = 5_000_000

try:  # POSIX advisory locks; elsewhere saves are still atomic, just not serialised.
    import fcntl
except ImportError:  # pragma: no cover - Windows
    fcntl = None  # type: ignore[assignment]


def default_home() -> Path:
    """$CNN_TUTOR_HOME if set (tests, shared lab accounts), else the platform's data folder."""
    override = os.environ.get(HOME_VARIABLE)
    if override:
        return Path(override).expanduser()
    from platformdirs import user_data_dir

    return Path(user_data_dir("cnn-tutor", appauthor=False))


class ProgressStore:
    """The progress file under `home`, and the notices a learner should see about it."""

    def __init__(self, home: Path) -> None:
        self.home = home
        self.path = home / FILE_NAME
        self.progress = Progress()
        self.notices: list[str] = []
        self._warned_unsaved = False

    def load(self) -> Progress:
        try:
            with self._locked():
                self.progress = self._read()
        except OSError as error:
            self.notices.append(f"Progress could not be read from {self.home}: {_why(error)}.")
        return self.progress

    def update(self, change: Callable[[Progress], None]) -> bool:
        """Apply `change` to the saved progress and save it. False if it could only be kept in
        memory (the folder is not writable); the learner is told once."""
        try:
            with self._locked():
                current = self._read()
                change(current)
                self._write(current)
        except OSError as error:
            change(self.progress)
            if not self._warned_unsaved:
                self._warned_unsaved = True
                self.notices.append(f"Progress cannot be saved in {self.home}: {_why(error)}.")
            return False
        self.progress = current
        return True

    @contextlib.contextmanager
    def _locked(self) -> Iterator[None]:
        self.home.mkdir(parents=True, exist_ok=True)
        if fcntl is None:
            yield
            return
        with open(self.home / ".progress.lock", "a") as lock:
            fcntl.flock(lock, fcntl.LOCK_EX)
            try:
                yield
            finally:
                fcntl.flock(lock, fcntl.LOCK_UN)

    def _read(self) -> Progress:
        """What is saved now; a damaged file is renamed aside and a fresh start returned."""
        self._remove_stale_temporaries()
        if not self.path.exists() and not self.path.is_symlink():
            return Progress()
        try:
            if self.path.stat().st_size > MAX_BYTES:
                raise DamagedProgress(f"it is larger than {MAX_BYTES:,} bytes")
            return from_json(json.loads(self.path.read_bytes()))
        except (DamagedProgress, ValueError, OSError) as error:
            kept = self._set_aside()
            self.notices.append(
                f"Your progress file could not be used ({_problem(error)}). It was kept as "
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
    if isinstance(error, OSError):
        return _why(error)
    if isinstance(error, UnicodeDecodeError):
        return "it is not text"
    if isinstance(error, json.JSONDecodeError):
        return "it is not valid JSON"
    return str(error)


def _why(error: OSError) -> str:
    return (error.strerror or str(error)).lower()
