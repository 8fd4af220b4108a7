"""The `cnn-tutor` command. Only the interactive app imports Textual, and only when it starts.

Plain `cnn-tutor`, by far the most common start, does not even build the argument parser.
"""

from __future__ import annotations

import sys
from collections.abc import Sequence
from pathlib import Path
from typing import TYPE_CHECKING

if TYPE_CHECKING:
    import argparse


def run_params(args: argparse.Namespace) -> int:
    from .engine import ConvLayer, LayerError, count_parameters
    from .params_report import print_counts

    height, width, channels = args.input
    try:
        layer = ConvLayer(
            height=height,
            width=width,
            channels=channels,
            kernel=args.kernel,
            filters=args.filters,
            stride=args.stride,
            padding=args.padding,
            dilation=args.dilation,
            groups=args.groups,
            bias=not args.no_bias,
        )
    except LayerError as error:
        print(f"cnn-tutor params: {error}", file=sys.stderr)
        return 2
    print_counts(count_parameters(layer), as_json=args.json)
    return 0


def lessons_folder(chosen: Path | None) -> Path:
    from .lessons.shipped import shipped_lessons_dir

    return chosen if chosen is not None else shipped_lessons_dir()


def run_check(args: argparse.Namespace) -> int:
    from .lessons.check import check_paths

    lines, ok = check_paths(args.paths or [lessons_folder(args.lessons)])
    print("\n".join(lines))
    return 0 if ok else 1


def run_app(lesson: int | None = None, chosen_folder: Path | None = None) -> int:
    """Load the lessons and progress, then start the interactive tutor (at lesson `lesson`)."""
    from . import startup_gc

    with startup_gc.paused():
        return start_app(lesson, chosen_folder)


def start_app(lesson: int | None, chosen_folder: Path | None) -> int:
    from .lessons.catalogue import by_order, read_catalogue
    from .lessons.folder import shown
    from .lessons.header_cache import HeaderCache, default_cache_path
    from .lessons.model import LessonHeader
    from .progress.store import ProgressStore, default_home

    folder = lessons_folder(chosen_folder)
    if not folder.is_dir():
        print(f"cnn-tutor: --lessons: {shown(folder)} is not a folder", file=sys.stderr)
        return 2
    cache = HeaderCache(default_cache_path())
    lessons = read_catalogue(folder, cache)
    start = None
    if lesson is not None:
        start = by_order(lessons, lesson)
        if start is None:
            numbers = ", ".join(str(x.order) for x in lessons if isinstance(x, LessonHeader))
            print(f"cnn-tutor: --lesson {lesson}: there is no lesson {lesson} in "
                  f"{shown(folder)} (lessons: {numbers or 'none'})", file=sys.stderr)
            return 2
    if not (sys.stdin.isatty() and sys.stderr.isatty()):  # Textual draws on standard error
        print("cnn-tutor: needs a terminal to draw on and read keys from; "
              "`cnn-tutor params` and `cnn-tutor check` work without one", file=sys.stderr)
        return 2
    cache.save()
    from .ui.app import TutorApp

    app = TutorApp(lessons, folder, ProgressStore(default_home()), cache, start)
    app.run()
    return app.return_code or 0


def main(argv: Sequence[str] | None = None) -> int:
    if not (sys.argv[1:] if argv is None else argv):
        return run_app()
    from .cli_parser import build_parser

    args = build_parser().parse_args(argv)
    if args.command == "params":
        return run_params(args)
    if args.command == "check":
        return run_check(args)
    return run_app(args.lesson, args.lessons)
