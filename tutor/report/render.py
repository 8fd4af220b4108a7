"""A class report as a teacher reads it (a table and two lists), as CSV for a spreadsheet or a
learning platform (one row per learner and lesson), or as JSON."""

from __future__ import annotations

import csv
import io
import json
import textwrap
import time
from typing import Any

from ..engine import fmt
from ..engine.words import neuron_place, plural
from .gradebook import safe_cell
from .tally import WARNED, ClassReport, Column, Standing

NAME_WIDTH = 16
"""Columns for a learner's name at least (so nine lessons fit 80 columns); longer names widen
it, and the lessons that then do not fit go on to a second table."""
CELL = 6
MIN_LESSONS_BESIDE = 1
"""Lessons a table keeps beside the names, however long they are (only a name longer than
that leaves room for is cut)."""
MOST = 10
"""Questions and slips listed, most frequent first."""
LEGEND = "✓ passed, ✗ not yet: best % / attempts · … started, no quiz yet · - not started"


def text_report(report: ClassReport, width: int = 80) -> str:
    """The report as a teacher reads it within `width` columns: lessons that do not fit beside
    the names go on to a second table, the names repeated, and the lists wrap; only the lines
    naming files are left whole."""
    lines = [
        f"Class report: {plural(len(report.rows), 'learner')}, "
        f"{plural(len(report.columns), 'lesson')}",
        "",
    ]
    names = [row.name for row in report.rows]
    cells = {
        (n, column.id): _cell(row.standings.get(column.id))
        for n, row in enumerate(report.rows)
        for column in report.columns
    }
    cell = max([CELL, *map(len, cells.values())])  # many attempts widen every cell alike
    room = max(NAME_WIDTH, width - 1 - MIN_LESSONS_BESIDE * (cell + 1))
    name_width = min(max([NAME_WIDTH, *map(len, names)]), room)
    per_table = max(1, (width - name_width) // (cell + 1))
    numbers = [_number(column) for column in report.columns]
    for start in range(0, max(1, len(report.columns)), per_table):
        if start:
            lines.append("")
        shown = report.columns[start : start + per_table]
        lines.append(
            " ".join(
                [
                    "learner".ljust(name_width),
                    *(n.rjust(cell) for n in numbers[start:][: len(shown)]),
                ]
            )
        )
        for n, row in enumerate(report.rows):
            lines.append(
                " ".join(
                    [
                        _fit(row.name, name_width),
                        *(cells[n, column.id].rjust(cell) for column in shown),
                    ]
                )
            )
    table = len(lines)
    lines += [LEGEND, ""]
    lines += [
        f"{number:>3}  {column.title}"
        for number, column in zip(numbers, report.columns, strict=True)
    ]
    if report.missed:
        lines += ["", "Questions most often missed (learners wrong at least once / answering):"]
        lines += [
            f"  {m.learners}/{m.answered}  {_number(m.lesson)}, question {m.question + 1}: {m.asks}"
            for m in report.missed[:MOST]
        ]
    if report.predictions:
        lines += ["", "Predictions (learners right the first time / predicting):"]
        lines += [
            f"  {t.right_first}/{t.learners}  {_number(t.lesson)}, page {t.page + 1}: "
            + dict(t.lesson.counts_asked).get(
                t.page, f"the neuron at {neuron_place(t.neuron, t.neuron[0] > 0)}"
            )
            for t in report.predictions
        ]
    if report.slips:
        lines += ["", "Slips most often made:"]
        lines += [
            f"  {s.label}: {plural(s.learners, 'learner')} ({plural(s.times, 'time')})"
            for s in report.slips[:MOST]
        ]
    if not any(row.standings for row in report.rows):
        lines += ["", "No quiz attempts or lessons started yet."]
    if report.unknown_lessons:
        lines += ["", f"Left out: {unknown_lessons_said(report.unknown_lessons)}."]
    files = len(lines)  # the lines naming files stay whole, to be copied
    if report.warnings:
        lines += [
            "",
            f"Rows marked {WARNED.strip()}, kept apart (the owner is not whom the file names):",
        ]
        lines += [f"  {warning}" for warning in report.warnings]
    if report.problems:
        lines += ["", f"Not read ({plural(len(report.problems), 'file')}):"]
        lines += [f"  {problem}" for problem in report.problems]
    wrapped = [part for line in lines[table:files] for part in _wrapped(line, width)]
    return "\n".join(lines[:table] + wrapped + lines[files:])


def _wrapped(line: str, width: int) -> list[str]:
    """A line of the lists within `width`, its continuation indented past its own indent (a
    word longer than the width, such as a path, is left whole)."""
    indent = " " * (len(line) - len(line.lstrip()) + 4)
    return textwrap.wrap(
        line, width, subsequent_indent=indent, break_long_words=False, break_on_hyphens=False
    ) or [""]


CSV_FIELDS = (
    "learner",
    "lesson_id",
    "lesson",
    "title",
    "started",
    "passed",
    "best_percent",
    "attempts",
    "wrong_answers",
    "hints_used",
    "last_attempt",
    "predictions",
    "predictions_right",
)


def csv_report(report: ClassReport) -> str:
    """One row per learner and lesson, every lesson in use for every learner."""
    out = io.StringIO()
    writer = csv.writer(out, lineterminator="\n")
    writer.writerow(CSV_FIELDS)
    for name, standings, _ in report.rows:
        for column in report.columns:
            row = _facts(standings.get(column.id))
            writer.writerow(
                [
                    safe_cell(name),
                    column.id,
                    column.order or "",
                    safe_cell(column.title),
                    *(
                        (
                            ""
                            if row[key] is None
                            else str(row[key]).lower()
                            if isinstance(row[key], bool)
                            else row[key]
                        )
                        for key in CSV_FIELDS[4:]
                    ),
                ]
            )
    return out.getvalue()


def unknown_lessons_said(count: int) -> str:
    return f"{plural(count, 'lesson id')} no lesson in use has (removed, renamed or forged)"


def json_report(report: ClassReport) -> str:
    return json.dumps(
        {
            "lessons": [{"id": c.id, "order": c.order, "title": c.title} for c in report.columns],
            "learners": [
                {
                    "name": row.name.removeprefix(WARNED),
                    "lessons": {c.id: _facts(row.standings.get(c.id)) for c in report.columns},
                    "warning": row.warning,
                }
                for row in report.rows
            ],
            "missed": [
                {
                    "lesson_id": m.lesson.id,
                    "question": m.question + 1,
                    "asks": m.asks,
                    "learners_wrong": m.learners,
                    "learners_answered": m.answered,
                }
                for m in report.missed
            ],
            "predictions": [
                {
                    "lesson_id": t.lesson.id,
                    "page": t.page + 1,
                    "neuron": [n + 1 for n in t.neuron],
                    "learners": t.learners,
                    "right_first_time": t.right_first,
                }
                for t in report.predictions
            ],
            "slips": [
                {"slip": s.slip, "label": s.label, "learners": s.learners, "times": s.times}
                for s in report.slips
            ],
            "not_read": report.problems,
            "warnings": list(report.warnings),
            "unknown_lessons": report.unknown_lessons,
        },
        indent=1,
        ensure_ascii=True,
    )


def _number(column: Column) -> str:
    return str(column.order) if column.order is not None else "?"


def _cell(standing: Standing | None) -> str:
    if standing is None or not standing.started:
        return "-".rjust(CELL)
    if not standing.attempts:
        return "…".rjust(CELL)
    mark = "✓" if standing.passed else "✗"
    return f"{mark}{standing.best_percent or 0:>3}/{fmt(standing.attempts)}".rjust(CELL)


def _fit(name: str, width: int) -> str:
    return name.ljust(width) if len(name) <= width else name[: width - 1] + "…"


def _facts(standing: Standing | None) -> dict[str, Any]:
    if standing is None:
        standing = Standing(False, False, None, 0, 0, 0, None)
    last = (
        None
        if standing.last is None
        else time.strftime("%Y-%m-%dT%H:%M:%SZ", time.gmtime(standing.last))
    )
    return {
        "started": standing.started,
        "passed": standing.passed,
        "best_percent": standing.best_percent,
        "attempts": standing.attempts,
        "wrong_answers": standing.wrong,
        "hints_used": standing.hints,
        "last_attempt": last,
        "predictions": standing.predictions,
        "predictions_right": standing.predicted_right,
    }
