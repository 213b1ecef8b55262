"""The main window, as a package: assembly, actions, editing, navigation, jobs and prompts.

``window.py`` assembles the panels and observes the session; each other module is
one job of the window, written as a mixin whose handlers register themselves for
an :class:`~gui.shortcuts.Action` with :func:`actions.handles`.
"""

from .window import MainWindow

__all__ = ["MainWindow"]
