"""The application: which screen is showing, and the learner's progress behind them.

Screens post requests (requests.py) to move between the list, lessons, quizzes and results and
to save, and read the lessons through `listing`; only dialogs of their own (a confirmation, the
calculator's stepper) they push and pop themselves. The app keeps the lesson list at the bottom
of the screen stack (made when first needed) and one lesson, quiz or results screen above it.
What is not about screens lives below: the lessons in use on the `Shelf` (lessons/shelf.py),
quiz attempts under way in `AttemptsUnderWay` (quiz/under_way.py), progress in the store.
"""

from __future__ import annotations

import asyncio
import signal
import sys
from collections.abc import Callable, Iterable
from typing import TYPE_CHECKING

from textual import events, on
from textual.app import App, SystemCommand
from textual.binding import Binding
from textual.command import CommandPalette
from textual.geometry import Size
from textual.markup import escape as escape_markup
from textual.screen import Screen

from ..controls import escaped
from ..lessons.model import BrokenLesson, LessonHeader
from ..lessons.shelf import Shelf
from ..progress.model import LessonProgress, Progress
from ..progress.store import ProgressStore
from ..quiz.under_way import AttemptsUnderWay
from . import requests
from .listing import Listing
from .saving import SAVE_WAIT, Saving
from .screens.too_small import TooSmallScreen, is_too_small
from .screens.tutor_screen import TutorScreen
from .textual_gaps import give_first_screen_a_result_callback

if TYPE_CHECKING:
    from ..lessons.model import Lesson
    from ..quiz.run import QuizRun
    from .screens.lesson_list import LessonListScreen


class TutorApp(App[None]):
    TITLE = "cnn-tutor"
    CSS_PATH = "styles/app.tcss"
    ENABLE_COMMAND_PALETTE = True
    BINDINGS = [
        Binding("q", "quit", "Quit", priority=True),
        Binding("question_mark,f1", "help", "Help", key_display="?", priority=True),
        Binding("ctrl+l", "redraw", "Redraw", show=False, priority=True),
    ]

    def __init__(
        self,
        shelf: Shelf,
        store: ProgressStore,
        start: LessonHeader | None = None,
        on_ready: Callable[[], None] | None = None,
    ) -> None:
        """`on_ready` is called once the first screen has been drawn (the command line uses it
        to let the garbage collector back in)."""
        super().__init__()
        self.shelf = shelf
        self.store = store
        self.start = start
        self._on_ready = on_ready
        self._mounted = False
        self._attempts = AttemptsUnderWay()
        self._list_screen: LessonListScreen | None = None
        """Made when first shown, then kept at the bottom of the stack."""
        self._start_problem: Callable[[], None] | None = None
        """Why the lesson asked for with --lesson did not open, said once the app can."""
        self._as_program = False
        """Run by `cnn-tutor` itself (run_as_program), not inside a test's event loop."""
        self.saving = Saving(self, store, self.show_notices)
        self.unsaved_warnings: list[str] = []
        """What to say after quitting about saves that could not finish."""

    def run_as_program(self) -> int:
        """Run as the `cnn-tutor` command: only then are SIGTERM and SIGHUP the tutor's to
        catch (inside a test they stay the test runner's), and pastes and layouts guarded
        (textual_gaps 5 and 6: they concern what reaches a real terminal)."""
        from .textual_gaps import guard_layouts, guard_pastes

        self._as_program = True
        guard_pastes()
        guard_layouts()
        self.run()
        for warning in self.unsaved_warnings:
            print(f"cnn-tutor: {warning}", file=sys.stderr)
        return self.return_code or 0

    # -- start-up and terminal size ---------------------------------------------------------

    def get_default_screen(self) -> Screen[None]:
        """The bottom of the stack: the lesson asked for with --lesson, else the list, made here
        rather than pushed over Textual's empty default screen (one screen fewer to build at
        start-up). With --lesson the list replaces the lesson when the learner first goes to it.
        """
        self.store.load()
        screen: Screen[None] = (
            self._new_list_screen() if self.start is None else (self._start_screen(self.start))
        )
        give_first_screen_a_result_callback(screen)
        return screen

    def _start_screen(self, header: LessonHeader) -> Screen[None]:
        found = self.shelf.open(header)
        if isinstance(found, BrokenLesson):
            self._start_problem = lambda: self._cannot_open(found)
            return self._new_list_screen()
        if self._locked(header):
            self._start_problem = lambda: self._say_locked(header)
            return self._new_list_screen(header.id)
        return self._resumed(found)

    def on_mount(self) -> None:
        if self._as_program:
            loop = asyncio.get_running_loop()
            for name in ("SIGTERM", "SIGHUP"):  # SIGHUP: the terminal went away (a dropped SSH)
                if hasattr(signal, name):
                    loop.add_signal_handler(getattr(signal, name), self._leave_on_signal)
        if self._start_problem is not None:
            self._start_problem()
        self.show_notices()
        self._mounted = True
        self.check_size()
        if self._on_ready is not None:
            self.call_after_refresh(self._on_ready)

    def on_resize(self, event: events.Resize) -> None:
        if self._mounted:  # before mounting, on_mount checks the size itself
            self.check_size(event.size)

    @property
    def too_small(self) -> bool:
        return is_too_small(self.size)

    def check_size(self, size: Size | None = None) -> None:
        """Cover everything with a clear message while the terminal is below 80 x 24.

        `size` is the new size when called for a Resize event (self.size catches up later).
        """
        small = is_too_small(size or self.size)
        showing = isinstance(self.screen, TooSmallScreen)
        if small and not showing:
            self.push_screen(TooSmallScreen())
        elif not small and showing:
            self.pop_screen()

    def check_action(self, action: str, parameters: tuple[object, ...]) -> bool | None:
        return not (action in ("help", "command_palette") and self.too_small)

    # -- progress ---------------------------------------------------------------------------

    def show_notices(self) -> None:
        for notice in self.store.take_notices():
            self.notify(escaped(notice), severity="warning", timeout=12, markup=False)

    @property
    def lessons(self) -> list[LessonHeader | BrokenLesson]:
        """The lessons in use, as the list shows them."""
        return self.shelf.lessons

    def listing(self) -> Listing:
        """What the lesson list shows, as it is now."""
        return Listing(self.lessons, self.store.progress, self.shelf.folders)

    def reread_lessons(self) -> None:
        """For a list shown again: lesson files changed since are seen without a restart."""
        self.shelf.reread()

    @on(requests.SavePosition)
    @on(requests.SaveQuiz)
    @on(requests.RecordPrediction)
    def save(
        self, request: requests.SavePosition | requests.SaveQuiz | requests.RecordPrediction
    ) -> None:
        """Where the learner is: a page and step, or the quiz attempt under way as it is now
        (a restart asks it again exactly); or a prediction made on a page."""
        lesson_id = request.lesson.id
        if isinstance(request, requests.SavePosition):
            page, step = request.page, request.step
            self.change_progress(lambda progress: progress.move(lesson_id, page, step))
        elif isinstance(request, requests.RecordPrediction):
            record = request.record
            self.change_progress(lambda progress: progress.record_prediction(lesson_id, record))
        else:
            from ..quiz.saved import attempt_state

            state = attempt_state(request.run)
            self.change_progress(lambda progress: progress.record_attempt(lesson_id, state))

    def change_progress(self, change: Callable[[Progress], None]) -> None:
        """Change the progress the screens read now; save it off the UI loop."""
        self.saving.change(change)

    async def _leave(self) -> None:
        """Save where the learner is, wait for the save (a little), and exit."""
        self._save_everything()
        if self.saving.under_way:
            self.notify("Saving your progress...", timeout=SAVE_WAIT)
        self.unsaved_warnings += await self.saving.finish()
        self.exit()

    def _leave_on_signal(self) -> None:
        """Killed or hung up on: save as on quit, and leave the terminal as it was."""
        self._save_everything()
        self.unsaved_warnings += self.saving.finish_now()
        self.exit(return_code=1)

    @on(requests.ResetProgress)
    def reset_progress(self, request: requests.ResetProgress) -> None:
        lesson = request.lesson
        self.change_progress(lambda progress: progress.reset(None if lesson is None else lesson.id))
        what = "All progress" if lesson is None else f"Lesson {lesson.order}"
        self.notify(f"{what} reset.", timeout=3, markup=False)
        self.refresh_lesson_list()

    def full_lesson(self, header: LessonHeader) -> Lesson | None:
        """The whole lesson behind a list entry, loaded and checked on first opening.

        A file that has become broken since the list was read says why, and the list shows it
        as broken from then on.
        """
        found = self.shelf.open(header)
        if isinstance(found, BrokenLesson):
            self._cannot_open(found)
            return None
        return found

    def _locked(self, header: LessonHeader) -> bool:
        return bool(self.listing().not_yet_passed(header))

    def _say_locked(self, header: LessonHeader) -> None:
        from .screens.lesson_list import and_list

        self.notify(
            f"Lesson {header.order} opens once you have passed "
            f"{and_list(self.listing().not_yet_passed(header))}.",
            title="Not yet",
            markup=False,
            timeout=6,
        )

    def _cannot_open(self, broken: BrokenLesson) -> None:
        self.notify(
            escaped(broken.message),
            title="This lesson cannot be opened",
            severity="error",
            markup=False,
            timeout=12,
        )

    # -- navigation -------------------------------------------------------------------------

    @on(requests.ShowLessonList)
    def show_lesson_list(self) -> None:
        """Back to the list, with the lesson the learner comes from highlighted: close what is
        above the list, or make it if this is its first showing."""
        left = getattr(self.screen, "lesson", None)
        left_id = None if left is None else left.id
        if self._list_screen is None:  # it takes the place of the lesson the tutor started in
            self._clear_to_base()
            self.switch_screen(self._new_list_screen(left_id))
            return
        if left_id is not None:
            self._list_screen.highlight_lesson(left_id)
        while self.screen is not self._list_screen:
            self.pop_screen()

    def _new_list_screen(self, highlight: str | None = None) -> LessonListScreen:
        from .screens.lesson_list import LessonListScreen

        self._list_screen = LessonListScreen(highlight)
        return self._list_screen

    def _replace_top(self, screen: Screen[None]) -> None:
        """Show `screen` in place of the lesson, quiz or results screen showing now."""
        if self._list_screen is not None:
            self.show_lesson_list()
            self.push_screen(screen)
        else:
            self._clear_to_base()
            self.switch_screen(screen)

    def _clear_to_base(self) -> None:
        while len(self.screen_stack) > 1:
            self.pop_screen()

    @on(requests.OpenLesson)
    def open_lesson(self, request: requests.OpenLesson) -> None:
        from .screens.lesson import LessonScreen

        self._replace_top(LessonScreen(request.lesson, request.page, request.step))

    @on(requests.ResumeLesson)
    def resume_requested(self, request: requests.ResumeLesson) -> None:
        self.resume_lesson(request.header)

    def resume_lesson(self, header: LessonHeader) -> None:
        """Open a lesson where the learner left it, once the lessons it requires are passed."""
        if self._locked(header):
            self._say_locked(header)
            return
        lesson = self.full_lesson(header)
        if lesson is None:
            self.refresh_lesson_list()
            return
        self._replace_top(self._resumed(lesson))

    def _resumed(self, lesson: Lesson) -> Screen[None]:
        """Where the learner left the lesson: its quiz, or its page and step."""
        from .screens.lesson import LessonScreen

        entry = self.store.progress.lessons.get(lesson.id, LessonProgress())
        if entry.in_quiz:
            from .screens.quiz import QuizScreen

            return QuizScreen(lesson, self._quiz_run(lesson))
        return LessonScreen(lesson, entry.page, entry.step)

    def refresh_lesson_list(self) -> None:
        if self._list_screen is not None:
            self._list_screen.refresh_list()

    @on(requests.OpenNextLesson)
    def open_next_lesson(self, request: requests.OpenNextLesson) -> None:
        following = self.shelf.after(request.lesson.order)
        if following is not None:
            self.resume_lesson(following)
        else:
            self.show_lesson_list()
            self.notify("That was the last lesson.", timeout=4)

    @on(requests.OpenQuiz)
    def open_quiz(self, request: requests.OpenQuiz) -> None:
        from .screens.quiz import QuizScreen

        self._replace_top(QuizScreen(request.lesson, self._quiz_run(request.lesson)))

    def _quiz_run(self, lesson: Lesson) -> QuizRun:
        entry = self.store.progress.lessons.get(lesson.id, LessonProgress())
        return self._attempts.run_for(lesson, entry)

    @on(requests.FinishQuiz)
    def finish_quiz(self, request: requests.FinishQuiz) -> None:
        from ..quiz.record import attempt_record
        from .screens.results import ResultsScreen

        lesson, run = request.lesson, request.run
        self._attempts.finished(lesson)
        record = attempt_record(run)
        self.change_progress(lambda progress: progress.record_quiz(lesson.id, record))
        self._replace_top(ResultsScreen(lesson, run))

    @on(requests.OpenCalculator)
    def open_calculator(self) -> None:
        from .screens.calculator import CalculatorScreen

        self.push_screen(CalculatorScreen())

    def action_help(self) -> None:
        from .screens.help import HelpScreen

        if isinstance(self.screen, HelpScreen):
            self.pop_screen()
        else:
            self.push_screen(HelpScreen())

    def action_redraw(self) -> None:
        """Paint every character of the screen again, as Ctrl+L does in less, vim and bash:
        for a screen garbled by line noise over SSH."""
        for screen in self.screen_stack:
            for widget in screen.walk_children(with_self=True):
                widget.refresh()

    async def action_quit(self) -> None:
        """Save where the learner is, then leave."""
        self.run_worker(self._leave(), name="quit", group="leave", exclusive=True)

    def _save_everything(self) -> None:
        """Where the learner is on every screen, as changes to save."""
        for screen in self.screen_stack:
            request = screen.position() if isinstance(screen, TutorScreen) else None
            if request is not None:
                self.save(request)

    def action_command_palette(self) -> None:
        """Textual's palette, guarded against paging too early, and only one open at a time
        (from under the help screen, Textual's own would open a second and fail)."""
        if not any(isinstance(screen, CommandPalette) for screen in self.screen_stack):
            from .textual_gaps import GuardedCommandPalette

            self.push_screen(GuardedCommandPalette(id="--command-palette"))

    def get_system_commands(self, screen: Screen[object]) -> Iterable[SystemCommand]:
        yield SystemCommand(
            "Parameter calculator", "Count any layer's parameters three ways", self.open_calculator
        )
        yield SystemCommand("Help: keys", "Every key of every screen", self.action_help)
        for lesson in self.lessons:
            if isinstance(lesson, LessonHeader):  # the palette reads its texts as markup
                title = f"Lesson {lesson.order}: {lesson.title}"
                yield SystemCommand(
                    escape_markup(escaped(title)),
                    escape_markup(escaped(lesson.summary)),
                    lambda lesson=lesson: self.resume_lesson(lesson),
                )
        yield SystemCommand("Quit", "Save and leave", self.action_quit)
