"""The NumPy core: layer geometry, convolution, the stepper and parameter counts.

Nothing here imports Textual, Rich or the rest of the tutor, and nothing reads or writes files:
a notebook can use it as it is.
"""

from .conv import conv2d, locally_connected2d, receptive_fields
from .counts import ParameterCounts, SchemeCount, count_parameters, fmt
from .data import seeded_integers
from .geometry import MAX_DIMENSION, ConvLayer, LayerError
from .mistakes import SLIPS, slip_values
from .quantities import QUANTITIES, Quantity
from .stepper import Step, Stepper, WeightReach

__all__ = [
    "MAX_DIMENSION",
    "QUANTITIES",
    "SLIPS",
    "ConvLayer",
    "LayerError",
    "ParameterCounts",
    "Quantity",
    "SchemeCount",
    "Step",
    "Stepper",
    "WeightReach",
    "conv2d",
    "count_parameters",
    "fmt",
    "locally_connected2d",
    "receptive_fields",
    "seeded_integers",
    "slip_values",
]
