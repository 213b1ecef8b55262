"""What every reader shares: checking the file, decoding helpers and the result type."""

from __future__ import annotations

import hashlib
import os
import re
import stat
from dataclasses import dataclass, field
from pathlib import Path

from ..errors import InputError

DEFAULT_MAX_SIZE = 50 * 1024 * 1024

_SIZE = re.compile(r"\s*(\d+(?:\.\d+)?)\s*([kmg]?i?b?)\s*", re.IGNORECASE)
_UNITS = {"": 1, "b": 1, "k": 1024, "m": 1024**2, "g": 1024**3}


@dataclass(frozen=True)
class Block:
    """One unit of a structured file (a .docx paragraph, a subtitle cue) inside ``RawText.text``.

    Readers of structured files hand these to the layout step, which uses them as
    hints: cue boundaries and times, the voice a cue names, a bold run at the
    start of a paragraph (often the speaker's name).
    """

    start: int
    end: int
    time_start: float | None = None
    time_end: float | None = None
    voice: str | None = None  # the speaker the file names for this block (a <v Name> tag)
    bold: int = 0  # length of the bold run the block opens with
    italic: bool = False  # the whole block is in italics (the questions, in many published interviews)


@dataclass
class RawText:
    """A file's text, normalised, with what is known about where it came from."""

    path: Path
    text: str
    sha256: str
    encoding: str = "utf-8"
    kind: str = "text"  # "text", "docx" or "subtitles"
    blocks: list[Block] | None = field(default=None)


def parse_size(value: str) -> int:
    """``"10MB"``, ``"512k"``, ``"1.5 GiB"`` or plain bytes → bytes (K, M, G are powers of 1024)."""
    match = _SIZE.fullmatch(str(value))
    if not match:
        raise ValueError(f"not a size: {value!r} (try 10MB or a number of bytes)")
    number, unit = match.groups()
    unit = unit.lower().replace("i", "").rstrip("b") if unit.lower() not in ("b", "") else unit.lower()
    return int(float(number) * _UNITS[unit])


_KINDS = (
    (stat.S_ISFIFO, "a named pipe (FIFO)"),
    (stat.S_ISCHR, "a character device"),
    (stat.S_ISBLK, "a block device"),
    (stat.S_ISSOCK, "a socket"),
)


def _not_regular(mode: int) -> str:
    for test, kind in _KINDS:
        if test(mode):
            return kind
    return "not a regular file"


def read_bytes(path: Path, max_size: int = DEFAULT_MAX_SIZE) -> bytes:
    """The file's bytes, or an InputError for a missing, unreadable, special or oversized file.

    Only a regular file is read (a link is followed to what it names): a FIFO
    would block and ``/dev/zero`` never ends.  The file is opened without
    blocking and checked on the open descriptor, so nothing can be swapped in
    between, and at most ``max_size + 1`` bytes are read whatever size it
    claims (files under ``/proc`` say 0).
    """
    try:
        fd = os.open(path, os.O_RDONLY | getattr(os, "O_NONBLOCK", 0) | getattr(os, "O_BINARY", 0))
    except FileNotFoundError:
        raise InputError(path, "no such file") from None
    except IsADirectoryError:
        raise InputError(path, "is a directory, not a file") from None
    except PermissionError:
        raise InputError(path, "permission denied") from None
    except OSError as exc:
        raise InputError(path, f"cannot be read ({exc.strerror or exc})") from None
    try:
        mode = os.fstat(fd).st_mode
        if stat.S_ISDIR(mode):
            raise InputError(path, "is a directory, not a file")
        if not stat.S_ISREG(mode):
            raise InputError(path, f"is {_not_regular(mode)}, not a regular file; only regular files are read")
        size = os.fstat(fd).st_size
        if size > max_size:
            raise InputError(path, too_big(size, max_size))
        with os.fdopen(fd, "rb", closefd=False) as stream:
            data = stream.read(max_size + 1)
        if len(data) > max_size:
            raise InputError(path, f"file is over the size limit of {max_size:,} bytes (--max-size)")
        return data
    except OSError as exc:
        raise InputError(path, f"cannot be read ({exc.strerror or exc})") from None
    finally:
        os.close(fd)


def too_big(size: int, max_size: int, what: str = "file is") -> str:
    return f"{what} {size:,} bytes, over the size limit of {max_size:,} bytes (--max-size)"


def sha256(data: bytes) -> str:
    return hashlib.sha256(data).hexdigest()


def normalise_newlines(text: str) -> str:
    """CRLF and lone CR become LF; nothing else changes."""
    return text.replace("\r\n", "\n").replace("\r", "\n")


def check_text(path: Path, text: str) -> str:
    if not text.strip():
        raise InputError(path, "file is empty")
    return text
