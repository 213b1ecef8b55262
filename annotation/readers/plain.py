"""Plain text (.txt, .md): UTF-8 with or without a BOM, UTF-16/32 with a BOM, cp1251, koi8-r, …"""

from __future__ import annotations

from pathlib import Path

from .base import RawText, sha256
from .encoding import decode_file


def read_plain(path: Path, data: bytes, *, encoding: str | None = None, **_limits) -> RawText:
    text, used = decode_file(path, data, encoding, "a text transcript")
    return RawText(path, text, sha256(data), used)
