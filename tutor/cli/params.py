"""`cnn-tutor params`: a layer's output shape and its three parameter counts, for a terminal."""

from __future__ import annotations

import json

from rich import box
from rich.console import Console, Group
from rich.table import Table
from rich.text import Text

from ..engine import ParameterCounts, fmt
from ..engine.counts import SCHEME_MEANINGS
from ..engine.geometry import pytorch_line


def counts_table(counts: ParameterCounts) -> Table:
    """One row per scheme: weights, biases and total, right-aligned so the sizes compare."""
    table = Table(box=box.SIMPLE_HEAD, pad_edge=False)
    table.add_column("scheme")
    for name in ("weights", "biases", "total"):
        table.add_column(name, justify="right", style="bold" if name == "total" else "")
    for scheme in counts.schemes:
        table.add_row(
            f"{scheme.scheme} ({SCHEME_MEANINGS[scheme.scheme]})",
            fmt(scheme.weights),
            fmt(scheme.biases),
            fmt(scheme.total),
        )
    return table


def breakdowns(counts: ParameterCounts) -> Text:
    """The arithmetic of each scheme, one step per line, so a learner can redo it by hand."""
    text = Text()
    for scheme in counts.schemes:
        text.append(f"\n{scheme.scheme} ({SCHEME_MEANINGS[scheme.scheme]})\n", style="bold")
        for line in scheme.lines:
            text.append(f"  {line}\n")
    return text


def render(counts: ParameterCounts) -> Group:
    layer = counts.layer
    h, w, c = layer.output_shape
    heading = Text.assemble(
        ("Layer:  ", "bold"),
        layer.describe(),
        "\n",
        ("PyTorch: ", "bold"),
        pytorch_line(layer),
        "\n",
        ("Output: ", "bold"),
        f"{h} x {w} x {c} = {fmt(h * w * c)} neurons",
    )
    if not layer.fits_exactly:
        heading.append(
            f"\nNote: the stride does not fit: {layer.leftover_words()} "
            "(frameworks round the output size down)."
        )
    return Group(heading, counts_table(counts), breakdowns(counts))


def print_counts(counts: ParameterCounts, *, as_json: bool) -> None:
    if as_json:
        print(json.dumps(counts.as_dict()))
    else:
        Console().print(render(counts))
