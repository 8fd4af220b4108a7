"""The lesson list as one line-drawn widget: a heading per entry and a line or more beneath it.

Textual's OptionList renders every option through Rich's layout on each change and brings its
own large stylesheet; a dozen two-line entries need neither, and drawing the lines directly
took about a third off the list's start-up. The screen decides what each entry says; the menu
lays the lines out for its width, highlights one entry, scrolls, and says what was chosen.
"""

from __future__ import annotations

from collections.abc import Sequence
from typing import NamedTuple

from rich.style import Style
from rich.text import Text
from textual import events
from textual.binding import Binding
from textual.geometry import Region, Size
from textual.message import Message
from textual.scroll_view import ScrollView
from textual.strip import Strip

from ..fitting import cut_at_word


class MenuEntry(NamedTuple):
    """One entry: `key` names it in messages; a disabled entry is shown but never chosen."""

    key: str
    heading: Text
    detail: Text
    enabled: bool = True
    wrap: bool = False
    """Wrap heading and detail onto as many lines as they need (a message), else cut each to
    one line."""


class LessonMenu(ScrollView, can_focus=True):
    BINDINGS = [
        Binding("up", "move(-1)", "Up", show=False),
        Binding("down", "move(1)", "Down", show=False),
        Binding("home", "move_to(0)", "First", show=False),
        Binding("end", "move_to(-1)", "Last", show=False),
        Binding("pageup", "page(-1)", "Page up", show=False),
        Binding("pagedown", "page(1)", "Page down", show=False),
        Binding("enter", "choose", "Open", show=False),
    ]
    COMPONENT_CLASSES = {"lesson-menu--highlight", "lesson-menu--disabled"}

    class Highlighted(Message):
        """The highlight moved to the entry with this key (None: nothing to highlight)."""

        def __init__(self, key: str | None) -> None:
            super().__init__()
            self.key = key

    class Chosen(Message):
        """Enter or a click on an enabled entry."""

        def __init__(self, key: str) -> None:
            super().__init__()
            self.key = key

    def __init__(self, *, id: str | None = None) -> None:
        super().__init__(id=id)
        self.entries: list[MenuEntry] = []
        self.highlighted: int | None = None
        self._rows: list[tuple[int, Text]] = []
        """Every line of the menu at the width laid out for: (entry index, text)."""
        self._first_row: list[int] = []
        self._width = -1
        self._strips: dict[int, Strip] = {}

    # -- what is shown ------------------------------------------------------------------------

    def set_entries(self, entries: Sequence[MenuEntry], highlighted: int | None = 0) -> None:
        """Show `entries`, highlighting the enabled entry nearest to `highlighted`."""
        self.entries = list(entries)
        self._width = -1
        self._strips.clear()
        self.highlighted = None
        self._highlight(self._nearest_enabled(highlighted or 0, 1))
        self.refresh()

    def highlighted_key(self) -> str | None:
        return None if self.highlighted is None else self.entries[self.highlighted].key

    # -- keys and mouse ---------------------------------------------------------------------

    def action_move(self, delta: int) -> None:
        start = -1 if self.highlighted is None else self.highlighted
        self._highlight(self._nearest_enabled(start + delta, delta))

    def action_move_to(self, index: int) -> None:
        if index < 0:
            self._highlight(self._nearest_enabled(len(self.entries) - 1, -1))
            self.scroll_end(animate=False)
        else:
            self._highlight(self._nearest_enabled(0, 1))
            self.scroll_home(animate=False)

    def action_page(self, direction: int) -> None:
        """Move about a screenful of lines, to the enabled entry at or beyond that line."""
        self._lay_out()
        if self.highlighted is None or self._width <= 0:
            return
        target_row = self._first_row[self.highlighted] + direction * max(1, self.size.height - 1)
        target_row = min(max(target_row, 0), max(len(self._rows) - 1, 0))
        index = self._rows[target_row][0] if self._rows else 0
        found = self._nearest_enabled(index, direction)
        self._highlight(self._nearest_enabled(index, -direction) if found is None else found)

    def action_choose(self) -> None:
        if self.highlighted is not None:
            self.post_message(self.Chosen(self.entries[self.highlighted].key))

    def on_click(self, event: events.Click) -> None:
        offset = event.get_content_offset(self)
        if offset is None:
            return
        self._lay_out()
        row = offset.y + int(self.scroll_offset.y)
        if 0 <= row < len(self._rows):
            index = self._rows[row][0]
            if self.entries[index].enabled:
                self._highlight(index)
                self.action_choose()

    def on_resize(self, event: events.Resize) -> None:
        self._lay_out()  # only a new width changes the lines
        self.refresh()

    def notify_style_update(self) -> None:
        """A new theme or stylesheet: the drawn lines carry the old colours."""
        super().notify_style_update()
        self._strips.clear()

    # -- drawing ----------------------------------------------------------------------------

    def render_line(self, y: int) -> Strip:
        self._lay_out()
        width = self.scrollable_content_region.width
        row = y + int(self.scroll_offset.y)
        if row >= len(self._rows):
            return Strip.blank(width, self.rich_style)
        strip = self._strips.get(row)
        if strip is None:
            index, text = self._rows[row]
            console = self.app.console
            strip = Strip(list(text.render(console)), text.cell_len)
            strip = strip.apply_style(console.get_style(text.style)).adjust_cell_length(width)
            strip = strip.apply_style(self._entry_style(index))
            self._strips[row] = strip = strip.apply_style(self.rich_style)
        return strip

    def _entry_style(self, index: int) -> Style:
        if index == self.highlighted:
            return self.get_component_rich_style("lesson-menu--highlight")
        if not self.entries[index].enabled:
            return self.get_component_rich_style("lesson-menu--disabled")
        return Style()

    def _lay_out(self) -> None:
        """Lines for the current width: headings and one-line details cut, messages wrapped."""
        width = self.scrollable_content_region.width
        if width <= 0:  # not laid out yet: expect the screen's width less the padding, so the
            # first paint already has the lines and their number (a resize corrects it)
            width = self.app.size.width - self.styles.gutter.width
        if width == self._width or width <= 0:
            return
        self._width = width
        self._strips.clear()
        rows: list[tuple[int, Text]] = []
        self._first_row = []
        console = self.app.console
        for index, entry in enumerate(self.entries):
            self._first_row.append(len(rows))
            for text in (entry.heading, entry.detail) if entry.detail else (entry.heading,):
                if entry.wrap:
                    rows += [(index, line) for line in text.wrap(console, max(width, 1))]
                else:
                    rows.append((index, _cut(text, width)))
        self._rows = rows
        self.virtual_size = Size(width, len(rows))

    def _nearest_enabled(self, index: int, direction: int) -> int | None:
        step = 1 if direction >= 0 else -1
        index = min(max(index, 0), len(self.entries) - 1)
        while 0 <= index < len(self.entries):
            if self.entries[index].enabled:
                return index
            index += step
        return None

    def _highlight(self, index: int | None) -> None:
        if index is None or index == self.highlighted:
            if self.highlighted is None:
                self.post_message(self.Highlighted(None))
            return
        previous, self.highlighted = self.highlighted, index
        self._lay_out()
        if self._width <= 0:  # laid out, and so shown, once the menu has a size
            self.post_message(self.Highlighted(self.entries[index].key))
            return
        for entry in (previous, index):
            if entry is not None:
                self._refresh_entry(entry)
        self.scroll_to_region(self._entry_region(index), animate=False, immediate=True)
        self.post_message(self.Highlighted(self.entries[index].key))

    def _entry_region(self, index: int) -> Region:
        first = self._first_row[index]
        last = self._first_row[index + 1] if index + 1 < len(self.entries) else len(self._rows)
        return Region(0, first, max(self._width, 1), last - first)

    def _refresh_entry(self, index: int) -> None:
        region = self._entry_region(index)
        for row in range(region.y, region.bottom):
            self._strips.pop(row, None)
        self.refresh_lines(region.y, region.height)


def _cut(text: Text, width: int) -> Text:
    return cut_at_word(text, max(width, 1))
