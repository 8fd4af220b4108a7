"""Named quantities and recognised slips, on the seed's layer and on random ones."""

from __future__ import annotations

from hypothesis import given
from hypothesis import strategies as st

from tests.reference import reads, reference_quantity
from tests.strategies import layers
from tutor.engine import QUANTITIES, ConvLayer, count_parameters, fmt, slip_values
from tutor.engine.geometry import MAX_DIMENSION
from tutor.engine.quantities import reads_per_position

ALEXNET = ConvLayer(height=227, width=227, channels=3, kernel=11, filters=96, stride=4)


def test_seed_layer_quantities() -> None:
    values = {name: q.value(ALEXNET) for name, q in QUANTITIES.items()}
    assert values["output_height"] == values["output_width"] == 55
    assert values["neurons_per_slice"] == 3_025
    assert values["total_neurons"] == values["unshared_kernels"] == 290_400
    assert values["shared_kernels"] == 96
    assert values["weights_per_filter"] == 363 and values["parameters_per_filter"] == 364
    assert values["shared_total"] == 34_944 and values["unshared_total"] == 105_705_600
    assert values["dense_total"] == 44_892_355_200
    assert values["multiplications"] == 290_400 * 363


@given(layer=layers())
def test_every_quantity_equals_the_textbook_formula(layer: ConvLayer) -> None:
    for name, quantity in QUANTITIES.items():
        assert quantity.value(layer) == reference_quantity(name, layer), name


@st.composite
def long_axes(draw: st.DrawFn) -> ConvLayer:
    """Rows only: sizes up to 80, kernels as long as the padded input, strides past it."""
    size, padding, dilation = (
        draw(st.integers(1, 80)),
        draw(st.integers(0, 30)),
        draw(st.integers(1, 7)),
    )
    kernel = draw(st.integers(1, (size + 2 * padding - 1) // dilation + 1))
    return ConvLayer(
        height=size,
        width=1,
        channels=1,
        kernel=(kernel, 1),
        filters=1,
        stride=(draw(st.integers(1, 90)), 1),
        padding=(padding, 0),
        dilation=(dilation, 1),
    )


@given(layer=long_axes())
def test_reads_of_every_row_equal_counting_window_by_window(layer: ConvLayer) -> None:
    assert reads_per_position(layer, 0).tolist() == reads(layer, 0)


def test_reads_of_the_largest_layers_are_counted_without_visiting_every_window() -> None:
    """A 32,768-wide kernel over 65,536 rows: a billion window taps, counted in one pass over
    the kernel and one over the rows (this once hung the tutor for four minutes)."""
    layer = ConvLayer(
        height=MAX_DIMENSION, width=MAX_DIMENSION, channels=1, kernel=32_768, filters=1
    )
    assert QUANTITIES["most_reads"].value(layer) == 32_768**2
    assert QUANTITIES["corner_reads"].value(layer) == 1
    strided = ConvLayer(
        height=MAX_DIMENSION,
        width=MAX_DIMENSION,
        channels=1,
        kernel=32_768,
        filters=1,
        stride=MAX_DIMENSION,
        padding=MAX_DIMENSION,
    )
    assert QUANTITIES["most_reads"].value(strided) == 1


def test_padding_lets_the_edges_be_read() -> None:
    """Lesson 2's point, in the engine's numbers: a corner value enters 4 products with
    padding 1 and a 3 x 3 kernel, a middle one 9; without padding a corner enters 1."""
    padded = ConvLayer(height=5, width=5, channels=1, kernel=3, filters=1, padding=1)
    assert QUANTITIES["corner_reads"].value(padded) == 4
    assert QUANTITIES["most_reads"].value(padded) == 9
    unpadded = ConvLayer(height=5, width=5, channels=1, kernel=3, filters=1)
    assert QUANTITIES["corner_reads"].value(unpadded) == 1


@given(layer=layers())
def test_every_quantity_explains_its_own_value(layer: ConvLayer) -> None:
    counts = count_parameters(layer)
    for name, quantity in QUANTITIES.items():
        value = quantity.value(layer)
        assert isinstance(value, int) and value >= 0
        lines = quantity.explain(layer)
        assert lines and all(isinstance(line, str) for line in lines)
        if name.endswith("_total"):
            assert getattr(counts, name.removesuffix("_total")).total == value
        if name not in ("output_depth", "shared_kernels", "shared_biases") and value > 9:
            assert fmt(value) in " ".join(lines), name


def test_output_size_explains_rounding_down() -> None:
    layer = ConvLayer(height=7, width=7, channels=1, kernel=3, filters=1, stride=3)
    assert QUANTITIES["output_height"].explain(layer) == (
        "(7 + 2 x 0 - 3) / 3 = 1.33333: rounded down to 1",
        "1 + 1 = 2",
    )


def test_slips_on_the_seed_question() -> None:
    slips = slip_values("unshared_total", ALEXNET)
    assert slips["counted_filters_as_kernels"] == 34_944
    assert slips["forgot_bias"] == 105_415_200
    assert slips["forgot_depth"] == 290_400 * (121 + 1)
    assert slips["used_input_size"] == 227 * 227 * 96 * 364
    assert slips["one_bias_for_layer"] == 105_415_200 + 1
    shared = slip_values("shared_total", ALEXNET)
    assert shared == {
        "forgot_bias": 34_848,
        "one_bias_for_layer": 34_849,
        "forgot_depth": 96 * 122,
        "forgot_filters": 364,
    }


def test_slips_of_an_output_size() -> None:
    """Rows for columns, and the input's size as if the kernel did not have to fit."""
    layer = ConvLayer(height=32, width=40, channels=3, kernel=5, filters=8)
    assert slip_values("output_height", layer) == {"used_input_size": 32, "swapped_axes": 36}
    assert slip_values("output_width", layer) == {"used_input_size": 40, "swapped_axes": 28}


def test_slips_never_equal_the_truth() -> None:
    for name, quantity in QUANTITIES.items():
        truth = quantity.value(ALEXNET)
        values = slip_values(name, ALEXNET)
        assert truth not in values.values()
        assert len(set(values.values())) == len(values)
