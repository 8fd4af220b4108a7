"""Sizes as people type them, "227x227x3" or "3x5", turned into numbers or a one-line reason.

Shared by the command line and the calculator: plain functions that raise SizeError, which
each of them words in its own way (argparse's error, the calculator's status line).
"""

from __future__ import annotations

import re

_SEPARATOR = re.compile(r"\s*[xX*\u00d7]\s*")  # 3x5, 3X5, 3*5, or with the multiplication sign
_NUMBER = re.compile(r"-?\d{1,9}")


class SizeError(ValueError):
    """Text that is not the size asked for; the message says what was expected."""


def _numbers(text: str, example: str) -> list[int]:
    parts = _SEPARATOR.split(text.strip())
    if not all(_NUMBER.fullmatch(part) for part in parts):
        raise SizeError(f"expected whole numbers as in {example}, got {text!r}")
    return [int(part) for part in parts]


def size3(text: str) -> tuple[int, int, int]:
    """HxWxC, e.g. 227x227x3."""
    numbers = _numbers(text, "227x227x3")
    if len(numbers) != 3:
        raise SizeError(f"expected height x width x channels such as 227x227x3, got {text!r}")
    return (numbers[0], numbers[1], numbers[2])


def pair(text: str) -> tuple[int, int]:
    """One number for both axes (3) or rows x cols (3x5)."""
    numbers = _numbers(text, "3 or 3x5")
    if len(numbers) == 1:
        return (numbers[0], numbers[0])
    if len(numbers) == 2:
        return (numbers[0], numbers[1])
    raise SizeError(f"expected one number or rows x cols such as 3x5, got {text!r}")


def whole(text: str) -> int:
    """A single whole number; range checks are the layer's job, so its message names the field."""
    numbers = _numbers(text, "96")
    if len(numbers) != 1:
        raise SizeError(f"expected a single whole number, got {text!r}")
    return numbers[0]
