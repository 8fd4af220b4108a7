"""The lessons in use: the list's headers of every file in the lesson folders, and whole
lessons read when first opened and again whenever their file has changed (no restart).

A file found broken when opened takes the place of its header, so the list shows it as broken
from then on. Nothing here draws or saves: the app asks, and says what it is told.
"""

from __future__ import annotations

import os
from pathlib import Path

from .catalogue import read_catalogues
from .header_cache import HeaderCache
from .model import BrokenLesson, Lesson, LessonHeader


class Shelf:
    def __init__(self, folders: tuple[Path, ...], cache: HeaderCache) -> None:
        self.folders = folders
        self.cache = cache
        """The list's cache of checked lesson files, which also spares parsing one to open it."""
        self.lessons: list[LessonHeader | BrokenLesson] = read_catalogues(folders, cache)
        self._opened: dict[Path, tuple[tuple[int, int], Lesson]] = {}
        """Lessons opened, by file, with the file's (modification time, size) when read."""

    def reread(self) -> None:
        """The folders as they are now: files added, changed, mended or broken since are seen
        (unchanged ones are not parsed)."""
        self.lessons = read_catalogues(self.folders, self.cache)

    def open(self, header: LessonHeader) -> Lesson | BrokenLesson:
        """The whole lesson behind a list entry, read again only if its file has changed."""
        try:
            facts = os.stat(header.source)
            version = (facts.st_mtime_ns, facts.st_size)
        except OSError:
            version = (0, 0)
        opened = self._opened.get(header.source)
        if opened is not None and opened[0] == version:
            return opened[1]
        from .loader import load_lesson

        found = load_lesson(header.source, self.cache)
        if isinstance(found, BrokenLesson):
            self.lessons = [found if x is header else x for x in self.lessons]
        else:
            self._opened[header.source] = (version, found)
        return found

    def after(self, order: int) -> LessonHeader | None:
        """The lesson that follows lesson `order` in the list, if any."""
        later = [x for x in self.lessons if isinstance(x, LessonHeader) and x.order > order]
        return later[0] if later else None
