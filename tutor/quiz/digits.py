"""Numbers as people type them on any keyboard: every script's digits read as the digits they
are, and thousands written the way some countries write them answered with how to type them.

A learner on an Arabic, Devanagari or Japanese keyboard types ٣٤٩٤٤, ३४९४४ or ３４９４４: each
is 34944, not something to drop. Full-width and Arabic separators, signs and spaces become
their ASCII twins first, so the rest of the reading treats every script alike.
"""

from __future__ import annotations

import re
import unicodedata

TYPED_DIGITS = r"\d"
"""Any script's decimal digit (Unicode's Nd), for the answer boxes' lists of characters."""
SEPARATORS = "'\u2019\u066b\u066c\uff0c\uff0e\u2212\u2013\uff0b\uff0d"
"""Characters the answer boxes accept beside ASCII ones: apostrophes (34'944), Arabic and
full-width separators, minus signs and a full-width plus."""
_TWINS = str.maketrans(
    {
        "\u066c": ",",
        "\uff0c": ",",  # Arabic thousands separator, full-width comma
        "\u066b": ".",
        "\uff0e": ".",  # Arabic decimal separator, full-width full stop
        "\u2212": "-",
        "\u2013": "-",
        "\uff0d": "-",
        "\uff0b": "+",
        "\u2019": "'",
        "\u00a0": " ",
        "\u202f": " ",
        "\u2009": " ",
        "\u3000": " ",
    }
)
_DOTTED = re.compile(r"[+-]?[0-9]{1,3}(?:\.[0-9]{3})+")
_APOSTROPHES = re.compile(r"[+-]?[0-9]{1,3}(?:'[0-9]{3})+")


def ascii_number(text: str) -> str:
    """`text` with every decimal digit of any script as 0-9 and every separator, sign and
    space as its ASCII twin; other characters are left for the reader to refuse."""
    text = text.translate(_TWINS)
    return "".join(str(unicodedata.decimal(c)) if c.isdecimal() else c for c in text)


def thousands_advice(cleaned: str) -> str | None:
    """How to type thousands, when `cleaned` groups them with dots or apostrophes (34.944 and
    34'944 are 34,944 in much of the world, and 34.944 a decimal in the rest)."""
    if _DOTTED.fullmatch(cleaned):
        return (
            f"{cleaned} reads as a decimal here: for thousands type "
            f"{cleaned.replace('.', ',')} or {cleaned.replace('.', '')}."
        )
    if _APOSTROPHES.fullmatch(cleaned):
        return (
            f"Type thousands as {cleaned.replace(chr(39), ',')} or "
            f"{cleaned.replace(chr(39), '')}, without the apostrophe."
        )
    return None
