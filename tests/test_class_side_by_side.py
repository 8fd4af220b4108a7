"""Two learners' tutors writing the class results folder side by side: each keeps its own
summary whole, whatever the other does, and the teacher's report reads both.

The login name comes from the account (never from the environment), and one test account
cannot be two learners: the tutors here are started by a small launcher that gives each a
name of its own and then runs the tutor's own `main`, everything else as installed.
"""

from __future__ import annotations

import json
import subprocess
import sys
import textwrap
from pathlib import Path

import pytest

from tests.emulated_terminal import EmulatedTerminal
from tests.test_ui_prediction import predicted_step
from tutor.cli import main

AS_LEARNER = textwrap.dedent("""
    import os, sys
    from tutor.progress import summary
    name = os.environ["TEST_LEARNER"]
    summary.login_name = lambda: name
    from tutor.cli import main
    sys.exit(main(sys.argv[1:]))
""")
SAVES = textwrap.dedent("""
    import sys
    from pathlib import Path
    from tutor.progress import summary
    from tutor.progress.store import ProgressStore
    home, results, name, count = Path(sys.argv[1]), Path(sys.argv[2]), sys.argv[3], int(sys.argv[4])
    summary.login_name = lambda: name
    store = ProgressStore(home, results)
    for n in range(count):
        store.update(lambda progress, n=n: progress.move("one-kernel", n % 4, n))
    assert store.notices == [], store.notices
""")


def tutor_of(learner: str, tmp_path: Path, results: Path) -> EmulatedTerminal:
    return EmulatedTerminal(
        ["--lesson", "1"],
        tmp_path / learner,
        command=(sys.executable, "-c", AS_LEARNER),
        env={"TEST_LEARNER": learner, "CNN_TUTOR_RESULTS": str(results)},
    )


def summary_of(results: Path, learner: str) -> dict[str, object]:
    data = json.loads((results / f"{learner}.json").read_text())
    assert data["learner"] == learner
    return data


def test_two_tutors_write_the_class_folder_side_by_side(
    tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    results = tmp_path / "results"
    results.mkdir()
    value = int(predicted_step().result)
    terminals: list[EmulatedTerminal] = []
    try:
        for learner in ("ann", "ben"):  # one by one: a terminal answers its tutor's first
            terminals.append(tutor_of(learner, tmp_path, results))  # question at once
            terminals[-1].wait_for("page 1 of 4")
        ann, ben = terminals
        # The two learners take turns key by key: each key of one lands between the
        # other's saves.
        typed = {"ann": str(value), "ben": str(value - 3)}  # ben leaves the bias (3) out
        turns = [["n", "n", *["right"] * 5], None, ["enter", "n"]]
        for turn in turns:
            for name, terminal in (("ann", ann), ("ben", ben)):
                keys = list(typed[name]) if turn is None else turn
                for key in keys:
                    terminal.press(key)
        ann.wait_for("page 4 of 4")
        ben.wait_for("page 4 of 4")
    finally:
        for terminal in terminals:
            terminal.close()
    for learner, right, slip in (("ann", True, ""), ("ben", False, "left_out_bias")):
        lesson = summary_of(results, learner)["lessons"]["one-kernel"]  # type: ignore[index]
        assert lesson["page"] == 3
        [prediction] = lesson["predictions"]
        assert prediction[:5] == [2, [0, 1, 2], typed[learner], right, slip]
    assert sorted(p.name for p in results.iterdir()) == ["ann.json", "ben.json"], "no leftovers"
    assert main(["report", str(results)]) == 0
    lines = capsys.readouterr().out.splitlines()
    assert lines[0] == "Class report: 2 learners, 9 lessons"
    assert "  1/2  1, page 3: the neuron at row 2, col 3" in lines


def test_two_learners_saving_at_the_same_moment_keep_whole_summaries(tmp_path: Path) -> None:
    """Many saves at once from two processes: each summary is whole and the last one."""
    results = tmp_path / "results"
    results.mkdir()
    writers = [
        subprocess.Popen(
            [sys.executable, "-c", SAVES, str(tmp_path / name), str(results), name, "200"]
        )
        for name in ("ann", "ben")
    ]
    assert [writer.wait(timeout=120) for writer in writers] == [0, 0]
    for name in ("ann", "ben"):
        lesson = summary_of(results, name)["lessons"]["one-kernel"]  # type: ignore[index]
        assert (lesson["page"], lesson["step"]) == (199 % 4, 199)
    assert sorted(p.name for p in results.iterdir()) == ["ann.json", "ben.json"]
