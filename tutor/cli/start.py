"""Starting the interactive tutor: the app built from the command line's choices, then run.

`build_app` is the one place the app is made from those choices (the tests use it too); a
choice that cannot be met is a StartError with the one line to print.
"""

from __future__ import annotations

import sys
from collections.abc import Callable, Sequence
from pathlib import Path
from typing import TYPE_CHECKING

from . import startup_gc
from .choices import LessonFolder

if TYPE_CHECKING:
    from ..ui.app import TutorApp


class StartError(Exception):
    """A start the command line asked for that cannot happen; the message is one line."""


def build_app(
    lesson: int | None = None,
    folders: Sequence[LessonFolder] | None = None,
    home: Path | None = None,
    on_ready: Callable[[], None] | None = None,
    results: Path | None = None,
) -> TutorApp:
    """The app for `cnn-tutor [--lesson N]` with the lessons of `folders` (by default the
    shipped ones), keeping progress in `home` (by default the learner's data folder) and a
    copy for the teacher in `results`. The list's cache of verdicts is not saved here: the
    caller saves it once the start is sure to happen (`app.shelf.cache.save()`)."""
    from ..lessons.catalogue import by_order
    from ..lessons.folder import shown
    from ..lessons.header_cache import HeaderCache, default_cache_path
    from ..lessons.model import LessonHeader
    from ..lessons.shelf import Shelf
    from ..lessons.shipped import shipped_lessons_dir
    from ..progress.store import ProgressStore, default_home

    if folders is None:
        folders = (LessonFolder(shipped_lessons_dir(), "shipped"),)
    for folder in folders:
        if not folder.path.is_dir():
            raise StartError(f"{folder.chosen_by}: {shown(folder.path)} is not a folder")
    paths = tuple(folder.path for folder in folders)
    shelf = Shelf(paths, HeaderCache(default_cache_path()))
    lessons = shelf.lessons
    start = None
    if lesson is not None:
        start = by_order(lessons, lesson)
        if start is None:
            numbers = ", ".join(str(x.order) for x in lessons if isinstance(x, LessonHeader))
            raise StartError(
                f"--lesson {lesson}: there is no lesson {lesson} in "
                f"{', '.join(map(shown, paths))} (lessons: {numbers or 'none'})"
            )
    from ..ui.app import TutorApp

    store = ProgressStore(home or default_home(), results=results)
    return TutorApp(shelf, store, start, on_ready=on_ready)


def run_app(
    lesson: int | None = None,
    instead: Sequence[Path] | None = None,
    beside: Sequence[Path] | None = None,
) -> int:
    """Load the settings, lessons and progress, then run the tutor (at lesson `lesson`)."""
    from ..settings import SettingsError, load_settings
    from .choices import resolve

    with startup_gc.paused():
        try:
            settings = load_settings()
            for warning in settings.warnings:
                print(f"cnn-tutor: warning: {warning}", file=sys.stderr)
            choices = resolve(settings, instead, beside)
            app = build_app(
                lesson,
                choices.folders,
                choices.progress,
                on_ready=startup_gc.resume,
                results=choices.results,
            )
        except (StartError, SettingsError) as error:
            for line in str(error).splitlines():
                print(f"cnn-tutor: {line}", file=sys.stderr)
            return 2
        if not (sys.stdin.isatty() and sys.stderr.isatty()):  # Textual draws on stderr
            print(
                "cnn-tutor: needs a terminal to draw on and read keys from; "
                "`cnn-tutor params` and `cnn-tutor check` work without one",
                file=sys.stderr,
            )
            return 2
        app.shelf.cache.save()
        return app.run_as_program()
