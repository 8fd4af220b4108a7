"""Settings for a lab: files, variables and flags, each overriding the one before; lesson
folders beside or instead of the shipped ones; clashes reported naming both files."""

from __future__ import annotations

from pathlib import Path

import pytest

from tests.ui_driver import run, wait_for_text
from tutor import settings as settings_module
from tutor.cli import main, start
from tutor.cli.choices import resolve
from tutor.lessons.shipped import shipped_lessons_dir
from tutor.settings import Settings, SettingsError, load_settings

LESSON = """format_version = 1
id = "{id}"
order = {order}
title = "{title}"
summary = "A teacher's own lesson."

[[pages]]
title = "Only page"
narration = "Words."

[quiz]
[[quiz.questions]]
kind = "choice"
prompt = "Yes?"
choices = ["Yes", "No"]
answer = 1
"""


def lesson_folder(root: Path, name: str, *lessons: tuple[str, int, str]) -> Path:
    folder = root / name
    folder.mkdir()
    for lesson_id, order, title in lessons:
        (folder / f"{lesson_id}.toml").write_text(
            LESSON.format(id=lesson_id, order=order, title=title)
        )
    return folder


@pytest.fixture
def clean(monkeypatch: pytest.MonkeyPatch, tmp_path: Path) -> Path:
    """No settings but what a test writes: the system and user files are in tmp_path."""
    for variable in (
        "CNN_TUTOR_CONFIG",
        "CNN_TUTOR_LESSONS",
        "CNN_TUTOR_RESULTS",
        "CNN_TUTOR_HOME",
    ):
        monkeypatch.delenv(variable, raising=False)
    monkeypatch.setattr(settings_module, "SYSTEM_FILE", tmp_path / "etc.toml")
    monkeypatch.setattr(settings_module, "user_file", lambda: tmp_path / "user.toml")
    return tmp_path


def test_files_then_variables_each_override_the_one_before(
    clean: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    (clean / "etc.toml").write_text(
        'lessons = ["/srv/lab"]\nresults = "/srv/results"\nprogress = "/srv/progress"\n'
    )
    (clean / "user.toml").write_text('results = "mine"\nshipped_lessons = false\n')
    found = load_settings()
    assert found == Settings((Path("/srv/lab"),), False, clean / "mine", Path("/srv/progress"))
    assert found.sources["results"] == str(clean / "user.toml"), "relative to its file"
    assert found.sources["lessons"] == str(clean / "etc.toml")
    monkeypatch.setenv("CNN_TUTOR_RESULTS", "/tmp/class")
    monkeypatch.setenv("CNN_TUTOR_LESSONS", "/a:/b")
    found = load_settings()
    assert (found.results, found.lessons) == (Path("/tmp/class"), (Path("/a"), Path("/b")))
    assert found.sources["results"] == "CNN_TUTOR_RESULTS"


@pytest.mark.parametrize(
    ("text", "message"),
    [
        ("lessons = '/srv'", "user.toml:1: lessons: must be a list of folder paths"),
        ("shipped_lessons = 1", "user.toml:1: shipped_lessons: must be true or false"),
        ("\ncolour = 'blue'", "user.toml:2: colour: is not a setting (settings: lessons,"),
        ("results = ", "user.toml: Invalid value (at end of document)"),
        ("results = '\\u001b'\n\u001b = 1", "user.toml: "),
        ("lessons = " + "[" * 5000 + "]" * 5000, "user.toml: is nested too deeply to be settings"),
        ("results = " + "9" * 5000, "user.toml: holds a number too long to read"),
        ("results = '~nosuchuser/x'", "user.toml:1: results: ~nosuchuser: no such user"),
    ],
)
def test_a_bad_settings_file_is_one_line_naming_file_and_key(
    clean: Path, text: str, message: str
) -> None:
    (clean / "user.toml").write_text(text)
    with pytest.raises(SettingsError) as error:
        load_settings()
    assert message in str(error.value) and "\n" not in str(error.value)
    assert "\x1b" not in str(error.value)


def test_every_problem_of_a_settings_file_is_listed_with_its_line(clean: Path) -> None:
    (clean / "user.toml").write_text(
        "# a lab's settings\nlessons = '/srv'\nresults = 'ok'\nshiped_lessons = false\n"
    )
    with pytest.raises(SettingsError) as error:
        load_settings()
    assert error.value.problems == (
        f"{clean / 'user.toml'}:2: lessons: must be a list of folder paths",
        f"{clean / 'user.toml'}:4: shiped_lessons: is not a setting (settings: lessons, "
        "shipped_lessons, results, progress)",
    )


def test_a_broken_system_file_is_left_out_with_a_warning(
    clean: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    """Shared by every learner: a typo there must not stop the whole lab."""
    (clean / "etc.toml").write_text("lessons = '/srv'\nresuls = 'x'\n")
    (clean / "user.toml").write_text("shipped_lessons = true\n")
    found = load_settings()
    assert found == Settings() and found.warnings == (
        f"{clean / 'etc.toml'}:1: lessons: must be a list of folder paths",
        f"{clean / 'etc.toml'}:2: resuls: is not a setting (settings: lessons, shipped_lessons, "
        "results, progress)",
        f"{clean / 'etc.toml'}: left out: the tutor starts without it",
    )
    assert main(["check"]) == 0
    out = capsys.readouterr().out
    assert f"warning: {clean / 'etc.toml'}: left out: the tutor starts without it" in out


def test_a_variable_naming_a_user_without_a_home_is_one_line(
    clean: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    monkeypatch.setenv("CNN_TUTOR_RESULTS", "~nosuchuser/class")
    with pytest.raises(SettingsError) as error:
        load_settings()
    assert str(error.value) == (
        "CNN_TUTOR_RESULTS: ~nosuchuser: no such user, or one without a home folder"
    )


def test_the_tutor_refuses_to_start_on_bad_settings_in_one_line(
    clean: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    (clean / "user.toml").write_text("lessons = 3")
    assert main(["--lesson", "1"]) == 2
    err = capsys.readouterr().err
    assert err == f"cnn-tutor: {clean / 'user.toml'}:1: lessons: must be a list of folder paths\n"


def test_lessons_beside_or_instead_and_check_says_where_they_came_from(
    clean: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    mine = lesson_folder(clean, "mine", ("pooling", 10, "Pooling"))
    more = lesson_folder(clean, "more", ("strides-again", 11, "Strides again"))
    (clean / "etc.toml").write_text(f'lessons = ["{mine}"]\n')
    choices = resolve(load_settings(), None, [more])
    assert [(f.path, f.chosen_by) for f in choices.folders] == [
        (shipped_lessons_dir(), "shipped"),
        (mine, str(clean / "etc.toml")),
        (more, "--add-lessons"),
    ]
    assert main(["--add-lessons", str(more), "check"]) == 0
    out = capsys.readouterr().out.splitlines()
    assert out[:4] == [
        "Lessons in use:",
        f"  {shipped_lessons_dir()}  (chosen by shipped)",
        f"  {mine}  (chosen by {clean / 'etc.toml'})",
        f"  {more}  (chosen by --add-lessons)",
    ]
    assert len([line for line in out if line.startswith("OK")]) == 11
    assert main(["--lessons", str(more), "--lessons", str(mine), "check"]) == 0
    out = capsys.readouterr().out.splitlines()
    assert out[1:3] == [f"  {more}  (chosen by --lessons)", f"  {mine}  (chosen by --lessons)"]
    assert len([line for line in out if line.startswith("OK")]) == 2, "both, not the last"
    assert main(["--lessons", str(more), "check", "--add-lessons", str(mine)]) == 0
    out = capsys.readouterr().out.splitlines()
    assert out[1:3] == [f"  {more}  (chosen by --lessons)", f"  {mine}  (chosen by --add-lessons)"]


def test_report_takes_the_lesson_flags_after_its_name(
    clean: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    mine = lesson_folder(clean, "mine", ("pooling", 10, "Pooling"))
    results = clean / "results"
    results.mkdir()
    assert main(["report", "--add-lessons", str(mine), str(results)]) == 0
    assert "Class report: 0 learners, 10 lessons" in capsys.readouterr().out
    assert main(["report", str(results), "--lessons", str(mine)]) == 0
    assert "Class report: 0 learners, 1 lesson" in capsys.readouterr().out


def test_an_id_or_order_used_twice_is_reported_with_both_files(
    clean: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    mine = lesson_folder(clean, "mine", ("one-kernel", 12, "Mine"), ("extra", 3, "Extra"))
    assert main(["--add-lessons", str(mine), "check"]) == 1
    out = capsys.readouterr().out
    shipped = sorted(shipped_lessons_dir().glob("*.toml"))
    assert (
        f"ERROR {mine / 'one-kernel.toml'}: id: 'one-kernel' is already used by {shipped[0]}"
    ) in out
    assert f"ERROR {mine / 'extra.toml'}: order: 3 is already used by {shipped[2]}" in out


async def test_a_teachers_lesson_shows_in_the_list_after_the_shipped_ones(
    clean: Path, home: Path
) -> None:
    mine = lesson_folder(clean, "mine", ("pooling", 10, "Pooling"))
    app = start.build_app(None, resolve(Settings(lessons=(mine,))).folders, home=home)
    async with run(app) as pilot:
        await pilot.press("end")
        text = await wait_for_text(pilot, "10  Pooling  [new]")
        assert "9  Beyond" in text
