"""Starting the interactive tutor: the app built from the command line's choices, then run.

`build_app` is the one place the app is made from those choices (the tests use it too); a
choice that cannot be met is a StartError with the one line to print.
"""

from __future__ import annotations

import sys
from collections.abc import Callable
from pathlib import Path
from typing import TYPE_CHECKING

from . import startup_gc

if TYPE_CHECKING:
    from ..ui.app import TutorApp


class StartError(Exception):
    """A start the command line asked for that cannot happen; the message is one line."""


def lessons_folder(chosen: Path | None) -> Path:
    from ..lessons.shipped import shipped_lessons_dir

    return chosen if chosen is not None else shipped_lessons_dir()


def build_app(lesson: int | None = None, chosen_folder: Path | None = None,
              home: Path | None = None, on_ready: Callable[[], None] | None = None) -> TutorApp:
    """The app for `cnn-tutor [--lesson N] [--lessons DIR]`, keeping progress in `home` (by
    default the learner's data folder). The list's cache of verdicts is not saved here: the
    caller saves it once the start is sure to happen (`app.cache.save()`)."""
    from ..lessons.catalogue import by_order, read_catalogue
    from ..lessons.folder import shown
    from ..lessons.header_cache import HeaderCache, default_cache_path
    from ..lessons.model import LessonHeader
    from ..progress.store import ProgressStore, default_home

    folder = lessons_folder(chosen_folder)
    if not folder.is_dir():
        raise StartError(f"--lessons: {shown(folder)} is not a folder")
    cache = HeaderCache(default_cache_path())
    lessons = read_catalogue(folder, cache)
    start = None
    if lesson is not None:
        start = by_order(lessons, lesson)
        if start is None:
            numbers = ", ".join(str(x.order) for x in lessons if isinstance(x, LessonHeader))
            raise StartError(f"--lesson {lesson}: there is no lesson {lesson} in "
                             f"{shown(folder)} (lessons: {numbers or 'none'})")
    from ..ui.app import TutorApp

    return TutorApp(lessons, folder, ProgressStore(home or default_home()), cache, start,
                    on_ready=on_ready)


def run_app(lesson: int | None = None, chosen_folder: Path | None = None) -> int:
    """Load the lessons and progress, then run the tutor (at lesson `lesson`)."""
    with startup_gc.paused():
        try:
            app = build_app(lesson, chosen_folder, on_ready=startup_gc.resume)
        except StartError as error:
            print(f"cnn-tutor: {error}", file=sys.stderr)
            return 2
        if not (sys.stdin.isatty() and sys.stderr.isatty()):  # Textual draws on stderr
            print("cnn-tutor: needs a terminal to draw on and read keys from; "
                  "`cnn-tutor params` and `cnn-tutor check` work without one", file=sys.stderr)
            return 2
        app.cache.save()
        app.run()
        return app.return_code or 0
