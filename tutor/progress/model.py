"""What is remembered about a learner: where they are in each lesson and how their quizzes went."""

from __future__ import annotations

import time
from collections.abc import Callable
from dataclasses import asdict, dataclass, field, fields
from typing import Any

from ..controls import escaped
from ..lessons.limits import LESSON_ID
from .fields import is_time, is_whole
from .history import AttemptRecord, BadHistory, attempt_from_json, attempt_to_json
from .predictions import PredictionRecord, prediction_from_json, prediction_to_json
from .quiz_state import BadQuizState, QuizState, quiz_state_from_json

VERSION = 4
"""Version 2 added each lesson's `history`, version 3 its `predictions`, version 4 `earlier`
(what a reset put aside) and each answer's layer; an older file is read as one with none."""
READABLE_VERSIONS = (1, 2, 3, 4)
MAX_LESSONS = 1_000
"""Lessons whose progress is kept; beyond that the one left longest ago is forgotten, so the
file stays small (a few hundred kilobytes) and is always read back."""
MAX_COUNT = 1_000_000
MAX_HISTORY = 20
"""Finished attempts kept per lesson, the latest: with MAX_LESSONS, what bounds the file."""
MAX_ALL_HISTORY = 300
"""Finished attempts kept over all lessons: beyond that the oldest are forgotten, so the file
stays well under the read limit (a few hundred bytes an attempt)."""
MAX_PREDICTIONS = 20
"""Predictions kept per lesson, the latest."""
MAX_ALL_PREDICTIONS = 300
"""Predictions kept over all lessons (some 70 bytes each)."""


@dataclass
class LessonProgress:
    """One lesson's state. `page` and `step` are where to resume."""

    page: int = 0
    step: int = 0
    attempts: int = 0
    best_percent: int | None = None
    passed: bool = False
    answered: int = 0
    """Questions answered in the quiz attempt under way (0 when none is)."""
    updated: float = 0.0
    quiz: QuizState | None = None
    """The quiz attempt under way, to ask again exactly as it was after a restart."""
    in_quiz: bool = False
    """Whether the learner was last in the quiz rather than on the lesson's pages."""
    history: list[AttemptRecord] = field(default_factory=list)
    """Finished attempts, oldest first, answer by answer (at most MAX_HISTORY)."""
    predictions: list[PredictionRecord] = field(default_factory=list)
    """Predictions made on the lesson's pages, oldest first (at most MAX_PREDICTIONS)."""

    @property
    def started(self) -> bool:
        return self.page > 0 or self.step > 0 or self.attempts > 0 or self.answered > 0


@dataclass
class Progress:
    lessons: dict[str, LessonProgress] = field(default_factory=dict)
    last_lesson: str | None = None
    earlier: dict[str, LessonProgress] = field(default_factory=dict)
    """What lessons held before they were reset (attempts, best, answers, predictions): the
    learner starts afresh, the class record keeps what was done."""

    def lesson(self, lesson_id: str) -> LessonProgress:
        if lesson_id not in self.lessons and len(self.lessons) >= MAX_LESSONS:
            oldest = min(self.lessons, key=lambda key: self.lessons[key].updated)
            del self.lessons[oldest]
        return self.lessons.setdefault(lesson_id, LessonProgress())

    def move(self, lesson_id: str, page: int, step: int) -> None:
        entry = self.lesson(lesson_id)
        entry.page, entry.step, entry.updated = page, step, time.time()
        entry.in_quiz = False
        self.last_lesson = lesson_id

    def record_attempt(self, lesson_id: str, state: QuizState) -> None:
        """The quiz attempt under way, where the learner now is."""
        entry = self.lesson(lesson_id)
        entry.quiz, entry.in_quiz = state, True
        entry.answered = sum(reply is not None for reply in state.replies)
        entry.updated = time.time()
        self.last_lesson = lesson_id

    def record_quiz(self, lesson_id: str, record: AttemptRecord) -> None:
        entry = self.lesson(lesson_id)
        entry.attempts += 1
        entry.answered = 0
        entry.quiz, entry.in_quiz = None, False
        entry.best_percent = max(record.percent, entry.best_percent or 0)
        entry.passed = entry.passed or record.passed
        entry.history = [*entry.history, record][-MAX_HISTORY:]
        entry.updated = time.time()
        self.last_lesson = lesson_id
        self._forget_oldest("history", lambda record: record.finished, MAX_ALL_HISTORY)

    def record_prediction(self, lesson_id: str, record: PredictionRecord) -> None:
        entry = self.lesson(lesson_id)
        entry.predictions = [*entry.predictions, record][-MAX_PREDICTIONS:]
        entry.updated = time.time()
        self._forget_oldest("predictions", lambda record: record.when, MAX_ALL_PREDICTIONS)

    def _forget_oldest(self, records: str, when: Callable[[Any], float], most: int) -> None:
        """Keep the latest `most` of one kind of record (history or predictions) over all
        lessons; each lesson's list is oldest first."""
        dated = sorted(
            (when(record), n, key)
            for n, lessons in enumerate((self.earlier, self.lessons))
            for key, entry in lessons.items()
            for record in getattr(entry, records)
        )
        for _, n, key in dated[: max(0, len(dated) - most)]:
            getattr((self.earlier, self.lessons)[n][key], records).pop(0)

    def reset(self, lesson_id: str | None = None) -> None:
        """Start one lesson afresh, or everything when `lesson_id` is None; what was done in
        it is put aside in `earlier` for the class record."""
        for key in list(self.lessons) if lesson_id is None else [lesson_id]:
            if key in self.lessons:
                self._put_aside(key, self.lessons.pop(key))
        if lesson_id is None or self.last_lesson == lesson_id:
            self.last_lesson = None

    def _put_aside(self, key: str, entry: LessonProgress) -> None:
        if not (entry.attempts or entry.history or entry.predictions):
            return
        if key not in self.earlier and len(self.earlier) >= MAX_LESSONS:
            del self.earlier[min(self.earlier, key=lambda k: self.earlier[k].updated)]
        kept = self.earlier.setdefault(key, LessonProgress())
        kept.attempts = min(MAX_COUNT, kept.attempts + entry.attempts)
        kept.best_percent = max(
            (p for p in (kept.best_percent, entry.best_percent) if p is not None), default=None
        )
        kept.passed = kept.passed or entry.passed
        kept.history = [*kept.history, *entry.history][-MAX_HISTORY:]
        kept.predictions = [*kept.predictions, *entry.predictions][-MAX_PREDICTIONS:]
        kept.updated = time.time()

    def class_record(self) -> dict[str, LessonProgress]:
        """Each lesson as the teacher's report counts it: what it holds now, with what it
        held before any reset (attempts added, best kept, answers and predictions oldest
        first)."""
        record = dict(self.lessons)
        for key, before in self.earlier.items():
            now = self.lessons.get(key, LessonProgress())
            best = [p for p in (before.best_percent, now.best_percent) if p is not None]
            record[key] = LessonProgress(
                page=now.page,
                step=now.step,
                attempts=before.attempts + now.attempts,
                best_percent=max(best, default=None),
                passed=before.passed or now.passed,
                answered=now.answered,
                updated=max(before.updated, now.updated),
                history=[*before.history, *now.history],
                predictions=[*before.predictions, *now.predictions],
            )
        return record

    def to_json(self) -> dict[str, Any]:
        return {
            "version": VERSION,
            "last_lesson": self.last_lesson,
            "lessons": {key: _entry_to_json(value) for key, value in self.lessons.items()},
            "earlier": {key: _entry_to_json(value) for key, value in self.earlier.items()},
        }


def _entry_to_json(entry: LessonProgress) -> dict[str, Any]:
    data = asdict(entry)
    data["history"] = [attempt_to_json(record) for record in entry.history]
    data["predictions"] = [prediction_to_json(record) for record in entry.predictions]
    return data


class DamagedProgress(ValueError):
    """The file exists but is not progress this version can read."""


def _count(value: Any, where: str, most: int = MAX_COUNT) -> int:
    if not is_whole(value, 0, most):
        raise DamagedProgress(f"{where} is not a whole number from 0 to {most:,}")
    return value


def _lesson_id(value: Any, what: str) -> str:
    if not (isinstance(value, str) and LESSON_ID.fullmatch(value)):
        raise DamagedProgress(f"{what} {escaped(repr(value)[:60])} is not a lesson id")
    return value


def _entry(key: str, entry: Any) -> LessonProgress:
    """One lesson's saved state, every field of the type it must have: a value of another
    type is damage, never quietly read as a default (the learner's result would be lost)."""
    if not isinstance(entry, dict):
        raise DamagedProgress(f"lesson {key} is not an object")
    unknown = sorted(set(entry) - _FIELDS)
    if unknown:
        raise DamagedProgress(
            f"lesson {key} has a field this version does not know, {escaped(repr(unknown[0])[:60])}"
        )
    best = entry.get("best_percent")
    passed = entry.get("passed", False)
    in_quiz = entry.get("in_quiz", False)
    updated = entry.get("updated", 0.0)
    if type(passed) is not bool or type(in_quiz) is not bool:
        raise DamagedProgress(f"{key}.passed or {key}.in_quiz is not true or false")
    quiz, history = entry.get("quiz"), entry.get("history", [])
    predicted = entry.get("predictions", [])
    if not isinstance(history, list) or len(history) > MAX_HISTORY:
        raise DamagedProgress(f"{key}.history is not a list of at most {MAX_HISTORY} attempts")
    if not isinstance(predicted, list) or len(predicted) > MAX_PREDICTIONS:
        raise DamagedProgress(f"{key}.predictions is not a list of at most {MAX_PREDICTIONS}")
    try:
        state = None if quiz is None else quiz_state_from_json(quiz, f"{key}.quiz")
        records = [attempt_from_json(item, f"{key}.history[{n}]") for n, item in enumerate(history)]
        predictions = [
            prediction_from_json(item, f"{key}.predictions[{n}]")
            for n, item in enumerate(predicted)
        ]
    except (BadQuizState, BadHistory) as error:
        raise DamagedProgress(str(error)) from None
    if not is_time(updated):
        raise DamagedProgress(f"{key}.updated is not a time")
    return LessonProgress(
        page=_count(entry.get("page", 0), f"{key}.page"),
        step=_count(entry.get("step", 0), f"{key}.step"),
        attempts=_count(entry.get("attempts", 0), f"{key}.attempts"),
        best_percent=None if best is None else _count(best, f"{key}.best_percent", 100),
        passed=passed,
        answered=_count(entry.get("answered", 0), f"{key}.answered"),
        updated=float(updated),
        quiz=state,
        in_quiz=in_quiz,
        history=records,
        predictions=predictions,
    )


def from_json(data: Any) -> Progress:
    """Progress from parsed JSON, or DamagedProgress saying what is wrong."""
    if not isinstance(data, dict):
        raise DamagedProgress("the top level is not an object")
    if type(data.get("version")) is not int or data["version"] not in READABLE_VERSIONS:
        raise DamagedProgress(
            f"version {escaped(repr(data.get('version'))[:20])} is not "
            f"one of {', '.join(map(str, READABLE_VERSIONS))}"
        )
    keys = {"version", "last_lesson", "lessons"} | ({"earlier"} if data["version"] >= 4 else set())
    if set(data) != keys:
        raise DamagedProgress(f"it does not hold exactly {', '.join(sorted(keys))}")
    last = data["last_lesson"]
    progress = Progress(last_lesson=None if last is None else _lesson_id(last, "last_lesson"))
    for part in sorted(keys & {"lessons", "earlier"}):
        lessons = data[part]
        if not isinstance(lessons, dict):
            raise DamagedProgress(f"{part} is not an object")
        if len(lessons) > MAX_LESSONS:
            raise DamagedProgress(
                f"{part} has {len(lessons):,} lessons; at most {MAX_LESSONS:,} are kept"
            )
        for key, entry in lessons.items():
            getattr(progress, part)[_lesson_id(key, "the lesson")] = _entry(key, entry)
    for records, most in (("history", MAX_ALL_HISTORY), ("predictions", MAX_ALL_PREDICTIONS)):
        held = sum(
            len(getattr(entry, records))
            for lessons in (progress.lessons, progress.earlier)
            for entry in lessons.values()
        )
        if held > most:
            raise DamagedProgress(f"it holds {held:,} {records} records; at most {most:,} are kept")
    return progress


_FIELDS = {f.name for f in fields(LessonProgress)}
