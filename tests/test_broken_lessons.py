"""Broken lesson files: each gives its one clear message, and never stops the others loading."""

from __future__ import annotations

import os
import shutil
from pathlib import Path

import pytest

from tutor.lessons.catalogue import BrokenLesson
from tutor.lessons.loader import load_folder, load_lesson
from tutor.lessons.model import Lesson
from tutor.lessons.shipped import shipped_lessons_dir

CORPUS = Path(__file__).parent / "broken_lessons"
CASES = sorted(CORPUS.glob("*.toml"))


def expected(path: Path) -> str:
    first = path.read_text(encoding="utf-8").splitlines()[0]
    assert first.startswith("# expect: ")
    return first.removeprefix("# expect: ")


def test_the_corpus_is_large() -> None:
    assert len(CASES) >= 30


@pytest.mark.parametrize("path", CASES, ids=[p.stem for p in CASES])
def test_each_broken_file_gives_its_message(path: Path) -> None:
    result = load_lesson(path)
    assert isinstance(result, BrokenLesson)
    assert result.message.startswith(f"{path}: ")
    assert expected(path) in result.message
    assert "\n" not in result.message and "Traceback" not in result.message


@pytest.mark.parametrize(
    ("name", "content", "message"),
    [
        ("invalid-utf8.toml", b"format_version = 1\ntitle = \"caf\xe9\"\n",
         "is not UTF-8 text (line 2 has the byte 0xe9)"),
        ("ten-megabytes.toml", b"# " + b"x" * 10_000_000 + b"\n",
         "is 10,000,003 bytes; a lesson file may be at most 1,000,000"),
        ("deep.toml", b"a = " + b"[" * 5000 + b"]" * 5000 + b"\n", "deep"),
        ("nul.toml", b"\x00\x01\x02", "is not valid TOML"),
    ],
)
def test_generated_broken_files(tmp_path: Path, name: str, content: bytes, message: str) -> None:
    path = tmp_path / name
    path.write_bytes(content)
    result = load_lesson(path)
    assert isinstance(result, BrokenLesson)
    assert message in result.message


@pytest.mark.skipif(os.geteuid() == 0, reason="root can read any file")
def test_unreadable_file(tmp_path: Path) -> None:
    path = tmp_path / "secret.toml"
    path.write_text("format_version = 1\n")
    path.chmod(0)
    result = load_lesson(path)
    assert isinstance(result, BrokenLesson) and "cannot be read" in result.message


def test_a_folder_in_place_of_a_file(tmp_path: Path) -> None:
    (tmp_path / "folder.toml").mkdir()
    result = load_lesson(tmp_path / "folder.toml")
    assert isinstance(result, BrokenLesson) and "cannot be read" in result.message


def test_broken_lessons_never_stop_the_others(tmp_path: Path) -> None:
    for path in shipped_lessons_dir().glob("*.toml"):
        shutil.copy(path, tmp_path / path.name)
    for path in CASES:
        shutil.copy(path, tmp_path / f"zz-{path.name}")
    loaded = load_folder(tmp_path)
    good = [x for x in loaded if isinstance(x, Lesson)]
    broken = [x for x in loaded if isinstance(x, BrokenLesson)]
    assert len(good) == len(list(shipped_lessons_dir().glob("*.toml")))
    assert len(broken) == len(CASES)
    assert loaded[: len(good)] == good, "good lessons come first, in order"


def test_duplicate_ids_are_reported_on_the_second_file(tmp_path: Path) -> None:
    first = next(iter(sorted(shipped_lessons_dir().glob("*.toml"))))
    shutil.copy(first, tmp_path / "a.toml")
    shutil.copy(first, tmp_path / "b.toml")
    loaded = load_folder(tmp_path)
    assert isinstance(loaded[0], Lesson)
    assert isinstance(loaded[1], BrokenLesson)
    assert "is already used by" in loaded[1].message and "a.toml" in loaded[1].message
