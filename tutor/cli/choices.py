"""What this run uses, from the settings and the command line: the lesson folders (and where
each was chosen), the progress folder and the class results folder.

`--lessons DIR` (repeatable) uses DIR's lessons instead of the shipped ones and any the
settings add; `--add-lessons DIR` (repeatable) adds DIR's beside them. In the settings,
`lessons` adds folders and `shipped_lessons = false` leaves the shipped ones out.
"""

from __future__ import annotations

from collections.abc import Sequence
from pathlib import Path
from typing import NamedTuple

from ..settings import Settings


class LessonFolder(NamedTuple):
    path: Path
    chosen_by: str
    """"shipped", "--lessons", "--add-lessons", or the settings file or variable."""


class Choices(NamedTuple):
    folders: tuple[LessonFolder, ...]
    progress: Path | None
    """None: the platform's data folder."""
    results: Path | None

    @property
    def lesson_dirs(self) -> tuple[Path, ...]:
        return tuple(folder.path for folder in self.folders)


def resolve(
    settings: Settings, instead: Sequence[Path] | None = None, beside: Sequence[Path] | None = None
) -> Choices:
    from ..lessons.shipped import shipped_lessons_dir

    if instead:
        folders = [LessonFolder(path, "--lessons") for path in instead]
    else:
        folders = (
            [LessonFolder(shipped_lessons_dir(), "shipped")] if settings.shipped_lessons else []
        )
        folders += [
            LessonFolder(path, settings.sources.get("lessons", "settings"))
            for path in settings.lessons
        ]
    folders += [LessonFolder(path, "--add-lessons") for path in beside or ()]
    unique = {folder.path: folder for folder in reversed(folders)}  # the first naming wins
    return Choices(
        tuple(folder for folder in folders if unique[folder.path] is folder),
        settings.progress,
        settings.results,
    )
