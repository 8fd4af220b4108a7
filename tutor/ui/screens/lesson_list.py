"""The first screen: every lesson with its status, broken ones with their message."""

from __future__ import annotations

from collections.abc import Sequence

from rich.text import Text
from textual import on
from textual.app import ComposeResult
from textual.binding import Binding
from textual.widgets import Static

from ...lessons.model import BrokenLesson, LessonHeader
from ...progress.model import LessonProgress
from ..listing import Listing
from ..literal import literal
from ..requests import OpenCalculator, ResetProgress, ResumeLesson
from ..screen_css import screen_css
from ..widgets.key_footer import KeyFooter
from ..widgets.lesson_menu import LessonMenu, MenuEntry
from .tutor_screen import TutorScreen


def status_text(
    lesson: LessonHeader, entry: LessonProgress | None, locked_by: Sequence[str] = ()
) -> str:
    """locked / new / page p of n / quiz under way / passed with the best score."""
    if locked_by:
        return f"locked: pass {and_list(locked_by)} first"
    if entry is None or not entry.started:
        return "new"
    if entry.passed:
        return f"passed, best {entry.best_percent} %"
    if entry.answered:
        return f"quiz under way ({entry.answered} answered)"
    if entry.attempts:
        return f"quiz tried, best {entry.best_percent} %"
    return f"in progress: page {entry.page + 1} of {lesson.pages}"


def and_list(items: Sequence[str]) -> str:
    return items[0] if len(items) == 1 else f"{', '.join(items[:-1])} and {items[-1]}"


def lesson_entry(lesson: LessonHeader | BrokenLesson, listing: Listing) -> MenuEntry:
    if isinstance(lesson, BrokenLesson):
        heading = Text.assemble(literal(f"✗ {lesson.title}", "bold"), "  cannot be opened")
        return MenuEntry(
            f"broken:{lesson.source}",
            heading,
            literal(f"  {lesson.message}", "italic"),
            enabled=False,
            wrap=True,
        )
    entry = listing.entry(lesson)
    status = status_text(lesson, entry, listing.not_yet_passed(lesson))
    mark = "✓" if entry is not None and entry.passed else " "
    heading = Text.assemble(
        literal(f"{mark}{lesson.order:>2}  {lesson.title}", "bold"), f"  [{status}]"
    )
    return MenuEntry(lesson.id, heading, literal(f"     {lesson.summary}", "dim"))


class LessonListScreen(TutorScreen):
    DEFAULT_CSS = screen_css("lesson_list")
    SCOPED_CSS = False

    BINDINGS = [
        Binding("c", "continue", "Continue"),
        Binding("k", "calculator", "Calculator"),
        Binding("r", "reset(False)", "Reset lesson"),
        Binding("R", "reset(True)", "Reset all", key_display="R"),
    ]

    def __init__(self, highlight: str | None = None) -> None:
        super().__init__()
        self._highlight: str | None = highlight if highlight is not None else ""
        """A lesson id to highlight when the list next shows: the lesson the learner just left,
        or "" at first, for the lesson c continues."""
        self._summary: str | None = ""
        self._shown = False
        """The summary line showing (None: hidden), so an unchanged one is not laid out again."""

    def compose(self) -> ComposeResult:
        yield Static(
            "cnn-tutor · how a convolutional layer works, and what sharing saves", id="title-bar"
        )
        yield LessonMenu(id="lessons")
        yield Static(id="lesson-summary")
        yield Static(id="continue-hint")
        yield KeyFooter()

    def highlight_lesson(self, lesson_id: str) -> None:
        """Highlight this lesson when the list shows again (the one the learner comes from)."""
        self._highlight = lesson_id

    def on_screen_resume(self) -> None:
        """On first showing too: statuses change while the learner is in a lesson, and lesson
        files may have changed (read at start-up, so not read again the first time)."""
        if self._shown:
            self.tutor.reread_lessons()
        self._shown = True
        self.refresh_list()

    def refresh_list(self) -> None:
        menu = self.query_one("#lessons", LessonMenu)
        listing = self.tutor.listing()
        entries = [lesson_entry(lesson, listing) for lesson in listing.lessons]
        if not entries:
            where = ", ".join(map(str, listing.folders)) or "any folder"
            entries = [MenuEntry("", literal(f"No lessons in {where}"), Text(), enabled=False)]
        keys = [entry.key for entry in entries]
        highlighted = menu.highlighted
        last = listing.last()
        if self._highlight == "":  # first shown: where c would take the learner
            self._highlight = None if last is None else last[0].id
        if self._highlight in keys:
            highlighted = keys.index(self._highlight)
        self._highlight = None
        menu.set_entries(entries, highlighted)
        menu.focus()
        self.show_summary()  # now, not when the menu's message arrives: one layout, not two
        hint = self.query_one("#continue-hint", Static)
        if last is None:
            hint.update("Enter opens the highlighted lesson. Start with lesson 1.")
        else:
            lesson, entry = last
            hint.update(
                literal(f"c continues lesson {lesson.order}: {status_text(lesson, entry)}.")
            )

    def selected_lesson(self) -> LessonHeader | None:
        key = self.query_one("#lessons", LessonMenu).highlighted_key()
        return None if key is None else self.tutor.listing().by_id(key)

    @on(LessonMenu.Highlighted)
    def show_summary(self) -> None:
        """The highlighted lesson's whole summary: the list has room for one line of it."""
        lesson = self.selected_lesson()
        text = None if lesson is None else f"Lesson {lesson.order}: {lesson.summary}"
        if text == self._summary:
            return
        self._summary = text
        summary = self.query_one("#lesson-summary", Static)
        summary.display = text is not None
        if text is not None:
            summary.update(literal(text))

    @on(LessonMenu.Chosen)
    def open_chosen(self, event: LessonMenu.Chosen) -> None:
        lesson = self.tutor.listing().by_id(event.key)
        if lesson is not None:
            self.post_message(ResumeLesson(lesson))

    def action_continue(self) -> None:
        last = self.tutor.listing().last()
        if last is None:
            self.notify("Nothing to continue yet: open a lesson with Enter.", timeout=3)
        else:
            self.post_message(ResumeLesson(last[0]))

    def action_calculator(self) -> None:
        self.post_message(OpenCalculator())

    def action_reset(self, everything: bool) -> None:
        lesson = None if everything else self.selected_lesson()
        if not everything and lesson is None:
            self.app.bell()
            return
        question = literal(
            "Reset ALL progress in every lesson?"
            if lesson is None
            else f"Reset your progress in lesson {lesson.order}, {lesson.title}?"
        )

        def confirmed(yes: bool | None) -> None:
            if yes:
                self.post_message(ResetProgress(lesson))

        from .confirm import ConfirmScreen

        self.app.push_screen(ConfirmScreen(question), confirmed)
