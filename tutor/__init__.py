"""cnn-tutor: see a convolutional layer compute, and count what parameter sharing saves."""

__version__ = "0.1.0"
