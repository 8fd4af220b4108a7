"""conv2d and locally_connected2d against the naive loops, and against PyTorch's numbers."""

from __future__ import annotations

import json
from pathlib import Path

import numpy as np
import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from tests.reference import naive_conv2d, naive_locally_connected
from tests.strategies import geometry, integer_arrays, layers
from tutor.engine import ConvLayer, LayerError, conv2d, locally_connected2d

TORCH_CASES = Path(__file__).parent / "data" / "torch_conv_cases.json"


@settings(max_examples=300, deadline=None)
@given(layer=layers(), seed=st.integers(0, 2**32 - 1))
def test_conv2d_matches_naive_loops(layer: ConvLayer, seed: int) -> None:
    x, w, b = integer_arrays(layer, seed)
    got = conv2d(x, w, b, **geometry(layer))
    want = naive_conv2d(x, w, b, **geometry(layer))
    assert got.shape == layer.output_shape[2:] + layer.output_shape[:2]
    np.testing.assert_array_equal(got, want.astype(np.int64))


@settings(max_examples=150, deadline=None)
@given(layer=layers(max_size=7), seed=st.integers(0, 2**32 - 1))
def test_locally_connected_matches_naive_loops(layer: ConvLayer, seed: int) -> None:
    x, w, b = integer_arrays(layer, seed, unshared=True)
    got = locally_connected2d(x, w, b, **geometry(layer))
    want = naive_locally_connected(x, w, b, **geometry(layer))
    np.testing.assert_array_equal(got, want.astype(np.int64))


def test_locally_connected_with_equal_kernels_is_a_convolution() -> None:
    layer = ConvLayer(height=6, width=5, channels=2, kernel=3, filters=2, padding=1)
    x, w, b = integer_arrays(layer, 7)
    tiled_w = np.broadcast_to(w[:, None, None], (2, 6, 5, 2, 3, 3))
    tiled_b = np.broadcast_to(b[:, None, None], (2, 6, 5))
    np.testing.assert_array_equal(
        locally_connected2d(x, tiled_w, tiled_b, padding=1), conv2d(x, w, b, padding=1)
    )


def test_window_entirely_in_padding_gives_the_bias() -> None:
    x = np.arange(1, 5).reshape(1, 2, 2)
    w = np.ones((1, 1, 1, 1))
    out = conv2d(x, w, np.array([7.0]), stride=3, padding=3)
    # A 1x1 kernel at stride 3 over 2 + 6 rows lands on padded rows 0 and 3 (input rows -3, 0).
    assert out.shape == (1, 3, 3)
    assert out[0, 0, 0] == 7.0
    assert out[0, 1, 1] == 7.0 + 1.0


def test_integer_inputs_stay_exact() -> None:
    x = np.full((1, 3, 3), 2**40, dtype=np.int64)
    w = np.ones((1, 1, 3, 3), dtype=np.int64)
    assert conv2d(x, w)[0, 0, 0] == 9 * 2**40


@pytest.mark.parametrize(
    ("kwargs", "field"),
    [
        ({"x": np.zeros((3, 3)), "w": np.zeros((1, 1, 1, 1))}, "input"),
        ({"x": np.zeros((2, 3, 3)), "w": np.zeros((1, 1, 1, 1))}, "weights"),
        ({"x": np.zeros((1, 3, 3)), "w": np.zeros((1, 1, 1))}, "weights"),
        ({"x": np.zeros((1, 3, 3)), "w": np.zeros((2, 1, 1, 1)), "b": np.zeros(3)}, "bias"),
        ({"x": np.zeros((1, 3, 3)), "w": np.zeros((1, 1, 4, 1))}, "kernel"),
        ({"x": np.zeros((1, 3, 3)), "w": np.zeros((1, 1, 1, 1)), "stride": 0}, "stride"),
    ],
)
def test_bad_arrays_name_the_field(kwargs: dict, field: str) -> None:
    with pytest.raises(LayerError) as caught:
        conv2d(**kwargs)
    assert caught.value.field == field


def test_matches_stored_pytorch_outputs() -> None:
    """Cases computed once by torch.nn.functional.conv2d (tests/tools/make_torch_cases.py)."""
    cases = json.loads(TORCH_CASES.read_text())
    assert len(cases) >= 40
    for case in cases:
        x, w = np.array(case["x"]), np.array(case["w"])
        b = None if case["b"] is None else np.array(case["b"])
        got = conv2d(
            x,
            w,
            b,
            **{k: tuple(v) if isinstance(v, list) else v for k, v in case["geometry"].items()},
        )
        want = np.array(case["out"])
        assert got.shape == want.shape, case["geometry"]
        if case["exact"]:
            np.testing.assert_array_equal(got, want)
        else:
            np.testing.assert_allclose(got, want, rtol=1e-12, atol=1e-12)


@settings(max_examples=200, deadline=None)
@given(layer=layers(), seed=st.integers(0, 2**32 - 1))
def test_matches_live_pytorch(layer: ConvLayer, seed: int) -> None:
    torch = pytest.importorskip("torch")
    rng = np.random.default_rng(seed)
    x = rng.standard_normal((layer.channels, layer.height, layer.width))
    w = rng.standard_normal((layer.filters, layer.channels_per_group, *layer.kernel))
    b = rng.standard_normal(layer.filters) if layer.bias else None
    want = torch.nn.functional.conv2d(
        torch.from_numpy(x)[None],
        torch.from_numpy(w),
        None if b is None else torch.from_numpy(b),
        **geometry(layer),
    )[0].numpy()
    np.testing.assert_allclose(conv2d(x, w, b, **geometry(layer)), want, rtol=1e-10, atol=1e-12)
