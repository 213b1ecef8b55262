"""Every edit is a QUndoCommand whose redo/undo call storage at once.

A command is applied once by :meth:`Session.push` (so an edit storage refuses is
never put on the stack), and the stack's first ``redo`` is then skipped.  After
each apply or revert the command tells the session what changed, so the views
update just those spans or turns.  The commands need no window: they are tested
on a bare ``QUndoStack``.
"""

from __future__ import annotations

from dataclasses import asdict
from typing import TYPE_CHECKING

from PySide6.QtGui import QUndoCommand

from annotation.model import Label, Span, Speaker, Turn

if TYPE_CHECKING:
    from .session import Session


class EditCommand(QUndoCommand):
    def __init__(self, session: Session, doc_id: str | None, text: str) -> None:
        super().__init__(text)
        self.session = session
        self.doc_id = doc_id
        self._skip_redo = False

    # Subclasses implement these two against storage and report what changed.
    def apply(self) -> None:
        raise NotImplementedError

    def revert(self) -> None:
        raise NotImplementedError

    def redo(self) -> None:
        if self._skip_redo:
            self._skip_redo = False
            return
        self.apply()

    def undo(self) -> None:
        self.revert()


# -- spans ----------------------------------------------------------------------


class AddSpans(EditCommand):
    """Add one or more spans (a tag, or a propagated tag)."""

    def __init__(self, session: Session, doc_id: str, spans: list[Span], text: str) -> None:
        super().__init__(session, doc_id, text)
        self.spans = spans

    def apply(self) -> None:
        self.spans = self.session.project.add_spans(self.doc_id, self.spans)
        self.session.spans_changed(self.doc_id, self.spans, [])

    def revert(self) -> None:
        ids = [s.id for s in self.spans]
        self.session.project.delete_spans(ids)
        self.session.spans_changed(self.doc_id, [], ids)


class RerunModel(EditCommand):
    """New model suggestions from a re-run; undo removes them (the raw output stays logged)."""

    def __init__(self, session: Session, doc_id: str, mentions: list) -> None:
        super().__init__(session, doc_id, "Re-run the model")
        self.mentions = mentions
        self.spans: list[Span] = []

    def apply(self) -> None:
        if not self.spans:
            self.spans = self.session.project.add_suggestions(self.doc_id, self.mentions)
        else:
            self.spans = self.session.project.add_spans(self.doc_id, self.spans)  # redo keeps the ids
        self.setText(f"Re-run the model: {len(self.spans)} new suggestion(s)")
        self.session.spans_changed(self.doc_id, self.spans, [])

    def revert(self) -> None:
        ids = [s.id for s in self.spans]
        self.session.project.delete_spans(ids)
        self.session.spans_changed(self.doc_id, [], ids)


class DeleteSpans(EditCommand):
    def __init__(self, session: Session, doc_id: str, spans: list[Span], text: str) -> None:
        super().__init__(session, doc_id, text)
        self.spans = spans

    def apply(self) -> None:
        ids = [s.id for s in self.spans]
        self.spans = self.session.project.delete_spans(ids)
        self.session.spans_changed(self.doc_id, [], ids)

    def revert(self) -> None:
        self.spans = self.session.project.add_spans(self.doc_id, self.spans)  # ids are kept
        self.session.spans_changed(self.doc_id, self.spans, [])


class UpdateSpans(EditCommand):
    """Change fields of one or many spans: label, status, boundaries, annotator."""

    def __init__(self, session: Session, doc_id: str, changes: list[tuple[int, dict]], text: str) -> None:
        super().__init__(session, doc_id, text)
        self.changes = changes
        self.before: list[tuple[int, dict]] = []

    def _set(self, changes: list[tuple[int, dict]]) -> list[tuple[int, dict]]:
        before = self.session.project.update_spans(changes)
        spans = self.session.project.get_spans([span_id for span_id, _ in changes])
        self.session.spans_changed(self.doc_id, spans, [])
        return before

    def apply(self) -> None:
        self.before = self._set(self.changes)

    def revert(self) -> None:
        self._set(self.before)


def span_changes(span: Span, **changes: object) -> tuple[int, dict]:
    assert span.id is not None
    return (span.id, dict(changes))


def previous_values(span: Span, changes: dict) -> dict:
    values = asdict(span)
    return {k: values[k] for k in changes}


# -- turns and speakers -----------------------------------------------------------


class SetTurnSpeakers(EditCommand):
    def __init__(self, session: Session, doc_id: str, changes: list[tuple[int, str]], text: str) -> None:
        super().__init__(session, doc_id, text)
        self.changes = changes
        self.before: list[tuple[int, str]] = []

    def apply(self) -> None:
        self.before = self.session.project.set_turn_speakers(self.changes)
        self.session.turns_changed(self.doc_id)

    def revert(self) -> None:
        self.session.project.set_turn_speakers(self.before)
        self.session.turns_changed(self.doc_id)


class SplitTurn(EditCommand):
    def __init__(self, session: Session, doc_id: str, turn: Turn, offset: int) -> None:
        super().__init__(session, doc_id, f"Split {turn.speaker}'s turn")
        self.turn_id = turn.id
        self.offset = offset
        self.new_turn: Turn | None = None

    def apply(self) -> None:
        self.new_turn = self.session.project.split_turn(self.turn_id, self.offset)
        self.session.turns_changed(self.doc_id)

    def revert(self) -> None:
        assert self.new_turn is not None and self.new_turn.id is not None
        self.session.project.merge_turn(self.new_turn.id)
        self.session.turns_changed(self.doc_id)


class MergeTurn(EditCommand):
    def __init__(self, session: Session, doc_id: str, turn: Turn, previous: Turn) -> None:
        super().__init__(session, doc_id, f"Merge {turn.speaker}'s turn into the one before")
        self.turn_id = turn.id
        self.previous_id = previous.id
        self.removed: Turn | None = None

    def apply(self) -> None:
        self.removed = self.session.project.merge_turn(self.turn_id)
        self.session.turns_changed(self.doc_id)

    def revert(self) -> None:
        assert self.removed is not None
        restored = self.session.project.restore_split(self.previous_id, self.removed)
        self.turn_id = restored.id
        self.session.turns_changed(self.doc_id)


class UpdateSpeaker(EditCommand):
    """Rename a speaker everywhere and/or change its role."""

    def __init__(self, session: Session, doc_id: str, speaker: Speaker, name: str, role: str, text: str) -> None:
        super().__init__(session, doc_id, text)
        self.old = Speaker(speaker.name, speaker.role)
        self.new = Speaker(name, role)

    def apply(self) -> None:
        self.session.project.update_speaker(self.doc_id, self.old.name, new_name=self.new.name, role=self.new.role)
        self.session.turns_changed(self.doc_id)

    def revert(self) -> None:
        self.session.project.update_speaker(self.doc_id, self.new.name, new_name=self.old.name, role=self.old.role)
        self.session.turns_changed(self.doc_id)


class AddSpeaker(EditCommand):
    def __init__(self, session: Session, doc_id: str, speaker: Speaker) -> None:
        super().__init__(session, doc_id, f"Add speaker {speaker.name}")
        self.speaker = speaker

    def apply(self) -> None:
        self.session.project.add_speaker(self.doc_id, self.speaker)
        self.session.turns_changed(self.doc_id)

    def revert(self) -> None:
        self.session.project.remove_speaker(self.doc_id, self.speaker.name)
        self.session.turns_changed(self.doc_id)


# -- documents and labels --------------------------------------------------------------


class SetStatus(EditCommand):
    def __init__(self, session: Session, doc_id: str, old: str, new: str) -> None:
        super().__init__(session, doc_id, f"Mark document {new.replace('_', ' ')}")
        self.old, self.new = old, new

    def apply(self) -> None:
        self.session.project.set_status(self.doc_id, self.new)
        self.session.status_changed(self.doc_id)

    def revert(self) -> None:
        self.session.project.set_status(self.doc_id, self.old)
        self.session.status_changed(self.doc_id)


class AddLabel(EditCommand):
    def __init__(self, session: Session, label: Label) -> None:
        super().__init__(session, None, f"Add label {label.name}")
        self.label = label

    def apply(self) -> None:
        self.session.project.add_label(self.label)
        self.session.labels_changed()

    def revert(self) -> None:
        self.session.project.delete_label(self.label.name, spans="refuse")
        self.session.labels_changed()


class UpdateLabel(EditCommand):
    """Rename a label (its spans follow) or change its colour, hotkey or description."""

    def __init__(self, session: Session, old: Label, new: Label) -> None:
        super().__init__(session, None, f"Edit label {old.name}")
        self.old, self.new = old, new

    def apply(self) -> None:
        self.session.project.update_label(self.old.name, self.new)
        self.session.labels_changed()

    def revert(self) -> None:
        self.session.project.update_label(self.new.name, self.old)
        self.session.labels_changed()


class DeleteLabel(EditCommand):
    """Delete a label; its spans are deleted or relabelled, as the person chose."""

    def __init__(self, session: Session, label: Label, spans: str, relabel_to: str | None) -> None:
        super().__init__(session, None, f"Delete label {label.name}")
        self.label, self.mode, self.relabel_to = label, spans, relabel_to
        self.removed = None

    def apply(self) -> None:
        self.removed = self.session.project.delete_label(self.label.name, spans=self.mode, relabel_to=self.relabel_to)
        self.session.labels_changed()

    def revert(self) -> None:
        removed = self.removed
        self.session.project.restore_label(removed.label, removed.position, removed)
        self.session.labels_changed()
