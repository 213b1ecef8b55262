"""Ctrl+F: find in the shown document; every hit is highlighted in a selection layer."""

from __future__ import annotations

from PySide6.QtCore import Qt, Signal
from PySide6.QtGui import QColor, QTextCursor
from PySide6.QtWidgets import QHBoxLayout, QLabel, QLineEdit, QPushButton, QTextEdit, QWidget

from annotation.search import find_all

from .theme import SEARCH_HIT, SEARCH_HIT_TEXT
from .transcript_view import TranscriptView

MAX_HIGHLIGHTS = 2000  # extra selections are slow in the thousands; hits beyond this are still navigable


class FindBar(QWidget):
    closed = Signal()

    def __init__(self, view: TranscriptView, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.view = view
        self.hits: list[tuple[int, int]] = []
        self.edit = QLineEdit()
        self.edit.setObjectName("findEdit")
        self.edit.setPlaceholderText(self.tr("Find in document (case and ё/е ignored)"))
        self.edit.setClearButtonEnabled(True)
        self.edit.textChanged.connect(self.search)
        self.edit.returnPressed.connect(self._jump)
        self.count = QLabel()
        self.count.setTextFormat(Qt.TextFormat.PlainText)
        previous = QPushButton("↑")
        previous.setToolTip(self.tr("Previous hit (Shift+F3)"))
        previous.clicked.connect(self.previous)
        following = QPushButton("↓")
        following.setToolTip(self.tr("Next hit (F3)"))
        following.clicked.connect(self.next)
        close = QPushButton("✕")
        close.setToolTip(self.tr("Close (Esc)"))
        close.clicked.connect(self.close_bar)
        layout = QHBoxLayout(self)
        layout.setContentsMargins(4, 2, 4, 2)
        layout.addWidget(QLabel(self.tr("Find:")))
        layout.addWidget(self.edit, 1)
        layout.addWidget(self.count)
        for button in (previous, following, close):
            button.setFixedWidth(32)
            layout.addWidget(button)
        self.hide()

    def open_bar(self) -> None:
        self.show()
        cursor = self.view.textCursor()
        if cursor.hasSelection() and "\u2029" not in cursor.selectedText():
            self.edit.setText(cursor.selectedText())
        self.edit.setFocus()
        self.edit.selectAll()
        self.search()

    def close_bar(self) -> None:
        self.hide()
        self.view.layers.clear("search")
        self.view.setFocus()
        self.closed.emit()

    def keyPressEvent(self, event) -> None:  # noqa: N802 (Qt override)
        if event.key() == Qt.Key.Key_Escape:
            self.close_bar()
            return
        super().keyPressEvent(event)

    def search(self) -> None:
        doc = self.view.doc
        query = self.edit.text()
        self.hits = find_all(doc.text, query) if doc is not None and query.strip() else []
        selections = []
        color = QColor(SEARCH_HIT)
        for start, end in self.hits[:MAX_HIGHLIGHTS]:
            selection = QTextEdit.ExtraSelection()
            selection.format.setBackground(color)
            selection.format.setForeground(QColor(SEARCH_HIT_TEXT))
            cursor = QTextCursor(self.view.document())
            cursor.setPosition(self.view.offsets.to_utf16(start))
            cursor.setPosition(self.view.offsets.to_utf16(end), QTextCursor.MoveMode.KeepAnchor)
            selection.cursor = cursor
            selections.append(selection)
        self.view.layers.set("search", 5, selections)
        self.count.setText(self.tr("{n} found").format(n=len(self.hits)) if query.strip() else "")

    def _go(self, forward: bool) -> None:
        if not self.hits:
            return
        here = self.view.cursor_offset()
        if forward:
            following = [h for h in self.hits if h[0] > here]
            start, end = following[0] if following else self.hits[0]
        else:
            earlier = [h for h in self.hits if h[0] < here]
            start, end = earlier[-1] if earlier else self.hits[-1]
        self.view.select_offsets(start, end)
        self.view.centerCursor()
        index = self.hits.index((start, end)) + 1
        self.count.setText(self.tr("{index} of {count}").format(index=index, count=len(self.hits)))

    def next(self) -> None:
        self._go(True)

    def _jump(self) -> None:
        """Return in the box: go to the next hit and hand the keyboard to the text, so a
        digit tags the hit at once (the bar stays open; F3 goes on to the next one)."""
        self._go(True)
        if self.hits:
            self.view.setFocus()

    def previous(self) -> None:
        self._go(False)
