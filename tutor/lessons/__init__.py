"""Lessons as data: the model, the validating loader, and where the shipped lessons live."""
