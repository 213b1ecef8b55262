"""One SQLite file per project, through sqlite-utils.  All SQL lives in this package."""

from .batch import import_into
from .paths import default_project_path
from .project import DocumentSummary, Project, RemovedSpans, StorageError
from .search import SearchHit

__all__ = [
    "Project",
    "DocumentSummary",
    "StorageError",
    "default_project_path",
    "SearchHit",
    "RemovedSpans",
    "import_into",
]
