"""The numbers a learner gets from the classic slips of working one neuron out by hand.

A lesson may ask for a prediction of a neuron before the tutor shows it. Each slip here is
recomputed from the step's own numbers (no bias, one channel, every sign dropped), so a wrong
prediction that equals one of them can be named, and counted in a teacher's report.
"""

from __future__ import annotations

from typing import TYPE_CHECKING

if TYPE_CHECKING:  # the progress file names these slips: reading it must not import NumPy
    from .stepper import Step

NEURON_SLIPS: tuple[str, ...] = ("left_out_bias", "one_channel_only", "dropped_signs")
"""Names of the slips recognised, in the order they are tried."""
NEURON_SLIP_LABELS: dict[str, str] = {
    "left_out_bias": "left the bias out of a neuron",
    "one_channel_only": "added up one input channel only",
    "dropped_signs": "dropped the minus signs",
}


def neuron_slip_values(step: Step) -> dict[int, str]:
    """The wrong number each slip gives for this neuron (the first slip keeps a number two
    slips share); a slip that happens to give the right number is left out."""
    bias, result = int(step.bias), int(step.result)
    candidates: list[tuple[str, int]] = [("left_out_bias", int(step.total))]
    if len(step.channels) > 1:
        totals = step.channel_totals.tolist()
        candidates += [("one_channel_only", int(total) + bias) for total in totals]
        candidates += [("one_channel_only", int(total)) for total in totals]
    unsigned = abs(step.weights * step.inputs).sum()
    candidates.append(("dropped_signs", int(unsigned) + abs(bias)))
    values: dict[int, str] = {}
    for slip, value in candidates:
        if value != result:
            values.setdefault(value, slip)
    return values
