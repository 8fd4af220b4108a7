"""`cnn-tutor check`: OK per good file, the message per bad one, status 1 on any error."""

from __future__ import annotations

import os
import shutil
import sys
from pathlib import Path

import pytest

from tutor.cli import main
from tutor.lessons.loader import load_lesson
from tutor.lessons.model import BrokenLesson
from tutor.lessons.shipped import shipped_lessons_dir

BROKEN = Path(__file__).parent / "broken_lessons"


def run(capsys: pytest.CaptureFixture[str], *args: str) -> tuple[int, str]:
    status = main(list(args))
    out, err = capsys.readouterr()
    assert err == ""
    return status, out


def test_shipped_lessons_check_ok(capsys: pytest.CaptureFixture[str]) -> None:
    status, out = run(capsys, "check")
    lines = out.splitlines()
    assert status == 0
    assert lines[0] == "Lessons in use:" and "(chosen by shipped)" in lines[1]
    assert len(lines[2:]) == 9 and all(line.startswith("OK") for line in lines[2:])


def test_broken_file_gives_status_1(capsys: pytest.CaptureFixture[str]) -> None:
    path = BROKEN / "stride-zero.toml"
    status, out = run(capsys, "check", str(path))
    assert status == 1
    assert out.strip() == (f"ERROR {path}: page 1, scene.layer.stride: must be >= 1, got 0")


def test_mixed_folder_reports_each_file(capsys: pytest.CaptureFixture[str], tmp_path: Path) -> None:
    shutil.copy(next(shipped_lessons_dir().glob("01-*.toml")), tmp_path)
    shutil.copy(BROKEN / "bad-toml.toml", tmp_path)
    status, out = run(capsys, "check", str(tmp_path))
    assert status == 1
    assert [line.split()[0] for line in out.splitlines()] == ["OK", "ERROR"]


def test_lessons_flag_sets_the_default_folder(
    capsys: pytest.CaptureFixture[str], tmp_path: Path
) -> None:
    shutil.copy(BROKEN / "empty-file.toml", tmp_path)
    status, out = run(capsys, "--lessons", str(tmp_path), "check")
    assert status == 1 and "is empty" in out


def test_missing_and_empty_paths(capsys: pytest.CaptureFixture[str], tmp_path: Path) -> None:
    status, out = run(capsys, "check", str(tmp_path / "nowhere"), str(tmp_path))
    assert status == 1
    assert "no such file or folder" in out and "no lesson files" in out


def test_every_broken_part_of_a_file_is_reported_at_once(
    capsys: pytest.CaptureFixture[str],
) -> None:
    """Each top key, page, part of a scene and question is read even when one before it is
    broken."""
    path = Path(__file__).parent / "multi_problem" / "seven-problems.toml"
    status, out = run(capsys, "check", str(path))
    assert status == 1
    problems = [line.removeprefix(f"ERROR {path}: ") for line in out.splitlines()]
    assert [problem.split(":")[0] for problem in problems] == [
        "id",
        "order",
        "page 1, narration",
        "page 2, scene.panels[0]",
        "page 2, scene.layer.kernel",
        "question 1, answer",
        "question 2, choices",
    ]
    broken = load_lesson(path)
    assert isinstance(broken, BrokenLesson) and "\n" not in broken.message
    assert broken.message.endswith("; and 4 more (cnn-tutor check lists them all)")


def test_every_problem_in_one_table_is_listed(capsys: pytest.CaptureFixture[str]) -> None:
    path = Path(__file__).parent / "multi_problem" / "one-table-five-problems.toml"
    status, out = run(capsys, "check", str(path))
    assert status == 1
    assert [line.removeprefix(f"ERROR {path}: page 1, counts.") for line in out.splitlines()] == [
        "kernle: is not a known key (a typo?)",
        "strdie: is not a known key (a typo?)",
        "kernel: is required",
        "stride: must be >= 1, got 0",
        "padding: must be >= 0, got -1",
    ]


def test_every_problem_in_a_values_table_and_a_list_is_listed(
    tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    path = tmp_path / "lesson.toml"
    lesson = (
        (Path(__file__).parent / "multi_problem" / "one-table-five-problems.toml")
        .read_text()
        .replace("kernle = 3\nstrdie = 2\nstride = 0\npadding = -1\n", "kernel = 3\n")
    )
    lesson = lesson.replace("[pages.counts]", "[pages.scene.layer]") + (
        '\n[[quiz.questions]]\nkind = "choice"\nprompt = "?"\nchoices = ["a", "b"]\n'
        'answer = 1\nhints = ["\\u0007", "ok", "\\u001b"]\n'
    )
    lesson = lesson.replace(
        "[quiz]",
        "[pages.scene.input]\nseed = 1\nrange = [0, 3]\n"
        "[pages.scene.weights]\nseed = -4\nrange = [3, 1]\n\n[quiz]",
    )
    path.write_text(lesson)
    status, out = run(capsys, "check", str(path))
    assert status == 1
    assert [line.removeprefix(f"ERROR {path}: ").split(":")[0] for line in out.splitlines()] == [
        "page 1, scene.weights.seed",
        "page 1, scene.weights.range[1]",
        "question 2, hints[0]",
        "question 2, hints[2]",
    ]


def test_a_reader_that_stops_early_gets_no_traceback(monkeypatch: pytest.MonkeyPatch) -> None:
    """`cnn-tutor check | head -1`: once the reader has gone, the rest of the output has
    nowhere to go, and the command stops quietly (no BrokenPipeError)."""
    read_end, write_end = os.pipe()
    os.close(read_end)  # the reader has gone
    with open(write_end, "w", buffering=1) as gone:  # line by line, as a terminal would be
        monkeypatch.setattr(sys, "stdout", gone)
        assert main(["check"]) == 0


TYPO_BESIDE_A_BAD_VALUE = {
    "number-question": (
        ('answer = "shared_total"', 'answer = "shared_totl"\nhnts = ["x"]'),
        [
            "question 1, answer: 'shared_totl' is not",
            "question 1, hnts: is not a known",
        ],
    ),
    "choice-question": (
        (
            'kind = "number"\nprompt = "How many parameters: {layer}?"\nanswer = "shared_total"',
            'kind = "choice"\nprompt = "Which?"\nchoices = ["a", "b"]\nanswer = 3\n'
            'explanatons = ["x", "y"]',
        ),
        ["question 1, answer: must be <= 2", "question 1, explanatons: is not a"],
    ),
    "neuron-prediction": (
        ("[pages.scene]\n", '[pages.scene]\n[pages.predict]\nneuron = [9, 9]\npromt = "x"\n'),
        ["page 1, predict.neuron[0]: must be <= 3", "page 1, predict.promt: is not a known"],
    ),
    "count-prediction": (
        (
            "[pages.scene]\n",
            '[pages.scene]\n[pages.predict]\ncount = "kernels"\nat = 99\nprmpt = 1\n',
        ),
        ["page 1, predict.at: must be <= 9, got 99", "page 1, predict.prmpt: is not a known"],
    ),
}


@pytest.mark.parametrize("case", TYPO_BESIDE_A_BAD_VALUE, ids=list(TYPO_BESIDE_A_BAD_VALUE))
def test_a_typo_is_said_even_beside_a_bad_value(
    case: str, tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    (old, new), expected = TYPO_BESIDE_A_BAD_VALUE[case]
    source = Path(__file__).parent / "broken_lessons" / "bad-placeholder.toml"
    text = source.read_text().split("\n", 1)[1].replace("{layr}", "{layer}")
    assert old in text
    path = tmp_path / "lesson.toml"
    path.write_text(text.replace(old, new, 1))
    status, out = run(capsys, "check", str(path))
    assert status == 1
    found = [line.removeprefix(f"ERROR {path}: ") for line in out.splitlines()]
    assert len(found) == len(expected), out
    for line, start in zip(found, expected, strict=True):
        assert line.startswith(start), out
