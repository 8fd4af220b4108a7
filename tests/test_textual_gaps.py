"""Textual's private names and bugs the tutor and its tests depend on (tutor/ui/textual_gaps.py,
tests/textual_internals.py): each name must still exist, and each bug is reproduced here so a
Textual release that fixes one says which work-around can go."""

from __future__ import annotations

import pytest
from textual import events
from textual._compositor import Compositor
from textual._xterm_parser import XTermParser
from textual.app import App, ComposeResult
from textual.command import CommandList, CommandPalette
from textual.css.query import NoMatches
from textual.geometry import Region
from textual.message_pump import MessagePump
from textual.screen import Screen
from textual.timer import Timer
from textual.widgets import OptionList, Static

from tests.textual_internals import PRIVATE_NAMES
from tutor.ui.textual_gaps import (
    PASTE_END,
    PASTE_START,
    GuardedCommandPalette,
    GuardedOptionList,
    LayoutSafeCompositor,
    PasteGuardedParser,
)

FIXED = "Textual fixed gap {}: remove its work-around from tutor/ui/textual_gaps.py"


class FirstScreenApp(App[None]):
    def get_default_screen(self) -> Screen[None]:
        return Screen()


class OptionsApp(App[None]):
    def __init__(self, options: type[OptionList] = OptionList) -> None:
        super().__init__()
        self.options = options

    def compose(self) -> ComposeResult:
        yield self.options()


def test_the_private_names_the_tutor_calls_still_exist() -> None:
    assert callable(Screen._push_result_callback)
    assert callable(OptionList._move_page)
    assert callable(CommandPalette._action_command_list)
    assert callable(CommandPalette._watch__list_visible)
    from textual._widget_navigation import Direction  # noqa: F401  (textual_gaps imports it)
    from textual.drivers import linux_driver

    assert linux_driver.XTermParser in (XTermParser, PasteGuardedParser), (
        "the driver no longer makes its parser by this name: gap 5's guard does nothing"
    )
    from textual import screen

    assert screen.Compositor in (Compositor, LayoutSafeCompositor), (
        "screens no longer make their compositor by this name: gap 6's guard does nothing"
    )
    fresh = Compositor()
    assert isinstance(fresh._full_map, dict) and fresh._full_map_invalidated
    assert fresh._visible_map is None


async def test_the_private_names_the_tests_read_still_exist() -> None:
    classes = {"Screen": Screen, "App": App, "MessagePump": MessagePump, "Timer": Timer}
    app = OptionsApp()
    async with app.run_test() as pilot:
        timer = app.set_timer(60, lambda: None)
        instances = {"Screen": app.screen, "App": app, "MessagePump": app, "Timer": timer}
        for class_name, names in PRIVATE_NAMES.items():
            for name in names:
                assert hasattr(instances[class_name], name), f"{class_name}.{name} is gone"
            assert isinstance(instances[class_name], classes[class_name])
        assert hasattr(app.query_one(OptionList), "_index_to_line"), "OptionList._index_to_line"
        timer.stop()
        await pilot.pause()


async def test_gap_1_switching_away_from_the_first_screen_still_fails() -> None:
    app = FirstScreenApp()
    async with app.run_test():
        with pytest.raises(IndexError):
            app.switch_screen(Screen())
            pytest.fail(FIXED.format(1))


def page_down_before_layout(options: OptionList) -> None:
    options.add_options([f"option {n}" for n in range(30)])
    options.highlighted = 5
    options.action_page_down()


async def test_gap_2_paging_options_before_their_layout_still_fails() -> None:
    app = OptionsApp()
    async with app.run_test():
        with pytest.raises(KeyError):
            page_down_before_layout(app.query_one(OptionList))
            pytest.fail(FIXED.format(2))


async def test_the_guarded_option_list_ignores_a_page_key_that_comes_too_early() -> None:
    app = OptionsApp(GuardedOptionList)
    async with app.run_test() as pilot:
        options = app.query_one(OptionList)
        page_down_before_layout(options)
        assert options.highlighted == 5
        await pilot.pause()
        options.action_page_down()
        assert options.highlighted is not None and options.highlighted > 5


async def screen_left_after_dismissing_twice(palette: CommandPalette) -> bool:
    """Whether the screen under the palette is still there after two dismissals."""
    app = App[None]()
    async with app.run_test() as pilot:
        underneath = Screen[None]()
        await app.push_screen(underneath)
        await app.push_screen(palette)
        palette.dismiss()
        await pilot.pause()
        palette.dismiss()
        await pilot.pause()
        return underneath in app.screen_stack


async def test_gap_3_a_second_dismiss_still_closes_the_screen_underneath() -> None:
    assert not await screen_left_after_dismissing_twice(CommandPalette()), FIXED.format(3)


async def test_the_guarded_palette_closes_only_itself() -> None:
    assert await screen_left_after_dismissing_twice(GuardedCommandPalette())


async def list_shown_after_the_list_is_gone(palette: CommandPalette) -> None:
    """What the palette's search worker does last, after the palette lost its list."""
    app = App[None]()
    async with app.run_test() as pilot:
        await app.push_screen(palette)
        await pilot.pause()
        await palette.query_one(CommandList).remove()
        palette._list_visible = not palette._list_visible


async def test_gap_4_a_search_ending_after_the_list_is_gone_still_fails() -> None:
    try:
        await list_shown_after_the_list_is_gone(CommandPalette())
    except NoMatches:
        return
    pytest.fail(FIXED.format(4))


async def test_the_guarded_palette_ignores_a_search_ending_after_its_list() -> None:
    await list_shown_after_the_list_is_gone(GuardedCommandPalette())


def parsed(parser: XTermParser, data: str) -> list[object]:
    """What a parser makes of `data`, as Textual's input thread reads it."""
    return [*parser.feed(data), *parser.tick()]


def test_gap_5_an_esc_inside_a_paste_still_presses_keys() -> None:
    tokens = parsed(XTermParser(), PASTE_START + "see \x1b[1mRy" + PASTE_END)
    keys = [token.key for token in tokens if isinstance(token, events.Key)]
    if "R" not in keys:
        pytest.fail(FIXED.format(5))


def test_the_guarded_parser_makes_a_paste_text_and_nothing_else() -> None:
    tokens = parsed(PasteGuardedParser(), PASTE_START + "see \x1b[1mRy" + PASTE_END + "l")
    assert [type(token) for token in tokens] == [events.Paste, events.Key]
    assert isinstance(tokens[0], events.Paste) and tokens[0].text == "see [1mRy"
    assert isinstance(tokens[1], events.Key) and tokens[1].key == "l", "keys after it still work"


class ShowAbove(App[None]):
    """A hidden line above a tall one: showing it moves the tall one down."""

    def compose(self) -> ComposeResult:
        yield Static("note", id="above")
        yield Static("\n".join(f"row {n}" for n in range(10)), id="below")

    def on_mount(self) -> None:
        self.query_one("#above").display = False


async def reflow_after_a_lazy_read(compositor: Compositor) -> tuple[bool, set[Region]]:
    """Show the hidden line, let a read of its place rebuild the full map lazily (what
    scrolling a widget does after Textual has marked the map stale), then reflow: whether the
    reflow saw the line shown, and the regions it marked to repaint."""
    app = ShowAbove()
    async with app.run_test() as pilot:
        await pilot.pause()
        screen = app.screen
        screen._compositor = compositor
        compositor.reflow(screen, screen.size)
        above = app.query_one("#above")
        above.display = True
        compositor._full_map_invalidated = True  # as a refresh of a widget out of view does
        screen.find_widget(above)
        compositor._dirty_regions.clear()
        shown = above in compositor.reflow(screen, screen.size).shown
        return shown, set(compositor._dirty_regions)


async def test_gap_6_a_lazy_rebuild_of_the_map_still_hides_a_layout_change() -> None:
    shown, repaint = await reflow_after_a_lazy_read(Compositor())
    if shown or repaint:
        pytest.fail(FIXED.format(6))


async def test_the_guarded_compositor_repaints_what_a_layout_change_moved() -> None:
    shown, repaint = await reflow_after_a_lazy_read(LayoutSafeCompositor())
    assert shown
    assert any(region.y == 0 for region in repaint), "the line shown is painted"
    assert any(region.y == 1 and region.height >= 10 for region in repaint), "and what it moved"
