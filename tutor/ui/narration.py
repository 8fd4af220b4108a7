"""A lesson page's narration, from the small Markdown subset lessons use, to Rich Text.

Lessons need paragraphs, **bold**, *italics*, `code`, indented blocks (formulas and sums),
bullet lists, headings and tables; lessons/README.md documents exactly these. Drawing them as
one Text in one widget, instead of Textual's full Markdown widget (a widget per block and a
Markdown parser), halves the time a lesson takes to open.
"""

from __future__ import annotations

import re

from rich.text import Text

from ..controls import escaped

_INLINE = re.compile(r"\*\*(?P<bold>[^*]+)\*\*|\*(?P<italic>[^*\s][^*]*)\*|`(?P<code>[^`]+)`")
_BULLET = re.compile(r"[-*+] ")
_HEADING = re.compile(r"#{1,6} ")
_RULE_CELL = re.compile(r":?-+:?")
"""A cell of the line under a table's header: `---`, `:--` (left), `--:` (right), `:-:`."""
STYLES = {"bold": "bold", "italic": "italic", "code": "bold reverse"}


def inline(line: str) -> Text:
    """**bold**, *italic* and `code` spans; everything else as written."""
    text = Text()
    position = 0
    for match in _INLINE.finditer(line):
        text.append(line[position : match.start()])
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
        elif all(line.lstrip().startswith("|") for line in lines):
            blocks.append(_table(lines))
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


def _table(lines: list[str]) -> Text:
    """A pipe table, its columns aligned (right where the rule says `--:`), the header bold
    when a rule follows it."""
    rows = [[inline(cell.strip()) for cell in line.strip().strip("|").split("|")] for line in lines]
    rules = [
        n
        for n, row in enumerate(rows)
        if row and all(_RULE_CELL.fullmatch(cell.plain) for cell in row)
    ]
    rule = [cell.plain for cell in rows[rules[0]]] if rules else []
    rows = [row for n, row in enumerate(rows) if n not in rules]
    columns = max(len(row) for row in rows)
    widths = [
        max((row[c].cell_len for row in rows if c < len(row)), default=0) for c in range(columns)
    ]
    right = [
        c < len(rule) and rule[c].endswith(":") and not rule[c].startswith(":")
        for c in range(columns)
    ]
    lines_out = []
    for n, row in enumerate(rows):
        line = Text("  ")
        for c in range(columns):
            cell = row[c] if c < len(row) else Text()
            last = c == columns - 1
            pad = "" if last and not right[c] else " " * (widths[c] - cell.cell_len)
            line.append_text(Text(pad).append_text(cell) if right[c] else cell + pad)
            if not last:
                line.append(" │ ", style="dim")
        if n == 0 and rules == [1]:
            line.stylize("bold")
        lines_out.append(line)
    return Text("\n").join(lines_out)
