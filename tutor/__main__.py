"""`python -m tutor` does what the `cnn-tutor` command does."""

import sys

from .cli import main

sys.exit(main())
