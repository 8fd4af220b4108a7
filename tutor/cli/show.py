"""`cnn-tutor show FILE`: a lesson laid out for its teacher to read before a class plays it:
each page's text (placeholders filled), what it shows and asks, the quiz as written, and a few
attempts' draws with their answers, so a question that draws an odd layer is seen in advance.

Everything printed comes from the loaded lesson and the engine (the answers are the quiz's own
quantities). Lesson text was checked for control characters when loaded, and is escaped again
here all the same.
"""

from __future__ import annotations

import argparse
import random
import sys
import textwrap
from pathlib import Path

from ..controls import escaped
from ..engine import fmt
from ..engine.quantities import QUANTITIES
from ..engine.words import neuron_place, plural
from ..lessons.check import shown
from ..lessons.loader import load_lesson
from ..lessons.model import (
    ChoiceQuestion,
    CountPrediction,
    Lesson,
    NumberQuestion,
    Page,
    Prediction,
    Question,
)
from ..lessons.placeholders import fill
from ..quiz.run import QuizRun, is_required

WIDTH = 78
MAX_DRAWS = 50


def run_show(args: argparse.Namespace) -> int:
    """Print the lesson in `args.file`, or its problems (exit 1) as `check` says them."""
    path: Path = args.file
    if args.draws > MAX_DRAWS:
        print(f"cnn-tutor show: --draws is at most {MAX_DRAWS}, got {args.draws}", file=sys.stderr)
        return 2
    lesson = load_lesson(path)
    if not isinstance(lesson, Lesson):
        for problem in lesson.problems or (lesson.message.removeprefix(f"{path}: "),):
            print(f"cnn-tutor show: {shown(path)}: {problem}", file=sys.stderr)
        return 1
    print("\n".join(lesson_lines(lesson, args.draws)))
    return 0


def lesson_lines(lesson: Lesson, draws: int) -> list[str]:
    lines = [
        escaped(f"Lesson {lesson.order} ({lesson.id}): {lesson.title}"),
        *_wrapped(f"summary: {lesson.summary}", "  "),
        f"  requires: {', '.join(lesson.requires) or 'nothing'}",
    ]
    for n, page in enumerate(lesson.pages, start=1):
        lines += ["", escaped(f"Page {n} of {len(lesson.pages)}: {page.title or '(no title)'}")]
        lines += _wrapped(f"shows: {_shows(page)}", "  ")
        if page.predict is not None:
            lines += _wrapped(f"asks: {_asks(page)}", "  ")
        lines.append("  text:")
        filled = escaped(fill(page.narration, page.layer), keep="\n").strip("\n")
        lines += [f"    {line}".rstrip() for line in filled.splitlines()]
    quiz = lesson.quiz
    lines += [
        "",
        f"Quiz: {plural(len(quiz.questions), 'question')}, pass mark {quiz.pass_percent} %",
    ]
    for n, question in enumerate(quiz.questions, start=1):
        lines += _question(n, question)
    if draws:
        lines += [
            "",
            f"Sample draws ({plural(draws, 'attempt')}; the first asks the lesson's own layers, "
            "each retry draws afresh):",
        ]
    for attempt in range(draws):
        run = QuizRun(quiz, attempt, random.Random(attempt))
        lines.append(f"  Attempt {attempt + 1}:")
        for n, asked in enumerate(run.asked, start=1):
            answer = (
                f'choice "{asked.choices[asked.answer]}"' if asked.is_choice else fmt(asked.answer)
            )
            lines += _wrapped(f"{n}. {asked.prompt} -> {answer}", "    ", "       ")
    return lines


def _shows(page: Page) -> str:
    if page.scene is not None:
        scene = page.scene
        panels = f"; panels {', '.join(scene.panels)}" if scene.panels else ""
        return f"a scene, {scene.mode}, {scene.layer.describe()}{panels}"
    if page.map is not None:
        return f"a neuron map, opening {page.map.mode}, {page.map.layer.describe()}"
    if page.counts is not None:
        return f"the counts of {page.counts.describe()}"
    return "text only"


def _asks(page: Page) -> str:
    predict = page.predict
    if isinstance(predict, CountPrediction):
        return f"the {predict.kind} needed by step {predict.at + 1:,}: {predict.prompt}"
    if isinstance(predict, Prediction) and page.scene is not None:
        place = neuron_place(predict.neuron, page.scene.layer.filters > 1)
        return f"the neuron at {place}: {predict.prompt}"
    return ""


def _question(n: int, question: Question) -> list[str]:
    kind = "number" if isinstance(question, NumberQuestion) else "choice"
    flags = ", required" if is_required(question) else ""
    lines = ["", *_wrapped(f"{n}. [{kind}{flags}] {question.prompt}", "  ", "     ")]
    if isinstance(question, NumberQuestion):
        lines.append(f"     answer: {QUANTITIES[question.quantity].meaning}")
        if question.layer_from is not None:
            lines.append(f"     layer: question {question.layer_from + 1}'s, whatever it drew")
        elif question.layer is not None:
            lines += _wrapped(f"layer asked first: {question.layer.describe()}", "     ")
        if question.vary:
            ranges = ", ".join(f"{name} {low}-{high}" for name, low, high in question.vary)
            lines.append(escaped(f"     drawn on retries from: {ranges}"))
    elif isinstance(question, ChoiceQuestion):
        for c, choice in enumerate(question.choices):
            mark = "*" if c == question.answer else " "
            lines += _wrapped(f"{c + 1}) {choice}", f"   {mark} ", "         ")
    lines += _wrapped(f"hints: {' | '.join(question.hints)}", "     ") if question.hints else []
    return lines


def _wrapped(text: str, indent: str, then: str | None = None) -> list[str]:
    return textwrap.wrap(
        escaped(" ".join(text.split())),
        WIDTH,
        initial_indent=indent,
        subsequent_indent=then if then is not None else indent + "  ",
        break_on_hyphens=False,
    )
