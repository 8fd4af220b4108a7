"""The command line's grammar:
`cnn-tutor [--lesson N] [--lessons DIR] [params|check|show|report]`."""

from __future__ import annotations

import argparse
from collections.abc import Callable
from pathlib import Path
from typing import TypeVar

from .. import __version__
from ..engine import sizes

Parsed = TypeVar("Parsed")
SETTINGS_HELP = """settings (for a lab; each overrides the one before, flags override all):
  /etc/cnn-tutor/config.toml, then ~/.config/cnn-tutor/config.toml (or the one file
  $CNN_TUTOR_CONFIG names), with: lessons = ["DIR", ...], shipped_lessons = true|false,
  results = "DIR" (class results folder), progress = "DIR"
  environment: CNN_TUTOR_LESSONS (DIR:DIR...), CNN_TUTOR_RESULTS, CNN_TUTOR_HOME (progress)"""


def _argument(parse: Callable[[str], Parsed]) -> Callable[[str], Parsed]:
    """A size parser as an argparse type: its SizeError becomes argparse's one-line error."""

    def argument(text: str) -> Parsed:
        try:
            return parse(text)
        except sizes.SizeError as error:
            raise argparse.ArgumentTypeError(str(error)) from None

    argument.__name__ = parse.__name__
    return argument


size3, pair, whole = _argument(sizes.size3), _argument(sizes.pair), _argument(sizes.whole)


class OneLineParser(argparse.ArgumentParser):
    """argparse, but a bad flag costs one line on stderr and exit status 2, never a usage dump."""

    def error(self, message: str) -> None:  # type: ignore[override]
        self.exit(2, f"{self.prog}: {message} (try --help)\n")


def lesson_folder_flags(parser: argparse.ArgumentParser, after: bool = False) -> None:
    """--lessons and --add-lessons, on the command or `after` it (`report --add-lessons DIR`):
    those after a subcommand are kept apart and joined to the others by `joined_lesson_flags`."""
    suffix = "_after" if after else ""
    parser.add_argument(
        "--lessons",
        dest=f"lessons{suffix}",
        type=Path,
        action="append",
        metavar="DIR",
        help="use the lesson files in DIR instead of the shipped ones (repeatable)",
    )
    parser.add_argument(
        "--add-lessons",
        dest=f"add_lessons{suffix}",
        type=Path,
        action="append",
        metavar="DIR",
        help="use the lesson files in DIR beside the others (repeatable)",
    )


def joined_lesson_flags(args: argparse.Namespace) -> argparse.Namespace:
    """The lesson folder flags given before and after the subcommand, as one list each."""
    for name in ("lessons", "add_lessons"):
        after = getattr(args, f"{name}_after", None)
        if after:
            setattr(args, name, [*(getattr(args, name) or []), *after])
    return args


def build_parser() -> OneLineParser:
    parser = OneLineParser(
        prog="cnn-tutor",
        description="A terminal tutor for convolutional layers and parameter sharing.",
        epilog=SETTINGS_HELP,
        formatter_class=argparse.RawDescriptionHelpFormatter,
    )
    parser.add_argument("--version", action="version", version=f"cnn-tutor {__version__}")
    parser.add_argument("--lesson", type=whole, metavar="N", help="open lesson N directly")
    lesson_folder_flags(parser)
    commands = parser.add_subparsers(dest="command", parser_class=OneLineParser)

    params = commands.add_parser(
        "params", help="count a layer's parameters with and without sharing"
    )
    params.add_argument("--input", type=size3, metavar="HxWxC")
    params.add_argument("--kernel", type=pair, metavar="K|KHxKW")
    params.add_argument("--filters", type=whole, metavar="N")
    params.add_argument(
        "--model",
        metavar="NAME|FILE",
        help="a whole network, layer by layer: alexnet, vgg16, resnet18, or a network file",
    )
    params.add_argument(
        "--layers",
        metavar="SPEC",
        help='several layers, each reading the one before: "k3 f64 p1, k3 f64 s2" (with --input)',
    )
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
    lesson_folder_flags(check, after=True)
    show = commands.add_parser(
        "show", help="print a lesson's pages and quiz, with sample draws, without playing it"
    )
    show.add_argument("file", type=Path, metavar="FILE", help="a lesson file")
    show.add_argument(
        "--draws", type=whole, default=3, metavar="N", help="quiz attempts drawn (default 3)"
    )
    report = commands.add_parser(
        "report", help="a class's results: learners by lessons, questions missed, slips made"
    )
    report.add_argument(
        "paths",
        nargs="*",
        type=Path,
        metavar="PATH",
        help="progress files, or folders of them (default: the class results folder)",
    )
    lesson_folder_flags(report, after=True)
    form = report.add_mutually_exclusive_group()
    form.add_argument("--csv", action="store_true", help="one row per learner and lesson")
    form.add_argument("--json", action="store_true", help="one JSON object")
    report.add_argument(
        "--wide", action="store_true", help="with --csv: one row per learner, best %% and passed"
    )
    report.add_argument(
        "--answers", action="store_true", help="one row per answer given (CSV, or --json)"
    )
    report.add_argument(
        "--learner", metavar="NAME", help="one learner's answers (text, or --csv/--json)"
    )
    report.add_argument(
        "--archive",
        action="store_true",
        help="move the class folder's files into a new archive folder only you can enter",
    )
    return parser
