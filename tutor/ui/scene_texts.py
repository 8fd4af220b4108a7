"""The words and sums a scene shows beside its grids, built from the engine's numbers.

Plain Rich Text, no widgets: the status line, one neuron's arithmetic, the running tally of
kernels and parameters, the dense comparison and the weight tracer's note.
"""

from __future__ import annotations

from typing import NamedTuple

from rich.text import Text

from ..engine import ParameterCounts, Step, WeightReach, fmt
from .scene_lines import Cell
from .scene_pictures import number_text

SMALL_KERNEL = 9
"""Up to this many taps per channel, the products go on one line if it fits the width."""


def _products(step: Step, n: int) -> list[list[str]]:
    """weight×input for every kernel row of channel slice `n`; a tap on padding reads ×0."""
    weights, inputs = step.weights[n].tolist(), step.inputs[n].tolist()
    padding = step.in_padding.tolist()
    return [
        [f"{number_text(w)}×{'0' if pad else number_text(x)}"
         for w, x, pad in zip(w_row, x_row, pad_row, strict=True)]
        for w_row, x_row, pad_row in zip(weights, inputs, padding, strict=True)
    ]


def arithmetic_lines(step: Step, width: int) -> list[Text]:
    """One neuron's sum, one line per line of working, never wrapped.

    A small kernel's products go on one line when it fits `width`; otherwise one line per
    kernel row, then their sum. Several channels get a line (or rows) each, then the total.
    """
    lines: list[Text] = []
    per_channel, kh, kw = step.weights.shape
    labelled = per_channel > 1
    row_totals, channel_totals = step.row_totals.tolist(), step.channel_totals.tolist()
    for n, channel in enumerate(step.channels):
        label = f"ch{channel + 1}: " if labelled else ""
        products = _products(step, n)
        if kh * kw <= SMALL_KERNEL:
            line = (f"{label}{' + '.join(p for row in products for p in row)} = "
                    f"{number_text(channel_totals[n])}")
            if len(line) <= width:
                lines.append(Text(line))
                continue
        lines += [Text(f"{label}row {i + 1}: {' + '.join(row)} = "
                       f"{number_text(row_totals[n][i])}") for i, row in enumerate(products)]
        lines.append(Text(f"{label}sum of rows = {number_text(channel_totals[n])}"))
    last = Text()
    if labelled:
        parts = " + ".join(number_text(t) for t in channel_totals)
        last.append(f"channels: {parts} = {number_text(step.total)}, then ")
    last.append(f"{number_text(step.total)} + bias {number_text(step.bias)} = ")
    last.append(number_text(step.result), style="bold reverse")
    return [*lines, last]


class Working:
    """One neuron's sum as lines of working, built when a line is first read.

    A big kernel's working runs to dozens of lines, mostly out of view, and its line count
    follows from the kernel's shape alone: the canvas lays the lines out unbuilt. Whether a
    small kernel's products fit on one line depends on the numbers, so its few lines are built
    at once.
    """

    def __init__(self, step: Step, width: int) -> None:
        self._step, self._width = step, width
        per_channel, kh, kw = step.weights.shape
        self.lines = arithmetic_lines(step, width) if kh * kw <= SMALL_KERNEL else None
        """The lines, once built."""
        self.count = per_channel * (kh + 1) + 1 if self.lines is None else len(self.lines)

    def line(self, index: int) -> Text:
        if self.lines is None:
            self.lines = arithmetic_lines(self._step, self._width)
        return self.lines[index]


class Tally(NamedTuple):
    """How far the pass is: neurons computed (of all), distinct kernels and parameters used."""

    neurons: int
    of: int
    kernels: int
    parameters: int


def counter_text(mode: str, tally: Tally, counts: ParameterCounts) -> Text:
    """Neurons computed so far against the distinct kernels and parameters they needed."""
    text = Text(f"Neurons done {fmt(tally.neurons)} of {fmt(tally.of)} · kernels used ")
    text.append(fmt(tally.kernels), style="bold")
    text.append(" · parameters ")
    text.append(fmt(tally.parameters), style="bold")
    if mode == "shared":
        text.append(f" · unshared needs {fmt(counts.unshared.total)}")
    else:
        text.append(f" of {fmt(counts.unshared.total)} · shared {fmt(counts.shared.total)}")
    return text


def dense_text(counts: ParameterCounts) -> Text:
    text = Text("Fully connected, same input and output: ")
    text.append(fmt(counts.dense.total), style="bold")
    text.append(f"  ({' ; '.join(counts.dense.lines[2:])})")
    return text


def weight_name(cell: Cell, kernel_cols: int) -> str:
    """w1..wn, numbered row by row, the way the number keys pick them."""
    return f"w{cell[0] * kernel_cols + cell[1] + 1}"


def status_text(step: Step, count: int, filters: int, playing: bool, speed: float) -> Text:
    """Which step of how many, which neuron, and whether the pass is playing."""
    text = Text()
    text.append(f"Step {step.index + 1} of {count}", style="bold")
    where = f"row {step.row + 1}, col {step.col + 1}"
    if filters > 1:
        where = f"slice {step.filter + 1}, {where}"
    text.append(f"  neuron at {where}  ")
    if playing:
        text.append(f"▶ playing {speed:g} steps/s", style="bold")
    else:
        text.append("paused")
    return text


def trace_note(name: str, mode: str, reach: WeightReach, step: Step) -> Text:
    """What tracing one weight shows: reused everywhere when shared, once when not.

    A kernel with several channel slices has a weight of that name in each slice: each one
    multiplies only the cells of its own channel.
    """
    slices, kernel = len(step.channels), f"W{step.filter + 1}"
    if mode == "shared" and slices > 1:
        return Text(f"Tracing {name} in each of {kernel}'s {slices} channel slices: {slices} "
                    f"weights, each entering {reach.uses} products at the * cells of its own "
                    "channel. (0 stops)")
    if mode == "shared":
        return Text(f"Tracing {name} of {kernel}: it enters {reach.uses} products, at every * "
                    "cell. One weight, reused. (0 stops)")
    if slices > 1:
        return Text(f"Tracing {name} in each channel slice of this neuron's own kernel: 1 "
                    "product each. The next neuron has different ones. (0 stops)")
    return Text(f"Tracing {name} of this neuron's own kernel: 1 product. The next neuron has "
                "a different one. (0 stops)")
