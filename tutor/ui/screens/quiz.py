"""The quiz at the end of a lesson: one question at a time, hints on request, feedback at once."""

from __future__ import annotations

from rich.console import Group, RenderableType
from rich.padding import Padding
from rich.text import Text
from textual import on
from textual.app import ComposeResult
from textual.binding import Binding
from textual.containers import VerticalScroll
from textual.widgets import Input, OptionList, Static
from textual.widgets.option_list import Option

from ...quiz.digits import SEPARATORS, TYPED_DIGITS
from ...quiz.grading import Feedback
from ..literal import literal
from ..requests import FinishQuiz, OpenLesson, SaveQuiz, ShowLessonList
from ..textual_gaps import GuardedOptionList
from ..widgets.character_input import CharacterInput
from ..widgets.key_footer import KeyFooter
from .tutor_screen import QuizRunScreen

ANSWER_CHARACTERS = rf"{TYPED_DIGITS},._ eE+\-{SEPARATORS}"
"""What the answer box accepts (digits of any script); letters stay free to be keys (h for a
hint, b, q)."""


def feedback_text(feedback: Feedback) -> Group:
    """The verdict, the slip if one was recognised, and the working indented beneath."""
    parts: list[RenderableType] = [
        literal(("✓ " if feedback.correct else "✗ ") + feedback.headline, "bold")
    ]
    if feedback.slip:
        parts.append(literal(feedback.slip, "italic"))
    if feedback.breakdown:
        parts.append(Padding(Text("\n".join(feedback.breakdown)), (0, 0, 0, 2)))
    parts.append(Text("Press Enter to go on.", style="dim"))
    return Group(*parts)


class QuizScreen(QuizRunScreen):
    """Holds one QuizRun; renders its current question and feedback."""

    BINDINGS = [
        Binding("enter", "submit", "Answer / next", key_display="⏎"),
        Binding("h,f2", "hint", "Hint", priority=True),
        Binding("b", "back_to_lesson", "Back to lesson", priority=True),
        Binding("m", "leave", "Lessons", priority=True),
        *(Binding(str(n), f"choose({n})", f"Choice {n}", show=False) for n in range(1, 7)),
    ]

    def compose(self) -> ComposeResult:
        yield Static(
            literal(f"Quiz · Lesson {self.lesson.order}: {self.lesson.title}"), id="title-bar"
        )
        with VerticalScroll(id="quiz-body"):
            yield Static(id="question-number")
            yield Static(id="prompt")
            yield Static(id="hints")
            yield CharacterInput(
                placeholder="type a whole number, then Enter",
                characters=ANSWER_CHARACTERS,
                max_length=40,
                id="answer",
            )
            yield GuardedOptionList(id="choices")
            yield Static(id="problem")
            yield Static(id="feedback")
        yield KeyFooter()

    def on_mount(self) -> None:
        self.show_question()
        self.save_position()  # the learner is in the quiz: a restart comes back here

    def show_question(self) -> None:
        run, asked = self.run, self.run.current
        self.query_one("#question-number", Static).update(
            f"Question {run.index + 1} of {len(run.asked)}"
        )
        self.query_one("#prompt", Static).update(literal(asked.prompt, "bold"))
        self._show_hints()
        answer = self.query_one("#answer", Input)
        choices = self.query_one("#choices", OptionList)
        answer.display = not asked.is_choice
        choices.display = asked.is_choice
        answer.value = ""
        answer.disabled = False
        if asked.is_choice:
            choices.clear_options()
            choices.add_options(
                [
                    Option(literal(f"{n}. {choice}"), id=str(n - 1))
                    for n, choice in enumerate(asked.choices, start=1)
                ]
            )
            choices.disabled = False
            choices.highlighted = 0
            choices.focus()
        else:
            answer.focus()
        self.query_one("#problem", Static).update("")
        self.query_one("#feedback", Static).update("")
        feedback = run.feedback[run.index]
        if feedback is not None:  # back from the lesson pages to a question already answered
            self._show_feedback(feedback)

    def _show_hints(self) -> None:
        hints = self.run.visible_hints()
        left = len(self.run.current.hints) - len(hints)
        text = Text()
        for n, hint in enumerate(hints, start=1):
            text.append_text(literal(f"Hint {n}: {hint}\n", "italic"))
        if left and not self.run.answered:
            text.append(f"({left} hint{'s' * (left != 1)} available: press h)", style="dim")
        self.query_one("#hints", Static).update(text)

    def action_hint(self) -> None:
        if self.run.answered:
            self.app.bell()
        elif self.run.next_hint() is None:
            self.app.bell()
            self.notify("There are no more hints for this question.", timeout=3)
        else:
            self.save_position()
        self._show_hints()

    def action_submit(self) -> None:
        if self.run.answered:
            self.advance()
        elif self.run.current.is_choice:
            highlighted = self.query_one("#choices", OptionList).highlighted
            if highlighted is not None:
                self.answer(highlighted)
        else:
            self.answer(self.query_one("#answer", Input).value)

    @on(Input.Submitted, "#answer")
    def answer_typed(self, event: Input.Submitted) -> None:
        event.stop()
        self.action_submit()

    @on(OptionList.OptionSelected, "#choices")
    def choice_selected(self, event: OptionList.OptionSelected) -> None:
        event.stop()
        if self.run.answered:
            self.advance()
        else:
            self.answer(event.option_index)

    def action_choose(self, number: int) -> None:
        """Highlight choice `number`; Enter then answers with it, as help says."""
        if self.run.current.is_choice and not self.run.answered:
            if number <= len(self.run.current.choices):
                self.query_one("#choices", OptionList).highlighted = number - 1
            else:
                self.app.bell()

    def answer(self, reply: str | int) -> None:
        feedback = self.run.answer(reply)
        problem = self.query_one("#problem", Static)
        if feedback.problem:
            problem.update(Text(feedback.problem, style="bold"))
            return
        problem.update("")
        self._show_feedback(feedback)
        self.save_position()

    def _show_feedback(self, feedback: Feedback) -> None:
        self.query_one("#feedback", Static).update(feedback_text(feedback))
        self.query_one("#answer", Input).disabled = True
        self.query_one("#choices", OptionList).disabled = True
        self._show_hints()
        self.query_one("#quiz-body", VerticalScroll).scroll_end(animate=False)

    def advance(self) -> None:
        if self.run.advance():
            self.show_question()
            self.save_position()
        else:
            self.post_message(FinishQuiz(self.lesson, self.run))

    def position(self) -> SaveQuiz | None:
        """The attempt as it is: answers, hints and the question reached."""
        return None if self.run.finished else SaveQuiz(self.lesson, self.run)

    def action_back_to_lesson(self) -> None:
        self.post_message(OpenLesson(self.lesson, page=len(self.lesson.pages) - 1))

    def action_leave(self) -> None:
        self.post_message(ShowLessonList())
