"""Saving progress when things go wrong: a full disk, a read-only folder, two tutors at once,
a tutor killed in the middle of a save. Nothing the learner did is lost, and the file on disk
is always whole."""

from __future__ import annotations

import errno
import json
import os
import shlex
import subprocess
import sys
import textwrap
from pathlib import Path

import pytest

from tests.test_progress_store import ATTEMPT, ROOT
from tutor.progress import store as store_module
from tutor.progress.model import from_json
from tutor.progress.store import FILE_NAME, ProgressStore


def failing_writes(monkeypatch: pytest.MonkeyPatch, errno_code: int = errno.ENOSPC) -> None:
    """Every write of the progress file fails as a full disk makes it fail."""

    def full(*args: object, **kwargs: object) -> None:
        raise OSError(errno_code, os.strerror(errno_code))

    monkeypatch.setattr(store_module, "write_atomically", full)


def test_a_failed_save_keeps_its_changes_for_the_next_one(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    """A quiz passed while the disk was full is written by the first save that can be, with
    everything after it; nothing of what another tutor saved meanwhile is lost either."""
    store = ProgressStore(tmp_path)
    store.update(lambda p: p.move("a", 1, 0))
    with monkeypatch.context() as patched:
        failing_writes(patched)
        assert not store.update(lambda p: p.record_quiz("a", ATTEMPT))
        assert not store.update(lambda p: p.move("a", 3, 0))
    assert store.progress.lessons["a"].passed and store.unsaved == 2
    assert [n for n in store.notices if "cannot be saved" in n] == [
        f"Progress cannot be saved in {tmp_path}: no space left on device. It is kept until "
        "you quit, and saved as soon as it can be."
    ]
    ProgressStore(tmp_path).update(lambda p: p.move("other", 2, 0))  # another tutor, meanwhile
    assert store.update(lambda p: p.move("a", 4, 1))
    saved = ProgressStore(tmp_path).load()
    entry = saved.lessons["a"]
    assert (entry.page, entry.step, entry.passed, entry.attempts) == (4, 1, True, 1)
    assert saved.lessons["other"].page == 2 and store.unsaved == 0
    assert store.progress == saved


def test_a_change_made_while_a_save_writes_is_kept(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    """The UI changes progress while the saving thread writes: the save ends with the file's
    state plus that change in memory, and the next save writes it."""
    store = ProgressStore(tmp_path)
    real = store_module.write_atomically

    def writing(*args: object, **kwargs: object) -> None:
        store.change(lambda p: p.move("b", 7, 0))  # as the UI would, mid-write
        real(*args, **kwargs)  # type: ignore[arg-type]

    with monkeypatch.context() as patched:
        patched.setattr(store_module, "write_atomically", writing)
        assert store.update(lambda p: p.move("a", 1, 0))
    assert store.progress.lessons["b"].page == 7 and store.unsaved == 1
    assert "b" not in ProgressStore(tmp_path).load().lessons
    assert store.save() and store.unsaved == 0
    assert ProgressStore(tmp_path).load().lessons["b"].page == 7


READ_ONLY = textwrap.dedent("""
    import json, sys
    from pathlib import Path
    sys.path.insert(0, {root!r})
    from tutor.progress.store import ProgressStore
    store = ProgressStore(Path(sys.argv[1]))
    store.load()
    saved = store.update(lambda p: p.move("one-kernel", 3, 0))
    print(json.dumps([store.progress.lessons["one-kernel"].page, saved, store.notices]))
""")


def read_only_mount(folder: Path, *command: str) -> list[str]:
    """`command` run with `folder` mounted read-only (for root too), in a mount namespace of
    its own; the test is skipped where none can be made."""
    if (
        os.geteuid() != 0
        or subprocess.run(["unshare", "-m", "true"], capture_output=True).returncode
    ):
        pytest.skip("a read-only mount needs root and unshare (as CI has)")
    quoted = " ".join(shlex.quote(part) for part in command)
    return [
        "unshare",
        "-m",
        "sh",
        "-c",
        f"mount --bind {folder} {folder} && mount -o remount,bind,ro {folder} && exec {quoted}",
    ]


def test_a_read_only_folder_shows_the_progress_saved_and_says_it_cannot_save(
    tmp_path: Path,
) -> None:
    ProgressStore(tmp_path).update(lambda p: p.move("one-kernel", 2, 5))
    script = READ_ONLY.format(root=str(ROOT))
    run = subprocess.run(
        read_only_mount(tmp_path, sys.executable, "-c", script, str(tmp_path)),
        capture_output=True,
        text=True,
        timeout=60,
    )
    assert run.returncode == 0, run.stderr
    page, saved, notices = json.loads(run.stdout)
    assert (page, saved) == (3, False), "the change is kept in memory, not saved"
    assert notices == [
        f"Your progress folder {tmp_path} is read-only (read-only file system): "
        "your progress is shown as it was saved, and nothing new can be saved."
    ]
    assert ProgressStore(tmp_path).load().lessons["one-kernel"].page == 2


SAVER = textwrap.dedent("""
    import sys
    from pathlib import Path
    sys.path.insert(0, {root!r})
    from tutor.progress.quiz_state import QuizState
    from tutor.progress.store import ProgressStore
    store = ProgressStore(Path(sys.argv[1]))
    lesson, count = sys.argv[2], int(sys.argv[3])

    def attempt(n):
        return QuizState(attempt=0, index=n % 20, layers=[None] * 20, orders=[[]] * 20,
                         replies=["7"] * (n % 20) + [None] * (20 - n % 20), hints=[0] * 20)

    for n in range(count):
        store.update(lambda p, n=n: p.move(lesson, n, n))
        store.update(lambda p, n=n: p.record_attempt(lesson, attempt(n)))
""")


def saver(home: Path, lesson: str, count: int) -> subprocess.Popen[bytes]:
    script = SAVER.format(root=str(ROOT))
    return subprocess.Popen([sys.executable, "-c", script, str(home), lesson, str(count)])


def test_two_tutors_saving_at_once_lose_nothing(tmp_path: Path) -> None:
    writers = [saver(tmp_path, lesson, 150) for lesson in ("left", "right")]
    assert [writer.wait(timeout=120) for writer in writers] == [0, 0]
    progress = ProgressStore(tmp_path).load()
    for lesson in ("left", "right"):
        entry = progress.lessons[lesson]
        assert (entry.page, entry.step, entry.answered) == (149, 149, 149 % 20)
        assert entry.quiz is not None and entry.quiz.index == 149 % 20 and entry.in_quiz
    assert list(tmp_path.glob("progress.damaged-*")) == []


STOPPER = textwrap.dedent("""
    import os, signal, sys
    from pathlib import Path
    sys.path.insert(0, {root!r})
    from tutor.progress.store import ProgressStore
    home, stop_at, stage = Path(sys.argv[1]), int(sys.argv[2]), sys.argv[3]
    saves = 0

    def stopping(name):
        real = getattr(os, name)
        def call(*args):
            if saves == stop_at and name == stage:
                print(name, flush=True)  # the test kills this process now
                os.kill(os.getpid(), signal.SIGSTOP)
            return real(*args)
        return call

    os.fsync, os.replace = stopping("fsync"), stopping("replace")
    store = ProgressStore(home)
    for saves in range(stop_at + 1):
        store.update(lambda p, n=saves: p.move("victim", n, n))
""")
STAGES = {"fsync": "written, not yet on the disk", "replace": "on the disk, not yet renamed"}


@pytest.mark.parametrize("stage", sorted(STAGES), ids=lambda stage: STAGES[stage])
def test_a_tutor_killed_mid_save_leaves_the_old_file(tmp_path: Path, stage: str) -> None:
    """Killed at each point of its third save (the process stops itself there and is killed
    then: no timing involved), the tutor leaves the second save's file whole; the temporary
    file it was writing is cleared by the next tutor."""
    script = STOPPER.format(root=str(ROOT))
    victim = subprocess.Popen(
        [sys.executable, "-c", script, str(tmp_path), "2", stage], stdout=subprocess.PIPE
    )
    try:
        assert victim.stdout is not None and victim.stdout.readline() == f"{stage}\n".encode()
        assert list(tmp_path.glob(".progress-*.tmp")), "killed in the middle of writing a file"
    finally:
        victim.kill()
        victim.wait(timeout=30)
    saved = from_json(json.loads((tmp_path / FILE_NAME).read_bytes()))
    assert saved.lessons["victim"].page == 1, "the old file, whole"
    assert list(tmp_path.glob("progress.damaged-*")) == []
    ProgressStore(tmp_path).update(lambda p: p.move("next", 1, 0))
    assert list(tmp_path.glob(".progress-*.tmp")) == [], "leftovers of killed saves are cleared"
