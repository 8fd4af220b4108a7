"""Grid pictures as lines: the cells' texts and marks of one grid, a row at a time."""

from __future__ import annotations

from collections.abc import Callable
from functools import cached_property, lru_cache
from itertools import chain
from operator import or_

from .scene_lines import BOXED, DIMMED, STARRED, Cell, Line, Run


class GridPicture:
    """What a grid shows: the text of every cell and which cells are marked how; not changed
    once made.

    Compared and hashed by identity: pictures are kept while what they show is unchanged
    (scene_pictures.py), so "the same picture" is a cheap question a step asks many times.
    A plain class, not a dataclass: defining a frozen dataclass costs a lesson's start-up
    about a millisecond.
    """

    def __init__(self, texts: tuple[tuple[str, ...], ...],
                 boxed: frozenset[Cell] = frozenset(), starred: frozenset[Cell] = frozenset(),
                 dimmed: frozenset[Cell] = frozenset(), cell_width: int = 0) -> None:
        self.texts = texts
        self.boxed = boxed
        self.starred = starred
        self.dimmed = dimmed
        self.shape = (len(texts), len(texts[0]) if texts else 0)
        """(rows, columns)."""
        self.cell_width = cell_width or max(map(len, chain.from_iterable(texts)), default=1)
        """Columns for each cell's text: at least its widest text. A scene passes the widest
        value any step can show, so filling cells in never re-lays out (and a picture made
        every step does not scan every text again); 0 works it out from the texts."""
        self.width = self.shape[1] * (self.cell_width + 1) + 1

    @property
    def pitch(self) -> int:
        """Columns per cell: a separator, then the number."""
        return self.cell_width + 1

    def line(self, y: int) -> Line:
        """Row `y`: separators carry the brackets and stars, runs of equal marks merge."""
        line = self._lines.get(y)
        if line is None:
            marks = self._marks_by_row.get(y, self._no_marks)
            line = self._lines[y] = grid_row(self.texts[y], marks, self.cell_width)
        return line

    @cached_property
    def _lines(self) -> dict[int, Line]:
        return {}

    @cached_property
    def _marks_by_row(self) -> dict[int, tuple[int, ...]]:
        """Mark bits of every cell in the rows that have any. A set shared by many pictures
        (an input's padding) is split into rows once, not once per picture."""
        rows: dict[int, tuple[int, ...]] = {}
        for cells, bit in ((self.boxed, BOXED), (self.starred, STARRED), (self.dimmed, DIMMED)):
            for y, row in _rows_of_marks(cells, bit, self.shape[1]).items():
                have = rows.get(y)
                rows[y] = row if have is None else tuple(map(or_, have, row))
        return rows

    @cached_property
    def _no_marks(self) -> tuple[int, ...]:
        return (0,) * self.shape[1]


@lru_cache(maxsize=256)
def _rows_of_marks(cells: frozenset[Cell], bit: int, cols: int) -> dict[int, tuple[int, ...]]:
    """`bit` at each of `cells`, row by row."""
    rows: dict[int, list[int]] = {}
    for y, x in cells:
        rows.setdefault(y, [0] * cols)[x] = bit
    return {y: tuple(row) for y, row in rows.items()}


class DeferredPicture:
    """A grid's size now, its picture only when a line of it is drawn.

    A large scene's step moves the window in every channel, most of them out of view: their
    pictures are never made. `make` must give a picture of exactly `shape` and `cell_width`.
    """

    def __init__(self, shape: tuple[int, int], cell_width: int,
                 make: Callable[[], GridPicture]) -> None:
        self.shape = shape
        self.cell_width = cell_width
        self.width = shape[1] * (cell_width + 1) + 1
        self._make: Callable[[], GridPicture] | None = make
        self._picture: GridPicture | None = None

    @property
    def pitch(self) -> int:
        return self.cell_width + 1

    @property
    def picture(self) -> GridPicture:
        if self._picture is None:
            assert self._make is not None
            self._picture, self._make = self._make(), None
        return self._picture

    def line(self, y: int) -> Line:
        return self.picture.line(y)


AnyPicture = GridPicture | DeferredPicture


_SPANNING = BOXED | DIMMED
"""Marks a separator shares with the cells on both sides, so a boxed window is one solid band
and a row of padding one faint run: one style code for the lot instead of two per cell."""


@lru_cache(maxsize=4096)
def grid_row(texts: tuple[str, ...], marks: tuple[int, ...], cell_width: int) -> Line:
    """One grid row as runs. Cached: from one step to the next most rows do not change.

    Written out by hand rather than through `merged`: a large scene's step builds a dozen."""
    runs: list[Run] = []
    parts: list[str] = []
    current = -1
    cols = len(texts)
    previous = 0
    for x in range(cols + 1):
        mark = marks[x] if x < cols else 0
        if previous & BOXED and not mark & BOXED:
            separator, separator_marks = "]", BOXED
        elif mark & BOXED and not previous & BOXED:
            separator, separator_marks = "[", BOXED
        else:
            separator = "*" if mark & STARRED else " "
            separator_marks = previous & mark & _SPANNING if 0 < x < cols else 0
        if separator_marks != current:
            if parts:
                runs.append(Run("".join(parts), current))
            parts, current = [separator], separator_marks
        else:
            parts.append(separator)
        if x < cols:
            if mark != current:
                runs.append(Run("".join(parts), current))
                parts, current = [texts[x].rjust(cell_width)], mark
            else:
                parts.append(texts[x].rjust(cell_width))
        previous = mark
    runs.append(Run("".join(parts), current))
    return tuple(runs)
