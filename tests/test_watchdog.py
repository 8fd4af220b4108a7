"""A hung test fails with its screen printed, whether it waits forever or its loop spins.

Each case is a small test file run by a pytest of its own, with this suite's fixtures (the
time limit is tests/conftest.py's) and limits of a few seconds.
"""

from __future__ import annotations

import subprocess
import sys
import textwrap
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
HUNG = textwrap.dedent("""
    import asyncio
    import pytest
    from tests import watchdog
    from tests.ui_driver import build_app, run, wait_for_text

    watchdog.LAST_RESORT = 3

    @pytest.mark.time_limit(2)
    async def test_waits_forever(home):
        async with run(build_app(home)) as pilot:
            await wait_for_text(pilot, "Start with lesson 1")
            await asyncio.Event().wait()

    @pytest.mark.time_limit(2)
    async def test_spins_in_the_loop(home):
        async with run(build_app(home)) as pilot:
            await wait_for_text(pilot, "Start with lesson 1")
            pilot.app.call_later(lambda: [None for _ in iter(int, 1)])  # never ends
            await asyncio.Event().wait()
""")


def test_a_hung_test_fails_with_its_screen_printed(tmp_path: Path) -> None:
    path = tmp_path / "test_hung.py"
    path.write_text(HUNG)
    result = subprocess.run(
        [
            sys.executable,
            "-m",
            "pytest",
            "-q",
            "-p",
            "no:cacheprovider",
            "-p",
            "tests.conftest",
            "-c",
            str(ROOT / "pyproject.toml"),
            str(path),
        ],
        cwd=ROOT,
        capture_output=True,
        text=True,
        timeout=60,
    )
    said = result.stdout + result.stderr
    assert "2 failed" in said, said
    for test in ("test_waits_forever", "test_spins_in_the_loop"):
        assert f"{test} ran past its 2 s limit. Screens:" in said, said
    assert said.count("--- TutorApp under Pilot ---") >= 2 and "Start with lesson 1" in said, said
