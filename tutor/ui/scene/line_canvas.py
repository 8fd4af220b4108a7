"""The widget that draws a scene as lines, repainting each line that differs from the one on
screen.

The screen hands it a frame after every key. It lays the frame out whole (`lay_out`, which
each kind of scene defines), compares each line with the line it drew before, by value, and
asks Textual to repaint the lines that differ, each from its first column to its last: nothing
on screen depends on which parts of a line changed, or on which objects were reused. It
scrolls itself (Textual's line API): a scene larger than the terminal is laid out with the
columns out of sight left blank, and cut to the view when drawn.
"""

from __future__ import annotations

from typing import Generic, Protocol, TypeVar

from rich.segment import Segment
from rich.style import Style
from textual.geometry import Region, Size
from textual.message import Message
from textual.scroll_view import ScrollView
from textual.strip import Strip

from .lines import BOXED, DIMMED, STARRED, TITLE, Line, Run, line_width
from .stage import View

MARK_CLASSES = (
    (DIMMED, "scene--dimmed"),
    (STARRED, "scene--starred"),
    (BOXED, "scene--boxed"),
    (TITLE, "scene--title"),
)


class Drawing(Protocol):
    """A frame laid out: its lines and the width of the widest."""

    @property
    def lines(self) -> tuple[Line, ...]: ...

    @property
    def width(self) -> int: ...


Frame = TypeVar("Frame")
Drawn = TypeVar("Drawn", bound=Drawing)


class LineCanvas(ScrollView, Generic[Frame, Drawn], can_focus=False):
    """Draws the lines of whatever its subclass lays a frame out as."""

    COMPONENT_CLASSES = {name for _, name in MARK_CLASSES}

    def __init__(self, nothing: Drawn, *, id: str | None = None) -> None:
        super().__init__(id=id)
        self.frame: Frame | None = None
        self.drawn: Drawn = nothing
        """The scene as it was last laid out: what the lines on screen show."""
        self._width = 0
        """The width the prose was wrapped to."""
        self._view: View = (0, 0)
        """The columns in view when the scene was laid out: the others are left blank."""
        self._mark_styles: dict[int, Style] = {}
        """The theme's style for each combination of marks, made when first drawn."""

    def lay_out(self, frame: Frame, width: int, view: View) -> Drawn:
        """The lines of `frame`, prose wrapped to `width`, columns outside `view` blank."""
        raise NotImplementedError

    def show(self, frame: Frame) -> None:
        """Lay `frame` out and repaint the lines that differ from those on screen."""
        self.frame = frame
        before = self.drawn.lines
        self._width = self._text_width()
        self._lay_out()
        lines = self.drawn.lines
        # The scene never shrinks between steps (a line of working fewer would move the
        # scrollbars under the learner); the spare lines at the bottom are blank.
        size = Size(
            max(self.drawn.width, self.virtual_size.width),
            max(len(lines), self.virtual_size.height),
        )
        if size != self.virtual_size:
            self.virtual_size = size
            self.refresh()
            return
        # Each line in view that differs is repainted over the columns either version of it
        # reaches: the whole line (the rest of the row is blank in both).
        scroll_x, scroll_y = self.scroll_offset
        for y in range(scroll_y, scroll_y + self.scrollable_content_region.height):
            old, new = before[y] if y < len(before) else (), lines[y] if y < len(lines) else ()
            if new != old:
                width = max(line_width(old), line_width(new)) - scroll_x
                if width > 0:
                    self.refresh(Region(0, y - scroll_y, width, 1))

    @property
    def crowded(self) -> bool:
        """Whether the scene needs more rows than the canvas has."""
        return self.max_scroll_y > 0

    def _lay_out(self) -> None:
        """Lay the frame out for the width and the columns in view now."""
        assert self.frame is not None
        left = self.scroll_offset.x
        self._view = (left, left + self._width)
        self.drawn = self.lay_out(self.frame, self._width, self._view)

    def _text_width(self) -> int:
        """Prose wraps to the visible width, even when the grids need more and scroll."""
        width = self.scrollable_content_region.width
        # Before its first layout: the screen's width less the scene area's left margin,
        # the canvas's right padding and its scrollbar's gutter (scene.tcss).
        return width if width > 0 else max(self.app.size.width - 3, 20)

    # -- drawing ----------------------------------------------------------------------------

    class Resized(Message):
        """The canvas has a new size: the screen may want to give it more rows."""

    def on_resize(self) -> None:
        """Rewrap to the new width, and let the scene shrink to fit it."""
        if self.frame is not None and self._text_width() != self._width:
            self.virtual_size = Size(0, 0)
            self.show(self.frame)
        self.post_message(self.Resized())

    def notify_style_update(self) -> None:
        super().notify_style_update()
        self._mark_styles = {}

    def render_lines(self, crop: Region) -> list[Strip]:
        """A scroll sideways brings columns into view that were laid out blank: lay them out
        first (scrolling repaints the whole view)."""
        if self.frame is not None and self.scroll_offset.x != self._view[0]:
            self._lay_out()
        return super().render_lines(crop)

    def render_line(self, y: int) -> Strip:
        """Line `y` of the view: the scene line under it, cut to the columns in view."""
        scroll_x, scroll_y = self.scroll_offset
        width = self.scrollable_content_region.width
        lines, plain = self.drawn.lines, self._marks_style(0)
        if scroll_y + y >= len(lines):
            return Strip.blank(width, plain)
        segments = [Segment(run.text, self._run_style(run)) for run in lines[scroll_y + y]]
        return Strip(segments).crop_extend(scroll_x, scroll_x + width, plain)

    def _run_style(self, run: Run) -> Style:
        style = self._marks_style(run.marks)
        return style if run.style is None else style + run.style

    def _marks_style(self, marks: int) -> Style:
        """The theme's style for a combination of marks, looked up once: reading the widget's
        style walks its CSS every time."""
        style = self._mark_styles.get(marks)
        if style is None:
            style = self.rich_style
            for bit, name in MARK_CLASSES:
                if marks & bit:
                    style += self.get_component_rich_style(name, partial=True)
            self._mark_styles[marks] = style
        return style
