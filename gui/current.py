"""The open document, owned by one object that the views observe.

``CurrentDocument`` holds the :class:`~annotation.model.Document` on screen and is
the only thing that changes it: after storage has applied a change, it reads what
happened from the change's inverse (which carries the rows as they are now, ids
included) and updates the document in place.  The transcript view, the
highlighter and the panels only listen to its signals; none of them mutates a
document.
"""

from __future__ import annotations

from bisect import insort
from collections.abc import Callable

from PySide6.QtCore import QObject, Signal

from annotation.changes import (
    AddSpans,
    AddSpeaker,
    Change,
    DeleteSpans,
    DeleteSpeaker,
    MergeTurn,
    RestoreTurn,
    SetStatus,
    SetTurnSpeakers,
    UpdateSpans,
    UpdateSpeaker,
    flatten,
)
from annotation.model import Document, Span, Speaker, Turn

_TURN_KINDS = (SetTurnSpeakers, MergeTurn, RestoreTurn, AddSpeaker, DeleteSpeaker, UpdateSpeaker)


def reading_order(span: Span) -> tuple[int, int, str, int]:
    """Reading order of spans: by start, the outer one first."""
    return (span.start, -span.end, span.label, span.id or 0)


class CurrentDocument(QObject):
    loaded = Signal(object)  # the Document now shown, or None
    spansChanged = Signal(list, list)  # spans added or changed, ids of spans removed
    turnsChanged = Signal()  # turns or speakers
    statusChanged = Signal(str)

    def __init__(self, parent: QObject | None = None) -> None:
        super().__init__(parent)
        self.doc: Document | None = None

    @property
    def id(self) -> str | None:
        return self.doc.id if self.doc is not None else None

    def show(self, doc: Document | None) -> None:
        """Make ``doc`` the open document (its spans in reading order), or none."""
        if doc is not None:
            doc.spans.sort(key=reading_order)
        self.doc = doc
        self.loaded.emit(doc)

    def applied(self, inverse: Change, turns: Callable[[], tuple[list[Turn], list[Speaker]]]) -> None:
        """Bring the document up to date with a change that storage applied; ``inverse`` is what it returned.

        ``turns`` reads the document's turns and speakers as stored, for changes of
        turn structure (whose new ids only storage knows).
        """
        doc = self.doc
        if doc is None:
            return
        changed: list[Span] = []
        removed: list[int] = []
        turns_changed = False
        # The inverse lists its parts in reverse order of application.
        for part in reversed(flatten(inverse)):
            if isinstance(part, DeleteSpans):  # the change added these
                changed.extend(part.spans)
            elif isinstance(part, AddSpans):  # the change removed these
                removed.extend(s.id for s in part.spans)
            elif isinstance(part, UpdateSpans):  # ``before`` holds the rows as they are now
                changed.extend(part.before)
            elif isinstance(part, SetStatus):
                doc.status = part.before
                self.statusChanged.emit(doc.status)
            elif isinstance(part, _TURN_KINDS):
                turns_changed = True
        if changed or removed:
            self._update_spans(changed, removed)
        if turns_changed:
            doc.turns, doc.speakers = turns()
            self.turnsChanged.emit()

    def _update_spans(self, changed: list[Span], removed: list[int]) -> None:
        doc = self.doc
        assert doc is not None
        gone = set(removed) | {s.id for s in changed}
        still = {s.id for s in changed}
        doc.spans = [s for s in doc.spans if s.id not in gone]
        if len(changed) > 50:  # accept all, retag a group: one sort beats many insertions
            doc.spans.extend(changed)
            doc.spans.sort(key=reading_order)
        else:
            for span in changed:
                insort(doc.spans, span, key=reading_order)
        self.spansChanged.emit(changed, [i for i in removed if i not in still])
