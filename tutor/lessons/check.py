"""`cnn-tutor check`: validate lesson files for an author, one line per file."""

from __future__ import annotations

import os
from collections.abc import Iterable
from pathlib import Path

from .folder import arrange, shown
from .loader import load_folder, load_lesson
from .model import BrokenLesson, Lesson


def check_paths(paths: Iterable[Path], together: bool = False) -> tuple[list[str], bool]:
    """Report lines for every lesson under `paths` (files or folders), and whether all were OK.
    `together`: the folders are used as one list, so an id or order may not repeat across
    them."""
    lines: list[str] = []
    ok = True
    found: list[Lesson | BrokenLesson] = []
    for path in paths:
        if path.is_dir():
            in_folder = load_folder(path)
            if not in_folder:
                lines.append(f"{shown(path)}: no lesson files (*.toml) here")
                ok = False
        elif os.path.lexists(path):  # a file, or a link, pipe or device said to be one
            in_folder = [load_lesson(path)]
        else:
            lines.append(f"{shown(path)}: no such file or folder")
            ok = False
            continue
        found += in_folder
    for lesson in arrange(found) if together else found:
        if isinstance(lesson, BrokenLesson):
            lines += [
                f"ERROR {shown(lesson.source)}: {problem}" for problem in lesson.problems
            ] or [f"ERROR {lesson.message}"]
            ok = False
        else:
            lines.append(f"OK    {shown(lesson.source)}: {describe(lesson)}")
    return lines, ok


def describe(lesson: Lesson) -> str:
    pages, questions = len(lesson.pages), len(lesson.quiz.questions)
    return (
        f"lesson {lesson.order}, {lesson.title!r}: {pages} page{'s' * (pages != 1)}, "
        f"{questions} question{'s' * (questions != 1)}"
    )
