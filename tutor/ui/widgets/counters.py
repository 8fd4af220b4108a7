"""Live counters beside a stepping scene: kernels and parameters used so far, and the dense bill."""

from __future__ import annotations

from rich.text import Text
from textual.widgets import Static

from ...engine import ParameterCounts, fmt


def counter_text(mode: str, kernels: int, parameters: int, counts: ParameterCounts) -> Text:
    """How many distinct kernels and parameters the pass has needed so far."""
    text = Text()
    text.append("Kernels so far: ")
    text.append(fmt(kernels), style="bold")
    text.append(" · parameters so far: ")
    text.append(fmt(parameters), style="bold")
    if mode == "shared":
        text.append(f" · unshared would need {fmt(counts.unshared.total)}")
    else:
        text.append(f" of {fmt(counts.unshared.total)} · shared needs {fmt(counts.shared.total)}")
    return text


def dense_text(counts: ParameterCounts) -> Text:
    text = Text("Fully connected, same input and output: ")
    text.append(fmt(counts.dense.total), style="bold")
    text.append(f"  ({' ; '.join(counts.dense.lines[2:])})")
    return text


class Counter(Static):
    def show(self, mode: str, kernels: int, parameters: int, counts: ParameterCounts) -> None:
        self.update(counter_text(mode, kernels, parameters, counts))
