"""Shared fixtures: every test that runs the tutor keeps its progress in its own folder, and
every test has a time limit that fails it with the screens it had running."""

from __future__ import annotations

import os
import sys
from collections.abc import Iterator
from pathlib import Path

import pytest

from tests import watchdog


@pytest.fixture
def home(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> Path:
    """A private CNN_TUTOR_HOME, so no test reads or writes a real learner's progress."""
    folder = tmp_path / "home"
    monkeypatch.setenv("CNN_TUTOR_HOME", str(folder))
    monkeypatch.delenv("NO_COLOR", raising=False)
    return folder


@pytest.fixture(autouse=True)
def _time_limit(request: pytest.FixtureRequest) -> Iterator[None]:
    """Every test: a hang fails it with its tutors' screens printed (tests/watchdog.py)."""
    marker = request.node.get_closest_marker("time_limit")
    seconds = marker.args[0] if marker else watchdog.DEFAULT_SECONDS
    capture = request.config.pluginmanager.getplugin("capturemanager")

    def say(message: str) -> None:
        with capture.global_and_fixture_disabled():
            print(message, file=sys.stderr, flush=True)

    with capture.global_and_fixture_disabled():
        terminal = os.fdopen(os.dup(sys.stderr.fileno()), "w")  # the real one, not captured
    with terminal, watchdog.time_limit(request.node.nodeid, seconds, terminal, say):
        yield
