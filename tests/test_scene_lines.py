"""Scene lines without a terminal: cutting to a view, wrapping, joining columns, lazy parts."""

from __future__ import annotations

import io

import numpy as np
import pytest
from rich.console import Console
from rich.style import Style
from rich.text import Text

from tutor.engine import ConvLayer, Stepper, count_parameters
from tutor.ui.scene_grids import DeferredPicture, GridPicture, grid_row
from tutor.ui.scene_lines import BOXED, DIMMED, STARRED, Run, cropped, line_width, merged
from tutor.ui.scene_pictures import ScenePictures
from tutor.ui.scene_stage import Block, Stage, joined
from tutor.ui.scene_texts import (
    Tally,
    Working,
    arithmetic_lines,
    counter_text,
    status_text,
)
from tutor.ui.text_runs import line_breaks, text_line, text_lines

CONSOLE = Console(width=80, file=io.StringIO(), force_terminal=True, color_system=None)
BOLD = Style(bold=True)


def plain(line: tuple[Run, ...]) -> str:
    return "".join(run.text for run in line)


def styled(line: tuple[Run, ...]) -> list[tuple[str, Style | None]]:
    """Each character with its style: how two ways of drawing a line are compared."""
    return [(char, run.style or None) for run in line for char in run.text]


def rich_lines(text: Text, width: int) -> list[list[tuple[str, Style | None]]]:
    """What Rich itself draws for `text` wrapped to `width`, trailing spaces left out."""
    pieces = [text] if text.cell_len <= width and "\n" not in text.plain else text.wrap(
        CONSOLE, width)
    drawn = []
    for piece in pieces:
        chars = [(char, segment.style or None) for segment in piece.render(CONSOLE)
                 for char in segment.text if char != "\n"]
        while chars and chars[-1][0] == " ":
            chars.pop()
        drawn.append(chars)
    return drawn


def grid(texts: list[str], boxed: frozenset[tuple[int, int]] = frozenset()) -> GridPicture:
    return GridPicture(tuple(tuple(row.split()) for row in texts), boxed)


# -- grid rows ---------------------------------------------------------------------------------


def test_a_grid_row_marks_cells_and_the_separators_between_them() -> None:
    row = grid_row(("1", "2", "3", "4"), (DIMMED, BOXED, BOXED | STARRED, 0), 1)
    assert row == (Run(" "), Run("1", DIMMED), Run("[2*", BOXED), Run("3", BOXED | STARRED),
                   Run("]", BOXED), Run("4 "))
    padding = grid_row(("·", "·", "5"), (DIMMED, DIMMED, 0), 2)
    assert padding == (Run(" "), Run(" ·  ·", DIMMED), Run("  5 ")), "padding is one faint run"
    window = grid_row(("1", "2", "3"), (BOXED, BOXED, BOXED), 1)
    assert window == (Run("[1 2 3]", BOXED),), "a boxed window is one solid band"


# -- cutting a line to the columns in view ----------------------------------------------------


def test_cropped_keeps_the_columns_in_view_with_their_marks() -> None:
    line = (Run("ab"), Run("[cd]", BOXED), Run("ef", DIMMED))
    assert cropped(line, 1, 5) == (Run("b"), Run("[cd", BOXED))
    assert cropped(line, 4, 8) == (Run("d]", BOXED), Run("ef", DIMMED))
    assert cropped(line, 0, 8) == line, "a run wholly in view is the same run"


def test_cropped_pads_a_short_line_to_the_view() -> None:
    assert cropped((Run("ab"),), 1, 6) == (Run("b"), Run("    "))
    assert cropped((Run("ab"),), 5, 8) == (Run("   "),), "nothing of the line in view"
    assert line_width(cropped((Run("abc", BOXED),), 0, 40)) == 40


# -- wrapping --------------------------------------------------------------------------------


@pytest.mark.parametrize(("plain_text", "width", "lines"), [
    ("one two three", 7, ["one two", "three"]),
    ("one two three", 8, ["one two", "three"]),
    ("one  two", 4, ["one", "two"]),
    ("abcdefghij kl", 4, ["abcd", "efgh", "ij", "kl"]),
    ("", 5, [""]),
    ("  lead", 10, ["  lead"]),
])
def test_line_breaks_wrap_greedily_at_spaces(plain_text: str, width: int,
                                              lines: list[str]) -> None:
    assert [plain_text[a:b] for a, b in line_breaks(plain_text, width)] == lines


def test_wrapped_scene_texts_read_as_rich_would_draw_them() -> None:
    """The status, the tally and a text with overlapping spans, at widths from 10 up."""
    layer = ConvLayer(height=6, width=6, channels=1, kernel=3, filters=2)
    stepper = Stepper(layer, np.arange(36).reshape(1, 6, 6), np.ones((2, 1, 3, 3)), np.zeros(2))

    tally = Tally(neurons=12, of=32, kernels=2, parameters=20)
    overlapping = Text("one two three four five six seven")
    overlapping.stylize("bold", 0, 13)
    overlapping.stylize("underline", 4, 24)
    overlapping.stylize("reverse", 8, 9)
    texts = [
        status_text(stepper.current, stepper.count, 2, False, 2.0),
        counter_text("shared", tally, count_parameters(layer)),
        overlapping,
        Text("first line\nsecond, longer line"),
    ]
    for text in texts:
        for width in range(10, 90, 7):
            ours = [styled(line) for line in text_lines(text, width, CONSOLE)]
            for line in ours:
                while line and line[-1][0] == " ":
                    line.pop()
            assert ours == rich_lines(text, width), (text.plain, width)


def test_text_line_keeps_later_spans_over_earlier_ones() -> None:
    text = Text("abcdef")
    text.stylize("bold", 0, 4)
    text.stylize("reverse", 2, 6)
    line = text_line(text, CONSOLE)
    assert plain(line) == "abcdef"
    assert styled(line)[3] == ("d", Style(bold=True, reverse=True))
    assert styled(line)[5] == ("f", Style(reverse=True))
    assert text_line(Text("plain"), CONSOLE) == (Run("plain"),)


# -- joining columns ---------------------------------------------------------------------------


def test_joined_merges_runs_where_columns_meet() -> None:
    left = (Run("[a]", BOXED), Run("b"))
    right = (Run("c"), Run("[d]", BOXED))
    assert joined([(left, 1), (right, 2)]) == (
        Run("[a]", BOXED), Run("b c"), Run("[d]", BOXED), Run("  "))
    assert joined([((), 3), ((Run("x"),), 1)]) == (Run("   x "),)


def test_joined_equals_merging_every_run() -> None:
    rng = np.random.default_rng(5)
    for _ in range(500):
        parts = []
        for _ in range(int(rng.integers(0, 5))):
            pieces = [(str(rng.integers(0, 9)), int(rng.choice([0, BOXED, DIMMED])),
                       BOLD if rng.integers(0, 2) else None)
                      for _ in range(int(rng.integers(0, 4)))]
            parts.append((merged(pieces), int(rng.integers(1, 3))))
        every_run = [piece for line, spaces in parts for piece in (*line, (" " * spaces, 0, None))]
        assert joined(parts) == merged(every_run)


# -- the stage: only the columns in view, unchanged lines shared ---------------------------------


def stage_of(pictures: list[GridPicture], **options: object) -> Stage:
    return Stage([[Block(picture=picture, panel=f"p{i}")] for i, picture in enumerate(pictures)],
                 **options)  # type: ignore[arg-type]


def test_columns_out_of_view_are_blank_and_keep_their_width() -> None:
    first, second = grid(["1 2", "3 4"]), grid(["5 6", "7 8"])
    whole = stage_of([first, second])
    assert plain(whole.line(0)) == " 1 2   5 6  "
    left_only = stage_of([first, second], view=(0, 4))
    assert plain(left_only.line(0)) == " 1 2        "
    right_only = stage_of([first, second], view=(7, 12))
    assert plain(right_only.line(1)) == "       7 8  "
    assert right_only.hits(1)[0].cell_at(1) == 0, "hits are where the columns are, seen or not"


def test_a_stage_line_made_of_the_same_column_lines_is_the_same_object() -> None:
    first, second = grid(["1 2", "3 4"]), grid(["5 6", "7 8"])
    before = stage_of([first, second])
    lines = [before.line(0), before.line(1)]
    moved = grid(["5 6", "7 8"], boxed=frozenset({(1, 0)}))
    after = stage_of([first, moved], previous=before)
    assert after.line(0) is lines[0], "row 0 shows what it showed: the very same line"
    assert after.line(1) is not lines[1]
    assert plain(after.line(1)) == " 3 4  [7]8  "


def test_a_deferred_picture_is_made_only_when_a_line_of_it_is_drawn() -> None:
    made = []

    def make() -> GridPicture:
        made.append(1)
        return GridPicture((("1", "22"), ("3", "4")), cell_width=2)

    deferred = DeferredPicture((2, 2), 2, make)
    stage = Stage([[Block(picture=deferred, panel="p")], [Block("title")]], view=(20, 30))
    assert stage.width == deferred.width + 1 + len("title") + 1
    stage.line(0)
    assert not made, "out of view: never made"
    assert deferred.line(1) == deferred.picture.line(1)
    assert len(made) == 1
    assert deferred.width == deferred.picture.width


# -- a neuron's working, built when read ----------------------------------------------------


def layer_stepper(kernel: int, channels: int = 2) -> Stepper:
    layer = ConvLayer(height=8, width=8, channels=channels, kernel=kernel, filters=2, padding=1)
    rng = np.random.default_rng(3)
    return Stepper(layer, rng.integers(-99, 100, (channels, 8, 8)),
                   rng.integers(-99, 100, (2, channels, kernel, kernel)),
                   rng.integers(-9, 10, (2,)))


@pytest.mark.parametrize("kernel", [1, 2, 3, 4, 7])
def test_working_counts_its_lines_before_building_them(kernel: int) -> None:
    stepper = layer_stepper(kernel)
    for position in (0, 7, stepper.count - 1):
        stepper.go_to(position)
        for width in (20, 80, 200):
            working = Working(stepper.current, width)
            built = arithmetic_lines(stepper.current, width)
            assert working.count == len(built)
            assert [working.line(i).plain for i in range(working.count)] == [
                line.plain for line in built]


def test_a_big_kernels_working_waits_until_read() -> None:
    stepper = layer_stepper(7)
    working = Working(stepper.current, 80)
    assert working.lines is None, "49 products a channel: not built until a line is read"
    assert working.line(0).plain.startswith("ch1: row 1: ")
    assert working.lines is not None
    assert Working(layer_stepper(3).current, 80).lines is not None, "a small kernel: at once"


def test_scene_pictures_are_sized_without_being_made() -> None:
    stepper = layer_stepper(3)
    pictures = ScenePictures(stepper)
    step = stepper.current
    for deferred in (pictures.input(1, step, None), pictures.kernel(0, step, None),
                     pictures.output(1, step, stepper.computed())):
        assert (deferred.shape, deferred.width) == (deferred.picture.shape,
                                                    deferred.picture.width)
