"""Where lessons, progress and a class's results live: set once for a lab, no wrapper script.

Read in this order, each overriding the one before key by key: the system's settings file
(/etc/cnn-tutor/config.toml), the user's own (config.toml in the platform's config folder,
~/.config/cnn-tutor/ on Linux), then environment variables; the command line's flags override
them all. CNN_TUTOR_CONFIG names one file to read instead of both files. A user's settings
file that cannot be used stops the tutor with a line per problem, naming the file, the line
and the key; the system's file, shared by every learner, is left out with a warning instead.
"""

from __future__ import annotations

import os
import re
from dataclasses import dataclass, field, replace
from pathlib import Path
from typing import Any

from .controls import escaped
from .regular_files import UnreadableFile, read_regular_file

SYSTEM_FILE = Path("/etc/cnn-tutor/config.toml")
CONFIG_VARIABLE = "CNN_TUTOR_CONFIG"
LESSONS_VARIABLE = "CNN_TUTOR_LESSONS"
"""Teachers' lesson folders, separated like PATH (`:` on Linux)."""
RESULTS_VARIABLE = "CNN_TUTOR_RESULTS"
HOME_VARIABLE = "CNN_TUTOR_HOME"
"""The progress folder (the same variable the tests use)."""
MAX_BYTES = 100_000


class SettingsError(Exception):
    """A settings file or variable that cannot be used: a line per problem, each naming the
    file (and line) or variable, and the key."""

    def __init__(self, *problems: str) -> None:
        super().__init__(*problems)
        self.problems = problems

    def __str__(self) -> str:
        return "\n".join(self.problems)


@dataclass(frozen=True)
class Settings:
    lessons: tuple[Path, ...] = ()
    """Teachers' lesson folders, shown beside the shipped lessons (or instead of them)."""
    shipped_lessons: bool = True
    results: Path | None = None
    """The class results folder, where each learner's summary is written for the teacher."""
    progress: Path | None = None
    """The progress folder; None: the platform's data folder."""
    sources: dict[str, str] = field(default_factory=dict, compare=False)
    """For each setting made, where it was made (a file or a variable), for `check`."""
    warnings: tuple[str, ...] = field(default=(), compare=False)
    """What was left out and why: the system's file when it cannot be used."""


def user_file() -> Path:
    from platformdirs import user_config_dir

    return Path(user_config_dir("cnn-tutor", appauthor=False)) / "config.toml"


def settings_files() -> list[Path]:
    chosen = os.environ.get(CONFIG_VARIABLE)
    return [Path(chosen)] if chosen else [SYSTEM_FILE, user_file()]


def load_settings() -> Settings:
    """The settings in force now; SettingsError if the user's file (or the one
    CNN_TUTOR_CONFIG names) or a variable cannot be used. The system's file is shared by
    every learner: if it cannot be used, it is left out and `warnings` says why."""
    settings = Settings()
    for path in settings_files():
        try:
            settings = _apply_file(settings, path)
        except SettingsError as error:
            if path != SYSTEM_FILE or os.environ.get(CONFIG_VARIABLE):
                raise
            left_out = "left out: the tutor starts without it"
            settings = replace(
                settings, warnings=(*settings.warnings, *error.problems, f"{path}: {left_out}")
            )
    return _apply_environment(settings)


def _apply_file(settings: Settings, path: Path) -> Settings:
    where = escaped(str(path))
    try:
        raw = read_regular_file(path, MAX_BYTES)
    except FileNotFoundError:
        if os.environ.get(CONFIG_VARIABLE):
            raise SettingsError(f"{CONFIG_VARIABLE}: {where} does not exist") from None
        return settings
    except UnreadableFile as problem:
        raise SettingsError(f"{where}: {problem.reason}") from None
    except OSError as error:
        raise SettingsError(f"{where}: cannot be read ({error.strerror or error})") from None
    import tomllib  # only when there is a settings file: most starts have none

    try:
        text = raw.decode("utf-8")
        data = tomllib.loads(text)
    except UnicodeDecodeError:
        raise SettingsError(f"{where}: is not UTF-8 text") from None
    except tomllib.TOMLDecodeError as error:
        raise SettingsError(f"{where}: {escaped(str(error))}") from None
    except RecursionError:
        raise SettingsError(f"{where}: is nested too deeply to be settings") from None
    except ValueError:  # an integer of thousands of digits
        raise SettingsError(f"{where}: holds a number too long to read") from None
    return _apply(settings, data, where, path.parent, text)


def _apply(settings: Settings, data: dict[str, Any], where: str, base: Path, text: str) -> Settings:
    """Each key's value, every problem said at once (with the key's line in the file)."""
    changes: dict[str, Any] = {}
    problems: list[str] = []
    for key, value in data.items():
        at = f"{where}{_line_of(key, text)}: {escaped(key)}"
        try:
            changes[key] = _setting(key, value, base)
        except ValueError as problem:
            problems.append(f"{at}: {problem}")
    if problems:
        raise SettingsError(*problems)
    sources = {**settings.sources, **dict.fromkeys(changes, where)}
    return replace(settings, **changes, sources=sources)


def _setting(key: str, value: Any, base: Path) -> Any:
    """A setting's value as the tutor uses it; ValueError says what is wrong with it."""
    if key == "lessons":
        if not (isinstance(value, list) and all(isinstance(v, str) and v for v in value)):
            raise ValueError("must be a list of folder paths")
        return tuple(_path(v, base) for v in value)
    if key in ("results", "progress"):
        if not (isinstance(value, str) and value):
            raise ValueError("must be a folder path")
        return _path(value, base)
    if key == "shipped_lessons":
        if type(value) is not bool:
            raise ValueError("must be true or false")
        return value
    raise ValueError("is not a setting (settings: lessons, shipped_lessons, results, progress)")


def _line_of(key: str, text: str) -> str:
    """ ":7" for the line where `key` is set in `text` (a bare or quoted key), "" if not
    found (a key set inside a table, say)."""
    pattern = re.compile(rf"\s*(?:{re.escape(key)}|\"{re.escape(key)}\"|'{re.escape(key)}')\s*=")
    for number, line in enumerate(text.splitlines(), start=1):
        if pattern.match(line):
            return f":{number}"
    return ""


def _apply_environment(settings: Settings) -> Settings:
    changes: dict[str, Any] = {}
    variables = {
        LESSONS_VARIABLE: "lessons",
        RESULTS_VARIABLE: "results",
        HOME_VARIABLE: "progress",
    }
    for variable, key in variables.items():
        value = os.environ.get(variable)
        if not value:
            continue
        try:
            if key == "lessons":
                changes[key] = tuple(
                    _expanded(Path(part)) for part in value.split(os.pathsep) if part
                )
            else:
                changes[key] = _expanded(Path(value))
        except ValueError as problem:
            raise SettingsError(f"{variable}: {problem}") from None
    sources = {
        **settings.sources,
        **{key: variable for variable, key in variables.items() if key in changes},
    }
    return replace(settings, **changes, sources=sources)


def _path(text: str, base: Path) -> Path:
    """`~` expanded; a relative path is relative to the settings file's folder."""
    path = _expanded(Path(text))
    return path if path.is_absolute() else base / path


def _expanded(path: Path) -> Path:
    """`path` with a leading `~` or `~user` expanded; ValueError for a user with no home."""
    try:
        return path.expanduser()
    except RuntimeError:
        user = escaped(path.parts[0])
        raise ValueError(f"{user}: no such user, or one without a home folder") from None
