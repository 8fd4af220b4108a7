"""Real Unix accounts for the tests where who owns a file matters: a class group, a teacher and
learners made with `groupadd`/`useradd` for the test and removed after it, and a way to run a
piece of the tutor as one of them (a forked child that drops to the account, so nothing needs
to be installed where the account can reach it). Only root can do this: elsewhere the tests
that need it are skipped, saying so.
"""

from __future__ import annotations

import contextlib
import fcntl
import grp
import io
import os
import pwd
import shutil
import subprocess
import sys
import tempfile
import traceback
from collections.abc import Callable, Iterator
from pathlib import Path
from typing import NamedTuple

import pytest


class Lab(NamedTuple):
    """A class on one machine: `folder` is the class results folder (mode 3770, the teacher's,
    the class group's), `base` a world-readable folder holding it and each account's home."""

    base: Path
    folder: Path
    group: str
    accounts: dict[str, str]
    """Role (teacher, alice, bob) -> the login made for it in this test run."""

    def home(self, role: str) -> Path:
        return self.base / role

    def uid(self, role: str) -> int:
        return pwd.getpwnam(self.accounts[role]).pw_uid


def _why_not() -> str | None:
    if not hasattr(os, "getuid") or os.getuid() != 0:
        return "real accounts need root (useradd), and this test runs as another user"
    missing = [
        tool for tool in ("useradd", "userdel", "groupadd", "groupdel") if not shutil.which(tool)
    ]
    if missing:
        return f"real accounts need {', '.join(missing)}, not installed here"
    return None


ACCOUNTS_LOCK = Path(tempfile.gettempdir()) / "cnn-tutor-test-accounts.lock"
"""Held while accounts are made or removed: CI runs the suites of several Pythons side by
side, and two `useradd`s at once would contend for /etc/passwd's lock."""


def _run(*command: str) -> None:
    with open(ACCOUNTS_LOCK, "a") as lock:
        fcntl.flock(lock, fcntl.LOCK_EX)
        subprocess.run(command, check=True, capture_output=True, timeout=60)


@contextlib.contextmanager
def lab(*roles: str) -> Iterator[Lab]:
    """A class group, one account per role, and a class results folder set up as the README
    tells an administrator to; everything removed afterwards."""
    why = _why_not()
    if why:
        pytest.skip(why)
    tag = f"{os.getpid() % 100000}"
    group = f"cnnc{tag}"
    accounts = {role: f"{role[:6]}{tag}" for role in roles}
    base = Path(tempfile.mkdtemp(prefix="cnn-tutor-lab-"))
    made: list[str] = []
    try:
        os.chmod(base, 0o755)
        _run("groupadd", group)
        for login in accounts.values():
            _run("useradd", "--no-create-home", "--gid", group, "--shell", "/bin/false", login)
            made.append(login)
        teacher = pwd.getpwnam(accounts["teacher"])
        folder = base / "results"
        folder.mkdir()
        os.chown(folder, teacher.pw_uid, grp.getgrnam(group).gr_gid)
        os.chmod(folder, 0o3770)
        for role, login in accounts.items():
            home = base / role
            home.mkdir()
            os.chown(home, pwd.getpwnam(login).pw_uid, grp.getgrnam(group).gr_gid)
            os.chmod(home, 0o700)
            (home / "config.toml").write_text("")  # no settings but these
            os.chown(home / "config.toml", pwd.getpwnam(login).pw_uid, -1)
        yield Lab(base, folder, group, accounts)
    finally:
        for login in made:
            with contextlib.suppress(subprocess.SubprocessError):
                _run("userdel", login)
        with contextlib.suppress(subprocess.SubprocessError):
            _run("groupdel", group)
        shutil.rmtree(base, ignore_errors=True)


def as_account(lab: Lab, role: str, work: Callable[[], int | None]) -> tuple[int, str]:
    """Run `work` as the role's account (in a forked child with that account's uid, group and
    home) and return its exit code (None is 0) and everything it printed."""
    entry = pwd.getpwnam(lab.accounts[role])
    home = lab.home(role)
    reader, writer = os.pipe()
    child = os.fork()
    if child == 0:  # pragma: no cover - the child, measured by what it writes back
        code = 1
        try:
            os.close(reader)
            out = io.StringIO()
            os.setgroups([entry.pw_gid])
            os.setgid(entry.pw_gid)
            os.setuid(entry.pw_uid)
            os.environ.update(
                HOME=str(home),
                CNN_TUTOR_CONFIG=str(home / "config.toml"),
                CNN_TUTOR_HOME=str(home / "progress"),
            )
            os.environ.pop("CNN_TUTOR_RESULTS", None)
            with contextlib.redirect_stdout(out), contextlib.redirect_stderr(out):
                try:
                    code = work() or 0
                except BaseException:
                    traceback.print_exc()
                    code = 1
            os.write(writer, out.getvalue().encode())
        finally:
            os._exit(code)
    os.close(writer)
    with os.fdopen(reader, "rb") as pipe:
        printed = pipe.read().decode()
    _, status = os.waitpid(child, 0)
    return os.waitstatus_to_exitcode(status), printed


def run_as(lab: Lab, role: str, work: Callable[[], int | None]) -> str:
    """`as_account`, expecting success: what it printed."""
    code, printed = as_account(lab, role, work)
    if code != 0:
        print(printed, file=sys.stderr)
    assert code == 0, f"as {role}: exit {code}\n{printed}"
    return printed
