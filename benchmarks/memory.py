"""What a room of learners costs in memory: N tutors open at once, each in its own 80 x 24
pseudo-terminal at lesson 1, measured by proportional set size (shared pages split among
the processes that share them) and resident set size.

    python benchmarks/memory.py [--tutors N]
"""

from __future__ import annotations

import argparse
import os
import sys
import tempfile
import time
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parents[1]))

from tests.pty_session import PtySession

TUTOR = str(Path(sys.executable).with_name("cnn-tutor"))


def kib(pid: int, field: str) -> int:
    for line in Path(f"/proc/{pid}/smaps_rollup").read_text().splitlines():
        if line.startswith(field + ":"):
            return int(line.split()[1])
    raise LookupError(field)


def main() -> None:
    parser = argparse.ArgumentParser()
    parser.add_argument("--tutors", type=int, default=20)
    args = parser.parse_args()
    sessions = []
    with tempfile.TemporaryDirectory() as homes:
        try:
            for n in range(args.tutors):
                env = {**os.environ, "CNN_TUTOR_HOME": f"{homes}/{n}", "TERM": "xterm-256color"}
                sessions.append(PtySession([TUTOR, "--lesson", "1"], env))
                sessions[-1].read_until_quiet(0.5)  # started and settled
            time.sleep(1)
            pss = [kib(s.process.pid, "Pss") for s in sessions]
            rss = [kib(s.process.pid, "Rss") for s in sessions]
        finally:
            for session in sessions:
                session.close()
    each = sum(pss) / len(pss) / 1024
    print(
        f"{args.tutors} tutors at lesson 1: proportional set size {each:.1f} MiB each "
        f"({sum(pss) / 1024:.0f} MiB in all), resident {sum(rss) / len(rss) / 1024:.1f} MiB each"
    )


if __name__ == "__main__":
    main()
