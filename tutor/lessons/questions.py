"""Reading a lesson's quiz: number questions (a quantity, a layer, ranges to draw retries
from, or an earlier question's layer) and choice questions, each read even when another is
broken."""

from __future__ import annotations

import difflib
from collections.abc import Callable

from ..engine import QUANTITIES
from ..engine.geometry import PAIR_FIELDS
from . import limits
from .model import ChoiceQuestion, NumberQuestion, Question, Quiz
from .placeholders import check_placeholders
from .reader import LessonError, Problems, Table, check_int
from .scenes import read_layer
from .variants import AXES, VARY_KEYS, Ranges, example_draw


def read_vary(table: Table) -> Ranges:
    """[low, high] per key; a pair field may instead give [[low, high], [low, high]], a range
    for its rows and one for its columns."""
    ranges = []
    for key in VARY_KEYS:
        if not table.has(key):
            continue
        bounds = table.take_list(key, 2)
        if key in PAIR_FIELDS and len(bounds) == 2 and all(isinstance(b, list) for b in bounds):
            ranges += [
                (f"{key}:{axis}", *_range(axis_bounds, f"{table.path(key)}[{n}]"))
                for n, (axis, axis_bounds) in enumerate(zip(AXES, bounds, strict=True))
            ]
        else:
            ranges.append((key, *_range(bounds, table.path(key))))
    table.finish()
    if not ranges:
        raise LessonError(table.where, "must vary at least one field")
    return tuple(ranges)


def _range(bounds: object, where: str) -> tuple[int, int]:
    if not isinstance(bounds, list) or len(bounds) != 2:
        raise LessonError(where, "must be [low, high]")
    low = check_int(bounds[0], f"{where}[0]", 0, 65_536)
    return low, check_int(bounds[1], f"{where}[1]", low, 65_536)


QUESTION_KEYS = {
    "number": ("kind", "prompt", "hints", "answer", "required", "layer", "vary", "layer_from"),
    "choice": (
        "kind",
        "prompt",
        "hints",
        "choices",
        "answer",
        "explanation",
        "explanations",
        "required",
        "layer",
    ),
}
"""Every key a question of each kind may have."""
SAME_LAYER = "same layer"
"""What a prompt says when it asks again about the layer of the question before."""


def read_number_question(table: Table, prompt: str, hints: tuple[str, ...]) -> NumberQuestion:
    quantity = table.take_text("answer", 40)
    if quantity not in QUANTITIES:
        hint = difflib.get_close_matches(quantity, QUANTITIES, n=1)
        also = f" (did you mean {hint[0]!r}?)" if hint else ""
        raise LessonError(
            table.path("answer"),
            f"{quantity!r} is not a known quantity{also}; the quantities: {', '.join(QUANTITIES)}",
        )
    required = table.take_bool("required", False)
    layer_table = table.take_table("layer", required=False)
    layer = None if layer_table is None else read_layer(layer_table)
    vary_table = table.take_table("vary", required=False)
    vary = () if vary_table is None else read_vary(vary_table)
    if vary and SAME_LAYER in prompt.lower():
        raise LessonError(
            table.path("prompt"),
            "says 'the same layer' but a retry draws a layer of its own: ask about the earlier "
            "question's layer with layer_from = its number, instead of layer and vary",
        )
    layer_from = None
    if table.has("layer_from"):
        if layer is not None or vary:
            raise LessonError(
                table.path("layer_from"),
                "asks about another question's layer: give it no layer or vary of its own",
            )
        layer_from = table.take_int("layer_from", 1, limits.MAX_QUESTIONS) - 1
    table.finish()
    if layer_from is not None:  # its question is checked with the quiz (read_quiz)
        return NumberQuestion(
            prompt=prompt,
            quantity=quantity,
            layer=None,
            hints=hints,
            required=required,
            layer_from=layer_from,
        )
    if layer is None and not vary:
        raise LessonError(table.where, "needs a layer, or vary ranges, or both")
    names = {name for name, _, _ in vary}
    sized = "size" in names or {"height", "width"} <= names
    kernel = "kernel" in names or {"kernel:rows", "kernel:cols"} <= names
    if layer is None and not (sized and kernel):
        raise LessonError(
            table.path("vary"), "without a layer, vary needs size (or height and width) and kernel"
        )
    example = layer
    if vary:
        drawn = example_draw(layer, vary)
        if isinstance(drawn, str):
            raise LessonError(table.path("vary"), drawn)
        example = drawn
    return NumberQuestion(
        prompt=prompt,
        quantity=quantity,
        layer=layer,
        vary=vary,
        hints=hints,
        example=example,
        required=required,
    )


def read_choice_question(table: Table, prompt: str, hints: tuple[str, ...]) -> ChoiceQuestion:
    choices = table.take_texts("choices", limits.MAX_CHOICES, limits.MAX_TEXT_CHARS)
    if len(choices) < 2:
        raise LessonError(table.path("choices"), f"needs at least 2 choices, got {len(choices)}")
    if len(set(choices)) != len(choices):
        raise LessonError(table.path("choices"), "has the same choice twice")
    answer = table.take_int("answer", 1, len(choices))
    explanation = table.take_text("explanation", limits.MAX_TEXT_CHARS * 2, "", lines=True)
    explanations = table.take_texts("explanations", limits.MAX_CHOICES, limits.MAX_TEXT_CHARS * 2)
    if explanations and len(explanations) != len(choices):
        raise LessonError(
            table.path("explanations"),
            f"needs one text per choice ({len(choices)}), got {len(explanations)}",
        )
    required = table.take_bool("required", False)
    layer_table = table.take_table("layer", required=False)
    layer = None if layer_table is None else read_layer(layer_table)
    table.finish()
    check_placeholders(
        {
            **{f"{table.path('choices')}[{i}]": c for i, c in enumerate(choices)},
            **{f"{table.path('explanations')}[{i}]": e for i, e in enumerate(explanations)},
            table.path("explanation"): explanation,
        },
        layer is not None,
    )
    return ChoiceQuestion(
        prompt, choices, answer - 1, explanation, hints, layer, required, explanations
    )


def read_question(table: Table) -> NumberQuestion | ChoiceQuestion:
    """A question; its kind, prompt and hints, and then the rest, are each read even if one
    is broken."""
    problems = Problems()
    kind = problems.read(table.take_choice, "kind", ("number", "choice"))
    prompt = problems.read(lambda: table.take_text("prompt", limits.MAX_TEXT_CHARS * 2, lines=True))
    hints = problems.read(table.take_texts, "hints", limits.MAX_HINTS, limits.MAX_TEXT_CHARS)
    question = None
    if kind is not None:
        body: Callable[[Table, str, tuple[str, ...]], Question] = (
            read_number_question if kind == "number" else read_choice_question
        )
        question = problems.read(body, table, prompt or "", hints or ())
        if question is None:  # the body stopped at a bad value: still name any typo'd key
            problems.read(table.finish, QUESTION_KEYS[kind])
    problems.check()
    assert question is not None and prompt is not None and hints is not None
    has_layer = (
        question.layer is not None
        or bool(getattr(question, "vary", ()))
        or getattr(question, "layer_from", None) is not None
    )
    texts = {table.path("prompt"): prompt}
    texts.update({f"{table.path('hints')}[{i}]": hint for i, hint in enumerate(hints)})
    check_placeholders(texts, has_layer)
    return question


def read_quiz(table: Table, problems: Problems) -> Quiz | None:
    """The quiz; each question's problem is kept in `problems` and the next one read. None if
    any part was broken."""
    found = len(problems.found)
    pass_percent = problems.read(
        table.take_int, "pass_percent", 1, 100, limits.DEFAULT_PASS_PERCENT
    )
    tables = problems.read(table.take_tables, "questions", 1, limits.MAX_QUESTIONS) or []
    questions = [problems.read(read_question, q) for q in tables]
    problems.read(table.finish)
    for n, question in enumerate(questions):
        source = None if question is None else getattr(question, "layer_from", None)
        if source is not None and (source >= len(questions) or questions[source] is not None):
            questions[n] = problems.read(
                linked, question, questions, f"{table.path('questions')}[{n}]", n
            )
    if len(problems.found) > found or pass_percent is None:
        return None
    return Quiz(questions=tuple(questions), pass_percent=pass_percent)  # type: ignore[arg-type]


def linked(
    question: NumberQuestion,
    questions: list[NumberQuestion | ChoiceQuestion],
    where: str,
    index: int,
) -> NumberQuestion:
    """A question asking about an earlier number question's layer, with that one's example."""
    source = question.layer_from
    assert source is not None
    earlier = questions[source] if source < index else None
    if not isinstance(earlier, NumberQuestion) or earlier.layer_from is not None:
        raise LessonError(
            f"{where}.layer_from",
            f"must name an earlier number question with a layer of its own, got {source + 1}",
        )
    return question._replace(example=earlier.example)
