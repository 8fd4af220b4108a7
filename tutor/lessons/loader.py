"""Loading lesson files: TOML in, checked immutable lessons out, one clear message per problem.

A lesson file is data only. It is parsed with `tomllib`, every key is checked against the
format, and nothing in it can run code, import, or name another file. A broken file becomes a
`BrokenLesson` carrying "file: key.path: problem"; it never stops the other lessons loading.
"""

from __future__ import annotations

import re
from pathlib import Path
from typing import TYPE_CHECKING, Any

from . import limits
from .folder import arrange, broken, digest_of, lesson_files, read_lesson_file
from .model import BrokenLesson, Lesson
from .pages import read_page
from .questions import read_quiz
from .reader import LessonError, LessonErrors, Problems, Table, huge_numbers

if TYPE_CHECKING:
    from .header_cache import HeaderCache

_MAX_DIGITS = 4_300
_LONG_NUMBER = re.compile(rf"\d[\d_]{{{_MAX_DIGITS},}}")


def read_lesson(data: dict[str, Any], source: Path) -> Lesson:
    """The lesson in a TOML document; LessonError naming every part that is wrong (each top
    field, page and question is read even when one before it is broken)."""
    table = Table(data, "")
    version = table.raw("format_version")
    if type(version) is not int or version != limits.FORMAT_VERSION:  # not 1.0, not true
        raise LessonError(
            "format_version",
            f"this tutor reads format_version {limits.FORMAT_VERSION}, got {version!r}",
        )
    problems = Problems()
    lesson_id = problems.read(read_id, table)
    order = problems.read(table.take_int, "order", 1, 999)
    title = problems.read(table.take_text, "title", 80)
    summary = problems.read(table.take_text, "summary", limits.MAX_TEXT_CHARS)
    requires = problems.read(read_requires, table, lesson_id)
    page_tables = problems.read(table.take_tables, "pages", 1, limits.MAX_PAGES) or []
    read_pages = [problems.read(read_page, page) for page in page_tables]
    quiz_table = problems.read(table.take_table, "quiz")
    quiz = None if quiz_table is None else problems.read(read_quiz, quiz_table, problems)
    problems.read(table.finish)
    problems.check()
    assert lesson_id is not None and order is not None and title is not None
    assert summary is not None and requires is not None and quiz is not None
    pages = tuple(page for page in read_pages if page is not None)  # all: none was broken
    return Lesson(lesson_id, order, title, summary, pages, quiz, source, requires)


def read_id(table: Table) -> str:
    lesson_id = table.take_text("id", 40)
    if not limits.LESSON_ID.fullmatch(lesson_id):
        raise LessonError("id", f"use lower-case letters, digits and dashes, got {lesson_id!r}")
    return lesson_id


def read_requires(table: Table, lesson_id: str | None) -> tuple[str, ...]:
    requires = table.take_texts("requires", limits.MAX_REQUIRES, 40)
    for n, required in enumerate(requires):
        if not limits.LESSON_ID.fullmatch(required) or required == lesson_id:
            raise LessonError(
                f"requires[{n}]", f"must be the id of another lesson, got {required!r}"
            )
    return tuple(dict.fromkeys(requires))


def parse_document(raw: bytes) -> dict[str, Any]:
    """Bytes of a lesson file to its TOML document, or LessonError saying why they are not one."""
    import tomllib  # here, not at the top: a lesson whose document is cached never needs it

    try:
        text = raw.decode("utf-8")
    except UnicodeDecodeError as error:
        line = raw.count(b"\n", 0, error.start) + 1
        raise LessonError(
            "",
            f"is not UTF-8 text (line {line} has the byte 0x{raw[error.start]:02x}); "
            "save it as UTF-8",
        ) from None
    try:
        data = tomllib.loads(text)
    except tomllib.TOMLDecodeError as error:
        raise LessonError("", f"is not valid TOML: {error}") from None
    except ValueError as error:  # Python reads no integer of more than 4,300 digits
        long = _LONG_NUMBER.search(text)
        if long is None:
            raise LessonError("", f"is not valid TOML: {error}") from None
        line = text.count("\n", 0, long.start()) + 1
        raise LessonError(
            "", f"line {line} has a number too long to read (more than {_MAX_DIGITS:,} digits)"
        ) from None
    if not data:
        raise LessonError("", "is empty")
    huge = huge_numbers(data)
    if huge:
        raise huge[0] if len(huge) == 1 else LessonErrors(huge)
    return data


def lesson_and_document(
    raw: bytes, path: Path, document: dict[str, Any] | None = None
) -> tuple[Lesson | BrokenLesson, dict[str, Any] | None]:
    """The lesson in a file's bytes, checked in full, or a BrokenLesson whose message starts
    with the file's path; and the TOML document it was read from (None if there is none).

    `document` is the bytes' document if already known (cached), which spares parsing them.
    """
    try:
        if document is None:
            document = parse_document(raw)
        return read_lesson(document, path), document
    except LessonErrors as errors:
        return broken(path, str(errors))._replace(problems=tuple(errors.problems)), document
    except LessonError as error:
        return broken(path, str(error)), document
    except RecursionError:
        return broken(path, "is nested too deeply to be a lesson"), document


def load_lesson(path: Path, cache: HeaderCache | None = None) -> Lesson | BrokenLesson:
    """One lesson file, checked in full, or a BrokenLesson whose message starts with the file's
    path. With the list's `cache`, the TOML is parsed only if the cache has not kept the
    document of exactly these bytes."""
    raw = read_lesson_file(path)
    if isinstance(raw, BrokenLesson):
        return raw
    document = None if cache is None else cache.document(digest_of(raw))
    return lesson_and_document(raw, path, document)[0]


def load_folder(folder: Path) -> list[Lesson | BrokenLesson]:
    """Every *.toml in `folder`, in lesson order; broken files last, in name order."""
    return arrange(load_lesson(path) for path in lesson_files(folder))
