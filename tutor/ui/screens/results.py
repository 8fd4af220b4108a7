"""After a quiz: the score, whether the lesson is passed, and where to go next."""

from __future__ import annotations

from rich.text import Text
from textual.app import ComposeResult
from textual.binding import Binding
from textual.containers import VerticalScroll
from textual.widgets import Static

from ...lessons.model import Lesson
from ...quiz.run import QuizRun, is_required
from ..literal import literal
from ..requests import OpenNextLesson, OpenQuiz, ShowLessonList
from ..widgets.key_footer import KeyFooter
from .tutor_screen import QuizRunScreen


def results_text(lesson: Lesson, run: QuizRun) -> Text:
    text = Text()
    verdict = "Passed" if run.passed else "Not passed yet"
    text.append(
        f"{verdict}: {run.score} of {len(run.asked)} right ({run.percent} %).\n", style="bold"
    )
    if not run.passed:  # said before the list, so it is in view however long the list
        text.append(
            f"Lesson {lesson.order} is not passed: r retries the quiz; n moves on to the next "
            "lesson anyway, and this one stays unpassed on the list.\n",
            style="bold",
        )
    text.append("\n")
    for n, (asked, feedback) in enumerate(zip(run.asked, run.feedback, strict=True), start=1):
        mark = "✓" if feedback is not None and feedback.correct else "✗"
        kind = " (required)" if is_required(asked.question) else ""
        text.append_text(literal(f"{mark} {n}. {asked.prompt}{kind}\n"))
        if feedback is not None and not feedback.correct:
            text.append_text(literal(f"     {feedback.headline}\n", "dim"))
    text.append(
        f"\nTo pass: every required question right and at least "
        f"{lesson.quiz.pass_percent} % overall. A retry asks about freshly drawn layers.",
        style="dim",
    )
    return text


class ResultsScreen(QuizRunScreen):
    BINDINGS = [
        Binding("r", "retry", "Retry quiz"),
        Binding("n", "next_lesson", "Next lesson"),
        Binding("n", "skip_ahead", "Next lesson (not passed)"),
        Binding("m,enter,escape", "leave", "Lessons", key_display="m"),
    ]

    def compose(self) -> ComposeResult:
        yield Static(
            literal(f"Results · Lesson {self.lesson.order}: {self.lesson.title}"), id="title-bar"
        )
        with VerticalScroll(id="results-body"):
            yield Static(results_text(self.lesson, self.run), id="results")
        yield KeyFooter()

    def action_retry(self) -> None:
        self.post_message(OpenQuiz(self.lesson))

    def check_action(self, action: str, parameters: tuple[object, ...]) -> bool | None:
        """n names what it does: the next lesson, or moving on from one not passed."""
        if action in ("next_lesson", "skip_ahead"):
            return self.run.passed == (action == "next_lesson")
        return True

    def action_next_lesson(self) -> None:
        self.post_message(OpenNextLesson(self.lesson))

    def action_skip_ahead(self) -> None:
        self.action_next_lesson()

    def action_leave(self) -> None:
        self.post_message(ShowLessonList())
