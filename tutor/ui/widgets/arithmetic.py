"""One output neuron's arithmetic written out: each product, the sums, the bias, the result."""

from __future__ import annotations

from rich.text import Text

from ...engine import Step
from ..scene_pictures import number_text
from .steady_static import SteadyStatic

SMALL_KERNEL = 9
"""Up to this many taps per channel, the products fit on one line; beyond, one line per row."""


def _product(weight: object, value: object, padding: bool) -> str:
    return f"{number_text(weight)}×{'0' if padding else number_text(value)}"


def arithmetic_text(step: Step) -> Text:
    """Rich text for one step. Padding taps are shown as ×0 and marked in the legend."""
    text = Text()
    per_channel, kh, kw = step.weights.shape
    labelled = per_channel > 1
    for n, channel in enumerate(step.channels):
        label = f"ch{channel + 1}: " if labelled else ""
        if kh * kw <= SMALL_KERNEL:
            terms = [
                _product(step.weights[n, i, j], step.inputs[n, i, j], step.in_padding[i, j])
                for i in range(kh) for j in range(kw)
            ]
            text.append(f"{label}{' + '.join(terms)} = {number_text(step.channel_totals[n])}\n")
            continue
        for i in range(kh):
            terms = [
                _product(step.weights[n, i, j], step.inputs[n, i, j], step.in_padding[i, j])
                for j in range(kw)
            ]
            text.append(f"{label}row {i + 1}: {' + '.join(terms)} = "
                        f"{number_text(step.row_totals[n, i])}\n")
        text.append(f"{label}sum of rows = {number_text(step.channel_totals[n])}\n")
    if labelled:
        parts = " + ".join(number_text(t) for t in step.channel_totals)
        text.append(f"channels: {parts} = {number_text(step.total)}, then ")
    text.append(f"{number_text(step.total)} + bias {number_text(step.bias)} = ")
    text.append(number_text(step.result), style="bold reverse")
    return text


class Arithmetic(SteadyStatic):
    """Shows `arithmetic_text` for the current step."""

    def show_step(self, step: Step) -> None:
        self.show(arithmetic_text(step))
