"""The parameter calculator: counts follow the fields as they are typed; small layers animate."""

from __future__ import annotations

from pathlib import Path

from textual.pilot import Pilot

from tests.ui_driver import build_app, run, screen_text, wait_for_text
from tutor.ui.screens.calculator import CalculatorScreen
from tutor.ui.screens.lesson_list import LessonListScreen
from tutor.ui.screens.stepper_screen import StepperScreen


async def retype(pilot: Pilot[None], field: str, text: str) -> None:
    """Click a field, clear it and type `text`, as a learner would."""
    await pilot.click(f"#field-{field}")
    await pilot.press("end", *["backspace"] * 12, *text)


async def test_opens_on_the_seed_layer(home: Path) -> None:
    app = build_app(home)
    async with run(app) as pilot:
        await pilot.press("k")
        text = await wait_for_text(pilot, "Output 55 x 55 x 96 = 290,400 neurons")
        assert "34,944" in text and "105,705,600" in text and "44,892,355,200" in text
        assert "(too big to animate)" in text


async def test_counts_follow_the_fields(home: Path) -> None:
    app = build_app(home)
    async with run(app) as pilot:
        await pilot.press("k")
        await retype(pilot, "kernel", "3")
        text = await wait_for_text(pilot, "Output 57 x 57 x 96 = 311,904 neurons")
        assert "96 filters x 28 = 2,688" in text
        await retype(pilot, "padding", "1")
        await wait_for_text(pilot, "Output 57 x 57 x 96")
        await retype(pilot, "stride", "1")
        await wait_for_text(pilot, "Output 227 x 227 x 96 = 4,946,784 neurons")
        assert "bias: yes" in screen_text(app)
        await pilot.click("#field-bias")
        text = await wait_for_text(pilot, "no bias: 27 parameters per kernel")
        assert "96 filters x 27 = 2,592" in text
        assert "bias: no" in text, "the box says which without colour"
        assert "PyTorch: nn.Conv2d(3, 96, kernel_size=3, padding=1, bias=False)" in text


async def test_an_impossible_layer_says_what_is_wrong(home: Path) -> None:
    app = build_app(home)
    async with run(app) as pilot:
        await pilot.press("k")
        await retype(pilot, "kernel", "300")
        text = await wait_for_text(pilot, "✗ kernel: spans 300 rows, more than the padded input")
        assert "34,944" not in text, "no stale counts for a layer that does not exist"
        await retype(pilot, "groups", "2")
        await retype(pilot, "kernel", "3")
        await wait_for_text(pilot, "✗ groups: must divide the input channels (3), got 2")
        await retype(pilot, "input", "8x8")
        await wait_for_text(pilot, "✗ input: expected height x width x channels")
        await pilot.press("o")
        await wait_for_text(pilot, "Cannot animate this layer: the")


async def test_a_small_layer_opens_in_the_stepper(home: Path) -> None:
    app = build_app(home)
    async with run(app) as pilot:
        await pilot.press("k")
        await retype(pilot, "input", "6x6x1")
        await retype(pilot, "kernel", "3")
        await retype(pilot, "stride", "1")
        await retype(pilot, "filters", "2")
        text = await wait_for_text(pilot, "o: step through it")
        await pilot.press("o")
        text = await wait_for_text(pilot, "Step 1 of 32  neuron at slice 1, row 1, col 1")
        assert isinstance(app.screen, StepperScreen)
        assert "Calculator layer: input 6 x 6 x 1, 2 filters of 3 x 3 x 1" in text
        await pilot.press("right", "f")
        await wait_for_text(pilot, "Step 18 of 32  neuron at slice 2, row 1, col 2")
        await pilot.press("b")
        await wait_for_text(pilot, "Parameter calculator")
        assert isinstance(app.screen, CalculatorScreen)
        await pilot.press("b")
        await wait_for_text(pilot, "One kernel, one feature map")
        assert isinstance(app.screen, LessonListScreen)


async def test_too_big_to_animate_is_explained(home: Path) -> None:
    app = build_app(home)
    async with run(app) as pilot:
        await pilot.press("k", "o")
        await wait_for_text(pilot, "Cannot animate this layer: an")
        assert "is at most 16 x 16" in screen_text(app)
        assert isinstance(app.screen, CalculatorScreen)
        assert "q Quit" in screen_text(app)
