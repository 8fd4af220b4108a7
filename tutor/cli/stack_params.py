"""`cnn-tutor params --input HxWxC --layers "k3 f64 p1, k3 f64 p1"`: several convolutions, each
reading the one before, counted layer by layer with the stack's receptive field.

The compact form: layers separated by commas; in each, `k` kernel (k3 or k3x5), `f` filters,
and optionally `s` stride, `p` padding, `d` dilation (each N or RxC), `g` groups and `nobias`.
"""

from __future__ import annotations

import json
import re
import shutil
import sys

from ..controls import escaped
from ..engine import LayerError
from ..engine.network import NetworkCount, Stage, conv_stage
from ..engine.sizes import SizeError, pair, whole
from ..engine.stack import receptive_field
from .network_params import network_json, network_lines

_SETTING = re.compile(r"(?P<key>k|f|s|p|d|g)(?P<value>\S+)")
MAX_LAYERS = 50


class StackError(ValueError):
    """A stack that cannot be read or built: the message names the layer (from 1)."""


def read_stack(text: str, shape: tuple[int, int, int]) -> NetworkCount:
    specs = [part.strip() for part in text.split(",")]
    if not specs or len(specs) > MAX_LAYERS or any(not spec for spec in specs):
        raise StackError(f"--layers takes 1 to {MAX_LAYERS} layers separated by commas")
    stages: list[Stage] = []
    for n, spec in enumerate(specs, start=1):
        try:
            stages.append(_layer(spec, f"layer{n}", stages[-1].output if stages else shape))
        except (SizeError, LayerError) as error:
            raise StackError(f"layer {n} ({spec}): {error}") from None
    return NetworkCount("Stack", shape, tuple(stages))


def _layer(spec: str, name: str, shape: tuple[int, int, int]) -> Stage:
    settings: dict[str, str] = {}
    bias = True
    for token in spec.split():
        if token == "nobias":
            bias = False
            continue
        match = _SETTING.fullmatch(token)
        if match is None or match["key"] in settings:
            raise SizeError(f"{token!r} is not k, f, s, p, d, g followed by a size, or nobias")
        settings[match["key"]] = match["value"]
    missing = [key for key in ("k", "f") if key not in settings]
    if missing:
        raise SizeError(f"needs {' and '.join(missing)} (kernel k3, filters f64)")
    return conv_stage(
        name,
        shape,
        whole(settings["f"]),
        pair(settings["k"]),
        stride=pair(settings.get("s", "1")),
        padding=pair(settings.get("p", "0")),
        dilation=pair(settings.get("d", "1")),
        groups=whole(settings.get("g", "1")),
        bias=bias,
    )


def run_stack(text: str, shape: tuple[int, int, int], as_json: bool) -> int:
    try:
        stack = read_stack(text, shape)
    except StackError as error:
        print(f"cnn-tutor params: {escaped(str(error))}", file=sys.stderr)
        return 2
    layers = [stage.layer for stage in stack.stages if stage.layer is not None]
    rows, cols = receptive_field(layers)
    if as_json:
        print(json.dumps({**network_json(stack), "receptive_field": [rows, cols]}))
        return 0
    field = (
        f"Receptive field: one neuron of the last layer sees {rows} x {cols} input cells "
        "(padding included)."
    )
    print("\n".join(network_lines(stack, shutil.get_terminal_size().columns, [field])))
    return 0
