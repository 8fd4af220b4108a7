"""The footer every screen shows: the keys that work here, as one line of text.

Textual's own Footer builds a widget per key and rebuilds them all whenever the bindings
change, which happens several times while a screen opens: measured here, that alone made
opening a lesson take twice as long. This footer draws the same keys (the screen's active
bindings with `show`, one per action, disabled ones left out) as a single line, and a click on
a key presses it, as with Textual's. The command palette's key is left out for room; the help
screen lists Ctrl+P.
"""

from __future__ import annotations

from rich.text import Text
from textual import events
from textual.screen import Screen
from textual.widget import Widget

Key = tuple[str, str, str]
"""(key to press, how the key is shown, what it does)"""


class KeyFooter(Widget):
    COMPONENT_CLASSES = {"key-footer--key", "key-footer--description"}

    def __init__(self) -> None:
        super().__init__()
        self._keys: list[Key] = []
        self._spans: list[tuple[int, int, str]] = []

    def on_mount(self) -> None:
        self.screen.bindings_updated_signal.subscribe(self, self._bindings_changed)
        self._bindings_changed(self.screen)

    def on_unmount(self) -> None:
        self.screen.bindings_updated_signal.unsubscribe(self)

    def _bindings_changed(self, screen: Screen[object]) -> None:
        keys: list[Key] = []
        actions: set[str] = set()
        for _node, binding, enabled, _tooltip in screen.active_bindings.values():
            if binding.show and enabled and binding.action not in actions:
                actions.add(binding.action)
                keys.append(
                    (
                        binding.key.split(",")[0],
                        self.app.get_key_display(binding),
                        binding.description,
                    )
                )
        if keys != self._keys:
            self._keys = keys
            self.refresh()

    def render(self) -> Text:
        key_style = self.get_component_rich_style("key-footer--key")
        words_style = self.get_component_rich_style("key-footer--description")
        text = Text(no_wrap=True, overflow="ellipsis")
        self._spans = []
        for key, shown, description in self._keys:
            start = text.cell_len
            text.append(f" {shown}", key_style)
            text.append(f" {description} ", words_style)
            self._spans.append((start, text.cell_len, key))
        return text

    def on_click(self, event: events.Click) -> None:
        for start, end, key in self._spans:
            if start <= event.x < end:
                self.app.simulate_key(key)
                return
