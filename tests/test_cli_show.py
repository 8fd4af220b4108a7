"""`cnn-tutor show FILE`: a teacher reads a lesson, its quiz and a few attempts' draws without
playing it; a broken file says its problems as `check` does."""

from __future__ import annotations

from pathlib import Path

import pytest

from tutor.cli import main

LESSONS = Path(__file__).parent.parent / "lessons"


def shown(capsys: pytest.CaptureFixture[str], *args: str) -> tuple[int, str, str]:
    code = main(["show", *args])
    captured = capsys.readouterr()
    return code, captured.out, captured.err


def test_a_lesson_is_shown_page_by_page_with_its_quiz_and_draws(
    capsys: pytest.CaptureFixture[str],
) -> None:
    code, out, err = shown(capsys, str(LESSONS / "06-alexnet-conv1.toml"))
    assert (code, err) == (0, "")
    lines = out.splitlines()
    assert lines[0] == "Lesson 6 (alexnet-conv1): AlexNet's first layer, counted both ways"
    pages = [line for line in lines if line.startswith("Page ")]
    assert pages and pages[0].startswith(f"Page 1 of {len(pages)}: ")
    assert "  shows: a scene," in out or "  shows: a neuron map," in out
    assert "{" not in out[: out.index("Quiz:")], "the pages' text is filled in"
    assert "Quiz: 5 questions, pass mark 70 %" in lines
    assert "     layer: question 3's, whatever it drew" in lines
    first = " ".join(out[out.index("  Attempt 1:") : out.index("  Attempt 2:")].split())
    assert "-> 105,705,600" in first and "-> 34,944" in first and "-> 290,400" in first
    assert out.count("  Attempt ") == 3
    assert max(map(len, lines)) <= 120


def test_the_number_of_draws_is_chosen_and_bounded(capsys: pytest.CaptureFixture[str]) -> None:
    code, out, _ = shown(capsys, str(LESSONS / "01-one-kernel.toml"), "--draws", "0")
    assert code == 0 and "Sample draws" not in out
    code, out, _ = shown(capsys, str(LESSONS / "01-one-kernel.toml"), "--draws", "5")
    assert code == 0 and out.count("  Attempt ") == 5
    assert shown(capsys, str(LESSONS / "01-one-kernel.toml"), "--draws", "51") == (
        2,
        "",
        "cnn-tutor show: --draws is at most 50, got 51\n",
    )


def test_a_broken_file_says_each_problem_on_a_line(
    capsys: pytest.CaptureFixture[str], tmp_path: Path
) -> None:
    path = Path(__file__).parent / "multi_problem" / "seven-problems.toml"
    code, out, err = shown(capsys, str(path))
    assert code == 1 and out == ""
    lines = err.splitlines()
    assert len(lines) == 7 and all(line.startswith(f"cnn-tutor show: {path}: ") for line in lines)
    assert f"cnn-tutor show: {path}: question 2, choices: needs at least 2 choices, got 1" in lines
    code, _, err = shown(capsys, str(tmp_path / "none.toml"))
    assert code == 1 and err.count("\n") == 1 and "Traceback" not in err
