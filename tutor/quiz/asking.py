"""A question made concrete for one attempt: its layer, its text and (for numbers) its answer."""

from __future__ import annotations

import random
from dataclasses import dataclass

from ..engine import QUANTITIES, ConvLayer
from ..lessons.model import ChoiceQuestion, NumberQuestion, Question
from .prompts import fill
from .variants import draw_layer


@dataclass(frozen=True)
class Asked:
    """What the learner sees and what counts as right, for one attempt at one question."""

    question: Question
    layer: ConvLayer | None
    prompt: str
    hints: tuple[str, ...]
    choices: tuple[str, ...] = ()
    answer: int = 0
    """The right number (number questions) or the right choice's index (choice questions)."""
    breakdown: tuple[str, ...] = ()
    explanation: str = ""

    @property
    def is_choice(self) -> bool:
        return isinstance(self.question, ChoiceQuestion)


def layer_for_attempt(
    question: NumberQuestion, attempt: int, rng: random.Random
) -> ConvLayer | None:
    """The canonical layer first; a freshly drawn one on every later attempt, if it can vary,
    and the question's checked example when a draw finds none."""
    if question.layer is not None and (attempt == 0 or not question.vary):
        return question.layer
    return draw_layer(question.layer, question.vary, rng) or question.example


def ask(question: Question, attempt: int, rng: random.Random) -> Asked:
    hints = question.hints
    if isinstance(question, ChoiceQuestion):
        layer = question.layer
        order = list(range(len(question.choices)))
        if attempt > 0:
            rng.shuffle(order)  # a retry is not a test of remembering "it was the first one"
        return Asked(
            question=question,
            layer=layer,
            prompt=fill(question.prompt, layer),
            hints=tuple(fill(h, layer) for h in hints),
            choices=tuple(fill(question.choices[i], layer) for i in order),
            answer=order.index(question.answer),
            explanation=fill(question.explanation, layer),
        )
    layer = layer_for_attempt(question, attempt, rng)
    if layer is None:  # the loader gives every question a layer or an example
        raise ValueError("a number question needs a layer, or ranges a layer can be drawn from")
    quantity = QUANTITIES[question.quantity]
    return Asked(
        question=question,
        layer=layer,
        prompt=fill(question.prompt, layer),
        hints=tuple(fill(h, layer) for h in hints),
        answer=quantity.value(layer),
        breakdown=quantity.explain(layer),
    )
