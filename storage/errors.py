"""The storage package's own error: a project file that cannot be opened, or an edit that cannot be stored."""

from __future__ import annotations

from annotation.errors import RazmetkaError


class StorageError(RazmetkaError):
    """The project file cannot be opened or an edit cannot be stored.  The message is for a person."""
