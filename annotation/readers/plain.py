"""Plain text (.txt, .md)."""

from __future__ import annotations

from pathlib import Path

from ..errors import InputError
from .base import RawText, check_text, normalise_newlines, sha256


def read_plain(path: Path, data: bytes, *, encoding: str | None = None) -> RawText:
    if not data.strip():
        raise InputError(path, "file is empty")
    if b"\x00" in data and not data.startswith((b"\xff\xfe", b"\xfe\xff")):
        raise InputError(path, "looks binary (contains NUL bytes), not a text transcript")
    enc = encoding or "utf-8-sig"
    try:
        text = data.decode(enc)
    except LookupError:
        raise InputError(path, f"unknown encoding {enc!r}") from None
    except UnicodeDecodeError as exc:
        raise InputError(
            path, f"is not valid {exc.encoding} text (byte 0x{data[exc.start]:02x} at offset {exc.start})"
        ) from None
    text = text.removeprefix("\ufeff")
    return RawText(path, check_text(path, normalise_newlines(text)), sha256(data), enc)
