"""The project's own exceptions for input a person has to fix."""

from __future__ import annotations

from pathlib import Path


class RazmetkaError(Exception):
    """Base class: the message is meant for a person, not a traceback."""


class InputError(RazmetkaError):
    """A file that cannot be imported.  ``str()`` names the file and the problem."""

    def __init__(self, path: str | Path, problem: str) -> None:
        self.path = str(path)
        self.problem = problem
        super().__init__(f"{self.path}: {problem}")
