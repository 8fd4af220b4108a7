"""Counts predicted before the tally shows them: lesson 4 asks how many kernels its whole
pass used, lesson 5 how many parameters six unshared neurons needed (lesson 6's map asks
AlexNet's unshared count: tests/test_ui_map.py). The tally is withheld until the learner has
typed a number; a wrong one that the other scheme gives is named as the misconception."""

from __future__ import annotations

import json
from pathlib import Path

import pytest

from tests.ui_driver import build_app, run, wait_for_text, wait_until
from tutor.cli import main, start
from tutor.engine import ConvLayer, NeuronWalk
from tutor.engine.count_slips import count_slip_values, counted
from tutor.lessons.model import CountPrediction
from tutor.progress import summary
from tutor.progress.predictions import prediction_from_json
from tutor.ui.scene.canvas import SceneCanvas
from tutor.ui.scene.lines import plain
from tutor.ui.screens.lesson import LessonScreen

LESSON_4 = ConvLayer(height=5, width=5, channels=3, kernel=3, padding=1, stride=2, filters=2)
LESSON_5 = ConvLayer(height=6, width=6, channels=1, kernel=3, filters=1)


def test_the_slips_are_the_other_schemes_count_and_the_weights_alone() -> None:
    shared = NeuronWalk(LESSON_4, "shared")
    last = shared.count - 1
    assert counted(shared, "kernels", last) == 2
    assert count_slip_values(shared, "kernels", last) == {18: "one_kernel_per_neuron"}
    assert count_slip_values(shared, "parameters", last) == {
        504: "one_kernel_per_neuron",
        54: "left_out_biases",
    }
    unshared = NeuronWalk(LESSON_5, "unshared")
    assert counted(unshared, "parameters", 5) == 60
    assert count_slip_values(unshared, "parameters", 5) == {
        10: "as_if_shared",
        54: "left_out_biases",
    }


def test_a_count_slip_is_read_back_from_the_progress_file() -> None:
    record = prediction_from_json([0, [1, 2, 2], "18", False, "one_kernel_per_neuron", 1.0e9], "x")
    assert record.slip == "one_kernel_per_neuron" and record.neuron == (1, 2, 2)


def scene_lines(app) -> str:  # type: ignore[no-untyped-def]
    """Every line of the scene as drawn, in view or scrolled out of it."""
    return "\n".join(plain(line) for line in app.screen.query_one(SceneCanvas).drawn.lines)


def predictions(home: Path, lesson_id: str) -> list[list[object]]:
    return json.loads((home / "progress.json").read_text())["lessons"][lesson_id]["predictions"]


async def test_lesson_4_asks_for_the_kernels_at_the_end_and_names_the_misconception(
    home: Path,
) -> None:
    app = build_app(home, lesson=4)
    async with run(app) as pilot:
        await wait_for_text(pilot, "page 1 of 3")
        screen = app.screen
        assert isinstance(screen, LessonScreen)
        predict = screen.lesson.pages[0].predict
        assert isinstance(predict, CountPrediction) and predict.kind == "kernels"
        await pilot.press("end")
        text = await wait_for_text(pilot, "Predict the kernels needed by step 18")
        assert "Step 18 of 18" in text
        canvas = app.screen.query_one(SceneCanvas)
        await pilot.click(SceneCanvas, offset=canvas.cell_offset("output-0", 0, 0))
        text = await wait_for_text(pilot, "Type your prediction and press Enter")  # it waits
        assert "Step 18 of 18" in text
        assert "kernels used ? · parameters ?" in scene_lines(app)
        await pilot.press("1", "8", "enter")
        text = await wait_for_text(pilot, "It is 2 kernels, not 18")
        assert "a kernel per neuron; here a slice shares one" in " ".join(text.split())
        await wait_until(
            pilot,
            lambda: "kernels used 2 · parameters 56" in scene_lines(app),
            "the tally shown once answered",
        )
    [saved] = predictions(home, "many-filters")
    assert (
        saved[0] == 0
        and saved[1] == [1, 2, 2]
        and saved[2:5] == ["18", False, "one_kernel_per_neuron"]
    )


async def test_lesson_5_stops_at_the_sixth_unshared_neuron_for_its_parameters(home: Path) -> None:
    app = build_app(home, lesson=5)
    async with run(app) as pilot:
        await wait_for_text(pilot, "page 1 of 4")
        await pilot.press("n")
        await wait_for_text(pilot, "page 2 of 4")
        await pilot.press("end")  # a jump past the step asked about stops at it
        text = await wait_for_text(pilot, "Predict the parameters needed by step 6")
        assert "Step 6 of 16" in text and "parameters ? of 160" in scene_lines(app)
        await pilot.press("6", "0", "enter")
        await wait_for_text(pilot, "Right: the pass has needed 60 parameters.")
        assert "kernels used 6 · parameters 60 of 160" in scene_lines(app)
        await pilot.press("end")
        await wait_for_text(pilot, "Step 16 of 16")
    [saved] = predictions(home, "sharing-vs-local")
    assert saved[0] == 1 and saved[2:5] == ["60", True, ""]


async def test_the_class_report_names_the_count_a_page_asked_for(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch, capsys: pytest.CaptureFixture[str]
) -> None:
    results = tmp_path / "results"
    results.mkdir()
    monkeypatch.setattr(summary, "login_name", lambda: "dana")
    app = start.build_app(4, home=tmp_path / "dana", results=results)
    async with run(app) as pilot:
        await wait_for_text(pilot, "page 1 of 3")
        await pilot.press("end")
        await wait_for_text(pilot, "Predict the kernels needed by step 18")
        await pilot.press("1", "8", "enter")
        await wait_for_text(pilot, "It is 2 kernels, not 18")
    assert main(["report", str(results)]) == 0
    text = capsys.readouterr().out
    assert "  0/1  4, page 1: the kernels needed by step 18" in text.splitlines()
    assert "  counted a kernel per neuron, with sharing: 1 learner (1 time)" in text.splitlines()
