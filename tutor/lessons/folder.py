"""A folder of lesson files: which names count, reading each safely, and their order.

Shared by the full loader (loader.py) and the list's quick read (catalogue.py): every message
about a file starts with its name, printed escaped.
"""

from __future__ import annotations

import hashlib
import os
from collections.abc import Iterable
from pathlib import Path
from typing import TypeVar

from ..controls import escaped
from ..regular_files import UnreadableFile, read_regular_file
from . import limits
from .model import BrokenLesson, Lesson, LessonHeader

Entry = TypeVar("Entry", Lesson, LessonHeader)


def shown(path: Path) -> str:
    """A file's path as messages print it: any control character in its name escaped."""
    return escaped(str(path))


def broken(path: Path, problem: str) -> BrokenLesson:
    return BrokenLesson(path, f"{shown(path)}: {problem}")


def read_lesson_file(path: Path) -> bytes | BrokenLesson:
    """A lesson file's bytes; a file that is not a regular file of a lesson's size, or cannot
    be read, is broken. Symbolic links are followed (lessons/README.md)."""
    try:
        return read_regular_file(path, limits.MAX_FILE_BYTES)
    except UnreadableFile as problem:
        return broken(path, problem.reason)
    except OSError as error:
        return broken(path, f"cannot be read ({error.strerror or error})")


def lesson_files(folder: Path) -> list[Path]:
    """Every name ending in .toml in `folder`, whatever it is, so that a symbolic link to
    nothing or a named pipe is reported rather than skipped; names starting with a dot (an
    editor's lock and backup files) are left out."""
    try:
        names = os.listdir(folder)
    except OSError:
        return []
    return sorted(
        folder / name for name in names if name.endswith(".toml") and not name.startswith(".")
    )


def arrange(found: Iterable[Entry | BrokenLesson]) -> list[Entry | BrokenLesson]:
    """Good lessons in lesson order, then broken files in the order found; a lesson whose id
    or order an earlier one has is broken, its message naming the other file."""
    loaded: list[Entry | BrokenLesson] = []
    ids: dict[str, Path] = {}
    orders: dict[int, Path] = {}
    for entry in found:
        if not isinstance(entry, BrokenLesson):
            if entry.id in ids:
                entry = broken(
                    entry.source, f"id: {entry.id!r} is already used by {shown(ids[entry.id])}"
                )
            elif entry.order in orders:
                entry = broken(
                    entry.source,
                    f"order: {entry.order} is already used by {shown(orders[entry.order])}",
                )
            else:
                ids[entry.id], orders[entry.order] = entry.source, entry.source
        loaded.append(entry)
    return sorted(loaded, key=_place)  # a stable sort: broken files stay in the order found


def _place(entry: Lesson | LessonHeader | BrokenLesson) -> tuple[bool, int, str]:
    """Good lessons first, by order; broken files after them."""
    if isinstance(entry, BrokenLesson):
        return True, 0, ""
    return False, entry.order, entry.id


def digest_of(raw: bytes) -> str:
    return hashlib.sha256(raw).hexdigest()
