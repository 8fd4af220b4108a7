"""A finished attempt as the progress file keeps it: answer by answer, for the teacher."""

from __future__ import annotations

import time

from ..lessons.model import NumberQuestion
from ..progress.history import (
    CHOICE,
    MAX_GIVEN_CHARS,
    MAX_LAYER_CHARS,
    AnswerRecord,
    AttemptRecord,
)
from .run import QuizRun


def attempt_record(run: QuizRun) -> AttemptRecord:
    """What the learner answered in `run`, which is finished: a choice by its number in the
    lesson (not on screen, where the order is shuffled), a number as typed."""
    answers = []
    for n, (asked, feedback, reply) in enumerate(
        zip(run.asked, run.feedback, run.replies, strict=True)
    ):
        if feedback is None or reply is None:
            continue
        question = asked.question
        if isinstance(question, NumberQuestion):
            kind, given = question.quantity, str(reply)[:MAX_GIVEN_CHARS]
        else:
            kind, given = CHOICE, f"choice {run.drawn[n].order[int(reply)] + 1}"
        layer = run.drawn[n].layer
        answers.append(
            AnswerRecord(
                n,
                kind,
                given,
                feedback.correct,
                feedback.slip_name,
                run.hints_shown[n],
                "" if layer is None else layer.describe()[:MAX_LAYER_CHARS],
            )
        )
    return AttemptRecord(time.time(), run.percent, run.passed, tuple(answers))
