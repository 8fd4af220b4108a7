"""Reading what a lesson page shows: a layer, an animated scene with its numbers, a neuron
map. Each reader checks its table against the format and raises LessonError with the key path
at fault; a scene reads its parts even when one is broken (reader.Problems)."""

from __future__ import annotations

from collections.abc import Sequence
from typing import Any

from ..engine import ConvLayer, LayerError
from ..engine.geometry import LAYER_DEFAULTS, LAYER_FIELDS, checked_field
from . import limits
from .model import NeuronMap, Scene, Values
from .reader import LessonError, Problems, Table, check_int, readable


def read_layer(table: Table) -> ConvLayer:
    """A layer table: height and width (or size), kernel, and optional channels, filters, ...

    Every field is checked on its own first, and every unknown or missing key found, so an
    author hears of all of them at once; only a layer whose fields are each fine is checked
    as a whole (groups dividing the channels, a kernel that fits)."""
    problems = Problems()
    fields: dict[str, Any] = dict(LAYER_DEFAULTS)
    if table.has("size"):
        if table.has("height") or table.has("width"):
            raise LessonError(table.path("size"), "give size, or height and width, not both")
        fields["height"] = fields["width"] = table.raw("size")
    for key in LAYER_FIELDS:
        if table.has(key):
            fields[key] = table.raw(key)
    problems.read(table.finish)
    for key in ("height", "width", "kernel"):
        if key not in fields:
            problems.found.append(LessonError(table.path(key), "is required"))
    size = table.has("size")
    for key, value in fields.items():
        if size and key == "width":
            continue  # size stands for height and width: its problem is said once
        where = table.path("size" if size and key == "height" else key)
        problems.read(_layer_field, where, key, value)
    problems.check()
    try:
        return ConvLayer(**fields)
    except LayerError as error:
        raise LessonError(table.path(error.field), error.problem) from None


def _layer_field(where: str, key: str, value: object) -> None:
    try:
        checked_field(key, value)
    except LayerError as error:
        raise LessonError(where, error.problem) from None


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
            raise LessonError(
                f"{where}[{i}]", f"has shape {shape}, but {readable(where)}[0] has {shapes[0]}"
            )
    return (len(value), *shapes[0])


def _frozen(values: Any) -> Any:
    """Nested lists as nested tuples, so a loaded lesson stays immutable."""
    return tuple(_frozen(v) for v in values) if isinstance(values, list) else values


def read_values(table: Table, shapes: Sequence[tuple[int, ...]], meaning: str) -> Values:
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
    problems = Problems()
    seed = problems.read(table.take_int, "seed", 0, 2**32 - 1)
    bounds = problems.read(_range, table)
    problems.read(table.finish)
    problems.check()
    return Values(seed=seed, low=bounds[0], high=bounds[1])  # type: ignore[arg-type, index]


def _range(table: Table) -> tuple[int, int]:
    """`range = [low, high]`, whole numbers within the scene limit, low <= high."""
    bounds = table.take_list("range", 2)
    if len(bounds) != 2:
        raise LessonError(table.path("range"), "must be [low, high]")
    top = limits.MAX_SCENE_VALUE
    low = check_int(bounds[0], table.path("range[0]"), -top, top)
    return low, check_int(bounds[1], table.path("range[1]"), low, top)


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
        inputs, weights, bias = (
            problems.read(read_scene_values, table, layer, mode, part)
            for part in ("input", "weights", "bias")
        )
    else:
        table.skip("input", "weights", "bias")
    problems.read(table.finish)
    if (
        panels is not None
        and layer is not None
        and mode is not None
        and set(panels) & set(limits.MATRIX_PANELS)
    ):
        problems.read(check_matrix_panel, layer, mode, table.path("panels"))
    problems.check()
    return Scene(layer, inputs, weights, bias, mode, order, panels)  # type: ignore[arg-type]


def read_panels(table: Table) -> tuple[str, ...]:
    panels = table.take_list("panels", len(limits.PANELS), list(limits.DEFAULT_PANELS))
    first: dict[str, int] = {}
    for i, panel in enumerate(panels):
        where = f"{table.path('panels')}[{i}]"
        if panel not in limits.PANELS:
            raise LessonError(where, f"must be one of {', '.join(limits.PANELS)}, got {panel!r}")
        if panel in first:
            raise LessonError(where, f"names {panel} again (panels[{first[panel]}] shows it)")
        first[panel] = i
    return tuple(panels)


def read_scene_layer(table: Table) -> ConvLayer:
    layer_table = _required(table, "layer")
    layer = read_layer(layer_table)
    check_scene_size(layer, layer_table.where)
    return layer


def read_scene_values(table: Table, layer: ConvLayer, mode: str, part: str) -> Values:
    """The scene's input, weights or bias, in a shape that fits the layer."""
    f, c, (kh, kw) = layer.filters, layer.channels_per_group, layer.kernel
    if part == "input":
        shapes: list[tuple[int, ...]] = [(layer.channels, layer.height, layer.width)]
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
        shapes = [(f, c, kh, kw), *[(c, kh, kw)] * (f == 1), *[(kh, kw)] * (f * c == 1)]
        return read_values(
            weights_table, shapes if mode == "shared" else [], "filters x channels x rows x cols"
        )
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
        raise LessonError(
            where,
            f"the matrix panels draw at most {limits.MAX_MATRIX_INPUTS} "
            f"input values and {limits.MAX_MATRIX_NEURONS} neurons; this "
            f"layer has {inputs} and {neurons}",
        )


def read_map(table: Table) -> NeuronMap:
    mode = table.take_choice("mode", ("shared", "unshared"), "shared")
    layer_table = _required(table, "layer")
    layer = read_layer(layer_table)
    table.finish()
    for key, side in (("height", layer.out_height), ("width", layer.out_width)):
        if side > limits.MAX_MAP_SIDE:
            raise LessonError(
                f"{layer_table.where}.{key}",
                f"a neuron map draws at most {limits.MAX_MAP_SIDE} neurons a side; "
                f"this layer's output is {side}",
            )
    return NeuronMap(layer, mode)


def _required(table: Table, key: str) -> Table:
    found = table.take_table(key)
    assert found is not None
    return found
