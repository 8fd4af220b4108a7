"""What reaches the terminal is what the tutor means: after every key, the same as a repaint.

The installed command runs in a pseudo-terminal; `pyte` draws what it sends. On every scene
, neuron map and counts table page of every shipped lesson, in the calculator's stepper and
in the largest scene a lesson may have (it scrolls both ways at 80 x 24), the keys a learner
uses are pressed one at a time (where a page asks for a prediction, one is typed and judged),
the terminal is resized, and after each the screen must be exactly (characters and
attributes) what `Ctrl+L` repaints. A digit left behind by a partial repaint fails here.
A pass is played and paused before the screen is compared: while it plays, a step may land
between the keys' update and the repaint, which then rightly shows the next step.
"""

from __future__ import annotations

from collections.abc import Callable
from concurrent.futures import ThreadPoolExecutor
from functools import partial
from pathlib import Path

import pytest

from tests.emulated_terminal import EmulatedTerminal, walk
from tutor.engine import NeuronWalk
from tutor.engine.count_slips import counted
from tutor.lessons.catalogue import read_catalogue
from tutor.lessons.header_cache import HeaderCache
from tutor.lessons.loader import load_lesson
from tutor.lessons.model import CountPrediction, Lesson, Page
from tutor.lessons.shipped import shipped_lessons_dir

FORWARD = ["l"] * 12
"""Enough steps to cross from one digit to two in step and kernel numbers."""
SCENE_WALK = [
    *FORWARD,
    "h",
    "home",
    "end",
    "home",
    "right",
    "f",
    "f",
    "v",
    "v",
    "w",
    "l",
    "f",
    "w",
    "s",
    "j",
    "s",
    "]",
    "]",
    "[",
    "J",
    "J",
    "L",
    "L",
    "K",
    "H",
    "1",
    "5",
    "9",
    "t",
    "t",
    "0",
    "end",
    "3",
    "home",
    "0",
    "resize:100x30",
    "l",
    "v",
    "]",
    "v",
    "resize:80x24",
    "home",
    "=",
    "=",
    "=",
]
TABLE_WALK = [
    "v",
    "]",
    "]",
    "[",
    "v",
    "J",
    "J",
    "K",
    "L",
    "H",
    "resize:100x30",
    "J",
    "v",
    "resize:80x24",
    "K",
]
"""A counts table's page: folding and scrolling the text, scrolling the table, resizing."""
PLAYED_FRAMES = 4
LARGEST = Path(__file__).resolve().parents[1] / "benchmarks" / "largest"
"""The largest scene the format allows: it scrolls both ways at 80 x 24."""


def shipped_lessons() -> list[Lesson]:
    lessons = []
    for header in read_catalogue(shipped_lessons_dir(), HeaderCache(None)):
        lesson = load_lesson(header.source)
        assert isinstance(lesson, Lesson), lesson
        lessons.append(lesson)
    return lessons


def walk_scene(terminal: EmulatedTerminal, where: str) -> None:
    walk(terminal, SCENE_WALK, where)
    terminal.play(PLAYED_FRAMES)
    terminal.check_redraw(f"{where}, after playing {PLAYED_FRAMES} frames and pausing")


def predicting(page: Page) -> list[str]:
    """Up to what the page asks about, a wrong number (the box says so), then a right one: a
    neuron stepped to, or a count jumped to with End (a jump past it stops there)."""
    predict = page.predict
    if isinstance(predict, CountPrediction):
        walked = page.scene if page.scene is not None else page.map
        assert walked is not None
        value = str(counted(NeuronWalk(walked.layer, walked.mode), predict.kind, predict.at))
        return ["end", "x", "enter", *value, "enter", "l"]
    assert page.scene is not None and predict is not None
    stepper = page.scene.stepper()
    at = stepper.index_of(*predict.neuron)
    value = str(int(stepper.step(at).result))
    return ["l"] * at + ["x", "enter", *value, "enter", "l"]


def walk_lesson(lesson: Lesson, home: Path, folder: Path | None = None) -> None:
    """Every scene page of `lesson`, in order, with `n` between pages."""
    chosen = [] if folder is None else ["--lessons", str(folder)]
    terminal = EmulatedTerminal([*chosen, "--lesson", str(lesson.order)], home)
    try:
        terminal.wait_for(f"page 1 of {len(lesson.pages)}")
        terminal.check_redraw(f"lesson {lesson.order}'s first page")
        for number, page in enumerate(lesson.pages, start=1):
            where = f"lesson {lesson.order}, page {number}"
            if page.predict is not None:
                walk(terminal, predicting(page), f"{where}, predicting")
            if page.scene is not None or page.map is not None:
                walk_scene(terminal, where)
            elif page.counts is not None:
                walk(terminal, TABLE_WALK, where)
            if number < len(lesson.pages):
                walk(terminal, ["n"], where)
    finally:
        terminal.close()


def walk_calculators_stepper(home: Path) -> None:
    """A 7 x 7 x 2 layer with two filters, opened from the calculator."""
    terminal = EmulatedTerminal([], home)
    try:
        terminal.wait_for("Start with lesson 1")
        terminal.press("k")
        terminal.wait_for("Parameter calculator")
        # input, kernel, filters, (the bias box), stride, padding
        for value in ("7x7x2", "3", "2", None, "2", "1"):
            for key in ("tab",) if value is None else ("ctrl+u", *value, "tab"):
                terminal.press(key)
        terminal.press("o")
        terminal.wait_for("Calculator layer")
        walk_scene(terminal, "the calculator's stepper")
    finally:
        terminal.close()


@pytest.mark.time_limit(900)
def test_every_scene_shows_what_a_full_repaint_shows(tmp_path: Path) -> None:
    """All walks at once, each tutor in its own terminal: they spend most of their time
    waiting for the screen to settle."""
    walks: list[Callable[[], None]] = [
        partial(walk_lesson, lesson, tmp_path / lesson.id) for lesson in shipped_lessons()
    ]
    walks.append(partial(walk_calculators_stepper, tmp_path / "calculator"))
    largest = load_lesson(LARGEST / "01-largest-scene.toml")
    assert isinstance(largest, Lesson), largest
    walks.append(partial(walk_lesson, largest, tmp_path / "largest", LARGEST))
    with ThreadPoolExecutor(len(walks)) as pool:
        futures = [pool.submit(walk) for walk in walks]
    failures = [str(future.exception()) for future in futures if future.exception()]
    assert not failures, "\n\n".join(failures)
