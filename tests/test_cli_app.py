"""`cnn-tutor` starting the app: bad flags cost one line and status 2 before any screen opens."""

from __future__ import annotations

import os
import subprocess
import sys
from pathlib import Path

import pytest

from tests.ui_driver import build_app, run, wait_for_text
from tutor.cli import main
from tutor.ui.screens.calculator import CalculatorScreen
from tutor.ui.screens.lesson import LessonScreen


@pytest.mark.parametrize(
    ("args", "says"),
    [
        (["--lesson", "99"], "--lesson 99: there is no lesson 99 in"),
        (["--lesson", "x"], "argument --lesson: expected whole numbers"),
        (["--lessons", "/no/such/folder"], "--lessons: /no/such/folder is not a folder"),
        (["--colour"], "unrecognized arguments: --colour"),
    ],
)
def test_bad_start_flags(
    home: Path, capsys: pytest.CaptureFixture[str], args: list[str], says: str
) -> None:
    assert exit_status(args) == 2
    out, err = capsys.readouterr()
    assert out == ""
    assert len(err.strip().splitlines()) == 1 and says in err
    assert not home.exists(), "nothing was written for a start that never happened"


def test_without_a_terminal_one_line_and_status_2(home: Path, tmp_path: Path) -> None:
    """`cnn-tutor </dev/null >file`: no screen codes written to a file, forever or at all."""
    command = Path(sys.executable).with_name("cnn-tutor")
    with open(tmp_path / "out", "wb") as out:
        done = subprocess.run(
            [command],
            stdin=subprocess.DEVNULL,
            stdout=out,
            stderr=subprocess.PIPE,
            timeout=60,
            check=False,
        )
    assert done.returncode == 2
    assert done.stderr.decode().splitlines() == [
        "cnn-tutor: needs a terminal to draw on and read keys from; `cnn-tutor params` and "
        "`cnn-tutor check` work without one"
    ]
    assert (tmp_path / "out").read_bytes() == b""


def exit_status(args: list[str]) -> int | str | None:
    """main's return value, or the status argparse exits with."""
    try:
        return main(args)
    except SystemExit as stop:
        return stop.code


async def test_the_command_palette_reaches_the_calculator_and_lessons(home: Path) -> None:
    app = build_app(home)
    async with run(app) as pilot:
        await wait_for_text(pilot, "One kernel, one feature map")
        await pilot.press("ctrl+p", *"calculator", "enter")
        await wait_for_text(pilot, "Parameter calculator")
        assert isinstance(app.screen, CalculatorScreen)
        await pilot.press("b", "ctrl+p", *"Lesson 6", "enter")
        await wait_for_text(pilot, "Lesson 6 · page 1 of 4")
        assert isinstance(app.screen, LessonScreen)


def test_plain_start_needs_no_argument_parser() -> None:
    """`cnn-tutor` alone is the usual start: it skips building the parser (argparse's import)."""
    import subprocess
    import sys

    probe = "import sys, tutor.cli; print('argparse' in sys.modules)"
    out = subprocess.run([sys.executable, "-c", probe], capture_output=True, text=True, check=True)
    assert out.stdout.strip() == "False"


def test_collection_is_paused_for_start_up_then_frozen_and_resumed() -> None:
    """The pause ends once the first screen is drawn, or when the start fails before that;
    apps built without the command (tests) are left alone."""
    import gc

    from tutor.cli import startup_gc

    assert gc.isenabled()
    frozen = gc.get_freeze_count()  # not 0 everywhere: Python 3.12.1 starts with some frozen
    startup_gc.resume()  # nothing was paused: nothing to do
    assert gc.isenabled() and gc.get_freeze_count() == frozen
    with startup_gc.paused():
        assert not gc.isenabled()
    assert gc.isenabled() and gc.get_freeze_count() == frozen, "a failed start only resumes"
    try:
        with startup_gc.paused():
            assert not gc.isenabled()
            startup_gc.resume()
            assert gc.isenabled() and gc.get_freeze_count() > frozen
        assert gc.isenabled()
    finally:
        gc.unfreeze()


def test_the_lesson_list_starts_without_numpy(tmp_path: Path) -> None:
    """The list's second and later starts read its cache of checked lessons and the progress
    file (with its predictions and their slips): none of that may import NumPy."""
    probe = (
        "import sys; from tutor.cli.start import build_app; build_app(None, None); "
        "print(sorted(m for m in sys.modules if m.split('.')[0] == 'numpy')[:3])"
    )
    env = {
        **os.environ,
        "CNN_TUTOR_HOME": str(tmp_path / "home"),
        "XDG_CACHE_HOME": str(tmp_path / "cache"),
    }
    subprocess.run([sys.executable, "-c", probe], capture_output=True, check=True, env=env)
    again = subprocess.run(
        [sys.executable, "-c", probe], capture_output=True, text=True, check=True, env=env
    )
    assert again.stdout.strip() == "[]", again.stdout
