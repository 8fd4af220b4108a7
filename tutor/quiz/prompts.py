"""Filling {placeholders} in question text from a layer, without ever evaluating anything.

Only the names listed here exist; a lesson naming anything else is refused when it is loaded.
"""

from __future__ import annotations

import re

from ..engine import QUANTITIES, ConvLayer, fmt
from ..engine.geometry import Pair

_PLACEHOLDER = re.compile(r"\{([^{}]*)\}")

LAYER_WORDS = (
    "layer", "input", "height", "width", "channels", "kernel", "filters",
    "stride", "padding", "dilation", "groups", "output",
)
PLACEHOLDERS = frozenset(LAYER_WORDS) | frozenset(QUANTITIES)


def pair_words(pair: Pair) -> str:
    """(2, 2) as "2"; (1, 2) as "1 (rows) and 2 (columns)"."""
    return str(pair[0]) if pair[0] == pair[1] else f"{pair[0]} (rows) and {pair[1]} (columns)"


def placeholders_in(text: str) -> list[str]:
    return _PLACEHOLDER.findall(text)


def layer_words(layer: ConvLayer) -> dict[str, str]:
    """Every placeholder's text for this layer: its sizes, and each named quantity's value."""
    h, w, c = layer.output_shape
    words = {
        "layer": layer.describe(),
        "input": f"{layer.height} x {layer.width} x {layer.channels}",
        "height": str(layer.height),
        "width": str(layer.width),
        "channels": str(layer.channels),
        "kernel": f"{layer.kernel[0]} x {layer.kernel[1]}",
        "filters": str(layer.filters),
        "stride": pair_words(layer.stride),
        "padding": pair_words(layer.padding),
        "dilation": pair_words(layer.dilation),
        "groups": str(layer.groups),
        "output": f"{h} x {w} x {c}",
    }
    words.update({name: fmt(q.value(layer)) for name, q in QUANTITIES.items()})
    return words


def fill(text: str, layer: ConvLayer | None) -> str:
    """Replace each {name} with its value for `layer`; text without placeholders is unchanged."""
    if layer is None:
        return text
    words = layer_words(layer)
    return _PLACEHOLDER.sub(lambda match: words.get(match.group(1), match.group(0)), text)
