"""The lesson list's memory of files already checked, keyed by their exact bytes.

Only a cache: a missing, damaged or unwritable file just means the lessons are parsed again,
and nothing a learner did is kept here. An entry holds the verdict on one file's bytes (and,
for a good lesson, its parsed TOML, so opening it needs no parsing), so an edited file is a
new key; the cache as a whole is keyed on this tutor's version and on the version of the
checks (limits.CHECKS_VERSION), so a change to the rules checks every file again.
"""

from __future__ import annotations

import json
import os
from pathlib import Path
from typing import Any

from .. import __version__
from ..atomic_write import write_atomically
from ..controls import escaped
from ..regular_files import UnreadableFile, read_regular_file
from . import limits
from .folder import broken, shown
from .model import BrokenLesson, LessonHeader

FILE_NAME = "lesson-headers.json"
MAX_BYTES = 2_000_000
MAX_ENTRIES = 256


def cache_path_in(home: Path) -> Path:
    return home / "cache" / FILE_NAME


def default_cache_path() -> Path:
    """Beside progress when $CNN_TUTOR_HOME is set (tests, shared lab accounts), else the
    platform's cache folder."""
    override = os.environ.get("CNN_TUTOR_HOME")
    if override:
        return cache_path_in(Path(override).expanduser())
    from platformdirs import user_cache_dir

    return Path(user_cache_dir("cnn-tutor", appauthor=False)) / FILE_NAME


def checker_fingerprint() -> str:
    """Changes whenever a verdict may: with this tutor's version and with the checks' own."""
    return f"{__version__}/format {limits.FORMAT_VERSION}/checks {limits.CHECKS_VERSION}"


def _header(value: Any, source: Path) -> LessonHeader | None:
    if not (isinstance(value, list) and len(value) == 6):
        return None
    lesson_id, order, title, summary, pages, requires = value
    if not (
        all(isinstance(x, str) for x in (lesson_id, title, summary))
        and all(type(x) is int for x in (order, pages))
        and isinstance(requires, list)
        and all(isinstance(x, str) for x in requires)
    ):
        return None
    return LessonHeader(lesson_id, order, title, summary, pages, source, tuple(requires))


def _json_holds(document: dict[str, Any]) -> bool:
    """TOML has dates and times, which JSON cannot hold; lessons have none, but a file may."""
    try:
        return json.loads(json.dumps(document)) == document
    except (TypeError, ValueError, RecursionError):
        return False


class HeaderCache:
    """Verdicts by digest of a file's bytes, read from and saved to `path` (None: memory only)."""

    def __init__(self, path: Path | None) -> None:
        self.path = path
        self.fingerprint = checker_fingerprint()
        self._entries: dict[str, Any] = self._read()
        self._used: dict[str, Any] = {}

    def _read(self) -> dict[str, Any]:
        if self.path is None:
            return {}
        try:
            data = json.loads(read_regular_file(self.path, MAX_BYTES, follow_symlinks=False))
        except (OSError, UnreadableFile, ValueError, RecursionError):
            return {}
        if not isinstance(data, dict) or data.get("fingerprint") != self.fingerprint:
            return {}
        entries = data.get("entries")
        return entries if isinstance(entries, dict) else {}

    def get(self, digest: str, source: Path) -> LessonHeader | BrokenLesson | None:
        """The remembered verdict on these bytes, now at `source`; None if there is none."""
        entry = self._entries.get(digest)
        if not isinstance(entry, dict):
            return None
        if isinstance(entry.get("broken"), str):
            verdict: LessonHeader | BrokenLesson | None = broken(source, escaped(entry["broken"]))
        else:
            verdict = _header(entry.get("header"), source)
        if verdict is not None:
            self._used[digest] = entry
        return verdict

    def document(self, digest: str) -> dict[str, Any] | None:
        """The TOML document of a good lesson file with these bytes, if kept."""
        entry = self._entries.get(digest, self._used.get(digest))
        document = entry.get("document") if isinstance(entry, dict) else None
        return document if isinstance(document, dict) else None

    def put(
        self,
        digest: str,
        verdict: LessonHeader | BrokenLesson,
        document: dict[str, Any] | None = None,
    ) -> None:
        """Remember the verdict on these bytes, and a good lesson's document if JSON holds it."""
        if isinstance(verdict, BrokenLesson):
            entry: dict[str, Any] = {
                "broken": verdict.message.removeprefix(f"{shown(verdict.source)}: ")
            }
        else:
            entry = {
                "header": [
                    verdict.id,
                    verdict.order,
                    verdict.title,
                    verdict.summary,
                    verdict.pages,
                    list(verdict.requires),
                ]
            }
            if document is not None and _json_holds(document):
                entry["document"] = document
        self._used[digest] = entry

    def save(self) -> None:
        """Keep what this read used, then older entries (other folders) up to MAX_ENTRIES.

        Written atomically (atomic_write.py), so two tutors never mix halves;
        if it cannot be written, the next start simply parses again.
        """
        if self.path is None or all(self._entries.get(k) == v for k, v in self._used.items()):
            return
        kept = dict(self._used)
        for digest, entry in self._entries.items():
            if len(kept) >= MAX_ENTRIES:
                break
            kept.setdefault(digest, entry)
        text = json.dumps({"fingerprint": self.fingerprint, "entries": kept})
        try:
            self.path.parent.mkdir(parents=True, exist_ok=True)
            write_atomically(self.path, text.encode("utf-8"), prefix=".headers-")
        except OSError:
            return
        self._entries = kept
