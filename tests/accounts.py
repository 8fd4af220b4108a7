"""Real Unix accounts for the tests where who owns a file matters: a class group, a teacher and
learners made with `groupadd`/`useradd` for the test and removed after it, and a way to run a
piece of the tutor as one of them (a fresh child process that drops to the account once it has
imported the tutor, so nothing needs to be installed where the account can reach it). Only
root can do this: elsewhere the tests that need it are skipped, saying so.
"""

from __future__ import annotations

import contextlib
import fcntl
import grp
import os
import pickle
import pwd
import shutil
import subprocess
import sys
import tempfile
from collections.abc import Callable, Iterator
from pathlib import Path
from typing import NamedTuple

import pytest

REPOSITORY = Path(__file__).resolve().parent.parent
"""On the child's path, for the test module its work comes from."""
CHILD_SECONDS = 60


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


AS_ACCOUNT = """
import os, pickle, pkgutil, sys, importlib
uid, gid = int(sys.argv[1]), int(sys.argv[2])
work, args = pickle.load(sys.stdin.buffer)
import argparse, fcntl, locale, numpy, platformdirs, platformdirs.unix, tomllib, tutor
for module in pkgutil.walk_packages(tutor.__path__, "tutor."):
    if not module.name.startswith(("tutor.ui", "tutor.__main__")):
        importlib.import_module(module.name)
from tutor.cli.parser import build_parser
build_parser().format_help()  # what argparse loads on first use (gettext's locale)
os.setgroups([gid]); os.setgid(gid); os.setuid(uid)
sys.exit(work(*args) or 0)
"""
"""The child that runs a piece of work as an account: a fresh interpreter, started as root so
it can import the tutor (installed where an account may not read, such as CI's private
virtualenv), importing every module the work could reach before it drops to the account.
A fresh process rather than a fork of the test process, whose threads (NumPy's among them)
a forked child would inherit locked."""


def as_account(
    lab: Lab, role: str, work: Callable[..., int | None], *args: object
) -> tuple[int, str]:
    """Run `work(*args)` as the role's account (its uid, group and home; `work` a function of
    a module, `args` picklable) and return its exit code (None is 0) and everything it
    printed."""
    entry = pwd.getpwnam(lab.accounts[role])
    home = lab.home(role)
    env = {key: value for key, value in os.environ.items() if key != "CNN_TUTOR_RESULTS"}
    env.update(
        HOME=str(home),
        CNN_TUTOR_CONFIG=str(home / "config.toml"),
        CNN_TUTOR_HOME=str(home / "progress"),
        PYTHONPATH=str(REPOSITORY),
    )
    try:
        done = subprocess.run(
            [sys.executable, "-c", AS_ACCOUNT, str(entry.pw_uid), str(entry.pw_gid)],
            input=pickle.dumps((work, args)),
            capture_output=True,
            cwd=home,
            env=env,
            timeout=CHILD_SECONDS,
        )
    except subprocess.TimeoutExpired as late:
        printed = (late.stdout or b"") + (late.stderr or b"")
        raise AssertionError(
            f"as {role}: still running after {CHILD_SECONDS} s\n{printed.decode()}"
        ) from None
    return done.returncode, (done.stdout + done.stderr).decode()


def run_as(lab: Lab, role: str, work: Callable[..., int | None], *args: object) -> str:
    """`as_account`, expecting success: what it printed."""
    code, printed = as_account(lab, role, work, *args)
    if code != 0:
        print(printed, file=sys.stderr)
    assert code == 0, f"as {role}: exit {code}\n{printed}"
    return printed
