"""A scene as lines of styled runs, and what every part of the scene does with them.

The scene is drawn by one widget, line by line (see widgets/scene_canvas.py): a step changes a
handful of lines, and one widget repainting those lines costs the terminal and Textual far
less than a dozen nested widgets would. The scene's modules are plain Python: what each line
says and how each run is marked, with no terminal and no Textual, so they can be tested
directly. Grids become lines in scene_grids.py, grids side by side in scene_stage.py, Rich
texts in text_runs.py; this module holds the runs and the operations on whole lines.

Marks never rely on colour alone. Boxed cells (the receptive field, the current output cell,
the traced weight) get brackets and reverse video; starred cells (every input a traced weight
multiplies) a `*` and an underline; dimmed cells (padding, outputs not computed yet) are faint.
"""

from __future__ import annotations

from collections.abc import Iterable
from typing import NamedTuple

from rich.style import Style

Cell = tuple[int, int]

BOXED, STARRED, DIMMED, TITLE = 1, 2, 4, 8
"""Mark bits of a run; the widget turns each combination into a theme style."""


class Run(NamedTuple):
    """Text with its marks, and the style of a Rich Text it came from (if any)."""

    text: str
    marks: int = 0
    style: Style | None = None


Line = tuple[Run, ...]


def line_width(line: Line) -> int:
    """Columns a line takes: one per character, as every character a scene draws is narrow."""
    return sum(len(run.text) for run in line)


Piece = tuple[str, int, "Style | None"]
"""Text, marks and style: a Run before neighbours with the same marks and style are merged."""


def merged(pieces: Iterable[Piece]) -> Line:
    """Pieces as runs, neighbours with the same marks and style joined: one style code each."""
    runs: list[Run] = []
    texts: list[str] = []
    marks: int = -1
    style: Style | None = None
    for text, piece_marks, piece_style in pieces:
        if piece_marks == marks and piece_style == style:
            texts.append(text)
        else:
            if texts:
                runs.append(Run("".join(texts), marks, style))
            texts, marks, style = [text], piece_marks, piece_style
    if texts:
        runs.append(Run("".join(texts), marks, style))
    return tuple(runs)


def cropped(line: Line, start: int, end: int) -> Line:
    """Columns [start, end) of a line, padded with spaces to that width: what a view shows."""
    runs = sliced(line, start, end)
    short = end - start - line_width(runs)
    return (*runs, Run(" " * short)) if short > 0 else runs


def changed_span(before: Line, after: Line) -> tuple[int, int]:
    """Columns [start, end) outside which two lines have the same runs: all a repaint needs."""
    same = 0
    while same < min(len(before), len(after)) and before[same] == after[same]:
        same += 1
    tail = 0
    while (tail < min(len(before), len(after)) - same
           and before[-1 - tail] == after[-1 - tail]):
        tail += 1
    start = line_width(before[:same])
    end = max(line_width(before[: len(before) - tail]), line_width(after[: len(after) - tail]))
    return start, max(end, start + 1)


def sliced(line: Line, start: int, end: int) -> Line:
    """The runs of columns [start, end) of a line."""
    runs, x = [], 0
    for run in line:
        after = x + len(run.text)
        if after > start and x < end:
            inside = start <= x and after <= end
            runs.append(run if inside else run._replace(text=run.text[max(start - x, 0):end - x]))
        x = after
    return tuple(runs)
