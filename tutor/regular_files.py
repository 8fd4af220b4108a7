"""Reading a small regular file, and refusing everything else before it can block or flood us.

Lesson files and the progress file are named by whoever wrote the folder. A FIFO would block a
read forever, a device such as /dev/zero never ends, a sparse file can claim gigabytes: each is
refused from its `stat`, before a byte is read, and the read itself stops at the limit.
"""

from __future__ import annotations

import errno
import os
import stat
from pathlib import Path

_KINDS = (
    (stat.S_ISDIR, "a folder"),
    (stat.S_ISFIFO, "a named pipe (FIFO)"),
    (stat.S_ISCHR, "a device"),
    (stat.S_ISBLK, "a device"),
    (stat.S_ISSOCK, "a socket"),
    (stat.S_ISLNK, "a symbolic link"),
)


class UnreadableFile(Exception):
    """Not a file to read; `reason` says why, to follow the file's name in a message."""

    def __init__(self, reason: str) -> None:
        super().__init__(reason)
        self.reason = reason


class NotRegularFile(UnreadableFile):
    """A folder, a pipe, a device, a socket, or a symbolic link that is not to be followed."""


class FileTooLarge(UnreadableFile):
    """A regular file larger than the limit."""


def read_regular_file(path: Path, limit: int, *, follow_symlinks: bool = True) -> bytes:
    """The bytes of `path` if it is a regular file of at most `limit` bytes.

    Raises NotRegularFile for anything but a regular file (a symbolic link too, unless
    `follow_symlinks`; a dangling or looping one either way), FileTooLarge, and OSError when it
    cannot be read.
    """
    return read_regular_file_and_owner(path, limit, follow_symlinks=follow_symlinks)[0]


def read_regular_file_and_owner(
    path: Path, limit: int, *, follow_symlinks: bool = True
) -> tuple[bytes, int]:
    """The bytes as `read_regular_file` reads them, and the uid owning the file they were
    read from (taken from the open file, so a file swapped in after the check cannot lend
    its bytes another's name)."""
    try:
        before = os.stat(path, follow_symlinks=follow_symlinks)
    except OSError as error:
        raise _link_problem(path, error) or error from None
    _check(before, limit)
    flags = os.O_RDONLY | os.O_NONBLOCK | getattr(os, "O_CLOEXEC", 0)
    if not follow_symlinks:
        flags |= getattr(os, "O_NOFOLLOW", 0)
    descriptor = os.open(path, flags)
    try:
        status = os.fstat(descriptor)
        _check(status, limit)  # it may have been replaced since the stat
        chunks, size = [], 0
        while chunk := os.read(descriptor, min(1 << 20, limit + 1 - size)):
            chunks.append(chunk)
            size += len(chunk)
            if size > limit:
                raise FileTooLarge(f"grew past {limit:,} bytes while it was read")
        return b"".join(chunks), status.st_uid
    finally:
        os.close(descriptor)


def _check(status: os.stat_result, limit: int) -> None:
    for is_kind, kind in _KINDS:
        if is_kind(status.st_mode):
            raise NotRegularFile(f"is {kind}, not a regular file")
    if status.st_size > limit:
        raise FileTooLarge(f"is {status.st_size:,} bytes, more than the {limit:,} allowed")


def _link_problem(path: Path, error: OSError) -> NotRegularFile | None:
    """What is wrong with a symbolic link that cannot be followed, if that is the problem."""
    if error.errno == errno.ELOOP:
        return NotRegularFile("is a symbolic link that loops back on itself")
    if error.errno == errno.ENOENT and path.is_symlink():
        return NotRegularFile(f"is a symbolic link to {os.readlink(path)!r}, which does not exist")
    return None
