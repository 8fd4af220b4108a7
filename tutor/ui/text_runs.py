"""Rich Text as lines of runs: read off the text's spans and wrapped here, not by Rich.

The status and the tally are wrapped again on every step; Rich's renderer and wrapper cost
three times as much for the same lines (the tests compare the two).
"""

from __future__ import annotations

import re
from itertools import pairwise

from rich.console import Console
from rich.style import Style
from rich.text import Text

from .scene_lines import Line, Piece, Run, merged, sliced


def text_lines(text: Text, width: int, console: Console) -> list[Line]:
    """A Rich Text wrapped at spaces to `width` (a word longer than that is cut), each line as
    runs keeping the text's own styles."""
    line = text_line(text, console)
    plain = text.plain
    if "\n" not in plain and len(plain) <= width:
        return [line]  # the usual case
    lines, offset = [], 0
    for paragraph in plain.split("\n"):
        lines += [sliced(line, offset + start, offset + end)
                  for start, end in line_breaks(paragraph, max(width, 10))]
        offset += len(paragraph) + 1
    return lines


_WORD = re.compile(r"\s*\S+\s*")


def line_breaks(plain: str, width: int) -> list[tuple[int, int]]:
    """Where a greedy wrap at spaces cuts a paragraph: each line's [start, end), without the
    spaces it ends on."""
    lines, start, end = [], 0, 0
    for word in _WORD.finditer(plain):
        word_start = word.start()
        word_end = word_start + len(word.group().rstrip())
        if word_end - start > width and end > start:  # does not fit: starts the next line
            lines.append((start, end))
            start = word_start
        while word_end - start > width:  # longer than a whole line: cut
            lines.append((start, start + width))
            start += width
        end = word_end
    lines.append((start, max(start, end)))
    return lines


def text_line(text: Text, console: Console) -> Line:
    """One line of Rich Text as runs keeping its styles: what Rich would draw, read off the
    text's spans directly (later spans over earlier ones, all over the text's own style)."""
    plain = text.plain
    if not text.spans:
        return (Run(plain),) if plain else ()
    spans = [(span.start, span.end, _style(span.style, console)) for span in text.spans]
    cuts = sorted({0, len(plain), *(min(s, len(plain)) for s, e, _ in spans),
                   *(min(e, len(plain)) for s, e, _ in spans)})
    base = _style(text.style, console)
    pieces: list[Piece] = []
    for start, end in pairwise(cuts):
        styles = [base, *(style for s, e, style in spans if s <= start and end <= e)]
        pieces.append((plain[start:end], 0, Style.combine(styles) or None))
    return merged(pieces)


def _style(style: str | Style, console: Console) -> Style:
    return style if isinstance(style, Style) else console.get_style(style, default=Style.null())
