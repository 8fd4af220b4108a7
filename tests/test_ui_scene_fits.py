"""At 80 x 24, every scene page shows what a learner checks without scrolling.

After the first step: the status line, the last line of the arithmetic (the result with the
bias) and the counter line; with a weight traced, the tracer's note as well. Counts pages show
their whole table, or scroll it with the keys the help names.
"""

from __future__ import annotations

from pathlib import Path

import pytest

from tests.test_screen_truth import shipped_lessons
from tests.ui_driver import build_app, run, screen_text, wait_for_text, wait_until
from tutor.engine import count_parameters, fmt
from tutor.lessons.model import Lesson
from tutor.ui.scene.canvas import SceneCanvas
from tutor.ui.screens.lesson import LessonScreen
from tutor.ui.widgets.counts_table import counts_renderable

LESSONS = shipped_lessons()
SCENE_PAGES = [
    (lesson, n)
    for lesson in LESSONS
    for n, page in enumerate(lesson.pages)
    if page.scene is not None
]
COUNTS_PAGES = [
    (lesson, n)
    for lesson in LESSONS
    for n, page in enumerate(lesson.pages)
    if page.counts is not None
]


def page_id(case: tuple[Lesson, int]) -> str:
    return f"{case[0].id}-page{case[1] + 1}"


async def open_page(pilot, lesson: Lesson, page: int) -> LessonScreen:  # type: ignore[no-untyped-def]
    await wait_for_text(pilot, f"page 1 of {len(lesson.pages)}")
    await pilot.press(*["n"] * page)
    await wait_for_text(pilot, f"page {page + 1} of {len(lesson.pages)}")
    screen = pilot.app.screen
    assert isinstance(screen, LessonScreen)
    return screen


@pytest.mark.parametrize("case", SCENE_PAGES, ids=page_id)
async def test_after_a_step_the_sums_and_counts_are_in_view(
    case: tuple[Lesson, int], home: Path
) -> None:
    lesson, page = case
    app = build_app(home, lesson=lesson.order)
    async with run(app) as pilot:
        screen = await open_page(pilot, lesson, page)
        await pilot.press("right")
        assert screen.stepper is not None
        step = screen.stepper.current
        text = await wait_for_text(pilot, f"Step 2 of {fmt(screen.stepper.count)}")
        panels = screen.facts.panels if screen.facts else ()
        canvas = screen.query_one(SceneCanvas)
        await wait_until(pilot, lambda: canvas.scroll_y == 0, "the scene at its top")
        text = screen_text(app)
        assert f"Step 2 of {fmt(screen.stepper.count)}  neuron at" in text
        asked = screen.hides_neuron()  # the page asks for this neuron: its result waits
        if "arithmetic" in panels:
            result = "?" if asked else f"{step.result:g}"
            assert f"+ bias {step.bias:g} = {result}" in text, text
        if asked:
            assert "Predict the neuron at" in text, text
            await pilot.press("r")  # shown without a prediction: the rest as on any page
        if "counter" in panels:
            assert "Neurons done 2 of" in text, text
        if not any(panel.endswith("-matrix") for panel in panels):  # M is wider: it scrolls
            assert canvas.drawn.width <= canvas.scrollable_content_region.width, (
                "the scene is wider than 80 columns"
            )
        await pilot.press("1")
        text = await wait_for_text(pilot, "Tracing w1")
        assert "(0 stops)" in text, text


@pytest.mark.parametrize("case", COUNTS_PAGES, ids=page_id)
async def test_a_counts_table_fits_or_scrolls_with_the_keys(
    case: tuple[Lesson, int], home: Path
) -> None:
    lesson, page = case
    app = build_app(home, lesson=lesson.order)
    async with run(app) as pilot:
        screen = await open_page(pilot, lesson, page)
        area = screen.query_one("#scene-area")
        if area.max_scroll_y == 0:
            return
        await pilot.press("J")
        await wait_until(pilot, lambda: area.scroll_y > 0, "the table to scroll down")
        await pilot.press("shift+up")
        await wait_until(pilot, lambda: area.scroll_y == 0, "the table to scroll up")


SMALL_COUNTS_PAGES = [
    case
    for case in COUNTS_PAGES
    if page_id(case) in {"one-kernel-page4", "many-filters-page3", "sharing-vs-local-page4"}
]
"""Counts pages of a small layer: the whole table, dense total included, is in view."""


@pytest.mark.parametrize("case", SMALL_COUNTS_PAGES, ids=page_id)
async def test_a_small_counts_table_shows_the_dense_total_at_once(
    case: tuple[Lesson, int], home: Path
) -> None:
    """Opened at 80 x 24, text unfolded: the dense row's last line (its total) is in view."""
    lesson, page = case
    app = build_app(home, lesson=lesson.order)
    async with run(app) as pilot:
        await open_page(pilot, lesson, page)
        layer = lesson.pages[page].counts
        assert layer is not None
        await wait_for_text(pilot, count_parameters(layer).dense.lines[-1])


@pytest.mark.parametrize("case", COUNTS_PAGES, ids=page_id)
def test_a_counts_table_says_nothing_twice(case: tuple[Lesson, int]) -> None:
    lesson, page = case
    layer = lesson.pages[page].counts
    assert layer is not None
    table = counts_renderable(count_parameters(layer))
    how = [line for cell in table.columns[2].cells for line in str(cell).splitlines()]
    assert len(how) == len(set(how)), how


async def test_lesson_3_opens_with_the_text_and_the_last_line_of_working_in_view(
    home: Path,
) -> None:
    app = build_app(home, lesson=3)
    async with run(app) as pilot:
        text = await wait_for_text(pilot, "Step 1 of 9")
        screen = app.screen
        assert isinstance(screen, LessonScreen) and screen.stepper is not None
        step = screen.stepper.current
        assert "A colour image is three grids" in text and not screen.text_folded
        assert f"+ bias {step.bias:g} = {step.result:g}" in text, text
