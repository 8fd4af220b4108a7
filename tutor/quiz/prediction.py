"""A learner's prediction of one neuron (or of a count the pass has needed), read from what
they typed and judged against the engine's value, with the slip named when a wrong number
matches one.

Scene numbers are whole, so every neuron is: a prediction is a whole number, signed, and
is written back as the scene writes numbers (plain digits).
"""

from __future__ import annotations

import re
import time
from typing import NamedTuple

from ..engine import NeuronWalk, Step
from ..engine.count_slips import count_slip_values, counted
from ..engine.neuron_slips import neuron_slip_values
from ..progress.predictions import MAX_PREDICTED_CHARS, PredictionRecord
from .digits import ascii_number, thousands_advice

_WHOLE = re.compile(r"[+-]?(?:[0-9]+|[0-9]{1,3}(?:,[0-9]{3})+)")
_DECIMAL = re.compile(r"[+-]?[0-9]*\.[0-9]*")
SLIP_ADVICE: dict[str, str] = {
    "left_out_bias": "that is the sum before the bias, which comes last",
    "one_channel_only": "that is one channel alone; a neuron adds every channel",
    "dropped_signs": "that is every product with its minus sign dropped",
    "as_if_shared": "that is the count with sharing; here each neuron owns its kernel",
    "one_kernel_per_neuron": "that is a kernel per neuron; here a slice shares one",
    "left_out_biases": "that leaves out the biases, one per kernel",
}
"""Short, so a verdict fits one line of an 80-column screen."""


class ReadPrediction(NamedTuple):
    """The number typed, or why what was typed is not one."""

    value: int | None
    problem: str = ""


class PredictionVerdict(NamedTuple):
    correct: bool
    value: int
    """What the neuron is, from the engine."""
    slip: str
    """The slip the wrong number matched, by name; "" when none did (or it was right)."""
    message: str


def read_prediction(text: str) -> ReadPrediction:
    """A whole number such as 12, -3 or 1,024; anything else gets a one-sentence message."""
    cleaned = ascii_number(text).strip()
    if not cleaned:
        return ReadPrediction(None, "Type the number you expect first, for example 12 or -3.")
    if len(cleaned) > MAX_PREDICTED_CHARS:
        return ReadPrediction(None, "That is too long: type just the number you expect.")
    if _WHOLE.fullmatch(cleaned):
        return ReadPrediction(int(cleaned.replace(",", "")))
    advice = thousands_advice(cleaned)
    if advice is not None:
        return ReadPrediction(None, advice)
    if _DECIMAL.fullmatch(cleaned):
        return ReadPrediction(
            None, "This layer's numbers are whole, so every neuron is: type a whole number."
        )
    return ReadPrediction(None, "Type the number with digits, for example 12 or -3.")


def judge_prediction(step: Step, given: int) -> PredictionVerdict:
    """Right or wrong against the neuron's value; a wrong number a slip explains is named."""
    value = int(step.result)
    if given == value:
        return PredictionVerdict(True, value, "", f"Right: this neuron is {value}.")
    slip = neuron_slip_values(step).get(given, "")
    message = f"This neuron is {value}, not {given}"
    message += f": {SLIP_ADVICE[slip]}." if slip else ". The working is shown above."
    return PredictionVerdict(False, value, slip, message)


def judge_count(walk: NeuronWalk, count: str, index: int, given: int) -> PredictionVerdict:
    """Right or wrong against what the pass has needed by step `index`; a wrong number a slip
    explains is named."""
    value = counted(walk, count, index)
    if given == value:
        return PredictionVerdict(True, value, "", f"Right: the pass has needed {value:,} {count}.")
    slip = count_slip_values(walk, count, index).get(given, "")
    message = f"It is {value:,} {count}, not {given:,}"
    message += f": {SLIP_ADVICE[slip]}." if slip else ". The tally shows it now."
    return PredictionVerdict(False, value, slip, message)


def prediction_record(
    page: int, neuron: tuple[int, int, int], typed: str, verdict: PredictionVerdict
) -> PredictionRecord:
    """What the progress file keeps of one prediction: the neuron it was asked at, the text,
    the verdict."""
    return PredictionRecord(
        page,
        neuron,
        typed.strip()[:MAX_PREDICTED_CHARS],
        verdict.correct,
        verdict.slip,
        time.time(),
    )
