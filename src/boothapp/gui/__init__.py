"""The desktop window: the only package of boothapp that imports PySide6.

Start it with :func:`boothapp.gui.app.run_gui`.
"""
