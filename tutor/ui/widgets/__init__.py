"""Widgets that render what the engine computed: the scene canvas, count tables, the footer."""
