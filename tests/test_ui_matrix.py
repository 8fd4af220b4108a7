"""Lesson 8 at 80 x 24: the layer as one matrix M, drawn dense, locally connected and shared."""

from __future__ import annotations

from pathlib import Path

import numpy as np

from tests.ui_driver import build_app, run, screen_text, wait_for_text, wait_until
from tutor.engine import conv2d
from tutor.ui.scene.canvas import SceneCanvas
from tutor.ui.scene.grids import Grid
from tutor.ui.scene.lines import BOXED, DIMMED, STARRED
from tutor.ui.screens.lesson import LessonScreen


def drawn(app, panel: str) -> Grid:  # type: ignore[no-untyped-def]
    return app.screen.query_one(SceneCanvas).drawn.grid(panel)


def boxed_rows(grid: Grid) -> list[int]:
    return [r for r, marks in enumerate(grid.marks) if all(mark & BOXED for mark in marks)]


def starred(grid: Grid) -> list[str]:
    return [
        text.strip()
        for texts, marks in zip(grid.texts, grid.marks, strict=True)
        for text, mark in zip(texts, marks, strict=True)
        if mark & STARRED
    ]


def joined(text: str) -> str:
    return " ".join(line.strip() for line in text.splitlines())


async def test_the_dense_matrix_has_a_weight_in_every_entry_and_the_row_follows_the_step(
    home: Path,
) -> None:
    app = build_app(home, lesson=8)
    async with run(app) as pilot:
        text = await wait_for_text(pilot, "fully connected: 36 entries, 36 different weights")
        dense = drawn(app, "matrix-dense")
        assert dense.shape == (4, 9) and boxed_rows(dense) == [0]
        assert [t.strip() for t in dense.texts[1]] == [f"w{n}" for n in range(10, 19)]
        assert [t.strip() for t in drawn(app, "matrix-x").texts[0]] == [
            f"x{n}" for n in range(1, 10)
        ]
        assert "Neuron 1 is row 1 of M" in joined(text)
        await pilot.press("right", "right")
        text = await wait_for_text(pilot, "Step 3 of 4")
        assert boxed_rows(drawn(app, "matrix-dense")) == [2]
        screen = app.screen
        assert isinstance(screen, LessonScreen) and screen.stepper is not None
        step = screen.stepper.current
        assert (
            "Neuron 3 is row 3 of M: its output is row 3 · x + its bias. These weights have "
            "names, not values; the output shown is the convolution's, "
            f"{step.total:g} + bias {step.bias:g} = {step.result:g}."
        ) in joined(text)
        assert boxed_rows(drawn(app, "input-0")) == [0, 1, 2], "it reads the whole input"
        assert "output: own rows of M" in text and "W1" not in text
        await pilot.press("4")
        text = await wait_for_text(pilot, "Tracing w4")
        assert "the fully connected M has no kernel: each row is one neuron's own" in joined(text)
        assert starred(drawn(app, "matrix-dense")) == starred(drawn(app, "input-0")) == []
        await pilot.press("w")
        await wait_for_text(pilot, "showing own rows of M")
        names = drawn(app, "output-0").texts
        assert [t.strip() for row in names for t in row] == ["row1", "row2", "row3", "row4"]


async def test_locally_connected_rows_hold_new_weights_in_the_window_and_zeros_elsewhere(
    home: Path,
) -> None:
    app = build_app(home, lesson=8)
    async with run(app) as pilot:
        await pilot.press("n")
        await wait_for_text(pilot, "locally connected: 16 entries, 16 different weights")
        local = drawn(app, "matrix-unshared")
        assert all(sum(t.strip() != "·" for t in row) == 4 for row in local.texts)
        assert all(
            bool(mark & DIMMED) == (text.strip() == "·")
            for texts, marks in zip(local.texts, local.marks, strict=True)
            for text, mark in zip(texts, marks, strict=True)
        ), "zeros are dimmed"
        await pilot.press("right", "4")
        text = await wait_for_text(pilot, "Tracing w4")
        assert starred(drawn(app, "matrix-unshared")) == ["w8"], "only this neuron's own w4"
        assert "this neuron's is w8, the one * entry" in joined(text)
        assert boxed_rows(drawn(app, "matrix-unshared")) == [1]
        input_marks = np.array(drawn(app, "input-0").marks)
        assert (np.argwhere(input_marks & STARRED) == [[1, 2]]).all(), "the one input it reads"
        assert "output: own kernels" in text and "W1" not in text
        await pilot.press("w")
        await wait_for_text(pilot, "showing own kernels")
        names = drawn(app, "output-0").texts
        assert [t.strip() for row in names for t in row] == ["#1", "#2", "#3", "#4"]


async def test_the_convolution_repeats_four_weights_and_its_rows_compute_the_outputs(
    home: Path,
) -> None:
    app = build_app(home, lesson=8)
    async with run(app) as pilot:
        await pilot.press("n", "n")
        await wait_for_text(pilot, "convolution: 16 entries, 4 different weights")
        shared = drawn(app, "matrix-shared")
        assert {t.strip() for row in shared.texts for t in row} == {
            "·",
            *(f"w{n}" for n in range(1, 5)),
        }
        await pilot.press("4")
        text = await wait_for_text(pilot, "Tracing w4")
        assert starred(drawn(app, "matrix-shared")) == ["w4"] * 4, "w4 once in every row"
        assert "in the convolution M it is w4, in all 4 * entries" in joined(text)
        screen = app.screen
        assert isinstance(screen, LessonScreen)
        scene = screen.lesson.pages[2].scene
        assert scene is not None
        stepper = scene.stepper()
        sums = conv2d(stepper.inputs, stepper.weights).ravel().tolist()
        expected = conv2d(stepper.inputs, stepper.weights, stepper.biases).ravel().tolist()
        assert stepper.biases is not None
        bias = stepper.biases[0]
        for neuron in range(4):
            if neuron:
                await pilot.press("right")
                await wait_for_text(pilot, f"Step {neuron + 1} of 4")
            value = (
                f"row {neuron + 1} · x = {sums[neuron]:g}, + bias {bias:g} = "
                f"{expected[neuron]:g}, its output."
            )
            await wait_until(pilot, lambda value=value: value in joined(screen_text(app)), value)
            assert boxed_rows(drawn(app, "matrix-shared")) == [neuron]
            outputs = drawn(app, "output-0")
            assert outputs.texts[neuron // 2][neuron % 2].strip() == f"{expected[neuron]:g}"


async def test_all_three_share_one_shape_and_column_width(home: Path) -> None:
    app = build_app(home, lesson=8)
    async with run(app) as pilot:
        await pilot.press("n", "n", "n")
        await wait_for_text(pilot, "page 4 of 4: All three at once")
        await pilot.press(*"JJJJJJ")
        await wait_for_text(pilot, "convolution: 16 entries, 4 different weights")
        grids = [drawn(app, f"matrix-{scheme}") for scheme in ("dense", "unshared", "shared")]
        assert {grid.shape for grid in grids} == {(4, 9)}
        assert len({grid.cell_width for grid in grids}) == 1
        labels = [
            np.array([[t.strip() != "·" for t in row] for row in grid.texts]) for grid in grids
        ]
        assert (labels[1] == labels[2]).all(), "the same entries are wired"
