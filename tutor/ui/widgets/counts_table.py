"""The three parameter counts of a layer side by side, each with its line-by-line arithmetic."""

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
    for scheme in counts.schemes:
        meaning = SCHEME_MEANINGS[scheme.scheme].replace(" ", "\n ")  # a narrow column
        table.add_row(
            f"{scheme.scheme}\n({meaning})",
            Text(fmt(scheme.total), style="bold"),
            "\n".join(scheme.lines),
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
