"""A hung test fails with its screen printed, whether it waits forever or its loop spins.

Each case is a small test file run by a pytest of its own, with this suite's fixtures (the
time limit is tests/conftest.py's) and limits of a few seconds.
"""

from __future__ import annotations

import subprocess
import sys
import textwrap
from pathlib import Path

import pytest

ROOT = Path(__file__).resolve().parents[1]
HUNG = textwrap.dedent("""
    import asyncio
    import pytest
    from tests import watchdog
    from tests.ui_driver import build_app, run, wait_for_text

    watchdog.LAST_RESORT = 4

    @pytest.mark.time_limit(3)
    async def test_waits_forever(home):
        async with run(build_app(home)) as pilot:
            await wait_for_text(pilot, "Start with lesson 1")
            await asyncio.Event().wait()

    @pytest.mark.time_limit(3)
    async def test_spins_in_the_loop(home):
        async with run(build_app(home)) as pilot:
            await wait_for_text(pilot, "Start with lesson 1")
            pilot.app.call_later(lambda: [None for _ in iter(int, 1)])  # never ends
            await asyncio.Event().wait()
""")


def run_hung(tmp_path: Path, test: str) -> subprocess.CompletedProcess[str]:
    path = tmp_path / "test_hung.py"
    path.write_text(HUNG)
    return subprocess.run(
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
            f"{path}::{test}",
        ],
        cwd=ROOT,
        capture_output=True,
        text=True,
        timeout=60,
    )


@pytest.mark.parametrize("test", ["test_waits_forever", "test_spins_in_the_loop"])
def test_a_hung_test_fails_with_its_screen_printed(tmp_path: Path, test: str) -> None:
    result = run_hung(tmp_path, test)
    said = result.stdout + result.stderr
    assert result.returncode != 0, said
    assert f"{test} ran past its 3 s limit. Screens:" in said, said
    assert "--- TutorApp under Pilot ---" in said and "Start with lesson 1" in said, said
