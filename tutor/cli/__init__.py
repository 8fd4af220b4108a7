"""The `cnn-tutor` command. Only the interactive app imports Textual, and only when it starts.

Plain `cnn-tutor`, by far the most common start, does not even build the argument parser.
`parser.py` is the grammar, `params.py` the `params` report, `start.py` builds the app from the
command line's choices, `startup_gc.py` keeps the garbage collector out of start-up.
"""

from __future__ import annotations

import sys
from collections.abc import Sequence
from typing import TYPE_CHECKING

if TYPE_CHECKING:
    import argparse


def run_params(args: argparse.Namespace) -> int:
    from ..engine import ConvLayer, LayerError, count_parameters
    from .params import print_counts

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


def run_check(args: argparse.Namespace) -> int:
    from ..lessons.check import check_paths
    from .start import lessons_folder

    lines, ok = check_paths(args.paths or [lessons_folder(args.lessons)])
    print("\n".join(lines))
    return 0 if ok else 1


def main(argv: Sequence[str] | None = None) -> int:
    from .start import run_app

    if not (sys.argv[1:] if argv is None else argv):
        return run_app()
    from .parser import build_parser

    args = build_parser().parse_args(argv)
    if args.command == "params":
        return run_params(args)
    if args.command == "check":
        return run_check(args)
    return run_app(args.lesson, args.lessons)
