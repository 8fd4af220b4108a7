"""Loading lesson files: TOML in, checked immutable lessons out, one clear message per problem.

A lesson file is data only. It is parsed with `tomllib`, every key is checked against the
format, and nothing in it can run code, import, or name another file. A broken file becomes a
`BrokenLesson` carrying "file: key.path: problem"; it never stops the other lessons loading.
"""

from __future__ import annotations

import difflib
import random
import re
from collections.abc import Callable
from pathlib import Path
from typing import TYPE_CHECKING, Any

from ..engine import QUANTITIES, ConvLayer, LayerError
from ..engine.geometry import LAYER_DEFAULTS, LAYER_FIELDS, PAIR_FIELDS
from . import limits
from .folder import arrange, broken, digest_of, lesson_files, read_lesson_file
from .model import (
    BrokenLesson,
    ChoiceQuestion,
    Lesson,
    NeuronMap,
    NumberQuestion,
    Page,
    Quiz,
    Scene,
    Values,
)
from .placeholders import PLACEHOLDERS, placeholders_in
from .reader import LessonError, LessonErrors, Part, Problems, Table, check_int
from .variants import AXES, VARY_KEYS, Ranges, draw_layer, why_no_draw

if TYPE_CHECKING:
    from .header_cache import HeaderCache

_MAX_DIGITS = 4_300
_LONG_NUMBER = re.compile(rf"\d[\d_]{{{_MAX_DIGITS},}}")


def read_layer(table: Table) -> ConvLayer:
    """A layer table: height and width (or size), kernel, and optional channels, filters, ..."""
    fields: dict[str, Any] = dict(LAYER_DEFAULTS)
    if table.has("size"):
        if table.has("height") or table.has("width"):
            raise LessonError(table.path("size"), "give size, or height and width, not both")
        fields["height"] = fields["width"] = table.raw("size")
    for key in LAYER_FIELDS:
        if table.has(key):
            fields[key] = table.raw(key)
    table.finish()
    for key in ("height", "width", "kernel"):
        if key not in fields:
            raise LessonError(table.path(key), "is required")
    try:
        return ConvLayer(**fields)
    except LayerError as error:
        raise LessonError(table.path(error.field), error.problem) from None


def nested_shape(value: object, where: str) -> tuple[int, ...]:
    """Shape of a rectangular nested list of scene numbers; refuses ragged or odd entries."""
    if not isinstance(value, list):
        check_int(value, where, -limits.MAX_SCENE_VALUE, limits.MAX_SCENE_VALUE)
        return ()
    if not value:
        raise LessonError(where, "must not be an empty list")
    shapes = [nested_shape(item, f"{where}[{i}]") for i, item in enumerate(value)]
    for i, shape in enumerate(shapes):
        if shape != shapes[0]:
            raise LessonError(f"{where}[{i}]", f"has shape {shape}, but {where}[0] has {shapes[0]}")
    return (len(value), *shapes[0])


def _frozen(values: Any) -> Any:
    """Nested lists as nested tuples, so a loaded lesson stays immutable."""
    return tuple(_frozen(v) for v in values) if isinstance(values, list) else values


def read_values(table: Table, shapes: list[tuple[int, ...]], meaning: str) -> Values:
    """`values = [...]` in one of the accepted shapes, or `seed` with `range = [low, high]`."""
    if table.has("values") == table.has("seed"):
        raise LessonError(table.where, "give either values, or seed and range")
    if table.has("values"):
        raw = table.raw("values")
        shape = nested_shape(raw, table.path("values"))
        table.finish()
        if shape not in shapes:
            wanted = " or ".join(" x ".join(map(str, s)) for s in shapes)
            got = " x ".join(map(str, shape)) or "a single number"
            raise LessonError(table.path("values"), f"expected {wanted} ({meaning}), got {got}")
        return Values(explicit=_frozen(raw))
    seed = table.take_int("seed", 0, 2**32 - 1)
    bounds = table.take_list("range", 2)
    table.finish()
    if len(bounds) != 2:
        raise LessonError(table.path("range"), "must be [low, high]")
    top = limits.MAX_SCENE_VALUE
    low = check_int(bounds[0], table.path("range[0]"), -top, top)
    high = check_int(bounds[1], table.path("range[1]"), low, top)
    return Values(seed=seed, low=low, high=high)


def check_scene_size(layer: ConvLayer, where: str) -> None:
    rows, cols = layer.padded_shape
    grid = limits.MAX_SCENE_GRID
    if rows > grid or cols > grid:
        raise LessonError(
            f"{where}.height" if rows > grid else f"{where}.width",
            f"an animated scene is at most {grid} x {grid} with padding, got {rows} x {cols}",
        )
    for key, value, most in (
        ("channels", layer.channels, limits.MAX_SCENE_CHANNELS),
        ("filters", layer.filters, limits.MAX_SCENE_FILTERS),
        ("kernel", max(layer.kernel), limits.MAX_SCENE_KERNEL),
    ):
        if value > most:
            raise LessonError(
                f"{where}.{key}", f"an animated scene allows at most {most}, got {value}"
            )


def read_scene(table: Table) -> Scene:
    """A scene; each part's problem is kept and the other parts read (the numbers only when
    the layer they must fit could be read)."""
    problems = Problems()
    mode = problems.read(table.take_choice, "mode", ("shared", "unshared"), "shared")
    order = problems.read(table.take_choice, "order", ("row", "column"), "row")
    panels = problems.read(read_panels, table)
    layer = problems.read(read_scene_layer, table)
    inputs = weights = bias = None
    if layer is not None and mode is not None:
        inputs, weights, bias = (problems.read(read_scene_values, table, layer, mode, part)
                                 for part in ("input", "weights", "bias"))
    else:
        table.skip("input", "weights", "bias")
    problems.read(table.finish)
    if panels is not None and layer is not None and mode is not None \
            and set(panels) & set(limits.MATRIX_PANELS):
        problems.read(check_matrix_panel, layer, mode, table.path("panels"))
    problems.check()
    return Scene(layer, inputs, weights, bias, mode, order, panels)  # type: ignore[arg-type]


def read_panels(table: Table) -> tuple[str, ...]:
    panels = table.take_list("panels", len(limits.PANELS), list(limits.DEFAULT_PANELS))
    for i, panel in enumerate(panels):
        if panel not in limits.PANELS:
            raise LessonError(
                f"{table.path('panels')}[{i}]",
                f"must be one of {', '.join(limits.PANELS)}, got {panel!r}",
            )
    return tuple(dict.fromkeys(panels))


def read_scene_layer(table: Table) -> ConvLayer:
    layer_table = _required(table, "layer")
    layer = read_layer(layer_table)
    check_scene_size(layer, layer_table.where)
    return layer


def read_scene_values(table: Table, layer: ConvLayer, mode: str, part: str) -> Values:
    """The scene's input, weights or bias, in a shape that fits the layer."""
    f, c, (kh, kw) = layer.filters, layer.channels_per_group, layer.kernel
    if part == "input":
        shapes = [(layer.channels, layer.height, layer.width)]
        if layer.channels == 1:
            shapes.append((layer.height, layer.width))
        return read_values(_required(table, "input"), shapes, "channels x rows x cols")
    if part == "weights":
        weights_table = _required(table, "weights")
        if mode == "unshared" and weights_table.has("values"):
            raise LessonError(
                weights_table.path("values"),
                "an unshared scene has a kernel per position: give seed and range instead",
            )
        shapes = [(f, c, kh, kw)] + [(c, kh, kw)] * (f == 1) + [(kh, kw)] * (f * c == 1)
        return read_values(weights_table, shapes if mode == "shared" else [],
                           "filters x channels x rows x cols")
    bias_table = table.take_table("bias", required=False)
    if bias_table is None:
        return Values()
    if not layer.bias:
        raise LessonError(bias_table.where, "the layer has bias = false")
    if mode == "unshared" and bias_table.has("values"):
        raise LessonError(bias_table.path("values"), "an unshared scene takes a seeded bias")
    return read_values(bias_table, [(f,)] if mode == "shared" else [], "one per filter")


def check_matrix_panel(layer: ConvLayer, mode: str, where: str) -> None:
    """The matrix panels draw a shared, ungrouped layer small enough for M to fit the screen."""
    inputs = layer.channels * layer.height * layer.width
    neurons = layer.filters * layer.out_height * layer.out_width
    if mode != "shared" or layer.groups != 1:
        raise LessonError(where, "the matrix panels need a shared scene without groups")
    if inputs > limits.MAX_MATRIX_INPUTS or neurons > limits.MAX_MATRIX_NEURONS:
        raise LessonError(where, f"the matrix panels draw at most {limits.MAX_MATRIX_INPUTS} "
                                 f"input values and {limits.MAX_MATRIX_NEURONS} neurons; this "
                                 f"layer has {inputs} and {neurons}")


def read_map(table: Table) -> NeuronMap:
    mode = table.take_choice("mode", ("shared", "unshared"), "shared")
    layer_table = _required(table, "layer")
    layer = read_layer(layer_table)
    table.finish()
    for key, side in (("height", layer.out_height), ("width", layer.out_width)):
        if side > limits.MAX_MAP_SIDE:
            raise LessonError(f"{layer_table.where}.{key}",
                              f"a neuron map draws at most {limits.MAX_MAP_SIDE} neurons a side; "
                              f"this layer's output is {side}")
    return NeuronMap(layer, mode)


def _required(table: Table, key: str) -> Table:
    found = table.take_table(key)
    assert found is not None
    return found


def read_page(table: Table) -> Page:
    """A page; its title, narration and what it shows are each read even if one is broken."""
    problems = Problems()
    title = problems.read(table.take_text, "title", limits.MAX_TEXT_CHARS, "")
    narration = problems.read(lambda: table.take_text("narration", limits.MAX_NARRATION_CHARS,
                                                      lines=True))
    parts = {key: problems.read(read, table, key) for key, read in
             (("scene", _optional(read_scene)), ("counts", _optional(read_layer)),
              ("map", _optional(read_map)))}
    shown = [key for key, part in parts.items() if part is not None]
    if len(shown) > 1:
        problems.found.append(LessonError(table.path(shown[1]), f"a page shows one thing under "
                                          f"its text: {' or '.join(shown)}, not both"))
    problems.read(table.finish)
    problems.check()
    page = Page(narration=narration, title=title, scene=parts["scene"],  # type: ignore[arg-type]
                counts=parts["counts"], map=parts["map"])  # type: ignore[arg-type]
    check_placeholders({table.path("narration"): narration}, page.layer is not None, "page")
    return page


def _optional(read: Callable[[Table], Part]) -> Callable[[Table, str], Part | None]:
    """`read` of the table at `key` of a table, or None when there is none."""
    def read_at(table: Table, key: str) -> Part | None:
        found = table.take_table(key, required=False)
        return None if found is None else read(found)
    return read_at


def check_placeholders(texts: dict[str, str], has_layer: bool, owner: str = "question") -> None:
    for where, text in texts.items():
        for name in placeholders_in(text):
            if name not in PLACEHOLDERS:
                hint = difflib.get_close_matches(name, PLACEHOLDERS, n=1)
                also = f" (did you mean {{{hint[0]}}}?)" if hint else ""
                raise LessonError(where, f"{{{name}}} is not a known placeholder{also}")
            if not has_layer:
                raise LessonError(where, f"uses {{{name}}} but the {owner} has no layer")


def read_vary(table: Table) -> Ranges:
    """[low, high] per key; a pair field may instead give [[low, high], [low, high]], a range
    for its rows and one for its columns."""
    ranges = []
    for key in VARY_KEYS:
        if not table.has(key):
            continue
        bounds = table.take_list(key, 2)
        if key in PAIR_FIELDS and len(bounds) == 2 and all(isinstance(b, list) for b in bounds):
            ranges += [(f"{key}:{axis}", *_range(axis_bounds, f"{table.path(key)}[{n}]"))
                       for n, (axis, axis_bounds) in enumerate(zip(AXES, bounds, strict=True))]
        else:
            ranges.append((key, *_range(bounds, table.path(key))))
    table.finish()
    if not ranges:
        raise LessonError(table.where, "must vary at least one field")
    return tuple(ranges)


def _range(bounds: object, where: str) -> tuple[int, int]:
    if not isinstance(bounds, list) or len(bounds) != 2:
        raise LessonError(where, "must be [low, high]")
    low = check_int(bounds[0], f"{where}[0]", 0, 65_536)
    return low, check_int(bounds[1], f"{where}[1]", low, 65_536)


def read_number_question(table: Table, prompt: str, hints: tuple[str, ...]) -> NumberQuestion:
    quantity = table.take_text("answer", 40)
    if quantity not in QUANTITIES:
        hint = difflib.get_close_matches(quantity, QUANTITIES, n=1)
        also = f" (did you mean {hint[0]!r}?)" if hint else ""
        raise LessonError(table.path("answer"), f"{quantity!r} is not a known quantity{also}; "
                                                f"the quantities: {', '.join(QUANTITIES)}")
    required = table.take_bool("required", False)
    layer_table = table.take_table("layer", required=False)
    layer = None if layer_table is None else read_layer(layer_table)
    vary_table = table.take_table("vary", required=False)
    vary = () if vary_table is None else read_vary(vary_table)
    layer_from = None
    if table.has("layer_from"):
        if layer is not None or vary:
            raise LessonError(table.path("layer_from"), "asks about another question's layer: "
                                                        "give it no layer or vary of its own")
        layer_from = table.take_int("layer_from", 1, limits.MAX_QUESTIONS) - 1
    table.finish()
    if layer_from is not None:  # its question is checked with the quiz (read_quiz)
        return NumberQuestion(prompt=prompt, quantity=quantity, layer=None, hints=hints,
                              required=required, layer_from=layer_from)
    if layer is None and not vary:
        raise LessonError(table.where, "needs a layer, or vary ranges, or both")
    names = {name for name, _, _ in vary}
    sized = "size" in names or {"height", "width"} <= names
    kernel = "kernel" in names or {"kernel:rows", "kernel:cols"} <= names
    if layer is None and not (sized and kernel):
        raise LessonError(
            table.path("vary"), "without a layer, vary needs size (or height and width) and kernel"
        )
    example = layer
    if vary:
        example = draw_layer(layer, vary, random.Random(0))
        if example is None:
            raise LessonError(table.path("vary"), why_no_draw(layer, vary, random.Random(0)))
    return NumberQuestion(prompt=prompt, quantity=quantity, layer=layer, vary=vary, hints=hints,
                          example=example, required=required)


def read_choice_question(table: Table, prompt: str, hints: tuple[str, ...]) -> ChoiceQuestion:
    choices = table.take_texts("choices", limits.MAX_CHOICES, limits.MAX_TEXT_CHARS)
    if len(choices) < 2:
        raise LessonError(table.path("choices"), f"needs at least 2 choices, got {len(choices)}")
    if len(set(choices)) != len(choices):
        raise LessonError(table.path("choices"), "has the same choice twice")
    answer = table.take_int("answer", 1, len(choices))
    explanation = table.take_text("explanation", limits.MAX_TEXT_CHARS * 2, "", lines=True)
    explanations = table.take_texts("explanations", limits.MAX_CHOICES,
                                    limits.MAX_TEXT_CHARS * 2)
    if explanations and len(explanations) != len(choices):
        raise LessonError(table.path("explanations"), f"needs one text per choice "
                                                      f"({len(choices)}), got {len(explanations)}")
    required = table.take_bool("required", False)
    layer_table = table.take_table("layer", required=False)
    layer = None if layer_table is None else read_layer(layer_table)
    table.finish()
    check_placeholders(
        {**{f"{table.path('choices')}[{i}]": c for i, c in enumerate(choices)},
         **{f"{table.path('explanations')}[{i}]": e for i, e in enumerate(explanations)},
         table.path("explanation"): explanation},
        layer is not None,
    )
    return ChoiceQuestion(prompt, choices, answer - 1, explanation, hints, layer, required,
                          explanations)


def read_question(table: Table) -> NumberQuestion | ChoiceQuestion:
    """A question; its kind, prompt and hints, and then the rest, are each read even if one
    is broken."""
    problems = Problems()
    kind = problems.read(table.take_choice, "kind", ("number", "choice"))
    prompt = problems.read(lambda: table.take_text("prompt", limits.MAX_TEXT_CHARS * 2,
                                                   lines=True))
    hints = problems.read(table.take_texts, "hints", limits.MAX_HINTS, limits.MAX_TEXT_CHARS)
    question = None
    if kind is not None:
        body = read_number_question if kind == "number" else read_choice_question
        question = problems.read(body, table, prompt or "", hints or ())
    problems.check()
    assert question is not None and prompt is not None and hints is not None
    has_layer = (question.layer is not None or bool(getattr(question, "vary", ()))
                 or getattr(question, "layer_from", None) is not None)
    texts = {table.path("prompt"): prompt}
    texts.update({f"{table.path('hints')}[{i}]": hint for i, hint in enumerate(hints)})
    check_placeholders(texts, has_layer)
    return question


def read_quiz(table: Table, problems: Problems) -> Quiz | None:
    """The quiz; each question's problem is kept in `problems` and the next one read. None if
    any part was broken."""
    found = len(problems.found)
    pass_percent = problems.read(table.take_int, "pass_percent", 1, 100,
                                 limits.DEFAULT_PASS_PERCENT)
    tables = problems.read(table.take_tables, "questions", 1, limits.MAX_QUESTIONS) or []
    questions = [problems.read(read_question, q) for q in tables]
    problems.read(table.finish)
    for n, question in enumerate(questions):
        source = None if question is None else getattr(question, "layer_from", None)
        if source is not None and (source >= len(questions) or questions[source] is not None):
            questions[n] = problems.read(linked, question, questions,
                                         f"{table.path('questions')}[{n}]", n)
    if len(problems.found) > found or pass_percent is None:
        return None
    return Quiz(questions=tuple(questions), pass_percent=pass_percent)  # type: ignore[arg-type]


def linked(question: NumberQuestion, questions: list[NumberQuestion | ChoiceQuestion],
           where: str, index: int) -> NumberQuestion:
    """A question asking about an earlier number question's layer, with that one's example."""
    source = question.layer_from
    assert source is not None
    earlier = questions[source] if source < index else None
    if not isinstance(earlier, NumberQuestion) or earlier.layer_from is not None:
        raise LessonError(f"{where}.layer_from", f"must name an earlier number question with a "
                                                 f"layer of its own, got {source + 1}")
    return question._replace(example=earlier.example)


def read_lesson(data: dict[str, Any], source: Path) -> Lesson:
    """The lesson in a TOML document; LessonError naming every part that is wrong (each top
    field, page and question is read even when one before it is broken)."""
    table = Table(data, "")
    version = table.raw("format_version")
    if type(version) is not int or version != limits.FORMAT_VERSION:  # not 1.0, not true
        raise LessonError(
            "format_version",
            f"this tutor reads format_version {limits.FORMAT_VERSION}, got {version!r}",
        )
    problems = Problems()
    lesson_id = problems.read(read_id, table)
    order = problems.read(table.take_int, "order", 1, 999)
    title = problems.read(table.take_text, "title", 80)
    summary = problems.read(table.take_text, "summary", limits.MAX_TEXT_CHARS)
    requires = problems.read(read_requires, table, lesson_id)
    page_tables = problems.read(table.take_tables, "pages", 1, limits.MAX_PAGES) or []
    pages = tuple(problems.read(read_page, page) for page in page_tables)
    quiz_table = problems.read(table.take_table, "quiz")
    quiz = None if quiz_table is None else problems.read(read_quiz, quiz_table, problems)
    problems.read(table.finish)
    problems.check()
    assert lesson_id is not None and order is not None and title is not None
    assert summary is not None and requires is not None and quiz is not None
    return Lesson(lesson_id, order, title, summary, pages, quiz, source,  # type: ignore[arg-type]
                  requires)


def read_id(table: Table) -> str:
    lesson_id = table.take_text("id", 40)
    if not limits.LESSON_ID.fullmatch(lesson_id):
        raise LessonError("id", f"use lower-case letters, digits and dashes, got {lesson_id!r}")
    return lesson_id


def read_requires(table: Table, lesson_id: str | None) -> tuple[str, ...]:
    requires = table.take_texts("requires", limits.MAX_REQUIRES, 40)
    for n, required in enumerate(requires):
        if not limits.LESSON_ID.fullmatch(required) or required == lesson_id:
            raise LessonError(f"requires[{n}]", f"must be the id of another lesson, got "
                                                f"{required!r}")
    return tuple(dict.fromkeys(requires))


def parse_document(raw: bytes) -> dict[str, Any]:
    """Bytes of a lesson file to its TOML document, or LessonError saying why they are not one."""
    import tomllib  # here, not at the top: a lesson whose document is cached never needs it

    try:
        text = raw.decode("utf-8")
    except UnicodeDecodeError as error:
        line = raw.count(b"\n", 0, error.start) + 1
        raise LessonError(
            "", f"is not UTF-8 text (line {line} has the byte 0x{raw[error.start]:02x}); "
            "save it as UTF-8"
        ) from None
    try:
        data = tomllib.loads(text)
    except tomllib.TOMLDecodeError as error:
        raise LessonError("", f"is not valid TOML: {error}") from None
    except ValueError as error:  # Python reads no integer of more than 4,300 digits
        long = _LONG_NUMBER.search(text)
        if long is None:
            raise LessonError("", f"is not valid TOML: {error}") from None
        line = text.count("\n", 0, long.start()) + 1
        raise LessonError("", f"line {line} has a number too long to read (more than "
                              f"{_MAX_DIGITS:,} digits)") from None
    if not data:
        raise LessonError("", "is empty")
    return data


def lesson_and_document(raw: bytes, path: Path, document: dict[str, Any] | None = None
                        ) -> tuple[Lesson | BrokenLesson, dict[str, Any] | None]:
    """The lesson in a file's bytes, checked in full, or a BrokenLesson whose message starts
    with the file's path; and the TOML document it was read from (None if there is none).

    `document` is the bytes' document if already known (cached), which spares parsing them.
    """
    try:
        if document is None:
            document = parse_document(raw)
        return read_lesson(document, path), document
    except LessonErrors as errors:
        return broken(path, str(errors))._replace(problems=tuple(errors.problems)), document
    except LessonError as error:
        return broken(path, str(error)), document
    except RecursionError:
        return broken(path, "is nested too deeply to be a lesson"), document


def load_lesson(path: Path, cache: HeaderCache | None = None) -> Lesson | BrokenLesson:
    """One lesson file, checked in full, or a BrokenLesson whose message starts with the file's
    path. With the list's `cache`, the TOML is parsed only if the cache has not kept the
    document of exactly these bytes."""
    raw = read_lesson_file(path)
    if isinstance(raw, BrokenLesson):
        return raw
    document = None if cache is None else cache.document(digest_of(raw))
    return lesson_and_document(raw, path, document)[0]


def load_folder(folder: Path) -> list[Lesson | BrokenLesson]:
    """Every *.toml in `folder`, in lesson order; broken files last, in name order."""
    return arrange(load_lesson(path) for path in lesson_files(folder))
