"""Learners' progress gathered from files and folders for a class report, never stopping at a
bad one: each file that cannot be read is one line of `problems`, and the rest is reported.

A learner is named by the `learner` field a class results folder's summary carries, else by
the login name owning the file (a learner's own progress.json), else by the file's name.
"""

from __future__ import annotations

import json
import pwd
import re
from collections.abc import Iterable
from pathlib import Path
from typing import Any, NamedTuple

from ..controls import escaped
from ..progress.model import DamagedProgress, Progress, from_json
from ..progress.store import FILE_NAME, MAX_BYTES
from ..progress.summary import LEARNER_FIELD, valid_learner
from ..regular_files import UnreadableFile, read_regular_file


class Learner(NamedTuple):
    name: str
    progress: Progress
    source: Path


class Gathered(NamedTuple):
    learners: list[Learner]
    problems: list[str]
    """One line per file or folder that could not be read, naming it."""


def gather(paths: Iterable[Path]) -> Gathered:
    """Every learner in `paths`: progress files, and folders of them (a class results folder,
    or a learner's data folder holding progress.json), every file of a folder read."""
    learners: list[Learner] = []
    problems: list[str] = []
    for path in paths:
        for file in _files(path, problems):
            found = _read(file, follow_symlinks=file == path)
            if isinstance(found, str):
                problems.append(f"{escaped(str(file))}: {found}")
            else:
                learners.append(found)
    return Gathered(_distinct_names(learners), problems)


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
        data = json.loads(read_regular_file(file, MAX_BYTES, follow_symlinks=follow_symlinks))
        name = _name(file, data)
        if isinstance(data, dict):
            data = {
                key: value for key, value in data.items() if key not in (LEARNER_FIELD, "written")
            }
        return Learner(name, from_json(data), file)
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


def _name(file: Path, data: Any) -> str:
    if isinstance(data, dict) and valid_learner(data.get(LEARNER_FIELD)):
        return str(data[LEARNER_FIELD])
    if file.name != FILE_NAME:
        return escaped(file.stem)
    try:
        return pwd.getpwuid(file.stat().st_uid).pw_name
    except (KeyError, OSError):
        return escaped(str(file))


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
