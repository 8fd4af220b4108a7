"""Whole networks counted both ways (`cnn-tutor params --model`): the three shipped files give
the published parameter counts exactly, the output fits 80 columns, and a network file a
teacher writes is checked like a lesson: one line naming the file and the key."""

from __future__ import annotations

import json
import os
from pathlib import Path

import pytest

from tutor.cli import main
from tutor.cli.network_params import network_lines
from tutor.lessons.networks import MODELS, load_network

PUBLISHED = {"alexnet": 61_100_840, "vgg16": 138_357_544, "resnet18": 11_689_512}
"""torchvision's parameter counts for its alexnet, vgg16 and resnet18 (batch norm included)."""


@pytest.mark.parametrize("model", PUBLISHED)
def test_each_shipped_network_has_its_published_count(model: str) -> None:
    network = load_network(model)
    assert network.total("shared") == PUBLISHED[model] == network.published
    assert network.stages[-1].output == (1, 1, 1000)
    assert max(map(len, network_lines(network, 80))) <= 80


def test_alexnets_convolutions_are_a_small_part_of_it() -> None:
    alexnet = load_network("alexnet")
    assert alexnet.of_kind("conv") == 2_469_696 and alexnet.of_kind("linear") == 58_631_144
    conv1 = alexnet.stages[0]
    assert (conv1.output, conv1.shared, conv1.unshared) == ((55, 55, 64), 23_296, 70_470_400)
    assert load_network("resnet18").of_kind("batchnorm") == 9_600


def test_the_command_says_it_in_words(capsys: pytest.CaptureFixture[str]) -> None:
    assert main(["params", "--model", "alexnet"]) == 0
    out = " ".join(capsys.readouterr().out.split())
    assert "With sharing: 61,100,840 parameters; torchvision.models.alexnet publishes" in out
    assert "convolutions: 2,469,696 (4.0 %) fully connected layers: 58,631,144 (96.0 %)" in out
    assert "fc6 takes 9,216 inputs (6 x 6 x 256)" in out and "fixed input size" in out
    assert main(["params", "--model", "vgg16", "--json"]) == 0
    data = json.loads(capsys.readouterr().out)
    assert data["totals"]["shared"] == data["published_total"] == 138_357_544
    assert [layer["name"] for layer in data["layers"]][:3] == ["conv1_1", "conv1_2", "pool1"]


@pytest.mark.parametrize(
    ("args", "said"),
    [
        (["--model", "lenet"], "lenet: no such model (alexnet, resnet18, vgg16) or file"),
        (["--model", "alexnet", "--kernel", "3"], "--model counts a whole network: give no"),
        (["--kernel", "3"], "needs --input, --filters (or --model, or --layers)"),
    ],
)
def test_a_model_that_cannot_be_counted_is_one_line(
    capsys: pytest.CaptureFixture[str], args: list[str], said: str
) -> None:
    assert main(["params", *args]) == 2
    captured = capsys.readouterr()
    assert captured.out == "" and captured.err.count("\n") == 1 and said in captured.err


def teachers_copy(tmp_path: Path, old: str, new: str) -> Path:
    path = tmp_path / "mine.toml"
    text = (MODELS / "resnet18.toml").read_text()
    assert old in text
    path.write_text(text.replace(old, new, 1))
    return path


@pytest.mark.parametrize(
    ("old", "new", "said"),
    [
        (
            'kind = "conv"\nfilters = 64',
            'kind = "conv"\nfilterz = 64',
            "layer 1, filters: is required",
        ),
        (
            'of = ["layer2.0.bn2", "layer2.0.downsample.1"]',
            'of = ["layer2.0.bn2", "layer1.1.add"]',
            "layer 20, of: adds volumes of different shapes: 28 x 28 x 128, 56 x 56 x 64",
        ),
        ('from = "maxpool"', 'from = "nowhere"', "layer 4: reads 'nowhere', which no earlier"),
        ("kernel = 7", "kernel = 700", "layer 1, kernel: spans 700 rows, more than the padded"),
    ],
)
def test_a_teachers_network_file_is_checked(
    tmp_path: Path, capsys: pytest.CaptureFixture[str], old: str, new: str, said: str
) -> None:
    path = teachers_copy(tmp_path, old, new)
    assert main(["params", "--model", str(path)]) == 2
    err = capsys.readouterr().err
    assert err.startswith(f"cnn-tutor params: {path}: ") and said in err and err.count("\n") == 1, (
        err
    )


def test_a_copy_works_and_a_pipe_is_refused(
    tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    path = teachers_copy(tmp_path, 'name = "ResNet-18"', 'name = "My ResNet"')
    assert main(["params", "--model", str(path)]) == 0
    assert capsys.readouterr().out.startswith("My ResNet: input 224 x 224 x 3, 51 layers")
    pipe = tmp_path / "pipe.toml"
    os.mkfifo(pipe)
    assert main(["params", "--model", str(pipe)]) == 2
    assert "is a named pipe (FIFO), not a regular file" in capsys.readouterr().err


def test_three_small_layers_against_one_large(capsys: pytest.CaptureFixture[str]) -> None:
    """Three 3 x 3 layers see 7 x 7, as one 7 x 7 layer does, for 27·C² weights, not 49·C²."""
    channels = 64
    assert (
        main(
            [
                "params",
                "--input",
                "56x56x64",
                "--layers",
                "k3 f64 p1, k3 f64 p1, k3 f64 p1",
                "--json",
            ]
        )
        == 0
    )
    three = json.loads(capsys.readouterr().out)
    assert main(["params", "--input", "56x56x64", "--layers", "k7 f64 p3", "--json"]) == 0
    one = json.loads(capsys.readouterr().out)
    assert three["receptive_field"] == one["receptive_field"] == [7, 7]
    assert three["totals"]["shared"] == 27 * channels**2 + 3 * channels
    assert one["totals"]["shared"] == 49 * channels**2 + channels
    assert main(["params", "--input", "32x32x3", "--layers", "k3 f8 s2, k3 f8 d2 nobias"]) == 0
    out = " ".join(capsys.readouterr().out.split())
    assert "layer2 11x11x8 576 " in out and "sees 11 x 11 input cells" in out


@pytest.mark.parametrize(
    ("args", "said"),
    [
        (["--input", "8x8x1", "--layers", "k3 f4, q2"], "layer 2 (q2): 'q2' is not k, f, s,"),
        (["--input", "8x8x1", "--layers", "k3 f4, k9 f2"], "layer 2 (k9 f2): kernel: spans 9"),
        (["--input", "8x8x1", "--layers", "k3"], "layer 1 (k3): needs f (kernel k3, filters"),
        (["--input", "8x8x1", "--layers", "k3 f4,"], "--layers takes 1 to 50 layers"),
        (["--layers", "k3 f4"], "--layers takes --input and no other layer flag"),
        (["--input", "8x8x1", "--kernel", "3", "--layers", "k3 f4"], "no other layer flag"),
    ],
)
def test_a_stack_that_cannot_be_built_is_one_line(
    capsys: pytest.CaptureFixture[str], args: list[str], said: str
) -> None:
    assert main(["params", *args]) == 2
    captured = capsys.readouterr()
    assert captured.out == "" and captured.err.count("\n") == 1 and said in captured.err
