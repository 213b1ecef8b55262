"""Opening the project a command works on, by the one rule (``storage.paths.choose_project``)."""

from __future__ import annotations

import sys
from pathlib import Path

from storage import Project, StorageError
from storage.paths import ENV_VAR, ProjectChoice, choose_project


def project_path(db: str | None) -> Path:
    """``--db``, else ``RAZMETKA_DB``, else the default project."""
    return choose_project(db).path


def announce(choice: ProjectChoice) -> None:
    """The first line on stderr of every command that writes or exports: which project it used."""
    print(choice.line(), file=sys.stderr, flush=True)


def open_project(db: str | None, *, create: bool = True, say: bool = True) -> Project:
    """The project by the rule: ``--db``, else ``RAZMETKA_DB``, else the default one.

    Its path is printed first on stderr (``say``; off for commands that only read).
    Commands that only read (``list``, ``export``) pass ``create=False``: a mistyped
    path is then an error, not a new empty project that makes an empty dataset.
    """
    choice = choose_project(db)
    if say:
        announce(choice)
    path = choice.path
    if not create and not path.exists():
        how = "razmetka import FILE" + (f" --db {path}" if choice.source != ENV_VAR else "")
        raise StorageError(f"{path}: no project file here; `{how}` creates one")
    project = Project(path, create=create)
    if project.backup is not None:
        print(f"razmetka: {path}: upgraded; the project as it was is kept in {project.backup}", file=sys.stderr)
    return project
