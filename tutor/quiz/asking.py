"""A question made concrete for one attempt: its layer, its text and (for numbers) its answer.

What an attempt draws (a layer, the order of the choices) is kept apart from what follows from
it, so an attempt under way can be saved as its draws and asked again exactly after a restart.
"""

from __future__ import annotations

import random
from collections.abc import Sequence
from dataclasses import dataclass

from ..engine import QUANTITIES, ConvLayer
from ..lessons.model import ChoiceQuestion, Question
from ..lessons.placeholders import fill
from ..lessons.variants import draw_layer


@dataclass(frozen=True)
class Drawn:
    """What one attempt drew for one question: its layer and the order its choices are in."""

    layer: ConvLayer | None
    order: tuple[int, ...] = ()
    """Choice questions: the question's choice shown at each position."""


@dataclass(frozen=True)
class Asked:
    """What the learner sees and what counts as right, for one attempt at one question."""

    question: Question
    drawn: Drawn
    prompt: str
    hints: tuple[str, ...]
    choices: tuple[str, ...] = ()
    answer: int = 0
    """The right number (number questions) or the right choice's position (choice questions)."""
    breakdown: tuple[str, ...] = ()
    explanation: str = ""
    explanations: tuple[str, ...] = ()
    """One per shown choice, in the order shown (choice questions that have them)."""

    @property
    def layer(self) -> ConvLayer | None:
        return self.drawn.layer

    @property
    def is_choice(self) -> bool:
        return isinstance(self.question, ChoiceQuestion)


def draw(
    question: Question, attempt: int, rng: random.Random, earlier: Sequence[Drawn] = ()
) -> Drawn:
    """An attempt's draws for `question`, after the draws of the questions before it."""
    if isinstance(question, ChoiceQuestion):
        order = list(range(len(question.choices)))
        if attempt > 0:  # a retry is not a test of remembering "it was the first one"
            rng.shuffle(order)
            if order == sorted(order) and len(order) > 1:  # never the author's order again
                order = order[1:] + order[:1]
        return Drawn(question.layer, tuple(order))
    if question.layer_from is not None:
        return Drawn(earlier[question.layer_from].layer)  # asked about together
    if question.layer is not None and (attempt == 0 or not question.vary):
        return Drawn(question.layer)
    return Drawn(draw_layer(question.layer, question.vary, rng) or question.example)


def ask(question: Question, drawn: Drawn) -> Asked:
    """The question as the learner sees it with these draws."""
    layer = drawn.layer
    hints = tuple(fill(h, layer) for h in question.hints)
    if isinstance(question, ChoiceQuestion):
        explanations = question.explanations
        return Asked(
            question=question,
            drawn=drawn,
            prompt=fill(question.prompt, layer),
            hints=hints,
            choices=tuple(fill(question.choices[i], layer) for i in drawn.order),
            answer=drawn.order.index(question.answer),
            explanation=fill(question.explanation, layer),
            explanations=tuple(fill(explanations[i], layer) for i in drawn.order)
            if explanations
            else (),
        )
    if layer is None:  # the loader gives every question a layer or an example
        raise ValueError("a number question needs a layer, or ranges a layer can be drawn from")
    quantity = QUANTITIES[question.quantity]
    return Asked(
        question=question,
        drawn=drawn,
        prompt=fill(question.prompt, layer),
        hints=hints,
        answer=quantity.value(layer),
        breakdown=quantity.explain(layer),
    )
