"""Named quantities and recognised slips, on the seed's layer and on random ones."""

from __future__ import annotations

from hypothesis import given

from tests.strategies import layers
from tutor.engine import QUANTITIES, ConvLayer, count_parameters, fmt, slip_values

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
    shared = slip_values("shared_total", ALEXNET)
    assert shared == {"forgot_bias": 34_848, "forgot_depth": 96 * 122, "forgot_filters": 364}


def test_slips_never_equal_the_truth() -> None:
    for name, quantity in QUANTITIES.items():
        truth = quantity.value(ALEXNET)
        values = slip_values(name, ALEXNET)
        assert truth not in values.values()
        assert len(set(values.values())) == len(values)
