"""Write files so that a failure never leaves a half-written one, and a set of files lands as a set.

Every file is first written under a temporary name beside its target
(``.NAME.PID.XXXX.part``), then renamed into place.  When an export writes several
files (CoNLL and its ``.meta.jsonl``, the parts of a split, a brat folder), the
renames are listed first in a journal (``.razmetka-export.PID.XXXX.journal``) beside
them: a kill between two renames leaves the journal, and the next export or import
in that folder (:func:`recover`) finishes the renames.  Temporary files left by a
process that is gone are removed then too.

Exports hold interview transcripts: files and folders are created readable by
their owner only (0600 and 0700 on POSIX).
"""

from __future__ import annotations

import json
import os
import re
import shutil
import tempfile
from collections.abc import Callable, Iterable, Iterator
from contextlib import contextmanager
from pathlib import Path
from typing import BinaryIO, TextIO

from ..errors import InputError
from ..phrases import Phrase

FILE_MODE = 0o600
FOLDER_MODE = 0o700
JOURNAL = ".razmetka-export"
# What this module leaves beside targets while it works: .NAME.PID.XXXX.part, .old, .journal
_LEFTOVER = re.compile(r"\..*\.(\d+)\.[^.]+\.(part|old|journal)")


class WouldOverwrite(InputError):
    """An output path is a file the export must never replace (the project itself, an input)."""


def _private(path: str | Path, folder: bool = False) -> None:
    if os.name == "posix":
        os.chmod(path, FOLDER_MODE if folder else FILE_MODE)


def _alive(pid: int) -> bool:
    if pid == os.getpid():
        return True
    try:
        os.kill(pid, 0)
    except ProcessLookupError:
        return False
    except (PermissionError, OSError):
        return True  # someone else's process: leave its files alone
    return True


def _temp_name(path: Path) -> str:
    return f".{path.name}.{os.getpid()}."


def _sync_folder(folder: Path) -> None:
    if os.name != "posix":
        return
    try:
        fd = os.open(folder, os.O_RDONLY)
    except OSError:
        return
    try:
        os.fsync(fd)
    except OSError:
        pass
    finally:
        os.close(fd)


@contextmanager
def atomic_text_file(path: str | Path) -> Iterator[TextIO]:
    """Yield a text file beside ``path``; it replaces ``path`` only if the block succeeds."""
    path = Path(path)
    path.parent.mkdir(parents=True, exist_ok=True)
    fd, tmp = tempfile.mkstemp(prefix=_temp_name(path), suffix=".part", dir=path.parent)
    try:
        with os.fdopen(fd, "w", encoding="utf-8", newline="\n") as fh:
            yield fh
            fh.flush()
            os.fsync(fh.fileno())
        _private(tmp)
        os.replace(tmp, path)
    except BaseException:
        Path(tmp).unlink(missing_ok=True)
        raise


def _rename_folder(tmp: Path, target: Path, old: Path | None) -> None:
    if target.exists() and tmp.exists():
        if old is None:
            old = Path(tempfile.mkdtemp(prefix=_temp_name(target), suffix=".old", dir=target.parent))
        old.mkdir(exist_ok=True)
        os.replace(target, old / target.name)
    if tmp.exists():
        os.replace(tmp, target)
    if old is not None:
        shutil.rmtree(old, ignore_errors=True)


def recover(folder: str | Path) -> list[str]:
    """Finish the renames of an export that was killed in ``folder``, and remove its leftovers.

    Returns one line per thing repaired or removed, for the report; nothing if all is well.
    """
    folder = Path(folder)
    notes: list[str] = []
    try:
        entries = list(folder.iterdir()) if folder.is_dir() else []
    except OSError:
        return notes
    for entry in sorted(entries):
        match = _LEFTOVER.fullmatch(entry.name)
        if not match or entry.suffix != ".journal" or _alive(int(match.group(1))):
            continue
        try:
            ops = json.loads(entry.read_text(encoding="utf-8"))
            done = []
            for op in ops:
                tmp, target = Path(op["tmp"]), Path(op["target"])
                if op["kind"] == "folder":
                    if tmp.exists():
                        _rename_folder(tmp, target, Path(op["old"]) if op.get("old") else None)
                        done.append(target.name)
                    elif op.get("old"):
                        shutil.rmtree(op["old"], ignore_errors=True)
                elif tmp.exists():
                    os.replace(tmp, target)
                    done.append(target.name)
        except (OSError, ValueError, KeyError, TypeError) as exc:
            notes.append(Phrase(
                "{entry}: an interrupted export could not be completed ({error}); export again",
                entry=entry, error=exc))
            continue
        entry.unlink(missing_ok=True)
        if done:
            notes.append(Phrase(
                "{folder}: an earlier export was interrupted; it was completed ({files})", folder=folder,
                files=", ".join(done)))
    for entry in sorted(entries):
        match = _LEFTOVER.fullmatch(entry.name)
        if not match or entry.suffix == ".journal" or not entry.exists() or _alive(int(match.group(1))):
            continue
        if entry.is_dir() and not entry.is_symlink():
            shutil.rmtree(entry, ignore_errors=True)
        else:
            entry.unlink(missing_ok=True)
        notes.append(Phrase(
            "{folder}: removed {name}, left by an export that was killed", folder=folder, name=entry.name))
    return notes


def _same(a: Path, b: Path) -> bool:
    try:
        return a.resolve() == b.resolve() or (a.exists() and b.exists() and os.path.samefile(a, b))
    except OSError:
        return False


class Staging:
    """Several output files written aside and moved into place together.

    Each file is written to a temporary name beside its target, and a folder
    (:meth:`folder`) to a temporary folder beside it.  :meth:`commit` renames them
    all into place (a folder replaces the old one whole), under a journal when there
    is more than one; :meth:`discard` (or an exception leaving the ``with`` block)
    removes everything temporary and any folder this staging made, so a failed or
    cancelled export never leaves a half-written file or a half-filled folder.
    ``protected`` paths (the project file, its ``-wal`` and ``-shm``, the inputs) are
    never written: :class:`WouldOverwrite` before anything is.
    """

    def __init__(self, protected: Iterable[Path] = ()) -> None:
        self._staged: list[tuple[Path, Path]] = []  # (temporary, target)
        self._folders: list[tuple[Path, Path]] = []  # (temporary folder, target folder)
        self._made: list[Path] = []  # folders created, deepest last
        self.protected = [Path(p) for p in protected]
        self.targets: list[Path] = []
        self.created: list[Path] = []  # folders made for the output (kept after commit)

    def __enter__(self) -> Staging:
        return self

    def __exit__(self, exc_type: object, *exc: object) -> None:
        if exc_type is None:
            self.commit()
        else:
            self.discard()

    def _check(self, path: Path, folder: bool = False) -> None:
        if path in self.targets:
            raise ValueError(f"{path} is written twice in one export")
        for kept in self.protected:
            inside = folder and kept.resolve().is_relative_to(path.resolve())
            if _same(path, kept) or inside:
                raise WouldOverwrite(path, f"would overwrite {kept.name}, which this export reads; choose another path")

    def _make_parent(self, path: Path) -> None:
        missing = []
        parent = path.parent
        while not parent.exists():
            missing.append(parent)
            parent = parent.parent
        for folder in reversed(missing):
            folder.mkdir()
            self._made.append(folder)
            self.created.append(folder)

    def _temporary(self, path: Path) -> Path:
        path = Path(path)
        self._check(path)
        self._make_parent(path)
        fd, tmp = tempfile.mkstemp(prefix=_temp_name(path), suffix=".part", dir=path.parent)
        os.close(fd)
        _private(tmp)
        self._staged.append((Path(tmp), path))
        self.targets.append(path)
        return Path(tmp)

    def staged(self, target: Path) -> Path | None:
        """The temporary file standing for ``target``, before commit."""
        return next((tmp for tmp, t in self._staged if t == target), None)

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
        self._check(path, folder=True)
        if path.exists() and not path.is_dir():
            raise InputError(path, "is a file, not a folder")
        if path.is_dir() and any(path.iterdir()) and not replaceable(path):
            raise InputError(path, "is a folder holding other files; give a new or empty folder")
        self._make_parent(path)
        tmp = Path(tempfile.mkdtemp(prefix=_temp_name(path), suffix=".part", dir=path.parent))
        _private(tmp, folder=True)
        self._folders.append((tmp, path))
        self.targets.append(path)
        return tmp

    def _journal(self, olds: dict[Path, Path]) -> Path | None:
        if len(self._staged) + len(self._folders) < 2:
            return None
        base = Path(os.path.commonpath([str(t.parent.resolve()) for t in self.targets]))
        ops = [{"kind": "file", "tmp": str(tmp.resolve()), "target": str(t.resolve())} for tmp, t in self._staged]
        ops += [
            {"kind": "folder", "tmp": str(tmp.resolve()), "target": str(t.resolve()), "old": str(olds[t].resolve())}
            for tmp, t in self._folders
        ]
        fd, name = tempfile.mkstemp(prefix=f"{JOURNAL}.{os.getpid()}.", suffix=".journal", dir=base)
        with os.fdopen(fd, "w", encoding="utf-8") as fh:
            json.dump(ops, fh, ensure_ascii=False)
            fh.flush()
            os.fsync(fh.fileno())
        _sync_folder(base)
        return Path(name)

    def commit(self) -> None:
        for _tmp, target in self._staged:
            if target.is_dir():
                self.discard()
                raise IsADirectoryError(f"{target} is a folder; it cannot be replaced by a file")
        for tmp, _target in self._folders:
            for root, dirs, files in os.walk(tmp):
                for name in dirs:
                    _private(Path(root) / name, folder=True)
                for name in files:
                    _private(Path(root) / name)
        olds = {
            target: Path(tempfile.mkdtemp(prefix=_temp_name(target), suffix=".old", dir=target.parent))
            for _tmp, target in self._folders
        }
        journal = self._journal(olds)
        for tmp, target in self._staged:
            os.replace(tmp, target)
        for tmp, target in self._folders:
            _rename_folder(tmp, target, olds[target])
        if journal is not None:
            journal.unlink()
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
        self.created.clear()
