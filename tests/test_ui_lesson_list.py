"""The lesson list: every lesson with its status, broken files with their message, and its keys."""

from __future__ import annotations

import shutil
from pathlib import Path

from tests.ui_driver import build_app, run, screen_text, wait_for_text
from tutor.lessons.catalogue import by_order
from tutor.lessons.shipped import shipped_lessons_dir
from tutor.ui.screens.calculator import CalculatorScreen
from tutor.ui.screens.lesson import LessonScreen
from tutor.ui.screens.lesson_list import LessonListScreen
from tutor.ui.widgets.lesson_menu import LessonMenu


def lessons_one_and_two(tmp_path: Path) -> Path:
    """A folder with copies of the first two shipped lessons, free to be broken by a test."""
    folder = tmp_path / "lessons"
    folder.mkdir()
    for name in ("01-one-kernel.toml", "02-stride-padding.toml"):
        shutil.copy(shipped_lessons_dir() / name, folder)
    return folder


async def test_lists_every_lesson_as_new(home: Path) -> None:
    app = build_app(home)
    async with run(app) as pilot:
        text = await wait_for_text(pilot, "One kernel, one feature map")
        for line in (
            "1  One kernel, one feature map  [new]",
            "6  AlexNet's first layer, counted both ways  [new]",
            "9  Beyond: 1 x 1, dilated, grouped and depthwise  [new]",
        ):
            assert line in text
        assert "Start with lesson 1" in text
        assert "c Continue" in text and "k Calculator" in text


async def test_enter_opens_the_highlighted_lesson_and_status_follows(home: Path) -> None:
    app = build_app(home)
    async with run(app) as pilot:
        await pilot.press("down", "enter")
        text = await wait_for_text(pilot, "Lesson 2 · page 1")
        await pilot.press("n", "m")
        text = await wait_for_text(pilot, "[in progress: page 2 of 4]")
        assert "c continues lesson 2: in progress: page 2 of 4." in text
        await pilot.press("c")
        await wait_for_text(pilot, "Lesson 2 · page 2 of 4")


async def test_continue_with_nothing_started_says_so(home: Path) -> None:
    app = build_app(home)
    async with run(app) as pilot:
        await pilot.press("c")
        await wait_for_text(pilot, "Nothing to continue yet")
        assert isinstance(app.screen, LessonListScreen)


async def test_a_broken_lesson_is_listed_with_its_message(home: Path, tmp_path: Path) -> None:
    folder = tmp_path / "lessons"
    folder.mkdir()
    shutil.copy(shipped_lessons_dir() / "01-one-kernel.toml", folder)
    (folder / "02-typo.toml").write_text("format_version = 1\nid = 'x'\nordr = 2\n")
    app = build_app(home, folder)
    async with run(app) as pilot:
        text = await wait_for_text(pilot, "02-typo.toml")
        assert "One kernel, one feature map  [new]" in text
        assert "✗ 02-typo.toml  cannot be opened" in text
        assert "order: is required" in text


async def test_a_lesson_broken_after_listing_says_why_when_opened(
    home: Path, tmp_path: Path
) -> None:
    folder = lessons_one_and_two(tmp_path)
    app = build_app(home, folder)
    async with run(app) as pilot:
        await wait_for_text(pilot, "2  Stride, padding and output size  [new]")
        (folder / "02-stride-padding.toml").write_text("format_version = 1\n")
        await pilot.press("down", "enter")
        text = await wait_for_text(pilot, "✗ 02-stride-padding.toml  cannot be opened")
        assert "This lesson cannot be opened" in text
        assert isinstance(app.screen, LessonListScreen)
        await pilot.press("up", "enter")
        await wait_for_text(pilot, "Lesson 1 · One kernel, one feature map · page 1 of 4")


async def test_a_lesson_edited_while_the_tutor_runs_is_read_again_without_a_restart(
    home: Path, tmp_path: Path
) -> None:
    folder = lessons_one_and_two(tmp_path)
    path = folder / "02-stride-padding.toml"
    app = build_app(home, folder)
    async with run(app) as pilot:
        await pilot.press("down", "enter")
        await wait_for_text(pilot, "Lesson 2 · page 1 of 4")
        path.write_text(
            path.read_text().replace(
                'title = "Stride, padding and output size"', 'title = "Stride and padding, revised"'
            )
        )
        await pilot.press("m")
        await wait_for_text(pilot, "2  Stride and padding, revised  [")
        await pilot.press("enter")
        await wait_for_text(pilot, "Lesson 2 · page 1 of 4")
        assert app.screen.lesson.title == "Stride and padding, revised"  # type: ignore[attr-defined]
        (folder / "03-new.toml").write_text((shipped_lessons_dir() / "03-depth.toml").read_text())
        await pilot.press("m")
        await wait_for_text(pilot, "3  Depth: a kernel spans every input channel  [new]")


async def test_an_empty_folder_says_where_it_looked(home: Path, tmp_path: Path) -> None:
    app = build_app(home, tmp_path)
    async with run(app) as pilot:
        await wait_for_text(pilot, f"No lessons in {tmp_path}")
        await pilot.press("enter", "c", "r")
        assert isinstance(app.screen, LessonListScreen)


async def test_reset_one_lesson_asks_first(home: Path) -> None:
    app = build_app(home)
    async with run(app) as pilot:
        await pilot.press("enter", "n", "m")
        await wait_for_text(pilot, "[in progress: page 2 of 4]")
        await pilot.press("r")
        text = await wait_for_text(pilot, "Reset your progress in lesson 1, One kernel,")
        assert "y = yes, n = no" in text
        await pilot.press("n")
        text = await wait_for_text(pilot, "[in progress: page 2 of 4]")
        await pilot.press("r", "y")
        text = await wait_for_text(pilot, "Lesson 1 reset.")
        assert "1  One kernel, one feature map  [new]" in text
        assert "one-kernel" not in app.store.progress.lessons


async def test_reset_everything_asks_first(home: Path) -> None:
    app = build_app(home)
    async with run(app) as pilot:
        await pilot.press("down", "enter", "n", "m", "R")
        await wait_for_text(pilot, "Reset ALL progress in every lesson?")
        await pilot.press("y")
        text = await wait_for_text(pilot, "All progress reset.")
        assert "[in progress" not in text
        assert app.store.progress.lessons == {}


async def test_start_at_a_lesson_and_open_the_calculator(home: Path) -> None:
    app = build_app(home, lesson=5)
    async with run(app) as pilot:
        await wait_for_text(pilot, "Lesson 5 · page")
        assert isinstance(app.screen, LessonScreen)
        await pilot.press("m", "k")
        await wait_for_text(pilot, "Parameter calculator")
        assert isinstance(app.screen, CalculatorScreen)
        await pilot.press("b")
        await wait_for_text(pilot, "5  Parameter sharing versus locally connected")
        assert isinstance(app.screen, LessonListScreen)
        assert "Lesson 5" not in screen_text(app).splitlines()[0]


async def test_the_broken_corpus_beside_the_shipped_lessons(home: Path, tmp_path: Path) -> None:
    folder = tmp_path / "lessons"
    shutil.copytree(shipped_lessons_dir(), folder)
    broken = sorted((Path(__file__).parent / "broken_lessons").glob("*.toml"))
    for path in broken:
        shutil.copy(path, folder / f"zz-{path.name}")
    (folder / "zz-ten-megabytes.toml").write_bytes(b"# " + b"x" * 10_000_000)
    app = build_app(home, folder)
    async with run(app) as pilot:
        text = await wait_for_text(pilot, "1  One kernel, one feature map  [new]")
        assert "9  Beyond: 1 x 1, dilated, grouped and depthwise  [new]" in text
        assert len(app.lessons) == 9 + len(broken) + 1
        await pilot.press("end")
        text = await wait_for_text(pilot, "zz-")
        assert "cannot be opened" in text
        await pilot.press("home", "enter")
        await wait_for_text(pilot, "Lesson 1 · One kernel, one feature map · page 1 of 4")


async def test_menu_keys_skip_broken_entries_and_page_through_a_long_list(
    home: Path, tmp_path: Path
) -> None:
    folder = tmp_path / "lessons"
    shutil.copytree(shipped_lessons_dir(), folder)
    broken = sorted((Path(__file__).parent / "broken_lessons").glob("*.toml"))[:12]
    for path in broken:
        shutil.copy(path, folder / f"zz-{path.name}")
    app = build_app(home, folder)
    async with run(app) as pilot:
        await wait_for_text(pilot, "1  One kernel, one feature map  [new]")
        menu = app.screen.query_one(LessonMenu)
        await pilot.press("pagedown")
        assert menu.highlighted_key() != "one-kernel"
        await pilot.press("end", "down", "pagedown")
        assert menu.highlighted_key() == "beyond", "broken entries are never highlighted"
        text = await wait_for_text(pilot, "zz-")
        assert "1  One kernel" not in text, "the list scrolled"
        await pilot.press("home")
        await wait_for_text(pilot, "1  One kernel, one feature map  [new]")
        assert menu.highlighted_key() == "one-kernel"


async def test_a_long_message_is_wrapped_whole_and_a_click_opens_a_lesson(
    home: Path, tmp_path: Path
) -> None:
    folder = tmp_path / "lessons"
    folder.mkdir()
    shutil.copy(shipped_lessons_dir() / "02-stride-padding.toml", folder)
    typo = folder / "01-a-file-with-a-rather-long-name-to-make-its-message-wrap.toml"
    typo.write_text("format_version = 1\nid = 'x'\nordr = 2\n")
    app = build_app(home, folder)
    async with run(app) as pilot:
        text = await wait_for_text(pilot, f"✗ {typo.name}")
        message = f"{typo.name}  cannot be opened {typo}: order: is required"
        assert len(message) > 80
        assert "".join(message.split()) in "".join(text.split()), "every character is shown"
        await pilot.click(LessonMenu, offset=(5, 0))
        await wait_for_text(pilot, "Lesson 2 · page 1 of 4")


async def test_a_start_lesson_broken_since_listing_opens_the_list_and_says_why(
    home: Path, tmp_path: Path
) -> None:
    folder = lessons_one_and_two(tmp_path)
    app = build_app(home, folder, lesson=2)
    (folder / "02-stride-padding.toml").write_text("format_version = 1\n")
    async with run(app) as pilot:
        text = await wait_for_text(pilot, "✗ 02-stride-padding.toml  cannot be opened")
        assert "This lesson cannot be opened" in text
        assert isinstance(app.screen, LessonListScreen)
        await pilot.press("enter")
        await wait_for_text(pilot, "Lesson 1 · One kernel, one feature map · page 1 of 4")
        await pilot.press("n", "m")
        await wait_for_text(pilot, "1  One kernel, one feature map  [in progress: page 2 of 4]")
        assert isinstance(app.screen, LessonListScreen)


async def test_back_from_a_lesson_the_list_highlights_that_lesson(home: Path) -> None:
    app = build_app(home)
    async with run(app) as pilot:
        await wait_for_text(pilot, "1  One kernel, one feature map  [new]")
        await pilot.press("down", "down", "enter")
        await wait_for_text(pilot, "Lesson 3 · page")
        await pilot.press("m")
        await wait_for_text(pilot, "Lesson 3: A colour image has three channels")
        assert app.screen.query_one(LessonMenu).highlighted_key() == "depth"
    app = build_app(home, lesson=5)
    async with run(app) as pilot:
        await wait_for_text(pilot, "Lesson 5 · page")
        await pilot.press("m")
        await wait_for_text(pilot, "Lesson 5: The same small layer twice")
        lesson_5 = by_order(app.lessons, 5)
        assert lesson_5 is not None
        assert app.screen.query_one(LessonMenu).highlighted_key() == lesson_5.id
        await pilot.press("enter")
        await wait_for_text(pilot, "Lesson 5 · page")
