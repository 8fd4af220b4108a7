"""Where lessons, progress and a class's results live: set once for a lab, no wrapper script.

Read in this order, each overriding the one before key by key: the system's settings file
(/etc/cnn-tutor/config.toml), the user's own (config.toml in the platform's config folder,
~/.config/cnn-tutor/ on Linux), then environment variables; the command line's flags override
them all. CNN_TUTOR_CONFIG names one file to read instead of both files. A settings file that
cannot be used stops the tutor with one line naming the file and the key.
"""

from __future__ import annotations

import os
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
    """A settings file or variable that cannot be used: the message names it and the key."""


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


def user_file() -> Path:
    from platformdirs import user_config_dir

    return Path(user_config_dir("cnn-tutor", appauthor=False)) / "config.toml"


def settings_files() -> list[Path]:
    chosen = os.environ.get(CONFIG_VARIABLE)
    return [Path(chosen)] if chosen else [SYSTEM_FILE, user_file()]


def load_settings() -> Settings:
    """The settings in force now; SettingsError if a file or variable cannot be used."""
    settings = Settings()
    for path in settings_files():
        settings = _apply_file(settings, path)
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
        data = tomllib.loads(raw.decode("utf-8"))
    except UnicodeDecodeError:
        raise SettingsError(f"{where}: is not UTF-8 text") from None
    except tomllib.TOMLDecodeError as error:
        raise SettingsError(f"{where}: {escaped(str(error))}") from None
    return _apply(settings, data, where, path.parent)


def _apply(settings: Settings, data: dict[str, Any], where: str, base: Path) -> Settings:
    changes: dict[str, Any] = {}
    for key, value in data.items():
        at = f"{where}: {escaped(key)}"
        if key == "lessons":
            if not (isinstance(value, list) and all(isinstance(v, str) and v for v in value)):
                raise SettingsError(f"{at}: must be a list of folder paths")
            changes[key] = tuple(_path(v, base) for v in value)
        elif key in ("results", "progress"):
            if not (isinstance(value, str) and value):
                raise SettingsError(f"{at}: must be a folder path")
            changes[key] = _path(value, base)
        elif key == "shipped_lessons":
            if type(value) is not bool:
                raise SettingsError(f"{at}: must be true or false")
            changes[key] = value
        else:
            raise SettingsError(
                f"{at}: is not a setting (settings: lessons, shipped_lessons, results, progress)"
            )
    sources = {**settings.sources, **dict.fromkeys(changes, where)}
    return replace(settings, **changes, sources=sources)


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
        if key == "lessons":
            changes[key] = tuple(
                Path(part).expanduser() for part in value.split(os.pathsep) if part
            )
        else:
            changes[key] = Path(value).expanduser()
    sources = {
        **settings.sources,
        **{key: variable for variable, key in variables.items() if key in changes},
    }
    return replace(settings, **changes, sources=sources)


def _path(text: str, base: Path) -> Path:
    """`~` expanded; a relative path is relative to the settings file's folder."""
    path = Path(text).expanduser()
    return path if path.is_absolute() else base / path
