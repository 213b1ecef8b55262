"""Reading dataset files within bounds: size, file kind, links, zip entries and JSON depth.

A dataset file may be hostile or odd.  Only regular files are read (a FIFO named
``x.jsonl`` would hang the import, a link to ``/dev/zero`` would fill memory), and at
most the size limit plus one byte of them.  A zip's entries are checked by their
uncompressed sizes before any is read.  A dataset folder never follows a link out
of itself.  JSON nested deeper than Python's parser can follow is one clear line.

The limit is ``--max-size`` (the transcript readers' default otherwise), set for
one read with :func:`size_limit`.
"""

from __future__ import annotations

import json
import os
import stat
import zipfile
from collections.abc import Iterator
from contextlib import contextmanager
from contextvars import ContextVar
from pathlib import Path
from typing import Any

from ..errors import InputError
from ..readers.base import DEFAULT_MAX_SIZE

_LIMIT: ContextVar[int] = ContextVar("dataset_size_limit", default=DEFAULT_MAX_SIZE)


@contextmanager
def size_limit(max_size: int | None) -> Iterator[None]:
    """Reads inside the block refuse more than ``max_size`` bytes (per file, and per folder or zip in all)."""
    token = _LIMIT.set(max_size if max_size is not None else DEFAULT_MAX_SIZE)
    try:
        yield
    finally:
        _LIMIT.reset(token)


def limit() -> int:
    return _LIMIT.get()


def _too_big(path: Path | str, size: int) -> InputError:
    return InputError(path, f"holds {size:,} bytes, over the size limit of {limit():,} bytes (--max-size)")


def read_bytes(path: Path) -> bytes:
    """The bytes of a regular file, at most the size limit; InputError otherwise."""
    try:
        info = os.stat(path)
        if not stat.S_ISREG(info.st_mode):
            kind = "a folder" if stat.S_ISDIR(info.st_mode) else "not a regular file"
            raise InputError(path, f"is {kind}; only regular files are read")
        if info.st_size > limit():
            raise _too_big(path, info.st_size)
        with open(path, "rb") as fh:
            data = fh.read(limit() + 1)
    except FileNotFoundError:
        raise InputError(path, "no such file") from None
    except PermissionError:
        raise InputError(path, "permission denied") from None
    except OSError as exc:
        raise InputError(path, f"cannot be read ({exc.strerror or exc})") from None
    if len(data) > limit():
        raise _too_big(path, len(data))
    return data


def decode(path: Path | str, data: bytes) -> str:
    try:
        return data.decode("utf-8-sig")
    except UnicodeDecodeError:
        raise InputError(path, "is not UTF-8 text") from None


def read_text(path: Path) -> str:
    return decode(path, read_bytes(path))


def loads(path: Path | str, text: str, where: str = "") -> Any:
    """JSON from ``text``; InputError naming the file (and ``where``, such as "line 3: ") otherwise."""
    try:
        return json.loads(text)
    except json.JSONDecodeError as exc:
        place = where or f"line {exc.lineno}: "
        raise InputError(path, f"{place}not JSON ({exc.msg})") from None
    except RecursionError:
        raise InputError(path, f"{where}JSON nested too deeply to read") from None


def folder_files(root: Path, suffixes: tuple[str, ...]) -> tuple[list[tuple[str, Path]], int]:
    """(relative name, path) of the regular files under ``root`` with these suffixes, and how many links
    were not followed because they lead out of ``root`` (or to something that is not a regular file).
    Their total size must stay within the limit."""
    base = root.resolve()
    found: list[tuple[str, Path]] = []
    skipped, total = 0, 0
    for folder, dirs, files in os.walk(root, followlinks=False):
        dirs.sort()
        for name in sorted(files):
            path = Path(folder) / name
            if path.suffix not in suffixes:
                continue
            if path.is_symlink():
                target = path.resolve()
                if not target.is_relative_to(base) or not target.is_file():
                    skipped += 1
                    continue
            try:
                info = path.stat()
            except OSError:
                skipped += 1
                continue
            if not stat.S_ISREG(info.st_mode):
                skipped += 1
                continue
            total += info.st_size
            if total > limit():
                raise _too_big(root, total)
            found.append((path.relative_to(root).as_posix(), path))
    return found, skipped


def zip_texts(path: Path, suffixes: tuple[str, ...]) -> dict[str, str]:
    """Name -> text of a zip's entries with these suffixes, their uncompressed sizes checked before reading."""
    with zipfile.ZipFile(path) as zf:
        wanted = [i for i in zf.infolist() if not i.is_dir() and Path(i.filename).suffix in suffixes]
        total = sum(i.file_size for i in wanted)
        if total > limit():
            raise _too_big(path, total)
        found = {}
        for info in wanted:
            with zf.open(info) as fh:
                data = fh.read(limit() + 1)
            found[info.filename] = decode(f"{path}: {info.filename}", data)
        return found
