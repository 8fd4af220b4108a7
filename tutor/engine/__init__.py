"""The NumPy core: layer geometry, convolution, the stepper and parameter counts.

Nothing here imports Textual, Rich or the rest of the tutor, and nothing reads or writes files:
a notebook can use it as it is. Geometry and counts are plain Python; the parts that need NumPy
(convolution and its backward pass, a layer's matrix, the stepper, seeded data) are imported on
first use, so listing lessons or counting parameters never pays for importing NumPy.
"""

from __future__ import annotations

from importlib import import_module
from typing import TYPE_CHECKING, Any

from .counts import ParameterCounts, SchemeCount, count_parameters, fmt
from .geometry import MAX_DIMENSION, ConvLayer, LayerError
from .mistakes import SLIPS, slip_values
from .quantities import QUANTITIES, Quantity
from .stack import check_stack, receptive_field, stack_parameters

if TYPE_CHECKING:
    from .backward import GradientTerm, conv2d_backward, weight_gradient_terms
    from .conv import conv2d, locally_connected2d, receptive_fields
    from .data import seeded_integers
    from .matrix import conv_matrix, distinct_weights, matrix_labels, matrix_row, weight_label
    from .stepper import Step, Stepper, WeightReach
    from .walk import NeuronWalk

_NEEDS_NUMPY = {
    "GradientTerm": "backward",
    "conv2d_backward": "backward",
    "weight_gradient_terms": "backward",
    "conv2d": "conv",
    "locally_connected2d": "conv",
    "receptive_fields": "conv",
    "seeded_integers": "data",
    "conv_matrix": "matrix",
    "distinct_weights": "matrix",
    "matrix_labels": "matrix",
    "matrix_row": "matrix",
    "weight_label": "matrix",
    "Step": "stepper",
    "Stepper": "stepper",
    "WeightReach": "stepper",
    "NeuronWalk": "walk",
}


def __getattr__(name: str) -> Any:
    if name in _NEEDS_NUMPY:
        return getattr(import_module(f".{_NEEDS_NUMPY[name]}", __name__), name)
    raise AttributeError(f"module {__name__!r} has no attribute {name!r}")


__all__ = [
    "MAX_DIMENSION",
    "QUANTITIES",
    "SLIPS",
    "ConvLayer",
    "GradientTerm",
    "LayerError",
    "NeuronWalk",
    "ParameterCounts",
    "Quantity",
    "SchemeCount",
    "Step",
    "Stepper",
    "WeightReach",
    "check_stack",
    "conv2d",
    "conv2d_backward",
    "conv_matrix",
    "count_parameters",
    "distinct_weights",
    "fmt",
    "locally_connected2d",
    "matrix_labels",
    "matrix_row",
    "receptive_field",
    "receptive_fields",
    "seeded_integers",
    "slip_values",
    "stack_parameters",
    "weight_gradient_terms",
    "weight_label",
]
