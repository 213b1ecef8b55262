"""The History panel: this session's edits (undoable) under the project's edit log of earlier sessions (read-only).

Every applied change is logged in the project (``Project.edit_log``), so the
history of a document survives a restart; only this session's edits are on the
undo stack.
"""

from __future__ import annotations

from PySide6.QtCore import QDateTime, Qt
from PySide6.QtWidgets import QLabel, QListWidget, QSplitter, QUndoView, QVBoxLayout, QWidget

from annotation.changes import describe
from storage import StorageError

from .session import Session
from .translations import title_text


class HistoryPanel(QWidget):
    def __init__(self, session: Session, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.session = session
        self.started = QDateTime.currentDateTimeUtc().toString(Qt.DateFormat.ISODateWithMs)
        self.earlier = QListWidget()
        self.earlier.setObjectName("editLog")
        self.earlier.setToolTip(self.tr("Edits of earlier sessions, from the project's edit log (not undoable)"))
        self.undo_view = QUndoView(session.undo_stack)
        self.undo_view.setObjectName("historyView")
        self.undo_view.setEmptyLabel(self.tr("(opened)"))
        caption = QLabel(self.tr("Earlier sessions (read-only):"))
        caption.setTextFormat(Qt.TextFormat.PlainText)
        split = QSplitter(Qt.Orientation.Vertical)
        top = QWidget()
        top_layout = QVBoxLayout(top)
        top_layout.setContentsMargins(0, 0, 0, 0)
        top_layout.addWidget(caption)
        top_layout.addWidget(self.earlier)
        split.addWidget(top)
        split.addWidget(self.undo_view)
        split.setSizes([120, 300])
        layout = QVBoxLayout(self)
        layout.setContentsMargins(0, 0, 0, 0)
        layout.addWidget(split)
        self.setFocusProxy(self.undo_view)
        session.current.loaded.connect(self.show_log)

    def show_log(self, doc=None) -> None:
        """The logged edits of the open document (and of the label schema) made before this session."""
        self.earlier.clear()
        if doc is None:
            return
        try:
            entries = self.session.project.edit_log(doc.id)
        except StorageError:
            return
        for entry in entries:
            if entry.time < self.started:
                text = title_text(describe(entry.change))  # in the interface language; the log keeps English
                self.earlier.addItem(f"{entry.time[:16].replace('T', ' ')}  {entry.annotator or '—'}: {text}")
        self.earlier.scrollToBottom()
