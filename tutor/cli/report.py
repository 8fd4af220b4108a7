"""`cnn-tutor report`: the class's results from learners' progress files, for the teacher."""

from __future__ import annotations

import argparse
import shutil
import sys
from pathlib import Path


def print_report(args: argparse.Namespace) -> int:
    """The report of `args.paths`, or of the class results folder the settings name. Files
    that cannot be read are listed; the rest is reported. Exit 2 when there is nothing to
    read at all."""
    from ..lessons.loader import load_folder
    from ..lessons.model import Lesson
    from ..report.learners import gather
    from ..report.render import csv_report, json_report, text_report, unknown_lessons_said
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
    gathered = gather(paths)
    lessons = [
        lesson
        for folder in choices.lesson_dirs
        if folder.is_dir()
        for lesson in load_folder(folder)
        if isinstance(lesson, Lesson)
    ]
    report = class_report(gathered.learners, lessons, gathered.problems)
    if args.csv:
        print(csv_report(report), end="")
    elif args.json:
        print(json_report(report))
    else:
        print(text_report(report, shutil.get_terminal_size().columns))
    if args.csv:  # the table has no room for them: said beside it, where a person sees them
        for problem in report.problems:
            print(f"cnn-tutor report: not read: {problem}", file=sys.stderr)
        for warning in report.warnings:
            print(f"cnn-tutor report: kept apart: {warning}", file=sys.stderr)
        if report.unknown_lessons:
            said = unknown_lessons_said(report.unknown_lessons)
            print(f"cnn-tutor report: left out: {said}", file=sys.stderr)
    return 0 if gathered.learners or not gathered.problems else 2
