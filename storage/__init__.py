"""One SQLite file per project, through sqlite-utils.  All SQL lives in this package."""

import sys


def _import_sqlite_utils_without_pandas() -> None:
    """Import sqlite-utils without the pandas and numpy it imports whenever they are installed.

    sqlite-utils imports both at load time only to map their value types
    (``pd.Timestamp``, ``np.int64``…) to column types, and falls back when the
    import fails.  The project never stores pandas or numpy values, and pandas
    alone took 0.37 s and 72 MB of every command's start and of the window (the
    ``interop`` extra installs it).  Entries of ``None`` in ``sys.modules`` make
    those two imports fail for this one import, and are removed at once, so natasha
    still imports numpy when NER runs.  Does nothing if either is already loaded.
    """
    if "sqlite_utils" in sys.modules or "numpy" in sys.modules or "pandas" in sys.modules:
        return
    sys.modules["pandas"] = None  # type: ignore[assignment]
    sys.modules["numpy"] = None  # type: ignore[assignment]
    try:
        import sqlite_utils  # noqa: F401
    finally:
        del sys.modules["pandas"], sys.modules["numpy"]


_import_sqlite_utils_without_pandas()


from .backup import backup, daily_backup, restore  # noqa: E402 (sqlite-utils first, without pandas)
from .batch import import_into  # noqa: E402 (sqlite-utils first, without pandas)
from .connection import APPLICATION_ID  # noqa: E402 (sqlite-utils first, without pandas)
from .documents import DocumentSummary  # noqa: E402 (sqlite-utils first, without pandas)
from .editlog import EditLogEntry  # noqa: E402 (sqlite-utils first, without pandas)
from .errors import StorageError  # noqa: E402 (sqlite-utils first, without pandas)
from .paths import default_project_path  # noqa: E402 (sqlite-utils first, without pandas)
from .project import Project  # noqa: E402 (sqlite-utils first, without pandas)
from .search import SearchHit  # noqa: E402 (sqlite-utils first, without pandas)
from .spans import LayerResult  # noqa: E402 (sqlite-utils first, without pandas)

__all__ = [
    "APPLICATION_ID",
    "Project",
    "DocumentSummary",
    "EditLogEntry",
    "LayerResult",
    "StorageError",
    "default_project_path",
    "SearchHit",
    "import_into",
    "backup",
    "daily_backup",
    "restore",
]
