"""Reading a typed number the way people write them, and saying kindly what is wrong if not.

Accepted: 34944, 34,944, 34 944, 34_944 (groups of three), 3.4944e4 when it is whole, in any
script's digits (digits.py); -0 is 0. Anything else gets a one-sentence message, one that says
how to type thousands for 34.944 and 34'944; nothing a learner types can raise.
"""

from __future__ import annotations

import re
from dataclasses import dataclass
from decimal import Decimal, InvalidOperation

from .digits import ascii_number, thousands_advice

MAX_ANSWER_CHARS = 40
MAX_EXPONENT = 30

_PLAIN = re.compile(r"[0-9]+")
_GROUPED = re.compile(r"[0-9]{1,3}(?:(?P<sep>[,_ ])[0-9]{3})(?:(?P=sep)[0-9]{3})*")
_SCIENTIFIC = re.compile(r"[0-9]+(?:\.[0-9]+)?[eE]\+?([0-9]+)")
_DECIMAL = re.compile(r"[0-9]*\.[0-9]+|[0-9]+\.")


@dataclass(frozen=True)
class ParsedAnswer:
    """Either a whole number, or the reason the text is not one."""

    value: int | None
    problem: str = ""


def _refuse(problem: str) -> ParsedAnswer:
    return ParsedAnswer(None, problem)


def parse_answer(text: str) -> ParsedAnswer:
    cleaned = ascii_number(text).strip()
    if not cleaned:
        return _refuse("Type a number first, for example 34944 or 34,944.")
    if len(cleaned) > MAX_ANSWER_CHARS:
        return _refuse("That is too long for an answer: type just the number.")
    if cleaned.startswith("-"):
        unsigned = parse_answer(cleaned[1:])
        if unsigned.value == 0:  # -0 is 0
            return unsigned
        return _refuse("A count can't be negative: type a whole number of 0 or more.")
    if _PLAIN.fullmatch(cleaned) or _GROUPED.fullmatch(cleaned):
        return ParsedAnswer(int(re.sub(r"[,_ ]", "", cleaned)))
    scientific = _SCIENTIFIC.fullmatch(cleaned)
    if scientific:
        if int(scientific.group(1)) > MAX_EXPONENT:
            return _refuse("That exponent is far too large for a parameter count.")
        try:
            number = Decimal(cleaned)
        except InvalidOperation:
            return _refuse("Type the number with digits, for example 34944.")
        if number != number.to_integral_value():
            return _refuse(f"{cleaned} is not a whole number; counts are whole.")
        return ParsedAnswer(int(number))
    advice = thousands_advice(cleaned)
    if advice is not None:
        return _refuse(advice)
    if _DECIMAL.fullmatch(cleaned):
        return _refuse(f"{cleaned} is not a whole number; counts are whole.")
    if re.fullmatch(r"[0-9,_ ]+", cleaned):
        return _refuse("Group digits in threes (34,944) or leave them together (34944).")
    return _refuse("Type the answer with digits, for example 34944 or 34,944.")
