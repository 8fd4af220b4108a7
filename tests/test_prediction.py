"""A prediction of one neuron: what a learner types, right or wrong, and the slip named, with
the slips' numbers worked out here by hand from the scene's own values."""

from __future__ import annotations

import numpy as np
import pytest

from tutor.engine import ConvLayer, Stepper
from tutor.engine.neuron_slips import neuron_slip_values
from tutor.progress.history import BadHistory
from tutor.progress.predictions import (
    PredictionRecord,
    prediction_from_json,
    prediction_to_json,
)
from tutor.quiz.prediction import judge_prediction, read_prediction

# Lesson 1's third page: a 5 x 5 input, a 3 x 3 kernel and a bias of 3.
INPUT = np.array(
    [[1, 0, 2, 3, 0], [0, 1, 1, 0, 2], [3, 0, 0, 1, 1], [2, 2, 0, 0, 1], [0, 1, 3, 2, 0]]
)
WEIGHTS = np.array([[[[1, -1, 0], [2, 0, -2], [0, 1, 1]]]])


def one_channel_step():
    layer = ConvLayer(height=5, width=5, channels=1, kernel=3, filters=1)
    stepper = Stepper(layer, INPUT[None], WEIGHTS, np.array([3]))
    return stepper.step(stepper.index_of(0, 1, 2))


def two_channel_step():
    layer = ConvLayer(height=3, width=3, channels=2, kernel=3, filters=1)
    inputs = np.stack([INPUT[:3, :3], INPUT[2:, 2:]])
    weights = np.stack([WEIGHTS[0, 0], -WEIGHTS[0, 0]])[None]
    return Stepper(layer, inputs, weights, np.array([5])).step(0)


@pytest.mark.parametrize(
    ("typed", "value"),
    [
        ("12", 12),
        (" -3 ", -3),
        ("\u22127", -7),
        ("+4", 4),
        ("1,024", 1024),
        ("0", 0),
        ("-0", 0),
        ("\u0661\u0662", 12),
        ("-\uff13", -3),
        ("\u0967,\u0966\u0968\u096a", 1024),
    ],
)
def test_a_whole_number_is_read_with_its_sign(typed: str, value: int) -> None:
    assert read_prediction(typed).value == value


@pytest.mark.parametrize(
    ("typed", "says"),
    [
        ("", "Type the number you expect first"),
        ("2.5", "whole"),
        ("twelve", "with digits"),
        ("1,02", "with digits"),
        ("9" * 21, "too long"),
        ("--3", "with digits"),
        ("1.024", "1.024 reads as a decimal here: for thousands type 1,024 or 1024."),
        ("-1'024", "Type thousands as -1,024 or -1024, without the apostrophe."),
    ],
)
def test_anything_else_gets_one_sentence(typed: str, says: str) -> None:
    read = read_prediction(typed)
    assert read.value is None and says in read.problem and "\n" not in read.problem


def test_the_right_number_is_right() -> None:
    step = one_channel_step()
    # the window at rows 2-4, cols 3-5, worked by hand
    window = INPUT[1:4, 2:5]
    value = int((window * WEIGHTS[0, 0]).sum()) + 3
    verdict = judge_prediction(step, value)
    assert verdict.correct and verdict.value == value and verdict.slip == ""
    assert verdict.message == f"Right: this neuron is {value}."


def test_leaving_the_bias_out_is_named() -> None:
    step = one_channel_step()
    without_bias = int((INPUT[1:4, 2:5] * WEIGHTS[0, 0]).sum())
    verdict = judge_prediction(step, without_bias)
    assert not verdict.correct and verdict.slip == "left_out_bias"
    assert verdict.message.startswith(f"This neuron is {without_bias + 3}, not {without_bias}")
    assert verdict.message.endswith("the sum before the bias, which comes last.")


def test_dropping_the_signs_is_named() -> None:
    step = one_channel_step()
    unsigned = int(abs(INPUT[1:4, 2:5] * WEIGHTS[0, 0]).sum()) + 3
    assert judge_prediction(step, unsigned).slip == "dropped_signs"


def test_one_channel_alone_is_named() -> None:
    step = two_channel_step()
    first = int((INPUT[:3, :3] * WEIGHTS[0, 0]).sum())
    second = int((INPUT[2:, 2:] * -WEIGHTS[0, 0]).sum())
    assert int(step.result) == first + second + 5
    values = neuron_slip_values(step)
    assert values[first + 5] == values[second + 5] == "one_channel_only"
    assert judge_prediction(step, first).slip == "one_channel_only"


def test_a_slip_that_gives_the_right_number_is_not_one() -> None:
    layer = ConvLayer(height=3, width=3, channels=1, kernel=3, filters=1)
    step = Stepper(
        layer,
        np.ones((1, 3, 3), dtype=np.int64),
        np.ones((1, 1, 3, 3), dtype=np.int64),
        np.array([0]),
    ).step(0)
    assert int(step.result) not in neuron_slip_values(step)
    wrong = judge_prediction(step, 8)
    assert not wrong.correct and wrong.slip == "" and "working is shown" in wrong.message


def test_a_record_goes_to_json_and_back() -> None:
    record = PredictionRecord(2, (0, 1, 2), "-3", False, "left_out_bias", 1_700_000_000.5)
    assert prediction_from_json(prediction_to_json(record), "x") == record


@pytest.mark.parametrize(
    "item",
    [
        {},
        [0, [0, 1, 2], "3", True, ""],
        [40, [0, 1, 2], "3", True, "", 1.0],
        [0, [0, 1], "3", True, "", 1.0],
        [0, [0, 1, -2], "3", True, "", 1.0],
        [0, [0, 1, 2], 3, True, "", 1.0],
        [0, [0, 1, 2], "3", 1, "", 1.0],
        [0, [0, 1, 2], "3", False, "forgot_bias", 1.0],
        [0, [0, 1, 2], "3", True, "", "now"],
        [0, [0, 1, 2], "3" * 21, True, "", 1.0],
        [0, [True, 1, 2], "3", True, "", 1.0],
    ],
)
def test_a_damaged_record_is_refused(item: object) -> None:
    with pytest.raises(BadHistory, match=r"^h\[0\] "):
        prediction_from_json(item, "h[0]")
