"""The scene's layout without a terminal: a pure function of a frame and a width.

Grid rows, the stage of columns, the tracer's stars and the wrapped texts are checked on their
own; the shipped lessons' scenes are checked at every step for what must never move.
"""

from __future__ import annotations

import io
import re

import numpy as np
import pytest
from rich.console import Console
from rich.text import Text

from tests.test_screen_truth import shipped_lessons
from tutor.engine import ConvLayer, Stepper, conv2d
from tutor.lessons.model import Scene
from tutor.ui.scene.frame import PADDING, PENDING, SceneFacts, scene_facts, scene_frame
from tutor.ui.scene.grids import Grid, grid_row
from tutor.ui.scene.layout import SceneLayout, scene_layout, with_star_columns
from tutor.ui.scene.lines import BOXED, DIMMED, STARRED, Run, line_width, plain
from tutor.ui.scene.stage import GAP
from tutor.ui.scene.texts import counter_text, status_text, text_lines, trace_note

CONSOLE = Console(width=80, file=io.StringIO(), force_terminal=True, color_system=None)
WIDTH = 77
"""The width a scene has at 80 x 24."""
SCENES: list[tuple[str, Scene]] = [
    (f"{lesson.id}-page{n + 1}", page.scene)
    for lesson in shipped_lessons()
    for n, page in enumerate(lesson.pages)
    if page.scene is not None
]


def layout_at(
    stepper: Stepper, facts: SceneFacts, position: int, traced: tuple[int, int] | None = None
) -> SceneLayout:
    stepper.go_to(position)
    return scene_layout(scene_frame(facts, stepper, traced, False, 2.0), WIDTH, CONSOLE)


def grid_lines(layout: SceneLayout, panel: str) -> list[str]:
    """The text a grid shows, cut from the scene's lines where the grid is placed."""
    place = layout.place(panel)
    return [
        plain(layout.lines[place.y + row]).ljust(place.x + place.grid.width)[place.x :][
            : place.grid.width
        ]
        for row in range(place.grid.shape[0])
    ]


# -- grid rows -------------------------------------------------------------------------------


def test_a_grid_row_brackets_the_box_and_joins_equal_marks() -> None:
    row = grid_row(("1", "2", "3", "4"), (DIMMED, BOXED, BOXED, 0), 1)
    assert row == (Run(" "), Run("1", DIMMED), Run("[2 3]", BOXED), Run("4 "))
    padding = grid_row(("·", "·", "5"), (DIMMED, DIMMED, 0), 2)
    assert padding == (Run(" "), Run(" ·  ·", DIMMED), Run("  5 ")), "padding is one faint run"
    assert grid_row(("1", "2"), (BOXED, BOXED), 1) == (Run("[1 2]", BOXED),), "one solid band"


def test_a_star_has_a_column_of_its_own_next_to_its_cell() -> None:
    """The star sits right before its cell, after the separator: never in a bracket's place,
    never touching the cell before it."""
    row = grid_row(("1", "2", "3", "4"), (STARRED, BOXED | STARRED, BOXED, STARRED), 1, True)
    assert plain(row) == " *1[*2  3]*4 "
    inside = grid_row(("1", "2"), (BOXED, BOXED | STARRED), 1, True)
    assert plain(inside) == "[ 1 *2]"
    wide = grid_row(("w13", "w14"), (0, STARRED), 3, True)
    assert plain(wide) == "  w13 *w14 ", "a gap before the star even after a full cell"


def test_a_grid_without_stars_has_no_star_column() -> None:
    assert plain(grid_row(("1", "2"), (0, BOXED), 1)) == " 1[2]"


@pytest.mark.parametrize("cell_width", [1, 2, 4])
def test_a_grid_row_is_exactly_as_wide_as_its_grid(cell_width: int) -> None:
    texts = (("1", "-2", "333"[:cell_width]),) * 2
    marks = ((0, BOXED, STARRED), (DIMMED, 0, BOXED))
    for starred in (False, True):
        grid = Grid(texts, marks, max(cell_width, 2), starred)
        assert all(line_width(line) == grid.width for line in grid.lines())


# -- the layout is a function of the frame ---------------------------------------------------


def test_the_same_moment_lays_out_the_same_lines() -> None:
    scene = dict(SCENES)["sharing-vs-local-page3"]
    first, second = scene.stepper(), scene.stepper()
    facts_first, facts_second = scene_facts(first, scene.panels), scene_facts(second, scene.panels)
    for position in (0, 9, 17):
        one = layout_at(first, facts_first, position, traced=(1, 1))
        other = layout_at(second, facts_second, position, traced=(1, 1))
        assert one.lines == other.lines and one.width == other.width
        assert one.lines is not other.lines


@pytest.mark.parametrize(("name", "scene"), SCENES, ids=[name for name, _ in SCENES])
def test_every_step_keeps_every_grid_and_title_in_its_place(name: str, scene: Scene) -> None:
    """Stepping never moves a grid or a title: a learner's eye stays on the same column."""
    stepper = scene.stepper()
    facts = scene_facts(stepper, scene.panels)
    first = layout_at(stepper, facts, 0)
    where = {place.panel: (place.x, place.y, place.grid.width) for place in first.places}
    titles = _title_columns(first)
    for position in range(stepper.count):
        layout = layout_at(stepper, facts, position)
        for place in layout.places:  # a grouped filter's kernel skips some channels
            seen = where.setdefault(place.panel, (place.x, place.y, place.grid.width))
            assert (place.x, place.y, place.grid.width) == seen, (place.panel, position)
        assert _title_columns(layout) == titles, position
        for place in layout.places:
            widths = {len(text) for text in grid_lines(layout, place.panel)}
            assert widths == {place.grid.width}, (place.panel, position)


def _title_columns(layout: SceneLayout) -> list[int]:
    """Where the titles on the stage's first line start."""
    line = plain(layout.lines[layout.places[0].y - 1])
    return [match.start() for match in re.finditer(r"\S+(?: \S+)*", line)]


@pytest.mark.parametrize(("name", "scene"), SCENES, ids=[name for name, _ in SCENES])
def test_titles_never_run_together(name: str, scene: Scene) -> None:
    stepper = scene.stepper()
    facts = scene_facts(stepper, scene.panels)
    for position in (0, stepper.count // 2, stepper.count - 1):
        layout = layout_at(stepper, facts, position)
        tops = sorted({place.y - 1 for place in layout.places})
        for y in tops:
            line = plain(layout.lines[y])
            starts = sorted(place.x for place in layout.places if place.y == y + 1)
            for start in starts[1:]:
                assert line[start - GAP : start] == " " * GAP, line


def test_pending_outputs_and_padding_are_marked_apart() -> None:
    assert PENDING != PADDING
    scene = dict(SCENES)["stride-padding-page2"]
    stepper = scene.stepper()
    layout = layout_at(stepper, scene_facts(stepper, scene.panels), 1)
    inputs = "".join(grid_lines(layout, "input-0"))
    outputs = "".join(grid_lines(layout, "output-0"))
    assert PADDING in inputs and PENDING not in inputs
    assert PENDING in outputs and PADDING not in outputs


@pytest.mark.parametrize(("name", "scene"), SCENES, ids=[name for name, _ in SCENES])
def test_a_traced_weight_shows_a_star_on_every_input_it_multiplies(name: str, scene: Scene) -> None:
    """As the page tells whose weights they are: a fully connected neuron's are no kernel's."""
    stepper = scene.stepper()
    facts = with_star_columns(scene_facts(stepper, scene.panels), stepper)
    if "input" not in scene.panels:
        return
    kh, kw = scene.layer.kernel
    for position in (0, stepper.count // 2):
        for weight in {(0, 0), (kh // 2, kw // 2), (kh - 1, kw - 1)}:
            layout = layout_at(stepper, facts, position, traced=weight)
            step = stepper.current
            expected = 0
            if facts.owner != "dense":
                reach = stepper.weight_reach(
                    step.filter, *weight, cell=(step.row, step.col), mode=facts.owner
                )
                expected = int(reach.cells.sum())
            for channel in step.channels:
                grid = layout.grid(f"input-{channel}")
                marked = sum(bool(mark & STARRED) for row in grid.marks for mark in row)
                stars = "".join(grid_lines(layout, f"input-{channel}")).count("*")
                assert marked == expected, (channel, position, weight)
                assert stars == (expected if facts.star_columns else 0), "no star between cells"


TOO_WIDE_FOR_STAR_COLUMNS = {
    "many-filters-page1",
    "many-filters-page2",
    "dense-vs-conv-page3",
    "beyond-page3",
}
"""Shipped scenes whose grids would not fit 80 columns with a column for every star."""


@pytest.mark.parametrize(("name", "scene"), SCENES, ids=[name for name, _ in SCENES])
def test_a_star_touches_its_own_cell_and_never_a_neighbour(name: str, scene: Scene) -> None:
    """Where the scene fits with them, each input cell has a column for its star: a star is
    after a space or a bracket and right before its cell's value."""
    stepper = scene.stepper()
    facts = with_star_columns(scene_facts(stepper, scene.panels), stepper)
    assert facts.star_columns == (name not in TOO_WIDE_FOR_STAR_COLUMNS)
    if not facts.star_columns or "input" not in scene.panels:
        return
    kh, kw = scene.layer.kernel
    for position in (0, stepper.count - 1):
        layout = layout_at(stepper, facts, position, traced=(kh // 2, kw // 2))
        assert layout.width <= WIDTH
        for channel in stepper.current.channels:
            grid = layout.grid(f"input-{channel}")
            for line, marks in zip(grid_lines(layout, f"input-{channel}"), grid.marks, strict=True):
                stars = [i for i, char in enumerate(line) if char == "*"]
                assert len(stars) == sum(bool(mark & STARRED) for mark in marks), line
                for i in stars:
                    assert line[i - 1] in " []" and line[i + 1] not in " []", line


# -- texts ------------------------------------------------------------------------------------


def rich_lines(text: Text, width: int) -> list[str]:
    return [piece.plain.rstrip() for piece in text.wrap(CONSOLE, width)]


def test_texts_wrap_as_rich_wraps_them() -> None:
    layer = ConvLayer(height=6, width=6, channels=2, kernel=3, filters=2)
    stepper = Stepper(layer, np.arange(72).reshape(2, 6, 6), np.ones((2, 2, 3, 3)), np.zeros(2))
    facts = scene_facts(stepper, ("input", "kernel", "output", "counter"))
    frame = scene_frame(facts, stepper, (0, 0), True, 4.0)
    assert frame.reach is not None
    texts = [
        status_text(frame.step.index, stepper.count, (1, 2, 3), 2, "4 steps/s", "kernels"),
        counter_text("unshared", frame.tally, facts.counts),
        trace_note("w1", "shared", frame.reach, frame.step),
    ]
    for text in texts:
        for width in range(12, 90, 11):
            ours = [plain(line).rstrip() for line in text_lines(text, width, CONSOLE)]
            assert ours == rich_lines(text, width), (text.plain, width)


# -- a scene wider than the view -------------------------------------------------------------


def test_columns_out_of_view_are_blank_and_the_rest_as_laid_out_whole() -> None:
    layer = ConvLayer(height=14, width=14, channels=4, kernel=5, filters=2, padding=1)
    rng = np.random.default_rng(1)
    stepper = Stepper(
        layer,
        rng.integers(-99, 99, (4, 14, 14)),
        rng.integers(-99, 99, (2, 4, 5, 5)),
        rng.integers(-9, 9, (2,)),
    )
    facts = scene_facts(stepper, ("input", "kernel", "output", "arithmetic"))
    stepper.go_to(40)
    frame = scene_frame(facts, stepper, (1, 2), False, 2.0)
    whole = scene_layout(frame, WIDTH, CONSOLE)
    for left in (0, 50, 112, 250):
        seen = scene_layout(frame, WIDTH, CONSOLE, (left, left + WIDTH))
        assert seen.width == whole.width and seen.places == whole.places
        view = slice(left, left + WIDTH)
        for mine, full in zip(seen.lines, whole.lines, strict=True):
            assert plain(mine)[view].rstrip() == plain(full)[view].rstrip()
        assert plain(seen.lines[2]).strip(), "something is drawn"
        assert not plain(seen.lines[2])[: max(left - 70, 0)].strip(), "far left of view: blank"


def test_a_click_finds_the_cell_it_lands_on() -> None:
    scene = dict(SCENES)["many-filters-page1"]
    stepper = scene.stepper()
    layout = layout_at(stepper, scene_facts(stepper, scene.panels), 0)
    for place in layout.places:
        rows, cols = place.grid.shape
        for row, col in ((0, 0), (rows - 1, cols - 1)):
            x = place.x + 1 + col * place.grid.pitch
            assert layout.cell_at(x, place.y + row) == (place.panel, row, col)
    assert layout.cell_at(0, 0) is None, "the status line has no cells"


# -- matrix panels ---------------------------------------------------------------------------


def test_a_padded_locally_connected_matrix_says_which_weights_have_no_entry() -> None:
    """Taps over padding multiply zeros: M has no entry for them, and the title says so."""
    layer = ConvLayer(height=3, width=3, channels=1, filters=1, kernel=3, padding=1)
    rng = np.random.default_rng(5)
    stepper = Stepper(
        layer,
        rng.integers(-3, 4, (1, 3, 3)),
        rng.integers(-3, 4, (1, 1, 3, 3)),
        np.zeros(1, dtype=int),
    )
    facts = scene_facts(stepper, ("input", "output", "unshared-matrix", "shared-matrix"))
    text = "\n".join(plain(line) for line in layout_at(stepper, facts, 0).lines)
    # 9 neurons x 9 taps = 81 own weights: 7 x 7 = 49 taps land on the input, 32 on padding
    assert (
        "locally connected: 49 entries, 49 different weights (+32 over padding: no entry)" in text
    )
    assert "convolution: 49 entries, 9 different weights\n" in text + "\n"
    expected = conv2d(stepper.inputs, stepper.weights, stepper.biases, padding=1).ravel()
    assert f"row 1 · x = {expected[0]:g}, + bias 0 = {expected[0]:g}, its output" in " ".join(
        text.splitlines()
    )
