"""The `cnn-tutor` command. Only the interactive app imports Textual, and only when it starts."""

from __future__ import annotations

import argparse
import sys
from collections.abc import Sequence
from pathlib import Path

from . import __version__
from .cli_args import pair, size3, whole


class OneLineParser(argparse.ArgumentParser):
    """argparse, but a bad flag costs one line on stderr and exit status 2, never a usage dump."""

    def error(self, message: str) -> None:  # type: ignore[override]
        self.exit(2, f"{self.prog}: {message} (try --help)\n")


def build_parser() -> OneLineParser:
    parser = OneLineParser(
        prog="cnn-tutor",
        description="A terminal tutor for convolutional layers and parameter sharing.",
    )
    parser.add_argument("--version", action="version", version=f"cnn-tutor {__version__}")
    parser.add_argument("--lesson", type=whole, metavar="N", help="open lesson N directly")
    parser.add_argument(
        "--lessons", type=Path, metavar="DIR", help="use the lesson files in DIR instead"
    )
    commands = parser.add_subparsers(dest="command", parser_class=OneLineParser)

    params = commands.add_parser(
        "params", help="count a layer's parameters with and without sharing"
    )
    params.add_argument("--input", type=size3, required=True, metavar="HxWxC")
    params.add_argument("--kernel", type=pair, required=True, metavar="K|KHxKW")
    params.add_argument("--filters", type=whole, required=True, metavar="N")
    params.add_argument("--stride", type=pair, default=(1, 1), metavar="S|SHxSW")
    params.add_argument("--padding", type=pair, default=(0, 0), metavar="P|PHxPW")
    params.add_argument("--dilation", type=pair, default=(1, 1), metavar="D|DHxDW")
    params.add_argument("--groups", type=whole, default=1, metavar="G")
    params.add_argument("--no-bias", action="store_true", help="a layer without biases")
    params.add_argument("--json", action="store_true", help="print one JSON object")

    check = commands.add_parser("check", help="validate lesson files (default: the lessons in use)")
    check.add_argument(
        "paths", nargs="*", type=Path, metavar="PATH", help="lesson files or folders"
    )
    return parser


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


def lessons_folder(args: argparse.Namespace) -> Path:
    from .lessons.shipped import shipped_lessons_dir

    return args.lessons if args.lessons is not None else shipped_lessons_dir()


def run_check(args: argparse.Namespace) -> int:
    from .lessons.check import check_paths

    lines, ok = check_paths(args.paths or [lessons_folder(args)])
    print("\n".join(lines))
    return 0 if ok else 1


def run_app(args: argparse.Namespace) -> int:
    """Load the lessons and progress, then start the interactive tutor."""
    from .lessons.catalogue import LessonHeader, by_order, read_catalogue
    from .lessons.header_cache import HeaderCache, default_cache_path
    from .progress.store import ProgressStore, default_home

    folder = lessons_folder(args)
    if not folder.is_dir():
        print(f"cnn-tutor: --lessons: {folder} is not a folder", file=sys.stderr)
        return 2
    cache = HeaderCache(default_cache_path())
    lessons = read_catalogue(folder, cache)
    start = None
    if args.lesson is not None:
        start = by_order(lessons, args.lesson)
        if start is None:
            numbers = ", ".join(str(x.order) for x in lessons if isinstance(x, LessonHeader))
            print(f"cnn-tutor: --lesson {args.lesson}: there is no lesson {args.lesson} in "
                  f"{folder} (lessons: {numbers or 'none'})", file=sys.stderr)
            return 2
    cache.save()
    from .ui.app import TutorApp

    TutorApp(lessons, folder, ProgressStore(default_home()), start).run()
    return 0


def main(argv: Sequence[str] | None = None) -> int:
    args = build_parser().parse_args(argv)
    if args.command == "params":
        return run_params(args)
    if args.command == "check":
        return run_check(args)
    return run_app(args)
