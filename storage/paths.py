"""Where the default project lives, and the one rule for which project a command uses.

The rule, the same in both front doors (the CLI and the window):

1. ``--db PATH`` if given;
2. else the ``RAZMETKA_DB`` environment variable, if set and not empty;
3. else the default project, ``project.db`` in the user data directory.

Only the window started with nothing to import (bare ``razmetka``) may reopen the
project it showed last, in place of the default: importing files is never sent
to a project chosen by an earlier session.
"""

from __future__ import annotations

import os
from collections.abc import Mapping
from dataclasses import dataclass
from pathlib import Path

import platformdirs

APP_NAME = "razmetka"
ENV_VAR = "RAZMETKA_DB"

# Where a choice came from, as the first line of a command says it.
FROM_OPTION = "--db"
FROM_ENV = ENV_VAR
FROM_LAST = "last project"
FROM_DEFAULT = "default"


def default_project_path() -> Path:
    """``project.db`` in the user data directory (created on demand)."""
    return platformdirs.user_data_path(APP_NAME, appauthor=False) / "project.db"


@dataclass(frozen=True)
class ProjectChoice:
    """The project file a command or the window uses, and which step of the rule chose it."""

    path: Path
    source: str  # FROM_OPTION, FROM_ENV, FROM_LAST or FROM_DEFAULT

    def line(self) -> str:
        """``project: /abs/path.db (from RAZMETKA_DB)``: what commands print first, on stderr."""
        where = {
            FROM_OPTION: "from --db",
            FROM_ENV: f"from {ENV_VAR}",
            FROM_LAST: "the project open last time",
            FROM_DEFAULT: "the default project",
        }[self.source]
        return f"project: {self.path.absolute()} ({where})"


def choose_project(
    db: str | os.PathLike[str] | None = None,
    *,
    environ: Mapping[str, str] | None = None,
    last: str | os.PathLike[str] | None = None,
) -> ProjectChoice:
    """Apply the rule: ``db`` (``--db``), else ``RAZMETKA_DB``, else ``last`` if that file
    exists, else the default project.

    ``last`` is for the window alone, when it opens with no files to import; the
    CLI never passes it.
    """
    if db is not None and str(db):
        return ProjectChoice(Path(db).expanduser(), FROM_OPTION)
    env = (os.environ if environ is None else environ).get(ENV_VAR, "")
    if env.strip():
        return ProjectChoice(Path(env).expanduser(), FROM_ENV)
    if last is not None and str(last) and Path(last).is_file():
        return ProjectChoice(Path(last), FROM_LAST)
    return ProjectChoice(default_project_path(), FROM_DEFAULT)
