"""`cnn-tutor check`: validate lesson files for an author, one line per file."""

from __future__ import annotations

import difflib
import os
from collections.abc import Iterable, Mapping
from pathlib import Path

from .folder import arrange, shown
from .loader import load_folder, load_lesson
from .model import BrokenLesson, Lesson
from .shipped import shipped_lessons_dir


def check_paths(paths: Iterable[Path], together: bool = False) -> tuple[list[str], bool]:
    """Report lines for every lesson under `paths` (files or folders), and whether all were OK.
    `together`: the folders are used as one list, so an id or order may not repeat across
    them."""
    paths = list(paths)
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
    unmet = prerequisite_problems(found, lessons_beside(paths, found))
    for lesson in arrange(found) if together else found:
        if isinstance(lesson, BrokenLesson):
            lines += [
                f"ERROR {shown(lesson.source)}: {problem}" for problem in lesson.problems
            ] or [f"ERROR {lesson.message}"]
            ok = False
        elif unmet.get(lesson.source):
            lines += [
                f"ERROR {shown(lesson.source)}: {problem}" for problem in unmet[lesson.source]
            ]
            ok = False
        else:
            lines.append(f"OK    {shown(lesson.source)}: {describe(lesson)}")
    return lines, ok


def lessons_beside(paths: list[Path], found: list[Lesson | BrokenLesson]) -> dict[str, Lesson]:
    """Every lesson a checked lesson may require, by id: those checked, those beside a file
    checked on its own (its folder is used whole) and the shipped ones."""
    folders = [path.parent for path in paths if not path.is_dir()] + [shipped_lessons_dir()]
    beside = [lesson for folder in folders for lesson in load_folder(folder)]
    return {lesson.id: lesson for lesson in [*beside, *found] if isinstance(lesson, Lesson)}


def prerequisite_problems(
    found: list[Lesson | BrokenLesson], known: Mapping[str, Lesson]
) -> dict[Path, list[str]]:
    """For each lesson checked, what is wrong with its `requires`: an id no lesson has (it
    could never open), or lessons requiring each other round a circle (none could)."""
    problems: dict[Path, list[str]] = {}
    for lesson in found:
        if not isinstance(lesson, Lesson):
            continue
        for n, required in enumerate(lesson.requires):
            if required not in known:
                hint = difflib.get_close_matches(required, known, n=1)
                also = f" (did you mean {hint[0]!r}?)" if hint else ""
                problems.setdefault(lesson.source, []).append(
                    f"requires[{n}]: {required!r} is no lesson here or shipped{also}: "
                    "this lesson could never open"
                )
        circle = _circle_from(lesson.id, known)
        if circle:
            problems.setdefault(lesson.source, []).append(
                f"requires: {' -> '.join(circle)} go round in a circle: none of them could "
                "ever open"
            )
    return problems


def _circle_from(start: str, known: Mapping[str, Lesson]) -> list[str]:
    """The ids of a path of requires from `start` back to itself, or [] if there is none."""
    trail: list[str] = []
    seen: set[str] = set()

    def visit(lesson_id: str) -> bool:
        trail.append(lesson_id)
        for required in known[lesson_id].requires if lesson_id in known else ():
            if required == start:
                trail.append(start)
                return True
            if required not in seen:
                seen.add(required)
                if visit(required):
                    return True
        trail.pop()
        return False

    return trail if visit(start) else []


def describe(lesson: Lesson) -> str:
    pages, questions = len(lesson.pages), len(lesson.quiz.questions)
    return (
        f"lesson {lesson.order}, {lesson.title!r}: {pages} page{'s' * (pages != 1)}, "
        f"{questions} question{'s' * (questions != 1)}"
    )
