"""The words beside a neuron map: where the neuron under the cursor reads, which kernel it
uses, what the pass has needed so far and what the map's glyph means. Every number comes
from the walk."""

from __future__ import annotations

from rich.text import Text

from ...engine import NeuronWalk, fmt
from ...engine.counts import weights_per_kernel
from ...engine.words import plural
from .texts import BOLD


def span_text(taps: range, size: int, axis: str) -> str:
    """The input rows (or columns) a window covers, 1-based, as "rows 9-19" ("rows 1-9 2
    apart" when dilated), and how many of its taps fall on padding."""
    real = [tap for tap in taps if 0 <= tap < size]
    if not real:
        text = f"no {axis}s of the input"
    elif len(real) == 1:
        text = f"{axis} {real[0] + 1}"
    else:
        text = f"{axis}s {real[0] + 1}-{real[-1] + 1}"
        if taps.step > 1:
            text += f" {taps.step} apart"
    padded = len(taps) - len(real)
    return text + (f" and {padded} of padding" if padded else "")


def field_text(walk: NeuronWalk, filter: int, row: int, col: int) -> Text:
    """The neuron's receptive field: input rows, columns and channels, and how many values."""
    layer = walk.layer
    per_group = layer.channels_per_group
    first = filter // layer.filters_per_group * per_group
    channels = (
        f"channel {first + 1}" if per_group == 1 else f"channels {first + 1}-{first + per_group}"
    )
    kh, kw = layer.kernel
    return Text(
        f"Reads input {span_text(walk.tap_rows(row), layer.height, 'row')}, "
        f"{span_text(walk.tap_cols(col), layer.width, 'col')}, {channels}: "
        f"{kh} x {kw} x {per_group} = {plural(weights_per_kernel(layer), 'value')}"
    )


def kernel_text(walk: NeuronWalk, filter: int, row: int, col: int) -> Text:
    """Which kernel made the neuron, and who else uses it."""
    weights = fmt(weights_per_kernel(walk.layer))
    bias = " and bias" if walk.layer.bias else ""
    text = Text("Kernel ")
    if walk.mode == "shared":
        text.append(f"W{filter + 1}", style=BOLD)
        text.append(
            f": the same {weights} weights{bias} as all "
            f"{fmt(walk.per_slice)} neurons of slice {filter + 1}"
        )
    else:
        text.append(f"#{fmt(walk.kernel_id(filter, row, col) + 1)}", style=BOLD)
        text.append(
            f" of {fmt(walk.kernels())}: its own {weights} weights{bias}, used by this neuron only"
        )
    return text


def sweep_text(walk: NeuronWalk, index: int, hidden: bool = False) -> Text:
    """What the pass has needed up to the cursor, against the whole layer; `hidden`
    withholds every count while the learner predicts one."""
    last = walk.count - 1
    text = Text(f"So far: {plural(index + 1, 'neuron')} · kernels used ")
    if hidden:
        text.append("?", style=BOLD)
        text.append(" · parameters ")
        text.append("?", style=BOLD)
        text.append(" · whole layer: ? kernels, ? parameters")
        return text
    text.append(fmt(walk.kernels_used(index)), style=BOLD)
    text.append(" · parameters ")
    text.append(fmt(walk.parameters_used(index)), style=BOLD)
    text.append(
        f" · whole layer: {plural(walk.kernels(), 'kernel')}, "
        f"{plural(walk.parameters_used(last), 'parameter')}"
    )
    return text


def legend_text(walk: NeuronWalk, filter: int, glyph: str) -> Text:
    """What a reached neuron's glyph means: one kernel for the slice, or one each."""
    text = Text(f"{glyph} a neuron done: ")
    if walk.mode == "shared":
        text.append(f"every {glyph} of slice {filter + 1} used the one kernel W{filter + 1}")
    else:
        text.append(f"each {glyph} used a kernel of its own (#1, #2, ...)")
    return text
