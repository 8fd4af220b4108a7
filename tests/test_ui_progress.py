"""Progress through the app: resumed after a restart, and a damaged file never loses anything."""

from __future__ import annotations

import json
from pathlib import Path

from tests.ui_driver import build_app, run, screen_text, wait_for_text
from tutor.progress.model import VERSION
from tutor.ui.screens.lesson import LessonScreen
from tutor.ui.screens.quiz import QuizScreen


async def test_resume_lesson_page_and_step_after_a_restart(home: Path) -> None:
    app = build_app(home, lesson=2)
    async with run(app) as pilot:
        await pilot.press("n", "right")  # the page asks for its second neuron: r shows it
        await wait_for_text(pilot, "Predict the neuron at row 1, col 2")
        await pilot.press("r", "right", "right")
        await wait_for_text(pilot, "Step 4 of 25")
        await pilot.press("q")
    saved = json.loads((home / "progress.json").read_text())
    assert saved["version"] == VERSION and saved["last_lesson"] == "stride-padding"
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


async def test_a_quiz_left_half_way_resumes_after_a_restart_exactly(home: Path) -> None:
    """The same layers, choice order, answers and hints, at the question reached."""
    app = build_app(home, lesson=5)
    async with run(app) as pilot:
        # A fourth attempt, where every layer and choice order is drawn afresh.
        app.store.update(
            lambda progress: setattr(progress.lesson("sharing-vs-local"), "attempts", 3)
        )
        await pilot.press("n", "n", "n", "n")
        await wait_for_text(pilot, "Question 1 of 5")
        quiz = app.screen
        assert isinstance(quiz, QuizScreen) and quiz.run.attempt == 3
        first = quiz.run
        await pilot.press(*str(first.asked[0].answer), "enter", "enter")
        await wait_for_text(pilot, "Question 2 of 5")
        await pilot.press("h")
        await wait_for_text(pilot, "Hint 1:")
        await pilot.press("q")
    app = build_app(home)
    async with run(app) as pilot:
        await wait_for_text(pilot, "[quiz under way (1 answered)]")
        await pilot.press("c")
        text = await wait_for_text(pilot, "Question 2 of 5")
        quiz = app.screen
        assert isinstance(quiz, QuizScreen)
        assert [asked.prompt for asked in quiz.run.asked] == [a.prompt for a in first.asked]
        assert [asked.choices for asked in quiz.run.asked] == [a.choices for a in first.asked]
        assert quiz.run.feedback[0] is not None and quiz.run.feedback[0].correct
        assert "Hint 1:" in text


async def test_the_list_opens_on_the_lesson_c_continues(home: Path) -> None:
    app = build_app(home, lesson=4)
    async with run(app) as pilot:
        await pilot.press("n", "q")
    app = build_app(home)
    async with run(app) as pilot:
        await wait_for_text(pilot, "c continues lesson 4")
        await pilot.press("enter")
        await wait_for_text(pilot, "Lesson 4 · page 2 of 3")
