"""Control characters in text that comes from files: found so they can be refused, or escaped.

A lesson or a progress file is data, and so is a file's name: none of it may send the terminal
a command. ESC starts the sequences that clear the screen, write the clipboard or make the
terminal type a reply; the other C0 and C1 controls move the cursor or ring the bell; the
bidirectional overrides make text read differently from what it is. Lesson text with any of
them is refused when the lesson is checked, and anything shown from a file is escaped first.
"""

from __future__ import annotations

import re

_CONTROLS = re.compile("[\x00-\x1f\x7f-\x9f\u061c\u200e\u200f\u202a-\u202e\u2066-\u2069]")


def control_in(text: str, allowed: str = "") -> tuple[int, str] | None:
    """The position and name (U+001B) of the first control character not in `allowed`."""
    for match in _CONTROLS.finditer(text):
        if match.group() not in allowed:
            return match.start(), f"U+{ord(match.group()):04X}"
    return None


def escaped(text: str, keep: str = "") -> str:
    """`text` with each control character not in `keep` written out as an escape (\\x1b)."""
    return _CONTROLS.sub(lambda m: m.group() if m.group() in keep else _escape(m.group()), text)


def _escape(char: str) -> str:
    code = ord(char)
    return f"\\x{code:02x}" if code < 0x100 else f"\\u{code:04x}"
