"""A guard for a crash in Textual 8.2: paging an option list before its lines are laid out.

Keys that arrive in a burst (a laggy SSH link, a paste, a held key) can press PageUp or
PageDown between options being added to a list and the list's next layout. Textual's
`OptionList._move_page` then looks up a line that does not exist yet and raises KeyError. The
quiz's choices and the command palette page through option lists, so both use the guarded
versions below; a page key that comes too early is simply ignored.
"""

from __future__ import annotations

from textual._widget_navigation import Direction
from textual.command import CommandList, CommandPalette
from textual.widgets import OptionList


def can_page(options: OptionList) -> bool:
    """True once the highlighted option has a line to page from."""
    return options.highlighted is None or options.highlighted in options._index_to_line


class GuardedOptionList(OptionList):
    def _move_page(self, direction: Direction) -> None:
        if can_page(self):
            super()._move_page(direction)


class GuardedCommandPalette(CommandPalette):
    def _action_command_list(self, action: str) -> None:
        if action.startswith("page_") and not can_page(self.query_one(CommandList)):
            return
        super()._action_command_list(action)
