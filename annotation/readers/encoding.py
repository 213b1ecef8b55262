"""Bytes → str for text files: a BOM decides, then UTF-8, then charset-normalizer.

charset-normalizer ranks every code page that decodes the bytes.  On short
Russian texts it sometimes ranks an exotic one first (cp1125 for a cp1251
line), so among its candidates the encodings people actually save transcripts
in are preferred.
"""

from __future__ import annotations

import codecs
from pathlib import Path

from charset_normalizer import from_bytes

from ..errors import InputError
from .base import check_text, normalise_newlines

_BOMS = (
    (codecs.BOM_UTF32_LE, "utf-32"),
    (codecs.BOM_UTF32_BE, "utf-32"),
    (codecs.BOM_UTF8, "utf-8-sig"),
    (codecs.BOM_UTF16_LE, "utf-16"),
    (codecs.BOM_UTF16_BE, "utf-16"),
)
# What Russian and Western transcripts are saved in, in charset-normalizer's spelling.
PREFERRED = (
    "utf_8",
    "ascii",
    "cp1251",
    "koi8_r",
    "koi8_u",
    "cp866",
    "mac_cyrillic",
    "iso8859_5",
    "cp1252",
    "latin_1",
    "iso8859_15",
)


# Codecs Python accepts as text encodings that no transcript is saved in: they turn
# escapes, domain names or nothing at all into text.
_NOT_FILE_ENCODINGS = frozenset({"idna", "punycode", "unicode-escape", "raw-unicode-escape", "undefined", "charmap"})


def text_encoding(path: Path, encoding: str) -> str:
    """The codec's canonical name, or an InputError for an unknown codec or one that is not a
    text encoding (``base64``, ``hex``, ``zlib``, ``rot13``: bytes-to-bytes or str-to-str)."""
    try:
        name = codecs.lookup(encoding).name
    except LookupError:
        raise InputError(path, f"unknown encoding {encoding!r} (--encoding)") from None
    try:
        b"\n\x00\x00\x00".decode(name)  # an empty input would never reach the codec
    except LookupError:
        raise InputError(
            path, f"{encoding!r} is not a text encoding; name one such as utf-8 or cp1251 (--encoding)"
        ) from None
    except (UnicodeError, ValueError):
        pass  # a text encoding that these four bytes do not suit
    if name in _NOT_FILE_ENCODINGS:
        raise InputError(
            path,
            f"{encoding!r} is not an encoding text files are saved in; name one such as utf-8 or cp1251 (--encoding)",
        )
    return name


def bom_encoding(data: bytes) -> str | None:
    for bom, name in _BOMS:
        if data.startswith(bom):
            return name
    return None


def looks_binary(data: bytes, encoding: str | None = None) -> bool:
    """NUL bytes mean binary, unless the text is UTF-16/32 (by its BOM or by the name given)."""
    if b"\x00" not in data:
        return False
    if bom_encoding(data) in ("utf-16", "utf-32"):
        return False
    name = codecs.lookup(encoding).name if encoding else ""
    return not name.startswith(("utf-16", "utf-32"))


def _utf16_without_bom(data: bytes) -> bool:
    """High bytes from a few scripts only, NUL among them, and the text decodes: UTF-16 without its BOM."""
    sample = data[:4000]
    high = set(sample[1::2])
    if len(sample) < 4 or 0 not in high or len(high) > 4:
        return False
    try:
        sample[: len(sample) // 2 * 2].decode("utf-16-le")
    except UnicodeDecodeError:
        return False
    return True


def decode(path: Path, data: bytes, encoding: str | None = None) -> tuple[str, str]:
    """The text (BOM removed) and the encoding used; InputError if it does not decode."""
    if encoding:
        name = text_encoding(path, encoding)
        return _decode_as(path, data, name), name
    bom = bom_encoding(data)
    if bom:
        return _decode_as(path, data, bom), bom
    try:
        return data.decode("utf-8"), "utf-8"
    except UnicodeDecodeError:
        pass
    results = from_bytes(data)
    chosen = next((r for r in results if r.encoding in PREFERRED), None) or results.best()
    if chosen is None:
        raise InputError(path, "is not valid UTF-8 text and no other encoding fits; name the encoding with --encoding")
    return _decode_as(path, data, chosen.encoding), codecs.lookup(chosen.encoding).name


_CONTROLS = frozenset(chr(c) for c in range(32)) - set("\t\n\r\x0b\x0c\x1a")


def _check_controls(path: Path, text: str) -> str:
    """Text full of control characters is binary data that happened to decode."""
    controls = sum(1 for ch in text if ch in _CONTROLS)
    if controls >= 2 and controls > len(text) / 200:
        raise InputError(path, "looks binary (full of control characters), not a text transcript")
    return text


def _decode_as(path: Path, data: bytes, name: str) -> str:
    try:
        text = data.decode(name)
    except UnicodeDecodeError as exc:
        raise InputError(
            path, f"is not valid {exc.encoding} text (byte 0x{data[exc.start]:02x} at offset {exc.start})"
        ) from None
    except UnicodeError as exc:  # a codec that fails without a position (utf-16 on odd lengths, …)
        raise InputError(path, f"is not valid {name} text ({exc})") from None
    return _check_controls(path, text.removeprefix("\ufeff"))


def decode_file(path: Path, data: bytes, encoding: str | None, what: str) -> tuple[str, str]:
    """A text file's text (newlines normalised) and the encoding used; InputError for empty,
    binary or undecodable bytes.  ``what`` names the kind of file in the message."""
    if encoding:
        encoding = text_encoding(path, encoding)
    if not data.strip():
        raise InputError(path, "file is empty")
    if looks_binary(data, encoding):
        if _utf16_without_bom(data):
            raise InputError(path, "looks like UTF-16 text without a byte-order mark: try --encoding utf-16-le")
        raise InputError(path, f"looks binary (contains NUL bytes), not {what}")
    text, used = decode(path, data, encoding)
    return check_text(path, normalise_newlines(text)), used
