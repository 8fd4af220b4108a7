"""One attempt at a lesson's quiz: which question is up, the hints shown, the answers given.

Plain state with no UI, so the quiz screen only renders it and the rules can be tested alone.
A lesson is passed when every parameter-count question is right and the score reaches the
quiz's pass mark (70 % unless the lesson says otherwise).
"""

from __future__ import annotations

import random

from ..lessons.model import NumberQuestion, Quiz
from .asking import Asked, ask
from .grading import Feedback, grade_choice, grade_number

COUNT_QUANTITIES = ("weights_per_filter", "parameters_per_filter")
COUNT_PREFIXES = ("shared_", "unshared_", "dense_")


def is_parameter_count(asked: Asked) -> bool:
    question = asked.question
    return isinstance(question, NumberQuestion) and (
        question.quantity in COUNT_QUANTITIES or question.quantity.startswith(COUNT_PREFIXES)
    )


class QuizRun:
    """Questions asked in order; each is answered once, after any number of hints."""

    def __init__(self, quiz: Quiz, attempt: int = 0, rng: random.Random | None = None) -> None:
        self.quiz = quiz
        self.attempt = attempt
        rng = rng or random.Random()
        self.asked: tuple[Asked, ...] = tuple(ask(q, attempt, rng) for q in quiz.questions)
        self.feedback: list[Feedback | None] = [None] * len(self.asked)
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

    def answer(self, reply: str | int) -> Feedback:
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
        counts_right = all(
            f is not None and f.correct
            for asked, f in zip(self.asked, self.feedback, strict=True)
            if is_parameter_count(asked)
        )
        return self.finished and counts_right and self.percent >= self.quiz.pass_percent
