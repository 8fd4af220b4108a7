"""Live counters beside a stepping scene: kernels and parameters used so far, and the dense bill."""

from __future__ import annotations

from dataclasses import dataclass

from rich.text import Text

from ...engine import ParameterCounts, fmt
from .steady_static import SteadyStatic


@dataclass(frozen=True)
class Tally:
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


class Counter(SteadyStatic):
    def show_tally(self, mode: str, tally: Tally, counts: ParameterCounts) -> None:
        self.show(counter_text(mode, tally, counts))
