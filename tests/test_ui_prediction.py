"""Predictions at 80 x 24: lesson 1's third page asks for the neuron at row 2, col 3 before
showing it; the screen hides its value until the learner has typed one, then judges it with
the engine's number and keeps it in the progress file."""

from __future__ import annotations

import json
from pathlib import Path

from textual.pilot import Pilot

from tests.ui_driver import build_app, run, wait_for_text, wait_until
from tutor.engine import Step
from tutor.lessons.loader import load_lesson
from tutor.lessons.model import Lesson
from tutor.lessons.shipped import shipped_lessons_dir
from tutor.ui.scene.canvas import SceneCanvas
from tutor.ui.screens.lesson import LessonScreen
from tutor.ui.screens.lesson_list import LessonListScreen

ASKED = "Predict the neuron at row 2, col 3"


def predicted_step() -> Step:
    """The engine's own working of the neuron lesson 1's third page asks about."""
    lesson = load_lesson(shipped_lessons_dir() / "01-one-kernel.toml")
    assert isinstance(lesson, Lesson)
    page = lesson.pages[2]
    assert page.scene is not None and page.predict is not None
    assert page.predict.neuron == (0, 1, 2)
    stepper = page.scene.stepper()
    return stepper.step(stepper.index_of(0, 1, 2))


def output_cell(app, row: int, col: int) -> str:  # type: ignore[no-untyped-def]
    return str(app.screen.query_one(SceneCanvas).drawn.grid("output-0").texts[row][col]).strip()


def predictions(home: Path) -> list[list[object]]:
    saved = json.loads((home / "progress.json").read_text())
    return saved["lessons"]["one-kernel"]["predictions"]


async def open_page_3(pilot: Pilot[None]) -> None:
    await wait_for_text(pilot, "page 1 of")
    await pilot.press("n", "n")
    await wait_for_text(pilot, "page 3 of 4")


async def test_the_neuron_is_hidden_until_predicted_and_a_slip_is_named(home: Path) -> None:
    step = predicted_step()
    value, before_bias = int(step.result), int(step.total)
    app = build_app(home, lesson=1)
    async with run(app) as pilot:
        await open_page_3(pilot)
        await pilot.press(*["right"] * 5)
        await wait_for_text(pilot, ASKED)
        # the box takes rows, then the text folds to keep the working in view: a frame later
        text = await wait_for_text(pilot, f"+ bias {int(step.bias)} = ?")
        assert "Step 6 of 9" in text and ASKED in text
        assert output_cell(app, 1, 2) == "?"
        assert f"= {value}" not in text.replace(f"= {value}0", "")
        await pilot.press("l", "space", "p")  # letters and space do not leave the box
        canvas = app.screen.query_one(SceneCanvas)
        await pilot.click(SceneCanvas, offset=canvas.cell_offset("output-0", 2, 2))
        text = await wait_for_text(pilot, "Type your prediction and press Enter")
        assert "Step 6 of 9" in text and output_cell(app, 1, 2) == "?"
        assert "paused" in text
        await pilot.press(*str(before_bias), "enter")
        text = await wait_for_text(pilot, f"✗ This neuron is {value}, not {before_bias}")
        assert "the sum before the bias, which comes last" in text
        assert output_cell(app, 1, 2) == str(value)
        assert f"+ bias {int(step.bias)} = {value}" in text
        await wait_until(
            pilot,
            lambda: (home / "progress.json").exists() and predictions(home) != [],
            "the prediction saved",
        )
        [record] = predictions(home)
        assert record[:5] == [2, [0, 1, 2], str(before_bias), False, "left_out_bias"]
        await pilot.press("right")
        text = await wait_for_text(pilot, "Step 7 of 9")
        assert ASKED not in text
        await pilot.press("left", "left", "right")  # answered on this visit: not asked again
        text = await wait_for_text(pilot, "Step 6 of 9")
        assert ASKED not in text and output_cell(app, 1, 2) == str(value)


async def test_a_right_prediction_and_what_is_not_a_number(home: Path) -> None:
    value = int(predicted_step().result)
    app = build_app(home, lesson=1)
    async with run(app) as pilot:
        await open_page_3(pilot)
        await pilot.press("end")  # a jump past the neuron stops at it
        text = await wait_for_text(pilot, ASKED)
        assert "Step 6 of 9" in text
        await pilot.press("enter")
        await wait_for_text(pilot, "Type the number you expect first")
        await pilot.press(*"1,2", "enter")
        await wait_for_text(pilot, "Type the number with digits")
        assert output_cell(app, 1, 2) == "?"
        await pilot.press("ctrl+u", *"1.024", "enter")
        await wait_for_text(pilot, "1.024 reads as a decimal here: for thousands type 1,024")
        devanagari = str(value).translate({ord(d): 0x0966 + int(d) for d in "0123456789"})
        await pilot.press("ctrl+u", *devanagari, "enter")  # the digits of a Hindi keyboard
        await wait_for_text(pilot, f"✓ Right: this neuron is {value}.")
        await wait_until(pilot, lambda: predictions(home) != [], "the prediction saved")
        assert predictions(home)[0][2:5] == [devanagari, True, ""]


async def test_r_shows_the_neuron_without_a_prediction_and_a_new_visit_asks_again(
    home: Path,
) -> None:
    app = build_app(home, lesson=1)
    async with run(app) as pilot:
        await open_page_3(pilot)
        await pilot.press("p")  # playing stops at the neuron and asks
        text = await wait_for_text(pilot, ASKED)
        assert "Step 6 of 9" in text and "paused" in text
        await pilot.press("r")
        await wait_for_text(pilot, "Shown without a prediction")
        assert output_cell(app, 1, 2) != "?"
        await pilot.press("b", "n")
        await wait_for_text(pilot, "page 3 of 4")
        await pilot.press(*["right"] * 6)
        text = await wait_for_text(pilot, ASKED)
        assert "Step 6 of 9" in text
        await pilot.press("m")  # leaving with the prediction open loses nothing
        await wait_until(pilot, lambda: isinstance(app.screen, LessonListScreen), "the list")
    saved = json.loads((home / "progress.json").read_text())["lessons"]["one-kernel"]
    assert saved["predictions"] == [] and saved["page"] == 2 and saved["step"] == 5


async def test_resuming_at_the_neuron_asks_at_once(home: Path) -> None:
    app = build_app(home, lesson=1)
    async with run(app) as pilot:
        await open_page_3(pilot)
        await pilot.press(*["right"] * 5)
        await wait_for_text(pilot, ASKED)
        await pilot.press("m")
        await wait_until(pilot, lambda: isinstance(app.screen, LessonListScreen), "the list")
    app = build_app(home, lesson=1)
    async with run(app) as pilot:
        await wait_for_text(pilot, ASKED)
        text = await wait_for_text(pilot, "+ bias 3 = ?")  # the text folds to show the working
        assert "page 3 of 4" in text and "Step 6 of 9" in text and ASKED in text
        assert output_cell(app, 1, 2) == "?"


FIRST_NEURON = """format_version = 1
id = "first"
order = 1
title = "First"
summary = "A prediction of the first neuron."

[[pages]]
narration = '''
Read this first: the window sits on the top left corner. This text is long enough, with the
scene under it, that the screen is crowded: an 8 x 8 input, its kernel, its output and the
working do not all fit under it at 80 x 24.

A second paragraph, so that the text takes its full share of the screen.
'''
[pages.scene.layer]
size = 8
kernel = 3
[pages.scene.input]
seed = 1
range = [0, 3]
[pages.scene.weights]
seed = 2
range = [-1, 1]
[pages.predict]
neuron = [1, 1]

[quiz]
[[quiz.questions]]
kind = "number"
prompt = "How many parameters: {layer}?"
answer = "shared_total"
[quiz.questions.layer]
size = 4
kernel = 3
"""


async def test_a_prediction_of_the_first_neuron_leaves_the_text_to_be_read(
    home: Path, tmp_path: Path
) -> None:
    folder = tmp_path / "lessons"
    folder.mkdir()
    (folder / "01-first.toml").write_text(FIRST_NEURON)
    app = build_app(home, folder, lesson=1)
    async with run(app) as pilot:
        text = await wait_for_text(pilot, "Predict the neuron at row 1, col 1")
        assert "Read this first" in text and "Step 1 of 36" in text
        screen = app.screen
        assert isinstance(screen, LessonScreen) and not screen.text_folded
