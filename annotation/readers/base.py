"""What every reader shares: checking the file and the result type."""

from __future__ import annotations

import hashlib
from dataclasses import dataclass
from pathlib import Path

from ..errors import InputError

DEFAULT_MAX_SIZE = 50 * 1024 * 1024


@dataclass
class RawText:
    """A file's text, normalised, with what is known about where it came from."""

    path: Path
    text: str
    sha256: str
    encoding: str = "utf-8"


def read_bytes(path: Path, max_size: int = DEFAULT_MAX_SIZE) -> bytes:
    """The file's bytes, or an InputError for a missing, unreadable or oversized file."""
    if not path.exists():
        raise InputError(path, "no such file")
    if path.is_dir():
        raise InputError(path, "is a directory, not a file")
    try:
        size = path.stat().st_size
        if size > max_size:
            raise InputError(path, f"file is {size:,} bytes, over the limit of {max_size:,} bytes")
        return path.read_bytes()
    except PermissionError:
        raise InputError(path, "permission denied") from None
    except OSError as exc:
        raise InputError(path, f"cannot be read ({exc.strerror or exc})") from None


def sha256(data: bytes) -> str:
    return hashlib.sha256(data).hexdigest()


def normalise_newlines(text: str) -> str:
    """CRLF and lone CR become LF; nothing else changes."""
    return text.replace("\r\n", "\n").replace("\r", "\n")


def check_text(path: Path, text: str) -> str:
    if not text.strip():
        raise InputError(path, "file is empty")
    return text
