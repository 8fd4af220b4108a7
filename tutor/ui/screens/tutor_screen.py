"""What the tutor's screens share: the app, typed, and (for a quiz) its lesson and attempt."""

from __future__ import annotations

from typing import TYPE_CHECKING

from textual.screen import Screen

from ..screen_css import screen_css

if TYPE_CHECKING:
    from ...lessons.model import Lesson
    from ...quiz.run import QuizRun
    from ..app import TutorApp


class TutorScreen(Screen[None]):
    @property
    def tutor(self) -> TutorApp:
        """The app, for navigating and saving: screens ask it, it decides."""
        return self.app  # type: ignore[return-value]

    def save_position(self) -> None:
        """Save where the learner is on this screen before the app quits (most have nothing)."""


class QuizRunScreen(TutorScreen):
    """A screen about one attempt at a lesson's quiz: the quiz itself, or its results."""

    DEFAULT_CSS = screen_css("quiz")
    SCOPED_CSS = False

    def __init__(self, lesson: Lesson, run: QuizRun) -> None:
        super().__init__()
        self.lesson = lesson
        self.run = run
