"""The teacher's side: each learner's tutor writes a summary to the class folder, and
`cnn-tutor report` reads a class from it (as a table, CSV or JSON), whatever else is there."""

from __future__ import annotations

import csv
import io
import json
import os
import pwd
import stat
from pathlib import Path

import pytest

from tests.test_ui_quiz import answer_every_question, open_quiz
from tests.ui_driver import run, wait_for_text
from tutor.cli import main, start
from tutor.progress import summary
from tutor.progress.history import AttemptRecord
from tutor.progress.model import Progress
from tutor.progress.store import ProgressStore
from tutor.progress.summary import SUMMARY_MODE, write_summary
from tutor.quiz.asking import Asked
from tutor.ui.screens.quiz import QuizScreen

RIGHT = ("right",) * 5
FORGOT_BIAS = ("right", "no bias", "right", "right", "right")
"""Lesson 1's second question, parameters per kernel, answered without the bias."""
ALL_WRONG = ("6", "no bias", "wrong", "36", "10")
"""6 is the input's height, 36 its cells: the input's size taken for the output's; 10 is the
shared count given for the unshared one."""


def reply(asked: Asked, how: str) -> str:
    """The keys for an answer: right, one less (lesson 1's one filter has one bias), the
    choice after the right one, or the text itself."""
    if how == "right":
        return str(asked.answer + 1) if asked.is_choice else str(asked.answer)
    if how == "no bias":
        return str(asked.answer - 1)
    if how == "wrong":
        return str((asked.answer + 1) % len(asked.choices) + 1)
    return how


async def take_lesson_1_quiz(
    tmp_path: Path,
    results: Path,
    login: str,
    *attempts: tuple[str, ...],
    monkeypatch: pytest.MonkeyPatch,
) -> None:
    """One learner, with a home of their own, takes lesson 1's quiz in the real app, retrying
    from the results for each attempt after the first (a retry draws its layers afresh)."""
    monkeypatch.setattr(summary, "login_name", lambda: login)
    app = start.build_app(1, home=tmp_path / login, results=results)
    async with run(app) as pilot:
        await open_quiz(pilot)
        for n, hows in enumerate(attempts):
            if n:
                await pilot.press("r")
                await wait_for_text(pilot, "Question 1 of 5")
            quiz = app.screen
            assert isinstance(quiz, QuizScreen)
            await answer_every_question(
                pilot,
                tuple(reply(asked, how) for asked, how in zip(quiz.run.asked, hows, strict=True)),
            )
            await wait_for_text(pilot, " of 5 right (")


async def predict_on_lesson_1(
    tmp_path: Path, results: Path, login: str, typed: str, monkeypatch: pytest.MonkeyPatch
) -> None:
    """One learner opens lesson 1's third page, steps to the neuron it asks about and types a
    prediction (`typed` is "right", "no bias" or the text)."""
    from tests.test_ui_prediction import ASKED, open_page_3, predicted_step

    step = predicted_step()
    text = {"right": str(int(step.result)), "no bias": str(int(step.total))}.get(typed, typed)
    monkeypatch.setattr(summary, "login_name", lambda: login)
    app = start.build_app(1, home=tmp_path / login, results=results)
    async with run(app) as pilot:
        if "page 1 of" in await wait_for_text(pilot, "page "):
            await open_page_3(pilot)  # a second visit resumes on page 3, at its first step
        await pilot.press(*["right"] * 5)
        await wait_for_text(pilot, ASKED)
        await pilot.press(*text, "enter")
        await wait_for_text(pilot, "This neuron is" if typed != "right" else "Right:")


@pytest.fixture
def results(tmp_path: Path) -> Path:
    folder = tmp_path / "results"
    folder.mkdir()
    return folder


async def test_a_class_of_three_is_reported_with_its_slips(
    tmp_path: Path,
    results: Path,
    monkeypatch: pytest.MonkeyPatch,
    capsys: pytest.CaptureFixture[str],
) -> None:
    await take_lesson_1_quiz(tmp_path, results, "alice", RIGHT, monkeypatch=monkeypatch)
    await take_lesson_1_quiz(tmp_path, results, "bob", FORGOT_BIAS, monkeypatch=monkeypatch)
    await take_lesson_1_quiz(
        tmp_path, results, "carol", ALL_WRONG, FORGOT_BIAS, monkeypatch=monkeypatch
    )
    assert sorted(p.name for p in results.iterdir()) == ["alice.json", "bob.json", "carol.json"]
    assert stat.S_IMODE((results / "bob.json").stat().st_mode) == SUMMARY_MODE

    assert main(["report", str(results)]) == 0
    text = capsys.readouterr().out
    lines = text.splitlines()
    assert lines[0] == "Class report: 3 learners, 9 lessons"
    assert lines[2].split() == ["learner", *map(str, range(1, 10))]
    row = {line[:16].strip(): line[17:] for line in lines[3:6]}
    assert row["alice"].startswith("✓100/1      -")
    assert row["bob"].startswith("✗ 80/1"), "the parameter count is required: 80 % fails"
    assert row["carol"].startswith("✗ 80/2"), "the best of two attempts"
    assert "  1  One kernel, one feature map" in lines
    assert "  2/3  1, question 2: total with parameter sharing" in lines, "bob and carol"
    assert "  left out the biases: 2 learners (3 times)" in lines
    assert "  used the input size for the output's: 1 learner (2 times)" in lines


async def test_csv_and_json_hold_every_learner_and_lesson(
    tmp_path: Path,
    results: Path,
    monkeypatch: pytest.MonkeyPatch,
    capsys: pytest.CaptureFixture[str],
) -> None:
    await take_lesson_1_quiz(tmp_path, results, "dave", FORGOT_BIAS, monkeypatch=monkeypatch)
    await take_lesson_1_quiz(tmp_path, results, "erin", RIGHT, monkeypatch=monkeypatch)
    assert main(["report", "--csv", str(results)]) == 0
    rows = list(csv.DictReader(io.StringIO(capsys.readouterr().out)))
    assert len(rows) == 2 * 9
    dave = next(r for r in rows if r["learner"] == "dave" and r["lesson"] == "1")
    assert (dave["passed"], dave["best_percent"], dave["attempts"], dave["wrong_answers"]) == (
        "false",
        "80",
        "1",
        "1",
    )
    assert dave["last_attempt"].endswith("Z")
    assert main(["report", "--json", str(results)]) == 0
    data = json.loads(capsys.readouterr().out)
    assert [learner["name"] for learner in data["learners"]] == ["dave", "erin"]
    assert data["learners"][1]["lessons"]["one-kernel"]["passed"] is True
    assert data["slips"] == [
        {"slip": "forgot_bias", "label": "left out the biases", "learners": 1, "times": 1}
    ]
    assert main(["report", "--answers", "--learner", "dave", "--json", str(results)]) == 0
    answers = json.loads(capsys.readouterr().out)
    assert [a["question"] for a in answers] == [1, 2, 3, 4, 5]
    drawn = [a["layer"] for a in answers if a["question"] == 2]
    assert drawn[0].startswith("input ") and " filter of " in drawn[0], "the layer drawn"
    assert answers[1]["slip"] == "forgot_bias" and answers[1]["correct"] is False


def test_damaged_and_odd_files_are_listed_and_the_rest_reported(
    tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    folder = tmp_path / "class"
    folder.mkdir()
    progress = Progress()
    progress.move("one-kernel", 2, 0)
    write_summary(folder, "frank", progress.to_json())
    (folder / "broken.json").write_text('{"version": 2, "lessons": {')
    (folder / "old.json").write_text('{"version": 99}')
    os.mkfifo(folder / "pipe.json")
    (folder / "link.json").symlink_to(folder / "frank.json")
    (folder / "notes.txt").write_text("not a progress file, not read")
    assert main(["report", str(folder), str(tmp_path / "missing.json")]) == 0
    text = capsys.readouterr().out
    assert "frank" in text and "…" in text, "frank has started lesson 1, no quiz yet"
    problems = text.split("Not read (5 files):\n")[1].splitlines()
    assert problems[0] == f"  {folder / 'broken.json'}: is not a progress file (not valid JSON)"
    assert problems[1].startswith(f"  {folder / 'link.json'}: is a symbolic link")
    assert problems[2].startswith(f"  {folder / 'old.json'}: is not a progress file (version")
    assert problems[3] == f"  {folder / 'pipe.json'}: is a named pipe (FIFO), not a regular file"
    assert problems[4].startswith(f"  {tmp_path / 'missing.json'}: cannot be read")


def test_a_report_with_nothing_to_read_says_what_to_name(
    monkeypatch: pytest.MonkeyPatch, capsys: pytest.CaptureFixture[str], tmp_path: Path
) -> None:
    monkeypatch.setenv("CNN_TUTOR_CONFIG", str(tmp_path / "none.toml"))
    (tmp_path / "none.toml").write_text("")
    monkeypatch.delenv("CNN_TUTOR_RESULTS", raising=False)
    assert main(["report"]) == 2
    err = capsys.readouterr().err
    assert err.count("\n") == 1 and "set a class results folder" in err


def test_two_learners_save_side_by_side_and_never_through_a_link(
    tmp_path: Path, results: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    target = tmp_path / "elsewhere.json"
    target.write_text("keep me")
    (results / "gina.json").symlink_to(target)
    stores = {}
    for login in ("gina", "hal"):
        monkeypatch.setattr(summary, "login_name", lambda login=login: login)
        stores[login] = ProgressStore(tmp_path / login, results=results)
        stores[login].update(lambda p: p.move("one-kernel", 1, 0))
    for turn in range(3):
        for login, store in stores.items():
            monkeypatch.setattr(summary, "login_name", lambda login=login: login)
            store.update(lambda p, turn=turn: p.move("stride-padding", turn, 0))
    assert target.read_text() == "keep me", "the link was replaced, its target untouched"
    for login in ("gina", "hal"):
        saved = json.loads((results / f"{login}.json").read_text())
        assert saved["learner"] == login and saved["lessons"]["stride-padding"]["page"] == 2
        assert not (results / f"{login}.json").is_symlink()
    assert [p.name for p in results.iterdir() if p.name.startswith(".")] == [], "no leftovers"


def test_a_class_folder_that_cannot_be_written_costs_one_notice(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    monkeypatch.setattr(summary, "login_name", lambda: "ivy")
    store = ProgressStore(tmp_path / "ivy", results=tmp_path / "no-such-folder")
    assert store.update(lambda p: p.move("one-kernel", 1, 0))
    store.update(lambda p: p.move("one-kernel", 2, 0))
    assert len(store.notices) == 1 and "cannot be copied to the class folder" in store.notices[0]
    assert ProgressStore(tmp_path / "ivy").load().lessons["one-kernel"].page == 2


def test_another_users_file_is_never_touched(
    tmp_path: Path, results: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    """Not replaced: the summary goes to a name of its own beside it (tests/test_class_accounts.py
    does this with real accounts)."""
    (results / "jo.json").write_text("theirs")
    monkeypatch.setattr(os, "getuid", lambda: os.stat(results).st_uid + 1)
    write_summary(results, "jo", Progress().to_json())
    assert (results / "jo.json").read_text() == "theirs"
    (own,) = set(results.iterdir()) - {results / "jo.json"}
    assert (
        summary.login_named_by(own.name) == "jo" and json.loads(own.read_text())["learner"] == "jo"
    )


def test_the_login_name_comes_from_the_account_not_the_environment(
    monkeypatch: pytest.MonkeyPatch,
) -> None:
    monkeypatch.setenv("LOGNAME", "someone-else")
    monkeypatch.setenv("USER", "someone-else")
    assert summary.login_name() == pwd.getpwuid(os.getuid()).pw_name


async def test_predictions_are_counted_with_their_slips(
    tmp_path: Path,
    results: Path,
    monkeypatch: pytest.MonkeyPatch,
    capsys: pytest.CaptureFixture[str],
) -> None:
    await predict_on_lesson_1(tmp_path, results, "gina", "right", monkeypatch)
    await predict_on_lesson_1(tmp_path, results, "hugo", "no bias", monkeypatch)
    await predict_on_lesson_1(tmp_path, results, "hugo", "right", monkeypatch)  # a second visit
    await predict_on_lesson_1(tmp_path, results, "ines", "no bias", monkeypatch)
    assert main(["report", str(results)]) == 0
    lines = capsys.readouterr().out.splitlines()
    at = lines.index("Predictions (learners right the first time / predicting):")
    assert lines[at + 1] == "  1/3  1, page 3: the neuron at row 2, col 3"
    assert "  left the bias out of a neuron: 2 learners (2 times)" in lines
    assert main(["report", "--csv", str(results)]) == 0
    rows = list(csv.DictReader(io.StringIO(capsys.readouterr().out)))
    hugo = next(r for r in rows if r["learner"] == "hugo" and r["lesson"] == "1")
    assert (hugo["predictions"], hugo["predictions_right"]) == ("2", "1")
    assert main(["report", "--json", str(results)]) == 0
    data = json.loads(capsys.readouterr().out)
    assert data["predictions"] == [
        {
            "lesson_id": "one-kernel",
            "page": 3,
            "neuron": [1, 2, 3],
            "learners": 3,
            "right_first_time": 1,
        }
    ]


@pytest.mark.parametrize("when", [1e20, -5, 10**30])
def test_a_time_out_of_range_is_a_damaged_file_in_every_form(
    when: float, tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    """A forged "finished" far past the year 9999 (or before 1970) is said per file; the
    CSV and JSON, which write times as dates, never stop on it."""
    folder = tmp_path / "class"
    folder.mkdir()
    progress = Progress()
    progress.move("one-kernel", 2, 0)
    progress.record_quiz("one-kernel", AttemptRecord(1.0e9, 100, True, ()))
    write_summary(folder, "ivy", progress.to_json())
    saved = json.loads((folder / "ivy.json").read_text())
    saved["lessons"]["one-kernel"]["history"][0]["finished"] = when
    forged = folder / "mallory.json"
    forged.write_text(json.dumps({**saved, "learner": "mallory"}))
    for form in ([], ["--csv"], ["--json"]):
        assert main(["report", *form, str(folder)]) == 0
        captured = capsys.readouterr()
        said = captured.out + captured.err
        assert "mallory.json" in said and "Traceback" not in said, said
        assert "ivy" in captured.out


def test_a_progress_json_in_the_class_folder_hides_no_one(
    tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    """A file named progress.json beside the summaries is one more learner's file; the copies
    the tutor sets aside are named and not read."""
    folder = tmp_path / "class"
    folder.mkdir()
    progress = Progress()
    progress.move("one-kernel", 2, 0)
    for login in ("alice", "bob"):
        write_summary(folder, login, progress.to_json())
    (folder / "progress.json").write_text(json.dumps(progress.to_json()))
    (folder / "progress.v2.json").write_text("{}")
    assert main(["report", str(folder)]) == 0
    text = capsys.readouterr().out
    rows = [line.split()[0] for line in text.splitlines()[3:6]]
    assert {"alice", "bob"} <= set(rows) and len(rows) == 3, text
    assert f"{folder / 'progress.v2.json'}: a copy the tutor set aside, not read" in text


def test_lesson_ids_no_lesson_has_are_counted_not_columns(
    tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    """A forged file naming a thousand lessons cannot widen the table: one line says how many
    ids were left out, in every form."""
    folder = tmp_path / "class"
    folder.mkdir()
    progress = Progress()
    progress.move("one-kernel", 2, 0)
    for n in range(1000):
        progress.move(f"fake-{n}", 0, 0)
    write_summary(folder, "mallory", progress.to_json())
    assert main(["report", str(folder)]) == 0
    text = capsys.readouterr().out
    assert text.splitlines()[0] == "Class report: 1 learner, 9 lessons"
    assert "fake-" not in text and text.splitlines()[2].split() == ["learner", *"123456789"]
    assert "lesson ids no lesson in use has (removed, renamed or forged)." in text
    assert main(["report", "--json", str(folder)]) == 0
    data = json.loads(capsys.readouterr().out)
    fakes = sum(key.startswith("fake-") for key in progress.lessons)
    assert data["unknown_lessons"] == fakes > 900 and len(data["lessons"]) == 9
    assert main(["report", "--csv", str(folder)]) == 0
    captured = capsys.readouterr()
    assert "fake-" not in captured.out and "left out: " in captured.err


async def test_a_reset_in_the_app_leaves_the_class_record_whole(
    tmp_path: Path,
    results: Path,
    monkeypatch: pytest.MonkeyPatch,
    capsys: pytest.CaptureFixture[str],
) -> None:
    """alice passes lesson 1, then resets all her progress from the lesson list: the list shows
    her lesson 1 as new, and the teacher's report still shows it passed."""
    await take_lesson_1_quiz(tmp_path, results, "alice", RIGHT, monkeypatch=monkeypatch)
    app = start.build_app(None, home=tmp_path / "alice", results=results)
    async with run(app) as pilot:
        await wait_for_text(pilot, "1  One kernel, one feature map  [")
        await pilot.press("R")
        await wait_for_text(pilot, "Reset ALL progress in every lesson?")
        await pilot.press("y")
        text = await wait_for_text(pilot, "All progress reset.")
        assert "1  One kernel, one feature map  [new]" in text
    copied = json.loads((results / "alice.json").read_text())
    assert copied["lessons"] == {} and copied["earlier"]["one-kernel"]["passed"] is True
    assert main(["report", "--json", str(results)]) == 0
    (alice,) = json.loads(capsys.readouterr().out)["learners"]
    lesson = alice["lessons"]["one-kernel"]
    assert (lesson["passed"], lesson["best_percent"], lesson["attempts"]) == (True, 100, 1)
