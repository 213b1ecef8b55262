"""Opening the project a command works on."""

from __future__ import annotations

import sys
from pathlib import Path

from storage import Project, StorageError, default_project_path


def project_path(db: str | None) -> Path:
    return Path(db).expanduser() if db else default_project_path()


def open_project(db: str | None, *, create: bool = True) -> Project:
    """The project at ``--db`` (or the default one).

    Commands that only read (``list``, ``export``) pass ``create=False``: a mistyped
    path is then an error, not a new empty project that makes an empty dataset.
    """
    path = project_path(db)
    if not create and not path.exists():
        raise StorageError(f"{path}: no project file here; `razmetka import FILE --db {path}` creates one")
    project = Project(path, create=create)
    if project.backup is not None:
        print(f"razmetka: {path}: upgraded; the project as it was is kept in {project.backup}", file=sys.stderr)
    return project
