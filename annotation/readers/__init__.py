"""Readers turn a file into text: one module per kind of file.

Every reader returns a :class:`RawText` or raises :class:`InputError` naming the
file and what is wrong with it.
"""

from __future__ import annotations

from pathlib import Path

from ..errors import InputError
from .base import RawText, read_bytes
from .plain import read_plain

READERS = {".txt": read_plain, ".md": read_plain}
SUPPORTED_SUFFIXES = tuple(READERS)


def read(path: str | Path, *, encoding: str | None = None) -> RawText:
    """Read a transcript file of any supported kind."""
    path = Path(path)
    if path.is_dir():
        raise InputError(path, "is a directory, not a transcript file")
    reader = READERS.get(path.suffix.lower())
    if reader is None:
        raise InputError(
            path,
            f"unsupported file type {path.suffix or '(no extension)'!r}; supported: {', '.join(SUPPORTED_SUFFIXES)}",
        )
    data = read_bytes(path)
    return reader(path, data, encoding=encoding)


__all__ = ["RawText", "read", "SUPPORTED_SUFFIXES", "InputError"]
