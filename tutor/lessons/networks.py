"""Network files: a whole network as data (`tutor/models/*.toml`, or a teacher's copy), read into
the engine's stage-by-stage counts for `cnn-tutor params --model`.

A file names the network, its input (height, width, channels) and its layers in order. Each
layer reads the output of the layer before it, or of the earlier layer its `from` names (a
residual block's shortcut); `add` joins the layers its `of` names. Every key is checked as a
lesson's are: a typo or a value out of range is one line naming the file and the key.
"""

from __future__ import annotations

from pathlib import Path
from typing import Any

from ..engine.geometry import MAX_DIMENSION, LayerError
from ..engine.network import (
    NetworkCount,
    Shape,
    Stage,
    add_stage,
    batchnorm_stage,
    conv_stage,
    linear_stage,
    pool_stage,
    resize_stage,
)
from ..regular_files import UnreadableFile, read_regular_file
from .reader import LessonError, Table, check_int

MODELS = Path(__file__).resolve().parent.parent / "models"
"""The networks that come with the tutor, one file each, named by the model's name."""
MAX_BYTES = 1_000_000
MAX_LAYERS = 1_000
KINDS = ("conv", "linear", "batchnorm", "maxpool", "avgpool", "resize", "add")


class NetworkError(ValueError):
    """A network file that cannot be used: the message names the file and the key."""


def shipped_models() -> list[str]:
    return sorted(path.stem for path in MODELS.glob("*.toml"))


def load_network(name_or_path: str) -> NetworkCount:
    """A shipped model by name (alexnet), or a network file by path; NetworkError says why not."""
    path = (
        MODELS / f"{name_or_path}.toml" if name_or_path in shipped_models() else Path(name_or_path)
    )
    try:
        raw = read_regular_file(path, MAX_BYTES)
    except FileNotFoundError:
        known = ", ".join(shipped_models())
        raise NetworkError(f"{name_or_path}: no such model ({known}) or file") from None
    except UnreadableFile as problem:
        raise NetworkError(f"{path}: {problem.reason}") from None
    except OSError as error:
        raise NetworkError(f"{path}: cannot be read ({error.strerror or error})") from None
    import tomllib

    try:
        data = tomllib.loads(raw.decode("utf-8"))
        return read_network(data)
    except (UnicodeDecodeError, tomllib.TOMLDecodeError) as error:
        raise NetworkError(f"{path}: is not valid TOML ({error})") from None
    except LessonError as error:
        raise NetworkError(f"{path}: {error}") from None


def read_network(data: dict[str, Any]) -> NetworkCount:
    table = Table(data, "")
    name = table.take_text("name", 80)
    source = table.take_text("source", 300, "")
    published = table.take_int("published_total", 0, 10**12, 0)
    start = shape = _shape(table, "input")
    stages: list[Stage] = []
    for layer in table.take_tables("layers", 1, MAX_LAYERS):
        stages.append(_stage(layer, shape, stages))
        shape = stages[-1].output
    table.finish()
    return NetworkCount(name, start, tuple(stages), published, source)


def _stage(table: Table, shape: Shape, before: list[Stage]) -> Stage:
    name = table.take_text("name", 60)
    if any(stage.name == name for stage in before):
        raise LessonError(table.path("name"), f"{name!r} names an earlier layer too")
    kind = table.take_choice("kind", KINDS)
    if table.has("from"):
        shape = _earlier(table, table.take_text("from", 60), before).output
    try:
        stage = _read_kind(table, kind, name, shape, before)
    except LayerError as error:
        raise LessonError(table.path(error.field), error.problem) from None
    table.finish()
    return stage


def _read_kind(table: Table, kind: str, name: str, shape: Shape, before: list[Stage]) -> Stage:
    if kind == "conv":
        return conv_stage(
            name,
            shape,
            table.take_int("filters", 1, MAX_DIMENSION),
            _pair(table, "kernel"),
            stride=_pair(table, "stride", 1),
            padding=_pair(table, "padding", 0, low=0),
            dilation=_pair(table, "dilation", 1),
            groups=table.take_int("groups", 1, MAX_DIMENSION, 1),
            bias=table.take_bool("bias", True),
        )
    if kind == "linear":
        features = table.take_int("features", 1, MAX_DIMENSION)
        return linear_stage(name, shape, features, bias=table.take_bool("bias", True))
    if kind == "batchnorm":
        return batchnorm_stage(name, shape)
    if kind in ("maxpool", "avgpool"):
        kernel = _pair(table, "kernel")
        stride = _pair(table, "stride", kernel[0]) if table.has("stride") else kernel
        return pool_stage(
            name, shape, kernel, stride=stride, padding=_pair(table, "padding", 0, low=0)
        )
    if kind == "resize":
        return resize_stage(name, shape, _pair(table, "size"))
    names = table.take_list("of", 10)
    if len(names) < 2:
        raise LessonError(table.path("of"), "adds at least two layers' outputs")
    return add_stage(name, [_earlier(table, str(n), before).output for n in names])


def _earlier(table: Table, name: str, before: list[Stage]) -> Stage:
    for stage in before:
        if stage.name == name:
            return stage
    raise LessonError(table.where, f"reads {name!r}, which no earlier layer is named")


def _pair(table: Table, key: str, default: Any = None, low: int = 1) -> tuple[int, int]:
    value = table.raw(key) if default is None else table.raw(key, default)
    where = table.path(key)
    if isinstance(value, list) and len(value) == 2:
        return (
            check_int(value[0], where, low, MAX_DIMENSION),
            check_int(value[1], where, low, MAX_DIMENSION),
        )
    number = check_int(value, where, low, MAX_DIMENSION)
    return (number, number)


def _shape(table: Table, key: str) -> Shape:
    value = table.take_list(key, 3)
    if len(value) != 3:
        raise LessonError(table.path(key), "must be [height, width, channels]")
    h, w, c = (check_int(item, table.path(key), 1, MAX_DIMENSION) for item in value)
    return (h, w, c)
