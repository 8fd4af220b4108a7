"""Numbers as a scene writes them: whole numbers as digits, anything else as briefly as exact."""

from __future__ import annotations

from collections.abc import Iterable


def number_text(value: object) -> str:
    if type(value) is int:  # from .tolist(): the usual case, and the quickest
        return str(value)
    number = float(value)  # type: ignore[arg-type]
    return str(int(number)) if number.is_integer() else f"{number:g}"


def widest(values: Iterable[object]) -> int:
    """Columns the widest of `values` takes, written as `number_text` writes it."""
    return max((len(number_text(v)) for v in values), default=1)
