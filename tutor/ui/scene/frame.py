"""What a scene shows: the facts fixed while it is open, and the frame of one moment.

The screen owns the stepper. It turns it into `SceneFacts` once (the layer, every value as
text, how wide each grid's cells are) and, after every key, into a `SceneFrame`: the step,
what is computed so far, the tally, the traced weight and whether the pass is playing. The
layout is a function of a frame and a width, nothing else.
"""

from __future__ import annotations

from typing import NamedTuple

import numpy as np

from ...engine import (
    ConvLayer,
    ParameterCounts,
    Step,
    Stepper,
    WeightReach,
    conv_matrix,
    count_parameters,
    distinct_weights,
    matrix_labels,
)
from ...engine.matrix import SCHEMES, Scheme
from .lines import Cell
from .numbers import number_text, widest

PADDING = "·"
"""An input cell of the zero padding: taps on it read 0."""
PENDING = "?"
"""An output neuron not computed yet."""
UNWIRED = "·"
"""An entry of a layer's matrix where the neuron is not wired to that input."""


class Matrix(NamedTuple):
    """One scheme's matrix M of the layer: which weight each entry is, and how many."""

    scheme: Scheme
    labels: np.ndarray
    """(neurons, input values): the weight's number, 0 where not wired."""
    entries: int
    distinct: int
    off_the_input: int
    """The scheme's weights that have no entry: an unshared kernel's taps over padding."""


class SceneFacts(NamedTuple):
    """Everything about a scene that no step changes."""

    layer: ConvLayer
    mode: str
    owner: Scheme
    """Whose weights the screen says each neuron uses (`weights_owner`)."""
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
    matrices: tuple[Matrix, ...] = ()
    """The layer as M under each scheme whose matrix panel is shown."""
    star_columns: bool = False
    """Whether input cells have a column each for a traced weight's star: when the scene
    still fits 80 x 24 with them (`layout.with_star_columns`)."""
    matrix_sums: tuple[str, ...] = ()
    """With a matrix panel: M x for every neuron (its row times x), computed from M."""
    matrix_outputs: tuple[str, ...] = ()
    """With a matrix panel: M x + b for every neuron, computed from M."""


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
    hidden: bool = False
    """Whether the current neuron's value and sums are withheld: the learner is predicting it."""
    counts_hidden: bool = False
    """Whether the tally's kernels and parameters are withheld: the learner is predicting one."""


def weights_owner(mode: str, schemes: list[Scheme]) -> Scheme:
    """Whose weights a neuron uses, as the page tells it: its filter's ("shared"), its own
    kernel ("unshared") or its own full row of M ("dense"). A page of M without the
    convolution's M computes with the scene's kernel but is about the scheme it draws, so it
    names the weights as that scheme does."""
    if mode == "unshared":
        return "unshared"
    if not schemes or "shared" in schemes:
        return "shared"
    return schemes[0]


def kernel_name(owner: Scheme, number: int) -> str:
    """W1, W2, ... for a filter's shared kernel; #1, #2, ... for a neuron's own kernel; row1,
    row2, ... for a neuron's own row of a fully connected M. `number` counts from 0."""
    prefix = {"shared": "W", "unshared": "#", "dense": "row"}[owner]
    return f"{prefix}{number + 1}"


def scene_facts(stepper: Stepper, panels: tuple[str, ...]) -> SceneFacts:
    """The facts of a stepper's scene, every number taken from the stepper."""
    layer = stepper.layer
    (pad_rows, pad_cols), (rows, cols) = layer.padding, layer.padded_shape
    padding = np.ones((rows, cols), dtype=bool)
    padding[pad_rows : pad_rows + layer.height, pad_cols : pad_cols + layer.width] = False
    inputs = []
    for channel in stepper.inputs:
        texts = np.full((rows, cols), PADDING, dtype=object)
        texts[~padding] = [number_text(v) for v in channel.ravel().tolist()]
        inputs.append(tuple(map(tuple, texts.tolist())))
    outputs = np.array(
        [number_text(v) for v in stepper.output.ravel().tolist()], dtype=object
    ).reshape(stepper.output.shape)
    schemes = [scheme for scheme in SCHEMES if f"{scheme}-matrix" in panels]
    owner = weights_owner(stepper.mode, schemes)
    numbers = stepper.kernel_ids if owner == stepper.mode else np.arange(stepper.output.size)
    names = np.array(
        [kernel_name(owner, k) for k in numbers.ravel().tolist()], dtype=object
    ).reshape(stepper.output.shape)
    matrices, matrix_sums, matrix_outputs = (
        layer_as_matrices(stepper, schemes) if schemes else ((), (), ())
    )
    return SceneFacts(
        layer=layer,
        mode=stepper.mode,
        owner=owner,
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
        matrices=matrices,
        matrix_sums=matrix_sums,
        matrix_outputs=matrix_outputs,
    )


def layer_as_matrices(
    stepper: Stepper, schemes: list[Scheme]
) -> tuple[tuple[Matrix, ...], tuple[str, ...], tuple[str, ...]]:
    """The layer's M under each of `schemes`, and every neuron's M x and output M x + b (with
    the convolution's M: the weights are the scene's)."""
    layer, counts = stepper.layer, count_parameters(stepper.layer)
    matrices = []
    for scheme in schemes:
        labels = matrix_labels(layer, scheme)
        distinct = distinct_weights(labels)
        matrices.append(
            Matrix(
                scheme,
                labels,
                int((labels > 0).sum()),
                distinct,
                getattr(counts, scheme).weights - distinct,
            )
        )
    sums = (
        conv_matrix(
            stepper.weights,
            (layer.height, layer.width),
            stride=layer.stride,
            padding=layer.padding,
            dilation=layer.dilation,
        )
        @ stepper.inputs.ravel()
    )
    outputs = sums
    if stepper.biases is not None:
        outputs = sums + np.repeat(stepper.biases, layer.out_height * layer.out_width)
    return (
        tuple(matrices),
        tuple(number_text(v) for v in sums.tolist()),
        tuple(number_text(v) for v in outputs.tolist()),
    )


def scene_frame(
    facts: SceneFacts,
    stepper: Stepper,
    traced: Cell | None,
    playing: bool,
    speed: float,
    names: bool = False,
    hidden: bool = False,
    walked: int = 0,
    counts_hidden: bool = False,
) -> SceneFrame:
    """The frame of the stepper's current step; `hidden` withholds the current neuron.
    Every neuron up to step `walked` (or the current step, if further) shows as computed."""
    step = stepper.current
    upto = max(walked, step.index)
    reach = None
    if traced is not None and facts.owner != "dense":  # a full row of M is no kernel's
        reach = stepper.weight_reach(
            step.filter, *traced, cell=(step.row, step.col), mode=facts.owner
        )
    computed = stepper.computed(upto)
    if hidden:
        computed[step.filter, step.row, step.col] = False
    return SceneFrame(
        facts=facts,
        step=step,
        computed=computed,
        tally=Tally(
            neurons=upto + 1,
            of=stepper.count,
            kernels=stepper.kernels_used(upto),
            parameters=stepper.parameters_used(upto),
        ),
        traced=traced,
        reach=reach,
        playing=playing,
        speed=speed,
        names=names,
        hidden=hidden,
        counts_hidden=counts_hidden,
    )
