"""Measure the tutor against a minimal Textual app, interleaved in one run, in a real pty.

    python benchmarks/run.py [--rounds N] [--steps N] [--idle SECONDS]

For each round, every program is started in turn in an 80 x 24 pseudo-terminal: start-up to
the settled first screen; then (where it steps) the latency from a key to the last byte of the
response and the bytes written; then idle CPU, bytes and resident memory. Medians over the
rounds are compared as ratios, since absolute times on a shared machine are not comparable
from one run to the next. Prints a Markdown report (paste it into benchmarks/README.md).
"""

from __future__ import annotations

import argparse
import compileall
import os
import platform
import statistics
import sys
import tempfile
import time
from dataclasses import dataclass, field
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parents[1]))  # the checkout, for tests/

import tutor
from tests.pty_session import PtySession
from tutor.lessons.catalogue import read_catalogue
from tutor.lessons.header_cache import HeaderCache, cache_path_in
from tutor.lessons.shipped import shipped_lessons_dir

HERE = Path(__file__).resolve().parent
PYTHON = sys.executable
TUTOR = str(Path(PYTHON).with_name("cnn-tutor"))
SETTLED = 0.5
"""Seconds of silence after which a screen counts as settled."""
STEP_QUIET = 0.15
"""Seconds of silence that end the response to one key."""


@dataclass(frozen=True)
class Program:
    name: str
    command: list[str]
    ready: bytes
    """Bytes that appear once the first screen is drawn."""
    steps: bool
    idles: bool
    lessons: Path | None = None
    """For the tutor: the lesson folder whose header cache a previous start has filled."""


SHIPPED = shipped_lessons_dir()
PROGRAMS = (
    Program("minimal", [PYTHON, str(HERE / "minimal_app.py")], b"minimal app ready", True, True),
    Program(
        "minimal+numpy",
        [PYTHON, str(HERE / "minimal_app.py"), "--numpy"],
        b"minimal app ready",
        False,
        True,
    ),
    Program("tutor: lesson list", [TUTOR], b"Start with lesson 1", False, True, SHIPPED),
    Program("tutor: --lesson 1", [TUTOR, "--lesson", "1"], b"Step 1 of 16", True, True, SHIPPED),
    Program(
        "tutor: largest scene",
        [TUTOR, "--lessons", str(HERE / "largest"), "--lesson", "1"],
        b"Step 1 of",
        True,
        False,
        HERE / "largest",
    ),
    Program(
        "tutor: AlexNet map", [TUTOR, "--lesson", "6"], b"Step 1 of 290,400", True, True, SHIPPED
    ),
    Program("tutor: list, first start ever", [TUTOR], b"Start with lesson 1", False, False),
)


@dataclass
class Figures:
    startup: list[float] = field(default_factory=list)
    step_seconds: list[float] = field(default_factory=list)
    step_bytes: list[int] = field(default_factory=list)
    idle_cpu_percent: list[float] = field(default_factory=list)
    idle_bytes: list[int] = field(default_factory=list)
    resident: list[int] = field(default_factory=list)


def environment(home: str) -> dict[str, str]:
    """A learner's environment: no NO_COLOR, no size override, byte-code caching on."""
    dropped = ("NO_COLOR", "COLUMNS", "LINES", "PYTHONDONTWRITEBYTECODE")
    env = {k: v for k, v in os.environ.items() if k not in dropped}
    env.update(TERM="xterm-256color", CNN_TUTOR_HOME=home, LANG="C.UTF-8")
    return env


def remember_lessons(home: str, folder: Path) -> None:
    """What a learner's earlier start leaves behind: the verdicts on the lesson files."""
    cache = HeaderCache(cache_path_in(Path(home)))
    read_catalogue(folder, cache)
    cache.save()


def measure(program: Program, figures: Figures, steps: int, idle: float) -> None:
    with tempfile.TemporaryDirectory() as home:
        if program.lessons is not None:
            remember_lessons(home, program.lessons)
        session = PtySession(program.command, environment(home))
        try:
            first = session.read_until_quiet(SETTLED, until=program.ready)
            figures.startup.append(first.last_byte - session.started)
            if program.steps:
                for _ in range(steps):
                    burst = session.send(b"l", STEP_QUIET)
                    figures.step_seconds.append(burst.seconds)
                    figures.step_bytes.append(len(burst.data))
            if program.idles:
                cpu = session.cpu_seconds()
                began = time.perf_counter()
                quiet = session.read_until_quiet(idle, timeout=idle + 5, started=began)
                waited = max(time.perf_counter() - began, idle)
                figures.idle_cpu_percent.append(100 * (session.cpu_seconds() - cpu) / waited)
                figures.idle_bytes.append(len(quiet.data))
                figures.resident.append(session.resident_bytes())
        finally:
            session.close()


def median(values: list[float] | list[int]) -> float:
    return statistics.median(values) if values else float("nan")


def report(results: dict[str, Figures], rounds: int, steps: int, idle: float) -> str:
    minimal, numpy_app = results["minimal"], results["minimal+numpy"]
    listing, lesson = results["tutor: lesson list"], results["tutor: --lesson 1"]
    largest, alexnet = results["tutor: largest scene"], results["tutor: AlexNet map"]

    def ratio(a: list[float] | list[int], b: list[float] | list[int]) -> float:
        return median(a) / median(b)

    checks = [
        ("start-up, lesson list / minimal", ratio(listing.startup, minimal.startup), 1.10),
        ("start-up, --lesson 1 / minimal+numpy", ratio(lesson.startup, numpy_app.startup), 1.15),
        (
            "step latency, lesson 1 / minimal move",
            ratio(lesson.step_seconds, minimal.step_seconds),
            1.5,
        ),
        ("step bytes, lesson 1 / minimal move", ratio(lesson.step_bytes, minimal.step_bytes), 1.0),
        ("memory, lesson 1 / minimal+numpy", ratio(lesson.resident, numpy_app.resident), 1.15),
        (
            "step latency, largest scene / lesson 1",
            ratio(largest.step_seconds, lesson.step_seconds),
            1.5,
        ),
        (
            "step latency, AlexNet map / lesson 1",
            ratio(alexnet.step_seconds, lesson.step_seconds),
            1.5,
        ),
        ("memory, AlexNet map / minimal+numpy", ratio(alexnet.resident, numpy_app.resident), 1.15),
    ]
    lines = [
        f"Measured {time.strftime('%Y-%m-%d')} on {platform.node() or 'this machine'}: "
        f"{platform.machine()}, {os.cpu_count()} cores, Python {platform.python_version()}, "
        f"{platform.system()} {platform.release()}; {rounds} interleaved rounds, {steps} steps "
        f"each, {idle:g} s idle.",
        "",
        "| program | start-up (s) | step (ms) | step (bytes) | idle CPU (%) | idle bytes | "
        "memory (MiB) |",
        "|---|---:|---:|---:|---:|---:|---:|",
    ]
    for name, fig in results.items():
        cells = [
            f"{median(fig.startup):.3f}",
            f"{1000 * median(fig.step_seconds):.1f}" if fig.step_seconds else "",
            f"{median(fig.step_bytes):.0f}" if fig.step_bytes else "",
            f"{median(fig.idle_cpu_percent):.2f}" if fig.idle_cpu_percent else "",
            f"{median(fig.idle_bytes):.0f}" if fig.idle_bytes else "",
            f"{median(fig.resident) / 2**20:.1f}" if fig.resident else "",
        ]
        lines.append(f"| {name} | {' | '.join(cells)} |")
    lines += ["", "| ratio of medians | measured | target | |", "|---|---:|---:|---|"]
    for label, value, target in checks:
        lines.append(
            f"| {label} | {value:.2f}x | {target:.2f}x | {'met' if value <= target else 'MISSED'} |"
        )
    first = results["tutor: list, first start ever"]
    lines.append(
        f"| start-up, list at its first start ever / minimal | "
        f"{ratio(first.startup, minimal.startup):.2f}x | (none) | |"
    )
    for name in ("tutor: lesson list", "tutor: --lesson 1", "tutor: AlexNet map"):
        fig = results[name]
        cpu, written = max(fig.idle_cpu_percent), max(fig.idle_bytes)
        lines.append(
            f"| {name}, idle: worst CPU / bytes | {cpu:.2f} % / {written} | "
            f"0.30 % / 0 | {'met' if cpu <= 0.3 and written == 0 else 'MISSED'} |"
        )
    return "\n".join(lines)


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--rounds", type=int, default=5)
    parser.add_argument("--steps", type=int, default=12)
    parser.add_argument("--idle", type=float, default=10.0)
    args = parser.parse_args()
    # As pip does when it installs a package: a checkout may never have written its .pyc files.
    compileall.compile_dir(Path(tutor.__file__).parent, quiet=1)
    results = {program.name: Figures() for program in PROGRAMS}
    for round_number in range(1, args.rounds + 1):
        for program in PROGRAMS:
            print(f"round {round_number}/{args.rounds}: {program.name}", file=sys.stderr)
            measure(program, results[program.name], args.steps, args.idle)
    print(report(results, args.rounds, args.steps, args.idle))
    return 0


if __name__ == "__main__":
    sys.exit(main())
