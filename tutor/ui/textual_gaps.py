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

5. An ESC inside a bracketed paste (no Textual issue found). The terminal sends a paste between
   two marks so that it arrives as text, but Textual's parser (`XTermParser`) reads an ESC in
   the pasted text as the start of a key sequence and sends the characters after it as key
   presses: pasting `see \x1b[1mRy` on the lesson list typed R and y, which reset all progress.
   The guarded parser drops every ESC between the marks before Textual's parser sees it, so a
   paste reaches the focused input as text (the other characters stay) and never presses a
   key. The real driver makes its parser in its input thread, by the name it imported
   (`textual.drivers.linux_driver.XTermParser`): `guard_pastes` points that name at the
   guarded parser, for the tutor run as a program.

6. A layout change that is never painted (no Textual issue found; found by the pty screen
   check under load: folding a lesson's text moved the counts table, and the terminal kept it
   where it was). `Compositor.reflow` finds what to repaint by comparing the new layout with
   `_full_map`, but the lazy `full_map` property rebuilds `_full_map` from the widgets as they
   are now whenever it was marked stale: a read of a widget's place (scrolling it, say) after
   a widget is shown or hidden and before the next reflow makes that reflow see no change, and
   nothing moved is repainted. The guarded compositor compares each reflow with the layout it
   last painted (`_full_map` as its reflows left it, with what a scroll has repainted since).
   Screens make their compositor by the name they imported (`textual.screen.Compositor`):
   `guard_layouts` points that name at the guarded one, for the tutor run as a program.
"""

from __future__ import annotations

from collections.abc import Iterable
from typing import Any

from textual._compositor import Compositor, CompositorMap, ReflowResult
from textual._widget_navigation import Direction
from textual._xterm_parser import XTermParser
from textual.await_complete import AwaitComplete
from textual.command import CommandList, CommandPalette
from textual.geometry import Size
from textual.message import Message
from textual.screen import Screen
from textual.widget import Widget
from textual.widgets import OptionList


def give_first_screen_a_result_callback(screen: Screen[Any]) -> None:
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

    def dismiss(self, result: None = None) -> AwaitComplete:
        if not self.is_current:
            return AwaitComplete.nothing()
        return super().dismiss(result)

    def _watch__list_visible(self) -> None:
        if self.query(CommandList):  # gap 4: gone once the palette is closing
            super()._watch__list_visible()


PASTE_START, PASTE_END = "\x1b[200~", "\x1b[201~"
ESC = "\x1b"


class PasteGuard:
    """Gap 5: the terminal's input with every ESC inside a bracketed paste taken out.

    Input arrives in reads of any size, so a mark may be split between two of them: the end of
    what came before a paste is kept to find a start mark, and the start of a possible end mark
    inside a paste is held back until the next read says what it is. Nothing outside a paste is
    held back (a lone Escape key must reach Textual at once).
    """

    def __init__(self) -> None:
        self.in_paste = False
        self._before = ""
        """The last characters passed on outside a paste: the start of a split start mark."""
        self._held = ""
        """The start of what may be an end mark, at the end of the last read inside a paste."""

    def __call__(self, data: str) -> str:
        text, self._held = self._held + data, ""
        passed: list[str] = []
        while text:
            if self.in_paste:
                end = text.find(PASTE_END)
                if end < 0:
                    kept = _mark_begun(text, PASTE_END)
                    self._held = text[len(text) - kept :] if kept else ""
                    passed.append(text[: len(text) - kept].replace(ESC, ""))
                    break
                passed += [text[:end].replace(ESC, ""), PASTE_END]
                text, self.in_paste = text[end + len(PASTE_END) :], False
            else:
                seen = self._before + text
                start = seen.find(PASTE_START)
                if start < 0:
                    passed.append(text)
                    self._before = seen[-(len(PASTE_START) - 1) :]
                    break
                after = start + len(PASTE_START) - len(self._before)
                passed.append(text[:after])
                text, self.in_paste, self._before = text[after:], True, ""
        return "".join(passed)


def _mark_begun(text: str, mark: str) -> int:
    """How many characters at the end of `text` are the beginning of `mark`."""
    for length in range(min(len(mark) - 1, len(text)), 0, -1):
        if mark.startswith(text[-length:]):
            return length
    return 0


class PasteGuardedParser(XTermParser):
    """Textual's parser, fed what the PasteGuard lets through."""

    def __init__(self, debug: bool = False) -> None:
        super().__init__(debug)
        self._guard = PasteGuard()

    def feed(self, data: str) -> Iterable[Message]:
        if not data:  # the end of the input
            return super().feed(data)
        guarded = self._guard(data)
        return super().feed(guarded) if guarded else ()  # "" would end the input


def guard_pastes() -> None:
    """Make the terminal driver read its input with the guarded parser (gap 5)."""
    from textual.drivers import linux_driver

    linux_driver.XTermParser = PasteGuardedParser  # type: ignore[misc]


class LayoutSafeCompositor(Compositor):
    """Gap 6: each reflow is compared with the layout last painted, not a lazy rebuild."""

    def __init__(self) -> None:
        super().__init__()
        self._painted: CompositorMap = {}
        """Where each widget was when last painted: by a reflow, or by a scroll since."""

    def reflow(self, parent: Widget, size: Size) -> ReflowResult:
        self._full_map = self._painted  # a lazy rebuild since may already hold the change
        result = super().reflow(parent, size)
        self._painted = self._full_map
        return result

    def reflow_visible(self, parent: Widget, size: Size) -> set[Widget]:
        exposed = super().reflow_visible(parent, size)
        self._painted = {**self._painted, **(self._visible_map or {})}
        return exposed


def guard_layouts() -> None:
    """Make every screen lay itself out with the guarded compositor (gap 6)."""
    from textual import screen

    screen.Compositor = LayoutSafeCompositor  # type: ignore[misc]
