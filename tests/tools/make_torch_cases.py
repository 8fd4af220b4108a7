"""Regenerate tests/data/*.json from PyTorch (needs torch; the test suite itself does not).

    python -m tests.tools.make_torch_cases

Stores inputs, weights and PyTorch's own outputs and parameter counts, so the suite can check
the engine against PyTorch on machines where PyTorch is not installed.
"""

from __future__ import annotations

import json
from pathlib import Path

import numpy as np
import torch

from tutor.engine import ConvLayer, LayerError

DATA = Path(__file__).resolve().parent.parent / "data"


def random_layers(rng: np.random.Generator, count: int) -> list[ConvLayer]:
    """Varied valid layers; impossible draws are simply skipped."""
    found: list[ConvLayer] = []
    while len(found) < count:
        groups = int(rng.choice([1, 1, 2, 3]))

        def pick(low: int, high: int) -> tuple[int, int]:
            return (int(rng.integers(low, high + 1)), int(rng.integers(low, high + 1)))

        try:
            found.append(
                ConvLayer(
                    height=int(rng.integers(1, 10)),
                    width=int(rng.integers(1, 10)),
                    channels=groups * int(rng.integers(1, 3)),
                    kernel=pick(1, 5),
                    filters=groups * int(rng.integers(1, 3)),
                    stride=pick(1, 5),
                    padding=pick(0, 4),
                    dilation=pick(1, 3),
                    groups=groups,
                    bias=bool(rng.integers(0, 2)),
                )
            )
        except LayerError:
            continue
    return found


def conv_cases(count: int) -> list[dict]:
    rng = np.random.default_rng(2026)
    cases = []
    for number, layer in enumerate(random_layers(rng, count)):
        exact = number % 2 == 0
        draw = (
            (lambda shape: rng.integers(-9, 10, shape).astype(float))
            if exact
            else (rng.standard_normal)
        )
        x = draw((layer.channels, layer.height, layer.width))
        w = draw((layer.filters, layer.channels_per_group, *layer.kernel))
        b = draw((layer.filters,)) if layer.bias else None
        geometry = {
            "stride": layer.stride,
            "padding": layer.padding,
            "dilation": layer.dilation,
            "groups": layer.groups,
        }
        out = torch.nn.functional.conv2d(
            torch.from_numpy(x)[None],
            torch.from_numpy(w),
            None if b is None else torch.from_numpy(b),
            **geometry,
        )[0].numpy()
        cases.append(
            {
                "geometry": {
                    k: list(v) if isinstance(v, tuple) else v for k, v in geometry.items()
                },
                "x": x.tolist(),
                "w": w.tolist(),
                "b": None if b is None else b.tolist(),
                "out": out.tolist(),
                "exact": exact,
            }
        )
    return cases


COUNT_LAYERS = [
    # (name, in, out, kernel, stride, padding, dilation, groups, bias, input size)
    ("alexnet_conv1", 3, 96, 11, 4, 0, 1, 1, True, 227),
    ("resnet18_conv1", 3, 64, 7, 2, 3, 1, 1, False, 224),
    ("lenet5_c1", 1, 6, 5, 1, 0, 1, 1, True, 32),
    ("vgg16_conv1_1", 3, 64, 3, 1, 1, 1, 1, True, 224),
    ("grouped", 12, 8, (3, 5), (2, 1), (1, 2), (2, 1), 4, True, 20),
    ("depthwise", 32, 32, 3, 1, 1, 1, 32, False, 56),
    ("pointwise", 64, 128, 1, 1, 0, 1, 1, True, 28),
    ("dilated", 8, 16, 3, 1, 2, 2, 1, True, 17),
]


def count_cases() -> list[dict]:
    cases = []
    for name, c_in, c_out, k, s, p, d, g, bias, size in COUNT_LAYERS:
        conv = torch.nn.Conv2d(c_in, c_out, k, s, p, d, g, bias, device="meta")
        out = conv(torch.empty(1, c_in, size, size, device="meta")).shape
        dense = torch.nn.Linear(
            c_in * size * size, out[1] * out[2] * out[3], bias=bias, device="meta"
        )
        cases.append(
            {
                "name": name,
                "channels": c_in,
                "filters": c_out,
                "kernel": k,
                "stride": s,
                "padding": p,
                "dilation": d,
                "groups": g,
                "bias": bias,
                "size": size,
                "output": list(out[1:]),
                "conv_parameters": sum(t.numel() for t in conv.parameters()),
                "dense_parameters": sum(t.numel() for t in dense.parameters()),
            }
        )
    return cases


if __name__ == "__main__":
    DATA.mkdir(exist_ok=True)
    (DATA / "torch_conv_cases.json").write_text(json.dumps(conv_cases(48)))
    (DATA / "torch_counts.json").write_text(json.dumps(count_cases(), indent=1))
    print("wrote", *sorted(p.name for p in DATA.glob("*.json")))
