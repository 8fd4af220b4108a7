"""Reading one lesson page: its title, its narration (with its placeholders checked) and what
it shows under the text, each read even when another is broken."""

from __future__ import annotations

from collections.abc import Callable

from . import limits
from .model import Page
from .placeholders import check_placeholders
from .reader import LessonError, Part, Problems, Table
from .scenes import read_layer, read_map, read_scene


def read_page(table: Table) -> Page:
    """A page; its title, narration and what it shows are each read even if one is broken."""
    problems = Problems()
    title = problems.read(table.take_text, "title", limits.MAX_TEXT_CHARS, "")
    narration = problems.read(lambda: table.take_text("narration", limits.MAX_NARRATION_CHARS,
                                                      lines=True))
    parts = {key: problems.read(read, table, key) for key, read in
             (("scene", _optional(read_scene)), ("counts", _optional(read_layer)),
              ("map", _optional(read_map)))}
    shown = [key for key, part in parts.items() if part is not None]
    if len(shown) > 1:
        problems.found.append(LessonError(table.path(shown[1]), f"a page shows one thing under "
                                          f"its text: {' or '.join(shown)}, not both"))
    problems.read(table.finish)
    problems.check()
    page = Page(narration=narration, title=title, scene=parts["scene"],  # type: ignore[arg-type]
                counts=parts["counts"], map=parts["map"])  # type: ignore[arg-type]
    check_placeholders({table.path("narration"): narration}, page.layer is not None, "page")
    return page


def _optional(read: Callable[[Table], Part]) -> Callable[[Table, str], Part | None]:
    """`read` of the table at `key` of a table, or None when there is none."""
    def read_at(table: Table, key: str) -> Part | None:
        found = table.take_table(key, required=False)
        return None if found is None else read(found)
    return read_at
