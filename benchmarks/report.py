"""How long `cnn-tutor report` takes for a class, against `cnn-tutor params` (the smallest
command) in the same run.

    python benchmarks/report.py [--learners N] [--rounds N]

A class folder is filled with N learners' summaries, each having tried every shipped lesson's
quiz three times (MAX answers recorded per attempt, some wrong with a slip), as the tutor
writes them; then both commands are timed, interleaved, from process start to exit.
"""

from __future__ import annotations

import argparse
import random
import statistics
import subprocess
import sys
import tempfile
import time
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parents[1]))

from tutor.engine.mistakes import SLIPS
from tutor.lessons.loader import load_folder
from tutor.lessons.model import Lesson, NumberQuestion
from tutor.lessons.shipped import shipped_lessons_dir
from tutor.progress.history import CHOICE, AnswerRecord, AttemptRecord
from tutor.progress.model import Progress
from tutor.progress.summary import write_summary

TUTOR = str(Path(sys.executable).with_name("cnn-tutor"))
ATTEMPTS = 3


def fill_class(folder: Path, learners: int) -> None:
    rng = random.Random(7)
    lessons = [x for x in load_folder(shipped_lessons_dir()) if isinstance(x, Lesson)]
    for n in range(learners):
        progress = Progress()
        for lesson in lessons:
            for attempt in range(ATTEMPTS):
                answers = []
                for q, question in enumerate(lesson.quiz.questions):
                    right = rng.random() < 0.7
                    number = isinstance(question, NumberQuestion)
                    answers.append(
                        AnswerRecord(
                            q,
                            question.quantity if number else CHOICE,
                            str(rng.randrange(1, 10**6))
                            if number
                            else f"choice {rng.randrange(1, 4)}",
                            right,
                            "" if right or not number else rng.choice(SLIPS),
                            rng.randrange(0, 3),
                        )
                    )
                percent = round(100 * sum(a.correct for a in answers) / len(answers))
                progress.record_quiz(
                    lesson.id,
                    AttemptRecord(1.7e9 + attempt, percent, percent >= 70, tuple(answers)),
                )
        write_summary(folder, f"learner{n:03d}", progress.to_json())


def timed(command: list[str]) -> float:
    start = time.perf_counter()
    subprocess.run(command, check=True, stdout=subprocess.DEVNULL)
    return time.perf_counter() - start


def main() -> None:
    parser = argparse.ArgumentParser()
    parser.add_argument("--learners", type=int, default=200)
    parser.add_argument("--rounds", type=int, default=7)
    args = parser.parse_args()
    with tempfile.TemporaryDirectory() as folder:
        fill_class(Path(folder), args.learners)
        size = sum(p.stat().st_size for p in Path(folder).iterdir())
        commands = {
            "params": [
                TUTOR,
                "params",
                "--input",
                "227x227x3",
                "--kernel",
                "11",
                "--filters",
                "96",
                "--stride",
                "4",
            ],
            "report": [TUTOR, "report", folder],
            "report --csv": [TUTOR, "report", "--csv", folder],
        }
        times: dict[str, list[float]] = {name: [] for name in commands}
        for _ in range(args.rounds):
            for name, command in commands.items():
                times[name].append(timed(command))
    medians = {name: statistics.median(values) for name, values in times.items()}
    print(f"{args.learners} learners ({size / 1e6:.1f} MB of summaries), {args.rounds} rounds:")
    for name, median in medians.items():
        print(f"  {name}: {median:.3f} s ({median / medians['params']:.2f}x params)")


if __name__ == "__main__":
    main()
