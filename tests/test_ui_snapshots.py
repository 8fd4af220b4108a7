"""Snapshots of the key screens at 80 x 24, so a layout change is seen before a learner sees it.

Update them after an intended change with `python -m pytest tests/test_ui_snapshots.py
--snapshot-update`, then look at the SVGs under tests/__snapshots__/ before committing.
"""

from __future__ import annotations

from pathlib import Path

import pytest
from textual.pilot import Pilot

from tests.ui_driver import build_app, wait_for_text


def test_lesson_list(home: Path, snap_compare) -> None:  # type: ignore[no-untyped-def]
    assert snap_compare(build_app(home))


def test_lesson_mid_step(home: Path, snap_compare) -> None:  # type: ignore[no-untyped-def]
    async def six_steps(pilot: Pilot[None]) -> None:
        await pilot.press(*["right"] * 5)
        await wait_for_text(pilot, "Step 6 of 16")

    assert snap_compare(build_app(home, lesson=1), run_before=six_steps)


def test_lesson_mid_step_without_colour(  # type: ignore[no-untyped-def]
    home: Path, snap_compare, monkeypatch: pytest.MonkeyPatch
) -> None:
    monkeypatch.setenv("NO_COLOR", "1")

    async def six_steps_tracing(pilot: Pilot[None]) -> None:
        await pilot.press(*["right"] * 5, "5")
        await wait_for_text(pilot, "Tracing w5")

    assert snap_compare(build_app(home, lesson=1), run_before=six_steps_tracing)


def test_unshared_comparison(home: Path, snap_compare) -> None:  # type: ignore[no-untyped-def]
    async def unshared_page(pilot: Pilot[None]) -> None:
        await pilot.press("n", *["right"] * 6)
        await wait_for_text(pilot, "own kernel #7")

    assert snap_compare(build_app(home, lesson=5), run_before=unshared_page)


def test_quiz_feedback(home: Path, snap_compare) -> None:  # type: ignore[no-untyped-def]
    async def wrong_answer(pilot: Pilot[None]) -> None:
        await pilot.press("n", "n", "n", "n", "4", "enter", "enter", "h", "9", "enter")
        await wait_for_text(pilot, "That leaves out the biases")

    assert snap_compare(build_app(home, lesson=1), run_before=wrong_answer)


def test_calculator(home: Path, snap_compare) -> None:  # type: ignore[no-untyped-def]
    async def calculator(pilot: Pilot[None]) -> None:
        await pilot.press("k")
        await wait_for_text(pilot, "Output 55 x 55 x 96")

    assert snap_compare(build_app(home), run_before=calculator)
