"""The transcript: read-only, selectable text with each turn's speaker in a gutter.

The text is shown exactly as stored (``setPlainText``), so the only conversion
between Qt positions and document offsets is the UTF-16 one in ``offsets.py``.
"""

from __future__ import annotations

import re
from bisect import bisect_left, bisect_right

from PySide6.QtCore import QEvent, QRect, QSize, Qt, Signal
from PySide6.QtGui import QColor, QFont, QFontMetrics, QPainter, QPaintEvent, QTextCursor, QTextFormat
from PySide6.QtWidgets import QPlainTextEdit, QTextEdit, QWidget

from annotation.model import Document, Label, Span
from annotation.offsets import OffsetMap

from .current import CurrentDocument, reading_order
from .highlighter import SpanHighlighter
from .layers import SelectionLayers
from .theme import CURRENT_SPAN, GUTTER_BACKGROUND, GUTTER_RULE, role_color

GUTTER_MAX = 190


_order = reading_order
_NEWLINE = re.compile("\n")


def _marks(doc: Document) -> list[tuple[int, int]]:
    """Where each turn's speaker mark lies (between its start and its speech), without trailing spaces."""
    found = []
    for turn in doc.turns:
        mark = doc.text[turn.start : turn.content_start].rstrip()
        if mark:
            found.append((turn.start, turn.start + len(mark)))
    return found


class _Gutter(QWidget):
    def __init__(self, view: TranscriptView) -> None:
        super().__init__(view)
        self._view = view

    def sizeHint(self) -> QSize:  # noqa: N802 (Qt override)
        return QSize(self._view.gutter_width(), 0)

    def paintEvent(self, event: QPaintEvent) -> None:  # noqa: N802 (Qt override)
        self._view.paint_gutter(self, event)


class TranscriptView(QPlainTextEdit):
    """Shows one document.  Emits ``cursorOffsetChanged`` with a code-point offset."""

    cursorOffsetChanged = Signal(int)
    tabPressed = Signal(bool)  # True for Tab, False for Shift+Tab: entity navigation, not focus

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setReadOnly(True)
        # Read-only drops the caret and keyboard selection unless asked for (DESIGN.md).
        self.setTextInteractionFlags(
            Qt.TextInteractionFlag.TextSelectableByMouse | Qt.TextInteractionFlag.TextSelectableByKeyboard
        )
        self.setUndoRedoEnabled(False)
        self.setLineWrapMode(QPlainTextEdit.LineWrapMode.WidgetWidth)
        self.setContextMenuPolicy(Qt.ContextMenuPolicy.DefaultContextMenu)
        font = self.font()
        font.setPointSizeF(max(font.pointSizeF(), 11.0))
        self.setFont(font)
        self.document().setDocumentMargin(8)
        self.highlighter = SpanHighlighter(self.document())
        self.layers = SelectionLayers(self)
        self.offsets = OffsetMap("")
        self.current: CurrentDocument | None = None
        self._cycle = 0
        self._last_offset = -1
        # block number -> [(position in block, speaker, role)]: a turn split mid-paragraph starts mid-block
        self._turn_blocks: dict[int, list[tuple[int, str, str]]] = {}
        self._gutter = _Gutter(self)
        self._gutter_font = QFont(self.font())
        self._gutter_font.setBold(True)
        self._gutter_width = 120
        self.updateRequest.connect(self._update_gutter)
        self.cursorPositionChanged.connect(self._cursor_moved)
        self.observe(CurrentDocument(self))  # a window hands it the session's instead

    # -- content ------------------------------------------------------------

    def observe(self, current: CurrentDocument) -> None:
        """Show whatever document ``current`` holds, and follow its changes."""
        if self.current is not None:
            self.current.loaded.disconnect(self._loaded)
            self.current.spansChanged.disconnect(self._spans_changed)
            self.current.turnsChanged.disconnect(self._turns_changed)
        self.current = current
        current.loaded.connect(self._loaded)
        current.spansChanged.connect(self._spans_changed)
        current.turnsChanged.connect(self._turns_changed)

    @property
    def doc(self) -> Document | None:
        """The document shown (owned by :class:`CurrentDocument`; the view never changes it)."""
        return self.current.doc

    def _loaded(self, doc: Document | None) -> None:
        if doc is None:
            self.offsets = OffsetMap("")
            self._turn_blocks = {}
            self.highlighter.reset([], self.offsets, "", rehighlight=False)
            self.highlighter.set_marks([], rehighlight=False)
            self.setPlainText("")
            return
        self.offsets = OffsetMap(doc.text)
        self._newlines = [m.start() for m in _NEWLINE.finditer(doc.text)]
        # The spans are indexed first, so that setting the text highlights it just once.
        self.highlighter.reset(self.current.visible, self.offsets, doc.text, rehighlight=False)
        self.highlighter.set_marks(_marks(doc), rehighlight=False)
        self.setPlainText(doc.text)
        self._index_turns()
        cursor = self.textCursor()
        cursor.setPosition(0)
        self.setTextCursor(cursor)
        self._cursor_moved()

    def set_labels(self, labels: list[Label]) -> None:
        self.highlighter.set_labels(labels)
        if self.doc is not None:
            self.highlighter.rehighlight()

    def _spans_changed(self, changed: list[Span], removed: list[int]) -> None:
        """The document's spans changed (``changed`` by id, ``removed`` ids): redraw just those."""
        doc = self.doc
        assert doc is not None
        self.highlighter.update(changed, removed)
        self._cursor_moved()

    def _turns_changed(self) -> None:
        """New turns or speakers (after a split, merge or rename): redraw the gutter and the marks."""
        self.highlighter.set_marks(_marks(self.doc))
        self._index_turns()
        self._gutter.update()
        self._cursor_moved()

    def _index_turns(self) -> None:
        assert self.doc is not None
        roles = {s.name: s.role for s in self.doc.speakers}
        newlines = self._newlines
        self._turn_blocks = {}
        for turn in self.doc.turns:
            # Blocks are the text's lines: found by bisection, not by asking the QTextDocument per turn.
            number = bisect_left(newlines, turn.start)
            block_start = newlines[number - 1] + 1 if number else 0
            in_block = self.offsets.to_utf16(turn.start) - self.offsets.to_utf16(block_start)
            entry = (in_block, turn.speaker, roles.get(turn.speaker, "other"))
            self._turn_blocks.setdefault(number, []).append(entry)
        metrics = QFontMetrics(self._gutter_font)
        names = {s.name for s in self.doc.speakers}
        widest = max((metrics.horizontalAdvance(name) for name in names), default=60)
        self._gutter_width = min(GUTTER_MAX, widest + 20)
        self.setViewportMargins(self._gutter_width, 0, 0, 0)
        self._gutter.update()

    # -- positions ----------------------------------------------------------

    def cursor_offset(self) -> int:
        return self.offsets.from_utf16(self.textCursor().position())

    def selection_offsets(self) -> tuple[int, int]:
        cursor = self.textCursor()
        return self.offsets.from_utf16(cursor.selectionStart()), self.offsets.from_utf16(cursor.selectionEnd())

    def select_offsets(self, start: int, end: int) -> None:
        cursor = self.textCursor()
        cursor.setPosition(self.offsets.to_utf16(start))
        cursor.setPosition(self.offsets.to_utf16(end), QTextCursor.MoveMode.KeepAnchor)
        self.setTextCursor(cursor)

    def move_to_offset(self, offset: int, center: bool = True) -> None:
        cursor = self.textCursor()
        cursor.setPosition(self.offsets.to_utf16(offset))
        self.setTextCursor(cursor)
        if center:
            self.centerCursor()

    def spans_at(self, offset: int) -> list[Span]:
        """Visible spans covering ``offset`` (or ending right at it), innermost first."""
        # Spans are sorted by start; only those starting within the longest span's length can reach here.
        current = self.current
        lo = bisect_left(current.starts, offset - current.max_length)
        hi = bisect_right(current.starts, offset)
        near = current.visible[lo:hi]
        hits = [s for s in near if offset < s.end]
        if not hits:
            hits = [s for s in near if s.end == offset]
        return sorted(hits, key=lambda s: (s.end - s.start, s.start, s.label))

    def visible_spans(self) -> list[Span]:
        """The spans shown (all but rejected suggestions), in reading order."""
        return self.current.visible

    def current_span(self) -> Span | None:
        """The span the caret is on; with several, the one chosen by cycling (innermost first)."""
        spans = self.spans_at(self.cursor_offset())
        if not spans:
            return None
        return spans[self._cycle % len(spans)]

    def cycle_span(self) -> Span | None:
        """Make the next of several overlapping spans at the caret the current one."""
        self._cycle += 1
        self._draw_current()
        return self.current_span()

    def select_span(self, span: Span) -> None:
        """Put the caret on ``span`` and make it the current one, even if nested."""
        self.move_to_offset(span.start)
        spans = self.spans_at(span.start)
        ids = [s.id for s in spans]
        self._cycle = ids.index(span.id) if span.id in ids else 0
        self._draw_current()
        self.cursorOffsetChanged.emit(self.cursor_offset())

    def neighbour_span(self, forward: bool, suggested_only: bool = False) -> Span | None:
        """The next (or previous) visible span after (before) the current one or the caret."""
        current = self.current_span()
        offset = self.cursor_offset()
        key = _order(current) if current is not None else (offset, 0, "", -1)
        visible = self.current.visible
        wanted = (lambda s: s.status == "suggested") if suggested_only else (lambda s: True)
        if forward:
            i = bisect_right(visible, key, key=_order)
            return next((s for s in visible[i:] if wanted(s)), None)
        i = bisect_left(visible, key, key=_order)
        return next(
            (s for s in reversed(visible[:i]) if wanted(s) and (current is not None or s.start < offset)), None
        )

    def turn_index_at(self, offset: int) -> int | None:
        """Index of the turn holding ``offset``, or of the turn just before it (whitespace)."""
        if self.doc is None or not self.doc.turns:
            return None
        return max(0, bisect_right(self.doc.turns, offset, key=lambda turn: turn.start) - 1)

    def _cursor_moved(self) -> None:
        offset = self.cursor_offset()
        if offset != self._last_offset:
            self._cycle = 0
            self._last_offset = offset
        self._draw_current()
        self.cursorOffsetChanged.emit(offset)

    def _draw_current(self) -> None:
        span = self.current_span()
        selections = []
        if span is not None:
            sel = QTextEdit.ExtraSelection()
            sel.format.setProperty(QTextFormat.Property.OutlinePen, QColor(CURRENT_SPAN))
            sel.format.setFontUnderline(True)
            sel.format.setUnderlineColor(QColor(CURRENT_SPAN))
            cursor = QTextCursor(self.document())
            cursor.setPosition(self.offsets.to_utf16(span.start))
            cursor.setPosition(self.offsets.to_utf16(span.end), QTextCursor.MoveMode.KeepAnchor)
            sel.cursor = cursor
            selections.append(sel)
        self.layers.set("current-span", 10, selections)

    def event(self, event) -> bool:  # noqa: D102 (Qt override)
        # Tab and Shift+Tab walk the entities; focus moves between panels with F6.
        if event.type() == QEvent.Type.KeyPress and event.key() in (Qt.Key.Key_Tab, Qt.Key.Key_Backtab):
            if not event.modifiers() & ~Qt.KeyboardModifier.ShiftModifier:
                self.tabPressed.emit(event.key() == Qt.Key.Key_Tab)
                return True
        return super().event(event)

    # -- gutter -------------------------------------------------------------

    def gutter_width(self) -> int:
        return self._gutter_width

    def resizeEvent(self, event) -> None:  # noqa: N802 (Qt override)
        super().resizeEvent(event)
        rect = self.contentsRect()
        self._gutter.setGeometry(QRect(rect.left(), rect.top(), self._gutter_width, rect.height()))

    def _update_gutter(self, rect: QRect, dy: int) -> None:
        if dy:
            self._gutter.scroll(0, dy)
        else:
            self._gutter.update(0, rect.y(), self._gutter.width(), rect.height())

    def paint_gutter(self, gutter: QWidget, event: QPaintEvent) -> None:
        painter = QPainter(gutter)
        painter.fillRect(event.rect(), QColor(GUTTER_BACKGROUND))
        painter.setPen(QColor(GUTTER_RULE))
        painter.drawLine(gutter.width() - 1, event.rect().top(), gutter.width() - 1, event.rect().bottom())
        painter.setFont(self._gutter_font)
        metrics = painter.fontMetrics()
        block = self.firstVisibleBlock()
        offset = self.contentOffset()
        while block.isValid():
            geometry = self.blockBoundingGeometry(block).translated(offset)
            if geometry.top() > event.rect().bottom():
                break
            entries = self._turn_blocks.get(block.blockNumber(), ())
            if entries and geometry.bottom() >= event.rect().top():
                layout = block.layout()
                free = int(geometry.top())  # a second turn on one line is named below the first
                for in_block, name, role in entries:
                    line = layout.lineForTextPosition(in_block)
                    top = max(free, int(geometry.top() + (line.y() if line.isValid() else 0)))
                    free = top + metrics.height()
                    painter.setPen(role_color(role))
                    text = metrics.elidedText(name, Qt.TextElideMode.ElideRight, gutter.width() - 14)
                    painter.drawText(
                        QRect(4, top + 1, gutter.width() - 12, metrics.height()),
                        Qt.AlignmentFlag.AlignRight | Qt.AlignmentFlag.AlignTop,
                        text,
                    )
            block = block.next()
        painter.end()
