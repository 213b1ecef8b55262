"""One undo command for every edit: a planned change and the inverse storage gave back.

``Session.push`` applies a change once and only then puts a ``ChangeCommand`` on
the stack (so a refused edit never reaches it), and the stack's first ``redo`` is
skipped.  Undo applies the inverse, which returns the change again (ids and all),
and redo applies that: storage keeps both exact.  A compound edit is one
``Batch`` change, so it is one undo entry.  The command needs no window; it is
tested on a bare ``QUndoStack``.
"""

from __future__ import annotations

from typing import Protocol

from PySide6.QtGui import QUndoCommand

from annotation.changes import Change, describe

from .translations import title_text


class Writer(Protocol):
    def write(self, change: Change) -> Change | None: ...


class ChangeCommand(QUndoCommand):
    def __init__(self, writer: Writer, change: Change, inverse: Change) -> None:
        super().__init__(title_text(describe(change)))  # in the interface language
        self.writer = writer
        self.change = change
        self.inverse = inverse
        self.doc_id = change.doc_id
        self._applied = True  # pushed after it was applied: the stack's first redo does nothing

    def redo(self) -> None:
        if self._applied:
            return
        inverse = self.writer.write(self.change)
        if inverse is None:  # refused (the file is locked or read-only): the edit stays undone
            self.setObsolete(True)
            return
        self.inverse, self._applied = inverse, True

    def undo(self) -> None:
        change = self.writer.write(self.inverse)
        if change is None:  # refused: the edit stays made, and leaves the history
            self.setObsolete(True)
            return
        self.change, self._applied = change, False
