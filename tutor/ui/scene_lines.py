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

import re
from collections.abc import Callable, Iterable, Sequence
from functools import cached_property, lru_cache
from itertools import chain, pairwise
from operator import or_
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


def text_lines(text: Text, width: int, console: Console) -> list[Line]:
    """A Rich Text wrapped at spaces to `width` (a word longer than that is cut), each line as
    runs keeping the text's own styles. Done here rather than by Rich, at a fraction of the
    cost: the status and the tally are wrapped again on every step."""
    line = text_line(text, console)
    plain = text.plain
    if "\n" not in plain and len(plain) <= width:
        return [line]  # the usual case
    lines, offset = [], 0
    for paragraph in plain.split("\n"):
        lines += [sliced(line, offset + start, offset + end)
                  for start, end in line_breaks(paragraph, max(width, 10))]
        offset += len(paragraph) + 1
    return lines


_WORD = re.compile(r"\s*\S+\s*")


def line_breaks(plain: str, width: int) -> list[tuple[int, int]]:
    """Where a greedy wrap at spaces cuts a paragraph: each line's [start, end), without the
    spaces it ends on."""
    lines, start, end = [], 0, 0
    for word in _WORD.finditer(plain):
        word_start = word.start()
        word_end = word_start + len(word.group().rstrip())
        if word_end - start > width and end > start:  # does not fit: starts the next line
            lines.append((start, end))
            start = word_start
        while word_end - start > width:  # longer than a whole line: cut
            lines.append((start, start + width))
            start += width
        end = word_end
    lines.append((start, max(start, end)))
    return lines


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


def text_line(text: Text, console: Console) -> Line:
    """One line of Rich Text as runs keeping its styles: what Rich would draw, read off the
    text's spans directly (later spans over earlier ones, all over the text's own style)."""
    plain = text.plain
    if not text.spans:
        return (Run(plain),) if plain else ()
    spans = [(span.start, span.end, _style(span.style, console)) for span in text.spans]
    cuts = sorted({0, len(plain), *(min(s, len(plain)) for s, e, _ in spans),
                   *(min(e, len(plain)) for s, e, _ in spans)})
    base = _style(text.style, console)
    pieces: list[Piece] = []
    for start, end in pairwise(cuts):
        styles = [base, *(style for s, e, style in spans if s <= start and end <= e)]
        pieces.append((plain[start:end], 0, Style.combine(styles) or None))
    return merged(pieces)


def _style(style: str | Style, console: Console) -> Style:
    return style if isinstance(style, Style) else console.get_style(style, default=Style.null())
