"""What a saved value must be, shared by every part of the progress file: a value of another
type or out of range is damage, never read as a default (a learner's result would be lost)."""

from __future__ import annotations

import math
from collections.abc import Collection
from typing import Any


def is_whole(value: Any, low: int, high: int) -> bool:
    """A whole number from `low` to `high` (true and false are not numbers here)."""
    return type(value) is int and low <= value <= high


LAST_TIME = 253_402_300_799
"""The last second of the year 9999: a later "time" is damage, and could not be written as a
date (the report's CSV and JSON write each as one)."""


def is_time(value: Any) -> bool:
    """Seconds since the epoch, as JSON writes them, between 1970 and the year 9999."""
    return type(value) in (int, float) and math.isfinite(value) and 0 <= value <= LAST_TIME


def is_text(value: Any, limit: int) -> bool:
    return isinstance(value, str) and len(value) <= limit


def is_verdict(correct: Any, slip: Any, slips: Collection[str]) -> bool:
    """Right or wrong, and the slip named ("" for none) one this version knows."""
    return type(correct) is bool and (slip == "" or slip in slips)
