"""One sentence per classic slip, said when a wrong answer equals the number that slip gives."""

from __future__ import annotations

from ..engine import ConvLayer, fmt
from ..engine.counts import total_neurons
from ..engine.geometry import format_pair
from ..engine.words import plural


def slip_sentence(slip: str, layer: ConvLayer, quantity: str = "") -> str:
    """Why a learner who made `slip` got the number they typed, in this layer's terms."""
    kh, kw = layer.kernel
    if slip == "used_input_size" and quantity in ("output_height", "output_width"):
        side = "height" if quantity == "output_height" else "width"
        return (
            f"That is the input's {side}: the kernel has to fit inside the input, so the "
            "output is smaller: (N + 2P - K) / S + 1."
        )
    sentences = {
        "forgot_bias": "That leaves out the biases: every kernel also has 1 bias of its own.",
        "one_bias_for_layer": (
            "That counts one bias for the whole layer: every kernel has a bias of its own, "
            f"{fmt(_kernels(quantity, layer))} of them here."
        ),
        "forgot_depth": (
            f"That treats the kernel as flat: it reaches through "
            f"{plural(layer.channels_per_group, 'input channel')}, so it has {kh} x {kw} x "
            f"{layer.channels_per_group} weights."
        ),
        "forgot_filters": f"That is one filter's worth: there are {layer.filters} filters.",
        "counted_filters_as_kernels": (
            f"That counts {layer.filters} kernels, as if the weights were shared. Without "
            f"sharing every one of the {fmt(total_neurons(layer))} output neurons has its own."
        ),
        "used_input_size": (
            f"That uses the input size ({layer.height} x {layer.width}) where the output size "
            f"({layer.out_height} x {layer.out_width}) belongs: one neuron per output position."
        ),
        "swapped_axes": (
            "That is the other side of the output: rows follow from the input's height and "
            "the kernel's height, columns from the widths."
        ),
        "forgot_padding": (
            f"That leaves out the padding: add 2 x {format_pair(layer.padding)} to the input "
            "size first."
        ),
        "ignored_stride": (
            f"That ignores the stride: the window jumps {format_pair(layer.stride)} cells at "
            "a time."
        ),
    }
    return sentences[slip]


def _kernels(quantity: str, layer: ConvLayer) -> int:
    """Biases in the scheme a total belongs to: one per filter when shared, else one per
    output neuron."""
    return layer.filters if quantity.startswith("shared_") else total_neurons(layer)
