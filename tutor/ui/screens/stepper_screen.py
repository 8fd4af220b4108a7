"""A scene on its own, outside any lesson: the calculator opens small layers here."""

from __future__ import annotations

from textual.app import ComposeResult
from textual.binding import Binding
from textual.containers import VerticalScroll
from textual.widgets import Static

from ...lessons.model import Scene
from ..widgets.key_footer import KeyFooter
from .scene_screen import SceneScreen


class StepperScreen(SceneScreen):
    BINDINGS = [
        *SceneScreen.BINDINGS,
        Binding("b,escape", "leave", "Back", key_display="b"),
    ]

    def __init__(self, scene: Scene, title: str) -> None:
        super().__init__()
        self.scene = scene
        self.title_text = title

    def compose(self) -> ComposeResult:
        yield Static(self.title_text, id="title-bar")
        yield VerticalScroll(id="scene-area", can_focus=False)
        yield KeyFooter()

    async def on_mount(self) -> None:
        view = self.make_scene_view(self.scene.stepper(), self.scene.panels)
        await self.query_one("#scene-area", VerticalScroll).mount(view)
        self.redraw()

    def action_leave(self) -> None:
        self.stop_playing()
        if self.is_current:  # a second key of a burst can arrive after the first closed it
            self.app.pop_screen()
