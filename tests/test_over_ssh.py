"""The tutor over a real SSH session, as a lab machine runs it: ssh -t, inside tmux at 80 x 24.

A private sshd listens on loopback with its own configuration and throwaway keys; the test
connects through `ssh -t` in a detached tmux window, steps, plays, pauses and quits, then checks
that the terminal was left sane (canonical mode and echo back on, the tutor's screen gone).
It skips, saying why, where sshd, ssh, ssh-keygen or tmux is not installed.
"""

from __future__ import annotations

import getpass
import os
import shlex
import shutil
import socket
import subprocess
import sys
import time
from collections.abc import Callable, Iterator
from pathlib import Path

import pytest

from tests import watchdog

SSHD = shutil.which("sshd") or ("/usr/sbin/sshd" if Path("/usr/sbin/sshd").exists() else None)
MISSING = [
    name
    for name, path in (
        ("sshd", SSHD),
        ("ssh", shutil.which("ssh")),
        ("ssh-keygen", shutil.which("ssh-keygen")),
        ("tmux", shutil.which("tmux")),
    )
    if path is None
]
pytestmark = pytest.mark.skipif(
    bool(MISSING),
    reason=f"not installed: {', '.join(MISSING)} (apt-get install openssh-server tmux)",
)
TIMEOUT = 20.0


def free_port() -> int:
    with socket.socket() as probe:
        probe.bind(("127.0.0.1", 0))
        return int(probe.getsockname()[1])


def wait_until(condition: Callable[[], bool], what: str, screen: Callable[[], str] = str) -> None:
    """Poll `condition`; on a timeout, fail with `screen()` (what the terminal shows)."""
    deadline = time.monotonic() + TIMEOUT
    while not condition():
        if time.monotonic() > deadline:
            raise AssertionError(f"timed out waiting for {what}:\n{screen()}")
        time.sleep(0.05)


def accepts(port: int) -> bool:
    try:
        socket.create_connection(("127.0.0.1", port), timeout=0.2).close()
    except OSError:
        return False
    return True


@pytest.fixture
def sshd(tmp_path: Path) -> Iterator[tuple[int, Path]]:
    """A throwaway sshd on loopback: (port, the client's private key)."""
    if os.geteuid() == 0:
        Path("/run/sshd").mkdir(mode=0o755, exist_ok=True)  # sshd's privilege-separation dir
    for name in ("host_key", "client_key"):
        subprocess.run(
            ["ssh-keygen", "-q", "-t", "ed25519", "-N", "", "-f", str(tmp_path / name)], check=True
        )
    shutil.copy(tmp_path / "client_key.pub", tmp_path / "authorized_keys")
    port = free_port()
    config = tmp_path / "sshd_config"
    config.write_text(
        "\n".join(
            [
                f"Port {port}",
                "ListenAddress 127.0.0.1",
                f"HostKey {tmp_path / 'host_key'}",
                f"PidFile {tmp_path / 'sshd.pid'}",
                f"AuthorizedKeysFile {tmp_path / 'authorized_keys'}",
                "StrictModes no",
                "UsePAM no",
                "PasswordAuthentication no",
                "KbdInteractiveAuthentication no",
                "PermitRootLogin prohibit-password",
                "LogLevel ERROR",
                "",
            ]
        )
    )
    server = subprocess.Popen(
        [str(SSHD), "-D", "-e", "-f", str(config)], stdout=subprocess.PIPE, stderr=subprocess.STDOUT
    )
    try:
        wait_until(lambda: accepts(port) or server.poll() is not None, "sshd to listen")
        if server.poll() is not None:
            output = server.stdout.read().decode(errors="replace") if server.stdout else ""
            pytest.skip(f"sshd would not start here: {output.strip()[:200]}")
        yield port, tmp_path / "client_key"
    finally:
        server.terminate()
        server.wait(timeout=10)


class Tmux:
    """A private tmux server (its own socket), one 80 x 24 window."""

    def __init__(self, folder: Path) -> None:
        self.socket = str(folder / "tmux.sock")

    def run(self, *args: str) -> str:
        result = subprocess.run(
            ["tmux", "-S", self.socket, *args], check=True, capture_output=True, text=True
        )
        return result.stdout

    def screen(self) -> str:
        return self.run("capture-pane", "-p", "-t", "tutor")

    def wait_for(self, text: str) -> str:
        wait_until(lambda: text in self.screen(), repr(text), self.screen)
        return self.screen()

    def keys(self, *keys: str) -> None:
        self.run("send-keys", "-t", "tutor", *keys)


def test_start_step_play_quit_over_ssh_leaves_the_terminal_sane(
    sshd: tuple[int, Path], tmp_path: Path
) -> None:
    port, key = sshd
    tutor = Path(sys.executable).with_name("cnn-tutor")
    assert tutor.exists(), "the tutor is installed beside this Python"
    remote = f"env CNN_TUTOR_HOME={shlex.quote(str(tmp_path / 'home'))} {tutor} --lesson 1"
    ssh = [
        "ssh",
        "-t",
        "-p",
        str(port),
        "-i",
        str(key),
        "-o",
        "StrictHostKeyChecking=no",
        "-o",
        "UserKnownHostsFile=/dev/null",
        "-o",
        "LogLevel=ERROR",
        f"{getpass.getuser()}@127.0.0.1",
        remote,
    ]
    stty = tmp_path / "stty.txt"
    window = (
        f"{shlex.join(ssh)}; stty -a > {shlex.quote(str(stty))}; echo BACK-AT-THE-SHELL; sleep 600"
    )
    tmux = Tmux(tmp_path)
    tmux.run("new-session", "-d", "-s", "tutor", "-x", "80", "-y", "24", window)
    try:
        with watchdog.screen_shown("the tutor over SSH, in tmux", tmux.screen):
            tmux.wait_for("Step 1 of 16  neuron at row 1, col 1  paused")
            tmux.wait_for("Lesson 1 · One kernel, one feature map")
            tmux.keys("l", "Right", "Space")
            tmux.wait_for("Step 4 of 16")
            tmux.keys("End")
            tmux.wait_for("Step 16 of 16")
            tmux.keys("Home", "p")
            tmux.wait_for("▶ playing 2 steps/s")
            tmux.wait_for("Step 3 of 16")
            tmux.keys("p")
            tmux.wait_for("paused")
            tmux.keys("q")
            screen = tmux.wait_for("BACK-AT-THE-SHELL")
            assert "Step" not in screen and "Lesson 1" not in screen, "the tutor's screen is gone"
            flags = tmux.run(
                "display",
                "-p",
                "-t",
                "tutor",
                "#{alternate_on} #{mouse_any_flag} #{mouse_sgr_flag} #{cursor_flag}",
            )
            assert flags.split() == ["0", "0", "0", "1"], (
                "no alternate screen, mouse off, cursor on"
            )
            modes = stty.read_text().split()
            assert "icanon" in modes and "echo" in modes and "-icanon" not in modes
    finally:
        subprocess.run(["tmux", "-S", tmux.socket, "kill-server"], capture_output=True)
