"""The words and sums a scene shows beside its grids, from the engine's numbers, as lines.

The status line, the running tally of kernels and parameters, the dense comparison and the
weight tracer's note are Rich Text, which Rich wraps and renders; `text_lines` turns what Rich
draws into scene lines. One neuron's arithmetic is never wrapped: it is made as lines directly.
"""

from __future__ import annotations

from rich.console import Console
from rich.style import Style
from rich.text import Text

from ...engine import ConvLayer, ParameterCounts, Step, WeightReach, fmt
from ...engine.counts import SCHEME_MEANINGS, input_values, weights_per_kernel
from ...engine.matrix import weight_label
from ...engine.words import neuron_place, plural
from .frame import PENDING, Matrix, Tally
from .lines import Line, Run, merged
from .numbers import number_text

SMALL_KERNEL = 9
"""Up to this many taps per channel, the products go on one line if it fits the width."""
BOLD = Style(bold=True)
RESULT = Style(bold=True, reverse=True)


def text_lines(text: Text, width: int, console: Console) -> list[Line]:
    """`text` wrapped by Rich to `width`, each line as runs with the styles Rich gives it."""
    if text.cell_len <= width and "\n" not in text.plain:
        return [text_line(text, console)]  # nothing to wrap: the usual case
    return [text_line(piece, console) for piece in text.wrap(console, max(width, 1))]


def text_line(text: Text, console: Console) -> Line:
    """One line of Rich Text, never wrapped, as runs with the styles Rich gives it."""
    return merged(
        (Run(segment.text, 0, segment.style or None),)
        for segment in text.render(console)
        if segment.text
    )


def _products(step: Step, n: int) -> list[list[str]]:
    """weight×input for every kernel row of channel slice `n`; a tap on padding reads ×0."""
    weights, inputs = step.weights[n].tolist(), step.inputs[n].tolist()
    padding = step.in_padding.tolist()
    return [
        [
            f"{number_text(w)}×{'0' if pad else number_text(x)}"
            for w, x, pad in zip(w_row, x_row, pad_row, strict=True)
        ]
        for w_row, x_row, pad_row in zip(weights, inputs, padding, strict=True)
    ]


def arithmetic_lines(step: Step, width: int, hidden: bool = False) -> list[Line]:
    """One neuron's sum, one line per line of working, never wrapped; the result in reverse.

    A small kernel's products go on one line when it fits `width`; otherwise one line per
    kernel row, then their sum. Several channels get a line (or rows) each, then the total.
    `hidden` (the learner is predicting this neuron) writes every sum as PENDING: the
    products to work out stay, what they add up to does not show.
    """

    def sum_text(value: object) -> str:
        return PENDING if hidden else number_text(value)

    lines: list[str] = []
    per_channel, kh, kw = step.weights.shape
    labelled = per_channel > 1
    row_totals, channel_totals = step.row_totals.tolist(), step.channel_totals.tolist()
    for n, channel in enumerate(step.channels):
        label = f"ch{channel + 1}: " if labelled else ""
        products = _products(step, n)
        if kh * kw <= SMALL_KERNEL:
            line = (
                f"{label}{' + '.join(p for row in products for p in row)} = "
                f"{sum_text(channel_totals[n])}"
            )
            if len(line) <= width:
                lines.append(line)
                continue
        lines += [
            f"{label}row {i + 1}: {' + '.join(row)} = {sum_text(row_totals[n][i])}"
            for i, row in enumerate(products)
        ]
        lines.append(f"{label}sum of rows = {sum_text(channel_totals[n])}")
    last = ""
    if labelled:
        parts = " + ".join(sum_text(t) for t in channel_totals)
        last = f"channels: {parts} = {sum_text(step.total)}, then "
    last += f"{sum_text(step.total)} + bias {number_text(step.bias)} = "
    return [(Run(line),) for line in lines] + [(Run(last), Run(sum_text(step.result), 0, RESULT))]


def sum_text(step: Step, hidden: bool = False) -> Text:
    """One neuron's sum in a line, for a scene that shows outputs without the working: the
    bias is shown wherever an output value is, so every value can be checked."""
    products = step.products.size
    text = Text(f"This neuron: its {plural(products, 'product')} add up to ")
    text.append(PENDING if hidden else number_text(step.total))
    text.append(f", + bias {number_text(step.bias)} = ")
    text.append(PENDING if hidden else number_text(step.result), style=BOLD)
    return text


def counter_text(mode: str, tally: Tally, counts: ParameterCounts, hidden: bool = False) -> Text:
    """Neurons computed so far against the distinct kernels and parameters they needed;
    `hidden` withholds those two while the learner predicts one."""
    text = Text(f"Neurons done {fmt(tally.neurons)} of {fmt(tally.of)} · kernels used ")
    text.append(PENDING if hidden else fmt(tally.kernels), style=BOLD)
    text.append(" · parameters ")
    text.append(PENDING if hidden else fmt(tally.parameters), style=BOLD)
    if mode == "shared":
        text.append(f" · no sharing {fmt(counts.unshared.total)}")
    else:
        text.append(f" of {fmt(counts.unshared.total)} · shared {fmt(counts.shared.total)}")
    return text


def wiring_text(layer: ConvLayer, mode: str) -> Text:
    """How many inputs, and so weights, this one neuron has under each scheme."""
    window, everything = weights_per_kernel(layer), input_values(layer)
    bias = " + 1 bias" if layer.bias else ""
    whose = (
        f"shared by all {fmt(layer.out_height * layer.out_width)} neurons of its slice"
        if mode == "shared"
        else "its own"
    )
    text = Text("This neuron reads ")
    text.append(f"{fmt(window)} inputs", style=BOLD)
    text.append(f" in the convolution ({fmt(window)} weights{bias}, {whose}) and ")
    text.append(f"all {fmt(everything)}", style=BOLD)
    text.append(f" when fully connected ({fmt(everything)} weights{bias}, its own).")
    return text


def matrix_text(row: int, matrices: tuple[Matrix, ...], sums: tuple[str, str], bias: str) -> Text:
    """The current neuron as its row of M (0-based `row`), with `sums` its row · x and its
    output. A value is claimed only from the convolution's M, whose weights are the scene's;
    other schemes' weights have no values, so the output shown is said to be the
    convolution's."""
    n, (product, output) = row + 1, sums
    text = Text(f"Neuron {n} is row {n} of {'each M' if len(matrices) > 1 else 'M'}: ")
    if not any(matrix.scheme == "shared" for matrix in matrices):
        text.append(
            f"its output is row {n} · x + its bias. These weights have names, not values; the "
            f"output shown is the convolution's, {product} + bias {bias} = "
        )
        text.append(output, style=BOLD)
        text.append(".")
        return text
    text.append(f"row {n} · x = {product}, + bias {bias} = ")
    text.append(output, style=BOLD)
    text.append(
        ", its output" + (" (with the convolution's weights)." if len(matrices) > 1 else ".")
    )
    return text


def matrix_trace_note(
    name: str, cell: tuple[int, int], step: Step, layer: ConvLayer, matrices: tuple[Matrix, ...]
) -> Text:
    """Where one kernel weight sits in each M drawn: in every row when shared, in one entry
    when not; a fully connected M has no kernel to trace."""
    neuron, tap = (step.filter, step.row, step.col), (step.channels.start, *cell)
    parts = []
    for matrix in matrices:
        meaning = SCHEME_MEANINGS[matrix.scheme]
        if matrix.scheme == "dense":
            parts.append(f"the {meaning} M has no kernel: each row is one neuron's own weights")
            continue
        label = weight_label(layer, matrix.scheme, neuron, tap)
        entries = int((matrix.labels == label).sum())
        if matrix.scheme == "shared":
            parts.append(f"in the {meaning} M it is w{label}, in all {entries} * entries")
        else:
            parts.append(f"in the {meaning} M this neuron's is w{label}, the one * entry")
    return Text(f"Tracing {name}: " + "; ".join(parts) + ". (0 stops)")


def dense_text(counts: ParameterCounts) -> Text:
    text = Text("Fully connected, same input and output: ")
    text.append(fmt(counts.dense.total), style=BOLD)
    text.append(f"  ({' ; '.join(counts.dense.lines[2:])})")
    return text


def status_text(
    index: int,
    count: int,
    cell: tuple[int, int, int],
    filters: int,
    playing: str,
    showing: str = "",
) -> Text:
    """Which step of how many, which neuron, whether the pass is playing (`playing` says how
    fast, "" when paused), and what the output cells show instead of values, if anything."""
    text = Text()
    text.append(f"Step {fmt(index + 1)} of {fmt(count)}", style=BOLD)
    text.append(f"  neuron at {neuron_place(cell, filters > 1)}  ")
    if playing:
        text.append(f"▶ playing {playing}", style=BOLD)
    else:
        text.append("paused")
    if showing:
        text.append(f"  · showing {showing}")
    return text


def trace_note(name: str, mode: str, reach: WeightReach, step: Step, marked: str = "*") -> Text:
    """What tracing one weight shows: reused everywhere when shared, once when not. `marked`
    says how its cells are marked: "*", or "underlined" where a scene has no star columns.

    A kernel with several channel slices has a weight of that name in each slice: each one
    multiplies only the cells of its own channel.
    """
    slices, kernel = len(step.channels), f"W{step.filter + 1}"
    if mode == "shared" and slices > 1:
        return Text(
            f"Tracing {name} in each of {kernel}'s {slices} channel slices: {slices} "
            f"weights, each entering {reach.uses} products at the {marked} cells of its own "
            "channel. (0 stops)"
        )
    if mode == "shared":
        return Text(
            f"Tracing {name} of {kernel}: it enters {reach.uses} products, at every {marked} "
            "cell. One weight, reused. (0 stops)"
        )
    if slices > 1:
        return Text(
            f"Tracing {name} in each channel slice of this neuron's own kernel: 1 "
            "product each. The next neuron has different ones. (0 stops)"
        )
    return Text(
        f"Tracing {name} of this neuron's own kernel: 1 product. The next neuron has "
        "a different one. (0 stops)"
    )
