"""What the lesson list reads from the app: the lessons found, the learner's progress in
them and the folders they came from, with the look-ups the list needs."""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass
from pathlib import Path

from ..lessons.model import BrokenLesson, LessonHeader
from ..progress.model import LessonProgress, Progress


@dataclass(frozen=True)
class Listing:
    lessons: Sequence[LessonHeader | BrokenLesson]
    progress: Progress
    folders: tuple[Path, ...]

    def by_id(self, lesson_id: str) -> LessonHeader | None:
        for lesson in self.lessons:
            if isinstance(lesson, LessonHeader) and lesson.id == lesson_id:
                return lesson
        return None

    def entry(self, lesson: LessonHeader | BrokenLesson) -> LessonProgress | None:
        """The learner's progress in a lesson (None: never opened, or a broken file)."""
        if isinstance(lesson, BrokenLesson):
            return None
        return self.progress.lessons.get(lesson.id)

    def not_yet_passed(self, lesson: LessonHeader) -> list[str]:
        """The lessons to pass before `lesson` opens, as the list names them: "lesson 3", or
        an id no lesson in use has (which then keeps it locked: the teacher should know)."""
        missing = []
        for required in lesson.requires:
            entry = self.progress.lessons.get(required)
            if entry is not None and entry.passed:
                continue
            header = self.by_id(required)
            missing.append(
                f"lesson {header.order}"
                if header is not None
                else f"{required!r} (no such lesson here)"
            )
        return missing

    def last(self) -> tuple[LessonHeader, LessonProgress] | None:
        """The lesson the learner was in last, which c continues, and their progress in it."""
        lesson = self.by_id(self.progress.last_lesson or "")
        if lesson is None:
            return None
        return lesson, self.progress.lessons.get(lesson.id, LessonProgress())
