"""A grid of numbers that marks cells with glyphs as well as colour, and repaints only changed rows.

Each cell is a one-character separator and the number. Boxed cells get brackets in the
separators and reverse video (the receptive field, the current output cell, the traced weight);
starred cells get a `*` separator and an underline (every cell a traced weight multiplies);
dimmed cells are faint (padding, outputs not computed yet). Brackets, stars, underline and
reverse survive NO_COLOR, 16-colour terminals and colour blindness; colour only adds to them.
"""

from __future__ import annotations

from dataclasses import dataclass, field
from functools import cached_property

from rich.segment import Segment
from rich.style import Style
from textual import events
from textual.geometry import Region, Size
from textual.message import Message
from textual.strip import Strip
from textual.widget import Widget

Cell = tuple[int, int]


@dataclass(frozen=True)
class GridPicture:
    """What a grid shows: the text of every cell and which cells are marked how."""

    texts: tuple[tuple[str, ...], ...]
    boxed: frozenset[Cell] = field(default_factory=frozenset)
    starred: frozenset[Cell] = field(default_factory=frozenset)
    dimmed: frozenset[Cell] = field(default_factory=frozenset)
    min_width: int = 1
    """Cell width to keep even before wide numbers appear, so filling in never re-lays out."""

    @property
    def shape(self) -> tuple[int, int]:
        return (len(self.texts), len(self.texts[0]) if self.texts else 0)

    @cached_property
    def cell_width(self) -> int:
        return max(self.min_width, *(len(text) for row in self.texts for text in row))

    def row_key(self, y: int) -> tuple[object, ...]:
        """Everything that decides how row `y` looks, to tell whether it needs repainting."""
        return tuple(
            (text, (y, x) in self.boxed, (y, x) in self.starred, (y, x) in self.dimmed)
            for x, text in enumerate(self.texts[y])
        )


class StyleRuns:
    """Text collected into one segment per run of equal style.

    A terminal is sent a style code per segment, so a row of cells sharing a style costs one
    code rather than one per cell: a step writes a fraction of the bytes.
    """

    def __init__(self) -> None:
        self._runs: list[tuple[list[str], Style]] = []

    def add(self, text: str, style: Style) -> None:
        if self._runs and self._runs[-1][1] == style:
            self._runs[-1][0].append(text)
        else:
            self._runs.append(([text], style))

    def segments(self) -> list[Segment]:
        return [Segment("".join(parts), style) for parts, style in self._runs]


class Grid(Widget):
    """Renders a GridPicture line by line (Textual's line API)."""

    COMPONENT_CLASSES = {"grid--boxed", "grid--starred", "grid--dimmed"}

    class CellClicked(Message):
        """A cell was clicked: the screen decides what that means."""

        def __init__(self, grid: Grid, row: int, col: int) -> None:
            super().__init__()
            self.grid = grid
            self.row = row
            self.col = col

    def __init__(self, picture: GridPicture, *, id: str | None = None,
                 classes: str | None = None) -> None:
        super().__init__(id=id, classes=classes)
        self.picture = picture
        self._styles: tuple[Style, Style, Style, Style] | None = None

    def show(self, picture: GridPicture) -> None:
        """Display a new picture, repainting only the rows that differ."""
        old, self.picture = self.picture, picture
        if old.shape != picture.shape or old.cell_width != picture.cell_width:
            self.refresh(layout=True)
            return
        for y in range(picture.shape[0]):
            if old.row_key(y) != picture.row_key(y):
                self.refresh(Region(0, y, self.size.width, 1))

    @property
    def _pitch(self) -> int:
        """Columns per cell: a separator, then the number."""
        return self.picture.cell_width + 1

    def get_content_width(self, container: Size, viewport: Size) -> int:
        return self.picture.shape[1] * self._pitch + 1

    def get_content_height(self, container: Size, viewport: Size, width: int) -> int:
        return self.picture.shape[0]

    def notify_style_update(self) -> None:
        super().notify_style_update()
        self._styles = None

    def _mark_styles(self) -> tuple[Style, Style, Style, Style]:
        """The base style and the three marks, looked up once per style change, not per line."""
        if self._styles is None:
            self._styles = (
                self.rich_style,
                self.get_component_rich_style("grid--boxed", partial=True),
                self.get_component_rich_style("grid--starred", partial=True),
                self.get_component_rich_style("grid--dimmed", partial=True),
            )
        return self._styles

    def render_line(self, y: int) -> Strip:
        picture = self.picture
        rows, cols = picture.shape
        base, boxed, starred, dimmed = self._mark_styles()
        if y >= rows:
            return Strip.blank(self.size.width, base)
        width = picture.cell_width
        runs = StyleRuns()
        for x in range(cols + 1):
            left = x > 0 and (y, x - 1) in picture.boxed
            right = x < cols and (y, x) in picture.boxed
            star = x < cols and (y, x) in picture.starred
            if left != right:
                separator = "]" if left else "["
            else:
                separator = "*" if star else " "
            runs.add(separator, base + boxed if left or right else base)
            if x == cols:
                break
            style = base
            if (y, x) in picture.dimmed:
                style += dimmed
            if star:
                style += starred
            if right:
                style += boxed
            runs.add(picture.texts[y][x].rjust(width), style)
        return Strip(runs.segments()).adjust_cell_length(self.size.width, base)

    def on_click(self, event: events.Click) -> None:
        rows, cols = self.picture.shape
        col, row = (event.x - 1) // self._pitch, event.y
        if 0 <= row < rows and 0 <= col < cols:
            self.post_message(self.CellClicked(self, row, col))
