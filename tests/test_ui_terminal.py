"""Terminal realities: below 80 x 24 a clear message, more room used when there is more, help."""

from __future__ import annotations

from pathlib import Path

import pytest

from tests.ui_driver import build_app, run, wait_for_text, wait_until
from tutor.ui.scene.canvas import SceneCanvas
from tutor.ui.screens.calculator import CalculatorScreen
from tutor.ui.screens.help import KEYS, HelpScreen
from tutor.ui.screens.lesson import LessonScreen
from tutor.ui.screens.lesson_list import LessonListScreen
from tutor.ui.screens.quiz import QuizScreen
from tutor.ui.screens.results import ResultsScreen
from tutor.ui.screens.stepper_screen import StepperScreen
from tutor.ui.screens.too_small import TooSmallScreen


async def test_below_the_minimum_a_message_then_back_where_you_were(home: Path) -> None:
    app = build_app(home, lesson=1)
    async with run(app, size=(60, 20)) as pilot:
        text = await wait_for_text(pilot, "Make the window at least 80 x 24")
        assert "It is 60 x 20 now. q quits." in text
        await pilot.press("right", "enter", "k", "question_mark")
        assert isinstance(app.screen, TooSmallScreen)
        await pilot.resize_terminal(79, 30)
        await wait_for_text(pilot, "It is 79 x 30 now")
        await pilot.resize_terminal(80, 24)
        text = await wait_for_text(pilot, "Step 1 of 16")
        assert isinstance(app.screen, LessonScreen)
        await pilot.press("right")
        await wait_for_text(pilot, "Step 2 of 16")


async def test_a_tiny_terminal_never_crashes(home: Path) -> None:
    app = build_app(home)
    async with run(app, size=(1, 1)) as pilot:
        await pilot.pause()
        assert isinstance(app.screen, TooSmallScreen)
        await pilot.resize_terminal(120, 40)
        await wait_for_text(pilot, "One kernel, one feature map")


async def test_a_big_terminal_shows_the_whole_scene_with_its_text(home: Path) -> None:
    app = build_app(home, lesson=4)
    async with run(app, size=(120, 45)) as pilot:
        await pilot.press("right")
        text = await wait_for_text(pilot, "Step 2 of 18")
        assert "the classic example" in text, "room enough: the text stays"
        assert "channels: -4 + 0 + -2 = -6, then -6 + bias 1 = -5" in text


async def test_help_opens_with_question_mark_or_f1_and_closes_with_letters(home: Path) -> None:
    app = build_app(home, lesson=1)
    async with run(app) as pilot:
        await pilot.press("question_mark")
        text = await wait_for_text(pilot, "Keys  (close with ?, F1, b or Esc)")
        assert "quit (everything is saved)" in text
        assert isinstance(app.screen, HelpScreen)
        await pilot.press("j", "j", "b")
        await wait_for_text(pilot, "Step 1 of 16")
        await pilot.press("f1")
        await wait_for_text(pilot, "Keys  (close with ?, F1, b or Esc)")
        await pilot.press("f1")
        await wait_for_text(pilot, "Step 1 of 16")


HELP_TEXT = " ".join(key + " " + does for _, rows in KEYS for key, does in rows).lower()
KEY_WORDS = {
    "right": "→",
    "left": "←",
    "up": "↑",
    "down": "↓",
    "question_mark": "?",
    "enter": "enter",
    "pagedown": "pagedown",
    "pageup": "pageup",
    "escape": "esc",
    "space": "space",
    "plus": "+",
    "minus": "-",
    "equals_sign": "+",
    "home": "home",
    "end": "end",
    "right_square_bracket": "]",
    "left_square_bracket": "[",
    "f1": "f1",
    "f2": "f2",
    "shift+down": "shift",
    "shift+up": "shift",
    "shift+left": "shift",
    "shift+right": "shift",
}


@pytest.mark.parametrize(
    "screen",
    [LessonListScreen, LessonScreen, QuizScreen, ResultsScreen, CalculatorScreen, StepperScreen],
)
def test_every_key_is_in_the_help(screen: type) -> None:
    for binding in screen.BINDINGS:
        for key in binding.key.split(","):  # type: ignore[union-attr]
            word = "1-" if key.isdigit() else KEY_WORDS.get(key, key).lower()
            assert word in HELP_TEXT, f"{screen.__name__}: {key} ({binding.action}) is not in help"


async def test_a_scene_rewraps_and_shrinks_when_the_window_narrows(home: Path) -> None:
    app = build_app(home, lesson=7)
    async with run(app, size=(160, 40)) as pilot:
        await pilot.press("n", "right")
        text = await wait_for_text(pilot, "Step 2 of 16")
        assert "(36 x 16 = 576 weights ; 576 + 16 biases = 592)" in text, "one line when wide"
        await pilot.resize_terminal(80, 24)
        await pilot.press("right")
        await wait_for_text(pilot, "Step 3 of 16")
        canvas = app.screen.query_one(SceneCanvas)
        await wait_until(pilot, lambda: canvas.max_scroll_x == 0, "no sideways scrolling at 80")
