"""The open document, owned by one object that the views observe.

``CurrentDocument`` holds the :class:`~annotation.model.Document` on screen and is
the only thing that changes it: after storage has applied a change, it reads what
happened from the change's inverse (which carries the rows as they are now, ids
included) and updates the document in place.  The transcript view, the
highlighter and the panels only listen to its signals; none of them mutates a
document.
"""

from __future__ import annotations

from bisect import bisect_left, bisect_right, insort
from collections.abc import Callable

from PySide6.QtCore import QObject, Signal

from annotation.changes import (
    AddSpans,
    AddSpeaker,
    Change,
    DeleteSpans,
    DeleteSpeaker,
    MergeTurn,
    ReplaceTurns,
    RestoreTurn,
    SetLanguage,
    SetStatus,
    SetTurnSpeakers,
    UpdateSpans,
    UpdateSpeaker,
    flatten,
)
from annotation.model import Document, Span, Speaker, Turn
from annotation.transcript import SECTIONS_KEY

_TURN_KINDS = (SetTurnSpeakers, MergeTurn, RestoreTurn, AddSpeaker, DeleteSpeaker, UpdateSpeaker, ReplaceTurns)


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
        self._index([])

    def _index(self, spans: list[Span]) -> None:
        """Rebuild the derived indexes from ``spans`` (in reading order)."""
        self.visible: list[Span] = [s for s in spans if s.status != "rejected"]  # what a person sees
        self.starts: list[int] = [s.start for s in self.visible]  # for bisection
        self.max_length = max((s.end - s.start for s in self.visible), default=0)  # an upper bound
        self.suggested = sum(1 for s in self.visible if s.status == "suggested")
        self.accepted = sum(1 for s in self.visible if s.status == "accepted")
        self._by_id = {s.id: s for s in spans}

    @property
    def id(self) -> str | None:
        return self.doc.id if self.doc is not None else None

    def show(self, doc: Document | None) -> None:
        """Make ``doc`` the open document (its spans in reading order), or none."""
        if doc is not None:
            doc.spans.sort(key=reading_order)
        self.doc = doc
        self._index(doc.spans if doc is not None else [])
        self.loaded.emit(doc)

    def applied(
        self, change: Change, inverse: Change, turns: Callable[[], tuple[list[Turn], list[Speaker]]]
    ) -> None:
        """Bring the document up to date with ``change``, which storage applied; ``inverse`` is what it returned.

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
        for part in flatten(change):
            if isinstance(part, SetLanguage):
                doc.source.language = part.after
            if isinstance(part, ReplaceTurns):  # a re-detected layout: its name and sections too
                doc.source.layout, doc.source.confidence = part.layout, part.confidence
                if part.sections:
                    doc.metadata[SECTIONS_KEY] = part.sections
                else:
                    doc.metadata.pop(SECTIONS_KEY, None)
        if changed or removed:
            self._update_spans(changed, removed)
        if turns_changed:
            doc.turns, doc.speakers = turns()
            self.turnsChanged.emit()

    def _update_spans(self, changed: list[Span], removed: list[int]) -> None:
        """Replace spans by id and drop removed ones, keeping every index sorted (by bisection)."""
        doc = self.doc
        assert doc is not None
        if len(changed) + len(removed) > 50:  # accept all, retag a group: one sort beats many bisections
            gone = set(removed) | {s.id for s in changed}
            doc.spans = sorted([s for s in doc.spans if s.id not in gone] + changed, key=reading_order)
            self._index(doc.spans)
        else:
            for span_id in [*removed, *(s.id for s in changed)]:
                old = self._by_id.pop(span_id, None)
                if old is not None:
                    self._drop(old)
            for span in changed:
                self._add(span)
        still = {s.id for s in changed}
        self.spansChanged.emit(changed, [i for i in removed if i not in still])

    def _drop(self, span: Span) -> None:
        key = reading_order(span)
        spans = self.doc.spans
        i = bisect_left(spans, key, key=reading_order)
        while i < len(spans) and spans[i].id != span.id:
            i += 1
        del spans[i]
        if span.status != "rejected":
            j = bisect_left(self.visible, key, key=reading_order)
            while self.visible[j].id != span.id:
                j += 1
            del self.visible[j]
            del self.starts[j]
            self.suggested -= span.status == "suggested"
            self.accepted -= span.status == "accepted"

    def _add(self, span: Span) -> None:
        key = reading_order(span)
        insort(self.doc.spans, span, key=reading_order)
        self._by_id[span.id] = span
        if span.status != "rejected":
            j = bisect_right(self.visible, key, key=reading_order)
            self.visible.insert(j, span)
            self.starts.insert(j, span.start)
            self.max_length = max(self.max_length, span.end - span.start)
            self.suggested += span.status == "suggested"
            self.accepted += span.status == "accepted"
