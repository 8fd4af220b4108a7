"""What a drawn question says agrees with what was drawn: "an 11 x 11", "1 filter", the same
layer when it says so, no "nine weights" about a kernel of four, and retries reorder choices."""

from __future__ import annotations

import random
import re

import pytest

from tests.test_screen_truth import shipped_lessons
from tutor.engine import ConvLayer
from tutor.engine.words import article_for, singular
from tutor.lessons.model import ChoiceQuestion
from tutor.lessons.placeholders import fill
from tutor.quiz.asking import Asked, ask, draw
from tutor.quiz.run import QuizRun

LESSONS = shipped_lessons()
WRONG_ARTICLE = re.compile(r"\b[Aa] (8|11|18|8\d|8\d\d)\b(?![\d,])|\b[Aa]n (?!8|11|18)\d")
SINGULAR_WANTED = re.compile(
    r"(?<![\d,.])(?<!x )\b1 ("
    + "|".join(
        plural
        for plural in (
            "biases",
            "entries",
            "channels",
            "filters",
            "kernels",
            "neurons",
            "parameters",
            "slices",
            "weights",
            "positions",
            "maps",
        )
    )
    + r")\b"
)


@pytest.mark.parametrize(
    ("text", "article"),
    [
        ("8", "an"),
        ("11 x 11", "an"),
        ("18", "an"),
        ("80", "an"),
        ("89", "an"),
        ("800 x 3", "an"),
        ("8,000", "an"),
        ("11,500", "an"),
        ("18,000,000", "an"),
        ("1", "a"),
        ("7 x 7", "a"),
        ("100", "a"),
        ("1,000", "a"),
        ("81,000", "an"),
        ("180", "a"),
        ("110", "a"),
        ("input", "an"),
        ("kernel", "a"),
    ],
)
def test_the_article_follows_the_number_as_it_is_read(text: str, article: str) -> None:
    assert article_for(text) == article


def test_a_count_of_one_takes_the_singular() -> None:
    layer = ConvLayer(height=11, width=11, channels=1, kernel=8, filters=1)
    text = "A {height} x {width} input, a {kernel} kernel, {filters} filters and {channels} maps."
    assert fill(text, layer) == "An 11 x 11 input, an 8 x 8 kernel, 1 filter and 1 map."
    two = ConvLayer(height=7, width=7, channels=2, kernel=3, filters=2)
    assert fill(text, two) == "A 7 x 7 input, a 3 x 3 kernel, 2 filters and 2 maps."
    assert singular("kernels") == "kernel" and singular("is") == "is"


def every_text(asked: Asked) -> list[str]:
    return [asked.prompt, *asked.hints, *asked.choices, asked.explanation, *asked.explanations]


@pytest.mark.parametrize("lesson", LESSONS, ids=[lesson.id for lesson in LESSONS])
def test_drawn_questions_read_right_for_their_numbers(lesson) -> None:  # type: ignore[no-untyped-def]
    """Fifty attempts of each shipped quiz: the article and plural agree with every number."""
    assert lesson.quiz is not None
    for attempt in range(50):
        run = QuizRun(lesson.quiz, attempt=attempt, rng=random.Random(attempt))
        for asked in run.asked:
            for text in every_text(asked):
                assert not WRONG_ARTICLE.search(text), text
                assert not SINGULAR_WANTED.search(text), text


@pytest.mark.parametrize("lesson", LESSONS, ids=[lesson.id for lesson in LESSONS])
def test_a_question_about_the_same_layer_gets_the_same_layer(lesson) -> None:  # type: ignore[no-untyped-def]
    assert lesson.quiz is not None
    for attempt in range(10):
        run = QuizRun(lesson.quiz, attempt=attempt, rng=random.Random(attempt))
        for n, question in enumerate(lesson.quiz.questions):
            if "same layer" not in question.prompt.lower():
                continue
            assert question.layer_from is not None, question.prompt  # type: ignore[union-attr]
            assert run.asked[n].layer == run.asked[question.layer_from].layer  # type: ignore[union-attr]


def test_lesson_one_never_says_nine_weights_about_a_kernel_it_drew() -> None:
    lesson = next(lesson for lesson in LESSONS if lesson.order == 1)
    assert lesson.quiz is not None
    for attempt in range(20):
        run = QuizRun(lesson.quiz, attempt=attempt, rng=random.Random(attempt))
        for asked in run.asked:
            assert not any("nine" in text or "w9" in text for text in every_text(asked))


def test_every_retry_puts_the_choices_in_another_order_than_the_authors() -> None:
    for lesson in LESSONS:
        assert lesson.quiz is not None
        for question in lesson.quiz.questions:
            if not isinstance(question, ChoiceQuestion):
                continue
            assert draw(question, 0, random.Random(0)).order == tuple(range(len(question.choices)))
            for seed in range(200):
                drawn = draw(question, 1 + seed % 3, random.Random(seed))
                assert drawn.order != tuple(range(len(question.choices)))
                asked = ask(question, drawn)
                assert asked.choices[asked.answer] == fill(
                    question.choices[question.answer], question.layer
                )
