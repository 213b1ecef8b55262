"""Every edit is a QUndoCommand whose redo/undo call storage at once.

A command is applied once by :meth:`Session.push` (so an edit storage refuses is
never put on the stack), and the stack's first ``redo`` is then skipped.  The
commands need no window: they are tested on a bare ``QUndoStack``.
"""

from __future__ import annotations

from dataclasses import asdict
from typing import TYPE_CHECKING

from PySide6.QtGui import QUndoCommand

from annotation.model import Span

if TYPE_CHECKING:
    from .session import Session


class EditCommand(QUndoCommand):
    def __init__(self, session: Session, doc_id: str, text: str) -> None:
        super().__init__(text)
        self.session = session
        self.doc_id = doc_id
        self._skip_redo = False

    # Subclasses implement these two against storage.
    def apply(self) -> None:
        raise NotImplementedError

    def revert(self) -> None:
        raise NotImplementedError

    def redo(self) -> None:
        if self._skip_redo:
            self._skip_redo = False
        else:
            self.apply()
        self.session.changed(self.doc_id)

    def undo(self) -> None:
        self.revert()
        self.session.changed(self.doc_id)


class AddSpan(EditCommand):
    def __init__(self, session: Session, doc_id: str, span: Span) -> None:
        super().__init__(session, doc_id, f"Tag «{span.text}» as {span.label}")
        self.span = span

    def apply(self) -> None:
        self.span = self.session.project.add_span(self.doc_id, self.span)

    def revert(self) -> None:
        assert self.span.id is not None
        self.session.project.delete_span(self.span.id)


class DeleteSpan(EditCommand):
    def __init__(self, session: Session, doc_id: str, span: Span) -> None:
        super().__init__(session, doc_id, f"Delete {span.label} «{span.text}»")
        self.span = span

    def apply(self) -> None:
        assert self.span.id is not None
        self.span = self.session.project.delete_span(self.span.id)

    def revert(self) -> None:
        self.session.project.add_span(self.doc_id, self.span)  # keeps its id


class UpdateSpan(EditCommand):
    """Change some fields of a span (label, status, range, annotator…)."""

    def __init__(self, session: Session, doc_id: str, span: Span, text: str, **changes: object) -> None:
        super().__init__(session, doc_id, text)
        assert span.id is not None
        self.span_id = span.id
        self.before = {k: v for k, v in asdict(span).items() if k in changes}
        self.after = dict(changes)

    def apply(self) -> None:
        self.session.project.update_span(self.span_id, **self.after)

    def revert(self) -> None:
        self.session.project.update_span(self.span_id, **self.before)
