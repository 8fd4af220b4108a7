"""Predictions a learner made where a lesson asked for one: which neuron, what they typed,
right or wrong and the slip named. Like the quiz attempts, kept for the teacher's report,
checked field by field when read and bounded."""

from __future__ import annotations

from dataclasses import dataclass
from typing import Any

from ..engine.count_slips import COUNT_SLIPS
from ..engine.neuron_slips import NEURON_SLIPS
from ..lessons.limits import MAX_PAGES
from .fields import is_text, is_time, is_verdict, is_whole
from .history import BadHistory

MAX_PREDICTED_CHARS = 20
NEURON_LIMIT = 1_000
"""Bigger than any scene's output side or filter count: a coordinate past it is damage."""


@dataclass(frozen=True)
class PredictionRecord:
    page: int
    """The page's place in the lesson, from 0."""
    neuron: tuple[int, int, int]
    """(slice, row, col) from 0."""
    given: str
    correct: bool
    slip: str
    when: float


def prediction_to_json(record: PredictionRecord) -> list[Any]:
    return [
        record.page,
        list(record.neuron),
        record.given,
        record.correct,
        record.slip,
        record.when,
    ]


def prediction_from_json(item: Any, where: str) -> PredictionRecord:
    if not isinstance(item, list) or len(item) != 6:
        raise BadHistory(f"{where} is not a prediction")
    page, neuron, given, correct, slip, when = item
    if not is_whole(page, 0, MAX_PAGES - 1):
        raise BadHistory(f"{where} names no page")
    if not (
        isinstance(neuron, list)
        and len(neuron) == 3
        and all(is_whole(n, 0, NEURON_LIMIT - 1) for n in neuron)
    ):
        raise BadHistory(f"{where} names no neuron")
    if not is_text(given, MAX_PREDICTED_CHARS):
        raise BadHistory(f"{where} does not hold the number given")
    if not is_verdict(correct, slip, NEURON_SLIPS + COUNT_SLIPS):
        raise BadHistory(f"{where} has no verdict this version knows")
    if not is_time(when):
        raise BadHistory(f"{where} has no time")
    return PredictionRecord(
        page, (neuron[0], neuron[1], neuron[2]), given, correct, slip, float(when)
    )
