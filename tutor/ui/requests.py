"""What a screen asks of the app. Screens post these and the app, which owns navigation and
the learner's progress, decides what happens; the app calls screens only downward."""

from __future__ import annotations

from typing import TYPE_CHECKING

from textual.message import Message

if TYPE_CHECKING:
    from ..lessons.model import Lesson, LessonHeader
    from ..progress.predictions import PredictionRecord
    from ..quiz.run import QuizRun


class ShowLessonList(Message):
    """Back to the list, highlighting the lesson the learner leaves."""


class OpenCalculator(Message):
    """The parameter calculator, over the screen asking."""


class ResumeLesson(Message):
    """A lesson from the list, opened where the learner left it (or its quiz)."""

    def __init__(self, header: LessonHeader) -> None:
        super().__init__()
        self.header = header


class OpenLesson(Message):
    """A lesson at a given page and step (the quiz's way back to the last page)."""

    def __init__(self, lesson: Lesson, page: int, step: int = 0) -> None:
        super().__init__()
        self.lesson = lesson
        self.page = page
        self.step = step


class OpenQuiz(Message):
    """The lesson's quiz: the attempt under way, or a new one."""

    def __init__(self, lesson: Lesson) -> None:
        super().__init__()
        self.lesson = lesson


class OpenNextLesson(Message):
    """The lesson after this one in the list, where the learner left it."""

    def __init__(self, lesson: Lesson) -> None:
        super().__init__()
        self.lesson = lesson


class ResetProgress(Message):
    """Forget the learner's progress in one lesson, or in all of them (None)."""

    def __init__(self, lesson: LessonHeader | None) -> None:
        super().__init__()
        self.lesson = lesson


class SavePosition(Message):
    """The page and step the learner is at in a lesson."""

    def __init__(self, lesson: Lesson, page: int, step: int) -> None:
        super().__init__()
        self.lesson = lesson
        self.page = page
        self.step = step


class SaveQuiz(Message):
    """The quiz attempt under way as it is now, so a restart asks it again exactly."""

    def __init__(self, lesson: Lesson, run: QuizRun) -> None:
        super().__init__()
        self.lesson = lesson
        self.run = run


class FinishQuiz(Message):
    """A quiz attempt answered to the end: record its score and show the results."""

    def __init__(self, lesson: Lesson, run: QuizRun) -> None:
        super().__init__()
        self.lesson = lesson
        self.run = run


class RecordPrediction(Message):
    """A prediction the learner made on a lesson page, to keep with their progress."""

    def __init__(self, lesson: Lesson, record: PredictionRecord) -> None:
        super().__init__()
        self.lesson = lesson
        self.record = record
