"""The report's gradebook forms (one row per learner, one row per answer, one learner's answers),
what survives a reset, and that nothing a learner's file holds reaches the teacher's terminal
or spreadsheet as anything but text."""

from __future__ import annotations

import csv
import io
import json
from pathlib import Path

import pytest

from tutor.cli import main
from tutor.controls import control_in
from tutor.lessons.loader import load_folder
from tutor.lessons.model import Lesson
from tutor.lessons.shipped import shipped_lessons_dir
from tutor.progress.history import CHOICE, AnswerRecord, AttemptRecord, attempt_to_json
from tutor.progress.model import MAX_ALL_HISTORY, Progress, from_json
from tutor.progress.summary import write_summary
from tutor.report import learners
from tutor.report.learners import gather
from tutor.report.render import text_report
from tutor.report.tally import class_report

NASTY = "\x1b[2J\x9b\u202e=cmd|x"
"""Clears a screen, a C1 CSI, a right-to-left override and a spreadsheet formula."""
LAYER = "input 6 x 6 x 1, 1 filter of 3 x 3 x 1, stride 1"
FORMS = (
    [],
    ["--csv"],
    ["--csv", "--wide"],
    ["--json"],
    ["--answers"],
    ["--answers", "--json"],
    ["--learner", "ann"],
    ["--learner", "ann", "--csv"],
    ["--learner", "ann", "--json"],
)


def attempt(when: float, passed: bool, given: str = "16", layer: str = LAYER) -> AttemptRecord:
    """Lesson 1's first two questions answered: the output's rows, then the parameters."""
    return AttemptRecord(
        when,
        100 if passed else 50,
        passed,
        (
            AnswerRecord(0, "output_height", "4", True, "", 0, layer),
            AnswerRecord(
                1, "shared_total", given, passed, "" if passed else "forgot_bias", 1, layer
            ),
            AnswerRecord(2, CHOICE, "choice 1", True, "", 0, ""),
        ),
    )


def class_folder(tmp_path: Path) -> Path:
    """ann passed lesson 1 at her second attempt; ben failed once, with a nasty answer."""
    folder = tmp_path / "class"
    folder.mkdir()
    ann = Progress()
    ann.record_quiz("one-kernel", attempt(1_700_000_000, False, given="9"))
    ann.record_quiz("one-kernel", attempt(1_700_000_100, True, given="10"))
    write_summary(folder, "ann", ann.to_json())
    ben = Progress()
    ben.record_quiz("one-kernel", attempt(1_700_000_200, False, given=NASTY[:40], layer=NASTY))
    write_summary(folder, "ben", ben.to_json())
    return folder


def report(folder: Path, capsys: pytest.CaptureFixture[str], *flags: str) -> tuple[int, str, str]:
    code = main(["report", *flags, str(folder)])
    captured = capsys.readouterr()
    return code, captured.out, captured.err


@pytest.mark.parametrize("flags", FORMS, ids=lambda flags: " ".join(flags) or "text")
def test_nothing_from_a_file_reaches_the_teacher_raw(
    tmp_path: Path, capsys: pytest.CaptureFixture[str], flags: list[str]
) -> None:
    folder = class_folder(tmp_path)
    forged = Progress()
    forged.record_quiz("one-kernel", attempt(1_700_000_300, True, given=NASTY, layer=NASTY))
    saved = {**forged.to_json(), "learner": NASTY}
    (folder / "=x\x1b]0;pwned\x07\u202e.json").write_text(json.dumps(saved))
    (folder / "\x1b[31mbroken.json").write_text("{not json")
    code, out, err = report(folder, capsys, *flags)
    assert code == 0, err
    for said in (out, err):
        assert control_in(said, "\n") is None, repr(said)
    if "--csv" in flags or ("--answers" in flags and "--json" not in flags):
        for row in csv.reader(io.StringIO(out)):
            assert not any(cell.startswith(("=", "+", "-", "@")) for cell in row), row


def test_the_wide_form_is_one_row_per_learner(
    tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    code, out, _ = report(class_folder(tmp_path), capsys, "--csv", "--wide")
    rows = list(csv.DictReader(io.StringIO(out)))
    assert code == 0 and [row["account"] for row in rows] == ["ann", "ben"]
    assert (
        rows[0]["1 one-kernel best_percent"] == "100" and rows[0]["1 one-kernel passed"] == "true"
    )
    assert (
        rows[1]["1 one-kernel best_percent"] == "50" and rows[1]["1 one-kernel passed"] == "false"
    )
    assert rows[0]["2 stride-padding best_percent"] == "" and len(rows[0]) == 2 + 2 * 9


def test_the_answers_form_is_one_row_per_answer(
    tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    code, out, _ = report(class_folder(tmp_path), capsys, "--answers")
    rows = list(csv.DictReader(io.StringIO(out)))
    assert code == 0 and len(rows) == 9, "3 answers in each of 3 attempts"
    first = rows[1]
    assert (first["learner"], first["lesson_id"], first["attempt"], first["question"]) == (
        "ann",
        "one-kernel",
        "1",
        "2",
    )
    assert (first["given"], first["correct"], first["slip"], first["hints"]) == (
        "9",
        "false",
        "forgot_bias",
        "1",
    )
    assert first["layer"] == LAYER and first["finished"] == "2023-11-14T22:13:20Z"
    assert first["asks"] == "total with parameter sharing"
    assert rows[4]["given"] == "10" and rows[4]["attempt"] == "2"


def test_one_learners_answers_as_text(tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    code, out, _ = report(class_folder(tmp_path), capsys, "--learner", "ann")
    assert code == 0
    lines = out.splitlines()
    assert lines[0] == "ann: 6 answers"
    assert "Lesson 1, attempt 1 (2023-11-14T22:13:20Z)" in lines
    assert "  2. total with parameter sharing: 9 wrong (left out the biases), 1 hint" in lines
    assert f"     layer: {LAYER}" in lines and "ben" not in out


@pytest.mark.parametrize(
    ("flags", "said"),
    [
        (["--learner", "zed"], "no learner 'zed' here (learners: ann, ben)"),
        (["--wide"], "--wide is a form of --csv: add --csv"),
    ],
)
def test_a_form_that_cannot_be_made_is_one_line(
    tmp_path: Path, capsys: pytest.CaptureFixture[str], flags: list[str], said: str
) -> None:
    code, out, err = report(class_folder(tmp_path), capsys, *flags)
    assert (code, out, err) == (2, "", f"cnn-tutor report: {said}\n")


def test_a_reset_starts_the_learner_afresh_and_the_class_record_keeps_it(
    tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    progress = Progress()
    progress.record_quiz("one-kernel", attempt(1_700_000_000, True))
    progress.move("stride-padding", 2, 0)
    progress.reset()
    assert progress.lessons == {} and progress.last_lesson is None, "afresh, for the learner"
    progress.record_quiz("one-kernel", attempt(1_700_000_500, False, given="9"))
    again = from_json(json.loads(json.dumps(progress.to_json())))
    assert again == progress
    folder = tmp_path / "class"
    folder.mkdir()
    write_summary(folder, "ann", again.to_json())
    code, out, _ = report(folder, capsys, "--json")
    assert code == 0
    (ann,) = json.loads(out)["learners"]
    lesson = ann["lessons"]["one-kernel"]
    assert (lesson["passed"], lesson["best_percent"], lesson["attempts"]) == (True, 100, 2)
    assert ann["lessons"]["stride-padding"]["started"] is False, "no attempt: nothing to keep"


def test_a_version_3_file_is_read_with_nothing_put_aside() -> None:
    saved = Progress()
    saved.record_quiz("one-kernel", attempt(1_700_000_000, True))
    data = saved.to_json()
    del data["earlier"]
    data["version"] = 3
    for entry in data["lessons"].values():
        for record in entry["history"]:
            record["answers"] = [answer[:6] for answer in record["answers"]]
    progress = from_json(data)
    assert (
        progress.earlier == {} and progress.lessons["one-kernel"].history[0].answers[0].layer == ""
    )


def test_the_text_report_fits_the_width_it_is_given(tmp_path: Path) -> None:
    """Long names and many attempts page the lessons into tables that fit; the lists wrap."""
    folder = tmp_path / "class"
    folder.mkdir()
    busy = Progress()
    for n in range(12):
        busy.record_quiz("one-kernel", attempt(1_700_000_000 + n, n == 11))
    write_summary(folder, "a-learner-with-a-long-login", busy.to_json())
    write_summary(folder, "ann", Progress().to_json())
    lessons = [
        lesson for lesson in load_folder(shipped_lessons_dir()) if isinstance(lesson, Lesson)
    ]
    gathered = gather([folder], {lesson.id for lesson in lessons})
    report = class_report(gathered.learners, lessons, gathered.problems)
    for width in (50, 80, 120):
        text = text_report(report, width)
        assert max(len(line) for line in text.splitlines() if " " in line.strip()) <= width, text
        assert "a-learner-with-a-long-login ✓100/12" in text, "names and cells whole"
        heads = [line.split() for line in text.splitlines() if line.startswith("learner")]
        assert sum(len(head) - 1 for head in heads) == 9, "every lesson in one table or another"


def test_a_file_holding_more_than_the_tutor_keeps_is_not_read(
    tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    """The tutor keeps at most 300 attempts over all lessons: a file with more is forged, and
    reading it could cost the teacher's machine without bound."""
    folder = tmp_path / "class"
    folder.mkdir()
    forged = Progress()
    write_summary(folder, "ann", forged.to_json())
    data = forged.to_json()
    data["lessons"] = {
        f"fake-{n}": {"history": [attempt_json(n)] * 20} for n in range(MAX_ALL_HISTORY // 20 + 1)
    }
    (folder / "mallory.json").write_text(json.dumps(data))
    code, out, _ = report(folder, capsys)
    assert code == 0 and "mallory.json: is not a progress file (it holds 320 history" in out


def attempt_json(n: int) -> dict[str, object]:
    return attempt_to_json(attempt(1_700_000_000 + n, False))


def test_a_learner_found_in_two_files_is_shown_from_both(
    tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    folder = class_folder(tmp_path)
    again = tmp_path / "elsewhere"
    again.mkdir()
    extra = Progress()
    extra.record_quiz("one-kernel", attempt(1_700_000_900, True))
    write_summary(again, "ann", extra.to_json())
    code = main(["report", "--learner", "ann", "--csv", str(folder), str(again)])
    rows = list(csv.DictReader(io.StringIO(capsys.readouterr().out)))
    assert code == 0 and len(rows) == 9, "ann's two attempts here and one there"
    assert {row["learner"] for row in rows} == {
        f"ann ({folder / 'ann.json'})",
        f"ann ({again / 'ann.json'})",
    }


def test_a_login_that_looks_like_a_name_of_its_own_is_not_a_squatter(
    monkeypatch: pytest.MonkeyPatch,
) -> None:
    """A login may end in a dot and eight hex digits: its own file is no mismatch, while its
    owner's name taken with such a suffix by another account still is."""
    monkeypatch.setattr(learners, "account_name", lambda uid: {5001: "ann.0f3a9c21"}[uid])
    assert learners._identity(Path("ann.0f3a9c21.json"), "ann.0f3a9c21", 5001) == (
        "ann.0f3a9c21",
        "",
    )
    name, warning = learners._identity(Path("bob.1234abcd.json"), None, 5001)
    assert name == "ann.0f3a9c21 as bob" and "is named for bob" in warning
