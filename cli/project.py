"""Opening the project a command works on."""

from __future__ import annotations

from pathlib import Path

from storage import Project, default_project_path


def project_path(db: str | None) -> Path:
    return Path(db).expanduser() if db else default_project_path()


def open_project(db: str | None) -> Project:
    return Project(project_path(db))
