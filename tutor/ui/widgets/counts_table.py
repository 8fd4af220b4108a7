"""The three parameter counts of a layer side by side, each with its line-by-line arithmetic.

A line one scheme shares with a scheme above it (the kernel's size, its cost with the bias) is
written once, where it first appears: on a small terminal the table then fits, totals and all.
"""

from __future__ import annotations

from rich.table import Table
from rich.text import Text
from textual.widgets import Static

from ...engine import ParameterCounts, fmt
from ...engine.counts import SCHEME_MEANINGS
from ...engine.geometry import pytorch_line


def counts_renderable(counts: ParameterCounts, pytorch: bool = False) -> Table:
    """The table; with `pytorch`, the layer is also given as PyTorch builds it."""
    h, w, c = counts.layer.output_shape
    title = Text.assemble(("Layer:  ", "bold"), counts.layer.describe(), "\n")
    if pytorch:
        title.append_text(Text.assemble(("PyTorch: ", "bold"), pytorch_line(counts.layer), "\n"))
    title.append_text(Text.assemble(("Output: ", "bold"), f"{h} x {w} x {c}"))
    table = Table(
        box=None, expand=True, pad_edge=False, show_edge=False, title=title, title_justify="left"
    )
    table.add_column("scheme", no_wrap=True)
    table.add_column("parameters", justify="right", no_wrap=True)
    table.add_column("how", ratio=1)
    shown: set[str] = set()
    for scheme in counts.schemes:
        meaning = SCHEME_MEANINGS[scheme.scheme].replace(" ", "\n ")  # a narrow column
        new_lines = [line for line in scheme.lines if line not in shown]  # once is enough
        shown.update(new_lines)
        table.add_row(
            f"{scheme.scheme}\n({meaning})",
            Text(fmt(scheme.total), style="bold"),
            "\n".join(new_lines),
        )
    return table


class CountsTable(Static):
    """Renders a ParameterCounts; the calculator calls `show` as fields change."""

    def __init__(
        self, counts: ParameterCounts | None = None, *, pytorch: bool = False, id: str | None = None
    ) -> None:
        super().__init__(id=id)
        self.pytorch = pytorch
        if counts is not None:
            self.show(counts)

    def show(self, counts: ParameterCounts) -> None:
        self.update(counts_renderable(counts, self.pytorch))
