"""`cnn-tutor params --model NAME|FILE`: a whole network, layer by layer, under the three schemes,
with the totals and where the parameters are (the end of the seed's story: AlexNet's
convolutions are a small part of it; its fully connected end is most of it)."""

from __future__ import annotations

import json
import shutil
import sys
import textwrap
from collections.abc import Sequence
from typing import Any

from ..controls import escaped
from ..engine import fmt
from ..engine.network import NetworkCount, Stage
from ..lessons.networks import NetworkError, load_network

SCHEMES = ("shared", "unshared", "dense")
HEADS = ("layer", "output", "shared", "unshared", "dense")
KIND_NAMES = {
    "conv": "convolutions",
    "linear": "fully connected layers",
    "batchnorm": "batch norm (a scale and a shift per channel)",
}


def run_network(model: str, as_json: bool) -> int:
    try:
        network = load_network(model)
    except NetworkError as error:
        print(f"cnn-tutor params: {escaped(str(error))}", file=sys.stderr)
        return 2
    if as_json:
        print(json.dumps(network_json(network)))
    else:
        print("\n".join(network_lines(network, shutil.get_terminal_size().columns)))
    return 0


def network_lines(network: NetworkCount, width: int = 80, also: Sequence[str] = ()) -> list[str]:
    """The table, then the totals in words and the sentences `also` adds, within `width`."""
    h, w, c = network.input
    rows = [HEADS] + [_row(stage) for stage in network.stages]
    rows.append(("total", "", *(fmt(network.total(scheme)) for scheme in SCHEMES)))
    sizes = [max(len(row[n]) for row in rows) for n in range(len(HEADS))]
    gap = 2 if sum(sizes) + 2 * (len(sizes) - 1) <= width else 1
    table = [
        (" " * gap)
        .join(
            cell.ljust(size) if n < 2 else cell.rjust(size)
            for n, (cell, size) in enumerate(zip(row, sizes, strict=True))
        )
        .rstrip()
        for row in rows
    ]
    table.insert(1, "-" * len(table[0]))
    table.insert(len(table) - 1, "-" * len(table[0]))
    lines = [escaped(f"{network.name}: input {h} x {w} x {c}, {len(network.stages)} layers"), ""]
    lines += [escaped(line) for line in table]
    lines.append("")
    for line in [*_where(network), *also]:
        indent = " " * (len(line) - len(line.lstrip()) + 2)
        lines += textwrap.wrap(line, width, subsequent_indent=indent, break_on_hyphens=False)
    return lines


def network_json(network: NetworkCount) -> dict[str, Any]:
    return {
        "name": network.name,
        "source": network.source,
        "input": list(network.input),
        "layers": [
            {
                "name": stage.name,
                "kind": stage.kind,
                "output": list(stage.output),
                **{scheme: getattr(stage, scheme) for scheme in SCHEMES},
            }
            for stage in network.stages
        ],
        "totals": {scheme: network.total(scheme) for scheme in SCHEMES},
        "published_total": network.published or None,
    }


def _row(stage: Stage) -> tuple[str, ...]:
    h, w, c = stage.output
    return (stage.name, f"{h}x{w}x{c}", *(fmt(getattr(stage, scheme)) for scheme in SCHEMES))


def _where(network: NetworkCount) -> list[str]:
    """The totals said in words: against the published figure, by kind of layer, and what the
    fully connected end asks of the input."""
    total = network.total("shared")
    lines = []
    if network.published:
        verdict = "the same" if network.published == total else "DIFFERENT: check the file"
        lines.append(
            f"With sharing: {fmt(total)} parameters; {network.source or 'its source'} "
            f"publishes {fmt(network.published)}: {verdict}."
        )
    parts = {kind: network.of_kind(kind) for kind in KIND_NAMES}
    if sum(1 for part in parts.values() if part) > 1:  # where the parameters are, by kind
        lines += [
            f"  {KIND_NAMES[kind]}: {fmt(part)} ({100 * part / total:.1f} %)"
            for kind, part in parts.items()
            if part
        ]
    convs = network.of_kind("conv", "unshared")
    if convs:
        lines.append(
            f"Without sharing the convolutions alone would need {fmt(convs)} "
            f"({convs / max(1, network.of_kind('conv')):,.0f} times as many)."
        )
    lines += _fixed_input(network)
    return [escaped(line) for line in lines]


def _fixed_input(network: NetworkCount) -> list[str]:
    stages = network.stages
    first = next((n for n, stage in enumerate(stages) if stage.kind == "linear"), None)
    if first is None or first == 0:
        return []
    h, w, c = stages[first - 1].output
    said = (
        f"{stages[first].name} takes {fmt(h * w * c)} inputs ({h} x {w} x {c}): a different "
        "map size there would need different weights, so a network that ends in fully "
        "connected layers needs a fixed input size"
    )
    if any(stage.kind == "resize" for stage in stages[:first]):
        said += f" (here an adaptive pooling resizes the map to {h} x {w} first)"
    return [said + "."]
