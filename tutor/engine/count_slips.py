"""The numbers a learner gets from the classic slips of counting what a pass has needed.

A lesson may ask how many distinct kernels (or parameters) the pass has used by some step
before the tally shows it. Each slip is the same count recomputed with the engine under the
slip's belief: the other scheme's count (the misconception this tutor is about, both ways),
or the parameters without their biases.
"""

from __future__ import annotations

from typing import TYPE_CHECKING

from .counts import weights_per_kernel

if TYPE_CHECKING:  # the progress file names these slips: reading it must not import NumPy
    from .walk import NeuronWalk

COUNT_SLIPS: tuple[str, ...] = ("as_if_shared", "one_kernel_per_neuron", "left_out_biases")
"""Names of the slips recognised, in the order they are tried."""
COUNT_SLIP_LABELS: dict[str, str] = {
    "as_if_shared": "counted kernels as if shared, without sharing",
    "one_kernel_per_neuron": "counted a kernel per neuron, with sharing",
    "left_out_biases": "left the biases out of a count",
}


def counted(walk: NeuronWalk, count: str, index: int) -> int:
    """What the tally says at step `index`: distinct kernels, or parameters, needed so far."""
    return walk.kernels_used(index) if count == "kernels" else walk.parameters_used(index)


def count_slip_values(walk: NeuronWalk, count: str, index: int) -> dict[int, str]:
    """The wrong number each slip gives for the count at step `index` (the first slip keeps a
    number two slips share); a slip that gives the right number is left out."""
    other = type(walk)(walk.layer, "unshared" if walk.mode == "shared" else "shared", walk.order)
    belief = "one_kernel_per_neuron" if walk.mode == "shared" else "as_if_shared"
    candidates = [(belief, counted(other, count, index))]
    if count == "parameters" and walk.layer.bias:
        weights = walk.kernels_used(index) * weights_per_kernel(walk.layer)
        candidates.append(("left_out_biases", weights))
    right = counted(walk, count, index)
    values: dict[int, str] = {}
    for slip, value in candidates:
        if value != right:
            values.setdefault(value, slip)
    return values
