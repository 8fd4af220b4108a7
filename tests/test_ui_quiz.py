"""The quiz at 80 x 24: answers right and wrong, hints, refusals, choices, results and retries."""

from __future__ import annotations

import random
from pathlib import Path

import pytest
from textual.pilot import Pilot
from textual.widgets import OptionList

from tests.test_screen_truth import shipped_lessons
from tests.ui_driver import build_app, run, screen_text, wait_for_text, wait_until
from tutor.lessons.model import ChoiceQuestion
from tutor.quiz.run import QuizRun
from tutor.ui.screens.lesson_list import LessonListScreen
from tutor.ui.screens.quiz import QuizScreen
from tutor.ui.screens.results import ResultsScreen


async def open_quiz(pilot: Pilot[None]) -> None:
    """From lesson 1's first page to its quiz."""
    await pilot.press("n", "n", "n", "n")
    await wait_for_text(pilot, "Question 1 of 5")


async def answer(pilot: Pilot[None], text: str) -> str:
    await pilot.press(*text, "enter")
    return await wait_for_text(pilot, "Press Enter to go on.")


async def answer_every_question(pilot: Pilot[None], replies: tuple[str, ...]) -> None:
    """Lesson 1's quiz, in order: numbers typed, the third (a choice) picked by its number,
    then answered with Enter."""
    for reply in replies:
        if pilot.app.screen.run.current.is_choice:  # type: ignore[attr-defined]
            await pilot.press(reply, "enter")
            await wait_for_text(pilot, "Press Enter to go on.")
        else:
            await answer(pilot, reply)
        await pilot.press("enter")


async def test_right_answer_shows_the_working(home: Path) -> None:
    app = build_app(home, lesson=1)
    async with run(app) as pilot:
        await open_quiz(pilot)
        text = await answer(pilot, "4")
        assert "✓ Right: 4." in text
        assert "(6 + 2 x 0 - 3) / 1 + 1 = 4" in text


async def test_wrong_answer_names_the_slip(home: Path) -> None:
    app = build_app(home, lesson=1)
    async with run(app) as pilot:
        await open_quiz(pilot)
        await answer(pilot, "4")
        await pilot.press("enter")
        await wait_for_text(pilot, "Question 2 of 5")
        text = await answer(pilot, "9")
        assert "✗ Not quite: you said 9, the answer is 10." in text
        assert "That leaves out the biases" in text
        assert "9 + 1 bias = 10 parameters per kernel" in text
        await pilot.press(*"10", "enter")  # answered already: Enter only goes on
        await wait_for_text(pilot, "Question 3 of 5")


async def test_hints_come_one_at_a_time(home: Path) -> None:
    app = build_app(home, lesson=1)
    async with run(app) as pilot:
        await open_quiz(pilot)
        assert "(2 hints available: press h)" in screen_text(app)
        await pilot.press("h")
        text = await wait_for_text(pilot, "Hint 1: Count how many positions")
        assert "(1 hint available: press h)" in text
        await pilot.press("h", "h")
        text = await wait_for_text(pilot, "Hint 2: The kernel's last row must stay")
        assert "hint available" not in text
        assert "4" not in "".join(line for line in text.splitlines() if "Hint" in line)


async def test_text_that_is_not_a_count_is_refused_gently(home: Path) -> None:
    app = build_app(home, lesson=1)
    async with run(app) as pilot:
        await open_quiz(pilot)
        await pilot.press("enter")
        await wait_for_text(pilot, "Type a number first, for example 34944 or 34,944.")
        await pilot.press(*"1.5", "enter")
        await wait_for_text(pilot, "1.5 is not a whole number; counts are whole.")
        await pilot.press(*"xyz")  # letters are keys here, not answer text
        assert "Question 1 of 5" in screen_text(app)
        quiz = app.screen
        assert isinstance(quiz, QuizScreen) and not quiz.run.answered


async def test_digits_of_any_script_are_typed_and_read(home: Path) -> None:
    """An Arabic-Indic 4 and a full-width 10 are the numbers they are; 34.944 says how to
    type thousands."""
    app = build_app(home, lesson=1)
    async with run(app) as pilot:
        await open_quiz(pilot)
        await pilot.press(*"34.944", "enter")
        await wait_for_text(pilot, "34.944 reads as a decimal here: for thousands type 34,944")
        await pilot.press("ctrl+u")
        text = await answer(pilot, "\u0664")
        assert "✓ Right: 4." in text
        await pilot.press("enter")
        await wait_for_text(pilot, "Question 2 of 5")
        assert "✓ Right: 10." in await answer(pilot, "\uff11\uff10")


async def test_a_whole_quiz_passed_then_retried(home: Path) -> None:
    app = build_app(home, lesson=1)
    async with run(app) as pilot:
        await open_quiz(pilot)
        await answer_every_question(pilot, ("4", "10", "1", "16", "160"))
        text = await wait_for_text(pilot, "Passed: 5 of 5 right (100 %).")
        assert isinstance(app.screen, ResultsScreen)
        assert "(required)" in text and "not passed" not in text
        assert "n Next lesson" in text.splitlines()[-1]
        await pilot.press("r")
        await wait_for_text(pilot, "Question 1 of 5")
        assert app.screen.run.attempt == 1  # type: ignore[attr-defined]
        await pilot.press("m")
        text = await wait_for_text(pilot, "[passed, best 100 %]")
        assert isinstance(app.screen, LessonListScreen)
        assert "✓ 1  One kernel" in text


async def test_a_failed_quiz_says_why_and_what_was_right(home: Path) -> None:
    app = build_app(home, lesson=1)
    async with run(app) as pilot:
        await open_quiz(pilot)
        await answer_every_question(pilot, ("5", "9", "2", "16", "160"))
        text = await wait_for_text(pilot, "Not passed yet: 2 of 5 right (40 %).")
        assert "✗ 3. As the kernel slides" in text
        assert "Not quite: you said 9, the answer is 10." in text
        assert "every required question right and at least 70 %" in text
        assert "Lesson 1 is not passed: r retries the quiz; n moves on" in " ".join(text.split())
        assert "n Next lesson (not passed)" in text.splitlines()[-1], "the key says it too"
        await pilot.press("n")
        await wait_for_text(pilot, "Lesson 2 · page")
        await pilot.press("m")
        await wait_for_text(pilot, "[quiz tried, best 40 %]")


async def test_a_quiz_under_way_shows_in_the_list(home: Path) -> None:
    app = build_app(home, lesson=1)
    async with run(app) as pilot:
        await open_quiz(pilot)
        await answer(pilot, "4")
        await pilot.press("m")
        await wait_for_text(pilot, "[quiz under way (1 answered)]")


async def test_leaving_a_quiz_half_way_keeps_its_answers(home: Path) -> None:
    app = build_app(home, lesson=1)
    async with run(app) as pilot:
        await open_quiz(pilot)
        await answer(pilot, "4")
        await pilot.press("b")
        await wait_for_text(pilot, "page 4 of 4: What it cost")
        await pilot.press("n")
        text = await wait_for_text(pilot, "✓ Right: 4.")
        assert "Question 1 of 5" in text
        await pilot.press("enter")
        await wait_for_text(pilot, "Question 2 of 5")


async def test_a_digit_picks_a_choice_and_enter_answers_it(home: Path) -> None:
    app = build_app(home, lesson=1)
    async with run(app) as pilot:
        await open_quiz(pilot)
        for reply in ("4", "10"):
            await answer(pilot, reply)
            await pilot.press("enter")
        await wait_for_text(pilot, "Question 3 of 5")
        await pilot.press("2")
        await pilot.pause()
        quiz = app.screen
        assert isinstance(quiz, QuizScreen) and not quiz.run.answered, "a digit only picks"
        await pilot.press("1", "enter")
        text = await wait_for_text(pilot, "Press Enter to go on.")
        assert "✓ Right: They stay the same" in text
        assert "Every step of the pass used the very same weights" in text


async def test_a_wrong_choice_says_why(home: Path) -> None:
    app = build_app(home, lesson=1)
    async with run(app) as pilot:
        await open_quiz(pilot)
        for reply in ("4", "10"):
            await answer(pilot, reply)
            await pilot.press("enter")
        await pilot.press("2", "enter")
        text = await wait_for_text(pilot, "Press Enter to go on.")
        assert "✗ Not quite. The answer is: They stay the same" in text
        assert "That is a locally connected layer (lesson 5)" in text


async def test_asking_for_a_hint_after_the_last_says_there_are_no_more(home: Path) -> None:
    app = build_app(home, lesson=1)
    async with run(app) as pilot:
        await open_quiz(pilot)
        await pilot.press("h", "h")
        await wait_for_text(pilot, "Hint 2:")
        await pilot.press("h")
        await wait_for_text(pilot, "There are no more hints for this")


async def test_a_prompt_that_starts_with_the_layer_starts_with_a_capital(home: Path) -> None:
    app = build_app(home, lesson=4)
    async with run(app) as pilot:
        await pilot.press("n", "n", "n")
        text = await wait_for_text(pilot, "Question 1 of 4")
        assert "Input 5 x 5 x 3, 2 filters of 3 x 3 x 3" in text


CHOICE_QUESTIONS = [
    (lesson, n)
    for lesson in shipped_lessons()
    for n, question in enumerate(lesson.quiz.questions if lesson.quiz else ())
    if isinstance(question, ChoiceQuestion)
]


@pytest.mark.parametrize(
    "case", CHOICE_QUESTIONS, ids=[f"{lesson.id}-q{n + 1}" for lesson, n in CHOICE_QUESTIONS]
)
async def test_every_choice_is_in_view_at_80_by_24(case, home: Path) -> None:  # type: ignore[no-untyped-def]
    lesson, n = case
    app = build_app(home, lesson=lesson.order)
    async with run(app) as pilot:
        quiz_run = QuizRun(lesson.quiz, rng=random.Random(0))
        quiz_run.index = n
        await app.push_screen(QuizScreen(lesson, quiz_run))
        text = await wait_for_text(pilot, f"Question {n + 1} of")
        box = app.screen.query_one("#choices", OptionList)
        await wait_until(pilot, lambda: box.size.height > 0, "the choices laid out")
        assert box.max_scroll_y == 0, text
        for choice in quiz_run.current.choices:
            assert choice.split()[0] in text
