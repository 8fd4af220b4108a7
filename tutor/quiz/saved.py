"""A quiz attempt saved and resumed: the same layers, choice order, answers and hints.

An attempt is saved as what it drew and what the learner did, never as its prompts or marks:
those are worked out again from the lesson, so a resumed attempt is graded by the same rules.
A saved attempt that no longer fits the lesson (the file was edited in between) is dropped,
and the learner starts the attempt afresh.
"""

from __future__ import annotations

from dataclasses import asdict

from ..engine import ConvLayer, LayerError
from ..lessons.model import ChoiceQuestion, Quiz
from ..progress.quiz_state import QuizState
from .asking import Drawn
from .run import QuizRun


def attempt_state(run: QuizRun) -> QuizState:
    return QuizState(
        attempt=run.attempt,
        index=run.index,
        layers=[None if d.layer is None else asdict(d.layer) for d in run.drawn],
        orders=[list(d.order) for d in run.drawn],
        replies=list(run.replies),
        hints=list(run.hints_shown),
    )


def resumed_run(quiz: Quiz, state: QuizState) -> QuizRun | None:
    """The attempt `state` saved, as it was; None if it does not fit this quiz."""
    if len(state.layers) != len(quiz.questions):
        return None
    drawn = []
    for question, fields, order in zip(quiz.questions, state.layers, state.orders, strict=True):
        choices = len(question.choices) if isinstance(question, ChoiceQuestion) else 0
        expects_layer = not isinstance(question, ChoiceQuestion) or question.layer is not None
        if len(order) != choices or (fields is not None) != expects_layer:
            return None
        try:
            layer = None if fields is None else ConvLayer(**fields)
        except (LayerError, TypeError):
            return None
        drawn.append(Drawn(layer, tuple(order)))
    run = QuizRun(quiz, state.attempt, drawn=drawn)
    for index, reply in enumerate(state.replies):
        if reply is not None:
            run.index = index
            if (
                type(reply) is not (int if run.current.is_choice else str)
                or run.answer(reply).problem
            ):
                return None
    run.hints_shown = [
        min(shown, len(asked.hints)) for shown, asked in zip(state.hints, run.asked, strict=True)
    ]
    run.index = state.index
    return run
