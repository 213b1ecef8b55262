"""Opening a project file safely, and the one way to write to it.

A Razmetka project is a SQLite file whose header carries :data:`APPLICATION_ID`
(``PRAGMA application_id``) and which has sqlite-utils' ``_sqlite_migrations``
table.  :func:`open_database` looks at a file before it changes anything:

- a file that is not ours (another application's database, or not a database) is
  refused with one line and left byte for byte as it was (no WAL switch, no tables);
- a project made by a newer Razmetka (a migration this version does not know) is
  refused; an older one is first copied next to itself with ``VACUUM INTO``, then
  migrated;
- a new project is only made where no file exists (``create=True``), readable by the
  user only, and created and migrated under one ``BEGIN IMMEDIATE`` transaction, so
  two first-time imports cannot race;
- a file or folder that cannot be written opens read-only, and every write is then
  refused with a :class:`StorageError`.

Every write goes through :func:`write`: ``BEGIN IMMEDIATE`` (nested blocks become
savepoints), so a writer waits for another process's transaction (up to
:data:`BUSY_TIMEOUT_S`) instead of failing at once with "database is locked", as a
deferred transaction that reads before it writes does (SQLITE_BUSY_SNAPSHOT).
"""

from __future__ import annotations

import itertools
import os
import sqlite3
from collections.abc import Iterator
from contextlib import contextmanager
from datetime import datetime, timezone
from pathlib import Path

from sqlite_utils import Database

from annotation.phrases import Phrase

from .errors import StorageError
from .migrations import migrations

APPLICATION_ID = 0x527A6D6B  # "Rzmk": PRAGMA application_id of every Razmetka project (1383755115)
BUSY_TIMEOUT_S = 60.0  # how long a write waits for another process's transaction (an import's file)
_MIGRATIONS_TABLE = migrations.migrations_table
_savepoints = itertools.count()


class ProjectDatabase(Database):
    """A sqlite-utils ``Database`` that knows its file, whether it is read-only, and the texts it has read."""

    def __init__(self, conn: sqlite3.Connection, path: Path, readonly: bool) -> None:
        super().__init__(conn)
        self.path = path
        self.readonly = readonly
        self.texts: dict[str, str] = {}  # a document's text never changes after import


def schema_version() -> int:
    """This Razmetka's schema: the number of migrations it knows."""
    return len(migrations._migrations)


@contextmanager
def write(db: ProjectDatabase) -> Iterator[ProjectDatabase]:
    """One unit of work: ``BEGIN IMMEDIATE`` … ``COMMIT``, or a savepoint inside an open one."""
    if db.readonly:
        raise StorageError(Phrase("{path}: the project is open read-only; nothing was changed", path=db.path))
    conn = db.conn
    if conn.in_transaction:
        name = f"razmetka_{next(_savepoints)}"
        conn.execute(f"SAVEPOINT {name}")
        try:
            yield db
        except BaseException:
            if conn.in_transaction:  # an error may already have ended the whole transaction
                conn.execute(f"ROLLBACK TO SAVEPOINT {name}")
                conn.execute(f"RELEASE SAVEPOINT {name}")
            raise
        conn.execute(f"RELEASE SAVEPOINT {name}")
        return
    try:
        conn.execute("BEGIN IMMEDIATE")
    except sqlite3.OperationalError as exc:
        raise StorageError(_write_problem(db.path, exc)) from None
    try:
        yield db
        conn.execute("COMMIT")
    except BaseException:
        if conn.in_transaction:
            conn.execute("ROLLBACK")
        raise


def _write_problem(path: Path, exc: sqlite3.OperationalError) -> str:
    message = str(exc)
    if "locked" in message or "busy" in message:
        return Phrase(
            "{path}: another program kept the project busy for {seconds} s; nothing was changed",
            path=path, seconds=f"{BUSY_TIMEOUT_S:.0f}")
    if "readonly" in message:
        return Phrase("{path}: the project file cannot be written; nothing was changed", path=path)
    return f"{path}: {message}; nothing was changed"


def _connect(path: Path, readonly: bool, immutable: bool = False) -> sqlite3.Connection:
    if readonly:
        uri = path.resolve().as_uri() + ("?mode=ro&immutable=1" if immutable else "?mode=ro")
        conn = sqlite3.connect(uri, uri=True, isolation_level=None, timeout=BUSY_TIMEOUT_S)
    else:
        conn = sqlite3.connect(str(path), isolation_level=None, timeout=BUSY_TIMEOUT_S)
    conn.execute("PRAGMA foreign_keys = ON")  # connection state: nothing is written to the file
    return conn


def _inspect(conn: sqlite3.Connection) -> tuple[str, list[str]]:
    """("ours" | "empty" | "foreign: why", applied migrations), reading only."""
    app_id = conn.execute("PRAGMA application_id").fetchone()[0]
    tables = {r[0] for r in conn.execute("SELECT name FROM sqlite_master WHERE type = 'table'")}
    applied: list[str] = []
    if _MIGRATIONS_TABLE in tables:
        applied = [
            r[0]
            for r in conn.execute(
                f"SELECT name FROM {_MIGRATIONS_TABLE} WHERE migration_set = ? ORDER BY rowid", [migrations.name]
            )
        ]
    if app_id == APPLICATION_ID and applied:
        return "ours", applied
    if app_id == 0 and applied and {"documents", "labels"} <= tables:
        return "ours", applied  # made before projects carried their marker
    if app_id == 0 and not tables:
        return "empty", []
    if app_id not in (0, APPLICATION_ID):
        return f"foreign: its application id is {app_id:#x}", []
    return "foreign: it has no Razmetka schema", []


def _newer(applied: list[str]) -> str | None:
    known = {m.name for m in migrations._migrations}
    if set(applied) - known:
        return f"made by a newer Razmetka (schema {len(applied)}); this is {schema_version()}"
    return None


def vacuum_into(conn: sqlite3.Connection, target: Path) -> Path:
    """A consistent copy of the open database at ``target`` (a new file, readable by the user only)."""
    fd = os.open(target, os.O_WRONLY | os.O_CREAT | os.O_EXCL, 0o600)
    os.close(fd)
    try:
        conn.execute("VACUUM INTO ?", [str(target)])
    except BaseException:
        target.unlink(missing_ok=True)
        raise
    return target


def stamp() -> str:
    return datetime.now(timezone.utc).strftime("%Y%m%dT%H%M%S%fZ")


def create_file(path: Path) -> None:
    """Make an empty file, readable by the user only; another process may win the race (fine)."""
    path.parent.mkdir(parents=True, exist_ok=True)
    try:
        os.close(os.open(path, os.O_WRONLY | os.O_CREAT | os.O_EXCL, 0o600))
    except FileExistsError:
        pass  # a concurrent first import made it: it is set up under its transaction, and we wait for it


def _writable(path: Path) -> bool:
    return os.access(path, os.W_OK) and os.access(path.parent, os.W_OK)


def open_database(path: Path, *, create: bool = False, readonly: bool = False) -> tuple[ProjectDatabase, Path | None]:
    """Open the project at ``path`` as the module docstring says; also returns the backup made before migrating."""
    try:
        if not path.exists():
            if not create:
                raise StorageError(f"{path}: no project file here; `razmetka import FILE --db {path}` creates one")
            if readonly:
                raise StorageError(f"{path}: no project file here")
            create_file(path)
            fresh = True
        else:
            if not path.is_file():
                raise StorageError(f"{path}: not a Razmetka project (not a regular file)")
            fresh = create  # an empty file may be a concurrent first import's, still being set up
        readonly = readonly or not _writable(path)
        return _open(path, readonly, fresh)
    except sqlite3.DatabaseError as exc:
        raise StorageError(f"{path}: not a Razmetka project ({exc})") from None
    except OSError as exc:
        raise StorageError(f"{path}: cannot open the project ({exc.strerror or exc})") from None


def _inspected(path: Path) -> tuple[sqlite3.Connection, bool, str, list[str]]:
    """A connection to ``path``, whether it is read-only, and what :func:`_inspect` found."""
    # Read-write first, even for reading (a read-only connection leaves -wal and -shm files
    # behind); then read-only, and as immutable for a WAL file on a read-only file system.
    attempts = [(False, False), (True, False), (True, True)]
    for number, (ro, immutable) in enumerate(attempts, 1):
        conn = _connect(path, ro, immutable)
        try:
            return (conn, ro, *_inspect(conn))
        except sqlite3.OperationalError as exc:
            conn.close()
            if number == len(attempts) or not ("unable to open" in str(exc) or "readonly" in str(exc)):
                raise
    raise AssertionError("unreachable")


def _open(path: Path, readonly: bool, fresh: bool) -> tuple[ProjectDatabase, Path | None]:
    conn, ro, state, applied = _inspected(path)
    readonly = readonly or ro
    try:
        backup = _check_and_migrate(conn, path, readonly, fresh, state, applied)
        if readonly:
            conn.execute("PRAGMA query_only = ON")
    except BaseException:
        conn.close()
        raise
    return ProjectDatabase(conn, path, readonly), backup


def check_project(path: Path) -> sqlite3.Connection:
    """A connection to copy the project at ``path`` from, refused unless it is a Razmetka project this version reads."""
    if not path.is_file():
        raise StorageError(f"{path}: no project file here")
    try:
        conn, _ro, state, applied = _inspected(path)
    except sqlite3.DatabaseError as exc:
        raise StorageError(f"{path}: not a Razmetka project ({exc})") from None
    try:
        _refuse(path, state, applied, fresh=False)
    except BaseException:
        conn.close()
        raise
    return conn


def _refuse(path: Path, state: str, applied: list[str], fresh: bool) -> None:
    if state == "empty" and not fresh:
        raise StorageError(f"{path}: not a Razmetka project (an empty file); it was left untouched")
    if state.startswith("foreign"):
        raise StorageError(f"{path}: not a Razmetka project ({state.split(': ', 1)[1]}); it was left untouched")
    newer = _newer(applied)
    if newer:
        raise StorageError(f"{path}: {newer}; it was left untouched")


def _check_and_migrate(conn, path: Path, readonly: bool, fresh: bool, state: str, applied: list[str]) -> Path | None:
    _refuse(path, state, applied, fresh)
    pending = state == "empty" or len(applied) < schema_version()
    backup = None
    if readonly:
        if pending:
            raise StorageError(f"{path}: the project needs upgrading to schema {schema_version()}, but it is read-only")
        return None
    if pending and state == "ours":
        backup = vacuum_into(conn, path.with_name(f"{path.stem}.schema-{len(applied)}-{stamp()}{path.suffix}"))
    if pending or conn.execute("PRAGMA application_id").fetchone()[0] != APPLICATION_ID:
        db = ProjectDatabase(conn, path, False)
        with write(db):
            _refuse(path, *_inspect(conn), fresh)  # another process may have set it up meanwhile
            migrations.apply(db)
            conn.execute(f"PRAGMA application_id = {APPLICATION_ID}")
    if conn.execute("PRAGMA journal_mode").fetchone()[0] != "wal":
        conn.execute("PRAGMA journal_mode = wal")
    return backup
