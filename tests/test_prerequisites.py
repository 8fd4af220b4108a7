"""A lesson that requires others opens once they are passed; the list says what unlocks it."""

from __future__ import annotations

import shutil
from pathlib import Path

from tests.ui_driver import build_app, run, wait_for_text
from tutor.cli import main
from tutor.lessons.loader import load_lesson
from tutor.lessons.model import BrokenLesson
from tutor.lessons.shipped import shipped_lessons_dir
from tutor.ui.screens.lesson_list import LessonListScreen


def folder_where_2_requires_1(tmp_path: Path, requires: str = '["one-kernel"]') -> Path:
    folder = tmp_path / "lessons"
    folder.mkdir(parents=True)
    shutil.copy(shipped_lessons_dir() / "01-one-kernel.toml", folder)
    text = (shipped_lessons_dir() / "02-stride-padding.toml").read_text()
    (folder / "02-stride-padding.toml").write_text(
        text.replace("order = 2\n", f"order = 2\nrequires = {requires}\n", 1)
    )
    return folder


async def test_a_locked_lesson_says_what_unlocks_it_and_opens_once_passed(
    home: Path, tmp_path: Path
) -> None:
    folder = folder_where_2_requires_1(tmp_path)
    app = build_app(home, folder)
    async with run(app) as pilot:
        text = await wait_for_text(
            pilot, "2  Stride, padding and output size  [locked: pass lesson 1 first]"
        )
        assert "1  One kernel, one feature map  [new]" in text
        await pilot.press("down", "enter")
        await wait_for_text(pilot, "Lesson 2 opens once you have passed")  # a notice, wrapped
        await wait_for_text(pilot, "lesson 1.")
        assert isinstance(app.screen, LessonListScreen)
        app.store.update(lambda progress: setattr(progress.lesson("one-kernel"), "passed", True))
        app.refresh_lesson_list()
        await wait_for_text(pilot, "2  Stride, padding and output size  [new]")
        await pilot.press("enter")
        await wait_for_text(pilot, "Lesson 2 · page 1 of 4")


async def test_starting_at_a_locked_lesson_opens_the_list_and_says_why(
    home: Path, tmp_path: Path
) -> None:
    folder = folder_where_2_requires_1(tmp_path, '["one-kernel", "pooling"]')
    app = build_app(home, folder, lesson=2)
    async with run(app) as pilot:
        await wait_for_text(pilot, "[locked: pass lesson 1 and 'pool")
        assert isinstance(app.screen, LessonListScreen)
        await wait_for_text(pilot, "Lesson 2 opens once you have passed")
        await wait_for_text(pilot, "here).")


def test_requires_names_other_lessons(tmp_path: Path) -> None:
    for bad, message in (
        ("[1]", "requires[0]: must be text"),
        ('["stride-padding"]', "requires[0]: must be the id of another lesson"),
        ('["Not An Id"]', "requires[0]: must be the id of another lesson"),
    ):
        folder = folder_where_2_requires_1(tmp_path / str(len(message) + len(bad)), bad)
        found = load_lesson(folder / "02-stride-padding.toml")
        assert isinstance(found, BrokenLesson) and message in found.message, found


def test_check_refuses_a_prerequisite_no_lesson_has(tmp_path: Path, capsys) -> None:  # type: ignore[no-untyped-def]
    folder = folder_where_2_requires_1(tmp_path, '["one-kernl"]')
    for paths in ([folder], [folder / "02-stride-padding.toml"]):
        assert main(["check", *map(str, paths)]) == 1
        out = capsys.readouterr().out
        assert (
            "02-stride-padding.toml: requires[0]: 'one-kernl' is no lesson here or shipped "
            "(did you mean 'one-kernel'?): this lesson could never open"
        ) in out, out
    ok = folder_where_2_requires_1(tmp_path / "ok")  # one-kernel is beside it: fine alone
    assert main(["check", str(ok / "02-stride-padding.toml")]) == 0, capsys.readouterr().out


def test_check_refuses_lessons_that_require_each_other(tmp_path: Path, capsys) -> None:  # type: ignore[no-untyped-def]
    folder = folder_where_2_requires_1(tmp_path)
    first = folder / "01-one-kernel.toml"
    first.write_text(
        first.read_text().replace("order = 1\n", 'order = 1\nrequires = ["stride-padding"]\n', 1)
    )
    assert main(["check", str(folder)]) == 1
    out = capsys.readouterr().out
    assert (
        "01-one-kernel.toml: requires: one-kernel -> stride-padding -> one-kernel go round in "
        "a circle: none of them could ever open"
    ) in out, out
    assert "02-stride-padding.toml: requires: stride-padding -> one-kernel -> stride-padding" in out
