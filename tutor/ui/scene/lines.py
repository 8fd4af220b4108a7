"""A scene line: runs of text, each with the marks that say how it is highlighted.

Marks are what a cell is (in the receptive field, reached by a traced weight, padding or not
computed yet, a title), not how it looks: the canvas turns each combination into the theme's
style. Marks never rely on colour alone: boxed cells also get brackets and reverse video,
starred cells a `*` and an underline, dimmed cells a glyph of their own.

Lines are plain tuples, equal when they show the same thing: the canvas repaints a line when
it differs from the one on screen, whatever object it is.
"""

from __future__ import annotations

from collections.abc import Iterable
from typing import NamedTuple

from rich.style import Style

BOXED, STARRED, DIMMED, TITLE = 1, 2, 4, 8
"""Mark bits of a run."""

Cell = tuple[int, int]


class Run(NamedTuple):
    """Text with its marks, and the style of the Rich Text it came from (if any)."""

    text: str
    marks: int = 0
    style: Style | None = None


Line = tuple[Run, ...]


def line_width(line: Line) -> int:
    """Columns a line takes: one per character, as every character a scene draws is narrow."""
    return sum(len(run.text) for run in line)


def plain(line: Line) -> str:
    return "".join(run.text for run in line)


def merged(lines: Iterable[Line]) -> Line:
    """Lines one after another as one line, each line's first run joined to the run before
    it when their marks and style are the same: one style code for both.

    Each line's own runs are taken as they are (a grid row, a title, a Rich Text are merged
    when made), so a long line is joined where its pieces meet, not run by run.
    """
    runs: list[Run] = []
    for line in lines:
        if not line:
            continue
        first = line[0]
        if runs and runs[-1].marks == first.marks and runs[-1].style == first.style:
            runs[-1] = Run(runs[-1].text + first.text, first.marks, first.style)
            runs.extend(line[1:])
        else:
            runs.extend(line)
    return tuple(runs)


def trimmed(line: Line) -> Line:
    """`line` without the plain spaces at its end: its width is then where its text ends."""
    while line and not line[-1].marks and line[-1].style is None and line[-1].text.isspace():
        line = line[:-1]
    if line and not line[-1].marks and line[-1].style is None:
        line = (*line[:-1], line[-1]._replace(text=line[-1].text.rstrip(" ")))
    return line
