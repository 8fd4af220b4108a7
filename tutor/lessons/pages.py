"""Reading one lesson page: its title, its narration (with its placeholders checked), what it
shows under the text and the neuron it asks the learner to predict, each read even when
another is broken."""

from __future__ import annotations

from collections.abc import Callable

from ..engine import ConvLayer
from . import limits
from .model import (
    COUNTS_PREDICTED,
    DEFAULT_PREDICTION_PROMPT,
    CountPrediction,
    Page,
    Prediction,
)
from .placeholders import check_placeholders
from .reader import LessonError, Part, Problems, Table, check_int
from .scenes import read_layer, read_map, read_scene


def read_page(table: Table) -> Page:
    """A page; its title, narration and what it shows are each read even if one is broken."""
    problems = Problems()
    title = problems.read(table.take_text, "title", limits.MAX_TEXT_CHARS, "")
    narration = problems.read(
        lambda: table.take_text("narration", limits.MAX_NARRATION_CHARS, lines=True)
    )
    scene = problems.read(_optional(read_scene), table, "scene")
    counts = problems.read(_optional(read_layer), table, "counts")
    neuron_map = problems.read(_optional(read_map), table, "map")
    parts = {"scene": scene, "counts": counts, "map": neuron_map}
    shown = [key for key, part in parts.items() if part is not None]
    if len(shown) > 1:
        problems.found.append(
            LessonError(
                table.path(shown[1]),
                f"a page shows one thing under its text: {' or '.join(shown)}, not both",
            )
        )
    predict: Prediction | CountPrediction | None = None
    asks = problems.read(table.take_table, "predict", False)
    walked = scene.layer if scene is not None else (neuron_map and neuron_map.layer)
    if asks is not None and asks.has("count"):
        if walked is not None:
            predict = problems.read(read_count_prediction, asks, walked)
        elif not table.has("scene") and not table.has("map"):  # a broken one is reported
            problems.found.append(
                LessonError(asks.where, "asks for a count: the page needs a scene or a map")
            )
    elif asks is not None and scene is not None:
        predict = problems.read(read_prediction, asks, scene.layer)
    elif asks is not None and not table.has("scene"):  # a broken scene is reported already
        problems.found.append(
            LessonError(asks.where, "asks for a prediction: the page needs a scene")
        )
    if asks is not None and predict is None:  # stopped at a bad value: still name a typo
        problems.read(asks.finish, ("neuron", "count", "at", "prompt"))
    problems.read(table.finish)
    problems.check()
    assert narration is not None and title is not None  # problems.check() raised otherwise
    page = Page(
        narration=narration,
        title=title,
        scene=scene,
        counts=counts,
        map=neuron_map,
        predict=predict,
    )
    check_placeholders({table.path("narration"): narration}, page.layer is not None, "page")
    return page


def read_prediction(table: Table, layer: ConvLayer) -> Prediction:
    """`neuron = [row, col]` (or [slice, row, col] with several filters) from 1, inside the
    scene's output, and an optional one-line prompt."""
    wanted = ["slice", "row", "col"] if layer.filters > 1 else ["row", "col"]
    sizes = dict(
        zip(
            ["slice", "row", "col"], (layer.filters, layer.out_height, layer.out_width), strict=True
        )
    )
    where = table.path("neuron")
    neuron = table.take_list("neuron", 3)
    if len(neuron) != len(wanted):
        shape = (
            "[slice, row, col]: the layer has several filters"
            if layer.filters > 1
            else ("[row, col]")
        )
        raise LessonError(where, f"must be {shape}, got {len(neuron)} numbers")
    found = {
        name: check_int(value, f"{where}[{n}]", 1, sizes[name]) - 1
        for n, (name, value) in enumerate(zip(wanted, neuron, strict=True))
    }
    prompt = table.take_text("prompt", limits.MAX_TEXT_CHARS, DEFAULT_PREDICTION_PROMPT)
    table.finish()
    return Prediction((found.get("slice", 0), found["row"], found["col"]), prompt)


def read_count_prediction(table: Table, layer: ConvLayer) -> CountPrediction:
    """`count = "kernels"` or `"parameters"`, `at` the step it is asked at (from 1, at most
    the layer's neurons) and a one-line prompt."""
    count = table.take_choice("count", COUNTS_PREDICTED)
    steps = layer.filters * layer.out_height * layer.out_width
    at = table.take_int("at", 1, steps) - 1
    default = f"How many {count} has the pass needed so far?"
    prompt = table.take_text("prompt", limits.MAX_TEXT_CHARS, default)
    table.finish()
    return CountPrediction(count, at, prompt)


def _optional(read: Callable[[Table], Part]) -> Callable[[Table, str], Part | None]:
    """`read` of the table at `key` of a table, or None when there is none."""

    def read_at(table: Table, key: str) -> Part | None:
        found = table.take_table(key, required=False)
        return None if found is None else read(found)

    return read_at
