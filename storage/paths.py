"""Where the default project lives."""

from __future__ import annotations

from pathlib import Path

import platformdirs

APP_NAME = "razmetka"


def default_project_path() -> Path:
    """``project.db`` in the user data directory (created on demand)."""
    return platformdirs.user_data_path(APP_NAME, appauthor=False) / "project.db"
