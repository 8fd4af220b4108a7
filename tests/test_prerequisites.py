"""A lesson that requires others opens once they are passed; the list says what unlocks it."""

from __future__ import annotations

import shutil
from pathlib import Path

from tests.ui_driver import build_app, run, wait_for_text
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
