"""The progress file: saved atomically, shared safely, and never lost when it is damaged."""

from __future__ import annotations

import json
import os
from dataclasses import replace
from pathlib import Path

import pytest

from tutor.progress.history import AnswerRecord, AttemptRecord
from tutor.progress.model import (
    MAX_ALL_HISTORY,
    MAX_ALL_PREDICTIONS,
    MAX_HISTORY,
    MAX_LESSONS,
    MAX_PREDICTIONS,
    VERSION,
    Progress,
)
from tutor.progress.predictions import PredictionRecord
from tutor.progress.store import FILE_NAME, MAX_BYTES, ProgressStore

ROOT = Path(__file__).resolve().parent.parent
PREDICTION = PredictionRecord(2, (0, 1, 2), "4", False, "left_out_bias", 1_764_000_100.0)


ATTEMPT = AttemptRecord(
    1_764_000_000.5,
    75,
    True,
    (
        AnswerRecord(0, "shared_total", "280", True, "", 0),
        AnswerRecord(1, "unshared_total", "34,944", False, "counted_filters_as_kernels", 2),
        AnswerRecord(2, "choice", "choice 3", False, "", 1),
    ),
)


def test_round_trip(tmp_path: Path) -> None:
    store = ProgressStore(tmp_path)
    store.update(lambda p: p.move("one-kernel", 2, 7))
    store.update(lambda p: p.record_quiz("one-kernel", ATTEMPT))
    loaded = ProgressStore(tmp_path).load()
    entry = loaded.lessons["one-kernel"]
    assert (entry.page, entry.step, entry.attempts, entry.best_percent, entry.passed) == (
        2,
        7,
        1,
        75,
        True,
    )
    assert entry.history == [ATTEMPT]
    assert loaded.last_lesson == "one-kernel"
    assert json.loads((tmp_path / FILE_NAME).read_text())["version"] == VERSION


def test_reset_one_lesson_or_everything(tmp_path: Path) -> None:
    store = ProgressStore(tmp_path)
    store.update(lambda p: p.move("a", 1, 0))
    store.update(lambda p: p.move("b", 1, 0))
    store.update(lambda p: p.reset("b"))
    assert set(ProgressStore(tmp_path).load().lessons) == {"a"}
    store.update(lambda p: p.reset(None))
    assert ProgressStore(tmp_path).load().lessons == {}


GOOD_ENTRY = {"page": 1, "step": 2}
DAMAGE = {
    "truncated": b'{"version": 1, "lessons": {"a": {"pa',
    "garbage": bytes(range(256)),
    "empty": b"",
    "not an object": b"[1, 2, 3]",
    "a wrong version": json.dumps({"version": 99, "lessons": {}}).encode(),
    "no version": json.dumps({"lessons": {"a": GOOD_ENTRY}}).encode(),
    "lessons not a table": json.dumps({"version": 1, "lessons": [1]}).encode(),
    "a negative page": json.dumps({"version": 1, "lessons": {"a": {"page": -1}}}).encode(),
    "a page in words": json.dumps({"version": 1, "lessons": {"a": {"page": "two"}}}).encode(),
    "a boolean step": json.dumps({"version": 1, "lessons": {"a": {"step": True}}}).encode(),
    "a lesson not a table": json.dumps({"version": 1, "lessons": {"a": 3}}).encode(),
    "a bad time": json.dumps({"version": 1, "lessons": {"a": {"updated": "now"}}}).encode(),
    "a number for passed": json.dumps(
        {"version": 1, "last_lesson": "a", "lessons": {"a": {"passed": 1}}}
    ).encode(),
    "a percent over 100": json.dumps(
        {"version": 1, "last_lesson": None, "lessons": {"a": {"best_percent": 120}}}
    ).encode(),
    "an unknown field": json.dumps(
        {"version": 1, "last_lesson": None, "lessons": {"a": {"stars": 3}}}
    ).encode(),
    "a key that is no lesson id": json.dumps(
        {"version": 1, "last_lesson": None, "lessons": {"\u001b[2J": {}}}
    ).encode(),
    "nested 100,000 deep": b'{"version": 1, "lessons": ' + b"[" * 100_000 + b"]" * 100_000 + b"}",
    "an attempt without answers": json.dumps(
        {
            "version": 2,
            "last_lesson": None,
            "lessons": {"a": {"history": [{"finished": 1.0, "percent": 50, "passed": False}]}},
        }
    ).encode(),
    "an answer of no known kind": json.dumps(
        {
            "version": 2,
            "last_lesson": None,
            "lessons": {
                "a": {
                    "history": [
                        {
                            "finished": 1.0,
                            "percent": 50,
                            "passed": False,
                            "answers": [[0, "magic", "3", False, "", 0]],
                        }
                    ]
                }
            },
        }
    ).encode(),
    "an unknown slip": json.dumps(
        {
            "version": 2,
            "last_lesson": None,
            "lessons": {
                "a": {
                    "history": [
                        {
                            "finished": 1.0,
                            "percent": 50,
                            "passed": False,
                            "answers": [[0, "shared_total", "3", False, "guessed", 0]],
                        }
                    ]
                }
            },
        }
    ).encode(),
    "too many attempts": json.dumps(
        {
            "version": 2,
            "last_lesson": None,
            "lessons": {
                "a": {
                    "history": [{"finished": 1.0, "percent": 50, "passed": False, "answers": []}]
                    * 1000
                }
            },
        }
    ).encode(),
    "a prediction of no neuron": json.dumps(
        {
            "version": 3,
            "last_lesson": None,
            "lessons": {"a": {"predictions": [[0, "row 2", "3", True, "", 1.0]]}},
        }
    ).encode(),
    "too many predictions": json.dumps(
        {
            "version": 3,
            "last_lesson": None,
            "lessons": {"a": {"predictions": [[0, [0, 1, 2], "3", True, "", 1.0]] * 1000}},
        }
    ).encode(),
    "100,000 lessons": json.dumps(
        {"version": 1, "last_lesson": None, "lessons": {f"l{n}": {} for n in range(100_000)}}
    ).encode(),
}


@pytest.mark.parametrize("content", DAMAGE.values(), ids=DAMAGE.keys())
def test_a_damaged_file_is_set_aside_never_overwritten(tmp_path: Path, content: bytes) -> None:
    (tmp_path / FILE_NAME).write_bytes(content)
    store = ProgressStore(tmp_path)
    assert store.load() == Progress()
    assert len(store.notices) == 1 and "could not be used" in store.notices[0]
    kept = list(tmp_path.glob("progress.damaged-*.json"))
    assert len(kept) == 1 and kept[0].read_bytes() == content
    assert kept[0].name in store.notices[0]
    store.update(lambda p: p.move("a", 3, 0))
    assert kept[0].read_bytes() == content
    assert ProgressStore(tmp_path).load().lessons["a"].page == 3


def test_a_huge_file_is_set_aside(tmp_path: Path) -> None:
    (tmp_path / FILE_NAME).write_bytes(b" " * (MAX_BYTES + 1))
    store = ProgressStore(tmp_path)
    assert store.load() == Progress()
    assert f"more than the {MAX_BYTES:,} allowed" in store.notices[0]
    assert len(list(tmp_path.glob("progress.damaged-*.json"))) == 1


def test_a_folder_in_place_of_the_file_is_left_alone(tmp_path: Path) -> None:
    (tmp_path / FILE_NAME).mkdir()
    (tmp_path / FILE_NAME / "keep-me.txt").write_text("mine")
    store = ProgressStore(tmp_path)
    assert store.load() == Progress()
    assert store.notices == [
        f"{FILE_NAME} in {tmp_path} is a folder, not a regular file: it "
        "was left as it is, and your progress is kept only until you quit."
    ]
    assert not store.update(lambda p: p.move("a", 1, 0))
    assert store.progress.lessons["a"].page == 1, "kept in memory"
    assert (tmp_path / FILE_NAME / "keep-me.txt").read_text() == "mine"
    assert list(tmp_path.glob("progress.damaged-*")) == [] and len(store.notices) == 1


@pytest.mark.skipif(os.geteuid() == 0, reason="root can read any file")
def test_an_unreadable_file(tmp_path: Path) -> None:
    path = tmp_path / FILE_NAME
    path.write_text(json.dumps({"version": 1, "lessons": {}}))
    path.chmod(0)
    store = ProgressStore(tmp_path)
    assert store.load() == Progress()
    assert store.notices and "permission denied" in store.notices[0]


def test_two_damaged_files_in_the_same_second_are_both_kept(tmp_path: Path) -> None:
    for content in (b"first", b"second"):
        (tmp_path / FILE_NAME).write_bytes(content)
        ProgressStore(tmp_path).load()
    kept = sorted(path.read_bytes() for path in tmp_path.glob("progress.damaged-*.json"))
    assert kept == [b"first", b"second"]


def test_a_home_that_cannot_be_a_folder_keeps_progress_in_memory(tmp_path: Path) -> None:
    blocked = tmp_path / "file"
    blocked.write_text("x")
    store = ProgressStore(blocked)
    store.load()
    assert not store.update(lambda p: p.move("a", 4, 0))
    assert not store.update(lambda p: p.move("a", 5, 0))
    assert store.progress.lessons["a"].page == 5
    assert len([n for n in store.notices if "cannot be saved" in n]) == 1, "said once"


# -- what is not a regular file is left alone; nothing is followed elsewhere ---------------------


def test_a_named_pipe_is_never_opened_and_progress_stays_in_memory(tmp_path: Path) -> None:
    os.mkfifo(tmp_path / FILE_NAME)
    store = ProgressStore(tmp_path)
    assert store.load() == Progress(), "returns at once: a read would wait for a writer forever"
    assert store.notices == [
        f"{FILE_NAME} in {tmp_path} is a named pipe (FIFO), not a regular "
        "file: it was left as it is, and your progress is kept only until "
        "you quit."
    ]
    assert not store.update(lambda p: p.move("a", 2, 0))
    assert store.progress.lessons["a"].page == 2
    assert (tmp_path / FILE_NAME).is_fifo() and len(store.notices) == 1


def test_a_symbolic_link_is_never_followed(tmp_path: Path) -> None:
    (tmp_path / FILE_NAME).symlink_to("/dev/zero")
    store = ProgressStore(tmp_path)
    assert store.load() == Progress()
    assert "is a symbolic link, not a regular file" in store.notices[0]
    assert not store.update(lambda p: p.move("a", 2, 0))
    assert os.readlink(tmp_path / FILE_NAME) == "/dev/zero", "left exactly as it was"


def test_the_lock_is_never_taken_through_a_symbolic_link(tmp_path: Path) -> None:
    home, outside = tmp_path / "home", tmp_path / "outside"
    home.mkdir()
    outside.mkdir()
    (home / ".progress.lock").symlink_to(outside / "created-by-the-tutor")
    store = ProgressStore(home)
    store.load()
    assert not store.update(lambda p: p.move("a", 1, 0))
    assert list(outside.iterdir()) == [], "nothing created outside the progress folder"
    assert store.progress.lessons["a"].page == 1 and store.notices


def test_notices_show_a_folders_name_as_text(tmp_path: Path) -> None:
    home = tmp_path / "odd\x1b[2Jname"
    home.mkdir()
    (home / FILE_NAME).write_bytes(b"garbage")
    store = ProgressStore(home)
    store.load()
    assert "\x1b" not in "".join(store.notices)
    os.mkfifo(home / "fifo")
    (home / FILE_NAME).symlink_to(home / "fifo")
    other = ProgressStore(home)
    other.load()
    assert "odd\\x1b[2Jname" in other.notices[0] and "\x1b" not in other.notices[0]


def test_what_is_written_can_always_be_read_back(tmp_path: Path) -> None:
    store = ProgressStore(tmp_path)
    for n in range(MAX_LESSONS + 5):
        store.progress.move(f"lesson-{n:032d}", n, n)
    store.update(lambda p: p.lessons.update(store.progress.lessons))
    store.update(lambda p: p.move("one-more", 1, 1))
    assert (tmp_path / FILE_NAME).stat().st_size < MAX_BYTES / 10
    again = ProgressStore(tmp_path)
    loaded = again.load()
    assert again.notices == [] and len(loaded.lessons) == MAX_LESSONS
    assert "one-more" in loaded.lessons, "the lesson left longest ago is the one forgotten"


def test_a_version_1_file_is_read_and_kept_aside_before_it_is_rewritten(tmp_path: Path) -> None:
    old = json.dumps(
        {
            "version": 1,
            "last_lesson": "a",
            "lessons": {"a": {"page": 2, "attempts": 1, "best_percent": 80}},
        }
    ).encode()
    (tmp_path / FILE_NAME).write_bytes(old)
    store = ProgressStore(tmp_path)
    entry = store.load().lessons["a"]
    assert (entry.page, entry.attempts, entry.best_percent, entry.history) == (2, 1, 80, [])
    assert store.notices == []
    store.update(lambda p: p.record_quiz("a", ATTEMPT))
    assert (tmp_path / "progress.v1.json").read_bytes() == old, "the old file, as it was"
    assert json.loads((tmp_path / FILE_NAME).read_text())["version"] == VERSION
    assert ProgressStore(tmp_path).load().lessons["a"].history == [ATTEMPT]


def test_a_version_2_file_gains_predictions_and_is_kept_aside(tmp_path: Path) -> None:
    old = json.dumps(
        {
            "version": 2,
            "last_lesson": "a",
            "lessons": {
                "a": {
                    "page": 2,
                    "history": [{"finished": 1.0, "percent": 50, "passed": False, "answers": []}],
                }
            },
        }
    ).encode()
    (tmp_path / FILE_NAME).write_bytes(old)
    store = ProgressStore(tmp_path)
    entry = store.load().lessons["a"]
    assert (entry.page, len(entry.history), entry.predictions) == (2, 1, [])
    store.update(lambda p: p.record_prediction("a", PREDICTION))
    assert (tmp_path / "progress.v2.json").read_bytes() == old
    again = ProgressStore(tmp_path).load().lessons["a"]
    assert again.predictions == [PREDICTION] and len(again.history) == 1


BOUNDED = {
    "history": ("record_quiz", "history", "finished", ATTEMPT, MAX_HISTORY, MAX_ALL_HISTORY),
    "predictions": (
        "record_prediction",
        "predictions",
        "when",
        PREDICTION,
        MAX_PREDICTIONS,
        MAX_ALL_PREDICTIONS,
    ),
}


@pytest.mark.parametrize("kind", BOUNDED.values(), ids=BOUNDED.keys())
def test_records_are_bounded_latest_kept(tmp_path: Path, kind: tuple) -> None:  # type: ignore[type-arg]
    record_it, records, when, record, per_lesson, in_all = kind
    store = ProgressStore(tmp_path)
    for n in range(per_lesson + 5):
        store.update(lambda p, n=n: getattr(p, record_it)("a", replace(record, **{when: float(n)})))
    kept = getattr(ProgressStore(tmp_path).load().lessons["a"], records)
    assert [getattr(r, when) for r in kept] == [float(n) for n in range(5, per_lesson + 5)]
    progress = Progress()
    for lesson in range(in_all // per_lesson + 2):  # 2 lessons' worth too many
        for n in range(per_lesson):
            getattr(progress, record_it)(
                f"l{lesson}", replace(record, **{when: 1000.0 * lesson + n})
            )
    every = [
        getattr(r, when) for entry in progress.lessons.values() for r in getattr(entry, records)
    ]
    assert len(every) == in_all and min(every) == 2000.0, "the oldest are forgotten"
    if records == "history":
        assert progress.lessons["l0"].attempts == per_lesson, "the counts stay"
