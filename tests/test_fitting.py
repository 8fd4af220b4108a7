"""Titles and blurbs cut at a word's end, with the shorter form chosen when it fits."""

from __future__ import annotations

from pathlib import Path

from hypothesis import given
from hypothesis import strategies as st
from rich.text import Text

from tests.test_screen_truth import shipped_lessons
from tests.ui_driver import build_app, run, wait_for_text
from tutor.ui.fitting import cut_at_word, first_that_fits


def test_a_cut_ends_after_a_whole_word() -> None:
    text = Text("A 3 x 3 kernel slides over a small image: multiply, add, add the bias, output")
    cut = cut_at_word(text, 40)
    assert cut.plain == "A 3 x 3 kernel slides over a small…"
    assert cut_at_word(text, 200) is text
    assert cut_at_word(Text("Supercalifragilistic"), 8).plain == "Superca…", "one long word"


@given(st.text(alphabet="ab :,", max_size=60), st.integers(1, 70))
def test_a_cut_always_fits_and_keeps_a_prefix(words: str, width: int) -> None:
    cut = cut_at_word(Text(words), width)
    assert cut.cell_len <= max(width, 1)
    assert words.startswith(cut.plain.removesuffix("…"))


def test_the_first_form_that_fits_is_taken() -> None:
    forms = [Text("Lesson 3 · Depth: a kernel spans · page 1 of 3: Three"), Text("Lesson 3 · p1")]
    assert first_that_fits(forms, 80) is forms[0]
    assert first_that_fits(forms, 20) is forms[1]
    assert first_that_fits(forms, 10).plain == "Lesson 3…"


async def test_every_shipped_page_title_is_shown_whole_at_80_columns(home: Path) -> None:
    for lesson in shipped_lessons():
        app = build_app(home, lesson=lesson.order)
        async with run(app) as pilot:
            for n, page in enumerate(lesson.pages):
                if n:
                    await pilot.press("n")
                text = await wait_for_text(pilot, f"page {n + 1} of {len(lesson.pages)}")
                title = text.splitlines()[0].strip()
                assert title.endswith(page.title) and "…" not in title, "a shorter form fits"
