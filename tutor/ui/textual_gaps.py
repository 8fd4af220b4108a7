"""Where the tutor reaches into Textual's private parts: each time because of a Textual bug,
and all of them here, so an upgrade has one file to look at.

tests/test_textual_gaps.py checks that every private name used below still exists (an upgrade
that renames one fails there, loudly, rather than in a learner's hands) and whether each bug is
still there (when Textual fixes one, that test says which work-around to remove).

1. Switching away from the first screen (Textual issue #2650, open). Textual gives every
   screen it switches to a result callback and pops it when switching away; the app's default
   screen gets none, so switching away from it raises IndexError. The tutor's first screen is
   its default screen (a lesson with --lesson, else the list: one screen fewer to build at
   start-up), so it is given a callback as switch_screen would (`Screen._push_result_callback`).

2. Paging an option list before its lines are laid out (no Textual issue found; the same crash
   is reported downstream, kagan-sh/kagan-legacy#31). PageUp or PageDown between options being
   added to a list and the list's next layout makes `OptionList._move_page` look up a line that
   does not exist yet (KeyError): a burst of keys over a laggy SSH link does it. The quiz's
   choices and the command palette page through option lists, so both use the guarded versions
   below (`OptionList._move_page` and `_index_to_line`, `CommandPalette._action_command_list`);
   a page key that comes too early is ignored.

3. A second Enter in the command palette after the first has closed it: `Screen.dismiss` pops
   whatever screen is on top, so it would close the screen under the palette too (public API).

4. The command palette closing while its search is still running (no Textual issue found;
   seen once in the suite's random keys, key 440 of seed 5): the search worker ends by
   setting `_list_visible`, whose watcher looks up the palette's `CommandList`, already
   removed: NoMatches in a worker stops the app. With no list left there is nothing to show
   or hide, so the guarded palette skips the watcher then (`_watch__list_visible`).
"""

from __future__ import annotations

from textual._widget_navigation import Direction
from textual.await_complete import AwaitComplete
from textual.command import CommandList, CommandPalette
from textual.screen import Screen
from textual.widgets import OptionList


def give_first_screen_a_result_callback(screen: Screen[object]) -> None:
    """Gap 1: what switch_screen gives every screen but the first."""
    screen._push_result_callback(screen, None)


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

    def _watch__list_visible(self) -> None:
        if self.query(CommandList):  # gap 4: gone once the palette is closing
            super()._watch__list_visible()
