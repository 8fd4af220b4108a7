"""Key and resize fuzzing: 3,500 seeded random keys over every screen, at three sizes.

Keys are posted to the app as its driver posts real key presses, without Pilot's idle wait
after each one (which would make 2,000 keys take minutes); the app settles every few keys.
Afterwards the app must still be running without an error, and must still answer a key.
"""

from __future__ import annotations

import random
import string
import unicodedata
from pathlib import Path

import pytest
from textual import events
from textual.keys import KEY_NAME_REPLACEMENTS
from textual.pilot import Pilot

from tests.ui_driver import build_app, run, wait_for_text
from tutor.ui.app import TutorApp
from tutor.ui.screens.help import HelpScreen
from tutor.ui.screens.quiz import QuizScreen

KEYS_PER_RUN = 500
"""Seven runs below: 3,500 random keys in all, on every screen and at three sizes."""
SETTLE_EVERY = 20
NAMED = {
    "enter": "\r",
    "tab": "\t",
    "escape": "\x1b",
    "space": " ",
    "backspace": "\x7f",
    "right": None,
    "left": None,
    "up": None,
    "down": None,
    "home": None,
    "end": None,
    "pageup": None,
    "pagedown": None,
    "f1": None,
    "f2": None,
    "shift+tab": None,
    "shift+up": None,
    "shift+down": None,
    "shift+left": None,
    "shift+right": None,
    "ctrl+p": None,
}
BINDING_LETTERS = "lhjkfpnbvmctrRyoHJKL0123456789+-=[]?"
PRINTABLE = [c for c in string.printable if c not in "q\t\r\n\x0b\x0c"]  # q would quit: by design


def random_keys(rng: random.Random, count: int) -> list[tuple[str, str | None]]:
    """(key, character) pairs: bindings most often, then named keys, then any printable."""
    keys: list[tuple[str, str | None]] = []
    for _ in range(count):
        roll = rng.random()
        if roll < 0.5:
            char = rng.choice(BINDING_LETTERS)
            keys.append((key_name(char), char))
        elif roll < 0.8:
            name = rng.choice(sorted(NAMED))
            keys.append((name, NAMED[name]))
        else:
            char = rng.choice(PRINTABLE)
            keys.append((key_name(char), char))
    return keys


def key_name(char: str) -> str:
    """Textual's name for the key that types `char`: "l", "plus", "question_mark", ..."""
    if char.isalnum():
        return char
    name = unicodedata.name(char).lower().replace("-", "_").replace(" ", "_")
    return KEY_NAME_REPLACEMENTS.get(name, name)


async def fuzz(pilot: Pilot[None], seed: int) -> None:
    app = pilot.app
    # The palette's Quit command ends the app by design, as q does (left out of the keys):
    # count it instead, so the keys after it still exercise the app.
    quits: list[None] = []
    app.action_quit = lambda: quits.append(None)  # type: ignore[method-assign]
    rng = random.Random(seed)
    for n, (key, char) in enumerate(random_keys(rng, KEYS_PER_RUN), start=1):
        app.post_message(events.Key(key, char))
        if n % SETTLE_EVERY == 0:
            await pilot.pause()
            assert app.return_code is None, f"key {n} of seed {seed} stopped the app"
    await pilot.pause()
    assert app.is_running and app.return_code is None


async def still_answers(pilot: Pilot[None], app: TutorApp) -> None:
    """A key still does what it should: F1 opens the help (closing it first if it is open)."""
    if isinstance(app.screen, HelpScreen):
        await pilot.press("f1")
    await pilot.press("f1")
    await wait_for_text(pilot, "Keys  (close with ?, F1, b or Esc)")


@pytest.mark.parametrize(
    ("size", "lesson", "seed"),
    [((80, 24), None, 1), ((80, 24), 4, 2), ((120, 40), 5, 3), ((100, 30), 1, 4)],
    ids=["80x24-list", "80x24-lesson4", "120x40-lesson5", "100x30-lesson1"],
)
async def test_random_keys_never_break_the_app(
    home: Path, size: tuple[int, int], lesson: int | None, seed: int
) -> None:
    app = build_app(home, lesson=lesson)
    async with run(app, size=size) as pilot:
        await fuzz(pilot, seed)
        await still_answers(pilot, app)


async def test_random_keys_on_the_quiz_and_the_calculator_stepper(home: Path) -> None:
    app = build_app(home, lesson=6)
    async with run(app) as pilot:
        await pilot.press("n", "n", "n", "n")
        await wait_for_text(pilot, "Question 1 of 5")
        assert isinstance(app.screen, QuizScreen)
        await fuzz(pilot, 5)
        await still_answers(pilot, app)
    app = build_app(home)
    async with run(app) as pilot:
        await pilot.press("k", "o")  # too big: a notice, then fuzz the calculator itself
        await fuzz(pilot, 6)
        await still_answers(pilot, app)


async def test_random_keys_below_the_minimum_size(home: Path) -> None:
    app = build_app(home, lesson=2)
    async with run(app, size=(60, 20)) as pilot:
        await fuzz(pilot, 7)
        await pilot.resize_terminal(80, 24)
        await still_answers(pilot, app)


async def test_random_resizes_from_1x1_to_300x100(home: Path) -> None:
    rng = random.Random(8)
    app = build_app(home, lesson=4)
    async with run(app) as pilot:
        for n in range(40):
            await pilot.resize_terminal(rng.randint(1, 300), rng.randint(1, 100))
            await pilot.press(rng.choice(["right", "n", "b", "m", "enter", "k", "o", "v", "f1"]))
            if n % 5 == 0:
                await pilot.pause()
            assert app.return_code is None
        await pilot.resize_terminal(80, 24)
        await still_answers(pilot, app)
