"""Finished quiz attempts, answer by answer: what a teacher's report of a class is made from.

Each answer keeps what the learner gave, whether it was right, the slip it matched (by name,
see engine/mistakes.py) and the hints used, never the prompt: the report finds the words in
the lesson. Checked field by field when read, like the rest of the progress file, and bounded
so the file stays small.
"""

from __future__ import annotations

from dataclasses import dataclass
from typing import Any

from ..engine.mistakes import SLIPS
from ..engine.quantities import QUANTITIES
from ..lessons.limits import MAX_HINTS, MAX_QUESTIONS
from .fields import is_text, is_time, is_verdict, is_whole

MAX_GIVEN_CHARS = 40
"""As much of a typed answer as is kept (an answer box holds no more)."""
MAX_LAYER_CHARS = 160
"""A drawn layer in words (ConvLayer.describe) is well under this."""
CHOICE = "choice"
"""The kind of a multiple-choice question; a number question's kind is its quantity."""


class BadHistory(ValueError):
    """A saved attempt record that is not one this version wrote."""


@dataclass(frozen=True)
class AnswerRecord:
    question: int
    """The question's place in the lesson's quiz, from 0."""
    kind: str
    """The quantity asked for, or CHOICE."""
    given: str
    """The text typed, or for a choice "choice N" in the lesson's own numbering (from 1)."""
    correct: bool
    slip: str
    """The slip a wrong number matched, by name; "" when none did."""
    hints: int
    layer: str = ""
    """The layer the attempt drew for the question, in words ("" when it drew none, and in
    records older than version 4)."""


@dataclass(frozen=True)
class AttemptRecord:
    finished: float
    """When the last question was answered (seconds since the epoch)."""
    percent: int
    passed: bool
    answers: tuple[AnswerRecord, ...]


def attempt_to_json(record: AttemptRecord) -> dict[str, Any]:
    return {
        "finished": record.finished,
        "percent": record.percent,
        "passed": record.passed,
        "answers": [
            [a.question, a.kind, a.given, a.correct, a.slip, a.hints, a.layer]
            for a in record.answers
        ],
    }


def attempt_from_json(data: Any, where: str) -> AttemptRecord:
    if not isinstance(data, dict) or set(data) != {"finished", "percent", "passed", "answers"}:
        raise BadHistory(f"{where} is not a quiz attempt")
    finished, percent, passed, answers = (
        data["finished"],
        data["percent"],
        data["passed"],
        data["answers"],
    )
    if not is_time(finished):
        raise BadHistory(f"{where}.finished is not a time")
    if not is_whole(percent, 0, 100):
        raise BadHistory(f"{where}.percent is not a whole number from 0 to 100")
    if type(passed) is not bool:
        raise BadHistory(f"{where}.passed is not true or false")
    if not isinstance(answers, list) or len(answers) > MAX_QUESTIONS:
        raise BadHistory(f"{where}.answers is not a list of at most {MAX_QUESTIONS} answers")
    return AttemptRecord(
        float(finished),
        percent,
        passed,
        tuple(_answer(item, f"{where}.answers[{n}]") for n, item in enumerate(answers)),
    )


def _answer(item: Any, where: str) -> AnswerRecord:
    if not isinstance(item, list) or len(item) not in (6, 7):
        raise BadHistory(f"{where} is not an answer")
    question, kind, given, correct, slip, hints, layer = item if len(item) == 7 else [*item, ""]
    if not is_whole(question, 0, MAX_QUESTIONS - 1):
        raise BadHistory(f"{where} names no question")
    if kind != CHOICE and kind not in QUANTITIES:
        raise BadHistory(f"{where} is of no kind this version knows")
    if not is_text(given, MAX_GIVEN_CHARS):
        raise BadHistory(f"{where} does not hold the answer given")
    if not is_verdict(correct, slip, SLIPS):
        raise BadHistory(f"{where} has no verdict this version knows")
    if not is_whole(hints, 0, MAX_HINTS):
        raise BadHistory(f"{where} does not count its hints")
    if not is_text(layer, MAX_LAYER_CHARS):
        raise BadHistory(f"{where} does not describe its layer")
    return AnswerRecord(question, kind, given, correct, slip, hints, layer)
