"""A class's results counted: each learner's standing in each lesson, the questions most often
missed, the predictions made and the slips most often made, from the attempt and prediction
records in their progress."""

from __future__ import annotations

from collections.abc import Sequence
from typing import NamedTuple

from ..controls import escaped
from ..engine.count_slips import COUNT_SLIP_LABELS
from ..engine.mistakes import SLIP_LABELS
from ..engine.neuron_slips import NEURON_SLIP_LABELS
from ..engine.quantities import QUANTITIES
from ..lessons.model import ChoiceQuestion, CountPrediction, Lesson
from ..progress.history import CHOICE
from ..progress.model import LessonProgress
from .learners import Learner

PROMPT_CHARS = 48
"""As much of a choice question's prompt as names it in the report."""


class Column(NamedTuple):
    """A lesson in the report: in use (with its number and title) or known only by its id
    (a learner's progress names a lesson this folder does not have)."""

    id: str
    order: int | None
    title: str
    questions: tuple[str, ...] = ()
    """What each question asks, in a few words."""
    counts_asked: tuple[tuple[int, str], ...] = ()
    """(page, what) for each page that asks for a count rather than a neuron."""


class Standing(NamedTuple):
    """One learner in one lesson."""

    started: bool
    passed: bool
    best_percent: int | None
    attempts: int
    wrong: int
    """Wrong answers over the attempts kept."""
    hints: int
    last: float | None
    """When the latest kept attempt finished."""
    predictions: int = 0
    """Predictions kept."""
    predicted_right: int = 0


class Missed(NamedTuple):
    lesson: Column
    question: int
    asks: str
    learners: int
    """Learners who answered it wrong at least once."""
    answered: int
    """Learners who answered it at all."""


class PredictionTally(NamedTuple):
    """One neuron a lesson page asks learners to predict."""

    lesson: Column
    page: int
    neuron: tuple[int, int, int]
    learners: int
    """Learners who predicted it."""
    right_first: int
    """Learners whose first prediction of it was right."""


class SlipTally(NamedTuple):
    slip: str
    label: str
    learners: int
    times: int


class Row(NamedTuple):
    """One learner's file: the name it is shown under, its standing in each lesson in use."""

    name: str
    standings: dict[str, Standing]
    warning: str = ""
    """Why its owner, name and content disagree ("" when they agree)."""


class ClassReport(NamedTuple):
    columns: list[Column]
    rows: list[Row]
    missed: list[Missed]
    slips: list[SlipTally]
    problems: list[str]
    predictions: list[PredictionTally]
    unknown_lessons: int = 0
    """Lesson ids in learners' files that no lesson in use has: left out, only counted (a
    forged file could name a thousand)."""
    warnings: tuple[str, ...] = ()
    """Files whose owner, name and content disagree: their rows are marked and apart."""


WARNED = "! "
"""Before the name of a row whose file's owner, name and content disagree."""


def column_of(lesson: Lesson) -> Column:
    asks = []
    for question in lesson.quiz.questions if lesson.quiz else ():
        if isinstance(question, ChoiceQuestion):
            prompt = " ".join(question.prompt.split())
            asks.append(
                escaped(prompt if len(prompt) <= PROMPT_CHARS else prompt[: PROMPT_CHARS - 1] + "…")
            )
        else:
            asks.append(QUANTITIES[question.quantity].meaning)
    counts = tuple(
        (n, f"the {page.predict.kind} needed by step {page.predict.at + 1:,}")
        for n, page in enumerate(lesson.pages)
        if isinstance(page.predict, CountPrediction)
    )
    return Column(lesson.id, lesson.order, lesson.title, tuple(asks), counts)


def standing(entry: LessonProgress) -> Standing:
    answers = [answer for record in entry.history for answer in record.answers]
    return Standing(
        entry.started,
        entry.passed,
        entry.best_percent,
        entry.attempts,
        sum(not answer.correct for answer in answers),
        sum(answer.hints for answer in answers),
        entry.history[-1].finished if entry.history else None,
        len(entry.predictions),
        sum(p.correct for p in entry.predictions),
    )


def class_report(
    learners: Sequence[Learner], lessons: Sequence[Lesson], problems: list[str]
) -> ClassReport:
    columns = {lesson.id: column_of(lesson) for lesson in sorted(lessons, key=lambda x: x.order)}
    unknown = {key for learner in learners for key in learner.unknown}
    counted = [learner for learner in learners if not learner.warning]
    rows = [
        Row(
            WARNED + learner.name if learner.warning else learner.name,
            {key: standing(entry) for key, entry in learner.lessons.items() if key in columns},
            learner.warning,
        )
        for learner in learners
    ]
    return ClassReport(
        list(columns.values()),
        rows,
        _missed(counted, columns),
        _slips(counted),
        problems,
        _predictions(counted, columns),
        len(unknown),
        tuple(learner.warning for learner in learners if learner.warning),
    )


def _missed(learners: Sequence[Learner], columns: dict[str, Column]) -> list[Missed]:
    wrong: dict[tuple[str, int], set[int]] = {}
    answered: dict[tuple[str, int], set[int]] = {}
    kinds: dict[tuple[str, int], str] = {}
    for n, learner in enumerate(learners):
        for key, entry in learner.lessons.items():
            if key not in columns:
                continue
            for record in entry.history:
                for answer in record.answers:
                    question = (key, answer.question)
                    answered.setdefault(question, set()).add(n)
                    kinds[question] = answer.kind
                    if not answer.correct:
                        wrong.setdefault(question, set()).add(n)
    missed = []
    for (key, number), who in wrong.items():
        column = columns[key]
        kind = kinds[(key, number)]
        asks = (
            column.questions[number]
            if number < len(column.questions)
            else "a choice"
            if kind == CHOICE
            else QUANTITIES[kind].meaning
        )
        missed.append(Missed(column, number, asks, len(who), len(answered[(key, number)])))
    return sorted(missed, key=lambda m: (-m.learners, m.lesson.order or 0, m.question))


def _predictions(learners: Sequence[Learner], columns: dict[str, Column]) -> list[PredictionTally]:
    """Each neuron predicted: by how many learners, and how many were right the first time."""
    firsts: dict[tuple[str, int, tuple[int, int, int]], dict[int, bool]] = {}
    for n, learner in enumerate(learners):
        for key, entry in learner.lessons.items():
            if key not in columns:
                continue
            for record in entry.predictions:  # oldest first: the first kept is the first made
                firsts.setdefault((key, record.page, record.neuron), {}).setdefault(
                    n, record.correct
                )
    tallies = [
        PredictionTally(columns[key], page, neuron, len(who), sum(who.values()))
        for (key, page, neuron), who in firsts.items()
    ]
    return sorted(tallies, key=lambda t: (t.lesson.order or 0, t.lesson.id, t.page, t.neuron))


def _slips(learners: Sequence[Learner]) -> list[SlipTally]:
    """Slips named in quiz answers and in predictions, most learners first."""
    who: dict[str, set[int]] = {}
    times: dict[str, int] = {}
    for n, learner in enumerate(learners):
        for entry in learner.lessons.values():
            slips = [answer.slip for record in entry.history for answer in record.answers]
            slips += [prediction.slip for prediction in entry.predictions]
            for slip in filter(None, slips):
                who.setdefault(slip, set()).add(n)
                times[slip] = times.get(slip, 0) + 1
    labels = {**SLIP_LABELS, **NEURON_SLIP_LABELS, **COUNT_SLIP_LABELS}
    return sorted(
        (SlipTally(slip, labels[slip], len(people), times[slip]) for slip, people in who.items()),
        key=lambda s: (-s.learners, -s.times, s.slip),
    )
