"""Copies of a project: by hand (``razmetka backup`` / ``restore``) and once a day while the window is open.

A backup is a consistent copy made with ``VACUUM INTO`` while others may be
writing, named ``<project>.backup-<UTC time><suffix>`` next to the project (or in
``folder``), readable by the user only; the newest ``keep`` are kept.  A restore
first copies the project it replaces next to it, then writes the backup over it
through SQLite's online backup, under the project's own lock.
"""

from __future__ import annotations

import sqlite3
import time
from pathlib import Path

from .connection import BUSY_TIMEOUT_S, check_project, create_file, stamp, vacuum_into

KEEP = 7
DAY_S = 24 * 60 * 60


def backups(path: Path, folder: Path | None = None) -> list[Path]:
    """The backups of the project at ``path``, oldest first."""
    path = Path(path)
    folder = Path(folder) if folder else path.parent
    return sorted(folder.glob(f"{path.stem}.backup-*{path.suffix}"))


def backup(path: Path, keep: int = KEEP, folder: Path | None = None) -> Path:
    """Copy the project at ``path``; keep the newest ``keep`` copies.  Returns the new copy."""
    path = Path(path)
    folder = Path(folder) if folder else path.parent
    folder.mkdir(parents=True, exist_ok=True)
    conn = check_project(path)
    try:
        target = vacuum_into(conn, folder / f"{path.stem}.backup-{stamp()}{path.suffix}")
    finally:
        conn.close()
    for old in backups(path, folder)[: -max(keep, 1)]:
        old.unlink(missing_ok=True)
    return target


def daily_backup(path: Path, keep: int = KEEP, folder: Path | None = None) -> Path | None:
    """A backup if the newest one is a day old or there is none (for the window to call now and then)."""
    existing = backups(path, folder)
    if existing and time.time() - existing[-1].stat().st_mtime < DAY_S:
        return None
    return backup(path, keep, folder)


def restore(source: Path, path: Path) -> Path | None:
    """Put the backup ``source`` in place of the project at ``path``.  Returns the copy of what it replaced."""
    source, path = Path(source), Path(path)
    src = check_project(source)
    try:
        replaced = None
        if path.exists():
            current = check_project(path)  # never overwrite a file that is not a project
            try:
                replaced = vacuum_into(current, path.with_name(f"{path.stem}.before-restore-{stamp()}{path.suffix}"))
            finally:
                current.close()
        else:
            create_file(path)
        dst = sqlite3.connect(str(path), timeout=BUSY_TIMEOUT_S)
        try:
            src.backup(dst)
        finally:
            dst.close()
    finally:
        src.close()
    return replaced
