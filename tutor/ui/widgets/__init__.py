"""Widgets that render engine results: grids, arithmetic, counters, count tables."""
