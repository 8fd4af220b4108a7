"""The installed `cnn-tutor` in a pseudo-terminal, its output drawn by the `pyte` emulator.

Pilot tests read Textual's own full repaint of the screen; this reads what the terminal was
actually sent, update after update, the way a learner's terminal draws it. `check_redraw`
compares the screen the updates have built with the screen right after `Ctrl+L` repaints it
whole: a stale character left by a partial repaint shows up as a difference.

The emulator answers Textual's question whether it can take synchronised updates, so every
update arrives between the begin and end marks of one frame; a screen is read only between
frames, never half drawn.
"""

from __future__ import annotations

import fcntl
import os
import re
import signal
import struct
import sys
import termios
import time
from pathlib import Path

import pyte

from tests import watchdog
from tests.pty_session import PtySession

COMMAND = str(Path(sys.executable).with_name("cnn-tutor"))
SIZE = (80, 24)
KEYS = {
    "right": b"\x1b[C",
    "left": b"\x1b[D",
    "up": b"\x1b[A",
    "down": b"\x1b[B",
    "home": b"\x1b[H",
    "end": b"\x1b[F",
    "tab": b"\t",
    "enter": b"\r",
    "ctrl+l": b"\x0c",
    "ctrl+u": b"\x15",
    "ctrl+p": b"\x10",
    "escape": b"\x1b",
}
"""Bytes an xterm sends for the named keys; any other key is typed as its characters."""

FRAME_START, FRAME_END = b"\x1b[?2026h", b"\x1b[?2026l"
SYNC_QUERY, SYNC_ANSWER = b"\x1b[?2026$p", b"\x1b[?2026;2$y"
QUIET = 0.08
"""Seconds the tutor must be idle after a key before its answer counts as complete."""
POLL = 0.005
IDLE_LOOKS = 10
"""Looks at the tutor, POLL apart, that must all find it idle."""
PLAYING = "▶ playing"
"""What the status line says while a pass plays."""
WHOLE_LINE = re.compile(rb"\x1b\[(\d+);1H")

Screen = tuple[tuple[tuple[object, ...], ...], ...]
"""Every cell of the screen: its character and all its attributes."""


class EmulatedTerminal:
    """One tutor process in an 80 x 24 pseudo-terminal, its screen kept by pyte."""

    def __init__(
        self,
        args: list[str],
        home: Path,
        size: tuple[int, int] = SIZE,
        *,
        controlling: bool = False,
        command: tuple[str, ...] = (COMMAND,),
        env: dict[str, str] | None = None,
    ) -> None:
        """`command` runs the tutor (the installed one unless said); `env` adds variables."""
        environment = {
            k: v for k, v in os.environ.items() if k not in ("NO_COLOR", "COLUMNS", "LINES")
        }
        environment.update(
            TERM="xterm-256color", LANG="C.UTF-8", CNN_TUTOR_HOME=str(home), **(env or {})
        )
        self.columns, self.rows = size
        self.session = PtySession([*command, *args], environment, *size, controlling=controlling)
        self.screen = pyte.Screen(*size)
        self.stream = pyte.ByteStream(self.screen)
        self.pending = b""
        """Bytes of a frame still arriving."""
        self.frames: list[bytes] = []
        """Whole frames read since `take_frames`, each with any bytes before it."""
        self.received = bytearray()
        """Every byte the tutor has written."""
        self._running: set[int] = set()
        """Threads other than the event loop's seen running at the last look."""
        self._watched = watchdog.show(f"{' '.join([*command, *args])} in a pty", self.text)

    # -- reading ------------------------------------------------------------------------------

    def _read(self, timeout: float) -> bool:
        """Read what has arrived within `timeout`; False when nothing did."""
        chunk = self.session.read(timeout)
        if not chunk:
            if chunk is None:
                raise AssertionError(f"the tutor closed the terminal:\n{self.text()}")
            return False
        if SYNC_QUERY in chunk:
            os.write(self.session.master, SYNC_ANSWER)
        self.received += chunk
        self.pending += chunk
        while (end := self.pending.find(FRAME_END)) >= 0:
            end += len(FRAME_END)
            self.frames.append(self.pending[:end])
            self.pending = self.pending[end:]
        return True

    def settle(self, quiet: float = QUIET, timeout: float = 20.0) -> None:
        """Read until the tutor has been idle for `quiet` seconds: no thread of it running or
        waiting to run, nothing written, no frame half sent.

        Silence alone is not enough: on a busy machine a key can wait longer than `quiet` to
        be read, and its answer would then be drawn together with the next key's.
        """
        deadline = time.monotonic() + timeout
        idle_since, idle_looks = time.monotonic(), 0
        why = ""
        while time.monotonic() < deadline:
            if self._read(POLL):
                idle_since, idle_looks, why = time.monotonic(), 0, "it wrote"
            elif FRAME_START in self.pending:
                idle_since, idle_looks, why = time.monotonic(), 0, "a frame half sent"
            elif busy := self._busy():
                idle_since, idle_looks, why = time.monotonic(), 0, busy
            else:
                idle_looks += 1  # counted too: this thread may itself wait long between looks
                if idle_looks >= IDLE_LOOKS and time.monotonic() - idle_since >= quiet:
                    return
        raise AssertionError(f"the tutor never stopped drawing (last: {why}):\n{self.text()}")

    def _busy(self) -> str:
        """Why the tutor is not idle ("" if it is): typed keys it has not read, its event
        loop's thread running (or waiting to run, or in the kernel), another thread in the
        kernel or running at two looks in a row. Textual's input thread wakes every 0.1 s to
        look for keys: seen running once, it is that, not work."""
        if unread := self.session.unread_input():
            return f"{unread} bytes typed, not yet read"
        running = set()
        for stat in Path(f"/proc/{self.session.process.pid}/task").glob("*/stat"):
            try:
                state = stat.read_text().rsplit(")", 1)[1].split()[0]
            except (OSError, IndexError):  # the thread ended while it was read
                continue
            thread = int(stat.parent.name)
            if state == "D" or (
                state == "R" and (thread == self.session.process.pid or thread in self._running)
            ):
                return f"thread {thread} in state {state}"
            if state == "R":
                running.add(thread)
        self._running = running
        return ""

    def wait_for(self, text: str, timeout: float = 20.0) -> None:
        """Draw what arrives until `text` is on the screen, then until it settles."""
        deadline = time.monotonic() + timeout
        while text not in self.text():
            if time.monotonic() > deadline:
                raise AssertionError(f"{text!r} never appeared:\n{self.text()}")
            self._read(QUIET)
            self.draw()
        self.settle()
        self.draw()

    def draw(self) -> None:
        """Feed the emulator every whole frame read so far."""
        for frame in self.take_frames():
            self.stream.feed(frame)

    def take_frames(self) -> list[bytes]:
        frames, self.frames = self.frames, []
        return frames

    # -- the screen ---------------------------------------------------------------------------

    def cells(self) -> Screen:
        buffer = self.screen.buffer
        return tuple(
            tuple(tuple(buffer[y][x]) for x in range(self.columns)) for y in range(self.rows)
        )

    def text(self) -> str:
        return "\n".join(line.rstrip() for line in self.screen.display)

    # -- keys ---------------------------------------------------------------------------------

    def press(self, key: str) -> None:
        """Type one key and draw the tutor's whole answer to it."""
        self.send(KEYS.get(key, key.encode()))

    def send(self, data: bytes) -> None:
        """Send the terminal's bytes (a key, a paste) and draw the tutor's whole answer."""
        os.write(self.session.master, data)
        self.settle()
        self.draw()

    def resize(self, columns: int, rows: int) -> None:
        """Make the terminal `columns` x `rows`, as dragging a window's corner does (the
        program is sent SIGWINCH), and draw the tutor's whole answer."""
        fcntl.ioctl(
            self.session.master, termios.TIOCSWINSZ, struct.pack("HHHH", rows, columns, 0, 0)
        )
        self.session.process.send_signal(signal.SIGWINCH)  # the kernel's goes to a controlling
        self.screen.resize(rows, columns)  # terminal's group only, which the tutor may lack
        self.columns, self.rows = columns, rows
        self.settle()
        self.draw()

    def play(self, frames: int) -> None:
        """Press p, let `frames` updates arrive while the pass plays, then pause it with p.
        The pass must have `frames` steps left to play (or it stops by itself, and the
        second p plays it again)."""
        os.write(self.session.master, b"p")  # not press: a fast pass is never quiet
        deadline = time.monotonic() + 20
        while len(self.frames) < frames:
            if time.monotonic() > deadline:
                raise AssertionError(f"fewer than {frames} updates while playing:\n{self.text()}")
            self._read(QUIET)
        self.press("p")

    def check_redraw(self, what: str) -> None:
        """Press Ctrl+L and require that repainting everything changes nothing on screen.

        The screen is compared just before the frame that repaints every line, so an update
        still on its way when Ctrl+L was pressed counts as part of what the keys drew. Never
        while a pass plays: a step landing between the update and the repaint would differ.
        """
        assert PLAYING not in self.text(), f"pause before comparing ({what}):\n{self.text()}"
        os.write(self.session.master, KEYS["ctrl+l"])
        deadline = time.monotonic() + 20
        while not any(_repaints_everything(frame, self.rows) for frame in self.frames):
            if time.monotonic() > deadline:
                raise AssertionError(f"Ctrl+L never repainted the screen ({what}):\n{self.text()}")
            self._read(QUIET)
        frames = self.take_frames()
        whole = max(i for i, frame in enumerate(frames) if _repaints_everything(frame, self.rows))
        for frame in frames[:whole]:
            self.stream.feed(frame)
        drawn, drawn_text = self.cells(), self.text()
        self.stream.feed(frames[whole])
        if self.cells() != drawn:
            raise AssertionError(_difference(what, drawn_text, self.text(), drawn, self.cells()))
        for frame in frames[whole + 1 :]:
            self.stream.feed(frame)

    def drain(self) -> None:
        """Read what a tutor that has exited wrote before it closed the terminal."""
        while (chunk := self.session.read(0.2)) is not None and chunk:
            self.received += chunk

    def hang_up(self) -> int:
        """Close the terminal under the tutor, as a dropped connection does; its exit status."""
        os.close(self.session.master)
        self.session.master = -1
        return self.session.process.wait(timeout=20)

    def close(self) -> None:
        watchdog.forget(self._watched)
        if self.session.master >= 0:
            self.session.close()


def _repaints_everything(frame: bytes, rows: int) -> bool:
    """Whether a frame writes every line of the screen from its first column."""
    start = frame.rfind(FRAME_START)
    written = {int(row) for row in WHOLE_LINE.findall(frame, max(start, 0))}
    return written >= set(range(1, rows + 1))


def _difference(what: str, drawn: str, truth: str, drawn_cells: Screen, truth_cells: Screen) -> str:
    """Which lines differ, as the learner saw them and as a full repaint shows them."""
    shown, whole = drawn.split("\n"), truth.split("\n")
    lines = [f"after {what}, the screen differs from its full repaint:"]
    for y, (seen, repainted) in enumerate(zip(drawn_cells, truth_cells, strict=True)):
        if seen != repainted:
            x = next(x for x, (a, b) in enumerate(zip(seen, repainted, strict=True)) if a != b)
            lines += [
                f"  line {y + 1} shown:    {shown[y]!r}",
                f"  line {y + 1} repainted: {whole[y]!r}",
                f"  first difference at column {x + 1}: {seen[x]} / {repainted[x]}",
            ]
    return "\n".join(lines)


def walk(terminal: EmulatedTerminal, keys: list[str], where: str) -> None:
    """Press each key in turn (`resize:100x30` resizes the terminal); after each, the screen
    must equal its full repaint."""
    for n, key in enumerate(keys):
        if key.startswith("resize:"):
            columns, rows = key.removeprefix("resize:").split("x")
            terminal.resize(int(columns), int(rows))
        else:
            terminal.press(key)
        terminal.check_redraw(f"{where}, keys {' '.join(keys[: n + 1])}")
