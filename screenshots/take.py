"""Take the README's screenshots from the real app, driven headlessly to fixed states.

    python -m screenshots.take [FOLDER]      (default: this folder)

Each shot starts a fresh tutor with its own empty progress, presses keys as a learner would,
waits until the screen shows what the shot is about, and saves an SVG at 80 x 24. The snapshot
tests replay the same shots, so a screenshot and the test of that screen cannot drift apart.
"""

from __future__ import annotations

import asyncio
import sys
import tempfile
from dataclasses import dataclass
from pathlib import Path

from tests.ui_driver import SIZE, build_app, run, wait_for_text

HERE = Path(__file__).resolve().parent


@dataclass(frozen=True)
class Shot:
    """One screen worth showing: where to start, which keys to press, what to wait for."""

    name: str
    caption: str
    lesson: int | None
    keys: tuple[str, ...]
    shows: str


SHOTS = (
    Shot("lesson-list", "The lesson list", None, ("down", "down", "down"), "Lesson 4: Two"),
    Shot(
        "shared-step",
        "Lesson 1 mid-pass: the receptive field, the arithmetic, the output filling in",
        1,
        ("right",) * 5,
        "Step 6 of 16",
    ),
    Shot(
        "unshared",
        "Locally connected: a new kernel at every position, the count racing up",
        5,
        ("n", *("right",) * 5, "6", "0", "enter", "right"),  # the page asks at step 6
        "own kernel #7",
    ),
    Shot(
        "kernel-names",
        "w: every neuron names the kernel that made it, #1 to #16 unshared",
        5,
        ("n", *("right",) * 5, "6", "0", "enter", "right", "w"),
        "showing own kernels",
    ),
    Shot(
        "alexnet-map",
        "AlexNet's first layer: 290,400 neurons, a kernel for each without sharing",
        6,
        ("n", "n", "f", *("down",) * 4, *("right",) * 9),
        "Kernel #3,255 of",
    ),
    Shot(
        "dense-wiring",
        "A convolution's neuron reads its window; a fully connected one reads every input",
        7,
        ("n", *("right",) * 4),
        "This neuron reads 9 inputs",
    ),
    Shot(
        "one-matrix",
        "The convolution as one matrix: the same four weights in every row, w4 traced",
        8,
        ("n", "n", "right", "4"),
        "in all 4 * entries",
    ),
    Shot(
        "prediction",
        "A prediction: the neuron hidden until the learner works it out, the slip named",
        1,
        ("n", "n", *("right",) * 5, "4", "enter"),
        "This neuron is 7, not 4",
    ),
    Shot(
        "weight-tracer",
        "The weight tracer: one weight, every input cell it multiplies",
        5,
        ("right",) * 5 + ("5",),
        "Tracing w5 of W1",
    ),
    Shot(
        "quiz-feedback",
        "Quiz feedback naming the learner's slip",
        6,
        (
            "n",
            "n",
            "n",
            "n",
            *"55",
            "enter",
            "enter",
            *"290400",
            "enter",
            "enter",
            *"34944",
            "enter",
        ),
        "as if the weights were shared",
    ),
    Shot("calculator", "The parameter calculator", None, ("k",), "Output 55 x 55 x 96"),
)


async def press_and_wait(pilot, shot: Shot) -> None:  # type: ignore[no-untyped-def]
    """Bring a running app to the state `shot` shows."""
    await pilot.press(*shot.keys)
    await wait_for_text(pilot, shot.shows)


async def take(shot: Shot, home: Path) -> str:
    """The SVG of `shot`, from a tutor whose progress lives in `home`."""
    app = build_app(home, lesson=shot.lesson)
    async with run(app, size=SIZE) as pilot:
        await press_and_wait(pilot, shot)
        return app.export_screenshot(title=f"cnn-tutor · {shot.caption}")


async def take_all(folder: Path) -> list[Path]:
    folder.mkdir(parents=True, exist_ok=True)
    saved = []
    with tempfile.TemporaryDirectory() as scratch:
        for shot in SHOTS:
            path = folder / f"{shot.name}.svg"
            path.write_text(await take(shot, Path(scratch) / shot.name), encoding="utf-8")
            saved.append(path)
    return saved


def main(argv: list[str]) -> int:
    folder = Path(argv[0]) if argv else HERE
    for path in asyncio.run(take_all(folder)):
        print(path)
    return 0


if __name__ == "__main__":
    sys.exit(main(sys.argv[1:]))
