"""The three parameter counts of a layer side by side, each with its line-by-line arithmetic."""

from __future__ import annotations

from rich.table import Table
from rich.text import Text
from textual.widgets import Static

from ...engine import ParameterCounts, fmt

SCHEME_NAMES = {
    "shared": "shared\n(convolution)",
    "unshared": "unshared\n(own kernel\n per neuron)",
    "dense": "dense\n(fully conn.)",
}


def counts_renderable(counts: ParameterCounts) -> Table:
    h, w, c = counts.layer.output_shape
    table = Table(
        box=None, expand=True, pad_edge=False, show_edge=False,
        title=Text.assemble(("Layer:  ", "bold"), counts.layer.describe(), "\n",
                            ("Output: ", "bold"), f"{h} x {w} x {c}"),
        title_justify="left",
    )
    table.add_column("scheme", no_wrap=True)
    table.add_column("parameters", justify="right", no_wrap=True)
    table.add_column("how", ratio=1)
    for scheme in counts.schemes:
        table.add_row(SCHEME_NAMES[scheme.scheme], Text(fmt(scheme.total), style="bold"),
                      "\n".join(scheme.lines))
    return table


class CountsTable(Static):
    """Renders a ParameterCounts; the calculator calls `show` as fields change."""

    def __init__(self, counts: ParameterCounts | None = None, *, id: str | None = None) -> None:
        super().__init__(id=id)
        if counts is not None:
            self.show(counts)

    def show(self, counts: ParameterCounts) -> None:
        self.update(counts_renderable(counts))
