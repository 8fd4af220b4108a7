"""Snapshots of the key screens at 80 x 24, so a layout change is seen before a learner sees it.

They replay the README's screenshots (screenshots/take.py), plus a mid-step lesson without
colour. After an intended change: `python -m pytest tests/test_ui_snapshots.py
--snapshot-update`, look at the SVGs under tests/__snapshots__/, then regenerate the
screenshots with `python -m screenshots.take`.
"""

from __future__ import annotations

import html
from dataclasses import replace
from pathlib import Path

import pytest
from textual.pilot import Pilot

from screenshots.take import SHOTS, Shot, press_and_wait, take_all
from tests.ui_driver import build_app

SHARED_STEP = next(shot for shot in SHOTS if shot.name == "shared-step")


def snapshot_of(shot: Shot, home: Path, snap_compare) -> bool:  # type: ignore[no-untyped-def]
    async def run_before(pilot: Pilot[None]) -> None:
        await press_and_wait(pilot, shot)

    return snap_compare(build_app(home, lesson=shot.lesson), run_before=run_before)


@pytest.mark.parametrize("shot", SHOTS, ids=[shot.name for shot in SHOTS])
def test_key_screen(shot: Shot, home: Path, snap_compare) -> None:  # type: ignore[no-untyped-def]
    assert snapshot_of(shot, home, snap_compare)


def test_lesson_mid_step_without_colour(  # type: ignore[no-untyped-def]
    home: Path, snap_compare, monkeypatch: pytest.MonkeyPatch
) -> None:
    monkeypatch.setenv("NO_COLOR", "1")
    tracing = replace(SHARED_STEP, keys=(*SHARED_STEP.keys, "5"), shows="Tracing w5")
    assert snapshot_of(tracing, home, snap_compare)


async def test_the_screenshot_script_still_runs(tmp_path: Path) -> None:
    saved = await take_all(tmp_path)
    assert [path.name for path in saved] == [f"{shot.name}.svg" for shot in SHOTS]
    for path, shot in zip(saved, SHOTS, strict=True):
        svg = html.unescape(path.read_text(encoding="utf-8")).replace("\xa0", " ")
        assert svg.startswith("<svg") and f"cnn-tutor · {shot.caption}" in svg
