"""ConvLayer: output sizes from the formula, and impossible layers refused by name."""

from __future__ import annotations

import pytest
from hypothesis import given
from hypothesis import strategies as st

from tests.reference import out_size
from tests.strategies import layers
from tutor.engine import MAX_DIMENSION, ConvLayer, LayerError


def alexnet(**changes) -> ConvLayer:
    fields = {
        "height": 227,
        "width": 227,
        "channels": 3,
        "kernel": 11,
        "filters": 96,
        "stride": 4,
    } | changes
    return ConvLayer(**fields)


def test_alexnet_conv1_output() -> None:
    layer = alexnet()
    assert layer.output_shape == (55, 55, 96)
    assert layer.kernel == (11, 11) and layer.stride == (4, 4) and layer.padding == (0, 0)
    assert layer.fits_exactly


def test_pairs_are_rows_then_columns() -> None:
    layer = ConvLayer(
        height=10,
        width=20,
        channels=1,
        kernel=(3, 5),
        filters=1,
        stride=(2, 1),
        padding=(1, 2),
        dilation=(2, 1),
    )
    assert layer.out_height == (10 + 2 - 5) // 2 + 1
    assert layer.out_width == (20 + 4 - 5) // 1 + 1


def test_stride_that_does_not_fit_is_rounded_down_and_reported() -> None:
    layer = ConvLayer(height=7, width=7, channels=1, kernel=3, filters=1, stride=3)
    assert layer.out_height == 2
    assert layer.unused == (1, 1)
    assert not layer.fits_exactly


@given(layer=layers())
def test_output_size_matches_the_formula(layer: ConvLayer) -> None:
    for axis, size in ((0, layer.height), (1, layer.width)):
        expected = out_size(
            size, layer.kernel[axis], layer.stride[axis], layer.padding[axis], layer.dilation[axis]
        )
        assert (layer.out_height, layer.out_width)[axis] == expected >= 1


@pytest.mark.parametrize(
    ("changes", "message"),
    [
        ({"stride": 0}, "stride: must be >= 1, got 0"),
        ({"stride": (1, -2)}, "stride: must be >= 1, got -2"),
        ({"dilation": 0}, "dilation: must be >= 1, got 0"),
        ({"padding": -1}, "padding: must be >= 0, got -1"),
        ({"kernel": 0}, "kernel: must be >= 1, got 0"),
        ({"kernel": 229}, "kernel: spans 229 rows, more than the padded input height 227"),
        (
            {"kernel": (3, 230), "padding": 1},
            "kernel: spans 230 columns, more than the padded input width 229",
        ),
        ({"dilation": 30}, "kernel: spans 301 rows, more than the padded input height 227"),
        ({"groups": 2}, "groups: must divide the input channels (3), got 2"),
        ({"groups": 3, "filters": 4}, "groups: must divide the filters (4), got 3"),
        ({"height": 0}, "height: must be >= 1, got 0"),
        ({"channels": 2.5}, "channels: must be a whole number, got 2.5"),
        ({"filters": True}, "filters: must be a whole number, got True"),
        ({"kernel": (1, 2, 3)}, "kernel: must be one number or a (rows, cols) pair"),
        ({"bias": "yes"}, "bias: must be true or false, got 'yes'"),
        ({"width": MAX_DIMENSION + 1}, f"width: must be <= {MAX_DIMENSION:,}"),
    ],
)
def test_impossible_layers_name_field_and_value(changes: dict, message: str) -> None:
    with pytest.raises(LayerError) as caught:
        alexnet(**changes)
    assert str(caught.value).startswith(message)
    assert caught.value.field == message.split(":")[0]


def test_describe_reads_like_the_command_line() -> None:
    assert alexnet().describe() == "input 227 x 227 x 3, 96 filters of 11 x 11 x 3, stride 4"
    grouped = ConvLayer(
        height=8,
        width=9,
        channels=4,
        kernel=(3, 5),
        filters=2,
        stride=(2, 1),
        padding=1,
        groups=2,
        bias=False,
    )
    assert grouped.describe() == (
        "input 8 x 9 x 4, 2 filters of 3 x 5 x 2, stride 2x1, padding 1, 2 groups, no bias"
    )


@given(st.integers(-3, 3), st.integers(-3, 3))
def test_refusal_matches_pytorch_rules(stride: int, padding: int) -> None:
    """Accepted exactly when stride >= 1 and padding >= 0 (the kernel fits here)."""
    try:
        ConvLayer(
            height=9, width=9, channels=1, kernel=3, filters=1, stride=stride, padding=padding
        )
    except LayerError:
        assert stride < 1 or padding < 0
    else:
        assert stride >= 1 and padding >= 0


@given(layer=layers(max_size=30))
def test_the_rows_no_window_reads_are_counted_exactly(layer: ConvLayer) -> None:
    """Against every window's every tap, one by one."""
    expected = []
    for axis in (0, 1):
        size = (layer.height, layer.width)[axis]
        taps = {
            o * layer.stride[axis] - layer.padding[axis] + k * layer.dilation[axis]
            for o in range((layer.out_height, layer.out_width)[axis])
            for k in range(layer.kernel[axis])
        }
        expected.append(size - len({t for t in taps if 0 <= t < size}))
    assert layer.unread == tuple(expected)


def test_what_a_stride_that_does_not_fit_leaves_out() -> None:
    def words(**sizes: object) -> str:
        return ConvLayer(channels=1, filters=1, **sizes).leftover_words()  # type: ignore[arg-type]

    assert words(height=224, width=224, kernel=11, stride=4) == (
        "1 input row and 1 input column are never read"
    )
    assert words(height=224, width=223, kernel=11, stride=4) == "1 input row is never read"
    assert words(height=8, width=8, kernel=3, stride=2, padding=1) == (
        "only padding is left over: every input value is read"
    )
