"""Shared fixtures: every test that runs the tutor keeps its progress in its own folder."""

from __future__ import annotations

from pathlib import Path

import pytest


@pytest.fixture
def home(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> Path:
    """A private CNN_TUTOR_HOME, so no test reads or writes a real learner's progress."""
    folder = tmp_path / "home"
    monkeypatch.setenv("CNN_TUTOR_HOME", str(folder))
    monkeypatch.delenv("NO_COLOR", raising=False)
    return folder
