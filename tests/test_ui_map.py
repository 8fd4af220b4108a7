"""Lesson 6's neuron map of AlexNet's first layer at 80 x 24: the cursor over 290,400 neurons,
the receptive field, the kernel and the running counts, both schemes, and every map page."""

from __future__ import annotations

from pathlib import Path

import pytest
from textual.pilot import Pilot

from tests.test_screen_truth import shipped_lessons
from tests.test_ui_scene_fits import open_page, page_id
from tests.ui_driver import build_app, run, screen_text, wait_for_text, wait_until
from tutor.engine.walk import WalkCursor
from tutor.lessons.model import Lesson
from tutor.ui.scene.map_canvas import MapCanvas
from tutor.ui.scene.map_layout import VISITED
from tutor.ui.screens.lesson import LessonScreen

MAP_PAGES = [
    (lesson, n)
    for lesson in shipped_lessons()
    for n, page in enumerate(lesson.pages)
    if page.map is not None
]


def map_cursor(pilot: Pilot[None]) -> WalkCursor:
    screen = pilot.app.screen
    assert isinstance(screen, LessonScreen) and isinstance(screen.stepper, WalkCursor)
    return screen.stepper


def test_lesson_6_walks_alexnet_on_three_map_pages() -> None:
    alexnet = next(lesson for lesson in shipped_lessons() if lesson.order == 6)
    assert [page.map is not None for page in alexnet.pages] == [True, True, True, False]
    assert alexnet.pages[3].counts is not None, "one counts page for the summary"


async def test_the_map_says_where_each_neuron_reads_and_whose_kernel_it_uses(home: Path) -> None:
    app = build_app(home, lesson=6)
    async with run(app) as pilot:
        text = await wait_for_text(pilot, "Step 1 of 290,400  neuron at slice 1, row 1, col 1")
        assert "Reads input rows 1-11, cols 1-11, channels 1-3: 11 x 11 x 3 = 363 values" in text
        assert "Kernel W1: the same 363 weights and bias as all 3,025 neurons of slice 1" in text
        assert "kernels used 1 · parameters 364" in text
        await pilot.press("right", "right", "right", "down", "down")
        text = await wait_for_text(pilot, "neuron at slice 1, row 3, col 4")
        assert "Reads input rows 9-19, cols 13-23" in text
        await pilot.press("f")
        text = await wait_for_text(pilot, "Kernel W2: the same 363 weights")
        assert "slice 2, row 3, col 4" in text and "kernels used 2 · parameters 728" in text
        await pilot.press("end")
        text = await wait_for_text(pilot, "Step 290,400 of 290,400")
        assert "kernels used 96 · parameters 34,944" in text
        assert " 55 " + "■" * 55 in text, "the last row of the last slice, all visited"
        assert "■ a neuron done: every ■ of slice 96 used the one kernel W96" in text


async def test_unshared_every_neuron_owns_a_kernel_and_s_keeps_the_cursor(home: Path) -> None:
    app = build_app(home, lesson=6)
    async with run(app) as pilot:
        await pilot.press("n", "n")
        text = await wait_for_text(pilot, "Kernel #1 of 290,400: its own 363 weights and bias")
        assert "# a neuron done: each # used a kernel of its own" in text
        assert "  1 #" in text and "■" not in text, "the map itself shows: no sharing"
        await pilot.press("f", "down", "right")
        text = await wait_for_text(pilot, "Kernel #3,082 of 290,400")
        assert "kernels used 3,082 · parameters 1,121,848" in text
        before = map_cursor(pilot).position
        await pilot.press("s")
        text = await wait_for_text(pilot, "Kernel W2: the same")
        assert map_cursor(pilot).position == before and "kernels used 2 · parameters 728" in text
        await pilot.press("s", "end")  # the last neuron: the page asks for the count first
        text = await wait_for_text(pilot, "Predict the parameters needed by step 290,400")
        assert "kernels used ? · parameters ? · whole layer: ? kernels, ? parameters" in " ".join(
            text.split()
        )
        assert "105,705,600" not in text and "s Scheme" not in text, "nothing gives it away"
        await pilot.press(*"34944", "enter")  # the shared count: the misconception, named
        text = await wait_for_text(pilot, "It is 105,705,600 parameters, not 34,944")
        assert "that is the count with sharing; here each neuron owns its kernel" in " ".join(
            text.split()
        )
        await wait_for_text(pilot, "kernels used 290,400 · parameters 105,705,600")


async def test_play_sweeps_a_row_at_a_time_and_a_click_points_at_a_neuron(home: Path) -> None:
    app = build_app(home, lesson=6)
    async with run(app) as pilot:
        await wait_for_text(pilot, "Step 1 of 290,400")
        await pilot.press("p")
        await wait_for_text(pilot, "▶ playing 2 rows/s")
        await wait_until(pilot, lambda: map_cursor(pilot).position >= 55, "a row swept")
        await pilot.press("p")
        await wait_for_text(pilot, "paused")
        assert map_cursor(pilot).position % 55 == 0
        canvas = app.screen.query_one(MapCanvas)
        layout = canvas.drawn
        where = (
            layout.left + 10 - canvas.scroll_offset.x + canvas.content_offset.x,
            layout.top + 4 - canvas.scroll_offset.y + canvas.content_offset.y,
        )
        assert await pilot.click(canvas, offset=where)
        await wait_for_text(pilot, f"row {layout.first_row + 5}, col 11")


async def test_a_wide_terminal_puts_the_words_beside_the_map(home: Path) -> None:
    app = build_app(home, lesson=6)
    async with run(app, size=(120, 40)) as pilot:
        await pilot.press("right")
        text = await wait_for_text(pilot, "Step 2 of 290,400")
        first = next(line for line in text.splitlines() if line.startswith("  1 "))
        assert "■■" in first and "Step 2 of 290,400" in first


@pytest.mark.parametrize("case", MAP_PAGES, ids=page_id)
async def test_on_every_map_page_the_words_and_the_cursor_are_in_view(
    case: tuple[Lesson, int], home: Path
) -> None:
    lesson, page = case
    app = build_app(home, lesson=lesson.order)
    async with run(app) as pilot:
        await open_page(pilot, lesson, page)
        await pilot.press("down", "down", "right")
        await wait_for_text(pilot, "row 3, col 2")
        text = screen_text(app)
        for words in (
            "Reads input rows 9-19, cols 5-15",
            "Kernel ",
            "So far: 112 neurons",
            "whole layer",
        ):
            assert words in text, (words, text)
        glyph = VISITED[lesson.pages[page].map.mode]  # type: ignore[union-attr]
        row = next(line for line in text.splitlines() if line.startswith("  3 "))
        assert row.startswith("  3 " + glyph * 2), row
        assert f"{glyph} a neuron done: " in text, "the legend says what the glyph means"
