"""A scene larger than the terminal: what scrolls into view is what the whole scene shows there.

The canvas lays out only the columns of grids in view, leaving the others blank, so each test
compares the 80 x 24 view, scrolled, against the same scene on a terminal wide enough to show
it whole.
"""

from __future__ import annotations

from pathlib import Path

from tests.ui_driver import build_app, run, screen_text, wait_for_text, wait_until
from tutor.ui.scene.canvas import SceneCanvas
from tutor.ui.scene.lines import plain
from tutor.ui.scene.texts import arithmetic_lines
from tutor.ui.screens.lesson import LessonScreen

WIDE = (320, 100)
CONTENT = slice(1, 78)
"""Columns of an 80-column screen the canvas draws into: a margin left, a scrollbar right."""


def scene_lesson(folder: Path, layer: str, panels: str, values: str = "[-99, 99]") -> Path:
    folder.mkdir()
    (folder / "01-scene.toml").write_text(f"""format_version = 1
id = "big-scene"
order = 1
title = "A scene larger than the terminal"
summary = "For the scrolling tests."

[[pages]]
narration = "Short."

[pages.scene]
panels = [{panels}]

[pages.scene.layer]
{layer}

[pages.scene.input]
seed = 1
range = {values}

[pages.scene.weights]
seed = 2
range = {values}

[pages.scene.bias]
seed = 3
range = [-9, 9]

[quiz]

[[quiz.questions]]
kind = "number"
prompt = "How many parameters does {{layer}} have?"
answer = "shared_total"
[quiz.questions.layer]
size = 4
kernel = 3
""")
    return folder


FOUR_CHANNELS = "size = 14\npadding = 1\nchannels = 4\nfilters = 2\nkernel = 5"
LONG_WORKING = "height = 2\nwidth = 7\nchannels = 2\nfilters = 1\nkernel = [2, 7]"


async def whole_scene(home: Path, folder: Path, steps: int) -> list[str]:
    """The screen lines of the scene shown whole, after `steps` steps."""
    app = build_app(home, folder, lesson=1)
    async with run(app, size=WIDE) as pilot:
        await wait_for_text(pilot, "Step 1 of")
        await pilot.press(*["right"] * steps)
        return (await wait_for_text(pilot, f"Step {steps + 1} of")).splitlines()


def row_of(lines: list[str], text: str) -> int:
    return next(i for i, line in enumerate(lines) if text in line)


async def test_columns_scrolled_into_view_show_what_the_whole_scene_shows(
    home: Path, tmp_path: Path
) -> None:
    folder = scene_lesson(tmp_path / "lessons", FOUR_CHANNELS, '"input", "kernel", "output"')
    wide = await whole_scene(home, folder, steps=3)
    app = build_app(home, folder, lesson=1)
    async with run(app) as pilot:
        await pilot.press("right", "right")
        text = await wait_for_text(pilot, "Step 3 of")
        assert "input ch3" not in text, "off to the right at first"
        canvas = app.screen.query_one(SceneCanvas)
        for _ in range(14):  # 8 columns a press: past channels 1 and 2
            await pilot.press("L")
        await wait_until(pilot, lambda: canvas.scroll_x >= 100, "the scene to scroll right")
        await pilot.press("right")  # a step taken while scrolled: the view follows it
        narrow = (await wait_for_text(pilot, "input ch3")).splitlines()
        assert "[" in "".join(narrow), "the receptive field is boxed in the channels in view"
        offset = round(canvas.scroll_x)
        top, wide_top = row_of(narrow, "input ch"), row_of(wide, "input ch1")
        for row in range(top, top + 16):
            expected = wide[wide_top + row - top][1 + offset :][: CONTENT.stop - CONTENT.start]
            assert narrow[row][CONTENT].rstrip() == expected.rstrip(), f"screen row {row}"


async def test_a_long_working_widens_the_scene_and_scrolls_into_view(
    home: Path, tmp_path: Path
) -> None:
    """A 2 x 7 kernel's working (7 products "-dd×-dd" a line) is wider than its grids."""
    folder = scene_lesson(
        tmp_path / "lessons", LONG_WORKING, '"input", "kernel", "arithmetic"', values="[-99, -10]"
    )
    app = build_app(home, folder, lesson=1)
    async with run(app) as pilot:
        await wait_for_text(pilot, "Step 1 of")
        screen = app.screen
        assert isinstance(screen, LessonScreen) and screen.stepper is not None
        working = [plain(line) for line in arithmetic_lines(screen.stepper.current, 77)]
        canvas = screen.query_one(SceneCanvas)
        await wait_until(
            pilot,
            lambda: canvas.virtual_size.width == max(map(len, working)),
            "the scene to widen to its working",
        )
        for _ in range(8):
            await pilot.press("L")
        await wait_until(
            pilot,
            lambda: canvas.scroll_x == canvas.max_scroll_x > 0,
            "the scene to scroll to its right edge",
        )
        text = screen_text(app)
        widest = max(working, key=len)
        assert widest[-20:] in text, "the end of the widest line can be scrolled to"


async def test_a_click_on_a_cell_scrolled_into_view_points_at_that_neuron(
    home: Path, tmp_path: Path
) -> None:
    folder = scene_lesson(tmp_path / "lessons", FOUR_CHANNELS, '"input", "kernel", "output"')
    app = build_app(home, folder, lesson=1)
    async with run(app) as pilot:
        await wait_for_text(pilot, "Step 1 of")
        canvas = app.screen.query_one(SceneCanvas)
        for _ in range(40):
            await pilot.press("L")
        await wait_until(
            pilot,
            lambda: canvas.scroll_x == canvas.max_scroll_x > 0,
            "the output slices to scroll into view",
        )
        await pilot.click(SceneCanvas, offset=canvas.cell_offset("output-0", 2, 11))
        canvas.scroll_to(x=0, animate=False)
        await wait_for_text(pilot, "Step 36 of 288  neuron at slice 1, row 3, col 12")
