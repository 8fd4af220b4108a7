"""The lesson screen at 80 x 24: stepping, playing, tracing, pointing, pages and folding."""

from __future__ import annotations

from pathlib import Path

from tests.textual_internals import running_timers
from tests.ui_driver import build_app, run, screen_text, wait_for_text, wait_until
from tutor.ui.scene.canvas import SceneCanvas
from tutor.ui.scene.lines import BOXED
from tutor.ui.screens.lesson import LessonScreen
from tutor.ui.screens.quiz import QuizScreen


def lesson_screen(app) -> LessonScreen:  # type: ignore[no-untyped-def]
    screen = app.screen
    assert isinstance(screen, LessonScreen)
    return screen


async def test_step_back_first_last(home: Path) -> None:
    app = build_app(home, lesson=1)
    async with run(app) as pilot:
        text = await wait_for_text(pilot, "Step 1 of 16  neuron at row 1, col 1  paused")
        assert " [ 0  0  0] 2  2  2 " in text, "the receptive field is bracketed on the input"
        assert "[0]? ? ?" in text, "the current output cell is bracketed, the rest pending"
        assert "-1×0 + 0×0 + 1×0 + -1×0 + 0×0 + 1×0 + -1×0 + 0×0 + 1×0 = 0" in text
        canvas = app.screen.query_one(SceneCanvas)
        weights = canvas.drawn.grid("kernel-0").texts
        await pilot.press("right", "l", "space")
        text = await wait_for_text(pilot, "Step 4 of 16  neuron at row 1, col 4")
        assert canvas.drawn.grid("kernel-0").texts == weights, "shared: the same weights everywhere"
        assert "0  0  0[ 2  2  2]" in text
        assert "0 6 6[0]" in text, "computed cells show their values"
        assert "-1×2 + 0×2 + 1×2" in text
        await pilot.press("left", "h")
        await wait_for_text(pilot, "Step 2 of 16  neuron at row 1, col 2")
        await pilot.press("end")
        text = await wait_for_text(pilot, "Step 16 of 16  neuron at row 4, col 4")
        await pilot.press("right")
        text = await wait_for_text(pilot, "Step 16 of 16")
        await pilot.press("home")
        await wait_for_text(pilot, "Step 1 of 16")
        await pilot.press("left")
        await wait_for_text(pilot, "Step 1 of 16")


async def test_cursor_keys_point_at_any_output_cell(home: Path) -> None:
    app = build_app(home, lesson=1)
    async with run(app) as pilot:
        await pilot.press("right", "down", "j")
        text = await wait_for_text(pilot, "neuron at row 3, col 2")
        assert "Step 10 of 16" in text
        await pilot.press("up")
        await wait_for_text(pilot, "neuron at row 2, col 2")
        await pilot.press("up", "up", "k")
        await wait_for_text(pilot, "neuron at row 1, col 2")


async def test_play_runs_and_pause_stops_every_timer(home: Path) -> None:
    app = build_app(home, lesson=1)
    async with run(app) as pilot:
        screen = lesson_screen(app)
        await pilot.press("plus", "plus", "plus")
        await pilot.press("p")
        await wait_for_text(pilot, "▶ playing 16 steps/s")
        await wait_until(
            pilot,
            lambda: screen.stepper is not None and screen.stepper.position >= 3,
            "three steps of play",
        )
        await pilot.press("p")
        await wait_for_text(pilot, "paused")
        assert screen._timer is None
        assert running_timers(screen) == []
        stopped_at = screen.stepper.position  # type: ignore[union-attr]
        await pilot.pause(0.2)
        assert screen.stepper.position == stopped_at  # type: ignore[union-attr]
        assert f"Step {stopped_at + 1} of 16" in screen_text(app)


async def test_play_stops_by_itself_at_the_last_step(home: Path) -> None:
    app = build_app(home, lesson=1)
    async with run(app) as pilot:
        screen = lesson_screen(app)
        await pilot.press("end", "left", "left", "plus", "plus", "plus", "minus", "p")
        await wait_for_text(pilot, "▶ playing 8 steps/s")
        await wait_for_text(pilot, "Step 16 of 16  neuron at row 4, col 4  paused")
        assert screen._timer is None
        await pilot.press("p")  # from the end, play starts over
        await wait_for_text(pilot, "▶ playing")
        await pilot.press("p")


async def test_tracing_a_shared_weight_marks_every_cell_it_multiplies(home: Path) -> None:
    app = build_app(home, lesson=1)
    async with run(app) as pilot:
        await pilot.press("5")
        text = await wait_for_text(pilot, "Tracing w5 of W1: it enters 16 products")
        assert "[w5]" in text
        input_rows = text.splitlines()[11:17]
        assert sum(row.count("*") for row in input_rows) == 16, "a star for every product"
        await pilot.press("t")
        await wait_for_text(pilot, "Tracing w6 of W1")
        await pilot.press("0")
        await wait_until(pilot, lambda: "Tracing" not in screen_text(app), "the trace to stop")


async def test_clicks_point_at_a_neuron_and_trace_a_weight(home: Path) -> None:
    app = build_app(home, lesson=1)
    async with run(app) as pilot:
        canvas = app.screen.query_one(SceneCanvas)
        await pilot.click(SceneCanvas, offset=canvas.cell_offset("output-0", 2, 3))
        await wait_for_text(pilot, "neuron at row 3, col 4")
        await pilot.click(SceneCanvas, offset=canvas.cell_offset("kernel-0", 0, 0))
        await wait_for_text(pilot, "Tracing w1 of W1: it enters 16 products")


async def test_unshared_page_shows_a_new_kernel_and_a_growing_count(home: Path) -> None:
    app = build_app(home, lesson=5)
    async with run(app) as pilot:
        text = await wait_for_text(pilot, "kernels used 1 · parameters 10 · no sharing 160")
        assert "kernel W1" in text
        await pilot.press("n")
        text = await wait_for_text(pilot, "own kernel #1")
        assert "Neurons done 1 of 16 · kernels used 1 · parameters 10 of 160 · shared 10" in text
        canvas = app.screen.query_one(SceneCanvas)
        first_kernel = canvas.drawn.grid("kernel-0").texts
        await pilot.press("right", "right")
        text = await wait_for_text(pilot, "own kernel #3")
        assert "Neurons done 3 of 16 · kernels used 3 · parameters 30 of 160" in text
        assert canvas.drawn.grid("kernel-0").texts != first_kernel, "a new kernel everywhere"
        await pilot.press("3")
        await wait_for_text(pilot, "Tracing w3 of this neuron's own kernel: 1 product")


async def test_w_shows_whose_kernel_made_each_neuron(home: Path) -> None:
    """Shared: every cell of the slice names W1. Unshared: every cell its own #n, 16 in all;
    the counter keeps counting either way, and w again brings the values back."""
    app = build_app(home, lesson=5)
    async with run(app) as pilot:
        await pilot.press("right", "w")
        text = await wait_for_text(pilot, "showing kernels")
        canvas = app.screen.query_one(SceneCanvas)
        names = canvas.drawn.grid("output-0").texts
        assert {name for row in names for name in row} == {"W1"}
        assert "W1 W1 W1 W1" in text
        assert "Neurons done 2 of 16 · kernels used 1 · parameters 10" in text
        await pilot.press("n", "right")  # the choice is kept from page to page
        text = await wait_for_text(pilot, "kernels used 2 · parameters 20 of 160")
        names = canvas_names(app)
        assert sorted(names, key=lambda name: int(name[1:])) == [f"#{n}" for n in range(1, 17)]
        assert "#13 #14 #15 #16" in text and "showing own kernels" in text
        await pilot.press("w")
        await wait_until(pilot, lambda: "showing kernels" not in screen_text(app), "the values")
        assert "?" in canvas_names(app), "pending neurons are back to ?"


def canvas_names(app) -> list[str]:  # type: ignore[no-untyped-def]
    grid = app.screen.query_one(SceneCanvas).drawn.grid("output-0")
    return [name for row in grid.texts for name in row]


async def test_a_fully_connected_neuron_reads_every_input_a_conv_neuron_its_window(
    home: Path,
) -> None:
    app = build_app(home, lesson=7)
    async with run(app) as pilot:
        await pilot.press("n")
        text = await wait_for_text(pilot, "fully connected: all")
        assert (
            "This neuron reads 9 inputs in the convolution (9 weights + 1 bias, shared by "
            "all 16 neurons of its slice) and all 36 when fully connected"
        ) in " ".join(line.strip() for line in text.splitlines())
        canvas = app.screen.query_one(SceneCanvas)
        wired = canvas.drawn.grid("wiring-0")
        assert wired.shape == (6, 6) and all(mark == BOXED for row in wired.marks for mark in row)
        window = canvas.drawn.grid("input-0").marks
        await pilot.press("right", "right")
        await wait_for_text(pilot, "Step 3 of 16")
        assert canvas.drawn.grid("wiring-0") == wired, "every neuron reads all 36"
        assert canvas.drawn.grid("input-0").marks != window, "the window moved"
        assert sum(mark == BOXED for row in canvas.drawn.grid("input-0").marks for mark in row) == 9


async def test_pages_flow_into_the_quiz_and_back(home: Path) -> None:
    app = build_app(home, lesson=1)
    async with run(app) as pilot:
        await pilot.press("b")  # already on the first page: nothing breaks
        await wait_for_text(pilot, "page 1 of 4: A window of weights")
        await pilot.press("n", "pagedown")
        text = await wait_for_text(pilot, "page 3 of 4: The bias")
        assert "8 + bias 3 = 11" in text
        await pilot.press("pageup")
        await wait_for_text(pilot, "page 2 of 4")
        await pilot.press("n", "n")
        text = await wait_for_text(pilot, "page 4 of 4: What it cost")
        assert "1 filter x 10 = 10" in text and "16 x 10 = 160" in text
        assert "Step" not in text.splitlines()[-1], "no scene: the stepping keys leave the footer"
        await pilot.press("right", "p", "5")  # nothing to step: no error
        await pilot.press("n")
        await wait_for_text(pilot, "Question 1 of 5")
        assert isinstance(app.screen, QuizScreen)
        await pilot.press("b")
        await wait_for_text(pilot, "page 4 of 4: What it cost")


async def test_a_tall_scene_folds_the_text_on_the_first_step(home: Path) -> None:
    app = build_app(home, lesson=4)
    async with run(app) as pilot:
        text = await wait_for_text(pilot, "Step 1 of 18")
        assert "the classic example" in text
        await pilot.press("right")
        text = await wait_for_text(pilot, "The text is folded to make room")
        assert "channels: -4 + 0 + -2 = -6, then -6 + bias 1 = -5" in text
        assert "Neurons done 2 of 18" in text
        await pilot.press("v")
        text = await wait_for_text(pilot, "the classic example")
        assert "folded" not in text
        await pilot.press("right")  # unfolded by hand: it stays unfolded
        text = await wait_for_text(pilot, "Step 3 of 18")
        assert "the classic example" in text
        await pilot.press("n", "right")
        await wait_for_text(pilot, "The text is folded to make room")


async def test_next_slice_and_the_second_filter(home: Path) -> None:
    app = build_app(home, lesson=4)
    async with run(app) as pilot:
        await pilot.press("v", "f")
        text = await wait_for_text(pilot, "Step 10 of 18  neuron at slice 2, row 1, col 1")
        assert "kernel W2 ch1" in text
        assert "kernels used 2 · parameters 56" in text
        await pilot.press("f")
        text = await wait_for_text(pilot, "Step 1 of 18  neuron at slice 1, row 1, col 1")
        assert "Neurons done 10 of 18 · kernels used 2" in text, "a hop keeps what was walked"
        output = lesson_screen(app).stepper.output  # type: ignore[union-attr]
        assert "?" not in output_texts(app, 0)
        assert output_texts(app, 1)[0] == f"{output[1, 0, 0]:g}" and "?" in output_texts(app, 1)
        await pilot.press("right")  # on from there: still kept
        text = await wait_for_text(pilot, "Step 2 of 18")
        assert "Neurons done 10 of 18" in text and "?" not in output_texts(app, 0)
        await pilot.press("home")  # a move back un-computes what it moves over
        text = await wait_for_text(pilot, "Step 1 of 18")
        assert "Neurons done 1 of 18" in text and set(output_texts(app, 1)) == {"?"}


def output_texts(app, slice_index: int) -> list[str]:  # type: ignore[no-untyped-def]
    """Every cell of an output slice as drawn, row by row."""
    grid = app.screen.query_one(SceneCanvas).drawn.grid(f"output-{slice_index}")
    return [text.strip() for row in grid.texts for text in row]


async def test_text_and_scene_scroll_from_the_keyboard(home: Path) -> None:
    app = build_app(home, lesson=7)
    async with run(app) as pilot:
        await pilot.press("n", "n")
        await wait_for_text(pilot, "Step 1 of 100")
        narration = app.screen.query_one("#narration")
        scene = app.screen.query_one(SceneCanvas)
        await pilot.press("right_square_bracket")
        await wait_until(pilot, lambda: narration.scroll_y > 0, "the text to scroll down")
        await pilot.press("left_square_bracket")
        await wait_until(pilot, lambda: narration.scroll_y == 0, "the text to scroll up")
        await pilot.press("J")
        await wait_until(pilot, lambda: scene.scroll_y > 0, "the scene to scroll down")
        await pilot.press("shift+up")
        await wait_until(pilot, lambda: scene.scroll_y == 0, "the scene to scroll up")


async def test_tracing_in_a_deep_kernel_names_one_weight_per_channel(home: Path) -> None:
    app = build_app(home, lesson=4)
    async with run(app) as pilot:
        await pilot.press("v", "5")
        text = await wait_for_text(pilot, "Tracing w5 in each of W1's 3 channel slices: 3")
        assert "each entering 9" in text


async def test_the_rule_under_the_text_names_the_page_keys_and_more_text(home: Path) -> None:
    app = build_app(home, lesson=1)
    async with run(app) as pilot:
        text = await wait_for_text(pilot, "1-9 trace a weight · ? all keys")
        assert "f next slice" not in text, "one filter: no slice to hop to"
        await pilot.press("n")  # page 2's text is taller than its room
        text = await wait_for_text(pilot, "▼ more text: ] · 1-9 trace a weight")
        narration = app.screen.query_one("#narration")
        for _ in range(10):
            await pilot.press("right_square_bracket")
        await wait_until(
            pilot, lambda: narration.scroll_y == narration.max_scroll_y, "the text's end"
        )
        await wait_until(pilot, lambda: "▼ more text" not in screen_text(app), "the mark gone")
    app = build_app(home, lesson=4)
    async with run(app) as pilot:
        await wait_for_text(pilot, "1-9 trace a weight · f next slice · J K scroll · ? all keys")


async def test_a_one_by_one_kernel_offers_one_weight_to_trace(home: Path) -> None:
    app = build_app(home, lesson=9)
    async with run(app) as pilot:
        text = await wait_for_text(pilot, "page 1 of 4: 1 x 1 convolutions")
        await wait_for_text(pilot, "─ 1 trace a weight · f next slice")
        assert "1-9 trace" not in screen_text(app), text
