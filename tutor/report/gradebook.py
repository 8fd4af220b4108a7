"""The forms a gradebook or a teacher's follow-up needs: one row per learner (best score and
passed for each lesson, keyed on the account), one row per answer given, and one learner's
answers as text.

Every string a learner's file supplied is escaped (controls.escaped) and, in CSV, kept from
being read as a spreadsheet formula; the lesson's own text was checked when it was loaded.
"""

from __future__ import annotations

import csv
import io
import time
from collections.abc import Iterable, Sequence
from typing import Any, NamedTuple

from ..controls import escaped
from ..engine.count_slips import COUNT_SLIP_LABELS
from ..engine.mistakes import SLIP_LABELS
from ..engine.neuron_slips import NEURON_SLIP_LABELS
from ..engine.words import plural
from .learners import Learner
from .tally import WARNED, ClassReport, Column

FORMULA_STARTS = ("=", "+", "-", "@", "\t", "\r")
SLIPS = {**SLIP_LABELS, **NEURON_SLIP_LABELS, **COUNT_SLIP_LABELS}


class AnswerRow(NamedTuple):
    """One answer a learner gave, in one finished attempt at a lesson's quiz."""

    learner: str
    lesson: Column
    attempt: int
    """Which of the learner's kept attempts at the lesson, from 1 (resets included)."""
    question: int
    """From 1, as the quiz shows it."""
    asks: str
    layer: str
    given: str
    correct: bool
    slip: str
    hints: int
    finished: float


ANSWER_FIELDS = (
    "learner",
    "lesson_id",
    "lesson",
    "attempt",
    "question",
    "asks",
    "layer",
    "given",
    "correct",
    "slip",
    "hints",
    "finished",
)


def answer_rows(learners: Sequence[Learner], report: ClassReport) -> list[AnswerRow]:
    """Every kept answer of every learner, in the lessons in use, learner by learner, lesson
    by lesson, oldest attempt first. `report` is the class report of these `learners` (its
    rows are theirs, in the same order)."""
    columns = {column.id: column for column in report.columns}
    rows = []
    for learner, row in zip(learners, report.rows, strict=True):
        for column in report.columns:
            entry = learner.lessons.get(column.id)
            for attempt, kept in enumerate(entry.history if entry else (), start=1):
                for answer in kept.answers:
                    asks = (
                        column.questions[answer.question]
                        if answer.question < len(column.questions)
                        else answer.kind
                    )
                    rows.append(
                        AnswerRow(
                            row.name,
                            columns[column.id],
                            attempt,
                            answer.question + 1,
                            asks,
                            escaped(answer.layer),
                            escaped(answer.given),
                            answer.correct,
                            answer.slip,
                            answer.hints,
                            kept.finished,
                        )
                    )
    return rows


def answers_csv(rows: Iterable[AnswerRow]) -> str:
    out = io.StringIO()
    writer = csv.writer(out, lineterminator="\n")
    writer.writerow(ANSWER_FIELDS)
    for row in rows:
        writer.writerow(
            _cells(
                [
                    row.learner,
                    row.lesson.id,
                    row.lesson.order,
                    row.attempt,
                    row.question,
                    row.asks,
                    row.layer,
                    row.given,
                    row.correct,
                    row.slip,
                    row.hints,
                    _when(row.finished),
                ]
            )
        )
    return out.getvalue()


def answers_json(rows: Iterable[AnswerRow]) -> list[dict[str, Any]]:
    return [
        {
            "learner": row.learner,
            "lesson_id": row.lesson.id,
            "lesson": row.lesson.order,
            "attempt": row.attempt,
            "question": row.question,
            "asks": row.asks,
            "layer": row.layer,
            "given": row.given,
            "correct": row.correct,
            "slip": row.slip,
            "hints": row.hints,
            "finished": _when(row.finished),
        }
        for row in rows
    ]


def wide_csv(report: ClassReport) -> str:
    """One row per learner, keyed on the account: for each lesson in use its best score (%,
    empty before any attempt) and whether it is passed."""
    out = io.StringIO()
    writer = csv.writer(out, lineterminator="\n")
    heads = ["account", "warning"]
    for column in report.columns:
        heads += [f"{column.order} {column.id} best_percent", f"{column.order} {column.id} passed"]
    writer.writerow(heads)
    for row in report.rows:
        cells: list[Any] = [row.name.removeprefix(WARNED), row.warning]
        for column in report.columns:
            standing = row.standings.get(column.id)
            cells += [
                None if standing is None else standing.best_percent,
                standing is not None and standing.passed,
            ]
        writer.writerow(_cells(cells))
    return out.getvalue()


def learner_text(name: str, rows: Sequence[AnswerRow]) -> str:
    """One learner's answers, lesson by lesson and attempt by attempt, as a teacher reads
    them beside the learner."""
    if not rows:
        return f"{name}: no finished quiz attempts in the lessons in use."
    lines = [f"{name}: {plural(len(rows), 'answer')}"]
    seen: tuple[str, int] | None = None
    for row in rows:
        if (row.lesson.id, row.attempt) != seen:
            seen = (row.lesson.id, row.attempt)
            lines += [
                "",
                f"Lesson {row.lesson.order}, attempt {row.attempt} ({_when(row.finished)})",
            ]
        verdict = "right" if row.correct else "wrong"
        slip = f" ({SLIPS.get(row.slip, row.slip)})" if row.slip else ""
        hints = f", {plural(row.hints, 'hint')}" if row.hints else ""
        lines.append(f"  {row.question}. {row.asks}: {row.given} {verdict}{slip}{hints}")
        if row.layer:
            lines.append(f"     layer: {row.layer}")
    return "\n".join(lines)


def _when(seconds: float) -> str:
    return time.strftime("%Y-%m-%dT%H:%M:%SZ", time.gmtime(seconds))


def _cells(values: Iterable[Any]) -> list[str]:
    """CSV cells: true/false in lower case, nothing for None, text escaped and never a
    formula."""
    cells = []
    for value in values:
        if value is None:
            cells.append("")
        elif isinstance(value, bool):
            cells.append(str(value).lower())
        else:
            cells.append(safe_cell(str(value)))
    return cells


def safe_cell(text: str) -> str:
    """Text for a CSV cell: controls escaped, and a spreadsheet will not run it as a formula."""
    text = escaped(text)
    return "'" + text if text.startswith(FORMULA_STARTS) else text
