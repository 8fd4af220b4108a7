"""Marking an answer: right or wrong, the engine's working for the right answer, and the slip."""

from __future__ import annotations

from dataclasses import dataclass

from ..engine import fmt, slip_values
from ..lessons.model import NumberQuestion
from .answers import parse_answer
from .asking import Asked
from .slips import slip_sentence


@dataclass(frozen=True)
class Feedback:
    """The verdict on one answer. `problem` set means the text was not an answer at all."""

    correct: bool = False
    headline: str = ""
    breakdown: tuple[str, ...] = ()
    slip: str = ""
    """What the answer shows the learner thought: the slip a number came from, or why the
    choice they picked is wrong (or right)."""
    problem: str = ""
    slip_name: str = ""
    """The slip a wrong number matched, by name (engine/mistakes.py), for the record."""


def grade_number(asked: Asked, text: str) -> Feedback:
    parsed = parse_answer(text)
    if parsed.value is None:
        return Feedback(problem=parsed.problem)
    right = fmt(asked.answer)
    if parsed.value == asked.answer:
        return Feedback(True, f"Right: {right}.", asked.breakdown)
    slip = slip_name = ""
    question = asked.question
    if isinstance(question, NumberQuestion) and asked.layer is not None:
        for name, value in slip_values(question.quantity, asked.layer).items():
            if value == parsed.value:
                slip, slip_name = slip_sentence(name, asked.layer, question.quantity), name
                break
    return Feedback(
        False,
        f"Not quite: you said {fmt(parsed.value)}, the answer is {right}.",
        asked.breakdown,
        slip,
        slip_name=slip_name,
    )


def grade_choice(asked: Asked, index: int) -> Feedback:
    """The verdict, why the picked choice is right or wrong (if the lesson says), and the
    question's explanation."""
    right = asked.choices[asked.answer]
    because = asked.explanations[index] if asked.explanations else ""
    explanation = (asked.explanation,) if asked.explanation else ()
    if index == asked.answer:
        return Feedback(True, f"Right: {right}", explanation, because)
    return Feedback(False, f"Not quite. The answer is: {right}", explanation, because)
