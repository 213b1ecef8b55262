"""The transcript: read-only, selectable text with each turn's speaker in a gutter.

The text is shown exactly as stored (``setPlainText``), so the only conversion
between Qt positions and document offsets is the UTF-16 one in ``offsets.py``.
"""

from __future__ import annotations

from PySide6.QtCore import QRect, QSize, Qt, Signal
from PySide6.QtGui import QColor, QFont, QFontMetrics, QPainter, QPaintEvent, QTextCursor, QTextFormat
from PySide6.QtWidgets import QPlainTextEdit, QTextEdit, QWidget

from annotation.model import Document, Label, Span

from .highlighter import SpanHighlighter
from .layers import SelectionLayers
from .offsets import OffsetMap

ROLE_COLORS = {
    "interviewer": "#1f5fa8",
    "respondent": "#9a3d12",
    "narrator": "#666666",
    "other": "#5b3a8c",
}
GUTTER_MAX = 190


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
        self.doc: Document | None = None
        self._turn_blocks: dict[int, tuple[str, str]] = {}
        self._gutter = _Gutter(self)
        self._gutter_font = QFont(self.font())
        self._gutter_font.setBold(True)
        self._gutter_width = 120
        self.updateRequest.connect(self._update_gutter)
        self.cursorPositionChanged.connect(self._cursor_moved)

    # -- content ------------------------------------------------------------

    def show_document(self, doc: Document, labels: list[Label]) -> None:
        self.doc = doc
        self.offsets = OffsetMap(doc.text)
        self.highlighter.set_labels(labels)
        self.highlighter.set_spans([], self.offsets)
        self.setPlainText(doc.text)
        self._index_turns()
        self.highlighter.set_spans(doc.spans, self.offsets)
        cursor = self.textCursor()
        cursor.setPosition(0)
        self.setTextCursor(cursor)
        self._cursor_moved()

    def clear_document(self) -> None:
        self.doc = None
        self.offsets = OffsetMap("")
        self._turn_blocks = {}
        self.highlighter.set_spans([], self.offsets)
        self.setPlainText("")

    def set_labels(self, labels: list[Label]) -> None:
        self.highlighter.set_labels(labels)
        if self.doc is not None:
            self.highlighter.rehighlight()

    def set_spans(self, spans: list[Span]) -> None:
        if self.doc is None:
            return
        self.doc.spans = spans
        self.highlighter.set_spans(spans, self.offsets)
        self._cursor_moved()

    def _index_turns(self) -> None:
        assert self.doc is not None
        roles = {s.name: s.role for s in self.doc.speakers}
        doc = self.document()
        self._turn_blocks = {}
        for turn in self.doc.turns:
            block = doc.findBlock(self.offsets.to_qt(turn.start))
            self._turn_blocks[block.blockNumber()] = (turn.speaker, roles.get(turn.speaker, "other"))
        metrics = QFontMetrics(self._gutter_font)
        widest = max((metrics.horizontalAdvance(name) for name, _ in self._turn_blocks.values()), default=60)
        self._gutter_width = min(GUTTER_MAX, widest + 20)
        self.setViewportMargins(self._gutter_width, 0, 0, 0)
        self._gutter.update()

    # -- positions ----------------------------------------------------------

    def cursor_offset(self) -> int:
        return self.offsets.from_qt(self.textCursor().position())

    def selection_offsets(self) -> tuple[int, int]:
        cursor = self.textCursor()
        return self.offsets.from_qt(cursor.selectionStart()), self.offsets.from_qt(cursor.selectionEnd())

    def select_offsets(self, start: int, end: int) -> None:
        cursor = self.textCursor()
        cursor.setPosition(self.offsets.to_qt(start))
        cursor.setPosition(self.offsets.to_qt(end), QTextCursor.MoveMode.KeepAnchor)
        self.setTextCursor(cursor)

    def move_to_offset(self, offset: int) -> None:
        cursor = self.textCursor()
        cursor.setPosition(self.offsets.to_qt(offset))
        self.setTextCursor(cursor)
        self.centerCursor()

    def spans_at(self, offset: int) -> list[Span]:
        """Visible spans covering ``offset`` (or ending right at it), innermost first."""
        if self.doc is None:
            return []
        hits = [s for s in self.doc.spans if s.status != "rejected" and s.start <= offset < s.end]
        if not hits:
            hits = [s for s in self.doc.spans if s.status != "rejected" and s.end == offset]
        return sorted(hits, key=lambda s: s.end - s.start)

    def _cursor_moved(self) -> None:
        offset = self.cursor_offset()
        spans = self.spans_at(offset)
        selections = []
        if spans:
            span = spans[0]
            sel = QTextEdit.ExtraSelection()
            sel.format.setProperty(QTextFormat.Property.OutlinePen, QColor("#202020"))
            sel.format.setFontUnderline(True)
            sel.format.setUnderlineColor(QColor("#202020"))
            cursor = QTextCursor(self.document())
            cursor.setPosition(self.offsets.to_qt(span.start))
            cursor.setPosition(self.offsets.to_qt(span.end), QTextCursor.MoveMode.KeepAnchor)
            sel.cursor = cursor
            selections.append(sel)
        self.layers.set("current-span", 10, selections)
        self.cursorOffsetChanged.emit(offset)

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
        painter.fillRect(event.rect(), QColor("#f3f1ec"))
        painter.setPen(QColor("#d8d4ca"))
        painter.drawLine(gutter.width() - 1, event.rect().top(), gutter.width() - 1, event.rect().bottom())
        painter.setFont(self._gutter_font)
        metrics = painter.fontMetrics()
        block = self.firstVisibleBlock()
        offset = self.contentOffset()
        while block.isValid():
            geometry = self.blockBoundingGeometry(block).translated(offset)
            if geometry.top() > event.rect().bottom():
                break
            entry = self._turn_blocks.get(block.blockNumber())
            if entry is not None and geometry.bottom() >= event.rect().top():
                name, role = entry
                painter.setPen(QColor(ROLE_COLORS.get(role, "#333333")))
                text = metrics.elidedText(name, Qt.TextElideMode.ElideRight, gutter.width() - 14)
                painter.drawText(
                    QRect(4, int(geometry.top()) + 1, gutter.width() - 12, metrics.height()),
                    Qt.AlignmentFlag.AlignRight | Qt.AlignmentFlag.AlignTop,
                    text,
                )
            block = block.next()
        painter.end()
