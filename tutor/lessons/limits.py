"""Limits on lesson files: what fits an 80 x 24 screen, and what keeps a bad file harmless.

Animated scenes are drawn cell by cell, so they are small. Quiz layers are only counted, so
they may be as large as real networks (up to the engine's MAX_DIMENSION per size).
"""

import re

FORMAT_VERSION = 1
CHECKS_VERSION = 9
"""Raised with every change that makes a lesson file valid that was not, or the reverse: the
lesson list's cache of verdicts on files (header_cache.py) is keyed on it."""
LESSON_ID = re.compile(r"[a-z0-9][a-z0-9-]{0,39}")
"""A lesson's id: what progress is kept under."""

MAX_FILE_BYTES = 1_000_000
MAX_PAGES = 40
MAX_NARRATION_CHARS = 6_000
MAX_TEXT_CHARS = 400
MAX_QUESTIONS = 20
MAX_HINTS = 5
MAX_REQUIRES = 20
"""Lessons one lesson may require to be passed first."""
MAX_CHOICES = 6

MAX_SCENE_GRID = 16
"""Rows and columns of one input channel, padding included."""
MAX_SCENE_CHANNELS = 4
MAX_SCENE_FILTERS = 4
MAX_SCENE_KERNEL = 7
MAX_SCENE_VALUE = 99
"""Scene values (inputs, weights, biases) are whole numbers in -99..99 so every cell is 3 wide."""

MAX_MAP_SIDE = 128
"""Rows and columns of one depth slice of a neuron map: one character per neuron."""

MAX_MATRIX_INPUTS = 25
MAX_MATRIX_NEURONS = 16
"""A matrix panel draws M (neurons x input values) under one scheme, one label per entry."""

MATRIX_PANELS = ("dense-matrix", "unshared-matrix", "shared-matrix")
PANELS = ("input", "kernel", "output", "arithmetic", "counter", "dense", "wiring", *MATRIX_PANELS)
DEFAULT_PANELS = ("input", "kernel", "output", "arithmetic")
DEFAULT_PASS_PERCENT = 70
