"""Parameter counts: published figures, PyTorch's own counts, and the breakdown lines."""

from __future__ import annotations

import json
from pathlib import Path

import pytest
from hypothesis import given

from tests.strategies import layers
from tutor.engine import ConvLayer, count_parameters
from tutor.engine.geometry import pytorch_line

TORCH_COUNTS = json.loads((Path(__file__).parent / "data" / "torch_counts.json").read_text())


def layer_from_case(case: dict) -> ConvLayer:
    return ConvLayer(
        height=case["size"],
        width=case["size"],
        channels=case["channels"],
        kernel=case["kernel"],
        filters=case["filters"],
        stride=case["stride"],
        padding=case["padding"],
        dilation=case["dilation"],
        groups=case["groups"],
        bias=case["bias"],
    )


@pytest.mark.parametrize(
    ("layer", "shared"),
    [
        (ConvLayer(height=227, width=227, channels=3, kernel=11, filters=96, stride=4), 34_944),
        (
            ConvLayer(
                height=224,
                width=224,
                channels=3,
                kernel=7,
                filters=64,
                stride=2,
                padding=3,
                bias=False,
            ),
            9_408,
        ),
        (ConvLayer(height=32, width=32, channels=1, kernel=5, filters=6), 156),
        (ConvLayer(height=224, width=224, channels=3, kernel=3, filters=64, padding=1), 1_792),
    ],
    ids=["alexnet-conv1", "resnet18-conv1", "lenet5-c1", "vgg16-conv1_1"],
)
def test_published_shared_counts(layer: ConvLayer, shared: int) -> None:
    assert count_parameters(layer).shared.total == shared


def test_the_seed_question_numbers() -> None:
    counts = count_parameters(
        ConvLayer(height=227, width=227, channels=3, kernel=11, filters=96, stride=4)
    )
    assert counts.unshared.total == 105_705_600
    assert counts.shared.weights == 34_848 and counts.shared.biases == 96
    assert counts.dense.total == 44_892_355_200
    assert type(counts.dense.total) is int
    assert counts.unshared.lines == (
        "55 x 55 x 96 = 290,400 neurons",
        "11 x 11 x 3 = 363 weights per kernel",
        "363 + 1 bias = 364 parameters per kernel",
        "290,400 x 364 = 105,705,600",
    )
    assert counts.as_dict() == {
        "output": {"h": 55, "w": 55, "c": 96},
        "shared": {"weights": 34_848, "biases": 96, "total": 34_944},
        "unshared": {"weights": 105_415_200, "biases": 290_400, "total": 105_705_600},
        "dense": {"weights": 44_892_064_800, "biases": 290_400, "total": 44_892_355_200},
    }


@pytest.mark.parametrize("case", TORCH_COUNTS, ids=[c["name"] for c in TORCH_COUNTS])
def test_counts_equal_pytorch_modules(case: dict) -> None:
    """nn.Conv2d and nn.Linear parameter counts recorded by tests/tools/make_torch_cases.py."""
    layer = layer_from_case(case)
    counts = count_parameters(layer)
    assert [layer.filters, layer.out_height, layer.out_width] == case["output"]
    assert counts.shared.total == case["conv_parameters"]
    assert counts.dense.total == case["dense_parameters"]


@given(layer=layers())
def test_unshared_is_shared_once_per_position(layer: ConvLayer) -> None:
    counts = count_parameters(layer)
    positions = layer.out_height * layer.out_width
    assert counts.unshared.total == counts.shared.total * positions
    assert counts.shared.biases == (layer.filters if layer.bias else 0)
    for scheme in counts.schemes:
        assert scheme.total == scheme.weights + scheme.biases
        assert f"{scheme.total:,}" in scheme.lines[-1]


def test_no_bias_removes_biases_everywhere() -> None:
    counts = count_parameters(
        ConvLayer(height=5, width=5, channels=2, kernel=3, filters=4, bias=False)
    )
    assert [s.biases for s in counts.schemes] == [0, 0, 0]
    assert counts.shared.lines[1] == "no bias: 18 parameters per kernel"


def test_the_split_cs231n_gives_and_the_shape_pytorch_stores() -> None:
    alexnet = ConvLayer(height=227, width=227, channels=3, kernel=11, filters=96, stride=4)
    lines = count_parameters(alexnet).shared.lines
    assert lines[-1] == "34,848 weights + 96 biases = 34,944"
    assert "PyTorch shape 96 x 3 x 11 x 11 (out, in, kh, kw)" in lines
    grouped = ConvLayer(
        height=8,
        width=8,
        channels=4,
        kernel=(3, 5),
        filters=6,
        groups=2,
        padding=(1, 2),
        bias=False,
    )
    assert "PyTorch shape 6 x 2 x 3 x 5 (out, in, kh, kw)" in count_parameters(grouped).shared.lines
    assert pytorch_line(alexnet) == "nn.Conv2d(3, 96, kernel_size=11, stride=4)"
    assert pytorch_line(grouped) == (
        "nn.Conv2d(4, 6, kernel_size=(3, 5), padding=(1, 2), groups=2, bias=False)"
    )


def test_live_pytorch_counts() -> None:
    torch = pytest.importorskip("torch")
    for case in TORCH_COUNTS:
        conv = torch.nn.Conv2d(
            case["channels"],
            case["filters"],
            case["kernel"],
            case["stride"],
            case["padding"],
            case["dilation"],
            case["groups"],
            case["bias"],
            device="meta",
        )
        shared = sum(p.numel() for p in conv.parameters())
        assert count_parameters(layer_from_case(case)).shared.total == shared


def test_one_filter_reads_as_one_filter_and_says_nothing_twice() -> None:
    layer = ConvLayer(height=6, width=6, channels=1, kernel=3, filters=1)
    lines = count_parameters(layer).shared.lines
    assert lines[-1] == "1 filter x 10 = 10"
    assert "9 + 1 bias = 10 parameters per kernel" in lines
    assert "9 weights + 1 bias = 10" not in lines, "the kernel's line says it already"
    assert len(set(lines)) == len(lines)
    assert layer.describe().startswith("input 6 x 6 x 1, 1 filter of 3 x 3 x 1")
