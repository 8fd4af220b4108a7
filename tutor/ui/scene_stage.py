"""The stage: columns of titled grids side by side, read off one line at a time."""

from __future__ import annotations

from collections.abc import Sequence
from functools import lru_cache
from typing import NamedTuple

from rich.cells import cell_len

from .scene_grids import AnyPicture
from .scene_lines import TITLE, Line, Run


class Block(NamedTuple):
    """One thing in a column of the stage: a title line, or a grid with a panel name."""

    title: str = ""
    picture: AnyPicture | None = None
    panel: str = ""

    @property
    def height(self) -> int:
        return 1 if self.picture is None else self.picture.shape[0]

    @property
    def width(self) -> int:
        return cell_len(self.title) if self.picture is None else self.picture.width

    def line(self, y: int) -> Line:
        if self.picture is None:
            return title_line(self.title)
        return self.picture.line(y)


@lru_cache(maxsize=256)
def title_line(title: str) -> Line:
    """A title as a line: the same object every time, so lines holding it can be reused."""
    return (Run(title, TITLE),)


class Hit(NamedTuple):
    """Where a grid's row sits on the canvas, so a click can be turned into a cell."""

    panel: str
    row: int
    x: int
    picture: AnyPicture

    def cell_at(self, x: int) -> int | None:
        col = (x - self.x - 1) // self.picture.pitch
        inside = self.x < x < self.x + self.picture.width
        return col if inside and 0 <= col < self.picture.shape[1] else None


View = tuple[int, int]
"""Columns [start, end) of the stage in view: the columns of blocks outside it are left blank."""

EVERYTHING: View = (0, 1 << 30)

_Built = tuple[list[tuple[Line, int]], Line]
"""A stage line with the column lines and spacing it was joined from."""


class Stage:
    """Columns of blocks laid side by side, a space apart, read off one line at a time.

    Only the columns of blocks that reach into `view` are drawn; the others are blank space of
    their width, so a scene far wider than the terminal costs no more than the part in sight.
    A line joined from the same column lines as one of `previous` (the stage of the step
    before, laid out alike) is that same line object, so a step finds unchanged lines by
    identity.
    """

    def __init__(self, columns: Sequence[Sequence[Block]], gap: int = 1,
                 view: View = EVERYTHING, previous: Stage | None = None) -> None:
        self.columns = columns
        self.gap = gap
        self.view = view
        self._widths = [max((block.width for block in column), default=0) for column in columns]
        self.height = max((sum(block.height for block in column) for column in columns),
                          default=0)
        self.width = sum(self._widths) + gap * len(columns)
        self._parts: list[tuple[int, list[tuple[Block | None, int]] | None]] = []
        """Per column: its width, and the block and block row of each line if it is in view."""
        x = 0
        for column, width in zip(columns, self._widths, strict=True):
            shown = x < view[1] and view[0] < x + width
            self._parts.append((width, _rows(column, self.height) if shown else None))
            x += width + gap
        self._reuse: dict[tuple[int, ...], _Built] = {}
        if previous is not None and (previous.view, previous._widths) == (view, self._widths):
            self._reuse = previous.built
        self.built: dict[tuple[int, ...], _Built] = {}
        """Every line drawn so far, by the identity of its column lines: for the next stage."""

    def line(self, y: int) -> Line:
        parts: list[tuple[Line, int]] = [((), 0)]
        key: list[int] = []
        for width, rows in self._parts:
            block, row = rows[y] if rows is not None else (None, 0)
            if block is None:  # blank: more space after the part before
                line, spaces = parts[-1]
                parts[-1] = (line, spaces + width + self.gap)
                if rows is not None:
                    key.append(0)
                continue
            line = block.line(row)
            parts.append((line, width - block.width + self.gap))
            key.append(id(line))
        # The entry keeps its column lines alive, so no other object can take their ids while
        # the key is in use; the columns out of view are the same in stages laid out alike.
        entry = self.built.get(found := tuple(key)) or self._reuse.get(found)
        if entry is None:
            entry = (parts, joined(parts))
        self.built[found] = entry
        return entry[1]

    def hits(self, y: int) -> list[Hit]:
        """The grid rows drawn on line `y`, with where each starts."""
        found, x = [], 0
        for column, width in zip(self.columns, self._widths, strict=True):
            block, row = _block_at(column, y)
            if block is not None and block.picture is not None and block.panel:
                found.append(Hit(block.panel, row, x, block.picture))
            x += width + self.gap
        return found


def _rows(column: Sequence[Block], height: int) -> list[tuple[Block | None, int]]:
    """The block and block row drawing each line of a column (None below its last block)."""
    rows: list[tuple[Block | None, int]] = [
        (block, row) for block in column for row in range(block.height)]
    return rows + [(None, 0)] * (height - len(rows))


def _block_at(column: Sequence[Block], y: int) -> tuple[Block | None, int]:
    """The block of a column that draws line `y`, and which of its lines that is."""
    for block in column:
        if y < block.height:
            return block, y
        y -= block.height
    return None, 0


def joined(parts: Sequence[tuple[Line, int]]) -> Line:
    """Column lines side by side, each followed by `n` spaces; neighbouring runs merged.

    Each column line is merged already, so only the runs where two meet need a look."""
    runs: list[Run] = []
    for line, spaces in parts:
        for piece in (line, (Run(" " * spaces),)):
            if piece and runs and runs[-1][1:] == piece[0][1:]:
                runs[-1] = Run(runs[-1].text + piece[0].text, *piece[0][1:])
                piece = piece[1:]
            runs += piece
    return tuple(runs)
