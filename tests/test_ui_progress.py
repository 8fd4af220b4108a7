"""Progress through the app: resumed after a restart, and a damaged file never loses anything."""

from __future__ import annotations

import json
from pathlib import Path

from tests.ui_driver import build_app, run, screen_text, wait_for_text
from tutor.ui.screens.lesson import LessonScreen


async def test_resume_lesson_page_and_step_after_a_restart(home: Path) -> None:
    app = build_app(home, lesson=2)
    async with run(app) as pilot:
        await pilot.press("n", "right", "right", "right")
        await wait_for_text(pilot, "Step 4 of 25")
        await pilot.press("q")
    saved = json.loads((home / "progress.json").read_text())
    assert saved["version"] == 1 and saved["last_lesson"] == "stride-padding"
    assert saved["lessons"]["stride-padding"]["page"] == 1
    assert saved["lessons"]["stride-padding"]["step"] == 3

    app = build_app(home)
    async with run(app) as pilot:
        text = await wait_for_text(pilot, "[in progress: page 2 of 4]")
        assert "c continues lesson 2" in text
        await pilot.press("c")
        await wait_for_text(pilot, "Step 4 of 25  neuron at row 1, col 4")
        assert isinstance(app.screen, LessonScreen) and app.screen.page_index == 1


async def test_a_quiz_result_survives_a_restart(home: Path) -> None:
    app = build_app(home, lesson=1)
    async with run(app) as pilot:
        await pilot.press("n", "n", "n", "n", *"7", "enter", "enter", "m")
        await wait_for_text(pilot, "[quiz under way (1 answered)]")
    app = build_app(home)
    async with run(app) as pilot:
        await wait_for_text(pilot, "[quiz under way (1 answered)]")


async def test_a_damaged_file_is_kept_aside_and_the_app_starts_fresh(home: Path) -> None:
    home.mkdir(parents=True)
    damaged = b'{"version": 1, "lessons": {"one-kernel": {"page": 2'
    (home / "progress.json").write_bytes(damaged)
    app = build_app(home)
    async with run(app) as pilot:
        text = await wait_for_text(pilot, "Your progress file could not")
        assert "One kernel, one feature map  [new]" in text
        await pilot.press("enter", "n", "q")
    kept = list(home.glob("progress.damaged-*.json"))
    assert len(kept) == 1 and kept[0].read_bytes() == damaged
    assert json.loads((home / "progress.json").read_text())["lessons"]["one-kernel"]["page"] == 1


async def test_progress_that_cannot_be_saved_is_said_once(home: Path, tmp_path: Path) -> None:
    blocked = tmp_path / "not-a-folder"
    blocked.write_text("a file where the progress folder should be")
    app = build_app(blocked)
    async with run(app) as pilot:
        await wait_for_text(pilot, "Progress could not be read")
        await pilot.press("enter", "n")
        await wait_for_text(pilot, "page 2 of 4")
        assert "cannot be saved" in screen_text(app)
        await pilot.press("n")
        await wait_for_text(pilot, "page 3 of 4")
        assert app.store.progress.lessons["one-kernel"].page == 2, "kept in memory meanwhile"
    assert blocked.read_text() == "a file where the progress folder should be"
