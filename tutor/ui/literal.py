"""Text from files (lessons, progress, file names) made ready to show: shown exactly as written.

Textual reads a plain string given to a widget as markup, so "[/]" in a lesson's summary would
stop the tutor and "[link=...]" would become a live link. A Rich Text is shown as it is; its
control characters are escaped first, so a file can never send the terminal a command.
"""

from __future__ import annotations

from rich.style import Style
from rich.text import Text

from ..controls import escaped


def literal(text: str, style: str | Style = "") -> Text:
    """`text` as it is written, line breaks and tabs kept, other control characters escaped."""
    return Text(escaped(text, keep="\n\t"), style=style)
