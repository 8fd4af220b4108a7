"""Text cut to a width at a word's end: "…" after the last word that fits, never mid-word
unless one word alone is wider than the room."""

from __future__ import annotations

from collections.abc import Sequence

from rich.text import Text

ELLIPSIS = "…"
TRAILING = " ,:;·-"
"""What a cut line should not end with before its ellipsis."""


def cut_at_word(text: Text, width: int) -> Text:
    """`text` if it fits `width` cells; else its words that fit, then "…"."""
    if text.cell_len <= width:
        return text
    room = max(width - 1, 0)
    cut = text.plain.rfind(" ", 0, room + 1)
    line = text.copy()
    if cut > 0:
        line.truncate(cut)
        line.rstrip()
        while line.plain and line.plain[-1] in TRAILING:
            line.right_crop(1)
    else:  # one word wider than the room: cut it
        line.truncate(room)
    line.append(ELLIPSIS)
    return line


def first_that_fits(forms: Sequence[Text], width: int) -> Text:
    """The first of `forms` (longest first) that fits `width`, else the last cut to fit."""
    for form in forms:
        if form.cell_len <= width:
            return form
    return cut_at_word(forms[-1], width)
