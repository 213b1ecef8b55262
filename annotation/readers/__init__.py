"""Readers turn a file into text: one module per kind of file.

Every reader returns a :class:`RawText` or raises :class:`InputError` naming the
file and what is wrong with it.
"""

from __future__ import annotations

from pathlib import Path

from ..errors import InputError
from .base import DEFAULT_MAX_SIZE, Block, RawText, parse_size, read_bytes
from .docx import read_docx
from .plain import read_plain
from .subtitles import read_srt, read_vtt

READERS = {".txt": read_plain, ".md": read_plain, ".docx": read_docx, ".srt": read_srt, ".vtt": read_vtt}
SUPPORTED_SUFFIXES = tuple(READERS)


def is_supported(path: str | Path) -> bool:
    return Path(path).suffix.lower() in READERS


def read(path: str | Path, *, encoding: str | None = None, max_size: int = DEFAULT_MAX_SIZE) -> RawText:
    """Read a transcript file of any supported kind."""
    path = Path(path)
    if path.is_dir():
        raise InputError(path, "is a directory, not a transcript file")
    reader = READERS.get(path.suffix.lower())
    if reader is None:
        if not path.exists():
            raise InputError(path, "no such file")
        raise InputError(
            path,
            f"unsupported file type {path.suffix or '(no extension)'!r}; supported: {', '.join(SUPPORTED_SUFFIXES)}",
        )
    data = read_bytes(path, max_size)
    return reader(path, data, encoding=encoding, max_size=max_size)


__all__ = [
    "Block",
    "DEFAULT_MAX_SIZE",
    "InputError",
    "RawText",
    "SUPPORTED_SUFFIXES",
    "is_supported",
    "parse_size",
    "read",
]
