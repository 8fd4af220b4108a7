"""A quiz attempt under way, as saved: enough to ask it again exactly after a restart.

What the attempt drew (each question's layer and the order of its choices) and what the
learner did (the replies given, the hints shown, the question reached). Checked field by field
when read, like the rest of the progress file; whether it still fits the lesson is for the
quiz to decide (quiz/saved.py), since a lesson file can change between two runs.
"""

from __future__ import annotations

from dataclasses import dataclass
from typing import Any

from ..engine.geometry import LAYER_FIELDS, MAX_DIMENSION, PAIR_FIELDS, SIZE_FIELDS
from ..lessons.limits import MAX_CHOICES, MAX_HINTS, MAX_QUESTIONS
from .fields import is_text, is_whole

MAX_REPLY_CHARS = 40


class BadQuizState(ValueError):
    """A saved attempt that is not one this version wrote."""


@dataclass
class QuizState:
    attempt: int
    index: int
    layers: list[dict[str, Any] | None]
    """Per question: the layer it asked about (its fields), or None."""
    orders: list[list[int]]
    """Per question: the choice shown at each position (empty for number questions)."""
    replies: list[str | int | None]
    """Per question: the text typed, or the position of the choice picked; None if not yet."""
    hints: list[int]
    """Per question: hints shown."""


def quiz_state_from_json(data: Any, where: str) -> QuizState:
    if not isinstance(data, dict) or set(data) != {
        "attempt",
        "index",
        "layers",
        "orders",
        "replies",
        "hints",
    }:
        raise BadQuizState(f"{where} is not a saved quiz attempt")
    count = len(data["layers"]) if isinstance(data["layers"], list) else -1
    if not 1 <= count <= MAX_QUESTIONS or any(
        not isinstance(data[key], list) or len(data[key]) != count
        for key in ("orders", "replies", "hints")
    ):
        raise BadQuizState(f"{where} does not hold one entry per question")
    _whole(data["attempt"], f"{where}.attempt", 1_000_000)
    _whole(data["index"], f"{where}.index", count - 1)
    for n in range(count):
        _layer(data["layers"][n], f"{where}.layers[{n}]")
        order = data["orders"][n]
        if (
            not isinstance(order, list)
            or len(order) > MAX_CHOICES
            or sorted(order) != list(range(len(order)))
        ):
            raise BadQuizState(f"{where}.orders[{n}] is not an order of choices")
        reply = data["replies"][n]
        if not (
            reply is None or is_whole(reply, 0, MAX_CHOICES - 1) or is_text(reply, MAX_REPLY_CHARS)
        ):
            raise BadQuizState(f"{where}.replies[{n}] is not a reply")
        _whole(data["hints"][n], f"{where}.hints[{n}]", MAX_HINTS)
    return QuizState(**data)


def _whole(value: Any, where: str, most: int) -> None:
    if not is_whole(value, 0, most):
        raise BadQuizState(f"{where} is not a whole number from 0 to {most:,}")


def _layer(value: Any, where: str) -> None:
    if value is None:
        return
    if not isinstance(value, dict) or set(value) != set(LAYER_FIELDS):
        raise BadQuizState(f"{where} is not a layer")
    for key in SIZE_FIELDS:
        _whole(value[key], f"{where}.{key}", MAX_DIMENSION)
    for key in PAIR_FIELDS:
        pair = value[key]
        if not isinstance(pair, list) or len(pair) != 2:
            raise BadQuizState(f"{where}.{key} is not a pair")
        for item in pair:
            _whole(item, f"{where}.{key}", MAX_DIMENSION)
    if type(value["bias"]) is not bool:
        raise BadQuizState(f"{where}.bias is not true or false")
