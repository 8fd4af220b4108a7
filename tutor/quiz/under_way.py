"""The quiz attempt under way in each lesson, so leaving a quiz half-way loses nothing: kept
while the tutor runs, and asked again exactly as it was after a restart (from the progress
file's saved state). The app holds one from start-up; what runs a quiz is imported only
when a quiz is first opened."""

from __future__ import annotations

from typing import TYPE_CHECKING

if TYPE_CHECKING:
    from ..lessons.model import Lesson
    from ..progress.model import LessonProgress
    from .run import QuizRun


class AttemptsUnderWay:
    def __init__(self) -> None:
        self._runs: dict[str, QuizRun] = {}

    def run_for(self, lesson: Lesson, entry: LessonProgress) -> QuizRun:
        """The attempt under way for this lesson (a visit to its pages, or a restart, keeps
        it), or a new attempt; `entry` is the learner's saved progress in the lesson."""
        from .run import QuizRun
        from .saved import resumed_run

        run = self._runs.get(lesson.id)
        if run is None or run.finished:
            saved = entry.quiz
            if saved is not None and saved.attempt == entry.attempts:
                run = resumed_run(lesson.quiz, saved)
            if run is None or run.finished:
                run = QuizRun(lesson.quiz, attempt=entry.attempts)
            self._runs[lesson.id] = run
        return run

    def finished(self, lesson: Lesson) -> None:
        self._runs.pop(lesson.id, None)
