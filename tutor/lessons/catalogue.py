"""The lesson list's view of a folder: a header per good lesson, a message per broken one.

Checking a lesson means parsing its TOML and validating every page and question, which is most
of what the list would cost at start-up. The verdict for each file's exact bytes is kept in a
`HeaderCache`, so the list reads the files but parses only new or changed ones; the whole lesson
is checked again when the learner opens it (loader.load_lesson), from the TOML document the
cache kept for those bytes (the TOML itself is parsed again only if the file changed).
"""

from __future__ import annotations

from collections.abc import Sequence
from pathlib import Path

from .folder import arrange, digest_of, lesson_files, read_lesson_file
from .header_cache import HeaderCache
from .loader import lesson_and_document
from .model import BrokenLesson, Lesson, LessonHeader


def header_of(lesson: Lesson) -> LessonHeader:
    return LessonHeader(
        lesson.id,
        lesson.order,
        lesson.title,
        lesson.summary,
        len(lesson.pages),
        lesson.source,
        lesson.requires,
    )


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
            lesson, document = lesson_and_document(raw, path)
            verdict = lesson if isinstance(lesson, BrokenLesson) else header_of(lesson)
            cache.put(digest, verdict, document)
        found.append(verdict)
    return arrange(found)


def read_catalogues(
    folders: Sequence[Path], cache: HeaderCache
) -> list[LessonHeader | BrokenLesson]:
    """The lessons of several folders as one list: an id or an order used twice is reported on
    the later file, naming the earlier."""
    return arrange(entry for folder in folders for entry in read_catalogue(folder, cache))


def by_order(entries: Sequence[LessonHeader | BrokenLesson], order: int) -> LessonHeader | None:
    return next((x for x in entries if isinstance(x, LessonHeader) and x.order == order), None)
