"""Which cells of every level of a stack one neuron of the last layer depends on: its window
in the layer below, that window's windows below it, down to its receptive field in the input.

Found the way training finds it: a gradient of 1 on the neuron sent back through each layer
with every weight 1 (`conv2d_backward`), so a cell is reached exactly when its gradient is not
zero. Dilation's gaps stay gaps, and padding cuts the field at the edges.
"""

from __future__ import annotations

from collections.abc import Sequence

import numpy as np

from .backward import conv2d_backward
from .geometry import ConvLayer
from .stack import check_stack


def stack_reach(layers: Sequence[ConvLayer], neuron: tuple[int, int]) -> tuple[np.ndarray, ...]:
    """Boolean (rows, cols) masks, from the input to the last layer's output, of the cells
    the last layer's neuron (row, col) depends on. Channels do not change which cells: each
    layer is followed on one channel."""
    check_stack(layers)
    last = layers[-1]
    reached = np.zeros((1, last.out_height, last.out_width), dtype=np.int64)
    reached[0][neuron] = 1
    masks = [reached[0] != 0]
    for layer in reversed(layers):
        inputs = np.zeros((1, layer.height, layer.width), dtype=np.int64)
        ones = np.ones((1, 1, *layer.kernel), dtype=np.int64)
        reached, _, _ = conv2d_backward(
            inputs,
            ones,
            reached,
            stride=layer.stride,
            padding=layer.padding,
            dilation=layer.dilation,
        )
        masks.append(reached[0] != 0)
    return tuple(reversed(masks))
