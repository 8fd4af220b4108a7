"""Reading a parsed TOML table field by field, so every complaint carries its key path.

Each `take_*` call checks one key's type and range; `finish()` then refuses any key nobody
took, which is how a typo such as `strdie = 2` is caught instead of silently ignored.
"""

from __future__ import annotations

import re
from collections.abc import Callable, Iterable
from typing import Any, TypeVar

from ..controls import control_in

Part = TypeVar("Part")

_MISSING: Any = object()
_BARE_KEY = re.compile(r"[A-Za-z0-9_\-\[\]]+")
"""A key shown as it is; any other is quoted (a path such as range[0] is passed in whole)."""


_NUMBERED = re.compile(
    r"(?:pages\[(?P<page>\d+)\]|quiz\.questions\[(?P<question>\d+)\]|layers\[(?P<layer>\d+)\])\.?"
)


def readable(where: str) -> str:
    """A key path as the tutor counts: pages[2].scene.stride is "page 3, scene.stride" and
    quiz.questions[0].answer "question 1, answer" (the learner sees page 3, question 1); a
    network file's layers[0].kernel is "layer 1, kernel"."""
    match = _NUMBERED.match(where)
    if match is None:
        return where
    what = next(name for name in ("page", "question", "layer") if match.group(name) is not None)
    number = int(match.group(what)) + 1
    rest = where[match.end() :]
    return f"{what} {number}, {rest}" if rest else f"{what} {number}"


class LessonError(ValueError):
    """A problem at `where` (a key path such as pages[2].scene.layer.stride) in a lesson file,
    said with pages and questions counted from 1."""

    def __init__(self, where: str, problem: str) -> None:
        super().__init__(f"{readable(where)}: {problem}" if where else problem)
        self.where = where
        self.problem = problem


class LessonErrors(LessonError):
    """Every problem found in one lesson file, in the order of the file; said as the first
    ones on one line (the list), or one per line (`check`: `problems`)."""

    SHOWN = 3

    def __init__(self, problems: list[LessonError]) -> None:
        self.problems = [str(problem) for problem in problems]
        more = len(self.problems) - self.SHOWN
        said = "; ".join(self.problems[: self.SHOWN])
        super().__init__(
            "", said + (f"; and {more} more (cnn-tutor check lists them all)" if more > 0 else "")
        )


class Problems:
    """Reads the parts of a lesson one by one, keeping each part's problem and going on, so an
    author hears of every broken part at once rather than one per run of `check`."""

    def __init__(self) -> None:
        self.found: list[LessonError] = []

    def read(self, read: Callable[..., Part], *args: Any) -> Part | None:
        """`read(*args)`, or None (its problem kept) if it raised LessonError."""
        try:
            return read(*args)
        except LessonErrors as errors:
            self._keep([LessonError("", problem) for problem in errors.problems])
        except LessonError as error:
            self._keep([error])
        return None

    def _keep(self, errors: list[LessonError]) -> None:
        """Each problem once: a table's keys may be checked again after its reader stopped."""
        said = {str(error) for error in self.found}
        self.found += [error for error in errors if str(error) not in said]

    def check(self) -> None:
        """Raise what was found: the one problem as it is, several as LessonErrors."""
        if len(self.found) == 1:
            raise self.found[0]
        if self.found:
            raise LessonErrors(self.found)


def _kind(value: object) -> str:
    names = {
        bool: "true/false",
        int: "a whole number",
        float: "a number",
        str: "text",
        list: "a list",
        dict: "a table",
    }
    return names.get(type(value), type(value).__name__)


class Table:
    """One TOML table at a known key path."""

    def __init__(self, data: object, where: str) -> None:
        if not isinstance(data, dict):
            raise LessonError(where, f"must be a table, got {_kind(data)}")
        self.data: dict[str, Any] = data
        self.where = where
        self._taken: set[str] = set()

    def path(self, key: str) -> str:
        """The key path of `key`; a key that is not a bare word is quoted, escapes and all, so
        a message about it stays one line of plain text."""
        shown = key if _BARE_KEY.fullmatch(key) else repr(key)
        return f"{self.where}.{shown}" if self.where else shown

    def has(self, key: str) -> bool:
        return key in self.data

    def raw(self, key: str, default: Any = _MISSING) -> Any:
        self._taken.add(key)
        if key not in self.data:
            if default is _MISSING:
                raise LessonError(self.path(key), "is required")
            return default
        return self.data[key]

    def take_int(self, key: str, low: int, high: int, default: Any = _MISSING) -> int:
        value = self.raw(key, default)
        return check_int(value, self.path(key), low, high)

    def take_text(
        self, key: str, limit: int, default: Any = _MISSING, *, lines: bool = False
    ) -> str:
        """Text of at most `limit` characters; one line unless `lines` (then tabs are fine too)."""
        if default is not _MISSING and key not in self.data:
            self._taken.add(key)
            return default
        return check_text(self.raw(key), self.path(key), limit, lines=lines)

    def take_bool(self, key: str, default: Any = _MISSING) -> bool:
        value = self.raw(key, default)
        if type(value) is not bool:
            raise LessonError(self.path(key), f"must be true or false, got {_kind(value)}")
        return value

    def take_choice(self, key: str, options: tuple[str, ...], default: Any = _MISSING) -> str:
        value = self.take_text(key, 40, default)
        if value not in options:
            raise LessonError(self.path(key), f"must be one of {', '.join(options)}, got {value!r}")
        return value

    def take_list(self, key: str, limit: int, default: Any = _MISSING) -> list[Any]:
        value = self.raw(key, default)
        if not isinstance(value, list):
            raise LessonError(self.path(key), f"must be a list, got {_kind(value)}")
        if len(value) > limit:
            raise LessonError(self.path(key), f"may hold at most {limit} items, got {len(value)}")
        return value

    def take_texts(self, key: str, count: int, limit: int) -> tuple[str, ...]:
        """A list of texts; every item that is not one is a problem, all said at once."""
        items = self.take_list(key, count, [])
        problems = Problems()
        texts = [
            problems.read(check_text, v, f"{self.path(key)}[{i}]", limit)
            for i, v in enumerate(items)
        ]
        problems.check()
        return tuple(texts)  # type: ignore[arg-type]

    def take_table(self, key: str, required: bool = True) -> Table | None:
        value = self.raw(key, _MISSING if required else None)
        return None if value is None else Table(value, self.path(key))

    def take_tables(self, key: str, low: int, high: int) -> list[Table]:
        items = self.take_list(key, high, [])
        if len(items) < low:
            raise LessonError(self.path(key), f"needs at least {low}, got {len(items)}")
        return [Table(item, f"{self.path(key)}[{i}]") for i, item in enumerate(items)]

    def skip(self, *keys: str) -> None:
        """Leave these keys unread without calling them unknown (what they depend on was
        broken, and that is the problem reported)."""
        self._taken.update(keys)

    def finish(self, known: Iterable[str] = ()) -> None:
        """Every key nobody took, and that is not among `known`, is a problem: all of them are
        said at once. `known` serves a reader that stopped at a bad value before taking the
        rest: a typo beside it is still said."""
        unknown = [
            LessonError(self.path(key), "is not a known key (a typo?)")
            for key in sorted(set(self.data) - self._taken - set(known))
        ]
        if len(unknown) == 1:
            raise unknown[0]
        if unknown:
            raise LessonErrors(unknown)


MAX_NUMBER_DIGITS = 18
"""No number in a lesson needs more (a seed is at most ten digits): a longer one, such as a
hexadecimal 0xfff... of 5,000 digits that TOML reads happily, could not even be shown in a
message (Python refuses to write an integer of more than 4,300 digits)."""


def huge_numbers(document: dict[str, Any]) -> list[LessonError]:
    """Every whole number in the document with more than MAX_NUMBER_DIGITS digits, by key path
    (walked without recursion: a document may be nested deeply)."""
    found: list[LessonError] = []
    waiting: list[tuple[str, object]] = [("", document)]
    while waiting:
        where, value = waiting.pop()
        if isinstance(value, dict):  # reversed: the first key is looked at first
            waiting += reversed([(Table({}, where).path(key), item) for key, item in value.items()])
        elif isinstance(value, list):
            waiting += reversed([(f"{where}[{n}]", item) for n, item in enumerate(value)])
        elif isinstance(value, int) and abs(value) >= 10**MAX_NUMBER_DIGITS:
            found.append(
                LessonError(
                    where,
                    f"is a number of more than {MAX_NUMBER_DIGITS} "
                    "digits: too large for any field of a lesson",
                )
            )
    return found


def check_int(value: object, where: str, low: int, high: int) -> int:
    if isinstance(value, bool) or not isinstance(value, int):
        raise LessonError(where, f"must be a whole number, got {_kind(value)}")
    if value < low:
        raise LessonError(where, f"must be >= {low}, got {value}")
    if value > high:
        raise LessonError(where, f"must be <= {high:,}, got {value:,}")
    return value


def check_text(value: object, where: str, limit: int, *, lines: bool = False) -> str:
    """Plain text: no control characters but, where `lines`, line breaks and tabs."""
    if not isinstance(value, str):
        raise LessonError(where, f"must be text, got {_kind(value)}")
    if not value.strip():
        raise LessonError(where, "must not be empty")
    if len(value) > limit:
        raise LessonError(where, f"may be at most {limit:,} characters, got {len(value):,}")
    text = value.strip()
    found = control_in(text, "\n\t" if lines else "")
    if found is not None:
        position, name = found
        if name == "U+000A":
            raise LessonError(where, f"must be one line (a line break at character {position + 1})")
        raise LessonError(
            where,
            f"has a control character, {name}, at character "
            f"{position + 1}: lesson text must be plain text",
        )
    return text
