"""The `cnn-tutor` command. Only the interactive app imports Textual, and only when it starts.

Plain `cnn-tutor`, by far the most common start, does not even build the argument parser.
`parser.py` is the grammar, `params.py` the `params` report, `report.py` the class report,
`choices.py` what the settings and flags choose, `start.py` builds the app from those
choices, `startup_gc.py` keeps the garbage collector out of start-up.
"""

from __future__ import annotations

import os
import sys
from collections.abc import Sequence
from typing import TYPE_CHECKING

if TYPE_CHECKING:
    import argparse


def run_params(args: argparse.Namespace) -> int:
    from ..engine import ConvLayer, LayerError, count_parameters

    if args.model is not None:
        return _run_model(args)
    if args.layers is not None:
        return _run_stack(args)
    missing = [flag for flag in ("input", "kernel", "filters") if getattr(args, flag) is None]
    if missing:
        flags = ", ".join(f"--{flag}" for flag in missing)
        print(f"cnn-tutor params: needs {flags} (or --model, or --layers)", file=sys.stderr)
        return 2
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


def _layer_flags(args: argparse.Namespace, *allowed: str) -> list[str]:
    """The one-layer flags given (other than `allowed`), which --model and --layers replace."""
    defaults = {"groups": 1, "stride": (1, 1), "padding": (0, 0), "dilation": (1, 1)}
    given = [
        flag
        for flag in ("input", "kernel", "filters", *defaults)
        if flag not in allowed and getattr(args, flag) != defaults.get(flag)
    ]
    return given + (["no_bias"] if args.no_bias else [])


def _run_model(args: argparse.Namespace) -> int:
    """`params --model`: the layer flags describe one layer, so they cannot come with it."""
    if _layer_flags(args) or args.layers is not None:
        print(
            "cnn-tutor params: --model counts a whole network: give no layer flags with it",
            file=sys.stderr,
        )
        return 2
    from .network_params import run_network

    return run_network(args.model, args.json)


def _run_stack(args: argparse.Namespace) -> int:
    """`params --input HxWxC --layers SPEC`: the layers' settings are all in SPEC."""
    if args.input is None or _layer_flags(args, "input"):
        print(
            "cnn-tutor params: --layers takes --input and no other layer flag "
            "(each layer's settings are in SPEC)",
            file=sys.stderr,
        )
        return 2
    from .stack_params import run_stack

    return run_stack(args.layers, args.input, args.json)


def run_check(args: argparse.Namespace) -> int:
    from ..lessons.check import check_paths
    from ..lessons.folder import shown
    from ..settings import SettingsError, load_settings
    from .choices import resolve

    if args.paths:
        lines, ok = check_paths(args.paths)
    else:
        try:
            settings = load_settings()
            choices = resolve(settings, args.lessons, args.add_lessons)
        except SettingsError as error:
            for line in str(error).splitlines():
                print(f"cnn-tutor check: {line}", file=sys.stderr)
            return 2
        for warning in settings.warnings:
            print(f"warning: {warning}")
        print("Lessons in use:")
        for folder in choices.folders:
            print(f"  {shown(folder.path)}  (chosen by {folder.chosen_by})")
        lines, ok = check_paths(choices.lesson_dirs, together=True)
    print("\n".join(lines))
    return 0 if ok else 1


def run_show(args: argparse.Namespace) -> int:
    from .show import run_show as show

    return show(args)


def run_report(args: argparse.Namespace) -> int:
    from .report import print_report

    return print_report(args)


def main(argv: Sequence[str] | None = None) -> int:
    from .start import run_app

    if not (sys.argv[1:] if argv is None else argv):
        return run_app()
    from .parser import build_parser, joined_lesson_flags

    args = joined_lesson_flags(build_parser().parse_args(argv))
    commands = {
        "params": run_params,
        "check": run_check,
        "show": run_show,
        "report": run_report,
    }
    if args.command in commands:
        try:
            return commands[args.command](args)
        except BrokenPipeError:  # `cnn-tutor report | head`: the reader has had enough
            os.dup2(os.open(os.devnull, os.O_WRONLY), sys.stdout.fileno())  # no error at exit
            return 0
    return run_app(args.lesson, args.lessons, args.add_lessons)
