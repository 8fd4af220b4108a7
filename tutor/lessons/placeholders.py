"""Filling {placeholders} in question text from a layer, without ever evaluating anything.

Only the names listed here exist; a lesson naming anything else is refused when it is loaded.
"""

from __future__ import annotations

import difflib
import re

from ..engine import QUANTITIES, ConvLayer, fmt
from ..engine.geometry import LAYER_FIELDS, Pair
from ..engine.words import article_for, singular
from .reader import LessonError

_PLACEHOLDER = re.compile(r"\{([^{}]*)\}")
_IN_CONTEXT = re.compile(r"(?:\b([Aa]n?) )?\{([^{}]*)\}(?:( )([a-z]+)\b)?")
"""A placeholder with the article before it and the word after it, if any: "a {kernel}"
must read "an 11 x 11", "{filters} filters" must read "1 filter"."""

LAYER_WORDS = ("layer", "input", *(field for field in LAYER_FIELDS if field != "bias"), "output")
"""A layer's words: its description, its input and output shapes, and each of its sizes."""
PLACEHOLDERS = frozenset(LAYER_WORDS) | frozenset(QUANTITIES)


def pair_words(pair: Pair) -> str:
    """(2, 2) as "2"; (1, 2) as "1 (rows) and 2 (columns)"."""
    return str(pair[0]) if pair[0] == pair[1] else f"{pair[0]} (rows) and {pair[1]} (columns)"


def placeholders_in(text: str) -> list[str]:
    return _PLACEHOLDER.findall(text)


def layer_word(name: str, layer: ConvLayer) -> str:
    """A placeholder's text for this layer: one of its sizes, or a named quantity's value.
    Only the names a text uses are worked out: some quantities take real work on a layer as
    large as a real network."""
    if name in QUANTITIES:
        return fmt(QUANTITIES[name].value(layer))
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
    return words[name]


def fill(text: str, layer: ConvLayer | None) -> str:
    """Replace each {name} with its value for `layer`; text without placeholders is unchanged.

    The words around a value agree with it: "a {kernel}" reads "an 11 x 11", and a plural
    count noun after a value of 1 turns singular ("{filters} filters" reads "1 filter"). A
    text that starts with a placeholder still starts with a capital: "{layer}. How many..."
    reads "Input 227 x 227 x 3, ...".
    """
    if layer is None:
        return text

    def filled(match: re.Match[str]) -> str:
        article, name, space, word = match.groups()
        if name not in PLACEHOLDERS:
            return match.group(0)
        value = layer_word(name, layer)
        before = ""
        if article:
            agreed = article_for(value)
            before = f"{agreed.capitalize() if article[0] == 'A' else agreed} "
        after = space + (singular(word) if value == "1" else word) if word else ""
        return before + value + after

    result = _IN_CONTEXT.sub(filled, text)
    return result[:1].upper() + result[1:] if text.startswith("{") else result


def check_placeholders(texts: dict[str, str], has_layer: bool, owner: str = "question") -> None:
    for where, text in texts.items():
        for name in placeholders_in(text):
            if name not in PLACEHOLDERS:
                hint = difflib.get_close_matches(name, PLACEHOLDERS, n=1)
                also = f" (did you mean {{{hint[0]}}}?)" if hint else ""
                raise LessonError(where, f"{{{name}}} is not a known placeholder{also}")
            if not has_layer:
                raise LessonError(where, f"uses {{{name}}} but the {owner} has no layer")
