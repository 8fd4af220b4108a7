"""Learners' progress gathered from files and folders for a class report, never stopping at a
bad one: each file that cannot be read is one line of `problems`, and the rest is reported.

Who a file belongs to is its owner's account, never what the file says: a classmate can write
any name inside a file, or name it after someone else, but cannot make it owned by another
account. A file whose owner, name and `learner` field agree is that learner's; one where they
disagree is its owner's, shown on a row of its own with a warning (never merged with the
learner it names, never counted in the class's tallies). Files owned by the person running
the report, or by root, are taken at their word (they put them there: copies they made), and
named by their `learner` field, else their file's name.
"""

from __future__ import annotations

import json
import os
import pwd
import re
from collections.abc import Collection, Iterable
from pathlib import Path
from typing import Any, NamedTuple

from ..controls import escaped
from ..progress.model import DamagedProgress, LessonProgress, from_json
from ..progress.store import FILE_NAME, MAX_BYTES
from ..progress.summary import LEARNER_FIELD, login_named_by, valid_learner
from ..regular_files import UnreadableFile, read_regular_file_and_owner


class Learner(NamedTuple):
    name: str
    lessons: dict[str, LessonProgress]
    """Each lesson in use the file has, as the class record counts it (Progress.class_record:
    with what any reset put aside)."""
    source: Path
    warning: str = ""
    """Why the file's owner, name and `learner` field disagree ("" when they agree)."""
    unknown: frozenset[str] = frozenset()
    """Lesson ids in the file that no lesson in use has: dropped when read, only counted."""


class Gathered(NamedTuple):
    learners: list[Learner]
    problems: list[str]
    """One line per file or folder that could not be read, naming it."""


def gather(paths: Iterable[Path], known: Collection[str]) -> Gathered:
    """Every learner in `paths`: progress files, and folders of them (a class results folder,
    or a learner's data folder holding progress.json), every file of a folder read. Only the
    lessons `known` (those in use) are kept of each, so what a class costs in memory is
    bounded by the lessons in use, not by what the files claim."""
    learners: list[Learner] = []
    problems: list[str] = []
    for path in paths:
        for file in _files(path, problems):
            found = _read(file, follow_symlinks=file == path)
            if isinstance(found, str):
                problems.append(f"{escaped(str(file))}: {found}")
            else:
                learners.append(_only(found, known))
    return Gathered(_distinct_names(learners), problems)


def _only(learner: Learner, known: Collection[str]) -> Learner:
    unknown = set(learner.lessons) - set(known)
    lessons = {key: entry for key, entry in learner.lessons.items() if key not in unknown}
    return learner._replace(lessons=lessons, unknown=frozenset(unknown))


SET_ASIDE = re.compile(r"progress\.(v\d+|damaged-.*)\.json")
"""The names the tutor gives a progress file it set aside (an older version, a damaged one)."""


def _files(path: Path, problems: list[str]) -> list[Path]:
    """Every progress file `path` names: itself, or every *.json in the folder. A file of any
    name (progress.json too) is one learner's, so no name can hide the others; the copies
    the tutor set aside are said, not read."""
    try:
        if not path.is_dir():
            return [path]
        files = sorted(
            file
            for file in path.iterdir()
            if file.suffix == ".json" and not file.name.startswith(".")
        )
    except OSError as error:
        problems.append(f"{escaped(str(path))}: cannot be read ({error.strerror or error})")
        return []
    for file in files:
        if SET_ASIDE.fullmatch(file.name):
            problems.append(f"{escaped(str(file))}: a copy the tutor set aside, not read")
    return [file for file in files if not SET_ASIDE.fullmatch(file.name)]


def _read(file: Path, follow_symlinks: bool) -> Learner | str:
    """The learner in `file`, or why there is none. A link found in a folder is not followed:
    a learner's name in the class folder must not make the teacher read another file."""
    try:
        raw, owner = read_regular_file_and_owner(file, MAX_BYTES, follow_symlinks=follow_symlinks)
        data = json.loads(raw)
        claimed = data.get(LEARNER_FIELD) if isinstance(data, dict) else None
        if isinstance(data, dict):
            data = {
                key: value for key, value in data.items() if key not in (LEARNER_FIELD, "written")
            }
        record = from_json(data).class_record()
        name, warning = _identity(file, claimed, owner)
        return Learner(name, record, file, warning)
    except UnreadableFile as problem:
        return problem.reason
    except OSError as error:
        return f"cannot be read ({(error.strerror or str(error)).lower()})"
    except UnicodeDecodeError:
        return "is not text"
    except ValueError as error:  # JSON, or DamagedProgress
        what = str(error) if isinstance(error, DamagedProgress) else "not valid JSON"
        return f"is not a progress file ({what})"
    except RecursionError:
        return "is not a progress file (nested too deeply)"


def account_name(uid: int) -> str:
    """The login of `uid`, or "uid N" when the user database has no entry for it."""
    try:
        return escaped(pwd.getpwuid(uid).pw_name)
    except KeyError:
        return f"uid {uid}"


def _identity(file: Path, claimed: Any, owner: int) -> tuple[str, str]:
    """The name a file's row is shown under, and a warning when its owner, its file name and
    its `learner` field disagree."""
    if claimed is not None and not valid_learner(claimed):
        claimed = escaped(repr(claimed)[:40])
    own_file = file.name == FILE_NAME  # a learner's own progress file names no one
    if owner in (os.getuid(), 0):
        if claimed is not None:
            return str(claimed), ""
        return (account_name(owner) if own_file else escaped(file.stem)), ""
    login = account_name(owner)
    named = None if own_file else login_named_by(file.name) or escaped(file.stem)
    if file.name == f"{login}.json":  # a login such as "ann.0f3a9c21" names its file whole
        named = login
    said = []
    if named is not None and named != login:
        said.append(f"is named for {named}")
    if claimed is not None and claimed != login:
        said.append(f"says it is {claimed}'s")
    if not said:
        return login, ""
    claims = claimed if claimed is not None and claimed != login else named
    return (
        f"{login} as {claims}",
        f"{escaped(str(file))} is owned by {login} but {' and '.join(said)}: shown as "
        f"{login}'s, apart",
    )


def _distinct_names(learners: list[Learner]) -> list[Learner]:
    """Learners by name; a name found twice gets its file's path, so neither is hidden."""
    counts: dict[str, int] = {}
    for learner in learners:
        counts[learner.name] = counts.get(learner.name, 0) + 1
    named = [
        learner
        if counts[learner.name] == 1
        else learner._replace(name=f"{learner.name} ({escaped(str(learner.source))})")
        for learner in learners
    ]
    return sorted(named, key=lambda learner: learner.name)
