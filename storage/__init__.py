"""One SQLite file per project, through sqlite-utils.  All SQL lives in this package."""

from .backup import backup, daily_backup, restore
from .batch import import_into
from .connection import APPLICATION_ID
from .documents import DocumentSummary
from .editlog import EditLogEntry
from .errors import StorageError
from .paths import default_project_path
from .project import Project
from .search import SearchHit
from .spans import LayerResult

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
