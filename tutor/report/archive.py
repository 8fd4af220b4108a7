"""A term's records put where no learner can rewrite them: `cnn-tutor report --archive`.

Each learner owns their summary in the class folder, so they could rewrite it later. Archiving
moves every summary into a new subfolder only the teacher can enter (mode 700). A move within
one file system keeps each file's owner, so the report still knows whose each one is; the
learners' tutors start a new summary beside it at their next save. The teacher must own the
class folder (the README's set-up): in a sticky folder only its owner may move others' files.
Temporary files left by killed saves are removed on the way.
"""

from __future__ import annotations

import contextlib
import os
import stat
import time
from pathlib import Path
from typing import NamedTuple

from ..atomic_write import TEMPORARY_SUFFIX, sync_folder
from ..controls import escaped
from ..progress.summary import STALE_SECONDS

ARCHIVE_PREFIX = "archive-"


class Archived(NamedTuple):
    folder: Path
    moved: int
    removed: int
    """Stale temporary files removed."""
    problems: list[str]
    """One line per file that could not be moved."""


def archive_class(results: Path) -> Archived:
    """Move every summary (`*.json`) of `results` into a new `archive-<date>-<time>` folder
    there. OSError when the archive folder itself cannot be made."""
    target = _new_folder(results)
    moved, removed, problems = 0, 0, []
    now = time.time()
    for entry in sorted(results.iterdir()):
        if entry.name.startswith(".") and entry.name.endswith(TEMPORARY_SUFFIX):
            with contextlib.suppress(OSError):
                if now - entry.lstat().st_mtime > STALE_SECONDS:
                    entry.unlink()
                    removed += 1
            continue
        if entry.suffix != ".json" or entry.name.startswith(".") or not _is_file(entry):
            continue
        try:
            os.rename(entry, target / entry.name)
            moved += 1
        except OSError as error:
            why = (error.strerror or str(error)).lower()
            problems.append(f"{escaped(str(entry))}: not moved ({why})")
    if not moved:  # nothing to keep: no empty archive left behind
        with contextlib.suppress(OSError):
            target.rmdir()
    else:
        sync_folder(target)
    sync_folder(results)
    return Archived(target, moved, removed, problems)


def _new_folder(results: Path) -> Path:
    stamp = time.strftime("%Y%m%d-%H%M%S")
    for n in range(100):
        target = results / f"{ARCHIVE_PREFIX}{stamp}{f'-{n}' if n else ''}"
        try:
            target.mkdir(mode=0o700)
        except FileExistsError:
            continue
        os.chmod(target, 0o700)  # not widened by a setgid folder's default ACL or the umask
        return target
    raise FileExistsError(f"{escaped(str(results))} has 100 archives made this second")


def _is_file(entry: Path) -> bool:
    """Anything but a folder (a link is moved as a link, never followed)."""
    try:
        return not stat.S_ISDIR(entry.lstat().st_mode)
    except OSError:
        return False
