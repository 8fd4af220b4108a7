"""What the tutor's screens share: the app, typed, for reading; where the learner is, for
saving; and (for a quiz) its lesson and attempt."""

from __future__ import annotations

from typing import TYPE_CHECKING

from textual.screen import Screen

from ..requests import SavePosition, SaveQuiz
from ..screen_css import screen_css

if TYPE_CHECKING:
    from ...lessons.model import Lesson
    from ...quiz.run import QuizRun
    from ..app import TutorApp


class TutorScreen(Screen[None]):
    @property
    def tutor(self) -> TutorApp:
        """The app, to read from; screens change nothing in it, they post requests."""
        return self.app  # type: ignore[return-value]

    def position(self) -> SavePosition | SaveQuiz | None:
        """Where the learner is on this screen, to be saved (most screens have nothing).
        The app asks every screen for it before it quits."""
        return None

    def save_position(self) -> None:
        """Ask the app to save where the learner is now."""
        request = self.position()
        if request is not None:
            self.post_message(request)


class QuizRunScreen(TutorScreen):
    """A screen about one attempt at a lesson's quiz: the quiz itself, or its results."""

    DEFAULT_CSS = screen_css("quiz")
    SCOPED_CSS = False

    def __init__(self, lesson: Lesson, run: QuizRun) -> None:
        super().__init__()
        self.lesson = lesson
        self.run = run
