"""The stage: columns of titled grids side by side, as lines, with where each grid landed.

Every column is as wide as the widest thing it can ever hold, titles included (a title
reserves room for its longest form, "own kernel #160" while it still reads "#1"), so stepping
never moves a grid sideways. Columns are `GAP` spaces apart, so two titles never run together.

A column wholly outside the columns in view is left blank (its width of spaces): a scene many
times the terminal's width costs about what the part in sight costs.
"""

from __future__ import annotations

from collections.abc import Sequence
from typing import NamedTuple

from .grids import Grid
from .lines import TITLE, Line, Run, merged, trimmed

GAP = 2
View = tuple[int, int]
"""Columns [start, end) of the scene in sight."""
EVERYTHING: View = (0, 1 << 30)


class Block(NamedTuple):
    """One thing in a column: a title (with room for its longest form), or a named grid."""

    title: str = ""
    reserve: int = 0
    grid: Grid | None = None
    panel: str = ""

    @property
    def width(self) -> int:
        return max(len(self.title), self.reserve) if self.grid is None else self.grid.width

    @property
    def height(self) -> int:
        return 1 if self.grid is None else self.grid.shape[0]

    def lines(self) -> list[Line]:
        """A grid's rows, or the title and the room it reserves."""
        if self.grid is not None:
            return self.grid.lines()
        return [(Run(self.title, TITLE), Run(" " * (self.width - len(self.title))))]


class Place(NamedTuple):
    """Where a grid sits on the scene: its panel name, top-left corner and the grid."""

    panel: str
    x: int
    y: int
    grid: Grid

    def cell_at(self, x: int, y: int) -> tuple[int, int] | None:
        """The (row, col) of the cell drawn at scene column `x`, line `y`, if any."""
        rows, cols = self.grid.shape
        row, col = y - self.y, (x - self.x - 1) // self.grid.pitch
        inside = self.x < x < self.x + self.grid.width - 1
        return (row, col) if inside and 0 <= row < rows and 0 <= col < cols else None


class Stage(NamedTuple):
    """The stage's lines, where its grids are, and its width (columns out of view included)."""

    lines: list[Line]
    places: list[Place]
    width: int


def stage(columns: Sequence[Sequence[Block]], top: int, view: View = EVERYTHING) -> Stage:
    """The columns laid side by side, starting at scene line `top`; those outside `view`
    blank."""
    widths = [max((block.width for block in column), default=0) for column in columns]
    height = max((sum(block.height for block in column) for column in columns), default=0)
    rows: list[list[Line]] = [[] for _ in range(height)]
    """Each stage line's pieces: a column's line, then the spaces to the next column."""
    places: list[Place] = []
    x = 0
    for column, width in zip(columns, widths, strict=True):
        shown = x < view[1] and view[0] < x + width
        blank = (Run(" " * (width + GAP)),)
        y = 0
        for block in column:
            if block.grid is not None:
                places.append(Place(block.panel, x, top + y, block.grid))
            if shown:
                after = (Run(" " * (width - block.width + GAP)),)
                for line in block.lines():
                    rows[y] += (line, after)
                    y += 1
            else:
                for row in rows[y : y + block.height]:
                    row.append(blank)
                y += block.height
        for row in rows[y:]:
            row.append(blank)
        x += width + GAP
    return Stage([trimmed(merged(pieces)) for pieces in rows], places, x - GAP if x else 0)
