"""The scene: a layer's pass drawn as grids and sums, from a frame to the terminal.

`frame.py` holds what a scene shows (its fixed facts and one moment's frame); `grids.py`,
`texts.py` and `stage.py` turn a frame into lines of marked runs; `layout.py` puts them
together, a pure function of the frame and a width; `canvas.py` is the widget that repaints
the lines that differ from those on screen.
"""
