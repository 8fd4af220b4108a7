"""A lesson page's narration, from the small Markdown subset lessons use, to Rich Text.

Lessons need paragraphs, **bold**, *italics*, `code`, indented blocks (formulas and sums),
bullet lists and headings; lessons/README.md documents exactly these. Drawing them as one Text
in one widget, instead of Textual's full Markdown widget (a widget per block and a Markdown
parser), halves the time a lesson takes to open.
"""

from __future__ import annotations

import re

from rich.text import Text

from ..controls import escaped

_INLINE = re.compile(r"\*\*(?P<bold>[^*]+)\*\*|\*(?P<italic>[^*\s][^*]*)\*|`(?P<code>[^`]+)`")
_BULLET = re.compile(r"[-*+] ")
_HEADING = re.compile(r"#{1,6} ")
STYLES = {"bold": "bold", "italic": "italic", "code": "bold reverse"}


def inline(line: str) -> Text:
    """**bold**, *italic* and `code` spans; everything else as written."""
    text = Text()
    position = 0
    for match in _INLINE.finditer(line):
        text.append(line[position:match.start()])
        kind = match.lastgroup or "bold"
        text.append(match.group(kind), style=STYLES[kind])
        position = match.end()
    text.append(line[position:])
    return text


def narration_text(markdown: str) -> Text:
    """Blocks separated by blank lines: paragraphs joined into one line each, indented blocks
    kept line by line, bullets and headings marked."""
    blocks: list[Text] = []
    markdown = escaped(markdown, keep="\n\t")  # checked when loaded; shown as text regardless
    for block in re.split(r"\n\s*\n", markdown.strip("\n")):
        lines = block.split("\n")
        if all(line.startswith("    ") or not line.strip() for line in lines):
            blocks.append(Text("\n".join("  " + line[4:] for line in lines), style="bold"))
        elif _HEADING.match(lines[0]):
            blocks.append(inline(" ".join(lines).lstrip("#").strip()).copy())
            blocks[-1].stylize("bold underline")
        elif _BULLET.match(lines[0].lstrip()):
            blocks.append(_bullets(lines))
        else:
            blocks.append(inline(" ".join(line.strip() for line in lines)))
    return Text("\n\n").join(blocks)


def _bullets(lines: list[str]) -> Text:
    """Each "- item" (continued on following lines) as "• item" on a line of its own."""
    items: list[str] = []
    for line in lines:
        stripped = line.strip()
        if _BULLET.match(stripped):
            items.append(stripped[2:])
        elif items:
            items[-1] += " " + stripped
    return Text("\n").join(Text("• ").append_text(inline(item)) for item in items)
