"""A program in a real pseudo-terminal: send keys, read everything it writes, time it.

What a learner's terminal receives is what is measured and tested: every byte the program
writes and when it arrives, and the process's CPU time and resident memory from /proc (Linux).
The benchmarks time programs with it; the tests feed its bytes to a terminal emulator.
"""

from __future__ import annotations

import fcntl
import os
import select
import signal
import struct
import subprocess
import termios
import time
from dataclasses import dataclass

CLOCK_TICKS = os.sysconf("SC_CLK_TCK")


def _take_terminal() -> None:
    """In the child, a session leader already: make the terminal its controlling terminal, as
    sshd or a terminal window does, so closing it sends the program SIGHUP."""
    fcntl.ioctl(0, termios.TIOCSCTTY, 0)


@dataclass(frozen=True)
class Burst:
    """Output read after an action: its bytes, and when the last of them arrived."""

    data: bytes
    started: float
    last_byte: float

    @property
    def seconds(self) -> float:
        """From the action to the last byte of the response (0 when nothing came)."""
        return max(0.0, self.last_byte - self.started) if self.data else 0.0


class PtySession:
    """`command` running with a pseudo-terminal of `columns` x `rows` as its terminal."""

    def __init__(
        self,
        command: list[str],
        env: dict[str, str],
        columns: int = 80,
        rows: int = 24,
        *,
        controlling: bool = False,
    ) -> None:
        """`controlling`: the terminal becomes the program's controlling terminal, so that
        closing it sends SIGHUP (not with other threads running: it needs a preexec_fn)."""
        self.master, slave = os.openpty()
        self.terminal_name = os.ttyname(slave)
        """The program's side of the terminal, to ask how much typed input it has not read."""
        fcntl.ioctl(slave, termios.TIOCSWINSZ, struct.pack("HHHH", rows, columns, 0, 0))
        self.started = time.perf_counter()
        self.process = subprocess.Popen(
            command,
            stdin=slave,
            stdout=slave,
            stderr=slave,
            env=env,
            start_new_session=True,
            close_fds=True,
            preexec_fn=_take_terminal if controlling else None,
        )
        os.close(slave)

    def read(self, timeout: float) -> bytes | None:
        """What the program has written within `timeout` s: b"" if nothing, None once it has
        closed the terminal."""
        ready, _, _ = select.select([self.master], [], [], timeout)
        if not ready:
            return b""
        try:
            return os.read(self.master, 65536) or None
        except OSError:  # Linux reports a closed terminal as EIO
            return None

    def read_until_quiet(
        self,
        quiet: float,
        timeout: float = 30.0,
        started: float | None = None,
        until: bytes | None = None,
    ) -> Burst:
        """Read until `until` has appeared (if given) and then nothing arrives for `quiet` s."""
        begin = self.started if started is None else started
        chunks: list[bytes] = []
        last = begin
        deadline = time.perf_counter() + timeout
        seen = until is None
        while time.perf_counter() < deadline:
            chunk = self.read(quiet)
            if chunk == b"":
                if seen:
                    break
                continue
            if chunk is None:
                break
            chunks.append(chunk)
            last = time.perf_counter()
            if not seen and until is not None and until in b"".join(chunks):
                seen = True
        if not seen:
            raise TimeoutError(f"{until!r} never appeared")
        return Burst(b"".join(chunks), begin, last)

    def send(self, keys: bytes, quiet: float) -> Burst:
        """Type `keys` and read the whole response."""
        sent = time.perf_counter()
        os.write(self.master, keys)
        return self.read_until_quiet(quiet, started=sent)

    def unread_input(self) -> int:
        """Bytes typed that the program has not read yet (its side is opened for a moment:
        held open, it would keep the terminal from reporting the program gone)."""
        try:
            side = os.open(self.terminal_name, os.O_RDWR | os.O_NOCTTY | os.O_NONBLOCK)
        except OSError:  # the program is gone and the terminal with it
            return 0
        try:
            return struct.unpack("i", fcntl.ioctl(side, termios.FIONREAD, b"\0" * 4))[0]
        finally:
            os.close(side)

    def cpu_seconds(self) -> float:
        """User + system CPU time the process has used so far."""
        with open(f"/proc/{self.process.pid}/stat") as stat:
            fields = stat.read().rsplit(")", 1)[1].split()
        return (int(fields[11]) + int(fields[12])) / CLOCK_TICKS

    def resident_bytes(self) -> int:
        with open(f"/proc/{self.process.pid}/status") as status:
            for line in status:
                if line.startswith("VmRSS:"):
                    return int(line.split()[1]) * 1024
        return 0

    def close(self, quit_keys: bytes = b"q") -> None:
        """Quit politely, then firmly (once: closing again does nothing)."""
        if self.master < 0:
            return
        try:
            os.write(self.master, quit_keys)
            self.read_until_quiet(0.2, timeout=5)
            self.process.wait(timeout=5)
        except (OSError, subprocess.TimeoutExpired):
            os.killpg(self.process.pid, signal.SIGKILL)
            self.process.wait()
        finally:
            os.close(self.master)
            self.master = -1
