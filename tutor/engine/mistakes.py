"""The numbers a learner gets from the classic slips, so a wrong answer can be recognised.

Each slip is recomputed with the engine on a changed layer (no bias, depth 1, one filter, ...),
never guessed: if a learner's number equals one of these, the quiz can name the slip.
"""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import replace

from .counts import parameters_per_kernel, weights_per_kernel
from .geometry import ConvLayer, LayerError
from .quantities import QUANTITIES

SLIPS: tuple[str, ...] = (
    "forgot_bias",
    "one_bias_for_layer",
    "forgot_depth",
    "forgot_filters",
    "counted_filters_as_kernels",
    "used_input_size",
    "swapped_axes",
    "forgot_padding",
    "ignored_stride",
)
"""Names of the slips this module can recognise, in the order they are tried."""
SLIP_LABELS: dict[str, str] = {
    "forgot_bias": "left out the biases",
    "one_bias_for_layer": "one bias for the whole layer",
    "forgot_depth": "forgot the input depth",
    "forgot_filters": "counted one filter only",
    "counted_filters_as_kernels": "counted filters as kernels (as if shared)",
    "used_input_size": "used the input size for the output's",
    "swapped_axes": "swapped rows and columns",
    "forgot_padding": "left out the padding",
    "ignored_stride": "ignored the stride",
}
"""Each slip in a few words, for a teacher's report of a class."""

_CHANGED_LAYER: dict[str, Callable[[ConvLayer], ConvLayer]] = {
    "forgot_bias": lambda layer: replace(layer, bias=False),
    "forgot_depth": lambda layer: replace(layer, channels=layer.groups),
    "forgot_filters": lambda layer: replace(layer, filters=layer.groups),
    "forgot_padding": lambda layer: replace(layer, padding=(0, 0)),
    "ignored_stride": lambda layer: replace(layer, stride=(1, 1)),
}


def _as_if_input_sized(quantity: str, layer: ConvLayer) -> int | None:
    """The answer if the output were as large as the input: H x W instead of H_out x W_out
    (as if the kernel did not have to fit)."""
    slice_neurons = layer.height * layer.width
    neurons = slice_neurons * layer.filters
    per_neuron = {
        "output_height": layer.height,
        "output_width": layer.width,
        "neurons_per_slice": slice_neurons,
        "total_neurons": neurons,
        "unshared_kernels": neurons,
        "unshared_weights": neurons * weights_per_kernel(layer),
        "unshared_biases": neurons if layer.bias else 0,
        "unshared_total": neurons * parameters_per_kernel(layer),
    }
    return per_neuron.get(quantity)


def _as_if_shared(quantity: str, layer: ConvLayer) -> int | None:
    """The unshared quantity counted as if the filters' kernels were the only ones."""
    if not quantity.startswith("unshared_"):
        return None
    return QUANTITIES["shared_" + quantity.removeprefix("unshared_")].value(layer)


def _with_one_bias(quantity: str, layer: ConvLayer) -> int | None:
    """A scheme's total counted with a single bias for the whole layer."""
    if not (quantity.endswith("_total") and layer.bias):
        return None
    return QUANTITIES[quantity.removesuffix("_total") + "_weights"].value(layer) + 1


def _swapped(quantity: str, layer: ConvLayer) -> int | None:
    """The output's other side: rows where columns were asked, or columns for rows."""
    other = {"output_height": layer.out_width, "output_width": layer.out_height}
    return other.get(quantity)


_COMPUTED: dict[str, Callable[[str, ConvLayer], int | None]] = {
    "used_input_size": _as_if_input_sized,
    "counted_filters_as_kernels": _as_if_shared,
    "one_bias_for_layer": _with_one_bias,
    "swapped_axes": _swapped,
}


def slip_values(quantity: str, layer: ConvLayer) -> dict[str, int]:
    """Slip name -> the number that slip gives, for slips that give a number other than the truth.

    When two slips give the same number the first in `SLIPS` order keeps it.
    """
    ask = QUANTITIES[quantity]
    truth = ask.value(layer)
    found: dict[str, int] = {}
    for slip in SLIPS:
        if slip in _COMPUTED:
            value = _COMPUTED[slip](quantity, layer)
        else:
            try:
                value = ask.value(_CHANGED_LAYER[slip](layer))
            except LayerError:
                continue  # the slip describes an impossible layer: nobody computes that
        if value is not None and value != truth and value not in found.values():
            found[slip] = value
    return found
