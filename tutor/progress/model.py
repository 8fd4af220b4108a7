"""What is remembered about a learner: where they are in each lesson and how their quizzes went."""

from __future__ import annotations

import time
from dataclasses import asdict, dataclass, field
from typing import Any

VERSION = 1


@dataclass
class LessonProgress:
    """One lesson's state. `page` and `step` are where to resume."""

    page: int = 0
    step: int = 0
    attempts: int = 0
    best_percent: int | None = None
    passed: bool = False
    answered: int = 0
    """Questions answered in the quiz attempt under way (0 when none is)."""
    updated: float = 0.0

    @property
    def started(self) -> bool:
        return self.page > 0 or self.step > 0 or self.attempts > 0 or self.answered > 0


@dataclass
class Progress:
    lessons: dict[str, LessonProgress] = field(default_factory=dict)
    last_lesson: str | None = None

    def lesson(self, lesson_id: str) -> LessonProgress:
        return self.lessons.setdefault(lesson_id, LessonProgress())

    def move(self, lesson_id: str, page: int, step: int) -> None:
        entry = self.lesson(lesson_id)
        entry.page, entry.step, entry.updated = page, step, time.time()
        self.last_lesson = lesson_id

    def record_answer(self, lesson_id: str, answered: int) -> None:
        entry = self.lesson(lesson_id)
        entry.answered, entry.updated = answered, time.time()
        self.last_lesson = lesson_id

    def record_quiz(self, lesson_id: str, percent: int, passed: bool) -> None:
        entry = self.lesson(lesson_id)
        entry.attempts += 1
        entry.answered = 0
        entry.best_percent = max(percent, entry.best_percent or 0)
        entry.passed = entry.passed or passed
        entry.updated = time.time()
        self.last_lesson = lesson_id

    def reset(self, lesson_id: str | None = None) -> None:
        """Forget one lesson, or everything when `lesson_id` is None."""
        if lesson_id is None:
            self.lessons.clear()
            self.last_lesson = None
            return
        self.lessons.pop(lesson_id, None)
        if self.last_lesson == lesson_id:
            self.last_lesson = None

    def to_json(self) -> dict[str, Any]:
        return {
            "version": VERSION,
            "last_lesson": self.last_lesson,
            "lessons": {key: asdict(value) for key, value in self.lessons.items()},
        }


class DamagedProgress(ValueError):
    """The file exists but is not progress this version can read."""


def _count(value: Any, where: str) -> int:
    if isinstance(value, bool) or not isinstance(value, int) or value < 0:
        raise DamagedProgress(f"{where} is not a whole number of 0 or more")
    return value


def from_json(data: Any) -> Progress:
    """Progress from parsed JSON, or DamagedProgress saying what is wrong."""
    if not isinstance(data, dict):
        raise DamagedProgress("the top level is not an object")
    if data.get("version") != VERSION:
        raise DamagedProgress(f"version {data.get('version')!r} is not {VERSION}")
    lessons = data.get("lessons")
    last = data.get("last_lesson")
    if not isinstance(lessons, dict) or not (last is None or isinstance(last, str)):
        raise DamagedProgress("lessons or last_lesson has the wrong type")
    progress = Progress(last_lesson=last)
    for key, entry in lessons.items():
        if not isinstance(entry, dict):
            raise DamagedProgress(f"lesson {key!r} is not an object")
        best = entry.get("best_percent")
        updated = entry.get("updated", 0.0)
        if isinstance(updated, bool) or not isinstance(updated, (int, float)):
            raise DamagedProgress(f"{key}.updated is not a time")
        progress.lessons[key] = LessonProgress(
            page=_count(entry.get("page", 0), f"{key}.page"),
            step=_count(entry.get("step", 0), f"{key}.step"),
            attempts=_count(entry.get("attempts", 0), f"{key}.attempts"),
            best_percent=None if best is None else _count(best, f"{key}.best_percent"),
            passed=entry.get("passed", False) is True,
            answered=_count(entry.get("answered", 0), f"{key}.answered"),
            updated=float(updated),
        )
    return progress
