"""Where the lessons that come with the tutor live, installed or in a source checkout."""

from __future__ import annotations

from pathlib import Path

_PACKAGE = Path(__file__).resolve().parent.parent


def shipped_lessons_dir() -> Path:
    """Inside an installed package the lessons are data (tutor/shipped_lessons); in a checkout
    they are the top-level lessons/ folder they are built from."""
    packaged = _PACKAGE / "shipped_lessons"
    return packaged if packaged.is_dir() else _PACKAGE.parent / "lessons"
