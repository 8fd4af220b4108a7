"""The lesson list's catalogue: the same verdicts as a full load, parsing only what changed."""

from __future__ import annotations

import json
import os
import shutil
from pathlib import Path

import pytest

from tutor.lessons import loader
from tutor.lessons.catalogue import header_of, read_catalogue
from tutor.lessons.header_cache import MAX_BYTES, HeaderCache
from tutor.lessons.loader import load_folder, load_lesson
from tutor.lessons.model import BrokenLesson, LessonHeader
from tutor.lessons.shipped import shipped_lessons_dir

BROKEN = Path(__file__).parent / "broken_lessons"


@pytest.fixture
def folder(tmp_path: Path) -> Path:
    """The shipped lessons, a few broken files and a duplicate id, in a folder of their own."""
    lessons = tmp_path / "lessons"
    shutil.copytree(shipped_lessons_dir(), lessons)
    for name in ("bad-toml.toml", "empty-file.toml", "unknown-top-key.toml"):
        shutil.copy(BROKEN / name, lessons / f"zz-{name}")
    shutil.copy(lessons / "01-one-kernel.toml", lessons / "zz-copy-of-one.toml")
    return lessons


def full_verdicts(folder: Path) -> list[LessonHeader | BrokenLesson]:
    return [x if isinstance(x, BrokenLesson) else header_of(x) for x in load_folder(folder)]


def no_parsing(monkeypatch: pytest.MonkeyPatch) -> None:
    def refuse(raw: bytes) -> None:
        raise AssertionError("a lesson file was parsed again")

    monkeypatch.setattr(loader, "parse_document", refuse)


def test_a_cold_and_a_warm_read_agree_with_a_full_load(
    folder: Path, tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    cache_file = tmp_path / "cache" / "headers.json"
    cache = HeaderCache(cache_file)
    cold = read_catalogue(folder, cache)
    cache.save()
    assert cold == full_verdicts(folder)
    assert any("already used by" in x.message for x in cold if isinstance(x, BrokenLesson))
    no_parsing(monkeypatch)
    assert read_catalogue(folder, HeaderCache(cache_file)) == cold


def test_an_edited_or_moved_file_gets_a_fresh_verdict(folder: Path, tmp_path: Path) -> None:
    cache_file = tmp_path / "headers.json"
    cache = HeaderCache(cache_file)
    read_catalogue(folder, cache)
    cache.save()
    lesson = next(folder.glob("03-*.toml"))
    lesson.write_text(lesson.read_text().replace("order = 3", 'order = "three"'))
    (folder / "zz-empty-file.toml").rename(folder / "zz-moved.toml")
    again = read_catalogue(folder, HeaderCache(cache_file))
    assert again == full_verdicts(folder)
    messages = [x.message for x in again if isinstance(x, BrokenLesson)]
    assert any(m.startswith(f"{lesson}: order:") for m in messages)
    assert any(m.startswith(f"{folder / 'zz-moved.toml'}: ") for m in messages)


@pytest.mark.parametrize(
    "damage",
    [
        b"not json",
        b"[1, 2]",
        b'{"fingerprint": 3}',
        b"{" * 100_000,
        b"x" * (MAX_BYTES + 1),
        "directory",
    ],
)
def test_a_damaged_cache_only_means_parsing_again(
    folder: Path, tmp_path: Path, damage: bytes | str
) -> None:
    cache_file = tmp_path / "headers.json"
    if damage == "directory":
        cache_file.mkdir()
    else:
        cache_file.write_bytes(damage)  # type: ignore[arg-type]
    cache = HeaderCache(cache_file)
    assert read_catalogue(folder, cache) == full_verdicts(folder)
    cache.save()  # replaces the damaged file, or quietly gives up on a directory


def test_entries_of_the_wrong_shape_or_from_other_rules_are_not_trusted(
    folder: Path, tmp_path: Path
) -> None:
    cache_file = tmp_path / "headers.json"
    cache = HeaderCache(cache_file)
    read_catalogue(folder, cache)
    cache.save()
    saved = json.loads(cache_file.read_text())
    for entry in saved["entries"].values():
        if "header" in entry:
            entry["header"][1] = "1"  # an order that is not a number
    cache_file.write_text(json.dumps(saved))
    assert read_catalogue(folder, HeaderCache(cache_file)) == full_verdicts(folder)
    saved["fingerprint"] = "rules of another version"
    saved["entries"] = {key: {"broken": "stale"} for key in saved["entries"]}
    cache_file.write_text(json.dumps(saved))
    assert read_catalogue(folder, HeaderCache(cache_file)) == full_verdicts(folder)


def test_an_unwritable_cache_folder_is_no_error(folder: Path, tmp_path: Path) -> None:
    blocker = tmp_path / "a-file"
    blocker.write_text("in the way")
    cache = HeaderCache(blocker / "cache" / "headers.json")
    assert read_catalogue(folder, cache) == full_verdicts(folder)
    cache.save()
    assert blocker.read_text() == "in the way"


def test_opening_a_listed_lesson_checks_it_from_the_kept_document(
    folder: Path, tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    cache_file = tmp_path / "headers.json"
    cache = HeaderCache(cache_file)
    listed = read_catalogue(folder, cache)
    cache.save()
    first = next(x for x in listed if isinstance(x, LessonHeader))
    expected = load_lesson(first.source)
    no_parsing(monkeypatch)
    assert load_lesson(first.source, HeaderCache(cache_file)) == expected


def test_a_file_changed_after_listing_is_parsed_and_checked_again(
    folder: Path, tmp_path: Path
) -> None:
    cache = HeaderCache(tmp_path / "headers.json")
    first = next(x for x in read_catalogue(folder, cache) if isinstance(x, LessonHeader))
    first.source.write_text(first.source.read_text().replace("format_version = 1", ""))
    opened = load_lesson(first.source, cache)
    assert isinstance(opened, BrokenLesson) and "format_version" in opened.message


def test_documents_json_cannot_hold_are_not_kept(tmp_path: Path) -> None:
    import datetime

    cache = HeaderCache(tmp_path / "headers.json")
    header = LessonHeader("x", 1, "X", "x", 1, tmp_path / "x.toml")
    cache.put("with-a-date", header, {"when": datetime.date(2026, 11, 25)})
    cache.put("plain", header, {"title": "X"})
    assert cache.document("with-a-date") is None
    assert cache.document("plain") == {"title": "X"}
    cache.save()
    assert HeaderCache(tmp_path / "headers.json").document("plain") == {"title": "X"}


def test_a_cache_that_is_a_pipe_or_a_link_is_never_read(folder: Path, tmp_path: Path) -> None:
    pipe = tmp_path / "pipe.json"
    os.mkfifo(pipe)
    assert read_catalogue(folder, HeaderCache(pipe)) == full_verdicts(folder), "never blocks"
    link = tmp_path / "link.json"
    link.symlink_to("/dev/zero")
    assert read_catalogue(folder, HeaderCache(link)) == full_verdicts(folder), "never floods"


def test_verdicts_are_kept_per_version_of_the_checks(
    folder: Path, tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    """The cache is keyed on the checks' version, not on which modules happen to hold them."""
    from tutor.lessons import limits

    cache_file = tmp_path / "headers.json"
    cache = HeaderCache(cache_file)
    read_catalogue(folder, cache)
    cache.save()
    assert HeaderCache(cache_file)._entries, "the same checks trust what they saved"
    monkeypatch.setattr(limits, "CHECKS_VERSION", limits.CHECKS_VERSION + 1)
    assert HeaderCache(cache_file)._entries == {}, "new checks trust nothing saved before"
