"""What a scene shows: the facts fixed while it is open, and the frame of one moment.

The screen owns the stepper. It turns it into `SceneFacts` once (the layer, every value as
text, how wide each grid's cells are) and, after every key, into a `SceneFrame`: the step,
what is computed so far, the tally, the traced weight and whether the pass is playing. The
layout is a function of a frame and a width, nothing else.
"""

from __future__ import annotations

from typing import NamedTuple

import numpy as np

from ...engine import ConvLayer, ParameterCounts, Step, Stepper, WeightReach, count_parameters
from .lines import Cell
from .numbers import number_text, widest

PADDING = "·"
"""An input cell of the zero padding: taps on it read 0."""
PENDING = "?"
"""An output neuron not computed yet."""


class SceneFacts(NamedTuple):
    """Everything about a scene that no step changes."""

    layer: ConvLayer
    mode: str
    panels: tuple[str, ...]
    counts: ParameterCounts
    steps: int
    inputs: tuple[tuple[tuple[str, ...], ...], ...]
    """Per input channel, padded: every cell's text, row by row (padding drawn as PADDING)."""
    padding: np.ndarray
    """(rows, cols) of a padded channel: True on the padding."""
    outputs: np.ndarray
    """(F, H_out, W_out): every neuron's result as text, shown once computed."""
    kernel_names: np.ndarray
    """(F, H_out, W_out): the kernel that makes each neuron, as `kernel_name` writes it."""
    input_width: int
    kernel_width: int
    output_width: int
    """Columns for a cell of each kind of grid: its widest value, so nothing moves as the
    pass goes on."""
    name_width: int
    """Columns for an output cell showing its kernel's name."""


class Tally(NamedTuple):
    """How far the pass is: neurons computed (of all), distinct kernels and parameters used."""

    neurons: int
    of: int
    kernels: int
    parameters: int


class SceneFrame(NamedTuple):
    """One moment of the pass: everything the layout draws, and nothing else."""

    facts: SceneFacts
    step: Step
    computed: np.ndarray
    """(F, H_out, W_out): True for the neurons computed so far."""
    tally: Tally
    traced: Cell | None = None
    reach: WeightReach | None = None
    playing: bool = False
    speed: float = 2.0
    names: bool = False
    """Whether the output cells show which kernel made each neuron instead of its value."""


def kernel_name(mode: str, kernel_id: int) -> str:
    """W1, W2, ... for a filter's shared kernel; #1, #2, ... for a neuron's own."""
    return f"W{kernel_id + 1}" if mode == "shared" else f"#{kernel_id + 1}"


def scene_facts(stepper: Stepper, panels: tuple[str, ...]) -> SceneFacts:
    """The facts of a stepper's scene, every number taken from the stepper."""
    layer = stepper.layer
    (pad_rows, pad_cols), (rows, cols) = layer.padding, layer.padded_shape
    padding = np.ones((rows, cols), dtype=bool)
    padding[pad_rows:pad_rows + layer.height, pad_cols:pad_cols + layer.width] = False
    inputs = []
    for channel in stepper.inputs:
        texts = np.full((rows, cols), PADDING, dtype=object)
        texts[~padding] = [number_text(v) for v in channel.ravel().tolist()]
        inputs.append(tuple(map(tuple, texts.tolist())))
    outputs = np.array([number_text(v) for v in stepper.output.ravel().tolist()],
                       dtype=object).reshape(stepper.output.shape)
    names = np.array([kernel_name(stepper.mode, k) for k in stepper.kernel_ids.ravel().tolist()],
                     dtype=object).reshape(stepper.output.shape)
    return SceneFacts(
        layer=layer,
        mode=stepper.mode,
        panels=panels,
        counts=count_parameters(layer),
        steps=stepper.count,
        inputs=tuple(inputs),
        padding=padding,
        outputs=outputs,
        kernel_names=names,
        input_width=widest(stepper.inputs.ravel().tolist()),
        kernel_width=widest(stepper.weights.ravel().tolist()),
        output_width=max(widest(stepper.output.ravel().tolist()), len(PENDING)),
        name_width=max(map(len, names.ravel().tolist())),
    )


def scene_frame(facts: SceneFacts, stepper: Stepper, traced: Cell | None, playing: bool,
                speed: float, names: bool = False) -> SceneFrame:
    """The frame of the stepper's current step."""
    step = stepper.current
    reach = None
    if traced is not None:
        reach = stepper.weight_reach(step.filter, *traced, cell=(step.row, step.col))
    return SceneFrame(
        facts=facts,
        step=step,
        computed=stepper.computed(),
        tally=Tally(neurons=step.index + 1, of=stepper.count, kernels=stepper.kernels_used(),
                    parameters=stepper.parameters_used()),
        traced=traced,
        reach=reach,
        playing=playing,
        speed=speed,
        names=names,
    )
