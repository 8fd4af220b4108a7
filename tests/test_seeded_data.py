"""Example numbers drawn from a seed: in range, repeatable, and pinned to known values."""

from __future__ import annotations

import numpy as np
from hypothesis import given
from hypothesis import strategies as st

from tutor.engine import seeded_integers


@given(
    seed=st.integers(0, 2**63),
    low=st.integers(-50, 50),
    span=st.integers(0, 40),
    shape=st.tuples(st.integers(1, 4), st.integers(1, 6), st.integers(1, 6)),
)
def test_in_range_and_the_same_for_the_same_seed(
    seed: int, low: int, span: int, shape: tuple[int, int, int]
) -> None:
    values = seeded_integers(shape, seed, low, low + span)
    assert values.shape == shape and values.dtype == np.int64
    assert values.min() >= low and values.max() <= low + span
    assert np.array_equal(values, seeded_integers(shape, seed, low, low + span))


def test_pinned_values_never_change_with_an_upgrade() -> None:
    """A lesson's numbers (and so its narration's arithmetic) are part of the lesson.

    SplitMix64's published first output for seed 0 is 0xE220A8397B1DCDAF.
    """
    assert seeded_integers((1,), 0, 0, 2**62 - 1).tolist() == [0xE220A8397B1DCDAF % 2**62]
    assert seeded_integers((2, 3), 11, -3, 3).tolist() == [[-2, 0, -3], [-3, 0, -1]]
    assert seeded_integers((4,), 0, 0, 9).tolist() == [5, 0, 9, 4]


def test_every_value_of_a_small_range_turns_up() -> None:
    values = seeded_integers((10, 10), 7, 0, 4)
    assert set(values.flatten().tolist()) == {0, 1, 2, 3, 4}
