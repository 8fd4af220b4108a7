"""The shipped curriculum: it loads, it answers the learner's question, its answers are right."""

from __future__ import annotations

import random
import re

import pytest

from tests.reference import reference_quantity
from tutor.engine import QUANTITIES, fmt
from tutor.lessons.loader import load_folder
from tutor.lessons.model import BrokenLesson, ChoiceQuestion, Lesson, NumberQuestion
from tutor.lessons.placeholders import fill, placeholders_in
from tutor.lessons.shipped import shipped_lessons_dir
from tutor.lessons.variants import rounds_down
from tutor.quiz.asking import ask, draw
from tutor.quiz.run import QuizRun, counts_parameters

LESSONS: list[Lesson] = [x for x in load_folder(shipped_lessons_dir()) if isinstance(x, Lesson)]
VARIANTS = 200


def test_every_shipped_lesson_loads() -> None:
    loaded = load_folder(shipped_lessons_dir())
    assert [x.message for x in loaded if isinstance(x, BrokenLesson)] == []
    assert len(LESSONS) >= 8
    assert [lesson.order for lesson in LESSONS] == sorted(lesson.order for lesson in LESSONS)


@pytest.mark.parametrize("lesson", LESSONS, ids=[x.id for x in LESSONS])
def test_each_quiz_has_three_questions_one_on_parameter_counts(lesson: Lesson) -> None:
    run = QuizRun(lesson.quiz, rng=random.Random(1))
    assert len(run.asked) >= 3
    assert any(counts_parameters(asked.question) for asked in run.asked)


def numeric_questions() -> list[tuple[str, NumberQuestion]]:
    return [
        (f"{lesson.id}-q{i + 1}", q)
        for lesson in LESSONS
        for i, q in enumerate(lesson.quiz.questions)
        if isinstance(q, NumberQuestion)
    ]


@pytest.mark.parametrize(
    ("name", "question"), numeric_questions(), ids=[n for n, _ in numeric_questions()]
)
def test_numeric_answers_equal_the_counts(name: str, question: NumberQuestion) -> None:
    """The canonical layer and 200 drawn variants, answered correctly; drawn ones fit exactly
    unless the canonical layer leaves rows over (on purpose, to ask about rounding down)."""
    rng = random.Random(name)
    layers = set()
    for attempt in range(VARIANTS + 1):
        if question.layer_from is not None:
            return  # asked about another question's layer: checked with that one
        asked = ask(question, draw(question, attempt, rng))
        layer = asked.layer
        assert layer is not None
        assert layer.fits_exactly or rounds_down(question.layer)
        assert asked.answer == reference_quantity(question.quantity, layer)
        assert "{" not in asked.prompt and "}" not in asked.prompt
        for hint in asked.hints:
            if asked.answer >= 10:
                assert not re.search(rf"(?<![\d,]){re.escape(fmt(asked.answer))}(?![\d,])", hint)
        layers.add(layer)
        if attempt == 0 and question.layer is not None:
            assert layer == question.layer
    if question.vary:
        assert len(layers) > 5, "retries should not repeat the same layer"


def test_choice_hints_never_name_the_answer() -> None:
    for lesson in LESSONS:
        for question in lesson.quiz.questions:
            if isinstance(question, ChoiceQuestion):
                asked = ask(question, draw(question, 0, random.Random(0)))
                right = asked.choices[asked.answer]
                assert all(right not in hint for hint in asked.hints)


def page_texts(lesson_id: str) -> str:
    lesson = next(x for x in LESSONS if x.id == lesson_id)
    return "\n".join(fill(page.narration, page.layer) for page in lesson.pages)


def test_lesson_six_shows_the_seed_numbers() -> None:
    """The learner's question: 290,400 kernels, 105,705,600 unshared, 34,944 shared."""
    text = page_texts("alexnet-conv1")
    for figure in ("290,400", "105,705,600", "34,944", "364", "3,025", "55 x 55 x 96"):
        assert figure in text
    assert "Not 96" in text


def test_narration_placeholders_are_all_filled() -> None:
    for lesson in LESSONS:
        for page in lesson.pages:
            filled = fill(page.narration, page.layer)
            assert not placeholders_in(filled), (lesson.id, page.title)


def test_the_curriculum_covers_the_five_confusions() -> None:
    """C1-C5 of DESIGN.md each have a lesson whose scenes or counts show the answer."""
    by_id = {lesson.id: lesson for lesson in LESSONS}
    scenes = {
        lesson_id: [p.scene for p in lesson.pages if p.scene is not None]
        for lesson_id, lesson in by_id.items()
    }
    # C1: a shared kernel sliding over one map, with the counter visible.
    assert any("counter" in s.panels and s.mode == "shared" for s in scenes["one-kernel"])
    # C2: several depth slices, each with its own shared weights and bias.
    assert any(s.layer.filters > 1 and s.mode == "shared" for s in scenes["many-filters"])
    # C3 and C4: the same small layer shared and unshared, counters running.
    modes = {s.mode for s in scenes["sharing-vs-local"] if "counter" in s.panels}
    assert modes == {"shared", "unshared"}
    assert "unshared_kernels" in QUANTITIES
    # C5: the dense comparison, and the same kernel on a larger input.
    dense = [s for s in scenes["dense-vs-conv"] if "dense" in s.panels]
    assert len({s.layer.height for s in dense}) >= 2
    assert len({int(s.stepper().weights.sum()) for s in dense}) == 1


def test_the_authoring_guide_example_is_a_valid_lesson(tmp_path) -> None:
    guide = shipped_lessons_dir() / "README.md"
    example = guide.read_text().split("```toml\n", 1)[1].split("```", 1)[0]
    path = tmp_path / "example.toml"
    path.write_text(example)
    (lesson,) = load_folder(tmp_path)
    assert isinstance(lesson, Lesson), getattr(lesson, "message", "")
    assert lesson.quiz.questions[0].vary
