"""A scene as lines of styled runs: grids side by side under their titles, texts wrapped below.

The scene is drawn by one widget, line by line (see widgets/scene_canvas.py): a step changes a
handful of lines, and one widget repainting those lines costs the terminal and Textual far
less than a dozen nested widgets would. This module is plain Python: what each line says and
how each run is marked, with no terminal and no Textual, so it can be tested directly.

Marks never rely on colour alone. Boxed cells (the receptive field, the current output cell,
the traced weight) get brackets and reverse video; starred cells (every input a traced weight
multiplies) a `*` and an underline; dimmed cells (padding, outputs not computed yet) are faint.
"""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass, field
from functools import cached_property, lru_cache
from itertools import chain
from typing import NamedTuple

from rich.cells import cell_len
from rich.console import Console
from rich.style import Style
from rich.text import Text

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


@dataclass(frozen=True)
class GridPicture:
    """What a grid shows: the text of every cell and which cells are marked how."""

    texts: tuple[tuple[str, ...], ...]
    boxed: frozenset[Cell] = field(default_factory=frozenset)
    starred: frozenset[Cell] = field(default_factory=frozenset)
    dimmed: frozenset[Cell] = field(default_factory=frozenset)
    min_width: int = 1
    """Cell width to keep even before wide numbers appear, so filling in never re-lays out."""

    def __post_init__(self) -> None:
        # Asked for on every line drawn: worked out once, here, rather than each time.
        shape = (len(self.texts), len(self.texts[0]) if self.texts else 0)
        cell_width = max(self.min_width, max(map(len, chain.from_iterable(self.texts)), default=0))
        object.__setattr__(self, "shape", shape)
        object.__setattr__(self, "cell_width", cell_width)
        object.__setattr__(self, "width", shape[1] * (cell_width + 1) + 1)

    shape: tuple[int, int] = field(init=False, repr=False, compare=False)
    """(rows, columns)."""
    cell_width: int = field(init=False, repr=False, compare=False)
    width: int = field(init=False, repr=False, compare=False)

    @property
    def pitch(self) -> int:
        """Columns per cell: a separator, then the number."""
        return self.cell_width + 1

    def line(self, y: int) -> Line:
        """Row `y`: separators carry the brackets and stars, runs of equal marks merge."""
        marks = self._marks_by_row.get(y)
        return grid_row(self.texts[y], tuple(marks) if marks else self._no_marks,
                        self.cell_width)

    @cached_property
    def _marks_by_row(self) -> dict[int, list[int]]:
        """Mark bits of every cell in the rows that have any: each set is read once."""
        rows: dict[int, list[int]] = {}
        for cells, bit in ((self.boxed, BOXED), (self.starred, STARRED), (self.dimmed, DIMMED)):
            for y, x in cells:
                rows.setdefault(y, [0] * self.shape[1])[x] |= bit
        return rows

    @cached_property
    def _no_marks(self) -> tuple[int, ...]:
        return (0,) * self.shape[1]


_SPANNING = BOXED | DIMMED
"""Marks a separator shares with the cells on both sides, so a boxed window is one solid band
and a row of padding one faint run: one style code for the lot instead of two per cell."""


@lru_cache(maxsize=4096)
def grid_row(texts: tuple[str, ...], marks: tuple[int, ...], cell_width: int) -> Line:
    """One grid row as runs. Cached: from one step to the next most rows do not change."""
    runs = RunBuilder()
    cols = len(texts)
    for x in range(cols + 1):
        left = x > 0 and bool(marks[x - 1] & BOXED)
        right = x < cols and bool(marks[x] & BOXED)
        if left != right:
            runs.add("]" if left else "[", BOXED)
        else:
            shared = marks[x - 1] & marks[x] & _SPANNING if 0 < x < cols else 0
            runs.add("*" if x < cols and marks[x] & STARRED else " ", shared)
        if x < cols:
            runs.add(texts[x].rjust(cell_width), marks[x])
    return runs.line()


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


class RunBuilder:
    """Runs collected so that neighbours with the same marks become one: one style code each."""

    def __init__(self) -> None:
        self._runs: list[tuple[list[str], int, Style | None]] = []

    def add(self, text: str, marks: int, style: Style | None = None) -> None:
        if self._runs and self._runs[-1][1:] == (marks, style):
            self._runs[-1][0].append(text)
        else:
            self._runs.append(([text], marks, style))

    def line(self) -> Line:
        return tuple(Run("".join(parts), marks, style) for parts, marks, style in self._runs)


class Block(NamedTuple):
    """One thing in a column of the stage: a title line, or a grid with a panel name."""

    title: str = ""
    picture: GridPicture | None = None
    panel: str = ""

    @property
    def height(self) -> int:
        return 1 if self.picture is None else self.picture.shape[0]

    @property
    def width(self) -> int:
        return cell_len(self.title) if self.picture is None else self.picture.width

    def line(self, y: int) -> Line:
        if self.picture is None:
            return (Run(self.title, TITLE),)
        return self.picture.line(y)


class Hit(NamedTuple):
    """Where a grid's row sits on the canvas, so a click can be turned into a cell."""

    panel: str
    row: int
    x: int
    picture: GridPicture

    def cell_at(self, x: int) -> int | None:
        col = (x - self.x - 1) // self.picture.pitch
        inside = self.x < x < self.x + self.picture.width
        return col if inside and 0 <= col < self.picture.shape[1] else None


class Stage:
    """Columns of blocks laid side by side, a space apart, read off one line at a time."""

    def __init__(self, columns: Sequence[Sequence[Block]], gap: int = 1) -> None:
        self.columns = columns
        self.gap = gap
        self._widths = [max((block.width for block in column), default=0) for column in columns]
        self.height = max((sum(block.height for block in column) for column in columns),
                          default=0)
        self.width = sum(self._widths) + gap * len(columns)

    def line(self, y: int) -> Line:
        parts = []
        for column, width in zip(self.columns, self._widths, strict=True):
            block, row = _block_at(column, y)
            if block is None:
                parts.append(((), width + self.gap))
            else:
                parts.append((block.line(row), width - block.width + self.gap))
        return joined(tuple(parts))

    def hits(self, y: int) -> list[Hit]:
        """The grid rows drawn on line `y`, with where each starts."""
        found, x = [], 0
        for column, width in zip(self.columns, self._widths, strict=True):
            block, row = _block_at(column, y)
            if block is not None and block.picture is not None and block.panel:
                found.append(Hit(block.panel, row, x, block.picture))
            x += width + self.gap
        return found


def _block_at(column: Sequence[Block], y: int) -> tuple[Block | None, int]:
    """The block of a column that draws line `y`, and which of its lines that is."""
    for block in column:
        if y < block.height:
            return block, y
        y -= block.height
    return None, 0


@lru_cache(maxsize=4096)
def joined(parts: tuple[tuple[Line, int], ...]) -> Line:
    """Column lines side by side, each followed by `n` spaces; neighbouring runs merged."""
    runs = RunBuilder()
    for line, spaces in parts:
        for run in line:
            runs.add(run.text, run.marks, run.style)
        runs.add(" " * spaces, 0)
    return runs.line()


def text_lines(text: Text, width: int, console: Console) -> list[Line]:
    """A Rich Text wrapped to `width`, each line as runs keeping the text's own styles."""
    if "\n" not in text.plain and text.cell_len <= width:
        return [text_line(text, console)]  # the usual case, without the cost of wrapping
    return [text_line(piece, console) for piece in text.wrap(console, max(width, 10))]


def text_line(text: Text, console: Console) -> Line:
    """One line of Rich Text as runs keeping its styles."""
    runs = RunBuilder()
    for segment in text.render(console):
        if segment.text and segment.text != "\n":
            runs.add(segment.text, 0, segment.style or None)
    return runs.line()
