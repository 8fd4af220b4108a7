"""A learner's progress copied to the class results folder, where the teacher's report reads it.

One file per login name, `<login>.json`: the progress file's contents plus who and when. It is
written atomically (atomic_write.py), so the teacher never reads half of one; it is readable
by the folder's group (a setgid folder gives it the teacher's group). A name that is a
symbolic link is replaced, never followed, and a file another user owns is never touched.
"""

from __future__ import annotations

import contextlib
import getpass
import json
import os
import pwd
import re
import time
from pathlib import Path
from typing import Any

from ..atomic_write import write_atomically

LEARNER_FIELD = "learner"
SUMMARY_MODE = 0o640
"""The owner writes it, the folder's group (the teacher) reads it, nobody else."""
_LOGIN = re.compile(r"[A-Za-z0-9_][A-Za-z0-9._-]{0,63}")


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


def summary_path(folder: Path, login: str) -> Path:
    return folder / f"{login}.json"


def write_summary(folder: Path, login: str, saved: dict[str, Any]) -> None:
    """Put `login`'s progress (as its JSON) in the class folder; OSError says why it could
    not be."""
    if not valid_learner(login):
        raise OSError(f"the login name {login!r} cannot name a file")
    target = summary_path(folder, login)
    with contextlib.suppress(FileNotFoundError):
        if os.lstat(target).st_uid != os.getuid():
            raise OSError(f"{target.name} there belongs to another user")
    data = {**saved, LEARNER_FIELD: login, "written": time.time()}
    write_atomically(
        target, json.dumps(data).encode("utf-8"), prefix=f".{login}-", mode=SUMMARY_MODE
    )
