"""Writing a file so that it is always whole: the old one or the new one, never half of either.

The progress file, the summary in the class folder and the lesson list's cache are all written
here. The bytes go to a temporary file beside the target, are flushed to the disk, and the
file is renamed into place; then the folder itself is flushed, so that after a crash or a power
cut the rename is not lost either. A failed write leaves no temporary file behind.
"""

from __future__ import annotations

import contextlib
import errno
import os
import tempfile
from pathlib import Path

TEMPORARY_SUFFIX = ".tmp"
_NO_FOLDER_SYNC = (errno.EINVAL, errno.ENOTSUP, errno.EOPNOTSUPP, errno.EBADF)
"""What a file system that cannot flush a folder says (the rename itself has happened)."""


def write_atomically(path: Path, data: bytes, *, prefix: str, mode: int = 0o600) -> None:
    """Put `data` at `path`, readable as `mode` says; OSError if it could not be done, in which
    case `path` is as it was. The temporary file is `<prefix>*.tmp` in the same folder."""
    descriptor, temporary = tempfile.mkstemp(
        dir=path.parent, prefix=prefix, suffix=TEMPORARY_SUFFIX
    )
    try:
        os.fchmod(descriptor, mode)
        with os.fdopen(descriptor, "wb") as handle:
            handle.write(data)
            handle.flush()
            os.fsync(handle.fileno())
        os.replace(temporary, path)
    except BaseException:
        with contextlib.suppress(OSError):
            os.unlink(temporary)
        raise
    sync_folder(path.parent)


def sync_folder(folder: Path) -> None:
    """Flush a folder's entries (a rename) to the disk, where the file system can."""
    descriptor = os.open(folder, os.O_RDONLY | getattr(os, "O_DIRECTORY", 0) | os.O_CLOEXEC)
    try:
        os.fsync(descriptor)
    except OSError as error:
        if error.errno not in _NO_FOLDER_SYNC:
            raise
    finally:
        os.close(descriptor)
