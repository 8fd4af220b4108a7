"""A learner's progress copied to the class results folder, where the teacher's report reads it.

One file per account, `<login>.json`: the progress file's contents plus who and when. It is
written atomically (atomic_write.py), so the teacher never reads half of one; it is readable
by the folder's group (a setgid folder gives it the teacher's group). A name that is a
symbolic link is replaced, never followed, and a file another user owns is never touched.

The folder is shared, so a classmate can create `<login>.json` first. Then the learner's
summary goes to a name of its own, `<login>.<8 hex digits>.json`, chosen at random (so it
cannot be taken in advance) and found again by its owner: the file's owner says whose it is,
the report flags the squatter, and the learner's results still reach the teacher.
"""

from __future__ import annotations

import contextlib
import getpass
import glob
import json
import os
import pwd
import re
import secrets
import stat
import time
from pathlib import Path
from typing import Any

from ..atomic_write import TEMPORARY_SUFFIX, write_atomically

LEARNER_FIELD = "learner"
SUMMARY_MODE = 0o640
"""The owner writes it, the folder's group (the teacher) reads it, nobody else."""
_LOGIN = re.compile(r"[A-Za-z0-9_][A-Za-z0-9._-]{0,63}")
_SUMMARY_NAME = re.compile(r"(?P<login>.+?)(?:\.[0-9a-f]{8})?\.json")
STALE_SECONDS = 3600
"""A temporary file of this learner's older than this is left by a killed save, not a live one
(a save takes well under a second)."""


def login_name() -> str:
    """The account's own name, from the user database rather than $LOGNAME or $USER, which a
    learner could set to write as someone else."""
    try:
        return pwd.getpwuid(os.getuid()).pw_name
    except KeyError:  # a uid with no entry (some containers)
        return getpass.getuser()


def valid_learner(name: Any) -> bool:
    """A login name that can be a file's name: letters, digits, `.`, `_`, `-`."""
    return isinstance(name, str) and _LOGIN.fullmatch(name) is not None


def login_named_by(file_name: str) -> str | None:
    """The login a summary's file name is for (`ann.json`, `ann.0f3a9c21.json`), if any."""
    match = _SUMMARY_NAME.fullmatch(file_name)
    return match.group("login") if match and valid_learner(match.group("login")) else None


def own_summary(folder: Path, login: str) -> Path:
    """Where this account's summary goes: the file it already owns there (`<login>.json`, or
    the name of its own it took when that was someone else's), else `<login>.json` when free,
    else a new name of its own."""
    uid = os.getuid()
    preferred = folder / f"{login}.json"
    candidates = [preferred]
    with contextlib.suppress(OSError):
        candidates += sorted(
            entry
            for entry in folder.iterdir()
            if entry != preferred and login_named_by(entry.name) == login
        )
    for candidate in candidates:
        try:
            status = os.lstat(candidate)
        except FileNotFoundError:
            continue
        if status.st_uid == uid and (candidate == preferred or stat.S_ISREG(status.st_mode)):
            return candidate  # a link of its own at the usual name is replaced, not followed
    if not os.path.lexists(preferred):
        return preferred
    return folder / f"{login}.{secrets.token_hex(4)}.json"


def write_summary(folder: Path, login: str, saved: dict[str, Any]) -> None:
    """Put `login`'s progress (as its JSON) in the class folder; OSError says why it could
    not be."""
    if not valid_learner(login):
        raise OSError(f"the login name {login!r} cannot name a file")
    prefix = f".{login}-"
    _remove_stale_temporaries(folder, prefix)
    data = {**saved, LEARNER_FIELD: login, "written": time.time()}
    write_atomically(
        own_summary(folder, login),
        json.dumps(data).encode("utf-8"),
        prefix=prefix,
        mode=SUMMARY_MODE,
    )


def _remove_stale_temporaries(folder: Path, prefix: str) -> None:
    """This learner's temporary files left by a save that was killed (another tutor of the
    same learner may be writing one now: only those an hour old go)."""
    uid, now = os.getuid(), time.time()
    with contextlib.suppress(OSError):
        for leftover in folder.glob(f"{glob.escape(prefix)}*{TEMPORARY_SUFFIX}"):
            with contextlib.suppress(OSError):
                status = os.lstat(leftover)
                if status.st_uid == uid and now - status.st_mtime > STALE_SECONDS:
                    leftover.unlink()
