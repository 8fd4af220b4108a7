"""`cnn-tutor report`: the class's results from learners' progress files, for the teacher."""

from __future__ import annotations

import argparse
import json
import shlex
import shutil
import sys
from pathlib import Path
from typing import TYPE_CHECKING

from ..controls import escaped
from ..engine.words import plural

if TYPE_CHECKING:
    from ..report.learners import Learner
    from ..report.tally import ClassReport


def print_report(args: argparse.Namespace) -> int:
    """The report of `args.paths`, or of the class results folder the settings name. Files
    that cannot be read are listed; the rest is reported. Exit 2 when there is nothing to
    read at all."""
    from ..lessons.loader import load_folder
    from ..lessons.model import Lesson
    from ..report.learners import gather
    from ..report.render import unknown_lessons_said
    from ..report.tally import class_report
    from ..settings import SettingsError, load_settings
    from .choices import resolve

    try:
        settings = load_settings()
        choices = resolve(settings, args.lessons, args.add_lessons)
    except SettingsError as error:
        for line in str(error).splitlines():
            print(f"cnn-tutor report: {line}", file=sys.stderr)
        return 2
    for warning in settings.warnings:
        print(f"cnn-tutor report: warning: {warning}", file=sys.stderr)
    paths: list[Path] = args.paths or ([choices.results] if choices.results else [])
    if not paths:
        print(
            "cnn-tutor report: name progress files or folders, or set a class results "
            "folder (results in the settings, or CNN_TUTOR_RESULTS)",
            file=sys.stderr,
        )
        return 2
    if args.archive:
        return _archive(paths)
    lessons = [
        lesson
        for folder in choices.lesson_dirs
        if folder.is_dir()
        for lesson in load_folder(folder)
        if isinstance(lesson, Lesson)
    ]
    gathered = gather(paths, {lesson.id for lesson in lessons})
    report = class_report(gathered.learners, lessons, gathered.problems)
    printed = _form(args, gathered.learners, report)
    if printed is None:
        return 2
    print(printed, end="" if printed.endswith("\n") else "\n")
    if args.csv or args.learner or (args.answers and not args.json):
        # The form has no room for them: said beside it, where a person sees them.
        for problem in report.problems:
            print(f"cnn-tutor report: not read: {problem}", file=sys.stderr)
        for warning in report.warnings:
            print(f"cnn-tutor report: kept apart: {warning}", file=sys.stderr)
        if report.unknown_lessons:
            said = unknown_lessons_said(report.unknown_lessons)
            print(f"cnn-tutor report: left out: {said}", file=sys.stderr)
    return 0 if gathered.learners or not gathered.problems else 2


def _form(args: argparse.Namespace, learners: list[Learner], report: ClassReport) -> str | None:
    """The report in the form the flags ask for; None (said on stderr) when they cannot be."""
    from ..report.gradebook import answer_rows, answers_csv, answers_json, learner_text, wide_csv
    from ..report.render import csv_report, json_report, text_report
    from ..report.tally import WARNED

    if args.wide and not args.csv:
        print("cnn-tutor report: --wide is a form of --csv: add --csv", file=sys.stderr)
        return None
    if args.learner is not None or args.answers:
        rows = answer_rows(learners, report)
        if args.learner is not None:
            names = sorted({row.name.removeprefix(WARNED) for row in report.rows})
            if not any(_names(name, args.learner) for name in names):
                known = ", ".join(names[:10]) + (", …" if len(names) > 10 else "")
                print(
                    f"cnn-tutor report: no learner {escaped(args.learner)!r} here "
                    f"(learners: {known or 'none'})",
                    file=sys.stderr,
                )
                return None
            rows = [row for row in rows if _names(row.learner.removeprefix(WARNED), args.learner)]
        if args.json:
            return json.dumps(answers_json(rows), indent=1)
        if args.csv or args.learner is None:
            return answers_csv(rows)
        return learner_text(escaped(args.learner), rows)
    if args.csv:
        return wide_csv(report) if args.wide else csv_report(report)
    if args.json:
        return json_report(report)
    return text_report(report, shutil.get_terminal_size().columns)


def _archive(paths: list[Path]) -> int:
    """`report --archive`: the one class folder named (or set) archived, said in a few lines."""
    from ..report.archive import archive_class

    if len(paths) != 1 or not paths[0].is_dir():
        print("cnn-tutor report: --archive takes one class results folder", file=sys.stderr)
        return 2
    try:
        archived = archive_class(paths[0])
    except OSError as error:
        why = (error.strerror or str(error)).lower()
        print(f"cnn-tutor report: cannot archive {escaped(str(paths[0]))}: {why}", file=sys.stderr)
        return 1
    for problem in archived.problems:
        print(f"cnn-tutor report: {problem}", file=sys.stderr)
    where = escaped(str(archived.folder))
    if archived.moved:
        print(f"Archived {plural(archived.moved, 'file')} to {where} (only you can enter it).")
    elif not archived.problems:
        print(f"Nothing to archive: {escaped(str(paths[0]))} holds no learner's file.")
    if archived.removed:
        print(f"Removed {plural(archived.removed, 'temporary file')} left by interrupted saves.")
    if archived.moved:
        print(f"Report them with: cnn-tutor report {shlex.quote(where)}")
    return 1 if archived.problems else 0


def _names(shown: str, asked: str) -> bool:
    """Whether a row shown as `shown` is the learner asked for: by name, or by a name found in
    two files (shown with each file's path)."""
    return shown == asked or shown.startswith(f"{asked} (")
