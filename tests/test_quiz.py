"""A quiz attempt: right, wrong with the slip named, hints one at a time, retries, pass mark."""

from __future__ import annotations

import random
from pathlib import Path

from hypothesis import given
from hypothesis import strategies as st

from tutor.engine import ConvLayer
from tutor.lessons.model import ChoiceQuestion, NumberQuestion, Quiz
from tutor.quiz.asking import ask, draw
from tutor.quiz.run import QuizRun

ALEXNET = ConvLayer(height=227, width=227, channels=3, kernel=11, filters=96, stride=4)
VARY = (("size", 67, 299), ("kernel", 3, 11), ("stride", 2, 4))


def seed_quiz(pass_percent: int = 70) -> Quiz:
    return Quiz(
        questions=(
            NumberQuestion(
                "Unshared count of {layer}?",
                "unshared_total",
                ALEXNET,
                VARY,
                hints=("Every neuron has its own kernel.", "Neurons: {output}."),
            ),
            NumberQuestion("Shared count of {layer}?", "shared_total", ALEXNET, VARY),
            ChoiceQuestion(
                "Kernels without sharing?",
                ("{shared_kernels}", "{unshared_kernels}"),
                1,
                "One per neuron.",
                layer=ALEXNET,
            ),
        ),
        pass_percent=pass_percent,
    )


def test_prompts_are_filled_from_the_layer() -> None:
    run = QuizRun(seed_quiz(), rng=random.Random(0))
    assert run.current.prompt == (
        "Unshared count of input 227 x 227 x 3, 96 filters of 11 x 11 x 3, stride 4?"
    )
    assert run.asked[2].choices == ("96", "290,400")


def test_right_answer_with_breakdown() -> None:
    run = QuizRun(seed_quiz(), rng=random.Random(0))
    feedback = run.answer("105,705,600")
    assert feedback.correct and feedback.headline == "Right: 105,705,600."
    assert "290,400 x 364 = 105,705,600" in feedback.breakdown


def test_wrong_answer_names_the_slip() -> None:
    run = QuizRun(seed_quiz(), rng=random.Random(0))
    feedback = run.answer("34944")
    assert not feedback.correct
    assert "the answer is 105,705,600" in feedback.headline
    assert "That counts 96 kernels" in feedback.slip
    assert "290,400 x 364 = 105,705,600" in feedback.breakdown


def test_wrong_answer_without_a_known_slip() -> None:
    run = QuizRun(seed_quiz(), rng=random.Random(0))
    feedback = run.answer("12")
    assert not feedback.correct and feedback.slip == ""


def test_forgot_bias_slip() -> None:
    run = QuizRun(seed_quiz(), rng=random.Random(0))
    run.answer("1")
    run.advance()
    assert "leaves out the biases" in run.answer("34,848").slip


def test_text_that_is_not_a_number_does_not_use_up_the_question() -> None:
    run = QuizRun(seed_quiz(), rng=random.Random(0))
    feedback = run.answer("lots")
    assert feedback.problem and not run.answered
    assert run.answer("105705600").correct and run.answered
    assert run.answer("1").correct, "a second answer does not change the verdict"


def test_hints_come_one_at_a_time_then_stop() -> None:
    run = QuizRun(seed_quiz(), rng=random.Random(0))
    assert run.visible_hints() == ()
    assert run.next_hint() == "Every neuron has its own kernel."
    assert run.next_hint() == "Neurons: 55 x 55 x 96."
    assert run.next_hint() is None
    assert len(run.visible_hints()) == 2


def test_retry_draws_fresh_layers() -> None:
    first = QuizRun(seed_quiz(), attempt=0, rng=random.Random(5))
    retries = [QuizRun(seed_quiz(), attempt=n, rng=random.Random(n)) for n in range(1, 6)]
    assert first.asked[0].layer == ALEXNET
    layers = {run.asked[0].layer for run in retries}
    assert ALEXNET not in layers or len(layers) > 1
    assert len(layers) >= 3
    assert all(layer is not None and layer.fits_exactly for layer in layers)


def answer_all(run: QuizRun, replies: list[str | int]) -> None:
    for i, reply in enumerate(replies):
        run.answer(reply)
        if i < len(replies) - 1:
            assert run.advance()
    assert not run.advance()


def test_pass_needs_every_parameter_count_right() -> None:
    run = QuizRun(seed_quiz(pass_percent=50), rng=random.Random(0))
    answer_all(run, ["105705600", "1", 1])
    assert run.finished and run.score == 2 and run.percent == 67
    assert not run.passed, "a parameter-count question was wrong"
    run = QuizRun(seed_quiz(pass_percent=50), rng=random.Random(0))
    answer_all(run, ["105705600", "34944", 0])
    assert run.score == 2 and run.passed
    run = QuizRun(seed_quiz(), rng=random.Random(0))
    answer_all(run, ["105705600", "34944", 0])
    assert not run.passed, "67 % is below the default pass mark of 70 %"


def test_pass_mark_applies() -> None:
    run = QuizRun(seed_quiz(pass_percent=100), rng=random.Random(0))
    answer_all(run, ["105705600", "34944", 0])
    assert not run.passed
    run = QuizRun(seed_quiz(pass_percent=100), rng=random.Random(0))
    answer_all(run, ["105705600", "34944", 1])
    assert run.passed and run.percent == 100


def test_choice_feedback() -> None:
    run = QuizRun(seed_quiz(), rng=random.Random(0))
    run.index = 2
    feedback = run.answer(0)
    assert not feedback.correct and "290,400" in feedback.headline
    assert feedback.breakdown == ("One per neuron.",)


def test_retry_shuffles_choices_but_keeps_the_right_one() -> None:
    question = seed_quiz().questions[2]
    assert isinstance(question, ChoiceQuestion)
    first = ask(question, draw(question, 0, random.Random(0)))
    assert first.choices == ("96", "290,400"), "the first attempt keeps the author's order"
    right = first.choices[first.answer]
    orders = set()
    for n in range(1, 30):
        retry = ask(question, draw(question, n, random.Random(n)))
        assert sorted(retry.choices) == sorted(first.choices)
        assert retry.choices[retry.answer] == right
        orders.add(retry.choices)
    assert first.choices not in orders, "every retry reorders them"


@given(st.text(max_size=120))
def test_no_reply_can_break_a_number_question(reply: str) -> None:
    run = QuizRun(seed_quiz(), rng=random.Random(0))
    feedback = run.answer(reply)
    assert bool(feedback.problem) != run.answered
    assert feedback.problem or feedback.headline


RARE = """format_version = 1
id = "rare"
order = 1
title = "Rare"
summary = "Rare layers."
[[pages]]
narration = "Hello."
[quiz]
[[quiz.questions]]
kind = "number"
prompt = "How tall is the output of {layer}?"
answer = "output_height"
[quiz.questions.vary]
size = [1000, 9999]
kernel = [1, 1]
stride = [STRIDES]
"""


def test_ranges_that_rarely_give_a_layer_are_refused_and_a_draw_that_finds_none_falls_back(
    tmp_path: Path,
) -> None:
    """About 3 draws in 10,000 give a whole output size with strides of 2,000 to 3,999: the
    check refuses the ranges. A quiz whose own draws still find nothing (the check's sample
    was lucky) asks the layer the check found."""
    from tutor.lessons.loader import load_lesson
    from tutor.lessons.model import BrokenLesson, Lesson

    path = tmp_path / "rare.toml"
    path.write_text(RARE.replace("STRIDES", "2000, 3999"))
    refused = load_lesson(path)
    assert isinstance(refused, BrokenLesson) and "of 100 draws" in refused.message
    path.write_text(RARE.replace("STRIDES", "1, 1"))
    lesson = load_lesson(path)
    assert isinstance(lesson, Lesson)
    checked = lesson.quiz.questions[0]
    assert isinstance(checked, NumberQuestion) and checked.example is not None
    question = checked._replace(vary=(*checked.vary[:2], ("stride", 2000, 3999)))
    quiz = lesson.quiz._replace(questions=(question,))
    fell_back = 0
    for seed in range(40):
        layer = QuizRun(quiz, attempt=1, rng=random.Random(seed)).current.layer
        assert layer is not None and layer.fits_exactly
        fell_back += layer == question.example
    assert fell_back > 0, "some draws found nothing of their own"


def test_a_question_about_an_earlier_ones_layer_always_gets_that_layer() -> None:
    """Lesson 5: "And the same layer with sharing" is asked about question 2's layer, on the
    first attempt and on every retry, whatever is drawn."""
    from tutor.lessons.loader import load_lesson
    from tutor.lessons.model import Lesson
    from tutor.lessons.shipped import shipped_lessons_dir

    lesson = load_lesson(shipped_lessons_dir() / "05-sharing-vs-local.toml")
    assert isinstance(lesson, Lesson)
    for attempt in range(30):
        run = QuizRun(lesson.quiz, attempt=attempt, rng=random.Random(attempt))
        unshared, shared = run.asked[1], run.asked[2]
        assert shared.prompt.startswith("And the same layer with sharing")
        assert shared.layer == unshared.layer is not None
        assert shared.layer.describe() in shared.prompt


def test_a_wrong_choice_says_why_it_is_wrong() -> None:
    question = ChoiceQuestion(
        "Kernels without sharing?",
        ("96", "290,400"),
        1,
        "One per neuron.",
        explanations=("96 is the number of filters.", "One per neuron."),
    )
    run = QuizRun(Quiz((question,), 70), attempt=3, rng=random.Random(2))
    picked = run.asked[0].choices.index("96")
    feedback = run.answer(picked)
    assert not feedback.correct and feedback.slip == "96 is the number of filters."
    assert feedback.breakdown == ("One per neuron.",)


def test_a_required_question_must_be_right_to_pass() -> None:
    """Lesson 1's retry with the misconception chosen: 4 of 5 is 80 %, and not a pass."""
    from tutor.lessons.loader import load_lesson
    from tutor.lessons.model import Lesson
    from tutor.lessons.shipped import shipped_lessons_dir

    lesson = load_lesson(shipped_lessons_dir() / "01-one-kernel.toml")
    assert isinstance(lesson, Lesson)
    run = QuizRun(lesson.quiz, attempt=1, rng=random.Random(4))
    for asked in run.asked:
        if asked.is_choice:
            wrong = asked.choices.index(
                "Each position gets a set of weights of its own, learned separately"
            )
            run.answer(wrong)
        else:
            run.answer(str(asked.answer))
        run.advance()
    assert run.percent == 80 and run.quiz.pass_percent == 70
    assert not run.passed
