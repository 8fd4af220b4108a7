"""The longest the event loop can be kept busy by what a lesson file may ask for.

    python benchmarks/worst_case.py [--repeat N]

Nothing the tutor computes on its event loop should take more than about 50 ms, or keys wait
and q seems not to quit. This times, in process, the heaviest work a valid lesson can ask for:
every quantity (value and working) on the largest layers the format allows, reading and
checking the largest lesson (40 counts pages at the limits, every placeholder, 20 varied
questions whose ranges give a layer as rarely as `check` allows), and drawing a quiz attempt
of it. Each is the slowest of N repeats; the minimal figure to compare with is printed too
(the same work on lesson 1).
"""

from __future__ import annotations

import argparse
import random
import sys
import tempfile
import time
from collections.abc import Callable
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parents[1]))

from tutor.engine import QUANTITIES, ConvLayer
from tutor.engine.geometry import MAX_DIMENSION
from tutor.lessons.loader import load_lesson
from tutor.lessons.model import Lesson
from tutor.lessons.shipped import shipped_lessons_dir
from tutor.quiz.run import QuizRun

TARGET_MS = 50.0
LARGEST_LAYERS = {
    "65,536 rows, kernel 32,768": ConvLayer(
        height=MAX_DIMENSION,
        width=MAX_DIMENSION,
        channels=MAX_DIMENSION,
        kernel=32_768,
        filters=MAX_DIMENSION,
        groups=MAX_DIMENSION,
    ),
    "stride 3, dilation 2, padding 999": ConvLayer(
        height=MAX_DIMENSION,
        width=MAX_DIMENSION,
        channels=1,
        kernel=(20_000, 777),
        filters=1,
        stride=(3, 7),
        dilation=(2, 1),
        padding=(999, 5),
    ),
}
PLACEHOLDERS = " ".join(f"{{{name}}}" for name in QUANTITIES)
COUNTS_PAGE = f'''
[[pages]]
narration = "{PLACEHOLDERS} {{layer}}"
[pages.counts]
size = 65536
channels = 65536
filters = 65536
groups = 65536
kernel = [32768, 32767]
dilation = [2, 1]
'''
RARE_QUESTION = """
[[quiz.questions]]
kind = "number"
prompt = "{most_reads} for {layer}?"
answer = "most_reads"
[quiz.questions.layer]
size = 65536
kernel = 32768
[quiz.questions.vary]
stride = [1, 51]
"""
"""A stride of 1 to 51 fits 65,536 - 32,768 exactly only as a power of two (6 in 51): `check`
finds its 10th layer at the 98th draw of 100, about as rare as it accepts."""


def largest_lesson(folder: Path) -> Path:
    path = folder / "01-largest.toml"
    path.write_text(
        'format_version = 1\nid = "largest"\norder = 1\ntitle = "Largest"\n'
        'summary = "The heaviest lesson the format allows."\n'
        + COUNTS_PAGE * 40
        + "\n[quiz]\n"
        + RARE_QUESTION * 20
    )
    return path


def slowest_ms(work: Callable[[], object], repeat: int) -> float:
    worst = 0.0
    for _ in range(repeat):
        start = time.perf_counter()
        work()
        worst = max(worst, time.perf_counter() - start)
    return worst * 1000


def loaded(path: Path) -> Lesson:
    lesson = load_lesson(path)
    if not isinstance(lesson, Lesson):
        raise SystemExit(f"not a valid lesson: {lesson.message}")
    return lesson


def main() -> None:
    import numpy  # noqa: F401  (imported already when a lesson with a scene is open)

    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--repeat", type=int, default=5)
    repeat = parser.parse_args().repeat
    rows: list[tuple[str, float]] = []
    for name, layer in LARGEST_LAYERS.items():
        for quantity in QUANTITIES.values():
            rows.append(
                (
                    f"{quantity.name} on {name}",
                    slowest_ms(lambda q=quantity, x=layer: (q.value(x), q.explain(x)), repeat),
                )
            )
    with tempfile.TemporaryDirectory() as folder:
        path = largest_lesson(Path(folder))
        lesson = loaded(path)
        rows.append(("read and check the largest lesson", slowest_ms(lambda: loaded(path), repeat)))
        rows.append(
            (
                "draw a quiz attempt of it",
                slowest_ms(lambda: QuizRun(lesson.quiz, attempt=1, rng=random.Random()), repeat),
            )
        )
    first = shipped_lessons_dir() / "01-one-kernel.toml"
    rows.append(
        ("(for comparison) read and check lesson 1", slowest_ms(lambda: loaded(first), repeat))
    )
    rows.sort(key=lambda row: -row[1])
    print(f"| the slowest of {repeat} | ms | within {TARGET_MS:g} ms |\n|---|---:|---|")
    for name, ms in rows[:8]:
        print(f"| {name} | {ms:.1f} | {'yes' if ms <= TARGET_MS else 'NO'} |")
    print(f"({len(rows) - 8} more, each faster)")


if __name__ == "__main__":
    main()
