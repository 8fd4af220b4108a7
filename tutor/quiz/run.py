"""One attempt at a lesson's quiz: which question is up, the hints shown, the answers given.

Plain state with no UI, so the quiz screen only renders it and the rules can be tested alone.
A lesson is passed when every required question is right (those the lesson marks required,
and every question that counts parameters) and the score reaches the quiz's pass mark (70 %
unless the lesson says otherwise).
"""

from __future__ import annotations

import random
from collections.abc import Sequence

from ..lessons.model import NumberQuestion, Question, Quiz
from .asking import Asked, Drawn, ask, draw
from .grading import Feedback, grade_choice, grade_number

PARAMETER_COUNTS = frozenset(
    {
        "weights_per_filter",
        "parameters_per_filter",
        *(
            f"{scheme}_{part}"
            for scheme in ("shared", "unshared", "dense")
            for part in ("weights", "biases", "total")
        ),
    }
)


def counts_parameters(question: Question) -> bool:
    return isinstance(question, NumberQuestion) and question.quantity in PARAMETER_COUNTS


def is_required(question: Question) -> bool:
    """Must be right to pass: marked so by the lesson, or a parameter count."""
    return question.required or counts_parameters(question)


Reply = str | int
"""What was answered: the text typed, or the position of the choice picked."""


class QuizRun:
    """Questions asked in order; each is answered once, after any number of hints.

    `drawn` gives the draws of an attempt already under way (saved, then restored); without
    it, every question's layer and choice order are drawn now, in order, so a question that
    asks about an earlier one's layer gets that very layer.
    """

    def __init__(
        self,
        quiz: Quiz,
        attempt: int = 0,
        rng: random.Random | None = None,
        drawn: Sequence[Drawn] | None = None,
    ) -> None:
        self.quiz = quiz
        self.attempt = attempt
        if drawn is None:
            rng = rng or random.Random()
            drawn = []
            for question in quiz.questions:
                drawn.append(draw(question, attempt, rng, drawn))
        self.drawn = tuple(drawn)
        self.asked: tuple[Asked, ...] = tuple(
            ask(question, drawn_for)
            for question, drawn_for in zip(quiz.questions, self.drawn, strict=True)
        )
        self.feedback: list[Feedback | None] = [None] * len(self.asked)
        self.replies: list[Reply | None] = [None] * len(self.asked)
        self.hints_shown = [0] * len(self.asked)
        self.index = 0

    @property
    def current(self) -> Asked:
        return self.asked[self.index]

    @property
    def answered(self) -> bool:
        return self.feedback[self.index] is not None

    @property
    def finished(self) -> bool:
        return all(f is not None for f in self.feedback)

    def next_hint(self) -> str | None:
        """Reveal one more hint for the current question; None when there are no more."""
        shown = self.hints_shown[self.index]
        if shown >= len(self.current.hints):
            return None
        self.hints_shown[self.index] = shown + 1
        return self.current.hints[shown]

    def visible_hints(self) -> tuple[str, ...]:
        return self.current.hints[: self.hints_shown[self.index]]

    def answer(self, reply: Reply) -> Feedback:
        """Mark the current question. Text that is not a number is not counted as an answer."""
        if self.answered:
            return self.feedback[self.index]  # type: ignore[return-value]
        asked = self.current
        if asked.is_choice:
            feedback = grade_choice(asked, int(reply))
        else:
            feedback = grade_number(asked, str(reply))
        if not feedback.problem:
            self.feedback[self.index] = feedback
            self.replies[self.index] = reply
        return feedback

    def advance(self) -> bool:
        """Move to the next question; False if this was the last."""
        if self.index + 1 >= len(self.asked):
            return False
        self.index += 1
        return True

    @property
    def score(self) -> int:
        return sum(1 for f in self.feedback if f is not None and f.correct)

    @property
    def percent(self) -> int:
        return round(100 * self.score / len(self.asked))

    @property
    def passed(self) -> bool:
        required_right = all(
            f is not None and f.correct
            for asked, f in zip(self.asked, self.feedback, strict=True)
            if is_required(asked.question)
        )
        return self.finished and required_right and self.percent >= self.quiz.pass_percent
