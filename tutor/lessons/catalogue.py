"""The lesson list's view of a folder: a header per good lesson, a message per broken one.

Checking a lesson means parsing its TOML and validating every page and question, which is most
of what the list would cost at start-up. The verdict for each file's exact bytes is kept in a
`HeaderCache`, so the list reads the files but parses only new or changed ones; the whole lesson
is checked again when the learner opens it (loader.load_lesson), from the TOML document the
cache kept for those bytes (the TOML itself is parsed again only if the file changed).
"""

from __future__ import annotations

import hashlib
import os
from collections.abc import Iterable, Sequence
from pathlib import Path
from typing import TYPE_CHECKING, NamedTuple, TypeVar

from ..controls import escaped
from ..regular_files import UnreadableFile, read_regular_file
from . import limits

if TYPE_CHECKING:
    from .header_cache import HeaderCache
    from .model import Lesson


# Named tuples rather than dataclasses: the list's start-up makes these classes, and a frozen
# dataclass costs several times more to define.
class LessonHeader(NamedTuple):
    """What the list, the palette and `--lesson N` need of a lesson that loads cleanly."""

    id: str
    order: int
    title: str
    summary: str
    pages: int
    source: Path


class BrokenLesson(NamedTuple):
    """A lesson file that could not be loaded: shown in the list with its message, never fatal."""

    source: Path
    message: str

    @property
    def title(self) -> str:
        return self.source.name


Entry = TypeVar("Entry", "Lesson", LessonHeader)


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
    return sorted(folder / name for name in names
                  if name.endswith(".toml") and not name.startswith("."))


def arrange(found: Iterable[Entry | BrokenLesson]) -> list[Entry | BrokenLesson]:
    """Good lessons in lesson order, then broken files in name order; a repeated id is broken."""
    loaded: list[Entry | BrokenLesson] = []
    seen: dict[str, Path] = {}
    for entry in found:
        if not isinstance(entry, BrokenLesson):
            if entry.id in seen:
                entry = broken(entry.source,
                               f"id: {entry.id!r} is already used by {shown(seen[entry.id])}")
            else:
                seen[entry.id] = entry.source
        loaded.append(entry)
    good = sorted((x for x in loaded if not isinstance(x, BrokenLesson)),
                  key=lambda x: (x.order, x.id))
    return [*good, *(x for x in loaded if isinstance(x, BrokenLesson))]


def header_of(lesson: Lesson) -> LessonHeader:
    return LessonHeader(lesson.id, lesson.order, lesson.title, lesson.summary,
                        len(lesson.pages), lesson.source)


def read_catalogue(folder: Path, cache: HeaderCache) -> list[LessonHeader | BrokenLesson]:
    """Every *.toml in `folder` as the list shows it, parsing only files the cache has not seen.

    New verdicts stay in `cache` until the caller saves it (once the start is sure to happen).
    """
    found: list[LessonHeader | BrokenLesson] = []
    for path in lesson_files(folder):
        raw = read_lesson_file(path)
        if isinstance(raw, BrokenLesson):
            found.append(raw)
            continue
        digest = digest_of(raw)
        verdict = cache.get(digest, path)
        if verdict is None:
            from .loader import lesson_and_document

            lesson, document = lesson_and_document(raw, path)
            verdict = lesson if isinstance(lesson, BrokenLesson) else header_of(lesson)
            cache.put(digest, verdict, document)
        found.append(verdict)
    return arrange(found)


def digest_of(raw: bytes) -> str:
    return hashlib.sha256(raw).hexdigest()


def by_order(entries: Sequence[LessonHeader | BrokenLesson], order: int) -> LessonHeader | None:
    return next((x for x in entries if isinstance(x, LessonHeader) and x.order == order), None)
