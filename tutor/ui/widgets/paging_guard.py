"""Guards for crashes in Textual 8.2 when keys arrive in a burst (a laggy SSH link, a paste,
a held key).

Paging an option list before its lines are laid out: PageUp or PageDown between options being
added to a list and the list's next layout makes `OptionList._move_page` look up a line that
does not exist yet (KeyError). The quiz's choices and the command palette page through option
lists, so both use the guarded versions below; a page key that comes too early is ignored.

A second Enter in the command palette after the first has closed it: `Screen.dismiss` pops
whatever screen is on top, so it would close the screen under the palette too.
"""

from __future__ import annotations

from textual._widget_navigation import Direction
from textual.await_complete import AwaitComplete
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

    def dismiss(self, result: object = None) -> AwaitComplete:
        if not self.is_current:
            return AwaitComplete.nothing()
        return super().dismiss(result)
