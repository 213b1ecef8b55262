"""Write a file so that a failure never leaves a half-written one behind."""

from __future__ import annotations

import os
import shutil
import tempfile
from collections.abc import Callable, Iterator
from contextlib import contextmanager
from pathlib import Path
from typing import BinaryIO, TextIO

from ..errors import InputError


def _umask() -> int:
    mask = os.umask(0)
    os.umask(mask)
    return mask


# Read once at import: changing the umask to read it is not safe while other threads create files.
_UMASK = _umask()


def _readable(tmp: str | Path) -> None:
    """Give a staged file the mode a newly created file gets (mkstemp makes it private)."""
    os.chmod(tmp, 0o666 & ~_UMASK)


@contextmanager
def atomic_text_file(path: str | Path) -> Iterator[TextIO]:
    """Yield a text file beside ``path``; it replaces ``path`` only if the block succeeds."""
    path = Path(path)
    path.parent.mkdir(parents=True, exist_ok=True)
    fd, tmp = tempfile.mkstemp(prefix=f".{path.name}.", suffix=".part", dir=path.parent)
    try:
        with os.fdopen(fd, "w", encoding="utf-8", newline="\n") as fh:
            yield fh
            fh.flush()
            os.fsync(fh.fileno())
        _readable(tmp)
        os.replace(tmp, path)
    except BaseException:
        Path(tmp).unlink(missing_ok=True)
        raise


class Staging:
    """Several output files written aside and moved into place together.

    Each file is written to a temporary name beside its target, and a folder
    (:meth:`folder`) to a temporary folder beside it.  :meth:`commit` renames them
    all into place (a folder replaces the old one whole); :meth:`discard` (or an
    exception leaving the ``with`` block) removes everything temporary and any
    folder this staging made, so a failed or cancelled export never leaves a
    half-written file or a half-filled folder behind.
    """

    def __init__(self) -> None:
        self._staged: list[tuple[Path, Path]] = []  # (temporary, target)
        self._folders: list[tuple[Path, Path]] = []  # (temporary folder, target folder)
        self._made: list[Path] = []  # folders created, deepest last
        self.targets: list[Path] = []

    def __enter__(self) -> Staging:
        return self

    def __exit__(self, exc_type: object, *exc: object) -> None:
        if exc_type is None:
            self.commit()
        else:
            self.discard()

    def _make_parent(self, path: Path) -> None:
        missing = []
        parent = path.parent
        while not parent.exists():
            missing.append(parent)
            parent = parent.parent
        for folder in reversed(missing):
            folder.mkdir()
            self._made.append(folder)

    def _temporary(self, path: Path) -> Path:
        path = Path(path)
        if path in self.targets:
            raise ValueError(f"{path} is written twice in one export")
        self._make_parent(path)
        fd, tmp = tempfile.mkstemp(prefix=f".{path.name}.", suffix=".part", dir=path.parent)
        os.close(fd)
        _readable(tmp)
        self._staged.append((Path(tmp), path))
        self.targets.append(path)
        return Path(tmp)

    @contextmanager
    def text(self, path: str | Path) -> Iterator[TextIO]:
        """A UTF-8 text file (``\\n`` newlines) staged for ``path``."""
        tmp = self._temporary(Path(path))
        with tmp.open("w", encoding="utf-8", newline="\n") as fh:
            yield fh
            fh.flush()
            os.fsync(fh.fileno())

    @contextmanager
    def binary(self, path: str | Path) -> Iterator[BinaryIO]:
        """A binary file (for example a zip) staged for ``path``."""
        tmp = self._temporary(Path(path))
        with tmp.open("wb") as fh:
            yield fh
            fh.flush()
            os.fsync(fh.fileno())

    def folder(self, path: str | Path, replaceable: Callable[[Path], bool]) -> Path:
        """An empty temporary folder that becomes ``path`` on commit; write into it directly.

        An existing, non-empty ``path`` is replaced only if ``replaceable(path)`` says
        it holds nothing but an earlier export; otherwise InputError, before anything
        is written.
        """
        path = Path(path)
        if path in self.targets:
            raise ValueError(f"{path} is written twice in one export")
        if path.exists() and not path.is_dir():
            raise InputError(path, "is a file, not a folder")
        if path.is_dir() and any(path.iterdir()) and not replaceable(path):
            raise InputError(path, "is a folder holding other files; give a new or empty folder")
        self._make_parent(path)
        tmp = Path(tempfile.mkdtemp(prefix=f".{path.name}.", suffix=".part", dir=path.parent))
        os.chmod(tmp, 0o777 & ~_UMASK)
        self._folders.append((tmp, path))
        self.targets.append(path)
        return tmp

    def commit(self) -> None:
        for _tmp, target in self._staged:
            if target.is_dir():
                self.discard()
                raise IsADirectoryError(f"{target} is a folder; it cannot be replaced by a file")
        for tmp, target in self._staged:
            os.replace(tmp, target)
        for tmp, target in self._folders:
            if target.exists():
                old = Path(tempfile.mkdtemp(prefix=f".{target.name}.", suffix=".old", dir=target.parent))
                os.replace(target, old / target.name)
                os.replace(tmp, target)
                shutil.rmtree(old, ignore_errors=True)
            else:
                os.replace(tmp, target)
        self._staged.clear()
        self._folders.clear()
        self._made.clear()

    def discard(self) -> None:
        for tmp, _target in self._staged:
            tmp.unlink(missing_ok=True)
        self._staged.clear()
        for tmp, _target in self._folders:
            shutil.rmtree(tmp, ignore_errors=True)
        self._folders.clear()
        for folder in reversed(self._made):
            try:
                folder.rmdir()
            except OSError:
                pass
        self._made.clear()
        self.targets.clear()
