"""Plain text (.txt, .md): UTF-8 with or without a BOM, UTF-16/32 with a BOM, cp1251, koi8-r, …"""

from __future__ import annotations

from pathlib import Path

from ..errors import InputError
from .base import RawText, check_text, normalise_newlines, sha256
from .encoding import decode, looks_binary


def read_plain(path: Path, data: bytes, *, encoding: str | None = None) -> RawText:
    if not data.strip():
        raise InputError(path, "file is empty")
    try:
        binary = looks_binary(data, encoding)
    except LookupError:
        raise InputError(path, f"unknown encoding {encoding!r}") from None
    if binary:
        raise InputError(path, "looks binary (contains NUL bytes), not a text transcript")
    text, used = decode(path, data, encoding)
    return RawText(path, check_text(path, normalise_newlines(text)), sha256(data), used)
