"""What a lesson is once loaded: immutable data, checked, with no way to run anything."""

from __future__ import annotations

from pathlib import Path
from typing import TYPE_CHECKING, Any, NamedTuple

if TYPE_CHECKING:  # a lesson's header is made at start-up: nothing of the engine is needed
    import numpy as np

    from ..engine import ConvLayer, Stepper


# Named tuples rather than frozen dataclasses: every start-up defines this module's eleven
# classes, and a frozen dataclass of six fields takes 0.59 ms to define against 0.07 ms for a
# named tuple (measured 2026-12-01): nearly 5 ms, about 1.7 % of the list's start-up.
class Values(NamedTuple):
    """Scene numbers: given explicitly (nested tuples) or drawn from a seed within a range.

    Kept as plain Python so that listing lessons never imports NumPy; arrays are made only when
    a scene is shown.
    """

    explicit: tuple[Any, ...] | None = None
    seed: int = 0
    low: int = 0
    high: int = 0

    def array(self, shape: tuple[int, ...]) -> np.ndarray:
        import numpy as np

        from ..engine import seeded_integers

        if self.explicit is not None:
            return np.array(self.explicit, dtype=np.int64).reshape(shape)
        return seeded_integers(shape, self.seed, self.low, self.high)


class Scene(NamedTuple):
    """A small layer with its numbers, and which panels the screen should show for it."""

    layer: ConvLayer
    inputs: Values
    weights: Values
    bias: Values
    mode: str = "shared"
    order: str = "row"
    panels: tuple[str, ...] = ()

    def stepper(self) -> Stepper:
        """A fresh stepper over this scene's layer and numbers."""
        layer = self.layer
        kernel = (layer.channels_per_group, *layer.kernel)
        outputs: tuple[int, ...] = (layer.filters,)
        if self.mode == "unshared":
            outputs = (layer.filters, layer.out_height, layer.out_width)
        weights = self.weights.array((*outputs, *kernel))
        biases = self.bias.array(outputs) if layer.bias else None
        inputs = self.inputs.array((layer.channels, layer.height, layer.width))
        from ..engine import Stepper

        return Stepper(layer, inputs, weights, biases, mode=self.mode, order=self.order)  # type: ignore[arg-type]


class NeuronMap(NamedTuple):
    """A layer of any size drawn one character per neuron, a depth slice at a time, with the
    kernel, the receptive field and the running counts of the neuron under the cursor.
    Only coordinates and identities are shown, never values, so nothing is computed."""

    layer: ConvLayer
    mode: str = "shared"
    """The scheme the map opens with; the learner switches between the two."""


DEFAULT_PREDICTION_PROMPT = "What will this neuron be? Work it out from its window and type it."


class Prediction(NamedTuple):
    """A neuron of the page's scene the learner works out by hand before it is shown."""

    neuron: tuple[int, int, int]
    """(slice, row, col) from 0."""
    prompt: str = DEFAULT_PREDICTION_PROMPT


COUNTS_PREDICTED = ("kernels", "parameters")
"""What a count prediction asks for: the distinct kernels, or parameters, the pass has used."""


class CountPrediction(NamedTuple):
    """A count the learner works out before the tally shows it: how many distinct kernels (or
    parameters) the pass has needed when it reaches step `at`, shared or not."""

    kind: str
    """What is counted: one of COUNTS_PREDICTED (`count = ...` in the file)."""
    at: int
    """The step it is asked at, from 0."""
    prompt: str


class Page(NamedTuple):
    """Narration (Markdown), and under it at most one of: an animated scene, a neuron map, a
    layer to count.

    `counts` and `map` may be as large as a real network: they are only counted and walked,
    never computed. Placeholders such as {unshared_total} in the narration are filled from
    whichever layer the page has.
    """

    narration: str
    title: str = ""
    scene: Scene | None = None
    counts: ConvLayer | None = None
    map: NeuronMap | None = None
    predict: Prediction | CountPrediction | None = None

    @property
    def layer(self) -> ConvLayer | None:
        """The layer the narration's placeholders describe."""
        if self.counts is not None:
            return self.counts
        if self.map is not None:
            return self.map.layer
        return None if self.scene is None else self.scene.layer


class NumberQuestion(NamedTuple):
    """Answer is the engine's value of `quantity` for the question's layer, never a typed number.

    `layer` is the canonical layer, asked first; `vary` holds (field, low, high) ranges from
    which a fresh valid layer is drawn on every later attempt (or every attempt, with no layer).
    `example` is a valid layer for the question found when the lesson was checked (the
    canonical one, or one drawn from the ranges): asked whenever a fresh draw finds none, so
    a question that passed the check can always be asked.
    """

    prompt: str
    quantity: str
    layer: ConvLayer | None
    vary: tuple[tuple[str, int, int], ...] = ()
    hints: tuple[str, ...] = ()
    example: ConvLayer | None = None
    required: bool = False
    """Must be right for the lesson to be passed, whatever the score."""
    layer_from: int | None = None
    """The index of an earlier question whose layer this one asks about, drawn with it."""


class ChoiceQuestion(NamedTuple):
    """A concept question. `answer` is the index of the right choice (0-based).

    `explanations` holds one text per choice, shown when that choice is picked: why a tempting
    wrong answer is wrong, in the learner's terms; `explanation` is shown whatever is picked.
    """

    prompt: str
    choices: tuple[str, ...]
    answer: int
    explanation: str = ""
    hints: tuple[str, ...] = ()
    layer: ConvLayer | None = None
    required: bool = False
    explanations: tuple[str, ...] = ()


Question = NumberQuestion | ChoiceQuestion


class Quiz(NamedTuple):
    questions: tuple[Question, ...]
    pass_percent: int


class Lesson(NamedTuple):
    id: str
    order: int
    title: str
    summary: str
    pages: tuple[Page, ...]
    quiz: Quiz
    source: Path = Path()
    requires: tuple[str, ...] = ()
    """Ids of lessons to pass before this one opens."""


class LessonHeader(NamedTuple):
    """What the list, the palette and `--lesson N` need of a lesson that loads cleanly."""

    id: str
    order: int
    title: str
    summary: str
    pages: int
    source: Path
    requires: tuple[str, ...] = ()


class BrokenLesson(NamedTuple):
    """A lesson file that could not be loaded: shown in the list with its message, never fatal."""

    source: Path
    message: str
    problems: tuple[str, ...] = ()
    """Each problem on a line of its own, when there are several (`check` prints them all)."""

    @property
    def title(self) -> str:
        return self.source.name
