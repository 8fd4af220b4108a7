"""`cnn-tutor params`: the table, the JSON, and one clean line for every kind of bad flag."""

from __future__ import annotations

import json
import subprocess
import sys

import pytest

from tutor.cli import main

ALEXNET = [
    "params",
    "--input",
    "227x227x3",
    "--kernel",
    "11",
    "--stride",
    "4",
    "--padding",
    "0",
    "--filters",
    "96",
]


def run(capsys: pytest.CaptureFixture[str], *args: str) -> tuple[int, str, str]:
    try:
        status = main(list(args))
    except SystemExit as leaving:
        status = leaving.code
    out, err = capsys.readouterr()
    return status, out, err


def test_table_shows_shape_and_three_schemes(capsys: pytest.CaptureFixture[str]) -> None:
    status, out, err = run(capsys, *ALEXNET)
    assert status == 0 and err == ""
    assert "Output: 55 x 55 x 96 = 290,400 neurons" in out
    for figure in ("34,944", "105,705,600", "44,892,355,200", "290,400 x 364 = 105,705,600"):
        assert figure in out


def test_json_for_scripts(capsys: pytest.CaptureFixture[str]) -> None:
    status, out, _ = run(capsys, *ALEXNET, "--json")
    assert status == 0
    assert json.loads(out) == {
        "output": {"h": 55, "w": 55, "c": 96},
        "shared": {"weights": 34_848, "biases": 96, "total": 34_944},
        "unshared": {"weights": 105_415_200, "biases": 290_400, "total": 105_705_600},
        "dense": {"weights": 44_892_064_800, "biases": 290_400, "total": 44_892_355_200},
    }


def test_pairs_dilation_groups_and_no_bias(capsys: pytest.CaptureFixture[str]) -> None:
    status, out, _ = run(
        capsys,
        "params",
        "--input",
        "10x12x6",
        "--kernel",
        "3x5",
        "--stride",
        "2x1",
        "--padding",
        "1x2",
        "--dilation",
        "2x1",
        "--groups",
        "3",
        "--filters",
        "6",
        "--no-bias",
        "--json",
    )
    assert status == 0
    data = json.loads(out)
    # rows: (10 + 2 - 5) // 2 + 1 = 4; cols: (12 + 4 - 5) // 1 + 1 = 12
    assert data["output"] == {"h": 4, "w": 12, "c": 6}
    assert data["shared"] == {"weights": 6 * 2 * 15, "biases": 0, "total": 180}
    assert data["unshared"]["total"] == 180 * 48


def test_stride_that_does_not_fit_is_noted(capsys: pytest.CaptureFixture[str]) -> None:
    _, out, _ = run(
        capsys, "params", "--input", "7x7x1", "--kernel", "3", "--stride", "3", "--filters", "1"
    )
    assert "stride does not fit" in out


@pytest.mark.parametrize(
    ("args", "message"),
    [
        (["--input", "227x227"], "--input: expected height x width x channels"),
        (["--input", "axbxc"], "--input: expected whole numbers"),
        (["--kernel", "3x3x3"], "--kernel: expected one number or rows x cols"),
        (["--filters", "2x2"], "--filters: expected a single whole number"),
        (["--filters", "ninety"], "--filters: expected whole numbers"),
        (["--stride", "0"], "stride: must be >= 1, got 0"),
        (["--padding", "-1"], "padding: must be >= 0, got -1"),
        (["--dilation", "0x1"], "dilation: must be >= 1, got 0"),
        (["--groups", "2"], "groups: must divide the input channels (3), got 2"),
        (["--kernel", "300"], "kernel: spans 300 rows, more than the padded input height 227"),
        (["--input", "99999999x1x1"], "height: must be <= 65,536"),
        (["--input", "1" * 5000 + "x1x1"], "--input: expected whole numbers"),
        (["--bogus"], "unrecognized arguments: --bogus"),
    ],
)
def test_bad_flags_cost_one_line_and_status_2(
    capsys: pytest.CaptureFixture[str], args: list[str], message: str
) -> None:
    base = dict(zip(ALEXNET[1::2], ALEXNET[2::2], strict=True))
    flags = ["params"]
    for flag, value in base.items():
        if flag not in args:
            flags += [flag, value]
    status, out, err = run(capsys, *flags, *args)
    assert status == 2 and out == ""
    assert message in err
    assert err.count("\n") == 1 and "Traceback" not in err


def test_missing_required_flags(capsys: pytest.CaptureFixture[str]) -> None:
    status, _, err = run(capsys, "params", "--kernel", "3")
    assert (
        status == 2
        and err == "cnn-tutor params: needs --input, --filters (or --model, or --layers)\n"
    )


def test_params_does_not_import_textual() -> None:
    code = (
        "import sys\nfrom tutor.cli import main\n"
        f"main({ALEXNET!r} + ['--json'])\n"
        "assert not any(m == 'textual' or m.startswith('textual.') for m in sys.modules), 'textual'"
    )
    done = subprocess.run([sys.executable, "-c", code], capture_output=True, text=True)
    assert done.returncode == 0, done.stderr


def test_python_dash_m_runs_the_same_command() -> None:
    done = subprocess.run(
        [sys.executable, "-m", "tutor", *ALEXNET, "--json"], capture_output=True, text=True
    )
    assert done.returncode == 0 and json.loads(done.stdout)["shared"]["total"] == 34_944
