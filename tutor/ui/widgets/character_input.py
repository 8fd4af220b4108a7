"""An Input that claims only the characters it accepts, so other letters stay free as keys.

Textual hides key bindings for every printable key while an Input has focus. The quiz's answer
box and the calculator's fields accept few characters (digits, x, a comma...), so letters such
as h (hint), b (back) and q (quit) keep working while the learner types. The cursor does not
blink: idle means idle, even on a quiz screen.
"""

from __future__ import annotations

import re

from textual.widgets import Input


class CharacterInput(Input):
    def __init__(self, value: str = "", *, characters: str, **kwargs: object) -> None:
        super().__init__(value, restrict=f"[{characters}]*", **kwargs)  # type: ignore[arg-type]
        self.cursor_blink = False  # a blinking cursor is a timer: an idle tutor should cost nothing
        self._one_character = re.compile(f"[{characters}]")

    def check_consume_key(self, key: str, character: str | None) -> bool:
        return character is not None and self._one_character.fullmatch(character) is not None
