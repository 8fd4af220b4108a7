"""The class results folder on real accounts: who a record belongs to is the account owning its
file, so a learner cannot stop a classmate's results from arriving, pass their own file off as
a classmate's, or slip into the class's tallies under a false name.

Each test makes a class group, a teacher and learners with `useradd` (tests/accounts.py), a
results folder as the README's administrator section sets it up (mode 3770), and runs each
person's part as that account. Skipped, saying why, where the tests do not run as root.
"""

from __future__ import annotations

import json
import os
import time
from pathlib import Path

from tests.accounts import Lab, as_account, lab, run_as
from tutor.cli import main
from tutor.progress.store import ProgressStore
from tutor.progress.summary import login_named_by


def save_progress(lab: Lab, page: int) -> None:
    """The learner's tutor saves a move to lesson 1's `page` (and copies it to the class)."""
    store = ProgressStore(Path(os.environ["CNN_TUTOR_HOME"]), results=lab.folder)
    assert store.update(lambda progress: progress.move("one-kernel", page, 0))
    assert store.notices == [], store.notices


def report_json(lab: Lab) -> dict[str, object]:
    """The teacher's `cnn-tutor report --json` of the class folder."""
    printed = run_as(lab, "teacher", main, ["report", "--json", str(lab.folder)])
    return json.loads(printed)


def forge(lab: Lab, name: str, learner: str, page: int) -> None:
    """Write a summary by hand, as a learner who wants to cheat would: any name, any content."""
    saved = {"version": 3, "last_lesson": None, "lessons": {}, "learner": learner}
    saved["lessons"] = {
        "one-kernel": {"page": page, "attempts": 1, "best_percent": 100, "passed": True}
    }
    (lab.folder / name).write_text(json.dumps(saved))


def test_a_squatters_file_cannot_keep_a_learners_results_out() -> None:
    with lab("teacher", "alice", "bob") as class_:
        alice, bob = class_.accounts["alice"], class_.accounts["bob"]
        run_as(class_, "bob", forge, class_, f"{alice}.json", alice, 3)
        run_as(class_, "alice", save_progress, class_, 2)
        names = sorted(path.name for path in class_.folder.iterdir())
        assert f"{alice}.json" in names and len(names) == 2, names
        (hers,) = [name for name in names if name != f"{alice}.json"]
        assert login_named_by(hers) == alice, "a name of her own, beside the squatter's"
        run_as(class_, "alice", save_progress, class_, 3)  # found again, not a third
        assert len(list(class_.folder.iterdir())) == 2

        report = report_json(class_)
        rows = {row["name"]: row for row in report["learners"]}
        assert rows[alice]["lessons"]["one-kernel"]["passed"] is False, "hers, not the forgery"
        assert rows[alice]["warning"] == ""
        squatter = rows[f"{bob} as {alice}"]
        assert squatter["lessons"]["one-kernel"]["passed"] is True
        assert f"owned by {bob} but is named for {alice}" in squatter["warning"]
        assert report["warnings"] == [squatter["warning"]]


def test_content_that_names_a_classmate_is_its_owners_and_kept_apart() -> None:
    with lab("teacher", "alice", "bob") as class_:
        alice, bob = class_.accounts["alice"], class_.accounts["bob"]
        run_as(class_, "alice", save_progress, class_, 1)
        run_as(class_, "bob", forge, class_, f"{bob}.json", alice, 3)
        printed = run_as(class_, "teacher", main, ["report", str(class_.folder)])
        rows = [line for line in printed.splitlines() if line.startswith((alice, "! "))]
        assert [row.split()[0] for row in rows[:2]] == [alice, "!"], printed
        assert rows[1].startswith(f"! {bob} as {alice} ✓100/1")
        assert f"is owned by {bob} but says it is {alice}'s" in printed
        assert "Rows marked !, kept apart" in printed
        assert max(map(len, printed.splitlines()[:16])) <= 80, printed


def test_a_learners_own_file_is_theirs_whatever_else_is_there() -> None:
    with lab("teacher", "alice", "bob") as class_:
        alice, bob = class_.accounts["alice"], class_.accounts["bob"]
        for role in ("alice", "bob"):
            run_as(class_, role, save_progress, class_, 2)
        report = report_json(class_)
        assert [row["name"] for row in report["learners"]] == sorted([alice, bob])
        assert report["warnings"] == []
        # bob cannot replace or remove alice's file: the folder is sticky, her file 640.
        printed = run_as(class_, "bob", _try_to_erase, class_.folder / f"{alice}.json")
        assert printed == "refused\nrefused\n"


def _try_to_erase(path: Path) -> None:
    for attempt in (path.unlink, lambda: path.write_text("{}")):
        try:
            attempt()
        except PermissionError:
            print("refused")
        else:
            raise AssertionError(f"{path} could be changed by a classmate")


def test_a_learners_stale_temporary_files_are_cleaned_and_a_live_one_kept() -> None:
    with lab("teacher", "alice") as class_:
        alice = class_.accounts["alice"]
        run_as(class_, "alice", leave_temporaries, class_.folder, alice)
        run_as(class_, "alice", save_progress, class_, 1)
        names = sorted(path.name for path in class_.folder.iterdir())
        assert names == [f".{alice}-live.tmp", f"{alice}.json"], names


def test_an_archived_term_cannot_be_rewritten_and_is_still_whose_it_was() -> None:
    with lab("teacher", "alice") as class_:
        alice = class_.accounts["alice"]
        run_as(class_, "alice", save_progress, class_, 2)
        printed = run_as(class_, "teacher", main, ["report", "--archive", str(class_.folder)])
        (archive,) = [path for path in class_.folder.iterdir() if path.is_dir()]
        assert printed.splitlines()[0] == f"Archived 1 file to {archive} (only you can enter it)."
        assert f"cnn-tutor report {archive}" in printed
        assert (archive.stat().st_mode & 0o777) == 0o700
        kept = archive / f"{alice}.json"
        assert kept.stat().st_uid == class_.uid("alice"), "moved, so still hers"
        assert run_as(class_, "alice", rewrite, kept) == "refused\n"
        run_as(class_, "alice", save_progress, class_, 3)  # a new term's summary
        assert (class_.folder / f"{alice}.json").exists()
        report = json.loads(run_as(class_, "teacher", main, ["report", "--json", str(archive)]))
        (row,) = report["learners"]
        assert (row["name"], row["warning"]) == (alice, "")
        assert report["learners"][0]["lessons"]["one-kernel"]["started"] is True


def test_archiving_needs_the_class_folders_owner() -> None:
    """A learner cannot archive (move away) classmates' files: each not moved is said."""
    with lab("teacher", "alice", "bob") as class_:
        run_as(class_, "alice", save_progress, class_, 2)
        code, printed = as_account(class_, "bob", main, ["report", "--archive", str(class_.folder)])
        assert code == 1 and "not moved (operation not permitted)" in printed, printed
        assert (class_.folder / f"{class_.accounts['alice']}.json").exists()
        assert [path for path in class_.folder.iterdir() if path.is_dir()] == [], "none left"


def leave_temporaries(folder: Path, login: str) -> None:
    """Two temporary files of the learner's: one from a save killed two hours ago, one live."""
    for name, age in ((f".{login}-old.tmp", 7200), (f".{login}-live.tmp", 5)):
        (folder / name).write_text("half a save")
        then = time.time() - age
        os.utime(folder / name, (then, then))


def rewrite(path: Path) -> None:
    try:
        path.write_text("{}")
    except PermissionError:
        print("refused")
