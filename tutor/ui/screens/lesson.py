"""A lesson: its pages one at a time, narration above and the page's scene, neuron map or
counts below."""

from __future__ import annotations

from rich.text import Text
from textual import on
from textual.app import ComposeResult
from textual.binding import Binding
from textual.containers import VerticalScroll
from textual.widgets import Input, Static

from ...engine import NeuronWalk, Stepper, count_parameters
from ...engine.walk import WalkCursor
from ...engine.words import neuron_place
from ...lessons.model import CountPrediction, Lesson, Page, Prediction
from ...lessons.placeholders import fill
from ...quiz.prediction import (
    judge_count,
    judge_prediction,
    prediction_record,
    read_prediction,
)
from ..fitting import first_that_fits
from ..literal import literal
from ..narration import narration_text
from ..page_keys import page_keys
from ..requests import OpenQuiz, RecordPrediction, SavePosition, ShowLessonList
from ..scene.canvas import SceneCanvas
from ..scene.map_canvas import MapCanvas
from ..widgets.counts_table import CountsTable
from ..widgets.key_footer import KeyFooter
from ..widgets.prediction_box import PredictionBox
from .scene_screen import SCENE_ACTIONS, VALUE_ACTIONS, SceneScreen

FOLDED_NOTE = "▸ The text is folded to make room for the scene: v shows it again."


class LessonScreen(SceneScreen):
    """Pages of one lesson; the last page leads to the quiz. Position is saved on every page.

    On a small terminal a scene can be taller than the room left under the narration. Then the
    first step folds the narration away (the learner has just read it) so the arithmetic comes
    into view, and so does any later key that makes the scene taller (tracing a weight adds
    its note); v unfolds it for good, and a new page starts unfolded.
    """

    BINDINGS = [
        *SceneScreen.BINDINGS,
        # priority: these keys work while the prediction box has the focus, too
        Binding("n,pagedown", "page(1)", "Next", key_display="n", priority=True),
        Binding("b,pageup", "page(-1)", "Prev", key_display="b", priority=True),
        Binding("v", "toggle_text", "Text", priority=True),
        Binding("m,escape", "leave", "Lessons", key_display="m", priority=True),
        Binding("r", "reveal", "Show", priority=True),
        Binding("right_square_bracket", "scroll_text(1)", "Scroll text", show=False),
        Binding("left_square_bracket", "scroll_text(-1)", "Scroll text up", show=False),
    ]

    def __init__(self, lesson: Lesson, page: int = 0, step: int = 0) -> None:
        super().__init__()
        self.lesson = lesson
        self.page_index = min(page, len(lesson.pages) - 1)
        self._resume_step = step
        self._may_fold = True
        """Until the learner folds or unfolds the text by hand."""
        self._stepped = False
        """Whether the learner has moved on this page: the page is shown whole until then."""
        self._predict_at: int | None = None
        """The step of the neuron this page asks the learner to predict, until they have."""
        self._box = PredictionBox(id="prediction")

    def compose(self) -> ComposeResult:
        """The first page is composed whole, so the screen's first paint already shows it."""
        page = self.lesson.pages[self.page_index]
        yield Static(self._title(), id="title-bar")
        with VerticalScroll(id="narration", can_focus=False):
            yield Static(self._narration(page), id="narration-text")
        yield Static(FOLDED_NOTE, id="folded-note")
        with VerticalScroll(id="scene-area", can_focus=False):
            view = self._page_view(page, self._resume_step)
            if view is not None:
                yield view
        yield self._box
        yield KeyFooter()

    def on_mount(self) -> None:
        self._page_shown(self.lesson.pages[self.page_index])
        self.watch(self.query_one("#narration"), "scroll_y", self._say_page_keys, init=False)

    def on_resize(self) -> None:
        self.query_one("#title-bar", Static).update(self._title())
        self.call_after_refresh(self._say_page_keys)

    def _say_page_keys(self) -> None:
        """Name this page's own keys on the rule under the text (or under the folded note),
        with a mark while the text continues below what is shown."""
        if not self.is_attached:
            return
        narration = self.query_one("#narration", VerticalScroll)
        more = narration.display and narration.scroll_y < narration.max_scroll_y
        scrolls = isinstance(self.view, SceneCanvas) and self.view.crowded
        keys = page_keys(self.lesson.pages[self.page_index], more, scrolls)
        narration.border_subtitle = keys
        self.query_one("#folded-note", Static).border_subtitle = keys

    async def show_page(self, index: int, step: int = 0) -> None:
        """Display page `index`, resuming its scene at `step`."""
        self.page_index = index
        page = self.lesson.pages[index]
        self.query_one("#title-bar", Static).update(self._title())
        self.query_one("#narration-text", Static).update(self._narration(page))
        self.query_one("#narration", VerticalScroll).scroll_home(animate=False)
        area = self.query_one("#scene-area", VerticalScroll)
        await area.remove_children()
        view = self._page_view(page, step)
        if view is not None:
            await area.mount(view)
        self._page_shown(page)

    def _title(self) -> Text:
        """The lesson, the page and its title; on a narrow screen without the lesson's title
        first, then the page's cut at a word."""
        page, pages = self.lesson.pages[self.page_index], len(self.lesson.pages)
        where = f"page {self.page_index + 1} of {pages}"
        named = f": {page.title}" if page.title else ""
        lesson = f"Lesson {self.lesson.order}"
        forms = [f"{lesson} · {self.lesson.title} · {where}{named}", f"{lesson} · {where}{named}"]
        return first_that_fits([literal(form) for form in forms], self.app.size.width - 2)

    @staticmethod
    def _narration(page: Page) -> Text:
        return narration_text(fill(page.narration, page.layer))

    def _page_view(self, page: Page, step: int) -> SceneCanvas | MapCanvas | CountsTable | None:
        """The widget under the narration: the page's scene or map at `step`, its counts, or
        none."""
        if page.scene is not None:
            stepper = page.scene.stepper()
            stepper.go_to(min(step, stepper.count - 1))
            return self.make_scene_view(stepper, page.scene.panels)
        if page.map is not None:
            cursor = WalkCursor(NeuronWalk(page.map.layer, page.map.mode))  # type: ignore[arg-type]
            cursor.go_to(min(step, cursor.count - 1))
            return self.make_map_view(cursor)
        self.drop_scene()
        if page.counts is not None:
            return CountsTable(count_parameters(page.counts), id="page-counts")
        return None

    def _page_shown(self, page: Page) -> None:
        """A new page starts unfolded, draws its scene and is where the learner now is. A
        prediction is asked while the kernel has not passed its neuron."""
        self.fold_text(False)
        self._may_fold, self._stepped = True, False
        self.set_class(page.scene is None, "-counts-page")
        self._predict_at = None
        at = self._asked_step(page.predict)
        if at is not None and self.stepper is not None:
            self._predict_at = at if self.stepper.position <= at else None
        self._box.close()
        self.redraw()
        self._ask_if_there()
        self.refresh_bindings()
        self.save_position()
        self.call_after_refresh(self._say_page_keys)

    def moved(self) -> None:
        self._stepped = True
        if self._predict_at is None and self._box.display:
            self._box.close()  # the verdict stays until the next move
        super().moved()
        self._ask_if_there()

    # -- predictions ------------------------------------------------------------------------

    def _asked_step(self, predict: Prediction | CountPrediction | None) -> int | None:
        """The step a page's prediction is asked at: its neuron's, or the count's."""
        if isinstance(predict, CountPrediction):
            return predict.at
        if predict is not None and isinstance(self.stepper, Stepper):
            return self.stepper.index_of(*predict.neuron)
        return None

    def check_action(self, action: str, parameters: tuple[object, ...]) -> bool | None:
        """While a prediction is asked the box has the keys: the footer shows r, not stepping
        (a click on another neuron is answered by allowed_move)."""
        if action == "reveal":
            return self._asking()
        if self._asking() and (
            action in SCENE_ACTIONS or action in VALUE_ACTIONS or action == "switch_scheme"
        ):
            return False
        return super().check_action(action, parameters)

    def _asking(self) -> bool:
        """Whether the pass is at the step this page asks about, not yet answered."""
        return (
            self._predict_at is not None
            and self.stepper is not None
            and (self.stepper.position == self._predict_at)
        )

    def hides_neuron(self) -> bool:
        predict = self.lesson.pages[self.page_index].predict
        return self._asking() and isinstance(predict, Prediction)

    def hides_counts(self) -> bool:
        predict = self.lesson.pages[self.page_index].predict
        return self._asking() and isinstance(predict, CountPrediction)

    def allowed_move(self, target: int) -> int | None:
        """A move waits while a prediction is asked, and one past the neuron stops at it."""
        at, stepper = self._predict_at, self.stepper
        if at is None or stepper is None:
            return target
        if stepper.position == at:
            self.stop_playing()
            self._box.say("Type your prediction and press Enter, or press r to just see it.")
            return None
        return at if stepper.position < at <= target else target

    def _ask_if_there(self) -> None:
        """At the step to predict: stop, withhold the neuron or the counts, and ask (once per
        arrival)."""
        predict, box = self.lesson.pages[self.page_index].predict, self._box
        if not self._asking() or predict is None or box.display or self.stepper is None:
            return
        self.stop_playing()
        if isinstance(predict, CountPrediction):
            lead = f"Predict the {predict.kind} needed by step {predict.at + 1:,}"
        else:
            place = neuron_place(predict.neuron, self.stepper.layer.filters > 1)
            lead = f"Predict the neuron at {place}"
        box.ask(lead, predict.prompt)
        self.refresh_bindings()

    @on(Input.Submitted, "#prediction-answer")
    def _predicted(self, event: Input.Submitted) -> None:
        """Judge the number typed against the engine's; a text that is no number is said
        and the box stays open."""
        event.stop()
        predict, stepper = self.lesson.pages[self.page_index].predict, self.stepper
        if not self._asking() or predict is None or stepper is None:
            return
        read = read_prediction(event.value)
        if read.value is None:
            self._box.say(read.problem)
            return
        neuron = stepper.cell_of(stepper.position)
        if isinstance(predict, CountPrediction):
            verdict = judge_count(stepper.walk, predict.kind, predict.at, read.value)
        elif isinstance(stepper, Stepper):
            verdict = judge_prediction(stepper.current, read.value)
        else:
            return
        self._reveal(("✓ " if verdict.correct else "✗ ") + verdict.message)
        self.post_message(
            RecordPrediction(
                self.lesson, prediction_record(self.page_index, neuron, event.value, verdict)
            )
        )

    def action_reveal(self) -> None:
        """Show what was asked without a prediction (nothing is recorded)."""
        if self._asking():
            self._reveal("Shown without a prediction. Step on when you are ready.")

    def _reveal(self, said: str) -> None:
        self._predict_at = None
        self._box.say(said, final=True)
        self.set_focus(None)
        self.redraw()
        self.refresh_bindings()

    def redraw(self) -> None:
        super().redraw()
        if self._may_fold and self._wants_scene() and not self.text_folded:
            self.call_after_refresh(self._fold_if_crowded)

    def _wants_scene(self) -> bool:
        """Whether the scene comes before the text: the learner has stepped, or is asked for a
        prediction past the first step (they stepped there before: the page resumed there).
        A prediction of the very first neuron leaves the text to be read first."""
        return self._stepped or (
            self._asking() and self.stepper is not None and self.stepper.position > 0
        )

    def on_line_canvas_resized(self) -> None:
        """The scene lost rows (the prediction box opened, the terminal shrank): fold the
        text if the scene no longer fits, as after a step."""
        if self._may_fold and self._wants_scene() and not self.text_folded:
            self._fold_if_crowded()
        self.call_after_refresh(self._say_page_keys)

    def _fold_if_crowded(self) -> None:
        """Fold the narration when the scene does not fit under it."""
        if not self.is_attached:  # the learner left the lesson before this ran
            return
        if self._may_fold and self.view is not None and self.view.crowded:
            self.fold_text(True)

    def fold_text(self, folded: bool) -> None:
        if folded == self.text_folded:
            return  # already so: setting display again would lay the screen out again
        self.query_one("#narration", VerticalScroll).display = not folded
        self.query_one("#folded-note", Static).display = folded
        self.call_after_refresh(self._say_page_keys)

    @property
    def text_folded(self) -> bool:
        return not self.query_one("#narration", VerticalScroll).display

    def position(self) -> SavePosition:
        step = 0 if self.stepper is None else self.stepper.position
        return SavePosition(self.lesson, self.page_index, step)

    async def action_page(self, delta: int) -> None:
        target = self.page_index + delta
        if target >= len(self.lesson.pages):
            self.stop_playing()
            self.post_message(OpenQuiz(self.lesson))
        elif target < 0:
            self.app.bell()
        else:
            await self.show_page(target)

    def action_leave(self) -> None:
        self.stop_playing()
        self.save_position()
        self.post_message(ShowLessonList())

    def action_toggle_text(self) -> None:
        """Fold the narration to give a small terminal's rows to the scene, or unfold it."""
        self._may_fold = False
        self.fold_text(not self.text_folded)

    def action_scroll_text(self, direction: int) -> None:
        self.fold_text(False)
        narration = self.query_one("#narration", VerticalScroll)
        narration.scroll_relative(y=direction * 3, animate=False)

    def on_screen_suspend(self) -> None:
        self.stop_playing()
        self.save_position()
